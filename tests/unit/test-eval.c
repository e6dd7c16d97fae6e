/*
 * tests/unit/test-eval.c: evaluation of projects (docs/methodology.md#evaluation):
 * the worked examples as golden tests, one test per evaluation rule,
 * the TCO audit codes, benchmarks and schedules.
 */
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <airoi/airoi.h>

#include "test-items.h"

#define TOL 1e-9

/* ---- helpers ----------------------------------------------------------------- */

static airoi_project *project(airoi_period period, int horizon, double rate)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "test"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, period), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, horizon), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, rate), AIROI_OK);
    return p;
}

static airoi_item *cost(airoi_project *p, const char *name, airoi_category category,
                        double amount, airoi_per per)
{
    airoi_item *c = NULL;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, name, category), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, amount), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, per), AIROI_OK);
    return c;
}

static airoi_item *once(airoi_project *p, const char *name, airoi_category category,
                        double amount, int at)
{
    airoi_item *c = cost(p, name, category, amount, AIROI_PER_ONCE);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AT, at), AIROI_OK);
    return c;
}

static airoi_item *value(airoi_project *p, const char *name, airoi_dimension dimension,
                         double amount, airoi_per per)
{
    airoi_item *v = NULL;
    ck_assert_int_eq(airoi_project_add_value(&v, p, name, dimension), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, amount), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_PER, per), AIROI_OK);
    return v;
}

static airoi_result *evaluate(const airoi_project *p, const char *scenario, unsigned flags)
{
    airoi_result *r = NULL;
    int rc = airoi_project_evaluate(&r, p, scenario, flags);
    ck_assert_msg(rc == AIROI_OK, "evaluate: %s: %s", airoi_status_str(rc),
                  airoi_last_error_message());
    ck_assert_ptr_nonnull(r);
    return r;
}

/* The discount rate per period of a schedule. */
static double rate_of(const airoi_schedule *s)
{
    double v = -12345.0;
    int rc = airoi_schedule_get_rate(&v, s);
    ck_assert_msg(rc == AIROI_OK, "rate: %s", airoi_last_error_message());
    return v;
}

/* The severity of finding i. */
static airoi_severity severity_of(const airoi_result *r, size_t i)
{
    airoi_severity sev = AIROI_SEVERITY_INFO;
    int rc = airoi_result_get_finding_severity(&sev, r, i);
    ck_assert_msg(rc == AIROI_OK, "severity: %s", airoi_last_error_message());
    return sev;
}

static double metric(const airoi_result *r, airoi_metric m)
{
    double v = -12345.0;
    int rc = airoi_result_get_metric(&v, r, m);
    ck_assert_msg(rc == AIROI_OK, "metric %s: %s", airoi_metric_name(m), airoi_status_str(rc));
    return v;
}

static int metric_status(const airoi_result *r, airoi_metric m)
{
    double v;
    return airoi_result_get_metric(&v, r, m);
}

/* Column of a result's schedule into buf (at most 64 periods). */
static size_t column(double *buf, const airoi_result *r, airoi_schedule_column col)
{
    size_t n = 0;
    ck_assert_int_eq(airoi_schedule_get_column(buf, 64, &n, airoi_result_get_schedule(r), col),
                     AIROI_OK);
    return n;
}

static int has_finding(const airoi_result *r, const char *code, const char *subject)
{
    for (size_t i = 0; i < airoi_result_count_findings(r); i++) {
        if (strcmp(airoi_result_get_finding_code(r, i), code) != 0)
            continue;
        const char *s = airoi_result_get_finding_subject(r, i);
        if (!subject || (s && strcmp(s, subject) == 0))
            return (int)i + 1;
    }
    return 0;
}

/* ---- worked examples ----------------------------------------------------------- */

START_TEST(example1_visual_inspection)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    once(p, "Inspection system", AIROI_CATEGORY_INFRASTRUCTURE, 380, 0);
    value(p, "Inspector savings", AIROI_DIMENSION_EFFICIENCY, 540, AIROI_PER_YEAR);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), 160.0 / 380.0, TOL);
    ck_assert_double_eq_tol(round(metric(r, AIROI_METRIC_ROI_BASIC) * 1000) / 10, 42.1, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_TOTAL), 380, TOL);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

static airoi_project *example2(void)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    once(p, "Platform and team", AIROI_CATEGORY_PEOPLE, 450, 0);
    value(p, "Agent time", AIROI_DIMENSION_EFFICIENCY, 360, AIROI_PER_YEAR);
    value(p, "Upsell", AIROI_DIMENSION_REVENUE, 120, AIROI_PER_YEAR);
    value(p, "Complaints avoided", AIROI_DIMENSION_RISK, 60, AIROI_PER_YEAR);
    return p;
}

START_TEST(example2_customer_service_scenarios)
{
    airoi_project *p = example2();
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), 0.20, TOL);
    /* without scenarios, risk-adjusted = horizon ROI */
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_RISK_ADJUSTED), 0.20, TOL);
    airoi_result_free(r);

    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "best", 0.2), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 720.0 / 540.0), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "base", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "worst", 0.3), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 280.0 / 540.0), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), 0.20, TOL);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_EXPECTED_BENEFITS), 498, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_EXPECTED_COSTS), 450, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_RISK_ADJUSTED), 48.0 / 450.0, TOL);
    ck_assert_double_eq_tol(round(metric(r, AIROI_METRIC_ROI_RISK_ADJUSTED) * 10000) / 100,
                            10.67, 1e-12);
    ck_assert_uint_eq(airoi_result_count_scenarios(r), 3);
    const airoi_result *best = airoi_result_get_scenario(r, 0);
    ck_assert_str_eq(airoi_result_get_scenario_name(best), "best");
    /* lookups by name: a sub-result by its scenario's name, a metric by its JSON key */
    const airoi_result *found = NULL;
    ck_assert_int_eq(airoi_result_find_scenario(&found, r, "worst"), AIROI_OK);
    ck_assert_ptr_eq(found, airoi_result_get_scenario(r, 2));
    ck_assert_int_eq(airoi_result_find_scenario(&found, r, "middle"), AIROI_ERR_NOT_FOUND);
    ck_assert_ptr_null(found);
    ck_assert_str_eq(airoi_last_error_message(),
                     "no scenario named 'middle' in this result (3 scenarios, the first 'best')");
    ck_assert_int_eq(airoi_result_find_scenario(&found, best, "best"), AIROI_ERR_NOT_FOUND);
    ck_assert_str_eq(airoi_last_error_message(),
                     "no scenario named 'best': this result has no per-scenario results");
    ck_assert_int_eq(airoi_result_find_scenario(NULL, r, "best"), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_result_find_scenario(&found, r, NULL), AIROI_ERR_INVALID);
    double by_name = -1;
    ck_assert_int_eq(airoi_result_get_metric_by_name(&by_name, best, "total_benefits"), AIROI_OK);
    ck_assert_double_eq(by_name, metric(best, AIROI_METRIC_TOTAL_BENEFITS));
    ck_assert_int_eq(airoi_result_get_metric_by_name(&by_name, r, "roi_risk_adjusted"), AIROI_OK);
    ck_assert_double_eq(by_name, metric(r, AIROI_METRIC_ROI_RISK_ADJUSTED));
    by_name = -1;
    ck_assert_int_eq(airoi_result_get_metric_by_name(&by_name, r, "nvp"), AIROI_ERR_NOT_FOUND);
    ck_assert_double_eq(by_name, -1); /* untouched */
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "metric: expected one of npv, irr"));
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "got 'nvp'"));
    ck_assert_int_eq(airoi_result_get_metric_by_name(&by_name, NULL, "npv"), AIROI_ERR_INVALID);
    double prob;
    ck_assert_int_eq(airoi_result_get_probability(&prob, best), AIROI_OK);
    ck_assert_double_eq(prob, 0.2);
    ck_assert_double_eq_tol(metric(best, AIROI_METRIC_TOTAL_BENEFITS), 720, 1e-9);
    ck_assert_double_eq_tol(metric(airoi_result_get_scenario(r, 2), AIROI_METRIC_ROI_BASIC),
                            (280.0 - 450.0) / 450.0, TOL);
    ck_assert_ptr_null(airoi_result_get_scenario(r, 3));
    ck_assert_int_eq(airoi_result_get_probability(&prob, r), AIROI_ERR_NOT_FOUND);
    /* a sub-result cannot be freed on its own: it stays readable until its
     * result goes (a double free would show under ASan and valgrind) */
    airoi_result_free((airoi_result *)best);
    ck_assert_str_eq(airoi_result_get_scenario_name(best), "best");
    ck_assert_double_eq_tol(metric(best, AIROI_METRIC_TOTAL_BENEFITS), 720, 1e-9);
    airoi_result_free(r);

    /* one scenario on its own */
    r = evaluate(p, "worst", 0);
    ck_assert_str_eq(airoi_result_get_scenario_name(r), "worst");
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TOTAL_BENEFITS), 280, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_RISK_ADJUSTED), 48.0 / 450.0, TOL);
    ck_assert_uint_eq(airoi_result_count_scenarios(r), 0);
    ck_assert_uint_eq(airoi_result_count_findings(r), 0);
    airoi_result_free(r);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, "nope", 0), AIROI_ERR_NOT_FOUND);
    ck_assert_ptr_null(r);
    airoi_project_free(p);
}
END_TEST

static airoi_project *example3(void)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.08);
    static const double c[] = {350, 180, 150, 150};
    static const double e[] = {0, 200, 280, 320};
    static const double rv[] = {0, 60, 150, 220};
    static const double rk[] = {0, 40, 60, 80};
    airoi_item *ci;
    airoi_item *vi;
    ck_assert_int_eq(airoi_project_add_cost(&ci, p, "Costs", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(ci, AIROI_ITEM_FROM, 0), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(ci, c, 4), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&vi, p, "Efficiency", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(vi, AIROI_ITEM_FROM, 0), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(vi, e, 4), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&vi, p, "Revenue", AIROI_DIMENSION_REVENUE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(vi, AIROI_ITEM_FROM, 1), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(vi, rv + 1, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&vi, p, "Risk", AIROI_DIMENSION_RISK), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(vi, rk + 1, 3), AIROI_OK); /* from 1 default */
    return p;
}

