/*
 * lib/report/portfolio-report.c: the report of a portfolio result (report
 * layer) in text, JSON, CSV and Markdown: the totals of the chosen set and
 * one row per project in file order with its figures in the portfolio
 * currency, its ranks and whether it is chosen (docs/portfolio.md); the
 * efficient frontier; the Monte Carlo summary when a simulation is given.
 * HTML is portfolio-html.c.
 */
#include <string.h>

#include "portfolio-report-private.h"
#include "airoi/version.h"

#define NCOLS 9

typedef struct prow {
    rpt_num fig[AIROI__PF_PROJECT_FIGURES];
    int32_t rank[4];
} prow;

static const airoi_portfolio_figure rank_by[4] = {AIROI_PORTFOLIO_NPV, AIROI_PORTFOLIO_IRR,
                                                  AIROI_PORTFOLIO_PI,
                                                  AIROI_PORTFOLIO_ROI_RISK_ADJUSTED};
static const char *const rank_keys[4] = {"rank_npv", "rank_irr", "rank_pi",
                                         "rank_roi_risk_adjusted"};

static void gather_row(prow *w, const airoi_portfolio_result *r, size_t i)
{
    for (int f = 0; f < AIROI__PF_PROJECT_FIGURES; f++)
        w->fig[f].ok = airoi__portfolio_result_get_project_number(
                           &w->fig[f].v, r, i,
                           (airoi_portfolio_figure)(AIROI_PORTFOLIO_NPV + f)) == AIROI_OK;
    for (int k = 0; k < 4; k++)
        airoi__portfolio_result_get_rank(&w->rank[k], r, i, rank_by[k]);
}

#define F(w, which) (&(w)->fig[(which) - AIROI_PORTFOLIO_NPV])

/* ---- JSON ------------------------------------------------------------------------------ */

static void jnum(airoi__buf *b, const rpt_num *n)
{
    char t[40];
    if (!n->ok) {
        airoi__buf_puts(b, "null");
        return;
    }
    airoi__format_double(t, sizeof t, n->v);
    airoi__buf_puts(b, t);
}

static void jkey(airoi__buf *b, const char *indent, const char *k)
{
    airoi__buf_printf(b, ",\n%s\"%s\": ", indent, k);
}

size_t airoi__pfr_percentiles(double *at, const airoi_portfolio_simulation *sim)
{
    static const double base[5] = {5, 10, 50, 90, 95};
    size_t n = 0;
    for (size_t i = 0; i < 5; i++)
        at[n++] = base[i];
    const double *extra = NULL;
    size_t ne = sim ? airoi__portfolio_simulation_count_percentiles(sim, &extra) : 0;
    for (size_t i = 0; i < ne && n < AIROI__PFR_MAX_PCT; i++) {
        int seen = 0;
        for (size_t k = 0; k < n; k++)
            seen |= at[k] == extra[i];
        if (!seen)
            at[n++] = extra[i];
    }
    return n;
}

/* The names of the projects of frontier point k, in file order. */
static void frontier_names_json(rpt_jw *w, const airoi_portfolio_result *r, size_t k)
{
    airoi__jw_open(w, "selected", '[');
    size_t n = airoi__portfolio_result_count_projects(r);
    for (size_t i = 0; i < n; i++) {
        int in = 0;
        airoi__portfolio_result_get_frontier_selected(&in, r, k, i);
        if (in)
            airoi__jw_str(w, NULL, airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_NAME));
    }
    airoi__jw_close(w, ']');
}

