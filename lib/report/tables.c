/*
 * lib/report/tables.c: the tables of a report (metrics, TCO, value,
 * schedule, scenarios, findings, benchmark), built once as cells of text and
 * rendered either as aligned plain text or as Markdown.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model-private.h"
#include "report-private.h"
#include "airoi/schedule.h"

/* ------------------------------------------------------------------------ */
/* Table container                                                           */
/* ------------------------------------------------------------------------ */

void airoi__table_init(rpt_table *t, size_t ncols, const char *const *header, const int *right)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols > RPT_TABLE_MAX_COLS ? RPT_TABLE_MAX_COLS : ncols;
    for (size_t c = 0; c < t->ncols; c++) {
        t->header[c] = header[c];
        t->right[c] = right ? right[c] : 0;
    }
}

void airoi__table_free(rpt_table *t)
{
    if (t->cells)
        for (size_t i = 0; i < t->nrows * t->ncols; i++)
            airoi__free(t->cells[i]);
    airoi__free(t->cells);
    airoi__free(t->flags);
    memset(t, 0, sizeof *t);
}

void airoi__table_row(rpt_table *t, unsigned flags, const char *const *cells)
{
    if (t->failed)
        return;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **nc = airoi__reallocarray(t->cells, cap * t->ncols, sizeof *nc);
        if (!nc) {
            t->failed = 1;
            return;
        }
        t->cells = nc;
        unsigned *nf = airoi__reallocarray(t->flags, cap, sizeof *nf);
        if (!nf) {
            t->failed = 1;
            return;
        }
        t->flags = nf;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * t->ncols;
    for (size_t c = 0; c < t->ncols; c++) {
        row[c] = airoi__strdup_oneline(cells[c] ? cells[c] : "");
        if (!row[c]) {
            for (size_t k = 0; k < c; k++)
                airoi__free(row[k]);
            t->failed = 1;
            return;
        }
    }
    t->flags[t->nrows++] = flags;
}

static void spaces(airoi__buf *b, size_t n)
{
    static const char sp[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;
        airoi__buf_append(b, sp, k);
        n -= k;
    }
}

static void rule(airoi__buf *b, const rpt_table *t, const size_t *w, int indent)
{
    size_t total = 0;
    for (size_t c = 0; c < t->ncols; c++)
        total += w[c] + (c ? 2 : 0);
    spaces(b, (size_t)indent);
    for (size_t i = 0; i < total; i++)
        airoi__buf_puts(b, "\xe2\x94\x80"); /* U+2500 box drawing light horizontal */
    airoi__buf_append(b, "\n", 1);
}

static void text_line(airoi__buf *b, const rpt_table *t, const size_t *w, int indent,
                      const char *const *cells)
{
    airoi__buf tmp;
    airoi__buf_init(&tmp);
    spaces(&tmp, (size_t)indent);
    for (size_t c = 0; c < t->ncols; c++) {
        if (c)
            spaces(&tmp, 2);
        airoi__buf_pad(&tmp, cells[c], c + 1 == t->ncols && !t->right[c] ? 0 : w[c], t->right[c]);
    }
    /* no trailing blanks */
    while (tmp.len > 0 && tmp.data[tmp.len - 1] == ' ')
        tmp.len--;
    if (tmp.data)
        airoi__buf_append(b, tmp.data, tmp.len);
    if (tmp.failed)
        b->failed = 1;
    airoi__buf_free(&tmp);
    airoi__buf_append(b, "\n", 1);
}