START_TEST(example3_three_year_case)
{
    airoi_project *p = example3();
    airoi_result *r = evaluate(p, NULL, 0);
    double buf[64];
    size_t n = column(buf, r, AIROI_SCHEDULE_NET);
    ck_assert_uint_eq(n, 4);
    ck_assert_double_eq_tol(buf[0], -350, TOL);
    ck_assert_double_eq_tol(buf[1], 120, TOL);
    ck_assert_double_eq_tol(buf[2], 340, TOL);
    ck_assert_double_eq_tol(buf[3], 470, TOL);
    column(buf, r, AIROI_SCHEDULE_CUMULATIVE);
    ck_assert_double_eq_tol(buf[0], -350, TOL);
    ck_assert_double_eq_tol(buf[1], -230, TOL);
    ck_assert_double_eq_tol(buf[2], 110, TOL);
    ck_assert_double_eq_tol(buf[3], 580, TOL);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_HORIZON), 580.0 / 830.0, TOL);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_HORIZON), 0.699, 5e-4);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_NPV), 425.71, 5e-3);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_PV_COSTS), 764.34, 5e-3);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_PV), 764.34, 5e-3);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_NPV_ROI), 0.557, 5e-4);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_NPV_ROI),
                            metric(r, AIROI_METRIC_NPV) / metric(r, AIROI_METRIC_PV_COSTS), TOL);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_BCR),
                            metric(r, AIROI_METRIC_PV_BENEFITS) /
                                metric(r, AIROI_METRIC_PV_COSTS),
                            TOL);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_IRR), 0.5399, 5e-5);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_PAYBACK_PERIODS), 1.676, 5e-4);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_PAYBACK_PERIODS), 1 + 230.0 / 340.0, TOL);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS), 1.820, 5e-4);
    /* MIRR at 8% both ways: ((FV of inflows at 8%) / 350)^(1/3) - 1 */
    double fv = 120 * 1.08 * 1.08 + 340 * 1.08 + 470;
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_MIRR), pow(fv / 350.0, 1.0 / 3.0) - 1, 1e-9);
    /* roi_basic: periods 0 and 1 */
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), (300.0 - 530.0) / 530.0, TOL);
    /* dimension split */
    double d;
    ck_assert_int_eq(airoi_result_get_value_dimension(&d, r, AIROI_DIMENSION_REVENUE), AIROI_OK);
    ck_assert_double_eq_tol(d, 430, TOL);
    column(buf, r, AIROI_SCHEDULE_DISCOUNT_FACTOR);
    ck_assert_double_eq_tol(buf[2], 1 / (1.08 * 1.08), 1e-12);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* Example 4 as a three-year yearly model: annualised views divide horizon
 * totals by 3 years, which amortises the one-time training over 3 years. */
static airoi_project *example4(int horizon, double training)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, horizon, 0.0);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, 10000), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_fx(p, "USD", 32), AIROI_OK);
    airoi_item *c;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Model API", AIROI_CATEGORY_SOFTWARE),
                     AIROI_OK);
    /* 1,000,000 calls x 0.002 USD = 2,000 USD = 0.2 units of 10,000 */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_QUANTITY, 1000000), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_UNIT_AMOUNT, 0.002 / 10000),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PER_MONTH), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_CURRENCY, "USD"), AIROI_OK);
    cost(p, "Platform", AIROI_CATEGORY_SOFTWARE, 5, AIROI_PER_MONTH);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Staff", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_QUANTITY, 1.5), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_UNIT_AMOUNT, 8), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PER_MONTH), AIROI_OK);
    once(p, "Training", AIROI_CATEGORY_CHANGE_MANAGEMENT, training, 0);
    airoi_item *v;
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Agent time", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_QUANTITY, 15), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_UNIT_AMOUNT, 4), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_PER, AIROI_PER_MONTH), AIROI_OK);
    value(p, "Conversion", AIROI_DIMENSION_REVENUE, 480, AIROI_PER_YEAR);
    value(p, "Retention", AIROI_DIMENSION_REVENUE, 1000, AIROI_PER_YEAR);
    return p;
}

