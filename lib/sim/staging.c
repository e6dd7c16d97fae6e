/*
 * lib/sim/staging.c: staged investment with go/no-go gates, by the exact
 * formulas of docs/methodology.md#staging, and the field priors of gate
 * probabilities (docs/methodology.md#gate-priors).
 */
#include <math.h>
#include <string.h>

#include "core-private.h"
#include "decide-private.h"
#include "eval-private.h"
#include "finance-private.h"
#include "model-private.h"

#define STAGING_FIGURE_COUNT 5

#define STAGE_BIT(param) (1u << (unsigned)((param) - AIROI_STAGE_NAME))

struct airoi_staging {
    double figure[STAGING_FIGURE_COUNT]; /* by the index of an airoi_staging_figure */
    struct staging_stage {
        char *name;
        double probability;
        int from_prior;
        double reach;    /* p_0 ... p_(i-1) */
        int32_t start;   /* s_i */
    } *stages;
    size_t n;
    airoi__settings settings; /* the project's, for reports (owns its strings) */
};

/* ---- field priors ---------------------------------------------------------- */

static const char *const prior_names[AIROI__GATE_PRIOR_COUNT] = {"pilot", "in_house", "partner"};
/* docs/methodology.md#gate-priors */
static const double prior_probability[AIROI__GATE_PRIOR_COUNT] = {0.05, 0.33, 0.66};

int airoi__gate_prior_get(double *probability, int prior)
{
    if (!probability)
        return airoi__error(AIROI_ERR_INVALID, "airoi_gate_prior_get: NULL probability");
    int rc = airoi__enum_check(prior, AIROI_PRIOR_PILOT, "gate prior");
    if (rc)
        return rc;
    *probability = prior_probability[AIROI__ENUM_INDEX(prior)];
    return AIROI_OK;
}

AIROI_API int airoi_gate_prior_get(double *probability, airoi_gate_prior prior)
{
    AIROI__ENTER();
    return airoi__gate_prior_get(probability, (int)prior);
}

int airoi__gate_prior_from_name(airoi_gate_prior *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, prior_names, AIROI__GATE_PRIOR_COUNT,
                                   AIROI_PRIOR_PILOT, "prior");
    if (rc)
        return rc;
    *out = (airoi_gate_prior)v;
    return AIROI_OK;
}

AIROI_API int airoi_gate_prior_from_name(airoi_gate_prior *out, const char *name)
{
    AIROI__ENTER();
    return airoi__gate_prior_from_name(out, name);
}

const char *airoi__gate_prior_name(int prior)
{
    return airoi__enum_name(prior, prior_names, AIROI__GATE_PRIOR_COUNT, AIROI_PRIOR_PILOT);
}

AIROI_API const char *airoi_gate_prior_name(airoi_gate_prior prior)
{
    AIROI__ENTER();
    return airoi__gate_prior_name((int)prior);
}

int airoi__stage_gate(double *probability, int *from_prior, const airoi_project *p, size_t i)
{
    const airoi__stage_def *st = &p->stages[i];
    if (st->set & STAGE_BIT(AIROI_STAGE_PRIOR)) {
        *from_prior = 1;
        return airoi__gate_prior_get(probability, st->prior);
    }
    if (st->set & STAGE_BIT(AIROI_STAGE_SUCCESS_PROBABILITY)) {
        *probability = st->probability;
        *from_prior = 0;
        return AIROI_OK;
    }
    return airoi__error(AIROI_ERR_MODEL,
                        "stage '%s' has no success_probability; give one, or a field prior "
                        "(prior: pilot for 0.05, in_house for 0.33, partner for 0.66; "
                        "docs/methodology.md#gate-priors)",
                        st->name ? st->name : "");
}

/* ---- the figures ------------------------------------------------------------- */

void airoi__staging_free(airoi_staging *s)
{
    if (!s)
        return;
    airoi__settings_release(&s->settings);
    for (size_t i = 0; i < s->n; i++)
        airoi__free(s->stages[i].name);
    airoi__free(s->stages);
    airoi__free(s);
}

AIROI_API void airoi_staging_free(airoi_staging *s)
{
    AIROI__ENTER();
    airoi__staging_free(s);
}

const airoi__settings *airoi__staging_get_settings(const airoi_staging *s)
{
    return s ? &s->settings : NULL;
}

/* The base case's figures the formulas need. */
typedef struct base_case {
    double npv, pv_costs, pv_benefits, total_costs, rate;
} base_case;

static int evaluate_base(base_case *b, const airoi_project *p)
{
    airoi_result *r = NULL;
    int rc = airoi__project_evaluate(&r, p, NULL, 0);
    if (rc == AIROI_OK)
        rc = airoi__result_get_metric(&b->npv, r, AIROI_METRIC_NPV);
    if (rc == AIROI_OK)
        rc = airoi__result_get_metric(&b->pv_costs, r, AIROI_METRIC_PV_COSTS);
    if (rc == AIROI_OK)
        rc = airoi__result_get_metric(&b->pv_benefits, r, AIROI_METRIC_PV_BENEFITS);
    if (rc == AIROI_OK)
        rc = airoi__result_get_metric(&b->total_costs, r, AIROI_METRIC_TOTAL_COSTS);
    if (rc == AIROI_OK)
        rc = airoi__schedule_get_rate(&b->rate, airoi__result_get_schedule(r));
    airoi__result_free(r);
    return rc;
}

/* The figures of docs/methodology.md#staging, from the project's stages
 * and its base case. */
