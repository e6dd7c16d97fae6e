/*
 * lib/report/decision-report.c: airoi_report_write_tornado(),
 * airoi_report_write_staging() and airoi_report_write_breakeven(): the
 * figures of lib/sim's tornado, staging and break-even, read through the
 * internal forms of their getters, as JSON (the keys of docs/cli.md), CSV,
 * text or Markdown.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "decide-private.h"
#include "simreport-private.h"
#include "airoi/version.h"

#define SPIDER_POINTS 5
static const double spider_pct[SPIDER_POINTS] = {10, 25, 50, 75, 90};

static rpt_num num_ok(int st, double v)
{
    rpt_num n = {0, 0};
    if (st == AIROI_OK && isfinite(v))
        n.v = v, n.ok = 1;
    return n;
}

static void json_begin(rpt_jw *w, airoi__buf *b, const rpt *H)
{
    w->b = b;
    w->depth = 1;
    w->first = 1;
    airoi__buf_append(b, "{", 1);
    airoi__jw_str(w, "airoi_version", AIROI_VERSION_STRING);
    airoi__jw_str(w, "project", H->name);
    airoi__jw_str(w, "currency", H->currency);
    airoi__jw_num(w, "unit", H->unit);
}

static void json_end(rpt_jw *w)
{
    w->depth = 0;
    airoi__jw_nl(w);
    airoi__buf_puts(w->b, "}\n");
}

static int finish(airoi__buf *b, airoi_report_format format, rs_doc *d, char **out,
                  size_t *len_out)
{
    if (d) {
        if (airoi__rs_failed(d))
            b->failed = 1;
        else if (format == AIROI_REPORT_MARKDOWN)
            airoi__rs_markdown(b, d);
        else
            airoi__rs_text(b, d);
        airoi__rs_doc_free(d);
    }
    airoi__error_clear();
    return airoi__buf_detach(b, out, len_out);
}

static void money_decimals(rpt *H, double largest)
{
    H->money_decimals = largest >= 1e5 ? 0 : 2;
}

static void title(rs_doc *d, const char *what, const rpt *H)
{
    char t[256];
    if (*H->name)
        snprintf(t, sizeof t, "%s: %s", what, H->name);
    else
        snprintf(t, sizeof t, "%s", what);
    airoi__rs_doc_init(d, t);
}

/* Every amount carries its currency; a unit other than 1 is said once more
 * in the header, as in the other reports. */
static void amounts_fact(rs_doc *d, const rpt *H)
{
    char in[96];
    airoi__fmt_amounts_in(in, sizeof in, H);
    if (*in && H->unit != 1)
        airoi__rs_fact(d, "Amounts", "in %s", in);
}

/* The title, the unit and, with a base NPV, a line for it. */
static void header(rs_doc *d, const char *what, const rpt *H, const rpt_num *base,
                   const char *note)
{
    title(d, what, H);
    amounts_fact(d, H);
    if (base) {
        char m[96];
        airoi__rs_money(m, sizeof m, H, base);
        airoi__rs_fact(d, "Base NPV", "%s%s", m, note);
    }
}

/* ---------------------------------------------------------------- tornado */

typedef struct rs_bar {
    const char *input;
    rpt_num low, high, swing;
    rpt_num spider[SPIDER_POINTS];
} rs_bar;

