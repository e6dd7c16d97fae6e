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
#include "airoi/simulation.h"
#include "airoi/uncertainty.h"

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
 * @brief Most projects a portfolio may hold.
 *
 * The exact selection searches the projects depth first, one level per
 * project; the limit bounds that depth and the frontier's tables.
 * @since 0.1
 */
#define AIROI_PORTFOLIO_PROJECTS_MAX 1000

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
 * @retval AIROI_ERR_LIMIT The portfolio has #AIROI_PORTFOLIO_PROJECTS_MAX projects.
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
 * @retval AIROI_ERR_LIMIT The projects' evaluation work together, or the
 *         exact selection's search, is past its limit (docs/errors.md\#limits).
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
 * @param[in] format An #airoi_report_format: text, JSON (with the efficient
 *            frontier), CSV (a row per project), Markdown or HTML (the
 *            portfolio page, docs/reports.md\#portfolio-page).
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, unknown flags or format.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_report_write(char **out, size_t *len_out,
                                           const airoi_portfolio_result *r,
                                           airoi_report_format format, unsigned flags);

/**
 * @brief Sets the number of budget levels of the efficient frontier.
 *
 * The frontier is the greatest total NPV at each of @p levels budgets
 * evenly spaced from the mandatory projects' total investment to the total
 * investment of every project, each the exact best set under that budget
 * (docs/portfolio.md\#the-efficient-frontier). The default is 21.
 * Ownership: @p pf is modified; nothing is retained.
 * @param[in,out] pf The portfolio.
 * @param[in] levels 0 (no frontier) to 1001.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL portfolio.
 * @retval AIROI_ERR_RANGE @p levels outside 0..1001.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_set_frontier_levels(airoi_portfolio *pf, int32_t levels);

/**
 * @brief Number of points of the efficient frontier of a result.
 *
 * Ownership: @p r is only read.
 * @param[in] r The result (NULL: 0).
 * @return The number of points, in increasing budget; 1 when every project
 *         is mandatory or invests nothing, 0 when the levels were set to 0.
 * @since 0.1
 */
AIROI_API size_t airoi_portfolio_result_count_frontier(const airoi_portfolio_result *r);

/**
 * @brief A point of the efficient frontier: a budget and the best set under it.
 *
 * Ownership: @p r is only read; the values are copied. Any output may be NULL.
 * @param[out] budget The budget level (portfolio currency).
 * @param[out] total_npv The total NPV of the best set under it.
 * @param[out] total_investment The total investment of that set (<= @p budget).
 * @param[in] r The result.
 * @param[in] k The point, 0 .. count - 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL result.
 * @retval AIROI_ERR_RANGE @p k out of range.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_result_get_frontier(double *budget, double *total_npv,
                                                  double *total_investment,
                                                  const airoi_portfolio_result *r, size_t k);

/**
 * @brief Whether a project is in the best set of a frontier point.
 *
 * Ownership: @p r is only read; the flag is copied to @p *out.
 * @param[out] out 1 when in the set, else 0; untouched on failure.
 * @param[in] r The result.
 * @param[in] k The point.
 * @param[in] i The project's index.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_RANGE @p k or @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_result_get_frontier_selected(int *out,
                                                           const airoi_portfolio_result *r,
                                                           size_t k, size_t i);

/**
 * @brief A Monte Carlo simulation of a portfolio's chosen set (opaque, immutable).
 * @since 0.1
 */
typedef struct airoi_portfolio_simulation airoi_portfolio_simulation;

/**
 * @brief Figures of each project of a portfolio simulation.
 * @since 0.1
 */
typedef enum airoi_portfolio_sim_figure {
    /** Mean of the project's NPV over the trials (portfolio currency). */
    AIROI_PFSIM_MEAN = 0x3800,
    /** Sample standard deviation of the project's NPV (portfolio currency). */
    AIROI_PFSIM_SD = 0x3801,
    /** Its share of the variance of the portfolio NPV:
     *  Cov(NPV_i, NPV_total) / Var(NPV_total); the shares sum to 1;
     *  undefined when the portfolio NPV does not vary. */
    AIROI_PFSIM_CONTRIBUTION = 0x3802
} airoi_portfolio_sim_figure;

/**
 * @brief Simulates the NPV of the portfolio's chosen set, with drivers
 *        shared across projects.
 *
 * Evaluates the portfolio (airoi_portfolio_evaluate()), then in each trial
 * draws every uncertainty of each chosen project; an uncertainty with a
 * `driver` (#AIROI_UNCERTAINTY_DRIVER) takes the driver's draw, made once
 * per trial for every project that names it. The portfolio NPV of a trial
 * is the sum of the chosen projects' NPV converted to the portfolio
 * currency. Trial i depends only on (seed, i): the result is the same for
 * any thread count and for runs split by trial ranges and merged
 * (docs/portfolio.md\#portfolio-monte-carlo).
 * Ownership: the caller owns @p *out (airoi_portfolio_simulation_free());
 * @p pf and @p options are only read.
 * @param[out] out The simulation; NULL on failure.
 * @param[in] pf The portfolio.
 * @param[in] options Trials, seed, threads, bins, percentiles, repair (NULL:
 *            the defaults: 10,000 trials, seed 0); sampling must be random.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, unknown flags, Sobol sampling.
 * @retval AIROI_ERR_MODEL The portfolio cannot be evaluated, a driver's
 *         uses disagree (the message names both projects and their files),
 *         or a driver's uncertainty is correlated.
 * @retval AIROI_ERR_RANGE A trial's figures overflow.
 * @retval AIROI_ERR_LIMIT The trials' storage or work is past its limit
 *         (docs/errors.md\#limits).
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulate(airoi_portfolio_simulation **out,
                                       const airoi_portfolio *pf,
                                       const airoi_sim_options *options, unsigned flags);

/**
 * @brief Simulates trials [@p first, @p first + @p count) of a portfolio
 *        run; the parts merge with airoi_portfolio_simulation_merge().
 *
 * Ownership: as airoi_portfolio_simulate().
 * @param[out] out The simulation of the range; NULL on failure.
 * @param[in] pf The portfolio.
 * @param[in] options As airoi_portfolio_simulate(); the trials setting is ignored.
 * @param[in] first The first trial, >= 0.
 * @param[in] count The number of trials, >= 1.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID As airoi_portfolio_simulate(), or a bad range.
 * @retval AIROI_ERR_MODEL As airoi_portfolio_simulate().
 * @retval AIROI_ERR_RANGE As airoi_portfolio_simulate().
 * @retval AIROI_ERR_LIMIT As airoi_portfolio_simulate().
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulate_range(airoi_portfolio_simulation **out,
                                             const airoi_portfolio *pf,
                                             const airoi_sim_options *options, int64_t first,
                                             int64_t count, unsigned flags);

/**
 * @brief Merges two adjacent trial ranges of the same portfolio run.
 *
 * The result equals the run of the joined range, bit for bit.
 * Ownership: the caller owns @p *out; @p a and @p b are only read.
 * @param[out] out The merged simulation; NULL on failure.
 * @param[in] a One range.
 * @param[in] b The other, starting where @p a ends (or ending where it starts).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, different runs (portfolio, seed
 *         or settings), or ranges that are not adjacent.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_merge(airoi_portfolio_simulation **out,
                                               const airoi_portfolio_simulation *a,
                                               const airoi_portfolio_simulation *b);

/**
 * @brief Writes a portfolio simulation (a trial range or a whole run) as
 *        bytes, to move it to another process or machine; read it back with
 *        airoi_portfolio_simulation_load_buffer() and merge the ranges.
 *
 * Little-endian whatever the machine; the format is in
 * docs/methodology.md\#portfolio-monte-carlo.
 * Ownership: the caller frees @p *out with airoi_free(); @p s is only read.
 * @param[out] out The bytes; NULL on failure.
 * @param[out] len_out Their number, or NULL.
 * @param[in] s The simulation.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_save_buffer(void **out, size_t *len_out,
                                                     const airoi_portfolio_simulation *s,
                                                     unsigned flags);

/**
 * @brief Reads bytes written by airoi_portfolio_simulation_save_buffer():
 *        the same trials and statistics, bit for bit, ready to merge.
 *
 * Ownership: the caller frees @p *out with airoi_portfolio_simulation_free();
 * nothing refers to @p data afterwards.
 * @param[out] out The simulation; NULL on failure.
 * @param[in] data The bytes.
 * @param[in] len Their number.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, unknown flags, or bytes that are
 *         not a whole saved portfolio simulation of this format version.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_load_buffer(airoi_portfolio_simulation **out,
                                                     const void *data, size_t len,
                                                     unsigned flags);

/**
 * @brief Frees a portfolio simulation.
 *
 * Ownership: @p s is freed; NULL is accepted.
 * @param[in] s The simulation, or NULL.
 * @since 0.1
 */
AIROI_API void airoi_portfolio_simulation_free(airoi_portfolio_simulation *s);

/**
 * @brief A statistic of the portfolio NPV over the trials.
 *
 * Ownership: @p s is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] s The simulation.
 * @param[in] stat #AIROI_STAT_MEAN, #AIROI_STAT_SD, #AIROI_STAT_SE,
 *            #AIROI_STAT_MIN, #AIROI_STAT_MAX, #AIROI_STAT_PROB_POSITIVE
 *            (P(portfolio NPV > 0)) or #AIROI_STAT_COUNT (trials).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or another statistic.
 * @retval AIROI_ERR_UNDEFINED The standard deviation of one trial.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_get_stat(double *out,
                                                  const airoi_portfolio_simulation *s,
                                                  airoi_sim_stat stat);

/**
 * @brief A percentile of the portfolio NPV (exact, Excel's PERCENTILE.INC).
 *
 * Ownership: @p s is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] s The simulation.
 * @param[in] percentile In [0, 100].
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or percentile outside [0, 100].
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_get_percentile(double *out,
                                                        const airoi_portfolio_simulation *s,
                                                        double percentile);

/**
 * @brief The histogram of the portfolio NPV: bins of equal width from the
 *        smallest to the largest trial, the last bin closed.
 *
 * Call with @p cap 0 to learn the number of bins.
 * Ownership: @p s is only read; the values are copied.
 * @param[out] edges bins + 1 edges, or NULL with @p cap 0.
 * @param[out] counts bins counts, or NULL with @p cap 0.
 * @param[in] cap The capacity of @p counts (@p edges holds cap + 1).
 * @param[out] bins_out The number of bins, or NULL.
 * @param[in] s The simulation.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL simulation.
 * @retval AIROI_ERR_RANGE @p cap is smaller than the number of bins (nonzero).
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_get_histogram(double *edges, int64_t *counts,
                                                       size_t cap, size_t *bins_out,
                                                       const airoi_portfolio_simulation *s);

/**
 * @brief The portfolio NPV of every trial, in trial order.
 *
 * Call with @p cap 0 to learn the number.
 * Ownership: @p s is only read; the values are copied.
 * @param[out] values The values, or NULL with @p cap 0.
 * @param[in] cap The capacity of @p values.
 * @param[out] len_out The number of trials, or NULL.
 * @param[in] s The simulation.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL simulation.
 * @retval AIROI_ERR_RANGE @p cap nonzero and too small.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_get_trials(double *values, size_t cap, size_t *len_out,
                                                    const airoi_portfolio_simulation *s);

/**
 * @brief The run's settings: its first trial, its trials and its seed.
 *
 * Ownership: @p s is only read. Any output may be NULL.
 * @param[out] first The first trial of the range.
 * @param[out] count The number of trials.
 * @param[out] seed The seed.
 * @param[in] s The simulation.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL simulation.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_get_info(int64_t *first, int64_t *count, uint64_t *seed,
                                                  const airoi_portfolio_simulation *s);

/**
 * @brief Number of projects simulated (the chosen set, in file order).
 *
 * Ownership: @p s is only read.
 * @param[in] s The simulation (NULL: 0).
 * @return The number of projects.
 * @since 0.1
 */
AIROI_API size_t airoi_portfolio_simulation_count_projects(const airoi_portfolio_simulation *s);

/**
 * @brief The name of a simulated project.
 *
 * Ownership: borrowed; valid while @p s lives.
 * @param[in] s The simulation.
 * @param[in] i Index, 0 .. count - 1.
 * @return The name, or NULL on a bad argument.
 * @since 0.1
 */
AIROI_API const char *airoi_portfolio_simulation_get_name(const airoi_portfolio_simulation *s,
                                                          size_t i);

/**
 * @brief A figure of a simulated project: mean, standard deviation or its
 *        contribution to the variance of the portfolio NPV.
 *
 * Ownership: @p s is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] s The simulation.
 * @param[in] i The project's index among the simulated ones.
 * @param[in] figure An #airoi_portfolio_sim_figure.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or a value of another family.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @retval AIROI_ERR_UNDEFINED The contribution when the portfolio NPV does
 *         not vary, or the standard deviation of one trial.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_get_project_number(double *out,
                                                            const airoi_portfolio_simulation *s,
                                                            size_t i,
                                                            airoi_portfolio_sim_figure figure);

/**
 * @brief Number of drivers shared across the simulated projects.
 *
 * Ownership: @p s is only read.
 * @param[in] s The simulation (NULL: 0).
 * @return The number of distinct drivers.
 * @since 0.1
 */
AIROI_API size_t airoi_portfolio_simulation_count_drivers(const airoi_portfolio_simulation *s);

/**
 * @brief The name of a driver, in code-point order, and how many projects use it.
 *
 * Ownership: @p *name is borrowed, valid while @p s lives.
 * @param[out] name The driver's name; untouched on failure.
 * @param[out] projects The number of simulated projects using it, or NULL.
 * @param[in] s The simulation.
 * @param[in] i Index, 0 .. count - 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_simulation_get_driver(const char **name, size_t *projects,
                                                    const airoi_portfolio_simulation *s,
                                                    size_t i);

/**
 * @brief Writes the report of a portfolio result, with its simulation when given.
 *
 * As airoi_portfolio_report_write(), and in every format: with @p sim, the
 * report adds the simulation (JSON key `simulation` of `portfolio`); HTML
 * is the portfolio page (docs/reports.md\#portfolio-page).
 * Ownership: the caller owns @p *out and frees it with airoi_free();
 * @p r and @p sim are only read.
 * @param[out] out The report, NUL-terminated; NULL on failure.
 * @param[out] len_out Its length without the NUL, or NULL.
 * @param[in] r The portfolio result.
 * @param[in] sim Its simulation, or NULL.
 * @param[in] format An #airoi_report_format.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL result, unknown format or flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_portfolio_report_write_sim(char **out, size_t *len_out,
                                               const airoi_portfolio_result *r,
                                               const airoi_portfolio_simulation *sim,
                                               airoi_report_format format, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif /* AIROI_PORTFOLIO_H */
