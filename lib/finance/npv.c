/*
 * lib/finance/npv.c: NPV (Excel's and the t = 0 form), XNPV, MIRR, simple
 * and discounted payback, and their batch forms.
 *
 * Discount factors (1 + r)^-t come from airoi__compound() (exp(-t ln(1 + r)),
 * the same doubles as a schedule's discount_factor column); terms are added
 * with Neumaier's compensated summation. Formulas and Excel's behaviour are in
 * docs/methodology.md, section 1.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "airoi/finance.h"
#include "finance-private.h"

/* ------------------------------------------------------------- helpers */

double airoi__scale_of(const double *v, size_t n, size_t stride)
{
    double m = 0.0;
    for (size_t i = 0; i < n; i++)
        m = fmax(m, fabs(v[i * stride]));
    if (m == 0.0)
        return 1.0;
    /* room: the largest exponent such that n terms of size up to 2^room,
     * times factors up to n (IRR's derivative) or 2^24 (XIRR's year
     * fractions), stay far from overflow. */
    int bits = 0;
    for (size_t k = n; k > 0; k >>= 1)
        bits++;
    const int room = 990 - 2 * bits;
    const int e = ilogb(m);
    if (e > room)
        return ldexp(1.0, room - e); /* as little as needed: small values keep their bits */
    if (e < -500) /* scaling up loses nothing (2^1000 at most: 2^1074 is not a double) */
        return ldexp(1.0, -e < 1000 ? -e : 1000);
    return 1.0;
}

/* Index of the first non-finite value, or n. */
static size_t first_nonfinite(const double *v, size_t n, size_t stride)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i * stride]))
            return i;
    return n;
}

static int check_rate(const char *name, const char *what, double rate)
{
    if (!isfinite(rate))
        return airoi__error(AIROI_ERR_INVALID, "%s: %s is not finite", name, what);
    if (rate == -1.0)
        return airoi__error(AIROI_ERR_INVALID, "%s: %s -1 makes 1 + %s 0 (Excel's #DIV/0!)",
                            name, what, what);
    if (!(rate > -1.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: %s %.17g must be greater than -1",
                            name, what, rate);
    return AIROI_OK;
}

static int check_values(const char *name, const double *v, size_t n, size_t stride)
{
    size_t bad = first_nonfinite(v, n, stride);
    if (bad < n)
        return airoi__error(AIROI_ERR_INVALID, "%s: values[%zu] is not finite (%g)", name,
                            bad, v[bad * stride]);
    return AIROI_OK;
}

/* ------------------------------------------------------------------ NPV */

/* sum of v_i f_i with f_i = (1 + r)^-i = airoi__compound(lr, -i), taken
 * from f when not NULL (a batch computes them once). */
static double npv0_sum(const double *v, size_t n, size_t stride, double lr, const double *f)
{
    airoi__sum acc = {0.0, 0.0};
    for (size_t i = 0; i < n; i++) {
        double vi = v[i * stride];
        if (vi != 0.0)
            airoi__sum_add(&acc, vi * (f ? f[i] : airoi__compound(lr, -(double)i)));
    }
    return airoi__sum_get(&acc);
}

double airoi__npv0_raw(double rate, const double *v, size_t n, size_t stride)
{
    return npv0_sum(v, n, stride, log1p(rate), NULL);
}

/* v e^lx, also where e^lx alone overflows or underflows but the product
 * does not; 0 when v is 0. */
static double term_exp(double v, double lx)
{
    if (v == 0.0)
        return 0.0;
    if (fabs(lx) < 700.0)
        return v * exp(lx);
    return copysign(exp(log(fabs(v)) + lx), v);
}

/* The slow, careful NPV for when the fast sum overflows: sum of
 * v_i (1 + rate)^-(t_i) with t_i = i + shift (t == NULL) or t[i] + shift,
 * each term formed from logarithms where its factor alone would overflow,
 * and if the sum still overflows, again with the values scaled by
 * airoi__scale_of() (the NPV is linear in them). The result may still be
 * infinite when the true value overflows. */
static double npv_careful(double rate, const double *v, size_t n, size_t stride,
                          const double *t, double shift)
{
    const double lr = log1p(rate);
    const double scales[2] = {1.0, airoi__scale_of(v, n, stride)};
    double r = HUGE_VAL;
    for (int k = 0; k < 2 && !isfinite(r); k++) {
        const double sc = scales[k];
        airoi__sum acc = {0.0, 0.0};
        for (size_t i = 0; i < n; i++) {
            double ti = (t ? t[i] : (double)i) + shift;
            airoi__sum_add(&acc, term_exp(v[i * stride] * sc, -ti * lr));
        }
        r = airoi__sum_get(&acc) / sc;
    }
    return r;
}

/* Validated NPV0 of a strided array; name labels the messages. */
static int npv0_checked(double *out, const char *name, double rate, const double *v, size_t n,
                        size_t stride, int excel)
{
    if (rate < -1.0 && isfinite(rate)) /* whole powers of a negative base (lowrates.c) */
        return airoi__npv0_below(out, name, rate, v, n, stride, excel);
    int st = check_rate(name, "rate", rate);
    if (st)
        return st;
    st = check_values(name, v, n, stride);
    if (st)
        return st;
    double r = airoi__npv0_raw(rate, v, n, stride);
    if (excel)
        r /= 1.0 + rate;
    if (!isfinite(r)) /* a partial sum or a factor may overflow, not the NPV */
        r = npv_careful(rate, v, n, stride, NULL, excel ? 1.0 : 0.0);
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "%s: the result overflows at rate %.17g", name,
                            rate);
    *out = r;
    return AIROI_OK;
}

