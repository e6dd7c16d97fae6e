/*
 * lib/sim/whatif.c: the base case of a project evaluated with one
 * multiplier on one target and an adoption cap, for the tornado and the
 * break-even points. It reuses lib/eval's evaluation of a scenario (the
 * same rules for targets, multipliers and the cap:
 * docs/methodology.md#scenarios) on a private copy of the project.
 */
#include <string.h>

#include "core-private.h"
#include "decide-private.h"
#include "eval-private.h"
#include "model-private.h"

#define WHATIF_SCENARIO "what-if"

int airoi__whatif_init(airoi__whatif *w, const airoi_project *p)
{
    memset(w, 0, sizeof *w);
    int rc = airoi__project_clone(&w->copy, p);
    while (rc == AIROI_OK && w->copy->n_scenarios)
        rc = airoi__project_remove_scenario(w->copy, w->copy->n_scenarios - 1);
    if (rc == AIROI_OK)
        rc = airoi__project_add_scenario(&w->sc, w->copy, WHATIF_SCENARIO, 1.0);
    if (rc)
        airoi__whatif_release(w);
    else
        w->cells = (uint64_t)(p->n_costs + p->n_values) * ((uint64_t)p->horizon + 1) * 2;
    return rc;
}

void airoi__whatif_release(airoi__whatif *w)
{
    airoi__project_free(w->copy);
    w->copy = NULL;
    w->sc = NULL;
}

int airoi__whatif_reserve(const airoi__whatif *w, uint64_t evaluations)
{
    uint64_t left = AIROI__WHATIF_MAX_CELLS - w->spent;
    if (w->cells && evaluations > left / w->cells)
        return airoi__error(AIROI_ERR_LIMIT,
                            "what-if evaluations: %llu more of %llu cells each (items x "
                            "(horizon + 1) x 2) pass the limit of %u cells of one analysis "
                            "(docs/errors.md#limits)",
                            (unsigned long long)evaluations, (unsigned long long)w->cells,
                            AIROI__WHATIF_MAX_CELLS);
    return AIROI_OK;
}

int airoi__whatif_npv(double *npv, airoi__whatif *w, const char *target, double factor,
                      double ceiling)
{
    airoi_scenario *sc = w->sc;
    int rc = airoi__whatif_reserve(w, 1);
    if (rc)
        return rc;
    w->spent += w->cells;
    while (rc == AIROI_OK && sc->n_mult)
        rc = airoi__scenario_remove_multiplier(sc, sc->n_mult - 1);
    if (rc == AIROI_OK && target) {
        /* added at 1 (always valid), then set: a quantile may be negative,
         * which the scenario rule (a factor >= 0) would refuse */
        rc = airoi__scenario_add_multiplier(sc, target, 1.0);
        if (rc == AIROI_OK)
            sc->mult[0].factor = factor;
    }
    if (rc == AIROI_OK)
        rc = airoi__scenario_set_number(sc, AIROI_SCENARIO_ADOPTION_CEILING, ceiling);
    if (rc)
        return rc;
    airoi_result *r = NULL;
    rc = airoi__project_evaluate(&r, w->copy, WHATIF_SCENARIO, 0);
    if (rc == AIROI_OK)
        rc = airoi__result_get_metric(npv, r, AIROI_METRIC_NPV);
    airoi__result_free(r);
    return rc;
}

const char *airoi__uncertainty_label(const airoi__uncertainty *u)
{
    return u->name ? u->name : u->target;
}
