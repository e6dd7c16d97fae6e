/*
 * lib/finance/lowrates.c: rates of -100 % and below, where Excel still
 * computes (docs/methodology.md, "Rates of -100 % and below").
 *
 * For r <= -1 the base 1 + r is 0 or negative, and (1 + r)^t is defined
 * only for whole t (0^t only for t > 0): Excel computes NPV, PV, FV, PMT,
 * MIRR and the loan functions wherever every power it takes is defined and
 * nothing is divided by 0 (PV(-2, 24, 100, 400, 1) = -400), and errs
 * elsewhere. These are the plain textbook formulas with pow(); the careful
 * forms of npv.c and tvm.c (log1p, expm1) need 1 + r > 0.
 */
#include <math.h>

#include "airoi/finance.h"
#include "finance-private.h"

int airoi__check_finite(const char *name, const char *what, double x)
{
    if (!isfinite(x))
        return airoi__error(AIROI_ERR_INVALID, "%s: %s is not finite", name, what);
    return AIROI_OK;
}

int airoi__finish(double *out, const char *name, double r)
{
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "%s: the result overflows", name);
    *out = r;
    return AIROI_OK;
}

int airoi__pow1p(double *out, double r, double t)
{
    if (r > -1.0) {
        *out = exp(t * log1p(r));
        return 0;
    }
    if (r == -1.0) {
        if (!(t > 0.0))
            return -1;
        *out = 0.0;
        return 0;
    }
    if (t != trunc(t))
        return -1;
    *out = pow(1.0 + r, t);
    return 0;
}

int airoi__npv0_below(double *out, const char *name, double rate, const double *v, size_t n,
                      size_t stride, int excel)
{
    /* 1 + rate < 0: every power is whole, so defined; 1 / (1 + rate)^i by
     * repeated multiplication would drift, pow() does not. */
    airoi__sum acc = {0.0, 0.0};
    const double b = 1.0 + rate;
    for (size_t i = 0; i < n; i++) {
        double vi = v[i * stride];
        if (!isfinite(vi))
            return airoi__error(AIROI_ERR_INVALID, "%s: values[%zu] is not finite (%g)", name,
                                i, vi);
        if (vi != 0.0)
            airoi__sum_add(&acc, vi / pow(b, (double)i + (excel ? 1.0 : 0.0)));
    }
    double r = airoi__sum_get(&acc);
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "%s: the result overflows at rate %.17g", name,
                            rate);
    *out = r;
    return AIROI_OK;
}

int airoi__tvm_below(double *out, const char *name, char which, double rate, double nper,
                     double x, double y, int type)
{
    double g;
    if (airoi__pow1p(&g, rate, nper))
        return airoi__error(AIROI_ERR_INVALID, "%s: (1 + rate)^nper is not defined for rate "
                            "%.17g and nper %.17g (a rate of -1 or below needs a whole, and "
                            "for -1 a positive, number of periods)", name, rate, nper);
    const double kt = type ? 1.0 + rate : 1.0, a = (g - 1.0) / rate;
    double r;
    switch (which) {
    case 'v': /* PV(rate, nper, pmt = x, fv = y) = -(fv + pmt kt A) / g */
        if (g == 0.0)
            return airoi__error(AIROI_ERR_INVALID, "%s: rate -1 makes (1 + rate)^nper 0 "
                                "(Excel's #DIV/0!)", name);
        r = -(y + x * kt * a) / g;
        break;
    case 'f': /* FV(rate, nper, pmt = x, pv = y) = -(pv g + pmt kt A) */
        r = -(y * g + x * kt * a);
        break;
    default: /* PMT(rate, nper, pv = x, fv = y) = -(pv g + fv) / (kt A) */
        if (kt * a == 0.0)
            return airoi__error(AIROI_ERR_INVALID, "%s: the annuity factor (1 + rate type) "
                                "((1 + rate)^nper - 1) / rate is 0 at rate %.17g, nper %.17g "
                                "(Excel's #NUM!)", name, rate, nper);
        r = -(x * g + y) / (kt * a);
        break;
    }
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "%s: the result overflows", name);
    *out = r;
    return AIROI_OK;
}

int airoi__mirr_below(double *out, const double *v, size_t n, double finance_rate,
                      double reinvest_rate)
{
    /* Excel's MIRR = (-FV(positive flows at reinvest_rate) /
     * PV(negative flows at finance_rate))^(1 / (n - 1)) - 1 with whole
     * powers only inside; defined when 1 + each rate is not 0. */
    if (finance_rate == -1.0 || reinvest_rate == -1.0)
        return airoi__error(AIROI_ERR_INVALID, "mirr: a rate of -1 makes 1 + rate 0 (Excel's "
                            "#DIV/0!)");
    airoi__sum fv = {0.0, 0.0}, pv = {0.0, 0.0};
    int pos = 0, neg = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] > 0.0) {
            pos = 1;
            airoi__sum_add(&fv, v[i] * pow(1.0 + reinvest_rate, (double)(n - 1 - i)));
        } else if (v[i] < 0.0) {
            neg = 1;
            airoi__sum_add(&pv, v[i] / pow(1.0 + finance_rate, (double)i));
        }
    }
    if (!neg)
        return airoi__error(AIROI_ERR_NO_SOLUTION, "mirr: the values need at least one "
                            "negative value (Excel's #DIV/0!)");
    const double p = (double)(n - 1);
    double q = -airoi__sum_get(&fv) / airoi__sum_get(&pv), r;
    if (!pos || q == 0.0)
        r = -1.0;
    else if (q > 0.0)
        r = expm1(log(q) / p);
    else if (n == 2)
        r = q - 1.0;
    else
        return airoi__error(AIROI_ERR_NO_SOLUTION, "mirr: -FV(positive flows) / PV(negative "
                            "flows) is %.17g, negative, and has no real root of order %zu at "
                            "these rates (Excel's #NUM!)", q, n - 1);
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "mirr: the result overflows");
    *out = r;
    return AIROI_OK;
}
