/*
 * lib/sim/simstats.c: the simulation handle: per-trial storage, statistics
 * taken over it in trial order, merging of trial ranges, and the getters.
 * Definitions: docs/methodology.md#simulation-statistics.
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#  define _DEFAULT_SOURCE 1 /* madvise(MADV_HUGEPAGE) */
#endif
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#if defined(__linux__)
#  include <sys/mman.h>
#endif

#include "airoi/uncertainty.h"
#include "core-private.h"
#include "finance-private.h"
#include "model-private.h"
#include "sim-private.h"

#define STAT(x) ((x) - AIROI_STAT_MEAN)

static int nomem(void)
{
    return airoi__error(AIROI_ERR_NOMEM, "out of memory");
}

static const char *const output_names[AIROI__SIM_OUTPUTS] = {
    "npv", "irr", "roi_horizon", "npv_roi", "payback_periods",
};

/* ---- settings ------------------------------------------------------------------ */

void airoi__sim_settings_clear(airoi__sim_settings *st)
{
    airoi__free(st->percentiles);
    st->percentiles = NULL;
    st->n_percentiles = 0;
}

int airoi__sim_settings_copy(airoi__sim_settings *dst, const airoi__sim_settings *src)
{
    *dst = *src;
    dst->percentiles = NULL;
    if (src->n_percentiles) {
        dst->percentiles = airoi__calloc(src->n_percentiles, sizeof *dst->percentiles);
        if (!dst->percentiles)
            return nomem();
        memcpy(dst->percentiles, src->percentiles, src->n_percentiles * sizeof(double));
    }
    return AIROI_OK;
}

/* ---- storage ------------------------------------------------------------------- */

uint64_t airoi__sim_bytes_per_trial(const airoi__sim_settings *st, size_t n_stages)
{
    int has_npv = 0;
    for (size_t i = 0; i < st->n_outputs; i++)
        has_npv |= st->outputs[i] == 0;
    uint64_t outputs = st->n_outputs + !has_npv;
    /* values and their sorted copy; stages: spent, all-in NPV, gate */
    return 16 * outputs + (n_stages ? 17 : 0);
}

void airoi__simulation_free(airoi_simulation *s)
{
    if (!s)
        return;
    for (int o = 0; o < AIROI__SIM_OUTPUTS; o++) {
        airoi__sim_big_free(s->val[o]);
        airoi__sim_big_free(s->stats[o].sorted);
        airoi__free(s->stats[o].edges);
        airoi__free(s->stats[o].counts);
    }
    airoi__sim_model_unref(s->model);
    airoi__free(s->spent);
    airoi__free(s->allin);
    airoi__free(s->pass);
    airoi__free(s->cp_trials);
    airoi__free(s->cp_mean);
    airoi__free(s->rank_corr);
    if (s->lock) {
        pthread_mutex_destroy(s->lock);
        airoi__free(s->lock);
    }
    airoi__sim_settings_clear(&s->st);
    airoi__free(s);
}

AIROI_API void airoi_simulation_free(airoi_simulation *s)
{
    AIROI__ENTER();
    airoi__simulation_free(s);
}

/* Per-trial storage. On Linux a large block starts on a 2 MB boundary and
 * is asked to be made of huge pages: a million trials touch some 2,000
 * small pages a figure otherwise, each a page fault (about 10 us each on a
 * virtual machine, docs/performance.md). Only a hint. The block malloc()
 * returned is kept just before the data, for airoi__sim_big_free(). */
#define HUGE_PAGE ((uintptr_t)2 << 20)
#define BIG_HEADER ((uintptr_t)16)

void *airoi__sim_big_malloc(size_t bytes)
{
    uintptr_t extra = BIG_HEADER;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    int huge = bytes >= 2 * HUGE_PAGE && bytes <= SIZE_MAX - 2 * HUGE_PAGE - BIG_HEADER;
    if (huge)
        extra += 2 * HUGE_PAGE; /* room to align, and for the whole last page */
#endif
    if (bytes > SIZE_MAX - extra)
        return NULL;
    char *raw = airoi__malloc(bytes + extra);
    if (!raw)
        return NULL;
    char *p = raw + BIG_HEADER;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (huge) {
        p = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1));
        madvise(p, (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1), MADV_HUGEPAGE);
    }
#endif
    memcpy(p - sizeof raw, &raw, sizeof raw);
    return p;
}

void airoi__sim_big_free(void *p)
{
    if (!p)
        return;
    char *raw;
    memcpy(&raw, (char *)p - sizeof raw, sizeof raw);
    airoi__free(raw);
}

