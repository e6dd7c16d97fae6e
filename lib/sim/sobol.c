/*
 * lib/sim/sobol.c: scrambled Sobol points addressed by their index.
 *
 * Coordinate dim of point i is the XOR of the direction numbers v_k of
 * the bits k set in i (Sobol 1967; Bratley and Fox 1988, without the Gray
 * code reordering, so that any point is computed from i alone: the first
 * 2^m points are the same set either way). Direction numbers: dimension 0
 * is the van der Corput sequence, dimensions 1 .. 1023 come from Joe and
 * Kuo's new-joe-kuo-6.21201 (lib/sim/sobol-table.c). Scrambling: Owen-type
 * nested uniform scrambling by hashing (Burley 2020, "Practical hash-based
 * Owen scrambling", JCGT 9(4)), keyed per dimension by a Philox word of the
 * seed. docs/methodology.md, section 3.2.
 */
#include "random-private.h"

#define TWO_M32 2.3283064365386962890625e-10

/* Counter word 3 of the scrambling keys: trial streams use (dim / 4) >> 32
 * there, which never reaches 2^30, so the keys never meet a trial's words. */
#define SCRAMBLE_TAG 0xFFFFFFFFu

/* The first nbits direction numbers of dimension dim (the others are not
 * needed for indexes below 2^nbits). */
static void directions(uint32_t v[32], uint32_t dim, unsigned nbits)
{
    if (dim == 0) {
        for (unsigned k = 0; k < nbits; k++)
            v[k] = 1u << (31 - k);
        return;
    }
    const airoi__sobol_poly *p = &airoi__sobol_table[dim - 1];
    unsigned s = p->s;
    for (unsigned k = 0; k < s && k < nbits; k++)
        v[k] = (uint32_t)p->m[k] << (31 - k);
    for (unsigned k = s; k < nbits; k++) {
        uint32_t x = v[k - s] ^ (v[k - s] >> s);
        for (unsigned i = 1; i < s; i++)
            if ((p->a >> (s - 1 - i)) & 1u)
                x ^= v[k - i];
        v[k] = x;
    }
}

static inline uint32_t reverse_bits(uint32_t x)
{
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
    return (x >> 16) | (x << 16);
}

/* Burley's hash: every step is a bijection in which bit k of the output
 * depends only on bits 0..k of the input, so applied to the bit-reversed
 * coordinate it permutes each elementary interval's halves according to
 * the bits above: a nested (Owen-type) scramble. */
static inline uint32_t owen_scramble(uint32_t x, uint32_t key)
{
    x = reverse_bits(x);
    x ^= x * 0x3d20adeau;
    x += key;
    x *= (key >> 16) | 1u;
    x ^= x * 0x05526c56u;
    x ^= x * 0x53a22864u;
    return reverse_bits(x);
}

static uint32_t scramble_key(uint64_t seed, uint32_t dim)
{
    const uint32_t ctr[4] = { dim, 0, 0, SCRAMBLE_TAG };
    const uint32_t key[2] = { (uint32_t)seed, (uint32_t)(seed >> 32) };
    uint32_t w[4];
    airoi__philox4x32_10(w, ctr, key);
    return w[0];
}

void airoi__sobol_dim_init(airoi__sobol_dim *sd, uint64_t seed, uint32_t dim)
{
    sd->seed = seed;
    sd->dim = dim;
    sd->padded = dim >= AIROI__SOBOL_DIMS;
    if (sd->padded) {
        for (unsigned k = 0; k < 32; k++)
            sd->v[k] = 0;
        sd->scramble = 0;
        return;
    }
    directions(sd->v, dim, 32);
    sd->scramble = scramble_key(seed, dim);
}

uint32_t airoi__sobol_bits(const airoi__sobol_dim *sd, uint64_t index)
{
    uint32_t x = 0;
    uint32_t i = (uint32_t)index;
    for (unsigned k = 0; i != 0; k++, i >>= 1)
        x ^= sd->v[k] & (0u - (i & 1u));
    return x;
}

double airoi__sobol_dim_uniform(const airoi__sobol_dim *sd, uint64_t index)
{
    if (sd->padded || (index >> 32) != 0)
        return airoi__sim_uniform(sd->seed, index, sd->dim);
    uint32_t x = owen_scramble(airoi__sobol_bits(sd, index), sd->scramble);
    return ((double)x + 0.5) * TWO_M32;
}

double airoi__sobol_uniform(uint64_t seed, uint64_t index, uint32_t dim)
{
    if (dim >= AIROI__SOBOL_DIMS || (index >> 32) != 0)
        return airoi__sim_uniform(seed, index, dim);
    /* Only the direction numbers of index's bits. */
    uint32_t v[32];
    unsigned nbits = 0;
    for (uint64_t i = index; i != 0; i >>= 1)
        nbits++;
    directions(v, dim, nbits);
    uint32_t x = 0;
    for (unsigned k = 0; k < nbits; k++)
        x ^= v[k] & (0u - (uint32_t)((index >> k) & 1u));
    x = owen_scramble(x, scramble_key(seed, dim));
    return ((double)x + 0.5) * TWO_M32;
}
