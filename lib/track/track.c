/*
 * lib/track/track.c: actuals against plan (track layer). The actual flow of
 * an item in a period up to `as_of` is its recorded amount (converted by
 * fx like the item), else its planned flow (and an ACTUAL_MISSING
 * finding, lib/eval/audit.c); the re-forecast is the actuals then the plan, the run-rate
 * re-forecast the actuals then the plan times the item's actual/planned
 * ratio to date. Both re-forecasts are evaluated like a model whose items
 * pay exactly those flows, so their metrics are the base-case metrics of
 * the evaluation (docs/methodology.md#tracking).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core-private.h"
#include "eval-private.h"
#include "model-private.h"
#include "track-private.h"

#define FIG(f) AIROI__ENUM_INDEX(AIROI_TRACKING_##f)
#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

/* Per item (costs then values): its planned and re-forecast flows, n each. */
typedef struct item_flows {
    const airoi__item *it;
    int counted;
    double *plan, *actual, *rate;
    double actual_total, planned_total;
} item_flows;

/* A copy of p whose items pay exactly flows[i] (costs then values; n
 * periods each): every factor neutral, the project currency, one amount
 * per period from period 0, no scenario. */
static int flows_project(airoi_project **out, const airoi_project *p, double *const *flows,
                         size_t n)
{
    airoi_project *c = NULL;
    int rc = airoi__project_clone(&c, p);
    if (rc)
        return rc;
    for (size_t i = 0; i < c->n_scenarios; i++)
        airoi__scenario_destroy(c->scenarios[i]);
    c->n_scenarios = 0;
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++) {
        airoi__item **items = pass ? c->values : c->costs;
        size_t ni = pass ? c->n_values : c->n_costs;
        for (size_t i = 0; i < ni; i++, k++) {
            airoi__item *it = items[i];
            double *list = airoi__calloc(n, sizeof *list);
            if (!list) {
                airoi__project_free(c);
                return airoi__error(AIROI_ERR_NOMEM, "out of memory");
            }
            memcpy(list, flows[k], n * sizeof *list);
            airoi__free(it->list);
            airoi__free(it->currency);
            it->currency = NULL;
            it->list = list;
            it->n_list = n;
            it->per = AIROI_PER_PERIOD;
            it->from = 0;
            it->to = (int32_t)n - 1;
            it->at = 0;
            it->growth = 0.0;
            it->realization = it->attribution = 1.0;
            it->risk_adjustment = 0.0;
            it->curve = AIROI_CURVE_NONE;
            it->adopt_start = it->adopt_ceiling = 1.0;
            it->adopt_periods = 0.0;
            it->payment = AIROI_PAYMENT_SPREAD;
            it->quantity = it->unit_amount = it->amount = 0.0;
            it->set &= BIT(AIROI_ITEM_NAME) | BIT(AIROI_ITEM_CATEGORY) |
                       BIT(AIROI_ITEM_DIMENSION) | BIT(AIROI_ITEM_MONETIZED);
            it->set |= BIT(AIROI_ITEM_PER) | BIT(AIROI_ITEM_FROM);
        }
    }
    *out = c;
    return AIROI_OK;
}

static int evaluate_flows(airoi_result **out, const airoi_project *p, double *const *flows,
                          size_t n)
{
    airoi_project *c = NULL;
    int rc = flows_project(&c, p, flows, n);
    if (rc == AIROI_OK)
        rc = airoi__project_evaluate(out, c, NULL, 0);
    airoi__project_free(c);
    return rc;
}

static void set_figure(airoi_tracking *t, int i, double v, int defined)
{
    t->figure[i] = defined && isfinite(v) ? v : 0.0;
    t->defined[i] = defined && isfinite(v);
}

