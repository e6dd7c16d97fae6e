/*
 * tests/unit/test-tracking.c: plan against actual, re-forecasts, leading
 * indicators and gate reviews through the public API
 * (docs/methodology.md#tracking). The re-forecast metrics are recomputed
 * here from the flows, independently of the library's evaluation.
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "airoi/airoi.h"

#define TOL 1e-9

/* A yearly project, horizon 3, 10%: Build 100 at 0 (cost, people), Run 20 a
 * year from 1 (cost, software, in EUR at 1.5), Gain 80 a year from 1
 * (value, efficiency), Later 30 a year from 3 (value, revenue). */
static airoi_project *project(void)
{
    airoi_project *p = NULL;
    airoi_item *it = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Tracked"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "USD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_fx(p, "EUR", 1.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Run", AIROI_CATEGORY_SOFTWARE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 20), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_string(it, AIROI_ITEM_CURRENCY, "EUR"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&it, p, "Gain", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 80), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&it, p, "Later", AIROI_DIMENSION_REVENUE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 30), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_FROM, 3), AIROI_OK);
    return p;
}

static double fig(const airoi_tracking *t, airoi_tracking_figure f)
{
    double v = (double)NAN;
    ck_assert_int_eq(airoi_tracking_get_number(&v, t, f), AIROI_OK);
    return v;
}

static double metric(const airoi_result *r, airoi_metric m)
{
    double v = (double)NAN;
    ck_assert_int_eq(airoi_result_get_metric(&v, r, m), AIROI_OK);
    return v;
}

/* NPV (t = 0 undiscounted), total and payback of nets, from scratch. */
static void recompute(const double *costs, const double *benefits, int n, double r, double *npv,
                      double *tc, double *tb, double *payback, int *reached)
{
    double cum = 0, prev = 0;
    *npv = *tc = *tb = 0;
    *reached = 0;
    for (int t = 0; t < n; t++) {
        double net = benefits[t] - costs[t];
        *npv += net / pow(1 + r, t);
        *tc += costs[t];
        *tb += benefits[t];
        prev = cum;
        cum += net;
        if (!*reached && cum >= 0) {
            *reached = 1;
            *payback = t == 0 ? 0 : (t - 1) + (-prev) / net;
        }
    }
}

START_TEST(test_reforecast_recomputed)
{
    airoi_project *p = project();
    /* as of 1: Build 130 (two records), Run 12 EUR (= 18), Gain 50; Later has no plan yet */
    ck_assert_int_eq(airoi_project_add_actual(p, 0, "Build", 100), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_actual(p, 0, "Build", 30), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Run", 12), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Gain", 50), AIROI_OK);
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    ck_assert_double_eq(fig(t, AIROI_TRACKING_AS_OF), 1);
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_COSTS), 148, TOL);
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_PLANNED_COSTS), 130, TOL);
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_BENEFITS), 50, TOL);
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_PLANNED_BENEFITS), 80, TOL);
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_NET), -98, TOL);
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_ROI), -98.0 / 148, TOL);

    /* re-forecast: actuals to 1, then plan; run rate: Run x 18/30, Gain x 50/80 */
    const double c1[4] = {130, 18, 30, 30}, b1[4] = {0, 50, 80, 110};
    const double c2[4] = {130, 18, 18, 18}, b2[4] = {0, 50, 50, 80};
    const double *cs[2] = {c1, c2}, *bs[2] = {b1, b2};
    for (int k = 0; k < 2; k++) {
        const airoi_result *r = airoi_tracking_get_reforecast(t, k);
        ck_assert_ptr_nonnull(r);
        double npv, tc, tb, pb = 0;
        int reached;
        recompute(cs[k], bs[k], 4, 0.1, &npv, &tc, &tb, &pb, &reached);
        ck_assert_double_eq_tol(metric(r, AIROI_METRIC_NPV), npv, 1e-9);
        ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TCO_TOTAL), tc, 1e-9);
        ck_assert_double_eq_tol(metric(r, AIROI_METRIC_TOTAL_BENEFITS), tb, 1e-9);
        ck_assert_double_eq_tol(metric(r, AIROI_METRIC_ROI_HORIZON), (tb - tc) / tc, 1e-12);
        double x = 0;
        int st = airoi_result_get_metric(&x, r, AIROI_METRIC_PAYBACK_PERIODS);
        ck_assert_int_eq(st == AIROI_OK, reached);
        if (reached)
            ck_assert_double_eq_tol(x, pb, 1e-12);
        /* the schedule holds the same flows */
        double col[4];
        size_t len = 0;
        ck_assert_int_eq(airoi_schedule_get_column(col, 4, &len, airoi_result_get_schedule(r),
                                                   AIROI_SCHEDULE_COSTS),
                         AIROI_OK);
        for (int i = 0; i < 4; i++)
            ck_assert_double_eq_tol(col[i], cs[k][i], 1e-12);
        /* every base-case metric is there: expected NPV is the NPV (one case) */
        ck_assert_double_eq_tol(metric(r, AIROI_METRIC_EXPECTED_NPV), npv, 1e-9);
    }
    /* payback planned and re-forecast */
    ck_assert_double_eq(fig(t, AIROI_TRACKING_PAYBACK_PLANNED),
                        metric(airoi_tracking_get_plan(t), AIROI_METRIC_PAYBACK_PERIODS));
    /* cumulative 130, 98, 48, -32: payback 2 + 48/80 */
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_PAYBACK_REFORECAST), 2.6, 1e-12);

    /* variance rows: Build, Run, Gain (Later has nothing to date) */
    ck_assert_uint_eq(airoi_tracking_count_variances(t), 3);
    const char *item = NULL;
    airoi_item_kind kind;
    int klass = 0;
    double a = 0, pl = 0;
    ck_assert_int_eq(airoi_tracking_get_variance(&item, &kind, &klass, &a, &pl, t, 1), AIROI_OK);
    ck_assert_str_eq(item, "Run");
    ck_assert_int_eq(kind, AIROI_ITEM_KIND_COST);
    ck_assert_int_eq(klass, AIROI_CATEGORY_SOFTWARE);
    ck_assert_double_eq_tol(a, 18, TOL);
    ck_assert_double_eq_tol(pl, 30, TOL);
    ck_assert_int_eq(airoi_tracking_get_variance(NULL, NULL, NULL, NULL, NULL, t, 3),
                     AIROI_ERR_RANGE);
    airoi_tracking_free(t);
    airoi_project_free(p);
}
END_TEST

