/*
 * bindings/excel/xll-finance-more.c: Excel's loan, rate-conversion and
 * depreciation functions in the add-in airoi.xll (AIROI.IPMT ... AIROI.VDB),
 * each a reading of numeric arguments with Excel's defaults, one call of the
 * library's kernel and the mapping of its status to a cell, and the
 * day-count argument of AIROI.XNPV and AIROI.XIRR (rules in airoi-xll.h).
 * Every function is thread-safe.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "airoi-xll.h"

/* A kernel over the function's numeric arguments a[0..n-1]. */
typedef int (*kernel)(double *out, const double *a);

/* Argument i is required when its default is NaN. */
#define REQ ((double)NAN)

/* Reads n numeric arguments (a logical counts as 0/1, a blank or missing
 * optional one takes its default), calls k, and maps its status: a kernel
 * failure is #NUM!, except where `div0` says the arguments divide by zero
 * (Excel's #DIV/0!). */
static LPXLOPER12 numeric(LPXLOPER12 *args, int n, const double *dflt, kernel k,
                          int (*div0)(const double *a))
{
    double a[8];
    for (int i = 0; i < n; i++) {
        int e = isnan(dflt[i]) ? xll_arg_number(args[i], &a[i])
                               : xll_arg_number_opt(args[i], dflt[i], &a[i]);
        if (e != XLL_OK)
            return xll_result_err(e);
    }
    if (div0 != NULL && div0(a))
        return xll_result_err(xlerrDiv0);
    double out = 0.0;
    if (k(&out, a) != AIROI_OK)
        return xll_result_err(xlerrNum);
    return xll_result_num(out);
}

/* Excel truncates type, start and end periods to integers where it
 * documents it; IPMT and PPMT, like PMT, take any non-zero type as 1. */
static int as_int(double x)
{
    return fabs(x) < 2147483647.0 ? (int)x : (x > 0 ? 2 : -2);
}

static int k_ipmt(double *o, const double *a)
{
    return airoi_ipmt(o, a[0], a[1], a[2], a[3], a[4], a[5] != 0.0);
}
static int k_ppmt(double *o, const double *a)
{
    return airoi_ppmt(o, a[0], a[1], a[2], a[3], a[4], a[5] != 0.0);
}
static int k_cumipmt(double *o, const double *a)
{
    return airoi_cumipmt(o, a[0], a[1], a[2], a[3], a[4], as_int(a[5]));
}
static int k_cumprinc(double *o, const double *a)
{
    return airoi_cumprinc(o, a[0], a[1], a[2], a[3], a[4], as_int(a[5]));
}
static int k_ispmt(double *o, const double *a)
{
    return airoi_ispmt(o, a[0], a[1], a[2], a[3]);
}
static int k_effect(double *o, const double *a)
{
    return airoi_effect(o, a[0], a[1]);
}
static int k_nominal(double *o, const double *a)
{
    return airoi_nominal(o, a[0], a[1]);
}
static int k_pduration(double *o, const double *a)
{
    return airoi_pduration(o, a[0], a[1], a[2]);
}
static int k_rri(double *o, const double *a)
{
    return airoi_rri(o, a[0], a[1], a[2]);
}
static int k_sln(double *o, const double *a)
{
    return airoi_sln(o, a[0], a[1], a[2]);
}
static int k_syd(double *o, const double *a)
{
    return airoi_syd(o, a[0], a[1], a[2], a[3]);
}
static int k_db(double *o, const double *a)
{
    return airoi_db(o, a[0], a[1], a[2], a[3], a[4]);
}
static int k_ddb(double *o, const double *a)
{
    return airoi_ddb(o, a[0], a[1], a[2], a[3], a[4]);
}
static int k_vdb(double *o, const double *a)
{
    return airoi_vdb(o, a[0], a[1], a[2], a[3], a[4], a[5], a[6] != 0.0);
}

/* Where Excel divides by zero: ISPMT with nper 0, SLN with life 0, SYD with
 * life (life + 1) = 0. */
static int ispmt_div0(const double *a)
{
    return a[2] == 0.0;
}
static int sln_div0(const double *a)
{
    return a[2] == 0.0;
}
static int syd_div0(const double *a)
{
    return a[2] * (a[2] + 1.0) == 0.0;
}

/* numeric() over the arguments listed, counted here so that the count
 * cannot disagree with the list. */
#define NUMERIC(dflt, k, div0, ...)                                                          \
    numeric((LPXLOPER12[]){__VA_ARGS__},                                                    \
            (int)(sizeof((LPXLOPER12[]){__VA_ARGS__}) / sizeof(LPXLOPER12)), dflt, k, div0)

