/*
 * tests/unit/test-uncertainty.c: the uncertain half of a model through the
 * public API: the names of the simulation's enumerations, uncertainties and
 * their parameters, discrete laws, correlations, stages, simulation
 * settings, and projects that clone and free all of them; and
 * airoi_model_validate() running the simulation layer's checks (laws that
 * compile, a consistent correlation matrix) in the loader's words.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <airoi/airoi.h>

static airoi_project *new_project(void)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Project"), AIROI_OK);
    return p;
}

/* The last error message contains `part`. */
static void assert_message(const char *part)
{
    const char *m = airoi_last_error_message();
    ck_assert_msg(strstr(m, part) != NULL, "message '%s' lacks '%s'", m, part);
}

/* ---- enumerations --------------------------------------------------------------- */

START_TEST(names_of_the_new_families)
{
    const char *dists[] = {"fixed",  "uniform",   "triangular", "pert",
                           "normal", "lognormal", "discrete",   "bernoulli"};
    for (int i = 0; i < 8; i++) {
        airoi_distribution d = AIROI_DIST_UNIFORM;
        ck_assert_int_eq(airoi_distribution_from_name(&d, dists[i]), AIROI_OK);
        ck_assert_int_eq(d, AIROI_DIST_FIXED + i);
        ck_assert_str_eq(airoi_distribution_name(d), dists[i]);
    }
    ck_assert_ptr_null(airoi_distribution_name((airoi_distribution)(AIROI_DIST_FIXED - 1)));
    ck_assert_ptr_null(airoi_distribution_name((airoi_distribution)(AIROI_DIST_BERNOULLI + 1)));
    ck_assert_ptr_null(airoi_distribution_name((airoi_distribution)0));
    airoi_distribution d = AIROI_DIST_PERT;
    ck_assert_int_eq(airoi_distribution_from_name(&d, "beta"), AIROI_ERR_INVALID);
    assert_message("distribution: expected one of fixed, uniform");
    ck_assert_int_eq(d, AIROI_DIST_PERT);
    ck_assert_int_eq(airoi_distribution_from_name(NULL, "pert"), AIROI_ERR_INVALID);

    airoi_sampling s = AIROI_SAMPLING_RANDOM;
    ck_assert_int_eq(airoi_sampling_from_name(&s, "sobol"), AIROI_OK);
    ck_assert_int_eq(s, AIROI_SAMPLING_SOBOL);
    ck_assert_str_eq(airoi_sampling_name(AIROI_SAMPLING_RANDOM), "random");
    ck_assert_ptr_null(airoi_sampling_name((airoi_sampling)(AIROI_SAMPLING_SOBOL + 1)));

    const char *outs[] = {"npv", "irr", "roi_horizon", "npv_roi", "payback_periods"};
    for (int i = 0; i < 5; i++) {
        airoi_sim_output o = AIROI_SIM_NPV;
        ck_assert_int_eq(airoi_sim_output_from_name(&o, outs[i]), AIROI_OK);
        ck_assert_int_eq(o, AIROI_SIM_NPV + i);
        ck_assert_str_eq(airoi_sim_output_name(o), outs[i]);
    }
    airoi_sim_output o = AIROI_SIM_IRR;
    ck_assert_int_eq(airoi_sim_output_from_name(&o, "mirr"), AIROI_ERR_INVALID);
    ck_assert_int_eq(o, AIROI_SIM_IRR);
}
END_TEST

/* ---- uncertainties ---------------------------------------------------------------- */

