/*
 * tests/unit/test-sim-random.c: white-box tests of the simulation's
 * mathematics (lib/sim/random-private.h).
 *
 * Philox4x32-10 against the known-answer vectors of the authors' Random123
 * library (examples/kat_vectors); the normal quantile and distribution
 * function against reference values and each other; the incomplete beta
 * against closed forms; every distribution's quantile checked through its
 * distribution function (an independent formula), its exact mean and sd
 * against the textbook formulas or numerical integration of its density,
 * and its sample mean and sd over many draws against those within five
 * standard errors; truncation; the Gaussian copula's achieved Spearman
 * correlation within five standard errors; refusal and repair of
 * inconsistent correlations; Sobol points (stratification, index access,
 * convergence against plain Monte Carlo). Fixed seeds throughout: every
 * statistical check is deterministic.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "random-private.h"

#define PI 3.14159265358979323846

/* An assertion for hot loops: Check's ck_assert records every passing
 * check (a write each), which under valgrind costs minutes over a million
 * draws; this one costs nothing until it fails. */
#define EXPECT(cond, ...)                                                                    \
    do {                                                                                     \
        if (!(cond))                                                                         \
            ck_abort_msg(__VA_ARGS__);                                                       \
    } while (0)

/* ------------------------------------------------------------ helpers */

static airoi__uncertainty unc(airoi_distribution d)
{
    airoi__uncertainty u;
    memset(&u, 0, sizeof u);
    u.distribution = d;
    return u;
}

static void set(airoi__uncertainty *u, airoi_uncertainty_param param, double v)
{
    u->set |= 1ull << ((unsigned)param - (unsigned)AIROI_UNCERTAINTY_NAME);
    switch (param) {
    case AIROI_UNCERTAINTY_LOW: u->low = v; break;
    case AIROI_UNCERTAINTY_MODE: u->mode = v; break;
    case AIROI_UNCERTAINTY_HIGH: u->high = v; break;
    case AIROI_UNCERTAINTY_SHAPE: u->shape = v; break;
    case AIROI_UNCERTAINTY_MEAN: u->mean = v; break;
    case AIROI_UNCERTAINTY_SD: u->sd = v; break;
    case AIROI_UNCERTAINTY_MU: u->mu = v; break;
    case AIROI_UNCERTAINTY_SIGMA: u->sigma = v; break;
    case AIROI_UNCERTAINTY_P: u->p = v; break;
    case AIROI_UNCERTAINTY_IMPACT: u->impact = v; break;
    case AIROI_UNCERTAINTY_VALUE: u->value = v; break;
    case AIROI_UNCERTAINTY_MIN: u->min = v; break;
    case AIROI_UNCERTAINTY_MAX: u->max = v; break;
    default: ck_abort_msg("not a number parameter");
    }
}

/* d: zeroed or compiled before (released here first). */
static void compile_ok(airoi__dist *d, const airoi__uncertainty *u)
{
    char msg[256];
    airoi__dist_release(d);
    int rc = airoi__dist_compile(d, u, msg, sizeof msg);
    ck_assert_msg(rc == 0, "compile failed: %s", msg);
}

static void compile_fails(const airoi__uncertainty *u, const char *needle)
{
    char msg[256];
    airoi__dist d = { 0 };
    int rc = airoi__dist_compile(&d, u, msg, sizeof msg);
    ck_assert_int_eq(rc, AIROI_ERR_INVALID);
    ck_assert_msg(strstr(msg, needle) != NULL, "message '%s' lacks '%s'", msg, needle);
    airoi__dist_release(&d);
}

/* Parent densities and distribution functions, written independently of
 * the library (only erfc and tgamma from libm). */
static double phi_cdf(double z) { return 0.5 * erfc(-z / sqrt(2.0)); }
static double phi_pdf(double z) { return exp(-0.5 * z * z) / sqrt(2.0 * PI); }

/* I_x(a, b) for whole a, b: a binomial tail. */
static double beta_int_cdf(double x, int a, int b)
{
    int n = a + b - 1;
    double s = 0.0;
    for (int j = a; j <= n; j++) {
        double c = 1.0;
        for (int k = 1; k <= j; k++)
            c = c * (n - j + k) / k;
        s += c * pow(x, j) * pow(1.0 - x, n - j);
    }
    return s;
}

typedef double (*density_fn)(double x, const double *par);

static double dens_normal(double x, const double *par)
{
    return phi_pdf((x - par[0]) / par[1]) / par[1];
}
static double dens_lognormal(double x, const double *par)
{
    return x <= 0.0 ? 0.0 : phi_pdf((log(x) - par[0]) / par[1]) / (par[1] * x);
}
static double dens_triangular(double x, const double *par)
{
    double L = par[0], M = par[1], H = par[2];
    if (x < L || x > H)
        return 0.0;
    return x <= M ? 2.0 * (x - L) / ((H - L) * (M - L)) : 2.0 * (H - x) / ((H - L) * (H - M));
}
static double dens_pert(double x, const double *par)
{
    double L = par[0], M = par[1], H = par[2], s = par[3], W = H - L;
    double a = 1.0 + s * (M - L) / W, b = 1.0 + s * (H - M) / W;
    double y = (x - L) / W;
    if (y <= 0.0 || y >= 1.0)
        return 0.0;
    double B = tgamma(a) * tgamma(b) / tgamma(a + b);
    return pow(y, a - 1.0) * pow(1.0 - y, b - 1.0) / (B * W);
}

/* Mean and sd of the density restricted to [lo, hi], by composite Simpson
 * with 20,000 panels on each side of kink (a point where the density is
 * not smooth, or NAN), so that the rule's error stays near 1e-15. */
static void simpson(double m[3], density_fn f, const double *par, double lo, double hi)
{
    const int n = 20000;
    double h = (hi - lo) / n;
    for (int i = 0; i <= n; i++) {
        double x = lo + h * i;
        double w = ((i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0)) * h / 3.0;
        double fx = f(x, par) * w;
        m[0] += fx;
        m[1] += fx * x;
        m[2] += fx * x * x;
    }
}

static void integrate_moments(double *mean, double *sd, density_fn f, const double *par, double lo,
                              double hi, double kink)
{
    double m[3] = { 0.0, 0.0, 0.0 };
    if (kink > lo && kink < hi) {
        simpson(m, f, par, lo, kink);
        simpson(m, f, par, kink, hi);
    } else {
        simpson(m, f, par, lo, hi);
    }
    *mean = m[1] / m[0];
    *sd = sqrt(m[2] / m[0] - (*mean) * (*mean));
}

/* Draws n values of d from Philox uniforms (seed, trial i, dimension 0)
 * and checks the sample mean and sd against the exact ones within five
 * standard errors, and that every draw lies in [lo, hi]. */
static void check_sample(const airoi__dist *d, uint64_t seed, size_t n, double lo, double hi,
                         const char *what)
{
    double *x = malloc(n * sizeof *x);
    ck_assert_ptr_nonnull(x);
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        x[i] = airoi__dist_quantile(d, airoi__sim_uniform(seed, i, 0));
        EXPECT(x[i] >= lo && x[i] <= hi, "%s: draw %g outside [%g, %g]", what, x[i], lo, hi);
        s += x[i];
    }
    double m = s / (double)n, m2 = 0.0, m4 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double e = x[i] - m;
        m2 += e * e;
        m4 += e * e * e * e;
    }
    m2 /= (double)n;
    m4 /= (double)n;
    double mean = airoi__dist_mean(d), sd = airoi__dist_sd(d);
    double se_mean = sd / sqrt((double)n);
    ck_assert_msg(fabs(m - mean) <= 5.0 * se_mean + 1e-12,
                  "%s: sample mean %.10g, exact %.10g, se %.3g", what, m, mean, se_mean);
    double s_sd = sqrt(m2);
    double se_var = sqrt(fmax(m4 - m2 * m2, 0.0) / (double)n);
    double se_sd = s_sd > 0.0 ? se_var / (2.0 * s_sd) : 0.0;
    ck_assert_msg(fabs(s_sd - sd) <= 5.0 * se_sd + 1e-12,
                  "%s: sample sd %.10g, exact %.10g, se %.3g", what, s_sd, sd, se_sd);
    free(x);
}

/* ------------------------------------------------------------- Philox */

START_TEST(philox_known_answers)
{
    /* Random123 examples/kat_vectors, "philox4x32 10" lines: counter,
     * key, expected output. */
    static const uint32_t kat[3][10] = {
        { 0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8 },
        { 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
          0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd },
        { 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
          0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1 },
    };
    for (int t = 0; t < 3; t++) {
        uint32_t out[4];
        airoi__philox4x32_10(out, kat[t], kat[t] + 4);
        for (int k = 0; k < 4; k++)
            ck_assert_msg(out[k] == kat[t][6 + k], "vector %d word %d: %08x, expected %08x", t,
                          k, out[k], kat[t][6 + k]);
    }
}
END_TEST

