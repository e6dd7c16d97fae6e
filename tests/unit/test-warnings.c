/*
 * tests/unit/test-warnings.c: plausibility warnings
 * (docs/model-format.md#plausibility-warnings). Each case is a model that
 * loads with exactly one warning, at a given node, with a given text; the
 * same project then gets the same warning from airoi_model_validate(), in
 * the words of the C API, and still evaluates. Also: a refund and a clean
 * model give none, a lowercase currency without a rate gets "did you mean",
 * libyaml's indentation errors get a hint, and the argument checks.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airoi/airoi.h"

#define HEAD "airoi: 1\nproject:\n  name: P\n  currency: TWD\n"
#define BUILD "costs:\n  - name: Build\n    category: people\n    amount: 350\n    per: once\n"
#define GAIN "values:\n  - name: Gain\n    dimension: efficiency\n    amount: 200\n    per: year\n"

typedef struct wcase {
    const char *yaml;
    const char *at;       /* the text the warning points at (its first occurrence) */
    const char *in_file;  /* the loader's message */
    const char *in_api;   /* airoi_model_validate()'s message */
} wcase;

static const wcase cases[] = {
    {HEAD "  horizon: 3\n  discount_rate: 10\n" BUILD GAIN, "10\n",
     "warning: project.discount_rate: 10 means 1000% a year; did you mean 0.10?",
     "warning: project 'P': discount_rate: 10 means 1000% a year; did you mean 0.10?"},
    {HEAD "  horizon: 3\n  finance_rate: 5\n" BUILD GAIN, "5\n",
     "warning: project.finance_rate: 5 means 500% a year; did you mean 0.05?",
     "warning: project 'P': finance_rate: 5 means 500% a year; did you mean 0.05?"},
    {HEAD "  horizon: 3\n  reinvest_rate: 2.5\n" BUILD GAIN, "2.5\n",
     "warning: project.reinvest_rate: 2.5 means 250% a year; did you mean 0.025?",
     "warning: project 'P': reinvest_rate: 2.5 means 250% a year; did you mean 0.025?"},
    {HEAD "  horizon: 3\n" BUILD GAIN "    growth: 4\n", "4\n",
     "warning: values[0].growth: 4 means 400% a year; did you mean 0.04?",
     "warning: value item 'Gain': growth: 4 means 400% a year; did you mean 0.04?"},
    {HEAD "  horizon: 60\n" BUILD GAIN, "60\n",
     "warning: project.horizon: 60 yearly periods are 60 years; if the periods are months, set "
     "period: month",
     "warning: project 'P': horizon: 60 yearly periods are 60 years"},
    {HEAD "  horizon: 3\nfx:\n  USD: 32\n  TWD: 1\n" BUILD GAIN, "TWD: 1",
     "warning: fx.TWD: TWD is the project's own currency: its rate is always 1, so this entry "
     "(rate 1) is ignored; remove it",
     "warning: project 'P': fx.TWD: TWD is the project's own currency"},
    {"airoi: 1\nproject:\n  name: P\n  currency: twd\n  horizon: 3\n" BUILD GAIN, "twd",
     "warning: project.currency: 'twd' is not an ISO 4217 currency code; did you mean TWD?",
     "warning: project 'P': currency: 'twd' is not an ISO 4217 currency code; did you mean "
     "TWD?"},
    {HEAD "  horizon: 3\nfx: {ABC: 2}\n" BUILD GAIN, "ABC",
     "warning: fx.ABC: 'ABC' is not an ISO 4217 currency code (three capital letters",
     "warning: project 'P': fx.ABC: 'ABC' is not an ISO 4217 currency code"},
    {HEAD "  horizon: 3\nfx: {usd: 30}\n" BUILD GAIN, "usd",
     "warning: fx.usd: 'usd' is not an ISO 4217 currency code; did you mean USD?",
     "warning: project 'P': fx.usd: 'usd' is not an ISO 4217 currency code; did you mean USD?"},
    {HEAD "  horizon: 3\n" BUILD "values: []\n", "values:",
     "warning: values: the project has no value items: ROI, NPV and payback count its costs only",
     "warning: project 'P': values: the project has no value items"},
    {HEAD "  horizon: 3\n" BUILD
          "values:\n  - name: Gain\n    dimension: efficiency\n    amount: -500\n    per: year\n",
     "-500",
     "warning: values[0].amount: -500 is a negative value; model a dis-benefit (lost revenue, a "
     "new risk) as a cost item of category opportunity",
     "warning: value item 'Gain': amount: -500 is a negative value"},
    {HEAD "  horizon: 3\n" BUILD
          "values:\n  - name: Gain\n    dimension: efficiency\n    amounts: [100, -50]\n",
     "-50",
     "warning: values[0].amounts[1]: -50 is a negative value",
     "warning: value item 'Gain': amounts: -50 is a negative value"},
    {HEAD "  horizon: 3\n"
          "costs:\n  - name: Licence\n    category: software\n    amount: -200\n    per: month\n"
          GAIN,
     "-200",
     "warning: costs[0].amount: -200 is a negative recurring cost; model a saving as a value "
     "item of dimension efficiency; only a one-time cost (per: once) may be negative, as a refund",
     "warning: cost item 'Licence': amount: -200 is a negative recurring cost"},
    {HEAD "  horizon: 3\n"
          "costs:\n  - name: Seats\n    category: software\n    quantity: -3\n"
          "    unit_amount: 10\n"
          GAIN,
     "-3",
     "warning: costs[0].quantity: -30 is a negative recurring cost",
     "warning: cost item 'Seats': quantity: -30 is a negative recurring cost"},
};

