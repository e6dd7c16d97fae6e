/*
 * tests/unit/test-io.c: model files (lib/io). White-box (links the internal
 * archive) for its growable buffer, used to write large models; everything
 * else uses the public API. Allocation failures while loading and saving
 * are tested in test-model-oom.c.
 *
 * Environment: AIROI_TEST_DATA is the path of tests/data (the corpus
 * tests/data/invalid/ and tests/data/roundtrip/); AIROI_EXAMPLES the path of
 * docs/examples (every *.yaml there must round-trip).
 */
#include <check.h>
#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "airoi/airoi.h"
#include "core-private.h"

/* A model with every section of the format, the later keys included. */
static const char spec_sample[] =
    "airoi: 1                        # format version, required\n"
    "project:\n"
    "  name: GenAI customer service\n"
    "  currency: TWD                 # ISO 4217\n"
    "  unit: 1                       # every amount in the file, in any currency, is in units "
    "of this (e.g. 10000)\n"
    "  start: 2026-01-01\n"
    "  period: year                  # year | quarter | month\n"
    "  horizon: 3                    # periods 0..horizon\n"
    "  discount_rate: 0.08           # annual\n"
    "  use_case: customer_service    # benchmark key, optional\n"
    "  stage: production             # strategy | poc | mvp | scale | production\n"
    "fx: {USD: 32}                   # 1 USD = 32 project currency\n"
    "costs:\n"
    "  - name: Build\n"
    "    category: people            # section 1.1 names\n"
    "    amount: 350\n"
    "    per: once                   # once | month | quarter | year\n"
    "    at: 0                       # period of a one-time amount (default 0)\n"
    "  - name: Model API\n"
    "    category: software\n"
    "    quantity: 1000000           # amount = quantity x unit_amount\n"
    "    unit_amount: 0.002\n"
    "    per: month                  # converted to the project period\n"
    "    currency: USD\n"
    "    from: 1                     # first period (default 1 for recurring)\n"
    "    to: 3                       # last period (default horizon)\n"
    "    growth: 0.03                # annual escalation, optional\n"
    "values:\n"
    "  - name: Agent time saved\n"
    "    dimension: efficiency       # efficiency | revenue | risk | strategic\n"
    "    quantity: 15\n"
    "    unit_amount: 4\n"
    "    per: month\n"
    "    realization: 1.0            # share that is real cash, default 1\n"
    "    attribution: 1.0            # share caused by the AI, default 1\n"
    "    adoption: {curve: s_curve, periods: 2, start: 0.2, ceiling: 1.0}\n"
    "  - name: Retention revenue\n"
    "    dimension: revenue\n"
    "    amounts: [60, 150, 220]     # explicit per-period list from `from`\n"
    "    from: 1\n"
    "scenarios:\n"
    "  - {name: best, probability: 0.2, multipliers: {values: 1.3333333333333333}}\n"
    "  - {name: base, probability: 0.5}\n"
    "  - {name: worst, probability: 0.3, multipliers: {values: 0.5185185185185185, costs: "
    "1.1}, delay: 1}\n"
    "uncertainties:\n"
    "  - {target: Agent time saved, distribution: pert, low: 0.7, mode: 1.0, high: 1.2}\n"
    "  - {target: infrastructure, distribution: triangular, low: 0.9, mode: 1.0, high: 1.5}\n"
    "stages:\n"
    "  - {name: poc, cost: 50, periods: 1, success_probability: 0.6}\n"
    "  - {name: mvp, cost: 120, periods: 1, success_probability: 0.7}\n"
    "actuals:\n"
    "  - {period: 1, item: Model API, amount: 30}\n";

/* snprintf into an array, failing the test if the text does not fit. */
#define FMT(buf, ...) ck_assert_int_lt(snprintf(buf, sizeof buf, __VA_ARGS__), (int)sizeof buf)

static const char *data_dir(void)
{
    const char *d = getenv("AIROI_TEST_DATA");
    return d ? d : "tests/data";
}

static char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static airoi_project *load_ok(const char *text)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, text, strlen(text), "test.yaml", 0);
    if (rc != AIROI_OK)
        for (size_t i = 0; i < airoi_diagnostics_count(d); i++)
            fprintf(stderr, "%s\n", airoi_diagnostics_get_text(d, i));
    ck_assert_int_eq(rc, AIROI_OK);
    ck_assert_ptr_nonnull(p);
    /* a successful load may carry warnings, never errors */
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        const char *msg = NULL;
        ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, &msg, d, i), AIROI_OK);
        ck_assert_msg(strncmp(msg, "warning: ", 9) == 0, "not a warning: %s", msg);
    }
    airoi_diagnostics_free(d);
    return p;
}

static char load_fail_error[2048]; /* airoi_last_error_message() after load_fail() */

/* Loads text that must fail; returns the diagnostics (the caller frees them). */
static airoi_diagnostics *load_fail(const char *text, int status)
{
    airoi_project *p = (airoi_project *)1;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, text, strlen(text), "test.yaml", 0);
    snprintf(load_fail_error, sizeof load_fail_error, "%s", airoi_last_error_message());
    if (rc != status)
        for (size_t i = 0; i < airoi_diagnostics_count(d); i++)
            fprintf(stderr, "%s\n", airoi_diagnostics_get_text(d, i));
    ck_assert_int_eq(rc, status);
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(d);
    return d;
}

/* 1 when some diagnostic is at line:col (0:0 = any position) and contains `want`. */
static int has_diag(const airoi_diagnostics *d, int32_t line, int32_t col, const char *want)
{
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        int32_t l = 0, c = 0;
        const char *msg = NULL;
        ck_assert_int_eq(airoi_diagnostics_get(NULL, &l, &c, &msg, d, i), AIROI_OK);
        if ((line == 0 || (l == line && c == col)) && strstr(msg, want))
            return 1;
    }
    return 0;
}

static double pnum(const airoi_project *p, int param)
{
    double x = -12345;
    ck_assert_int_eq(airoi_project_get_number(&x, p, param), AIROI_OK);
    return x;
}

static double cnum(const airoi_item *c, int param)
{
    double x = -12345;
    ck_assert_int_eq(airoi_item_get_number(&x, c, param), AIROI_OK);
    return x;
}

static double vnum(const airoi_item *v, int param)
{
    double x = -12345;
    ck_assert_int_eq(airoi_item_get_number(&x, v, param), AIROI_OK);
    return x;
}

/* ---- the complete sample ---------------------------------------------------- */

START_TEST(test_spec_sample)
{
    airoi_project *p = load_ok(spec_sample);
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_NAME), "GenAI customer service");
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_CURRENCY), "TWD");
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_USE_CASE), "customer_service");
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_HORIZON), 3);
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_PERIOD), AIROI_PERIOD_YEAR);
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_DISCOUNT_RATE), 0.08);
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_STAGE), AIROI_STAGE_PRODUCTION);
    int32_t day;
    ck_assert_int_eq(airoi_date_from_iso(&day, "2026-01-01"), AIROI_OK);
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_START), day);
    double fx = 0;
    ck_assert_int_eq(airoi_project_get_fx(&fx, p, "USD"), AIROI_OK);
    ck_assert_double_eq(fx, 32);

    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_COST), 2);
    const airoi_item *build = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 0);
    ck_assert_str_eq(airoi_item_get_string(build, AIROI_ITEM_NAME), "Build");
    ck_assert_double_eq(cnum(build, AIROI_ITEM_CATEGORY), AIROI_CATEGORY_PEOPLE);
    ck_assert_double_eq(cnum(build, AIROI_ITEM_AMOUNT), 350);
    ck_assert_double_eq(cnum(build, AIROI_ITEM_PER), AIROI_PER_ONCE);
    ck_assert_int_eq(airoi_item_is_set(build, AIROI_ITEM_AT), 1);
    const airoi_item *api = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 1);
    ck_assert_double_eq(cnum(api, AIROI_ITEM_CATEGORY), AIROI_CATEGORY_SOFTWARE);
    ck_assert_double_eq(cnum(api, AIROI_ITEM_QUANTITY), 1000000);
    ck_assert_double_eq(cnum(api, AIROI_ITEM_UNIT_AMOUNT), 0.002);
    ck_assert_int_eq(airoi_item_is_set(api, AIROI_ITEM_AMOUNT), 0);
    ck_assert_double_eq(cnum(api, AIROI_ITEM_PER), AIROI_PER_MONTH);
    ck_assert_str_eq(airoi_item_get_string(api, AIROI_ITEM_CURRENCY), "USD");
    ck_assert_double_eq(cnum(api, AIROI_ITEM_FROM), 1);
    ck_assert_double_eq(cnum(api, AIROI_ITEM_TO), 3);
    ck_assert_double_eq(cnum(api, AIROI_ITEM_GROWTH), 0.03);

    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_VALUE), 2);
    const airoi_item *agent = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_VALUE, 0);
    ck_assert_double_eq(vnum(agent, AIROI_ITEM_DIMENSION), AIROI_DIMENSION_EFFICIENCY);
    ck_assert_double_eq(vnum(agent, AIROI_ITEM_QUANTITY), 15);
    ck_assert_double_eq(vnum(agent, AIROI_ITEM_ADOPTION_CURVE), AIROI_CURVE_S_CURVE);
    ck_assert_double_eq(vnum(agent, AIROI_ITEM_ADOPTION_PERIODS), 2);
    ck_assert_double_eq(vnum(agent, AIROI_ITEM_ADOPTION_START), 0.2);
    ck_assert_double_eq(vnum(agent, AIROI_ITEM_ADOPTION_CEILING), 1);
    const airoi_item *ret = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_VALUE, 1);
    double a[4];
    size_t n = 0;
    ck_assert_int_eq(airoi_item_get_amounts(a, 4, &n, ret), AIROI_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_double_eq(a[0], 60);
    ck_assert_double_eq(a[2], 220);
    ck_assert_double_eq(vnum(ret, AIROI_ITEM_PER), AIROI_PER_PERIOD);

    ck_assert_uint_eq(airoi_project_count_scenarios(p), 3);
    const airoi_scenario *worst = airoi_project_get_scenario(p, 2);
    ck_assert_str_eq(airoi_scenario_get_name(worst), "worst");
    ck_assert_uint_eq(airoi_scenario_count_multipliers(worst), 2);
    const char *t;
    double f;
    ck_assert_int_eq(airoi_scenario_get_multiplier(&t, &f, worst, 1), AIROI_OK);
    ck_assert_str_eq(t, "costs");
    ck_assert_double_eq(f, 1.1);
    double delay = -1;
    ck_assert_int_eq(airoi_scenario_get_number(&delay, worst, AIROI_SCENARIO_DELAY), AIROI_OK);
    ck_assert_double_eq(delay, 1);

    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* ---- round trips -------------------------------------------------------------- */

static void same_number(int rc1, double a, int rc2, double b, const char *what)
{
    if (rc1 != rc2 || (rc1 == AIROI_OK && memcmp(&a, &b, sizeof a) != 0))
        ck_abort_msg("%s differs after a round trip: %d %.17g vs %d %.17g", what, rc1, a, rc2,
                     b);
}

static void same_result(const airoi_result *r1, const airoi_result *r2)
{
    char what[64];
    for (int m = AIROI_METRIC_NPV; airoi_metric_name(m); m++) {
        double a = 0, b = 0;
        int rc1 = airoi_result_get_metric(&a, r1, m);
        int rc2 = airoi_result_get_metric(&b, r2, m);
        same_number(rc1, a, rc2, b, airoi_metric_name(m));
    }
    for (int c = AIROI_CATEGORY_PEOPLE; airoi_category_name(c); c++) {
        double a = 0, b = 0;
        int rc1 = airoi_result_get_tco_category(&a, r1, c);
        int rc2 = airoi_result_get_tco_category(&b, r2, c);
        same_number(rc1, a, rc2, b, airoi_category_name(c));
    }
    const airoi_schedule *s1 = airoi_result_get_schedule(r1);
    const airoi_schedule *s2 = airoi_result_get_schedule(r2);
    ck_assert_uint_eq(airoi_schedule_count_periods(s1), airoi_schedule_count_periods(s2));
    size_t n = airoi_schedule_count_periods(s1);
    double *b1 = calloc(n + 1, sizeof *b1), *b2 = calloc(n + 1, sizeof *b2);
    ck_assert_ptr_nonnull(b1);
    ck_assert_ptr_nonnull(b2);
    for (int col = AIROI_SCHEDULE_COSTS; airoi_schedule_column_name(col); col++) {
        size_t l1 = 0, l2 = 0;
        ck_assert_int_eq(airoi_schedule_get_column(b1, n, &l1, s1, col), AIROI_OK);
        ck_assert_int_eq(airoi_schedule_get_column(b2, n, &l2, s2, col), AIROI_OK);
        ck_assert_uint_eq(l1, l2);
        for (size_t i = 0; i < l1; i++) {
            FMT(what, "schedule %s[%zu]", airoi_schedule_column_name(col), i);
            same_number(0, b1[i], 0, b2[i], what);
        }
    }
    free(b1);
    free(b2);
    ck_assert_uint_eq(airoi_result_count_findings(r1), airoi_result_count_findings(r2));
    ck_assert_uint_eq(airoi_result_count_scenarios(r1), airoi_result_count_scenarios(r2));
    for (size_t i = 0; i < airoi_result_count_scenarios(r1); i++) {
        ck_assert_str_eq(airoi_result_get_scenario_name(airoi_result_get_scenario(r1, i)),
                         airoi_result_get_scenario_name(airoi_result_get_scenario(r2, i)));
        same_result(airoi_result_get_scenario(r1, i), airoi_result_get_scenario(r2, i));
    }
}

/* load -> save -> load evaluates identically, and saving is idempotent. */
static void check_round_trip(const char *text, const char *label)
{
    airoi_project *p1 = NULL, *p2 = NULL, *p3 = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p1, &d, text, strlen(text), label, 0);
    if (rc)
        ck_abort_msg("%s: %s", label, airoi_last_error_message());
    airoi_diagnostics_free(d);
    char *s1 = NULL, *s2 = NULL;
    size_t n1 = 0, n2 = 0;
    ck_assert_int_eq(airoi_model_save_buffer(&s1, &n1, p1, 0), AIROI_OK);
    ck_assert_uint_eq(strlen(s1), n1);
    rc = airoi_model_load_buffer(&p2, NULL, s1, n1, "saved", 0);
    if (rc)
        ck_abort_msg("%s: the saved text does not load: %s\n%s", label,
                     airoi_last_error_message(), s1);
    ck_assert_int_eq(airoi_model_save_buffer(&s2, &n2, p2, 0), AIROI_OK);
    if (strcmp(s1, s2) != 0)
        ck_abort_msg("%s: saving is not idempotent:\n%s\n----\n%s", label, s1, s2);
    ck_assert_int_eq(airoi_model_load_buffer(&p3, NULL, s2, n2, "saved", 0), AIROI_OK);

    airoi_result *r1 = NULL, *r2 = NULL;
    int e1 = airoi_project_evaluate(&r1, p1, NULL, 0);
    int e2 = airoi_project_evaluate(&r2, p2, NULL, 0);
    if (e1 != AIROI_OK)
        ck_abort_msg("%s: does not evaluate: %s", label, airoi_last_error_message());
    ck_assert_int_eq(e2, AIROI_OK);
    same_result(r1, r2);
    airoi_result_free(r1);
    airoi_result_free(r2);
    /* every scenario evaluated on its own, too */
    for (size_t i = 0; i < airoi_project_count_scenarios(p1); i++) {
        const char *name = airoi_scenario_get_name(airoi_project_get_scenario(p1, i));
        e1 = airoi_project_evaluate(&r1, p1, name, AIROI_EVAL_HONEST_ESTIMATE);
        e2 = airoi_project_evaluate(&r2, p2, name, AIROI_EVAL_HONEST_ESTIMATE);
        ck_assert_int_eq(e1, e2);
        if (e1 == AIROI_OK)
            same_result(r1, r2);
        airoi_result_free(r1);
        airoi_result_free(r2);
    }
    airoi_free(s1);
    airoi_free(s2);
    airoi_project_free(p1);
    airoi_project_free(p2);
    airoi_project_free(p3);
}

