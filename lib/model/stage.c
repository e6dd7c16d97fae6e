/*
 * lib/model/stage.c: the stages of a staged investment (each with its
 * cost, duration and the probability of passing its gate), in the order
 * they run.
 */
#include <string.h>

#include "airoi/uncertainty.h"
#include "core-private.h"
#include "model-private.h"
#include "rules-private.h"
#include "tracking-private.h"

#define SBIT(param) (1u << (unsigned)((param) - AIROI_STAGE_NAME))

void airoi__stage_clear(airoi__stage_def *s)
{
    airoi__free(s->name);
    s->name = NULL;
}

/* The rule of a numeric stage parameter; NULL with the error set otherwise. */
static const airoi__rule *number_rule(const char *stage, int param)
{
    const airoi__rule *r = airoi__stage_rule(param);
    if (!r) {
        char why[200];
        airoi__enum_reason(why, sizeof why, param, AIROI_STAGE_NAME);
        airoi__error(AIROI_ERR_INVALID, "stage '%s': param: %s", stage, why);
        return NULL;
    }
    if (r->type == AIROI__PT_STRING) {
        airoi__error(AIROI_ERR_INVALID, "stage '%s': parameter %s is a string parameter", stage,
                     r->key);
        return NULL;
    }
    return r;
}

static int check(const char *stage, int param, double v)
{
    const airoi__rule *r = number_rule(stage, param);
    if (!r)
        return AIROI_ERR_INVALID;
    char why[256];
    int rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc)
        return airoi__error(rc, "stage '%s': %s: %s", stage, r->key, why);
    return AIROI_OK;
}

int airoi__project_add_stage(airoi_project *p, const char *name, double cost, int32_t periods,
                             double success_probability)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_stage: NULL project");
    int rc = airoi__check_name(name, "stage name");
    if (rc)
        return rc;
    if ((rc = check(name, AIROI_STAGE_COST, cost)) ||
        (rc = check(name, AIROI_STAGE_PERIODS, (double)periods)) ||
        (rc = check(name, AIROI_STAGE_SUCCESS_PROBABILITY, success_probability)))
        return rc;
    if (p->n_stages >= (size_t)AIROI_STAGES_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "project '%s' already has %d stages, the limit",
                            p->name, AIROI_STAGES_MAX);
    rc = airoi__grow((void **)&p->stages, &p->cap_stages, p->n_stages, sizeof *p->stages);
    if (rc)
        return rc;
    char *d = airoi__strdup(name);
    if (!d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    airoi__stage_def *s = &p->stages[p->n_stages++];
    s->name = d;
    s->cost = cost;
    s->periods = periods;
    s->probability = success_probability;
    s->set = SBIT(AIROI_STAGE_NAME) | SBIT(AIROI_STAGE_COST) | SBIT(AIROI_STAGE_PERIODS) |
             SBIT(AIROI_STAGE_SUCCESS_PROBABILITY);
    return AIROI_OK;
}

AIROI_API int airoi_project_add_stage(airoi_project *p, const char *name, double cost,
                                      int32_t periods, double success_probability)
{
    AIROI__ENTER();
    return airoi__project_add_stage(p, name, cost, periods, success_probability);
}

void airoi__stage_unset_probability(airoi_project *p, size_t i)
{
    if (p && i < p->n_stages) {
        p->stages[i].probability = 1.0;
        p->stages[i].set &= ~SBIT(AIROI_STAGE_SUCCESS_PROBABILITY);
    }
}

size_t airoi__project_count_stages(const airoi_project *p)
{
    return p ? p->n_stages : 0;
}

AIROI_API size_t airoi_project_count_stages(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_count_stages(p);
}

static int stage_at(const airoi_project *p, size_t i, const char *fn)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL project", fn);
    if (i >= p->n_stages)
        return airoi__error(AIROI_ERR_NOT_FOUND, "stage index %zu past the end (%zu)", i,
                            p->n_stages);
    return AIROI_OK;
}

int airoi__project_get_stage_number(double *out, const airoi_project *p, size_t i,
                                    airoi_stage_param param)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_stage_number: NULL out");
    int rc = stage_at(p, i, "airoi_project_get_stage_number");
    if (rc)
        return rc;
    const airoi__stage_def *s = &p->stages[i];
    const airoi__rule *r = number_rule(s->name, (int)param);
    if (!r)
        return AIROI_ERR_INVALID;
    if (!(s->set & SBIT(param)))
        return airoi__error(AIROI_ERR_NOT_FOUND, "stage '%s' has no %s", s->name, r->key);
    switch (param) {
    case AIROI_STAGE_COST: *out = s->cost; break;
    case AIROI_STAGE_PERIODS: *out = s->periods; break;
    case AIROI_STAGE_SUCCESS_PROBABILITY: *out = s->probability; break;
    case AIROI_STAGE_PRIOR: *out = s->prior; break;
    default:
        return airoi__error(AIROI_ERR_INTERNAL, "unhandled stage parameter %s", r->key);
    }
    return AIROI_OK;
}

AIROI_API int airoi_project_get_stage_number(double *out, const airoi_project *p, size_t i,
                                             airoi_stage_param param)
{
    AIROI__ENTER();
    return airoi__project_get_stage_number(out, p, i, param);
}

int airoi__project_set_stage_number(airoi_project *p, size_t i, airoi_stage_param param, double v)
{
    int rc = stage_at(p, i, "airoi_project_set_stage_number");
    if (rc)
        return rc;
    airoi__stage_def *s = &p->stages[i];
    rc = check(s->name, (int)param, v);
    if (rc)
        return rc;
    switch (param) {
    case AIROI_STAGE_COST: s->cost = v; break;
    case AIROI_STAGE_PERIODS: s->periods = (int32_t)v; break;
    case AIROI_STAGE_SUCCESS_PROBABILITY: /* replaces a prior */
        s->probability = v;
        s->prior = 0;
        s->set &= ~SBIT(AIROI_STAGE_PRIOR);
        break;
    case AIROI_STAGE_PRIOR: /* replaces the success probability (docs/methodology.md#gate-priors) */
        s->prior = (int)v;
        s->probability = 1.0;
        s->set &= ~SBIT(AIROI_STAGE_SUCCESS_PROBABILITY);
        break;
    default: return airoi__error(AIROI_ERR_INTERNAL, "unhandled stage parameter 0x%X",
                                 (unsigned)param);
    }
    s->set |= SBIT(param);
    return AIROI_OK;
}

AIROI_API int airoi_project_set_stage_number(airoi_project *p, size_t i, airoi_stage_param param,
                                             double v)
{
    AIROI__ENTER();
    return airoi__project_set_stage_number(p, i, param, v);
}

const char *airoi__project_get_stage_name(const airoi_project *p, size_t i)
{
    return p && i < p->n_stages ? p->stages[i].name : NULL;
}

AIROI_API const char *airoi_project_get_stage_name(const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_stage_name(p, i);
}

int airoi__project_remove_stage(airoi_project *p, size_t i)
{
    int rc = stage_at(p, i, "airoi_project_remove_stage");
    if (rc)
        return rc;
    airoi__stage_clear(&p->stages[i]);
    memmove(p->stages + i, p->stages + i + 1, (p->n_stages - i - 1) * sizeof *p->stages);
    p->n_stages--;
    airoi__criteria_stage_removed(p, i);
    return AIROI_OK;
}

AIROI_API int airoi_project_remove_stage(airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_remove_stage(p, i);
}
