/*
 * lib/track/gates.c: leading indicators (the status of each value) and gate
 * reviews (go / no_go / pending with their evidence, and the expected NPV
 * of continuing from the first stage not passed) (track layer;
 * docs/methodology.md#indicators and #gate-reviews).
 */
#include <math.h>
#include <string.h>

#include "core-private.h"
#include "decide-private.h"
#include "eval-private.h"
#include "model-private.h"
#include "track-private.h"

#define FIG(f) AIROI__ENUM_INDEX(AIROI_TRACKING_##f)

/* Status of a value: off_track past the off-track threshold, else at_risk
 * past the at-risk threshold, else on_track ("past": below for up, above
 * for down). */
static int status_of(const airoi__indicator *ind, double v)
{
    int up = ind->direction == AIROI_DIRECTION_UP;
    if ((ind->set & 2) && (up ? v < ind->off_track : v > ind->off_track))
        return AIROI_INDICATOR_OFF_TRACK;
    if ((ind->set & 1) && (up ? v < ind->at_risk : v > ind->at_risk))
        return AIROI_INDICATOR_AT_RISK;
    return AIROI_INDICATOR_ON_TRACK;
}

static int meets(int kind, double v, double threshold)
{
    return kind == AIROI_CRITERION_AT_LEAST ? v >= threshold : v <= threshold;
}

/* Evidence of a criterion on stage periods s..G and whether it holds: the
 * indicator met the threshold in n consecutive periods within them. */
static int judge(airoi__criterion_track *c, const airoi__indicator *ind, int32_t s, int32_t G)
{
    c->evidence = airoi__calloc(ind->n + 1, sizeof *c->evidence);
    if (!c->evidence)
        return -1;
    int held = 0;
    int32_t run = 0, prev = INT32_MIN;
    for (size_t j = 0; j < ind->n; j++) {
        int32_t t = ind->periods[j];
        if (t < s || t > G || !meets(c->kind, ind->values[j], c->threshold))
            continue;
        c->evidence[c->n_evidence++] = t;
        run = prev != INT32_MIN && t == prev + 1 ? run + 1 : 1;
        prev = t;
        if (run >= c->for_periods)
            held = 1;
    }
    return held;
}

int airoi__track_indicators_and_gates(airoi_tracking *t, const airoi_project *p);

