/*
 * tests/unit/test-misuse.c: a constant of the wrong enumeration family is
 * refused at run time, with a message that names the family expected and
 * the family of the value given. The compiler warns first
 * (tests/build/check-enum-warnings.py); these calls cast, as a binding or
 * a careless caller would, so that the library's own check is what is
 * tested.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

static airoi_project *pilot(void)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Pilot"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "fraud_aml"), AIROI_OK);
    airoi_item *c = NULL, *v = NULL;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Team", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Saving", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 80), AIROI_OK);
    airoi_scenario *s = NULL;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "base", 1.0), AIROI_OK);
    return p;
}

static airoi_item *item(airoi_project *p, airoi_item_kind kind)
{
    airoi_item *it = airoi_project_get_item_mutable(p, kind, 0);
    ck_assert_ptr_nonnull(it);
    return it;
}

static void refused(int status, const char *want)
{
    ck_assert_int_eq(status, AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi_last_error_message(), want);
}

/* A message that names both families; the same words for every family. */
#define FAMILIES(given, given_family, expected)                                             \
    #given " is an " given_family " value; expected an " expected

START_TEST(project_parameters)
{
    airoi_project *p = pilot();
    double v = -1;
    refused(airoi_project_set_number(p, (airoi_project_param)AIROI_ITEM_AMOUNT, 300),
            "project 'Pilot': param: " FAMILIES(AIROI_ITEM_AMOUNT, "airoi_item_param",
                                                "airoi_project_param"));
    /* the horizon is what it was: the item parameter did not land on it */
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_HORIZON), AIROI_OK);
    ck_assert_double_eq(v, 3);
    refused(airoi_project_get_number(&v, p, (airoi_project_param)AIROI_PER_MONTH),
            "project 'Pilot': param: " FAMILIES(AIROI_PER_MONTH, "airoi_per",
                                                "airoi_project_param"));
    refused(airoi_project_set_string(p, (airoi_project_param)AIROI_ITEM_NAME, "x"),
            "project 'Pilot': param: " FAMILIES(AIROI_ITEM_NAME, "airoi_item_param",
                                                "airoi_project_param"));
    ck_assert_ptr_null(airoi_project_get_string(p, (airoi_project_param)AIROI_ITEM_CURRENCY));
    ck_assert_str_eq(airoi_last_error_message(),
                     "project 'Pilot': param: " FAMILIES(AIROI_ITEM_CURRENCY, "airoi_item_param",
                                                         "airoi_project_param"));
    ck_assert_int_eq(airoi_project_is_set(p, (airoi_project_param)AIROI_SCENARIO_DELAY), 0);
    ck_assert_str_eq(airoi_last_error_message(),
                     "project 'Pilot': param: " FAMILIES(AIROI_SCENARIO_DELAY,
                                                         "airoi_scenario_param",
                                                         "airoi_project_param"));
    /* an enumeration carried in the double: the period of a project */
    refused(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PER_MONTH),
            "project 'Pilot': period: " FAMILIES(AIROI_PER_MONTH, "airoi_per", "airoi_period")
            " (one of year, quarter, month)");
    refused(airoi_project_set_number(p, AIROI_PROJECT_STAGE, AIROI_CURVE_STEP),
            "project 'Pilot': stage: " FAMILIES(AIROI_CURVE_STEP, "airoi_curve", "airoi_stage")
            " (one of strategy, poc, mvp, scale, production)");
    /* a number from before the families had ranges of their own */
    refused(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, 2),
            "project 'Pilot': period: 2 (0x0002) is not an airoi_period value; expected one of "
            "AIROI_PERIOD_YEAR (0x0100) to AIROI_PERIOD_MONTH (0x0102) (one of year, quarter, "
            "month)");
    refused(airoi_project_set_number(p, (airoi_project_param)4, 300),
            "project 'Pilot': param: 4 (0x0004) is not an airoi_project_param value; expected "
            "one of AIROI_PROJECT_NAME (0x0700) to AIROI_PROJECT_TERMINAL_MULTIPLE (0x0711)");
    airoi_project_free(p);
}
END_TEST

