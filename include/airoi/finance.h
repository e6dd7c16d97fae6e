/**
 * @file finance.h
 * @brief Plain finance functions over arrays, with Excel semantics.
 *
 * Each function that has an Excel namesake (NPV, XNPV, IRR, XIRR, MIRR, PMT,
 * PV, FV, NPER, RATE) gives Excel's answer, or fails where Excel returns an
 * error: \#NUM! maps to #AIROI_ERR_NO_SOLUTION (no root found) or
 * #AIROI_ERR_INVALID (arguments outside the domain), \#VALUE! to
 * #AIROI_ERR_INVALID. NaN and infinity are refused on input and never
 * returned. Results are written to the first argument and left untouched on
 * failure. All functions are pure and safe to call from any thread.
 *
 * Formulas, conventions and sources are in docs/methodology.md.
 */
#ifndef AIROI_FINANCE_H
#define AIROI_FINANCE_H

#include "airoi/common.h"

AIROI_BEGIN_DECLS

/**
 * @brief Flags of airoi_npv_batch().
 * @since 0.1
 */
typedef enum airoi_npv_flags {
    /** Discount the first value by one period, as Excel's NPV does (default). */
    AIROI_NPV_EXCEL = 0,
    /** The first value is at t = 0 and is not discounted (airoi_npv0()). */
    AIROI_NPV_START_AT_ZERO = 1
} airoi_npv_flags;

/**
 * @brief Net present value, as Excel's NPV: sum of v[i] / (1 + rate)^(i + 1).
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The NPV.
 * @param[in] rate Discount rate per period; must be greater than -1.
 * @param[in] values Cash flows at the end of periods 1..n.
 * @param[in] n Number of values, at least 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, n = 0, rate <= -1, or a non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_npv(double *out, double rate, const double *values, size_t n);

/**
 * @brief Net present value with the first value at t = 0: sum of v[t] / (1 + rate)^t.
 *
 * The convention of business cases (period 0 is the undiscounted start);
 * equals v[0] + NPV(rate, v[1..n-1]) in Excel terms.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The NPV.
 * @param[in] rate Discount rate per period; must be greater than -1.
 * @param[in] values Cash flows of periods 0..n-1.
 * @param[in] n Number of values, at least 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, n = 0, rate <= -1, or a non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_npv0(double *out, double rate, const double *values, size_t n);

/**
 * @brief Net present value of dated cash flows, as Excel's XNPV.
 *
 * sum of v[i] / (1 + rate)^((d[i] - d[0]) / 365).
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The XNPV.
 * @param[in] rate Annual discount rate; must be greater than -1.
 * @param[in] values Cash flows.
 * @param[in] dates Day numbers (see dates.h) or Excel serials; no date may
 *            precede the first.
 * @param[in] n Number of values and dates, at least 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, n = 0, rate <= -1, a date before
 *         the first date, or a non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_xnpv(double *out, double rate, const double *values,
                         const int32_t *dates, size_t n);

/**
 * @brief Internal rate of return, as Excel's IRR.
 *
 * The rate r > -1 at which airoi_npv0() of @p values is zero. The search
 * starts at @p guess (Excel's default is 0.1) with a safeguarded Newton
 * iteration and falls back to bracketing with Brent's method, so a root is
 * found whenever one can be bracketed; where several exist, the one nearest
 * the guess that Newton reaches is returned, as in Excel.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The IRR per period.
 * @param[in] values Cash flows of periods 0..n-1; at least one positive and
 *            one negative value.
 * @param[in] n Number of values, at least 2.
 * @param[in] guess Starting point, greater than -1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, n < 2, guess <= -1, non-finite input.
 * @retval AIROI_ERR_NO_SOLUTION No sign change, or no root found.
 * @since 0.1
 */
AIROI_API int airoi_irr(double *out, const double *values, size_t n, double guess);

/**
 * @brief Every real IRR in a rate interval.
 *
 * Cash flows with several sign changes may have several IRRs; this lists all
 * roots of NPV(r) = 0 with @p lo <= r <= @p hi, in increasing order.
 *
 * Ownership: reads the caller's @p values during the call and keeps no
 * reference; writes only @p roots and @p *len_out (scratch memory is the
 * library's and freed before returning).
 * @param[out] roots Buffer for the roots; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p roots.
 * @param[out] len_out Number of roots found (also when the buffer is too small).
 * @param[in] values Cash flows of periods 0..n-1.
 * @param[in] n Number of values, at least 2.
 * @param[in] lo Lower end of the interval, greater than -1.
 * @param[in] hi Upper end of the interval, greater than @p lo.
 * @retval AIROI_OK Success (possibly zero roots).
 * @retval AIROI_ERR_INVALID NULL pointer, n < 2, bad interval, non-finite input,
 *         every value 0 (every rate would be a root).
 * @retval AIROI_ERR_BUFFER @p roots is not NULL and there are more than @p cap
 *         roots; @p len_out tells how many and @p roots is left untouched.
 * @retval AIROI_ERR_NOMEM Memory for the search could not be allocated.
 * @since 0.1
 */
