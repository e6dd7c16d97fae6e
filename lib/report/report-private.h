/*
 * lib/report: the data a report shows, gathered once through the internal
 * forms of the getters (report.c), and the writers of each notation
 * (json.c, text.c, csv.c, markdown.c). Internal header; nothing here is
 * part of the API.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which remembers the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_REPORT_PRIVATE_H
#define AIROI_REPORT_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "core-private.h"
#include "eval-private.h"
#include "airoi/project.h"
#include "airoi/result.h"
#include "airoi/report.h"

#define RPT_MAX_METRICS 64
#define RPT_MAX_CATEGORIES 32
#define RPT_MAX_DIMENSIONS 16
#define RPT_SCHEDULE_COLUMNS 9
#define RPT_BENCH_FIELDS 3

/* Every section bit known to this release. */
#define RPT_ALL_SECTIONS 0x7Fu

/* A figure that may not exist (null in JSON, "n/a" or "never" in text). */
typedef struct rpt_num {
    double v;
    int ok;
} rpt_num;

typedef struct rpt_metrics {
    rpt_num m[RPT_MAX_METRICS];
} rpt_metrics;

typedef struct rpt_scenario {
    const char *name;
    double probability;
    rpt_metrics metrics;
} rpt_scenario;

typedef struct rpt_finding {
    const char *code;
    const char *severity;
    const char *message;
    const char *subject;
    rpt_num actual;
    rpt_num reference;
} rpt_finding;

typedef struct rpt_bench_field {
    const char *key;   /* JSON key: "roi", "payback_months", "investment" */
    const char *figure; /* what is compared: "roi_annualised", "payback_periods", "tco_total" */
    const char *label;  /* "annualised ROI", "payback (months)", "investment (10,000 TWD)" */
    rpt_num low, high, value;
    const char *position; /* "below", "within", "above" or NULL */
} rpt_bench_field;

typedef struct rpt {
    unsigned sections;

    /* project header */
    const char *name;
    const char *currency;    /* NULL when unset */
    const char *use_case;    /* NULL when unset */
    const char *period_name; /* "year", "quarter", "month" */
    const char *stage_name;
    const char *scenario;    /* NULL for the base case */
    int period;
    double periods_per_year; /* 1, 4 or 12 */
    double unit;
    double horizon;
    double discount_rate;
    double period_rate;
    double finance_rate;
    double reinvest_rate;
    char start[16];          /* ISO date, "" when unset */
    int honest;
    int money_decimals;      /* 0 when amounts are large (>= 100,000), else 2 */

    /* metrics, indexed by airoi_metric */
    size_t nmetrics;
    const char *metric_names[RPT_MAX_METRICS];
    rpt_metrics metrics;

    /* the plan behind an honest estimate (has_plan), read like the metrics
     * and category totals above */
    int has_plan;
    rpt_metrics plan_metrics;
    double plan_category_total[RPT_MAX_CATEGORIES];

    /* TCO and value */
    size_t ncategories;
    const char *category_names[RPT_MAX_CATEGORIES];
    int category_hidden[RPT_MAX_CATEGORIES];
    double category_total[RPT_MAX_CATEGORIES];
    size_t ndimensions;
    const char *dimension_names[RPT_MAX_DIMENSIONS];
    double dimension_total[RPT_MAX_DIMENSIONS];
    double strategic_unmonetized;

    /* schedule: nperiods rows; col[c] per airoi_schedule_column; cat[] and
     * dim[] per category / dimension (NULL when the schedule has no split) */
    size_t nperiods;
    double *block;
    double *col[RPT_SCHEDULE_COLUMNS];
    double *cat[RPT_MAX_CATEGORIES];
    double *dim[RPT_MAX_DIMENSIONS];
    int has_split;

    /* scenarios */
    size_t nscenarios;
    rpt_scenario *scenarios;
    int implicit_base;

    /* findings */
    size_t nfindings;
    rpt_finding *findings;

    /* benchmark */
    int has_benchmark;
    const char *bench_key;
    const char *bench_label;
    size_t nbench_dims;
    const char *bench_dims[RPT_MAX_DIMENSIONS];
    rpt_bench_field bench[RPT_BENCH_FIELDS];
    char bench_investment_label[64];

    /* the tracking whose plan the report is of (lib/track), or NULL */
    const struct airoi_tracking *tracking;

    /* capex, tax, inflation and terminal value (finance-report.c), or NULL
     * when the model uses none of them */
    struct rpt_fin *fin;
} rpt;


