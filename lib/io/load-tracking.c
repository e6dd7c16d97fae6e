/*
 * lib/io/load-tracking.c: the tracking sections of a model file (io layer):
 * `actuals`, `tracking`, `indicators` and the `criteria` of stages
 * (docs/model-format.md#tracking). Each value is checked where it stands;
 * the project is built through the model's setters, which check again.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "load-private.h"
#include "tracking-private.h"

/* A whole number in [lo, hi] at n, or a diagnostic. */
static int get_period(loader *L, const ynode *n, const char *path, int32_t lo, int32_t hi,
                      const char *range, int32_t *out)
{
    double x;
    if (!airoi__yget_num(L, n, path, &x))
        return 0;
    if (x != floor(x) || x < lo || x > hi) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: period %s is outside %s", path, NUMTXT(x),
                     range);
        return 0;
    }
    *out = (int32_t)x;
    return 1;
}

/* A setter's refusal of an indicator's value at n: the setter's words
 * without their "indicator 'NAME': " (the path names the indicator). */
static void indicator_failed(loader *L, int rc, const ynode *n, const char *base, const char *name)
{
    char prefix[AIROI_NAME_MAX + 32];
    snprintf(prefix, sizeof prefix, "indicator '%s': ", name);
    const char *msg = airoi__error_get();
    if (rc == AIROI_ERR_NOMEM || strncmp(msg, prefix, strlen(prefix)) != 0) {
        airoi__ysetter_failed(L, rc, n, base);
        return;
    }
    airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: %s", base, msg + strlen(prefix));
}

/* ---- actuals ------------------------------------------------------------------------- */

enum { AK_PERIOD, AK_ITEM, AK_AMOUNT, AK_COUNT };
static const char *const actual_keys[AK_COUNT] = {"period", "item", "amount"};

void airoi__yload_actuals(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "actuals",
                           "a sequence of actuals (each {period: t, item: NAME, amount: a})");
        return;
    }
    int32_t H = L->p->horizon;
    char range[64];
    snprintf(range, sizeof range, "the horizon 0..%d", (int)H);
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *an = n->kids[i];
        char base[48], path[96];
        snprintf(base, sizeof base, "actuals[%zu]", i);
        const ynode *v[AK_COUNT], *k[AK_COUNT];
        if (!airoi__ycollect(L, an, base, actual_keys, AK_COUNT, v, k))
            continue;
        int ok = 1;
        for (int f = 0; f < AK_COUNT; f++) {
            if (!v[f]) {
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(an), "%s: missing required key '%s'", base,
                             actual_keys[f]);
                ok = 0;
            }
        }
        if (!ok)
            continue;
        int32_t t = 0;
        const char *item = NULL;
        double amount = 0;
        if (!get_period(L, v[AK_PERIOD], airoi__ypath(path, sizeof path, base, "period"), 0, H,
                        range, &t))
            ok = 0;
        if (!airoi__yget_str(L, v[AK_ITEM], airoi__ypath(path, sizeof path, base, "item"), &item)) {
            ok = 0;
        } else if (!airoi__smap_get(&L->names, item, strlen(item))) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[AK_ITEM]),
                         "%s: no cost or value item is named '%s'", path, item);
            ok = 0;
        }
        if (!airoi__yget_num(L, v[AK_AMOUNT], airoi__ypath(path, sizeof path, base, "amount"),
                             &amount))
            ok = 0;
        if (!ok || !airoi__project_item_named(L->p, item))
            continue;
        int rc = airoi__project_add_actual(L->p, t, item, amount);
        if (rc)
            airoi__ysetter_failed(L, rc, an, base);
    }
}

/* ---- tracking ------------------------------------------------------------------------ */

enum { TK_AS_OF, TK_GATES_AS_OF, TK_COUNT };
static const char *const tracking_keys[TK_COUNT] = {"as_of", "gates_as_of"};

