/*
 * tests/xll/xll-host.c: a stand-in for Excel that loads airoi.xll and
 * checks it.
 *
 *   xll-host PATH-TO-airoi.xll [MODEL.yaml] [-v]
 *   xll-host PATH-TO-airoi.xll --minimal [-v]
 *
 * MODEL.yaml is docs/examples/example3-three-year.yaml (worked example 3),
 * which the model functions (AIROI.LOAD, METRIC, SCHEDULE, TCO, FINDINGS)
 * are checked against. The host answers xlfCaller with the cell it is
 * "calculating" (an xltypeRef or xltypeSRef), so that handle ownership and
 * recalculation can be exercised.
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
 * With --minimal it is instead the smallest host an XLL may meet: its
 * MdCallBack12 answers only xlfRegister (with a number id) and returns
 * xlretInvXlfn for everything else (no xlGetName, xlfCaller, xlFree,
 * xlfUnregister); it refuses two registrations (AIROI.MIRR with an error
 * value, AIROI.ROI with xlretFailed), then checks that xlAutoOpen returns 1
 * and registered everything else under the add-in's own file name, and
 * calls AIROI.NPV, IRR, XIRR and VERSION by their registered names with
 * Microsoft's documented examples, every DLL-owned result going back to
 * xlAutoFree12.
 *
 * Prints one line per failure and a summary "xll-host: N passed, M failed";
 * exits 0 only when nothing failed. The same source builds natively (run by
 * `meson test`) and with mingw-w64 (run under wine by
 * bindings/excel/test-wine.sh).
 */
#include <dirent.h>
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

/* check() and require() are printf-like; mingw-w64: gnu_printf, the C99
 * printf family _POSIX_C_SOURCE selects (as AIROI__PRINTF in lib/core). */
#if defined(__MINGW32__)
#  define HOST_PRINTF(fmt, args) __attribute__((format(gnu_printf, fmt, args)))
#elif defined(__GNUC__)
#  define HOST_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#  define HOST_PRINTF(fmt, args)
#endif

#ifndef AIROI_EXPECTED_VERSION
#  define AIROI_EXPECTED_VERSION ""
#endif

HOST_EXPORT int XLL_CALL MdCallBack12(int xlfn, int coper, LPXLOPER12 *opers, LPXLOPER12 res);

/* ---- Bookkeeping ------------------------------------------------------- */

static atomic_int passed, failed;
static int verbose;

static void check(int ok, const char *fmt, ...) HOST_PRINTF(2, 3);
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
static void require(int ok, const char *fmt, ...) HOST_PRINTF(2, 3);
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
typedef LPXLOPER12(XLL_CALL *f5)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *f6)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12,
                                 LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *f7)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12,
                                 LPXLOPER12, LPXLOPER12);

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
    int refused;      /* --minimal: the host refused this registration */
    int name_deleted; /* xlfSetName without definition seen for name */
} reg;

static reg regs[MAX_REGS];
static int nregs;
static int excel_strings_live; /* strings (xlGetName) and references (xlfCaller) handed
                                 * out, not yet xlFree'd */
static atomic_int in_calc;     /* worksheet functions are running */
static atomic_int calc_callbacks;
static atomic_int unsafe_active; /* a function registered without $ is running (main thread) */

/* --minimal: the host answers only xlfRegister. */
static int minimal;
static int minimal_getname;  /* xlGetName requests refused */
static int minimal_refused;  /* other callbacks refused (xlFree, xlfUnregister, ...) */
static int minimal_bad_unregister; /* xlfUnregister of a refused registration */

/* The cell being calculated, as xlfCaller reports it. */
enum { CALLER_REF = 0, CALLER_SREF = 1, CALLER_NONE = 2 };
static int caller_kind;
static uintptr_t caller_sheet;
static int32_t caller_row, caller_col;
static int caller_calls;

static void set_caller(int kind, uintptr_t sheet, int32_t row, int32_t col)
{
    caller_kind = kind;
    caller_sheet = sheet;
    caller_row = row;
    caller_col = col;
}

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

/* --minimal: registers as on_register, but refuses AIROI.MIRR with an error
 * value (as Excel does for a bad registration) and AIROI.ROI with a failed
 * call that leaves the result untouched. */
static int minimal_register(int coper, LPXLOPER12 *opers, LPXLOPER12 res)
{
    if (res == NULL)
        return xlretInvXloper;
    XLOPER12 before = *res;
    int rc = on_register(coper, opers, res);
    if (rc != xlretSuccess)
        return rc;
    reg *r = &regs[nregs - 1];
    if (r->name != NULL && strcmp(r->name, "AIROI.MIRR") == 0) {
        r->refused = 1;
        res->xltype = xltypeErr;
        res->val.err = xlerrValue;
    } else if (r->name != NULL && strcmp(r->name, "AIROI.ROI") == 0) {
        r->refused = 1;
        *res = before;
        return xlretFailed;
    }
    return xlretSuccess;
}

static int minimal_callback(int xlfn, int coper, LPXLOPER12 *opers, LPXLOPER12 res)
{
    if (atomic_load(&in_calc)) { /* worksheet functions call nothing */
        atomic_fetch_add(&calc_callbacks, 1);
        return xlretInvXlfn;
    }
    if (xlfn == xlfRegister)
        return minimal_register(coper, opers, res);
    if (xlfn == xlGetName)
        minimal_getname++;
    else
        minimal_refused++;
    if (xlfn == xlfUnregister && coper == 1 && opers != NULL && opers[0] != NULL &&
        (opers[0]->xltype & 0xfff) == xltypeNum)
        for (int i = 0; i < nregs; i++)
            if (regs[i].refused && regs[i].id == opers[0]->val.num)
                minimal_bad_unregister++;
    return xlretInvXlfn;
}

