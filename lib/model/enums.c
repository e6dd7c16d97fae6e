/*
 * lib/model/enums.c: spellings of the model's enumerations; those
 * of metrics, severities and schedule columns are in lib/eval/names.c.
 */
#include "airoi/uncertainty.h"
#include "core-private.h"
#include "model-private.h"

static const char *const period_names[] = {"year", "quarter", "month"};
static const char *const per_names[] = {"once", "month", "quarter", "year", "period"};
static const char *const category_names[] = {
    "people", "infrastructure", "software", "data", "data_governance",
    "integration", "change_management", "maintenance", "opportunity"};
static const char *const dimension_names[] = {"efficiency", "revenue", "risk", "strategic"};
static const char *const stage_names[] = {"strategy", "poc", "mvp", "scale", "production"};
static const char *const curve_names[] = {"none", "linear", "s_curve", "step"};
/* The simulation's families start at their base (airoi_distribution at
 * AIROI_DIST_FIXED, ...): names[v - base]. */
static const char *const distribution_names[] = {"fixed",     "uniform",  "triangular",
                                                  "pert",      "normal",   "lognormal",
                                                  "discrete",  "bernoulli"};
static const char *const sampling_names[] = {"random", "sobol"};
static const char *const sim_output_names[] = {"npv", "irr", "roi_horizon", "npv_roi",
                                               "payback_periods"};
static const char *const payment_names[] = {"spread", "lump"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int airoi__period_from_name(airoi_period *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, period_names, COUNT(period_names),
                                   AIROI_PERIOD_YEAR, "period");
    if (rc == AIROI_OK)
        *out = (airoi_period)v;
    return rc;
}

AIROI_API int airoi_period_from_name(airoi_period *out, const char *name)
{
    AIROI__ENTER();
    return airoi__period_from_name(out, name);
}

const char *airoi__period_name(airoi_period period)
{
    return airoi__enum_name((int)period, period_names, COUNT(period_names), AIROI_PERIOD_YEAR);
}

AIROI_API const char *airoi_period_name(airoi_period period)
{
    AIROI__ENTER();
    return airoi__period_name(period);
}

int airoi__per_from_name(airoi_per *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, per_names, COUNT(per_names),
                                   AIROI_PER_ONCE, "per");
    if (rc == AIROI_OK)
        *out = (airoi_per)v;
    return rc;
}

AIROI_API int airoi_per_from_name(airoi_per *out, const char *name)
{
    AIROI__ENTER();
    return airoi__per_from_name(out, name);
}

const char *airoi__per_name(airoi_per per)
{
    return airoi__enum_name((int)per, per_names, COUNT(per_names), AIROI_PER_ONCE);
}

AIROI_API const char *airoi_per_name(airoi_per per)
{
    AIROI__ENTER();
    return airoi__per_name(per);
}

int airoi__category_from_name(airoi_category *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, category_names, COUNT(category_names),
                                   AIROI_CATEGORY_PEOPLE, "category");
    if (rc == AIROI_OK)
        *out = (airoi_category)v;
    return rc;
}

AIROI_API int airoi_category_from_name(airoi_category *out, const char *name)
{
    AIROI__ENTER();
    return airoi__category_from_name(out, name);
}

const char *airoi__category_name(airoi_category category)
{
    return airoi__enum_name((int)category, category_names, COUNT(category_names),
                            AIROI_CATEGORY_PEOPLE);
}

AIROI_API const char *airoi_category_name(airoi_category category)
{
    AIROI__ENTER();
    return airoi__category_name(category);
}

int airoi__category_is_hidden(airoi_category category)
{
    return category >= AIROI_CATEGORY_DATA_GOVERNANCE && category <= AIROI_CATEGORY_OPPORTUNITY;
}

AIROI_API int airoi_category_is_hidden(airoi_category category)
{
    AIROI__ENTER();
    return airoi__category_is_hidden(category);
}

int airoi__dimension_from_name(airoi_dimension *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, dimension_names, COUNT(dimension_names),
                                   AIROI_DIMENSION_EFFICIENCY, "dimension");
    if (rc == AIROI_OK)
        *out = (airoi_dimension)v;
    return rc;
}

AIROI_API int airoi_dimension_from_name(airoi_dimension *out, const char *name)
{
    AIROI__ENTER();
    return airoi__dimension_from_name(out, name);
}

const char *airoi__dimension_name(airoi_dimension dimension)
{
    return airoi__enum_name((int)dimension, dimension_names, COUNT(dimension_names),
                            AIROI_DIMENSION_EFFICIENCY);
}

AIROI_API const char *airoi_dimension_name(airoi_dimension dimension)
{
    AIROI__ENTER();
    return airoi__dimension_name(dimension);
}

int airoi__stage_from_name(airoi_stage *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, stage_names, COUNT(stage_names),
                                   AIROI_STAGE_STRATEGY, "stage");
    if (rc == AIROI_OK)
        *out = (airoi_stage)v;
    return rc;
}

AIROI_API int airoi_stage_from_name(airoi_stage *out, const char *name)
{
    AIROI__ENTER();
    return airoi__stage_from_name(out, name);
}

