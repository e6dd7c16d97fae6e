/*
 * lib/model/tracking-data.c: the tracking data of a project: actuals, the
 * `tracking` settings, leading indicators and the criteria of stage gates
 * (docs/model-format.md#tracking). What each value may be is checked here;
 * lib/track reads them (docs/methodology.md#tracking).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core-private.h"
#include "model-private.h"
#include "tracking-private.h"

#define IND_AT_RISK 1
#define IND_OFF_TRACK 2

static const char *num(char *buf, double v)
{
    airoi__format_double_sig(buf, 32, v, 15);
    return buf;
}
#define NUMTXT(v) num((char[32]){0}, (v))

static const char *const status_names[] = {"on_track", "at_risk", "off_track"};
static const char *const gate_names[] = {"go", "no_go", "pending"};
static const char *const kind_names[] = {"at_least", "at_most"};
static const char *const direction_names[] = {"up", "down"};

const char *airoi__indicator_status_name(int status)
{
    return airoi__enum_name(status, status_names, 3, AIROI_INDICATOR_ON_TRACK);
}

const char *airoi__gate_status_name(int status)
{
    return airoi__enum_name(status, gate_names, 3, AIROI_GATE_GO);
}

const char *airoi__criterion_kind_name(int kind)
{
    return airoi__enum_name(kind, kind_names, 2, AIROI_CRITERION_AT_LEAST);
}

const char *airoi__direction_name(int direction)
{
    return airoi__enum_name(direction, direction_names, 2, AIROI_DIRECTION_UP);
}

/* ---- lifetime ------------------------------------------------------------------- */

void airoi__tracking_def_destroy(airoi__tracking_def *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_actuals; i++)
        airoi__free(t->actuals[i].item);
    for (size_t i = 0; i < t->n_indicators; i++) {
        airoi__free(t->indicators[i].name);
        airoi__free(t->indicators[i].periods);
        airoi__free(t->indicators[i].values);
    }
    for (size_t i = 0; i < t->n_criteria; i++)
        airoi__free(t->criteria[i].indicator);
    airoi__free(t->actuals);
    airoi__free(t->indicators);
    airoi__free(t->criteria);
    airoi__free(t);
}

static void *dup_array(const void *src, size_t n, size_t elem, int *failed)
{
    if (!n || *failed)
        return NULL;
    void *d = airoi__calloc(n, elem);
    if (!d)
        *failed = 1;
    else
        memcpy(d, src, n * elem);
    return d;
}

