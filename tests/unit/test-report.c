/*
 * tests/unit/test-report.c: airoi_report_write() in every format, on
 * projects built through the public API. Allocation failures while
 * writing reports are tested in test-model-oom.c.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

/* Worked example 3 (yearly, horizon 3, discount 8%). */
static airoi_project *example3(const char *name)
{
    static const double costs[] = {350, 180, 150, 150};
    static const double eff[] = {0, 200, 280, 320};
    static const double rev[] = {0, 60, 150, 220};
    static const double risk[] = {0, 40, 60, 80};
    airoi_project *p = NULL;
    airoi_item *c = NULL;
    airoi_item *v = NULL;
    ck_assert_int_eq(airoi_project_new(&p, name), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.08), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Costs", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, 0), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(c, costs, 4), AIROI_OK);
    const double *lists[] = {eff, rev, risk};
    const char *names[] = {"Efficiency", "Revenue", "Risk"};
    for (int d = 0; d < 3; d++) {
        ck_assert_int_eq(airoi_project_add_value(&v, p, names[d], AIROI_DIMENSION_EFFICIENCY + d), AIROI_OK);
        ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_FROM, 0), AIROI_OK);
        ck_assert_int_eq(airoi_item_set_amounts(v, lists[d], 4), AIROI_OK);
    }
    return p;
}

static char *report(const airoi_project *p, const char *scenario, int format, unsigned flags)
{
    airoi_result *r = NULL;
    char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, scenario, 0), AIROI_OK);
    ck_assert_int_eq(airoi_report_write(&out, &len, r, format, flags), AIROI_OK);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(strlen(out), len);
    airoi_result_free(r);
    return out;
}

/* The number after the first `"key": ` in a JSON text; NAN for null. */
static double json_number(const char *doc, const char *key)
{
    char pat[128];
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    const char *at = strstr(doc, pat);
    ck_assert_msg(at != NULL, "key %s missing", key);
    at += strlen(pat);
    if (strncmp(at, "null", 4) == 0)
        return (double)NAN;
    char *end;
    double v = strtod(at, &end);
    ck_assert_msg(end != at, "key %s is not a number", key);
    return v;
}

