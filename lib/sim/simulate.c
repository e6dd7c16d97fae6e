/*
 * lib/sim/simulate.c: Monte Carlo simulation of a project. The project is
 * compiled once (each group of items' flows per period and their present
 * value), then every trial draws its uniforms from (seed, trial, dimension)
 * and evaluates the outputs asked for. Semantics and formulas:
 * docs/methodology.md#monte-carlo-simulation; determinism and threads:
 * docs/threading.md. Statistics are simstats.c.
 */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(_WIN32)
#  include <windows.h>
#else
#  include <unistd.h>
#endif

#include "airoi/uncertainty.h"
#include "core-private.h"
#include "decide-private.h"
#include "eval-private.h"
#include "finance-private.h"
#include "model-private.h"
#include "sim-private.h"

/* An undefined figure of a trial (never leaves the library). */
#define UNDEF ((double)NAN)

/* ---- compiling the project --------------------------------------------------- */

static const char *input_name(const airoi__uncertainty *u)
{
    return u->name ? u->name : u->target;
}

static int class_target(const char *target);

/* A target that names an item, a category, a dimension, `costs` or `values`. */
static int target_known(const airoi_project *p, const char *target)
{
    return airoi__project_item_named(p, target) || class_target(target);
}

/* An item while compiling: its signature (the inputs on it) and flows. */
typedef struct citem {
    int is_cost;
    size_t *sig;       /* inputs on the item, ascending (scalar ones, then per-period) */
    size_t n_sig;
    size_t n_scalar;
    double factor;
    const airoi__item *it;
} citem;

static int citem_cmp(const void *pa, const void *pb)
{
    const citem *a = pa, *b = pb;
    if (a->is_cost != b->is_cost)
        return a->is_cost < b->is_cost ? -1 : 1;
    if (a->n_scalar != b->n_scalar)
        return a->n_scalar < b->n_scalar ? -1 : 1;
    if (a->n_sig != b->n_sig)
        return a->n_sig < b->n_sig ? -1 : 1;
    for (size_t i = 0; i < a->n_sig; i++)
        if (a->sig[i] != b->sig[i])
            return a->sig[i] < b->sig[i] ? -1 : 1;
    return 0;
}

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *c = data;
    for (size_t i = 0; i < n; i++) {
        h ^= c[i];
        h *= 1099511628211ull;
    }
    return h;
}

void airoi__sim_model_free(airoi__sim_model *m)
{
    if (!m)
        return;
    airoi__settings_release(&m->settings);
    for (size_t g = 0; g < m->n_groups; g++) {
        airoi__free(m->groups[g].series);
        airoi__free(m->groups[g].scalar);
        airoi__free(m->groups[g].per);
    }
    airoi__free(m->groups);
    for (size_t k = 0; k < m->n_inputs; k++) {
        if (m->inputs[k].compiled)
            airoi__dist_release(&m->inputs[k].dist);
        airoi__free(m->inputs[k].name);
    }
    airoi__free(m->inputs);
    airoi__free(m->corr_input);
    airoi__free(m->chol);
    airoi__free(m->stage_cost);
    airoi__free(m->stage_start);
    airoi__free(m->stage_prob);
    airoi__free(m->disc);
    airoi__free(m->warning);
    memset(m, 0, sizeof *m);
}

static int nomem(void)
{
    return airoi__error(AIROI_ERR_NOMEM, "out of memory");
}

/* Inputs: names, compiled distributions, uniform dimensions. */
static int compile_inputs(airoi__sim_model *m, const airoi_project *p)
{
    size_t nu = p->n_uncertainties;
    m->inputs = airoi__calloc(nu ? nu : 1, sizeof *m->inputs);
    if (!m->inputs)
        return nomem();
    m->n_inputs = nu;
    size_t dim = 0;
    for (size_t k = 0; k < nu; k++) {
        const airoi__uncertainty *u = p->uncertainties[k];
        airoi__sim_input *in = &m->inputs[k];
        in->corr = -1;
        in->name = airoi__strdup(input_name(u));
        if (!in->name)
            return nomem();
        if (!target_known(p, u->target))
            return airoi__error(AIROI_ERR_MODEL,
                                "uncertainty '%s': target '%s' is no item, category, dimension, "
                                "'costs' or 'values'",
                                in->name, u->target);
        char msg[256] = "";
        int rc = airoi__dist_compile(&in->dist, u, msg, sizeof msg);
        if (rc)
            return airoi__error(rc, "uncertainty '%s': %s", in->name, msg);
        in->compiled = 1;
        in->per_period = u->per_period != 0;
        in->dim = dim;
        dim += in->per_period ? m->n : 1;
    }
    m->stage_dim = dim;
    m->n_dims = dim + m->n_stages;
    if (m->n_dims > AIROI__SIM_MAX_DIMS)
        return airoi__error(AIROI_ERR_LIMIT,
                            "simulation: a trial draws %zu numbers (one per uncertainty, one per "
                            "period for one drawn per period, one per stage); the limit is %d "
                            "(docs/errors.md#limits): draw fewer uncertainties per period",
                            m->n_dims, AIROI__SIM_MAX_DIMS);
    return AIROI_OK;
}

static long find_input(const airoi__sim_model *m, const char *name)
{
    for (size_t k = 0; k < m->n_inputs; k++)
        if (strcmp(m->inputs[k].name, name) == 0)
            return (long)k;
    return -1;
}

/* The copula: the inputs named by correlations, their Spearman matrix,
 * its Cholesky factor (random-private.h). */
