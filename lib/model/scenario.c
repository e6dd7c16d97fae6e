/*
 * lib/model/scenario.c: scenarios and their multipliers.
 */
#include <math.h>
#include <string.h>

#include "core-private.h"
#include "model-private.h"
#include "rules-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

void airoi__scenario_destroy(airoi_scenario *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_mult; i++)
        airoi__free(s->mult[i].target);
    airoi__free(s->mult);
    airoi__free(s->name);
    airoi__free(s);
}

airoi_scenario *airoi__scenario_copy(const airoi_scenario *src, airoi_project *owner)
{
    airoi_scenario *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->owner = owner;
    s->probability = src->probability;
    s->delay = src->delay;
    s->ceiling = src->ceiling;
    s->set = src->set;
    s->name = airoi__strdup(src->name);
    if (!s->name) {
        airoi__scenario_destroy(s);
        return NULL;
    }
    if (src->n_mult) {
        s->mult = airoi__calloc(src->n_mult, sizeof *s->mult);
        if (!s->mult) {
            airoi__scenario_destroy(s);
            return NULL;
        }
        s->cap_mult = src->n_mult;
        for (size_t i = 0; i < src->n_mult; i++) {
            s->mult[i].target = airoi__strdup(src->mult[i].target);
            if (!s->mult[i].target) {
                airoi__scenario_destroy(s);
                return NULL;
            }
            s->mult[i].factor = src->mult[i].factor;
            s->n_mult = i + 1;
        }
    }
    return s;
}

static long scenario_index(const airoi_project *p, const char *name)
{
    for (size_t i = 0; i < p->n_scenarios; i++)
        if (strcmp(p->scenarios[i]->name, name) == 0)
            return (long)i;
    return -1;
}