int airoi__npv0_strided(double *out, double rate, const double *v, size_t n, size_t stride)
{
    if (!out || !v)
        return airoi__error(AIROI_ERR_INVALID, "npv0: NULL pointer");
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "npv0: no values");
    return npv0_checked(out, "npv0", rate, v, n, stride ? stride : 1, 0);
}

int airoi__npv(double *out, double rate, const double *values, size_t n)
{
    if (!out || !values)
        return airoi__error(AIROI_ERR_INVALID, "npv: %s is NULL", out ? "values" : "out");
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "npv: no values (n = 0)");
    return npv0_checked(out, "npv", rate, values, n, 1, 1);
}

AIROI_API int airoi_npv(double *out, double rate, const double *values, size_t n)
{
    AIROI__ENTER();
    return airoi__npv(out, rate, values, n);
}

int airoi__npv0(double *out, double rate, const double *values, size_t n)
{
    if (!out || !values)
        return airoi__error(AIROI_ERR_INVALID, "npv0: %s is NULL", out ? "values" : "out");
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "npv0: no values (n = 0)");
    return npv0_checked(out, "npv0", rate, values, n, 1, 0);
}

AIROI_API int airoi_npv0(double *out, double rate, const double *values, size_t n)
{
    AIROI__ENTER();
    return airoi__npv0(out, rate, values, n);
}

typedef struct npv_row_ctx {
    double rate;
    int excel;
    const double *f; /* the discount factors, shared by every row; NULL when the rate fails */
} npv_row_ctx;

/*
 * The fast path of the NPV and XNPV batch forms: each row's plain sum s of
 * the terms v_j f_j (the same doubles as the careful path's terms) and the
 * sum a of their absolute values, accepted when
 *     ceil(cols / 2) a <= AIROI__BATCH_SUM_SLACK |s|.
 * Each row is summed in two interleaved halves (even and odd columns, one
 * vector register of two doubles), the halves then added, then the last
 * column when cols is odd: no term goes through more than d = ceil(cols / 2)
 * rounded additions, so the rounding error of s is at most about
 * d 2^-53 a (Higham, "Accuracy and Stability of Numerical Algorithms",
 * 2nd ed., section 4.2), and the compensated sum is within 2^-53 |s| of the
 * exact one: with the slack 500 a kept s is within 2^-44 |s| of the careful
 * path's value. Rows that fail the test (cancellation), overflow or hold a
 * non-finite value (then a is NaN or infinite) are left to the careful row
 * function, which sums with Neumaier's compensation. div is 1 + rate for
 * Excel's NPV, else 1.
 */
#define AIROI__BATCH_SUM_SLACK 500.0

typedef struct dot_fast_ctx {
    const double *f; /* the factors; NULL: every row goes to the careful path */
    double div;
} dot_fast_ctx;

/* s / div when the test above passes and everything is finite, else NaN;
 * branch-free (an infinite or NaN a fails a <= DBL_MAX). */
static inline double dot_accept(double s, double a, double k, double div)
{
    const double r = s / div;
    const int ok = (k * a <= AIROI__BATCH_SUM_SLACK * fabs(s)) & (a <= DBL_MAX) &
                   (fabs(r) <= DBL_MAX);
    return ok ? r : (double)NAN;
}

/* The careful path's sum of a row whose terms are all finite: npv0_sum()
 * with the factors f, operation for operation (Neumaier's two cases as a
 * selection instead of a branch; a zero term, which npv0_sum() skips,
 * changes neither sum nor correction), so the same double. The rows that
 * fail the cancellation test (about 2% of the benchmark's) are redone here
 * rather than by the row function. */