/* A simulation of `count` trials with room for every per-trial figure. */
static int sim_new(airoi_simulation **out, const airoi__sim_settings *st, airoi__sim_model *m,
                   int64_t first, int64_t count)
{
    *out = NULL;
    size_t n_stages = m->n_stages;
    uint64_t per = airoi__sim_bytes_per_trial(st, n_stages);
    if ((uint64_t)count > AIROI__SIM_MAX_BYTES / per || (uint64_t)count > SIZE_MAX / per)
        return airoi__error(AIROI_ERR_LIMIT,
                            "simulation: %lld trials of this model need %.3g GB (%llu bytes a "
                            "trial: 16 per output, 17 more with stages); the "
                            "limit is %.3g GB (docs/methodology.md#memory-of-a-simulation): run "
                            "fewer trials or outputs",
                            (long long)count, (double)count * (double)per / 1e9,
                            (unsigned long long)per, (double)AIROI__SIM_MAX_BYTES / 1e9);
    airoi_simulation *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return nomem();
    size_t c = (size_t)count;
    int rc = airoi__sim_settings_copy(&s->st, st);
    s->first = first;
    s->count = count;
    s->fingerprint = m->fingerprint;
    s->model = airoi__sim_model_ref(m);
    s->n_inputs = m->n_inputs;
    s->n_stages = n_stages;
    s->has[0] = 1; /* NPV is always kept: checkpoints, sensitivity, stages */
    for (size_t i = 0; i < st->n_outputs; i++)
        s->has[st->outputs[i]] = 1;
    for (int o = 0; rc == AIROI_OK && o < AIROI__SIM_OUTPUTS; o++)
        if (s->has[o] && !(s->val[o] = airoi__sim_big_malloc(c * sizeof(double))))
            rc = nomem();
    if (rc == AIROI_OK && n_stages) {
        s->spent = airoi__malloc(c * sizeof *s->spent);
        s->allin = airoi__malloc(c * sizeof *s->allin);
        s->pass = airoi__malloc(c * sizeof *s->pass);
        if (!s->spent || !s->allin || !s->pass)
            rc = nomem();
    }
    if (rc == AIROI_OK) {
        s->lock = airoi__malloc(sizeof(pthread_mutex_t));
        if (!s->lock)
            rc = nomem();
        else if (pthread_mutex_init(s->lock, NULL) != 0) {
            airoi__free(s->lock);
            s->lock = NULL;
            rc = airoi__error(AIROI_ERR_INTERNAL, "simulation: cannot create a mutex");
        }
    }
    if (rc) {
        airoi__simulation_free(s);
        return rc;
    }
    *out = s;
    return AIROI_OK;
}

int airoi__simulation_alloc(airoi_simulation **out, const airoi__sim_settings *st,
                            airoi__sim_model *m, int64_t first, int64_t count)
{
    return sim_new(out, st, m, first, count);
}

/* ---- statistics of one output ---------------------------------------------------- */

static void set_stat(airoi__sim_stats *S, int stat, double v, int status)
{
    S->stat[STAT(stat)] = status == AIROI_OK ? v : 0.0;
    S->status[STAT(stat)] = status;
}

/* The figures of one block of trials of an output (AIROI__SIM_BLOCK slots
 * from the start of the simulation's own slots): blocks are summed side by
 * side and their figures combined in block order. */
typedef struct stat_part {
    airoi__sum sum;        /* of the defined values */
    airoi__sum m2;         /* squared deviations from the block's own mean */
    double mn, mx;
    size_t nd, npos, nabove;
} stat_part;

typedef struct part_job {
    const double *v;
    size_t c;
    double target;
    stat_part *parts;
} part_job;

/* A block's figures are taken in four lanes side by side (slot i of the
 * block in lane i mod 4, an undefined value as 0 in the sums), the lanes
 * combined in order at the end: the same doubles on any machine, in loops
 * the compiler turns into vector instructions (choices by bit masks,
 * airoi__sim_select). Each lane's sum is a Neumaier sum (airoi__sum_add,
 * written without a branch). */
#define PART_LANES 4

static inline void lane_add(double *s, double *c, double x)
{
    double t = *s + x;
    int64_t big = fabs(*s) >= fabs(x);
    *c += airoi__sim_select(big, (*s - t) + x, (x - t) + *s);
    *s = t;
}

static inline void lane_value(double *s, double *c, double *mn, double *mx, int64_t *nd,
                              int64_t *np, int64_t *na, double x, double target)
{
    int64_t def = x == x; /* NaN (undefined): no comparison holds */
    *nd += def;
    lane_add(s, c, airoi__sim_select(def, x, 0.0));
    *mn = airoi__sim_select(x < *mn, x, *mn);
    *mx = airoi__sim_select(x > *mx, x, *mx);
    *np += x > 0.0;
    *na += x > target;
}

AIROI__SIMD_CLONES
static void part_sums(stat_part *P, const double *restrict v, size_t n, double target)
{
    double s[PART_LANES], c[PART_LANES], mn[PART_LANES], mx[PART_LANES];
    int64_t nd[PART_LANES], np[PART_LANES], na[PART_LANES];
    for (size_t k = 0; k < PART_LANES; k++) {
        s[k] = c[k] = 0.0;
        mn[k] = HUGE_VAL;
        mx[k] = -HUGE_VAL;
        nd[k] = np[k] = na[k] = 0;
    }
    size_t i = 0;
    for (; i + PART_LANES <= n; i += PART_LANES)
        for (size_t k = 0; k < PART_LANES; k++)
            lane_value(&s[k], &c[k], &mn[k], &mx[k], &nd[k], &np[k], &na[k], v[i + k], target);
    for (size_t k = 0; i + k < n; k++)
        lane_value(&s[k], &c[k], &mn[k], &mx[k], &nd[k], &np[k], &na[k], v[i + k], target);
    for (size_t k = 0; k < PART_LANES; k++) {
        airoi__sum_add(&P->sum, s[k]);
        airoi__sum_add(&P->sum, c[k]);
        P->mn = mn[k] < P->mn ? mn[k] : P->mn;
        P->mx = mx[k] > P->mx ? mx[k] : P->mx;
        P->nd += (size_t)nd[k];
        P->npos += (size_t)np[k];
        P->nabove += (size_t)na[k];
    }
}