START_TEST(test_round_trip_sample)
{
    check_round_trip(spec_sample, "spec-sample");
}
END_TEST

static size_t round_trip_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    size_t count = 0;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
            continue;
        char path[1024];
        FMT(path, "%s/%s", dir, de->d_name);
        char *text = read_text(path, NULL);
        ck_assert_ptr_nonnull(text);
        check_round_trip(text, path);
        free(text);
        count++;
    }
    closedir(dp);
    return count;
}

START_TEST(test_round_trip_files)
{
    char dir[1024];
    FMT(dir, "%s/roundtrip", data_dir());
    ck_assert_uint_ge(round_trip_dir(dir), 3);
    const char *ex = getenv("AIROI_EXAMPLES");
    if (ex)
        round_trip_dir(ex); /* the examples may be fewer while they are written */
}
END_TEST

/* Names that need quoting or escaping survive a round trip byte for byte. */
START_TEST(test_round_trip_strings)
{
    static const char *const names[] = {
        "a: b",   "'quoted'",    "\"double\"", "  leading", "trailing ", "123",
        "1e3",    "true",        "null",       "~",         "#hash",     "- dash",
        "*star",  "&amp",        "!bang",      "%pct",      "@at",       "`tick",
        "a\nb",   "tab\there",   "\xe5\x8f\xb0\xe5\x8c\x97 caf\xc3\xa9", ".inf",
        "{x}",    "[y]",         "back\\slash", "?", "0x1F", "yes", "bell\a",
    };
    const size_t n = sizeof names / sizeof names[0];
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "proj: \"x\""), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "N/A"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_fx(p, "true", 2.5), AIROI_OK);
    airoi_scenario *sc = NULL;
    ck_assert_int_eq(airoi_project_add_scenario(&sc, p, "1.5", 1), AIROI_OK);
    for (size_t i = 0; i < n; i++) {
        airoi_item *c = NULL;
        ck_assert_int_eq(airoi_project_add_cost(&c, p, names[i], AIROI_CATEGORY_DATA), AIROI_OK);
        ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 0.1 * (double)i),
                         AIROI_OK);
        ck_assert_int_eq(airoi_scenario_add_multiplier(sc, names[i], 1 + 1.0 / 3), AIROI_OK);
    }
    char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(airoi_model_save_buffer(&text, &len, p, 0), AIROI_OK);
    airoi_project *q = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&q, &d, text, len, "saved", 0);
    if (rc)
        ck_abort_msg("%s\n%s", airoi_last_error_message(), text);
    ck_assert_str_eq(airoi_project_get_string(q, AIROI_PROJECT_NAME), "proj: \"x\"");
    ck_assert_str_eq(airoi_project_get_string(q, AIROI_PROJECT_CURRENCY), "N/A");
    double fx = 0;
    ck_assert_int_eq(airoi_project_get_fx(&fx, q, "true"), AIROI_OK);
    ck_assert_double_eq(fx, 2.5);
    ck_assert_uint_eq(airoi_project_count_items(q, AIROI_ITEM_KIND_COST), n);
    const airoi_scenario *sq = airoi_project_get_scenario(q, 0);
    ck_assert_str_eq(airoi_scenario_get_name(sq), "1.5");
    for (size_t i = 0; i < n; i++) {
        const airoi_item *c = airoi_project_get_item_mutable(q, AIROI_ITEM_KIND_COST, i);
        ck_assert_str_eq(airoi_item_get_string(c, AIROI_ITEM_NAME), names[i]);
        ck_assert_double_eq(cnum(c, AIROI_ITEM_AMOUNT), 0.1 * (double)i);
        const char *t = NULL;
        double f = 0;
        ck_assert_int_eq(airoi_scenario_get_multiplier(&t, &f, sq, i), AIROI_OK);
        ck_assert_str_eq(t, names[i]);
        ck_assert_double_eq(f, 1 + 1.0 / 3);
    }
    airoi_diagnostics_free(d);
    airoi_free(text);
    airoi_project_free(p);
    airoi_project_free(q);
}
END_TEST

/* Numbers are written in their shortest exact form and read back bit for bit. */
START_TEST(test_round_trip_numbers)
{
    static const double xs[] = {0.1,     1.0 / 3,  2.0 / 3,     1e-300, 4.9e-324, 1.7976931348623157e308,
                                -0.0,    123456789012345678.0, 0.002, 5e-324,  -2.5e-5,  1e21};
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "numbers"), AIROI_OK);
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        char name[16];
        FMT(name, "c%zu", i);
        airoi_item *c = NULL;
        ck_assert_int_eq(airoi_project_add_cost(&c, p, name, AIROI_CATEGORY_PEOPLE), AIROI_OK);
        ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, xs[i]), AIROI_OK);
    }
    char *text = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&text, NULL, p, 0), AIROI_OK);
    ck_assert_ptr_nonnull(strstr(text, "amount: 0.1\n"));
    ck_assert_ptr_nonnull(strstr(text, "amount: 0.002\n"));
    /* the sign of zero survives: "-0" would be YAML's integer 0 */
    ck_assert_ptr_nonnull(strstr(text, "amount: -0.0\n"));
    airoi_project *q = load_ok(text);
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double v = cnum(airoi_project_get_item_mutable(q, AIROI_ITEM_KIND_COST, i), AIROI_ITEM_AMOUNT);
        ck_assert_msg(memcmp(&v, &xs[i], sizeof v) == 0, "%.17g read back as %.17g", xs[i], v);
    }
    airoi_free(text);
    airoi_project_free(p);
    airoi_project_free(q);
}
END_TEST

START_TEST(test_number_syntax)
{
    airoi_project *p = load_ok("airoi: 1\n"
                               "project: {name: n, horizon: 0x10, discount_rate: .5}\n"
                               "costs:\n"
                               "  - {name: a, category: data, amount: 0o17}\n"
                               "  - {name: b, category: data, amount: +1.5e3}\n"
                               "  - {name: c, category: data, amount: -7.}\n"
                               "  - {name: d, category: data, amount: 1e-400}\n");
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_HORIZON), 16);
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_DISCOUNT_RATE), 0.5);
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 0), AIROI_ITEM_AMOUNT), 15);
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 1), AIROI_ITEM_AMOUNT), 1500);
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 2), AIROI_ITEM_AMOUNT), -7);
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 3), AIROI_ITEM_AMOUNT), 0);
    airoi_project_free(p);
}
END_TEST

/* Defaults of `per`: `at` alone means once; otherwise the project period. */
START_TEST(test_per_defaults)
{
    airoi_project *p = load_ok("airoi: 1\n"
                               "project: {name: n, horizon: 2}\n"
                               "costs:\n"
                               "  - {name: a, category: data, amount: 5, at: 2}\n"
                               "  - {name: b, category: data, amount: 5}\n"
                               "  - {name: c, category: data, amounts: [1, 2]}\n");
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 0), AIROI_ITEM_PER), AIROI_PER_ONCE);
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 0), AIROI_ITEM_AT), 2);
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 1), AIROI_ITEM_PER), AIROI_PER_PERIOD);
    ck_assert_int_eq(airoi_item_is_set(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 1), AIROI_ITEM_PER), 0);
    ck_assert_double_eq(cnum(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 2), AIROI_ITEM_PER), AIROI_PER_PERIOD);
    airoi_project_free(p);
}
END_TEST

/* Anchors and aliases are fine in moderation; nulls stand for empty lists. */
START_TEST(test_aliases_and_nulls)
{
    airoi_project *p = load_ok("airoi: 1\n"
                               "project: {name: n, discount_rate: &r 0.08, finance_rate: *r}\n"
                               "fx:\n"
                               "costs: []\n"
                               "values: ~\n"
                               "scenarios:\n");
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_FINANCE_RATE), 0.08);
    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_COST), 0);
    airoi_project_free(p);
    /* a UTF-8 byte-order mark is fine; positions count from after it */
    p = load_ok("\xEF\xBB\xBF" "airoi: 1\nproject: {name: bom}\n");
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_NAME), "bom");
    airoi_project_free(p);
    airoi_diagnostics *d = NULL;
    const char *bad = "\xEF\xBB\xBF" "airoi: 1\nproject: {name: x, horizon: -2}\n";
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, bad, strlen(bad), "b", 0), AIROI_ERR_PARSE);
    int32_t line = 0, col = 0;
    ck_assert_int_eq(airoi_diagnostics_get(NULL, &line, &col, NULL, d, 0), AIROI_OK);
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(col, 29);
    airoi_diagnostics_free(d);
}
END_TEST

/* ---- the invalid corpus ------------------------------------------------------------ */

static int status_from_word(const char *w)
{
    if (!strcmp(w, "parse"))
        return AIROI_ERR_PARSE;
    if (!strcmp(w, "model"))
        return AIROI_ERR_MODEL;
    if (!strcmp(w, "limit"))
        return AIROI_ERR_LIMIT;
    if (!strcmp(w, "io"))
        return AIROI_ERR_IO;
    return 1;
}

/* NAME.expected: `STATUS LINE:COL: substring of the message`, where STATUS
 * is parse, model or limit; one diagnostic of NAME.yaml must match. */
static void check_invalid(const char *dir, const char *name)
{
    char path[1024], epath[1024];
    FMT(path, "%s/%s", dir, name);
    FMT(epath, "%.*s.expected", (int)(strlen(path) - 5), path);
    char *exp = read_text(epath, NULL);
    ck_assert_msg(exp != NULL, "%s: missing", epath);
    char word[16] = "";
    int line = -1, col = -1, used = 0;
    ck_assert_msg(sscanf(exp, "%15s %d:%d: %n", word, &line, &col, &used) == 3 && used > 0,
                  "%s: malformed (want `STATUS LINE:COL: text`)", epath);
    char *want = exp + used;
    want[strcspn(want, "\n")] = '\0';
    int status = status_from_word(word);
    ck_assert_msg(status < 0, "%s: unknown status '%s'", epath, word);

    airoi_project *p = (airoi_project *)1;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_file(&p, &d, path, 0);
    char last[2048];
    FMT(last, "%s", airoi_last_error_message());
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_ge(airoi_diagnostics_count(d), 1);
    /* the thread's last error is the first diagnostic */
    ck_assert_str_eq(last, airoi_diagnostics_get_text(d, 0));
    int found = 0;
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        int32_t l = 0, c = 0;
        const char *msg = NULL, *file = NULL;
        ck_assert_int_eq(airoi_diagnostics_get(&file, &l, &c, &msg, d, i), AIROI_OK);
        ck_assert_str_eq(file, path);
        if (l == line && c == col && strstr(msg, want))
            found = 1;
    }
    if (rc != status || !found) {
        fprintf(stderr, "%s: status %d, diagnostics:\n", name, rc);
        for (size_t i = 0; i < airoi_diagnostics_count(d); i++)
            fprintf(stderr, "  %s\n", airoi_diagnostics_get_text(d, i));
    }
    ck_assert_msg(rc == status, "%s: status %d, expected %d", name, rc, status);
    ck_assert_msg(found, "%s: no diagnostic at %d:%d containing '%s'", name, line, col, want);
    airoi_diagnostics_free(d);
    free(exp);
}

START_TEST(test_invalid_corpus)
{
    char dir[1024];
    FMT(dir, "%s/invalid", data_dir());
    DIR *dp = opendir(dir);
    ck_assert_msg(dp != NULL, "cannot open %s", dir);
    size_t count = 0;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
            continue;
        check_invalid(dir, de->d_name);
        count++;
    }
    closedir(dp);
    ck_assert_uint_ge(count, 30);
}
END_TEST

/* ---- the invalid corpus through the C setters -------------------------------------- */

/* The same cases as test_invalid_corpus, set up through the C API instead of
 * a file: every tests/data/invalid case is either built again below, step by
 * step, or listed with the reason the C API cannot express it (a file's
 * syntax, a type that a C argument cannot have, ...). A built case must be
 * refused, as a limit where the loader says limit, with the loader's words:
 * the loader writes "<path>: <why>", the C API "<subject>: <key>: <why>".
 * bindings/python/tests/test_corpus.py and tests/xll/xll-host.c do the same
 * through Python and the add-in. */
typedef struct cstep {
    char op; /* see corpus_step() */
    int param;
    double v;
    const char *s;
} cstep;

typedef struct ccase {
    const char *name;
    cstep steps[16];
} ccase;

#define PROJECT(h)                                                                             \
    {'P', 0, 0, "Base"}, {'s', AIROI_PROJECT_CURRENCY, 0, "TWD"},                             \
        {'p', AIROI_PROJECT_HORIZON, h, NULL}, {'p', AIROI_PROJECT_DISCOUNT_RATE, 0.08, NULL}
#define BASE PROJECT(3)
#define VALIDATE {'V', 0, 0, NULL}
/* the project of the tracking- cases */
#define TBASE                                                                                  \
    {'P', 0, 0, "T"}, {'p', AIROI_PROJECT_HORIZON, 2, NULL},                                   \
        {'c', AIROI_CATEGORY_PEOPLE, 0, "A"}, {'i', AIROI_ITEM_AMOUNT, 1, NULL}
/* the project of the uncertainty-, correlation-, stage- and simulation- cases */
#define UBASE                                                                                  \
    {'P', 0, 0, "Uncertain"}, {'p', AIROI_PROJECT_HORIZON, 3, NULL},                           \
        {'c', AIROI_CATEGORY_PEOPLE, 0, "Build"}, {'v', AIROI_DIMENSION_EFFICIENCY, 0, "Savings"}

/* A name reader (airoi_category_from_name, ...) called with room for any
 * enumeration: each writes one enumeration value through its pointer. */
typedef int (*name_reader)(void *, const char *);
enum {
    R_PERIOD,
    R_PER,
    R_CATEGORY,
    R_DIMENSION,
    R_STAGE,
    R_CURVE,
    R_PAYMENT,
    R_DISTRIBUTION,
    R_SAMPLING,
    R_OUTPUT
};

static int read_name(int which, const char *name)
{
    name_reader r[] = {(name_reader)airoi_period_from_name, (name_reader)airoi_per_from_name,
                       (name_reader)airoi_category_from_name,
                       (name_reader)airoi_dimension_from_name,
                       (name_reader)airoi_stage_from_name, (name_reader)airoi_curve_from_name,
                       (name_reader)airoi_payment_from_name,
                       (name_reader)airoi_distribution_from_name,
                       (name_reader)airoi_sampling_from_name,
                       (name_reader)airoi_sim_output_from_name};
    union {
        int i;
        long long pad;
    } out = {0};
    return r[which](&out, name);
}