int airoi__project_add_scenario(airoi_scenario **out, airoi_project *p,
                                const char *name, double probability)
{
    if (out)
        *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_scenario: NULL project");
    int rc = airoi__check_name(name, "scenario name");
    if (rc)
        return rc;
    char why[256];
    rc = airoi__rule_check(airoi__scenario_rule(AIROI_SCENARIO_PROBABILITY), probability, why,
                           sizeof why);
    if (rc)
        return airoi__error(rc, "scenario '%s': probability: %s", name, why);
    if (scenario_index(p, name) >= 0)
        return airoi__error(AIROI_ERR_INVALID, "scenario '%s': name: duplicate scenario name '%s'",
                            name, name);
    if (p->n_scenarios >= (size_t)AIROI_SCENARIOS_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "project '%s' already has %d scenarios, the limit",
                            p->name, AIROI_SCENARIOS_MAX);
    rc = airoi__grow((void **)&p->scenarios, &p->cap_scenarios, p->n_scenarios,
                     sizeof *p->scenarios);
    if (rc)
        return rc;
    airoi_scenario *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    s->name = airoi__strdup(name);
    if (!s->name) {
        airoi__free(s);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    s->owner = p;
    s->probability = probability;
    s->ceiling = 1.0;
    s->set = BIT(AIROI_SCENARIO_PROBABILITY);
    p->scenarios[p->n_scenarios++] = s;
    if (out)
        *out = s;
    return AIROI_OK;
}

AIROI_API int airoi_project_add_scenario(airoi_scenario **out, airoi_project *p,
                                         const char *name, double probability)
{
    AIROI__ENTER();
    return airoi__project_add_scenario(out, p, name, probability);
}

size_t airoi__project_count_scenarios(const airoi_project *p)
{
    return p ? p->n_scenarios : 0;
}

AIROI_API size_t airoi_project_count_scenarios(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_count_scenarios(p);
}

const airoi_scenario *airoi__project_get_scenario(const airoi_project *p, size_t i)
{
    if (!p || i >= p->n_scenarios)
        return NULL;
    return p->scenarios[i];
}

AIROI_API const airoi_scenario *airoi_project_get_scenario(const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_scenario(p, i);
}

airoi_scenario *airoi__project_get_scenario_mutable(airoi_project *p, size_t i)
{
    if (!p || i >= p->n_scenarios)
        return NULL;
    return p->scenarios[i];
}

AIROI_API airoi_scenario *airoi_project_get_scenario_mutable(airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_scenario_mutable(p, i);
}

int airoi__project_find_scenario(size_t *index_out, const airoi_project *p,
                                 const char *name)
{
    if (!p || !name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_find_scenario: NULL argument");
    long i = scenario_index(p, name);
    if (i < 0)
        return airoi__error(AIROI_ERR_NOT_FOUND, "no scenario named '%s'", name);
    if (index_out)
        *index_out = (size_t)i;
    return AIROI_OK;
}

AIROI_API int airoi_project_find_scenario(size_t *index_out, const airoi_project *p,
                                          const char *name)
{
    AIROI__ENTER();
    return airoi__project_find_scenario(index_out, p, name);
}

int airoi__project_remove_scenario(airoi_project *p, size_t i)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_remove_scenario: NULL project");
    if (i >= p->n_scenarios)
        return airoi__error(AIROI_ERR_NOT_FOUND, "scenario index %zu past the end (%zu)", i,
                            p->n_scenarios);
    airoi__scenario_destroy(p->scenarios[i]);
    memmove(p->scenarios + i, p->scenarios + i + 1,
            (p->n_scenarios - i - 1) * sizeof *p->scenarios);
    p->n_scenarios--;
    return AIROI_OK;
}

AIROI_API int airoi_project_remove_scenario(airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_remove_scenario(p, i);
}

const char *airoi__scenario_get_name(const airoi_scenario *s)
{
    return s ? s->name : NULL;
}

AIROI_API const char *airoi_scenario_get_name(const airoi_scenario *s)
{
    AIROI__ENTER();
    return airoi__scenario_get_name(s);
}

int airoi__scenario_set_number(airoi_scenario *s, airoi_scenario_param param, double v)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_scenario_set_number: NULL scenario");
    const airoi__rule *r = airoi__scenario_rule(param);
    if (!r) {
        char why[200];
        airoi__enum_reason(why, sizeof why, (int)param, AIROI_SCENARIO_PROBABILITY);
        return airoi__error(AIROI_ERR_INVALID, "scenario '%s': param: %s", s->name, why);
    }
    char why[256];
    int rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc)
        return airoi__error(rc, "scenario '%s': %s: %s", s->name, r->key, why);
    switch (param) {
    case AIROI_SCENARIO_PROBABILITY: s->probability = v; break;
    case AIROI_SCENARIO_DELAY: s->delay = (int32_t)v; break;
    case AIROI_SCENARIO_ADOPTION_CEILING: s->ceiling = v; break;
    default: return airoi__error(AIROI_ERR_INTERNAL, "unhandled scenario parameter %d", param);
    }
    s->set |= BIT(param);
    return AIROI_OK;
}

AIROI_API int airoi_scenario_set_number(airoi_scenario *s, airoi_scenario_param param, double v)
{
    AIROI__ENTER();
    return airoi__scenario_set_number(s, param, v);
}

int airoi__scenario_get_number(double *out, const airoi_scenario *s, airoi_scenario_param param)
{
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_scenario_get_number: NULL argument");
    switch (param) {
    case AIROI_SCENARIO_PROBABILITY: *out = s->probability; break;
    case AIROI_SCENARIO_DELAY: *out = s->delay; break;
    case AIROI_SCENARIO_ADOPTION_CEILING: *out = s->ceiling; break;
    default: {
        char why[200];
        airoi__enum_reason(why, sizeof why, (int)param, AIROI_SCENARIO_PROBABILITY);
        return airoi__error(AIROI_ERR_INVALID, "scenario '%s': param: %s", s->name, why);
    }
    }
    return AIROI_OK;
}

