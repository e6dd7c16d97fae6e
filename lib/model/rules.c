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
#include "airoi/simulation.h"
#include "airoi/uncertainty.h"
#include "core-private.h"
#include "rules-private.h"

#define S(x) (1u << (unsigned)(x))
#define COST S(AIROI__SUBJ_COST)
#define VALUE S(AIROI__SUBJ_VALUE)
#define ITEM (COST | VALUE)
#define INF HUGE_VAL

#define SHARE "a share in [0, 1]"
#define PERIOD "a whole period number >= 0"

/* Row i is the parameter AIROI_ITEM_NAME + i (airoi_item_param). */
static const airoi__rule item_rules[] = {
    {AIROI_ITEM_NAME, "name", ITEM, AIROI__PT_STRING, 0, 0, 0, 0, "a non-empty name"},
    {AIROI_ITEM_CURRENCY, "currency", ITEM, AIROI__PT_STRING, 0, 0, 0, 0,
     "a currency code (ISO 4217, e.g. USD)"},
    {AIROI_ITEM_CATEGORY, "category", COST, AIROI__PT_ENUM, AIROI_CATEGORY_PEOPLE,
     AIROI_CATEGORY_OPPORTUNITY, 0, 0,
     "one of people, infrastructure, software, data, data_governance, integration, "
     "change_management, maintenance, opportunity"},
    {AIROI_ITEM_DIMENSION, "dimension", VALUE, AIROI__PT_ENUM,
     AIROI_DIMENSION_EFFICIENCY, AIROI_DIMENSION_STRATEGIC, 0,
     0, "one of efficiency, revenue, risk, strategic"},
    {AIROI_ITEM_AMOUNT, "amount", ITEM, AIROI__PT_NUMBER, -INF, INF, 0, 0, "a number"},
    {AIROI_ITEM_QUANTITY, "quantity", ITEM, AIROI__PT_NUMBER, -INF, INF, 0, 0, "a number"},
    {AIROI_ITEM_UNIT_AMOUNT, "unit_amount", ITEM, AIROI__PT_NUMBER, -INF, INF, 0, 0,
     "a number"},
    {AIROI_ITEM_PER, "per", ITEM, AIROI__PT_ENUM, AIROI_PER_ONCE, AIROI_PER_PERIOD, 0, 0,
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
    {AIROI_ITEM_ADOPTION_CURVE, "adoption.curve", VALUE, AIROI__PT_ENUM,
     AIROI_CURVE_NONE, AIROI_CURVE_STEP, 0,
     0, "one of none, linear, s_curve, step"},
    {AIROI_ITEM_ADOPTION_PERIODS, "adoption.periods", VALUE, AIROI__PT_NUMBER, 0,
     AIROI_HORIZON_MAX, 0, 0, "a number of periods in [0, 10000]"},
    {AIROI_ITEM_ADOPTION_START, "adoption.start", VALUE, AIROI__PT_NUMBER, 0, 1, 0, 0, SHARE},
    {AIROI_ITEM_ADOPTION_CEILING, "adoption.ceiling", VALUE, AIROI__PT_NUMBER, 0, 1, 0, 0,
     SHARE},
    {AIROI_ITEM_PAYMENT, "payment", ITEM, AIROI__PT_ENUM, AIROI_PAYMENT_SPREAD,
     AIROI_PAYMENT_LUMP, 0, 0, "one of spread, lump"},
    {AIROI_ITEM_CAPEX, "capex", COST, AIROI__PT_BOOL, 0, 1, 0, 0, "true or false"},
    {AIROI_ITEM_LIFE, "life", COST, AIROI__PT_NUMBER, 0, AIROI_HORIZON_MAX, AIROI__OPEN_LO, 0,
     "a useful life in years greater than 0 (e.g. 3)"},
    {AIROI_ITEM_DEPRECIATION, "depreciation", COST, AIROI__PT_ENUM,
     AIROI_DEPRECIATION_STRAIGHT_LINE, AIROI_DEPRECIATION_SUM_OF_YEARS, 0, 0,
     "one of straight_line, declining_balance, double_declining, sum_of_years"},
    {AIROI_ITEM_SALVAGE, "salvage", COST, AIROI__PT_NUMBER, 0, 1, AIROI__OPEN_HI, 0,
     "a share of the cost in [0, 1)"},
    {AIROI_ITEM_REAL, "real", ITEM, AIROI__PT_BOOL, 0, 1, 0, 0, "true or false"},
};

#define PROJECT S(AIROI__SUBJ_PROJECT)
#define RATE "an annual rate greater than -1 (e.g. 0.08)"

/* Row i is the parameter AIROI_PROJECT_NAME + i (airoi_project_param). */
static const airoi__rule project_rules[] = {
    {AIROI_PROJECT_NAME, "name", PROJECT, AIROI__PT_STRING, 0, 0, 0, 0, "a non-empty name"},
    {AIROI_PROJECT_CURRENCY, "currency", PROJECT, AIROI__PT_STRING, 0, 0, 0, 0,
     "a currency code (ISO 4217, e.g. USD)"},
    {AIROI_PROJECT_USE_CASE, "use_case", PROJECT, AIROI__PT_STRING, 0, 0, 0, 0,
     "a use case of the benchmark table"},
    {AIROI_PROJECT_PERIOD, "period", PROJECT, AIROI__PT_ENUM, AIROI_PERIOD_YEAR,
     AIROI_PERIOD_MONTH, 0, 0,
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
    {AIROI_PROJECT_STAGE, "stage", PROJECT, AIROI__PT_ENUM, AIROI_STAGE_STRATEGY,
     AIROI_STAGE_PRODUCTION, 0, 0,
     "one of strategy, poc, mvp, scale, production"},
    {AIROI_PROJECT_TAX_RATE, "tax.rate", PROJECT, AIROI__PT_NUMBER, 0, 100, 0, 0,
     "a tax rate in [0, 1] (e.g. 0.25)"},
    {AIROI_PROJECT_LOSS_CARRYFORWARD, "tax.loss_carryforward", PROJECT, AIROI__PT_BOOL, 0, 1, 0,
     0, "true or false"},
    {AIROI_PROJECT_INFLATION, "inflation", PROJECT, AIROI__PT_NUMBER, -1, INF, 1, 0, RATE},
    {AIROI_PROJECT_DISCOUNT_REAL, "discount_rate.real", PROJECT, AIROI__PT_BOOL, 0, 1, 0, 0,
     "true or false"},
    {AIROI_PROJECT_TERMINAL_METHOD, "terminal_value.method", PROJECT, AIROI__PT_ENUM,
     AIROI_TERMINAL_NONE, AIROI_TERMINAL_EXIT_MULTIPLE, 0, 0,
     "one of none, gordon, exit_multiple"},
    {AIROI_PROJECT_TERMINAL_GROWTH, "terminal_value.growth", PROJECT, AIROI__PT_NUMBER, -1, INF,
     1, 0, "an annual growth rate greater than -1 and below the discount rate (e.g. 0.02)"},
    {AIROI_PROJECT_TERMINAL_MULTIPLE, "terminal_value.multiple", PROJECT, AIROI__PT_NUMBER,
     -INF, INF, 0, 0, "a number (e.g. 5)"},
};

#define SCENARIO S(AIROI__SUBJ_SCENARIO)

/* Row i is the parameter AIROI_SCENARIO_PROBABILITY + i (airoi_scenario_param). */
static const airoi__rule scenario_rules[] = {
    {AIROI_SCENARIO_PROBABILITY, "probability", SCENARIO, AIROI__PT_NUMBER, 0, 1, 0, 0, SHARE},
    {AIROI_SCENARIO_DELAY, "delay", SCENARIO, AIROI__PT_WHOLE, 0, AIROI_HORIZON_MAX, 0, 1,
     "a whole number of periods >= 0"},
    {AIROI_SCENARIO_ADOPTION_CEILING, "adoption_ceiling", SCENARIO, AIROI__PT_NUMBER, 0, 1, 0, 0,
     SHARE},
};

#define UNC S(AIROI__SUBJ_UNCERTAINTY)
#define NUMBER "a number"

/* Indexed by airoi_uncertainty_param - AIROI_UNCERTAINTY_NAME. */
static const airoi__rule uncertainty_rules[] = {
    {AIROI_UNCERTAINTY_NAME, "name", UNC, AIROI__PT_STRING, 0, 0, 0, 0, "a non-empty name"},
    {AIROI_UNCERTAINTY_TARGET, "target", UNC, AIROI__PT_STRING, 0, 0, 0, 0,
     "an item name, a category, a dimension, values or costs"},
    {AIROI_UNCERTAINTY_LOW, "low", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_MODE, "mode", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_HIGH, "high", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_SHAPE, "shape", UNC, AIROI__PT_NUMBER, 0, INF, AIROI__OPEN_LO, 0,
     "a shape greater than 0 (4 is the classic PERT)"},
    {AIROI_UNCERTAINTY_MEAN, "mean", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_SD, "sd", UNC, AIROI__PT_NUMBER, 0, INF, 0, 0,
     "a standard deviation >= 0"},
    {AIROI_UNCERTAINTY_MU, "mu", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_SIGMA, "sigma", UNC, AIROI__PT_NUMBER, 0, INF, 0, 0,
     "a standard deviation of the log >= 0"},
    {AIROI_UNCERTAINTY_P, "p", UNC, AIROI__PT_NUMBER, 0, 1, 0, 0, "a probability in [0, 1]"},
    {AIROI_UNCERTAINTY_IMPACT, "impact", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0,
     "a number (the multiplier is 1 + impact when the event happens)"},
    {AIROI_UNCERTAINTY_VALUE, "value", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_MIN, "min", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_MAX, "max", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER},
    {AIROI_UNCERTAINTY_PER_PERIOD, "per_period", UNC, AIROI__PT_BOOL, 0, 1, 0, 0,
     "true or false"},
    {AIROI_UNCERTAINTY_DRIVER, "driver", UNC, AIROI__PT_STRING, 0, 0, 0, 0,
     "a non-empty name of a driver shared across a portfolio's projects"},
};

#define STAGE S(AIROI__SUBJ_STAGE)

/* Indexed by airoi_stage_param - AIROI_STAGE_NAME. */
static const airoi__rule stage_rules[] = {
    {AIROI_STAGE_NAME, "name", STAGE, AIROI__PT_STRING, 0, 0, 0, 0, "a non-empty name"},
    {AIROI_STAGE_COST, "cost", STAGE, AIROI__PT_NUMBER, 0, INF, 0, 0, "a cost >= 0"},
    {AIROI_STAGE_PERIODS, "periods", STAGE, AIROI__PT_WHOLE, 0, AIROI_HORIZON_MAX, 0, 1,
     "a whole number of periods >= 0"},
    {AIROI_STAGE_SUCCESS_PROBABILITY, "success_probability", STAGE, AIROI__PT_NUMBER, 0, 1, 0,
     0, "a probability in [0, 1]"},
    {AIROI_STAGE_PRIOR, "prior", STAGE, AIROI__PT_ENUM, AIROI_PRIOR_PILOT, AIROI_PRIOR_PARTNER, 0,
     0, "one of pilot, in_house, partner"},
};

#define SIM S(AIROI__SUBJ_SIMULATION)
#define TWO53 9007199254740992.0

/* Indexed by airoi_sim_param - AIROI_SIM_TRIALS. */
static const airoi__rule sim_rules[] = {
    {AIROI_SIM_TRIALS, "trials", SIM, AIROI__PT_WHOLE, 1, TWO53, 0, 1,
     "a whole number of trials >= 1"},
    {AIROI_SIM_SEED, "seed", SIM, AIROI__PT_WHOLE, 0, TWO53, 0, 0,
     "a whole number in [0, 9007199254740992] (2^53)"},
    {AIROI_SIM_SAMPLING, "sampling", SIM, AIROI__PT_ENUM, AIROI_SAMPLING_RANDOM,
     AIROI_SAMPLING_SOBOL, 0, 0, "one of random, sobol"},
    {AIROI_SIM_THREADS, "threads", SIM, AIROI__PT_WHOLE, 0, 1024, 0, 1,
     "a whole number of threads >= 0 (0: one per core)"},
    {AIROI_SIM_BINS, "bins", SIM, AIROI__PT_WHOLE, 1, 10000, 0, 1,
     "a whole number of histogram bins >= 1"},
    {AIROI_SIM_ROI_TARGET, "roi_target", SIM, AIROI__PT_NUMBER, -INF, INF, 0, 0,
     "a number (a ROI as a fraction, 0.15 is 15%)"},
    {AIROI_SIM_TAIL, "tail", SIM, AIROI__PT_NUMBER, 0, 1, AIROI__OPEN_LO | AIROI__OPEN_HI, 0,
     "a level strictly between 0 and 1 (e.g. 0.05)"},
    {AIROI_SIM_KEEP_TRIALS, "keep_trials", SIM, AIROI__PT_BOOL, 0, 1, 0, 0, "true or false"},
    {AIROI_SIM_REPAIR, "repair", SIM, AIROI__PT_BOOL, 0, 1, 0, 0, "true or false"},
};

const airoi__rule airoi__rule_distribution = {
    0, "distribution", UNC, AIROI__PT_ENUM, AIROI_DIST_FIXED, AIROI_DIST_BERNOULLI, 0, 0,
    "one of fixed, uniform, triangular, pert, normal, lognormal, discrete, bernoulli"};

const airoi__rule airoi__rule_output = {
    0, "outputs", SIM, AIROI__PT_ENUM, AIROI_SIM_NPV, AIROI_SIM_PAYBACK_PERIODS, 0, 0,
    "one of npv, irr, roi_horizon, npv_roi, payback_periods"};

const airoi__rule airoi__rule_rank = {
    0, "rank", S(AIROI__SUBJ_CORRELATION), AIROI__PT_NUMBER, -1, 1, 0, 0,
    "a rank correlation in [-1, 1]"};

const airoi__rule airoi__rule_percentile = {
    0, "percentiles", SIM, AIROI__PT_NUMBER, 0, 100, AIROI__OPEN_LO | AIROI__OPEN_HI, 0,
    "a percentile strictly between 0 and 100"};

const airoi__rule airoi__rule_discrete_value = {
    0, "values", UNC, AIROI__PT_NUMBER, -INF, INF, 0, 0, NUMBER};

const airoi__rule airoi__rule_discrete_probability = {
    0, "probabilities", UNC, AIROI__PT_NUMBER, 0, 1, 0, 0, "a probability in [0, 1]"};

const airoi__rule airoi__rule_fx_rate = {
    0, "fx", PROJECT, AIROI__PT_NUMBER, 0, INF, 1, 0,
    "a rate greater than 0 (units of project currency per unit)"};

const airoi__rule airoi__rule_multiplier = {
    0, "multipliers", SCENARIO, AIROI__PT_NUMBER, 0, INF, 0, 0, "a factor >= 0"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The row of param in a table of the family at base (row i: base + i). */
static const airoi__rule *row(const airoi__rule *rules, size_t n, int base, int param)
{
    if (AIROI__ENUM_BASE(param) != base || (size_t)AIROI__ENUM_INDEX(param) >= n)
        return NULL;
    return &rules[AIROI__ENUM_INDEX(param)];
}

const airoi__rule *airoi__item_rule(int param)
{
    return row(item_rules, COUNT(item_rules), AIROI_ITEM_NAME, param);
}

const airoi__rule *airoi__project_rule(int param)
{
    return row(project_rules, COUNT(project_rules), AIROI_PROJECT_NAME, param);
}

const airoi__rule *airoi__scenario_rule(int param)
{
    return row(scenario_rules, COUNT(scenario_rules), AIROI_SCENARIO_PROBABILITY,
               param);
}

static const airoi__rule *row_in(const airoi__rule *rules, size_t n, int base, int param)
{
    if (param < base || (size_t)(param - base) >= n)
        return NULL;
    return &rules[param - base];
}

const airoi__rule *airoi__uncertainty_rule(int param)
{
    return row_in(uncertainty_rules, COUNT(uncertainty_rules), AIROI_UNCERTAINTY_NAME, param);
}

const airoi__rule *airoi__stage_rule(int param)
{
    return row_in(stage_rules, COUNT(stage_rules), AIROI_STAGE_NAME, param);
}

const airoi__rule *airoi__sim_rule(int param)
{
    return row_in(sim_rules, COUNT(sim_rules), AIROI_SIM_TRIALS, param);
}

#define UBIT(param) (1u << (unsigned)((param) - AIROI_UNCERTAINTY_NAME))
#define UCOMMON                                                                            \
    (UBIT(AIROI_UNCERTAINTY_NAME) | UBIT(AIROI_UNCERTAINTY_TARGET) |                        \
     UBIT(AIROI_UNCERTAINTY_MIN) | UBIT(AIROI_UNCERTAINTY_MAX) |                            \
     UBIT(AIROI_UNCERTAINTY_PER_PERIOD) | UBIT(AIROI_UNCERTAINTY_DRIVER))

/* Indexed by airoi_distribution - AIROI_DIST_FIXED: the parameters each
 * distribution uses beyond the common ones, and their keys. */
static const struct {
    unsigned params;
    const char *keys;
} dist_params[] = {
    {UBIT(AIROI_UNCERTAINTY_VALUE), "value"},
    {UBIT(AIROI_UNCERTAINTY_LOW) | UBIT(AIROI_UNCERTAINTY_HIGH), "low, high"},
    {UBIT(AIROI_UNCERTAINTY_LOW) | UBIT(AIROI_UNCERTAINTY_MODE) | UBIT(AIROI_UNCERTAINTY_HIGH),
     "low, mode, high"},
    {UBIT(AIROI_UNCERTAINTY_LOW) | UBIT(AIROI_UNCERTAINTY_MODE) | UBIT(AIROI_UNCERTAINTY_HIGH) |
         UBIT(AIROI_UNCERTAINTY_SHAPE),
     "low, mode, high, shape"},
    {UBIT(AIROI_UNCERTAINTY_MEAN) | UBIT(AIROI_UNCERTAINTY_SD), "mean, sd"},
    {UBIT(AIROI_UNCERTAINTY_MEAN) | UBIT(AIROI_UNCERTAINTY_SD) | UBIT(AIROI_UNCERTAINTY_MU) |
         UBIT(AIROI_UNCERTAINTY_SIGMA),
     "mean and sd, or mu and sigma"},
    {0, "values, probabilities"},
    {UBIT(AIROI_UNCERTAINTY_P) | UBIT(AIROI_UNCERTAINTY_IMPACT), "p, impact"},
};

int airoi__distribution_uses(int distribution, int param)
{
    if (distribution < AIROI_DIST_FIXED ||
        (size_t)(distribution - AIROI_DIST_FIXED) >= COUNT(dist_params) ||
        !airoi__uncertainty_rule(param))
        return 0;
    unsigned used = dist_params[distribution - AIROI_DIST_FIXED].params | UCOMMON;
    return (used & UBIT(param)) != 0;
}

const char *airoi__distribution_keys(int distribution)
{
    if (distribution < AIROI_DIST_FIXED ||
        (size_t)(distribution - AIROI_DIST_FIXED) >= COUNT(dist_params))
        return "";
    return dist_params[distribution - AIROI_DIST_FIXED].keys;
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
    /* The value's text only for a message: formatting it costs more than
     * the whole check (every number of a model file is checked here). */
    if (r->type == AIROI__PT_ENUM && v == floor(v) && (v < r->lo || v > r->hi) &&
        fabs(v) < 1e9) {
        /* a constant of another enumeration family, or a number from
         * before the families had their own ranges */
        char why[200];
        airoi__enum_reason(why, sizeof why, (int)v, (int)r->lo);
        snprintf(msg, cap, "%s (%s)", why, r->expected);
        return AIROI_ERR_INVALID;
    }
    int whole = r->type == AIROI__PT_WHOLE || r->type == AIROI__PT_ENUM ||
                r->type == AIROI__PT_BOOL;
    if ((whole && v != floor(v)) || v < r->lo || ((r->open & AIROI__OPEN_LO) && v == r->lo)) {
        snprintf(msg, cap, "expected %s; got %s", r->expected,
                 airoi__rule_number(num, sizeof num, v));
        return AIROI_ERR_INVALID;
    }
    if (v > r->hi || ((r->open & AIROI__OPEN_HI) && v == r->hi)) {
        airoi__rule_number(num, sizeof num, v);
        if (r->hi_is_limit && v > r->hi) {
            snprintf(msg, cap, "%s is above the limit of %s", num,
                     airoi__rule_number(hi, sizeof hi, r->hi));
            return AIROI_ERR_LIMIT;
        }
        snprintf(msg, cap, "expected %s; got %s", r->expected, num);
        return AIROI_ERR_INVALID;
    }
    return AIROI_OK;
}
