/*
 * lib/finance/batch-irr-kernels.h: the fast kernels of airoi_irr_batch() and
 * airoi_xirr_batch(): Halley's iteration in u = ln(1 + r), run on LANES
 * rows at once in vector registers, AIROI__IRR_GROUPS such groups in
 * flight pass by pass (see fast_rows()), for the rows whose root is
 * unique; every other row is left (NaN) to the careful scalar solver.
 *
 * A row qualifies when its values are finite, of ordinary size (the sum of
 * their magnitudes between cols 2^-500 and 2^900: no scaling needed) and
 * change sign exactly once (zeros skipped). Its NPV is then a polynomial in
 * x = 1 / (1 + r) (for XIRR, a sum of exponentials in u) with exactly one
 * sign change in its coefficients, so it has exactly one root with r > -1
 * (Descartes' rule of signs; for XIRR its generalisation to exponential
 * sums): the root the scalar solver finds, whatever the path.
 *
 * With e_j = e^(-t_j u) (t_j = j for IRR, the year fractions for XIRR),
 * one pass over the columns gives F = sum v_j e_j, A = sum t_j v_j e_j
 * (F' = -A) and B = sum t_j^2 v_j e_j (F'' = B), three independent
 * multiply-adds a value (IRR: Horner's scheme in x = e^-u, as two chains
 * in x^2; XIRR: one exponential a value, or the last pass's times
 * e^(-t_j du) when the step du was small: see xirr_sums()). Halley's step
 * d = 2 F A / (2 A^2 - F B) (Newton's F / A where Halley's denominator is
 * not positive), at most 1 in size, converges cubically.
 *
 * The start (start()) is one Halley step from u = 0 on ln P(u) - ln N(u),
 * whose derivatives at 0 are moments of the row's times; on the
 * benchmark's rows it is within about 1e-2 of the root, one pass brings a
 * row within about 1e-6 and the second pass's step lands on the root. A
 * lane is accepted at u + d (d: the pass's step) when its Newton step
 * |F / A| is at most 1e-12 (a step below 1e-12 (1 + r); this needs one
 * more pass), or when near_root() proves, by Taylor's theorem with a bound
 * on |F'''| from the sums at u = 0, that u + d is within AIROI__IRR_TAU of
 * the root (in practice on the second pass). Either way the residual test
 * of the scalar solver |F| <= AIROI__ROOT_RESIDUAL M holds whenever
 * t_max <= 1000 (see group_start()); beyond that the kernel computes M,
 * makes the test itself and accepts by the step test only. A lane that
 * meets a non-finite value, or does not converge in AIROI__NEWTON_MAX_ITER
 * passes, goes to the careful solver. See docs/methodology.md, section
 * 1.13, for the agreement with the scalar results (the tests check it on
 * random and adversarial rows, on every path: airoi__irr_set_path()).
 *
 * The code is plain GNU C vector arithmetic (no intrinsics), included by
 * two files: batch-irr.c (AIROI__IRR_LANES lanes; on x86-64 Linux with GCC
 * compiled for AVX2 with FMA, chosen at run time when the processor has
 * both) and batch-irr-128.c (2 lanes, one 128-bit register: SSE2, NEON),
 * the path of every other processor: 4 lanes split into 128-bit halves by
 * the compiler cost about twice the instructions.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "finance-private.h"

#ifndef LANES /* batch-irr.c: AIROI__IRR_LANES; batch-irr-128.c: 2 */
#define LANES AIROI__IRR_LANES
#endif
/* doubles a column of a group in the work area: values, t v, t^2 v, |v|
 * (only when M is needed), and XIRR's exponentials of the last pass */
#define STRIDE (5 * LANES)

/* How close to the root near_root() must prove u + d: 2^-44 (5.7e-14) in
 * u, so about that relative in 1 + r, a twentieth of the tolerance of the
 * batch forms (1e-12 (1 + |r|), docs/methodology.md, 1.13). */
#define AIROI__IRR_TAU 0x1p-44

#if defined(__GNUC__)