static int compile_correlations(airoi__sim_model *m, const airoi_project *p, int repair)
{
    size_t nc = p->n_correlations;
    if (nc == 0)
        return AIROI_OK;
    long *ia = airoi__calloc(nc, sizeof *ia), *ib = airoi__calloc(nc, sizeof *ib);
    m->corr_input = airoi__calloc(2 * nc, sizeof *m->corr_input);
    if (!ia || !ib || !m->corr_input) {
        airoi__free(ia);
        airoi__free(ib);
        return nomem();
    }
    int rc = AIROI_OK;
    for (size_t c = 0; c < nc && rc == AIROI_OK; c++) {
        const airoi__correlation *co = &p->correlations[c];
        ia[c] = find_input(m, co->a);
        ib[c] = find_input(m, co->b);
        if (ia[c] < 0 || ib[c] < 0) {
            rc = airoi__error(AIROI_ERR_MODEL, "correlation between '%s' and '%s': no uncertainty "
                                               "is named '%s'",
                              co->a, co->b, ia[c] < 0 ? co->a : co->b);
            break;
        }
        long both[2] = {ia[c], ib[c]};
        for (int j = 0; j < 2; j++) {
            airoi__sim_input *in = &m->inputs[both[j]];
            if (in->corr < 0) {
                in->corr = (long)m->n_corr;
                m->corr_input[m->n_corr++] = (size_t)both[j];
            }
        }
    }
    size_t n = m->n_corr;
    double *sp = NULL, *rep = NULL;
    if (rc == AIROI_OK) {
        m->corr_per_period = m->inputs[m->corr_input[0]].per_period;
        for (size_t j = 1; j < n && rc == AIROI_OK; j++)
            if (m->inputs[m->corr_input[j]].per_period != m->corr_per_period)
                rc = airoi__error(AIROI_ERR_MODEL,
                                  "correlations: '%s' is drawn per period and '%s' once per "
                                  "trial; correlated uncertainties must all be drawn the same "
                                  "way (docs/methodology.md#monte-carlo-simulation)",
                                  m->inputs[m->corr_input[m->corr_per_period ? 0 : j]].name,
                                  m->inputs[m->corr_input[m->corr_per_period ? j : 0]].name);
    }
    if (rc == AIROI_OK) {
        sp = airoi__calloc(n * n, sizeof *sp);
        rep = airoi__calloc(n * n, sizeof *rep);
        m->chol = airoi__calloc(n * n, sizeof *m->chol);
        if (!sp || !rep || !m->chol)
            rc = nomem();
    }
    if (rc == AIROI_OK) {
        for (size_t i = 0; i < n; i++)
            sp[i * n + i] = 1.0;
        for (size_t c = 0; c < nc; c++) {
            size_t a = (size_t)m->inputs[ia[c]].corr, b = (size_t)m->inputs[ib[c]].corr;
            sp[a * n + b] = sp[b * n + a] = p->correlations[c].rank;
        }
        size_t bi = 0, bj = 0;
        char msg[256] = "";
        rc = airoi__corr_factor(m->chol, rep, sp, n, repair, &bi, &bj, msg, sizeof msg);
        if (rc) {
            if (bi < n && bj < n && bi != bj)
                rc = airoi__error(rc, "correlations: %s ('%s' and '%s')", msg,
                                  m->inputs[m->corr_input[bi]].name,
                                  m->inputs[m->corr_input[bj]].name);
            else
                rc = airoi__error(rc, "correlations: %s", msg);
        } else if (bi < n && bj < n && bi != bj) {
            /* repaired: a warning naming the pair and every repaired value */
            airoi__buf b;
            airoi__buf_init(&b);
            airoi__buf_printf(&b, "warning: correlations: %s ('%s' and '%s'); repaired:", msg,
                              m->inputs[m->corr_input[bi]].name,
                              m->inputs[m->corr_input[bj]].name);
            for (size_t c = 0; c < nc; c++) {
                size_t a = (size_t)m->inputs[ia[c]].corr, z = (size_t)m->inputs[ib[c]].corr;
                airoi__buf_printf(&b, "%s '%s' and '%s' %.6g -> %.6g", c ? "," : "",
                                  p->correlations[c].a, p->correlations[c].b,
                                  p->correlations[c].rank, rep[a * n + z]);
            }
            rc = airoi__buf_detach(&b, &m->warning, NULL);
            if (rc)
                rc = nomem();
        }
    }
    airoi__free(sp);
    airoi__free(rep);
    airoi__free(ia);
    airoi__free(ib);
    return rc;
}

/* Groups of items with the same kind and inputs, their flows added up. */
/* Whether a target names a class of items (every cost, every value, a
 * category or a dimension) rather than one item alone. */
static int class_target(const char *target)
{
    airoi_category c;
    airoi_dimension d;
    return strcmp(target, "costs") == 0 || strcmp(target, "values") == 0 ||
           airoi__category_from_name(&c, target) == AIROI_OK ||
           airoi__dimension_from_name(&d, target) == AIROI_OK;
}

/* Item i of the project: costs, then values. */
static const airoi__item *item_at(const airoi_project *p, size_t i)
{
    return i < p->n_costs ? p->costs[i] : p->values[i - p->n_costs];
}

/* The inputs on each item, as (item, input) pairs: calls fn for every
 * input k in the order scalar inputs ascending, then per-period ones
 * ascending, and every item it multiplies. A class target looks at every
 * item; an item's name at that item alone (not items x inputs). */
static void each_pair(const airoi__sim_model *m, const airoi_project *p,
                      void (*fn)(void *ctx, size_t item, size_t input), void *ctx)
{
    size_t ni = p->n_costs + p->n_values;
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < m->n_inputs; k++) {
            if (m->inputs[k].per_period != pass)
                continue;
            const char *target = p->uncertainties[k]->target;
            if (class_target(target)) {
                for (size_t i = 0; i < ni; i++)
                    if (airoi__item_matches(item_at(p, i), target))
                        fn(ctx, i, k);
            } else {
                airoi_item_kind kind = AIROI_ITEM_KIND_COST;
                size_t idx = 0;
                if (airoi__project_find_item(&kind, &idx, p, target) == AIROI_OK)
                    fn(ctx, kind == AIROI_ITEM_KIND_COST ? idx : p->n_costs + idx, k);
            }
        }
    airoi__error_clear(); /* a target that names no item is not an error here */
}

typedef struct pairs_ctx {
    size_t *count;     /* per item */
    size_t **slot;     /* per item: where its next input goes */
    const airoi__sim_model *m;
    size_t *n_scalar;  /* per item */
} pairs_ctx;

static void count_pair(void *ctx, size_t item, size_t input)
{
    (void)input;
    ((pairs_ctx *)ctx)->count[item]++;
}

static void fill_pair(void *ctx, size_t item, size_t input)
{
    pairs_ctx *c = ctx;
    *c->slot[item]++ = input;
    c->n_scalar[item] += !c->m->inputs[input].per_period;
}

/* Groups of items with the same kind and inputs, their flows added up. */
static int compile_groups(airoi__sim_model *m, const airoi_project *p)
{
    size_t ni = p->n_costs + p->n_values, n = m->n;
    citem *items = airoi__calloc(ni ? ni : 1, sizeof *items);
    size_t *count = airoi__calloc(2 * ni + 1, sizeof *count);
    size_t **slot = airoi__calloc(ni + 1, sizeof *slot);
    double *buf = airoi__calloc(n, sizeof *buf);
    size_t *pool = NULL;
    int rc = AIROI_OK;
    if (!items || !count || !slot || !buf) {
        rc = nomem();
        goto done;
    }
    size_t *n_scalar = count + ni;
    pairs_ctx ctx = {count, slot, m, n_scalar};
    each_pair(m, p, count_pair, &ctx);
    size_t total = 0;
    for (size_t i = 0; i < ni; i++)
        total += count[i];
    pool = airoi__calloc(total + 1, sizeof *pool);
    if (!pool) {
        rc = nomem();
        goto done;
    }
    for (size_t i = 0, off = 0; i < ni; i++) {
        slot[i] = pool + off;
        off += count[i];
    }
    each_pair(m, p, fill_pair, &ctx);
    size_t kept = 0;
    for (size_t i = 0, off = 0; i < ni; off += count[i], i++) {
        const airoi__item *it = item_at(p, i);
        int32_t lo, hi;
        double factor;
        int counted;
        memset(buf, 0, n * sizeof *buf);
        if (!airoi__item_base_flows(buf, &lo, &hi, &factor, &counted, p, it) || !counted)
            continue;
        citem *c = &items[kept++];
        c->is_cost = it->kind == AIROI_ITEM_KIND_COST;
        c->it = it;
        c->factor = factor;
        c->sig = pool + off;
        c->n_sig = count[i];
        c->n_scalar = n_scalar[i];
    }
    qsort(items, kept, sizeof *items, citem_cmp);
    m->groups = airoi__calloc(kept ? kept : 1, sizeof *m->groups);
    if (!m->groups) {
        rc = nomem();
        goto done;
    }
    for (size_t i = 0; i < kept; i++) {
        airoi__sim_group *g;
        if (m->n_groups == 0 || citem_cmp(&items[i], &items[i - 1]) != 0) {
            g = &m->groups[m->n_groups++];
            g->is_cost = items[i].is_cost;
            g->series = airoi__calloc(2 * n, sizeof *g->series);
            g->n_scalar = items[i].n_scalar;
            g->n_per = items[i].n_sig - items[i].n_scalar;
            g->scalar = airoi__calloc(g->n_scalar + 1, sizeof *g->scalar);
            g->per = airoi__calloc(g->n_per + 1, sizeof *g->per);
            if (!g->series || !g->scalar || !g->per) {
                rc = nomem();
                goto done;
            }
            g->dseries = g->series + n;
            memcpy(g->scalar, items[i].sig, g->n_scalar * sizeof *g->scalar);
            memcpy(g->per, items[i].sig + g->n_scalar, g->n_per * sizeof *g->per);
        } else {
            g = &m->groups[m->n_groups - 1];
        }
        int32_t lo, hi;
        double factor;
        int counted;
        memset(buf, 0, n * sizeof *buf);
        airoi__item_base_flows(buf, &lo, &hi, &factor, &counted, p, items[i].it);
        for (int32_t t = lo; t <= hi; t++)
            g->series[t] += buf[t] * factor;
    }
    for (size_t gi = 0; gi < m->n_groups; gi++) {
        airoi__sim_group *g = &m->groups[gi];
        airoi__sum pv = {0, 0}, tot = {0, 0};
        for (size_t t = 0; t < n; t++) {
            g->dseries[t] = g->series[t] * m->disc[t];
            airoi__sum_add(&pv, g->dseries[t]);
            airoi__sum_add(&tot, g->series[t]);
        }
        g->pv = airoi__sum_get(&pv);
        g->total = airoi__sum_get(&tot);
        if (!isfinite(g->pv) || !isfinite(g->total)) {
            rc = airoi__error(AIROI_ERR_RANGE, "the %s of the project overflow",
                              g->is_cost ? "costs" : "values");
            goto done;
        }
    }
done:
    airoi__free(items);
    airoi__free(count);
    airoi__free(slot);
    airoi__free(pool);
    airoi__free(buf);
    return rc;
}

