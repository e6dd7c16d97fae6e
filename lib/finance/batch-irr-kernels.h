/*
 * lib/finance/batch-irr-kernels.h: the fast kernels of airoi_irr_batch() and
 * airoi_xirr_batch(): Halley's iteration in u = ln(1 + r), run on
 * AIROI__IRR_LANES rows at once in vector registers, for the rows whose
 * root is unique; every other row is left (NaN) to the careful scalar
 * solver.
 *
 * A row qualifies when its values are finite, of ordinary size (no scaling
 * needed: 2^-500 <= max |v| <= 2^900) and change sign exactly once (zeros
 * skipped). Its NPV is then a polynomial in x = 1 / (1 + r) (for XIRR, a
 * sum of exponentials in u) with exactly one sign change in its
 * coefficients, so it has exactly one root with r > -1 (Descartes' rule of
 * signs; for XIRR its generalisation to exponential sums): the root the
 * scalar solver finds, whatever the path.
 *
 * With e_j = e^(-t_j u) (t_j = j for IRR, the year fractions for XIRR),
 * one pass over the columns gives F = sum v_j e_j, A = sum t_j v_j e_j
 * (F' = -A), B = sum t_j^2 v_j e_j (F'' = B) and M = sum |v_j| e_j, four
 * independent multiply-adds a value (IRR: Horner's scheme in x = e^-u, as
 * two chains in x^2; XIRR: one exponential a value, or the last pass's
 * times e^(-t_j du) when the step du was small: see xirr_sums()). Halley's step d = 2 F A / (2 A^2 - F B) (Newton's
 * F / A where Halley's denominator is not positive), at most 1 in size, is
 * cubically convergent: about 4 passes from the guess 0.1 for the
 * benchmark's rows against about 6 for Newton. A lane stops when |d| <=
 * 1e-12 (that is a step below 1e-12 (1 + r)); it is accepted, at u + d, when
 * the residual test of the scalar solver |F| <= AIROI__ROOT_RESIDUAL M holds
 * at u, else it goes to the careful solver, as does a lane that meets a
 * non-finite value or does not converge in AIROI__NEWTON_MAX_ITER passes.
 * See docs/methodology.md, section 1.13, for the agreement with the scalar
 * results (the tests check it on random and adversarial rows).
 *
 * The code is plain GNU C vector arithmetic (no intrinsics), included by
 * two files: batch-irr.c (4 lanes; on x86-64 Linux with GCC compiled for
 * AVX2 with FMA, chosen at run time when the processor has both) and
 * batch-irr-128.c (2 lanes, one 128-bit register: SSE2, NEON), the path
 * of every other processor: 4 lanes split into 128-bit halves by the
 * compiler cost about twice the instructions.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "finance-private.h"

#ifndef LANES /* batch-irr.c: 4 lanes; batch-irr-128.c: 2 */
#define LANES AIROI__IRR_LANES
#endif
/* doubles a column of a group in the work area: values, t v, t^2 v, |v|,
 * and XIRR's exponentials of the last pass */
#define STRIDE (5 * LANES)

#if defined(__GNUC__)

typedef double vd __attribute__((vector_size(LANES * sizeof(double))));
typedef long long vm __attribute__((vector_size(LANES * sizeof(long long))));

#define ALWAYS_INLINE static inline __attribute__((always_inline))

/* Vectors of 4 doubles passed between always-inline functions: no call,
 * so the AVX calling convention does not matter. */
#pragma GCC diagnostic ignored "-Wpsabi"

ALWAYS_INLINE vd vload(const double *p)
{
    vd x;
    memcpy(&x, p, sizeof x);
    return x;
}

ALWAYS_INLINE void vstore(double *p, vd x)
{
    memcpy(p, &x, sizeof x);
}

ALWAYS_INLINE vd vsplat(double a)
{
    return (vd){0} + a;
}

/* m ? a : b lane by lane (m: all bits set or clear) */
ALWAYS_INLINE vd vsel(vm m, vd a, vd b)
{
    return (vd)((m & (vm)a) | (~m & (vm)b));
}

ALWAYS_INLINE vd vabs(vd x)
{
    return (vd)((vm)x & 0x7fffffffffffffffLL);
}

