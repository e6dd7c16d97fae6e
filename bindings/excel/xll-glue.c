/*
 * bindings/excel/xll-glue.c: Excel12 callback, DLL-owned results, argument
 * readers and string conversion for airoi.xll (see xll-glue.h).
 */
#include "xll-glue.h"

#include <math.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  include <windows.h>
#else
#  include <dlfcn.h>
#endif

/* ---- Callback ---------------------------------------------------------- */

/* Written once by xlAutoOpen (Excel's main thread, before any worksheet
 * function can run), read afterwards. */
static xll_mdcallback12_fn callback;

int xll_callback_init(void)
{
    xll_mdcallback12_fn fn = NULL;
#if defined(_WIN32)
    HMODULE self = GetModuleHandleW(NULL);
    if (self != NULL) {
        FARPROC p = GetProcAddress(self, XLL_CALLBACK_NAME);
        if (p != NULL)
            memcpy(&fn, &p, sizeof fn);
    }
#else
    void *self = dlopen(NULL, RTLD_LAZY);
    if (self != NULL) {
        void *p = dlsym(self, XLL_CALLBACK_NAME);
        if (p != NULL)
            memcpy(&fn, &p, sizeof fn);
        dlclose(self);
    }
#endif
    callback = fn;
    return fn != NULL;
}

int xll_excel12v(int xlfn, LPXLOPER12 res, int count, LPXLOPER12 *opers)
{
    if (callback == NULL)
        return xlretFailed;
    if (count < 0 || count > XL_MAX_CALLBACK_ARGS)
        return xlretInvCount;
    return callback(xlfn, count, opers, res);
}

int xll_excel12(int xlfn, LPXLOPER12 res, int count, ...)
{
    LPXLOPER12 opers[32];
    va_list ap;
    if (count < 0 || count > 32)
        return xlretInvCount;
    va_start(ap, count);
    for (int i = 0; i < count; i++)
        opers[i] = va_arg(ap, LPXLOPER12);
    va_end(ap);
    return xll_excel12v(xlfn, res, count, opers);
}

/* ---- Results ----------------------------------------------------------- */

#define XLL_BLOCK_MAGIC 0x41524f49u /* "AROI" */

/* One heap block per result: bookkeeping, the XLOPER12 handed to Excel,
 * then the array elements, then the UTF-16 string pool. */
typedef struct xll_block {
    uint32_t magic;
    uint32_t pad;
    size_t nelem;
    size_t pool_cap;
    size_t pool_used;
    XLOPER12 head;
    XLOPER12 elem[]; /* nelem elements, then pool_cap XCHARs */
} xll_block;

static atomic_long live_blocks;

static xll_block *block_of(LPXLOPER12 x)
{
    return (xll_block *)(void *)((char *)x - offsetof(xll_block, head));
}

static XCHAR *block_pool(xll_block *b)
{
    return (XCHAR *)(void *)(b->elem + b->nelem);
}

static xll_block *block_new(size_t nelem, size_t pool_cap)
{
    size_t max = (size_t)-1;
    if (nelem > (max - sizeof(xll_block)) / sizeof(XLOPER12))
        return NULL;
    size_t size = sizeof(xll_block) + nelem * sizeof(XLOPER12);
    if (pool_cap > (max - size) / sizeof(XCHAR))
        return NULL;
    size += pool_cap * sizeof(XCHAR);
    xll_block *b = calloc(1, size);
    if (b == NULL)
        return NULL;
    b->magic = XLL_BLOCK_MAGIC;
    b->nelem = nelem;
    b->pool_cap = pool_cap;
    atomic_fetch_add(&live_blocks, 1);
    return b;
}

void xll_result_free(LPXLOPER12 x)
{
    if (x == NULL)
        return;
    xll_block *b = block_of(x);
    if (b->magic != XLL_BLOCK_MAGIC)
        return;
    b->magic = 0;
    atomic_fetch_sub(&live_blocks, 1);
    free(b);
}

long xll_result_live(void)
{
    return atomic_load(&live_blocks);
}

LPXLOPER12 xll_result_err(int err)
{
    xll_block *b = block_new(0, 0);
    if (b == NULL)
        return NULL;
    b->head.xltype = xltypeErr | xlbitDLLFree;
    b->head.val.err = err;
    return &b->head;
}

