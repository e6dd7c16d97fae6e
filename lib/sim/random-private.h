/*
 * lib/sim/random-private.h: the pure mathematics of simulation.
 *
 * - a counter-based generator (Philox4x32-10) giving trial i's uniforms as a
 *   function of (seed, trial, dimension) alone;
 * - scrambled Sobol points, addressed by index;
 * - the normal quantile and distribution function;
 * - compiled distributions (fixed, uniform, triangular, PERT, normal,
 *   lognormal, discrete, bernoulli, each optionally truncated) with their
 *   exact quantile functions and moments;
 * - the Gaussian copula's factor of a rank-correlation matrix, with its
 *   positive semi-definite check and repair.
 *
 * Every formula and its source is in docs/methodology.md, section 3. None
 * of these functions keeps state between calls, and none allocates except
 * airoi__dist_compile() (what the matching airoi__dist_release() frees)
 * and airoi__corr_factor() (temporary buffers); all may be called from
 * many threads at once.
 */
#ifndef AIROI_RANDOM_PRIVATE_H
#define AIROI_RANDOM_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model-private.h"

/* On x86-64 with GNU C and ifunc support (glibc), a function marked so has
 * an AVX2 clone chosen at load time when the processor has it. Only for
 * code whose every operation is exact or correctly rounded (integer
 * arithmetic, conversions, + - x / and sqrt, no contraction: c11 mode
 * sets -ffp-contract=off), so that every clone gives the same bits.
 * Elsewhere (clang, the mingw build) the portable code alone. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) \
    && defined(__GLIBC__)
#define AIROI__SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define AIROI__SIMD_CLONES
#endif

/* a when c is 1, b when c is 0, by bit masks, both computed already: the
 * form of a choice that the compiler vectorises (conditional arithmetic
 * it does not, under the default -ftrapping-math). */
static inline double airoi__sim_select(int64_t c, double a, double b)
{
    uint64_t ia, ib, m = (uint64_t)0 - (uint64_t)c;
    memcpy(&ia, &a, sizeof ia);
    memcpy(&ib, &b, sizeof ib);
    uint64_t r = (ia & m) | (ib & ~m);
    double x;
    memcpy(&x, &r, sizeof x);
    return x;
}

/* ------------------------------------------------------------ uniforms */

/* Philox4x32 with 10 rounds (Salmon, Moraes, Dror and Shaw 2011): out is
 * the bijection keyed by key applied to the counter ctr. */
void airoi__philox4x32_10(uint32_t out[4], const uint32_t ctr[4], const uint32_t key[2]);

/* The uniform of (seed, trial, dim), in (0, 1), never 0 or 1: word dim % 4
 * of Philox4x32-10 with counter (trial, dim / 4) and key seed, as
 * (w + 0.5) 2^-32. */
double airoi__sim_uniform(uint64_t seed, uint64_t trial, uint64_t dim);

/* u[k] = airoi__sim_uniform(seed, trial, dim0 + k) for k < n, four per
 * Philox call. */
void airoi__sim_uniforms(double *u, size_t n, uint64_t seed, uint64_t trial, uint64_t dim0);

/* Trials evaluated side by side (the lanes of a trial block): the engine
 * keeps each uniform dimension of AIROI__SIM_LANES consecutive trials in
 * one row, so that generator, quantiles and NPV run across trials. */
#define AIROI__SIM_LANES 64

/* Philox block `block` (dimensions 4 block .. 4 block + 3) of the trials
 * trial0 .. trial0 + AIROI__SIM_LANES - 1: u[w stride + j] =
 * airoi__sim_uniform(seed, trial0 + j, 4 block + w), bit for bit, for
 * w < 4 and j < AIROI__SIM_LANES (stride >= AIROI__SIM_LANES). */
void airoi__sim_uniforms_trials(double *u, size_t stride, uint64_t seed, uint64_t trial0,
                                uint64_t block);
/* The same with the kernel of `level` (0 portable, 1 AVX2, 2 AVX-512VL) or
 * the best below it this processor runs; returns the level it ran (the
 * tests compare every kernel the machine has). */
int airoi__sim_uniforms_trials_at(int level, double *u, size_t stride, uint64_t seed,
                                  uint64_t trial0, uint64_t block);