#if LANES != 2 && LANES != 4 && LANES != 8
#error "the kernels are written for 2, 4 or 8 lanes"
#endif

ALWAYS_INLINE int vany(vm m)
{
#if LANES == 8
    return (((m[0] | m[1]) | (m[2] | m[3])) | ((m[4] | m[5]) | (m[6] | m[7]))) != 0;
#elif LANES == 2
    return (m[0] | m[1]) != 0;
#else
    return ((m[0] | m[1]) | (m[2] | m[3])) != 0;
#endif
}

/* The first n lanes set (n may exceed LANES). */
ALWAYS_INLINE vm vfirst(size_t n)
{
    vm m;
    for (size_t k = 0; k < LANES; k++)
        m[k] = k < n ? -1 : 0;
    return m;
}

/*
 * e^x for |x| <= 700, lane by lane, in plain arithmetic (no call, no
 * table): x = n ln 2 + y with n = round(x / ln 2) (the 1.5 * 2^52 rounding
 * trick, whose low bits then hold n), ln 2 split in two (Cody and Waite) so
 * that y is exact to about 2^-60, e^y by its Taylor polynomial of degree 13
 * (|y| <= ln 2 / 2: truncation below 5e-18 relative), and 2^n built from
 * its bits. About 2 ulps. Lanes beyond 700 are the caller's to reject.
 */
ALWAYS_INLINE vd vexp(vd x)
{
    const double shift = 0x1.8p52;
    const vd kf = x * 1.4426950408889634 + shift;
    const vd n = kf - shift;
    const vd y = (x - n * 6.93147180369123816490e-01) - n * 1.90821492927058770002e-10;
    vd p = vsplat(1.0 / 6227020800.0);
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
    const vm bits = ((vm)kf - 0x4338000000000000LL + 1023) << 52;
    return p * (vd)bits;
}

/* e^u - 1: the Taylor polynomial of degree 14 for |u| < 1/4 (relative
 * truncation below 1e-20, full relative precision near 0), else e^u - 1
 * (about 2 ulps of e^u). */
ALWAYS_INLINE vd vexpm1(vd u)
{
    vd p = vsplat(1.0 / 1307674368000.0);
    static const double c[] = {1.0 / 87178291200.0, 1.0 / 6227020800.0, 1.0 / 479001600.0,
                               1.0 / 39916800.0,    1.0 / 3628800.0,    1.0 / 362880.0,
                               1.0 / 40320.0,       1.0 / 5040.0,       1.0 / 720.0,
                               1.0 / 120.0,         1.0 / 24.0,         1.0 / 6.0,
                               0.5,                 1.0};
#pragma GCC unroll 16
    for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
        p = p * u + c[k];
    return vsel(vabs(u) < 0.25, p * u, vexp(u) - 1.0);
}

/* The sums of one group at u (see the top of the file). w holds the
 * group's columns: w[4 j] values, w[4 j + 1] t_j values, w[4 j + 2]
 * t_j^2 values, w[4 j + 3] |values|, LANES doubles each. M only when
 * need_m. */
typedef struct sums {
    vd f, a, b, m;
} sums;

/* IRR: Horner's scheme in x = e^-u from the last column, as two chains in
 * x^2 (even and odd columns) so that the multiply-adds of one chain wait
 * for half as many others: F = E(x^2) + x O(x^2). */
ALWAYS_INLINE void horner_step(sums *s, const double *c, vd x, int need_m)
{
    s->f = s->f * x + vload(c);
    s->a = s->a * x + vload(c + LANES);
    s->b = s->b * x + vload(c + 2 * LANES);
    if (need_m)
        s->m = s->m * x + vload(c + 3 * LANES);
}

ALWAYS_INLINE sums irr_sums(const double *w, size_t cols, vd u, int need_m)
{
    const vd x = vexp(-u), x2 = x * x;
    sums e = {{0}, {0}, {0}, {0}}, o = e;
    size_t j = cols;
    if (j & 1)
        horner_step(&e, w + STRIDE * --j, x2, need_m);
    while (j) {
        j -= 2;
        horner_step(&e, w + STRIDE * j, x2, need_m);
        horner_step(&o, w + STRIDE * (j + 1), x2, need_m);
    }
    e.f += x * o.f;
    e.a += x * o.a;
    e.b += x * o.b;
    if (need_m)
        e.m += x * o.m;
    return e;
}

