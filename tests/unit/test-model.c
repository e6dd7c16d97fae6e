/*
 * tests/unit/test-model.c: the project model through the public API:
 * enumerations and their spellings, project settings and their checks, the
 * FX table, items and their parameters, scenarios, clones, the benchmark
 * table.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <airoi/airoi.h>

#include "test-items.h"

static airoi_project *new_project(void)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Project"), AIROI_OK);
    ck_assert_ptr_nonnull(p);
    return p;
}

/* ---- enumerations ----------------------------------------------------------------- */

/* Each family has its own range (base = family number << 8), pinned once
 * (docs/api-stability.md). */
START_TEST(enum_values_are_pinned)
{
    ck_assert_int_eq(AIROI_PERIOD_YEAR, 0x0100);
    ck_assert_int_eq(AIROI_PERIOD_MONTH, 0x0102);
    ck_assert_int_eq(AIROI_PER_ONCE, 0x0200);
    ck_assert_int_eq(AIROI_PER_YEAR, 0x0203);
    ck_assert_int_eq(AIROI_PER_PERIOD, 0x0204);
    ck_assert_int_eq(AIROI_CATEGORY_PEOPLE, 0x0300);
    ck_assert_int_eq(AIROI_CATEGORY_OPPORTUNITY, 0x0308);
    ck_assert_int_eq(AIROI_DIMENSION_STRATEGIC, 0x0403);
    ck_assert_int_eq(AIROI_STAGE_PRODUCTION, 0x0504);
    ck_assert_int_eq(AIROI_CURVE_STEP, 0x0603);
    ck_assert_int_eq(AIROI_PROJECT_NAME, 0x0700);
    ck_assert_int_eq(AIROI_PROJECT_STAGE, 0x070A);
    ck_assert_int_eq(AIROI_ITEM_NAME, 0x0800);
    ck_assert_int_eq(AIROI_ITEM_ADOPTION_CEILING, 0x0813);
    ck_assert_int_eq(AIROI_ITEM_KIND_COST, 0x0900);
    ck_assert_int_eq(AIROI_ITEM_KIND_VALUE, 0x0901);
    ck_assert_int_eq(AIROI_SCENARIO_PROBABILITY, 0x0A00);
    ck_assert_int_eq(AIROI_SCENARIO_ADOPTION_CEILING, 0x0A02);
    ck_assert_int_eq(AIROI_METRIC_NPV, 0x0B00);
    ck_assert_int_eq(AIROI_METRIC_TCO_PV, 0x0B15);
    ck_assert_int_eq(AIROI_SEVERITY_CRITICAL, 0x0C02);
    ck_assert_int_eq(AIROI_REPORT_TEXT, 0x0D00);
    ck_assert_int_eq(AIROI_REPORT_MARKDOWN, 0x0D03);
    ck_assert_int_eq(AIROI_SCHEDULE_COSTS, 0x0E00);
    ck_assert_int_eq(AIROI_SCHEDULE_DISCOUNTED_BENEFITS, 0x0E08);
    ck_assert_int_eq(AIROI_BENCHMARK_ROI, 0x0F00);
    ck_assert_int_eq(AIROI_BENCHMARK_INVESTMENT, 0x0F02);
    ck_assert_int_eq(AIROI_DATE_1900, 0x1000);
    ck_assert_int_eq(AIROI_DATE_1904, 0x1001);
    ck_assert_int_eq(AIROI_BENCHMARK_BELOW, 0x1200);
    ck_assert_int_eq(AIROI_BENCHMARK_ABOVE, 0x1202);
}
END_TEST

/* The spelling converters of one family through int, for the table below. */
#define ROUND_TRIP(fam)                                                                     \
    static int fam##_from(int *out, const char *name)                                        \
    {                                                                                        \
        airoi_##fam v;                                                                       \
        int rc = airoi_##fam##_from_name(out ? &v : NULL, name);                             \
        if (rc == AIROI_OK)                                                                  \
            *out = (int)v;                                                                   \
        return rc;                                                                           \
    }                                                                                        \
    static const char *fam##_to(int v)                                                       \
    {                                                                                        \
        return airoi_##fam##_name((airoi_##fam)v);                                           \
    }
ROUND_TRIP(period)
ROUND_TRIP(per)
ROUND_TRIP(category)
ROUND_TRIP(dimension)
ROUND_TRIP(stage)
ROUND_TRIP(curve)
ROUND_TRIP(metric)
ROUND_TRIP(severity)
ROUND_TRIP(schedule_column)