/* The money part: as_of, actuals, variance, to date, re-forecasts. */
static int track_money(airoi_tracking *t, const airoi_project *p)
{
    const airoi__tracking_def *d = p->tracking;
    int32_t H = p->horizon;
    size_t n = (size_t)H + 1;
    int32_t T = -1;
    for (size_t i = 0; d && i < d->n_actuals; i++) {
        const airoi__actual *a = &d->actuals[i];
        if (!airoi__project_item_named(p, a->item))
            return airoi__error(AIROI_ERR_MODEL, "actual: item: no cost or value item is named '%s'",
                                a->item);
        if (a->period < 0 || a->period > H)
            return airoi__error(AIROI_ERR_MODEL,
                                "actual of '%s': period %d is outside the horizon 0..%d",
                                a->item, (int)a->period, (int)H);
        if (a->period > T)
            T = a->period;
    }
    if (d && (d->set & 1)) {
        if (d->as_of > H)
            return airoi__error(AIROI_ERR_MODEL,
                                "tracking: as_of: period %d is outside the horizon 0..%d",
                                (int)d->as_of, (int)H);
        T = d->as_of;
    }
    t->as_of = T;
    set_figure(t, FIG(AS_OF), T, 1);

    size_t ni = p->n_costs + p->n_values;
    item_flows *f = airoi__calloc(ni ? ni : 1, sizeof *f);
    double *block = airoi__calloc(ni * n * 3 + 1, sizeof *block);
    double **rf = airoi__calloc(2 * ni + 1, sizeof *rf);
    int rc = f && block && rf ? AIROI_OK : airoi__error(AIROI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == AIROI_OK && i < ni; i++) {
        item_flows *x = &f[i];
        x->it = i < p->n_costs ? p->costs[i] : p->values[i - p->n_costs];
        x->plan = block + i * n * 3;
        x->actual = x->plan + n;
        x->rate = x->actual + n;
        int32_t lo, hi;
        double factor;
        if (airoi__item_base_flows(x->plan, &lo, &hi, &factor, &x->counted, p, x->it)) {
            for (int32_t k = lo; k <= hi; k++)
                x->plan[k] *= factor;
        }
        double fx = 1.0;
        airoi__project_fx(&fx, p, x->it->currency);
        /* recorded amounts, with a mark of the periods that have one */
        unsigned char *has = airoi__calloc(n, 1);
        if (!has) {
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
            break;
        }
        for (size_t a = 0; d && a < d->n_actuals; a++) {
            const airoi__actual *r = &d->actuals[a];
            if (r->period > T || strcmp(r->item, x->it->name) != 0)
                continue;
            x->actual[r->period] += r->amount * fx;
            has[r->period] = 1;
        }
        airoi__sum at = {0, 0}, pt = {0, 0};
        for (int32_t k = 0; k <= T; k++) {
            if (!has[k])
                x->actual[k] = x->plan[k]; /* an ACTUAL_MISSING finding of the plan (audit.c) */
            airoi__sum_add(&at, x->actual[k]);
            airoi__sum_add(&pt, x->plan[k]);
        }
        airoi__free(has);
        x->actual_total = airoi__sum_get(&at);
        x->planned_total = airoi__sum_get(&pt);
        double ratio = x->planned_total != 0.0 ? x->actual_total / x->planned_total : 1.0;
        for (size_t k = 0; k < n; k++) {
            if ((int32_t)k <= T) {
                x->rate[k] = x->actual[k];
            } else {
                x->actual[k] = x->plan[k];
                x->rate[k] = x->plan[k] * ratio;
            }
        }
        rf[i] = x->actual;
        rf[ni + i] = x->rate;
    }
    /* variance rows and the figures to date */
    airoi__sum c = {0, 0}, b = {0, 0}, pc = {0, 0}, pb = {0, 0};
    if (rc == AIROI_OK && ni) {
        t->rows = airoi__calloc(ni, sizeof *t->rows);
        if (!t->rows)
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; rc == AIROI_OK && i < ni; i++) {
        const item_flows *x = &f[i];
        int is_cost = x->it->kind == AIROI_ITEM_KIND_COST;
        if (x->counted) {
            airoi__sum_add(is_cost ? &c : &b, x->actual_total);
            airoi__sum_add(is_cost ? &pc : &pb, x->planned_total);
        }
        if (x->actual_total == 0.0 && x->planned_total == 0.0)
            continue;
        airoi__variance_row *row = &t->rows[t->n_rows];
        row->item = airoi__strdup(x->it->name);
        if (!row->item) {
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
            break;
        }
        row->kind = x->it->kind;
        row->klass = x->it->klass;
        row->actual = x->actual_total;
        row->planned = x->planned_total;
        t->n_rows++;
    }
    if (rc == AIROI_OK) {
        double cv = airoi__sum_get(&c), bv = airoi__sum_get(&b);
        double pcv = airoi__sum_get(&pc), pbv = airoi__sum_get(&pb);
        set_figure(t, FIG(COSTS), cv, 1);
        set_figure(t, FIG(BENEFITS), bv, 1);
        set_figure(t, FIG(NET), bv - cv, 1);
        set_figure(t, FIG(ROI), cv != 0.0 ? (bv - cv) / cv : 0.0, cv != 0.0);
        set_figure(t, FIG(PLANNED_COSTS), pcv, 1);
        set_figure(t, FIG(PLANNED_BENEFITS), pbv, 1);
        set_figure(t, FIG(PLANNED_NET), pbv - pcv, 1);
        rc = evaluate_flows(&t->reforecast[0], p, rf, n);
    }
    if (rc == AIROI_OK)
        rc = evaluate_flows(&t->reforecast[1], p, rf + ni, n);
    if (rc == AIROI_OK) {
        double x = 0;
        int ok = airoi__result_get_metric(&x, t->plan, AIROI_METRIC_PAYBACK_PERIODS) == AIROI_OK;
        set_figure(t, FIG(PAYBACK_PLANNED), x, ok);
        ok = airoi__result_get_metric(&x, t->reforecast[0], AIROI_METRIC_PAYBACK_PERIODS) ==
             AIROI_OK;
        set_figure(t, FIG(PAYBACK_REFORECAST), x, ok);
        airoi__error_clear();
    }
    airoi__free(f);
    airoi__free(block);
    airoi__free(rf);
    return rc;
}

/* gates.c */
int airoi__track_indicators_and_gates(airoi_tracking *t, const airoi_project *p);

