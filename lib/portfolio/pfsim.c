/*
 * lib/portfolio/pfsim.c: Monte Carlo simulation of a portfolio's chosen set
 * with drivers shared across projects (portfolio layer, reading the compiled
 * models of lib/sim). docs/portfolio.md ("Portfolio Monte Carlo") and
 * docs/methodology.md ("Portfolio Monte Carlo") give the rules:
 *
 * - Each chosen project draws its uncertainties from its own stream of
 *   uniforms, keyed by (seed mixed with the project's name, trial): the same
 *   counter-based generator as a project simulation, so trial i depends only
 *   on (seed, i) and on nothing else of the run.
 * - A driver (`driver:` on an uncertainty) has a stream of its own keyed by
 *   (seed mixed with the driver's name, trial): one uniform per trial (or per
 *   trial and period for a per-period driver), used in place of the own
 *   uniform of every uncertainty that names the driver, in every project.
 *   Uses of a driver must agree in distribution and parameters (so the
 *   multiplier is the same everywhere) and a driver's uncertainty may not be
 *   in a project's rank correlations.
 * - The trial's NPV of a project is that of its compiled model (stages
 *   included), times its unit and exchange rate; the portfolio NPV is the
 *   sum over the chosen projects in file order.
 * - Statistics are taken over the stored per-trial values in trial order,
 *   so they are the same for any thread count and for merged ranges.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "portfolio-private.h"
#include "sim-private.h"

#define OPT_BIT(param) (1ull << ((param) - AIROI_SIM_TRIALS))

typedef struct member {
    char *name;
    airoi__sim_model *m;
    double k;           /* unit x exchange rate */
    uint64_t seed;      /* of its own stream */
    long *driver;       /* n_inputs: index of its driver, or -1 */
} member;

typedef struct driver {
    char *name;
    size_t len;         /* uniforms per trial: 1, or the longest horizon + 1 */
    uint64_t seed;
    size_t users;       /* chosen projects using it */
} driver;

struct airoi_portfolio_simulation {
    uint64_t seed;
    int64_t first, count;
    int32_t bins;
    double *pct;        /* extra percentiles asked */
    size_t n_pct;
    uint64_t fingerprint;
    size_t n;           /* projects simulated */
    char **names;
    double *npv;        /* n x count: npv[j * count + i], converted */
    double *total;      /* count */
    size_t n_drivers;
    char **drivers;
    size_t *driver_users;
    /* statistics */
    double mean, sd, se, min, max, prob_positive;
    int has_sd;
    double *sorted;     /* count, ascending */
    double *edges;      /* bins + 1 */
    int64_t *counts;    /* bins */
    double *p_mean, *p_sd, *p_contrib;
    int has_contrib;
};

/* memcpy of n bytes that may be 0 with a NULL pointer (an empty array):
 * memcpy(x, NULL, 0) is undefined behaviour, this is not. */
static void copy_bytes(void *dst, const void *src, size_t n)
{
    if (n)
        memcpy(dst, src, n);
}

static int nomem(void)
{
    return airoi__error(AIROI_ERR_NOMEM, "out of memory");
}

