/*
 * lib/report/html.c: the business case as one self-contained HTML page
 * (docs/reports.md): an executive summary, then the problem in money, the
 * solution, the financial analysis, risks and mitigations. The charts are
 * static inline SVG (svg.c) with a table of the same numbers next to each;
 * no script, no external request, print styles for A4 and Letter. Every
 * text from the model goes through airoi__xml_escape(); the key figures
 * carry their exact value in <data value="..."> with the JSON report's key.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "decide-private.h"
#include "narrative-private.h"
#include "report-private.h"
#include "sim-private.h"
#include "svg-private.h"
#include "airoi/schedule.h"
#include "airoi/uncertainty.h"

static const char css[] =
    ":root{--ink:#1f2328;--muted:#57606a;--rule:#d0d7de;--accent:#0072B2;--bad:#B34700}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 -apple-system,'Segoe UI',"
    "Roboto,'Noto Sans','Helvetica Neue',Arial,sans-serif}\n"
    "main{max-width:60rem;margin:0 auto;padding:2rem 1.5rem 4rem}\n"
    "header.cover{border-bottom:3px solid var(--ink);padding-bottom:1rem;margin-bottom:1.5rem}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:var(--muted);margin:0}\n"
    "h1{font-size:2rem;line-height:1.2;margin:.3rem 0 .5rem}\n"
    "h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-top:.4rem;border-top:1px solid var(--rule)}\n"
    "h3{font-size:1.05rem;margin:1.4rem 0 .4rem}\n"
    ".facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:0;padding:0;list-style:none;"
    "color:var(--muted);font-size:.9rem}\n"
    ".summary{background:#f6f8fa;border:1px solid var(--rule);border-radius:6px;padding:1rem 1.25rem}\n"
    ".summary h2{border:0;margin-top:0;padding-top:0}\n"
    ".tiles{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0 .3rem}\n"
    ".tile{flex:1 1 12rem;border:1px solid var(--rule);border-left:5px solid var(--accent);"
    "background:#fff;padding:.6rem .9rem}\n"
    ".tile.bad{border-left-color:var(--bad)}\n"
    ".tile .label{display:block;font-size:.8rem;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.05em}\n"
    ".tile .figure{display:block;font-size:1.45rem;font-weight:700;white-space:nowrap;"
    "font-variant-numeric:tabular-nums}\n"
    ".tile .note{display:block;font-size:.8rem;color:var(--muted)}\n"
    ".narrative{font-size:1.05rem;white-space:pre-line}\n"
    ".missing{color:var(--muted);font-style:italic}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.88rem;"
    "font-variant-numeric:tabular-nums}\n"
    "caption{text-align:left;font-weight:600;padding:.2rem 0}\n"
    "th,td{padding:.3rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top;text-align:left}\n"
    "thead th{border-bottom:2px solid var(--ink)}\n"
    "td.num,th.num{text-align:right;white-space:nowrap}\n"
    "tr.total td{font-weight:700;border-top:1.5px solid var(--ink)}\n"
    "figure{margin:1rem 0 1.5rem}\n"
    "figcaption{font-weight:600;margin-bottom:.3rem}\n"
    "figure .note{font-size:.85rem;color:var(--muted);margin:.2rem 0}\n"
    "svg.chart{display:block;width:100%;height:auto;max-width:45rem;font-family:inherit}\n"
    ".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap;border:0}\n"
    ".sev-critical{color:#B31D28;font-weight:700}.sev-warning{color:#8a4b00;font-weight:700}\n"
    "footer{margin-top:3rem;font-size:.8rem;color:var(--muted);border-top:1px solid var(--rule);"
    "padding-top:.5rem}\n"
    "@page{margin:16mm 14mm 18mm;@bottom-right{content:counter(page) \" / \" counter(pages);"
    "font-size:9pt;color:#57606a}}\n"
    "@media print{body{font-size:10.5pt}main{max-width:none;padding:0}"
    ".summary{background:none}.tile .figure{font-size:1.2rem}"
    "figure,table,.tiles,.tile,tr,.keep{break-inside:avoid;page-break-inside:avoid}"
    "h2,h3,figcaption,caption{break-after:avoid;page-break-after:avoid}"
    "section.part{break-before:page;page-break-before:always}"
    "svg.chart{max-width:100%}a{color:inherit;text-decoration:none}}\n";

/* ---- small writers ------------------------------------------------------- */

static void esc(airoi__buf *b, const char *s)
{
    airoi__xml_escape(b, s);
}

