/*
 * tests/unit/test-surface-oom.c: white-box allocation-failure injection over
 * every surface test-model-oom.c leaves out, with its driver (oom-driver.h):
 * each allocation of each operation fails in turn, transiently and
 * persistently; the call must report AIROI_ERR_NOMEM with its output NULL
 * (and a message), or absorb the failure with exactly the fault-free
 * output, and the next call must give the fault-free output again. Under
 * valgrind or ASan (`meson test --setup valgrind`, build-asan) no failure
 * path may leak or crash.
 *
 * Operations covered here (the public headers, include/airoi):
 *  - simulation.h: airoi_project_simulate with 1 and 2 threads (the
 *    injection then counts the worker threads' allocations too:
 *    airoi__alloc_fail_shared), random and Sobol sampling;
 *    airoi_project_simulate_range, airoi_simulation_merge,
 *    airoi_simulation_save_buffer, airoi_simulation_load_buffer;
 *  - report.h: airoi_report_write_simulation, _tornado, _staging,
 *    _breakeven in text, JSON, CSV and Markdown; airoi_report_write_html
 *    with and without a simulation; airoi_report_write in HTML; every
 *    section of airoi_report_write alone in every format (metrics, TCO,
 *    schedule, scenarios, findings = the audit, benchmark, honest estimate,
 *    and the audit and compare selections);
 *  - portfolio.h: airoi_portfolio_load_file (both examples, one with shared
 *    drivers and a model file, and a broken file), building with
 *    airoi_portfolio_new/_set_budget/_set_measure/_set_fx/_add_project/
 *    _set_frontier_levels, airoi_portfolio_save_buffer,
 *    airoi_portfolio_evaluate (ranking, selection, efficient frontier),
 *    airoi_portfolio_report_write and airoi_portfolio_report_write_sim in
 *    every format, airoi_portfolio_simulate with shared drivers on 1 and 2
 *    threads, _simulate_range, _simulation_merge, _save_buffer, _load_buffer;
 *  - tracking.h: loading a model with actuals, indicators and gate criteria;
 *    building them with airoi_project_add_actual, _set_tracking,
 *    _add_indicator, _set_indicator_threshold, _add_indicator_value,
 *    _add_criterion (a failed step leaves the project unchanged);
 *    airoi_project_track, airoi_tracking_report_write in every format;
 *  - uncertainty.h, narrative.h: building uncertainties, correlations,
 *    stages, simulation settings, narrative and risks step by step;
 *    airoi_sim_options_new/_clone/_set_outputs/_set_percentiles;
 *  - model.h, schedule.h: airoi_model_save_file, airoi_model_validate,
 *    airoi_schedule_new, airoi_schedule_clone.
 * test-model-oom.c covers building, cloning, loading, evaluating, the four
 * text formats with every section, saving, staging, break-even, tornado,
 * the HTML business case and tracking in JSON and HTML; test-sim-oom.c the
 * simulation's lazily computed sensitivity; test-portfolio.c and test-io.c
 * their own injection loops.
 *
 * Runtime: the models are small, and every allocation fails in turn but in
 * break-even computed under injection (about 3,200 allocations, the same
 * evaluation again and again: the first 400, then every 7th). About 30 s
 * of CPU natively (AIROI_OOM_VERBOSE=1 prints each operation's number of
 * allocations).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <airoi/airoi.h>

#include "core-private.h"
#include "oom-driver.h"

/* ---- helpers ----------------------------------------------------------- */

static airoi_project *load_text(const char *text)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, text, strlen(text), "oom.yaml", 0);
    ck_assert_msg(rc == AIROI_OK, "%s", d && airoi_diagnostics_count(d)
                                            ? airoi_diagnostics_get_text(d, 0)
                                            : airoi_status_str(rc));
    airoi_diagnostics_free(d);
    return p;
}

static const airoi_report_format text_formats[] = {AIROI_REPORT_TEXT, AIROI_REPORT_JSON,
                                                   AIROI_REPORT_CSV, AIROI_REPORT_MARKDOWN};
static const airoi_report_format all_formats[] = {AIROI_REPORT_TEXT, AIROI_REPORT_JSON,
                                                  AIROI_REPORT_CSV, AIROI_REPORT_MARKDOWN,
                                                  AIROI_REPORT_HTML};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A small project with every kind of uncertainty, a correlation, two stages
 * and a scenario: small, because a simulation runs once per allocation. */
static const char uncertain_text[] =
    "airoi: 1\n"
    "project: {name: U, horizon: 3, use_case: customer_service}\n"
    "costs:\n"
    "  - {name: C, category: people, amount: 50, per: once}\n"
    "  - {name: Run, category: software, amount: 10, per: year, from: 1}\n"
    "values: [{name: V, dimension: efficiency, amount: 40, per: year, from: 1}]\n"
    "scenarios: [{name: low, probability: 1, multipliers: {values: 0.8}}]\n"
    "uncertainties:\n"
    "  - {name: v, target: V, distribution: pert, low: 0.8, mode: 1, high: 1.2, min: 0.9}\n"
    "  - {name: c, target: Run, distribution: normal, mean: 1, sd: 0.1, per_period: true}\n"
    "  - {name: d, target: values, distribution: discrete, values: [0.9, 1.1],"
    " probabilities: [0.5, 0.5]}\n"
    "  - {name: r, target: costs, distribution: bernoulli, p: 0.2, impact: 0.3}\n"
    "  - {name: l, target: C, distribution: lognormal, mean: 1, sd: 0.2}\n"
    "correlations: [{between: [v, l], rank: 0.5}]\n"
    "stages:\n"
    "  - {name: poc, cost: 5, periods: 1, success_probability: 0.6}\n"
    "  - {name: mvp, cost: 8, periods: 1, success_probability: 0.8}\n";