START_TEST(json_example3_metrics)
{
    airoi_project *p = example3("Three-year case");
    char *doc = report(p, NULL, AIROI_REPORT_JSON, 0);
    ck_assert_ptr_nonnull(strstr(doc, "\"airoi_version\": \"" AIROI_VERSION_STRING "\""));
    ck_assert_double_eq_tol(json_number(doc, "npv"), 425.71, 0.005);
    ck_assert_double_eq_tol(json_number(doc, "irr"), 0.5399, 0.00005);
    ck_assert_double_eq_tol(json_number(doc, "roi_horizon"), 0.699, 0.0005);
    ck_assert_double_eq_tol(json_number(doc, "npv_roi"), 0.557, 0.0005);
    ck_assert_double_eq_tol(json_number(doc, "payback_periods"), 1.676, 0.0005);
    ck_assert_double_eq_tol(json_number(doc, "discounted_payback_periods"), 1.820, 0.0005);
    ck_assert_double_eq_tol(json_number(doc, "pv_costs"), 764.34, 0.005);
    ck_assert_double_eq_tol(json_number(doc, "hidden_share"), 0, 1e-12);
    ck_assert_double_eq_tol(json_number(doc, "people"), 830, 1e-9);
    /* the implicit base scenario */
    ck_assert_ptr_nonnull(strstr(doc, "\"name\": \"base\""));
    ck_assert_ptr_nonnull(strstr(doc, "\"implicit\": true"));
    /* schedule rows */
    ck_assert_ptr_nonnull(strstr(doc, "\"period\": 3"));
    ck_assert_ptr_null(strstr(doc, "\"period\": 4"));
    ck_assert_double_eq_tol(json_number(strstr(doc, "\"period\": 2"), "cumulative"), 110, 1e-9);
    ck_assert_ptr_null(strstr(doc, ": nan"));
    ck_assert_ptr_null(strstr(doc, ": -nan"));
    ck_assert_ptr_null(strstr(doc, ": inf"));
    ck_assert_ptr_null(strstr(doc, ": -inf"));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(json_numbers_round_trip)
{
    airoi_project *p = example3("x");
    airoi_result *r = NULL;
    double npv;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&npv, r, AIROI_METRIC_NPV), AIROI_OK);
    char *doc = NULL;
    ck_assert_int_eq(airoi_report_write(&doc, NULL, r, AIROI_REPORT_JSON, 0), AIROI_OK);
    ck_assert(json_number(doc, "npv") == npv); /* exact: shortest round-trip text */
    airoi_free(doc);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(json_null_and_text_never)
{
    airoi_project *p = NULL;
    airoi_item *c = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Money pit"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    char *doc = report(p, NULL, AIROI_REPORT_JSON, 0);
    ck_assert(isnan(json_number(doc, "irr")));
    ck_assert(isnan(json_number(doc, "payback_periods")));
    ck_assert(isnan(json_number(doc, "discounted_payback_periods")));
    ck_assert_ptr_nonnull(strstr(doc, "\"currency\": null"));
    airoi_free(doc);
    doc = report(p, NULL, AIROI_REPORT_TEXT, 0);
    ck_assert_ptr_nonnull(strstr(doc, "never"));
    ck_assert_ptr_nonnull(strstr(doc, "n/a"));
    ck_assert_ptr_nonnull(strstr(doc, "MAINTENANCE_MISSING"));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(json_escapes_strings)
{
    airoi_project *p = example3("Q\"uo\\te\n\t\x01 caf\xc3\xa9 \xff!");
    char *doc = report(p, NULL, AIROI_REPORT_JSON, 0);
    ck_assert_ptr_nonnull(
        strstr(doc, "\"name\": \"Q\\\"uo\\\\te\\n\\t\\u0001 caf\xc3\xa9 \\ufffd!\""));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(text_is_readable)
{
    airoi_project *p = example3("Three-year case");
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, 10000), AIROI_OK);
    char *doc = report(p, NULL, AIROI_REPORT_TEXT, 0);
    ck_assert_ptr_nonnull(strstr(doc, "425.71 x 10,000 TWD")); /* money with its unit */
    ck_assert_ptr_null(strstr(doc, "TWD 425.71"));
    ck_assert_ptr_nonnull(strstr(doc, "54.0%"));               /* IRR 53.99% */
    ck_assert_ptr_nonnull(strstr(doc, "55.7%"));               /* NPV-ROI */
    ck_assert_ptr_nonnull(strstr(doc, "1.68 years"));          /* payback */
    ck_assert_ptr_nonnull(strstr(doc, "in 10,000 TWD (every amount below)"));
    ck_assert_ptr_nonnull(strstr(doc, "TOTAL COST OF OWNERSHIP (10,000 TWD,"));
    ck_assert_ptr_nonnull(strstr(doc, "SCENARIOS (10,000 TWD;")); /* the NPV column */
    ck_assert_ptr_nonnull(strstr(doc, "CASH-FLOW SCHEDULE"));
    ck_assert_ptr_nonnull(strstr(doc, "-350.00"));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

/* The unit is named wherever an amount is: in words for a thousand and a
 * million, as a number for any other unit, in text and Markdown alike. */
START_TEST(unit_labels)
{
    static const struct {
        double unit;
        const char *money, *in;
    } cases[] = {
        {1, "NPV TWD 425.71,", NULL},
        {1000, "NPV TWD 425.71 thousand,", "TWD thousand"},
        {1e6, "NPV TWD 425.71 million,", "TWD million"},
        {10000, "NPV 425.71 x 10,000 TWD,", "10,000 TWD"},
    };
    static const int formats[] = {AIROI_REPORT_TEXT, AIROI_REPORT_MARKDOWN};
    char in[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        airoi_project *p = example3("Units");
        ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, cases[i].unit),
                         AIROI_OK);
        for (size_t f = 0; f < 2; f++) {
            char *doc = report(p, NULL, formats[f], 0);
            ck_assert_msg(strstr(doc, cases[i].money) != NULL, "unit %g: no '%s' in\n%s",
                          cases[i].unit, cases[i].money, doc);
            if (cases[i].in) {
                snprintf(in, sizeof in, "in %s (every amount below)", cases[i].in);
                ck_assert_msg(strstr(doc, in) != NULL, "unit %g: no '%s'", cases[i].unit, in);
            } else {
                ck_assert_ptr_null(strstr(doc, "thousand"));
                ck_assert_ptr_null(strstr(doc, "million"));
            }
            airoi_free(doc);
        }
        airoi_project_free(p);
    }
}
END_TEST

