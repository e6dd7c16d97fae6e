/*
 * tests/fuzz/fuzz-xloper.c: libFuzzer target for the Excel add-in's
 * XLOPER12 argument conversion (bindings/excel, native build; fuzzed
 * through the readers of xll-glue.c and xll-readers.c and the worksheet
 * functions themselves, called as Excel calls them, without a host).
 *
 * The bytes are a list of calls: a byte picks a worksheet function (the
 * finance functions, AIROI.CHECK and AIROI.PROJECT with the readers of a
 * project handle) or an argument reader, then each argument is built from
 * the bytes that follow: a number (any double, NaN and infinities
 * included, or a small decimal), a counted string (ASCII bytes, raw UTF-16
 * units with lone surrogates, or up to 32,767 units), a logical (any int),
 * an error value, missing, blank, an integer, a reference (which type Q
 * arguments never are: refused), the handle AIROI.PROJECT last returned,
 * or an array of up to 8 x 8 of those (nested arrays included), with 0
 * rows or columns, or declaring any size, huge or negative, with no
 * elements behind it (lparray NULL). Up to 8 calls per input; every handle
 * and result is released after each input.
 *
 * A bug is a crash, a leak, undefined behaviour, a reader that returns
 * XLL_OK with a non-finite number (or a date outside Excel's) or an error
 * that is not an Excel error value, and a result that is not a DLL-owned
 * finite number, error value, string or array of those (NaN never reaches
 * a cell), or a result block left alive.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airoi-xll.h"
#include "xll-registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- Bytes ---------------------------------------------------------------- */

typedef struct bytes {
    const uint8_t *p;
    size_t n;
} bytes;

static uint8_t u8(bytes *b)
{
    if (b->n == 0)
        return 0;
    b->n--;
    return *b->p++;
}

static uint16_t u16(bytes *b)
{
    uint16_t lo = u8(b);
    return (uint16_t)(lo | (uint16_t)(u8(b) << 8));
}

static uint32_t u32(bytes *b)
{
    uint32_t lo = u16(b);
    return lo | (uint32_t)u16(b) << 16;
}

/* ---- Values, all kept in an arena freed after each input ------------------ */

enum { MAX_BLOCKS = 4096, MAX_CALLS = 8, MAX_ARGS = 7, MAX_SIDE = 8 };

static void *arena[MAX_BLOCKS];
static size_t narena;

static void *alloc(size_t size)
{
    if (narena == MAX_BLOCKS)
        return NULL;
    void *p = calloc(1, size ? size : 1);
    if (p)
        arena[narena++] = p;
    return p;
}

static void arena_free(void)
{
    while (narena > 0)
        free(arena[--narena]);
}

static const int32_t errors[] = {xlerrNull, xlerrDiv0, xlerrValue, xlerrRef,
                                 xlerrName, xlerrNum,  xlerrNA,    xlerrGettingData};

static int excel_error(int e)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (e == errors[i])
            return 1;
    return 0;
}

static XCHAR last_handle[64]; /* counted: the last handle AIROI.PROJECT made */

static XCHAR *counted(size_t units)
{
    XCHAR *s = alloc((units + 1) * sizeof *s);
    if (s)
        s[0] = (XCHAR)units;
    return s;
}

/* Extreme sizes of an array with no elements behind it. */
static const int32_t sides[] = {0, -1, 1, 2, XL_MAX_ROWS, XL_MAX_COLS, INT32_MAX, INT32_MIN};

