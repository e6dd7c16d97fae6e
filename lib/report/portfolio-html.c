/*
 * lib/report/portfolio-html.c: the portfolio page, one self-contained HTML
 * file (docs/reports.md, "Portfolio page"): the chosen set's totals, a
 * bubble chart of NPV against investment (bubble area = profitability
 * index, the chosen set filled) next to the table of projects, the
 * efficient frontier next to its table, and with a simulation the
 * histogram of the portfolio NPV and each project's share of its variance.
 * Static inline SVG (svg.c), no script, no external request, print styles.
 * Every text from the files goes through airoi__xml_escape(); every figure
 * carries its exact value as <data value="..." data-key="PATH">, PATH the
 * place of the same number in the JSON report's `portfolio` object.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "portfolio-report-private.h"
#include "svg-private.h"

static const char css[] =
    ":root{--ink:#1f2328;--muted:#57606a;--rule:#d0d7de;--accent:#0072B2}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 -apple-system,'Segoe UI',"
    "Roboto,'Noto Sans',Arial,sans-serif}\n"
    "main{max-width:72rem;margin:0 auto;padding:2rem 1.5rem 4rem}\n"
    "header.cover{border-bottom:3px solid var(--ink);padding-bottom:.8rem;margin-bottom:1.2rem}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:var(--muted);"
    "margin:0}\n"
    "h1{font-size:1.9rem;line-height:1.2;margin:.3rem 0 .5rem}\n"
    "h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-top:.4rem;border-top:1px solid var(--rule)}\n"
    ".facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:0;padding:0;list-style:none;"
    "color:var(--muted);font-size:.9rem}\n"
    ".tiles{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}\n"
    ".tile{flex:1 1 11rem;border:1px solid var(--rule);border-left:5px solid var(--accent);"
    "padding:.6rem .9rem}\n"
    ".tile .label{display:block;font-size:.78rem;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.05em}\n"
    ".tile .figure{display:block;font-size:1.35rem;font-weight:700;white-space:nowrap;"
    "font-variant-numeric:tabular-nums}\n"
    ".pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem;"
    "align-items:start}\n"
    "@media (max-width:56rem){.pair{grid-template-columns:1fr}}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.85rem;"
    "font-variant-numeric:tabular-nums}\n"
    "caption{text-align:left;font-weight:600;padding:.2rem 0}\n"
    "th,td{padding:.25rem .45rem;border-bottom:1px solid var(--rule);text-align:left;"
    "vertical-align:top}\n"
    "thead th{border-bottom:2px solid var(--ink)}\n"
    "td.num,th.num{text-align:right;white-space:nowrap}\n"
    "tr.chosen th{font-weight:700}\n"
    "figure{margin:1rem 0}\n"
    "figcaption{font-weight:600;margin-bottom:.3rem}\n"
    ".note{font-size:.85rem;color:var(--muted)}\n"
    "svg.chart{display:block;width:100%;height:auto;font-family:inherit}\n"
    "footer{margin-top:3rem;font-size:.8rem;color:var(--muted);border-top:1px solid var(--rule);"
    "padding-top:.5rem}\n"
    "@page{margin:14mm 12mm 16mm}\n"
    "@media print{body{font-size:10pt}main{max-width:none;padding:0}.pair{grid-template-columns:1fr}"
    "figure,table,.tiles,tr{break-inside:avoid;page-break-inside:avoid}"
    "h2,figcaption,caption{break-after:avoid;page-break-after:avoid}}\n";

typedef struct page {
    airoi__buf *b;
    const airoi_portfolio_result *r;
    const airoi_portfolio_simulation *sim;
    const char *name, *currency;
    size_t n;
    svg_scale sc;
} page;

static void esc(airoi__buf *b, const char *s)
{
    airoi__xml_escape(b, s ? s : "");
}

static void money_text(char *buf, size_t cap, double v)
{
    airoi__fmt_grouped(buf, cap, v, 0);
}

/* A table cell with a figure: money (kind 'm'), percent ('p'), ratio ('r'),
 * or n/a when !ok. */
