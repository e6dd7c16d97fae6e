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
 *   multi-threaded recalculation, except AIROI.LOAD and AIROI.PROJECT,
 *   which call xlfCaller and run on Excel's main thread (see "Models and
 *   handles" below);
 * - errors: an argument of the wrong kind (text, missing) is #VALUE!; an
 *   error value in an argument is passed through; a number outside the
 *   domain, no solution or an overflow is #NUM!; "never" is #N/A; a ratio
 *   with a zero denominator, or a discount rate of exactly -1 (1 + rate is
 *   0, as Excel's NPV), is #DIV/0!. NaN and infinity never reach a cell.
 */
#if !defined(_WIN32) && !defined(_GNU_SOURCE)
#  define _GNU_SOURCE /* dladdr and Dl_info in glibc's <dlfcn.h> */
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  include <windows.h>
#  include <wchar.h>
#else
#  include <dlfcn.h>
#endif

#include "airoi/airoi.h"
#include "xll-glue.h"
#include "xll-registry.h"

/* ---- Registration table ------------------------------------------------ */

#define XLL_MAX_ARGS 8

typedef LPXLOPER12(XLL_CALL *xll_f0)(void);
typedef LPXLOPER12(XLL_CALL *xll_f1)(LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f2)(LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f3)(LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f4)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12);

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
        xll_f4 f4;
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
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_load(LPXLOPER12 path);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_project(LPXLOPER12 project, LPXLOPER12 costs,
                                                 LPXLOPER12 values, LPXLOPER12 scenarios);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_metric(LPXLOPER12 handle, LPXLOPER12 name,
                                                LPXLOPER12 scenario);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_schedule(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_tco(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_findings(LPXLOPER12 handle);

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
    {XLL_IMPL(1, xll_airoi_load), .name = "AIROI.LOAD", .flags = 0,
     .help = "Loads and evaluates a YAML model file; returns a handle such as project#3 "
             "for AIROI.METRIC, SCHEDULE, TCO and FINDINGS. #VALUE! when the file cannot "
             "be read or is not a valid model.",
     .arg_names = {"path"},
     .arg_help = {"Path of the model file (.yaml), e.g. C:\\models\\case.yaml."}},
    {XLL_IMPL(4, xll_airoi_project), .name = "AIROI.PROJECT", .flags = 0,
     .help = "Builds and evaluates a model from cell ranges (layouts in docs/excel.md); "
             "returns a handle such as project#3. A header row whose first cell is "
             "\"name\" and blank rows are skipped.",
     .arg_names = {"project", "costs", "values", "scenarios"},
     .arg_help = {"One row: name, currency, period (year|quarter|month), horizon, "
                  "discount_rate.",
                  "Rows: name, category, amount, per (once|month|quarter|year), from, to, "
                  "growth.",
                  "Rows: name, dimension, amount, per, from, to, realization, attribution.",
                  "Optional rows: name, probability, values multiplier, costs multiplier, "
                  "delay in periods."}},
    {XLL_IMPL(3, xll_airoi_metric), .name = "AIROI.METRIC", .flags = XLL_FN_THREAD_SAFE,
     .help = "A metric of a model handle by its JSON name (npv, irr, roi_basic, "
             "payback_periods, ...), for the base case or a scenario. #N/A for an unknown "
             "or stale handle or an undefined value; #NUM! when IRR has no solution.",
     .arg_names = {"handle", "name", "scenario"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT, e.g. project#3.",
                  "Metric name, e.g. npv, irr, roi_basic, npv_roi, tco_total.",
                  "Optional scenario name; the base case when omitted."}},
    {XLL_IMPL(1, xll_airoi_schedule), .name = "AIROI.SCHEDULE", .flags = XLL_FN_THREAD_SAFE,
     .help = "Cash-flow schedule of a model handle as an array that spills: a header row "
             "(period, costs, benefits, net, cumulative, discounted), then one row per "
             "period from 0.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_tco), .name = "AIROI.TCO", .flags = XLL_FN_THREAD_SAFE,
     .help = "Total cost of ownership of a model handle as an array that spills: a header "
             "row, one row per cost category, then total, direct, hidden and hidden_share.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_findings), .name = "AIROI.FINDINGS", .flags = XLL_FN_THREAD_SAFE,
     .help = "Findings of the TCO audit of a model handle as an array that spills: a header "
             "row (code, severity, message), then one row per finding; only the header when "
             "there are none.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
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
    case AIROI_ERR_NOT_FOUND:
    case AIROI_ERR_UNDEFINED: return xll_result_err(xlerrNA);
    default: return xll_result_err(xlerrNum);
    }
}

/* A discount rate of exactly -100 %: 1 + rate is 0, and Excel's NPV divides
 * by it (#DIV/0!). The library refuses every rate <= -1 (AIROI_ERR_INVALID,
 * #NUM! through result_of); Excel computes NPV below -100 % but libairoi
 * does not, so those stay #NUM!. Checked once the arguments are read, so
 * that argument errors come first. */
static int rate_divides_by_zero(double rate)
{
    return rate == -1.0;
}

/* An ROI of the library's kernel (airoi_roi(), one rule for every
 * interface): #DIV/0! where it is undefined (costs summing to 0), #NUM! on
 * overflow. */
static LPXLOPER12 roi_result(int status, double value)
{
    if (status == AIROI_ERR_UNDEFINED)
        return xll_result_err(xlerrDiv0);
    return result_of(status, value);
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
    if (rate_divides_by_zero(rate)) {
        free(v);
        return xll_result_err(xlerrDiv0);
    }
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
    if (a_rate != NULL && rate_divides_by_zero(rate)) {
        free(v);
        return xll_result_err(xlerrDiv0);
    }
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
    double out = 0.0;
    int st = airoi_roi(&out, b, nb, c, nc);
    free(b);
    free(c);
    return roi_result(st, out);
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
    if (e == XLL_OK && rate_divides_by_zero(rate))
        e = xlerrDiv0;
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
    double out = 0.0;
    st = airoi_roi(&out, &pvb, 1, &pvc, 1);
    return roi_result(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_version(void)
{
    return xll_result_str(airoi_version_string());
}

/* ---- Models and handles ------------------------------------------------
 * AIROI.LOAD and AIROI.PROJECT build a project, evaluate it once, free the
 * project and put the result into the handle registry (xll-registry.h)
 * under a versioned name "project#N" owned by the calling cell (xlfCaller):
 * the result holds every setting it was computed with, so nothing else is
 * kept. They are registered without "$": they call back into Excel
 * (xlfCaller) and read files, so Excel runs them on its main thread. The
 * readers (AIROI.METRIC, SCHEDULE, TCO, FINDINGS) only borrow the immutable
 * result under the registry's reference count and are thread-safe. */

#define XLL_KIND_PROJECT "project"

static void result_destroy(void *obj)
{
    airoi_result_free(obj);
}

/* The cell that called the running function, from xlfCaller: an xltypeRef
 * (sheet id, cell) or an xltypeSRef (a cell of the current sheet, sheet 0).
 * Returns 1 when *owner was set; 0 when the caller is not a cell (VBA, a
 * name, a host without xlfCaller): the handle is then unowned. */
static int caller_owner(xll_owner *owner)
{
    XLOPER12 c;
    memset(&c, 0, sizeof c);
    c.xltype = xltypeNil;
    if (xll_excel12(xlfCaller, &c, 0) != xlretSuccess)
        return 0;
    int ok = 0;
    switch (c.xltype & 0xfff) {
    case xltypeSRef:
        owner->sheet = 0;
        owner->row = c.val.sref.ref.rwFirst;
        owner->col = c.val.sref.ref.colFirst;
        ok = 1;
        break;
    case xltypeRef:
        if (c.val.mref.lpmref != NULL && c.val.mref.lpmref->count >= 1) {
            owner->sheet = (uint64_t)c.val.mref.idSheet;
            owner->row = c.val.mref.lpmref->reftbl[0].rwFirst;
            owner->col = c.val.mref.lpmref->reftbl[0].colFirst;
            ok = 1;
        }
        break;
    default:
        break;
    }
    xll_excel12(xlFree, NULL, 1, &c);
    return ok;
}

/* Maps a failed load, build or evaluation to the cell's error value: out of
 * memory and overflow are #NUM!, everything else (unreadable file, syntax,
 * model errors, bad cells) an invalid argument, #VALUE!. */
static int model_error(int status)
{
    return status == AIROI_ERR_NOMEM || status == AIROI_ERR_RANGE ? xlerrNum : xlerrValue;
}

/* Evaluates p (taking it over and freeing it) and stores the result for
 * the caller; the return value is the handle name or an error value. On
 * failure the caller's previous handle is released too: the cell no longer
 * shows it. */
static LPXLOPER12 store_model(airoi_project *p, int status)
{
    xll_owner owner;
    int owned = caller_owner(&owner);
    airoi_result *r = NULL;
    if (status == AIROI_OK)
        status = airoi_project_evaluate(&r, p, NULL, 0);
    airoi_project_free(p);
    if (status != AIROI_OK) {
        if (owned)
            xll_registry_drop_owner(&owner);
        return xll_result_err(model_error(status));
    }
    char name[XLL_NAME_MAX + 1];
    if (xll_registry_put(XLL_KIND_PROJECT, r, result_destroy, owned ? &owner : NULL, name,
                         sizeof name) != XLL_REG_OK)
        return xll_result_err(xlerrNum);
    return xll_result_str(name);
}

/* A text argument as a malloc'ed UTF-8 string (free()); XLL_OK or the
 * error: #VALUE! for anything but text (a 1x1 array of text counts), the
 * cell's error passed through. */
static int arg_text(const XLOPER12 *a, char **out)
{
    *out = NULL;
    if (a == NULL)
        return xlerrValue;
    if ((a->xltype & 0xfff) == xltypeMulti && a->val.array.rows == 1 &&
        a->val.array.columns == 1)
        a = a->val.array.lparray;
    switch (a->xltype & 0xfff) {
    case xltypeErr: return a->val.err;
    case xltypeStr:
        *out = xll_utf16_to_utf8(a->val.str);
        return *out != NULL ? XLL_OK : xlerrNum;
    default: return xlerrValue;
    }
}

/* The cell's UTF-16 path as UTF-8 (free()) for airoi_model_load_file(),
 * which opens it with _wfopen on Windows. AIROI_ERR_IO for a path with an
 * embedded NUL (it would name another file). */
static int path_utf8(const XCHAR *path, char **out)
{
    *out = NULL;
    for (size_t i = 1; i <= (size_t)path[0]; i++)
        if (path[i] == 0)
            return AIROI_ERR_IO;
    *out = xll_utf16_to_utf8(path);
    return *out != NULL ? AIROI_OK : AIROI_ERR_NOMEM;
}

/* A failed AIROI.LOAD or AIROI.PROJECT: the cell shows err and no longer
 * holds its previous handle, which is released. */
static LPXLOPER12 fail_for_caller(int err)
{
    xll_owner owner;
    if (caller_owner(&owner))
        xll_registry_drop_owner(&owner);
    return xll_result_err(err);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_load(LPXLOPER12 a_path)
{
    const XLOPER12 *a = a_path;
    if (a != NULL && (a->xltype & 0xfff) == xltypeMulti && a->val.array.rows == 1 &&
        a->val.array.columns == 1)
        a = a->val.array.lparray;
    if (a == NULL || (a->xltype & 0xfff) != xltypeStr)
        return fail_for_caller(a != NULL && (a->xltype & 0xfff) == xltypeErr ? a->val.err
                                                                               : xlerrValue);
    char *path = NULL;
    airoi_project *p = NULL;
    int st = path_utf8(a->val.str, &path);
    if (st == AIROI_OK)
        st = airoi_model_load_file(&p, NULL, path, 0);
    free(path);
    return store_model(p, st);
}

/* ---- Tables of AIROI.PROJECT ------------------------------------------- */

/* A table argument: rows x cols cells (a single value is a 1x1 table). */
typedef struct xll_table {
    const XLOPER12 *cells;
    int32_t rows, cols;
} xll_table;

static int table_of(const XLOPER12 *a, xll_table *t)
{
    if (a == NULL || (a->xltype & 0xfff) == xltypeMissing)
        return xlerrValue;
    if ((a->xltype & 0xfff) == xltypeMulti) {
        t->cells = a->val.array.lparray;
        t->rows = a->val.array.rows;
        t->cols = a->val.array.columns;
    } else {
        t->cells = a;
        t->rows = 1;
        t->cols = 1;
    }
    return XLL_OK;
}

/* Cell (r, c), or NULL past the right edge (a blank). */
static const XLOPER12 *cell(const xll_table *t, int32_t r, int32_t c)
{
    if (c >= t->cols)
        return NULL;
    const XLOPER12 *x = &t->cells[(size_t)r * (size_t)t->cols + (size_t)c];
    return (x->xltype & 0xfff) == xltypeNil ? NULL : x;
}

static int row_blank(const xll_table *t, int32_t r)
{
    for (int32_t c = 0; c < t->cols; c++) {
        const XLOPER12 *x = cell(t, r, c);
        if (x == NULL)
            continue;
        if ((x->xltype & 0xfff) == xltypeStr && x->val.str[0] == 0)
            continue; /* ="" counts as blank */
        return 0;
    }
    return 1;
}

/* A header row: its first cell is the text "name" (any case). */
static int row_header(const xll_table *t, int32_t r)
{
    const XLOPER12 *x = cell(t, r, 0);
    static const char want[] = "name";
    if (x == NULL || (x->xltype & 0xfff) != xltypeStr || x->val.str[0] != 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        XCHAR ch = x->val.str[i + 1];
        if (ch >= 'A' && ch <= 'Z')
            ch = (XCHAR)(ch - 'A' + 'a');
        if (ch != (XCHAR)want[i])
            return 0;
    }
    return 1;
}

/* Cell text (malloc'ed UTF-8, NULL for a blank cell); XLL_OK or the error. */
static int cell_text(const xll_table *t, int32_t r, int32_t c, char **out)
{
    const XLOPER12 *x = cell(t, r, c);
    *out = NULL;
    if (x == NULL)
        return XLL_OK;
    if ((x->xltype & 0xfff) == xltypeStr && x->val.str[0] == 0)
        return XLL_OK;
    return arg_text(x, out);
}

/* Cell number; *set is 0 for a blank cell. */
static int cell_number(const xll_table *t, int32_t r, int32_t c, double *out, int *set)
{
    const XLOPER12 *x = cell(t, r, c);
    *set = 0;
    if (x == NULL || ((x->xltype & 0xfff) == xltypeStr && x->val.str[0] == 0))
        return XLL_OK;
    int e = xll_arg_number(x, out);
    if (e == XLL_OK)
        *set = 1;
    return e;
}

/* An error from the cells (xlerr*) or a library status, carried together. */
typedef struct xll_fail {
    int xlerr;  /* XLL_OK or the cell's error value */
    int status; /* AIROI_OK or the library status */
} xll_fail;

static int failed(const xll_fail *f)
{
    return f->xlerr != XLL_OK || f->status != AIROI_OK;
}

/* Number at (r, c) into set(handle, param) when the cell is not blank. */
#define SET_NUM(f, t, r, c, setter, obj, param)                                  \
    do {                                                                           \
        double v_;                                                                 \
        int set_;                                                                  \
        if (!failed(f)) {                                                          \
            (f)->xlerr = cell_number(t, r, c, &v_, &set_);                         \
            if ((f)->xlerr == XLL_OK && set_)                                      \
                (f)->status = setter(obj, param, v_);                              \
        }                                                                          \
    } while (0)

/* Per (frequency) at (r, c): blank = the project's period. *once is set
 * when it is "once". */
static void read_per(xll_fail *f, const xll_table *t, int32_t r, int32_t c, int *per, int *once)
{
    char *s = NULL;
    *once = 0;
    *per = -1;
    if (failed(f))
        return;
    f->xlerr = cell_text(t, r, c, &s);
    if (f->xlerr == XLL_OK && s != NULL) {
        f->status = airoi_per_from_name(per, s);
        *once = f->status == AIROI_OK && *per == AIROI_PER_ONCE;
    }
    free(s);
}

/* Project row: name, currency, period, horizon, discount_rate. */
static airoi_project *read_project_row(xll_fail *f, const xll_table *t)
{
    int32_t r = 0;
    while (r < t->rows && (row_blank(t, r) || row_header(t, r)))
        r++;
    if (r == t->rows) {
        f->xlerr = xlerrValue;
        return NULL;
    }
    char *name = NULL, *currency = NULL, *period = NULL;
    airoi_project *p = NULL;
    f->xlerr = cell_text(t, r, 0, &name);
    if (f->xlerr == XLL_OK && name == NULL)
        f->xlerr = xlerrValue;
    if (f->xlerr == XLL_OK)
        f->xlerr = cell_text(t, r, 1, &currency);
    if (f->xlerr == XLL_OK)
        f->xlerr = cell_text(t, r, 2, &period);
    if (f->xlerr == XLL_OK)
        f->status = airoi_project_new(&p, name);
    if (!failed(f) && currency != NULL)
        f->status = airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, currency);
    if (!failed(f) && period != NULL) {
        int per = 0;
        f->status = airoi_period_from_name(&per, period);
        if (f->status == AIROI_OK)
            f->status = airoi_project_set_number(p, AIROI_PROJECT_PERIOD, per);
    }
    SET_NUM(f, t, r, 3, airoi_project_set_number, p, AIROI_PROJECT_HORIZON);
    SET_NUM(f, t, r, 4, airoi_project_set_number, p, AIROI_PROJECT_DISCOUNT_RATE);
    free(name);
    free(currency);
    free(period);
    for (r++; !failed(f) && r < t->rows; r++)
        if (!row_blank(t, r)) /* one project per call */
            f->xlerr = xlerrValue;
    return p;
}

/* Items of one kind. Costs: name, category, amount, per, from, to, growth.
 * Values: name, dimension, amount, per, from, to, realization, attribution. */
static void read_items(xll_fail *f, airoi_project *p, const xll_table *t, int kind)
{
    int is_cost = kind == AIROI_ITEM_KIND_COST;
    for (int32_t r = 0; !failed(f) && r < t->rows; r++) {
        if (row_blank(t, r) || row_header(t, r))
            continue;
        char *name = NULL, *cls = NULL;
        int klass = 0, per, once;
        airoi_item *item = NULL;
        f->xlerr = cell_text(t, r, 0, &name);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_text(t, r, 1, &cls);
        if (f->xlerr == XLL_OK && (name == NULL || cls == NULL))
            f->xlerr = xlerrValue;
        if (!failed(f))
            f->status = is_cost ? airoi_category_from_name(&klass, cls)
                                : airoi_dimension_from_name(&klass, cls);
        if (!failed(f))
            f->status = is_cost ? airoi_project_add_cost(&item, p, name, klass)
                                : airoi_project_add_value(&item, p, name, klass);
        free(name);
        free(cls);
        SET_NUM(f, t, r, 2, airoi_item_set_number, item, AIROI_ITEM_AMOUNT);
        read_per(f, t, r, 3, &per, &once);
        if (!failed(f) && per >= 0)
            f->status = airoi_item_set_number(item, AIROI_ITEM_PER, per);
        SET_NUM(f, t, r, 4, airoi_item_set_number, item, once ? AIROI_ITEM_AT : AIROI_ITEM_FROM);
        if (!once)
            SET_NUM(f, t, r, 5, airoi_item_set_number, item, AIROI_ITEM_TO);
        if (is_cost) {
            SET_NUM(f, t, r, 6, airoi_item_set_number, item, AIROI_ITEM_GROWTH);
        } else {
            SET_NUM(f, t, r, 6, airoi_item_set_number, item, AIROI_ITEM_REALIZATION);
            SET_NUM(f, t, r, 7, airoi_item_set_number, item, AIROI_ITEM_ATTRIBUTION);
        }
    }
}

/* Scenarios: name, probability, values multiplier, costs multiplier, delay. */
static void read_scenarios(xll_fail *f, airoi_project *p, const xll_table *t)
{
    for (int32_t r = 0; !failed(f) && r < t->rows; r++) {
        if (row_blank(t, r) || row_header(t, r))
            continue;
        char *name = NULL;
        double prob = 0.0, mv = 1.0, mc = 1.0;
        int set_p = 0, set_v = 0, set_c = 0;
        airoi_scenario *s = NULL;
        f->xlerr = cell_text(t, r, 0, &name);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_number(t, r, 1, &prob, &set_p);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_number(t, r, 2, &mv, &set_v);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_number(t, r, 3, &mc, &set_c);
        if (f->xlerr == XLL_OK && (name == NULL || !set_p))
            f->xlerr = xlerrValue;
        if (!failed(f))
            f->status = airoi_project_add_scenario(&s, p, name, prob);
        free(name);
        if (!failed(f) && set_v)
            f->status = airoi_scenario_add_multiplier(s, "values", mv);
        if (!failed(f) && set_c)
            f->status = airoi_scenario_add_multiplier(s, "costs", mc);
        SET_NUM(f, t, r, 4, airoi_scenario_set_number, s, AIROI_SCENARIO_DELAY);
    }
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_project(LPXLOPER12 a_project, LPXLOPER12 a_costs,
                                                 LPXLOPER12 a_values, LPXLOPER12 a_scenarios)
{
    xll_table tp, tc, tv, ts = {NULL, 0, 0};
    xll_fail f = {XLL_OK, AIROI_OK};
    int has_scenarios = a_scenarios != NULL && (a_scenarios->xltype & 0xfff) != xltypeMissing &&
                        (a_scenarios->xltype & 0xfff) != xltypeNil;
    f.xlerr = table_of(a_project, &tp);
    if (f.xlerr == XLL_OK)
        f.xlerr = table_of(a_costs, &tc);
    if (f.xlerr == XLL_OK)
        f.xlerr = table_of(a_values, &tv);
    if (f.xlerr == XLL_OK && has_scenarios)
        f.xlerr = table_of(a_scenarios, &ts);
    airoi_project *p = NULL;
    if (f.xlerr == XLL_OK)
        p = read_project_row(&f, &tp);
    if (!failed(&f))
        read_items(&f, p, &tc, AIROI_ITEM_KIND_COST);
    if (!failed(&f))
        read_items(&f, p, &tv, AIROI_ITEM_KIND_VALUE);
    if (!failed(&f) && has_scenarios)
        read_scenarios(&f, p, &ts);
    if (f.xlerr != XLL_OK) {
        /* A cell's error value passes through; the caller's old handle goes. */
        airoi_project_free(p);
        return fail_for_caller(f.xlerr);
    }
    return store_model(p, f.status);
}

/* ---- Readers of a handle ----------------------------------------------- */

/* Borrows the result named by a handle argument: XLL_OK, #VALUE! for an
 * argument that is not text or not a handle name, #N/A for a handle that
 * does not exist (any more): released, replaced by a recalculation, or
 * from an earlier session. */
static int borrow(LPXLOPER12 a_handle, const airoi_result **r, xll_entry **entry)
{
    char *name = NULL;
    int e = arg_text(a_handle, &name);
    if (e != XLL_OK)
        return e;
    void *obj = NULL;
    int st = xll_registry_acquire(name, XLL_KIND_PROJECT, &obj, entry);
    free(name);
    if (st == XLL_REG_NOT_FOUND)
        return xlerrNA;
    if (st != XLL_REG_OK)
        return st == XLL_REG_NOMEM ? xlerrNum : xlerrValue;
    *r = obj;
    return XLL_OK;
}

/* Metric status to a cell: no solution (IRR, MIRR) #NUM! as AIROI.IRR;
 * not defined (payback never reached, a ratio over zero costs) #N/A. */
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_metric(LPXLOPER12 a_handle, LPXLOPER12 a_name,
                                                LPXLOPER12 a_scenario)
{
    char *mname = NULL, *sname = NULL;
    int metric = 0;
    int e = arg_text(a_name, &mname);
    if (e == XLL_OK && airoi_metric_from_name(&metric, mname) != AIROI_OK)
        e = xlerrValue;
    free(mname);
    if (e == XLL_OK && a_scenario != NULL && (a_scenario->xltype & 0xfff) != xltypeMissing &&
        (a_scenario->xltype & 0xfff) != xltypeNil)
        e = arg_text(a_scenario, &sname);
    if (e != XLL_OK) {
        free(sname);
        return xll_result_err(e);
    }
    const airoi_result *r = NULL;
    xll_entry *entry = NULL;
    e = borrow(a_handle, &r, &entry);
    if (e == XLL_OK && sname != NULL) {
        const airoi_result *sub = NULL;
        size_t n = airoi_result_count_scenarios(r);
        for (size_t i = 0; i < n && sub == NULL; i++) {
            const airoi_result *s = airoi_result_get_scenario(r, i);
            const char *nm = airoi_result_get_scenario_name(s);
            if (nm != NULL && strcmp(nm, sname) == 0)
                sub = s;
        }
        if (sub == NULL)
            e = xlerrNA;
        r = sub;
    }
    free(sname);
    double v = 0.0;
    int st = AIROI_OK;
    if (e == XLL_OK)
        st = airoi_result_get_metric(&v, r, metric);
    xll_registry_release(entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    switch (st) {
    case AIROI_OK: return xll_result_num(v);
    case AIROI_ERR_UNDEFINED: return xll_result_err(xlerrNA); /* no such figure */
    default: return xll_result_err(xlerrNum);
    }
}

static const char *const schedule_header[] = {"period", "costs", "benefits", "net",
                                              "cumulative", "discounted"};
static const int schedule_columns[] = {AIROI_SCHEDULE_COSTS, AIROI_SCHEDULE_BENEFITS,
                                       AIROI_SCHEDULE_NET, AIROI_SCHEDULE_CUMULATIVE,
                                       AIROI_SCHEDULE_DISCOUNTED};

/* UTF-16 units of the header strings plus their counts. */
static size_t header_units(const char *const *h, int n)
{
    size_t u = 0;
    for (int i = 0; i < n; i++)
        u += xll_utf16_len(h[i]) + 1;
    return u;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_schedule(LPXLOPER12 a_handle)
{
    const airoi_result *r = NULL;
    xll_entry *entry = NULL;
    int e = borrow(a_handle, &r, &entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    const airoi_schedule *s = airoi_result_get_schedule(r);
    size_t n = airoi_schedule_count_periods(s);
    LPXLOPER12 out = NULL;
    double *col = NULL;
    if (n == 0 || n >= (size_t)XL_MAX_ROWS)
        out = xll_result_err(xlerrNum);
    else if ((col = malloc(n * sizeof *col)) != NULL)
        out = xll_result_multi((int32_t)n + 1, 6, header_units(schedule_header, 6));
    if (col != NULL && out != NULL && (out->xltype & 0xfff) == xltypeMulti) {
        for (int c = 0; c < 6; c++)
            xll_result_set_str(out, 0, c, schedule_header[c]);
        for (size_t t = 0; t < n; t++)
            xll_result_set_num(out, (int32_t)t + 1, 0, (double)t);
        for (int c = 0; c < 5; c++) {
            size_t len = 0;
            int st = airoi_schedule_get_column(col, n, &len, s, schedule_columns[c]);
            for (size_t t = 0; t < n; t++) {
                if (st == AIROI_OK && t < len)
                    xll_result_set_num(out, (int32_t)t + 1, c + 1, col[t]);
                else
                    xll_result_set_err(out, (int32_t)t + 1, c + 1, xlerrNA);
            }
        }
    }
    free(col);
    xll_registry_release(entry);
    return out;
}

static const char *const tco_totals[] = {"total", "direct", "hidden", "hidden_share"};
static const int tco_metrics[] = {AIROI_METRIC_TCO_TOTAL, AIROI_METRIC_TCO_DIRECT,
                                  AIROI_METRIC_TCO_HIDDEN, AIROI_METRIC_TCO_HIDDEN_SHARE};

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_tco(LPXLOPER12 a_handle)
{
    const airoi_result *r = NULL;
    xll_entry *entry = NULL;
    int e = borrow(a_handle, &r, &entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    static const char *const header[] = {"category", "amount"};
    int ncat = 0;
    size_t units = header_units(header, 2) + header_units(tco_totals, 4);
    while (airoi_category_name(ncat) != NULL) {
        units += xll_utf16_len(airoi_category_name(ncat)) + 1;
        ncat++;
    }
    LPXLOPER12 out = xll_result_multi(1 + ncat + 4, 2, units);
    if (out != NULL && (out->xltype & 0xfff) == xltypeMulti) {
        xll_result_set_str(out, 0, 0, header[0]);
        xll_result_set_str(out, 0, 1, header[1]);
        for (int c = 0; c < ncat; c++) {
            double v = 0.0;
            xll_result_set_str(out, 1 + c, 0, airoi_category_name(c));
            if (airoi_result_get_tco_category(&v, r, c) == AIROI_OK)
                xll_result_set_num(out, 1 + c, 1, v);
            else
                xll_result_set_err(out, 1 + c, 1, xlerrNA);
        }
        for (int k = 0; k < 4; k++) {
            double v = 0.0;
            xll_result_set_str(out, 1 + ncat + k, 0, tco_totals[k]);
            if (airoi_result_get_metric(&v, r, tco_metrics[k]) == AIROI_OK)
                xll_result_set_num(out, 1 + ncat + k, 1, v);
            else
                xll_result_set_err(out, 1 + ncat + k, 1, xlerrNA);
        }
    }
    xll_registry_release(entry);
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_findings(LPXLOPER12 a_handle)
{
    const airoi_result *r = NULL;
    xll_entry *entry = NULL;
    int e = borrow(a_handle, &r, &entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    static const char *const header[] = {"code", "severity", "message"};
    size_t n = airoi_result_count_findings(r);
    size_t units = header_units(header, 3);
    for (size_t i = 0; i < n; i++) {
        const char *sev = airoi_severity_name(airoi_result_get_finding_severity(r, i));
        units += xll_utf16_len(airoi_result_get_finding_code(r, i) ? airoi_result_get_finding_code(r, i) : "") + 1;
        units += xll_utf16_len(sev != NULL ? sev : "") + 1;
        units += xll_utf16_len(airoi_result_get_finding_message(r, i) ? airoi_result_get_finding_message(r, i) : "") + 1;
    }
    LPXLOPER12 out = n + 1 <= (size_t)XL_MAX_ROWS ? xll_result_multi((int32_t)n + 1, 3, units)
                                                   : xll_result_err(xlerrNum);
    if (out != NULL && (out->xltype & 0xfff) == xltypeMulti) {
        for (int c = 0; c < 3; c++)
            xll_result_set_str(out, 0, c, header[c]);
        for (size_t i = 0; i < n; i++) {
            const char *sev = airoi_severity_name(airoi_result_get_finding_severity(r, i));
            xll_result_set_str(out, (int32_t)i + 1, 0, airoi_result_get_finding_code(r, i));
            xll_result_set_str(out, (int32_t)i + 1, 1, sev);
            xll_result_set_str(out, (int32_t)i + 1, 2, airoi_result_get_finding_message(r, i));
        }
    }
    xll_registry_release(entry);
    return out;
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

/* Releases what a callback result may hold of Excel's memory (strings,
 * arrays, references) with xlFree; numbers, booleans, errors and Nil hold
 * none and need no callback, which a minimal host may not answer. */
static void release_excel_result(XLOPER12 *x)
{
    uint32_t t = x->xltype & 0xfff;
    if (t == xltypeStr || t == xltypeMulti || t == xltypeRef)
        xll_excel12(xlFree, NULL, 1, x);
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
    /* Excel answers with the register id, a number; a host may also answer
     * with an integer. Anything else (an error value, a failed call) means
     * this function is not registered: the others still are. */
    if (ok && xll_excel12v(xlfRegister, &res, count, argv) == xlretSuccess) {
        uint32_t t = res.xltype & 0xfff;
        if (t == xltypeNum || t == xltypeInt) {
            register_ids[idx] = t == xltypeNum ? res.val.num : (double)res.val.w;
            registered[idx] = 1;
        } else {
            ok = 0;
        }
        release_excel_result(&res);
    } else {
        ok = 0;
    }
    for (int i = 1; i < count; i++)
        if (i != 5 && i != 7 && i != 8)
            tmp_free(&args[i]);
    return ok;
}

/* The add-in's own file name as a counted string in a malloc'ed block (free
 * x->val.str with free()), for hosts that do not answer xlGetName: the
 * module containing xlAutoOpen, by GetModuleHandleExW + GetModuleFileNameW
 * on Windows, dladdr elsewhere. Returns 0, or -1 when it is not known. */
static int own_module_name(XLOPER12 *x)
{
    int (XLL_CALL *self)(void) = xlAutoOpen;
    void *addr;
    memcpy(&addr, &self, sizeof addr); /* a code address inside this module */
    x->xltype = xltypeNil;
#if defined(_WIN32)
    HMODULE h = NULL;
    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            (LPCWSTR)addr, &h))
        return -1;
    wchar_t *w = malloc((XL_MAX_STR + 1) * sizeof *w);
    XCHAR *s = malloc((XL_MAX_STR + 1) * sizeof *s);
    DWORD len = w != NULL && s != NULL ? GetModuleFileNameW(h, w, XL_MAX_STR + 1) : 0;
    /* len == XL_MAX_STR + 1 means truncated: no usable name. */
    if (len == 0 || len > XL_MAX_STR) {
        free(w);
        free(s);
        return -1;
    }
    s[0] = (XCHAR)len;
    for (DWORD i = 0; i < len; i++)
        s[i + 1] = (XCHAR)w[i];
    free(w);
#else
    Dl_info info;
    if (dladdr(addr, &info) == 0 || info.dli_fname == NULL || info.dli_fname[0] == '\0')
        return -1;
    size_t units = xll_utf16_len(info.dli_fname);
    if (units > XL_MAX_STR)
        return -1;
    XCHAR *s = malloc((units + 1) * sizeof *s);
    if (s == NULL)
        return -1;
    s[0] = (XCHAR)xll_utf8_to_utf16(s + 1, units, info.dli_fname);
#endif
    x->xltype = xltypeStr;
    x->val.str = s;
    return 0;
}

/* Registers every function. Only xlfRegister is needed from the host: the
 * module name comes from xlGetName when the host answers it, else from the
 * module itself. A function the host refuses is left out and the others
 * are still registered; xlAutoOpen returns 1 whenever the host could be
 * called at all (Excel ignores the value; 0 only when MdCallBack12 is
 * missing, so that nothing can be registered). */
XLL_EXPORT int XLL_CALL xlAutoOpen(void)
{
    if (!xll_callback_init())
        return 0;
    XLOPER12 module;
    module.xltype = xltypeNil;
    int from_excel = xll_excel12(xlGetName, &module, 0) == xlretSuccess;
    if (from_excel && (module.xltype & 0xfff) != xltypeStr) {
        release_excel_result(&module);
        from_excel = 0;
    }
    if (!from_excel && own_module_name(&module) != 0) {
        /* No name at all: Excel would refuse the registrations anyway. */
        return 1;
    }
    for (size_t i = 0; i < NFUNCTIONS; i++)
        (void)register_function(&module, i);
    if (from_excel) {
        release_excel_result(&module);
    } else {
        free(module.val.str);
    }
    return 1;
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
        if (xll_excel12(xlfUnregister, &res, 1, &id) == xlretSuccess)
            release_excel_result(&res);
        /* Unregistering leaves the hidden name of the function behind:
         * delete it with SET.NAME without a definition. */
        if (tmp_str(&name, functions[i].name) == 0) {
            res.xltype = xltypeNil;
            if (xll_excel12(xlfSetName, &res, 1, &name) == xlretSuccess)
                release_excel_result(&res);
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
