/*
 * tests/unit/test-model-oom.c: white-box allocation-failure injection over
 * building, cloning, loading, evaluating and reporting, after SQLite's
 * fault simulator. Every allocation of each operation fails in turn, in two
 * modes: persistent (that allocation and every later one fail) and
 * transient (that one fails, later ones succeed). The operation must then
 * either report AIROI_ERR_NOMEM with its outputs NULL, or (a failure it
 * could absorb) succeed with exactly the fault-free output. Afterwards the
 * library must have recovered: the same call without injection gives the
 * fault-free reference exactly (the same YAML, JSON, text, CSV, Markdown,
 * diagnostics), and a mutation that failed left its project unchanged. Run
 * under valgrind (`meson test --setup valgrind`) this also proves that no
 * failure path leaks. The driver is oom-driver.h; test-surface-oom.c
 * covers simulation with threads, portfolios, tracking and every report.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "core-private.h"
#include "oom-driver.h"
#include "test-items.h"

/* A model with every kind of part the loader and the evaluator handle. */
static const char model_text[] =
    "airoi: 1\n"
    "project:\n"
    "  name: GenAI customer service\n"
    "  currency: TWD\n"
    "  start: 2026-01-01\n"
    "  period: year\n"
    "  horizon: 3\n"
    "  discount_rate: 0.08\n"
    "  use_case: customer_service\n"
    "  stage: production\n"
    "fx: {USD: 32}\n"
    "costs:\n"
    "  - {name: Build, category: people, amount: 350, per: once, at: 0}\n"
    "  - name: Model API\n"
    "    category: software\n"
    "    quantity: 1000000\n"
    "    unit_amount: 0.002\n"
    "    per: month\n"
    "    currency: USD\n"
    "    from: 1\n"
    "    growth: 0.03\n"
    "  - {name: Training, category: change_management, amounts: [20, 10, 5]}\n"
    "values:\n"
    "  - name: Agent time saved\n"
    "    dimension: efficiency\n"
    "    quantity: 15\n"
    "    unit_amount: 4\n"
    "    per: month\n"
    "    realization: 0.9\n"
    "    adoption: {curve: s_curve, periods: 2, start: 0.2, ceiling: 1.0}\n"
    "  - {name: Upsell, dimension: revenue, amounts: [100, 200, 300]}\n"
    "scenarios:\n"
    "  - {name: best, probability: 0.25, multipliers: {values: 1.2}}\n"
    "  - {name: base, probability: 0.5}\n"
    "  - {name: worst, probability: 0.25, multipliers: {costs: 1.3, values: 0.8}}\n";

/* A model that loads with a warning (an indicator without a threshold). */
static const char warning_text[] =
    "airoi: 1\nproject: {name: W, horizon: 1}\nindicators: [{name: a, target: 1}]\n";

/* A model with every kind of uncertainty, correlations, stages and simulation settings. */
static const char uncertain_text[] =
    "airoi: 1\n"
    "project: {name: U, horizon: 3}\n"
    "costs: [{name: C, category: people, amount: 5, per: once}]\n"
    "values: [{name: V, dimension: efficiency, amount: 4}]\n"
    "uncertainties:\n"
    "  - {target: V, distribution: pert, low: 0.8, mode: 1, high: 1.2, min: 0.9}\n"
    "  - {name: c, target: C, distribution: normal, mean: 1, sd: 0.1, per_period: true}\n"
    "  - {name: d, target: values, distribution: discrete, values: [0.9, 1.1],"
    " probabilities: [0.5, 0.5]}\n"
    "correlations:\n"
    "  - {between: [V, c], rank: 0.6}\n"
    "  - {between: [d, c], rank: -0.2}\n"
    "stages:\n"
    "  - {name: poc, cost: 1, periods: 1, success_probability: 0.5}\n"
    "  - {name: mvp, cost: 2, periods: 1}\n"
    "simulation: {trials: 100, sampling: sobol, outputs: [npv, irr], percentiles: [1, 99]}\n";

/* Not YAML: the parser stops at the first error. */
static const char malformed_text[] = "airoi: 1\nproject: [\n";

/* A model with several errors: the loader lists them all. */
static const char broken_text[] =
    "airoi: 1\n"
    "project: {name: Broken, horizon: 3}\n"
    "costs:\n"
    "  - {name: A, category: snacks, amount: 10}\n"
    "values:\n"
    "  - {name: B, dimension: revenue, amount: .nan}\n";

/* ---- helpers ----------------------------------------------------------- */

/* The one place that writes a report (its signature is the report API's). */
static int report_of(char **out, const airoi_result *r, int format, unsigned sections)
{
    return airoi_report_write(out, NULL, r, format, sections);
}