START_TEST(uncertainty_parameters)
{
    airoi_project *p = new_project();
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Agent time saved", AIROI_DIST_PERT),
                     AIROI_OK);
    ck_assert_ptr_nonnull(u);
    ck_assert_uint_eq(airoi_project_count_uncertainties(p), 1);
    ck_assert_ptr_eq(airoi_project_get_uncertainty(p, 0), u);
    ck_assert_ptr_null(airoi_project_get_uncertainty(p, 1));

    airoi_distribution d = AIROI_DIST_FIXED;
    ck_assert_int_eq(airoi_uncertainty_get_distribution(&d, u), AIROI_OK);
    ck_assert_int_eq(d, AIROI_DIST_PERT);
    ck_assert_str_eq(airoi_uncertainty_get_string(u, AIROI_UNCERTAINTY_TARGET),
                     "Agent time saved");
    ck_assert_ptr_null(airoi_uncertainty_get_string(u, AIROI_UNCERTAINTY_NAME));

    /* shape has its default; low has none yet */
    double x = 0;
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_SHAPE), AIROI_OK);
    ck_assert_double_eq(x, 4.0);
    ck_assert_int_eq(airoi_uncertainty_is_set(u, AIROI_UNCERTAINTY_SHAPE), 0);
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_LOW),
                     AIROI_ERR_NOT_FOUND);
    assert_message("has no low");

    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.7), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MODE, 1.0), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.2), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MAX, 1.1), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, 1), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_LOW), AIROI_OK);
    ck_assert_double_eq(x, 0.7);
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_PER_PERIOD), AIROI_OK);
    ck_assert_double_eq(x, 1.0);
    ck_assert_int_eq(airoi_uncertainty_is_set(u, AIROI_UNCERTAINTY_MAX), 1);
    ck_assert_int_eq(airoi_uncertainty_is_set(u, AIROI_UNCERTAINTY_MIN), 0);

    /* a parameter the distribution does not use, in the loader's words */
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_SD, 0.1),
                     AIROI_ERR_INVALID);
    assert_message("uncertainty 'Agent time saved': sd: the pert distribution does not use sd; "
                   "its keys are low, mode, high, shape");
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_SD),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_uncertainty_is_set(u, AIROI_UNCERTAINTY_SD), 0);

    /* values outside their domain, and the value is kept */
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_SHAPE, 0),
                     AIROI_ERR_INVALID);
    assert_message("shape: expected a shape greater than 0");
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, (double)NAN),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, 0.5),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_LOW), AIROI_OK);
    ck_assert_double_eq(x, 0.7);

    /* a parameter of another family names the family expected */
    ck_assert_int_eq(
        airoi_uncertainty_set_number(u, (airoi_uncertainty_param)AIROI_STAGE_COST, 1),
        AIROI_ERR_INVALID);
    assert_message("uncertainty 'Agent time saved': param: AIROI_STAGE_COST is an "
                   "airoi_stage_param value; expected an airoi_uncertainty_param");
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_NAME, 1),
                     AIROI_ERR_INVALID);
    assert_message("name is a string parameter");
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_LOW, "x"),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_null(airoi_uncertainty_get_string(u, (airoi_uncertainty_param)AIROI_SIM_SEED));
    assert_message("param: AIROI_SIM_SEED is an airoi_sim_param value");
    ck_assert_int_eq(airoi_uncertainty_is_set(u, (airoi_uncertainty_param)AIROI_SIM_BINS), 0);
    assert_message("param: AIROI_SIM_BINS is an airoi_sim_param value");

    /* names */
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, "time"), AIROI_OK);
    ck_assert_str_eq(airoi_uncertainty_get_string(u, AIROI_UNCERTAINTY_NAME), "time");
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, ""),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_TARGET, NULL),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_TARGET, "values"),
                     AIROI_OK);
    ck_assert_str_eq(airoi_uncertainty_get_string(u, AIROI_UNCERTAINTY_TARGET), "values");

    ck_assert_int_eq(airoi_project_add_uncertainty(NULL, p, "", AIROI_DIST_NORMAL),
                     AIROI_ERR_INVALID);
    u = (airoi_uncertainty *)p; /* overwritten with NULL on failure */
    ck_assert_int_eq(
        airoi_project_add_uncertainty(&u, p, "costs", (airoi_distribution)AIROI_SAMPLING_SOBOL),
        AIROI_ERR_INVALID);
    ck_assert_ptr_null(u);
    assert_message("uncertainty 'costs': distribution: AIROI_SAMPLING_SOBOL is an airoi_sampling "
                   "value; expected an airoi_distribution");
    airoi_project_free(p);
}
END_TEST

START_TEST(uncertainty_defaults_and_rules_per_distribution)
{
    airoi_project *p = new_project();
    airoi_uncertainty *f = NULL, *n = NULL, *b = NULL, *l = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&f, p, "costs", AIROI_DIST_FIXED), AIROI_OK);
    double x = 0;
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, f, AIROI_UNCERTAINTY_VALUE), AIROI_OK);
    ck_assert_double_eq(x, 1.0);

    ck_assert_int_eq(airoi_project_add_uncertainty(&n, p, "values", AIROI_DIST_NORMAL), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(n, AIROI_UNCERTAINTY_SD, -0.1),
                     AIROI_ERR_INVALID);
    assert_message("sd: expected a standard deviation >= 0; got -0.1");
    ck_assert_int_eq(airoi_uncertainty_set_number(n, AIROI_UNCERTAINTY_SD, 0), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(n, AIROI_UNCERTAINTY_LOW, 0),
                     AIROI_ERR_INVALID);

    ck_assert_int_eq(airoi_project_add_uncertainty(&b, p, "people", AIROI_DIST_BERNOULLI),
                     AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(b, AIROI_UNCERTAINTY_P, 1.5),
                     AIROI_ERR_INVALID);
    assert_message("p: expected a probability in [0, 1]; got 1.5");
    ck_assert_int_eq(airoi_uncertainty_set_number(b, AIROI_UNCERTAINTY_IMPACT, -0.4), AIROI_OK);

    ck_assert_int_eq(airoi_project_add_uncertainty(&l, p, "revenue", AIROI_DIST_LOGNORMAL),
                     AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(l, AIROI_UNCERTAINTY_SIGMA, -1),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_uncertainty_set_number(l, AIROI_UNCERTAINTY_MU, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(l, AIROI_UNCERTAINTY_MEAN, 1.1), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_uncertainties(p), 4);
    airoi_project_free(p);
}
END_TEST