int airoi__report_write_tornado(char **out, size_t *len_out, const airoi_tornado *t,
                                airoi_report_format format, unsigned flags)
{
    int st = airoi__rs_check("airoi_report_write_tornado", t, out, len_out, format, flags);
    if (st != AIROI_OK)
        return st;
    rpt H;
    airoi__rs_head(&H, airoi__tornado_get_settings(t));
    double v = 0;
    int got = airoi__tornado_get_base_npv(&v, t);
    rpt_num base = num_ok(got, v);
    size_t n = airoi__tornado_count(t);
    rs_bar *bars = n ? airoi__calloc(n, sizeof *bars) : NULL;
    if (n && !bars)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a tornado report");
    double largest = base.ok ? fabs(base.v) : 0;
    size_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        rs_bar *r = &bars[nb];
        double lo, hi, sw, sp[SPIDER_POINTS];
        if (airoi__tornado_get(&r->input, &lo, &hi, &sw, t, i) != AIROI_OK)
            continue;
        if (!r->input)
            r->input = "";
        r->low = num_ok(AIROI_OK, lo);
        r->high = num_ok(AIROI_OK, hi);
        r->swing = num_ok(AIROI_OK, sw);
        st = airoi__tornado_get_spider(sp, t, i);
        for (int k = 0; k < SPIDER_POINTS; k++)
            r->spider[k] = num_ok(st, sp[k]);
        if (r->low.ok && fabs(lo) > largest)
            largest = fabs(lo);
        if (r->high.ok && fabs(hi) > largest)
            largest = fabs(hi);
        nb++;
    }
    money_decimals(&H, largest);

    airoi__buf b;
    airoi__buf_init(&b);
    char k[32];
    rs_doc d, *doc = NULL;
    if (format == AIROI_REPORT_JSON) {
        rpt_jw w;
        json_begin(&w, &b, &H);
        airoi__jw_opt(&w, "base_npv", &base);
        airoi__jw_open(&w, "tornado", '[');
        for (size_t i = 0; i < nb; i++) {
            airoi__jw_open(&w, NULL, '{');
            airoi__jw_str(&w, "input", bars[i].input);
            airoi__jw_opt(&w, "low_npv", &bars[i].low);
            airoi__jw_opt(&w, "high_npv", &bars[i].high);
            airoi__jw_opt(&w, "swing", &bars[i].swing);
            airoi__jw_close(&w, '}');
        }
        airoi__jw_close(&w, ']');
        airoi__jw_open(&w, "spider", '[');
        for (size_t i = 0; i < nb; i++) {
            airoi__jw_open(&w, NULL, '{');
            airoi__jw_str(&w, "input", bars[i].input);
            airoi__jw_open(&w, "npv", '{');
            for (int p = 0; p < SPIDER_POINTS; p++) {
                airoi__rs_percentile_key(k, sizeof k, spider_pct[p]);
                airoi__jw_opt(&w, k, &bars[i].spider[p]);
            }
            airoi__jw_close(&w, '}');
            airoi__jw_close(&w, '}');
        }
        airoi__jw_close(&w, ']');
        json_end(&w);
    } else if (format == AIROI_REPORT_CSV) {
        static const char *const head[] = {"input", "low_npv", "high_npv", "swing"};
        for (int c = 0; c < 4; c++)
            airoi__csv_field(&b, head[c], c == 0);
        for (int p = 0; p < SPIDER_POINTS; p++) {
            char h[40];
            airoi__rs_percentile_key(k, sizeof k, spider_pct[p]);
            snprintf(h, sizeof h, "npv_p%s", k);
            airoi__csv_field(&b, h, 0);
        }
        airoi__csv_eol(&b);
        for (size_t i = 0; i < nb; i++) {
            airoi__csv_field(&b, bars[i].input, 1);
            airoi__csv_opt(&b, &bars[i].low, 0);
            airoi__csv_opt(&b, &bars[i].high, 0);
            airoi__csv_opt(&b, &bars[i].swing, 0);
            for (int p = 0; p < SPIDER_POINTS; p++)
                airoi__csv_opt(&b, &bars[i].spider[p], 0);
            airoi__csv_eol(&b);
        }
    } else {
        doc = &d;
        header(&d, "Tornado", &H, &base, " (every uncertain input at 1)");
        rs_section *sec = airoi__rs_section(&d, "Tornado",
                                            "each input alone at its P10 and P90, largest swing first");
        if (sec) {
            static const char *const head[] = {"Input", "NPV at P10", "NPV at P90", "Swing", ""};
            static const int right[] = {0, 1, 1, 1, 0};
            sec->has_table = 1;
            airoi__table_init(&sec->table, 5, head, right);
            double widest = 0;
            for (size_t i = 0; i < nb; i++)
                if (bars[i].swing.ok && bars[i].swing.v > widest)
                    widest = bars[i].swing.v;
            for (size_t i = 0; i < nb; i++) {
                char lo[96], hi[96], sw[96], bar[3 * 30 + 1];
                airoi__rs_money(lo, sizeof lo, &H, &bars[i].low);
                airoi__rs_money(hi, sizeof hi, &H, &bars[i].high);
                airoi__rs_money(sw, sizeof sw, &H, &bars[i].swing);
                size_t len = widest > 0 && bars[i].swing.ok
                                 ? (size_t)(bars[i].swing.v * 30.0 / widest + 0.5) : 0;
                bar[0] = '\0';
                for (size_t c = 0; c < len; c++)
                    memcpy(bar + 3 * c, "\xe2\x96\x88", 4); /* U+2588 */
                const char *row[5] = {bars[i].input, lo, hi, sw, bar};
                airoi__table_row(&sec->table, 0, row);
            }
        }
        sec = airoi__rs_section(&d, "Spider", "NPV with each input alone at its percentiles");
        if (sec && nb) {
            static const char *const head[] = {"Input", "P10", "P25", "P50", "P75", "P90"};
            static const int right[] = {0, 1, 1, 1, 1, 1};
            sec->has_table = 1;
            airoi__table_init(&sec->table, 6, head, right);
            for (size_t i = 0; i < nb; i++) {
                char c[SPIDER_POINTS][96];
                const char *row[6] = {bars[i].input};
                for (int p = 0; p < SPIDER_POINTS; p++) {
                    airoi__rs_money(c[p], sizeof c[p], &H, &bars[i].spider[p]);
                    row[1 + p] = c[p];
                }
                airoi__table_row(&sec->table, 0, row);
            }
        }
        if (nb == 0 && sec)
            snprintf(sec->text, sizeof sec->text, "The model has no uncertainties.");
    }
    airoi__free(bars);
    return finish(&b, format, doc, out, len_out);
}

