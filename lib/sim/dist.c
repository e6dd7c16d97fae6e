/*
 * lib/sim/dist.c: distributions of uncertainties, compiled once, then
 * sampled by their quantile functions.
 *
 * A draw is always the quantile of one uniform (inverse transform), so a
 * trial's draws are functions of its uniforms, whether they come from
 * Philox, from Sobol points or through the Gaussian copula. Truncation to
 * [min, max] is the quantile of the truncated law: with F the parent's
 * distribution function, x = F^-1(F(min) + u (F(max) - F(min))); discrete
 * laws keep the values inside [min, max] with their probabilities
 * renormalized. Means and standard deviations are exact (closed forms,
 * truncation included). Formulas and sources: docs/methodology.md,
 * section 3.4 onwards.
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airoi/status.h"
#include "airoi/uncertainty.h"
#include "core-private.h"
#include "random-private.h"

#define INV_SQRT_2PI 0.39894228040143267794

/* ------------------------------------------------------------- helpers */

static int fail(char *msg, size_t cap, int status, const char *fmt, ...) AIROI__PRINTF(4, 5);
static int fail(char *msg, size_t cap, int status, const char *fmt, ...)
{
    if (msg && cap > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, cap, fmt, ap);
        va_end(ap);
    }
    return status;
}

static int has(const airoi__uncertainty *u, airoi_uncertainty_param param)
{
    return (u->set >> ((unsigned)param - (unsigned)AIROI_UNCERTAINTY_NAME)) & 1u;
}

static const char *dist_name(int distribution)
{
    switch (distribution) {
    case AIROI_DIST_FIXED: return "fixed";
    case AIROI_DIST_UNIFORM: return "uniform";
    case AIROI_DIST_TRIANGULAR: return "triangular";
    case AIROI_DIST_PERT: return "pert";
    case AIROI_DIST_NORMAL: return "normal";
    case AIROI_DIST_LOGNORMAL: return "lognormal";
    case AIROI_DIST_DISCRETE: return "discrete";
    case AIROI_DIST_BERNOULLI: return "bernoulli";
    default: return "?";
    }
}

static double normal_pdf(double z)
{
    return isinf(z) ? 0.0 : INV_SQRT_2PI * exp(-0.5 * z * z);
}

/* Lower and upper tail probabilities of the standard normal at z, each
 * computed directly (no 1 - x). */
static void normal_tails(double z, double *lower, double *upper)
{
    *lower = airoi__norm_cdf(z);
    *upper = airoi__norm_cdf(-z);
}

static void make_fixed(airoi__dist *d, double v)
{
    d->kind = AIROI__DK_FIXED;
    d->x0 = v;
    d->lo = d->hi = v;
    d->mean = v;
    d->sd = 0.0;
}

/* ------------------------------------------------------------- uniform */

static int compile_uniform(airoi__dist *d, double low, double high, double lo, double hi,
                           char *msg, size_t cap)
{
    double a = fmax(low, lo), b = fmin(high, hi);
    if (a > b)
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "uniform: the truncation [min, max] leaves no probability");
    if (a == b) {
        make_fixed(d, a);
        return 0;
    }
    d->kind = AIROI__DK_UNIFORM;
    d->x0 = a;
    d->x1 = b - a;
    d->lo = a;
    d->hi = b;
    d->mean = 0.5 * (a + b);
    d->sd = (b - a) / sqrt(12.0);
    return 0;
}

/* ---------------------------------------------------------- triangular */

/* Moments 0..2 of (x - M) over [t0, t1] (in t = x - M) of alpha + beta t. */
static void linear_moments(double m[3], double t0, double t1, double alpha, double beta)
{
    double p0 = t1 - t0;
    double p1 = (t1 * t1 - t0 * t0) / 2.0;
    double p2 = (t1 * t1 * t1 - t0 * t0 * t0) / 3.0;
    double p3 = (t1 * t1 * t1 * t1 - t0 * t0 * t0 * t0) / 4.0;
    m[0] += alpha * p0 + beta * p1;
    m[1] += alpha * p1 + beta * p2;
    m[2] += alpha * p2 + beta * p3;
}

static double tri_cdf(const airoi__dist *d, double x, double L, double M, double H, double *q)
{
    if (x <= L) {
        *q = 1.0;
        return 0.0;
    }
    if (x >= H) {
        *q = 0.0;
        return 1.0;
    }
    if (x <= M) {
        double p = (x - L) * (x - L) / d->c_lo;
        *q = 1.0 - p;
        return p;
    }
    *q = (H - x) * (H - x) / d->c_hi;
    return 1.0 - *q;
}