static char *dup_str(const char *s, int *failed)
{
    if (*failed)
        return NULL;
    char *d = airoi__strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

airoi__tracking_def *airoi__tracking_def_copy(const airoi__tracking_def *src, int *failed)
{
    if (!src || *failed)
        return NULL;
    airoi__tracking_def *t = airoi__calloc(1, sizeof *t);
    if (!t) {
        *failed = 1;
        return NULL;
    }
    *t = *src;
    t->actuals = dup_array(src->actuals, src->n_actuals, sizeof *t->actuals, failed);
    t->indicators = dup_array(src->indicators, src->n_indicators, sizeof *t->indicators, failed);
    t->criteria = dup_array(src->criteria, src->n_criteria, sizeof *t->criteria, failed);
    t->cap_actuals = t->actuals ? src->n_actuals : 0;
    t->cap_indicators = t->indicators ? src->n_indicators : 0;
    t->cap_criteria = t->criteria ? src->n_criteria : 0;
    t->n_actuals = t->actuals ? src->n_actuals : 0;
    t->n_indicators = t->indicators ? src->n_indicators : 0;
    t->n_criteria = t->criteria ? src->n_criteria : 0;
    for (size_t i = 0; i < t->n_actuals; i++)
        t->actuals[i].item = NULL;
    for (size_t i = 0; i < t->n_indicators; i++) {
        airoi__indicator *d = &t->indicators[i];
        d->name = NULL;
        d->periods = NULL;
        d->values = NULL;
    }
    for (size_t i = 0; i < t->n_criteria; i++)
        t->criteria[i].indicator = NULL;
    for (size_t i = 0; i < t->n_actuals; i++)
        t->actuals[i].item = dup_str(src->actuals[i].item, failed);
    for (size_t i = 0; i < t->n_indicators; i++) {
        airoi__indicator *d = &t->indicators[i];
        const airoi__indicator *s = &src->indicators[i];
        d->name = dup_str(s->name, failed);
        d->periods = dup_array(s->periods, s->n, sizeof *d->periods, failed);
        d->values = dup_array(s->values, s->n, sizeof *d->values, failed);
        d->n = d->cap = d->periods && d->values ? s->n : 0;
    }
    for (size_t i = 0; i < t->n_criteria; i++)
        t->criteria[i].indicator = dup_str(src->criteria[i].indicator, failed);
    return t;
}

const airoi__tracking_def *airoi__project_tracking(const airoi_project *p)
{
    return p ? p->tracking : NULL;
}

static airoi__tracking_def *tracking_of(airoi_project *p)
{
    if (!p->tracking) {
        p->tracking = airoi__calloc(1, sizeof *p->tracking);
        if (!p->tracking)
            airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    return p->tracking;
}

/* ---- actuals ---------------------------------------------------------------------- */

int airoi__project_add_actual(airoi_project *p, int32_t period, const char *item, double amount)
{
    if (!p || !item)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_actual: NULL argument");
    if (!airoi__project_item_named(p, item))
        return airoi__error(AIROI_ERR_NOT_FOUND, "actual: item: no cost or value item is named '%s'",
                            item);
    if (period < 0 || period > p->horizon)
        return airoi__error(AIROI_ERR_INVALID,
                            "actual of '%s': period: period %d is outside the horizon 0..%d", item,
                            (int)period, (int)p->horizon);
    if (!isfinite(amount))
        return airoi__error(AIROI_ERR_INVALID, "actual of '%s': the amount is not finite", item);
    airoi__tracking_def *t = tracking_of(p);
    if (!t)
        return AIROI_ERR_NOMEM;
    if (t->n_actuals >= (size_t)AIROI_ACTUALS_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "actual of '%s': more than %d actuals, the limit",
                            item, AIROI_ACTUALS_MAX);
    int rc = airoi__grow((void **)&t->actuals, &t->cap_actuals, t->n_actuals, sizeof *t->actuals);
    if (rc)
        return rc;
    char *name = airoi__strdup(item);
    if (!name)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    t->actuals[t->n_actuals++] = (airoi__actual){period, name, amount};
    return AIROI_OK;
}

AIROI_API int airoi_project_add_actual(airoi_project *p, int32_t period, const char *item,
                                       double amount)
{
    AIROI__ENTER();
    return airoi__project_add_actual(p, period, item, amount);
}

size_t airoi__project_count_actuals(const airoi_project *p)
{
    return p && p->tracking ? p->tracking->n_actuals : 0;
}

AIROI_API size_t airoi_project_count_actuals(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_count_actuals(p);
}

int airoi__project_get_actual(int32_t *period, const char **item, double *amount,
                              const airoi_project *p, size_t i)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_actual: NULL project");
    if (i >= airoi__project_count_actuals(p))
        return airoi__error(AIROI_ERR_RANGE, "actual %zu: the project has %zu", i,
                            airoi__project_count_actuals(p));
    const airoi__actual *a = &p->tracking->actuals[i];
    if (period)
        *period = a->period;
    if (item)
        *item = a->item;
    if (amount)
        *amount = a->amount;
    return AIROI_OK;
}

AIROI_API int airoi_project_get_actual(int32_t *period, const char **item, double *amount,
                                       const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_actual(period, item, amount, p, i);
}

/* ---- settings --------------------------------------------------------------------- */

static int setting_bit(int param)
{
    return param == AIROI_TRACKING_PARAM_AS_OF ? 1 : param == AIROI_TRACKING_PARAM_GATES_AS_OF ? 2
                                                                                              : 0;
}

int airoi__project_set_tracking(airoi_project *p, int param, double v)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_set_tracking: NULL project");
    int bit = setting_bit(param);
    if (!bit)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_set_tracking: unknown param 0x%x",
                            (unsigned)param);
    const char *key = bit == 1 ? "as_of" : "gates_as_of";
    if (!isfinite(v) || v < 0 || v != floor(v) || v > 1e6)
        return airoi__error(AIROI_ERR_INVALID, "tracking.%s: expected a whole period >= 0",
                            key);
    if (bit == 1 && v > p->horizon)
        return airoi__error(AIROI_ERR_INVALID, "tracking: as_of: period %s is outside the horizon 0..%d",
                            NUMTXT(v), (int)p->horizon);
    airoi__tracking_def *t = tracking_of(p);
    if (!t)
        return AIROI_ERR_NOMEM;
    if (bit == 1)
        t->as_of = (int32_t)v;
    else
        t->gates_as_of = (int32_t)v;
    t->set |= bit;
    return AIROI_OK;
}

