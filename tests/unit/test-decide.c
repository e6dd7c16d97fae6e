/*
 * tests/unit/test-decide.c: staged investment, break-even points and the
 * tornado (docs/methodology.md#decisions): a two-stage case computed by
 * hand, break-even roots checked by evaluating the project at the root,
 * tornado bars checked by evaluating the project with the multiplier
 * applied, and every refusal with its message.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <airoi/airoi.h>

#define TOL 1e-9

/* ---- helpers ----------------------------------------------------------------- */

static void ok(int rc, const char *what)
{
    ck_assert_msg(rc == AIROI_OK, "%s: %s: %s", what, airoi_status_str(rc),
                  airoi_last_error_message());
}

/* The base model of these tests: yearly, periods 0..2, 10% a year; Build
 * 100 once at 0 (people); Savings 80 a year in periods 1 and 2 (efficiency).
 * PV costs 100, PV benefits 80/1.1 + 80/1.21, total costs 100. */
#define PVB (80.0 / 1.1 + 80.0 / 1.21)
#define PVC 100.0
#define NPV (PVB - PVC)

static airoi_project *base_model(double build, double savings)
{
    airoi_project *p = NULL;
    ok(airoi_project_new(&p, "decide"), "new");
    ok(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_YEAR), "period");
    ok(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), "horizon");
    ok(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.10), "rate");
    airoi_item *c = NULL, *v = NULL;
    ok(airoi_project_add_cost(&c, p, "Build", AIROI_CATEGORY_PEOPLE), "cost");
    ok(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, build), "amount");
    ok(airoi_item_set_number(c, AIROI_ITEM_PER, AIROI_PER_ONCE), "per");
    ok(airoi_project_add_value(&v, p, "Savings", AIROI_DIMENSION_EFFICIENCY), "value");
    ok(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, savings), "amount");
    ok(airoi_item_set_number(v, AIROI_ITEM_PER, AIROI_PER_YEAR), "per");
    return p;
}

/* NPV of p's base case with `factor` on `target` (NULL: none) and the
 * adoption cap `ceiling` (< 0: none), through a scenario of a copy of p and
 * the public evaluation: the independent check of the figures. */
static double npv_with(const airoi_project *p, const char *target, double factor, double ceiling)
{
    airoi_project *c = NULL;
    ok(airoi_project_clone(&c, p), "clone");
    while (airoi_project_count_scenarios(c))
        ok(airoi_project_remove_scenario(c, 0), "remove scenario");
    airoi_scenario *s = NULL;
    ok(airoi_project_add_scenario(&s, c, "check", 1.0), "scenario");
    if (target)
        ok(airoi_scenario_add_multiplier(s, target, factor), "multiplier");
    if (ceiling >= 0)
        ok(airoi_scenario_set_number(s, AIROI_SCENARIO_ADOPTION_CEILING, ceiling), "ceiling");
    airoi_result *r = NULL;
    ok(airoi_project_evaluate(&r, c, "check", 0), "evaluate");
    double npv = 0;
    ok(airoi_result_get_metric(&npv, r, AIROI_METRIC_NPV), "npv");
    airoi_result_free(r);
    airoi_project_free(c);
    return npv;
}

static void expect_error(int rc, int status, const char *fragment)
{
    ck_assert_msg(rc == status, "status %s, expected %s (%s)", airoi_status_str(rc),
                  airoi_status_str(status), airoi_last_error_message());
    ck_assert_msg(strstr(airoi_last_error_message(), fragment), "message '%s' lacks '%s'",
                  airoi_last_error_message(), fragment);
}

static airoi_uncertainty *uniform(airoi_project *p, const char *target, double lo, double hi)
{
    airoi_uncertainty *u = NULL;
    ok(airoi_project_add_uncertainty(&u, p, target, AIROI_DIST_UNIFORM), "uncertainty");
    ok(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, lo), "low");
    ok(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, hi), "high");
    return u;
}

