/*
 * lib/sim/philox.c: the counter-based generator Philox4x32-10 and the
 * uniforms of a trial.
 *
 * J. K. Salmon, M. A. Moraes, R. O. Dror and D. E. Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC'11 (2011): ten rounds of two 32 x 32 ->
 * 64-bit multiplications with the key bumped by the Weyl constants between
 * rounds. The known-answer vectors of the authors' Random123 library are
 * checked in tests/unit/test-sim-random.c. docs/methodology.md, section 3.1.
 */
#include <stdatomic.h>
#include <string.h>

#include "random-private.h"

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

/* 2^-32 */
#define TWO_M32 2.3283064365386962890625e-10

static inline void philox_round(uint32_t c[4], uint32_t k0, uint32_t k1)
{
    uint64_t p0 = (uint64_t)PHILOX_M0 * c[0];
    uint64_t p1 = (uint64_t)PHILOX_M1 * c[2];
    uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
    uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
    uint32_t n0 = hi1 ^ c[1] ^ k0;
    uint32_t n2 = hi0 ^ c[3] ^ k1;
    c[0] = n0;
    c[1] = lo1;
    c[2] = n2;
    c[3] = lo0;
}

/* Round r uses the key bumped r times by the Weyl constants. */
#define ROUND(r) philox_round(c, k0 + (uint32_t)(r) * PHILOX_W0, k1 + (uint32_t)(r) * PHILOX_W1)

void airoi__philox4x32_10(uint32_t out[4], const uint32_t ctr[4], const uint32_t key[2])
{
    uint32_t c[4] = { ctr[0], ctr[1], ctr[2], ctr[3] };
    uint32_t k0 = key[0], k1 = key[1];
    ROUND(0);
    ROUND(1);
    ROUND(2);
    ROUND(3);
    ROUND(4);
    ROUND(5);
    ROUND(6);
    ROUND(7);
    ROUND(8);
    ROUND(9);
    out[0] = c[0];
    out[1] = c[1];
    out[2] = c[2];
    out[3] = c[3];
}

/* The four words of block `block` of trial `trial`. */
static inline void trial_block(uint32_t out[4], uint64_t seed, uint64_t trial, uint64_t block)
{
    const uint32_t ctr[4] = { (uint32_t)trial, (uint32_t)(trial >> 32),
                              (uint32_t)block, (uint32_t)(block >> 32) };
    const uint32_t key[2] = { (uint32_t)seed, (uint32_t)(seed >> 32) };
    airoi__philox4x32_10(out, ctr, key);
}

/* (w + 1/2) 2^-32: the midpoints of 2^32 equal cells, exact in a double,
 * so never 0 or 1. */
static inline double word_uniform(uint32_t w)
{
    return ((double)w + 0.5) * TWO_M32;
}

double airoi__sim_uniform(uint64_t seed, uint64_t trial, uint64_t dim)
{
    uint32_t w[4];
    trial_block(w, seed, trial, dim >> 2);
    return word_uniform(w[dim & 3u]);
}

/* Lanes of Philox in flight: each round is the same arithmetic on LANES
 * independent counters held in arrays (structure of arrays), which gcc and
 * clang turn into SIMD code at -O2/-O3 on any target (32 x 32 -> 64-bit
 * multiplies: pmuludq on x86-64, umull on aarch64) with no intrinsics.
 * The words are those of airoi__philox4x32_10(), bit for bit: the same
 * operations in the same order, per lane. */
#define LANES 8

static inline void philox_lanes(uint32_t c0[LANES], uint32_t c1[LANES], uint32_t c2[LANES],
                                uint32_t c3[LANES], uint32_t k0, uint32_t k1)
{
    for (unsigned r = 0; r < 10; r++) {
        uint32_t rk0 = k0 + r * PHILOX_W0, rk1 = k1 + r * PHILOX_W1;
        for (unsigned l = 0; l < LANES; l++) {
            uint64_t p0 = (uint64_t)PHILOX_M0 * c0[l];
            uint64_t p1 = (uint64_t)PHILOX_M1 * c2[l];
            uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1[l] ^ rk0;
            uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3[l] ^ rk1;
            c0[l] = n0;
            c1[l] = (uint32_t)p1;
            c2[l] = n2;
            c3[l] = (uint32_t)p0;
        }
    }
}

/* word_uniform(w) through a signed conversion, which every SIMD unit has
 * (SSE2 has no unsigned one): (w - 2^31) is exact as an int32_t and as a
 * double, and adding 2^31 + 1/2 and scaling by 2^-32 are exact, so the
 * value is word_uniform(w)'s, bit for bit. */
static inline double lane_uniform(uint32_t w)
{
    return ((double)(int32_t)(w ^ 0x80000000u) + 2147483648.5) * TWO_M32;
}

/* AIROI__SIMD_CLONES (random-private.h): an AVX2 clone where the
 * processor has it; integer arithmetic and exact conversions only, so
 * both clones give the same words. */
