/*
 * lib/io/diag.c: the diagnostics list of a model file, and the YAML number
 * syntax shared by the loader and the saver.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io-private.h"

/* ---- diagnostics ---------------------------------------------------------- */

airoi_diagnostics *airoi__diags_new(const char *file)
{
    airoi_diagnostics *d = airoi__calloc(1, sizeof *d);
    if (!d)
        return NULL;
    if (file) {
        d->file = airoi__strdup(file);
        if (!d->file) {
            airoi__free(d);
            return NULL;
        }
    }
    return d;
}

static char *vformat(const char *fmt, va_list ap) AIROI__PRINTF(1, 0);
static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = airoi__malloc((size_t)n + 1);
    if (!s)
        return NULL;
    if (n > 0)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    else
        s[0] = '\0';
    return s;
}

static char *format(const char *fmt, ...) AIROI__PRINTF(1, 2);
static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

int airoi__diags_add(airoi_diagnostics *d, int status, int32_t line, int32_t column,
                     const char *fmt, ...)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        airoi__diag *v = airoi__reallocarray(d->v, cap, sizeof *v);
        if (!v)
            return AIROI_ERR_NOMEM;
        d->v = v;
        d->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return AIROI_ERR_NOMEM;
    const char *file = d->file ? d->file : "<string>";
    char *text = d->bare    ? format("%s", msg)
                 : line > 0 ? format("%s:%d:%d: %s", file, (int)line, (int)column, msg)
                            : format("%s: %s", file, msg);
    if (!text) {
        airoi__free(msg);
        return AIROI_ERR_NOMEM;
    }
    airoi__diag *g = &d->v[d->n++];
    g->line = line;
    g->column = column;
    g->status = status;
    g->message = msg;
    g->text = text;
    return AIROI_OK;
}

static int before(const airoi__diag *a, const airoi__diag *b)
{
    int wa = a->status == AIROI__DIAG_WARNING, wb = b->status == AIROI__DIAG_WARNING;
    if (wa != wb)
        return wb; /* errors first */
    if (a->line != b->line)
        return a->line < b->line;
    return a->column < b->column;
}

void airoi__diags_sort(airoi_diagnostics *d)
{
    /* Insertion sort: stable, and the lists are short (at most a hundred). */
    for (size_t i = 1; i < d->n; i++) {
        airoi__diag x = d->v[i];
        size_t j = i;
        while (j > 0 && before(&x, &d->v[j - 1])) {
            d->v[j] = d->v[j - 1];
            j--;
        }
        d->v[j] = x;
    }
}

int airoi__diags_status(const airoi_diagnostics *d)
{
    static const int order[] = {AIROI_ERR_LIMIT, AIROI_ERR_PARSE, AIROI_ERR_MODEL, AIROI_ERR_IO};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
        for (size_t i = 0; i < d->n; i++)
            if (d->v[i].status == order[k])
                return order[k];
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].status != AIROI__DIAG_WARNING)
            return d->v[i].status;
    return AIROI_OK;
}

void airoi__diagnostics_free(airoi_diagnostics *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        airoi__free(d->v[i].message);
        airoi__free(d->v[i].text);
    }
    airoi__free(d->v);
    airoi__free(d->file);
    airoi__free(d);
}

AIROI_API void airoi_diagnostics_free(airoi_diagnostics *d)
{
    airoi__diagnostics_free(d);
}

size_t airoi__diagnostics_count(const airoi_diagnostics *d)
{
    return d ? d->n : 0;
}

AIROI_API size_t airoi_diagnostics_count(const airoi_diagnostics *d)
{
    AIROI__ENTER();
    return airoi__diagnostics_count(d);
}

int airoi__diagnostics_get(const char **file, int32_t *line, int32_t *column,
                           const char **message, const airoi_diagnostics *d, size_t i)
{
    if (!d)
        return airoi__error(AIROI_ERR_INVALID, "airoi_diagnostics_get: NULL list");
    if (i >= d->n)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_diagnostics_get: index %zu out of range (%zu diagnostics)", i,
                            d->n);
    if (file)
        *file = d->file;
    if (line)
        *line = d->v[i].line;
    if (column)
        *column = d->v[i].column;
    if (message)
        *message = d->v[i].message;
    return AIROI_OK;
}

