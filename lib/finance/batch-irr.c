/*
 * lib/finance/batch-irr.c: the fast kernels of airoi_irr_batch() and
 * airoi_xirr_batch(): Newton's iteration run on AIROI__IRR_LANES rows in
 * lock-step (their evaluations overlap), for the rows whose root is unique;
 * every other row is left (NaN) to the careful scalar solver.
 *
 * A row qualifies when its values are finite, of ordinary size (no scaling
 * needed: 2^-500 <= max |v| <= 2^900) and change sign exactly once (zeros
 * skipped). Its NPV is then a polynomial in x = 1 / (1 + r) (for XIRR, a
 * sum of exponentials in ln(1 + r)) with exactly one sign change in its
 * coefficients, so it has exactly one root with r > -1 (Descartes' rule of
 * signs; for XIRR its generalisation to exponential sums): the root the
 * scalar solver finds, whatever the path. The iteration is the scalar
 * solver's safeguarded Newton (steps that would reach r <= -1 halve the
 * distance to -1 instead), stopped when a step is below 1e-12 (1 + r); the
 * new point is accepted when its residual passes the scalar solver's test
 * |f| <= AIROI__ROOT_RESIDUAL sum |terms|. A row that does not converge in
 * AIROI__NEWTON_MAX_ITER steps, fails the residual test, or meets a
 * non-finite value goes to the careful solver. See docs/methodology.md,
 * section 1.13, for the agreement with the scalar results.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "finance-private.h"

#define LANES AIROI__IRR_LANES

/* Whether v[0..n-1] qualifies (see above). */
static int simple_row(const double *v, size_t n)
{
    double m = 0.0, last = 0.0;
    int changes = 0;
    for (size_t j = 0; j < n; j++) {
        const double x = v[j];
        if (!isfinite(x))
            return 0;
        const double ax = fabs(x);
        m = ax > m ? ax : m;
        if (x != 0.0) {
            changes += last != 0.0 && ((x > 0.0) != (last > 0.0));
            last = x;
        }
    }
    return changes == 1 && m >= 0x1p-500 && m <= 0x1p900;
}

enum { ITERATE, CHECK, DONE };

/* The Newton step of one lane from f = F(r) and d = dF/dr, with the scalar
 * solver's safeguard and stopping test: updates *r and *state, or returns
 * -1 when the row must go to the careful solver. */
static int newton_lane(double *r, int *state, double f, double d)
{
    if (!isfinite(f) || !isfinite(d))
        return -1;
    if (f == 0.0) {
        *state = DONE;
        return 0;
    }
    if (d == 0.0)
        return -1;
    const double step = f / d;
    if (!isfinite(step))
        return -1;
    double rn = *r - step;
    if (!(rn > -1.0))
        rn = -1.0 + 0.5 * (1.0 + *r);
    if (!isfinite(rn) || !(rn > -1.0))
        return -1;
    const double dr = fabs(rn - *r);
    if (dr <= 1e-12 * (1.0 + (rn < *r ? rn : *r)))
        *state = CHECK;
    else if (dr <= (double)AIROI__ROOT_ULPS * 0x1p-52 * fabs(*r) || dr < 0x1p-1000)
        return -1; /* steps of a few ulps: the scalar solver's sign-change test */
    *r = rn;
    return 0;
}

/* One group of up to LANES rows: Newton in lock-step. eval() fills F, D
 * (dF/dr) and, when need_m, M (sum |terms|) of every lane at r. */
typedef void (*lanes_eval)(const void *ctx, const double *vt, size_t cols, const double *r,
                           double *F, double *D, double *M, int need_m);

static void solve_lanes(double *out, const double *vt, size_t cols, int *state, double guess,
                        lanes_eval eval, const void *ctx)
{
    double r[LANES], F[LANES], D[LANES], M[LANES];
    for (int k = 0; k < LANES; k++)
        r[k] = guess;
    for (int it = 0; it <= AIROI__NEWTON_MAX_ITER; it++) {
        int live = 0, check = 0;
        for (int k = 0; k < LANES; k++) {
            live += state[k] == ITERATE || state[k] == CHECK;
            check += state[k] == CHECK;
        }
        if (!live)
            break;
        eval(ctx, vt, cols, r, F, D, M, check);
        for (int k = 0; k < LANES; k++) {
            if (state[k] == CHECK) {
                int ok = isfinite(F[k]) && isfinite(M[k]) &&
                         fabs(F[k]) <= AIROI__ROOT_RESIDUAL * M[k];
                state[k] = ok ? DONE : -1;
            } else if (state[k] == ITERATE && it < AIROI__NEWTON_MAX_ITER) {
                if (newton_lane(&r[k], &state[k], F[k], D[k]))
                    state[k] = -1;
            } else if (state[k] == ITERATE) {
                state[k] = -1;
            }
        }
    }
    for (int k = 0; k < LANES; k++)
        out[k] = state[k] == DONE ? r[k] : (double)NAN;
}

/* Runs solve_lanes() over the rows, LANES at a time, with each group's
 * values transposed into vt[j * LANES + k] (lane k, column j). */
static void fast_rows(double *out, const double *v, size_t rows, size_t cols, double guess,
                      lanes_eval eval, const void *ctx, double *vt)
{
    for (size_t i = 0; i < rows; i += LANES) {
        int state[LANES];
        double res[LANES];
        for (int k = 0; k < LANES; k++) {
            const size_t row = i + (size_t)k;
            state[k] = row < rows && simple_row(v + row * cols, cols) ? ITERATE : -1;
            for (size_t j = 0; j < cols; j++)
                vt[j * LANES + (size_t)k] = state[k] == ITERATE ? v[row * cols + j] : 0.0;
        }
        solve_lanes(res, vt, cols, state, guess, eval, ctx);
        for (int k = 0; k < LANES && i + (size_t)k < rows; k++)
            out[i + (size_t)k] = res[k];
    }
}

