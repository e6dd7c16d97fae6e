/*
 * tests/xll/xll-host.c: a stand-in for Excel that loads airoi.xll and
 * checks it.
 *
 *   xll-host PATH-TO-airoi.xll [-v]
 *
 * It behaves as Excel does towards an XLL: it exports MdCallBack12 from its
 * own executable (the XLL finds it with GetProcAddress(GetModuleHandle(NULL))
 * on Windows, dlsym of the main program elsewhere; link with -rdynamic),
 * loads the add-in with LoadLibrary/dlopen, calls xlAutoOpen, records and
 * lints every xlfRegister call, calls every worksheet function through the
 * export named in its registration, hands every DLL-owned result back to
 * xlAutoFree12, hammers the functions from several threads, asks
 * xlAddInManagerInfo12 for the add-in's name and closes with xlAutoClose,
 * checking that every function is unregistered and that every
 * Excel-allocated string it handed out was released with xlFree.
 *
 * Prints one line per failure and a summary "xll-host: N passed, M failed";
 * exits 0 only when nothing failed. The same source builds natively (run by
 * `meson test`) and with mingw-w64 (run under wine by
 * bindings/excel/test-wine.sh).
 */
#include <math.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xloper12.h"

#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  include <windows.h>
#  define HOST_EXPORT __declspec(dllexport)
#else
#  include <dlfcn.h>
#  include <pthread.h>
#  define HOST_EXPORT __attribute__((visibility("default")))
#endif

#ifndef AIROI_EXPECTED_VERSION
#  define AIROI_EXPECTED_VERSION ""
#endif

HOST_EXPORT int XLL_CALL MdCallBack12(int xlfn, int coper, LPXLOPER12 *opers, LPXLOPER12 res);

/* ---- Bookkeeping ------------------------------------------------------- */

static atomic_int passed, failed;
static int verbose;

static void check(int ok, const char *fmt, ...)
{
    if (ok) {
        atomic_fetch_add(&passed, 1);
        if (!verbose)
            return;
    } else {
        atomic_fetch_add(&failed, 1);
    }
    va_list ap;
    va_start(ap, fmt);
    printf("%s: ", ok ? "ok" : "FAIL");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout);
}

/* A check made for every result: only failures are counted, so that the
 * summary counts the cases rather than the results the threads produce. */
static void require(int ok, const char *fmt, ...)
{
    if (ok)
        return;
    atomic_fetch_add(&failed, 1);
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL: ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout);
}

/* Everything the host allocates for arguments lives until the end. */
static void **arena;
static size_t arena_len, arena_cap;

static void *host_alloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "xll-host: out of memory\n");
        exit(2);
    }
    if (arena_len == arena_cap) {
        arena_cap = arena_cap ? arena_cap * 2 : 256;
        void **n = realloc(arena, arena_cap * sizeof *n);
        if (n == NULL) {
            fprintf(stderr, "xll-host: out of memory\n");
            exit(2);
        }
        arena = n;
    }
    arena[arena_len++] = p;
    return p;
}

static void arena_free(void)
{
    for (size_t i = 0; i < arena_len; i++)
        free(arena[i]);
    free(arena);
    arena = NULL;
    arena_len = arena_cap = 0;
}

/* Counted UTF-16 -> malloc'ed UTF-8 (the add-in's strings are ASCII, but
 * anything is converted faithfully enough to be printed and compared). */
static char *to_utf8(const XCHAR *s)
{
    size_t n = s != NULL ? s[0] : 0;
    char *out = malloc(n * 3 + 1);
    if (out == NULL)
        exit(2);
    size_t k = 0;
    for (size_t i = 1; i <= n; i++) {
        unsigned cp = s[i];
        if (cp < 0x80) {
            out[k++] = (char)cp;
        } else if (cp < 0x800) {
            out[k++] = (char)(0xc0 | (cp >> 6));
            out[k++] = (char)(0x80 | (cp & 0x3f));
        } else {
            out[k++] = (char)(0xe0 | (cp >> 12));
            out[k++] = (char)(0x80 | ((cp >> 6) & 0x3f));
            out[k++] = (char)(0x80 | (cp & 0x3f));
        }
    }
    out[k] = '\0';
    return out;
}

/* ASCII -> counted UTF-16 from the host arena. */
static XCHAR *from_ascii(const char *s)
{
    size_t n = strlen(s);
    XCHAR *x = host_alloc((n + 1) * sizeof *x);
    x[0] = (XCHAR)n;
    for (size_t i = 0; i < n; i++)
        x[i + 1] = (unsigned char)s[i];
    return x;
}

/* ---- The add-in -------------------------------------------------------- */

typedef int(XLL_CALL *auto_fn)(void);
typedef void(XLL_CALL *free_fn)(LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *info_fn)(LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *f0)(void);
typedef LPXLOPER12(XLL_CALL *f1)(LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *f2)(LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *f3)(LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *f4)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12);

static const char *xll_path;
#if defined(_WIN32)
static HMODULE module;
#else
static void *module;
#endif
static free_fn auto_free;

static void *symbol(const char *name)
{
    void *p = NULL;
#if defined(_WIN32)
    FARPROC f = GetProcAddress(module, name);
    memcpy(&p, &f, sizeof p);
#else
    p = dlsym(module, name);
#endif
    return p;
}

/* ---- Recorded registrations -------------------------------------------- */

#define MAX_REGS 64

typedef struct reg {
    char *module_text, *procedure, *type_text, *name, *arg_text, *category, *help;
    double macro_type;
    int shortcut_ok, topic_ok;
    int coper;
    int nhelp;
    char *arg_help[XL_MAX_CALLBACK_ARGS];
    double id;
    int nargs;        /* argument codes in type_text */
    void *fn;         /* the export named by procedure */
    int unregistered; /* xlfUnregister seen for id */
    int name_deleted; /* xlfSetName without definition seen for name */
} reg;

static reg regs[MAX_REGS];
static int nregs;
static int excel_strings_live; /* strings handed out by xlGetName, not yet xlFree'd */
static atomic_int in_calc;     /* worksheet functions are running */
static atomic_int calc_callbacks;

static char *arg_text(const XLOPER12 *x, int *ok)
{
    if (x == NULL || (x->xltype & 0xfff) != xltypeStr) {
        *ok = 0;
        return NULL;
    }
    return to_utf8(x->val.str);
}

