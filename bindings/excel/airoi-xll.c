/*
 * bindings/excel/airoi-xll.c: the Excel add-in airoi.xll.
 *
 * Worksheet functions AIROI.* over the libairoi C API, their registration
 * table, and the XLL entry points Excel calls (xlAutoOpen, xlAutoClose,
 * xlAutoFree12, xlAddInManagerInfo12). The same source builds a 64-bit
 * Windows DLL (mingw-w64) and a Linux shared object that the test host in
 * tests/xll loads the way Excel does. See docs/excel.md.
 *
 * Rules every worksheet function follows:
 * - arguments are registered as type Q (values, never references), so a
 *   range arrives as an xltypeMulti of values, a blank as xltypeNil and an
 *   omitted argument as xltypeMissing;
 * - the result is always a fresh DLL-owned block (xlbitDLLFree) released
 *   in xlAutoFree12, never static or stack memory: the functions are
 *   registered thread-safe ($) and run concurrently in Excel's
 *   multi-threaded recalculation;
 * - errors: an argument of the wrong kind (text, missing) is #VALUE!; an
 *   error value in an argument is passed through; a number outside the
 *   domain, no solution or an overflow is #NUM!; "never" is #N/A; a ratio
 *   with a zero denominator is #DIV/0!. NaN and infinity never reach a cell.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "airoi/airoi.h"
#include "xll-glue.h"
#include "xll-registry.h"

/* ---- Registration table ------------------------------------------------ */

#define XLL_MAX_ARGS 8

typedef LPXLOPER12(XLL_CALL *xll_f0)(void);
typedef LPXLOPER12(XLL_CALL *xll_f1)(LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f2)(LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f3)(LPXLOPER12, LPXLOPER12, LPXLOPER12);

enum {
    XLL_FN_THREAD_SAFE = 1, /* "$": may run on any recalculation thread */
    XLL_FN_VOLATILE = 2     /* "!": recalculated on every recalculation */
};

/* One worksheet function. The implementation pointer sits in a union
 * member chosen by the argument count, so a C signature that disagrees
 * with nargs (and with the type string built from it) does not compile. */
typedef struct xll_function {
    const char *export_name;
    int nargs;
    union {
        xll_f0 f0;
        xll_f1 f1;
        xll_f2 f2;
        xll_f3 f3;
    } impl;
    const char *name;
    unsigned flags;
    const char *help;
    const char *arg_names[XLL_MAX_ARGS];
    const char *arg_help[XLL_MAX_ARGS];
} xll_function;

#define XLL_IMPL(n, fn) .export_name = #fn, .nargs = n, .impl.f##n = fn

#define XLL_CATEGORY "libairoi"
#define XLL_ADDIN_NAME "libairoi - AI investment decisions (AIROI.* functions)"

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_npv(LPXLOPER12 rate, LPXLOPER12 values);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xnpv(LPXLOPER12 rate, LPXLOPER12 values,
                                              LPXLOPER12 dates);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_irr(LPXLOPER12 values, LPXLOPER12 guess);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xirr(LPXLOPER12 values, LPXLOPER12 dates,
                                              LPXLOPER12 guess);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_mirr(LPXLOPER12 values, LPXLOPER12 finance_rate,
                                              LPXLOPER12 reinvest_rate);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_payback(LPXLOPER12 values);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_dpayback(LPXLOPER12 rate, LPXLOPER12 values);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_roi(LPXLOPER12 benefits, LPXLOPER12 costs);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_npvroi(LPXLOPER12 rate, LPXLOPER12 benefits,
                                                LPXLOPER12 costs);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_version(void);

XLL_EXPORT int XLL_CALL xlAutoOpen(void);
XLL_EXPORT int XLL_CALL xlAutoClose(void);
XLL_EXPORT void XLL_CALL xlAutoFree12(LPXLOPER12 x);
XLL_EXPORT LPXLOPER12 XLL_CALL xlAddInManagerInfo12(LPXLOPER12 action);