static void frontier_json(rpt_jw *w, const airoi_portfolio_result *r)
{
    airoi__jw_open(w, "frontier", '[');
    size_t nf = airoi__portfolio_result_count_frontier(r);
    for (size_t k = 0; k < nf; k++) {
        double bu = 0, tn = 0, ti = 0;
        airoi__portfolio_result_get_frontier(&bu, &tn, &ti, r, k);
        airoi__jw_open(w, NULL, '{');
        airoi__jw_num(w, "budget", bu);
        airoi__jw_num(w, "total_npv", tn);
        airoi__jw_num(w, "total_investment", ti);
        frontier_names_json(w, r, k);
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
}

static void stat_json(rpt_jw *w, const char *key, const airoi_portfolio_simulation *sim,
                      airoi_sim_stat stat)
{
    rpt_num x;
    x.ok = airoi__portfolio_simulation_get_stat(&x.v, sim, stat) == AIROI_OK;
    airoi__jw_opt(w, key, &x);
}

static void simulation_json(rpt_jw *w, const airoi_portfolio_simulation *sim)
{
    int64_t first = 0, count = 0;
    uint64_t seed = 0;
    airoi__portfolio_simulation_get_info(&first, &count, &seed, sim);
    airoi__jw_open(w, "simulation", '{');
    airoi__jw_num(w, "trials", (double)count);
    airoi__jw_num(w, "seed", (double)seed);
    airoi__jw_num(w, "first_trial", (double)first);
    airoi__jw_open(w, "drivers", '[');
    for (size_t d = 0; d < airoi__portfolio_simulation_count_drivers(sim); d++) {
        const char *name = NULL;
        size_t users = 0;
        airoi__portfolio_simulation_get_driver(&name, &users, sim, d);
        airoi__jw_open(w, NULL, '{');
        airoi__jw_str(w, "name", name);
        airoi__jw_num(w, "projects", (double)users);
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
    airoi__jw_open(w, "npv", '{');
    stat_json(w, "mean", sim, AIROI_STAT_MEAN);
    stat_json(w, "sd", sim, AIROI_STAT_SD);
    stat_json(w, "se", sim, AIROI_STAT_SE);
    stat_json(w, "min", sim, AIROI_STAT_MIN);
    stat_json(w, "max", sim, AIROI_STAT_MAX);
    double at[AIROI__PFR_MAX_PCT];
    size_t np = airoi__pfr_percentiles(at, sim);
    airoi__jw_open(w, "percentiles", '{');
    for (size_t p = 0; p < np; p++) {
        char k[32];
        double v = 0;
        airoi__format_double(k, sizeof k, at[p]);
        airoi__portfolio_simulation_get_percentile(&v, sim, at[p]);
        airoi__jw_num(w, k, v);
    }
    airoi__jw_close(w, '}');
    size_t bins = 0;
    airoi__portfolio_simulation_get_histogram(NULL, NULL, 0, &bins, sim);
    double *edges = airoi__calloc(bins + 1, sizeof *edges);
    int64_t *counts = airoi__calloc(bins ? bins : 1, sizeof *counts);
    if (!edges || !counts) {
        w->b->failed = 1;
    } else if (airoi__portfolio_simulation_get_histogram(edges, counts, bins, &bins, sim) == 0) {
        airoi__jw_open(w, "histogram", '{');
        airoi__jw_open(w, "edges", '[');
        for (size_t h = 0; h <= bins; h++)
            airoi__jw_num(w, NULL, edges[h]);
        airoi__jw_close(w, ']');
        airoi__jw_open(w, "counts", '[');
        for (size_t h = 0; h < bins; h++)
            airoi__jw_num(w, NULL, (double)counts[h]);
        airoi__jw_close(w, ']');
        airoi__jw_close(w, '}');
    }
    airoi__free(edges);
    airoi__free(counts);
    airoi__jw_close(w, '}');
    stat_json(w, "prob_npv_positive", sim, AIROI_STAT_PROB_POSITIVE);
    airoi__jw_open(w, "projects", '[');
    for (size_t j = 0; j < airoi__portfolio_simulation_count_projects(sim); j++) {
        airoi__jw_open(w, NULL, '{');
        airoi__jw_str(w, "name", airoi__portfolio_simulation_get_name(sim, j));
        static const struct {
            const char *key;
            airoi_portfolio_sim_figure fig;
        } figs[] = {{"mean", AIROI_PFSIM_MEAN},
                    {"sd", AIROI_PFSIM_SD},
                    {"contribution", AIROI_PFSIM_CONTRIBUTION}};
        for (size_t f = 0; f < 3; f++) {
            rpt_num x;
            x.ok = airoi__portfolio_simulation_get_project_number(&x.v, sim, j, figs[f].fig) == 0;
            airoi__jw_opt(w, figs[f].key, &x);
        }
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
    airoi__jw_close(w, '}');
}

static void json(airoi__buf *b, const airoi_portfolio_result *r, const prow *rows,
                 const airoi_portfolio_simulation *sim)
{
    const char *name = NULL, *currency = NULL;
    airoi_portfolio_measure measure = AIROI_MEASURE_FIRST_YEAR_COSTS;
    airoi__portfolio_result_get_info(&name, &currency, &measure, r);
    rpt_num budget, t;
    budget.ok = airoi__portfolio_result_get_number(&budget.v, r, AIROI_PORTFOLIO_BUDGET) == 0;
    airoi__buf_puts(b, "{\n  \"airoi_version\": \"" AIROI_VERSION_STRING "\",\n"
                       "  \"portfolio\": {\n    \"name\": ");
    airoi__json_string(b, name);
    jkey(b, "    ", "currency");
    airoi__json_string(b, currency);
    jkey(b, "    ", "budget");
    jnum(b, &budget);
    jkey(b, "    ", "measure");
    airoi__json_string(b, airoi__portfolio_measure_name(measure));
    jkey(b, "    ", "selected");
    airoi__buf_puts(b, "[");
    size_t n = airoi__portfolio_result_count_projects(r), k = 0;
    for (size_t i = 0; i < n; i++) {
        int sel = 0;
        airoi__portfolio_result_get_selected(&sel, r, i);
        if (!sel)
            continue;
        airoi__buf_puts(b, k++ ? ", " : "");
        airoi__json_string(b, airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_NAME));
    }
    airoi__buf_puts(b, "]");
    static const struct {
        const char *key;
        airoi_portfolio_figure fig;
    } totals[] = {{"total_npv", AIROI_PORTFOLIO_TOTAL_NPV},
                  {"total_investment", AIROI_PORTFOLIO_TOTAL_INVESTMENT},
                  {"expected_npv", AIROI_PORTFOLIO_EXPECTED_NPV}};
    for (size_t j = 0; j < 3; j++) {
        t.ok = airoi__portfolio_result_get_number(&t.v, r, totals[j].fig) == AIROI_OK;
        jkey(b, "    ", totals[j].key);
        jnum(b, &t);
    }
    jkey(b, "    ", "projects");
    airoi__buf_puts(b, n ? "[" : "[]");
    static const struct {
        const char *key;
        airoi_portfolio_figure fig;
    } figs[] = {{"npv", AIROI_PORTFOLIO_NPV},
                {"irr", AIROI_PORTFOLIO_IRR},
                {"roi_risk_adjusted", AIROI_PORTFOLIO_ROI_RISK_ADJUSTED},
                {"pi", AIROI_PORTFOLIO_PI},
                {"investment", AIROI_PORTFOLIO_INVESTMENT}};
    for (size_t i = 0; i < n; i++) {
        const prow *w = &rows[i];
        int sel = 0;
        airoi__portfolio_result_get_selected(&sel, r, i);
        airoi__buf_puts(b, i ? ",\n      {\n        \"name\": " : "\n      {\n        \"name\": ");
        airoi__json_string(b, airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_NAME));
        jkey(b, "        ", "currency");
        airoi__json_string(b, airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_CURRENCY));
        for (size_t j = 0; j < 5; j++) {
            jkey(b, "        ", figs[j].key);
            jnum(b, F(w, figs[j].fig));
        }
        jkey(b, "        ", "selected");
        airoi__buf_puts(b, sel ? "true" : "false");
        for (int j = 0; j < 4; j++) {
            jkey(b, "        ", rank_keys[j]);
            airoi__buf_printf(b, "%ld", (long)w->rank[j]);
        }
        airoi__buf_puts(b, "\n      }");
    }
    if (n)
        airoi__buf_puts(b, "\n    ]");
    rpt_jw w = {b, 2, 0};
    frontier_json(&w, r);
    if (sim)
        simulation_json(&w, sim);
    airoi__buf_puts(b, "\n  }\n}\n");
}

