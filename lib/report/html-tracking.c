/*
 * lib/report/html-tracking.c: the tracking section of the business case
 * (report layer): a chart of the cumulative net cash flow as planned and as
 * re-forecast from the actuals, then the tables of the text report (to
 * date, variance by item, re-forecast, leading indicators, gate reviews).
 * Written only for the plan of a tracking (docs/reports.md#tracking).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report-private.h"
#include "svg-private.h"
#include "track-private.h"

static void table_out(airoi__buf *b, rpt_table *t, const char *caption)
{
    if (t->failed)
        b->failed = 1;
    airoi__buf_puts(b, "<table>\n<caption>");
    airoi__xml_escape(b, caption);
    airoi__buf_puts(b, "</caption>\n<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        airoi__buf_printf(b, "<th scope=\"col\"%s>", t->right[c] ? " class=\"num\"" : "");
        airoi__xml_escape(b, t->header[c]);
        airoi__buf_puts(b, "</th>");
    }
    airoi__buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < t->nrows; r++) {
        airoi__buf_puts(b, "<tr>");
        for (size_t c = 0; c < t->ncols; c++) {
            airoi__buf_puts(b, c == 0 ? "<th scope=\"row\">"
                                      : t->right[c] ? "<td class=\"num\">" : "<td>");
            airoi__xml_escape(b, t->cells[r * t->ncols + c]);
            airoi__buf_puts(b, c == 0 ? "</th>" : "</td>");
        }
        airoi__buf_puts(b, "</tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n");
    airoi__table_free(t);
}

/* Cumulative net as planned and as re-forecast, with the as-of period marked. */
static void chart(airoi__buf *b, const rpt *R, const airoi_tracking *t)
{
    const airoi_schedule *ps = t->plan->schedule, *rs = t->reforecast[0]->schedule;
    size_t n = ps ? ps->n : 0;
    if (!n || !rs || rs->n != n)
        return;
    const int cum = AIROI__ENUM_INDEX(AIROI_SCHEDULE_CUMULATIVE);
    const double *plan = ps->col[cum], *refc = rs->col[cum];
    double maxabs = 0;
    for (size_t i = 0; i < n; i++)
        maxabs = fmax(maxabs, fmax(fabs(plan[i]), fabs(refc[i])));
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, maxabs);
    const svg_series lines[2] = {{"Plan", plan, 1},
                                 {"Actual to date, then plan (re-forecast)", refc, 0}};
    char xt[96], mark[64];
    snprintf(xt, sizeof xt, "Period (%s)", R->period_name ? R->period_name : "period");
    snprintf(mark, sizeof mark, "as of period %d", (int)t->as_of);
    airoi__buf_puts(b, "<figure class=\"keep\">\n<figcaption>Plan against actual: cumulative net "
                       "cash flow</figcaption>\n");
    airoi__svg_lines(b, "tracking-chart", "Cumulative net cash flow as planned and as re-forecast "
                     "from the actuals", &sc, xt, "Cumulative net cash flow", lines, 2, n,
                     t->as_of >= 0 ? (double)t->as_of : -1, mark);
    /* the same numbers, for screen readers */
    airoi__buf_puts(b, "<table class=\"sr-only\"><caption>Cumulative net cash flow by period"
                       "</caption><thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Plan"
                       "</th><th scope=\"col\">Re-forecast</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < n; i++) {
        char a[96], c[96];
        airoi__fmt_money(a, sizeof a, R, plan[i]);
        airoi__fmt_money(c, sizeof c, R, refc[i]);
        airoi__buf_printf(b, "<tr><th scope=\"row\">%zu</th><td>", i);
        airoi__xml_escape(b, a);
        airoi__buf_puts(b, "</td><td>");
        airoi__xml_escape(b, c);
        airoi__buf_puts(b, "</td></tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n</figure>\n");
}

void airoi__html_tracking(airoi__buf *b, const rpt *R)
{
    const airoi_tracking *t = R->tracking;
    if (!t)
        return;
    airoi__buf_puts(b, "<section id=\"tracking\" class=\"part\" aria-labelledby=\"tracking-h\">\n"
                       "<h2 id=\"tracking-h\">Plan against actual</h2>\n");
    char note[256];
    if (t->as_of >= 0)
        snprintf(note, sizeof note, "Actuals are complete up to period %d; later periods are "
                 "re-forecast from the plan (docs/methodology.md).", (int)t->as_of);
    else
        snprintf(note, sizeof note, "No actuals are recorded yet: the re-forecast is the plan.");
    airoi__buf_puts(b, "<p class=\"note\">");
    airoi__xml_escape(b, note);
    airoi__buf_puts(b, "</p>\n");
    chart(b, R, t);
    static const char *const captions[5] = {"Figures to date", "Variance by item",
                                            "Plan and re-forecasts", "Leading indicators",
                                            "Gate reviews"};
    for (int k = 0; k < 5; k++) {
        rpt_table tb;
        if (airoi__tbl_tracking(&tb, t, k))
            table_out(b, &tb, captions[k]);
    }
    airoi__buf_puts(b, "</section>\n");
}