static const double d_loan[6] = {REQ, REQ, REQ, REQ, 0.0, 0.0};
static const double d_cum[6] = {REQ, REQ, REQ, REQ, REQ, REQ};
static const double d_req4[4] = {REQ, REQ, REQ, REQ};
static const double d_db[5] = {REQ, REQ, REQ, REQ, 12.0};
static const double d_ddb[5] = {REQ, REQ, REQ, REQ, 2.0};
static const double d_vdb[7] = {REQ, REQ, REQ, REQ, REQ, 2.0, 0.0};

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ipmt(LPXLOPER12 rate, LPXLOPER12 per, LPXLOPER12 nper,
                                              LPXLOPER12 pv, LPXLOPER12 fv, LPXLOPER12 type)
{
    return NUMERIC(d_loan, k_ipmt, NULL, rate, per, nper, pv, fv, type);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ppmt(LPXLOPER12 rate, LPXLOPER12 per, LPXLOPER12 nper,
                                              LPXLOPER12 pv, LPXLOPER12 fv, LPXLOPER12 type)
{
    return NUMERIC(d_loan, k_ppmt, NULL, rate, per, nper, pv, fv, type);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_cumipmt(LPXLOPER12 rate, LPXLOPER12 nper,
                                                 LPXLOPER12 pv, LPXLOPER12 start,
                                                 LPXLOPER12 end, LPXLOPER12 type)
{
    return NUMERIC(d_cum, k_cumipmt, NULL, rate, nper, pv, start, end, type);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_cumprinc(LPXLOPER12 rate, LPXLOPER12 nper,
                                                  LPXLOPER12 pv, LPXLOPER12 start,
                                                  LPXLOPER12 end, LPXLOPER12 type)
{
    return NUMERIC(d_cum, k_cumprinc, NULL, rate, nper, pv, start, end, type);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ispmt(LPXLOPER12 rate, LPXLOPER12 per, LPXLOPER12 nper,
                                               LPXLOPER12 pv)
{
    return NUMERIC(d_req4, k_ispmt, ispmt_div0, rate, per, nper, pv);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_effect(LPXLOPER12 nominal_rate, LPXLOPER12 npery)
{
    return NUMERIC(d_req4, k_effect, NULL, nominal_rate, npery);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_nominal(LPXLOPER12 effect_rate, LPXLOPER12 npery)
{
    return NUMERIC(d_req4, k_nominal, NULL, effect_rate, npery);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_pduration(LPXLOPER12 rate, LPXLOPER12 pv, LPXLOPER12 fv)
{
    return NUMERIC(d_req4, k_pduration, NULL, rate, pv, fv);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_rri(LPXLOPER12 nper, LPXLOPER12 pv, LPXLOPER12 fv)
{
    return NUMERIC(d_req4, k_rri, NULL, nper, pv, fv);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_fvschedule(LPXLOPER12 a_principal, LPXLOPER12 a_schedule)
{
    double principal, *s = NULL, out = 0.0;
    size_t n = 0;
    int e = xll_arg_number(a_principal, &principal);
    if (e == XLL_OK)
        e = xll_arg_numbers(a_schedule, XLL_CELLS_BLANK_ZERO, &s, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    int st = airoi_fvschedule(&out, principal, s, n);
    free(s);
    return st == AIROI_OK ? xll_result_num(out) : xll_result_err(xlerrNum);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_sln(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life)
{
    return NUMERIC(d_req4, k_sln, sln_div0, cost, salvage, life);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_syd(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                             LPXLOPER12 per)
{
    return NUMERIC(d_req4, k_syd, syd_div0, cost, salvage, life, per);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_db(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                            LPXLOPER12 period, LPXLOPER12 month)
{
    return NUMERIC(d_db, k_db, NULL, cost, salvage, life, period, month);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ddb(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                             LPXLOPER12 period, LPXLOPER12 factor)
{
    return NUMERIC(d_ddb, k_ddb, NULL, cost, salvage, life, period, factor);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_vdb(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                             LPXLOPER12 start, LPXLOPER12 end,
                                             LPXLOPER12 factor, LPXLOPER12 no_switch)
{
    return NUMERIC(d_vdb, k_vdb, NULL, cost, salvage, life, start, end, factor, no_switch);
}

/* ---- Day counts of AIROI.XNPV and AIROI.XIRR --------------------------- */

int xll_day_count_arg(LPXLOPER12 a, airoi_day_count *out)
{
    *out = AIROI_DAY_COUNT_ACT_365F;
    const XLOPER12 *x = xll_arg_scalar(a);
    if (xll_arg_omitted(x))
        return XLL_OK;
    char *name = NULL;
    int e = xll_arg_text(x, &name);
    if (e != XLL_OK)
        return e;
    /* names are matched without regard to case, as Excel's own text arguments */
    for (char *p = name; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    e = airoi_day_count_from_name(out, name) == AIROI_OK ? XLL_OK : xlerrValue;
    free(name);
    return e;
}

int xll_serials_to_days(int32_t *dates, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int32_t d;
        if (airoi_date_from_excel(&d, (double)dates[i], AIROI_DATE_1900) != AIROI_OK)
            return xlerrValue;
        dates[i] = d;
    }
    return XLL_OK;
}