/* ---- CSV ------------------------------------------------------------------------------- */

static void csv_field(airoi__buf *b, const char *s, int first)
{
    if (!first)
        airoi__buf_append(b, ",", 1);
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        airoi__buf_puts(b, s);
        return;
    }
    airoi__buf_append(b, "\"", 1);
    for (const char *c = s; *c; c++) {
        if (*c == '"')
            airoi__buf_append(b, "\"", 1);
        airoi__buf_append(b, c, 1);
    }
    airoi__buf_append(b, "\"", 1);
}

static void csv(airoi__buf *b, const airoi_portfolio_result *r, const prow *rows)
{
    static const char *const head[] = {"name", "currency", "npv", "irr", "roi_risk_adjusted",
                                       "pi", "investment", "selected", "rank_npv", "rank_irr",
                                       "rank_pi", "rank_roi_risk_adjusted"};
    for (size_t j = 0; j < sizeof head / sizeof *head; j++)
        csv_field(b, head[j], j == 0);
    airoi__buf_puts(b, "\r\n");
    size_t n = airoi__portfolio_result_count_projects(r);
    for (size_t i = 0; i < n; i++) {
        const prow *w = &rows[i];
        char t[40];
        int sel = 0;
        airoi__portfolio_result_get_selected(&sel, r, i);
        csv_field(b, airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_NAME), 1);
        csv_field(b, airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_CURRENCY), 0);
        static const airoi_portfolio_figure order[] = {
            AIROI_PORTFOLIO_NPV, AIROI_PORTFOLIO_IRR, AIROI_PORTFOLIO_ROI_RISK_ADJUSTED,
            AIROI_PORTFOLIO_PI, AIROI_PORTFOLIO_INVESTMENT};
        for (size_t j = 0; j < 5; j++) {
            const rpt_num *x = F(w, order[j]);
            if (x->ok)
                airoi__format_double_sig(t, sizeof t, x->v, 15);
            csv_field(b, x->ok ? t : NULL, 0);
        }
        csv_field(b, sel ? "true" : "false", 0);
        for (int k = 0; k < 4; k++) {
            snprintf(t, sizeof t, "%ld", (long)w->rank[k]);
            csv_field(b, t, 0);
        }
        airoi__buf_puts(b, "\r\n");
    }
}