static int on_register(int coper, LPXLOPER12 *opers, LPXLOPER12 res)
{
    int ok = 1;
    check(coper >= 10 && coper <= XL_MAX_CALLBACK_ARGS, "xlfRegister: %d arguments", coper);
    if (coper < 10 || coper > XL_MAX_CALLBACK_ARGS || nregs == MAX_REGS)
        return xlretInvCount;
    reg *r = &regs[nregs];
    memset(r, 0, sizeof *r);
    r->coper = coper;
    r->module_text = arg_text(opers[0], &ok);
    r->procedure = arg_text(opers[1], &ok);
    r->type_text = arg_text(opers[2], &ok);
    r->name = arg_text(opers[3], &ok);
    int ok_args = 1;
    r->arg_text = arg_text(opers[4], &ok_args);
    if (!ok_args) { /* a function without arguments may omit it */
        r->arg_text = NULL;
        ok &= (opers[4]->xltype & 0xfff) == xltypeMissing;
    }
    if ((opers[5]->xltype & 0xfff) == xltypeNum)
        r->macro_type = opers[5]->val.num;
    else if ((opers[5]->xltype & 0xfff) == xltypeInt)
        r->macro_type = opers[5]->val.w;
    r->category = arg_text(opers[6], &ok);
    r->shortcut_ok = (opers[7]->xltype & 0xfff) == xltypeMissing;
    r->topic_ok = (opers[8]->xltype & 0xfff) == xltypeMissing ||
                  (opers[8]->xltype & 0xfff) == xltypeStr;
    r->help = arg_text(opers[9], &ok);
    r->nhelp = coper - 10;
    for (int i = 0; i < r->nhelp; i++)
        r->arg_help[i] = arg_text(opers[10 + i], &ok);
    check(ok, "xlfRegister #%d (%s): every text argument is a string", nregs + 1,
          r->name ? r->name : "?");
    r->id = 1000.0 + nregs;
    nregs++;
    res->xltype = xltypeNum;
    res->val.num = r->id;
    return xlretSuccess;
}

HOST_EXPORT int XLL_CALL MdCallBack12(int xlfn, int coper, LPXLOPER12 *opers, LPXLOPER12 res)
{
    if (atomic_load(&in_calc) && xlfn != xlFree) {
        /* Phase-1 worksheet functions never need Excel; a callback from a
         * recalculation thread would be a bug (and most are forbidden in
         * thread-safe functions). */
        atomic_fetch_add(&calc_callbacks, 1);
        return xlretNotThreadSafe;
    }
    switch (xlfn) {
    case xlGetName: {
        check(coper == 0 && res != NULL, "xlGetName called with no arguments and a result");
        if (res == NULL)
            return xlretInvXloper;
        size_t n = strlen(xll_path);
        XCHAR *s = malloc((n + 1) * sizeof *s);
        if (s == NULL)
            return xlretFailed;
        s[0] = (XCHAR)n;
        for (size_t i = 0; i < n; i++)
            s[i + 1] = (unsigned char)xll_path[i];
        res->xltype = xltypeStr;
        res->val.str = s;
        excel_strings_live++;
        return xlretSuccess;
    }
    case xlFree:
        for (int i = 0; i < coper; i++) {
            LPXLOPER12 x = opers[i];
            if (x != NULL && (x->xltype & 0xfff) == xltypeStr && x->val.str != NULL) {
                free(x->val.str);
                x->val.str = NULL;
                excel_strings_live--;
            }
        }
        return xlretSuccess;
    case xlfRegister:
        return on_register(coper, opers, res);
    case xlfUnregister: {
        int found = 0;
        if (coper == 1 && (opers[0]->xltype & 0xfff) == xltypeNum)
            for (int i = 0; i < nregs; i++)
                if (regs[i].id == opers[0]->val.num && !regs[i].unregistered) {
                    regs[i].unregistered = found = 1;
                }
        check(found, "xlfUnregister with a registered id");
        if (res != NULL) {
            res->xltype = xltypeBool;
            res->val.xbool = found;
        }
        return xlretSuccess;
    }
    case xlfSetName: {
        int found = 0;
        if (coper == 1 && (opers[0]->xltype & 0xfff) == xltypeStr) {
            char *name = to_utf8(opers[0]->val.str);
            for (int i = 0; i < nregs; i++)
                if (strcmp(regs[i].name, name) == 0)
                    regs[i].name_deleted = found = 1;
            free(name);
        }
        check(found, "xlfSetName deletes the name of a registered function");
        if (res != NULL) {
            res->xltype = xltypeBool;
            res->val.xbool = found;
        }
        return xlretSuccess;
    }
    default:
        check(0, "unexpected callback xlfn=%d with %d arguments", xlfn, coper);
        return xlretInvXlfn;
    }
}

/* ---- Lint --------------------------------------------------------------- */

static const char *const expected_names[] = {
    "AIROI.NPV", "AIROI.XNPV", "AIROI.IRR", "AIROI.XIRR", "AIROI.MIRR",
    "AIROI.PAYBACK", "AIROI.DPAYBACK", "AIROI.ROI", "AIROI.NPVROI", "AIROI.VERSION",
};
#define NEXPECTED (sizeof expected_names / sizeof expected_names[0])

/* Parses an xlfRegister type string: the result code, argument codes (a
 * letter, optionally followed by %), then modifiers. Returns the number of
 * arguments, or -1 when malformed; *flags gets the modifiers. */
static int parse_type(const char *t, char *ret, char *flags)
{
    static const char codes[] = "ABCDEFGHIJKLMNOPQRUX";
    static const char pct[] = "CDFGKO"; /* codes with a wide (%) variant */
    size_t k = 0;
    int n = -1;
    flags[0] = '\0';
    while (t[k] != '\0' && strchr(codes, t[k]) != NULL) {
        if (n < 0)
            *ret = t[k];
        n++;
        if (t[k + 1] == '%') {
            if (strchr(pct, t[k]) == NULL)
                return -1;
            k++;
        }
        k++;
    }
    size_t f = 0;
    for (; t[k] != '\0'; k++) {
        if (strchr("!#$&", t[k]) == NULL || f >= 4)
            return -1;
        flags[f++] = t[k];
        flags[f] = '\0';
    }
    return n;
}

static int count_names(const char *text)
{
    if (text == NULL || *text == '\0')
        return 0;
    int n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ',';
    return n;
}