static void build(bytes *b, XLOPER12 *x, int depth)
{
    uint8_t t = u8(b);
    memset(x, 0, sizeof *x);
    switch (t % 12) {
    case 0: /* a raw double: NaN, infinities, subnormals */
        {
            uint64_t bits = (uint64_t)u32(b) | (uint64_t)u32(b) << 32;
            memcpy(&x->val.num, &bits, sizeof bits);
            x->xltype = xltypeNum;
        }
        break;
    case 1: /* a small decimal */
        x->val.num = (double)(int16_t)u16(b) / 100.0;
        x->xltype = xltypeNum;
        break;
    case 2: { /* ASCII text */
        size_t len = u8(b) % 64;
        XCHAR *s = counted(len);
        for (size_t i = 0; s && i < len; i++)
            s[i + 1] = u8(b);
        x->val.str = s;
        x->xltype = s ? xltypeStr : xltypeNil;
        break;
    }
    case 3: { /* raw UTF-16, or a long string of up to 32,767 units */
        size_t len = u8(b);
        size_t units = len < 128 ? len % 32 : (size_t)u16(b) % (XL_MAX_STR + 1);
        XCHAR *s = counted(units);
        XCHAR fill = u16(b);
        for (size_t i = 0; s && i < units; i++)
            s[i + 1] = len < 128 ? u16(b) : (XCHAR)(fill + i % 7);
        x->val.str = s;
        x->xltype = s ? xltypeStr : xltypeNil;
        break;
    }
    case 4:
        x->val.xbool = (int32_t)(int8_t)u8(b);
        x->xltype = xltypeBool;
        break;
    case 5:
        x->val.err = errors[u8(b) % (sizeof errors / sizeof errors[0])];
        x->xltype = xltypeErr;
        break;
    case 6: x->xltype = xltypeMissing; break;
    case 7: x->xltype = xltypeNil; break;
    case 8:
        x->val.w = (int32_t)u32(b);
        x->xltype = xltypeInt;
        break;
    case 9: { /* a reference: a type Q argument never is one */
        uint8_t k = u8(b);
        if (k & 1) {
            x->val.sref.count = 1;
            x->val.sref.ref.rwFirst = (RW)u32(b);
            x->val.sref.ref.rwLast = (RW)u32(b);
            x->xltype = xltypeSRef;
        } else {
            XLMREF12 *m = (k & 2) ? alloc(sizeof *m) : NULL;
            if (m) {
                m->count = 1;
                m->reftbl[0].rwLast = (RW)(u8(b) % 4);
                m->reftbl[0].colLast = (COL)(u8(b) % 4);
            }
            x->val.mref.lpmref = m;
            x->val.mref.idSheet = u8(b);
            x->xltype = xltypeRef;
        }
        break;
    }
    case 10: { /* the last handle, as text */
        XCHAR *s = counted(last_handle[0]);
        if (s)
            memcpy(s, last_handle, (last_handle[0] + 1u) * sizeof *s);
        x->val.str = s;
        x->xltype = s ? xltypeStr : xltypeNil;
        break;
    }
    default: { /* an array */
        uint8_t shape = u8(b);
        int32_t rows, cols;
        XLOPER12 *cells = NULL;
        if (depth >= 2 || shape >= 224) { /* declared, nothing behind it */
            rows = sides[shape & 7];
            cols = sides[(shape >> 3) & 7];
        } else {
            rows = (shape & 15) % (MAX_SIDE + 1);
            cols = (shape >> 4) % (MAX_SIDE + 1);
            size_t n = (size_t)rows * (size_t)cols;
            if (n > 0 && (cells = alloc(n * sizeof *cells)) != NULL) {
                for (size_t i = 0; i < n; i++)
                    build(b, &cells[i], depth + 1);
            } else {
                rows = n > 0 ? 0 : rows; /* out of arena: an empty array */
            }
        }
        x->val.array.lparray = cells;
        x->val.array.rows = rows;
        x->val.array.columns = cols;
        x->xltype = xltypeMulti;
        break;
    }
    }
    if (t & 0x80)
        x->xltype |= xlbitXLFree; /* Excel's own memory: the readers ignore the bit */
}

/* ---- Checks -------------------------------------------------------------- */

static void check_cell(const XLOPER12 *x)
{
    switch (x->xltype & 0xfff) {
    case xltypeNum:
        if (!isfinite(x->val.num))
            abort();
        break;
    case xltypeErr:
        if (!excel_error(x->val.err))
            abort();
        break;
    case xltypeStr:
        if (!x->val.str)
            abort();
        break;
    case xltypeNil: break;
    default: abort();
    }
}

/* A worksheet function's result: a DLL-owned number, error, string or
 * array of those; released as Excel releases it. */
static void check_result(LPXLOPER12 r, int keep_handle)
{
    if (!r)
        return; /* out of memory: Excel shows an error */
    if (!(r->xltype & xlbitDLLFree))
        abort();
    if ((r->xltype & 0xfff) == xltypeMulti) {
        if (r->val.array.rows < 1 || r->val.array.columns < 1 || !r->val.array.lparray)
            abort();
        size_t n = (size_t)r->val.array.rows * (size_t)r->val.array.columns;
        for (size_t i = 0; i < n; i++)
            check_cell(&r->val.array.lparray[i]);
    } else if ((r->xltype & 0xfff) == xltypeNil) {
        abort();
    } else {
        check_cell(r);
        if (keep_handle && (r->xltype & 0xfff) == xltypeStr && r->val.str[0] < 63)
            memcpy(last_handle, r->val.str, (r->val.str[0] + 1u) * sizeof(XCHAR));
    }
    xlAutoFree12(r);
}

static void check_status(int e)
{
    if (e != XLL_OK && !excel_error(e))
        abort();
}

static void check_numbers(int e, const double *v, size_t n)
{
    check_status(e);
    if ((e != XLL_OK && (v || n)) || (e == XLL_OK && (n == 0) != (v == NULL)))
        abort();
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            abort();
}