static int compile_stages(airoi__sim_model *m, const airoi_project *p)
{
    size_t ns = p->n_stages;
    m->n_stages = ns;
    if (!ns)
        return AIROI_OK;
    m->stage_cost = airoi__calloc(ns, sizeof *m->stage_cost);
    m->stage_start = airoi__calloc(ns, sizeof *m->stage_start);
    m->stage_prob = airoi__calloc(ns, sizeof *m->stage_prob);
    if (!m->stage_cost || !m->stage_start || !m->stage_prob)
        return nomem();
    size_t s = 0;
    for (size_t i = 0; i < ns; i++) {
        m->stage_cost[i] = p->stages[i].cost;
        m->stage_start[i] = s;
        int from_prior = 0; /* the gate as staging reads it: a field prior or its own */
        int rc = airoi__stage_gate(&m->stage_prob[i], &from_prior, p, i);
        if (rc)
            return rc;
        if (p->stages[i].periods < 0 || (uint64_t)p->stages[i].periods > (uint64_t)1 << 20)
            return airoi__error(AIROI_ERR_MODEL, "stage '%s': periods %d outside 0..%d",
                                p->stages[i].name, (int)p->stages[i].periods, 1 << 20);
        s += (size_t)p->stages[i].periods;
    }
    m->shift = s;
    return AIROI_OK;
}

static uint64_t model_fingerprint(const airoi__sim_model *m)
{
    uint64_t h = 14695981039346656037ull;
    h = fnv(h, &m->n, sizeof m->n);
    h = fnv(h, &m->rate, sizeof m->rate);
    h = fnv(h, &m->n_groups, sizeof m->n_groups);
    for (size_t g = 0; g < m->n_groups; g++) {
        const airoi__sim_group *gr = &m->groups[g];
        h = fnv(h, &gr->is_cost, sizeof gr->is_cost);
        h = fnv(h, gr->series, m->n * sizeof *gr->series);
        h = fnv(h, gr->scalar, gr->n_scalar * sizeof *gr->scalar);
        h = fnv(h, gr->per, gr->n_per * sizeof *gr->per);
    }
    h = fnv(h, &m->n_inputs, sizeof m->n_inputs);
    for (size_t k = 0; k < m->n_inputs; k++) {
        const airoi__sim_input *in = &m->inputs[k];
        h = fnv(h, in->name, strlen(in->name) + 1);
        h = fnv(h, &in->per_period, sizeof in->per_period);
        for (int q = 1; q < 20; q++) { /* the law, through its quantiles */
            double x = airoi__dist_quantile(&in->dist, q / 20.0);
            h = fnv(h, &x, sizeof x);
        }
    }
    if (m->n_corr)
        h = fnv(h, m->chol, m->n_corr * m->n_corr * sizeof *m->chol);
    h = fnv(h, &m->n_stages, sizeof m->n_stages);
    for (size_t i = 0; i < m->n_stages; i++) {
        h = fnv(h, &m->stage_cost[i], sizeof(double));
        h = fnv(h, &m->stage_start[i], sizeof(size_t));
        h = fnv(h, &m->stage_prob[i], sizeof(double));
    }
    return h;
}

int airoi__sim_compile(airoi__sim_model *m, const airoi_project *p, int repair)
{
    memset(m, 0, sizeof *m);
    int rc = airoi__settings_copy(&m->settings, p);
    if (rc != AIROI_OK) {
        airoi__sim_model_free(m);
        return rc;
    }
    m->n = (size_t)p->horizon + 1;
    m->years = 1.0 / (double)airoi__periods_per_year(p->period);
    m->rate = airoi__rate_per_period(airoi__settings_nominal_discount(&m->settings), m->years);
    rc = compile_stages(m, p);
    if (rc == AIROI_OK) {
        m->len = m->n + m->shift;
        m->disc = airoi__calloc(m->len, sizeof *m->disc);
        if (!m->disc)
            rc = nomem();
    }
    if (rc == AIROI_OK) {
        const double lr = log1p(m->rate);
        for (size_t t = 0; t < m->len; t++)
            m->disc[t] = airoi__compound(lr, -(double)t);
        airoi__sum s = {0, 0};
        for (size_t i = 0; i < m->n_stages; i++)
            airoi__sum_add(&s, m->stage_cost[i] * m->disc[m->stage_start[i]]);
        m->stage_pv_all = airoi__sum_get(&s);
        rc = compile_inputs(m, p);
    }
    if (rc == AIROI_OK)
        rc = compile_correlations(m, p, repair);
    if (rc == AIROI_OK)
        rc = compile_groups(m, p);
    if (rc) {
        airoi__sim_model_free(m);
        return rc;
    }
    m->fingerprint = model_fingerprint(m);
    return AIROI_OK;
}

int airoi__sim_model_new(airoi__sim_model **out, const airoi_project *p, int repair)
{
    *out = NULL;
    airoi__sim_model *m = airoi__malloc(sizeof *m);
    if (!m)
        return nomem();
    int rc = airoi__sim_compile(m, p, repair);
    if (rc) {
        airoi__free(m);
        return rc;
    }
    atomic_init(&m->refs, 1);
    *out = m;
    return AIROI_OK;
}

airoi__sim_model *airoi__sim_model_ref(airoi__sim_model *m)
{
    atomic_fetch_add(&m->refs, 1);
    return m;
}

void airoi__sim_model_unref(airoi__sim_model *m)
{
    if (m && atomic_fetch_sub(&m->refs, 1) == 1) {
        airoi__sim_model_free(m);
        airoi__free(m);
    }
}

double airoi__sim_npv_at(const airoi__sim_model *m, const double *mult)
{
    airoi__sum s = {0, 0};
    for (size_t g = 0; g < m->n_groups; g++) {
        const airoi__sim_group *gr = &m->groups[g];
        double f = 1.0;
        for (size_t j = 0; j < gr->n_scalar; j++)
            f *= mult[gr->scalar[j]];
        for (size_t j = 0; j < gr->n_per; j++)
            f *= mult[gr->per[j]];
        airoi__sum_add(&s, gr->is_cost ? -f * gr->pv : f * gr->pv);
    }
    return airoi__sum_get(&s);
}

/* ---- settings ---------------------------------------------------------------- */

