/*
 * tests/bench/bench-modelgen.h: the generated model of the model benchmarks
 * (bench-model, bench-table): a monthly model with N items (half costs,
 * half values, with growth, FX and adoption ramps) and three scenarios, as
 * YAML text. Returns malloc'ed text and its length in *len, or NULL.
 */
#ifndef AIROI_BENCH_MODELGEN_H
#define AIROI_BENCH_MODELGEN_H

#include <stdio.h>
#include <stdlib.h>

static char *bench_model_text(int items, size_t *len)
{
    size_t cap = (size_t)items * 256 + 4096, n = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    static const char *cats[] = {"people", "infrastructure", "software", "data",
                                 "data_governance", "integration", "change_management",
                                 "maintenance"};
    static const char *dims[] = {"efficiency", "revenue", "risk"};
    n += (size_t)snprintf(s + n, cap - n,
                          "airoi: 1\nproject: {name: bench, currency: TWD, start: 2026-01-01, "
                          "period: month, horizon: 36, discount_rate: 0.08}\n"
                          "fx: {USD: 32}\ncosts:\n");
    for (int i = 0; i < items / 2; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "  - {name: c%d, category: %s, amount: %d, per: year, growth: 0.03%s}\n",
                              i, cats[i % 8], 1000 + i % 97, i % 5 == 0 ? ", currency: USD" : "");
    n += (size_t)snprintf(s + n, cap - n, "values:\n");
    for (int i = 0; i < items - items / 2; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "  - {name: v%d, dimension: %s, amount: %d, per: month, "
                              "adoption: {curve: s_curve, periods: 12, start: 0.2, ceiling: 0.9}}\n",
                              i, dims[i % 3], 150 + i % 89);
    n += (size_t)snprintf(s + n, cap - n,
                          "scenarios:\n  - {name: best, probability: 0.25, multipliers: {values: 1.2}}\n"
                          "  - {name: base, probability: 0.5}\n"
                          "  - {name: worst, probability: 0.25, multipliers: {values: 0.7, costs: 1.1}, delay: 3}\n");
    *len = n;
    return s;
}

#endif /* AIROI_BENCH_MODELGEN_H */
