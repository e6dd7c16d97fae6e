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

/* Reads the day-count argument and, for a convention other than Excel's,
 * turns the serials into day numbers; frees v and d on failure. */
static int dated_day_count(LPXLOPER12 a_day_count, airoi_day_count *dc, double *v, int32_t *d,
                           size_t n)
{
    int e = xll_day_count_arg(a_day_count, dc);
    if (e == XLL_OK && *dc != AIROI_DAY_COUNT_ACT_365F)
        e = xll_serials_to_days(d, n);
    if (e != XLL_OK) {
        free(v);
        free(d);
    }
    return e;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xnpv(LPXLOPER12 a_rate, LPXLOPER12 a_values,
                                              LPXLOPER12 a_dates, LPXLOPER12 a_day_count)
{
    double rate, out = 0.0, *v;
    int32_t *d;
    size_t n;
    airoi_day_count dc;
    int e = xll_arg_number(a_rate, &rate);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_read_dated(a_values, a_dates, &v, &d, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    if (n == 0)
        return xll_result_err(xlerrValue);
    e = dated_day_count(a_day_count, &dc, v, d, n);
    if (e != XLL_OK)
        return xll_result_err(e);
    int st = airoi_xnpv_day_count(&out, rate, v, d, n, dc);
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
                                              LPXLOPER12 a_guess, LPXLOPER12 a_day_count)
{
    double guess, out = 0.0, *v;
    int32_t *d;
    size_t n;
    airoi_day_count dc;
    int e = xll_read_dated(a_values, a_dates, &v, &d, &n);
    if (e != XLL_OK)
        return xll_result_err(e);
    e = xll_arg_number_opt(a_guess, 0.1, &guess);
    if (e != XLL_OK) {
        free(v);
        free(d);
        return xll_result_err(e);
    }
    e = dated_day_count(a_day_count, &dc, v, d, n);
    if (e != XLL_OK)
        return xll_result_err(e);
    int st = n < 2 ? AIROI_ERR_NO_SOLUTION : airoi_xirr_day_count(&out, v, d, n, guess, dc);
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
    /* Excel's MIRR answers #DIV/0! when there is no negative flow (and -1,
     * which the library returns too, when there is no positive one). */
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
