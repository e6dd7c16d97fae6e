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
#include "finance-private.h"

static int check_rate(const char *name, double rate)
{
    int st = airoi__check_finite(name, "rate", rate);
    if (!st && !(rate > -1.0))
        st = airoi__error(AIROI_ERR_INVALID, "%s: rate %.17g must be greater than -1", name,
                          rate);
    return st;
}

/* x * y, but 0 when x is 0 (so that 0 * inf is 0, not NaN). */
static double mul0(double x, double y)
{
    return x == 0.0 ? 0.0 : x * y;
}

/* f[0] f[1] ... f[n-1] / den (den != 0, all finite), with the exponents
 * kept apart (frexp) so that no partial product underflows or overflows:
 * only the result is rounded to the range of doubles. */
static double product(const double *f, int n, double den)
{
    /* The plain products first: while 1 / den and every partial product
     * are normal numbers they round exactly as the scaled ones below
     * (scaling by a power of two is exact), so the result is the same
     * double, without the frexp() calls. */
    double p = 1.0 / den;
    int normal = isnormal(p);
    for (int i = 0; normal && i < n; i++) {
        p *= f[i];
        normal = isnormal(p);
    }
    if (normal)
        return p;
    int e, ex;
    double m = 1.0 / frexp(den, &e); /* in (-2, -0.5] or [0.5, 2) */
    e = -e;
    for (int i = 0; i < n; i++) {
        if (f[i] == 0.0)
            return 0.0;
        m *= frexp(f[i], &ex);
        e += ex;
        m = frexp(m, &ex);
        e += ex;
    }
    return ldexp(m, e);
}

/* x k ((1 + r)^s - 1) / r for r != 0 and k > 0 (k = 1 + r type), given
 * sl = s log1p(r): an amount times the annuity factor. Where |sl| is
 * small, (1 + r)^s - 1 is s log1p(r) (expm1(sl) / sl): the plain
 * expm1(sl) / r loses everything when sl underflows (s = r = 1e-300 gives
 * sl = 0 while the factor is about s). The factors are multiplied with
 * product(), so that e.g. r = 1e300, s = 1e-300 (factor 6.9e-598, not a
 * double) times x = 1e308 is still right. Where e^sl overflows, from the
 * logarithms (the -1 is then negligible). */
static double annuity(double x, double sl, double s, double r, double k)
{
    if (x == 0.0)
        return 0.0;
    if (fabs(sl) < 0.5) {
        const double f[5] = {x, s, sl == 0.0 ? 1.0 : expm1(sl) / sl, k, log1p(r)};
        return product(f, 5, r);
    }
    if (sl > 700.0) {
        double m = exp(sl + log(k) + log(fabs(x)) - log(fabs(r)));
        return (x > 0.0) == (r > 0.0) ? m : -m;
    }
    const double f[3] = {x, k, expm1(sl)};
    return product(f, 3, r);
}

/* x e^e / d (d != 0), also where e^e alone, or x e^e, underflows or
 * overflows but the result does not (e.g. fv (1+r)^-n with fv = 1e308,
 * r = 1e300, n = 2). */
static double mul_exp_div(double x, double e, double d)
{
    if (x == 0.0)
        return 0.0;
    if (fabs(e) < 700.0) {
        double p = x * exp(e) / d;
        if (isfinite(p) && p != 0.0)
            return p;
    }
    double m = exp(log(fabs(x)) + e - log(fabs(d)));
    return (x > 0.0) == (d > 0.0) ? m : -m;
}

/* The annuity equation is linear in (pv, pmt, fv), and so are PV, FV and
 * PMT in the two amounts they take. Each is computed as is, and when that
 * overflows in an intermediate (e.g. pv (1+r)^n + fv with both near
 * 1e308 and opposite signs) again with the amounts scaled by
 * sc = airoi__scale_of() (a power of two) and the result divided by sc.
 * Only a result that overflows both ways is AIROI_ERR_RANGE. (Scaling
 * always would push tiny amounts into the subnormals.) */
static double scale2(double x, double y)
{
    const double v[2] = {x, y};
    return airoi__scale_of(v, 2, 1);
}

/* -PV for amounts pmt, fv (r != 0 unless nper is used directly). */
static double pv_core(double rate, double nper, double pmt, double fv, int type)
{
    const double k = type ? 1.0 + rate : 1.0;
    if (rate == 0.0)
        return -(fv + mul0(pmt, nper));
    const double nl = nper * log1p(rate);
    /* (1+r)^-n and the annuity factor (1 - (1+r)^-n) / r. */
    /* fv (1+r)^-n + pmt k (1 - (1+r)^-n) / r */
    return -(mul_exp_div(fv, -nl, 1.0) - annuity(pmt, -nl, -nper, rate, k));
}

static double fv_core(double rate, double nper, double pmt, double pv, int type)
{
    const double k = type ? 1.0 + rate : 1.0;
    if (rate == 0.0)
        return -(pv + mul0(pmt, nper));
    const double nl = nper * log1p(rate);
    /* pv (1+r)^n + pmt k ((1+r)^n - 1) / r */
    return -(mul_exp_div(pv, nl, 1.0) + annuity(pmt, nl, nper, rate, k));
}