static const ccase c_corpus[] = {
    {"adoption-ceiling-2",
     {BASE, {'S', 0, 1, "s"}, {'n', AIROI_SCENARIO_ADOPTION_CEILING, 2, NULL}}},
    {"amounts-past-horizon",
     {BASE, {'v', AIROI_DIMENSION_REVENUE, 0, "v"}, {'l', 0, 4, NULL}, VALIDATE}},
    {"at-outside-horizon",
     {BASE, {'c', AIROI_CATEGORY_PEOPLE, 0, "Build"}, {'i', AIROI_ITEM_AMOUNT, 350, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'i', AIROI_ITEM_AT, 4, NULL}, VALIDATE}},
    {"bad-per", {BASE, {'r', R_PER, 0, "weekly"}}},
    {"bad-period", {BASE, {'r', R_PERIOD, 0, "week"}}},
    {"currency-missing-fx",
     {BASE, {'x', 0, 32, "USD"}, {'c', AIROI_CATEGORY_SOFTWARE, 0, "API"},
      {'i', AIROI_ITEM_AMOUNT, 100, NULL}, {'i', AIROI_ITEM_PER, AIROI_PER_MONTH, NULL},
      {'I', AIROI_ITEM_CURRENCY, 0, "EUR"}, VALIDATE}},
    {"default-from-horizon-0",
     {PROJECT(0), {'c', AIROI_CATEGORY_MAINTENANCE, 0, "Ops"}, {'i', AIROI_ITEM_AMOUNT, 10, NULL},
      VALIDATE}},
    {"delay-fractional", {BASE, {'S', 0, 1, "late"}, {'n', AIROI_SCENARIO_DELAY, 1.5, NULL}}},
    {"discount-rate-minus-one",
     {{'P', 0, 0, "Base"}, {'s', AIROI_PROJECT_CURRENCY, 0, "TWD"},
      {'p', AIROI_PROJECT_HORIZON, 3, NULL}, {'p', AIROI_PROJECT_DISCOUNT_RATE, -1, NULL}}},
    {"duplicate-item-names",
     {BASE, {'c', AIROI_CATEGORY_PEOPLE, 0, "Build"}, {'i', AIROI_ITEM_AMOUNT, 350, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'v', AIROI_DIMENSION_REVENUE, 0, "Build"}}},
    {"duplicate-scenario-names", {BASE, {'S', 0, 0.5, "a"}, {'S', 0, 0.5, "a"}}},
    {"fractional-horizon", {{'P', 0, 0, "Base"}, {'s', AIROI_PROJECT_CURRENCY, 0, "TWD"},
                            {'p', AIROI_PROJECT_HORIZON, 2.5, NULL}}},
    {"from-outside-horizon",
     {BASE, {'c', AIROI_CATEGORY_MAINTENANCE, 0, "Ops"}, {'i', AIROI_ITEM_AMOUNT, 10, NULL},
      {'i', AIROI_ITEM_FROM, 7, NULL}, VALIDATE}},
    {"fx-zero-rate", {BASE, {'x', 0, 0, "USD"}}},
    {"growth-minus-one",
     {BASE, {'c', AIROI_CATEGORY_DATA, 0, "A"}, {'i', AIROI_ITEM_AMOUNT, 1, NULL},
      {'i', AIROI_ITEM_GROWTH, -1, NULL}}},
    {"horizon-too-large", {{'P', 0, 0, "Base"}, {'s', AIROI_PROJECT_CURRENCY, 0, "TWD"},
                           {'p', AIROI_PROJECT_HORIZON, 20000, NULL}}},
    {"inf-literal",
     {BASE, {'c', AIROI_CATEGORY_PEOPLE, 0, "Build"}, {'i', AIROI_ITEM_AMOUNT, HUGE_VAL, NULL}}},
    {"nan-literal",
     {{'P', 0, 0, "Base"}, {'s', AIROI_PROJECT_CURRENCY, 0, "TWD"},
      {'p', AIROI_PROJECT_HORIZON, 3, NULL},
      {'p', AIROI_PROJECT_DISCOUNT_RATE, (double)NAN, NULL}}},
    {"negative-horizon", {{'P', 0, 0, "Base"}, {'s', AIROI_PROJECT_CURRENCY, 0, "TWD"},
                          {'p', AIROI_PROJECT_HORIZON, -1, NULL}}},
    {"negative-inf-literal",
     {BASE, {'v', AIROI_DIMENSION_RISK, 0, "v"}, {'i', AIROI_ITEM_AMOUNT, -HUGE_VAL, NULL}}},
    {"negative-multiplier", {BASE, {'S', 0, 1, "base"}, {'m', 0, -1, "costs"}}},
    {"once-with-amounts",
     {BASE, {'c', AIROI_CATEGORY_DATA, 0, "A"}, {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL},
      {'l', 0, 2, NULL}, VALIDATE}},
    {"probabilities-0.9",
     {BASE, {'S', 0, 0.3, "best"}, {'S', 0, 0.4, "base"}, {'S', 0, 0.2, "worst"}, VALIDATE}},
    {"probability-negative", {BASE, {'S', 0, -0.1, "a"}}},
    {"quantity-without-unit-amount",
     {BASE, {'c', AIROI_CATEGORY_SOFTWARE, 0, "API"}, {'i', AIROI_ITEM_QUANTITY, 1000, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_MONTH, NULL}, VALIDATE}},
    {"realization-1.5",
     {BASE, {'v', AIROI_DIMENSION_EFFICIENCY, 0, "v"}, {'i', AIROI_ITEM_AMOUNT, 10, NULL},
      {'i', AIROI_ITEM_REALIZATION, 1.5, NULL}}},
    {"risk-adjustment-negative",
     {BASE, {'c', AIROI_CATEGORY_PEOPLE, 0, "Build"}, {'i', AIROI_ITEM_AMOUNT, 350, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'i', AIROI_ITEM_RISK_ADJUSTMENT, -0.2, NULL}}},
    {"to-before-from",
     {BASE, {'c', AIROI_CATEGORY_MAINTENANCE, 0, "Ops"}, {'i', AIROI_ITEM_AMOUNT, 10, NULL},
      {'i', AIROI_ITEM_FROM, 3, NULL}, {'i', AIROI_ITEM_TO, 2, NULL}, VALIDATE}},
    {"to-outside-horizon",
     {BASE, {'c', AIROI_CATEGORY_MAINTENANCE, 0, "Ops"}, {'i', AIROI_ITEM_AMOUNT, 10, NULL},
      {'i', AIROI_ITEM_TO, 9, NULL}, VALIDATE}},
    {"unit-zero", {BASE, {'p', AIROI_PROJECT_UNIT, 0, NULL}}},
    {"unknown-category", {BASE, {'r', R_CATEGORY, 0, "peple"}}},
    {"unknown-curve", {BASE, {'r', R_CURVE, 0, "exponential"}}},
    {"unknown-dimension", {BASE, {'r', R_DIMENSION, 0, "happiness"}}},
    {"unknown-stage", {BASE, {'r', R_STAGE, 0, "pilot"}}},
    {"unknown-use-case", {BASE, {'s', AIROI_PROJECT_USE_CASE, 0, "time_travel"}}},
    {"bad-payment", {BASE, {'r', R_PAYMENT, 0, "upfront"}}},
    {"lump-on-once",
     {BASE, {'p', AIROI_PROJECT_PERIOD, AIROI_PERIOD_MONTH, NULL},
      {'c', AIROI_CATEGORY_INTEGRATION, 0, "Set-up"}, {'i', AIROI_ITEM_AMOUNT, 5000, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'i', AIROI_ITEM_AT, 1, NULL},
      {'i', AIROI_ITEM_PAYMENT, AIROI_PAYMENT_LUMP, NULL}, VALIDATE}},
    {"lump-not-longer",
     {BASE, {'p', AIROI_PROJECT_PERIOD, AIROI_PERIOD_QUARTER, NULL},
      {'c', AIROI_CATEGORY_MAINTENANCE, 0, "Support"}, {'i', AIROI_ITEM_AMOUNT, 3000, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_QUARTER, NULL},
      {'i', AIROI_ITEM_PAYMENT, AIROI_PAYMENT_LUMP, NULL}, VALIDATE}},
    /* capex, tax and terminal value (docs/model-format.md#capex-and-tax) */
    {"capex-without-life",
     {BASE, {'c', AIROI_CATEGORY_INFRASTRUCTURE, 0, "Servers"}, {'i', AIROI_ITEM_AMOUNT, 600, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'i', AIROI_ITEM_CAPEX, 1, NULL}, VALIDATE}},
    {"capex-life-fractional",
     {BASE, {'c', AIROI_CATEGORY_INFRASTRUCTURE, 0, "Servers"}, {'i', AIROI_ITEM_AMOUNT, 600, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'i', AIROI_ITEM_CAPEX, 1, NULL},
      {'i', AIROI_ITEM_LIFE, 2.5, NULL}, VALIDATE}},
    {"life-without-capex",
     {BASE, {'c', AIROI_CATEGORY_INFRASTRUCTURE, 0, "Servers"}, {'i', AIROI_ITEM_AMOUNT, 600, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'i', AIROI_ITEM_LIFE, 3, NULL}, VALIDATE}},
    {"terminal-growth-above-rate",
     {BASE, {'p', AIROI_PROJECT_TERMINAL_METHOD, AIROI_TERMINAL_GORDON, NULL},
      {'p', AIROI_PROJECT_TERMINAL_GROWTH, 0.1, NULL}, VALIDATE}},
    {"tax-rate-negative", {BASE, {'p', AIROI_PROJECT_TAX_RATE, -0.1, NULL}}},
    {"unknown-multiplier-target",
     {BASE, {'c', AIROI_CATEGORY_PEOPLE, 0, "Build"}, {'i', AIROI_ITEM_AMOUNT, 350, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'S', 0, 1, "base"}, {'m', 0, 1.2, "Bulid"},
      VALIDATE}},    /* the uncertain half: the model of tests/data/invalid/uncertainty-*.yaml */
    {"correlation-ambiguous-input",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'u', AIROI_DIST_FIXED, 0, "Savings"},
      {'u', AIROI_DIST_FIXED, 0, "Build"}, {'k', 0, 0.5, "Savings|Build"}, VALIDATE}},
    {"correlation-pair-twice",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'u', AIROI_DIST_FIXED, 0, "Build"},
      {'k', 0, 0.5, "Savings|Build"}, {'k', 0, 0.3, "Build|Savings"}, VALIDATE}},
    {"correlation-rank-outside",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'u', AIROI_DIST_FIXED, 0, "Build"},
      {'k', 0, 1.5, "Savings|Build"}}},
    {"correlation-unknown-input",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'k', 0, 0.5, "Savings|Build"}, VALIDATE}},
    {"correlation-with-itself",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'k', 0, 0.5, "Savings|Savings"}}},
    {"simulation-tail-outside", {UBASE, {'q', AIROI_SIM_TAIL, 1, NULL}}},
    {"simulation-trials-zero", {UBASE, {'q', AIROI_SIM_TRIALS, 0, NULL}}},
    {"simulation-unknown-output", {UBASE, {'r', R_OUTPUT, 0, "mirr"}}},
    {"simulation-unknown-sampling", {UBASE, {'r', R_SAMPLING, 0, "latin"}}},
    {"stage-name-twice",
     {UBASE, {'g', 1, 50, "poc|0.6"}, {'g', 1, 120, "poc|0.7"}, VALIDATE}},
    {"stage-negative-cost", {UBASE, {'g', 1, -50, "poc|0.6"}}},
    {"stage-periods-fraction",
     {UBASE, {'g', 1, 50, "poc|0.6"}, {'G', AIROI_STAGE_PERIODS, 1.5, NULL}}},
    {"stage-periods-limit",
     {UBASE, {'g', 9000, 50, "poc|0.6"}, {'g', 1000, 120, "mvp|0.7"}, VALIDATE}},
    {"stage-probability-outside", {UBASE, {'g', 1, 50, "poc|60"}}},
    {"uncertainty-discrete-probability",
     {UBASE, {'u', AIROI_DIST_DISCRETE, 0, "Savings"}, {'d', 0, 0, "0.8,1.2|1.5,-0.5"}}},
    {"uncertainty-discrete-sum",
     {UBASE, {'u', AIROI_DIST_DISCRETE, 0, "Savings"}, {'d', 0, 0, "0.8,1,1.2|0.2,0.5,0.2"},
      VALIDATE}},
    {"uncertainty-lognormal-both-forms",
     {UBASE, {'u', AIROI_DIST_LOGNORMAL, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_MEAN, 1, NULL},
      {'U', AIROI_UNCERTAINTY_SD, 0.2, NULL}, {'U', AIROI_UNCERTAINTY_MU, 0, NULL},
      {'U', AIROI_UNCERTAINTY_SIGMA, 0.2, NULL}, VALIDATE}},
    {"uncertainty-lognormal-mean",
     {UBASE, {'u', AIROI_DIST_LOGNORMAL, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_MEAN, 0, NULL},
      {'U', AIROI_UNCERTAINTY_SD, 0.2, NULL}, VALIDATE}},
    {"uncertainty-low-above-high",
     {UBASE, {'u', AIROI_DIST_TRIANGULAR, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_LOW, 1.2, NULL},
      {'U', AIROI_UNCERTAINTY_MODE, 1, NULL}, {'U', AIROI_UNCERTAINTY_HIGH, 0.7, NULL},
      VALIDATE}},
    {"uncertainty-min-above-max",
     {UBASE, {'u', AIROI_DIST_NORMAL, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_MEAN, 1, NULL},
      {'U', AIROI_UNCERTAINTY_SD, 0.1, NULL}, {'U', AIROI_UNCERTAINTY_MIN, 1.2, NULL},
      {'U', AIROI_UNCERTAINTY_MAX, 0.8, NULL}, VALIDATE}},
    {"uncertainty-missing-parameter",
     {UBASE, {'u', AIROI_DIST_NORMAL, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_MEAN, 1, NULL},
      VALIDATE}},
    {"uncertainty-mode-outside",
     {UBASE, {'u', AIROI_DIST_PERT, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_LOW, 0.7, NULL},
      {'U', AIROI_UNCERTAINTY_MODE, 1.4, NULL}, {'U', AIROI_UNCERTAINTY_HIGH, 1.2, NULL},
      VALIDATE}},
    {"uncertainty-name-twice",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'N', 0, 0, "gain"},
      {'u', AIROI_DIST_FIXED, 0, "values"}, {'N', 0, 0, "gain"}, VALIDATE}},
    {"uncertainty-p-outside",
     {UBASE, {'u', AIROI_DIST_BERNOULLI, 0, "Build"}, {'U', AIROI_UNCERTAINTY_P, 1.2, NULL}}},
    {"uncertainty-sd-negative",
     {UBASE, {'u', AIROI_DIST_NORMAL, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_SD, -0.1, NULL}}},
    {"uncertainty-shape-zero",
     {UBASE, {'u', AIROI_DIST_PERT, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_SHAPE, 0, NULL}}},
    {"uncertainty-sigma-negative",
     {UBASE, {'u', AIROI_DIST_LOGNORMAL, 0, "Savings"},
      {'U', AIROI_UNCERTAINTY_SIGMA, -0.2, NULL}}},
    {"uncertainty-truncation-empty",
     {UBASE, {'u', AIROI_DIST_UNIFORM, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_LOW, 0.8, NULL},
      {'U', AIROI_UNCERTAINTY_HIGH, 1.2, NULL}, {'U', AIROI_UNCERTAINTY_MIN, 1.5, NULL},
      VALIDATE}},
    {"uncertainty-unknown-distribution", {UBASE, {'r', R_DISTRIBUTION, 0, "gamma"}}},
    {"uncertainty-driver-empty", {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'D', 0, 0, ""}}},
    {"uncertainty-driver-too-long",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'D', AIROI_NAME_MAX + 1, 0, NULL}}},
    {"uncertainty-unknown-target",
     {UBASE, {'u', AIROI_DIST_PERT, 0, "Savngs"}, {'U', AIROI_UNCERTAINTY_LOW, 0.7, NULL},
      {'U', AIROI_UNCERTAINTY_MODE, 1, NULL}, {'U', AIROI_UNCERTAINTY_HIGH, 1.2, NULL},
      VALIDATE}},
    /* tracking: actuals, the as_of setting, indicators and stage criteria */
    {"tracking-actual-unknown-item", {TBASE, {'A', 1, 5, "B"}}},
    {"tracking-actual-period-outside", {TBASE, {'A', 3, 5, "A"}}},
    {"tracking-as-of-outside",
     {TBASE, {'A', 1, 5, "A"}, {'O', AIROI_TRACKING_PARAM_AS_OF, 5, NULL}}},
    {"tracking-threshold-wrong-side",
     {TBASE, {'W', AIROI_DIRECTION_UP, 0.6, "adoption"},
      {'w', AIROI_INDICATOR_AT_RISK, 0.7, "adoption"}}},
    {"tracking-indicator-name-twice",
     {TBASE, {'W', AIROI_DIRECTION_UP, 0.6, "adoption"},
      {'w', AIROI_INDICATOR_AT_RISK, 0.45, "adoption"},
      {'W', AIROI_DIRECTION_UP, 0.5, "adoption"}}},
    {"tracking-criterion-unknown-indicator",
     {TBASE, {'W', AIROI_DIRECTION_UP, 0.6, "adoption"},
      {'w', AIROI_INDICATOR_AT_RISK, 0.45, "adoption"}, {'g', 1, 1, "poc|0.5"},
      {'C', AIROI_CRITERION_AT_LEAST, 0.3, "adoptoin"}}},
    {"uncertainty-unused-parameter",
     {UBASE, {'u', AIROI_DIST_UNIFORM, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_LOW, 0.7, NULL},
      {'U', AIROI_UNCERTAINTY_HIGH, 1.2, NULL}, {'U', AIROI_UNCERTAINTY_MODE, 1, NULL}}},
};