/* The squared deviations of v[0..n-1] (NaN: left out) from centre. */
AIROI__SIMD_CLONES
static void part_squares(airoi__sum *out, const double *restrict v, size_t n, double centre)
{
    double s[PART_LANES], c[PART_LANES];
    for (size_t k = 0; k < PART_LANES; k++)
        s[k] = c[k] = 0.0;
    size_t i = 0;
    for (; i + PART_LANES <= n; i += PART_LANES)
        for (size_t k = 0; k < PART_LANES; k++) {
            double x = v[i + k], d = x - centre;
            lane_add(&s[k], &c[k], airoi__sim_select(x == x, d * d, 0.0));
        }
    for (size_t k = 0; i + k < n; k++) {
        double x = v[i + k], d = x - centre;
        lane_add(&s[k], &c[k], airoi__sim_select(x == x, d * d, 0.0));
    }
    for (size_t k = 0; k < PART_LANES; k++) {
        airoi__sum_add(out, s[k]);
        airoi__sum_add(out, c[k]);
    }
}

static void part_task(void *ctx, size_t b)
{
    const part_job *J = ctx;
    size_t lo = b * AIROI__SIM_BLOCK;
    size_t hi = J->c - lo < AIROI__SIM_BLOCK ? J->c : lo + AIROI__SIM_BLOCK;
    stat_part P = {{0, 0}, {0, 0}, HUGE_VAL, -HUGE_VAL, 0, 0, 0};
    part_sums(&P, J->v + lo, hi - lo, J->target);
    if (P.nd >= 2 && P.mn != P.mx)
        part_squares(&P.m2, J->v + lo, hi - lo, airoi__sum_get(&P.sum) / (double)P.nd);
    J->parts[b] = P;
}

/* The first index i in [lo, hi) of the ascending x whose histogram bin
 * is >= b (bins of width w from mn; bin_of is non-decreasing in x). */
static size_t bin_of(double x, double mn, double w, size_t bins)
{
    if (!(w > 0.0))
        return 0;
    double f = (x - mn) / w;
    return f < (double)bins ? (size_t)f : bins - 1; /* NaN (inf / inf): the top */
}

static size_t first_in_bin(const double *x, size_t lo, size_t hi, size_t b, double mn, double w,
                           size_t bins)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (bin_of(x[mid], mn, w, bins) >= b)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static int output_stats(airoi_simulation *s, int o, int threads)
{
    airoi__sim_stats *S = &s->stats[o];
    const double *v = s->val[o];
    size_t c = (size_t)s->count, nd = 0, npos = 0, nabove = 0;
    double mn = HUGE_VAL, mx = -HUGE_VAL;
    for (int k = 0; k < AIROI__SIM_STATS; k++)
        S->status[k] = AIROI_ERR_UNDEFINED;
    size_t nparts = (c + AIROI__SIM_BLOCK - 1) / AIROI__SIM_BLOCK;
    stat_part *parts = airoi__calloc(nparts, sizeof *parts);
    if (!parts)
        return nomem();
    part_job PJ = {v, c, s->st.roi_target, parts};
    airoi__sim_parallel(threads, nparts, part_task, &PJ);
    airoi__sum sum = {0, 0};
    for (size_t b = 0; b < nparts; b++) {
        const stat_part *P = &parts[b];
        nd += P->nd;
        npos += P->npos;
        nabove += P->nabove;
        mn = P->mn < mn ? P->mn : mn;
        mx = P->mx > mx ? P->mx : mx;
        airoi__sum_add(&sum, P->sum.s);
        airoi__sum_add(&sum, P->sum.c);
    }
    S->n_defined = nd;
    set_stat(S, AIROI_STAT_COUNT, (double)nd, AIROI_OK);
    set_stat(S, AIROI_STAT_PROB_POSITIVE, (double)npos / (double)c, AIROI_OK);
    set_stat(S, AIROI_STAT_UNDEFINED_SHARE, (double)(c - nd) / (double)c, AIROI_OK);
    if (o == AIROI_SIM_PAYBACK_PERIODS - AIROI_SIM_NPV)
        set_stat(S, AIROI_STAT_NEVER_SHARE, (double)(c - nd) / (double)c, AIROI_OK);
    if (o == AIROI_SIM_ROI_HORIZON - AIROI_SIM_NPV || o == AIROI_SIM_NPV_ROI - AIROI_SIM_NPV)
        set_stat(S, AIROI_STAT_PROB_ABOVE_TARGET, (double)nabove / (double)c, AIROI_OK);
    if (nd == 0) {
        airoi__free(parts);
        return AIROI_OK;
    }
    /* all equal: exactly that value, and no spread from rounding */
    double mean = mn == mx ? mn : airoi__sum_get(&sum) / (double)nd;
    set_stat(S, AIROI_STAT_MEAN, mean, AIROI_OK);
    set_stat(S, AIROI_STAT_MIN, mn, AIROI_OK);
    set_stat(S, AIROI_STAT_MAX, mx, AIROI_OK);
    if (nd >= 2) {
        /* the blocks' squared deviations plus n_b (mean_b - mean)^2 each */
        airoi__sum ss = {0, 0};
        for (size_t b = 0; b < nparts; b++) {
            const stat_part *P = &parts[b];
            if (P->nd == 0)
                continue;
            double d = airoi__sum_get(&P->sum) / (double)P->nd - mean;
            airoi__sum_add(&ss, P->m2.s);
            airoi__sum_add(&ss, P->m2.c);
            airoi__sum_add(&ss, (double)P->nd * d * d);
        }
        double sd = mn == mx ? 0.0 : sqrt(airoi__sum_get(&ss) / (double)(nd - 1));
        set_stat(S, AIROI_STAT_SD, sd, AIROI_OK);
        set_stat(S, AIROI_STAT_SE, sd / sqrt((double)nd), AIROI_OK);
    }
    airoi__free(parts);
    /* sorted copy, for exact percentiles */
    int rc = airoi__sim_sort_values(&S->sorted, v, c, nd, mn, mx, threads);
    if (rc)
        return rc;
    const double *sorted = S->sorted;
    if (o == 0) { /* value at risk and expected shortfall of NPV, as losses */
        double q = airoi__sim_percentile_inc(sorted, nd, 100.0 * s->st.tail);
        set_stat(S, AIROI_STAT_VAR, -q, AIROI_OK);
        size_t m = (size_t)ceil(s->st.tail * (double)nd);
        if (m < 1)
            m = 1;
        airoi__sum es = {0, 0};
        for (size_t i = 0; i < m; i++)
            airoi__sum_add(&es, sorted[i]);
        set_stat(S, AIROI_STAT_ES, -airoi__sum_get(&es) / (double)m, AIROI_OK);
    }
    /* histogram: bins of equal width from min to max, the last one closed;
     * the values are sorted, so each bin's count is the distance between
     * the first values of it and of the next */
    size_t bins = (size_t)s->st.bins;
    S->edges = airoi__calloc(bins + 1, sizeof *S->edges);
    S->counts = airoi__calloc(bins, sizeof *S->counts);
    if (!S->edges || !S->counts)
        return nomem();
    double w = (mx - mn) / (double)bins;
    for (size_t b = 0; b <= bins; b++)
        S->edges[b] = b == bins ? mx : mn + w * (double)b;
    size_t from = 0;
    for (size_t b = 0; b < bins; b++) {
        size_t to = b + 1 == bins ? nd : first_in_bin(sorted, from, nd, b + 1, mn, w, bins);
        S->counts[b] = (int64_t)(to - from);
        from = to;
    }
    return AIROI_OK;
}

