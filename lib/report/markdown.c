/*
 * lib/report/markdown.c: the whole report as Markdown (GitHub-flavoured
 * tables), for pull requests, wikis and business-case documents.
 */
#include <stdio.h>
#include <string.h>

#include "report-private.h"

/* Text on one line with Markdown's special characters escaped; control
 * characters (newlines included) become spaces so that a name cannot end a
 * heading or start a paragraph. */
void airoi__md_text(airoi__buf *b, const char *s)
{
    char *one = airoi__strdup_oneline(s);
    if (!one) {
        b->failed = 1;
        return;
    }
    for (const char *c = one; *c; c++) {
        if (strchr("\\`*_[]<>|#", *c))
            airoi__buf_append(b, "\\", 1);
        airoi__buf_append(b, c, 1);
    }
    airoi__free(one);
}
#define md_text(b, s) airoi__md_text(b, s)

static void heading(airoi__buf *b, const char *title, const char *note)
{
    airoi__buf_puts(b, "\n## ");
    airoi__buf_puts(b, title);
    airoi__buf_puts(b, "\n\n");
    if (note && *note) {
        airoi__buf_puts(b, "_");
        md_text(b, note);
        airoi__buf_puts(b, "_\n\n");
    }
}

static void emit(airoi__buf *b, rpt_table *t, int present)
{
    if (!present)
        return;
    airoi__table_markdown(b, t);
    airoi__table_free(t);
}

void airoi__report_markdown(airoi__buf *b, const rpt *R)
{
    char labels[12][16], values[12][256], in[96], note[192];
    rpt_table t;

    airoi__buf_puts(b, "# ");
    md_text(b, R->name);
    airoi__buf_puts(b, "\n\n");
    size_t nf = airoi__report_facts(R, labels, values, 12);
    for (size_t i = 0; i < nf; i++) {
        airoi__buf_puts(b, "- **");
        md_text(b, labels[i]);
        airoi__buf_puts(b, ":** ");
        md_text(b, values[i]);
        airoi__buf_puts(b, "\n");
    }
    airoi__fmt_amounts_in(in, sizeof in, R);
    if (*in)
        snprintf(note, sizeof note, "Amounts in %s.", in);
    else
        note[0] = '\0';

    if (R->sections & AIROI_REPORT_METRICS) {
        heading(b, R->scenario ? "Key metrics of the scenario" : "Key metrics", NULL);
        emit(b, &t, airoi__tbl_metrics(&t, R));
    }
    if (R->sections & AIROI_REPORT_TCO) {
        heading(b, "Total cost of ownership", note);
        emit(b, &t, airoi__tbl_tco(&t, R));
        heading(b, "Value by dimension", note);
        emit(b, &t, airoi__tbl_value(&t, R));
    }
    if ((R->sections & AIROI_REPORT_HONEST) && R->has_plan) {
        char hn[512];
        snprintf(hn, sizeof hn, "%s%sCosts raised by their typical underestimate; change = "
                 "honest - plan.", note, *note ? " " : "");
        heading(b, "Plan and honest estimate", hn);
        emit(b, &t, airoi__tbl_honest(&t, R));
    }
    if (R->sections & AIROI_REPORT_SCENARIOS) {
        char sn[512];
        snprintf(sn, sizeof sn, "%s%s%s", R->implicit_base ?
                 "No scenarios defined: the base case alone." : "", R->implicit_base && *note ?
                 " " : "", note);
        heading(b, "Scenarios", *sn ? sn : NULL);
        emit(b, &t, airoi__tbl_scenarios(&t, R));
    }
    if ((R->sections & AIROI_REPORT_SCHEDULE) && airoi__tbl_years(&t, R)) {
        char yn[256];
        snprintf(yn, sizeof yn, "%s%sYear 1 holds %s 0, the start, and the first year.", note,
                 *note ? " " : "", R->period_name);
        heading(b, "Cash flow by year", yn);
        emit(b, &t, 1);
    }
    if (R->sections & AIROI_REPORT_METRICS)
        airoi__rpt_finance_text(b, R, 1);
    if (R->sections & AIROI_REPORT_FINDINGS) {
        heading(b, "Audit findings", NULL);
        if (airoi__tbl_findings(&t, R))
            emit(b, &t, 1);
        else
            airoi__buf_puts(b, R->scenario ? "Findings are computed for the base case only.\n"
                                           : "None: the plan passes every check of the TCO audit.\n");
    }
    if (R->sections & AIROI_REPORT_BENCHMARK) {
        heading(b, "Benchmark", R->bench_label);
        if (airoi__tbl_benchmark(&t, R))
            emit(b, &t, 1);
        else
            airoi__buf_puts(b, "No use case in the model: set `project.use_case` to compare.\n");
    }
    airoi__tracking_text(b, R->tracking, 1);
    if (R->sections & AIROI_REPORT_SCHEDULE) {
        heading(b, "Cash-flow schedule", note);
        emit(b, &t, airoi__tbl_schedule(&t, R));
    }
}
