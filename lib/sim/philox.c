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

/* u[4 j + w] = word w of block `block0 + j` of trial `trial`, as a
 * uniform, for j < LANES: 4 LANES uniforms. */
/* On x86-64 with GNU C and ifunc support (glibc), an AVX2 clone is chosen
 * at load time when the processor has it: integer arithmetic and exact
 * conversions only, so both clones give the same words. Elsewhere (the
 * mingw build included) the portable code alone. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) \
    && defined(__GLIBC__)
#define LANES_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define LANES_CLONES
#endif

LANES_CLONES
static void lanes_uniforms(double *u, uint64_t seed, uint64_t trial, uint64_t block0)
{
    uint32_t c0[LANES], c1[LANES], c2[LANES], c3[LANES];
    for (unsigned l = 0; l < LANES; l++) {
        uint64_t b = block0 + l;
        c0[l] = (uint32_t)trial;
        c1[l] = (uint32_t)(trial >> 32);
        c2[l] = (uint32_t)b;
        c3[l] = (uint32_t)(b >> 32);
    }
    philox_lanes(c0, c1, c2, c3, (uint32_t)seed, (uint32_t)(seed >> 32));
    for (unsigned l = 0; l < LANES; l++) {
        u[4 * l] = lane_uniform(c0[l]);
        u[4 * l + 1] = lane_uniform(c1[l]);
        u[4 * l + 2] = lane_uniform(c2[l]);
        u[4 * l + 3] = lane_uniform(c3[l]);
    }
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