/* Mean NPV and P(NPV > 0) with their standard errors over the first
 * 1,000, 10,000, ... trials and over all. */
static int checkpoints(airoi_simulation *s)
{
    int64_t marks[24];
    size_t nm = 0;
    for (int64_t k = 1000; k < s->count && nm < 20; k *= 10)
        marks[nm++] = k;
    marks[nm++] = s->count;
    s->cp_trials = airoi__calloc(nm, sizeof *s->cp_trials);
    s->cp_mean = airoi__calloc(4 * nm, sizeof *s->cp_mean);
    if (!s->cp_trials || !s->cp_mean)
        return nomem();
    s->cp_mean_se = s->cp_mean + nm;
    s->cp_prob = s->cp_mean + 2 * nm;
    s->cp_prob_se = s->cp_mean + 3 * nm;
    s->n_checkpoints = nm;
    const double *v = s->val[0];
    const airoi__sim_stats *S = &s->stats[0];
    for (size_t j = 0; j < nm; j++) {
        if (j == nm - 1 && S->n_defined == (size_t)s->count) {
            /* every trial: the figures of the output itself (NPV is defined
             * in every trial), the same doubles without a second pass */
            double p = S->stat[STAT(AIROI_STAT_PROB_POSITIVE)];
            s->cp_trials[j] = s->count;
            s->cp_mean[j] = S->stat[STAT(AIROI_STAT_MEAN)];
            s->cp_mean_se[j] = S->status[STAT(AIROI_STAT_SE)] == AIROI_OK
                                   ? S->stat[STAT(AIROI_STAT_SE)]
                                   : 0.0;
            s->cp_prob[j] = p;
            s->cp_prob_se[j] = sqrt(p * (1.0 - p) / (double)s->count);
            break;
        }
        size_t k = (size_t)marks[j], pos = 0;
        airoi__sum sum = {0, 0}, ss = {0, 0};
        for (size_t i = 0; i < k; i++) {
            airoi__sum_add(&sum, v[i]);
            pos += v[i] > 0.0;
        }
        double mean = airoi__sum_get(&sum) / (double)k;
        for (size_t i = 0; i < k; i++)
            airoi__sum_add(&ss, (v[i] - mean) * (v[i] - mean));
        double sd = k > 1 ? sqrt(airoi__sum_get(&ss) / (double)(k - 1)) : 0.0;
        double p = (double)pos / (double)k;
        s->cp_trials[j] = (int64_t)k;
        s->cp_mean[j] = mean;
        s->cp_mean_se[j] = sd / sqrt((double)k);
        s->cp_prob[j] = p;
        s->cp_prob_se[j] = sqrt(p * (1.0 - p) / (double)k);
    }
    return AIROI_OK;
}

static double mean_of(const double *v, size_t n)
{
    airoi__sum s = {0, 0};
    for (size_t i = 0; i < n; i++)
        airoi__sum_add(&s, v[i]);
    return airoi__sum_get(&s) / (double)n;
}

