/*
 * lib/eval/benchmark-eval.c: a result's place in the use-case benchmark
 * table (docs/methodology.md#benchmarks).
 */
#include <math.h>

#include "core-private.h"
#include "eval-private.h"

int airoi__benchmark_value(double *out, const airoi_result *r, int field)
{
    switch (field) {
    case AIROI_BENCHMARK_ROI:
        if (r->status[AIROI__ENUM_INDEX(AIROI_METRIC_ROI_ANNUALISED)] != AIROI_OK)
            return AIROI_ERR_UNDEFINED;
        *out = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_ROI_ANNUALISED)];
        return AIROI_OK;
    case AIROI_BENCHMARK_PAYBACK:
        if (r->status[AIROI__ENUM_INDEX(AIROI_METRIC_PAYBACK_PERIODS)] != AIROI_OK)
            return AIROI_ERR_UNDEFINED;
        *out = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_PAYBACK_PERIODS)] * 12.0 *
               r->years_per_period;
        return AIROI_OK;
    case AIROI_BENCHMARK_INVESTMENT:
        if (!r->has_investment)
            return AIROI_ERR_UNDEFINED;
        *out = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TCO_TOTAL)] * r->investment_factor;
        return isfinite(*out) ? AIROI_OK : AIROI_ERR_UNDEFINED;
    default:
        return AIROI_ERR_INVALID;
    }
}

int airoi__benchmark_position(int *pos, const airoi_result *r, int field)
{
    double v, lo, hi;
    if (r->use_case < 0)
        return AIROI_ERR_NOT_FOUND;
    int rc = airoi__benchmark_value(&v, r, field);
    if (rc)
        return rc;
    rc = airoi__benchmark_get_range(&lo, &hi, (size_t)r->use_case, field);
    if (rc)
        return rc;
    *pos = v < lo ? AIROI_BENCHMARK_BELOW : v > hi ? AIROI_BENCHMARK_ABOVE : AIROI_BENCHMARK_WITHIN;
    return AIROI_OK;
}

static const char *field_name(int field)
{
    switch (field) {
    case AIROI_BENCHMARK_ROI: return "annualised ROI";
    case AIROI_BENCHMARK_PAYBACK: return "payback";
    case AIROI_BENCHMARK_INVESTMENT: return "investment";
    default: return "unknown";
    }
}

int airoi__result_get_benchmark_value(double *out, const airoi_result *r,
                                      airoi_benchmark_field field)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_benchmark_value: NULL argument");
    if (airoi__enum_check((int)field, AIROI_BENCHMARK_ROI, "benchmark field"))
        return AIROI_ERR_INVALID;
    double v;
    int rc = airoi__benchmark_value(&v, r, field);
    if (rc && field == AIROI_BENCHMARK_INVESTMENT) {
        const char *cur = airoi__benchmark_get_basis()->currency;
        return airoi__error(rc, "the project's %s figure is undefined (the project "
                            "currency is not %s and the FX table has no %s)",
                            field_name(field), cur, cur);
    }
    if (rc)
        return airoi__error(rc, "the project's %s figure is undefined", field_name(field));
    *out = v;
    return AIROI_OK;
}

AIROI_API int airoi_result_get_benchmark_value(double *out, const airoi_result *r,
                                               airoi_benchmark_field field)
{
    AIROI__ENTER();
    return airoi__result_get_benchmark_value(out, r, field);
}

int airoi__result_get_benchmark_position(airoi_benchmark_position *position, const airoi_result *r,
                                         airoi_benchmark_field field)
{
    if (!position || !r)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_result_get_benchmark_position: NULL argument");
    if (airoi__enum_check((int)field, AIROI_BENCHMARK_ROI, "benchmark field"))
        return AIROI_ERR_INVALID;
    if (r->use_case < 0)
        return airoi__error(AIROI_ERR_NOT_FOUND, "the project has no use case to compare with");
    int pos = AIROI_BENCHMARK_WITHIN;
    int rc = airoi__benchmark_position(&pos, r, field);
    if (rc)
        return airoi__error(rc, "the project's %s figure is undefined", field_name(field));
    *position = (airoi_benchmark_position)pos;
    return AIROI_OK;
}

AIROI_API int airoi_result_get_benchmark_position(airoi_benchmark_position *position,
                                                  const airoi_result *r,
                                                  airoi_benchmark_field field)
{
    AIROI__ENTER();
    return airoi__result_get_benchmark_position(position, r, field);
}