static void para(airoi__buf *b, const char *cls, const char *text)
{
    airoi__buf_printf(b, "<p%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    esc(b, text);
    airoi__buf_puts(b, "</p>\n");
}

static void section_open(airoi__buf *b, const char *id, const char *title, int part)
{
    airoi__buf_printf(b, "<section id=\"%s\"%s aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">", id,
                      part ? " class=\"part\"" : "", id, id);
    esc(b, title);
    airoi__buf_puts(b, "</h2>\n");
}

static const rpt_num *metric(const rpt *R, int m)
{
    return rpt_metric(&R->metrics, m);
}

static void money(char *buf, size_t cap, const rpt *R, const rpt_num *n)
{
    if (n->ok)
        airoi__fmt_money(buf, cap, R, n->v);
    else
        snprintf(buf, cap, "n/a");
}

static void percent(char *buf, size_t cap, const rpt_num *n)
{
    if (n->ok)
        airoi__fmt_percent(buf, cap, n->v);
    else
        snprintf(buf, cap, "n/a");
}

/* A tile of the summary: label, figure (exact value under key), note. */
static void tile(airoi__buf *b, const char *label, const char *key, const rpt_num *n,
                 const char *shown, const char *note, int bad)
{
    airoi__buf_printf(b, "<div class=\"tile%s\"><span class=\"label\">", bad ? " bad" : "");
    esc(b, label);
    airoi__buf_puts(b, "</span><span class=\"figure\">");
    if (n->ok)
        airoi__html_data(b, key, n->v, shown);
    else
        esc(b, shown);
    airoi__buf_puts(b, "</span>");
    if (note) {
        airoi__buf_puts(b, "<span class=\"note\">");
        esc(b, note);
        airoi__buf_puts(b, "</span>");
    }
    airoi__buf_puts(b, "</div>\n");
}

/* ---- parts ---------------------------------------------------------------- */

static void cover(airoi__buf *b, const rpt *R, const airoi__narrative *N)
{
    char h[128], in[96];
    airoi__buf_puts(b, "<header class=\"cover\">\n<p class=\"kicker\">Business case");
    if (N && N->audience) {
        airoi__buf_puts(b, " &middot; for ");
        esc(b, N->audience);
    }
    airoi__buf_puts(b, "</p>\n<h1>");
    esc(b, R->name);
    airoi__buf_puts(b, "</h1>\n<ul class=\"facts\">");
    airoi__fmt_horizon(h, sizeof h, R);
    airoi__buf_puts(b, "<li>Horizon: ");
    esc(b, h);
    airoi__buf_puts(b, "</li>");
    if (*R->start) {
        airoi__buf_puts(b, "<li>Start: ");
        esc(b, R->start);
        airoi__buf_puts(b, "</li>");
    }
    airoi__fmt_amounts_in(in, sizeof in, R);
    if (*in) {
        airoi__buf_puts(b, "<li>Amounts in ");
        esc(b, in);
        airoi__buf_puts(b, "</li>");
    }
    char rate[64];
    airoi__fmt_percent(rate, sizeof rate, R->discount_rate);
    airoi__buf_puts(b, "<li>Discount rate: ");
    airoi__html_data(b, "discount_rate", R->discount_rate, rate);
    airoi__buf_puts(b, " a year</li>");
    if (R->scenario) {
        airoi__buf_puts(b, "<li>Scenario: ");
        esc(b, R->scenario);
        airoi__buf_puts(b, "</li>");
    }
    if (R->honest)
        airoi__buf_puts(b, "<li>Honest estimate (hidden-cost uplift applied)</li>");
    airoi__buf_puts(b, "</ul>\n</header>\n");
}

/* The scenario with the lowest NPV, when it loses money. */
static const rpt_scenario *worst_scenario(const rpt *R)
{
    const rpt_scenario *w = NULL;
    for (size_t i = 0; i < R->nscenarios && !R->implicit_base; i++) {
        const rpt_num *n = rpt_metric(&R->scenarios[i].metrics, AIROI_METRIC_NPV);
        if (n->ok && n->v < 0 &&
            (!w || n->v < rpt_metric(&w->metrics, AIROI_METRIC_NPV)->v))
            w = &R->scenarios[i];
    }
    return w;
}

/* The summary's sentence on the uncertainty: the staged plan's expected
 * NPV and the simulation's P(NPV > 0), when the page has them. */
static void summary_uncertainty(airoi__buf *b, const rpt *R, const airoi_simulation *sim,
                                const airoi_staging *sg)
{
    double pp, enpv, pos, trials;
    char t[96], u[96];
    if (sg && airoi__staging_get(&pp, sg, AIROI_STAGING_PROB_PRODUCTION) == AIROI_OK &&
        airoi__staging_get(&enpv, sg, AIROI_STAGING_EXPECTED_NPV) == AIROI_OK) {
        airoi__fmt_percent(t, sizeof t, pp);
        airoi__fmt_money(u, sizeof u, R, enpv);
        airoi__buf_puts(b, " Committed in stages, it reaches production with probability ");
        airoi__html_data(b, "stages:stages.prob_production", pp, t);
        airoi__buf_puts(b, "; its expected NPV, with the option to stop at each gate, is ");
        airoi__html_data(b, "stages:stages.expected_npv", enpv, u);
        airoi__buf_puts(b, " (part 5).");
    }
    if (sim && airoi__simulation_get_stat(&pos, sim, AIROI_SIM_NPV, AIROI_STAT_PROB_POSITIVE) == AIROI_OK &&
        airoi__simulation_get_number(&trials, sim, AIROI_SIM_TRIALS) == AIROI_OK) {
        airoi__fmt_grouped(t, sizeof t, trials, 0);
        airoi__fmt_percent(u, sizeof u, pos);
        airoi__buf_puts(b, " Over ");
        airoi__html_data(b, "simulate:simulation.trials", trials, t);
        airoi__buf_puts(b, sg ? " simulated futures, the gates included, the NPV is positive in "
                              : " simulated futures the NPV is positive in ");
        airoi__html_data(b, "simulate:simulation.prob_npv_positive", pos, u);
        airoi__buf_puts(b, " of them (part 4).");
    }
}

static void summary(airoi__buf *b, const rpt *R, const airoi__settings *st,
                    const airoi_simulation *sim, const airoi_staging *sg)
{
    char tco[96], npv[96], rate[64], pb[96], line[1024], roi[64], note[160], hid[64];
    const rpt_num *n_npv = metric(R, AIROI_METRIC_NPV);
    const rpt_num *n_tco = metric(R, AIROI_METRIC_TCO_TOTAL);
    const rpt_num *n_pb = metric(R, AIROI_METRIC_PAYBACK_PERIODS);
    const rpt_num *n_roi = metric(R, AIROI_METRIC_ROI_RISK_ADJUSTED);
    const rpt_num *n_hid = metric(R, AIROI_METRIC_TCO_HIDDEN_SHARE);
    const rpt_num *n_enpv = metric(R, AIROI_METRIC_EXPECTED_NPV);
    money(tco, sizeof tco, R, n_tco);
    money(npv, sizeof npv, R, n_npv);
    airoi__fmt_percent(rate, sizeof rate, R->discount_rate);
    airoi__fmt_payback_short(pb, sizeof pb, R, n_pb);
    percent(hid, sizeof hid, n_hid);

    section_open(b, "summary", "Executive summary", 0);
    airoi__buf_puts(b, "<p><strong>Decision asked:</strong> approve ");
    esc(b, R->name);
    airoi__buf_puts(b, ", a total cost of ownership of ");
    if (n_tco->ok)
        airoi__html_data(b, "tco_total", n_tco->v, tco);
    else
        esc(b, tco);
    char h[128];
    airoi__fmt_horizon(h, sizeof h, R);
    airoi__buf_puts(b, " over ");
    esc(b, h);
    airoi__buf_puts(b, ", hidden costs included (");
    esc(b, hid);
    airoi__buf_puts(b, " of it)");
    if (st->n_stages) {
        /* a staged plan asks for its first stage, and for the gates */
        char c0[96];
        airoi__fmt_money(c0, sizeof c0, R, st->stages[0].cost);
        airoi__buf_puts(b, ", as a staged investment: release the first stage, &ldquo;");
        esc(b, st->stages[0].name);
        airoi__buf_puts(b, "&rdquo; (");
        esc(b, c0);
        airoi__buf_puts(b, "), now, and each further stage only when its go/no-go gate is passed");
    }
    airoi__buf_puts(b, ".</p>\n");

    if (n_npv->ok && n_npv->v > 0)
        snprintf(line, sizeof line, "At a %s discount rate the plan creates %s of value in today's "
                 "money (NPV) and %s.", rate, npv,
                 n_pb->ok ? "pays back within the horizon" : "does not pay back within the horizon");
    else if (n_npv->ok)
        snprintf(line, sizeof line, "At a %s discount rate the plan does not earn its cost of "
                 "capital: its NPV is %s, and it %s.", rate, npv,
                 n_pb->ok ? "pays back only late in the horizon" : "does not pay back within the horizon");
    else
        snprintf(line, sizeof line, "The plan's NPV is not defined for this model.");
    airoi__buf_puts(b, "<p><strong>Bottom line:</strong> ");
    esc(b, line);
    if (!R->implicit_base && R->nscenarios > 1 && n_enpv->ok) {
        char e[96];
        airoi__fmt_money(e, sizeof e, R, n_enpv->v);
        airoi__buf_puts(b, " Weighted by the probabilities of its scenarios the NPV is ");
        airoi__html_data(b, "expected_npv", n_enpv->v, e);
        airoi__buf_puts(b, ".");
        const rpt_scenario *w = worst_scenario(R);
        if (w) {
            char wn[96], wp[32];
            const rpt_num *wv = rpt_metric(&w->metrics, AIROI_METRIC_NPV);
            airoi__fmt_money(wn, sizeof wn, R, -wv->v);
            airoi__fmt_percent(wp, sizeof wp, w->probability);
            airoi__buf_puts(b, " In the scenario &ldquo;");
            esc(b, w->name);
            airoi__buf_puts(b, "&rdquo; (probability ");
            esc(b, wp);
            airoi__buf_puts(b, ") it loses ");
            esc(b, wn);
            airoi__buf_puts(b, " in today's money.");
        }
    }
    summary_uncertainty(b, R, sim, sg);
    airoi__buf_puts(b, "</p>\n<div class=\"tiles\">\n");
    tile(b, "Net present value", "npv", n_npv, npv, "today's value of every cash flow",
         !n_npv->ok || n_npv->v <= 0);
    percent(roi, sizeof roi, n_roi);
    tile(b, "Risk-adjusted ROI", "roi_risk_adjusted", n_roi, roi,
         R->implicit_base ? "over the horizon, one scenario" : "probability-weighted over the scenarios",
         !n_roi->ok || n_roi->v <= 0);
    if (n_pb->ok) {
        char y[64];
        airoi__fmt_grouped(y, sizeof y, n_pb->v / R->periods_per_year, 2);
        snprintf(note, sizeof note, "%s years: cumulative cash turns positive", y);
    } else
        snprintf(note, sizeof note, "cumulative cash stays negative");
    tile(b, "Payback", "payback_periods", n_pb, pb, R->period == AIROI_PERIOD_YEAR ? "cumulative cash turns positive" : note, !n_pb->ok);
    airoi__buf_puts(b, "</div>\n</section>\n");
}

static void problem(airoi__buf *b, const rpt *R, const airoi__narrative *N)
{
    rpt_table t;
    char v[96], a[96], in[96], cap[160];
    section_open(b, "problem", "1. The problem", 0);
    if (N && N->problem)
        para(b, "narrative", N->problem);
    else
        para(b, "missing", "The model states no problem (narrative.problem).");
    const rpt_num *tb = metric(R, AIROI_METRIC_TOTAL_BENEFITS);
    const rpt_num *ab = metric(R, AIROI_METRIC_ANNUAL_BENEFITS);
    money(v, sizeof v, R, tb);
    money(a, sizeof a, R, ab);
    airoi__buf_puts(b, "<p><strong>In money:</strong> left as it is, the problem forgoes ");
    if (tb->ok)
        airoi__html_data(b, "total_benefits", tb->v, v);
    else
        esc(b, v);
    airoi__buf_puts(b, " of value over the horizon, about ");
    if (ab->ok)
        airoi__html_data(b, "annual_benefits", ab->v, a);
    else
        esc(b, a);
    airoi__buf_puts(b, " a year: the value this plan expects to capture, by dimension.</p>\n");
    airoi__fmt_amounts_in(in, sizeof in, R);
    snprintf(cap, sizeof cap, "Value at stake by dimension%s%s%s", *in ? " (" : "", in, *in ? ")" : "");
    if (airoi__tbl_value(&t, R))
        airoi__html_table(b, &t, cap, "keep");
    airoi__buf_puts(b, "</section>\n");
}

static void solution(airoi__buf *b, const rpt *R, const airoi__narrative *N)
{
    char tco[96], d[96], h[96], fy[96];
    section_open(b, "solution", "2. The solution", 0);
    if (N && N->solution)
        para(b, "narrative", N->solution);
    else
        para(b, "missing", "The model describes no solution (narrative.solution).");
    const rpt_num *t = metric(R, AIROI_METRIC_TCO_TOTAL), *dn = metric(R, AIROI_METRIC_TCO_DIRECT),
                  *hn = metric(R, AIROI_METRIC_TCO_HIDDEN),
                  *fc = metric(R, AIROI_METRIC_FIRST_YEAR_COSTS);
    money(tco, sizeof tco, R, t);
    money(d, sizeof d, R, dn);
    money(h, sizeof h, R, hn);
    money(fy, sizeof fy, R, fc);
    airoi__buf_puts(b, "<p><strong>What it takes:</strong> a total cost of ownership of ");
    if (t->ok)
        airoi__html_data(b, "tco_total", t->v, tco);
    airoi__buf_puts(b, ": ");
    if (dn->ok)
        airoi__html_data(b, "tco_direct", dn->v, d);
    airoi__buf_puts(b, " of direct costs (people, infrastructure, software, data) and ");
    if (hn->ok)
        airoi__html_data(b, "tco_hidden", hn->v, h);
    airoi__buf_puts(b, " of hidden costs (data governance, integration, change management, "
                       "maintenance, opportunity). The first year costs ");
    if (fc->ok)
        airoi__html_data(b, "first_year_costs", fc->v, fy);
    airoi__buf_puts(b, ".</p>\n");
    airoi__buf_puts(b, "</section>\n");
}

/* The label of period t on the J-curve's axis: every period when there
 * are few, else the ends of years (monthly, quarterly) or every k-th. */
static void period_label(char *buf, size_t cap, const rpt *R, size_t t, size_t n)
{
    size_t every = 1;
    if (n > 16)
        every = R->periods_per_year > 1 ? (size_t)R->periods_per_year : (n + 11) / 12;
    if (n > 16 && every > 1 && n / every > 12)
        every *= (n / every + 11) / 12;
    if (t % every == 0)
        snprintf(buf, cap, "%zu", t);
    else
        buf[0] = '\0';
}

static void jcurve(airoi__buf *b, const rpt *R)
{
    size_t n = R->nperiods;
    if (n == 0)
        return;
    svg_bar *bars = airoi__calloc(n, sizeof *bars);
    char (*labels)[24] = airoi__calloc(n, sizeof *labels);
    if (!bars || !labels) {
        airoi__free(bars);
        airoi__free(labels);
        b->failed = 1;
        return;
    }
    double maxabs = 0;
    const double *net = R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)];
    const double *cum = R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_CUMULATIVE)];
    for (size_t t = 0; t < n; t++) {
        period_label(labels[t], sizeof labels[t], R, t, n);
        bars[t].label = labels[t];
        bars[t].value = net[t];
        maxabs = fmax(maxabs, fmax(fabs(net[t]), fabs(cum[t])));
    }
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, maxabs);
    const rpt_num *pb = metric(R, AIROI_METRIC_PAYBACK_PERIODS);
    char pbt[128], pbs[96], xt[64], title[160];
    airoi__fmt_payback_short(pbs, sizeof pbs, R, pb);
    snprintf(pbt, sizeof pbt, "Payback: %s", pbs);
    snprintf(xt, sizeof xt, "Period (%s; 0 is the start)", R->period_name);
    snprintf(title, sizeof title, "Cumulative cash flow (J-curve), payback %s", pbs);
    airoi__html_figure_open(b, "Cumulative cash flow: the J-curve");
    airoi__svg_jcurve(b, "jcurve", title, &sc, xt, bars, cum, n, pb->ok ? pb->v : -1, pbt);
    airoi__buf_puts(b, "<p class=\"note\">Bars: the net cash flow of each period (hatched when "
                       "negative). Line: the cumulative cash flow; the dashed line marks the "
                       "payback point, where it turns positive.</p>\n");
    /* the same numbers, for screen readers */
    airoi__html_series_table(b, R, "Net and cumulative cash flow by period", "Net", net, "Cumulative",
                             cum, n);
    airoi__buf_puts(b, "</figure>\n");
    airoi__free(bars);
    airoi__free(labels);
}

