/*
 * tests/unit/test-threads.c: the thread rules of docs/threading.md, through
 * the public API only.
 *
 * Every answer is first computed on the main thread; then NTHREADS threads
 * run the same work at once, many times, and every answer must equal the
 * single-threaded one bit for bit (metrics, schedule columns, scenario
 * sub-results, findings, report text, model text, finance results, status
 * codes and the thread's own error messages). The threads mix:
 * - each its own project (worked example 3 with scenarios)
 *   built through project.h / items.h / scenario.h and evaluated;
 * - reading ONE shared result (and writing JSON reports of it) at once;
 * - plain finance functions (IRR, XIRR, NPV batch, MIRR, payback), including
 *   failing calls whose thread-local messages name each thread's own input;
 * - loading the same model text (airoi_model_load_buffer()) and evaluating it.
 * Run it under -Db_sanitize=address,undefined; it is quick (no timing).
 */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#define NTHREADS 4
#define ROUNDS 12

/* ---- a byte snapshot of everything a result exposes ---------------------------- */

typedef struct snap {
    unsigned char *p;
    size_t len, cap;
    int oom;
} snap;

static void put(snap *s, const void *data, size_t n)
{
    if (s->oom)
        return;
    if (s->len + n > s->cap) {
        size_t cap = s->cap ? s->cap : 4096;
        while (cap < s->len + n)
            cap *= 2;
        unsigned char *q = realloc(s->p, cap);
        if (!q) {
            s->oom = 1;
            return;
        }
        s->p = q;
        s->cap = cap;
    }
    memcpy(s->p + s->len, data, n);
    s->len += n;
}

static void put_int(snap *s, int64_t v) { put(s, &v, sizeof v); }
static void put_double(snap *s, double v) { put(s, &v, sizeof v); } /* the bits */

static void put_str(snap *s, const char *str)
{
    put_int(s, str ? (int64_t)strlen(str) : -1);
    if (str)
        put(s, str, strlen(str));
}

static void snap_free(snap *s)
{
    free(s->p);
    memset(s, 0, sizeof *s);
}

static int snap_equal(const snap *a, const snap *b)
{
    return !a->oom && !b->oom && a->len == b->len && memcmp(a->p, b->p, a->len) == 0;
}

static void put_column(snap *s, int rc, const double *buf, size_t len)
{
    put_int(s, rc);
    put_int(s, (int64_t)len);
    if (rc == AIROI_OK)
        put(s, buf, len * sizeof *buf);
}

static void snap_schedule(snap *s, const airoi_schedule *sc)
{
    double buf[64];
    size_t n = airoi_schedule_count_periods(sc), len = 0;
    put_int(s, (int64_t)n);
    double rate = 0;
    put_int(s, airoi_schedule_get_rate(&rate, sc));
    put_double(s, rate);
    for (int c = AIROI_SCHEDULE_COSTS; airoi_schedule_column_name(c); c++) {
        int rc = airoi_schedule_get_column(buf, 64, &len, sc, c);
        put_column(s, rc, buf, len);
    }
    for (int c = AIROI_CATEGORY_PEOPLE; airoi_category_name(c); c++) {
        int rc = airoi_schedule_get_category(buf, 64, &len, sc, c);
        put_column(s, rc, buf, len);
    }
    for (int d = AIROI_DIMENSION_EFFICIENCY; airoi_dimension_name(d); d++) {
        int rc = airoi_schedule_get_dimension(buf, 64, &len, sc, d);
        put_column(s, rc, buf, len);
    }
}

