/*
 * tests/unit/test-sim.c: Monte Carlo simulation (docs/methodology.md#monte-carlo-simulation):
 * identical results for any thread count and for merged trial ranges, an
 * analytic case, a two-stage decision tree by hand, cancellation, the
 * statistics' definitions and every refusal with its message. Fixed seeds.
 */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

/* ---- helpers ----------------------------------------------------------------- */

static airoi_project *project(int horizon, double rate)
{
    airoi_project *p = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "sim"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_YEAR),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, horizon), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, rate), AIROI_OK);
    return p;
}

static airoi_item *cost(airoi_project *p, const char *name, int category, double amount, int per)
{
    airoi_item *c = NULL;
    ck_assert_int_eq(airoi_project_add_cost(&c, p, name, category), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_AMOUNT, amount), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(c, AIROI_ITEM_PER, per), AIROI_OK);
    return c;
}

static airoi_item *value(airoi_project *p, const char *name, int dimension, double amount)
{
    airoi_item *v = NULL;
    ck_assert_int_eq(airoi_project_add_value(&v, p, name, dimension), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_AMOUNT, amount), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(v, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    return v;
}

static airoi_uncertainty *uncertain(airoi_project *p, const char *target, airoi_distribution d,
                                    airoi_uncertainty_param k1, double v1,
                                    airoi_uncertainty_param k2, double v2,
                                    airoi_uncertainty_param k3, double v3)
{
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, target, d), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, k1, v1), AIROI_OK);
    if (k2 != k1)
        ck_assert_int_eq(airoi_uncertainty_set_number(u, k2, v2), AIROI_OK);
    if (k3 != k2)
        ck_assert_int_eq(airoi_uncertainty_set_number(u, k3, v3), AIROI_OK);
    return u;
}

static airoi_sim_options *options(int64_t trials, uint64_t seed, int threads)
{
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, (double)trials), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SEED, (double)seed), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, threads), AIROI_OK);
    return o;
}

static airoi_simulation *simulate(const airoi_project *p, const airoi_sim_options *o)
{
    airoi_simulation *s = NULL;
    int rc = airoi_project_simulate(&s, p, o, 0, NULL, NULL);
    ck_assert_msg(rc == AIROI_OK, "simulate: %s: %s", airoi_status_str(rc),
                  airoi_last_error_message());
    ck_assert_ptr_nonnull(s);
    return s;
}

static double stat(const airoi_simulation *s, airoi_sim_output o, airoi_sim_stat k)
{
    double v = -12345.0;
    int rc = airoi_simulation_get_stat(&v, s, o, k);
    ck_assert_msg(rc == AIROI_OK, "stat 0x%x of 0x%x: %s: %s", (unsigned)k, (unsigned)o,
                  airoi_status_str(rc), airoi_last_error_message());
    return v;
}

/* A model with every kind of input: costs and values by item, category,
 * dimension and `values`; per-trial and per-period draws; a correlation;
 * two stages. */
static airoi_project *rich_model(void)
{
    airoi_project *p = project(6, 0.08);
    cost(p, "licences", AIROI_CATEGORY_SOFTWARE, 120.0, AIROI_PER_YEAR);
    cost(p, "team", AIROI_CATEGORY_PEOPLE, 300.0, AIROI_PER_YEAR);
    airoi_item *b = cost(p, "build", AIROI_CATEGORY_INTEGRATION, 500.0, AIROI_PER_ONCE);
    ck_assert_int_eq(airoi_item_set_number(b, AIROI_ITEM_AT, 0), AIROI_OK);
    value(p, "hours saved", AIROI_DIMENSION_EFFICIENCY, 420.0);
    value(p, "upsell", AIROI_DIMENSION_REVENUE, 250.0);
    uncertain(p, "hours saved", AIROI_DIST_TRIANGULAR, AIROI_UNCERTAINTY_LOW, 0.5,
              AIROI_UNCERTAINTY_MODE, 1.0, AIROI_UNCERTAINTY_HIGH, 1.3);
    uncertain(p, "people", AIROI_DIST_UNIFORM, AIROI_UNCERTAINTY_LOW, 0.9,
              AIROI_UNCERTAINTY_HIGH, 1.4, AIROI_UNCERTAINTY_HIGH, 1.4);
    airoi_uncertainty *u = uncertain(p, "revenue", AIROI_DIST_NORMAL, AIROI_UNCERTAINTY_MEAN, 1.0,
                                     AIROI_UNCERTAINTY_SD, 0.25, AIROI_UNCERTAINTY_SD, 0.25);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, 1), AIROI_OK);
    uncertain(p, "values", AIROI_DIST_BERNOULLI, AIROI_UNCERTAINTY_P, 0.2,
              AIROI_UNCERTAINTY_IMPACT, -0.5, AIROI_UNCERTAINTY_IMPACT, -0.5);
    ck_assert_int_eq(airoi_project_add_correlation(p, "hours saved", "people", 0.6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 40.0, 1, 0.7), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "mvp", 120.0, 1, 0.8), AIROI_OK);
    return p;
}

/* Every figure of two simulations, compared bit for bit. */
static void assert_identical(const airoi_simulation *a, const airoi_simulation *b)
{
    for (int o = AIROI_SIM_NPV; o <= AIROI_SIM_PAYBACK_PERIODS; o++) {
        for (int k = AIROI_STAT_MEAN; k <= AIROI_STAT_COUNT; k++) {
            double x = 1.5, y = 2.5;
            int ra = airoi_simulation_get_stat(&x, a, (airoi_sim_output)o, (airoi_sim_stat)k);
            int rb = airoi_simulation_get_stat(&y, b, (airoi_sim_output)o, (airoi_sim_stat)k);
            ck_assert_int_eq(ra, rb);
            if (ra == AIROI_OK)
                ck_assert_msg(memcmp(&x, &y, sizeof x) == 0, "output 0x%x stat 0x%x: %.17g vs %.17g",
                              (unsigned)o, (unsigned)k, x, y);
        }
        for (double pc = 0.0; pc <= 100.0; pc += 2.5) {
            double x = 1.5, y = 2.5;
            int ra = airoi_simulation_get_percentile(&x, a, (airoi_sim_output)o, pc);
            ck_assert_int_eq(ra, airoi_simulation_get_percentile(&y, b, (airoi_sim_output)o, pc));
            if (ra == AIROI_OK)
                ck_assert(memcmp(&x, &y, sizeof x) == 0);
        }
        double ea[101], eb[101];
        int64_t ca[100], cb[100];
        size_t na = 0, nb = 0;
        int ra = airoi_simulation_get_histogram(ea, ca, 100, &na, a, (airoi_sim_output)o);
        ck_assert_int_eq(ra, airoi_simulation_get_histogram(eb, cb, 100, &nb, b,
                                                            (airoi_sim_output)o));
        if (ra == AIROI_OK) {
            ck_assert_uint_eq(na, nb);
            ck_assert(memcmp(ea, eb, (na + 1) * sizeof *ea) == 0);
            ck_assert(memcmp(ca, cb, na * sizeof *ca) == 0);
        }
        size_t la = 0, lb = 0;
        ra = airoi_simulation_get_trials(NULL, NULL, 0, &la, a, (airoi_sim_output)o);
        ck_assert_int_eq(ra, airoi_simulation_get_trials(NULL, NULL, 0, &lb, b,
                                                         (airoi_sim_output)o));
        if (ra != AIROI_OK)
            continue; /* an output neither computed */
        ck_assert_uint_eq(la, lb);
        double *va = calloc(la, sizeof *va), *vb = calloc(la, sizeof *vb);
        int32_t *sa = calloc(la, sizeof *sa), *sb = calloc(la, sizeof *sb);
        ck_assert_int_eq(airoi_simulation_get_trials(va, sa, la, &la, a, (airoi_sim_output)o),
                         AIROI_OK);
        ck_assert_int_eq(airoi_simulation_get_trials(vb, sb, lb, &lb, b, (airoi_sim_output)o),
                         AIROI_OK);
        ck_assert(memcmp(va, vb, la * sizeof *va) == 0);
        ck_assert(memcmp(sa, sb, la * sizeof *sa) == 0);
        free(va), free(vb), free(sa), free(sb);
    }
    ck_assert_uint_eq(airoi_simulation_count_inputs(a), airoi_simulation_count_inputs(b));
    for (size_t i = 0; i < airoi_simulation_count_inputs(a); i++) {
        const char *na = NULL, *nb = NULL;
        double ra, rb, va, vb;
        ck_assert_int_eq(airoi_simulation_get_sensitivity(&na, &ra, &va, a, i), AIROI_OK);
        ck_assert_int_eq(airoi_simulation_get_sensitivity(&nb, &rb, &vb, b, i), AIROI_OK);
        ck_assert_str_eq(na, nb);
        ck_assert(memcmp(&ra, &rb, sizeof ra) == 0 && memcmp(&va, &vb, sizeof va) == 0);
    }
    ck_assert_uint_eq(airoi_simulation_count_checkpoints(a),
                      airoi_simulation_count_checkpoints(b));
    for (size_t i = 0; i < airoi_simulation_count_checkpoints(a); i++) {
        int64_t ta, tb;
        double x[4], y[4];
        ck_assert_int_eq(airoi_simulation_get_checkpoint(&ta, &x[0], &x[1], &x[2], &x[3], a, i),
                         AIROI_OK);
        ck_assert_int_eq(airoi_simulation_get_checkpoint(&tb, &y[0], &y[1], &y[2], &y[3], b, i),
                         AIROI_OK);
        ck_assert_int_eq(ta, tb);
        ck_assert(memcmp(x, y, sizeof x) == 0);
    }
    for (int f = AIROI_STAGING_PROB_PRODUCTION; f <= AIROI_STAGING_VALUE_OF_STAGING; f++) {
        double x = 1.5, y = 2.5;
        int ra = airoi_simulation_get_staging(&x, a, (airoi_staging_figure)f);
        ck_assert_int_eq(ra, airoi_simulation_get_staging(&y, b, (airoi_staging_figure)f));
        if (ra == AIROI_OK)
            ck_assert(memcmp(&x, &y, sizeof x) == 0);
    }
}

