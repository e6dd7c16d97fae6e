/*
 * lib/report/report.c: airoi_report_write(). Gathers what a report shows
 * from the result alone (its copy of the project settings, metrics,
 * schedule, findings) through the internal forms of the getters of
 * result.h, schedule.h and benchmark.h, then hands it to the writer of the requested notation.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-private.h"
#include "sim-private.h"
#include "airoi/benchmark.h"
#include "airoi/dates.h"
#include "airoi/schedule.h"
#include "airoi/version.h"

static const struct {
    const char *name;
    airoi_report_format format;
} format_names[] = {
    {"text", AIROI_REPORT_TEXT},
    {"json", AIROI_REPORT_JSON},
    {"csv", AIROI_REPORT_CSV},
    {"md", AIROI_REPORT_MARKDOWN},
    {"markdown", AIROI_REPORT_MARKDOWN},
    {"html", AIROI_REPORT_HTML},
};

int airoi__report_format_from_name(airoi_report_format *out, const char *name)
{
    if (!out || !name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_report_format_from_name: NULL argument");
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
        if (strcmp(name, format_names[i].name) == 0) {
            *out = format_names[i].format;
            return AIROI_OK;
        }
    }
    return airoi__error(AIROI_ERR_INVALID,
                        "unknown report format '%s' (expected text, json, csv, md or html)", name);
}

AIROI_API int airoi_report_format_from_name(airoi_report_format *out, const char *name)
{
    AIROI__ENTER();
    return airoi__report_format_from_name(out, name);
}

const char *airoi__report_format_name(airoi_report_format format)
{
    switch (format) {
    case AIROI_REPORT_TEXT: return "text";
    case AIROI_REPORT_JSON: return "json";
    case AIROI_REPORT_CSV: return "csv";
    case AIROI_REPORT_MARKDOWN: return "md";
    case AIROI_REPORT_HTML: return "html";
    default: return NULL;
    }
}

AIROI_API const char *airoi_report_format_name(airoi_report_format format)
{
    return airoi__report_format_name(format);
}

/* ------------------------------------------------------------------------ */
/* Formatting helpers                                                        */
/* ------------------------------------------------------------------------ */

void airoi__fmt_percent(char *buf, size_t cap, double v)
{
    char g[80];
    airoi__fmt_grouped(g, sizeof g, v * 100, 1);
    snprintf(buf, cap, "%s%%", g);
}

void airoi__fmt_short(char *buf, size_t cap, double v)
{
    double a = fabs(v);
    if (a >= 1000)
        airoi__fmt_grouped(buf, cap, v, a >= 1e5 || a == floor(a) ? 0 : 1);
    else if (a >= 1 || a == 0)
        airoi__fmt_grouped(buf, cap, v, a == floor(a) ? 0 : 2);
    else
        snprintf(buf, cap, "%.3g", v);
}

/* What the two figures of a finding measure, found from its code and
 * subject: counts (of value dimensions), a payback in months and an
 * investment (as in the benchmark table), a ROI, else shares or numbers. */
enum { FIG_GUESS, FIG_COUNT, FIG_MONTHS, FIG_AMOUNT, FIG_RATIO };

static int finding_figures(const rpt_finding *f)
{
    if (strcmp(f->code, "NO_VALUE") == 0 || strcmp(f->code, "SINGLE_DIMENSION") == 0)
        return FIG_COUNT;
    if (strncmp(f->code, "BENCHMARK_", 10) == 0 && f->subject) {
        if (strcmp(f->subject, "payback") == 0)
            return FIG_MONTHS;
        if (strcmp(f->subject, "investment") == 0)
            return FIG_AMOUNT;
        if (strcmp(f->subject, "roi") == 0)
            return FIG_RATIO;
    }
    return FIG_GUESS;
}

