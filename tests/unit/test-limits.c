/*
 * tests/unit/test-limits.c: every documented limit of the library, through
 * the public API (docs/errors.md#limits): at the limit a call works, one
 * past it gets the documented status and a message that names the limit;
 * where a model file reaches the limit, the diagnostic has the file, line
 * and column. Big inputs are generated in memory. Limits tested elsewhere
 * are listed in docs/errors.md with their tests.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airoi/airoi.h"

/* A call that must succeed. Check records every passing ck_assert (a write
 * to its pipe), so the loops that fill a limit use this instead. */
#define OK(call)                                                                                   \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != AIROI_OK)                                                                       \
            ck_abort_msg("%s: %s (%s)", #call, airoi_status_str(rc_),                             \
                         airoi_last_error_message());                                              \
    } while (0)

/* rc is `want` and the thread's message holds every word given. */
static void refused(int rc, int want, ...)
{
    const char *msg = airoi_last_error_message();
    ck_assert_msg(rc == want, "status %s, want %s (%s)", airoi_status_str(rc),
                  airoi_status_str(want), msg);
    va_list ap;
    va_start(ap, want);
    for (const char *w = va_arg(ap, const char *); w; w = va_arg(ap, const char *))
        ck_assert_msg(strstr(msg, w) != NULL, "message '%s' lacks '%s'", msg, w);
    va_end(ap);
}

/* A yearly project of one value and one cost, horizon h. */
static airoi_project *project(int h)
{
    airoi_project *p = NULL;
    airoi_item *it = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Limits"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, h), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&it, p, "Gain", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 80), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    return p;
}

/* A growing text buffer for generated model files. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        ck_abort_msg("vsnprintf failed");
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        if (!t->s)
            ck_abort_msg("out of memory");
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* Loads t as "model.yaml": the status, and the first diagnostic in `first`. */
static int load(const text *t, char *first, size_t cap)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, t->s, t->len, "model.yaml", 0);
    first[0] = '\0';
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        int st = 0;
        ck_assert_int_eq(airoi_diagnostics_get_status(&st, d, i), AIROI_OK);
        if (st != 0) {
            snprintf(first, cap, "%s", airoi_diagnostics_get_text(d, i));
            break;
        }
    }
    airoi_diagnostics_free(d);
    airoi_project_free(p);
    return rc;
}

static const char *const HEAD = "airoi: 1\n"
                                "project: {name: Limits, horizon: 3, discount_rate: 0.1}\n"
                                "costs: [{name: Build, category: people, amount: 100}]\n"
                                "values: [{name: Gain, dimension: efficiency, amount: 80}]\n";

/* ---- model layer: counts of the API (and of model files) ------------------------------- */

START_TEST(uncertainties_max)
{
    airoi_project *p = project(3);
    airoi_uncertainty *u = NULL;
    for (int i = 0; i < AIROI_UNCERTAINTIES_MAX; i++)
        OK(airoi_project_add_uncertainty(&u, p, "Gain", AIROI_DIST_FIXED));
    refused(airoi_project_add_uncertainty(&u, p, "Gain", AIROI_DIST_FIXED), AIROI_ERR_LIMIT,
            "1000 uncertainties, the limit", NULL);
    ck_assert_uint_eq(airoi_project_count_uncertainties(p), AIROI_UNCERTAINTIES_MAX);
    airoi_project_free(p);
}
END_TEST

START_TEST(correlations_max)
{
    airoi_project *p = project(3);
    char a[32], b[32];
    for (int i = 0; i < AIROI_CORRELATIONS_MAX; i++) {
        snprintf(a, sizeof a, "a%d", i);
        snprintf(b, sizeof b, "b%d", i);
        OK(airoi_project_add_correlation(p, a, b, 0.1));
    }
    refused(airoi_project_add_correlation(p, "x", "y", 0.1), AIROI_ERR_LIMIT,
            "499500 correlations, the limit", NULL);
    airoi_project_free(p);
}
END_TEST

START_TEST(stages_max)
{
    airoi_project *p = project(3);
    char name[32];
    for (int i = 0; i < AIROI_STAGES_MAX; i++) {
        snprintf(name, sizeof name, "s%d", i);
        OK(airoi_project_add_stage(p, name, 1, 0, 1));
    }
    refused(airoi_project_add_stage(p, "one more", 1, 0, 1), AIROI_ERR_LIMIT,
            "100 stages, the limit", NULL);
    airoi_project_free(p);
}
END_TEST