int airoi__simulation_finish(airoi_simulation *s)
{
    int threads = airoi__sim_threads(s->st.threads);
    for (int o = 0; o < AIROI__SIM_OUTPUTS; o++)
        if (s->has[o]) {
            int rc = output_stats(s, o, threads);
            if (rc)
                return rc;
        }
    int rc = checkpoints(s);
    if (rc)
        return rc;
    if (s->n_stages) {
        size_t c = (size_t)s->count, passed = 0;
        for (size_t i = 0; i < c; i++)
            passed += s->pass[i];
        double en = mean_of(s->val[0], c), ea = mean_of(s->allin, c);
        s->staging[AIROI_STAGING_PROB_PRODUCTION - AIROI_STAGING_PROB_PRODUCTION] =
            (double)passed / (double)c;
        s->staging[AIROI_STAGING_EXPECTED_COST - AIROI_STAGING_PROB_PRODUCTION] =
            mean_of(s->spent, c);
        s->staging[AIROI_STAGING_EXPECTED_NPV - AIROI_STAGING_PROB_PRODUCTION] = en;
        s->staging[AIROI_STAGING_NPV_ALL_IN - AIROI_STAGING_PROB_PRODUCTION] = ea;
        s->staging[AIROI_STAGING_VALUE_OF_STAGING - AIROI_STAGING_PROB_PRODUCTION] = en - ea;
    }
    return AIROI_OK;
}

int airoi__simulation_complete(airoi_simulation **out, airoi_simulation *s, int rc,
                               airoi__sim_model *m, airoi__sim_settings *st)
{
    if (rc == AIROI_OK)
        rc = airoi__simulation_finish(s);
    airoi__sim_model_unref(m);
    airoi__sim_settings_clear(st);
    if (rc) {
        airoi__simulation_free(s);
        return rc;
    }
    airoi__error_clear();
    *out = s;
    return AIROI_OK;
}

/* ---- merging ------------------------------------------------------------------- */

static int same_settings(const airoi__sim_settings *a, const airoi__sim_settings *b)
{
    if (a->seed != b->seed || a->sampling != b->sampling || a->bins != b->bins ||
        a->roi_target != b->roi_target || a->tail != b->tail || a->n_outputs != b->n_outputs ||
        a->n_percentiles != b->n_percentiles)
        return 0;
    for (size_t i = 0; i < a->n_outputs; i++)
        if (a->outputs[i] != b->outputs[i])
            return 0;
    for (size_t i = 0; i < a->n_percentiles; i++)
        if (a->percentiles[i] != b->percentiles[i])
            return 0;
    return 1;
}

int airoi__simulation_merge(airoi_simulation **out, const airoi_simulation *a,
                            const airoi_simulation *b)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_merge: NULL out");
    *out = NULL;
    if (!a || !b)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_merge: NULL simulation");
    if (a->fingerprint != b->fingerprint || a->n_inputs != b->n_inputs ||
        a->n_stages != b->n_stages)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_merge: the simulations are of different models");
    if (!same_settings(&a->st, &b->st))
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_merge: the simulations ran with different settings "
                            "(seed, sampling, outputs, percentiles, bins, tail or ROI target)");
    if (a->first + a->count != b->first)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_merge: trials [%lld, %lld) and [%lld, %lld) are "
                            "not adjacent (the second must start where the first ends)",
                            (long long)a->first, (long long)(a->first + a->count),
                            (long long)b->first, (long long)(b->first + b->count));
    if (a->count > INT64_MAX - b->count)
        return airoi__error(AIROI_ERR_LIMIT, "airoi_simulation_merge: too many trials");
    int64_t count = a->count + b->count;
    airoi_simulation *s = NULL;
    int rc = sim_new(&s, &a->st, a->model, a->first, count);
    if (rc)
        return rc;
    size_t na = (size_t)a->count, nb = (size_t)b->count;
    for (int o = 0; o < AIROI__SIM_OUTPUTS; o++)
        if (s->has[o]) {
            memcpy(s->val[o], a->val[o], na * sizeof(double));
            memcpy(s->val[o] + na, b->val[o], nb * sizeof(double));
        }
    if (s->n_stages) {
        memcpy(s->spent, a->spent, na * sizeof(double));
        memcpy(s->spent + na, b->spent, nb * sizeof(double));
        memcpy(s->allin, a->allin, na * sizeof(double));
        memcpy(s->allin + na, b->allin, nb * sizeof(double));
        memcpy(s->pass, a->pass, na);
        memcpy(s->pass + na, b->pass, nb);
    }
    rc = airoi__simulation_finish(s);
    if (rc) {
        airoi__simulation_free(s);
        return rc;
    }
    *out = s;
    return AIROI_OK;
}

AIROI_API int airoi_simulation_merge(airoi_simulation **out, const airoi_simulation *a,
                                     const airoi_simulation *b)
{
    AIROI__ENTER();
    return airoi__simulation_merge(out, a, b);
}

/* ---- getters ------------------------------------------------------------------- */

/* The statistics of `output`, or NULL with a message. */
static const airoi__sim_stats *stats_of(const airoi_simulation *s, int output, const char *fn,
                                        int *rc)
{
    if (!s) {
        *rc = airoi__error(AIROI_ERR_INVALID, "%s: NULL simulation", fn);
        return NULL;
    }
    *rc = airoi__enum_check(output, AIROI_SIM_NPV, fn);
    if (*rc)
        return NULL;
    int o = AIROI__ENUM_INDEX(output);
    int asked = 0;
    for (size_t i = 0; i < s->st.n_outputs; i++)
        asked |= s->st.outputs[i] == o;
    if (!asked) {
        *rc = airoi__error(AIROI_ERR_NOT_FOUND,
                           "%s: output '%s' was not computed (not among the outputs asked for)",
                           fn, output_names[o]);
        return NULL;
    }
    return &s->stats[o];
}