#define LANES_CLONES AIROI__SIMD_CLONES

/* Philox on the LANES counters (trial_l, block_l) = (trial0 + l dt,
 * block0 + l db), word w of lane l into u[w ws + l ls] as a uniform. */
static inline void lanes_run(double *u, size_t ws, size_t ls, uint64_t seed, uint64_t trial0,
                             uint64_t dt, uint64_t block0, uint64_t db)
{
    uint32_t c0[LANES], c1[LANES], c2[LANES], c3[LANES];
    for (unsigned l = 0; l < LANES; l++) {
        uint64_t t = trial0 + l * dt, b = block0 + l * db;
        c0[l] = (uint32_t)t;
        c1[l] = (uint32_t)(t >> 32);
        c2[l] = (uint32_t)b;
        c3[l] = (uint32_t)(b >> 32);
    }
    philox_lanes(c0, c1, c2, c3, (uint32_t)seed, (uint32_t)(seed >> 32));
    for (unsigned l = 0; l < LANES; l++) {
        u[l * ls] = lane_uniform(c0[l]);
        u[ws + l * ls] = lane_uniform(c1[l]);
        u[2 * ws + l * ls] = lane_uniform(c2[l]);
        u[3 * ws + l * ls] = lane_uniform(c3[l]);
    }
}

/* u[4 j + w] = word w of block `block0 + j` of trial `trial`, as a
 * uniform, for j < LANES: 4 LANES uniforms. */
LANES_CLONES
static void lanes_uniforms(double *u, uint64_t seed, uint64_t trial, uint64_t block0)
{
    lanes_run(u, 1, 4, seed, trial, 0, block0, 1);
}

void airoi__sim_uniforms(double *u, size_t n, uint64_t seed, uint64_t trial, uint64_t dim0)
{
    uint32_t w[4];
    size_t k = 0;
    uint64_t dim = dim0;
    /* A partial first block when dim0 is not a multiple of 4. */
    if ((dim & 3u) != 0 && n > 0) {
        trial_block(w, seed, trial, dim >> 2);
        while ((dim & 3u) != 0 && k < n) {
            u[k++] = word_uniform(w[dim & 3u]);
            dim++;
        }
    }
    /* LANES blocks at a time. */
    for (; k + 4 * LANES <= n; k += 4 * LANES, dim += 4 * LANES)
        lanes_uniforms(u + k, seed, trial, dim >> 2);
    /* The last whole blocks (fewer than LANES): all lanes computed, the
     * ones needed kept. */
    if (k + 4 <= n) {
        double tmp[4 * LANES];
        size_t whole = (n - k) & ~(size_t)3;
        lanes_uniforms(tmp, seed, trial, dim >> 2);
        memcpy(u + k, tmp, whole * sizeof *u);
        k += whole;
        dim += whole;
    }
    if (k < n) {
        trial_block(w, seed, trial, dim >> 2);
        for (unsigned j = 0; k < n; j++)
            u[k++] = word_uniform(w[j]);
    }
}

/* The same words, lanes across trials instead of dimensions: one Philox
 * block of AIROI__SIM_LANES consecutive trials, LANES at a time, each word
 * into its own row. */
static void trials_uniforms(double *u, size_t stride, uint64_t seed, uint64_t trial0,
                            uint64_t block)
{
    for (unsigned c = 0; c < AIROI__SIM_LANES; c += LANES)
        lanes_run(u + c, stride, 1, seed, trial0 + c, 1, block, 0);
}

/* On x86-64 (GCC or Clang), an AVX2 version chosen at run time: each
 * counter word in a 64-bit lane, so that vpmuludq (which reads the low 32
 * bits of each lane) multiplies without any shuffling; the high halves of
 * the lanes carry junk until the words are masked at the end. The words
 * become uniforms exactly: w | 0x4330000000000000 is the double 2^52 + w,
 * minus (2^52 - 1/2) is w + 1/2 (both exact), times 2^-32: word_uniform(w)
 * bit for bit. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2_PHILOX 1

__attribute__((target("avx2"))) static inline __m256d avx2_uniform(__m256i w)
{
    const __m256i lo32 = _mm256_set1_epi64x(0xFFFFFFFFll);
    const __m256i magic = _mm256_set1_epi64x(0x4330000000000000ll);
    __m256d x = _mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(w, lo32), magic));
    x = _mm256_sub_pd(x, _mm256_set1_pd(4503599627370495.5));
    return _mm256_mul_pd(x, _mm256_set1_pd(TWO_M32));
}

/* The kernel's body, inlined into each caller below: compiled for AVX2,
 * and again for AVX-512VL (the same 256-bit instructions, where the
 * compiler may join two XORs into one ternary-logic instruction and has
 * 32 vector registers). The words are the same either way. */