/* batch-irr.c with GCC on x86-64 Linux: the kernels of LANES lanes exist
 * only in the AVX2 + FMA clone chosen at run time (fast_rows_avx2()), so
 * they are compiled for it, up to that function. */
#if !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && defined(__GLIBC__) \
    && !defined(AIROI__IRR_128)
#define HAVE_AVX2_CLONE 1
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#endif

typedef double vd __attribute__((vector_size(LANES * sizeof(double))));
typedef long long vm __attribute__((vector_size(LANES * sizeof(long long))));

#define ALWAYS_INLINE static inline __attribute__((always_inline))

/* Vectors of 4 doubles passed between always-inline functions: no call,
 * so the AVX calling convention does not matter. */
#pragma GCC diagnostic ignored "-Wpsabi"

#if defined(__clang__)
#define VSHUF(a, b, ...) __builtin_shufflevector(a, b, __VA_ARGS__)
#else
#define VSHUF(a, b, ...) __builtin_shuffle(a, b, (vm){__VA_ARGS__})
#endif

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
#if defined(HAVE_AVX2_CLONE) && LANES == 4
    return __builtin_ia32_blendvpd256(b, a, (vd)m);
#else
    return (vd)((m & (vm)a) | (~m & (vm)b));
#endif
}

ALWAYS_INLINE vd vabs(vd x)
{
    return (vd)((vm)x & 0x7fffffffffffffffLL);
}

/* min(a, b) and max(a, b) lane by lane, for operands that are not NaN */
ALWAYS_INLINE vd vmin(vd a, vd b)
{
#if defined(HAVE_AVX2_CLONE) && LANES == 4
    return __builtin_ia32_minpd256(a, b);
#elif defined(__x86_64__) && !defined(__clang__) && LANES == 2
    return __builtin_ia32_minpd(a, b);
#else
    return vsel(a < b, a, b);
#endif
}

ALWAYS_INLINE vd vmax(vd a, vd b)
{
#if defined(HAVE_AVX2_CLONE) && LANES == 4
    return __builtin_ia32_maxpd256(a, b);
#elif defined(__x86_64__) && !defined(__clang__) && LANES == 2
    return __builtin_ia32_maxpd(a, b);
#else
    return vsel(a > b, a, b);
#endif
}

#if LANES != 2 && LANES != 4 && LANES != 8
#error "the kernels are written for 2, 4 or 8 lanes"
#endif

ALWAYS_INLINE int vany(vm m)
{
#if defined(HAVE_AVX2_CLONE) && LANES == 4
    return __builtin_ia32_movmskpd256((vd)m) != 0;
#elif defined(__x86_64__) && !defined(__clang__) && LANES == 2
    return __builtin_ia32_movmskpd((vd)m) != 0;
#elif LANES == 8
    return (((m[0] | m[1]) | (m[2] | m[3])) | ((m[4] | m[5]) | (m[6] | m[7]))) != 0;
#elif LANES == 2
    return (m[0] | m[1]) != 0;
#else
    return ((m[0] | m[1]) | (m[2] | m[3])) != 0;
#endif
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

/* e^z by its Taylor polynomial of degree deg (4 to 10, even): truncation
 * below 2^-56 relative for |z| <= 2^-10, 2^-7, 2^-5, 2^-3 (degrees 4, 6, 8,
 * 10), the bounds of taylor_degree(). */
ALWAYS_INLINE vd vexp_taylor(vd z, int deg)
{
    static const double c[] = {1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0, 1.0 / 5040.0,
                               1.0 / 720.0,     1.0 / 120.0,    1.0 / 24.0,    1.0 / 6.0,
                               0.5,             1.0,            1.0};
    const size_t first = (size_t)(10 - deg);
    vd p = vsplat(c[first]);
#pragma GCC unroll 16
    for (size_t k = first + 1; k < sizeof c / sizeof c[0]; k++)
        p = p * z + c[k];
    return p;
}

/* The degree of vexp_taylor() for |z| <= zmax, 0 beyond 1/8. */
static inline int taylor_degree(double zmax)
{
    return zmax <= 0x1p-10 ? 4 : zmax <= 0x1p-7 ? 6 : zmax <= 0x1p-5 ? 8 : zmax <= 0x1p-3 ? 10 : 0;
}

/* ln z for finite z > 0, to about 1e-8 relative (enough for a start):
 * z = 2^k m with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s) with
 * s = (m - 1) / (m + 1), |s| <= 0.172, by five terms of its series. */
ALWAYS_INLINE vd vlog(vd z)
{
    const vm bits = (vm)z;
    vd m = (vd)((bits & 0x000fffffffffffffLL) | 0x3ff0000000000000LL);
    const vm hi = m > 1.4142135623730951;
    m = vsel(hi, 0.5 * m, m);
    /* k as a double: 1.5 * 2^52 + k read as a double, less 1.5 * 2^52 */
    const vm k = ((bits >> 52) & 0x7ff) - 1023 - hi;
    const vd kd = (vd)(k + 0x4338000000000000LL) - 0x1.8p52;
    const vd s = (m - 1.0) / (m + 1.0), s2 = s * s;
    const vd at = s * (1.0 + s2 * (1.0 / 3.0 + s2 * (0.2 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0)))));
    return kd * 0.6931471805599453 + 2.0 * at;
}