START_TEST(discrete_max)
{
    airoi_project *p = project(3);
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Gain", AIROI_DIST_DISCRETE), AIROI_OK);
    size_t n = AIROI_DISCRETE_MAX + 1;
    double *v = malloc(n * sizeof *v), *pr = malloc(n * sizeof *pr);
    ck_assert(v && pr);
    for (size_t i = 0; i < n; i++)
        v[i] = 1.0 + (double)i / (double)n, pr[i] = 1.0 / AIROI_DISCRETE_MAX;
    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, v, pr, n - 1), AIROI_OK);
    refused(airoi_uncertainty_set_discrete(u, v, pr, n), AIROI_ERR_LIMIT,
            "10001 values; at most 10000", NULL);
    free(v), free(pr);
    airoi_project_free(p);
}
END_TEST

START_TEST(percentiles_max)
{
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    double pc[AIROI_PERCENTILES_MAX + 1];
    for (int i = 0; i <= AIROI_PERCENTILES_MAX; i++)
        pc[i] = 0.5 + 0.5 * i;
    ck_assert_int_eq(airoi_sim_options_set_percentiles(o, pc, AIROI_PERCENTILES_MAX), AIROI_OK);
    refused(airoi_sim_options_set_percentiles(o, pc, AIROI_PERCENTILES_MAX + 1), AIROI_ERR_LIMIT,
            "101 percentiles; at most 100", NULL);
    airoi_sim_options_free(o);
}
END_TEST

START_TEST(risks_max)
{
    airoi_project *p = project(3);
    for (int i = 0; i < AIROI_RISKS_MAX; i++)
        OK(airoi_project_add_risk(p, "risk", NULL, NULL));
    refused(airoi_project_add_risk(p, "risk", NULL, NULL), AIROI_ERR_LIMIT,
            "more than 1000 risks, the limit", NULL);
    airoi_project_free(p);
}
END_TEST

START_TEST(indicators_max)
{
    airoi_project *p = project(3);
    char name[32];
    for (int i = 0; i < AIROI_INDICATORS_MAX; i++) {
        snprintf(name, sizeof name, "i%d", i);
        OK(airoi_project_add_indicator(p, name, AIROI_DIRECTION_UP, 1));
    }
    refused(airoi_project_add_indicator(p, "one more", AIROI_DIRECTION_UP, 1), AIROI_ERR_LIMIT,
            "1000", NULL);
    airoi_project_free(p);
}
END_TEST

/* 100 indicators with a value in each of 10,000 periods: the limit of the
 * project; a period past AIROI_HORIZON_MAX is never in a plan. */
START_TEST(indicator_values_max)
{
    airoi_project *p = project(3);
    char name[32];
    const int per = AIROI_INDICATOR_VALUES_MAX / 100;
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "i%d", i);
        OK(airoi_project_add_indicator(p, name, AIROI_DIRECTION_UP, 1));
        for (int t = 0; t < per; t++)
            OK(airoi_project_add_indicator_value(p, name, t, 0.5));
    }
    refused(airoi_project_add_indicator_value(p, "i0", per, 0.5), AIROI_ERR_LIMIT,
            "more than 1000000 indicator values in the project, the limit", NULL);
    refused(airoi_project_add_indicator_value(p, "i0", AIROI_HORIZON_MAX + 1, 0.5),
            AIROI_ERR_INVALID, "expected a period in 0..10000", NULL);
    /* a clone keeps the count */
    airoi_project *c = NULL;
    ck_assert_int_eq(airoi_project_clone(&c, p), AIROI_OK);
    refused(airoi_project_add_indicator_value(c, "i1", per, 0.5), AIROI_ERR_LIMIT, "the limit",
            NULL);
    airoi_project_free(c);
    airoi_project_free(p);
}
END_TEST

START_TEST(actuals_max)
{
    airoi_project *p = project(3);
    for (int i = 0; i < AIROI_ACTUALS_MAX; i++)
        OK(airoi_project_add_actual(p, i % 4, "Gain", 1));
    refused(airoi_project_add_actual(p, 0, "Build", 1), AIROI_ERR_LIMIT,
            "actual of 'Build': more than 1000000 actuals, the limit", NULL);
    ck_assert_uint_eq(airoi_project_count_actuals(p), AIROI_ACTUALS_MAX);
    airoi_project_free(p);
}
END_TEST