static int valid_arg_names(const char *text)
{
    if (text == NULL || *text == '\0')
        return 1;
    int len = 0;
    for (const char *p = text;; p++) {
        if (*p == ',' || *p == '\0') {
            if (len == 0)
                return 0;
            if (*p == '\0')
                return 1;
            len = 0;
        } else if ((*p >= 'a' && *p <= 'z') || *p == '_' || (len > 0 && *p >= '0' && *p <= '9')) {
            len++;
        } else {
            return 0;
        }
    }
}

static reg *find_reg(const char *name)
{
    for (int i = 0; i < nregs; i++)
        if (regs[i].name != NULL && strcmp(regs[i].name, name) == 0)
            return &regs[i];
    return NULL;
}

static void lint(void)
{
    check(nregs == (int)NEXPECTED, "xlAutoOpen registered %d functions (expected %d)", nregs,
          (int)NEXPECTED);
    for (size_t i = 0; i < NEXPECTED; i++)
        check(find_reg(expected_names[i]) != NULL, "%s is registered", expected_names[i]);
    for (int i = 0; i < nregs; i++) {
        reg *r = &regs[i];
        const char *nm = r->name ? r->name : "?";
        char ret = 0, flags[5];
        if (r->name == NULL || r->procedure == NULL || r->type_text == NULL ||
            r->category == NULL || r->help == NULL || r->module_text == NULL) {
            check(0, "%s: incomplete registration", nm);
            continue;
        }
        int dup_name = 0, dup_proc = 0;
        for (int j = 0; j < i; j++) {
            dup_name |= strcmp(regs[j].name, r->name) == 0;
            dup_proc |= strcmp(regs[j].procedure, r->procedure) == 0;
        }
        check(!dup_name && !dup_proc, "%s: name and export %s registered once", nm, r->procedure);
        check(strcmp(r->module_text, xll_path) == 0, "%s: module text is the path from xlGetName",
              nm);
        check(strncmp(r->name, "AIROI.", 6) == 0 && strlen(r->name) > 6, "%s: AIROI. prefix", nm);
        for (const char *p = r->name; *p; p++)
            if (!((*p >= 'A' && *p <= 'Z') || *p == '.' || (*p >= '0' && *p <= '9'))) {
                check(0, "%s: upper-case name", nm);
                break;
            }
        r->nargs = parse_type(r->type_text, &ret, flags);
        check(r->nargs >= 0, "%s: type text '%s' is well formed", nm, r->type_text);
        if (r->nargs < 0)
            continue;
        check(ret == 'Q', "%s: returns an XLOPER12 of values (Q), got '%c'", nm, ret);
        for (const char *p = r->type_text + 1; *p && strchr("!#$&", *p) == NULL; p++)
            check(*p == 'Q', "%s: argument code '%c' is Q (values, no references)", nm, *p);
        check(strchr(flags, '$') != NULL, "%s: registered thread-safe ($)", nm);
        check(strchr(flags, '#') == NULL, "%s: not a macro-sheet equivalent (#)", nm);
        check(strchr(flags, '!') == NULL, "%s: not volatile (!)", nm);
        if (strchr(flags, '$') != NULL)
            check(strpbrk(r->type_text, "PR") == NULL, "%s: thread-safe without XLOPER (P/R)", nm);
        check(count_names(r->arg_text) == r->nargs,
              "%s: %d argument names for %d arguments ('%s')", nm, count_names(r->arg_text),
              r->nargs, r->arg_text ? r->arg_text : "");
        check(valid_arg_names(r->arg_text), "%s: argument names are identifiers ('%s')", nm,
              r->arg_text ? r->arg_text : "");
        check(r->arg_text == NULL || strlen(r->arg_text) <= 255, "%s: argument text <= 255", nm);
        check(r->macro_type == 1.0, "%s: macro type 1 (function)", nm);
        check(strcmp(r->category, "libairoi") == 0, "%s: category libairoi ('%s')", nm,
              r->category);
        check(r->shortcut_ok && r->topic_ok, "%s: no shortcut; help topic omitted or text", nm);
        size_t hl = strlen(r->help);
        check(hl >= 10 && hl <= 255, "%s: function help of %zu characters (10..255)", nm, hl);
        check(r->nhelp == r->nargs, "%s: %d argument help strings for %d arguments", nm, r->nhelp,
              r->nargs);
        for (int k = 0; k < r->nhelp; k++) {
            size_t al = r->arg_help[k] ? strlen(r->arg_help[k]) : 0;
            check(al >= 5 && al <= 255, "%s: help of argument %d has %zu characters (5..255)", nm,
                  k + 1, al);
        }
        r->fn = symbol(r->procedure);
        check(r->fn != NULL, "%s: export %s exists", nm, r->procedure);
    }
}

/* ---- Calling worksheet functions by their registered name -------------- */

typedef struct value {
    uint32_t type; /* xltypeNum, xltypeStr, xltypeErr, xltypeMulti, or 0: none */
    double num;
    int err;
    char str[256];
} value;

static atomic_long results_owned; /* results returned with xlbitDLLFree */
static atomic_long results_freed; /* ... handed to xlAutoFree12 */

static LPXLOPER12 invoke(const reg *r, LPXLOPER12 *a)
{
    switch (r->nargs) {
    case 0: { f0 f; memcpy(&f, &r->fn, sizeof f); return f(); }
    case 1: { f1 f; memcpy(&f, &r->fn, sizeof f); return f(a[0]); }
    case 2: { f2 f; memcpy(&f, &r->fn, sizeof f); return f(a[0], a[1]); }
    case 3: { f3 f; memcpy(&f, &r->fn, sizeof f); return f(a[0], a[1], a[2]); }
    case 4: { f4 f; memcpy(&f, &r->fn, sizeof f); return f(a[0], a[1], a[2], a[3]); }
    default: return NULL;
    }
}

/* Copies a result out as Excel does, then releases it with xlAutoFree12. */
static value take(const char *name, LPXLOPER12 x)
{
    value v;
    memset(&v, 0, sizeof v);
    if (x == NULL) { /* Excel shows #NUM!; only allocation failure may do it */
        check(0, "%s: returned NULL", name);
        v.type = xltypeErr;
        v.err = xlerrNum;
        return v;
    }
    uint32_t t = x->xltype & 0xfff;
    require((x->xltype & xlbitDLLFree) != 0, "%s: result is DLL-owned (xlbitDLLFree)", name);
    require((x->xltype & xlbitXLFree) == 0, "%s: result does not claim Excel's memory", name);
    v.type = t;
    switch (t) {
    case xltypeNum:
        v.num = x->val.num;
        require(isfinite(v.num), "%s: number is finite", name);
        break;
    case xltypeErr:
        v.err = x->val.err;
        break;
    case xltypeStr: {
        char *s = to_utf8(x->val.str);
        snprintf(v.str, sizeof v.str, "%s", s);
        free(s);
        break;
    }
    case xltypeMulti:
        break;
    default:
        require(0, "%s: result type 0x%x is a value", name, (unsigned)t);
    }
    if (x->xltype & xlbitDLLFree) {
        atomic_fetch_add(&results_owned, 1);
        auto_free(x);
        atomic_fetch_add(&results_freed, 1);
    }
    return v;
}

