/*
 * lib/model/rules.c: the one table of parameters (model layer). Each row
 * says what a parameter's value may be; the setters of items.c, project.c
 * and scenario.c and the loader of lib/io check values against it, so a
 * value is refused with the same words wherever it comes from.
 */
#include <math.h>
#include <stdio.h>

#include "airoi/dates.h"
#include "airoi/items.h"
#include "airoi/project.h"
#include "airoi/scenario.h"
#include "core-private.h"
#include "rules-private.h"

#define S(x) (1u << (unsigned)(x))
#define COST S(AIROI__SUBJ_COST)
#define VALUE S(AIROI__SUBJ_VALUE)
#define ITEM (COST | VALUE)
#define INF HUGE_VAL

#define SHARE "a share in [0, 1]"
#define PERIOD "a whole period number >= 0"

/* Indexed by airoi_item_param. */
static const airoi__rule item_rules[] = {
    {AIROI_ITEM_NAME, "name", ITEM, AIROI__PT_STRING, 0, 0, 0, 0, "a non-empty name"},
    {AIROI_ITEM_CURRENCY, "currency", ITEM, AIROI__PT_STRING, 0, 0, 0, 0,
     "a currency code (ISO 4217, e.g. USD)"},
    {AIROI_ITEM_CATEGORY, "category", COST, AIROI__PT_ENUM, 0, AIROI_CATEGORY_OPPORTUNITY, 0, 0,
     "one of people, infrastructure, software, data, data_governance, integration, "
     "change_management, maintenance, opportunity"},
    {AIROI_ITEM_DIMENSION, "dimension", VALUE, AIROI__PT_ENUM, 0, AIROI_DIMENSION_STRATEGIC, 0,
     0, "one of efficiency, revenue, risk, strategic"},
    {AIROI_ITEM_AMOUNT, "amount", ITEM, AIROI__PT_NUMBER, -INF, INF, 0, 0, "a number"},
    {AIROI_ITEM_QUANTITY, "quantity", ITEM, AIROI__PT_NUMBER, -INF, INF, 0, 0, "a number"},
    {AIROI_ITEM_UNIT_AMOUNT, "unit_amount", ITEM, AIROI__PT_NUMBER, -INF, INF, 0, 0,
     "a number"},
    {AIROI_ITEM_PER, "per", ITEM, AIROI__PT_ENUM, 0, AIROI_PER_PERIOD, 0, 0,
     "one of once, month, quarter, year"},
    {AIROI_ITEM_AT, "at", ITEM, AIROI__PT_WHOLE, 0, AIROI_HORIZON_MAX, 0, 0, PERIOD},
    {AIROI_ITEM_FROM, "from", ITEM, AIROI__PT_WHOLE, 0, AIROI_HORIZON_MAX, 0, 0, PERIOD},
    {AIROI_ITEM_TO, "to", ITEM, AIROI__PT_WHOLE, 0, AIROI_HORIZON_MAX, 0, 0, PERIOD},
    {AIROI_ITEM_GROWTH, "growth", ITEM, AIROI__PT_NUMBER, -1, INF, 1, 0,
     "an annual growth rate greater than -1 (e.g. 0.03)"},
    {AIROI_ITEM_REALIZATION, "realization", VALUE, AIROI__PT_NUMBER, 0, 1, 0, 0, SHARE},
    {AIROI_ITEM_ATTRIBUTION, "attribution", VALUE, AIROI__PT_NUMBER, 0, 1, 0, 0, SHARE},
    {AIROI_ITEM_RISK_ADJUSTMENT, "risk_adjustment", ITEM, AIROI__PT_NUMBER, 0, 1, 0, 0, SHARE},
    {AIROI_ITEM_MONETIZED, "monetized", VALUE, AIROI__PT_BOOL, 0, 1, 0, 0, "true or false"},
    {AIROI_ITEM_ADOPTION_CURVE, "adoption.curve", VALUE, AIROI__PT_ENUM, 0, AIROI_CURVE_STEP, 0,
     0, "one of none, linear, s_curve, step"},
    {AIROI_ITEM_ADOPTION_PERIODS, "adoption.periods", VALUE, AIROI__PT_NUMBER, 0,
     AIROI_HORIZON_MAX, 0, 0, "a number of periods in [0, 10000]"},
    {AIROI_ITEM_ADOPTION_START, "adoption.start", VALUE, AIROI__PT_NUMBER, 0, 1, 0, 0, SHARE},
    {AIROI_ITEM_ADOPTION_CEILING, "adoption.ceiling", VALUE, AIROI__PT_NUMBER, 0, 1, 0, 0,
     SHARE},
};

#define PROJECT S(AIROI__SUBJ_PROJECT)
#define RATE "an annual rate greater than -1 (e.g. 0.08)"

