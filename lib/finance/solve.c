/*
 * lib/finance/solve.c: the root finder of the rate functions (IRR, XIRR,
 * RATE), which knows nothing of cash flows: a safeguarded Newton iteration
 * from the guess, then an outward bracketing scan and Brent's method, then
 * a fine grid; and the scan for every root in an interval.
 *
 * Brent's method is zeroin from R. P. Brent, "Algorithms for Minimization
 * without Derivatives" (Prentice-Hall, 1973), chapter 4, run in the
 * variable u = ln(1 + r) so that rates near -1 and very large rates are
 * resolved with the same relative precision. See docs/methodology.md,
 * section 1.11.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "finance-private.h"

/* The scan and Brent work on u = ln(1 + r) in [U_MIN, U_MAX]: 1 + r from
 * about 8.5e-17 (below 2^-53 = 1.1e-16, so every double above -1 is
 * covered) to about 1e304. */
#define U_MIN (-37.0)
#define U_MAX 700.0

#define BRENT_MAX_ITER 400

static double rate_of(double u)
{
    double r = expm1(u);
    return r > -1.0 ? r : nextafter(-1.0, 0.0);
}

static int eval_u(const airoi__rootfn *fn, double u, double *f, double *mag)
{
    return fn->eval(fn->ctx, rate_of(u), f, NULL, mag);
}

static int opposite(double a, double b)
{
    return (a < 0.0 && b > 0.0) || (a > 0.0 && b < 0.0);
}

/* The spacing of the doubles at r. */
static double ulp_of(double r)
{
    double a = fabs(r);
    return nextafter(a, HUGE_VAL) - a;
}

/* ---------------------------------------------------------------- Brent */

