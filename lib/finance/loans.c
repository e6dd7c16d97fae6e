/*
 * lib/finance/loans.c: the loan functions IPMT, PPMT, CUMIPMT, CUMPRINC and
 * ISPMT, with Excel's sign convention and its annuity equation
 *
 *   pv (1+r)^n + pmt (1 + r type) ((1+r)^n - 1) / r + fv = 0.
 *
 * Each value is computed from a closed form that does not subtract two
 * large numbers (docs/methodology.md, "Loan functions"):
 *
 *   balance after k periods, b_k = pv (1+r)^k + pmt (1 + r type) ((1+r)^k - 1) / r
 *                                = -(fv (1+r)^-(n-k) + pmt (1 + r type) (1 - (1+r)^-(n-k)) / r),
 *   IPMT(per) = -r b_(per-1)             (type 0)
 *             = -r b_(per-1) / (1 + r)   (type 1, per > 1; 0 for per = 1),
 *   PPMT(per) = -(pv + fv) r (1+r)^(per-1-type) / ((1+r)^n - 1)
 *               (pmt itself for type 1, per = 1),
 *
 * the first form of b_k for r < 0 (powers below 1), the second for r > 0.
 * Spreadsheet engines compute IPMT as FV(per - 1) r and PPMT as PMT - IPMT,
 * which lose every digit when (1+r)^per is large (numpy-financial issue 35);
 * these forms keep full relative precision.
 */
#include <math.h>
#include <stdio.h>

#include "airoi/finance.h"
#include "finance-private.h"

/* (1+r)^t, or NaN where it is not defined: rates <= -1 only with whole
 * exponents (and 0^t only for t > 0), as Excel's powers. */
static double pow1p(double r, double t)
{
    if (r > -1.0)
        return exp(t * log1p(r));
    double p;
    if (airoi__pow1p(&p, r, t))
        return (double)NAN;
    return p;
}

/* The rate argument of the loan functions: finite; -1 itself refused (the
 * annuity equation divides by (1+r)^n - 1 or by 1 + r). Rates below -1 are
 * checked where a power is taken. */
static int check_rate(const char *name, double rate)
{
    int st = airoi__check_finite(name, "rate", rate);
    if (!st && rate == -1.0)
        st = airoi__error(AIROI_ERR_INVALID, "%s: rate -1 makes 1 + rate 0", name);
    return st;
}

/* PMT (airoi__pmt(), which also takes rates below -1), with the message
 * reworded as the caller's. */
static int loan_pmt(double *out, const char *name, double rate, double nper, double pv,
                    double fv, int type)
{
    int st = airoi__pmt(out, rate, nper, pv, fv, type);
    if (st) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", airoi__error_get());
        return airoi__error(st, "%s: %s", name, msg);
    }
    return AIROI_OK;
}

/* Balance after k periods (see the top of the file), given pmt. */
static double balance(double r, double k, double n, double pv, double pmt, double fv, int type)
{
    const double kt = type ? 1.0 + r : 1.0;
    if (r > 0.0) {
        const double m = n - k, l = log1p(r);
        const double vm = exp(-m * l), a = -expm1(-m * l) / r;
        return -(fv * vm + pmt * kt * a);
    }
    if (r > -1.0) {
        const double l = log1p(r);
        return pv * exp(k * l) + pmt * kt * (expm1(k * l) / r);
    }
    const double g = pow1p(r, k);
    return pv * g + pmt * kt * ((g - 1.0) / r);
}

static int check_loan(const char *name, double rate, double per, double nper, double pv,
                      double fv)
{
    int st = check_rate(name, rate);
    if (!st)
        st = airoi__check_finite(name, "per", per);
    if (!st)
        st = airoi__check_finite(name, "nper", nper);
    if (!st)
        st = airoi__check_finite(name, "pv", pv);
    if (!st)
        st = airoi__check_finite(name, "fv", fv);
    if (!st && !(per >= 1.0 && per <= nper))
        st = airoi__error(AIROI_ERR_INVALID, "%s: per %.17g must lie in [1, nper = %.17g]", name,
                          per, nper);
    return st;
}

/* IPMT without validation; pmt is PMT(rate, nper, pv, fv, type). */
static double ipmt_core(double rate, double per, double nper, double pv, double fv, int type,
                        double pmt)
{
    if (rate == 0.0 || (type && per == 1.0))
        return 0.0;
    const double b = balance(rate, per - 1.0, nper, pv, pmt, fv, type);
    return type ? -rate * b / (1.0 + rate) : -rate * b;
}

