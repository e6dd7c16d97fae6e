/**
 * @file portfolio.h
 * @brief Portfolios: several projects against one budget, ranked, and the
 *        exact best set under the budget.
 *
 * A portfolio holds projects (each a copy owned by the portfolio), the
 * currency its totals are reported in, exchange rates to that currency, a
 * budget and the measure of each project's investment. Evaluating it
 * evaluates every project on its own (its own currency, period and discount
 * rate), converts its figures to the portfolio currency, ranks the projects
 * and chooses the set with the greatest total NPV whose total investment
 * fits the budget, with every mandatory project in it. The rules, the tie
 * rules and the selection method are in docs/portfolio.md and
 * docs/methodology.md ("Portfolio selection").
 *
 * Threads: one portfolio is used by one thread at a time; a portfolio result
 * is immutable and may be read from many threads.
 */
#ifndef AIROI_PORTFOLIO_H
#define AIROI_PORTFOLIO_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/common.h"
#include "airoi/project.h"
#include "airoi/result.h"
#include "airoi/model.h"
#include "airoi/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A portfolio of projects (opaque).
 * @since 0.1
 */
typedef struct airoi_portfolio airoi_portfolio;

/**
 * @brief The evaluation of a portfolio (opaque, immutable).
 * @since 0.1
 */
typedef struct airoi_portfolio_result airoi_portfolio_result;

/**
 * @brief How a project's investment is measured (model key
 *        `portfolio.measure`).
 * @since 0.1
 */
typedef enum airoi_portfolio_measure {
    /** The costs of the first-year window of `roi_basic` (`first_year_costs`, the default). */
    AIROI_MEASURE_FIRST_YEAR_COSTS = 0x3000,
    /** Total costs over the horizon (`tco`). */
    AIROI_MEASURE_TCO = 0x3001,
    /** Present value of the costs (`pv_costs`). */
    AIROI_MEASURE_PV_COSTS = 0x3002
} airoi_portfolio_measure;

/**
 * @brief Figures of a portfolio result: totals of the portfolio and
 *        figures of each project.
 *
 * The totals are read with airoi_portfolio_result_get_number(), the
 * project figures with airoi_portfolio_result_get_project_number() and
 * their ranks with airoi_portfolio_result_get_rank().
 * @since 0.1
 */
typedef enum airoi_portfolio_figure {
    /** Total: the budget (portfolio currency); undefined when the portfolio has none. */
    AIROI_PORTFOLIO_BUDGET = 0x3100,
    /** Total: sum of the chosen projects' NPV (portfolio currency). */
    AIROI_PORTFOLIO_TOTAL_NPV = 0x3101,
    /** Total: sum of the chosen projects' investment (portfolio currency). */
    AIROI_PORTFOLIO_TOTAL_INVESTMENT = 0x3102,
    /** Total: sum of the chosen projects' expected NPV (portfolio currency). */
    AIROI_PORTFOLIO_EXPECTED_NPV = 0x3103,
    /** Project: NPV, converted to the portfolio currency. */
    AIROI_PORTFOLIO_NPV = 0x3104,
    /** Project: IRR per year (a rate, not converted); may have no solution. */
    AIROI_PORTFOLIO_IRR = 0x3105,
    /** Project: risk-adjusted ROI (a fraction); may be undefined. */
    AIROI_PORTFOLIO_ROI_RISK_ADJUSTED = 0x3106,
    /** Project: profitability index, PV benefits / PV costs; undefined when PV costs is 0. */
    AIROI_PORTFOLIO_PI = 0x3107,
    /** Project: investment by the portfolio's measure, converted. */
    AIROI_PORTFOLIO_INVESTMENT = 0x3108,
    /** Project: expected NPV (probability-weighted over scenarios), converted. */
    AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV = 0x3109
} airoi_portfolio_figure;

/**
 * @brief Creates an empty portfolio.
 *
 * Ownership: the caller owns @p *out and frees it with
 * airoi_portfolio_free(); @p name and @p currency are copied.
 * @param[out] out The new portfolio; NULL on failure.
 * @param[in] name Its name (UTF-8, not empty).
 * @param[in] currency The currency its totals are reported in (ISO 4217 code).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, empty name or unknown currency code.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_new(airoi_portfolio **out, const char *name, const char *currency);

/**
 * @brief Frees a portfolio and the projects it holds.
 *
 * Ownership: @p pf is freed; NULL is accepted.
 * @param[in] pf The portfolio, or NULL.
 * @since 0.1
 */