/* ---- the hook itself ----------------------------------------------------- */

START_TEST(hook_modes)
{
    void *a, *b, *c;
    airoi__alloc_fail_once(1);
    a = airoi__malloc(8);
    b = airoi__malloc(8);
    c = airoi__malloc(8);
    ck_assert_int_eq(airoi__alloc_failures(), 1);
    airoi__alloc_fail_after(-1);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_null(b);
    ck_assert_ptr_nonnull(c);
    airoi__free(a);
    airoi__free(c);
    airoi__alloc_fail_after(1);
    a = airoi__malloc(8);
    b = airoi__calloc(2, 8);
    c = airoi__realloc(NULL, 8);
    ck_assert_int_eq(airoi__alloc_failures(), 2);
    airoi__alloc_fail_after(-1);
    ck_assert_int_eq(airoi__alloc_failures(), 0);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_null(b);
    ck_assert_ptr_null(c);
    airoi__free(a);
}
END_TEST

/* ---- building a project through the API ---------------------------------- */

/* Step `step` of building the project; sets *done past the last step. */
static int build_step(airoi_project *p, int step, int *done)
{
    airoi_item *c = NULL;
    airoi_item *v = NULL;
    airoi_scenario *s = NULL;
    const double list[] = {1, 2, 3};
    *done = 0;
    switch (step) {
    case 0: return airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3);
    case 1: return airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD");
    case 2: return airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "churn");
    case 3: return airoi_project_set_fx(p, "USD", 32);
    case 4: return airoi_project_add_cost(&c, p, "Team", AIROI_CATEGORY_PEOPLE);
    case 5:
        ck_assert_int_eq(find_item(&c, p, AIROI_ITEM_KIND_COST, "Team"), AIROI_OK);
        return airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 10);
    case 6:
        ck_assert_int_eq(find_item(&c, p, AIROI_ITEM_KIND_COST, "Team"), AIROI_OK);
        return airoi_item_set_string(c, AIROI_ITEM_CURRENCY, "USD");
    case 7: return airoi_project_add_cost(&c, p, "Change", AIROI_CATEGORY_CHANGE_MANAGEMENT);
    case 8:
        ck_assert_int_eq(find_item(&c, p, AIROI_ITEM_KIND_COST, "Change"), AIROI_OK);
        return airoi_item_set_amounts(c, list, 3);
    case 9: return airoi_project_add_value(&v, p, "Saving", AIROI_DIMENSION_EFFICIENCY);
    case 10:
        ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Saving"), AIROI_OK);
        return airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 500);
    case 11:
        ck_assert_int_eq(find_item(&v, p, AIROI_ITEM_KIND_VALUE, "Saving"), AIROI_OK);
        return airoi_item_set_string(v, AIROI_ITEM_NAME, "Savings");
    case 12: return airoi_project_add_scenario(&s, p, "best", 0.5);
    case 13: return airoi_scenario_add_multiplier(airoi_project_get_scenario_mutable(p, 0), "values", 1.2);
    case 14: return airoi_project_add_scenario(&s, p, "worst", 0.5);
    case 15: return airoi_scenario_add_multiplier(airoi_project_get_scenario_mutable(p, 1), "costs", 1.2);
    case 16: return airoi_project_add_cost(&c, p, "Temporary", AIROI_CATEGORY_SOFTWARE);
    case 17: return airoi_project_remove_item(p, AIROI_ITEM_KIND_COST, 2);
    case 18: return airoi_project_remove_fx(p, "USD");
    case 19: return airoi_project_set_fx(p, "USD", 31.5);
    default: *done = 1; return AIROI_OK;
    }
}

/* The project after its first `steps` steps, fault-free, as YAML. */
static char *yaml_after(int steps)
{
    airoi_project *p = NULL;
    int done = 0;
    ck_assert_int_eq(airoi_project_new(&p, "oom"), AIROI_OK);
    for (int i = 0; i < steps; i++)
        ck_assert_int_eq(build_step(p, i, &done), AIROI_OK);
    char *s = yaml_of(p);
    airoi_project_free(p);
    return s;
}

/* Builds the project step by step, then clones and evaluates the clone. A
 * step that runs out of memory must leave the project as it was; it is
 * then retried without injection and the build goes on. The text is the
 * project's YAML followed by the JSON report of the clone's evaluation. */