void airoi__table_text(airoi__buf *b, const rpt_table *t, int indent)
{
    size_t w[RPT_TABLE_MAX_COLS];
    if (t->failed) {
        b->failed = 1;
        return;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = airoi__utf8_width(t->header[c]);
        for (size_t r = 0; r < t->nrows; r++) {
            size_t cw = airoi__utf8_width(t->cells[r * t->ncols + c]);
            if (cw > w[c])
                w[c] = cw;
        }
    }
    text_line(b, t, w, indent, t->header);
    rule(b, t, w, indent);
    for (size_t r = 0; r < t->nrows; r++) {
        if ((t->flags[r] & RPT_ROW_TOTAL) && (r == 0 || !(t->flags[r - 1] & RPT_ROW_TOTAL)))
            rule(b, t, w, indent);
        text_line(b, t, w, indent, (const char *const *)(t->cells + r * t->ncols));
    }
}

static void md_cell(airoi__buf *b, const char *s, int bold)
{
    airoi__buf_append(b, " ", 1);
    if (bold && *s)
        airoi__buf_puts(b, "**");
    for (const char *c = s; *c; c++) {
        if (*c == '|' || *c == '\\' || *c == '*' || *c == '_' || *c == '`')
            airoi__buf_append(b, "\\", 1);
        airoi__buf_append(b, c, 1); /* cells hold no control characters (table_row) */
    }
    if (bold && *s)
        airoi__buf_puts(b, "**");
    airoi__buf_puts(b, " |");
}

