/*
 * bindings/excel/xll-readers.c: argument readers of the add-in airoi.xll
 * beyond the number readers of xll-glue.c: text arguments, paired values
 * and dates (AIROI.XNPV, AIROI.XIRR), and the project, item and scenario
 * tables of AIROI.PROJECT, whose columns are named by a header row with the
 * keys of the model format and read cell by cell into the library's
 * setters (layouts in docs/excel.md). See airoi-xll.h.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airoi-xll.h"

/* ---- Arguments --------------------------------------------------------- */

int xll_arg_text(const XLOPER12 *a, char **out)
{
    *out = NULL;
    a = xll_arg_scalar(a);
    if (a == NULL)
        return xlerrValue;
    switch (a->xltype & 0xfff) {
    case xltypeErr: return a->val.err;
    case xltypeStr:
        *out = xll_utf16_to_utf8(a->val.str);
        return *out != NULL ? XLL_OK : xlerrNum;
    default: return xlerrValue;
    }
}

int xll_read_dated(LPXLOPER12 a_values, LPXLOPER12 a_dates, double **values,
                   int32_t **dates, size_t *n)
{
    double *v = NULL, *d = NULL;
    size_t nv = 0, nd = 0;
    int e = xll_arg_numbers(a_values, XLL_CELLS_DENSE, &v, &nv);
    if (e == XLL_OK)
        e = xll_arg_numbers(a_dates, XLL_CELLS_DENSE, &d, &nd);
    if (e == XLL_OK && nv != nd)
        e = xlerrNum;
    int32_t *days = NULL;
    if (e == XLL_OK && nd > 0) {
        days = malloc(nd * sizeof *days);
        if (days == NULL)
            e = xlerrNum;
        for (size_t i = 0; days != NULL && i < nd; i++) {
            double t = trunc(d[i]);
            if (!(t >= 0.0 && t <= 2958465.0)) {
                e = xlerrValue;
                break;
            }
            days[i] = (int32_t)t;
        }
    }
    free(d);
    if (e != XLL_OK) {
        free(v);
        free(days);
        return e;
    }
    *values = v;
    *dates = days;
    *n = nv;
    return XLL_OK;
}

/* ---- Tables of AIROI.PROJECT -------------------------------------------
 * Each table is a range of rows. A row whose first cell is the text "name"
 * (any case) is a header row: its cells name the columns of the rows below
 * it with the keys of the model format (docs/model-format.md), matched
 * without regard to case, so that a sheet reads like the YAML; an unknown
 * name is refused with a message naming it. Without a header row the
 * columns follow the fixed layout of the first releases (positional[]
 * below). Blank rows are skipped. Every value goes through the library's
 * setters in the order the model-file loader applies them. */

/* A table argument: rows x cols cells (a single value is a 1x1 table). */
typedef struct xll_table {
    const XLOPER12 *cells;
    int32_t rows, cols;
} xll_table;

static int table_of(const XLOPER12 *a, xll_table *t)
{
    if (a == NULL || (a->xltype & 0xfff) == xltypeMissing)
        return xlerrValue;
    if ((a->xltype & 0xfff) == xltypeMulti) {
        /* as xll_arg_numbers(): an array with no elements is no table
         * (Excel never sends one; tests/fuzz/fuzz-xloper.c does) */
        if (a->val.array.rows < 1 || a->val.array.columns < 1 || a->val.array.lparray == NULL)
            return xlerrValue;
        t->cells = a->val.array.lparray;
        t->rows = a->val.array.rows;
        t->cols = a->val.array.columns;
    } else {
        t->cells = a;
        t->rows = 1;
        t->cols = 1;
    }
    return XLL_OK;
}

/* Cell (r, c), or NULL for a blank and for a column outside the table. */
static const XLOPER12 *cell(const xll_table *t, int32_t r, int32_t c)
{
    if (c < 0 || c >= t->cols)
        return NULL;
    const XLOPER12 *x = &t->cells[(size_t)r * (size_t)t->cols + (size_t)c];
    if ((x->xltype & 0xfff) == xltypeNil)
        return NULL;
    if ((x->xltype & 0xfff) == xltypeStr && x->val.str[0] == 0)
        return NULL; /* ="" counts as blank */
    return x;
}