/* ---- determinism ---------------------------------------------------------------- */

static void threads_case(airoi_sampling sampling)
{
    airoi_project *p = rich_model();
    airoi_sim_options *o1 = options(5000, 42, 1), *o2 = options(5000, 42, 2),
                      *o8 = options(5000, 42, 8);
    ck_assert_int_eq(airoi_sim_options_set_number(o1, AIROI_SIM_SAMPLING, sampling), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o2, AIROI_SIM_SAMPLING, sampling), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o8, AIROI_SIM_SAMPLING, sampling), AIROI_OK);
    airoi_simulation *s1 = simulate(p, o1), *s2 = simulate(p, o2), *s8 = simulate(p, o8);
    assert_identical(s1, s2);
    assert_identical(s1, s8);
    /* the model is not degenerate: the figures vary and every output has values */
    ck_assert(stat(s1, AIROI_SIM_NPV, AIROI_STAT_SD) > 0.0);
    ck_assert(stat(s1, AIROI_SIM_IRR, AIROI_STAT_COUNT) > 100.0);
    ck_assert(stat(s1, AIROI_SIM_PAYBACK_PERIODS, AIROI_STAT_NEVER_SHARE) > 0.0);
    /* a different seed gives different figures */
    airoi_sim_options *o9 = options(5000, 43, 1);
    ck_assert_int_eq(airoi_sim_options_set_number(o9, AIROI_SIM_SAMPLING, sampling), AIROI_OK);
    airoi_simulation *s9 = simulate(p, o9);
    ck_assert(stat(s9, AIROI_SIM_NPV, AIROI_STAT_MEAN) != stat(s1, AIROI_SIM_NPV, AIROI_STAT_MEAN));
    airoi_simulation_free(s1), airoi_simulation_free(s2), airoi_simulation_free(s8),
        airoi_simulation_free(s9);
    airoi_sim_options_free(o1), airoi_sim_options_free(o2), airoi_sim_options_free(o8),
        airoi_sim_options_free(o9);
    airoi_project_free(p);
}

START_TEST(same_results_for_1_2_8_threads)
{
    threads_case(AIROI_SAMPLING_RANDOM);
}
END_TEST

START_TEST(same_results_for_1_2_8_threads_sobol)
{
    threads_case(AIROI_SAMPLING_SOBOL);
}
END_TEST

START_TEST(merged_ranges_are_the_whole_run)
{
    airoi_project *p = rich_model();
    airoi_sim_options *o = options(7000, 7, 2);
    airoi_simulation *whole = simulate(p, o), *a = NULL, *b = NULL, *c = NULL, *ab = NULL,
                     *abc = NULL;
    /* ranges that do not fall on block boundaries, on other thread counts */
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&a, p, o, 0, 1500, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, 3), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&b, p, o, 1500, 4321, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&c, p, o, 5821, 1179, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_merge(&ab, a, b), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_merge(&abc, ab, c), AIROI_OK);
    double n = 0;
    ck_assert_int_eq(airoi_simulation_get_number(&n, abc, AIROI_SIM_TRIALS), AIROI_OK);
    ck_assert_double_eq(n, 7000.0);
    assert_identical(whole, abc);
    /* a range alone is the same trials as in the whole run */
    double wv[7000], bv[4321];
    size_t len;
    ck_assert_int_eq(airoi_simulation_get_trials(wv, NULL, 7000, &len, whole, AIROI_SIM_NPV),
                     AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_trials(bv, NULL, 4321, &len, b, AIROI_SIM_NPV),
                     AIROI_OK);
    ck_assert_uint_eq(len, 4321);
    ck_assert(memcmp(wv + 1500, bv, sizeof bv) == 0);
    /* merging in the wrong order or with a gap is refused */
    airoi_simulation *bad = (airoi_simulation *)1;
    ck_assert_int_eq(airoi_simulation_merge(&bad, b, a), AIROI_ERR_INVALID);
    ck_assert_ptr_null(bad);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "not adjacent"));
    ck_assert_int_eq(airoi_simulation_merge(&bad, a, c), AIROI_ERR_INVALID);
    airoi_simulation_free(whole), airoi_simulation_free(a), airoi_simulation_free(b),
        airoi_simulation_free(c), airoi_simulation_free(ab), airoi_simulation_free(abc);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* The engine evaluates trial blocks across lanes when no output needs the
 * flows per period (NPV, ROI, NPV/PV costs), trial by trial otherwise
 * (IRR, payback): the same NPV, ROI and NPV/PV costs either way, bit for
 * bit, whatever the threads and ranges. Two models: the rich one (stages,
 * copula) and one with several per-period inputs on the same items. */
static airoi_project *per_period_model(void)
{
    airoi_project *p = project(9, 0.07);
    cost(p, "licences", AIROI_CATEGORY_SOFTWARE, 120.0, AIROI_PER_YEAR);
    cost(p, "team", AIROI_CATEGORY_PEOPLE, 300.0, AIROI_PER_YEAR);
    value(p, "hours saved", AIROI_DIMENSION_EFFICIENCY, 520.0);
    value(p, "upsell", AIROI_DIMENSION_REVENUE, 250.0);
    const char *targets[4] = {"costs", "people", "values", "hours saved"};
    for (int k = 0; k < 4; k++) {
        airoi_uncertainty *u = uncertain(p, targets[k], AIROI_DIST_TRIANGULAR,
                                         AIROI_UNCERTAINTY_LOW, 0.7, AIROI_UNCERTAINTY_MODE, 1.0,
                                         AIROI_UNCERTAINTY_HIGH, 1.4 + 0.1 * k);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, k != 1),
                         AIROI_OK);
    }
    uncertain(p, "upsell", AIROI_DIST_PERT, AIROI_UNCERTAINTY_LOW, 0.5, AIROI_UNCERTAINTY_MODE,
              0.9, AIROI_UNCERTAINTY_HIGH, 1.6);
    return p;
}