/* The argument readers, each with its own checks. */
static void readers(int which, XLOPER12 *a, XLOPER12 *b)
{
    double v = 0, *vs = NULL;
    int32_t *days = NULL;
    size_t n = 0;
    char *text = NULL;
    int e;
    switch (which) {
    case 0:
        e = xll_arg_number(a, &v);
        check_numbers(e, e == XLL_OK ? &v : NULL, e == XLL_OK);
        break;
    case 1:
        e = xll_arg_number_opt(a, 0.25, &v);
        check_numbers(e, e == XLL_OK ? &v : NULL, e == XLL_OK);
        if (xll_arg_omitted(a) && (e != XLL_OK || v != 0.25))
            abort();
        break;
    case 2:
    case 3:
    case 4:
        e = xll_arg_numbers(a, (xll_cells)(which - 2), &vs, &n);
        check_numbers(e, vs, n);
        free(vs);
        break;
    case 5:
        e = xll_arg_text(a, &text);
        check_status(e);
        if ((e == XLL_OK) != (text != NULL))
            abort();
        free(text);
        break;
    default:
        e = xll_read_dated(a, b, &vs, &days, &n);
        check_numbers(e, vs, n);
        for (size_t i = 0; e == XLL_OK && i < n; i++)
            if (days[i] < 0 || days[i] > 2958465)
                abort();
        if (e == XLL_OK && (n == 0) != (days == NULL))
            abort();
        free(vs);
        free(days);
        break;
    }
    (void)xll_arg_scalar(a);
}

/* ---- The worksheet functions --------------------------------------------- */

typedef LPXLOPER12 (*fn0)(void);
typedef LPXLOPER12 (*fn1)(LPXLOPER12);
typedef LPXLOPER12 (*fn2)(LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12 (*fn3)(LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12 (*fn4)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12 (*fn5)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12 (*fn6)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12,
                          LPXLOPER12);
typedef LPXLOPER12 (*fn7)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12,
                          LPXLOPER12, LPXLOPER12);

typedef struct function {
    int arity;
    fn0 fn; /* cast to fnN by arity */
} function;

#define F(n, f) {n, (fn0)(void (*)(void))f}
static const function functions[] = {
    F(2, xll_airoi_npv), F(4, xll_airoi_xnpv), F(2, xll_airoi_irr), F(4, xll_airoi_xirr),
    F(3, xll_airoi_mirr), F(1, xll_airoi_payback), F(2, xll_airoi_dpayback),
    F(2, xll_airoi_roi), F(3, xll_airoi_npvroi), F(0, xll_airoi_version),
    F(6, xll_airoi_ipmt), F(6, xll_airoi_ppmt), F(6, xll_airoi_cumipmt),
    F(6, xll_airoi_cumprinc), F(4, xll_airoi_ispmt), F(2, xll_airoi_effect),
    F(2, xll_airoi_nominal), F(3, xll_airoi_pduration), F(3, xll_airoi_rri),
    F(2, xll_airoi_fvschedule), F(3, xll_airoi_sln), F(4, xll_airoi_syd), F(5, xll_airoi_db),
    F(5, xll_airoi_ddb), F(7, xll_airoi_vdb), F(4, xll_airoi_check), F(4, xll_airoi_project),
    F(3, xll_airoi_metric), F(1, xll_airoi_schedule), F(1, xll_airoi_tco),
    F(1, xll_airoi_findings), F(1, xll_airoi_scenarios), F(1, xll_airoi_benchmark),
    F(1, xll_airoi_tornado), F(1, xll_airoi_stages),
};
#define NFUNCTIONS (sizeof functions / sizeof functions[0])
#define NREADERS 7

static LPXLOPER12 call(const function *f, XLOPER12 *a)
{
    switch (f->arity) {
    case 0: return f->fn();
    case 1: return ((fn1)(void (*)(void))f->fn)(&a[0]);
    case 2: return ((fn2)(void (*)(void))f->fn)(&a[0], &a[1]);
    case 3: return ((fn3)(void (*)(void))f->fn)(&a[0], &a[1], &a[2]);
    case 4: return ((fn4)(void (*)(void))f->fn)(&a[0], &a[1], &a[2], &a[3]);
    case 5: return ((fn5)(void (*)(void))f->fn)(&a[0], &a[1], &a[2], &a[3], &a[4]);
    case 6: return ((fn6)(void (*)(void))f->fn)(&a[0], &a[1], &a[2], &a[3], &a[4], &a[5]);
    default:
        return ((fn7)(void (*)(void))f->fn)(&a[0], &a[1], &a[2], &a[3], &a[4], &a[5], &a[6]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bytes b = {data, size};
    static const XCHAR none[] = {11, 'p', 'r', 'o', 'j', 'e', 'c', 't', '#', '9', '9', '9'};
    memcpy(last_handle, none, sizeof none);
    for (int k = 0; k < MAX_CALLS && b.n > 0; k++) {
        size_t which = u8(&b) % (NFUNCTIONS + NREADERS);
        int nargs = which < NFUNCTIONS ? functions[which].arity : 2;
        XLOPER12 args[MAX_ARGS];
        for (int i = 0; i < MAX_ARGS; i++) {
            if (i < nargs) {
                build(&b, &args[i], 0);
            } else {
                memset(&args[i], 0, sizeof args[i]);
                args[i].xltype = xltypeMissing;
            }
        }
        if (which < NFUNCTIONS)
            check_result(call(&functions[which], args),
                         functions[which].fn == (fn0)(void (*)(void))xll_airoi_project);
        else
            readers((int)(which - NFUNCTIONS), &args[0], &args[1]);
    }
    xll_registry_clear();
    arena_free();
    if (xll_result_live() != 0)
        abort(); /* a result block the function kept or lost */
    return 0;
}