void airoi__yload_tracking(loader *L, const ynode *n, int32_t last_stage_period)
{
    if (airoi__yis_null(L, n))
        return;
    const ynode *v[TK_COUNT], *k[TK_COUNT];
    if (!airoi__ycollect(L, n, "tracking", tracking_keys, TK_COUNT, v, k))
        return;
    char range[80];
    int32_t t;
    if (v[TK_AS_OF] && !airoi__yis_null(L, v[TK_AS_OF])) {
        snprintf(range, sizeof range, "the horizon 0..%d", (int)L->p->horizon);
        if (get_period(L, v[TK_AS_OF], "tracking.as_of", 0, L->p->horizon, range, &t))
            airoi__project_set_tracking(L->p, AIROI_TRACKING_PARAM_AS_OF, t);
    }
    if (v[TK_GATES_AS_OF] && !airoi__yis_null(L, v[TK_GATES_AS_OF])) {
        snprintf(range, sizeof range, "0..%d (%s)", (int)last_stage_period,
                 last_stage_period > L->p->horizon ? "the stage plan" : "the horizon");
        if (get_period(L, v[TK_GATES_AS_OF], "tracking.gates_as_of", 0, last_stage_period, range,
                       &t))
            airoi__project_set_tracking(L->p, AIROI_TRACKING_PARAM_GATES_AS_OF, t);
    }
}

/* Actuals after `tracking.as_of` are kept but not used until as_of reaches them. */
void airoi__ycheck_actuals(loader *L, const ynode *n)
{
    double as_of;
    if (!n || n->kind != YN_SEQ ||
        airoi__project_get_tracking(&as_of, L->p, AIROI_TRACKING_PARAM_AS_OF) != AIROI_OK)
        return;
    for (size_t i = 0; i < n->n; i++) {
        const ynode *an = n->kids[i];
        for (size_t j = 0; an->kind == YN_MAP && j + 1 < an->n; j += 2) {
            const ynode *kn = an->kids[j], *vn = an->kids[j + 1];
            double t;
            if (kn->kind != YN_SCALAR || strcmp(airoi__ytext(L, kn), "period") != 0 ||
                vn->kind != YN_SCALAR)
                continue;
            int ok = 0;
            t = airoi__strtod_c(airoi__ytext(L, vn), vn->len, &ok);
            if (ok && t > as_of)
                airoi__ydiag(L, AIROI__DIAG_WARNING, AT(vn),
                             "warning: actuals[%zu].period: period %s is after tracking.as_of %s: "
                             "this actual is not used until as_of reaches it",
                             i, NUMTXT(t), NUMTXT(as_of));
        }
    }
}

/* ---- indicators ---------------------------------------------------------------------- */

enum {
    IK_NAME,
    IK_DIRECTION,
    IK_TARGET,
    IK_AT_RISK_BELOW,
    IK_OFF_TRACK_BELOW,
    IK_AT_RISK_ABOVE,
    IK_OFF_TRACK_ABOVE,
    IK_VALUES,
    IK_COUNT
};
static const char *const indicator_keys[IK_COUNT] = {
    "name",           "direction",     "target",          "at_risk_below",
    "off_track_below", "at_risk_above", "off_track_above", "values"};

static int direction_from_name(int *out, const char *name)
{
    if (strcmp(name, "up") == 0)
        *out = AIROI_DIRECTION_UP;
    else if (strcmp(name, "down") == 0)
        *out = AIROI_DIRECTION_DOWN;
    else
        return airoi__error(AIROI_ERR_INVALID, "unknown direction '%s'; expected up or down",
                            name);
    return AIROI_OK;
}

static void load_values(loader *L, const ynode *n, const char *base, const char *name,
                        int32_t last, const char *range)
{
    char path[128];
    airoi__ypath(path, sizeof path, base, "values");
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_MAP) {
        airoi__ytype_error(L, n, path, "a mapping from period to value ({1: 0.2, 2: 0.41})");
        return;
    }
    for (size_t i = 0; i + 1 < n->n && !L->stop; i += 2) {
        const ynode *kn = n->kids[i], *vn = n->kids[i + 1];
        int32_t t;
        double x;
        char at[160];
        if (!get_period(L, kn, path, 0, last, range, &t))
            continue;
        snprintf(at, sizeof at, "%s[%d]", path, (int)t);
        if (!airoi__yget_num(L, vn, at, &x))
            continue;
        int rc = airoi__project_add_indicator_value(L->p, name, t, x);
        if (rc)
            airoi__ysetter_failed(L, rc, kn, at);
    }
}