/* ---- staging ----------------------------------------------------------------- */

static double figure(const airoi_staging *s, airoi_staging_figure f)
{
    double v = -12345;
    ok(airoi_staging_get(&v, s, f), "staging figure");
    return v;
}

/* Two stages: poc costs 10 at period 0, lasts 1, passes with 0.5; mvp
 * costs 20 at period 1, lasts 1, passes with 0.8; the model then starts at
 * period D = 2 with probability P = 0.4. By hand:
 *   expected_npv = -(10 + 0.5 x 20 / 1.1) + 0.4 x NPV / 1.1^2
 *   npv_all_in   = -(10 + 20 / 1.1) + (0.4 x PVB - PVC) / 1.1^2
 *   expected_cost = 10 + 0.5 x 20 + 0.4 x 100 = 60. */
START_TEST(staging_two_stages)
{
    airoi_project *p = base_model(100, 80);
    ok(airoi_project_add_stage(p, "poc", 10, 1, 0.5), "stage");
    ok(airoi_project_add_stage(p, "mvp", 20, 1, 0.8), "stage");
    airoi_staging *s = NULL;
    ok(airoi_staging_evaluate(&s, p, 0), "staging");
    double expected_npv = -(10 + 0.5 * 20 / 1.1) + 0.4 * NPV / 1.21;
    double all_in = -(10 + 20 / 1.1) + (0.4 * PVB - PVC) / 1.21;
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_PROB_PRODUCTION), 0.4, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_EXPECTED_COST), 60.0, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_EXPECTED_NPV), expected_npv, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_NPV_ALL_IN), all_in, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_VALUE_OF_STAGING), expected_npv - all_in,
                            TOL);
    /* the same figures as numbers: -6.2502561..., -64.9279421..., 58.677686... */
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_EXPECTED_NPV), -6.25025613, 1e-7);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_NPV_ALL_IN), -64.92794208, 1e-7);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_VALUE_OF_STAGING), 58.67768595, 1e-7);

    ck_assert_uint_eq(airoi_staging_count(s), 2);
    const char *name = NULL;
    double prob = 0, reach = 0;
    int from_prior = -1;
    int32_t start = -1;
    ok(airoi_staging_get_stage(&name, &prob, &from_prior, &reach, &start, s, 1), "stage 1");
    ck_assert_str_eq(name, "mvp");
    ck_assert_double_eq_tol(prob, 0.8, TOL);
    ck_assert_int_eq(from_prior, 0);
    ck_assert_double_eq_tol(reach, 0.5, TOL);
    ck_assert_int_eq(start, 1);
    expect_error(airoi_staging_get_stage(NULL, NULL, NULL, NULL, NULL, s, 2), AIROI_ERR_NOT_FOUND,
                 "past the end");
    airoi_staging_free(s);
    airoi_project_free(p);
}
END_TEST

/* A stage of zero periods costs at the same period as the next; a stage
 * that always passes and costs nothing changes nothing. */
START_TEST(staging_degenerate_stages)
{
    airoi_project *p = base_model(100, 80);
    ok(airoi_project_add_stage(p, "gate", 0, 0, 1.0), "stage");
    airoi_staging *s = NULL;
    ok(airoi_staging_evaluate(&s, p, 0), "staging");
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_EXPECTED_NPV), NPV, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_NPV_ALL_IN), NPV, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_VALUE_OF_STAGING), 0.0, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_EXPECTED_COST), 100.0, TOL);
    airoi_staging_free(s);
    airoi_project_free(p);
}
END_TEST