int airoi__simulation_get_stat(double *out, const airoi_simulation *s, int output, int stat)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_get_stat: NULL out");
    int rc = AIROI_OK;
    const airoi__sim_stats *S = stats_of(s, output, "airoi_simulation_get_stat", &rc);
    if (!S)
        return rc;
    rc = airoi__enum_check(stat, AIROI_STAT_MEAN, "airoi_simulation_get_stat");
    if (rc)
        return rc;
    int k = AIROI__ENUM_INDEX(stat);
    const char *name = output_names[output - AIROI_SIM_NPV];
    if ((stat == AIROI_STAT_VAR || stat == AIROI_STAT_ES) && output != AIROI_SIM_NPV)
        return airoi__error(AIROI_ERR_INVALID,
                            "value at risk and expected shortfall are figures of npv, not %s",
                            name);
    if (stat == AIROI_STAT_NEVER_SHARE && output != AIROI_SIM_PAYBACK_PERIODS)
        return airoi__error(AIROI_ERR_INVALID, "never_share is a figure of payback_periods, "
                                               "not %s",
                            name);
    if (stat == AIROI_STAT_PROB_ABOVE_TARGET && output != AIROI_SIM_ROI_HORIZON &&
        output != AIROI_SIM_NPV_ROI)
        return airoi__error(AIROI_ERR_INVALID, "P(ROI > target) is a figure of roi_horizon and "
                                               "npv_roi, not %s",
                            name);
    if (S->status[k] != AIROI_OK)
        return airoi__error(S->status[k], "%s: %s", name,
                            S->n_defined == 0 ? "no trial has a defined value"
                                              : "a standard deviation needs 2 defined trials");
    *out = S->stat[k];
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_stat(double *out, const airoi_simulation *s,
                                        airoi_sim_output output, airoi_sim_stat stat)
{
    AIROI__ENTER();
    return airoi__simulation_get_stat(out, s, output, stat);
}

int airoi__simulation_get_percentile(double *out, const airoi_simulation *s, int output,
                                     double percentile)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_get_percentile: NULL out");
    int rc = AIROI_OK;
    const airoi__sim_stats *S = stats_of(s, output, "airoi_simulation_get_percentile", &rc);
    if (!S)
        return rc;
    if (!(percentile >= 0.0 && percentile <= 100.0))
        return airoi__error(AIROI_ERR_INVALID, "percentile %g outside [0, 100]", percentile);
    if (S->n_defined == 0)
        return airoi__error(AIROI_ERR_UNDEFINED, "%s: no trial has a defined value",
                            output_names[output - AIROI_SIM_NPV]);
    *out = airoi__sim_percentile_inc(S->sorted, S->n_defined, percentile);
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_percentile(double *out, const airoi_simulation *s,
                                              airoi_sim_output output, double percentile)
{
    AIROI__ENTER();
    return airoi__simulation_get_percentile(out, s, output, percentile);
}

