/*
 * tests/unit/test-sim-oom.c: white-box allocation-failure injection over a
 * simulation, its merge and its sensitivity, after SQLite's fault
 * simulator: every allocation of the calling thread fails in turn,
 * persistently (it and every later one) and transiently (only it). Each
 * call must then report AIROI_ERR_NOMEM with its output NULL, or succeed
 * with exactly the fault-free figures; under valgrind (`meson test --setup
 * valgrind`) no failure path may leak.
 */
#include <check.h>
#include <string.h>

#include <airoi/airoi.h>

#include "core-private.h"

static airoi_project *model(void)
{
    airoi_project *p = NULL;
    airoi_item *it = NULL;
    airoi_uncertainty *u = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "oom"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 4), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.08), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "team", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&it, p, "gain", AIROI_DIMENSION_REVENUE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 180), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_YEAR), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "gain", AIROI_DIST_TRIANGULAR), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MODE, 1.0), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "costs", AIROI_DIST_NORMAL), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MEAN, 1.0), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_SD, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "poc", 20, 1, 0.6), AIROI_OK);
    return p;
}

static airoi_sim_options *options(int sampling)
{
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 1500), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, 1), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, sampling), AIROI_OK);
    return o;
}

/* Mean NPV, P50 of IRR and the first input's rank correlation. */
static void figures(double out[3], const airoi_simulation *s)
{
    ck_assert_int_eq(airoi_simulation_get_stat(&out[0], s, AIROI_SIM_NPV, AIROI_STAT_MEAN),
                     AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_percentile(&out[1], s, AIROI_SIM_IRR, 50), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_sensitivity(NULL, &out[2], NULL, s, 0), AIROI_OK);
}

static void oom_case(int sampling)
{
    airoi_project *p = model();
    airoi_sim_options *o = options(sampling);
    airoi_simulation *ref = NULL, *a = NULL, *b = NULL;
    ck_assert_int_eq(airoi_project_simulate(&ref, p, o, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&a, p, o, 0, 700, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate_range(&b, p, o, 700, 800, 0, NULL, NULL), AIROI_OK);
    double want[3];
    figures(want, ref);
    int injected = 0;
    for (int mode = 0; mode < 2; mode++) {
        for (long k = 0;; k++) {
            airoi_simulation *s = (airoi_simulation *)1, *m = (airoi_simulation *)1;
            if (mode == 0)
                airoi__alloc_fail_after(k);
            else
                airoi__alloc_fail_once(k);
            int rc = airoi_project_simulate(&s, p, o, 0, NULL, NULL);
            int rm = airoi_simulation_merge(&m, a, b);
            long failures = airoi__alloc_failures();
            airoi__alloc_fail_after(-1);
            ck_assert_msg(rc == AIROI_OK || rc == AIROI_ERR_NOMEM, "k %ld: %s", k,
                          airoi_status_str(rc));
            ck_assert_msg(rm == AIROI_OK || rm == AIROI_ERR_NOMEM, "k %ld: %s", k,
                          airoi_status_str(rm));
            if (rc)
                ck_assert_ptr_null(s);
            if (rm)
                ck_assert_ptr_null(m);
            double got[3];
            /* sensitivity is computed on first use: inject there too */
            for (int j = 0; j < 2; j++) {
                airoi_simulation *x = j ? m : s;
                if (rc == AIROI_OK && j == 0) {
                    airoi__alloc_fail_once(k);
                    double r;
                    int rs = airoi_simulation_get_sensitivity(NULL, &r, NULL, x, 0);
                    failures += airoi__alloc_failures();
                    airoi__alloc_fail_after(-1);
                    ck_assert(rs == AIROI_OK || rs == AIROI_ERR_NOMEM);
                }
                if ((j == 0 && rc == AIROI_OK) || (j == 1 && rm == AIROI_OK)) {
                    figures(got, x);
                    ck_assert(memcmp(got, want, sizeof got) == 0);
                }
            }
            if (rc == AIROI_OK)
                airoi_simulation_free(s);
            if (rm == AIROI_OK)
                airoi_simulation_free(m);
            injected += (int)failures;
            if (failures == 0)
                break; /* every allocation has had its turn */
            ck_assert_msg(k < 100000, "no end of allocations");
        }
    }
    ck_assert(injected > 20);
    airoi_simulation_free(ref), airoi_simulation_free(a), airoi_simulation_free(b);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}

START_TEST(every_allocation_fails_in_turn)
{
    oom_case(AIROI_SAMPLING_RANDOM);
}
END_TEST

START_TEST(every_allocation_fails_in_turn_sobol)
{
    oom_case(AIROI_SAMPLING_SOBOL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("simulation-oom");
    TCase *tc = tcase_create("oom");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, every_allocation_fails_in_turn);
    tcase_add_test(tc, every_allocation_fails_in_turn_sobol);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