void airoi__yload_indicators(loader *L, const ynode *n, int32_t last_stage_period)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "indicators",
                           "a sequence of indicators (each with name, target and values)");
        return;
    }
    char range[80];
    snprintf(range, sizeof range, "0..%d (%s)", (int)last_stage_period,
             last_stage_period > L->p->horizon ? "the stage plan" : "the horizon");
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *in = n->kids[i];
        char base[48], path[96];
        snprintf(base, sizeof base, "indicators[%zu]", i);
        if (i >= (size_t)AIROI_INDICATORS_MAX) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, AT(in), "%s: more than %d indicators, the limit",
                         base, AIROI_INDICATORS_MAX);
            L->stop = 1;
            return;
        }
        const ynode *v[IK_COUNT], *k[IK_COUNT];
        if (!airoi__ycollect(L, in, base, indicator_keys, IK_COUNT, v, k))
            continue;
        int ok = 1;
        const char *name = NULL;
        double target = 0;
        int direction = AIROI_DIRECTION_UP;
        if (!v[IK_NAME]) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(in), "%s: missing required key 'name'", base);
            ok = 0;
        } else if (!airoi__yget_str(L, v[IK_NAME], airoi__ypath(path, sizeof path, base, "name"),
                                    &name)) {
            ok = 0;
        }
        if (!v[IK_TARGET]) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(in), "%s: missing required key 'target'", base);
            ok = 0;
        } else if (!airoi__yget_num(L, v[IK_TARGET],
                                    airoi__ypath(path, sizeof path, base, "target"), &target)) {
            ok = 0;
        }
        if (v[IK_DIRECTION]) {
            const char *d = NULL;
            if (!airoi__yget_str(L, v[IK_DIRECTION],
                                 airoi__ypath(path, sizeof path, base, "direction"), &d)) {
                ok = 0;
            } else if (direction_from_name(&direction, d)) {
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[IK_DIRECTION]),
                             "%s: unknown direction '%s'; expected up or down", path, d);
                ok = 0;
            }
        }
        /* the thresholds of the other direction do not belong here */
        int up = direction == AIROI_DIRECTION_UP;
        int wrong[2] = {up ? IK_AT_RISK_ABOVE : IK_AT_RISK_BELOW,
                        up ? IK_OFF_TRACK_ABOVE : IK_OFF_TRACK_BELOW};
        for (int w = 0; w < 2; w++) {
            if (v[wrong[w]]) {
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(k[wrong[w]]),
                             "%s: '%s' is for direction %s; this indicator has direction %s "
                             "(use '%s')",
                             base, indicator_keys[wrong[w]], up ? "down" : "up",
                             up ? "up" : "down", indicator_keys[wrong[w] + (up ? -2 : 2)]);
                ok = 0;
            }
        }
        if (!ok)
            continue;
        int rc = airoi__project_add_indicator(L->p, name, direction, target);
        if (rc) {
            indicator_failed(L, rc, v[IK_NAME], base, name);
            continue;
        }
        int keys[2] = {up ? IK_AT_RISK_BELOW : IK_AT_RISK_ABOVE,
                       up ? IK_OFF_TRACK_BELOW : IK_OFF_TRACK_ABOVE};
        int statuses[2] = {AIROI_INDICATOR_AT_RISK, AIROI_INDICATOR_OFF_TRACK};
        for (int f = 0; f < 2; f++) {
            double x;
            if (!v[keys[f]] ||
                !airoi__yget_num(L, v[keys[f]],
                                 airoi__ypath(path, sizeof path, base, indicator_keys[keys[f]]),
                                 &x))
                continue;
            rc = airoi__project_set_indicator_threshold(L->p, name, statuses[f], x);
            if (rc)
                indicator_failed(L, rc, v[keys[f]], base, name);
        }
        if (!v[keys[0]] && !v[keys[1]])
            airoi__ydiag(L, AIROI__DIAG_WARNING, AT(in),
                         "warning: %s: indicator '%s' has no threshold (%s, %s): every value "
                         "reads on_track",
                         base, name, indicator_keys[keys[0]], indicator_keys[keys[1]]);
        if (v[IK_VALUES])
            load_values(L, v[IK_VALUES], base, name, last_stage_period, range);
    }
}

/* ---- criteria of the stages -------------------------------------------------------------- */

enum { CK_INDICATOR, CK_AT_LEAST, CK_AT_MOST, CK_FOR_PERIODS, CK_COUNT };
static const char *const criterion_keys[CK_COUNT] = {"indicator", "at_least", "at_most",
                                                     "for_periods"};