AIROI_API int airoi_irr_all(double *roots, size_t cap, size_t *len_out,
                            const double *values, size_t n, double lo, double hi);

/**
 * @brief Internal rate of return of dated cash flows, as Excel's XIRR.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The annual rate r at which airoi_xnpv() is zero.
 * @param[in] values Cash flows; at least one positive and one negative.
 * @param[in] dates Day numbers; none may precede the first.
 * @param[in] n Number of values and dates, at least 2.
 * @param[in] guess Starting point, greater than -1 (Excel's default is 0.1).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, n < 2, a date before the first,
 *         guess <= -1, non-finite input.
 * @retval AIROI_ERR_NO_SOLUTION No sign change, or no root found.
 * @since 0.1
 */
AIROI_API int airoi_xirr(double *out, const double *values, const int32_t *dates,
                         size_t n, double guess);

/**
 * @brief Modified internal rate of return, as Excel's MIRR.
 *
 * ((-FV(positive flows at reinvest_rate)) / PV(negative flows at
 * finance_rate))^(1/(n-1)) - 1, the first value at t = 0.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The MIRR per period.
 * @param[in] values Cash flows of periods 0..n-1; at least one positive and
 *            one negative value.
 * @param[in] n Number of values, at least 2.
 * @param[in] finance_rate Rate paid on negative flows, greater than -1.
 * @param[in] reinvest_rate Rate earned on positive flows, greater than -1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, n < 2, a rate <= -1, non-finite input.
 * @retval AIROI_ERR_NO_SOLUTION No positive or no negative value (Excel's \#DIV/0!).
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_mirr(double *out, const double *values, size_t n,
                         double finance_rate, double reinvest_rate);

/**
 * @brief Payment per period of an annuity, as Excel's PMT.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The payment (negative when @p pv is positive, Excel's sign convention).
 * @param[in] rate Rate per period, greater than -1.
 * @param[in] nper Number of periods, not 0.
 * @param[in] pv Present value.
 * @param[in] fv Future value (Excel's default 0).
 * @param[in] type 0: payments at period end; 1: at period start (any non-zero is 1, as in Excel).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, nper = 0, rate <= -1, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_pmt(double *out, double rate, double nper, double pv, double fv, int type);

/**
 * @brief Present value of an annuity, as Excel's PV.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The present value.
 * @param[in] rate Rate per period, greater than -1.
 * @param[in] nper Number of periods.
 * @param[in] pmt Payment per period.
 * @param[in] fv Future value.
 * @param[in] type 0: payments at period end; 1: at period start.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, rate <= -1, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_pv(double *out, double rate, double nper, double pmt, double fv, int type);

/**
 * @brief Future value of an annuity, as Excel's FV.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The future value.
 * @param[in] rate Rate per period, greater than -1.
 * @param[in] nper Number of periods.
 * @param[in] pmt Payment per period.
 * @param[in] pv Present value.
 * @param[in] type 0: payments at period end; 1: at period start.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, rate <= -1, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_fv(double *out, double rate, double nper, double pmt, double pv, int type);

/**
 * @brief Number of periods of an annuity, as Excel's NPER.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The number of periods (fractional).
 * @param[in] rate Rate per period, greater than -1.
 * @param[in] pmt Payment per period.
 * @param[in] pv Present value.
 * @param[in] fv Future value.
 * @param[in] type 0: payments at period end; 1: at period start.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, rate <= -1, non-finite input.
 * @retval AIROI_ERR_NO_SOLUTION No number of periods satisfies the equation (Excel's \#NUM!).
 * @retval AIROI_ERR_RANGE The number of periods is too large to represent.
 * @since 0.1
 */
AIROI_API int airoi_nper(double *out, double rate, double pmt, double pv, double fv, int type);

/**
 * @brief Interest rate per period of an annuity, as Excel's RATE.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The rate per period.
 * @param[in] nper Number of periods, greater than 0.
 * @param[in] pmt Payment per period.
 * @param[in] pv Present value.
 * @param[in] fv Future value.
 * @param[in] type 0: payments at period end; 1: at period start.
 * @param[in] guess Starting point, greater than -1 (Excel's default 0.1).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, nper <= 0, guess <= -1, non-finite input.
 * @retval AIROI_ERR_NO_SOLUTION No rate found.
 * @since 0.1
 */
AIROI_API int airoi_rate(double *out, double nper, double pmt, double pv, double fv,
                         int type, double guess);

/**
 * @brief Simple payback period of a cash-flow schedule.
 *
 * With C_t the cumulative sum of values[0..t], the first t with C_t >= 0
 * gives (t - 1) + (-C_(t-1)) / values[t] (linear inside the period), 0 when
 * C_0 >= 0. "Never" is a distinct answer: @p reached_out is 0 and @p out is
 * left untouched.
 *
 * Ownership: reads the caller's array during the call and keeps no reference;
 * writes only @p *out and @p *reached_out.
 * @param[out] out Payback in periods, when reached.
 * @param[out] reached_out 1 when the cumulative net turns non-negative, else 0.
 * @param[in] values Net cash flows of periods 0..n-1.
 * @param[in] n Number of values, at least 1.
 * @retval AIROI_OK Success, reached or not.
 * @retval AIROI_ERR_INVALID NULL pointer, n = 0, or a non-finite input.
 * @since 0.1
 */
