/*
 * lib/eval/names.c: spellings of metrics, finding severities and schedule
 * columns (the JSON keys of a result and a schedule).
 */
#include "core-private.h"
#include "eval-private.h"

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

int airoi__metric_from_name(int *out, const char *name)
{
    return airoi__enum_from_name(out, name, metric_names, COUNT(metric_names), "metric");
}

AIROI_API int airoi_metric_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return airoi__metric_from_name(out, name);
}

const char *airoi__metric_name(int metric)
{
    return airoi__enum_name(metric, metric_names, COUNT(metric_names));
}

AIROI_API const char *airoi_metric_name(int metric)
{
    AIROI__ENTER();
    return airoi__metric_name(metric);
}

int airoi__severity_from_name(int *out, const char *name)
{
    return airoi__enum_from_name(out, name, severity_names, COUNT(severity_names), "severity");
}

AIROI_API int airoi_severity_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return airoi__severity_from_name(out, name);
}

const char *airoi__severity_name(int severity)
{
    return airoi__enum_name(severity, severity_names, COUNT(severity_names));
}

AIROI_API const char *airoi_severity_name(int severity)
{
    AIROI__ENTER();
    return airoi__severity_name(severity);
}

int airoi__schedule_column_from_name(int *out, const char *name)
{
    return airoi__enum_from_name(out, name, column_names, COUNT(column_names), "schedule column");
}

AIROI_API int airoi_schedule_column_from_name(int *out, const char *name)
{
    AIROI__ENTER();
    return airoi__schedule_column_from_name(out, name);
}

const char *airoi__schedule_column_name(int column)
{
    return airoi__enum_name(column, column_names, COUNT(column_names));
}

AIROI_API const char *airoi_schedule_column_name(int column)
{
    AIROI__ENTER();
    return airoi__schedule_column_name(column);
}