static void scenarios_chart(airoi__buf *b, const rpt *R)
{
    size_t n = R->nscenarios;
    if (n == 0 || R->implicit_base)
        return;
    svg_bar *bars = airoi__calloc(n, sizeof *bars);
    char (*labels)[160] = airoi__calloc(n, sizeof *labels);
    if (!bars || !labels) {
        airoi__free(bars);
        airoi__free(labels);
        b->failed = 1;
        return;
    }
    double maxabs = 0;
    for (size_t i = 0; i < n; i++) {
        char p[32];
        const rpt_num *v = rpt_metric(&R->scenarios[i].metrics, AIROI_METRIC_NPV);
        airoi__fmt_percent(p, sizeof p, R->scenarios[i].probability);
        snprintf(labels[i], sizeof labels[i], "%s (%s)", R->scenarios[i].name, p);
        bars[i].label = labels[i];
        bars[i].value = v->ok ? v->v : 0;
        maxabs = fmax(maxabs, fabs(bars[i].value));
    }
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, maxabs);
    airoi__html_figure_open(b, "Net present value by scenario");
    airoi__svg_vbars(b, "scenarios", "Net present value by scenario (probability in brackets)", &sc,
                     "Scenario (probability)", "Net present value", bars, n);
    airoi__buf_puts(b, "</figure>\n");
    airoi__free(bars);
    airoi__free(labels);
}

