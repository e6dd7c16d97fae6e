/*
 * lib/finance: internal helpers shared by the finance kernels and by the
 * layers above them (eval, sim). Nothing here is part of the public API.
 *
 * None of these functions calls AIROI__ENTER: they are meant to be called
 * from inside a public entry point, which has already cleared the error
 * message. Functions returning int report failures through airoi__error()
 * (so the thread's message describes the failure) and leave their outputs
 * untouched on failure. Arrays are read as v[0], v[stride], v[2*stride], ...
 * so that a column of a row-major table can be passed without copying;
 * stride is counted in elements and must be at least 1.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which remembers the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_FINANCE_PRIVATE_H
#define AIROI_FINANCE_PRIVATE_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "airoi/finance.h"
#include "core-private.h"

/* Relative residual accepted at a root: |f(r)| <= AIROI__ROOT_RESIDUAL *
 * sum of |terms of f at r|. Rounding noise is about n * 1e-16 of that sum. */
#define AIROI__ROOT_RESIDUAL 1e-9

/* Newton iterations before the bracketing fallback. */
#define AIROI__NEWTON_MAX_ITER 100

/* A rate r also counts as a root when f changes sign within this many
 * ulps of r (f is continuous, so a root lies there and no double is much
 * closer to it): near r = -1, where 1 + r keeps only a few digits, no
 * double passes the relative residual test. */
#define AIROI__ROOT_ULPS 4

/* A power of two p for scale-invariant computations (NPV roots, payback,
 * MIRR, the annuity equation) on values near the overflow or underflow
 * threshold: 1 for ordinary values; when max |v[i*stride]| is huge, the
 * smallest scaling down that keeps sums of n such values, times n or
 * 2^24, finite (so small values lose as few bits as possible); when it is
 * below 2^-500, the scaling up that brings it to [1, 2) (exact). Values
 * must be finite. */
double airoi__scale_of(const double *v, size_t n, size_t stride);

/* ------------------------------------------------------- rates and factors */

/*
 * The one conversion between an annual rate and the rate of a period of
 * `years` years (1/12 for a month, 1/4 for a quarter, 1 for a year):
 *   per period = (1 + annual)^years - 1 = expm1(years * log1p(annual)),
 *   annual     = (1 + per)^(1/years) - 1 = expm1(log1p(per) / years).
 * Both return their argument unchanged when years == 1 (pow(1 + r, 1) - 1
 * would turn 0.08 into 0.08000000000000007), and keep full relative
 * precision for tiny rates, where 1 + r has already lost the low digits of
 * r. The caller guarantees rate > -1 and years > 0; the result may be
 * infinite when it overflows (check it). See docs/methodology.md.
 */
double airoi__rate_per_period(double annual, double years);
double airoi__rate_annual(double per_period, double years);

/*
 * (1 + r)^t as exp(t * lr), with lr = log1p(r) computed once by the
 * caller: the one source of every discount factor (t = -period) and
 * growth factor in the library, so that a schedule's discount_factor
 * column and the NPV of the finance kernels use the same doubles. Its
 * relative error is about |t * lr| ulps, not the t ulps of a running
 * product, and 1 + r is never rounded.
 */
static inline double airoi__compound(double lr, double t)
{
    return exp(t * lr);
}

/* ------------------------------------------------------------------ NPV */

/* sum of v[i*stride] / (1 + rate)^i for i in 0..n-1, Neumaier-summed, with
 * no validation at all: the caller guarantees rate > -1 and finite values.
 * The result may be infinite when the true value overflows (check it).
 * This is the hot-loop form for schedules and Monte Carlo trials. */
double airoi__npv0_raw(double rate, const double *v, size_t n, size_t stride);

/* airoi__npv0() on a strided array: validates rate and
 * values, returns AIROI_ERR_INVALID / AIROI_ERR_RANGE with a message. */
int airoi__npv0_strided(double *out, double rate, const double *v, size_t n, size_t stride);

/* ----------------------------------------------------------- root finding */