AIROI_API int airoi_payback(double *out, int *reached_out, const double *values, size_t n);

/**
 * @brief Discounted payback period: airoi_payback() on values[t] / (1 + rate)^t.
 *
 * Ownership: reads the caller's array during the call and keeps no reference;
 * writes only @p *out and @p *reached_out.
 * @param[out] out Discounted payback in periods, when reached.
 * @param[out] reached_out 1 when the discounted cumulative turns non-negative, else 0.
 * @param[in] rate Discount rate per period, greater than -1.
 * @param[in] values Net cash flows of periods 0..n-1.
 * @param[in] n Number of values, at least 1.
 * @retval AIROI_OK Success, reached or not.
 * @retval AIROI_ERR_INVALID NULL pointer, n = 0, rate <= -1, or a non-finite input.
 * @since 0.1
 */
AIROI_API int airoi_discounted_payback(double *out, int *reached_out, double rate,
                                       const double *values, size_t n);

/**
 * @brief Return on investment: (sum of benefits - sum of costs) / sum of costs.
 *
 * The undiscounted ROI of a model's `roi_horizon` metric, and Excel's
 * AIROI.ROI. Both arrays are summed with compensated (Neumaier) summation
 * and may differ in length (an empty array sums to 0). The rule for the
 * costs is the library's everywhere: a total of 0 leaves the ROI undefined
 * (so does a total so small next to the gain that the quotient is not a
 * finite number); a negative total (refunds exceeding costs) is divided by
 * as it is, giving a negative ROI for a positive gain. See
 * docs/methodology.md, section 1.15.
 *
 * Ownership: reads the caller's arrays during the call and keeps no
 * reference; writes only @p *out, and only on success.
 * @param[out] out The ROI as a fraction (0.25 is 25%).
 * @param[in] benefits Benefit amounts; may be NULL when @p n_benefits is 0.
 * @param[in] n_benefits Number of benefit amounts.
 * @param[in] costs Cost amounts, positive for money spent; may be NULL when
 *            @p n_costs is 0.
 * @param[in] n_costs Number of cost amounts.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, a NULL array with a non-zero count,
 *         or a non-finite amount.
 * @retval AIROI_ERR_UNDEFINED The ROI is undefined: the costs sum to 0.
 * @retval AIROI_ERR_RANGE A sum, or benefits - costs, overflows.
 * @since 0.1
 */
AIROI_API int airoi_roi(double *out, const double *benefits, size_t n_benefits,
                        const double *costs, size_t n_costs);

/**
 * @brief NPV of many cash-flow rows in one call.
 *
 * Row i is values[i*cols .. i*cols + cols - 1] (row-major, as NumPy's C
 * order). Each row gets airoi_npv() (or airoi_npv0() with
 * #AIROI_NPV_START_AT_ZERO); a failing row does not stop the others, and
 * the thread's error message describes the first failing row. With
 * @p rows = 0 nothing is read or written and the call succeeds (this holds
 * for every batch function).
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out One result per row; rows that fail get 0.
 * @param[out] status_out One status per row; may be NULL.
 * @param[in] rate Discount rate per period.
 * @param[in] values rows x cols values.
 * @param[in] rows Number of rows.
 * @param[in] cols Number of values per row, at least 1.
 * @param[in] flags #airoi_npv_flags.
 * @retval AIROI_OK Every row succeeded.
 * @retval AIROI_ERR_INVALID NULL pointer, cols = 0, rows x cols overflows, unknown flags.
 * @retval other The status of the first failing row (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_npv_batch(double *out, int32_t *status_out, double rate,
                              const double *values, size_t rows, size_t cols,
                              unsigned flags);

/**
 * @brief IRR of many cash-flow rows in one call (see airoi_npv_batch() for the layout).
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out One IRR per row; rows that fail get 0.
 * @param[out] status_out One status per row; may be NULL.
 * @param[in] values rows x cols values.
 * @param[in] rows Number of rows.
 * @param[in] cols Number of values per row, at least 2.
 * @param[in] guess Starting point for every row.
 * @retval AIROI_OK Every row succeeded.
 * @retval AIROI_ERR_INVALID NULL pointer, cols < 2, rows x cols overflows.
 * @retval other The status of the first failing row.
 * @since 0.1
 */
AIROI_API int airoi_irr_batch(double *out, int32_t *status_out, const double *values,
                              size_t rows, size_t cols, double guess);

/**
 * @brief XNPV of many rows that share one date vector.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out One XNPV per row; rows that fail get 0.
 * @param[out] status_out One status per row; may be NULL.
 * @param[in] rate Annual discount rate.
 * @param[in] values rows x cols values.
 * @param[in] dates cols day numbers shared by every row.
 * @param[in] rows Number of rows.
 * @param[in] cols Number of values per row, at least 1.
 * @retval AIROI_OK Every row succeeded.
 * @retval AIROI_ERR_INVALID NULL pointer, cols = 0, rows x cols overflows.
 * @retval other The status of the first failing row.
 * @since 0.1
 */
