/*
 * lib/report/tracking-report.c: the report of a tracking (report layer):
 * actuals against plan, the re-forecasts, the indicators and the gates, in
 * JSON (the contract of docs/cli.md#airoi-track), CSV (one row per item's
 * variance), text and Markdown; HTML is the business case of the plan with
 * its tracking part (html-tracking.c). The text part is also the tracking
 * section of the text report of a tracked plan.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report-private.h"
#include "track-private.h"
#include "airoi/version.h"

typedef rpt_jw jw;

static rpt_num rn(double v, int ok)
{
    rpt_num n = {ok && isfinite(v) ? v : 0.0, ok && isfinite(v)};
    return n;
}

static rpt_num figure(const airoi_tracking *t, airoi_tracking_figure f)
{
    double v = 0;
    int ok = airoi__tracking_get_number(&v, t, (int)f) == AIROI_OK;
    return rn(v, ok);
}

static rpt_num metric_of(const airoi_result *r, int m)
{
    double v = 0;
    int ok = airoi__result_get_metric(&v, r, (airoi_metric)m) == AIROI_OK;
    return rn(v, ok);
}

static const char *klass_name(const airoi__variance_row *row)
{
    return row->kind == AIROI_ITEM_KIND_COST ? airoi__category_name((airoi_category)row->klass)
                                             : airoi__dimension_name((airoi_dimension)row->klass);
}

/* ---- JSON ------------------------------------------------------------------------------ */

static void j_metrics(jw *w, const airoi_result *r)
{
    airoi__jw_open(w, "metrics", '{');
    for (int i = 0; i < AIROI__METRIC_COUNT; i++) {
        airoi_metric m = (airoi_metric)(AIROI_METRIC_NPV + i);
        rpt_num n = metric_of(r, m);
        airoi__jw_opt(w, airoi__metric_name(m), &n);
    }
    airoi__jw_close(w, '}');
}