/*
 * A real function of a rate r > -1 for the root finders. eval() writes
 *   *f   = s(r) * F(r),
 *   *df  = s(r) * F'(r),
 *   *mag = s(r) * (sum of the absolute values of the terms of F at r),
 * for some positive scale s(r) that is continuous in r (it keeps the values
 * finite far from r = 0, e.g. s = (1 + r)^n for r < 0). The Newton step
 * F/F' does not depend on s, the sign of f is the sign of F, and f is
 * continuous, so Newton iterates exactly as on F while bracketing and Brent
 * work on f. eval() returns 0 on success, non-zero when a value is not
 * finite. df may be NULL (then only f and mag are wanted); with df NULL,
 * eval() also accepts r = -1 and then gives the limits of f and mag as r
 * tends to -1 from above (finite by the choice of s).
 */
typedef struct airoi__rootfn {
    int (*eval)(void *ctx, double r, double *f, double *df, double *mag);
    void *ctx;
} airoi__rootfn;

/*
 * Finds r > -1 with F(r) = 0: a safeguarded Newton iteration from guess
 * (steps that would reach r <= -1 are halved towards -1), accepted when the
 * step is below 1e-12 (1 + r) or AIROI__ROOT_ULPS ulps of r and the root
 * test passes (relative residual, or a sign change within
 * AIROI__ROOT_ULPS ulps); otherwise an outward scan from the guess in
 * u = ln(1 + r) for the nearest sign change and Brent's method on it;
 * otherwise every root on a fine grid in u (sign changes and touching
 * minima), the one nearest the guess. Returns 0 and writes *out;
 * AIROI__ROOT_BELOW_LAST when the only root is between -1 and the last
 * double above it (f changes sign there: a root exists but is not
 * representable; callers report AIROI_ERR_NO_SOLUTION, as Excel's #NUM!);
 * else AIROI_ERR_NO_SOLUTION. No message is set: the caller words it.
 * Never more than a few thousand evaluations of fn.
 */
#define AIROI__ROOT_BELOW_LAST 1
int airoi__root_solve(double *out, const airoi__rootfn *fn, double guess);

/*
 * Brent's method (zeroin) for a root of fn's f in the variable
 * u = ln(1 + r) on [ua, ub], where f(ua) = fa and f(ub) = fb have opposite
 * signs (or one is zero). Writes the rate r = expm1(u). Returns 0, or
 * non-zero when an evaluation fails.
 */
int airoi__brent_u(double *out, const airoi__rootfn *fn, double ua, double fa,
                   double ub, double fb);

/*
 * Every root of fn's f on [lo, hi] (-1 < lo < hi), found on a uniform grid
 * of `grid` intervals in u = ln(1 + r): sign changes between neighbours
 * (Brent), and minima of |f| / mag between same-signed neighbours (two
 * close roots in one cell, or a root of even multiplicity). *out (free
 * with airoi__free(); NULL when none) holds *len_out roots in increasing
 * order, those whose 1 + r differ by less than 1e-7 relative merged.
 * Returns 0, or AIROI_ERR_NOMEM (no message set).
 */
int airoi__root_scan(double **out, size_t *len_out, const airoi__rootfn *fn, double lo,
                     double hi, size_t grid);

/* The IRR core: airoi__irr() on a strided array.
 * Validates its inputs and sets the error message on failure. */
int airoi__irr_strided(double *out, const double *v, size_t n, size_t stride, double guess);

/* The XIRR core with dates (day numbers) on their own stride. */
int airoi__xirr_strided(double *out, const double *v, size_t vstride,
                        const int32_t *dates, size_t n, double guess);

/* -------------------------------------------------------------------- ROI */

/* (benefits - costs) / costs: airoi__roi() on two totals.
 * AIROI_ERR_UNDEFINED when costs is 0 or so small
 * next to the gain that the quotient is not a finite number; negative
 * costs (refunds) are divided by as they are; AIROI_ERR_RANGE when
 * benefits - costs overflows. No message is set: the caller words it. */
int airoi__roi_totals(double *out, double benefits, double costs);

/* ---------------------------------------------------------------- payback */

/* Payback of v[i*stride] (discounted at rate when discounted != 0):
 * the core of airoi__payback() and airoi__discounted_payback().
 * *reached_out is always written on success; *out only when reached. */
int airoi__payback_strided(double *out, int *reached_out, const double *v, size_t n,
                           size_t stride, int discounted, double rate);

/* ----------------------------------------------------------------- batch */

