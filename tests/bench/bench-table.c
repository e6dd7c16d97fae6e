/*
 * tests/bench/bench-table.c: the C half of the performance table
 * (tests/bench/bench.py prints the table; docs/performance.md). Each figure
 * is the best of REPEATS runs, in nanoseconds per unit of work, printed as
 * "key value" lines:
 *   npv_lib      airoi_npv_batch(), per row
 *   npv_c        a plain C streaming dot product of each row with the
 *                precomputed discount factors, per row (the memory limit)
 *   irr_lib      airoi_irr_batch(), per row
 *   xirr_lib     airoi_xirr_batch(), per row
 *   model_load   airoi_model_load_buffer() of the generated model, per call
 *   model_eval   airoi_project_evaluate() of it (every scenario), per call
 *   yaml_parse   libyaml's own event parse of the same text, per call (the
 *                three model figures measured in turn, best of 3 x REPEATS)
 *   model_load_cpu, model_eval_cpu, yaml_parse_cpu   the same in CPU time
 *                of the thread (what a busy machine changes least)
 * and checksums, so that nothing is optimised away. It prints figures and
 * never fails on time.
 *
 * usage: bench-table [ROWS [COLS [ITEMS [REPEATS]]]]   (1000000 10 10000 3)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <yaml.h>

#include <airoi/airoi.h>

#include "bench-modelgen.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* CPU time of this thread: on a machine shared with other work it leaves
 * out the time the thread waits for a core (model rows). */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static uint64_t rng_state = 0x243F6A8885A308D3ull;

static double uniform(double lo, double hi)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    uint64_t x = rng_state * 0x2545F4914F6CDD1Dull;
    return lo + (hi - lo) * ((double)(x >> 11) / 9007199254740992.0);
}

/* The reference of batch NPV: one pass over the rows, one multiply-add per
 * value, factors computed once (what the memory bus allows). */
static void plain_npv(double *out, const double *v, const double *f, size_t rows, size_t cols)
{
    for (size_t i = 0; i < rows; i++) {
        double s = 0.0;
        for (size_t j = 0; j < cols; j++)
            s += v[i * cols + j] * f[j];
        out[i] = s;
    }
}

static int yaml_events(const char *text, size_t len, size_t *count)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    size_t n = 0;
    int done = 0, st = 0;
    while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            st = -1;
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        n++;
    }
    yaml_parser_delete(&parser);
    *count = n;
    return st;
}

static double sum(const double *x, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    return s;
}

#define BEST(var, expr)                                                                    \
    do {                                                                                   \
        var = HUGE_VAL;                                                                    \
        for (int rep_ = 0; rep_ < reps; rep_++) {                                          \
            double t0_ = now();                                                            \
            expr;                                                                          \
            double dt_ = now() - t0_;                                                      \
            if (dt_ < var)                                                                 \
                var = dt_;                                                                 \
        }                                                                                  \
    } while (0)

