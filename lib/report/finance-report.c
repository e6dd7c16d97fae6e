/*
 * lib/report/finance-report.c: capex and opex, depreciation, tax, the
 * after-tax metrics, inflation (real and nominal) and the terminal value in
 * the reports (docs/reports.md#capex-tax-inflation-and-terminal-value). The
 * figures are lib/eval/tax.c's; a model that uses none of these keys gets
 * none of these members, so its reports are as before.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "airoi/tax.h"
#include "eval-private.h"
#include "report-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))
#define FIG(x) AIROI__ENUM_INDEX(x)

/* The series of R->fin->series, in this order. */
static const int series_figures[RPT_FIN_SERIES - 1] = {
    AIROI_FIGURE_CAPEX, AIROI_FIGURE_OPEX, AIROI_FIGURE_DEPRECIATION,
    AIROI_FIGURE_TAXABLE_INCOME, AIROI_FIGURE_TAX, AIROI_FIGURE_LOSS_CARRYFORWARD,
    AIROI_FIGURE_NET_REAL,
};
#define NET_AFTER_TAX (RPT_FIN_SERIES - 1)

static void read_figures(rpt_num *fig, const airoi_result *r)
{
    for (int i = 0; i < RPT_FIN_FIGURES; i++) {
        double v = 0;
        fig[i].ok = airoi__result_get_finance_figure(&v, r, AIROI_FIGURE_CAPEX + i) == AIROI_OK;
        fig[i].v = fig[i].ok ? v : 0;
    }
    airoi__error_clear();
}

int airoi__rpt_finance_gather(rpt *R, const airoi_result *r)
{
    const airoi__settings *st = &r->settings;
    const airoi__fin_settings *f = &st->fin;
    int has_capex = 0;
    for (size_t t = 0; r->fin && t < r->fin->n; t++)
        has_capex |= r->fin->capex[t] != 0.0;
    int used = has_capex || r->after_tax ||
               (st->set & (BIT(AIROI_PROJECT_INFLATION) | BIT(AIROI_PROJECT_DISCOUNT_REAL) |
                           BIT(AIROI_PROJECT_TERMINAL_METHOD)));
    if (!used || !r->fin)
        return AIROI_OK;
    rpt_fin *F = airoi__calloc(1, sizeof *F);
    if (!F)
        return AIROI_ERR_NOMEM;
    R->fin = F;
    F->has_capex = has_capex;
    F->has_tax = r->after_tax != NULL;
    F->tax_rate = f->tax_rate;
    F->carry = f->loss_carryforward;
    F->has_inflation = (st->set & BIT(AIROI_PROJECT_INFLATION)) != 0;
    F->inflation = f->inflation;
    F->discount_real = f->discount_real;
    F->tv_method = f->tv_method;
    F->tv_parameter = f->tv_method == AIROI_TERMINAL_GORDON ? f->tv_growth : f->tv_multiple;
    read_figures(F->fig, r);
    size_t n = R->nperiods;
    F->block = airoi__calloc(RPT_FIN_SERIES * (n ? n : 1), sizeof(double));
    if (!F->block)
        return AIROI_ERR_NOMEM;
    for (int k = 0; k < RPT_FIN_SERIES; k++)
        F->series[k] = F->block + (size_t)k * n;
    size_t len = 0;
    for (int k = 0; k < RPT_FIN_SERIES - 1; k++)
        airoi__result_get_finance_series(F->series[k], n, &len, r, series_figures[k]);
    if (!F->has_tax)
        return AIROI_OK;
    const airoi_result *at = r->after_tax;
    read_figures(F->fig_at, at);
    airoi__rpt_read_metrics(&F->at, R->nmetrics, at);
    const airoi_schedule *s = at->schedule;
    for (size_t t = 0; t < n && t < s->n; t++)
        F->series[NET_AFTER_TAX][t] = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)][t];
    F->scenario_at = airoi__calloc(R->nscenarios ? R->nscenarios : 1, sizeof *F->scenario_at);
    if (!F->scenario_at)
        return AIROI_ERR_NOMEM;
    for (size_t i = 0; i < R->nscenarios; i++) {
        const airoi_result *sub = r->n_subs ? &r->subs[i] : r;
        if (sub->after_tax)
            airoi__rpt_read_metrics(&F->scenario_at[i], R->nmetrics, sub->after_tax);
    }
    return AIROI_OK;
}

void airoi__rpt_finance_release(rpt *R)
{
    if (!R->fin)
        return;
    airoi__free(R->fin->block);
    airoi__free(R->fin->scenario_at);
    airoi__free(R->fin);
    R->fin = NULL;
}

/* ---- JSON ------------------------------------------------------------------------ */

