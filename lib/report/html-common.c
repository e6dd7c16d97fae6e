/*
 * lib/report/html-common.c: the pieces the HTML pages share (report layer):
 * the page's head and footer, a figure's opening, a report table, the
 * screen-reader table of a chart and the <data> element of an exact
 * figure. Used by the business case (html.c, html-tracking.c) and the
 * portfolio page (portfolio-html.c); every text goes through
 * airoi__xml_escape().
 */
#include <stdio.h>

#include "report-private.h"
#include "svg-private.h"
#include "airoi/version.h"

void airoi__html_page_open(airoi__buf *b, const char *name, const char *what, const char *css)
{
    airoi__buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"libairoi " AIROI_VERSION_STRING "\">\n"
                       "<title>");
    airoi__xml_escape(b, name);
    airoi__buf_printf(b, " &mdash; %s</title>\n<style>\n", what);
    airoi__buf_puts(b, css);
    airoi__buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
}

void airoi__html_page_close(airoi__buf *b, const char *docs)
{
    airoi__buf_puts(b, "<footer>Written by libairoi " AIROI_VERSION_STRING ". ");
    airoi__buf_puts(b, docs);
    airoi__buf_puts(b, "</footer>\n</main>\n</body>\n</html>\n");
}

void airoi__html_data(airoi__buf *b, const char *key, double v, const char *shown)
{
    char exact[40];
    airoi__format_double(exact, sizeof exact, v);
    airoi__buf_printf(b, "<data value=\"%s\" data-key=\"", exact);
    airoi__xml_escape(b, key);
    airoi__buf_puts(b, "\">");
    airoi__xml_escape(b, shown);
    airoi__buf_puts(b, "</data>");
}

void airoi__html_figure_open(airoi__buf *b, const char *caption)
{
    airoi__buf_puts(b, "<figure class=\"keep\">\n<figcaption>");
    airoi__xml_escape(b, caption);
    airoi__buf_puts(b, "</figcaption>\n");
}

void airoi__html_table(airoi__buf *b, rpt_table *t, const char *caption, const char *cls)
{
    if (t->failed) {
        b->failed = 1;
        airoi__table_free(t);
        return;
    }
    airoi__buf_printf(b, "<table%s%s%s>\n", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    if (caption) {
        airoi__buf_puts(b, "<caption>");
        airoi__xml_escape(b, caption);
        airoi__buf_puts(b, "</caption>\n");
    }
    airoi__buf_puts(b, "<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        airoi__buf_printf(b, "<th scope=\"col\"%s>", t->right[c] ? " class=\"num\"" : "");
        airoi__xml_escape(b, t->header[c]);
        airoi__buf_puts(b, "</th>");
    }
    airoi__buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < t->nrows; r++) {
        airoi__buf_puts(b, (t->flags[r] & RPT_ROW_TOTAL) ? "<tr class=\"total\">" : "<tr>");
        for (size_t c = 0; c < t->ncols; c++) {
            const char *cell = t->cells[r * t->ncols + c];
            if (c == 0)
                airoi__buf_puts(b, "<th scope=\"row\">");
            else
                airoi__buf_puts(b, t->right[c] ? "<td class=\"num\">" : "<td>");
            airoi__xml_escape(b, cell);
            airoi__buf_puts(b, c == 0 ? "</th>" : "</td>");
        }
        airoi__buf_puts(b, "</tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n");
    airoi__table_free(t);
}

void airoi__html_series_table(airoi__buf *b, const rpt *R, const char *caption,
                              const char *name_a, const double *a, const char *name_b,
                              const double *c, size_t n)
{
    airoi__buf_puts(b, "<table class=\"sr-only\"><caption>");
    airoi__xml_escape(b, caption);
    airoi__buf_puts(b, "</caption><thead><tr><th scope=\"col\">Period</th><th scope=\"col\">");
    airoi__xml_escape(b, name_a);
    airoi__buf_puts(b, "</th><th scope=\"col\">");
    airoi__xml_escape(b, name_b);
    airoi__buf_puts(b, "</th></tr></thead><tbody>\n");
    for (size_t t = 0; t < n; t++) {
        char x[96], y[96];
        airoi__fmt_money(x, sizeof x, R, a[t]);
        airoi__fmt_money(y, sizeof y, R, c[t]);
        airoi__buf_printf(b, "<tr><th scope=\"row\">%zu</th><td>", t);
        airoi__xml_escape(b, x);
        airoi__buf_puts(b, "</td><td>");
        airoi__xml_escape(b, y);
        airoi__buf_puts(b, "</td></tr>\n");
    }
    airoi__buf_puts(b, "</tbody></table>\n");
}