int airoi__track_indicators_and_gates(airoi_tracking *t, const airoi_project *p)
{
    int failed = 0;
    t->def = airoi__tracking_def_copy(p->tracking, &failed);
    if (failed)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    const airoi__tracking_def *d = t->def;
    int32_t D = 0;
    for (size_t k = 0; k < p->n_stages; k++)
        D += p->stages[k].periods;
    t->stage_offset = D;
    int32_t last = (int32_t)D + p->horizon; /* the last period of the stage plan */
    int32_t G = -1;
    size_t ni = d ? d->n_indicators : 0;
    if (ni) {
        t->ind = airoi__calloc(ni, sizeof *t->ind);
        if (!t->ind)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < ni; i++) {
        const airoi__indicator *ind = &d->indicators[i];
        airoi__indicator_track *x = &t->ind[t->n_ind++];
        x->name = ind->name;
        x->target = ind->target;
        x->direction = ind->direction;
        x->n = ind->n;
        x->periods = ind->periods;
        x->values = ind->values;
        x->status = airoi__calloc(ind->n + 1, sizeof *x->status);
        if (!x->status)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        for (size_t j = 0; j < ind->n; j++) {
            if (ind->periods[j] > last)
                return airoi__error(AIROI_ERR_MODEL,
                                    "indicator '%s': period %d is past the last period %d%s",
                                    ind->name, (int)ind->periods[j], (int)last,
                                    D ? " of the stage plan" : " of the horizon");
            x->status[j] = status_of(ind, ind->values[j]);
            if (ind->periods[j] > G)
                G = ind->periods[j];
        }
    }
    if (d && (d->set & 2)) {
        if (d->gates_as_of > last)
            return airoi__error(AIROI_ERR_MODEL,
                                "tracking.gates_as_of %d is past the last period %d%s",
                                (int)d->gates_as_of, (int)last,
                                D ? " of the stage plan" : " of the horizon");
        G = d->gates_as_of;
    }
    t->gates_as_of = G;
    t->figure[FIG(GATES_AS_OF)] = G;
    t->defined[FIG(GATES_AS_OF)] = 1;

    size_t ns = p->n_stages;
    if (!ns)
        return AIROI_OK;
    t->gates = airoi__calloc(ns, sizeof *t->gates);
    double *prob = airoi__calloc(ns, sizeof *prob);
    if (!t->gates || !prob) {
        airoi__free(prob);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    int rc = AIROI_OK;
    int32_t s = 0;
    size_t first = ns; /* the first stage whose gate is not go */
    for (size_t k = 0; k < ns && rc == AIROI_OK; k++) {
        airoi__gate_track *g = &t->gates[t->n_gates++];
        const airoi__stage_def *st = &p->stages[k];
        int from_prior = 0;
        rc = airoi__stage_gate(&prob[k], &from_prior, p, k);
        if (rc)
            break;
        g->name = airoi__strdup(st->name);
        size_t nc = airoi__project_count_criteria(p, k);
        g->criteria = airoi__calloc(nc + 1, sizeof *g->criteria);
        if (!g->name || !g->criteria) {
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
            break;
        }
        g->start = s;
        g->periods = st->periods;
        int all = 1;
        for (size_t j = 0; d && j < d->n_criteria; j++) {
            const airoi__criterion *c = &d->criteria[j];
            if (c->stage != k)
                continue;
            const airoi__indicator *ind = airoi__indicator_named(d, c->indicator);
            if (!ind) {
                rc = airoi__error(AIROI_ERR_MODEL,
                                  "stage '%s': criterion: the project has no indicator named '%s'",
                                  st->name, c->indicator);
                break;
            }
            airoi__criterion_track *x = &g->criteria[g->n_criteria++];
            x->indicator = c->indicator;
            x->kind = c->kind;
            x->threshold = c->threshold;
            x->for_periods = c->for_periods;
            int held = judge(x, ind, s, G);
            if (held < 0) {
                rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
                break;
            }
            all &= held;
        }
        g->status = all ? AIROI_GATE_GO
                        : (int64_t)G >= (int64_t)s + st->periods ? AIROI_GATE_NO_GO
                                                                   : AIROI_GATE_PENDING;
        if (g->status != AIROI_GATE_GO && first == ns)
            first = k;
        s += st->periods;
    }
    if (rc == AIROI_OK && first < ns) {
        /* expected NPV of continuing from stage j, discounted to its start */
        double r = t->plan->schedule->rate;
        double pv = t->plan->metric[AIROI__ENUM_INDEX(AIROI_METRIC_NPV)];
        for (size_t j = first; j < ns; j++) {
            airoi__gate_track *g = &t->gates[j];
            airoi__sum e = {0, 0};
            double reach = 1.0;
            for (size_t i = j; i < ns; i++) {
                airoi__sum_add(&e, -reach * p->stages[i].cost /
                                       pow(1.0 + r, (double)(t->gates[i].start - g->start)));
                reach *= prob[i];
            }
            airoi__sum_add(&e, reach * pv / pow(1.0 + r, (double)(D - g->start)));
            g->enpv = airoi__sum_get(&e);
            g->has_enpv = isfinite(g->enpv);
            if (!g->has_enpv)
                g->enpv = 0.0;
        }
    }
    airoi__free(prob);
    return rc;
}

/* ---- getters ------------------------------------------------------------------- */

size_t airoi__tracking_count_indicators(const airoi_tracking *t)
{
    return t ? t->n_ind : 0;
}

AIROI_API size_t airoi_tracking_count_indicators(const airoi_tracking *t)
{
    AIROI__ENTER();
    return airoi__tracking_count_indicators(t);
}

static const airoi__indicator_track *ind_at(const airoi_tracking *t, size_t i, const char *fn)
{
    if (!t) {
        airoi__error(AIROI_ERR_INVALID, "%s: NULL tracking", fn);
        return NULL;
    }
    if (i >= t->n_ind) {
        airoi__error(AIROI_ERR_RANGE, "%s: indicator %zu: the tracking has %zu", fn, i,
                     t->n_ind);
        return NULL;
    }
    return &t->ind[i];
}

int airoi__tracking_get_indicator(const char **name, double *target, double *latest,
                                  int32_t *latest_period, airoi_indicator_status *status,
                                  const airoi_tracking *t, size_t i)
{
    const airoi__indicator_track *x = ind_at(t, i, "airoi_tracking_get_indicator");
    if (!x)
        return t ? AIROI_ERR_RANGE : AIROI_ERR_INVALID;
    if (name)
        *name = x->name;
    if (target)
        *target = x->target;
    if (!x->n)
        return airoi__error(AIROI_ERR_UNDEFINED, "indicator '%s' has no value", x->name);
    if (latest)
        *latest = x->values[x->n - 1];
    if (latest_period)
        *latest_period = x->periods[x->n - 1];
    if (status)
        *status = (airoi_indicator_status)x->status[x->n - 1];
    return AIROI_OK;
}

AIROI_API int airoi_tracking_get_indicator(const char **name, double *target, double *latest,
                                           int32_t *latest_period, airoi_indicator_status *status,
                                           const airoi_tracking *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tracking_get_indicator(name, target, latest, latest_period, status, t, i);
}

size_t airoi__tracking_count_indicator_periods(const airoi_tracking *t, size_t i)
{
    return t && i < t->n_ind ? t->ind[i].n : 0;
}

AIROI_API size_t airoi_tracking_count_indicator_periods(const airoi_tracking *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tracking_count_indicator_periods(t, i);
}

int airoi__tracking_get_indicator_period(int32_t *period, double *value,
                                         airoi_indicator_status *status, const airoi_tracking *t,
                                         size_t i, size_t j)
{
    const airoi__indicator_track *x = ind_at(t, i, "airoi_tracking_get_indicator_period");
    if (!x)
        return t ? AIROI_ERR_RANGE : AIROI_ERR_INVALID;
    if (j >= x->n)
        return airoi__error(AIROI_ERR_RANGE, "indicator '%s': value %zu: it has %zu", x->name, j,
                            x->n);
    if (period)
        *period = x->periods[j];
    if (value)
        *value = x->values[j];
    if (status)
        *status = (airoi_indicator_status)x->status[j];
    return AIROI_OK;
}

AIROI_API int airoi_tracking_get_indicator_period(int32_t *period, double *value,
                                                  airoi_indicator_status *status,
                                                  const airoi_tracking *t, size_t i, size_t j)
{
    AIROI__ENTER();
    return airoi__tracking_get_indicator_period(period, value, status, t, i, j);
}

size_t airoi__tracking_count_gates(const airoi_tracking *t)
{
    return t ? t->n_gates : 0;
}

AIROI_API size_t airoi_tracking_count_gates(const airoi_tracking *t)
{
    AIROI__ENTER();
    return airoi__tracking_count_gates(t);
}

static const airoi__gate_track *gate_at(const airoi_tracking *t, size_t i, const char *fn)
{
    if (!t) {
        airoi__error(AIROI_ERR_INVALID, "%s: NULL tracking", fn);
        return NULL;
    }
    if (i >= t->n_gates) {
        airoi__error(AIROI_ERR_RANGE, "%s: gate %zu: the tracking has %zu", fn, i, t->n_gates);
        return NULL;
    }
    return &t->gates[i];
}

int airoi__tracking_get_gate(const char **name, airoi_gate_status *status,
                             double *expected_npv_continue, int *has_expected_npv,
                             const airoi_tracking *t, size_t i)
{
    const airoi__gate_track *g = gate_at(t, i, "airoi_tracking_get_gate");
    if (!g)
        return t ? AIROI_ERR_RANGE : AIROI_ERR_INVALID;
    if (name)
        *name = g->name;
    if (status)
        *status = (airoi_gate_status)g->status;
    if (expected_npv_continue)
        *expected_npv_continue = g->enpv;
    if (has_expected_npv)
        *has_expected_npv = g->has_enpv;
    return AIROI_OK;
}

AIROI_API int airoi_tracking_get_gate(const char **name, airoi_gate_status *status,
                                      double *expected_npv_continue, int *has_expected_npv,
                                      const airoi_tracking *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tracking_get_gate(name, status, expected_npv_continue, has_expected_npv, t, i);
}

size_t airoi__tracking_count_criteria(const airoi_tracking *t, size_t i)
{
    return t && i < t->n_gates ? t->gates[i].n_criteria : 0;
}

AIROI_API size_t airoi_tracking_count_criteria(const airoi_tracking *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tracking_count_criteria(t, i);
}

int airoi__tracking_get_evidence(const char **indicator, double *threshold, int32_t *buf,
                                 size_t cap, size_t *len_out, const airoi_tracking *t, size_t i,
                                 size_t j)
{
    const airoi__gate_track *g = gate_at(t, i, "airoi_tracking_get_evidence");
    if (!g)
        return t ? AIROI_ERR_RANGE : AIROI_ERR_INVALID;
    if (j >= g->n_criteria)
        return airoi__error(AIROI_ERR_RANGE, "gate '%s': criterion %zu: it has %zu", g->name, j,
                            g->n_criteria);
    const airoi__criterion_track *c = &g->criteria[j];
    if (indicator)
        *indicator = c->indicator;
    if (threshold)
        *threshold = c->threshold;
    if (len_out)
        *len_out = c->n_evidence;
    if (!buf && cap == 0)
        return AIROI_OK; /* a size query */
    if (!buf || cap < c->n_evidence)
        return airoi__error(!buf ? AIROI_ERR_INVALID : AIROI_ERR_BUFFER,
                            "gate '%s': %zu periods of evidence, room for %zu", g->name,
                            c->n_evidence, cap);
    if (c->n_evidence)
        memcpy(buf, c->evidence, c->n_evidence * sizeof *buf);
    return AIROI_OK;
}

AIROI_API int airoi_tracking_get_evidence(const char **indicator, double *threshold, int32_t *buf,
                                          size_t cap, size_t *len_out, const airoi_tracking *t,
                                          size_t i, size_t j)
{
    AIROI__ENTER();
    return airoi__tracking_get_evidence(indicator, threshold, buf, cap, len_out, t, i, j);
}