static airoi_sim_options *sim_options(int trials, int threads, int sampling)
{
    airoi_sim_options *o = NULL;
    static const airoi_sim_output outputs[] = {AIROI_SIM_NPV, AIROI_SIM_IRR,
                                               AIROI_SIM_ROI_HORIZON, AIROI_SIM_NPV_ROI,
                                               AIROI_SIM_PAYBACK_PERIODS};
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, trials), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, threads), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, sampling), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_KEEP_TRIALS, 1), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_outputs(o, outputs, COUNT(outputs)), AIROI_OK);
    return o;
}

/* The JSON report of a simulation (written without injection). */
static char *sim_json(const airoi_simulation *s)
{
    char *text = NULL;
    ck_assert_int_eq(airoi_report_write_simulation(&text, NULL, s, AIROI_REPORT_JSON, 0),
                     AIROI_OK);
    return text;
}

/* ---- simulation ---------------------------------------------------------- */

typedef struct sim_case {
    const airoi_project *p;
    const airoi_sim_options *o;
    const airoi_simulation *a, *b; /* two ranges, for merge */
    const void *bytes;             /* a saved simulation, for load */
    size_t len;
} sim_case;

static int op_simulate(char **text, const void *arg)
{
    const sim_case *c = arg;
    airoi_simulation *s = NULL;
    int rc = airoi_project_simulate(&s, c->p, c->o, 0, NULL, NULL);
    injection_off();
    if (settle(rc, s, "airoi_project_simulate"))
        return rc;
    *text = sim_json(s);
    airoi_simulation_free(s);
    return AIROI_OK;
}

static int op_simulate_range_merge(char **text, const void *arg)
{
    const sim_case *c = arg;
    airoi_simulation *s = NULL, *m = NULL;
    int rc = airoi_project_simulate_range(&s, c->p, c->o, 100, 150, 0, NULL, NULL);
    settle(rc, s, "airoi_project_simulate_range");
    int rm = airoi_simulation_merge(&m, c->a, c->b);
    injection_off();
    settle(rm, m, "airoi_simulation_merge");
    if (rc == AIROI_OK && rm == AIROI_OK) {
        char *x = sim_json(s), *y = sim_json(m);
        *text = concat(x, y);
        airoi_free(y);
    }
    airoi_simulation_free(s);
    airoi_simulation_free(m);
    return rc ? rc : rm;
}

static int op_simulation_bytes(char **text, const void *arg)
{
    const sim_case *c = arg;
    void *bytes = NULL;
    size_t len = 0;
    airoi_simulation *s = NULL;
    int rb = airoi_simulation_save_buffer(&bytes, &len, c->a, 0);
    settle(rb, bytes, "airoi_simulation_save_buffer");
    int rl = airoi_simulation_load_buffer(&s, c->p, c->bytes, c->len, 0);
    injection_off();
    settle(rl, s, "airoi_simulation_load_buffer");
    if (rb == AIROI_OK && rl == AIROI_OK) {
        ck_assert(len == c->len && memcmp(bytes, c->bytes, len) == 0);
        *text = sim_json(s);
    }
    airoi_free(bytes);
    airoi_simulation_free(s);
    return rb ? rb : rl;
}

static void simulate_cases(int sampling, int threads)
{
    airoi_project *p = load_text(uncertain_text);
    /* trials run in blocks of 1,024 (AIROI__SIM_BLOCK), one block per thread
     * at a time: three blocks keep both threads busy */
    airoi_sim_options *o = sim_options(threads > 1 ? 2100 : 300, threads, sampling);
    sim_case c = {p, o, NULL, NULL, NULL, 0};
    char what[96];
    snprintf(what, sizeof what, "simulate, %s sampling, %d thread%s",
             sampling == AIROI_SAMPLING_SOBOL ? "Sobol" : "random", threads,
             threads > 1 ? "s" : "");
    oom_all_threads = threads > 1;
    check_faults(what, op_simulate, &c);
    oom_all_threads = 0;
    airoi_sim_options_free(o);
    airoi_project_free(p);
}

START_TEST(simulate_random_1)
{
    simulate_cases(AIROI_SAMPLING_RANDOM, 1);
}
END_TEST

START_TEST(simulate_sobol_1)
{
    simulate_cases(AIROI_SAMPLING_SOBOL, 1);
}
END_TEST

START_TEST(simulate_random_2)
{
    simulate_cases(AIROI_SAMPLING_RANDOM, 2);
}
END_TEST

START_TEST(simulate_sobol_2)
{
    simulate_cases(AIROI_SAMPLING_SOBOL, 2);
}
END_TEST

