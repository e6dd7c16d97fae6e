/*
 * bindings/cli/report.c: `airoi report`, `airoi audit` and `airoi compare`:
 * load, evaluate, write the report with the sections of the command.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void list_scenarios(const airoi_project *p)
{
    size_t n = airoi_project_count_scenarios(p);
    if (n == 0) {
        fprintf(stderr, "  (the model defines no scenarios)\n");
        return;
    }
    fprintf(stderr, "  scenarios of the model:");
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s %s", i ? "," : "", airoi_scenario_get_name(airoi_project_get_scenario(p, i)));
    fprintf(stderr, "\n");
}

static void list_use_cases(void)
{
    fprintf(stderr, "  use cases:");
    for (size_t i = 0; i < airoi_benchmark_count(); i++)
        fprintf(stderr, "%s %s", i ? "," : "", airoi_benchmark_get_key(i));
    fprintf(stderr, "\n");
}

/* Whether every stage of p has a gate probability (staging can be computed). */
static int gates_known(const airoi_project *p)
{
    airoi_staging *s = NULL;
    int st = airoi_project_count_stages(p) ? airoi_staging_evaluate(&s, p, 0) : AIROI_OK;
    airoi_staging_free(s);
    return st != AIROI_ERR_MODEL;
}

int cli_business_case(char **text, size_t *len, const airoi_project *p, const airoi_result *r,
                      const airoi_simulation *sim)
{
    airoi_tornado *t = NULL;
    airoi_staging *s = NULL;
    int st = AIROI_OK;
    if (airoi_project_count_uncertainties(p) > 0)
        st = airoi_tornado_evaluate(&t, p, 0);
    if (st == AIROI_OK && airoi_project_count_stages(p) > 0) {
        st = airoi_staging_evaluate(&s, p, 0);
        if (st == AIROI_ERR_MODEL) {
            /* a gate without a probability: the page shows the stages
             * without their expected value, and says why */
            fprintf(stderr, "warning: no staging figures on the page: %s\n",
                    airoi_last_error_message());
            st = AIROI_OK;
        }
    }
    if (st == AIROI_OK)
        st = airoi_report_write_business_case(text, len, r, sim, t, s, 0);
    airoi_tornado_free(t);
    airoi_staging_free(s);
    return st;
}

static int run(const cli_args *a, unsigned sections)
{
    airoi_project *p = NULL;
    airoi_result *r = NULL;
    airoi_simulation *sim = NULL;
    airoi_tracking *trk = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc = cli_load(&p, a->file);
    if (rc != CLI_OK)
        return rc;

    if (a->use_case) {
        if (airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, a->use_case) != AIROI_OK) {
            cli_error("%s: unknown use case '%s'", a->command, a->use_case);
            list_use_cases();
            rc = CLI_USAGE;
            goto done;
        }
    }
    if ((sections & AIROI_REPORT_BENCHMARK) && !(sections & AIROI_REPORT_SCHEDULE) &&
        !airoi_project_get_string(p, AIROI_PROJECT_USE_CASE)) {
        fprintf(stderr, "%s: the model has no project.use_case to compare with; "
                        "add one or pass --use-case KEY\n", a->file);
        list_use_cases();
        rc = CLI_FAIL;
        goto done;
    }

    int st = airoi_project_evaluate(&r, p, a->scenario,
                                    a->honest ? AIROI_EVAL_HONEST_ESTIMATE : AIROI_EVAL_DEFAULT);
    if (st == AIROI_ERR_NOT_FOUND && a->scenario) {
        cli_error("%s: no scenario named '%s' in %s", a->command, a->scenario, a->file);
        list_scenarios(p);
        rc = CLI_USAGE;
        goto done;
    }
    if (st != AIROI_OK) {
        fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
        rc = CLI_FAIL;
        goto done;
    }
    /* a model with actuals or indicators: the plan of its tracking, whose
     * text and HTML reports hold the plan-against-actual part */
    const airoi_result *shown = r;
    if (!a->scenario && !a->honest &&
        (airoi_project_count_actuals(p) > 0 || airoi_project_count_indicators(p) > 0)) {
        if (airoi_project_track(&trk, p, 0) != AIROI_OK) {
            fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
            rc = CLI_FAIL;
            goto done;
        }
        shown = airoi_tracking_get_plan(trk);
    }
    if (a->format == AIROI_REPORT_HTML) {
        /* the business case of a model with uncertainties shows its Monte
         * Carlo summary, with the model's simulation settings */
        if (airoi_project_count_uncertainties(p) > 0) {
            st = airoi_project_simulate(&sim, p, NULL, 0, NULL, NULL);
            if (st == AIROI_ERR_MODEL && !gates_known(p)) {
                /* a gate without a probability cannot be simulated either */
                fprintf(stderr, "warning: no Monte Carlo summary on the page: a gate has no "
                                "probability\n");
                st = AIROI_OK;
            }
            if (st != AIROI_OK) {
                fprintf(stderr, "%s: cannot simulate: %s\n", a->file, airoi_last_error_message());
                rc = CLI_FAIL;
                goto done;
            }
        }
        st = cli_business_case(&text, &len, p, shown, sim);
    } else {
        st = airoi_report_write(&text, &len, shown, a->format, sections);
    }
    if (st != AIROI_OK) {
        fprintf(stderr, "%s: cannot write the report: %s\n", a->file, airoi_last_error_message());
        rc = CLI_FAIL;
        goto done;
    }
    rc = cli_output(a, text, len);
done:
    airoi_free(text);
    airoi_result_free(r);
    airoi_simulation_free(sim);
    airoi_tracking_free(trk);
    airoi_project_free(p);
    return rc;
}

int cli_report(const cli_args *a)
{
    return run(a, AIROI_REPORT_ALL);
}

int cli_audit(const cli_args *a)
{
    /* with --honest, plan and honest estimate side by side */
    return run(a, AIROI_REPORT_AUDIT | (a->honest ? AIROI_REPORT_HONEST : 0u));
}

int cli_compare(const cli_args *a)
{
    return run(a, AIROI_REPORT_COMPARE);
}
