/*
 * lib/finance/irr.c: IRR, XIRR and every IRR in an interval, as functions
 * handed to the root finder of solve.c, and their batch forms.
 * See docs/methodology.md, sections 1.4 to 1.6.
 */
#include <math.h>
#include <string.h>

#include "airoi/finance.h"
#include "finance-private.h"

/* The root of fn from guess into *out, or AIROI_ERR_NO_SOLUTION with a
 * message naming the function (name) and what is zero at the root (what). */
static int solve(double *out, const airoi__rootfn *fn, double guess, const char *name,
                 const char *what)
{
    double r;
    int st = airoi__root_solve(&r, fn, guess);
    if (st == AIROI__ROOT_BELOW_LAST)
        return airoi__error(AIROI_ERR_NO_SOLUTION, "%s: the rate that makes the %s zero lies "
                            "between -1 and %.17g, the last double above -1: not "
                            "representable", name, what, nextafter(-1.0, 0.0));
    if (st)
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "%s: no rate above -1 makes the %s zero (searched from guess "
                            "%.17g)", name, what, guess);
    *out = r;
    return AIROI_OK;
}

/* ------------------------------------------------------------------ IRR */

/* NPV0 of the nonzero span v[i0..j] as a function of r. */
typedef struct irr_ctx {
    const double *v;
    size_t stride;
    size_t i0, j; /* first and last nonzero value */
    double sc;    /* airoi__scale_of(v): the roots do not depend on it */
} irr_ctx;

/* f = s * sum v_i (1+r)^-i with s = (1+r)^i0 for r >= 0 and (1+r)^j for
 * r < 0, so that every power in the sums is at most 1 (no overflow) and
 * the extreme terms keep a factor 1 (no vanishing); s = 1 at r = 0. */
static int irr_eval(void *vctx, double r, double *f, double *df, double *mag)
{
    const irr_ctx *c = vctx;
    const double y = 1.0 + r;
    const double sc = c->sc;
    double F = 0.0, S1 = 0.0, M = 0.0;
    if (r >= 0.0) {
        const double x = 1.0 / y;
        for (size_t i = c->j + 1; i-- > c->i0;) {
            double vi = c->v[i * c->stride] * sc;
            F = F * x + vi;
            S1 = S1 * x + (double)i * vi;
            M = M * x + fabs(vi);
        }
    } else {
        for (size_t i = c->i0; i <= c->j; i++) {
            double vi = c->v[i * c->stride] * sc;
            F = F * y + vi;
            S1 = S1 * y + (double)i * vi;
            M = M * y + fabs(vi);
        }
    }
    /* f'(r) = -sum i v_i (1+r)^(-i-1), with the same scale s (only when
     * asked: r may be -1 then). */
    double D = df ? -S1 / y : 0.0;
    if (!isfinite(F) || !isfinite(M) || !isfinite(D))
        return -1;
    *f = F;
    *mag = M;
    if (df)
        *df = D;
    return 0;
}

/* Validates v and fills the context; name labels the messages. */
static int irr_prepare(irr_ctx *c, const char *name, const double *v, size_t n, size_t stride)
{
    int pos = 0, neg = 0;
    size_t i0 = n, j = 0;
    for (size_t i = 0; i < n; i++) {
        double vi = v[i * stride];
        if (!isfinite(vi))
            return airoi__error(AIROI_ERR_INVALID, "%s: values[%zu] is not finite (%g)", name,
                                i, vi);
        if (vi != 0.0) {
            if (i0 == n)
                i0 = i;
            j = i;
            pos |= vi > 0.0;
            neg |= vi < 0.0;
        }
    }
    if (!pos || !neg)
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "%s: the values need at least one positive and one negative value",
                            name);
    c->v = v;
    c->stride = stride;
    c->i0 = i0;
    c->j = j;
    c->sc = airoi__scale_of(v, n, stride);
    return AIROI_OK;
}