/* A metric (an airoi_metric) in rpt.metrics, whose index is the metric's
 * value minus its family's base. */
static inline const rpt_num *rpt_metric(const rpt_metrics *m, airoi_metric metric)
{
    return &m->m[AIROI__ENUM_INDEX(metric)];
}

/* Writers; each appends to b (failures are sticky in b). */
void airoi__report_json(airoi__buf *b, const rpt *R);
void airoi__report_text(airoi__buf *b, const rpt *R);
void airoi__report_csv(airoi__buf *b, const rpt *R);
void airoi__report_markdown(airoi__buf *b, const rpt *R);
/* html.c: the business case; reads the narrative and stages the result r
 * copied, and shows the Monte Carlo summary of sim, the tornado and the
 * staging figures when not NULL. */
void airoi__report_html(airoi__buf *b, const rpt *R, const airoi_result *r,
                        const airoi_simulation *sim, const airoi_tornado *tornado,
                        const airoi_staging *staging);

/* The JSON writer (jsonw.c): members are appended at depth `depth`; `first`
 * is 1 while nothing was written at this level. A NULL key writes an array
 * element. */
typedef struct rpt_jw {
    airoi__buf *b;
    int depth;
    int first;
} rpt_jw;

void airoi__jw_nl(rpt_jw *w);
void airoi__jw_string_value(airoi__buf *b, const char *s); /* NULL: null */
void airoi__jw_key(rpt_jw *w, const char *k);
void airoi__jw_open(rpt_jw *w, const char *k, char bracket);  /* '{' or '[' */
void airoi__jw_close(rpt_jw *w, char bracket); /* '}' or ']' */
void airoi__jw_num(rpt_jw *w, const char *k, double v);
void airoi__jw_opt(rpt_jw *w, const char *k, const rpt_num *n); /* null unless n->ok */
void airoi__jw_str(rpt_jw *w, const char *k, const char *s);
void airoi__jw_bool(rpt_jw *w, const char *k, int v);

/* CSV cells (csv.c): a field quoted when it must be (RFC 4180; NULL is an
 * empty field), a number with 15 significant digits, an rpt_num (empty
 * unless ok), the CRLF line end. `first`: no comma before the cell. */
void airoi__csv_field(airoi__buf *b, const char *s, int first);
void airoi__csv_number(airoi__buf *b, double v, int first);
void airoi__csv_opt(airoi__buf *b, const rpt_num *n, int first);
void airoi__csv_eol(airoi__buf *b);

/* Shared formatting helpers (report.c). */

/* A fraction as a percentage with one decimal: 0.557 -> "55.7%". */
void airoi__fmt_percent(char *buf, size_t cap, double v);
/* A short number for findings: up to 4 significant digits, grouped. */
void airoi__fmt_short(char *buf, size_t cap, double v);
/* The two numbers of a finding, as the tables show them: counts as whole
 * numbers, a benchmark's payback (months) and investment as in the
 * benchmark table, its ROI as a percentage; any other pair as percentages
 * when both are shares in [0, 1], else as short numbers. */
void airoi__fmt_finding_numbers(char *a, char *r, size_t cap, const rpt_finding *f);
/* Payback in periods only: "27.8 months", "1.68 years", "never". */
void airoi__fmt_payback_short(char *buf, size_t cap, const rpt *R, const rpt_num *n);
/* Money with currency and unit: "TWD 1,234.56" (unit 1), "TWD 1,234.56
 * thousand" (1e3, 1e6, 1e9: the word), "1,234.56 x 10,000 TWD" (any other
 * unit); no currency, no currency word. */
void airoi__fmt_money(char *buf, size_t cap, const rpt *R, double v);
/* "thousand", "million" or "billion" for a unit of 1e3, 1e6 or 1e9, else
 * NULL. */
const char *airoi__unit_word(double unit);

/* A copy of s for a text or Markdown line (one heading, one table cell):
 * every control character (C0, DEL, C1, and the line and paragraph separators
 * U+2028 and U+2029) becomes one space, so that a name cannot break the line.
 * NULL when out of memory. The caller frees it with airoi__free(). */
char *airoi__strdup_oneline(const char *s);
/* Appends s with control characters as spaces (see airoi__strdup_oneline). */
void airoi__buf_puts_oneline(airoi__buf *b, const char *s);