AIROI_API void airoi_portfolio_free(airoi_portfolio *pf);

/**
 * @brief Sets the budget, the limit on the chosen projects' total investment.
 *
 * Ownership: @p pf is modified; nothing is retained.
 * @param[in,out] pf The portfolio.
 * @param[in] budget The budget in the portfolio currency, finite and >= 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL portfolio.
 * @retval AIROI_ERR_RANGE Budget negative or not finite.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_set_budget(airoi_portfolio *pf, double budget);

/**
 * @brief Sets how each project's investment is measured.
 *
 * Ownership: @p pf is modified; nothing is retained.
 * @param[in,out] pf The portfolio.
 * @param[in] measure An #airoi_portfolio_measure.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL portfolio, or a value of another family.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_set_measure(airoi_portfolio *pf, airoi_portfolio_measure measure);

/**
 * @brief Sets the exchange rate of a currency: 1 unit of @p currency =
 *        @p rate units of the portfolio currency.
 *
 * Setting a currency again replaces its rate.
 * Ownership: @p pf is modified; @p currency is copied.
 * @param[in,out] pf The portfolio.
 * @param[in] currency An ISO 4217 code.
 * @param[in] rate The rate, finite and > 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown currency code.
 * @retval AIROI_ERR_RANGE Rate not finite or <= 0.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_set_fx(airoi_portfolio *pf, const char *currency, double rate);

/**
 * @brief Adds a copy of a project to the portfolio.
 *
 * Ownership: @p p is copied (the caller keeps and frees its own);
 * @p source is copied.
 * @param[in,out] pf The portfolio.
 * @param[in] p The project.
 * @param[in] mandatory Nonzero when every chosen set must hold the project.
 * @param[in] source The model file the project came from (for messages),
 *            or NULL for a project given inline.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or a project of the same name is
 *         already in the portfolio.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_add_project(airoi_portfolio *pf, const airoi_project *p,
                                          int mandatory, const char *source);

/**
 * @brief Number of projects in the portfolio.
 *
 * Ownership: @p pf is only read.
 * @param[in] pf The portfolio (NULL: 0).
 * @return The number of projects.
 * @since 0.1
 */
AIROI_API size_t airoi_portfolio_count_projects(const airoi_portfolio *pf);

/**
 * @brief A project of the portfolio, in the order they were added.
 *
 * Ownership: borrowed; valid while @p pf lives and is not modified.
 * @param[in] pf The portfolio.
 * @param[in] i Index, 0 .. count - 1.
 * @return The project, or NULL when @p pf is NULL or @p i out of range.
 * @since 0.1
 */
AIROI_API const airoi_project *airoi_portfolio_get_project(const airoi_portfolio *pf, size_t i);

/**
 * @brief Whether a project of the portfolio is mandatory.
 *
 * Ownership: @p pf is only read; the flag is copied to @p *out.
 * @param[out] out 1 when mandatory, else 0; untouched on failure.
 * @param[in] pf The portfolio.
 * @param[in] i Index, 0 .. count - 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_get_mandatory(int *out, const airoi_portfolio *pf, size_t i);

/**
 * @brief The model file a project of the portfolio came from.
 *
 * Ownership: borrowed; valid while @p pf lives and is not modified.
 * @param[in] pf The portfolio.
 * @param[in] i The project's index.
 * @return The path as given to airoi_portfolio_add_project(), or NULL (an
 *         inline project, or a bad argument).
 * @since 0.1
 */
AIROI_API const char *airoi_portfolio_get_source(const airoi_portfolio *pf, size_t i);

/**
 * @brief Reads the portfolio's settings: name, currency, budget and measure.
 *
 * Ownership: @p pf is only read; the numbers are copied, the strings
 * borrowed (valid while @p pf lives). Any output may be NULL.
 * @param[out] name The portfolio's name.
 * @param[out] currency The portfolio currency.
 * @param[out] budget The budget; untouched when the portfolio has none.
 * @param[out] has_budget 1 when a budget is set, else 0.
 * @param[out] measure The measure of investment.
 * @param[in] pf The portfolio.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL portfolio.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_get_settings(const char **name, const char **currency,
                                           double *budget, int *has_budget,
                                           airoi_portfolio_measure *measure,
                                           const airoi_portfolio *pf);

/**
 * @brief Number of exchange rates of the portfolio.
 *
 * Ownership: @p pf is only read.
 * @param[in] pf The portfolio (NULL: 0).
 * @return The number of rates.
 * @since 0.1
 */