/* A finding's figures read as the tables show them: a count of value
 * dimensions is a count, not a share ("0", not "0.0%"). */
START_TEST(finding_counts_are_counts)
{
    static const double costs[] = {350, 180};
    airoi_project *p = NULL;
    airoi_item *c = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "No value"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Costs", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, 0), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(c, costs, 2), AIROI_OK);
    char *doc = report(p, NULL, AIROI_REPORT_TEXT, AIROI_REPORT_AUDIT);
    const char *at = strstr(doc, "NO_VALUE");
    ck_assert_ptr_nonnull(at);
    ck_assert_msg(strstr(at, "[project 0, reference 1]") != NULL, "%s", doc);
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(text_groups_thousands)
{
    airoi_project *p = NULL;
    airoi_item *c = NULL;
    airoi_item *v = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Big"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "USD"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 1234567.891), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Saved", AIROI_DIMENSION_EFFICIENCY), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 2000000), AIROI_OK);
    char *doc = report(p, NULL, AIROI_REPORT_TEXT, 0);
    /* amounts of 100,000 and more are shown without cents */
    ck_assert_ptr_nonnull(strstr(doc, "USD 765,432"));       /* NPV at rate 0 */
    ck_assert_ptr_nonnull(strstr(doc, "2,000,000"));
    ck_assert_ptr_nonnull(strstr(doc, "-1,234,568"));
    ck_assert_ptr_null(strstr(doc, "1234567"));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(csv_schedule)
{
    airoi_project *p = example3("csv, \"quoted\"");
    char *doc = report(p, NULL, AIROI_REPORT_CSV, 0);
    ck_assert_int_eq(strncmp(doc, "period,costs,benefits,net,cumulative,discounted,", 48), 0);
    size_t lines = 0;
    for (const char *c = doc; (c = strstr(c, "\r\n")) != NULL; c += 2)
        lines++;
    ck_assert_uint_eq(lines, 5); /* header + periods 0..3 */
    ck_assert_ptr_nonnull(strstr(doc, "\r\n1,180,300,120,-230,"));
    /* 15 significant digits, as spreadsheets hold numbers: 1/1.08 without
     * the binary tail of its shortest round-trip text 0.9259259259259258 */
    ck_assert_ptr_nonnull(strstr(doc, ",0.925925925925926,"));
    ck_assert_ptr_null(strstr(doc, "0.9259259259259258"));
    airoi_free(doc);
    /* audit sections: the findings table, quoted where needed */
    doc = report(p, NULL, AIROI_REPORT_CSV, AIROI_REPORT_AUDIT);
    ck_assert_int_eq(strncmp(doc, "code,severity,subject,message,actual,reference\r\n", 48), 0);
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(markdown_tables)
{
    airoi_project *p = example3("Pipes | and *stars*");
    char *doc = report(p, NULL, AIROI_REPORT_MARKDOWN, 0);
    ck_assert_int_eq(strncmp(doc, "# Pipes \\| and \\*stars\\*\n", 25), 0);
    ck_assert_ptr_nonnull(strstr(doc, "## Key metrics"));
    ck_assert_ptr_nonnull(strstr(doc, "| Metric | Value | Meaning |"));
    ck_assert_ptr_nonnull(strstr(doc, "| --- | ---: | --- |"));
    ck_assert_ptr_nonnull(strstr(doc, "## Cash-flow schedule"));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

/* example3 with control characters in the project, item and scenario names. */
static airoi_project *example3_named(const char *name, const char *item, const char *scenario)
{
    airoi_project *p = example3(name);
    airoi_item *c = NULL;
    airoi_scenario *sc = NULL;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, item, AIROI_CATEGORY_SOFTWARE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 10), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&sc, p, scenario, 1), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(sc, "values", 0.9), AIROI_OK);
    return p;
}

