/**
 * @file report.h
 * @brief Reports of an evaluated project: text tables, JSON, CSV and Markdown.
 *
 * airoi_report_write() turns an evaluation result (airoi_project_evaluate())
 * into a document held in memory. The same
 * function serves `airoi report`, `airoi audit` and `airoi compare`: the
 * format picks the notation, the flags pick the sections.
 *
 * The JSON notation is a stable contract; every key is documented in
 * docs/cli.md. Numbers are written with the shortest text that reads back
 * as the same double; figures that do not exist (no IRR, payback never
 * reached, a ratio whose denominator is 0) are `null`. The text notation
 * is for people: aligned tables, money with thousands separators and the
 * currency, percentages as percentages; its layout may change between
 * releases. CSV (RFC 4180, CRLF line ends) holds one table, the schedule
 * by default, its numbers rounded to 15 significant digits as spreadsheets
 * hold them. Markdown holds the same sections as text, as tables.
 *
 * A report reads the result alone: the project settings it shows (name,
 * currency, unit, period, horizon, rates, start date, use case, stage) are
 * the copy the result took when it was computed, so a project changed or
 * freed since then does not change the report. The result stays untouched
 * and may be shared with other readers while the report is written.
 */
#ifndef AIROI_REPORT_H
#define AIROI_REPORT_H

#include "airoi/common.h"
#include "airoi/project.h"
#include "airoi/simulation.h"

AIROI_BEGIN_DECLS

/**
 * @brief Notations of a report. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_report_format {
    /** Aligned plain-text tables for a terminal, "text". */
    AIROI_REPORT_TEXT = 0x0D00,
    /** The stable JSON document of docs/cli.md, "json". */
    AIROI_REPORT_JSON = 0x0D01,
    /** One CSV table (RFC 4180): the schedule, or see #airoi_report_section, "csv". */
    AIROI_REPORT_CSV = 0x0D02,
    /** Markdown with tables, "md". */
    AIROI_REPORT_MARKDOWN = 0x0D03,
    /** The business case: one self-contained HTML page with inline SVG
     *  charts and the model's narrative (docs/reports.md), "html". */
    AIROI_REPORT_HTML = 0x0D04
} airoi_report_format;

/**
 * @brief Sections of a report, or-ed into the flags of airoi_report_write().
 *
 * Flags 0 (#AIROI_REPORT_ALL) select every section. The project header is
 * always written. In JSON, an unselected section's key is left out. CSV holds
 * a single table: the schedule when #AIROI_REPORT_SCHEDULE is selected,
 * otherwise plan and honest estimate side by side when #AIROI_REPORT_HONEST
 * is and the result is an honest estimate (one row per metric and per
 * category: `figure,plan,honest,change,relative_change`), otherwise the
 * findings when #AIROI_REPORT_FINDINGS is, otherwise the
 * benchmark comparison when #AIROI_REPORT_BENCHMARK is, otherwise the
 * metrics (one `metric,value,scope` row each, scope `case` or
 * `all_scenarios`).
 * Values are pinned.
 * @since 0.1
 */
typedef enum airoi_report_section {
    /** Every section (the full report of `airoi report`). */
    AIROI_REPORT_ALL = 0,
    /** Metrics: NPV, IRR, the three ROI layers, payback, ... */
    AIROI_REPORT_METRICS = 1u << 0,
    /** TCO breakdown: direct, hidden, by category; value by dimension. */
    AIROI_REPORT_TCO = 1u << 1,
    /** Per-period cash-flow schedule. */
    AIROI_REPORT_SCHEDULE = 1u << 2,
    /** Scenarios with their probabilities and metrics. */
    AIROI_REPORT_SCENARIOS = 1u << 3,
    /** Audit findings. */
    AIROI_REPORT_FINDINGS = 1u << 4,
    /** Benchmark comparison (when the project has a use case). */
    AIROI_REPORT_BENCHMARK = 1u << 5,
    /** Plan and honest estimate side by side, with the change, for the key
     *  metrics and the TCO: written for a result of
     *  #AIROI_EVAL_HONEST_ESTIMATE only (airoi_result_get_plan()). */
    AIROI_REPORT_HONEST = 1u << 6,
    /** The sections of `airoi audit`: TCO and findings. */
    AIROI_REPORT_AUDIT = (1u << 1) | (1u << 4),
    /** The sections of `airoi compare`: metrics and benchmark. */
    AIROI_REPORT_COMPARE = (1u << 0) | (1u << 5)
} airoi_report_section;

/**
 * @brief Report format from its name ("text", "json", "csv", "md" or "markdown").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_report_format; untouched on failure.
 * @param[in] name The name (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name.
 * @since 0.1
 */