START_TEST(staging_priors)
{
    double v = 0;
    ok(airoi_gate_prior_get(&v, AIROI_PRIOR_PILOT), "pilot");
    ck_assert_double_eq(v, 0.05);
    ok(airoi_gate_prior_get(&v, AIROI_PRIOR_IN_HOUSE), "in_house");
    ck_assert_double_eq(v, 0.33);
    ok(airoi_gate_prior_get(&v, AIROI_PRIOR_PARTNER), "partner");
    ck_assert_double_eq(v, 0.66);
    expect_error(airoi_gate_prior_get(&v, (airoi_gate_prior)AIROI_STAGING_EXPECTED_NPV),
                 AIROI_ERR_INVALID,
                 "AIROI_STAGING_EXPECTED_NPV is an airoi_staging_figure value; expected an "
                 "airoi_gate_prior");
    airoi_gate_prior g = AIROI_PRIOR_PILOT;
    ok(airoi_gate_prior_from_name(&g, "partner"), "from name");
    ck_assert_int_eq(g, AIROI_PRIOR_PARTNER);
    ck_assert_str_eq(airoi_gate_prior_name(AIROI_PRIOR_IN_HOUSE), "in_house");
    ck_assert_ptr_null(airoi_gate_prior_name((airoi_gate_prior)0));
    expect_error(airoi_gate_prior_from_name(&g, "vendor"), AIROI_ERR_INVALID,
                 "pilot, in_house, partner");

    /* a stage with a prior takes its probability: poc 0.05, then mvp 0.66 */
    airoi_project *p = base_model(100, 80);
    ok(airoi_project_add_stage(p, "poc", 10, 1, 0.5), "stage");
    ok(airoi_project_add_stage(p, "mvp", 20, 1, 0.8), "stage");
    ok(airoi_project_set_stage_number(p, 0, AIROI_STAGE_PRIOR, AIROI_PRIOR_PILOT), "prior");
    ok(airoi_project_set_stage_number(p, 1, AIROI_STAGE_PRIOR, AIROI_PRIOR_PARTNER), "prior");
    airoi_staging *s = NULL;
    ok(airoi_staging_evaluate(&s, p, 0), "staging");
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_PROB_PRODUCTION), 0.05 * 0.66, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_EXPECTED_COST),
                            10 + 0.05 * 20 + 0.05 * 0.66 * 100, TOL);
    double prob = 0;
    int from_prior = 0;
    ok(airoi_staging_get_stage(NULL, &prob, &from_prior, NULL, NULL, s, 1), "stage");
    ck_assert_double_eq(prob, 0.66);
    ck_assert_int_eq(from_prior, 1);
    airoi_staging_free(s);

    /* a prior and a success probability replace each other */
    double v2 = 0;
    ok(airoi_project_get_stage_number(&v2, p, 1, AIROI_STAGE_PRIOR), "get prior");
    ck_assert_double_eq(v2, AIROI_PRIOR_PARTNER);
    expect_error(airoi_project_get_stage_number(&v2, p, 1, AIROI_STAGE_SUCCESS_PROBABILITY),
                 AIROI_ERR_NOT_FOUND, "success_probability");
    ok(airoi_project_set_stage_number(p, 1, AIROI_STAGE_SUCCESS_PROBABILITY, 0.8), "set p");
    expect_error(airoi_project_get_stage_number(&v2, p, 1, AIROI_STAGE_PRIOR),
                 AIROI_ERR_NOT_FOUND, "prior");
    ok(airoi_staging_evaluate(&s, p, 0), "staging");
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_PROB_PRODUCTION), 0.05 * 0.8, TOL);
    airoi_staging_free(s);
    expect_error(airoi_project_set_stage_number(p, 1, AIROI_STAGE_PRIOR, 7), AIROI_ERR_INVALID,
                 "one of pilot, in_house, partner");
    airoi_project_free(p);
}
END_TEST

/* Priors from a model file, a stage with neither, a stage with both. */
static const char staged_model[] =
    "airoi: 1\n"
    "project: {name: Staged, horizon: 2, discount_rate: 0.1}\n"
    "costs:\n"
    "  - {name: Build, category: people, amount: 100, per: once}\n"
    "values:\n"
    "  - {name: Savings, dimension: efficiency, amount: 80, per: year}\n"
    "stages:\n";

