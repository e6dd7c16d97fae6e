/*
 * tests/bench/bench-model.c: load + evaluate of a large model file.
 *
 * Generates a monthly model with N items (half costs, half values, with
 * growth, FX and adoption ramps) and three scenarios as YAML text, then times
 * airoi_model_load_buffer, airoi_project_evaluate and airoi_report_write
 * (JSON) over several repetitions. The reference figure is the goal of
 * docs/performance.md:
 * load + evaluate of a 10,000-item model in well under 0.1 s.
 * usage: bench-model [ITEMS [REPEATS]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <airoi/airoi.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static char *generate(int items, size_t *len)
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

int main(int argc, char **argv)
{
    int items = argc > 1 ? atoi(argv[1]) : 10000;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (items < 2 || reps < 1) {
        fprintf(stderr, "usage: bench-model [ITEMS>=2 [REPEATS>=1]]\n");
        return 2;
    }
    size_t len;
    char *text = generate(items, &len);
    if (!text)
        return 1;
    double best_load = 1e9, best_eval = 1e9, best_json = 1e9;
    double npv = 0;
    for (int r = 0; r < reps; r++) {
        airoi_project *p = NULL;
        airoi_result *res = NULL;
        char *json = NULL;
        double t0 = now();
        if (airoi_model_load_buffer(&p, NULL, text, len, "bench.yaml", 0) != AIROI_OK) {
            fprintf(stderr, "load: %s\n", airoi_last_error_message());
            return 1;
        }
        double t1 = now();
        if (airoi_project_evaluate(&res, p, NULL, 0) != AIROI_OK) {
            fprintf(stderr, "evaluate: %s\n", airoi_last_error_message());
            return 1;
        }
        double t2 = now();
        if (airoi_report_write(&json, NULL, res, AIROI_REPORT_JSON, 0) != AIROI_OK) {
            fprintf(stderr, "report: %s\n", airoi_last_error_message());
            return 1;
        }
        double t3 = now();
        airoi_result_get_metric(&npv, res, AIROI_METRIC_NPV);
        best_load = t1 - t0 < best_load ? t1 - t0 : best_load;
        best_eval = t2 - t1 < best_eval ? t2 - t1 : best_eval;
        best_json = t3 - t2 < best_json ? t3 - t2 : best_json;
        airoi_free(json);
        airoi_result_free(res);
        airoi_project_free(p);
    }
    printf("libairoi %s: model with %d items, 37 monthly periods, 3 scenarios (%zu bytes of YAML)\n",
           airoi_version_string(), items, len);
    printf("step                      best of %d    goal\n", reps);
    printf("load (YAML -> project)    %8.2f ms\n", best_load * 1e3);
    printf("evaluate (+3 scenarios)   %8.2f ms\n", best_eval * 1e3);
    printf("load + evaluate           %8.2f ms    well under 100 ms\n", (best_load + best_eval) * 1e3);
    printf("JSON report               %8.2f ms\n", best_json * 1e3);
    printf("(NPV %.2f)\n", npv);
    free(text);
    return 0;
}