static int op_build(char **text, const void *arg)
{
    (void)arg;
    airoi_project *p = NULL, *q = NULL;
    airoi_result *r = NULL;
    int rc = airoi_project_new(&p, "oom");
    if (rc != AIROI_OK) {
        injection_off();
        ck_assert_int_eq(rc, AIROI_ERR_NOMEM);
        ck_assert_ptr_null(p);
        return rc;
    }
    build_steps(p, build_step, yaml_after);
    rc = airoi_project_clone(&q, p);
    if (rc == AIROI_OK)
        rc = airoi_project_evaluate(&r, q, NULL, AIROI_EVAL_HONEST_ESTIMATE);
    injection_off();
    if (rc == AIROI_ERR_NOMEM)
        check_nomem_message("airoi_project_clone or airoi_project_evaluate");
    if (rc == AIROI_OK) {
        char *json = NULL;
        *text = yaml_of(p);
        ck_assert_int_eq(report_of(&json, r, AIROI_REPORT_JSON, 0), AIROI_OK);
        *text = concat(*text, json);
        airoi_free(json);
    } else {
        ck_assert_int_eq(rc, AIROI_ERR_NOMEM);
        ck_assert_ptr_null(r);
    }
    airoi_result_free(r);
    airoi_project_free(q);
    airoi_project_free(p);
    return rc;
}

START_TEST(build_clone_evaluate)
{
    check_faults("build, clone, evaluate", op_build, NULL);
}
END_TEST

/* ---- loading ------------------------------------------------------------- */

/* After a load: its status, every diagnostic with its status, then the
 * project's YAML when it loaded; AIROI_ERR_NOMEM when the load ran out. */
static int describe_load(char **text, int rc, airoi_project *p, airoi_diagnostics *d)
{
    if (rc == AIROI_ERR_NOMEM) {
        check_nomem_message("loading a model");
        ck_assert_ptr_null(p);
        ck_assert_ptr_null(d);
        return rc;
    }
    ck_assert_ptr_nonnull(d);
    *text = airoi__strdup(airoi_status_str(rc));
    ck_assert_ptr_nonnull(*text);
    *text = concat_diagnostics(*text, d);
    if (p) {
        char *y = yaml_of(p);
        *text = concat(*text, y);
        airoi_free(y);
    }
    airoi_diagnostics_free(d);
    airoi_project_free(p);
    return AIROI_OK;
}

/* Loads a model text. */
static int op_load(char **text, const void *arg)
{
    const char *yaml = arg;
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, yaml, strlen(yaml), "model.yaml", 0);
    injection_off();
    return describe_load(text, rc, p, d);
}

/* Loads a model file. */
static int op_load_file(char **text, const void *arg)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_file(&p, &d, arg, 0);
    injection_off();
    return describe_load(text, rc, p, d);
}

/* docs/examples/genai-support-rollout.yaml: monthly over 36 periods,
 * foreign currency, growth, adoption curves, scenarios, a use case. */
static const char *rollout_path(void)
{
    return example_path("genai-support-rollout.yaml");
}

START_TEST(load_model)
{
    check_faults("load a model", op_load, model_text);
}
END_TEST

START_TEST(load_uncertain_model)
{
    check_faults("load a model with uncertainties", op_load, uncertain_text);
}
END_TEST

START_TEST(load_with_warning)
{
    check_faults("load a model with a warning", op_load, warning_text);
}
END_TEST

START_TEST(load_file)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, rollout_path(), 0), AIROI_OK);
    airoi_project_free(p);
    check_faults("load the rollout example", op_load_file, rollout_path());
}
END_TEST

START_TEST(load_broken)
{
    check_faults("load a broken model", op_load, broken_text);
    check_faults("load malformed YAML", op_load, malformed_text);
}
END_TEST

/* ---- evaluating and reporting -------------------------------------------- */

typedef struct eval_case {
    const airoi_project *project;
    const char *scenario;
    unsigned flags;
} eval_case;

/* Evaluates; the text is the result's JSON report. */
static int op_evaluate(char **text, const void *arg)
{
    const eval_case *c = arg;
    airoi_result *r = NULL;
    int rc = airoi_project_evaluate(&r, c->project, c->scenario, c->flags);
    injection_off();
    if (settle(rc, r, "airoi_project_evaluate"))
        return rc;
    ck_assert_int_eq(report_of(text, r, AIROI_REPORT_JSON, 0), AIROI_OK);
    airoi_result_free(r);
    return AIROI_OK;
}

static airoi_project *load_model_text(void)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&p, NULL, model_text, strlen(model_text), "m", 0),
                     AIROI_OK);
    return p;
}

