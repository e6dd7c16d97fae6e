/*
 * lib/report/jsonw.c: the JSON writer of every report (json.c, the
 * simulation and decision reports): two-space indentation, members in the
 * order written, strings as valid UTF-8 with control characters escaped,
 * numbers as the shortest text that reads back as the same double.
 */
#include <string.h>

#include "report-private.h"
void airoi__jw_nl(rpt_jw *w)
{
    airoi__buf_append(w->b, "\n", 1);
    for (int i = 0; i < w->depth; i++)
        airoi__buf_append(w->b, "  ", 2);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    unsigned cp = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

void airoi__jw_string_value(airoi__buf *b, const char *s)
{
    if (!s) {
        airoi__buf_puts(b, "null");
        return;
    }
    airoi__buf_append(b, "\"", 1);
    const unsigned char *c = (const unsigned char *)s;
    while (*c) {
        size_t n = utf8_seq(c);
        if (n == 0) { /* invalid byte: U+FFFD, so that the output stays UTF-8 */
            airoi__buf_puts(b, "\\ufffd");
            c++;
            continue;
        }
        if (n > 1) {
            airoi__buf_append(b, (const char *)c, n);
            c += n;
            continue;
        }
        switch (*c) {
        case '"': airoi__buf_puts(b, "\\\""); break;
        case '\\': airoi__buf_puts(b, "\\\\"); break;
        case '\n': airoi__buf_puts(b, "\\n"); break;
        case '\r': airoi__buf_puts(b, "\\r"); break;
        case '\t': airoi__buf_puts(b, "\\t"); break;
        case '\b': airoi__buf_puts(b, "\\b"); break;
        case '\f': airoi__buf_puts(b, "\\f"); break;
        default:
            if (*c < 0x20 || *c == 0x7F)
                airoi__buf_printf(b, "\\u%04x", (unsigned)*c);
            else
                airoi__buf_append(b, (const char *)c, 1);
        }
        c++;
    }
    airoi__buf_append(b, "\"", 1);
}

void airoi__jw_key(rpt_jw *w, const char *k)
{
    if (!w->first)
        airoi__buf_append(w->b, ",", 1);
    w->first = 0;
    airoi__jw_nl(w);
    if (k) {
        airoi__jw_string_value(w->b, k);
        airoi__buf_append(w->b, ": ", 2);
    }
}

void airoi__jw_open(rpt_jw *w, const char *k, char bracket)
{
    airoi__jw_key(w, k);
    airoi__buf_append(w->b, &bracket, 1);
    w->depth++;
    w->first = 1;
}

void airoi__jw_close(rpt_jw *w, char bracket)
{
    w->depth--;
    if (!w->first)
        airoi__jw_nl(w);
    airoi__buf_append(w->b, &bracket, 1);
    w->first = 0;
}

void airoi__jw_num(rpt_jw *w, const char *k, double v)
{
    char t[64];
    airoi__jw_key(w, k);
    airoi__format_double(t, sizeof t, v);
    airoi__buf_puts(w->b, t);
}

void airoi__jw_opt(rpt_jw *w, const char *k, const rpt_num *n)
{
    if (n->ok) {
        airoi__jw_num(w, k, n->v);
    } else {
        airoi__jw_key(w, k);
        airoi__buf_puts(w->b, "null");
    }
}

void airoi__jw_str(rpt_jw *w, const char *k, const char *s)
{
    airoi__jw_key(w, k);
    airoi__jw_string_value(w->b, s);
}

void airoi__jw_bool(rpt_jw *w, const char *k, int v)
{
    airoi__jw_key(w, k);
    airoi__buf_puts(w->b, v ? "true" : "false");
}