/* Calls the worksheet function registered as name with argc arguments;
 * omitted trailing arguments arrive as xltypeMissing, as in Excel. */
static LPXLOPER12 call_raw(const char *name, int argc, const XLOPER12 *args)
{
    const reg *r = find_reg(name);
    if (r == NULL || r->fn == NULL || argc > r->nargs || r->nargs > 4)
        return NULL;
    XLOPER12 copy[4];
    LPXLOPER12 argv[4];
    for (int i = 0; i < r->nargs; i++) {
        if (i < argc) {
            copy[i] = args[i];
        } else {
            memset(&copy[i], 0, sizeof copy[i]);
            copy[i].xltype = xltypeMissing;
        }
        argv[i] = &copy[i];
    }
    return invoke(r, argv);
}

static value call(const char *name, int argc, const XLOPER12 *args)
{
    if (find_reg(name) == NULL || find_reg(name)->fn == NULL) {
        value v;
        memset(&v, 0, sizeof v);
        check(0, "%s: not callable", name);
        return v;
    }
    atomic_store(&in_calc, 1);
    LPXLOPER12 x = call_raw(name, argc, args);
    atomic_store(&in_calc, 0);
    return take(name, x);
}

/* ---- Argument builders --------------------------------------------------- */

static XLOPER12 num(double v) { XLOPER12 x; memset(&x, 0, sizeof x); x.xltype = xltypeNum; x.val.num = v; return x; }
static XLOPER12 err(int e) { XLOPER12 x; memset(&x, 0, sizeof x); x.xltype = xltypeErr; x.val.err = e; return x; }
static XLOPER12 nil(void) { XLOPER12 x; memset(&x, 0, sizeof x); x.xltype = xltypeNil; return x; }
static XLOPER12 missing(void) { XLOPER12 x; memset(&x, 0, sizeof x); x.xltype = xltypeMissing; return x; }
static XLOPER12 boolean(int b) { XLOPER12 x; memset(&x, 0, sizeof x); x.xltype = xltypeBool; x.val.xbool = b; return x; }
static XLOPER12 text(const char *s) { XLOPER12 x; memset(&x, 0, sizeof x); x.xltype = xltypeStr; x.val.str = from_ascii(s); return x; }

/* A rows x cols array (a range passed by value), row by row. */
static XLOPER12 grid(int rows, int cols, const XLOPER12 *cells)
{
    XLOPER12 x;
    memset(&x, 0, sizeof x);
    XLOPER12 *a = host_alloc((size_t)rows * (size_t)cols * sizeof *a);
    memcpy(a, cells, (size_t)rows * (size_t)cols * sizeof *a);
    x.xltype = xltypeMulti;
    x.val.array.lparray = a;
    x.val.array.rows = rows;
    x.val.array.columns = cols;
    return x;
}

static XLOPER12 column(int n, const double *v)
{
    XLOPER12 *cells = host_alloc((size_t)n * sizeof *cells);
    for (int i = 0; i < n; i++)
        cells[i] = num(v[i]);
    return grid(n, 1, cells);
}

