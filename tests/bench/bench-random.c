/*
 * tests/bench/bench-random.c: per-draw costs of the simulation's random
 * numbers and distributions (lib/sim/random-private.h): Philox uniforms one
 * at a time and four per call, Sobol points prepared and stateless, the
 * normal quantile, each distribution's quantile, and the compilation of a
 * PERT input (its tables). CPU time of this thread, so that a loaded
 * machine distorts less; figures only, never a failure.
 *
 * usage: bench-random [DRAWS]    (default 2000000)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <airoi/airoi.h>

#include "random-private.h"

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static volatile double sink;

static void report(const char *what, double seconds, size_t n)
{
    printf("%-34s %8.1f ns\n", what, seconds / (double)n * 1e9);
}

static void set(airoi__uncertainty *u, airoi_uncertainty_param param, double *field, double v)
{
    *field = v;
    u->set |= 1ull << ((unsigned)param - (unsigned)AIROI_UNCERTAINTY_NAME);
}

static void bench_dist(const char *what, const airoi__uncertainty *u, const double *uni, size_t n)
{
    airoi__dist d;
    char msg[256];
    double t = cpu_now();
    if (airoi__dist_compile(&d, u, msg, sizeof msg) != 0) {
        printf("%s: %s\n", what, msg);
        return;
    }
    double tc = cpu_now() - t;
    double s = 0.0;
    t = cpu_now();
    for (size_t i = 0; i < n; i++)
        s += airoi__dist_quantile(&d, uni[i]);
    double tq = cpu_now() - t;
    sink = s;
    char label[64];
    snprintf(label, sizeof label, "%s quantile", what);
    report(label, tq, n);
    printf("%-34s %8.1f us\n", "  compile, once", tc * 1e6);
    airoi__dist_release(&d);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 2000000;
    if (n < 4)
        n = 4;
    double *u = malloc(n * sizeof *u);
    if (!u)
        return 1;
    memset(u, 0, n * sizeof *u); /* page faults before timing */
    printf("per draw, %zu draws (CPU time of one thread)\n", n);

    double t = cpu_now(), s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += airoi__sim_uniform(7, i, 3);
    report("Philox uniform, one at a time", cpu_now() - t, n);
    /* 64 values per call into a buffer that stays in cache (the costs
     * here are the generator's, not the memory's). */
    double buf[64];
    t = cpu_now();
    for (size_t i = 0; i < n; i += 64) {
        airoi__sim_uniforms(buf, 64, 7, i / 64, 0);
        s += buf[0] + buf[63];
    }
    report("Philox uniforms, 64 per call", cpu_now() - t, n);
    for (size_t i = 0; i < n; i += 4)
        airoi__sim_uniforms(u + i, n - i < 4 ? n - i : 4, 7, i / 4, 0);
    airoi__sobol_dim sd;
    airoi__sobol_dim_init(&sd, 7, 11);
    t = cpu_now();
    for (size_t i = 0; i < n; i++)
        s += airoi__sobol_dim_uniform(&sd, i);
    report("Sobol point, prepared dimension", cpu_now() - t, n);
    t = cpu_now();
    for (size_t i = 0; i < n; i++)
        s += airoi__sobol_uniform(7, i, 11);
    report("Sobol point, stateless", cpu_now() - t, n);
    t = cpu_now();
    for (size_t i = 0; i < n; i++)
        s += airoi__norm_quantile(u[i]);
    report("normal quantile", cpu_now() - t, n);
    sink = s;

    airoi__uncertainty x;
    memset(&x, 0, sizeof x);
    x.distribution = AIROI_DIST_UNIFORM;
    set(&x, AIROI_UNCERTAINTY_LOW, &x.low, 0.8);
    set(&x, AIROI_UNCERTAINTY_HIGH, &x.high, 1.2);
    bench_dist("uniform", &x, u, n);
    x.distribution = AIROI_DIST_TRIANGULAR;
    set(&x, AIROI_UNCERTAINTY_MODE, &x.mode, 1.0);
    bench_dist("triangular", &x, u, n);
    x.distribution = AIROI_DIST_PERT;
    bench_dist("pert (shape 4)", &x, u, n);
    set(&x, AIROI_UNCERTAINTY_SHAPE, &x.shape, 40.0);
    bench_dist("pert (shape 40)", &x, u, n);
    memset(&x, 0, sizeof x);
    x.distribution = AIROI_DIST_NORMAL;
    set(&x, AIROI_UNCERTAINTY_MEAN, &x.mean, 1.0);
    set(&x, AIROI_UNCERTAINTY_SD, &x.sd, 0.2);
    bench_dist("normal", &x, u, n);
    set(&x, AIROI_UNCERTAINTY_MIN, &x.min, 0.9);
    bench_dist("normal truncated", &x, u, n);
    x.distribution = AIROI_DIST_LOGNORMAL;
    bench_dist("lognormal truncated", &x, u, n);
    memset(&x, 0, sizeof x);
    x.distribution = AIROI_DIST_BERNOULLI;
    set(&x, AIROI_UNCERTAINTY_P, &x.p, 0.1);
    set(&x, AIROI_UNCERTAINTY_IMPACT, &x.impact, -0.5);
    bench_dist("bernoulli", &x, u, n);
    free(u);
    return 0;
}