/* Expressible, but the C API accepts them: pinned here so that a change of
 * verdict is seen (and this list shrinks). */
static const ccase c_corpus_accepted[] = {
    /* the C API has no adoption mapping: periods and ceiling set without a
     * curve leave the curve none, which has no ramp */
    {"adoption-no-curve",
     {BASE, {'v', AIROI_DIMENSION_REVENUE, 0, "v"}, {'i', AIROI_ITEM_AMOUNT, 10, NULL},
      {'i', AIROI_ITEM_ADOPTION_PERIODS, 2, NULL}, {'i', AIROI_ITEM_ADOPTION_CEILING, 0.8, NULL},
      VALIDATE}},
    /* at is kept on a recurring amount, from on a one-time amount, and not
     * used (the saver leaves them out) */
    {"at-on-recurring",
     {BASE, {'c', AIROI_CATEGORY_DATA, 0, "A"}, {'i', AIROI_ITEM_AMOUNT, 1, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_YEAR, NULL}, {'i', AIROI_ITEM_AT, 1, NULL}, VALIDATE}},
    {"from-on-once",
     {BASE, {'c', AIROI_CATEGORY_DATA, 0, "A"}, {'i', AIROI_ITEM_AMOUNT, 1, NULL},
      {'i', AIROI_ITEM_PER, AIROI_PER_ONCE, NULL}, {'i', AIROI_ITEM_FROM, 1, NULL}, VALIDATE}},
    /* airoi_item_set_amounts() with 0 amounts clears the list */
    {"amounts-empty",
     {BASE, {'v', AIROI_DIMENSION_REVENUE, 0, "v"}, {'l', 0, 0, NULL}, VALIDATE}},
    /* each setter replaces the amount's form: the last one given wins */
    {"amount-and-quantity",
     {BASE, {'c', AIROI_CATEGORY_SOFTWARE, 0, "API"}, {'i', AIROI_ITEM_AMOUNT, 100, NULL},
      {'i', AIROI_ITEM_QUANTITY, 1000, NULL}, {'i', AIROI_ITEM_UNIT_AMOUNT, 0.002, NULL},
      VALIDATE}},
    /* 'period' names AIROI_PER_PERIOD, the default frequency (the project's
     * period), which a file gives by leaving per out */
    {"per-period-spelling",
     {BASE, {'c', AIROI_CATEGORY_SOFTWARE, 0, "API"}, {'i', AIROI_ITEM_AMOUNT, 2000, NULL},
      {'r', R_PER, 0, "period"}, {'i', AIROI_ITEM_PER, AIROI_PER_PERIOD, NULL}, VALIDATE}},
    /* true is 1: a C double cannot tell `1` from `true` */
    {"number-for-bool",
     {BASE, {'v', AIROI_DIMENSION_STRATEGIC, 0, "v"}, {'i', AIROI_ITEM_AMOUNT, 10, NULL},
      {'i', AIROI_ITEM_MONETIZED, 1, NULL}, VALIDATE}},    {"uncertainty-per-period-not-bool",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_PER_PERIOD, 1, NULL},
      VALIDATE}},
    /* the matrix check and the compiled laws belong to the simulation layer,
     * which the loader reads and airoi_project_validate() does not
     * (airoi_model_validate() does: test-uncertainty.c) */
    /* the setter cannot know the stage plan's length (stages may come
     * later); airoi_project_track() refuses the period */
    {"tracking-indicator-period-outside",
     {TBASE, {'W', AIROI_DIRECTION_UP, 0.6, "adoption"},
      {'w', AIROI_INDICATOR_AT_RISK, 0.45, "adoption"}, {'X', 9, 0.3, "adoption"}, VALIDATE}},
    {"correlation-not-psd",
     {UBASE, {'u', AIROI_DIST_FIXED, 0, "Savings"}, {'N', 0, 0, "adoption"},
      {'u', AIROI_DIST_FIXED, 0, "Build"}, {'N', 0, 0, "build"},
      {'u', AIROI_DIST_FIXED, 0, "values"}, {'N', 0, 0, "demand"},
      {'k', 0, 0.9, "adoption|build"}, {'k', 0, 0.9, "build|demand"},
      {'k', 0, -0.9, "adoption|demand"}, VALIDATE}},
    {"uncertainty-truncation-far-tail",
     {UBASE, {'u', AIROI_DIST_NORMAL, 0, "Savings"}, {'U', AIROI_UNCERTAINTY_MEAN, 1, NULL},
      {'U', AIROI_UNCERTAINTY_SD, 0.01, NULL}, {'U', AIROI_UNCERTAINTY_MIN, 2, NULL}, VALIDATE}},
};

#define NO_FILE_LEVEL "the file's YAML (syntax, aliases, tags, documents, encoding); C passes values"
static const struct {
    const char *name, *why;
} c_corpus_not_expressible[] = {
    {"alias-bomb", NO_FILE_LEVEL},
    {"comments-only", "an empty file; a C program always has a project handle"},
    {"deep-nesting", NO_FILE_LEVEL},
    {"duplicate-key", "a key given twice in one mapping; a setter called twice replaces"},
    {"duplicate-key-fx", "a key given twice in one mapping; a setter called twice replaces"},
    {"empty", "an empty file; a C program always has a project handle"},
    {"mapping-for-scalar", "a YAML mapping where a string goes; a C argument has its type"},
    {"mapping-for-sequence", "a YAML mapping where a list goes; a C argument has its type"},
    {"uncertainty-driver-mapping", "a YAML mapping where a string goes; a C argument has its type"},
    {"missing-project", "a C program always has a project handle"},
    {"missing-version", "the format version belongs to the file"},
    {"multiple-documents", NO_FILE_LEVEL},
    {"non-scalar-key", NO_FILE_LEVEL},
    {"non-utf8", NO_FILE_LEVEL},
    {"not-a-mapping", NO_FILE_LEVEL},
    {"nul-byte", NO_FILE_LEVEL},
    {"recursive-alias", NO_FILE_LEVEL},
    {"scalar-document", NO_FILE_LEVEL},
    {"sequence-for-mapping", "a YAML sequence where a mapping goes; a C argument has its type"},
    {"syntax-bad-indent", NO_FILE_LEVEL},
    {"syntax-tab-indent", NO_FILE_LEVEL},
    {"syntax-unclosed-flow", NO_FILE_LEVEL},
    {"syntax-unclosed-quote", NO_FILE_LEVEL},
    {"undefined-alias", NO_FILE_LEVEL},
    {"unknown-key-top", "a top-level key of the file"},
    {"unsupported-tag", NO_FILE_LEVEL},
    {"utf16", NO_FILE_LEVEL},
    {"version-2", "the format version belongs to the file"},
    {"version-quoted", "the format version belongs to the file"},
    {"unknown-key-item", "a parameter is an enumeration constant; there is no key to misspell"},
    {"depreciation-unknown", "a depreciation method is an enumeration constant (no name reader "
                             "in the API); there is no name to misspell"},
    {"terminal-wrong-parameter", "growth and multiple are two parameters of the project; the "
                                 "method picks the one used, a setter cannot give the other "
                                 "to the wrong method"},
    {"unknown-key-project", "a parameter is an enumeration constant; there is no key to misspell"},
    {"missing-item-name", "the name is an argument of airoi_project_add_cost()"},
    {"missing-probability", "the probability is an argument of airoi_project_add_scenario()"},
    {"null-name", "a YAML null where a name goes; C refuses a NULL name as a NULL argument"},
    {"string-for-number", "a string where a number goes; a C double cannot hold one"},
    {"quoted-number", "a string where a number goes; a C double cannot hold one"},
    {"bool-for-number", "a boolean where a number goes; a C double cannot tell"},
    {"amounts-not-numbers", "a string in a list of amounts; a C double array cannot hold one"},
    {"huge-number", "1e400 does not fit a double: a C program holds infinity (inf-literal)"},
    {"bad-date", "the start is a day number (dates.h); a text date is the converter's, in its "
                 "own words (airoi_date_from_iso)"},
    {"bad-date-format", "the start is a day number (dates.h); a text date is the converter's, in "
                        "its own words (airoi_date_from_iso)"},    {"correlation-between-one", "the two uncertainties are two arguments of "
                                "airoi_project_add_correlation()"},
    {"simulation-unknown-key", "a parameter is an enumeration constant; there is no key to misspell"},
    {"uncertainty-discrete-lengths", "values and probabilities share one count in "
                                     "airoi_uncertainty_set_discrete()"},
    {"uncertainty-missing-target", "the target is an argument of airoi_project_add_uncertainty()"},
    {"tracking-wrong-direction-key", "the direction and the status of a threshold are "
                                     "enumeration constants; there is no key to misspell"},
    {"tracking-criterion-both-thresholds", "the kind of a criterion is one enumeration "
                                           "constant; it cannot be both"},
};

/* The loader's spelling of a value, and the C API's (a double). */
static const struct {
    const char *name, *file, *c;
} c_corpus_spellings[] = {
    {"inf-literal", "'.inf'", "infinity"},
    {"negative-inf-literal", "'-.Inf'", "-infinity"},
    {"nan-literal", "'.nan'", "NaN"},
    /* the loader's words for an empty driver, and the setter's */
    {"uncertainty-driver-empty", "expected a non-empty name", "empty string"},
    {"uncertainty-driver-too-long", "the string is 4097 bytes long; at most 4096 are allowed",
     "4097 bytes, longer than the limit of 4096"},
    /* AIROI_PER_PERIOD has a name too (see per-period-spelling) */
    {"bad-per", "once, month, quarter, year;", "once, month, quarter, year, period;"},
};

static airoi_sim_options *corpus_options; /* of the case being run, or NULL */

/* Runs one step on *p (the last item, scenario and uncertainty in *it, *sc and *un). */
static int corpus_step(airoi_project **p, airoi_item **it, airoi_scenario **sc,
                       airoi_uncertainty **un, const cstep *s)
{
    double list[16];
    switch (s->op) {
    case 'P': return airoi_project_new(p, s->s);
    case 'p': return airoi_project_set_number(*p, s->param, s->v);
    case 's': return airoi_project_set_string(*p, s->param, s->s);
    case 'x': return airoi_project_set_fx(*p, s->s, s->v);
    case 'c': return airoi_project_add_cost(it, *p, s->s, s->param);
    case 'v': return airoi_project_add_value(it, *p, s->s, s->param);
    case 'i': return airoi_item_set_number(*it, s->param, s->v);
    case 'I': return airoi_item_set_string(*it, s->param, s->s);
    case 'l': /* the amounts 1, 2, ..., v */
        for (int k = 0; k < (int)s->v && k < 16; k++)
            list[k] = k + 1;
        return airoi_item_set_amounts(*it, list, (size_t)s->v);
    case 'S': return airoi_project_add_scenario(sc, *p, s->s, s->v);
    case 'n': return airoi_scenario_set_number(*sc, s->param, s->v);
    case 'm': return airoi_scenario_add_multiplier(*sc, s->s, s->v);
    case 'u': return airoi_project_add_uncertainty(un, *p, s->s, (airoi_distribution)s->param);
    case 'U': return airoi_uncertainty_set_number(*un, (airoi_uncertainty_param)s->param, s->v);
    case 'N': return airoi_uncertainty_set_string(*un, AIROI_UNCERTAINTY_NAME, s->s);
    case 'D': { /* the driver s, or with param > 0 a name of param bytes */
        if (s->param <= 0)
            return airoi_uncertainty_set_string(*un, AIROI_UNCERTAINTY_DRIVER, s->s);
        char *name = malloc((size_t)s->param + 1);
        ck_assert_ptr_nonnull(name);
        memset(name, 'v', (size_t)s->param);
        name[s->param] = '\0';
        int rc = airoi_uncertainty_set_string(*un, AIROI_UNCERTAINTY_DRIVER, name);
        free(name);
        return rc;
    }
    case 'd': { /* "v1,v2,...|p1,p2,..." */
        double pr[16];
        size_t nv = 0, np = 0;
        const char *c = s->s;
        char *end;
        while (*c && *c != '|' && nv < 16) {
            list[nv++] = strtod(c, &end);
            c = *end == ',' ? end + 1 : end;
        }
        c = *c == '|' ? c + 1 : c;
        while (*c && np < 16) {
            pr[np++] = strtod(c, &end);
            c = *end == ',' ? end + 1 : end;
        }
        ck_assert_uint_eq(nv, np);
        return airoi_uncertainty_set_discrete(*un, list, pr, nv);
    }
    case 'k': { /* "a|b" */
        char a[64];
        const char *bar = strchr(s->s, '|');
        ck_assert_ptr_nonnull(bar);
        FMT(a, "%.*s", (int)(bar - s->s), s->s);
        return airoi_project_add_correlation(*p, a, bar + 1, s->v);
    }
    case 'g': { /* "name|success_probability", periods in param, cost in v */
        char name[64];
        const char *bar = strchr(s->s, '|');
        ck_assert_ptr_nonnull(bar);
        FMT(name, "%.*s", (int)(bar - s->s), s->s);
        return airoi_project_add_stage(*p, name, s->v, s->param, strtod(bar + 1, NULL));
    }
    case 'G':
        return airoi_project_set_stage_number(*p, airoi_project_count_stages(*p) - 1,
                                              (airoi_stage_param)s->param, s->v);
    case 'q': { /* a simulation setting (the options live until corpus_run() ends,
                 * so that no call clears the message of a failure) */
        if (!corpus_options)
            ck_assert_int_eq(airoi_sim_options_new(&corpus_options), AIROI_OK);
        int rc = airoi_sim_options_set_number(corpus_options, (airoi_sim_param)s->param, s->v);
        return rc ? rc : airoi_project_set_sim_options(*p, corpus_options);
    }
    case 'A': return airoi_project_add_actual(*p, s->param, s->s, s->v);
    case 'W':
        return airoi_project_add_indicator(*p, s->s, (airoi_indicator_direction)s->param, s->v);
    case 'w':
        return airoi_project_set_indicator_threshold(*p, s->s, (airoi_indicator_status)s->param,
                                                     s->v);
    case 'X': return airoi_project_add_indicator_value(*p, s->s, s->param, s->v);
    case 'C':
        return airoi_project_add_criterion(*p, 0, s->s, (airoi_criterion_kind)s->param, s->v, 1);
    case 'O': return airoi_project_set_tracking(*p, (airoi_tracking_param)s->param, s->v);
    case 'V': return airoi_project_validate(*p);
    case 'r': return read_name(s->param, s->s);
    default: ck_abort_msg("unknown step '%c'", s->op);
    }
    return AIROI_OK;
}