/* e^z by its Taylor polynomial of degree 4 (|z| <= 2^-10: truncation
 * below 1e-17 relative) or 10 (|z| <= 1/8: below 3e-19). */
ALWAYS_INLINE vd vexp_small(vd z, int deg10)
{
    static const double c[] = {1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0, 1.0 / 5040.0,
                               1.0 / 720.0,     1.0 / 120.0,    1.0 / 24.0,    1.0 / 6.0,
                               0.5,             1.0,            1.0};
    const size_t first = deg10 ? 0 : 6;
    vd p = vsplat(c[first]);
#pragma GCC unroll 16
    for (size_t k = first + 1; k < sizeof c / sizeof c[0]; k++)
        p = p * z + c[k];
    return p;
}

/* XIRR: e_j = e^(-t_j u), the sums of the even and odd columns apart (two
 * chains of additions). mode 0: one exponential a value; 1 and 2: the
 * last pass's e_j (kept in the work area) times e^(-t_j du), du = u - the
 * last pass's u, by vexp_small() of degree 4 or 10 (the caller checks
 * |t_j du| against its bound). */
ALWAYS_INLINE void xirr_term(sums *s, double *c, double tj, vd u, vd du, int mode, int need_m)
{
    vd e;
    if (mode == 0)
        e = vexp(-tj * u);
    else
        e = vload(c + 4 * LANES) * vexp_small(-tj * du, mode == 2);
    vstore(c + 4 * LANES, e);
    s->f += vload(c) * e;
    s->a += vload(c + LANES) * e;
    s->b += vload(c + 2 * LANES) * e;
    if (need_m)
        s->m += vload(c + 3 * LANES) * e;
}

ALWAYS_INLINE sums xirr_sums(double *w, size_t cols, const double *t, vd u, vd du, int mode,
                             int need_m)
{
    sums s = {{0}, {0}, {0}, {0}}, o = s;
    size_t j = 0;
    for (; j + 1 < cols; j += 2) {
        xirr_term(&s, w + STRIDE * j, t[j], u, du, mode, need_m);
        xirr_term(&o, w + STRIDE * (j + 1), t[j + 1], u, du, mode, need_m);
    }
    if (j < cols)
        xirr_term(&s, w + STRIDE * j, t[j], u, du, mode, need_m);
    s.f += o.f;
    s.a += o.a;
    s.b += o.b;
    if (need_m)
        s.m += o.m;
    return s;
}

/* Transposes rows v[0..left-1] (at most LANES of them) into w: w[4 LANES j
 * + k] = v[k cols + j], 0 past the last row. */
ALWAYS_INLINE void transpose(double *w, const double *v, size_t left, size_t cols)
{
    if (left >= LANES) {
        for (size_t j = 0; j < cols; j++, w += STRIDE) {
#pragma GCC unroll 8
            for (size_t k = 0; k < LANES; k++)
                w[k] = v[k * cols + j];
        }
        return;
    }
    for (size_t j = 0; j < cols; j++)
        for (size_t k = 0; k < LANES; k++)
            w[STRIDE * j + k] = k < left ? v[k * cols + j] : 0.0;
}

/*
 * One group of LANES rows of v (rows left: those past the end are
 * skipped): transposes them into w with their t and t^2 multiples and
 * absolute values, qualifies them, iterates, and writes out[k] (NaN for a
 * lane left to the careful solver). t is NULL for IRR (t_j = j).
 *
 * The stopping test is on Newton's step: |F / A| <= 1e-12. It implies the
 * residual test |F| <= 1e-9 M whenever t_max <= 1000, as |A| <= t_max M;
 * only beyond that is M computed and the test made.
 */