static int compile_triangular(airoi__dist *d, double L, double M, double H, double lo, double hi,
                              char *msg, size_t cap)
{
    double a = fmax(L, lo), b = fmin(H, hi);
    if (a > b)
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "triangular: the truncation [min, max] leaves no probability");
    if (L == H || a == b) {
        make_fixed(d, L == H ? L : a);
        return 0;
    }
    d->kind = AIROI__DK_TRIANGULAR;
    d->x0 = L;
    d->x1 = H;
    d->fm = (M - L) / (H - L);
    d->c_lo = (H - L) * (M - L);
    d->c_hi = (H - L) * (H - M);
    double qa, qb;
    double pa = tri_cdf(d, a, L, M, H, &qa);
    double pb = tri_cdf(d, b, L, M, H, &qb);
    d->plo = pa;
    d->qlo = qa;
    d->pw = pa < 0.5 ? pb - pa : qa - qb;
    d->lo = a;
    d->hi = b;
    if (a == L && b == H) {
        d->mean = (L + M + H) / 3.0;
        d->sd = sqrt((L * L + M * M + H * H - L * M - L * H - M * H) / 18.0);
        return 0;
    }
    /* Density 2 (x - L) / c_lo on [L, M], 2 (H - x) / c_hi on [M, H];
     * moments in t = x - M over the kept part. */
    double m[3] = { 0.0, 0.0, 0.0 };
    if (a < M && M > L)
        linear_moments(m, a - M, fmin(b, M) - M, 2.0 * (M - L) / d->c_lo, 2.0 / d->c_lo);
    if (b > M && H > M)
        linear_moments(m, fmax(a, M) - M, b - M, 2.0 * (H - M) / d->c_hi, -2.0 / d->c_hi);
    double mt = m[1] / m[0];
    d->mean = M + mt;
    d->sd = sqrt(fmax(0.0, m[2] / m[0] - mt * mt));
    return 0;
}

/* ---------------------------------------------------------------- PERT */

/* A PERT side's table: node j holds x(t_j), h x'(t_j), h^2 x''(t_j)
 * (t_j = j h) and a flag: 1 when the interpolation on [t_j, t_(j+1)] was
 * verified to 2e-14 relative when the table was built. */
enum { PT_X, PT_D1, PT_D2, PT_OK, PT_COLS };

static double pert_interp(const double *tab, double step, double t, int *ok)
{
    /* Quintic Hermite interpolation of x(t) from values, slopes and
     * curvatures. */
    double j = floor(t / step);
    if (j < 0.0)
        j = 0.0;
    if (j > AIROI__PERT_NODES - 2)
        j = AIROI__PERT_NODES - 2;
    const double *n0 = tab + PT_COLS * (size_t)j, *n1 = n0 + PT_COLS;
    double s = t / step - j, s2 = s * s, s3 = s2 * s;
    double h5 = s3 * (10.0 - 15.0 * s + 6.0 * s2);
    double h1 = s - s3 * (6.0 - 8.0 * s + 3.0 * s2);
    double h2 = 0.5 * s2 * (1.0 - 3.0 * s + 3.0 * s2 - s3);
    double h3 = 0.5 * s3 * (1.0 - 2.0 * s + s2);
    double h4 = -s3 * (4.0 - 7.0 * s + 3.0 * s2);
    *ok = n0[PT_OK] != 0.0;
    return n0[PT_X] + h5 * (n1[PT_X] - n0[PT_X]) + h1 * n0[PT_D1] + h2 * n0[PT_D2]
           + h3 * n1[PT_D2] + h4 * n1[PT_D1];
}

/* The exact quantile of one side: Halley from x0, twice (the table must
 * be exact). */
static double pert_exact(double p, double a, double b, double lbeta, double x0)
{
    double x = airoi__beta_solve(p, a, b, lbeta, x0 > 0.0 && x0 < 1.0 ? x0 : 0.5);
    return airoi__beta_solve(p, a, b, lbeta, x);
}

/* The table of x(t) = I^-1(t^a; a, b) on t in [0, 0.5^(1/a)] (one side of
 * the law): values, first and second derivatives in t, then each
 * interval's interpolation checked against the exact quantile at s = 1/4,
 * 1/2 and 3/4. With f the beta density and g = f'/f = (a-1)/x - (b-1)/(1-x):
 * x' = a t^(a-1) / f(x) and x'' = x' ((a - 1) / t - g(x) x'); at t = 0,
 * x = 0, x' = K = (a B)^(1/a), x'' = -2 K^2 (1 - b) / (a + 1) (from
 * I_x = x^a (1 + a (1 - b) x / (a + 1) + ...) / (a B)). */