static int check_guess(const char *name, double guess)
{
    if (!isfinite(guess) || !(guess > -1.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: guess %.17g must be finite and greater "
                            "than -1", name, guess);
    return AIROI_OK;
}

int airoi__irr_strided(double *out, const double *v, size_t n, size_t stride, double guess)
{
    if (!out || !v)
        return airoi__error(AIROI_ERR_INVALID, "irr: %s is NULL", out ? "values" : "out");
    if (n < 2)
        return airoi__error(AIROI_ERR_INVALID, "irr: needs at least 2 values, got %zu", n);
    int st = check_guess("irr", guess);
    if (st)
        return st;
    irr_ctx c;
    st = irr_prepare(&c, "irr", v, n, stride ? stride : 1);
    if (st)
        return st;
    airoi__rootfn fn = {irr_eval, &c};
    return solve(out, &fn, guess, "irr", "NPV");
}

int airoi__irr(double *out, const double *values, size_t n, double guess)
{
    return airoi__irr_strided(out, values, n, 1, guess);
}

AIROI_API int airoi_irr(double *out, const double *values, size_t n, double guess)
{
    AIROI__ENTER();
    return airoi__irr(out, values, n, guess);
}

static int irr_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    (void)flag;
    return airoi__irr_strided(out, v, cols, 1, *(const double *)ctx);
}

/* The batch context: the guess first, so that irr_row() reads it. */
typedef struct irr_batch_ctx {
    double guess;
    double *work;
} irr_batch_ctx;

static void irr_fast(void *ctx, double *out, const double *v, size_t rows, size_t cols)
{
    const irr_batch_ctx *c = ctx;
    airoi__irr_fast(out, v, rows, cols, c->guess, c->work);
}

int airoi__irr_batch(double *out, int32_t *status_out, const double *values,
                     size_t rows, size_t cols, double guess)
{
    int st = airoi__batch_shape("irr_batch", rows, cols, 2);
    if (st || rows == 0)
        return st;
    if (!out || !values)
        return airoi__error(AIROI_ERR_INVALID, "irr_batch: %s is NULL",
                            out ? "values" : "out");
    if (check_guess("irr", guess)) /* every row says so */
        return airoi__batch_run("irr_batch", out, status_out, NULL, values, rows, cols,
                                irr_row, NULL, &guess);
    irr_batch_ctx c = {guess, airoi__reallocarray(NULL, cols, AIROI__IRR_WORK * sizeof(double))};
    if (!c.work)
        return airoi__error(AIROI_ERR_NOMEM, "irr_batch: no memory for %zu columns", cols);
    st = airoi__batch_run("irr_batch", out, status_out, NULL, values, rows, cols, irr_row,
                          irr_fast, &c);
    airoi__free(c.work);
    return st;
}

AIROI_API int airoi_irr_batch(double *out, int32_t *status_out, const double *values,
                              size_t rows, size_t cols, double guess)
{
    AIROI__ENTER();
    return airoi__irr_batch(out, status_out, values, rows, cols, guess);
}

/* ----------------------------------------------------------------- XIRR */

typedef struct xirr_ctx {
    const double *v;
    size_t stride;
    const double *t; /* year fractions (d_i - d_0) / 365 */
    size_t n;
    double tmin, tmax; /* over the nonzero values */
    double sc;         /* airoi__scale_of(v): the roots do not depend on it */
} xirr_ctx;

/* f = s * sum v_i (1+r)^-t_i with s = (1+r)^tmin for r >= 0 and
 * (1+r)^tmax for r < 0: every power is at most 1, s = 1 at r = 0. */
static int xirr_eval(void *vctx, double r, double *f, double *df, double *mag)
{
    const xirr_ctx *c = vctx;
    const double lr = log1p(r);
    const double y = 1.0 + r;
    const double ref = r >= 0.0 ? c->tmin : c->tmax;
    double F = 0.0, S1 = 0.0, M = 0.0;
    for (size_t i = 0; i < c->n; i++) {
        double vi = c->v[i * c->stride] * c->sc;
        if (vi == 0.0)
            continue;
        /* exactly 1 at t = ref, also at r = -1 where lr = -inf */
        double e = c->t[i] == ref ? 1.0 : airoi__compound(lr, ref - c->t[i]);
        F += vi * e;
        S1 += c->t[i] * vi * e;
        M += fabs(vi) * e;
    }
    double D = df ? -S1 / y : 0.0; /* r may be -1 when df is NULL */
    if (!isfinite(F) || !isfinite(M) || !isfinite(D))
        return -1;
    *f = F;
    *mag = M;
    if (df)
        *df = D;
    return 0;
}