/* Regression: a newline (or other control character) in a name ended a
 * Markdown heading or split a text table; it now reads as a space, so the
 * report equals the one of the same names with spaces. JSON keeps them. */
START_TEST(control_characters_in_names)
{
    airoi_project *bad = example3_named("a|b\nc # *x*\r\x01\xc2\x85\xe2\x80\xa8z",
                                        "Model\nAPI\t", "best\ncase");
    airoi_project *good = example3_named("a|b c # *x*    z", "Model API ", "best case");
    static const int formats[] = {AIROI_REPORT_TEXT, AIROI_REPORT_MARKDOWN};
    static const char *const scen[] = {NULL, "best\ncase"};
    for (size_t f = 0; f < 2; f++) {
        for (size_t k = 0; k < 2; k++) {
            char *doc = report(bad, scen[k], formats[f], AIROI_REPORT_ALL);
            char *want = report(good, k ? "best case" : NULL, formats[f],
                                AIROI_REPORT_ALL);
            for (const unsigned char *c = (const unsigned char *)doc; *c; c++)
                ck_assert_msg(*c >= 0x20 || *c == '\n', "control byte 0x%02x in the output",
                              *c);
            ck_assert_ptr_null(strstr(doc, "\xc2\x85"));
            ck_assert_ptr_null(strstr(doc, "\xe2\x80\xa8"));
            ck_assert_str_eq(doc, want);
            airoi_free(doc);
            airoi_free(want);
        }
    }
    char *doc = report(bad, NULL, AIROI_REPORT_MARKDOWN, 0);
    static const char heading[] = "# a\\|b c \\# \\*x\\*    z\n\n";
    ck_assert_int_eq(strncmp(doc, heading, strlen(heading)), 0);
    airoi_free(doc);
    doc = report(bad, NULL, AIROI_REPORT_JSON, AIROI_REPORT_ALL);
    ck_assert_ptr_nonnull(strstr(doc, "\"a|b\\nc # *x*\\r\\u0001\xc2\x85\xe2\x80\xa8z\""));
    ck_assert_ptr_nonnull(strstr(doc, "\"best\\ncase\""));
    airoi_free(doc);
    airoi_project_free(bad);
    airoi_project_free(good);
}
END_TEST

/* An honest-estimate result keeps its plan, and a report shows both side
 * by side with the change: example 3's costs are all people (+25%), so
 * the TCO goes from 830 to 1,037.5 (+207.5, +25%). */