START_TEST(discrete_values)
{
    airoi_project *p = new_project();
    airoi_uncertainty *u = NULL, *n = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "values", AIROI_DIST_DISCRETE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&n, p, "costs", AIROI_DIST_NORMAL), AIROI_OK);
    const double v[] = {0.8, 1.0, 1.3}, pr[] = {0.2, 0.5, 0.3};
    size_t len = 99;
    ck_assert_int_eq(airoi_uncertainty_get_discrete(NULL, NULL, 0, &len, u), AIROI_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, v, pr, 0), AIROI_ERR_INVALID);
    assert_message("expected at least one value");
    const double bad[] = {0.2, 1.5, 0.3};
    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, v, bad, 3), AIROI_ERR_INVALID);
    assert_message("uncertainty 'values': probabilities[1]: expected a probability in [0, 1]");
    const double inf[] = {0.8, HUGE_VAL, 1.3};
    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, inf, pr, 3), AIROI_ERR_INVALID);
    assert_message("values[1]: expected a finite number");
    ck_assert_int_eq(airoi_uncertainty_set_discrete(n, v, pr, 3), AIROI_ERR_INVALID);
    assert_message("the normal distribution does not use values");

    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, v, pr, 3), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_get_discrete(NULL, NULL, 0, &len, u), AIROI_OK);
    ck_assert_uint_eq(len, 3);
    double gv[3], gp[3];
    ck_assert_int_eq(airoi_uncertainty_get_discrete(gv, gp, 2, &len, u), AIROI_ERR_BUFFER);
    ck_assert_uint_eq(len, 3);
    ck_assert_int_eq(airoi_uncertainty_get_discrete(gv, gp, 3, &len, u), AIROI_OK);
    for (int i = 0; i < 3; i++) {
        ck_assert_double_eq(gv[i], v[i]);
        ck_assert_double_eq(gp[i], pr[i]);
    }
    ck_assert_int_eq(airoi_uncertainty_get_discrete(gv, NULL, 3, &len, u), AIROI_ERR_INVALID);
    airoi_project_free(p);
}
END_TEST

START_TEST(find_and_remove_uncertainties)
{
    airoi_project *p = new_project();
    airoi_uncertainty *a = NULL, *b = NULL, *c = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&a, p, "Build", AIROI_DIST_UNIFORM), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&b, p, "values", AIROI_DIST_UNIFORM), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&c, p, "values", AIROI_DIST_UNIFORM), AIROI_OK);
    size_t i = 99;
    ck_assert_int_eq(airoi_project_find_uncertainty(&i, p, "Build"), AIROI_OK);
    ck_assert_uint_eq(i, 0);
    /* two unnamed uncertainties on one target: ambiguous until named */
    ck_assert_int_eq(airoi_project_find_uncertainty(&i, p, "values"), AIROI_ERR_INVALID);
    assert_message("2 uncertainties are named 'values'");
    ck_assert_int_eq(airoi_uncertainty_set_string(c, AIROI_UNCERTAINTY_NAME, "adoption"),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_find_uncertainty(&i, p, "values"), AIROI_OK);
    ck_assert_uint_eq(i, 1);
    ck_assert_int_eq(airoi_project_find_uncertainty(&i, p, "adoption"), AIROI_OK);
    ck_assert_uint_eq(i, 2);
    i = 77;
    ck_assert_int_eq(airoi_project_find_uncertainty(&i, p, "nothing"), AIROI_ERR_NOT_FOUND);
    ck_assert_uint_eq(i, 77);

    ck_assert_int_eq(airoi_project_remove_uncertainty(p, 3), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_remove_uncertainty(p, 0), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_uncertainties(p), 2);
    ck_assert_ptr_eq(airoi_project_get_uncertainty_mutable(p, 0), b);
    ck_assert_int_eq(airoi_project_find_uncertainty(&i, p, "Build"), AIROI_ERR_NOT_FOUND);
    airoi_project_free(p);
}
END_TEST

/* ---- correlations and stages ------------------------------------------------------------ */

START_TEST(correlations)
{
    airoi_project *p = new_project();
    ck_assert_int_eq(airoi_project_add_correlation(p, "A", "A", 0.5), AIROI_ERR_INVALID);
    assert_message("a correlation is between two different uncertainties");
    ck_assert_int_eq(airoi_project_add_correlation(p, "A", "B", 1.5), AIROI_ERR_INVALID);
    assert_message("correlation between 'A' and 'B': rank: expected a rank correlation in "
                   "[-1, 1]; got 1.5");
    ck_assert_int_eq(airoi_project_add_correlation(p, "A", "", 0.5), AIROI_ERR_INVALID);
    ck_assert_uint_eq(airoi_project_count_correlations(p), 0);
    ck_assert_int_eq(airoi_project_add_correlation(p, "A", "B", -0.3), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "B", "C", 1), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_correlations(p), 2);
    const char *a = NULL, *b = NULL;
    double r = 0;
    ck_assert_int_eq(airoi_project_get_correlation(&a, &b, &r, p, 0), AIROI_OK);
    ck_assert_str_eq(a, "A");
    ck_assert_str_eq(b, "B");
    ck_assert_double_eq(r, -0.3);
    ck_assert_int_eq(airoi_project_get_correlation(NULL, NULL, NULL, p, 2), AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_remove_correlation(p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_get_correlation(&a, NULL, NULL, p, 0), AIROI_OK);
    ck_assert_str_eq(a, "B");
    ck_assert_int_eq(airoi_project_remove_correlation(p, 1), AIROI_ERR_NOT_FOUND);
    airoi_project_free(p);
}
END_TEST