/*
 * The one driver of the batch forms (airoi_npv_batch(), airoi_xnpv_batch(),
 * airoi_irr_batch(), airoi_xirr_batch(), airoi_payback_batch()): each
 * checks its own arguments, then hands one row function to
 * airoi__batch_run().
 *
 * row() computes one row, v[0..cols-1], into *out (and *flag, e.g.
 * payback's "reached") and returns its status, with the thread's message
 * set on failure. airoi__batch_run() calls it on each of the rows of the
 * row-major table values, writes out[i] (0 where the row failed),
 * status_out[i] and flag_out[i] (0 where the row failed) when not NULL,
 * and returns AIROI_OK, or the first failing row's status with the message
 * "NAME: row R: <that row's message>". A failure of an argument shared by
 * every row (the rate, the dates, the guess) is returned by row() for each
 * row, so that every status says so.
 */
typedef int (*airoi__batch_row)(void *ctx, const double *v, size_t cols, double *out,
                                int32_t *flag);

/*
 * A batch form's fast kernel (may be NULL): computes rows rows of cols
 * values (a block of the table) into out[0..rows-1], or NaN for each row it
 * leaves to row() (a failure, or a row that needs the careful path). It
 * sets no message and only ever writes a value within the form's
 * documented tolerance of what row() gives (docs/methodology.md, 1.13).
 * airoi__batch_run() calls it on blocks of AIROI__BATCH_BLOCK rows, then
 * row() on the rows it left; a row it computed has status AIROI_OK and
 * flag 0.
 */
typedef void (*airoi__batch_fast)(void *ctx, double *out, const double *values, size_t rows,
                                  size_t cols);
#define AIROI__BATCH_BLOCK 256

int airoi__batch_run(const char *name, double *out, int32_t *status_out, int32_t *flag_out,
                     const double *values, size_t rows, size_t cols, airoi__batch_row row,
                     airoi__batch_fast fast, void *ctx);

/*
 * The first failure of a batch (airoi__batch_run() and the element-wise
 * forms of batch-elem.c): its status, its index and its message, kept
 * while later rows overwrite the thread's message. Start from
 * AIROI__BATCH_FIRST_INIT; airoi__batch_first_note() after each row or
 * element i with its status st (the thread's message set when st fails);
 * airoi__batch_first_end() returns AIROI_OK (message cleared) or the first
 * status with "NAME: UNIT I: <its message>" (UNIT "row" or "element").
 */
typedef struct airoi__batch_first {
    int status;
    size_t at;
    char msg[256];
} airoi__batch_first;
#define AIROI__BATCH_FIRST_INIT {AIROI_OK, 0, ""}
void airoi__batch_first_note(airoi__batch_first *f, int st, size_t i);
int airoi__batch_first_end(const airoi__batch_first *f, const char *name, const char *unit);

/* The fast kernels of the IRR and XIRR batch forms (batch-irr-kernels.h):
 * Halley on AIROI__IRR_LANES rows at a time for the rows with a unique
 * root, AIROI__IRR_GROUPS such groups in flight, NaN in out for the other
 * rows (left to the careful solver). work holds cols * AIROI__IRR_WORK
 * doubles; t is XIRR's year fractions. */
#define AIROI__IRR_LANES 4
#define AIROI__IRR_GROUPS 8
#define AIROI__IRR_WORK (5 * AIROI__IRR_LANES * AIROI__IRR_GROUPS + 3)
void airoi__irr_fast(double *out, const double *v, size_t rows, size_t cols, double guess,
                     double *work);
void airoi__xirr_fast(double *out, const double *v, size_t rows, size_t cols, const double *t,
                      double guess, double *work);
/* batch-irr-128.c: the kernel on 2 rows at a time (t NULL for IRR). */
void airoi__irr_rows_128(double *out, const double *v, size_t rows, size_t cols,
                         const double *t, double guess, double *w);
/* Which kernel the IRR and XIRR batch forms run, for white-box tests that
 * compare the paths on one machine: AIROI__IRR_PATH_AUTO (the widest the
 * processor has: the default), AIROI__IRR_PATH_128 (2 lanes, the path of
 * processors without AVX2), AIROI__IRR_PATH_CAREFUL (no kernel: every row
 * to the careful solver, as in a build without GNU C vectors). Returns the
 * previous path. A process-wide setting, not thread-safe: tests only, set
 * while no batch call runs. */
enum { AIROI__IRR_PATH_AUTO, AIROI__IRR_PATH_128, AIROI__IRR_PATH_CAREFUL };
int airoi__irr_set_path(int path);

