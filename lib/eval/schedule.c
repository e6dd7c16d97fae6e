/*
 * lib/eval/schedule.c: cash-flow schedules.
 */
#include <math.h>
#include <string.h>

#include "core-private.h"
#include "eval-private.h"
#include "finance-private.h"

int airoi__schedule_alloc(airoi_schedule **out, size_t n, double rate, int has_split)
{
    *out = NULL;
    size_t ncols = AIROI__COLUMN_COUNT +
                   (has_split ? AIROI__CATEGORY_COUNT + AIROI__DIMENSION_COUNT : 0);
    if (n == 0 || n > (size_t)AIROI_HORIZON_MAX + 1)
        return airoi__error(AIROI_ERR_INTERNAL, "schedule of %zu periods", n);
    airoi_schedule *s = airoi__calloc(1, sizeof *s);
    if (!s)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    s->block = airoi__calloc(n * ncols, sizeof *s->block);
    if (!s->block) {
        airoi__free(s);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    s->n = n;
    s->rate = rate;
    s->has_split = has_split;
    size_t k = 0;
    for (size_t c = 0; c < AIROI__COLUMN_COUNT; c++)
        s->col[c] = s->block + n * k++;
    if (has_split) {
        for (size_t c = 0; c < AIROI__CATEGORY_COUNT; c++)
            s->cat[c] = s->block + n * k++;
        for (size_t c = 0; c < AIROI__DIMENSION_COUNT; c++)
            s->dim[c] = s->block + n * k++;
    }
    *out = s;
    return AIROI_OK;
}

int airoi__schedule_finish(airoi_schedule *s)
{
    airoi__sum cum = {0, 0}, dcum = {0, 0};
    const double lr = log1p(s->rate);
    for (size_t t = 0; t < s->n; t++) {
        double c = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)][t];
        double b = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)][t];
        double net = b - c;
        double df = airoi__compound(lr, -(double)t);
        airoi__sum_add(&cum, net);
        airoi__sum_add(&dcum, net * df);
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)][t] = net;
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_CUMULATIVE)][t] = airoi__sum_get(&cum);
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_DISCOUNT_FACTOR)][t] = df;
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_DISCOUNTED)][t] = net * df;
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_DISCOUNTED_CUMULATIVE)][t] = airoi__sum_get(&dcum);
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_DISCOUNTED_COSTS)][t] = c * df;
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_DISCOUNTED_BENEFITS)][t] = b * df;
    }
    for (size_t c = 0; c < AIROI__COLUMN_COUNT; c++)
        if (!airoi__all_finite(s->col[c], s->n))
            return airoi__error(AIROI_ERR_RANGE,
                                "the schedule overflows (column '%s' is not finite)",
                                airoi__schedule_column_name(
                                    (airoi_schedule_column)(AIROI_SCHEDULE_COSTS + (int)c)));
    return AIROI_OK;
}

int airoi__schedule_new(airoi_schedule **out, const double *costs,
                        const double *benefits, size_t n, double rate)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_new: NULL out");
    *out = NULL;
    if (!costs || !benefits)
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_new: NULL array");
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_new: no periods");
    if (n > (size_t)AIROI_HORIZON_MAX + 1)
        return airoi__error(AIROI_ERR_LIMIT, "airoi_schedule_new: %zu periods, above the limit of %d",
                            n, AIROI_HORIZON_MAX + 1);
    if (!isfinite(rate) || rate <= -1.0)
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_new: rate %g must be finite and > -1",
                            rate);
    if (!airoi__all_finite(costs, n) || !airoi__all_finite(benefits, n))
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_new: a non-finite cost or benefit");
    airoi_schedule *s;
    int rc = airoi__schedule_alloc(&s, n, rate, 0);
    if (rc)
        return rc;
    memcpy(s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)], costs, n * sizeof *costs);
    memcpy(s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)], benefits, n * sizeof *benefits);
    rc = airoi__schedule_finish(s);
    if (rc) {
        airoi__schedule_free(s);
        return rc;
    }
    *out = s;
    return AIROI_OK;
}

AIROI_API int airoi_schedule_new(airoi_schedule **out, const double *costs,
                                 const double *benefits, size_t n, double rate)
{
    AIROI__ENTER();
    return airoi__schedule_new(out, costs, benefits, n, rate);
}

int airoi__schedule_clone(airoi_schedule **out, const airoi_schedule *s)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_clone: NULL out");
    *out = NULL;
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_clone: NULL schedule");
    airoi_schedule *c;
    int rc = airoi__schedule_alloc(&c, s->n, s->rate, s->has_split);
    if (rc)
        return rc;
    size_t ncols = AIROI__COLUMN_COUNT +
                   (s->has_split ? AIROI__CATEGORY_COUNT + AIROI__DIMENSION_COUNT : 0);
    memcpy(c->block, s->block, s->n * ncols * sizeof *s->block);
    *out = c;
    return AIROI_OK;
}

