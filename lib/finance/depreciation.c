/*
 * lib/finance/depreciation.c: Excel's depreciation functions SLN, SYD, DB,
 * DDB and VDB (docs/methodology.md, "Depreciation functions").
 *
 * Where Excel's documentation is silent (fractional periods and months,
 * salvage above cost), the rules are LibreOffice Calc's, whose financial
 * functions follow Excel's results; the choices are listed in the
 * methodology.
 */
#include <math.h>

#include "airoi/finance.h"
#include "finance-private.h"

/* DB and VDB go period by period: a bound on the work of one call. */
#define DEP_PERIODS_MAX 1e7

static int check4(const char *name, double cost, double salvage, double life, double x,
                  const char *xname)
{
    int st = airoi__check_finite(name, "cost", cost);
    if (!st)
        st = airoi__check_finite(name, "salvage", salvage);
    if (!st)
        st = airoi__check_finite(name, "life", life);
    if (!st)
        st = airoi__check_finite(name, xname, x);
    return st;
}

/* ------------------------------------------------------------------- SLN */

int airoi__sln(double *out, double cost, double salvage, double life)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "sln: out is NULL");
    int st = check4("sln", cost, salvage, life, 0.0, "life");
    if (st)
        return st;
    if (life == 0.0)
        return airoi__error(AIROI_ERR_INVALID, "sln: life is 0 (Excel's #DIV/0!)");
    return airoi__finish(out, "sln", (cost - salvage) / life);
}

AIROI_API int airoi_sln(double *out, double cost, double salvage, double life)
{
    AIROI__ENTER();
    return airoi__sln(out, cost, salvage, life);
}

/* ------------------------------------------------------------------- SYD */

int airoi__syd(double *out, double cost, double salvage, double life, double per)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "syd: out is NULL");
    int st = check4("syd", cost, salvage, life, per, "per");
    if (st)
        return st;
    /* Any period, as the spreadsheet engines: the formula only divides by
     * life (life + 1). */
    if (life * (life + 1.0) == 0.0)
        return airoi__error(AIROI_ERR_INVALID, "syd: life (life + 1) is 0 for life %.17g "
                            "(Excel's #DIV/0!)", life);
    /* (cost - salvage) (life - per + 1) 2 / (life (life + 1)) */
    return airoi__finish(out, "syd",
                  (cost - salvage) * ((life - per + 1.0) * 2.0 / (life * (life + 1.0))));
}

AIROI_API int airoi_syd(double *out, double cost, double salvage, double life, double per)
{
    AIROI__ENTER();
    return airoi__syd(out, cost, salvage, life, per);
}

/* -------------------------------------------------------------------- DB */

/* x rounded to 15 significant digits, the precision at which spreadsheets
 * compare doubles before floor() (so that 318.5 computed as 318.49999... is
 * still rounded up, as in Excel). */
static double round15(double x)
{
    if (x == 0.0 || !isfinite(x))
        return x;
    const int e = (int)floor(log10(fabs(x)));
    const double s = pow(10.0, 14 - e);
    return round(x * s) / s;
}

int airoi__db(double *out, double cost, double salvage, double life, double period,
              double month)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "db: out is NULL");
    int st = check4("db", cost, salvage, life, period, "period");
    if (!st)
        st = airoi__check_finite("db", "month", month);
    if (st)
        return st;
    month = trunc(month);
    if (!(month >= 1.0 && month <= 12.0))
        return airoi__error(AIROI_ERR_INVALID, "db: month must be 1 to 12 (Excel's #NUM!)");
    if (!(cost > 0.0) || salvage < 0.0 || salvage > cost)
        return airoi__error(AIROI_ERR_INVALID, "db: needs 0 <= salvage <= cost and cost > 0; got "
                            "cost %.17g, salvage %.17g (Excel's #NUM!)", cost, salvage);
    if (!(life > 0.0) || !(period >= 1.0) || period > life + 1.0)
        return airoi__error(AIROI_ERR_INVALID, "db: needs life > 0 and 1 <= period <= life + 1; "
                            "got life %.17g, period %.17g (Excel's #NUM!)", life, period);
    /* The rate 1 - (salvage / cost)^(1 / life), rounded to 3 decimals. */
    double rate = -expm1(log(salvage / cost) / life);
    if (salvage == 0.0)
        rate = 1.0;
    rate = floor(round15(rate * 1000.0 + 0.5)) / 1000.0;
    if (floor(fmin(life, period)) > DEP_PERIODS_MAX)
        return airoi__error(AIROI_ERR_INVALID, "db: more than 10,000,000 periods");
    const double first = cost * rate * month / 12.0;
    const double p = floor(period);
    if (p == 1.0)
        return airoi__finish(out, "db", first);
    double total = first, d = 0.0;
    const double last = floor(fmin(life, period));
    for (double i = 2.0; i <= last; i += 1.0) {
        d = (cost - total) * rate;
        total += d;
    }
    if (period > life) /* the months of the first year left over, after the life */
        d = (cost - total) * rate * (12.0 - month) / 12.0;
    return airoi__finish(out, "db", d);
}

AIROI_API int airoi_db(double *out, double cost, double salvage, double life, double period,
                       double month)
{
    AIROI__ENTER();
    return airoi__db(out, cost, salvage, life, period, month);
}

/* ------------------------------------------------------------------- DDB */

/* Declining balance at factor / life in period `period` (>= 1), in closed
 * form: the book value before the period is cost (1 - f/l)^(period - 1),
 * never depreciated below salvage, never negative. */