/* Dimensions with Sobol direction numbers (Joe and Kuo 2008). Dimensions
 * from this one on, and indexes from 2^32 on, are padded with
 * airoi__sim_uniform(seed, index, dim): still a function of (seed, index). */
#define AIROI__SOBOL_DIMS 1024u

/* One line of Joe and Kuo's table: degree s, coefficients a, m_1 .. m_s. */
typedef struct airoi__sobol_poly {
    uint8_t s;
    uint16_t a;
    uint16_t m[13];
} airoi__sobol_poly;
extern const airoi__sobol_poly airoi__sobol_table[AIROI__SOBOL_DIMS - 1];

/* A Sobol dimension ready to use: its 32 direction numbers and its
 * scrambling key (or padding, beyond the table). */
typedef struct airoi__sobol_dim {
    uint32_t v[32];
    uint32_t scramble;
    int padded;         /* dim >= AIROI__SOBOL_DIMS: plain uniforms */
    uint64_t seed;
    uint32_t dim;
} airoi__sobol_dim;

/* Prepares dimension dim of the sequence scrambled by seed. */
void airoi__sobol_dim_init(airoi__sobol_dim *sd, uint64_t seed, uint32_t dim);
/* Point index of a prepared dimension, in (0, 1). */
double airoi__sobol_dim_uniform(const airoi__sobol_dim *sd, uint64_t index);
/* The unscrambled 32-bit Sobol coordinate (index < 2^32, dim below the
 * limit), for tests. */
uint32_t airoi__sobol_bits(const airoi__sobol_dim *sd, uint64_t index);
/* Coordinate dim of point index of the Sobol sequence with Owen-type
 * nested scrambling keyed by (seed, dim), in (0, 1): the same value as
 * airoi__sobol_dim_init() then airoi__sobol_dim_uniform(), without the
 * preparation (about five times slower per call: it derives the direction
 * numbers and the scrambling key each time; prepare the dimensions once
 * in a hot loop). */
double airoi__sobol_uniform(uint64_t seed, uint64_t index, uint32_t dim);

/* -------------------------------------------------------------- normal */

/* Standard normal quantile (Wichura's AS241, PPND16): p in (0, 1). */
double airoi__norm_quantile(double p);
/* The same from p and q = 1 - p given separately (the smaller one is used,
 * so that truncated tails keep their precision). */
double airoi__norm_quantile_pq(double p, double q);
/* Standard normal distribution function, 0.5 erfc(-x / sqrt 2). */
double airoi__norm_cdf(double x);

/* ---------------------------------------------------------------- beta */

/* Regularized incomplete beta I_x(a, b), a, b > 0, x in [0, 1]; *q gets
 * 1 - I_x(a, b) computed without cancellation (q may be NULL). */
double airoi__beta_inc(double x, double a, double b, double lbeta, double *q);
/* ln B(a, b) (through tgamma when a + b < 170, Stirling's series beyond). */
double airoi__lbeta(double a, double b);
/* The x in [0, 1] with I_x(a, b) = p, by Halley's method safeguarded by
 * bisection, started from x0 (any value outside (0, 1): from 1/2). Best
 * for p <= 1/2; solve the mirrored law I_(1-x)(b, a) = 1 - p otherwise. */
double airoi__beta_solve(double p, double a, double b, double lbeta, double x0);

/* ------------------------------------------------------- distributions */

/* Kinds of a compiled distribution (a distribution whose law is a single
 * point compiles to FIXED). */
enum {
    AIROI__DK_FIXED = 0,
    AIROI__DK_UNIFORM,
    AIROI__DK_TRIANGULAR,
    AIROI__DK_PERT,
    AIROI__DK_NORMAL,
    AIROI__DK_LOGNORMAL,
    AIROI__DK_DISCRETE
};

/* Nodes of the PERT quantile's table (per side). */
#define AIROI__PERT_NODES 257

/* A distribution compiled from an uncertainty, ready to sample. Plain
 * data except the arrays, which airoi__dist_release() frees; copy it only
 * by compiling again. */