static int load_staged(airoi_project **p, const char *stages)
{
    char text[1024];
    snprintf(text, sizeof text, "%s%s", staged_model, stages);
    return airoi_model_load_buffer(p, NULL, text, strlen(text), "staged.yaml", 0);
}

START_TEST(staging_priors_from_a_file)
{
    airoi_project *p = NULL;
    ok(load_staged(&p, "  - {name: poc, cost: 10, periods: 1, prior: pilot}\n"
                       "  - {name: mvp, cost: 20, periods: 1, prior: in_house}\n"),
       "load");
    airoi_staging *s = NULL;
    ok(airoi_staging_evaluate(&s, p, 0), "staging");
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_PROB_PRODUCTION), 0.05 * 0.33, TOL);
    ck_assert_double_eq_tol(figure(s, AIROI_STAGING_EXPECTED_NPV),
                            -(10 + 0.05 * 20 / 1.1) + 0.05 * 0.33 * NPV / 1.21, TOL);
    airoi_staging_free(s);
    char *saved = NULL;
    ok(airoi_model_save_buffer(&saved, NULL, p, 0), "save");
    ck_assert_ptr_nonnull(strstr(saved, "prior: in_house"));
    ck_assert_ptr_null(strstr(saved, "success_probability"));
    airoi_free(saved);
    airoi_project_free(p);

    p = NULL;
    ok(load_staged(&p, "  - {name: poc, cost: 10, periods: 1}\n"), "load without a gate");
    expect_error(airoi_staging_evaluate(&s, p, 0), AIROI_ERR_MODEL,
                 "stage 'poc' has no success_probability; give one, or a field prior");
    airoi_project_free(p);

    p = NULL;
    expect_error(load_staged(&p, "  - {name: poc, cost: 10, periods: 1, prior: pilot, "
                                 "success_probability: 0.5}\n"),
                 AIROI_ERR_PARSE, "stages[0]: give success_probability or prior, not both");
    ck_assert_ptr_null(p);
    expect_error(load_staged(&p, "  - {name: poc, cost: 10, periods: 1, prior: vendor}\n"),
                 AIROI_ERR_PARSE, "stages[0].prior: expected one of pilot, in_house, partner");
    ck_assert_ptr_null(p);
}
END_TEST

/* The simulation reads a gate as staging does: with priors pilot (0.05)
 * and partner (0.66), the share of trials that reach production is
 * within four standard errors of P = 0.033 (20,000 trials, seed 7). */
START_TEST(staging_priors_in_simulation)
{
    airoi_project *p = base_model(100, 80);
    ok(airoi_project_add_stage(p, "poc", 10, 1, 0.5), "stage");
    ok(airoi_project_add_stage(p, "mvp", 20, 1, 0.8), "stage");
    ok(airoi_project_set_stage_number(p, 0, AIROI_STAGE_PRIOR, AIROI_PRIOR_PILOT), "prior");
    ok(airoi_project_set_stage_number(p, 1, AIROI_STAGE_PRIOR, AIROI_PRIOR_PARTNER), "prior");
    airoi_sim_options *o = NULL;
    ok(airoi_sim_options_new(&o), "options");
    ok(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 20000), "trials");
    ok(airoi_sim_options_set_number(o, AIROI_SIM_SEED, 7), "seed");
    airoi_simulation *sim = NULL;
    ok(airoi_project_simulate(&sim, p, o, 0, NULL, NULL), "simulate");
    double P = 0;
    ok(airoi_simulation_get_staging(&P, sim, AIROI_STAGING_PROB_PRODUCTION), "staging");
    const double exact = 0.05 * 0.66;
    ck_assert_double_eq_tol(P, exact, 4 * sqrt(exact * (1 - exact) / 20000));
    airoi_simulation_free(sim);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