START_TEST(uniforms_vector_equals_scalar)
{
    double u[37];
    for (uint64_t dim0 = 0; dim0 < 9; dim0++) {
        for (size_t n = 0; n <= 37; n += 5) {
            airoi__sim_uniforms(u, n, 42, 7, dim0);
            for (size_t k = 0; k < n; k++)
                ck_assert(u[k] == airoi__sim_uniform(42, 7, dim0 + k));
        }
    }
    /* Word dim % 4 of Philox with counter (trial, dim / 4) and key seed. */
    uint64_t seed = 0x0123456789ABCDEFull, trial = 0xFEDCBA9876543210ull;
    uint32_t ctr[4] = { (uint32_t)trial, (uint32_t)(trial >> 32), 5, 0 };
    uint32_t key[2] = { (uint32_t)seed, (uint32_t)(seed >> 32) };
    uint32_t w[4];
    airoi__philox4x32_10(w, ctr, key);
    ck_assert(airoi__sim_uniform(seed, trial, 22) == ((double)w[2] + 0.5) / 4294967296.0);
    /* Streams differ by seed, trial and dimension. */
    ck_assert(airoi__sim_uniform(1, 0, 0) != airoi__sim_uniform(2, 0, 0));
    ck_assert(airoi__sim_uniform(1, 0, 0) != airoi__sim_uniform(1, 1, 0));
    ck_assert(airoi__sim_uniform(1, 0, 0) != airoi__sim_uniform(1, 0, 1));
}
END_TEST

START_TEST(uniforms_in_open_interval_and_uniform)
{
    const size_t n = 200000;
    double s = 0.0, s2 = 0.0;
    size_t below = 0;
    for (size_t i = 0; i < n; i++) {
        double u = airoi__sim_uniform(2026, i, i % 7);
        EXPECT(u > 0.0 && u < 1.0, "u = %a", u);
        s += u;
        s2 += u * u;
        below += u < 0.1;
    }
    /* mean 1/2 (sd 1/sqrt 12), E u^2 = 1/3 (sd sqrt(4/45)), P(u < 0.1). */
    ck_assert(fabs(s / n - 0.5) <= 5.0 * sqrt(1.0 / 12.0 / n));
    ck_assert(fabs(s2 / n - 1.0 / 3.0) <= 5.0 * sqrt(4.0 / 45.0 / n));
    ck_assert(fabs((double)below / n - 0.1) <= 5.0 * sqrt(0.09 / n));
    /* The extreme words map inside (0, 1). */
    ck_assert(((double)0u + 0.5) / 4294967296.0 > 0.0);
    ck_assert(((double)UINT32_MAX + 0.5) / 4294967296.0 < 1.0);
}
END_TEST

/* ------------------------------------------------------------- normal */

START_TEST(normal_reference_values)
{
    /* Reference values (R's qnorm / pnorm, 16 digits). */
    ck_assert(fabs(airoi__norm_quantile(0.975) - 1.959963984540054) < 1e-14);
    ck_assert(fabs(airoi__norm_quantile(0.99) - 2.326347874040841) < 1e-14);
    ck_assert(fabs(airoi__norm_quantile(0.001) + 3.090232306167814) < 1e-14);
    ck_assert(airoi__norm_quantile(0.5) == 0.0);
    ck_assert(fabs(airoi__norm_cdf(1.96) - 0.9750021048517795) < 1e-15);
    ck_assert(fabs(airoi__norm_cdf(-5.0) / 2.866515718791939e-07 - 1.0) < 1e-13);
    /* Round trips across the range, tails included (relative in the tail
     * probability). */
    for (int e = 1; e <= 300; e += 7) {
        double p = pow(10.0, -e);
        double z = airoi__norm_quantile(p);
        ck_assert_msg(fabs(airoi__norm_cdf(z) / p - 1.0) < 1e-12, "p = 1e-%d: z = %.17g", e, z);
        ck_assert(airoi__norm_quantile_pq(1.0 - p, p) == -z);
    }
    for (int k = 1; k < 1000; k++) {
        double p = k / 1000.0;
        double z = airoi__norm_quantile(p);
        ck_assert_msg(fabs(airoi__norm_cdf(z) - p) < 2e-16 * 8 + 1e-15 * p, "p = %g", p);
        ck_assert(z == -airoi__norm_quantile_pq(1.0 - p, p) || fabs(z + airoi__norm_quantile(1.0 - p)) < 1e-14);
    }
}
END_TEST

/* --------------------------------------------------------------- beta */

START_TEST(incomplete_beta_closed_forms)
{
    static const int ab[][2] = { { 1, 1 }, { 2, 3 }, { 3, 3 }, { 5, 1 }, { 4, 2 }, { 2, 9 } };
    for (size_t t = 0; t < sizeof ab / sizeof ab[0]; t++) {
        double a = ab[t][0], b = ab[t][1], lb = airoi__lbeta(a, b);
        for (int k = 1; k < 100; k++) {
            double x = k / 100.0, q;
            double p = airoi__beta_inc(x, a, b, lb, &q);
            double ref = beta_int_cdf(x, ab[t][0], ab[t][1]);
            ck_assert_msg(fabs(p - ref) < 1e-14, "I_%g(%g, %g) = %.17g, expected %.17g", x, a, b,
                          p, ref);
            ck_assert(fabs(p + q - 1.0) < 1e-15);
        }
    }
    /* ln B past a + b = 170 (Stirling's series) against lgamma. */
    static const double big[][2] = { { 100.0, 80.0 }, { 1.0, 200.0 }, { 100.5, 90.25 },
                                     { 3.5, 400.0 }, { 169.0, 2.0 } };
    for (size_t t = 0; t < sizeof big / sizeof big[0]; t++) {
        double x = big[t][0], y = big[t][1];
        double ref = lgamma(x) + lgamma(y) - lgamma(x + y);
        ck_assert_msg(fabs(airoi__lbeta(x, y) - ref) <= 1e-13 * fabs(ref),
                      "ln B(%g, %g) = %.17g, lgamma gives %.17g", x, y, airoi__lbeta(x, y), ref);
    }
    /* I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b for real a, b. */
    double a = 2.5, b = 3.7;
    for (int k = 1; k < 50; k++) {
        double x = k / 50.0;
        ck_assert(fabs(airoi__beta_inc(x, a, 1.0, airoi__lbeta(a, 1.0), NULL) - pow(x, a)) < 1e-14);
        ck_assert(fabs(airoi__beta_inc(x, 1.0, b, airoi__lbeta(1.0, b), NULL)
                       - (1.0 - pow(1.0 - x, b)))
                  < 1e-14);
    }
}
END_TEST

/* The PERT quantile solves I_y(alpha, beta) = u to 1e-12 in x, tails
 * included, against bisection on the closed form of whole shapes. */
START_TEST(pert_quantile_accuracy)
{
    /* low, mode, high: alpha, beta = 3, 3 / 1, 5 / 2, 4 (shape 4). */
    static const double cases[][3] = { { 0.0, 0.5, 1.0 }, { 10.0, 10.0, 20.0 }, { -1.0, 0.5, 5.0 } };
    static const int shapes[][2] = { { 3, 3 }, { 1, 5 }, { 2, 4 } };
    for (int c = 0; c < 3; c++) {
        airoi__uncertainty u = unc(AIROI_DIST_PERT);
        set(&u, AIROI_UNCERTAINTY_LOW, cases[c][0]);
        set(&u, AIROI_UNCERTAINTY_MODE, cases[c][1]);
        set(&u, AIROI_UNCERTAINTY_HIGH, cases[c][2]);
        airoi__dist d = { 0 };
        compile_ok(&d, &u);
        double L = cases[c][0], W = cases[c][2] - cases[c][0];
        static const double ps[] = { 1e-12, 1e-9, 1e-6, 0.001, 0.01, 0.1, 0.25, 0.3, 0.5,
                                     0.6, 0.77, 0.9, 0.99, 0.999999, 1.0 - 1e-9 };
        for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
            double x = airoi__dist_quantile(&d, ps[k]);
            /* Bisection on the closed form, on the side where it is
             * accurate (the mirrored law above the median). */
            int up = ps[k] > 0.5;
            int a = up ? shapes[c][1] : shapes[c][0], b = up ? shapes[c][0] : shapes[c][1];
            double target = up ? 1.0 - ps[k] : ps[k];
            double lo = 0.0, hi = 1.0;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                if (beta_int_cdf(mid, a, b) < target)
                    lo = mid;
                else
                    hi = mid;
            }
            double y = 0.5 * (lo + hi);
            double ref = up ? cases[c][2] - W * y : L + W * y;
            ck_assert_msg(fabs(x - ref) <= 1e-12 * W,
                          "case %d: Q(%g) = %.17g, reference %.17g", c, ps[k], x, ref);
        }
        airoi__dist_release(&d);
    }
    /* A dense check with a non-integer shape: I_y(alpha, beta) at the
     * quantile equals u. */
    airoi__uncertainty u = unc(AIROI_DIST_PERT);
    set(&u, AIROI_UNCERTAINTY_LOW, 0.7);
    set(&u, AIROI_UNCERTAINTY_MODE, 1.0);
    set(&u, AIROI_UNCERTAINTY_HIGH, 1.2);
    set(&u, AIROI_UNCERTAINTY_SHAPE, 5.5);
    airoi__dist d = { 0 };
    compile_ok(&d, &u);
    for (int k = 1; k < 4000; k++) {
        double p = k / 4000.0;
        double y = (airoi__dist_quantile(&d, p) - 0.7) / 0.5;
        double q;
        double back = airoi__beta_inc(y, d.alpha, d.beta, d.lbeta, &q);
        EXPECT(fabs(back - p) <= 1e-14 + 1e-13 * p, "u = %g: I = %.17g", p, back);
    }
    airoi__dist_release(&d);
}
END_TEST