int main(int argc, char **argv)
{
    size_t rows = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000000;
    size_t cols = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 10;
    int items = argc > 3 ? atoi(argv[3]) : 10000;
    int reps = argc > 4 ? atoi(argv[4]) : 3;
    if (rows == 0 || cols < 2 || items < 2 || reps < 1) {
        fprintf(stderr, "usage: bench-table [ROWS [COLS>=2 [ITEMS>=2 [REPEATS>=1]]]]\n");
        return 2;
    }
    double *v = malloc(rows * cols * sizeof *v);
    double *out = malloc(rows * sizeof *out);
    double *f = malloc(cols * sizeof *f);
    int32_t *dates = malloc(cols * sizeof *dates);
    if (!v || !out || !f || !dates) {
        fprintf(stderr, "bench-table: out of memory\n");
        return 1;
    }
    /* An investment then returns: every row has one IRR, typically 5-40%. */
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            v[i * cols + j] = j == 0 ? -uniform(800, 1200) : uniform(50, 400);
    dates[0] = 45000;
    for (size_t j = 1; j < cols; j++)
        dates[j] = dates[j - 1] + 300 + (int32_t)uniform(0, 130);
    const double rate = 0.08, guess = 0.1;
    for (size_t j = 0; j < cols; j++)
        f[j] = pow(1.0 + rate, -(double)(j + 1));

    printf("libairoi %s\nrows %zu\ncols %zu\nitems %d\nrepeats %d\n", airoi_version_string(),
           rows, cols, items, reps);
    const double nrows = (double)rows;
    double t;
    int st = 0;

    /* The two NPV loops alternate, 4 times as many runs as the other rows
     * (they are short): on a busy machine both then see the same load. */
    double t_lib = HUGE_VAL, t_c = HUGE_VAL, sum_lib = 0.0;
    for (int r = 0; r < 4 * reps; r++) {
        double t0 = now();
        st |= airoi_npv_batch(out, NULL, rate, v, rows, cols, AIROI_NPV_EXCEL);
        double t1 = now();
        sum_lib = sum(out, rows);
        double t2 = now();
        plain_npv(out, v, f, rows, cols);
        double t3 = now();
        t_lib = fmin(t_lib, t1 - t0);
        t_c = fmin(t_c, t3 - t2);
    }
    printf("npv_lib %.3f\nnpv_lib_sum %.17g\n", 1e9 * t_lib / nrows, sum_lib);
    printf("npv_c %.3f\nnpv_c_sum %.17g\n", 1e9 * t_c / nrows, sum(out, rows));
    BEST(t, st |= airoi_irr_batch(out, NULL, v, rows, cols, guess));
    printf("irr_lib %.3f\nirr_lib_sum %.17g\n", 1e9 * t / nrows, sum(out, rows));
    BEST(t, st |= airoi_xirr_batch(out, NULL, v, dates, rows, cols, guess));
    printf("xirr_lib %.3f\nxirr_lib_sum %.17g\n", 1e9 * t / nrows, sum(out, rows));
    printf("dates ");
    for (size_t j = 0; j < cols; j++)
        printf("%s%d", j ? "," : "", (int)dates[j]);
    printf("\n");
    if (st) {
        fprintf(stderr, "bench-table: a finance call failed: %s\n", airoi_last_error_message());
        return 1;
    }

    size_t len, events = 0;
    char *text = bench_model_text(items, &len);
    if (!text)
        return 1;
    /* The three are measured in turn in each repetition (libyaml's parse,
     * then load, then evaluate), so that both sides of the ratio see the
     * same machine; best of 3 x REPEATS. */
    double t_load = HUGE_VAL, t_eval = HUGE_VAL, npv = 0.0;
    double c_yaml = HUGE_VAL, c_load = HUGE_VAL, c_eval = HUGE_VAL;
    t = HUGE_VAL;
    for (int r = 0; r < 3 * reps; r++) {
        airoi_project *p = NULL;
        airoi_result *res = NULL;
        double c0 = cpu_now(), t0 = now();
        st |= yaml_events(text, len, &events);
        double c1 = cpu_now(), t1 = now();
        if (airoi_model_load_buffer(&p, NULL, text, len, "bench.yaml", 0) != AIROI_OK) {
            fprintf(stderr, "bench-table: load: %s\n", airoi_last_error_message());
            return 1;
        }
        double c2 = cpu_now(), t2 = now();
        if (airoi_project_evaluate(&res, p, NULL, 0) != AIROI_OK) {
            fprintf(stderr, "bench-table: evaluate: %s\n", airoi_last_error_message());
            return 1;
        }
        double c3 = cpu_now(), t3 = now();
        airoi_result_get_metric(&npv, res, AIROI_METRIC_NPV);
        t = fmin(t, t1 - t0);
        t_load = fmin(t_load, t2 - t1);
        t_eval = fmin(t_eval, t3 - t2);
        c_yaml = fmin(c_yaml, c1 - c0);
        c_load = fmin(c_load, c2 - c1);
        c_eval = fmin(c_eval, c3 - c2);
        airoi_result_free(res);
        airoi_project_free(p);
    }
    printf("model_load_cpu %.0f\nmodel_eval_cpu %.0f\nyaml_parse_cpu %.0f\n", 1e9 * c_load,
           1e9 * c_eval, 1e9 * c_yaml);
    printf("model_bytes %zu\nmodel_load %.0f\nmodel_eval %.0f\nmodel_npv %.17g\n", len,
           1e9 * t_load, 1e9 * t_eval, npv);
    printf("yaml_parse %.0f\nyaml_events %zu\n", 1e9 * t, events);
    free(text);
    free(v);
    free(out);
    free(f);
    free(dates);
    return st ? 1 : 0;
}