#define NCASES ((int)(sizeof cases / sizeof cases[0]))

/* 1-based line and column of the first occurrence of `at` in `text`. */
static void position(int32_t *line, int32_t *col, const char *text, const char *at)
{
    const char *p = strstr(text, at);
    ck_assert_msg(p != NULL, "'%s' is not in the model", at);
    *line = 1;
    *col = 1;
    for (const char *q = text; q < p; q++) {
        if (*q == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

/* The only warning of a list; fails unless there is exactly one. */
static const char *only_warning(const airoi_diagnostics *d, int32_t *line, int32_t *col)
{
    ck_assert_uint_eq(airoi_diagnostics_count(d), 1);
    int status = -1;
    ck_assert_int_eq(airoi_diagnostics_get_status(&status, d, 0), AIROI_OK);
    ck_assert_int_eq(status, AIROI_OK); /* a warning */
    const char *msg = NULL;
    ck_assert_int_eq(airoi_diagnostics_get(NULL, line, col, &msg, d, 0), AIROI_OK);
    return msg;
}

START_TEST(test_each_warning)
{
    const wcase *c = &cases[_i];
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, c->yaml, strlen(c->yaml), "w.yaml", 0);
    if (rc != AIROI_OK || airoi_diagnostics_count(d) != 1)
        for (size_t i = 0; i < airoi_diagnostics_count(d); i++)
            fprintf(stderr, "case %d: %s\n", _i, airoi_diagnostics_get_text(d, i));
    ck_assert_int_eq(rc, AIROI_OK);
    ck_assert_ptr_nonnull(p);
    int32_t line = 0, col = 0, want_line, want_col;
    const char *msg = only_warning(d, &line, &col);
    position(&want_line, &want_col, c->yaml, c->at);
    ck_assert_msg(strstr(msg, c->in_file) == msg, "case %d: got '%s'", _i, msg);
    ck_assert_int_eq(line, want_line);
    ck_assert_int_eq(col, want_col);
    airoi_diagnostics_free(d);

    /* the same warning for the project through the API, without a position */
    d = NULL;
    ck_assert_int_eq(airoi_model_validate(&d, p, 0), AIROI_OK);
    msg = only_warning(d, &line, &col);
    ck_assert_msg(strstr(msg, c->in_api) == msg, "case %d: got '%s'", _i, msg);
    ck_assert_int_eq(line, 0);
    ck_assert_int_eq(col, 0);
    ck_assert_str_eq(airoi_diagnostics_get_text(d, 0), msg);
    airoi_diagnostics_free(d);

    /* a warning does not stop anything */
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

static void assert_no_warning(const char *yaml)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, yaml, strlen(yaml), "ok.yaml", 0), AIROI_OK);
    if (airoi_diagnostics_count(d))
        fprintf(stderr, "unexpected: %s\n", airoi_diagnostics_get_text(d, 0));
    ck_assert_uint_eq(airoi_diagnostics_count(d), 0);
    airoi_diagnostics_free(d);
    d = NULL;
    ck_assert_int_eq(airoi_model_validate(&d, p, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 0);
    airoi_diagnostics_free(d);
    airoi_project_free(p);
}

START_TEST(test_plausible_models_pass)
{
    /* rates of exactly 1, 50 years, ISO codes, a refund: no warning */
    assert_no_warning(HEAD "  horizon: 50\n  discount_rate: 1\nfx: {USD: 32, XAU: 80000}\n" BUILD
                           "  - name: Refund\n    category: software\n    amount: -40\n"
                           "    per: once\n    at: 2\n    currency: USD\n" GAIN
                           "    growth: 1\n");
    /* more than 50 monthly periods are fine */
    assert_no_warning(HEAD "  period: month\n  horizon: 120\n" BUILD GAIN);
    /* an empty project is not a project without value */
    assert_no_warning("airoi: 1\nproject: {name: P, horizon: 1}\n");
}
END_TEST

START_TEST(test_lowercase_currency_without_rate)
{
    static const char yaml[] = HEAD "  horizon: 3\nfx: {USD: 32}\n" BUILD "    currency: usd\n" GAIN;
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, yaml, strlen(yaml), "c.yaml", 0),
                     AIROI_ERR_MODEL);
    ck_assert_ptr_null(p);
    const char *msg = NULL;
    ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, &msg, d, 0), AIROI_OK);
    ck_assert_str_eq(msg, "costs[0].currency: currency 'usd' has no rate in fx; did you mean USD?");
    ck_assert_ptr_null(strstr(msg, "add e.g."));
    airoi_diagnostics_free(d);

    /* through the API: the error comes first, the status and last error agree */
    ck_assert_int_eq(airoi_project_new(&p, "P"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"), AIROI_OK);
    airoi_item *it = NULL;
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_string(it, AIROI_ITEM_CURRENCY, "usd"), AIROI_OK);
    ck_assert_int_eq(airoi_model_validate(&d, p, 0), AIROI_ERR_MODEL);
    ck_assert_str_eq(airoi_last_error_message(),
                     "cost item 'Build': currency: currency 'usd' has no rate in fx; did you "
                     "mean USD? (it needs a rate too: fx: {USD: RATE})");
    ck_assert_uint_eq(airoi_diagnostics_count(d), 2); /* and the warning: no value items */
    int status = 0;
    ck_assert_int_eq(airoi_diagnostics_get_status(&status, d, 0), AIROI_OK);
    ck_assert_int_eq(status, AIROI_ERR_MODEL);
    ck_assert_int_eq(airoi_diagnostics_get_status(&status, d, 1), AIROI_OK);
    ck_assert_int_eq(status, AIROI_OK);
    airoi_diagnostics_free(d);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    airoi_project_free(p);
}
END_TEST