AIROI_API int airoi_schedule_clone(airoi_schedule **out, const airoi_schedule *s)
{
    AIROI__ENTER();
    return airoi__schedule_clone(out, s);
}

void airoi__schedule_free(airoi_schedule *s)
{
    if (!s)
        return;
    airoi__free(s->block);
    airoi__free(s);
}

AIROI_API void airoi_schedule_free(airoi_schedule *s)
{
    AIROI__ENTER();
    airoi__schedule_free(s);
}

size_t airoi__schedule_count_periods(const airoi_schedule *s)
{
    return s ? s->n : 0;
}

AIROI_API size_t airoi_schedule_count_periods(const airoi_schedule *s)
{
    AIROI__ENTER();
    return airoi__schedule_count_periods(s);
}

int airoi__schedule_get_rate(double *out, const airoi_schedule *s)
{
    if (!out || !s)
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_get_rate: NULL argument");
    *out = s->rate;
    return AIROI_OK;
}

AIROI_API int airoi_schedule_get_rate(double *out, const airoi_schedule *s)
{
    AIROI__ENTER();
    return airoi__schedule_get_rate(out, s);
}

static int copy_out(double *buf, size_t cap, size_t *len_out, const airoi_schedule *s,
                    const double *col, const char *what)
{
    *len_out = s->n;
    if (!buf && cap == 0)
        return AIROI_OK; /* a size query */
    if (cap < s->n)
        return airoi__error(AIROI_ERR_BUFFER, "buffer of %zu for %zu periods of %s", cap, s->n,
                            what);
    memcpy(buf, col, s->n * sizeof *buf);
    return AIROI_OK;
}

int airoi__schedule_get_column(double *buf, size_t cap, size_t *len_out,
                               const airoi_schedule *s, airoi_schedule_column column)
{
    if (!s || !len_out || (!buf && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_get_column: NULL argument");
    if (airoi__enum_check((int)column, AIROI_SCHEDULE_COSTS, "airoi_schedule_get_column: column"))
        return AIROI_ERR_INVALID;
    return copy_out(buf, cap, len_out, s, s->col[AIROI__ENUM_INDEX(column)],
                    airoi__schedule_column_name(column));
}

AIROI_API int airoi_schedule_get_column(double *buf, size_t cap, size_t *len_out,
                                        const airoi_schedule *s, airoi_schedule_column column)
{
    AIROI__ENTER();
    return airoi__schedule_get_column(buf, cap, len_out, s, column);
}

int airoi__schedule_get_category(double *buf, size_t cap, size_t *len_out,
                                 const airoi_schedule *s, airoi_category category)
{
    if (!s || !len_out || (!buf && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_get_category: NULL argument");
    if (airoi__enum_check((int)category, AIROI_CATEGORY_PEOPLE,
                          "airoi_schedule_get_category: category"))
        return AIROI_ERR_INVALID;
    if (!s->has_split)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "this schedule was built from arrays and has no split by category");
    return copy_out(buf, cap, len_out, s, s->cat[AIROI__ENUM_INDEX(category)],
                    airoi__category_name(category));
}

AIROI_API int airoi_schedule_get_category(double *buf, size_t cap, size_t *len_out,
                                          const airoi_schedule *s, airoi_category category)
{
    AIROI__ENTER();
    return airoi__schedule_get_category(buf, cap, len_out, s, category);
}

int airoi__schedule_get_dimension(double *buf, size_t cap, size_t *len_out,
                                  const airoi_schedule *s, airoi_dimension dimension)
{
    if (!s || !len_out || (!buf && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_schedule_get_dimension: NULL argument");
    if (airoi__enum_check((int)dimension, AIROI_DIMENSION_EFFICIENCY,
                          "airoi_schedule_get_dimension: dimension"))
        return AIROI_ERR_INVALID;
    if (!s->has_split)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "this schedule was built from arrays and has no split by dimension");
    return copy_out(buf, cap, len_out, s, s->dim[AIROI__ENUM_INDEX(dimension)],
                    airoi__dimension_name(dimension));
}

AIROI_API int airoi_schedule_get_dimension(double *buf, size_t cap, size_t *len_out,
                                           const airoi_schedule *s, airoi_dimension dimension)
{
    AIROI__ENTER();
    return airoi__schedule_get_dimension(buf, cap, len_out, s, dimension);
}