static XLOPER12 row(int n, const double *v)
{
    XLOPER12 x = column(n, v);
    x.val.array.rows = 1;
    x.val.array.columns = n;
    return x;
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define ARGS(...) ((const XLOPER12[]){__VA_ARGS__})
#define NARGS(...) ((int)(sizeof((const XLOPER12[]){__VA_ARGS__}) / sizeof(XLOPER12)))
#define CALL(name, ...) call(name, NARGS(__VA_ARGS__), ARGS(__VA_ARGS__))

static const char *err_name(int e)
{
    switch (e) {
    case xlerrNull: return "#NULL!";
    case xlerrDiv0: return "#DIV/0!";
    case xlerrValue: return "#VALUE!";
    case xlerrRef: return "#REF!";
    case xlerrName: return "#NAME?";
    case xlerrNum: return "#NUM!";
    case xlerrNA: return "#N/A";
    default: return "#?";
    }
}

static void expect_num(const char *what, value v, double expected, double tol)
{
    if (v.type == xltypeNum)
        check(fabs(v.num - expected) <= tol, "%s = %.10g (expected %.10g +- %g)", what, v.num,
              expected, tol);
    else if (v.type == xltypeErr)
        check(0, "%s = %s (expected %.10g)", what, err_name(v.err), expected);
    else
        check(0, "%s: type 0x%x (expected the number %.10g)", what, (unsigned)v.type, expected);
}

static void expect_err(const char *what, value v, int e)
{
    if (v.type == xltypeErr)
        check(v.err == e, "%s = %s (expected %s)", what, err_name(v.err), err_name(e));
    else if (v.type == xltypeNum)
        check(0, "%s = %.10g (expected %s)", what, v.num, err_name(e));
    else
        check(0, "%s: type 0x%x (expected %s)", what, (unsigned)v.type, err_name(e));
}

/* ---- Reference formulas (independent of the library) --------------------- */

static double ref_npv0(double r, const double *v, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += v[i] / pow(1.0 + r, i);
    return s;
}

static double ref_xnpv(double r, const double *v, const double *d, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += v[i] / pow(1.0 + r, (d[i] - d[0]) / 365.0);
    return s;
}

/* ---- The cases ------------------------------------------------------------ */

/* Microsoft's documented examples and the library's worked example 3. */
static const double ms_npv[] = {-10000, 3000, 4200, 6800};
static const double ms_npv2[] = {8000, 9200, 10000, 12000, 14500};
static const double ms_npv3[] = {8000, 9200, 10000, 12000, 14500, -9000};
static const double ms_xv[] = {-10000, 2750, 4250, 3250, 2750};
static const double ms_xd[] = {39448, 39508, 39751, 39859, 39904}; /* 2008-01-01 ... 2009-04-01 */
static const double ms_irr6[] = {-70000, 12000, 15000, 18000, 21000, 26000};
static const double ms_mirr[] = {-120000, 39000, 30000, 21000, 37000, 46000};
static const double ex3_net[] = {-350, 120, 340, 470};
static const double ex3_benefits[] = {0, 300, 490, 620};
static const double ex3_costs[] = {350, 180, 150, 150};

static void test_npv(void)
{
    const char *f = "AIROI.NPV";
    expect_num("NPV(10%, MS example 1)", CALL(f, num(0.1), column(4, ms_npv)), 1188.44, 0.005);
    expect_num("NPV(10%, MS example 1) exact", CALL(f, num(0.1), column(4, ms_npv)),
               1188.4434123352216, 1e-8);
    value v = CALL(f, num(0.08), column(5, ms_npv2));
    expect_num("NPV(8%, MS example 2) - 40000", (value){.type = v.type, .num = v.num - 40000, .err = v.err},
               1922.06, 0.005);
    v = CALL(f, num(0.08), column(6, ms_npv3));
    expect_num("NPV(8%, MS example 2 with -9000) - 40000",
               (value){.type = v.type, .num = v.num - 40000, .err = v.err}, -3749.47, 0.005);
    expect_num("NPV over a row", CALL(f, num(0.1), row(4, ms_npv)), 1188.4434123352216, 1e-8);
    expect_num("NPV of one number", CALL(f, num(0.1), num(110)), 100.0, 1e-9);
    expect_num("NPV with rate TRUE (1)", CALL(f, boolean(1), num(2)), 1.0, 1e-12);
    /* 2-D ranges are read row by row. */
    XLOPER12 g[] = {num(-10000), num(3000), num(4200), num(6800)};
    expect_num("NPV over a 2x2 range", CALL(f, num(0.1), grid(2, 2, g)), 1188.4434123352216, 1e-8);
    /* Blanks, text and logical values inside a range are skipped, as Excel's NPV. */
    XLOPER12 mixed[] = {num(-10000), nil(), text("n/a"), boolean(1), num(3000), num(4200), nil(), num(6800)};
    expect_num("NPV skips blanks, text and logicals in a range",
               CALL(f, num(0.1), grid(8, 1, mixed)), 1188.4434123352216, 1e-8);
    XLOPER12 with_err[] = {num(-10000), err(xlerrDiv0), num(3000)};
    expect_err("NPV passes an error in the range through", CALL(f, num(0.1), grid(3, 1, with_err)),
               xlerrDiv0);
    XLOPER12 blanks[] = {nil(), nil(), text("x")};
    expect_err("NPV of a range without numbers", CALL(f, num(0.1), grid(3, 1, blanks)), xlerrValue);
    expect_err("NPV rate text", CALL(f, text("ten"), column(4, ms_npv)), xlerrValue);
    expect_err("NPV rate blank", CALL(f, nil(), column(4, ms_npv)), xlerrValue);
    expect_err("NPV rate error passes through", CALL(f, err(xlerrNA), column(4, ms_npv)), xlerrNA);
    expect_err("NPV values missing", CALL(f, num(0.1)), xlerrValue);
    expect_err("NPV both missing", call(f, 0, NULL), xlerrValue);
    expect_err("NPV values text", CALL(f, num(0.1), text("abc")), xlerrValue);
    expect_err("NPV rate -1", CALL(f, num(-1), column(4, ms_npv)), xlerrNum);
    expect_err("NPV rate 2-D range", CALL(f, column(4, ms_npv), column(4, ms_npv)), xlerrValue);
    expect_err("NPV huge values overflow", CALL(f, num(-0.999999), column(4, (double[]){1e308, 1e308, 1e308, 1e308})),
               xlerrNum);
}

static void test_xnpv(void)
{
    const char *f = "AIROI.XNPV";
    expect_num("XNPV(9%, MS example)", CALL(f, num(0.09), column(5, ms_xv), column(5, ms_xd)),
               2086.65, 0.005);
    expect_num("XNPV(9%, MS example) vs reference",
               CALL(f, num(0.09), row(5, ms_xv), column(5, ms_xd)),
               ref_xnpv(0.09, ms_xv, ms_xd, 5), 1e-7);
    double frac[5];
    for (int i = 0; i < 5; i++)
        frac[i] = ms_xd[i] + 0.75; /* times of day are truncated */
    expect_num("XNPV truncates date serials", CALL(f, num(0.09), column(5, ms_xv), column(5, frac)),
               2086.647602031535, 1e-6);
    expect_num("XNPV of one flow", CALL(f, num(0.09), num(-5), num(40000)), -5.0, 1e-12);
    expect_err("XNPV count mismatch", CALL(f, num(0.09), column(5, ms_xv), column(4, ms_xd)), xlerrNum);
    double before[] = {39448, 39000, 39751, 39859, 39904};
    expect_err("XNPV date before the first", CALL(f, num(0.09), column(5, ms_xv), column(5, before)),
               xlerrNum);
    double neg[] = {39448, -1, 39751, 39859, 39904};
    expect_err("XNPV invalid date", CALL(f, num(0.09), column(5, ms_xv), column(5, neg)), xlerrValue);
    double late[] = {39448, 3e6, 39751, 39859, 39904};
    expect_err("XNPV date after 9999-12-31", CALL(f, num(0.09), column(5, ms_xv), column(5, late)),
               xlerrValue);
    XLOPER12 vblank[] = {num(-10000), nil(), num(4250), num(3250), num(2750)};
    expect_err("XNPV blank value", CALL(f, num(0.09), grid(5, 1, vblank), column(5, ms_xd)), xlerrValue);
    XLOPER12 dtext[] = {num(39448), num(39508), text("2008-10-30"), num(39859), num(39904)};
    expect_err("XNPV text date", CALL(f, num(0.09), column(5, ms_xv), grid(5, 1, dtext)), xlerrValue);
    XLOPER12 derr[] = {num(39448), num(39508), err(xlerrRef), num(39859), num(39904)};
    expect_err("XNPV error date passes through", CALL(f, num(0.09), column(5, ms_xv), grid(5, 1, derr)),
               xlerrRef);
    expect_err("XNPV dates missing", CALL(f, num(0.09), column(5, ms_xv)), xlerrValue);
    expect_err("XNPV rate text", CALL(f, text("x"), column(5, ms_xv), column(5, ms_xd)), xlerrValue);
}

static void test_irr(void)
{
    const char *f = "AIROI.IRR";
    expect_num("IRR(MS A2:A6)", CALL(f, column(5, ms_irr6)), -0.021, 0.0005);
    expect_num("IRR(MS A2:A7)", CALL(f, column(6, ms_irr6)), 0.087, 0.0005);
    expect_num("IRR(MS A2:A4, -10%)", CALL(f, column(3, ms_irr6), num(-0.1)), -0.444, 0.0005);
    value v = CALL(f, column(6, ms_irr6));
    if (v.type == xltypeNum)
        check(fabs(ref_npv0(v.num, ms_irr6, 6)) < 1e-6, "IRR(MS A2:A7): NPV at the IRR is 0 (%.3g)",
              ref_npv0(v.num, ms_irr6, 6));
    expect_num("IRR(worked example 3)", CALL(f, row(4, ex3_net)), 0.5399, 0.00005);
    expect_num("IRR guess blank = default", CALL(f, column(6, ms_irr6), nil()), 0.0866309480365316, 1e-7);
    XLOPER12 mixed[] = {num(-70000), nil(), num(12000), text("x"), num(15000), boolean(0), num(18000),
                        num(21000), num(26000)};
    expect_num("IRR skips blanks, text and logicals", CALL(f, grid(9, 1, mixed)), 0.0866309480365316,
               1e-7);
    expect_err("IRR no sign change", CALL(f, column(3, (double[]){1, 2, 3})), xlerrNum);
    expect_err("IRR of one value", CALL(f, num(-5)), xlerrNum);
    expect_err("IRR values missing", call(f, 0, NULL), xlerrValue);
    expect_err("IRR guess text", CALL(f, column(6, ms_irr6), text("g")), xlerrValue);
    expect_err("IRR guess error", CALL(f, column(6, ms_irr6), err(xlerrName)), xlerrName);
    expect_err("IRR guess -1", CALL(f, column(6, ms_irr6), num(-1)), xlerrNum);
    XLOPER12 with_err[] = {num(-1), err(xlerrNA), num(3)};
    expect_err("IRR error in range", CALL(f, grid(3, 1, with_err)), xlerrNA);
}

static void test_xirr(void)
{
    const char *f = "AIROI.XIRR";
    expect_num("XIRR(MS example)", CALL(f, column(5, ms_xv), column(5, ms_xd)), 0.3734, 0.00005);
    expect_num("XIRR(MS example) precise", CALL(f, column(5, ms_xv), column(5, ms_xd)),
               0.37336253351883136, 1e-6);
    value v = CALL(f, column(5, ms_xv), row(5, ms_xd), num(0.5));
    if (v.type == xltypeNum)
        check(fabs(ref_xnpv(v.num, ms_xv, ms_xd, 5)) < 1e-4, "XIRR: XNPV at the XIRR is 0 (%.3g)",
              ref_xnpv(v.num, ms_xv, ms_xd, 5));
    else
        check(0, "XIRR with guess 0.5 is a number");
    expect_err("XIRR count mismatch", CALL(f, column(5, ms_xv), column(3, ms_xd)), xlerrNum);
    double pos[] = {100, 200, 300, 400, 500};
    expect_err("XIRR all positive", CALL(f, column(5, pos), column(5, ms_xd)), xlerrNum);
    expect_err("XIRR one value", CALL(f, num(-5), num(39448)), xlerrNum);
    expect_err("XIRR dates missing", CALL(f, column(5, ms_xv)), xlerrValue);
    expect_err("XIRR guess text", CALL(f, column(5, ms_xv), column(5, ms_xd), text("x")), xlerrValue);
    XLOPER12 verr[] = {num(-10000), num(2750), err(xlerrDiv0), num(3250), num(2750)};
    expect_err("XIRR error value passes through", CALL(f, grid(5, 1, verr), column(5, ms_xd)), xlerrDiv0);
}

static void test_mirr(void)
{
    const char *f = "AIROI.MIRR";
    expect_num("MIRR(MS A2:A7, 10%, 12%)", CALL(f, column(6, ms_mirr), num(0.1), num(0.12)), 0.126, 0.0005);
    expect_num("MIRR(MS A2:A7, 10%, 12%) precise", CALL(f, column(6, ms_mirr), num(0.1), num(0.12)),
               0.1260941303659051, 1e-9);
    expect_num("MIRR(MS A2:A5, 10%, 12%)", CALL(f, column(4, ms_mirr), num(0.1), num(0.12)), -0.048, 0.0005);
    expect_num("MIRR(MS A2:A7, 10%, 14%)", CALL(f, row(6, ms_mirr), num(0.1), num(0.14)), 0.135, 0.0005);
    expect_err("MIRR without a negative flow (Excel: #DIV/0!)",
               CALL(f, column(3, (double[]){1, 2, 3}), num(0.1), num(0.1)), xlerrDiv0);
    expect_err("MIRR finance rate missing", CALL(f, column(6, ms_mirr)), xlerrValue);
    expect_err("MIRR reinvest rate text", CALL(f, column(6, ms_mirr), num(0.1), text("x")), xlerrValue);
    expect_err("MIRR rate error", CALL(f, column(6, ms_mirr), err(xlerrNA), num(0.1)), xlerrNA);
}

static void test_payback(void)
{
    expect_num("PAYBACK(worked example 3)", CALL("AIROI.PAYBACK", column(4, ex3_net)), 1.676, 0.0005);
    expect_num("PAYBACK(worked example 3) exact", CALL("AIROI.PAYBACK", row(4, ex3_net)),
               2.0 - 110.0 / 340.0, 1e-12);
    XLOPER12 gap[] = {num(-100), nil(), num(150)};
    expect_num("PAYBACK: a blank is a period without cash flow",
               CALL("AIROI.PAYBACK", grid(3, 1, gap)), 1.0 + 100.0 / 150.0, 1e-12);
    expect_num("PAYBACK at once", CALL("AIROI.PAYBACK", column(2, (double[]){10, -5})), 0.0, 0.0);
    expect_err("PAYBACK never (#N/A)", CALL("AIROI.PAYBACK", column(3, (double[]){-100, 10, 10})), xlerrNA);
    XLOPER12 txt[] = {num(-100), text("x"), num(150)};
    expect_err("PAYBACK text in range", CALL("AIROI.PAYBACK", grid(3, 1, txt)), xlerrValue);
    expect_err("PAYBACK missing", call("AIROI.PAYBACK", 0, NULL), xlerrValue);
    expect_num("DPAYBACK(8%, worked example 3)", CALL("AIROI.DPAYBACK", num(0.08), column(4, ex3_net)),
               1.820, 0.0005);
    expect_err("DPAYBACK never", CALL("AIROI.DPAYBACK", num(0.5), column(3, (double[]){-100, 60, 60})),
               xlerrNA);
    expect_err("DPAYBACK rate missing", CALL("AIROI.DPAYBACK", missing(), column(4, ex3_net)), xlerrValue);
    expect_err("DPAYBACK rate -2", CALL("AIROI.DPAYBACK", num(-2), column(4, ex3_net)), xlerrNum);
    XLOPER12 e[] = {num(-100), err(xlerrNull), num(150)};
    expect_err("DPAYBACK error passes through", CALL("AIROI.DPAYBACK", num(0.1), grid(3, 1, e)), xlerrNull);
}

static void test_roi(void)
{
    expect_num("ROI(worked example 3)", CALL("AIROI.ROI", column(4, ex3_benefits), column(4, ex3_costs)),
               0.699, 0.0005);
    expect_num("ROI(worked example 1)", CALL("AIROI.ROI", num(540), num(380)), 160.0 / 380.0, 1e-12);
    XLOPER12 b[] = {num(540), nil()};
    expect_num("ROI blanks count as 0", CALL("AIROI.ROI", grid(1, 2, b), num(380)), 160.0 / 380.0, 1e-12);
    expect_err("ROI costs 0", CALL("AIROI.ROI", num(5), num(0)), xlerrDiv0);
    expect_err("ROI negative costs", CALL("AIROI.ROI", num(5), num(-3)), xlerrNum);
    expect_err("ROI costs text", CALL("AIROI.ROI", num(5), text("x")), xlerrValue);
    expect_err("ROI costs missing", CALL("AIROI.ROI", num(5)), xlerrValue);
    expect_err("ROI error passes through", CALL("AIROI.ROI", err(xlerrName), num(5)), xlerrName);
    expect_err("ROI overflow", CALL("AIROI.ROI", column(2, (double[]){1.7e308, 1.7e308}), num(1)), xlerrNum);

    expect_num("NPVROI(8%, worked example 3)",
               CALL("AIROI.NPVROI", num(0.08), column(4, ex3_benefits), column(4, ex3_costs)), 0.557, 0.0005);
    expect_num("NPVROI vs reference",
               CALL("AIROI.NPVROI", num(0.08), row(4, ex3_benefits), column(4, ex3_costs)),
               (ref_npv0(0.08, ex3_benefits, 4) - ref_npv0(0.08, ex3_costs, 4)) / ref_npv0(0.08, ex3_costs, 4),
               1e-12);
    expect_err("NPVROI costs 0", CALL("AIROI.NPVROI", num(0.08), num(5), num(0)), xlerrDiv0);
    expect_err("NPVROI rate text", CALL("AIROI.NPVROI", text("x"), num(5), num(1)), xlerrValue);
    expect_err("NPVROI rate -1", CALL("AIROI.NPVROI", num(-1), num(5), num(1)), xlerrNum);
    expect_err("NPVROI benefits missing", CALL("AIROI.NPVROI", num(0.08)), xlerrValue);
}

static void test_version(void)
{
    value v = call("AIROI.VERSION", 0, NULL);
    check(v.type == xltypeStr, "VERSION returns text");
    check(v.type == xltypeStr && strcmp(v.str, AIROI_EXPECTED_VERSION) == 0,
          "VERSION = '%s' (expected '%s')", v.str, AIROI_EXPECTED_VERSION);
}

/* Results are fresh blocks: two live results never share memory. */
static void test_distinct_results(void)
{
    for (int i = 0; i < nregs; i++) {
        const reg *r = &regs[i];
        if (r->fn == NULL)
            continue;
        XLOPER12 a[4] = {num(0.1), column(4, ex3_net), column(4, ex3_costs), num(0.1)};
        atomic_store(&in_calc, 1);
        LPXLOPER12 x = call_raw(r->name, r->nargs, a);
        LPXLOPER12 y = call_raw(r->name, r->nargs, a);
        atomic_store(&in_calc, 0);
        check(x != NULL && y != NULL && x != y, "%s: two live results are distinct blocks", r->name);
        take(r->name, x);
        take(r->name, y);
    }
}

/* ---- Threads ------------------------------------------------------------ */

#define THREADS 4
#define ROUNDS 300

typedef struct job_case {
    const char *name;
    int argc;
    XLOPER12 args[3];
    value expect;
} job_case;

static job_case jobs[8];
static int njobs;
static atomic_int thread_mismatches;

static void add_job(const char *name, int argc, const XLOPER12 *args)
{
    job_case *j = &jobs[njobs++];
    j->name = name;
    j->argc = argc;
    if (argc > 0)
        memcpy(j->args, args, (size_t)argc * sizeof *args);
    j->expect = call(name, argc, args);
}

static int same_value(value a, value b)
{
    if (a.type != b.type)
        return 0;
    switch (a.type) {
    /* Not ==: under Windows, msvcrt's pow() runs on the x87 unit, whose
     * precision control differs between a mingw main thread (64-bit, set by
     * the CRT start-up) and new threads (53-bit, the Windows default, which
     * is also what Excel's threads use), so XNPV and XIRR may differ in the
     * last bit between threads. A data race would not be that polite. */
    case xltypeNum: return fabs(a.num - b.num) <= 1e-14 * fmax(1.0, fabs(b.num));
    case xltypeErr: return a.err == b.err;
    case xltypeStr: return strcmp(a.str, b.str) == 0;
    default: return 1;
    }
}

static void worker(int id)
{
    for (int round = 0; round < ROUNDS; round++) {
        for (int k = 0; k < njobs; k++) {
            const job_case *j = &jobs[(k + id) % njobs];
            LPXLOPER12 x = call_raw(j->name, j->argc, j->args);
            value v = take(j->name, x);
            if (!same_value(v, j->expect) && atomic_fetch_add(&thread_mismatches, 1) < 5)
                printf("thread %d: %s gave type 0x%x %.17g err %d, expected type 0x%x %.17g err %d\n",
                       id, j->name, (unsigned)v.type, v.num, v.err, (unsigned)j->expect.type,
                       j->expect.num, j->expect.err);
        }
    }
}

#if defined(_WIN32)
static DWORD WINAPI thread_main(LPVOID arg)
{
    worker((int)(intptr_t)arg);
    return 0;
}
#else
static void *thread_main(void *arg)
{
    worker((int)(intptr_t)arg);
    return NULL;
}
#endif

static void test_threads(void)
{
    add_job("AIROI.NPV", 2, ARGS(num(0.1), column(4, ms_npv)));
    add_job("AIROI.XNPV", 3, ARGS(num(0.09), column(5, ms_xv), column(5, ms_xd)));
    add_job("AIROI.IRR", 1, ARGS(column(6, ms_irr6)));
    add_job("AIROI.XIRR", 2, ARGS(column(5, ms_xv), column(5, ms_xd)));
    add_job("AIROI.MIRR", 3, ARGS(column(6, ms_mirr), num(0.1), num(0.12)));
    add_job("AIROI.PAYBACK", 1, ARGS(column(3, (double[]){-100, 10, 10})));
    add_job("AIROI.NPVROI", 3, ARGS(num(0.08), column(4, ex3_benefits), column(4, ex3_costs)));
    add_job("AIROI.VERSION", 0, NULL);
    atomic_store(&in_calc, 1);
    int started = 0;
#if defined(_WIN32)
    HANDLE th[THREADS];
    for (int i = 0; i < THREADS; i++) {
        th[i] = CreateThread(NULL, 0, thread_main, (LPVOID)(intptr_t)i, 0, NULL);
        if (th[i] != NULL)
            started++;
    }
    for (int i = 0; i < THREADS; i++)
        if (th[i] != NULL) {
            WaitForSingleObject(th[i], INFINITE);
            CloseHandle(th[i]);
        }
#else
    pthread_t th[THREADS];
    int ok[THREADS];
    for (int i = 0; i < THREADS; i++) {
        ok[i] = pthread_create(&th[i], NULL, thread_main, (void *)(intptr_t)i) == 0;
        started += ok[i];
    }
    for (int i = 0; i < THREADS; i++)
        if (ok[i])
            pthread_join(th[i], NULL);
#endif
    atomic_store(&in_calc, 0);
    check(started == THREADS, "%d recalculation threads started", started);
    check(atomic_load(&thread_mismatches) == 0,
          "%d threads x %d rounds x %d functions give the single-threaded answers (%d mismatches)",
          THREADS, ROUNDS, njobs, atomic_load(&thread_mismatches));
}

/* ---- Main ----------------------------------------------------------------- */

static int load(const char *path)
{
#if defined(_WIN32)
    module = LoadLibraryA(path);
#else
    module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (module == NULL)
        printf("dlopen: %s\n", dlerror());
#endif
    return module != NULL;
}

static void unload(void)
{
#if defined(_WIN32)
    FreeLibrary(module);
#else
    dlclose(module);
#endif
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: xll-host PATH-TO-airoi.xll [-v]\n");
        return 2;
    }
    xll_path = argv[1];
    verbose = argc > 2 && strcmp(argv[2], "-v") == 0;

    check(load(xll_path), "load %s", xll_path);
    if (module == NULL) {
        printf("xll-host: %d passed, %d failed\n", atomic_load(&passed), atomic_load(&failed));
        return 1;
    }
    auto_fn auto_open, auto_close;
    info_fn info;
    void *p;
    p = symbol("xlAutoOpen");
    memcpy(&auto_open, &p, sizeof p);
    p = symbol("xlAutoClose");
    memcpy(&auto_close, &p, sizeof p);
    p = symbol("xlAutoFree12");
    memcpy(&auto_free, &p, sizeof p);
    p = symbol("xlAddInManagerInfo12");
    memcpy(&info, &p, sizeof p);
    check(auto_open && auto_close && auto_free && info,
          "exports xlAutoOpen, xlAutoClose, xlAutoFree12, xlAddInManagerInfo12");
    if (!(auto_open && auto_close && auto_free && info)) {
        printf("xll-host: %d passed, %d failed\n", atomic_load(&passed), atomic_load(&failed));
        return 1;
    }

    check(auto_open() == 1, "xlAutoOpen returns 1");
    check(excel_strings_live == 0, "xlAutoOpen released the xlGetName string with xlFree");
    lint();

    test_npv();
    test_xnpv();
    test_irr();
    test_xirr();
    test_mirr();
    test_payback();
    test_roi();
    test_version();
    test_distinct_results();
    test_threads();
    check(atomic_load(&calc_callbacks) == 0, "no callbacks from worksheet functions (%d)",
          atomic_load(&calc_callbacks));

    XLOPER12 one = num(1), one_int = num(0), two = num(2);
    one_int.xltype = xltypeInt;
    one_int.val.w = 1;
    value v = take("xlAddInManagerInfo12(1)", info(&one));
    check(v.type == xltypeStr && strstr(v.str, "libairoi") != NULL,
          "xlAddInManagerInfo12(1) names the add-in ('%s')", v.str);
    v = take("xlAddInManagerInfo12(int 1)", info(&one_int));
    check(v.type == xltypeStr && strstr(v.str, "libairoi") != NULL,
          "xlAddInManagerInfo12(xltypeInt 1) names the add-in");
    v = take("xlAddInManagerInfo12(2)", info(&two));
    check(v.type == xltypeErr && v.err == xlerrValue, "xlAddInManagerInfo12(2) is #VALUE!");

    long owned = atomic_load(&results_owned), freed = atomic_load(&results_freed);
    check(owned > 0 && owned == freed, "every DLL-owned result reached xlAutoFree12 (%ld of %ld)",
          freed, owned);

    check(auto_close() == 1, "xlAutoClose returns 1");
    for (int i = 0; i < nregs; i++) {
        check(regs[i].unregistered, "%s: unregistered by xlAutoClose", regs[i].name);
        check(regs[i].name_deleted, "%s: its name deleted by xlAutoClose", regs[i].name);
    }
    check(excel_strings_live == 0, "every Excel-allocated string was released with xlFree (%d left)",
          excel_strings_live);
    unload();

    for (int i = 0; i < nregs; i++) {
        reg *r = &regs[i];
        free(r->module_text);
        free(r->procedure);
        free(r->type_text);
        free(r->name);
        free(r->arg_text);
        free(r->category);
        free(r->help);
        for (int k = 0; k < r->nhelp; k++)
            free(r->arg_help[k]);
    }
    arena_free();
    printf("xll-host: %d passed, %d failed (%ld results freed through xlAutoFree12)\n",
           atomic_load(&passed), atomic_load(&failed), freed);
    return atomic_load(&failed) == 0 ? 0 : 1;
}
