/*
 * lib/finance/roi.c: return on investment, (benefits - costs) / costs,
 * with the library's one rule for costs of zero and below
 * (docs/methodology.md, section 1.15).
 */
#include <math.h>

#include "airoi/finance.h"
#include "finance-private.h"

int airoi__roi_totals(double *out, double benefits, double costs)
{
    const double gain = benefits - costs;
    if (!isfinite(gain))
        return AIROI_ERR_RANGE;
    const double q = costs == 0.0 ? 0.0 : gain / costs;
    if (costs == 0.0 || !isfinite(q))
        return AIROI_ERR_UNDEFINED;
    *out = q;
    return AIROI_OK;
}

/* The Neumaier sum of v[0..n-1] into *out; AIROI_ERR_INVALID for a NULL
 * array with n > 0 or a non-finite value, AIROI_ERR_RANGE when the sum
 * overflows. */
static int sum_of(double *out, const char *what, const double *v, size_t n)
{
    if (!v && n > 0)
        return airoi__error(AIROI_ERR_INVALID, "roi: %s is NULL", what);
    airoi__sum acc = {0.0, 0.0};
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            return airoi__error(AIROI_ERR_INVALID, "roi: %s[%zu] is not finite (%g)", what, i,
                                v[i]);
        airoi__sum_add(&acc, v[i]);
    }
    *out = airoi__sum_get(&acc);
    if (!isfinite(*out))
        return airoi__error(AIROI_ERR_RANGE, "roi: the sum of the %s overflows", what);
    return AIROI_OK;
}

int airoi__roi(double *out, const double *benefits, size_t n_benefits,
               const double *costs, size_t n_costs)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "roi: out is NULL");
    double b, c;
    int st = sum_of(&b, "benefits", benefits, n_benefits);
    if (!st)
        st = sum_of(&c, "costs", costs, n_costs);
    if (st)
        return st;
    st = airoi__roi_totals(out, b, c);
    if (st == AIROI_ERR_RANGE)
        return airoi__error(st, "roi: benefits - costs overflows");
    if (st)
        return airoi__error(st, "roi: undefined, the costs sum to %s",
                            c == 0.0 ? "0" : "too little next to the gain");
    return AIROI_OK;
}

AIROI_API int airoi_roi(double *out, const double *benefits, size_t n_benefits,
                        const double *costs, size_t n_costs)
{
    AIROI__ENTER();
    return airoi__roi(out, benefits, n_benefits, costs, n_costs);
}