static double pmt_core(double rate, double nper, double pv, double fv, int type)
{
    const double k = type ? 1.0 + rate : 1.0;
    if (rate == 0.0)
        return -(pv + fv) / nper;
    const double nl = nper * log1p(rate);
    if (nl >= 0.0) {
        /* Divide through by (1+r)^n: -(pv + fv (1+r)^-n) / (k (1 - (1+r)^-n) / r). */
        const double d = -annuity(1.0, -nl, -nper, rate, k);
        return -(pv / d + mul_exp_div(fv, -nl, d));
    }
    /* -(pv (1+r)^n + fv) / (k ((1+r)^n - 1) / r). */
    const double d = annuity(1.0, nl, nper, rate, k);
    return -(mul_exp_div(pv, nl, d) + fv / d);
}

typedef double (*tvm_core)(double rate, double nper, double x, double y, int type);

/* core(x, y), or core(x sc, y sc) / sc when the first overflows. */
static double tvm_scaled(tvm_core core, double rate, double nper, double x, double y, int type)
{
    double r = core(rate, nper, x, y, type);
    if (isfinite(r))
        return r;
    const double sc = scale2(x, y);
    if (sc == 1.0)
        return r;
    return core(rate, nper, x * sc, y * sc, type) / sc;
}

int airoi__pv(double *out, double rate, double nper, double pmt, double fv, int type)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "pv: out is NULL");
    int st = airoi__check_finite("pv", "rate", rate);
    if (!st)
        st = airoi__check_finite("pv", "nper", nper);
    if (!st)
        st = airoi__check_finite("pv", "pmt", pmt);
    if (!st)
        st = airoi__check_finite("pv", "fv", fv);
    if (st)
        return st;
    if (rate <= -1.0)
        return airoi__tvm_below(out, "pv", 'v', rate, nper, pmt, fv, type);
    return airoi__finish(out, "pv", tvm_scaled(pv_core, rate, nper, pmt, fv, type));
}

AIROI_API int airoi_pv(double *out, double rate, double nper, double pmt, double fv, int type)
{
    AIROI__ENTER();
    return airoi__pv(out, rate, nper, pmt, fv, type);
}

int airoi__fv(double *out, double rate, double nper, double pmt, double pv, int type)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "fv: out is NULL");
    int st = airoi__check_finite("fv", "rate", rate);
    if (!st)
        st = airoi__check_finite("fv", "nper", nper);
    if (!st)
        st = airoi__check_finite("fv", "pmt", pmt);
    if (!st)
        st = airoi__check_finite("fv", "pv", pv);
    if (st)
        return st;
    if (rate <= -1.0)
        return airoi__tvm_below(out, "fv", 'f', rate, nper, pmt, pv, type);
    return airoi__finish(out, "fv", tvm_scaled(fv_core, rate, nper, pmt, pv, type));
}

AIROI_API int airoi_fv(double *out, double rate, double nper, double pmt, double pv, int type)
{
    AIROI__ENTER();
    return airoi__fv(out, rate, nper, pmt, pv, type);
}

int airoi__pmt(double *out, double rate, double nper, double pv, double fv, int type)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "pmt: out is NULL");
    int st = airoi__check_finite("pmt", "rate", rate);
    if (!st)
        st = airoi__check_finite("pmt", "nper", nper);
    if (!st)
        st = airoi__check_finite("pmt", "pv", pv);
    if (!st)
        st = airoi__check_finite("pmt", "fv", fv);
    if (st)
        return st;
    if (nper == 0.0)
        return airoi__error(AIROI_ERR_INVALID, "pmt: nper is 0");
    if (rate <= -1.0)
        return airoi__tvm_below(out, "pmt", 'p', rate, nper, pv, fv, type);
    return airoi__finish(out, "pmt", tvm_scaled(pmt_core, rate, nper, pv, fv, type));
}

AIROI_API int airoi_pmt(double *out, double rate, double nper, double pv, double fv, int type)
{
    AIROI__ENTER();
    return airoi__pmt(out, rate, nper, pv, fv, type);
}

/* NPER at rate 0, -(pv + fv) / pmt, in the shape of a tvm_core. */
static double nper0_core(double rate, double pmt, double pv, double fv, int type)
{
    (void)rate;
    (void)type;
    return -(pv + fv) / pmt;
}

/* num = k - fv r, den = k + pv r and w = num / den - 1 = -r (pv + fv) / den
 * (k = pmt (1 + r type)), all divided by r when divide is set. Returns
 * non-zero when an intermediate overflows. */
static int nper_ratio(double *num, double *den, double *w, double rate, double pmt, double pv,
                      double fv, int type, int divide)
{
    const double t = type ? 1.0 : 0.0;
    double s = pv + fv, rs;
    if (divide && fabs(rate) > 1.0) {
        *num = pmt * (1.0 / rate + t) - fv;
        *den = pmt * (1.0 / rate + t) + pv;
        rs = -s;
    } else {
        *num = pmt * (1.0 + rate * t) - fv * rate;
        *den = pmt * (1.0 + rate * t) + pv * rate;
        rs = -rate * s;
    }
    *w = rs / *den;
    return !isfinite(s) || !isfinite(rs) || !isfinite(*num) || !isfinite(*den);
}

