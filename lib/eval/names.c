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
    "first_year_benefits", "roi_annualised"};
static const char *const severity_names[] = {"info", "warning", "critical"};
static const char *const column_names[AIROI__COLUMN_COUNT] = {
    "costs", "benefits", "net", "cumulative", "discounted",
    "discounted_cumulative", "discount_factor", "discounted_costs",
    "discounted_benefits"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int airoi__metric_from_name(airoi_metric *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, metric_names, COUNT(metric_names),
                                   AIROI_METRIC_NPV, "metric");
    if (rc == AIROI_OK)
        *out = (airoi_metric)v;
    return rc;
}

AIROI_API int airoi_metric_from_name(airoi_metric *out, const char *name)
{
    AIROI__ENTER();
    return airoi__metric_from_name(out, name);
}

const char *airoi__metric_name(airoi_metric metric)
{
    return airoi__enum_name((int)metric, metric_names, COUNT(metric_names), AIROI_METRIC_NPV);
}

AIROI_API const char *airoi_metric_name(airoi_metric metric)
{
    AIROI__ENTER();
    return airoi__metric_name(metric);
}

int airoi__severity_from_name(airoi_severity *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, severity_names, COUNT(severity_names),
                                   AIROI_SEVERITY_INFO, "severity");
    if (rc == AIROI_OK)
        *out = (airoi_severity)v;
    return rc;
}

AIROI_API int airoi_severity_from_name(airoi_severity *out, const char *name)
{
    AIROI__ENTER();
    return airoi__severity_from_name(out, name);
}

const char *airoi__severity_name(airoi_severity severity)
{
    return airoi__enum_name((int)severity, severity_names, COUNT(severity_names),
                            AIROI_SEVERITY_INFO);
}

AIROI_API const char *airoi_severity_name(airoi_severity severity)
{
    AIROI__ENTER();
    return airoi__severity_name(severity);
}

int airoi__schedule_column_from_name(airoi_schedule_column *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(out ? &v : NULL, name, column_names, COUNT(column_names),
                                   AIROI_SCHEDULE_COSTS, "schedule column");
    if (rc == AIROI_OK)
        *out = (airoi_schedule_column)v;
    return rc;
}

AIROI_API int airoi_schedule_column_from_name(airoi_schedule_column *out, const char *name)
{
    AIROI__ENTER();
    return airoi__schedule_column_from_name(out, name);
}

const char *airoi__schedule_column_name(airoi_schedule_column column)
{
    return airoi__enum_name((int)column, column_names, COUNT(column_names), AIROI_SCHEDULE_COSTS);
}

AIROI_API const char *airoi_schedule_column_name(airoi_schedule_column column)
{
    AIROI__ENTER();
    return airoi__schedule_column_name(column);
}

int airoi__metric_is_over_scenarios(airoi_metric metric)
{
    return metric == AIROI_METRIC_EXPECTED_NPV || metric == AIROI_METRIC_EXPECTED_BENEFITS ||
           metric == AIROI_METRIC_EXPECTED_COSTS || metric == AIROI_METRIC_ROI_RISK_ADJUSTED;
}