AIROI_API int airoi_xnpv_batch(double *out, int32_t *status_out, double rate,
                               const double *values, const int32_t *dates,
                               size_t rows, size_t cols);

/**
 * @brief XIRR of many rows that share one date vector.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out One XIRR per row; rows that fail get 0.
 * @param[out] status_out One status per row; may be NULL.
 * @param[in] values rows x cols values.
 * @param[in] dates cols day numbers shared by every row.
 * @param[in] rows Number of rows.
 * @param[in] cols Number of values per row, at least 2.
 * @param[in] guess Starting point for every row.
 * @retval AIROI_OK Every row succeeded.
 * @retval AIROI_ERR_INVALID NULL pointer, cols < 2, rows x cols overflows.
 * @retval other The status of the first failing row.
 * @since 0.1
 */
AIROI_API int airoi_xirr_batch(double *out, int32_t *status_out, const double *values,
                               const int32_t *dates, size_t rows, size_t cols,
                               double guess);

/**
 * @brief Simple payback of many rows in one call.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p reached_out arrays.
 * @param[out] out One payback per row; rows never paid back or failing get 0.
 * @param[out] reached_out One flag per row: 1 when paid back, else 0.
 * @param[in] values rows x cols net cash flows.
 * @param[in] rows Number of rows.
 * @param[in] cols Number of values per row, at least 1.
 * @retval AIROI_OK Every row succeeded.
 * @retval AIROI_ERR_INVALID NULL pointer, cols = 0, rows x cols overflows.
 * @retval other The status of the first failing row.
 * @since 0.1
 */
AIROI_API int airoi_payback_batch(double *out, int32_t *reached_out, const double *values,
                                  size_t rows, size_t cols);

/* ------------------------------------------------------------ loans */

/**
 * @brief Interest part of one payment of an annuity, as Excel's IPMT.
 *
 * -rate b with b the balance after per - 1 periods (divided by 1 + rate
 * when @p type is 1; 0 in period 1 with @p type 1), computed in a form that
 * keeps full precision where (1 + rate)^per is large (spreadsheets lose
 * every digit there). See docs/methodology.md\#loan-functions.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The interest paid in period @p per (Excel's sign convention).
 * @param[in] rate Rate per period; not -1; below -1 only with whole powers.
 * @param[in] per The period, from 1 to @p nper.
 * @param[in] nper Number of periods.
 * @param[in] pv Present value.
 * @param[in] fv Future value (Excel's default 0).
 * @param[in] type 0: payments at period end; 1 (any non-zero): at period start.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, per outside [1, nper], nper = 0,
 *         rate -1, a power undefined below -1, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_ipmt(double *out, double rate, double per, double nper, double pv,
                         double fv, int type);

/**
 * @brief Principal part of one payment of an annuity, as Excel's PPMT.
 *
 * -(pv + fv) rate (1 + rate)^(per - 1 - type) / ((1 + rate)^nper - 1)
 * (the whole payment in period 1 with @p type 1): PMT - IPMT without the
 * cancellation. See docs/methodology.md\#loan-functions.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The principal repaid in period @p per.
 * @param[in] rate Rate per period; not -1; below -1 only with whole powers.
 * @param[in] per The period, from 1 to @p nper.
 * @param[in] nper Number of periods.
 * @param[in] pv Present value.
 * @param[in] fv Future value.
 * @param[in] type 0: payments at period end; 1 (any non-zero): at period start.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID As airoi_ipmt().
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_ppmt(double *out, double rate, double per, double nper, double pv,
                         double fv, int type);

/**
 * @brief Interest paid between two periods of a loan, as Excel's CUMIPMT.
 *
 * The sum of airoi_ipmt() over periods start_period..end_period with fv 0.
 * As in Excel, @p nper and the periods are truncated to integers.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The cumulative interest (negative for a loan received).
 * @param[in] rate Rate per period, greater than 0.
 * @param[in] nper Number of periods, at least 1.
 * @param[in] pv Present value, greater than 0.
 * @param[in] start_period First period, at least 1.
 * @param[in] end_period Last period, from @p start_period to @p nper.
 * @param[in] type 0 or 1 (anything else is refused, as Excel's \#NUM!).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, an argument outside those ranges,
 *         non-finite input (Excel's \#NUM!).
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_cumipmt(double *out, double rate, double nper, double pv,
                            double start_period, double end_period, int type);

/**
 * @brief Principal repaid between two periods of a loan, as Excel's CUMPRINC.
 *
 * The sum of airoi_ppmt() over periods start_period..end_period with fv 0,
 * in closed form. Arguments as airoi_cumipmt().
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The cumulative principal.
 * @param[in] rate Rate per period, greater than 0.
 * @param[in] nper Number of periods, at least 1 (truncated).
 * @param[in] pv Present value, greater than 0.
 * @param[in] start_period First period, at least 1 (truncated).
 * @param[in] end_period Last period, up to @p nper (truncated).
 * @param[in] type 0 or 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID As airoi_cumipmt().
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_cumprinc(double *out, double rate, double nper, double pv,
                             double start_period, double end_period, int type);

/**
 * @brief Interest of a period of a loan with even principal payments, as Excel's ISPMT.
 *
 * pv rate (per / nper - 1); periods are counted from 0.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The interest of period @p per.
 * @param[in] rate Rate per period.
 * @param[in] per The period (0 is the first).
 * @param[in] nper Number of periods, not 0.
 * @param[in] pv Loan amount.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, nper = 0 (Excel's \#DIV/0!), non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_ispmt(double *out, double rate, double per, double nper, double pv);

/* ------------------------------------------------- rate conversions */

