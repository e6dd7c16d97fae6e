/*
 * lib/report/portfolio-report.c: the report of a portfolio result (report
 * layer) in text, JSON, CSV and Markdown: the totals of the chosen set and
 * one row per project in file order with its figures in the portfolio
 * currency, its ranks and whether it is chosen (docs/portfolio.md).
 */
#include <string.h>

#include "report-private.h"
#include "portfolio-private.h"
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

static void json(airoi__buf *b, const airoi_portfolio_result *r, const prow *rows)
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
    airoi__buf_puts(b, n ? "\n    ]\n  }\n}\n" : "\n  }\n}\n");
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

static void text_or_md(airoi__buf *b, const airoi_portfolio_result *r, const prow *rows, int md)
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
    if (md)
        airoi__table_markdown(b, &t);
    else
        airoi__table_text(b, &t, 2);
    if (t.failed)
        b->failed = 1;
    airoi__table_free(&t);
}

int airoi__portfolio_report_write(char **out, size_t *len_out,
                                  const struct airoi_portfolio_result *r,
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
    if (format != AIROI_REPORT_TEXT && format != AIROI_REPORT_JSON && format != AIROI_REPORT_CSV &&
        format != AIROI_REPORT_MARKDOWN)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_report_write: a portfolio report is text, json, csv "
                            "or md; %s is not available for portfolios",
                            airoi__report_format_name(format));
    size_t n = airoi__portfolio_result_count_projects(r);
    prow *rows = airoi__calloc(n ? n : 1, sizeof *rows);
    if (!rows)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        gather_row(&rows[i], r, i);
    airoi__buf b;
    airoi__buf_init(&b);
    switch (format) {
    case AIROI_REPORT_JSON: json(&b, r, rows); break;
    case AIROI_REPORT_CSV: csv(&b, r, rows); break;
    case AIROI_REPORT_MARKDOWN: text_or_md(&b, r, rows, 1); break;
    default: text_or_md(&b, r, rows, 0); break;
    }
    airoi__free(rows);
    /* the figures that do not exist left their message; a report leaves none */
    airoi__error_clear();
    return airoi__buf_detach(&b, out, len_out);
}

AIROI_API int airoi_portfolio_report_write(char **out, size_t *len_out,
                                           const airoi_portfolio_result *r,
                                           airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_report_write(out, len_out, r, format, flags);
}