/* A period without an actual is filled from plan with an ACTUAL_MISSING
 * finding, one per item and period whose plan is not 0. */
START_TEST(test_actual_missing)
{
    airoi_project *p = project();
    ck_assert_int_eq(airoi_project_add_actual(p, 0, "Build", 110), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_AS_OF, 2), AIROI_OK);
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    const airoi_result *plan = airoi_tracking_get_plan(t);
    size_t missing = 0;
    for (size_t i = 0; i < airoi_result_count_findings(plan); i++) {
        if (strcmp(airoi_result_get_finding_code(plan, i), "ACTUAL_MISSING") != 0)
            continue;
        missing++;
        airoi_severity sev;
        ck_assert_int_eq(airoi_result_get_finding_severity(&sev, plan, i), AIROI_OK);
        ck_assert_int_eq(sev, AIROI_SEVERITY_INFO);
    }
    ck_assert_uint_eq(missing, 4); /* Run 1, 2; Gain 1, 2 */
    /* the plain evaluation has the same findings */
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_result_count_findings(r), airoi_result_count_findings(plan));
    airoi_result_free(r);
    ck_assert_double_eq_tol(fig(t, AIROI_TRACKING_COSTS), 110 + 30 + 30, TOL);
    airoi_tracking_free(t);
    airoi_project_free(p);
}
END_TEST