static void snap_result(snap *s, const airoi_result *r)
{
    double v;
    for (int m = AIROI_METRIC_NPV; airoi_metric_name(m); m++) {
        v = 0;
        int rc = airoi_result_get_metric(&v, r, m);
        put_int(s, rc);
        put_double(s, v);
    }
    for (int c = AIROI_CATEGORY_PEOPLE; airoi_category_name(c); c++) {
        v = 0;
        put_int(s, airoi_result_get_tco_category(&v, r, c));
        put_double(s, v);
    }
    for (int d = AIROI_DIMENSION_EFFICIENCY; airoi_dimension_name(d); d++) {
        v = 0;
        put_int(s, airoi_result_get_value_dimension(&v, r, d));
        put_double(s, v);
    }
    v = 0;
    put_int(s, airoi_result_get_strategic_value(&v, r));
    put_double(s, v);
    put_int(s, airoi_result_get_flags(r));
    put_str(s, airoi_result_get_scenario_name(r));
    v = 0;
    put_int(s, airoi_result_get_probability(&v, r));
    put_double(s, v);
    for (int f = AIROI_BENCHMARK_ROI; f <= AIROI_BENCHMARK_INVESTMENT; f++) {
        v = 0;
        put_int(s, airoi_result_get_benchmark_value(&v, r, f));
        put_double(s, v);
    }
    snap_schedule(s, airoi_result_get_schedule(r));

    size_t nf = airoi_result_count_findings(r);
    put_int(s, (int64_t)nf);
    for (size_t i = 0; i < nf; i++) {
        double actual = 0, reference = 0;
        put_str(s, airoi_result_get_finding_code(r, i));
        airoi_severity sev = AIROI_SEVERITY_INFO;
        put_int(s, airoi_result_get_finding_severity(&sev, r, i));
        put_int(s, sev);
        put_str(s, airoi_result_get_finding_message(r, i));
        put_str(s, airoi_result_get_finding_subject(r, i));
        put_int(s, airoi_result_get_finding_numbers(&actual, &reference, r, i));
        put_double(s, actual);
        put_double(s, reference);
    }
    size_t ns = airoi_result_count_scenarios(r);
    put_int(s, (int64_t)ns);
    for (size_t i = 0; i < ns; i++)
        snap_result(s, airoi_result_get_scenario(r, i));
}

/* ---- the work, as status-returning functions usable from any thread ------------ */

#define TRY(call)                                                                    \
    do {                                                                             \
        int rc_ = (call);                                                            \
        if (rc_ != AIROI_OK)                                                         \
            return rc_;                                                              \
    } while (0)

/* Worked example 3 (base case), with three scenarios and a
 * non-monetized strategic value that no metric counts. */
static int build_example3(airoi_project *p)
{
    static const double c[] = {350, 180, 150, 150};
    static const double e[] = {0, 200, 280, 320};
    static const double rv[] = {60, 150, 220};
    static const double rk[] = {40, 60, 80};
    airoi_item *ci = NULL;
    airoi_item *vi = NULL;
    airoi_scenario *sc = NULL;

    TRY(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"));
    TRY(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "demand_forecasting"));
    TRY(airoi_project_set_number(p, AIROI_PROJECT_PERIOD, AIROI_PERIOD_YEAR));
    TRY(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3));
    TRY(airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0.08));
    TRY(airoi_project_add_cost(&ci, p, "Costs", AIROI_CATEGORY_PEOPLE));
    TRY(airoi_item_set_number(ci, AIROI_ITEM_FROM, 0));
    TRY(airoi_item_set_amounts(ci, c, 4));
    TRY(airoi_project_add_value(&vi, p, "Efficiency", AIROI_DIMENSION_EFFICIENCY));
    TRY(airoi_item_set_number(vi, AIROI_ITEM_FROM, 0));
    TRY(airoi_item_set_amounts(vi, e, 4));
    TRY(airoi_project_add_value(&vi, p, "Revenue", AIROI_DIMENSION_REVENUE));
    TRY(airoi_item_set_amounts(vi, rv, 3));
    TRY(airoi_project_add_value(&vi, p, "Risk", AIROI_DIMENSION_RISK));
    TRY(airoi_item_set_amounts(vi, rk, 3));
    TRY(airoi_project_add_value(&vi, p, "Brand", AIROI_DIMENSION_STRATEGIC));
    TRY(airoi_item_set_number(vi, AIROI_ITEM_AMOUNT, 25));

    TRY(airoi_project_add_scenario(&sc, p, "best", 0.2));
    TRY(airoi_scenario_add_multiplier(sc, "values", 1.25));
    TRY(airoi_project_add_scenario(&sc, p, "base", 0.5));
    TRY(airoi_project_add_scenario(&sc, p, "worst", 0.3));
    TRY(airoi_scenario_add_multiplier(sc, "values", 0.7));
    TRY(airoi_scenario_add_multiplier(sc, "people", 1.1));
    TRY(airoi_scenario_set_number(sc, AIROI_SCENARIO_DELAY, 1));
    TRY(airoi_scenario_set_number(sc, AIROI_SCENARIO_ADOPTION_CEILING, 0.9));
    return AIROI_OK;
}