START_TEST(simulation_ranges_and_bytes)
{
    airoi_project *p = load_text(uncertain_text);
    airoi_sim_options *o = sim_options(300, 1, AIROI_SAMPLING_RANDOM);
    airoi_simulation *a = NULL, *b = NULL;
    void *bytes = NULL;
    size_t len = 0;
    ck_assert_int_eq(airoi_project_simulate_range(&a, p, o, 0, 100, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&b, p, o, 100, 200, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_save_buffer(&bytes, &len, a, 0), AIROI_OK);
    sim_case c = {p, o, a, b, bytes, len};
    check_faults("simulate a range, merge two", op_simulate_range_merge, &c);
    check_faults("save and load a simulation as bytes", op_simulation_bytes, &c);
    airoi_free(bytes);
    airoi_simulation_free(a);
    airoi_simulation_free(b);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* ---- the decision reports and the HTML page ------------------------------ */

typedef struct decide_reports {
    const airoi_result *r;
    const airoi_simulation *sim;
    const airoi_tornado *t;
    const airoi_staging *s;
    const airoi_breakeven *b;
    int kind; /* 0 simulation, 1 tornado, 2 staging, 3 break-even, 4 html, 5 html without sim,
                 6 airoi_report_write html */
    airoi_report_format format;
} decide_reports;

static int op_decide_report(char **text, const void *arg)
{
    const decide_reports *c = arg;
    int rc = AIROI_ERR_INVALID;
    switch (c->kind) {
    case 0: rc = airoi_report_write_simulation(text, NULL, c->sim, c->format, 0); break;
    case 1: rc = airoi_report_write_tornado(text, NULL, c->t, c->format, 0); break;
    case 2: rc = airoi_report_write_staging(text, NULL, c->s, c->format, 0); break;
    case 3: rc = airoi_report_write_breakeven(text, NULL, c->b, c->format, 0); break;
    case 4: rc = airoi_report_write_html(text, NULL, c->r, c->sim, 0); break;
    case 5: rc = airoi_report_write_html(text, NULL, c->r, NULL, 0); break;
    default: rc = airoi_report_write(text, NULL, c->r, AIROI_REPORT_HTML, 0); break;
    }
    injection_off();
    return settle(rc, *text, "a decision report");
}

/* Tornado, staging or break-even (kind 1 to 3) of the project and its
 * report, both under injection. */
typedef struct decide_chain {
    const airoi_project *p;
    int kind;
    airoi_report_format format;
} decide_chain;

static int op_decide_chain(char **text, const void *arg)
{
    const decide_chain *c = arg;
    airoi_tornado *t = NULL;
    airoi_staging *s = NULL;
    airoi_breakeven *b = NULL;
    int rc;
    if (c->kind == 1) {
        rc = airoi_tornado_evaluate(&t, c->p, 0);
        if (rc == AIROI_OK)
            rc = airoi_report_write_tornado(text, NULL, t, c->format, 0);
    } else if (c->kind == 2) {
        rc = airoi_staging_evaluate(&s, c->p, 0);
        if (rc == AIROI_OK)
            rc = airoi_report_write_staging(text, NULL, s, c->format, 0);
    } else {
        rc = airoi_breakeven_evaluate(&b, c->p, 0);
        if (rc == AIROI_OK)
            rc = airoi_report_write_breakeven(text, NULL, b, c->format, 0);
    }
    injection_off();
    airoi_tornado_free(t);
    airoi_staging_free(s);
    airoi_breakeven_free(b);
    return settle(rc, *text, "a decision figure and its report");
}

START_TEST(decision_reports)
{
    airoi_project *p = load_text(uncertain_text);
    airoi_sim_options *o = sim_options(200, 1, AIROI_SAMPLING_RANDOM);
    decide_reports c = {0};
    airoi_result *r = NULL;
    airoi_simulation *sim = NULL;
    airoi_tornado *t = NULL;
    airoi_staging *s = NULL;
    airoi_breakeven *b = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate(&sim, p, o, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_tornado_evaluate(&t, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_staging_evaluate(&s, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_breakeven_evaluate(&b, p, 0), AIROI_OK);
    static const char *const kinds[] = {"simulation", "tornado", "staging", "break-even"};
    for (int kind = 0; kind < 4; kind++)
        for (size_t f = 0; f < COUNT(text_formats); f++) {
            char what[96];
            c = (decide_reports){r, sim, t, s, b, kind, text_formats[f]};
            snprintf(what, sizeof what, "%s report, %s", kinds[kind],
                     airoi_report_format_name(text_formats[f]));
            check_faults(what, op_decide_report, &c);
            if (kind > 0 && f == 0) { /* the figures computed under injection too (text;
                                         every format reads them the same way) */
                decide_chain dc = {p, kind, text_formats[f]};
                snprintf(what, sizeof what, "%s and its report, %s", kinds[kind],
                         airoi_report_format_name(text_formats[f]));
                /* break-even makes about 3,200 allocations, most of them the
                 * same evaluation again: the first 400 fail in turn, then
                 * every 7th */
                if (kind == 3)
                    oom_dense = 400, oom_stride = 7;
                check_faults(what, op_decide_chain, &dc);
                oom_dense = 1000000, oom_stride = 1;
            }
        }
    c = (decide_reports){r, sim, t, s, b, 4, AIROI_REPORT_HTML};
    check_faults("HTML page with a simulation", op_decide_report, &c);
    c.kind = 5;
    check_faults("HTML page without a simulation", op_decide_report, &c);
    c.kind = 6;
    check_faults("airoi_report_write, HTML", op_decide_report, &c);
    airoi_breakeven_free(b);
    airoi_staging_free(s);
    airoi_tornado_free(t);
    airoi_simulation_free(sim);
    airoi_result_free(r);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* A fresh simulation and its report, both under injection: the report
 * computes what a simulation keeps for first use (the sensitivity). */
typedef struct chain_case {
    const airoi_project *p;
    const airoi_result *r;
    const airoi_sim_options *o;
    airoi_report_format format;
} chain_case;

static int op_simulate_report(char **text, const void *arg)
{
    const chain_case *c = arg;
    airoi_simulation *s = NULL;
    int rc = airoi_project_simulate(&s, c->p, c->o, 0, NULL, NULL);
    if (rc == AIROI_OK)
        rc = c->format == AIROI_REPORT_HTML
                 ? airoi_report_write_html(text, NULL, c->r, s, 0)
                 : airoi_report_write_simulation(text, NULL, s, c->format, 0);
    injection_off();
    airoi_simulation_free(s);
    return settle(rc, *text, "simulate and report");
}

/* The whole business case from the project: simulation, tornado, staging,
 * evaluation and the page, all under injection. */
static int op_business_case_chain(char **text, const void *arg)
{
    const chain_case *c = arg;
    airoi_simulation *s = NULL;
    airoi_tornado *t = NULL;
    airoi_staging *st = NULL;
    airoi_result *r = NULL;
    int rc = airoi_project_simulate(&s, c->p, c->o, 0, NULL, NULL);
    if (rc == AIROI_OK)
        rc = airoi_tornado_evaluate(&t, c->p, 0);
    if (rc == AIROI_OK)
        rc = airoi_staging_evaluate(&st, c->p, 0);
    if (rc == AIROI_OK)
        rc = airoi_project_evaluate(&r, c->p, NULL, 0);
    if (rc == AIROI_OK)
        rc = airoi_report_write_business_case(text, NULL, r, s, t, st, 0);
    injection_off();
    airoi_result_free(r);
    airoi_staging_free(st);
    airoi_tornado_free(t);
    airoi_simulation_free(s);
    return settle(rc, *text, "the business case from the project");
}

START_TEST(simulate_then_report)
{
    airoi_project *p = load_text(uncertain_text);
    airoi_sim_options *o = sim_options(200, 1, AIROI_SAMPLING_RANDOM);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    /* every format gathers the figures the same way: text and the page */
    static const airoi_report_format chained[] = {AIROI_REPORT_TEXT, AIROI_REPORT_HTML};
    for (size_t f = 0; f < COUNT(chained); f++) {
        char what[64];
        chain_case c = {p, r, o, chained[f]};
        snprintf(what, sizeof what, "simulate and report, %s",
                 airoi_report_format_name(chained[f]));
        check_faults(what, op_simulate_report, &c);
    }
    chain_case c = {p, r, o, AIROI_REPORT_HTML};
    check_faults("the business case from the project", op_business_case_chain, &c);
    airoi_result_free(r);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* ---- every section of the result report, alone, in every format ----------- */

typedef struct section_case {
    const airoi_result *r;
    airoi_report_format format;
    unsigned sections;
} section_case;

static int op_section(char **text, const void *arg)
{
    const section_case *c = arg;
    int rc = airoi_report_write(text, NULL, c->r, c->format, c->sections);
    injection_off();
    return settle(rc, *text, "airoi_report_write");
}

START_TEST(report_sections)
{
    /* the rollout example: foreign currency, scenarios, a use case with its
     * benchmark, findings; honest estimate for the HONEST section */
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, example_path("genai-support-rollout.yaml"), 0),
                     AIROI_OK);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, AIROI_EVAL_HONEST_ESTIMATE), AIROI_OK);
    static const unsigned sections[] = {
        AIROI_REPORT_METRICS,  AIROI_REPORT_TCO,       AIROI_REPORT_SCHEDULE,
        AIROI_REPORT_SCENARIOS, AIROI_REPORT_FINDINGS, AIROI_REPORT_BENCHMARK,
        AIROI_REPORT_HONEST,   AIROI_REPORT_AUDIT,     AIROI_REPORT_COMPARE};
    for (size_t f = 0; f < COUNT(text_formats); f++)
        for (size_t k = 0; k < COUNT(sections); k++) {
            char what[96];
            section_case c = {r, text_formats[f], sections[k]};
            snprintf(what, sizeof what, "report %s, sections %#x",
                     airoi_report_format_name(text_formats[f]), sections[k]);
            check_faults(what, op_section, &c);
        }
    airoi_result_free(r);
    airoi_project_free(p);
}
END_TEST

/* ---- portfolios ------------------------------------------------------------ */

/* After a portfolio load: the status, the diagnostics, the saved file. */
static int op_portfolio_load(char **text, const void *arg)
{
    airoi_portfolio *pf = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_portfolio_load_file(&pf, &d, arg, 0);
    injection_off();
    if (rc == AIROI_ERR_NOMEM) {
        check_nomem_message("airoi_portfolio_load_file");
        ck_assert_ptr_null(pf);
        ck_assert_ptr_null(d);
        return rc;
    }
    *text = airoi__strdup(airoi_status_str(rc));
    ck_assert_ptr_nonnull(*text);
    *text = concat_diagnostics(*text, d);
    if (pf) {
        char *y = NULL;
        ck_assert_int_eq(airoi_portfolio_save_buffer(&y, NULL, pf, 0), AIROI_OK);
        *text = concat(*text, "\n");
        *text = concat(*text, y);
        airoi_free(y);
    }
    airoi_diagnostics_free(d);
    airoi_portfolio_free(pf);
    return AIROI_OK;
}

static int op_portfolio_save(char **text, const void *arg)
{
    int rc = airoi_portfolio_save_buffer(text, NULL, arg, 0);
    injection_off();
    return settle(rc, *text, "airoi_portfolio_save_buffer");
}

static char tmpdir[64];

static const char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

START_TEST(portfolio_load_save)
{
    check_faults("load the portfolio example", op_portfolio_load,
                 example_path("portfolio/ai-programme-2027.yaml"));
    check_faults("load the shared-drivers portfolio", op_portfolio_load,
                 example_path("portfolio/shared-drivers-2027.yaml"));
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-oom-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    const char *broken = write_file(
        "broken.yaml", "airoi: 1\nportfolio: {name: B, currency: USD, budget: -1}\n"
                       "projects:\n  - {file: missing.yaml}\n"
                       "  - project: {name: X, horizon: 2}\n"
                       "    costs: [{name: a, category: snacks, amount: 1}]\n");
    check_faults("load a broken portfolio", op_portfolio_load, broken);
    remove(broken);
    rmdir(tmpdir);
    airoi_portfolio *pf = NULL;
    ck_assert_int_eq(airoi_portfolio_load_file(&pf, NULL,
                                               example_path("portfolio/shared-drivers-2027.yaml"), 0),
                     AIROI_OK);
    check_faults("save the shared-drivers portfolio", op_portfolio_save, pf);
    airoi_portfolio_free(pf);
}
END_TEST

/* Step `step` of building a portfolio through the API; *done past the last. */
static int pf_step(airoi_portfolio *pf, const airoi_project *const *projects, int step, int *done)
{
    *done = 0;
    switch (step) {
    case 0: return airoi_portfolio_set_budget(pf, 400);
    case 1: return airoi_portfolio_set_measure(pf, AIROI_MEASURE_TCO);
    case 2: return airoi_portfolio_set_fx(pf, "EUR", 1.1);
    case 3: return airoi_portfolio_add_project(pf, projects[0], 0, "a.yaml");
    case 4: return airoi_portfolio_add_project(pf, projects[1], 1, NULL);
    case 5: return airoi_portfolio_set_frontier_levels(pf, 5);
    case 6: return airoi_portfolio_set_fx(pf, "EUR", 1.2);
    default: *done = 1; return AIROI_OK;
    }
}

static char *pf_saved(const airoi_portfolio *pf)
{
    char *y = NULL;
    ck_assert_int_eq(airoi_portfolio_save_buffer(&y, NULL, pf, 0), AIROI_OK);
    return y;
}

/* The portfolio after its first `steps` steps, fault-free, saved. */
static char *pf_after(const airoi_project *const *projects, int steps)
{
    airoi_portfolio *pf = NULL;
    int done = 0;
    ck_assert_int_eq(airoi_portfolio_new(&pf, "built", "USD"), AIROI_OK);
    for (int i = 0; i < steps; i++)
        ck_assert_int_eq(pf_step(pf, projects, i, &done), AIROI_OK);
    char *y = pf_saved(pf);
    airoi_portfolio_free(pf);
    return y;
}

/* Builds a portfolio step by step; a failed step must leave the portfolio
 * as it was (its saved text), is retried without injection, and the build
 * goes on; then evaluates it. The text: the saved portfolio and its JSON
 * report. */
static int op_portfolio_build(char **text, const void *arg)
{
    const airoi_project *const *projects = arg;
    airoi_portfolio *pf = NULL;
    int rc = airoi_portfolio_new(&pf, "built", "USD");
    if (rc != AIROI_OK) {
        injection_off();
        return settle(rc, pf, "airoi_portfolio_new");
    }
    int done = 0;
    for (int step = 0; !done; step++) {
        rc = pf_step(pf, projects, step, &done);
        if (rc == AIROI_ERR_NOMEM) {
            injection_off();
            check_nomem_message("a portfolio build step");
            char *now = pf_saved(pf), *was = pf_after(projects, step);
            ck_assert_msg(strcmp(now, was) == 0,
                          "portfolio step %d failed and changed the portfolio:\n%s", step, now);
            airoi_free(now);
            airoi_free(was);
            rc = pf_step(pf, projects, step, &done);
        }
        ck_assert_msg(rc == AIROI_OK, "step %d: %s", step, airoi_status_str(rc));
    }
    airoi_portfolio_result *r = NULL;
    rc = airoi_portfolio_evaluate(&r, pf, 0);
    injection_off();
    if (settle(rc, r, "airoi_portfolio_evaluate") == AIROI_OK) {
        char *json = NULL;
        *text = pf_saved(pf);
        ck_assert_int_eq(airoi_portfolio_report_write(&json, NULL, r, AIROI_REPORT_JSON, 0),
                         AIROI_OK);
        *text = concat(*text, json);
        airoi_free(json);
    }
    airoi_portfolio_result_free(r);
    airoi_portfolio_free(pf);
    return rc;
}

static const char project_a[] =
    "airoi: 1\nproject: {name: A, currency: EUR, horizon: 3}\n"
    "costs: [{name: Build, category: people, amount: 100, per: once},"
    " {name: Run, category: software, amount: 20, per: year, from: 1}]\n"
    "values: [{name: Gain, dimension: efficiency, amount: 90, per: year, from: 1}]\n"
    "uncertainties: [{name: g, target: Gain, distribution: triangular, low: 0.7, mode: 1,"
    " high: 1.2, driver: adoption}, {name: r, target: Run, distribution: uniform, low: 0.9,"
    " high: 1.5, driver: vendor}]\n";
static const char project_b[] =
    "airoi: 1\nproject: {name: B, currency: USD, horizon: 3}\n"
    "costs: [{name: Build, category: integration, amount: 150, per: once}]\n"
    "values: [{name: Sales, dimension: revenue, amount: 80, per: year, from: 1}]\n"
    "uncertainties: [{name: s, target: Sales, distribution: triangular, low: 0.7, mode: 1,"
    " high: 1.2, driver: adoption}, {name: own, target: Build, distribution: pert, low: 0.9,"
    " mode: 1, high: 1.6}]\n";

START_TEST(portfolio_build_evaluate)
{
    airoi_project *a = load_text(project_a), *b = load_text(project_b);
    const airoi_project *projects[2] = {a, b};
    check_faults("build and evaluate a portfolio", op_portfolio_build, projects);
    airoi_project_free(a);
    airoi_project_free(b);
}
END_TEST

/* A two-project portfolio with shared drivers, through the API. */
static airoi_portfolio *small_portfolio(void)
{
    airoi_project *a = load_text(project_a), *b = load_text(project_b);
    airoi_portfolio *pf = NULL;
    ck_assert_int_eq(airoi_portfolio_new(&pf, "small", "USD"), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_set_fx(pf, "EUR", 1.1), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_add_project(pf, a, 0, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_add_project(pf, b, 0, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_set_frontier_levels(pf, 4), AIROI_OK);
    airoi_project_free(a);
    airoi_project_free(b);
    return pf;
}

typedef struct pf_case {
    const airoi_portfolio *pf;
    const airoi_portfolio_result *r;
    const airoi_portfolio_simulation *sim, *a, *b;
    const airoi_sim_options *o;
    const void *bytes;
    size_t len;
    airoi_report_format format;
} pf_case;

static int op_portfolio_evaluate(char **text, const void *arg)
{
    const pf_case *c = arg;
    airoi_portfolio_result *r = NULL;
    int rc = airoi_portfolio_evaluate(&r, c->pf, 0);
    injection_off();
    if (settle(rc, r, "airoi_portfolio_evaluate") == AIROI_OK) {
        ck_assert_int_eq(airoi_portfolio_report_write(text, NULL, r, AIROI_REPORT_JSON, 0),
                         AIROI_OK);
        airoi_portfolio_result_free(r);
    }
    return rc;
}

static int op_portfolio_report(char **text, const void *arg)
{
    const pf_case *c = arg;
    int rc = c->sim ? airoi_portfolio_report_write_sim(text, NULL, c->r, c->sim, c->format, 0)
                    : airoi_portfolio_report_write(text, NULL, c->r, c->format, 0);
    injection_off();
    return settle(rc, *text, "a portfolio report");
}

static char *pf_sim_text(const pf_case *c, const airoi_portfolio_simulation *s)
{
    char *text = NULL;
    ck_assert_int_eq(airoi_portfolio_report_write_sim(&text, NULL, c->r, s, AIROI_REPORT_JSON, 0),
                     AIROI_OK);
    return text;
}

static int op_portfolio_simulate(char **text, const void *arg)
{
    const pf_case *c = arg;
    airoi_portfolio_simulation *s = NULL;
    int rc = airoi_portfolio_simulate(&s, c->pf, c->o, 0);
    injection_off();
    if (settle(rc, s, "airoi_portfolio_simulate") == AIROI_OK) {
        *text = pf_sim_text(c, s);
        airoi_portfolio_simulation_free(s);
    }
    return rc;
}

static int op_portfolio_sim_parts(char **text, const void *arg)
{
    const pf_case *c = arg;
    airoi_portfolio_simulation *s = NULL, *m = NULL, *l = NULL;
    void *bytes = NULL;
    size_t len = 0;
    int rc[4];
    rc[0] = settle(airoi_portfolio_simulate_range(&s, c->pf, c->o, 50, 60, 0), NULL, "range");
    if (rc[0])
        ck_assert_ptr_null(s);
    rc[1] = airoi_portfolio_simulation_merge(&m, c->a, c->b);
    settle(rc[1], rc[1] ? NULL : m, "airoi_portfolio_simulation_merge");
    if (rc[1])
        ck_assert_ptr_null(m);
    rc[2] = airoi_portfolio_simulation_save_buffer(&bytes, &len, c->a, 0);
    settle(rc[2], rc[2] ? NULL : bytes, "airoi_portfolio_simulation_save_buffer");
    if (rc[2])
        ck_assert_ptr_null(bytes);
    rc[3] = airoi_portfolio_simulation_load_buffer(&l, c->bytes, c->len, 0);
    injection_off();
    settle(rc[3], rc[3] ? NULL : l, "airoi_portfolio_simulation_load_buffer");
    if (rc[3])
        ck_assert_ptr_null(l);
    int status = AIROI_OK;
    for (int i = 0; i < 4; i++)
        if (rc[i])
            status = rc[i];
    if (status == AIROI_OK) {
        ck_assert(len == c->len && memcmp(bytes, c->bytes, len) == 0);
        *text = pf_sim_text(c, s);
        char *y = pf_sim_text(c, m), *z = pf_sim_text(c, l);
        *text = concat(concat(*text, y), z);
        airoi_free(y);
        airoi_free(z);
    }
    airoi_free(bytes);
    airoi_portfolio_simulation_free(s);
    airoi_portfolio_simulation_free(m);
    airoi_portfolio_simulation_free(l);
    return status;
}

/* A fresh portfolio simulation and its report, both under injection. */
static int op_portfolio_simulate_report(char **text, const void *arg)
{
    const pf_case *c = arg;
    airoi_portfolio_simulation *s = NULL;
    int rc = airoi_portfolio_simulate(&s, c->pf, c->o, 0);
    if (rc == AIROI_OK)
        rc = airoi_portfolio_report_write_sim(text, NULL, c->r, s, c->format, 0);
    injection_off();
    airoi_portfolio_simulation_free(s);
    return settle(rc, *text, "portfolio simulation and its report");
}

static void portfolio_sim_case(int threads)
{
    airoi_portfolio *pf = small_portfolio();
    airoi_sim_options *o = sim_options(threads > 1 ? 2100 : 300, threads, AIROI_SAMPLING_RANDOM);
    airoi_portfolio_result *r = NULL;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), AIROI_OK);
    pf_case c = {pf, r, NULL, NULL, NULL, o, NULL, 0, AIROI_REPORT_JSON};
    oom_all_threads = threads > 1;
    check_faults(threads > 1 ? "portfolio simulation, 2 threads" : "portfolio simulation",
                 op_portfolio_simulate, &c);
    oom_all_threads = 0;
    for (size_t f = 0; threads == 1 && f < 2; f++) { /* text and the page */
        char what[96];
        c.format = f ? AIROI_REPORT_HTML : AIROI_REPORT_TEXT;
        snprintf(what, sizeof what, "portfolio simulation and its report, %s",
                 airoi_report_format_name(c.format));
        check_faults(what, op_portfolio_simulate_report, &c);
    }
    airoi_portfolio_result_free(r);
    airoi_sim_options_free(o);
    airoi_portfolio_free(pf);
}

START_TEST(portfolio_simulate_1)
{
    portfolio_sim_case(1);
}
END_TEST

START_TEST(portfolio_simulate_2)
{
    portfolio_sim_case(2);
}
END_TEST

START_TEST(portfolio_evaluate_reports)
{
    airoi_portfolio *pf = small_portfolio();
    airoi_sim_options *o = sim_options(300, 1, AIROI_SAMPLING_RANDOM);
    airoi_portfolio_result *r = NULL;
    airoi_portfolio_simulation *sim = NULL, *a = NULL, *b = NULL;
    void *bytes = NULL;
    size_t len = 0;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate(&sim, pf, o, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate_range(&a, pf, o, 0, 100, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate_range(&b, pf, o, 100, 100, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulation_save_buffer(&bytes, &len, a, 0), AIROI_OK);
    pf_case c = {pf, r, NULL, a, b, o, bytes, len, AIROI_REPORT_JSON};
    check_faults("evaluate a portfolio (selection, frontier)", op_portfolio_evaluate, &c);
    check_faults("portfolio range, merge, bytes", op_portfolio_sim_parts, &c);
    for (int with_sim = 0; with_sim < 2; with_sim++)
        for (size_t f = 0; f < COUNT(all_formats); f++) {
            char what[96];
            c.sim = with_sim ? sim : NULL;
            c.format = all_formats[f];
            snprintf(what, sizeof what, "portfolio report%s, %s",
                     with_sim ? " with its simulation" : "",
                     airoi_report_format_name(all_formats[f]));
            check_faults(what, op_portfolio_report, &c);
        }
    airoi_free(bytes);
    airoi_portfolio_simulation_free(a);
    airoi_portfolio_simulation_free(b);
    airoi_portfolio_simulation_free(sim);
    airoi_portfolio_result_free(r);
    airoi_sim_options_free(o);
    airoi_portfolio_free(pf);
}
END_TEST

/* ---- tracking -------------------------------------------------------------- */

typedef struct track_case {
    const airoi_project *p;
    const airoi_tracking *t;
    airoi_report_format format;
} track_case;

static int op_track(char **text, const void *arg)
{
    const track_case *c = arg;
    airoi_tracking *t = NULL;
    int rc = airoi_project_track(&t, c->p, 0);
    injection_off();
    if (settle(rc, t, "airoi_project_track") == AIROI_OK) {
        ck_assert_int_eq(airoi_tracking_report_write(text, NULL, t, AIROI_REPORT_JSON, 0),
                         AIROI_OK);
        airoi_tracking_free(t);
    }
    return rc;
}

static int op_tracking_report(char **text, const void *arg)
{
    const track_case *c = arg;
    int rc = airoi_tracking_report_write(text, NULL, c->t, c->format, 0);
    injection_off();
    return settle(rc, *text, "airoi_tracking_report_write");
}

/* A step of building tracking data, uncertainties, stages, settings and
 * the narrative through the API; *done past the last. */
static int build_step(airoi_project *p, int step, int *done)
{
    airoi_uncertainty *u = NULL;
    airoi_sim_options *o = NULL;
    const double values[] = {0.9, 1.1}, probabilities[] = {0.5, 0.5};
    int rc;
    *done = 0;
    switch (step) {
    case 0: return airoi_project_add_actual(p, 0, "Build", 110);
    case 1: return airoi_project_add_actual(p, 1, "Gain", 70);
    case 2: return airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_AS_OF, 1);
    case 3: return airoi_project_add_indicator(p, "adoption", AIROI_DIRECTION_UP, 0.6);
    case 4:
        return airoi_project_set_indicator_threshold(p, "adoption", AIROI_INDICATOR_AT_RISK, 0.4);
    case 5: return airoi_project_add_indicator_value(p, "adoption", 1, 0.5);
    case 6: return airoi_project_add_stage(p, "poc", 5, 1, 0.7);
    case 7:
        return airoi_project_add_criterion(p, 0, "adoption", AIROI_CRITERION_AT_LEAST, 0.3, 1);
    case 8: return airoi_project_set_tracking(p, AIROI_TRACKING_PARAM_GATES_AS_OF, 1);
    case 9: return airoi_project_add_uncertainty(&u, p, "Gain", AIROI_DIST_DISCRETE);
    case 10:
        return airoi_uncertainty_set_discrete(airoi_project_get_uncertainty_mutable(p, 0), values,
                                              probabilities, 2);
    case 11:
        return airoi_uncertainty_set_string(airoi_project_get_uncertainty_mutable(p, 0),
                                            AIROI_UNCERTAINTY_NAME, "g");
    case 12: return airoi_project_add_uncertainty(&u, p, "costs", AIROI_DIST_UNIFORM);
    case 13:
        return airoi_uncertainty_set_string(airoi_project_get_uncertainty_mutable(p, 1),
                                            AIROI_UNCERTAINTY_NAME, "c");
    case 14:
        return airoi_uncertainty_set_number(airoi_project_get_uncertainty_mutable(p, 1),
                                            AIROI_UNCERTAINTY_LOW, 0.9);
    case 15:
        return airoi_uncertainty_set_number(airoi_project_get_uncertainty_mutable(p, 1),
                                            AIROI_UNCERTAINTY_HIGH, 1.2);
    case 16: return airoi_project_add_correlation(p, "g", "c", 0.3);
    case 17: return airoi_project_set_narrative(p, "problem", "Slow answers");
    case 18: return airoi_project_add_risk(p, "Low uptake", "Training", "Ops");
    case 19:
        rc = airoi_sim_options_new(&o);
        if (rc == AIROI_OK)
            rc = airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 50);
        if (rc == AIROI_OK)
            rc = airoi_project_set_sim_options(p, o);
        airoi_sim_options_free(o);
        return rc;
    case 20: return airoi_project_remove_risk(p, 0);
    case 21: return airoi_project_add_risk(p, "Vendor lock-in", NULL, NULL);
    default: *done = 1; return AIROI_OK;
    }
}

static const char base_text[] =
    "airoi: 1\nproject: {name: T, horizon: 3}\n"
    "costs: [{name: Build, category: people, amount: 100, per: once}]\n"
    "values: [{name: Gain, dimension: efficiency, amount: 80, per: year, from: 1}]\n";

static char *yaml_after(int steps)
{
    airoi_project *p = load_text(base_text);
    int done = 0;
    for (int i = 0; i < steps; i++)
        ck_assert_int_eq(build_step(p, i, &done), AIROI_OK);
    char *s = yaml_of(p);
    airoi_project_free(p);
    return s;
}

/* Clones the base project, builds on the clone step by step (a failed
 * step must leave it as it was; it is retried without injection), then
 * tracks; the text is the YAML and the tracking's JSON. */
static int op_build(char **text, const void *arg)
{
    const airoi_project *p = arg;
    airoi_project *q = NULL;
    int rc = airoi_project_clone(&q, p);
    if (rc != AIROI_OK) {
        injection_off();
        return settle(rc, q, "airoi_project_clone");
    }
    build_steps(q, build_step, yaml_after);
    airoi_tracking *t = NULL;
    rc = airoi_project_track(&t, q, 0);
    injection_off();
    if (settle(rc, t, "airoi_project_track") == AIROI_OK) {
        char *json = NULL;
        *text = yaml_of(q);
        ck_assert_int_eq(airoi_tracking_report_write(&json, NULL, t, AIROI_REPORT_JSON, 0),
                         AIROI_OK);
        *text = concat(*text, json);
        airoi_free(json);
    }
    airoi_tracking_free(t);
    airoi_project_free(q);
    return rc;
}

START_TEST(tracking_build)
{
    airoi_project *p = load_text(base_text);
    check_faults("build tracking data, uncertainties, narrative; track", op_build, p);
    airoi_project_free(p);
}
END_TEST

START_TEST(tracking_reports)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_model_load_file(&p, NULL, example_path("tracking-midway.yaml"), 0),
                     AIROI_OK);
    airoi_tracking *t = NULL;
    ck_assert_int_eq(airoi_project_track(&t, p, 0), AIROI_OK);
    track_case c = {p, t, AIROI_REPORT_JSON};
    check_faults("track the tracking example", op_track, &c);
    for (size_t f = 0; f < COUNT(all_formats); f++) {
        char what[64];
        c.format = all_formats[f];
        snprintf(what, sizeof what, "tracking report, %s",
                 airoi_report_format_name(all_formats[f]));
        check_faults(what, op_tracking_report, &c);
    }
    airoi_tracking_free(t);
    airoi_project_free(p);
}
END_TEST

