/*
 * bindings/excel/xll-readers.c: argument readers of the add-in airoi.xll
 * beyond the number readers of xll-glue.c: text arguments, paired values
 * and dates (AIROI.XNPV, AIROI.XIRR), and the project, item and scenario
 * tables of AIROI.PROJECT, which are read cell by cell into the library's
 * setters (layouts in docs/excel.md). See airoi-xll.h.
 */
#include <math.h>
#include <stdlib.h>

#include "airoi-xll.h"

/* ---- Arguments --------------------------------------------------------- */

int xll_arg_text(const XLOPER12 *a, char **out)
{
    *out = NULL;
    if (a == NULL)
        return xlerrValue;
    if ((a->xltype & 0xfff) == xltypeMulti && a->val.array.rows == 1 &&
        a->val.array.columns == 1)
        a = a->val.array.lparray;
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

/* ---- Tables of AIROI.PROJECT ------------------------------------------- */

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

/* Cell (r, c), or NULL past the right edge (a blank). */
static const XLOPER12 *cell(const xll_table *t, int32_t r, int32_t c)
{
    if (c >= t->cols)
        return NULL;
    const XLOPER12 *x = &t->cells[(size_t)r * (size_t)t->cols + (size_t)c];
    return (x->xltype & 0xfff) == xltypeNil ? NULL : x;
}

static int row_blank(const xll_table *t, int32_t r)
{
    for (int32_t c = 0; c < t->cols; c++) {
        const XLOPER12 *x = cell(t, r, c);
        if (x == NULL)
            continue;
        if ((x->xltype & 0xfff) == xltypeStr && x->val.str[0] == 0)
            continue; /* ="" counts as blank */
        return 0;
    }
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
    if ((x->xltype & 0xfff) == xltypeStr && x->val.str[0] == 0)
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
    if (x == NULL || ((x->xltype & 0xfff) == xltypeStr && x->val.str[0] == 0))
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

/* Number at (r, c) into set(handle, param) when the cell is not blank. */
#define SET_NUM(f, t, r, c, setter, obj, param)                                  \
    do {                                                                           \
        double v_;                                                                 \
        int set_;                                                                  \
        if (!failed(f)) {                                                          \
            (f)->xlerr = cell_number(t, r, c, &v_, &set_);                         \
            if ((f)->xlerr == XLL_OK && set_)                                      \
                (f)->status = setter(obj, param, v_);                              \
        }                                                                          \
    } while (0)

/* Per (frequency) at (r, c): blank = the project's period. *once is set
 * when it is "once". */
/* *per: the frequency, or -1 when the cell is empty. */
static void read_per(xll_fail *f, const xll_table *t, int32_t r, int32_t c, int *per, int *once)
{
    char *s = NULL;
    *once = 0;
    *per = -1;
    if (failed(f))
        return;
    f->xlerr = cell_text(t, r, c, &s);
    if (f->xlerr == XLL_OK && s != NULL) {
        airoi_per v = AIROI_PER_PERIOD;
        f->status = airoi_per_from_name(&v, s);
        if (f->status == AIROI_OK)
            *per = (int)v;
        *once = f->status == AIROI_OK && v == AIROI_PER_ONCE;
    }
    free(s);
}

/* Project row: name, currency, period, horizon, discount_rate. */
static airoi_project *read_project_row(xll_fail *f, const xll_table *t)
{
    int32_t r = 0;
    while (r < t->rows && (row_blank(t, r) || row_header(t, r)))
        r++;
    if (r == t->rows) {
        f->xlerr = xlerrValue;
        return NULL;
    }
    char *name = NULL, *currency = NULL, *period = NULL;
    airoi_project *p = NULL;
    f->xlerr = cell_text(t, r, 0, &name);
    if (f->xlerr == XLL_OK && name == NULL)
        f->xlerr = xlerrValue;
    if (f->xlerr == XLL_OK)
        f->xlerr = cell_text(t, r, 1, &currency);
    if (f->xlerr == XLL_OK)
        f->xlerr = cell_text(t, r, 2, &period);
    if (f->xlerr == XLL_OK)
        f->status = airoi_project_new(&p, name);
    if (!failed(f) && currency != NULL)
        f->status = airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, currency);
    if (!failed(f) && period != NULL) {
        airoi_period per = AIROI_PERIOD_YEAR;
        f->status = airoi_period_from_name(&per, period);
        if (f->status == AIROI_OK)
            f->status = airoi_project_set_number(p, AIROI_PROJECT_PERIOD, per);
    }
    SET_NUM(f, t, r, 3, airoi_project_set_number, p, AIROI_PROJECT_HORIZON);
    SET_NUM(f, t, r, 4, airoi_project_set_number, p, AIROI_PROJECT_DISCOUNT_RATE);
    free(name);
    free(currency);
    free(period);
    for (r++; !failed(f) && r < t->rows; r++)
        if (!row_blank(t, r)) /* one project per call */
            f->xlerr = xlerrValue;
    return p;
}

/* Items of one kind. Costs: name, category, amount, per, from, to, growth.
 * Values: name, dimension, amount, per, from, to, realization, attribution. */
static void read_items(xll_fail *f, airoi_project *p, const xll_table *t, int kind)
{
    int is_cost = kind == AIROI_ITEM_KIND_COST;
    for (int32_t r = 0; !failed(f) && r < t->rows; r++) {
        if (row_blank(t, r) || row_header(t, r))
            continue;
        char *name = NULL, *cls = NULL;
        airoi_category category = AIROI_CATEGORY_PEOPLE;
        airoi_dimension dimension = AIROI_DIMENSION_EFFICIENCY;
        int per, once;
        airoi_item *item = NULL;
        f->xlerr = cell_text(t, r, 0, &name);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_text(t, r, 1, &cls);
        if (f->xlerr == XLL_OK && (name == NULL || cls == NULL))
            f->xlerr = xlerrValue;
        if (!failed(f))
            f->status = is_cost ? airoi_category_from_name(&category, cls)
                                : airoi_dimension_from_name(&dimension, cls);
        if (!failed(f))
            f->status = is_cost ? airoi_project_add_cost(&item, p, name, category)
                                : airoi_project_add_value(&item, p, name, dimension);
        free(name);
        free(cls);
        SET_NUM(f, t, r, 2, airoi_item_set_number, item, AIROI_ITEM_AMOUNT);
        read_per(f, t, r, 3, &per, &once);
        if (!failed(f) && per >= 0)
            f->status = airoi_item_set_number(item, AIROI_ITEM_PER, per);
        SET_NUM(f, t, r, 4, airoi_item_set_number, item, once ? AIROI_ITEM_AT : AIROI_ITEM_FROM);
        if (!once)
            SET_NUM(f, t, r, 5, airoi_item_set_number, item, AIROI_ITEM_TO);
        if (is_cost) {
            SET_NUM(f, t, r, 6, airoi_item_set_number, item, AIROI_ITEM_GROWTH);
        } else {
            SET_NUM(f, t, r, 6, airoi_item_set_number, item, AIROI_ITEM_REALIZATION);
            SET_NUM(f, t, r, 7, airoi_item_set_number, item, AIROI_ITEM_ATTRIBUTION);
        }
    }
}

/* Scenarios: name, probability, values multiplier, costs multiplier, delay. */
static void read_scenarios(xll_fail *f, airoi_project *p, const xll_table *t)
{
    for (int32_t r = 0; !failed(f) && r < t->rows; r++) {
        if (row_blank(t, r) || row_header(t, r))
            continue;
        char *name = NULL;
        double prob = 0.0, mv = 1.0, mc = 1.0;
        int set_p = 0, set_v = 0, set_c = 0;
        airoi_scenario *s = NULL;
        f->xlerr = cell_text(t, r, 0, &name);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_number(t, r, 1, &prob, &set_p);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_number(t, r, 2, &mv, &set_v);
        if (f->xlerr == XLL_OK)
            f->xlerr = cell_number(t, r, 3, &mc, &set_c);
        if (f->xlerr == XLL_OK && (name == NULL || !set_p))
            f->xlerr = xlerrValue;
        if (!failed(f))
            f->status = airoi_project_add_scenario(&s, p, name, prob);
        free(name);
        if (!failed(f) && set_v)
            f->status = airoi_scenario_add_multiplier(s, "values", mv);
        if (!failed(f) && set_c)
            f->status = airoi_scenario_add_multiplier(s, "costs", mc);
        SET_NUM(f, t, r, 4, airoi_scenario_set_number, s, AIROI_SCENARIO_DELAY);
    }
}

airoi_project *xll_read_project_tables(xll_fail *f, LPXLOPER12 a_project, LPXLOPER12 a_costs,
                                       LPXLOPER12 a_values, LPXLOPER12 a_scenarios)
{
    xll_table tp, tc, tv, ts = {NULL, 0, 0};
    int has_scenarios = a_scenarios != NULL && (a_scenarios->xltype & 0xfff) != xltypeMissing &&
                        (a_scenarios->xltype & 0xfff) != xltypeNil;
    f->xlerr = table_of(a_project, &tp);
    f->status = AIROI_OK;
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
        read_items(f, p, &tc, AIROI_ITEM_KIND_COST);
    if (!failed(f))
        read_items(f, p, &tv, AIROI_ITEM_KIND_VALUE);
    if (!failed(f) && has_scenarios)
        read_scenarios(f, p, &ts);
    return p;
}