void airoi__fmt_finding_numbers(char *a, char *r, size_t cap, const rpt_finding *f)
{
    int kind = finding_figures(f);
    int shares = kind == FIG_RATIO ||
                 (kind == FIG_GUESS &&
                  (!f->actual.ok || (f->actual.v >= 0 && f->actual.v <= 1)) &&
                  (!f->reference.ok || (f->reference.v >= 0 && f->reference.v <= 1)));
    const rpt_num *n[2] = {&f->actual, &f->reference};
    char *out[2] = {a, r};
    for (int i = 0; i < 2; i++) {
        if (!n[i]->ok)
            snprintf(out[i], cap, "n/a");
        else if (kind == FIG_COUNT)
            airoi__fmt_grouped(out[i], cap, n[i]->v, 0);
        else if (kind == FIG_MONTHS)
            airoi__fmt_grouped(out[i], cap, n[i]->v, 1);
        else if (kind == FIG_AMOUNT)
            airoi__fmt_grouped(out[i], cap, n[i]->v, 2);
        else if (shares)
            airoi__fmt_percent(out[i], cap, n[i]->v);
        else
            airoi__fmt_short(out[i], cap, n[i]->v);
    }
}

const char *airoi__unit_word(double unit)
{
    if (unit == 1e3)
        return "thousand";
    if (unit == 1e6)
        return "million";
    if (unit == 1e9)
        return "billion";
    return NULL;
}

void airoi__fmt_money(char *buf, size_t cap, const rpt *R, double v)
{
    char g[80];
    char u[80];
    airoi__fmt_grouped(g, sizeof g, v, R->money_decimals);
    const char *cur = R->currency ? R->currency : "";
    const char *word = airoi__unit_word(R->unit);
    if (word) {
        /* "TWD 17,680.46 thousand" */
        snprintf(buf, cap, "%s%s%s %s", cur, *cur ? " " : "", g, word);
    } else if (R->unit != 1) {
        /* "425.71 x 10,000 TWD" */
        airoi__fmt_short(u, sizeof u, R->unit);
        snprintf(buf, cap, "%s x %s%s%s", g, u, *cur ? " " : "", cur);
    } else if (*cur)
        snprintf(buf, cap, "%s %s", cur, g);
    else
        snprintf(buf, cap, "%s", g);
}

void airoi__fmt_payback_short(char *buf, size_t cap, const rpt *R, const rpt_num *n)
{
    char p[80];
    if (!n->ok) {
        snprintf(buf, cap, "never");
        return;
    }
    airoi__fmt_grouped(p, sizeof p, n->v, R->period == AIROI_PERIOD_YEAR ? 2 : 1);
    snprintf(buf, cap, "%s %s%s", p, R->period_name, n->v == 1 ? "" : "s");
}

/* Length of the control character at s (0 when there is none). */
static size_t control_len(const unsigned char *s)
{
    if (s[0] < 0x20 || s[0] == 0x7F)
        return 1;
    if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) /* C1: U+0080..U+009F */
        return 2;
    if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9)) /* U+2028, U+2029 */
        return 3;
    return 0;
}

char *airoi__strdup_oneline(const char *s)
{
    char *out = airoi__strdup(s);
    if (!out)
        return NULL;
    const unsigned char *c = (const unsigned char *)s;
    size_t o = 0;
    while (*c) {
        size_t n = control_len(c);
        if (n) {
            out[o++] = ' ';
            c += n;
        } else {
            out[o++] = (char)*c++;
        }
    }
    out[o] = '\0';
    return out;
}

void airoi__buf_puts_oneline(airoi__buf *b, const char *s)
{
    const unsigned char *c = (const unsigned char *)s;
    while (*c) {
        size_t run = 0;
        while (c[run] && !control_len(c + run))
            run++;
        if (run)
            airoi__buf_append(b, (const char *)c, run);
        c += run;
        if (*c) {
            airoi__buf_append(b, " ", 1);
            c += control_len(c);
        }
    }
}

