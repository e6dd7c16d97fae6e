/*
 * lib/core/enum.c: the registry of enumeration families, the run-time check
 * that a value belongs to the family a parameter expects, and enumeration
 * values to and from their spellings, for the name tables of the layers
 * above (lib/model/enums.c, lib/eval/names.c).
 *
 * Each family has its own range: base = family number << 8, members base,
 * base + 1, ... (docs/api-stability.md). A family is registered by one line
 * of the table below: its base, its C type name and its constants in order.
 * The enum-registry test (tests/build/check-enum-registry.py) holds the
 * table to the public headers.
 */
#include <stdio.h>
#include <string.h>

#include "core-private.h"

typedef struct family {
    int base;
    const char *name;               /* the C type, e.g. "airoi_per" */
    const char *const *constants;   /* constants[i] is the name of base + i */
    size_t n;
} family;

#define FAMILY(base, name, ...)                                                              \
    {(base), (name), (const char *const[]){__VA_ARGS__},                                     \
     sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)}

/* One line per family, in the order of their bases. */
static const family families[] = {
    FAMILY(0x0100, "airoi_period", "AIROI_PERIOD_YEAR", "AIROI_PERIOD_QUARTER",
           "AIROI_PERIOD_MONTH"),
    FAMILY(0x0200, "airoi_per", "AIROI_PER_ONCE", "AIROI_PER_MONTH", "AIROI_PER_QUARTER",
           "AIROI_PER_YEAR", "AIROI_PER_PERIOD"),
    FAMILY(0x0300, "airoi_category", "AIROI_CATEGORY_PEOPLE", "AIROI_CATEGORY_INFRASTRUCTURE",
           "AIROI_CATEGORY_SOFTWARE", "AIROI_CATEGORY_DATA", "AIROI_CATEGORY_DATA_GOVERNANCE",
           "AIROI_CATEGORY_INTEGRATION", "AIROI_CATEGORY_CHANGE_MANAGEMENT",
           "AIROI_CATEGORY_MAINTENANCE", "AIROI_CATEGORY_OPPORTUNITY"),
    FAMILY(0x0400, "airoi_dimension", "AIROI_DIMENSION_EFFICIENCY", "AIROI_DIMENSION_REVENUE",
           "AIROI_DIMENSION_RISK", "AIROI_DIMENSION_STRATEGIC"),
    FAMILY(0x0500, "airoi_stage", "AIROI_STAGE_STRATEGY", "AIROI_STAGE_POC", "AIROI_STAGE_MVP",
           "AIROI_STAGE_SCALE", "AIROI_STAGE_PRODUCTION"),
    FAMILY(0x0600, "airoi_curve", "AIROI_CURVE_NONE", "AIROI_CURVE_LINEAR",
           "AIROI_CURVE_S_CURVE", "AIROI_CURVE_STEP"),
    FAMILY(0x0700, "airoi_project_param", "AIROI_PROJECT_NAME", "AIROI_PROJECT_CURRENCY",
           "AIROI_PROJECT_USE_CASE", "AIROI_PROJECT_PERIOD", "AIROI_PROJECT_HORIZON",
           "AIROI_PROJECT_DISCOUNT_RATE", "AIROI_PROJECT_FINANCE_RATE",
           "AIROI_PROJECT_REINVEST_RATE", "AIROI_PROJECT_UNIT", "AIROI_PROJECT_START",
           "AIROI_PROJECT_STAGE", "AIROI_PROJECT_TAX_RATE", "AIROI_PROJECT_LOSS_CARRYFORWARD",
           "AIROI_PROJECT_INFLATION", "AIROI_PROJECT_DISCOUNT_REAL",
           "AIROI_PROJECT_TERMINAL_METHOD", "AIROI_PROJECT_TERMINAL_GROWTH",
           "AIROI_PROJECT_TERMINAL_MULTIPLE"),
    FAMILY(0x0800, "airoi_item_param", "AIROI_ITEM_NAME", "AIROI_ITEM_CURRENCY",
           "AIROI_ITEM_CATEGORY", "AIROI_ITEM_DIMENSION", "AIROI_ITEM_AMOUNT",
           "AIROI_ITEM_QUANTITY", "AIROI_ITEM_UNIT_AMOUNT", "AIROI_ITEM_PER", "AIROI_ITEM_AT",
           "AIROI_ITEM_FROM", "AIROI_ITEM_TO", "AIROI_ITEM_GROWTH", "AIROI_ITEM_REALIZATION",
           "AIROI_ITEM_ATTRIBUTION", "AIROI_ITEM_RISK_ADJUSTMENT", "AIROI_ITEM_MONETIZED",
           "AIROI_ITEM_ADOPTION_CURVE", "AIROI_ITEM_ADOPTION_PERIODS",
           "AIROI_ITEM_ADOPTION_START", "AIROI_ITEM_ADOPTION_CEILING", "AIROI_ITEM_PAYMENT",
           "AIROI_ITEM_CAPEX", "AIROI_ITEM_LIFE", "AIROI_ITEM_DEPRECIATION", "AIROI_ITEM_SALVAGE",
           "AIROI_ITEM_REAL"),
    FAMILY(0x0900, "airoi_item_kind", "AIROI_ITEM_KIND_COST", "AIROI_ITEM_KIND_VALUE"),
    FAMILY(0x0A00, "airoi_scenario_param", "AIROI_SCENARIO_PROBABILITY", "AIROI_SCENARIO_DELAY",
           "AIROI_SCENARIO_ADOPTION_CEILING"),
    FAMILY(0x0B00, "airoi_metric", "AIROI_METRIC_NPV", "AIROI_METRIC_IRR", "AIROI_METRIC_MIRR",
           "AIROI_METRIC_ROI_BASIC", "AIROI_METRIC_ROI_HORIZON",
           "AIROI_METRIC_ROI_RISK_ADJUSTED", "AIROI_METRIC_EXPECTED_NPV",
           "AIROI_METRIC_NPV_ROI", "AIROI_METRIC_BCR", "AIROI_METRIC_PAYBACK_PERIODS",
           "AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS", "AIROI_METRIC_PV_COSTS",
           "AIROI_METRIC_PV_BENEFITS", "AIROI_METRIC_TOTAL_COSTS",
           "AIROI_METRIC_TOTAL_BENEFITS", "AIROI_METRIC_ANNUAL_COSTS",
           "AIROI_METRIC_ANNUAL_BENEFITS", "AIROI_METRIC_TCO_TOTAL", "AIROI_METRIC_TCO_DIRECT",
           "AIROI_METRIC_TCO_HIDDEN", "AIROI_METRIC_TCO_HIDDEN_SHARE", "AIROI_METRIC_TCO_PV",
           "AIROI_METRIC_EXPECTED_BENEFITS", "AIROI_METRIC_EXPECTED_COSTS",
           "AIROI_METRIC_FIRST_YEAR_COSTS", "AIROI_METRIC_FIRST_YEAR_BENEFITS",
           "AIROI_METRIC_ROI_ANNUALISED"),
    FAMILY(0x0C00, "airoi_severity", "AIROI_SEVERITY_INFO", "AIROI_SEVERITY_WARNING",
           "AIROI_SEVERITY_CRITICAL"),
    FAMILY(0x0D00, "airoi_report_format", "AIROI_REPORT_TEXT", "AIROI_REPORT_JSON",
           "AIROI_REPORT_CSV", "AIROI_REPORT_MARKDOWN", "AIROI_REPORT_HTML"),
    FAMILY(0x0E00, "airoi_schedule_column", "AIROI_SCHEDULE_COSTS", "AIROI_SCHEDULE_BENEFITS",
           "AIROI_SCHEDULE_NET", "AIROI_SCHEDULE_CUMULATIVE", "AIROI_SCHEDULE_DISCOUNTED",
           "AIROI_SCHEDULE_DISCOUNTED_CUMULATIVE", "AIROI_SCHEDULE_DISCOUNT_FACTOR",
           "AIROI_SCHEDULE_DISCOUNTED_COSTS", "AIROI_SCHEDULE_DISCOUNTED_BENEFITS"),
    FAMILY(0x0F00, "airoi_benchmark_field", "AIROI_BENCHMARK_ROI", "AIROI_BENCHMARK_PAYBACK",
           "AIROI_BENCHMARK_INVESTMENT"),
    FAMILY(0x1000, "airoi_date_system", "AIROI_DATE_1900", "AIROI_DATE_1904"),
    FAMILY(0x1200, "airoi_benchmark_position", "AIROI_BENCHMARK_BELOW",
           "AIROI_BENCHMARK_WITHIN", "AIROI_BENCHMARK_ABOVE"),
    FAMILY(0x1300, "airoi_payment", "AIROI_PAYMENT_SPREAD", "AIROI_PAYMENT_LUMP"),
    FAMILY(0x1400, "airoi_day_count", "AIROI_DAY_COUNT_ACT_365F", "AIROI_DAY_COUNT_ACT_360",
           "AIROI_DAY_COUNT_ACT_365_25", "AIROI_DAY_COUNT_30_360", "AIROI_DAY_COUNT_30E_360",
           "AIROI_DAY_COUNT_ACT_ACT"),
    FAMILY(0x1500, "airoi_depreciation", "AIROI_DEPRECIATION_STRAIGHT_LINE",
           "AIROI_DEPRECIATION_DECLINING_BALANCE", "AIROI_DEPRECIATION_DOUBLE_DECLINING",
           "AIROI_DEPRECIATION_SUM_OF_YEARS"),
    FAMILY(0x1600, "airoi_terminal_method", "AIROI_TERMINAL_NONE", "AIROI_TERMINAL_GORDON",
           "AIROI_TERMINAL_EXIT_MULTIPLE"),
    FAMILY(0x1700, "airoi_finance_figure", "AIROI_FIGURE_CAPEX", "AIROI_FIGURE_OPEX",
           "AIROI_FIGURE_DEPRECIATION", "AIROI_FIGURE_TAXABLE_INCOME", "AIROI_FIGURE_TAX",
           "AIROI_FIGURE_LOSS_CARRYFORWARD", "AIROI_FIGURE_TERMINAL_VALUE",
           "AIROI_FIGURE_NPV_TERMINAL_VALUE", "AIROI_FIGURE_NPV_WITH_TERMINAL_VALUE",
           "AIROI_FIGURE_DISCOUNT_RATE_NOMINAL", "AIROI_FIGURE_DISCOUNT_RATE_REAL",
           "AIROI_FIGURE_IRR_REAL", "AIROI_FIGURE_NET_REAL", "AIROI_FIGURE_NPV_REAL"),
    FAMILY(0x2000, "airoi_distribution", "AIROI_DIST_FIXED", "AIROI_DIST_UNIFORM",
           "AIROI_DIST_TRIANGULAR", "AIROI_DIST_PERT", "AIROI_DIST_NORMAL", "AIROI_DIST_LOGNORMAL",
           "AIROI_DIST_DISCRETE", "AIROI_DIST_BERNOULLI"),
    FAMILY(0x2100, "airoi_uncertainty_param", "AIROI_UNCERTAINTY_NAME", "AIROI_UNCERTAINTY_TARGET",
           "AIROI_UNCERTAINTY_LOW", "AIROI_UNCERTAINTY_MODE", "AIROI_UNCERTAINTY_HIGH",
           "AIROI_UNCERTAINTY_SHAPE", "AIROI_UNCERTAINTY_MEAN", "AIROI_UNCERTAINTY_SD",
           "AIROI_UNCERTAINTY_MU", "AIROI_UNCERTAINTY_SIGMA", "AIROI_UNCERTAINTY_P",
           "AIROI_UNCERTAINTY_IMPACT", "AIROI_UNCERTAINTY_VALUE", "AIROI_UNCERTAINTY_MIN",
           "AIROI_UNCERTAINTY_MAX", "AIROI_UNCERTAINTY_PER_PERIOD",
           "AIROI_UNCERTAINTY_DRIVER"),
    FAMILY(0x2200, "airoi_stage_param", "AIROI_STAGE_NAME", "AIROI_STAGE_COST",
           "AIROI_STAGE_PERIODS", "AIROI_STAGE_SUCCESS_PROBABILITY", "AIROI_STAGE_PRIOR"),
    FAMILY(0x2300, "airoi_sampling", "AIROI_SAMPLING_RANDOM", "AIROI_SAMPLING_SOBOL"),
    FAMILY(0x2400, "airoi_sim_output", "AIROI_SIM_NPV", "AIROI_SIM_IRR", "AIROI_SIM_ROI_HORIZON",
           "AIROI_SIM_NPV_ROI", "AIROI_SIM_PAYBACK_PERIODS"),
    FAMILY(0x2500, "airoi_sim_stat", "AIROI_STAT_MEAN", "AIROI_STAT_SD", "AIROI_STAT_SE",
           "AIROI_STAT_MIN", "AIROI_STAT_MAX", "AIROI_STAT_PROB_POSITIVE",
           "AIROI_STAT_PROB_ABOVE_TARGET", "AIROI_STAT_VAR", "AIROI_STAT_ES",
           "AIROI_STAT_NEVER_SHARE", "AIROI_STAT_UNDEFINED_SHARE", "AIROI_STAT_COUNT"),
    FAMILY(0x2600, "airoi_sim_param", "AIROI_SIM_TRIALS", "AIROI_SIM_SEED", "AIROI_SIM_SAMPLING",
           "AIROI_SIM_THREADS", "AIROI_SIM_BINS", "AIROI_SIM_ROI_TARGET", "AIROI_SIM_TAIL",
           "AIROI_SIM_KEEP_TRIALS", "AIROI_SIM_REPAIR"),
    FAMILY(0x2700, "airoi_staging_figure", "AIROI_STAGING_PROB_PRODUCTION",
           "AIROI_STAGING_EXPECTED_COST", "AIROI_STAGING_EXPECTED_NPV", "AIROI_STAGING_NPV_ALL_IN",
           "AIROI_STAGING_VALUE_OF_STAGING"),
    FAMILY(0x2800, "airoi_gate_prior", "AIROI_PRIOR_PILOT", "AIROI_PRIOR_IN_HOUSE",
           "AIROI_PRIOR_PARTNER"),
    FAMILY(0x2900, "airoi_breakeven_target", "AIROI_BREAKEVEN_VALUES", "AIROI_BREAKEVEN_COSTS",
           "AIROI_BREAKEVEN_ADOPTION_CEILING"),
    FAMILY(0x3000, "airoi_portfolio_measure", "AIROI_MEASURE_FIRST_YEAR_COSTS",
           "AIROI_MEASURE_TCO", "AIROI_MEASURE_PV_COSTS"),
    FAMILY(0x3100, "airoi_portfolio_figure", "AIROI_PORTFOLIO_BUDGET",
           "AIROI_PORTFOLIO_TOTAL_NPV", "AIROI_PORTFOLIO_TOTAL_INVESTMENT",
           "AIROI_PORTFOLIO_EXPECTED_NPV", "AIROI_PORTFOLIO_NPV", "AIROI_PORTFOLIO_IRR",
           "AIROI_PORTFOLIO_ROI_RISK_ADJUSTED", "AIROI_PORTFOLIO_PI",
           "AIROI_PORTFOLIO_INVESTMENT", "AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV"),
    FAMILY(0x3200, "airoi_indicator_direction", "AIROI_DIRECTION_UP", "AIROI_DIRECTION_DOWN"),
    FAMILY(0x3300, "airoi_indicator_status", "AIROI_INDICATOR_ON_TRACK",
           "AIROI_INDICATOR_AT_RISK", "AIROI_INDICATOR_OFF_TRACK"),
    FAMILY(0x3400, "airoi_gate_status", "AIROI_GATE_GO", "AIROI_GATE_NO_GO", "AIROI_GATE_PENDING"),
    FAMILY(0x3500, "airoi_criterion_kind", "AIROI_CRITERION_AT_LEAST", "AIROI_CRITERION_AT_MOST"),
    FAMILY(0x3600, "airoi_tracking_figure", "AIROI_TRACKING_AS_OF", "AIROI_TRACKING_COSTS",
           "AIROI_TRACKING_BENEFITS", "AIROI_TRACKING_NET", "AIROI_TRACKING_ROI",
           "AIROI_TRACKING_PLANNED_COSTS", "AIROI_TRACKING_PLANNED_BENEFITS",
           "AIROI_TRACKING_PLANNED_NET", "AIROI_TRACKING_PAYBACK_PLANNED",
           "AIROI_TRACKING_PAYBACK_REFORECAST", "AIROI_TRACKING_GATES_AS_OF"),
    FAMILY(0x3700, "airoi_tracking_param", "AIROI_TRACKING_PARAM_AS_OF",
           "AIROI_TRACKING_PARAM_GATES_AS_OF"),
    FAMILY(0x3800, "airoi_portfolio_sim_figure", "AIROI_PFSIM_MEAN", "AIROI_PFSIM_SD",
           "AIROI_PFSIM_CONTRIBUTION"),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const family *family_at(int base)
{
    for (size_t i = 0; i < COUNT(families); i++)
        if (families[i].base == base)
            return &families[i];
    return NULL;
}

const char *airoi__enum_family_name(int v)
{
    const family *f = family_at(AIROI__ENUM_BASE(v));
    return f ? f->name : NULL;
}

size_t airoi__enum_count(int base)
{
    const family *f = family_at(base);
    return f ? f->n : 0;
}

const char *airoi__enum_constant(int v)
{
    const family *f = family_at(AIROI__ENUM_BASE(v));
    if (!f || (size_t)AIROI__ENUM_INDEX(v) >= f->n)
        return NULL;
    return f->constants[AIROI__ENUM_INDEX(v)];
}

int airoi__enum_reason(char *msg, size_t cap, int v, int base)
{
    const family *want = family_at(base);
    if (!want) {
        snprintf(msg, cap, "internal error: no enumeration family at 0x%04X", (unsigned)base);
        return AIROI_ERR_INTERNAL;
    }
    if (AIROI__ENUM_BASE(v) == base && (size_t)AIROI__ENUM_INDEX(v) < want->n)
        return AIROI_OK;
    const char *constant = airoi__enum_constant(v);
    if (constant)
        snprintf(msg, cap, "%s is an %s value; expected an %s", constant,
                 airoi__enum_family_name(v), want->name);
    else
        snprintf(msg, cap, "%d (0x%04X) is not an %s value; expected one of %s (0x%04X) to %s "
                 "(0x%04X)", v, (unsigned)v, want->name, want->constants[0], (unsigned)base,
                 want->constants[want->n - 1], (unsigned)(base + (int)want->n - 1));
    return AIROI_ERR_INVALID;
}

int airoi__enum_check(int v, int base, const char *what)
{
    char msg[256];
    int rc = airoi__enum_reason(msg, sizeof msg, v, base);
    if (rc == AIROI_OK)
        return AIROI_OK;
    return airoi__error(rc, "%s: %s", what, msg);
}

int airoi__enum_from_name(int *out, const char *name, const char *const *names, size_t n,
                          int base, const char *what)
{
    if (!out || !name)
        return airoi__error(AIROI_ERR_INVALID, "%s name: NULL argument", what);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            *out = base + (int)i;
            return AIROI_OK;
        }
    }
    /* in the words of the parameter table: "<what>: expected one of ...; got '...'" */
    char list[1024];
    size_t o = 0;
    list[0] = '\0';
    for (size_t i = 0; i < n && o < sizeof list; i++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", names[i]);
    return airoi__error(AIROI_ERR_INVALID, "%s: expected one of %s; got '%s'", what, list, name);
}

const char *airoi__enum_name(int v, const char *const *names, size_t n, int base)
{
    if (AIROI__ENUM_BASE(v) != base || (size_t)AIROI__ENUM_INDEX(v) >= n)
        return NULL;
    return names[AIROI__ENUM_INDEX(v)];
}