/* Indexed by airoi_project_param. */
static const airoi__rule project_rules[] = {
    {AIROI_PROJECT_NAME, "name", PROJECT, AIROI__PT_STRING, 0, 0, 0, 0, "a non-empty name"},
    {AIROI_PROJECT_CURRENCY, "currency", PROJECT, AIROI__PT_STRING, 0, 0, 0, 0,
     "a currency code (ISO 4217, e.g. USD)"},
    {AIROI_PROJECT_USE_CASE, "use_case", PROJECT, AIROI__PT_STRING, 0, 0, 0, 0,
     "a use case of the benchmark table"},
    {AIROI_PROJECT_PERIOD, "period", PROJECT, AIROI__PT_ENUM, 0, AIROI_PERIOD_MONTH, 0, 0,
     "one of year, quarter, month"},
    {AIROI_PROJECT_HORIZON, "horizon", PROJECT, AIROI__PT_WHOLE, 0, AIROI_HORIZON_MAX, 0, 1,
     "a whole number of periods >= 0"},
    {AIROI_PROJECT_DISCOUNT_RATE, "discount_rate", PROJECT, AIROI__PT_NUMBER, -1, INF, 1, 0,
     RATE},
    {AIROI_PROJECT_FINANCE_RATE, "finance_rate", PROJECT, AIROI__PT_NUMBER, -1, INF, 1, 0, RATE},
    {AIROI_PROJECT_REINVEST_RATE, "reinvest_rate", PROJECT, AIROI__PT_NUMBER, -1, INF, 1, 0,
     RATE},
    {AIROI_PROJECT_UNIT, "unit", PROJECT, AIROI__PT_NUMBER, 0, INF, 1, 0,
     "a number greater than 0"},
    {AIROI_PROJECT_START, "start", PROJECT, AIROI__PT_WHOLE, AIROI_DATE_MIN, AIROI_DATE_MAX, 0,
     0, "a date YYYY-MM-DD (ISO 8601) that exists"},
    {AIROI_PROJECT_STAGE, "stage", PROJECT, AIROI__PT_ENUM, 0, AIROI_STAGE_PRODUCTION, 0, 0,
     "one of strategy, poc, mvp, scale, production"},
};

#define SCENARIO S(AIROI__SUBJ_SCENARIO)

/* Indexed by airoi_scenario_param. */
static const airoi__rule scenario_rules[] = {
    {AIROI_SCENARIO_PROBABILITY, "probability", SCENARIO, AIROI__PT_NUMBER, 0, 1, 0, 0, SHARE},
    {AIROI_SCENARIO_DELAY, "delay", SCENARIO, AIROI__PT_WHOLE, 0, AIROI_HORIZON_MAX, 0, 1,
     "a whole number of periods >= 0"},
    {AIROI_SCENARIO_ADOPTION_CEILING, "adoption_ceiling", SCENARIO, AIROI__PT_NUMBER, 0, 1, 0, 0,
     SHARE},
};

const airoi__rule airoi__rule_fx_rate = {
    0, "fx", PROJECT, AIROI__PT_NUMBER, 0, INF, 1, 0,
    "a rate greater than 0 (units of project currency per unit)"};

const airoi__rule airoi__rule_multiplier = {
    0, "multipliers", SCENARIO, AIROI__PT_NUMBER, 0, INF, 0, 0, "a factor >= 0"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const airoi__rule *row(const airoi__rule *rules, size_t n, int param)
{
    if (param < 0 || (size_t)param >= n)
        return NULL;
    return &rules[param];
}

const airoi__rule *airoi__item_rule(int param)
{
    return row(item_rules, COUNT(item_rules), param);
}

const airoi__rule *airoi__project_rule(int param)
{
    return row(project_rules, COUNT(project_rules), param);
}

const airoi__rule *airoi__scenario_rule(int param)
{
    return row(scenario_rules, COUNT(scenario_rules), param);
}

int airoi__rule_applies(const airoi__rule *r, int subject)
{
    return r && subject >= 0 && (r->subjects & S(subject)) != 0;
}

const char *airoi__rule_number(char *buf, size_t cap, double v)
{
    airoi__format_double(buf, cap, v);
    return buf;
}

int airoi__rule_check(const airoi__rule *r, double v, char *msg, size_t cap)
{
    char num[32], hi[32];
    if (!isfinite(v)) {
        snprintf(msg, cap, "expected a finite number; got %s",
                 isnan(v) ? "NaN" : v > 0 ? "infinity" : "-infinity");
        return AIROI_ERR_INVALID;
    }
    airoi__rule_number(num, sizeof num, v);
    int whole = r->type == AIROI__PT_WHOLE || r->type == AIROI__PT_ENUM ||
                r->type == AIROI__PT_BOOL;
    if ((whole && v != floor(v)) || v < r->lo || (r->lo_open && v == r->lo)) {
        snprintf(msg, cap, "expected %s; got %s", r->expected, num);
        return AIROI_ERR_INVALID;
    }
    if (v > r->hi) {
        if (r->hi_is_limit) {
            snprintf(msg, cap, "%s is above the limit of %s", num,
                     airoi__rule_number(hi, sizeof hi, r->hi));
            return AIROI_ERR_LIMIT;
        }
        snprintf(msg, cap, "expected %s; got %s", r->expected, num);
        return AIROI_ERR_INVALID;
    }
    return AIROI_OK;
}