/* Columns j to j + LANES - 1 of LANES full rows at v (row length cols)
 * as LANES vectors, one a column. */
ALWAYS_INLINE void transpose_block(vd *c, const double *v, size_t cols)
{
#if LANES == 2
    const vd r0 = vload(v), r1 = vload(v + cols);
    c[0] = VSHUF(r0, r1, 0, 2);
    c[1] = VSHUF(r0, r1, 1, 3);
#elif LANES == 4
    const vd r0 = vload(v), r1 = vload(v + cols);
    const vd r2 = vload(v + 2 * cols), r3 = vload(v + 3 * cols);
    const vd t0 = VSHUF(r0, r1, 0, 4, 2, 6), t1 = VSHUF(r0, r1, 1, 5, 3, 7);
    const vd t2 = VSHUF(r2, r3, 0, 4, 2, 6), t3 = VSHUF(r2, r3, 1, 5, 3, 7);
    c[0] = VSHUF(t0, t2, 0, 1, 4, 5);
    c[1] = VSHUF(t1, t3, 0, 1, 4, 5);
    c[2] = VSHUF(t0, t2, 2, 3, 6, 7);
    c[3] = VSHUF(t1, t3, 2, 3, 6, 7);
#else
    for (size_t j = 0; j < LANES; j++)
        for (size_t k = 0; k < LANES; k++)
            c[j][k] = v[k * cols + j];
#endif
}

/* The sums of one group at u (see the top of the file). w holds the
 * group's columns: w[STRIDE j] values, then t_j values, t_j^2 values,
 * |values| and the last exponentials, LANES doubles each. M only when
 * need_m. */
typedef struct sums {
    vd f, a, b, m;
} sums;

/* IRR: F = P(x), A = x P'(x), B = x P'(x) + x^2 P''(x) for the polynomial
 * P(x) = sum v_j x^j at x = e^-u, by Horner's scheme for P and its first
 * two derivatives together from the last column (c: P''/2), three
 * multiply-adds a value that do not wait for one another; M (when need_m)
 * likewise from the |values|. */
ALWAYS_INLINE void irr_step(vd *p, vd *b, vd *c, vd *m, const double *col, vd x, int need_m)
{
    *c = *c * x + *b;
    *b = *b * x + *p;
    *p = *p * x + vload(col);
    if (need_m)
        *m = *m * x + vload(col + 3 * LANES);
}

ALWAYS_INLINE sums irr_sums(const double *w, size_t cols, vd x, int need_m)
{
    const double *col = w + STRIDE * (cols - 1);
    vd p = vload(col), b = {0}, c = {0}, m = {0};
    if (need_m)
        m = vload(col + 3 * LANES);
    if (!(cols & 1)) {
        col -= STRIDE;
        irr_step(&p, &b, &c, &m, col, x, need_m);
    }
    while (col != w) {
        irr_step(&p, &b, &c, &m, col - STRIDE, x, need_m);
        irr_step(&p, &b, &c, &m, col - 2 * STRIDE, x, need_m);
        col -= 2 * STRIDE;
    }
    const vd a = x * b;
    return (sums){p, a, a + 2.0 * (x * x) * c, m};
}