static double ddb_core(double cost, double salvage, double life, double period, double factor)
{
    double rate = factor / life, old;
    if (rate >= 1.0) {
        rate = 1.0;
        old = period == 1.0 ? cost : 0.0;
    } else {
        old = cost * pow(1.0 - rate, period - 1.0);
    }
    const double now = cost * pow(1.0 - rate, period);
    const double d = now < salvage ? old - salvage : old - now;
    return d < 0.0 ? 0.0 : d;
}

static int check_declining(const char *name, double cost, double salvage, double life,
                           double factor)
{
    if (cost < 0.0 || salvage < 0.0 || salvage > cost)
        return airoi__error(AIROI_ERR_INVALID, "%s: needs 0 <= salvage <= cost; got cost %.17g, "
                            "salvage %.17g (Excel's #NUM!)", name, cost, salvage);
    if (!(life > 0.0) || !(factor > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: life and factor must be greater than 0; got "
                            "%.17g, %.17g (Excel's #NUM!)", name, life, factor);
    return AIROI_OK;
}

int airoi__ddb(double *out, double cost, double salvage, double life, double period,
               double factor)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "ddb: out is NULL");
    int st = check4("ddb", cost, salvage, life, period, "period");
    if (!st)
        st = airoi__check_finite("ddb", "factor", factor);
    if (!st)
        st = check_declining("ddb", cost, salvage, life, factor);
    if (st)
        return st;
    if (!(period >= 1.0) || period > life)
        return airoi__error(AIROI_ERR_INVALID, "ddb: needs 1 <= period <= life; got period "
                            "%.17g, life %.17g (Excel's #NUM!)", period, life);
    return airoi__finish(out, "ddb", ddb_core(cost, salvage, life, period, factor));
}

AIROI_API int airoi_ddb(double *out, double cost, double salvage, double life, double period,
                        double factor)
{
    AIROI__ENTER();
    return airoi__ddb(out, cost, salvage, life, period, factor);
}

/* ------------------------------------------------------------------- VDB */

/* Depreciation of whole periods 1..ceil(period) (the last one scaled by
 * its fraction) of an asset worth `cost` with `life1` periods left:
 * declining balance until straight line over the remaining life gives
 * more, then straight line. */
static double vdb_switch(double cost, double salvage, double life, double life1, double period,
                         double factor)
{
    const double end = ceil(period);
    double sum = 0.0, sln = 0.0, left = cost - salvage;
    int straight = 0;
    for (double i = 1.0; i <= end; i += 1.0) {
        double term;
        if (!straight) {
            const double ddb = ddb_core(cost, salvage, life, i, factor);
            sln = left / (life1 - (i - 1.0));
            if (sln > ddb) {
                term = sln;
                straight = 1;
            } else {
                term = ddb;
                left -= ddb;
            }
        } else {
            term = sln;
        }
        if (i == end)
            term *= period + 1.0 - end;
        sum += term;
    }
    return sum;
}

int airoi__vdb(double *out, double cost, double salvage, double life, double start_period,
               double end_period, double factor, int no_switch)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "vdb: out is NULL");
    int st = check4("vdb", cost, salvage, life, start_period, "start_period");
    if (!st)
        st = airoi__check_finite("vdb", "end_period", end_period);
    if (!st)
        st = airoi__check_finite("vdb", "factor", factor);
    if (!st)
        st = check_declining("vdb", cost, salvage, life, factor);
    if (st)
        return st;
    if (!(start_period >= 0.0) || end_period < start_period || end_period > life)
        return airoi__error(AIROI_ERR_INVALID, "vdb: needs 0 <= start_period <= end_period <= "
                            "life; got %.17g, %.17g, %.17g (Excel's #NUM!)", start_period,
                            end_period, life);
    const double s0 = floor(start_period), e0 = ceil(end_period);
    if (e0 > DEP_PERIODS_MAX)
        return airoi__error(AIROI_ERR_INVALID, "vdb: more than 10,000,000 periods");
    double r = 0.0;
    if (no_switch) {
        for (double i = s0 + 1.0; i <= e0; i += 1.0) {
            double term = ddb_core(cost, salvage, life, i, factor);
            if (i == s0 + 1.0)
                term *= fmin(end_period, s0 + 1.0) - start_period;
            else if (i == e0)
                term *= end_period + 1.0 - e0;
            r += term;
        }
    } else {
        double part = 0.0;
        if (start_period != s0) { /* the part of the first period before start_period */
            const double value = cost - vdb_switch(cost, salvage, life, life, s0, factor);
            part += (start_period - s0) *
                    vdb_switch(value, salvage, life, life - s0, 1.0, factor);
        }
        if (end_period != e0) { /* the part of the last period after end_period */
            const double value = cost - vdb_switch(cost, salvage, life, life, e0 - 1.0, factor);
            part += (e0 - end_period) *
                    vdb_switch(value, salvage, life, life - (e0 - 1.0), 1.0, factor);
        }
        const double value = cost - vdb_switch(cost, salvage, life, life, s0, factor);
        r = vdb_switch(value, salvage, life, life - s0, e0 - s0, factor) - part;
    }
    return airoi__finish(out, "vdb", r);
}

AIROI_API int airoi_vdb(double *out, double cost, double salvage, double life,
                        double start_period, double end_period, double factor, int no_switch)
{
    AIROI__ENTER();
    return airoi__vdb(out, cost, salvage, life, start_period, end_period, factor, no_switch);
}