/* r (1+r)^e / ((1+r)^n - 1) for r > -1, r != 0, without overflowing where
 * the quotient is finite. */
static double ppmt_factor(double r, double e, double n)
{
    if (r <= -1.0) {
        const double gn = pow1p(r, n);
        return r * pow1p(r, e) / (gn - 1.0);
    }
    const double l = log1p(r), nl = n * l;
    if (nl > 0.0)
        return r * exp((e - n) * l) / -expm1(-nl);
    return r * exp(e * l) / expm1(nl);
}

static double ppmt_core(double rate, double per, double nper, double pv, double fv, int type,
                        double pmt)
{
    if (rate == 0.0)
        return -(pv + fv) / nper;
    if (type && per == 1.0)
        return pmt;
    return -(pv + fv) * ppmt_factor(rate, per - 1.0 - (type ? 1.0 : 0.0), nper);
}

typedef double (*payment_core)(double rate, double per, double nper, double pv, double fv,
                               int type, double pmt);

/* IPMT or PPMT: the checks, PMT, then the core. */
static int one_payment(double *out, const char *name, payment_core core, double rate,
                       double per, double nper, double pv, double fv, int type)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "%s: out is NULL", name);
    int st = check_loan(name, rate, per, nper, pv, fv);
    double pmt = 0.0;
    if (!st)
        st = loan_pmt(&pmt, name, rate, nper, pv, fv, type);
    if (st)
        return st;
    double r = core(rate, per, nper, pv, fv, type != 0, pmt);
    if (isnan(r))
        return airoi__error(AIROI_ERR_INVALID, "%s: (1 + rate)^(per - 1) is not defined for "
                            "rate %.17g and per %.17g (a rate below -1 needs a whole number "
                            "of periods)", name, rate, per);
    return airoi__finish(out, name, r);
}

int airoi__ipmt(double *out, double rate, double per, double nper, double pv, double fv,
                int type)
{
    return one_payment(out, "ipmt", ipmt_core, rate, per, nper, pv, fv, type);
}

AIROI_API int airoi_ipmt(double *out, double rate, double per, double nper, double pv,
                         double fv, int type)
{
    AIROI__ENTER();
    return airoi__ipmt(out, rate, per, nper, pv, fv, type);
}

int airoi__ppmt(double *out, double rate, double per, double nper, double pv, double fv,
                int type)
{
    return one_payment(out, "ppmt", ppmt_core, rate, per, nper, pv, fv, type);
}

AIROI_API int airoi_ppmt(double *out, double rate, double per, double nper, double pv,
                         double fv, int type)
{
    AIROI__ENTER();
    return airoi__ppmt(out, rate, per, nper, pv, fv, type);
}

/* ---------------------------------------------------- CUMIPMT, CUMPRINC */

/* Excel's checks of CUMIPMT and CUMPRINC, after truncating nper, the
 * periods and (by the caller) type to integers: rate > 0, nper > 0,
 * pv > 0, 1 <= start <= end <= nper, type 0 or 1. */
