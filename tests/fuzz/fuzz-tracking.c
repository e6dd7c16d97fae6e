/*
 * tests/fuzz/fuzz-tracking.c: libFuzzer target for tracking: `actuals`,
 * `tracking`, `indicators` and the gates' criteria of a model file.
 *
 * Any bytes go through the model loader; a model that loads is tracked
 * (plan versus actual, reforecasts, indicators, gates), every figure read
 * and the tracking written in every format. A bug is a crash, a leak,
 * undefined behaviour, a figure returned but not finite, a non-finite
 * number in JSON, or a failure that hands out a tracking.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    airoi_project *p = NULL;
    if (airoi_model_load_buffer(&p, NULL, (const char *)data, size, "fuzz.yaml", 0) != AIROI_OK)
        return 0;
    airoi_tracking *t = NULL;
    int rc = airoi_project_track(&t, p, 0);
    if (rc != AIROI_OK && t)
        abort();
    for (int f = AIROI_TRACKING_AS_OF; t && f <= AIROI_TRACKING_GATES_AS_OF; f++) {
        double v = 0;
        if (airoi_tracking_get_number(&v, t, (airoi_tracking_figure)f) == AIROI_OK &&
            !isfinite(v))
            abort();
    }
    for (int fmt = AIROI_REPORT_TEXT; t && fmt <= AIROI_REPORT_HTML; fmt++) {
        char *text = NULL;
        size_t len = 0;
        check_document(airoi_tracking_report_write(&text, &len, t, fmt, 0), &text, &len, fmt);
    }
    airoi_tracking_free(t);
    airoi_project_free(p);
    return 0;
}
