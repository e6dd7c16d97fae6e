/*
 * lib/model/enums.c: spellings of the model's enumerations (SPEC 5.1) and of
 * metrics, severities and schedule columns (JSON keys, SPEC 5).
 */
#include <string.h>

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
static const char *const metric_names[AIROI__METRIC_COUNT] = {
    "npv", "irr", "mirr", "roi_basic", "roi_horizon", "roi_risk_adjusted",
    "expected_npv", "npv_roi", "bcr", "payback_periods",
    "discounted_payback_periods", "pv_costs", "pv_benefits", "total_costs",
    "total_benefits", "annual_costs", "annual_benefits", "tco_total",
    "tco_direct", "tco_hidden", "tco_hidden_share", "tco_pv",
    "expected_benefits", "expected_costs", "first_year_costs",
    "first_year_benefits"};
static const char *const severity_names[] = {"info", "warning", "critical"};
static const char *const column_names[AIROI__COLUMN_COUNT] = {
    "costs", "benefits", "net", "cumulative", "discounted",
    "discounted_cumulative", "discount_factor", "discounted_costs",
    "discounted_benefits"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int lookup(int *out, const char *name, const char *const *names, size_t n,
                  const char *what)
{
    if (!out || !name)
        return airoi__error(AIROI_ERR_INVALID, "%s name: NULL argument", what);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            *out = (int)i;
            return AIROI_OK;
        }
    }
    return airoi__error(AIROI_ERR_INVALID, "unknown %s '%s'", what, name);
}

static const char *name_of(int v, const char *const *names, size_t n)
{
    if (v < 0 || (size_t)v >= n)
        return NULL;
    return names[v];
}

/* Internal spellings without AIROI__ENTER: safe on failure paths. */
const char *airoi__category_name(int category)
{
    return name_of(category, category_names, COUNT(category_names));
}

const char *airoi__dimension_name(int dimension)
{
    return name_of(dimension, dimension_names, COUNT(dimension_names));
}

const char *airoi__column_name(int column)
{
    return name_of(column, column_names, COUNT(column_names));
}

const char *airoi__metric_name(int metric)
{
    return name_of(metric, metric_names, COUNT(metric_names));
}

AIROI_API int airoi_period_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, period_names, COUNT(period_names), "period");
}

AIROI_API const char *airoi_period_name(int period)
{
    AIROI__ENTER();
    return name_of(period, period_names, COUNT(period_names));
}

AIROI_API int airoi_per_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, per_names, COUNT(per_names), "frequency (per)");
}

AIROI_API const char *airoi_per_name(int per)
{
    AIROI__ENTER();
    return name_of(per, per_names, COUNT(per_names));
}

AIROI_API int airoi_category_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, category_names, COUNT(category_names), "cost category");
}

AIROI_API const char *airoi_category_name(int category)
{
    AIROI__ENTER();
    return name_of(category, category_names, COUNT(category_names));
}

AIROI_API int airoi_category_is_hidden(int category)
{
    AIROI__ENTER();
    return category >= AIROI_CATEGORY_DATA_GOVERNANCE && category <= AIROI_CATEGORY_OPPORTUNITY;
}

AIROI_API int airoi_dimension_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, dimension_names, COUNT(dimension_names), "value dimension");
}

AIROI_API const char *airoi_dimension_name(int dimension)
{
    AIROI__ENTER();
    return name_of(dimension, dimension_names, COUNT(dimension_names));
}

AIROI_API int airoi_stage_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, stage_names, COUNT(stage_names), "stage");
}

AIROI_API const char *airoi_stage_name(int stage)
{
    AIROI__ENTER();
    return name_of(stage, stage_names, COUNT(stage_names));
}

AIROI_API int airoi_curve_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, curve_names, COUNT(curve_names), "adoption curve");
}

AIROI_API const char *airoi_curve_name(int curve)
{
    AIROI__ENTER();
    return name_of(curve, curve_names, COUNT(curve_names));
}

AIROI_API int airoi_metric_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, metric_names, COUNT(metric_names), "metric");
}

AIROI_API const char *airoi_metric_name(int metric)
{
    AIROI__ENTER();
    return name_of(metric, metric_names, COUNT(metric_names));
}

AIROI_API int airoi_severity_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, severity_names, COUNT(severity_names), "severity");
}

AIROI_API const char *airoi_severity_name(int severity)
{
    AIROI__ENTER();
    return name_of(severity, severity_names, COUNT(severity_names));
}

AIROI_API int airoi_schedule_column_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return lookup(out, name, column_names, COUNT(column_names), "schedule column");
}

AIROI_API const char *airoi_schedule_column_name(int column)
{
    AIROI__ENTER();
    return name_of(column, column_names, COUNT(column_names));
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