START_TEST(example4_genai_customer_service)
{
    airoi_project *p = example4(3, 50);
    airoi_result *r = evaluate(p, NULL, 0);
    double software;
    ck_assert_int_eq(airoi_result_get_tco_category(&software, r, AIROI_CATEGORY_SOFTWARE),
                     AIROI_OK);
    ck_assert_double_eq_tol(software, 3 * (76.8 + 60), 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ANNUAL_COSTS), 297.4666666666667, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ANNUAL_BENEFITS), 2200, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_HORIZON), (2200 - 297.4666666666667) /
                                                                     297.4666666666667,
                            1e-9);
    ck_assert_double_eq_tol(round(metric(r, AIROI_METRIC_ROI_HORIZON) * 1000) / 10, 639.6, 1e-9);
    double buf[64];
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(buf[0], 50, 1e-12);
    ck_assert_double_eq_tol(buf[1], 76.8 + 60 + 144, 1e-9);
    /* investment in 10,000 TWD = 892.4, above customer_service's 200-800 */
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "customer_service"),
                     AIROI_OK);
    airoi_result_free(r);
    r = evaluate(p, NULL, 0);
    double inv;
    airoi_benchmark_position pos;
    ck_assert_int_eq(airoi_result_get_benchmark_value(&inv, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_OK);
    ck_assert_double_eq_tol(inv, 892.4, 1e-9);
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_OK);
    ck_assert_int_eq(pos, AIROI_BENCHMARK_ABOVE);
    ck_assert(has_finding(r, "BENCHMARK_ABOVE", "investment"));
    airoi_result_free(r);
    airoi_project_free(p);

    /* the same as a one-year case with the training amortised: 50 / 3 */
    p = example4(1, 50.0 / 3.0);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_TOTAL), 297.4666666666667, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TOTAL_BENEFITS), 2200, 1e-9);
    ck_assert_double_eq_tol(round(metric(r, AIROI_METRIC_ROI_BASIC) * 1000) / 10, 639.6, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(example5_aml_risk_value)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    airoi_item *v;
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Losses avoided", AIROI_DIMENSION_RISK),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_QUANTITY, 3500), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_UNIT_AMOUNT, 0.27), AIROI_OK);
    once(p, "Model", AIROI_CATEGORY_PEOPLE, 500, 0);
    airoi_result *r = evaluate(p, NULL, 0);
    double d;
    ck_assert_int_eq(airoi_result_get_value_dimension(&d, r, AIROI_DIMENSION_RISK), AIROI_OK);
    ck_assert_double_eq_tol(d, 945, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TOTAL_BENEFITS), 945, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* ---- evaluation rules ------------------------------------------------------------- */

START_TEST(rule_per_period_rate)
{
    airoi_project *p = project(AIROI_PERIOD_MONTH, 24, 0.10);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(rate_of(airoi_result_get_schedule(r)),
                            pow(1.1, 1.0 / 12.0) - 1.0, 1e-15);
    airoi_result_free(r);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_QUARTER),
                     AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(rate_of(airoi_result_get_schedule(r)),
                            pow(1.1, 0.25) - 1.0, 1e-15);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_frequency_conversion_both_ways)
{
    double buf[64];
    /* monthly 2,000 in a yearly model: 24,000 a year */
    airoi_project *p = project(AIROI_PERIOD_YEAR, 2, 0.0);
    cost(p, "API", AIROI_CATEGORY_SOFTWARE, 2000, AIROI_PER_MONTH);
    cost(p, "Support", AIROI_CATEGORY_SOFTWARE, 100, AIROI_PER_QUARTER);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq(buf[0], 0);
    ck_assert_double_eq_tol(buf[1], 24000 + 400, 1e-9);
    ck_assert_double_eq_tol(buf[2], 24000 + 400, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);

    /* yearly 12,000 in a monthly model: 1,000 a month; quarterly 300: 100 a month */
    p = project(AIROI_PERIOD_MONTH, 3, 0.0);
    cost(p, "Licence", AIROI_CATEGORY_SOFTWARE, 12000, AIROI_PER_YEAR);
    value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 300, AIROI_PER_QUARTER);
    cost(p, "Per period", AIROI_CATEGORY_PEOPLE, 7, AIROI_PER_PERIOD);
    r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(buf[1], 1007, 1e-9);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq_tol(buf[3], 100, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);

    /* quarterly model: yearly / 4, monthly x 3 */
    p = project(AIROI_PERIOD_QUARTER, 4, 0.0);
    cost(p, "Licence", AIROI_CATEGORY_SOFTWARE, 400, AIROI_PER_YEAR);
    cost(p, "Cloud", AIROI_CATEGORY_INFRASTRUCTURE, 10, AIROI_PER_MONTH);
    r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(buf[4], 130, 1e-9);
    double infra[64];
    size_t n;
    ck_assert_int_eq(airoi_schedule_get_category(infra, 64, &n, airoi_result_get_schedule(r),
                                                 AIROI_CATEGORY_INFRASTRUCTURE),
                     AIROI_OK);
    ck_assert_double_eq_tol(infra[2], 30, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_once_at_and_default)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.0);
    cost(p, "Build", AIROI_CATEGORY_PEOPLE, 100, AIROI_PER_ONCE); /* at defaults to 0 */
    once(p, "Upgrade", AIROI_CATEGORY_INFRASTRUCTURE, 40, 2);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq(buf[0], 100);
    ck_assert_double_eq(buf[1], 0);
    ck_assert_double_eq(buf[2], 40);
    ck_assert_double_eq(buf[3], 0);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_from_to_defaults)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 4, 0.0);
    airoi_item *c = cost(p, "Run", AIROI_CATEGORY_PEOPLE, 10, AIROI_PER_YEAR);
    airoi_item *d = cost(p, "Window", AIROI_CATEGORY_PEOPLE, 1, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_FROM, 2), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_TO, 3), AIROI_OK);
    (void)c;
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq(buf[0], 0);
    ck_assert_double_eq(buf[1], 10);
    ck_assert_double_eq(buf[2], 11);
    ck_assert_double_eq(buf[3], 11);
    ck_assert_double_eq(buf[4], 10);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_fx_and_unit)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    airoi_item *c = cost(p, "Cloud", AIROI_CATEGORY_INFRASTRUCTURE, 100, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_CURRENCY, "USD"), AIROI_OK);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "USD"));
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "Cloud"));
    ck_assert_int_eq(airoi_project_set_fx(p, "USD", 32), AIROI_OK);
    r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(buf[1], 3200, 1e-9);
    airoi_result_free(r);
    /* an item in the project currency needs no rate */
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, 10000), AIROI_OK);
    r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq(buf[1], 100); /* metrics stay in units of the unit */
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_growth)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.0);
    airoi_item *c = cost(p, "Licence", AIROI_CATEGORY_SOFTWARE, 100, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_GROWTH, 0.1), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(buf[1], 100, 1e-12);
    ck_assert_double_eq_tol(buf[2], 110, 1e-9);
    ck_assert_double_eq_tol(buf[3], 121, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);

    /* monthly: (1 + g)^((t - from) / 12) */
    p = project(AIROI_PERIOD_MONTH, 13, 0.0);
    airoi_item *v = value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 10, AIROI_PER_MONTH);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_GROWTH, 0.12), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_FROM, 1), AIROI_OK);
    r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq_tol(buf[7], 10 * sqrt(1.12), 1e-9);
    ck_assert_double_eq_tol(buf[13], 11.2, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* Each item's series is built once per evaluation and shared by the base
 * case and every scenario (docs/methodology.md#evaluation); the growth
 * factors of a rate are computed once and kept for the items with that
 * rate. Every flow must still be the double of the formula,
 * amount x e^(k y log1p(g)) x scale, and a scenario's flows those of its
 * own delay, adoption ceiling and multipliers: checked bit for bit on
 * items that are alone in their category or dimension (a sum of one
 * term is the term), with more growth rates than are kept at a time. */
START_TEST(rule_series_shared_by_scenarios)
{
    static const double g[9] = {0.03, 0.05, 0.07, 0.11, 0.13, 0.03, 0.17, 0.05, 0.07};
    const double y = 1.0 / 12.0;
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_MONTH, 30, 0.0);
    for (int i = 0; i < 9; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%d", i);
        airoi_item *c = cost(p, name, (airoi_category)(AIROI_CATEGORY_PEOPLE + i), 1000 + i,
                             AIROI_PER_YEAR);
        ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_GROWTH, g[i]), AIROI_OK);
    }
    airoi_item *v = value(p, "v", AIROI_DIMENSION_REVENUE, 120, AIROI_PER_MONTH);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_GROWTH, 0.19), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE, AIROI_CURVE_S_CURVE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_PERIODS, 12), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_START, 0.1), AIROI_OK);
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "late", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, 4), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_ADOPTION_CEILING, 0.6),
                     AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 1.3), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "dear", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "software", 1.7), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    for (int e = 0; e < 3; e++) {
        const airoi_result *re = e == 0 ? r : airoi_result_get_scenario(r, (size_t)e - 1);
        const airoi_schedule *sc = airoi_result_get_schedule(re);
        for (int i = 0; i < 9; i++) {
            size_t n = 0;
            ck_assert_int_eq(airoi_schedule_get_category(
                                 buf, 64, &n, sc, (airoi_category)(AIROI_CATEGORY_PEOPLE + i)),
                             AIROI_OK);
            ck_assert_uint_eq(n, 31);
            double m = e == 2 && AIROI_CATEGORY_PEOPLE + i == AIROI_CATEGORY_SOFTWARE ? 1.7 : 1.0;
            for (int t = 0; t <= 30; t++) { /* from period 1 (the default) */
                double want = 0.0;
                if (t >= 1)
                    want = (1000 + i) * exp((double)(t - 1) * y * log1p(g[i])) * (1.0 / 12.0) * m;
                ck_assert_msg(buf[t] == want, "evaluation %d, cost c%d, period %d: %.17g != %.17g",
                              e, i, t, buf[t], want);
            }
        }
        size_t n = 0;
        ck_assert_int_eq(airoi_schedule_get_dimension(buf, 64, &n, sc, AIROI_DIMENSION_REVENUE),
                         AIROI_OK);
        int d = e == 1 ? 5 : 1; /* from period 1, and the delay */
        for (int t = 0; t <= 30; t++) {
            double want = 0.0;
            if (t >= d) {
                double k = (double)(t - d), x = k / 12.0 < 1.0 ? k / 12.0 : 1.0;
                double a = 0.1 + (1.0 - 0.1) * (3.0 * x * x - 2.0 * x * x * x);
                double cap = e == 1 ? 0.6 : 2.0;
                want = 120 * exp(k * y * log1p(0.19)) * 1.0;
                want = want * (a < cap ? a : cap) * (e == 1 ? 1.3 : 1.0);
            }
            ck_assert_msg(buf[t] == want, "evaluation %d, value, period %d: %.17g != %.17g", e,
                          t, buf[t], want);
        }
    }
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* payment: lump (docs/methodology.md#flows): a yearly or quarterly amount
 * in a shorter project period is paid in full in the first period of each
 * year or quarter counted from `from`, with growth and adoption at that
 * period; the default (spread) pays an even share in every period. The
 * schedule below is computed by hand. */
START_TEST(rule_payment_lump)
{
    airoi_project *p = project(AIROI_PERIOD_MONTH, 26, 0.0);
    airoi_item *lic = cost(p, "Licence", AIROI_CATEGORY_SOFTWARE, 1200, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(lic, AIROI_ITEM_FROM, 2), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(lic, AIROI_ITEM_GROWTH, 0.10), AIROI_OK);
    double x = -1;
    ck_assert_int_eq(airoi_item_get_number(&x, lic, AIROI_ITEM_PAYMENT), AIROI_OK);
    ck_assert_double_eq(x, AIROI_PAYMENT_SPREAD);
    ck_assert_int_eq(airoi_item_set_number(lic, AIROI_ITEM_PAYMENT, AIROI_PAYMENT_LUMP), AIROI_OK);
    ck_assert_int_eq(airoi_item_get_number(&x, lic, AIROI_ITEM_PAYMENT), AIROI_OK);
    ck_assert_double_eq(x, AIROI_PAYMENT_LUMP);
    airoi_item *sup = cost(p, "Support", AIROI_CATEGORY_MAINTENANCE, 300, AIROI_PER_QUARTER);
    ck_assert_int_eq(airoi_item_set_number(sup, AIROI_ITEM_TO, 7), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(sup, AIROI_ITEM_PAYMENT, AIROI_PAYMENT_LUMP), AIROI_OK);
    airoi_item *reb = value(p, "Rebate", AIROI_DIMENSION_REVENUE, 1200, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(reb, AIROI_ITEM_FROM, 3), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(reb, AIROI_ITEM_PAYMENT, AIROI_PAYMENT_LUMP), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(reb, AIROI_ITEM_ADOPTION_CURVE, AIROI_CURVE_STEP),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(reb, AIROI_ITEM_ADOPTION_PERIODS, 12), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(reb, AIROI_ITEM_ADOPTION_START, 0.5), AIROI_OK);
    airoi_scenario *late = NULL;
    ck_assert_int_eq(airoi_project_add_scenario(&late, p, "late", 1.0), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(late, AIROI_SCENARIO_DELAY, 2), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    double c[64], b[64];
    ck_assert_uint_eq(column(c, r, AIROI_SCHEDULE_COSTS), 27);
    column(b, r, AIROI_SCHEDULE_BENEFITS);
    /* Licence: 1,200 at month 2, 1,200 x 1.1 = 1,320 at 14, 1,200 x 1.1^2
     * = 1,452 at 26. Support: 300 at months 1, 4 and 7 (to 7). */
    double want_c[27] = {0};
    want_c[2] = 1200, want_c[14] = 1320, want_c[26] = 1452;
    want_c[1] = 300, want_c[4] = 300, want_c[7] = 300;
    /* Rebate: at month 3 (k = 0, adoption 0.5) 600, at 15 (k = 12, adoption
     * 1) 1,200; nothing in between */
    double want_b[27] = {0};
    want_b[3] = 600, want_b[15] = 1200;
    for (int t = 0; t < 27; t++) {
        ck_assert_msg(fabs(c[t] - want_c[t]) < 1e-9, "costs[%d] = %.17g, want %g", t, c[t],
                      want_c[t]);
        ck_assert_msg(fabs(b[t] - want_b[t]) < 1e-9, "benefits[%d] = %.17g, want %g", t, b[t],
                      want_b[t]);
    }
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TOTAL_COSTS), 1200 + 1320 + 1452 + 900, 1e-9);
    airoi_result_free(r);
    /* a delay of 2 moves the value's lumps to months 5 and 17 */
    r = evaluate(p, "late", 0);
    column(b, r, AIROI_SCHEDULE_BENEFITS);
    for (int t = 0; t < 27; t++)
        ck_assert_double_eq_tol(b[t], t == 5 ? 600 : t == 17 ? 1200 : 0, 1e-9);
    airoi_result_free(r);
    /* spread (the default) again: 100 a month from month 2 (grown by
     * 1.1^((t - 2) / 12)), 100 a month from 1 to 7 */
    ck_assert_int_eq(airoi_item_set_number(lic, AIROI_ITEM_PAYMENT, AIROI_PAYMENT_SPREAD),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(sup, AIROI_ITEM_PAYMENT, AIROI_PAYMENT_SPREAD),
                     AIROI_OK);
    r = evaluate(p, NULL, 0);
    column(c, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(c[1], 100, 1e-9);
    ck_assert_double_eq_tol(c[2], 100 + 100, 1e-9);
    ck_assert_double_eq_tol(c[8], 100 * pow(1.1, 0.5), 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);

    /* a quarterly model: a yearly lump in quarters 1 and 5 */
    p = project(AIROI_PERIOD_QUARTER, 8, 0.0);
    airoi_item *y = cost(p, "Yearly", AIROI_CATEGORY_SOFTWARE, 400, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(y, AIROI_ITEM_PAYMENT, AIROI_PAYMENT_LUMP), AIROI_OK);
    r = evaluate(p, NULL, 0);
    column(c, r, AIROI_SCHEDULE_COSTS);
    for (int t = 0; t <= 8; t++)
        ck_assert_double_eq_tol(c[t], t == 1 || t == 5 ? 400 : 0, 1e-12);
    airoi_result_free(r);
    /* a lump that is no longer than the project period is an error, and so
     * is a lump on a one-time amount; the value must be a payment form */
    ck_assert_int_eq(airoi_item_set_number(y, AIROI_ITEM_PER, AIROI_PER_QUARTER), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_str_eq(airoi_last_error_message(),
                     "cost item 'Yearly': payment: lump pays a quarter's or a year's amount in the "
                     "first period of each, in a shorter project period; per: quarter is not "
                     "longer than the project period (quarter); quote the amount per quarter or "
                     "year, or remove payment");
    ck_assert_int_eq(airoi_item_set_number(y, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "a one-time amount (per: once)"));
    ck_assert_int_eq(airoi_item_set_number(y, AIROI_ITEM_PAYMENT, 2), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(),
                                 "cost item 'Yearly': payment: 2 (0x0002) is not an airoi_payment "
                                 "value"));
    airoi_payment pay = AIROI_PAYMENT_SPREAD;
    ck_assert_int_eq(airoi_payment_from_name(&pay, "lump"), AIROI_OK);
    ck_assert_int_eq(pay, AIROI_PAYMENT_LUMP);
    ck_assert_str_eq(airoi_payment_name(AIROI_PAYMENT_SPREAD), "spread");
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_amounts_list)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 4, 0.0);
    airoi_item *v;
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Revenue", AIROI_DIMENSION_REVENUE),
                     AIROI_OK);
    static const double list[] = {60, 150, 220};
    ck_assert_int_eq(airoi_item_set_amounts(v, list, 3), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_FROM, 2), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_GROWTH, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_REALIZATION, 0.5), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq(buf[1], 0);
    ck_assert_double_eq_tol(buf[2], 30, 1e-12); /* no growth, value factors apply */
    ck_assert_double_eq_tol(buf[3], 75, 1e-12);
    ck_assert_double_eq_tol(buf[4], 110, 1e-12);
    airoi_result_free(r);
    /* a list that runs past the horizon is an error naming the item */
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_FROM, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "Revenue"));
    airoi_project_free(p);
}
END_TEST

static airoi_project *ramp(int curve, double periods, double start, double ceiling)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 6, 0.0);
    airoi_item *v = value(p, "Ramp", AIROI_DIMENSION_EFFICIENCY, 100, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE, curve), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_PERIODS, periods),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_START, start), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CEILING, ceiling),
                     AIROI_OK);
    return p;
}