START_TEST(enum_names_round_trip)
{
    struct {
        int (*from)(int *, const char *);
        const char *(*name)(int);
        int base;
        int count;
    } e[] = {
        {period_from, period_to, AIROI_PERIOD_YEAR, 3},
        {per_from, per_to, AIROI_PER_ONCE, 5},
        {category_from, category_to, AIROI_CATEGORY_PEOPLE, 9},
        {dimension_from, dimension_to, AIROI_DIMENSION_EFFICIENCY, 4},
        {stage_from, stage_to, AIROI_STAGE_STRATEGY, 5},
        {curve_from, curve_to, AIROI_CURVE_NONE, 4},
        {metric_from, metric_to, AIROI_METRIC_NPV, 27},
        {severity_from, severity_to, AIROI_SEVERITY_INFO, 3},
        {schedule_column_from, schedule_column_to, AIROI_SCHEDULE_COSTS, 9},
    };
    for (size_t k = 0; k < sizeof e / sizeof e[0]; k++) {
        for (int i = 0; i < e[k].count; i++) {
            const char *n = e[k].name(e[k].base + i);
            ck_assert_ptr_nonnull(n);
            int back = -1;
            ck_assert_int_eq(e[k].from(&back, n), AIROI_OK);
            ck_assert_int_eq(back, e[k].base + i);
            /* the index alone, the numbering before the families, is no value */
            ck_assert_ptr_null(e[k].name(i));
        }
        ck_assert_ptr_null(e[k].name(e[k].base + e[k].count));
        ck_assert_ptr_null(e[k].name(e[k].base - 1));
        ck_assert_ptr_null(e[k].name(-1));
        int out = 77;
        ck_assert_int_eq(e[k].from(&out, "no such name"), AIROI_ERR_INVALID);
        ck_assert_int_eq(out, 77);
        ck_assert_int_eq(e[k].from(NULL, "x"), AIROI_ERR_INVALID);
        ck_assert_int_eq(e[k].from(&out, NULL), AIROI_ERR_INVALID);
    }
}
END_TEST

START_TEST(enum_spellings_match_spec)
{
    airoi_category cat;
    airoi_curve curve;
    airoi_per per;
    airoi_stage stage;
    airoi_metric metric;
    ck_assert_int_eq(airoi_category_from_name(&cat, "data_governance"), AIROI_OK);
    ck_assert_int_eq(cat, AIROI_CATEGORY_DATA_GOVERNANCE);
    ck_assert_int_eq(airoi_category_from_name(&cat, "change_management"), AIROI_OK);
    ck_assert_int_eq(cat, AIROI_CATEGORY_CHANGE_MANAGEMENT);
    ck_assert_int_eq(airoi_curve_from_name(&curve, "s_curve"), AIROI_OK);
    ck_assert_int_eq(curve, AIROI_CURVE_S_CURVE);
    ck_assert_int_eq(airoi_per_from_name(&per, "once"), AIROI_OK);
    ck_assert_int_eq(per, AIROI_PER_ONCE);
    ck_assert_int_eq(airoi_stage_from_name(&stage, "poc"), AIROI_OK);
    ck_assert_int_eq(stage, AIROI_STAGE_POC);
    ck_assert_int_eq(airoi_category_from_name(&cat, "People"), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "People"));
    static const char *const metrics[] = {
        "npv", "irr", "mirr", "roi_basic", "roi_horizon", "roi_risk_adjusted", "expected_npv",
        "npv_roi", "bcr", "payback_periods", "discounted_payback_periods", "tco_hidden_share",
        "roi_annualised"};
    for (size_t i = 0; i < sizeof metrics / sizeof metrics[0]; i++)
        ck_assert_int_eq(airoi_metric_from_name(&metric, metrics[i]), AIROI_OK);
    for (int c = AIROI_CATEGORY_PEOPLE; c <= AIROI_CATEGORY_OPPORTUNITY; c++)
        ck_assert_int_eq(airoi_category_is_hidden((airoi_category)c),
                         c >= AIROI_CATEGORY_DATA_GOVERNANCE);
    ck_assert_int_eq(airoi_category_is_hidden((airoi_category)(AIROI_CATEGORY_OPPORTUNITY + 1)), 0);
    ck_assert_int_eq(airoi_category_is_hidden((airoi_category)-1), 0);
}
END_TEST

/* ---- project ------------------------------------------------------------------------- */

START_TEST(project_defaults)
{
    airoi_project *p = new_project();
    double v;
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_NAME), "Project");
    ck_assert_ptr_null(airoi_project_get_string(p, AIROI_PROJECT_CURRENCY));
    ck_assert_ptr_null(airoi_project_get_string(p, AIROI_PROJECT_USE_CASE));
    ck_assert_ptr_null(airoi_project_get_string(p, AIROI_PROJECT_HORIZON));
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_PERIOD), AIROI_OK);
    ck_assert_double_eq(v, AIROI_PERIOD_YEAR);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_HORIZON), AIROI_OK);
    ck_assert_double_eq(v, 1);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_UNIT), AIROI_OK);
    ck_assert_double_eq(v, 1);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_STAGE), AIROI_OK);
    ck_assert_double_eq(v, AIROI_STAGE_PRODUCTION);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_START), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_NAME), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_is_set(p, AIROI_PROJECT_NAME), 1);
    ck_assert_int_eq(airoi_project_is_set(p, AIROI_PROJECT_HORIZON), 0);
    ck_assert_int_eq(airoi_project_is_set(p, 99), 0);
    ck_assert_int_eq(airoi_project_is_set(NULL, AIROI_PROJECT_NAME), 0);
    airoi_project_free(p);
    airoi_project_free(NULL);
}
END_TEST

