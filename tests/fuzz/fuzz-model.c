/*
 * tests/fuzz/fuzz-model.c: libFuzzer target for the model-file surface.
 *
 * Any bytes go through the YAML loader; what loads is evaluated, reported in
 * every format and saved again, and the saved text must load back. Crashes,
 * leaks, undefined behaviour, NaN or infinity in a report, or a saved model
 * that does not load are all findings.
 *
 * Built with -fsanitize=fuzzer when the `fuzzing` option is on (clang); the
 * same file is linked with replay.c into a plain program that `meson test`
 * runs over the kept corpus (tests/data/invalid, docs/examples, tests/fuzz/corpus).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_report(const airoi_result *r)
{
    for (int fmt = AIROI_REPORT_TEXT; fmt <= AIROI_REPORT_MARKDOWN; fmt++) {
        char *text = NULL;
        size_t len = 0;
        check_document(airoi_report_write(&text, &len, r, fmt, 0), &text, &len, fmt);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, (const char *)data, size, "fuzz.yaml", 0);
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++)
        if (!airoi_diagnostics_get_text(d, i))
            abort();
    airoi_diagnostics_free(d);
    if (rc != AIROI_OK) {
        if (p)
            abort(); /* a failed load must not hand out a project */
        return 0;
    }
    airoi_result *r = NULL;
    if (airoi_project_evaluate(&r, p, NULL, 0) == AIROI_OK)
        check_report(r);
    airoi_result_free(r);

    char *saved = NULL;
    size_t saved_len = 0;
    if (airoi_model_save_buffer(&saved, &saved_len, p, 0) == AIROI_OK) {
        airoi_project *again = NULL;
        if (airoi_model_load_buffer(&again, NULL, saved, saved_len, "saved.yaml", 0) != AIROI_OK)
            abort(); /* what we save must load back */
        airoi_project_free(again);
    }
    airoi_free(saved);
    airoi_project_free(p);
    return 0;
}