static int row_blank(const xll_table *t, int32_t r)
{
    for (int32_t c = 0; c < t->cols; c++)
        if (cell(t, r, c) != NULL)
            return 0;
    return 1;
}

/* A header row: its first cell is the text "name" (any case). */
static int row_header(const xll_table *t, int32_t r)
{
    const XLOPER12 *x = cell(t, r, 0);
    static const char want[] = "name";
    if (x == NULL || (x->xltype & 0xfff) != xltypeStr || x->val.str[0] != 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        XCHAR ch = x->val.str[i + 1];
        if (ch >= 'A' && ch <= 'Z')
            ch = (XCHAR)(ch - 'A' + 'a');
        if (ch != (XCHAR)want[i])
            return 0;
    }
    return 1;
}

/* Cell text (malloc'ed UTF-8, NULL for a blank cell); XLL_OK or the error. */
static int cell_text(const xll_table *t, int32_t r, int32_t c, char **out)
{
    const XLOPER12 *x = cell(t, r, c);
    *out = NULL;
    if (x == NULL)
        return XLL_OK;
    return xll_arg_text(x, out);
}

/* Cell number; *set is 0 for a blank cell. TRUE and FALSE are cells of the
 * wrong kind (#VALUE!), as a model file refuses `amount: true`: a table is
 * a range, whose booleans are not numbers. */
static int cell_number(const xll_table *t, int32_t r, int32_t c, double *out, int *set)
{
    const XLOPER12 *x = cell(t, r, c);
    *set = 0;
    if (x == NULL)
        return XLL_OK;
    if ((x->xltype & 0xfff) == xltypeBool)
        return xlerrValue;
    int e = xll_arg_number(x, out);
    if (e == XLL_OK)
        *set = 1;
    return e;
}

static int failed(const xll_fail *f)
{
    return f->xlerr != XLL_OK || f->status != AIROI_OK;
}

/* A table's own refusal (a column layout the library never sees): the
 * status AIROI_ERR_INVALID with the reason in f->message (AIROI.CHECK).
 * mingw-w64: gnu_printf, the C99 printf family _POSIX_C_SOURCE selects
 * (as AIROI__PRINTF in lib/core/core-private.h). */
static void refuse(xll_fail *f, const char *fmt, ...)
#if defined(__MINGW32__)
    __attribute__((format(gnu_printf, 2, 3)))
#elif defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void refuse(xll_fail *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->message, sizeof f->message, fmt, ap);
    va_end(ap);
    f->status = AIROI_ERR_INVALID;
}

/* ---- Column layouts ----------------------------------------------------- */

typedef struct table_kind {
    const char *name;                /* the table, in messages */
    const char *const *keys;         /* the column names, NULL-terminated */
    const char *const *positional;   /* columns without a header row, NULL-terminated */
    const char *prefix;              /* dotted family of open names ("fx."), or NULL */
} table_kind;

static const char *const project_keys[] = {
    "name", "currency", "unit", "start", "period", "horizon", "discount_rate", "finance_rate",
    "reinvest_rate", "use_case", "stage", NULL};
static const char *const project_positional[] = {"name", "currency", "period", "horizon",
                                                 "discount_rate", NULL};
#define ITEM_KEYS                                                                           \
    "name", "currency", "amount", "quantity", "unit_amount", "amounts", "per", "payment", "at", \
        "from", "to", "growth", "risk_adjustment"
static const char *const cost_keys[] = {ITEM_KEYS, "category", NULL};
static const char *const cost_positional[] = {"name", "category", "amount", "per", "from",
                                              "to", "growth", NULL};
static const char *const value_keys[] = {ITEM_KEYS,          "dimension",        "realization",
                                         "attribution",      "monetized",        "adoption.curve",
                                         "adoption.periods", "adoption.start",   "adoption.ceiling",
                                         NULL};
static const char *const value_positional[] = {"name", "dimension", "amount", "per", "from",
                                                "to", "realization", "attribution", NULL};