/**
 * @brief Effective annual rate, as Excel's EFFECT: (1 + nominal / npery)^npery - 1.
 *
 * @p npery is truncated to an integer. A nominal rate of 0 is refused, as
 * Excel's documentation says (\#NUM!), although LibreOffice answers 0.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The effective rate.
 * @param[in] nominal_rate Nominal annual rate, greater than 0.
 * @param[in] npery Compounding periods per year, at least 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, nominal_rate <= 0, npery < 1, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_effect(double *out, double nominal_rate, double npery);

/**
 * @brief Nominal annual rate, as Excel's NOMINAL: npery ((1 + effect)^(1/npery) - 1).
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The nominal rate.
 * @param[in] effect_rate Effective annual rate, greater than 0.
 * @param[in] npery Compounding periods per year, at least 1 (truncated).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, effect_rate <= 0, npery < 1, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_nominal(double *out, double effect_rate, double npery);

/**
 * @brief Periods for an investment to grow from pv to fv, as Excel's PDURATION.
 *
 * (ln fv - ln pv) / ln(1 + rate).
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The number of periods.
 * @param[in] rate Rate per period, greater than 0.
 * @param[in] pv Present value, greater than 0.
 * @param[in] fv Future value, greater than 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, an argument <= 0, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_pduration(double *out, double rate, double pv, double fv);

/**
 * @brief Equivalent growth rate per period, as Excel's RRI: (fv / pv)^(1/nper) - 1.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The rate per period (-1 when @p fv is 0).
 * @param[in] nper Number of periods, greater than 0.
 * @param[in] pv Present value, not 0.
 * @param[in] fv Future value, of the sign of @p pv or 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, nper <= 0, pv = 0, fv / pv < 0, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_rri(double *out, double nper, double pv, double fv);

/**
 * @brief Future value under a schedule of rates, as Excel's FVSCHEDULE.
 *
 * principal (1 + s_1) (1 + s_2) ... (1 + s_n).
 *
 * Ownership: reads the caller's array during the call and keeps no
 * reference; writes only @p *out.
 * @param[out] out The future value.
 * @param[in] principal Present value.
 * @param[in] schedule Rates, one per period; may be NULL when @p n is 0.
 * @param[in] n Number of rates (0 gives @p principal).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_fvschedule(double *out, double principal, const double *schedule,
                               size_t n);

/* ------------------------------------------------------ depreciation */

/**
 * @brief Straight-line depreciation per period, as Excel's SLN: (cost - salvage) / life.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The depreciation per period.
 * @param[in] cost Initial cost.
 * @param[in] salvage Value at the end of the life.
 * @param[in] life Number of periods, not 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, life = 0 (Excel's \#DIV/0!), non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_sln(double *out, double cost, double salvage, double life);

/**
 * @brief Sum-of-years'-digits depreciation, as Excel's SYD.
 *
 * (cost - salvage) (life - per + 1) 2 / (life (life + 1)).
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The depreciation of period @p per.
 * @param[in] cost Initial cost.
 * @param[in] salvage Value at the end of the life.
 * @param[in] life Number of periods, neither 0 nor -1.
 * @param[in] per The period (any value, as in the spreadsheet engines: 1 to
 *            @p life gives the schedule).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, life (life + 1) = 0, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_syd(double *out, double cost, double salvage, double life, double per);

/**
 * @brief Fixed-declining-balance depreciation, as Excel's DB.
 *
 * The rate 1 - (salvage / cost)^(1/life) is rounded to 3 decimals; the
 * first period has @p month / 12 of a year's depreciation, and period
 * life + 1 the rest of that year: (cost - depreciation so far) rate
 * (12 - month) / 12, as Excel's documentation states. @p period and
 * @p month are truncated to integers. See docs/methodology.md\#depreciation-functions.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The depreciation of period @p period.
 * @param[in] cost Initial cost, greater than 0.
 * @param[in] salvage Value at the end of the life, 0 to @p cost.
 * @param[in] life Number of years, greater than 0.
 * @param[in] period The period, from 1 to life + 1.
 * @param[in] month Months in the first year, 1 to 12 (Excel's default 12).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, an argument outside those ranges,
 *         more than 10,000,000 periods, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_db(double *out, double cost, double salvage, double life, double period,
                       double month);

/**
 * @brief Double-declining-balance (or any factor) depreciation, as Excel's DDB.
 *
 * min((cost - prior) factor / life, cost - salvage - prior), never below 0,
 * with prior = cost (1 - (1 - factor/life)^(period - 1)) (closed form; fractional
 * periods allowed).
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The depreciation of period @p period.
 * @param[in] cost Initial cost, at least 0.
 * @param[in] salvage Value at the end of the life, 0 to @p cost.
 * @param[in] life Number of periods, greater than 0.
 * @param[in] period The period, from 1 to @p life.
 * @param[in] factor Rate of decline (Excel's default 2), greater than 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, an argument outside those ranges, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_ddb(double *out, double cost, double salvage, double life, double period,
                        double factor);

/**
 * @brief Declining-balance depreciation between two periods, as Excel's VDB.
 *
 * The depreciation from @p start_period to @p end_period (fractions of a
 * period allowed), switching to straight line over the remaining life
 * when that gives more, unless @p no_switch is non-zero.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The depreciation over the interval.
 * @param[in] cost Initial cost, at least 0.
 * @param[in] salvage Value at the end of the life, 0 to @p cost.
 * @param[in] life Number of periods, greater than 0.
 * @param[in] start_period Start of the interval, at least 0.
 * @param[in] end_period End of the interval, from @p start_period to @p life.
 * @param[in] factor Rate of decline (Excel's default 2), greater than 0.
 * @param[in] no_switch Non-zero: never switch to straight line (Excel's TRUE).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, an argument outside those ranges,
 *         more than 10,000,000 periods, non-finite input.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @since 0.1
 */