AIROI_API int airoi_project_set_tracking(airoi_project *p, airoi_tracking_param param, double v)
{
    AIROI__ENTER();
    return airoi__project_set_tracking(p, (int)param, v);
}

int airoi__project_get_tracking(double *out, const airoi_project *p, int param)
{
    if (!out || !p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_tracking: NULL argument");
    int bit = setting_bit(param);
    if (!bit)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_tracking: unknown param 0x%x",
                            (unsigned)param);
    if (!p->tracking || !(p->tracking->set & bit))
        return AIROI_ERR_UNDEFINED;
    *out = bit == 1 ? p->tracking->as_of : p->tracking->gates_as_of;
    return AIROI_OK;
}

AIROI_API int airoi_project_get_tracking(double *out, const airoi_project *p,
                                         airoi_tracking_param param)
{
    AIROI__ENTER();
    return airoi__project_get_tracking(out, p, (int)param);
}

/* ---- indicators ------------------------------------------------------------------- */

const airoi__indicator *airoi__indicator_named(const airoi__tracking_def *t, const char *name)
{
    if (!t || !name)
        return NULL;
    for (size_t i = 0; i < t->n_indicators; i++)
        if (strcmp(t->indicators[i].name, name) == 0)
            return &t->indicators[i];
    return NULL;
}

static airoi__indicator *indicator_named(airoi_project *p, const char *name, const char *fn)
{
    if (!p || !name) {
        airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
        return NULL;
    }
    airoi__indicator *ind = (airoi__indicator *)airoi__indicator_named(p->tracking, name);
    if (!ind)
        airoi__error(AIROI_ERR_NOT_FOUND, "the project has no indicator named '%s'", name);
    return ind;
}

int airoi__project_add_indicator(airoi_project *p, const char *name, int direction, double target)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_indicator: NULL project");
    int rc = airoi__check_name(name, "indicator name");
    if (rc)
        return rc;
    if (direction != AIROI_DIRECTION_UP && direction != AIROI_DIRECTION_DOWN)
        return airoi__error(AIROI_ERR_INVALID, "indicator '%s': direction: expected up or down",
                            name);
    if (!isfinite(target))
        return airoi__error(AIROI_ERR_INVALID, "indicator '%s': target: expected a finite number",
                            name);
    if (airoi__indicator_named(p->tracking, name))
        return airoi__error(AIROI_ERR_INVALID,
                            "indicator '%s': name: '%s' is already used by another indicator",
                            name, name);
    airoi__tracking_def *t = tracking_of(p);
    if (!t)
        return AIROI_ERR_NOMEM;
    if (t->n_indicators >= AIROI_INDICATORS_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "more than %d indicators, the limit",
                            AIROI_INDICATORS_MAX);
    rc = airoi__grow((void **)&t->indicators, &t->cap_indicators, t->n_indicators,
                     sizeof *t->indicators);
    if (rc)
        return rc;
    airoi__indicator *ind = &t->indicators[t->n_indicators];
    memset(ind, 0, sizeof *ind);
    ind->name = airoi__strdup(name);
    if (!ind->name)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    ind->direction = direction;
    ind->target = target;
    t->n_indicators++;
    return AIROI_OK;
}

AIROI_API int airoi_project_add_indicator(airoi_project *p, const char *name,
                                          airoi_indicator_direction direction, double target)
{
    AIROI__ENTER();
    return airoi__project_add_indicator(p, name, (int)direction, target);
}

/* Whether x is on the bad side of (or at) y for the direction: below for up. */
static int worse_or_equal(int direction, double x, double y)
{
    return direction == AIROI_DIRECTION_UP ? x <= y : x >= y;
}