/* XIRR: e_j = e^(-t_j u), the sums of the even and odd columns apart (two
 * chains of additions). deg 0: one exponential a value; else the last
 * pass's e_j (kept in the work area) times e^(-t_j du), du = u - the last
 * pass's u, by vexp_taylor() of that degree (the caller checks |t_j du|
 * against its bound). */
ALWAYS_INLINE void xirr_term(sums *s, double *c, double tj, vd u, vd du, int deg, int need_m)
{
    vd e;
    if (deg == 0)
        e = vexp(-tj * u);
    else
        e = vload(c + 4 * LANES) * vexp_taylor(-tj * du, deg);
    vstore(c + 4 * LANES, e);
    s->f += vload(c) * e;
    s->a += vload(c + LANES) * e;
    s->b += vload(c + 2 * LANES) * e;
    if (need_m)
        s->m += vload(c + 3 * LANES) * e;
}

ALWAYS_INLINE sums xirr_sums(double *w, size_t cols, const double *tt, vd u, vd du, int deg,
                             int need_m)
{
    sums s = {{0}, {0}, {0}, {0}}, o = s;
    size_t j = 0;
    for (; j + 1 < cols; j += 2) {
        xirr_term(&s, w + STRIDE * j, tt[3 * j], u, du, deg, need_m);
        xirr_term(&o, w + STRIDE * (j + 1), tt[3 * j + 3], u, du, deg, need_m);
    }
    if (j < cols)
        xirr_term(&s, w + STRIDE * j, tt[3 * j], u, du, deg, need_m);
    s.f += o.f;
    s.a += o.a;
    s.b += o.b;
    if (need_m)
        s.m += o.m;
    return s;
}

/*
 * The sums at u = 0 of a group's rows, over its positive values and over
 * the absolute values of its negative ones: P_k = sum t_j^k v_j over
 * v_j > 0, N_k = sum t_j^k |v_j| over v_j < 0, k = 0, 1, 2; and its
 * qualification, taken with the columns from the last to the first:
 * np = max over j of min(v_j+, N_0 of the columns after j) is positive
 * when a negative value follows a positive one, pn likewise for a positive
 * after a negative (zeros skipped; min and max are exact, so nothing
 * underflows to 0), and exactly one sign change is (np > 0) != (pn > 0).
 */
typedef struct moments {
    vd p0, p1, p2, n0, n1, n2, np, pn;
} moments;

/* Column j (its LANES values x) into the work area at c and into the
 * moments, the columns from the last to the first; tt: t_j, t_j^2. XIRR
 * keeps t_j x and t_j^2 x for its passes (IRR's Horner scheme needs only
 * the values) and sums t_j x and t_j^2 x in n1 and n2 (made into N_1 and
 * N_2 by moments_end()). IRR: Horner's scheme at x = 1 for P, P' and
 * P''/2 (no multiplication), made into the moments by moments_end(). */
ALWAYS_INLINE void setup_column(moments *s, double *c, vd x, const double *tt, int is_irr,
                                int need_m)
{
    vstore(c, x);
    if (need_m)
        vstore(c + 3 * LANES, vabs(x));
    const vd px = (vd)((vm)x & (x > 0.0)), nx = px - x;
    s->np = vmax(s->np, vmin(px, s->n0));
    s->pn = vmax(s->pn, vmin(nx, s->p0));
    if (is_irr) {
        s->p2 += s->p1;
        s->p1 += s->p0;
        s->p0 += px;
        s->n2 += s->n1;
        s->n1 += s->n0;
        s->n0 += nx;
    } else {
        const double t1 = tt[0], t2 = tt[1];
        const vd tx = x * t1, t2x = x * t2;
        vstore(c + LANES, tx);
        vstore(c + 2 * LANES, t2x);
        s->p0 += px;
        s->p1 += px * t1;
        s->p2 += px * t2;
        s->n0 += nx;
        s->n1 += tx;
        s->n2 += t2x;
    }
}