HOST_EXPORT int XLL_CALL MdCallBack12(int xlfn, int coper, LPXLOPER12 *opers, LPXLOPER12 res)
{
    if (minimal)
        return minimal_callback(xlfn, coper, opers, res);
    if (xlfn == xlfCaller && atomic_load(&unsafe_active)) {
        /* Only functions registered without $ may ask for their cell. */
        caller_calls++;
        if (res == NULL || coper != 0)
            return xlretInvCount;
        if (caller_kind == CALLER_SREF) {
            res->xltype = xltypeSRef;
            res->val.sref.count = 1;
            res->val.sref.ref.rwFirst = res->val.sref.ref.rwLast = caller_row;
            res->val.sref.ref.colFirst = res->val.sref.ref.colLast = caller_col;
        } else if (caller_kind == CALLER_REF) {
            XLMREF12 *m = malloc(sizeof *m);
            if (m == NULL)
                return xlretFailed;
            m->count = 1;
            m->reftbl[0].rwFirst = m->reftbl[0].rwLast = caller_row;
            m->reftbl[0].colFirst = m->reftbl[0].colLast = caller_col;
            res->xltype = xltypeRef;
            res->val.mref.lpmref = m;
            res->val.mref.idSheet = caller_sheet;
            excel_strings_live++;
        } else {
            /* Called from VBA or a name: Excel gives an error value. */
            res->xltype = xltypeErr;
            res->val.err = xlerrRef;
        }
        return xlretSuccess;
    }
    if (atomic_load(&in_calc) && xlfn != xlFree) {
        /* Worksheet functions need Excel only for xlfCaller, and only
         * those registered without $ (handled above); any other callback
         * during a calculation is a bug (most are forbidden in thread-safe
         * functions). */
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
            } else if (x != NULL && (x->xltype & 0xfff) == xltypeRef &&
                       x->val.mref.lpmref != NULL) {
                free(x->val.mref.lpmref);
                x->val.mref.lpmref = NULL;
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
    "AIROI.PAYBACK", "AIROI.DPAYBACK", "AIROI.ROI", "AIROI.NPVROI",
    "AIROI.IPMT", "AIROI.PPMT", "AIROI.CUMIPMT", "AIROI.CUMPRINC", "AIROI.ISPMT", "AIROI.EFFECT",
    "AIROI.NOMINAL", "AIROI.PDURATION", "AIROI.RRI", "AIROI.FVSCHEDULE", "AIROI.SLN", "AIROI.SYD",
    "AIROI.DB", "AIROI.DDB", "AIROI.VDB", "AIROI.VERSION",
    "AIROI.LOAD", "AIROI.PROJECT", "AIROI.CHECK", "AIROI.METRIC", "AIROI.SCHEDULE", "AIROI.TCO",
    "AIROI.FINDINGS", "AIROI.SIMULATE", "AIROI.SIMSTAT", "AIROI.PERCENTILE", "AIROI.TORNADO",
    "AIROI.STAGES", "AIROI.VALIDATE", "AIROI.SCENARIOS", "AIROI.BENCHMARK", "AIROI.SAVE",
};

/* Functions that need their calling cell (xlfCaller), read files or compute
 * from a model's project (which one thread at a time may use): not
 * thread-safe. Every other function must be registered with $. */
static int needs_caller(const char *name)
{
    return strcmp(name, "AIROI.LOAD") == 0 || strcmp(name, "AIROI.PROJECT") == 0 ||
           strcmp(name, "AIROI.SIMULATE") == 0 || strcmp(name, "AIROI.TORNADO") == 0 ||
           strcmp(name, "AIROI.STAGES") == 0 || strcmp(name, "AIROI.VALIDATE") == 0 ||
           strcmp(name, "AIROI.SAVE") == 0;
}
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

/* --minimal: the add-in names itself (GetModuleFileNameW, dladdr). Natively
 * dladdr gives back the path given to dlopen; Windows gives the full path,
 * whose last component is the file loaded (compared without case). */
static int names_file(const char *text, const char *path)
{
#if defined(_WIN32)
    const char *a = strrchr(text, '\\'), *b = path;
    a = a != NULL ? a + 1 : text;
    for (const char *p = path; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            b = p + 1;
    if (*a == '\0' || strlen(a) != strlen(b))
        return 0;
    for (; *a; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
    }
    return text[1] == ':' || (text[0] == '\\' && text[1] == '\\'); /* an absolute path */
#else
    return strcmp(text, path) == 0;
#endif
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
        if (minimal)
            check(names_file(r->module_text, xll_path), "%s: module text '%s' is the add-in's own file",
                  nm, r->module_text);
        else
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
        if (needs_caller(r->name))
            check(strchr(flags, '$') == NULL,
                  "%s: not thread-safe (no $): it calls xlfCaller or uses a project", nm);
        else
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
        /* The add-in cuts a text for xlfRegister at 255 characters: a help
         * text must be shorter and end with its full stop (the last
         * argument's with the two spaces of padding), or it was cut. */
        size_t hl = strlen(r->help);
        check(hl >= 10 && hl < 255 && r->help[hl - 1] == '.',
              "%s: function help of %zu characters (10..254) ends with a full stop", nm, hl);
        check(r->nhelp == r->nargs, "%s: %d argument help strings for %d arguments", nm, r->nhelp,
              r->nargs);
        for (int k = 0; k < r->nhelp; k++) {
            const char *ah = r->arg_help[k] ? r->arg_help[k] : "";
            size_t al = strlen(ah);
            const char *end = k == r->nhelp - 1 ? ".  " : ".";
            check(al >= 5 && al < 255 && strcmp(ah + al - strlen(end), end) == 0,
                  "%s: help of argument %d has %zu characters (5..254) and ends with '%s'", nm,
                  k + 1, al, end);
        }
        r->fn = symbol(r->procedure);
        check(r->fn != NULL, "%s: export %s exists", nm, r->procedure);
    }
}

/* ---- Calling worksheet functions by their registered name -------------- */

#define MAX_CELLS 192

typedef struct cellv {
    uint32_t type; /* of an array element */
    double num;
    int err;
    char str[64];
} cellv;

typedef struct value {
    uint32_t type; /* xltypeNum, xltypeStr, xltypeErr, xltypeMulti, or 0: none */
    double num;
    int err;
    char str[256];
    int32_t rows, cols; /* xltypeMulti: its shape and first MAX_CELLS elements */
    cellv cells[MAX_CELLS];
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
    case 5: { f5 f; memcpy(&f, &r->fn, sizeof f); return f(a[0], a[1], a[2], a[3], a[4]); }
    case 6: { f6 f; memcpy(&f, &r->fn, sizeof f); return f(a[0], a[1], a[2], a[3], a[4], a[5]); }
    case 7: {
        f7 f;
        memcpy(&f, &r->fn, sizeof f);
        return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    }
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
    case xltypeMulti: {
        v.rows = x->val.array.rows;
        v.cols = x->val.array.columns;
        require(v.rows >= 1 && v.cols >= 1 && x->val.array.lparray != NULL,
                "%s: array of %d x %d elements", name, v.rows, v.cols);
        long n = v.rows >= 1 && v.cols >= 1 && x->val.array.lparray ? (long)v.rows * v.cols : 0;
        for (long i = 0; i < n; i++) {
            const XLOPER12 *e = &x->val.array.lparray[i];
            uint32_t et = e->xltype;
            require((et & (xlbitDLLFree | xlbitXLFree)) == 0, "%s: element %ld has no memory bits",
                    name, i);
            require(et == xltypeNum || et == xltypeStr || et == xltypeErr || et == xltypeNil,
                    "%s: element %ld type 0x%x is a plain value", name, i, (unsigned)et);
            if (et == xltypeNum)
                require(isfinite(e->val.num), "%s: element %ld is finite", name, i);
            if (i >= MAX_CELLS)
                continue;
            cellv *c = &v.cells[i];
            c->type = et;
            if (et == xltypeNum)
                c->num = e->val.num;
            else if (et == xltypeErr)
                c->err = e->val.err;
            else if (et == xltypeStr) {
                char *s = to_utf8(e->val.str);
                snprintf(c->str, sizeof c->str, "%s", s);
                free(s);
            }
        }
        break;
    }
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
    if (r == NULL || r->fn == NULL || argc > r->nargs || r->nargs > 7)
        return NULL;
    XLOPER12 copy[7];
    LPXLOPER12 argv[7];
    int unsafe = strchr(r->type_text, '$') == NULL;
    for (int i = 0; i < r->nargs; i++) {
        if (i < argc) {
            copy[i] = args[i];
        } else {
            memset(&copy[i], 0, sizeof copy[i]);
            copy[i].xltype = xltypeMissing;
        }
        argv[i] = &copy[i];
    }
    if (unsafe)
        atomic_store(&unsafe_active, 1);
    LPXLOPER12 x = invoke(r, argv);
    if (unsafe)
        atomic_store(&unsafe_active, 0);
    return x;
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

/* Text whose string is malloc'ed, for threads (the arena is not
 * thread-safe); free x.val.str after the call. */
static XLOPER12 text_tmp(const char *s)
{
    XLOPER12 x;
    memset(&x, 0, sizeof x);
    size_t n = strlen(s);
    XCHAR *u = malloc((n + 1) * sizeof *u);
    if (u == NULL)
        exit(2);
    u[0] = (XCHAR)n;
    for (size_t i = 0; i < n; i++)
        u[i + 1] = (unsigned char)s[i];
    x.xltype = xltypeStr;
    x.val.str = u;
    return x;
}

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
    /* Excel's NPV divides by 1 + rate: #DIV/0! at exactly -100 %. Below it
     * Excel computes a value but libairoi refuses the rate: #NUM!. */
    expect_err("NPV rate -1 (Excel: #DIV/0!)", CALL(f, num(-1), column(4, ms_npv)), xlerrDiv0);
    expect_err("NPV rate -1 with values missing", CALL(f, num(-1)), xlerrValue);
    expect_err("NPV rate -1 with an error in the range", CALL(f, num(-1), grid(3, 1, with_err)),
               xlerrDiv0);
    XLOPER12 with_na[] = {num(-10000), err(xlerrNA), num(3000)};
    expect_err("NPV rate -1: an error in the range comes first", CALL(f, num(-1), grid(3, 1, with_na)),
               xlerrNA);
    /* Below -100 % the powers are whole and Excel computes NPV (so does libairoi). */
    expect_num("NPV rate -2", CALL(f, num(-2), column(4, ms_npv)),
               10000.0 + 3000.0 - 4200.0 + 6800.0, 1e-9);
    expect_num("NPV rate -1.000001", CALL(f, num(-1.000001), column(4, ms_npv)),
               -10000 / -1e-6 + 3000 / pow(-1e-6, 2) + 4200 / pow(-1e-6, 3) + 6800 / pow(-1e-6, 4),
               1e-9 * 6800 / pow(1e-6, 4));
    expect_num("NPV rate -0.5", CALL(f, num(-0.5), column(4, ms_npv)),
               -10000 * 2.0 + 3000 * 4.0 + 4200 * 8.0 + 6800 * 16.0, 1e-6);
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
    expect_num("MIRR without a positive flow (Excel: -1)",
               CALL(f, column(3, (double[]){-1, -2, -3}), num(0.1), num(0.1)), -1.0, 0.0);
    expect_num("MIRR finance rate -2", CALL(f, column(3, (double[]){-100, 50, 60}), num(-2), num(0.1)),
               sqrt(115.0 / 100.0) - 1.0, 1e-12);
    expect_err("MIRR without a negative flow (Excel: #DIV/0!)",
               CALL(f, column(3, (double[]){1, 2, 3}), num(0.1), num(0.1)), xlerrDiv0);
    expect_err("MIRR finance rate missing", CALL(f, column(6, ms_mirr)), xlerrValue);
    expect_err("MIRR reinvest rate text", CALL(f, column(6, ms_mirr), num(0.1), text("x")), xlerrValue);
    expect_err("MIRR rate error", CALL(f, column(6, ms_mirr), err(xlerrNA), num(0.1)), xlerrNA);
}

/* Excel's loan, rate-conversion and depreciation functions: Microsoft's
 * examples, Excel's defaults for omitted arguments, its error values. */
static void test_finance_more(void)
{
    expect_num("IPMT(10%/12, 1, 36, 8000)", CALL("AIROI.IPMT", num(0.1 / 12), num(1), num(36), num(8000)),
               -66.67, 0.005);
    expect_num("IPMT(10%, 3, 3, 8000)", CALL("AIROI.IPMT", num(0.1), num(3), num(3), num(8000)), -292.45, 0.005);
    expect_num("IPMT type 1 period 1 is 0", CALL("AIROI.IPMT", num(0.1), num(1), num(3), num(8000), missing(),
               num(1)), 0.0, 0.0);
    expect_err("IPMT per 4 of 3", CALL("AIROI.IPMT", num(0.1), num(4), num(3), num(8000)), xlerrNum);
    expect_err("IPMT pv text", CALL("AIROI.IPMT", num(0.1), num(1), num(3), text("x")), xlerrValue);
    expect_err("IPMT nper missing", CALL("AIROI.IPMT", num(0.1), num(1)), xlerrValue);
    expect_num("PPMT(10%/12, 1, 24, 2000)", CALL("AIROI.PPMT", num(0.1 / 12), num(1), num(24), num(2000)),
               -75.62, 0.005);
    expect_num("PPMT(8%, 10, 10, 200000)", CALL("AIROI.PPMT", num(0.08), num(10), num(10), num(200000)),
               -27598.05, 0.005);
    expect_num("PPMT at 10% over 1000 years is exact",
               CALL("AIROI.PPMT", num(0.1), num(1), num(1000), num(10000)),
               -1000.0 / expm1(1000 * log1p(0.1)), 1e-50);
    expect_num("CUMIPMT(9%/12, 360, 125000, 13, 24, 0)",
               CALL("AIROI.CUMIPMT", num(0.0075), num(360), num(125000), num(13), num(24), num(0)),
               -11135.23213, 5e-6);
    expect_num("CUMPRINC(9%/12, 360, 125000, 1, 1, 0)",
               CALL("AIROI.CUMPRINC", num(0.0075), num(360), num(125000), num(1), num(1), num(0)),
               -68.27827118, 5e-9);
    expect_err("CUMIPMT type 2", CALL("AIROI.CUMIPMT", num(0.0075), num(360), num(125000), num(1), num(1),
               num(2)), xlerrNum);
    expect_num("ISPMT(10%, 0, 4, 4000)", CALL("AIROI.ISPMT", num(0.1), num(0), num(4), num(4000)), -400.0, 1e-9);
    expect_err("ISPMT nper 0 (#DIV/0!)", CALL("AIROI.ISPMT", num(0.1), num(0), num(0), num(4000)), xlerrDiv0);
    expect_num("EFFECT(5.25%, 4)", CALL("AIROI.EFFECT", num(0.0525), num(4)), 0.053542667, 5e-10);
    expect_err("EFFECT(0, 4) (Excel's documentation: #NUM!)", CALL("AIROI.EFFECT", num(0), num(4)), xlerrNum);
    expect_num("NOMINAL(5.3543%, 4)", CALL("AIROI.NOMINAL", num(0.053543), num(4)), 0.05250032, 5e-9);
    expect_num("PDURATION(2.5%, 2000, 2200)", CALL("AIROI.PDURATION", num(0.025), num(2000), num(2200)), 3.86,
               0.005);
    expect_num("RRI(96, 10000, 11000)", CALL("AIROI.RRI", num(96), num(10000), num(11000)), 0.0009933, 5e-8);
    expect_num("FVSCHEDULE(1, {9%, 11%, 10%})",
               CALL("AIROI.FVSCHEDULE", num(1), row(3, (double[]){0.09, 0.11, 0.1})), 1.33089, 1e-12);
    expect_num("SLN(30000, 7500, 10)", CALL("AIROI.SLN", num(30000), num(7500), num(10)), 2250.0, 1e-9);
    expect_err("SLN life 0 (#DIV/0!)", CALL("AIROI.SLN", num(30000), num(7500), num(0)), xlerrDiv0);
    expect_num("SYD(30000, 7500, 10, 1)", CALL("AIROI.SYD", num(30000), num(7500), num(10), num(1)), 4090.91,
               0.005);
    expect_num("DB(1e6, 1e5, 6, 7, 7)", CALL("AIROI.DB", num(1e6), num(1e5), num(6), num(7), num(7)), 15845.10,
               0.005);
    expect_num("DB month omitted is 12", CALL("AIROI.DB", num(1000), num(100), num(6), num(1)), 319.0, 1e-9);
    expect_num("DDB(2400, 300, 10, 2, 1.5)", CALL("AIROI.DDB", num(2400), num(300), num(10), num(2), num(1.5)),
               306.0, 1e-9);
    expect_num("DDB factor omitted is 2", CALL("AIROI.DDB", num(2400), num(300), num(10), num(1)), 480.0, 1e-9);
    expect_num("VDB(2400, 300, 120, 6, 18)", CALL("AIROI.VDB", num(2400), num(300), num(120), num(6), num(18)),
               396.31, 0.005);
    expect_num("VDB no_switch TRUE", CALL("AIROI.VDB", num(2400), num(300), num(10), num(1.5), num(3.7), num(2),
               boolean(1)), 671.232, 1e-9);
    expect_err("VDB end beyond life", CALL("AIROI.VDB", num(2400), num(300), num(10), num(0), num(11)),
               xlerrNum);
    /* Day counts of XNPV and XIRR: omitted is Excel's act/365f. */
    static const double xv[] = {-10000, 2750, 4250, 3250, 2750};
    static const double xd[] = {39448, 39508, 39751, 39859, 39904};
    expect_num("XNPV act/365f", CALL("AIROI.XNPV", num(0.09), column(5, xv), column(5, xd), text("ACT/365F")),
               2086.6476020315366, 1e-9);
    expect_num("XIRR 30/360", CALL("AIROI.XIRR", column(5, xv), column(5, xd), missing(), text("30/360")),
               0.37336610787202734, 1e-9);
    expect_num("XNPV act/act", CALL("AIROI.XNPV", num(0.09), column(5, xv), column(5, xd), text("act/act")),
               2088.8055213776975, 1e-9);
    expect_err("XNPV unknown day count", CALL("AIROI.XNPV", num(0.09), column(5, xv), column(5, xd),
               text("act/365")), xlerrValue);
    expect_err("XIRR day count a number", CALL("AIROI.XIRR", column(5, xv), column(5, xd), num(0.1), num(1)),
               xlerrValue);
}

/* Every function of xll-finance-more.c, and the day counts of XNPV and
 * XIRR, with a blank, text, an error value and an empty range in each
 * argument of a valid call: text and an empty range are #VALUE!, the error
 * passes through, a blank is #VALUE! where the argument is required and
 * the default (given explicitly) where it is optional; in FVSCHEDULE's
 * schedule blanks count as 0. */
static void test_finance_probes(void)
{
    static const double xv[] = {-10000, 2750, 4250, 3250, 2750};
    static const double xd[] = {39448, 39508, 39751, 39859, 39904};
    XLOPER12 blanks[] = {nil(), nil(), nil(), nil()};
    XLOPER12 probes[] = {nil(), text("x"), err(xlerrNull), grid(2, 2, blanks)};
    static const char *const labels[] = {"blank", "text", "error", "empty range"};
    /* dflt: R for a required argument, DC for a day count (act/365f when
     * omitted), else the number an omitted argument stands for */
    const double R = (double)NAN, DC = HUGE_VAL;
    struct {
        const char *name;
        int n;
        XLOPER12 a[7];
        double dflt[7];
        int zeros; /* the argument whose blanks count as 0, or -1 */
    } fns[] = {
        {"AIROI.IPMT", 6, {num(0.1), num(1), num(3), num(8000), num(100), num(1)},
         {R, R, R, R, 0, 0}, -1},
        {"AIROI.PPMT", 6, {num(0.1), num(1), num(3), num(8000), num(100), num(1)},
         {R, R, R, R, 0, 0}, -1},
        {"AIROI.CUMIPMT", 6, {num(0.0075), num(360), num(125000), num(13), num(24), num(0)},
         {R, R, R, R, R, R}, -1},
        {"AIROI.CUMPRINC", 6, {num(0.0075), num(360), num(125000), num(13), num(24), num(0)},
         {R, R, R, R, R, R}, -1},
        {"AIROI.ISPMT", 4, {num(0.1), num(1), num(4), num(4000)}, {R, R, R, R}, -1},
        {"AIROI.EFFECT", 2, {num(0.0525), num(4)}, {R, R}, -1},
        {"AIROI.NOMINAL", 2, {num(0.053543), num(4)}, {R, R}, -1},
        {"AIROI.PDURATION", 3, {num(0.025), num(2000), num(2200)}, {R, R, R}, -1},
        {"AIROI.RRI", 3, {num(96), num(10000), num(11000)}, {R, R, R}, -1},
        {"AIROI.FVSCHEDULE", 2, {num(1), num(0.09)}, {R, 0}, 1},
        {"AIROI.SLN", 3, {num(30000), num(7500), num(10)}, {R, R, R}, -1},
        {"AIROI.SYD", 4, {num(30000), num(7500), num(10), num(1)}, {R, R, R, R}, -1},
        {"AIROI.DB", 5, {num(1e6), num(1e5), num(6), num(7), num(7)}, {R, R, R, R, 12}, -1},
        {"AIROI.DDB", 5, {num(2400), num(300), num(10), num(2), num(1.5)}, {R, R, R, R, 2}, -1},
        {"AIROI.VDB", 7, {num(2400), num(300), num(10), num(1.5), num(3.7), num(1.5), num(1)},
         {R, R, R, R, R, 2, 0}, -1},
        {"AIROI.XNPV", 4, {num(0.09), column(5, xv), column(5, xd), text("act/360")},
         {R, R, R, DC}, -1},
        {"AIROI.XIRR", 4, {column(5, xv), column(5, xd), num(0.2), text("act/360")},
         {R, R, 0.1, DC}, -1},
    };
    for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
        const char *name = fns[f].name;
        value base = call(name, fns[f].n, fns[f].a);
        check(base.type == xltypeNum, "%s: the probes' valid call gives a number", name);
        for (int i = 0; i < fns[f].n; i++) {
            double dflt = fns[f].dflt[i];
            for (int k = 0; k < 4; k++) {
                XLOPER12 a[7];
                char what[96];
                memcpy(a, fns[f].a, sizeof a);
                a[i] = probes[k];
                snprintf(what, sizeof what, "%s with argument %d %s", name, i + 1, labels[k]);
                value v = call(name, fns[f].n, a);
                if (k == 2) {
                    expect_err(what, v, xlerrNull);
                } else if (k == 1 || (k == 3 && i != fns[f].zeros) || (k == 0 && isnan(dflt))) {
                    expect_err(what, v, xlerrValue);
                } else {
                    a[i] = isinf(dflt) ? text("act/365f") : num(dflt);
                    value d = call(name, fns[f].n, a);
                    check(d.type == xltypeNum && v.type == xltypeNum && v.num == d.num,
                          "%s = %.10g, as its default given (%.10g)", what, v.num, d.num);
                }
            }
        }
    }
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
    expect_err("DPAYBACK rate -1 (#DIV/0!)", CALL("AIROI.DPAYBACK", num(-1), column(4, ex3_net)),
               xlerrDiv0);
    expect_err("DPAYBACK rate -1 with text in the range", CALL("AIROI.DPAYBACK", num(-1),
               grid(3, 1, (XLOPER12[]){num(-100), text("x"), num(150)})), xlerrValue);
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
    /* The library's rule (airoi_roi): negative costs are divided by as they are. */
    expect_num("ROI negative costs", CALL("AIROI.ROI", num(5), num(-3)), (5.0 + 3.0) / -3.0, 1e-12);
    expect_num("ROI sums compensated", CALL("AIROI.ROI", num(2), column(3, (double[]){1e16, 1, -1e16})),
               1.0, 0);
    expect_err("ROI costs too small for the gain", CALL("AIROI.ROI", num(1e10), num(1e-300)), xlerrDiv0);
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
    expect_err("NPVROI rate -1 (#DIV/0!)", CALL("AIROI.NPVROI", num(-1), num(5), num(1)), xlerrDiv0);
    expect_err("NPVROI rate -1 with costs missing", CALL("AIROI.NPVROI", num(-1), num(5)), xlerrValue);
    expect_num("NPVROI rate -1.5", CALL("AIROI.NPVROI", num(-1.5), column(2, (double[]){5, 1}),
               column(2, (double[]){1, 1})), (5.0 + 1.0 / -0.5 - (1.0 + 1.0 / -0.5)) / (1.0 + 1.0 / -0.5),
               1e-12);
    expect_err("NPVROI benefits missing", CALL("AIROI.NPVROI", num(0.08)), xlerrValue);
}

static void test_version(void)
{
    value v = call("AIROI.VERSION", 0, NULL);
    check(v.type == xltypeStr, "VERSION returns text");
    check(v.type == xltypeStr && strcmp(v.str, AIROI_EXPECTED_VERSION) == 0,
          "VERSION = '%s' (expected '%s')", v.str, AIROI_EXPECTED_VERSION);
}

/* ---- Models and handles ---------------------------------------------------- */

static const cellv *at(const value *v, int r, int c)
{
    if (v->type != xltypeMulti || r < 0 || c < 0 || r >= v->rows || c >= v->cols ||
        (long)r * v->cols + c >= MAX_CELLS)
        return NULL;
    return &v->cells[(long)r * v->cols + c];
}

static int cell_is_str(const value *v, int r, int c, const char *s)
{
    const cellv *e = at(v, r, c);
    return e != NULL && e->type == xltypeStr && strcmp(e->str, s) == 0;
}

static int cell_near(const value *v, int r, int c, double x, double tol)
{
    const cellv *e = at(v, r, c);
    return e != NULL && e->type == xltypeNum && fabs(e->num - x) <= tol;
}

/* Row whose first cell is the text s, or -1. */
static int find_row(const value *v, const char *s)
{
    for (int r = 0; r < v->rows; r++)
        if (cell_is_str(v, r, 0, s))
            return r;
    return -1;
}

static int is_handle(const value *v)
{
    return v->type == xltypeStr && strncmp(v->str, "project#", 8) == 0 && strlen(v->str) > 8;
}

static value metric(const char *handle, const char *name)
{
    return CALL("AIROI.METRIC", text(handle), text(name));
}

static char thread_handle[256]; /* a live handle the threads read */

/* LOAD of a copy of the model whose name is not ASCII, "mod\u00e8le-\u03a9.yaml"
 * in the working directory: on Windows the add-in's path must reach the
 * library's _wfopen as UTF-16, not the ANSI code page. */