START_TEST(rule_adoption_linear)
{
    double buf[64];
    airoi_project *p = ramp(AIROI_CURVE_LINEAR, 4, 0.2, 0.9);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    /* from 1: k = t - 1 */
    ck_assert_double_eq_tol(buf[1], 20, 1e-9);
    ck_assert_double_eq_tol(buf[2], 100 * (0.2 + 0.7 * 0.25), 1e-9);
    ck_assert_double_eq_tol(buf[3], 100 * (0.2 + 0.7 * 0.5), 1e-9);
    ck_assert_double_eq_tol(buf[5], 90, 1e-9);
    ck_assert_double_eq_tol(buf[6], 90, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_adoption_s_curve)
{
    double buf[64];
    airoi_project *p = ramp(AIROI_CURVE_S_CURVE, 4, 0.2, 1.0);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    double x = 0.25, s = 3 * x * x - 2 * x * x * x;
    ck_assert_double_eq_tol(buf[1], 20, 1e-9);
    ck_assert_double_eq_tol(buf[2], 100 * (0.2 + 0.8 * s), 1e-9);
    ck_assert_double_eq_tol(buf[3], 60, 1e-9); /* x = 0.5: s = 0.5 */
    ck_assert_double_eq_tol(buf[5], 100, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_adoption_step)
{
    double buf[64];
    airoi_project *p = ramp(AIROI_CURVE_STEP, 2, 0.3, 0.8);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq_tol(buf[1], 30, 1e-9);
    ck_assert_double_eq_tol(buf[2], 30, 1e-9);
    ck_assert_double_eq_tol(buf[3], 80, 1e-9);
    ck_assert_double_eq_tol(buf[6], 80, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_realization_attribution_haircut)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    airoi_item *v = value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 100, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_REALIZATION, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ATTRIBUTION, 0.8), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_RISK_ADJUSTMENT, 0.25), AIROI_OK);
    airoi_item *c = cost(p, "Team", AIROI_CATEGORY_PEOPLE, 100, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_RISK_ADJUSTMENT, 0.2), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq_tol(buf[1], 30, 1e-12);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(buf[1], 120, 1e-12);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_strategic_needs_monetized)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    airoi_item *v = value(p, "Brand", AIROI_DIMENSION_STRATEGIC, 100, AIROI_PER_YEAR);
    once(p, "Build", AIROI_CATEGORY_PEOPLE, 50, 0);
    airoi_result *r = evaluate(p, NULL, 0);
    double s;
    ck_assert_double_eq(metric(r, AIROI_METRIC_TOTAL_BENEFITS), 0);
    ck_assert_int_eq(airoi_result_get_strategic_value(&s, r), AIROI_OK);
    ck_assert_double_eq(s, 100);
    ck_assert_int_eq(airoi_result_get_value_dimension(&s, r, AIROI_DIMENSION_STRATEGIC),
                     AIROI_OK);
    ck_assert_double_eq(s, 0);
    airoi_result_free(r);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_MONETIZED, 1), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq(metric(r, AIROI_METRIC_TOTAL_BENEFITS), 100);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), 1.0, 1e-12);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_multipliers_compound)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    cost(p, "Team", AIROI_CATEGORY_PEOPLE, 100, AIROI_PER_YEAR);
    cost(p, "Cloud", AIROI_CATEGORY_INFRASTRUCTURE, 10, AIROI_PER_YEAR);
    value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 1000, AIROI_PER_YEAR);
    value(p, "Sales", AIROI_DIMENSION_REVENUE, 100, AIROI_PER_YEAR);
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "mixed", 1.0), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "costs", 1.1), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "people", 2), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "Team", 3), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "efficiency", 0.4), AIROI_OK);
    airoi_result *r = evaluate(p, "mixed", 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert_double_eq_tol(buf[1], 100 * 1.1 * 2 * 3 + 10 * 1.1, 1e-9);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq_tol(buf[1], 1000 * 0.5 * 0.4 + 100 * 0.5, 1e-9);
    airoi_result_free(r);
    /* the base case ignores multipliers */
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TOTAL_COSTS), 110, 1e-9);
    ck_assert_double_eq_tol(metric(airoi_result_get_scenario(r, 0), AIROI_METRIC_TOTAL_COSTS),
                            671, 1e-9);
    airoi_result_free(r);
    /* an unknown target is a model error naming it */
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "Nonexistent", 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "Nonexistent"));
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_delay_past_horizon)
{
    double buf[64];
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.0);
    airoi_item *v = value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 100, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE, AIROI_CURVE_LINEAR),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_PERIODS, 2), AIROI_OK);
    cost(p, "Run", AIROI_CATEGORY_PEOPLE, 10, AIROI_PER_YEAR);
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "late", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "never", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, 5), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq(buf[1], 0);
    ck_assert_double_eq_tol(buf[2], 50, 1e-12);
    ck_assert_double_eq_tol(buf[3], 100, 1e-12);
    const airoi_result *late = airoi_result_get_scenario(r, 0);
    ck_assert_int_eq(airoi_schedule_get_column(buf, 64, &(size_t){0},
                                               airoi_result_get_schedule(late),
                                               AIROI_SCHEDULE_BENEFITS),
                     AIROI_OK);
    ck_assert_double_eq(buf[1], 0);
    ck_assert_double_eq(buf[2], 0);
    ck_assert_double_eq(buf[3], 0); /* ramp starts at 0: k = 0 lands in period 3 */
    /* costs are not delayed */
    ck_assert_double_eq_tol(metric(late, AIROI_METRIC_TOTAL_COSTS), 30, 1e-12);
    ck_assert_double_eq(metric(airoi_result_get_scenario(r, 1), AIROI_METRIC_TOTAL_BENEFITS), 0);
    airoi_result_free(r);

    /* with a start of adoption the shifted stream is visible */
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_START, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, 1), AIROI_OK);
    r = evaluate(p, "never", 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq(buf[1], 0);
    ck_assert_double_eq_tol(buf[2], 50, 1e-12);
    ck_assert_double_eq_tol(buf[3], 75, 1e-12);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_scenario_adoption_cap)
{
    double buf[64];
    airoi_project *p = ramp(AIROI_CURVE_LINEAR, 2, 0.0, 1.0);
    value(p, "Flat", AIROI_DIMENSION_REVENUE, 10, AIROI_PER_YEAR);
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "capped", 1.0), AIROI_OK);
    double v;
    ck_assert_int_eq(airoi_scenario_get_number(&v, s, AIROI_SCENARIO_ADOPTION_CEILING), AIROI_OK);
    ck_assert_double_eq(v, 1);
    ck_assert_int_eq(airoi_scenario_is_set(s, AIROI_SCENARIO_ADOPTION_CEILING), 0);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_ADOPTION_CEILING, 0.6), AIROI_OK);
    airoi_result *r = evaluate(p, "capped", 0);
    column(buf, r, AIROI_SCHEDULE_BENEFITS);
    ck_assert_double_eq_tol(buf[2], 50 + 6, 1e-12);
    ck_assert_double_eq_tol(buf[3], 60 + 6, 1e-12);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_first_year_window)
{
    /* monthly: periods 0..12 */
    airoi_project *p = project(AIROI_PERIOD_MONTH, 24, 0.0);
    once(p, "Build", AIROI_CATEGORY_PEOPLE, 100, 0);
    cost(p, "Run", AIROI_CATEGORY_PEOPLE, 10, AIROI_PER_MONTH);
    value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 30, AIROI_PER_MONTH);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_FIRST_YEAR_COSTS), 220, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_FIRST_YEAR_BENEFITS), 360, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), 140.0 / 220.0, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_HORIZON), (720.0 - 340.0) / 340.0, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ANNUAL_COSTS), 170, 1e-9);
    airoi_result_free(r);
    /* quarterly: periods 0..4 */
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_QUARTER),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 8), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_FIRST_YEAR_COSTS), 100 + 4 * 30, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), (360.0 - 220.0) / 220.0, 1e-12);
    airoi_result_free(r);
    /* a horizon shorter than a year: up to the horizon */
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_MONTH),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 6), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_FIRST_YEAR_COSTS), 160, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ANNUAL_COSTS), 320, 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_irr_mirr_annualised)
{
    airoi_project *p = project(AIROI_PERIOD_QUARTER, 8, 0.10);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_FINANCE_RATE, 0.06), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_REINVEST_RATE, 0.12), AIROI_OK);
    once(p, "Build", AIROI_CATEGORY_PEOPLE, 1000, 0);
    value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 800, AIROI_PER_YEAR);
    airoi_result *r = evaluate(p, NULL, 0);
    double net[64];
    size_t n = column(net, r, AIROI_SCHEDULE_NET);
    double x;
    ck_assert_int_eq(airoi_irr(&x, net, n, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_IRR), pow(1 + x, 4) - 1, 1e-9);
    ck_assert_int_eq(airoi_mirr(&x, net, n, pow(1.06, 0.25) - 1, pow(1.12, 0.25) - 1), AIROI_OK);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_MIRR), pow(1 + x, 4) - 1, 1e-9);
    double npv;
    ck_assert_int_eq(airoi_npv0(&npv, pow(1.1, 0.25) - 1, net, n), AIROI_OK);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_NPV), npv, 1e-9);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_PAYBACK_PERIODS), 5, 1e-12);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_null_metrics)
{
    /* costs only: IRR/MIRR have no solution, payback never, ROI -100% */
    airoi_project *p = project(AIROI_PERIOD_YEAR, 2, 0.05);
    once(p, "Build", AIROI_CATEGORY_PEOPLE, 100, 0);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_IRR), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_MIRR), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_PAYBACK_PERIODS), AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS),
                     AIROI_ERR_UNDEFINED);
    ck_assert_double_eq(metric(r, AIROI_METRIC_ROI_HORIZON), -1);
    airoi_result_free(r);
    airoi_project_free(p);
    /* no costs at all: ratios are undefined, payback 0 */
    p = project(AIROI_PERIOD_YEAR, 1, 0.05);
    value(p, "Gift", AIROI_DIMENSION_REVENUE, 10, AIROI_PER_YEAR);
    r = evaluate(p, NULL, 0);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_ROI_BASIC), AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_NPV_ROI), AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_TCO_HIDDEN_SHARE), AIROI_ERR_UNDEFINED);
    ck_assert_double_eq(metric(r, AIROI_METRIC_PAYBACK_PERIODS), 0);
    ck_assert_int_eq(metric_status(r, 999), AIROI_ERR_INVALID);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_tco_breakdown)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 2, 0.1);
    cost(p, "Team", AIROI_CATEGORY_PEOPLE, 60, AIROI_PER_YEAR);
    cost(p, "Governance", AIROI_CATEGORY_DATA_GOVERNANCE, 20, AIROI_PER_YEAR);
    cost(p, "Training", AIROI_CATEGORY_CHANGE_MANAGEMENT, 20, AIROI_PER_YEAR);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_TOTAL), 200, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_DIRECT), 120, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_HIDDEN), 80, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_HIDDEN_SHARE), 0.4, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_PV), 100 / 1.1 + 100 / 1.21, 1e-9);
    double v;
    ck_assert_int_eq(airoi_result_get_tco_category(&v, r, AIROI_CATEGORY_DATA_GOVERNANCE),
                     AIROI_OK);
    ck_assert_double_eq_tol(v, 40, 1e-12);
    ck_assert_int_eq(airoi_result_get_tco_category(&v, r, 9), AIROI_ERR_INVALID);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_honest_estimate)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    cost(p, "Team", AIROI_CATEGORY_PEOPLE, 100, AIROI_PER_YEAR);
    cost(p, "Cloud", AIROI_CATEGORY_INFRASTRUCTURE, 100, AIROI_PER_YEAR);
    cost(p, "Licences", AIROI_CATEGORY_SOFTWARE, 100, AIROI_PER_YEAR);
    cost(p, "Labels", AIROI_CATEGORY_DATA, 100, AIROI_PER_YEAR);
    cost(p, "Catalogue", AIROI_CATEGORY_DATA_GOVERNANCE, 100, AIROI_PER_YEAR);
    cost(p, "Training", AIROI_CATEGORY_CHANGE_MANAGEMENT, 100, AIROI_PER_YEAR);
    cost(p, "Retraining", AIROI_CATEGORY_MAINTENANCE, 100, AIROI_PER_YEAR);
    airoi_result *r = evaluate(p, NULL, AIROI_EVAL_HONEST_ESTIMATE);
    ck_assert_uint_eq(airoi_result_get_flags(r), AIROI_EVAL_HONEST_ESTIMATE);
    double v;
    static const double want[] = {125, 140, 130, 175, 175, 0, 250, 100};
    for (int c = 0; c < 8; c++) {
        ck_assert_int_eq(airoi_result_get_tco_category(&v, r, AIROI_CATEGORY_PEOPLE + c), AIROI_OK);
        ck_assert_double_eq_tol(v, want[c], 1e-9);
    }
    airoi_result_free(r);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_TOTAL), 700, 1e-9);
    airoi_result_free(r);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0x80), AIROI_ERR_INVALID);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_probabilities_sum_to_one)
{
    airoi_project *p = example2();
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "a", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "b", 0.4), AIROI_OK);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_ERR_MODEL);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "probabilit"));
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_PROBABILITY, 0.5 + 1e-10),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_PROBABILITY, 0.5 + 1e-8),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_periods_outside_horizon)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.0);
    airoi_item *c = once(p, "Build", AIROI_CATEGORY_PEOPLE, 10, 3);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AT, 4), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "Build"));
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "at: period 4 is outside the horizon 0..3"));
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AT, 0), AIROI_OK);
    airoi_item *d = cost(p, "Run", AIROI_CATEGORY_PEOPLE, 1, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_TO, 4), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "to: period 4 is outside the horizon 0..3"));
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_TO, 1), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_FROM, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "to: last period 1 is before the first period 2"));
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_TO, 3), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_FROM, 5), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "from: period 5 is outside the horizon 0..3"));
    ck_assert_int_eq(airoi_item_set_number(d, AIROI_ITEM_FROM, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    /* shrinking the horizon makes an explicit `to` invalid */
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    airoi_project_free(p);
}
END_TEST

START_TEST(rule_quantity_needs_unit_amount)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    airoi_item *c;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Calls", AIROI_CATEGORY_SOFTWARE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_QUANTITY, 10), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "unit_amount"));
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_UNIT_AMOUNT, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    /* a one-time item cannot carry a list */
    airoi_item *d = once(p, "Build", AIROI_CATEGORY_PEOPLE, 1, 0);
    double l[] = {1, 2};
    ck_assert_int_eq(airoi_item_set_amounts(d, l, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_int_eq(airoi_project_validate(NULL), AIROI_ERR_INVALID);
    airoi_project_free(p);
}
END_TEST

START_TEST(result_outlives_project)
{
    airoi_project *p = example3();
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "only", 1.0), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    airoi_project_free(p);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_NPV), 425.71, 5e-3);
    ck_assert_str_eq(airoi_result_get_scenario_name(airoi_result_get_scenario(r, 0)), "only");
    airoi_schedule *copy;
    ck_assert_int_eq(airoi_schedule_clone(&copy, airoi_result_get_schedule(r)), AIROI_OK);
    airoi_result_free(r);
    double buf[8];
    size_t n;
    ck_assert_int_eq(airoi_schedule_get_column(buf, 8, &n, copy, AIROI_SCHEDULE_CUMULATIVE),
                     AIROI_OK);
    ck_assert_double_eq_tol(buf[3], 580, 1e-9);
    ck_assert_int_eq(airoi_schedule_get_category(buf, 8, &n, copy, AIROI_CATEGORY_PEOPLE),
                     AIROI_OK);
    ck_assert_double_eq(buf[0], 350);
    airoi_schedule_free(copy);
    airoi_result_free(NULL);
}
END_TEST