START_TEST(evaluate_base_honest_and_scenario)
{
    airoi_project *p = load_model_text();
    const eval_case cases[] = {
        {p, NULL, 0},
        {p, NULL, AIROI_EVAL_HONEST_ESTIMATE},
        {p, "worst", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_faults(cases[i].scenario ? "evaluate a scenario" : "evaluate the base case",
                     op_evaluate, &cases[i]);
    airoi_project_free(p);
}
END_TEST

START_TEST(evaluate_monthly)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, rollout_path(), 0), AIROI_OK);
    const eval_case c = {p, NULL, AIROI_EVAL_HONEST_ESTIMATE};
    check_faults("evaluate the rollout example", op_evaluate, &c);
    airoi_project_free(p);
}
END_TEST

typedef struct report_case {
    const airoi_project *project;
    const airoi_result *result;
    int format;
    unsigned sections;
} report_case;

/* Writes one report; the text is the report. */
static int op_report(char **text, const void *arg)
{
    const report_case *c = arg;
    int rc = report_of(text, c->result, c->format, c->sections);
    injection_off();
    return settle(rc, *text, "airoi_report_write");
}

/* Each format with every section; the audit and compare selections of the
 * airoi command in text (their code paths are the same in every format). */
START_TEST(report_each_format)
{
    airoi_project *p = load_model_text();
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    const report_case cases[] = {
        {p, r, AIROI_REPORT_TEXT, AIROI_REPORT_ALL},
        {p, r, AIROI_REPORT_JSON, AIROI_REPORT_ALL},
        {p, r, AIROI_REPORT_CSV, AIROI_REPORT_ALL},
        {p, r, AIROI_REPORT_MARKDOWN, AIROI_REPORT_ALL},
        {p, r, AIROI_REPORT_TEXT, AIROI_REPORT_AUDIT},
        {p, r, AIROI_REPORT_TEXT, AIROI_REPORT_COMPARE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "report %s, sections %#x",
                 airoi_report_format_name(cases[i].format), cases[i].sections);
        check_faults(what, op_report, &cases[i]);
    }
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* Saving a project as YAML. */
static int op_save(char **text, const void *arg)
{
    int rc = airoi_model_save_buffer(text, NULL, arg, 0);
    injection_off();
    return settle(rc, *text, "airoi_model_save_buffer");
}

START_TEST(save_model)
{
    airoi_project *p = load_model_text();
    check_faults("save a model", op_save, p);
    airoi_project_free(p);
}
END_TEST

/* Clones a project; the clone's YAML. */
static int op_clone(char **text, const void *arg)
{
    airoi_project *c = NULL;
    int rc = airoi_project_clone(&c, arg);
    injection_off();
    if (rc != AIROI_OK) {
        ck_assert_int_eq(rc, AIROI_ERR_NOMEM);
        check_nomem_message("cloning a project");
        ck_assert_ptr_null(c);
        return rc;
    }
    *text = yaml_of(c);
    airoi_project_free(c);
    return AIROI_OK;
}

START_TEST(clone_uncertain_model)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(
        airoi_model_load_buffer(&p, NULL, uncertain_text, strlen(uncertain_text), "u.yaml", 0),
        AIROI_OK);
    check_faults("clone a model with uncertainties", op_clone, p);
    check_faults("save a model with uncertainties", op_save, p);
    airoi_project_free(p);
}
END_TEST

/* ---- staging, break-even, tornado ----------------------------------------- */

/* A small project with a stage and an uncertainty: the figures evaluate it
 * many times, so a small one keeps the runs short. */
static airoi_project *decide_project(void)
{
    airoi_project *p = NULL;
    airoi_item *c = NULL, *v = NULL;
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "decide"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&c, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&v, p, "Savings", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, 80), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Savings", AIROI_DIST_UNIFORM),
                     AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 10, 1, 0.5), AIROI_OK);
    return p;
}

/* The figures as text, every double in full. */
static char *figures_text(const double *v, size_t n)
{
    char *text = airoi__strdup("");
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < n; i++) {
        char buf[40];
        snprintf(buf, sizeof buf, "%.17g\n", v[i]);
        text = concat(text, buf);
    }
    return text;
}

static int op_staging(char **text, const void *arg)
{
    airoi_staging *s = NULL;
    int rc = airoi_staging_evaluate(&s, arg, 0);
    injection_off();
    if (settle(rc, s, "airoi_staging_evaluate"))
        return rc;
    double v[5];
    for (int k = 0; k < 5; k++) {
        airoi_staging_figure f = (airoi_staging_figure)(AIROI_STAGING_PROB_PRODUCTION + k);
        ck_assert_int_eq(airoi_staging_get(&v[k], s, f), AIROI_OK);
    }
    *text = figures_text(v, 5);
    airoi_staging_free(s);
    return AIROI_OK;
}