/* ---- saving to a file, validating, schedules, options ---------------------- */

static int op_save_file(char **text, const void *arg)
{
    char path[128];
    snprintf(path, sizeof path, "%s/saved.yaml", tmpdir);
    int rc = airoi_model_save_file(arg, path, 0);
    injection_off();
    if (settle(rc, NULL, "airoi_model_save_file"))
        return rc;
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    remove(path);
    *text = airoi__strdup(buf);
    return AIROI_OK;
}

static int op_validate(char **text, const void *arg)
{
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_validate(&d, arg, 0);
    injection_off();
    if (rc == AIROI_ERR_NOMEM)
        return settle(rc, d, "airoi_model_validate");
    *text = concat_diagnostics(airoi__strdup(airoi_status_str(rc)), d);
    airoi_diagnostics_free(d);
    return AIROI_OK;
}

static int op_schedule(char **text, const void *arg)
{
    (void)arg;
    const double costs[] = {100, 10, 10}, benefits[] = {0, 70, 80};
    airoi_schedule *s = NULL, *c = NULL;
    int rc = airoi_schedule_new(&s, costs, benefits, 3, 0.1);
    settle(rc, s, "airoi_schedule_new");
    int rk = s ? airoi_schedule_clone(&c, s) : AIROI_ERR_NOMEM;
    injection_off();
    if (s)
        settle(rk, c, "airoi_schedule_clone");
    int status = rc ? rc : rk;
    if (status == AIROI_OK) {
        double v[3];
        size_t n = 0;
        char buf[128];
        ck_assert_int_eq(airoi_schedule_get_column(v, 3, &n, c, AIROI_SCHEDULE_DISCOUNTED_CUMULATIVE),
                         AIROI_OK);
        snprintf(buf, sizeof buf, "%.17g %.17g %.17g", v[0], v[1], v[2]);
        *text = airoi__strdup(buf);
    }
    airoi_schedule_free(s);
    airoi_schedule_free(c);
    return status;
}