START_TEST(criteria_max)
{
    airoi_project *p = project(3);
    ck_assert_int_eq(airoi_project_add_stage(p, "Pilot", 1, 1, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_indicator(p, "adoption", AIROI_DIRECTION_UP, 1), AIROI_OK);
    for (int i = 0; i < AIROI_CRITERIA_MAX; i++)
        OK(airoi_project_add_criterion(p, 0, "adoption", AIROI_CRITERION_AT_LEAST, 0.5, 1));
    refused(airoi_project_add_criterion(p, 0, "adoption", AIROI_CRITERION_AT_LEAST, 0.5, 1),
            AIROI_ERR_LIMIT, "stage 'Pilot': criterion on 'adoption': more than 10000 gate criteria",
            NULL);
    airoi_project_free(p);
}
END_TEST

START_TEST(multipliers_max)
{
    airoi_project *p = project(3);
    airoi_scenario *s = NULL;
    ck_assert_int_eq(airoi_project_add_scenario(&s, p, "Wide", 1), AIROI_OK);
    char name[32];
    for (int i = 0; i < AIROI_MULTIPLIERS_MAX; i++) {
        snprintf(name, sizeof name, "t%d", i);
        OK(airoi_scenario_add_multiplier(s, name, 1));
    }
    ck_assert_int_eq(airoi_scenario_add_multiplier(s, "t0", 2), AIROI_OK); /* a replacement */
    refused(airoi_scenario_add_multiplier(s, "one more", 1), AIROI_ERR_LIMIT,
            "scenario 'Wide': multipliers.one more: more than 10000 multipliers, the limit", NULL);
    airoi_project_free(p);

    /* a model file: the diagnostic is at the first target past the limit */
    text t = {0};
    put(&t, "%sscenarios:\n  - name: Wide\n    probability: 1\n    multipliers:\n", HEAD);
    for (int i = 0; i <= AIROI_MULTIPLIERS_MAX; i++)
        put(&t, "      t%d: 1\n", i);
    char first[512];
    ck_assert_int_eq(load(&t, first, sizeof first), AIROI_ERR_LIMIT);
    ck_assert_str_eq(first, "model.yaml:10009:15: scenarios[0].multipliers.'t10000': scenario "
                            "'Wide': multipliers.t10000: more than 10000 multipliers, the limit");
    free(t.s);
}
END_TEST

START_TEST(fx_max)
{
    airoi_project *p = project(3);
    char code[32];
    for (int i = 0; i < AIROI_FX_MAX; i++) {
        snprintf(code, sizeof code, "C%d", i);
        OK(airoi_project_set_fx(p, code, 2));
    }
    ck_assert_int_eq(airoi_project_set_fx(p, "C0", 3), AIROI_OK); /* a replacement */
    refused(airoi_project_set_fx(p, "ONE", 2), AIROI_ERR_LIMIT,
            "project 'Limits': fx.ONE: more than 1000 currencies, the limit", NULL);
    airoi_project_free(p);

    text t = {0};
    put(&t, "%sfx:\n", HEAD);
    for (int i = 0; i <= AIROI_FX_MAX; i++)
        put(&t, "  C%d: 2\n", i);
    char first[512];
    ck_assert_int_eq(load(&t, first, sizeof first), AIROI_ERR_LIMIT);
    ck_assert_str_eq(first, "model.yaml:1006:10: fx.'C1000': project 'Limits': fx.C1000: more than "
                            "1000 currencies, the limit");
    free(t.s);
}
END_TEST

/* A project of its own name whose gain differs with i (distinct figures). */
static void rename_project(airoi_project *p, int i, double gain)
{
    char name[32];
    snprintf(name, sizeof name, "p%d", i);
    OK(airoi_project_set_string(p, AIROI_PROJECT_NAME, name));
    OK(airoi_item_set_number(airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_VALUE, 0),
                                 AIROI_ITEM_AMOUNT, gain));
}

