/*
 * lib/report/simdoc.c: what the simulation, tornado, staging and break-even
 * reports share: their text and Markdown shape (a title, facts, titled
 * tables), the header settings amounts are formatted with, percentile keys,
 * and the check of a writer's arguments.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model-private.h"
#include "simreport-private.h"

void airoi__rs_doc_init(rs_doc *d, const char *title)
{
    memset(d, 0, sizeof *d);
    snprintf(d->title, sizeof d->title, "%s", title ? title : "");
}

void airoi__rs_doc_free(rs_doc *d)
{
    for (size_t i = 0; i < d->nsections; i++)
        if (d->sec[i].has_table)
            airoi__table_free(&d->sec[i].table);
    d->nsections = 0;
}

void airoi__rs_fact(rs_doc *d, const char *label, const char *fmt, ...)
{
    if (d->nfacts >= RS_MAX_FACTS)
        return;
    size_t i = d->nfacts++;
    snprintf(d->label[i], sizeof d->label[i], "%s", label);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->value[i], sizeof d->value[i], fmt, ap);
    va_end(ap);
}

rs_section *airoi__rs_section(rs_doc *d, const char *title, const char *note)
{
    if (d->nsections >= RS_MAX_SECTIONS)
        return NULL;
    rs_section *s = &d->sec[d->nsections++];
    memset(s, 0, sizeof *s);
    snprintf(s->title, sizeof s->title, "%s", title);
    snprintf(s->note, sizeof s->note, "%s", note ? note : "");
    return s;
}

int airoi__rs_failed(const rs_doc *d)
{
    for (size_t i = 0; i < d->nsections; i++)
        if (d->sec[i].has_table && d->sec[i].table.failed)
            return 1;
    return 0;
}

static size_t widest_label(const rs_doc *d)
{
    size_t w = 0;
    for (size_t i = 0; i < d->nfacts; i++) {
        size_t k = airoi__utf8_width(d->label[i]);
        if (k > w)
            w = k;
    }
    return w;
}

void airoi__rs_text(airoi__buf *b, const rs_doc *d)
{
    airoi__buf_puts_oneline(b, d->title);
    airoi__buf_puts(b, "\n");
    char *one = airoi__strdup_oneline(d->title);
    if (!one) {
        b->failed = 1;
        return;
    }
    size_t width = airoi__utf8_width(one);
    airoi__free(one);
    for (size_t i = 0; i < width; i++)
        airoi__buf_puts(b, "\xe2\x95\x90"); /* U+2550 */
    airoi__buf_puts(b, "\n");
    size_t lw = widest_label(d) + 2;
    for (size_t i = 0; i < d->nfacts; i++) {
        airoi__buf_puts(b, "  ");
        airoi__buf_pad(b, d->label[i], lw, 0);
        airoi__buf_puts_oneline(b, d->value[i]);
        airoi__buf_puts(b, "\n");
    }
    for (size_t i = 0; i < d->nsections; i++) {
        const rs_section *s = &d->sec[i];
        char title[64];
        size_t k = 0;
        for (; s->title[k] && k < sizeof title - 1; k++)
            title[k] = (s->title[k] >= 'a' && s->title[k] <= 'z') ? (char)(s->title[k] - 32)
                                                                   : s->title[k];
        title[k] = '\0';
        airoi__buf_puts(b, "\n");
        airoi__buf_puts(b, title);
        if (s->note[0]) {
            airoi__buf_puts(b, " (");
            airoi__buf_puts_oneline(b, s->note);
            airoi__buf_puts(b, ")");
        }
        airoi__buf_puts(b, "\n");
        if (s->has_table)
            airoi__table_text(b, &s->table, 2);
        if (s->text[0]) {
            airoi__buf_puts(b, "  ");
            airoi__buf_puts_oneline(b, s->text);
            airoi__buf_puts(b, "\n");
        }
    }
}

void airoi__rs_markdown(airoi__buf *b, const rs_doc *d)
{
    airoi__buf_puts(b, "# ");
    airoi__md_text(b, d->title);
    airoi__buf_puts(b, "\n\n");
    for (size_t i = 0; i < d->nfacts; i++) {
        airoi__buf_puts(b, "- **");
        airoi__md_text(b, d->label[i]);
        airoi__buf_puts(b, ":** ");
        airoi__md_text(b, d->value[i]);
        airoi__buf_puts(b, "\n");
    }
    for (size_t i = 0; i < d->nsections; i++) {
        const rs_section *s = &d->sec[i];
        airoi__buf_puts(b, "\n## ");
        airoi__md_text(b, s->title);
        airoi__buf_puts(b, "\n\n");
        if (s->note[0]) {
            airoi__buf_puts(b, "_");
            airoi__md_text(b, s->note);
            airoi__buf_puts(b, "_\n\n");
        }
        if (s->has_table)
            airoi__table_markdown(b, &s->table);
        if (s->text[0]) {
            if (s->has_table)
                airoi__buf_puts(b, "\n");
            airoi__md_text(b, s->text);
            airoi__buf_puts(b, "\n");
        }
    }
}

void airoi__rs_head(rpt *H, const airoi__settings *s)
{
    memset(H, 0, sizeof *H);
    H->unit = 1;
    H->period = AIROI_PERIOD_YEAR;
    H->period_name = "period";
    H->name = "";
    if (!s)
        return;
    H->name = s->name ? s->name : "";
    H->currency = s->currency;
    H->unit = s->unit > 0 ? s->unit : 1;
    H->period = s->period;
    H->period_name = airoi__period_name(s->period);
    if (!H->period_name)
        H->period_name = "period";
    H->horizon = s->horizon;
    H->discount_rate = s->discount_rate;
}

void airoi__rs_percentile_key(char *buf, size_t cap, double p)
{
    airoi__format_double(buf, cap, p);
}

void airoi__rs_money(char *buf, size_t cap, const rpt *H, const rpt_num *n)
{
    if (n->ok)
        airoi__fmt_money(buf, cap, H, n->v);
    else
        snprintf(buf, cap, "n/a");
}

void airoi__rs_percent(char *buf, size_t cap, const rpt_num *n)
{
    if (n->ok)
        airoi__fmt_percent(buf, cap, n->v);
    else
        snprintf(buf, cap, "n/a");
}

void airoi__rs_multiplier(char *buf, size_t cap, const rpt_num *n)
{
    char g[64];
    if (!n->ok) {
        snprintf(buf, cap, "n/a");
        return;
    }
    airoi__fmt_grouped(g, sizeof g, n->v, fabs(n->v) >= 100 ? 1 : 3);
    snprintf(buf, cap, "x %s", g);
}

int airoi__rs_check(const char *fn, const void *subject, char **out, size_t *len_out,
                    airoi_report_format format, unsigned flags)
{
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !subject)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL argument", fn);
    if (!airoi__report_format_name(format))
        return airoi__error(AIROI_ERR_INVALID, "%s: unknown format %d", fn, (int)format);
    if (format == AIROI_REPORT_HTML)
        return airoi__error(AIROI_ERR_INVALID,
                            "%s: html is the business case of a result "
                            "(airoi_report_write_business_case); "
                            "this report is text, json, csv or md", fn);
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "%s: unknown flags 0x%x (none are defined yet)",
                            fn, flags);
    return AIROI_OK;
}
