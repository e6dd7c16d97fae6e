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
    for (; k + 4 <= n; k += 4, dim += 4) {
        trial_block(w, seed, trial, dim >> 2);
        u[k] = word_uniform(w[0]);
        u[k + 1] = word_uniform(w[1]);
        u[k + 2] = word_uniform(w[2]);
        u[k + 3] = word_uniform(w[3]);
    }
    if (k < n) {
        trial_block(w, seed, trial, dim >> 2);
        for (unsigned j = 0; k < n; j++)
            u[k++] = word_uniform(w[j]);
    }
}