size_t airoi__utf8_width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        if ((*c & 0xC0) != 0x80)
            w++;
    return w;
}

void airoi__buf_pad(airoi__buf *b, const char *s, size_t width, int right)
{
    size_t w = airoi__utf8_width(s);
    size_t pad = w < width ? width - w : 0;
    if (!right)
        airoi__buf_puts(b, s);
    for (size_t i = 0; i < pad; i++)
        airoi__buf_append(b, " ", 1);
    if (right)
        airoi__buf_puts(b, s);
}

/* ------------------------------------------------------------------------ */
/* Gathering                                                                 */
/* ------------------------------------------------------------------------ */

void airoi__rpt_read_metrics(rpt_metrics *m, size_t n, const airoi_result *r)
{
    for (size_t i = 0; i < n; i++) {
        double v = 0;
        int st = airoi__result_get_metric(&v, r, (airoi_metric)(AIROI_METRIC_NPV + (int)i));
        m->m[i].ok = st == AIROI_OK && isfinite(v);
        m->m[i].v = m->m[i].ok ? v : 0;
    }
}

void airoi__change(rpt_num *change, rpt_num *relative, const rpt_num *plan, const rpt_num *honest)
{
    change->ok = relative->ok = 0;
    change->v = relative->v = 0;
    if (!plan->ok || !honest->ok)
        return;
    double d = honest->v - plan->v;
    if (isfinite(d))
        change->v = d, change->ok = 1;
    double q = d / fabs(plan->v);
    if (plan->v != 0 && isfinite(q))
        relative->v = q, relative->ok = 1;
}

/* The plan behind an honest estimate: its metrics and category totals. */
static void gather_plan(rpt *R, const airoi_result *r)
{
    const airoi_result *plan = airoi__result_get_plan(r);
    if (!plan)
        return;
    R->has_plan = 1;
    airoi__rpt_read_metrics(&R->plan_metrics, R->nmetrics, plan);
    for (size_t c = 0; c < R->ncategories; c++) {
        airoi_category cat = (airoi_category)(AIROI_CATEGORY_PEOPLE + (int)c);
        double v = 0;
        R->plan_category_total[c] =
            airoi__result_get_tco_category(&v, plan, cat) == AIROI_OK && isfinite(v) ? v : 0;
    }
}

static double num_or(const airoi_result *r, airoi_project_param param, double dflt)
{
    double v;
    return airoi__result_get_number(&v, r, param) == AIROI_OK && isfinite(v) ? v : dflt;
}

static int gather_schedule(rpt *R, const airoi_result *r)
{
    const airoi_schedule *s = airoi__result_get_schedule(r);
    size_t n = airoi__schedule_count_periods(s);
    R->nperiods = n;
    if (n == 0)
        return AIROI_OK;
    size_t ncols = RPT_SCHEDULE_COLUMNS + R->ncategories + R->ndimensions;
    if (n > SIZE_MAX / sizeof(double) / ncols)
        return airoi__error(AIROI_ERR_NOMEM, "schedule of %zu periods too large for a report", n);
    R->block = airoi__calloc(n * ncols, sizeof(double));
    if (!R->block)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a report");
    double *next = R->block;
    size_t len;
    for (int c = 0; c < RPT_SCHEDULE_COLUMNS; c++, next += n) {
        R->col[c] = next;
        if (airoi__schedule_get_column(next, n, &len, s,
                                       (airoi_schedule_column)(AIROI_SCHEDULE_COSTS + c)) !=
            AIROI_OK)
            memset(next, 0, n * sizeof(double));
    }
    R->has_split = 1;
    for (size_t c = 0; c < R->ncategories; c++, next += n) {
        R->cat[c] = next;
        if (airoi__schedule_get_category(next, n, &len, s,
                                         (airoi_category)(AIROI_CATEGORY_PEOPLE + (int)c)) !=
            AIROI_OK)
            R->has_split = 0;
    }
    for (size_t d = 0; d < R->ndimensions; d++, next += n) {
        R->dim[d] = next;
        if (airoi__schedule_get_dimension(
                next, n, &len, s, (airoi_dimension)(AIROI_DIMENSION_EFFICIENCY + (int)d)) !=
            AIROI_OK)
            R->has_split = 0;
    }
    /* The library never hands out NaN; a report never shows one either. */
    for (size_t i = 0; i < n * ncols; i++)
        if (!isfinite(R->block[i]))
            R->block[i] = 0;
    return AIROI_OK;
}