START_TEST(items)
{
    airoi_project *p = pilot();
    airoi_item *c = item(p, AIROI_ITEM_KIND_COST);
    airoi_item *val = item(p, AIROI_ITEM_KIND_VALUE);
    double v = -1;
    refused(airoi_project_add_cost(NULL, p, "Cloud", (airoi_category)AIROI_DIMENSION_REVENUE),
            "cost item 'Cloud': category: " FAMILIES(AIROI_DIMENSION_REVENUE, "airoi_dimension",
                                                     "airoi_category"));
    refused(airoi_project_add_value(NULL, p, "Sales", (airoi_dimension)AIROI_CATEGORY_DATA),
            "value item 'Sales': dimension: " FAMILIES(AIROI_CATEGORY_DATA, "airoi_category",
                                                       "airoi_dimension"));
    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_COST), 1);
    refused(airoi_item_set_number(c, (airoi_item_param)AIROI_PROJECT_HORIZON, 300),
            "cost item 'Team': param: " FAMILIES(AIROI_PROJECT_HORIZON, "airoi_project_param",
                                                 "airoi_item_param"));
    refused(airoi_item_get_number(&v, c, (airoi_item_param)AIROI_METRIC_NPV),
            "cost item 'Team': param: " FAMILIES(AIROI_METRIC_NPV, "airoi_metric",
                                                 "airoi_item_param"));
    refused(airoi_item_set_string(val, (airoi_item_param)AIROI_PROJECT_NAME, "x"),
            "value item 'Saving': param: " FAMILIES(AIROI_PROJECT_NAME, "airoi_project_param",
                                                    "airoi_item_param"));
    ck_assert_ptr_null(airoi_item_get_string(c, (airoi_item_param)AIROI_PROJECT_NAME));
    ck_assert_str_eq(airoi_last_error_message(),
                     "cost item 'Team': param: " FAMILIES(AIROI_PROJECT_NAME,
                                                          "airoi_project_param",
                                                          "airoi_item_param"));
    ck_assert_int_eq(airoi_item_is_set(c, (airoi_item_param)AIROI_SCENARIO_DELAY), 0);
    ck_assert_str_eq(airoi_last_error_message(),
                     "cost item 'Team': param: " FAMILIES(AIROI_SCENARIO_DELAY,
                                                          "airoi_scenario_param",
                                                          "airoi_item_param"));
    /* enumerations carried in the double: a monthly cost stays monthly */
    refused(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PERIOD_MONTH),
            "cost item 'Team': per: " FAMILIES(AIROI_PERIOD_MONTH, "airoi_period", "airoi_per")
            " (one of once, month, quarter, year)");
    refused(airoi_item_set_number(c, AIROI_ITEM_CATEGORY, AIROI_DIMENSION_REVENUE),
            "cost item 'Team': category: " FAMILIES(AIROI_DIMENSION_REVENUE, "airoi_dimension",
                                                    "airoi_category")
            " (one of people, infrastructure, software, data, data_governance, integration, "
            "change_management, maintenance, opportunity)");
    refused(airoi_item_set_number(val, AIROI_ITEM_DIMENSION, AIROI_CATEGORY_INFRASTRUCTURE),
            "value item 'Saving': dimension: " FAMILIES(AIROI_CATEGORY_INFRASTRUCTURE,
                                                        "airoi_category", "airoi_dimension")
            " (one of efficiency, revenue, risk, strategic)");
    refused(airoi_item_set_number(val, AIROI_ITEM_ADOPTION_CURVE, AIROI_STAGE_MVP),
            "value item 'Saving': adoption.curve: " FAMILIES(AIROI_STAGE_MVP, "airoi_stage",
                                                             "airoi_curve")
            " (one of none, linear, s_curve, step)");
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_PER), AIROI_OK);
    ck_assert_double_eq(v, AIROI_PER_PERIOD);
    /* the kind of a collection */
    ck_assert_uint_eq(airoi_project_count_items(p, (airoi_item_kind)AIROI_CATEGORY_PEOPLE), 0);
    ck_assert_str_eq(airoi_last_error_message(),
                     "kind: " FAMILIES(AIROI_CATEGORY_PEOPLE, "airoi_category",
                                       "airoi_item_kind"));
    ck_assert_ptr_null(airoi_project_get_item(p, (airoi_item_kind)AIROI_DIMENSION_RISK, 0));
    refused(airoi_project_remove_item(p, (airoi_item_kind)AIROI_CATEGORY_PEOPLE, 0),
            "airoi_project_remove_item: kind: " FAMILIES(AIROI_CATEGORY_PEOPLE,
                                                         "airoi_category", "airoi_item_kind"));
    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_COST), 1);
    airoi_project_free(p);
}
END_TEST