static const char *const scenario_keys[] = {"name", "probability", "delay", "adoption_ceiling",
                                            NULL};
static const char *const scenario_positional[] = {"name", "probability", "multipliers.values",
                                                  "multipliers.costs", "delay", NULL};

static const table_kind kind_project = {"project", project_keys, project_positional, "fx."};
static const table_kind kind_costs = {"costs", cost_keys, cost_positional, NULL};
static const table_kind kind_values = {"values", value_keys, value_positional, NULL};
static const table_kind kind_scenarios = {"scenarios", scenario_keys, scenario_positional,
                                          "multipliers."};

/* The key of each column of a table (NULL: a column without a header). */
typedef struct cols {
    int32_t n;
    char **key;
} cols;

static void cols_clear(cols *m)
{
    for (int32_t c = 0; m->key != NULL && c < m->n; c++)
        free(m->key[c]);
    free(m->key);
    m->key = NULL;
    m->n = 0;
}

static int cols_alloc(xll_fail *f, cols *m, int32_t n)
{
    cols_clear(m);
    m->key = calloc(n > 0 ? (size_t)n : 1, sizeof *m->key);
    if (m->key == NULL) {
        f->xlerr = xlerrNum;
        return 0;
    }
    m->n = n;
    return 1;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d != NULL)
        memcpy(d, s, n);
    return d;
}

/* The layout without a header row. */
static void cols_positional(xll_fail *f, cols *m, const table_kind *k, int32_t ncols)
{
    if (!cols_alloc(f, m, ncols))
        return;
    for (int32_t c = 0; c < ncols && k->positional[c] != NULL; c++)
        if ((m->key[c] = dup_str(k->positional[c])) == NULL)
            f->xlerr = xlerrNum;
}

static int ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (x != y)
            return 0;
        if (x == '\0')
            return 1;
    }
    return 1;
}

/* Header text h as a key of kind k: a fixed key in lower case, or the
 * family's prefix in lower case followed by the name as typed; NULL when
 * it is neither. The scenario table also takes `values` and `costs` alone
 * (the headers of the first releases) for multipliers.values and .costs. */
static char *header_key(const table_kind *k, const char *h)
{
    for (const char *const *key = k->keys; *key != NULL; key++)
        if (ascii_ieq(h, *key, strlen(*key) + 1))
            return dup_str(*key);
    if (k == &kind_scenarios && (ascii_ieq(h, "values", 7) || ascii_ieq(h, "costs", 6))) {
        char buf[32];
        snprintf(buf, sizeof buf, "multipliers.%s", h[0] == 'v' || h[0] == 'V' ? "values" : "costs");
        return dup_str(buf);
    }
    size_t lp = k->prefix != NULL ? strlen(k->prefix) : 0;
    if (lp > 0 && strlen(h) > lp && ascii_ieq(h, k->prefix, lp)) {
        char *d = dup_str(h);
        if (d != NULL)
            memcpy(d, k->prefix, lp);
        return d;
    }
    return NULL;
}

/* Trims spaces at both ends of s in place. */
static char *trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    return s + i;
}

/* The names a table takes, for a message. */
static void list_keys(char *buf, size_t cap, const table_kind *k)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const char *const *key = k->keys; *key != NULL && used < cap; key++) {
        int w = snprintf(buf + used, cap - used, "%s%s", used > 0 ? ", " : "", *key);
        used += w > 0 ? (size_t)w : 0;
    }
    if (k->prefix != NULL && used < cap)
        snprintf(buf + used, cap - used, ", %sNAME", k->prefix);
}

