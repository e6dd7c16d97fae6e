/*
 * tests/fuzz/fuzz-simulation.c: libFuzzer target for the simulation inputs
 * (uncertainties, correlations, stages, the `simulation:` section).
 *
 * Any bytes go through the model loader; a model that loads is simulated
 * (200 trials, 2 threads, both samplings), its tornado, staging and
 * break-even computed, and every report of them written. A bug is a crash,
 * a leak, undefined behaviour, a statistic that is returned but not finite,
 * a non-finite number in a JSON report, or a failure that hands out a
 * result.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void simulate(const airoi_project *p, airoi_sampling sampling)
{
    airoi_sim_options *o = NULL;
    if (airoi_sim_options_new(&o) != AIROI_OK)
        return;
    airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 200);
    airoi_sim_options_set_number(o, AIROI_SIM_THREADS, 2);
    airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, sampling);
    airoi_simulation *s = NULL;
    int rc = airoi_project_simulate(&s, p, o, 0, NULL, NULL);
    if (rc != AIROI_OK && s)
        abort();
    for (int out = AIROI_SIM_NPV; s && out <= AIROI_SIM_PAYBACK_PERIODS; out++)
        for (int st = AIROI_STAT_MEAN; st <= AIROI_STAT_COUNT; st++) {
            double v = 0;
            if (airoi_simulation_get_stat(&v, s, out, st) == AIROI_OK && !isfinite(v))
                abort();
        }
    for (int fmt = AIROI_REPORT_TEXT; s && fmt <= AIROI_REPORT_MARKDOWN; fmt++) {
        char *text = NULL;
        size_t len = 0;
        check_document(airoi_report_write_simulation(&text, &len, s, fmt, 0), &text, &len, fmt);
    }
    airoi_simulation_free(s);
    airoi_sim_options_free(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    airoi_project *p = NULL;
    if (airoi_model_load_buffer(&p, NULL, (const char *)data, size, "fuzz.yaml", 0) != AIROI_OK)
        return 0;
    if (airoi_project_count_uncertainties(p) > 0) {
        simulate(p, AIROI_SAMPLING_RANDOM);
        simulate(p, AIROI_SAMPLING_SOBOL);
    }
    airoi_tornado *t = NULL;
    airoi_staging *g = NULL;
    airoi_breakeven *b = NULL;
    int rt = airoi_tornado_evaluate(&t, p, 0);
    int rg = airoi_staging_evaluate(&g, p, 0);
    int rb = airoi_breakeven_evaluate(&b, p, 0);
    if ((rt != AIROI_OK && t) || (rg != AIROI_OK && g) || (rb != AIROI_OK && b))
        abort();
    for (int fmt = AIROI_REPORT_TEXT; fmt <= AIROI_REPORT_MARKDOWN; fmt++) {
        char *text = NULL;
        size_t len = 0;
        if (t)
            check_document(airoi_report_write_tornado(&text, &len, t, fmt, 0), &text, &len, fmt);
        if (g)
            check_document(airoi_report_write_staging(&text, &len, g, fmt, 0), &text, &len, fmt);
        if (b)
            check_document(airoi_report_write_breakeven(&text, &len, b, fmt, 0), &text, &len, fmt);
    }
    airoi_breakeven_free(b);
    airoi_staging_free(g);
    airoi_tornado_free(t);
    airoi_project_free(p);
    return 0;
}