/* Items each with one multiplier drawn once per trial, and certain ones
 * (NPV alone takes the engine's path for one multiplier a group). */
static airoi_project *one_draw_model(void)
{
    airoi_project *p = project(9, 0.08);
    cost(p, "licences", AIROI_CATEGORY_SOFTWARE, 120.0, AIROI_PER_YEAR);
    cost(p, "team", AIROI_CATEGORY_PEOPLE, 300.0, AIROI_PER_YEAR);
    cost(p, "hosting", AIROI_CATEGORY_INFRASTRUCTURE, 45.0, AIROI_PER_YEAR);
    value(p, "hours saved", AIROI_DIMENSION_EFFICIENCY, 520.0);
    value(p, "upsell", AIROI_DIMENSION_REVENUE, 250.0);
    value(p, "churn", AIROI_DIMENSION_RISK, 90.0);
    const char *targets[4] = {"licences", "team", "hours saved", "upsell"};
    for (int k = 0; k < 4; k++)
        uncertain(p, targets[k], AIROI_DIST_TRIANGULAR, AIROI_UNCERTAINTY_LOW, 0.6,
                  AIROI_UNCERTAINTY_MODE, 1.0, AIROI_UNCERTAINTY_HIGH, 1.3 + 0.2 * k);
    return p;
}

static void trials_of(double *v, const airoi_simulation *s, airoi_sim_output o, size_t n)
{
    size_t len = 0;
    ck_assert_int_eq(airoi_simulation_get_trials(v, NULL, n, &len, s, o), AIROI_OK);
    ck_assert_uint_eq(len, n);
}

static void lanes_case(airoi_project *p)
{
    enum { N = 3001 }; /* not a whole number of trial blocks */
    static double all[N], lanes[N];
    airoi_sim_output npv = AIROI_SIM_NPV;
    airoi_sim_output three[3] = {AIROI_SIM_NPV, AIROI_SIM_NPV_ROI, AIROI_SIM_ROI_HORIZON};
    airoi_sim_options *o = options(N, 9, 1), *o1 = options(N, 9, 1), *o3 = options(N, 9, 3);
    ck_assert_int_eq(airoi_sim_options_set_outputs(o1, &npv, 1), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_outputs(o3, three, 3), AIROI_OK);
    airoi_simulation *trial_by_trial = simulate(p, o), *s1 = simulate(p, o1),
                     *s3 = simulate(p, o3);
    trials_of(all, trial_by_trial, AIROI_SIM_NPV, N);
    trials_of(lanes, s1, AIROI_SIM_NPV, N);
    ck_assert(memcmp(all, lanes, sizeof all) == 0);
    trials_of(lanes, s3, AIROI_SIM_NPV, N);
    ck_assert(memcmp(all, lanes, sizeof all) == 0);
    for (int k = 1; k < 3; k++) {
        trials_of(all, trial_by_trial, three[k], N);
        trials_of(lanes, s3, three[k], N);
        ck_assert(memcmp(all, lanes, sizeof all) == 0);
    }
    ck_assert(stat(s1, AIROI_SIM_NPV, AIROI_STAT_SD) > 0.0);
    /* NPV alone: other thread counts and merged odd ranges, the same run */
    ck_assert_int_eq(airoi_sim_options_set_number(o1, AIROI_SIM_THREADS, 4), AIROI_OK);
    airoi_simulation *s4 = simulate(p, o1), *a = NULL, *b = NULL, *ab = NULL;
    assert_identical(s1, s4);
    ck_assert_int_eq(airoi_project_simulate_range(&a, p, o1, 0, 1001, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&b, p, o1, 1001, N - 1001, 0, NULL, NULL),
                     AIROI_OK);
    ck_assert_int_eq(airoi_simulation_merge(&ab, a, b), AIROI_OK);
    assert_identical(s1, ab);
    airoi_simulation_free(trial_by_trial), airoi_simulation_free(s1), airoi_simulation_free(s3),
        airoi_simulation_free(s4), airoi_simulation_free(a), airoi_simulation_free(b),
        airoi_simulation_free(ab);
    airoi_sim_options_free(o), airoi_sim_options_free(o1), airoi_sim_options_free(o3);
    airoi_project_free(p);
}

START_TEST(trial_blocks_equal_trial_by_trial)
{
    lanes_case(rich_model());
    lanes_case(per_period_model());
    lanes_case(one_draw_model());
}
END_TEST

/* Ranges saved as bytes and read back on the same project merge into the
 * whole run; other bytes and other models are refused. */
START_TEST(saved_ranges_load_and_merge)
{
    airoi_project *p = rich_model(), *q = rich_model();
    airoi_item *it = airoi_project_get_item_mutable(q, AIROI_ITEM_KIND_VALUE, 0);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 421.0), AIROI_OK);
    airoi_sim_options *o = options(2500, 3, 2);
    double ps[2] = {1.0, 99.0};
    ck_assert_int_eq(airoi_sim_options_set_percentiles(o, ps, 2), AIROI_OK);
    airoi_simulation *whole = simulate(p, o), *a = NULL, *b = NULL, *la = NULL, *lb = NULL,
                     *ab = NULL, *bad = (airoi_simulation *)1;
    ck_assert_int_eq(airoi_project_simulate_range(&a, p, o, 0, 777, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&b, p, o, 777, 1723, 0, NULL, NULL), AIROI_OK);
    void *da = NULL, *db = NULL;
    size_t na = 0, nb = 0;
    ck_assert_int_eq(airoi_simulation_save_buffer(&da, &na, a, 0), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_save_buffer(&db, &nb, b, 0), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_load_buffer(&la, p, da, na, 0), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_load_buffer(&lb, p, db, nb, 0), AIROI_OK);
    assert_identical(a, la);
    ck_assert_int_eq(airoi_simulation_merge(&ab, la, lb), AIROI_OK);
    assert_identical(whole, ab);
    /* another model, cut or changed bytes, flags */
    ck_assert_int_eq(airoi_simulation_load_buffer(&bad, q, da, na, 0), AIROI_ERR_INVALID);
    ck_assert_ptr_null(bad);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "another model"));
    ck_assert_int_eq(airoi_simulation_load_buffer(&bad, p, da, na - 1, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_simulation_load_buffer(&bad, p, da, 20, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_simulation_load_buffer(&bad, p, "AIROISIM", 8, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_simulation_load_buffer(&bad, p, da, na, 1), AIROI_ERR_INVALID);
    unsigned char *c = da;
    c[8] = 2; /* format version 2 */
    ck_assert_int_eq(airoi_simulation_load_buffer(&bad, p, da, na, 0), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "version 2"));
    c[8] = 1;
    memset(c + na - 8 * 1, 0xFF, 8); /* a NaN where a finite all-in NPV must be */
    ck_assert_int_eq(airoi_simulation_load_buffer(&bad, p, da, na, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_simulation_save_buffer(NULL, NULL, a, 0), AIROI_ERR_INVALID);
    airoi_free(da), airoi_free(db);
    airoi_simulation_free(whole), airoi_simulation_free(a), airoi_simulation_free(b),
        airoi_simulation_free(la), airoi_simulation_free(lb), airoi_simulation_free(ab);
    airoi_sim_options_free(o);
    airoi_project_free(p), airoi_project_free(q);
}
END_TEST

START_TEST(merge_refuses_other_models_and_settings)
{
    airoi_project *p = rich_model(), *q = rich_model();
    airoi_item *it = airoi_project_get_item_mutable(q, AIROI_ITEM_KIND_VALUE, 0);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 421.0), AIROI_OK);
    airoi_sim_options *o = options(100, 1, 1), *o2 = options(100, 2, 1);
    airoi_simulation *a = NULL, *b = NULL, *c = NULL, *m = NULL;
    ck_assert_int_eq(airoi_project_simulate_range(&a, p, o, 0, 100, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&b, q, o, 100, 100, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&c, p, o2, 100, 100, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_merge(&m, a, b), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "different models"));
    ck_assert_int_eq(airoi_simulation_merge(&m, a, c), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "different settings"));
    ck_assert_ptr_null(m);
    airoi_simulation_free(a), airoi_simulation_free(b), airoi_simulation_free(c);
    airoi_sim_options_free(o), airoi_sim_options_free(o2);
    airoi_project_free(p), airoi_project_free(q);
}
END_TEST