/* Reads the header row r of a table into m. */
static void cols_header(xll_fail *f, cols *m, const table_kind *k, const xll_table *t, int32_t r)
{
    if (!cols_alloc(f, m, t->cols))
        return;
    for (int32_t c = 0; !failed(f) && c < t->cols; c++) {
        const XLOPER12 *x = cell(t, r, c);
        if (x == NULL)
            continue;
        if ((x->xltype & 0xfff) != xltypeStr) {
            if ((x->xltype & 0xfff) == xltypeErr)
                f->xlerr = x->val.err;
            else
                refuse(f, "%s table: the header of column %d is not a name", k->name, (int)c + 1);
            return;
        }
        char *h = NULL;
        f->xlerr = xll_arg_text(x, &h);
        if (f->xlerr != XLL_OK)
            return;
        char *key = header_key(k, trim(h));
        if (key == NULL) {
            char known[600];
            list_keys(known, sizeof known, k);
            refuse(f, "%s table: unknown column '%s'; expected one of %s", k->name, trim(h),
                   known);
        }
        for (int32_t d = 0; key != NULL && d < c && !failed(f); d++)
            if (m->key[d] != NULL && strcmp(m->key[d], key) == 0 && strcmp(key, "amounts") != 0)
                refuse(f, "%s table: column '%s' is given twice (columns %d and %d)", k->name,
                       trim(h), (int)d + 1, (int)c + 1);
        free(h);
        m->key[c] = key;
    }
}

/* Column of a key, -1 when the table has none. */
static int32_t col(const cols *m, const char *key)
{
    for (int32_t c = 0; c < m->n; c++)
        if (m->key[c] != NULL && strcmp(m->key[c], key) == 0)
            return c;
    return -1;
}

/* The next data row at or after *r (updating the layout at each header
 * row); 0 when there is none or on failure. Refuses a value in a column
 * without a name. */
static int next_row(xll_fail *f, cols *m, const table_kind *k, const xll_table *t, int32_t *r)
{
    for (; !failed(f) && *r < t->rows; (*r)++) {
        if (row_blank(t, *r))
            continue;
        if (row_header(t, *r)) {
            cols_header(f, m, k, t, *r);
            continue;
        }
        for (int32_t c = 0; c < t->cols; c++)
            if (cell(t, *r, c) != NULL && (c >= m->n || m->key[c] == NULL)) {
                refuse(f, "%s table: row %d has a value in column %d, which has no name "
                          "(add a header row or remove it)", k->name, (int)*r + 1, (int)c + 1);
                return 0;
            }
        return 1;
    }
    return 0;
}

/* Number of the column named key into set(handle, param) when not blank. */
#define SET_NUM(f, t, m, r, key, setter, obj, param)                                        \
    do {                                                                                    \
        double v_;                                                                          \
        int set_;                                                                           \
        if (!failed(f)) {                                                                   \
            (f)->xlerr = cell_number(t, r, col(m, key), &v_, &set_);                        \
            if ((f)->xlerr == XLL_OK && set_)                                               \
                (f)->status = setter(obj, param, v_);                                       \
        }                                                                                   \
    } while (0)

/* Text of the column named key (NULL when blank or absent). */
static char *key_text(xll_fail *f, const xll_table *t, const cols *m, int32_t r, const char *key)
{
    char *s = NULL;
    if (!failed(f))
        f->xlerr = cell_text(t, r, col(m, key), &s);
    return s;
}

/* Number of the column named key; *set is 0 when blank or absent. */
static double key_number(xll_fail *f, const xll_table *t, const cols *m, int32_t r,
                         const char *key, int *set)
{
    double v = 0.0;
    *set = 0;
    if (!failed(f))
        f->xlerr = cell_number(t, r, col(m, key), &v, set);
    return v;
}

/* Text of the column named key into set(handle, param) when not blank. */
#define SET_STR(f, t, m, r, key, setter, obj, param)                                        \
    do {                                                                                    \
        char *s_ = key_text(f, t, m, r, key);                                               \
        if (!failed(f) && s_ != NULL)                                                       \
            (f)->status = setter(obj, param, s_);                                           \
        free(s_);                                                                           \
    } while (0)

/* An enumeration by name into set(handle, param). */
#define SET_ENUM(f, t, m, r, key, type, from_name, setter, obj, param)                      \
    do {                                                                                    \
        char *s_ = key_text(f, t, m, r, key);                                               \
        type e_;                                                                            \
        if (!failed(f) && s_ != NULL && ((f)->status = from_name(&e_, s_)) == AIROI_OK)     \
            (f)->status = setter(obj, param, (double)e_);                                   \
        free(s_);                                                                           \
    } while (0)