int airoi__project_set_indicator_threshold(airoi_project *p, const char *name, int status,
                                           double threshold)
{
    airoi__indicator *ind = indicator_named(p, name, "airoi_project_set_indicator_threshold");
    if (!ind)
        return p && name ? AIROI_ERR_NOT_FOUND : AIROI_ERR_INVALID;
    if (status != AIROI_INDICATOR_AT_RISK && status != AIROI_INDICATOR_OFF_TRACK)
        return airoi__error(AIROI_ERR_INVALID,
                            "indicator '%s': a threshold is for at_risk or off_track", name);
    int up = ind->direction == AIROI_DIRECTION_UP;
    char key[32];
    snprintf(key, sizeof key, "%s_%s", status == AIROI_INDICATOR_AT_RISK ? "at_risk" : "off_track",
             up ? "below" : "above");
    if (!isfinite(threshold))
        return airoi__error(AIROI_ERR_INVALID, "indicator '%s': %s: expected a finite number",
                            name, key);
    if (!worse_or_equal(ind->direction, threshold, ind->target))
        return airoi__error(AIROI_ERR_INVALID,
                            "indicator '%s': %s: %s is on the wrong side of the target %s (an "
                            "indicator with direction %s is at risk %s its target)",
                            name, key, NUMTXT(threshold), NUMTXT(ind->target), up ? "up" : "down",
                            up ? "below" : "above");
    if (status == AIROI_INDICATOR_AT_RISK && (ind->set & IND_OFF_TRACK) &&
        !worse_or_equal(ind->direction, ind->off_track, threshold))
        return airoi__error(AIROI_ERR_INVALID,
                            "indicator '%s': %s: %s is past its off-track threshold %s", name, key,
                            NUMTXT(threshold), NUMTXT(ind->off_track));
    if (status == AIROI_INDICATOR_OFF_TRACK && (ind->set & IND_AT_RISK) &&
        !worse_or_equal(ind->direction, threshold, ind->at_risk))
        return airoi__error(AIROI_ERR_INVALID,
                            "indicator '%s': %s: %s is on the good side of its at-risk threshold %s",
                            name, key, NUMTXT(threshold), NUMTXT(ind->at_risk));
    if (status == AIROI_INDICATOR_AT_RISK) {
        ind->at_risk = threshold;
        ind->set |= IND_AT_RISK;
    } else {
        ind->off_track = threshold;
        ind->set |= IND_OFF_TRACK;
    }
    return AIROI_OK;
}

AIROI_API int airoi_project_set_indicator_threshold(airoi_project *p, const char *name,
                                                    airoi_indicator_status status,
                                                    double threshold)
{
    AIROI__ENTER();
    return airoi__project_set_indicator_threshold(p, name, (int)status, threshold);
}

int airoi__project_add_indicator_value(airoi_project *p, const char *name, int32_t period,
                                       double value)
{
    airoi__indicator *ind = indicator_named(p, name, "airoi_project_add_indicator_value");
    if (!ind)
        return p && name ? AIROI_ERR_NOT_FOUND : AIROI_ERR_INVALID;
    if (period < 0 || period > AIROI_HORIZON_MAX)
        return airoi__error(AIROI_ERR_INVALID,
                            "indicator '%s': period %d: expected a period in 0..%d", name,
                            (int)period, AIROI_HORIZON_MAX);
    if (!isfinite(value))
        return airoi__error(AIROI_ERR_INVALID,
                            "indicator '%s': the value of period %d is not finite", name,
                            (int)period);
    size_t at = ind->n;
    while (at > 0 && ind->periods[at - 1] > period)
        at--;
    if (at > 0 && ind->periods[at - 1] == period)
        return airoi__error(AIROI_ERR_INVALID, "indicator '%s': period %d already has a value",
                            name, (int)period);
    if (p->tracking->n_values >= (size_t)AIROI_INDICATOR_VALUES_MAX)
        return airoi__error(AIROI_ERR_LIMIT,
                            "indicator '%s': more than %d indicator values in the project, the "
                            "limit", name, AIROI_INDICATOR_VALUES_MAX);
    size_t cap = ind->cap;
    int rc = airoi__grow((void **)&ind->periods, &cap, ind->n, sizeof *ind->periods);
    if (rc == AIROI_OK) {
        cap = ind->cap;
        rc = airoi__grow((void **)&ind->values, &cap, ind->n, sizeof *ind->values);
    }
    if (rc)
        return rc;
    ind->cap = cap;
    memmove(ind->periods + at + 1, ind->periods + at, (ind->n - at) * sizeof *ind->periods);
    memmove(ind->values + at + 1, ind->values + at, (ind->n - at) * sizeof *ind->values);
    ind->periods[at] = period;
    ind->values[at] = value;
    ind->n++;
    p->tracking->n_values++;
    return AIROI_OK;
}

