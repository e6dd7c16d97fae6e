/*
 * bindings/excel/xll-finance.c: the finance worksheet functions of the
 * add-in airoi.xll: AIROI.NPV, XNPV, IRR, XIRR, MIRR, PAYBACK, DPAYBACK,
 * ROI, NPVROI and VERSION, each a reading of its arguments, one call of the
 * library's kernel and the mapping of its status to a cell (rules in
 * airoi-xll.h). Every function is thread-safe.
 */
#include <stdlib.h>

#include "airoi-xll.h"

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
 * by it (#DIV/0!); the library refuses it (AIROI_ERR_INVALID). Below -100 %
 * the powers are whole and both Excel and the library compute NPV. Checked
 * once the arguments are read, so that argument errors come first. */
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

/* ---- Arguments ---------------------------------------------------------- */

/* A discount rate (none when a_rate is NULL: 0) and a range of flows read
 * under policy, errors in that order; no flow at all is #VALUE!, and a rate
 * of exactly -1 #DIV/0! once both are read (rate_divides_by_zero). XLL_OK
 * or the error value; *v is malloc'ed (free() it either way) or NULL. */
static int rate_and_flows(LPXLOPER12 a_rate, LPXLOPER12 a_values, xll_cells policy, double *rate,
                          double **v, size_t *n)
{
    *rate = 0.0;
    *v = NULL;
    *n = 0;
    int e = a_rate != NULL ? xll_arg_number(a_rate, rate) : XLL_OK;
    if (e == XLL_OK)
        e = xll_arg_numbers(a_values, policy, v, n);
    if (e == XLL_OK && *n == 0)
        e = xlerrValue;
    if (e == XLL_OK && rate_divides_by_zero(*rate))
        e = xlerrDiv0;
    return e;
}

/* Reads the day-count argument and, for a convention other than Excel's,
 * turns the serials d into day numbers. */
static int dated_day_count(LPXLOPER12 a_day_count, airoi_day_count *dc, int32_t *d, size_t n)
{
    int e = xll_day_count_arg(a_day_count, dc);
    if (e == XLL_OK && *dc != AIROI_DAY_COUNT_ACT_365F)
        e = xll_serials_to_days(d, n);
    return e;
}

/* ---- Worksheet functions ----------------------------------------------- */

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_npv(LPXLOPER12 a_rate, LPXLOPER12 a_values)
{
    double rate, out = 0.0, *v;
    size_t n;
    int e = rate_and_flows(a_rate, a_values, XLL_CELLS_NUMBERS_ONLY, &rate, &v, &n);
    int st = e == XLL_OK ? airoi_npv(&out, rate, v, n) : AIROI_OK;
    free(v);
    return e != XLL_OK ? xll_result_err(e) : result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xnpv(LPXLOPER12 a_rate, LPXLOPER12 a_values,
                                              LPXLOPER12 a_dates, LPXLOPER12 a_day_count)
{
    double rate = 0.0, out = 0.0, *v = NULL;
    int32_t *d = NULL;
    size_t n = 0;
    airoi_day_count dc = AIROI_DAY_COUNT_ACT_365F;
    int e = xll_arg_number(a_rate, &rate);
    if (e == XLL_OK)
        e = xll_read_dated(a_values, a_dates, &v, &d, &n);
    if (e == XLL_OK && n == 0)
        e = xlerrValue;
    if (e == XLL_OK)
        e = dated_day_count(a_day_count, &dc, d, n);
    int st = e == XLL_OK ? airoi_xnpv_day_count(&out, rate, v, d, n, dc) : AIROI_OK;
    free(v);
    free(d);
    return e != XLL_OK ? xll_result_err(e) : result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_irr(LPXLOPER12 a_values, LPXLOPER12 a_guess)
{
    double guess = 0.1, out = 0.0, *v = NULL;
    size_t n = 0;
    int e = xll_arg_numbers(a_values, XLL_CELLS_NUMBERS_ONLY, &v, &n);
    if (e == XLL_OK)
        e = xll_arg_number_opt(a_guess, 0.1, &guess);
    int st = e != XLL_OK ? AIROI_OK : n < 2 ? AIROI_ERR_NO_SOLUTION : airoi_irr(&out, v, n, guess);
    free(v);
    return e != XLL_OK ? xll_result_err(e) : result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xirr(LPXLOPER12 a_values, LPXLOPER12 a_dates,
                                              LPXLOPER12 a_guess, LPXLOPER12 a_day_count)
{
    double guess = 0.1, out = 0.0, *v = NULL;
    int32_t *d = NULL;
    size_t n = 0;
    airoi_day_count dc = AIROI_DAY_COUNT_ACT_365F;
    int e = xll_read_dated(a_values, a_dates, &v, &d, &n);
    if (e == XLL_OK)
        e = xll_arg_number_opt(a_guess, 0.1, &guess);
    if (e == XLL_OK)
        e = dated_day_count(a_day_count, &dc, d, n);
    int st = e != XLL_OK ? AIROI_OK
             : n < 2     ? AIROI_ERR_NO_SOLUTION
                         : airoi_xirr_day_count(&out, v, d, n, guess, dc);
    free(v);
    free(d);
    return e != XLL_OK ? xll_result_err(e) : result_of(st, out);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_mirr(LPXLOPER12 a_values, LPXLOPER12 a_finance,
                                              LPXLOPER12 a_reinvest)
{
    double fin = 0.0, reinv = 0.0, out = 0.0, *v = NULL;
    size_t n = 0;
    int e = xll_arg_numbers(a_values, XLL_CELLS_NUMBERS_ONLY, &v, &n);
    if (e == XLL_OK)
        e = xll_arg_number(a_finance, &fin);
    if (e == XLL_OK)
        e = xll_arg_number(a_reinvest, &reinv);
    int st = e != XLL_OK ? AIROI_OK : n < 2 ? AIROI_ERR_INVALID : airoi_mirr(&out, v, n, fin, reinv);
    free(v);
    if (e != XLL_OK)
        return xll_result_err(e);
    /* Excel's MIRR answers #DIV/0! when there is no negative flow (and -1,
     * which the library returns too, when there is no positive one). */
    if (st == AIROI_ERR_NO_SOLUTION)
        return xll_result_err(xlerrDiv0);
    return result_of(st, out);
}

static LPXLOPER12 payback(LPXLOPER12 a_rate, LPXLOPER12 a_values)
{
    double rate, out = 0.0, *v;
    size_t n;
    int reached = 0;
    int e = rate_and_flows(a_rate, a_values, XLL_CELLS_BLANK_ZERO, &rate, &v, &n);
    int st = e != XLL_OK       ? AIROI_OK
             : a_rate != NULL ? airoi_discounted_payback(&out, &reached, rate, v, n)
                              : airoi_payback(&out, &reached, v, n);
    free(v);
    if (e != XLL_OK)
        return xll_result_err(e);
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
    double *b = NULL, *c = NULL, out = 0.0;
    size_t nb = 0, nc = 0;
    int e = xll_arg_numbers(a_benefits, XLL_CELLS_BLANK_ZERO, &b, &nb);
    if (e == XLL_OK)
        e = xll_arg_numbers(a_costs, XLL_CELLS_BLANK_ZERO, &c, &nc);
    int st = e == XLL_OK ? airoi_roi(&out, b, nb, c, nc) : AIROI_OK;
    free(b);
    free(c);
    return e != XLL_OK ? xll_result_err(e) : roi_result(st, out);
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