AIROI_API size_t airoi_portfolio_count_fx(const airoi_portfolio *pf);

/**
 * @brief An exchange rate of the portfolio, in the order they were set.
 *
 * Ownership: @p *currency is borrowed from @p pf; the rate is copied.
 * @param[out] currency The currency code; untouched on failure.
 * @param[out] rate Its rate to the portfolio currency; untouched on failure.
 * @param[in] pf The portfolio.
 * @param[in] i Index, 0 .. count - 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_get_fx(const char **currency, double *rate,
                                     const airoi_portfolio *pf, size_t i);

/**
 * @brief The spelling of a measure in the portfolio file ("first_year_costs", "tco", "pv_costs").
 *
 * Ownership: static text.
 * @param[in] measure An #airoi_portfolio_measure.
 * @return The spelling, or NULL for a value that is not a measure.
 * @since 0.1
 */
AIROI_API const char *airoi_portfolio_measure_name(airoi_portfolio_measure measure);

/**
 * @brief A measure from its spelling in the portfolio file.
 *
 * Ownership: @p name is only read.
 * @param[out] out The measure; untouched on failure.
 * @param[in] name "first_year_costs", "tco" or "pv_costs".
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND Not a measure (the message lists them).
 * @since 0.1
 */
AIROI_API int airoi_portfolio_measure_from_name(airoi_portfolio_measure *out, const char *name);

/**
 * @brief Evaluates every project, ranks them and chooses the best set
 *        under the budget.
 *
 * Ownership: the caller owns @p *out and frees it with
 * airoi_portfolio_result_free(); @p pf is only read, and the result does
 * not refer to it.
 * @param[out] out The result; NULL on failure.
 * @param[in] pf The portfolio.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, unknown flags, no projects, or
 *         a project whose evaluation fails (the message names it).
 * @retval AIROI_ERR_MODEL A project's currency has no exchange rate, an
 *         investment is negative, or the mandatory projects alone exceed
 *         the budget (the message gives both amounts).
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_evaluate(airoi_portfolio_result **out, const airoi_portfolio *pf,
                                       unsigned flags);

/**
 * @brief Frees a portfolio result.
 *
 * Ownership: @p r is freed; NULL is accepted.
 * @param[in] r The result, or NULL.
 * @since 0.1
 */
AIROI_API void airoi_portfolio_result_free(airoi_portfolio_result *r);

/**
 * @brief Number of projects of a portfolio result (in the portfolio's order).
 *
 * Ownership: @p r is only read.
 * @param[in] r The result (NULL: 0).
 * @return The number of projects.
 * @since 0.1
 */
AIROI_API size_t airoi_portfolio_result_count_projects(const airoi_portfolio_result *r);

/**
 * @brief Reads a total of the portfolio.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] r The result.
 * @param[in] figure #AIROI_PORTFOLIO_BUDGET, #AIROI_PORTFOLIO_TOTAL_NPV,
 *            #AIROI_PORTFOLIO_TOTAL_INVESTMENT or #AIROI_PORTFOLIO_EXPECTED_NPV.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or a figure of a project or of another family.
 * @retval AIROI_ERR_UNDEFINED The budget of a portfolio that has none.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_result_get_number(double *out, const airoi_portfolio_result *r,
                                                airoi_portfolio_figure figure);

/**
 * @brief Reads a figure of one project.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] r The result.
 * @param[in] i The project's index.
 * @param[in] figure A project figure (#AIROI_PORTFOLIO_NPV ... #AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or a total or a figure of another family.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @retval AIROI_ERR_NO_SOLUTION The IRR has no solution (null in JSON).
 * @retval AIROI_ERR_UNDEFINED The figure does not exist (null in JSON).
 * @since 0.1
 */
AIROI_API int airoi_portfolio_result_get_project_number(double *out,
                                                        const airoi_portfolio_result *r,
                                                        size_t i, airoi_portfolio_figure figure);