/* Runs a case's steps up to the first failure: its status, and the message in msg. */
static int corpus_run(const ccase *c, char *msg, size_t cap)
{
    airoi_project *p = NULL;
    airoi_item *it = NULL;
    airoi_scenario *sc = NULL;
    airoi_uncertainty *un = NULL;
    int rc = AIROI_OK;
    msg[0] = '\0';
    for (size_t k = 0; k < sizeof c->steps / sizeof c->steps[0] && c->steps[k].op; k++) {
        rc = corpus_step(&p, &it, &sc, &un, &c->steps[k]);
        if (rc != AIROI_OK) {
            snprintf(msg, cap, "%s", airoi_last_error_message());
            break;
        }
    }
    airoi_sim_options_free(corpus_options);
    corpus_options = NULL;
    airoi_project_free(p);
    return rc;
}

/* The loader's status for NAME.yaml, and the message of the diagnostic its
 * .expected names, without the path ("costs[0].growth: " and " (first used
 * at line N)" left out). */
static int corpus_loader_why(const char *name, char *why, size_t cap)
{
    char path[1024], epath[1024];
    FMT(path, "%s/invalid/%s.yaml", data_dir(), name);
    FMT(epath, "%s/invalid/%s.expected", data_dir(), name);
    char *exp = read_text(epath, NULL);
    ck_assert_msg(exp != NULL, "%s: missing", epath);
    char word[16] = "";
    int line = -1, col = -1, used = 0;
    ck_assert_int_eq(sscanf(exp, "%15s %d:%d: %n", word, &line, &col, &used), 3);
    char *want = exp + used;
    want[strcspn(want, "\n")] = '\0';
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_file(&p, &d, path, 0);
    ck_assert_int_ne(rc, AIROI_OK);
    why[0] = '\0';
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        int32_t l = 0, c = 0;
        const char *msg = NULL;
        ck_assert_int_eq(airoi_diagnostics_get(NULL, &l, &c, &msg, d, i), AIROI_OK);
        const char *rest = strstr(msg, ": ");
        if (l == line && c == col && strstr(msg, want) && rest) {
            snprintf(why, cap, "%s", rest + 2);
            char *tail = strstr(why, " (first used at line ");
            if (tail)
                *tail = '\0';
            break;
        }
    }
    ck_assert_msg(why[0] != '\0', "%s: no loader diagnostic at %d:%d", name, line, col);
    airoi_diagnostics_free(d);
    free(exp);
    return rc;
}

/* s with the first `from` replaced by `to`. */
static void replace_once(char *s, size_t cap, const char *from, const char *to)
{
    char *at = strstr(s, from);
    if (!at)
        return;
    char rest[1024];
    snprintf(rest, sizeof rest, "%s", at + strlen(from));
    snprintf(at, cap - (size_t)(at - s), "%s%s", to, rest);
}

static int corpus_listed(const char *name)
{
    int n = 0;
    for (size_t i = 0; i < sizeof c_corpus / sizeof c_corpus[0]; i++)
        n += !strcmp(c_corpus[i].name, name);
    for (size_t i = 0; i < sizeof c_corpus_accepted / sizeof c_corpus_accepted[0]; i++)
        n += !strcmp(c_corpus_accepted[i].name, name);
    for (size_t i = 0; i < sizeof c_corpus_not_expressible / sizeof c_corpus_not_expressible[0];
         i++)
        n += !strcmp(c_corpus_not_expressible[i].name, name);
    return n;
}

START_TEST(test_invalid_corpus_c_setters)
{
    /* every corpus file is in exactly one list */
    char dir[1024];
    FMT(dir, "%s/invalid", data_dir());
    DIR *dp = opendir(dir);
    ck_assert_ptr_nonnull(dp);
    struct dirent *de;
    size_t files = 0;
    while ((de = readdir(dp)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
            continue;
        char name[256];
        FMT(name, "%.*s", (int)(l - 5), de->d_name);
        ck_assert_msg(corpus_listed(name) == 1, "%s: in %d lists of the C corpus test (want 1)",
                      name, corpus_listed(name));
        files++;
    }
    closedir(dp);
    ck_assert_uint_eq(files, sizeof c_corpus / sizeof c_corpus[0] +
                                 sizeof c_corpus_accepted / sizeof c_corpus_accepted[0] +
                                 sizeof c_corpus_not_expressible /
                                     sizeof c_corpus_not_expressible[0]);

    for (size_t i = 0; i < sizeof c_corpus / sizeof c_corpus[0]; i++) {
        const ccase *c = &c_corpus[i];
        char why[1024], got[1024], tail[1030];
        int loaded = corpus_loader_why(c->name, why, sizeof why);
        for (size_t k = 0; k < sizeof c_corpus_spellings / sizeof c_corpus_spellings[0]; k++)
            if (!strcmp(c_corpus_spellings[k].name, c->name))
                replace_once(why, sizeof why, c_corpus_spellings[k].file, c_corpus_spellings[k].c);
        int rc = corpus_run(c, got, sizeof got);
        ck_assert_msg(rc != AIROI_OK, "%s: the C API accepts it", c->name);
        ck_assert_msg((rc == AIROI_ERR_LIMIT) == (loaded == AIROI_ERR_LIMIT),
                      "%s: status %d, the loader's %d", c->name, rc, loaded);
        FMT(tail, ": %s", why);
        size_t n = strlen(got), m = strlen(tail);
        ck_assert_msg(n >= m && !strcmp(got + n - m, tail), "%s:\n  C:      %s\n  loader: ...%s",
                      c->name, got, tail);
    }
    for (size_t i = 0; i < sizeof c_corpus_accepted / sizeof c_corpus_accepted[0]; i++) {
        char got[1024];
        ck_assert_msg(corpus_run(&c_corpus_accepted[i], got, sizeof got) == AIROI_OK,
                      "%s: the C API refuses it now (%s): move it to c_corpus",
                      c_corpus_accepted[i].name, got);
    }
}
END_TEST

/* ---- merge keys ---------------------------------------------------------------------- */

/* Regression: `- <<: *base` was refused as "unknown key '<<'" with a
 * misleading "missing required key 'category'". */
START_TEST(test_merge_keys)
{
    static const char text[] = "airoi: 1\n"
                               "project: {name: M, horizon: 2}\n"
                               "costs:\n"
                               "  - &base\n"
                               "    name: Build\n"
                               "    category: people\n"
                               "    amount: 100\n"
                               "  - <<: *base\n"
                               "    name: Build2\n"
                               "  - <<: [{name: X, amount: 5}, *base]\n"
                               "    name: Build3\n"
                               "    category: data\n"
                               "  - {<<: {category: software, amount: 7}, name: Inline}\n";
    airoi_project *p = load_ok(text);
    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_COST), 4);
    const airoi_item *c = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 1);
    ck_assert_str_eq(airoi_item_get_string(c, AIROI_ITEM_NAME), "Build2");
    ck_assert_double_eq(cnum(c, AIROI_ITEM_CATEGORY), AIROI_CATEGORY_PEOPLE);
    ck_assert_double_eq(cnum(c, AIROI_ITEM_AMOUNT), 100);
    c = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 2); /* explicit keys win, then the first mapping */
    ck_assert_str_eq(airoi_item_get_string(c, AIROI_ITEM_NAME), "Build3");
    ck_assert_double_eq(cnum(c, AIROI_ITEM_CATEGORY), AIROI_CATEGORY_DATA);
    ck_assert_double_eq(cnum(c, AIROI_ITEM_AMOUNT), 5);
    c = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 3);
    ck_assert_double_eq(cnum(c, AIROI_ITEM_CATEGORY), AIROI_CATEGORY_SOFTWARE);
    ck_assert_double_eq(cnum(c, AIROI_ITEM_AMOUNT), 7);
    airoi_project_free(p);
}
END_TEST

START_TEST(test_merge_key_errors)
{
    /* a merged value keeps its own position: the unknown key is shown where
     * it is written (values[0], line 6), not at the item that merges it */
    airoi_diagnostics *d = load_fail("airoi: 1\n"
                                     "project: {name: M, horizon: 2}\n"
                                     "values:\n"
                                     "  - &v\n"
                                     "    name: Saved\n"
                                     "    dimension: efficiency\n"
                                     "    amount: 10\n"
                                     "costs:\n"
                                     "  - <<: *v\n"
                                     "    name: Run\n"
                                     "    category: software\n",
                                     AIROI_ERR_PARSE);
    ck_assert(has_diag(d, 6, 5, "costs[0]: unknown key 'dimension'"));
    ck_assert(!has_diag(d, 0, 0, "'<<'; expected"));
    ck_assert(!has_diag(d, 0, 0, "missing required key"));
    airoi_diagnostics_free(d);
    /* not a mapping; twice in one mapping; a quoted '<<' is an ordinary key */
    d = load_fail("airoi: 1\n"
                  "project: {name: M, horizon: 2}\n"
                  "costs:\n"
                  "  - {<<: 5, name: A, category: data, amount: 1}\n"
                  "  - {<<: [{amount: 1}, [2]], name: B, category: data}\n"
                  "  - {<<: {amount: 1}, <<: {per: once}, name: C, category: data}\n"
                  "  - {'<<': {amount: 1}, name: D, category: data, amount: 2}\n",
                  AIROI_ERR_PARSE);
    ck_assert(has_diag(d, 4, 10, "merge key '<<': expected an alias to a mapping"));
    ck_assert(has_diag(d, 5, 24, "merge key '<<': expected an alias to a mapping"));
    ck_assert(has_diag(d, 6, 23, "merge key '<<': duplicate key (first given at line 6"));
    ck_assert(has_diag(d, 7, 6, "costs[3]: unknown key '<<'"));
    airoi_diagnostics_free(d);
    /* the same mapping merged twice is merged once: its bad key is reported once */
    d = load_fail("airoi: 1\n"
                  "project: {name: M, horizon: 2}\n"
                  "base: &x {? [1, 2] : 3}\n"
                  "costs:\n"
                  "  - {<<: [*x, *x], name: B, category: data, amount: 1}\n",
                  AIROI_ERR_PARSE);
    size_t seq_keys = 0;
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        const char *msg = NULL;
        airoi_diagnostics_get(NULL, NULL, NULL, &msg, d, i);
        if (strstr(msg, "expected a key (a string)"))
            seq_keys++;
    }
    ck_assert_uint_eq(seq_keys, 1);
    airoi_diagnostics_free(d);
}
END_TEST

/* A host (Excel, Python, a GUI) may run with a locale whose decimal point is
 * ','. Model files and reports are locale-independent all the same. CI
 * generates de_DE.UTF-8 (.ci/run); elsewhere the test needs some comma locale
 * and says so when there is none. */
START_TEST(test_comma_locale)
{
    static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
                                        "fr_FR.utf8", "nl_NL.UTF-8", "it_IT.UTF-8"};
    const char *used = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !used; i++)
        if (setlocale(LC_NUMERIC, names[i])) {
            char t[8];
            snprintf(t, sizeof t, "%.1f", 0.5);
            if (t[1] == ',')
                used = names[i];
        }
    if (!used) {
        setlocale(LC_NUMERIC, "C");
        if (getenv("CI"))
            ck_abort_msg("no locale with a decimal comma (.ci/run generates de_DE.UTF-8)");
        fprintf(stderr, "test_comma_locale: no locale with a decimal comma here; not run\n");
        return;
    }
    airoi_project *p = load_ok("airoi: 1\n"
                               "project: {name: L, horizon: 2, discount_rate: 0.085}\n"
                               "costs: [{name: A, category: data, amount: 1234.5, per: once}]\n"
                               "values: [{name: V, dimension: revenue, amount: 1e3, growth: 0.25}]\n");
    double amount = 0, rate = 0;
    ck_assert_int_eq(airoi_item_get_number(&amount, airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_COST, 0),
                                                AIROI_ITEM_AMOUNT), AIROI_OK);
    ck_assert_double_eq(amount, 1234.5);
    ck_assert_int_eq(airoi_project_get_number(&rate, p, AIROI_PROJECT_DISCOUNT_RATE), AIROI_OK);
    ck_assert_double_eq(rate, 0.085);
    char *yaml = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&yaml, NULL, p, 0), AIROI_OK);
    ck_assert_ptr_nonnull(strstr(yaml, "1234.5"));
    ck_assert_ptr_nonnull(strstr(yaml, "0.085"));
    ck_assert_ptr_null(strstr(yaml, "1234,5"));
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    char *json = NULL;
    ck_assert_int_eq(airoi_report_write(&json, NULL, r, AIROI_REPORT_JSON, 0), AIROI_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"discount_rate\": 0.085"));
    ck_assert_ptr_null(strstr(json, "0,085"));
    setlocale(LC_NUMERIC, "C");
    airoi_free(json);
    airoi_free(yaml);
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* Merged mappings reached through aliases count against the alias limit. */
START_TEST(test_merge_alias_limit)
{
    airoi__buf b;
    airoi__buf_init(&b);
    airoi__buf_puts(&b, "airoi: 1\nproject: {name: M}\ncosts:\n"
                        "  - &a {name: A, category: data, amount: 1, amounts: [");
    for (int i = 0; i < 200; i++)
        airoi__buf_puts(&b, i ? ", 0" : "0");
    airoi__buf_puts(&b, "]}\n");
    for (int i = 0; i < 1000; i++)
        airoi__buf_printf(&b, "  - {<<: *a, name: c%d}\n", i);
    ck_assert(!b.failed);
    airoi_diagnostics *d = NULL;
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, b.data, b.len, "m.yaml", 0),
                     AIROI_ERR_LIMIT);
    ck_assert(has_diag(d, 0, 0, "aliases expand to more than"));
    airoi_diagnostics_free(d);
    airoi__buf_free(&b);
}
END_TEST

/* ---- sections of later versions ---------------------------------------------------------- */

static int32_t line_of(const char *text, const char *what)
{
    const char *at = strstr(text, what);
    ck_assert_ptr_nonnull(at);
    int32_t line = 1;
    for (const char *c = text; c < at; c++)
        line += *c == '\n';
    return line;
}

/* Regression: actuals were accepted unchecked and silently dropped on save;
 * now they are loaded and saved back, and a plausible mistake of the
 * tracking sections (an indicator without a threshold) is a warning while
 * the load still succeeds. */