AIROI_API int airoi_report_write_tornado(char **out, size_t *len_out, const airoi_tornado *t,
                                         airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__report_write_tornado(out, len_out, t, format, flags);
}

/* ---------------------------------------------------------------- staging */

static const char *const staging_keys[5] = {
    "prob_production", "expected_cost", "expected_npv", "npv_all_in", "value_of_staging"};

void airoi__rs_staging_table(rs_doc *d, const rpt *H, const rpt_num fig[5], const char *note)
{
    static const char *const labels[5] = {
        "Probability of reaching production", "Expected cost", "Expected NPV (option to stop)",
        "NPV all in", "Value of staging"};
    static const char *const meaning[5] = {
        "every gate passes", "stage costs while the gates pass, then the model's costs",
        "spending stops at a failed gate", "everything committed up front",
        "expected NPV minus NPV all in"};
    rs_section *sec = airoi__rs_section(d, "Staged investment", note);
    if (!sec)
        return;
    static const char *const head[] = {"Figure", "Value", "Meaning"};
    static const int right[] = {0, 1, 0};
    sec->has_table = 1;
    airoi__table_init(&sec->table, 3, head, right);
    for (int f = 0; f < 5; f++) {
        char v[96];
        if (f == 0)
            airoi__rs_percent(v, sizeof v, &fig[f]);
        else
            airoi__rs_money(v, sizeof v, H, &fig[f]);
        const char *row[3] = {labels[f], v, meaning[f]};
        airoi__table_row(&sec->table, 0, row);
    }
}