int airoi__project_track(airoi_tracking **out, const airoi_project *p, unsigned flags)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_track: NULL out");
    *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_track: NULL project");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_track: unknown flags 0x%x", flags);
    airoi_tracking *t = airoi__calloc(1, sizeof *t);
    if (!t)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    int rc = airoi__project_evaluate(&t->plan, p, NULL, 0);
    if (rc == AIROI_OK)
        rc = track_money(t, p);
    if (rc == AIROI_OK)
        rc = airoi__track_indicators_and_gates(t, p);
    if (rc) {
        airoi__tracking_free(t);
        return rc;
    }
    t->plan->tracking = t;
    airoi__error_clear();
    *out = t;
    return AIROI_OK;
}

AIROI_API int airoi_project_track(airoi_tracking **out, const airoi_project *p, unsigned flags)
{
    AIROI__ENTER();
    return airoi__project_track(out, p, flags);
}

void airoi__tracking_free(airoi_tracking *t)
{
    if (!t)
        return;
    airoi__result_free(t->plan);
    airoi__result_free(t->reforecast[0]);
    airoi__result_free(t->reforecast[1]);
    for (size_t i = 0; i < t->n_rows; i++)
        airoi__free(t->rows[i].item);
    airoi__free(t->rows);
    for (size_t i = 0; i < t->n_ind; i++)
        airoi__free(t->ind[i].status);
    airoi__free(t->ind);
    for (size_t i = 0; i < t->n_gates; i++) {
        for (size_t j = 0; j < t->gates[i].n_criteria; j++)
            airoi__free(t->gates[i].criteria[j].evidence);
        airoi__free(t->gates[i].criteria);
        airoi__free(t->gates[i].name);
    }
    airoi__free(t->gates);
    airoi__tracking_def_destroy(t->def);
    airoi__free(t);
}

AIROI_API void airoi_tracking_free(airoi_tracking *t)
{
    AIROI__ENTER();
    airoi__tracking_free(t);
}

int airoi__tracking_get_number(double *out, const airoi_tracking *t, int figure)
{
    if (!out || !t)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tracking_get_number: NULL argument");
    int rc = airoi__enum_check(figure, AIROI_TRACKING_AS_OF, "tracking figure");
    if (rc)
        return rc;
    int i = AIROI__ENUM_INDEX(figure);
    if (!t->defined[i])
        return airoi__error(AIROI_ERR_UNDEFINED, "the tracking figure is undefined (%s)",
                            i == FIG(ROI) ? "no costs to date" : "payback never reached");
    *out = t->figure[i];
    return AIROI_OK;
}

AIROI_API int airoi_tracking_get_number(double *out, const airoi_tracking *t,
                                        airoi_tracking_figure figure)
{
    AIROI__ENTER();
    return airoi__tracking_get_number(out, t, (int)figure);
}

const airoi_result *airoi__tracking_get_plan(const airoi_tracking *t)
{
    if (!t)
        airoi__error(AIROI_ERR_INVALID, "airoi_tracking_get_plan: NULL tracking");
    return t ? t->plan : NULL;
}

AIROI_API const airoi_result *airoi_tracking_get_plan(const airoi_tracking *t)
{
    AIROI__ENTER();
    return airoi__tracking_get_plan(t);
}

const airoi_result *airoi__tracking_get_reforecast(const airoi_tracking *t, int run_rate)
{
    if (!t)
        airoi__error(AIROI_ERR_INVALID, "airoi_tracking_get_reforecast: NULL tracking");
    return t ? t->reforecast[run_rate ? 1 : 0] : NULL;
}

AIROI_API const airoi_result *airoi_tracking_get_reforecast(const airoi_tracking *t, int run_rate)
{
    AIROI__ENTER();
    return airoi__tracking_get_reforecast(t, run_rate);
}

size_t airoi__tracking_count_variances(const airoi_tracking *t)
{
    return t ? t->n_rows : 0;
}

AIROI_API size_t airoi_tracking_count_variances(const airoi_tracking *t)
{
    AIROI__ENTER();
    return airoi__tracking_count_variances(t);
}

int airoi__tracking_get_variance(const char **item, airoi_item_kind *kind, int *klass,
                                 double *actual, double *planned, const airoi_tracking *t,
                                 size_t i)
{
    if (!t)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tracking_get_variance: NULL tracking");
    if (i >= t->n_rows)
        return airoi__error(AIROI_ERR_RANGE, "variance row %zu: the tracking has %zu", i,
                            t->n_rows);
    const airoi__variance_row *r = &t->rows[i];
    if (item)
        *item = r->item;
    if (kind)
        *kind = (airoi_item_kind)r->kind;
    if (klass)
        *klass = r->klass;
    if (actual)
        *actual = r->actual;
    if (planned)
        *planned = r->planned;
    return AIROI_OK;
}

AIROI_API int airoi_tracking_get_variance(const char **item, airoi_item_kind *kind, int *klass,
                                          double *actual, double *planned,
                                          const airoi_tracking *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tracking_get_variance(item, kind, klass, actual, planned, t, i);
}