/* ---- text and Markdown ------------------------------------------------------------------- */

static void money(char *buf, size_t cap, const rpt_num *n)
{
    if (n->ok)
        airoi__fmt_grouped(buf, cap, n->v, 0);
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

/* The table's header: the table keeps pointers to it, so it lives as long
 * as the table (in the caller's frame). */
typedef struct theader {
    char npv[32];
    char inv[40];
    const char *head[NCOLS];
} theader;

static void build_table(rpt_table *t, theader *h, const airoi_portfolio_result *r,
                        const prow *rows, const char *currency)
{
    snprintf(h->npv, sizeof h->npv, "NPV (%s)", currency);
    snprintf(h->inv, sizeof h->inv, "Investment (%s)", currency);
    const char *head[NCOLS] = {"Project", "Currency", h->npv, "IRR", "Risk-adj. ROI", "PI",
                               h->inv, "Chosen", "Ranks"};
    memcpy(h->head, head, sizeof head);
    static const int right[NCOLS] = {0, 0, 1, 1, 1, 1, 1, 0, 1};
    airoi__table_init(t, NCOLS, h->head, right);
    size_t n = airoi__portfolio_result_count_projects(r);
    for (size_t i = 0; i < n; i++) {
        const prow *w = &rows[i];
        char c[NCOLS][48];
        int sel = 0;
        airoi__portfolio_result_get_selected(&sel, r, i);
        const char *cur = airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_CURRENCY);
        snprintf(c[1], sizeof c[1], "%s", cur ? cur : "");
        money(c[2], sizeof c[2], F(w, AIROI_PORTFOLIO_NPV));
        percent(c[3], sizeof c[3], F(w, AIROI_PORTFOLIO_IRR));
        percent(c[4], sizeof c[4], F(w, AIROI_PORTFOLIO_ROI_RISK_ADJUSTED));
        const rpt_num *pi = F(w, AIROI_PORTFOLIO_PI);
        if (pi->ok)
            snprintf(c[5], sizeof c[5], "%.2f", pi->v);
        else
            snprintf(c[5], sizeof c[5], "n/a");
        money(c[6], sizeof c[6], F(w, AIROI_PORTFOLIO_INVESTMENT));
        snprintf(c[7], sizeof c[7], "%s", sel ? "yes" : "no");
        snprintf(c[8], sizeof c[8], "%ld/%ld/%ld/%ld", (long)w->rank[0], (long)w->rank[1],
                 (long)w->rank[2], (long)w->rank[3]);
        const char *cells[NCOLS] = {airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_NAME),
                                    c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]};
        airoi__table_row(t, 0, cells);
    }
}