/* IRR: sum j^2 v_j = P'(1) + P''(1), likewise for N. XIRR: N_k = P_k -
 * S_k. */
ALWAYS_INLINE void moments_end(moments *s, int is_irr)
{
    if (is_irr) {
        s->p2 = s->p1 + 2.0 * s->p2;
        s->n2 = s->n1 + 2.0 * s->n2;
    } else {
        s->n1 = s->p1 - s->n1;
        s->n2 = s->p2 - s->n2;
    }
}

/*
 * The start: one Halley step from u = 0 on G(u) = ln P(u) - ln N(u) (P:
 * the sum of the positive terms, N: of the absolute values of the
 * negative ones): G(0) = g = ln(P / N), G'(0) = -beta with beta = T_P -
 * T_N, G''(0) = 2 alpha with alpha = (V_P - V_N) / 2, where T and V are
 * the mean and the variance of the times of P(0) and N(0) weighted by the
 * values. Halley's step on the quadratic g - beta u + alpha u^2 is
 * u = g beta / (beta^2 - alpha g), its denominator kept at least beta^2 /
 * 2 (the step at most twice Newton's g / beta). Lanes that do not
 * qualify get anything (NaN, say): the caller puts the guess there.
 */
ALWAYS_INLINE vd start(const moments *s)
{
    const vd ip = 1.0 / s->p0, in = 1.0 / s->n0;
    const vd tp = s->p1 * ip, tn = s->n1 * in;
    const vd vp = s->p2 * ip - tp * tp, vn = s->n2 * in - tn * tn;
    const vd g = vlog(s->p0 * in);
    const vd beta = tp - tn, alpha = 0.5 * (vp - vn);
    const vd b2 = beta * beta, den = b2 - alpha * g;
    return g * beta / vsel(den >= 0.5 * b2, den, 0.5 * b2);
}

/*
 * Whether u + d is provably within AIROI__IRR_TAU of the root (lane
 * masks). With g(s) = F(u + s) and |s| <= rho = 2 |d| + 2^-40:
 * |g'''(s)| <= L = t_max Sabs_2(0) e^(t_max (max(-u, 0) + rho)) (Sabs_2 =
 * sum t_j^2 |v_j| = P_2 + N_2; each term's e^(-t_j (u + s)) is at most
 * that factor), and the exponential is at most 1 + y + y^2 for y <= 1. Taylor: |g(d)| <= |F - A d + B d^2 / 2| +
 * L rho^3 / 6 and |g'(s)| >= |A| - |B| rho - L rho^2 / 2 = m1 > 0 on
 * [-rho, rho], so g has a root within |g(d)| / m1 of d (and it is the
 * row's only root). The computed F, A, B are within E, E t_max,
 * E t_max^2 of the exact sums at the point evaluated, E = eps_f M(0)
 * (M(0) = sum |v_j| = P_0 + N_0) times the same factor (eps_f = (4 cols + 8) 2^-53: Horner's or the
 * summation's rounding and the exponentials' few ulps); 2^-50 of the
 * magnitudes covers the rounding of the Taylor sum itself. Accepts only
 * steps of at most 2^-12 (the caller's e^d by a short series).
 */
ALWAYS_INLINE vm near_root(const sums *s, vd l3_0, vd e_0, vd u, vd d, double tmax)
{
    const vd ad = vabs(d), rho = 2.0 * ad + 0x1p-40;
    const vd y = tmax * (vmax(-u, vsplat(0.0)) + rho);
    const vd grow = 1.0 + y * (1.0 + y);
    const vd l3 = l3_0 * grow, e = e_0 * grow;
    const vd tr = tmax * rho;
    const vd ad_a = s->a * d, bdd = 0.5 * s->b * d * d;
    const vd q = (s->f - ad_a) + bdd;
    const vd num = vabs(q) + 0x1p-50 * (vabs(s->f) + vabs(ad_a) + vabs(bdd)) +
                   e * (1.0 + tr * (1.0 + tr)) + l3 * (rho * rho * rho * (1.0 / 6.0));
    const vd m1 = vabs(s->a) - e * tmax - (vabs(s->b) + e * (tmax * tmax)) * rho -
                  0.5 * l3 * (rho * rho);
    return (y <= 1.0) & (ad <= 0x1p-12) & (num <= AIROI__IRR_TAU * m1);
}