START_TEST(staging_refusals)
{
    airoi_project *p = base_model(100, 80);
    airoi_staging *s = (airoi_staging *)p;
    expect_error(airoi_staging_evaluate(&s, p, 0), AIROI_ERR_MODEL, "has no stages");
    ck_assert_ptr_null(s);
    expect_error(airoi_staging_evaluate(NULL, p, 0), AIROI_ERR_INVALID, "NULL out");
    expect_error(airoi_staging_evaluate(&s, NULL, 0), AIROI_ERR_INVALID, "NULL project");
    ok(airoi_project_add_stage(p, "poc", 10, 1, 0.5), "stage");
    expect_error(airoi_staging_evaluate(&s, p, 4), AIROI_ERR_INVALID, "unknown flags");
    ok(airoi_staging_evaluate(&s, p, 0), "staging");
    double v;
    expect_error(airoi_staging_get(&v, s, (airoi_staging_figure)AIROI_BREAKEVEN_VALUES),
                 AIROI_ERR_INVALID,
                 "AIROI_BREAKEVEN_VALUES is an airoi_breakeven_target value; expected an "
                 "airoi_staging_figure");
    expect_error(airoi_staging_get(NULL, s, AIROI_STAGING_EXPECTED_NPV), AIROI_ERR_INVALID,
                 "NULL");
    ck_assert_uint_eq(airoi_staging_count(NULL), 0);
    airoi_staging_free(s);
    airoi_staging_free(NULL);
    airoi_project_free(p);
}
END_TEST

/* ---- break-even --------------------------------------------------------------- */

typedef struct point {
    double x, lo, hi;
    int found;
} point;

static point be(const airoi_breakeven *b, airoi_breakeven_target which)
{
    point pt = {-1, -1, -1, -1};
    ok(airoi_breakeven_get(&pt.x, &pt.found, &pt.lo, &pt.hi, b, which), "breakeven get");
    return pt;
}

/* |NPV| at a root: zero up to rounding of the flows (about 1e-13 of PVB). */
#define ROOT_TOL 1e-9

START_TEST(breakeven_roots)
{
    airoi_project *p = base_model(100, 80);
    uniform(p, "Savings", 0.5, 1.5);
    uniform(p, "people", 0.9, 1.1);
    airoi_breakeven *b = NULL;
    ok(airoi_breakeven_evaluate(&b, p, 0), "breakeven");
    double base = 0;
    ok(airoi_breakeven_get_base_npv(&base, b), "base");
    ck_assert_double_eq_tol(base, NPV, TOL);

    point v = be(b, AIROI_BREAKEVEN_VALUES);
    ck_assert_int_eq(v.found, 1);
    ck_assert_double_eq_tol(v.x, PVC / PVB, 1e-12);
    ck_assert_double_eq_tol(npv_with(p, "values", v.x, -1), 0.0, ROOT_TOL);
    ck_assert_double_eq(v.lo, 0.0);
    ck_assert_double_eq(v.hi, 100.0);

    point c = be(b, AIROI_BREAKEVEN_COSTS);
    ck_assert_int_eq(c.found, 1);
    ck_assert_double_eq_tol(c.x, PVB / PVC, 1e-12);
    ck_assert_double_eq_tol(npv_with(p, "costs", c.x, -1), 0.0, ROOT_TOL);

    point a = be(b, AIROI_BREAKEVEN_ADOPTION_CEILING);
    ck_assert_int_eq(a.found, 1);
    ck_assert_double_eq_tol(a.x, PVC / PVB, 1e-12); /* no ramp: adoption 1, capped at c */
    ck_assert_double_eq_tol(npv_with(p, NULL, 1, a.x), 0.0, ROOT_TOL);
    ck_assert_double_eq(a.hi, 1.0);

    ck_assert_uint_eq(airoi_breakeven_count_inputs(b), 2);
    const char *name = NULL;
    point in = {0, 0, 0, 0};
    ok(airoi_breakeven_get_input(&name, &in.x, &in.found, &in.lo, &in.hi, b, 0), "input 0");
    ck_assert_str_eq(name, "Savings");
    ck_assert_int_eq(in.found, 1);
    ck_assert_double_eq_tol(npv_with(p, "Savings", in.x, -1), 0.0, ROOT_TOL);
    ok(airoi_breakeven_get_input(&name, &in.x, &in.found, &in.lo, &in.hi, b, 1), "input 1");
    ck_assert_str_eq(name, "people");
    ck_assert_int_eq(in.found, 1);
    ck_assert_double_eq_tol(in.x, PVB / PVC, 1e-12);
    ck_assert_double_eq_tol(npv_with(p, "people", in.x, -1), 0.0, ROOT_TOL);
    expect_error(airoi_breakeven_get_input(&name, NULL, NULL, NULL, NULL, b, 2),
                 AIROI_ERR_NOT_FOUND, "past the end");
    airoi_breakeven_free(b);
    airoi_project_free(p);
}
END_TEST