static int gather_scenarios(rpt *R, const airoi_result *r)
{
    size_t n = airoi__result_count_scenarios(r);
    const char *own = airoi__result_get_scenario_name(r);
    size_t count = n ? n : 1;
    R->scenarios = airoi__calloc(count, sizeof *R->scenarios);
    if (!R->scenarios)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a report");
    if (n == 0) {
        rpt_scenario *sc = &R->scenarios[0];
        if (own) { /* the result of one scenario */
            sc->name = own;
            if (airoi__result_get_probability(&sc->probability, r) != AIROI_OK)
                sc->probability = 0;
        } else { /* no scenarios: the implicit base scenario */
            sc->name = "base";
            sc->probability = 1;
            R->implicit_base = 1;
        }
        sc->metrics = R->metrics;
        R->nscenarios = 1;
        return AIROI_OK;
    }
    for (size_t i = 0; i < n; i++) {
        const airoi_result *sub = airoi__result_get_scenario(r, i);
        rpt_scenario *sc = &R->scenarios[i];
        const char *name = airoi__result_get_scenario_name(sub);
        sc->name = name ? name : "";
        if (airoi__result_get_probability(&sc->probability, sub) != AIROI_OK ||
            !isfinite(sc->probability))
            sc->probability = 0;
        airoi__rpt_read_metrics(&sc->metrics, R->nmetrics, sub);
    }
    R->nscenarios = n;
    return AIROI_OK;
}

static int gather_findings(rpt *R, const airoi_result *r)
{
    size_t n = airoi__result_count_findings(r);
    if (n == 0)
        return AIROI_OK;
    R->findings = airoi__calloc(n, sizeof *R->findings);
    if (!R->findings)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a report");
    for (size_t i = 0; i < n; i++) {
        rpt_finding *f = &R->findings[i];
        const char *code = airoi__result_get_finding_code(r, i);
        const char *msg = airoi__result_get_finding_message(r, i);
        airoi_severity severity = AIROI_SEVERITY_INFO;
        airoi__result_get_finding_severity(&severity, r, i);
        const char *sev = airoi__severity_name(severity);
        f->code = code ? code : "";
        f->message = msg ? msg : "";
        f->severity = sev ? sev : "info";
        f->subject = airoi__result_get_finding_subject(r, i);
        double a = 0, ref = 0;
        if (airoi__result_get_finding_numbers(&a, &ref, r, i) == AIROI_OK) {
            f->actual.ok = isfinite(a);
            f->actual.v = f->actual.ok ? a : 0;
            f->reference.ok = isfinite(ref);
            f->reference.v = f->reference.ok ? ref : 0;
        }
    }
    R->nfindings = n;
    return AIROI_OK;
}