/* ------------------------------------------------------- distributions */

START_TEST(dist_fixed_uniform_triangular)
{
    airoi__dist d = { 0 };
    airoi__uncertainty u = unc(AIROI_DIST_FIXED);
    compile_ok(&d, &u);
    ck_assert(airoi__dist_quantile(&d, 0.3) == 1.0 && airoi__dist_mean(&d) == 1.0);
    ck_assert(airoi__dist_sd(&d) == 0.0);
    set(&u, AIROI_UNCERTAINTY_VALUE, 1.25);
    compile_ok(&d, &u);
    ck_assert(airoi__dist_quantile(&d, 0.9) == 1.25);

    u = unc(AIROI_DIST_UNIFORM);
    set(&u, AIROI_UNCERTAINTY_LOW, 0.8);
    set(&u, AIROI_UNCERTAINTY_HIGH, 1.4);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - 1.1) < 1e-15);
    ck_assert(fabs(airoi__dist_sd(&d) - 0.6 / sqrt(12.0)) < 1e-15);
    ck_assert(fabs(airoi__dist_quantile(&d, 0.25) - 0.95) < 1e-15);
    check_sample(&d, 11, 50000, 0.8, 1.4, "uniform");
    /* Truncated: uniform on the intersection. */
    set(&u, AIROI_UNCERTAINTY_MIN, 1.0);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - 1.2) < 1e-15);
    ck_assert(fabs(airoi__dist_quantile(&d, 0.5) - 1.2) < 1e-15);
    check_sample(&d, 12, 50000, 1.0, 1.4, "uniform truncated");

    u = unc(AIROI_DIST_TRIANGULAR);
    double L = 0.9, M = 1.0, H = 1.5;
    set(&u, AIROI_UNCERTAINTY_LOW, L);
    set(&u, AIROI_UNCERTAINTY_MODE, M);
    set(&u, AIROI_UNCERTAINTY_HIGH, H);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - (L + M + H) / 3.0) < 1e-15);
    ck_assert(fabs(airoi__dist_sd(&d)
                   - sqrt((L * L + M * M + H * H - L * M - L * H - M * H) / 18.0)) < 1e-15);
    static const double ps[] = { 0.01, 0.1, 1.0 / 6.0, 0.5, 0.9, 0.999 };
    for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
        double x = airoi__dist_quantile(&d, ps[k]);
        double F = x <= M ? (x - L) * (x - L) / ((H - L) * (M - L))
                          : 1.0 - (H - x) * (H - x) / ((H - L) * (H - M));
        ck_assert_msg(fabs(F - ps[k]) < 1e-14, "triangular F(Q(%g)) = %.17g", ps[k], F);
    }
    check_sample(&d, 13, 50000, L, H, "triangular");
    /* Truncated on both sides, across the mode. */
    set(&u, AIROI_UNCERTAINTY_MIN, 0.95);
    set(&u, AIROI_UNCERTAINTY_MAX, 1.3);
    compile_ok(&d, &u);
    double par[3] = { L, M, H }, m, s;
    integrate_moments(&m, &s, dens_triangular, par, 0.95, 1.3, M);
    ck_assert_msg(fabs(airoi__dist_mean(&d) - m) < 1e-10, "%.15g vs %.15g", airoi__dist_mean(&d), m);
    ck_assert(fabs(airoi__dist_sd(&d) - s) < 1e-10);
    for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
        double x = airoi__dist_quantile(&d, ps[k]);
        double Fx = x <= M ? (x - L) * (x - L) / ((H - L) * (M - L))
                           : 1.0 - (H - x) * (H - x) / ((H - L) * (H - M));
        double Fa = (0.95 - L) * (0.95 - L) / ((H - L) * (M - L));
        double Fb = 1.0 - (H - 1.3) * (H - 1.3) / ((H - L) * (H - M));
        ck_assert(fabs((Fx - Fa) / (Fb - Fa) - ps[k]) < 1e-13);
    }
    check_sample(&d, 14, 50000, 0.95, 1.3, "triangular truncated");
    airoi__dist_release(&d);
}
END_TEST

START_TEST(dist_pert)
{
    airoi__dist d = { 0 };
    airoi__uncertainty u = unc(AIROI_DIST_PERT);
    double L = 0.7, M = 1.0, H = 1.2;
    set(&u, AIROI_UNCERTAINTY_LOW, L);
    set(&u, AIROI_UNCERTAINTY_MODE, M);
    set(&u, AIROI_UNCERTAINTY_HIGH, H);
    compile_ok(&d, &u);
    /* Shape 4: mean (L + 4M + H) / 6, variance (mean - L)(H - mean) / 7. */
    double mean = (L + 4 * M + H) / 6.0;
    ck_assert(fabs(airoi__dist_mean(&d) - mean) < 1e-15);
    ck_assert(fabs(airoi__dist_sd(&d) - sqrt((mean - L) * (H - mean) / 7.0)) < 1e-15);
    ck_assert(fabs(d.alpha - (1.0 + 4.0 * 0.3 / 0.5)) < 1e-15);
    ck_assert(fabs(d.beta - (1.0 + 4.0 * 0.2 / 0.5)) < 1e-15);
    check_sample(&d, 21, 50000, L, H, "pert");
    airoi__dist_release(&d);
    /* Another shape, then truncated: moments by integration. */
    set(&u, AIROI_UNCERTAINTY_SHAPE, 2.5);
    set(&u, AIROI_UNCERTAINTY_MIN, 0.8);
    set(&u, AIROI_UNCERTAINTY_MAX, 1.15);
    compile_ok(&d, &u);
    double par[4] = { L, M, H, 2.5 }, m, s;
    integrate_moments(&m, &s, dens_pert, par, 0.8, 1.15, (double)NAN);
    ck_assert_msg(fabs(airoi__dist_mean(&d) - m) < 1e-10, "%.15g vs %.15g", airoi__dist_mean(&d), m);
    ck_assert_msg(fabs(airoi__dist_sd(&d) - s) < 1e-10, "%.15g vs %.15g", airoi__dist_sd(&d), s);
    /* Quantile of the truncated law: F(x) = F(min) + u (F(max) - F(min)). */
    double Fa = airoi__beta_inc((0.8 - L) / 0.5, d.alpha, d.beta, d.lbeta, NULL);
    double Fb = airoi__beta_inc((1.15 - L) / 0.5, d.alpha, d.beta, d.lbeta, NULL);
    for (int k = 1; k < 20; k++) {
        double p = k / 20.0;
        double x = airoi__dist_quantile(&d, p);
        double F = airoi__beta_inc((x - L) / 0.5, d.alpha, d.beta, d.lbeta, NULL);
        ck_assert(fabs((F - Fa) / (Fb - Fa) - p) < 1e-12);
    }
    check_sample(&d, 22, 50000, 0.8, 1.15, "pert truncated");
    airoi__dist_release(&d);
    /* Mode at an end: alpha = 1. */
    u = unc(AIROI_DIST_PERT);
    set(&u, AIROI_UNCERTAINTY_LOW, 0.0);
    set(&u, AIROI_UNCERTAINTY_MODE, 0.0);
    set(&u, AIROI_UNCERTAINTY_HIGH, 2.0);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - 2.0 / 6.0) < 1e-15);
    check_sample(&d, 23, 50000, 0.0, 2.0, "pert mode at low");
    /* A very large shape (alpha + beta = 202: ln B by Stirling's series). */
    u = unc(AIROI_DIST_PERT);
    set(&u, AIROI_UNCERTAINTY_LOW, 0.0);
    set(&u, AIROI_UNCERTAINTY_MODE, 0.3);
    set(&u, AIROI_UNCERTAINTY_HIGH, 1.0);
    set(&u, AIROI_UNCERTAINTY_SHAPE, 200.0);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - 61.0 / 202.0) < 1e-15);
    for (int k = 1; k < 50; k++) {
        double p = k / 50.0, q;
        double back = airoi__beta_inc(airoi__dist_quantile(&d, p), 61.0, 141.0, d.lbeta, &q);
        ck_assert_msg(fabs(back - p) < 1e-13, "u = %g: I = %.17g", p, back);
    }
    check_sample(&d, 24, 50000, 0.0, 1.0, "pert with shape 200");
    airoi__dist_release(&d);
}
END_TEST