static void tco_chart(airoi__buf *b, const rpt *R)
{
    svg_bar bars[RPT_MAX_CATEGORIES];
    char labels[RPT_MAX_CATEGORIES][96];
    size_t n = 0;
    double maxabs = 0;
    /* direct categories first, then the hidden ones, each as the model has them */
    for (int pass = 0; pass < 2; pass++)
        for (size_t c = 0; c < R->ncategories; c++) {
            if (R->category_hidden[c] != pass || R->category_total[c] == 0)
                continue;
            snprintf(labels[n], sizeof labels[n], "%s", R->category_names[c]);
            for (char *u = labels[n]; *u; u++)
                if (*u == '_')
                    *u = ' ';
            bars[n].label = labels[n];
            bars[n].value = R->category_total[c];
            bars[n].alt = pass;
            maxabs = fmax(maxabs, fabs(bars[n].value));
            n++;
        }
    if (n == 0)
        return;
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, maxabs);
    airoi__html_figure_open(b, "Total cost of ownership by category: direct and hidden");
    airoi__svg_hbars(b, "tco", "Total cost of ownership by category, direct and hidden", &sc,
                     bars, n, "Direct cost", "Hidden cost", 1);
    airoi__buf_puts(b, "</figure>\n");
}

static void finance(airoi__buf *b, const rpt *R)
{
    rpt_table t;
    char in[96], cap[192];
    airoi__fmt_amounts_in(in, sizeof in, R);
    section_open(b, "finance", "3. Financial analysis", 1);
    airoi__buf_puts(b, "<p>Three ROI layers answer three questions: the <em>basic ROI</em> of "
                       "the first year, the <em>horizon ROI</em> over the whole plan, and the "
                       "<em>risk-adjusted ROI</em> weighted by the scenarios' probabilities. "
                       "NPV, IRR and MIRR account for the time value of money.</p>\n");
    if (airoi__tbl_metrics(&t, R))
        airoi__html_table(b, &t, "Key metrics", "keep");
    jcurve(b, R);
    snprintf(cap, sizeof cap, "Cash flow by year%s%s%s", *in ? " (" : "", in, *in ? ")" : "");
    if (airoi__tbl_years(&t, R))
        airoi__html_table(b, &t, cap, "keep");
    airoi__buf_puts(b, "<h3>Scenarios</h3>\n");
    scenarios_chart(b, R);
    snprintf(cap, sizeof cap, "Scenarios%s%s%s", *in ? " (" : "", in, *in ? ")" : "");
    if (R->implicit_base)
        para(b, "missing", "The model defines no scenarios: the base case alone.");
    if (airoi__tbl_scenarios(&t, R))
        airoi__html_table(b, &t, cap, "keep");
    airoi__buf_puts(b, "<h3>Total cost of ownership, hidden costs included</h3>\n");
    tco_chart(b, R);
    snprintf(cap, sizeof cap, "Total cost of ownership%s%s%s", *in ? " (" : "", in, *in ? ")" : "");
    if (airoi__tbl_tco(&t, R))
        airoi__html_table(b, &t, cap, "keep");
    if (R->has_benchmark && airoi__tbl_benchmark(&t, R)) {
        airoi__buf_puts(b, "<h3>Against the benchmark</h3>\n");
        airoi__html_table(b, &t, R->bench_label, "keep");
    }
    airoi__buf_puts(b, "</section>\n");
}