/* splitmix64 finaliser of (seed, a string): the seed of a stream. */
static uint64_t stream_seed(uint64_t seed, const char *tag, const char *name)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *s = tag; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    h = (h ^ 0xffu) * 1099511628211ULL;
    for (const char *s = name; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (h | 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (z ^ (z >> 31)) & ((1ULL << 53) - 1);
}

/* ---- the run ------------------------------------------------------------------------- */

typedef struct prun {
    member *mem;
    size_t n;
    driver *drv;
    size_t n_drv;
    size_t drv_dims;    /* sum of the drivers' len */
    size_t *drv_off;    /* n_drv */
    airoi_portfolio_simulation *s;
    int nthreads;
    int bad;            /* a trial overflowed */
    int rc;
    pthread_mutex_t lock;
} prun;

typedef struct wmem {
    double *u, *z, *mult, *pm, *fac, *du;
} wmem;

/* The NPV of member j in one trial (project currency), du the drivers' uniforms. */
static double member_npv(const prun *R, const member *M, wmem *w, int64_t trial)
{
    const airoi__sim_model *m = M->m;
    const size_t n = m->n;
    airoi__sim_uniforms(w->u, m->n_dims, M->seed, (uint64_t)trial, 0);
    for (size_t k = 0; k < m->n_inputs; k++) {
        long d = M->driver[k];
        if (d < 0)
            continue;
        const airoi__sim_input *in = &m->inputs[k];
        size_t len = in->per_period ? n : 1;
        copy_bytes(w->u + in->dim, w->du + R->drv_off[d], len * sizeof *w->u);
    }
    if (m->n_corr) {
        if (m->corr_per_period)
            for (size_t t = 0; t < n; t++)
                airoi__sim_copula(m, w->u, 1, w->z, t);
        else
            airoi__sim_copula(m, w->u, 1, w->z, 0);
    }
    for (size_t k = 0; k < m->n_inputs; k++) {
        const airoi__sim_input *in = &m->inputs[k];
        if (in->per_period)
            airoi__dist_quantiles(&in->dist, w->pm + k * n, w->u + in->dim, n);
        else
            w->mult[k] = airoi__dist_quantile(&in->dist, w->u[in->dim]);
    }
    int pass = 1;
    double spent_pv = 0.0;
    for (size_t k = 0; k < m->n_stages && pass; k++) {
        spent_pv += m->stage_cost[k] * m->disc[m->stage_start[k]];
        pass = w->u[m->stage_dim + k] < m->stage_prob[k];
    }
    double pvc = 0.0, pvb = 0.0;
    for (size_t g = 0; g < m->n_groups; g++) {
        const airoi__sim_group *gr = &m->groups[g];
        double f = 1.0, pv;
        for (size_t j = 0; j < gr->n_scalar; j++)
            f *= w->mult[gr->scalar[j]];
        if (gr->n_per == 0) {
            pv = f * gr->pv;
        } else {
            double acc = 0.0;
            for (size_t t = 0; t < n; t++) {
                double prod = 1.0;
                for (size_t j = 0; j < gr->n_per; j++)
                    prod *= w->pm[gr->per[j] * n + t];
                acc += prod * gr->dseries[t];
            }
            pv = f * acc;
        }
        if (gr->is_cost)
            pvc += pv;
        else
            pvb += pv;
    }
    if (m->n_stages)
        return pass ? (pvb - pvc) * m->disc[m->shift] - spent_pv : -spent_pv;
    return pvb - pvc;
}

static void wmem_free(wmem *w)
{
    airoi__free(w->u);
    airoi__free(w->z);
    airoi__free(w->mult);
    airoi__free(w->pm);
    airoi__free(w->fac);
    airoi__free(w->du);
}

static int wmem_alloc(wmem *w, const prun *R)
{
    size_t dims = 1, corr = 1, inputs = 1, pm = 1;
    for (size_t j = 0; j < R->n; j++) {
        const airoi__sim_model *m = R->mem[j].m;
        dims = m->n_dims > dims ? m->n_dims : dims;
        corr = 2 * m->n_corr > corr ? 2 * m->n_corr : corr;
        inputs = m->n_inputs > inputs ? m->n_inputs : inputs;
        pm = m->n_inputs * m->n > pm ? m->n_inputs * m->n : pm;
    }
    memset(w, 0, sizeof *w);
    w->u = airoi__calloc(dims, sizeof *w->u);
    w->z = airoi__calloc(corr, sizeof *w->z);
    w->mult = airoi__calloc(inputs, sizeof *w->mult);
    w->pm = airoi__calloc(pm, sizeof *w->pm);
    w->fac = airoi__calloc(1, sizeof *w->fac);
    w->du = airoi__calloc(R->drv_dims ? R->drv_dims : 1, sizeof *w->du);
    if (!w->u || !w->z || !w->mult || !w->pm || !w->fac || !w->du) {
        wmem_free(w);
        return AIROI_ERR_NOMEM;
    }
    return AIROI_OK;
}

typedef struct worker {
    prun *R;
    int index;
} worker;

/* Blocks index, index + T, ... of AIROI__SIM_BLOCK trials: each trial writes
 * its own slots, so the split does not change any value. */
static void *work(void *arg)
{
    worker *W = arg;
    prun *R = W->R;
    airoi_portfolio_simulation *s = R->s;
    wmem w;
    if (wmem_alloc(&w, R) != AIROI_OK) {
        pthread_mutex_lock(&R->lock);
        R->rc = AIROI_ERR_NOMEM;
        pthread_mutex_unlock(&R->lock);
        return NULL;
    }
    size_t c = (size_t)s->count;
    int bad = 0;
    for (size_t b0 = (size_t)W->index * AIROI__SIM_BLOCK; b0 < c;
         b0 += (size_t)R->nthreads * AIROI__SIM_BLOCK) {
        size_t b1 = b0 + AIROI__SIM_BLOCK < c ? b0 + AIROI__SIM_BLOCK : c;
        for (size_t i = b0; i < b1; i++) {
            int64_t trial = s->first + (int64_t)i;
            for (size_t d = 0; d < R->n_drv; d++)
                airoi__sim_uniforms(w.du + R->drv_off[d], R->drv[d].len, R->drv[d].seed,
                                    (uint64_t)trial, 0);
            double tot = 0.0;
            for (size_t j = 0; j < R->n; j++) {
                double v = member_npv(R, &R->mem[j], &w, trial) * R->mem[j].k;
                s->npv[j * c + i] = v;
                tot += v;
            }
            s->total[i] = tot;
            bad |= !isfinite(tot);
        }
    }
    wmem_free(&w);
    if (bad) {
        pthread_mutex_lock(&R->lock);
        R->bad = 1;
        pthread_mutex_unlock(&R->lock);
    }
    return NULL;
}

static int run_all(prun *R, int32_t threads)
{
    airoi_portfolio_simulation *s = R->s;
    int64_t nblocks = (s->count + AIROI__SIM_BLOCK - 1) / AIROI__SIM_BLOCK;
    int t = threads > 0 ? threads : 1;
    if (threads == 0) {
        long c = 1;
#ifdef _SC_NPROCESSORS_ONLN
        c = sysconf(_SC_NPROCESSORS_ONLN);
#endif
        t = c > 0 ? (int)c : 1;
    }
    if (t > AIROI__SIM_MAX_THREADS)
        t = AIROI__SIM_MAX_THREADS;
    if (t > nblocks)
        t = (int)nblocks;
    if (pthread_mutex_init(&R->lock, NULL) != 0)
        return airoi__error(AIROI_ERR_INTERNAL, "portfolio simulation: cannot create a mutex");
    R->nthreads = t;
    pthread_t tid[AIROI__SIM_MAX_THREADS];
    worker W[AIROI__SIM_MAX_THREADS];
    int started = 0;
    for (int k = 1; k < t; k++) {
        W[k].R = R;
        W[k].index = k;
        if (pthread_create(&tid[k], NULL, work, &W[k]) != 0)
            break;
        started = k;
    }
    /* threads that did not start: this thread takes their blocks too */
    W[0].R = R;
    W[0].index = 0;
    if (started + 1 < t) {
        for (int k = 1; k <= started; k++)
            pthread_join(tid[k], NULL);
        R->nthreads = 1;
        started = 0;
    }
    work(&W[0]);
    for (int k = 1; k <= started; k++)
        pthread_join(tid[k], NULL);
    pthread_mutex_destroy(&R->lock);
    if (R->rc)
        return nomem();
    if (R->bad)
        return airoi__error(AIROI_ERR_RANGE,
                            "portfolio simulation: a trial's figures overflow (beyond about "
                            "1.8e308); the amounts or multipliers are too large");
    return AIROI_OK;
}

/* ---- drivers ------------------------------------------------------------------------- */

#define UBIT(param) ((uint64_t)1 << (unsigned)((param) - AIROI_UNCERTAINTY_NAME))

/* Two uses of a driver draw the same multiplier: same law, parameters,
 * truncation and per_period. */
static int same_law(const airoi__uncertainty *a, const airoi__uncertainty *b)
{
    const uint64_t trunc = UBIT(AIROI_UNCERTAINTY_MIN) | UBIT(AIROI_UNCERTAINTY_MAX);
    if (a->distribution != b->distribution || (a->set & trunc) != (b->set & trunc) ||
        (a->per_period != 0) != (b->per_period != 0) || a->n_values != b->n_values)
        return 0;
    const double x[] = {a->low, a->mode, a->high, a->shape, a->mean, a->sd, a->mu,
                        a->sigma, a->p, a->impact, a->value,
                        (a->set & UBIT(AIROI_UNCERTAINTY_MIN)) ? a->min : 0,
                        (a->set & UBIT(AIROI_UNCERTAINTY_MAX)) ? a->max : 0};
    const double y[] = {b->low, b->mode, b->high, b->shape, b->mean, b->sd, b->mu,
                        b->sigma, b->p, b->impact, b->value,
                        (b->set & UBIT(AIROI_UNCERTAINTY_MIN)) ? b->min : 0,
                        (b->set & UBIT(AIROI_UNCERTAINTY_MAX)) ? b->max : 0};
    for (size_t i = 0; i < sizeof x / sizeof *x; i++)
        if (x[i] != y[i])
            return 0;
    for (size_t i = 0; i < a->n_values; i++)
        if (a->values[i] != b->values[i] || a->probabilities[i] != b->probabilities[i])
            return 0;
    return 1;
}

/* Whether uncertainty u of project p is in one of p's rank correlations. */
static int correlated(const airoi_project *p, const airoi__uncertainty *u)
{
    const char *id = airoi__uncertainty_id(u);
    for (size_t c = 0; c < p->n_correlations; c++)
        if (strcmp(p->correlations[c].a, id) == 0 || strcmp(p->correlations[c].b, id) == 0)
            return 1;
    return 0;
}

static const char *file_of(const char *source)
{
    return source ? source : "inline in the portfolio file";
}

int airoi__portfolio_check_drivers(const airoi_portfolio *pf, size_t *bad_project)
{
    for (size_t i = 0; i < pf->n; i++) {
        const airoi_project *p = pf->projects[i];
        for (size_t k = 0; k < p->n_uncertainties; k++) {
            const airoi__uncertainty *u = p->uncertainties[k];
            if (!u->driver)
                continue;
            if (correlated(p, u)) {
                *bad_project = i;
                return airoi__error(AIROI_ERR_MODEL,
                                    "project '%s' (%s): uncertainty '%s' has driver '%s' and is "
                                    "in a correlation; a driver is drawn once for the whole "
                                    "portfolio, so it cannot be correlated inside one project",
                                    p->name, file_of(pf->sources[i]), airoi__uncertainty_id(u),
                                    u->driver);
            }
            /* its first use, in file order */
            for (size_t j = 0; j <= i; j++) {
                const airoi_project *q = pf->projects[j];
                for (size_t l = 0; l < q->n_uncertainties && (j < i || l < k); l++) {
                    const airoi__uncertainty *v = q->uncertainties[l];
                    if (!v->driver || strcmp(v->driver, u->driver) != 0)
                        continue;
                    if (!same_law(u, v)) {
                        *bad_project = i;
                        return airoi__error(
                            AIROI_ERR_MODEL,
                            "driver '%s' has two different distributions: uncertainty '%s' of "
                            "project '%s' (%s) and uncertainty '%s' of project '%s' (%s); a "
                            "driver is drawn once per trial for every project, so each use "
                            "needs the same distribution and parameters",
                            u->driver, airoi__uncertainty_id(v), q->name,
                            file_of(pf->sources[j]), airoi__uncertainty_id(u), p->name,
                            file_of(pf->sources[i]));
                    }
                    goto next; /* the first use agrees */
                }
            }
        next:;
        }
    }
    return AIROI_OK;
}

/* ---- statistics ------------------------------------------------------------------------ */

static double mean_of(const double *v, size_t c)
{
    airoi__sum s = {0, 0};
    for (size_t i = 0; i < c; i++)
        airoi__sum_add(&s, v[i]);
    return airoi__sum_get(&s) / (double)c;
}

/* Sum of (a_i - ma)(b_i - mb), in trial order. */
static double comoment(const double *a, double ma, const double *b, double mb, size_t c)
{
    airoi__sum s = {0, 0};
    for (size_t i = 0; i < c; i++)
        airoi__sum_add(&s, (a[i] - ma) * (b[i] - mb));
    return airoi__sum_get(&s);
}

/* The statistics of s (every total finite), the sort on at most
 * `threads` threads (0: one per processor; the figures do not depend on
 * it). */
static int finish(airoi_portfolio_simulation *s, int32_t threads)
{
    size_t c = (size_t)s->count, npos = 0;
    double mn = HUGE_VAL, mx = -HUGE_VAL;
    for (size_t i = 0; i < c; i++) {
        double x = s->total[i];
        mn = x < mn ? x : mn;
        mx = x > mx ? x : mx;
        npos += x > 0.0;
    }
    s->min = mn;
    s->max = mx;
    s->prob_positive = (double)npos / (double)c;
    s->mean = mn == mx ? mn : mean_of(s->total, c);
    double mt = s->mean;
    double m2 = mn == mx ? 0.0 : comoment(s->total, mt, s->total, mt, c);
    s->has_sd = c >= 2;
    s->sd = s->has_sd ? sqrt(m2 / (double)(c - 1)) : 0.0;
    s->se = s->has_sd ? s->sd / sqrt((double)c) : 0.0;
    int rc = c ? airoi__sim_sort_values(&s->sorted, s->total, c, c, mn, mx,
                                        airoi__sim_threads(threads))
               : AIROI_OK;
    if (rc)
        return rc;
    s->edges = airoi__calloc((size_t)s->bins + 1, sizeof *s->edges);
    s->counts = airoi__calloc((size_t)s->bins, sizeof *s->counts);
    s->p_mean = airoi__calloc(s->n ? s->n : 1, sizeof *s->p_mean);
    s->p_sd = airoi__calloc(s->n ? s->n : 1, sizeof *s->p_sd);
    s->p_contrib = airoi__calloc(s->n ? s->n : 1, sizeof *s->p_contrib);
    if (!s->edges || !s->counts || !s->p_mean || !s->p_sd || !s->p_contrib)
        return nomem();
    size_t bins = (size_t)s->bins;
    double w = (mx - mn) / (double)bins;
    for (size_t b = 0; b <= bins; b++)
        s->edges[b] = b == bins ? mx : mn + w * (double)b;
    for (size_t i = 0; i < c; i++) {
        double f = w > 0.0 ? (s->sorted[i] - mn) / w : 0.0; /* NaN: inf / inf, the top */
        s->counts[f < (double)bins ? (size_t)f : bins - 1]++;
    }
    s->has_contrib = m2 > 0.0;
    for (size_t j = 0; j < s->n; j++) {
        const double *x = s->npv + j * c;
        double mj = mean_of(x, c);
        s->p_mean[j] = mj;
        s->p_sd[j] = c >= 2 ? sqrt(comoment(x, mj, x, mj, c) / (double)(c - 1)) : 0.0;
        s->p_contrib[j] = s->has_contrib ? comoment(x, mj, s->total, mt, c) / m2 : 0.0;
    }
    return AIROI_OK;
}

/* ---- compile and run -------------------------------------------------------------------- */

void airoi__portfolio_simulation_free(airoi_portfolio_simulation *s)
{
    if (!s)
        return;
    for (size_t j = 0; j < s->n; j++)
        airoi__free(s->names ? s->names[j] : NULL);
    for (size_t d = 0; d < s->n_drivers; d++)
        airoi__free(s->drivers ? s->drivers[d] : NULL);
    airoi__free(s->names);
    airoi__free(s->drivers);
    airoi__free(s->driver_users);
    airoi__free(s->pct);
    airoi__free(s->npv);
    airoi__free(s->total);
    airoi__sim_big_free(s->sorted);
    airoi__free(s->edges);
    airoi__free(s->counts);
    airoi__free(s->p_mean);
    airoi__free(s->p_sd);
    airoi__free(s->p_contrib);
    airoi__free(s);
}

AIROI_API void airoi_portfolio_simulation_free(airoi_portfolio_simulation *s)
{
    airoi__portfolio_simulation_free(s);
}

static void members_free(member *mem, size_t n, driver *drv, size_t n_drv)
{
    for (size_t j = 0; j < n; j++) {
        airoi__free(mem[j].name);
        airoi__sim_model_unref(mem[j].m);
        airoi__free(mem[j].driver);
    }
    airoi__free(mem);
    for (size_t d = 0; d < n_drv; d++)
        airoi__free(drv[d].name);
    airoi__free(drv);
}

static int cmp_driver(const void *a, const void *b)
{
    return strcmp(((const driver *)a)->name, ((const driver *)b)->name);
}

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

/* The settings of a run from the options. */
static int settings(airoi_portfolio_simulation *s, int64_t *trials, int32_t *threads,
                    int *repair, const airoi_sim_options *o)
{
    *trials = o && (o->set & OPT_BIT(AIROI_SIM_TRIALS)) ? o->trials : AIROI__SIM_DEFAULT_TRIALS;
    s->seed = o && (o->set & OPT_BIT(AIROI_SIM_SEED)) ? o->seed : 0;
    *threads = o && (o->set & OPT_BIT(AIROI_SIM_THREADS)) ? o->threads : 0;
    s->bins = o && (o->set & OPT_BIT(AIROI_SIM_BINS)) ? o->bins : AIROI__SIM_DEFAULT_BINS;
    *repair = o && (o->set & OPT_BIT(AIROI_SIM_REPAIR)) ? o->repair : 0;
    if (o && (o->set & OPT_BIT(AIROI_SIM_SAMPLING)) && o->sampling != AIROI_SAMPLING_RANDOM)
        return airoi__error(AIROI_ERR_INVALID,
                            "portfolio simulation: sampling must be random (Sobol points are "
                            "not available for portfolios)");
    if (s->bins < 1 || s->bins > 100000)
        return airoi__error(AIROI_ERR_INVALID, "simulation: bins %d outside 1..100000",
                            (int)s->bins);
    if (o && o->n_percentiles) {
        s->pct = airoi__calloc(o->n_percentiles, sizeof *s->pct);
        if (!s->pct)
            return nomem();
        copy_bytes(s->pct, o->percentiles, o->n_percentiles * sizeof *s->pct);
        s->n_pct = o->n_percentiles;
    }
    return AIROI_OK;
}

/* Compiles the chosen projects of pf and their drivers into R. */
static int compile(prun *R, const airoi_portfolio *pf, int repair)
{
    size_t bad = 0;
    int rc = airoi__portfolio_check_drivers(pf, &bad);
    if (rc)
        return rc;
    airoi_portfolio_result *res = NULL;
    rc = airoi__portfolio_evaluate_levels(&res, pf, 0, 0); /* the chosen set; no frontier */
    if (rc)
        return rc;
    size_t n = 0;
    for (size_t i = 0; i < res->n; i++)
        n += res->projects[i].selected != 0;
    R->mem = airoi__calloc(n ? n : 1, sizeof *R->mem);
    if (!R->mem) {
        airoi__portfolio_result_free(res);
        return nomem();
    }
    for (size_t i = 0; i < pf->n && rc == AIROI_OK; i++) {
        if (!res->projects[i].selected)
            continue;
        const airoi_project *p = pf->projects[i];
        member *M = &R->mem[R->n++];
        M->name = airoi__strdup(p->name);
        if (!M->name) {
            rc = nomem();
            break;
        }
        rc = airoi__portfolio_conversion(&M->k, pf, p, p->name);
        if (rc == AIROI_OK)
            rc = airoi__sim_model_new(&M->m, p, repair);
        if (rc) {
            rc = airoi__error(rc, "project '%s': %s", p->name, airoi__error_get());
            break;
        }
        M->seed = stream_seed(R->s->seed, "project", p->name);
        M->driver = airoi__calloc(M->m->n_inputs ? M->m->n_inputs : 1, sizeof *M->driver);
        if (!M->driver) {
            rc = nomem();
            break;
        }
        for (size_t k = 0; k < M->m->n_inputs && rc == AIROI_OK; k++) {
            const airoi__uncertainty *u = p->uncertainties[k];
            M->driver[k] = -1;
            if (!u->driver)
                continue;
            size_t d = 0;
            while (d < R->n_drv && strcmp(R->drv[d].name, u->driver) != 0)
                d++;
            if (d == R->n_drv) {
                driver *nd = airoi__reallocarray(R->drv, R->n_drv + 1, sizeof *nd);
                if (!nd) {
                    rc = nomem();
                    break;
                }
                R->drv = nd;
                memset(&nd[d], 0, sizeof nd[d]);
                nd[d].name = airoi__strdup(u->driver);
                R->n_drv++;
                if (!nd[d].name) {
                    rc = nomem();
                    break;
                }
                nd[d].len = 1;
            }
            M->driver[k] = (long)d;
            size_t len = u->per_period ? M->m->n : 1;
            if (len > R->drv[d].len)
                R->drv[d].len = len;
        }
    }
    airoi__portfolio_result_free(res);
    if (rc)
        return rc;
    /* drivers in code-point order; the members' indices follow */
    size_t *pos = airoi__calloc(R->n_drv ? R->n_drv : 1, sizeof *pos);
    driver *sorted = airoi__calloc(R->n_drv ? R->n_drv : 1, sizeof *sorted);
    R->drv_off = airoi__calloc(R->n_drv ? R->n_drv : 1, sizeof *R->drv_off);
    if (!pos || !sorted || !R->drv_off) {
        airoi__free(pos);
        airoi__free(sorted);
        return nomem();
    }
    if (R->n_drv) { /* R->drv is NULL without drivers: memcpy(x, NULL, 0) is undefined */
        memcpy(sorted, R->drv, R->n_drv * sizeof *sorted);
        qsort(sorted, R->n_drv, sizeof *sorted, cmp_driver);
        for (size_t d = 0; d < R->n_drv; d++)
            for (size_t e = 0; e < R->n_drv; e++)
                if (sorted[e].name == R->drv[d].name)
                    pos[d] = e;
        memcpy(R->drv, sorted, R->n_drv * sizeof *sorted);
    }
    airoi__free(sorted);
    for (size_t j = 0; j < R->n; j++)
        for (size_t k = 0; k < R->mem[j].m->n_inputs; k++)
            if (R->mem[j].driver[k] >= 0)
                R->mem[j].driver[k] = (long)pos[R->mem[j].driver[k]];
    airoi__free(pos);
    for (size_t d = 0; d < R->n_drv; d++) {
        R->drv[d].seed = stream_seed(R->s->seed, "driver", R->drv[d].name);
        R->drv_off[d] = R->drv_dims;
        R->drv_dims += R->drv[d].len;
        for (size_t j = 0; j < R->n; j++)
            for (size_t k = 0; k < R->mem[j].m->n_inputs; k++)
                if (R->mem[j].driver[k] == (long)d) {
                    R->drv[d].users++;
                    break;
                }
    }
    return AIROI_OK;
}

static int simulate(airoi_portfolio_simulation **out, const airoi_portfolio *pf,
                    const airoi_sim_options *o, int whole, int64_t first, int64_t count,
                    unsigned flags)
{
    static const char fn[] = "airoi_portfolio_simulate";
    if (out)
        *out = NULL;
    if (!out || !pf)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "%s: unknown flags 0x%x", fn, flags);
    airoi_portfolio_simulation *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return nomem();
    int64_t trials;
    int32_t threads;
    int repair;
    int rc = settings(s, &trials, &threads, &repair, o);
    if (rc) {
        airoi__portfolio_simulation_free(s);
        return rc;
    }
    if (whole) {
        first = 0;
        count = trials;
    }
    if (first < 0 || count < 1 || count > INT64_MAX - first ||
        (uint64_t)count > SIZE_MAX / sizeof(double)) {
        airoi__portfolio_simulation_free(s);
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_simulate_range: trials [%lld, %lld + %lld): expected "
                            "first >= 0 and count >= 1",
                            (long long)first, (long long)first, (long long)count);
    }
    s->first = first;
    s->count = count;
    prun R;
    memset(&R, 0, sizeof R);
    R.s = s;
    rc = compile(&R, pf, repair);
    if (rc == AIROI_OK &&
        (uint64_t)count > AIROI__SIM_MAX_BYTES / ((R.n + 1) * sizeof(double)))
        rc = airoi__error(AIROI_ERR_LIMIT,
                          "portfolio simulation: %lld trials of %zu projects need more than "
                          "4 GiB; simulate ranges of trials and merge them",
                          (long long)count, R.n);
    if (rc == AIROI_OK) {
        uint64_t per_trial = R.drv_dims;
        for (size_t j = 0; j < R.n; j++)
            per_trial += R.mem[j].m->n_dims + R.mem[j].m->len;
        if ((uint64_t)count > AIROI__PF_SIM_MAX_WORK / (per_trial ? per_trial : 1))
            rc = airoi__error(AIROI_ERR_LIMIT,
                              "portfolio simulation: %lld trials of %llu numbers and periods each "
                              "(all projects) pass the limit of %llu (docs/errors.md#limits); "
                              "simulate fewer trials",
                              (long long)count, (unsigned long long)per_trial,
                              (unsigned long long)AIROI__PF_SIM_MAX_WORK);
    }
    if (rc == AIROI_OK) {
        s->n = R.n;
        s->names = airoi__calloc(R.n ? R.n : 1, sizeof *s->names);
        s->npv = airoi__calloc((size_t)count * (R.n ? R.n : 1), sizeof *s->npv);
        s->total = airoi__calloc((size_t)count, sizeof *s->total);
        s->drivers = airoi__calloc(R.n_drv ? R.n_drv : 1, sizeof *s->drivers);
        s->driver_users = airoi__calloc(R.n_drv ? R.n_drv : 1, sizeof *s->driver_users);
        if (!s->names || !s->npv || !s->total || !s->drivers || !s->driver_users)
            rc = nomem();
    }
    uint64_t h = 1469598103934665603ULL;
    h = fnv(h, &s->seed, sizeof s->seed);
    h = fnv(h, &s->bins, sizeof s->bins);
    for (size_t j = 0; rc == AIROI_OK && j < R.n; j++) {
        s->names[j] = R.mem[j].name;
        R.mem[j].name = NULL;
        h = fnv(h, s->names[j], strlen(s->names[j]) + 1);
        h = fnv(h, &R.mem[j].k, sizeof R.mem[j].k);
        h = fnv(h, &R.mem[j].m->fingerprint, sizeof R.mem[j].m->fingerprint);
        for (size_t k = 0; k < R.mem[j].m->n_inputs; k++)
            h = fnv(h, &R.mem[j].driver[k], sizeof R.mem[j].driver[k]);
    }
    for (size_t d = 0; rc == AIROI_OK && d < R.n_drv; d++) {
        s->drivers[d] = R.drv[d].name;
        s->driver_users[d] = R.drv[d].users;
        R.drv[d].name = NULL;
        s->n_drivers++;
        h = fnv(h, s->drivers[d], strlen(s->drivers[d]) + 1);
    }
    s->fingerprint = h;
    if (rc == AIROI_OK)
        rc = run_all(&R, threads);
    if (rc == AIROI_OK)
        rc = finish(s, threads);
    members_free(R.mem, R.n, R.drv, R.n_drv);
    airoi__free(R.drv_off);
    if (rc) {
        airoi__portfolio_simulation_free(s);
        return rc;
    }
    *out = s;
    return AIROI_OK;
}

