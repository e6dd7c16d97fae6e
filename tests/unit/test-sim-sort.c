/*
 * tests/unit/test-sim-sort.c: white-box tests of lib/sim/simsort.c, the
 * multi-threaded work behind a simulation's statistics.
 *
 * airoi__sim_sort_values() against qsort() on values of every awkward
 * shape (normal and heavy-tailed samples, ties, -0 and +0, a spread beyond
 * a double, subnormals, crowded clusters that defeat the bucket index,
 * undefined values, tiny counts) for 1, 2, 3 and 7 threads, bit for bit;
 * airoi__sim_parallel() runs every task exactly once, whatever the thread
 * count; and through the API, a simulation's histogram, percentiles, mean
 * and sd against the rules of docs/methodology.md#simulation-statistics
 * applied to its own per-trial values.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "sim-private.h"

/* A fixed pseudo-random stream (splitmix64): the tests are deterministic. */
static uint64_t rng_state;

static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static double uniform(void)
{
    return ((double)(next_u64() >> 11) + 0.5) * 0x1p-53;
}

static double normal(void)
{
    double s = 0.0;
    for (int k = 0; k < 12; k++)
        s += uniform();
    return s - 6.0;
}

static int cmp_key(const void *a, const void *b)
{
    uint64_t x = airoi__sim_key_of(*(const double *)a), y = airoi__sim_key_of(*(const double *)b);
    return x < y ? -1 : x > y;
}

/* Sorts v (c values, NaN undefined) with every thread count and compares
 * the result with qsort() of the defined values, bit for bit. */
static void check_sort(const double *v, size_t c, const char *what)
{
    double *ref = malloc((c ? c : 1) * sizeof *ref);
    ck_assert_ptr_nonnull(ref);
    size_t nd = 0;
    double mn = HUGE_VAL, mx = -HUGE_VAL;
    for (size_t i = 0; i < c; i++)
        if (!isnan(v[i])) {
            ref[nd++] = v[i];
            mn = v[i] < mn ? v[i] : mn;
            mx = v[i] > mx ? v[i] : mx;
        }
    qsort(ref, nd, sizeof *ref, cmp_key);
    static const int threads[] = {1, 2, 3, 7};
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
        double *got = NULL;
        ck_assert_int_eq(airoi__sim_sort_values(&got, v, c, nd, mn, mx, threads[t]), AIROI_OK);
        for (size_t i = 0; i < nd; i++)
            if (memcmp(&got[i], &ref[i], sizeof got[i]) != 0)
                ck_abort_msg("%s, %d threads: position %zu of %zu is %.17g, qsort has %.17g",
                             what, threads[t], i, nd, got[i], ref[i]);
        airoi__sim_big_free(got);
    }
    free(ref);
}

START_TEST(sort_shapes)
{
    const size_t n = 200000;
    double *v = malloc(n * sizeof *v);
    ck_assert_ptr_nonnull(v);
    rng_state = 2026;

    for (size_t i = 0; i < n; i++)
        v[i] = 4000.0 + 600.0 * normal();
    check_sort(v, n, "normal sample");

    for (size_t i = 0; i < n; i++)
        v[i] = exp(5.0 * normal());
    check_sort(v, n, "lognormal sample, sigma 5");

    for (size_t i = 0; i < n; i++)
        v[i] = 3.5;
    check_sort(v, n, "all equal");

    for (size_t i = 0; i < n; i++)
        v[i] = (double)(next_u64() % 10);
    check_sort(v, n, "ten values, many ties");

    for (size_t i = 0; i < n; i++)
        v[i] = (next_u64() & 1) ? 0.0 : -0.0;
    check_sort(v, n, "-0 and +0");

    for (size_t i = 0; i < n; i++)
        v[i] = i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : normal();
    check_sort(v, n, "zeros of both signs among a sample");

    for (size_t i = 0; i < n; i++)
        v[i] = normal();
    v[17] = -DBL_MAX;
    v[4242] = DBL_MAX;
    check_sort(v, n, "a spread beyond a double");

    for (size_t i = 0; i < n; i++)
        v[i] = uniform() * 0x1p-1060; /* subnormal, a spread that overflows the scale */
    check_sort(v, n, "subnormals");

    /* crowded: clusters of distinct values a few ulps wide, stretched
     * apart by one far value, so that thousands share an index */
    for (size_t i = 0; i < n; i++) {
        double centre = (double)(i % 50);
        v[i] = nextafter(centre, 100.0) + (double)(next_u64() % 4096) * 0x1p-40;
    }
    v[0] = 1e12;
    check_sort(v, n, "crowded clusters");

    /* a thousand distinct values in one index among a uniform sample: a
     * bucket small enough for the counting sort, too crowded for insertion */
    for (size_t i = 0; i < n; i++)
        v[i] = i % 200 == 0 ? 0.5 + (double)(next_u64() % 100000) * 0x1p-60 : uniform();
    check_sort(v, n, "one crowded index");

    for (size_t i = 0; i < n; i++)
        v[i] = next_u64() % 4 == 0 ? (double)NAN : normal();
    check_sort(v, n, "a quarter undefined");

    for (size_t i = 0; i < n; i++)
        v[i] = (double)NAN;
    v[n / 2] = 1.0;
    check_sort(v, n, "one defined value");

    for (size_t c = 1; c <= 40; c++) {
        for (size_t i = 0; i < c; i++)
            v[i] = normal();
        check_sort(v, c, "a few values");
    }
    free(v);
}
END_TEST