static void emit_table(airoi__buf *b, rpt_table *t, int md)
{
    if (md)
        airoi__table_markdown(b, t);
    else
        airoi__table_text(b, t, 2);
    if (t->failed)
        b->failed = 1;
    airoi__table_free(t);
}

static void frontier_text(airoi__buf *b, const airoi_portfolio_result *r, const char *currency,
                          int md)
{
    size_t nf = airoi__portfolio_result_count_frontier(r), n;
    if (!nf)
        return;
    airoi__buf_printf(b, md ? "\n## Efficient frontier\n\nThe best set at each of %zu budgets "
                              "from the mandatory projects' investment to that of every "
                              "project; a row per set, from the first budget where it is "
                              "best.\n\n"
                            : "\nEfficient frontier (the best set at %zu budgets from the "
                              "mandatory projects' investment to that of every project;\n"
                              "a row per set, from the first budget where it is best)\n",
                      nf);
    char h0[40], h1[40], h2[40];
    snprintf(h0, sizeof h0, "From budget (%s)", currency);
    snprintf(h1, sizeof h1, "Best NPV (%s)", currency);
    snprintf(h2, sizeof h2, "Investment (%s)", currency);
    const char *head[4] = {h0, h1, h2, "Projects"};
    static const int right[4] = {1, 1, 1, 0};
    rpt_table t;
    airoi__table_init(&t, 4, head, right);
    n = airoi__portfolio_result_count_projects(r);
    for (size_t k = 0; k < nf; k++) {
        double v[3] = {0, 0, 0};
        airoi__portfolio_result_get_frontier(&v[0], &v[1], &v[2], r, k);
        int same = k > 0;
        for (size_t i = 0; i < n && same; i++) {
            int a = 0, c = 0;
            airoi__portfolio_result_get_frontier_selected(&a, r, k, i);
            airoi__portfolio_result_get_frontier_selected(&c, r, k - 1, i);
            same = a == c;
        }
        if (same)
            continue;
        char c[3][48];
        for (int j = 0; j < 3; j++)
            airoi__fmt_grouped(c[j], sizeof c[j], v[j], 0);
        airoi__buf names;
        airoi__buf_init(&names);
        for (size_t i = 0; i < n; i++) {
            int in = 0;
            airoi__portfolio_result_get_frontier_selected(&in, r, k, i);
            if (in) {
                airoi__buf_puts(&names, names.len ? ", " : "");
                airoi__buf_puts_oneline(&names, airoi__portfolio_result_get_string(
                                                    r, i, AIROI_PROJECT_NAME));
            }
        }
        const char *cells[4] = {c[0], c[1], c[2], names.len ? names.data : "none"};
        if (names.failed)
            t.failed = 1;
        airoi__table_row(&t, 0, cells);
        airoi__buf_free(&names);
    }
    emit_table(b, &t, md);
}