LPXLOPER12 xll_result_num(double v)
{
    if (!isfinite(v))
        return xll_result_err(xlerrNum);
    xll_block *b = block_new(0, 0);
    if (b == NULL)
        return NULL;
    b->head.xltype = xltypeNum | xlbitDLLFree;
    b->head.val.num = v;
    return &b->head;
}

/* Puts a counted string into the block's pool; NULL when it does not fit. */
static XCHAR *pool_put(xll_block *b, const char *utf8)
{
    size_t units = xll_utf16_len(utf8);
    if (units > XL_MAX_STR)
        units = XL_MAX_STR;
    if (b->pool_cap - b->pool_used < units + 1)
        return NULL;
    XCHAR *s = block_pool(b) + b->pool_used;
    size_t written = xll_utf8_to_utf16(s + 1, units, utf8);
    s[0] = (XCHAR)written;
    b->pool_used += written + 1;
    return s;
}

LPXLOPER12 xll_result_str(const char *utf8)
{
    if (utf8 == NULL)
        utf8 = "";
    size_t units = xll_utf16_len(utf8);
    if (units > XL_MAX_STR)
        units = XL_MAX_STR;
    xll_block *b = block_new(0, units + 1);
    if (b == NULL)
        return NULL;
    b->head.xltype = xltypeStr | xlbitDLLFree;
    b->head.val.str = pool_put(b, utf8);
    return &b->head;
}

LPXLOPER12 xll_result_multi(int32_t rows, int32_t cols, size_t str_units)
{
    if (rows < 1 || cols < 1 || rows > XL_MAX_ROWS || cols > XL_MAX_COLS)
        return xll_result_err(xlerrNum);
    xll_block *b = block_new((size_t)rows * (size_t)cols, str_units);
    if (b == NULL)
        return NULL;
    for (size_t i = 0; i < b->nelem; i++)
        b->elem[i].xltype = xltypeNil;
    b->head.xltype = xltypeMulti | xlbitDLLFree;
    b->head.val.array.lparray = b->elem;
    b->head.val.array.rows = rows;
    b->head.val.array.columns = cols;
    return &b->head;
}

LPXLOPER12 xll_result_table(size_t rows, int32_t cols, const char *const *header,
                            size_t str_units)
{
    if (rows >= (size_t)XL_MAX_ROWS)
        return xll_result_err(xlerrNum);
    LPXLOPER12 out = xll_result_multi((int32_t)rows + 1, cols,
                                      str_units + xll_utf16_units(header, (size_t)cols));
    for (int32_t c = 0; xll_result_is_multi(out) && c < cols; c++)
        xll_result_set_str(out, 0, c, header[c]);
    return out;
}

int xll_result_is_multi(const XLOPER12 *x)
{
    return x != NULL && (x->xltype & 0xfff) == xltypeMulti;
}

static XLOPER12 *multi_at(LPXLOPER12 multi, int32_t r, int32_t c)
{
    if (multi == NULL || (multi->xltype & 0xfff) != xltypeMulti)
        return NULL;
    if (r < 0 || c < 0 || r >= multi->val.array.rows || c >= multi->val.array.columns)
        return NULL;
    return &multi->val.array.lparray[(size_t)r * (size_t)multi->val.array.columns + (size_t)c];
}

void xll_result_set_num(LPXLOPER12 multi, int32_t r, int32_t c, double v)
{
    XLOPER12 *e = multi_at(multi, r, c);
    if (e == NULL)
        return;
    if (isfinite(v)) {
        e->xltype = xltypeNum;
        e->val.num = v;
    } else {
        e->xltype = xltypeErr;
        e->val.err = xlerrNum;
    }
}

void xll_result_set_figure(LPXLOPER12 multi, int32_t r, int32_t c, int ok, double v)
{
    if (ok && isfinite(v))
        xll_result_set_num(multi, r, c, v);
    else
        xll_result_set_err(multi, r, c, xlerrNA);
}

void xll_result_set_err(LPXLOPER12 multi, int32_t r, int32_t c, int err)
{
    XLOPER12 *e = multi_at(multi, r, c);
    if (e == NULL)
        return;
    e->xltype = xltypeErr;
    e->val.err = err;
}