/* The state of a group of LANES rows between passes. */
typedef struct group {
    vd u, uprev;
    vd l3_0, e_0; /* near_root()'s L and E at y = 0 */
    /* the root: IRR e^(-u) and d (r = e^d / x - 1); XIRR u + d */
    vd xres, dres, ures;
    vm live, done;
    int small; /* XIRR: passes in a row with the cheap exponentials */
} group;

/*
 * One group of LANES rows of v (rows left: those past the end are
 * skipped): transposes them into w with their t and t^2 multiples (and
 * absolute values when need_m), qualifies them and starts them. tt holds
 * t_j, t_j^2, t_j^3 for each column; is_irr: t_j = j.
 *
 * The stopping test on Newton's step |F / A| <= 1e-12 implies the residual
 * test |F| <= 1e-9 M whenever t_max <= 1000, as |A| <= t_max M, and so
 * does near_root()'s (|F(u + d)| <= 2^-44 |A| roughly); only beyond that
 * is M computed and the test made, and near_root() not used.
 */
ALWAYS_INLINE void group_start(group *g, const double *v, size_t left, size_t cols,
                               const double *tt, int is_irr, double tmax, int need_m, double ug,
                               double eps_f, double m_lo, double *w)
{
    moments z = {{0}, {0}, {0}, {0}, {0}, {0}, {0}, {0}};
    size_t j = cols; /* columns j.. are done */
    if (left >= LANES && cols >= LANES) {
        /* blocks of LANES columns from the last; then the first j < LANES
         * columns from the block of the first LANES */
        for (; j >= LANES; j -= LANES) {
            vd c[LANES];
            transpose_block(c, v + j - LANES, cols);
#pragma GCC unroll 8
            for (size_t k = LANES; k-- > 0;)
                setup_column(&z, w + STRIDE * (j - LANES + k), c[k], tt + 3 * (j - LANES + k),
                             is_irr, need_m);
        }
        if (j > 0) {
            vd c[LANES];
            transpose_block(c, v, cols);
#pragma GCC unroll 8
            for (size_t k = LANES - 1; k-- > 0;)
                if (k < j)
                    setup_column(&z, w + STRIDE * k, c[k], tt + 3 * k, is_irr, need_m);
        }
    } else {
        while (j-- > 0) {
            vd x;
            for (size_t k = 0; k < LANES; k++)
                x[k] = k < left ? v[k * cols + j] : 0.0;
            setup_column(&z, w + STRIDE * j, x, tt + 3 * j, is_irr, need_m);
        }
    }
    moments_end(&z, is_irr);
    /* finite and of ordinary size (rows past the end: M(0) = 0), one sign
     * change */
    const vd m0 = z.p0 + z.n0;
    g->live = (m0 <= 0x1p900) & (m0 >= m_lo) & ((z.np > 0.0) != (z.pn > 0.0));
    vd u = start(&z);
    const double lim = 350.0 / tmax < 20.0 ? 350.0 / tmax : 20.0;
    g->u = g->uprev = vsel(vabs(u) <= lim, u, vsplat(ug));
    g->l3_0 = tmax * (z.p2 + z.n2);
    g->e_0 = eps_f * m0;
    g->done = (vm){0};
    g->xres = vsplat(1.0);
    g->dres = g->ures = (vd){0};
    g->small = 0;
}