AIROI_API int airoi_report_format_from_name(airoi_report_format *out, const char *name);

/**
 * @brief Name of a report format ("text", "json", "csv", "md").
 * @param[in] format An #airoi_report_format.
 * @return The name, or NULL when @p format is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_report_format_name(airoi_report_format format);

/**
 * @brief Writes a report of an evaluation result.
 *
 * The project header shows the settings @p r was computed with
 * (airoi_result_get_number(), airoi_result_get_string()). For a base-case
 * result the scenarios section lists each scenario's sub-result; when the
 * project defined no scenario it lists the implicit base scenario (name
 * "base", probability 1) with the result's own metrics.
 * For the result of one scenario it lists that scenario alone, and there
 * are no findings (airoi_project_evaluate() computes them for the base
 * case only). The benchmark section is written only when the project had a
 * use case.
 * @param[out] out The NUL-terminated document; set to NULL on failure.
 *             Ownership: the caller frees it with airoi_free().
 * @param[out] len_out Length of the document without the NUL; may be NULL.
 * @param[in] r An evaluation result (a top-level result is recommended; a
 *            sub-result is reported like a scenario result).
 * @param[in] format An #airoi_report_format.
 * @param[in] flags #airoi_report_section values, or-ed; 0 for all.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p r, unknown format or flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_report_write(char **out, size_t *len_out, const airoi_result *r,
                                 airoi_report_format format,
                                 unsigned flags);

/**
 * @brief Writes the HTML business case of a result with the Monte Carlo
 * summary of a simulation.
 *
 * The page of airoi_report_write() with #AIROI_REPORT_HTML
 * (docs/reports.md); when @p sim is not NULL, its risks part also holds
 * the Monte Carlo summary of the NPV: the number of trials, the share of
 * trials with a positive NPV, the mean, P10, P50 and P90, and the histogram
 * with P10, P50 and P90 marked and the trials above zero shaded. @p sim
 * should be a simulation of the project @p r was evaluated from
 * (airoi_project_simulate()); the page does not check it.
 *
 * Ownership: @p r and @p sim are only read; the caller frees @p *out with
 * airoi_free().
 * @param[out] out The NUL-terminated page; set to NULL on failure.
 * @param[out] len_out Length of the page without the NUL; may be NULL.
 * @param[in] r An evaluation result.
 * @param[in] sim A simulation whose outputs include the NPV, or NULL.
 * @param[in] flags 0 (no flags are defined).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p r, unknown flags, a
 *         simulation without the NPV output.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_report_write_html(char **out, size_t *len_out, const airoi_result *r,
                                      const airoi_simulation *sim, unsigned flags);

/**
 * @brief Writes the whole HTML business case: a result with its Monte Carlo
 * summary, its tornado and its staged roadmap.
 *
 * The page of airoi_report_write_html() (docs/reports.md); besides the
 * Monte Carlo summary of @p sim, the risks part shows the tornado of
 * @p tornado (chart and table: the NPV with each uncertain input alone at
 * its 10th and 90th percentile, largest swing first), and the staged
 * roadmap shows the figures of @p staging: each gate's probability, the
 * probability of reaching each stage, its expected cost, the expected NPV
 * with the option to stop, the NPV with everything committed up front and
 * the value of staging, with a roadmap chart. Any of @p sim, @p tornado
 * and @p staging may be NULL (that part is left out); with all three NULL
 * the page is that of airoi_report_write(). They should be computed from
 * the project @p r was evaluated from (airoi_project_simulate(),
 * airoi_tornado_evaluate(), airoi_staging_evaluate()); the page does not
 * check it. `airoi report --format html` writes this page.
 *
 * Ownership: @p r, @p sim, @p tornado and @p staging are only read; the
 * caller frees @p *out with airoi_free().
 * @param[out] out The NUL-terminated page; set to NULL on failure.
 * @param[out] len_out Length of the page without the NUL; may be NULL.
 * @param[in] r An evaluation result.
 * @param[in] sim A simulation whose outputs include the NPV, or NULL.
 * @param[in] tornado A tornado, or NULL.
 * @param[in] staging Staging figures, or NULL.
 * @param[in] flags 0 (no flags are defined).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p r, unknown flags, a
 *         simulation without the NPV output.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_report_write_business_case(char **out, size_t *len_out, const airoi_result *r,
                                               const airoi_simulation *sim,
                                               const airoi_tornado *tornado,
                                               const airoi_staging *staging, unsigned flags);

/**
 * @brief Writes the report of a simulation.
 *
 * JSON holds one object `simulation`: `project`, `currency`, `unit`,
 * `trials`, `seed`, `sampling`, `outputs` (one object per output computed,
 * keyed `npv`, `irr`, `roi_horizon`, `npv_roi`, `payback_periods`, each with
 * `mean`, `sd`, `se`, `min`, `max`, `percentiles` keyed "5", "10", "50",
 * "90", "95" and the percentiles asked as written, `histogram` {`edges`,
 * `counts`}, `defined`, and its own shares), `prob_npv_positive`,
 * `irr_undefined_share`, `roi_target`, `prob_roi_above_target`, `tail`,
 * `value_at_risk`, `expected_shortfall`, `sensitivity` (per uncertainty:
 * `input`, `rank_correlation`, `variance_share`), `convergence` (per
 * checkpoint: `trials`, `mean_npv`, `mean_npv_se`, `prob_npv_positive`,
 * `prob_npv_positive_se`) and `staging` (the five staged-investment figures
 * over the trials, or null when the model has no stages). Every key is
 * described in docs/cli.md. CSV holds one row per output with its
 * statistics; text and Markdown hold the statistics, the risk figures, the
 * histogram of NPV, the sensitivity and convergence tables and the staging
 * figures.
 * @param[out] out The NUL-terminated document; set to NULL on failure.
 *             Ownership: the caller frees it with airoi_free().
 * @param[out] len_out Length of the document without the NUL; may be NULL.
 * @param[in] s A simulation (airoi_project_simulate()); only read.
 * @param[in] format An #airoi_report_format.
 * @param[in] flags 0 (reserved for sections).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p s, unknown format or #AIROI_REPORT_HTML, nonzero flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_report_write_simulation(char **out, size_t *len_out, const airoi_simulation *s,
                                            airoi_report_format format, unsigned flags);

/**
 * @brief Writes the report of a tornado.
 *
 * JSON: `base_npv`, `tornado` (a list of {`input`, `low_npv`, `high_npv`,
 * `swing`}, largest swing first) and `spider` (a list of {`input`, `npv`}
 * with `npv` keyed "10", "25", "50", "75", "90": NPV with the input alone at
 * that percentile). CSV: one row per input. Text and Markdown: the tornado
 * with bars, and the spider table.
 * @param[out] out The NUL-terminated document; set to NULL on failure.
 *             Ownership: the caller frees it with airoi_free().
 * @param[out] len_out Length of the document without the NUL; may be NULL.
 * @param[in] t A tornado (airoi_tornado_evaluate()); only read.
 * @param[in] format An #airoi_report_format.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p t, unknown format or #AIROI_REPORT_HTML, nonzero flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_report_write_tornado(char **out, size_t *len_out, const airoi_tornado *t,
                                         airoi_report_format format, unsigned flags);

/**
 * @brief Writes the report of staged-investment figures.
 *
 * JSON: `stages` with `prob_production`, `expected_cost`, `expected_npv`,
 * `npv_all_in` and `value_of_staging`. CSV: one `figure,value` row each.
 * @param[out] out The NUL-terminated document; set to NULL on failure.
 *             Ownership: the caller frees it with airoi_free().
 * @param[out] len_out Length of the document without the NUL; may be NULL.
 * @param[in] s Staging figures (airoi_staging_evaluate()); only read.
 * @param[in] format An #airoi_report_format.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p s, unknown format or #AIROI_REPORT_HTML, nonzero flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_report_write_staging(char **out, size_t *len_out, const airoi_staging *s,
                                         airoi_report_format format, unsigned flags);

/**
 * @brief Writes the report of break-even multipliers.
 *
 * JSON: `breakeven` with `values`, `costs`, `adoption_ceiling` (each the
 * value at which the base case's NPV is 0, or null when there is none in
 * the range searched, which `range` then gives as [low, high] under the same
 * key) and `inputs` (a list of {`input`, `multiplier`}, with `range` when
 * `multiplier` is null). CSV: one row per figure and input.
 * @param[out] out The NUL-terminated document; set to NULL on failure.
 *             Ownership: the caller frees it with airoi_free().
 * @param[out] len_out Length of the document without the NUL; may be NULL.
 * @param[in] b Break-even figures (airoi_breakeven_evaluate()); only read.
 * @param[in] format An #airoi_report_format.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p b, unknown format or #AIROI_REPORT_HTML, nonzero flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_report_write_breakeven(char **out, size_t *len_out, const airoi_breakeven *b,
                                           airoi_report_format format, unsigned flags);

AIROI_END_DECLS

#endif /* AIROI_REPORT_H */