static void cell(airoi__buf *b, const char *key, int ok, double v, char kind)
{
    char t[64];
    airoi__buf_puts(b, "<td class=\"num\">");
    if (!ok) {
        airoi__buf_puts(b, "n/a</td>");
        return;
    }
    if (kind == 'p')
        airoi__fmt_percent(t, sizeof t, v);
    else if (kind == 'r')
        snprintf(t, sizeof t, "%.2f", v);
    else
        money_text(t, sizeof t, v);
    airoi__html_data(b, key, v, t);
    airoi__buf_puts(b, "</td>");
}

static void tile(airoi__buf *b, const char *label, const char *key, int ok, double v,
                 const char *currency, char kind)
{
    char t[64], shown[96];
    airoi__buf_puts(b, "<div class=\"tile\"><span class=\"label\">");
    esc(b, label);
    airoi__buf_puts(b, "</span><span class=\"figure\">");
    if (!ok) {
        airoi__buf_puts(b, "none</span></div>\n");
        return;
    }
    if (kind == 'p') {
        airoi__fmt_percent(shown, sizeof shown, v);
    } else {
        money_text(t, sizeof t, v);
        snprintf(shown, sizeof shown, "%s %s", currency, t);
    }
    airoi__html_data(b, key, v, shown);
    airoi__buf_puts(b, "</span></div>\n");
}

static void th_cols(airoi__buf *b, const char *const *cols, const int *num, size_t n)
{
    airoi__buf_puts(b, "<thead><tr>");
    for (size_t c = 0; c < n; c++) {
        airoi__buf_printf(b, "<th scope=\"col\"%s>", num[c] ? " class=\"num\"" : "");
        esc(b, cols[c]);
        airoi__buf_puts(b, "</th>");
    }
    airoi__buf_puts(b, "</tr></thead>\n<tbody>\n");
}

/* ---- the parts ------------------------------------------------------------------------- */

static void cover(page *P)
{
    airoi__buf *b = P->b;
    double budget = 0;
    int has_budget =
        airoi__portfolio_result_get_number(&budget, P->r, AIROI_PORTFOLIO_BUDGET) == AIROI_OK;
    airoi_portfolio_measure measure = AIROI_MEASURE_FIRST_YEAR_COSTS;
    airoi__portfolio_result_get_info(NULL, NULL, &measure, P->r);
    size_t chosen = 0;
    for (size_t i = 0; i < P->n; i++) {
        int s = 0;
        airoi__portfolio_result_get_selected(&s, P->r, i);
        chosen += s != 0;
    }
    airoi__buf_puts(b, "<header class=\"cover\">\n<p class=\"kicker\">Portfolio</p>\n<h1>");
    esc(b, P->name);
    airoi__buf_puts(b, "</h1>\n<ul class=\"facts\"><li>Totals in ");
    esc(b, P->currency);
    airoi__buf_printf(b, "</li><li>Investment measured as %s</li><li>%zu projects, %zu chosen</li>"
                         "</ul>\n</header>\n",
                      airoi__portfolio_measure_name(measure), P->n, chosen);
    airoi__buf_puts(b, "<section id=\"summary\" aria-label=\"Summary\">\n<div class=\"tiles\">\n");
    double v = 0;
    tile(b, "Budget", "budget", has_budget, budget, P->currency, 'm');
    int ok = airoi__portfolio_result_get_number(&v, P->r, AIROI_PORTFOLIO_TOTAL_NPV) == 0;
    tile(b, "NPV of the chosen set", "total_npv", ok, v, P->currency, 'm');
    ok = airoi__portfolio_result_get_number(&v, P->r, AIROI_PORTFOLIO_TOTAL_INVESTMENT) == 0;
    tile(b, "Its investment", "total_investment", ok, v, P->currency, 'm');
    ok = airoi__portfolio_result_get_number(&v, P->r, AIROI_PORTFOLIO_EXPECTED_NPV) == 0;
    tile(b, "Expected NPV (scenarios)", "expected_npv", ok, v, P->currency, 'm');
    if (P->sim) {
        ok = airoi__portfolio_simulation_get_stat(&v, P->sim, AIROI_STAT_PROB_POSITIVE) == 0;
        tile(b, "P(portfolio NPV > 0)", "simulation.prob_npv_positive", ok, v, P->currency, 'p');
    }
    airoi__buf_puts(b, "</div>\n</section>\n");
}

