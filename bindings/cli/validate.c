/*
 * bindings/cli/validate.c: `airoi validate FILE`: every problem of the file
 * (loading, validation, then evaluation as `report` does it) on stderr
 * (exit 1), or a one-line summary on stdout (exit 0).
 */
#include <stdio.h>

#include "cli.h"

int cli_validate(const cli_args *a)
{
    airoi_project *p = NULL;
    int rc = cli_load(&p, a->file);
    if (rc != CLI_OK)
        return rc;
    if (airoi_project_validate(p) != AIROI_OK) {
        fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
        airoi_project_free(p);
        return CLI_FAIL;
    }
    /* A model is valid only when it evaluates: the base case, which also
     * evaluates every scenario (overflow, limits), with and without the
     * honest-estimate uplifts of `report --honest`. */
    static const unsigned flags[] = {AIROI_EVAL_DEFAULT, AIROI_EVAL_HONEST_ESTIMATE};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        airoi_result *r = NULL;
        if (airoi_project_evaluate(&r, p, NULL, flags[i]) != AIROI_OK) {
            fprintf(stderr, "%s: %s%s\n", a->file,
                    flags[i] == AIROI_EVAL_HONEST_ESTIMATE ? "with --honest: " : "",
                    airoi_last_error_message());
            airoi_project_free(p);
            return CLI_FAIL;
        }
        airoi_result_free(r);
    }
    double horizon = 0, period = 0;
    airoi_project_get_number(&horizon, p, AIROI_PROJECT_HORIZON);
    airoi_project_get_number(&period, p, AIROI_PROJECT_PERIOD);
    const char *pname = airoi_period_name((int)period);
    size_t nc = airoi_project_count_items(p, AIROI_ITEM_KIND_COST);
    size_t nv = airoi_project_count_items(p, AIROI_ITEM_KIND_VALUE);
    size_t ns = airoi_project_count_scenarios(p);
    printf("%s: valid: \"%s\", %zu cost item%s, %zu value item%s, %zu scenario%s, "
           "horizon %.0f %s%s\n",
           a->file, airoi_project_get_string(p, AIROI_PROJECT_NAME), nc, nc == 1 ? "" : "s", nv,
           nv == 1 ? "" : "s", ns, ns == 1 ? "" : "s", horizon, pname ? pname : "period",
           horizon == 1 ? "" : "s");
    airoi_project_free(p);
    return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