static void test_load_non_ascii(const char *model)
{
    static XCHAR name16[] = {13, 'm', 'o', 'd', 0x00e8, 'l', 'e', '-', 0x03a9, '.', 'y', 'a', 'm', 'l'};
    char buf[65536];
    FILE *in = fopen(model, "rb");
    size_t n = in != NULL ? fread(buf, 1, sizeof buf, in) : 0;
    if (in != NULL)
        fclose(in);
#if defined(_WIN32)
    FILE *out = _wfopen(L"mod\u00e8le-\u03a9.yaml", L"wb");
#else
    FILE *out = fopen("mod\xc3\xa8le-\xce\xa9.yaml", "wb");
#endif
    int written = out != NULL && n > 0 && fwrite(buf, 1, n, out) == n;
    if (out != NULL && fclose(out) != 0)
        written = 0;
    check(written, "a copy of the model named mod\xc3\xa8le-\xce\xa9.yaml");
    XLOPER12 path;
    memset(&path, 0, sizeof path);
    path.xltype = xltypeStr;
    path.val.str = name16;
    set_caller(CALLER_REF, 9, 0, 0);
    value h = CALL("AIROI.LOAD", path);
    check(is_handle(&h), "LOAD of a non-ASCII file name returns a handle ('%s')", h.str);
    if (is_handle(&h))
        expect_num("METRIC(npv) of the non-ASCII file", metric(h.str, "npv"), 425.71, 0.005);
#if defined(_WIN32)
    _wremove(L"mod\u00e8le-\u03a9.yaml");
#else
    remove("mod\xc3\xa8le-\xce\xa9.yaml");
#endif
}

static void test_load(const char *model)
{
    check(model != NULL, "a model file was given (docs/examples/example3-three-year.yaml)");
    if (model == NULL)
        return;
    int calls0 = caller_calls;
    set_caller(CALLER_REF, 7, 0, 0); /* sheet 7, A1 */
    value h = CALL("AIROI.LOAD", text(model));
    check(is_handle(&h), "LOAD(example 3) returns a handle ('%s')", h.str);
    check(caller_calls > calls0, "LOAD asks for its calling cell (xlfCaller)");
    char h1[256];
    snprintf(h1, sizeof h1, "%s", h.str);

    expect_num("METRIC(npv), worked example 3", metric(h1, "npv"), 425.71, 0.005);
    expect_num("METRIC(irr)", metric(h1, "irr"), 0.5399, 5e-5);
    expect_num("METRIC(payback_periods)", metric(h1, "payback_periods"), 1.676, 0.0005);
    expect_num("METRIC(discounted_payback_periods)", metric(h1, "discounted_payback_periods"),
               1.820, 0.0005);
    expect_num("METRIC(roi_horizon)", metric(h1, "roi_horizon"), 0.699, 0.0005);
    expect_num("METRIC(npv_roi)", metric(h1, "npv_roi"), 0.557, 0.0005);
    expect_num("METRIC(pv_costs)", metric(h1, "pv_costs"), 764.34, 0.005);
    expect_num("METRIC(tco_total)", metric(h1, "tco_total"), 830, 1e-9);
    expect_num("METRIC(npv) of a 1x1 range", CALL("AIROI.METRIC", grid(1, 1, ARGS(text(h1))),
               text("npv")), 425.71, 0.005);
    expect_num("METRIC(npv, blank scenario) = base", CALL("AIROI.METRIC", text(h1), text("npv"), nil()),
               425.71, 0.005);
    expect_err("METRIC unknown name", metric(h1, "nvp"), xlerrValue);
    expect_err("METRIC name is a number", CALL("AIROI.METRIC", text(h1), num(1)), xlerrValue);
    expect_err("METRIC name missing", CALL("AIROI.METRIC", text(h1)), xlerrValue);
    expect_err("METRIC unknown scenario", CALL("AIROI.METRIC", text(h1), text("npv"), text("best")),
               xlerrNA);
    expect_err("METRIC handle never issued", metric("project#999999", "npv"), xlerrNA);
    expect_err("METRIC handle malformed", metric("hello", "npv"), xlerrValue);
    expect_err("METRIC handle is a number", CALL("AIROI.METRIC", num(3), text("npv")), xlerrValue);
    expect_err("METRIC handle error passes through", CALL("AIROI.METRIC", err(xlerrRef), text("npv")),
               xlerrRef);
    expect_err("METRIC handle missing", call("AIROI.METRIC", 0, NULL), xlerrValue);

    value s = CALL("AIROI.SCHEDULE", text(h1));
    check(s.type == xltypeMulti && s.rows == 5 && s.cols == 6, "SCHEDULE is 5 x 6 (%d x %d)", s.rows,
          s.cols);
    static const char *const hdr[] = {"period", "costs", "benefits", "net", "cumulative", "discounted"};
    int hdr_ok = 1;
    for (int c = 0; c < 6; c++)
        hdr_ok &= cell_is_str(&s, 0, c, hdr[c]);
    check(hdr_ok, "SCHEDULE header row: period, costs, benefits, net, cumulative, discounted");
    double cum = 0.0;
    int rows_ok = 1;
    for (int t = 0; t < 4; t++) {
        cum += ex3_net[t];
        rows_ok &= cell_near(&s, t + 1, 0, t, 0.0) && cell_near(&s, t + 1, 1, ex3_costs[t], 1e-9) &&
                   cell_near(&s, t + 1, 2, ex3_benefits[t], 1e-9) &&
                   cell_near(&s, t + 1, 3, ex3_net[t], 1e-9) && cell_near(&s, t + 1, 4, cum, 1e-9) &&
                   cell_near(&s, t + 1, 5, ex3_net[t] / pow(1.08, t), 1e-9);
    }
    check(rows_ok, "SCHEDULE rows: period, costs, benefits, net, cumulative, discounted of example 3");
    expect_err("SCHEDULE handle never issued", CALL("AIROI.SCHEDULE", text("project#424242")), xlerrNA);
    expect_err("SCHEDULE handle missing", call("AIROI.SCHEDULE", 0, NULL), xlerrValue);

    value t = CALL("AIROI.TCO", text(h1));
    check(t.type == xltypeMulti && t.rows == 14 && t.cols == 2, "TCO is 14 x 2 (%d x %d)", t.rows, t.cols);
    check(cell_is_str(&t, 0, 0, "category") && cell_is_str(&t, 0, 1, "amount"), "TCO header row");
    int tr = find_row(&t, "total"), pr = find_row(&t, "people"), hr = find_row(&t, "hidden"),
        dr = find_row(&t, "direct"), sr = find_row(&t, "hidden_share"), mr = find_row(&t, "maintenance");
    check(tr > 0 && cell_near(&t, tr, 1, 830, 1e-9), "TCO total 830");
    check(pr > 0 && cell_near(&t, pr, 1, 830, 1e-9), "TCO people 830");
    check(dr > 0 && cell_near(&t, dr, 1, 830, 1e-9), "TCO direct 830");
    check(hr > 0 && cell_near(&t, hr, 1, 0, 0) && sr > 0 && cell_near(&t, sr, 1, 0, 0),
          "TCO hidden 0, hidden_share 0");
    check(mr > 0 && cell_near(&t, mr, 1, 0, 0), "TCO maintenance row 0");
    expect_err("TCO text that is no handle", CALL("AIROI.TCO", text("x#1")), xlerrNA);

    /* The findings of example 3, in the library's order: code and severity. */
    static const char *const ex3_findings[][2] = {
        {"MAINTENANCE_MISSING", "warning"},     {"HIDDEN_SHARE_LOW", "critical"},
        {"CATEGORY_BELOW_REFERENCE", "info"},   {"CATEGORY_BELOW_REFERENCE", "info"},
        {"CATEGORY_BELOW_REFERENCE", "info"},   {"CHANGE_UNDERFUNDED", "warning"},
        {"FAILURE_BUDGET_PATTERN", "warning"}, {"LABOUR_AS_CASH", "warning"},
    };
    const int n_findings = (int)(sizeof ex3_findings / sizeof ex3_findings[0]);
    value f = CALL("AIROI.FINDINGS", text(h1));
    check(f.type == xltypeMulti && f.cols == 6 && f.rows == n_findings + 1,
          "FINDINGS of example 3: %d rows x %d, expected %d x 6", f.rows, f.cols, n_findings + 1);
    check(cell_is_str(&f, 0, 0, "code") && cell_is_str(&f, 0, 1, "severity") &&
          cell_is_str(&f, 0, 2, "message") && cell_is_str(&f, 0, 3, "subject") &&
          cell_is_str(&f, 0, 4, "actual") && cell_is_str(&f, 0, 5, "reference"),
          "FINDINGS header row");
    /* HIDDEN_SHARE_LOW: the project's hidden share 0 against a reference above it */
    check(f.rows > 2 && cell_near(&f, 2, 4, 0.0, 0.0) && at(&f, 2, 5) != NULL &&
              at(&f, 2, 5)->type == xltypeNum && at(&f, 2, 5)->num > 0.0 &&
              at(&f, 2, 3) != NULL && at(&f, 2, 3)->type == xltypeNil,
          "FINDINGS HIDDEN_SHARE_LOW: no subject, actual 0, a positive reference");
    for (int r = 1; r <= n_findings && r < f.rows && r * 6 + 2 < MAX_CELLS; r++) {
        const cellv *msg = at(&f, r, 2);
        check(cell_is_str(&f, r, 0, ex3_findings[r - 1][0]) &&
                  cell_is_str(&f, r, 1, ex3_findings[r - 1][1]) && msg && msg->type == xltypeStr &&
                  strlen(msg->str) > 10,
              "FINDINGS row %d: %s, %s, a message", r, ex3_findings[r - 1][0],
              ex3_findings[r - 1][1]);
    }

    /* Recalculating the same cell: a new version, the old handle is stale. */
    value h2 = CALL("AIROI.LOAD", text(model));
    check(is_handle(&h2) && strcmp(h2.str, h1) != 0, "LOAD again in A1 gives a new handle (%s -> %s)",
          h1, h2.str);
    expect_err("stale handle: METRIC", metric(h1, "npv"), xlerrNA);
    expect_err("stale handle: SCHEDULE", CALL("AIROI.SCHEDULE", text(h1)), xlerrNA);
    expect_err("stale handle: TCO", CALL("AIROI.TCO", text(h1)), xlerrNA);
    expect_err("stale handle: FINDINGS", CALL("AIROI.FINDINGS", text(h1)), xlerrNA);
    expect_num("new handle: METRIC(npv)", metric(h2.str, "npv"), 425.71, 0.005);

    /* Another cell owns another handle; the same address on another sheet too. */
    set_caller(CALLER_REF, 7, 0, 1);
    value h3 = CALL("AIROI.LOAD", text(model));
    set_caller(CALLER_REF, 8, 0, 0);
    value h4 = CALL("AIROI.LOAD", text(model));
    check(is_handle(&h3) && is_handle(&h4), "LOAD in B1 and in another sheet's A1");
    expect_num("A1's handle survives B1's LOAD", metric(h2.str, "npv"), 425.71, 0.005);
    expect_num("B1's handle", metric(h3.str, "irr"), 0.5399, 5e-5);

    /* A failed LOAD releases the cell's previous handle. */
    set_caller(CALLER_REF, 7, 0, 1);
    expect_err("LOAD of a missing file", CALL("AIROI.LOAD", text("no-such-dir/no-such-model.yaml")),
               xlerrValue);
    expect_err("B1's old handle after a failed LOAD", metric(h3.str, "npv"), xlerrNA);
    expect_err("LOAD of a file that is no model (the add-in)", CALL("AIROI.LOAD", text(xll_path)),
               xlerrValue);
    expect_err("LOAD of an empty path", CALL("AIROI.LOAD", text("")), xlerrValue);
    expect_err("LOAD path is a number", CALL("AIROI.LOAD", num(1)), xlerrValue);
    expect_err("LOAD path missing", call("AIROI.LOAD", 0, NULL), xlerrValue);
    expect_err("LOAD path error passes through", CALL("AIROI.LOAD", err(xlerrName)), xlerrName);
    static XCHAR with_nul[] = {5, 'a', 0, 'b', 'c', 'd'};
    XLOPER12 nul_path;
    memset(&nul_path, 0, sizeof nul_path);
    nul_path.xltype = xltypeStr;
    nul_path.val.str = with_nul;
    expect_err("LOAD of a path with an embedded NUL", CALL("AIROI.LOAD", nul_path), xlerrValue);
    test_load_non_ascii(model);

    /* xlfCaller as an xltypeSRef. */
    set_caller(CALLER_SREF, 0, 4, 4);
    value h5 = CALL("AIROI.LOAD", text(model));
    value h6 = CALL("AIROI.LOAD", text(model));
    check(is_handle(&h5) && is_handle(&h6), "LOAD with an xltypeSRef caller");
    expect_err("SRef caller: recalculation releases the old handle", metric(h5.str, "npv"), xlerrNA);
    expect_num("SRef caller: the new handle", metric(h6.str, "npv"), 425.71, 0.005);

    /* No calling cell (VBA): an unowned handle, kept until xlAutoClose. */
    set_caller(CALLER_NONE, 0, 0, 0);
    value h7 = CALL("AIROI.LOAD", text(model));
    value h8 = CALL("AIROI.LOAD", text(model));
    check(is_handle(&h7) && is_handle(&h8), "LOAD without a calling cell");
    expect_num("unowned handles stay valid", metric(h7.str, "npv"), 425.71, 0.005);
    snprintf(thread_handle, sizeof thread_handle, "%s", h2.str);
}

/* Worked example 3 as cell ranges, with a scenario table. */
static XLOPER12 ex3_project_row(void)
{
    XLOPER12 c[] = {text("name"), text("currency"), text("period"), text("horizon"), text("discount_rate"),
                    text("Three-year AI case"), text("TWD"), text("year"), num(3), num(0.08)};
    return grid(2, 5, c);
}

static XLOPER12 ex3_costs_table(const char *category)
{
    XLOPER12 c[] = {
        text("Name"), text("category"), text("amount"), text("per"), text("from"), text("to"), text("growth"),
        text("Build"), text(category), num(350), text("once"), num(0), nil(), nil(),
        nil(), nil(), nil(), nil(), nil(), nil(), nil(), /* a blank row */
        text("Run 1"), text("people"), num(180), nil(), num(1), num(1), nil(),
        text("Run 2"), text("people"), num(150), text("year"), num(2), num(3), num(0),
    };
    return grid(5, 7, c);
}

static XLOPER12 ex3_values_table(void)
{
    XLOPER12 c[] = {
        text("Y1"), text("efficiency"), num(300), nil(), num(1), num(1), nil(), nil(),
        text("Y2"), text("revenue"), num(490), nil(), num(2), num(2), num(1), num(1),
        text("Y3"), text("risk"), num(620), text("year"), num(3), num(3), nil(), nil(),
    };
    return grid(3, 8, c);
}