int xll_result_set_str(LPXLOPER12 multi, int32_t r, int32_t c, const char *utf8)
{
    XLOPER12 *e = multi_at(multi, r, c);
    if (e == NULL)
        return -1;
    XCHAR *s = pool_put(block_of(multi), utf8 != NULL ? utf8 : "");
    if (s == NULL)
        return -1;
    e->xltype = xltypeStr;
    e->val.str = s;
    return 0;
}

/* ---- Arguments --------------------------------------------------------- */

static uint32_t base_type(const XLOPER12 *x)
{
    return x->xltype & ~(uint32_t)(xlbitXLFree | xlbitDLLFree);
}

int xll_arg_number(const XLOPER12 *arg, double *out)
{
    if (arg == NULL)
        return xlerrValue;
    switch (base_type(arg)) {
    case xltypeNum:
        if (!isfinite(arg->val.num))
            return xlerrNum;
        *out = arg->val.num;
        return XLL_OK;
    case xltypeInt:
        *out = arg->val.w;
        return XLL_OK;
    case xltypeBool:
        *out = arg->val.xbool != 0;
        return XLL_OK;
    case xltypeErr:
        return arg->val.err;
    case xltypeMulti:
        if (xll_arg_scalar(arg) != arg)
            return xll_arg_number(xll_arg_scalar(arg), out);
        return xlerrValue;
    default: /* text, blank, missing, references, anything else */
        return xlerrValue;
    }
}

int xll_arg_omitted(const XLOPER12 *arg)
{
    return arg == NULL || base_type(arg) == xltypeMissing || base_type(arg) == xltypeNil;
}

const XLOPER12 *xll_arg_scalar(const XLOPER12 *arg)
{
    if (arg != NULL && base_type(arg) == xltypeMulti && arg->val.array.rows == 1 &&
        arg->val.array.columns == 1 && arg->val.array.lparray != NULL)
        return arg->val.array.lparray;
    return arg;
}

int xll_arg_number_opt(const XLOPER12 *arg, double dflt, double *out)
{
    if (xll_arg_omitted(arg)) {
        *out = dflt;
        return XLL_OK;
    }
    return xll_arg_number(arg, out);
}

/* Reads one cell under a policy: 1 = a value was produced, 0 = skipped,
 * or an xlerr code through *err. */
static int read_cell(const XLOPER12 *cell, xll_cells policy, int in_range, double *v, int *err)
{
    switch (base_type(cell)) {
    case xltypeNum:
        if (!isfinite(cell->val.num)) {
            *err = xlerrNum;
            return -1;
        }
        *v = cell->val.num;
        return 1;
    case xltypeInt:
        *v = cell->val.w;
        return 1;
    case xltypeErr:
        *err = cell->val.err;
        return -1;
    case xltypeNil:
        if (policy == XLL_CELLS_NUMBERS_ONLY)
            return 0;
        if (policy == XLL_CELLS_BLANK_ZERO) {
            *v = 0.0;
            return 1;
        }
        *err = xlerrValue;
        return -1;
    case xltypeBool:
        if (policy == XLL_CELLS_NUMBERS_ONLY && in_range)
            return 0;
        if (policy == XLL_CELLS_NUMBERS_ONLY) {
            *v = cell->val.xbool != 0;
            return 1;
        }
        *err = xlerrValue;
        return -1;
    case xltypeStr:
        if (policy == XLL_CELLS_NUMBERS_ONLY && in_range)
            return 0;
        *err = xlerrValue;
        return -1;
    default:
        *err = xlerrValue;
        return -1;
    }
}