/* A ramp: Savings linear from 0.2 to the ceiling 1 over 2 periods, so
 * adoption is 0.2 in period 1 and 0.6 in period 2 before any cap c:
 * NPV(c) = -40 + 80 min(0.2, c) / 1.1 + 80 min(0.6, c) / 1.21, which has a
 * kink at 0.2 and its root at c = (40 - 16 / 1.1) / (80 / 1.21). */
START_TEST(breakeven_adoption_ramp)
{
    airoi_project *p = base_model(40, 80);
    airoi_item *v = airoi_project_get_item_mutable(p, AIROI_ITEM_KIND_VALUE, 0);
    ok(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CURVE, AIROI_CURVE_LINEAR), "curve");
    ok(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_PERIODS, 2), "periods");
    ok(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_START, 0.2), "start");
    ok(airoi_item_set_number(v, AIROI_ITEM_ADOPTION_CEILING, 1.0), "ceiling");
    airoi_breakeven *b = NULL;
    ok(airoi_breakeven_evaluate(&b, p, 0), "breakeven");
    point a = be(b, AIROI_BREAKEVEN_ADOPTION_CEILING);
    ck_assert_int_eq(a.found, 1);
    ck_assert_double_eq_tol(a.x, (40 - 16 / 1.1) / (80 / 1.21), 1e-12);
    ck_assert_double_eq_tol(npv_with(p, NULL, 1, a.x), 0.0, ROOT_TOL);
    airoi_breakeven_free(b);
    airoi_project_free(p);
}
END_TEST

START_TEST(breakeven_none_in_range)
{
    /* values would need 1000 / 1.5 PV: more than 100 times */
    airoi_project *p = base_model(100000, 80);
    uniform(p, "risk", 0.5, 1.5); /* a dimension without items: NPV does not move */
    airoi_breakeven *b = NULL;
    ok(airoi_breakeven_evaluate(&b, p, 0), "breakeven");
    point v = be(b, AIROI_BREAKEVEN_VALUES);
    ck_assert_int_eq(v.found, 0);
    ck_assert_double_eq(v.x, 0.0);
    ck_assert_double_eq(v.lo, 0.0);
    ck_assert_double_eq(v.hi, 100.0);
    ck_assert(npv_with(p, "values", v.hi, -1) < 0);
    point a = be(b, AIROI_BREAKEVEN_ADOPTION_CEILING);
    ck_assert_int_eq(a.found, 0);
    ck_assert_double_eq(a.lo, 0.0);
    ck_assert_double_eq(a.hi, 1.0);
    point c = be(b, AIROI_BREAKEVEN_COSTS); /* costs 0.00138... x: found */
    ck_assert_int_eq(c.found, 1);
    ck_assert_double_eq_tol(npv_with(p, "costs", c.x, -1), 0.0, ROOT_TOL);
    point in = {0, 0, 0, 0};
    ok(airoi_breakeven_get_input(NULL, &in.x, &in.found, &in.lo, &in.hi, b, 0), "input");
    ck_assert_int_eq(in.found, 0);
    ck_assert_double_eq(in.hi, 100.0);
    expect_error(airoi_breakeven_get(NULL, NULL, NULL, NULL, b,
                                     (airoi_breakeven_target)AIROI_STAGING_EXPECTED_NPV),
                 AIROI_ERR_INVALID, "expected an airoi_breakeven_target");
    airoi_breakeven_free(b);
    airoi_project_free(p);
}
END_TEST