START_TEST(stages)
{
    airoi_project *p = new_project();
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", -5, 1, 0.6), AIROI_ERR_INVALID);
    assert_message("stage 'poc': cost: expected a cost >= 0; got -5");
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, -1, 0.6), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, AIROI_HORIZON_MAX + 1, 0.6),
                     AIROI_ERR_LIMIT);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, 1, 1.1), AIROI_ERR_INVALID);
    assert_message("success_probability: expected a probability in [0, 1]; got 1.1");
    ck_assert_uint_eq(airoi_project_count_stages(p), 0);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, 1, 0.6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "mvp", 120, 2, 0.7), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_stages(p), 2);
    ck_assert_str_eq(airoi_project_get_stage_name(p, 1), "mvp");
    ck_assert_ptr_null(airoi_project_get_stage_name(p, 2));
    double x = 0;
    ck_assert_int_eq(airoi_project_get_stage_number(&x, p, 1, AIROI_STAGE_PERIODS), AIROI_OK);
    ck_assert_double_eq(x, 2);
    ck_assert_int_eq(airoi_project_set_stage_number(p, 1, AIROI_STAGE_COST, 130), AIROI_OK);
    ck_assert_int_eq(airoi_project_get_stage_number(&x, p, 1, AIROI_STAGE_COST), AIROI_OK);
    ck_assert_double_eq(x, 130);
    ck_assert_int_eq(airoi_project_set_stage_number(p, 1, AIROI_STAGE_PERIODS, 1.5),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_set_stage_number(p, 1, AIROI_STAGE_NAME, 1),
                     AIROI_ERR_INVALID);
    assert_message("name is a string parameter");
    ck_assert_int_eq(airoi_project_get_stage_number(&x, p, 0, (airoi_stage_param)AIROI_SIM_SEED),
                     AIROI_ERR_INVALID);
    assert_message("stage 'poc': param: AIROI_SIM_SEED is an airoi_sim_param value; expected an "
                   "airoi_stage_param");
    ck_assert_int_eq(airoi_project_get_stage_number(&x, p, 5, AIROI_STAGE_COST),
                     AIROI_ERR_NOT_FOUND);
    ck_assert_int_eq(airoi_project_remove_stage(p, 0), AIROI_OK);
    ck_assert_str_eq(airoi_project_get_stage_name(p, 0), "mvp");
    ck_assert_int_eq(airoi_project_remove_stage(p, 1), AIROI_ERR_NOT_FOUND);
    airoi_project_free(p);
}
END_TEST

/* ---- simulation settings ------------------------------------------------------------------ */

