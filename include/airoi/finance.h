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

AIROI_END_DECLS

#endif /* AIROI_FINANCE_H */