static double figure_of(const page *P, size_t i, airoi_portfolio_figure f, int *ok)
{
    double v = 0;
    *ok = airoi__portfolio_result_get_project_number(&v, P->r, i, f) == AIROI_OK;
    return v;
}

static void projects(page *P)
{
    airoi__buf *b = P->b;
    svg_bubble *pts = airoi__calloc(P->n ? P->n : 1, sizeof *pts);
    if (!pts) {
        b->failed = 1;
        return;
    }
    for (size_t i = 0; i < P->n; i++) {
        int ok, sel = 0;
        airoi__portfolio_result_get_selected(&sel, P->r, i);
        pts[i].label = airoi__portfolio_result_get_string(P->r, i, AIROI_PROJECT_NAME);
        pts[i].x = figure_of(P, i, AIROI_PORTFOLIO_INVESTMENT, &ok);
        pts[i].y = figure_of(P, i, AIROI_PORTFOLIO_NPV, &ok);
        pts[i].size = figure_of(P, i, AIROI_PORTFOLIO_PI, &ok);
        if (!ok)
            pts[i].size = 0;
        pts[i].alt = !sel;
    }
    airoi__buf_puts(b, "<section id=\"projects\" aria-labelledby=\"projects-h\">\n"
                       "<h2 id=\"projects-h\">Projects</h2>\n<div class=\"pair\">\n"
                       "<figure>\n<figcaption>NPV against investment</figcaption>\n");
    airoi__svg_bubbles(b, "pf-bubbles", "NPV against investment of each project", &P->sc,
                       "Investment", "NPV", pts, P->n, "chosen", "not chosen");
    airoi__buf_puts(b, "<p class=\"note\">Bubble area is proportional to the profitability "
                       "index (PV benefits / PV costs); the chosen set is filled.</p>\n"
                       "</figure>\n<table>\n<caption>Projects (money in ");
    esc(b, P->currency);
    airoi__buf_puts(b, ")</caption>\n");
    static const char *const cols[] = {"Project", "NPV", "Investment", "PI", "IRR", "Chosen"};
    static const int num[] = {0, 1, 1, 1, 1, 0};
    th_cols(b, cols, num, 6);
    static const struct {
        const char *key;
        airoi_portfolio_figure fig;
        char kind;
    } figs[] = {{"npv", AIROI_PORTFOLIO_NPV, 'm'},
                {"investment", AIROI_PORTFOLIO_INVESTMENT, 'm'},
                {"pi", AIROI_PORTFOLIO_PI, 'r'},
                {"irr", AIROI_PORTFOLIO_IRR, 'p'}};
    for (size_t i = 0; i < P->n; i++) {
        airoi__buf_printf(b, "<tr%s><th scope=\"row\">", pts[i].alt ? "" : " class=\"chosen\"");
        esc(b, pts[i].label);
        airoi__buf_puts(b, "</th>");
        for (size_t f = 0; f < sizeof figs / sizeof *figs; f++) {
            char key[64];
            int ok;
            double v = figure_of(P, i, figs[f].fig, &ok);
            snprintf(key, sizeof key, "projects[%zu].%s", i, figs[f].key);
            cell(b, key, ok, v, figs[f].kind);
        }
        airoi__buf_printf(b, "<td>%s</td></tr>\n", pts[i].alt ? "no" : "yes");
    }
    airoi__buf_puts(b, "</tbody></table>\n</div>\n</section>\n");
    airoi__free(pts);
}