static void j_schedule(jw *w, const airoi_result *r)
{
    static const char *const names[AIROI__COLUMN_COUNT] = {
        "costs", "benefits", "net", "cumulative", "discounted", "discounted_cumulative",
        "discount_factor", "discounted_costs", "discounted_benefits"};
    const airoi_schedule *s = r->schedule;
    airoi__jw_open(w, "schedule", '[');
    for (size_t t = 0; s && t < s->n; t++) {
        airoi__jw_open(w, NULL, '{');
        airoi__jw_num(w, "period", (double)t);
        for (int c = 0; c < AIROI__COLUMN_COUNT; c++)
            airoi__jw_num(w, names[c], s->col[c][t]);
        if (s->has_split) {
            airoi__jw_open(w, "costs_by_category", '{');
            for (int c = 0; c < AIROI__CATEGORY_COUNT; c++)
                airoi__jw_num(w, airoi__category_name((airoi_category)(AIROI_CATEGORY_PEOPLE + c)),
                              s->cat[c][t]);
            airoi__jw_close(w, '}');
            airoi__jw_open(w, "benefits_by_dimension", '{');
            for (int d = 0; d < AIROI__DIMENSION_COUNT; d++)
                airoi__jw_num(w,
                              airoi__dimension_name((airoi_dimension)(AIROI_DIMENSION_EFFICIENCY + d)),
                              s->dim[d][t]);
            airoi__jw_close(w, '}');
        }
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
}

/* Sum of the variance of the rows of one kind, per class, in class order;
 * only the classes that have a row. */
static void j_by_class(jw *w, const char *key, const airoi_tracking *t, int kind)
{
    int count = kind == AIROI_ITEM_KIND_COST ? AIROI__CATEGORY_COUNT : AIROI__DIMENSION_COUNT;
    int base = kind == AIROI_ITEM_KIND_COST ? AIROI_CATEGORY_PEOPLE : AIROI_DIMENSION_EFFICIENCY;
    airoi__jw_open(w, key, '{');
    for (int c = 0; c < count; c++) {
        airoi__sum s = {0, 0};
        int any = 0;
        const char *name = NULL;
        for (size_t i = 0; i < t->n_rows; i++) {
            const airoi__variance_row *row = &t->rows[i];
            if (row->kind != kind || row->klass != base + c)
                continue;
            any = 1;
            name = klass_name(row);
            airoi__sum_add(&s, row->actual - row->planned);
        }
        if (any)
            airoi__jw_num(w, name, airoi__sum_get(&s));
    }
    airoi__jw_close(w, '}');
}

static void j_tracking(jw *w, const airoi_tracking *t)
{
    airoi__jw_open(w, "tracking", '{');
    rpt_num n = rn(t->as_of, t->as_of >= 0);
    airoi__jw_opt(w, "as_of", &n);
    static const struct {
        const char *key;
        airoi_tracking_figure f;
    } to_date[] = {{"costs", AIROI_TRACKING_COSTS},
                   {"benefits", AIROI_TRACKING_BENEFITS},
                   {"net", AIROI_TRACKING_NET},
                   {"roi", AIROI_TRACKING_ROI},
                   {"planned_costs", AIROI_TRACKING_PLANNED_COSTS},
                   {"planned_benefits", AIROI_TRACKING_PLANNED_BENEFITS},
                   {"planned_net", AIROI_TRACKING_PLANNED_NET}};
    airoi__jw_open(w, "to_date", '{');
    for (size_t i = 0; i < sizeof to_date / sizeof *to_date; i++) {
        n = figure(t, to_date[i].f);
        airoi__jw_opt(w, to_date[i].key, &n);
    }
    airoi__jw_close(w, '}');
    airoi__jw_open(w, "variance", '[');
    for (size_t i = 0; i < t->n_rows; i++) {
        const airoi__variance_row *row = &t->rows[i];
        int cost = row->kind == AIROI_ITEM_KIND_COST;
        airoi__jw_open(w, NULL, '{');
        airoi__jw_str(w, "item", row->item);
        airoi__jw_str(w, "kind", cost ? "cost" : "value");
        airoi__jw_str(w, cost ? "category" : "dimension", klass_name(row));
        airoi__jw_num(w, "actual", row->actual);
        airoi__jw_num(w, "planned", row->planned);
        airoi__jw_num(w, "variance", row->actual - row->planned);
        n = rn((row->actual - row->planned) / row->planned, row->planned != 0.0);
        airoi__jw_opt(w, "variance_share", &n);
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
    j_by_class(w, "variance_by_category", t, AIROI_ITEM_KIND_COST);
    j_by_class(w, "variance_by_dimension", t, AIROI_ITEM_KIND_VALUE);
    airoi__jw_open(w, "plan", '{');
    j_metrics(w, t->plan);
    airoi__jw_close(w, '}');
    static const char *const keys[2] = {"reforecast", "reforecast_run_rate"};
    for (int k = 0; k < 2; k++) {
        airoi__jw_open(w, keys[k], '{');
        j_metrics(w, t->reforecast[k]);
        j_schedule(w, t->reforecast[k]);
        airoi__jw_close(w, '}');
    }
    airoi__jw_open(w, "payback", '{');
    n = figure(t, AIROI_TRACKING_PAYBACK_PLANNED);
    airoi__jw_opt(w, "planned", &n);
    n = figure(t, AIROI_TRACKING_PAYBACK_REFORECAST);
    airoi__jw_opt(w, "reforecast", &n);
    airoi__jw_close(w, '}');
    n = rn(t->gates_as_of, t->gates_as_of >= 0);
    airoi__jw_opt(w, "gates_as_of", &n);
    airoi__jw_close(w, '}');
}

static void j_indicators(jw *w, const airoi_tracking *t)
{
    airoi__jw_open(w, "indicators", '[');
    for (size_t i = 0; i < t->n_ind; i++) {
        const airoi__indicator_track *x = &t->ind[i];
        airoi__jw_open(w, NULL, '{');
        airoi__jw_str(w, "name", x->name);
        airoi__jw_str(w, "direction", airoi__direction_name(x->direction));
        airoi__jw_num(w, "target", x->target);
        rpt_num latest = rn(x->n ? x->values[x->n - 1] : 0, x->n > 0);
        rpt_num lp = rn(x->n ? x->periods[x->n - 1] : 0, x->n > 0);
        airoi__jw_opt(w, "latest", &latest);
        airoi__jw_opt(w, "latest_period", &lp);
        airoi__jw_str(w, "status", x->n ? airoi__indicator_status_name(x->status[x->n - 1]) : NULL);
        airoi__jw_open(w, "periods", '[');
        for (size_t j = 0; j < x->n; j++) {
            airoi__jw_open(w, NULL, '{');
            airoi__jw_num(w, "period", x->periods[j]);
            airoi__jw_num(w, "value", x->values[j]);
            airoi__jw_str(w, "status", airoi__indicator_status_name(x->status[j]));
            airoi__jw_close(w, '}');
        }
        airoi__jw_close(w, ']');
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
}

static void j_gates(jw *w, const airoi_tracking *t)
{
    airoi__jw_open(w, "gates", '[');
    for (size_t i = 0; i < t->n_gates; i++) {
        const airoi__gate_track *g = &t->gates[i];
        airoi__jw_open(w, NULL, '{');
        airoi__jw_str(w, "name", g->name);
        airoi__jw_str(w, "status", airoi__gate_status_name(g->status));
        airoi__jw_num(w, "start", g->start);
        airoi__jw_num(w, "periods", g->periods);
        airoi__jw_open(w, "evidence", '[');
        for (size_t j = 0; j < g->n_criteria; j++) {
            const airoi__criterion_track *c = &g->criteria[j];
            airoi__jw_open(w, NULL, '{');
            airoi__jw_str(w, "indicator", c->indicator);
            airoi__jw_str(w, "kind", airoi__criterion_kind_name(c->kind));
            airoi__jw_num(w, "threshold", c->threshold);
            airoi__jw_num(w, "for_periods", c->for_periods);
            airoi__jw_open(w, "periods", '[');
            for (size_t k = 0; k < c->n_evidence; k++)
                airoi__jw_num(w, NULL, c->evidence[k]);
            airoi__jw_close(w, ']');
            airoi__jw_close(w, '}');
        }
        airoi__jw_close(w, ']');
        rpt_num e = rn(g->enpv, g->has_enpv);
        airoi__jw_opt(w, "expected_npv_continue", &e);
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
}

static void j_findings(jw *w, const airoi_result *r)
{
    airoi__jw_open(w, "findings", '[');
    for (size_t i = 0; i < r->n_findings; i++) {
        const airoi__finding *f = &r->findings[i];
        airoi__jw_open(w, NULL, '{');
        airoi__jw_str(w, "code", f->code);
        airoi__jw_str(w, "severity", airoi__severity_name((airoi_severity)f->severity));
        airoi__jw_str(w, "subject", f->subject);
        airoi__jw_str(w, "message", f->message);
        rpt_num a = rn(f->actual, 1), ref = rn(f->reference, 1);
        airoi__jw_opt(w, "actual", &a);
        airoi__jw_opt(w, "reference", &ref);
        airoi__jw_close(w, '}');
    }
    airoi__jw_close(w, ']');
}

static void json(airoi__buf *b, const airoi_tracking *t)
{
    jw w = {b, 0, 1};
    airoi__buf_append(b, "{", 1);
    w.depth = 1;
    airoi__jw_str(&w, "airoi_version", AIROI_VERSION_STRING);
    const airoi__settings *st = &t->plan->settings;
    airoi__jw_open(&w, "project", '{');
    airoi__jw_str(&w, "name", st->name);
    airoi__jw_str(&w, "currency", st->currency);
    airoi__jw_str(&w, "period", airoi__period_name((airoi_period)st->period));
    airoi__jw_num(&w, "horizon", st->horizon);
    airoi__jw_num(&w, "stage_offset", t->stage_offset);
    airoi__jw_close(&w, '}');
    j_tracking(&w, t);
    j_indicators(&w, t);
    j_gates(&w, t);
    j_findings(&w, t->plan);
    w.depth = 0;
    airoi__jw_nl(&w);
    airoi__buf_puts(b, "}\n");
}

/* ---- CSV ------------------------------------------------------------------------------- */

static void csv(airoi__buf *b, const airoi_tracking *t)
{
    static const char *const head[] = {"item", "kind", "class", "actual", "planned", "variance",
                                       "variance_share"};
    for (size_t j = 0; j < sizeof head / sizeof *head; j++)
        airoi__csv_field(b, head[j], j == 0);
    airoi__csv_eol(b);
    for (size_t i = 0; i < t->n_rows; i++) {
        const airoi__variance_row *row = &t->rows[i];
        airoi__csv_field(b, row->item, 1);
        airoi__csv_field(b, row->kind == AIROI_ITEM_KIND_COST ? "cost" : "value", 0);
        airoi__csv_field(b, klass_name(row), 0);
        airoi__csv_number(b, row->actual, 0);
        airoi__csv_number(b, row->planned, 0);
        airoi__csv_number(b, row->actual - row->planned, 0);
        rpt_num n = rn((row->actual - row->planned) / row->planned, row->planned != 0.0);
        airoi__csv_opt(b, &n, 0);
        airoi__csv_eol(b);
    }
}

/* ---- text and Markdown ----------------------------------------------------------------- */

static void money(char *buf, size_t cap, const rpt_num *n)
{
    if (n->ok)
        airoi__fmt_grouped(buf, cap, n->v, fabs(n->v) >= 100000 ? 0 : 2);
    else
        snprintf(buf, cap, "n/a");
}

static void emit(airoi__buf *b, rpt_table *t, int md)
{
    if (md)
        airoi__table_markdown(b, t);
    else
        airoi__table_text(b, t, 2);
    if (t->failed)
        b->failed = 1;
    airoi__table_free(t);
}

static void heading(airoi__buf *b, const char *title, int md)
{
    airoi__buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n", title);
}

static void t_to_date(rpt_table *tb, const airoi_tracking *t)
{
    static const char *const head[] = {"To date", "Actual", "Planned", "Variance"};
    static const int right[] = {0, 1, 1, 1};
    airoi__table_init(tb, 4, head, right);
    static const struct {
        const char *label;
        airoi_tracking_figure a, p;
    } rows[] = {{"Costs", AIROI_TRACKING_COSTS, AIROI_TRACKING_PLANNED_COSTS},
                {"Benefits", AIROI_TRACKING_BENEFITS, AIROI_TRACKING_PLANNED_BENEFITS},
                {"Net", AIROI_TRACKING_NET, AIROI_TRACKING_PLANNED_NET}};
    for (size_t i = 0; i < 3; i++) {
        char c[3][48];
        rpt_num a = figure(t, rows[i].a), p = figure(t, rows[i].p), v = rn(a.v - p.v, 1);
        money(c[0], sizeof c[0], &a);
        money(c[1], sizeof c[1], &p);
        money(c[2], sizeof c[2], &v);
        const char *cells[4] = {rows[i].label, c[0], c[1], c[2]};
        airoi__table_row(tb, 0, cells);
    }
    char c[2][48];
    rpt_num roi = figure(t, AIROI_TRACKING_ROI);
    rpt_num pc = figure(t, AIROI_TRACKING_PLANNED_COSTS);
    rpt_num pn = figure(t, AIROI_TRACKING_PLANNED_NET);
    rpt_num proi = rn(pn.v / pc.v, pc.v != 0.0);
    if (roi.ok)
        airoi__fmt_percent(c[0], sizeof c[0], roi.v);
    else
        snprintf(c[0], sizeof c[0], "n/a");
    if (proi.ok)
        airoi__fmt_percent(c[1], sizeof c[1], proi.v);
    else
        snprintf(c[1], sizeof c[1], "n/a");
    const char *cells[4] = {"ROI", c[0], c[1], ""};
    airoi__table_row(tb, 0, cells);
}

static void t_variance(rpt_table *tb, const airoi_tracking *t)
{
    static const char *const head[] = {"Item", "Kind", "Class", "Actual", "Planned", "Variance",
                                       "Share"};
    static const int right[] = {0, 0, 0, 1, 1, 1, 1};
    airoi__table_init(tb, 7, head, right);
    for (size_t i = 0; i < t->n_rows; i++) {
        const airoi__variance_row *row = &t->rows[i];
        char c[4][48];
        rpt_num a = rn(row->actual, 1), p = rn(row->planned, 1);
        rpt_num v = rn(row->actual - row->planned, 1);
        money(c[0], sizeof c[0], &a);
        money(c[1], sizeof c[1], &p);
        money(c[2], sizeof c[2], &v);
        if (row->planned != 0.0)
            airoi__fmt_percent(c[3], sizeof c[3], v.v / row->planned);
        else
            snprintf(c[3], sizeof c[3], "n/a");
        const char *cells[7] = {row->item, row->kind == AIROI_ITEM_KIND_COST ? "cost" : "value",
                                klass_name(row), c[0], c[1], c[2], c[3]};
        airoi__table_row(tb, 0, cells);
    }
}

static void t_reforecast(rpt_table *tb, const airoi_tracking *t)
{
    static const char *const head[] = {"Metric", "Plan", "Re-forecast", "Run rate"};
    static const int right[] = {0, 1, 1, 1};
    static const struct {
        const char *label;
        airoi_metric m;
        int pct;
    } rows[] = {{"NPV", AIROI_METRIC_NPV, 0},
                {"IRR", AIROI_METRIC_IRR, 1},
                {"ROI over the horizon", AIROI_METRIC_ROI_HORIZON, 1},
                {"Total costs", AIROI_METRIC_TCO_TOTAL, 0},
                {"Total benefits", AIROI_METRIC_TOTAL_BENEFITS, 0},
                {"Payback (periods)", AIROI_METRIC_PAYBACK_PERIODS, 2}};
    airoi__table_init(tb, 4, head, right);
    const airoi_result *res[3] = {t->plan, t->reforecast[0], t->reforecast[1]};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char c[3][48];
        for (int k = 0; k < 3; k++) {
            rpt_num n = metric_of(res[k], rows[i].m);
            if (!n.ok)
                snprintf(c[k], sizeof c[k], rows[i].pct == 2 ? "never" : "n/a");
            else if (rows[i].pct == 1)
                airoi__fmt_percent(c[k], sizeof c[k], n.v);
            else if (rows[i].pct == 2)
                snprintf(c[k], sizeof c[k], "%.2f", n.v);
            else
                money(c[k], sizeof c[k], &n);
        }
        const char *cells[4] = {rows[i].label, c[0], c[1], c[2]};
        airoi__table_row(tb, 0, cells);
    }
}

static void t_indicators(rpt_table *tb, const airoi_tracking *t)
{
    static const char *const head[] = {"Indicator", "Direction", "Target", "Latest", "Period",
                                       "Status"};
    static const int right[] = {0, 0, 1, 1, 1, 0};
    airoi__table_init(tb, 6, head, right);
    for (size_t i = 0; i < t->n_ind; i++) {
        const airoi__indicator_track *x = &t->ind[i];
        char c[3][40];
        airoi__format_double_sig(c[0], sizeof c[0], x->target, 6);
        if (x->n) {
            airoi__format_double_sig(c[1], sizeof c[1], x->values[x->n - 1], 6);
            snprintf(c[2], sizeof c[2], "%d", (int)x->periods[x->n - 1]);
        } else {
            snprintf(c[1], sizeof c[1], "n/a");
            snprintf(c[2], sizeof c[2], "n/a");
        }
        const char *cells[6] = {x->name, airoi__direction_name(x->direction), c[0], c[1], c[2],
                                x->n ? airoi__indicator_status_name(x->status[x->n - 1])
                                     : "no value"};
        airoi__table_row(tb, 0, cells);
    }
}

static void t_gates(rpt_table *tb, const airoi_tracking *t)
{
    static const char *const head[] = {"Stage", "Periods", "Status", "Evidence",
                                       "E[NPV] of continuing"};
    static const int right[] = {0, 0, 0, 0, 1};
    airoi__table_init(tb, 5, head, right);
    for (size_t i = 0; i < t->n_gates; i++) {
        const airoi__gate_track *g = &t->gates[i];
        char per[48], ev[256] = "", enpv[48];
        snprintf(per, sizeof per, "%d-%d", (int)g->start, (int)(g->start + g->periods - 1));
        size_t len = 0;
        for (size_t j = 0; j < g->n_criteria && len < sizeof ev - 1; j++) {
            const airoi__criterion_track *c = &g->criteria[j];
            char thr[32];
            airoi__format_double_sig(thr, sizeof thr, c->threshold, 6);
            int w = snprintf(ev + len, sizeof ev - len, "%s%s %s %s met in %zu (%d in a row needed)",
                             j ? "; " : "", c->indicator,
                             c->kind == AIROI_CRITERION_AT_LEAST ? ">=" : "<=", thr, c->n_evidence,
                             (int)c->for_periods);
            if (w < 0)
                break;
            len += (size_t)w;
        }
        if (!g->n_criteria)
            snprintf(ev, sizeof ev, "no criteria");
        rpt_num e = rn(g->enpv, g->has_enpv);
        if (e.ok)
            money(enpv, sizeof enpv, &e);
        else
            snprintf(enpv, sizeof enpv, "-");
        const char *cells[5] = {g->name, per, airoi__gate_status_name(g->status), ev, enpv};
        airoi__table_row(tb, 0, cells);
    }
}

int airoi__tbl_tracking(rpt_table *tb, const airoi_tracking *t, int which)
{
    static void (*const build[5])(rpt_table *, const airoi_tracking *) = {
        t_to_date, t_variance, t_reforecast, t_indicators, t_gates};
    if (!t || which < 0 || which > 4)
        return 0;
    if ((which == 1 && !t->n_rows) || (which == 3 && !t->n_ind) || (which == 4 && !t->n_gates))
        return 0;
    build[which](tb, t);
    return 1;
}

void airoi__tracking_text(airoi__buf *b, const airoi_tracking *t, int md)
{
    if (!t)
        return;
    char title[160];
    const char *titles[5][2] = {{"PLAN AGAINST ACTUAL", "Plan against actual"},
                                {"VARIANCE BY ITEM", "Variance by item"},
                                {"RE-FORECAST", "Re-forecast"},
                                {"LEADING INDICATORS", "Leading indicators"},
                                {"GATE REVIEWS", "Gate reviews"}};
    for (int k = 0; k < 5; k++) {
        rpt_table tb;
        if (!airoi__tbl_tracking(&tb, t, k))
            continue;
        if (k == 0 && t->as_of >= 0)
            snprintf(title, sizeof title, "%s (periods 0-%d)", titles[0][md], (int)t->as_of);
        else if (k == 0)
            snprintf(title, sizeof title, "%s (no actuals yet)", titles[0][md]);
        else if (k == 4)
            snprintf(title, sizeof title, "%s (judged at stage-plan period %d)", titles[4][md],
                     (int)t->gates_as_of);
        else
            snprintf(title, sizeof title, "%s", titles[k][md]);
        heading(b, title, md);
        emit(b, &tb, md);
    }
}

static void text_or_md(airoi__buf *b, const airoi_tracking *t, int md)
{
    const char *name = t->plan->settings.name;
    airoi__buf_puts(b, md ? "# Tracking: " : "Tracking: ");
    airoi__buf_puts_oneline(b, name ? name : "");
    airoi__buf_puts(b, "\n");
    airoi__tracking_text(b, t, md);
    size_t missing = 0;
    for (size_t i = 0; i < t->plan->n_findings; i++)
        missing += strcmp(t->plan->findings[i].code, "ACTUAL_MISSING") == 0;
    if (missing)
        airoi__buf_printf(b, "\n%s%zu item-period(s) up to as_of have no actual: their plan is used "
                             "(ACTUAL_MISSING findings).\n",
                          md ? "" : "  ", missing);
}

int airoi__tracking_report_write(char **out, size_t *len_out, const airoi_tracking *t,
                                 airoi_report_format format, unsigned flags)
{
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !t)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tracking_report_write: NULL argument");
    if (airoi__enum_check((int)format, AIROI_REPORT_TEXT,
                          "airoi_tracking_report_write: format") != AIROI_OK)
        return AIROI_ERR_INVALID;
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tracking_report_write: unknown flags 0x%x",
                            flags);
    if (format == AIROI_REPORT_HTML)
        return airoi__report_write_html(out, len_out, t->plan, NULL, 0);
    airoi__buf b;
    airoi__buf_init(&b);
    switch (format) {
    case AIROI_REPORT_JSON: json(&b, t); break;
    case AIROI_REPORT_CSV: csv(&b, t); break;
    case AIROI_REPORT_MARKDOWN: text_or_md(&b, t, 1); break;
    default: text_or_md(&b, t, 0); break;
    }
    airoi__error_clear();
    return airoi__buf_detach(&b, out, len_out);
}

AIROI_API int airoi_tracking_report_write(char **out, size_t *len_out, const airoi_tracking *t,
                                          airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__tracking_report_write(out, len_out, t, format, flags);
}