START_TEST(project_new_refuses_bad_names)
{
    airoi_project *p = (airoi_project *)1;
    ck_assert_int_eq(airoi_project_new(&p, NULL), AIROI_ERR_INVALID);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(airoi_project_new(&p, ""), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_new(NULL, "x"), AIROI_ERR_INVALID);
    static char longname[AIROI_NAME_MAX + 2];
    memset(longname, 'a', AIROI_NAME_MAX + 1);
    ck_assert_int_eq(airoi_project_new(&p, longname), AIROI_ERR_INVALID);
    ck_assert_ptr_null(p);
}
END_TEST

START_TEST(project_rates_default_to_discount)
{
    airoi_project *p = new_project();
    double v;
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.08), AIROI_OK);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_FINANCE_RATE), AIROI_OK);
    ck_assert_double_eq(v, 0.08);
    ck_assert_int_eq(airoi_project_is_set(p, AIROI_PROJECT_FINANCE_RATE), 0);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_REINVEST_RATE, 0.12), AIROI_OK);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_REINVEST_RATE), AIROI_OK);
    ck_assert_double_eq(v, 0.12);
    ck_assert_int_eq(airoi_project_is_set(p, AIROI_PROJECT_REINVEST_RATE), 1);
    airoi_project_free(p);
}
END_TEST

START_TEST(project_set_checks)
{
    airoi_project *p = new_project();
    double v;
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, -1), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "horizon"));
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2.5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, AIROI_HORIZON_MAX + 1),
                     AIROI_ERR_LIMIT);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, AIROI_HORIZON_MAX),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, (double)NAN),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, HUGE_VAL),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, -1),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_STAGE, 5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_START, 0.5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_START, 3e9), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_NAME, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(p, 42, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_number(NULL, AIROI_PROJECT_UNIT, 1), AIROI_ERR_INVALID);
    int32_t day;
    ck_assert_int_eq(airoi_date_from_iso(&day, "2026-01-01"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_START, day), AIROI_OK);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_START), AIROI_OK);
    ck_assert_double_eq(v, day);
    /* failed sets leave values unchanged */
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_HORIZON), AIROI_OK);
    ck_assert_double_eq(v, AIROI_HORIZON_MAX);
    ck_assert_int_eq(airoi_project_get_number(&v, p, AIROI_PROJECT_DISCOUNT_RATE), AIROI_OK);
    ck_assert_double_eq(v, 0);
    airoi_project_free(p);
}
END_TEST

START_TEST(project_strings)
{
    airoi_project *p = new_project();
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_NAME, "Renamed"), AIROI_OK);
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_NAME), "Renamed");
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_NAME, NULL), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_CURRENCY), "TWD");
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, NULL), AIROI_OK);
    ck_assert_ptr_null(airoi_project_get_string(p, AIROI_PROJECT_CURRENCY));
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "aml"), AIROI_OK);
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_USE_CASE), "fraud_aml");
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "customer-service"),
                     AIROI_OK);
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_USE_CASE), "customer_service");
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "astrology"),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "astrology"));
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_USE_CASE), "customer_service");
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_UNIT, "x"), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, ""), AIROI_ERR_INVALID);
    airoi_project_free(p);
}
END_TEST