/* ------------------------------------------------------------------ IRR */

/* F = P(x) = sum v_j x^j with x = 1 / (1 + r) (Horner from the last
 * column, P'(x) alongside), dF/dr = P'(x) dx/dr = -x^2 P'(x),
 * M = sum |v_j| x^j. */
static void irr_lanes(const void *ctx, const double *vt, size_t cols, const double *r,
                      double *F, double *D, double *M, int need_m)
{
    (void)ctx;
    double x[LANES], f[LANES], s[LANES], m[LANES];
    for (int k = 0; k < LANES; k++) {
        x[k] = 1.0 / (1.0 + r[k]);
        f[k] = s[k] = m[k] = 0.0;
    }
    for (size_t j = cols; j-- > 0;) {
        const double *c = vt + j * LANES;
        for (int k = 0; k < LANES; k++) {
            s[k] = s[k] * x[k] + f[k];
            f[k] = f[k] * x[k] + c[k];
        }
    }
    if (need_m)
        for (size_t j = cols; j-- > 0;) {
            const double *c = vt + j * LANES;
            for (int k = 0; k < LANES; k++)
                m[k] = m[k] * x[k] + fabs(c[k]);
        }
    for (int k = 0; k < LANES; k++) {
        F[k] = f[k];
        D[k] = -(x[k] * x[k]) * s[k];
        M[k] = m[k];
    }
}

void airoi__irr_fast(double *out, const double *v, size_t rows, size_t cols, double guess,
                     double *work)
{
    fast_rows(out, v, rows, cols, guess, irr_lanes, NULL, work);
}

/* ----------------------------------------------------------------- XIRR */

/*
 * e^x for |x| <= 700 in plain arithmetic that the compiler can vectorise
 * (no call, no table): x = n ln 2 + y with n = round(x / ln 2) (the
 * 1.5 * 2^52 rounding trick, whose low bits then hold n), ln 2 split in two
 * (Cody and Waite) so that y is exact to about 2^-60, e^y by its Taylor
 * polynomial of degree 13 (|y| <= ln 2 / 2: truncation below 5e-18
 * relative), and 2^n built from its bits. About 2 ulps. The caller
 * keeps |x| <= 700 (a lane beyond goes to the careful solver). Only the fast
 * XIRR kernel uses it: its roots are checked by the residual test, and the
 * scalar solver's exp() stays the reference (docs/methodology.md, 1.13).
 */
static inline double exp_lane(double x)
{
    const double shift = 0x1.8p52;
    const double kf = x * 1.4426950408889634 + shift;
    const double n = kf - shift;
    const double y = (x - n * 6.93147180369123816490e-01) - n * 1.90821492927058770002e-10;
    double p = 1.0 / 6227020800.0;
    p = p * y + 1.0 / 479001600.0;
    p = p * y + 1.0 / 39916800.0;
    p = p * y + 1.0 / 3628800.0;
    p = p * y + 1.0 / 362880.0;
    p = p * y + 1.0 / 40320.0;
    p = p * y + 1.0 / 5040.0;
    p = p * y + 1.0 / 720.0;
    p = p * y + 1.0 / 120.0;
    p = p * y + 1.0 / 24.0;
    p = p * y + 1.0 / 6.0;
    p = p * y + 0.5;
    p = p * y + 1.0;
    p = p * y + 1.0;
    uint64_t bits;
    memcpy(&bits, &kf, sizeof bits);
    bits = (bits - 0x4338000000000000ull + 1023u) << 52;
    double scale;
    memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

/* F = sum v_j e_j with e_j = (1 + r)^-t_j = exp(-t_j ln(1 + r)),
 * dF/dr = -sum t_j v_j e_j / (1 + r), M = sum |v_j| e_j. */
static void xirr_lanes(const void *ctx, const double *vt, size_t cols, const double *r,
                       double *F, double *D, double *M, int need_m)
{
    (void)need_m; /* the exponentials dominate: M comes with them */
    const double *t = ctx;
    double lr[LANES], f[LANES], s[LANES], m[LANES];
    double tmax = 0.0;
    for (size_t j = 0; j < cols; j++)
        tmax = t[j] > tmax ? t[j] : tmax;
    double bad[LANES];
    for (int k = 0; k < LANES; k++) {
        lr[k] = log1p(r[k]);
        f[k] = s[k] = m[k] = 0.0;
        /* exp_lane() needs |t lr| <= 700: else this lane fails (NaN). */
        bad[k] = fabs(lr[k]) * tmax <= 700.0 ? 0.0 : (double)NAN;
        if (bad[k] != 0.0)
            lr[k] = 0.0;
    }
    for (size_t j = 0; j < cols; j++) {
        const double *c = vt + j * LANES;
        for (int k = 0; k < LANES; k++) {
            const double e = exp_lane(-t[j] * lr[k]);
            const double ve = c[k] * e;
            f[k] += ve;
            s[k] += t[j] * ve;
            m[k] += fabs(ve);
        }
    }
    for (int k = 0; k < LANES; k++) {
        F[k] = f[k] + bad[k];
        D[k] = -s[k] / (1.0 + r[k]);
        M[k] = m[k];
    }
}

void airoi__xirr_fast(double *out, const double *v, size_t rows, size_t cols, const double *t,
                      double guess, double *work)
{
    fast_rows(out, v, rows, cols, guess, xirr_lanes, t, work);
}