START_TEST(dist_normal_lognormal)
{
    airoi__dist d = { 0 };
    airoi__uncertainty u = unc(AIROI_DIST_NORMAL);
    set(&u, AIROI_UNCERTAINTY_MEAN, 1.0);
    set(&u, AIROI_UNCERTAINTY_SD, 0.2);
    compile_ok(&d, &u);
    ck_assert(airoi__dist_mean(&d) == 1.0 && fabs(airoi__dist_sd(&d) - 0.2) < 1e-15);
    ck_assert(fabs(airoi__dist_quantile(&d, 0.975) - (1.0 + 0.2 * 1.959963984540054)) < 1e-14);
    check_sample(&d, 31, 50000, -HUGE_VAL, HUGE_VAL, "normal");
    /* Truncated at the mean: half-normal, mean + sd sqrt(2 / pi), sd^2 (1 - 2 / pi). */
    set(&u, AIROI_UNCERTAINTY_MIN, 1.0);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - (1.0 + 0.2 * sqrt(2.0 / PI))) < 1e-14);
    ck_assert(fabs(airoi__dist_sd(&d) - 0.2 * sqrt(1.0 - 2.0 / PI)) < 1e-14);
    check_sample(&d, 32, 50000, 1.0, HUGE_VAL, "normal truncated below");
    /* Both sides, in the upper tail (precision of the upper side). */
    set(&u, AIROI_UNCERTAINTY_MIN, 1.0 + 0.2 * 6.0);
    set(&u, AIROI_UNCERTAINTY_MAX, 1.0 + 0.2 * 7.0);
    compile_ok(&d, &u);
    double par[2] = { 1.0, 0.2 }, m, s;
    integrate_moments(&m, &s, dens_normal, par, 2.2, 2.4, (double)NAN);
    ck_assert_msg(fabs(airoi__dist_mean(&d) - m) < 1e-9, "%.15g vs %.15g", airoi__dist_mean(&d), m);
    ck_assert_msg(fabs(airoi__dist_sd(&d) - s) < 1e-9, "%.15g vs %.15g", airoi__dist_sd(&d), s);
    for (int k = 1; k < 10; k++) {
        double p = k / 10.0, x = airoi__dist_quantile(&d, p);
        /* Upper tails: S(x) = S(min) - p (S(min) - S(max)). */
        double Sa = phi_cdf(-6.0), Sb = phi_cdf(-7.0), Sx = phi_cdf(-(x - 1.0) / 0.2);
        ck_assert_msg(fabs((Sa - Sx) / (Sa - Sb) - p) < 1e-11, "p = %g: %.17g", p,
                      (Sa - Sx) / (Sa - Sb));
    }
    check_sample(&d, 33, 50000, 2.2, 2.4, "normal in the far tail");

    /* Lognormal by mean and sd of the variable. */
    u = unc(AIROI_DIST_LOGNORMAL);
    set(&u, AIROI_UNCERTAINTY_MEAN, 1.1);
    set(&u, AIROI_UNCERTAINTY_SD, 0.3);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - 1.1) < 1e-14);
    ck_assert(fabs(airoi__dist_sd(&d) - 0.3) < 1e-14);
    double s2 = log(1.0 + (0.3 / 1.1) * (0.3 / 1.1)), mu = log(1.1) - 0.5 * s2;
    ck_assert(fabs(airoi__dist_quantile(&d, 0.5) - exp(mu)) < 1e-14);
    check_sample(&d, 34, 50000, 0.0, HUGE_VAL, "lognormal");
    /* By mu and sigma, then truncated on both sides. */
    u = unc(AIROI_DIST_LOGNORMAL);
    set(&u, AIROI_UNCERTAINTY_MU, 0.0);
    set(&u, AIROI_UNCERTAINTY_SIGMA, 0.5);
    airoi__dist_release(&d);
    ck_assert(airoi__dist_compile(&d, &u, NULL, 0) == 0);
    ck_assert(fabs(airoi__dist_mean(&d) - exp(0.125)) < 1e-15);
    ck_assert(fabs(airoi__dist_sd(&d) - exp(0.125) * sqrt(expm1(0.25))) < 1e-14);
    set(&u, AIROI_UNCERTAINTY_MIN, 0.5);
    set(&u, AIROI_UNCERTAINTY_MAX, 2.0);
    compile_ok(&d, &u);
    double lpar[2] = { 0.0, 0.5 };
    integrate_moments(&m, &s, dens_lognormal, lpar, 0.5, 2.0, (double)NAN);
    ck_assert_msg(fabs(airoi__dist_mean(&d) - m) < 1e-10, "%.15g vs %.15g", airoi__dist_mean(&d), m);
    ck_assert(fabs(airoi__dist_sd(&d) - s) < 1e-10);
    for (int k = 1; k < 10; k++) {
        double p = k / 10.0, x = airoi__dist_quantile(&d, p);
        double Fa = phi_cdf(log(0.5) / 0.5), Fb = phi_cdf(log(2.0) / 0.5);
        ck_assert(fabs((phi_cdf(log(x) / 0.5) - Fa) / (Fb - Fa) - p) < 1e-12);
    }
    check_sample(&d, 35, 50000, 0.5, 2.0, "lognormal truncated");
    airoi__dist_release(&d);
}
END_TEST

START_TEST(dist_discrete_bernoulli)
{
    airoi__dist d = { 0 };
    airoi__uncertainty u = unc(AIROI_DIST_DISCRETE);
    double values[] = { 2.0, 0.5, 1.5, 1.0 };
    double probs[] = { 0.4, 0.1, 0.3, 0.2 };
    u.values = values;
    u.probabilities = probs;
    u.n_values = 4;
    compile_ok(&d, &u);
    /* Sorted: 0.5 (0.1), 1 (0.2), 1.5 (0.3), 2 (0.4). */
    ck_assert(airoi__dist_quantile(&d, 0.05) == 0.5);
    ck_assert(airoi__dist_quantile(&d, 0.25) == 1.0);
    ck_assert(airoi__dist_quantile(&d, 0.59) == 1.5);
    ck_assert(airoi__dist_quantile(&d, 0.61) == 2.0);
    double mean = 0.05 + 0.2 + 0.45 + 0.8;
    ck_assert(fabs(airoi__dist_mean(&d) - mean) < 1e-15);
    double var = 0.1 * 0.25 + 0.2 * 1.0 + 0.3 * 2.25 + 0.4 * 4.0 - mean * mean;
    ck_assert(fabs(airoi__dist_sd(&d) - sqrt(var)) < 1e-14);
    check_sample(&d, 41, 50000, 0.5, 2.0, "discrete");
    /* Truncated to [0.9, 1.6]: 1 (0.4) and 1.5 (0.6). */
    set(&u, AIROI_UNCERTAINTY_MIN, 0.9);
    set(&u, AIROI_UNCERTAINTY_MAX, 1.6);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - 1.3) < 1e-15);
    ck_assert(fabs(airoi__dist_sd(&d) - sqrt(0.24) * 0.5) < 1e-15);
    ck_assert(airoi__dist_quantile(&d, 0.39) == 1.0 && airoi__dist_quantile(&d, 0.41) == 1.5);
    check_sample(&d, 42, 50000, 1.0, 1.5, "discrete truncated");
    /* Many values: the binary search agrees with a linear scan. */
    double v20[20], p20[20];
    for (int i = 0; i < 20; i++) {
        v20[i] = 19 - i;
        p20[i] = 0.05;
    }
    u = unc(AIROI_DIST_DISCRETE);
    u.values = v20;
    u.probabilities = p20;
    u.n_values = 20;
    compile_ok(&d, &u);
    for (int k = 0; k < 1000; k++) {
        double p = (k + 0.5) / 1000.0;
        ck_assert(airoi__dist_quantile(&d, p) == floor(p * 20.0));
    }
    ck_assert(fabs(airoi__dist_mean(&d) - 9.5) < 1e-13);

    /* Bernoulli: 1 + impact with probability p. */
    u = unc(AIROI_DIST_BERNOULLI);
    set(&u, AIROI_UNCERTAINTY_P, 0.2);
    set(&u, AIROI_UNCERTAINTY_IMPACT, -0.5);
    compile_ok(&d, &u);
    ck_assert(fabs(airoi__dist_mean(&d) - 0.9) < 1e-15);
    ck_assert(fabs(airoi__dist_sd(&d) - 0.5 * 0.4) < 1e-15);
    ck_assert(airoi__dist_quantile(&d, 0.1) == 0.5 && airoi__dist_quantile(&d, 0.3) == 1.0);
    check_sample(&d, 43, 50000, 0.5, 1.0, "bernoulli");
    /* p = 0: always 1. */
    set(&u, AIROI_UNCERTAINTY_P, 0.0);
    compile_ok(&d, &u);
    ck_assert(airoi__dist_quantile(&d, 0.999) == 1.0 && airoi__dist_sd(&d) == 0.0);
    airoi__dist_release(&d);
}
END_TEST