static inline __attribute__((always_inline)) double dot_careful(const double *v,
                                                                const double *f, size_t cols)
{
    double s = 0.0, c = 0.0;
    for (size_t j = 0; j < cols; j++) {
        const double x = v[j] * f[j];
        const double t = s + x;
        const int s_big = fabs(s) >= fabs(x);
        const double big = s_big ? s : x, small = s_big ? x : s;
        c += (big - t) + small;
        s = t;
    }
    return s + c;
}

/* The row's value from its plain sum s and sum of |terms| a: the plain sum
 * when dot_accept() keeps it, the compensated one when only the
 * cancellation test fails, NaN otherwise (left to the row function). */
static inline __attribute__((always_inline)) double
dot_value(double s, double a, double k, double div, const double *v, const double *f,
          size_t cols)
{
    double r = dot_accept(s, a, k, div);
    if (r != r && a <= DBL_MAX) {
        r = dot_careful(v, f, cols) / div;
        if (!(fabs(r) <= DBL_MAX))
            r = (double)NAN;
    }
    return r;
}

/* Plain sum and sum of absolute values of the terms of one row, in two
 * interleaved halves (even and odd columns): with GCC or Clang one vector
 * register of two doubles each (SSE2, NEON; the generic vector extension,
 * no intrinsics), else two scalars. */
#if defined(__GNUC__)
typedef double dot_v2d __attribute__((vector_size(16)));
typedef long long dot_v2i __attribute__((vector_size(16)));

static inline void dot_row(double *s_out, double *a_out, const double *v, const double *f,
                           size_t cols)
{
    const dot_v2i mask = {0x7fffffffffffffffLL, 0x7fffffffffffffffLL};
    dot_v2d s = {0.0, 0.0}, a = {0.0, 0.0};
    size_t j = 0;
    for (; j + 2 <= cols; j += 2) {
        dot_v2d x, y;
        memcpy(&x, v + j, sizeof x);
        memcpy(&y, f + j, sizeof y);
        const dot_v2d t = x * y;
        s += t;
        a += (dot_v2d)((dot_v2i)t & mask);
    }
    double s0 = s[0] + s[1], a0 = a[0] + a[1];
    if (j < cols) {
        const double t0 = v[j] * f[j];
        s0 += t0;
        a0 += fabs(t0);
    }
    *s_out = s0;
    *a_out = a0;
}

/* dot_row() of four consecutive rows at once, in two registers of four
 * doubles ({row 0 even, row 0 odd, row 1 even, row 1 odd} and the same for
 * rows 2 and 3), the two halves of each row then added across registers
 * and the acceptance test made on the four rows together: the same
 * operations in the same order for each row as dot_row(), so the same
 * doubles. Written for 256-bit registers (AVX2); the baseline build keeps
 * dot_row(), one row at a time. Returns whether a row was left (NaN). */
#if defined(__has_builtin)
#if __has_builtin(__builtin_shufflevector)
#define DOT_ROWS4 1
#endif
#endif
#ifndef DOT_ROWS4
#define DOT_ROWS4 0
#endif
#if DOT_ROWS4
typedef double dot_v4d __attribute__((vector_size(32)));
typedef long long dot_v4i __attribute__((vector_size(32)));
#pragma GCC diagnostic ignored "-Wpsabi" /* 32-byte vectors only inside this file */

static inline __attribute__((always_inline)) dot_v4d dot_pair(const double *p, const double *q)
{
    dot_v2d x, y;
    memcpy(&x, p, sizeof x);
    memcpy(&y, q, sizeof y);
    return __builtin_shufflevector(x, y, 0, 1, 2, 3);
}