/* The Monte Carlo summary of the NPV: what the trials say, the histogram
 * and a table of the same numbers. */
static void montecarlo(airoi__buf *b, const rpt *R, const airoi_simulation *sim,
                       const airoi__settings *st)
{
    static const double pct[3] = {10, 50, 90};
    double marks[3], mean, pos, trials;
    for (int k = 0; k < 3; k++)
        if (airoi__simulation_get_percentile(&marks[k], sim, AIROI_SIM_NPV, pct[k]) != AIROI_OK)
            return;
    if (airoi__simulation_get_stat(&mean, sim, AIROI_SIM_NPV, AIROI_STAT_MEAN) != AIROI_OK ||
        airoi__simulation_get_stat(&pos, sim, AIROI_SIM_NPV, AIROI_STAT_PROB_POSITIVE) != AIROI_OK ||
        airoi__simulation_get_number(&trials, sim, AIROI_SIM_TRIALS) != AIROI_OK)
        return;
    size_t bins = 0;
    if (airoi__simulation_get_histogram(NULL, NULL, 0, &bins, sim, AIROI_SIM_NPV) != AIROI_OK ||
        bins == 0)
        return;
    double *edges = airoi__calloc(2 * bins + 1, sizeof *edges);
    int64_t *counts = airoi__calloc(bins, sizeof *counts);
    if (!edges || !counts ||
        airoi__simulation_get_histogram(edges, counts, bins, NULL, sim, AIROI_SIM_NPV) != AIROI_OK) {
        b->failed |= !edges || !counts;
        airoi__free(edges);
        airoi__free(counts);
        return;
    }
    double *shares = edges + bins + 1, total = 0;
    for (size_t i = 0; i < bins; i++)
        total += (double)counts[i];
    for (size_t i = 0; i < bins; i++)
        shares[i] = total > 0 ? (double)counts[i] / total : 0;

    char n[64], ps[32], text[1024], m[3][96], mn[96], label[96];
    airoi__fmt_grouped(n, sizeof n, trials, 0);
    airoi__fmt_percent(ps, sizeof ps, pos);
    for (int k = 0; k < 3; k++)
        airoi__fmt_money(m[k], sizeof m[k], R, marks[k]);
    airoi__fmt_money(mn, sizeof mn, R, mean);
    airoi__buf_puts(b, "<h3>Monte Carlo simulation of the NPV</h3>\n");
    snprintf(text, sizeof text, "The uncertain inputs of the model were drawn %s times. The NPV "
             "is positive in %s of the trials; one trial in ten ends below %s (P10), half below "
             "%s (P50), and one in ten above %s (P90).", n, ps, m[0], m[1], m[2]);
    para(b, NULL, text);
    if (st->n_stages)
        para(b, NULL, "Each trial also goes through the gates of the staged roadmap (part 5): a "
                      "trial that fails a gate stops there, and its NPV is the loss of the stages "
                      "already paid. The trials that stop at a gate form the tall bars on the "
                      "loss side of the chart.");
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, fmax(fabs(edges[0]), fabs(edges[bins])));
    snprintf(label, sizeof label, "NPV above 0: %s of trials", ps);
    airoi__html_figure_open(b, "Distribution of the NPV over the trials");
    airoi__svg_histogram(b, "npvhist", "Distribution of the simulated NPV, P10, P50 and P90 marked",
                         &sc, edges, shares, bins, marks, label);
    airoi__buf_puts(b, "<table><caption>The simulated NPV</caption><thead><tr>"
                       "<th scope=\"col\">Figure</th><th scope=\"col\" class=\"num\">Value"
                       "</th></tr></thead><tbody>\n");
    const char *names[6] = {"Trials", "P(NPV > 0)", "Mean", "P10", "P50", "P90"};
    const char *vals[6] = {n, ps, mn, m[0], m[1], m[2]};
    const double exact[6] = {trials, pos, mean, marks[0], marks[1], marks[2]};
    static const char *const keys[6] = {
        "simulate:simulation.trials", "simulate:simulation.prob_npv_positive",
        "simulate:simulation.outputs.npv.mean", "simulate:simulation.outputs.npv.percentiles.10",
        "simulate:simulation.outputs.npv.percentiles.50",
        "simulate:simulation.outputs.npv.percentiles.90"};
    for (int k = 0; k < 6; k++) {
        airoi__buf_puts(b, "<tr><th scope=\"row\">");
        esc(b, names[k]);
        airoi__buf_puts(b, "</th><td class=\"num\">");
        airoi__html_data(b, keys[k], exact[k], vals[k]);
        airoi__buf_puts(b, "</td></tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n</figure>\n");
    airoi__free(edges);
    airoi__free(counts);
}