START_TEST(dist_vector_equals_scalar)
{
    airoi__uncertainty us[4] = { unc(AIROI_DIST_NORMAL), unc(AIROI_DIST_UNIFORM),
                                 unc(AIROI_DIST_PERT), unc(AIROI_DIST_FIXED) };
    set(&us[0], AIROI_UNCERTAINTY_MEAN, 1.0);
    set(&us[0], AIROI_UNCERTAINTY_SD, 0.1);
    set(&us[0], AIROI_UNCERTAINTY_MIN, 0.95);
    set(&us[1], AIROI_UNCERTAINTY_LOW, 0.5);
    set(&us[1], AIROI_UNCERTAINTY_HIGH, 1.5);
    set(&us[2], AIROI_UNCERTAINTY_LOW, 0.5);
    set(&us[2], AIROI_UNCERTAINTY_MODE, 0.9);
    set(&us[2], AIROI_UNCERTAINTY_HIGH, 1.5);
    double u[64], x[64];
    airoi__sim_uniforms(u, 64, 5, 5, 0);
    for (int k = 0; k < 4; k++) {
        airoi__dist d = { 0 };
        compile_ok(&d, &us[k]);
        airoi__dist_quantiles(&d, x, u, 64);
        for (int i = 0; i < 64; i++)
            ck_assert(x[i] == airoi__dist_quantile(&d, u[i]));
        airoi__dist_release(&d);
    }
}
END_TEST

/* The batch paths (Philox over several counters at once, the inverse
 * distribution functions over arrays) give the scalar path's values bit
 * for bit, for every law, plain and truncated, at every offset and length:
 * the values a trial draws do not depend on which path drew them. */
START_TEST(fast_paths_equal_scalar)
{
    static double u[1000], x[1000], ref[1000];
    const uint64_t seeds[] = { 0, 42, 0xFFFFFFFFFFFFFFFFull };
    const uint64_t trials[] = { 0, 7, 0x00000001FFFFFFFFull, 0xFEDCBA9876543210ull };
    for (size_t a = 0; a < 3; a++)
        for (size_t b = 0; b < 4; b++)
            for (uint64_t dim0 = 0; dim0 < 10; dim0++)
                for (size_t n = 0; n <= 300; n += (n < 70 ? 1 : 23)) {
                    airoi__sim_uniforms(u, n, seeds[a], trials[b], dim0);
                    for (size_t k = 0; k < n; k++)
                        EXPECT(u[k] == airoi__sim_uniform(seeds[a], trials[b], dim0 + k),
                               "uniform %zu of %zu (dim0 %llu) differs", k, n,
                               (unsigned long long)dim0);
                }
    /* Trial blocks (input major): AIROI__SIM_LANES trials side by side,
     * four dimensions a row each, across 2^32 trials and blocks too. */
    const uint64_t blocks[] = { 0, 1, 5, 0x100000001ull };
    enum { L = AIROI__SIM_LANES, STRIDE = AIROI__SIM_LANES + 3 };
    /* every kernel this processor runs (portable, AVX2, AVX-512VL), and
     * the one the engine picks */
    for (int level = -1; level <= 2; level++)
        for (size_t a = 0; a < 3; a++)
            for (size_t b = 0; b < 4; b++)
                for (size_t c = 0; c < 4; c++) {
                    double rows[4 * STRIDE];
                    if (level < 0)
                        airoi__sim_uniforms_trials(rows, STRIDE, seeds[a], trials[b], blocks[c]);
                    else if (airoi__sim_uniforms_trials_at(level, rows, STRIDE, seeds[a],
                                                           trials[b], blocks[c]) != level)
                        continue; /* not on this processor */
                    for (size_t w = 0; w < 4; w++)
                        for (size_t j = 0; j < L; j++)
                            EXPECT(rows[w * STRIDE + j] ==
                                       airoi__sim_uniform(seeds[a], trials[b] + j,
                                                          4 * blocks[c] + w),
                                   "trial block (kernel %d): trial %zu, dimension %zu differs",
                                   level, j, w);
                }

    /* Laws. */
    double dv[12], dp[12];
    for (int i = 0; i < 12; i++) {
        dv[i] = 0.1 * (double)((i * 7) % 12);
        dp[i] = 1.0 / 12.0;
    }
    enum { NL = 14 };
    airoi__uncertainty us[NL];
    us[0] = unc(AIROI_DIST_FIXED);
    us[1] = unc(AIROI_DIST_UNIFORM);
    set(&us[1], AIROI_UNCERTAINTY_LOW, 0.5);
    set(&us[1], AIROI_UNCERTAINTY_HIGH, 1.5);
    us[2] = us[1];
    set(&us[2], AIROI_UNCERTAINTY_MIN, 0.7);
    us[3] = unc(AIROI_DIST_TRIANGULAR);
    set(&us[3], AIROI_UNCERTAINTY_LOW, 0.6);
    set(&us[3], AIROI_UNCERTAINTY_MODE, 0.9);
    set(&us[3], AIROI_UNCERTAINTY_HIGH, 1.7);
    us[4] = us[3];
    set(&us[4], AIROI_UNCERTAINTY_MIN, 0.8);
    set(&us[4], AIROI_UNCERTAINTY_MAX, 1.2);
    us[5] = unc(AIROI_DIST_PERT);
    set(&us[5], AIROI_UNCERTAINTY_LOW, 0.5);
    set(&us[5], AIROI_UNCERTAINTY_MODE, 0.7);
    set(&us[5], AIROI_UNCERTAINTY_HIGH, 2.0);
    us[6] = us[5];
    set(&us[6], AIROI_UNCERTAINTY_MAX, 1.1);
    us[7] = unc(AIROI_DIST_NORMAL);
    set(&us[7], AIROI_UNCERTAINTY_MEAN, 1.0);
    set(&us[7], AIROI_UNCERTAINTY_SD, 0.3);
    us[8] = us[7];
    set(&us[8], AIROI_UNCERTAINTY_MIN, 0.9);
    us[9] = unc(AIROI_DIST_LOGNORMAL);
    set(&us[9], AIROI_UNCERTAINTY_MU, 0.0);
    set(&us[9], AIROI_UNCERTAINTY_SIGMA, 0.25);
    us[10] = us[9];
    set(&us[10], AIROI_UNCERTAINTY_MAX, 1.3);
    us[11] = unc(AIROI_DIST_BERNOULLI);
    set(&us[11], AIROI_UNCERTAINTY_P, 0.3);
    set(&us[11], AIROI_UNCERTAINTY_IMPACT, 0.5);
    us[12] = unc(AIROI_DIST_DISCRETE);
    us[12].values = dv;
    us[12].probabilities = dp;
    us[12].n_values = 12;
    us[13] = us[12];
    us[13].n_values = 4; /* few values: the linear scan */
    double dp4[4] = { 0.1, 0.2, 0.3, 0.4 };
    us[13].probabilities = dp4;

    /* Random uniforms, then the extremes and the triangular mode's edge. */
    airoi__sim_uniforms(u, 1000, 99, 3, 0);
    u[0] = 0x1p-33;
    u[1] = 1.0 - 0x1p-33;
    u[2] = 0x1p-60;
    u[3] = 1.0 - 0x1p-53;
    u[4] = 0.5;
    u[5] = 0.3 / 1.1;
    for (int k = 0; k < NL; k++) {
        airoi__dist d = { 0 };
        compile_ok(&d, &us[k]);
        for (size_t i = 0; i < 1000; i++)
            ref[i] = airoi__dist_quantile(&d, u[i]);
        /* every length and alignment of the batch, and in place */
        for (size_t off = 0; off < 3; off++) {
            airoi__dist_quantiles(&d, x + off, u + off, 997);
            EXPECT(memcmp(x + off, ref + off, 997 * sizeof *x) == 0,
                   "law %d: batch differs from the scalar path (offset %zu)", k, off);
        }
        memcpy(x, u, sizeof x);
        airoi__dist_quantiles(&d, x, x, 1000);
        EXPECT(memcmp(x, ref, sizeof x) == 0, "law %d: in-place batch differs", k);
        /* whole lanes of a trial block, in place */
        size_t nrows = 1000 / AIROI__SIM_LANES;
        memcpy(x, u, sizeof x);
        airoi__dist_quantiles_lanes(&d, x, x, nrows);
        EXPECT(memcmp(x, ref, nrows * AIROI__SIM_LANES * sizeof *x) == 0,
               "law %d: trial-block lanes differ from the scalar path", k);
        airoi__dist_release(&d);
    }
}
END_TEST

