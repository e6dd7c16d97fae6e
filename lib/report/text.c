/*
 * lib/report/text.c: the report for people, as aligned plain-text tables
 * (UTF-8; rules drawn with U+2500). The layout is not a contract.
 */
#include <stdio.h>
#include <string.h>

#include "report-private.h"

#define WRAP 78

size_t airoi__report_facts(const rpt *R, char labels[][16], char values[][256], size_t max)
{
    size_t n = 0;
    char tmp[160], tmp2[160];
/* One fact line; a value longer than its 256-byte cell ends in "...". */
#define FACT(l, ...) do { if (n < max) { snprintf(labels[n], 16, "%s", l); \
        if (snprintf(values[n], 256, __VA_ARGS__) >= 256) \
            memcpy(values[n] + 252, "...", 4); \
        n++; } } while (0)
    airoi__fmt_amounts_in(tmp, sizeof tmp, R);
    if (R->unit != 1)
        FACT("Amounts", "in %s (every amount below)", tmp);
    else if (R->currency)
        FACT("Amounts", "%s", R->currency);
    airoi__fmt_horizon(tmp, sizeof tmp, R);
    if (R->start[0])
        FACT("Horizon", "%s, starting %s", tmp, R->start);
    else
        FACT("Horizon", "%s", tmp);
    airoi__fmt_percent(tmp, sizeof tmp, R->discount_rate);
    if (R->period == AIROI_PERIOD_YEAR)
        FACT("Discount rate", "%s a year", tmp);
    else
        FACT("Discount rate", "%s a year (%.4f%% a %s)", tmp, R->period_rate * 100, R->period_name);
    if (R->has_benchmark)
        FACT("Use case", "%s", R->bench_label ? R->bench_label : R->use_case);
    if (R->stage_name)
        FACT("Stage", "%s", R->stage_name);
    if (R->scenario) {
        airoi__fmt_percent(tmp, sizeof tmp, R->nscenarios ? R->scenarios[0].probability : 0);
        FACT("Case", "scenario \"%s\" (probability %s); figures marked \"all scenarios\" are "
             "over every scenario", R->scenario, tmp);
    } else if (R->implicit_base || R->nscenarios == 0) {
        FACT("Case", "base case (no scenarios defined)");
    } else {
        tmp2[0] = '\0';
        size_t used = 0;
        for (size_t i = 0; i < R->nscenarios && used < sizeof tmp2 - 1; i++) {
            int k = snprintf(tmp2 + used, sizeof tmp2 - used, "%s%s", i ? ", " : "",
                             R->scenarios[i].name);
            if (k < 0)
                break;
            used += (size_t)k;
            if (used >= sizeof tmp2)
                used = sizeof tmp2 - 1;
        }
        FACT("Case", "base case; scenarios %s", tmp2);
    }
    if (R->honest)
        FACT("Estimate", "honest estimate: each cost category raised by its typical underestimate");
    if (R->sections & AIROI_REPORT_METRICS) {
        const rpt_metrics *m = &R->metrics;
        char npv[96] = "n/a", irr[32] = "n/a", pb[96], roi[32] = "n/a";
        const rpt_num *x = rpt_metric(m, AIROI_METRIC_NPV);
        if (x->ok)
            airoi__fmt_money(npv, sizeof npv, R, x->v);
        x = rpt_metric(m, AIROI_METRIC_IRR);
        if (x->ok)
            airoi__fmt_percent(irr, sizeof irr, x->v);
        airoi__fmt_payback_short(pb, sizeof pb, R, rpt_metric(m, AIROI_METRIC_PAYBACK_PERIODS));
        x = rpt_metric(m, AIROI_METRIC_ROI_RISK_ADJUSTED);
        if (x->ok)
            airoi__fmt_percent(roi, sizeof roi, x->v);
        FACT("Bottom line", "NPV %s, IRR %s, payback %s, risk-adjusted ROI %s%s", npv, irr, pb,
             roi, R->scenario ? " (all scenarios)" : "");

    }
    if ((R->sections & AIROI_REPORT_FINDINGS) && !R->scenario) {
        size_t sev[3] = {0, 0, 0};
        for (size_t i = 0; i < R->nfindings; i++)
            sev[strcmp(R->findings[i].severity, "critical") == 0  ? 2
                : strcmp(R->findings[i].severity, "warning") == 0 ? 1 : 0]++;
        if (R->nfindings == 0)
            FACT("Audit", "no findings");
        else
            FACT("Audit", "%zu critical, %zu warning%s, %zu note%s (see the audit findings)", sev[2],
                 sev[1], sev[1] == 1 ? "" : "s", sev[0], sev[0] == 1 ? "" : "s");
    }