typedef struct airoi__dist {
    int kind;              /* AIROI__DK_* */
    int distribution;      /* the airoi_distribution it came from */
    double lo, hi;         /* support after truncation (may be infinite) */
    double mean, sd;       /* exact moments of the truncated law */
    /* Continuous laws: the truncated quantile at u is the parent's at
     * p = plo + u pw (and q = qlo - u pw = 1 - p, kept separately). */
    double plo, qlo, pw;
    /* FIXED: x0. UNIFORM: x0 + x1 u. TRIANGULAR: low x0, high x1, mode
     * at probability fm, c_lo = (H - L)(M - L), c_hi = (H - L)(H - M).
     * NORMAL / LOGNORMAL: location x0, scale x1 (of the log). PERT: low
     * x0, width x1, beta shapes alpha, beta. */
    double x0, x1, fm, c_lo, c_hi;
    double alpha, beta, lbeta;
    /* PERT: tables of x(t), t = p^(1/alpha) on [0, 0.5^(1/alpha)] (and of
     * the mirrored law with t = q^(1/beta)): per node the value, first and
     * second derivatives and whether the interpolation after it was
     * verified (lib/sim/dist.c). */
    double *table;         /* 2 sides x 4 columns x AIROI__PERT_NODES */
    double t_step_lo, t_step_hi;
    /* DISCRETE (and bernoulli): ascending values and cumulative
     * probabilities of the truncated law, cum[n - 1] = 1. */
    double *values;
    double *cum;
    size_t n;
} airoi__dist;

/* Compiles u into d. On failure d is empty (release is harmless), msg
 * (when cap > 0) holds a sentence naming the bad parameter, and the result
 * is AIROI_ERR_INVALID (or AIROI_ERR_NOMEM); the thread's error message is
 * not touched. */
int airoi__dist_compile(airoi__dist *d, const airoi__uncertainty *u, char *msg, size_t cap);
/* Frees what d holds; d may be empty or zeroed. */
void airoi__dist_release(airoi__dist *d);
/* Inverse distribution function of the truncated law at u in (0, 1). */
double airoi__dist_quantile(const airoi__dist *d, double u);
/* x[k] = airoi__dist_quantile(d, u[k]) for k < n (x may equal u). */
void airoi__dist_quantiles(const airoi__dist *d, double *x, const double *u, size_t n);
/* The same for rows x AIROI__SIM_LANES values (a trial block's rows), in
 * whole lanes that the compiler vectorises (x may equal u): the values of
 * airoi__dist_quantile(), bit for bit. */
void airoi__dist_quantiles_lanes(const airoi__dist *d, double *x, const double *u, size_t rows);
/* Exact mean and standard deviation of the truncated law. */
double airoi__dist_mean(const airoi__dist *d);
double airoi__dist_sd(const airoi__dist *d);

/* ---------------------------------------------------------- correlation */

/* spearman: n x n Spearman rank correlations, row-major. Converts them to
 * the Gaussian copula's Pearson correlations 2 sin(pi rho / 6), checks the
 * matrix (finite, |rho| <= 1, unit diagonal, symmetric, positive
 * semi-definite) and writes its lower Cholesky factor to lower (n x n,
 * row-major, zeros above the diagonal).
 * - Consistent: 0, *bad_i = *bad_j = SIZE_MAX, msg empty, repaired (when
 *   not NULL) = spearman.
 * - Not positive semi-definite, repair == 0: AIROI_ERR_INVALID, *bad_i <
 *   *bad_j the offending pair (the rule is in docs/methodology.md, section
 *   3.7), msg saying so with its correlation (the caller adds the names).
 * - Not positive semi-definite, repair != 0: the nearest correlation
 *   matrix (Higham 2002) is factorised instead and the result is 0 (a
 *   success), but *bad_i < *bad_j name the offending pair, msg holds the
 *   warning, and repaired (when not NULL) the repaired values as Spearman.
 *   So "*bad_i != SIZE_MAX after a success" means "repaired: warn".
 * - Other invalid input: AIROI_ERR_INVALID naming the pair (*bad_i = *bad_j
 *   for a diagonal entry); AIROI_ERR_NOMEM when memory runs out.
 * bad_i, bad_j and msg may be NULL / 0. */
int airoi__corr_factor(double *lower, double *repaired, const double *spearman, size_t n,
                       int repair, size_t *bad_i, size_t *bad_j, char *msg, size_t cap);

/* The Gaussian copula in place: u (n uniforms in (0, 1), independent) ->
 * z = quantiles -> L z -> normal distribution function, clamped into
 * [2^-1074, 1 - 2^-53]. work holds n doubles. */
void airoi__copula_apply(double *u, const double *lower, size_t n, double *work);

#endif /* AIROI_RANDOM_PRIVATE_H */