/* ---- schedules from arrays ----------------------------------------------------------- */

/* ---- numerics: rates per period, one discount factor, compensated sums ---------- */

/* A yearly model uses its discount rate as is (pow(1.08, 1) - 1 would be
 * 0.08000000000000007); a monthly one keeps full precision for a tiny
 * rate (pow(1 + 1e-12, 1/12) - 1 is 8e-4 off). */
START_TEST(numerics_period_rate)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.08);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert(rate_of(airoi_result_get_schedule(r)) == 0.08);
    airoi_result_free(r);
    airoi_project_free(p);

    p = project(AIROI_PERIOD_MONTH, 3, 1e-12);
    r = evaluate(p, NULL, 0);
    double want = expm1(log1p(1e-12) / 12.0); /* 8.333333333329513e-14 */
    double got = rate_of(airoi_result_get_schedule(r));
    ck_assert_msg(fabs(got - want) <= 4e-16 * want, "monthly rate %.17g, want %.17g", got, want);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* The NPV of the finance kernel and the schedule's discounted column use
 * the same discount factors: the NPV is the last discounted cumulative to
 * the bit, also for a monthly model; a yearly IRR is not converted. */
START_TEST(numerics_one_discount_factor)
{
    double df[64], dc[64];
    for (int monthly = 0; monthly < 2; monthly++) {
        airoi_project *p = project(monthly ? AIROI_PERIOD_MONTH : AIROI_PERIOD_YEAR, 37, 0.0731);
        once(p, "Build", AIROI_CATEGORY_INFRASTRUCTURE, 1000.3, 0);
        cost(p, "Run", AIROI_CATEGORY_SOFTWARE, 17.1, AIROI_PER_PERIOD);
        value(p, "Savings", AIROI_DIMENSION_EFFICIENCY, 91.7, AIROI_PER_PERIOD);
        airoi_result *r = evaluate(p, NULL, 0);
        size_t n = column(dc, r, AIROI_SCHEDULE_DISCOUNTED_CUMULATIVE);
        ck_assert_uint_eq(n, 38);
        ck_assert(metric(r, AIROI_METRIC_NPV) == dc[n - 1]);
        column(df, r, AIROI_SCHEDULE_DISCOUNT_FACTOR);
        double rate = rate_of(airoi_result_get_schedule(r));
        for (size_t t = 0; t < n; t++)
            ck_assert(df[t] == exp(-(double)t * log1p(rate)));
        if (!monthly) {
            double net[64], irr;
            column(net, r, AIROI_SCHEDULE_NET);
            ck_assert_int_eq(airoi_irr(&irr, net, n, 0.1), AIROI_OK);
            ck_assert(metric(r, AIROI_METRIC_IRR) == irr);
        }
        airoi_result_free(r);
        airoi_project_free(p);
    }
}
END_TEST

/* {1e16, 1, -1e16} adds up to 1 (plain summation gives 0), across items
 * within a period and across the periods of a total. */