int airoi__portfolio_simulate(airoi_portfolio_simulation **out, const airoi_portfolio *pf,
                              const airoi_sim_options *options, unsigned flags)
{
    return simulate(out, pf, options, 1, 0, 0, flags);
}

AIROI_API int airoi_portfolio_simulate(airoi_portfolio_simulation **out,
                                       const airoi_portfolio *pf,
                                       const airoi_sim_options *options, unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_simulate(out, pf, options, flags);
}

int airoi__portfolio_simulate_range(airoi_portfolio_simulation **out, const airoi_portfolio *pf,
                                    const airoi_sim_options *options, int64_t first,
                                    int64_t count, unsigned flags)
{
    return simulate(out, pf, options, 0, first, count, flags);
}

AIROI_API int airoi_portfolio_simulate_range(airoi_portfolio_simulation **out,
                                             const airoi_portfolio *pf,
                                             const airoi_sim_options *options, int64_t first,
                                             int64_t count, unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_simulate_range(out, pf, options, first, count, flags);
}

/* ---- merge ------------------------------------------------------------------------------- */

static int copy_strings(char ***dst, char *const *src, size_t n)
{
    *dst = airoi__calloc(n ? n : 1, sizeof **dst);
    if (!*dst)
        return nomem();
    for (size_t i = 0; i < n; i++)
        if (!((*dst)[i] = airoi__strdup(src[i])))
            return nomem();
    return AIROI_OK;
}