#undef FACT
    return n;
}

static void heading(airoi__buf *b, const char *title, const char *note)
{
    airoi__buf_puts(b, "\n");
    airoi__buf_puts(b, title);
    if (note && *note) {
        airoi__buf_puts(b, " (");
        airoi__buf_puts_oneline(b, note);
        airoi__buf_puts(b, ")");
    }
    airoi__buf_puts(b, "\n");
}

static void emit(airoi__buf *b, rpt_table *t, int present)
{
    if (!present)
        return;
    airoi__table_text(b, t, 2);
    airoi__table_free(t);
}

/* Appends text wrapped at WRAP columns, every line indented; control
 * characters (newlines included) count as spaces. */
static void wrapped(airoi__buf *b, const char *text, size_t indent)
{
    size_t col = 0;
    char *s = airoi__strdup_oneline(text);
    if (!s) {
        b->failed = 1;
        return;
    }
    const char *c = s;
    while (*c) {
        while (*c == ' ')
            c++;
        if (!*c)
            break;
        size_t wl = strcspn(c, " ");
        char word[512];
        size_t copy = wl < sizeof word - 1 ? wl : sizeof word - 1;
        memcpy(word, c, copy);
        word[copy] = '\0';
        size_t ww = airoi__utf8_width(word);
        if (col == 0) {
            for (size_t i = 0; i < indent; i++)
                airoi__buf_append(b, " ", 1);
            col = indent;
        } else if (col + 1 + ww > WRAP) {
            airoi__buf_append(b, "\n", 1);
            for (size_t i = 0; i < indent; i++)
                airoi__buf_append(b, " ", 1);
            col = indent;
        } else {
            airoi__buf_append(b, " ", 1);
            col++;
        }
        airoi__buf_append(b, c, wl);
        col += ww;
        c += wl;
    }
    airoi__buf_append(b, "\n", 1);
    airoi__free(s);
}

static int severity_rank(const char *severity)
{
    return strcmp(severity, "critical") == 0 ? 2 : strcmp(severity, "warning") == 0 ? 1 : 0;
}

static void finding(airoi__buf *b, const rpt_finding *f)
{
    static const char *const marks[3] = {"i ", "! ", "!!"};
    airoi__buf_printf(b, "  %s %-8s %s\n", marks[severity_rank(f->severity)], f->severity, f->code);
    wrapped(b, f->message, 14);
    if (f->actual.ok || f->reference.ok) {
        char a[64], r[64];
        airoi__fmt_finding_numbers(a, r, sizeof a, f);
        airoi__buf_printf(b, "              [project %s, reference %s]\n", a, r);
    }
}

static void findings(airoi__buf *b, const rpt *R)
{
    char h[64];
    snprintf(h, sizeof h, "AUDIT FINDINGS (%zu)", R->nfindings);
    heading(b, h, NULL);
    if (R->nfindings == 0) {
        airoi__buf_puts(b, R->scenario ? "  Findings are computed for the base case only.\n"
                                       : "  None: the plan passes every check of the TCO audit.\n");
        return;
    }
    /* Most severe first; the library's order within a severity. */
    for (int level = 2; level >= 0; level--)
        for (size_t i = 0; i < R->nfindings; i++)
            if (severity_rank(R->findings[i].severity) == level)
                finding(b, &R->findings[i]);
}

