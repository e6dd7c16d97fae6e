/*
 * lib/finance/tvm.c: the time-value-of-money functions PMT, PV, FV, NPER
 * and RATE, with Excel's sign convention and its annuity equation
 *
 *   pv (1+r)^n + pmt (1 + r type) ((1+r)^n - 1) / r + fv = 0
 *   (pv + pmt n + fv = 0 when r = 0).
 *
 * Powers are taken as exp(n log1p(r)) and (1+r)^n - 1 as expm1(n log1p(r)),
 * which keeps full precision for small rates, and each formula is written
 * so that no intermediate power exceeds 1 where the result itself is finite.
 */
#include <math.h>

#include "airoi/finance.h"
#include "finance/finance-private.h"

static int check_finite(const char *name, const char *what, double x)
{
    if (!isfinite(x))
        return airoi__error(AIROI_ERR_INVALID, "%s: %s is not finite", name, what);
    return AIROI_OK;
}

static int check_rate(const char *name, double rate)
{
    int st = check_finite(name, "rate", rate);
    if (!st && !(rate > -1.0))
        st = airoi__error(AIROI_ERR_INVALID, "%s: rate %.17g must be greater than -1", name,
                          rate);
    return st;
}

static int finish(double *out, const char *name, double r)
{
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "%s: the result overflows", name);
    *out = r;
    return AIROI_OK;
}

/* x * y, but 0 when x is 0 (so that 0 * inf is 0, not NaN). */
static double mul0(double x, double y)
{
    return x == 0.0 ? 0.0 : x * y;
}

AIROI_API int airoi_pv(double *out, double rate, double nper, double pmt, double fv, int type)
{
    AIROI__ENTER();
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "pv: out is NULL");
    int st = check_rate("pv", rate);
    if (!st)
        st = check_finite("pv", "nper", nper);
    if (!st)
        st = check_finite("pv", "pmt", pmt);
    if (!st)
        st = check_finite("pv", "fv", fv);
    if (st)
        return st;
    const double k = type ? 1.0 + rate : 1.0;
    if (rate == 0.0)
        return finish(out, "pv", -(fv + pmt * nper));
    const double nl = nper * log1p(rate);
    /* (1+r)^-n and the annuity factor (1 - (1+r)^-n) / r. */
    const double a = exp(-nl);
    const double b = -expm1(-nl) / rate;
    return finish(out, "pv", -(mul0(fv, a) + mul0(pmt * k, b)));
}

AIROI_API int airoi_fv(double *out, double rate, double nper, double pmt, double pv, int type)
{
    AIROI__ENTER();
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "fv: out is NULL");
    int st = check_rate("fv", rate);
    if (!st)
        st = check_finite("fv", "nper", nper);
    if (!st)
        st = check_finite("fv", "pmt", pmt);
    if (!st)
        st = check_finite("fv", "pv", pv);
    if (st)
        return st;
    const double k = type ? 1.0 + rate : 1.0;
    if (rate == 0.0)
        return finish(out, "fv", -(pv + pmt * nper));
    const double nl = nper * log1p(rate);
    const double g = exp(nl);          /* (1+r)^n */
    const double e = expm1(nl) / rate; /* ((1+r)^n - 1) / r */
    return finish(out, "fv", -(mul0(pv, g) + mul0(pmt * k, e)));
}

AIROI_API int airoi_pmt(double *out, double rate, double nper, double pv, double fv, int type)
{
    AIROI__ENTER();
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "pmt: out is NULL");
    int st = check_rate("pmt", rate);
    if (!st)
        st = check_finite("pmt", "nper", nper);
    if (!st)
        st = check_finite("pmt", "pv", pv);
    if (!st)
        st = check_finite("pmt", "fv", fv);
    if (st)
        return st;
    if (nper == 0.0)
        return airoi__error(AIROI_ERR_INVALID, "pmt: nper is 0");
    const double k = type ? 1.0 + rate : 1.0;
    if (rate == 0.0)
        return finish(out, "pmt", -(pv + fv) / nper);
    const double nl = nper * log1p(rate);
    double r;
    if (nl >= 0.0) {
        /* Divide through by (1+r)^n: -(pv + fv (1+r)^-n) r / (k (1 - (1+r)^-n)). */
        r = -(pv + mul0(fv, exp(-nl))) * rate / (k * -expm1(-nl));
    } else {
        /* -(pv (1+r)^n + fv) r / (k ((1+r)^n - 1)). */
        r = -(mul0(pv, exp(nl)) + fv) * rate / (k * expm1(nl));
    }
    return finish(out, "pmt", r);
}