START_TEST(sim_options)
{
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    struct {
        airoi_sim_param param;
        double def;
    } defaults[] = {
        {AIROI_SIM_TRIALS, 10000},  {AIROI_SIM_SEED, 0},       {AIROI_SIM_SAMPLING, AIROI_SAMPLING_RANDOM},
        {AIROI_SIM_THREADS, 0},     {AIROI_SIM_BINS, 50},      {AIROI_SIM_ROI_TARGET, 0},
        {AIROI_SIM_TAIL, 0.05},     {AIROI_SIM_KEEP_TRIALS, 0}, {AIROI_SIM_REPAIR, 0},
    };
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
        double x = -1;
        ck_assert_int_eq(airoi_sim_options_get_number(&x, o, defaults[i].param), AIROI_OK);
        ck_assert_double_eq(x, defaults[i].def);
        ck_assert_int_eq(airoi_sim_options_is_set(o, defaults[i].param), 0);
    }
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 0), AIROI_ERR_INVALID);
    assert_message("simulation: trials: expected a whole number of trials >= 1; got 0");
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 1e16), AIROI_ERR_LIMIT);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TAIL, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TAIL, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, AIROI_DIST_PERT),
                     AIROI_ERR_INVALID);
    /* a member of another family: named as such */
    assert_message("sampling: AIROI_DIST_PERT is an airoi_distribution value; expected an "
                   "airoi_sampling");
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, AIROI_SAMPLING_SOBOL),
                     AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SEED, 42), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TAIL, 0.01), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, (airoi_sim_param)AIROI_STAGE_COST, 1),
                     AIROI_ERR_INVALID);
    assert_message("simulation: param: AIROI_STAGE_COST is an airoi_stage_param value; expected "
                   "an airoi_sim_param");
    ck_assert_int_eq(airoi_sim_options_is_set(o, AIROI_SIM_SEED), 1);
    ck_assert_int_eq(airoi_sim_options_is_set(o, (airoi_sim_param)AIROI_DIST_FIXED), 0);
    assert_message("simulation: param: AIROI_DIST_FIXED is an airoi_distribution value");

    size_t len = 0;
    airoi_sim_output outs[5];
    ck_assert_int_eq(airoi_sim_options_get_outputs(NULL, 0, &len, o), AIROI_OK);
    ck_assert_uint_eq(len, 5);
    ck_assert_int_eq(airoi_sim_options_get_outputs(outs, 5, &len, o), AIROI_OK);
    ck_assert_int_eq(outs[4], AIROI_SIM_PAYBACK_PERIODS);
    const airoi_sim_output two[] = {AIROI_SIM_IRR, AIROI_SIM_NPV};
    const airoi_sim_output dup[] = {AIROI_SIM_IRR, AIROI_SIM_IRR};
    const airoi_sim_output alien[] = {(airoi_sim_output)AIROI_DIST_FIXED};
    ck_assert_int_eq(airoi_sim_options_set_outputs(o, dup, 2), AIROI_ERR_INVALID);
    assert_message("irr is listed twice");
    ck_assert_int_eq(airoi_sim_options_set_outputs(o, alien, 1), AIROI_ERR_INVALID);
    assert_message("simulation: outputs[0]: AIROI_DIST_FIXED is an airoi_distribution value; "
                   "expected an airoi_sim_output");
    ck_assert_int_eq(airoi_sim_options_set_outputs(o, two, 2), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_get_outputs(outs, 1, &len, o), AIROI_ERR_BUFFER);
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq(airoi_sim_options_get_outputs(outs, 5, &len, o), AIROI_OK);
    ck_assert_int_eq(outs[0], AIROI_SIM_IRR);
    ck_assert_int_eq(outs[1], AIROI_SIM_NPV);

    const double pc[] = {1, 25, 99.5};
    const double bad[] = {1, 100};
    const double twice[] = {25, 25};
    ck_assert_int_eq(airoi_sim_options_set_percentiles(o, bad, 2), AIROI_ERR_INVALID);
    assert_message("percentiles[1]: expected a percentile strictly between 0 and 100; got 100");
    ck_assert_int_eq(airoi_sim_options_set_percentiles(o, twice, 2), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_sim_options_set_percentiles(o, pc, 3), AIROI_OK);
    double got[3];
    ck_assert_int_eq(airoi_sim_options_get_percentiles(NULL, 0, &len, o), AIROI_OK);
    ck_assert_uint_eq(len, 3);
    ck_assert_int_eq(airoi_sim_options_get_percentiles(got, 3, &len, o), AIROI_OK);
    ck_assert_double_eq(got[2], 99.5);

    airoi_sim_options *c = NULL;
    ck_assert_int_eq(airoi_sim_options_clone(&c, o), AIROI_OK);
    airoi_sim_options_free(o);
    double x = 0;
    ck_assert_int_eq(airoi_sim_options_get_number(&x, c, AIROI_SIM_SAMPLING), AIROI_OK);
    ck_assert_double_eq(x, AIROI_SAMPLING_SOBOL);
    ck_assert_int_eq(airoi_sim_options_get_percentiles(got, 3, &len, c), AIROI_OK);
    ck_assert_double_eq(got[0], 1);

    airoi_project *p = new_project();
    ck_assert_ptr_null(airoi_project_get_sim_options(p));
    ck_assert_int_eq(airoi_project_set_sim_options(p, c), AIROI_OK);
    airoi_sim_options_free(c);
    const airoi_sim_options *ps = airoi_project_get_sim_options(p);
    ck_assert_ptr_nonnull(ps);
    ck_assert_int_eq(airoi_sim_options_get_number(&x, ps, AIROI_SIM_SEED), AIROI_OK);
    ck_assert_double_eq(x, 42);
    ck_assert_int_eq(airoi_project_set_sim_options(p, NULL), AIROI_OK);
    ck_assert_ptr_null(airoi_project_get_sim_options(p));
    airoi_sim_options_free(NULL);
    airoi_project_free(p);
}
END_TEST

/* ---- clone ----------------------------------------------------------------------------------- */

START_TEST(clone_copies_the_uncertain_half)
{
    airoi_project *p = new_project();
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "values", AIROI_DIST_DISCRETE),
                     AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, "demand"), AIROI_OK);
    const double v[] = {0.5, 1.5}, pr[] = {0.5, 0.5};
    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, v, pr, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "costs", AIROI_DIST_NORMAL), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MEAN, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "demand", "costs", 0.4), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, 1, 0.6), AIROI_OK);
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 500), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_sim_options(p, o), AIROI_OK);
    airoi_sim_options_free(o);

    airoi_project *c = NULL;
    ck_assert_int_eq(airoi_project_clone(&c, p), AIROI_OK);
    airoi_project_free(p); /* the clone owns copies of everything */
    ck_assert_uint_eq(airoi_project_count_uncertainties(c), 2);
    size_t i = 9, len = 0;
    ck_assert_int_eq(airoi_project_find_uncertainty(&i, c, "demand"), AIROI_OK);
    ck_assert_uint_eq(i, 0);
    double gv[2], gp[2], x = 0;
    ck_assert_int_eq(
        airoi_uncertainty_get_discrete(gv, gp, 2, &len, airoi_project_get_uncertainty(c, 0)),
        AIROI_OK);
    ck_assert_double_eq(gv[1], 1.5);
    ck_assert_int_eq(airoi_uncertainty_get_number(&x, airoi_project_get_uncertainty(c, 1),
                                                  AIROI_UNCERTAINTY_MEAN),
                     AIROI_OK);
    ck_assert_double_eq(x, 1);
    const char *a = NULL;
    double r = 0;
    ck_assert_int_eq(airoi_project_get_correlation(&a, NULL, &r, c, 0), AIROI_OK);
    ck_assert_str_eq(a, "demand");
    ck_assert_double_eq(r, 0.4);
    ck_assert_str_eq(airoi_project_get_stage_name(c, 0), "poc");
    ck_assert_int_eq(airoi_project_get_stage_number(&x, c, 0, AIROI_STAGE_SUCCESS_PROBABILITY),
                     AIROI_OK);
    ck_assert_double_eq(x, 0.6);
    ck_assert_int_eq(
        airoi_sim_options_get_number(&x, airoi_project_get_sim_options(c), AIROI_SIM_TRIALS),
        AIROI_OK);
    ck_assert_double_eq(x, 500);
    airoi_project_free(c);
}
END_TEST

