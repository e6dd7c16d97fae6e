/*
 * lib/io/check.c: airoi_model_validate(), the whole-project validator's
 * problems (lib/eval/validate.c), errors and plausibility warnings alike,
 * and the simulation layer's checks of the uncertain half that loading runs
 * (airoi__check_uncertain), as a diagnostics list for a project built
 * through the API; the loader (load.c) places the same problems in the
 * file instead.
 */
#include <stdint.h>
#include <stdio.h>

#include "io-private.h"
#include "validate-private.h"

typedef struct collector {
    const airoi_project *p;
    airoi_diagnostics *d;
    int nomem;
    int first;            /* the first error's status */
    char first_text[1024 + AIROI_NAME_MAX]; /* and its text, for the last error */
    size_t warnings;      /* warnings listed */
    size_t dropped;       /* warnings past AIROI__IO_MAX_DIAGS, only counted */
} collector;

static int collect(void *userdata, const airoi__problem *pr)
{
    collector *c = userdata;
    if (pr->status == AIROI_ERR_NOMEM) {
        c->nomem = 1;
        return 1;
    }
    int warning = pr->status == AIROI__PROBLEM_WARNING;
    if (warning && c->warnings >= AIROI__IO_MAX_DIAGS) {
        c->dropped++;
        return 0;
    }
    char text[1024 + AIROI_NAME_MAX];
    airoi__problem_text(text, sizeof text, c->p, pr);
    if (!warning && c->first == AIROI_OK) {
        c->first = pr->status;
        snprintf(c->first_text, sizeof c->first_text, "%s", text);
    }
    if (airoi__diags_add(c->d, warning ? AIROI__DIAG_WARNING : pr->status, 0, 0, "%s", text)) {
        c->nomem = 1;
        return 1;
    }
    c->warnings += warning;
    return 0;
}

int airoi__model_validate(airoi_diagnostics **diags_out, const airoi_project *p, unsigned flags)
{
    if (diags_out)
        *diags_out = NULL;
    if (!diags_out || !p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_validate: NULL %s",
                            diags_out ? "project" : "diags_out");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_validate: unknown flags 0x%x",
                            flags);
    collector c = {p, airoi__diags_new(NULL), 0, AIROI_OK, "", 0, 0};
    if (!c.d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while validating a project");
    c.d->bare = 1;
    airoi__validate_each(p, collect, &c);
    /* the simulation layer's checks, as loading runs them: after no error */
    if (!c.nomem && c.first == AIROI_OK && airoi__check_uncertain(p, collect, &c) != AIROI_OK)
        c.nomem = 1;
    if (!c.nomem && c.dropped &&
        airoi__diags_add(c.d, AIROI__DIAG_WARNING, 0, 0,
                         "warning: %zu more plausibility warnings are not listed", c.dropped))
        c.nomem = 1;
    if (c.nomem) {
        airoi__diagnostics_free(c.d);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while validating a project");
    }
    airoi__diags_sort(c.d);
    *diags_out = c.d;
    if (c.first != AIROI_OK)
        return airoi__error(c.first, "%s", c.first_text);
    return AIROI_OK;
}

AIROI_API int airoi_model_validate(airoi_diagnostics **diags_out, const airoi_project *p,
                                   unsigned flags)
{
    AIROI__ENTER();
    return airoi__model_validate(diags_out, p, flags);
}