/* The table shape every batch form checks first: AIROI_ERR_INVALID with
 * "NAME: ..." when cols < min_cols (1 or 2) or rows x cols overflows
 * size_t; else AIROI_OK. */
int airoi__batch_shape(const char *name, size_t rows, size_t cols, size_t min_cols);

/* --------------------------------------------- internal forms of the API */

/* airoi__NAME() does the work of the public airoi_NAME() (same file), which
 * adds only the entry bookkeeping (AIROI__ENTER). */

/* irr.c */
int airoi__irr(double *out, const double *values, size_t n, double guess);
int airoi__irr_batch(double *out, int32_t *status_out, const double *values,
                     size_t rows, size_t cols, double guess);
int airoi__xirr(double *out, const double *values, const int32_t *dates, size_t n,
                double guess);
int airoi__xirr_batch(double *out, int32_t *status_out, const double *values,
                      const int32_t *dates, size_t rows, size_t cols, double guess);
int airoi__irr_all(double *roots, size_t cap, size_t *len_out, const double *values,
                   size_t n, double lo, double hi);

/* npv.c */
int airoi__npv(double *out, double rate, const double *values, size_t n);
int airoi__npv0(double *out, double rate, const double *values, size_t n);
int airoi__npv_batch(double *out, int32_t *status_out, double rate,
                     const double *values, size_t rows, size_t cols, unsigned flags);
int airoi__xnpv(double *out, double rate, const double *values,
                const int32_t *dates, size_t n);
int airoi__xnpv_batch(double *out, int32_t *status_out, double rate,
                      const double *values, const int32_t *dates, size_t rows,
                      size_t cols);
int airoi__mirr(double *out, const double *values, size_t n, double finance_rate,
                double reinvest_rate);
int airoi__payback(double *out, int *reached_out, const double *values, size_t n);
int airoi__discounted_payback(double *out, int *reached_out, double rate,
                              const double *values, size_t n);
int airoi__payback_batch(double *out, int32_t *reached_out, const double *values,
                         size_t rows, size_t cols);

/* tvm.c */
int airoi__pv(double *out, double rate, double nper, double pmt, double fv, int type);
int airoi__fv(double *out, double rate, double nper, double pmt, double pv, int type);
int airoi__pmt(double *out, double rate, double nper, double pv, double fv, int type);
int airoi__nper(double *out, double rate, double pmt, double pv, double fv, int type);
int airoi__rate(double *out, double nper, double pmt, double pv, double fv, int type,
                double guess);

/* --------------------------------------------- internal forms of the API */

/* airoi__NAME() does the work of the public airoi_NAME() (same file), which
 * adds only the entry bookkeeping (AIROI__ENTER). */

/* roi.c */
int airoi__roi(double *out, const double *benefits, size_t n_benefits,
               const double *costs, size_t n_costs);

/* loans.c */
int airoi__ipmt(double *out, double rate, double per, double nper, double pv, double fv,
                int type);
int airoi__ppmt(double *out, double rate, double per, double nper, double pv, double fv,
                int type);
int airoi__cumipmt(double *out, double rate, double nper, double pv, double start_period,
                   double end_period, int type);
int airoi__cumprinc(double *out, double rate, double nper, double pv, double start_period,
                    double end_period, int type);
int airoi__ispmt(double *out, double rate, double per, double nper, double pv);

/* growth.c */
int airoi__effect(double *out, double nominal_rate, double npery);
int airoi__nominal(double *out, double effect_rate, double npery);
int airoi__pduration(double *out, double rate, double pv, double fv);
int airoi__rri(double *out, double nper, double pv, double fv);
int airoi__fvschedule(double *out, double principal, const double *schedule, size_t n);

/* depreciation.c */
int airoi__sln(double *out, double cost, double salvage, double life);
int airoi__syd(double *out, double cost, double salvage, double life, double per);
int airoi__db(double *out, double cost, double salvage, double life, double period,
              double month);
int airoi__ddb(double *out, double cost, double salvage, double life, double period,
               double factor);
int airoi__vdb(double *out, double cost, double salvage, double life, double start_period,
               double end_period, double factor, int no_switch);

/* daycount.c */
int airoi__year_fraction(double *out, int32_t start, int32_t end, airoi_day_count day_count);
int airoi__day_count_from_name(airoi_day_count *out, const char *name);
const char *airoi__day_count_name(airoi_day_count day_count);
int airoi__xnpv_day_count(double *out, double rate, const double *values,
                          const int32_t *dates, size_t n, airoi_day_count day_count);