START_TEST(project_fx_table)
{
    airoi_project *p = new_project();
    double r;
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_get_fx(&r, p, "TWD"), AIROI_OK);
    ck_assert_double_eq(r, 1);
    ck_assert_int_eq(airoi_project_get_fx(&r, p, "USD"), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_set_fx(p, "USD", 32), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_fx(p, "EUR", 35), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_fx(p, "USD", 31.5), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_fx(p), 2);
    ck_assert_str_eq(airoi_project_get_fx_currency(p, 0), "USD");
    ck_assert_str_eq(airoi_project_get_fx_currency(p, 1), "EUR");
    ck_assert_ptr_null(airoi_project_get_fx_currency(p, 2));
    ck_assert_int_eq(airoi_project_get_fx(&r, p, "USD"), AIROI_OK);
    ck_assert_double_eq(r, 31.5);
    ck_assert_int_eq(airoi_project_set_fx(p, "JPY", 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_fx(p, "JPY", (double)NAN), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_fx(p, "", 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_remove_fx(p, "USD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_fx(p, "USD"), AIROI_ERR_NOT_FOUND);
    ck_assert_uint_eq(airoi_project_count_fx(p), 1);
    ck_assert_str_eq(airoi_project_get_fx_currency(p, 0), "EUR");
    ck_assert_uint_eq(airoi_project_count_fx(NULL), 0);
    airoi_project_free(p);
}
END_TEST

/* ---- items ------------------------------------------------------------------------------ */

START_TEST(items_add_find_remove)
{
    airoi_project *p = new_project();
    airoi_item *c = NULL, *found = NULL;
    airoi_item *v = NULL;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Team", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(NULL, p, "Cloud", AIROI_CATEGORY_INFRASTRUCTURE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Saving", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    /* names are unique across costs and values */
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Team", AIROI_DIMENSION_RISK),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_null(v);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "Team"));
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Saving", AIROI_CATEGORY_DATA),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Bad", AIROI_CATEGORY_OPPORTUNITY + 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Bad", -1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_cost(&c, NULL, "x", AIROI_CATEGORY_PEOPLE), AIROI_ERR_INVALID);
    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_COST), 2);
    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_VALUE), 1);
    ck_assert_int_eq(find_item(&found, p, AIROI_ITEM_KIND_COST, "Cloud"), AIROI_OK);
    ck_assert_ptr_eq(found, airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 1));
    {
        const airoi_project *cp = p;
        airoi_item_kind kind = AIROI_ITEM_KIND_COST;
        airoi_item_kind got = AIROI_ITEM_KIND_VALUE;
        size_t at = 99;
        ck_assert_ptr_eq(airoi_project_get_item(cp, AIROI_ITEM_KIND_COST, 1), found);
        ck_assert_int_eq(
            airoi_item_get_kind(&got, airoi_project_get_item(cp, AIROI_ITEM_KIND_COST, 1)),
            AIROI_OK);
        ck_assert_int_eq(got, AIROI_ITEM_KIND_COST);
        ck_assert_int_eq(airoi_project_find_item(&kind, &at, cp, "Saving"), AIROI_OK);
        ck_assert_int_eq(kind, AIROI_ITEM_KIND_VALUE);
        ck_assert_uint_eq(at, 0);
        ck_assert_int_eq(airoi_project_find_item(NULL, NULL, cp, "None"), AIROI_ERR_NOT_FOUND);
        ck_assert_int_eq(airoi_item_get_kind(&got, NULL), AIROI_ERR_INVALID);
        ck_assert_int_eq(got, AIROI_ITEM_KIND_COST); /* untouched */
        ck_assert_ptr_null(airoi_project_get_item(cp, (airoi_item_kind)2, 0));
        ck_assert_uint_eq(airoi_project_count_items(cp, (airoi_item_kind)7), 0);
        ck_assert_int_eq(airoi_project_remove_item(p, (airoi_item_kind)AIROI_CATEGORY_PEOPLE, 0),
                         AIROI_ERR_INVALID);
        ck_assert_str_eq(airoi_last_error_message(),
                         "airoi_project_remove_item: kind: AIROI_CATEGORY_PEOPLE is an "
                         "airoi_category value; expected an airoi_item_kind");
    }
    ck_assert_int_eq(find_item(&found, p, AIROI_ITEM_KIND_COST, "Saving"), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Saving"), AIROI_OK);
    ck_assert_ptr_eq(v, airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_VALUE, 0));
    ck_assert_ptr_null(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 2));
    ck_assert_ptr_null(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_VALUE, 1));
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_COST, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_COST, 5), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(find_item(&found, p, AIROI_ITEM_KIND_COST, "Team"), AIROI_ERR_NOT_FOUND);
    /* the name is free again */
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Team", AIROI_DIMENSION_RISK), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 0), AIROI_OK);
    ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Team"), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 1), AIROI_ERR_NOT_FOUND);
    airoi_project_free(p);
}
END_TEST

START_TEST(items_many_names)
{
    airoi_project *p = new_project();
    char name[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof name, "item %d", i);
        ck_assert_int_eq(airoi_project_add_cost(NULL, p, name, AIROI_CATEGORY_PEOPLE + i % 9), AIROI_OK);
    }
    airoi_item *c;
    ck_assert_int_eq(find_item(&c, p, AIROI_ITEM_KIND_COST, "item 4321"), AIROI_OK);
    ck_assert_str_eq(airoi_item_get_string(c, AIROI_ITEM_NAME), "item 4321");
    ck_assert_int_eq(airoi_project_add_cost(NULL, p, "item 17", AIROI_CATEGORY_PEOPLE), AIROI_ERR_INVALID);
    airoi_project_free(p);
}
END_TEST