static void gather_benchmark(rpt *R, const airoi_result *r)
{
    size_t idx;
    if (!R->use_case || airoi__benchmark_find(&idx, R->use_case) != AIROI_OK)
        return;
    R->has_benchmark = 1;
    R->bench_key = airoi__benchmark_get_key(idx);
    R->bench_label = airoi__benchmark_get_label(idx);
    airoi_dimension dims[RPT_MAX_DIMENSIONS];
    size_t nd = 0;
    if (airoi__benchmark_get_dimensions(dims, RPT_MAX_DIMENSIONS, &nd, idx) != AIROI_OK)
        nd = 0;
    for (size_t i = 0; i < nd; i++) {
        const char *dn = airoi__dimension_name(dims[i]);
        if (dn)
            R->bench_dims[R->nbench_dims++] = dn;
    }
    static const char *const keys[RPT_BENCH_FIELDS] = {"roi", "payback_months", "investment"};
    static const char *const figures[RPT_BENCH_FIELDS] = {"roi_annualised", "payback_periods",
                                                          "tco_total"};
    snprintf(R->bench_investment_label, sizeof R->bench_investment_label, "investment (%s)",
             airoi__benchmark_get_basis()->investment_label);
    const char *const labels[RPT_BENCH_FIELDS] = {"annualised ROI", "payback (months)",
                                                  R->bench_investment_label};
    static const airoi_benchmark_field fields[RPT_BENCH_FIELDS] = {
        AIROI_BENCHMARK_ROI, AIROI_BENCHMARK_PAYBACK, AIROI_BENCHMARK_INVESTMENT};
    for (int i = 0; i < RPT_BENCH_FIELDS; i++) {
        rpt_bench_field *f = &R->bench[i];
        f->key = keys[i];
        f->figure = figures[i];
        f->label = labels[i];
        double lo, hi, v;
        if (airoi__benchmark_get_range(&lo, &hi, idx, fields[i]) == AIROI_OK) {
            f->low.v = lo, f->low.ok = isfinite(lo);
            f->high.v = hi, f->high.ok = isfinite(hi);
        }
        if (airoi__result_get_benchmark_value(&v, r, fields[i]) == AIROI_OK && isfinite(v))
            f->value.v = v, f->value.ok = 1;
        airoi_benchmark_position pos;
        if (airoi__result_get_benchmark_position(&pos, r, fields[i]) == AIROI_OK)
            f->position = pos == AIROI_BENCHMARK_BELOW   ? "below"
                          : pos == AIROI_BENCHMARK_ABOVE ? "above"
                                                         : "within";
    }
}