void airoi__table_markdown(airoi__buf *b, const rpt_table *t)
{
    if (t->failed) {
        b->failed = 1;
        return;
    }
    airoi__buf_append(b, "|", 1);
    for (size_t c = 0; c < t->ncols; c++)
        md_cell(b, t->header[c], 0);
    airoi__buf_append(b, "\n|", 2);
    for (size_t c = 0; c < t->ncols; c++)
        airoi__buf_puts(b, t->right[c] ? " ---: |" : " --- |");
    airoi__buf_append(b, "\n", 1);
    for (size_t r = 0; r < t->nrows; r++) {
        airoi__buf_append(b, "|", 1);
        for (size_t c = 0; c < t->ncols; c++)
            md_cell(b, t->cells[r * t->ncols + c], (t->flags[r] & RPT_ROW_TOTAL) != 0);
        airoi__buf_append(b, "\n", 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Descriptions                                                              */
/* ------------------------------------------------------------------------ */

void airoi__fmt_amounts_in(char *buf, size_t cap, const rpt *R)
{
    const char *cur = R->currency ? R->currency : "";
    const char *word = airoi__unit_word(R->unit);
    char u[80];
    if (R->unit == 1)
        snprintf(buf, cap, "%s", cur);
    else if (word && *cur)
        snprintf(buf, cap, "%s %s", cur, word);
    else if (word)
        snprintf(buf, cap, "%ss", word);
    else {
        airoi__fmt_short(u, sizeof u, R->unit);
        snprintf(buf, cap, "%s%s%s", u, *cur ? " " : "", cur);
    }
}

void airoi__fmt_horizon(char *buf, size_t cap, const rpt *R)
{
    char y[64];
    double years = R->horizon / R->periods_per_year;
    airoi__fmt_short(y, sizeof y, years);
    if (R->period == AIROI_PERIOD_YEAR)
        snprintf(buf, cap, "%.0f year%s (periods 0-%.0f)", R->horizon, R->horizon == 1 ? "" : "s",
                 R->horizon);
    else
        snprintf(buf, cap, "%.0f %s%s = %s year%s (periods 0-%.0f)", R->horizon, R->period_name,
                 R->horizon == 1 ? "" : "s", y, years == 1 ? "" : "s", R->horizon);
}

/* Amounts in tables: grouped, with the report's number of decimals (R in scope). */
#define money(buf, cap, v) airoi__fmt_grouped((buf), (cap), (v), R->money_decimals)

static void money_or_dash(char *buf, size_t cap, const rpt *R, double v)
{
    if (v == 0)
        snprintf(buf, cap, "-");
    else
        money(buf, cap, v);
}

static void pct_opt(char *buf, size_t cap, const rpt_num *n)
{
    if (n->ok)
        airoi__fmt_percent(buf, cap, n->v);
    else
        snprintf(buf, cap, "n/a");
}

static void share(char *buf, size_t cap, double part, double whole)
{
    if (whole == 0 || !isfinite(part / whole))
        snprintf(buf, cap, "-");
    else
        airoi__fmt_percent(buf, cap, part / whole);
}

/* ------------------------------------------------------------------------ */
/* The tables                                                                */
/* ------------------------------------------------------------------------ */

int airoi__tbl_metrics(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Metric", "Value", "Meaning"};
    static const int right[] = {0, 1, 0};
    const rpt_metrics *m = &R->metrics;
    char v[128], note[160], yrs[64], rate[64];
    airoi__table_init(t, 3, head, right);
#define ROW(label, value, text) do { const char *row_[3] = {(label), (value), (text)}; \
        airoi__table_row(t, 0, row_); } while (0)
#define MONEY_OR_NA(n) do { if ((n)->ok) airoi__fmt_money(v, sizeof v, R, (n)->v); \
        else snprintf(v, sizeof v, "n/a"); } while (0)

    airoi__fmt_percent(rate, sizeof rate, R->discount_rate);
    const rpt_num *n = rpt_metric(m, AIROI_METRIC_NPV);
    MONEY_OR_NA(n);
    snprintf(note, sizeof note, "net cash flows discounted at %s a year", rate);
    ROW("Net present value (NPV)", v, note);

    n = rpt_metric(m, AIROI_METRIC_IRR);
    pct_opt(v, sizeof v, n);
    ROW("Internal rate of return", v, n->ok ? "annual rate at which NPV is 0" : "no rate makes NPV 0");

    n = rpt_metric(m, AIROI_METRIC_MIRR);
    pct_opt(v, sizeof v, n);
    ROW("Modified IRR (MIRR)", v, "annual, at the finance and reinvestment rates");

    pct_opt(v, sizeof v, rpt_metric(m, AIROI_METRIC_ROI_BASIC));
    double w = R->periods_per_year < R->horizon ? R->periods_per_year : R->horizon;
    snprintf(note, sizeof note, "basic ROI: periods 0-%.0f, up-front costs included", w);
    ROW("First-year ROI", v, note);

    airoi__fmt_short(yrs, sizeof yrs, R->horizon / R->periods_per_year);
    snprintf(note, sizeof note, "whole horizon (%s year%s), undiscounted", yrs,
             R->horizon == R->periods_per_year ? "" : "s");
    pct_opt(v, sizeof v, rpt_metric(m, AIROI_METRIC_ROI_HORIZON));
    ROW("Horizon ROI", v, note);

    pct_opt(v, sizeof v, rpt_metric(m, AIROI_METRIC_ROI_ANNUALISED));
    snprintf(note, sizeof note, "a year of the horizon (totals / %s year%s); benchmarked", yrs,
             R->horizon == R->periods_per_year ? "" : "s");
    ROW("Annualised ROI", v, note);

    pct_opt(v, sizeof v, rpt_metric(m, AIROI_METRIC_NPV_ROI));
    ROW("NPV-ROI", v, "NPV / present value of costs");

    /* In the report of one scenario these two are still over all of them. */
    const char *all = "probability-weighted over all scenarios, not this one's";
    pct_opt(v, sizeof v, rpt_metric(m, AIROI_METRIC_ROI_RISK_ADJUSTED));
    ROW(R->scenario ? "Risk-adjusted ROI (all scenarios)" : "Risk-adjusted ROI",
        v, R->implicit_base ? "no scenarios: equals the horizon ROI"
           : R->scenario    ? all
                            : "probability-weighted over the scenarios");

    n = rpt_metric(m, AIROI_METRIC_EXPECTED_NPV);
    MONEY_OR_NA(n);
    ROW(R->scenario ? "Expected NPV (all scenarios)" : "Expected NPV",
        v, R->implicit_base ? "no scenarios: equals the NPV"
           : R->scenario    ? all
                            : "probability-weighted over the scenarios");

    n = rpt_metric(m, AIROI_METRIC_BCR);
    if (n->ok) airoi__fmt_grouped(v, sizeof v, n->v, 2); else snprintf(v, sizeof v, "n/a");
    ROW("Benefit-cost ratio", v, "PV of benefits / PV of costs");

    static const airoi_metric paybacks[2] = {AIROI_METRIC_PAYBACK_PERIODS,
                                             AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS};
    for (int k = 0; k < 2; k++) {
        n = rpt_metric(m, paybacks[k]);
        airoi__fmt_payback_short(v, sizeof v, R, n);
        const char *what = k ? "discounted cumulative net" : "cumulative net cash";
        if (!n->ok) {
            snprintf(note, sizeof note, "%s stays negative", what);
        } else if (R->period == AIROI_PERIOD_YEAR) {
            snprintf(note, sizeof note, "%s turns positive", what);
        } else {
            airoi__fmt_grouped(yrs, sizeof yrs, n->v / R->periods_per_year, 2);
            snprintf(note, sizeof note, "%s years; %s turns positive", yrs, what);
        }
        ROW(k ? "Discounted payback" : "Payback", v, note);
    }

    n = rpt_metric(m, AIROI_METRIC_PV_COSTS);
    MONEY_OR_NA(n);
    ROW("PV of costs", v, "");
    n = rpt_metric(m, AIROI_METRIC_PV_BENEFITS);
    MONEY_OR_NA(n);
    ROW("PV of benefits", v, "");
    n = rpt_metric(m, AIROI_METRIC_ANNUAL_COSTS);
    if (n->ok) {
        airoi__fmt_money(v, sizeof v, R, n->v);
        ROW("Annual costs", v, "total costs / years of the horizon");
    }
    n = rpt_metric(m, AIROI_METRIC_ANNUAL_BENEFITS);
    if (n->ok) {
        airoi__fmt_money(v, sizeof v, R, n->v);
        ROW("Annual benefits", v, "total benefits / years of the horizon");
    }
#undef MONEY_OR_NA
#undef ROW
    return 1;
}

int airoi__tbl_tco(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Category", "Kind", "Amount", "Share"};
    static const int right[] = {0, 0, 1, 1};
    const rpt_metrics *m = &R->metrics;
    double total = rpt_metric(m, AIROI_METRIC_TCO_TOTAL)->v;
    char a[96], s[32];
    airoi__table_init(t, 4, head, right);
    for (size_t c = 0; c < R->ncategories; c++) {
        money_or_dash(a, sizeof a, R, R->category_total[c]);
        share(s, sizeof s, R->category_total[c], total);
        const char *row[4] = {R->category_names[c], R->category_hidden[c] ? "hidden" : "direct", a,
                              R->category_total[c] == 0 ? "" : s};
        airoi__table_row(t, 0, row);
    }
    double direct = rpt_metric(m, AIROI_METRIC_TCO_DIRECT)->v;
    double hidden = rpt_metric(m, AIROI_METRIC_TCO_HIDDEN)->v;
    money(a, sizeof a, direct);
    share(s, sizeof s, direct, total);
    const char *r1[4] = {"Direct costs", "", a, s};
    airoi__table_row(t, RPT_ROW_TOTAL, r1);
    money(a, sizeof a, hidden);
    share(s, sizeof s, hidden, total);
    const char *r2[4] = {"Hidden costs", "", a, s};
    airoi__table_row(t, RPT_ROW_TOTAL, r2);
    money(a, sizeof a, total);
    const char *r3[4] = {"Total cost of ownership", "", a, total == 0 ? "-" : "100.0%"};
    airoi__table_row(t, RPT_ROW_TOTAL, r3);
    const rpt_num *pv = rpt_metric(m, AIROI_METRIC_TCO_PV);
    if (pv->ok) {
        money(a, sizeof a, pv->v);
        const char *r4[4] = {"Present value", "", a, ""};
        airoi__table_row(t, RPT_ROW_TOTAL, r4);
    }
    const rpt_num *an = rpt_metric(m, AIROI_METRIC_ANNUAL_COSTS);
    if (an->ok) {
        money(a, sizeof a, an->v);
        const char *r5[4] = {"Per year", "", a, ""};
        airoi__table_row(t, RPT_ROW_TOTAL, r5);
    }
    return 1;
}

int airoi__tbl_value(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Dimension", "Amount", "Share"};
    static const int right[] = {0, 1, 1};
    double total = rpt_metric(&R->metrics, AIROI_METRIC_TOTAL_BENEFITS)->v;
    char a[96], s[32], label[64];
    airoi__table_init(t, 3, head, right);
    for (size_t d = 0; d < R->ndimensions; d++) {
        money_or_dash(a, sizeof a, R, R->dimension_total[d]);
        share(s, sizeof s, R->dimension_total[d], total);
        int strategic = d == AIROI_DIMENSION_STRATEGIC;
        snprintf(label, sizeof label, "%s%s", R->dimension_names[d], strategic ? " (monetized)" : "");
        const char *row[3] = {label, a, R->dimension_total[d] == 0 ? "" : s};
        airoi__table_row(t, 0, row);
    }
    money(a, sizeof a, total);
    const char *rt[3] = {"Total benefits", a, total == 0 ? "-" : "100.0%"};
    airoi__table_row(t, RPT_ROW_TOTAL, rt);
    if (R->strategic_unmonetized != 0) {
        money(a, sizeof a, R->strategic_unmonetized);
        const char *rs[3] = {"Strategic, not monetized (not counted)", a, ""};
        airoi__table_row(t, RPT_ROW_TOTAL, rs);
    }
    return 1;
}

/* Year k of a monthly or quarterly model: periods (k-1)n+1 .. kn, with
 * period 0 (the start) counted in year 1, as roi_basic does. */
int airoi__tbl_years(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Year", "Periods", "Costs", "Benefits", "Net", "Cumulative"};
    static const int right[] = {0, 0, 1, 1, 1, 1};
    size_t ppy = (size_t)R->periods_per_year;
    if (ppy <= 1 || R->nperiods <= ppy + 1)
        return 0;
    airoi__table_init(t, 6, head, right);
    size_t first = 0;
    for (size_t year = 1; first < R->nperiods; year++) {
        size_t last = year * ppy;
        if (last >= R->nperiods)
            last = R->nperiods - 1;
        airoi__sum c = {0, 0}, bsum = {0, 0};
        for (size_t p = first; p <= last; p++) {
            airoi__sum_add(&c, R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)][p]);
            airoi__sum_add(&bsum, R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)][p]);
        }
        char y[32], per[80], cs[64], bs[64], ns[64], cu[64];
        snprintf(y, sizeof y, "%zu", year);
        /* "months 0-12" (year 1 holds period 0, the start), "months 13-24";
         * a year that the horizon cuts short says so */
        snprintf(per, sizeof per, "%ss %zu-%zu%s", R->period_name, first, last,
                 last < year * ppy ? " (part of a year)" : "");
        money(cs, sizeof cs, airoi__sum_get(&c));
        money(bs, sizeof bs, airoi__sum_get(&bsum));
        money(ns, sizeof ns, airoi__sum_get(&bsum) - airoi__sum_get(&c));
        money(cu, sizeof cu, R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_CUMULATIVE)][last]);
        const char *row[6] = {y, per, cs, bs, ns, cu};
        airoi__table_row(t, 0, row);
        first = last + 1;
    }
    return 1;
}

