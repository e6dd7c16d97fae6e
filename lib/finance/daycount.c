/*
 * lib/finance/daycount.c: day-count conventions for XNPV and XIRR
 * (docs/methodology.md, "Day counts"). Each flow is discounted by
 * (1 + rate)^-t_i with t_i the year fraction from the first date to its
 * own date under the convention; ACT/365F, (d_i - d_0) / 365, is Excel's
 * and the default, and gives exactly airoi_xnpv() and airoi_xirr().
 */
#include <math.h>

#include "airoi/finance.h"
#include "finance-private.h"

static const char *const dc_names[] = {"act/365f", "act/360", "act/365.25", "30/360", "30e/360",
                                       "act/act"};
#define DC_COUNT (sizeof dc_names / sizeof dc_names[0])

static int last_of_feb(int32_t y, int32_t m, int32_t d)
{
    return m == 2 && d == airoi__month_length(y, 2);
}

/* 30/360 day counts between two dates given as y/m/d (the rules of the
 * 2006 ISDA definitions, 4.16 (f) and (g), and of the SIA for US bonds). */
static int64_t days_30_360(int32_t y1, int32_t m1, int32_t d1, int32_t y2, int32_t m2,
                           int32_t d2, int european)
{
    if (european) { /* 30E/360: both 31sts become 30 */
        d1 = d1 > 30 ? 30 : d1;
        d2 = d2 > 30 ? 30 : d2;
    } else {        /* 30/360 US (30U/360, SIA) */
        const int feb1 = last_of_feb(y1, m1, d1), feb2 = last_of_feb(y2, m2, d2);
        int32_t e1 = feb1 ? 30 : (d1 > 30 ? 30 : d1);
        if (feb1 && feb2)
            d2 = 30;
        else if (e1 >= 30 && d2 > 30)
            d2 = 30;
        d1 = e1;
    }
    return 360 * (int64_t)(y2 - y1) + 30 * (int64_t)(m2 - m1) + (int64_t)(d2 - d1);
}

int airoi__year_fraction(double *out, int32_t start, int32_t end, airoi_day_count day_count)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "year_fraction: out is NULL");
    int st = airoi__enum_check((int)day_count, AIROI_DAY_COUNT_ACT_365F, "day_count");
    if (st)
        return st;
    const int64_t days = (int64_t)end - (int64_t)start;
    int32_t y1, m1, d1, y2, m2, d2;
    switch (day_count) {
    case AIROI_DAY_COUNT_ACT_365F:
        *out = (double)days / 365.0;
        return AIROI_OK;
    case AIROI_DAY_COUNT_ACT_360:
        *out = (double)days / 360.0;
        return AIROI_OK;
    case AIROI_DAY_COUNT_ACT_365_25:
        *out = (double)days / 365.25;
        return AIROI_OK;
    default:
        break;
    }
    st = airoi__date_to_ymd(&y1, &m1, &d1, start);
    if (!st)
        st = airoi__date_to_ymd(&y2, &m2, &d2, end);
    if (st)
        return st;
    if (day_count == AIROI_DAY_COUNT_30_360 || day_count == AIROI_DAY_COUNT_30E_360) {
        *out = (double)days_30_360(y1, m1, d1, y2, m2, d2,
                                   day_count == AIROI_DAY_COUNT_30E_360) / 360.0;
        return AIROI_OK;
    }
    /* ACT/ACT ISDA: the days in leap years over 366 plus the others over
     * 365, each counted from Jan 1 of its year. */
    if (end < start) {
        double t;
        st = airoi__year_fraction(&t, end, start, day_count);
        if (!st)
            *out = -t;
        return st;
    }
    int32_t jan1_y1, jan1_y2;
    airoi__date_from_ymd(&jan1_y1, y1, 1, 1);
    airoi__date_from_ymd(&jan1_y2, y2, 1, 1);
    if (y1 == y2) {
        *out = (double)days / (airoi__is_leap_year(y1) ? 366.0 : 365.0);
        return AIROI_OK;
    }
    /* from start to the end of its year, whole years between, then from
     * Jan 1 of the last year to end */
    const double head =
        (double)(airoi__is_leap_year(y1) ? 366 : 365) - (double)(start - jan1_y1);
    double leap = 0.0, normal = 0.0;
    if (airoi__is_leap_year(y1))
        leap += head;
    else
        normal += head;
    for (int32_t y = y1 + 1; y < y2; y++) {
        if (airoi__is_leap_year(y))
            leap += 366.0;
        else
            normal += 365.0;
    }
    if (airoi__is_leap_year(y2))
        leap += (double)(end - jan1_y2);
    else
        normal += (double)(end - jan1_y2);
    *out = normal / 365.0 + leap / 366.0;
    return AIROI_OK;
}