int airoi__xirr_day_count(double *out, const double *values, const int32_t *dates, size_t n,
                          double guess, airoi_day_count day_count);
int airoi__xnpv_batch_day_count(double *out, int32_t *status_out, double rate,
                                const double *values, const int32_t *dates, size_t rows,
                                size_t cols, airoi_day_count day_count);
int airoi__xirr_batch_day_count(double *out, int32_t *status_out, const double *values,
                                const int32_t *dates, size_t rows, size_t cols, double guess,
                                airoi_day_count day_count);

/* batch-elem.c: element-wise batch forms (n elements, arrays of n). */
int airoi__pmt_batch(double *out, int32_t *status_out, const double *rate, const double *nper,
                     const double *pv, const double *fv, const int32_t *type, size_t n);
int airoi__pv_batch(double *out, int32_t *status_out, const double *rate, const double *nper,
                    const double *pmt, const double *fv, const int32_t *type, size_t n);
int airoi__fv_batch(double *out, int32_t *status_out, const double *rate, const double *nper,
                    const double *pmt, const double *pv, const int32_t *type, size_t n);
int airoi__nper_batch(double *out, int32_t *status_out, const double *rate, const double *pmt,
                      const double *pv, const double *fv, const int32_t *type, size_t n);
int airoi__rate_batch(double *out, int32_t *status_out, const double *nper, const double *pmt,
                      const double *pv, const double *fv, const int32_t *type,
                      const double *guess, size_t n);
int airoi__ipmt_batch(double *out, int32_t *status_out, const double *rate, const double *per,
                      const double *nper, const double *pv, const double *fv,
                      const int32_t *type, size_t n);
int airoi__ppmt_batch(double *out, int32_t *status_out, const double *rate, const double *per,
                      const double *nper, const double *pv, const double *fv,
                      const int32_t *type, size_t n);
int airoi__sln_batch(double *out, int32_t *status_out, const double *cost,
                     const double *salvage, const double *life, size_t n);
int airoi__syd_batch(double *out, int32_t *status_out, const double *cost,
                     const double *salvage, const double *life, const double *per, size_t n);
int airoi__db_batch(double *out, int32_t *status_out, const double *cost, const double *salvage,
                    const double *life, const double *period, const double *month, size_t n);
int airoi__ddb_batch(double *out, int32_t *status_out, const double *cost,
                     const double *salvage, const double *life, const double *period,
                     const double *factor, size_t n);
/* irr.c: XIRR on year fractions t (t_i >= 0) instead of dates. */
int airoi__xirr_years(double *out, const double *values, const double *t, size_t n,
                      double guess);

/*
 * lowrates.c: rates of -1 and below (docs/methodology.md, "Rates of -100 %
 * and below"). airoi__pow1p() writes (1 + r)^t and returns 0, or returns
 * -1 where the power is not defined (r < -1 with t not whole; r = -1 with
 * t <= 0). airoi__npv0_below() is npv0_checked() for rate < -1;
 * airoi__tvm_below() is PV ('v', x = pmt, y = fv), FV ('f', x = pmt,
 * y = pv) or PMT ('p', x = pv, y = fv) for rate <= -1 (arguments already
 * checked finite); airoi__mirr_below() is MIRR when a rate is <= -1 (values
 * checked). Each sets the message on failure.
 */
int airoi__pow1p(double *out, double r, double t);
/* The checks of the scalar kernels of tvm.c, loans.c, growth.c, depreciation.c:
 * AIROI_ERR_INVALID "NAME: WHAT is not finite" for a NaN or infinite x;
 * airoi__finish() writes a finite r to *out, else AIROI_ERR_RANGE "NAME:
 * the result overflows". */
int airoi__check_finite(const char *name, const char *what, double x);
int airoi__finish(double *out, const char *name, double r);
int airoi__npv0_below(double *out, const char *name, double rate, const double *v, size_t n,
                      size_t stride, int excel);
int airoi__tvm_below(double *out, const char *name, char which, double rate, double nper,
                     double x, double y, int type);
int airoi__mirr_below(double *out, const double *v, size_t n, double finance_rate,
                      double reinvest_rate);

#endif /* AIROI_FINANCE_PRIVATE_H */