int airoi__tbl_schedule(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Period", "Costs", "Benefits", "Net", "Cumulative",
                                       "Discounted", "Disc. cumulative"};
    static const int right[] = {1, 1, 1, 1, 1, 1, 1};
    static const int cols[] = {AIROI_SCHEDULE_COSTS, AIROI_SCHEDULE_BENEFITS, AIROI_SCHEDULE_NET,
                               AIROI_SCHEDULE_CUMULATIVE, AIROI_SCHEDULE_DISCOUNTED,
                               AIROI_SCHEDULE_DISCOUNTED_CUMULATIVE};
    if (R->nperiods == 0)
        return 0;
    airoi__table_init(t, 7, head, right);
    char cells[7][64];
    const char *row[7];
    for (size_t p = 0; p < R->nperiods; p++) {
        snprintf(cells[0], sizeof cells[0], "%zu", p);
        for (int c = 0; c < 6; c++)
            money(cells[c + 1], sizeof cells[c + 1], R->col[AIROI__ENUM_INDEX(cols[c])][p]);
        for (int c = 0; c < 7; c++)
            row[c] = cells[c];
        airoi__table_row(t, 0, row);
    }
    airoi__sum c = {0, 0}, bsum = {0, 0}, d = {0, 0};
    for (size_t p = 0; p < R->nperiods; p++) {
        airoi__sum_add(&c, R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)][p]);
        airoi__sum_add(&bsum, R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)][p]);
        airoi__sum_add(&d, R->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_DISCOUNTED)][p]);
    }
    snprintf(cells[0], sizeof cells[0], "Total");
    money(cells[1], sizeof cells[1], airoi__sum_get(&c));
    money(cells[2], sizeof cells[2], airoi__sum_get(&bsum));
    money(cells[3], sizeof cells[3], airoi__sum_get(&bsum) - airoi__sum_get(&c));
    cells[4][0] = '\0';
    money(cells[5], sizeof cells[5], airoi__sum_get(&d));
    cells[6][0] = '\0';
    for (int k = 0; k < 7; k++)
        row[k] = cells[k];
    airoi__table_row(t, RPT_ROW_TOTAL, row);
    return 1;
}