static void metrics_json(rpt_jw *w, const char *k, const rpt *R, const rpt_metrics *m)
{
    airoi__jw_open(w, k, '{');
    for (size_t i = 0; i < R->nmetrics; i++)
        airoi__jw_opt(w, R->metric_names[i], &m->m[i]);
    airoi__jw_close(w, '}');
}

void airoi__rpt_finance_json_metrics(rpt_jw *w, const rpt *R)
{
    if (R->fin && R->fin->has_tax)
        metrics_json(w, "metrics_after_tax", R, &R->fin->at);
}

void airoi__rpt_finance_json_tco(rpt_jw *w, const rpt *R)
{
    if (!R->fin)
        return;
    airoi__jw_opt(w, "capex", &R->fin->fig[FIG(AIROI_FIGURE_CAPEX)]);
    airoi__jw_opt(w, "opex", &R->fin->fig[FIG(AIROI_FIGURE_OPEX)]);
}

void airoi__rpt_finance_json_scenario(rpt_jw *w, const rpt *R, size_t i)
{
    if (R->fin && R->fin->has_tax)
        metrics_json(w, "metrics_after_tax", R, &R->fin->scenario_at[i]);
}

/* The terminal value members of one view (pre-tax or after tax). */
static void terminal_json(rpt_jw *w, const rpt_num *fig)
{
    airoi__jw_opt(w, "terminal_value", &fig[FIG(AIROI_FIGURE_TERMINAL_VALUE)]);
    airoi__jw_opt(w, "npv_terminal_value", &fig[FIG(AIROI_FIGURE_NPV_TERMINAL_VALUE)]);
    airoi__jw_opt(w, "npv_with_terminal_value", &fig[FIG(AIROI_FIGURE_NPV_WITH_TERMINAL_VALUE)]);
}