AIROI_API int airoi_year_fraction(double *out, int32_t start, int32_t end,
                                  airoi_day_count day_count)
{
    AIROI__ENTER();
    return airoi__year_fraction(out, start, end, day_count);
}

int airoi__day_count_from_name(airoi_day_count *out, const char *name)
{
    int v;
    int st = airoi__enum_from_name(&v, name, dc_names, DC_COUNT, AIROI_DAY_COUNT_ACT_365F,
                                   "day_count");
    if (!st)
        *out = (airoi_day_count)v;
    return st;
}

AIROI_API int airoi_day_count_from_name(airoi_day_count *out, const char *name)
{
    AIROI__ENTER();
    return airoi__day_count_from_name(out, name);
}

const char *airoi__day_count_name(airoi_day_count day_count)
{
    const unsigned i = (unsigned)day_count - (unsigned)AIROI_DAY_COUNT_ACT_365F;
    return i < DC_COUNT ? dc_names[i] : NULL;
}

AIROI_API const char *airoi_day_count_name(airoi_day_count day_count)
{
    AIROI__ENTER();
    return airoi__day_count_name(day_count);
}

/* The year fractions of dates from the first, into t (n of them); checks
 * the arguments shared by XNPV and XIRR. */
static int fractions(double *t, const char *name, const int32_t *dates, size_t n,
                     airoi_day_count day_count)
{
    for (size_t i = 0; i < n; i++) {
        if (dates[i] < dates[0])
            return airoi__error(AIROI_ERR_INVALID, "%s: dates[%zu] = %ld precedes the first "
                                "date %ld", name, i, (long)dates[i], (long)dates[0]);
        int st = airoi__year_fraction(&t[i], dates[0], dates[i], day_count);
        if (st)
            return st;
    }
    return AIROI_OK;
}

#define DC_STACK 64

int airoi__xnpv_day_count(double *out, double rate, const double *values,
                          const int32_t *dates, size_t n, airoi_day_count day_count)
{
    int st = airoi__enum_check((int)day_count, AIROI_DAY_COUNT_ACT_365F, "xnpv: day_count");
    if (st)
        return st;
    if (day_count == AIROI_DAY_COUNT_ACT_365F)
        return airoi__xnpv(out, rate, values, dates, n);
    if (!out || !values || !dates)
        return airoi__error(AIROI_ERR_INVALID, "xnpv: %s is NULL",
                            !out ? "out" : !values ? "values" : "dates");
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "xnpv: no values (n = 0)");
    if (!isfinite(rate) || !(rate > -1.0))
        return airoi__error(AIROI_ERR_INVALID, "xnpv: rate %.17g must be greater than -1", rate);
    double stack[DC_STACK];
    double *t = n <= DC_STACK ? stack : airoi__reallocarray(NULL, n, sizeof *t);
    if (!t)
        return airoi__error(AIROI_ERR_NOMEM, "xnpv: no memory for %zu dates", n);
    st = fractions(t, "xnpv", dates, n, day_count);
    const double lr = log1p(rate);
    airoi__sum acc = {0.0, 0.0};
    for (size_t i = 0; !st && i < n; i++) {
        if (!isfinite(values[i]))
            st = airoi__error(AIROI_ERR_INVALID, "xnpv: values[%zu] is not finite", i);
        else if (values[i] != 0.0) /* v e^(-t lr), from the logarithms where e^(-t lr) overflows */
            airoi__sum_add(&acc, fabs(t[i] * lr) < 700.0
                                     ? values[i] * airoi__compound(lr, -t[i])
                                     : copysign(exp(log(fabs(values[i])) - t[i] * lr),
                                                values[i]));
    }
    if (t != stack)
        airoi__free(t);
    if (st)
        return st;
    const double r = airoi__sum_get(&acc);
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "xnpv: the result overflows at rate %.17g", rate);
    *out = r;
    return AIROI_OK;
}

AIROI_API int airoi_xnpv_day_count(double *out, double rate, const double *values,
                                   const int32_t *dates, size_t n, airoi_day_count day_count)
{
    AIROI__ENTER();
    return airoi__xnpv_day_count(out, rate, values, dates, n, day_count);
}