/* Appends s as Markdown text on one line: its special characters escaped,
 * control characters as spaces (markdown.c). */
void airoi__md_text(airoi__buf *b, const char *s);

/* Number of UTF-8 code points of s (for column alignment). */
size_t airoi__utf8_width(const char *s);
/* Appends s padded with spaces to width code points; right-aligned when right. */
void airoi__buf_pad(airoi__buf *b, const char *s, size_t width, int right);

/* ------------------------------------------------------------------------ */
/* Tables shared by the text and Markdown writers (tables.c)                */
/* ------------------------------------------------------------------------ */

#define RPT_TABLE_MAX_COLS 10

/* Row flags. */
#define RPT_ROW_TOTAL 1u /* a total: a rule above it in text, bold in Markdown */

typedef struct rpt_table {
    size_t ncols;
    const char *header[RPT_TABLE_MAX_COLS];
    int right[RPT_TABLE_MAX_COLS]; /* right-aligned (numbers) */
    size_t nrows;
    size_t cap;
    char **cells;      /* nrows x ncols owned strings */
    unsigned *flags;   /* per row */
    int failed;        /* an allocation failed */
} rpt_table;

void airoi__table_init(rpt_table *t, size_t ncols, const char *const *header, const int *right);
void airoi__table_free(rpt_table *t);
/* Adds a row of ncols strings (copied; NULL reads as ""). */
void airoi__table_row(rpt_table *t, unsigned flags, const char *const *cells);
/* Renders with aligned columns, each line starting with indent spaces. */
void airoi__table_text(airoi__buf *b, const rpt_table *t, int indent);
/* Renders as a Markdown (GFM) table; '|' in cells is escaped. */
void airoi__table_markdown(airoi__buf *b, const rpt_table *t);

/* The tables of a report. Each returns 0 when there is nothing to show. */
int airoi__tbl_metrics(rpt_table *t, const rpt *R);
int airoi__tbl_tco(rpt_table *t, const rpt *R);
int airoi__tbl_value(rpt_table *t, const rpt *R);
int airoi__tbl_years(rpt_table *t, const rpt *R);
int airoi__tbl_schedule(rpt_table *t, const rpt *R);
int airoi__tbl_scenarios(rpt_table *t, const rpt *R);
int airoi__tbl_findings(rpt_table *t, const rpt *R);
int airoi__tbl_benchmark(rpt_table *t, const rpt *R);
int airoi__tbl_honest(rpt_table *t, const rpt *R);

/* A change from plan to honest estimate: change = honest - plan, relative =
 * change / |plan| (not ok when either figure does not exist, or the plan
 * is 0). */
void airoi__change(rpt_num *change, rpt_num *relative, const rpt_num *plan, const rpt_num *honest);

/* What amounts are in: "TWD" (unit 1), "TWD thousand", "TWD million",
 * "10,000 TWD" (any other unit), or without a currency "", "thousands",
 * "10,000". */
void airoi__fmt_amounts_in(char *buf, size_t cap, const rpt *R);
/* "month", horizon description: "36 months (3 years)". */
void airoi__fmt_horizon(char *buf, size_t cap, const rpt *R);

/* The facts of the project header (text.c): label and value pairs. */
size_t airoi__report_facts(const rpt *R, char labels[][16], char values[][256], size_t max);

/* A JSON string (escaped, invalid UTF-8 as U+FFFD), or null for NULL (json.c). */
void airoi__json_string(airoi__buf *b, const char *s);

/* --------------------------------------------- internal forms of the API */

/* airoi__NAME() does the work of the public airoi_NAME() (same file), which
 * adds only the entry bookkeeping (AIROI__ENTER). */

/* report.c */
int airoi__report_format_from_name(airoi_report_format *out, const char *name);
const char *airoi__report_format_name(airoi_report_format format);
int airoi__report_write(char **out, size_t *len_out, const airoi_result *r,
                        airoi_report_format format,
                        unsigned flags);
int airoi__report_write_html(char **out, size_t *len_out, const airoi_result *r,
                             const airoi_simulation *sim, unsigned flags);
int airoi__report_write_business_case(char **out, size_t *len_out, const airoi_result *r,
                                      const airoi_simulation *sim, const airoi_tornado *tornado,
                                      const airoi_staging *staging, unsigned flags);

/* tracking-report.c: the tracking part of a text (md 0) or Markdown (md 1)
 * report; html-tracking.c: the tracking section of the business case.
 * Both write nothing for a NULL tracking. */