static inline __attribute__((always_inline)) int
dot_rows4(double *out, const double *v, const double *f, size_t cols, double k, double div)
{
    const dot_v4i mask = {0x7fffffffffffffffLL, 0x7fffffffffffffffLL, 0x7fffffffffffffffLL,
                          0x7fffffffffffffffLL};
    const double *r0 = v, *r1 = r0 + cols, *r2 = r1 + cols, *r3 = r2 + cols;
    dot_v4d s01 = {0.0, 0.0, 0.0, 0.0}, s23 = s01, a01 = s01, a23 = s01;
    size_t j = 0;
    for (; j + 2 <= cols; j += 2) {
        const dot_v4d y = dot_pair(f + j, f + j);
        const dot_v4d x01 = dot_pair(r0 + j, r1 + j) * y;
        const dot_v4d x23 = dot_pair(r2 + j, r3 + j) * y;
        s01 += x01;
        s23 += x23;
        a01 += (dot_v4d)((dot_v4i)x01 & mask);
        a23 += (dot_v4d)((dot_v4i)x23 & mask);
    }
    /* row q: its even half plus its odd half */
    dot_v4d s = __builtin_shufflevector(s01, s23, 0, 2, 4, 6) +
                __builtin_shufflevector(s01, s23, 1, 3, 5, 7);
    dot_v4d a = __builtin_shufflevector(a01, a23, 0, 2, 4, 6) +
                __builtin_shufflevector(a01, a23, 1, 3, 5, 7);
    if (j < cols) {
        const dot_v4d t = (dot_v4d){r0[j], r1[j], r2[j], r3[j]} * f[j];
        s += t;
        a += (dot_v4d)((dot_v4i)t & mask);
    }
    const dot_v4d r = s / div;
    const dot_v4i ok = (k * a <= AIROI__BATCH_SUM_SLACK * (dot_v4d)((dot_v4i)s & mask)) &
                       (a <= DBL_MAX) & ((dot_v4d)((dot_v4i)r & mask) <= DBL_MAX);
    const dot_v4d nan = {(double)NAN, (double)NAN, (double)NAN, (double)NAN};
    const dot_v4d o = (dot_v4d)((ok & (dot_v4i)r) | (~ok & (dot_v4i)nan));
    memcpy(out, &o, sizeof o);
    if ((ok[0] & ok[1] & ok[2] & ok[3]) != 0)
        return 0;
    for (size_t q = 0; q < 4; q++) /* the rows that fail the cancellation test */
        out[q] = dot_value(s[q], a[q], k, div, v + q * cols, f, cols);
    return 1;
}
#endif /* DOT_ROWS4 */
#else
#define DOT_ROWS4 0
static void dot_row(double *s_out, double *a_out, const double *v, const double *f, size_t cols)
{
    double s0 = 0.0, s1 = 0.0, a0 = 0.0, a1 = 0.0;
    size_t j = 0;
    for (; j + 2 <= cols; j += 2) {
        const double t0 = v[j] * f[j], t1 = v[j + 1] * f[j + 1];
        s0 += t0;
        s1 += t1;
        a0 += fabs(t0);
        a1 += fabs(t1);
    }
    if (j < cols) {
        const double t0 = v[j] * f[j];
        s0 += t0;
        a0 += fabs(t0);
    }
    *s_out = s0 + s1;
    *a_out = a0 + a1;
}
#endif

static inline __attribute__((always_inline)) void
dot_fast_body(const dot_fast_ctx *c, double *out, const double *v, size_t rows, size_t cols,
              int wide)
{
    const double *f = c->f;
    const double k = (double)(cols / 2 + cols % 2), div = c->div;
    if (!f) {
        for (size_t i = 0; i < rows; i++)
            out[i] = (double)NAN;
        return;
    }
    size_t i = 0;
#if DOT_ROWS4
    if (wide)
        for (; i + 4 <= rows; i += 4)
            dot_rows4(out + i, v + i * cols, f, cols, k, div);
#else
    (void)wide;
#endif
    for (; i < rows; i++) {
        double s, a;
        dot_row(&s, &a, v + i * cols, f, cols);
        out[i] = dot_value(s, a, k, div, v + i * cols, f, cols);
    }
}

/* On x86-64 Linux with GCC, a second copy for AVX2 (no FMA: a contracted
 * multiply-add would change the terms' doubles), chosen at run time. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) \
    && defined(__GLIBC__)
__attribute__((target("avx2"))) static void dot_fast_avx2(const dot_fast_ctx *c, double *out,
                                                          const double *v, size_t rows,
                                                          size_t cols)
{
    dot_fast_body(c, out, v, rows, cols, 1);
}
#define DOT_AVX2 1
#endif

static void dot_fast(const dot_fast_ctx *c, double *out, const double *v, size_t rows,
                     size_t cols)
{
#ifdef DOT_AVX2
    if (__builtin_cpu_supports("avx2")) {
        dot_fast_avx2(c, out, v, rows, cols);
        return;
    }
#endif
    dot_fast_body(c, out, v, rows, cols, 0);
}

/* npv0_checked() on one row, with the factors computed once per batch: the
 * same doubles as the scalar call. */
static int npv_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    const npv_row_ctx *c = ctx;
    const char *name = c->excel ? "npv" : "npv0";
    (void)flag;
    if (c->f && check_values(name, v, cols, 1) == AIROI_OK) {
        double r = npv0_sum(v, cols, 1, 0.0, c->f);
        if (c->excel)
            r /= 1.0 + c->rate;
        if (isfinite(r)) {
            *out = r;
            return AIROI_OK;
        }
    }
    /* the rate or a value fails, or the careful path for an overflow */
    return npv0_checked(out, name, c->rate, v, cols, 1, c->excel);
}