#define OPT_BIT(param) (1ull << ((param) - AIROI_SIM_TRIALS))

/* The setting `param` of o when o sets it. */
static const airoi_sim_options *setter(const airoi_sim_options *o, const airoi_sim_options *q,
                                       int param)
{
    if (o && (o->set & OPT_BIT(param)))
        return o;
    if (q && (q->set & OPT_BIT(param)))
        return q;
    return NULL;
}

static int resolve_settings(airoi__sim_settings *st, const airoi_sim_options *o,
                            const airoi_project *p)
{
    const airoi_sim_options *q = p->simulation, *s;
    memset(st, 0, sizeof *st);
    st->trials = (s = setter(o, q, AIROI_SIM_TRIALS)) ? s->trials : AIROI__SIM_DEFAULT_TRIALS;
    st->seed = (s = setter(o, q, AIROI_SIM_SEED)) ? s->seed : 0;
    st->sampling = (s = setter(o, q, AIROI_SIM_SAMPLING)) ? s->sampling : AIROI_SAMPLING_RANDOM;
    st->threads = (s = setter(o, q, AIROI_SIM_THREADS)) ? s->threads : 0;
    st->bins = (s = setter(o, q, AIROI_SIM_BINS)) ? s->bins : AIROI__SIM_DEFAULT_BINS;
    st->roi_target = (s = setter(o, q, AIROI_SIM_ROI_TARGET)) ? s->roi_target : 0.0;
    st->tail = (s = setter(o, q, AIROI_SIM_TAIL)) ? s->tail_level : AIROI__SIM_DEFAULT_TAIL;
    st->keep_trials = (s = setter(o, q, AIROI_SIM_KEEP_TRIALS)) ? s->keep_trials : 0;
    st->repair = (s = setter(o, q, AIROI_SIM_REPAIR)) ? s->repair : 0;
    if (st->sampling != AIROI_SAMPLING_RANDOM && st->sampling != AIROI_SAMPLING_SOBOL)
        return airoi__error(AIROI_ERR_INVALID, "simulation: sampling %d is no airoi_sampling",
                            st->sampling);
    if (st->bins < 1 || st->bins > 100000)
        return airoi__error(AIROI_ERR_INVALID, "simulation: bins %d outside 1..100000",
                            (int)st->bins);
    if (!(st->tail > 0.0 && st->tail < 1.0))
        return airoi__error(AIROI_ERR_INVALID, "simulation: tail %g outside (0, 1)", st->tail);
    if (st->threads < 0)
        return airoi__error(AIROI_ERR_INVALID, "simulation: threads %d < 0", (int)st->threads);
    /* outputs: the caller's list, else the section's, else all */
    const airoi_sim_options *ol = o && o->n_outputs ? o : (q && q->n_outputs ? q : NULL);
    int seen[AIROI__SIM_OUTPUTS] = {0};
    if (ol) {
        for (size_t i = 0; i < ol->n_outputs; i++) {
            int k = ol->outputs[i] - AIROI_SIM_NPV;
            if (k < 0 || k >= AIROI__SIM_OUTPUTS)
                return airoi__error(AIROI_ERR_INVALID,
                                    "simulation: output %d is no airoi_sim_output", ol->outputs[i]);
            if (!seen[k]) {
                seen[k] = 1;
                st->outputs[st->n_outputs++] = k;
            }
        }
    } else {
        for (int k = 0; k < AIROI__SIM_OUTPUTS; k++)
            st->outputs[st->n_outputs++] = k;
    }
    const airoi_sim_options *pl =
        o && o->n_percentiles ? o : (q && q->n_percentiles ? q : NULL);
    if (pl) {
        st->percentiles = airoi__calloc(pl->n_percentiles, sizeof *st->percentiles);
        if (!st->percentiles)
            return nomem();
        for (size_t i = 0; i < pl->n_percentiles; i++) {
            double v = pl->percentiles[i];
            if (!(v >= 0.0 && v <= 100.0)) {
                airoi__free(st->percentiles);
                st->percentiles = NULL;
                return airoi__error(AIROI_ERR_INVALID, "simulation: percentile %g outside "
                                                       "[0, 100]", v);
            }
            st->percentiles[i] = v;
        }
        st->n_percentiles = pl->n_percentiles;
    }
    return AIROI_OK;
}

static int cpu_count(void)
{
#if defined(_WIN32)
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return (int)si.dwNumberOfProcessors;
#else
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
#endif
}

int airoi__sim_threads(int32_t asked)
{
    int threads = asked > 0 ? asked : cpu_count();
    return threads > AIROI__SIM_MAX_THREADS ? AIROI__SIM_MAX_THREADS : threads;
}

/* ---- trials ------------------------------------------------------------------ */

/* What one thread needs to evaluate trials. */
typedef struct worker_mem {
    double *blk;     /* n_dims x AIROI__SIM_LANES: a trial block's rows (see draw_lanes) */
    double *z;       /* n_corr normals, then n_corr correlated */
    double *mult;    /* n_inputs multipliers of one trial (per period: their mean) */
    double *pm;      /* n_inputs x n per-period multipliers of one trial */
    double *cost;    /* len: costs of the trial's path */
    double *ben;     /* len: benefits of the trial's path */
    double *net;     /* len */
    double *fac;     /* n: one group's factor per period */
} worker_mem;

static void worker_mem_free(worker_mem *w)
{
    airoi__free(w->blk);
}

/* The doubles a thread's worker_mem holds. */
static size_t worker_mem_doubles(const airoi__sim_model *m)
{
    return m->n_dims * AIROI__SIM_LANES + 2 * m->n_corr + m->n_inputs + m->n_inputs * m->n +
           3 * m->len + m->n + 1;
}

static int worker_mem_alloc(worker_mem *w, const airoi__sim_model *m)
{
    size_t n = m->n, len = m->len;
    size_t total = worker_mem_doubles(m);
    memset(w, 0, sizeof *w);
    w->blk = airoi__calloc(total, sizeof(double));
    if (!w->blk)
        return nomem();
    w->z = w->blk + m->n_dims * AIROI__SIM_LANES;
    w->mult = w->z + 2 * m->n_corr;
    w->pm = w->mult + m->n_inputs;
    w->cost = w->pm + m->n_inputs * n;
    w->ben = w->cost + len;
    w->net = w->ben + len;
    w->fac = w->net + len;
    return AIROI_OK;
}

/* The shared state of a run. */
typedef struct run {
    const airoi__sim_model *m;
    airoi_simulation *s;
    int need_series;      /* irr or payback: the path's flows per period */
    int need_totals;      /* roi_horizon or stages: undiscounted totals */
    /* NPV alone of groups of one multiplier each (npv_lanes): each
     * group's row in a block and present value, the costs first */
    struct lane_term *terms;
    size_t n_cost_terms, n_terms;
    const airoi__sobol_dim *sobol; /* prepared Sobol dimensions, or NULL */
    int64_t nblocks;
    atomic_llong next;    /* next block to take */
    atomic_llong done;    /* trials finished */
    atomic_int stop;      /* cancelled or failed */
    pthread_mutex_t lock; /* guards the fields below */
    int rc;               /* first failure of a worker (not a cancellation) */
    int64_t bad_trial;    /* smallest trial whose figures overflowed, or -1 */
} run;

/* Copula: the correlated inputs' uniforms of period t (or of the trial)
 * through normal scores, the Cholesky factor and back; dimension d of the
 * trial is u[d * stride]. The portfolio simulation applies it too. */