START_TEST(test_later_sections_warn)
{
    airoi_project *p = (airoi_project *)1;
    airoi_diagnostics *d = NULL;
    /* a warning is not an error: the last error stays what it was (set on
     * failure only; an earlier test may have left one when not forked) */
    char before[512];
    snprintf(before, sizeof before, "%s", airoi_last_error_message());
    char text[4096];
    FMT(text, "%sindicators:\n  - {name: adoption, target: 0.6}\n", spec_sample);
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, text, strlen(text), "s.yaml", 0), AIROI_OK);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(airoi_last_error_message(), before);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 1);
    char want[256];
    FMT(want, "s.yaml:%d:5: warning: indicators[0]: indicator 'adoption' has no threshold "
              "(at_risk_below, off_track_below): every value reads on_track",
        (int)line_of(text, "\nindicators:") + 2);
    ck_assert_str_eq(airoi_diagnostics_get_text(d, 0), want);
    int st = -100;
    ck_assert_int_eq(airoi_diagnostics_get_status(&st, d, 0), AIROI_OK);
    ck_assert_int_eq(st, AIROI_OK); /* a warning */
    st = -100;
    ck_assert_int_eq(airoi_diagnostics_get_status(&st, d, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(st, -100);
    ck_assert_int_eq(airoi_diagnostics_get_status(NULL, d, 0), AIROI_ERR_INVALID);
    airoi_diagnostics_free(d);
    char *saved = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&saved, NULL, p, 0), AIROI_OK);
    ck_assert_ptr_nonnull(strstr(saved, "actuals:\n- {period: 1, item: Model API, amount: 30}"));
    ck_assert_ptr_nonnull(strstr(saved, "uncertainties"));
    airoi_free(saved);
    airoi_project_free(p);

    /* empty sections: no warning */
    p = load_ok("airoi: 1\nproject: {name: M}\nstages: []\nactuals:\n");
    airoi_project_free(p);

    /* the shape is checked */
    d = load_fail("airoi: 1\n"
                  "uncertainties: {target: x}\n"
                  "project: {name: M}\n"
                  "stages: [{name: poc, cost: 1, periods: 1}, 3]\n"
                  "actuals:\n"
                  "  - period: 1\n"
                  "  - [1, 2]\n"
                  "indicators: [{name: a, target: 1}]\n",
                  AIROI_ERR_PARSE);
    ck_assert(has_diag(d, 2, 16, "uncertainties: expected a sequence of uncertainties"));
    /* each diagnostic's status says what its text says: the shape errors
     * are AIROI_ERR_PARSE, the warning (an indicator without threshold) is 0 */
    size_t nerr = 0, nwarn = 0;
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        int es = 1;
        const char *msg = NULL;
        ck_assert_int_eq(airoi_diagnostics_get_status(&es, d, i), AIROI_OK);
        airoi_diagnostics_get(NULL, NULL, NULL, &msg, d, i);
        if (strncmp(msg, "warning: ", 9) == 0) {
            ck_assert_int_eq(es, AIROI_OK);
            nwarn++;
        } else {
            ck_assert_int_eq(es, AIROI_ERR_PARSE);
            ck_assert_uint_eq(nwarn, 0); /* errors come first */
            nerr++;
        }
    }
    ck_assert_uint_eq(nerr, 5);
    ck_assert_uint_ge(nwarn, 1);
    ck_assert(has_diag(d, 4, 44, "stages[1]: expected a mapping; got '3'"));
    ck_assert(has_diag(d, 7, 5, "actuals[1]: expected a mapping; got a sequence"));
    airoi_diagnostics_free(d);

    /* errors come before warnings, so the first diagnostic is the error */
    d = load_fail("airoi: 1\n"
                  "indicators: [{name: a, target: 1}]\n"
                  "project: {name: M, horizon: -1}\n",
                  AIROI_ERR_PARSE);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 2);
    ck_assert_ptr_nonnull(strstr(airoi_diagnostics_get_text(d, 0), "project.horizon"));
    ck_assert_str_eq(load_fail_error, airoi_diagnostics_get_text(d, 0));
    ck_assert_ptr_nonnull(strstr(airoi_diagnostics_get_text(d, 1), "test.yaml:2:14: warning:"));
    airoi_diagnostics_free(d);
}
END_TEST

/* ---- uncertainties, correlations, stages, simulation ---------------------------------------- */

static const char uncertain_model[] =
    "airoi: 1\n"
    "project: {name: U, horizon: 3, discount_rate: 0.08}\n"
    "costs:\n"
    "  - {name: Build, category: people, amount: 350, per: once}\n"
    "values:\n"
    "  - {name: Savings, dimension: efficiency, amount: 200, per: year}\n"
    "uncertainties:\n"
    "  - {target: Savings, distribution: pert, low: 0.7, mode: 1.0, high: 1.2, shape: 6}\n"
    "  - {name: demand, target: values, distribution: discrete, values: [0.8, 1.2],"
    " probabilities: [0.5, 0.5], per_period: true}\n"
    "  - {target: Build, distribution: normal, mean: 1, sd: 0.1, min: 0.8, max: 1.5}\n"
    "correlations:\n"
    "  - {between: [Savings, demand], rank: -0.4}\n"
    "stages:\n"
    "  - {name: poc, cost: 50, periods: 1, success_probability: 0.6}\n"
    "  - {name: mvp, cost: 120, periods: 2}\n"
    "simulation:\n"
    "  trials: 5000\n"
    "  seed: 7\n"
    "  sampling: sobol\n"
    "  outputs: [npv, payback_periods]\n"
    "  percentiles: [1, 99]\n"
    "  tail: 0.1\n"
    "  repair: true\n";

/* Every key reaches the project, and the saved text loads back to the same. */
START_TEST(test_uncertain_sections)
{
    airoi_project *p = load_ok(uncertain_model);
    ck_assert_uint_eq(airoi_project_count_uncertainties(p), 3);
    const airoi_uncertainty *u = airoi_project_get_uncertainty(p, 0);
    double x = 0;
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_SHAPE), AIROI_OK);
    ck_assert_double_eq(x, 6);
    u = airoi_project_get_uncertainty(p, 1);
    ck_assert_str_eq(airoi_uncertainty_get_string(u, AIROI_UNCERTAINTY_NAME), "demand");
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_PER_PERIOD), AIROI_OK);
    ck_assert_double_eq(x, 1);
    double v[2], pr[2];
    size_t n = 0;
    ck_assert_int_eq(airoi_uncertainty_get_discrete(v, pr, 2, &n, u), AIROI_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_double_eq(v[1], 1.2);
    ck_assert_double_eq(pr[0], 0.5);
    u = airoi_project_get_uncertainty(p, 2);
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_MAX), AIROI_OK);
    ck_assert_double_eq(x, 1.5);
    const char *a = NULL, *b = NULL;
    ck_assert_int_eq(airoi_project_get_correlation(&a, &b, &x, p, 0), AIROI_OK);
    ck_assert_str_eq(a, "Savings");
    ck_assert_str_eq(b, "demand");
    ck_assert_double_eq(x, -0.4);
    ck_assert_uint_eq(airoi_project_count_stages(p), 2);
    ck_assert_int_eq(airoi_project_get_stage_number(&x, p, 1, AIROI_STAGE_PERIODS), AIROI_OK);
    ck_assert_double_eq(x, 2);
    /* no success_probability: none (a field prior applies) */
    ck_assert_int_eq(airoi_project_get_stage_number(&x, p, 1, AIROI_STAGE_SUCCESS_PROBABILITY),
                     AIROI_ERR_NOT_FOUND);
    const airoi_sim_options *o = airoi_project_get_sim_options(p);
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(airoi_sim_options_get_number(&x, o, AIROI_SIM_SAMPLING), AIROI_OK);
    ck_assert_double_eq(x, AIROI_SAMPLING_SOBOL);
    ck_assert_int_eq(airoi_sim_options_get_number(&x, o, AIROI_SIM_BINS), AIROI_OK);
    ck_assert_double_eq(x, 50); /* the default */
    ck_assert_int_eq(airoi_sim_options_is_set(o, AIROI_SIM_BINS), 0);
    airoi_sim_output outs[5];
    ck_assert_int_eq(airoi_sim_options_get_outputs(outs, 5, &n, o), AIROI_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(outs[1], AIROI_SIM_PAYBACK_PERIODS);

    /* load -> save -> load -> save gives the same text */
    char *t1 = NULL, *t2 = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&t1, NULL, p, 0), AIROI_OK);
    airoi_project *q = load_ok(t1);
    ck_assert_int_eq(airoi_model_save_buffer(&t2, NULL, q, 0), AIROI_OK);
    ck_assert_str_eq(t1, t2);
    ck_assert_ptr_nonnull(strstr(t1, "- {name: mvp, cost: 120, periods: 2}\n"));
    ck_assert_ptr_nonnull(strstr(t1, "  outputs: [npv, payback_periods]\n"));
    ck_assert_ptr_null(strstr(t1, "bins"));
    airoi_free(t1);
    airoi_free(t2);
    airoi_project_free(q);
    airoi_project_free(p);

    /* a section without keys is a section with the defaults */
    p = load_ok("airoi: 1\nproject: {name: M}\nsimulation: {}\n");
    ck_assert_ptr_nonnull(airoi_project_get_sim_options(p));
    airoi_project_free(p);
    p = load_ok("airoi: 1\nproject: {name: M}\nsimulation:\n");
    ck_assert_ptr_null(airoi_project_get_sim_options(p));
    airoi_project_free(p);
}
END_TEST

/* Problems are placed at their node, in the words of the setters and the validator. */
START_TEST(test_uncertain_sections_refused)
{
    static const char head[] = "airoi: 1\n"
                               "project: {name: U, horizon: 3}\n"
                               "costs: [{name: Build, category: people, amount: 1}]\n";
    static const struct {
        const char *tail;
        int status;
        const char *at; /* the diagnostic's node: the first match in tail after `after` */
        const char *after;
        const char *want;
    } cases[] = {
        {"uncertainties:\n  - {target: Build, distribution: pert, low: 0.7, mode: 1, high: 1.2,"
         " sd: 0.1}\n",
         AIROI_ERR_PARSE, "sd", "",
         "uncertainties[0].sd: the pert distribution does not use sd; its keys are low, mode, "
         "high, shape"},
        {"uncertainties:\n  - {target: Build, distribution: beta}\n", AIROI_ERR_PARSE, "beta", "",
         "uncertainties[0].distribution: expected one of fixed, uniform"},
        {"uncertainties:\n  - {distribution: fixed}\n", AIROI_ERR_PARSE, "{", "",
         "uncertainties[0]: missing required key 'target'"},
        {"uncertainties:\n  - {target: Biuld, distribution: fixed}\n", AIROI_ERR_MODEL, "Biuld", "",
         "uncertainties[0].target: unknown target 'Biuld'"},
        {"uncertainties:\n  - {target: Build, distribution: uniform, low: 2, high: 1}\n",
         AIROI_ERR_MODEL, "2", "", "uncertainties[0].low: low 2 is above high 1"},
        {"uncertainties:\n  - {target: Build, distribution: triangular, low: 1}\n",
         AIROI_ERR_MODEL, "{", "",
         "uncertainties[0]: the triangular distribution needs low, mode, high; missing: mode "
         "and high"},
        {"uncertainties:\n  - {target: Build, distribution: discrete, values: [1, 2],"
         " probabilities: [1]}\n",
         AIROI_ERR_PARSE, "probabilities", "", "uncertainties[0].probabilities: 1 probabilities for 2 values"},
        {"uncertainties:\n  - {target: Build, distribution: bernoulli, p: 2, impact: 1}\n",
         AIROI_ERR_PARSE, "2", "", "uncertainties[0].p: expected a probability in [0, 1]; got 2"},
        {"uncertainties:\n  - {target: Build, distribution: fixed}\n"
         "correlations:\n  - {between: [Build, costs], rank: 0.3}\n",
         AIROI_ERR_MODEL, "costs", "between", "correlations[0].between[1]: unknown uncertainty 'costs'"},
        {"correlations:\n  - {between: [A, A], rank: 0.3}\n", AIROI_ERR_PARSE, "A", "A",
         "correlations[0].between: a correlation is between two different uncertainties"},
        {"correlations:\n  - {between: [A, B], rank: -1.5}\n", AIROI_ERR_PARSE, "-1.5", "",
         "correlations[0].rank: expected a rank correlation in [-1, 1]; got -1.5"},
        {"stages:\n  - {name: poc, cost: -5, periods: 1}\n", AIROI_ERR_PARSE, "-5", "",
         "stages[0].cost: expected a cost >= 0; got -5"},
        {"stages:\n  - {name: poc, cost: 5}\n", AIROI_ERR_PARSE, "{", "",
         "stages[0]: missing required key 'periods'"},
        {"stages:\n  - {name: poc, cost: 5, periods: 1}\n  - {name: poc, cost: 5, periods: 1}\n",
         AIROI_ERR_MODEL, "poc", "}\n  -", "stages[1].name: stage name 'poc' is used twice"},
        {"simulation: {trials: 0}\n", AIROI_ERR_PARSE, "0", "",
         "simulation.trials: expected a whole number of trials >= 1; got 0"},
        {"simulation: {sampling: lhs}\n", AIROI_ERR_PARSE, "lhs", "",
         "simulation.sampling: expected one of random, sobol; got 'lhs'"},
        {"simulation: {outputs: [npv, npv]}\n", AIROI_ERR_PARSE, "npv", "npv",
         "simulation.outputs[1]: npv is listed twice"},
        {"simulation: {percentiles: [50, 100]}\n", AIROI_ERR_PARSE, "100", "",
         "simulation.percentiles[1]: expected a percentile strictly between 0 and 100"},
        {"simulation: {seeds: 1}\n", AIROI_ERR_PARSE, "seeds", "",
         "simulation: unknown key 'seeds'; expected one of trials, seed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        FMT(text, "%s%s", head, cases[i].tail);
        const char *from = strstr(text + strlen(head), cases[i].after);
        ck_assert_ptr_nonnull(from);
        const char *at = strstr(from + strlen(cases[i].after), cases[i].at);
        ck_assert_ptr_nonnull(at);
        int32_t line = 1, col = 1;
        for (const char *c = text; c < at; c++) {
            col = *c == '\n' ? 1 : col + 1;
            line += *c == '\n';
        }
        airoi_diagnostics *d = load_fail(text, cases[i].status);
        if (!has_diag(d, line, col, cases[i].want)) {
            for (size_t k = 0; k < airoi_diagnostics_count(d); k++)
                fprintf(stderr, "%s\n", airoi_diagnostics_get_text(d, k));
            ck_abort_msg("case %zu: no diagnostic at %d:%d with '%s'", i, (int)line, (int)col,
                         cases[i].want);
        }
        airoi_diagnostics_free(d);
    }
}
END_TEST

/* The rank correlations must be consistent; repair: true uses the nearest
 * consistent ones and says so. */
START_TEST(test_correlation_matrix)
{
    static const char model[] =
        "airoi: 1\n"
        "project: {name: P, horizon: 2}\n"
        "values: [{name: V, dimension: efficiency, amount: 30}]\n"
        "uncertainties:\n"
        "  - {name: a, target: V, distribution: uniform, low: 0.8, high: 1.2}\n"
        "  - {name: b, target: values, distribution: uniform, low: 0.8, high: 1.2}\n"
        "  - {name: c, target: efficiency, distribution: uniform, low: 0.8, high: 1.2}\n"
        "  - {name: free, target: V, distribution: fixed}\n"
        "correlations:\n"
        "  - {between: [a, b], rank: 0.9}\n"
        "  - {between: [b, c], rank: 0.9}\n"
        "  - {between: [a, c], rank: -0.9}\n";
    airoi_diagnostics *d = load_fail(model, AIROI_ERR_MODEL);
    ck_assert(has_diag(d, 12, 29,
                       "correlations[2].rank: the rank correlations are inconsistent (their "
                       "matrix is not positive semi-definite): the rank correlation -0.9 between "
                       "'a' and 'c' conflicts with the others"));
    airoi_diagnostics_free(d);

    char text[2048];
    FMT(text, "%ssimulation: {repair: true}\n", model);
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, text, strlen(text), "test.yaml", 0),
                     AIROI_OK);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 1);
    ck_assert(has_diag(d, 12, 29,
                       "warning: correlations[2].rank: the rank correlations are inconsistent"));
    ck_assert(has_diag(d, 12, 29, "'a'-'b' 0.9 -> 0.4826"));
    airoi_diagnostics_free(d);
    /* the file's own values are kept (and saved) */
    double r = 0;
    ck_assert_int_eq(airoi_project_get_correlation(NULL, NULL, &r, p, 2), AIROI_OK);
    ck_assert_double_eq(r, -0.9);
    airoi_project_free(p);

    /* consistent: no diagnostic */
    FMT(text, "%s", model);
    char *neg = strstr(text, "rank: -0.9");
    ck_assert_ptr_nonnull(neg);
    memcpy(neg, "rank:  0.8", 10);
    p = load_ok(text);
    airoi_project_free(p);
}
END_TEST

/* ---- the evaluation work limit ----------------------------------------------------------- */