void airoi__report_text(airoi__buf *b, const rpt *R)
{
    char labels[12][16], values[12][256], in[96], note[256];
    rpt_table t;

    char *title = airoi__strdup_oneline(R->name);
    if (!title) {
        b->failed = 1;
        return;
    }
    airoi__buf_puts(b, title);
    airoi__buf_puts(b, "\n");
    size_t title_width = airoi__utf8_width(title);
    airoi__free(title);
    for (size_t i = 0; i < title_width; i++)
        airoi__buf_puts(b, "\xe2\x95\x90"); /* U+2550 */
    airoi__buf_puts(b, "\n");
    size_t nf = airoi__report_facts(R, labels, values, 12);
    for (size_t i = 0; i < nf; i++) {
        airoi__buf_puts(b, "  ");
        airoi__buf_pad(b, labels[i], 15, 0);
        airoi__buf_puts_oneline(b, values[i]);
        airoi__buf_puts(b, "\n");
    }
    airoi__fmt_amounts_in(in, sizeof in, R);

    if (R->sections & AIROI_REPORT_METRICS) {
        heading(b, R->scenario ? "KEY METRICS OF THE SCENARIO" : "KEY METRICS", NULL);
        emit(b, &t, airoi__tbl_metrics(&t, R));
    }
    if (R->sections & AIROI_REPORT_TCO) {
        snprintf(note, sizeof note, "%s%speriods 0-%.0f", in, *in ? ", " : "", R->horizon);
        heading(b, "TOTAL COST OF OWNERSHIP", note);
        emit(b, &t, airoi__tbl_tco(&t, R));
        heading(b, "VALUE BY DIMENSION", note);
        emit(b, &t, airoi__tbl_value(&t, R));
    }
    if ((R->sections & AIROI_REPORT_HONEST) && R->has_plan) {
        snprintf(note, sizeof note, "%s%scosts raised by their typical underestimate; change = "
                 "honest - plan", in, *in ? "; " : "");
        heading(b, "PLAN AND HONEST ESTIMATE", note);
        emit(b, &t, airoi__tbl_honest(&t, R));
    }
    if (R->sections & AIROI_REPORT_SCENARIOS) {
        if (R->implicit_base)
            snprintf(note, sizeof note, "%s%snone defined: the base case alone", in,
                     *in ? "; " : "");
        else
            snprintf(note, sizeof note, "%s", in);
        heading(b, "SCENARIOS", *note ? note : NULL);
        emit(b, &t, airoi__tbl_scenarios(&t, R));
    }
    if ((R->sections & AIROI_REPORT_SCHEDULE) && airoi__tbl_years(&t, R)) {
        snprintf(note, sizeof note, "%s%syear 1 holds %s 0, the start, and the first year",
                 in, *in ? "; " : "", R->period_name);
        heading(b, "CASH FLOW BY YEAR", note);
        emit(b, &t, 1);
    }
    if (R->sections & AIROI_REPORT_METRICS)
        airoi__rpt_finance_text(b, R, 0);
    if (R->sections & AIROI_REPORT_FINDINGS)
        findings(b, R);
    if (R->sections & AIROI_REPORT_BENCHMARK) {
        if (R->has_benchmark) {
            snprintf(note, sizeof note, "%s", R->bench_label ? R->bench_label : "");
            heading(b, "BENCHMARK", note);
            emit(b, &t, airoi__tbl_benchmark(&t, R));
            if (R->nbench_dims) {
                airoi__buf_puts(b, "  Main value of this use case: ");
                for (size_t i = 0; i < R->nbench_dims; i++) {
                    airoi__buf_puts(b, i ? ", " : "");
                    airoi__buf_puts(b, R->bench_dims[i]);
                }
                airoi__buf_puts(b, "\n");
            }
        } else {
            heading(b, "BENCHMARK", NULL);
            airoi__buf_puts(b, "  No use case in the model: set project.use_case to compare.\n");
        }
    }
    airoi__tracking_text(b, R->tracking, 0);
    if (R->sections & AIROI_REPORT_SCHEDULE) {
        snprintf(note, sizeof note, "%s%sper %s", in, *in ? ", " : "", R->period_name);
        heading(b, "CASH-FLOW SCHEDULE", note);
        emit(b, &t, airoi__tbl_schedule(&t, R));
    }
}