typedef struct count_ctx {
    atomic_int runs[1000];
} count_ctx;

static void count_run(void *ctx, size_t t)
{
    atomic_fetch_add(&((count_ctx *)ctx)->runs[t], 1);
}

START_TEST(parallel_runs_every_task_once)
{
    static const int threads[] = {1, 2, 3, 8, 64, 200};
    static const size_t tasks[] = {0, 1, 2, 7, 1000};
    for (size_t a = 0; a < sizeof threads / sizeof *threads; a++)
        for (size_t b = 0; b < sizeof tasks / sizeof *tasks; b++) {
            count_ctx *C = calloc(1, sizeof *C);
            ck_assert_ptr_nonnull(C);
            airoi__sim_parallel(threads[a], tasks[b], count_run, C);
            for (size_t t = 0; t < 1000; t++)
                ck_assert_int_eq(atomic_load(&C->runs[t]), t < tasks[b] ? 1 : 0);
            free(C);
        }
}
END_TEST

static void ok(int rc)
{
    ck_assert_msg(rc == AIROI_OK, "%s: %s", airoi_status_str(rc), airoi_last_error_message());
}

static double pct_inc(const double *x, size_t n, double p)
{
    double h = (double)(n - 1) * (p / 100.0);
    size_t lo = (size_t)floor(h);
    return lo >= n - 1 ? x[n - 1] : x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

START_TEST(statistics_follow_the_rules)
{
    airoi_project *p = NULL;
    ok(airoi_project_new(&p, "sort"));
    ok(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3));
    ok(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.08));
    airoi_item *it = NULL;
    ok(airoi_project_add_value(&it, p, "gain", AIROI_DIMENSION_EFFICIENCY));
    ok(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 1000));
    ok(airoi_project_add_cost(&it, p, "build", AIROI_CATEGORY_SOFTWARE));
    ok(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 2500));
    airoi_uncertainty *u = NULL;
    ok(airoi_project_add_uncertainty(&u, p, "gain", AIROI_DIST_LOGNORMAL));
    ok(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MEAN, 1.0));
    ok(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_SD, 0.8));
    airoi_sim_options *o = NULL;
    ok(airoi_sim_options_new(&o));
    const size_t n = 30011;
    ok(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, (double)n));
    ok(airoi_sim_options_set_number(o, AIROI_SIM_SEED, 7));
    ok(airoi_sim_options_set_number(o, AIROI_SIM_BINS, 37));
    for (int threads = 1; threads <= 3; threads++) {
        ok(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, threads));
        airoi_simulation *s = NULL;
        ok(airoi_project_simulate(&s, p, o, 0, NULL, NULL));
        double *v = malloc(n * sizeof *v);
        int32_t *st = malloc(n * sizeof *st);
        size_t len = 0;
        ok(airoi_simulation_get_trials(v, st, n, &len, s, AIROI_SIM_NPV));
        ck_assert_uint_eq(len, n);
        /* mean and sd by the textbook two passes in long double */
        long double sum = 0.0L, ss = 0.0L;
        for (size_t i = 0; i < n; i++)
            sum += (long double)v[i];
        long double mean = sum / (long double)n;
        for (size_t i = 0; i < n; i++)
            ss += ((long double)v[i] - mean) * ((long double)v[i] - mean);
        double sd = (double)sqrtl(ss / (long double)(n - 1)), got = 0.0;
        ok(airoi_simulation_get_stat(&got, s, AIROI_SIM_NPV, AIROI_STAT_MEAN));
        ck_assert_double_eq_tol(got, (double)mean, 1e-12 * fabs((double)mean));
        ok(airoi_simulation_get_stat(&got, s, AIROI_SIM_NPV, AIROI_STAT_SD));
        ck_assert_double_eq_tol(got, sd, 1e-12 * sd);
        /* percentiles and the histogram, exactly */
        qsort(v, n, sizeof *v, cmp_key);
        for (double q = 0.0; q <= 100.0; q += 2.5) {
            ok(airoi_simulation_get_percentile(&got, s, AIROI_SIM_NPV, q));
            ck_assert_msg(got == pct_inc(v, n, q), "P%g: %.17g, expected %.17g", q, got,
                          pct_inc(v, n, q));
        }
        double edges[38];
        int64_t counts[37], want[37] = {0};
        size_t bins = 0;
        ok(airoi_simulation_get_histogram(edges, counts, 37, &bins, s, AIROI_SIM_NPV));
        ck_assert_uint_eq(bins, 37);
        double w = (v[n - 1] - v[0]) / 37.0;
        for (size_t i = 0; i < n; i++) {
            size_t b = (size_t)((v[i] - v[0]) / w);
            want[b < 37 ? b : 36]++;
        }
        for (size_t b = 0; b < 37; b++)
            ck_assert_int_eq(counts[b], want[b]);
        free(v);
        free(st);
        airoi_simulation_free(s);
    }
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

static Suite *sim_sort_suite(void)
{
    Suite *s = suite_create("sim-sort");
    TCase *tc = tcase_create("sort");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, sort_shapes);
    tcase_add_test(tc, parallel_runs_every_task_once);
    tcase_add_test(tc, statistics_follow_the_rules);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(sim_sort_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