const char *airoi__stage_name(airoi_stage stage)
{
    return airoi__enum_name((int)stage, stage_names, COUNT(stage_names), AIROI_STAGE_STRATEGY);
}

AIROI_API const char *airoi_stage_name(airoi_stage stage)
{
    AIROI__ENTER();
    return airoi__stage_name(stage);
}

int airoi__curve_from_name(airoi_curve *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, curve_names, COUNT(curve_names),
                                   AIROI_CURVE_NONE, "adoption.curve");
    if (rc == AIROI_OK)
        *out = (airoi_curve)v;
    return rc;
}

AIROI_API int airoi_curve_from_name(airoi_curve *out, const char *name)
{
    AIROI__ENTER();
    return airoi__curve_from_name(out, name);
}

const char *airoi__curve_name(airoi_curve curve)
{
    return airoi__enum_name((int)curve, curve_names, COUNT(curve_names), AIROI_CURVE_NONE);
}

AIROI_API const char *airoi_curve_name(airoi_curve curve)
{
    AIROI__ENTER();
    return airoi__curve_name(curve);
}

/* A family's member from its name: base + its index in names. */
static int from_name_at(int *out, const char *name, const char *const *names, size_t n,
                        int base, const char *what)
{
    return airoi__enum_from_name(out, name, names, n, base, what);
}

static const char *name_at(int v, const char *const *names, size_t n, int base)
{
    return airoi__enum_name(v, names, n, base);
}

int airoi__distribution_from_name(airoi_distribution *out, const char *name)
{
    int v = 0;
    int rc = from_name_at(out ? &v : NULL, name, distribution_names, COUNT(distribution_names),
                        AIROI_DIST_FIXED, "distribution");
    if (rc == AIROI_OK)
        *out = (airoi_distribution)v;
    return rc;
}

AIROI_API int airoi_distribution_from_name(airoi_distribution *out, const char *name)
{
    AIROI__ENTER();
    return airoi__distribution_from_name(out, name);
}

const char *airoi__distribution_name(airoi_distribution d)
{
    return name_at((int)d, distribution_names, COUNT(distribution_names), AIROI_DIST_FIXED);
}

AIROI_API const char *airoi_distribution_name(airoi_distribution d)
{
    AIROI__ENTER();
    return airoi__distribution_name(d);
}

int airoi__sampling_from_name(airoi_sampling *out, const char *name)
{
    int v = 0;
    int rc = from_name_at(out ? &v : NULL, name, sampling_names, COUNT(sampling_names), AIROI_SAMPLING_RANDOM,
                        "sampling");
    if (rc == AIROI_OK)
        *out = (airoi_sampling)v;
    return rc;
}

AIROI_API int airoi_sampling_from_name(airoi_sampling *out, const char *name)
{
    AIROI__ENTER();
    return airoi__sampling_from_name(out, name);
}

const char *airoi__sampling_name(airoi_sampling s)
{
    return name_at((int)s, sampling_names, COUNT(sampling_names), AIROI_SAMPLING_RANDOM);
}

AIROI_API const char *airoi_sampling_name(airoi_sampling s)
{
    AIROI__ENTER();
    return airoi__sampling_name(s);
}

int airoi__sim_output_from_name(airoi_sim_output *out, const char *name)
{
    int v = 0;
    int rc = from_name_at(out ? &v : NULL, name, sim_output_names, COUNT(sim_output_names), AIROI_SIM_NPV,
                        "outputs");
    if (rc == AIROI_OK)
        *out = (airoi_sim_output)v;
    return rc;
}

AIROI_API int airoi_sim_output_from_name(airoi_sim_output *out, const char *name)
{
    AIROI__ENTER();
    return airoi__sim_output_from_name(out, name);
}

const char *airoi__sim_output_name(airoi_sim_output o)
{
    return name_at((int)o, sim_output_names, COUNT(sim_output_names), AIROI_SIM_NPV);
}

AIROI_API const char *airoi_sim_output_name(airoi_sim_output o)
{
    AIROI__ENTER();
    return airoi__sim_output_name(o);
}

int airoi__periods_per_year(int period)
{
    switch (period) {
    case AIROI_PERIOD_QUARTER: return 4;
    case AIROI_PERIOD_MONTH: return 12;
    default: return 1;
    }
}

int airoi__months_per(int per)
{
    switch (per) {
    case AIROI_PER_MONTH: return 1;
    case AIROI_PER_QUARTER: return 3;
    case AIROI_PER_YEAR: return 12;
    default: return 0;
    }
}

int airoi__payment_from_name(airoi_payment *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, payment_names, COUNT(payment_names),
                                   AIROI_PAYMENT_SPREAD, "payment");
    if (rc == AIROI_OK)
        *out = (airoi_payment)v;
    return rc;
}

AIROI_API int airoi_payment_from_name(airoi_payment *out, const char *name)
{
    AIROI__ENTER();
    return airoi__payment_from_name(out, name);
}

const char *airoi__payment_name(airoi_payment payment)
{
    return airoi__enum_name((int)payment, payment_names, COUNT(payment_names),
                            AIROI_PAYMENT_SPREAD);
}

AIROI_API const char *airoi_payment_name(airoi_payment payment)
{
    AIROI__ENTER();
    return airoi__payment_name(payment);
}