void airoi__sim_copula(const airoi__sim_model *m, double *u, size_t stride, double *z, size_t t)
{
    size_t k = m->n_corr;
    double *y = z + k;
    for (size_t j = 0; j < k; j++)
        z[j] = airoi__norm_quantile(u[(m->inputs[m->corr_input[j]].dim + t) * stride]);
    for (size_t i = 0; i < k; i++) {
        double acc = 0.0;
        for (size_t j = 0; j <= i; j++)
            acc += m->chol[i * k + j] * z[j];
        y[i] = acc;
    }
    for (size_t j = 0; j < k; j++) {
        double v = airoi__norm_cdf(y[j]);
        /* keep it in (0, 1) as every uniform is */
        if (v <= 0.0)
            v = 0x1p-60;
        else if (v >= 1.0)
            v = 1.0 - 0x1p-53;
        u[(m->inputs[m->corr_input[j]].dim + t) * stride] = v;
    }
}

static double ratio_or_nan(double num, double den)
{
    if (den == 0.0)
        return UNDEF;
    double q = num / den;
    return isfinite(q) ? q : UNDEF;
}

/* The n_dims Sobol dimensions of a run with this seed, prepared; NULL for
 * random sampling (and *rc = 0) or when memory runs out (*rc set). */
static airoi__sobol_dim *sobol_prepare(const airoi__sim_model *m, uint64_t seed, int sampling,
                                       int *rc)
{
    *rc = AIROI_OK;
    if (sampling != AIROI_SAMPLING_SOBOL)
        return NULL;
    airoi__sobol_dim *sd = airoi__calloc(m->n_dims ? m->n_dims : 1, sizeof *sd);
    if (!sd) {
        *rc = nomem();
        return NULL;
    }
    for (size_t d = 0; d < m->n_dims; d++)
        airoi__sobol_dim_init(&sd[d], seed, (uint32_t)d);
    return sd;
}

#define LANES AIROI__SIM_LANES

/* A trial block: trials trial0 .. trial0 + LANES - 1 side by side (input
 * major). Row d of w->blk holds uniform dimension d of each trial (random:
 * Philox words, four rows a call; or the Sobol point), then the copula
 * works trial by trial and each input's rows become its multipliers,
 * LANES quantiles at a time. Every value is the one a trial drawn alone
 * gets: a function of (seed, trial, dimension), whatever the block. */
static void draw_lanes(const airoi__sim_model *m, uint64_t seed, const airoi__sobol_dim *sobol,
                       worker_mem *w, int64_t trial0)
{
    const size_t nd = m->n_dims;
    double *b = w->blk;
    if (sobol) {
        for (size_t d = 0; d < nd; d++)
            for (size_t j = 0; j < LANES; j++)
                b[d * LANES + j] = airoi__sobol_dim_uniform(&sobol[d], (uint64_t)trial0 + j);
    } else {
        size_t d = 0;
        for (; d + 4 <= nd; d += 4)
            airoi__sim_uniforms_trials(b + d * LANES, LANES, seed, (uint64_t)trial0, d / 4);
        if (d < nd) {
            double tmp[4 * LANES];
            airoi__sim_uniforms_trials(tmp, LANES, seed, (uint64_t)trial0, d / 4);
            memcpy(b + d * LANES, tmp, (nd - d) * LANES * sizeof *tmp);
        }
    }
    if (m->n_corr) {
        size_t periods = m->corr_per_period ? m->n : 1;
        for (size_t j = 0; j < LANES; j++)
            for (size_t t = 0; t < periods; t++)
                airoi__sim_copula(m, b + j, LANES, w->z, t);
    }
    for (size_t k = 0; k < m->n_inputs; k++) {
        const airoi__sim_input *in = &m->inputs[k];
        double *row = b + in->dim * LANES;
        airoi__dist_quantiles_lanes(&in->dist, row, row, in->per_period ? m->n : 1);
    }
}

int airoi__sim_input_values(double *vals, const airoi__sim_model *m, uint64_t seed, int sampling,
                            int64_t first, int64_t count)
{
    int rc;
    airoi__sobol_dim *sobol = sobol_prepare(m, seed, sampling, &rc);
    worker_mem w;
    if (rc == AIROI_OK)
        rc = worker_mem_alloc(&w, m);
    if (rc) {
        airoi__free(sobol);
        return rc;
    }
    const size_t c = (size_t)count, n = m->n;
    for (size_t i0 = 0; i0 < c; i0 += LANES) {
        draw_lanes(m, seed, sobol, &w, first + (int64_t)i0);
        for (size_t j = 0; j < LANES && i0 + j < c; j++)
            for (size_t k = 0; k < m->n_inputs; k++) {
                const airoi__sim_input *in = &m->inputs[k];
                const double *row = w.blk + in->dim * LANES + j;
                double v = row[0];
                if (in->per_period) { /* the mean over the periods */
                    double acc = 0.0;
                    for (size_t t = 0; t < n; t++)
                        acc += row[t * LANES];
                    v = acc / (double)n;
                }
                vals[k * c + i0 + j] = v;
            }
    }
    worker_mem_free(&w);
    airoi__free(sobol);
    return AIROI_OK;
}

/* 4. The path through the stages' gates of trial j of the block: stage k
 * is reached when every gate before it passed; spending stops at a failed
 * gate. Returns 1 when every gate passed; cost (when not NULL) gets the
 * stages' spending per period. */
static int stage_path(const airoi__sim_model *m, const double *blk, size_t j, double *spent_pv,
                      double *spent, double *cost)
{
    int pass = 1;
    *spent_pv = 0.0;
    *spent = 0.0;
    for (size_t k = 0; k < m->n_stages && pass; k++) {
        *spent_pv += m->stage_cost[k] * m->disc[m->stage_start[k]];
        *spent += m->stage_cost[k];
        if (cost)
            cost[m->stage_start[k]] += m->stage_cost[k];
        pass = blk[(m->stage_dim + k) * LANES + j] < m->stage_prob[k];
    }
    return pass;
}

/* The sums of a trial: present values and totals of costs and benefits of
 * the model's own schedule. */
typedef struct trial_sums {
    double pvc, pvb, tc, tb;
} trial_sums;

/* 6. and 7. (NPV, ROI and NPV/PV costs) of the trial in slot i of the
 * simulation; sets the trial's path flows in w->net when the series are
 * needed. Returns 1 when a figure overflowed. */
static int trial_figures(const run *R, const trial_sums *q, int pass, double spent_pv,
                         double spent, size_t i)
{
    const airoi__sim_model *m = R->m;
    airoi_simulation *s = R->s;
    double npv, pv_costs, costs, benefits;
    if (m->n_stages) {
        double dD = m->disc[m->shift];
        npv = pass ? (q->pvb - q->pvc) * dD - spent_pv : -spent_pv;
        pv_costs = spent_pv + (pass ? q->pvc * dD : 0.0);
        costs = spent + (pass ? q->tc : 0.0);
        benefits = pass ? q->tb : 0.0;
        s->spent[i] = costs;
        s->allin[i] = (pass ? q->pvb * dD : 0.0) - q->pvc * dD - m->stage_pv_all;
        s->pass[i] = (uint8_t)pass;
    } else {
        npv = q->pvb - q->pvc;
        pv_costs = q->pvc;
        costs = q->tc;
        benefits = q->tb;
    }
    int bad = !isfinite(npv) || !isfinite(pv_costs) || !isfinite(costs) || !isfinite(benefits);
    s->val[0][i] = npv;
    if (s->has[AIROI_SIM_ROI_HORIZON - AIROI_SIM_NPV]) {
        double r = 0.0;
        s->val[AIROI_SIM_ROI_HORIZON - AIROI_SIM_NPV][i] =
            airoi__roi_totals(&r, benefits, costs) == AIROI_OK ? r : UNDEF;
    }
    if (s->has[AIROI_SIM_NPV_ROI - AIROI_SIM_NPV])
        s->val[AIROI_SIM_NPV_ROI - AIROI_SIM_NPV][i] = ratio_or_nan(npv, pv_costs);
    return bad;
}