static int gather(rpt *R, const airoi_result *r)
{
    R->tracking = r->tracking;
    R->name = airoi__result_get_string(r, AIROI_PROJECT_NAME);
    if (!R->name)
        R->name = "";
    R->currency = airoi__result_get_string(r, AIROI_PROJECT_CURRENCY);
    R->use_case = airoi__result_get_string(r, AIROI_PROJECT_USE_CASE);
    R->period = (int)num_or(r, AIROI_PROJECT_PERIOD, AIROI_PERIOD_YEAR);
    R->period_name = airoi__period_name((airoi_period)R->period);
    if (!R->period_name)
        R->period_name = "period";
    R->periods_per_year = R->period == AIROI_PERIOD_MONTH ? 12 : R->period == AIROI_PERIOD_QUARTER ? 4 : 1;
    R->stage_name =
        airoi__stage_name((airoi_stage)num_or(r, AIROI_PROJECT_STAGE, AIROI_STAGE_PRODUCTION));
    R->unit = num_or(r, AIROI_PROJECT_UNIT, 1);
    R->horizon = num_or(r, AIROI_PROJECT_HORIZON, 0);
    R->discount_rate = num_or(r, AIROI_PROJECT_DISCOUNT_RATE, 0);
    R->finance_rate = num_or(r, AIROI_PROJECT_FINANCE_RATE, R->discount_rate);
    R->reinvest_rate = num_or(r, AIROI_PROJECT_REINVEST_RATE, R->discount_rate);
    if (airoi__schedule_get_rate(&R->period_rate, airoi__result_get_schedule(r)) != AIROI_OK ||
        !isfinite(R->period_rate))
        R->period_rate = 0;
    double start;
    R->start[0] = '\0';
    if (airoi__result_get_number(&start, r, AIROI_PROJECT_START) == AIROI_OK && isfinite(start) &&
        fabs(start) < 1e9 &&
        airoi__date_to_iso(R->start, sizeof R->start, (int32_t)start) != AIROI_OK)
        R->start[0] = '\0';
    R->scenario = airoi__result_get_scenario_name(r);
    R->honest = (airoi__result_get_flags(r) & AIROI_EVAL_HONEST_ESTIMATE) != 0;

    /* indexes of the report's tables: a family member's value minus its base */
    while (R->nmetrics < RPT_MAX_METRICS &&
           airoi__metric_name((airoi_metric)(AIROI_METRIC_NPV + (int)R->nmetrics)))
        R->metric_names[R->nmetrics] =
            airoi__metric_name((airoi_metric)(AIROI_METRIC_NPV + (int)R->nmetrics)),
        R->nmetrics++;
    airoi__rpt_read_metrics(&R->metrics, R->nmetrics, r);

    while (R->ncategories < RPT_MAX_CATEGORIES &&
           airoi__category_name((airoi_category)(AIROI_CATEGORY_PEOPLE + (int)R->ncategories))) {
        size_t c = R->ncategories++;
        airoi_category cat = (airoi_category)(AIROI_CATEGORY_PEOPLE + (int)c);
        R->category_names[c] = airoi__category_name(cat);
        R->category_hidden[c] = airoi__category_is_hidden(cat) == 1;
        double v = 0;
        R->category_total[c] =
            airoi__result_get_tco_category(&v, r, cat) == AIROI_OK && isfinite(v) ? v : 0;
    }
    while (R->ndimensions < RPT_MAX_DIMENSIONS &&
           airoi__dimension_name(
               (airoi_dimension)(AIROI_DIMENSION_EFFICIENCY + (int)R->ndimensions))) {
        size_t d = R->ndimensions++;
        airoi_dimension dim = (airoi_dimension)(AIROI_DIMENSION_EFFICIENCY + (int)d);
        R->dimension_names[d] = airoi__dimension_name(dim);
        double v = 0;
        R->dimension_total[d] =
            airoi__result_get_value_dimension(&v, r, dim) == AIROI_OK && isfinite(v) ? v : 0;
    }
    gather_plan(R, r);
    double sv = 0;
    R->strategic_unmonetized =
        airoi__result_get_strategic_value(&sv, r) == AIROI_OK && isfinite(sv) ? sv : 0;

    int st = gather_schedule(R, r);
    /* Cents are noise next to millions: whole numbers when the largest
     * amount of the schedule reaches 100,000. */
    double largest = 0;
    for (size_t t = 0; st == AIROI_OK && t < R->nperiods; t++)
        for (int c = 0; c <= AIROI__ENUM_INDEX(AIROI_SCHEDULE_CUMULATIVE); c++)
            if (fabs(R->col[c][t]) > largest)
                largest = fabs(R->col[c][t]);
    R->money_decimals = largest >= 1e5 ? 0 : 2;
    if (st == AIROI_OK)
        st = gather_scenarios(R, r);
    if (st == AIROI_OK)
        st = gather_findings(R, r);
    if (st == AIROI_OK)
        gather_benchmark(R, r);
    if (st == AIROI_OK)
        st = airoi__rpt_finance_gather(R, r);
    return st;
}

static void release(rpt *R)
{
    airoi__rpt_finance_release(R);
    airoi__free(R->block);
    airoi__free(R->scenarios);
    airoi__free(R->findings);
}

/* What the HTML page shows besides the result (each may be NULL). */
typedef struct rpt_decisions {
    const airoi_simulation *sim;
    const airoi_tornado *tornado;
    const airoi_staging *staging;
} rpt_decisions;

/* The report of r in a format; the HTML page also shows the decisions d. */
static int write_report(char **out, size_t *len_out, const airoi_result *r,
                        airoi_report_format format, unsigned flags, const rpt_decisions *d);

int airoi__report_write(char **out, size_t *len_out, const airoi_result *r,
                        airoi_report_format format,
                        unsigned flags)
{
    return write_report(out, len_out, r, format, flags, NULL);
}