/* ---- The project row ---------------------------------------------------- */

/* start: an Excel date (1900 system) or the text YYYY-MM-DD, refused in
 * the words of the model-file loader. */
static void read_start(xll_fail *f, airoi_project *p, const xll_table *t, const cols *m,
                       int32_t r)
{
    const XLOPER12 *x = cell(t, r, col(m, "start"));
    if (failed(f) || x == NULL)
        return;
    int32_t day = 0;
    const char *name = airoi_project_get_string(p, AIROI_PROJECT_NAME);
    switch (x->xltype & 0xfff) {
    case xltypeNum:
        if (airoi_date_from_excel(&day, x->val.num, AIROI_DATE_1900) != AIROI_OK)
            refuse(f, "project '%s': start: expected an Excel date (1900 date system) that "
                      "exists; got %.15g", name, x->val.num);
        break;
    case xltypeStr: {
        char *s = NULL;
        f->xlerr = xll_arg_text(x, &s);
        if (s != NULL && airoi_date_from_iso(&day, trim(s)) != AIROI_OK)
            refuse(f, "project '%s': start: expected a date YYYY-MM-DD (ISO 8601) that exists; "
                      "got '%s'", name, trim(s));
        free(s);
        break;
    }
    case xltypeErr: f->xlerr = x->val.err; break;
    default: f->xlerr = xlerrValue; break;
    }
    if (!failed(f))
        f->status = airoi_project_set_number(p, AIROI_PROJECT_START, (double)day);
}

/* Columns of a dotted family (fx.USD, multipliers.people): calls add(obj,
 * NAME, number) for each non-blank one. */
#define ADD_DOTTED(f, t, m, r, prefix, add, obj)                                            \
    do {                                                                                    \
        size_t lp_ = strlen(prefix);                                                        \
        for (int32_t c_ = 0; !failed(f) && c_ < (m)->n; c_++) {                             \
            double v_;                                                                      \
            int set_;                                                                       \
            if ((m)->key[c_] == NULL || strncmp((m)->key[c_], prefix, lp_) != 0)            \
                continue;                                                                   \
            (f)->xlerr = cell_number(t, r, c_, &v_, &set_);                                 \
            if ((f)->xlerr == XLL_OK && set_)                                               \
                (f)->status = add(obj, (m)->key[c_] + lp_, v_);                             \
        }                                                                                   \
    } while (0)

static airoi_project *read_project_row(xll_fail *f, const xll_table *t)
{
    cols m = {0, NULL};
    int32_t r = 0;
    cols_positional(f, &m, &kind_project, t->cols);
    if (!next_row(f, &m, &kind_project, t, &r)) {
        if (!failed(f))
            f->xlerr = xlerrValue; /* no project row */
        cols_clear(&m);
        return NULL;
    }
    airoi_project *p = NULL;
    char *name = key_text(f, t, &m, r, "name");
    if (!failed(f) && name == NULL)
        f->xlerr = xlerrValue;
    if (!failed(f))
        f->status = airoi_project_new(&p, name);
    free(name);
    SET_STR(f, t, &m, r, "currency", airoi_project_set_string, p, AIROI_PROJECT_CURRENCY);
    SET_NUM(f, t, &m, r, "unit", airoi_project_set_number, p, AIROI_PROJECT_UNIT);
    read_start(f, p, t, &m, r);
    SET_ENUM(f, t, &m, r, "period", airoi_period, airoi_period_from_name,
             airoi_project_set_number, p, AIROI_PROJECT_PERIOD);
    SET_NUM(f, t, &m, r, "horizon", airoi_project_set_number, p, AIROI_PROJECT_HORIZON);
    SET_NUM(f, t, &m, r, "discount_rate", airoi_project_set_number, p,
            AIROI_PROJECT_DISCOUNT_RATE);
    SET_NUM(f, t, &m, r, "finance_rate", airoi_project_set_number, p, AIROI_PROJECT_FINANCE_RATE);
    SET_NUM(f, t, &m, r, "reinvest_rate", airoi_project_set_number, p,
            AIROI_PROJECT_REINVEST_RATE);
    SET_STR(f, t, &m, r, "use_case", airoi_project_set_string, p, AIROI_PROJECT_USE_CASE);
    SET_ENUM(f, t, &m, r, "stage", airoi_stage, airoi_stage_from_name, airoi_project_set_number,
             p, AIROI_PROJECT_STAGE);
    ADD_DOTTED(f, t, &m, r, "fx.", airoi_project_set_fx, p);
    r++;
    if (next_row(f, &m, &kind_project, t, &r)) /* one project per call */
        refuse(f, "project table: one project per table; row %d is a second one", (int)r + 1);
    cols_clear(&m);
    return p;
}