int airoi__tbl_scenarios(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Scenario", "Probability", "NPV", "IRR", "First-year ROI",
                                       "Horizon ROI", "Payback"};
    static const int right[] = {0, 1, 1, 1, 1, 1, 1};
    if (R->nscenarios == 0)
        return 0;
    airoi__table_init(t, 7, head, right);
    char c[7][96];
    const char *row[7];
    for (int k = 0; k < 7; k++)
        row[k] = c[k];
    double psum = 0;
    for (size_t i = 0; i < R->nscenarios; i++) {
        const rpt_scenario *s = &R->scenarios[i];
        const rpt_metrics *m = &s->metrics;
        psum += s->probability;
        snprintf(c[0], sizeof c[0], "%s", s->name);
        airoi__fmt_percent(c[1], sizeof c[1], s->probability);
        const rpt_num *n = rpt_metric(m, AIROI_METRIC_NPV);
        if (n->ok) money(c[2], sizeof c[2], n->v); else snprintf(c[2], sizeof c[2], "n/a");
        pct_opt(c[3], sizeof c[3], rpt_metric(m, AIROI_METRIC_IRR));
        pct_opt(c[4], sizeof c[4], rpt_metric(m, AIROI_METRIC_ROI_BASIC));
        pct_opt(c[5], sizeof c[5], rpt_metric(m, AIROI_METRIC_ROI_HORIZON));
        airoi__fmt_payback_short(c[6], sizeof c[6], R, rpt_metric(m, AIROI_METRIC_PAYBACK_PERIODS));
        airoi__table_row(t, 0, row);
    }
    if (R->nscenarios > 1 || R->implicit_base) {
        const rpt_metrics *m = &R->metrics;
        snprintf(c[0], sizeof c[0], "Expected (risk-adjusted)");
        airoi__fmt_percent(c[1], sizeof c[1], psum);
        const rpt_num *n = rpt_metric(m, AIROI_METRIC_EXPECTED_NPV);
        if (n->ok) money(c[2], sizeof c[2], n->v); else snprintf(c[2], sizeof c[2], "n/a");
        c[3][0] = c[4][0] = c[6][0] = '\0';
        pct_opt(c[5], sizeof c[5], rpt_metric(m, AIROI_METRIC_ROI_RISK_ADJUSTED));
        airoi__table_row(t, RPT_ROW_TOTAL, row);
    }
    return 1;
}