static int op_breakeven(char **text, const void *arg)
{
    airoi_breakeven *b = NULL;
    int rc = airoi_breakeven_evaluate(&b, arg, 0);
    injection_off();
    if (settle(rc, b, "airoi_breakeven_evaluate"))
        return rc;
    double v[4];
    for (int k = 0; k < 3; k++)
        ck_assert_int_eq(airoi_breakeven_get(&v[k], NULL, NULL, NULL, b,
                                             (airoi_breakeven_target)(AIROI_BREAKEVEN_VALUES + k)),
                         AIROI_OK);
    ck_assert_int_eq(airoi_breakeven_get_input(NULL, &v[3], NULL, NULL, NULL, b, 0), AIROI_OK);
    *text = figures_text(v, 4);
    airoi_breakeven_free(b);
    return AIROI_OK;
}

static int op_tornado(char **text, const void *arg)
{
    airoi_tornado *t = NULL;
    int rc = airoi_tornado_evaluate(&t, arg, 0);
    injection_off();
    if (settle(rc, t, "airoi_tornado_evaluate"))
        return rc;
    double v[6];
    ck_assert_int_eq(airoi_tornado_get_base_npv(&v[0], t), AIROI_OK);
    ck_assert_int_eq(airoi_tornado_get_spider(v + 1, t, 0), AIROI_OK);
    *text = figures_text(v, 6);
    airoi_tornado_free(t);
    return AIROI_OK;
}

START_TEST(decide_figures)
{
    airoi_project *p = decide_project();
    check_faults("staging", op_staging, p);
    check_faults("break-even", op_breakeven, p);
    check_faults("tornado", op_tornado, p);
    airoi_project_free(p);
}
END_TEST

/* The whole HTML business case of decide_project(): its simulation,
 * tornado and staging computed first, the page written under injection. */
typedef struct case_page {
    const airoi_result *r;
    const airoi_simulation *sim;
    const airoi_tornado *t;
    const airoi_staging *s;
} case_page;

static int op_business_case(char **text, const void *arg)
{
    const case_page *c = arg;
    int rc = airoi_report_write_business_case(text, NULL, c->r, c->sim, c->t, c->s, 0);
    injection_off();
    return settle(rc, *text, "airoi_report_write_business_case");
}

START_TEST(business_case_page)
{
    airoi_project *p = decide_project();
    airoi_sim_options *o = NULL;
    case_page c = {0};
    airoi_result *r = NULL;
    airoi_simulation *sim = NULL;
    airoi_tornado *t = NULL;
    airoi_staging *s = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 200), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate(&sim, p, o, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_tornado_evaluate(&t, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_staging_evaluate(&s, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    c = (case_page){r, sim, t, s};
    check_faults("the HTML business case", op_business_case, &c);
    airoi_result_free(r);
    airoi_simulation_free(sim);
    airoi_tornado_free(t);
    airoi_staging_free(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* docs/examples/tracking-midway.yaml: actuals, indicators, stage criteria. */
static const char *tracking_path(void)
{
    return example_path("tracking-midway.yaml");
}

typedef struct track_case {
    const airoi_project *p;
    airoi_report_format format;
} track_case;

/* Tracks the project and writes the tracking report. */
static int op_track(char **text, const void *arg)
{
    const track_case *c = arg;
    airoi_tracking *t = NULL;
    int rc = airoi_project_track(&t, c->p, 0);
    if (rc == AIROI_OK)
        rc = airoi_tracking_report_write(text, NULL, t, c->format, 0);
    injection_off();
    airoi_tracking_free(t);
    if (rc == AIROI_ERR_NOMEM) {
        check_nomem_message("airoi_project_track");
        return rc;
    }
    ck_assert_int_eq(rc, AIROI_OK);
    return AIROI_OK;
}

START_TEST(tracking)
{
    check_faults("load the tracking example", op_load_file, tracking_path());
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, tracking_path(), 0), AIROI_OK);
    check_faults("save the tracking example", op_save, p);
    check_faults("clone the tracking example", op_clone, p);
    const track_case json = {p, AIROI_REPORT_JSON}, html = {p, AIROI_REPORT_HTML};
    check_faults("track, JSON", op_track, &json);
    check_faults("track, HTML", op_track, &html);
    airoi_project_free(p);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {
        hook_modes, build_clone_evaluate, load_model, load_with_warning, load_uncertain_model,
        clone_uncertain_model, load_file, load_broken, evaluate_base_honest_and_scenario,
        evaluate_monthly, report_each_format, save_model, decide_figures, business_case_page,
        tracking};
    return run_suite("model-oom", tests, sizeof tests / sizeof tests[0]);
}