AIROI_API int airoi_vdb(double *out, double cost, double salvage, double life,
                        double start_period, double end_period, double factor, int no_switch);

/* --------------------------------------------------------- day counts */

/**
 * @brief Day-count conventions of airoi_xnpv_day_count() and airoi_xirr_day_count().
 *
 * Each gives the year fraction between two dates; see
 * docs/methodology.md\#day-counts for the rules and their sources.
 * @since 0.1
 */
typedef enum airoi_day_count {
    /** Actual days / 365 (Excel's XNPV and XIRR; the default). Name "act/365f". */
    AIROI_DAY_COUNT_ACT_365F = 0x1400,
    /** Actual days / 360. Name "act/360". */
    AIROI_DAY_COUNT_ACT_360 = 0x1401,
    /** Actual days / 365.25. Name "act/365.25". */
    AIROI_DAY_COUNT_ACT_365_25 = 0x1402,
    /** 30/360 US (30U/360, the SIA rule with February's last day). Name "30/360". */
    AIROI_DAY_COUNT_30_360 = 0x1403,
    /** 30E/360 (Eurobond basis). Name "30e/360". */
    AIROI_DAY_COUNT_30E_360 = 0x1404,
    /** Actual/Actual ISDA: days in leap years / 366 + other days / 365. Name "act/act". */
    AIROI_DAY_COUNT_ACT_ACT = 0x1405
} airoi_day_count;

/**
 * @brief Year fraction between two dates under a day-count convention.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The year fraction (negative when @p end precedes @p start).
 * @param[in] start Day number (dates.h) of the first date.
 * @param[in] end Day number of the second date.
 * @param[in] day_count The convention.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, an unknown convention, a day number
 *         outside 0001-01-01..9999-12-31 (for the 30/360 and act/act rules).
 * @since 0.1
 */
AIROI_API int airoi_year_fraction(double *out, int32_t start, int32_t end,
                                  airoi_day_count day_count);

/**
 * @brief The convention of a name: "act/365f", "act/360", "act/365.25",
 *        "30/360", "30e/360" or "act/act".
 *
 * Ownership: reads @p name during the call; writes only @p *out.
 * @param[out] out The convention.
 * @param[in] name Its name, lower case.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer or an unknown name (the message lists the names).
 * @since 0.1
 */
AIROI_API int airoi_day_count_from_name(airoi_day_count *out, const char *name);

/**
 * @brief The name of a convention (see airoi_day_count_from_name()).
 *
 * Ownership: the string is static; never free it.
 * @param[in] day_count The convention.
 * @return Its name, or NULL for a value that is not a convention.
 * @since 0.1
 */
AIROI_API const char *airoi_day_count_name(airoi_day_count day_count);

/**
 * @brief airoi_xnpv() under a day-count convention.
 *
 * sum of v[i] / (1 + rate)^t_i with t_i the year fraction from dates[0] to
 * dates[i]; #AIROI_DAY_COUNT_ACT_365F gives airoi_xnpv() exactly. With the
 * 30/360 and act/act conventions the dates must be day numbers (dates.h),
 * not Excel serials (the calendar date matters, not only the difference).
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The XNPV.
 * @param[in] rate Annual discount rate, greater than -1.
 * @param[in] values Cash flows.
 * @param[in] dates Day numbers; none may precede the first.
 * @param[in] n Number of values and dates, at least 1.
 * @param[in] day_count The convention.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID As airoi_xnpv(), or an unknown convention.
 * @retval AIROI_ERR_RANGE The result overflows.
 * @retval AIROI_ERR_NOMEM No memory for the year fractions (more than 64 dates).
 * @since 0.1
 */