/* No actuals: no "to date", the re-forecasts are the plan. */
START_TEST(test_no_actuals)
{
    airoi_project *p = project();
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    ck_assert_double_eq(fig(t, AIROI_TRACKING_AS_OF), -1);
    double x;
    ck_assert_int_eq(airoi_tracking_get_number(&x, t, AIROI_TRACKING_ROI), AIROI_ERR_UNDEFINED);
    ck_assert_uint_eq(airoi_tracking_count_variances(t), 0);
    double npv = metric(airoi_tracking_get_plan(t), AIROI_METRIC_NPV);
    ck_assert_double_eq_tol(metric(airoi_tracking_get_reforecast(t, 0), AIROI_METRIC_NPV), npv,
                            1e-9);
    ck_assert_double_eq_tol(metric(airoi_tracking_get_reforecast(t, 1), AIROI_METRIC_NPV), npv,
                            1e-9);
    ck_assert_uint_eq(airoi_tracking_count_gates(t), 0);
    ck_assert_uint_eq(airoi_tracking_count_indicators(t), 0);
    airoi_tracking_free(t);
    airoi_project_free(p);
}
END_TEST

/* An actual of an item whose plan is 0 in that period: a row with planned 0,
 * no finding; the run rate of an item planned 0 to date is 1. */
START_TEST(test_zero_plan)
{
    airoi_project *p = project();
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Later", 7), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Build", 0), AIROI_OK);
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    size_t n = airoi_tracking_count_variances(t);
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        const char *item;
        double a, pl;
        ck_assert_int_eq(airoi_tracking_get_variance(&item, NULL, NULL, &a, &pl, t, i), AIROI_OK);
        if (!strcmp(item, "Later")) {
            seen = 1;
            ck_assert_double_eq(a, 7);
            ck_assert_double_eq(pl, 0);
        }
    }
    ck_assert(seen);
    /* Later's plan from 3 stays as planned in the run rate (x 1) */
    double col[4];
    size_t len;
    ck_assert_int_eq(airoi_schedule_get_column(col, 4, &len,
                                               airoi_result_get_schedule(
                                                   airoi_tracking_get_reforecast(t, 1)),
                                               AIROI_SCHEDULE_BENEFITS),
                     AIROI_OK);
    ck_assert_double_eq_tol(col[1], 80 + 7, TOL);
    ck_assert_double_eq_tol(col[3], 80 + 30, TOL);
    airoi_tracking_free(t);
    airoi_project_free(p);
}
END_TEST