int airoi__portfolio_simulation_merge(airoi_portfolio_simulation **out,
                                      const airoi_portfolio_simulation *a,
                                      const airoi_portfolio_simulation *b)
{
    static const char fn[] = "airoi_portfolio_simulation_merge";
    if (out)
        *out = NULL;
    if (!out || !a || !b)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (a->fingerprint != b->fingerprint || a->n != b->n || a->n_pct != b->n_pct ||
        (a->n_pct && memcmp(a->pct, b->pct, a->n_pct * sizeof *a->pct) != 0))
        return airoi__error(AIROI_ERR_INVALID,
                            "%s: the two parts are not of the same run (portfolio, seed or "
                            "settings differ)", fn);
    if (b->first + b->count == a->first) {
        const airoi_portfolio_simulation *t = a;
        a = b;
        b = t;
    }
    if (a->first + a->count != b->first)
        return airoi__error(AIROI_ERR_INVALID,
                            "%s: trials [%lld, %lld) and [%lld, %lld) are not adjacent", fn,
                            (long long)a->first, (long long)(a->first + a->count),
                            (long long)b->first, (long long)(b->first + b->count));
    airoi_portfolio_simulation *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return nomem();
    size_t ca = (size_t)a->count, cb = (size_t)b->count, c = ca + cb;
    s->seed = a->seed;
    s->first = a->first;
    s->count = (int64_t)c;
    s->bins = a->bins;
    s->fingerprint = a->fingerprint;
    s->n = a->n;
    s->n_drivers = a->n_drivers;
    int rc = copy_strings(&s->names, a->names, a->n);
    if (rc == AIROI_OK)
        rc = copy_strings(&s->drivers, a->drivers, a->n_drivers);
    s->driver_users = airoi__calloc(a->n_drivers ? a->n_drivers : 1, sizeof *s->driver_users);
    s->pct = airoi__calloc(a->n_pct ? a->n_pct : 1, sizeof *s->pct);
    s->total = airoi__calloc(c, sizeof *s->total);
    s->npv = airoi__calloc(c * (a->n ? a->n : 1), sizeof *s->npv);
    if (rc == AIROI_OK && (!s->driver_users || !s->pct || !s->total || !s->npv))
        rc = nomem();
    if (rc) {
        airoi__portfolio_simulation_free(s);
        return rc;
    }
    copy_bytes(s->driver_users, a->driver_users, a->n_drivers * sizeof *s->driver_users);
    copy_bytes(s->pct, a->pct, a->n_pct * sizeof *s->pct);
    s->n_pct = a->n_pct;
    copy_bytes(s->total, a->total, ca * sizeof *s->total);
    copy_bytes(s->total + ca, b->total, cb * sizeof *s->total);
    for (size_t j = 0; j < a->n; j++) {
        copy_bytes(s->npv + j * c, a->npv + j * ca, ca * sizeof *s->npv);
        copy_bytes(s->npv + j * c + ca, b->npv + j * cb, cb * sizeof *s->npv);
    }
    rc = finish(s, 0);
    if (rc) {
        airoi__portfolio_simulation_free(s);
        return rc;
    }
    *out = s;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_merge(airoi_portfolio_simulation **out,
                                               const airoi_portfolio_simulation *a,
                                               const airoi_portfolio_simulation *b)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_merge(out, a, b);
}

