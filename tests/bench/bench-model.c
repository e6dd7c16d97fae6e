/*
 * tests/bench/bench-model.c: load + evaluate of a large model file.
 *
 * Generates the model of bench-modelgen.h, then times
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

#include "bench-modelgen.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
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
    char *text = bench_model_text(items, &len);
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