typedef struct rs_gate {
    const char *name;
    double probability, reach;
    int prior;
    int32_t start;
} rs_gate;

int airoi__report_write_staging(char **out, size_t *len_out, const airoi_staging *s,
                                airoi_report_format format, unsigned flags)
{
    int st = airoi__rs_check("airoi_report_write_staging", s, out, len_out, format, flags);
    if (st != AIROI_OK)
        return st;
    rpt H;
    airoi__rs_head(&H, airoi__staging_get_settings(s));
    rpt_num fig[5];
    double largest = 0;
    for (int f = 0; f < 5; f++) {
        double v = 0;
        int got = airoi__staging_get(&v, s, AIROI_STAGING_PROB_PRODUCTION + f);
        fig[f] = num_ok(got, v);
        if (f > 0 && fig[f].ok && fabs(fig[f].v) > largest)
            largest = fabs(fig[f].v);
    }
    money_decimals(&H, largest);
    size_t ng = airoi__staging_count(s);
    rs_gate *gates = ng ? airoi__calloc(ng, sizeof *gates) : NULL;
    if (ng && !gates)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a staging report");
    size_t n = 0;
    for (size_t i = 0; i < ng; i++) {
        rs_gate *g = &gates[n];
        if (airoi__staging_get_stage(&g->name, &g->probability, &g->prior, &g->reach, &g->start, s,
                                     i) != AIROI_OK)
            continue;
        if (!g->name)
            g->name = "";
        n++;
    }
    airoi__buf b;
    airoi__buf_init(&b);
    rs_doc d, *doc = NULL;
    if (format == AIROI_REPORT_JSON) {
        rpt_jw w;
        json_begin(&w, &b, &H);
        airoi__jw_open(&w, "stages", '{');
        for (int f = 0; f < 5; f++)
            airoi__jw_opt(&w, staging_keys[f], &fig[f]);
        airoi__jw_open(&w, "gates", '[');
        for (size_t i = 0; i < n; i++) {
            airoi__jw_open(&w, NULL, '{');
            airoi__jw_str(&w, "name", gates[i].name);
            airoi__jw_num(&w, "start_period", (double)gates[i].start);
            airoi__jw_num(&w, "reach_probability", gates[i].reach);
            airoi__jw_num(&w, "probability", gates[i].probability);
            airoi__jw_bool(&w, "from_prior", gates[i].prior);
            airoi__jw_close(&w, '}');
        }
        airoi__jw_close(&w, ']');
        airoi__jw_close(&w, '}');
        json_end(&w);
    } else if (format == AIROI_REPORT_CSV) {
        airoi__csv_field(&b, "figure", 1);
        airoi__csv_field(&b, "value", 0);
        airoi__csv_eol(&b);
        for (int f = 0; f < 5; f++) {
            airoi__csv_field(&b, staging_keys[f], 1);
            airoi__csv_opt(&b, &fig[f], 0);
            airoi__csv_eol(&b);
        }
    } else {
        doc = &d;
        header(&d, "Staged investment", &H, NULL, "");
        airoi__rs_staging_table(&d, &H, fig, "exact, from the stages and the model's NPV");
        rs_section *sec = airoi__rs_section(&d, "Gates", "in the order the money is committed");
        if (sec && n) {
            static const char *const head[] = {"Stage", "Starts in period", "Reached with",
                                               "Passes with", ""};
            static const int right[] = {0, 1, 1, 1, 0};
            sec->has_table = 1;
            airoi__table_init(&sec->table, 5, head, right);
            for (size_t i = 0; i < n; i++) {
                char sp[32], re[32], pa[32];
                rpt_num r = {gates[i].reach, 1}, q = {gates[i].probability, 1};
                snprintf(sp, sizeof sp, "%ld", (long)gates[i].start);
                airoi__rs_percent(re, sizeof re, &r);
                airoi__rs_percent(pa, sizeof pa, &q);
                const char *row[5] = {gates[i].name, sp, re, pa,
                                      gates[i].prior ? "field prior" : ""};
                airoi__table_row(&sec->table, 0, row);
            }
        }
    }
    airoi__free(gates);
    return finish(&b, format, doc, out, len_out);
}