__attribute__((target("avx2"), always_inline)) static inline void
avx2_trials_body(double *u, size_t stride, uint64_t seed, uint64_t trial0, uint64_t block)
{
    const __m256i m0 = _mm256_set1_epi64x(PHILOX_M0), m1 = _mm256_set1_epi64x(PHILOX_M1);
    const __m256i w0 = _mm256_set1_epi64x(PHILOX_W0), w1 = _mm256_set1_epi64x(PHILOX_W1);
    const __m256i step = _mm256_set1_epi64x(4);
    __m256i ta = _mm256_add_epi64(_mm256_set1_epi64x((long long)trial0),
                                  _mm256_set_epi64x(3, 2, 1, 0));
    for (unsigned c = 0; c < AIROI__SIM_LANES; c += 8) {
        __m256i tb = _mm256_add_epi64(ta, step);
        /* counters (trial, block): words 0 and 1 the trial, 2 and 3 the block */
        __m256i a0 = ta, b0 = tb;
        __m256i a1 = _mm256_srli_epi64(ta, 32), b1 = _mm256_srli_epi64(tb, 32);
        __m256i a2 = _mm256_set1_epi64x((long long)(uint32_t)block), b2 = a2;
        __m256i a3 = _mm256_set1_epi64x((long long)(block >> 32)), b3 = a3;
        __m256i k0 = _mm256_set1_epi64x((long long)(uint32_t)seed);
        __m256i k1 = _mm256_set1_epi64x((long long)(seed >> 32));
        for (unsigned r = 0; r < 10; r++) {
            __m256i pa0 = _mm256_mul_epu32(a0, m0), pa1 = _mm256_mul_epu32(a2, m1);
            __m256i pb0 = _mm256_mul_epu32(b0, m0), pb1 = _mm256_mul_epu32(b2, m1);
            a0 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(pa1, 32), a1), k0);
            b0 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(pb1, 32), b1), k0);
            a2 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(pa0, 32), a3), k1);
            b2 = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(pb0, 32), b3), k1);
            a1 = pa1;
            b1 = pb1;
            a3 = pa0;
            b3 = pb0;
            k0 = _mm256_add_epi64(k0, w0); /* only the low 32 bits matter */
            k1 = _mm256_add_epi64(k1, w1);
        }
        _mm256_storeu_pd(u + c, avx2_uniform(a0));
        _mm256_storeu_pd(u + c + 4, avx2_uniform(b0));
        _mm256_storeu_pd(u + stride + c, avx2_uniform(a1));
        _mm256_storeu_pd(u + stride + c + 4, avx2_uniform(b1));
        _mm256_storeu_pd(u + 2 * stride + c, avx2_uniform(a2));
        _mm256_storeu_pd(u + 2 * stride + c + 4, avx2_uniform(b2));
        _mm256_storeu_pd(u + 3 * stride + c, avx2_uniform(a3));
        _mm256_storeu_pd(u + 3 * stride + c + 4, avx2_uniform(b3));
        ta = _mm256_add_epi64(tb, step);
    }
}

__attribute__((target("avx2"))) static void trials_uniforms_avx2(double *u, size_t stride,
                                                                  uint64_t seed,
                                                                  uint64_t trial0,
                                                                  uint64_t block)
{
    avx2_trials_body(u, stride, seed, trial0, block);
}

__attribute__((target("avx2,avx512f,avx512vl"))) static void
trials_uniforms_avx512(double *u, size_t stride, uint64_t seed, uint64_t trial0, uint64_t block)
{
    avx2_trials_body(u, stride, seed, trial0, block);
}
#endif

/* The best kernel this processor runs: 2 AVX-512VL, 1 AVX2, 0 portable. */
static int best_level(void)
{
#ifdef HAVE_AVX2_PHILOX
    static atomic_int level = -1; /* every thread that looks stores the same value */
    int has = atomic_load_explicit(&level, memory_order_relaxed);
    if (has < 0) {
        has = !__builtin_cpu_supports("avx2")       ? 0
              : __builtin_cpu_supports("avx512f") &&
                      __builtin_cpu_supports("avx512vl") ? 2
                                                         : 1;
        atomic_store_explicit(&level, has, memory_order_relaxed);
    }
    return has;
#else
    return 0;
#endif
}

int airoi__sim_uniforms_trials_at(int level, double *u, size_t stride, uint64_t seed,
                                  uint64_t trial0, uint64_t block)
{
    int best = best_level();
    if (level > best)
        level = best;
#ifdef HAVE_AVX2_PHILOX
    if (level == 2) {
        trials_uniforms_avx512(u, stride, seed, trial0, block);
        return 2;
    }
    if (level == 1) {
        trials_uniforms_avx2(u, stride, seed, trial0, block);
        return 1;
    }
#endif
    trials_uniforms(u, stride, seed, trial0, block);
    return 0;
}

void airoi__sim_uniforms_trials(double *u, size_t stride, uint64_t seed, uint64_t trial0,
                                uint64_t block)
{
    airoi__sim_uniforms_trials_at(2, u, stride, seed, trial0, block);
}