/* Pass it (from 0) of a group with live lanes. */
ALWAYS_INLINE void group_pass(group *g, int it, size_t cols, const double *tt, int is_irr,
                              double tmax, int need_m, double *w)
{
    const double huge = 0x1.fffffffffffffp1023;
    /* the exponentials need |t u| <= 700 */
    vm live = g->live & (vabs(g->u) * tmax <= 700.0);
    const vd u = (vd)((vm)g->u & live);
    sums s;
    vd x = {0};
    if (is_irr) {
        x = vexp(-u);
        s = irr_sums(w, cols, x, need_m);
    } else {
        /* the last pass's exponentials times e^(-t_j du) when every live
         * lane moved little, at most 3 passes in a row */
        const vd du = u - g->uprev, adu = vsel(live, vabs(du), vsplat(0.0));
        double dmax = 0.0;
        for (size_t k = 0; k < LANES; k++)
            dmax = adu[k] > dmax ? adu[k] : dmax;
        const int deg = it > 0 && g->small < 3 ? taylor_degree(dmax * tmax) : 0;
        g->small = deg ? g->small + 1 : 0;
        switch (deg) {
        case 4:
            s = xirr_sums(w, cols, tt, u, du, 4, need_m);
            break;
        case 6:
            s = xirr_sums(w, cols, tt, u, du, 6, need_m);
            break;
        case 8:
            s = xirr_sums(w, cols, tt, u, du, 8, need_m);
            break;
        case 10:
            s = xirr_sums(w, cols, tt, u, du, 10, need_m);
            break;
        default:
            s = xirr_sums(w, cols, tt, u, du, 0, need_m);
            break;
        }
        g->uprev = u;
    }
    const vd newton = s.f / s.a;
    /* finite sums and a nonzero derivative (NaN fails the test) */
    live &= vabs(s.a) + vabs(s.b) + vabs(newton) <= huge;
    const vd den = 2.0 * s.a * s.a - s.f * s.b;
    const vd halley = 2.0 * s.f * s.a / den;
    vd d = vsel((den > 0.0) & (halley * newton >= 0.0), halley, newton);
    d = vmax(vmin(d, vsplat(1.0)), vsplat(-1.0));
    d = (vd)((vm)d & live);
    const vm stop = live & (vabs(newton) <= 1e-12);
    vm good = stop;
    if (need_m)
        good &= (vabs(s.m) <= huge) & (vabs(s.f) <= AIROI__ROOT_RESIDUAL * s.m);
    else if (vany(live & (vabs(d) <= 0x1p-12)))
        good |= live & near_root(&s, g->l3_0, g->e_0, u, d, tmax);
    if (is_irr) {
        g->xres = vsel(good, x, g->xres);
        g->dres = vsel(good, d, g->dres);
    } else {
        g->ures = vsel(good, u + d, g->ures);
    }
    g->done |= good;
    g->live = live & ~(stop | good);
    g->u = u + d;
}

/* The rates of a group into out[0..left-1] (NaN for a lane left to the
 * careful solver). */
ALWAYS_INLINE void group_end(const group *g, double *out, size_t left, int is_irr)
{
    vd r;
    if (is_irr) {
        /* e^d (|d| <= 2^-12: the series to d^4, truncation below 2^-63) */
        const vd d = g->dres;
        const vd ed = 1.0 + d * (1.0 + d * (0.5 + d * (1.0 / 6.0 + d * (1.0 / 24.0))));
        r = ed / g->xres - 1.0;
    } else {
        r = vexp(g->ures) - 1.0;
    }
    /* a rate within 2^-50 of -1 to the careful solver, which tells a root
     * that rounds to -1 (an error) from one just above it */
    r = vsel(g->done & (r >= -1.0 + 0x1p-50), r, vsplat((double)NAN));
    if (left >= LANES)
        vstore(out, r);
    else
        for (size_t k = 0; k < left; k++)
            out[k] = r[k];
}

/* t is NULL for IRR (t_j = j). The work area: the columns of
 * AIROI__IRR_GROUPS groups, then t_j, t_j^2, t_j^3 for each column. The
 * rows go in blocks of AIROI__IRR_GROUPS groups, pass by pass: the passes
 * of different groups are independent, so the processor overlaps them
 * (one group's pass is a chain of dependent operations). */