/* Trial j of the drawn block, alone, into slot i, with its path's flows
 * per period (for IRR and payback). Returns 1 when a figure overflowed. */
static int run_trial(const run *R, worker_mem *w, size_t j, size_t i)
{
    const airoi__sim_model *m = R->m;
    airoi_simulation *s = R->s;
    const size_t n = m->n, len = m->len, D = m->shift;
    /* its multipliers out of the block */
    for (size_t k = 0; k < m->n_inputs; k++) {
        const airoi__sim_input *in = &m->inputs[k];
        const double *row = w->blk + in->dim * LANES + j;
        if (!in->per_period)
            w->mult[k] = row[0];
        else
            for (size_t t = 0; t < n; t++)
                w->pm[k * n + t] = row[t * LANES];
    }
    memset(w->cost, 0, len * sizeof *w->cost);
    memset(w->ben, 0, len * sizeof *w->ben);
    double spent_pv, spent;
    int pass = stage_path(m, w->blk, j, &spent_pv, &spent, w->cost);
    /* 5. present values and totals of the model's own schedule: a group's
     * figures are f x sum_t prod(t) x its flow (discounted for PV), f the
     * product of its per-trial multipliers and prod(t) that of its
     * per-period ones: the arithmetic of group_lanes(), trial by trial */
    trial_sums q = {0.0, 0.0, 0.0, 0.0};
    const int totals = R->need_totals;
    for (size_t g = 0; g < m->n_groups; g++) {
        const airoi__sim_group *gr = &m->groups[g];
        double f = 1.0, pv, tot = 0.0;
        for (size_t jj = 0; jj < gr->n_scalar; jj++)
            f *= w->mult[gr->scalar[jj]];
        double *dst = pass ? (gr->is_cost ? w->cost : w->ben) + D : NULL;
        if (gr->n_per == 0) {
            pv = f * gr->pv;
            tot = f * gr->total;
            if (dst)
                for (size_t t = 0; t < n; t++)
                    dst[t] += f * gr->series[t];
        } else {
            const double *prod = w->pm + gr->per[0] * n;
            if (gr->n_per > 1) {
                double *fac = w->fac;
                for (size_t t = 0; t < n; t++)
                    fac[t] = prod[t];
                for (size_t jj = 1; jj < gr->n_per; jj++) {
                    const double *pj = w->pm + gr->per[jj] * n;
                    for (size_t t = 0; t < n; t++)
                        fac[t] *= pj[t];
                }
                prod = fac;
            }
            double acc = 0.0;
            for (size_t t = 0; t < n; t++)
                acc += prod[t] * gr->dseries[t];
            pv = f * acc;
            if (totals) {
                acc = 0.0;
                for (size_t t = 0; t < n; t++)
                    acc += prod[t] * gr->series[t];
                tot = f * acc;
            }
            if (dst)
                for (size_t t = 0; t < n; t++)
                    dst[t] += f * (prod[t] * gr->series[t]);
        }
        if (gr->is_cost) {
            q.pvc += pv;
            q.tc += tot;
        } else {
            q.pvb += pv;
            q.tb += tot;
        }
    }
    int bad = trial_figures(R, &q, pass, spent_pv, spent, i);
    for (size_t t = 0; t < len; t++)
        w->net[t] = w->ben[t] - w->cost[t];
    if (s->has[AIROI_SIM_IRR - AIROI_SIM_NPV]) {
        double x = 0.0, v = UNDEF;
        if (len >= 2 &&
            airoi__irr(&x, w->net, len, airoi__rate_per_period(0.1, m->years)) == AIROI_OK &&
            x > -1.0) {
            v = airoi__rate_annual(x, m->years);
            if (!isfinite(v))
                v = UNDEF;
        }
        s->val[AIROI_SIM_IRR - AIROI_SIM_NPV][i] = v;
    }
    if (s->has[AIROI_SIM_PAYBACK_PERIODS - AIROI_SIM_NPV]) {
        double x = 0.0;
        int reached = 0;
        int rc = airoi__payback(&x, &reached, w->net, len);
        s->val[AIROI_SIM_PAYBACK_PERIODS - AIROI_SIM_NPV][i] =
            rc == AIROI_OK && reached ? x : UNDEF;
    }
    return bad;
}

/* One group's present value and total in each lane of the block (run_trial's
 * arithmetic, operation for operation, across trials): adds them to the
 * lanes' sums pv and (when totals is set) tot. */
AIROI__SIMD_CLONES
static void group_lanes(const airoi__sim_model *m, const airoi__sim_group *gr,
                        const double *restrict b, double *restrict pv_sum,
                        double *restrict tot_sum, int totals)
{
    const size_t n = m->n;
    if (gr->n_per == 0 && gr->n_scalar == 1) {
        /* one multiplier: f = 1 x r is r, the same doubles without f */
        const double *restrict r = b + m->inputs[gr->scalar[0]].dim * LANES;
        const double pv = gr->pv, total = gr->total;
        for (size_t j = 0; j < LANES; j++)
            pv_sum[j] += r[j] * pv;
        if (totals)
            for (size_t j = 0; j < LANES; j++)
                tot_sum[j] += r[j] * total;
        return;
    }
    double f[LANES];
    for (size_t j = 0; j < LANES; j++)
        f[j] = 1.0;
    for (size_t s = 0; s < gr->n_scalar; s++) {
        const double *restrict r = b + m->inputs[gr->scalar[s]].dim * LANES;
        for (size_t j = 0; j < LANES; j++)
            f[j] *= r[j];
    }
    if (gr->n_per == 0) {
        for (size_t j = 0; j < LANES; j++)
            pv_sum[j] += f[j] * gr->pv;
        if (totals)
            for (size_t j = 0; j < LANES; j++)
                tot_sum[j] += f[j] * gr->total;
        return;
    } else {
        double acc[LANES], acc2[LANES], fac[LANES];
        const size_t d0 = m->inputs[gr->per[0]].dim;
        for (size_t j = 0; j < LANES; j++)
            acc[j] = acc2[j] = 0.0;
        for (size_t t = 0; t < n; t++) {
            const double *restrict prod = b + (d0 + t) * LANES;
            if (gr->n_per > 1) {
                for (size_t j = 0; j < LANES; j++)
                    fac[j] = prod[j];
                for (size_t s = 1; s < gr->n_per; s++) {
                    const double *restrict r = b + (m->inputs[gr->per[s]].dim + t) * LANES;
                    for (size_t j = 0; j < LANES; j++)
                        fac[j] *= r[j];
                }
                prod = fac;
            }
            const double ds = gr->dseries[t];
            for (size_t j = 0; j < LANES; j++)
                acc[j] += prod[j] * ds;
            if (totals) {
                const double se = gr->series[t];
                for (size_t j = 0; j < LANES; j++)
                    acc2[j] += prod[j] * se;
            }
        }
        for (size_t j = 0; j < LANES; j++)
            pv_sum[j] += f[j] * acc[j];
        if (totals)
            for (size_t j = 0; j < LANES; j++)
                tot_sum[j] += f[j] * acc2[j];
    }
}

/* A group of at most one multiplier, drawn once per trial: its row in the
 * block (the input's dimension x LANES; NO_ROW: no multiplier) and its
 * present value. */
#define NO_ROW SIZE_MAX
typedef struct lane_term {
    size_t row;
    double pv;
} lane_term;

/* acc[k] += each term's present value x its multiplier in lane j0 + k,
 * for terms [from, to) in order. */