static void pert_build(double *tab, double *step, double a, double b, double lbeta)
{
    double T = pow(0.5, 1.0 / a);
    double h = T / (AIROI__PERT_NODES - 1);
    double K = exp((log(a) + lbeta) / a);
    *step = h;
    tab[PT_X] = 0.0;
    tab[PT_D1] = h * K;
    tab[PT_D2] = h * h * (-2.0 * K * K * (1.0 - b) / (a + 1.0));
    double guess = 0.0;
    for (size_t j = 1; j < AIROI__PERT_NODES; j++) {
        double t = h * (double)j;
        double x = pert_exact(pow(t, a), a, b, lbeta, guess > 0.0 ? guess : K * t);
        double dens = exp((a - 1.0) * log(x) + (b - 1.0) * log1p(-x) - lbeta);
        double d1 = a * pow(t, a - 1.0) / dens;
        double g = (a - 1.0) / x - (b - 1.0) / (1.0 - x);
        double d2 = d1 * ((a - 1.0) / t - g * d1);
        double *n = tab + PT_COLS * j;
        n[PT_X] = x;
        n[PT_D1] = h * d1;
        n[PT_D2] = h * h * d2;
        n[PT_OK] = 0.0;
        guess = x + d1 * h;
    }
    for (size_t j = 0; j + 1 < AIROI__PERT_NODES; j++) {
        int ok = 1, dummy;
        for (int k = 1; k <= 3 && ok; k++) {
            double t = h * ((double)j + 0.25 * k);
            double xi = pert_interp(tab, h, t, &dummy);
            double xe = pert_exact(pow(t, a), a, b, lbeta, xi);
            ok = fabs(xi - xe) <= 2e-14 * xe;
        }
        tab[PT_COLS * j + PT_OK] = ok;
    }
}

/* One side's quantile: the table's value where it was verified, else
 * Halley's method from it. */
static double pert_side(const airoi__dist *d, const double *tab, double step, double p, double a,
                        double b)
{
    double t = a == 1.0 ? p : pow(p, 1.0 / a);
    int ok;
    double x = pert_interp(tab, step, t, &ok);
    if (ok && t <= step * (AIROI__PERT_NODES - 1))
        return x;
    return airoi__beta_solve(p, a, b, d->lbeta, x);
}

/* Truncated moments of Beta(a, b) on [ya, yb] (in [0, 1]). */
static void beta_trunc_moments(double *mean, double *var, double a, double b, double ya, double yb)
{
    double z = 0.0, m1 = 0.0, m2 = 0.0, qa, qb;
    double lb0 = airoi__lbeta(a, b);
    double lb1 = airoi__lbeta(a + 1.0, b);
    double lb2 = airoi__lbeta(a + 2.0, b);
    double pa = airoi__beta_inc(ya, a, b, lb0, &qa);
    double pb = airoi__beta_inc(yb, a, b, lb0, &qb);
    z = pa < 0.5 ? pb - pa : qa - qb;
    pa = airoi__beta_inc(ya, a + 1.0, b, lb1, &qa);
    pb = airoi__beta_inc(yb, a + 1.0, b, lb1, &qb);
    m1 = a / (a + b) * (pa < 0.5 ? pb - pa : qa - qb);
    pa = airoi__beta_inc(ya, a + 2.0, b, lb2, &qa);
    pb = airoi__beta_inc(yb, a + 2.0, b, lb2, &qb);
    m2 = a * (a + 1.0) / ((a + b) * (a + b + 1.0)) * (pa < 0.5 ? pb - pa : qa - qb);
    *mean = m1 / z;
    *var = fmax(0.0, m2 / z - (*mean) * (*mean));
}

static int compile_pert(airoi__dist *d, double L, double M, double H, double shape, double lo,
                        double hi, char *msg, size_t cap)
{
    double a = fmax(L, lo), b = fmin(H, hi);
    if (a > b)
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "pert: the truncation [min, max] leaves no probability");
    if (L == H || a == b) {
        make_fixed(d, L == H ? L : a);
        return 0;
    }
    double W = H - L;
    double al = 1.0 + shape * (M - L) / W;
    double be = 1.0 + shape * (H - M) / W;
    d->kind = AIROI__DK_PERT;
    d->x0 = L;
    d->x1 = W;
    d->alpha = al;
    d->beta = be;
    d->lbeta = airoi__lbeta(al, be);
    d->lo = a;
    d->hi = b;
    d->table = airoi__malloc(2 * PT_COLS * AIROI__PERT_NODES * sizeof(double));
    if (!d->table)
        return fail(msg, cap, AIROI_ERR_NOMEM, "pert: out of memory");
    pert_build(d->table, &d->t_step_lo, al, be, d->lbeta);
    pert_build(d->table + PT_COLS * AIROI__PERT_NODES, &d->t_step_hi, be, al, d->lbeta);
    double ya = (a - L) / W, yb = (b - L) / W;
    double qa, qb;
    double pa = airoi__beta_inc(ya, al, be, d->lbeta, &qa);
    double pb = airoi__beta_inc(yb, al, be, d->lbeta, &qb);
    d->plo = pa;
    d->qlo = qa;
    d->pw = pa < 0.5 ? pb - pa : qa - qb;
    if (!(d->pw > 0.0))
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "pert: the truncation [min, max] leaves no probability");
    if (a == L && b == H) {
        double s = al + be;
        d->mean = L + W * al / s;
        d->sd = W * sqrt(al * be / (s * s * (s + 1.0)));
    } else {
        double m, v;
        beta_trunc_moments(&m, &v, al, be, ya, yb);
        d->mean = L + W * m;
        d->sd = W * sqrt(v);
    }
    return 0;
}