static void frontier(page *P)
{
    airoi__buf *b = P->b;
    size_t nf = airoi__portfolio_result_count_frontier(P->r);
    if (!nf)
        return;
    double *x = airoi__calloc(nf, sizeof *x), *y = airoi__calloc(nf, sizeof *y);
    double *inv = airoi__calloc(nf, sizeof *inv);
    if (!x || !y || !inv) {
        b->failed = 1;
        airoi__free(x);
        airoi__free(y);
        airoi__free(inv);
        return;
    }
    for (size_t k = 0; k < nf; k++)
        airoi__portfolio_result_get_frontier(&x[k], &y[k], &inv[k], P->r, k);
    double budget = 0; /* not finite: no budget line */
    if (airoi__portfolio_result_get_number(&budget, P->r, AIROI_PORTFOLIO_BUDGET) != AIROI_OK)
        budget = -HUGE_VAL;
    airoi__buf_printf(b, "<section id=\"frontier\" aria-labelledby=\"frontier-h\">\n"
                         "<h2 id=\"frontier-h\">Efficient frontier</h2>\n<p>The greatest total "
                         "NPV at each of %zu budgets evenly spaced from the mandatory projects' "
                         "investment to that of every project, each the exact best set under "
                         "that budget.</p>\n<div class=\"pair\">\n<figure>\n<figcaption>Best NPV "
                         "at each budget</figcaption>\n",
                      nf);
    airoi__svg_steps(b, "pf-frontier", "Efficient frontier: best NPV at each budget", &P->sc,
                     "Budget", "Best NPV", x, y, nf, budget, "budget");
    airoi__buf_puts(b, "</figure>\n<table>\n<caption>Frontier (money in ");
    esc(b, P->currency);
    airoi__buf_puts(b, ")</caption>\n");
    static const char *const cols[] = {"Budget", "Best NPV", "Investment", "Projects"};
    static const int num[] = {1, 1, 1, 0};
    th_cols(b, cols, num, 4);
    for (size_t k = 0; k < nf; k++) {
        char key[64], t[48];
        money_text(t, sizeof t, x[k]);
        snprintf(key, sizeof key, "frontier[%zu].budget", k);
        airoi__buf_puts(b, "<tr><th scope=\"row\" class=\"num\">");
        airoi__html_data(b, key, x[k], t);
        airoi__buf_puts(b, "</th>");
        snprintf(key, sizeof key, "frontier[%zu].total_npv", k);
        cell(b, key, 1, y[k], 'm');
        snprintf(key, sizeof key, "frontier[%zu].total_investment", k);
        cell(b, key, 1, inv[k], 'm');
        airoi__buf_puts(b, "<td>");
        int same = k > 0;
        for (size_t i = 0; i < P->n && same; i++) {
            int a = 0, c = 0;
            airoi__portfolio_result_get_frontier_selected(&a, P->r, k, i);
            airoi__portfolio_result_get_frontier_selected(&c, P->r, k - 1, i);
            same = a == c;
        }
        if (same) {
            airoi__buf_puts(b, "the same</td></tr>\n");
            continue;
        }
        size_t c = 0;
        for (size_t i = 0; i < P->n; i++) {
            int in = 0;
            airoi__portfolio_result_get_frontier_selected(&in, P->r, k, i);
            if (!in)
                continue;
            airoi__buf_puts(b, c++ ? ", " : "");
            esc(b, airoi__portfolio_result_get_string(P->r, i, AIROI_PROJECT_NAME));
        }
        airoi__buf_puts(b, c ? "</td></tr>\n" : "none</td></tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n</div>\n</section>\n");
    airoi__free(x);
    airoi__free(y);
    airoi__free(inv);
}

static void stat_row(airoi__buf *b, const char *label, const char *key, int ok, double v,
                     char kind)
{
    airoi__buf_puts(b, "<tr><th scope=\"row\">");
    esc(b, label);
    airoi__buf_puts(b, "</th>");
    cell(b, key, ok, v, kind);
    airoi__buf_puts(b, "</tr>\n");
}

static void simulation(page *P)
{
    airoi__buf *b = P->b;
    const airoi_portfolio_simulation *s = P->sim;
    size_t bins = 0;
    airoi__portfolio_simulation_get_histogram(NULL, NULL, 0, &bins, s);
    double *edges = airoi__calloc(bins + 1, sizeof *edges), *counts = airoi__calloc(bins + 1,
                                                                                  sizeof *counts);
    int64_t *ic = airoi__calloc(bins + 1, sizeof *ic);
    if (!edges || !counts || !ic ||
        airoi__portfolio_simulation_get_histogram(edges, ic, bins, &bins, s) != AIROI_OK) {
        b->failed = 1;
        goto done;
    }
    for (size_t h = 0; h < bins; h++)
        counts[h] = (double)ic[h];
    int64_t trials = 0;
    uint64_t seed = 0;
    airoi__portfolio_simulation_get_info(NULL, &trials, &seed, s);
    double marks[3] = {0, 0, 0}, pos = 0;
    airoi__portfolio_simulation_get_percentile(&marks[0], s, 10);
    airoi__portfolio_simulation_get_percentile(&marks[1], s, 50);
    airoi__portfolio_simulation_get_percentile(&marks[2], s, 90);
    airoi__portfolio_simulation_get_stat(&pos, s, AIROI_STAT_PROB_POSITIVE);
    char above[96], t[48];
    airoi__fmt_percent(t, sizeof t, pos);
    snprintf(above, sizeof above, "NPV above 0 (%s of trials)", t);
    airoi__fmt_grouped(t, sizeof t, (double)trials, 0);
    airoi__buf_printf(b, "<section id=\"simulation\" aria-labelledby=\"simulation-h\">\n"
                         "<h2 id=\"simulation-h\">Monte Carlo of the chosen set</h2>\n<p>%s "
                         "trials, seed %llu. Every uncertainty of each chosen project is drawn "
                         "in each trial; a shared driver is drawn once per trial for every "
                         "project that names it. Drivers: ",
                      t, (unsigned long long)seed);
    size_t nd = airoi__portfolio_simulation_count_drivers(s);
    for (size_t d = 0; d < nd; d++) {
        const char *name = NULL;
        size_t users = 0;
        airoi__portfolio_simulation_get_driver(&name, &users, s, d);
        airoi__buf_puts(b, d ? "; " : "");
        esc(b, name);
        airoi__buf_printf(b, " (%zu project%s)", users, users == 1 ? "" : "s");
    }
    airoi__buf_puts(b, nd ? ".</p>\n" : "none.</p>\n");
    airoi__buf_puts(b, "<div class=\"pair\">\n<figure>\n<figcaption>Portfolio NPV over the "
                       "trials</figcaption>\n");
    airoi__svg_histogram(b, "pf-hist", "Distribution of the portfolio NPV", &P->sc, edges, counts,
                         bins, marks, above);
    airoi__buf_puts(b, "</figure>\n<table>\n<caption>Portfolio NPV (");
    esc(b, P->currency);
    airoi__buf_puts(b, ")</caption>\n");
    static const char *const cols[] = {"Statistic", "Value"};
    static const int num[] = {0, 1};
    th_cols(b, cols, num, 2);
    static const struct {
        const char *label, *key;
        airoi_sim_stat stat;
        char kind;
    } stats[] = {{"Mean", "simulation.npv.mean", AIROI_STAT_MEAN, 'm'},
                 {"Standard deviation", "simulation.npv.sd", AIROI_STAT_SD, 'm'},
                 {"Smallest", "simulation.npv.min", AIROI_STAT_MIN, 'm'},
                 {"Largest", "simulation.npv.max", AIROI_STAT_MAX, 'm'},
                 {"P(NPV > 0)", "simulation.prob_npv_positive", AIROI_STAT_PROB_POSITIVE, 'p'}};
    for (size_t k = 0; k < sizeof stats / sizeof *stats; k++) {
        double v = 0;
        int ok = airoi__portfolio_simulation_get_stat(&v, s, stats[k].stat) == AIROI_OK;
        stat_row(b, stats[k].label, stats[k].key, ok, v, stats[k].kind);
    }
    double at[AIROI__PFR_MAX_PCT];
    size_t np = airoi__pfr_percentiles(at, s);
    for (size_t p = 0; p < np; p++) {
        char label[40], key[80], k[32];
        double v = 0;
        airoi__format_double(k, sizeof k, at[p]);
        snprintf(label, sizeof label, "P%s", k);
        snprintf(key, sizeof key, "simulation.npv.percentiles.%s", k);
        airoi__portfolio_simulation_get_percentile(&v, s, at[p]);
        stat_row(b, label, key, 1, v, 'm');
    }
    airoi__buf_puts(b, "</tbody></table>\n</div>\n<table>\n<caption>Each project's NPV and its "
                       "share of the variance of the portfolio NPV, Cov(NPV_i, total) / "
                       "Var(total)</caption>\n");
    static const char *const pcols[] = {"Project", "Mean NPV", "Standard deviation",
                                        "Share of variance"};
    static const int pnum[] = {0, 1, 1, 1};
    th_cols(b, pcols, pnum, 4);
    for (size_t j = 0; j < airoi__portfolio_simulation_count_projects(s); j++) {
        airoi__buf_puts(b, "<tr><th scope=\"row\">");
        esc(b, airoi__portfolio_simulation_get_name(s, j));
        airoi__buf_puts(b, "</th>");
        static const struct {
            const char *key;
            airoi_portfolio_sim_figure fig;
            char kind;
        } f[] = {{"mean", AIROI_PFSIM_MEAN, 'm'},
                 {"sd", AIROI_PFSIM_SD, 'm'},
                 {"contribution", AIROI_PFSIM_CONTRIBUTION, 'p'}};
        for (size_t k = 0; k < 3; k++) {
            char key[64];
            double v = 0;
            int ok = airoi__portfolio_simulation_get_project_number(&v, s, j, f[k].fig) == 0;
            snprintf(key, sizeof key, "simulation.projects[%zu].%s", j, f[k].key);
            cell(b, key, ok, v, f[k].kind);
        }
        airoi__buf_puts(b, "</tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n</section>\n");
done:
    airoi__free(edges);
    airoi__free(counts);
    airoi__free(ic);
}

void airoi__portfolio_html(airoi__buf *b, const airoi_portfolio_result *r,
                           const airoi_portfolio_simulation *sim)
{
    page P;
    memset(&P, 0, sizeof P);
    P.b = b;
    P.r = r;
    P.sim = sim;
    P.n = airoi__portfolio_result_count_projects(r);
    airoi__portfolio_result_get_info(&P.name, &P.currency, NULL, r);
    double maxabs = 0, v;
    for (size_t i = 0; i < P.n; i++) {
        int ok;
        maxabs = fmax(maxabs, fabs(figure_of(&P, i, AIROI_PORTFOLIO_NPV, &ok)));
        maxabs = fmax(maxabs, fabs(figure_of(&P, i, AIROI_PORTFOLIO_INVESTMENT, &ok)));
    }
    for (size_t k = 0; k < airoi__portfolio_result_count_frontier(r); k++) {
        double x = 0, y = 0;
        airoi__portfolio_result_get_frontier(&x, &y, NULL, r, k);
        maxabs = fmax(maxabs, fmax(fabs(x), fabs(y)));
    }
    if (sim && airoi__portfolio_simulation_get_stat(&v, sim, AIROI_STAT_MAX) == AIROI_OK)
        maxabs = fmax(maxabs, fabs(v));
    if (sim && airoi__portfolio_simulation_get_stat(&v, sim, AIROI_STAT_MIN) == AIROI_OK)
        maxabs = fmax(maxabs, fabs(v));
    airoi__svg_scale(&P.sc, P.currency, 1, maxabs);
    airoi__html_page_open(b, P.name, "portfolio", css);
    cover(&P);
    projects(&P);
    frontier(&P);
    if (sim)
        simulation(&P);
    airoi__html_page_close(b, "The rules behind every figure are in the library's documentation "
                              "(docs/portfolio.md and docs/methodology.md).");
}