static const xll_function functions[] = {
    {XLL_IMPL(2, xll_airoi_npv), .name = "AIROI.NPV", .flags = XLL_FN_THREAD_SAFE,
     .help = "Net present value of cash flows at the end of periods 1..n, as Excel's NPV "
             "(the first value is discounted one period). Blanks, text and logical "
             "values inside the range are skipped.",
     .arg_names = {"rate", "values"},
     .arg_help = {"Discount rate per period, e.g. 0.08.",
                  "Cash flows, one per period in order: a row, a column or an array."}},
    {XLL_IMPL(3, xll_airoi_xnpv), .name = "AIROI.XNPV", .flags = XLL_FN_THREAD_SAFE,
     .help = "Net present value of dated cash flows, as Excel's XNPV: each value is "
             "discounted by (1 + rate)^((date - first date) / 365).",
     .arg_names = {"rate", "values", "dates"},
     .arg_help = {"Annual discount rate.",
                  "Cash flows, one for each date.",
                  "Excel date serials, one per value; none may precede the first date."}},
    {XLL_IMPL(2, xll_airoi_irr), .name = "AIROI.IRR", .flags = XLL_FN_THREAD_SAFE,
     .help = "Internal rate of return per period of cash flows whose first value is at "
             "period 0, as Excel's IRR. #NUM! when no rate makes the NPV zero.",
     .arg_names = {"values", "guess"},
     .arg_help = {"Cash flows with at least one positive and one negative value.",
                  "Optional starting estimate of the rate; 0.1 when omitted."}},
    {XLL_IMPL(3, xll_airoi_xirr), .name = "AIROI.XIRR", .flags = XLL_FN_THREAD_SAFE,
     .help = "Annual internal rate of return of dated cash flows (actual/365 from the "
             "first date), as Excel's XIRR. #NUM! when there is no solution.",
     .arg_names = {"values", "dates", "guess"},
     .arg_help = {"Cash flows with at least one positive and one negative value.",
                  "Excel date serials, one per value; none may precede the first date.",
                  "Optional starting estimate of the rate; 0.1 when omitted."}},
    {XLL_IMPL(3, xll_airoi_mirr), .name = "AIROI.MIRR", .flags = XLL_FN_THREAD_SAFE,
     .help = "Modified internal rate of return per period, as Excel's MIRR: negative "
             "flows are financed at finance_rate, positive flows reinvested at "
             "reinvest_rate.",
     .arg_names = {"values", "finance_rate", "reinvest_rate"},
     .arg_help = {"Cash flows of periods 0..n-1 with at least one positive and one "
                  "negative value.",
                  "Rate paid on the money invested (the negative flows), per period.",
                  "Rate earned on the positive flows when reinvested, per period."}},
    {XLL_IMPL(1, xll_airoi_payback), .name = "AIROI.PAYBACK", .flags = XLL_FN_THREAD_SAFE,
     .help = "Payback period: the fractional period at which the cumulative cash flow "
             "(first value at period 0) turns non-negative, interpolated linearly "
             "inside the period. #N/A when it never does.",
     .arg_names = {"values"},
     .arg_help = {"Net cash flows of periods 0..n-1; a blank cell is a period with no "
                  "cash flow."}},
    {XLL_IMPL(2, xll_airoi_dpayback), .name = "AIROI.DPAYBACK", .flags = XLL_FN_THREAD_SAFE,
     .help = "Discounted payback period: the payback of the values discounted by "
             "(1 + rate)^t, the first value at t = 0. #N/A when it is never reached.",
     .arg_names = {"rate", "values"},
     .arg_help = {"Discount rate per period.",
                  "Net cash flows of periods 0..n-1; a blank cell is a period with no "
                  "cash flow."}},
    {XLL_IMPL(2, xll_airoi_roi), .name = "AIROI.ROI", .flags = XLL_FN_THREAD_SAFE,
     .help = "Return on investment over the horizon, undiscounted: (sum of benefits - "
             "sum of costs) / sum of costs.",
     .arg_names = {"benefits", "costs"},
     .arg_help = {"Benefit amounts; blank cells count as 0.",
                  "Cost amounts as positive numbers; blank cells count as 0."}},
    {XLL_IMPL(3, xll_airoi_npvroi), .name = "AIROI.NPVROI", .flags = XLL_FN_THREAD_SAFE,
     .help = "NPV-based ROI: (PV of benefits - PV of costs) / PV of costs, the first "
             "value of each range at period 0 (not discounted), as in total-economic-"
             "impact studies.",
     .arg_names = {"rate", "benefits", "costs"},
     .arg_help = {"Discount rate per period.",
                  "Benefits of periods 0..n-1; blank cells count as 0.",
                  "Costs of periods 0..n-1 as positive numbers; blank cells count as 0."}},
    {XLL_IMPL(0, xll_airoi_version), .name = "AIROI.VERSION", .flags = XLL_FN_THREAD_SAFE,
     .help = "Version of libairoi inside this add-in, e.g. 0.1.0.",
     .arg_names = {NULL},
     .arg_help = {NULL}},
};