START_TEST(portfolio_projects_max)
{
    airoi_portfolio *pf = NULL;
    ck_assert_int_eq(airoi_portfolio_new(&pf, "Book", "USD"), AIROI_OK);
    airoi_project *p = project(3);
    for (int i = 0; i <= AIROI_PORTFOLIO_PROJECTS_MAX; i++) {
        rename_project(p, i, 50 + 0.01 * i);
        int rc = airoi_portfolio_add_project(pf, p, 0, NULL);
        if (i < AIROI_PORTFOLIO_PROJECTS_MAX)
            OK(rc);
        else
            refused(rc, AIROI_ERR_LIMIT, "project 'p1000': more than 1000 projects", NULL);
    }
    ck_assert_uint_eq(airoi_portfolio_count_projects(pf), AIROI_PORTFOLIO_PROJECTS_MAX);
    /* the exact selection and the largest frontier run at the limit */
    airoi_portfolio_result *r = NULL;
    ck_assert_int_eq(airoi_portfolio_set_budget(pf, 1000), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_set_frontier_levels(pf, 1001), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_portfolio_result_count_frontier(r), 1001);
    airoi_portfolio_result_free(r);
    refused(airoi_portfolio_set_frontier_levels(pf, 1002), AIROI_ERR_RANGE,
            "frontier levels: expected a whole number in 0..1001 (0: no frontier); got 1002",
            NULL);
    airoi_project_free(p);
    airoi_portfolio_free(pf);
}
END_TEST

/* A portfolio file with 1,001 projects inline: the 1,001st is refused at
 * its entry. */
START_TEST(portfolio_file_projects_max)
{
    char path[] = "/tmp/airoi-test-limits-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "airoi: 1\nportfolio: {name: Book, currency: USD}\nprojects:\n");
    for (int i = 0; i <= AIROI_PORTFOLIO_PROJECTS_MAX; i++)
        fprintf(f, "  - project: {name: p%d, currency: USD, horizon: 3, discount_rate: 0.1}\n"
                   "    costs: [{name: Build, category: people, amount: 100}]\n"
                   "    values: [{name: Gain, dimension: efficiency, amount: %d, per: year}]\n",
                i, 50 + i);
    ck_assert_int_eq(fclose(f), 0);
    airoi_portfolio *pf = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_portfolio_load_file(&pf, &d, path, 0);
    remove(path);
    ck_assert_int_eq(rc, AIROI_ERR_LIMIT);
    ck_assert_ptr_null(pf);
    ck_assert_uint_ge(airoi_diagnostics_count(d), 1);
    const char *msg = airoi_diagnostics_get_text(d, 0);
    ck_assert_msg(strstr(msg, ":3004:5: projects[1000]: project 'p1000': more than 1000 projects "
                              "in the portfolio, the limit") != NULL,
                  "%s", msg);
    airoi_diagnostics_free(d);
}
END_TEST

/* The exact selection's search: 40 projects with equal figures and room
 * for 20 are C(40, 20) = 1.4e11 tied sets; the search stops at its limit. */
static airoi_portfolio *forty(int equal)
{
    airoi_portfolio *pf = NULL;
    ck_assert_int_eq(airoi_portfolio_new(&pf, "Book", "USD"), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_set_budget(pf, 2000), AIROI_OK);
    airoi_project *p = project(3);
    for (int i = 0; i < 40; i++) {
        rename_project(p, i, equal ? 80 : 80 + i);
        OK(airoi_portfolio_add_project(pf, p, 0, NULL));
    }
    airoi_project_free(p);
    return pf;
}

START_TEST(portfolio_search_max)
{
    /* with distinct figures the search is short */
    airoi_portfolio *pf = forty(0);
    airoi_portfolio_result *r = NULL;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), AIROI_OK);
    airoi_portfolio_result_free(r);
    airoi_portfolio_free(pf);
    pf = forty(1);
    r = NULL;
    refused(airoi_portfolio_evaluate(&r, pf, 0), AIROI_ERR_LIMIT,
            "portfolio 'Book': the exact selection of 40 projects stopped after 200000000 search "
            "steps, the limit",
            NULL);
    ck_assert_ptr_null(r);
    airoi_portfolio_free(pf);
}
END_TEST

/* A project with 1,000 items over 10,001 periods: 10,001,000 cells. */
static airoi_project *wide(void)
{
    airoi_project *p = project(AIROI_HORIZON_MAX);
    char name[32];
    for (int i = 2; i < 1000; i++) {
        airoi_item *it = NULL;
        snprintf(name, sizeof name, "c%d", i);
        OK(airoi_project_add_cost(&it, p, name, AIROI_CATEGORY_SOFTWARE));
        OK(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 1));
    }
    return p;
}