/* ------------------------------------------------- normal and lognormal */

/* A law reduced to the point v (no spread, or min = max): fixed, if v
 * lies in [lo, hi]. */
static int point_law(airoi__dist *d, double v, double lo, double hi, const char *name, char *msg,
                     size_t cap)
{
    if (v < lo || v > hi)
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "%s: the truncation [min, max] leaves no probability", name);
    make_fixed(d, v);
    return 0;
}

/* Standard normal truncated to [za, zb]: plo, qlo, pw, and its mean and
 * variance (in z units). */
static int normal_trunc(airoi__dist *d, double za, double zb, double *mz, double *vz)
{
    double la, ua, lb, ub;
    normal_tails(za, &la, &ua);
    normal_tails(zb, &lb, &ub);
    d->plo = la;
    d->qlo = ua;
    d->pw = la < 0.5 ? lb - la : ua - ub;
    if (!(d->pw > 0.0))
        return -1;
    double pa = normal_pdf(za), pb = normal_pdf(zb);
    double zpa = isinf(za) ? 0.0 : za * pa, zpb = isinf(zb) ? 0.0 : zb * pb;
    double m = (pa - pb) / d->pw;
    *mz = m;
    *vz = fmax(0.0, 1.0 + (zpa - zpb) / d->pw - m * m);
    return 0;
}

static int compile_normal(airoi__dist *d, double mean, double sd, double lo, double hi,
                          char *msg, size_t cap)
{
    if (lo > hi)
        return fail(msg, cap, AIROI_ERR_INVALID, "normal: min is above max");
    if (sd == 0.0 || lo == hi)
        return point_law(d, sd == 0.0 ? mean : lo, lo, hi, "normal", msg, cap);
    d->kind = AIROI__DK_NORMAL;
    d->x0 = mean;
    d->x1 = sd;
    d->lo = lo;
    d->hi = hi;
    double mz, vz;
    if (normal_trunc(d, (lo - mean) / sd, (hi - mean) / sd, &mz, &vz) != 0)
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "normal: the truncation [min, max] leaves no probability");
    d->mean = mean + sd * mz;
    d->sd = sd * sqrt(vz);
    return 0;
}

static int compile_lognormal(airoi__dist *d, double mu, double sigma, double lo, double hi,
                             char *msg, size_t cap)
{
    if (lo > hi)
        return fail(msg, cap, AIROI_ERR_INVALID, "lognormal: min is above max");
    if (hi <= 0.0)
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "lognormal: the truncation [min, max] leaves no probability (max <= 0)");
    lo = fmax(lo, 0.0);
    if (sigma == 0.0 || lo == hi)
        return point_law(d, sigma == 0.0 ? exp(mu) : lo, lo, hi, "lognormal", msg, cap);
    d->kind = AIROI__DK_LOGNORMAL;
    d->x0 = mu;
    d->x1 = sigma;
    d->lo = lo;
    d->hi = hi;
    double za = lo > 0.0 ? (log(lo) - mu) / sigma : -(double)INFINITY;
    double zb = isinf(hi) ? (double)INFINITY : (log(hi) - mu) / sigma;
    double mz, vz;
    if (normal_trunc(d, za, zb, &mz, &vz) != 0)
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "lognormal: the truncation [min, max] leaves no probability");
    if (isinf(za) && isinf(zb)) {
        d->mean = exp(mu + 0.5 * sigma * sigma);
        d->sd = d->mean * sqrt(expm1(sigma * sigma));
        return 0;
    }
    /* E[X^k | za < Z < zb] = exp(k mu + k^2 sigma^2 / 2)
     *   (Phi(zb - k sigma) - Phi(za - k sigma)) / (Phi(zb) - Phi(za)). */
    double e[3];
    for (int k = 1; k <= 2; k++) {
        double l1, u1, l2, u2;
        normal_tails(za - k * sigma, &l1, &u1);
        normal_tails(zb - k * sigma, &l2, &u2);
        double w = l1 < 0.5 ? l2 - l1 : u1 - u2;
        e[k] = exp(k * mu + 0.5 * k * k * sigma * sigma) * w / d->pw;
    }
    d->mean = e[1];
    d->sd = sqrt(fmax(0.0, e[2] - e[1] * e[1]));
    return 0;
}