/* A figure of another command's JSON document in a table cell: the exact
 * value under "command:path" (docs/reports.md), the money shown rounded. */
static void cell_money(airoi__buf *b, const rpt *R, const char *key, double v)
{
    char m[96];
    airoi__fmt_money(m, sizeof m, R, v);
    airoi__buf_puts(b, "<td class=\"num\">");
    airoi__html_data(b, key, v, m);
    airoi__buf_puts(b, "</td>");
}

static void cell_percent(airoi__buf *b, const char *key, double v)
{
    char m[64];
    airoi__fmt_percent(m, sizeof m, v);
    airoi__buf_puts(b, "<td class=\"num\">");
    airoi__html_data(b, key, v, m);
    airoi__buf_puts(b, "</td>");
}

/* The tornado: each uncertain input alone at its P10 and P90, the others
 * at the base case; chart and table, widest swing first (as computed). */
static void tornado_part(airoi__buf *b, const rpt *R, const airoi_tornado *t)
{
    size_t n = airoi__tornado_count(t);
    double base;
    if (n == 0 || airoi__tornado_get_base_npv(&base, t) != AIROI_OK)
        return;
    const char **names = airoi__calloc(n, sizeof *names);
    double *low = airoi__calloc(2 * n, sizeof *low), *high = low ? low + n : NULL;
    if (!names || !low) {
        airoi__free(names);
        airoi__free(low);
        b->failed = 1;
        return;
    }
    double maxabs = fabs(base), swing;
    for (size_t i = 0; i < n; i++) {
        if (airoi__tornado_get(&names[i], &low[i], &high[i], &swing, t, i) != AIROI_OK) {
            airoi__free(names);
            airoi__free(low);
            return;
        }
        maxabs = fmax(maxabs, fmax(fabs(low[i]), fabs(high[i])));
    }
    char bn[96], key[64];
    airoi__fmt_money(bn, sizeof bn, R, base);
    airoi__buf_puts(b, "<h3>What moves the NPV most: the tornado</h3>\n<p>Each uncertain input is "
                       "set alone to its 10th and then its 90th percentile, every other input at "
                       "its base value; the bars show the NPV at each end around the base case's "
                       "NPV of ");
    airoi__html_data(b, "tornado:base_npv", base, bn);
    airoi__buf_puts(b, ". The widest bar, ");
    esc(b, names[0]);
    airoi__buf_puts(b, ", is the input whose estimate most deserves attention before the money "
                       "is committed.</p>\n");
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, maxabs);
    airoi__html_figure_open(b, "Tornado: the NPV with each uncertain input at its P10 and P90");
    airoi__svg_tornado(b, "tornado", "Tornado of the NPV: each input alone at its 10th and 90th "
                       "percentile", &sc, names, low, high, n, base);
    airoi__buf_puts(b, "<table><caption>The NPV with each input at its P10 and P90</caption>"
                       "<thead><tr><th scope=\"col\">Input</th>"
                       "<th scope=\"col\" class=\"num\">NPV, input at P10</th>"
                       "<th scope=\"col\" class=\"num\">NPV, input at P90</th>"
                       "<th scope=\"col\" class=\"num\">Swing</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < n; i++) {
        airoi__tornado_get(NULL, NULL, NULL, &swing, t, i);
        airoi__buf_puts(b, "<tr><th scope=\"row\">");
        esc(b, names[i]);
        airoi__buf_puts(b, "</th>");
        snprintf(key, sizeof key, "tornado:tornado.%zu.low_npv", i);
        cell_money(b, R, key, low[i]);
        snprintf(key, sizeof key, "tornado:tornado.%zu.high_npv", i);
        cell_money(b, R, key, high[i]);
        snprintf(key, sizeof key, "tornado:tornado.%zu.swing", i);
        cell_money(b, R, key, swing);
        airoi__buf_puts(b, "</tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n</figure>\n");
    airoi__free(names);
    airoi__free(low);
}

static void risks(airoi__buf *b, const rpt *R, const airoi__narrative *N,
                  const airoi_simulation *sim, const airoi_tornado *tornado,
                  const airoi__settings *st)
{
    section_open(b, "risks", "4. Risks and mitigations", 1);
    if (N && N->n_risks) {
        airoi__buf_puts(b, "<table class=\"keep\"><caption>Risks named in the plan</caption>"
                           "<thead><tr><th scope=\"col\">Risk</th><th scope=\"col\">Mitigation"
                           "</th><th scope=\"col\">Owner</th></tr></thead><tbody>\n");
        for (size_t i = 0; i < N->n_risks; i++) {
            const airoi__risk *r = &N->risks[i];
            airoi__buf_puts(b, "<tr><th scope=\"row\">");
            esc(b, r->risk);
            airoi__buf_puts(b, "</th><td>");
            esc(b, r->mitigation ? r->mitigation : "none stated");
            airoi__buf_puts(b, "</td><td>");
            esc(b, r->owner ? r->owner : "unassigned");
            airoi__buf_puts(b, "</td></tr>\n");
        }
        airoi__buf_puts(b, "</tbody></table>\n");
    } else {
        para(b, "missing", "The model names no risks (narrative.risks).");
    }
    airoi__buf_puts(b, "<h3>Audit of the plan</h3>\n");
    if (R->nfindings == 0) {
        para(b, NULL, R->scenario ? "Findings are computed for the base case only."
                                  : "None: the plan passes every check of the TCO audit.");
    } else {
        airoi__buf_puts(b, "<table><caption>Audit findings: what the plan may understate</caption>"
                           "<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Finding"
                           "</th><th scope=\"col\" class=\"num\">Plan</th><th scope=\"col\" "
                           "class=\"num\">Reference</th></tr></thead><tbody>\n");
        for (size_t i = 0; i < R->nfindings; i++) {
            const rpt_finding *f = &R->findings[i];
            char a[64], r[64];
            airoi__fmt_finding_numbers(a, r, sizeof a, f);
            airoi__buf_puts(b, "<tr class=\"keep\"><th scope=\"row\" class=\"sev-");
            esc(b, f->severity);
            airoi__buf_puts(b, "\">");
            esc(b, f->severity);
            airoi__buf_puts(b, "</th><td>");
            esc(b, f->message);
            airoi__buf_puts(b, " <small>(");
            esc(b, f->code);
            airoi__buf_puts(b, ")</small></td><td class=\"num\">");
            esc(b, a);
            airoi__buf_puts(b, "</td><td class=\"num\">");
            esc(b, r);
            airoi__buf_puts(b, "</td></tr>\n");
        }
        airoi__buf_puts(b, "</tbody></table>\n");
    }
    if (sim)
        montecarlo(b, R, sim, st);
    if (tornado)
        tornado_part(b, R, tornado);
    airoi__buf_puts(b, "</section>\n");
}