/* ---- whole-project validation ------------------------------------------------------------ */

/* A project with a cost item "Build" and a value item "Savings". */
static airoi_project *base_project(void)
{
    airoi_project *p = new_project();
    airoi_item *it = NULL;
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&it, p, "Savings", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 80), AIROI_OK);
    return p;
}

static airoi_uncertainty *add(airoi_project *p, const char *target, airoi_distribution d)
{
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, target, d), AIROI_OK);
    return u;
}

static void set(airoi_uncertainty *u, airoi_uncertainty_param param, double v)
{
    ck_assert_int_eq(airoi_uncertainty_set_number(u, param, v), AIROI_OK);
}

/* Validates p, expecting status and a message that contains `part`; frees p. */
static void expect(airoi_project *p, int status, const char *part)
{
    int rc = airoi_project_validate(p);
    ck_assert_msg(rc == status, "validate gave %d (%s), expected %d (%s)", rc,
                  airoi_last_error_message(), status, part ? part : "no message");
    if (part)
        assert_message(part);
    airoi_project_free(p);
}

START_TEST(validation_of_uncertainties)
{
    airoi_project *p = base_project();
    airoi_uncertainty *u = add(p, "Savings", AIROI_DIST_PERT);
    set(u, AIROI_UNCERTAINTY_LOW, 0.7);
    set(u, AIROI_UNCERTAINTY_MODE, 1);
    set(u, AIROI_UNCERTAINTY_HIGH, 1.2);
    u = add(p, "people", AIROI_DIST_NORMAL);
    set(u, AIROI_UNCERTAINTY_MEAN, 1);
    set(u, AIROI_UNCERTAINTY_SD, 0.1);
    set(u, AIROI_UNCERTAINTY_MIN, 0.9);
    u = add(p, "costs", AIROI_DIST_BERNOULLI);
    set(u, AIROI_UNCERTAINTY_P, 0.1);
    set(u, AIROI_UNCERTAINTY_IMPACT, 0.5);
    add(p, "values", AIROI_DIST_FIXED);
    expect(p, AIROI_OK, NULL);

    p = base_project();
    add(p, "Savigns", AIROI_DIST_FIXED);
    expect(p, AIROI_ERR_MODEL,
           "uncertainty 'Savigns': target: unknown target 'Savigns'; expected an item name, a "
           "category, a dimension, values or costs");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_FIXED);
    u = add(p, "costs", AIROI_DIST_FIXED);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, "Build"), AIROI_OK);
    expect(p, AIROI_ERR_MODEL,
           "uncertainty 'Build': name: 'Build' already names the uncertainty on 'Build'");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_TRIANGULAR);
    set(u, AIROI_UNCERTAINTY_HIGH, 1.2);
    expect(p, AIROI_ERR_MODEL,
           "uncertainty 'Build': the triangular distribution needs low, mode, high; missing: "
           "low and mode");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_UNIFORM);
    set(u, AIROI_UNCERTAINTY_LOW, 1.2);
    set(u, AIROI_UNCERTAINTY_HIGH, 0.9);
    expect(p, AIROI_ERR_MODEL, "uncertainty 'Build': low: low 1.2 is above high 0.9");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_PERT);
    set(u, AIROI_UNCERTAINTY_LOW, 0.9);
    set(u, AIROI_UNCERTAINTY_MODE, 1.5);
    set(u, AIROI_UNCERTAINTY_HIGH, 1.2);
    expect(p, AIROI_ERR_MODEL, "mode: mode 1.5 is outside [low, high] = [0.9, 1.2]");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_LOGNORMAL);
    set(u, AIROI_UNCERTAINTY_MEAN, 1);
    set(u, AIROI_UNCERTAINTY_SIGMA, 0.1);
    expect(p, AIROI_ERR_MODEL, "sigma: give mean and sd (of the variable) or mu and sigma");

    p = base_project();
    add(p, "Build", AIROI_DIST_LOGNORMAL);
    expect(p, AIROI_ERR_MODEL, "the lognormal distribution needs mean and sd");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_LOGNORMAL);
    set(u, AIROI_UNCERTAINTY_MEAN, -1);
    set(u, AIROI_UNCERTAINTY_SD, 0.1);
    expect(p, AIROI_ERR_MODEL, "mean: a lognormal variable is positive");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_DISCRETE);
    expect(p, AIROI_ERR_MODEL, "the discrete distribution needs values and probabilities");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_DISCRETE);
    const double v[] = {0.9, 1.1}, pr[] = {0.5, 0.4};
    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, v, pr, 2), AIROI_OK);
    expect(p, AIROI_ERR_MODEL, "probabilities: probabilities sum to 0.9; they must sum to 1");

    /* within the tolerance: ten times 0.1 */
    p = base_project();
    u = add(p, "Build", AIROI_DIST_DISCRETE);
    double tv[10], tp[10];
    for (int i = 0; i < 10; i++) {
        tv[i] = 0.9 + i * 0.02;
        tp[i] = 0.1;
    }
    ck_assert_int_eq(airoi_uncertainty_set_discrete(u, tv, tp, 10), AIROI_OK);
    expect(p, AIROI_OK, NULL);

    p = base_project();
    u = add(p, "Build", AIROI_DIST_NORMAL);
    set(u, AIROI_UNCERTAINTY_MEAN, 1);
    set(u, AIROI_UNCERTAINTY_SD, 0.1);
    set(u, AIROI_UNCERTAINTY_MIN, 1.2);
    set(u, AIROI_UNCERTAINTY_MAX, 0.8);
    expect(p, AIROI_ERR_MODEL, "min: min 1.2 is above max 0.8");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_UNIFORM);
    set(u, AIROI_UNCERTAINTY_LOW, 0.9);
    set(u, AIROI_UNCERTAINTY_HIGH, 1.1);
    set(u, AIROI_UNCERTAINTY_MIN, 1.1);
    expect(p, AIROI_ERR_MODEL,
           "min: the truncation to [1.1, inf] leaves no probability: no value of this uniform "
           "distribution lies there");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_NORMAL);
    set(u, AIROI_UNCERTAINTY_MEAN, 1);
    set(u, AIROI_UNCERTAINTY_SD, 0.1);
    set(u, AIROI_UNCERTAINTY_MIN, 1);
    set(u, AIROI_UNCERTAINTY_MAX, 1);
    expect(p, AIROI_ERR_MODEL, "min equals max (1): a normal distribution has no probability");

    p = base_project();
    u = add(p, "Build", AIROI_DIST_BERNOULLI);
    set(u, AIROI_UNCERTAINTY_P, 1);
    set(u, AIROI_UNCERTAINTY_IMPACT, 0.5);
    set(u, AIROI_UNCERTAINTY_MAX, 1.2);
    expect(p, AIROI_ERR_MODEL, "max: the truncation to [-inf, 1.2] leaves no probability");

    /* the same truncation holds probability when the event may not happen */
    p = base_project();
    u = add(p, "Build", AIROI_DIST_BERNOULLI);
    set(u, AIROI_UNCERTAINTY_P, 0.5);
    set(u, AIROI_UNCERTAINTY_IMPACT, 0.5);
    set(u, AIROI_UNCERTAINTY_MAX, 1.2);
    expect(p, AIROI_OK, NULL);
}
END_TEST