START_TEST(honest_side_by_side)
{
    airoi_project *p = example3("Three-year case");
    airoi_result *plain = NULL, *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&plain, p, NULL, 0), AIROI_OK);
    ck_assert_ptr_null(airoi_result_get_plan(plain));
    ck_assert_ptr_null(airoi_result_get_plan(NULL));
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, AIROI_EVAL_HONEST_ESTIMATE), AIROI_OK);
    const airoi_result *plan = airoi_result_get_plan(r);
    ck_assert_ptr_nonnull(plan);
    ck_assert_uint_eq(airoi_result_get_flags(plan), 0);
    double a = 0, b = 0;
    ck_assert_int_eq(airoi_result_get_metric(&a, plan, AIROI_METRIC_NPV), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&b, plain, AIROI_METRIC_NPV), AIROI_OK);
    ck_assert_double_eq(a, b);
    ck_assert_int_eq(airoi_result_get_metric(&a, r, AIROI_METRIC_TCO_TOTAL), AIROI_OK);
    ck_assert_double_eq_tol(a, 1037.5, 1e-9);
    airoi_result_free((airoi_result *)plan); /* ignored: it lives with r */

    char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(airoi_report_write(&out, &len, r, AIROI_REPORT_JSON, AIROI_REPORT_HONEST),
                     AIROI_OK);
    const char *at = strstr(out, "\"plan_vs_honest\": {");
    ck_assert_ptr_nonnull(at);
    ck_assert_double_eq_tol(json_number(at, "plan"), 425.71, 0.005); /* npv comes first */
    at = strstr(at, "\"tco_total\": {");
    ck_assert_ptr_nonnull(at);
    ck_assert_double_eq_tol(json_number(at, "plan"), 830, 1e-9);
    ck_assert_double_eq_tol(json_number(at, "honest"), 1037.5, 1e-9);
    ck_assert_double_eq_tol(json_number(at, "change"), 207.5, 1e-9);
    ck_assert_double_eq_tol(json_number(at, "relative_change"), 0.25, 1e-12);
    at = strstr(out, "\"tco_by_category\": {");
    ck_assert_ptr_nonnull(at);
    ck_assert_double_eq_tol(json_number(at, "change"), 207.5, 1e-9); /* people first */
    airoi_free(out);

    ck_assert_int_eq(airoi_report_write(&out, &len, r, AIROI_REPORT_TEXT, 0), AIROI_OK);
    ck_assert_ptr_nonnull(strstr(out, "PLAN AND HONEST ESTIMATE"));
    at = strstr(out, "  Total cost of ownership ");
    at = at ? strstr(at + 1, "  Total cost of ownership ") : NULL; /* the TCO table has one too */
    ck_assert_msg(at && strstr(at, "830.00") && strstr(at, "1,037.50") && strstr(at, "+207.50") &&
                      strstr(at, "+25.0%"),
                  "%s", out);
    ck_assert_ptr_nonnull(strstr(out, "Horizon ROI"));
    airoi_free(out);

    ck_assert_int_eq(airoi_report_write(&out, &len, r, AIROI_REPORT_MARKDOWN,
                                        AIROI_REPORT_HONEST),
                     AIROI_OK);
    ck_assert_ptr_nonnull(strstr(out, "## Plan and honest estimate"));
    ck_assert_ptr_nonnull(strstr(out, "| Figure | Plan | Honest estimate | Change | Change (%) |"));
    airoi_free(out);

    ck_assert_int_eq(airoi_report_write(&out, &len, r, AIROI_REPORT_CSV, AIROI_REPORT_AUDIT |
                                                                          AIROI_REPORT_HONEST),
                     AIROI_OK);
    ck_assert_msg(strncmp(out, "figure,plan,honest,change,relative_change\r\n", 43) == 0, "%s", out);
    ck_assert_ptr_nonnull(strstr(out, "\r\ntco_total,830,1037.5,207.5,0.25\r\n"));
    ck_assert_ptr_nonnull(strstr(out, "\r\ntco.people,830,1037.5,207.5,0.25\r\n"));
    airoi_free(out);

    /* a plain result has no plan to show: the section is left out */
    ck_assert_int_eq(airoi_report_write(&out, &len, plain, AIROI_REPORT_JSON, 0), AIROI_OK);
    ck_assert_ptr_null(strstr(out, "plan_vs_honest"));
    airoi_free(out);
    airoi_result_free(r);
    airoi_result_free(plain);
    airoi_project_free(p);
}
END_TEST

/* The year table of a quarterly model names the periods each year holds:
 * year 1 is quarters 0-4 (the start and the first year), year 2 quarters
 * 5-6, cut short by the horizon. */