AIROI_API int airoi_nper(double *out, double rate, double pmt, double pv, double fv, int type)
{
    AIROI__ENTER();
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "nper: out is NULL");
    int st = check_rate("nper", rate);
    if (!st)
        st = check_finite("nper", "pmt", pmt);
    if (!st)
        st = check_finite("nper", "pv", pv);
    if (!st)
        st = check_finite("nper", "fv", fv);
    if (st)
        return st;
    if (rate == 0.0) {
        if (pmt == 0.0)
            return airoi__error(AIROI_ERR_NO_SOLUTION,
                                "nper: with rate 0 and pmt 0 no number of periods solves the "
                                "equation");
        return finish(out, "nper", -(pv + fv) / pmt);
    }
    /* nper = ln((k - fv r) / (k + pv r)) / ln(1 + r), k = pmt (1 + r type);
     * the ratio is 1 + w with w = -r (pv + fv) / (k + pv r). */
    const double k = pmt * (type ? 1.0 + rate : 1.0);
    const double den = k + pv * rate;
    const double w = -rate * (pv + fv) / den;
    if (den == 0.0 || !isfinite(w) || !(w > -1.0))
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "nper: no number of periods solves the equation (the ratio "
                            "(pmt(1+rate*type) - fv*rate) / (pmt(1+rate*type) + pv*rate) is "
                            "not positive)");
    double n = log1p(w) / log1p(rate);
    if (!isfinite(n))
        return airoi__error(AIROI_ERR_NO_SOLUTION, "nper: the number of periods overflows");
    *out = n;
    return AIROI_OK;
}

/* ----------------------------------------------------------------- RATE */

typedef struct rate_ctx {
    double n, pmt, pv, fv, t;
} rate_ctx;

/* f(r) = pv (1+r)^n + pmt k A(r) + fv with k = 1 + r t and
 * A(r) = ((1+r)^n - 1) / r, scaled by (1+r)^-n for r >= 0 (so that nothing
 * overflows for large rates or periods) and by 1 for r < 0. */
static int rate_eval(void *vctx, double r, double *f, double *df, double *mag)
{
    const rate_ctx *c = vctx;
    const double n = c->n, y = 1.0 + r, k = 1.0 + r * c->t;
    const double nl = n * log1p(r);
    /* dA/dr, from its Taylor series near 0 (where the closed form cancels):
     * C(n,2) + 2 C(n,3) r + 3 C(n,4) r^2. */
    const int small = fabs(r) * (fabs(n) + 1.0) < 1e-4;
    double da_series = 0.0;
    if (small) {
        double c2 = n * (n - 1.0) / 2.0, c3 = c2 * (n - 2.0) / 3.0, c4 = c3 * (n - 3.0) / 4.0;
        da_series = c2 + 2.0 * c3 * r + 3.0 * c4 * r * r;
    }
    double F, D, M;
    if (r >= 0.0) {
        const double yi = exp(-nl);                         /* (1+r)^-n */
        const double ayi = r == 0.0 ? n : -expm1(-nl) / r; /* A (1+r)^-n */
        double dayi;                                        /* A' (1+r)^-n */
        if (small)
            dayi = da_series * yi;
        else
            dayi = (n * r / y + expm1(-nl)) / (r * r);
        F = c->pv + c->pmt * k * ayi + c->fv * yi;
        D = n * c->pv / y + c->pmt * (c->t * ayi + k * dayi);
        M = fabs(c->pv) + fabs(c->pmt * k * ayi) + fabs(c->fv) * yi;
    } else {
        const double g = exp(nl);          /* (1+r)^n <= 1 */
        const double a = expm1(nl) / r;    /* A */
        double da;
        if (small)
            da = da_series;
        else
            da = (n * g / y * r - expm1(nl)) / (r * r);
        F = c->pv * g + c->pmt * k * a + c->fv;
        D = n * c->pv * g / y + c->pmt * (c->t * a + k * da);
        M = fabs(c->pv) * g + fabs(c->pmt * k * a) + fabs(c->fv);
    }
    if (!isfinite(F) || !isfinite(D) || !isfinite(M))
        return -1;
    *f = F;
    *mag = M;
    if (df)
        *df = D;
    return 0;
}

AIROI_API int airoi_rate(double *out, double nper, double pmt, double pv, double fv, int type,
                         double guess)
{
    AIROI__ENTER();
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "rate: out is NULL");
    int st = check_finite("rate", "nper", nper);
    if (!st)
        st = check_finite("rate", "pmt", pmt);
    if (!st)
        st = check_finite("rate", "pv", pv);
    if (!st)
        st = check_finite("rate", "fv", fv);
    if (!st)
        st = check_finite("rate", "guess", guess);
    if (st)
        return st;
    if (!(nper > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "rate: nper %.17g must be greater than 0",
                            nper);
    if (!(guess > -1.0))
        return airoi__error(AIROI_ERR_INVALID, "rate: guess %.17g must be greater than -1",
                            guess);
    rate_ctx c = {nper, pmt, pv, fv, type ? 1.0 : 0.0};
    airoi__rootfn fn = {rate_eval, &c};
    double r;
    if (airoi__root_solve(&r, &fn, guess))
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "rate: no rate above -1 solves the annuity equation (searched from "
                            "guess %.17g)", guess);
    *out = r;
    return AIROI_OK;
}
