/*
 * lib/report/json.c: the JSON report, the stable contract of docs/cli.md.
 * Two-space indentation, keys in a fixed order, numbers as the shortest
 * text that reads back as the same double, null for figures that do not
 * exist.
 */
#include <string.h>

#include "report-private.h"
#include "airoi/version.h"

/* The writer primitives of jsonw.c under short names. */
typedef rpt_jw jw;
#define nl(w) airoi__jw_nl(w)
#define jstring(b, s) airoi__jw_string_value(b, s)
#define key(w, k) airoi__jw_key(w, k)
#define jopen(w, k, c) airoi__jw_open(w, k, c)
#define jclose(w, c) airoi__jw_close(w, c)
#define num(w, k, v) airoi__jw_num(w, k, v)
#define opt(w, k, n) airoi__jw_opt(w, k, n)
#define str(w, k, s) airoi__jw_str(w, k, s)
#define boolean(w, k, v) airoi__jw_bool(w, k, v)

static void metrics(jw *w, const char *k, const rpt *R, const rpt_metrics *m)
{
    jopen(w, k, '{');
    for (size_t i = 0; i < R->nmetrics; i++)
        opt(w, R->metric_names[i], &m->m[i]);
    jclose(w, '}');
}

static void project(jw *w, const rpt *R)
{
    jopen(w, "project", '{');
    str(w, "name", R->name);
    str(w, "currency", R->currency);
    num(w, "unit", R->unit);
    str(w, "period", R->period_name);
    num(w, "periods_per_year", R->periods_per_year);
    num(w, "horizon", R->horizon);
    num(w, "discount_rate", R->discount_rate);
    num(w, "period_rate", R->period_rate);
    num(w, "finance_rate", R->finance_rate);
    num(w, "reinvest_rate", R->reinvest_rate);
    str(w, "start", R->start[0] ? R->start : NULL);
    str(w, "use_case", R->use_case);
    str(w, "stage", R->stage_name);
    jclose(w, '}');

    jopen(w, "evaluation", '{');
    str(w, "scenario", R->scenario);
    boolean(w, "honest_estimate", R->honest);
    /* the metrics that are over all scenarios, also in a scenario's report */
    jopen(w, "all_scenario_metrics", '[');
    for (size_t i = 0; i < R->nmetrics; i++)
        if (airoi__metric_is_over_scenarios((airoi_metric)(AIROI_METRIC_NPV + (int)i)))
            str(w, NULL, R->metric_names[i]);
    jclose(w, ']');
    jclose(w, '}');
}

static void tco(jw *w, const rpt *R)
{
    const rpt_metrics *m = &R->metrics;
    jopen(w, "tco", '{');
    opt(w, "total", rpt_metric(m, AIROI_METRIC_TCO_TOTAL));
    opt(w, "direct", rpt_metric(m, AIROI_METRIC_TCO_DIRECT));
    opt(w, "hidden", rpt_metric(m, AIROI_METRIC_TCO_HIDDEN));
    opt(w, "hidden_share", rpt_metric(m, AIROI_METRIC_TCO_HIDDEN_SHARE));
    jopen(w, "by_category", '{');
    for (size_t c = 0; c < R->ncategories; c++)
        num(w, R->category_names[c], R->category_total[c]);
    jclose(w, '}');
    jopen(w, "hidden_categories", '[');
    for (size_t c = 0; c < R->ncategories; c++)
        if (R->category_hidden[c])
            str(w, NULL, R->category_names[c]);
    jclose(w, ']');
    opt(w, "pv", rpt_metric(m, AIROI_METRIC_TCO_PV));
    opt(w, "annual", rpt_metric(m, AIROI_METRIC_ANNUAL_COSTS));
    airoi__rpt_finance_json_tco(w, R);
    jclose(w, '}');

    jopen(w, "value", '{');
    opt(w, "total", rpt_metric(m, AIROI_METRIC_TOTAL_BENEFITS));
    jopen(w, "by_dimension", '{');
    for (size_t d = 0; d < R->ndimensions; d++)
        num(w, R->dimension_names[d], R->dimension_total[d]);
    jclose(w, '}');
    num(w, "strategic_unmonetized", R->strategic_unmonetized);
    opt(w, "pv", rpt_metric(m, AIROI_METRIC_PV_BENEFITS));
    opt(w, "annual", rpt_metric(m, AIROI_METRIC_ANNUAL_BENEFITS));
    jclose(w, '}');
}