START_TEST(test_indentation_hint)
{
    static const char *const bad[] = {
        "airoi: 1\nproject:\n  name: x\n   horizon: 3\n",
        "airoi: 1\nproject:\n  name: x\n horizon: 3\n",
    };
    static const int lines[] = {4, 4};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        airoi_project *p = NULL;
        airoi_diagnostics *d = NULL;
        ck_assert_int_eq(airoi_model_load_buffer(&p, &d, bad[i], strlen(bad[i]), "i.yaml", 0),
                         AIROI_ERR_PARSE);
        const char *msg = NULL;
        int32_t line = 0;
        ck_assert_int_eq(airoi_diagnostics_get(NULL, &line, NULL, &msg, d, 0), AIROI_OK);
        ck_assert_int_eq(line, lines[i]);
        char want[64];
        snprintf(want, sizeof want, "hint: check the indentation of line %d", lines[i]);
        ck_assert_msg(strstr(msg, want) != NULL, "got '%s'", msg);
        airoi_diagnostics_free(d);
    }
}
END_TEST

START_TEST(test_many_warnings_still_load)
{
    /* 300 negative values: 50 are listed, one more counts the rest */
    size_t cap = 300 * 80 + 256, len = 0;
    char *yaml = malloc(cap);
    ck_assert_ptr_nonnull(yaml);
    len += (size_t)snprintf(yaml + len, cap - len, HEAD "  horizon: 3\nvalues:\n");
    for (int i = 0; i < 300; i++)
        len += (size_t)snprintf(yaml + len, cap - len,
                                "  - {name: V%d, dimension: risk, amount: -1}\n", i);
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, yaml, len, "m.yaml", 0), AIROI_OK);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 51);
    const char *msg = NULL;
    ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, &msg, d, 0), AIROI_OK);
    ck_assert_str_eq(msg, "warning: 250 more plausibility warnings are not listed");
    airoi_diagnostics_free(d);
    ck_assert_int_eq(airoi_model_validate(&d, p, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 101);
    airoi_diagnostics_free(d);
    airoi_project_free(p);
    free(yaml);
}
END_TEST

START_TEST(test_arguments)
{
    airoi_diagnostics *d = (airoi_diagnostics *)1;
    ck_assert_int_eq(airoi_model_validate(&d, NULL, 0), AIROI_ERR_INVALID);
    ck_assert_ptr_null(d);
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "P"), AIROI_OK);
    ck_assert_int_eq(airoi_model_validate(NULL, p, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_validate(&d, p, 1u), AIROI_ERR_INVALID);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(airoi_model_validate(&d, p, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 0);
    airoi_diagnostics_free(d);
    airoi_project_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("warnings");
    TCase *tc = tcase_create("plausibility");
    tcase_add_loop_test(tc, test_each_warning, 0, NCASES);
    tcase_add_test(tc, test_plausible_models_pass);
    tcase_add_test(tc, test_lowercase_currency_without_rate);
    tcase_add_test(tc, test_indentation_hint);
    tcase_add_test(tc, test_many_warnings_still_load);
    tcase_add_test(tc, test_arguments);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