int airoi__tbl_findings(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Severity", "Code", "Finding", "Actual", "Reference"};
    static const int right[] = {0, 0, 0, 1, 1};
    if (R->nfindings == 0)
        return 0;
    airoi__table_init(t, 5, head, right);
    for (size_t i = 0; i < R->nfindings; i++) {
        const rpt_finding *f = &R->findings[i];
        char a[64], r[64];
        airoi__fmt_finding_numbers(a, r, sizeof a, f);
        const char *row[5] = {f->severity, f->code, f->message, a, r};
        airoi__table_row(t, 0, row);
    }
    return 1;
}

int airoi__tbl_benchmark(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Figure", "This project", "Benchmark range", "Position"};
    static const int right[] = {0, 1, 1, 0};
    char investment[64];
    snprintf(investment, sizeof investment, "Investment (%s)",
             airoi__benchmark_get_basis()->investment_label);
    const char *const labels[RPT_BENCH_FIELDS] = {"Annualised ROI", "Payback (months)",
                                                  investment};
    if (!R->has_benchmark)
        return 0;
    airoi__table_init(t, 4, head, right);
    for (int i = 0; i < RPT_BENCH_FIELDS; i++) {
        const rpt_bench_field *f = &R->bench[i];
        char v[64], lo[64], hi[64], range[160];
        if (i == 0) {
            pct_opt(v, sizeof v, &f->value);
            pct_opt(lo, sizeof lo, &f->low);
            pct_opt(hi, sizeof hi, &f->high);
        } else {
            if (f->value.ok)
                airoi__fmt_grouped(v, sizeof v, f->value.v, i == 1 ? 1 : 2);
            else
                snprintf(v, sizeof v, i == 1 ? "never" : "n/a");
            airoi__fmt_short(lo, sizeof lo, f->low.v);
            airoi__fmt_short(hi, sizeof hi, f->high.v);
        }
        snprintf(range, sizeof range, "%s - %s", lo, hi);
        const char *pos = f->position ? f->position : "-";
        if (f->position && i == 0 && f->position[0] == 'a')
            pos = "above (optimistic?)";
        const char *row[4] = {labels[i], v, range, pos};
        airoi__table_row(t, 0, row);
    }
    return 1;
}