START_TEST(year_table_names_its_periods)
{
    airoi_project *p = NULL;
    airoi_item *c = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Quarterly"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_QUARTER),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Run", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 10), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, 0), AIROI_OK);
    char *out = report(p, NULL, AIROI_REPORT_TEXT, AIROI_REPORT_SCHEDULE);
    ck_assert_msg(strstr(out, "CASH FLOW BY YEAR (year 1 holds quarter 0, the start, and the first "
                              "year)") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "  1     quarters 0-4                   50.00") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "  2     quarters 5-6 (part of a year)  20.00") != NULL, "%s", out);
    airoi_free(out);
    out = report(p, NULL, AIROI_REPORT_MARKDOWN, AIROI_REPORT_SCHEDULE);
    ck_assert_ptr_nonnull(strstr(out, "| 1 | quarters 0-4 | 50.00 |"));
    ck_assert_ptr_nonnull(strstr(out, "| 2 | quarters 5-6 (part of a year) | 20.00 |"));
    airoi_free(out);
    airoi_project_free(p);
}
END_TEST

START_TEST(sections_select_keys)
{
    airoi_project *p = example3("x");
    char *doc = report(p, NULL, AIROI_REPORT_JSON, AIROI_REPORT_AUDIT);
    ck_assert_ptr_nonnull(strstr(doc, "\"project\": {"));
    ck_assert_ptr_nonnull(strstr(doc, "\"tco\": {"));
    ck_assert_ptr_nonnull(strstr(doc, "\"findings\": ["));
    ck_assert_ptr_null(strstr(doc, "\"schedule\": ["));
    ck_assert_ptr_null(strstr(doc, "\"metrics\": {"));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(scenarios_listed)
{
    airoi_project *p = example3("x");
    airoi_scenario *s = NULL;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "best", 0.25), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 1.2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "worst", 0.75), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 0.5), AIROI_OK);
    char *doc = report(p, NULL, AIROI_REPORT_JSON, 0);
    ck_assert_ptr_nonnull(strstr(doc, "\"name\": \"best\""));
    ck_assert_double_eq_tol(json_number(strstr(doc, "\"name\": \"worst\""), "probability"), 0.75, 1e-15);
    ck_assert_ptr_null(strstr(doc, "\"implicit\": true"));
    airoi_free(doc);
    doc = report(p, "worst", AIROI_REPORT_JSON, 0);
    ck_assert_ptr_nonnull(strstr(doc, "\"scenario\": \"worst\""));
    ck_assert_ptr_null(strstr(doc, "\"name\": \"best\""));
    airoi_free(doc);
    doc = report(p, NULL, AIROI_REPORT_TEXT, 0);
    ck_assert_ptr_nonnull(strstr(doc, "Expected (risk-adjusted)"));
    airoi_free(doc);
    airoi_project_free(p);
}
END_TEST