/* XIRR of v with year fractions t already checked (t_i >= 0). */
static int xirr_core(double *out, const double *v, size_t stride, const double *t, size_t n,
                     double guess)
{
    int pos = 0, neg = 0;
    double tmin = HUGE_VAL, tmax = -HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        double vi = v[i * stride];
        if (!isfinite(vi))
            return airoi__error(AIROI_ERR_INVALID, "xirr: values[%zu] is not finite (%g)", i,
                                vi);
        if (vi != 0.0) {
            pos |= vi > 0.0;
            neg |= vi < 0.0;
            tmin = fmin(tmin, t[i]);
            tmax = fmax(tmax, t[i]);
        }
    }
    if (!pos || !neg)
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "xirr: the values need at least one positive and one negative "
                            "value");
    xirr_ctx c = {v, stride, t, n, tmin, tmax, airoi__scale_of(v, n, stride)};
    airoi__rootfn fn = {xirr_eval, &c};
    return solve(out, &fn, guess, "xirr", "XNPV");
}

/* Year fractions of dates from the first; fails on a date before it. */
static int year_fractions(double *t, const int32_t *dates, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int64_t dd = (int64_t)dates[i] - (int64_t)dates[0];
        if (dd < 0)
            return airoi__error(AIROI_ERR_INVALID,
                                "xirr: dates[%zu] = %ld precedes the first date %ld", i,
                                (long)dates[i], (long)dates[0]);
        t[i] = (double)dd / 365.0;
    }
    return AIROI_OK;
}

int airoi__xirr_years(double *out, const double *values, const double *t, size_t n,
                      double guess)
{
    int st = check_guess("xirr", guess);
    return st ? st : xirr_core(out, values, 1, t, n, guess);
}

#define XIRR_STACK 64

int airoi__xirr_strided(double *out, const double *v, size_t vstride, const int32_t *dates,
                        size_t n, double guess)
{
    if (!out || !v || !dates)
        return airoi__error(AIROI_ERR_INVALID, "xirr: %s is NULL",
                            !out ? "out" : !v ? "values" : "dates");
    if (n < 2)
        return airoi__error(AIROI_ERR_INVALID, "xirr: needs at least 2 values, got %zu", n);
    int st = check_guess("xirr", guess);
    if (st)
        return st;
    double stack[XIRR_STACK];
    double *t = n <= XIRR_STACK ? stack : airoi__reallocarray(NULL, n, sizeof *t);
    if (!t)
        return airoi__error(AIROI_ERR_NOMEM, "xirr: no memory for %zu dates", n);
    st = year_fractions(t, dates, n);
    if (!st)
        st = xirr_core(out, v, vstride ? vstride : 1, t, n, guess);
    if (t != stack)
        airoi__free(t);
    return st;
}

int airoi__xirr(double *out, const double *values, const int32_t *dates, size_t n,
                double guess)
{
    return airoi__xirr_strided(out, values, 1, dates, n, guess);
}

AIROI_API int airoi_xirr(double *out, const double *values, const int32_t *dates, size_t n,
                         double guess)
{
    AIROI__ENTER();
    return airoi__xirr(out, values, dates, n, guess);
}

typedef struct xirr_row_ctx {
    const double *t; /* year fractions, shared by every row */
    double guess;
    int shared;      /* a failure of the guess or the dates */
    double *work;    /* for the fast kernel */
} xirr_row_ctx;

static void xirr_fast(void *ctx, double *out, const double *v, size_t rows, size_t cols)
{
    const xirr_row_ctx *c = ctx;
    if (c->shared) {
        for (size_t i = 0; i < rows; i++)
            out[i] = (double)NAN;
        return;
    }
    airoi__xirr_fast(out, v, rows, cols, c->t, c->guess, c->work);
}

static int xirr_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    const xirr_row_ctx *c = ctx;
    (void)flag;
    return c->shared ? c->shared : xirr_core(out, v, 1, c->t, cols, c->guess);
}