ALWAYS_INLINE void solve_group(double *out, const double *v, size_t left, size_t cols,
                               const double *t, int is_irr, double tmax, int need_m, double ug,
                               double *w)
{
    const vm ones = (vm){0} - 1;
    vm pos_seen = {0}, neg_seen = {0}, changes = {0}, finite = ones, big = {0};
    vd f0 = {0}, a0 = {0}, m0 = {0}, am0 = {0};
    transpose(w, v, left, cols);
    for (size_t j = 0; j < cols; j++) {
        double *c = w + STRIDE * j;
        const vd x = vload(c);
        const vd ax = vabs(x);
        const double tj = t[j];
        const vd tx = x * tj;
        vstore(c + LANES, tx);
        vstore(c + 2 * LANES, tx * tj);
        vstore(c + 3 * LANES, ax);
        /* the sums at u = 0, for the starting point */
        f0 += x;
        a0 += tx;
        m0 += ax;
        am0 += ax * tj;
        /* finite and of ordinary size; the sign changes, zeros skipped */
        finite &= ax <= 0x1p900;
        big |= ax >= 0x1p-500;
        const vm pos = x > 0.0, neg = x < 0.0;
        changes -= (pos & neg_seen) | (neg & pos_seen);
        /* the sign of the last nonzero value */
        pos_seen = pos | (pos_seen & ~neg);
        neg_seen = neg | (neg_seen & ~pos);
    }
    vm live = vfirst(left) & finite & (changes == 1) & big;
    /*
     * The start: one Newton step from u = 0 on G(u) = ln P(u) - ln N(u)
     * (P: the sum of the positive terms, N: of the absolute values of the
     * negative ones), which is nearly linear in u: u = G(0) / (T_P - T_N),
     * T_P and T_N the mean times of P(0) and N(0). G(0) = ln(P / N) =
     * 2 atanh(q) with q = (P - N) / (P + N) = F(0) / M(0), here by the
     * first three terms of its series: the start needs no accuracy (about 3
     * passes on the benchmark's rows against about 4 from the guess).
     * Where it is not finite or too far out, the guess.
     */
    const vd q = f0 / m0, q2 = q * q;
    const vd g0 = 2.0 * q * (1.0 + q2 * (1.0 / 3.0 + q2 * 0.2));
    const vd tp = (am0 + a0) / (m0 + f0), tn = (am0 - a0) / (m0 - f0);
    vd u = g0 / (tp - tn);
    const double lim = 350.0 / tmax < 20.0 ? 350.0 / tmax : 20.0;
    u = vsel(vabs(u) <= lim, u, vsplat(ug));
    vm done = {0};
    vd ures = u, uprev = u;
    int small = 0;
    const double huge = 0x1.fffffffffffffp1023;
    for (int it = 0; it < AIROI__NEWTON_MAX_ITER && vany(live); it++) {
        /* the exponentials need |t u| <= 700 */
        live &= vabs(u) * tmax <= 700.0;
        u = vsel(live, u, vsplat(0.0));
        sums s;
        if (is_irr) {
            s = irr_sums(w, cols, u, need_m);
        } else {
            /* the last pass's exponentials times e^(-t_j du) when every
             * live lane moved little, at most 3 passes in a row */
            const vd du = u - uprev, adu = vsel(live, vabs(du), vsplat(0.0));
            double dmax = 0.0;
            for (size_t k = 0; k < LANES; k++)
                dmax = adu[k] > dmax ? adu[k] : dmax;
            dmax *= tmax;
            int mode = 0;
            if (it > 0 && small < 3)
                mode = dmax <= 0x1p-10 ? 1 : dmax <= 0.125 ? 2 : 0;
            small = mode ? small + 1 : 0;
            if (mode == 1)
                s = xirr_sums(w, cols, t, u, du, 1, need_m);
            else if (mode == 2)
                s = xirr_sums(w, cols, t, u, du, 2, need_m);
            else
                s = xirr_sums(w, cols, t, u, du, 0, need_m);
            uprev = u;
        }
        live &= (vabs(s.f) <= huge) & (vabs(s.a) <= huge) & (vabs(s.b) <= huge) & (s.a != 0.0);
        const vd newton = s.f / s.a;
        const vd den = 2.0 * s.a * s.a - s.f * s.b;
        const vd halley = 2.0 * s.f * s.a / den;
        vd d = vsel((den > 0.0) & (halley * newton >= 0.0), halley, newton);
        d = vsel(d > 1.0, vsplat(1.0), vsel(d < -1.0, vsplat(-1.0), d));
        live &= d == d;
        d = vsel(live, d, vsplat(0.0));
        const vm stop = live & (vabs(newton) <= 1e-12);
        vm good = stop;
        if (need_m)
            good &= (vabs(s.m) <= huge) & (vabs(s.f) <= AIROI__ROOT_RESIDUAL * s.m);
        ures = vsel(good, u + d, ures);
        done |= good;
        live &= ~stop;
        u += d;
    }
    const vd r = vsel(done, vexpm1(ures), vsplat((double)NAN));
    for (size_t k = 0; k < LANES && k < left; k++)
        out[k] = r[k];
}

