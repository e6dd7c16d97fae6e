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
    airoi__html_figure_open(b, "Plan against actual: cumulative net cash flow");
    airoi__svg_lines(b, "tracking-chart", "Cumulative net cash flow as planned and as re-forecast "
                     "from the actuals", &sc, xt, "Cumulative net cash flow", lines, 2, n,
                     t->as_of >= 0 ? (double)t->as_of : -1, mark);
    /* the same numbers, for screen readers */
    airoi__html_series_table(b, R, "Cumulative net cash flow by period", "Plan", plan, "Re-forecast",
                             refc, n);
    airoi__buf_puts(b, "</figure>\n");
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
            airoi__html_table(b, &tb, captions[k], NULL);
    }
    airoi__buf_puts(b, "</section>\n");
}