START_TEST(numerics_compensated_totals)
{
    double buf[64];
    static const double a[3] = {1e16, 1.0, -1e16};
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    for (int i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%d", i);
        cost(p, name, AIROI_CATEGORY_SOFTWARE, a[i], AIROI_PER_YEAR);
    }
    airoi_result *r = evaluate(p, NULL, 0);
    column(buf, r, AIROI_SCHEDULE_COSTS);
    ck_assert(buf[1] == 1.0);
    ck_assert(metric(r, AIROI_METRIC_TOTAL_COSTS) == 1.0);
    airoi_result_free(r);
    airoi_project_free(p);

    p = project(AIROI_PERIOD_YEAR, 3, 0.0);
    airoi_item *c = cost(p, "list", AIROI_CATEGORY_SOFTWARE, 0.0, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_amounts(c, a, 3), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert(metric(r, AIROI_METRIC_TOTAL_COSTS) == 1.0);
    double cat;
    ck_assert_int_eq(airoi_result_get_tco_category(&cat, r, AIROI_CATEGORY_SOFTWARE), AIROI_OK);
    ck_assert(cat == 1.0);
    column(buf, r, AIROI_SCHEDULE_CUMULATIVE);
    ck_assert(buf[3] == -1.0); /* costs only: the cumulative net is -1 */
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* The order of the items does not change a single bit of the schedule. */
START_TEST(numerics_item_order_is_irrelevant)
{
    static const double a[] = {1.0, 1e16, -1e16, 0.1, 3e15, -3e15, 7e-3, 2.5};
    enum { N = sizeof a / sizeof a[0] };
    enum { COLS = AIROI_SCHEDULE_DISCOUNTED_BENEFITS - AIROI_SCHEDULE_COSTS + 1 };
    double col[2][COLS][64]; /* col[.][c]: the column AIROI_SCHEDULE_COSTS + c */
    for (int rev = 0; rev < 2; rev++) {
        airoi_project *p = project(AIROI_PERIOD_YEAR, 2, 0.05);
        for (int k = 0; k < N; k++) {
            int i = rev ? N - 1 - k : k;
            char name[16];
            snprintf(name, sizeof name, "c%d", i);
            cost(p, name, AIROI_CATEGORY_SOFTWARE, a[i], AIROI_PER_YEAR);
            snprintf(name, sizeof name, "v%d", i);
            value(p, name, AIROI_DIMENSION_REVENUE, a[i] * 3, AIROI_PER_YEAR);
        }
        airoi_result *r = evaluate(p, NULL, 0);
        for (int c = 0; c < COLS; c++)
            ck_assert_uint_eq(column(col[rev][c], r, AIROI_SCHEDULE_COSTS + c), 3);
        airoi_result_free(r);
        airoi_project_free(p);
    }
    for (int c = 0; c < COLS; c++)
        ck_assert_msg(memcmp(col[0][c], col[1][c], 3 * sizeof(double)) == 0,
                      "column %s depends on the order of the items",
                      airoi_schedule_column_name(AIROI_SCHEDULE_COSTS + c));
    ck_assert(col[0][0][1] == 3.607);
}
END_TEST

/* airoi_roi() is the rule of the roi_horizon metric: the same number from
 * the schedule's columns, also for negative costs, and undefined for zero
 * costs in both. */
START_TEST(numerics_roi_kernel_is_the_metric_rule)
{
    static const double amounts[3] = {380.0, -500.0, 0.0};
    for (int k = 0; k < 3; k++) {
        airoi_project *p = project(AIROI_PERIOD_YEAR, 2, 0.08);
        if (amounts[k] != 0.0)
            cost(p, "Build", AIROI_CATEGORY_INFRASTRUCTURE, amounts[k], AIROI_PER_YEAR);
        value(p, "Savings", AIROI_DIMENSION_EFFICIENCY, 540, AIROI_PER_YEAR);
        airoi_result *r = evaluate(p, NULL, 0);
        double c[64], b[64], roi = -1.0, m = -2.0;
        size_t n = column(c, r, AIROI_SCHEDULE_COSTS);
        column(b, r, AIROI_SCHEDULE_BENEFITS);
        int st = airoi_roi(&roi, b, n, c, n);
        int sm = airoi_result_get_metric(&m, r, AIROI_METRIC_ROI_HORIZON);
        ck_assert_int_eq(st, sm);
        if (amounts[k] == 0.0)
            ck_assert_int_ne(st, AIROI_OK);
        else
            ck_assert(roi == m);
        airoi_result_free(r);
        airoi_project_free(p);
    }
    double roi = 0.0;
    ck_assert_int_eq(airoi_roi(&roi, (double[]){540}, 1, (double[]){380}, 1), AIROI_OK);
    ck_assert_double_eq_tol(roi, 160.0 / 380.0, 1e-15);
    ck_assert_int_eq(airoi_roi(&roi, (double[]){5}, 1, (double[]){-3}, 1), AIROI_OK);
    ck_assert_double_eq_tol(roi, 8.0 / -3.0, 1e-15);
    ck_assert_int_eq(airoi_roi(&roi, (double[]){2}, 1, (double[]){1e16, 1, -1e16}, 3), AIROI_OK);
    ck_assert(roi == 1.0);
    ck_assert_int_eq(airoi_roi(&roi, NULL, 0, (double[]){2}, 1), AIROI_OK);
    ck_assert(roi == -1.0);
    ck_assert_int_eq(airoi_roi(&roi, (double[]){1}, 1, NULL, 0), AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(airoi_roi(&roi, (double[]){1e10}, 1, (double[]){1e-300}, 1),
                     AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(airoi_roi(&roi, (double[]){1e308, 1e308}, 2, (double[]){1}, 1),
                     AIROI_ERR_RANGE);
    ck_assert_int_eq(airoi_roi(&roi, (double[]){1e308}, 1, (double[]){-1e308}, 1),
                     AIROI_ERR_RANGE);
    ck_assert_int_eq(airoi_roi(&roi, (double[]){(double)NAN}, 1, (double[]){1}, 1),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_roi(&roi, NULL, 1, (double[]){1}, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_roi(NULL, NULL, 0, NULL, 0), AIROI_ERR_INVALID);
}
END_TEST

/* The IRR of a project is searched from 10% a year converted to its
 * period: with two IRRs, 0.5% and 20% a month, a monthly project reports
 * the one near 10% a year (1.005^12 - 1), where Newton from 0.1 a month
 * would reach 20% a month. */
START_TEST(numerics_irr_guess_per_period)
{
    airoi_project *p = project(AIROI_PERIOD_MONTH, 2, 0.1);
    once(p, "Build", AIROI_CATEGORY_INFRASTRUCTURE, 1.0, 0);
    airoi_item *v = value(p, "Return", AIROI_DIMENSION_REVENUE, 2.205, AIROI_PER_ONCE);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AT, 1), AIROI_OK);
    once(p, "Wind-down", AIROI_CATEGORY_INFRASTRUCTURE, 1.206, 2);
    airoi_result *r = evaluate(p, NULL, 0);
    double net[64], x;
    size_t n = column(net, r, AIROI_SCHEDULE_NET);
    ck_assert_int_eq(airoi_irr(&x, net, n, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(x, 0.2, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_IRR), expm1(12 * log1p(0.005)), 1e-12);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(schedule_from_arrays)
{
    const double c[] = {350, 180, 150, 150}, b[] = {0, 300, 490, 620};
    airoi_schedule *s = NULL;
    ck_assert_int_eq(airoi_schedule_new(&s, c, b, 4, 0.08), AIROI_OK);
    ck_assert_uint_eq(airoi_schedule_count_periods(s), 4);
    ck_assert_double_eq(rate_of(s), 0.08);
    double buf[4];
    size_t n = 0;
    /* a size query succeeds; a buffer too small does not */
    ck_assert_int_eq(airoi_schedule_get_column(NULL, 0, &n, s, AIROI_SCHEDULE_NET), AIROI_OK);
    ck_assert_uint_eq(n, 4);
    n = 0;
    ck_assert_int_eq(airoi_schedule_get_column(buf, 3, &n, s, AIROI_SCHEDULE_NET),
                     AIROI_ERR_BUFFER);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(airoi_schedule_get_column(buf, 4, &n, s, AIROI_SCHEDULE_DISCOUNTED_CUMULATIVE),
                     AIROI_OK);
    ck_assert_double_eq_tol(buf[3], 425.71, 5e-3);
    ck_assert_int_eq(airoi_schedule_get_column(buf, 4, &n, s, AIROI_SCHEDULE_DISCOUNTED_COSTS),
                     AIROI_OK);
    ck_assert_double_eq_tol(buf[0] + buf[1] + buf[2] + buf[3], 764.34, 5e-3);
    ck_assert_int_eq(airoi_schedule_get_column(buf, 4, &n, s, 42), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_schedule_get_category(buf, 4, &n, s, AIROI_CATEGORY_PEOPLE),
                     AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_schedule_get_dimension(buf, 4, &n, s, AIROI_DIMENSION_RISK),
                     AIROI_ERR_NOT_FOUND);
    airoi_schedule_free(s);

    const double bad[] = {1, (double)NAN};
    ck_assert_int_eq(airoi_schedule_new(&s, c, bad, 2, 0.1), AIROI_ERR_INVALID);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(airoi_schedule_new(&s, c, b, 0, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_schedule_new(&s, c, b, 2, -1), AIROI_ERR_INVALID);
    const double huge_c[] = {1e308, 0}, huge_b[] = {-1e308, 0};
    ck_assert_int_eq(airoi_schedule_new(&s, huge_c, huge_b, 2, 0.1), AIROI_ERR_RANGE);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(airoi_schedule_column_from_name(&(airoi_schedule_column){AIROI_SCHEDULE_COSTS}, "discounted"), AIROI_OK);
    ck_assert_str_eq(airoi_schedule_column_name(AIROI_SCHEDULE_CUMULATIVE), "cumulative");
    ck_assert_ptr_null(airoi_schedule_column_name(9));
}
END_TEST

START_TEST(overflow_is_a_range_error)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.0);
    cost(p, "Huge", AIROI_CATEGORY_PEOPLE, 1e308, AIROI_PER_YEAR);
    cost(p, "Huge 2", AIROI_CATEGORY_PEOPLE, 1e308, AIROI_PER_YEAR);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_ERR_RANGE);
    ck_assert_ptr_null(r);
    airoi_project_free(p);
}
END_TEST

/* Evaluation that must fail with status `want` and a message containing
 * each of the NULL-terminated strings. */
static void evaluate_fails(const airoi_project *p, const char *scenario, int want, ...)
{
    airoi_result *r = (airoi_result *)1;
    int rc = airoi_project_evaluate(&r, p, scenario, 0);
    const char *msg = airoi_last_error_message();
    ck_assert_msg(rc == want, "evaluate: %s (%s), want %s", airoi_status_str(rc), msg,
                  airoi_status_str(want));
    ck_assert_ptr_null(r);
    va_list ap;
    va_start(ap, want);
    for (const char *w = va_arg(ap, const char *); w; w = va_arg(ap, const char *))
        ck_assert_msg(strstr(msg, w) != NULL, "message '%s' lacks '%s'", msg, w);
    va_end(ap);
}

/* Regression: totals that overflow gave 0, NaN and null instead of
 * AIROI_ERR_RANGE, and the failure path cleared the message. */
START_TEST(overflowing_totals_are_range_errors)
{
    /* every period is finite (6e307), the horizon totals are not */
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 1.0);
    airoi_item *c = cost(p, "Staff", AIROI_CATEGORY_PEOPLE, 6e307, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, 0), AIROI_OK);
    airoi_item *v = value(p, "Saved", AIROI_DIMENSION_EFFICIENCY, 6e307, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_FROM, 0), AIROI_OK);
    evaluate_fails(p, NULL, AIROI_ERR_RANGE, "the base case", "costs", "overflows", NULL);
    /* the costs alone are fine: then the benefits overflow */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 1), AIROI_OK);
    evaluate_fails(p, NULL, AIROI_ERR_RANGE, "the base case", "'cumulative'", "overflows",
                   NULL);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 0), AIROI_OK);
    /* a category total over two items of one category */
    airoi_project_free(p);
    p = project(AIROI_PERIOD_YEAR, 0, 0.0);
    once(p, "A", AIROI_CATEGORY_DATA, 1.5e308, 0);
    once(p, "B", AIROI_CATEGORY_PEOPLE, -1.5e308, 0);
    once(p, "C", AIROI_CATEGORY_DATA, 1.5e308, 0);
    once(p, "D", AIROI_CATEGORY_PEOPLE, -1.5e308, 0);
    evaluate_fails(p, NULL, AIROI_ERR_RANGE, "overflows", NULL);
    airoi_project_free(p);
    /* an annualised figure: 1e308 in one month is 1.2e309 a year */
    p = project(AIROI_PERIOD_MONTH, 1, 0.0);
    once(p, "Big", AIROI_CATEGORY_PEOPLE, 1e308, 0);
    evaluate_fails(p, NULL, AIROI_ERR_RANGE, "metric 'annual_costs'", NULL);
    airoi_project_free(p);
    /* a ratio whose denominator is tiny but not zero is undefined (null),
     * not an overflow: the model itself is fine */
    p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    once(p, "Tiny", AIROI_CATEGORY_PEOPLE, 1e-300, 0);
    value(p, "Large", AIROI_DIMENSION_REVENUE, 1e10, AIROI_PER_YEAR);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    double x = 42;
    ck_assert_int_eq(airoi_result_get_metric(&x, r, AIROI_METRIC_ROI_BASIC), AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(airoi_result_get_metric(&x, r, AIROI_METRIC_ROI_HORIZON), AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(airoi_result_get_metric(&x, r, AIROI_METRIC_NPV), AIROI_OK);
    ck_assert(x > 1e9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* Only one scenario overflows: the message names it, whichever evaluation
 * (base case, that scenario, another scenario) meets it. */
START_TEST(overflowing_scenario_is_named)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.0);
    airoi_item *c = cost(p, "Staff", AIROI_CATEGORY_PEOPLE, 4e307, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, 0), AIROI_OK);
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "calm", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "big", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "costs", 1.2), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    evaluate_fails(p, NULL, AIROI_ERR_RANGE, "scenario 'big'", "overflows", NULL);
    evaluate_fails(p, "big", AIROI_ERR_RANGE, "scenario 'big'", NULL);
    evaluate_fails(p, "calm", AIROI_ERR_RANGE, "scenario 'big'", NULL);
    /* a multiplier on the same target replaces the old one */
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "costs", 1.0), AIROI_OK);
    airoi_result *r = evaluate(p, "big", 0);
    double x;
    ck_assert_int_eq(airoi_result_get_tco_category(&x, r, AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_double_eq_tol(x, 1.6e308, 1e295);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* Regression: airoi_schedule_new freed its schedule with the public free
 * function on failure, which cleared the message. */
START_TEST(failed_schedule_keeps_its_message)
{
    double costs[2] = {0, 0}, benefits[2] = {1.5e308, 1.5e308};
    airoi_schedule *s = (airoi_schedule *)1;
    ck_assert_int_eq(airoi_schedule_new(&s, costs, benefits, 2, 0.0), AIROI_ERR_RANGE);
    ck_assert_ptr_null(s);
    ck_assert(strstr(airoi_last_error_message(), "cumulative") != NULL);
}
END_TEST

/* Work limit: items x (horizon + 1) x (scenarios + 1) <= AIROI_EVAL_MAX_CELLS. */
START_TEST(evaluation_work_limit)
{
    airoi_project *p = project(AIROI_PERIOD_MONTH, 10000, 0.05);
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "low", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "high", 0.5), AIROI_OK);
    /* 1,666 x 10,001 x 3 = 49,984,998 cells: accepted */
    char name[32];
    for (int i = 0; i < 1666; i++) {
        snprintf(name, sizeof name, "item %d", i);
        cost(p, name, AIROI_CATEGORY_SOFTWARE, 1, AIROI_PER_MONTH);
    }
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    /* 1,667 x 10,001 x 3 = 50,015,001: refused by validate and evaluate */
    value(p, "one more", AIROI_DIMENSION_REVENUE, 1, AIROI_PER_MONTH);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_LIMIT);
    ck_assert(strstr(airoi_last_error_message(), "50015001") != NULL);
    ck_assert(strstr(airoi_last_error_message(), "50000000") != NULL);
    evaluate_fails(p, NULL, AIROI_ERR_LIMIT, "1667 items", "10001 periods", "2 scenarios", NULL);
    /* one scenario fewer: 1,667 x 10,001 x 2 is within the limit */
    ck_assert_int_eq(airoi_project_remove_scenario(p, 1), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(airoi_project_get_scenario_mutable(p, 0),
                                               AIROI_SCENARIO_PROBABILITY, 1.0),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    airoi_project_free(p);
}
END_TEST

/* ---- audit ------------------------------------------------------------------------------ */

/* A balanced project that triggers none of the findings: every category at
 * (just above) the low end of its reference share (people 35.2%,
 * infrastructure 15.2%, data governance 15.2%, software 5.2%, change 10.2%),
 * maintenance 19% of TCO and 32% of the year-2 costs, hidden share 44.4%. */