/* ---- getters ----------------------------------------------------------------------------- */

int airoi__portfolio_simulation_get_stat(double *out, const airoi_portfolio_simulation *s,
                                         airoi_sim_stat stat)
{
    static const char fn[] = "airoi_portfolio_simulation_get_stat";
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (airoi__enum_check((int)stat, AIROI_STAT_MEAN, "airoi_portfolio_simulation_get_stat: stat"))
        return AIROI_ERR_INVALID;
    switch (stat) {
    case AIROI_STAT_MEAN: *out = s->mean; return AIROI_OK;
    case AIROI_STAT_SD:
    case AIROI_STAT_SE:
        if (!s->has_sd)
            return airoi__error(AIROI_ERR_UNDEFINED, "%s: one trial has no standard deviation",
                                fn);
        *out = stat == AIROI_STAT_SD ? s->sd : s->se;
        return AIROI_OK;
    case AIROI_STAT_MIN: *out = s->min; return AIROI_OK;
    case AIROI_STAT_MAX: *out = s->max; return AIROI_OK;
    case AIROI_STAT_PROB_POSITIVE: *out = s->prob_positive; return AIROI_OK;
    case AIROI_STAT_COUNT: *out = (double)s->count; return AIROI_OK;
    default:
        return airoi__error(AIROI_ERR_INVALID,
                            "%s: %s is not computed for a portfolio (mean, sd, se, min, max, "
                            "prob_positive and count are)",
                            fn, airoi__enum_constant((int)stat));
    }
}