/* Evaluates p three ways (base, one scenario, honest estimate) and writes
 * the JSON report of the base result, all into s. */
static int evaluate_into(snap *s, const airoi_project *p)
{
    static const struct {
        const char *scenario;
        unsigned flags;
    } runs[] = {{NULL, AIROI_EVAL_DEFAULT}, {"worst", AIROI_EVAL_DEFAULT},
                {NULL, AIROI_EVAL_HONEST_ESTIMATE}};
    for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
        airoi_result *r = NULL;
        TRY(airoi_project_evaluate(&r, p, runs[k].scenario, runs[k].flags));
        snap_result(s, r);
        if (k == 0) {
            char *json = NULL;
            size_t len = 0;
            int rc = airoi_report_write(&json, &len, r, AIROI_REPORT_JSON, AIROI_REPORT_ALL);
            if (rc == AIROI_OK)
                put_str(s, json);
            airoi_free(json);
            if (rc != AIROI_OK) {
                airoi_result_free(r);
                return rc;
            }
        }
        airoi_result_free(r);
    }
    return AIROI_OK;
}

static int example3_work(snap *s)
{
    airoi_project *p = NULL;
    TRY(airoi_project_new(&p, "Three-year AI case"));
    int rc = build_example3(p);
    if (rc == AIROI_OK)
        rc = evaluate_into(s, p);
    airoi_project_free(p);
    return rc;
}

/* Loads the model text, evaluates it and saves it back. */
static int model_work(snap *s, const char *text, size_t len)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, text, len, "<threads>", 0);
    put_int(s, rc);
    put_int(s, (int64_t)airoi_diagnostics_count(d));
    airoi_diagnostics_free(d);
    if (rc != AIROI_OK)
        return rc;
    rc = evaluate_into(s, p);
    char *saved = NULL;
    if (rc == AIROI_OK)
        rc = airoi_model_save_buffer(&saved, NULL, p, 0);
    if (rc == AIROI_OK)
        put_str(s, saved);
    airoi_free(saved);
    airoi_project_free(p);
    return rc;
}

/* A model text with an error: the diagnostics (file, line, column, text) and
 * the thread's last error message must be the single-threaded ones. */
static const char bad_model[] = "airoi: 1\n"
                                "project:\n"
                                "  name: Broken\n"
                                "  horizon: 2\n"
                                "costs:\n"
                                "  - name: X\n"
                                "    category: hardware\n"
                                "    amount: 10\n";

static int bad_model_work(snap *s)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, bad_model, sizeof bad_model - 1, "<bad>", 0);
    put_int(s, rc);
    put_str(s, airoi_last_error_message());
    int named = strstr(airoi_last_error_message(), "hardware") != NULL;
    size_t n = airoi_diagnostics_count(d);
    put_int(s, (int64_t)n);
    for (size_t i = 0; i < n; i++) {
        const char *file = NULL, *message = NULL;
        int32_t line = 0, column = 0;
        put_int(s, airoi_diagnostics_get(&file, &line, &column, &message, d, i));
        put_str(s, file);
        put_int(s, line);
        put_int(s, column);
        put_str(s, message);
        put_str(s, airoi_diagnostics_get_text(d, i));
    }
    airoi_diagnostics_free(d);
    airoi_project_free(p);
    return rc == AIROI_ERR_PARSE && named && n > 0 ? AIROI_OK : AIROI_ERR_INTERNAL;
}

/* Plain finance functions; thread t also makes calls that fail with
 * messages naming its own input (a rate of -1 - t, a guess of -2 - t). */