START_TEST(dist_invalid)
{
    airoi__uncertainty u = unc(AIROI_DIST_UNIFORM);
    set(&u, AIROI_UNCERTAINTY_LOW, 2.0);
    compile_fails(&u, "`high` is required");
    set(&u, AIROI_UNCERTAINTY_HIGH, 1.0);
    compile_fails(&u, "low (2) is above high (1)");

    u = unc(AIROI_DIST_TRIANGULAR);
    set(&u, AIROI_UNCERTAINTY_LOW, 0.0);
    set(&u, AIROI_UNCERTAINTY_MODE, 3.0);
    set(&u, AIROI_UNCERTAINTY_HIGH, 2.0);
    compile_fails(&u, "mode (3) lies outside [low, high]");

    u = unc(AIROI_DIST_PERT);
    set(&u, AIROI_UNCERTAINTY_LOW, 0.0);
    set(&u, AIROI_UNCERTAINTY_MODE, 1.0);
    set(&u, AIROI_UNCERTAINTY_HIGH, 2.0);
    set(&u, AIROI_UNCERTAINTY_SHAPE, 0.0);
    compile_fails(&u, "`shape` must be");
    set(&u, AIROI_UNCERTAINTY_SHAPE, 4.0);
    set(&u, AIROI_UNCERTAINTY_MIN, 3.0);
    compile_fails(&u, "leaves no probability");

    u = unc(AIROI_DIST_NORMAL);
    set(&u, AIROI_UNCERTAINTY_MEAN, 1.0);
    set(&u, AIROI_UNCERTAINTY_SD, -1.0);
    compile_fails(&u, "sd (-1) is below 0");
    set(&u, AIROI_UNCERTAINTY_SD, (double)NAN);
    compile_fails(&u, "`sd` must be a finite number");
    set(&u, AIROI_UNCERTAINTY_SD, 1.0);
    set(&u, AIROI_UNCERTAINTY_MIN, 2.0);
    set(&u, AIROI_UNCERTAINTY_MAX, 1.0);
    compile_fails(&u, "min (2) is above max (1)");
    /* Far beyond any probability the doubles hold. */
    set(&u, AIROI_UNCERTAINTY_MIN, 60.0);
    set(&u, AIROI_UNCERTAINTY_MAX, 61.0);
    compile_fails(&u, "leaves no probability");

    u = unc(AIROI_DIST_LOGNORMAL);
    set(&u, AIROI_UNCERTAINTY_MEAN, 1.0);
    set(&u, AIROI_UNCERTAINTY_SD, 0.2);
    set(&u, AIROI_UNCERTAINTY_SIGMA, 0.2);
    compile_fails(&u, "not both");
    u = unc(AIROI_DIST_LOGNORMAL);
    set(&u, AIROI_UNCERTAINTY_MEAN, -1.0);
    set(&u, AIROI_UNCERTAINTY_SD, 0.2);
    compile_fails(&u, "mean (-1) must be above 0");

    u = unc(AIROI_DIST_BERNOULLI);
    set(&u, AIROI_UNCERTAINTY_P, 1.5);
    set(&u, AIROI_UNCERTAINTY_IMPACT, -1.0);
    compile_fails(&u, "p (1.5) lies outside [0, 1]");

    u = unc(AIROI_DIST_DISCRETE);
    double values[] = { 1.0, 2.0 }, probs[] = { 0.5, 0.6 };
    u.values = values;
    u.probabilities = probs;
    u.n_values = 2;
    compile_fails(&u, "sum to 1.1");
    probs[1] = 0.5;
    set(&u, AIROI_UNCERTAINTY_MIN, 3.0);
    compile_fails(&u, "leaves no probability");

    u = unc(AIROI_DIST_FIXED);
    set(&u, AIROI_UNCERTAINTY_VALUE, 2.0);
    set(&u, AIROI_UNCERTAINTY_MAX, 1.5);
    compile_fails(&u, "outside the truncation");

    u = unc((airoi_distribution)0x2099);
    compile_fails(&u, "unknown distribution");
}
END_TEST

/* Random parameter sets of every distribution (truncated or not): each
 * that compiles has a finite, non-decreasing quantile inside its support
 * and [min, max], down to the extreme uniforms 2^-33 and 1 - 2^-33, and a
 * finite mean and sd with the mean inside the support. */
START_TEST(dist_properties_random_parameters)
{
    static const airoi_distribution kinds[] = {
        AIROI_DIST_FIXED, AIROI_DIST_UNIFORM, AIROI_DIST_TRIANGULAR, AIROI_DIST_PERT,
        AIROI_DIST_NORMAL, AIROI_DIST_LOGNORMAL, AIROI_DIST_DISCRETE, AIROI_DIST_BERNOULLI
    };
    int compiled = 0;
    for (uint64_t c = 0; c < 320; c++) {
        double r[12];
        airoi__sim_uniforms(r, 12, 4242, c, 0);
        airoi__uncertainty u = unc(kinds[c % 8]);
        double a = 4.0 * r[0] - 1.0, b = a + 3.0 * r[1], m = a + (b - a) * r[2];
        double values[3] = { a, b, m }, probs[3] = { 0.2, 0.5, 0.3 };
        switch (u.distribution) {
        case AIROI_DIST_FIXED: set(&u, AIROI_UNCERTAINTY_VALUE, m); break;
        case AIROI_DIST_UNIFORM:
        case AIROI_DIST_TRIANGULAR:
        case AIROI_DIST_PERT:
            set(&u, AIROI_UNCERTAINTY_LOW, a);
            set(&u, AIROI_UNCERTAINTY_MODE, r[3] < 0.1 ? a : (r[3] > 0.9 ? b : m));
            set(&u, AIROI_UNCERTAINTY_HIGH, b);
            if (r[4] < 0.5)
                set(&u, AIROI_UNCERTAINTY_SHAPE, 0.5 + 10.0 * r[5]);
            break;
        case AIROI_DIST_NORMAL:
            set(&u, AIROI_UNCERTAINTY_MEAN, m);
            set(&u, AIROI_UNCERTAINTY_SD, 2.0 * r[5]);
            break;
        case AIROI_DIST_LOGNORMAL:
            if (r[4] < 0.5) {
                set(&u, AIROI_UNCERTAINTY_MEAN, 0.1 + 2.0 * r[3]);
                set(&u, AIROI_UNCERTAINTY_SD, 2.0 * r[5]);
            } else {
                set(&u, AIROI_UNCERTAINTY_MU, a);
                set(&u, AIROI_UNCERTAINTY_SIGMA, 1.5 * r[5]);
            }
            break;
        case AIROI_DIST_DISCRETE:
            u.values = values;
            u.probabilities = probs;
            u.n_values = 3;
            break;
        default:
            set(&u, AIROI_UNCERTAINTY_P, r[3]);
            set(&u, AIROI_UNCERTAINTY_IMPACT, a);
            break;
        }
        double lo = -HUGE_VAL, hi = HUGE_VAL;
        int has_lo = r[6] < 0.4;
        if (has_lo) {
            lo = a + (b - a) * r[7] - 0.5;
            set(&u, AIROI_UNCERTAINTY_MIN, lo);
        }
        if (r[8] < 0.4) {
            hi = (has_lo ? lo : a) + 3.0 * r[9];
            set(&u, AIROI_UNCERTAINTY_MAX, hi);
        }
        airoi__dist d = { 0 };
        char msg[256];
        if (airoi__dist_compile(&d, &u, msg, sizeof msg) != 0) {
            EXPECT(strstr(msg, "leaves no probability") || strstr(msg, "outside the truncation"),
                   "case %u: %s", (unsigned)c, msg);
            continue;
        }
        compiled++;
        double mean = airoi__dist_mean(&d), sd = airoi__dist_sd(&d);
        EXPECT(isfinite(mean) && isfinite(sd) && sd >= 0.0, "case %u: mean %g sd %g",
               (unsigned)c, mean, sd);
        EXPECT(mean >= d.lo - 1e-12 && mean <= d.hi + 1e-12, "case %u: mean %g outside [%g, %g]",
               (unsigned)c, mean, d.lo, d.hi);
        double prev = -HUGE_VAL;
        for (int k = 0; k <= 201; k++) {
            double p = k == 0 ? 0x1p-33 : (k == 201 ? 1.0 - 0x1p-33 : k / 201.0);
            double x = airoi__dist_quantile(&d, p);
            EXPECT(isfinite(x) && x >= prev && x >= lo && x <= hi && x >= d.lo && x <= d.hi,
                   "case %u (%d): Q(%a) = %.17g after %.17g, bounds [%g, %g]", (unsigned)c,
                   (int)u.distribution, p, x, prev, lo, hi);
            prev = x;
        }
        airoi__dist_release(&d);
    }
    ck_assert_int_gt(compiled, 250);
}
END_TEST