int airoi__xirr_batch(double *out, int32_t *status_out, const double *values,
                      const int32_t *dates, size_t rows, size_t cols, double guess)
{
    int st = airoi__batch_shape("xirr_batch", rows, cols, 2);
    if (st || rows == 0)
        return st;
    if (!out || !values || !dates)
        return airoi__error(AIROI_ERR_INVALID, "xirr_batch: %s is NULL",
                            !out ? "out" : !values ? "values" : "dates");
    double *t = airoi__reallocarray(NULL, cols, (1 + AIROI__IRR_WORK) * sizeof *t);
    if (!t)
        return airoi__error(AIROI_ERR_NOMEM, "xirr_batch: no memory for %zu dates", cols);
    /* Shared arguments fail every row the same way. */
    xirr_row_ctx c = {t, guess, check_guess("xirr", guess), t + cols};
    if (!c.shared)
        c.shared = year_fractions(t, dates, cols);
    st = airoi__batch_run("xirr_batch", out, status_out, NULL, values, rows, cols, xirr_row,
                          xirr_fast, &c);
    airoi__free(t);
    return st;
}

AIROI_API int airoi_xirr_batch(double *out, int32_t *status_out, const double *values,
                               const int32_t *dates, size_t rows, size_t cols, double guess)
{
    AIROI__ENTER();
    return airoi__xirr_batch(out, status_out, values, dates, rows, cols, guess);
}

/* -------------------------------------------------------- every root */

int airoi__irr_all(double *roots, size_t cap, size_t *len_out, const double *values,
                   size_t n, double lo, double hi)
{
    if (!len_out || !values || (!roots && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "irr_all: %s is NULL",
                            !len_out ? "len_out" : !values ? "values" : "roots");
    if (n < 2)
        return airoi__error(AIROI_ERR_INVALID, "irr_all: needs at least 2 values, got %zu", n);
    if (!isfinite(lo) || !isfinite(hi) || !(lo > -1.0) || !(hi > lo))
        return airoi__error(AIROI_ERR_INVALID,
                            "irr_all: the interval [%.17g, %.17g] must be finite with "
                            "-1 < lo < hi", lo, hi);
    /* Sign changes (Descartes' bound on the number of roots) and the span. */
    size_t changes = 0, i0 = n, j = 0;
    double last = 0.0;
    for (size_t i = 0; i < n; i++) {
        double vi = values[i];
        if (!isfinite(vi))
            return airoi__error(AIROI_ERR_INVALID, "irr_all: values[%zu] is not finite (%g)",
                                i, vi);
        if (vi != 0.0) {
            if (i0 == n)
                i0 = i;
            j = i;
            if (last != 0.0 && (vi > 0.0) != (last > 0.0))
                changes++;
            last = vi;
        }
    }
    if (i0 == n)
        return airoi__error(AIROI_ERR_INVALID, "irr_all: every value is 0, so every rate is "
                            "a root");
    if (changes == 0) {
        *len_out = 0;
        return AIROI_OK;
    }
    irr_ctx c = {values, 1, i0, j, airoi__scale_of(values, n, 1)};
    airoi__rootfn fn = {irr_eval, &c};

    /* A grid in u = ln(1 + r), finer with more sign changes, bounded in
     * total work. */
    const size_t m = j - i0 + 1;
    size_t grid = 1024 + 256 * (changes < 256 ? changes : 256);
    size_t budget = (size_t)40000000 / m;
    if (grid > budget)
        grid = budget < 64 ? 64 : budget;
    double *found;
    size_t count;
    if (airoi__root_scan(&found, &count, &fn, lo, hi, grid))
        return airoi__error(AIROI_ERR_NOMEM, "irr_all: no memory for the roots");
    *len_out = count;
    if (!roots && cap == 0) { /* a size query */
        airoi__free(found);
        return AIROI_OK;
    }
    if (count > cap) {
        airoi__free(found);
        return airoi__error(AIROI_ERR_BUFFER, "irr_all: %zu roots found, room for %zu", count,
                            cap);
    }
    if (count > 0)
        memcpy(roots, found, count * sizeof *roots);
    airoi__free(found);
    return AIROI_OK;
}

AIROI_API int airoi_irr_all(double *roots, size_t cap, size_t *len_out, const double *values,
                            size_t n, double lo, double hi)
{
    AIROI__ENTER();
    return airoi__irr_all(roots, cap, len_out, values, n, lo, hi);
}