void airoi__rpt_finance_json(rpt_jw *w, const rpt *R)
{
    const rpt_fin *F = R->fin;
    if (!F)
        return;
    airoi__jw_open(w, "finance", '{');
    if (F->has_tax) {
        airoi__jw_num(w, "tax_rate", F->tax_rate);
        airoi__jw_bool(w, "loss_carryforward", F->carry);
    } else {
        airoi__jw_str(w, "tax_rate", NULL);
        airoi__jw_bool(w, "loss_carryforward", 0);
    }
    for (int i = 0; i < RPT_FIN_SERIES - 1; i++)
        if (series_figures[i] != AIROI_FIGURE_NET_REAL)
            airoi__jw_opt(w, airoi__finance_figure_name(series_figures[i]),
                          &F->fig[FIG(series_figures[i])]);
    airoi__jw_open(w, "inflation", '{');
    airoi__jw_num(w, "rate", F->inflation);
    airoi__jw_bool(w, "discount_rate_real", F->discount_real);
    airoi__jw_opt(w, "discount_rate_nominal", &F->fig[FIG(AIROI_FIGURE_DISCOUNT_RATE_NOMINAL)]);
    airoi__jw_opt(w, "discount_rate_real", &F->fig[FIG(AIROI_FIGURE_DISCOUNT_RATE_REAL)]);
    airoi__jw_opt(w, "irr_real", &F->fig[FIG(AIROI_FIGURE_IRR_REAL)]);
    airoi__jw_opt(w, "npv_real", &F->fig[FIG(AIROI_FIGURE_NPV_REAL)]);
    airoi__jw_opt(w, "net_real", &F->fig[FIG(AIROI_FIGURE_NET_REAL)]);
    if (F->has_tax)
        airoi__jw_opt(w, "irr_real_after_tax", &F->fig_at[FIG(AIROI_FIGURE_IRR_REAL)]);
    airoi__jw_close(w, '}');
    airoi__jw_open(w, "terminal_value", '{');
    airoi__jw_str(w, "method", airoi__terminal_method_name(F->tv_method));
    if (F->tv_method == AIROI_TERMINAL_GORDON)
        airoi__jw_num(w, "growth", F->tv_parameter);
    else if (F->tv_method == AIROI_TERMINAL_EXIT_MULTIPLE)
        airoi__jw_num(w, "multiple", F->tv_parameter);
    terminal_json(w, F->fig);
    if (F->has_tax) {
        airoi__jw_open(w, "after_tax", '{');
        terminal_json(w, F->fig_at);
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, '}');
    airoi__jw_open(w, "schedule", '[');
    for (size_t t = 0; t < R->nperiods; t++) {
        airoi__jw_open(w, NULL, '{');
        airoi__jw_num(w, "period", (double)t);
        for (int i = 0; i < RPT_FIN_SERIES - 1; i++)
            airoi__jw_num(w, airoi__finance_figure_name(series_figures[i]), F->series[i][t]);
        if (F->has_tax)
            airoi__jw_num(w, "net_after_tax", F->series[NET_AFTER_TAX][t]);
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
    airoi__jw_close(w, '}');
}

/* ---- text, markdown, CSV ------------------------------------------------------------ */

static void line(airoi__buf *b, int markdown, const char *label, const char *value)
{
    char tmp[320];
    snprintf(tmp, sizeof tmp, markdown ? "| %s | %s |\n" : "  %-38s %s\n", label, value);
    airoi__buf_puts(b, tmp);
}

static void money_line(airoi__buf *b, int markdown, const rpt *R, const char *label,
                       const rpt_num *n)
{
    char v[96] = "n/a";
    if (n->ok)
        airoi__fmt_money(v, sizeof v, R, n->v);
    line(b, markdown, label, v);
}

static void percent_line(airoi__buf *b, int markdown, const char *label, const rpt_num *n)
{
    char v[64] = "n/a";
    if (n->ok)
        airoi__fmt_percent(v, sizeof v, n->v);
    line(b, markdown, label, v);
}

void airoi__rpt_finance_text(airoi__buf *b, const rpt *R, int markdown)
{
    const rpt_fin *F = R->fin;
    if (!F)
        return;
    airoi__buf_puts(b, markdown ? "\n## Capex, tax, inflation and terminal value\n\n"
                                  "| Figure | Value |\n|---|---|\n"
                                : "\nCAPEX, TAX, INFLATION AND TERMINAL VALUE\n");
    money_line(b, markdown, R, "Capex (periods 0..horizon)", &F->fig[FIG(AIROI_FIGURE_CAPEX)]);
    money_line(b, markdown, R, "Opex", &F->fig[FIG(AIROI_FIGURE_OPEX)]);
    money_line(b, markdown, R, "Depreciation within the horizon",
               &F->fig[FIG(AIROI_FIGURE_DEPRECIATION)]);
    if (F->has_tax) {
        rpt_num rate = {F->tax_rate, 1};
        percent_line(b, markdown, F->carry ? "Tax rate (losses carried forward)" : "Tax rate",
                     &rate);
        money_line(b, markdown, R, "Tax", &F->fig[FIG(AIROI_FIGURE_TAX)]);
        money_line(b, markdown, R, "NPV after tax", rpt_metric(&F->at, AIROI_METRIC_NPV));
        percent_line(b, markdown, "IRR after tax", rpt_metric(&F->at, AIROI_METRIC_IRR));
        percent_line(b, markdown, "Horizon ROI after tax",
                     rpt_metric(&F->at, AIROI_METRIC_ROI_HORIZON));
    }
    rpt_num infl = {F->inflation, 1};
    percent_line(b, markdown, "Inflation (annual)", &infl);
    percent_line(b, markdown, "Discount rate, nominal",
                 &F->fig[FIG(AIROI_FIGURE_DISCOUNT_RATE_NOMINAL)]);
    percent_line(b, markdown, "Discount rate, real", &F->fig[FIG(AIROI_FIGURE_DISCOUNT_RATE_REAL)]);
    percent_line(b, markdown, "IRR, real", &F->fig[FIG(AIROI_FIGURE_IRR_REAL)]);
    money_line(b, markdown, R, "Net flows in today's money", &F->fig[FIG(AIROI_FIGURE_NET_REAL)]);
    if (F->tv_method != AIROI_TERMINAL_NONE) {
        money_line(b, markdown, R, "Terminal value at the horizon",
                   &F->fig[FIG(AIROI_FIGURE_TERMINAL_VALUE)]);
        money_line(b, markdown, R, "PV of the terminal value (not in NPV)",
                   &F->fig[FIG(AIROI_FIGURE_NPV_TERMINAL_VALUE)]);
        money_line(b, markdown, R, "NPV with terminal value",
                   &F->fig[FIG(AIROI_FIGURE_NPV_WITH_TERMINAL_VALUE)]);
        if (F->has_tax)
            money_line(b, markdown, R, "NPV after tax with terminal value",
                       &F->fig_at[FIG(AIROI_FIGURE_NPV_WITH_TERMINAL_VALUE)]);
    }
}

void airoi__rpt_finance_csv(airoi__buf *b, const rpt *R)
{
    const rpt_fin *F = R->fin;
    if (!F)
        return;
    for (int i = 0; i < RPT_FIN_FIGURES; i++) {
        airoi__csv_field(b, airoi__finance_figure_name(AIROI_FIGURE_CAPEX + i), 1);
        airoi__csv_opt(b, &F->fig[i], 0);
        airoi__csv_field(b, "finance", 0);
        airoi__csv_eol(b);
    }
    for (size_t i = 0; F->has_tax && i < R->nmetrics; i++) {
        airoi__csv_field(b, R->metric_names[i], 1);
        airoi__csv_opt(b, &F->at.m[i], 0);
        airoi__csv_field(b, "after_tax", 0);
        airoi__csv_eol(b);
    }
}