START_TEST(breakeven_refusals)
{
    airoi_breakeven *b = NULL;
    expect_error(airoi_breakeven_evaluate(NULL, NULL, 0), AIROI_ERR_INVALID, "NULL out");
    expect_error(airoi_breakeven_evaluate(&b, NULL, 0), AIROI_ERR_INVALID, "NULL project");
    airoi_project *p = base_model(100, 80);
    expect_error(airoi_breakeven_evaluate(&b, p, 1), AIROI_ERR_INVALID, "unknown flags");
    /* no uncertainties: values, costs and the ceiling, no inputs */
    ok(airoi_breakeven_evaluate(&b, p, 0), "breakeven");
    ck_assert_uint_eq(airoi_breakeven_count_inputs(b), 0);
    airoi_breakeven_free(b);
    airoi_breakeven_free(NULL);
    airoi_project_free(p);
}
END_TEST

/* ---- tornado ------------------------------------------------------------------ */

/* Three uniform inputs: Savings and values on [0.5, 1.5] (the same flows:
 * equal swings, kept in model order), people on [0.9, 1.1]. */
START_TEST(tornado_order_and_values)
{
    airoi_project *p = base_model(100, 80);
    uniform(p, "Savings", 0.5, 1.5);
    uniform(p, "people", 0.9, 1.1);
    uniform(p, "values", 0.5, 1.5);
    airoi_tornado *t = NULL;
    ok(airoi_tornado_evaluate(&t, p, 0), "tornado");
    double base = 0;
    ok(airoi_tornado_get_base_npv(&base, t), "base");
    ck_assert_double_eq_tol(base, NPV, TOL);
    ck_assert_uint_eq(airoi_tornado_count(t), 3);
    const char *order[3] = {"Savings", "values", "people"};
    for (size_t i = 0; i < 3; i++) {
        const char *name = NULL;
        double lo = 0, hi = 0, swing = 0;
        ok(airoi_tornado_get(&name, &lo, &hi, &swing, t, i), "bar");
        ck_assert_str_eq(name, order[i]);
        double q[5], npv[5];
        ok(airoi_tornado_get_quantiles(q, t, i), "quantiles");
        ok(airoi_tornado_get_spider(npv, t, i), "spider");
        const double pr[5] = {0.10, 0.25, 0.50, 0.75, 0.90};
        double width = i == 2 ? 0.2 : 1.0, low = i == 2 ? 0.9 : 0.5;
        for (int k = 0; k < 5; k++) {
            ck_assert_double_eq_tol(q[k], low + width * pr[k], 1e-12);
            ck_assert_double_eq_tol(npv[k], npv_with(p, name, q[k], -1), 1e-9);
        }
        ck_assert_double_eq(lo, npv[0]);
        ck_assert_double_eq(hi, npv[4]);
        ck_assert_double_eq_tol(swing, fabs(hi - lo), 1e-12);
    }
    double swing0 = 0, swing2 = 0;
    ok(airoi_tornado_get(NULL, NULL, NULL, &swing0, t, 0), "bar 0");
    ok(airoi_tornado_get(NULL, NULL, NULL, &swing2, t, 2), "bar 2");
    ck_assert_double_eq_tol(swing0, 0.8 * PVB, 1e-9);     /* (1.4 - 0.6) x PVB */
    ck_assert_double_eq_tol(swing2, 0.16 * PVC, 1e-9);    /* (1.08 - 0.92) x PVC */
    expect_error(airoi_tornado_get(NULL, NULL, NULL, NULL, t, 3), AIROI_ERR_NOT_FOUND,
                 "past the end");
    double five[5];
    expect_error(airoi_tornado_get_spider(NULL, t, 0), AIROI_ERR_INVALID, "NULL");
    expect_error(airoi_tornado_get_quantiles(five, NULL, 0), AIROI_ERR_INVALID, "NULL");
    airoi_tornado_free(t);
    airoi_project_free(p);
}
END_TEST