#define NFUNCTIONS (sizeof functions / sizeof functions[0])

/* Register ids returned by xlfRegister; touched only by xlAutoOpen and
 * xlAutoClose, which Excel calls on its main thread. */
static double register_ids[NFUNCTIONS];
static int registered[NFUNCTIONS];

/* ---- Results from library statuses ------------------------------------- */

/* Maps a libairoi status to the cell result. Argument kinds have been
 * checked before the call, so AIROI_ERR_INVALID means a number outside the
 * function's domain (#NUM!, as Excel reports it). */
static LPXLOPER12 result_of(int status, double value)
{
    switch (status) {
    case AIROI_OK: return xll_result_num(value);
    case AIROI_ERR_NOT_FOUND: return xll_result_err(xlerrNA);
    default: return xll_result_err(xlerrNum);
    }
}

/* A ratio (a - b) / b of totals: #DIV/0! when b is 0, #NUM! when b < 0
 * (costs are positive amounts). */
static LPXLOPER12 ratio_result(double benefits, double costs)
{
    if (costs == 0.0)
        return xll_result_err(xlerrDiv0);
    if (costs < 0.0)
        return xll_result_err(xlerrNum);
    return xll_result_num((benefits - costs) / costs);
}

/* Reads paired values and dates (XNPV, XIRR): every cell a number, the same
 * count in both (#NUM! otherwise, as Excel), dates truncated to whole
 * serials in Excel's range 0..2958465 (#VALUE! otherwise). */
static int read_dated(LPXLOPER12 a_values, LPXLOPER12 a_dates, double **values,
                      int32_t **dates, size_t *n)
{
    double *v = NULL, *d = NULL;
    size_t nv = 0, nd = 0;
    int e = xll_arg_numbers(a_values, XLL_CELLS_DENSE, &v, &nv);
    if (e == XLL_OK)
        e = xll_arg_numbers(a_dates, XLL_CELLS_DENSE, &d, &nd);
    if (e == XLL_OK && nv != nd)
        e = xlerrNum;
    int32_t *days = NULL;
    if (e == XLL_OK && nd > 0) {
        days = malloc(nd * sizeof *days);
        if (days == NULL)
            e = xlerrNum;
        for (size_t i = 0; days != NULL && i < nd; i++) {
            double t = trunc(d[i]);
            if (!(t >= 0.0 && t <= 2958465.0)) {
                e = xlerrValue;
                break;
            }
            days[i] = (int32_t)t;
        }
    }
    free(d);
    if (e != XLL_OK) {
        free(v);
        free(days);
        return e;
    }
    *values = v;
    *dates = days;
    *n = nv;
    return XLL_OK;
}