/* ------------------------------------------------------------ discrete */

typedef struct {
    double v, p;
} vp_pair;

static int vp_cmp(const void *a, const void *b)
{
    const vp_pair *x = a, *y = b;
    return (x->v > y->v) - (x->v < y->v);
}

static int compile_discrete(airoi__dist *d, const double *values, const double *probs, size_t n,
                            double lo, double hi, const char *what, char *msg, size_t cap)
{
    vp_pair *pairs = airoi__malloc((n ? n : 1) * sizeof *pairs);
    if (!pairs)
        return fail(msg, cap, AIROI_ERR_NOMEM, "%s: out of memory", what);
    size_t k = 0;
    airoi__sum total = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (values[i] >= lo && values[i] <= hi && probs[i] > 0.0) {
            pairs[k].v = values[i];
            pairs[k].p = probs[i];
            airoi__sum_add(&total, probs[i]);
            k++;
        }
    }
    double tot = airoi__sum_get(&total);
    if (k == 0 || !(tot > 0.0)) {
        airoi__free(pairs);
        return fail(msg, cap, AIROI_ERR_INVALID,
                    "%s: the truncation [min, max] leaves no probability", what);
    }
    qsort(pairs, k, sizeof *pairs, vp_cmp);
    d->values = airoi__malloc(k * sizeof(double));
    d->cum = airoi__malloc(k * sizeof(double));
    if (!d->values || !d->cum) {
        airoi__free(pairs);
        return fail(msg, cap, AIROI_ERR_NOMEM, "%s: out of memory", what);
    }
    airoi__sum acc = { 0 }, mean = { 0 };
    for (size_t i = 0; i < k; i++) {
        airoi__sum_add(&acc, pairs[i].p);
        d->values[i] = pairs[i].v;
        d->cum[i] = airoi__sum_get(&acc) / tot;
        airoi__sum_add(&mean, pairs[i].v * (pairs[i].p / tot));
    }
    d->cum[k - 1] = 1.0;
    d->n = k;
    d->kind = k == 1 ? AIROI__DK_FIXED : AIROI__DK_DISCRETE;
    d->x0 = pairs[0].v;
    d->lo = pairs[0].v;
    d->hi = pairs[k - 1].v;
    d->mean = airoi__sum_get(&mean);
    airoi__sum var = { 0 };
    for (size_t i = 0; i < k; i++) {
        double dv = pairs[i].v - d->mean;
        airoi__sum_add(&var, dv * dv * (pairs[i].p / tot));
    }
    d->sd = sqrt(fmax(0.0, airoi__sum_get(&var)));
    if (k == 1)
        d->sd = 0.0;
    airoi__free(pairs);
    return 0;
}

/* ------------------------------------------------------------- compile */

#define NEED(param, key)                                                                     \
    do {                                                                                     \
        if (!has(u, param))                                                                  \
            return fail(msg, cap, AIROI_ERR_INVALID, "%s: `%s` is required", name, key);     \
    } while (0)

#define FINITE(v, key)                                                                       \
    do {                                                                                     \
        if (!isfinite(v))                                                                    \
            return fail(msg, cap, AIROI_ERR_INVALID, "%s: `%s` must be a finite number",     \
                        name, key);                                                          \
    } while (0)

