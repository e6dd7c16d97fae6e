/*
 * lib/io/load-scenarios.c: the `scenarios` section of a model file (io
 * layer): names, probabilities, multipliers, delay and adoption ceiling.
 */
#include <stdio.h>
#include <string.h>

#include "airoi/scenario.h"
#include "load-private.h"

/* ---- scenarios ------------------------------------------------------------------------ */

enum { SK_NAME, SK_PROBABILITY, SK_MULTIPLIERS, SK_DELAY, SK_CEILING, SK_COUNT };
static const char *const scenario_keys[SK_COUNT] = {"name", "probability", "multipliers", "delay",
                                                    "adoption_ceiling"};

static void load_multipliers(loader *L, airoi_scenario *sc, const ynode *n, const char *path)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_MAP) {
        airoi__ytype_error(L, n, path, "a mapping of targets to factors (e.g. {values: 1.2})");
        return;
    }
    smap seen = {0};
    for (size_t i = 0; i + 1 < n->n && !L->stop; i += 2) {
        const ynode *key = n->kids[i], *val = n->kids[i + 1];
        const char *t;
        char mpath[192], buf[128];
        if (!airoi__yget_str(L, key, path, &t))
            continue;
        snprintf(mpath, sizeof mpath, "%s.%s", path, airoi__yshow(buf, sizeof buf, t, key->len));
        const ynode *first = airoi__smap_get(&seen, t, key->len);
        if (first) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(key),
                         "%s: duplicate key (first given at line %d, column %d)", mpath,
                         (int)first->line, (int)first->col);
            continue;
        }
        if (airoi__smap_put(&seen, t, key->len, key)) {
            L->nomem = L->stop = 1;
            break;
        }
        /* whether the target exists is the validator's (load_document) */
        double f;
        if (!airoi__yget_param(L, val, mpath, &airoi__rule_multiplier, &f))
            continue;
        if (sc) {
            int rc = airoi__scenario_add_multiplier(sc, t, f);
            if (rc)
                airoi__ysetter_failed(L, rc, val, mpath);
        }
    }
    airoi__smap_free(&seen);
}

void airoi__yload_scenarios(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "scenarios",
                           "a sequence of scenarios (each with name and probability)");
        return;
    }
    L->scenarios_node = n;
    L->scenarios_ok = 1;
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *sn = n->kids[i];
        size_t n_before = L->n_origins[ORIGIN_SCENARIOS], errors_before = L->nerrors;
        char base[48], path[96], buf[128];
        snprintf(base, sizeof base, "scenarios[%zu]", i);
        if (i >= (size_t)AIROI_SCENARIOS_MAX) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, AT(sn), "%s: more than %d scenarios, the limit", base,
                         AIROI_SCENARIOS_MAX);
            L->stop = 1;
            return;
        }
        const ynode *v[SK_COUNT], *k[SK_COUNT];
        if (!airoi__ycollect(L, sn, base, scenario_keys, SK_COUNT, v, k)) {
            L->scenarios_ok = 0;
            continue;
        }
        const char *name = NULL;
        double prob = 0, x;
        int prob_ok = 0;
        if (!v[SK_NAME])
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(sn), "%s: missing required key 'name'", base);
        else if (airoi__yget_str(L, v[SK_NAME], airoi__ypath(path, sizeof path, base, "name"),
                                 &name) &&
                 !*name) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[SK_NAME]), "%s: expected a non-empty name", path);
            name = NULL;
        }
        if (!v[SK_PROBABILITY])
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(sn), "%s: missing required key 'probability'",
                         base);
        else
            prob_ok = airoi__yget_param(L, v[SK_PROBABILITY],
                                        airoi__ypath(path, sizeof path, base, "probability"),
                                        SCENARIO_RULE(PROBABILITY), &prob);
        if (!prob_ok)
            L->scenarios_ok = 0;
        airoi_scenario *sc = NULL;
        if (name) {
            const ynode *first = airoi__smap_get(&L->scen_names, name, strlen(name));
            if (first) {
                airoi__ydiag(L, AIROI_ERR_MODEL, AT(v[SK_NAME]),
                             "%s.name: duplicate scenario name %s (first used at line %d)", base,
                             airoi__yshow(buf, sizeof buf, name, strlen(name)), (int)first->line);
            } else if (airoi__smap_put(&L->scen_names, name, strlen(name), v[SK_NAME])) {
                L->nomem = L->stop = 1;
                return;
            } else if (prob_ok) {
                int rc = airoi__project_add_scenario(&sc, L->p, name, prob);
                if (rc)
                    airoi__ysetter_failed(L, rc, v[SK_NAME],
                                          airoi__ypath(path, sizeof path, base, "name"));
                else
                    airoi__yadd_origin(L, ORIGIN_SCENARIOS, sn, i);
            }
        }
        if (v[SK_MULTIPLIERS])
            load_multipliers(L, sc, v[SK_MULTIPLIERS],
                             airoi__ypath(path, sizeof path, base, "multipliers"));
        if (v[SK_DELAY] &&
            airoi__yget_param(L, v[SK_DELAY], airoi__ypath(path, sizeof path, base, "delay"),
                              SCENARIO_RULE(DELAY), &x) &&
            sc) {
            int rc = airoi__scenario_set_number(sc, AIROI_SCENARIO_DELAY, x);
            if (rc)
                airoi__ysetter_failed(L, rc, v[SK_DELAY], path);
        }
        if (v[SK_CEILING] &&
            airoi__yget_param(L, v[SK_CEILING],
                              airoi__ypath(path, sizeof path, base, "adoption_ceiling"),
                              SCENARIO_RULE(ADOPTION_CEILING), &x) &&
            sc) {
            int rc = airoi__scenario_set_number(sc, AIROI_SCENARIO_ADOPTION_CEILING, x);
            if (rc)
                airoi__ysetter_failed(L, rc, v[SK_CEILING], path);
        }
        airoi__yclose_origin(L, ORIGIN_SCENARIOS, n_before, errors_before);
        if (L->nerrors != errors_before)
            L->scenarios_ok = 0;
    }
}
