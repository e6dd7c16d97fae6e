/**
 * @file tax.h
 * @brief After-tax view of a result, capex and opex, depreciation, terminal
 * value and real (inflation-adjusted) figures.
 *
 * A project with a tax rate (#AIROI_PROJECT_TAX_RATE) is evaluated twice
 * over the same flows: the result holds the pre-tax metrics (as without
 * tax) and an after-tax sub-result (airoi_result_get_after_tax()) whose
 * schedule has the tax of each period among its costs, so that every
 * accessor of result.h reads the after-tax metrics with the same names.
 * The formulas and their sources are in
 * docs/methodology.md\#capex-depreciation-and-tax, docs/methodology.md\#inflation
 * and docs/methodology.md\#terminal-value.
 */
#ifndef AIROI_TAX_H
#define AIROI_TAX_H

#include "airoi/common.h"
#include "airoi/result.h"

AIROI_BEGIN_DECLS

/**
 * @brief Figures of the capex, tax, terminal value and real views of a
 * result. Values are pinned; the names (airoi_finance_figure_name()) are
 * the JSON keys of the `finance` section of a report.
 *
 * "Series" figures have a value per period (airoi_result_get_finance_series())
 * and a total over periods 0..horizon (airoi_result_get_finance_figure());
 * the others have only the figure.
 * @since 0.1
 */
typedef enum airoi_finance_figure {
    /** Series: capital expenditure (cost items with capex), after their factors. */
    AIROI_FIGURE_CAPEX = 0x1700,
    /** Series: operating costs (every other cost). */
    AIROI_FIGURE_OPEX = 0x1701,
    /** Series: depreciation of the capex paid in earlier periods. */
    AIROI_FIGURE_DEPRECIATION = 0x1702,
    /** Series: benefits - operating costs - depreciation (before any loss
     *  carried forward). */
    AIROI_FIGURE_TAXABLE_INCOME = 0x1703,
    /** Series: tax of the period (negative: a credit); 0 without a tax rate. */
    AIROI_FIGURE_TAX = 0x1704,
    /** Series: losses carried forward at the end of the period; the figure is
     *  the balance left at the horizon (unused). */
    AIROI_FIGURE_LOSS_CARRYFORWARD = 0x1705,
    /** Terminal value at the horizon, undiscounted (on this result's net flow
     *  of the last period). */
    AIROI_FIGURE_TERMINAL_VALUE = 0x1706,
    /** Present value of the terminal value: TV / (1 + r)^T. */
    AIROI_FIGURE_NPV_TERMINAL_VALUE = 0x1707,
    /** NPV + NPV of the terminal value (the metric NPV never includes it). */
    AIROI_FIGURE_NPV_WITH_TERMINAL_VALUE = 0x1708,
    /** Annual nominal discount rate used: (1 + real)(1 + inflation) - 1 when
     *  the stated rate is real, else the stated rate. */
    AIROI_FIGURE_DISCOUNT_RATE_NOMINAL = 0x1709,
    /** Annual real discount rate: (1 + nominal) / (1 + inflation) - 1. */
    AIROI_FIGURE_DISCOUNT_RATE_REAL = 0x170A,
    /** Annual real IRR: (1 + IRR) / (1 + inflation) - 1. */
    AIROI_FIGURE_IRR_REAL = 0x170B,
    /** Series: net flow in today's money, net_t / (1 + inflation)^(t y). */
    AIROI_FIGURE_NET_REAL = 0x170C,
    /** NPV of the real net flows at the real rate (equal to the NPV, up to
     *  rounding, by the exact Fisher relation). */
    AIROI_FIGURE_NPV_REAL = 0x170D
} airoi_finance_figure;

/**
 * @brief The after-tax view of a result.
 *
 * Its schedule has costs = operating costs + capex + tax of the period,
 * benefits unchanged, so its net flow is (benefits - opex - depreciation)
 * (1 - tax rate) + depreciation - capex; its metrics are computed by the
 * same rules as the pre-tax ones (its TOTAL_COSTS and TCO_TOTAL include the
 * tax; its category totals do not). Scenario sub-results have their own.
 * @param[in] r A result.
 * @return The after-tax result, or NULL when @p r is NULL, is itself an
 *         after-tax result, or the project has no tax rate. Ownership:
 *         borrowed from @p r, valid until @p r is freed; airoi_result_free()
 *         ignores it.
 * @since 0.1
 */
AIROI_API const airoi_result *airoi_result_get_after_tax(const airoi_result *r);

/**
 * @brief One figure of the capex, tax, terminal value or real view.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The figure; untouched on failure.
 * @param[in] r A result (pre-tax or after-tax: the terminal value and real
 *            figures are on that result's own net flows).
 * @param[in] figure An #airoi_finance_figure.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown figure.
 * @retval AIROI_ERR_NOT_FOUND A terminal value figure when the project has none.
 * @retval AIROI_ERR_UNDEFINED The real IRR when the IRR is undefined.
 * @since 0.1
 */
AIROI_API int airoi_result_get_finance_figure(double *out, const airoi_result *r,
                                              airoi_finance_figure figure);

/**
 * @brief Per-period values of a series figure (periods 0..horizon).
 *
 * Ownership: copies into the caller's @p buf; @p r is only read.
 * @param[out] buf Buffer for horizon + 1 values; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out horizon + 1, also on #AIROI_ERR_BUFFER.
 * @param[in] r A result.
 * @param[in] figure A series figure (see #airoi_finance_figure).
 * @retval AIROI_OK Success; a NULL buffer with @p cap 0 is a size query.
 * @retval AIROI_ERR_INVALID NULL argument, or a figure that is not a series.
 * @retval AIROI_ERR_BUFFER @p cap is too small.
 * @since 0.1
 */
AIROI_API int airoi_result_get_finance_series(double *buf, size_t cap, size_t *len_out,
                                              const airoi_result *r,
                                              airoi_finance_figure figure);

/**
 * @brief JSON key of a finance figure ("capex", "npv_terminal_value", ...).
 * @param[in] figure An #airoi_finance_figure.
 * @return A static string, or NULL for an unknown value. Ownership: static.
 * @since 0.1
 */
AIROI_API const char *airoi_finance_figure_name(airoi_finance_figure figure);

AIROI_END_DECLS

#endif /* AIROI_TAX_H */