#define ROWS 40
#define COLS 6
static double fin_values[ROWS * COLS];
static const int32_t fin_dates[COLS] = {18628, 18718, 18900, 19024, 19357, 19723};

static void finance_work(snap *s, int t)
{
    double out[ROWS], v = 0;
    int32_t st[ROWS], reached = 0;
    put_int(s, airoi_npv_batch(out, st, 0.08, fin_values, ROWS, COLS, AIROI_NPV_START_AT_ZERO));
    put(s, out, sizeof out);
    put(s, st, sizeof st);
    put_int(s, airoi_npv_batch(out, st, 0.08, fin_values, ROWS, COLS, AIROI_NPV_EXCEL));
    put(s, out, sizeof out);
    put_int(s, airoi_irr_batch(out, st, fin_values, ROWS, COLS, 0.1));
    put(s, out, sizeof out);
    put(s, st, sizeof st);
    put_int(s, airoi_xirr_batch(out, st, fin_values, fin_dates, ROWS, COLS, 0.1));
    put(s, out, sizeof out);
    put(s, st, sizeof st);
    for (size_t i = 0; i < ROWS; i++) {
        const double *row = fin_values + i * COLS;
        v = 0;
        put_int(s, airoi_irr(&v, row, COLS, 0.1));
        put_double(s, v);
        v = 0;
        put_int(s, airoi_xirr(&v, row, fin_dates, COLS, 0.1));
        put_double(s, v);
        v = 0;
        put_int(s, airoi_mirr(&v, row, COLS, 0.06, 0.1));
        put_double(s, v);
        v = 0;
        put_int(s, airoi_xnpv(&v, 0.08, row, fin_dates, COLS));
        put_double(s, v);
        v = 0;
        reached = 0;
        put_int(s, airoi_discounted_payback(&v, &reached, 0.08, row, COLS));
        put_double(s, v);
        put_int(s, reached);
    }
    /* errors: the message is this thread's own */
    put_int(s, airoi_xnpv(&v, -1.0 - t, fin_values, fin_dates, COLS));
    put_str(s, airoi_last_error_message());
    put_int(s, airoi_irr(&v, fin_values, COLS, -2.0 - t));
    put_str(s, airoi_last_error_message());
}

/* ---- the shared state of one run ------------------------------------------------ */

static char *model_text;
static size_t model_len;
static const airoi_result *shared_result;
static snap ref_example3, ref_model, ref_bad, ref_shared, ref_finance[NTHREADS];

typedef struct worker {
    int t;
    int mismatches;
    char first[200];
} worker;

static void check(worker *w, int ok, const char *what, int round)
{
    if (ok)
        return;
    if (w->mismatches++ == 0)
        snprintf(w->first, sizeof w->first, "thread %d, round %d: %s differs", w->t, round, what);
}