static airoi_project *balanced(void)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 2, 0.08);
    cost(p, "Team", AIROI_CATEGORY_PEOPLE, 176, AIROI_PER_YEAR);
    cost(p, "Cloud", AIROI_CATEGORY_INFRASTRUCTURE, 76, AIROI_PER_YEAR);
    cost(p, "Licences", AIROI_CATEGORY_SOFTWARE, 26, AIROI_PER_YEAR);
    cost(p, "Governance", AIROI_CATEGORY_DATA_GOVERNANCE, 76, AIROI_PER_YEAR);
    cost(p, "Change", AIROI_CATEGORY_CHANGE_MANAGEMENT, 51, AIROI_PER_YEAR);
    once(p, "Upkeep", AIROI_CATEGORY_MAINTENANCE, 190, 2);
    airoi_item *v = value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 100, AIROI_PER_YEAR);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_REALIZATION, 0.6), AIROI_OK);
    value(p, "Revenue", AIROI_DIMENSION_REVENUE, 100, AIROI_PER_YEAR);
    return p;
}

START_TEST(audit_balanced_project_is_clean)
{
    airoi_project *p = balanced();
    airoi_result *r = evaluate(p, NULL, 0);
    for (size_t i = 0; i < airoi_result_count_findings(r); i++)
        ck_abort_msg("unexpected finding %s: %s", airoi_result_get_finding_code(r, i),
                     airoi_result_get_finding_message(r, i));
    ck_assert_ptr_null(airoi_result_get_finding_code(r, 0));
    airoi_severity sev = AIROI_SEVERITY_CRITICAL;
    ck_assert_int_eq(airoi_result_get_finding_severity(&sev, r, 0), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(sev, AIROI_SEVERITY_CRITICAL); /* untouched */
    ck_assert_str_eq(airoi_last_error_message(), "finding index 0 past the end (0)");
    ck_assert_int_eq(airoi_result_get_finding_severity(NULL, r, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_result_get_finding_numbers(NULL, NULL, r, 0), AIROI_ERR_NOT_FOUND);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_maintenance)
{
    airoi_project *p = balanced();
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_COST, 5), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    int i = has_finding(r, "MAINTENANCE_MISSING", NULL);
    ck_assert(i);
    ck_assert_int_eq(severity_of(r, (size_t)i - 1), AIROI_SEVERITY_WARNING);
    double a, ref;
    ck_assert_int_eq(airoi_result_get_finding_numbers(&a, &ref, r, (size_t)i - 1), AIROI_OK);
    ck_assert_double_eq(a, 0);
    ck_assert_double_eq(ref, 0.30);
    ck_assert(!has_finding(r, "MAINTENANCE_LOW", NULL));
    airoi_result_free(r);
    /* present but small after year 1 */
    cost(p, "Monitoring", AIROI_CATEGORY_MAINTENANCE, 1, AIROI_PER_YEAR);
    r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "MAINTENANCE_MISSING", NULL));
    ck_assert(has_finding(r, "MAINTENANCE_LOW", "maintenance"));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_hidden_share_and_categories)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    cost(p, "Team", AIROI_CATEGORY_PEOPLE, 70, AIROI_PER_YEAR);
    cost(p, "Upkeep", AIROI_CATEGORY_MAINTENANCE, 30, AIROI_PER_YEAR);
    value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 100, AIROI_PER_YEAR);
    airoi_result *r = evaluate(p, NULL, 0);
    int i = has_finding(r, "HIDDEN_SHARE_LOW", NULL);
    ck_assert(i);
    double a, ref;
    airoi_result_get_finding_numbers(&a, &ref, r, (size_t)i - 1);
    ck_assert_double_eq_tol(a, 0.30, 1e-12);
    ck_assert_double_eq(ref, 0.40);
    ck_assert_int_eq(severity_of(r, (size_t)i - 1), AIROI_SEVERITY_WARNING);
    ck_assert_ptr_nonnull(strstr(airoi_result_get_finding_message(r, (size_t)i - 1), "30.0%"));
    ck_assert(has_finding(r, "CATEGORY_BELOW_REFERENCE", "infrastructure"));
    ck_assert(has_finding(r, "CATEGORY_BELOW_REFERENCE", "data"));
    ck_assert(has_finding(r, "CATEGORY_BELOW_REFERENCE", "software"));
    ck_assert(!has_finding(r, "CATEGORY_BELOW_REFERENCE", "people"));
    ck_assert(has_finding(r, "CHANGE_UNDERFUNDED", "change_management"));
    ck_assert(has_finding(r, "FAILURE_BUDGET_PATTERN", NULL));
    airoi_result_free(r);
    /* far below: critical */
    cost(p, "More people", AIROI_CATEGORY_PEOPLE, 100, AIROI_PER_YEAR);
    r = evaluate(p, NULL, 0);
    i = has_finding(r, "HIDDEN_SHARE_LOW", NULL);
    ck_assert_int_eq(severity_of(r, (size_t)i - 1), AIROI_SEVERITY_CRITICAL);
    airoi_result_free(r);
    airoi_project_free(p);

    /* the success split: no failure pattern, no hidden-share finding */
    p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    cost(p, "Tech", AIROI_CATEGORY_PEOPLE, 30, AIROI_PER_YEAR);
    cost(p, "Data", AIROI_CATEGORY_DATA_GOVERNANCE, 30, AIROI_PER_YEAR);
    cost(p, "Change", AIROI_CATEGORY_CHANGE_MANAGEMENT, 40, AIROI_PER_YEAR);
    r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "FAILURE_BUDGET_PATTERN", NULL));
    ck_assert(!has_finding(r, "HIDDEN_SHARE_LOW", NULL));
    ck_assert(!has_finding(r, "CHANGE_UNDERFUNDED", NULL));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_poc_haircut)
{
    airoi_project *p = balanced();
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "POC_NO_HAIRCUT", NULL)); /* stage production */
    airoi_result_free(r);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_STAGE, AIROI_STAGE_POC), AIROI_OK);
    r = evaluate(p, NULL, 0);
    int i = has_finding(r, "POC_NO_HAIRCUT", NULL);
    ck_assert(i);
    double a, ref;
    airoi_result_get_finding_numbers(&a, &ref, r, (size_t)i - 1);
    ck_assert_double_eq_tol(a, 0.8, 1e-12); /* (60 + 100) / 200 */
    ck_assert_double_eq(ref, 0.7);
    airoi_result_free(r);
    airoi_item *v;
    ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Revenue"), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_RISK_ADJUSTMENT, 0.3), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "POC_NO_HAIRCUT", NULL));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_labour_as_cash)
{
    airoi_project *p = balanced();
    airoi_item *v;
    ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Saving"), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_REALIZATION, 1), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert(has_finding(r, "LABOUR_AS_CASH", "Saving"));
    airoi_result_free(r);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_REALIZATION, 0.99), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "LABOUR_AS_CASH", NULL));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_single_dimension_and_no_value)
{
    airoi_project *p = balanced();
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 1), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert(has_finding(r, "SINGLE_DIMENSION", "efficiency"));
    airoi_result_free(r);
    /* a non-monetized strategic score counts as a second dimension */
    value(p, "Brand", AIROI_DIMENSION_STRATEGIC, 5, AIROI_PER_YEAR);
    r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "SINGLE_DIMENSION", NULL));
    airoi_result_free(r);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 0), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert(has_finding(r, "NO_VALUE", NULL));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_low_adoption)
{
    airoi_project *p = balanced();
    airoi_item *v;
    ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Revenue"), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE, AIROI_CURVE_LINEAR),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CEILING, 0.4), AIROI_OK);
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "LOW_ADOPTION", NULL));
    airoi_result_free(r);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CEILING, 0.35), AIROI_OK);
    r = evaluate(p, NULL, 0);
    int i = has_finding(r, "LOW_ADOPTION", "Revenue");
    ck_assert(i);
    double a, ref;
    airoi_result_get_finding_numbers(&a, &ref, r, (size_t)i - 1);
    ck_assert_double_eq(a, 0.35);
    ck_assert_double_eq(ref, 0.40);
    airoi_result_free(r);
    /* an explicit low ceiling is flagged even without a curve */
    ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Saving"), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CEILING, 0.2), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert(has_finding(r, "LOW_ADOPTION", "Saving"));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_benchmarks)
{
    /* one-year TWD case: investment 300 (10,000 TWD) with unit 10,000 */
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, 10000), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "rpa"), AIROI_OK);
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_USE_CASE), "process_automation");
    once(p, "Bots", AIROI_CATEGORY_SOFTWARE, 300, 0);
    airoi_item *v = value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 600, AIROI_PER_YEAR);
    airoi_result *r = evaluate(p, NULL, 0);
    airoi_benchmark_position pos;
    double x;
    /* ROI 100%: within 80-200%; payback 0.5 years = 6 months: within 6-12 */
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_ROI), AIROI_OK);
    ck_assert_int_eq(pos, AIROI_BENCHMARK_WITHIN);
    ck_assert_int_eq(airoi_result_get_benchmark_value(&x, r, AIROI_BENCHMARK_PAYBACK), AIROI_OK);
    ck_assert_double_eq_tol(x, 6, 1e-12);
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_PAYBACK),
                     AIROI_OK);
    ck_assert_int_eq(pos, AIROI_BENCHMARK_WITHIN);
    ck_assert_int_eq(airoi_result_get_benchmark_value(&x, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_OK);
    ck_assert_double_eq_tol(x, 300, 1e-12);
    ck_assert(!has_finding(r, "BENCHMARK_ABOVE", NULL));
    ck_assert(!has_finding(r, "BENCHMARK_BELOW", NULL));
    airoi_result_free(r);
    /* ROI 700%: far above (critical); payback 1.5 months: below */
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 2400), AIROI_OK);
    r = evaluate(p, NULL, 0);
    int i = has_finding(r, "BENCHMARK_ABOVE", "roi");
    ck_assert(i);
    ck_assert_int_eq(severity_of(r, (size_t)i - 1), AIROI_SEVERITY_CRITICAL);
    ck_assert(has_finding(r, "BENCHMARK_BELOW", "payback"));
    airoi_result_free(r);
    /* two years at 200: ROI -33% below, payback 1.5 years = 18 months above */
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 200), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert(has_finding(r, "BENCHMARK_BELOW", "roi"));
    ck_assert(has_finding(r, "BENCHMARK_ABOVE", "payback"));
    airoi_result_free(r);
    /* in USD with a TWD rate: 1 TWD = 1/32 USD; 300 units of 10,000 USD = 9,600 x 10,000 TWD */
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "USD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_fx(p, "TWD", 1.0 / 32.0), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_int_eq(airoi_result_get_benchmark_value(&x, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_OK);
    ck_assert_double_eq_tol(x, 9600, 1e-9);
    airoi_result_free(r);
    /* neither TWD nor a TWD rate: no investment comparison */
    ck_assert_int_eq(airoi_project_remove_fx(p, "TWD"), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_int_eq(airoi_result_get_benchmark_value(&x, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_ERR_UNDEFINED);
    ck_assert_str_eq(airoi_last_error_message(),
                     "the project's investment figure is undefined (the project currency is "
                     "not TWD and the FX table has no TWD)");
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, 7), AIROI_ERR_INVALID);
    airoi_result_free(r);
    /* no use case */
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, NULL), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_ROI),
                     AIROI_ERR_NOT_FOUND);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* The benchmark's annual ROI range is compared with the annualised ROI
 * (horizon totals / horizon years), not with the first-year ROI, which
 * carries the whole up-front investment. */