/* t is NULL for IRR: then t_j = j, written after the group's columns in w. */
ALWAYS_INLINE void fast_rows(double *out, const double *v, size_t rows, size_t cols,
                             const double *t, double guess, double *w)
{
    const int is_irr = t == NULL;
    if (is_irr) {
        double *tj = w + STRIDE * cols;
        for (size_t j = 0; j < cols; j++)
            tj[j] = (double)j;
        t = tj;
    }
    double tmax = 1.0;
    for (size_t j = 0; j < cols; j++)
        tmax = t[j] > tmax ? t[j] : tmax;
    const double ug = log1p(guess);
    /* M is needed only when t_max > 1000 (see solve_group()) */
    const int need_m = tmax > AIROI__ROOT_RESIDUAL / 1e-12;
#define GROUPS(irr_, m_)                                                                     \
    for (size_t i = 0; i < rows; i += LANES)                                                 \
        solve_group(out + i, v + i * cols, rows - i, cols, t, irr_, tmax, m_, ug, w)
    if (is_irr && need_m)
        GROUPS(1, 1);
    else if (is_irr)
        GROUPS(1, 0);
    else if (need_m)
        GROUPS(0, 1);
    else
        GROUPS(0, 0);
#undef GROUPS
}

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) \
    && defined(__GLIBC__) && !defined(AIROI__IRR_128)
__attribute__((target("avx2,fma"), optimize("fp-contract=fast"))) static void
fast_rows_avx2(double *out, const double *v, size_t rows, size_t cols, const double *t,
               double guess, double *w)
{
    fast_rows(out, v, rows, cols, t, guess, w);
}
#define HAVE_AVX2_CLONE 1
#endif

#ifdef AIROI__IRR_128
/* batch-irr-128.c: 2 rows in one 128-bit register a quantity (SSE2,
 * NEON), for processors without AVX2: 256-bit vectors made of two 128-bit
 * halves by the compiler cost about twice the instructions. */
void airoi__irr_rows_128(double *out, const double *v, size_t rows, size_t cols,
                         const double *t, double guess, double *w)
{
    fast_rows(out, v, rows, cols, t, guess, w);
}
#else
static void fast_rows_base(double *out, const double *v, size_t rows, size_t cols,
                           const double *t, double guess, double *w)
{
    airoi__irr_rows_128(out, v, rows, cols, t, guess, w);
}

static void run(double *out, const double *v, size_t rows, size_t cols, const double *t,
                double guess, double *w)
{
#ifdef HAVE_AVX2_CLONE
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        fast_rows_avx2(out, v, rows, cols, t, guess, w);
        return;
    }
#endif
    fast_rows_base(out, v, rows, cols, t, guess, w);
}

#endif /* AIROI__IRR_128 */

#else /* no vector extension: every row to the careful solver */

static void run(double *out, const double *v, size_t rows, size_t cols, const double *t,
                double guess, double *w)
{
    (void)v, (void)cols, (void)t, (void)guess, (void)w;
    for (size_t i = 0; i < rows; i++)
        out[i] = (double)NAN;
}

#endif

#ifndef AIROI__IRR_128
void airoi__irr_fast(double *out, const double *v, size_t rows, size_t cols, double guess,
                     double *work)
{
    run(out, v, rows, cols, NULL, guess, work);
}

void airoi__xirr_fast(double *out, const double *v, size_t rows, size_t cols, const double *t,
                      double guess, double *work)
{
    run(out, v, rows, cols, t, guess, work);
}
#endif