static int compute(airoi_staging *s, const airoi_project *p, const base_case *b)
{
    const double lr = log1p(b->rate);
    airoi__sum pv_expected = {0, 0}, pv_all = {0, 0}; /* stage costs, present values */
    airoi__sum cost_expected = {0, 0};                /* stage costs, undiscounted */
    double reach = 1.0;
    int64_t start = 0;
    for (size_t i = 0; i < s->n; i++) {
        const airoi__stage_def *def = &p->stages[i];
        struct staging_stage *st = &s->stages[i];
        int rc = airoi__stage_gate(&st->probability, &st->from_prior, p, i);
        if (rc)
            return rc;
        st->reach = reach;
        st->start = (int32_t)start;
        double pv = def->cost * airoi__compound(lr, -(double)start);
        airoi__sum_add(&pv_expected, reach * pv);
        airoi__sum_add(&pv_all, pv);
        airoi__sum_add(&cost_expected, reach * def->cost);
        reach *= st->probability;
        start += def->periods;
        if (start > INT32_MAX)
            return airoi__error(AIROI_ERR_RANGE, "the stages last %lld periods in all, more "
                                "than the limit of %d", (long long)start, (int)INT32_MAX);
    }
    const double P = reach, df = airoi__compound(lr, -(double)start);
    double *f = s->figure;
    f[AIROI__ENUM_INDEX(AIROI_STAGING_PROB_PRODUCTION)] = P;
    f[AIROI__ENUM_INDEX(AIROI_STAGING_EXPECTED_COST)] = airoi__sum_get(&cost_expected) + P * b->total_costs;
    f[AIROI__ENUM_INDEX(AIROI_STAGING_EXPECTED_NPV)] = -airoi__sum_get(&pv_expected) + P * b->npv * df;
    f[AIROI__ENUM_INDEX(AIROI_STAGING_NPV_ALL_IN)] =
        -airoi__sum_get(&pv_all) + (P * b->pv_benefits - b->pv_costs) * df;
    f[AIROI__ENUM_INDEX(AIROI_STAGING_VALUE_OF_STAGING)] =
        f[AIROI__ENUM_INDEX(AIROI_STAGING_EXPECTED_NPV)] - f[AIROI__ENUM_INDEX(AIROI_STAGING_NPV_ALL_IN)];
    for (int k = 0; k < STAGING_FIGURE_COUNT; k++)
        if (!isfinite(f[k]))
            return airoi__error(AIROI_ERR_RANGE,
                                "a staging figure overflows (it is beyond the range of a "
                                "double, about 1.8e308); the amounts are too large");
    return AIROI_OK;
}

int airoi__staging_evaluate(airoi_staging **out, const airoi_project *p, unsigned flags)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_staging_evaluate: NULL out");
    *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_staging_evaluate: NULL project");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_staging_evaluate: unknown flags 0x%x",
                            flags);
    if (p->n_stages == 0)
        return airoi__error(AIROI_ERR_MODEL,
                            "project '%s' has no stages; staged-investment figures need at "
                            "least one (docs/methodology.md#staging)",
                            p->name);
    base_case b;
    int rc = evaluate_base(&b, p);
    if (rc)
        return rc;
    airoi_staging *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    if (airoi__settings_copy(&s->settings, p) != AIROI_OK) {
        airoi__staging_free(s);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    s->stages = airoi__calloc(p->n_stages, sizeof *s->stages);
    if (!s->stages) {
        airoi__staging_free(s);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < p->n_stages; i++, s->n++) {
        s->stages[i].name = airoi__strdup(p->stages[i].name ? p->stages[i].name : "");
        if (!s->stages[i].name) {
            airoi__staging_free(s);
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        }
    }
    rc = compute(s, p, &b);
    if (rc) {
        airoi__staging_free(s);
        return rc;
    }
    airoi__error_clear();
    *out = s;
    return AIROI_OK;
}

AIROI_API int airoi_staging_evaluate(airoi_staging **out, const airoi_project *p, unsigned flags)
{
    AIROI__ENTER();
    return airoi__staging_evaluate(out, p, flags);
}

int airoi__staging_get(double *out, const airoi_staging *s, int figure)
{
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_staging_get: NULL argument");
    int rc = airoi__enum_check(figure, AIROI_STAGING_PROB_PRODUCTION, "staging figure");
    if (rc)
        return rc;
    *out = s->figure[AIROI__ENUM_INDEX(figure)];
    return AIROI_OK;
}

AIROI_API int airoi_staging_get(double *out, const airoi_staging *s, airoi_staging_figure figure)
{
    AIROI__ENTER();
    return airoi__staging_get(out, s, (int)figure);
}

size_t airoi__staging_count(const airoi_staging *s)
{
    return s ? s->n : 0;
}

AIROI_API size_t airoi_staging_count(const airoi_staging *s)
{
    AIROI__ENTER();
    return airoi__staging_count(s);
}

int airoi__staging_get_stage(const char **name, double *probability, int *from_prior,
                             double *reach_probability, int32_t *start_period,
                             const airoi_staging *s, size_t i)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_staging_get_stage: NULL figures");
    if (i >= s->n)
        return airoi__error(AIROI_ERR_NOT_FOUND, "stage index %zu past the end (%zu)", i, s->n);
    const struct staging_stage *st = &s->stages[i];
    if (name)
        *name = st->name;
    if (probability)
        *probability = st->probability;
    if (from_prior)
        *from_prior = st->from_prior;
    if (reach_probability)
        *reach_probability = st->reach;
    if (start_period)
        *start_period = st->start;
    return AIROI_OK;
}

AIROI_API int airoi_staging_get_stage(const char **name, double *probability, int *from_prior,
                                      double *reach_probability, int32_t *start_period,
                                      const airoi_staging *s, size_t i)
{
    AIROI__ENTER();
    return airoi__staging_get_stage(name, probability, from_prior, reach_probability,
                                    start_period, s, i);
}
