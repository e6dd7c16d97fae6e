/*
 * tests/unit/test-threads-sim.c: simulations run at once from many threads
 * (docs/threading.md), through the public API only.
 *
 * Every answer is first computed on the main thread with one simulation
 * thread; then NTHREADS threads each load their own project and portfolio
 * and simulate them with 2, 4 and 8 simulation threads, while reading ONE
 * shared simulation and ONE shared portfolio simulation; every figure must
 * equal the single-threaded one bit for bit. Together with test-threads.c
 * this is what the ThreadSanitizer step of .ci/run runs (many threads, their
 * own projects, shared results); it is quick (no timing).
 */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#define NTHREADS 4
/* 1024 trials a block: 8 blocks and a part, so that 8 threads all work */
#define TRIALS (8 * 1024 + 100)

static char *model_text;
static size_t model_len;
static char portfolio_path[4096];
static const airoi_simulation *shared_sim;
static const airoi_portfolio_simulation *shared_pfsim;
static double ref_sim[TRIALS], ref_pf[TRIALS], ref_stat;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    return buf;
}

static airoi_sim_options *options(int threads)
{
    airoi_sim_options *o = NULL;
    if (airoi_sim_options_new(&o) != AIROI_OK)
        return NULL;
    if (airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, TRIALS) != AIROI_OK ||
        airoi_sim_options_set_number(o, AIROI_SIM_SEED, 7) != AIROI_OK ||
        airoi_sim_options_set_number(o, AIROI_SIM_THREADS, threads) != AIROI_OK ||
        airoi_sim_options_set_number(o, AIROI_SIM_KEEP_TRIALS, 1) != AIROI_OK) {
        airoi_sim_options_free(o);
        return NULL;
    }
    return o;
}

/* The NPV of every trial of the model's simulation, or -1 with a status. */
static int project_trials(double *out, int threads)
{
    airoi_project *p = NULL;
    airoi_simulation *s = NULL;
    airoi_sim_options *o = options(threads);
    size_t n = 0;
    int rc = o ? airoi_model_load_buffer(&p, NULL, model_text, model_len, "<threads>", 0)
               : AIROI_ERR_NOMEM;
    if (rc == AIROI_OK)
        rc = airoi_project_simulate(&s, p, o, 0, NULL, NULL);
    if (rc == AIROI_OK)
        rc = airoi_simulation_get_trials(out, NULL, TRIALS, &n, s, AIROI_SIM_NPV);
    if (rc == AIROI_OK && n != TRIALS)
        rc = AIROI_ERR_INVALID;
    airoi_simulation_free(s);
    airoi_project_free(p);
    airoi_sim_options_free(o);
    return rc;
}

static int portfolio_trials(double *out, int threads)
{
    airoi_portfolio *pf = NULL;
    airoi_portfolio_simulation *s = NULL;
    airoi_sim_options *o = options(threads);
    size_t n = 0;
    int rc = o ? airoi_portfolio_load_file(&pf, NULL, portfolio_path, 0) : AIROI_ERR_NOMEM;
    if (rc == AIROI_OK)
        rc = airoi_portfolio_simulate(&s, pf, o, 0);
    if (rc == AIROI_OK)
        rc = airoi_portfolio_simulation_get_trials(out, TRIALS, &n, s);
    if (rc == AIROI_OK && n != TRIALS)
        rc = AIROI_ERR_INVALID;
    airoi_portfolio_simulation_free(s);
    airoi_portfolio_free(pf);
    airoi_sim_options_free(o);
    return rc;
}

typedef struct worker {
    int index;
    int failures;
    char what[256];
} worker;

static void *run_worker(void *arg)
{
    worker *w = arg;
    static const int counts[] = {2, 4, 8};
    double *got = malloc(TRIALS * sizeof *got), *shared = malloc(TRIALS * sizeof *shared);
    if (!got || !shared) {
        w->failures++;
        snprintf(w->what, sizeof w->what, "out of memory");
    }
    for (int round = 0; got && shared && round < 3; round++) {
        int threads = counts[(w->index + round) % 3];
        int rc = project_trials(got, threads);
        if (rc != AIROI_OK || memcmp(got, ref_sim, sizeof ref_sim) != 0) {
            w->failures++;
            snprintf(w->what, sizeof w->what, "project, %d threads: %s", threads,
                     airoi_status_str(rc));
        }
        rc = portfolio_trials(got, threads);
        if (rc != AIROI_OK || memcmp(got, ref_pf, sizeof ref_pf) != 0) {
            w->failures++;
            snprintf(w->what, sizeof w->what, "portfolio, %d threads: %s", threads,
                     airoi_status_str(rc));
        }
        /* the shared results, read at once by every worker */
        double mean = 0;
        size_t n = 0;
        if (airoi_simulation_get_stat(&mean, shared_sim, AIROI_SIM_NPV, AIROI_STAT_MEAN) !=
                AIROI_OK ||
            memcmp(&mean, &ref_stat, sizeof mean) != 0 ||
            airoi_simulation_get_trials(shared, NULL, TRIALS, &n, shared_sim, AIROI_SIM_NPV) !=
                AIROI_OK ||
            memcmp(shared, ref_sim, sizeof ref_sim) != 0 ||
            airoi_portfolio_simulation_get_trials(shared, TRIALS, &n, shared_pfsim) != AIROI_OK ||
            memcmp(shared, ref_pf, sizeof ref_pf) != 0) {
            w->failures++;
            snprintf(w->what, sizeof w->what, "shared results differ");
        }
    }
    free(got);
    free(shared);
    return NULL;
}

START_TEST(simulations_from_many_threads)
{
    const char *dir = getenv("AIROI_EXAMPLES");
    ck_assert_ptr_nonnull(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/genai-support-uncertain.yaml", dir);
    snprintf(portfolio_path, sizeof portfolio_path, "%s/portfolio/shared-drivers-2027.yaml",
             dir);
    model_text = read_file(path, &model_len);
    ck_assert_ptr_nonnull(model_text);

    ck_assert_int_eq(project_trials(ref_sim, 1), AIROI_OK);
    ck_assert_int_eq(portfolio_trials(ref_pf, 1), AIROI_OK);

    airoi_project *p = NULL;
    airoi_simulation *s = NULL;
    airoi_portfolio *pf = NULL;
    airoi_portfolio_simulation *ps = NULL;
    airoi_sim_options *o = options(2);
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(airoi_model_load_buffer(&p, NULL, model_text, model_len, "<t>", 0),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate(&s, p, o, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_simulation_get_stat(&ref_stat, s, AIROI_SIM_NPV, AIROI_STAT_MEAN),
                     AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_load_file(&pf, NULL, portfolio_path, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate(&ps, pf, o, 0), AIROI_OK);
    shared_sim = s;
    shared_pfsim = ps;

    pthread_t tid[NTHREADS];
    worker w[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        w[i] = (worker){.index = i};
        ck_assert_int_eq(pthread_create(&tid[i], NULL, run_worker, &w[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(tid[i], NULL);
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_msg(w[i].failures == 0, "thread %d: %d failures, last: %s", i, w[i].failures,
                      w[i].what);

    airoi_portfolio_simulation_free(ps);
    airoi_portfolio_free(pf);
    airoi_simulation_free(s);
    airoi_project_free(p);
    airoi_sim_options_free(o);
    free(model_text);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("threads-sim");
    TCase *tc = tcase_create("many threads");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, simulations_from_many_threads);
    suite_add_tcase(suite, tc);
    SRunner *sr = srunner_create(suite);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