typedef struct npv_batch_ctx {
    npv_row_ctx row;
    dot_fast_ctx fast;
} npv_batch_ctx;

static int npv_batch_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    return npv_row(&((npv_batch_ctx *)ctx)->row, v, cols, out, flag);
}

static void npv_batch_fast(void *ctx, double *out, const double *v, size_t rows, size_t cols)
{
    dot_fast(&((const npv_batch_ctx *)ctx)->fast, out, v, rows, cols);
}

int airoi__npv_batch(double *out, int32_t *status_out, double rate,
                     const double *values, size_t rows, size_t cols, unsigned flags)
{
    if (flags & ~(unsigned)AIROI_NPV_START_AT_ZERO)
        return airoi__error(AIROI_ERR_INVALID, "npv_batch: unknown flags 0x%x", flags);
    int st = airoi__batch_shape("npv_batch", rows, cols, 1);
    if (st || rows == 0)
        return st;
    if (!out || !values)
        return airoi__error(AIROI_ERR_INVALID, "npv_batch: %s is NULL",
                            out ? "values" : "out");
    double *f = airoi__reallocarray(NULL, cols, sizeof *f);
    if (!f)
        return airoi__error(AIROI_ERR_NOMEM, "npv_batch: no memory for %zu factors", cols);
    const int rate_ok = check_rate("npv", "rate", rate) == AIROI_OK;
    const double lr = rate_ok ? log1p(rate) : 0.0;
    for (size_t j = 0; j < cols; j++)
        f[j] = airoi__compound(lr, -(double)j);
    npv_row_ctx c = {rate, !(flags & AIROI_NPV_START_AT_ZERO), rate_ok ? f : NULL};
    npv_batch_ctx bc = {c, {c.f, c.excel ? 1.0 + rate : 1.0}};
    st = airoi__batch_run("npv_batch", out, status_out, NULL, values, rows, cols,
                          npv_batch_row, npv_batch_fast, &bc);
    airoi__free(f);
    return st;
}

AIROI_API int airoi_npv_batch(double *out, int32_t *status_out, double rate,
                              const double *values, size_t rows, size_t cols, unsigned flags)
{
    AIROI__ENTER();
    return airoi__npv_batch(out, status_out, rate, values, rows, cols, flags);
}

/* ----------------------------------------------------------------- XNPV */

/* Checks dates against the first; writes the year fractions to t (may be
 * NULL). */
static int check_dates(const char *name, const int32_t *dates, size_t n, double *t)
{
    for (size_t i = 0; i < n; i++) {
        int64_t dd = (int64_t)dates[i] - (int64_t)dates[0];
        if (dd < 0)
            return airoi__error(AIROI_ERR_INVALID,
                                "%s: dates[%zu] = %ld precedes the first date %ld", name, i,
                                (long)dates[i], (long)dates[0]);
        if (t)
            t[i] = (double)dd / 365.0;
    }
    return AIROI_OK;
}

static int xnpv_checked(double *out, const char *name, double rate, const double *v,
                        const int32_t *dates, size_t n)
{
    int st = check_rate(name, "rate", rate);
    if (st)
        return st;
    st = check_values(name, v, n, 1);
    if (st)
        return st;
    st = check_dates(name, dates, n, NULL);
    if (st)
        return st;
    const double lr = log1p(rate);
    airoi__sum acc = {0.0, 0.0};
    for (size_t i = 0; i < n; i++) {
        if (v[i] == 0.0)
            continue;
        double t = (double)((int64_t)dates[i] - (int64_t)dates[0]) / 365.0;
        airoi__sum_add(&acc, v[i] * airoi__compound(lr, -t));
    }
    double r = airoi__sum_get(&acc);
    if (!isfinite(r)) {
        /* a partial sum or a factor may overflow, not the XNPV */
        double stack[64];
        double *t = n <= 64 ? stack : airoi__reallocarray(NULL, n, sizeof *t);
        if (!t)
            return airoi__error(AIROI_ERR_NOMEM, "%s: no memory for %zu dates", name, n);
        check_dates(name, dates, n, t);
        r = npv_careful(rate, v, n, 1, t, 0.0);
        if (t != stack)
            airoi__free(t);
    }
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "%s: the result overflows at rate %.17g", name,
                            rate);
    *out = r;
    return AIROI_OK;
}