/**
 * @brief A project's rank by NPV, IRR, profitability index or risk-adjusted ROI.
 *
 * Rank = 1 + the number of projects with a strictly better value (higher is
 * better); equal values share a rank; a project whose figure does not exist
 * ranks 1 + the number of projects whose figure exists.
 * Ownership: @p r is only read; the rank is copied to @p *out.
 * @param[out] out The rank, 1 = best; untouched on failure.
 * @param[in] r The result.
 * @param[in] i The project's index.
 * @param[in] by #AIROI_PORTFOLIO_NPV, #AIROI_PORTFOLIO_IRR, #AIROI_PORTFOLIO_PI
 *            or #AIROI_PORTFOLIO_ROI_RISK_ADJUSTED.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or a figure that is not ranked.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_result_get_rank(int32_t *out, const airoi_portfolio_result *r,
                                              size_t i, airoi_portfolio_figure by);

/**
 * @brief Whether a project is in the chosen set.
 *
 * Ownership: @p r is only read; the flag is copied to @p *out.
 * @param[out] out 1 when chosen, else 0; untouched on failure.
 * @param[in] r The result.
 * @param[in] i The project's index.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_result_get_selected(int *out, const airoi_portfolio_result *r,
                                                  size_t i);

/**
 * @brief A project's name or its own currency.
 *
 * Ownership: borrowed; valid while @p r lives.
 * @param[in] r The result.
 * @param[in] i The project's index.
 * @param[in] param #AIROI_PROJECT_NAME or #AIROI_PROJECT_CURRENCY.
 * @return The string, or NULL on a bad argument.
 * @since 0.1
 */
AIROI_API const char *airoi_portfolio_result_get_string(const airoi_portfolio_result *r,
                                                        size_t i, airoi_project_param param);

/**
 * @brief The full evaluation of one project, in its own currency.
 *
 * Ownership: borrowed; valid while @p r lives.
 * @param[in] r The result.
 * @param[in] i The project's index.
 * @return The project's result, or NULL on a bad argument.
 * @since 0.1
 */
AIROI_API const airoi_result *airoi_portfolio_result_get_project(const airoi_portfolio_result *r,
                                                                 size_t i);

/**
 * @brief The portfolio's name, currency and measure as evaluated.
 *
 * Ownership: the strings are borrowed, valid while @p r lives. Any output may be NULL.
 * @param[out] name The portfolio's name.
 * @param[out] currency The portfolio currency.
 * @param[out] measure The measure of investment.
 * @param[in] r The result.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL result.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_result_get_info(const char **name, const char **currency,
                                              airoi_portfolio_measure *measure,
                                              const airoi_portfolio_result *r);

/**
 * @brief Loads a portfolio file (YAML, `airoi: 1` with `portfolio:`).
 *
 * Each project is a model file, its path relative to the portfolio file,
 * or a model given inline. Every problem is a diagnostic with file, line
 * and column; a problem of a project file names the portfolio file and
 * its entry, then the project file and its own position.
 * Ownership: the caller owns @p *out (airoi_portfolio_free()) and
 * @p *diags_out (airoi_diagnostics_free()); @p path is only read.
 * @param[out] out The portfolio; NULL on failure.
 * @param[out] diags_out Every diagnostic, or NULL when not wanted.
 * @param[in] path The portfolio file.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success (warnings may be listed).
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_IO A file cannot be read.
 * @retval AIROI_ERR_PARSE The YAML is malformed or the document has the wrong shape.
 * @retval AIROI_ERR_MODEL A value is invalid.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_load_file(airoi_portfolio **out, airoi_diagnostics **diags_out,
                                        const char *path, unsigned flags);

/**
 * @brief Writes a portfolio file (every project inline).
 *
 * Ownership: the caller owns @p *out and frees it with airoi_free();
 * @p pf is only read.
 * @param[out] out The YAML text, NUL-terminated; NULL on failure.
 * @param[out] len_out Its length without the NUL, or NULL.
 * @param[in] pf The portfolio.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_save_buffer(char **out, size_t *len_out, const airoi_portfolio *pf,
                                          unsigned flags);

/**
 * @brief Writes the report of a portfolio result.
 *
 * Ownership: the caller owns @p *out and frees it with airoi_free();
 * @p r is only read.
 * @param[out] out The report, NUL-terminated; NULL on failure.
 * @param[out] len_out Its length without the NUL, or NULL.
 * @param[in] r The portfolio result.
 * @param[in] format An #airoi_report_format: text, JSON, CSV or Markdown.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, unknown flags, or a format other than
 *         text, JSON, CSV and Markdown (HTML is not available for portfolios).
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_report_write(char **out, size_t *len_out,
                                           const airoi_portfolio_result *r,
                                           airoi_report_format format, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif /* AIROI_PORTFOLIO_H */