/* One figure of plan and honest estimate: what it is measured in. */
enum { HON_MONEY, HON_RATE, HON_PAYBACK };

/* A signed change in the figure's own terms: "+1,234", "-12.3 pts",
 * "+2.5 months". */
static void fmt_change(char *buf, size_t cap, const rpt *R, int kind, const rpt_num *d)
{
    char g[80];
    if (!d->ok) {
        snprintf(buf, cap, "n/a");
        return;
    }
    const char *sign = d->v > 0 ? "+" : "";
    if (kind == HON_MONEY) {
        money(g, sizeof g, d->v);
        snprintf(buf, cap, "%s%s", sign, g);
    } else if (kind == HON_RATE) {
        airoi__fmt_grouped(g, sizeof g, d->v * 100, 1);
        snprintf(buf, cap, "%s%s pts", sign, g);
    } else {
        airoi__fmt_grouped(g, sizeof g, d->v, R->period == AIROI_PERIOD_YEAR ? 2 : 1);
        snprintf(buf, cap, "%s%s %ss", sign, g, R->period_name);
    }
}

static void fmt_figure(char *buf, size_t cap, const rpt *R, int kind, const rpt_num *n)
{
    if (kind == HON_PAYBACK)
        airoi__fmt_payback_short(buf, cap, R, n);
    else if (kind == HON_RATE)
        pct_opt(buf, cap, n);
    else if (n->ok)
        money(buf, cap, n->v);
    else
        snprintf(buf, cap, "n/a");
}