static int compile(airoi__dist *d, const airoi__uncertainty *u, char *msg, size_t cap)
{
    const char *name = dist_name(u->distribution);
    double lo = -HUGE_VAL, hi = HUGE_VAL;
    if (has(u, AIROI_UNCERTAINTY_MIN)) {
        FINITE(u->min, "min");
        lo = u->min;
    }
    if (has(u, AIROI_UNCERTAINTY_MAX)) {
        FINITE(u->max, "max");
        hi = u->max;
    }
    if (lo > hi)
        return fail(msg, cap, AIROI_ERR_INVALID, "%s: min (%g) is above max (%g)", name, lo, hi);
    switch (u->distribution) {
    case AIROI_DIST_FIXED: {
        double v = has(u, AIROI_UNCERTAINTY_VALUE) ? u->value : 1.0;
        FINITE(v, "value");
        if (v < lo || v > hi)
            return fail(msg, cap, AIROI_ERR_INVALID,
                        "fixed: the value %g lies outside the truncation [min, max]", v);
        make_fixed(d, v);
        return 0;
    }
    case AIROI_DIST_UNIFORM:
        NEED(AIROI_UNCERTAINTY_LOW, "low");
        NEED(AIROI_UNCERTAINTY_HIGH, "high");
        FINITE(u->low, "low");
        FINITE(u->high, "high");
        if (u->low > u->high)
            return fail(msg, cap, AIROI_ERR_INVALID, "uniform: low (%g) is above high (%g)",
                        u->low, u->high);
        return compile_uniform(d, u->low, u->high, lo, hi, msg, cap);
    case AIROI_DIST_TRIANGULAR:
    case AIROI_DIST_PERT: {
        NEED(AIROI_UNCERTAINTY_LOW, "low");
        NEED(AIROI_UNCERTAINTY_MODE, "mode");
        NEED(AIROI_UNCERTAINTY_HIGH, "high");
        FINITE(u->low, "low");
        FINITE(u->mode, "mode");
        FINITE(u->high, "high");
        if (u->low > u->high)
            return fail(msg, cap, AIROI_ERR_INVALID, "%s: low (%g) is above high (%g)", name,
                        u->low, u->high);
        if (u->mode < u->low || u->mode > u->high)
            return fail(msg, cap, AIROI_ERR_INVALID,
                        "%s: mode (%g) lies outside [low, high] = [%g, %g]", name, u->mode,
                        u->low, u->high);
        if (u->distribution == AIROI_DIST_TRIANGULAR)
            return compile_triangular(d, u->low, u->mode, u->high, lo, hi, msg, cap);
        double shape = has(u, AIROI_UNCERTAINTY_SHAPE) ? u->shape : 4.0;
        if (!(isfinite(shape) && shape > 0.0))
            return fail(msg, cap, AIROI_ERR_INVALID,
                        "pert: `shape` must be a finite number above 0");
        return compile_pert(d, u->low, u->mode, u->high, shape, lo, hi, msg, cap);
    }
    case AIROI_DIST_NORMAL:
        NEED(AIROI_UNCERTAINTY_MEAN, "mean");
        NEED(AIROI_UNCERTAINTY_SD, "sd");
        FINITE(u->mean, "mean");
        FINITE(u->sd, "sd");
        if (u->sd < 0.0)
            return fail(msg, cap, AIROI_ERR_INVALID, "normal: sd (%g) is below 0", u->sd);
        return compile_normal(d, u->mean, u->sd, lo, hi, msg, cap);
    case AIROI_DIST_LOGNORMAL: {
        int by_moments = has(u, AIROI_UNCERTAINTY_MEAN) || has(u, AIROI_UNCERTAINTY_SD);
        int by_log = has(u, AIROI_UNCERTAINTY_MU) || has(u, AIROI_UNCERTAINTY_SIGMA);
        if (by_moments && by_log)
            return fail(msg, cap, AIROI_ERR_INVALID,
                        "lognormal: give `mean` and `sd` or `mu` and `sigma`, not both");
        double mu, sigma;
        if (by_log) {
            NEED(AIROI_UNCERTAINTY_MU, "mu");
            NEED(AIROI_UNCERTAINTY_SIGMA, "sigma");
            FINITE(u->mu, "mu");
            FINITE(u->sigma, "sigma");
            if (u->sigma < 0.0)
                return fail(msg, cap, AIROI_ERR_INVALID, "lognormal: sigma (%g) is below 0",
                            u->sigma);
            mu = u->mu;
            sigma = u->sigma;
        } else {
            NEED(AIROI_UNCERTAINTY_MEAN, "mean");
            NEED(AIROI_UNCERTAINTY_SD, "sd");
            FINITE(u->mean, "mean");
            FINITE(u->sd, "sd");
            if (!(u->mean > 0.0))
                return fail(msg, cap, AIROI_ERR_INVALID, "lognormal: mean (%g) must be above 0",
                            u->mean);
            if (u->sd < 0.0)
                return fail(msg, cap, AIROI_ERR_INVALID, "lognormal: sd (%g) is below 0", u->sd);
            double cv = u->sd / u->mean;
            double s2 = log1p(cv * cv);
            sigma = sqrt(s2);
            mu = log(u->mean) - 0.5 * s2;
        }
        return compile_lognormal(d, mu, sigma, lo, hi, msg, cap);
    }
    case AIROI_DIST_DISCRETE: {
        if (u->n_values == 0 || !u->values || !u->probabilities)
            return fail(msg, cap, AIROI_ERR_INVALID,
                        "discrete: `values` and `probabilities` are required");
        airoi__sum s = { 0 };
        for (size_t i = 0; i < u->n_values; i++) {
            if (!isfinite(u->values[i]))
                return fail(msg, cap, AIROI_ERR_INVALID,
                            "discrete: value %zu is not a finite number", i + 1);
            double p = u->probabilities[i];
            if (!(p >= 0.0 && p <= 1.0))
                return fail(msg, cap, AIROI_ERR_INVALID,
                            "discrete: probability %zu (%g) lies outside [0, 1]", i + 1, p);
            airoi__sum_add(&s, p);
        }
        double tot = airoi__sum_get(&s);
        if (fabs(tot - 1.0) > 1e-9)
            return fail(msg, cap, AIROI_ERR_INVALID,
                        "discrete: the probabilities sum to %.17g, not 1", tot);
        return compile_discrete(d, u->values, u->probabilities, u->n_values, lo, hi, name, msg,
                                cap);
    }
    case AIROI_DIST_BERNOULLI: {
        NEED(AIROI_UNCERTAINTY_P, "p");
        NEED(AIROI_UNCERTAINTY_IMPACT, "impact");
        FINITE(u->impact, "impact");
        if (!(u->p >= 0.0 && u->p <= 1.0))
            return fail(msg, cap, AIROI_ERR_INVALID, "bernoulli: p (%g) lies outside [0, 1]",
                        u->p);
        const double values[2] = { 1.0, 1.0 + u->impact };
        const double probs[2] = { 1.0 - u->p, u->p };
        return compile_discrete(d, values, probs, 2, lo, hi, name, msg, cap);
    }
    default:
        return fail(msg, cap, AIROI_ERR_INVALID, "unknown distribution %d", u->distribution);
    }
}

