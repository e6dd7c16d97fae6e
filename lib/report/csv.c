/*
 * lib/report/csv.c: one CSV table (RFC 4180: comma separated, CRLF line
 * ends, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled). Numbers with 15 significant digits, as spreadsheets hold them
 * ("1980", not "1980.0000000000002"), empty fields for figures that do not
 * exist. The table is the schedule, else plan and honest estimate side by
 * side (an honest-estimate result), else the findings, else the benchmark,
 * else the metrics, depending on the selected sections (report.h).
 */
#include <stdio.h>
#include <string.h>

#include "report-private.h"

/* Significant digits of a number: what Excel and LibreOffice keep of a
 * double, so that no binary noise shows after the 15th digit. */
#define RPT_CSV_DIGITS 15

/* Short names of the cell writers below (shared with the other CSV
 * reports through report-private.h). */
#define field(b, s, first) airoi__csv_field(b, s, first)
#define number(b, v, first) airoi__csv_number(b, v, first)
#define opt(b, n, first) airoi__csv_opt(b, n, first)
#define eol(b) airoi__csv_eol(b)

void airoi__csv_field(airoi__buf *b, const char *s, int first)
{
    if (!first)
        airoi__buf_append(b, ",", 1);
    if (!s)
        return;
    if (strpbrk(s, ",\"\r\n") == NULL) {
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

void airoi__csv_number(airoi__buf *b, double v, int first)
{
    char t[64];
    airoi__format_double_sig(t, sizeof t, v, RPT_CSV_DIGITS);
    field(b, t, first);
}

void airoi__csv_opt(airoi__buf *b, const rpt_num *n, int first)
{
    if (n->ok)
        number(b, n->v, first);
    else
        field(b, NULL, first);
}

void airoi__csv_eol(airoi__buf *b)
{
    airoi__buf_append(b, "\r\n", 2);
}

static void schedule(airoi__buf *b, const rpt *R)
{
    static const char *const names[RPT_SCHEDULE_COLUMNS] = {
        "costs", "benefits", "net", "cumulative", "discounted", "discounted_cumulative",
        "discount_factor", "discounted_costs", "discounted_benefits"};
    char h[96];
    field(b, "period", 1);
    for (int c = 0; c < RPT_SCHEDULE_COLUMNS; c++)
        field(b, names[c], 0);
    if (R->has_split) {
        for (size_t c = 0; c < R->ncategories; c++) {
            snprintf(h, sizeof h, "costs_%s", R->category_names[c]);
            field(b, h, 0);
        }
        for (size_t d = 0; d < R->ndimensions; d++) {
            snprintf(h, sizeof h, "benefits_%s", R->dimension_names[d]);
            field(b, h, 0);
        }
    }
    eol(b);
    for (size_t t = 0; t < R->nperiods; t++) {
        number(b, (double)t, 1);
        for (int c = 0; c < RPT_SCHEDULE_COLUMNS; c++)
            number(b, R->col[c][t], 0);
        if (R->has_split) {
            for (size_t c = 0; c < R->ncategories; c++)
                number(b, R->cat[c][t], 0);
            for (size_t d = 0; d < R->ndimensions; d++)
                number(b, R->dim[d][t], 0);
        }
        eol(b);
    }
}

/* The header line of a table of n columns. */
static void header(airoi__buf *b, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        field(b, names[i], i == 0);
    eol(b);
}

static void findings(airoi__buf *b, const rpt *R)
{
    static const char *const head[] = {"code", "severity", "subject", "message", "actual",
                                       "reference"};
    header(b, head, 6);
    for (size_t i = 0; i < R->nfindings; i++) {
        const rpt_finding *f = &R->findings[i];
        field(b, f->code, 1);
        field(b, f->severity, 0);
        field(b, f->subject, 0);
        field(b, f->message, 0);
        opt(b, &f->actual, 0);
        opt(b, &f->reference, 0);
        eol(b);
    }
}

static void benchmark(airoi__buf *b, const rpt *R)
{
    field(b, "use_case", 1);
    field(b, "field", 0);
    field(b, "low", 0);
    field(b, "high", 0);
    field(b, "value", 0);
    field(b, "position", 0);
    field(b, "figure", 0);
    field(b, "label", 0);
    eol(b);
    if (!R->has_benchmark)
        return;
    for (int i = 0; i < RPT_BENCH_FIELDS; i++) {
        const rpt_bench_field *f = &R->bench[i];
        field(b, R->bench_key, 1);
        field(b, f->key, 0);
        opt(b, &f->low, 0);
        opt(b, &f->high, 0);
        opt(b, &f->value, 0);
        field(b, f->position, 0);
        field(b, f->figure, 0);
        field(b, f->label, 0);
        eol(b);
    }
}

static void change_row(airoi__buf *b, const char *figure, const rpt_num *plan,
                       const rpt_num *honest)
{
    rpt_num d, q;
    airoi__change(&d, &q, plan, honest);
    field(b, figure, 1);
    opt(b, plan, 0);
    opt(b, honest, 0);
    opt(b, &d, 0);
    opt(b, &q, 0);
    eol(b);
}

/* Plan and honest estimate: a row per metric, then one per category
 * ("tco.people", ...). */
static void plan_vs_honest(airoi__buf *b, const rpt *R)
{
    static const char *const head[] = {"figure", "plan", "honest", "change", "relative_change"};
    char h[96];
    header(b, head, 5);
    for (size_t i = 0; i < R->nmetrics; i++)
        change_row(b, R->metric_names[i], &R->plan_metrics.m[i], &R->metrics.m[i]);
    for (size_t c = 0; c < R->ncategories; c++) {
        rpt_num plan = {R->plan_category_total[c], 1}, honest = {R->category_total[c], 1};
        snprintf(h, sizeof h, "tco.%s", R->category_names[c]);
        change_row(b, h, &plan, &honest);
    }
}

static void metrics(airoi__buf *b, const rpt *R)
{
    static const char *const head[] = {"metric", "value", "scope"};
    header(b, head, 3);
    for (size_t i = 0; i < R->nmetrics; i++) {
        field(b, R->metric_names[i], 1);
        opt(b, &R->metrics.m[i], 0);
        /* the evaluated case (the base case or the scenario), or all scenarios */
        airoi_metric metric = (airoi_metric)(AIROI_METRIC_NPV + (int)i);
        field(b, airoi__metric_is_over_scenarios(metric) ? "all_scenarios" : "case", 0);
        eol(b);
    }
    airoi__rpt_finance_csv(b, R);
}

void airoi__report_csv(airoi__buf *b, const rpt *R)
{
    if (R->sections & AIROI_REPORT_SCHEDULE)
        schedule(b, R);
    else if ((R->sections & AIROI_REPORT_HONEST) && R->has_plan)
        plan_vs_honest(b, R);
    else if (R->sections & AIROI_REPORT_FINDINGS)
        findings(b, R);
    else if (R->sections & AIROI_REPORT_BENCHMARK)
        benchmark(b, R);
    else
        metrics(b, R);
}
