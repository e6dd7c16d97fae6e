/*
 * lib/sim/simsave.c: a simulation's per-trial results as bytes, and back,
 * so that trial ranges run in other processes or on other machines merge
 * into exactly the single-process run (airoi_simulation_merge()). The
 * format (little-endian, version 1) is in
 * docs/methodology.md#simulation-ranges-as-bytes.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "airoi/uncertainty.h"
#include "core-private.h"
#include "eval-private.h"
#include "sim-private.h"

static const char magic[8] = {'A', 'I', 'R', 'O', 'I', 'S', 'I', 'M'};
#define FORMAT_VERSION 1u
/* Percentiles a saved simulation may list (a loader bound, far above use). */
#define MAX_PERCENTILES 10000u

typedef struct wbuf {
    unsigned char *p;
    size_t n;
} wbuf;

static void put_u64(wbuf *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        b->p[b->n++] = (unsigned char)(v >> (8 * i));
}

static void put_f64(wbuf *b, double x)
{
    uint64_t v;
    memcpy(&v, &x, sizeof v);
    put_u64(b, v);
}

typedef struct rbuf {
    const unsigned char *p;
    size_t n, at;
    int short_read;
} rbuf;

static uint64_t get_u64(rbuf *b)
{
    if (b->n - b->at < 8) {
        b->short_read = 1;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)b->p[b->at + (size_t)i] << (8 * i);
    b->at += 8;
    return v;
}

static double get_f64(rbuf *b)
{
    uint64_t v = get_u64(b);
    double x;
    memcpy(&x, &v, sizeof x);
    return x;
}

static size_t settings_bytes(const airoi__sim_settings *st)
{
    return 8 * (11 + st->n_outputs + st->n_percentiles);
}

int airoi__simulation_save_buffer(void **out, size_t *len_out, const airoi_simulation *s,
                                  unsigned flags)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_save_buffer: NULL out");
    *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_save_buffer: NULL simulation");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_save_buffer: unknown flags 0x%x", flags);
    const airoi__sim_settings *st = &s->st;
    size_t c = (size_t)s->count, outputs = 0;
    for (int o = 0; o < AIROI__SIM_OUTPUTS; o++)
        outputs += s->has[o] != 0;
    /* header, settings, range and model, then the per-trial arrays */
    uint64_t total = 8 + 8 + settings_bytes(st) + 5 * 8 + (uint64_t)outputs * 8 * c +
                     (s->n_stages ? 17 * (uint64_t)c : 0);
    if (total > SIZE_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "airoi_simulation_save_buffer: too large");
    wbuf b = {airoi__malloc((size_t)total), 0};
    if (!b.p)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    memcpy(b.p, magic, sizeof magic);
    b.n = sizeof magic;
    put_u64(&b, FORMAT_VERSION);
    put_u64(&b, (uint64_t)st->trials);
    put_u64(&b, st->seed);
    put_u64(&b, (uint64_t)(int64_t)st->sampling);
    put_u64(&b, (uint64_t)(int64_t)st->threads);
    put_u64(&b, (uint64_t)(int64_t)st->bins);
    put_f64(&b, st->roi_target);
    put_f64(&b, st->tail);
    put_u64(&b, (uint64_t)st->keep_trials);
    put_u64(&b, (uint64_t)st->repair);
    put_u64(&b, st->n_outputs);
    for (size_t i = 0; i < st->n_outputs; i++)
        put_u64(&b, (uint64_t)st->outputs[i]);
    put_u64(&b, st->n_percentiles);
    for (size_t i = 0; i < st->n_percentiles; i++)
        put_f64(&b, st->percentiles[i]);
    put_u64(&b, (uint64_t)s->first);
    put_u64(&b, (uint64_t)s->count);
    put_u64(&b, s->fingerprint);
    put_u64(&b, s->n_inputs);
    put_u64(&b, s->n_stages);
    for (int o = 0; o < AIROI__SIM_OUTPUTS; o++)
        if (s->has[o])
            for (size_t i = 0; i < c; i++)
                put_f64(&b, s->val[o][i]);
    if (s->n_stages) {
        for (size_t i = 0; i < c; i++)
            put_f64(&b, s->spent[i]);
        for (size_t i = 0; i < c; i++)
            put_f64(&b, s->allin[i]);
        memcpy(b.p + b.n, s->pass, c);
        b.n += c;
    }
    *out = b.p;
    if (len_out)
        *len_out = b.n;
    return AIROI_OK;
}

AIROI_API int airoi_simulation_save_buffer(void **out, size_t *len_out, const airoi_simulation *s,
                                           unsigned flags)
{
    AIROI__ENTER();
    return airoi__simulation_save_buffer(out, len_out, s, flags);
}

static int bad(const char *why)
{
    return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_load_buffer: %s", why);
}