START_TEST(test_work_limit)
{
    /* 50 items x 10001 periods x (99 scenarios + 1) = 50,005,000 cells */
    airoi__buf b;
    airoi__buf_init(&b);
    airoi__buf_puts(&b, "airoi: 1\nproject: {name: M, horizon: 10000}\ncosts:\n");
    for (int i = 0; i < 50; i++)
        airoi__buf_printf(&b, "  - {name: c%d, category: data, amount: 1}\n", i);
    airoi__buf_puts(&b, "scenarios:\n  - {name: s0, probability: 0.02}\n");
    for (int i = 1; i < 99; i++)
        airoi__buf_printf(&b, "  - {name: s%d, probability: 0.01}\n", i);
    ck_assert(!b.failed);
    airoi_diagnostics *d = NULL;
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, b.data, b.len, "w.yaml", 0),
                     AIROI_ERR_LIMIT);
    ck_assert_ptr_null(p);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 1);
    ck_assert(has_diag(d, 3, 1, "evaluation work of 50005000 cells (50 items x 10001 periods x "
                                "100 evaluations"));
    airoi_diagnostics_free(d);
    /* exactly at the limit: 50 x 10000 x 100 = 50,000,000 is accepted */
    char *h = strstr(b.data, "horizon: 10000");
    ck_assert_ptr_nonnull(h);
    memcpy(h, "horizon:  9999", 14);
    p = load_ok(b.data);
    ck_assert_double_eq(pnum(p, AIROI_PROJECT_HORIZON), 9999);
    airoi_project_free(p);
    airoi__buf_free(&b);
}
END_TEST

START_TEST(test_file_not_found)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    const char *path = "/nonexistent/dir/model.yaml";
    ck_assert_int_eq(airoi_model_load_file(&p, &d, path, 0), AIROI_ERR_IO);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), path));
    ck_assert_ptr_null(p);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 1);
    int32_t line = -1, col = -1;
    const char *file = NULL, *msg = NULL;
    ck_assert_int_eq(airoi_diagnostics_get(&file, &line, &col, &msg, d, 0), AIROI_OK);
    ck_assert_str_eq(file, path);
    ck_assert_int_eq(line, 0);
    ck_assert_int_eq(col, 0);
    ck_assert_ptr_nonnull(strstr(msg, "cannot open"));
    airoi_diagnostics_free(d);
    /* without a diagnostics list, too */
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, path, 0), AIROI_ERR_IO);
    /* a directory is not a model */
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, data_dir(), 0), AIROI_ERR_IO);
}
END_TEST

/* Every problem of a file is reported, in file order, not only the first. */
START_TEST(test_many_errors)
{
    const char *text = "airoi: 1\n"                           /* 1 */
                       "project:\n"                           /* 2 */
                       "  name: many\n"                       /* 3 */
                       "  horizon: 3\n"                       /* 4 */
                       "  period: weekly\n"                   /* 5 */
                       "costs:\n"                             /* 6 */
                       "  - name: a\n"                        /* 7 */
                       "    category: peple\n"                /* 8 */
                       "    amount: 1\n"                      /* 9 */
                       "  - name: b\n"                        /* 10 */
                       "    category: data\n"                 /* 11 */
                       "    amount: .nan\n"                   /* 12 */
                       "    per: weekly\n"                    /* 13 */
                       "values:\n"                            /* 14 */
                       "  - name: v\n"                        /* 15 */
                       "    dimension: efficiency\n"          /* 16 */
                       "    amount: 2\n"                      /* 17 */
                       "    realization: 1.5\n"               /* 18 */
                       "    colour: blue\n";                  /* 19 */
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, text, strlen(text), NULL, 0),
                     AIROI_ERR_PARSE);
    ck_assert_ptr_null(p);
    static const struct {
        int line, col;
        const char *text;
    } want[] = {
        {5, 11, "project.period: expected one of year, quarter, month; got 'weekly'"},
        {8, 15, "costs[0].category: expected one of people"},
        {12, 13, "costs[1].amount: expected a finite number; got '.nan'"},
        {13, 10, "costs[1].per: expected one of once, month, quarter, year; got 'weekly'"},
        {18, 18, "values[0].realization: expected a share in [0, 1]; got 1.5"},
        {19, 5, "values[0]: unknown key 'colour'"},
    };
    size_t n = sizeof want / sizeof want[0];
    ck_assert_uint_eq(airoi_diagnostics_count(d), n);
    for (size_t i = 0; i < n; i++) {
        int32_t l, c;
        const char *file = (const char *)1, *msg;
        ck_assert_int_eq(airoi_diagnostics_get(&file, &l, &c, &msg, d, i), AIROI_OK);
        ck_assert_ptr_null(file);
        ck_assert_int_eq(l, want[i].line);
        ck_assert_int_eq(c, want[i].col);
        ck_assert_msg(strstr(msg, want[i].text), "'%s' lacks '%s'", msg, want[i].text);
        char prefix[32];
        FMT(prefix, "<string>:%d:%d: ", want[i].line, want[i].col);
        ck_assert_msg(strncmp(airoi_diagnostics_get_text(d, i), prefix, strlen(prefix)) == 0,
                      "%s", airoi_diagnostics_get_text(d, i));
    }
    ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, NULL, d, n), AIROI_ERR_INVALID);
    ck_assert_ptr_null(airoi_diagnostics_get_text(d, n));
    airoi_diagnostics_free(d);
}
END_TEST

/* A file with hundreds of problems stops after a bounded number of diagnostics. */
START_TEST(test_diagnostics_capped)
{
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text, cap, "airoi: 1\nproject: {name: x}\ncosts:\n");
    for (int i = 0; i < 500; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "  - {name: c%d, category: nope, amount: 1}\n", i);
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, text, len, "many", 0), AIROI_ERR_PARSE);
    ck_assert_uint_ge(airoi_diagnostics_count(d), 100);
    ck_assert_uint_le(airoi_diagnostics_count(d), 101);
    ck_assert_ptr_nonnull(strstr(airoi_diagnostics_get_text(d, airoi_diagnostics_count(d) - 1),
                                 "too many problems"));
    airoi_diagnostics_free(d);
    free(text);
}
END_TEST

START_TEST(test_size_limit)
{
    size_t n = (size_t)AIROI_MODEL_MAX_BYTES + 1;
    char *big = malloc(n);
    ck_assert_ptr_nonnull(big);
    memset(big, ' ', n);
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, big, n, "big", 0), AIROI_ERR_LIMIT);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 1);
    ck_assert_ptr_nonnull(strstr(airoi_diagnostics_get_text(d, 0), "16 MiB"));
    airoi_diagnostics_free(d);
    /* the same through a file */
    char path[] = "/tmp/airoi-test-io-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(big, 1, n, f), n);
    fclose(f);
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, path, 0), AIROI_ERR_LIMIT);
    remove(path);
    free(big);
}
END_TEST

START_TEST(test_arguments)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(NULL, NULL, "", 0, NULL, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, NULL, 0, NULL, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, "", 0, NULL, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_load_file(NULL, NULL, "x", 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, NULL, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, "x", 2), AIROI_ERR_INVALID);
    char *s = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&s, NULL, NULL, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_save_file(NULL, "x", 0), AIROI_ERR_INVALID);
    p = load_ok("airoi: 1\nproject: {name: x}\n");
    ck_assert_int_eq(airoi_model_save_buffer(NULL, NULL, p, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_save_buffer(&s, NULL, p, 4), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_save_file(p, NULL, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_model_save_file(p, "/nonexistent/dir/x.yaml", 0), AIROI_ERR_IO);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "/nonexistent/dir/x.yaml"));
    /* a name that is not UTF-8 cannot be written as YAML */
    airoi_item *c = NULL;
    if (airoi_project_add_cost(&c, p, "bad \xff name", AIROI_CATEGORY_DATA) == AIROI_OK) {
        ck_assert_int_eq(airoi_model_save_buffer(&s, NULL, p, 0), AIROI_ERR_INVALID);
        ck_assert_ptr_null(s);
    }
    airoi_project_free(p);
    airoi_diagnostics_free(NULL);
    ck_assert_uint_eq(airoi_diagnostics_count(NULL), 0);
    ck_assert_ptr_null(airoi_diagnostics_get_text(NULL, 0));
    ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, NULL, NULL, 0), AIROI_ERR_INVALID);
}
END_TEST

START_TEST(test_save_file)
{
    airoi_project *p = load_ok(spec_sample);
    char path[] = "/tmp/airoi-test-io-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(airoi_model_save_file(p, path, 0), AIROI_OK);
    airoi_project *q = NULL;
    ck_assert_int_eq(airoi_model_load_file(&q, NULL, path, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_items(q, AIROI_ITEM_KIND_COST), 2);
    ck_assert_uint_eq(airoi_project_count_scenarios(q), 3);
    remove(path);
    airoi_project_free(p);
    airoi_project_free(q);
}
END_TEST

/* A fresh directory for one test (rmdir it when done). */
static void temp_dir(char *dir, size_t cap)
{
    snprintf(dir, cap, "/tmp/airoi-test-io-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    ck_assert_int_eq(fclose(f), 0);
}

/* 1 when the file holds exactly text. */
static int file_is(const char *path, const char *text)
{
    char buf[256];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return n == strlen(text) && memcmp(buf, text, n) == 0;
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* A save that fails (out of memory, a write that fails half way, a
 * directory that cannot be written) leaves the old file as it was and no
 * temporary file behind; a save that succeeds keeps the file's
 * permissions. */
START_TEST(test_save_failure_keeps_old_file)
{
    static const char old[] = "airoi: 1\nproject: {name: old}\n";
    airoi_project *p = load_ok(spec_sample);
    char dir[64], path[96];
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/model.yaml", dir);
    write_text(path, old);

    /* Every allocation of a save fails in turn. */
    int rc = AIROI_ERR_NOMEM;
    for (long k = 0; k < 100000 && rc == AIROI_ERR_NOMEM; k++) {
        airoi__alloc_fail_after(k);
        rc = airoi_model_save_file(p, path, 0);
        airoi__alloc_fail_after(-1);
        if (rc == AIROI_ERR_NOMEM) {
            ck_assert_msg(file_is(path, old), "allocation %ld failed: the old file changed", k);
            ck_assert_uint_eq(count_entries(dir), 1);
        }
    }
    ck_assert_int_eq(rc, AIROI_OK);
    ck_assert(!file_is(path, old));

    /* A write that fails after a few bytes (the file size limit): with
     * fopen(path, "wb") the model would be truncated to those bytes. */
    write_text(path, old);
    struct rlimit lim, low;
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &lim), 0);
    low = lim;
    low.rlim_cur = 16;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &low), 0);
    rc = airoi_model_save_file(p, path, 0);
    char msg[512];
    snprintf(msg, sizeof msg, "%s", airoi_last_error_message());
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
    signal(SIGXFSZ, prev);
    ck_assert_int_eq(rc, AIROI_ERR_IO);
    ck_assert_msg(strstr(msg, path) && strstr(msg, "left as it was"), "%s", msg);
    ck_assert(file_is(path, old));
    ck_assert_uint_eq(count_entries(dir), 1);

    /* A directory that cannot be written (root writes anyway: skipped). */
    ck_assert_int_eq(chmod(dir, 0555), 0);
    if (access(dir, W_OK) != 0) {
        ck_assert_int_eq(airoi_model_save_file(p, path, 0), AIROI_ERR_IO);
        ck_assert(file_is(path, old));
    }
    ck_assert_int_eq(chmod(dir, 0700), 0);

    /* Success keeps the permissions of the file it replaces. */
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(airoi_model_save_file(p, path, 0), AIROI_OK);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq(st.st_mode & 0777, 0640);
    ck_assert_uint_eq(count_entries(dir), 1);

    remove(path);
    ck_assert_int_eq(rmdir(dir), 0);
    airoi_project_free(p);
}
END_TEST

/* A file name with non-ASCII characters (UTF-8) saves and loads back. */
START_TEST(test_non_ascii_file_name)
{
    airoi_project *p = load_ok(spec_sample);
    char dir[64], path[128];
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/mod\xc3\xa8le-\xce\xa9-\xe6\xa8\xa1\xe5\x9e\x8b.yaml", dir);
    ck_assert_int_eq(airoi_model_save_file(p, path, 0), AIROI_OK);
    airoi_project *q = NULL;
    ck_assert_int_eq(airoi_model_load_file(&q, NULL, path, 0), AIROI_OK);
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    ck_assert_int_eq(airoi_model_save_buffer(&a, &na, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_model_save_buffer(&b, &nb, q, 0), AIROI_OK);
    ck_assert_uint_eq(na, nb);
    ck_assert_mem_eq(a, b, na);
    airoi_free(a);
    airoi_free(b);
    remove(path);
    ck_assert_int_eq(rmdir(dir), 0);
    airoi_project_free(p);
    airoi_project_free(q);
}
END_TEST

/* A value the parameter table refuses gets the same words from the C setter
 * and from the loader; only the subject differs (the item by name, or its
 * place in the file). */
START_TEST(test_same_words)
{
    static const struct {
        int param;
        double v;
        const char *key, *yaml, *why;
    } cases[] = {
        {AIROI_ITEM_REALIZATION, 1.5, "realization", "1.5", "expected a share in [0, 1]; got 1.5"},
        {AIROI_ITEM_GROWTH, -1, "growth", "-1",
         "expected an annual growth rate greater than -1 (e.g. 0.03); got -1"},
        {AIROI_ITEM_FROM, 2.5, "from", "2.5", "expected a whole period number >= 0; got 2.5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        airoi_project *p = NULL;
        airoi_item *v = NULL;
        char want[256], text[512];
        ck_assert_int_eq(airoi_project_new(&p, "words"), AIROI_OK);
        ck_assert_int_eq(airoi_project_add_value(&v, p, "Gain", AIROI_DIMENSION_REVENUE),
                         AIROI_OK);
        ck_assert_int_eq(airoi_item_set_number(v, cases[i].param, cases[i].v), AIROI_ERR_INVALID);
        FMT(want, "value item 'Gain': %s: %s", cases[i].key, cases[i].why);
        ck_assert_str_eq(airoi_last_error_message(), want);
        airoi_project_free(p);
        FMT(text,
            "airoi: 1\nproject:\n  name: words\n  horizon: 3\nvalues:\n  - name: Gain\n"
            "    dimension: revenue\n    amount: 1\n    %s: %s\n",
            cases[i].key, cases[i].yaml);
        airoi_diagnostics *d = load_fail(text, AIROI_ERR_PARSE);
        FMT(want, "values[0].%s: %s", cases[i].key, cases[i].why);
        ck_assert_msg(has_diag(d, 9, 5 + (int32_t)strlen(cases[i].key) + 2, want), "%s", want);
        airoi_diagnostics_free(d);
    }
    /* a rule between values, from the validator: the same words again, and
     * the loader places every problem, not only the first */
    static const char text[] = "airoi: 1\n"
                               "project:\n"
                               "  name: words\n"
                               "  horizon: 3\n"
                               "costs:\n"
                               "  - name: Build\n"
                               "    category: people\n"
                               "    amount: 1\n"
                               "    from: 5\n"
                               "    to: 7\n";
    airoi_diagnostics *d = load_fail(text, AIROI_ERR_MODEL);
    ck_assert(has_diag(d, 9, 11, "costs[0].from: period 5 is outside the horizon 0..3"));
    ck_assert(has_diag(d, 10, 9, "costs[0].to: period 7 is outside the horizon 0..3"));
    airoi_diagnostics_free(d);
    airoi_project *p = NULL;
    airoi_item *c = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "words"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, 5), AIROI_OK);
    ck_assert_int_eq(airoi_project_validate(p), AIROI_ERR_MODEL);
    ck_assert_str_eq(airoi_last_error_message(),
                     "cost item 'Build': from: period 5 is outside the horizon 0..3");
    airoi_project_free(p);
}
END_TEST

/* One rule per case, refused by the C API and by the loader with the same
 * words: the C message is "<subject>: <key>: <why>", the loader's
 * diagnostic "<path>: <why>" (the duplicate name adds where the name was
 * first used). bindings/python/tests/test_same_words.py and
 * tests/xll/xll-host.c check the same words through Python and the add-in. */