AIROI_API int airoi_xnpv_day_count(double *out, double rate, const double *values,
                                   const int32_t *dates, size_t n, airoi_day_count day_count);

/**
 * @brief airoi_xirr() under a day-count convention (see airoi_xnpv_day_count()).
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only @p *out.
 * @param[out] out The annual rate at which airoi_xnpv_day_count() is zero.
 * @param[in] values Cash flows; at least one positive and one negative.
 * @param[in] dates Day numbers; none may precede the first.
 * @param[in] n Number of values and dates, at least 2.
 * @param[in] guess Starting point, greater than -1 (Excel's default is 0.1).
 * @param[in] day_count The convention.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID As airoi_xirr(), or an unknown convention.
 * @retval AIROI_ERR_NO_SOLUTION No sign change, or no root found.
 * @retval AIROI_ERR_NOMEM No memory for the year fractions (more than 64 dates).
 * @since 0.1
 */
AIROI_API int airoi_xirr_day_count(double *out, const double *values, const int32_t *dates,
                                   size_t n, double guess, airoi_day_count day_count);

/* ------------------------------------------- element-wise batch forms */

/**
 * @brief PMT of n elements in one call: element i is airoi_pmt() of the i-th values.
 *
 * The arrays are already broadcast: each holds n values (NumPy's
 * np.broadcast_arrays() then one C-contiguous copy each, in the Python
 * binding). Element i gets exactly what the scalar function gives for
 * the i-th values, status and message included; a failing element does
 * not stop the others. The other element-wise batch forms below follow
 * the same rules. See docs/methodology.md\#element-wise-batch-forms.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] rate Rates per period.
 * @param[in] nper Numbers of periods.
 * @param[in] pv Present values.
 * @param[in] fv Future values.
 * @param[in] type Excel's type per element (0: payments at the end of each period, 1: at the start), as the scalar function takes it.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_pmt_batch(double *out, int32_t *status_out, const double *rate,
                              const double *nper, const double *pv, const double *fv,
                              const int32_t *type, size_t n);

/**
 * @brief PV of n elements in one call: element i is airoi_pv() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] rate Rates per period.
 * @param[in] nper Numbers of periods.
 * @param[in] pmt Payments per period.
 * @param[in] fv Future values.
 * @param[in] type Excel's type per element (0: payments at the end of each period, 1: at the start), as the scalar function takes it.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_pv_batch(double *out, int32_t *status_out, const double *rate,
                             const double *nper, const double *pmt, const double *fv,
                             const int32_t *type, size_t n);

/**
 * @brief FV of n elements in one call: element i is airoi_fv() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] rate Rates per period.
 * @param[in] nper Numbers of periods.
 * @param[in] pmt Payments per period.
 * @param[in] pv Present values.
 * @param[in] type Excel's type per element (0: payments at the end of each period, 1: at the start), as the scalar function takes it.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_fv_batch(double *out, int32_t *status_out, const double *rate,
                             const double *nper, const double *pmt, const double *pv,
                             const int32_t *type, size_t n);

/**
 * @brief NPER of n elements in one call: element i is airoi_nper() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] rate Rates per period.
 * @param[in] pmt Payments per period.
 * @param[in] pv Present values.
 * @param[in] fv Future values.
 * @param[in] type Excel's type per element (0: payments at the end of each period, 1: at the start), as the scalar function takes it.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_nper_batch(double *out, int32_t *status_out, const double *rate,
                               const double *pmt, const double *pv, const double *fv,
                               const int32_t *type, size_t n);

/**
 * @brief RATE of n elements in one call: element i is airoi_rate() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] nper Numbers of periods.
 * @param[in] pmt Payments per period.
 * @param[in] pv Present values.
 * @param[in] fv Future values.
 * @param[in] type Excel's type per element (0: payments at the end of each period, 1: at the start), as the scalar function takes it.
 * @param[in] guess Starting points.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_rate_batch(double *out, int32_t *status_out, const double *nper,
                               const double *pmt, const double *pv, const double *fv,
                               const int32_t *type, const double *guess, size_t n);

/**
 * @brief IPMT of n elements in one call: element i is airoi_ipmt() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] rate Rates per period.
 * @param[in] per Periods, from 1 to nper.
 * @param[in] nper Numbers of periods.
 * @param[in] pv Present values.
 * @param[in] fv Future values.
 * @param[in] type Excel's type per element (0: payments at the end of each period, 1: at the start), as the scalar function takes it.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_ipmt_batch(double *out, int32_t *status_out, const double *rate,
                               const double *per, const double *nper, const double *pv,
                               const double *fv, const int32_t *type, size_t n);

/**
 * @brief PPMT of n elements in one call: element i is airoi_ppmt() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] rate Rates per period.
 * @param[in] per Periods, from 1 to nper.
 * @param[in] nper Numbers of periods.
 * @param[in] pv Present values.
 * @param[in] fv Future values.
 * @param[in] type Excel's type per element (0: payments at the end of each period, 1: at the start), as the scalar function takes it.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_ppmt_batch(double *out, int32_t *status_out, const double *rate,
                               const double *per, const double *nper, const double *pv,
                               const double *fv, const int32_t *type, size_t n);

/**
 * @brief SLN of n elements in one call: element i is airoi_sln() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] cost Initial costs.
 * @param[in] salvage Salvage values.
 * @param[in] life Lives in periods.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_sln_batch(double *out, int32_t *status_out, const double *cost,
                              const double *salvage, const double *life, size_t n);

/**
 * @brief SYD of n elements in one call: element i is airoi_syd() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] cost Initial costs.
 * @param[in] salvage Salvage values.
 * @param[in] life Lives in periods.
 * @param[in] per Periods.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_syd_batch(double *out, int32_t *status_out, const double *cost,
                              const double *salvage, const double *life, const double *per,
                              size_t n);

/**
 * @brief DB of n elements in one call: element i is airoi_db() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] cost Initial costs.
 * @param[in] salvage Salvage values.
 * @param[in] life Lives in periods.
 * @param[in] period Periods.
 * @param[in] month Months in the first year.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_db_batch(double *out, int32_t *status_out, const double *cost,
                             const double *salvage, const double *life, const double *period,
                             const double *month, size_t n);

/**
 * @brief DDB of n elements in one call: element i is airoi_ddb() of the i-th values.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out n results; failed elements get 0.
 * @param[out] status_out n statuses (AIROI_OK or the element's failure); may be NULL.
 * @param[in] cost Initial costs.
 * @param[in] salvage Salvage values.
 * @param[in] life Lives in periods.
 * @param[in] period Periods.
 * @param[in] factor Declining-balance factors.
 * @param[in] n Number of elements (the length of every array).
 * @retval AIROI_OK Every element succeeded (also when @p n is 0: nothing is read).
 * @retval AIROI_ERR_INVALID A NULL pointer with @p n > 0.
 * @retval other The status of the first failing element, with the message
 *         "NAME_batch: element I: <its message>" (the others are in @p status_out).
 * @since 0.1
 */
