/*
 * lib/finance/rates.c: the one conversion between annual rates and rates
 * per period (docs/methodology.md, "Rates per period").
 */
#include <math.h>

#include "finance-private.h"

double airoi__rate_per_period(double annual, double years)
{
    if (years == 1.0)
        return annual;
    return expm1(years * log1p(annual));
}

double airoi__rate_annual(double per_period, double years)
{
    if (years == 1.0)
        return per_period;
    return expm1(log1p(per_period) / years);
}