AIROI_API int airoi_project_add_indicator_value(airoi_project *p, const char *name,
                                                int32_t period, double value)
{
    AIROI__ENTER();
    return airoi__project_add_indicator_value(p, name, period, value);
}

size_t airoi__project_count_indicators(const airoi_project *p)
{
    return p && p->tracking ? p->tracking->n_indicators : 0;
}

AIROI_API size_t airoi_project_count_indicators(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_count_indicators(p);
}

static const airoi__indicator *indicator_at(const airoi_project *p, size_t i, const char *fn)
{
    if (!p) {
        airoi__error(AIROI_ERR_INVALID, "%s: NULL project", fn);
        return NULL;
    }
    if (i >= airoi__project_count_indicators(p)) {
        airoi__error(AIROI_ERR_RANGE, "%s: indicator %zu: the project has %zu", fn, i,
                     airoi__project_count_indicators(p));
        return NULL;
    }
    return &p->tracking->indicators[i];
}

int airoi__project_get_indicator(const char **name, airoi_indicator_direction *direction,
                                 double *target, double *at_risk, double *off_track, int *set,
                                 const airoi_project *p, size_t i)
{
    const airoi__indicator *ind = indicator_at(p, i, "airoi_project_get_indicator");
    if (!ind)
        return p ? AIROI_ERR_RANGE : AIROI_ERR_INVALID;
    if (name)
        *name = ind->name;
    if (direction)
        *direction = (airoi_indicator_direction)ind->direction;
    if (target)
        *target = ind->target;
    if (at_risk)
        *at_risk = ind->at_risk;
    if (off_track)
        *off_track = ind->off_track;
    if (set)
        *set = ind->set;
    return AIROI_OK;
}

AIROI_API int airoi_project_get_indicator(const char **name, airoi_indicator_direction *direction,
                                          double *target, double *at_risk, double *off_track,
                                          int *set, const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_indicator(name, direction, target, at_risk, off_track, set, p, i);
}

size_t airoi__project_count_indicator_values(const airoi_project *p, size_t i)
{
    return i < airoi__project_count_indicators(p) ? p->tracking->indicators[i].n : 0;
}

AIROI_API size_t airoi_project_count_indicator_values(const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_count_indicator_values(p, i);
}

int airoi__project_get_indicator_value(int32_t *period, double *value, const airoi_project *p,
                                       size_t i, size_t j)
{
    const airoi__indicator *ind = indicator_at(p, i, "airoi_project_get_indicator_value");
    if (!ind)
        return p ? AIROI_ERR_RANGE : AIROI_ERR_INVALID;
    if (j >= ind->n)
        return airoi__error(AIROI_ERR_RANGE, "indicator '%s': value %zu: it has %zu", ind->name,
                            j, ind->n);
    if (period)
        *period = ind->periods[j];
    if (value)
        *value = ind->values[j];
    return AIROI_OK;
}

AIROI_API int airoi_project_get_indicator_value(int32_t *period, double *value,
                                                const airoi_project *p, size_t i, size_t j)
{
    AIROI__ENTER();
    return airoi__project_get_indicator_value(period, value, p, i, j);
}

/* ---- criteria --------------------------------------------------------------------- */