/* The projects' evaluation work together: 51 projects of 10,001,000 cells
 * are past the 500,000,000 of a portfolio; refused before any evaluation.
 * (At the limit an evaluation takes seconds: not run here.) */
START_TEST(portfolio_work_max)
{
    airoi_portfolio *pf = NULL;
    ck_assert_int_eq(airoi_portfolio_new(&pf, "Book", "USD"), AIROI_OK);
    airoi_project *p = wide();
    for (int i = 0; i < 51; i++) {
        char name[32];
        snprintf(name, sizeof name, "p%d", i);
        OK(airoi_project_set_string(p, AIROI_PROJECT_NAME, name));
        OK(airoi_portfolio_add_project(pf, p, 0, NULL));
    }
    airoi_portfolio_result *r = NULL;
    refused(airoi_portfolio_evaluate(&r, pf, 0), AIROI_ERR_LIMIT,
            "portfolio 'Book': the evaluation work of its 51 projects is 510051000 cells",
            "above the limit of 500000000 cells", NULL);
    ck_assert_ptr_null(r);
    airoi_project_free(p);
    airoi_portfolio_free(pf);
}
END_TEST

/* ---- simulation ------------------------------------------------------------------------ */

static airoi_sim_options *options(double trials, double threads)
{
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, trials), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, threads), AIROI_OK);
    return o;
}

/* A project of horizon h with k uncertainties drawn per period. */
static airoi_project *per_period(int h, int k)
{
    airoi_project *p = project(h);
    for (int i = 0; i < k; i++) {
        airoi_uncertainty *u = NULL;
        ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Gain", AIROI_DIST_UNIFORM),
                         AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.9), AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.1), AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, 1),
                         AIROI_OK);
    }
    return p;
}

/* Numbers a trial draws: 10 per-period inputs over 10,000 periods is the
 * limit of 100,000; over 10,001 periods, past it. */
START_TEST(sim_draws_max)
{
    airoi_sim_options *o = options(1, 1);
    airoi_simulation *s = NULL;
    airoi_project *p = per_period(9999, 10);
    ck_assert_int_eq(airoi_project_simulate(&s, p, o, 0, NULL, NULL), AIROI_OK);
    airoi_simulation_free(s);
    airoi_project_free(p);
    p = per_period(10000, 10);
    refused(airoi_project_simulate(&s, p, o, 0, NULL, NULL), AIROI_ERR_LIMIT,
            "a trial draws 100010 numbers", "the limit is 100000", NULL);
    ck_assert_ptr_null(s);
    airoi_project_free(p);
    airoi_sim_options_free(o);
}
END_TEST

/* The settings' bounds: trials 2^53, threads 1024 (64 run), bins 10,000. */
START_TEST(sim_settings_max)
{
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    const double two53 = 9007199254740992.0;
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, two53), AIROI_OK);
    refused(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, two53 * 2), AIROI_ERR_LIMIT,
            "simulation: trials: 18014398509481984 is above the limit of 9007199254740992", NULL);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_BINS, 10000), AIROI_OK);
    refused(airoi_sim_options_set_number(o, AIROI_SIM_BINS, 10001), AIROI_ERR_LIMIT,
            "simulation: bins: 10001 is above the limit of 10000", NULL);
    refused(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, 1025), AIROI_ERR_LIMIT,
            "simulation: threads: 1025 is above the limit of 1024", NULL);
    airoi_sim_options_free(o);
    /* 1024 threads asked: at most 64 run, and the figures are those of one */
    airoi_project *p = per_period(3, 2);
    airoi_simulation *a = NULL, *b = NULL;
    o = options(5000, 1024);
    ck_assert_int_eq(airoi_project_simulate(&a, p, o, 0, NULL, NULL), AIROI_OK);
    airoi_sim_options_free(o);
    o = options(5000, 1);
    ck_assert_int_eq(airoi_project_simulate(&b, p, o, 0, NULL, NULL), AIROI_OK);
    double x = 0, y = 1;
    ck_assert_int_eq(airoi_simulation_get_stat(&x, a, AIROI_SIM_NPV, AIROI_STAT_MEAN), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_stat(&y, b, AIROI_SIM_NPV, AIROI_STAT_MEAN), AIROI_OK);
    ck_assert_double_eq(x, y);
    airoi_simulation_free(a), airoi_simulation_free(b);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* The per-trial storage: past 4 GiB refused before anything runs (16
 * bytes a trial for NPV alone: 2^28 trials are the limit, 2^28 + 1 past
 * it; the run at the limit would take 4 GiB, so only the refusal runs). */
