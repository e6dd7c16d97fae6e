/*
 * lib/sim/beta.c: the regularized incomplete beta function and its inverse,
 * for the PERT distribution.
 *
 * I_x(a, b) by its continued fraction (Abramowitz and Stegun 26.5.8),
 * evaluated with the modified Lentz method (Press, Teukolsky, Vetterling
 * and Flannery, Numerical Recipes, 3rd ed., section 6.4), on the side of
 * x < (a + 1) / (a + b + 2) where it converges fast, the other side by
 * I_x(a, b) = 1 - I_(1-x)(b, a). The inverse is Halley's method safeguarded
 * by bisection, started from a table of the quantile built when the
 * distribution is compiled. docs/methodology.md, section 3.5.
 */
#include <float.h>
#include <math.h>

#include "random-private.h"

/* ln Gamma(x) for x > 0 by Stirling's series (Abramowitz and Stegun
 * 6.1.41, five terms: the first one left out is below 1e-17 for x >= 30),
 * after shifting x up to 30 with Gamma(x) = Gamma(x + k) / (x (x + 1) ...
 * (x + k - 1)). Used instead of lgamma, which may write the global
 * signgam. */
static double log_gamma(double x)
{
    double shift = 1.0;
    while (x < 30.0) {
        shift *= x;
        x += 1.0;
    }
    double r = 1.0 / x, r2 = r * r;
    double series =
        r * (1.0 / 12.0 - r2 * (1.0 / 360.0 - r2 * (1.0 / 1260.0 - r2 * (1.0 / 1680.0 - r2 / 1188.0))));
    return (x - 0.5) * log(x) - x + 0.91893853320467274178 + series - log(shift);
}

double airoi__lbeta(double a, double b)
{
    if (a + b < 170.0)
        return log(tgamma(a) * tgamma(b) / tgamma(a + b));
    return log_gamma(a) + log_gamma(b) - log_gamma(a + b);
}

/* One term of the modified Lentz method: the fraction's value h gets the
 * factor of the next coefficient aa (c and d as in Numerical Recipes 5.2);
 * returns that factor. */
static inline double lentz_step(double *c, double *d, double *h, double aa)
{
    const double tiny = 1e-300;
    *d = 1.0 + aa * *d;
    if (fabs(*d) < tiny)
        *d = tiny;
    *c = 1.0 + aa / *c;
    if (fabs(*c) < tiny)
        *c = tiny;
    *d = 1.0 / *d;
    double del = *d * *c;
    *h *= del;
    return del;
}

/* The continued fraction of I_x(a, b) x^-a (1 - x)^-b a B(a, b). */
static double beta_cf(double x, double a, double b)
{
    double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    double c = 1.0, d = 1.0 - qab * x / qap;
    if (fabs(d) < 1e-300)
        d = 1e-300;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 400; m++) {
        double m2 = 2.0 * m;
        lentz_step(&c, &d, &h, m * (b - m) * x / ((qam + m2) * (a + m2)));
        double del = lentz_step(&c, &d, &h, -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)));
        if (fabs(del - 1.0) < 4.0 * DBL_EPSILON)
            break;
    }
    return h;
}

double airoi__beta_inc(double x, double a, double b, double lbeta, double *q)
{
    if (x <= 0.0) {
        if (q)
            *q = 1.0;
        return 0.0;
    }
    if (x >= 1.0) {
        if (q)
            *q = 0.0;
        return 1.0;
    }
    double front = exp(a * log(x) + b * log1p(-x) - lbeta);
    double p, r;
    if (x < (a + 1.0) / (a + b + 2.0)) {
        p = front * beta_cf(x, a, b) / a;
        r = 1.0 - p;
    } else {
        r = front * beta_cf(1.0 - x, b, a) / b;
        p = 1.0 - r;
    }
    if (q)
        *q = r;
    return p;
}

/* I_x(a, b) - p (p on the same side) and the density at x, sharing
 * x^a (1 - x)^b / B(a, b). */
static double beta_residual(double x, double a, double b, double lbeta, double p, double *dens)
{
    double lx = log(x), l1x = log1p(-x);
    double front = exp(a * lx + b * l1x - lbeta);
    *dens = front / (x * (1.0 - x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * beta_cf(x, a, b) / a - p;
    /* 1 - r - p with r the upper tail: (1 - p) - r keeps p's precision
     * when p is not small, which is the case on this side. */
    return (1.0 - p) - front * beta_cf(1.0 - x, b, a) / b;
}

double airoi__beta_solve(double p, double a, double b, double lbeta, double x0)
{
    if (p <= 0.0)
        return 0.0;
    if (p >= 1.0)
        return 1.0;
    double lo = 0.0, hi = 1.0;
    double x = (x0 > 0.0 && x0 < 1.0) ? x0 : 0.5;
    for (int it = 0; it < 200; it++) {
        double dens;
        double f = beta_residual(x, a, b, lbeta, p, &dens);
        if (f == 0.0)
            return x;
        if (f < 0.0)
            lo = x;
        else
            hi = x;
        double xn = -1.0;
        int newton = 0;
        if (dens > 0.0 && isfinite(dens)) {
            double n = f / dens;
            double corr = 0.5 * n * ((a - 1.0) / x - (b - 1.0) / (1.0 - x));
            double dx = fabs(corr) < 0.5 ? n / (1.0 - corr) : n;
            xn = x - dx;
            newton = 1;
        }
        if (!(xn > lo && xn < hi)) {
            xn = 0.5 * (lo + hi);
            newton = 0;
        }
        double step = fabs(xn - x);
        x = xn;
        /* Halley's step converges cubically: a step below 1e-7 x leaves
         * an error far below 1e-15 x, so it is accepted without another
         * evaluation. */
        if (newton && step <= 1e-7 * x)
            return x;
        if (hi - lo <= 4.0 * DBL_EPSILON * x)
            return x;
    }
    return x;
}