AIROI_API int airoi_diagnostics_get(const char **file, int32_t *line, int32_t *column,
                                    const char **message, const airoi_diagnostics *d, size_t i)
{
    AIROI__ENTER();
    return airoi__diagnostics_get(file, line, column, message, d, i);
}

int airoi__diagnostics_get_status(int *status_out, const airoi_diagnostics *d,
                                  size_t i)
{
    if (!status_out || !d)
        return airoi__error(AIROI_ERR_INVALID, "airoi_diagnostics_get_status: NULL argument");
    if (i >= d->n)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_diagnostics_get_status: index %zu, the list has %zu", i, d->n);
    *status_out = d->v[i].status;
    return AIROI_OK;
}

AIROI_API int airoi_diagnostics_get_status(int *status_out, const airoi_diagnostics *d,
                                           size_t i)
{
    AIROI__ENTER();
    return airoi__diagnostics_get_status(status_out, d, i);
}

const char *airoi__diagnostics_get_text(const airoi_diagnostics *d, size_t i)
{
    if (!d || i >= d->n)
        return NULL;
    return d->v[i].text;
}

AIROI_API const char *airoi_diagnostics_get_text(const airoi_diagnostics *d, size_t i)
{
    AIROI__ENTER();
    return airoi__diagnostics_get_text(d, i);
}

/* ---- numbers ----------------------------------------------------------------- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int airoi__hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int text_is(const char *s, size_t len, const char *w)
{
    return strlen(w) == len && memcmp(s, w, len) == 0;
}

/* Decimal syntax of the YAML 1.2 core schema:
 * [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
static int is_decimal(const char *s, size_t len)
{
    size_t i = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
    size_t int_digits = 0, frac_digits = 0;
    while (i < len && is_digit(s[i])) {
        i++;
        int_digits++;
    }
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && is_digit(s[i])) {
            i++;
            frac_digits++;
        }
    }
    if (int_digits == 0 && frac_digits == 0)
        return 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            i++;
        size_t exp_digits = 0;
        while (i < len && is_digit(s[i])) {
            i++;
            exp_digits++;
        }
        if (exp_digits == 0)
            return 0;
    }
    return i == len;
}

int airoi__yaml_number(double *out, const char *s, size_t len)
{
    if (len == 0)
        return 1;
    const char *t = s;
    size_t n = len;
    if (*t == '-' || *t == '+') {
        t++;
        n--;
    }
    if (text_is(t, n, ".inf") || text_is(t, n, ".Inf") || text_is(t, n, ".INF"))
        return 2;
    if (text_is(s, len, ".nan") || text_is(s, len, ".NaN") || text_is(s, len, ".NAN"))
        return 2;
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
        int base = s[1] == 'x' ? 16 : 8;
        double v = 0;
        for (size_t i = 2; i < len; i++) {
            int d = airoi__hexval(s[i]);
            if (d < 0 || d >= base)
                return 1;
            v = v * base + d;
        }
        if (!isfinite(v))
            return 3;
        *out = v;
        return 0;
    }
    if (!is_decimal(s, len))
        return 1;
    int ok = 0;
    double v = airoi__strtod_c(s, len, &ok);
    if (!ok)
        return 1; /* also when out of memory for an absurdly long number */
    if (!isfinite(v))
        return 3;
    *out = v;
    return 0;
}

int airoi__yaml_plain_is_special(const char *s, size_t len)
{
    static const char *const words[] = {
        "",     "~",    "null",  "Null",  "NULL",  "true", "True",
        "TRUE", "false", "False", "FALSE",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (text_is(s, len, words[i]))
            return 1;
    double v;
    return airoi__yaml_number(&v, s, len) != 1;
}
