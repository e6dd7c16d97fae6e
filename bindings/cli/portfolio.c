/*
 * bindings/cli/portfolio.c: `airoi portfolio FILE`: load the portfolio
 * file, evaluate it, simulate its chosen set when asked (--simulate or
 * a simulation option) and write its report (docs/portfolio.md).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include <airoi/portfolio.h>

int cli_portfolio(const cli_args *a)
{
    airoi_portfolio *pf = NULL;
    airoi_portfolio_result *r = NULL;
    airoi_diagnostics *d = NULL;
    airoi_portfolio_simulation *sim = NULL;
    airoi_sim_options *o = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc = CLI_FAIL;
    if (a->outputs || a->sampling || a->trials_out) {
        cli_error("portfolio: %s is not available for portfolios (the portfolio simulation "
                  "computes NPV with random sampling)",
                  a->outputs ? "--outputs" : a->sampling ? "--sampling" : "--trials-out");
        return CLI_USAGE;
    }
    int simulate = a->simulate || a->trials || a->seed || a->threads || a->percentiles;
    if (simulate && (rc = cli_sim_options(&o, NULL, a)) != CLI_OK)
        return rc;
    rc = CLI_FAIL;
    int st = airoi_portfolio_load_file(&pf, &d, a->file, 0);
    char detail[1024];
    snprintf(detail, sizeof detail, "%s", airoi_last_error_message());
    size_t n = airoi_diagnostics_count(d);
    fflush(stdout);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s\n", airoi_diagnostics_get_text(d, i));
    airoi_diagnostics_free(d);
    if (st != AIROI_OK) {
        if (n == 0)
            fprintf(stderr, "%s: %s\n", a->file, *detail ? detail : airoi_status_str(st));
        goto done;
    }
    st = airoi_portfolio_evaluate(&r, pf, 0);
    if (st != AIROI_OK) {
        fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
        goto done;
    }
    if (simulate) {
        st = airoi_portfolio_simulate(&sim, pf, o, 0);
        if (st != AIROI_OK) {
            fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
            goto done;
        }
    }
    st = airoi_portfolio_report_write_sim(&text, &len, r, sim, a->format, 0);
    if (st != AIROI_OK) {
        fprintf(stderr, "%s: cannot write the report: %s\n", a->file, airoi_last_error_message());
        goto done;
    }
    rc = cli_output(a, text, len);
done:
    airoi_free(text);
    airoi_portfolio_simulation_free(sim);
    airoi_sim_options_free(o);
    airoi_portfolio_result_free(r);
    airoi_portfolio_free(pf);
    return rc;
}