int airoi__xnpv(double *out, double rate, const double *values,
                const int32_t *dates, size_t n)
{
    if (!out || !values || !dates)
        return airoi__error(AIROI_ERR_INVALID, "xnpv: %s is NULL",
                            !out ? "out" : !values ? "values" : "dates");
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "xnpv: no values (n = 0)");
    return xnpv_checked(out, "xnpv", rate, values, dates, n);
}

AIROI_API int airoi_xnpv(double *out, double rate, const double *values,
                         const int32_t *dates, size_t n)
{
    AIROI__ENTER();
    return airoi__xnpv(out, rate, values, dates, n);
}

typedef struct xnpv_row_ctx {
    double rate;
    const int32_t *dates;
    const double *f; /* the discount factors, shared by every row */
    int shared;      /* a failure of the rate or the dates */
} xnpv_row_ctx;

static int xnpv_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    const xnpv_row_ctx *c = ctx;
    (void)flag;
    if (c->shared) /* every row fails the same way */
        return c->shared;
    int st = check_values("xnpv", v, cols, 1);
    if (st)
        return st;
    airoi__sum acc = {0.0, 0.0};
    for (size_t j = 0; j < cols; j++)
        if (v[j] != 0.0)
            airoi__sum_add(&acc, v[j] * c->f[j]);
    double r = airoi__sum_get(&acc);
    if (!isfinite(r)) /* the scalar path's careful fallback */
        return xnpv_checked(out, "xnpv", c->rate, v, c->dates, cols);
    *out = r;
    return AIROI_OK;
}

typedef struct xnpv_batch_ctx {
    xnpv_row_ctx row;
    dot_fast_ctx fast;
} xnpv_batch_ctx;

static int xnpv_batch_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    return xnpv_row(&((xnpv_batch_ctx *)ctx)->row, v, cols, out, flag);
}

static void xnpv_batch_fast(void *ctx, double *out, const double *v, size_t rows, size_t cols)
{
    dot_fast(&((const xnpv_batch_ctx *)ctx)->fast, out, v, rows, cols);
}

int airoi__xnpv_batch(double *out, int32_t *status_out, double rate,
                      const double *values, const int32_t *dates, size_t rows,
                      size_t cols)
{
    int st = airoi__batch_shape("xnpv_batch", rows, cols, 1);
    if (st || rows == 0)
        return st;
    if (!out || !values || !dates)
        return airoi__error(AIROI_ERR_INVALID, "xnpv_batch: %s is NULL",
                            !out ? "out" : !values ? "values" : "dates");
    /* The discount factors are shared by every row: compute them once. */
    double *f = airoi__reallocarray(NULL, cols, sizeof *f);
    if (!f)
        return airoi__error(AIROI_ERR_NOMEM, "xnpv_batch: no memory for %zu factors", cols);
    xnpv_row_ctx c = {rate, dates, f, check_rate("xnpv", "rate", rate)};
    if (!c.shared)
        c.shared = check_dates("xnpv", dates, cols, f);
    if (!c.shared) {
        const double lr = log1p(rate);
        for (size_t j = 0; j < cols; j++)
            f[j] = airoi__compound(lr, -f[j]);
    }
    xnpv_batch_ctx bc = {c, {c.shared ? NULL : f, 1.0}};
    st = airoi__batch_run("xnpv_batch", out, status_out, NULL, values, rows, cols,
                          xnpv_batch_row, xnpv_batch_fast, &bc);
    airoi__free(f);
    return st;
}

AIROI_API int airoi_xnpv_batch(double *out, int32_t *status_out, double rate,
                               const double *values, const int32_t *dates, size_t rows,
                               size_t cols)
{
    AIROI__ENTER();
    return airoi__xnpv_batch(out, status_out, rate, values, dates, rows, cols);
}

/* ----------------------------------------------------------------- MIRR */

/* Sum over the values of one sign (sign > 0: the positive ones, else the
 * negative ones, as absolute values) of |v_i| (1 + rate)^(p - i), returned
 * as *s times (1 + rate)^*e with every factor inside *s at most 1 (so
 * nothing overflows): for rate >= 0, *s = sum |v_i| (1 + rate)^-i and
 * *e = p; for rate < 0, *s = sum |v_i| (1 + rate)^(n-1-i) and
 * *e = p - (n - 1). *s is 0 when no value has that sign. Each |v_i| is
 * first multiplied by sc (airoi__scale_of(v): MIRR only uses the ratio of
 * two such sums), so that values near 1e308 do not overflow the sum. */