/* With no uncertainty and no stages every trial is the base case: each
 * output equals evaluation's metric (every example model: monthly and
 * yearly, growth, FX, adoption ramps, realization, strategic value). */
START_TEST(trials_without_uncertainty_are_the_base_case)
{
    static const char *const files[] = {
        "example1-visual-inspection.yaml", "example2-customer-service.yaml",
        "example3-three-year.yaml",        "example4-genai-customer-service.yaml",
        "example5-aml.yaml",               "genai-support-rollout.yaml",
    };
    const char *dir = getenv("AIROI_EXAMPLES");
    ck_assert_ptr_nonnull(dir);
    static const struct {
        airoi_sim_output out;
        int metric;
    } pairs[] = {
        {AIROI_SIM_NPV, AIROI_METRIC_NPV},
        {AIROI_SIM_IRR, AIROI_METRIC_IRR},
        {AIROI_SIM_ROI_HORIZON, AIROI_METRIC_ROI_HORIZON},
        {AIROI_SIM_NPV_ROI, AIROI_METRIC_NPV_ROI},
        {AIROI_SIM_PAYBACK_PERIODS, AIROI_METRIC_PAYBACK_PERIODS},
    };
    int compared = 0;
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        airoi_project *p = NULL;
        ck_assert_msg(airoi_model_load_file(&p, NULL, path, 0) == AIROI_OK, "%s: %s", path,
                      airoi_last_error_message());
        while (airoi_project_count_uncertainties(p))
            ck_assert_int_eq(airoi_project_remove_uncertainty(p, 0), AIROI_OK);
        while (airoi_project_count_stages(p))
            ck_assert_int_eq(airoi_project_remove_stage(p, 0), AIROI_OK);
        airoi_result *r = NULL;
        ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
        airoi_sim_options *o = options(3, 1, 1);
        airoi_simulation *s = simulate(p, o);
        for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
            double want = 0.0, v[3];
            int32_t st[3];
            size_t len = 0;
            int rc = airoi_result_get_metric(&want, r, pairs[k].metric);
            ck_assert_int_eq(airoi_simulation_get_trials(v, st, 3, &len, s, pairs[k].out),
                             AIROI_OK);
            for (int i = 0; i < 3; i++) {
                if (rc != AIROI_OK) {
                    ck_assert_msg(st[i] != AIROI_OK, "%s: output 0x%x defined, metric not",
                                  files[f], (unsigned)pairs[k].out);
                    continue;
                }
                ck_assert_msg(st[i] == AIROI_OK, "%s: output 0x%x undefined", files[f],
                              (unsigned)pairs[k].out);
                ck_assert_msg(fabs(v[i] - want) <= 1e-9 * (fabs(want) + 1e-9), "%s: 0x%x %.17g vs %.17g",
                              files[f], (unsigned)pairs[k].out, v[i], want);
                compared++;
            }
        }
        airoi_simulation_free(s);
        airoi_sim_options_free(o);
        airoi_result_free(r);
        airoi_project_free(p);
    }
    ck_assert(compared >= 60);
}
END_TEST

/* Targets follow the rule of scenario multipliers: fixed multipliers on
 * an item, a category, a dimension, `costs` and `values` (several on one
 * item compounding, some drawn per period) give the NPV evaluation gives
 * under a scenario with the same multipliers. */