int xll_arg_numbers(const XLOPER12 *arg, xll_cells policy, double **values, size_t *n)
{
    *values = NULL;
    *n = 0;
    if (arg == NULL)
        return xlerrValue;
    uint32_t t = base_type(arg);
    if (t == xltypeMissing)
        return xlerrValue;
    if (t != xltypeMulti) {
        double v;
        int err = XLL_OK;
        int r = read_cell(arg, policy, 0, &v, &err);
        if (r < 0)
            return err;
        if (r == 0)
            return XLL_OK;
        double *one = malloc(sizeof *one);
        if (one == NULL)
            return xlerrNum;
        one[0] = v;
        *values = one;
        *n = 1;
        return XLL_OK;
    }
    if (arg->val.array.rows < 1 || arg->val.array.columns < 1 || arg->val.array.lparray == NULL)
        return xlerrValue;
    size_t cells = (size_t)arg->val.array.rows * (size_t)arg->val.array.columns;
    double *buf = malloc(cells * sizeof *buf);
    if (buf == NULL)
        return xlerrNum;
    size_t k = 0;
    for (size_t i = 0; i < cells; i++) {
        double v;
        int err = XLL_OK;
        int r = read_cell(&arg->val.array.lparray[i], policy, 1, &v, &err);
        if (r < 0) {
            free(buf);
            return err;
        }
        if (r > 0)
            buf[k++] = v;
    }
    if (k == 0) {
        free(buf);
        return XLL_OK;
    }
    *values = buf;
    *n = k;
    return XLL_OK;
}

/* ---- Strings ----------------------------------------------------------- */

/* Decodes one UTF-8 sequence at s; returns its length in bytes (>= 1) and
 * the code point (U+FFFD for an invalid or overlong sequence). */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        v = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        v = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        v = c & 0x07;
    } else {
        *cp = 0xfffd;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *cp = 0xfffd;
            return i;
        }
        v = (v << 6) | (s[i] & 0x3f);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10ffff)) ||
        (v >= 0xd800 && v <= 0xdfff))
        v = 0xfffd;
    *cp = v;
    return len;
}

size_t xll_utf16_len(const char *utf8)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t units = 0;
    while (*s) {
        uint32_t cp;
        s += utf8_next(s, &cp);
        units += cp >= 0x10000 ? 2 : 1;
    }
    return units;
}

size_t xll_utf16_units(const char *const *utf8, size_t n)
{
    size_t units = 0;
    for (size_t i = 0; i < n; i++)
        units += xll_utf16_len(utf8[i] != NULL ? utf8[i] : "") + 1;
    return units;
}

size_t xll_utf8_to_utf16(XCHAR *dst, size_t cap, const char *utf8)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t k = 0;
    while (*s) {
        uint32_t cp;
        size_t len = utf8_next(s, &cp);
        if (cp >= 0x10000) {
            if (cap - k < 2)
                break;
            cp -= 0x10000;
            dst[k++] = (XCHAR)(0xd800 + (cp >> 10));
            dst[k++] = (XCHAR)(0xdc00 + (cp & 0x3ff));
        } else {
            if (cap - k < 1)
                break;
            dst[k++] = (XCHAR)cp;
        }
        s += len;
    }
    return k;
}

char *xll_utf16_to_utf8(const XCHAR *counted)
{
    size_t n = counted != NULL ? counted[0] : 0;
    char *out = malloc(n * 3 + 1); /* a UTF-16 unit never needs more than 3 bytes */
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 1; i <= n; i++) {
        uint32_t cp = counted[i];
        if (cp >= 0xd800 && cp <= 0xdbff && i < n && counted[i + 1] >= 0xdc00 &&
            counted[i + 1] <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (counted[i + 1] - 0xdc00u);
            i++;
        } else if (cp >= 0xd800 && cp <= 0xdfff) {
            cp = 0xfffd;
        }
        if (cp < 0x80) {
            out[k++] = (char)cp;
        } else if (cp < 0x800) {
            out[k++] = (char)(0xc0 | (cp >> 6));
            out[k++] = (char)(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out[k++] = (char)(0xe0 | (cp >> 12));
            out[k++] = (char)(0x80 | ((cp >> 6) & 0x3f));
            out[k++] = (char)(0x80 | (cp & 0x3f));
        } else { /* a surrogate pair: 2 units, 4 bytes */
            out[k++] = (char)(0xf0 | (cp >> 18));
            out[k++] = (char)(0x80 | ((cp >> 12) & 0x3f));
            out[k++] = (char)(0x80 | ((cp >> 6) & 0x3f));
            out[k++] = (char)(0x80 | (cp & 0x3f));
        }
    }
    out[k] = '\0';
    return out;
}