static inline void add_terms(double *restrict acc, const lane_term *t, size_t from, size_t to,
                             const double *restrict b, size_t j0)
{
    for (size_t g = from; g < to; g++) {
        const double pv = t[g].pv;
        if (t[g].row == NO_ROW) {
            for (size_t k = 0; k < 8; k++)
                acc[k] += pv;
            continue;
        }
        const double *restrict r = b + t[g].row + j0;
        for (size_t k = 0; k < 8; k++)
            acc[k] += r[k] * pv;
    }
}

/* The NPV of the drawn block's trials when every group has at most one
 * multiplier, drawn once per trial, and NPV is the only output: run_lanes() with the
 * lanes' sums kept in registers, eight lanes at a time, each sum's terms
 * in group order (the same doubles: 1 x r is r). Writes lanes 0 .. nj - 1
 * to out; returns the first lane whose figures overflowed, or -1. */
AIROI__SIMD_CLONES
static long npv_lanes(const lane_term *t, size_t n_cost, size_t n, const double *restrict b,
                      double *restrict out, size_t nj)
{
    long bad = -1;
    for (size_t j0 = 0; j0 < LANES; j0 += 8) {
        double c[8], v[8], npv[8];
        for (size_t k = 0; k < 8; k++)
            c[k] = v[k] = 0.0;
        add_terms(c, t, 0, n_cost, b, j0);
        add_terms(v, t, n_cost, n, b, j0);
        int any = 0;
        for (size_t k = 0; k < 8; k++) {
            npv[k] = v[k] - c[k];
            any |= !(fabs(npv[k]) <= DBL_MAX) | !(fabs(c[k]) <= DBL_MAX);
        }
        size_t keep = j0 >= nj ? 0 : nj - j0 < 8 ? nj - j0 : 8;
        memcpy(out + j0, npv, keep * sizeof *npv);
        for (size_t k = 0; any && k < keep && bad < 0; k++)
            if (!(fabs(npv[k]) <= DBL_MAX && fabs(c[k]) <= DBL_MAX))
                bad = (long)(j0 + k);
    }
    return bad;
}

/* The terms of npv_lanes() when the run can take it: NPV the only output,
 * no stages, every group at most one multiplier, drawn once per trial. Sets
 * R->terms (NULL otherwise); AIROI_ERR_NOMEM when memory runs out. */
static int lane_terms(run *R)
{
    const airoi__sim_model *m = R->m;
    const airoi_simulation *s = R->s;
    R->terms = NULL;
    if (R->need_series || R->need_totals || m->n_stages || m->n_groups == 0 ||
        s->has[AIROI_SIM_ROI_HORIZON - AIROI_SIM_NPV] ||
        s->has[AIROI_SIM_NPV_ROI - AIROI_SIM_NPV])
        return AIROI_OK;
    for (size_t g = 0; g < m->n_groups; g++)
        if (m->groups[g].n_per != 0 || m->groups[g].n_scalar > 1)
            return AIROI_OK;
    lane_term *t = airoi__calloc(m->n_groups, sizeof *t);
    if (!t)
        return nomem();
    size_t k = 0;
    for (int cost = 1; cost >= 0; cost--) {
        for (size_t g = 0; g < m->n_groups; g++) {
            const airoi__sim_group *gr = &m->groups[g];
            if (gr->is_cost != cost)
                continue;
            t[k].row = gr->n_scalar ? m->inputs[gr->scalar[0]].dim * LANES : NO_ROW;
            t[k].pv = gr->pv;
            k++;
        }
        if (cost)
            R->n_cost_terms = k;
    }
    R->n_terms = k;
    R->terms = t;
    return AIROI_OK;
}

/* The drawn block's trials 0 .. nj - 1 into slots i0 .. i0 + nj - 1 when
 * no output needs the flows per period (NPV, ROI, NPV/PV costs): every
 * group across the lanes, then each trial's figures. Returns the first
 * lane whose figures overflowed, or -1. */
static long run_lanes(const run *R, worker_mem *w, size_t i0, size_t nj)
{
    const airoi__sim_model *m = R->m;
    if (R->terms)
        return npv_lanes(R->terms, R->n_cost_terms, R->n_terms, w->blk, R->s->val[0] + i0, nj);
    double pvc[LANES], pvb[LANES], tc[LANES], tb[LANES];
    for (size_t j = 0; j < LANES; j++)
        pvc[j] = pvb[j] = tc[j] = tb[j] = 0.0;
    for (size_t g = 0; g < m->n_groups; g++) {
        const airoi__sim_group *gr = &m->groups[g];
        if (gr->is_cost)
            group_lanes(m, gr, w->blk, pvc, tc, R->need_totals);
        else
            group_lanes(m, gr, w->blk, pvb, tb, R->need_totals);
    }
    long bad = -1;
    airoi_simulation *s = R->s;
    if (!m->n_stages && !s->has[AIROI_SIM_ROI_HORIZON - AIROI_SIM_NPV] &&
        !s->has[AIROI_SIM_NPV_ROI - AIROI_SIM_NPV]) {
        /* NPV alone: trial_figures() across the lanes (no totals here:
         * neither stages nor ROI ask for them, so tc and tb are 0) */
        double npv[LANES];
        int any_bad = 0;
        for (size_t j = 0; j < LANES; j++) {
            npv[j] = pvb[j] - pvc[j];
            any_bad |= !(fabs(npv[j]) <= DBL_MAX) | !(fabs(pvc[j]) <= DBL_MAX);
        }
        memcpy(s->val[0] + i0, npv, nj * sizeof *npv);
        for (size_t j = 0; any_bad && j < nj && bad < 0; j++)
            if (!(fabs(npv[j]) <= DBL_MAX && fabs(pvc[j]) <= DBL_MAX))
                bad = (long)j;
        return bad;
    }
    for (size_t j = 0; j < nj; j++) {
        double spent_pv, spent;
        int pass = stage_path(m, w->blk, j, &spent_pv, &spent, NULL);
        trial_sums q = {pvc[j], pvb[j], tc[j], tb[j]};
        if (trial_figures(R, &q, pass, spent_pv, spent, i0 + j) && bad < 0)
            bad = (long)j;
    }
    return bad;
}

static void fail(run *R, int rc)
{
    pthread_mutex_lock(&R->lock);
    if (R->rc == AIROI_OK)
        R->rc = rc;
    pthread_mutex_unlock(&R->lock);
    atomic_store(&R->stop, 1);
}

/* Runs blocks until none is left or the run stops; returns after each
 * block when `one` is set (the calling thread reports progress). */
static int run_blocks(run *R, worker_mem *w, int one)
{
    airoi_simulation *s = R->s;
    for (;;) {
        if (atomic_load(&R->stop))
            return 0;
        int64_t b = atomic_fetch_add(&R->next, 1);
        if (b >= R->nblocks)
            return 0;
        int64_t lo = b * AIROI__SIM_BLOCK;
        int64_t hi = lo + AIROI__SIM_BLOCK < s->count ? lo + AIROI__SIM_BLOCK : s->count;
        int64_t bad = -1;
        for (int64_t i0 = lo; i0 < hi; i0 += LANES) {
            size_t nj = hi - i0 < LANES ? (size_t)(hi - i0) : LANES;
            draw_lanes(R->m, s->st.seed, R->sobol, w, s->first + i0);
            if (R->need_series) {
                for (size_t j = 0; j < nj; j++)
                    if (run_trial(R, w, j, (size_t)i0 + j) && bad < 0)
                        bad = s->first + i0 + (int64_t)j;
            } else {
                long j = run_lanes(R, w, (size_t)i0, nj);
                if (j >= 0 && bad < 0)
                    bad = s->first + i0 + j;
            }
        }
        if (bad >= 0) {
            pthread_mutex_lock(&R->lock);
            if (R->bad_trial < 0 || bad < R->bad_trial)
                R->bad_trial = bad;
            pthread_mutex_unlock(&R->lock);
        }
        atomic_fetch_add(&R->done, hi - lo);
        if (one)
            return 1;
    }
}