START_TEST(sim_trial_storage_max)
{
    airoi_project *p = per_period(3, 1);
    airoi_sim_options *o = options((double)(1 << 28) + 1, 1);
    airoi_sim_output npv = AIROI_SIM_NPV;
    ck_assert_int_eq(airoi_sim_options_set_outputs(o, &npv, 1), AIROI_OK);
    airoi_simulation *s = NULL;
    refused(airoi_project_simulate(&s, p, o, 0, NULL, NULL), AIROI_ERR_LIMIT,
            "268435457 trials of this model need", "16 bytes a trial", "the limit is 4.29 GB",
            NULL);
    ck_assert_ptr_null(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* The what-if evaluations of one analysis: a tornado of 10 inputs on 1,000
 * items over 10,001 periods needs 51 evaluations of 20,002,000 cells, past
 * the 10^9 cells of one analysis; refused before it starts. (At the limit
 * an analysis runs seconds: not run here.) */
START_TEST(whatif_work_max)
{
    airoi_project *p = wide();
    for (int i = 0; i < 10; i++) {
        airoi_uncertainty *u = NULL;
        OK(airoi_project_add_uncertainty(&u, p, "Gain", AIROI_DIST_UNIFORM));
        OK(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.9));
        OK(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.1));
    }
    airoi_tornado *t = NULL;
    refused(airoi_tornado_evaluate(&t, p, 0), AIROI_ERR_LIMIT,
            "what-if evaluations: 51 more of 20002000 cells each", "limit of 1000000000 cells",
            NULL);
    ck_assert_ptr_null(t);
    airoi_project_free(p);
}
END_TEST

/* A portfolio simulation's work: two projects drawing 100,000 numbers over
 * 10,000 periods are 220,000 a trial; 45,455 trials pass the 10^10 of one
 * run, refused before it starts (a run at the limit takes minutes). */
START_TEST(portfolio_sim_work_max)
{
    airoi_portfolio *pf = NULL;
    ck_assert_int_eq(airoi_portfolio_new(&pf, "Book", "USD"), AIROI_OK);
    airoi_project *p = per_period(9999, 10);
    OK(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "USD"));
    for (int i = 0; i < 2; i++) {
        char name[32];
        snprintf(name, sizeof name, "p%d", i);
        OK(airoi_project_set_string(p, AIROI_PROJECT_NAME, name));
        OK(airoi_portfolio_add_project(pf, p, 0, NULL));
    }
    airoi_sim_options *o = options(1, 1);
    airoi_portfolio_simulation *s = NULL;
    refused(airoi_portfolio_simulate_range(&s, pf, o, 0, 45455, 0), AIROI_ERR_LIMIT,
            "portfolio simulation: 45455 trials of 220000 numbers and periods each",
            "the limit of 10000000000", NULL);
    ck_assert_ptr_null(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
    airoi_portfolio_free(pf);
}
END_TEST

/* ---- model files ----------------------------------------------------------------------- */

/* File size: a valid model padded with a comment to AIROI_MODEL_MAX_BYTES
 * loads; one byte more is refused before it is parsed. */
START_TEST(file_size_max)
{
    size_t n = AIROI_MODEL_MAX_BYTES;
    char *big = malloc(n + 1);
    ck_assert_ptr_nonnull(big);
    size_t h = strlen(HEAD);
    memcpy(big, HEAD, h);
    big[h] = '#';
    memset(big + h + 1, 'x', n + 1 - h - 1);
    big[n - 1] = '\n';
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, &d, big, n, "model.yaml", 0), AIROI_OK);
    airoi_project_free(p);
    airoi_diagnostics_free(d);
    big[n] = '\n';
    refused(airoi_model_load_buffer(&p, &d, big, n + 1, "model.yaml", 0), AIROI_ERR_LIMIT,
            "model.yaml", "16 MiB", NULL);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(airoi_diagnostics_get_text(d, 0),
                     "model.yaml: the model is 16777217 bytes; the limit is 16777216 bytes (16 MiB)");
    airoi_diagnostics_free(d);
    free(big);
}
END_TEST

