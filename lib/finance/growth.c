/*
 * lib/finance/growth.c: rate conversions and growth, EFFECT, NOMINAL,
 * PDURATION, RRI and FVSCHEDULE (docs/methodology.md, "Rate conversions
 * and growth"). Powers are taken as exp(t log1p(x)) and x^t - 1 as
 * expm1(t log(x)) so that small rates keep their digits.
 */
#include <math.h>

#include "airoi/finance.h"
#include "finance-private.h"

/* Excel's checks of EFFECT and NOMINAL: npery truncated to an integer,
 * rate > 0, npery >= 1. */
static int check_conv(const char *name, const char *what, double rate, double *npery)
{
    int st = airoi__check_finite(name, what, rate);
    if (!st)
        st = airoi__check_finite(name, "npery", *npery);
    if (st)
        return st;
    *npery = trunc(*npery);
    if (!(rate > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: %s %.17g must be greater than 0 (Excel's "
                            "#NUM!)", name, what, rate);
    if (!(*npery >= 1.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: npery must be at least 1 (Excel's #NUM!)",
                            name);
    return AIROI_OK;
}

int airoi__effect(double *out, double nominal_rate, double npery)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "effect: out is NULL");
    int st = check_conv("effect", "nominal_rate", nominal_rate, &npery);
    if (st)
        return st;
    /* (1 + nominal / npery)^npery - 1 */
    return airoi__finish(out, "effect", expm1(npery * log1p(nominal_rate / npery)));
}

AIROI_API int airoi_effect(double *out, double nominal_rate, double npery)
{
    AIROI__ENTER();
    return airoi__effect(out, nominal_rate, npery);
}

int airoi__nominal(double *out, double effect_rate, double npery)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "nominal: out is NULL");
    int st = check_conv("nominal", "effect_rate", effect_rate, &npery);
    if (st)
        return st;
    /* npery ((1 + effect)^(1 / npery) - 1) */
    return airoi__finish(out, "nominal", npery * expm1(log1p(effect_rate) / npery));
}

AIROI_API int airoi_nominal(double *out, double effect_rate, double npery)
{
    AIROI__ENTER();
    return airoi__nominal(out, effect_rate, npery);
}

/* ln(b / a) for a, b > 0: log1p of the relative change when b / a is near
 * 1 (b - a is then exact), from the logarithms when the quotient is not a
 * normal double. */
static double log_ratio(double b, double a)
{
    const double q = b / a;
    if (q >= 0.5 && q <= 2.0)
        return log1p((b - a) / a);
    if (isfinite(q) && q >= 0x1p-1022)
        return log(q);
    return log(b) - log(a);
}

int airoi__pduration(double *out, double rate, double pv, double fv)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "pduration: out is NULL");
    int st = airoi__check_finite("pduration", "rate", rate);
    if (!st)
        st = airoi__check_finite("pduration", "pv", pv);
    if (!st)
        st = airoi__check_finite("pduration", "fv", fv);
    if (st)
        return st;
    if (!(rate > 0.0) || !(pv > 0.0) || !(fv > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "pduration: rate, pv and fv must be greater than "
                            "0 (Excel's #NUM!); got %.17g, %.17g, %.17g", rate, pv, fv);
    /* (ln fv - ln pv) / ln(1 + rate) */
    return airoi__finish(out, "pduration", log_ratio(fv, pv) / log1p(rate));
}

AIROI_API int airoi_pduration(double *out, double rate, double pv, double fv)
{
    AIROI__ENTER();
    return airoi__pduration(out, rate, pv, fv);
}

int airoi__rri(double *out, double nper, double pv, double fv)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "rri: out is NULL");
    int st = airoi__check_finite("rri", "nper", nper);
    if (!st)
        st = airoi__check_finite("rri", "pv", pv);
    if (!st)
        st = airoi__check_finite("rri", "fv", fv);
    if (st)
        return st;
    if (!(nper > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "rri: nper %.17g must be greater than 0 "
                            "(Excel's #NUM!)", nper);
    if (pv == 0.0)
        return airoi__error(AIROI_ERR_INVALID, "rri: pv is 0 (Excel's #NUM!)");
    if (fv == 0.0) {
        *out = -1.0;
        return AIROI_OK;
    }
    if ((fv > 0.0) != (pv > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "rri: fv / pv is negative: no real growth rate "
                            "(Excel's #NUM!)");
    /* (fv / pv)^(1 / nper) - 1 */
    return airoi__finish(out, "rri", expm1(log_ratio(fabs(fv), fabs(pv)) / nper));
}

AIROI_API int airoi_rri(double *out, double nper, double pv, double fv)
{
    AIROI__ENTER();
    return airoi__rri(out, nper, pv, fv);
}

int airoi__fvschedule(double *out, double principal, const double *schedule, size_t n)
{
    if (!out || (!schedule && n > 0))
        return airoi__error(AIROI_ERR_INVALID, "fvschedule: %s is NULL",
                            out ? "schedule" : "out");
    int st = airoi__check_finite("fvschedule", "principal", principal);
    if (st)
        return st;
    /* principal (1 + s_1) (1 + s_2) ..., the exponents kept apart so that
     * no partial product overflows or underflows before the result does. */
    int ex;
    double m = frexp(principal, &ex);
    long long e = ex;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(schedule[i]))
            return airoi__error(AIROI_ERR_INVALID, "fvschedule: schedule[%zu] is not finite", i);
        m = frexp(m * (1.0 + schedule[i]), &ex);
        e += ex;
    }
    if (m == 0.0)
        e = 0;
    if (e > 2000) /* far outside the doubles */
        return airoi__finish(out, "fvschedule", (double)INFINITY);
    if (e < -2000)
        return airoi__finish(out, "fvschedule", copysign(0.0, m));
    return airoi__finish(out, "fvschedule", ldexp(m, (int)e));
}

AIROI_API int airoi_fvschedule(double *out, double principal, const double *schedule, size_t n)
{
    AIROI__ENTER();
    return airoi__fvschedule(out, principal, schedule, n);
}