int airoi__project_add_criterion(airoi_project *p, size_t stage, const char *indicator, int kind,
                                 double threshold, int32_t for_periods)
{
    if (!p || !indicator)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_criterion: NULL argument");
    if (stage >= p->n_stages)
        return airoi__error(AIROI_ERR_RANGE, "criterion: stage %zu: the project has %zu stages",
                            stage, p->n_stages);
    const char *sname = p->stages[stage].name;
    if (!airoi__indicator_named(p->tracking, indicator))
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "stage '%s': criterion: indicator: no indicator is named '%s'",
                            sname, indicator);
    if (kind != AIROI_CRITERION_AT_LEAST && kind != AIROI_CRITERION_AT_MOST)
        return airoi__error(AIROI_ERR_INVALID,
                            "stage '%s': criterion: expected at_least or at_most", sname);
    if (!isfinite(threshold))
        return airoi__error(AIROI_ERR_INVALID,
                            "stage '%s': criterion on '%s': the threshold is not finite", sname,
                            indicator);
    if (for_periods < 1 || for_periods > AIROI__CRITERION_PERIODS_MAX) /* the loader's words */
        return airoi__error(AIROI_ERR_INVALID,
                            "stage '%s': criterion on '%s': for_periods: expected a whole "
                            "number of periods in 1..%d; got %ld",
                            sname, indicator, AIROI__CRITERION_PERIODS_MAX, (long)for_periods);
    airoi__tracking_def *t = p->tracking;
    if (t->n_criteria >= (size_t)AIROI_CRITERIA_MAX)
        return airoi__error(AIROI_ERR_LIMIT,
                            "stage '%s': criterion on '%s': more than %d gate criteria, the limit",
                            sname, indicator, AIROI_CRITERIA_MAX);
    int rc = airoi__grow((void **)&t->criteria, &t->cap_criteria, t->n_criteria,
                         sizeof *t->criteria);
    if (rc)
        return rc;
    char *name = airoi__strdup(indicator);
    if (!name)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    t->criteria[t->n_criteria++] = (airoi__criterion){stage, name, kind, threshold, for_periods};
    return AIROI_OK;
}

AIROI_API int airoi_project_add_criterion(airoi_project *p, size_t stage, const char *indicator,
                                          airoi_criterion_kind kind, double threshold,
                                          int32_t for_periods)
{
    AIROI__ENTER();
    return airoi__project_add_criterion(p, stage, indicator, (int)kind, threshold, for_periods);
}

void airoi__criteria_stage_removed(airoi_project *p, size_t stage)
{
    airoi__tracking_def *t = p ? p->tracking : NULL;
    if (!t)
        return;
    size_t k = 0;
    for (size_t i = 0; i < t->n_criteria; i++) {
        airoi__criterion c = t->criteria[i];
        if (c.stage == stage) {
            airoi__free(c.indicator);
            continue;
        }
        if (c.stage > stage)
            c.stage--;
        t->criteria[k++] = c;
    }
    t->n_criteria = k;
}

size_t airoi__project_count_criteria(const airoi_project *p, size_t stage)
{
    size_t n = 0;
    const airoi__tracking_def *t = p ? p->tracking : NULL;
    for (size_t i = 0; t && i < t->n_criteria; i++)
        n += t->criteria[i].stage == stage;
    return n;
}

AIROI_API size_t airoi_project_count_criteria(const airoi_project *p, size_t stage)
{
    AIROI__ENTER();
    return airoi__project_count_criteria(p, stage);
}

int airoi__project_get_criterion(const char **indicator, airoi_criterion_kind *kind,
                                 double *threshold, int32_t *for_periods, const airoi_project *p,
                                 size_t stage, size_t j)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_criterion: NULL project");
    const airoi__tracking_def *t = p->tracking;
    size_t seen = 0;
    for (size_t i = 0; t && i < t->n_criteria; i++) {
        const airoi__criterion *c = &t->criteria[i];
        if (c->stage != stage || seen++ != j)
            continue;
        if (indicator)
            *indicator = c->indicator;
        if (kind)
            *kind = (airoi_criterion_kind)c->kind;
        if (threshold)
            *threshold = c->threshold;
        if (for_periods)
            *for_periods = c->for_periods;
        return AIROI_OK;
    }
    return airoi__error(AIROI_ERR_RANGE, "criterion %zu of stage %zu: it has %zu", j, stage,
                        seen);
}

AIROI_API int airoi_project_get_criterion(const char **indicator, airoi_criterion_kind *kind,
                                          double *threshold, int32_t *for_periods,
                                          const airoi_project *p, size_t stage, size_t j)
{
    AIROI__ENTER();
    return airoi__project_get_criterion(indicator, kind, threshold, for_periods, p, stage, j);
}
