/*
 * Capex, depreciation, tax, inflation and terminal value
 * (docs/methodology.md#capex-depreciation-and-tax): depreciation against
 * Microsoft's documented examples of SLN, SYD, DB and DDB, and the
 * after-tax metrics of the bundled example recomputed here from first
 * principles (the items' outlays, depreciation by the Excel formulas, tax
 * with and without loss carryforward, NPV, IRR by bisection, the terminal
 * value and the real view).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airoi/airoi.h"

#define N_MAX 16

static airoi_project *load_example(void)
{
    char path[1024];
    const char *dir = getenv("AIROI_EXAMPLES");
    snprintf(path, sizeof path, "%s/gpu-cluster-capex-tax.yaml", dir ? dir : "docs/examples");
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, path, 0), AIROI_OK);
    return p;
}

/* One capital outlay of `cost` at period 0, its life `life` years, in a
 * yearly model with a tax rate; its depreciation in periods 1..life. */
static void depreciation_of(double *dep, double cost, double salvage_share, int life,
                            airoi_depreciation method)
{
    airoi_project *p = NULL;
    airoi_item *it = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Depreciation"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, life + 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_TAX_RATE, 0.25), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Asset", AIROI_CATEGORY_INFRASTRUCTURE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, cost), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_CAPEX, 1), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_LIFE, life), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_DEPRECIATION, method), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_SALVAGE, salvage_share), AIROI_OK);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    size_t len = 0;
    double buf[N_MAX];
    ck_assert_int_eq(airoi_result_get_finance_series(buf, N_MAX, &len, r, AIROI_FIGURE_DEPRECIATION),
                     AIROI_OK);
    ck_assert_uint_eq(len, (size_t)life + 2);
    ck_assert(buf[0] == 0.0);
    memcpy(dep, buf + 1, (size_t)life * sizeof *dep);
    airoi_result_free(r);
    airoi_project_free(p);
}

/* Microsoft Support's examples: SLN(30000, 7500, 10) = 2250; SYD(30000,
 * 7500, 10, 1) = 4090.91 and period 10 = 409.09; DDB(2400, 300, 10, 1) =
 * 480, period 2 = 384, period 10 = 22.12; DB(1000000, 100000, 6, ., 12):
 * the rate is ROUND(1 - 0.1^(1/6), 3) = 0.319, so 319000, 217239, ... */
START_TEST(depreciation_matches_excel)
{
    double d[10];
    depreciation_of(d, 30000, 0.25, 10, AIROI_DEPRECIATION_STRAIGHT_LINE);
    for (int j = 0; j < 10; j++)
        ck_assert_double_eq_tol(d[j], 2250, 1e-9);
    depreciation_of(d, 30000, 0.25, 10, AIROI_DEPRECIATION_SUM_OF_YEARS);
    ck_assert_double_eq_tol(d[0], 4090.909090909091, 1e-6);
    ck_assert_double_eq_tol(d[9], 409.0909090909091, 1e-6);
    depreciation_of(d, 2400, 0.125, 10, AIROI_DEPRECIATION_DOUBLE_DECLINING);
    ck_assert_double_eq_tol(d[0], 480, 1e-9);
    ck_assert_double_eq_tol(d[1], 384, 1e-9);
    ck_assert_double_eq_tol(d[9], 2400 * pow(0.8, 9) - 300, 1e-9); /* Excel shows 22.12 */
    depreciation_of(d, 1000000, 0.1, 6, AIROI_DEPRECIATION_DECLINING_BALANCE);
    double book = 1000000;
    for (int j = 0; j < 6; j++) {
        ck_assert_double_eq_tol(d[j], book * 0.319, 1e-6);
        book -= book * 0.319;
    }
    ck_assert_double_eq_tol(d[0], 319000, 1e-6);
    ck_assert_double_eq_tol(d[1], 217239, 1e-6);
}
END_TEST

/* ---- the example, recomputed -------------------------------------------------- */

static double npv0(double rate, const double *v, size_t n)
{
    double s = 0;
    for (size_t t = 0; t < n; t++)
        s += v[t] / pow(1 + rate, (double)t);
    return s;
}