static void simulation_text(airoi__buf *b, const airoi_portfolio_simulation *sim,
                            const char *currency, int md)
{
    int64_t count = 0;
    uint64_t seed = 0;
    airoi__portfolio_simulation_get_info(NULL, &count, &seed, sim);
    char tr[32];
    airoi__fmt_grouped(tr, sizeof tr, (double)count, 0);
    airoi__buf_printf(b, md ? "\n## Monte Carlo of the chosen set\n\n%s trials, seed %llu.\n\n"
                            : "\nMonte Carlo of the chosen set (%s trials, seed %llu)\n",
                      tr, (unsigned long long)seed);
    const char *lead = md ? "- " : "  ";
    size_t nd = airoi__portfolio_simulation_count_drivers(sim);
    airoi__buf_printf(b, "%sShared drivers:    ", lead);
    for (size_t d = 0; d < nd; d++) {
        const char *name = NULL;
        size_t users = 0;
        airoi__portfolio_simulation_get_driver(&name, &users, sim, d);
        airoi__buf_puts(b, d ? "; " : "");
        airoi__buf_puts_oneline(b, name);
        airoi__buf_printf(b, " (%zu project%s)", users, users == 1 ? "" : "s");
    }
    airoi__buf_puts(b, nd ? "\n" : "none\n");
    double v;
    char t1[48], t2[48];
    airoi__portfolio_simulation_get_stat(&v, sim, AIROI_STAT_MEAN);
    airoi__fmt_grouped(t1, sizeof t1, v, 0);
    if (airoi__portfolio_simulation_get_stat(&v, sim, AIROI_STAT_SD) == AIROI_OK)
        airoi__fmt_grouped(t2, sizeof t2, v, 0);
    else
        snprintf(t2, sizeof t2, "n/a");
    airoi__buf_printf(b, "%sPortfolio NPV:     %s %s mean, %s sd\n", lead, currency, t1, t2);
    airoi__buf_printf(b, "%sPercentiles:       ", lead);
    double at[AIROI__PFR_MAX_PCT];
    size_t np = airoi__pfr_percentiles(at, sim);
    for (size_t p = 0; p < np; p++) {
        char k[32];
        airoi__format_double(k, sizeof k, at[p]);
        airoi__portfolio_simulation_get_percentile(&v, sim, at[p]);
        airoi__fmt_grouped(t1, sizeof t1, v, 0);
        airoi__buf_printf(b, "%sP%s %s", p ? ", " : "", k, t1);
    }
    airoi__buf_puts(b, "\n");
    airoi__portfolio_simulation_get_stat(&v, sim, AIROI_STAT_PROB_POSITIVE);
    airoi__fmt_percent(t1, sizeof t1, v);
    airoi__buf_printf(b, "%sP(NPV > 0):        %s\n", lead, t1);
    airoi__buf_puts(b, md ? "\n" : "\n  Each project's NPV and its share of the variance of the "
                                    "portfolio NPV (Cov(NPV_i, total) / Var(total))\n");
    char h1[40], h2[40];
    snprintf(h1, sizeof h1, "Mean NPV (%s)", currency);
    snprintf(h2, sizeof h2, "SD (%s)", currency);
    const char *head[4] = {"Project", h1, h2, "Share of variance"};
    static const int right[4] = {0, 1, 1, 1};
    rpt_table t;
    airoi__table_init(&t, 4, head, right);
    for (size_t j = 0; j < airoi__portfolio_simulation_count_projects(sim); j++) {
        char c[3][48];
        static const airoi_portfolio_sim_figure f[3] = {AIROI_PFSIM_MEAN, AIROI_PFSIM_SD,
                                                        AIROI_PFSIM_CONTRIBUTION};
        for (int k = 0; k < 3; k++) {
            if (airoi__portfolio_simulation_get_project_number(&v, sim, j, f[k]) != AIROI_OK)
                snprintf(c[k], sizeof c[k], "n/a");
            else if (k == 2)
                airoi__fmt_percent(c[k], sizeof c[k], v);
            else
                airoi__fmt_grouped(c[k], sizeof c[k], v, 0);
        }
        const char *cells[4] = {airoi__portfolio_simulation_get_name(sim, j), c[0], c[1], c[2]};
        airoi__table_row(&t, 0, cells);
    }
    emit_table(b, &t, md);
}