ALWAYS_INLINE void fast_rows(double *out, const double *v, size_t rows, size_t cols,
                             const double *t, double guess, double *w)
{
    const int is_irr = t == NULL;
    double *tt = w + AIROI__IRR_GROUPS * STRIDE * cols;
    double tmax = 1.0;
    for (size_t j = 0; j < cols; j++) {
        const double tj = is_irr ? (double)j : t[j];
        tt[3 * j] = tj;
        tt[3 * j + 1] = tj * tj;
        tt[3 * j + 2] = tj * tj * tj;
        tmax = tj > tmax ? tj : tmax;
    }
    const double ug = log1p(guess);
    const double eps_f = (4.0 * (double)cols + 8.0) * 0x1p-53;
    const double m_lo = (double)cols * 0x1p-500;
    /* M is needed only when t_max > 1000 (see group_start()) */
    const int need_m = tmax > AIROI__ROOT_RESIDUAL / 1e-12;
#define BLOCKS(irr_, m_)                                                                     \
    for (size_t i = 0; i < rows; i += AIROI__IRR_GROUPS * LANES) {                           \
        group g[AIROI__IRR_GROUPS];                                                          \
        size_t n = 0;                                                                        \
        for (; n < AIROI__IRR_GROUPS && i + n * LANES < rows; n++)                           \
            group_start(&g[n], v + (i + n * LANES) * cols, rows - i - n * LANES, cols, tt,   \
                        irr_, tmax, m_, ug, eps_f, m_lo, w + n * STRIDE * cols);             \
        for (int it = 0, any = 1; any && it < AIROI__NEWTON_MAX_ITER; it++) {                \
            any = 0;                                                                         \
            for (size_t k = 0; k < n; k++)                                                   \
                if (vany(g[k].live)) {                                                       \
                    group_pass(&g[k], it, cols, tt, irr_, tmax, m_, w + k * STRIDE * cols);  \
                    any = 1;                                                                 \
                }                                                                            \
        }                                                                                    \
        for (size_t k = 0; k < n; k++)                                                       \
            group_end(&g[k], out + i + k * LANES, rows - i - k * LANES, irr_);               \
    }
    if (is_irr && need_m)
        BLOCKS(1, 1)
    else if (is_irr)
        BLOCKS(1, 0)
    else if (need_m)
        BLOCKS(0, 1)
    else
        BLOCKS(0, 0)
#undef BLOCKS
}

#ifdef HAVE_AVX2_CLONE
__attribute__((optimize("fp-contract=fast"))) static void
fast_rows_avx2(double *out, const double *v, size_t rows, size_t cols, const double *t,
               double guess, double *w)
{
    fast_rows(out, v, rows, cols, t, guess, w);
}
#pragma GCC pop_options
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
#define HAVE_KERNELS 0
#else
#define HAVE_KERNELS 1
#endif

#else /* no vector extension: every row to the careful solver */
#define HAVE_KERNELS 0
#endif

#ifndef AIROI__IRR_128
/* The path of airoi__irr_set_path(): a test's choice, or the default. */
static int irr_path = AIROI__IRR_PATH_AUTO;

int airoi__irr_set_path(int path)
{
    const int old = irr_path;
    irr_path = path;
    return old;
}

static void run(double *out, const double *v, size_t rows, size_t cols, const double *t,
                double guess, double *w)
{
#if HAVE_KERNELS
#ifdef HAVE_AVX2_CLONE
    if (irr_path == AIROI__IRR_PATH_AUTO && __builtin_cpu_supports("avx2")
        && __builtin_cpu_supports("fma")) {
        fast_rows_avx2(out, v, rows, cols, t, guess, w);
        return;
    }
#endif
    if (irr_path != AIROI__IRR_PATH_CAREFUL) {
        airoi__irr_rows_128(out, v, rows, cols, t, guess, w);
        return;
    }
#endif
    (void)v, (void)cols, (void)t, (void)guess, (void)w;
    for (size_t i = 0; i < rows; i++)
        out[i] = (double)NAN;
}

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