static void compound(double *s, double *e, const double *v, size_t n, int sign, double rate,
                     double p, double sc)
{
    airoi__sum acc = {0.0, 0.0};
    const double lr = log1p(rate);
    if (rate >= 0.0) {
        for (size_t i = 0; i < n; i++)
            if (sign > 0 ? v[i] > 0.0 : v[i] < 0.0)
                airoi__sum_add(&acc, fabs(v[i]) * sc * airoi__compound(lr, -(double)i));
        *e = p;
    } else {
        for (size_t k = 0; k < n; k++)
            if (sign > 0 ? v[k] > 0.0 : v[k] < 0.0)
                airoi__sum_add(&acc, fabs(v[k]) * sc * airoi__compound(lr, (double)(n - 1 - k)));
        *e = p - (double)(n - 1);
    }
    *s = airoi__sum_get(&acc);
}

int airoi__mirr(double *out, const double *values, size_t n, double finance_rate,
                double reinvest_rate)
{
    if (!out || !values)
        return airoi__error(AIROI_ERR_INVALID, "mirr: %s is NULL", out ? "values" : "out");
    if (n < 2)
        return airoi__error(AIROI_ERR_INVALID, "mirr: needs at least 2 values, got %zu", n);
    int st = check_values("mirr", values, n, 1);
    if (!st && (finance_rate <= -1.0 || reinvest_rate <= -1.0) && isfinite(finance_rate) &&
        isfinite(reinvest_rate))
        return airoi__mirr_below(out, values, n, finance_rate, reinvest_rate);
    if (!st)
        st = check_rate("mirr", "finance_rate", finance_rate);
    if (!st)
        st = check_rate("mirr", "reinvest_rate", reinvest_rate);
    if (st)
        return st;
    const double p = (double)(n - 1);
    /* FV of the positive flows at the reinvestment rate, at t = n - 1, and
     * PV of the negative flows at the finance rate, at t = 0. */
    const double sc = airoi__scale_of(values, n, 1);
    double sfv, efv, spv, epv;
    compound(&sfv, &efv, values, n, +1, reinvest_rate, p, sc);
    compound(&spv, &epv, values, n, -1, finance_rate, 0.0, sc);
    if (!(spv > 0.0))
        return airoi__error(AIROI_ERR_NO_SOLUTION,
                            "mirr: the values need at least one negative value (Excel's "
                            "#DIV/0!)");
    if (!(sfv > 0.0)) { /* no positive value: FV 0, and Excel's MIRR is 0^(1/(n-1)) - 1 */
        *out = -1.0;
        return AIROI_OK;
    }
    /* ln(FV / -PV), from the ratio when it is representable (more accurate
     * when MIRR is near 0), else from the logs. */
    double q = sfv / spv;
    double lq = (q > 0.0 && isfinite(q)) ? log(q) : log(sfv) - log(spv);
    lq += efv * log1p(reinvest_rate) - epv * log1p(finance_rate);
    double r = expm1(lq / p);
    if (!isfinite(r))
        return airoi__error(AIROI_ERR_RANGE, "mirr: the result overflows");
    *out = r;
    return AIROI_OK;
}

AIROI_API int airoi_mirr(double *out, const double *values, size_t n, double finance_rate,
                         double reinvest_rate)
{
    AIROI__ENTER();
    return airoi__mirr(out, values, n, finance_rate, reinvest_rate);
}

/* -------------------------------------------------------------- payback */