struct airoi_tracking;
void airoi__tracking_text(airoi__buf *b, const struct airoi_tracking *t, int md);
void airoi__html_tracking(airoi__buf *b, const rpt *R);

/* html-common.c: the pieces the HTML pages share. page_open writes the
 * head (title "name &mdash; what", the style sheet css) and opens <main>;
 * page_close writes the footer, "Written by libairoi VERSION. " then docs
 * (markup, written as given), and closes the page. */
void airoi__html_page_open(airoi__buf *b, const char *name, const char *what, const char *css);
void airoi__html_page_close(airoi__buf *b, const char *docs);
/* <data value="exact" data-key="key">shown</data>: the exact figure of the
 * JSON document (same key) next to its rounded text. */
void airoi__html_data(airoi__buf *b, const char *key, double v, const char *shown);
/* <figure class="keep"> and its caption (closed by the caller). */
void airoi__html_figure_open(airoi__buf *b, const char *caption);
/* A report table with its caption (NULL: none) and class (NULL: none);
 * frees t (a failed t fails b). */
void airoi__html_table(airoi__buf *b, rpt_table *t, const char *caption, const char *cls);
/* The numbers of a chart over n periods for screen readers: a visually
 * hidden table, Period and the two columns a and c in money. */
void airoi__html_series_table(airoi__buf *b, const rpt *R, const char *caption,
                              const char *name_a, const double *a, const char *name_b,
                              const double *c, size_t n);
/* The tables of a tracking: 0 to date, 1 variance by item, 2 re-forecast,
 * 3 indicators, 4 gates; 0 when there is nothing to show (no table made). */
int airoi__tbl_tracking(rpt_table *tb, const struct airoi_tracking *t, int which);
int airoi__tracking_report_write(char **out, size_t *len_out, const struct airoi_tracking *t,
                                 airoi_report_format format, unsigned flags);

/* portfolio-report.c (the result type is lib/portfolio's) */
struct airoi_portfolio_result;
int airoi__portfolio_report_write(char **out, size_t *len_out,
                                  const struct airoi_portfolio_result *r,
                                  airoi_report_format format, unsigned flags);

/* ---- finance-report.c: capex, tax, inflation, terminal value ---------------- */

#define RPT_FIN_FIGURES 14 /* members of airoi_finance_figure */
#define RPT_FIN_SERIES 8   /* capex .. loss_carryforward, net_real, net_after_tax */

typedef struct rpt_fin {
    int has_tax, carry, has_inflation, discount_real, has_capex;
    double tax_rate, inflation;
    int tv_method;               /* airoi_terminal_method */
    double tv_parameter;         /* growth or multiple */
    rpt_num fig[RPT_FIN_FIGURES];    /* pre-tax figures, by index in the family */
    rpt_num fig_at[RPT_FIN_FIGURES]; /* after-tax */
    rpt_metrics at;              /* after-tax metrics (has_tax) */
    rpt_metrics *scenario_at;    /* after-tax metrics of each scenario (has_tax) */
    double *series[RPT_FIN_SERIES]; /* nperiods each */
    double *block;
} rpt_fin;

/* The metrics of r, n of them, as the reports show them (report.c). */
void airoi__rpt_read_metrics(rpt_metrics *m, size_t n, const airoi_result *r);

/* Reads R->fin from r when the model uses capex, tax, inflation or a
 * terminal value (R->fin stays NULL otherwise); AIROI_ERR_NOMEM. Call after
 * the scenarios are gathered. */
int airoi__rpt_finance_gather(rpt *R, const airoi_result *r);
void airoi__rpt_finance_release(rpt *R);
/* The JSON members: metrics_after_tax (after the metrics), capex and opex
 * of the tco section, the finance section, a scenario's metrics_after_tax. */
void airoi__rpt_finance_json_metrics(rpt_jw *w, const rpt *R);
void airoi__rpt_finance_json_tco(rpt_jw *w, const rpt *R);
void airoi__rpt_finance_json(rpt_jw *w, const rpt *R);
void airoi__rpt_finance_json_scenario(rpt_jw *w, const rpt *R, size_t i);
/* The section of the text and markdown reports, and the CSV rows. */
void airoi__rpt_finance_text(airoi__buf *b, const rpt *R, int markdown);
void airoi__rpt_finance_csv(airoi__buf *b, const rpt *R);

#endif /* AIROI_REPORT_PRIVATE_H */