/* ---- Items -------------------------------------------------------------- */

/* The per-period list of the `amounts` columns, in order: trailing blanks
 * end it, a blank inside it is a period without an amount (0). */
static void read_amounts(xll_fail *f, airoi_item *item, const xll_table *t, const cols *m,
                         int32_t r, int *given)
{
    double *list = NULL;
    size_t n = 0, len = 0;
    *given = 0;
    for (int32_t c = 0; !failed(f) && c < m->n; c++)
        if (m->key[c] != NULL && strcmp(m->key[c], "amounts") == 0)
            n++;
    if (n == 0 || failed(f))
        return;
    if ((list = calloc(n, sizeof *list)) == NULL) {
        f->xlerr = xlerrNum;
        return;
    }
    size_t i = 0;
    for (int32_t c = 0; !failed(f) && c < m->n; c++) {
        if (m->key[c] == NULL || strcmp(m->key[c], "amounts") != 0)
            continue;
        int set = 0;
        f->xlerr = cell_number(t, r, c, &list[i], &set);
        i++;
        if (set)
            len = i;
    }
    if (!failed(f) && len > 0) {
        *given = 1;
        f->status = airoi_item_set_amounts(item, list, len);
    }
    free(list);
}

static const char *kind_word(int is_cost)
{
    return is_cost ? "cost item" : "value item";
}

/* The amount, in one of the three forms of the model format. */
static void read_amount(xll_fail *f, airoi_item *item, const char *name, int is_cost,
                        const xll_table *t, const cols *m, int32_t r, int *has_list)
{
    int s_amount, s_quantity, s_unit;
    double amount = key_number(f, t, m, r, "amount", &s_amount);
    double quantity = key_number(f, t, m, r, "quantity", &s_quantity);
    double unit = key_number(f, t, m, r, "unit_amount", &s_unit);
    read_amounts(f, item, t, m, r, has_list);
    if (failed(f))
        return;
    if (s_amount + (s_quantity || s_unit) + *has_list > 1)
        refuse(f, "%s '%s': give the amount one way only: amount, quantity with unit_amount, "
                  "or amounts", kind_word(is_cost), name);
    else if (s_quantity != s_unit)
        refuse(f, "%s '%s': %s: needs %s too (amount = quantity x unit_amount)",
               kind_word(is_cost), name, s_quantity ? "quantity" : "unit_amount",
               s_quantity ? "unit_amount" : "quantity");
    else if (s_amount)
        f->status = airoi_item_set_number(item, AIROI_ITEM_AMOUNT, amount);
    else if (s_quantity) {
        f->status = airoi_item_set_number(item, AIROI_ITEM_QUANTITY, quantity);
        if (!failed(f))
            f->status = airoi_item_set_number(item, AIROI_ITEM_UNIT_AMOUNT, unit);
    }
}

/* per, at, from and to. A blank per with an `at` (and no list) is once,
 * as in a model file. For a one-time amount a `from` cell is its period
 * when `at` is blank, and `to` is ignored (the tables of the first
 * releases had no `at` column). */