static void test_project(void)
{
    const char *f = "AIROI.PROJECT";
    set_caller(CALLER_REF, 7, 10, 0);
    value h = CALL(f, ex3_project_row(), ex3_costs_table("people"), ex3_values_table());
    check(is_handle(&h), "PROJECT(worked example 3 as ranges) returns a handle ('%s')", h.str);
    expect_num("PROJECT: METRIC(npv)", metric(h.str, "npv"), 425.71, 0.005);
    expect_num("PROJECT: METRIC(irr)", metric(h.str, "irr"), 0.5399, 5e-5);
    expect_num("PROJECT: METRIC(total_benefits)", metric(h.str, "total_benefits"), 1410, 1e-9);
    value s = CALL("AIROI.SCHEDULE", text(h.str));
    int ok = s.rows == 5;
    for (int t = 0; t < 4 && ok; t++)
        ok &= cell_near(&s, t + 1, 3, ex3_net[t], 1e-9);
    check(ok, "PROJECT: SCHEDULE net column -350, 120, 340, 470");

    /* Scenarios: best (values x1.2), base, worst (values x0.8, costs x1.1, one period late). */
    XLOPER12 sc[] = {
        text("name"), text("probability"), text("values"), text("costs"), text("delay"),
        text("best"), num(0.25), num(1.2), nil(), nil(),
        text("base"), num(0.5), nil(), nil(), nil(),
        text("worst"), num(0.25), num(0.8), num(1.1), num(1),
    };
    value h2 = CALL(f, ex3_project_row(), ex3_costs_table("people"), ex3_values_table(), grid(4, 5, sc));
    check(is_handle(&h2) && strcmp(h2.str, h.str) != 0, "PROJECT again in the same cell: new handle %s",
          h2.str);
    expect_err("PROJECT: the cell's previous handle is stale", metric(h.str, "npv"), xlerrNA);
    double best_b[] = {0, 360, 588, 744}, worst_b[] = {0, 0, 240, 392};
    double worst_c[4], best_net[4], worst_net[4];
    for (int t = 0; t < 4; t++) {
        worst_c[t] = 1.1 * ex3_costs[t];
        best_net[t] = best_b[t] - ex3_costs[t];
        worst_net[t] = worst_b[t] - worst_c[t];
    }
    double npv_best = ref_npv0(0.08, best_net, 4), npv_worst = ref_npv0(0.08, worst_net, 4);
    double npv_base = ref_npv0(0.08, ex3_net, 4);
    expect_num("PROJECT: METRIC(npv) base case", metric(h2.str, "npv"), npv_base, 1e-6);
    expect_num("PROJECT: METRIC(npv, best)", CALL("AIROI.METRIC", text(h2.str), text("npv"), text("best")),
               npv_best, 1e-6);
    expect_num("PROJECT: METRIC(npv, worst)", CALL("AIROI.METRIC", text(h2.str), text("npv"), text("worst")),
               npv_worst, 1e-6);
    expect_num("PROJECT: METRIC(expected_npv)", metric(h2.str, "expected_npv"),
               0.25 * npv_best + 0.5 * npv_base + 0.25 * npv_worst, 1e-6);
    expect_err("PROJECT: METRIC(npv, no such scenario)",
               CALL("AIROI.METRIC", text(h2.str), text("npv"), text("likely")), xlerrNA);

    /* Errors. */
    set_caller(CALLER_REF, 7, 11, 0);
    value h3 = CALL(f, ex3_project_row(), ex3_costs_table("people"), ex3_values_table());
    check(is_handle(&h3), "PROJECT in A12");
    expect_err("PROJECT unknown category", CALL(f, ex3_project_row(), ex3_costs_table("hardware"),
               ex3_values_table()), xlerrValue);
    expect_err("PROJECT: a failed recalculation releases the cell's handle", metric(h3.str, "npv"),
               xlerrNA);
    XLOPER12 bad_prob[] = {text("a"), num(0.5), nil(), nil(), nil(), text("b"), num(0.2), nil(), nil(), nil()};
    expect_err("PROJECT probabilities not summing to 1", CALL(f, ex3_project_row(),
               ex3_costs_table("people"), ex3_values_table(), grid(2, 5, bad_prob)), xlerrValue);
    XLOPER12 cost_err[] = {text("Build"), text("people"), err(xlerrDiv0)};
    expect_err("PROJECT error value in a cell passes through", CALL(f, ex3_project_row(),
               grid(1, 3, cost_err), ex3_values_table()), xlerrDiv0);
    XLOPER12 no_name[] = {nil(), text("TWD"), text("year"), num(3), num(0.08)};
    expect_err("PROJECT without a project name", CALL(f, grid(1, 5, no_name),
               ex3_costs_table("people"), ex3_values_table()), xlerrValue);
    XLOPER12 bad_period[] = {text("P"), nil(), text("decade"), num(3), num(0.08)};
    expect_err("PROJECT unknown period", CALL(f, grid(1, 5, bad_period), ex3_costs_table("people"),
               ex3_values_table()), xlerrValue);
    XLOPER12 amount_text[] = {text("Build"), text("people"), text("lots")};
    expect_err("PROJECT amount is text", CALL(f, ex3_project_row(), grid(1, 3, amount_text),
               ex3_values_table()), xlerrValue);
    expect_err("PROJECT values missing", CALL(f, ex3_project_row(), ex3_costs_table("people")), xlerrValue);
    expect_err("PROJECT nothing", call(f, 0, NULL), xlerrValue);
    XLOPER12 dup[] = {text("Y1"), text("efficiency"), num(1), text("Y1"), text("risk"), num(2)};
    expect_err("PROJECT duplicate item names", CALL(f, ex3_project_row(), ex3_costs_table("people"),
               grid(2, 3, dup)), xlerrValue);
}

/* Every rule has one home: AIROI.PROJECT refuses invalid cells with
 * #VALUE!, and AIROI.CHECK gives the reason in the words of the C API,
 * Python and the model-file loader (the same cases as
 * bindings/python/tests/test_same_words.py and tests/unit/test-io.c). A
 * currency without fx has no counterpart here: the item tables have no
 * currency column. */
enum { SW_PROJECT = 5, SW_COSTS = 7, SW_VALUES = 8, SW_SCENARIOS = 5 };

typedef struct sw_tables {
    XLOPER12 project[SW_PROJECT];
    XLOPER12 costs[2 * SW_COSTS];
    XLOPER12 values[SW_VALUES];
    XLOPER12 scenarios[SW_SCENARIOS];
    int ncosts, has_values, has_scenarios;
} sw_tables;

/* Project "words" over 3 years, one cost "Run" (people, 1 a period). */
static void sw_base(sw_tables *t)
{
    for (int i = 0; i < SW_PROJECT; i++)
        t->project[i] = nil();
    for (int i = 0; i < 2 * SW_COSTS; i++)
        t->costs[i] = nil();
    for (int i = 0; i < SW_VALUES; i++)
        t->values[i] = nil();
    for (int i = 0; i < SW_SCENARIOS; i++)
        t->scenarios[i] = nil();
    t->project[0] = text("words");
    t->project[3] = num(3);
    t->costs[0] = text("Run");
    t->costs[1] = text("people");
    t->costs[2] = num(1);
    t->ncosts = 1;
    t->has_values = t->has_scenarios = 0;
}

static value sw_call(const char *f, const sw_tables *t)
{
    XLOPER12 none[] = {nil()};
    XLOPER12 v = t->has_values ? grid(1, SW_VALUES, t->values) : grid(1, 1, none);
    XLOPER12 s = t->has_scenarios ? grid(1, SW_SCENARIOS, t->scenarios) : missing();
    return CALL(f, grid(1, SW_PROJECT, t->project), grid(t->ncosts, SW_COSTS, t->costs), v, s);
}

/* One cell of a case: table 'p'roject, 'c'osts, 'v'alues or 's'cenarios,
 * the cell's index in it (row by row), text or else a number. */
typedef struct sw_cell {
    char table;
    int index;
    const char *text;
    double num;
} sw_cell;

static void sw_set(sw_tables *t, const sw_cell *c)
{
    XLOPER12 x = c->text != NULL ? text(c->text) : num(c->num);
    switch (c->table) {
    case 'p': t->project[c->index] = x; break;
    case 'c':
        t->costs[c->index] = x;
        if (c->index >= SW_COSTS)
            t->ncosts = 2;
        break;
    case 'v':
        t->values[c->index] = x;
        t->has_values = 1;
        break;
    default:
        t->scenarios[c->index] = x;
        t->has_scenarios = 1;
        break;
    }
}

static void test_same_words(void)
{
    static const struct {
        const char *label;
        sw_cell cells[4];
        const char *subject, *why;
    } cases[] = {
        {"realization 1.5",
         {{'v', 0, "Gain", 0}, {'v', 1, "revenue", 0}, {'v', 2, NULL, 1}, {'v', 6, NULL, 1.5}},
         "value item 'Gain': realization", "expected a share in [0, 1]; got 1.5"},
        {"growth -1", {{'c', 6, NULL, -1}}, "cost item 'Run': growth",
         "expected an annual growth rate greater than -1 (e.g. 0.03); got -1"},
        {"negative horizon", {{'p', 3, NULL, -1}}, "project 'words': horizon",
         "expected a whole number of periods >= 0; got -1"},
        {"discount rate -1", {{'p', 4, NULL, -1}}, "project 'words': discount_rate",
         "expected an annual rate greater than -1 (e.g. 0.08); got -1"},
        {"probability 1.5", {{'s', 0, "Bad", 0}, {'s', 1, NULL, 1.5}},
         "scenario 'Bad': probability", "expected a share in [0, 1]; got 1.5"},
        {"to before from", {{'c', 4, NULL, 2}, {'c', 5, NULL, 1}}, "cost item 'Run': to",
         "last period 1 is before the first period 2"},
        {"at past the horizon", {{'c', 3, "once", 0}, {'c', 4, NULL, 5}}, "cost item 'Run': at",
         "period 5 is outside the horizon 0..3"},
        {"duplicate item name", {{'c', SW_COSTS, "Run", 0}, {'c', SW_COSTS + 1, "people", 0}},
         "cost item 'Run': name",
         "duplicate item name 'Run'; item names must be unique across costs and values"},
        {"unknown category", {{'c', 1, "peeple", 0}}, "category",
         "expected one of people, infrastructure, software, data, data_governance, integration, "
         "change_management, maintenance, opportunity; got 'peeple'"},
    };
    sw_tables t;
    sw_base(&t);
    value ok = sw_call("AIROI.CHECK", &t);
    check(ok.type == xltypeStr && ok.str[0] == '\0', "CHECK of a valid model is empty text ('%s')",
          ok.type == xltypeStr ? ok.str : "not text");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sw_base(&t);
        for (int k = 0; k < 4 && cases[i].cells[k].table != 0; k++)
            sw_set(&t, &cases[i].cells[k]);
        char want[256];
        snprintf(want, sizeof want, "%s: %s", cases[i].subject, cases[i].why);
        value m = sw_call("AIROI.CHECK", &t);
        check(m.type == xltypeStr && strcmp(m.str, want) == 0, "CHECK %s: '%s' (expected '%s')",
              cases[i].label, m.type == xltypeStr ? m.str : "not text", want);
        expect_err(cases[i].label, sw_call("AIROI.PROJECT", &t), xlerrValue);
    }
    XLOPER12 cost_err[] = {text("Run"), text("people"), err(xlerrDiv0)};
    XLOPER12 none[] = {nil()};
    expect_err("CHECK: an error value in a cell passes through",
               CALL("AIROI.CHECK", grid(1, SW_PROJECT, t.project), grid(1, 3, cost_err),
                    grid(1, 1, none)),
               xlerrDiv0);
}

/* The invalid-model corpus (tests/data/invalid, given with --corpus DIR)
 * through AIROI.CHECK: each case the worksheet tables can express is built
 * as cells and must be refused in the loader's words (NAME.expected, the
 * text after the key's path); a case only a cell of the wrong kind can
 * express must give #VALUE!, the error value AIROI.PROJECT shows; a case
 * the add-in accepts is pinned as such; every other corpus file is listed
 * with the reason the tables cannot express it.
 * bindings/python/tests/test_corpus.py and tests/unit/test-io.c do the same
 * through Python and the C setters. */
enum { CT_ROWS = 3 };

typedef struct ct_cell {
    char table; /* 'p'roject, 'c'osts, 'v'alues, 's'cenarios; 0 ends the list */
    int row, col;
    const char *text; /* text, else the number num; "#b" a boolean TRUE */
    double num;
} ct_cell;

typedef struct ct_case {
    const char *name;
    ct_cell cells[16];
    const char *file, *xll; /* a spelling of the loader's and the add-in's, or NULL */
    int err; /* the error value expected instead of text, CT_ACCEPTED, or 0 */
} ct_case;

/* Expressible, but the add-in accepts it (AIROI.CHECK gives empty text):
 * pinned, so that a change of verdict is seen. */
#define CT_ACCEPTED (-1)