static void *run_worker(void *arg)
{
    worker *w = arg;
    for (int round = 0; round < ROUNDS; round++) {
        /* the order rotates so that different work overlaps across threads */
        for (int k = 0; k < 5; k++) {
            snap s = {0};
            switch ((k + w->t + round) % 5) {
            case 0:
                check(w, example3_work(&s) == AIROI_OK && snap_equal(&s, &ref_example3),
                      "own project, evaluated", round);
                break;
            case 1: {
                /* one shared result, read and reported by every thread at once */
                snap_result(&s, shared_result);
                char *json = NULL;
                int rc = airoi_report_write(&json, NULL, shared_result,
                                            AIROI_REPORT_JSON, AIROI_REPORT_ALL);
                put_int(&s, rc);
                put_str(&s, json);
                airoi_free(json);
                check(w, snap_equal(&s, &ref_shared), "shared result", round);
                break;
            }
            case 2:
                finance_work(&s, w->t);
                check(w, snap_equal(&s, &ref_finance[w->t]), "finance", round);
                break;
            case 3:
                check(w, model_work(&s, model_text, model_len) == AIROI_OK
                             && snap_equal(&s, &ref_model),
                      "loaded model", round);
                break;
            default:
                check(w, bad_model_work(&s) == AIROI_OK && snap_equal(&s, &ref_bad),
                      "diagnostics of a bad model", round);
                break;
            }
            snap_free(&s);
        }
    }
    return NULL;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char *buf = malloc(1 << 20);
    ck_assert_ptr_nonnull(buf);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

START_TEST(threads_agree_with_single_thread)
{
    const char *dir = getenv("AIROI_EXAMPLES");
    ck_assert_msg(dir != NULL, "AIROI_EXAMPLES is not set");
    char path[4096];
    snprintf(path, sizeof path, "%s/genai-support-rollout.yaml", dir);
    model_text = read_file(path, &model_len);

    for (size_t i = 0; i < ROWS * COLS; i++) /* reproducible mixed cash flows */
        fin_values[i] = (i % COLS == 0) ? -1000.0 - 37.0 * (double)(i / COLS)
                                        : 150.0 + 53.0 * (double)((i * 7919) % 11) - 120.0 * (double)(i % 3 == 2);

    /* single-threaded answers first */
    ck_assert_int_eq(example3_work(&ref_example3), AIROI_OK);
    ck_assert_int_eq(model_work(&ref_model, model_text, model_len), AIROI_OK);
    ck_assert_int_eq(bad_model_work(&ref_bad), AIROI_OK); /* names "hardware" */
    for (int t = 0; t < NTHREADS; t++)
        finance_work(&ref_finance[t], t);
    /* each thread's failing calls carry their own numbers */
    ck_assert(!snap_equal(&ref_finance[0], &ref_finance[1]));

    airoi_project *p = NULL;
    airoi_result *r = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Three-year AI case"), AIROI_OK);
    ck_assert_int_eq(build_example3(p), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    /* the reference is the worked example, not an error repeated everywhere */
    double npv = 0, irr = 0, payback = 0;
    ck_assert_int_eq(airoi_result_get_metric(&npv, r, AIROI_METRIC_NPV), AIROI_OK);
    ck_assert_double_eq_tol(npv, 425.71, 0.005);
    ck_assert_int_eq(airoi_result_get_metric(&irr, r, AIROI_METRIC_IRR), AIROI_OK);
    ck_assert_double_eq_tol(irr, 0.5399, 0.00005);
    ck_assert_int_eq(airoi_result_get_metric(&payback, r, AIROI_METRIC_PAYBACK_PERIODS), AIROI_OK);
    ck_assert_double_eq_tol(payback, 1.676, 0.0005);
    ck_assert_uint_eq(airoi_result_count_scenarios(r), 3);
    ck_assert_uint_gt(airoi_result_count_findings(r), 0);
    ck_assert_uint_gt(ref_model.len, 10000);
    shared_result = r;
    {
        snap_result(&ref_shared, r);
        char *json = NULL;
        int rc = airoi_report_write(&json, NULL, r, AIROI_REPORT_JSON, AIROI_REPORT_ALL);
        ck_assert_int_eq(rc, AIROI_OK);
        put_int(&ref_shared, rc);
        put_str(&ref_shared, json);
        airoi_free(json);
    }

    pthread_t tid[NTHREADS];
    worker w[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        memset(&w[t], 0, sizeof w[t]);
        w[t].t = t;
        ck_assert_int_eq(pthread_create(&tid[t], NULL, run_worker, &w[t]), 0);
    }
    for (int t = 0; t < NTHREADS; t++)
        ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
    for (int t = 0; t < NTHREADS; t++)
        ck_assert_msg(w[t].mismatches == 0, "%d mismatches; first: %s", w[t].mismatches,
                      w[t].first);

    /* the shared result was only read: it still gives the same answers */
    snap after = {0};
    snap_result(&after, r);
    ck_assert(after.len > 0 && memcmp(after.p, ref_shared.p, after.len) == 0);
    snap_free(&after);

    airoi_result_free(r);
    airoi_project_free(p);
    snap_free(&ref_example3);
    snap_free(&ref_model);
    snap_free(&ref_bad);
    snap_free(&ref_shared);
    for (int t = 0; t < NTHREADS; t++)
        snap_free(&ref_finance[t]);
    free(model_text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_add_test(tc, threads_agree_with_single_thread);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