START_TEST(test_refusals)
{
    airoi_project *p = project();
    ck_assert_int_eq(airoi_project_add_actual(p, 4, "Build", 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Nope", 1), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Build", (double)NAN), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_AS_OF, 4),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_AS_OF, 1.5),
                     AIROI_ERR_INVALID);
    /* as_of beyond the horizon once the horizon shrinks: the tracking refuses it */
    ck_assert_int_eq(airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_AS_OF, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 1), AIROI_OK); /* Later */
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), AIROI_OK);
    airoi_tracking *t = (airoi_tracking *)1;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_ERR_MODEL);
    ck_assert_ptr_null(t);
    ck_assert_str_eq(airoi_last_error_message(),
                     "tracking: as_of: period 3 is outside the horizon 0..2");
    ck_assert_int_eq(airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_AS_OF, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_track(&t, p, 1), AIROI_ERR_INVALID);
    /* an actual of an item removed later */
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Run", 5), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_COST, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_ERR_MODEL);
    /* indicators */
    ck_assert_int_eq(airoi_project_add_indicator(p, "a", AIROI_DIRECTION_UP, 0.6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_indicator(p, "a", AIROI_DIRECTION_UP, 0.6),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_indicator_threshold(p, "a", AIROI_INDICATOR_AT_RISK, 0.7),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_indicator_threshold(p, "a", AIROI_INDICATOR_OFF_TRACK, 0.3),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_indicator_threshold(p, "a", AIROI_INDICATOR_AT_RISK, 0.2),
                     AIROI_ERR_INVALID); /* past the off-track threshold */
    ck_assert_int_eq(airoi_project_set_indicator_threshold(p, "b", AIROI_INDICATOR_AT_RISK, 0.2),
                     AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_add_indicator_value(p, "a", 1, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_indicator_value(p, "a", 1, 0.5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_criterion(p, 0, "a", AIROI_CRITERION_AT_LEAST, 1, 1),
                     AIROI_ERR_RANGE); /* no stage */
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 1, 1, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_criterion(p, 0, "b", AIROI_CRITERION_AT_LEAST, 1, 1),
                     AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_add_criterion(p, 0, "a", AIROI_CRITERION_AT_LEAST, 1, 0),
                     AIROI_ERR_INVALID);
    /* above the model file's limit: refused, in the loader's words */
    ck_assert_int_eq(airoi_project_add_criterion(p, 0, "a", AIROI_CRITERION_AT_LEAST, 1, 1000001),
                     AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi_last_error_message(),
                     "stage 'poc': criterion on 'a': for_periods: expected a whole number of "
                     "periods in 1..1000000; got 1000001");
    ck_assert_int_eq(airoi_project_add_criterion(p, 0, "a", AIROI_CRITERION_AT_LEAST, 1, 1000000),
                     AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_criteria(p, 0), 1);
    ck_assert_int_eq(airoi_project_add_indicator_value(p, "a", 9, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_ERR_MODEL); /* item, then period 9 */
    airoi_project_free(p);
}
END_TEST

/* Both directions, every status, the latest value. */
START_TEST(test_indicators)
{
    airoi_project *p = project();
    ck_assert_int_eq(airoi_project_add_indicator(p, "adoption", AIROI_DIRECTION_UP, 0.6),
                     AIROI_OK);
    ck_assert_int_eq(
        airoi_project_set_indicator_threshold(p, "adoption", AIROI_INDICATOR_AT_RISK, 0.45),
        AIROI_OK);
    ck_assert_int_eq(
        airoi_project_set_indicator_threshold(p, "adoption", AIROI_INDICATOR_OFF_TRACK, 0.3),
        AIROI_OK);
    ck_assert_int_eq(airoi_project_add_indicator(p, "errors", AIROI_DIRECTION_DOWN, 0.05),
                     AIROI_OK);
    ck_assert_int_eq(
        airoi_project_set_indicator_threshold(p, "errors", AIROI_INDICATOR_AT_RISK, 0.08),
        AIROI_OK);
    ck_assert_int_eq(
        airoi_project_set_indicator_threshold(p, "errors", AIROI_INDICATOR_OFF_TRACK, 0.12),
        AIROI_OK);
    ck_assert_int_eq(airoi_project_add_indicator(p, "silent", AIROI_DIRECTION_UP, 1), AIROI_OK);
    /* given out of order: kept in period order */
    const double up[4] = {0.29, 0.3, 0.45, 0.7}, down[4] = {0.13, 0.12, 0.08, 0.01};
    const airoi_indicator_status want[4] = {AIROI_INDICATOR_OFF_TRACK, AIROI_INDICATOR_AT_RISK,
                                            AIROI_INDICATOR_ON_TRACK, AIROI_INDICATOR_ON_TRACK};
    for (int k = 3; k >= 0; k--) {
        ck_assert_int_eq(airoi_project_add_indicator_value(p, "adoption", k, up[k]), AIROI_OK);
        ck_assert_int_eq(airoi_project_add_indicator_value(p, "errors", k, down[k]), AIROI_OK);
    }
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_tracking_count_indicators(t), 3);
    for (size_t i = 0; i < 2; i++) {
        ck_assert_uint_eq(airoi_tracking_count_indicator_periods(t, i), 4);
        for (size_t j = 0; j < 4; j++) {
            int32_t per;
            double v;
            airoi_indicator_status st;
            ck_assert_int_eq(airoi_tracking_get_indicator_period(&per, &v, &st, t, i, j),
                             AIROI_OK);
            ck_assert_int_eq(per, (int32_t)j);
            ck_assert_double_eq(v, i ? down[j] : up[j]);
            ck_assert_int_eq(st, want[j]);
        }
        const char *name;
        double target, latest;
        int32_t lp;
        airoi_indicator_status st;
        ck_assert_int_eq(airoi_tracking_get_indicator(&name, &target, &latest, &lp, &st, t, i),
                         AIROI_OK);
        ck_assert_int_eq(lp, 3);
        ck_assert_int_eq(st, AIROI_INDICATOR_ON_TRACK);
    }
    const char *name = NULL;
    ck_assert_int_eq(airoi_tracking_get_indicator(&name, NULL, NULL, NULL, NULL, t, 2),
                     AIROI_ERR_UNDEFINED);
    ck_assert_str_eq(name, "silent");
    /* gates are judged at the last value */
    ck_assert_double_eq(fig(t, AIROI_TRACKING_GATES_AS_OF), 3);
    airoi_tracking_free(t);
    airoi_project_free(p);
}
END_TEST

/* Three stages: go, no_go, pending; the expected NPV of continuing from the
 * first stage not go, by the formula. */
START_TEST(test_gates)
{
    airoi_project *p = project();
    ck_assert_int_eq(airoi_project_add_indicator(p, "q", AIROI_DIRECTION_UP, 0.9), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 10, 2, 0.5), AIROI_OK);   /* 0-1 */
    ck_assert_int_eq(airoi_project_add_stage(p, "mvp", 20, 1, 0.8), AIROI_OK);   /* 2 */
    ck_assert_int_eq(airoi_project_add_stage(p, "scale", 40, 3, 0.9), AIROI_OK); /* 3-5 */
    ck_assert_int_eq(airoi_project_add_criterion(p, 0, "q", AIROI_CRITERION_AT_LEAST, 0.5, 2),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_criterion(p, 1, "q", AIROI_CRITERION_AT_MOST, 0.2, 1),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_criterion(p, 2, "q", AIROI_CRITERION_AT_LEAST, 0.9, 2),
                     AIROI_OK);
    const double v[5] = {0.6, 0.7, 0.4, 0.95, 0.8};
    for (int k = 0; k < 5; k++)
        ck_assert_int_eq(airoi_project_add_indicator_value(p, "q", k, v[k]), AIROI_OK);
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_tracking_count_gates(t), 3);
    const airoi_gate_status want[3] = {AIROI_GATE_GO, AIROI_GATE_NO_GO, AIROI_GATE_PENDING};
    double enpv[3];
    int has[3];
    for (size_t i = 0; i < 3; i++) {
        airoi_gate_status st;
        ck_assert_int_eq(airoi_tracking_get_gate(NULL, &st, &enpv[i], &has[i], t, i), AIROI_OK);
        ck_assert_int_eq(st, want[i]);
    }
    /* evidence: poc 0, 1, 4 (>= 0.5 within 0..4, run of 2 at 0-1); mvp none;
     * scale 3 only (0.95; 0.8 is below) */
    int32_t ev[8];
    size_t len = 0;
    const char *ind = NULL;
    double thr = 0;
    ck_assert_int_eq(airoi_tracking_get_evidence(&ind, &thr, NULL, 0, &len, t, 0, 0), AIROI_OK);
    ck_assert_uint_eq(len, 4);
    ck_assert_int_eq(airoi_tracking_get_evidence(NULL, NULL, ev, 2, &len, t, 0, 0),
                     AIROI_ERR_BUFFER);
    ck_assert_int_eq(airoi_tracking_get_evidence(&ind, &thr, ev, 8, &len, t, 0, 0), AIROI_OK);
    ck_assert_str_eq(ind, "q");
    ck_assert_double_eq(thr, 0.5);
    ck_assert_int_eq(ev[0], 0);
    ck_assert_int_eq(ev[3], 4);
    ck_assert_int_eq(airoi_tracking_get_evidence(NULL, NULL, ev, 8, &len, t, 1, 0), AIROI_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(airoi_tracking_get_evidence(NULL, NULL, ev, 8, &len, t, 2, 0), AIROI_OK);
    ck_assert_uint_eq(len, 1);
    ck_assert_int_eq(ev[0], 3);
    /* expected NPV of continuing: null before mvp; D = 6, r = 0.1 */
    double pv = metric(airoi_tracking_get_plan(t), AIROI_METRIC_NPV);
    ck_assert_int_eq(has[0], 0);
    ck_assert(has[1] && has[2]);
    double e1 = -20 - 0.8 * 40 / 1.1 + 0.8 * 0.9 * pv / pow(1.1, 6 - 2);
    double e2 = -40 + 0.9 * pv / pow(1.1, 6 - 3);
    ck_assert_double_eq_tol(enpv[1], e1, 1e-9);
    ck_assert_double_eq_tol(enpv[2], e2, 1e-9);

    /* judged earlier (gates_as_of 1): poc pending, the rest pending too */
    ck_assert_int_eq(airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_GATES_AS_OF, 0),
                     AIROI_OK);
    airoi_tracking_free(t);
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    airoi_gate_status st;
    ck_assert_int_eq(airoi_tracking_get_gate(NULL, &st, &enpv[0], &has[0], t, 0), AIROI_OK);
    ck_assert_int_eq(st, AIROI_GATE_PENDING);
    ck_assert(has[0]);
    double e0 = -10 - 0.5 * 20 / pow(1.1, 2) - 0.5 * 0.8 * 40 / pow(1.1, 3) +
                0.5 * 0.8 * 0.9 * pv / pow(1.1, 6);
    ck_assert_double_eq_tol(enpv[0], e0, 1e-9);
    /* a model with stages counts indicators on the stage plan: up to 6 + 3 */
    ck_assert_int_eq(airoi_project_add_indicator_value(p, "q", 9, 1), AIROI_OK);
    airoi_tracking_free(t);
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    airoi_tracking_free(t);
    ck_assert_int_eq(airoi_project_add_indicator_value(p, "q", 10, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_ERR_MODEL);
    /* removing a stage removes its criteria */
    ck_assert_int_eq(airoi_project_remove_stage(p, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_criteria(p, 0), 1);
    airoi_criterion_kind kind;
    ck_assert_int_eq(airoi_project_get_criterion(NULL, &kind, NULL, NULL, p, 0, 0), AIROI_OK);
    ck_assert_int_eq(kind, AIROI_CRITERION_AT_MOST);
    airoi_project_free(p);
}
END_TEST

/* A clone keeps the tracking data; the report writes every format. */
START_TEST(test_clone_and_report)
{
    airoi_project *p = project(), *c = NULL;
    ck_assert_int_eq(airoi_project_add_actual(p, 1, "Gain", 60), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_indicator(p, "a", AIROI_DIRECTION_DOWN, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_indicator_value(p, "a", 2, 0.3), AIROI_OK);
    ck_assert_int_eq(airoi_project_clone(&c, p), AIROI_OK);
    airoi_project_free(p);
    ck_assert_uint_eq(airoi_project_count_actuals(c), 1);
    int32_t per;
    const char *item;
    double amount;
    ck_assert_int_eq(airoi_project_get_actual(&per, &item, &amount, c, 0), AIROI_OK);
    ck_assert_str_eq(item, "Gain");
    ck_assert_uint_eq(airoi_project_count_indicator_values(c, 0), 1);
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, c, 0), AIROI_OK);
    static const airoi_report_format f[5] = {AIROI_REPORT_TEXT, AIROI_REPORT_JSON,
                                             AIROI_REPORT_CSV, AIROI_REPORT_MARKDOWN,
                                             AIROI_REPORT_HTML};
    for (int k = 0; k < 5; k++) {
        char *out = NULL;
        size_t len = 0;
        ck_assert_int_eq(airoi_tracking_report_write(&out, &len, t, f[k], 0), AIROI_OK);
        ck_assert_uint_gt(len, 100);
        airoi_free(out);
    }
    /* the text report of the plan holds the tracking part */
    char *out = NULL;
    ck_assert_int_eq(airoi_report_write(&out, NULL, airoi_tracking_get_plan(t), AIROI_REPORT_TEXT,
                                        0),
                     AIROI_OK);
    ck_assert_ptr_nonnull(strstr(out, "PLAN AGAINST ACTUAL (periods 0-1)"));
    ck_assert_ptr_nonnull(strstr(out, "LEADING INDICATORS"));
    airoi_free(out);
    airoi_tracking_free(t);
    airoi_tracking_free(NULL);
    airoi_project_free(c);
}
END_TEST

static Suite *tracking_suite(void)
{
    Suite *s = suite_create("tracking");
    TCase *tc = tcase_create("tracking");
    tcase_add_test(tc, test_reforecast_recomputed);
    tcase_add_test(tc, test_actual_missing);
    tcase_add_test(tc, test_no_actuals);
    tcase_add_test(tc, test_zero_plan);
    tcase_add_test(tc, test_refusals);
    tcase_add_test(tc, test_indicators);
    tcase_add_test(tc, test_gates);
    tcase_add_test(tc, test_clone_and_report);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(tracking_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