AIROI_API int airoi_report_write(char **out, size_t *len_out, const airoi_result *r,
                                 airoi_report_format format,
                                 unsigned flags)
{
    AIROI__ENTER();
    return airoi__report_write(out, len_out, r, format, flags);
}

/* The business case; fn names the public function in messages. */
static int business_case(char **out, size_t *len_out, const airoi_result *r,
                         const airoi_simulation *sim, const airoi_tornado *tornado,
                         const airoi_staging *staging, unsigned flags, const char *fn)
{
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "%s: unknown flags 0x%x", fn, flags);
    double p50;
    if (sim && airoi__simulation_get_percentile(&p50, sim, AIROI_SIM_NPV, 50) == AIROI_ERR_NOT_FOUND)
        return airoi__error(AIROI_ERR_INVALID,
                            "%s: the simulation did not compute the NPV", fn);
    rpt_decisions d = {sim, tornado, staging};
    return write_report(out, len_out, r, AIROI_REPORT_HTML, 0, &d);
}

int airoi__report_write_business_case(char **out, size_t *len_out, const airoi_result *r,
                                      const airoi_simulation *sim, const airoi_tornado *tornado,
                                      const airoi_staging *staging, unsigned flags)
{
    return business_case(out, len_out, r, sim, tornado, staging, flags,
                         "airoi_report_write_business_case");
}

AIROI_API int airoi_report_write_business_case(char **out, size_t *len_out, const airoi_result *r,
                                               const airoi_simulation *sim,
                                               const airoi_tornado *tornado,
                                               const airoi_staging *staging, unsigned flags)
{
    AIROI__ENTER();
    return airoi__report_write_business_case(out, len_out, r, sim, tornado, staging, flags);
}

int airoi__report_write_html(char **out, size_t *len_out, const airoi_result *r,
                             const airoi_simulation *sim, unsigned flags)
{
    return business_case(out, len_out, r, sim, NULL, NULL, flags, "airoi_report_write_html");
}

AIROI_API int airoi_report_write_html(char **out, size_t *len_out, const airoi_result *r,
                                      const airoi_simulation *sim, unsigned flags)
{
    AIROI__ENTER();
    return airoi__report_write_html(out, len_out, r, sim, flags);
}

static int write_report(char **out, size_t *len_out, const airoi_result *r,
                        airoi_report_format format, unsigned flags, const rpt_decisions *d)
{
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_report_write: NULL argument");
    if (airoi__enum_check((int)format, AIROI_REPORT_TEXT, "airoi_report_write: format") != AIROI_OK)
        return AIROI_ERR_INVALID;
    if (flags & ~RPT_ALL_SECTIONS)
        return airoi__error(AIROI_ERR_INVALID, "airoi_report_write: unknown flags 0x%x",
                            flags & ~RPT_ALL_SECTIONS);

    rpt R;
    memset(&R, 0, sizeof R);
    R.sections = flags ? flags : RPT_ALL_SECTIONS;
    int st = gather(&R, r);
    if (st != AIROI_OK) {
        release(&R);
        return st;
    }
    airoi__buf b;
    airoi__buf_init(&b);
    switch (format) {
    case AIROI_REPORT_JSON: airoi__report_json(&b, &R); break;
    case AIROI_REPORT_CSV: airoi__report_csv(&b, &R); break;
    case AIROI_REPORT_MARKDOWN: airoi__report_markdown(&b, &R); break;
    case AIROI_REPORT_HTML:
        airoi__report_html(&b, &R, r, d ? d->sim : NULL, d ? d->tornado : NULL,
                           d ? d->staging : NULL);
        break;
    default: airoi__report_text(&b, &R); break;
    }
    release(&R);
    /* The figures above that are undefined left their message; a report
     * that is written leaves none. */
    airoi__error_clear();
    return airoi__buf_detach(&b, out, len_out);
}