AIROI_API int airoi_portfolio_simulation_get_stat(double *out,
                                                  const airoi_portfolio_simulation *s,
                                                  airoi_sim_stat stat)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_stat(out, s, stat);
}

int airoi__portfolio_simulation_get_percentile(double *out, const airoi_portfolio_simulation *s,
                                               double percentile)
{
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_simulation_get_percentile: NULL argument");
    if (!(percentile >= 0.0 && percentile <= 100.0))
        return airoi__error(AIROI_ERR_INVALID, "percentile %g outside [0, 100]", percentile);
    *out = airoi__sim_percentile_inc(s->sorted, (size_t)s->count, percentile);
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_get_percentile(double *out,
                                                        const airoi_portfolio_simulation *s,
                                                        double percentile)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_percentile(out, s, percentile);
}

size_t airoi__portfolio_simulation_count_percentiles(const airoi_portfolio_simulation *s,
                                                     const double **extra)
{
    *extra = s->pct;
    return s->n_pct;
}

int airoi__portfolio_simulation_get_histogram(double *edges, int64_t *counts, size_t cap,
                                              size_t *bins_out,
                                              const airoi_portfolio_simulation *s)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_simulation_get_histogram: NULL simulation");
    size_t bins = (size_t)s->bins;
    if (bins_out)
        *bins_out = bins;
    if (cap == 0)
        return AIROI_OK;
    if (cap < bins || !edges || !counts)
        return airoi__error(AIROI_ERR_RANGE,
                            "airoi_portfolio_simulation_get_histogram: room for %zu bins; the "
                            "histogram has %zu", cap, bins);
    memcpy(edges, s->edges, (bins + 1) * sizeof *edges);
    memcpy(counts, s->counts, bins * sizeof *counts);
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_get_histogram(double *edges, int64_t *counts,
                                                       size_t cap, size_t *bins_out,
                                                       const airoi_portfolio_simulation *s)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_histogram(edges, counts, cap, bins_out, s);
}