static void read_timing(xll_fail *f, airoi_item *item, const char *name, int is_cost,
                        const xll_table *t, const cols *m, int32_t r, int has_list)
{
    int s_at, s_from, s_to;
    double at = key_number(f, t, m, r, "at", &s_at);
    double from = key_number(f, t, m, r, "from", &s_from);
    double to = key_number(f, t, m, r, "to", &s_to);
    char *per_text = key_text(f, t, m, r, "per");
    airoi_per per = AIROI_PER_PERIOD;
    int per_set = 0;
    if (!failed(f) && per_text != NULL) {
        f->status = airoi_per_from_name(&per, per_text);
        per_set = 1;
    } else if (!failed(f) && s_at && !has_list) {
        per = AIROI_PER_ONCE;
        per_set = 1;
    }
    free(per_text);
    if (!failed(f) && per_set)
        f->status = airoi_item_set_number(item, AIROI_ITEM_PER, per);
    if (failed(f))
        return;
    if (per == AIROI_PER_ONCE) {
        if (has_list)
            refuse(f, "%s '%s': amounts: a one-time amount (per: once) cannot have a "
                      "per-period list", kind_word(is_cost), name);
        else if (s_at || s_from)
            f->status = airoi_item_set_number(item, AIROI_ITEM_AT, s_at ? at : from);
        return;
    }
    if (s_at)
        refuse(f, "%s '%s': at: 'at' is the period of a one-time amount (per: once); a "
                  "recurring amount uses from and to", kind_word(is_cost), name);
    if (!failed(f) && s_from)
        f->status = airoi_item_set_number(item, AIROI_ITEM_FROM, from);
    if (!failed(f) && s_to)
        f->status = airoi_item_set_number(item, AIROI_ITEM_TO, to);
}

/* monetized: TRUE or FALSE (or 1 or 0). */
static void read_flag(xll_fail *f, airoi_item *item, const xll_table *t, const cols *m,
                      int32_t r, const char *key, airoi_item_param param)
{
    const XLOPER12 *x = cell(t, r, col(m, key));
    if (failed(f) || x == NULL)
        return;
    if ((x->xltype & 0xfff) == xltypeBool) {
        f->status = airoi_item_set_number(item, param, x->val.xbool ? 1.0 : 0.0);
        return;
    }
    double v = 0.0;
    f->xlerr = xll_arg_number(x, &v);
    if (f->xlerr == XLL_OK)
        f->status = airoi_item_set_number(item, param, v);
}

static void read_item(xll_fail *f, airoi_project *p, const xll_table *t, const cols *m,
                      int32_t r, int is_cost)
{
    char *name = key_text(f, t, m, r, "name");
    char *cls = key_text(f, t, m, r, is_cost ? "category" : "dimension");
    airoi_item *item = NULL;
    if (!failed(f) && (name == NULL || cls == NULL))
        f->xlerr = xlerrValue;
    if (!failed(f)) {
        airoi_category category = AIROI_CATEGORY_PEOPLE;
        airoi_dimension dimension = AIROI_DIMENSION_EFFICIENCY;
        f->status = is_cost ? airoi_category_from_name(&category, cls)
                            : airoi_dimension_from_name(&dimension, cls);
        if (!failed(f))
            f->status = is_cost ? airoi_project_add_cost(&item, p, name, category)
                                : airoi_project_add_value(&item, p, name, dimension);
    }
    free(cls);
    SET_STR(f, t, m, r, "currency", airoi_item_set_string, item, AIROI_ITEM_CURRENCY);
    int has_list = 0;
    if (!failed(f))
        read_amount(f, item, name, is_cost, t, m, r, &has_list);
    if (!failed(f))
        read_timing(f, item, name, is_cost, t, m, r, has_list);
    free(name);
    SET_NUM(f, t, m, r, "growth", airoi_item_set_number, item, AIROI_ITEM_GROWTH);
    SET_ENUM(f, t, m, r, "payment", airoi_payment, airoi_payment_from_name, airoi_item_set_number,
             item, AIROI_ITEM_PAYMENT);
    SET_NUM(f, t, m, r, "risk_adjustment", airoi_item_set_number, item,
            AIROI_ITEM_RISK_ADJUSTMENT);
    if (is_cost)
        return;
    SET_NUM(f, t, m, r, "realization", airoi_item_set_number, item, AIROI_ITEM_REALIZATION);
    SET_NUM(f, t, m, r, "attribution", airoi_item_set_number, item, AIROI_ITEM_ATTRIBUTION);
    read_flag(f, item, t, m, r, "monetized", AIROI_ITEM_MONETIZED);
    SET_ENUM(f, t, m, r, "adoption.curve", airoi_curve, airoi_curve_from_name,
             airoi_item_set_number, item, AIROI_ITEM_ADOPTION_CURVE);
    SET_NUM(f, t, m, r, "adoption.periods", airoi_item_set_number, item,
            AIROI_ITEM_ADOPTION_PERIODS);
    SET_NUM(f, t, m, r, "adoption.start", airoi_item_set_number, item, AIROI_ITEM_ADOPTION_START);
    SET_NUM(f, t, m, r, "adoption.ceiling", airoi_item_set_number, item,
            AIROI_ITEM_ADOPTION_CEILING);
}