static void text_or_md(airoi__buf *b, const airoi_portfolio_result *r, const prow *rows, int md,
                       const airoi_portfolio_simulation *sim)
{
    const char *name = NULL, *currency = NULL;
    airoi_portfolio_measure measure = AIROI_MEASURE_FIRST_YEAR_COSTS;
    airoi__portfolio_result_get_info(&name, &currency, &measure, r);
    char budget[48], tn[48], ti[48], te[48];
    rpt_num x;
    x.ok = airoi__portfolio_result_get_number(&x.v, r, AIROI_PORTFOLIO_BUDGET) == AIROI_OK;
    if (x.ok)
        money(budget, sizeof budget, &x);
    else
        snprintf(budget, sizeof budget, "none");
    x.ok = airoi__portfolio_result_get_number(&x.v, r, AIROI_PORTFOLIO_TOTAL_NPV) == AIROI_OK;
    money(tn, sizeof tn, &x);
    x.ok = airoi__portfolio_result_get_number(&x.v, r, AIROI_PORTFOLIO_TOTAL_INVESTMENT) == 0;
    money(ti, sizeof ti, &x);
    x.ok = airoi__portfolio_result_get_number(&x.v, r, AIROI_PORTFOLIO_EXPECTED_NPV) == 0;
    money(te, sizeof te, &x);
    airoi__buf_puts(b, md ? "# Portfolio: " : "Portfolio: ");
    airoi__buf_puts_oneline(b, name);
    airoi__buf_puts(b, md ? "\n\n" : "\n");
    const char *mname = airoi__portfolio_measure_name(measure);
    const char *lead = md ? "- " : "  ";
    airoi__buf_printf(b, "%sBudget:            %s %s (investment measured as %s)\n", lead, currency,
                      budget, mname);
    airoi__buf_printf(b, "%sChosen NPV:        %s %s\n", lead, currency, tn);
    airoi__buf_printf(b, "%sChosen investment: %s %s\n", lead, currency, ti);
    airoi__buf_printf(b, "%sExpected NPV:      %s %s\n", lead, currency, te);
    airoi__buf_printf(b, "%sChosen:            ", lead);
    size_t n = airoi__portfolio_result_count_projects(r), k = 0;
    for (size_t i = 0; i < n; i++) {
        int sel = 0;
        airoi__portfolio_result_get_selected(&sel, r, i);
        if (!sel)
            continue;
        airoi__buf_puts(b, k++ ? ", " : "");
        airoi__buf_puts_oneline(b, airoi__portfolio_result_get_string(r, i, AIROI_PROJECT_NAME));
    }
    airoi__buf_puts(b, k ? "\n" : "none\n");
    airoi__buf_puts(b, md ? "\n## Projects\n\nRanks by NPV/IRR/PI/risk-adjusted ROI, 1 = best.\n\n" : "\nProjects (ranks by NPV/IRR/PI/risk-adjusted ROI, 1 = best)\n");
    rpt_table t;
    theader h;
    build_table(&t, &h, r, rows, currency);
    emit_table(b, &t, md);
    frontier_text(b, r, currency, md);
    if (sim)
        simulation_text(b, sim, currency, md);
}

int airoi__portfolio_report_write_sim(char **out, size_t *len_out,
                                      const airoi_portfolio_result *r,
                                      const airoi_portfolio_simulation *sim,
                                      airoi_report_format format, unsigned flags)
{
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_report_write: NULL argument");
    if (airoi__enum_check((int)format, AIROI_REPORT_TEXT,
                          "airoi_portfolio_report_write: format") != AIROI_OK)
        return AIROI_ERR_INVALID;
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_report_write: unknown flags 0x%x",
                            flags);
    size_t n = airoi__portfolio_result_count_projects(r);
    prow *rows = airoi__calloc(n ? n : 1, sizeof *rows);
    if (!rows)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        gather_row(&rows[i], r, i);
    airoi__buf b;
    airoi__buf_init(&b);
    switch (format) {
    case AIROI_REPORT_JSON: json(&b, r, rows, sim); break;
    case AIROI_REPORT_CSV: csv(&b, r, rows); break;
    case AIROI_REPORT_MARKDOWN: text_or_md(&b, r, rows, 1, sim); break;
    case AIROI_REPORT_HTML: airoi__portfolio_html(&b, r, sim); break;
    default: text_or_md(&b, r, rows, 0, sim); break;
    }
    airoi__free(rows);
    /* the figures that do not exist left their message; a report leaves none */
    airoi__error_clear();
    return airoi__buf_detach(&b, out, len_out);
}

AIROI_API int airoi_portfolio_report_write_sim(char **out, size_t *len_out,
                                               const airoi_portfolio_result *r,
                                               const airoi_portfolio_simulation *sim,
                                               airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_report_write_sim(out, len_out, r, sim, format, flags);
}

int airoi__portfolio_report_write(char **out, size_t *len_out,
                                  const struct airoi_portfolio_result *r,
                                  airoi_report_format format, unsigned flags)
{
    return airoi__portfolio_report_write_sim(out, len_out, r, NULL, format, flags);
}

AIROI_API int airoi_portfolio_report_write(char **out, size_t *len_out,
                                           const airoi_portfolio_result *r,
                                           airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_report_write(out, len_out, r, format, flags);
}