int airoi__xirr_day_count(double *out, const double *values, const int32_t *dates, size_t n,
                          double guess, airoi_day_count day_count)
{
    int st = airoi__enum_check((int)day_count, AIROI_DAY_COUNT_ACT_365F, "xirr: day_count");
    if (st)
        return st;
    if (day_count == AIROI_DAY_COUNT_ACT_365F)
        return airoi__xirr(out, values, dates, n, guess);
    if (!out || !values || !dates)
        return airoi__error(AIROI_ERR_INVALID, "xirr: %s is NULL",
                            !out ? "out" : !values ? "values" : "dates");
    if (n < 2)
        return airoi__error(AIROI_ERR_INVALID, "xirr: needs at least 2 values, got %zu", n);
    double stack[DC_STACK];
    double *t = n <= DC_STACK ? stack : airoi__reallocarray(NULL, n, sizeof *t);
    if (!t)
        return airoi__error(AIROI_ERR_NOMEM, "xirr: no memory for %zu dates", n);
    st = fractions(t, "xirr", dates, n, day_count);
    if (!st)
        st = airoi__xirr_years(out, values, t, n, guess);
    if (t != stack)
        airoi__free(t);
    return st;
}

AIROI_API int airoi_xirr_day_count(double *out, const double *values, const int32_t *dates,
                                   size_t n, double guess, airoi_day_count day_count)
{
    AIROI__ENTER();
    return airoi__xirr_day_count(out, values, dates, n, guess, day_count);
}

/* ------------------------------------------------------ batch forms */

/* One row of airoi__xnpv_batch_day_count() / airoi__xirr_batch_day_count():
 * the scalar function itself, so that each row gives exactly its value. */
typedef struct dc_batch_ctx {
    double x; /* the rate (XNPV) or the guess (XIRR) */
    const int32_t *dates;
    airoi_day_count day_count;
} dc_batch_ctx;

static int xnpv_dc_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    const dc_batch_ctx *c = ctx;
    (void)flag;
    return airoi__xnpv_day_count(out, c->x, v, c->dates, cols, c->day_count);
}

static int xirr_dc_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    const dc_batch_ctx *c = ctx;
    (void)flag;
    return airoi__xirr_day_count(out, v, c->dates, cols, c->x, c->day_count);
}

/* The checks shared by both forms, before any row. */
static int dc_batch_check(const char *name, double *out, const double *values,
                          const int32_t *dates, size_t rows, size_t cols, size_t min_cols,
                          airoi_day_count day_count)
{
    int st = airoi__batch_shape(name, rows, cols, min_cols);
    if (!st)
        st = airoi__enum_check((int)day_count, AIROI_DAY_COUNT_ACT_365F, name);
    if (!st && rows > 0 && (!out || !values || !dates))
        st = airoi__error(AIROI_ERR_INVALID, "%s: %s is NULL", name,
                          !out ? "out" : !values ? "values" : "dates");
    return st;
}

int airoi__xnpv_batch_day_count(double *out, int32_t *status_out, double rate,
                                const double *values, const int32_t *dates, size_t rows,
                                size_t cols, airoi_day_count day_count)
{
    int st = dc_batch_check("xnpv_batch: day_count", out, values, dates, rows, cols, 1,
                            day_count);
    if (st || rows == 0)
        return st;
    if (day_count == AIROI_DAY_COUNT_ACT_365F)
        return airoi__xnpv_batch(out, status_out, rate, values, dates, rows, cols);
    dc_batch_ctx c = {rate, dates, day_count};
    return airoi__batch_run("xnpv_batch", out, status_out, NULL, values, rows, cols,
                            xnpv_dc_row, NULL, &c);
}

AIROI_API int airoi_xnpv_batch_day_count(double *out, int32_t *status_out, double rate,
                                         const double *values, const int32_t *dates,
                                         size_t rows, size_t cols, airoi_day_count day_count)
{
    AIROI__ENTER();
    return airoi__xnpv_batch_day_count(out, status_out, rate, values, dates, rows, cols,
                                       day_count);
}

int airoi__xirr_batch_day_count(double *out, int32_t *status_out, const double *values,
                                const int32_t *dates, size_t rows, size_t cols, double guess,
                                airoi_day_count day_count)
{
    int st = dc_batch_check("xirr_batch: day_count", out, values, dates, rows, cols, 2,
                            day_count);
    if (st || rows == 0)
        return st;
    if (day_count == AIROI_DAY_COUNT_ACT_365F)
        return airoi__xirr_batch(out, status_out, values, dates, rows, cols, guess);
    dc_batch_ctx c = {guess, dates, day_count};
    return airoi__batch_run("xirr_batch", out, status_out, NULL, values, rows, cols,
                            xirr_dc_row, NULL, &c);
}

AIROI_API int airoi_xirr_batch_day_count(double *out, int32_t *status_out,
                                         const double *values, const int32_t *dates,
                                         size_t rows, size_t cols, double guess,
                                         airoi_day_count day_count)
{
    AIROI__ENTER();
    return airoi__xirr_batch_day_count(out, status_out, values, dates, rows, cols, guess,
                                       day_count);
}