#define CT_PROJECT(h)                                                                         \
    {'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 3, NULL, h}, {'p', 0, 4, NULL, 0.08}
#define CT_BASE CT_PROJECT(3)

static const ct_case ct_cases[] = {
    {"at-outside-horizon", /* `from` is the period of a one-time amount */
     {CT_BASE, {'c', 0, 0, "Build", 0}, {'c', 0, 1, "people", 0}, {'c', 0, 2, NULL, 350},
      {'c', 0, 3, "once", 0}, {'c', 0, 4, NULL, 4}}, NULL, NULL, 0},
    {"bad-per",
     {CT_BASE, {'c', 0, 0, "API", 0}, {'c', 0, 1, "software", 0}, {'c', 0, 2, NULL, 2000},
      {'c', 0, 3, "weekly", 0}},
     "once, month, quarter, year;", "once, month, quarter, year, period;", 0},
    {"bad-period", {CT_BASE, {'p', 0, 2, "week", 0}}, NULL, NULL, 0},
    {"default-from-horizon-0",
     {CT_PROJECT(0), {'c', 0, 0, "Ops", 0}, {'c', 0, 1, "maintenance", 0}, {'c', 0, 2, NULL, 10}},
     NULL, NULL, 0},
    {"delay-fractional",
     {CT_BASE, {'s', 0, 0, "late", 0}, {'s', 0, 1, NULL, 1}, {'s', 0, 4, NULL, 1.5}}, NULL, NULL,
     0},
    {"discount-rate-minus-one",
     {{'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 3, NULL, 3}, {'p', 0, 4, NULL, -1}},
     NULL, NULL, 0},
    {"duplicate-item-names",
     {CT_BASE, {'c', 0, 0, "Build", 0}, {'c', 0, 1, "people", 0}, {'c', 0, 2, NULL, 350},
      {'c', 0, 3, "once", 0}, {'v', 0, 0, "Build", 0}, {'v', 0, 1, "revenue", 0},
      {'v', 0, 2, NULL, 5}}, NULL, NULL, 0},
    {"duplicate-scenario-names",
     {CT_BASE, {'s', 0, 0, "a", 0}, {'s', 0, 1, NULL, 0.5}, {'s', 1, 0, "a", 0},
      {'s', 1, 1, NULL, 0.5}}, NULL, NULL, 0},
    {"fractional-horizon",
     {{'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 3, NULL, 2.5}}, NULL, NULL, 0},
    {"from-outside-horizon",
     {CT_BASE, {'c', 0, 0, "Ops", 0}, {'c', 0, 1, "maintenance", 0}, {'c', 0, 2, NULL, 10},
      {'c', 0, 4, NULL, 7}}, NULL, NULL, 0},
    {"growth-minus-one",
     {CT_BASE, {'c', 0, 0, "A", 0}, {'c', 0, 1, "data", 0}, {'c', 0, 2, NULL, 1},
      {'c', 0, 6, NULL, -1}}, NULL, NULL, 0},
    {"horizon-too-large",
     {{'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 3, NULL, 20000}}, NULL, NULL, 0},
    {"negative-horizon",
     {{'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 3, NULL, -1}}, NULL, NULL, 0},
    {"negative-multiplier", /* the scenario table's costs multiplier */
     {CT_BASE, {'s', 0, 0, "base", 0}, {'s', 0, 1, NULL, 1}, {'s', 0, 3, NULL, -1}}, NULL, NULL,
     0},
    {"probabilities-0.9",
     {CT_BASE, {'s', 0, 0, "best", 0}, {'s', 0, 1, NULL, 0.3}, {'s', 1, 0, "base", 0},
      {'s', 1, 1, NULL, 0.4}, {'s', 2, 0, "worst", 0}, {'s', 2, 1, NULL, 0.2}}, NULL, NULL, 0},
    {"probability-negative",
     {CT_BASE, {'s', 0, 0, "a", 0}, {'s', 0, 1, NULL, -0.1}, {'s', 1, 0, "b", 0},
      {'s', 1, 1, NULL, 1.1}}, NULL, NULL, 0},
    {"realization-1.5",
     {CT_BASE, {'v', 0, 0, "v", 0}, {'v', 0, 1, "efficiency", 0}, {'v', 0, 2, NULL, 10},
      {'v', 0, 6, NULL, 1.5}}, NULL, NULL, 0},
    {"to-before-from",
     {CT_BASE, {'c', 0, 0, "Ops", 0}, {'c', 0, 1, "maintenance", 0}, {'c', 0, 2, NULL, 10},
      {'c', 0, 4, NULL, 3}, {'c', 0, 5, NULL, 2}}, NULL, NULL, 0},
    {"to-outside-horizon",
     {CT_BASE, {'c', 0, 0, "Ops", 0}, {'c', 0, 1, "maintenance", 0}, {'c', 0, 2, NULL, 10},
      {'c', 0, 5, NULL, 9}}, NULL, NULL, 0},
    {"unknown-category",
     {CT_BASE, {'c', 0, 0, "Build", 0}, {'c', 0, 1, "peple", 0}, {'c', 0, 2, NULL, 350},
      {'c', 0, 3, "once", 0}}, NULL, NULL, 0},
    {"unknown-dimension",
     {CT_BASE, {'v', 0, 0, "v", 0}, {'v', 0, 1, "happiness", 0}, {'v', 0, 2, NULL, 10}}, NULL,
     NULL, 0},
    /* a cell of the wrong kind: #VALUE!, as AIROI.PROJECT shows */
    {"string-for-number",
     {CT_BASE, {'c', 0, 0, "Build", 0}, {'c', 0, 1, "people", 0}, {'c', 0, 2, "lots", 0}}, NULL,
     NULL, xlerrValue},
    {"quoted-number", {{'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 3, "3", 0}}, NULL,
     NULL, xlerrValue},
    {"bool-for-number",
     {CT_BASE, {'c', 0, 0, "Build", 0}, {'c', 0, 1, "people", 0}, {'c', 0, 2, "#b", 0}}, NULL,
     NULL, xlerrValue},
    /* a row without a name, a scenario without a probability: #VALUE! too */
    {"missing-item-name",
     {CT_BASE, {'c', 0, 1, "people", 0}, {'c', 0, 2, NULL, 350}, {'c', 0, 3, "once", 0}}, NULL,
     NULL, xlerrValue},
    {"null-name", {CT_BASE, {'c', 0, 1, "people", 0}, {'c', 0, 2, NULL, 350}}, NULL, NULL,
     xlerrValue},
    {"missing-probability", {CT_BASE, {'s', 0, 0, "a", 0}, {'s', 0, 2, NULL, 1}}, NULL, NULL,
     xlerrValue},
    /* the per column reads names with the library's reader, which knows
     * 'period' (the project's period, as a blank cell); a file leaves per out */
    {"per-period-spelling",
     {CT_BASE, {'c', 0, 0, "API", 0}, {'c', 0, 1, "software", 0}, {'c', 0, 2, NULL, 2000},
      {'c', 0, 3, "period", 0}}, NULL, NULL, CT_ACCEPTED},
};

/* Cases that need columns of a header row (the layouts of docs/excel.md). */
typedef struct ct_hcase {
    ct_case c;
    const char *head[4]; /* project, costs, values, scenarios; NULL: positional */
} ct_hcase;

#define CT_HP "name,currency,period,horizon,discount_rate,stage,unit,start,fx.USD,use_case"
#define CT_HC "name,category,amount,quantity,unit_amount,per,at,from,currency,payment," \
              "risk_adjustment,amounts,amounts,amounts,amounts"
#define CT_HV "name,dimension,amount,monetized,adoption.curve,adoption.periods," \
              "adoption.ceiling,amounts,amounts,amounts,amounts"
#define CT_HS "name,probability,adoption_ceiling,multipliers.Bulid"
#define CT_MONTHS(h)                                                                          \
    {'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 2, "month", 0}, {'p', 0, 3, NULL, h}
static const ct_hcase ct_head_cases[] = {
    {{"amount-and-quantity",
      {CT_BASE, {'c', 0, 0, "API", 0}, {'c', 0, 1, "software", 0}, {'c', 0, 2, NULL, 5},
       {'c', 0, 3, NULL, 1000}, {'c', 0, 4, NULL, 0.1}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"quantity-without-unit-amount",
      {CT_BASE, {'c', 0, 0, "API", 0}, {'c', 0, 1, "software", 0}, {'c', 0, 3, NULL, 1000},
       {'c', 0, 5, "month", 0}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"at-on-recurring",
      {CT_BASE, {'c', 0, 0, "A", 0}, {'c', 0, 1, "data", 0}, {'c', 0, 2, NULL, 1},
       {'c', 0, 5, "year", 0}, {'c', 0, 6, NULL, 1}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"once-with-amounts",
      {CT_BASE, {'c', 0, 0, "A", 0}, {'c', 0, 1, "data", 0}, {'c', 0, 5, "once", 0},
       {'c', 0, 11, NULL, 1}, {'c', 0, 12, NULL, 2}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"risk-adjustment-negative",
      {CT_BASE, {'c', 0, 0, "Build", 0}, {'c', 0, 1, "people", 0}, {'c', 0, 2, NULL, 350},
       {'c', 0, 5, "once", 0}, {'c', 0, 10, NULL, -0.2}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"bad-payment",
      {CT_MONTHS(12), {'c', 0, 0, "Licence", 0}, {'c', 0, 1, "software", 0},
       {'c', 0, 2, NULL, 12000}, {'c', 0, 5, "year", 0}, {'c', 0, 9, "upfront", 0}}, NULL, NULL,
      0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"lump-on-once",
      {CT_MONTHS(12), {'c', 0, 0, "Set-up", 0}, {'c', 0, 1, "integration", 0},
       {'c', 0, 2, NULL, 5000}, {'c', 0, 5, "once", 0}, {'c', 0, 6, NULL, 1},
       {'c', 0, 9, "lump", 0}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"lump-not-longer",
      {{'p', 0, 0, "Base", 0}, {'p', 0, 1, "TWD", 0}, {'p', 0, 2, "quarter", 0},
       {'p', 0, 3, NULL, 8}, {'p', 0, 4, NULL, 0.08}, {'c', 0, 0, "Support", 0},
       {'c', 0, 1, "maintenance", 0}, {'c', 0, 2, NULL, 3000}, {'c', 0, 5, "quarter", 0},
       {'c', 0, 9, "lump", 0}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"currency-missing-fx",
      {CT_BASE, {'p', 0, 8, NULL, 32}, {'c', 0, 0, "API", 0}, {'c', 0, 1, "software", 0},
       {'c', 0, 2, NULL, 100}, {'c', 0, 5, "month", 0}, {'c', 0, 8, "EUR", 0}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, NULL}},
    {{"unknown-stage", {CT_BASE, {'p', 0, 5, "pilot", 0}}, NULL, NULL, 0}, {CT_HP, NULL, NULL, NULL}},
    {{"unknown-use-case", {CT_BASE, {'p', 0, 9, "time_travel", 0}}, NULL, NULL, 0},
     {CT_HP, NULL, NULL, NULL}},
    {{"unit-zero", {CT_BASE, {'p', 0, 6, NULL, 0}}, NULL, NULL, 0}, {CT_HP, NULL, NULL, NULL}},
    {{"bad-date", {CT_BASE, {'p', 0, 7, "2026-02-30", 0}}, NULL, NULL, 0},
     {CT_HP, NULL, NULL, NULL}},
    {{"bad-date-format", {CT_BASE, {'p', 0, 7, "01/02/2026", 0}}, NULL, NULL, 0},
     {CT_HP, NULL, NULL, NULL}},
    {{"fx-zero-rate", {CT_BASE, {'p', 0, 8, NULL, 0}}, NULL, NULL, 0}, {CT_HP, NULL, NULL, NULL}},
    {{"unknown-curve",
      {CT_BASE, {'v', 0, 0, "v", 0}, {'v', 0, 1, "revenue", 0}, {'v', 0, 2, NULL, 10},
       {'v', 0, 4, "exponential", 0}, {'v', 0, 5, NULL, 2}}, NULL, NULL, 0},
     {CT_HP, NULL, CT_HV, NULL}},
    {{"amounts-past-horizon",
      {CT_BASE, {'v', 0, 0, "v", 0}, {'v', 0, 1, "revenue", 0}, {'v', 0, 7, NULL, 1},
       {'v', 0, 8, NULL, 2}, {'v', 0, 9, NULL, 3}, {'v', 0, 10, NULL, 4}}, NULL, NULL, 0},
     {CT_HP, NULL, CT_HV, NULL}},
    /* a cell of the wrong kind: #VALUE!, as AIROI.PROJECT shows */
    {{"amounts-not-numbers",
      {CT_BASE, {'v', 0, 0, "v", 0}, {'v', 0, 1, "revenue", 0}, {'v', 0, 7, NULL, 1},
       {'v', 0, 8, "two", 0}, {'v', 0, 9, NULL, 3}}, NULL, NULL, xlerrValue},
     {CT_HP, NULL, CT_HV, NULL}},
    {{"adoption-ceiling-2",
      {CT_BASE, {'s', 0, 0, "s", 0}, {'s', 0, 1, NULL, 1}, {'s', 0, 2, NULL, 2}}, NULL, NULL, 0},
     {CT_HP, NULL, NULL, CT_HS}},
    {{"unknown-multiplier-target",
      {CT_BASE, {'c', 0, 0, "Build", 0}, {'c', 0, 1, "people", 0}, {'c', 0, 2, NULL, 350},
       {'c', 0, 5, "once", 0}, {'s', 0, 0, "base", 0}, {'s', 0, 1, NULL, 1},
       {'s', 0, 3, NULL, 1.2}}, NULL, NULL, 0},
     {CT_HP, CT_HC, NULL, CT_HS}},
    /* a sheet's TRUE/FALSE cell also takes 1 and 0 */
    {{"number-for-bool",
      {CT_BASE, {'v', 0, 0, "v", 0}, {'v', 0, 1, "strategic", 0}, {'v', 0, 2, NULL, 10},
       {'v', 0, 3, NULL, 1}}, NULL, NULL, CT_ACCEPTED},
     {CT_HP, NULL, CT_HV, NULL}},
    /* the adoption.* columns are cells of their own: a blank curve is none */
    {{"adoption-no-curve",
      {CT_BASE, {'v', 0, 0, "v", 0}, {'v', 0, 1, "revenue", 0}, {'v', 0, 2, NULL, 10},
       {'v', 0, 5, NULL, 2}, {'v', 0, 6, NULL, 0.8}}, NULL, NULL, CT_ACCEPTED},
     {CT_HP, NULL, CT_HV, NULL}},
    /* the tables of the first releases: `from` is the period of a one-time amount */
    {{"from-on-once",
      {CT_BASE, {'c', 0, 0, "A", 0}, {'c', 0, 1, "data", 0}, {'c', 0, 2, NULL, 1},
       {'c', 0, 5, "once", 0}, {'c', 0, 7, NULL, 1}}, NULL, NULL, CT_ACCEPTED},
     {CT_HP, CT_HC, NULL, NULL}},
};

#define CT_UNCERTAIN "the worksheet tables have no uncertainties, correlations, stages or simulation"
#define CT_TRACKING "the worksheet tables have no actuals, indicators or gate criteria"
#define CT_FINANCE "the worksheet tables have no capex, depreciation, tax or terminal value columns"
#define CT_FILE "the file's YAML (syntax, aliases, tags, documents, encoding, keys)"
static const struct {
    const char *name, *why;
} ct_not_expressible[] = {
    {"amounts-empty", "blank amounts cells are no list: the amount is then 0"},
    {"capex-without-life", CT_FINANCE},
    {"capex-life-fractional", CT_FINANCE},
    {"life-without-capex", CT_FINANCE},
    {"depreciation-unknown", CT_FINANCE},
    {"terminal-growth-above-rate", CT_FINANCE},
    {"terminal-wrong-parameter", CT_FINANCE},
    {"tax-rate-negative", CT_FINANCE},
    {"inf-literal", "a worksheet number is finite"},
    {"negative-inf-literal", "a worksheet number is finite"},
    {"nan-literal", "a worksheet number is finite"},
    {"huge-number", "a worksheet number is finite"},
    {"unknown-key-item", "a misspelt key is an unknown column, refused in the add-in's words"},
    {"unknown-key-project", "a misspelt key is an unknown column, refused in the add-in's words"},
    {"unknown-key-top", CT_FILE},
    {"missing-project", "the project table is a required argument"},
    {"missing-version", CT_FILE},
    {"version-2", CT_FILE},
    {"version-quoted", CT_FILE},
    {"alias-bomb", CT_FILE},
    {"recursive-alias", CT_FILE},
    {"undefined-alias", CT_FILE},
    {"deep-nesting", CT_FILE},
    {"comments-only", CT_FILE},
    {"empty", CT_FILE},
    {"duplicate-key", CT_FILE},
    {"duplicate-key-fx", CT_FILE},
    {"mapping-for-scalar", CT_FILE},
    {"mapping-for-sequence", CT_FILE},
    {"sequence-for-mapping", CT_FILE},
    {"non-scalar-key", CT_FILE},
    {"not-a-mapping", CT_FILE},
    {"scalar-document", CT_FILE},
    {"multiple-documents", CT_FILE},
    {"non-utf8", CT_FILE},
    {"nul-byte", CT_FILE},
    {"utf16", CT_FILE},
    {"unsupported-tag", CT_FILE},
    {"syntax-bad-indent", CT_FILE},
    {"syntax-tab-indent", CT_FILE},
    {"syntax-unclosed-flow", CT_FILE},
    {"syntax-unclosed-quote", CT_FILE},
    {"correlation-ambiguous-input", CT_UNCERTAIN},
    {"correlation-between-one", CT_UNCERTAIN},
    {"correlation-not-psd", CT_UNCERTAIN},
    {"correlation-pair-twice", CT_UNCERTAIN},
    {"correlation-rank-outside", CT_UNCERTAIN},
    {"correlation-unknown-input", CT_UNCERTAIN},
    {"correlation-with-itself", CT_UNCERTAIN},
    {"simulation-tail-outside", CT_UNCERTAIN},
    {"simulation-trials-zero", CT_UNCERTAIN},
    {"simulation-unknown-key", CT_UNCERTAIN},
    {"simulation-unknown-output", CT_UNCERTAIN},
    {"simulation-unknown-sampling", CT_UNCERTAIN},
    {"tracking-actual-unknown-item", CT_TRACKING},
    {"tracking-actual-period-outside", CT_TRACKING},
    {"tracking-as-of-outside", CT_TRACKING},
    {"tracking-threshold-wrong-side", CT_TRACKING},
    {"tracking-indicator-name-twice", CT_TRACKING},
    {"tracking-criterion-unknown-indicator", CT_TRACKING},
    {"tracking-indicator-period-outside", CT_TRACKING},
    {"tracking-wrong-direction-key", CT_TRACKING},
    {"tracking-criterion-both-thresholds", CT_TRACKING},
    {"stage-name-twice", CT_UNCERTAIN},
    {"stage-negative-cost", CT_UNCERTAIN},
    {"stage-periods-fraction", CT_UNCERTAIN},
    {"stage-periods-limit", CT_UNCERTAIN},
    {"stage-probability-outside", CT_UNCERTAIN},
    {"uncertainty-discrete-lengths", CT_UNCERTAIN},
    {"uncertainty-driver-empty", CT_UNCERTAIN},
    {"uncertainty-driver-mapping", CT_UNCERTAIN},
    {"uncertainty-driver-too-long", CT_UNCERTAIN},
    {"uncertainty-discrete-probability", CT_UNCERTAIN},
    {"uncertainty-discrete-sum", CT_UNCERTAIN},
    {"uncertainty-lognormal-both-forms", CT_UNCERTAIN},
    {"uncertainty-lognormal-mean", CT_UNCERTAIN},
    {"uncertainty-low-above-high", CT_UNCERTAIN},
    {"uncertainty-min-above-max", CT_UNCERTAIN},
    {"uncertainty-missing-parameter", CT_UNCERTAIN},
    {"uncertainty-missing-target", CT_UNCERTAIN},
    {"uncertainty-mode-outside", CT_UNCERTAIN},
    {"uncertainty-name-twice", CT_UNCERTAIN},
    {"uncertainty-p-outside", CT_UNCERTAIN},
    {"uncertainty-per-period-not-bool", CT_UNCERTAIN},
    {"uncertainty-sd-negative", CT_UNCERTAIN},
    {"uncertainty-shape-zero", CT_UNCERTAIN},
    {"uncertainty-sigma-negative", CT_UNCERTAIN},
    {"uncertainty-truncation-empty", CT_UNCERTAIN},
    {"uncertainty-truncation-far-tail", CT_UNCERTAIN},
    {"uncertainty-unknown-distribution", CT_UNCERTAIN},
    {"uncertainty-unknown-target", CT_UNCERTAIN},
    {"uncertainty-unused-parameter", CT_UNCERTAIN},
};

static const char *corpus_dir;

/* The loader's words of NAME.expected after the key's path, without the
 * line of a first use; "" when unreadable. */
static void ct_expected_why(const char *name, char *why, size_t cap)
{
    char path[1024], line[1024];
    why[0] = '\0';
    snprintf(path, sizeof path, "%s/%s.expected", corpus_dir, name);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return;
    if (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        /* STATUS LINE:COL: PATH: WHY */
        const char *p = strstr(line, ": ");
        p = p != NULL ? strstr(p + 2, ": ") : NULL;
        if (p != NULL)
            snprintf(why, cap, "%s", p + 2);
        char *tail = strstr(why, " (first used at line ");
        if (tail != NULL)
            *tail = '\0';
    }
    fclose(f);
}

static int ct_listed(const char *name)
{
    int n = 0;
    for (size_t i = 0; i < sizeof ct_cases / sizeof ct_cases[0]; i++)
        n += strcmp(ct_cases[i].name, name) == 0;
    for (size_t i = 0; i < sizeof ct_head_cases / sizeof ct_head_cases[0]; i++)
        n += strcmp(ct_head_cases[i].c.name, name) == 0;
    for (size_t i = 0; i < sizeof ct_not_expressible / sizeof ct_not_expressible[0]; i++)
        n += strcmp(ct_not_expressible[i].name, name) == 0;
    return n;
}

/* The case's tables, passed to fn as AIROI.PROJECT takes them. */
enum { CT_COLS = 16 };
/* head: the header rows of the project, costs, values and scenario tables
 * ("name,category,quantity"; NULL: the positional layout), or NULL for
 * none; a cell's col is then its place in the header. */
static value ct_call(const char *fn, const ct_case *c, const char *const *head)
{
    static const int positional[4] = {SW_PROJECT, SW_COSTS, SW_VALUES, SW_SCENARIOS};
    XLOPER12 cells[4][(CT_ROWS + 1) * CT_COLS];
    int rows[4] = {1, 0, 0, 0}, width[4], first[4]; /* project, costs, values, scenarios */
    for (int t = 0; t < 4; t++) {
        for (int i = 0; i < (CT_ROWS + 1) * CT_COLS; i++)
            cells[t][i] = nil();
        width[t] = positional[t];
        first[t] = 0;
        if (head == NULL || head[t] == NULL)
            continue;
        /* the header row */
        width[t] = 0;
        for (const char *h = head[t]; *h != '\0' && width[t] < CT_COLS;) {
            char name[64];
            size_t len = strcspn(h, ",");
            snprintf(name, sizeof name, "%.*s", (int)len, h);
            cells[t][width[t]++] = text(name);
            h += len + (h[len] == ',');
        }
        first[t] = 1;
    }
    for (int k = 0; k < 16 && c->cells[k].table != 0; k++) {
        const ct_cell *cell = &c->cells[k];
        XLOPER12 x = cell->text == NULL              ? num(cell->num)
                     : strcmp(cell->text, "#b") == 0 ? boolean(1)
                                                     : text(cell->text);
        const char *tables = "pcvs";
        int t = (int)(strchr(tables, cell->table) - tables);
        if (cell->row + 1 > rows[t])
            rows[t] = cell->row + 1;
        cells[t][(first[t] + cell->row) * width[t] + cell->col] = x;
    }
    XLOPER12 a[4];
    for (int t = 0; t < 4; t++) {
        XLOPER12 none[] = {nil()};
        a[t] = rows[t] > 0 ? grid(first[t] + rows[t], width[t], cells[t])
               : t == 3    ? missing()
                           : grid(1, 1, none);
    }
    return CALL(fn, a[0], a[1], a[2], a[3]);
}

/* One case through AIROI.CHECK and AIROI.PROJECT. */
static void ct_run(const ct_case *c, const char *const *head)
{
    value m = ct_call("AIROI.CHECK", c, head);
    if (c->err == CT_ACCEPTED) {
        check(m.type == xltypeStr && m.str[0] == '\0',
              "corpus %s: the add-in accepts it ('%s'): a pinned difference", c->name,
              m.type == xltypeStr ? m.str : "not text");
        return;
    }
    if (c->err != 0) {
        expect_err(c->name, m, c->err);
        expect_err(c->name, ct_call("AIROI.PROJECT", c, head), c->err);
        return;
    }
    char why[1024], want[1030];
    ct_expected_why(c->name, why, sizeof why);
    check(why[0] != '\0', "corpus %s: its .expected gives the loader's words", c->name);
    if (c->file != NULL) {
        char *at = strstr(why, c->file);
        char rest[1024];
        if (at != NULL) {
            snprintf(rest, sizeof rest, "%s", at + strlen(c->file));
            snprintf(at, sizeof why - (size_t)(at - why), "%s%s", c->xll, rest);
        }
    }
    snprintf(want, sizeof want, ": %s", why);
    check(m.type == xltypeStr && strstr(m.str, want) != NULL,
          "corpus %s: CHECK '%s' has the loader's '%s'", c->name,
          m.type == xltypeStr ? m.str : "not text", why);
    expect_err(c->name, ct_call("AIROI.PROJECT", c, head), xlerrValue);
}

static void test_corpus(void)
{
    if (corpus_dir == NULL) {
        printf("corpus: not run (no --corpus DIR)\n");
        return;
    }
    /* every corpus file is in exactly one list */
    DIR *dp = opendir(corpus_dir);
    check(dp != NULL, "corpus: open %s", corpus_dir);
    size_t files = 0;
    struct dirent *de;
    while (dp != NULL && (de = readdir(dp)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
            continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(l - 5), de->d_name);
        check(ct_listed(name) == 1, "corpus %s: in one list of the add-in's (%d)", name,
              ct_listed(name));
        files++;
    }
    if (dp != NULL)
        closedir(dp);
    check(files == sizeof ct_cases / sizeof ct_cases[0] +
                       sizeof ct_head_cases / sizeof ct_head_cases[0] +
                       sizeof ct_not_expressible / sizeof ct_not_expressible[0],
          "corpus: every listed case has its file (%zu files)", files);

    for (size_t i = 0; i < sizeof ct_cases / sizeof ct_cases[0]; i++)
        ct_run(&ct_cases[i], NULL);
    for (size_t i = 0; i < sizeof ct_head_cases / sizeof ct_head_cases[0]; i++)
        ct_run(&ct_head_cases[i].c, ct_head_cases[i].head);
}

static void test_after_close(void)
{
    expect_err("after xlAutoClose every handle is released", metric(thread_handle, "npv"), xlerrNA);
}

/* Results are fresh blocks: two live results never share memory. */
static void test_distinct_results(void)
{
    for (int i = 0; i < nregs; i++) {
        const reg *r = &regs[i];
        if (r->fn == NULL)
            continue;
        XLOPER12 a[7] = {num(0.1), column(4, ex3_net), column(4, ex3_costs), num(0.1),
                         num(0.1), num(0.1), num(0.1)};
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

static job_case jobs[16];
static int njobs;
static atomic_int thread_mismatches;

/* Adds a call the threads repeat; returns its single-threaded answer, which
 * the caller checks against the known one (the threads only compare). */
static value add_job(const char *name, int argc, const XLOPER12 *args)
{
    job_case *j = &jobs[njobs++];
    j->name = name;
    j->argc = argc;
    if (argc > 0)
        memcpy(j->args, args, (size_t)argc * sizeof *args);
    j->expect = call(name, argc, args);
    return j->expect;
}

/* A spilled table of rows x cols whose first cell is the text first. */
static void expect_table(const char *what, value v, int rows, int cols, const char *first)
{
    check(v.type == xltypeMulti && v.rows == rows && v.cols == cols && cell_is_str(&v, 0, 0, first),
          "%s: %d x %d from '%s' (got type 0x%x, %d x %d)", what, rows, cols, first,
          (unsigned)v.type, v.rows, v.cols);
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
    case xltypeMulti:
        if (a.rows != b.rows || a.cols != b.cols)
            return 0;
        for (long i = 0; i < (long)a.rows * a.cols && i < MAX_CELLS; i++) {
            const cellv *x = &a.cells[i], *y = &b.cells[i];
            if (x->type != y->type || (x->type == xltypeNum && x->num != y->num) ||
                (x->type == xltypeErr && x->err != y->err) ||
                (x->type == xltypeStr && strcmp(x->str, y->str) != 0))
                return 0;
        }
        return 1;
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

/* Race: readers resolve every handle a cell has had while the main thread
 * keeps recalculating that cell (each LOAD releases the previous model,
 * possibly while a reader borrows it). A reader must see the right NPV or
 * #N/A, never anything else; the sanitizers catch a use after free. */
#define RACE_LOADS 100
static int race_mode;
static unsigned long race_base; /* first id of the race's handles */
static atomic_int race_done, race_bad, race_hits_final;

static void race_worker(int id)
{
    for (int final = 0; final < 2; final++) {
        int hits = 0;
        for (unsigned long k = 0; k <= RACE_LOADS; k++) {
            char h[64];
            snprintf(h, sizeof h, "project#%lu", race_base + k);
            XLOPER12 a[2];
            a[0] = text_tmp(h);
            a[1] = text_tmp("npv");
            LPXLOPER12 x = call_raw("AIROI.METRIC", 2, a);
            free(a[0].val.str);
            free(a[1].val.str);
            value v = take("AIROI.METRIC (race)", x);
            if (v.type == xltypeNum && fabs(v.num - 425.71) <= 0.005)
                hits++;
            else if (!(v.type == xltypeErr && v.err == xlerrNA) &&
                     atomic_fetch_add(&race_bad, 1) < 5)
                printf("race thread %d: %s gave type 0x%x %.17g err %d\n", id, h,
                       (unsigned)v.type, v.num, v.err);
        }
        if (final)
            atomic_fetch_add(&race_hits_final, hits);
        else if (!atomic_load(&race_done))
            final--; /* keep reading until the main thread is done */
    }
}

#if defined(_WIN32)
static DWORD WINAPI thread_main(LPVOID arg)
{
    if (race_mode)
        race_worker((int)(intptr_t)arg);
    else
        worker((int)(intptr_t)arg);
    return 0;
}
#else
static void *thread_main(void *arg)
{
    if (race_mode)
        race_worker((int)(intptr_t)arg);
    else
        worker((int)(intptr_t)arg);
    return NULL;
}
#endif

#if defined(_WIN32)
static HANDLE threads[THREADS];
#else
static pthread_t threads[THREADS];
#endif
static int thread_ok[THREADS];

static int start_threads(void)
{
    int started = 0;
    for (int i = 0; i < THREADS; i++) {
#if defined(_WIN32)
        threads[i] = CreateThread(NULL, 0, thread_main, (LPVOID)(intptr_t)i, 0, NULL);
        thread_ok[i] = threads[i] != NULL;
#else
        thread_ok[i] = pthread_create(&threads[i], NULL, thread_main, (void *)(intptr_t)i) == 0;
#endif
        started += thread_ok[i];
    }
    return started;
}

static void join_threads(void)
{
    for (int i = 0; i < THREADS; i++) {
        if (!thread_ok[i])
            continue;
#if defined(_WIN32)
        WaitForSingleObject(threads[i], INFINITE);
        CloseHandle(threads[i]);
#else
        pthread_join(threads[i], NULL);
#endif
        thread_ok[i] = 0;
    }
}

static void test_race(const char *model)
{
    if (model == NULL)
        return;
    set_caller(CALLER_REF, 50, 0, 0);
    value h = CALL("AIROI.LOAD", text(model));
    check(is_handle(&h), "race: first LOAD");
    if (!is_handle(&h))
        return;
    race_base = strtoul(h.str + 8, NULL, 10);
    race_mode = 1;
    atomic_store(&in_calc, 1);
    int started = start_threads();
    int loads_ok = 1;
    for (int i = 0; i < RACE_LOADS; i++) {
        XLOPER12 a = text(model);
        atomic_store(&unsafe_active, 1);
        value v = take("AIROI.LOAD (race)", call_raw("AIROI.LOAD", 1, &a));
        atomic_store(&unsafe_active, 0);
        loads_ok &= is_handle(&v) && strtoul(v.str + 8, NULL, 10) == race_base + (unsigned long)i + 1;
    }
    atomic_store(&race_done, 1);
    join_threads();
    atomic_store(&in_calc, 0);
    race_mode = 0;
    check(started == THREADS, "race: %d reader threads started", started);
    check(loads_ok, "race: %d recalculations of one cell give consecutive handles", RACE_LOADS);
    check(atomic_load(&race_bad) == 0, "race: readers saw only the NPV or #N/A (%d others)",
          atomic_load(&race_bad));
    check(atomic_load(&race_hits_final) == started,
          "race: afterwards exactly the last handle is alive for every reader (%d of %d)",
          atomic_load(&race_hits_final), started);
}

static void test_threads(void)
{
    expect_num("job NPV", add_job("AIROI.NPV", 2, ARGS(num(0.1), column(4, ms_npv))),
               1188.4434123352216, 1e-8);
    expect_num("job XNPV", add_job("AIROI.XNPV", 3, ARGS(num(0.09), column(5, ms_xv), column(5, ms_xd))),
               ref_xnpv(0.09, ms_xv, ms_xd, 5), 1e-7);
    expect_num("job IRR", add_job("AIROI.IRR", 1, ARGS(column(6, ms_irr6))), 0.0866309480365316,
               1e-7);
    expect_num("job XIRR", add_job("AIROI.XIRR", 2, ARGS(column(5, ms_xv), column(5, ms_xd))),
               0.37336253351883136, 1e-6);
    expect_num("job MIRR", add_job("AIROI.MIRR", 3, ARGS(column(6, ms_mirr), num(0.1), num(0.12))),
               0.1260941303659051, 1e-9);
    expect_err("job PAYBACK", add_job("AIROI.PAYBACK", 1, ARGS(column(3, (double[]){-100, 10, 10}))),
               xlerrNA);
    expect_num("job NPVROI",
               add_job("AIROI.NPVROI", 3, ARGS(num(0.08), column(4, ex3_benefits), column(4, ex3_costs))),
               (ref_npv0(0.08, ex3_benefits, 4) - ref_npv0(0.08, ex3_costs, 4)) /
                   ref_npv0(0.08, ex3_costs, 4),
               1e-12);
    value ver = add_job("AIROI.VERSION", 0, NULL);
    check(ver.type == xltypeStr && strcmp(ver.str, AIROI_EXPECTED_VERSION) == 0, "job VERSION");
    check(thread_handle[0] != '\0', "threads have a live model handle to read");
    if (thread_handle[0] != '\0') {
        /* Several threads read one model handle (worked example 3) at once. */
        expect_num("job METRIC(npv)", add_job("AIROI.METRIC", 2, ARGS(text(thread_handle), text("npv"))),
                   425.71, 0.005);
        expect_num("job METRIC(irr)", add_job("AIROI.METRIC", 2, ARGS(text(thread_handle), text("irr"))),
                   0.5399, 5e-5);
        expect_err("job METRIC(npv, no such scenario)",
                   add_job("AIROI.METRIC", 3, ARGS(text(thread_handle), text("npv"), text("nope"))),
                   xlerrNA);
        expect_table("job SCHEDULE", add_job("AIROI.SCHEDULE", 1, ARGS(text(thread_handle))), 5, 6,
                     "period");
        expect_table("job TCO", add_job("AIROI.TCO", 1, ARGS(text(thread_handle))), 14, 2, "category");
        value sc = add_job("AIROI.SCENARIOS", 1, ARGS(text(thread_handle)));
        check(sc.type == xltypeMulti && sc.rows == 2 && cell_is_str(&sc, 1, 0, "base"),
              "job SCENARIOS: the base case alone");
        expect_err("job BENCHMARK (no use case)",
                   add_job("AIROI.BENCHMARK", 1, ARGS(text(thread_handle))), xlerrNA);
        expect_table("job FINDINGS", add_job("AIROI.FINDINGS", 1, ARGS(text(thread_handle))), 9, 6,
                     "code");
    }
    atomic_store(&in_calc, 1);
    int started = start_threads();
    join_threads();
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

/* Everything but the registration, with the full host. */
static int is_sim_handle(const value *v)
{
    return v->type == xltypeStr && strncmp(v->str, "simulation#", 11) == 0 && strlen(v->str) > 11;
}

static value simstat(const char *sim, const char *output, const char *stat)
{
    return CALL("AIROI.SIMSTAT", text(sim), text(output), text(stat));
}

static value percentile(const char *sim, const char *output, double p)
{
    return CALL("AIROI.PERCENTILE", text(sim), text(output), num(p));
}

/* AIROI.SIMULATE, SIMSTAT, PERCENTILE, TORNADO and STAGES on the bundled
 * model with uncertainties, correlations and stages
 * (docs/examples/genai-support-uncertain.yaml), and on example 3, which has
 * none. */
static void test_simulation(const char *sim_model, const char *model)
{
    check(sim_model != NULL, "a model with uncertainties was given (--sim-model)");
    if (sim_model == NULL)
        return;
    set_caller(CALLER_REF, 8, 0, 0);
    value h = CALL("AIROI.LOAD", text(sim_model));
    check(is_handle(&h), "LOAD(the uncertain example) returns a handle ('%s')", h.str);
    char ph[256];
    snprintf(ph, sizeof ph, "%s", h.str);

    set_caller(CALLER_REF, 8, 1, 0);
    value s = CALL("AIROI.SIMULATE", text(ph), num(2000), num(7));
    check(is_sim_handle(&s), "SIMULATE returns a simulation handle ('%s')", s.str);
    char sh[256];
    snprintf(sh, sizeof sh, "%s", s.str);
    value mean = simstat(sh, "npv", "mean");
    value sd = simstat(sh, "npv", "sd");
    value se = simstat(sh, "npv", "se");
    value lo = simstat(sh, "npv", "min"), hi = simstat(sh, "npv", "max");
    value p5 = percentile(sh, "npv", 5), p50 = percentile(sh, "npv", 50),
          p95 = percentile(sh, "npv", 95);
    value pos = simstat(sh, "npv", "prob_positive");
    check(mean.type == xltypeNum && sd.type == xltypeNum && sd.num > 0,
          "SIMSTAT(npv, mean) and sd > 0 are numbers (%g, %g)", mean.num, sd.num);
    check(se.type == xltypeNum && fabs(se.num - sd.num / sqrt(2000.0)) <= 1e-9 * sd.num,
          "SIMSTAT(npv, se) = sd / sqrt(trials)");
    check(lo.type == xltypeNum && p5.type == xltypeNum && p50.type == xltypeNum &&
              p95.type == xltypeNum && hi.type == xltypeNum && lo.num <= p5.num &&
              p5.num <= p50.num && p50.num <= p95.num && p95.num <= hi.num,
          "min <= P5 <= P50 <= P95 <= max of NPV");
    check(pos.type == xltypeNum && pos.num >= 0 && pos.num <= 1, "SIMSTAT(npv, prob_positive) in [0, 1]");
    expect_num("PERCENTILE(npv, 0) is the minimum", percentile(sh, "npv", 0), lo.num, 0);
    expect_num("PERCENTILE(npv, 100) is the maximum", percentile(sh, "npv", 100), hi.num, 0);
    expect_num("SIMSTAT(npv, defined) counts every trial", simstat(sh, "npv", "defined"), 2000, 0);
    value irr50 = percentile(sh, "irr", 50);
    check(irr50.type == xltypeNum || (irr50.type == xltypeErr && irr50.err == xlerrNA),
          "PERCENTILE(irr, 50) is a number or #N/A");

    /* The same seed in another cell: the same figures; another seed: others. */
    set_caller(CALLER_REF, 8, 2, 0);
    value s2 = CALL("AIROI.SIMULATE", text(ph), num(2000), num(7));
    check(is_sim_handle(&s2) && strcmp(s2.str, sh) != 0, "a second SIMULATE, another handle");
    expect_num("same seed, same mean NPV", simstat(s2.str, "npv", "mean"), mean.num, 0);
    expect_num("same seed, same P95", percentile(s2.str, "npv", 95), p95.num, 0);
    set_caller(CALLER_REF, 8, 3, 0);
    value s3 = CALL("AIROI.SIMULATE", text(ph), num(2000), num(8));
    value mean3 = simstat(s3.str, "npv", "mean");
    check(mean3.type == xltypeNum && mean3.num != mean.num, "another seed, another mean NPV");
    set_caller(CALLER_REF, 8, 4, 0);
    value sd0 = CALL("AIROI.SIMULATE", text(ph));
    check(is_sim_handle(&sd0), "SIMULATE with the model's settings returns a handle");
    expect_num("the model's simulation.trials (20000)", simstat(sd0.str, "npv", "defined"), 20000, 0);

    value never = simstat(sh, "payback_periods", "never_share");
    check(never.type == xltypeNum && never.num >= 0 && never.num <= 1,
          "SIMSTAT(payback_periods, never_share) in [0, 1]");
    expect_err("SIMSTAT never_share of npv (not one of its figures)", simstat(sh, "npv", "never_share"),
               xlerrValue);
    expect_err("SIMSTAT unknown statistic", simstat(sh, "npv", "median"), xlerrValue);
    expect_err("SIMSTAT unknown output", simstat(sh, "nvp", "mean"), xlerrValue);
    expect_err("SIMSTAT of a project handle", simstat(ph, "npv", "mean"), xlerrNA);
    expect_err("SIMSTAT handle never issued", simstat("simulation#999999", "npv", "mean"), xlerrNA);
    expect_err("SIMSTAT handle is a number", CALL("AIROI.SIMSTAT", num(1), text("npv"), text("mean")),
               xlerrValue);
    expect_err("PERCENTILE above 100", percentile(sh, "npv", 101), xlerrNum);
    expect_err("PERCENTILE below 0", percentile(sh, "npv", -1), xlerrNum);
    expect_err("PERCENTILE p is text", CALL("AIROI.PERCENTILE", text(sh), text("npv"), text("x")),
               xlerrValue);
    expect_err("SIMULATE of a simulation handle", CALL("AIROI.SIMULATE", text(sh)), xlerrNA);
    expect_err("SIMULATE with 0 trials", CALL("AIROI.SIMULATE", text(ph), num(0)), xlerrNum);
    expect_err("SIMULATE trials error passes through", CALL("AIROI.SIMULATE", text(ph), err(xlerrDiv0)),
               xlerrDiv0);
    /* A failed SIMULATE releases what the cell held. */
    set_caller(CALLER_REF, 8, 1, 0);
    expect_err("SIMULATE refused in the first cell", CALL("AIROI.SIMULATE", text(ph), num(-5)),
               xlerrNum);
    expect_err("its previous simulation is gone", simstat(sh, "npv", "mean"), xlerrNA);

    value t = CALL("AIROI.TORNADO", text(ph));
    check(t.type == xltypeMulti && t.cols == 4 && t.rows == 6, "TORNADO is 6 x 4 (%d x %d)", t.rows,
          t.cols);
    check(cell_is_str(&t, 0, 0, "input") && cell_is_str(&t, 0, 1, "low_npv") &&
              cell_is_str(&t, 0, 2, "high_npv") && cell_is_str(&t, 0, 3, "swing"),
          "TORNADO header row");
    int sorted = 1;
    for (int r = 1; r < t.rows && (r + 1) * 4 <= MAX_CELLS; r++) {
        const cellv *a = at(&t, r, 1), *b = at(&t, r, 2), *w = at(&t, r, 3);
        sorted &= a && b && w && a->type == xltypeNum && b->type == xltypeNum &&
                  w->type == xltypeNum && fabs(w->num - fabs(b->num - a->num)) <= 1e-6 * (1 + w->num);
        if (r > 1)
            sorted &= at(&t, r - 1, 3)->num >= w->num;
    }
    check(sorted, "TORNADO rows: swing = |high - low|, largest first");
    check(find_row(&t, "time saved") > 0 && find_row(&t, "integration overrun") > 0,
          "TORNADO names the inputs by their name");

    value st = CALL("AIROI.STAGES", text(ph));
    check(st.type == xltypeMulti && st.rows == 6 && st.cols == 2, "STAGES is 6 x 2 (%d x %d)",
          st.rows, st.cols);
    int pr = find_row(&st, "prob_production"), en = find_row(&st, "expected_npv"),
        ai = find_row(&st, "npv_all_in"), vs = find_row(&st, "value_of_staging");
    check(cell_is_str(&st, 0, 0, "figure") && cell_is_str(&st, 0, 1, "value"), "STAGES header row");
    check(pr > 0 && cell_near(&st, pr, 1, 0.9 * 0.6 * 0.7, 1e-12),
          "STAGES prob_production = 0.9 x 0.6 x 0.7");
    check(en > 0 && ai > 0 && vs > 0 &&
              cell_near(&st, vs, 1, at(&st, en, 1)->num - at(&st, ai, 1)->num,
                        1e-9 * (1 + fabs(at(&st, vs, 1)->num))),
          "STAGES value_of_staging = expected_npv - npv_all_in");

    if (model != NULL) {
        set_caller(CALLER_REF, 8, 5, 0);
        value h3 = CALL("AIROI.LOAD", text(model));
        expect_err("STAGES of a model without stages", CALL("AIROI.STAGES", text(h3.str)), xlerrNA);
        expect_err("TORNADO of a model without uncertainties", CALL("AIROI.TORNADO", text(h3.str)),
                   xlerrValue);
    }
    expect_err("TORNADO handle never issued", CALL("AIROI.TORNADO", text("project#999999")), xlerrNA);
    expect_err("STAGES handle missing", call("AIROI.STAGES", 0, NULL), xlerrValue);
}

/* ---- The whole model from worksheet ranges -------------------------------
 * tests/xll/sheet-model.yaml as the tables of AIROI.PROJECT with header
 * rows (docs/excel.md): every key the tables take. Built from the ranges
 * and loaded from the file, the model must give the same metrics (the JSON
 * report's keys, through AIROI.SCENARIOS and METRIC), schedule, TCO,
 * findings and benchmark. */

static XLOPER12 sheet_project(void)
{
    XLOPER12 c[] = {
        text("name"), text("currency"), text("unit"), text("start"), text("period"),
        text("horizon"), text("Discount_Rate"), text("finance_rate"), text("reinvest_rate"),
        text("use_case"), text("stage"), text("fx.USD"), text("fx.EUR"),
        text("Sheet model"), text("TWD"), num(1000), num(46023) /* 2026-01-01 */, text("quarter"),
        num(8), num(0.08), num(0.06), num(0.1), text("customer_service"), text("mvp"), num(32),
        num(35)};
    return grid(2, 13, c);
}

enum { SHEET_COST_COLS = 17, SHEET_VALUE_COLS = 20, SHEET_SCENARIO_COLS = 9 };

static XLOPER12 sheet_costs(const char *extra_header)
{
    XLOPER12 c[] = {
        text("Name"), text("category"), text("amount"), text("quantity"), text("unit_amount"),
        text("per"), text("at"), text("from"), text("to"), text("growth"), text("currency"),
        text("payment"), text("risk_adjustment"), text("amounts"), text("amounts"), text("amounts"),
        extra_header != NULL ? text(extra_header) : text("amounts"),
        text("Build"), text("people"), num(350), nil(), nil(), text("once"), num(0), nil(), nil(),
        nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(),
        text("Model API"), text("software"), nil(), num(500), num(0.002), text("month"), nil(),
        num(1), num(8), num(0.03), text("USD"), nil(), nil(), nil(), nil(), nil(), nil(),
        text("Cloud"), text("infrastructure"), nil(), nil(), nil(), nil(), nil(), num(2), nil(),
        nil(), nil(), nil(), nil(), num(10), num(12), num(0), num(15),
        nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(), /* a blank row */
        nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(),
        text("Training"), text("change_management"), num(20), nil(), nil(), text("year"), nil(),
        nil(), nil(), nil(), nil(), text("lump"), num(0.1), nil(), nil(), nil(), nil(),
        text("Upkeep"), text("maintenance"), num(5), nil(), nil(), nil(), nil(), nil(), nil(),
        nil(), text("EUR"), nil(), nil(), nil(), nil(), nil(), nil(),
    };
    return grid(7, SHEET_COST_COLS, c);
}

static XLOPER12 sheet_values(void)
{
    XLOPER12 c[] = {
        text("name"), text("dimension"), text("quantity"), text("unit_amount"), text("amount"),
        text("per"), text("from"), text("to"), text("growth"), text("realization"),
        text("attribution"), text("risk_adjustment"), text("monetized"), text("adoption.curve"),
        text("adoption.periods"), text("adoption.start"), text("adoption.ceiling"),
        text("amounts"), text("amounts"), text("amounts"),
        text("Agent time saved"), text("efficiency"), num(150), num(4), nil(), text("month"),
        nil(), nil(), num(0.02), num(0.8), num(0.9), nil(), nil(), text("s_curve"), num(4),
        num(0.2), num(0.95), nil(), nil(), nil(),
        text("Retention revenue"), text("revenue"), nil(), nil(), nil(), nil(), num(3), nil(),
        nil(), nil(), nil(), num(0.15), nil(), nil(), nil(), nil(), nil(), num(60), num(150),
        num(220),
        text("Brand"), text("strategic"), nil(), nil(), num(30), text("year"), nil(), nil(),
        nil(), nil(), nil(), nil(), boolean(1), text("linear"), num(2), nil(), nil(), nil(),
        nil(), nil(),
        text("Fewer incidents"), text("risk"), nil(), nil(), num(8), nil(), num(2), num(6), nil(),
        nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(), nil(),
    };
    return grid(5, SHEET_VALUE_COLS, c);
}

static XLOPER12 sheet_scenarios(void)
{
    XLOPER12 c[] = {
        text("name"), text("probability"), text("multipliers.values"),
        text("multipliers.Model API"), text("multipliers.efficiency"),
        text("multipliers.software"), text("multipliers.costs"), text("delay"),
        text("adoption_ceiling"),
        text("best"), num(0.2), num(1.2), num(0.9), nil(), nil(), nil(), nil(), nil(),
        text("base"), num(0.5), nil(), nil(), nil(), nil(), nil(), nil(), nil(),
        text("worst"), num(0.3), nil(), nil(), num(0.7), num(1.3), num(1.1), num(1), num(0.8),
    };
    return grid(4, SHEET_SCENARIO_COLS, c);
}

/* Two spilled tables are the same: shape, and every element (numbers to
 * 1e-12 relative; the two models go through the same setters). */
static void expect_same_table(const char *what, const value *a, const value *b)
{
    int ok = a->type == xltypeMulti && b->type == xltypeMulti && a->rows == b->rows &&
             a->cols == b->cols && (long)a->rows * a->cols <= MAX_CELLS;
    long n = ok ? (long)a->rows * a->cols : 0, bad = -1;
    for (long i = 0; i < n && bad < 0; i++) {
        const cellv *x = &a->cells[i], *y = &b->cells[i];
        int same = x->type == y->type;
        if (same && x->type == xltypeNum)
            same = fabs(x->num - y->num) <= 1e-12 * fmax(1.0, fabs(y->num));
        else if (same && x->type == xltypeErr)
            same = x->err == y->err;
        else if (same && x->type == xltypeStr)
            same = strcmp(x->str, y->str) == 0;
        if (!same)
            bad = i;
    }
    check(ok && bad < 0, "%s: ranges and file give the same %d x %d table%s", what, a->rows,
          a->cols, bad >= 0 ? " (differs)" : "");
    if (bad >= 0)
        fprintf(stderr, "  %s: first difference at row %ld, column %ld\n", what,
                bad / a->cols, bad % a->cols);
}

static value sheet_check(const XLOPER12 *costs)
{
    return CALL("AIROI.CHECK", sheet_project(), *costs, sheet_values(), sheet_scenarios());
}

/* AIROI.CHECK of the sheet with one changed cell of the costs table gives
 * a message that starts with want. */
static void expect_check(const char *what, XLOPER12 costs, const char *want)
{
    value v = sheet_check(&costs);
    check(v.type == xltypeStr && strncmp(v.str, want, strlen(want)) == 0,
          "CHECK %s: '%s' (want '%s...')", what, v.str, want);
}

/* Costs table of the sheet with cell (r, c) replaced by x. */
static XLOPER12 sheet_costs_with(int r, int c, XLOPER12 x)
{
    XLOPER12 t = sheet_costs(NULL);
    t.val.array.lparray[r * SHEET_COST_COLS + c] = x;
    return t;
}

static void test_sheet_model(const char *sheet_model)
{
    set_caller(CALLER_REF, 11, 0, 0);
    value hs = CALL("AIROI.PROJECT", sheet_project(), sheet_costs(NULL), sheet_values(),
                    sheet_scenarios());
    check(is_handle(&hs), "PROJECT of the whole sheet model returns a handle ('%s')", hs.str);
    set_caller(CALLER_REF, 11, 1, 0);
    value hy = CALL("AIROI.LOAD", text(sheet_model));
    check(is_handle(&hy), "LOAD %s returns a handle ('%s')", sheet_model, hy.str);
    value ok = sheet_check((XLOPER12[]){sheet_costs(NULL)});
    check(ok.type == xltypeStr && ok.str[0] == '\0', "CHECK of the sheet model is empty ('%s')",
          ok.str);

    /* every metric of the JSON report, base case and each scenario */
    value ss = CALL("AIROI.SCENARIOS", text(hs.str)), sy = CALL("AIROI.SCENARIOS", text(hy.str));
    expect_same_table("SCENARIOS", &ss, &sy);
    check(ss.rows == 4 && cell_is_str(&ss, 0, 0, "name") && cell_is_str(&ss, 0, 1, "probability") &&
              cell_is_str(&ss, 0, 2, "npv") && cell_is_str(&ss, 1, 0, "best") &&
              cell_near(&ss, 1, 1, 0.2, 0) && cell_is_str(&ss, 3, 0, "worst"),
          "SCENARIOS: header name, probability, npv, ...; rows best, base, worst");
    int nmetrics = 0;
    for (int c = 2; c < sy.cols && at(&sy, 0, c) != NULL; c++) {
        const char *m = at(&sy, 0, c)->str;
        value a = metric(hs.str, m), b = metric(hy.str, m);
        int same = a.type == b.type &&
                   (a.type == xltypeNum ? fabs(a.num - b.num) <= 1e-12 * fmax(1.0, fabs(b.num))
                                        : a.err == b.err);
        check(same, "METRIC(%s): ranges %g, file %g", m, a.num, b.num);
        nmetrics += same;
    }
    check(nmetrics >= 27, "METRIC: %d metrics compared", nmetrics);
    expect_num("sheet model: npv as the file's JSON report", metric(hs.str, "npv"), 4825.80555,
               1e-4);
    const char *fns[] = {"AIROI.SCHEDULE", "AIROI.TCO", "AIROI.FINDINGS", "AIROI.BENCHMARK"};
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        value a = CALL(fns[i], text(hs.str)), b = CALL(fns[i], text(hy.str));
        expect_same_table(fns[i], &a, &b);
    }

    /* BENCHMARK: the use case's ranges */
    value bm = CALL("AIROI.BENCHMARK", text(hs.str));
    check(bm.type == xltypeMulti && bm.rows == 4 && bm.cols == 6 && cell_is_str(&bm, 0, 0, "field") &&
              cell_is_str(&bm, 1, 0, "roi") && cell_is_str(&bm, 2, 0, "payback_months") &&
              cell_is_str(&bm, 3, 0, "investment") && at(&bm, 1, 5) != NULL &&
              at(&bm, 1, 5)->type == xltypeStr,
          "BENCHMARK: 4 x 6, rows roi, payback_months, investment with a position");

    /* SAVE, then LOAD of the saved file: the same model */
    const char *saved = "xll-host-saved.yaml";
    value sv = CALL("AIROI.SAVE", text(hs.str), text(saved));
    check(sv.type == xltypeStr && strcmp(sv.str, saved) == 0, "SAVE returns the path ('%s')", sv.str);
    set_caller(CALLER_REF, 11, 2, 0);
    value hr = CALL("AIROI.LOAD", text(saved));
    value sr = CALL("AIROI.SCENARIOS", text(hr.str));
    expect_same_table("SCENARIOS after SAVE and LOAD", &sr, &ss);
    value vs = CALL("AIROI.VALIDATE", text(saved));
    check(vs.type == xltypeMulti && vs.cols == 3 && cell_is_str(&vs, 0, 0, "line") &&
              cell_is_str(&vs, 0, 1, "column") && cell_is_str(&vs, 0, 2, "message"),
          "VALIDATE(saved file): header line, column, message (%d rows)", vs.rows);
    value vh = CALL("AIROI.VALIDATE", text(hs.str));
    check(vh.type == xltypeMulti && vh.cols == 3 && vh.rows == vs.rows,
          "VALIDATE(handle): the same number of rows as the saved file (%d, %d)", vh.rows, vs.rows);
    remove(saved);
    expect_err("SAVE to an empty path", CALL("AIROI.SAVE", text(hs.str), text("")), xlerrValue);
    expect_err("SAVE into a folder that does not exist",
               CALL("AIROI.SAVE", text(hs.str), text("no-such-dir/x.yaml")), xlerrValue);

    /* The refusals of the tables themselves, with the reason in CHECK */
    expect_check("unknown column", sheet_costs("colour"),
                 "costs table: unknown column 'colour'; expected one of name,");
    expect_check("a column twice", sheet_costs("growth"), "costs table: column 'growth' is given twice");
    expect_check("amount two ways", sheet_costs_with(1, 3, num(2)),
                 "cost item 'Build': give the amount one way only");
    expect_check("quantity without unit_amount", sheet_costs_with(2, 4, nil()),
                 "cost item 'Model API': quantity: needs unit_amount too");
    expect_check("at on a recurring amount", sheet_costs_with(2, 6, num(1)),
                 "cost item 'Model API': at: 'at' is the period of a one-time amount");
    expect_check("a list on a one-time amount", sheet_costs_with(1, 13, num(5)),
                 "cost item 'Build': give the amount one way only");
    expect_check("a library rule (unknown payment)", sheet_costs_with(5, 11, text("monthly")),
                 "payment: expected one of spread, lump; got 'monthly'");
    XLOPER12 blank_header = sheet_costs_with(0, 16, nil());
    expect_check("a value under a blank header", blank_header,
                 "costs table: row 4 has a value in column 17, which has no name");
    expect_err("PROJECT: an unknown column is #VALUE!",
               CALL("AIROI.PROJECT", sheet_project(), sheet_costs("colour"), sheet_values()),
               xlerrValue);
    expect_err("PROJECT: an error value in a header passes through",
               CALL("AIROI.PROJECT", sheet_project(), sheet_costs_with(0, 2, err(xlerrRef)),
                    sheet_values()),
               xlerrRef);
    XLOPER12 p_bad[] = {text("name"), text("start"), text("Bad start"), text("2026-02-30")};
    value bs = CALL("AIROI.CHECK", grid(2, 2, p_bad), sheet_costs(NULL), sheet_values());
    check(strcmp(bs.str, "project 'Bad start': start: expected a date YYYY-MM-DD (ISO 8601) "
                         "that exists; got '2026-02-30'") == 0,
          "CHECK start 2026-02-30: '%s'", bs.str);
    XLOPER12 p_iso[] = {text("name"), text("start"), text("period"), text("horizon"),
                        text("fx.USD"), text("fx.EUR"), text("ISO start"), text("2026-01-01"),
                        text("quarter"), num(8), num(32), num(35)};
    value hi = CALL("AIROI.CHECK", grid(2, 6, p_iso), sheet_costs(NULL), sheet_values());
    check(hi.type == xltypeStr && hi.str[0] == '\0', "CHECK start as ISO text: valid ('%s')",
          hi.str);

    /* Worked example 3 in the header layout of docs/excel.md (at, from, to) */
    XLOPER12 dc[] = {
        text("name"), text("category"), text("amount"), text("per"), text("at"), text("from"), text("to"),
        text("Build"), text("people"), num(350), text("once"), num(0), nil(), nil(),
        text("Run 1"), text("people"), num(180), nil(), nil(), num(1), num(1),
        text("Run 2"), text("people"), num(150), text("year"), nil(), num(2), num(3),
    };
    XLOPER12 dv[] = {
        text("name"), text("dimension"), text("amount"), text("per"), text("from"), text("to"),
        text("Year 1"), text("efficiency"), num(300), nil(), num(1), num(1),
        text("Year 2"), text("revenue"), num(490), nil(), num(2), num(2),
        text("Year 3"), text("risk"), num(620), nil(), num(3), num(3),
    };
    set_caller(CALLER_REF, 11, 3, 0);
    value hd = CALL("AIROI.PROJECT", ex3_project_row(), grid(4, 7, dc), grid(4, 6, dv));
    expect_num("PROJECT in the layout of docs/excel.md: npv", metric(hd.str, "npv"), 425.71, 0.005);

    /* without a header: a value right of the layout's last column is refused */
    XLOPER12 wide[] = {text("Build"), text("people"), num(350), text("once"), num(0), nil(), nil(),
                       text("USD")};
    value vw = CALL("AIROI.CHECK", ex3_project_row(), grid(1, 8, wide), grid(4, 6, dv));
    check(vw.type == xltypeStr &&
              strncmp(vw.str, "costs table: row 1 has a value in column 8, which has no name", 61) == 0,
          "CHECK a value past the positional layout: '%s'", vw.str);

    /* VALIDATE of a handle: the library's warnings, without a position */
    XLOPER12 p8[] = {text("name"), text("horizon"), text("discount_rate"), text("Rate 8"), num(3),
                     num(8)};
    set_caller(CALLER_REF, 11, 4, 0);
    value h8 = CALL("AIROI.PROJECT", grid(2, 3, p8), ex3_costs_table("people"), grid(4, 6, dv));
    value v8 = CALL("AIROI.VALIDATE", text(h8.str));
    int warned = 0;
    for (int r = 1; r < v8.rows; r++)
        warned |= at(&v8, r, 0) != NULL && at(&v8, r, 0)->type == xltypeNil &&
                  at(&v8, r, 2) != NULL && strstr(at(&v8, r, 2)->str, "warning: ") == at(&v8, r, 2)->str &&
                  strstr(at(&v8, r, 2)->str, "discount_rate") != NULL;
    check(is_handle(&h8) && warned, "VALIDATE(handle of discount_rate 8): a warning without a position");

    /* VALIDATE of an invalid model file: the loader's line and column */
    if (corpus_dir != NULL) {
        char path[1024];
        snprintf(path, sizeof path, "%s/unit-zero.yaml", corpus_dir);
        value vz = CALL("AIROI.VALIDATE", text(path));
        check(vz.type == xltypeMulti && vz.rows >= 2 && cell_near(&vz, 1, 0, 7, 0) &&
                  cell_near(&vz, 1, 1, 9, 0) && at(&vz, 1, 2) != NULL &&
                  strstr(at(&vz, 1, 2)->str, "project.unit: expected a number greater") != NULL,
              "VALIDATE(unit-zero.yaml): line 7, column 9, the loader's message");
    }
}

/* Every new model function with a blank, text, an error value and an
 * empty range in each argument: an error value, never a crash. */
static void test_model_probes(void)
{
    XLOPER12 blanks[] = {nil(), nil(), nil(), nil()};
    struct {
        const char *label;
        XLOPER12 x;
        int want; /* error expected as a handle argument */
    } probes[] = {
        {"blank", nil(), xlerrValue},
        {"text", text("not a handle"), xlerrValue},
        {"stale handle", text("project#999999"), xlerrNA},
        {"error", err(xlerrDiv0), xlerrDiv0},
        {"empty range", grid(2, 2, blanks), xlerrValue},
        {"number", num(3), xlerrValue},
    };
    const char *readers[] = {"AIROI.SCENARIOS", "AIROI.BENCHMARK", "AIROI.FINDINGS"};
    for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++) {
        for (size_t f = 0; f < sizeof readers / sizeof readers[0]; f++)
            expect_err(readers[f], CALL(readers[f], probes[p].x), probes[p].want);
        /* VALIDATE: text that is not a handle is a path (that does not exist) */
        value v = CALL("AIROI.VALIDATE", probes[p].x);
        if (p == 1) {
            const cellv *m = at(&v, 1, 2);
            check(v.type == xltypeMulti && v.rows == 2 && m != NULL && m->type == xltypeStr &&
                      at(&v, 1, 0)->type == xltypeNil,
                  "VALIDATE(a file that does not exist): one row without a position ('%s')",
                  m != NULL ? m->str : "");
        } else {
            expect_err("AIROI.VALIDATE", v, probes[p].want);
        }
        expect_err("AIROI.SAVE(probe, path)", CALL("AIROI.SAVE", probes[p].x, text("x.yaml")),
                   probes[p].want);
        if (probes[p].x.xltype != xltypeStr) /* text is a path */
            expect_err("AIROI.SAVE(handle, probe)",
                       CALL("AIROI.SAVE", text(thread_handle), probes[p].x),
                       probes[p].x.xltype == xltypeErr ? xlerrDiv0 : xlerrValue);
    }
    expect_err("BENCHMARK of a model without a use case", CALL("AIROI.BENCHMARK", text(thread_handle)),
               xlerrNA);
    value s3 = CALL("AIROI.SCENARIOS", text(thread_handle));
    check(s3.rows == 2 && cell_is_str(&s3, 1, 0, "base") && cell_near(&s3, 1, 1, 1.0, 0) &&
              cell_near(&s3, 1, 2, 425.71, 0.005),
          "SCENARIOS of a model without scenarios: base, 1, its npv");
    expect_err("SCENARIOS missing", call("AIROI.SCENARIOS", 0, NULL), xlerrValue);
    expect_err("VALIDATE missing", call("AIROI.VALIDATE", 0, NULL), xlerrValue);
    expect_err("SAVE missing", call("AIROI.SAVE", 0, NULL), xlerrValue);
}

static void run_full(const char *model, const char *sim_model, const char *sheet_model)
{
    test_npv();
    test_xnpv();
    test_irr();
    test_xirr();
    test_mirr();
    test_finance_more();
    test_finance_probes();
    test_payback();
    test_roi();
    test_version();
    test_load(model);
    test_project();
    test_same_words();
    test_corpus();
    if (sheet_model != NULL)
        test_sheet_model(sheet_model);
    else
        check(0, "no --sheet-model: the worksheet model is not checked");
    test_model_probes();
    set_caller(CALLER_REF, 99, 0, 0); /* a scratch cell for the calls below */
    test_distinct_results();
    test_threads();
    test_race(model);
    test_simulation(sim_model, model);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: xll-host PATH-TO-airoi.xll [MODEL.yaml | --minimal] [--corpus DIR] "
                        "[--sim-model MODEL.yaml] [--sheet-model MODEL.yaml] [-v]\n");
        return 2;
    }
    xll_path = argv[1];
    const char *model = NULL, *sim_model = NULL, *sheet_model = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--sim-model") == 0 && i + 1 < argc)
            sim_model = argv[++i];
        else if (strcmp(argv[i], "--sheet-model") == 0 && i + 1 < argc)
            sheet_model = argv[++i];
        else if (strcmp(argv[i], "--minimal") == 0)
            minimal = 1;
        else if (strcmp(argv[i], "--corpus") == 0 && i + 1 < argc)
            corpus_dir = argv[++i];
        else
            model = argv[i];
    }

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
    if (minimal) {
        check(minimal_getname == 1, "xlAutoOpen asked once for xlGetName (refused: %d)",
              minimal_getname);
        check(minimal_refused == 0, "xlAutoOpen made no other callback than xlfRegister (%d)",
              minimal_refused);
        check(find_reg("AIROI.MIRR") != NULL && find_reg("AIROI.MIRR")->refused &&
                  find_reg("AIROI.ROI") != NULL && find_reg("AIROI.ROI")->refused,
              "the host refused AIROI.MIRR and AIROI.ROI, and registration went on");
    } else {
        check(excel_strings_live == 0, "xlAutoOpen released the xlGetName string with xlFree");
    }
    lint();

    if (minimal) {
        test_npv();
        test_irr();
        test_xirr();
        test_version();
    } else {
        run_full(model, sim_model, sheet_model);
    }

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
    if (minimal) {
        check(minimal_bad_unregister == 0, "xlAutoClose unregisters no refused function");
    } else {
        test_after_close();
        for (int i = 0; i < nregs; i++) {
            check(regs[i].unregistered, "%s: unregistered by xlAutoClose", regs[i].name);
            check(regs[i].name_deleted, "%s: its name deleted by xlAutoClose", regs[i].name);
        }
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
