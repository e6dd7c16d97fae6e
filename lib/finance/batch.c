/*
 * lib/finance/batch.c: the one loop behind every batch form (many rows in
 * one call; docs/methodology.md, section 1.13).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "finance-private.h"

int airoi__batch_shape(const char *name, size_t rows, size_t cols, size_t min_cols)
{
    if (cols < min_cols) {
        if (min_cols <= 1)
            return airoi__error(AIROI_ERR_INVALID, "%s: cols is 0", name);
        return airoi__error(AIROI_ERR_INVALID, "%s: cols must be at least %zu, got %zu", name,
                            min_cols, cols);
    }
    if (cols != 0 && rows > SIZE_MAX / cols)
        return airoi__error(AIROI_ERR_INVALID, "%s: %zu rows x %zu cols overflows", name, rows,
                            cols);
    return AIROI_OK;
}

/* Whether x[0..n-1] may hold a NaN (a fast kernel's row left to the row
 * function): their sum in four parts is NaN when one is (and, rarely, when
 * infinities of both signs meet: then the rows are only looked at). */
static int block_has_nan(const double *x, size_t n)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    for (; i < n; i++)
        s0 += x[i];
    const double s = (s0 + s1) + (s2 + s3);
    return s != s;
}

void airoi__batch_first_note(airoi__batch_first *f, int st, size_t i)
{
    if (st && f->status == AIROI_OK) {
        f->status = st;
        f->at = i;
        snprintf(f->msg, sizeof f->msg, "%s", airoi__error_get());
    }
}

int airoi__batch_first_end(const airoi__batch_first *f, const char *name, const char *unit)
{
    if (f->status == AIROI_OK) {
        airoi__error_clear();
        return AIROI_OK;
    }
    return airoi__error(f->status, "%s: %s %zu: %s", name, unit, f->at, f->msg);
}

_Static_assert(AIROI_OK == 0, "airoi__batch_run() writes AIROI_OK with memset");

int airoi__batch_run(const char *name, double *out, int32_t *status_out, int32_t *flag_out,
                     const double *values, size_t rows, size_t cols, airoi__batch_row row,
                     airoi__batch_fast fast, void *ctx)
{
    airoi__batch_first first = AIROI__BATCH_FIRST_INIT;
    for (size_t b = 0; b < rows; b += AIROI__BATCH_BLOCK) {
        const size_t end = rows - b > AIROI__BATCH_BLOCK ? b + AIROI__BATCH_BLOCK : rows;
        /* The fast kernel on the block, while it is in cache; then the
         * rows it left (NaN) to the careful row function. */
        if (fast) {
            fast(ctx, out + b, values + b * cols, end - b, cols);
            /* AIROI_OK and flag 0 for the block; the rows left are redone */
            if (status_out)
                memset(status_out + b, 0, (end - b) * sizeof *status_out);
            if (flag_out)
                memset(flag_out + b, 0, (end - b) * sizeof *flag_out);
        }
        if (fast && !block_has_nan(out + b, end - b))
            continue;
        for (size_t i = b; i < end; i++) {
            if (fast && !isnan(out[i]))
                continue;
            double r = 0.0;
            int32_t flag = 0;
            int st = row(ctx, values + i * cols, cols, &r, &flag);
            out[i] = st ? 0.0 : r;
            if (status_out)
                status_out[i] = st;
            if (flag_out)
                flag_out[i] = st ? 0 : flag;
            airoi__batch_first_note(&first, st, i);
        }
    }
    return airoi__batch_first_end(&first, name, "row");
}