START_TEST(scenarios)
{
    airoi_project *p = pilot();
    airoi_scenario *s = airoi_project_get_scenario_mutable(p, 0);
    double v = -1;
    refused(airoi_scenario_set_number(s, (airoi_scenario_param)AIROI_ITEM_GROWTH, 2),
            "scenario 'base': param: " FAMILIES(AIROI_ITEM_GROWTH, "airoi_item_param",
                                                "airoi_scenario_param"));
    refused(airoi_scenario_get_number(&v, s, (airoi_scenario_param)AIROI_PROJECT_HORIZON),
            "scenario 'base': param: " FAMILIES(AIROI_PROJECT_HORIZON, "airoi_project_param",
                                                "airoi_scenario_param"));
    ck_assert_int_eq(airoi_scenario_is_set(s, (airoi_scenario_param)AIROI_ITEM_GROWTH), 0);
    ck_assert_str_eq(airoi_last_error_message(),
                     "scenario param: " FAMILIES(AIROI_ITEM_GROWTH, "airoi_item_param",
                                                 "airoi_scenario_param"));
    airoi_project_free(p);
}
END_TEST

START_TEST(results_and_schedules)
{
    airoi_project *p = pilot();
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    double v = -1;
    refused(airoi_result_get_metric(&v, r, (airoi_metric)AIROI_SCHEDULE_NET),
            "airoi_result_get_metric: metric: " FAMILIES(AIROI_SCHEDULE_NET,
                                                         "airoi_schedule_column",
                                                         "airoi_metric"));
    refused(airoi_result_get_tco_category(&v, r, (airoi_category)AIROI_DIMENSION_RISK),
            "airoi_result_get_tco_category: category: " FAMILIES(AIROI_DIMENSION_RISK,
                                                                 "airoi_dimension",
                                                                 "airoi_category"));
    refused(airoi_result_get_value_dimension(&v, r, (airoi_dimension)AIROI_CATEGORY_DATA),
            "airoi_result_get_value_dimension: dimension: " FAMILIES(AIROI_CATEGORY_DATA,
                                                                     "airoi_category",
                                                                     "airoi_dimension"));
    refused(airoi_result_get_number(&v, r, (airoi_project_param)AIROI_SCENARIO_DELAY),
            "project 'Pilot': param: " FAMILIES(AIROI_SCENARIO_DELAY, "airoi_scenario_param",
                                                "airoi_project_param"));
    ck_assert_ptr_null(airoi_result_get_string(r, (airoi_project_param)AIROI_ITEM_NAME));
    ck_assert_str_eq(airoi_last_error_message(),
                     "project 'Pilot': param: " FAMILIES(AIROI_ITEM_NAME, "airoi_item_param",
                                                         "airoi_project_param"));
    refused(airoi_result_get_benchmark_value(&v, r, (airoi_benchmark_field)AIROI_METRIC_ROI_BASIC),
            "benchmark field: " FAMILIES(AIROI_METRIC_ROI_BASIC, "airoi_metric",
                                         "airoi_benchmark_field"));
    airoi_benchmark_position pos = AIROI_BENCHMARK_WITHIN;
    refused(airoi_result_get_benchmark_position(&pos, r,
                                                (airoi_benchmark_field)AIROI_BENCHMARK_ABOVE),
            "benchmark field: " FAMILIES(AIROI_BENCHMARK_ABOVE, "airoi_benchmark_position",
                                         "airoi_benchmark_field"));
    double lo, hi;
    refused(airoi_benchmark_get_range(&lo, &hi, 0, (airoi_benchmark_field)AIROI_PER_YEAR),
            "benchmark field: " FAMILIES(AIROI_PER_YEAR, "airoi_per", "airoi_benchmark_field"));
    char *out = NULL;
    refused(airoi_report_write(&out, NULL, r, (airoi_report_format)AIROI_REPORT_METRICS, 0),
            "airoi_report_write: format: 1 (0x0001) is not an airoi_report_format value; "
            "expected one of AIROI_REPORT_TEXT (0x0D00) to AIROI_REPORT_HTML (0x0D04)");
    ck_assert_ptr_null(out);

    const airoi_schedule *s = airoi_result_get_schedule(r);
    double buf[8];
    size_t n = 0;
    refused(airoi_schedule_get_column(buf, 8, &n, s, (airoi_schedule_column)AIROI_METRIC_NPV),
            "airoi_schedule_get_column: column: " FAMILIES(AIROI_METRIC_NPV, "airoi_metric",
                                                           "airoi_schedule_column"));
    refused(airoi_schedule_get_category(buf, 8, &n, s, (airoi_category)AIROI_DIMENSION_RISK),
            "airoi_schedule_get_category: category: " FAMILIES(AIROI_DIMENSION_RISK,
                                                               "airoi_dimension",
                                                               "airoi_category"));
    refused(airoi_schedule_get_dimension(buf, 8, &n, s, (airoi_dimension)AIROI_CATEGORY_PEOPLE),
            "airoi_schedule_get_dimension: dimension: " FAMILIES(AIROI_CATEGORY_PEOPLE,
                                                                 "airoi_category",
                                                                 "airoi_dimension"));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(dates_and_names)
{
    int32_t d = 0;
    double serial = 0;
    refused(airoi_date_from_excel(&d, 1, (airoi_date_system)AIROI_PER_YEAR),
            "Excel date system: " FAMILIES(AIROI_PER_YEAR, "airoi_per", "airoi_date_system"));
    refused(airoi_date_to_excel(&serial, 0, (airoi_date_system)1),
            "Excel date system: 1 (0x0001) is not an airoi_date_system value; expected one of "
            "AIROI_DATE_1900 (0x1000) to AIROI_DATE_1904 (0x1001)");
    /* the spelling of a member of another family is no spelling */
    ck_assert_ptr_null(airoi_per_name((airoi_per)AIROI_PERIOD_MONTH));
    ck_assert_ptr_null(airoi_category_name((airoi_category)AIROI_DIMENSION_RISK));
    ck_assert_ptr_null(airoi_metric_name((airoi_metric)AIROI_SCHEDULE_NET));
    ck_assert_str_eq(airoi_per_name(AIROI_PER_MONTH), "month");
    ck_assert_str_eq(airoi_period_name(AIROI_PERIOD_MONTH), "month");
}
END_TEST

static Suite *misuse_suite(void)
{
    Suite *s = suite_create("misuse");
    TCase *tc = tcase_create("wrong-family");
    tcase_add_test(tc, project_parameters);
    tcase_add_test(tc, items);
    tcase_add_test(tc, scenarios);
    tcase_add_test(tc, results_and_schedules);
    tcase_add_test(tc, dates_and_names);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(misuse_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