/* A file of `head_nodes` + n YAML nodes: n scalars in a list. */
static void nodes_file(text *t, size_t n)
{
    t->len = 0;
    put(t, "airoi: 1\nproject: {name: Limits}\nnotes: [0");
    for (size_t i = 1; i < n; i++)
        put(t, ",0");
    put(t, "]\n");
}

START_TEST(yaml_nodes_max)
{
    const size_t head_nodes = 9; /* root, airoi, 1, project, {}, name, Limits, notes, [] */
    text t = {0};
    char first[512];
    nodes_file(&t, 2000000 - head_nodes);
    ck_assert_int_ne(load(&t, first, sizeof first), AIROI_ERR_LIMIT);
    nodes_file(&t, 2000000 - head_nodes + 1);
    ck_assert_int_eq(load(&t, first, sizeof first), AIROI_ERR_LIMIT);
    ck_assert_msg(strstr(first, "model.yaml:3:") == first &&
                      strstr(first, "the file has more than 2000000 YAML nodes, the limit"),
                  "%s", first);
    free(t.s);
}
END_TEST

/* Nesting: the top mapping is level 1, so `notes` with 63 lists inside one
 * another is 64 levels, the limit; 64 lists are one past it. */
START_TEST(yaml_depth_max)
{
    text t = {0};
    char first[512];
    for (int k = 63; k <= 64; k++) {
        t.len = 0;
        put(&t, "airoi: 1\nproject: {name: Limits}\nnotes: ");
        for (int i = 0; i < k; i++)
            put(&t, "[");
        for (int i = 0; i < k; i++)
            put(&t, "]");
        put(&t, "\n");
        int rc = load(&t, first, sizeof first);
        if (k == 63)
            ck_assert_int_ne(rc, AIROI_ERR_LIMIT);
        else
            ck_assert_int_eq(rc, AIROI_ERR_LIMIT);
    }
    ck_assert_str_eq(first, "model.yaml:3:71: nesting deeper than 64 levels, the limit");
    free(t.s);
}
END_TEST

/* Aliases: a list of 999 scalars (1,000 nodes) repeated by 100 aliases is
 * 100,000 nodes reached again, the limit; a 101st alias is past it. */
START_TEST(yaml_aliases_max)
{
    text t = {0};
    char first[512];
    for (int k = 100; k <= 101; k++) {
        t.len = 0;
        put(&t, "airoi: 1\nproject: {name: Limits}\nnotes: [&a [0");
        for (int i = 1; i < 999; i++)
            put(&t, ",0");
        put(&t, "]");
        for (int i = 0; i < k; i++)
            put(&t, ",*a");
        put(&t, "]\n");
        int rc = load(&t, first, sizeof first);
        if (k == 100)
            ck_assert_int_ne(rc, AIROI_ERR_LIMIT);
        else
            ck_assert_int_eq(rc, AIROI_ERR_LIMIT);
    }
    ck_assert_str_eq(first, "model.yaml:3:2312: aliases expand to more than 100000 nodes, the "
                            "limit (an alias bomb?)");
    free(t.s);
}
END_TEST

/* One case per limit, so that CK_RUN_CASE=name runs one. */
#define ADD(name)                                                                                  \
    do {                                                                                           \
        TCase *tc = tcase_create(#name);                                                           \
        tcase_set_timeout(tc, 120);                                                                \
        tcase_add_test(tc, name);                                                                  \
        suite_add_tcase(s, tc);                                                                    \
    } while (0)

static Suite *limits_suite(void)
{
    Suite *s = suite_create("limits");
    ADD(uncertainties_max);
    ADD(correlations_max);
    ADD(stages_max);
    ADD(discrete_max);
    ADD(percentiles_max);
    ADD(risks_max);
    ADD(indicators_max);
    ADD(indicator_values_max);
    ADD(actuals_max);
    ADD(criteria_max);
    ADD(multipliers_max);
    ADD(fx_max);
    ADD(portfolio_projects_max);
    ADD(portfolio_file_projects_max);
    ADD(portfolio_search_max);
    ADD(portfolio_work_max);
    ADD(portfolio_sim_work_max);
    ADD(sim_draws_max);
    ADD(sim_settings_max);
    ADD(sim_trial_storage_max);
    ADD(whatif_work_max);
    ADD(file_size_max);
    ADD(yaml_nodes_max);
    ADD(yaml_depth_max);
    ADD(yaml_aliases_max);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(limits_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