static void honest_row(rpt_table *t, const rpt *R, const char *label, int kind,
                       const rpt_num *plan, const rpt_num *honest, unsigned flags)
{
    char c[4][96];
    rpt_num d, q;
    airoi__change(&d, &q, plan, honest);
    fmt_figure(c[0], sizeof c[0], R, kind, plan);
    fmt_figure(c[1], sizeof c[1], R, kind, honest);
    fmt_change(c[2], sizeof c[2], R, kind, &d);
    if (q.ok) {
        char g[80];
        airoi__fmt_grouped(g, sizeof g, q.v * 100, 1);
        snprintf(c[3], sizeof c[3], "%s%s%%", q.v > 0 ? "+" : "", g);
    } else {
        snprintf(c[3], sizeof c[3], "n/a");
    }
    const char *row[5] = {label, c[0], c[1], c[2], c[3]};
    airoi__table_row(t, flags, row);
}

int airoi__tbl_honest(rpt_table *t, const rpt *R)
{
    static const char *const head[] = {"Figure", "Plan", "Honest estimate", "Change",
                                       "Change (%)"};
    static const int right[] = {0, 1, 1, 1, 1};
    static const struct {
        const char *label;
        int metric;
        int kind;
    } metrics[] = {
        {"Net present value (NPV)", AIROI_METRIC_NPV, HON_MONEY},
        {"Internal rate of return", AIROI_METRIC_IRR, HON_RATE},
        {"First-year ROI", AIROI_METRIC_ROI_BASIC, HON_RATE},
        {"Horizon ROI", AIROI_METRIC_ROI_HORIZON, HON_RATE},
        {"Annualised ROI", AIROI_METRIC_ROI_ANNUALISED, HON_RATE},
        {"NPV-ROI", AIROI_METRIC_NPV_ROI, HON_RATE},
        {"Risk-adjusted ROI", AIROI_METRIC_ROI_RISK_ADJUSTED, HON_RATE},
        {"Payback", AIROI_METRIC_PAYBACK_PERIODS, HON_PAYBACK},
        {"Discounted payback", AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS, HON_PAYBACK},
    }, tco[] = {
        {"Direct costs", AIROI_METRIC_TCO_DIRECT, HON_MONEY},
        {"Hidden costs", AIROI_METRIC_TCO_HIDDEN, HON_MONEY},
        {"Hidden share", AIROI_METRIC_TCO_HIDDEN_SHARE, HON_RATE},
        {"Total cost of ownership", AIROI_METRIC_TCO_TOTAL, HON_MONEY},
        {"Present value", AIROI_METRIC_TCO_PV, HON_MONEY},
    };
    if (!R->has_plan)
        return 0;
    airoi__table_init(t, 5, head, right);
    for (size_t i = 0; i < sizeof metrics / sizeof metrics[0]; i++)
        honest_row(t, R, metrics[i].label, metrics[i].kind,
                   rpt_metric(&R->plan_metrics, metrics[i].metric),
                   rpt_metric(&R->metrics, metrics[i].metric), 0);
    /* the TCO: each category with costs, then the totals */
    for (size_t c = 0; c < R->ncategories; c++) {
        rpt_num plan = {R->plan_category_total[c], 1}, honest = {R->category_total[c], 1};
        if (plan.v == 0 && honest.v == 0)
            continue;
        char label[80];
        snprintf(label, sizeof label, "TCO: %s", R->category_names[c]);
        honest_row(t, R, label, HON_MONEY, &plan, &honest, 0);
    }
    for (size_t i = 0; i < sizeof tco / sizeof tco[0]; i++)
        honest_row(t, R, tco[i].label, tco[i].kind, rpt_metric(&R->plan_metrics, tco[i].metric),
                   rpt_metric(&R->metrics, tco[i].metric), RPT_ROW_TOTAL);
    return 1;
}