START_TEST(targets_follow_the_scenario_rule)
{
    airoi_project *p = project(4, 0.07);
    cost(p, "licences", AIROI_CATEGORY_SOFTWARE, 30.0, AIROI_PER_YEAR);
    cost(p, "team", AIROI_CATEGORY_PEOPLE, 80.0, AIROI_PER_YEAR);
    cost(p, "trainers", AIROI_CATEGORY_PEOPLE, 20.0, AIROI_PER_YEAR);
    value(p, "hours", AIROI_DIMENSION_EFFICIENCY, 90.0);
    value(p, "sales", AIROI_DIMENSION_REVENUE, 70.0);
    value(p, "brand", AIROI_DIMENSION_STRATEGIC, 50.0);
    static const struct {
        const char *target;
        double factor;
        int per_period;
    } m[] = {
        {"licences", 3.0, 0}, {"people", 2.0, 1}, {"costs", 0.5, 0},
        {"efficiency", 1.5, 0}, {"values", 1.1, 1}, {"team", 0.9, 0},
    };
    airoi_scenario *sc = NULL;
    ck_assert_int_eq(airoi_project_add_scenario(&sc, p, "same", 1.0), AIROI_OK);
    for (size_t k = 0; k < sizeof m / sizeof *m; k++) {
        airoi_uncertainty *u = uncertain(p, m[k].target, AIROI_DIST_FIXED, AIROI_UNCERTAINTY_VALUE,
                                         m[k].factor, AIROI_UNCERTAINTY_VALUE, 0.0,
                                         AIROI_UNCERTAINTY_VALUE, 0.0);
        char name[16];
        snprintf(name, sizeof name, "u%zu", k);
        ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, name), AIROI_OK);
        if (m[k].per_period)
            ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, 1),
                             AIROI_OK);
        ck_assert_int_eq(airoi_scenario_add_multiplier(sc, m[k].target, m[k].factor), AIROI_OK);
    }
    airoi_result *r = NULL;
    double want;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, "same", 0), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&want, r, AIROI_METRIC_NPV), AIROI_OK);
    airoi_result_free(r);
    airoi_sim_options *o = options(10, 1, 1);
    airoi_simulation *s = simulate(p, o);
    ck_assert_double_eq_tol(stat(s, AIROI_SIM_NPV, AIROI_STAT_MIN), want, 1e-10 * fabs(want));
    ck_assert_double_eq_tol(stat(s, AIROI_SIM_NPV, AIROI_STAT_MAX), want, 1e-10 * fabs(want));
    airoi_simulation_free(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* ---- analytic case -------------------------------------------------------------- */

/* One value item times a normal multiplier N(1.1, 0.2): NPV = m PVb - PVc
 * is normal with mean 1.1 PVb - PVc and sd 0.2 PVb. */
START_TEST(npv_linear_in_a_normal_input)
{
    airoi_project *p = project(5, 0.1);
    cost(p, "run", AIROI_CATEGORY_INFRASTRUCTURE, 100.0, AIROI_PER_YEAR);
    value(p, "gain", AIROI_DIMENSION_EFFICIENCY, 150.0);
    uncertain(p, "gain", AIROI_DIST_NORMAL, AIROI_UNCERTAINTY_MEAN, 1.1, AIROI_UNCERTAINTY_SD,
              0.2, AIROI_UNCERTAINTY_SD, 0.2);
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    double pvb, pvc;
    ck_assert_int_eq(airoi_result_get_metric(&pvb, r, AIROI_METRIC_PV_BENEFITS), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&pvc, r, AIROI_METRIC_PV_COSTS), AIROI_OK);
    airoi_result_free(r);
    double mu = 1.1 * pvb - pvc, sigma = 0.2 * pvb;
    const int n = 200000;
    airoi_sim_options *o = options(n, 2026, 2);
    airoi_sim_output npv_only = AIROI_SIM_NPV;
    ck_assert_int_eq(airoi_sim_options_set_outputs(o, &npv_only, 1), AIROI_OK);
    airoi_simulation *s = simulate(p, o);
    double mean = stat(s, AIROI_SIM_NPV, AIROI_STAT_MEAN), sd = stat(s, AIROI_SIM_NPV, AIROI_STAT_SD);
    double se = stat(s, AIROI_SIM_NPV, AIROI_STAT_SE);
    ck_assert_double_eq_tol(se, sd / sqrt(n), 1e-12 * sd);
    /* within 4 standard errors (the sd's own se is sd / sqrt(2(n - 1))) */
    ck_assert_msg(fabs(mean - mu) < 4.0 * sigma / sqrt(n), "mean %.6f vs %.6f", mean, mu);
    ck_assert_msg(fabs(sd - sigma) < 4.0 * sigma / sqrt(2.0 * (n - 1)), "sd %.6f vs %.6f", sd,
                  sigma);
    /* P(NPV > 0) = Phi(mu / sigma); the median is mu, P5 is mu - 1.6449 sigma */
    double pp = stat(s, AIROI_SIM_NPV, AIROI_STAT_PROB_POSITIVE);
    double exact = 0.5 * erfc(-(mu / sigma) / sqrt(2.0));
    ck_assert_msg(fabs(pp - exact) < 4.0 * sqrt(exact * (1 - exact) / n), "P %.6f vs %.6f", pp,
                  exact);
    double p50, p5;
    ck_assert_int_eq(airoi_simulation_get_percentile(&p50, s, AIROI_SIM_NPV, 50.0), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_percentile(&p5, s, AIROI_SIM_NPV, 5.0), AIROI_OK);
    ck_assert(fabs(p50 - mu) < 5.0 * 1.2533 * sigma / sqrt(n));
    ck_assert(fabs(p5 - (mu - 1.6448536269514722 * sigma)) < 0.02 * sigma);
    /* value at risk is the loss at the 5th percentile */
    ck_assert_double_eq(stat(s, AIROI_SIM_NPV, AIROI_STAT_VAR), -p5);
    ck_assert(stat(s, AIROI_SIM_NPV, AIROI_STAT_ES) > -p5);
    /* outputs not asked for are not computed */
    double x;
    ck_assert_int_eq(airoi_simulation_get_stat(&x, s, AIROI_SIM_IRR, AIROI_STAT_MEAN),
                     AIROI_ERR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "'irr' was not computed"));
    /* the one input explains all of NPV's rank variance */
    const char *name = NULL;
    double rho = 0, share = 0;
    ck_assert_int_eq(airoi_simulation_get_sensitivity(&name, &rho, &share, s, 0), AIROI_OK);
    ck_assert_str_eq(name, "gain");
    ck_assert_double_eq_tol(rho, 1.0, 1e-12);
    ck_assert_double_eq_tol(share, 1.0, 1e-12);
    /* checkpoints at 1k, 10k, 100k and the end */
    ck_assert_uint_eq(airoi_simulation_count_checkpoints(s), 4);
    int64_t t;
    double cm, cse, cp, cpse;
    ck_assert_int_eq(airoi_simulation_get_checkpoint(&t, &cm, &cse, &cp, &cpse, s, 1), AIROI_OK);
    ck_assert_int_eq(t, 10000);
    ck_assert(fabs(cm - mu) < 4.0 * cse);
    ck_assert_int_eq(airoi_simulation_get_checkpoint(&t, &cm, &cse, &cp, &cpse, s, 3), AIROI_OK);
    ck_assert_int_eq(t, n);
    ck_assert_double_eq(cm, mean);
    ck_assert_double_eq(cp, pp);
    airoi_simulation_free(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* The copula inside a trial: B sits on strategic value that counts in no
 * figure, so NPV is increasing in A alone and the Spearman correlation of
 * B with NPV is the achieved rank correlation of B with A: rho within
 * 4 standard errors, (1 - rho^2) sqrt(1.06 / (n - 3)) (Fisher's z of a
 * sample Spearman correlation has variance about 1.06 / (n - 3): Fieller,
 * Hartley and Pearson, Biometrika 44, 1957). */
START_TEST(rank_correlation_reaches_the_trials)
{
    for (int sampling = AIROI_SAMPLING_RANDOM; sampling <= AIROI_SAMPLING_SOBOL; sampling++) {
        airoi_project *p = project(3, 0.1);
        cost(p, "run", AIROI_CATEGORY_INFRASTRUCTURE, 40.0, AIROI_PER_YEAR);
        value(p, "gain", AIROI_DIMENSION_EFFICIENCY, 100.0);
        value(p, "brand", AIROI_DIMENSION_STRATEGIC, 30.0);
        airoi_uncertainty *a = uncertain(p, "gain", AIROI_DIST_UNIFORM, AIROI_UNCERTAINTY_LOW, 0.5,
                                         AIROI_UNCERTAINTY_HIGH, 1.5, AIROI_UNCERTAINTY_HIGH, 1.5);
        ck_assert_int_eq(airoi_uncertainty_set_string(a, AIROI_UNCERTAINTY_NAME, "A"), AIROI_OK);
        airoi_uncertainty *b = uncertain(p, "brand", AIROI_DIST_TRIANGULAR, AIROI_UNCERTAINTY_LOW,
                                         0.2, AIROI_UNCERTAINTY_MODE, 1.0, AIROI_UNCERTAINTY_HIGH,
                                         1.1);
        ck_assert_int_eq(airoi_uncertainty_set_string(b, AIROI_UNCERTAINTY_NAME, "B"), AIROI_OK);
        ck_assert_int_eq(airoi_project_add_correlation(p, "A", "B", -0.6), AIROI_OK);
        const int n = 20000;
        airoi_sim_options *o = options(n, 11, 2);
        ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, sampling), AIROI_OK);
        airoi_simulation *s = simulate(p, o);
        const char *name;
        double ra, rb, sa, sb;
        ck_assert_int_eq(airoi_simulation_get_sensitivity(&name, &ra, &sa, s, 0), AIROI_OK);
        ck_assert_str_eq(name, "A");
        ck_assert_double_eq_tol(ra, 1.0, 1e-12);
        ck_assert_int_eq(airoi_simulation_get_sensitivity(&name, &rb, &sb, s, 1), AIROI_OK);
        ck_assert_str_eq(name, "B");
        ck_assert_msg(fabs(rb + 0.6) < 4.0 * (1 - 0.36) * sqrt(1.06 / (n - 3.0)), "achieved %.4f",
                      rb);
        ck_assert_double_eq_tol(sa + sb, 1.0, 1e-12);
        ck_assert_double_eq_tol(sb, rb * rb / (1.0 + rb * rb), 1e-12);
        airoi_simulation_free(s);
        airoi_sim_options_free(o);
        airoi_project_free(p);
    }
}
END_TEST

/* Rank correlations that cannot hold together (A~B and B~C strongly
 * positive, A~C strongly negative): refused naming a pair, or with
 * `repair` simulated on the nearest consistent matrix, with a warning
 * that gives each value before and after. */