int airoi__nper(double *out, double rate, double pmt, double pv, double fv, int type)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "nper: out is NULL");
    int st = check_rate("nper", rate);
    if (!st)
        st = airoi__check_finite("nper", "pmt", pmt);
    if (!st)
        st = airoi__check_finite("nper", "pv", pv);
    if (!st)
        st = airoi__check_finite("nper", "fv", fv);
    if (st)
        return st;
    if (rate == 0.0) {
        if (pmt == 0.0)
            return airoi__error(AIROI_ERR_NO_SOLUTION,
                                "nper: with rate 0 and pmt 0 no number of periods solves the "
                                "equation");
        return airoi__finish(out, "nper", tvm_scaled(nper0_core, 0.0, pmt, pv, fv, 0));
    }
    /* nper = ln(num / den) / ln(1 + r) with num = k - fv r, den = k + pv r,
     * k = pmt (1 + r type). The ratio is computed as 1 + w with
     * w = -r (pv + fv) / den and its logarithm as log1p(w) (full precision
     * near 1). When an intermediate overflows, again with the amounts
     * scaled (NPER does not depend on their scale) and, for |r| > 1, num
     * and den divided by r; when only w overflows, from the logarithms of
     * num and den. */
    double num, den, w;
    if (nper_ratio(&num, &den, &w, rate, pmt, pv, fv, type, 0)) {
        const double abc[3] = {pmt, pv, fv};
        const double sc = airoi__scale_of(abc, 3, 1);
        nper_ratio(&num, &den, &w, rate, pmt * sc, pv * sc, fv * sc, type, 1);
    }
    int ok;
    if (den == 0.0 || isnan(w))
        ok = 0;
    else if (isfinite(w))
        ok = w > -1.0;
    else /* w overflowed: the ratio num / den must be positive */
        ok = isfinite(num) && isfinite(den) &&
             ((num > 0.0 && den > 0.0) || (num < 0.0 && den < 0.0));
    if (!ok)
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "nper: no number of periods solves the equation (the ratio "
                            "(pmt(1+rate*type) - fv*rate) / (pmt(1+rate*type) + pv*rate) is "
                            "not positive)");
    const double lratio = isfinite(w) ? log1p(w) : log(fabs(num)) - log(fabs(den));
    double n = lratio / log1p(rate);
    if (!isfinite(n))
        return airoi__error(AIROI_ERR_RANGE, "nper: the number of periods overflows "
                            "(ln(1 + rate) = %.17g)", log1p(rate));
    *out = n;
    return AIROI_OK;
}

AIROI_API int airoi_nper(double *out, double rate, double pmt, double pv, double fv, int type)
{
    AIROI__ENTER();
    return airoi__nper(out, rate, pmt, pv, fv, type);
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
        double da = 0.0;
        if (small)
            da = da_series;
        else if (df) /* not at r = -1 (only asked for with df NULL) */
            da = (n * g / y * r - expm1(nl)) / (r * r);
        F = c->pv * g + c->pmt * k * a + c->fv;
        D = df ? n * c->pv * g / y + c->pmt * (c->t * a + k * da) : 0.0;
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

int airoi__rate(double *out, double nper, double pmt, double pv, double fv, int type,
                double guess)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "rate: out is NULL");
    int st = airoi__check_finite("rate", "nper", nper);
    if (!st)
        st = airoi__check_finite("rate", "pmt", pmt);
    if (!st)
        st = airoi__check_finite("rate", "pv", pv);
    if (!st)
        st = airoi__check_finite("rate", "fv", fv);
    if (!st)
        st = airoi__check_finite("rate", "guess", guess);
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
    st = airoi__root_solve(&r, &fn, guess);
    /* The rate does not depend on the scale of pmt, pv, fv: when amounts
     * near 1e308 overflow the equation, solve it again scaled. */
    const double abc[3] = {pmt, pv, fv};
    const double sc = airoi__scale_of(abc, 3, 1);
    if (st == AIROI_ERR_NO_SOLUTION && sc != 1.0) {
        rate_ctx cs = {nper, pmt * sc, pv * sc, fv * sc, c.t};
        airoi__rootfn fns = {rate_eval, &cs};
        st = airoi__root_solve(&r, &fns, guess);
    }
    if (st == AIROI__ROOT_BELOW_LAST)
        return airoi__error(AIROI_ERR_NO_SOLUTION, "rate: the rate that solves the annuity "
                            "equation lies between -1 and %.17g, the last double above -1: "
                            "not representable", nextafter(-1.0, 0.0));
    if (st)
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "rate: no rate above -1 solves the annuity equation (searched from "
                            "guess %.17g)", guess);
    *out = r;
    return AIROI_OK;
}

AIROI_API int airoi_rate(double *out, double nper, double pmt, double pv, double fv, int type,
                         double guess)
{
    AIROI__ENTER();
    return airoi__rate(out, nper, pmt, pv, fv, type, guess);
}