/* -------------------------------------------------------- correlation */

static void ranks(double *r, const double *x, size_t n)
{
    size_t *idx = malloc(n * sizeof *idx);
    ck_assert_ptr_nonnull(idx);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    /* Shell sort of indexes by value (no ties among continuous draws). */
    for (size_t gap = n / 2; gap > 0; gap /= 2)
        for (size_t i = gap; i < n; i++)
            for (size_t j = i; j >= gap && x[idx[j - gap]] > x[idx[j]]; j -= gap) {
                size_t t = idx[j];
                idx[j] = idx[j - gap];
                idx[j - gap] = t;
            }
    for (size_t i = 0; i < n; i++)
        r[idx[i]] = (double)i;
    free(idx);
}

static double pearson(const double *a, const double *b, size_t n)
{
    double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    for (size_t i = 0; i < n; i++) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / sqrt(saa * sbb);
}

START_TEST(copula_achieves_spearman)
{
    const double rho[9] = { 1.0, 0.6, -0.3, 0.6, 1.0, 0.2, -0.3, 0.2, 1.0 };
    double lower[9], repaired[9];
    size_t bi, bj;
    char msg[256];
    ck_assert_int_eq(airoi__corr_factor(lower, repaired, rho, 3, 0, &bi, &bj, msg, sizeof msg), 0);
    ck_assert(bi == SIZE_MAX && bj == SIZE_MAX && msg[0] == '\0');
    ck_assert(memcmp(repaired, rho, sizeof rho) == 0);
    ck_assert(lower[1] == 0.0 && lower[2] == 0.0 && lower[5] == 0.0);
    /* L L^T reproduces the Pearson matrix 2 sin(pi rho / 6). */
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double s = 0.0;
            for (int k = 0; k < 3; k++)
                s += lower[i * 3 + k] * lower[j * 3 + k];
            ck_assert(fabs(s - 2.0 * sin(PI * rho[i * 3 + j] / 6.0)) < 1e-14);
        }
    /* Draws of a PERT, a lognormal and a triangular through the copula. */
    airoi__uncertainty us[3] = { unc(AIROI_DIST_PERT), unc(AIROI_DIST_LOGNORMAL),
                                 unc(AIROI_DIST_TRIANGULAR) };
    set(&us[0], AIROI_UNCERTAINTY_LOW, 0.7);
    set(&us[0], AIROI_UNCERTAINTY_MODE, 1.0);
    set(&us[0], AIROI_UNCERTAINTY_HIGH, 1.2);
    set(&us[1], AIROI_UNCERTAINTY_MEAN, 1.0);
    set(&us[1], AIROI_UNCERTAINTY_SD, 0.4);
    set(&us[2], AIROI_UNCERTAINTY_LOW, 0.9);
    set(&us[2], AIROI_UNCERTAINTY_MODE, 1.0);
    set(&us[2], AIROI_UNCERTAINTY_HIGH, 1.5);
    airoi__dist d[3] = { { 0 }, { 0 }, { 0 } };
    for (int k = 0; k < 3; k++)
        compile_ok(&d[k], &us[k]);
    const size_t n = 20000;
    double *x = malloc(3 * n * sizeof *x), *r = malloc(3 * n * sizeof *r);
    ck_assert(x && r);
    for (size_t t = 0; t < n; t++) {
        double u[3], work[3];
        airoi__sim_uniforms(u, 3, 77, t, 0);
        airoi__copula_apply(u, lower, 3, work);
        for (int k = 0; k < 3; k++) {
            EXPECT(u[k] > 0.0 && u[k] < 1.0, "u = %a", u[k]);
            x[k * n + t] = airoi__dist_quantile(&d[k], u[k]);
        }
    }
    for (int k = 0; k < 3; k++)
        ranks(r + k * n, x + k * n, n);
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++) {
            double target = rho[i * 3 + j];
            double got = pearson(r + i * n, r + j * n, n);
            /* Standard error of Spearman's rho (Bonett and Wright 2000). */
            double se = (1.0 - target * target) * sqrt((1.0 + target * target / 2.0) / (n - 3.0));
            ck_assert_msg(fabs(got - target) <= 5.0 * se, "pair (%d, %d): %.4f, target %.4f, se %.4f",
                          i, j, got, target, se);
        }
    for (int k = 0; k < 3; k++)
        airoi__dist_release(&d[k]);
    free(x);
    free(r);
}
END_TEST

START_TEST(correlation_refused_and_repaired)
{
    /* Inputs 0, 1, 2 move together (0.8); input 3 goes with 0 and 1 (0.9)
     * but against 2 (-0.9): impossible. Every |rho| of row 3 is 0.9;
     * dropping the pair (2, 3) leaves the least inconsistent matrix
     * (smallest eigenvalue -0.36 against -0.75 for the others). */
    const double rho[16] = { 1.0, 0.8, 0.8, 0.9,  0.8, 1.0, 0.8, 0.9,
                             0.8, 0.8, 1.0, -0.9, 0.9, 0.9, -0.9, 1.0 };
    double lower[16], repaired[16], again[16];
    size_t bi = 0, bj = 0;
    char msg[512];
    ck_assert_int_eq(airoi__corr_factor(lower, NULL, rho, 4, 0, &bi, &bj, msg, sizeof msg),
                     AIROI_ERR_INVALID);
    ck_assert_msg(bi == 2 && bj == 3, "pair (%zu, %zu)", bi, bj);
    ck_assert_msg(strstr(msg, "not positive semi-definite") && strstr(msg, "-0.9"), "%s", msg);
    /* Repair: a success that names the pair and returns the repaired
     * values, consistent, symmetric, unit diagonal, and as close as the
     * original allows. */
    ck_assert_int_eq(airoi__corr_factor(lower, repaired, rho, 4, 1, &bi, &bj, msg, sizeof msg), 0);
    ck_assert(bi == 2 && bj == 3);
    ck_assert_msg(strstr(msg, "nearest") != NULL, "%s", msg);
    for (int i = 0; i < 4; i++) {
        ck_assert(repaired[i * 4 + i] == 1.0);
        for (int j = 0; j < 4; j++)
            ck_assert(repaired[i * 4 + j] == repaired[j * 4 + i]);
    }
    ck_assert(repaired[2 * 4 + 3] > -0.9);
    ck_assert_int_eq(airoi__corr_factor(again, NULL, repaired, 4, 0, &bi, &bj, msg, sizeof msg), 0);

    /* Higham (2002), section 1: the nearest correlation matrix of
     * [1 1 0; 1 1 1; 0 1 1] has 0.7607 and 0.1573 off the diagonal. The
     * Spearman values 0 and 1 are their own Pearson values. */
    const double h[9] = { 1, 1, 0, 1, 1, 1, 0, 1, 1 };
    ck_assert_int_eq(airoi__corr_factor(lower, repaired, h, 3, 1, &bi, &bj, msg, sizeof msg), 0);
    ck_assert(bi != SIZE_MAX);
    double r01 = 2.0 * sin(PI * repaired[1] / 6.0), r02 = 2.0 * sin(PI * repaired[2] / 6.0);
    double r12 = 2.0 * sin(PI * repaired[5] / 6.0);
    ck_assert_msg(fabs(r01 - 0.7607) < 1e-4 && fabs(r12 - 0.7607) < 1e-4
                      && fabs(r02 - 0.1573) < 1e-4,
                  "%.6f %.6f %.6f", r01, r12, r02);

    /* Perfect correlation is consistent (semi-definite) and the copula
     * gives equal uniforms. */
    const double one[4] = { 1.0, 1.0, 1.0, 1.0 };
    ck_assert_int_eq(airoi__corr_factor(lower, NULL, one, 2, 0, &bi, &bj, msg, sizeof msg), 0);
    double u[2] = { 0.3, 0.9 }, work[2];
    airoi__copula_apply(u, lower, 2, work);
    ck_assert(fabs(u[0] - 0.3) < 1e-15 && fabs(u[1] - 0.3) < 1e-15);

    /* Malformed matrices. */
    const double asym[4] = { 1.0, 0.5, 0.4, 1.0 };
    ck_assert_int_eq(airoi__corr_factor(lower, NULL, asym, 2, 1, &bi, &bj, msg, sizeof msg),
                     AIROI_ERR_INVALID);
    ck_assert(bi == 0 && bj == 1 && strstr(msg, "not symmetric"));
    const double diag[4] = { 1.0, 0.5, 0.5, 0.9 };
    ck_assert_int_eq(airoi__corr_factor(lower, NULL, diag, 2, 1, &bi, &bj, msg, sizeof msg),
                     AIROI_ERR_INVALID);
    ck_assert(bi == 1 && bj == 1 && strstr(msg, "with itself"));
    const double big[4] = { 1.0, 1.5, 1.5, 1.0 };
    ck_assert_int_eq(airoi__corr_factor(lower, NULL, big, 2, 1, &bi, &bj, msg, sizeof msg),
                     AIROI_ERR_INVALID);
    ck_assert(strstr(msg, "outside [-1, 1]"));
}
END_TEST