START_TEST(rejects_bad_arguments)
{
    airoi_project *p = example3("x");
    airoi_result *r = NULL;
    char *out = (char *)1;
    size_t len = 7;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_report_write(NULL, &len, r, AIROI_REPORT_TEXT, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_report_write(&out, &len, NULL, AIROI_REPORT_TEXT, 0),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(airoi_report_write(&out, &len, r, AIROI_REPORT_HTML + 1, 0),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_report_write(&out, &len, r, -1, 0), AIROI_ERR_INVALID);
    /* a constant of another family is refused in words that name both */
    ck_assert_int_eq(airoi_report_write(&out, &len, r, (airoi_report_format)AIROI_METRIC_IRR, 0),
                     AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi_last_error_message(),
                     "airoi_report_write: format: AIROI_METRIC_IRR is an airoi_metric value; "
                     "expected an airoi_report_format");
    ck_assert_int_eq(airoi_report_write(&out, &len, r, AIROI_REPORT_TEXT, 1u << 7),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "flags"));
    ck_assert_ptr_null(out);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

START_TEST(format_names)
{
    airoi_report_format f = AIROI_REPORT_TEXT;
    ck_assert_int_eq(airoi_report_format_from_name(&f, "json"), AIROI_OK);
    ck_assert_int_eq(f, AIROI_REPORT_JSON);
    ck_assert_int_eq(airoi_report_format_from_name(&f, "markdown"), AIROI_OK);
    ck_assert_int_eq(f, AIROI_REPORT_MARKDOWN);
    ck_assert_int_eq(airoi_report_format_from_name(&f, "pdf"), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_report_format_from_name(NULL, "json"), AIROI_ERR_INVALID);
    for (int i = AIROI_REPORT_TEXT; i <= AIROI_REPORT_HTML; i++) {
        ck_assert_int_eq(airoi_report_format_from_name(&f, airoi_report_format_name(i)), AIROI_OK);
        ck_assert_int_eq(f, i);
    }
    ck_assert_ptr_null(airoi_report_format_name(AIROI_REPORT_HTML + 1));
    ck_assert_ptr_null(airoi_report_format_name(1));
}
END_TEST

/* Every format of the report of r, concatenated: one string to compare. */
static char *all_formats(const airoi_result *r)
{
    size_t total = 0;
    char *parts[4] = {NULL};
    for (int f = 0; f < 4; f++) {
        ck_assert_int_eq(airoi_report_write(&parts[f], NULL, r, AIROI_REPORT_TEXT + f, 0),
                         AIROI_OK);
        total += strlen(parts[f]);
    }
    char *all = malloc(total + 1);
    ck_assert_ptr_nonnull(all);
    all[0] = '\0';
    for (int f = 0; f < 4; f++) {
        strcat(all, parts[f]);
        airoi_free(parts[f]);
    }
    return all;
}

/* A result describes itself: its reports and settings stay those of the
 * evaluation after the project changes, and after the project is freed. */
START_TEST(result_keeps_its_settings)
{
    airoi_project *p = example3("Before");
    airoi_scenario *s = NULL;
    int32_t start = 0;
    ck_assert_int_eq(airoi_date_from_iso(&start, "2025-01-01"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_START, start), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_FINANCE_RATE, 0.06), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "churn_prediction"),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "best", 0.25), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "Revenue", 1.2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "worst", 0.75), AIROI_OK);
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "values", 0.5), AIROI_OK);
    airoi_result *base = NULL, *worst = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&base, p, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&worst, p, "worst", 0), AIROI_OK);
    const airoi_result *sub = airoi_result_get_scenario(base, 1);
    ck_assert_ptr_nonnull(sub);
    char *want_base = all_formats(base), *want_sub = all_formats(sub);
    char *want_worst = all_formats(worst);

    /* Every setting the report shows, changed; an item and a scenario gone. */
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_NAME, "After"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "EUR"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_FINANCE_RATE, 0.3), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_REINVEST_RATE, 0.2), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_UNIT, 1000), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_MONTH),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 36), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_START, start + 400), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_STAGE, AIROI_STAGE_POC),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_item(p, AIROI_ITEM_KIND_VALUE, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_scenario(p, 0), AIROI_OK);

    char *got = all_formats(base);
    ck_assert_str_eq(got, want_base);
    free(got);
    got = all_formats(sub);
    ck_assert_str_eq(got, want_sub);
    free(got);
    got = all_formats(worst);
    ck_assert_str_eq(got, want_worst);
    free(got);

    /* The settings, read back from the result (a sub-result has its parent's). */
    double v = 0;
    const airoi_result *rs[] = {base, sub, worst};
    for (size_t i = 0; i < 3; i++) {
        ck_assert_str_eq(airoi_result_get_string(rs[i], AIROI_PROJECT_NAME), "Before");
        ck_assert_str_eq(airoi_result_get_string(rs[i], AIROI_PROJECT_CURRENCY), "TWD");
        ck_assert_str_eq(airoi_result_get_string(rs[i], AIROI_PROJECT_USE_CASE),
                         "churn_prediction");
        ck_assert_int_eq(airoi_result_get_number(&v, rs[i], AIROI_PROJECT_DISCOUNT_RATE),
                         AIROI_OK);
        ck_assert(v == 0.08);
        ck_assert_int_eq(airoi_result_get_number(&v, rs[i], AIROI_PROJECT_FINANCE_RATE),
                         AIROI_OK);
        ck_assert(v == 0.06);
        ck_assert_int_eq(airoi_result_get_number(&v, rs[i], AIROI_PROJECT_REINVEST_RATE),
                         AIROI_OK);
        ck_assert(v == 0.08); /* unset: the discount rate */
        ck_assert_int_eq(airoi_result_get_number(&v, rs[i], AIROI_PROJECT_HORIZON), AIROI_OK);
        ck_assert(v == 3);
        ck_assert_int_eq(airoi_result_get_number(&v, rs[i], AIROI_PROJECT_PERIOD), AIROI_OK);
        ck_assert(v == AIROI_PERIOD_YEAR);
        ck_assert_int_eq(airoi_result_get_number(&v, rs[i], AIROI_PROJECT_START), AIROI_OK);
        ck_assert(v == start);
    }

    /* Freeing the project changes nothing either. */
    airoi_project_free(p);
    got = all_formats(base);
    ck_assert_str_eq(got, want_base);
    free(got);
    free(want_base);
    free(want_sub);
    free(want_worst);
    airoi_result_free(worst);
    airoi_result_free(base);
}
END_TEST