static void read_items(xll_fail *f, airoi_project *p, const xll_table *t, int is_cost)
{
    const table_kind *k = is_cost ? &kind_costs : &kind_values;
    cols m = {0, NULL};
    cols_positional(f, &m, k, t->cols);
    for (int32_t r = 0; next_row(f, &m, k, t, &r); r++)
        read_item(f, p, t, &m, r, is_cost);
    cols_clear(&m);
}

/* ---- Scenarios ---------------------------------------------------------- */

static void read_scenarios(xll_fail *f, airoi_project *p, const xll_table *t)
{
    cols m = {0, NULL};
    cols_positional(f, &m, &kind_scenarios, t->cols);
    for (int32_t r = 0; next_row(f, &m, &kind_scenarios, t, &r); r++) {
        airoi_scenario *s = NULL;
        int set_p = 0;
        char *name = key_text(f, t, &m, r, "name");
        double prob = key_number(f, t, &m, r, "probability", &set_p);
        /* the cells of the multipliers are read before the scenario is added */
        for (int32_t c = 0; !failed(f) && c < m.n; c++) {
            double v;
            int set;
            if (m.key[c] != NULL && strncmp(m.key[c], "multipliers.", 12) == 0)
                f->xlerr = cell_number(t, r, c, &v, &set);
        }
        if (!failed(f) && (name == NULL || !set_p))
            f->xlerr = xlerrValue;
        if (!failed(f))
            f->status = airoi_project_add_scenario(&s, p, name, prob);
        free(name);
        ADD_DOTTED(f, t, &m, r, "multipliers.", airoi_scenario_add_multiplier, s);
        SET_NUM(f, t, &m, r, "delay", airoi_scenario_set_number, s, AIROI_SCENARIO_DELAY);
        SET_NUM(f, t, &m, r, "adoption_ceiling", airoi_scenario_set_number, s,
                AIROI_SCENARIO_ADOPTION_CEILING);
    }
    cols_clear(&m);
}

airoi_project *xll_read_project_tables(xll_fail *f, LPXLOPER12 a_project, LPXLOPER12 a_costs,
                                       LPXLOPER12 a_values, LPXLOPER12 a_scenarios)
{
    xll_table tp, tc, tv, ts = {NULL, 0, 0};
    int has_scenarios = !xll_arg_omitted(a_scenarios);
    f->xlerr = table_of(a_project, &tp);
    f->status = AIROI_OK;
    f->message[0] = '\0';
    if (f->xlerr == XLL_OK)
        f->xlerr = table_of(a_costs, &tc);
    if (f->xlerr == XLL_OK)
        f->xlerr = table_of(a_values, &tv);
    if (f->xlerr == XLL_OK && has_scenarios)
        f->xlerr = table_of(a_scenarios, &ts);
    airoi_project *p = NULL;
    if (f->xlerr == XLL_OK)
        p = read_project_row(f, &tp);
    if (!failed(f))
        read_items(f, p, &tc, 1);
    if (!failed(f))
        read_items(f, p, &tv, 0);
    if (!failed(f) && has_scenarios)
        read_scenarios(f, p, &ts);
    return p;
}