AIROI_API int airoi_scenario_get_number(double *out, const airoi_scenario *s,
                                        airoi_scenario_param param)
{
    AIROI__ENTER();
    return airoi__scenario_get_number(out, s, param);
}

int airoi__scenario_is_set(const airoi_scenario *s, airoi_scenario_param param)
{
    if (!s ||
        airoi__enum_check((int)param, AIROI_SCENARIO_PROBABILITY, "scenario param") != AIROI_OK)
        return 0;
    return (s->set & BIT(param)) != 0;
}

AIROI_API int airoi_scenario_is_set(const airoi_scenario *s, airoi_scenario_param param)
{
    AIROI__ENTER();
    return airoi__scenario_is_set(s, param);
}

int airoi__scenario_add_multiplier(airoi_scenario *s, const char *target, double factor)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_scenario_add_multiplier: NULL scenario");
    int rc = airoi__check_name(target, "multiplier target");
    if (rc)
        return rc;
    char why[256];
    if (airoi__rule_check(&airoi__rule_multiplier, factor, why, sizeof why) != AIROI_OK)
        return airoi__error(AIROI_ERR_INVALID, "scenario '%s': multipliers.%s: %s", s->name,
                            target, why);
    for (size_t i = 0; i < s->n_mult; i++) {
        if (strcmp(s->mult[i].target, target) == 0) {
            s->mult[i].factor = factor;
            return AIROI_OK;
        }
    }
    if (s->n_mult >= (size_t)AIROI_MULTIPLIERS_MAX)
        return airoi__error(AIROI_ERR_LIMIT,
                            "scenario '%s': multipliers.%s: more than %d multipliers, the limit",
                            s->name, target, AIROI_MULTIPLIERS_MAX);
    rc = airoi__grow((void **)&s->mult, &s->cap_mult, s->n_mult, sizeof *s->mult);
    if (rc)
        return rc;
    char *d = airoi__strdup(target);
    if (!d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    s->mult[s->n_mult].target = d;
    s->mult[s->n_mult].factor = factor;
    s->n_mult++;
    return AIROI_OK;
}

AIROI_API int airoi_scenario_add_multiplier(airoi_scenario *s, const char *target, double factor)
{
    AIROI__ENTER();
    return airoi__scenario_add_multiplier(s, target, factor);
}

size_t airoi__scenario_count_multipliers(const airoi_scenario *s)
{
    return s ? s->n_mult : 0;
}

AIROI_API size_t airoi_scenario_count_multipliers(const airoi_scenario *s)
{
    AIROI__ENTER();
    return airoi__scenario_count_multipliers(s);
}

int airoi__scenario_get_multiplier(const char **target, double *factor,
                                   const airoi_scenario *s, size_t i)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_scenario_get_multiplier: NULL scenario");
    if (i >= s->n_mult)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "scenario '%s': multiplier index %zu past the end (%zu)", s->name, i,
                            s->n_mult);
    if (target)
        *target = s->mult[i].target;
    if (factor)
        *factor = s->mult[i].factor;
    return AIROI_OK;
}

AIROI_API int airoi_scenario_get_multiplier(const char **target, double *factor,
                                            const airoi_scenario *s, size_t i)
{
    AIROI__ENTER();
    return airoi__scenario_get_multiplier(target, factor, s, i);
}

int airoi__scenario_remove_multiplier(airoi_scenario *s, size_t i)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_scenario_remove_multiplier: NULL scenario");
    if (i >= s->n_mult)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "scenario '%s': multiplier index %zu past the end (%zu)", s->name, i,
                            s->n_mult);
    airoi__free(s->mult[i].target);
    memmove(s->mult + i, s->mult + i + 1, (s->n_mult - i - 1) * sizeof *s->mult);
    s->n_mult--;
    return AIROI_OK;
}

AIROI_API int airoi_scenario_remove_multiplier(airoi_scenario *s, size_t i)
{
    AIROI__ENTER();
    return airoi__scenario_remove_multiplier(s, i);
}