static int op_options(char **text, const void *arg)
{
    (void)arg;
    airoi_sim_options *o = NULL, *c = NULL;
    const airoi_sim_output outputs[] = {AIROI_SIM_NPV, AIROI_SIM_IRR};
    const double percentiles[] = {5, 50, 95};
    int rc = airoi_sim_options_new(&o);
    if (rc == AIROI_OK)
        rc = airoi_sim_options_set_outputs(o, outputs, 2);
    if (rc == AIROI_OK)
        rc = airoi_sim_options_set_percentiles(o, percentiles, 3);
    if (rc == AIROI_OK)
        rc = airoi_sim_options_clone(&c, o);
    injection_off();
    if (settle(rc, NULL, "sim options") == AIROI_OK) {
        airoi_project *p = load_text(base_text);
        ck_assert_int_eq(airoi_project_set_sim_options(p, c), AIROI_OK);
        *text = yaml_of(p);
        airoi_project_free(p);
    }
    airoi_sim_options_free(o);
    airoi_sim_options_free(c);
    return rc;
}

START_TEST(model_files_schedules_options)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-oom-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    airoi_project *p = load_text(uncertain_text);
    check_faults("save a model to a file", op_save_file, p);
    check_faults("validate a model", op_validate, p);
    airoi_project_free(p);
    p = load_text("airoi: 1\nproject: {name: W, horizon: 1}\n"
                  "indicators: [{name: a, target: 1}]\n");
    check_faults("validate a model with a warning", op_validate, p);
    airoi_project_free(p);
    check_faults("schedule new and clone", op_schedule, NULL);
    check_faults("simulation options", op_options, NULL);
    rmdir(tmpdir);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {
        simulate_random_1, simulate_sobol_1, simulate_random_2, simulate_sobol_2,
        simulation_ranges_and_bytes, simulate_then_report, decision_reports, report_sections,
        portfolio_load_save, portfolio_build_evaluate, portfolio_simulate_1, portfolio_simulate_2,
        portfolio_evaluate_reports, tracking_build, tracking_reports,
        model_files_schedules_options};
    return run_suite("surface-oom", tests, sizeof tests / sizeof tests[0]);
}