START_TEST(items_rename)
{
    airoi_project *p = new_project();
    airoi_item *c, *found;
    airoi_item *v;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "A", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "B", AIROI_DIMENSION_EFFICIENCY), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_NAME, "B"), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_NAME, "C"), AIROI_OK);
    ck_assert_int_eq(find_item(&found, p, AIROI_ITEM_KIND_COST, "C"), AIROI_OK);
    ck_assert_int_eq(find_item(&found, p, AIROI_ITEM_KIND_COST, "A"), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_item_set_string(v, AIROI_ITEM_NAME, "A"), AIROI_OK);
    ck_assert_str_eq(airoi_item_get_string(v, AIROI_ITEM_NAME), "A");
    ck_assert_int_eq(airoi_item_set_string(v, AIROI_ITEM_NAME, NULL), AIROI_ERR_INVALID);
    airoi_project_free(p);
}
END_TEST

START_TEST(cost_item_parameters)
{
    airoi_project *p = new_project();
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 5), AIROI_OK);
    airoi_item *c;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "API", AIROI_CATEGORY_SOFTWARE), AIROI_OK);
    double v;
    /* defaults */
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_PER), AIROI_OK);
    ck_assert_double_eq(v, AIROI_PER_PERIOD);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_FROM), AIROI_OK);
    ck_assert_double_eq(v, 1);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_TO), AIROI_OK);
    ck_assert_double_eq(v, 5); /* the horizon, while unset */
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_TO), 0);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_AT), AIROI_OK);
    ck_assert_double_eq(v, 0);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_CATEGORY), AIROI_OK);
    ck_assert_double_eq(v, AIROI_CATEGORY_SOFTWARE);
    ck_assert_ptr_null(airoi_item_get_string(c, AIROI_ITEM_CURRENCY));
    /* quantity x unit amount, and which form was used */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_QUANTITY, 1000000), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_UNIT_AMOUNT, 0.002), AIROI_OK);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_AMOUNT), AIROI_OK);
    ck_assert_double_eq_tol(v, 2000, 1e-9);
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_AMOUNT), 0);
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_QUANTITY), 1);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 7), AIROI_OK);
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_QUANTITY), 0);
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_AMOUNT), 1);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_AMOUNT), AIROI_OK);
    ck_assert_double_eq(v, 7);
    /* negative amounts are refunds */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, -7), AIROI_OK);
    /* set checks */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, (double)NAN), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, -1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_TO, 1.5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, 5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_GROWTH, -1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_RISK_ADJUSTMENT, 1.5),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_CATEGORY, 12), AIROI_ERR_INVALID);
    /* value-only parameters are refused */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_REALIZATION, 0.5),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_DIMENSION, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_ADOPTION_CURVE, 1),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_MONETIZED), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_NAME, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_AMOUNT, "1"), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_REALIZATION), 0);
    /* accepted ones */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_CATEGORY, AIROI_CATEGORY_DATA),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_TO, 4), AIROI_OK);
    ck_assert_int_eq(airoi_item_get_number(&v, c, AIROI_ITEM_TO), AIROI_OK);
    ck_assert_double_eq(v, 4);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_CURRENCY, "USD"), AIROI_OK);
    ck_assert_str_eq(airoi_item_get_string(c, AIROI_ITEM_CURRENCY), "USD");
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_CURRENCY, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_CURRENCY), 0);
    ck_assert_int_eq(airoi_item_set_number(NULL, AIROI_ITEM_AMOUNT, 1), AIROI_ERR_INVALID);
    ck_assert_ptr_null(airoi_item_get_string(NULL, AIROI_ITEM_NAME));
    airoi_project_free(p);
}
END_TEST