int airoi__portfolio_simulation_get_trials(double *values, size_t cap, size_t *len_out,
                                           const airoi_portfolio_simulation *s)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_simulation_get_trials: NULL simulation");
    size_t c = (size_t)s->count;
    if (len_out)
        *len_out = c;
    if (cap == 0)
        return AIROI_OK;
    if (cap < c || !values)
        return airoi__error(AIROI_ERR_RANGE,
                            "airoi_portfolio_simulation_get_trials: room for %zu values; the "
                            "run has %zu trials", cap, c);
    copy_bytes(values, s->total, c * sizeof *values);
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_get_trials(double *values, size_t cap, size_t *len_out,
                                                    const airoi_portfolio_simulation *s)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_trials(values, cap, len_out, s);
}

int airoi__portfolio_simulation_get_info(int64_t *first, int64_t *count, uint64_t *seed,
                                         const airoi_portfolio_simulation *s)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_simulation_get_info: NULL simulation");
    if (first)
        *first = s->first;
    if (count)
        *count = s->count;
    if (seed)
        *seed = s->seed;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_get_info(int64_t *first, int64_t *count, uint64_t *seed,
                                                  const airoi_portfolio_simulation *s)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_info(first, count, seed, s);
}

size_t airoi__portfolio_simulation_count_projects(const airoi_portfolio_simulation *s)
{
    return s ? s->n : 0;
}

AIROI_API size_t airoi_portfolio_simulation_count_projects(const airoi_portfolio_simulation *s)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_count_projects(s);
}

const char *airoi__portfolio_simulation_get_name(const airoi_portfolio_simulation *s, size_t i)
{
    return s && i < s->n ? s->names[i] : NULL;
}

AIROI_API const char *airoi_portfolio_simulation_get_name(const airoi_portfolio_simulation *s,
                                                          size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_name(s, i);
}

int airoi__portfolio_simulation_get_project_number(double *out,
                                                   const airoi_portfolio_simulation *s,
                                                   size_t i, airoi_portfolio_sim_figure figure)
{
    static const char fn[] = "airoi_portfolio_simulation_get_project_number";
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (airoi__enum_check((int)figure, AIROI_PFSIM_MEAN,
                          "airoi_portfolio_simulation_get_project_number: figure"))
        return AIROI_ERR_INVALID;
    if (i >= s->n)
        return airoi__error(AIROI_ERR_RANGE, "%s: project %zu; %zu were simulated", fn, i, s->n);
    switch (figure) {
    case AIROI_PFSIM_MEAN: *out = s->p_mean[i]; return AIROI_OK;
    case AIROI_PFSIM_SD:
        if (!s->has_sd)
            return airoi__error(AIROI_ERR_UNDEFINED, "%s: one trial has no standard deviation",
                                fn);
        *out = s->p_sd[i];
        return AIROI_OK;
    default:
        if (!s->has_contrib)
            return airoi__error(AIROI_ERR_UNDEFINED,
                                "%s: the portfolio NPV does not vary over the trials, so no "
                                "project contributes to its variance", fn);
        *out = s->p_contrib[i];
        return AIROI_OK;
    }
}

AIROI_API int airoi_portfolio_simulation_get_project_number(double *out,
                                                            const airoi_portfolio_simulation *s,
                                                            size_t i,
                                                            airoi_portfolio_sim_figure figure)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_project_number(out, s, i, figure);
}

size_t airoi__portfolio_simulation_count_drivers(const airoi_portfolio_simulation *s)
{
    return s ? s->n_drivers : 0;
}

AIROI_API size_t airoi_portfolio_simulation_count_drivers(const airoi_portfolio_simulation *s)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_count_drivers(s);
}

