/*
 * bindings/cli/validate.c: `airoi validate FILE`: every problem of the file
 * on stderr (exit 1), or a one-line summary on stdout (exit 0).
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
    double horizon = 0, period = 0;
    airoi_project_get_number(&horizon, p, AIROI_PROJECT_HORIZON);
    airoi_project_get_number(&period, p, AIROI_PROJECT_PERIOD);
    const char *pname = airoi_period_name((int)period);
    size_t nc = airoi_project_count_costs(p), nv = airoi_project_count_values(p);
    size_t ns = airoi_project_count_scenarios(p);
    printf("%s: valid: \"%s\", %zu cost item%s, %zu value item%s, %zu scenario%s, "
           "horizon %.0f %s%s\n",
           a->file, airoi_project_get_string(p, AIROI_PROJECT_NAME), nc, nc == 1 ? "" : "s", nv,
           nv == 1 ? "" : "s", ns, ns == 1 ? "" : "s", horizon, pname ? pname : "period",
           horizon == 1 ? "" : "s");
    airoi_project_free(p);
    return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