static double irr_bisect(const double *v, size_t n)
{
    double lo = -0.9, hi = 1.0;
    for (int i = 0; i < 200; i++) {
        double mid = (lo + hi) / 2;
        if ((npv0(lo, v, n) > 0) == (npv0(mid, v, n) > 0))
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}

static double metric(const airoi_result *r, airoi_metric m)
{
    double v = 0;
    ck_assert_int_eq(airoi_result_get_metric(&v, r, m), AIROI_OK);
    return v;
}

static double figure(const airoi_result *r, airoi_finance_figure f)
{
    double v = 0;
    ck_assert_int_eq(airoi_result_get_finance_figure(&v, r, f), AIROI_OK);
    return v;
}

/* The after-tax flows of the example from its pre-tax schedule and its two
 * capital items (600 at period 0, straight line over 3 years; 120 at period
 * 3, sum of the years' digits over 2), taxed at 20%. */
static void after_tax_flows(double *net, double *tax_out, const airoi_result *r, int carry)
{
    const airoi_schedule *s = airoi_result_get_schedule(r);
    double costs[N_MAX], benefits[N_MAX];
    size_t n = 0;
    ck_assert_int_eq(airoi_schedule_get_column(costs, N_MAX, &n, s, AIROI_SCHEDULE_COSTS),
                     AIROI_OK);
    ck_assert_int_eq(airoi_schedule_get_column(benefits, N_MAX, &n, s, AIROI_SCHEDULE_BENEFITS),
                     AIROI_OK);
    ck_assert_uint_eq(n, 6);
    double capex[6] = {600, 0, 0, 120, 0, 0};
    double dep[6] = {0, 200, 200, 200, 120 * 2.0 / 3.0, 120 * 1.0 / 3.0};
    double balance = 0;
    for (size_t t = 0; t < n; t++) {
        double opex = costs[t] - capex[t];
        double income = benefits[t] - opex - dep[t];
        double tax;
        if (!carry) {
            tax = 0.2 * income;
        } else if (income < 0) {
            balance -= income;
            tax = 0;
        } else {
            double use = fmin(balance, income);
            balance -= use;
            tax = 0.2 * (income - use);
        }
        tax_out[t] = tax;
        net[t] = (benefits[t] - opex - dep[t] - tax) + dep[t] - capex[t];
        if (!carry) /* the textbook form: (B - O - D)(1 - tau) + D - K */
            ck_assert_double_eq_tol(net[t], (benefits[t] - opex - dep[t]) * 0.8 + dep[t] - capex[t],
                                    1e-9);
    }
}

static void check_after_tax(const airoi_result *r, int carry)
{
    const airoi_result *at = airoi_result_get_after_tax(r);
    ck_assert_ptr_nonnull(at);
    double net[6], tax[6], got[N_MAX];
    after_tax_flows(net, tax, r, carry);
    size_t n = 0;
    ck_assert_int_eq(airoi_result_get_finance_series(got, N_MAX, &n, r, AIROI_FIGURE_TAX), AIROI_OK);
    for (size_t t = 0; t < 6; t++)
        ck_assert_double_eq_tol(got[t], tax[t], 1e-9);
    ck_assert_int_eq(airoi_schedule_get_column(got, N_MAX, &n, airoi_result_get_schedule(at),
                                               AIROI_SCHEDULE_NET),
                     AIROI_OK);
    for (size_t t = 0; t < 6; t++)
        ck_assert_double_eq_tol(got[t], net[t], 1e-9);
    double nominal = 1.07 * 1.025 - 1; /* discount_rate {rate: 0.07, real: true}, inflation 2.5% */
    ck_assert_double_eq_tol(figure(r, AIROI_FIGURE_DISCOUNT_RATE_NOMINAL), nominal, 1e-15);
    double npv = npv0(nominal, net, 6);
    ck_assert_double_eq_tol(metric(at, AIROI_METRIC_NPV), npv, 1e-9);
    ck_assert_double_eq_tol(metric(at, AIROI_METRIC_IRR), irr_bisect(net, 6), 1e-9);
    double sum_tax = 0;
    for (size_t t = 0; t < 6; t++)
        sum_tax += tax[t];
    ck_assert_double_eq_tol(metric(at, AIROI_METRIC_TOTAL_COSTS),
                            metric(r, AIROI_METRIC_TOTAL_COSTS) + sum_tax, 1e-9);
    /* Gordon at 2%: TV = CF_5 x 1.02 / (r - 0.02), outside the NPV */
    double tv = net[5] * 1.02 / (nominal - 0.02);
    ck_assert_double_eq_tol(figure(at, AIROI_FIGURE_TERMINAL_VALUE), tv, 1e-9);
    ck_assert_double_eq_tol(figure(at, AIROI_FIGURE_NPV_WITH_TERMINAL_VALUE),
                            npv + tv / pow(1 + nominal, 5), 1e-9);
    ck_assert_double_eq_tol(metric(at, AIROI_METRIC_NPV), npv, 1e-9);
}

START_TEST(after_tax_recomputed)
{
    airoi_project *p = load_example();
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    check_after_tax(r, 1);
    /* capex and opex split the TCO */
    ck_assert_double_eq_tol(figure(r, AIROI_FIGURE_CAPEX), 720, 1e-9);
    ck_assert_double_eq_tol(figure(r, AIROI_FIGURE_CAPEX) + figure(r, AIROI_FIGURE_OPEX),
                            metric(r, AIROI_METRIC_TCO_TOTAL), 1e-9);
    /* the real view: the same NPV, the real IRR by Fisher */
    ck_assert_double_eq_tol(figure(r, AIROI_FIGURE_NPV_REAL), metric(r, AIROI_METRIC_NPV), 1e-9);
    ck_assert_double_eq_tol(figure(r, AIROI_FIGURE_IRR_REAL),
                            (1 + metric(r, AIROI_METRIC_IRR)) / 1.025 - 1, 1e-12);
    airoi_result_free(r);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_LOSS_CARRYFORWARD, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    check_after_tax(r, 0);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* A real item is inflated from period 0: amount x (1 + i)^t in a yearly model. */
START_TEST(real_items_are_inflated)
{
    airoi_project *p = load_example();
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    double people[N_MAX];
    size_t n = 0;
    ck_assert_int_eq(airoi_schedule_get_category(people, N_MAX, &n, airoi_result_get_schedule(r),
                                                 AIROI_CATEGORY_PEOPLE),
                     AIROI_OK);
    ck_assert(people[0] == 0.0);
    for (size_t t = 1; t < n; t++)
        ck_assert_double_eq_tol(people[t], 180 * pow(1.025, (double)t), 1e-9);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* No tax: no after-tax view; the terminal value and real figures still exist. */
START_TEST(without_tax)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Plain"), AIROI_OK);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_ptr_null(airoi_result_get_after_tax(r));
    double v;
    ck_assert_int_eq(airoi_result_get_finance_figure(&v, r, AIROI_FIGURE_TERMINAL_VALUE),
                     AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_result_get_finance_figure(&v, r, (airoi_finance_figure)AIROI_METRIC_NPV),
                     AIROI_ERR_INVALID);
    size_t len = 0;
    ck_assert_int_eq(airoi_result_get_finance_series(NULL, 0, &len, r, AIROI_FIGURE_NPV_REAL),
                     AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi_finance_figure_name(AIROI_FIGURE_NPV_TERMINAL_VALUE),
                     "npv_terminal_value");
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* What a model file cannot say, the API refuses too: a loss carryforward
 * without a tax rate, a terminal value method without its figure. */
START_TEST(incomplete_settings_refused)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "P"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_LOSS_CARRYFORWARD, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_str_eq(airoi_last_error_message(),
                     "project 'P': tax.loss_carryforward: a loss carryforward applies to a tax: "
                     "set the tax rate (tax: {rate: 0.25})");
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_TAX_RATE, 0.25), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_TERMINAL_METHOD,
                                              AIROI_TERMINAL_EXIT_MULTIPLE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_str_eq(airoi_last_error_message(),
                     "project 'P': terminal_value.method: method exit_multiple needs multiple");
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_TERMINAL_MULTIPLE, 8), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_TERMINAL_METHOD,
                                              AIROI_TERMINAL_GORDON),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_str_eq(airoi_last_error_message(),
                     "project 'P': terminal_value.method: method gordon needs growth");
    airoi_project_free(p);
}
END_TEST