int airoi__portfolio_simulation_get_driver(const char **name, size_t *projects,
                                           const airoi_portfolio_simulation *s, size_t i)
{
    if (!name || !s)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_simulation_get_driver: NULL argument");
    if (i >= s->n_drivers)
        return airoi__error(AIROI_ERR_RANGE,
                            "airoi_portfolio_simulation_get_driver: driver %zu; the run has %zu",
                            i, s->n_drivers);
    *name = s->drivers[i];
    if (projects)
        *projects = s->driver_users[i];
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_get_driver(const char **name, size_t *projects,
                                                    const airoi_portfolio_simulation *s,
                                                    size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_get_driver(name, projects, s, i);
}

/* ---- ranges as bytes (docs/methodology.md, "Portfolio Monte Carlo") ------------------- */

#define PFS_MAGIC "AIROIPFS"
#define PFS_VERSION 1u

static void put_u64(airoi__buf *b, uint64_t v)
{
    unsigned char t[8];
    for (int i = 0; i < 8; i++)
        t[i] = (unsigned char)(v >> (8 * i));
    airoi__buf_append(b, (const char *)t, 8);
}

static void put_f64(airoi__buf *b, double x)
{
    uint64_t v;
    memcpy(&v, &x, sizeof v);
    put_u64(b, v);
}

static void put_str(airoi__buf *b, const char *s)
{
    size_t n = strlen(s);
    put_u64(b, n);
    airoi__buf_append(b, s, n);
}

int airoi__portfolio_simulation_save_buffer(void **out, size_t *len_out,
                                            const airoi_portfolio_simulation *s, unsigned flags)
{
    static const char fn[] = "airoi_portfolio_simulation_save_buffer";
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "%s: unknown flags 0x%x", fn, flags);
    airoi__buf b;
    airoi__buf_init(&b);
    airoi__buf_append(&b, PFS_MAGIC, 8);
    put_u64(&b, PFS_VERSION);
    put_u64(&b, s->fingerprint);
    put_u64(&b, s->seed);
    put_u64(&b, (uint64_t)s->first);
    put_u64(&b, (uint64_t)s->count);
    put_u64(&b, (uint64_t)s->bins);
    put_u64(&b, s->n);
    put_u64(&b, s->n_drivers);
    put_u64(&b, s->n_pct);
    for (size_t i = 0; i < s->n_pct; i++)
        put_f64(&b, s->pct[i]);
    for (size_t j = 0; j < s->n; j++)
        put_str(&b, s->names[j]);
    for (size_t d = 0; d < s->n_drivers; d++) {
        put_str(&b, s->drivers[d]);
        put_u64(&b, s->driver_users[d]);
    }
    size_t c = (size_t)s->count;
    for (size_t i = 0; i < c; i++)
        put_f64(&b, s->total[i]);
    for (size_t i = 0; i < c * s->n; i++)
        put_f64(&b, s->npv[i]);
    char *text = NULL;
    size_t len = 0;
    int rc = airoi__buf_detach(&b, &text, &len);
    if (rc)
        return rc;
    *out = text;
    if (len_out)
        *len_out = len;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_save_buffer(void **out, size_t *len_out,
                                                     const airoi_portfolio_simulation *s,
                                                     unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_save_buffer(out, len_out, s, flags);
}

typedef struct reader {
    const unsigned char *p;
    size_t left;
    int bad;
} reader;

static uint64_t get_u64(reader *R)
{
    if (R->left < 8) {
        R->bad = 1;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)R->p[i] << (8 * i);
    R->p += 8;
    R->left -= 8;
    return v;
}

static double get_f64(reader *R)
{
    uint64_t v = get_u64(R);
    double x;
    memcpy(&x, &v, sizeof x);
    return x;
}

/* A string of the bytes, or NULL (R->bad set when malformed). */
static char *get_str(reader *R, int *nomem_out)
{
    uint64_t n = get_u64(R);
    if (R->bad || n > R->left || memchr(R->p, 0, (size_t)n)) {
        R->bad = 1;
        return NULL;
    }
    char *s = airoi__malloc((size_t)n + 1);
    if (!s) {
        *nomem_out = 1;
        return NULL;
    }
    memcpy(s, R->p, (size_t)n);
    s[n] = '\0';
    R->p += n;
    R->left -= (size_t)n;
    return s;
}

int airoi__portfolio_simulation_load_buffer(airoi_portfolio_simulation **out, const void *data,
                                            size_t len, unsigned flags)
{
    static const char fn[] = "airoi_portfolio_simulation_load_buffer";
    if (out)
        *out = NULL;
    if (!out || !data)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "%s: unknown flags 0x%x", fn, flags);
    reader R = {data, len, 0};
    if (len < 16 || memcmp(data, PFS_MAGIC, 8) != 0)
        return airoi__error(AIROI_ERR_INVALID, "%s: the bytes are not a saved portfolio "
                                               "simulation", fn);
    R.p += 8;
    R.left -= 8;
    if (get_u64(&R) != PFS_VERSION)
        return airoi__error(AIROI_ERR_INVALID, "%s: a saved portfolio simulation of another "
                                               "format version (this library reads version %u)",
                            fn, PFS_VERSION);
    airoi_portfolio_simulation *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return nomem();
    int nm = 0;
    s->fingerprint = get_u64(&R);
    s->seed = get_u64(&R);
    uint64_t first = get_u64(&R), count = get_u64(&R), bins = get_u64(&R);
    uint64_t n = get_u64(&R), nd = get_u64(&R), np = get_u64(&R);
    /* every count bounded by the bytes that must follow it */
    if (R.bad || first > INT64_MAX || count < 1 || bins < 1 || bins > 100000 ||
        n > R.left / 8 || nd > R.left / 16 || np > AIROI_PERCENTILES_MAX ||
        count > R.left / 8 / (n + 1))
        R.bad = 1;
    if (!R.bad) {
        s->first = (int64_t)first;
        s->count = (int64_t)count;
        s->bins = (int32_t)bins;
        s->pct = airoi__calloc(np ? (size_t)np : 1, sizeof *s->pct);
        s->names = airoi__calloc(n ? (size_t)n : 1, sizeof *s->names);
        s->drivers = airoi__calloc(nd ? (size_t)nd : 1, sizeof *s->drivers);
        s->driver_users = airoi__calloc(nd ? (size_t)nd : 1, sizeof *s->driver_users);
        nm = !s->pct || !s->names || !s->drivers || !s->driver_users;
    }
    for (size_t i = 0; !R.bad && !nm && i < np; i++)
        s->pct[s->n_pct++] = get_f64(&R);
    for (size_t j = 0; !R.bad && !nm && j < n; j++) {
        s->names[j] = get_str(&R, &nm);
        s->n = j + 1;
    }
    for (size_t d = 0; !R.bad && !nm && d < nd; d++) {
        s->drivers[d] = get_str(&R, &nm);
        s->n_drivers = d + 1;
        s->driver_users[d] = (size_t)get_u64(&R);
    }
    if (!R.bad && !nm && R.left != ((size_t)count * ((size_t)n + 1)) * 8)
        R.bad = 1;
    if (!R.bad && !nm) {
        s->total = airoi__calloc((size_t)count, sizeof *s->total);
        s->npv = airoi__calloc((size_t)count * (n ? (size_t)n : 1), sizeof *s->npv);
        nm = !s->total || !s->npv;
    }
    for (size_t i = 0; !R.bad && !nm && i < (size_t)count; i++) {
        s->total[i] = get_f64(&R);
        R.bad |= !isfinite(s->total[i]); /* a run never keeps one that is not */
    }
    for (size_t i = 0; !R.bad && !nm && i < (size_t)count * n; i++)
        s->npv[i] = get_f64(&R);
    int rc = nm ? nomem()
             : R.bad ? airoi__error(AIROI_ERR_INVALID,
                                    "%s: the bytes are not a whole saved portfolio simulation "
                                    "(cut short or damaged)", fn)
                     : finish(s, 0);
    if (rc) {
        airoi__portfolio_simulation_free(s);
        return rc;
    }
    *out = s;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_simulation_load_buffer(airoi_portfolio_simulation **out,
                                                     const void *data, size_t len,
                                                     unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_simulation_load_buffer(out, data, len, flags);
}