START_TEST(value_item_parameters)
{
    airoi_project *p = new_project();
    airoi_item *v;
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Saving", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    double x;
    ck_assert_int_eq(airoi_item_get_number(&x, v, AIROI_ITEM_REALIZATION), AIROI_OK);
    ck_assert_double_eq(x, 1);
    ck_assert_int_eq(airoi_item_get_number(&x, v, AIROI_ITEM_ADOPTION_CEILING), AIROI_OK);
    ck_assert_double_eq(x, 1);
    ck_assert_int_eq(airoi_item_get_number(&x, v, AIROI_ITEM_ADOPTION_CURVE), AIROI_OK);
    ck_assert_double_eq(x, AIROI_CURVE_NONE);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ATTRIBUTION, 1.01),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_START, -0.1),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_MONETIZED, 2), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE, 4),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_PERIODS, -1),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_CATEGORY, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_DIMENSION, AIROI_DIMENSION_RISK),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE,
                                                 AIROI_CURVE_S_CURVE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_is_set(v, AIROI_ITEM_ADOPTION_CURVE), 1);
    ck_assert_int_eq(airoi_item_is_set(v, AIROI_ITEM_ADOPTION_START), 0);
    ck_assert_int_eq(airoi_item_is_set(v, AIROI_ITEM_CATEGORY), 0);
    /* explicit list */
    double list[] = {1, 2, 3}, buf[3];
    size_t n = 99;
    ck_assert_int_eq(airoi_item_get_amounts(NULL, 0, &n, v), AIROI_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 5), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(v, list, 3), AIROI_OK);
    ck_assert_int_eq(airoi_item_is_set(v, AIROI_ITEM_AMOUNT), 0);
    ck_assert_int_eq(airoi_item_get_amounts(buf, 2, &n, v), AIROI_ERR_BUFFER);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(airoi_item_get_amounts(buf, 3, &n, v), AIROI_OK);
    ck_assert_double_eq(buf[2], 3);
    list[1] = HUGE_VAL;
    ck_assert_int_eq(airoi_item_set_amounts(v, list, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_set_amounts(v, NULL, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_item_get_amounts(buf, 3, &n, v), AIROI_OK);
    ck_assert_double_eq(buf[1], 2); /* unchanged */
    /* setting an amount drops the list */
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 5), AIROI_OK);
    ck_assert_int_eq(airoi_item_get_amounts(buf, 3, &n, v), AIROI_OK);
    ck_assert_uint_eq(n, 0);
    airoi_item *c;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Run", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(c, list, 1), AIROI_OK);
    ck_assert_int_eq(airoi_item_get_amounts(buf, 3, &n, c), AIROI_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(airoi_item_set_amounts(c, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_item_get_amounts(buf, 3, &n, c), AIROI_OK);
    ck_assert_uint_eq(n, 0);
    airoi_project_free(p);
}
END_TEST

/* ---- scenarios ----------------------------------------------------------------------- */

START_TEST(scenarios)
{
    airoi_project *p = new_project();
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "best", 0.2), AIROI_OK);
    ck_assert_str_eq(airoi_scenario_get_name(s), "best");
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "best", 0.2), AIROI_ERR_INVALID);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "bad", 1.5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "bad", (double)NAN), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "worst", 0.8), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_scenarios(p), 2);
    size_t at = 99;
    ck_assert_int_eq(airoi_project_find_scenario(&at, p, "worst"), AIROI_OK);
    ck_assert_uint_eq(at, 1);
    ck_assert_ptr_eq(airoi_project_get_scenario_mutable(p, 1), s);
    ck_assert_ptr_eq(airoi_project_get_scenario(p, 1), s);
    ck_assert_ptr_null(airoi_project_get_scenario(p, 2));
    ck_assert_ptr_null(airoi_project_get_scenario_mutable(p, 2));
    ck_assert_int_eq(airoi_project_find_scenario(NULL, p, "none"), AIROI_ERR_NOT_FOUND);

    double v;
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, 2), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, 1.5), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, -1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_DELAY, 1e6), AIROI_ERR_LIMIT);
    ck_assert_int_eq(airoi_scenario_get_number(&v, s, AIROI_SCENARIO_DELAY), AIROI_OK);
    ck_assert_double_eq(v, 2);
    ck_assert_int_eq(airoi_scenario_set_number(s, AIROI_SCENARIO_ADOPTION_CEILING, 1.2),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_scenario_set_number(s, 9, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_scenario_is_set(s, AIROI_SCENARIO_PROBABILITY), 1);
    ck_assert_int_eq(airoi_scenario_is_set(s, AIROI_SCENARIO_DELAY), 1);

    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "costs", 1.1), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 0.6), AIROI_OK); /* replaces */
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "costs", -1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "", 1), AIROI_ERR_INVALID);
    ck_assert_uint_eq(airoi_scenario_count_multipliers(s), 2);
    const char *t;
    double f;
    ck_assert_int_eq(airoi_scenario_get_multiplier(&t, &f, s, 0), AIROI_OK);
    ck_assert_str_eq(t, "values");
    ck_assert_double_eq(f, 0.6);
    ck_assert_int_eq(airoi_scenario_get_multiplier(&t, &f, s, 2), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_scenario_remove_multiplier(s, 0), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_get_multiplier(&t, NULL, s, 0), AIROI_OK);
    ck_assert_str_eq(t, "costs");
    ck_assert_int_eq(airoi_project_remove_scenario(p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_scenario(p, 1), AIROI_ERR_NOT_FOUND);
    ck_assert_ptr_eq(airoi_project_get_scenario(p, 0), s);
    airoi_project_free(p);
}
END_TEST

/* ---- clone --------------------------------------------------------------------------------- */

