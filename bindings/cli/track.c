/*
 * bindings/cli/track.c: `airoi track FILE`: load the model, track it
 * (actuals against plan, re-forecasts, indicators, gates) and write the
 * tracking report (docs/cli.md#airoi-track).
 */
#include <stdio.h>

#include "cli.h"
#include <airoi/tracking.h>

int cli_track(const cli_args *a)
{
    airoi_project *p = NULL;
    airoi_tracking *t = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc = cli_load(&p, a->file);
    if (rc != CLI_OK)
        return rc;
    rc = CLI_FAIL;
    if (airoi_project_track(&t, p, 0) != AIROI_OK) {
        fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
        goto done;
    }
    if (airoi_tracking_report_write(&text, &len, t, a->format, 0) != AIROI_OK) {
        fprintf(stderr, "%s: cannot write the report: %s\n", a->file, airoi_last_error_message());
        goto done;
    }
    rc = cli_output(a, text, len);
done:
    airoi_free(text);
    airoi_tracking_free(t);
    airoi_project_free(p);
    return rc;
}