static int check_cum(const char *name, double rate, double *nper, double pv, double *start,
                     double *end, int type)
{
    int st = airoi__check_finite(name, "rate", rate);
    if (!st)
        st = airoi__check_finite(name, "nper", *nper);
    if (!st)
        st = airoi__check_finite(name, "pv", pv);
    if (!st)
        st = airoi__check_finite(name, "start_period", *start);
    if (!st)
        st = airoi__check_finite(name, "end_period", *end);
    if (st)
        return st;
    *nper = trunc(*nper);
    *start = trunc(*start);
    *end = trunc(*end);
    if (!(rate > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: rate %.17g must be greater than 0", name,
                            rate);
    if (!(*nper > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: nper must be at least 1", name);
    if (!(pv > 0.0))
        return airoi__error(AIROI_ERR_INVALID, "%s: pv %.17g must be greater than 0", name, pv);
    if (!(*start >= 1.0 && *start <= *end && *end <= *nper))
        return airoi__error(AIROI_ERR_INVALID, "%s: the periods must satisfy 1 <= start_period "
                            "(%.17g) <= end_period (%.17g) <= nper (%.17g)", name, *start, *end,
                            *nper);
    if (type != 0 && type != 1)
        return airoi__error(AIROI_ERR_INVALID, "%s: type %d must be 0 or 1", name, type);
    return AIROI_OK;
}

/* More periods than this are summed in closed form (CUMIPMT as the
 * payments minus CUMPRINC), fewer term by term. */
#define CUM_TERMS_MAX 1000000.0

/* CUMPRINC in closed form: the principal repaid from period s to e is
 * -pv r ((1+r)^(e-t) - (1+r)^(s'-1-t)) / (r ((1+r)^n - 1)) with
 * s' = max(s, 1 + t), plus pmt for type 1 and s = 1. */
static double cumprinc_core(double r, double n, double pv, double s, double e, int type,
                            double pmt)
{
    const double t = type ? 1.0 : 0.0;
    const double s1 = fmax(s, 1.0 + t);
    double sum = (type && s == 1.0) ? pmt : 0.0;
    if (e < s1)
        return sum;
    const double l = log1p(r), nl = n * l;
    /* (1+r)^(e-t) - (1+r)^(s1-1-t) = (1+r)^(s1-1-t) expm1((e - s1 + 1) l) */
    const double a = s1 - 1.0 - t, d = expm1((e - s1 + 1.0) * l);
    const double q = nl > 700.0 ? exp((a - n) * l) * d / -expm1(-nl)
                                : exp(a * l) * d / expm1(nl);
    return sum - pv * q;
}

int airoi__cumipmt(double *out, double rate, double nper, double pv, double start_period,
                   double end_period, int type)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "cumipmt: out is NULL");
    int st = check_cum("cumipmt", rate, &nper, pv, &start_period, &end_period, type);
    double pmt = 0.0;
    if (!st)
        st = loan_pmt(&pmt, "cumipmt", rate, nper, pv, 0.0, type);
    if (st)
        return st;
    double r;
    if (end_period - start_period < CUM_TERMS_MAX) {
        /* counted: from 2^53 on, p + 1.0 == p and a loop on p never ends */
        const int terms = (int)(end_period - start_period) + 1;
        airoi__sum acc = {0.0, 0.0};
        for (int k = 0; k < terms; k++)
            airoi__sum_add(&acc, ipmt_core(rate, start_period + k, nper, pv, 0.0, type, pmt));
        r = airoi__sum_get(&acc);
    } else {
        r = (end_period - start_period + 1.0) * pmt -
            cumprinc_core(rate, nper, pv, start_period, end_period, type, pmt);
    }
    return airoi__finish(out, "cumipmt", r);
}

AIROI_API int airoi_cumipmt(double *out, double rate, double nper, double pv,
                            double start_period, double end_period, int type)
{
    AIROI__ENTER();
    return airoi__cumipmt(out, rate, nper, pv, start_period, end_period, type);
}

int airoi__cumprinc(double *out, double rate, double nper, double pv, double start_period,
                    double end_period, int type)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "cumprinc: out is NULL");
    int st = check_cum("cumprinc", rate, &nper, pv, &start_period, &end_period, type);
    double pmt = 0.0;
    if (!st)
        st = loan_pmt(&pmt, "cumprinc", rate, nper, pv, 0.0, type);
    if (st)
        return st;
    return airoi__finish(out, "cumprinc",
                  cumprinc_core(rate, nper, pv, start_period, end_period, type, pmt));
}

AIROI_API int airoi_cumprinc(double *out, double rate, double nper, double pv,
                             double start_period, double end_period, int type)
{
    AIROI__ENTER();
    return airoi__cumprinc(out, rate, nper, pv, start_period, end_period, type);
}

/* ----------------------------------------------------------------- ISPMT */

int airoi__ispmt(double *out, double rate, double per, double nper, double pv)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "ispmt: out is NULL");
    int st = airoi__check_finite("ispmt", "rate", rate);
    if (!st)
        st = airoi__check_finite("ispmt", "per", per);
    if (!st)
        st = airoi__check_finite("ispmt", "nper", nper);
    if (!st)
        st = airoi__check_finite("ispmt", "pv", pv);
    if (st)
        return st;
    if (nper == 0.0)
        return airoi__error(AIROI_ERR_INVALID, "ispmt: nper is 0 (Excel's #DIV/0!)");
    /* pv rate (per / nper - 1) = -pv rate (nper - per) / nper */
    return airoi__finish(out, "ispmt", -pv * rate * ((nper - per) / nper));
}

AIROI_API int airoi_ispmt(double *out, double rate, double per, double nper, double pv)
{
    AIROI__ENTER();
    return airoi__ispmt(out, rate, per, nper, pv);
}