int airoi__payback_strided(double *out, int *reached_out, const double *v, size_t n,
                           size_t stride, int discounted, double rate)
{
    const char *name = discounted ? "discounted_payback" : "payback";
    if (!out || !reached_out || !v)
        return airoi__error(AIROI_ERR_INVALID, "%s: %s is NULL", name,
                            !out ? "out" : !reached_out ? "reached_out" : "values");
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "%s: no values (n = 0)", name);
    if (stride == 0)
        stride = 1;
    int st = discounted ? check_rate(name, "rate", rate) : AIROI_OK;
    if (!st)
        st = check_values(name, v, n, stride);
    if (st)
        return st;
    /* The payback is scale-invariant: the values are multiplied by
     * airoi__scale_of(), a power of two, so that the cumulative of values
     * near 1e308 cannot overflow (e.g. -1e308, -1e308, 1e308, ...). */
    const double sc = airoi__scale_of(v, n, stride);
    if (discounted && rate < 0.0) {
        /* Discount factors (1 + r)^-t > 1 grow without bound: work with the
         * cumulative carried forward to t, G_t = C_t (1 + r)^t
         * = G_(t-1) (1 + r) + v_t, which has the sign of C_t and cannot
         * overflow (|G_t| <= sum |v|). It is held as g = G_t 2^e and
         * renormalised as it shrinks, so that it never underflows to 0 (a
         * false "reached"). The fraction -C_(t-1) / (v_t (1 + r)^-t) is
         * -G_(t-1) (1 + r) / v_t. */
        const double y = 1.0 + rate;
        airoi__sum g = {0.0, 0.0};
        int e = 0;
        for (size_t t = 0; t < n; t++) {
            const double vt = v[t * stride] * sc;
            double carried = airoi__sum_get(&g) * y; /* G_(t-1) (1 + r) 2^e */
            g.s *= y;
            g.c *= y;
            double w = ldexp(vt, e);
            if (isinf(w)) {
                /* |G_(t-1)| < 2^-1000 |v_t|: start again from v_t. */
                int k = -ilogb(vt);
                carried = ldexp(carried, k - e);
                e = k;
                w = ldexp(vt, e);
                g.s = w;
                g.c = 0.0;
            } else {
                airoi__sum_add(&g, w);
            }
            double gv = airoi__sum_get(&g);
            if (gv >= 0.0) {
                /* carried < 0 <= carried + w, so 0 < -carried <= w. */
                *out = t == 0 ? 0.0 : (double)(t - 1) + fmin(1.0, -carried / w);
                *reached_out = 1;
                return AIROI_OK;
            }
            if (gv > -0x1p-500) {
                int k = -ilogb(gv);
                if (e > 4096 - k) {
                    /* Already negligible against any later value (ldexp of
                     * it by e overflows): keep only its sign. */
                    g.s = -1.0;
                    g.c = 0.0;
                    e = 4096;
                } else {
                    g.s = ldexp(g.s, k);
                    g.c = ldexp(g.c, k);
                    e += k;
                }
            }
        }
        *reached_out = 0;
        return AIROI_OK;
    }
    const double lr = discounted ? log1p(rate) : 0.0;
    airoi__sum cum = {0.0, 0.0};
    double prev = 0.0;
    for (size_t t = 0; t < n; t++) {
        const double vt = v[t * stride] * sc;
        /* the schedule's discount factor, <= 1: finite, and so is the sum */
        double net = discounted ? vt * airoi__compound(lr, -(double)t) : vt;
        airoi__sum_add(&cum, net);
        double c = airoi__sum_get(&cum);
        if (c >= 0.0) {
            /* prev < 0 <= c, so net = c - prev > 0. */
            *out = t == 0 ? 0.0 : (double)(t - 1) + fmin(1.0, (-prev) / net);
            *reached_out = 1;
            return AIROI_OK;
        }
        prev = c;
    }
    *reached_out = 0;
    return AIROI_OK;
}

int airoi__payback(double *out, int *reached_out, const double *values, size_t n)
{
    return airoi__payback_strided(out, reached_out, values, n, 1, 0, 0.0);
}

AIROI_API int airoi_payback(double *out, int *reached_out, const double *values, size_t n)
{
    AIROI__ENTER();
    return airoi__payback(out, reached_out, values, n);
}

int airoi__discounted_payback(double *out, int *reached_out, double rate,
                              const double *values, size_t n)
{
    return airoi__payback_strided(out, reached_out, values, n, 1, 1, rate);
}

AIROI_API int airoi_discounted_payback(double *out, int *reached_out, double rate,
                                       const double *values, size_t n)
{
    AIROI__ENTER();
    return airoi__discounted_payback(out, reached_out, rate, values, n);
}

static int payback_row(void *ctx, const double *v, size_t cols, double *out, int32_t *flag)
{
    (void)ctx;
    int reached = 0;
    int st = airoi__payback_strided(out, &reached, v, cols, 1, 0, 0.0);
    if (!st && !reached)
        *out = 0.0;
    *flag = reached;
    return st;
}

int airoi__payback_batch(double *out, int32_t *reached_out, const double *values,
                         size_t rows, size_t cols)
{
    int st = airoi__batch_shape("payback_batch", rows, cols, 1);
    if (st || rows == 0)
        return st;
    if (!out || !reached_out || !values)
        return airoi__error(AIROI_ERR_INVALID, "payback_batch: %s is NULL",
                            !out ? "out" : !reached_out ? "reached_out" : "values");
    return airoi__batch_run("payback_batch", out, NULL, reached_out, values, rows, cols,
                            payback_row, NULL, NULL);
}

AIROI_API int airoi_payback_batch(double *out, int32_t *reached_out, const double *values,
                                  size_t rows, size_t cols)
{
    AIROI__ENTER();
    return airoi__payback_batch(out, reached_out, values, rows, cols);
}