/* Whether a stage's model gives its gate probability. */
static int stage_has_probability(const airoi__stage_def *s)
{
    return (s->set >> (AIROI_STAGE_SUCCESS_PROBABILITY - AIROI_STAGE_NAME)) & 1u;
}

/* The staging figures: the headline sentence, the comparison chart and the
 * table, exact values under the keys of `airoi stages --format json`. */
static void staging_figures(airoi__buf *b, const rpt *R, const airoi_staging *sg)
{
    static const struct {
        int fig;
        const char *key, *label;
        int money;
    } rows[] = {
        {AIROI_STAGING_PROB_PRODUCTION, "prob_production", "Probability of reaching production", 0},
        {AIROI_STAGING_EXPECTED_COST, "expected_cost", "Expected cost (stages and plan)", 1},
        {AIROI_STAGING_NPV_ALL_IN, "npv_all_in", "NPV with everything committed up front", 1},
        {AIROI_STAGING_EXPECTED_NPV, "expected_npv", "Expected NPV, staged (option to stop)", 1},
        {AIROI_STAGING_VALUE_OF_STAGING, "value_of_staging", "Value of staging", 1},
    };
    double v[5];
    for (int k = 0; k < 5; k++)
        if (airoi__staging_get(&v[k], sg, rows[k].fig) != AIROI_OK)
            return;
    const rpt_num *npv = metric(R, AIROI_METRIC_NPV);
    char m[5][96], key[64];
    for (int k = 0; k < 5; k++) {
        if (rows[k].money)
            airoi__fmt_money(m[k], sizeof m[k], R, v[k]);
        else
            airoi__fmt_percent(m[k], sizeof m[k], v[k]);
    }
    airoi__buf_puts(b, "<h3>Expected value of the staged plan</h3>\n<p>Committed in stages, the "
                       "plan reaches production with probability ");
    airoi__html_data(b, "stages:stages.prob_production", v[0], m[0]);
    airoi__buf_puts(b, ". Its expected NPV, counting that a failed gate stops the spending, is ");
    airoi__html_data(b, "stages:stages.expected_npv", v[3], m[3]);
    airoi__buf_puts(b, "; committing everything up front instead would be worth ");
    airoi__html_data(b, "stages:stages.npv_all_in", v[2], m[2]);
    airoi__buf_puts(b, ". The difference, ");
    airoi__html_data(b, "stages:stages.value_of_staging", v[4], m[4]);
    airoi__buf_puts(b, ", is the <strong>value of staging</strong>: what the option to stop at a "
                       "gate is worth.");
    if (v[3] <= 0)
        airoi__buf_puts(b, " The expected NPV is not positive: the gates carry more risk than "
                           "the plan's value covers, so raise the evidence at each gate (or its "
                           "probability) before committing beyond the first stage.");
    airoi__buf_puts(b, "</p>\n");

    svg_bar bars[3] = {
        {"Plan alone (NPV)", npv->ok ? npv->v : 0, 0},
        {"All in up front", v[2], 0},
        {"Staged, expected", v[3], 0},
    };
    double maxabs = 0;
    for (int k = 0; k < 3; k++)
        maxabs = fmax(maxabs, fabs(bars[k].value));
    svg_scale sc;
    airoi__svg_scale(&sc, R->currency, R->unit, maxabs);
    airoi__html_figure_open(b, "Value of staging: the NPV committed up front and staged");
    airoi__svg_vbars(b, "staging", "The plan's NPV, the NPV with everything committed up front, "
                     "and the expected NPV of the staged plan", &sc, "How the money is committed",
                     "Net present value", bars, 3);
    airoi__buf_puts(b, "<table><caption>Staging figures</caption><thead><tr><th scope=\"col\">"
                       "Figure</th><th scope=\"col\" class=\"num\">Value</th></tr></thead><tbody>\n");
    if (npv->ok) {
        char pn[96];
        airoi__fmt_money(pn, sizeof pn, R, npv->v);
        airoi__buf_puts(b, "<tr><th scope=\"row\">NPV of the plan alone (no stages)</th>"
                           "<td class=\"num\">");
        airoi__html_data(b, "npv", npv->v, pn);
        airoi__buf_puts(b, "</td></tr>\n");
    }
    for (int k = 0; k < 5; k++) {
        airoi__buf_puts(b, k == 4 ? "<tr class=\"total\"><th scope=\"row\">" : "<tr><th scope=\"row\">");
        esc(b, rows[k].label);
        airoi__buf_puts(b, "</th>");
        snprintf(key, sizeof key, "stages:stages.%s", rows[k].key);
        if (rows[k].money)
            cell_money(b, R, key, v[k]);
        else
            cell_percent(b, key, v[k]);
        airoi__buf_puts(b, "</tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n</figure>\n");
}

/* The roadmap chart: one bar per stage, then the plan itself. */
static void roadmap_chart(airoi__buf *b, const rpt *R, const airoi__settings *st,
                          const airoi_staging *sg)
{
    size_t n = st->n_stages;
    svg_stage *rows = airoi__calloc(n + 1, sizeof *rows);
    char (*notes)[128] = airoi__calloc(n + 1, sizeof *notes);
    char (*gates)[64] = airoi__calloc(n, sizeof *gates);
    if (!rows || !notes || !gates) {
        b->failed = 1;
        goto done;
    }
    double start = 0;
    for (size_t i = 0; i < n; i++) {
        const airoi__stage_def *s = &st->stages[i];
        double p = s->probability;
        int known = stage_has_probability(s);
        if (sg && airoi__staging_get_stage(NULL, &p, NULL, NULL, NULL, sg, i) == AIROI_OK)
            known = 1;
        char c[96], pp[32];
        airoi__fmt_money(c, sizeof c, R, s->cost);
        snprintf(notes[i], sizeof notes[i], "%s", c);
        if (known) {
            airoi__fmt_percent(pp, sizeof pp, p);
            snprintf(gates[i], sizeof gates[i], "gate passed: %s", pp);
        } else {
            snprintf(gates[i], sizeof gates[i], "gate: field prior");
        }
        rows[i] = (svg_stage){s->name, notes[i], gates[i], start, (double)s->periods};
        start += s->periods;
    }
    double plan = (double)(R->nperiods ? R->nperiods - 1 : 0);
    snprintf(notes[n], sizeof notes[n], "Production: the plan's %.0f %ss", plan, R->period_name);
    rows[n] = (svg_stage){"Plan", notes[n], NULL, start, plan};
    char xt[96];
    snprintf(xt, sizeof xt, "Period (%s; 0 is the start of the first stage)", R->period_name);
    airoi__html_figure_open(b, "Roadmap: the stages, their gates and the plan");
    airoi__svg_roadmap(b, "roadmap", "Roadmap of the stages with their costs and go/no-go gates",
                       xt, rows, n + 1, start + plan);
    airoi__buf_puts(b, "</figure>\n");
done:
    airoi__free(rows);
    airoi__free(notes);
    airoi__free(gates);
}

static void roadmap(airoi__buf *b, const rpt *R, const airoi__settings *st,
                    const airoi_staging *sg)
{
    if (st->n_stages == 0)
        return;
    char in[96], cap[192];
    section_open(b, "roadmap", "5. Staged roadmap", 1);
    airoi__buf_puts(b, "<p>The investment is released stage by stage: each stage costs its "
                       "amount when it starts and ends at a go/no-go gate; the next stage "
                       "starts only when the gate is passed, so a failed gate stops the "
                       "spending. The project's own schedule starts after the last stage.</p>\n");
    roadmap_chart(b, R, st, sg);
    airoi__fmt_amounts_in(in, sizeof in, R);
    snprintf(cap, sizeof cap, "Stages and their gates%s%s%s", *in ? " (" : "", in, *in ? ")" : "");
    airoi__buf_puts(b, "<table class=\"keep\"><caption>");
    esc(b, cap);
    airoi__buf_puts(b, "</caption><thead><tr><th scope=\"col\">Stage</th>"
                       "<th scope=\"col\" class=\"num\">Starts (period)</th>"
                       "<th scope=\"col\" class=\"num\">Duration</th>"
                       "<th scope=\"col\" class=\"num\">Cost</th>"
                       "<th scope=\"col\" class=\"num\">Gate passed with probability</th>"
                       "<th scope=\"col\" class=\"num\">Probability of reaching the stage</th>"
                       "<th scope=\"col\" class=\"num\">Expected cost</th>"
                       "</tr></thead><tbody>\n");
    double reach = 1, start = 0;
    int known = 1;
    for (size_t i = 0; i < st->n_stages; i++) {
        const airoi__stage_def *s = &st->stages[i];
        char a[96], p[64], q[64], d[64], key[64];
        double gp = s->probability;
        int has_p = stage_has_probability(s), from_prior = 0;
        if (sg && airoi__staging_get_stage(NULL, &gp, &from_prior, &reach, NULL, sg, i) == AIROI_OK)
            has_p = known = 1;
        airoi__fmt_grouped(a, sizeof a, s->cost, R->money_decimals);
        snprintf(d, sizeof d, "%d %s%s", (int)s->periods, R->period_name, s->periods == 1 ? "" : "s");
        if (has_p)
            airoi__fmt_percent(p, sizeof p, gp);
        else
            snprintf(p, sizeof p, "not given");
        if (known)
            airoi__fmt_percent(q, sizeof q, reach);
        else
            snprintf(q, sizeof q, "n/a");
        airoi__buf_puts(b, "<tr><th scope=\"row\">");
        esc(b, s->name);
        airoi__buf_printf(b, "</th><td class=\"num\">%.0f</td><td class=\"num\">", start);
        esc(b, d);
        airoi__buf_puts(b, "</td><td class=\"num\">");
        esc(b, a);
        airoi__buf_puts(b, "</td><td class=\"num\">");
        snprintf(key, sizeof key, "stages:stages.gates.%zu.probability", i);
        if (sg)
            airoi__html_data(b, key, gp, p);
        else
            esc(b, p);
        if (from_prior)
            airoi__buf_puts(b, " (field prior)");
        airoi__buf_puts(b, "</td><td class=\"num\">");
        snprintf(key, sizeof key, "stages:stages.gates.%zu.reach_probability", i);
        if (sg)
            airoi__html_data(b, key, reach, q);
        else
            esc(b, q);
        airoi__buf_puts(b, "</td><td class=\"num\">");
        if (known)
            airoi__fmt_grouped(a, sizeof a, reach * s->cost, R->money_decimals);
        else
            snprintf(a, sizeof a, "n/a");
        esc(b, a);
        airoi__buf_puts(b, "</td></tr>\n");
        if (!sg) {
            if (has_p)
                reach *= s->probability;
            else
                known = 0;
        }
        start += s->periods;
    }
    airoi__buf_puts(b, "</tbody></table>\n");
    para(b, "note", "The probability of reaching a stage is the product of the gate probabilities "
                    "before it; the expected cost of a stage is its cost times that probability.");
    if (sg)
        staging_figures(b, R, sg);
    else if (!known)
        para(b, "missing", "A gate has no probability in the model (neither success_probability "
                           "nor a field prior), so the staged plan has no expected value here.");
    airoi__buf_puts(b, "</section>\n");
}

void airoi__report_html(airoi__buf *b, const rpt *R, const airoi_result *r,
                        const airoi_simulation *sim, const airoi_tornado *tornado,
                        const airoi_staging *staging)
{
    const airoi__narrative *N = r->settings.narrative;
    airoi__html_page_open(b, R->name, "business case", css);
    cover(b, R, N);
    summary(b, R, &r->settings, sim, staging);
    problem(b, R, N);
    solution(b, R, N);
    finance(b, R);
    risks(b, R, N, sim, tornado, &r->settings);
    roadmap(b, R, &r->settings, staging);
    airoi__html_tracking(b, R);
    airoi__html_page_close(b, "Every figure is defined in the library's documentation "
                              "(docs/reports.md and docs/methodology.md).");
}