/* ---- Worksheet functions ----------------------------------------------- */

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_npv(LPXLOPER12 a_rate, LPXLOPER12 a_values)
{
    double rate, out = 0.0, *v;
    size_t n;
    int e = xll_arg_number(a_rate, &rate);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_arg_numbers(a_values, XLL_CELLS_NUMBERS_ONLY, &v, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    if (n == 0)
        return xll_result_err(xlerrValue);
    int st = airoi_npv(&out, rate, v, n);
    free(v);
    return result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xnpv(LPXLOPER12 a_rate, LPXLOPER12 a_values,
                                              LPXLOPER12 a_dates)
{
    double rate, out = 0.0, *v;
    int32_t *d;
    size_t n;
    int e = xll_arg_number(a_rate, &rate);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = read_dated(a_values, a_dates, &v, &d, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    if (n == 0)
        return xll_result_err(xlerrValue);
    int st = airoi_xnpv(&out, rate, v, d, n);
    free(v);
    free(d);
    return result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_irr(LPXLOPER12 a_values, LPXLOPER12 a_guess)
{
    double guess, out = 0.0, *v;
    size_t n;
    int e = xll_arg_numbers(a_values, XLL_CELLS_NUMBERS_ONLY, &v, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_arg_number_opt(a_guess, 0.1, &guess);
    if (e != XLL_OK) {
        free(v);
        return xll_result_err(e);
    }
    int st = n < 2 ? AIROI_ERR_NO_SOLUTION : airoi_irr(&out, v, n, guess);
    free(v);
    return result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xirr(LPXLOPER12 a_values, LPXLOPER12 a_dates,
                                              LPXLOPER12 a_guess)
{
    double guess, out = 0.0, *v;
    int32_t *d;
    size_t n;
    int e = read_dated(a_values, a_dates, &v, &d, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_arg_number_opt(a_guess, 0.1, &guess);
    if (e != XLL_OK) {
        free(v);
        free(d);
        return xll_result_err(e);
    }
    int st = n < 2 ? AIROI_ERR_NO_SOLUTION : airoi_xirr(&out, v, d, n, guess);
    free(v);
    free(d);
    return result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_mirr(LPXLOPER12 a_values, LPXLOPER12 a_finance,
                                              LPXLOPER12 a_reinvest)
{
    double fin, reinv, out = 0.0, *v;
    size_t n;
    int e = xll_arg_numbers(a_values, XLL_CELLS_NUMBERS_ONLY, &v, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_arg_number(a_finance, &fin);
    if (e == XLL_OK)
        e = xll_arg_number(a_reinvest, &reinv);
    if (e != XLL_OK) {
        free(v);
        return xll_result_err(e);
    }
    int st = n < 2 ? AIROI_ERR_INVALID : airoi_mirr(&out, v, n, fin, reinv);
    free(v);
    /* Excel's MIRR answers #DIV/0! when there is no positive or no negative flow. */
    if (st == AIROI_ERR_NO_SOLUTION)
        return xll_result_err(xlerrDiv0);
    return result_of(st, out);
}

static LPXLOPER12 payback(LPXLOPER12 a_rate, LPXLOPER12 a_values)
{
    double rate = 0.0, out = 0.0, *v;
    size_t n;
    int reached = 0, e = XLL_OK;
    if (a_rate != NULL)
        e = xll_arg_number(a_rate, &rate);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_arg_numbers(a_values, XLL_CELLS_BLANK_ZERO, &v, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    if (n == 0)
        return xll_result_err(xlerrValue);
    int st = a_rate != NULL ? airoi_discounted_payback(&out, &reached, rate, v, n)
                            : airoi_payback(&out, &reached, v, n);
    free(v);
    if (st == AIROI_OK && !reached)
        return xll_result_err(xlerrNA);
    return result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_payback(LPXLOPER12 a_values)
{
    return payback(NULL, a_values);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_dpayback(LPXLOPER12 a_rate, LPXLOPER12 a_values)
{
    return payback(a_rate, a_values);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_roi(LPXLOPER12 a_benefits, LPXLOPER12 a_costs)
{
    double *b, *c;
    size_t nb, nc;
    int e = xll_arg_numbers(a_benefits, XLL_CELLS_BLANK_ZERO, &b, &nb);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_arg_numbers(a_costs, XLL_CELLS_BLANK_ZERO, &c, &nc);
    if (e != XLL_OK) {
        free(b);
        return xll_result_err(e);
    }
    double sb = xll_sum(b, nb), sc = xll_sum(c, nc);
    free(b);
    free(c);
    return ratio_result(sb, sc);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_npvroi(LPXLOPER12 a_rate, LPXLOPER12 a_benefits,
                                                LPXLOPER12 a_costs)
{
    double rate, *b = NULL, *c = NULL, pvb = 0.0, pvc = 0.0;
    size_t nb = 0, nc = 0;
    int e = xll_arg_number(a_rate, &rate);
    if (e == XLL_OK)
        e = xll_arg_numbers(a_benefits, XLL_CELLS_BLANK_ZERO, &b, &nb);
    if (e == XLL_OK)
        e = xll_arg_numbers(a_costs, XLL_CELLS_BLANK_ZERO, &c, &nc);
    if (e == XLL_OK && (nb == 0 || nc == 0))
        e = xlerrValue;
    int st = AIROI_OK;
    if (e == XLL_OK) {
        st = airoi_npv0(&pvb, rate, b, nb);
        if (st == AIROI_OK)
            st = airoi_npv0(&pvc, rate, c, nc);
    }
    free(b);
    free(c);
    if (e != XLL_OK)
        return xll_result_err(e);
    if (st != AIROI_OK)
        return result_of(st, 0.0);
    return ratio_result(pvb, pvc);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_version(void)
{
    return xll_result_str(airoi_version_string());
}

/* ---- XLL entry points -------------------------------------------------- */

/* A temporary counted string argument for a callback; free with tmp_free. */
static int tmp_str(XLOPER12 *x, const char *utf8)
{
    size_t units = xll_utf16_len(utf8);
    if (units > 255)
        units = 255;
    XCHAR *s = malloc((units + 1) * sizeof *s);
    x->xltype = xltypeStr;
    x->val.str = s;
    if (s == NULL)
        return -1;
    s[0] = (XCHAR)xll_utf8_to_utf16(s + 1, units, utf8);
    return 0;
}

static void tmp_free(XLOPER12 *x)
{
    if (x->xltype == xltypeStr)
        free(x->val.str);
    x->xltype = xltypeNil;
}

/* Builds the type string: Q result, one Q per argument, then the flags. */
static void type_text(const xll_function *f, char *buf)
{
    size_t k = 0;
    buf[k++] = 'Q';
    for (int i = 0; i < f->nargs; i++)
        buf[k++] = 'Q';
    if (f->flags & XLL_FN_VOLATILE)
        buf[k++] = '!';
    if (f->flags & XLL_FN_THREAD_SAFE)
        buf[k++] = '$';
    buf[k] = '\0';
}

/* Registers one function with xlfRegister; returns 1 on success. */
static int register_function(const XLOPER12 *module, size_t idx)
{
    const xll_function *f = &functions[idx];
    enum { FIXED = 10 };
    XLOPER12 args[FIXED + XLL_MAX_ARGS];
    LPXLOPER12 argv[FIXED + XLL_MAX_ARGS];
    char types[XLL_MAX_ARGS + 4];
    char names[256];
    char last_help[260];
    int ok = 1;

    type_text(f, types);
    names[0] = '\0';
    for (int i = 0; i < f->nargs; i++) {
        if (i > 0)
            strncat(names, ",", sizeof names - strlen(names) - 1);
        strncat(names, f->arg_names[i], sizeof names - strlen(names) - 1);
    }
    args[0] = *module;
    ok &= tmp_str(&args[1], f->export_name) == 0;
    ok &= tmp_str(&args[2], types) == 0;
    ok &= tmp_str(&args[3], f->name) == 0;
    ok &= tmp_str(&args[4], names) == 0;
    args[5].xltype = xltypeNum;
    args[5].val.num = 1.0; /* a worksheet function */
    ok &= tmp_str(&args[6], XLL_CATEGORY) == 0;
    args[7].xltype = xltypeMissing; /* shortcut text: commands only */
    args[8].xltype = xltypeMissing; /* help topic */
    ok &= tmp_str(&args[9], f->help) == 0;
    for (int i = 0; i < f->nargs; i++) {
        const char *h = f->arg_help[i];
        if (i == f->nargs - 1) {
            /* The function wizard may cut the last argument's help by one or
             * two characters (a documented Excel issue): pad it. */
            size_t len = strlen(h);
            if (len > sizeof last_help - 3)
                len = sizeof last_help - 3;
            memcpy(last_help, h, len);
            memcpy(last_help + len, "  ", 3);
            h = last_help;
        }
        ok &= tmp_str(&args[FIXED + i], h) == 0;
    }
    int count = FIXED + f->nargs;
    for (int i = 0; i < count; i++)
        argv[i] = &args[i];

    XLOPER12 res;
    res.xltype = xltypeNil;
    if (ok && xll_excel12v(xlfRegister, &res, count, argv) == xlretSuccess &&
        res.xltype == xltypeNum) {
        register_ids[idx] = res.val.num;
        registered[idx] = 1;
    } else {
        ok = 0;
    }
    for (int i = 1; i < count; i++)
        if (i != 5 && i != 7 && i != 8)
            tmp_free(&args[i]);
    return ok;
}

XLL_EXPORT int XLL_CALL xlAutoOpen(void)
{
    if (!xll_callback_init())
        return 0;
    XLOPER12 module;
    module.xltype = xltypeNil;
    if (xll_excel12(xlGetName, &module, 0) != xlretSuccess ||
        (module.xltype & ~(uint32_t)xlbitXLFree) != xltypeStr)
        return 0;
    int all = 1;
    for (size_t i = 0; i < NFUNCTIONS; i++)
        all &= register_function(&module, i);
    xll_excel12(xlFree, NULL, 1, &module);
    return all;
}

XLL_EXPORT int XLL_CALL xlAutoClose(void)
{
    for (size_t i = 0; i < NFUNCTIONS; i++) {
        if (!registered[i])
            continue;
        XLOPER12 id, name, res;
        id.xltype = xltypeNum;
        id.val.num = register_ids[i];
        res.xltype = xltypeNil;
        xll_excel12(xlfUnregister, &res, 1, &id);
        xll_excel12(xlFree, NULL, 1, &res);
        /* Unregistering leaves the hidden name of the function behind:
         * delete it with SET.NAME without a definition. */
        if (tmp_str(&name, functions[i].name) == 0) {
            res.xltype = xltypeNil;
            xll_excel12(xlfSetName, &res, 1, &name);
            xll_excel12(xlFree, NULL, 1, &res);
        }
        tmp_free(&name);
        registered[i] = 0;
    }
    xll_registry_clear();
    return 1;
}

XLL_EXPORT void XLL_CALL xlAutoFree12(LPXLOPER12 x)
{
    xll_result_free(x);
}

/* Called by the Add-in Manager on Excel's main thread (not a worksheet
 * function). Action 1 asks for the add-in's long name. */
XLL_EXPORT LPXLOPER12 XLL_CALL xlAddInManagerInfo12(LPXLOPER12 action)
{
    double a = 0.0;
    if (xll_arg_number(action, &a) == XLL_OK && a == 1.0)
        return xll_result_str(XLL_ADDIN_NAME);
    return xll_result_err(xlerrValue);
}