START_TEST(validation_of_correlations_and_stages)
{
    airoi_project *p = base_project();
    airoi_uncertainty *u = add(p, "Build", AIROI_DIST_FIXED);
    u = add(p, "Savings", AIROI_DIST_FIXED);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, "gain"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "Build", "gain", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, 1, 0.6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "mvp", 120, 2, 0.7), AIROI_OK);
    expect(p, AIROI_OK, NULL);

    p = base_project();
    add(p, "Build", AIROI_DIST_FIXED);
    ck_assert_int_eq(airoi_project_add_correlation(p, "Build", "people", 0.5), AIROI_OK);
    expect(p, AIROI_ERR_MODEL,
           "correlation between 'Build' and 'people': between: unknown uncertainty 'people'; "
           "expected the name of an uncertainty, or its target when it has no name");

    p = base_project();
    add(p, "Build", AIROI_DIST_FIXED);
    u = add(p, "Savings", AIROI_DIST_FIXED);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, "gain"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "Savings", "Build", 0.5), AIROI_OK);
    expect(p, AIROI_ERR_MODEL, "the uncertainty on 'Savings' is named 'gain': use that name");

    p = base_project();
    add(p, "Build", AIROI_DIST_FIXED);
    add(p, "values", AIROI_DIST_FIXED);
    add(p, "values", AIROI_DIST_FIXED);
    ck_assert_int_eq(airoi_project_add_correlation(p, "Build", "values", 0.5), AIROI_OK);
    expect(p, AIROI_ERR_MODEL, "'values' names 2 uncertainties");

    p = base_project();
    add(p, "Build", AIROI_DIST_FIXED);
    add(p, "values", AIROI_DIST_FIXED);
    ck_assert_int_eq(airoi_project_add_correlation(p, "Build", "values", 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "values", "Build", 0.2), AIROI_OK);
    expect(p, AIROI_ERR_MODEL,
           "correlation between 'values' and 'Build': between: the pair 'values', 'Build' is "
           "correlated twice");

    p = base_project();
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, 1, 0.6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 60, 1, 0.6), AIROI_OK);
    expect(p, AIROI_ERR_MODEL, "stage 'poc': name: stage name 'poc' is used twice");

    p = base_project();
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 50, AIROI_HORIZON_MAX, 0.6), AIROI_OK);
    expect(p, AIROI_ERR_LIMIT, "stages: the stages last 10000 periods");
}
END_TEST

/* ---- the simulation layer's checks through airoi_model_validate() ------------------------- */

/* The loader's first diagnostic for `yaml` and airoi_model_validate()'s for the
 * same project built through the API agree after their paths: the loader's
 * "<path>: WHY", the API's "<subject>: <key>: WHY"; returns the API's status. */