START_TEST(result_settings_arguments)
{
    airoi_project *p = example3("x");
    airoi_result *r = NULL;
    double v = 7;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_number(&v, r, AIROI_PROJECT_START), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_result_get_number(&v, r, AIROI_PROJECT_NAME), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_result_get_number(&v, r, 99), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_result_get_number(NULL, r, AIROI_PROJECT_UNIT), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_result_get_number(&v, NULL, AIROI_PROJECT_UNIT), AIROI_ERR_INVALID);
    ck_assert(v == 7);
    ck_assert_int_eq(airoi_result_get_number(&v, r, AIROI_PROJECT_UNIT), AIROI_OK);
    ck_assert(v == 1);
    ck_assert_int_eq(airoi_result_get_number(&v, r, AIROI_PROJECT_STAGE), AIROI_OK);
    ck_assert(v == AIROI_STAGE_PRODUCTION);
    ck_assert_ptr_null(airoi_result_get_string(r, AIROI_PROJECT_USE_CASE));
    ck_assert_ptr_null(airoi_result_get_string(r, AIROI_PROJECT_HORIZON));
    ck_assert_ptr_null(airoi_result_get_string(NULL, AIROI_PROJECT_NAME));
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("json");
    tcase_add_test(tc, json_example3_metrics);
    tcase_add_test(tc, json_numbers_round_trip);
    tcase_add_test(tc, json_null_and_text_never);
    tcase_add_test(tc, json_escapes_strings);
    tcase_add_test(tc, sections_select_keys);
    tcase_add_test(tc, honest_side_by_side);
    tcase_add_test(tc, year_table_names_its_periods);
    tcase_add_test(tc, scenarios_listed);
    suite_add_tcase(s, tc);
    tc = tcase_create("text");
    tcase_add_test(tc, text_is_readable);
    tcase_add_test(tc, text_groups_thousands);
    tcase_add_test(tc, csv_schedule);
    tcase_add_test(tc, unit_labels);
    tcase_add_test(tc, finding_counts_are_counts);
    tcase_add_test(tc, markdown_tables);
    tcase_add_test(tc, control_characters_in_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("api");
    tcase_add_test(tc, rejects_bad_arguments);
    tcase_add_test(tc, format_names);
    tcase_add_test(tc, result_keeps_its_settings);
    tcase_add_test(tc, result_settings_arguments);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(report_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