START_TEST(benchmark_compares_annualised_roi)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 3, 0.08);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "customer_service"),
                     AIROI_OK);
    airoi_item *build = once(p, "Build", AIROI_CATEGORY_PEOPLE, 300, 0);
    value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 200, AIROI_PER_YEAR);
    airoi_result *r = evaluate(p, NULL, 0);
    /* first year (periods 0-1): (200 - 300) / 300; a year of the horizon:
     * costs 300 / 3 = 100, benefits 600 / 3 = 200: (200 - 100) / 100 */
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_BASIC), -1.0 / 3.0, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ANNUAL_COSTS), 100, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ANNUAL_BENEFITS), 200, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_ANNUALISED), 1.0, 1e-12);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_HORIZON), 1.0, 1e-12);
    double x = 0;
    airoi_benchmark_position pos = AIROI_BENCHMARK_ABOVE;
    airoi_metric m = AIROI_METRIC_NPV;
    ck_assert_int_eq(airoi_result_get_benchmark_value(&x, r, AIROI_BENCHMARK_ROI), AIROI_OK);
    ck_assert_double_eq_tol(x, 1.0, 1e-12);
    /* 100% is within 40-120%; the first-year -33% would be below */
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_ROI), AIROI_OK);
    ck_assert_int_eq(pos, AIROI_BENCHMARK_WITHIN);
    ck_assert(!has_finding(r, "BENCHMARK_BELOW", "roi"));
    ck_assert_int_eq(airoi_metric_from_name(&m, "roi_annualised"), AIROI_OK);
    ck_assert_int_eq(m, AIROI_METRIC_ROI_ANNUALISED);
    airoi_result_free(r);
    /* costs doubled: annualised (200 - 200) / 200 = 0, below; the finding names it */
    ck_assert_int_eq(airoi_item_set_number(build, AIROI_ITEM_AMOUNT, 600), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_ANNUALISED), 0.0, 1e-12);
    int i = has_finding(r, "BENCHMARK_BELOW", "roi");
    ck_assert(i);
    ck_assert_str_eq(airoi_result_get_finding_message(r, (size_t)i - 1),
                     "annualised ROI of 0.0% is below the customer_service range of 40.0%-120.0%");
    airoi_result_free(r);
    airoi_project_free(p);
    /* horizon 0: no year to divide by, so no annualised ROI and no comparison */
    p = project(AIROI_PERIOD_YEAR, 0, 0.08);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "customer_service"),
                     AIROI_OK);
    once(p, "Build", AIROI_CATEGORY_PEOPLE, 300, 0);
    r = evaluate(p, NULL, 0);
    ck_assert_int_eq(metric_status(r, AIROI_METRIC_ROI_ANNUALISED), AIROI_ERR_UNDEFINED);
    ck_assert_int_eq(airoi_result_get_benchmark_value(&x, r, AIROI_BENCHMARK_ROI),
                     AIROI_ERR_UNDEFINED);
    ck_assert_str_eq(airoi_last_error_message(),
                     "the project's annualised ROI figure is undefined");
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* The investment figure against the benchmark range (process automation:
 * 100-500 x 10,000 TWD), below and above. */
START_TEST(audit_benchmark_investment)
{
    airoi_project *p = project(AIROI_PERIOD_YEAR, 1, 0.0);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, 10000), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "process_automation"),
                     AIROI_OK);
    airoi_item *c = once(p, "Bots", AIROI_CATEGORY_SOFTWARE, 50, 0);
    airoi_item *v = value(p, "Saving", AIROI_DIMENSION_EFFICIENCY, 100, AIROI_PER_YEAR);
    (void)v;
    airoi_result *r = evaluate(p, NULL, 0);
    airoi_benchmark_position pos = AIROI_BENCHMARK_WITHIN;
    double x, a, ref;
    ck_assert_int_eq(airoi_result_get_benchmark_value(&x, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_OK);
    ck_assert_double_eq_tol(x, 50, 1e-12);
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_OK);
    ck_assert_int_eq(pos, AIROI_BENCHMARK_BELOW);
    int i = has_finding(r, "BENCHMARK_BELOW", "investment");
    ck_assert(i);
    ck_assert(!has_finding(r, "BENCHMARK_ABOVE", "investment"));
    ck_assert_int_eq(airoi_result_get_finding_numbers(&a, &ref, r, (size_t)i - 1), AIROI_OK);
    ck_assert_double_eq_tol(a, 50, 1e-12);
    ck_assert_double_eq_tol(ref, 100, 1e-12);
    /* the unit comes from the benchmark table, the decimals too */
    ck_assert_str_eq(airoi_result_get_finding_message(r, (size_t)i - 1),
                     "investment (10,000 TWD) of 50.00 is below the process_automation range "
                     "of 100.00-500.00");
    airoi_result_free(r);
    /* 600 > 500: above */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 600), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert_int_eq(airoi_result_get_benchmark_position(&pos, r, AIROI_BENCHMARK_INVESTMENT),
                     AIROI_OK);
    ck_assert_int_eq(pos, AIROI_BENCHMARK_ABOVE);
    i = has_finding(r, "BENCHMARK_ABOVE", "investment");
    ck_assert(i);
    ck_assert(!has_finding(r, "BENCHMARK_BELOW", "investment"));
    ck_assert_int_eq(airoi_result_get_finding_numbers(&a, &ref, r, (size_t)i - 1), AIROI_OK);
    ck_assert_double_eq_tol(a, 600, 1e-12);
    ck_assert_double_eq_tol(ref, 500, 1e-12);
    airoi_result_free(r);
    /* 300: within, no investment finding */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 300), AIROI_OK);
    r = evaluate(p, NULL, 0);
    ck_assert(!has_finding(r, "BENCHMARK_ABOVE", "investment"));
    ck_assert(!has_finding(r, "BENCHMARK_BELOW", "investment"));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(audit_numbers_for_every_finding)
{
    /* Example 3 (people costs only, labour savings as cash): every finding,
     * in order, with the numbers behind it. */
    static const struct {
        const char *code;
        int severity;
        const char *subject; /* NULL: none */
        double actual, reference;
    } want[] = {
        {"MAINTENANCE_MISSING", AIROI_SEVERITY_WARNING, "maintenance", 0, 0.3},
        {"HIDDEN_SHARE_LOW", AIROI_SEVERITY_CRITICAL, NULL, 0, 0.4},
        {"CATEGORY_BELOW_REFERENCE", AIROI_SEVERITY_INFO, "infrastructure", 0, 0.15},
        {"CATEGORY_BELOW_REFERENCE", AIROI_SEVERITY_INFO, "data", 0, 0.15},
        {"CATEGORY_BELOW_REFERENCE", AIROI_SEVERITY_INFO, "software", 0, 0.05},
        {"CHANGE_UNDERFUNDED", AIROI_SEVERITY_WARNING, "change_management", 0, 0.1},
        {"FAILURE_BUDGET_PATTERN", AIROI_SEVERITY_WARNING, NULL, 1, 0.6},
        {"LABOUR_AS_CASH", AIROI_SEVERITY_WARNING, "Efficiency", 1, 1},
    };
    airoi_project *p = example3();
    airoi_result *r = evaluate(p, NULL, 0);
    ck_assert_uint_eq(airoi_result_count_findings(r), sizeof want / sizeof want[0]);
    for (size_t i = 0; i < airoi_result_count_findings(r); i++) {
        double a = (double)NAN, ref = (double)NAN;
        const char *subject = airoi_result_get_finding_subject(r, i);
        ck_assert_str_eq(airoi_result_get_finding_code(r, i), want[i].code);
        ck_assert_int_eq(severity_of(r, i), want[i].severity);
        if (want[i].subject)
            ck_assert_pstr_eq(subject, want[i].subject);
        else
            ck_assert_ptr_null(subject);
        ck_assert_int_eq(airoi_result_get_finding_numbers(&a, &ref, r, i), AIROI_OK);
        ck_assert_double_eq(a, want[i].actual);
        ck_assert_double_eq(ref, want[i].reference);
        ck_assert_uint_gt(strlen(airoi_result_get_finding_message(r, i)), 10);
    }
    /* sub-results carry no findings */
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

static Suite *eval_suite(void)
{
    Suite *s = suite_create("eval");
    TCase *tc = tcase_create("examples");
    tcase_add_test(tc, example1_visual_inspection);
    tcase_add_test(tc, example2_customer_service_scenarios);
    tcase_add_test(tc, example3_three_year_case);
    tcase_add_test(tc, example4_genai_customer_service);
    tcase_add_test(tc, example5_aml_risk_value);
    suite_add_tcase(s, tc);
    tc = tcase_create("rules");
    tcase_add_test(tc, rule_per_period_rate);
    tcase_add_test(tc, numerics_period_rate);
    tcase_add_test(tc, numerics_one_discount_factor);
    tcase_add_test(tc, numerics_compensated_totals);
    tcase_add_test(tc, numerics_item_order_is_irrelevant);
    tcase_add_test(tc, numerics_irr_guess_per_period);
    tcase_add_test(tc, numerics_roi_kernel_is_the_metric_rule);
    tcase_add_test(tc, rule_frequency_conversion_both_ways);
    tcase_add_test(tc, rule_once_at_and_default);
    tcase_add_test(tc, rule_from_to_defaults);
    tcase_add_test(tc, rule_fx_and_unit);
    tcase_add_test(tc, rule_growth);
    tcase_add_test(tc, rule_series_shared_by_scenarios);
    tcase_add_test(tc, rule_amounts_list);
    tcase_add_test(tc, rule_payment_lump);
    tcase_add_test(tc, rule_adoption_linear);
    tcase_add_test(tc, rule_adoption_s_curve);
    tcase_add_test(tc, rule_adoption_step);
    tcase_add_test(tc, rule_realization_attribution_haircut);
    tcase_add_test(tc, rule_strategic_needs_monetized);
    tcase_add_test(tc, rule_multipliers_compound);
    tcase_add_test(tc, rule_delay_past_horizon);
    tcase_add_test(tc, rule_scenario_adoption_cap);
    tcase_add_test(tc, rule_first_year_window);
    tcase_add_test(tc, rule_irr_mirr_annualised);
    tcase_add_test(tc, rule_null_metrics);
    tcase_add_test(tc, rule_tco_breakdown);
    tcase_add_test(tc, rule_honest_estimate);
    tcase_add_test(tc, rule_probabilities_sum_to_one);
    tcase_add_test(tc, rule_periods_outside_horizon);
    tcase_add_test(tc, rule_quantity_needs_unit_amount);
    tcase_add_test(tc, result_outlives_project);
    tcase_add_test(tc, schedule_from_arrays);
    tcase_add_test(tc, overflow_is_a_range_error);
    tcase_add_test(tc, overflowing_totals_are_range_errors);
    tcase_add_test(tc, overflowing_scenario_is_named);
    tcase_add_test(tc, failed_schedule_keeps_its_message);
    tcase_add_test(tc, evaluation_work_limit);
    suite_add_tcase(s, tc);
    tc = tcase_create("audit");
    tcase_add_test(tc, audit_balanced_project_is_clean);
    tcase_add_test(tc, audit_maintenance);
    tcase_add_test(tc, audit_hidden_share_and_categories);
    tcase_add_test(tc, audit_poc_haircut);
    tcase_add_test(tc, audit_labour_as_cash);
    tcase_add_test(tc, audit_single_dimension_and_no_value);
    tcase_add_test(tc, audit_low_adoption);
    tcase_add_test(tc, audit_benchmarks);
    tcase_add_test(tc, benchmark_compares_annualised_roi);
    tcase_add_test(tc, audit_benchmark_investment);
    tcase_add_test(tc, audit_numbers_for_every_finding);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(eval_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