START_TEST(clone_is_independent)
{
    airoi_project *p = new_project();
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_fx(p, "USD", 32), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3), AIROI_OK);
    airoi_item *c;
    airoi_item *v;
    airoi_scenario *s;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Team", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 10), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_CURRENCY, "USD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Saving", AIROI_DIMENSION_EFFICIENCY), AIROI_OK);
    double list[] = {1, 2};
    ck_assert_int_eq(airoi_item_set_amounts(v, list, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "base", 1), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "Team", 2), AIROI_OK);

    airoi_project *q = NULL;
    ck_assert_int_eq(airoi_project_clone(&q, p), AIROI_OK);
    /* change the original in every part */
    ck_assert_int_eq(airoi_project_set_fx(p, "USD", 30), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 99), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_NAME, "Crew"), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "Crew", 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 5), AIROI_OK);

    double x;
    ck_assert_int_eq(airoi_project_get_fx(&x, q, "USD"), AIROI_OK);
    ck_assert_double_eq(x, 32);
    airoi_item *qc;
    ck_assert_int_eq(find_item(&qc, q, AIROI_ITEM_KIND_COST, "Team"), AIROI_OK);
    ck_assert_ptr_ne(qc, c);
    ck_assert_int_eq(airoi_item_get_number(&x, qc, AIROI_ITEM_AMOUNT), AIROI_OK);
    ck_assert_double_eq(x, 10);
    ck_assert_str_eq(airoi_item_get_string(qc, AIROI_ITEM_CURRENCY), "USD");
    ck_assert_int_eq(airoi_item_get_number(&x, qc, AIROI_ITEM_TO), AIROI_OK);
    ck_assert_double_eq(x, 3); /* the clone's own horizon */
    ck_assert_uint_eq(airoi_scenario_count_multipliers(airoi_project_get_scenario(q, 0)), 1);
    airoi_item *qv;
    ck_assert_int_eq(find_item(&qv, q, AIROI_ITEM_KIND_VALUE, "Saving"), AIROI_OK);
    size_t n;
    double buf[2];
    ck_assert_int_eq(airoi_item_get_amounts(buf, 2, &n, qv), AIROI_OK);
    ck_assert_uint_eq(n, 2);
    airoi_project_free(p);
    /* the clone lives on and evaluates */
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, q, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&x, r, AIROI_METRIC_TOTAL_COSTS), AIROI_OK);
    ck_assert_double_eq_tol(x, 3 * 10 * 32, 1e-9);
    airoi_result_free(r);
    airoi_project_free(q);
    ck_assert_int_eq(airoi_project_clone(&q, NULL), AIROI_ERR_INVALID);
    ck_assert_ptr_null(q);
}
END_TEST

/* ---- benchmarks ---------------------------------------------------------------------------- */