int airoi__simulation_get_histogram(double *edges, int64_t *counts, size_t cap,
                                    size_t *bins_out, const airoi_simulation *s, int output)
{
    int rc = AIROI_OK;
    const airoi__sim_stats *S = stats_of(s, output, "airoi_simulation_get_histogram", &rc);
    if (!S)
        return rc;
    if (S->n_defined == 0)
        return airoi__error(AIROI_ERR_UNDEFINED, "%s: no trial has a defined value",
                            output_names[output - AIROI_SIM_NPV]);
    size_t bins = (size_t)s->st.bins;
    if (bins_out)
        *bins_out = bins;
    if (!edges && !counts)
        return AIROI_OK; /* the size query */
    if (!edges || !counts)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_get_histogram: edges and counts are both needed");
    if (cap < bins)
        return airoi__error(AIROI_ERR_BUFFER,
                            "airoi_simulation_get_histogram: %zu bins (and %zu edges) do not "
                            "fit in %zu",
                            bins, bins + 1, cap);
    memcpy(edges, S->edges, (bins + 1) * sizeof *edges);
    memcpy(counts, S->counts, bins * sizeof *counts);
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_histogram(double *edges, int64_t *counts, size_t cap,
                                             size_t *bins_out, const airoi_simulation *s,
                                             airoi_sim_output output)
{
    AIROI__ENTER();
    return airoi__simulation_get_histogram(edges, counts, cap, bins_out, s, output);
}

int airoi__simulation_get_trials(double *values, int32_t *status, size_t cap, size_t *len_out,
                                 const airoi_simulation *s, int output)
{
    int rc = AIROI_OK;
    if (!stats_of(s, output, "airoi_simulation_get_trials", &rc))
        return rc;
    size_t c = (size_t)s->count;
    if (len_out)
        *len_out = c;
    if (!values && !status)
        return AIROI_OK;
    if (cap < c)
        return airoi__error(AIROI_ERR_BUFFER,
                            "airoi_simulation_get_trials: %zu trials do not fit in %zu", c, cap);
    int o = output - AIROI_SIM_NPV;
    int undefined = output == AIROI_SIM_IRR ? AIROI_ERR_NO_SOLUTION : AIROI_ERR_UNDEFINED;
    for (size_t i = 0; i < c; i++) {
        double x = s->val[o][i];
        if (values)
            values[i] = isnan(x) ? 0.0 : x;
        if (status)
            status[i] = isnan(x) ? undefined : AIROI_OK;
    }
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_trials(double *values, int32_t *status, size_t cap,
                                          size_t *len_out, const airoi_simulation *s,
                                          airoi_sim_output output)
{
    AIROI__ENTER();
    return airoi__simulation_get_trials(values, status, cap, len_out, s, output);
}

int airoi__simulation_get_number(double *out, const airoi_simulation *s, int param)
{
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_get_number: NULL argument");
    const airoi__sim_settings *st = &s->st;
    switch (param) {
    case AIROI_SIM_TRIALS: *out = (double)s->count; break;
    case AIROI_SIM_SEED: *out = (double)st->seed; break;
    case AIROI_SIM_SAMPLING: *out = st->sampling; break;
    case AIROI_SIM_THREADS: *out = st->threads; break;
    case AIROI_SIM_BINS: *out = st->bins; break;
    case AIROI_SIM_ROI_TARGET: *out = st->roi_target; break;
    case AIROI_SIM_TAIL: *out = st->tail; break;
    case AIROI_SIM_KEEP_TRIALS: *out = st->keep_trials; break;
    case AIROI_SIM_REPAIR: *out = st->repair; break;
    default:
        return airoi__enum_check(param, AIROI_SIM_TRIALS, "airoi_simulation_get_number")
                   ? AIROI_ERR_INVALID
                   : airoi__error(AIROI_ERR_INTERNAL, "airoi_simulation_get_number: %s unhandled",
                                  airoi__enum_constant(param));
    }
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_number(double *out, const airoi_simulation *s,
                                          airoi_sim_param param)
{
    AIROI__ENTER();
    return airoi__simulation_get_number(out, s, param);
}

int airoi__simulation_get_staging(double *out, const airoi_simulation *s, int figure)
{
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_get_staging: NULL argument");
    int rc = airoi__enum_check(figure, AIROI_STAGING_PROB_PRODUCTION,
                               "airoi_simulation_get_staging");
    if (rc)
        return rc;
    int k = AIROI__ENUM_INDEX(figure);
    if (!s->n_stages)
        return airoi__error(AIROI_ERR_NOT_FOUND, "the simulated model has no stages");
    *out = s->staging[k];
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_staging(double *out, const airoi_simulation *s,
                                           airoi_staging_figure figure)
{
    AIROI__ENTER();
    return airoi__simulation_get_staging(out, s, figure);
}

int airoi__simulation_get_all_in_trials(double *values, size_t cap, size_t *len_out,
                                        const airoi_simulation *s)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_simulation_get_all_in_trials: NULL simulation");
    if (!s->n_stages)
        return airoi__error(AIROI_ERR_NOT_FOUND, "the simulated model has no stages");
    size_t c = (size_t)s->count;
    if (len_out)
        *len_out = c;
    if (!values)
        return AIROI_OK;
    if (cap < c)
        return airoi__error(AIROI_ERR_BUFFER,
                            "airoi_simulation_get_all_in_trials: %zu trials do not fit in %zu", c,
                            cap);
    memcpy(values, s->allin, c * sizeof *values);
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_all_in_trials(double *values, size_t cap, size_t *len_out,
                                                 const airoi_simulation *s)
{
    AIROI__ENTER();
    return airoi__simulation_get_all_in_trials(values, cap, len_out, s);
}

const char *airoi__simulation_get_warning(const airoi_simulation *s)
{
    return s ? s->model->warning : NULL;
}

AIROI_API const char *airoi_simulation_get_warning(const airoi_simulation *s)
{
    AIROI__ENTER();
    return airoi__simulation_get_warning(s);
}

size_t airoi__simulation_count_inputs(const airoi_simulation *s)
{
    return s ? s->n_inputs : 0;
}

AIROI_API size_t airoi_simulation_count_inputs(const airoi_simulation *s)
{
    AIROI__ENTER();
    return airoi__simulation_count_inputs(s);
}

/* Ranks 1..n of v (average ranks for ties) into r; scratch k, tk (n
 * each), idx, ti (n each). */
static void ranks(double *r, const double *v, size_t n, uint64_t *k, uint64_t *tk, uint32_t *idx,
                  uint32_t *ti)
{
    for (size_t i = 0; i < n; i++) {
        k[i] = airoi__sim_key_of(v[i] == 0.0 ? 0.0 : v[i]); /* -0 ties with +0 */
        idx[i] = (uint32_t)i;
    }
    k = airoi__sim_radix_sort(k, &idx, n, tk, ti);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && k[j] == k[i])
            j++;
        double avg = 0.5 * (double)(i + 1 + j); /* ranks i+1..j */
        for (size_t q = i; q < j; q++)
            r[idx[q]] = avg;
        i = j;
    }
}

/* Pearson correlation of two rank vectors; 0 when one is constant. */
static double pearson(const double *a, const double *b, size_t n)
{
    double ma = (double)(n + 1) / 2.0; /* the mean of ranks 1..n, ties or not */
    airoi__sum sab = {0, 0}, saa = {0, 0}, sbb = {0, 0};
    for (size_t i = 0; i < n; i++) {
        double x = a[i] - ma, y = b[i] - ma;
        airoi__sum_add(&sab, x * y);
        airoi__sum_add(&saa, x * x);
        airoi__sum_add(&sbb, y * y);
    }
    double d = sqrt(airoi__sum_get(&saa)) * sqrt(airoi__sum_get(&sbb));
    return d > 0.0 ? airoi__sum_get(&sab) / d : 0.0;
}

/* Spearman correlation of each input's multiplier with NPV and its share
 * of their squares. The multipliers are drawn again (they are a function
 * of seed, trial and input), held only while ranking. */
static int sensitivity(airoi_simulation *s)
{
    size_t n = (size_t)s->count, ni = s->n_inputs;
    if (n > UINT32_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "sensitivity: more than 2^32 trials");
    if ((uint64_t)ni * n > AIROI__SIM_MAX_BYTES / 8)
        return airoi__error(AIROI_ERR_LIMIT,
                            "sensitivity: %zu inputs x %zu trials need %.3g GB; the limit is "
                            "%.3g GB (docs/methodology.md#memory-of-a-simulation)",
                            ni, n, 8.0 * (double)ni * (double)n / 1e9,
                            (double)AIROI__SIM_MAX_BYTES / 1e9);
    double *vals = airoi__malloc(ni * n * sizeof *vals);
    double *rn = airoi__malloc(2 * n * sizeof *rn);
    uint64_t *k = airoi__malloc(2 * n * sizeof *k);
    uint32_t *idx = airoi__malloc(2 * n * sizeof *idx);
    s->rank_corr = airoi__calloc(2 * ni + 1, sizeof *s->rank_corr);
    int rc = AIROI_OK;
    if (!vals || !rn || !k || !idx || !s->rank_corr)
        rc = nomem();
    if (rc == AIROI_OK)
        rc = airoi__sim_input_values(vals, s->model, s->st.seed, s->st.sampling, s->first,
                                     s->count);
    if (rc == AIROI_OK) {
        s->var_share = s->rank_corr + ni;
        double *ri = rn + n;
        ranks(rn, s->val[0], n, k, k + n, idx, idx + n);
        double sum2 = 0.0;
        for (size_t q = 0; q < ni; q++) {
            ranks(ri, vals + q * n, n, k, k + n, idx, idx + n);
            s->rank_corr[q] = pearson(rn, ri, n);
            sum2 += s->rank_corr[q] * s->rank_corr[q];
        }
        for (size_t q = 0; q < ni; q++)
            s->var_share[q] = sum2 > 0.0 ? s->rank_corr[q] * s->rank_corr[q] / sum2 : 0.0;
    } else {
        airoi__free(s->rank_corr);
        s->rank_corr = NULL;
    }
    airoi__free(vals);
    airoi__free(rn);
    airoi__free(k);
    airoi__free(idx);
    return rc;
}

int airoi__simulation_get_sensitivity(const char **input, double *rank_correlation,
                                      double *variance_share, const airoi_simulation *s,
                                      size_t i)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_get_sensitivity: NULL simulation");
    if (i >= s->n_inputs)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "airoi_simulation_get_sensitivity: input %zu past the end (%zu)", i,
                            s->n_inputs);
    /* computed once, on first use: the handle stays readable from many
     * threads (the lock makes the first computation the only one) */
    airoi_simulation *w = (airoi_simulation *)s;
    pthread_mutex_lock(w->lock);
    int rc = AIROI_OK;
    if (!w->sens_done) { /* a failure is not kept: the next call tries again */
        rc = sensitivity(w);
        w->sens_done = rc == AIROI_OK;
    }
    pthread_mutex_unlock(w->lock);
    if (rc)
        return rc;
    if (input)
        *input = s->model->inputs[i].name;
    if (rank_correlation)
        *rank_correlation = s->rank_corr[i];
    if (variance_share)
        *variance_share = s->var_share[i];
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_sensitivity(const char **input, double *rank_correlation,
                                               double *variance_share, const airoi_simulation *s,
                                               size_t i)
{
    AIROI__ENTER();
    return airoi__simulation_get_sensitivity(input, rank_correlation, variance_share, s, i);
}

size_t airoi__simulation_count_checkpoints(const airoi_simulation *s)
{
    return s ? s->n_checkpoints : 0;
}

AIROI_API size_t airoi_simulation_count_checkpoints(const airoi_simulation *s)
{
    AIROI__ENTER();
    return airoi__simulation_count_checkpoints(s);
}

int airoi__simulation_get_checkpoint(int64_t *trials, double *mean, double *mean_se,
                                     double *prob_positive, double *prob_se,
                                     const airoi_simulation *s, size_t i)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_simulation_get_checkpoint: NULL simulation");
    if (i >= s->n_checkpoints)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "airoi_simulation_get_checkpoint: checkpoint %zu past the end (%zu)",
                            i, s->n_checkpoints);
    if (trials)
        *trials = s->cp_trials[i];
    if (mean)
        *mean = s->cp_mean[i];
    if (mean_se)
        *mean_se = s->cp_mean_se[i];
    if (prob_positive)
        *prob_positive = s->cp_prob[i];
    if (prob_se)
        *prob_se = s->cp_prob_se[i];
    return AIROI_OK;
}

AIROI_API int airoi_simulation_get_checkpoint(int64_t *trials, double *mean, double *mean_se,
                                              double *prob_positive, double *prob_se,
                                              const airoi_simulation *s, size_t i)
{
    AIROI__ENTER();
    return airoi__simulation_get_checkpoint(trials, mean, mean_se, prob_positive, prob_se, s, i);
}