static int same_why(airoi_project *p, const char *yaml, const char *api_start, int warning)
{
    airoi_project *loaded = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&loaded, &d, yaml, strlen(yaml), "m.yaml", 0);
    ck_assert_int_eq(rc, warning ? AIROI_OK : AIROI_ERR_MODEL);
    const char *file_msg = NULL;
    ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, &file_msg, d, 0), AIROI_OK);
    char why[2048];
    const char *sep = strstr(file_msg + (warning ? strlen("warning: ") : 0), ": ");
    ck_assert_ptr_nonnull(sep);
    snprintf(why, sizeof why, "%s", sep + 2);
    airoi_diagnostics_free(d);
    airoi_project_free(loaded);

    /* airoi_project_validate() is below the simulation layer: it accepts */
    ck_assert_int_eq(airoi_project_validate(p), AIROI_OK);
    int status = airoi_model_validate(&d, p, 0);
    const char *api_msg = NULL;
    ck_assert_int_eq(airoi_diagnostics_get(NULL, NULL, NULL, &api_msg, d, 0), AIROI_OK);
    ck_assert_msg(strncmp(api_msg, api_start, strlen(api_start)) == 0, "got '%s'", api_msg);
    size_t n = strlen(api_msg), w = strlen(why);
    ck_assert_msg(n > w && strcmp(api_msg + n - w, why) == 0, "api '%s'\n  file '%s'", api_msg,
                  file_msg);
    if (!warning)
        ck_assert_str_eq(airoi_last_error_message(), api_msg);
    airoi_diagnostics_free(d);
    return status;
}

#define UNC_HEAD                                                                               \
    "airoi: 1\nproject: {name: P, horizon: 3}\n"                                               \
    "costs: [{name: Build, category: people, amount: 350, per: once}]\n"                       \
    "values: [{name: Savings, dimension: efficiency, amount: 200, per: year}]\n"

static airoi_project *unc_project(void)
{
    airoi_project *p = new_project();
    airoi_item *it = NULL;
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 350), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_ONCE), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&it, p, "Savings", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 200), AIROI_OK);
    return p;
}

/* three uniform uncertainties a, b, c on Savings, Build and values */
static void three_uniforms(airoi_project *p)
{
    const char *targets[] = {"Savings", "Build", "values"}, *names[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        airoi_uncertainty *u = NULL;
        ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, targets[i], AIROI_DIST_UNIFORM),
                         AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, names[i]),
                         AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.8), AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.2), AIROI_OK);
    }
}

#define THREE_UNIFORMS                                                                         \
    "uncertainties:\n"                                                                         \
    "  - {name: a, target: Savings, distribution: uniform, low: 0.8, high: 1.2}\n"             \
    "  - {name: b, target: Build, distribution: uniform, low: 0.8, high: 1.2}\n"               \
    "  - {name: c, target: values, distribution: uniform, low: 0.8, high: 1.2}\n"

START_TEST(model_validate_runs_the_simulation_checks)
{
    /* a truncation far out in a normal tail: at the uncertainty's min */
    airoi_project *p = unc_project();
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Savings", AIROI_DIST_NORMAL), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MEAN, 1), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_SD, 0.01), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MIN, 2), AIROI_OK);
    ck_assert_int_eq(same_why(p, UNC_HEAD "uncertainties:\n  - {target: Savings, distribution: "
                                          "normal, mean: 1, sd: 0.01, min: 2}\n",
                              "uncertainty 'Savings': min: normal: the truncation", 0),
                     AIROI_ERR_MODEL);
    airoi_project_free(p);

    /* rank correlations that conflict: at the rank of the pair that does */
    p = unc_project();
    three_uniforms(p);
    ck_assert_int_eq(airoi_project_add_correlation(p, "a", "b", 0.9), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "b", "c", 0.9), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "a", "c", -0.9), AIROI_OK);
    const char *conflict = UNC_HEAD THREE_UNIFORMS
        "correlations:\n  - {between: [a, b], rank: 0.9}\n  - {between: [b, c], rank: 0.9}\n"
        "  - {between: [a, c], rank: -0.9}\n";
    ck_assert_int_eq(same_why(p, conflict, "correlation between 'a' and 'c': rank: the rank "
                                           "correlations are inconsistent", 0),
                     AIROI_ERR_MODEL);

    /* repaired with simulation.repair: a warning, and the project validates */
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_REPAIR, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_sim_options(p, o), AIROI_OK);
    airoi_sim_options_free(o);
    char repaired[2048];
    snprintf(repaired, sizeof repaired, "%ssimulation: {repair: true}\n", conflict);
    ck_assert_int_eq(same_why(p, repaired, "warning: correlation between 'a' and 'c': rank: ", 1),
                     AIROI_OK);
    airoi_project_free(p);
}
END_TEST

static Suite *uncertainty_suite(void)
{
    Suite *s = suite_create("uncertainty");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, names_of_the_new_families);
    tcase_add_test(tc, uncertainty_parameters);
    tcase_add_test(tc, uncertainty_defaults_and_rules_per_distribution);
    tcase_add_test(tc, discrete_values);
    tcase_add_test(tc, find_and_remove_uncertainties);
    tcase_add_test(tc, correlations);
    tcase_add_test(tc, stages);
    tcase_add_test(tc, sim_options);
    tcase_add_test(tc, clone_copies_the_uncertain_half);
    tcase_add_test(tc, validation_of_uncertainties);
    tcase_add_test(tc, validation_of_correlations_and_stages);
    tcase_add_test(tc, model_validate_runs_the_simulation_checks);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(uncertainty_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
