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

#define CW 720.0
#define CH 300.0
#define X0 90.0
#define X1 (CW - 20.0)
#define Y0 40.0
#define Y1 (CH - 60.0)

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

static double ypos(double v, double lo, double hi)
{
    return hi > lo ? Y1 - (v - lo) / (hi - lo) * (Y1 - Y0) : (Y0 + Y1) / 2;
}

static double xpos(size_t t, size_t n)
{
    return n > 1 ? X0 + (X1 - X0) * (double)t / (double)(n - 1) : (X0 + X1) / 2;
}

static void polyline(airoi__buf *b, const double *v, size_t n, double lo, double hi,
                     const char *color, const char *dash)
{
    airoi__buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s points=\"",
                      color, dash);
    for (size_t t = 0; t < n; t++)
        airoi__buf_printf(b, "%s%.1f,%.1f", t ? " " : "", xpos(t, n), ypos(v[t], lo, hi));
    airoi__buf_puts(b, "\"/>\n");
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
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, fmin(plan[i], refc[i]));
        hi = fmax(hi, fmax(plan[i], refc[i]));
    }
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, fmax(fabs(lo), fabs(hi)));
    double ticks[16], step = 1;
    size_t nt = airoi__nice_ticks(ticks, 16, lo / sc.div, hi / sc.div, 5, &step);
    if (nt) {
        lo = fmin(lo, ticks[0] * sc.div);
        hi = fmax(hi, ticks[nt - 1] * sc.div);
    }
    airoi__buf_puts(b, "<figure class=\"keep\">\n<figcaption>Plan against actual: cumulative net "
                       "cash flow</figcaption>\n");
    airoi__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"tracking-chart\" "
                         "class=\"chart\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" "
                         "aria-labelledby=\"tracking-chart-t tracking-chart-d\" "
                         "font-size=\"13\">\n<title id=\"tracking-chart-t\">Cumulative net cash "
                         "flow as planned and as re-forecast from the actuals</title>\n"
                         "<desc id=\"tracking-chart-d\">Two lines over %zu periods: the plan "
                         "(dashed grey) and the re-forecast, actuals up to the as-of period then "
                         "plan (blue); the dashed vertical line marks the as-of period.</desc>\n",
                      CW, CH, n);
    for (size_t i = 0; i < nt; i++) {
        char lab[48];
        double y = ypos(ticks[i] * sc.div, lo, hi);
        airoi__fmt_tick(lab, sizeof lab, ticks[i], step);
        airoi__buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
                             "stroke=\"#ccc\"%s/>\n<text x=\"%.1f\" y=\"%.1f\" "
                             "text-anchor=\"end\" font-size=\"12\">",
                          X0, X1, y, y, ticks[i] == 0 ? " stroke-width=\"2\"" : "", X0 - 6, y + 4);
        airoi__xml_escape(b, lab);
        airoi__buf_puts(b, "</text>\n");
    }
    for (size_t i = 0; i < n; i++)
        airoi__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                             "font-size=\"12\">%zu</text>\n",
                          xpos(i, n), Y1 + 18, i);
    airoi__buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\">"
                         "Period (%s)</text>\n",
                      (X0 + X1) / 2, Y1 + 40, R->period_name ? R->period_name : "period");
    airoi__buf_printf(b, "<text x=\"12\" y=\"%.1f\" font-size=\"12\" transform=\"rotate(-90 12 "
                         "%.1f)\" text-anchor=\"middle\">",
                      (Y0 + Y1) / 2, (Y0 + Y1) / 2);
    airoi__xml_escape(b, "Cumulative net cash flow");
    if (*sc.in) {
        airoi__buf_puts(b, " (");
        airoi__xml_escape(b, sc.in);
        airoi__buf_puts(b, ")");
    }
    airoi__buf_puts(b, "</text>\n");
    if (t->as_of >= 0) {
        double x = xpos((size_t)t->as_of, n);
        airoi__buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
                             "stroke=\"#d55e00\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/>\n"
                             "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"bold\">"
                             "as of period %d</text>\n",
                          x, x, Y0, Y1, x + 6, Y0 + 12, (int)t->as_of);
    }
    polyline(b, plan, n, lo, hi, "#777", " stroke-dasharray=\"4 3\"");
    polyline(b, refc, n, lo, hi, "#0072b2", "");
    airoi__buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"18\" y2=\"18\" stroke=\"#777\" "
                         "stroke-width=\"2.5\" stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"22\" "
                         "font-size=\"12\">Plan</text>\n<line x1=\"%.1f\" x2=\"%.1f\" y1=\"18\" "
                         "y2=\"18\" stroke=\"#0072b2\" stroke-width=\"2.5\"/><text x=\"%.1f\" "
                         "y=\"22\" font-size=\"12\">Actual to date, then plan (re-forecast)"
                         "</text>\n</svg>\n",
                      X0, X0 + 18, X0 + 24, X0 + 80, X0 + 98, X0 + 104);
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