int airoi__dist_compile(airoi__dist *d, const airoi__uncertainty *u, char *msg, size_t cap)
{
    memset(d, 0, sizeof *d);
    if (msg && cap > 0)
        msg[0] = '\0';
    d->distribution = u->distribution;
    d->plo = 0.0;
    d->qlo = 1.0;
    d->pw = 1.0;
    int rc = compile(d, u, msg, cap);
    if (rc != 0) {
        airoi__dist_release(d);
        d->distribution = u->distribution;
    }
    return rc;
}

void airoi__dist_release(airoi__dist *d)
{
    if (!d)
        return;
    airoi__free(d->table);
    airoi__free(d->values);
    airoi__free(d->cum);
    memset(d, 0, sizeof *d);
}

/* ------------------------------------------------------------ sampling */

static inline double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

static double discrete_quantile(const airoi__dist *d, double u)
{
    const double *c = d->cum;
    size_t n = d->n;
    if (n <= 8) {
        size_t k = 0;
        while (k + 1 < n && u >= c[k])
            k++;
        return d->values[k];
    }
    size_t lo = 0, hi = n - 1;  /* smallest k with u < c[k] */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (u < c[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return d->values[lo];
}

/* PERT at p and q = 1 - p: the table of the side holding the smaller. */
static inline double pert_quantile(const airoi__dist *d, double p, double q)
{
    if (p <= q)
        return clamp(d->x0 + d->x1 * pert_side(d, d->table, d->t_step_lo, p, d->alpha, d->beta),
                     d->lo, d->hi);
    return clamp(d->x0 + d->x1
                     - d->x1 * pert_side(d, d->table + PT_COLS * AIROI__PERT_NODES, d->t_step_hi, q,
                                         d->beta, d->alpha),
                 d->lo, d->hi);
}

double airoi__dist_quantile(const airoi__dist *d, double u)
{
    double p, q;
    switch (d->kind) {
    case AIROI__DK_FIXED:
        return d->x0;
    case AIROI__DK_UNIFORM:
        return clamp(d->x0 + d->x1 * u, d->lo, d->hi);
    case AIROI__DK_NORMAL:
        p = d->plo + u * d->pw;
        q = d->qlo - u * d->pw;
        return clamp(d->x0 + d->x1 * airoi__norm_quantile_pq(p, q), d->lo, d->hi);
    case AIROI__DK_LOGNORMAL:
        p = d->plo + u * d->pw;
        q = d->qlo - u * d->pw;
        return clamp(exp(d->x0 + d->x1 * airoi__norm_quantile_pq(p, q)), d->lo, d->hi);
    case AIROI__DK_TRIANGULAR:
        p = d->plo + u * d->pw;
        q = d->qlo - u * d->pw;
        if (p <= d->fm)
            return clamp(d->x0 + sqrt(p * d->c_lo), d->lo, d->hi);
        return clamp(d->x1 - sqrt(q * d->c_hi), d->lo, d->hi);
    case AIROI__DK_PERT:
        p = d->plo + u * d->pw;
        q = d->qlo - u * d->pw;
        return pert_quantile(d, p, q);
    case AIROI__DK_DISCRETE:
        return discrete_quantile(d, u);
    default:
        return (double)NAN;
    }
}

void airoi__dist_quantiles(const airoi__dist *d, double *x, const double *u, size_t n)
{
    switch (d->kind) {
    case AIROI__DK_FIXED:
        for (size_t i = 0; i < n; i++)
            x[i] = d->x0;
        return;
    case AIROI__DK_UNIFORM:
        for (size_t i = 0; i < n; i++)
            x[i] = clamp(d->x0 + d->x1 * u[i], d->lo, d->hi);
        return;
    case AIROI__DK_NORMAL:
        for (size_t i = 0; i < n; i++) {
            double p = d->plo + u[i] * d->pw, q = d->qlo - u[i] * d->pw;
            x[i] = clamp(d->x0 + d->x1 * airoi__norm_quantile_pq(p, q), d->lo, d->hi);
        }
        return;
    case AIROI__DK_LOGNORMAL:
        for (size_t i = 0; i < n; i++) {
            double p = d->plo + u[i] * d->pw, q = d->qlo - u[i] * d->pw;
            x[i] = clamp(exp(d->x0 + d->x1 * airoi__norm_quantile_pq(p, q)), d->lo, d->hi);
        }
        return;
    case AIROI__DK_TRIANGULAR: {
        /* One square root a draw, the side chosen by selects rather than
         * branches: the same operations as airoi__dist_quantile(). */
        const double plo = d->plo, qlo = d->qlo, pw = d->pw, fm = d->fm;
        const double c_lo = d->c_lo, c_hi = d->c_hi, x0 = d->x0, x1 = d->x1;
        const double lo = d->lo, hi = d->hi;
        for (size_t i = 0; i < n; i++) {
            double p = plo + u[i] * pw, q = qlo - u[i] * pw;
            int low = p <= fm;
            double r = sqrt(low ? p * c_lo : q * c_hi);
            x[i] = clamp(low ? x0 + r : x1 - r, lo, hi);
        }
        return;
    }
    case AIROI__DK_PERT:
        for (size_t i = 0; i < n; i++) {
            double p = d->plo + u[i] * d->pw, q = d->qlo - u[i] * d->pw;
            x[i] = pert_quantile(d, p, q);
        }
        return;
    case AIROI__DK_DISCRETE:
        for (size_t i = 0; i < n; i++)
            x[i] = discrete_quantile(d, u[i]);
        return;
    default:
        for (size_t i = 0; i < n; i++)
            x[i] = (double)NAN;
        return;
    }
}

double airoi__dist_mean(const airoi__dist *d)
{
    return d->mean;
}

double airoi__dist_sd(const airoi__dist *d)
{
    return d->sd;
}

/* Triangular and uniform laws in whole lanes, the other laws one value at
 * a time: the same operations as airoi__dist_quantile() per value, so
 * every clone and lane gives the scalar path's bits. Both sides of each
 * choice are computed and then selected (airoi__sim_select), and each
 * row of u is read whole before its row of x is written (x may be u).
 * sqrt is correctly rounded, and so the same in every unit. */
AIROI__SIMD_CLONES
static void quantiles_lanes(const airoi__dist *d, double *x, const double *u, size_t rows)
{
    const double lo = d->lo, hi = d->hi, x0 = d->x0, x1 = d->x1;
    const double plo = d->plo, qlo = d->qlo, pw = d->pw, fm = d->fm;
    const double c_lo = d->c_lo, c_hi = d->c_hi;
    const int uniform = d->kind == AIROI__DK_UNIFORM;
    for (size_t r = 0; r < rows; r++, x += AIROI__SIM_LANES, u += AIROI__SIM_LANES) {
        double y[AIROI__SIM_LANES];
        if (uniform) {
            for (size_t i = 0; i < AIROI__SIM_LANES; i++)
                y[i] = x0 + x1 * u[i];
        } else {
            double a[AIROI__SIM_LANES];
            int64_t low[AIROI__SIM_LANES];
            for (size_t i = 0; i < AIROI__SIM_LANES; i++) {
                double p = plo + u[i] * pw, q = qlo - u[i] * pw;
                low[i] = p <= fm;
                a[i] = airoi__sim_select(low[i], p * c_lo, q * c_hi);
            }
            for (size_t i = 0; i < AIROI__SIM_LANES; i++) {
                double r2 = sqrt(a[i]);
                y[i] = airoi__sim_select(low[i], x0 + r2, x1 - r2);
            }
        }
        for (size_t i = 0; i < AIROI__SIM_LANES; i++) { /* clamp(y, lo, hi) */
            double c = y[i] < lo ? lo : y[i];
            x[i] = y[i] > hi ? hi : c;
        }
    }
}

void airoi__dist_quantiles_lanes(const airoi__dist *d, double *x, const double *u, size_t rows)
{
    if (d->kind == AIROI__DK_TRIANGULAR || d->kind == AIROI__DK_UNIFORM)
        quantiles_lanes(d, x, u, rows);
    else
        airoi__dist_quantiles(d, x, u, rows * AIROI__SIM_LANES);
}