static void load_criteria(loader *L, const ynode *n, size_t stage, const char *sbase)
{
    char cbase[96], base[128], path[160];
    airoi__ypath(cbase, sizeof cbase, sbase, "criteria");
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, cbase,
                           "a sequence of criteria (each {indicator: NAME, at_least: x, "
                           "for_periods: n})");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *cn = n->kids[i];
        snprintf(base, sizeof base, "%s[%zu]", cbase, i);
        const ynode *v[CK_COUNT], *k[CK_COUNT];
        if (!airoi__ycollect(L, cn, base, criterion_keys, CK_COUNT, v, k))
            continue;
        int ok = 1;
        const char *ind = NULL;
        if (!v[CK_INDICATOR]) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(cn), "%s: missing required key 'indicator'",
                         base);
            ok = 0;
        } else if (!airoi__yget_str(L, v[CK_INDICATOR],
                                    airoi__ypath(path, sizeof path, base, "indicator"), &ind)) {
            ok = 0;
        } else if (!airoi__indicator_named(airoi__project_tracking(L->p), ind)) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[CK_INDICATOR]), "%s: no indicator is named '%s'",
                         path, ind);
            ok = 0;
        }
        int kind = v[CK_AT_MOST] ? AIROI_CRITERION_AT_MOST : AIROI_CRITERION_AT_LEAST;
        const ynode *tn = v[CK_AT_MOST] ? v[CK_AT_MOST] : v[CK_AT_LEAST];
        if (v[CK_AT_LEAST] && v[CK_AT_MOST]) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(k[CK_AT_MOST]),
                         "%s: give at_least or at_most, not both", base);
            ok = 0;
        } else if (!tn) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(cn),
                         "%s: missing the threshold: 'at_least' or 'at_most'", base);
            ok = 0;
        }
        double thr = 0, np = 1;
        if (tn && !airoi__yget_num(L, tn,
                                   airoi__ypath(path, sizeof path, base,
                                                criterion_keys[kind == AIROI_CRITERION_AT_MOST
                                                                   ? CK_AT_MOST
                                                                   : CK_AT_LEAST]),
                                   &thr))
            ok = 0;
        if (v[CK_FOR_PERIODS]) {
            airoi__ypath(path, sizeof path, base, "for_periods");
            if (!airoi__yget_num(L, v[CK_FOR_PERIODS], path, &np)) {
                ok = 0;
            } else if (np != floor(np) || np < 1 || np > AIROI__CRITERION_PERIODS_MAX) {
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[CK_FOR_PERIODS]),
                             "%s: expected a whole number of periods in 1..%d; got %s", path,
                             AIROI__CRITERION_PERIODS_MAX, NUMTXT(np));
                ok = 0;
            }
        }
        if (!ok)
            continue;
        int rc = airoi__project_add_criterion(L->p, stage, ind, kind, thr, (int32_t)np);
        if (rc)
            airoi__ysetter_failed(L, rc, cn, base);
    }
}

void airoi__yload_criteria(loader *L, const ynode *stages)
{
    if (!stages || stages->kind != YN_SEQ)
        return;
    size_t ns = airoi__project_count_stages(L->p);
    /* stages that loaded are the first ns; match them by name */
    for (size_t i = 0; i < stages->n && !L->stop; i++) {
        const ynode *sn = stages->kids[i];
        const ynode *crit = NULL, *name = NULL;
        for (size_t j = 0; sn->kind == YN_MAP && j + 1 < sn->n; j += 2) {
            const char *key = airoi__ytext(L, sn->kids[j]);
            if (sn->kids[j]->kind != YN_SCALAR)
                continue;
            if (strcmp(key, "criteria") == 0)
                crit = sn->kids[j + 1];
            else if (strcmp(key, "name") == 0)
                name = sn->kids[j + 1];
        }
        if (!crit || !name || name->kind != YN_SCALAR)
            continue;
        const char *nm = airoi__ytext(L, name);
        for (size_t s = 0; s < ns; s++) {
            const char *sname = airoi__project_get_stage_name(L->p, s);
            if (sname && strcmp(sname, nm) == 0) {
                char sbase[48];
                snprintf(sbase, sizeof sbase, "stages[%zu]", i);
                load_criteria(L, crit, s, sbase);
                break;
            }
        }
    }
}