START_TEST(benchmark_table)
{
    ck_assert_uint_eq(airoi_benchmark_count(), 8);
    static const char *const keys[] = {
        "process_automation", "predictive_maintenance", "churn_prediction", "recommendation",
        "customer_service", "quality_inspection", "demand_forecasting", "fraud_aml"};
    for (size_t i = 0; i < 8; i++) {
        ck_assert_str_eq(airoi_benchmark_get_key(i), keys[i]);
        ck_assert_ptr_nonnull(airoi_benchmark_get_label(i));
        size_t idx = 99;
        ck_assert_int_eq(airoi_benchmark_find(&idx, keys[i]), AIROI_OK);
        ck_assert_uint_eq(idx, i);
    }
    ck_assert_ptr_null(airoi_benchmark_get_key(8));
    size_t idx;
    ck_assert_int_eq(airoi_benchmark_find(&idx, "aml"), AIROI_OK);
    ck_assert_uint_eq(idx, 7);
    ck_assert_int_eq(airoi_benchmark_find(&idx, "predictive maintenance"), AIROI_OK);
    ck_assert_uint_eq(idx, 1);
    ck_assert_int_eq(airoi_benchmark_find(&idx, "tarot"), AIROI_ERR_NOT_FOUND);
    double lo, hi;
    ck_assert_int_eq(airoi_benchmark_get_range(&lo, &hi, 7, AIROI_BENCHMARK_INVESTMENT), AIROI_OK);
    ck_assert_double_eq(lo, 500);
    ck_assert_double_eq(hi, 3000);
    ck_assert_int_eq(airoi_benchmark_get_range(&lo, &hi, 3, AIROI_BENCHMARK_ROI), AIROI_OK);
    ck_assert_double_eq(lo, 1.0);
    ck_assert_double_eq(hi, 4.0);
    ck_assert_int_eq(airoi_benchmark_get_range(&lo, &hi, 6, AIROI_BENCHMARK_PAYBACK), AIROI_OK);
    ck_assert_double_eq(lo, 12);
    ck_assert_double_eq(hi, 20);
    ck_assert_int_eq(airoi_benchmark_get_range(&lo, &hi, 8, AIROI_BENCHMARK_ROI),
                     AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_benchmark_get_range(&lo, &hi, 0, (airoi_benchmark_field)3),
                     AIROI_ERR_INVALID);
    airoi_dimension dims[2];
    size_t n;
    ck_assert_int_eq(airoi_benchmark_get_dimensions(dims, 2, &n, 1), AIROI_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(dims[0], AIROI_DIMENSION_RISK);
    ck_assert_int_eq(dims[1], AIROI_DIMENSION_EFFICIENCY);
    /* a size query succeeds; a buffer too small does not */
    n = 0;
    ck_assert_int_eq(airoi_benchmark_get_dimensions(NULL, 0, &n, 4), AIROI_OK);
    ck_assert_uint_eq(n, 2);
    n = 0;
    ck_assert_int_eq(airoi_benchmark_get_dimensions(dims, 1, &n, 4), AIROI_ERR_BUFFER);
    ck_assert_uint_eq(n, 2);
}
END_TEST

/* Regression: quantity 1e200 and unit_amount 1e200 were both accepted and
 * the amount getter returned inf. The setter that makes the product
 * non-finite is refused, with a message, and changes nothing. */
START_TEST(item_amount_product_never_overflows)
{
    airoi_project *p = NULL;
    airoi_item *c = NULL;
    airoi_item *v = NULL;
    double x = -1;
    ck_assert_int_eq(airoi_project_new(&p, "p"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "API", AIROI_CATEGORY_SOFTWARE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_QUANTITY, 1e200), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_UNIT_AMOUNT, 1e200),
                     AIROI_ERR_RANGE);
    ck_assert(strstr(airoi_last_error_message(), "overflows") != NULL);
    ck_assert(strstr(airoi_last_error_message(), "API") != NULL);
    ck_assert_int_eq(airoi_item_get_number(&x, c, AIROI_ITEM_AMOUNT), AIROI_OK);
    ck_assert_double_eq(x, 0.0); /* the amount of quantity alone, as before the refusal */
    ck_assert_int_eq(airoi_item_is_set(c, AIROI_ITEM_UNIT_AMOUNT), 0);
    /* a finite product is still accepted, and then quantity cannot grow past it */
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_UNIT_AMOUNT, 1e100), AIROI_OK);
    ck_assert_int_eq(airoi_item_get_number(&x, c, AIROI_ITEM_AMOUNT), AIROI_OK);
    ck_assert_double_eq_tol(x, 1e300, 1e286);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_QUANTITY, -1e300),
                     AIROI_ERR_RANGE);
    ck_assert_uint_gt(strlen(airoi_last_error_message()), 0);
    ck_assert_int_eq(airoi_item_get_number(&x, c, AIROI_ITEM_QUANTITY), AIROI_OK);
    ck_assert_double_eq_tol(x, 1e200, 1e186);
    /* value items share the rule, in either order */
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Calls", AIROI_DIMENSION_REVENUE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_UNIT_AMOUNT, 1e200), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_QUANTITY, 1e200),
                     AIROI_ERR_RANGE);
    ck_assert_int_eq(airoi_item_get_number(&x, v, AIROI_ITEM_AMOUNT), AIROI_OK);
    ck_assert_double_eq(x, 0.0);
    ck_assert_int_eq(airoi_item_is_set(v, AIROI_ITEM_QUANTITY), 0);
    airoi_project_free(p);
}
END_TEST

/* Regression: failure paths inside the library freed with public functions
 * whose entry cleared the thread's error message. */
START_TEST(failures_leave_a_message)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, ""), AIROI_ERR_INVALID);
    ck_assert_uint_gt(strlen(airoi_last_error_message()), 0);
    ck_assert_int_eq(airoi_project_new(&p, "p"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 1e9), AIROI_ERR_LIMIT);
    ck_assert_uint_gt(strlen(airoi_last_error_message()), 0);
    airoi_project_free(p);
}
END_TEST

static Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("enums");
    tcase_add_test(tc, enum_values_are_pinned);
    tcase_add_test(tc, enum_names_round_trip);
    tcase_add_test(tc, enum_spellings_match_spec);
    suite_add_tcase(s, tc);
    tc = tcase_create("project");
    tcase_add_test(tc, project_defaults);
    tcase_add_test(tc, project_new_refuses_bad_names);
    tcase_add_test(tc, project_rates_default_to_discount);
    tcase_add_test(tc, project_set_checks);
    tcase_add_test(tc, project_strings);
    tcase_add_test(tc, project_fx_table);
    tcase_add_test(tc, clone_is_independent);
    suite_add_tcase(s, tc);
    tc = tcase_create("items");
    tcase_add_test(tc, items_add_find_remove);
    tcase_add_test(tc, items_many_names);
    tcase_add_test(tc, items_rename);
    tcase_add_test(tc, cost_item_parameters);
    tcase_add_test(tc, value_item_parameters);
    tcase_add_test(tc, scenarios);
    tcase_add_test(tc, benchmark_table);
    tcase_add_test(tc, item_amount_product_never_overflows);
    tcase_add_test(tc, failures_leave_a_message);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(model_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