AIROI_API int airoi_ddb_batch(double *out, int32_t *status_out, const double *cost,
                              const double *salvage, const double *life, const double *period,
                              const double *factor, size_t n);

/* ------------------------------------------- day counts of the batch forms */

/**
 * @brief airoi_xnpv_batch() under a day-count convention: each row is
 * airoi_xnpv_day_count() of that row and the shared dates.
 *
 * #AIROI_DAY_COUNT_ACT_365F gives exactly airoi_xnpv_batch() (its fast
 * kernel included); the other conventions call airoi_xnpv_day_count() on
 * each row. See docs/methodology.md\#day-counts.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out One XNPV per row; rows that fail get 0.
 * @param[out] status_out One status per row; may be NULL.
 * @param[in] rate Annual discount rate.
 * @param[in] values rows x cols values.
 * @param[in] dates cols day numbers shared by every row.
 * @param[in] rows Number of rows.
 * @param[in] cols Number of values per row, at least 1.
 * @param[in] day_count The convention.
 * @retval AIROI_OK Every row succeeded.
 * @retval AIROI_ERR_INVALID NULL pointer, cols = 0, rows x cols overflows, unknown day_count.
 * @retval other The status of the first failing row.
 * @since 0.1
 */
AIROI_API int airoi_xnpv_batch_day_count(double *out, int32_t *status_out, double rate,
                                         const double *values, const int32_t *dates,
                                         size_t rows, size_t cols, airoi_day_count day_count);

/**
 * @brief airoi_xirr_batch() under a day-count convention: each row is
 * airoi_xirr_day_count() of that row and the shared dates.
 *
 * #AIROI_DAY_COUNT_ACT_365F gives exactly airoi_xirr_batch() (its fast
 * kernel included). See docs/methodology.md\#day-counts.
 *
 * Ownership: reads the caller's arrays during the call and keeps no reference;
 * writes only the caller's @p out and @p status_out arrays.
 * @param[out] out One XIRR per row; rows that fail get 0.
 * @param[out] status_out One status per row; may be NULL.
 * @param[in] values rows x cols values.
 * @param[in] dates cols day numbers shared by every row.
 * @param[in] rows Number of rows.
 * @param[in] cols Number of values per row, at least 2.
 * @param[in] guess Starting point for every row.
 * @param[in] day_count The convention.
 * @retval AIROI_OK Every row succeeded.
 * @retval AIROI_ERR_INVALID NULL pointer, cols < 2, rows x cols overflows, unknown day_count.
 * @retval other The status of the first failing row.
 * @since 0.1
 */
AIROI_API int airoi_xirr_batch_day_count(double *out, int32_t *status_out,
                                         const double *values, const int32_t *dates,
                                         size_t rows, size_t cols, double guess,
                                         airoi_day_count day_count);

AIROI_END_DECLS

#endif /* AIROI_FINANCE_H */
