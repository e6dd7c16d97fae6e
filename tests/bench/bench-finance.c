/*
 * tests/bench/bench-finance.c: per-call times of the finance kernels next to
 * a straightforward reference implementation written here (a naive loop
 * with pow() for NPV/XNPV, plain Newton for IRR/XIRR), on the same data in
 * the same run. It prints figures and never fails on time.
 *
 * usage: bench-finance [ROWS [COLS]]    (default 100000 x 10)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <airoi/airoi.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
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

/* ---------------------------------------------------- reference versions */

static double ref_npv(double rate, const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] / pow(1 + rate, (double)(i + 1));
    return s;
}

static double ref_xnpv(double rate, const double *v, const int32_t *d, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] / pow(1 + rate, (d[i] - d[0]) / 365.0);
    return s;
}

/* Plain Newton from the guess, derivative by formula, 50 iterations. */
static int ref_irr(double *out, const double *v, size_t n, double guess)
{
    double r = guess;
    for (int it = 0; it < 50; it++) {
        double f = 0, df = 0;
        for (size_t i = 0; i < n; i++) {
            double p = pow(1 + r, (double)i);
            f += v[i] / p;
            df -= (double)i * v[i] / (p * (1 + r));
        }
        double step = f / df;
        r -= step;
        if (!isfinite(r) || r <= -1)
            return -1;
        if (fabs(step) < 1e-12)
            break;
    }
    *out = r;
    return 0;
}

static int ref_xirr(double *out, const double *v, const int32_t *d, size_t n, double guess)
{
    double r = guess;
    for (int it = 0; it < 50; it++) {
        double f = 0, df = 0;
        for (size_t i = 0; i < n; i++) {
            double t = (d[i] - d[0]) / 365.0;
            double p = pow(1 + r, t);
            f += v[i] / p;
            df -= t * v[i] / (p * (1 + r));
        }
        double step = f / df;
        r -= step;
        if (!isfinite(r) || r <= -1)
            return -1;
        if (fabs(step) < 1e-12)
            break;
    }
    *out = r;
    return 0;
}

/* ------------------------------------------------------------- driver */

/* Largest |out - ref| over the rows (NaN in both counts as agreement). */
static double max_abs_diff(const double *out, const double *ref, size_t rows)
{
    double m = 0;
    for (size_t i = 0; i < rows; i++)
        m = fmax(m, fabs(out[i] - ref[i]));
    return m;
}

static void row(const char *what, size_t calls, double t_lib, double t_ref, double maxdiff)
{
    double a = 1e9 * t_lib / (double)calls, b = 1e9 * t_ref / (double)calls;
    printf("%-26s %10.1f %12.1f %8.2fx %12.2e\n", what, a, b, b / a, maxdiff);
}

int main(int argc, char **argv)
{
    size_t rows = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 100000;
    size_t cols = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 10;
    if (rows == 0 || cols < 2) {
        fprintf(stderr, "usage: bench-finance [ROWS [COLS>=2]]\n");
        return 2;
    }
    double *v = malloc(rows * cols * sizeof *v);
    double *out = malloc(rows * sizeof *out);
    double *ref = malloc(rows * sizeof *ref);
    int32_t *st = malloc(rows * sizeof *st);
    int32_t *dates = malloc(cols * sizeof *dates);
    if (!v || !out || !ref || !st || !dates) {
        fprintf(stderr, "bench-finance: out of memory\n");
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

    printf("libairoi %s finance kernels: %zu rows x %zu periods\n", airoi_version_string(),
           rows, cols);
    printf("%-26s %10s %12s %9s %12s\n", "function", "ns/call", "reference", "speedup",
           "max |diff|");

    double t0, t_lib, t_ref, maxdiff;
    volatile double sink = 0;

    /* NPV, one call per row. */
    t0 = now();
    for (size_t i = 0; i < rows; i++)
        airoi_npv(&out[i], rate, v + i * cols, cols);
    t_lib = now() - t0;
    t0 = now();
    for (size_t i = 0; i < rows; i++)
        ref[i] = ref_npv(rate, v + i * cols, cols);
    t_ref = now() - t0;
    maxdiff = max_abs_diff(out, ref, rows);
    row("npv (scalar)", rows, t_lib, t_ref, maxdiff);

    /* NPV batch. */
    t0 = now();
    airoi_npv_batch(out, st, rate, v, rows, cols, AIROI_NPV_EXCEL);
    t_lib = now() - t0;
    maxdiff = max_abs_diff(out, ref, rows);
    row("npv_batch (per row)", rows, t_lib, t_ref, maxdiff);

    /* XNPV batch against the naive loop. */
    t0 = now();
    for (size_t i = 0; i < rows; i++)
        ref[i] = ref_xnpv(rate, v + i * cols, dates, cols);
    t_ref = now() - t0;
    t0 = now();
    airoi_xnpv_batch(out, st, rate, v, dates, rows, cols);
    t_lib = now() - t0;
    maxdiff = max_abs_diff(out, ref, rows);
    row("xnpv_batch (per row)", rows, t_lib, t_ref, maxdiff);

    /* IRR. */
    t0 = now();
    for (size_t i = 0; i < rows; i++)
        if (ref_irr(&ref[i], v + i * cols, cols, guess))
            ref[i] = (double)NAN;
    t_ref = now() - t0;
    t0 = now();
    for (size_t i = 0; i < rows; i++)
        if (airoi_irr(&out[i], v + i * cols, cols, guess))
            out[i] = (double)NAN;
    t_lib = now() - t0;
    maxdiff = max_abs_diff(out, ref, rows);
    row("irr (scalar)", rows, t_lib, t_ref, maxdiff);
    t0 = now();
    airoi_irr_batch(out, st, v, rows, cols, guess);
    t_lib = now() - t0;
    maxdiff = max_abs_diff(out, ref, rows);
    row("irr_batch (per row)", rows, t_lib, t_ref, maxdiff);

    /* XIRR. */
    t0 = now();
    for (size_t i = 0; i < rows; i++)
        if (ref_xirr(&ref[i], v + i * cols, dates, cols, guess))
            ref[i] = (double)NAN;
    t_ref = now() - t0;
    t0 = now();
    for (size_t i = 0; i < rows; i++)
        if (airoi_xirr(&out[i], v + i * cols, dates, cols, guess))
            out[i] = (double)NAN;
    t_lib = now() - t0;
    maxdiff = max_abs_diff(out, ref, rows);
    row("xirr (scalar)", rows, t_lib, t_ref, maxdiff);
    t0 = now();
    airoi_xirr_batch(out, st, v, dates, rows, cols, guess);
    t_lib = now() - t0;
    maxdiff = max_abs_diff(out, ref, rows);
    row("xirr_batch (per row)", rows, t_lib, t_ref, maxdiff);

    for (size_t i = 0; i < rows; i++)
        sink += out[i];
    printf("(reference: naive pow() loop for NPV/XNPV, plain Newton for IRR/XIRR;"
           " speedup = reference / libairoi)\n");
    free(v);
    free(out);
    free(ref);
    free(st);
    free(dates);
    (void)sink;
    return 0;
}