static int words_project(airoi_project **p, airoi_item **c)
{
    ck_assert_int_eq(airoi_project_new(p, "words"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(*p, AIROI_PROJECT_HORIZON, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(c, *p, "Run", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    return airoi_item_set_number(*c, AIROI_ITEM_AMOUNT, 1);
}

static int words_horizon(airoi_project *p, airoi_item *c)
{
    (void)c;
    return airoi_project_set_number(p, AIROI_PROJECT_HORIZON, -1);
}

static int words_currency(airoi_project *p, airoi_item *c)
{
    ck_assert_int_eq(airoi_item_set_string(c, AIROI_ITEM_CURRENCY, "USD"), AIROI_OK);
    return airoi_project_validate(p);
}

static int words_to_before_from(airoi_project *p, airoi_item *c)
{
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_FROM, 2), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_TO, 1), AIROI_OK);
    return airoi_project_validate(p);
}

static int words_at_past_horizon(airoi_project *p, airoi_item *c)
{
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AT, 5), AIROI_OK);
    return airoi_project_validate(p);
}

static int words_duplicate(airoi_project *p, airoi_item *c)
{
    (void)c;
    airoi_item *again = NULL;
    return airoi_project_add_cost(&again, p, "Run", AIROI_CATEGORY_PEOPLE);
}

static int words_category(airoi_project *p, airoi_item *c)
{
    (void)p;
    (void)c;
    airoi_category klass = AIROI_CATEGORY_PEOPLE;
    return airoi_category_from_name(&klass, "peeple");
}

START_TEST(test_same_words_everywhere)
{
    static const char run[] = "costs:\n  - name: Run\n    category: people\n    amount: 1\n";
    static const struct {
        int (*c)(airoi_project *, airoi_item *);
        const char *c_subject, *yaml, *path, *why, *loader_tail;
    } cases[] = {
        {words_horizon, "project 'words': horizon", "", "project.horizon",
         "expected a whole number of periods >= 0; got -1", ""},
        {words_currency, "cost item 'Run': currency", "    currency: USD\n", "costs[0].currency",
         "currency 'USD' has no rate in fx (add e.g. fx: {USD: RATE})", ""},
        {words_to_before_from, "cost item 'Run': to", "    from: 2\n    to: 1\n", "costs[0].to",
         "last period 1 is before the first period 2", ""},
        {words_at_past_horizon, "cost item 'Run': at", "    per: once\n    at: 5\n", "costs[0].at",
         "period 5 is outside the horizon 0..3", ""},
        {words_duplicate, "cost item 'Run': name", "  - name: Run\n    category: people\n",
         "costs[1].name",
         "duplicate item name 'Run'; item names must be unique across costs and values",
         " (first used at line 6)"},
        {words_category, "category", "  - name: Two\n    category: peeple\n", "costs[1].category",
         "expected one of people, infrastructure, software, data, data_governance, integration, "
         "change_management, maintenance, opportunity; got 'peeple'",
         ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        airoi_project *p = NULL;
        airoi_item *c = NULL;
        char want[512], got[512], text[512];
        ck_assert_int_eq(words_project(&p, &c), AIROI_OK);
        int st = cases[i].c(p, c);
        snprintf(got, sizeof got, "%s", airoi_last_error_message());
        airoi_project_free(p);
        ck_assert_int_ne(st, AIROI_OK);
        FMT(want, "%s: %s", cases[i].c_subject, cases[i].why);
        ck_assert_str_eq(got, want);

        if (i == 0)
            FMT(text, "airoi: 1\nproject:\n  name: words\n  horizon: -1\n%s", run);
        else
            FMT(text, "airoi: 1\nproject:\n  name: words\n  horizon: 3\n%s%s", run,
                cases[i].yaml);
        airoi_project *q = (airoi_project *)1;
        airoi_diagnostics *d = NULL;
        ck_assert_int_ne(airoi_model_load_buffer(&q, &d, text, strlen(text), "words.yaml", 0),
                         AIROI_OK);
        ck_assert_int_eq(airoi_diagnostics_count(d), 1);
        const char *msg = NULL;
        ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, &msg, d, 0), AIROI_OK);
        FMT(want, "%s: %s%s", cases[i].path, cases[i].why, cases[i].loader_tail);
        ck_assert_str_eq(msg, want);
        airoi_diagnostics_free(d);
    }
}
END_TEST

/* Saves p, loads the text back and returns the loaded project. */
static airoi_project *save_and_reload(const airoi_project *p, const char *label)
{
    char *text = NULL;
    size_t len = 0;
    if (airoi_model_save_buffer(&text, &len, p, 0) != AIROI_OK)
        ck_abort_msg("%s: does not save: %s", label, airoi_last_error_message());
    airoi_project *q = NULL;
    if (airoi_model_load_buffer(&q, NULL, text, len, label, 0) != AIROI_OK)
        ck_abort_msg("%s: the saved file does not load back: %s", label,
                     airoi_last_error_message());
    airoi_free(text);
    return q;
}

/* At each limit the API accepts, the saved file loads back; one past it,
 * the API refuses. */
START_TEST(test_limits_round_trip)
{
    char name[32];
    /* items */
    airoi_project *p = NULL, *q;
    ck_assert_int_eq(airoi_project_new(&p, "many items"), AIROI_OK);
    for (int i = 0; i < AIROI_ITEMS_MAX; i++) {
        snprintf(name, sizeof name, "i%d", i);
        int rc = i % 2 ? airoi_project_add_cost(NULL, p, name, AIROI_CATEGORY_PEOPLE)
                       : airoi_project_add_value(NULL, p, name, AIROI_DIMENSION_EFFICIENCY);
        ck_assert_int_eq(rc, AIROI_OK);
    }
    ck_assert_int_eq(airoi_project_add_cost(NULL, p, "one more", AIROI_CATEGORY_PEOPLE), AIROI_ERR_LIMIT);
    q = save_and_reload(p, "items");
    ck_assert_uint_eq(airoi_project_count_items(q, AIROI_ITEM_KIND_COST) +
                          airoi_project_count_items(q, AIROI_ITEM_KIND_VALUE),
                      AIROI_ITEMS_MAX);
    airoi_project_free(q);
    airoi_project_free(p);

    /* scenarios, delay and adoption periods */
    airoi_scenario *sc = NULL;
    airoi_item *v = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "many scenarios"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "gain", AIROI_DIMENSION_REVENUE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE, AIROI_CURVE_LINEAR),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_PERIODS, AIROI_HORIZON_MAX),
                     AIROI_OK);
    for (int i = 0; i < AIROI_SCENARIOS_MAX; i++) {
        snprintf(name, sizeof name, "s%d", i);
        ck_assert_int_eq(airoi_project_add_scenario(&sc, p, name, 1.0 / AIROI_SCENARIOS_MAX),
                         AIROI_OK);
    }
    ck_assert_int_eq(airoi_scenario_set_number(sc, AIROI_SCENARIO_DELAY, AIROI_HORIZON_MAX),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_scenario(NULL, p, "one more", 0), AIROI_ERR_LIMIT);
    q = save_and_reload(p, "scenarios");
    ck_assert_uint_eq(airoi_project_count_scenarios(q), AIROI_SCENARIOS_MAX);
    airoi_project_free(q);
    airoi_project_free(p);

    /* the horizon, the longest amounts list and the longest names */
    char *longest = malloc(AIROI_NAME_MAX + 2);
    double *amounts = calloc(AIROI_HORIZON_MAX + 2, sizeof *amounts);
    ck_assert_ptr_nonnull(longest);
    ck_assert_ptr_nonnull(amounts);
    memset(longest, 'N', AIROI_NAME_MAX);
    longest[AIROI_NAME_MAX] = '\0';
    for (int i = 0; i <= AIROI_HORIZON_MAX + 1; i++)
        amounts[i] = i;
    ck_assert_int_eq(airoi_project_new(&p, longest), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, AIROI_HORIZON_MAX),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, AIROI_HORIZON_MAX + 1),
                     AIROI_ERR_LIMIT);
    ck_assert_int_eq(airoi_project_set_fx(p, longest, 2.0), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&v, p, longest, AIROI_CATEGORY_SOFTWARE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_string(v, AIROI_ITEM_CURRENCY, longest), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_FROM, 0), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_amounts(v, amounts, AIROI_HORIZON_MAX + 2), AIROI_ERR_LIMIT);
    ck_assert_int_eq(airoi_item_set_amounts(v, amounts, AIROI_HORIZON_MAX + 1), AIROI_OK);
    longest[AIROI_NAME_MAX] = 'N';
    longest[AIROI_NAME_MAX + 1] = '\0';
    ck_assert_int_eq(airoi_project_add_cost(NULL, p, longest, AIROI_CATEGORY_PEOPLE), AIROI_ERR_INVALID);
    q = save_and_reload(p, "horizon and names");
    double h = 0;
    size_t n = 0;
    ck_assert_int_eq(airoi_project_get_number(&h, q, AIROI_PROJECT_HORIZON), AIROI_OK);
    ck_assert_double_eq(h, AIROI_HORIZON_MAX);
    const airoi_item *c = airoi_project_get_item(q, AIROI_ITEM_KIND_COST, 0);
    ck_assert_uint_eq(strlen(airoi_item_get_string(c, AIROI_ITEM_NAME)), AIROI_NAME_MAX);
    ck_assert_int_eq(airoi_item_get_amounts(NULL, 0, &n, c), AIROI_OK); /* a size query */
    ck_assert_uint_eq(n, AIROI_HORIZON_MAX + 1);
    airoi_project_free(q);
    airoi_project_free(p);

    /* a project the loader could not read back is not saved: 5,000 names of
     * 4,096 bytes are a 20 MB file, above AIROI_MODEL_MAX_BYTES */
    longest[AIROI_NAME_MAX] = '\0';
    ck_assert_int_eq(airoi_project_new(&p, "too big to save"), AIROI_OK);
    for (int i = 0; i < 5000; i++) {
        snprintf(longest, 16, "%08d", i);
        longest[8] = 'N';
        ck_assert_int_eq(airoi_project_add_cost(NULL, p, longest, AIROI_CATEGORY_PEOPLE), AIROI_OK);
    }
    char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(airoi_model_save_buffer(&text, &len, p, 0), AIROI_ERR_LIMIT);
    ck_assert_ptr_null(text);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "would not load back"));
    airoi_project_free(p);
    free(longest);
    free(amounts);
}
END_TEST

/* The last error message is set on failure only: a long run of successful
 * calls after a failure (loading with warnings, counts, getters, an
 * evaluation whose IRR has no solution, reports, saving, a batch) leaves
 * the message of that failure as it was, also when read through a pointer
 * taken before them; the next failure replaces it. */
START_TEST(test_message_survives_success)
{
    const double flows[] = {-100, 60, 60};
    double x;
    ck_assert_int_eq(airoi_npv(&x, -1.0, flows, 3), AIROI_ERR_INVALID);
    char want[256];
    snprintf(want, sizeof want, "%s", airoi_last_error_message());
    ck_assert_str_eq(want, "npv: rate -1 makes 1 + rate 0 (Excel's #DIV/0!)");
    const char *held = airoi_last_error_message();

    /* costs only: IRR and MIRR have no solution, payback is undefined */
    static const char model[] = "airoi: 1\n"
                                "project: {name: Quiet, horizon: 3, discount_rate: 10}\n"
                                "costs:\n"
                                "  - {name: Team, category: people, amount: 100}\n";
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, model, strlen(model), "q.yaml", 0),
                     AIROI_OK);
    ck_assert_str_eq(airoi_last_error_message(), want);
    ck_assert_uint_gt(airoi_diagnostics_count(d), 0); /* the rate warning */
    ck_assert_ptr_nonnull(airoi_diagnostics_get_text(d, 0));
    ck_assert_str_eq(airoi_last_error_message(), want);
    ck_assert_int_eq(airoi_project_get_number(&x, p, AIROI_PROJECT_HORIZON), AIROI_OK);
    ck_assert_str_eq(airoi_project_get_string(p, AIROI_PROJECT_NAME), "Quiet");
    ck_assert_uint_eq(airoi_project_count_items(p, AIROI_ITEM_KIND_COST), 1);
    ck_assert_ptr_nonnull(airoi_project_get_item(p, AIROI_ITEM_KIND_COST, 0));
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    ck_assert_str_eq(airoi_last_error_message(), want);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_str_eq(airoi_last_error_message(), want);
    ck_assert_int_eq(airoi_result_get_metric(&x, r, AIROI_METRIC_NPV), AIROI_OK);
    ck_assert_uint_gt(airoi_result_count_findings(r), 0);
    ck_assert_ptr_nonnull(airoi_result_get_finding_code(r, 0));
    ck_assert_str_eq(airoi_last_error_message(), want);
    char *text = NULL;
    ck_assert_int_eq(airoi_report_write(&text, NULL, r, AIROI_REPORT_JSON, 0), AIROI_OK);
    airoi_free(text);
    ck_assert_str_eq(airoi_last_error_message(), want);
    ck_assert_int_eq(airoi_model_save_buffer(&text, NULL, p, 0), AIROI_OK);
    airoi_free(text);
    ck_assert_str_eq(airoi_last_error_message(), want);
    ck_assert_str_eq(held, want); /* the pointer taken before reads the same text */
    double out[2];
    const double rows[] = {-100, 60, 60, 50, 50, 50}; /* the second row has no IRR */
    ck_assert_int_ne(airoi_irr_batch(out, (int32_t[2]){0, 0}, rows, 2, 3, 0.1), AIROI_OK);
    ck_assert_str_ne(airoi_last_error_message(), want); /* a failure replaces it */
    snprintf(want, sizeof want, "%s", airoi_last_error_message());
    int32_t st[2];
    ck_assert_int_eq(airoi_irr_batch(out, st, rows, 1, 3, 0.1), AIROI_OK);
    ck_assert_str_eq(airoi_last_error_message(), want);
    airoi_result_free(r);
    airoi_diagnostics_free(d);
    airoi_project_free(p);
    ck_assert_str_eq(airoi_last_error_message(), want);
}
END_TEST

static Suite *io_suite(void)
{
    Suite *s = suite_create("io");
    TCase *tc = tcase_create("load");
    tcase_add_test(tc, test_spec_sample);
    tcase_add_test(tc, test_number_syntax);
    tcase_add_test(tc, test_per_defaults);
    tcase_add_test(tc, test_aliases_and_nulls);
    tcase_add_test(tc, test_merge_keys);
    tcase_add_test(tc, test_merge_key_errors);
    tcase_add_test(tc, test_comma_locale);
    tcase_add_test(tc, test_merge_alias_limit);
    tcase_add_test(tc, test_later_sections_warn);
    tcase_add_test(tc, test_uncertain_sections);
    tcase_add_test(tc, test_uncertain_sections_refused);
    tcase_add_test(tc, test_correlation_matrix);
    tcase_add_test(tc, test_work_limit);
    tcase_add_test(tc, test_limits_round_trip);
    tcase_add_test(tc, test_same_words);
    tcase_add_test(tc, test_same_words_everywhere);
    suite_add_tcase(s, tc);
    tc = tcase_create("round-trip");
    tcase_add_test(tc, test_round_trip_sample);
    tcase_add_test(tc, test_round_trip_files);
    tcase_add_test(tc, test_round_trip_strings);
    tcase_add_test(tc, test_round_trip_numbers);
    tcase_add_test(tc, test_save_file);
    tcase_add_test(tc, test_save_failure_keeps_old_file);
    tcase_add_test(tc, test_non_ascii_file_name);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_invalid_corpus);
    tcase_add_test(tc, test_invalid_corpus_c_setters);
    tcase_add_test(tc, test_file_not_found);
    tcase_add_test(tc, test_many_errors);
    tcase_add_test(tc, test_diagnostics_capped);
    tcase_add_test(tc, test_size_limit);
    tcase_add_test(tc, test_arguments);
    tcase_add_test(tc, test_message_survives_success);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(io_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