/* --------------------------------------------------------------- Sobol */

START_TEST(sobol_points)
{
    /* Unscrambled: dimension 0 is van der Corput, dimension 1 (x + 1). */
    airoi__sobol_dim s0, s1;
    airoi__sobol_dim_init(&s0, 0, 0);
    airoi__sobol_dim_init(&s1, 0, 1);
    static const double vdc[] = { 0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875 };
    static const double d1[] = { 0, 0.5, 0.75, 0.25, 0.625, 0.125, 0.375, 0.875 };
    for (int i = 0; i < 8; i++) {
        ck_assert(airoi__sobol_bits(&s0, i) / 4294967296.0 == vdc[i]);
        ck_assert(airoi__sobol_bits(&s1, i) / 4294967296.0 == d1[i]);
    }
    /* Every eighth dimension and the last, scrambled: the first 2^10
     * points fill the 2^10 cells of width 2^-10 once each. */
    static unsigned char seen[1024];
    for (uint32_t dim = 0; dim < AIROI__SOBOL_DIMS; dim = dim == 1016 ? 1023 : dim + 8) {
        airoi__sobol_dim sd;
        airoi__sobol_dim_init(&sd, 99, dim);
        memset(seen, 0, sizeof seen);
        for (uint64_t i = 0; i < 1024; i++) {
            double u = airoi__sobol_dim_uniform(&sd, i);
            EXPECT(u > 0.0 && u < 1.0, "u = %a", u);
            unsigned cell = (unsigned)(u * 1024.0);
            EXPECT(!seen[cell], "dimension %u: cell %u twice", dim, cell);
            seen[cell] = 1;
        }
    }
    /* Dimensions 0 and 1 form a (0, m, 2)-net, scrambled too: 2^8 points,
     * one in every box of 2^k x 2^(8-k) cells. */
    airoi__sobol_dim_init(&s0, 5, 0);
    airoi__sobol_dim_init(&s1, 5, 1);
    for (int k = 0; k <= 8; k++) {
        static unsigned char box[256];
        memset(box, 0, sizeof box);
        for (uint64_t i = 0; i < 256; i++) {
            unsigned a = (unsigned)(airoi__sobol_dim_uniform(&s0, i) * (1u << k));
            unsigned b = (unsigned)(airoi__sobol_dim_uniform(&s1, i) * (1u << (8 - k)));
            unsigned c = a * (1u << (8 - k)) + b;
            EXPECT(!box[c], "k = %d: box %u twice", k, c);
            box[c] = 1;
        }
    }
    /* Index access: the stateless form, any order; padding past the table
     * and past 2^32 with the plain uniforms; seeds scramble differently. */
    airoi__sobol_dim sd;
    airoi__sobol_dim_init(&sd, 123, 17);
    ck_assert(airoi__sobol_uniform(123, 1000003, 17) == airoi__sobol_dim_uniform(&sd, 1000003));
    ck_assert(airoi__sobol_uniform(123, 5, 17) == airoi__sobol_dim_uniform(&sd, 5));
    static const uint32_t dims[] = { 0, 1, 2, 17, 500, AIROI__SOBOL_DIMS - 1 };
    for (size_t k = 0; k < sizeof dims / sizeof dims[0]; k++) {
        airoi__sobol_dim_init(&sd, 77, dims[k]);
        for (uint64_t i = 0; i < 300; i++)
            EXPECT(airoi__sobol_uniform(77, i, dims[k]) == airoi__sobol_dim_uniform(&sd, i),
                   "dimension %u, point %u", (unsigned)dims[k], (unsigned)i);
        ck_assert(airoi__sobol_uniform(77, 0xFFFFFFFFull, dims[k])
                  == airoi__sobol_dim_uniform(&sd, 0xFFFFFFFFull));
    }
    airoi__sobol_dim_init(&sd, 123, 17);
    ck_assert(airoi__sobol_uniform(123, 5, AIROI__SOBOL_DIMS) == airoi__sim_uniform(123, 5, AIROI__SOBOL_DIMS));
    ck_assert(airoi__sobol_uniform(123, 1ull << 32, 3) == airoi__sim_uniform(123, 1ull << 32, 3));
    ck_assert(airoi__sobol_uniform(123, 5, 17) != airoi__sobol_uniform(124, 5, 17));
}
END_TEST

/* Integral of prod_j (1 + (x_j - 1/2)) over [0, 1]^5 (= 1), estimated from
 * n points: the root mean square error over 8 seeds, for Sobol points and
 * for plain Monte Carlo. The table shows Sobol's faster convergence. */
static double product_rmse(int sobol, uint64_t n)
{
    enum { DIMS = 5, SEEDS = 8 };
    double se = 0.0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        airoi__sobol_dim sd[DIMS];
        for (uint32_t j = 0; j < DIMS; j++)
            airoi__sobol_dim_init(&sd[j], seed, j);
        double s = 0.0;
        for (uint64_t i = 0; i < n; i++) {
            double f = 1.0;
            for (uint32_t j = 0; j < DIMS; j++) {
                double u = sobol ? airoi__sobol_dim_uniform(&sd[j], i)
                                 : airoi__sim_uniform(seed, i, j);
                f *= 1.0 + (u - 0.5);
            }
            s += f;
        }
        double e = s / (double)n - 1.0;
        se += e * e;
    }
    return sqrt(se / SEEDS);
}

START_TEST(sobol_converges_faster)
{
    double first_s = 0, first_m = 0, last_s = 0, last_m = 0;
    printf("points   rmse Monte Carlo   rmse Sobol\n");
    for (int k = 6; k <= 14; k += 2) {
        uint64_t n = 1ull << k;
        double m = product_rmse(0, n), s = product_rmse(1, n);
        printf("2^%-2d     %.3e          %.3e\n", k, m, s);
        if (k == 6) {
            first_s = s;
            first_m = m;
        }
        last_s = s;
        last_m = m;
    }
    /* Over 2^8 more points Monte Carlo gains about 2^4 (n^-1/2), Sobol at
     * least 2^7 here (close to n^-1 and better); at 2^14 points Sobol is
     * more than 20 times as accurate. */
    ck_assert_msg(first_m / last_m < 64.0, "Monte Carlo gained %g", first_m / last_m);
    ck_assert_msg(first_s / last_s > 128.0, "Sobol gained only %g", first_s / last_s);
    ck_assert_msg(last_m / last_s > 20.0, "at 2^14: %g against %g", last_s, last_m);
}
END_TEST

static Suite *sim_random_suite(void)
{
    Suite *s = suite_create("sim-random");
    TCase *tc = tcase_create("philox");
    tcase_add_test(tc, philox_known_answers);
    tcase_add_test(tc, uniforms_vector_equals_scalar);
    tcase_add_test(tc, uniforms_in_open_interval_and_uniform);
    suite_add_tcase(s, tc);
    tc = tcase_create("functions");
    tcase_add_test(tc, normal_reference_values);
    tcase_add_test(tc, incomplete_beta_closed_forms);
    tcase_add_test(tc, pert_quantile_accuracy);
    suite_add_tcase(s, tc);
    tc = tcase_create("distributions");
    tcase_add_test(tc, dist_fixed_uniform_triangular);
    tcase_add_test(tc, dist_pert);
    tcase_add_test(tc, dist_normal_lognormal);
    tcase_add_test(tc, dist_discrete_bernoulli);
    tcase_add_test(tc, dist_vector_equals_scalar);
    tcase_add_test(tc, fast_paths_equal_scalar);
    tcase_add_test(tc, dist_invalid);
    tcase_add_test(tc, dist_properties_random_parameters);
    suite_add_tcase(s, tc);
    tc = tcase_create("correlation");
    tcase_add_test(tc, copula_achieves_spearman);
    tcase_add_test(tc, correlation_refused_and_repaired);
    suite_add_tcase(s, tc);
    tc = tcase_create("sobol");
    tcase_add_test(tc, sobol_points);
    tcase_add_test(tc, sobol_converges_faster);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(sim_random_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