AIROI_API int airoi_report_write_staging(char **out, size_t *len_out, const airoi_staging *s,
                                         airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__report_write_staging(out, len_out, s, format, flags);
}

/* -------------------------------------------------------------- break-even */

#define BE_FIGURES 3
static const char *const be_keys[BE_FIGURES] = {"values", "costs", "adoption_ceiling"};
static const char *const be_labels[BE_FIGURES] = {"Every value multiplied by",
                                                  "Every cost multiplied by",
                                                  "Adoption ceiling of every ramp"};

typedef struct be_fig {
    const char *input; /* NULL for the three figures */
    rpt_num at;
    rpt_num lo, hi;    /* the range searched, when there is no root in it */
} be_fig;

static be_fig be_read(int st, int found, double v, double lo, double hi)
{
    be_fig f;
    memset(&f, 0, sizeof f);
    f.at = num_ok(st == AIROI_OK && found ? AIROI_OK : AIROI_ERR_NOT_FOUND, v);
    if (!f.at.ok) {
        f.lo = num_ok(st, lo);
        f.hi = num_ok(st, hi);
    }
    return f;
}

static void be_json_range(rpt_jw *w, const be_fig *f)
{
    airoi__jw_open(w, "range", '[');
    airoi__jw_opt(w, NULL, &f->lo);
    airoi__jw_opt(w, NULL, &f->hi);
    airoi__jw_close(w, ']');
}

static void be_cell(char *buf, size_t cap, const be_fig *f, int ceiling)
{
    if (f->at.ok) {
        if (ceiling)
            airoi__rs_percent(buf, cap, &f->at);
        else
            airoi__rs_multiplier(buf, cap, &f->at);
        return;
    }
    char lo[32], hi[32];
    airoi__fmt_short(lo, sizeof lo, f->lo.v);
    airoi__fmt_short(hi, sizeof hi, f->hi.v);
    snprintf(buf, cap, "none in %s..%s", lo, hi);
}