/* A normal input whose P10 is negative: the multiplier is applied as it
 * is, NPV = PVB - q PVC, with q = mean -/+ 1.2815515655446004 sd. */
START_TEST(tornado_negative_quantile)
{
    airoi_project *p = base_model(100, 80);
    airoi_uncertainty *u = NULL;
    ok(airoi_project_add_uncertainty(&u, p, "Build", AIROI_DIST_NORMAL), "uncertainty");
    ok(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MEAN, 0.1), "mean");
    ok(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_SD, 1.0), "sd");
    airoi_tornado *t = NULL;
    ok(airoi_tornado_evaluate(&t, p, 0), "tornado");
    double q[5], lo = 0, hi = 0;
    ok(airoi_tornado_get_quantiles(q, t, 0), "quantiles");
    ok(airoi_tornado_get(NULL, &lo, &hi, NULL, t, 0), "bar");
    const double z90 = 1.2815515655446004;
    ck_assert_double_eq_tol(q[0], 0.1 - z90, 1e-9);
    ck_assert_double_eq_tol(q[2], 0.1, 1e-12);
    ck_assert_double_eq_tol(q[4], 0.1 + z90, 1e-9);
    ck_assert_double_eq_tol(lo, PVB - q[0] * PVC, 1e-9);
    ck_assert_double_eq_tol(hi, PVB - q[4] * PVC, 1e-9);
    airoi_tornado_free(t);
    airoi_project_free(p);
}
END_TEST

START_TEST(tornado_refusals)
{
    airoi_tornado *t = NULL;
    expect_error(airoi_tornado_evaluate(NULL, NULL, 0), AIROI_ERR_INVALID, "NULL out");
    expect_error(airoi_tornado_evaluate(&t, NULL, 0), AIROI_ERR_INVALID, "NULL project");
    airoi_project *p = base_model(100, 80);
    expect_error(airoi_tornado_evaluate(&t, p, 0), AIROI_ERR_MODEL, "has no uncertainties");
    ck_assert_ptr_null(t);
    uniform(p, "Savings", 0.5, 1.5);
    expect_error(airoi_tornado_evaluate(&t, p, 2), AIROI_ERR_INVALID, "unknown flags");
    ck_assert_uint_eq(airoi_tornado_count(NULL), 0);
    airoi_tornado_free(NULL);
    airoi_project_free(p);
}
END_TEST

Suite *decide_suite(void);

Suite *decide_suite(void)
{
    Suite *s = suite_create("decide");
    TCase *tc = tcase_create("staging");
    tcase_add_test(tc, staging_two_stages);
    tcase_add_test(tc, staging_degenerate_stages);
    tcase_add_test(tc, staging_priors);
    tcase_add_test(tc, staging_priors_in_simulation);
    tcase_add_test(tc, staging_priors_from_a_file);
    tcase_add_test(tc, staging_refusals);
    suite_add_tcase(s, tc);
    tc = tcase_create("breakeven");
    tcase_add_test(tc, breakeven_roots);
    tcase_add_test(tc, breakeven_adoption_ramp);
    tcase_add_test(tc, breakeven_none_in_range);
    tcase_add_test(tc, breakeven_refusals);
    suite_add_tcase(s, tc);
    tc = tcase_create("tornado");
    tcase_add_test(tc, tornado_order_and_values);
    tcase_add_test(tc, tornado_negative_quantile);
    tcase_add_test(tc, tornado_refusals);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(decide_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