START_TEST(inconsistent_correlations_refused_or_repaired)
{
    airoi_project *p = project(3, 0.1);
    cost(p, "run", AIROI_CATEGORY_INFRASTRUCTURE, 40.0, AIROI_PER_YEAR);
    value(p, "a", AIROI_DIMENSION_EFFICIENCY, 50.0);
    value(p, "b", AIROI_DIMENSION_REVENUE, 50.0);
    value(p, "c", AIROI_DIMENSION_RISK, 50.0);
    const char *names[3] = {"a", "b", "c"};
    for (int k = 0; k < 3; k++)
        uncertain(p, names[k], AIROI_DIST_UNIFORM, AIROI_UNCERTAINTY_LOW, 0.5,
                  AIROI_UNCERTAINTY_HIGH, 1.5, AIROI_UNCERTAINTY_HIGH, 1.5);
    ck_assert_int_eq(airoi_project_add_correlation(p, "a", "b", 0.9), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "b", "c", 0.9), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "a", "c", -0.9), AIROI_OK);
    airoi_sim_options *o = options(2000, 4, 2);
    airoi_simulation *s = (airoi_simulation *)1;
    int rc = airoi_project_simulate(&s, p, o, 0, NULL, NULL);
    ck_assert_msg(rc == AIROI_ERR_INVALID || rc == AIROI_ERR_MODEL, "%s", airoi_status_str(rc));
    ck_assert_ptr_null(s);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "not positive semi-definite"));
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "' and '"));
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_REPAIR, 1), AIROI_OK);
    s = simulate(p, o);
    const char *w = airoi_simulation_get_warning(s);
    ck_assert_ptr_nonnull(w);
    ck_assert_msg(strncmp(w, "warning: correlations: ", 23) == 0, "%s", w);
    ck_assert_ptr_nonnull(strstr(w, "repaired: 'a' and 'b' 0.9 -> "));
    ck_assert_ptr_nonnull(strstr(w, ", 'a' and 'c' -0.9 -> "));
    double rep = 0.0;
    const char *at = strstr(w, "'a' and 'b' 0.9 -> ");
    ck_assert_int_eq(sscanf(at + strlen("'a' and 'b' 0.9 -> "), "%lf", &rep), 1);
    ck_assert(rep > 0.0 && rep < 0.9);
    airoi_simulation_free(s);
    /* a consistent model has no warning */
    ck_assert_int_eq(airoi_project_remove_correlation(p, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_correlation(p, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_correlation(p, "b", "c", 0.3), AIROI_OK);
    s = simulate(p, o);
    ck_assert_ptr_null(airoi_simulation_get_warning(s));
    airoi_simulation_free(s);
    ck_assert_ptr_null(airoi_simulation_get_warning(NULL));
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* ---- statistics' definitions ------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

START_TEST(percentiles_histogram_and_shares_by_definition)
{
    airoi_project *p = rich_model();
    airoi_sim_options *o = options(3001, 5, 2);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_BINS, 7), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_ROI_TARGET, 0.25), AIROI_OK);
    double extra[2] = {1.0, 99.5};
    ck_assert_int_eq(airoi_sim_options_set_percentiles(o, extra, 2), AIROI_OK);
    airoi_simulation *s = simulate(p, o);
    for (int out = AIROI_SIM_NPV; out <= AIROI_SIM_PAYBACK_PERIODS; out++) {
        double v[3001];
        int32_t st[3001];
        size_t len = 0, nd = 0;
        ck_assert_int_eq(airoi_simulation_get_trials(v, st, 3001, &len, s, (airoi_sim_output)out),
                         AIROI_OK);
        double def[3001];
        size_t above = 0;
        for (size_t i = 0; i < len; i++) {
            if (st[i] == AIROI_OK) {
                def[nd++] = v[i];
                above += v[i] > 0.25;
            } else {
                ck_assert_int_eq(st[i], out == AIROI_SIM_IRR ? AIROI_ERR_NO_SOLUTION
                                                             : AIROI_ERR_UNDEFINED);
                ck_assert_double_eq(v[i], 0.0);
            }
        }
        ck_assert_double_eq(stat(s, (airoi_sim_output)out, AIROI_STAT_COUNT), (double)nd);
        ck_assert_double_eq(stat(s, (airoi_sim_output)out, AIROI_STAT_UNDEFINED_SHARE),
                            (double)(len - nd) / (double)len);
        qsort(def, nd, sizeof *def, cmp_double);
        ck_assert_double_eq(stat(s, (airoi_sim_output)out, AIROI_STAT_MIN), def[0]);
        ck_assert_double_eq(stat(s, (airoi_sim_output)out, AIROI_STAT_MAX), def[nd - 1]);
        /* PERCENTILE.INC: rank h = (n - 1) p / 100, linear between neighbours */
        const double pcs[] = {0, 1, 5, 10, 37.5, 50, 90, 95, 99.5, 100};
        for (size_t j = 0; j < sizeof pcs / sizeof *pcs; j++) {
            double h = (double)(nd - 1) * pcs[j] / 100.0, got;
            size_t lo = (size_t)floor(h);
            double want = lo + 1 < nd ? def[lo] + (h - lo) * (def[lo + 1] - def[lo]) : def[nd - 1];
            ck_assert_int_eq(airoi_simulation_get_percentile(&got, s, (airoi_sim_output)out,
                                                             pcs[j]),
                             AIROI_OK);
            ck_assert_double_eq_tol(got, want, 1e-12 * (fabs(want) + 1));
        }
        double edges[8];
        int64_t counts[7], total = 0;
        size_t bins = 0;
        ck_assert_int_eq(airoi_simulation_get_histogram(NULL, NULL, 0, &bins, s,
                                                        (airoi_sim_output)out),
                         AIROI_OK);
        ck_assert_uint_eq(bins, 7);
        ck_assert_int_eq(airoi_simulation_get_histogram(edges, counts, 6, &bins, s,
                                                        (airoi_sim_output)out),
                         AIROI_ERR_BUFFER);
        ck_assert_int_eq(airoi_simulation_get_histogram(edges, counts, 7, &bins, s,
                                                        (airoi_sim_output)out),
                         AIROI_OK);
        ck_assert_double_eq(edges[0], def[0]);
        ck_assert_double_eq(edges[7], def[nd - 1]);
        for (int b = 0; b < 7; b++)
            total += counts[b];
        ck_assert_int_eq(total, (int64_t)nd);
        if (out == AIROI_SIM_ROI_HORIZON || out == AIROI_SIM_NPV_ROI)
            ck_assert_double_eq(stat(s, (airoi_sim_output)out, AIROI_STAT_PROB_ABOVE_TARGET),
                                (double)above / (double)len);
    }
    airoi_simulation_free(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* ---- stages ------------------------------------------------------------------------- */

/* A PoC (10 at t = 0, 1 period, passes with 0.5) and an MVP (20 at t = 1,
 * 2 periods, 0.4); the model (no uncertainty) starts at D = 3 when both
 * pass. By hand, with d = 1.1:
 *   fail at the PoC gate (0.5):       -10
 *   fail at the MVP gate (0.5 x 0.6): -10 - 20/d
 *   both pass (0.2):                  -10 - 20/d + NPV/d^3
 *   expected NPV = -10 - 0.5 x 20/d + 0.2 NPV/d^3. */
START_TEST(two_stage_tree_by_hand)
{
    airoi_project *p = project(3, 0.1);
    cost(p, "run", AIROI_CATEGORY_INFRASTRUCTURE, 50.0, AIROI_PER_YEAR);
    value(p, "gain", AIROI_DIMENSION_EFFICIENCY, 200.0);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 10.0, 1, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "mvp", 20.0, 2, 0.4), AIROI_OK);
    /* the model's own figures (evaluation ignores the stages) */
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    double npv, tc, pvb, pvc;
    ck_assert_int_eq(airoi_result_get_metric(&npv, r, AIROI_METRIC_NPV), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&tc, r, AIROI_METRIC_TOTAL_COSTS), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&pvb, r, AIROI_METRIC_PV_BENEFITS), AIROI_OK);
    ck_assert_int_eq(airoi_result_get_metric(&pvc, r, AIROI_METRIC_PV_COSTS), AIROI_OK);
    airoi_result_free(r);
    ck_assert(npv > 100.0);
    const double d = 1.1, d3 = 1.1 * 1.1 * 1.1;
    const double path[3] = {-10.0, -10.0 - 20.0 / d, -10.0 - 20.0 / d + npv / d3};
    const int n = 100000;
    airoi_sim_options *o = options(n, 99, 2);
    airoi_simulation *s = simulate(p, o);
    double *v = calloc(n, sizeof *v);
    size_t len = 0, seen[3] = {0, 0, 0};
    ck_assert_int_eq(airoi_simulation_get_trials(v, NULL, n, &len, s, AIROI_SIM_NPV), AIROI_OK);
    for (size_t i = 0; i < len; i++) {
        int k = -1;
        for (int j = 0; j < 3; j++)
            if (fabs(v[i] - path[j]) < 1e-9 * fabs(path[2]))
                k = j;
        ck_assert_msg(k >= 0, "trial %zu: NPV %.17g is no path's", i, v[i]);
        seen[k]++;
    }
    free(v);
    /* path shares within 4 standard errors of 0.5, 0.3, 0.2 */
    const double share[3] = {0.5, 0.3, 0.2};
    for (int j = 0; j < 3; j++)
        ck_assert_msg(fabs((double)seen[j] / n - share[j]) < 4.0 * sqrt(share[j] * (1 - share[j]) / n),
                      "path %d: %zu", j, seen[j]);
    double prod, ecost, enpv, allin, vos;
    ck_assert_int_eq(airoi_simulation_get_staging(&prod, s, AIROI_STAGING_PROB_PRODUCTION), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_staging(&ecost, s, AIROI_STAGING_EXPECTED_COST), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_staging(&enpv, s, AIROI_STAGING_EXPECTED_NPV), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_staging(&allin, s, AIROI_STAGING_NPV_ALL_IN), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_staging(&vos, s, AIROI_STAGING_VALUE_OF_STAGING), AIROI_OK);
    /* the figures of the trials, exactly */
    double pr = (double)seen[2] / n, p1 = (double)(seen[1] + seen[2]) / n;
    ck_assert_double_eq_tol(prod, pr, 1e-15);
    ck_assert_double_eq_tol(ecost, 10.0 + p1 * 20.0 + pr * tc, 1e-9);
    ck_assert_double_eq_tol(enpv, (seen[0] * path[0] + seen[1] * path[1] + seen[2] * path[2]) / n,
                            1e-9);
    ck_assert_double_eq_tol(allin, -10.0 - 20.0 / d + (pr * pvb - pvc) / d3, 1e-9);
    ck_assert_double_eq_tol(vos, enpv - allin, 1e-12);
    /* and the exact expectations within the sampling error */
    double exact = -10.0 - 0.5 * 20.0 / d + 0.2 * npv / d3;
    double sd = stat(s, AIROI_SIM_NPV, AIROI_STAT_SD);
    ck_assert_msg(fabs(enpv - exact) < 4.0 * sd / sqrt(n), "E[NPV] %.6f vs %.6f", enpv, exact);
    ck_assert_double_eq(stat(s, AIROI_SIM_NPV, AIROI_STAT_MEAN), enpv);
    /* without the option: every trial pays everything; the benefits come
     * in the trials that passed every gate */
    double *ai = calloc(n, sizeof *ai);
    size_t ailen = 0;
    ck_assert_int_eq(airoi_simulation_get_all_in_trials(NULL, 0, &ailen, s), AIROI_OK);
    ck_assert_uint_eq(ailen, n);
    ck_assert_int_eq(airoi_simulation_get_all_in_trials(ai, n - 1, &ailen, s), AIROI_ERR_BUFFER);
    ck_assert_int_eq(airoi_simulation_get_all_in_trials(ai, n, &ailen, s), AIROI_OK);
    double np[2] = {0, 0};
    const double fail_all_in = -10.0 - 20.0 / d - pvc / d3, pass_all_in = fail_all_in + pvb / d3;
    for (size_t i = 0; i < ailen; i++) {
        int passed = fabs(ai[i] - pass_all_in) < 1e-9 * pvb;
        ck_assert_msg(passed || fabs(ai[i] - fail_all_in) < 1e-9 * pvb, "trial %zu: %.17g", i,
                      ai[i]);
        np[passed] += 1;
    }
    ck_assert_double_eq(np[1], (double)seen[2]);
    free(ai);
    /* a failed path never pays back: the share is the failures' */
    ck_assert_double_eq_tol(stat(s, AIROI_SIM_PAYBACK_PERIODS, AIROI_STAT_NEVER_SHARE), 1.0 - pr,
                            1e-15);
    airoi_simulation_free(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* ---- progress and cancellation ------------------------------------------------------ */

typedef struct progress_log {
    int calls;
    int cancel_at;
    int64_t last_done;
    int64_t total;
    int monotone;
} progress_log;

static int on_progress(int64_t done, int64_t total, void *ud)
{
    progress_log *l = ud;
    l->calls++;
    if (done < l->last_done)
        l->monotone = 0;
    l->last_done = done;
    l->total = total;
    return l->cancel_at > 0 && l->calls >= l->cancel_at;
}

START_TEST(progress_reaches_the_end)
{
    airoi_project *p = rich_model();
    airoi_sim_options *o = options(20000, 3, 2);
    progress_log l = {0, 0, 0, 0, 1};
    airoi_simulation *s = NULL;
    ck_assert_int_eq(airoi_project_simulate(&s, p, o, 0, on_progress, &l), AIROI_OK);
    ck_assert(l.calls >= 2);
    ck_assert(l.monotone);
    ck_assert_int_eq(l.last_done, 20000);
    ck_assert_int_eq(l.total, 20000);
    airoi_simulation_free(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* Cancelled at the first report (before any trial, whatever the thread
 * count) and in the middle of a one-thread run (after its first block of
 * 1,024 trials): nothing is returned, nothing leaks (valgrind, ASan). */
START_TEST(cancellation)
{
    airoi_project *p = rich_model();
    for (int threads = 1; threads <= 4; threads *= 2) {
        airoi_sim_options *o = options(200000, 3, threads);
        progress_log l = {0, 1, 0, 0, 1};
        airoi_simulation *s = (airoi_simulation *)1;
        ck_assert_int_eq(airoi_project_simulate(&s, p, o, 0, on_progress, &l),
                         AIROI_ERR_CANCELLED);
        ck_assert_ptr_null(s);
        ck_assert_int_eq(l.calls, 1);
        ck_assert_int_eq(l.last_done, 0);
        ck_assert_str_eq(airoi_last_error_message(),
                         "simulation cancelled by the progress callback after 0 of 200000 trials");
        airoi_sim_options_free(o);
    }
    airoi_sim_options *o = options(200000, 3, 1);
    progress_log l = {0, 2, 0, 0, 1};
    airoi_simulation *s = (airoi_simulation *)1;
    ck_assert_int_eq(airoi_project_simulate(&s, p, o, 0, on_progress, &l), AIROI_ERR_CANCELLED);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(l.calls, 2);
    ck_assert_int_eq(l.last_done, 1024);
    ck_assert_str_eq(airoi_last_error_message(),
                     "simulation cancelled by the progress callback after 1024 of 200000 trials");
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* The sensitivity is computed on first use, under the result's lock:
 * four threads asking at once all get the one-thread figures. */
typedef struct sens_job {
    const airoi_simulation *s;
    double rho[4], share[4];
    int rc;
} sens_job;

static void *sens_thread(void *arg)
{
    sens_job *j = arg;
    j->rc = AIROI_OK;
    for (size_t i = 0; i < 4 && j->rc == AIROI_OK; i++)
        j->rc = airoi_simulation_get_sensitivity(NULL, &j->rho[i], &j->share[i], j->s, i);
    return NULL;
}

START_TEST(sensitivity_from_many_threads)
{
    airoi_project *p = rich_model();
    airoi_sim_options *o = options(20000, 8, 2);
    airoi_simulation *s = simulate(p, o), *t = simulate(p, o);
    sens_job jobs[4];
    pthread_t tid[4];
    for (int k = 0; k < 4; k++) {
        jobs[k].s = s;
        ck_assert_int_eq(pthread_create(&tid[k], NULL, sens_thread, &jobs[k]), 0);
    }
    for (int k = 0; k < 4; k++)
        ck_assert_int_eq(pthread_join(tid[k], NULL), 0);
    sens_job one = {t, {0}, {0}, 0};
    sens_thread(&one);
    ck_assert_int_eq(one.rc, AIROI_OK);
    for (int k = 0; k < 4; k++) {
        ck_assert_int_eq(jobs[k].rc, AIROI_OK);
        ck_assert(memcmp(jobs[k].rho, one.rho, sizeof one.rho) == 0);
        ck_assert(memcmp(jobs[k].share, one.share, sizeof one.share) == 0);
    }
    /* the figures mean something: more hours saved, more NPV; the risk
     * event (values x 0.5) lowers it */
    ck_assert(one.rho[0] > 0.1);
    ck_assert_msg(one.rho[3] > 0.1, "%g %g %g %g", one.rho[0], one.rho[1], one.rho[2], one.rho[3]);
    ck_assert_double_eq_tol(one.share[0] + one.share[1] + one.share[2] + one.share[3], 1.0, 1e-12);
    airoi_simulation_free(s), airoi_simulation_free(t);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* ---- refusals ------------------------------------------------------------------------- */

static void refused(int rc, int want, const char *words)
{
    ck_assert_msg(rc == want, "status %s, want %s (%s)", airoi_status_str(rc),
                  airoi_status_str(want), airoi_last_error_message());
    ck_assert_msg(strstr(airoi_last_error_message(), words) != NULL, "message '%s' lacks '%s'",
                  airoi_last_error_message(), words);
}

START_TEST(refusals)
{
    airoi_project *p = rich_model();
    airoi_simulation *s = (airoi_simulation *)1;
    /* more trials than the per-trial storage limit allows */
    airoi_sim_options *o = options(1000000000000LL, 1, 1);
    refused(airoi_project_simulate(&s, p, o, 0, NULL, NULL), AIROI_ERR_LIMIT, "the limit is");
    ck_assert_ptr_null(s);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "bytes a trial"));
    airoi_sim_options_free(o);
    o = options(100, 1, 1);
    refused(airoi_project_simulate_range(&s, p, o, 0, 0, 0, NULL, NULL), AIROI_ERR_INVALID,
            "no range");
    refused(airoi_project_simulate_range(&s, p, o, -5, 10, 0, NULL, NULL), AIROI_ERR_INVALID,
            "no range");
    refused(airoi_project_simulate_range(&s, p, o, ((int64_t)1 << 53) - 5, 10, 0, NULL, NULL),
            AIROI_ERR_LIMIT, "2^53");
    refused(airoi_project_simulate(&s, p, o, 0x80, NULL, NULL), AIROI_ERR_INVALID,
            "unknown flags");
    refused(airoi_project_simulate(&s, NULL, o, 0, NULL, NULL), AIROI_ERR_INVALID, "NULL project");
    refused(airoi_project_simulate(NULL, p, o, 0, NULL, NULL), AIROI_ERR_INVALID, "NULL out");
    /* getters */
    s = simulate(p, o);
    double x;
    refused(airoi_simulation_get_stat(&x, s, (airoi_sim_output)0x2500, AIROI_STAT_MEAN),
            AIROI_ERR_INVALID, "AIROI_STAT_MEAN is an airoi_sim_stat value; expected an airoi_sim_output");
    refused(airoi_simulation_get_stat(&x, s, AIROI_SIM_NPV, (airoi_sim_stat)0x2400),
            AIROI_ERR_INVALID, "AIROI_SIM_NPV is an airoi_sim_output value; expected an airoi_sim_stat");
    refused(airoi_simulation_get_stat(&x, s, AIROI_SIM_IRR, AIROI_STAT_VAR), AIROI_ERR_INVALID,
            "figures of npv, not irr");
    refused(airoi_simulation_get_stat(&x, s, AIROI_SIM_NPV, AIROI_STAT_NEVER_SHARE),
            AIROI_ERR_INVALID, "payback_periods");
    refused(airoi_simulation_get_stat(&x, s, AIROI_SIM_NPV, AIROI_STAT_PROB_ABOVE_TARGET),
            AIROI_ERR_INVALID, "roi_horizon and npv_roi");
    refused(airoi_simulation_get_percentile(&x, s, AIROI_SIM_NPV, 100.5), AIROI_ERR_INVALID,
            "outside [0, 100]");
    refused(airoi_simulation_get_sensitivity(NULL, &x, NULL, s, 4), AIROI_ERR_NOT_FOUND,
            "past the end");
    refused(airoi_simulation_get_checkpoint(NULL, &x, NULL, NULL, NULL, s, 9), AIROI_ERR_NOT_FOUND,
            "past the end");
    refused(airoi_simulation_get_staging(&x, s, (airoi_staging_figure)0x2600), AIROI_ERR_INVALID,
            "AIROI_SIM_TRIALS is an airoi_sim_param value; expected an airoi_staging_figure");
    refused(airoi_simulation_get_number(&x, s, (airoi_sim_param)0x2500), AIROI_ERR_INVALID,
            "AIROI_STAT_MEAN is an airoi_sim_stat value; expected an airoi_sim_param");
    double edges[3];
    int64_t counts[2];
    refused(airoi_simulation_get_histogram(edges, counts, 2, NULL, s, AIROI_SIM_NPV),
            AIROI_ERR_BUFFER, "do not fit");
    double v[10];
    refused(airoi_simulation_get_trials(v, NULL, 10, NULL, s, AIROI_SIM_NPV), AIROI_ERR_BUFFER,
            "do not fit");
    airoi_simulation_free(s);
    /* a model without stages has no staging figures */
    airoi_project *q = project(2, 0.05);
    cost(q, "c", AIROI_CATEGORY_SOFTWARE, 10.0, AIROI_PER_YEAR);
    value(q, "v", AIROI_DIMENSION_REVENUE, 12.0);
    s = simulate(q, o);
    refused(airoi_simulation_get_staging(&x, s, AIROI_STAGING_EXPECTED_NPV), AIROI_ERR_NOT_FOUND,
            "no stages");
    refused(airoi_simulation_get_all_in_trials(NULL, 0, NULL, s), AIROI_ERR_NOT_FOUND,
            "no stages");
    ck_assert_uint_eq(airoi_simulation_count_inputs(s), 0);
    /* no uncertainty: every trial is the base case */
    ck_assert_double_eq(stat(s, AIROI_SIM_NPV, AIROI_STAT_SD), 0.0);
    airoi_simulation_free(s);
    /* sobol with more dimensions (40 x 41) than its direction numbers */
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_set_number(q, AIROI_PROJECT_HORIZON, 40), AIROI_OK);
    for (int k = 0; k < 40; k++) {
        char name[16];
        snprintf(name, sizeof name, "u%d", k);
        ck_assert_int_eq(airoi_project_add_uncertainty(&u, q, "v", AIROI_DIST_UNIFORM), AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, name), AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.5), AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.5), AIROI_OK);
        ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, 1),
                         AIROI_OK);
    }
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, AIROI_SAMPLING_SOBOL),
                     AIROI_OK);
    /* past the Sobol table's dimensions the points are padded: it runs */
    s = simulate(q, o);
    ck_assert(stat(s, AIROI_SIM_NPV, AIROI_STAT_SD) > 0.0);
    airoi_simulation_free(s);
    /* a correlation between a per-period and a per-trial uncertainty */
    airoi_project *c = rich_model();
    ck_assert_int_eq(airoi_project_add_correlation(c, "revenue", "people", 0.3), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, AIROI_SAMPLING_RANDOM),
                     AIROI_OK);
    s = (airoi_simulation *)1;
    refused(airoi_project_simulate(&s, c, o, 0, NULL, NULL), AIROI_ERR_MODEL,
            "correlated uncertainties must all be drawn the same way");
    ck_assert_ptr_null(s);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "'revenue' is drawn per period"));
    airoi_project_free(c);
    airoi_project_free(q);
    airoi_sim_options_free(o);
    airoi_project_free(p);
    airoi_simulation_free(NULL);
}
END_TEST