static void *worker_main(void *arg)
{
    run *R = arg;
    worker_mem w;
    int rc = worker_mem_alloc(&w, R->m);
    if (rc) {
        fail(R, rc);
        return NULL;
    }
    run_blocks(R, &w, 0);
    worker_mem_free(&w);
    return NULL;
}

/* Runs every trial of s on `threads` threads (the caller's included),
 * reporting progress from the calling thread. */
static int run_trials(airoi_simulation *s, const airoi__sim_model *m, int threads,
                      airoi_progress_fn progress, void *userdata)
{
    run R;
    memset(&R, 0, sizeof R);
    R.m = m;
    R.s = s;
    R.need_series = s->has[AIROI_SIM_IRR - AIROI_SIM_NPV] ||
                    s->has[AIROI_SIM_PAYBACK_PERIODS - AIROI_SIM_NPV];
    R.need_totals = s->has[AIROI_SIM_ROI_HORIZON - AIROI_SIM_NPV] || m->n_stages;
    R.nblocks = (s->count + AIROI__SIM_BLOCK - 1) / AIROI__SIM_BLOCK;
    R.bad_trial = -1;
    atomic_init(&R.next, 0);
    atomic_init(&R.done, 0);
    atomic_init(&R.stop, 0);
    int rc = AIROI_OK;
    airoi__sobol_dim *sobol = sobol_prepare(m, s->st.seed, s->st.sampling, &rc);
    if (rc)
        return rc;
    R.sobol = sobol;
    rc = lane_terms(&R);
    if (rc) {
        airoi__free(sobol);
        return rc;
    }
    if (pthread_mutex_init(&R.lock, NULL) != 0) {
        airoi__free(sobol);
        airoi__free(R.terms);
        return airoi__error(AIROI_ERR_INTERNAL, "simulation: cannot create a mutex");
    }
    if (threads > R.nblocks)
        threads = (int)R.nblocks;
    uint64_t per_thread = (uint64_t)worker_mem_doubles(m) * sizeof(double);
    if ((uint64_t)threads * per_thread > AIROI__SIM_MAX_WORKER_BYTES)
        threads = per_thread >= AIROI__SIM_MAX_WORKER_BYTES
                      ? 1
                      : (int)(AIROI__SIM_MAX_WORKER_BYTES / per_thread);
    /* the first report, before any trial: a cancellation here is certain */
    if (progress && progress(0, s->count, userdata) != 0) {
        pthread_mutex_destroy(&R.lock);
        airoi__free(sobol);
        airoi__free(R.terms);
        return airoi__error(AIROI_ERR_CANCELLED,
                            "simulation cancelled by the progress callback after 0 of %lld "
                            "trials",
                            (long long)s->count);
    }
    pthread_t tid[AIROI__SIM_MAX_THREADS];
    int started = 0;
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&tid[started], NULL, worker_main, &R) != 0)
            break; /* fewer threads: same results */
        started++;
    }
    worker_mem w;
    rc = worker_mem_alloc(&w, m);
    int cancelled = 0;
    if (rc) {
        fail(&R, rc);
    } else {
        while (run_blocks(&R, &w, 1)) {
            if (progress && progress(atomic_load(&R.done), s->count, userdata) != 0) {
                cancelled = 1;
                atomic_store(&R.stop, 1);
            }
        }
        worker_mem_free(&w);
    }
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    pthread_mutex_destroy(&R.lock);
    airoi__free(sobol);
    airoi__free(R.terms);
    if (cancelled)
        return airoi__error(AIROI_ERR_CANCELLED,
                            "simulation cancelled by the progress callback after %lld of %lld "
                            "trials",
                            (long long)atomic_load(&R.done), (long long)s->count);
    if (R.rc)
        return R.rc == AIROI_ERR_NOMEM ? nomem() : airoi__error(R.rc, "simulation failed");
    if (R.bad_trial >= 0)
        return airoi__error(AIROI_ERR_RANGE,
                            "simulation: trial %lld: the figures overflow (beyond the range of "
                            "a double, about 1.8e308); the amounts or multipliers are too large",
                            (long long)R.bad_trial);
    if (progress)
        progress(s->count, s->count, userdata); /* the end; its answer is moot */
    return AIROI_OK;
}

/* ---- the API ----------------------------------------------------------------- */

/* Trials [first, first + count), or the whole run when `whole` is set. */
static int simulate(airoi_simulation **out, const airoi_project *p,
                    const airoi_sim_options *options, int whole, int64_t first, int64_t count,
                    unsigned flags, airoi_progress_fn progress, void *userdata)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_simulate: NULL out");
    *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_simulate: NULL project");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_simulate: unknown flags 0x%x",
                            flags);
    airoi__sim_settings st;
    int rc = resolve_settings(&st, options, p);
    if (rc)
        return rc;
    if (whole)
        count = st.trials;
    if (first < 0 || count < 1 || count > INT64_MAX - first)
        rc = airoi__error(AIROI_ERR_INVALID,
                          "airoi_project_simulate_range: trials [%lld, %lld + %lld) are no "
                          "range (first >= 0, count >= 1)",
                          (long long)first, (long long)first, (long long)count);
    if (rc == AIROI_OK && first > ((int64_t)1 << 53) - count)
        rc = airoi__error(AIROI_ERR_LIMIT, "simulation: trial numbers end at 2^53; trials "
                                           "[%lld, %lld + %lld) go past it",
                          (long long)first, (long long)first, (long long)count);
    if (rc == AIROI_OK)
        rc = airoi__validate(p);
    airoi__sim_model *m = NULL;
    if (rc == AIROI_OK)
        rc = airoi__sim_model_new(&m, p, st.repair);
    airoi_simulation *s = NULL;
    if (rc == AIROI_OK)
        rc = airoi__simulation_alloc(&s, &st, m, first, count);
    if (rc == AIROI_OK) {
        rc = run_trials(s, m, airoi__sim_threads(st.threads), progress, userdata);
    }
    return airoi__simulation_complete(out, s, rc, m, &st);
}

int airoi__project_simulate_range(airoi_simulation **out, const airoi_project *p,
                                  const airoi_sim_options *options, int64_t first,
                                  int64_t count, unsigned flags, airoi_progress_fn progress,
                                  void *userdata)
{
    return simulate(out, p, options, 0, first, count, flags, progress, userdata);
}

AIROI_API int airoi_project_simulate_range(airoi_simulation **out, const airoi_project *p,
                                           const airoi_sim_options *options, int64_t first,
                                           int64_t count, unsigned flags,
                                           airoi_progress_fn progress, void *userdata)
{
    AIROI__ENTER();
    return airoi__project_simulate_range(out, p, options, first, count, flags, progress,
                                         userdata);
}

int airoi__project_simulate(airoi_simulation **out, const airoi_project *p,
                            const airoi_sim_options *options, unsigned flags,
                            airoi_progress_fn progress, void *userdata)
{
    return simulate(out, p, options, 1, 0, 0, flags, progress, userdata);
}

AIROI_API int airoi_project_simulate(airoi_simulation **out, const airoi_project *p,
                                     const airoi_sim_options *options, unsigned flags,
                                     airoi_progress_fn progress, void *userdata)
{
    AIROI__ENTER();
    return airoi__project_simulate(out, p, options, flags, progress, userdata);
}