int airoi__report_write_breakeven(char **out, size_t *len_out, const airoi_breakeven *be,
                                  airoi_report_format format, unsigned flags)
{
    int st = airoi__rs_check("airoi_report_write_breakeven", be, out, len_out, format, flags);
    if (st != AIROI_OK)
        return st;
    rpt H;
    airoi__rs_head(&H, airoi__breakeven_get_settings(be));
    double v = 0;
    int got = airoi__breakeven_get_base_npv(&v, be);
    rpt_num base = num_ok(got, v);
    money_decimals(&H, base.ok ? fabs(base.v) : 0);
    be_fig fig[BE_FIGURES];
    for (int i = 0; i < BE_FIGURES; i++) {
        double lo = 0, hi = 0;
        int found = 0;
        int s1 = airoi__breakeven_get(&v, &found, &lo, &hi, be, AIROI_BREAKEVEN_VALUES + i);
        fig[i] = be_read(s1, found, v, lo, hi);
    }
    size_t n = airoi__breakeven_count_inputs(be);
    be_fig *in = n ? airoi__calloc(n, sizeof *in) : NULL;
    if (n && !in)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a break-even report");
    size_t ni = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = NULL;
        double lo = 0, hi = 0;
        int found = 0;
        int s1 = airoi__breakeven_get_input(&name, &v, &found, &lo, &hi, be, i);
        if (s1 != AIROI_OK)
            continue;
        in[ni] = be_read(s1, found, v, lo, hi);
        in[ni].input = name ? name : "";
        ni++;
    }
    airoi__buf b;
    airoi__buf_init(&b);
    rs_doc d, *doc = NULL;
    if (format == AIROI_REPORT_JSON) {
        rpt_jw w;
        json_begin(&w, &b, &H);
        airoi__jw_open(&w, "breakeven", '{');
        airoi__jw_opt(&w, "base_npv", &base);
        for (int i = 0; i < BE_FIGURES; i++)
            airoi__jw_opt(&w, be_keys[i], &fig[i].at);
        airoi__jw_open(&w, "range", '{');
        for (int i = 0; i < BE_FIGURES; i++)
            if (!fig[i].at.ok) {
                airoi__jw_open(&w, be_keys[i], '[');
                airoi__jw_opt(&w, NULL, &fig[i].lo);
                airoi__jw_opt(&w, NULL, &fig[i].hi);
                airoi__jw_close(&w, ']');
            }
        airoi__jw_close(&w, '}');
        airoi__jw_open(&w, "inputs", '[');
        for (size_t i = 0; i < ni; i++) {
            airoi__jw_open(&w, NULL, '{');
            airoi__jw_str(&w, "input", in[i].input);
            airoi__jw_opt(&w, "multiplier", &in[i].at);
            if (!in[i].at.ok)
                be_json_range(&w, &in[i]);
            airoi__jw_close(&w, '}');
        }
        airoi__jw_close(&w, ']');
        airoi__jw_close(&w, '}');
        json_end(&w);
    } else if (format == AIROI_REPORT_CSV) {
        static const char *const head[] = {"figure", "input", "value", "range_low", "range_high"};
        for (int c = 0; c < 5; c++)
            airoi__csv_field(&b, head[c], c == 0);
        airoi__csv_eol(&b);
        for (int i = 0; i < BE_FIGURES + (int)ni; i++) {
            const be_fig *f = i < BE_FIGURES ? &fig[i] : &in[i - BE_FIGURES];
            airoi__csv_field(&b, i < BE_FIGURES ? be_keys[i] : "input", 1);
            airoi__csv_field(&b, f->input, 0);
            airoi__csv_opt(&b, &f->at, 0);
            airoi__csv_opt(&b, &f->lo, 0);
            airoi__csv_opt(&b, &f->hi, 0);
            airoi__csv_eol(&b);
        }
    } else {
        doc = &d;
        header(&d, "Break-even", &H, &base, "");
        rs_section *sec = airoi__rs_section(&d, "Break-even",
                                            "where the base case's NPV is 0, the rest unchanged");
        if (sec) {
            static const char *const head[] = {"What changes", "NPV = 0 at"};
            static const int right[] = {0, 1};
            sec->has_table = 1;
            airoi__table_init(&sec->table, 2, head, right);
            for (int i = 0; i < BE_FIGURES; i++) {
                char cell[128];
                be_cell(cell, sizeof cell, &fig[i], i == 2);
                const char *row[2] = {be_labels[i], cell};
                airoi__table_row(&sec->table, 0, row);
            }
        }
        sec = airoi__rs_section(&d, "Uncertain inputs",
                                "the multiplier of each input alone at which NPV is 0");
        if (sec && ni) {
            static const char *const head[] = {"Input", "NPV = 0 at"};
            static const int right[] = {0, 1};
            sec->has_table = 1;
            airoi__table_init(&sec->table, 2, head, right);
            for (size_t i = 0; i < ni; i++) {
                char cell[128];
                be_cell(cell, sizeof cell, &in[i], 0);
                const char *row[2] = {in[i].input, cell};
                airoi__table_row(&sec->table, 0, row);
            }
        } else if (sec) {
            snprintf(sec->text, sizeof sec->text, "The model has no uncertainties.");
        }
    }
    airoi__free(in);
    return finish(&b, format, doc, out, len_out);
}

AIROI_API int airoi_report_write_breakeven(char **out, size_t *len_out, const airoi_breakeven *be,
                                           airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__report_write_breakeven(out, len_out, be, format, flags);
}