int airoi__brent_u(double *out, const airoi__rootfn *fn, double ua, double fa, double ub,
                   double fb)
{
    if (fa == 0.0) {
        *out = rate_of(ua);
        return 0;
    }
    if (fb == 0.0) {
        *out = rate_of(ub);
        return 0;
    }
    const double tol = 1e-17; /* absolute, in u */
    double a = ua, b = ub, c = ua, fc = fa;
    double d = b - a, e = d;
    for (int it = 0; it < BRENT_MAX_ITER; it++) {
        if ((fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0)) {
            c = a;
            fc = fa;
            d = e = b - a;
        }
        if (fabs(fc) < fabs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        double tol1 = 2.0 * DBL_EPSILON * fabs(b) + 0.5 * tol;
        double xm = 0.5 * (c - b);
        if (fabs(xm) <= tol1 || fb == 0.0) {
            *out = rate_of(b);
            return 0;
        }
        if (fabs(e) >= tol1 && fabs(fa) > fabs(fb)) {
            double s = fb / fa, p, q;
            if (a == c) {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                double qq = fa / fc, r = fb / fc;
                p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if (p > 0.0)
                q = -q;
            else
                p = -p;
            if (2.0 * p < fmin(3.0 * xm * q - fabs(tol1 * q), fabs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += fabs(d) > tol1 ? d : (xm > 0.0 ? tol1 : -tol1);
        double mag;
        if (eval_u(fn, b, &fb, &mag))
            return -1;
    }
    *out = rate_of(b);
    return 0;
}

/* ------------------------------------------------- Newton + bracketing */

/* Does f, which is f(r), change sign within AIROI__ROOT_ULPS ulps of r?
 * f is continuous, so then a root lies there and r is as close to it as
 * doubles allow. */
static int sign_change_near(const airoi__rootfn *fn, double r, double f)
{
    if (f == 0.0)
        return 1;
    const double rmin = nextafter(-1.0, 0.0);
    double lo = r, hi = r;
    for (int k = 0; k < AIROI__ROOT_ULPS; k++) {
        lo = nextafter(lo, -HUGE_VAL);
        hi = nextafter(hi, HUGE_VAL);
    }
    if (lo < rmin)
        lo = rmin;
    double g, m;
    if (lo < r && fn->eval(fn->ctx, lo, &g, NULL, &m) == 0 && (g == 0.0 || opposite(f, g)))
        return 1;
    if (isfinite(hi) && fn->eval(fn->ctx, hi, &g, NULL, &m) == 0 &&
        (g == 0.0 || opposite(f, g)))
        return 1;
    return 0;
}

/* Is r a root? Either f(r) is zero relative to the size of its terms, or
 * f changes sign within a few ulps of r. The second form is what works
 * where 1 + r has lost digits (r within about 1e-8 of -1: no double there
 * passes a 1e-9 relative residual). */
static int residual_ok(const airoi__rootfn *fn, double r)
{
    double f, mag;
    if (!(r > -1.0) || fn->eval(fn->ctx, r, &f, NULL, &mag))
        return 0;
    return fabs(f) <= AIROI__ROOT_RESIDUAL * mag || sign_change_near(fn, r, f);
}

/* Safeguarded Newton from guess. Returns 0 and *out on convergence. */
static int newton(double *out, const airoi__rootfn *fn, double guess)
{
    double r = guess;
    for (int it = 0; it < AIROI__NEWTON_MAX_ITER; it++) {
        double f, df, mag;
        if (fn->eval(fn->ctx, r, &f, &df, &mag))
            return -1;
        if (f == 0.0) {
            *out = r;
            return 0;
        }
        if (df == 0.0 || !isfinite(df))
            return -1;
        double step = f / df;
        if (!isfinite(step))
            return -1;
        double rn = r - step;
        if (!(rn > -1.0))
            rn = -1.0 + 0.5 * (1.0 + r); /* halve the distance to -1 instead */
        if (!isfinite(rn) || !(rn > -1.0))
            return -1;
        if (fabs(rn - r) <= 1e-12 * (1.0 + fmin(rn, r))) {
            if (!residual_ok(fn, rn))
                return -1;
            *out = rn;
            return 0;
        }
        /* A step of a few ulps that the first test cannot see (near -1,
         * where 1 + r has few digits): a root only with a sign change
         * there. The residual alone is not enough: where F(r) = (1 + r) q(r)
         * tends to 0 at -1 it is small near -1 without a root. */
        if (fabs(rn - r) <= AIROI__ROOT_ULPS * ulp_of(r)) {
            double fr, m;
            if (fn->eval(fn->ctx, rn, &fr, NULL, &m) || !sign_change_near(fn, rn, fr))
                return -1;
            *out = rn;
            return 0;
        }
        r = rn;
    }
    /* Not converged by the step test (e.g. a multiple root with rounding
     * noise): accept the last iterate if it is a root by the residual. */
    if (residual_ok(fn, r)) {
        *out = r;
        return 0;
    }
    return -1;
}

/* A sign change between two scan points, with the root Brent finds in it. */
static int try_bracket(double *root, const airoi__rootfn *fn, double u1, double f1, double u2,
                       double f2)
{
    if (!(f1 == 0.0 || f2 == 0.0 || opposite(f1, f2)))
        return 0;
    double r;
    if (u1 < u2 ? airoi__brent_u(&r, fn, u1, f1, u2, f2) : airoi__brent_u(&r, fn, u2, f2, u1, f1))
        return 0;
    if (!residual_ok(fn, r))
        return 0;
    *root = r;
    return 1;
}

/* Scans outward from the guess in u = ln(1 + r), steps growing
 * geometrically, for the sign change nearest the guess; Brent on it. */
static int bracket_scan(double *out, const airoi__rootfn *fn, double guess)
{
    double ug = log1p(guess);
    if (ug < U_MIN)
        ug = U_MIN;
    if (ug > U_MAX)
        ug = U_MAX;
    double fg, mag;
    if (eval_u(fn, ug, &fg, &mag))
        return -1;
    if (fg == 0.0) {
        *out = rate_of(ug);
        return 0;
    }
    /* ul, ur: how far each side has gone; (pl, fl), (pr, fr): the last
     * point on each side where the function could be evaluated. */
    double ul = ug, ur = ug, pl = ug, fl = fg, pr = ug, fr = fg;
    double step = 1.0 / 64.0;
    while (ul > U_MIN || ur < U_MAX) {
        double cand[2];
        int nc = 0;
        if (ul > U_MIN) {
            double u = fmax(ul - step, U_MIN), f;
            if (eval_u(fn, u, &f, &mag) == 0) {
                if (try_bracket(&cand[nc], fn, u, f, pl, fl))
                    nc++;
                pl = u;
                fl = f;
            }
            ul = u;
        }
        if (ur < U_MAX) {
            double u = fmin(ur + step, U_MAX), f;
            if (eval_u(fn, u, &f, &mag) == 0) {
                if (try_bracket(&cand[nc], fn, pr, fr, u, f))
                    nc++;
                pr = u;
                fr = f;
            }
            ur = u;
        }
        if (nc > 0) {
            double best = cand[0];
            if (nc == 2 && fabs(cand[1] - guess) < fabs(best - guess))
                best = cand[1];
            *out = best;
            return 0;
        }
        step *= 1.25;
    }
    return -1;
}

/* The roots a grid scan finds: all of them (a growing array), or in
 * "nearest" mode only the one nearest a target rate (no allocation). */
typedef struct root_list {
    double *r;
    size_t len, cap;
    int nomem;
    int nearest;   /* keep only the root nearest target, in best */
    double target;
    double best;
} root_list;

static void root_add(root_list *l, double r)
{
    if (l->nearest) {
        if (l->len == 0 || fabs(r - l->target) < fabs(l->best - l->target))
            l->best = r;
        l->len++;
        return;
    }
    if (l->len == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        double *p = airoi__reallocarray(l->r, cap, sizeof *p);
        if (!p) {
            l->nomem = 1;
            return;
        }
        l->r = p;
        l->cap = cap;
    }
    l->r[l->len++] = r;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Golden-section search on [ua, ub] (f has sign sg at both ends and at the
 * grid point between) for a minimum of sg * f / mag: either it dips through
 * zero (two roots, found by Brent on each side) or it touches zero within
 * the residual tolerance (a root of even multiplicity). */
static void refine_minimum(root_list *l, const airoi__rootfn *fn, double ua, double fa,
                           double ub, double fb, double sg)
{
    const double g = 0.5 * (sqrt(5.0) - 1.0);
    double a = ua, b = ub;
    double x1 = b - g * (b - a), x2 = a + g * (b - a);
    double f1, f2, m1, m2;
    if (eval_u(fn, x1, &f1, &m1) || eval_u(fn, x2, &f2, &m2))
        return;
    for (int it = 0; it < 90; it++) {
        double xs[2] = {x1, x2}, fs[2] = {f1, f2};
        for (int k = 0; k < 2; k++) {
            if (sg * fs[k] <= 0.0) {
                double r;
                if (fs[k] == 0.0) {
                    root_add(l, rate_of(xs[k]));
                    return;
                }
                if (airoi__brent_u(&r, fn, ua, fa, xs[k], fs[k]) == 0)
                    root_add(l, r);
                if (airoi__brent_u(&r, fn, xs[k], fs[k], ub, fb) == 0)
                    root_add(l, r);
                return;
            }
        }
        double a1 = sg * f1 / m1, a2 = sg * f2 / m2;
        if (a1 < a2) {
            b = x2;
            x2 = x1;
            f2 = f1;
            m2 = m1;
            x1 = b - g * (b - a);
            if (eval_u(fn, x1, &f1, &m1))
                return;
        } else {
            a = x1;
            x1 = x2;
            f1 = f2;
            m1 = m2;
            x2 = a + g * (b - a);
            if (eval_u(fn, x2, &f2, &m2))
                return;
        }
        /* 1e-9 in u: a root of even multiplicity is only determined to
         * about the square root of the rounding level anyway. */
        if (b - a <= 1e-9 * fmax(1.0, fabs(a)))
            break;
    }
    double um = f1 * sg / m1 < f2 * sg / m2 ? x1 : x2;
    double fm = um == x1 ? f1 : f2, mm = um == x1 ? m1 : m2;
    if (fabs(fm) <= AIROI__ROOT_RESIDUAL * mm)
        root_add(l, rate_of(um));
}

/* Scans f on a uniform grid of `grid` intervals in u over [ua, ub] (the
 * end points evaluated at exactly r_lo and r_hi), keeping a window of three
 * points: a sign change between neighbours gives a root by Brent; a local
 * minimum of |f| / mag between same-signed neighbours is refined by
 * refine_minimum() (two close roots inside one cell, or a root of even
 * multiplicity); an exact zero at a grid point is a root. */
static void scan_grid(root_list *l, const airoi__rootfn *fn, double ua, double ub, double r_lo,
                      double r_hi, size_t grid)
{
    /* Window: index 0 = k-1, 1 = k, 2 = k+1; ok = evaluated. */
    double wu[3] = {0, 0, 0}, wf[3] = {0, 0, 0}, wa[3] = {0, 0, 0};
    int ok[3] = {0, 0, 0};
    for (size_t k = 0; k <= grid; k++) {
        /* shift the window */
        for (int w = 0; w < 2; w++) {
            wu[w] = wu[w + 1];
            wf[w] = wf[w + 1];
            wa[w] = wa[w + 1];
            ok[w] = ok[w + 1];
        }
        double u = k == grid ? ub : ua + (ub - ua) * ((double)k / (double)grid);
        double r = k == 0 ? r_lo : k == grid ? r_hi : rate_of(u);
        double f, mag;
        ok[2] = fn->eval(fn->ctx, r, &f, NULL, &mag) == 0;
        wu[2] = u;
        wf[2] = f;
        wa[2] = ok[2] && mag > 0.0 ? fabs(f) / mag : 0.0;
        if (!ok[2])
            continue;
        if (f == 0.0)
            root_add(l, r);
        if (!ok[1])
            continue;
        if (opposite(wf[1], wf[2])) {
            double root;
            if (airoi__brent_u(&root, fn, wu[1], wf[1], wu[2], wf[2]) == 0)
                root_add(l, root);
        } else if (ok[0] && wf[0] != 0.0 && wf[1] != 0.0 && wf[2] != 0.0 &&
                   !opposite(wf[0], wf[1]) && wa[1] < wa[0] && wa[1] <= wa[2]) {
            refine_minimum(l, fn, wu[0], wf[0], wu[2], wf[2], wf[1] > 0.0 ? 1.0 : -1.0);
        }
    }
}

/* Last resort: every root on a grid over the usual range of rates, where
 * two close roots can hide between the points of the outward scan; the one
 * nearest the guess wins. The grid is fine (step 1/64 in u) for rates from
 * -99.75% to e^6 - 1 = 40,000% and coarser beyond, up to e^60. */
static int fine_scan(double *out, const airoi__rootfn *fn, double guess)
{
    static const struct {
        double ua, ub;
        size_t grid;
    } seg[3] = {{U_MIN, -6.0, 120}, {-6.0, 6.0, 768}, {6.0, 60.0, 216}};
    root_list l = {NULL, 0, 0, 0, 1, guess, 0.0};
    for (int k = 0; k < 3; k++)
        scan_grid(&l, fn, seg[k].ua, seg[k].ub, rate_of(seg[k].ua), rate_of(seg[k].ub),
                  seg[k].grid);
    if (l.len == 0 || !residual_ok(fn, l.best))
        return -1;
    *out = l.best;
    return 0;
}

/* Is there a root between -1 (where f has a finite limit) and the last
 * double above it? No scan can bracket it, and no double is close to it
 * in terms of 1 + r (the NPV at the last double is far from 0). */
static int below_last_double(const airoi__rootfn *fn)
{
    double f1, fm, m;
    if (fn->eval(fn->ctx, -1.0, &f1, NULL, &m) ||
        fn->eval(fn->ctx, nextafter(-1.0, 0.0), &fm, NULL, &m))
        return 0;
    return opposite(f1, fm);
}

/* Polishes an accepted root with a few Newton steps: a root accepted by the
 * residual test (Brent's bracket, the last Newton iterate) can be 1e-10 off;
 * one or two steps make it exact to rounding. A step is taken only while it
 * is small (it cannot move to another root) and lowers |f|. */
static double polish(const airoi__rootfn *fn, double r)
{
    for (int it = 0; it < 4; it++) {
        double f, df, mag;
        if (fn->eval(fn->ctx, r, &f, &df, &mag) || f == 0.0 || df == 0.0 || !isfinite(df))
            break;
        double step = f / df;
        if (!isfinite(step) || fabs(step) > 1e-6 * (1.0 + fabs(r)))
            break;
        double rn = r - step;
        double fn2, m2;
        if (!(rn > -1.0) || rn == r || fn->eval(fn->ctx, rn, &fn2, NULL, &m2) ||
            !(fabs(fn2) < fabs(f)))
            break;
        r = rn;
    }
    return r;
}

int airoi__root_solve(double *out, const airoi__rootfn *fn, double guess)
{
    double r;
    if (newton(&r, fn, guess) == 0 || bracket_scan(&r, fn, guess) == 0 ||
        fine_scan(&r, fn, guess) == 0) {
        if (!isfinite(r) || !(r > -1.0))
            return AIROI_ERR_NO_SOLUTION;
        r = polish(fn, r);
        *out = r;
        return AIROI_OK;
    }
    return below_last_double(fn) ? AIROI__ROOT_BELOW_LAST : AIROI_ERR_NO_SOLUTION;
}


int airoi__root_scan(double **out, size_t *len_out, const airoi__rootfn *fn, double lo,
                     double hi, size_t grid)
{
    *out = NULL;
    *len_out = 0;
    root_list l = {NULL, 0, 0, 0, 0, 0.0, 0.0};
    scan_grid(&l, fn, log1p(lo), log1p(hi), lo, hi, grid);
    if (l.nomem) {
        airoi__free(l.r);
        return AIROI_ERR_NOMEM;
    }
    /* Increasing order; roots whose 1 + r differ by less than 1e-7 relative
     * are one (rounding noise near a multiple root can split it). */
    size_t count = 0;
    if (l.len > 0) {
        qsort(l.r, l.len, sizeof *l.r, cmp_double);
        count = 1;
        for (size_t k = 1; k < l.len; k++) {
            double prev = l.r[count - 1];
            if (l.r[k] - prev > 1e-7 * (1.0 + prev))
                l.r[count++] = l.r[k];
        }
    }
    *out = l.r;
    *len_out = count;
    return AIROI_OK;
}