static void schedule(jw *w, const rpt *R)
{
    static const char *const names[RPT_SCHEDULE_COLUMNS] = {
        "costs", "benefits", "net", "cumulative", "discounted", "discounted_cumulative",
        "discount_factor", "discounted_costs", "discounted_benefits"};
    jopen(w, "schedule", '[');
    for (size_t t = 0; t < R->nperiods; t++) {
        jopen(w, NULL, '{');
        num(w, "period", (double)t);
        for (int c = 0; c < RPT_SCHEDULE_COLUMNS; c++)
            num(w, names[c], R->col[c][t]);
        if (R->has_split) {
            jopen(w, "costs_by_category", '{');
            for (size_t c = 0; c < R->ncategories; c++)
                num(w, R->category_names[c], R->cat[c][t]);
            jclose(w, '}');
            jopen(w, "benefits_by_dimension", '{');
            for (size_t d = 0; d < R->ndimensions; d++)
                num(w, R->dimension_names[d], R->dim[d][t]);
            jclose(w, '}');
        }
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void scenarios(jw *w, const rpt *R)
{
    jopen(w, "scenarios", '[');
    for (size_t i = 0; i < R->nscenarios; i++) {
        const rpt_scenario *s = &R->scenarios[i];
        jopen(w, NULL, '{');
        str(w, "name", s->name);
        num(w, "probability", s->probability);
        boolean(w, "implicit", R->implicit_base);
        metrics(w, "metrics", R, &s->metrics);
        airoi__rpt_finance_json_scenario(w, R, i);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void findings(jw *w, const rpt *R)
{
    jopen(w, "findings", '[');
    for (size_t i = 0; i < R->nfindings; i++) {
        const rpt_finding *f = &R->findings[i];
        jopen(w, NULL, '{');
        str(w, "code", f->code);
        str(w, "severity", f->severity);
        str(w, "message", f->message);
        str(w, "subject", f->subject);
        opt(w, "actual", &f->actual);
        opt(w, "reference", &f->reference);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void change(jw *w, const char *k, const rpt_num *plan, const rpt_num *honest)
{
    rpt_num d, q;
    airoi__change(&d, &q, plan, honest);
    jopen(w, k, '{');
    opt(w, "plan", plan);
    opt(w, "honest", honest);
    opt(w, "change", &d);
    opt(w, "relative_change", &q);
    jclose(w, '}');
}

/* Plan and honest estimate side by side: every metric, every category. */
static void plan_vs_honest(jw *w, const rpt *R)
{
    jopen(w, "plan_vs_honest", '{');
    jopen(w, "metrics", '{');
    for (size_t i = 0; i < R->nmetrics; i++)
        change(w, R->metric_names[i], &R->plan_metrics.m[i], &R->metrics.m[i]);
    jclose(w, '}');
    jopen(w, "tco_by_category", '{');
    for (size_t c = 0; c < R->ncategories; c++) {
        rpt_num plan = {R->plan_category_total[c], 1}, honest = {R->category_total[c], 1};
        change(w, R->category_names[c], &plan, &honest);
    }
    jclose(w, '}');
    jclose(w, '}');
}

static void benchmark(jw *w, const rpt *R)
{
    jopen(w, "benchmark", '{');
    str(w, "use_case", R->bench_key);
    str(w, "label", R->bench_label);
    jopen(w, "dimensions", '[');
    for (size_t i = 0; i < R->nbench_dims; i++)
        str(w, NULL, R->bench_dims[i]);
    jclose(w, ']');
    for (int i = 0; i < RPT_BENCH_FIELDS; i++) {
        const rpt_bench_field *f = &R->bench[i];
        jopen(w, f->key, '{');
        str(w, "figure", f->figure);
        str(w, "label", f->label);
        opt(w, "low", &f->low);
        opt(w, "high", &f->high);
        opt(w, "value", &f->value);
        str(w, "position", f->position);
        jclose(w, '}');
    }
    jclose(w, '}');
}

void airoi__report_json(airoi__buf *b, const rpt *R)
{
    jw w = {b, 0, 1};
    airoi__buf_append(b, "{", 1);
    w.depth = 1;
    str(&w, "airoi_version", AIROI_VERSION_STRING);
    project(&w, R);
    if (R->sections & AIROI_REPORT_METRICS) {
        metrics(&w, "metrics", R, &R->metrics);
        airoi__rpt_finance_json_metrics(&w, R);
    }
    if (R->sections & AIROI_REPORT_TCO)
        tco(&w, R);
    if ((R->sections & AIROI_REPORT_HONEST) && R->has_plan)
        plan_vs_honest(&w, R);
    if (R->sections & AIROI_REPORT_SCHEDULE)
        schedule(&w, R);
    if (R->sections & AIROI_REPORT_METRICS)
        airoi__rpt_finance_json(&w, R);
    if (R->sections & AIROI_REPORT_SCENARIOS)
        scenarios(&w, R);
    if (R->sections & AIROI_REPORT_FINDINGS)
        findings(&w, R);
    if ((R->sections & AIROI_REPORT_BENCHMARK) && R->has_benchmark)
        benchmark(&w, R);
    w.depth = 0;
    nl(&w);
    airoi__buf_puts(b, "}\n");
}

void airoi__json_string(airoi__buf *b, const char *s)
{
    jstring(b, s);
}