/* The keys survive a save and a load, and the second save is the first. */
START_TEST(round_trip)
{
    airoi_project *p = load_example(), *q = NULL;
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&a, NULL, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_model_load_buffer(&q, NULL, a, strlen(a), "<saved>", 0), AIROI_OK);
    ck_assert_int_eq(airoi_model_save_buffer(&b, NULL, q, 0), AIROI_OK);
    ck_assert_str_eq(a, b);
    ck_assert_ptr_nonnull(strstr(a, "tax: {rate: 0.2, loss_carryforward: true}"));
    ck_assert_ptr_nonnull(strstr(a, "discount_rate: {rate: 0.07, real: true}"));
    airoi_result *r1 = NULL, *r2 = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r1, p, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r2, q, NULL, 0), AIROI_OK);
    ck_assert(metric(airoi_result_get_after_tax(r1), AIROI_METRIC_NPV) ==
              metric(airoi_result_get_after_tax(r2), AIROI_METRIC_NPV));
    airoi_result_free(r1);
    airoi_result_free(r2);
    airoi_free(a);
    airoi_free(b);
    airoi_project_free(p);
    airoi_project_free(q);
}
END_TEST

static Suite *tax_suite(void)
{
    Suite *s = suite_create("tax");
    TCase *tc = tcase_create("capex-tax");
    tcase_add_test(tc, depreciation_matches_excel);
    tcase_add_test(tc, after_tax_recomputed);
    tcase_add_test(tc, real_items_are_inflated);
    tcase_add_test(tc, without_tax);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, incomplete_settings_refused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(tax_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