/* The settings of the bytes, checked as resolve_settings() checks options. */
static int read_settings(airoi__sim_settings *st, rbuf *b)
{
    memset(st, 0, sizeof *st);
    st->trials = (int64_t)get_u64(b);
    st->seed = get_u64(b);
    st->sampling = (int)(int64_t)get_u64(b);
    st->threads = (int32_t)(int64_t)get_u64(b);
    st->bins = (int32_t)(int64_t)get_u64(b);
    st->roi_target = get_f64(b);
    st->tail = get_f64(b);
    st->keep_trials = get_u64(b) != 0;
    st->repair = get_u64(b) != 0;
    uint64_t no = get_u64(b);
    if (b->short_read || no < 1 || no > AIROI__SIM_OUTPUTS)
        return bad("not a saved simulation (bad settings)");
    int seen[AIROI__SIM_OUTPUTS] = {0};
    for (uint64_t i = 0; i < no; i++) {
        uint64_t k = get_u64(b);
        if (k >= AIROI__SIM_OUTPUTS || seen[k])
            return bad("not a saved simulation (bad outputs)");
        seen[k] = 1;
        st->outputs[st->n_outputs++] = (int)k;
    }
    uint64_t np = get_u64(b);
    if (b->short_read || np > MAX_PERCENTILES)
        return bad("not a saved simulation (bad percentiles)");
    if (np) {
        st->percentiles = airoi__calloc((size_t)np, sizeof *st->percentiles);
        if (!st->percentiles)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        st->n_percentiles = (size_t)np;
        for (size_t i = 0; i < st->n_percentiles; i++) {
            st->percentiles[i] = get_f64(b);
            if (!(st->percentiles[i] >= 0.0 && st->percentiles[i] <= 100.0))
                return bad("not a saved simulation (bad percentiles)");
        }
    }
    if (b->short_read || st->trials < 1 ||
        (st->sampling != AIROI_SAMPLING_RANDOM && st->sampling != AIROI_SAMPLING_SOBOL) ||
        st->bins < 1 || st->bins > 100000 || !(st->tail > 0.0 && st->tail < 1.0) ||
        !isfinite(st->roi_target) || st->threads < 0)
        return bad("not a saved simulation (bad settings)");
    return AIROI_OK;
}

/* The per-trial arrays into s, checked: figures finite or undefined (NaN),
 * spending and all-in NPV finite, gates 0 or 1. */
static int read_trials(airoi_simulation *s, rbuf *b)
{
    size_t c = (size_t)s->count;
    for (int o = 0; o < AIROI__SIM_OUTPUTS; o++)
        if (s->has[o])
            for (size_t i = 0; i < c; i++) {
                double x = get_f64(b);
                if (isinf(x) || (o == 0 && isnan(x)))
                    return bad("a trial's figure is infinite (or its NPV undefined)");
                s->val[o][i] = x;
            }
    if (s->n_stages) {
        for (size_t i = 0; i < c; i++)
            if (!isfinite(s->spent[i] = get_f64(b)))
                return bad("a trial's spending is not finite");
        for (size_t i = 0; i < c; i++)
            if (!isfinite(s->allin[i] = get_f64(b)))
                return bad("a trial's all-in NPV is not finite");
        if (b->n - b->at < c)
            return bad("the bytes end early");
        for (size_t i = 0; i < c; i++) {
            s->pass[i] = b->p[b->at++];
            if (s->pass[i] > 1)
                return bad("a trial's gate is neither 0 nor 1");
        }
    }
    if (b->short_read)
        return bad("the bytes end early");
    if (b->at != b->n)
        return bad("bytes after the end of the simulation");
    return AIROI_OK;
}

int airoi__simulation_load_buffer(airoi_simulation **out, const airoi_project *p,
                                  const void *data, size_t len, unsigned flags)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_load_buffer: NULL out");
    *out = NULL;
    if (!p || !data)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_load_buffer: NULL %s",
                            p ? "data" : "project");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_load_buffer: unknown flags 0x%x", flags);
    rbuf b = {data, len, 0, 0};
    if (len < sizeof magic + 8 || memcmp(data, magic, sizeof magic) != 0)
        return bad("not a saved simulation");
    b.at = sizeof magic;
    uint64_t version = get_u64(&b);
    if (version != FORMAT_VERSION)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_load_buffer: format version %llu (this library "
                            "reads version %u)",
                            (unsigned long long)version, FORMAT_VERSION);
    airoi__sim_settings st;
    int rc = read_settings(&st, &b);
    int64_t first = (int64_t)get_u64(&b), count = (int64_t)get_u64(&b);
    uint64_t fingerprint = get_u64(&b), n_inputs = get_u64(&b), n_stages = get_u64(&b);
    if (rc == AIROI_OK && (b.short_read || first < 0 || count < 1 ||
                           first > ((int64_t)1 << 53) - count))
        rc = bad("not a saved simulation (bad trial range)");
    if (rc == AIROI_OK)
        rc = airoi__validate(p);
    airoi__sim_model *m = NULL;
    if (rc == AIROI_OK)
        rc = airoi__sim_model_new(&m, p, st.repair);
    if (rc == AIROI_OK && (m->fingerprint != fingerprint || m->n_inputs != n_inputs ||
                           m->n_stages != n_stages))
        rc = bad("the simulation is of another model (not this project's)");
    airoi_simulation *s = NULL;
    if (rc == AIROI_OK)
        rc = airoi__simulation_alloc(&s, &st, m, first, count);
    if (rc == AIROI_OK)
        rc = read_trials(s, &b);
    return airoi__simulation_complete(out, s, rc, m, &st);
}

AIROI_API int airoi_simulation_load_buffer(airoi_simulation **out, const airoi_project *p,
                                           const void *data, size_t len, unsigned flags)
{
    AIROI__ENTER();
    return airoi__simulation_load_buffer(out, p, data, len, flags);
}