static Suite *sim_suite(void)
{
    Suite *s = suite_create("simulation");
    TCase *tc = tcase_create("determinism");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, same_results_for_1_2_8_threads);
    tcase_add_test(tc, same_results_for_1_2_8_threads_sobol);
    tcase_add_test(tc, merged_ranges_are_the_whole_run);
    tcase_add_test(tc, merge_refuses_other_models_and_settings);
    tcase_add_test(tc, trial_blocks_equal_trial_by_trial);
    tcase_add_test(tc, saved_ranges_load_and_merge);
    suite_add_tcase(s, tc);
    tc = tcase_create("figures");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, trials_without_uncertainty_are_the_base_case);
    tcase_add_test(tc, targets_follow_the_scenario_rule);
    tcase_add_test(tc, npv_linear_in_a_normal_input);
    tcase_add_test(tc, percentiles_histogram_and_shares_by_definition);
    tcase_add_test(tc, two_stage_tree_by_hand);
    tcase_add_test(tc, rank_correlation_reaches_the_trials);
    tcase_add_test(tc, inconsistent_correlations_refused_or_repaired);
    suite_add_tcase(s, tc);
    tc = tcase_create("control");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, progress_reaches_the_end);
    tcase_add_test(tc, cancellation);
    tcase_add_test(tc, sensitivity_from_many_threads);
    tcase_add_test(tc, refusals);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(sim_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
