/**
 * @file result.h
 * @brief Validating and evaluating a project; reading metrics, TCO, findings and schedules.
 *
 * airoi_project_evaluate() applies the evaluation rules (written out with
 * their sources in docs/methodology.md, section 2) and returns an
 * #airoi_result: an immutable, caller-owned object that does not refer to the
 * project (it stays valid after the project changes or is freed) and may be
 * read from many threads at once. It holds a copy of the project settings
 * the evaluation used (airoi_result_get_number(), airoi_result_get_string()),
 * so that it describes itself: airoi_report_write() needs nothing else.
 *
 * Money figures are in the project currency and in units of the project's
 * #AIROI_PROJECT_UNIT, like the amounts of the model. Rates and ratios are
 * fractions (0.421 for 42.1%). Payback figures are in periods.
 */
#ifndef AIROI_RESULT_H
#define AIROI_RESULT_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/**
 * @brief Flags of airoi_project_evaluate().
 * @since 0.1
 */
typedef enum airoi_eval_flags {
    /** Plain evaluation of the model as given. */
    AIROI_EVAL_DEFAULT = 0,
    /** "Honest estimate": raise each cost category by the midpoint of its
     *  typical underestimate (docs/methodology.md, "Honest estimate")
     *  before computing anything. */
    AIROI_EVAL_HONEST_ESTIMATE = 1
} airoi_eval_flags;

/**
 * @brief Metrics of a result. Values are pinned; names are the JSON keys.
 * @since 0.1
 */
typedef enum airoi_metric {
    /** Net present value, sum of net_t / (1+r)^t, "npv". */
    AIROI_METRIC_NPV = 0x0B00,
    /** IRR of the net schedule as an annual rate, "irr". */
    AIROI_METRIC_IRR = 0x0B01,
    /** MIRR of the net schedule as an annual rate, "mirr". */
    AIROI_METRIC_MIRR = 0x0B02,
    /** First-year ROI: (benefits - costs) / costs over periods 0..min(1/y,
     *  horizon), the start (with its up-front investment) and the first
     *  year, "roi_basic". */
    AIROI_METRIC_ROI_BASIC = 0x0B03,
    /** (benefits - costs) / costs over periods 0..horizon, undiscounted, "roi_horizon". */
    AIROI_METRIC_ROI_HORIZON = 0x0B04,
    /** (E[sum benefits] - E[sum costs]) / E[sum costs] over scenarios, "roi_risk_adjusted". */
    AIROI_METRIC_ROI_RISK_ADJUSTED = 0x0B05,
    /** Probability-weighted NPV over scenarios, "expected_npv". */
    AIROI_METRIC_EXPECTED_NPV = 0x0B06,
    /** NPV / PV(costs), "npv_roi". */
    AIROI_METRIC_NPV_ROI = 0x0B07,
    /** PV(benefits) / PV(costs), "bcr". */
    AIROI_METRIC_BCR = 0x0B08,
    /** Payback in periods, "payback_periods". */
    AIROI_METRIC_PAYBACK_PERIODS = 0x0B09,
    /** Discounted payback in periods, "discounted_payback_periods". */
    AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS = 0x0B0A,
    /** Present value of costs, "pv_costs". */
    AIROI_METRIC_PV_COSTS = 0x0B0B,
    /** Present value of benefits, "pv_benefits". */
    AIROI_METRIC_PV_BENEFITS = 0x0B0C,
    /** Sum of costs over 0..horizon, "total_costs". */
    AIROI_METRIC_TOTAL_COSTS = 0x0B0D,
    /** Sum of benefits over 0..horizon, "total_benefits". */
    AIROI_METRIC_TOTAL_BENEFITS = 0x0B0E,
    /** total_costs / (horizon x y), the annualised view, "annual_costs". */
    AIROI_METRIC_ANNUAL_COSTS = 0x0B0F,
    /** total_benefits / (horizon x y), "annual_benefits". */
    AIROI_METRIC_ANNUAL_BENEFITS = 0x0B10,
    /** TCO: sum of all costs, "tco_total". */
    AIROI_METRIC_TCO_TOTAL = 0x0B11,
    /** Costs of the direct categories, "tco_direct". */
    AIROI_METRIC_TCO_DIRECT = 0x0B12,
    /** Costs of the hidden categories, "tco_hidden". */
    AIROI_METRIC_TCO_HIDDEN = 0x0B13,
    /** tco_hidden / tco_total, "tco_hidden_share". */
    AIROI_METRIC_TCO_HIDDEN_SHARE = 0x0B14,
    /** Present value of the TCO (= pv_costs), "tco_pv". */
    AIROI_METRIC_TCO_PV = 0x0B15,
    /** Probability-weighted sum of benefits over scenarios, "expected_benefits". */
    AIROI_METRIC_EXPECTED_BENEFITS = 0x0B16,
    /** Probability-weighted sum of costs over scenarios, "expected_costs". */
    AIROI_METRIC_EXPECTED_COSTS = 0x0B17,
    /** Costs of periods 0..min(1/y, horizon) (roi_basic's denominator), "first_year_costs". */
    AIROI_METRIC_FIRST_YEAR_COSTS = 0x0B18,
    /** Benefits of periods 0..min(1/y, horizon), "first_year_benefits". */
    AIROI_METRIC_FIRST_YEAR_BENEFITS = 0x0B19,
    /** Annualised ROI: (annual_benefits - annual_costs) / annual_costs, the
     *  horizon totals divided by the horizon's years (equal to roi_horizon;
     *  undefined for horizon 0); the figure compared with a benchmark's
     *  annual ROI range, "roi_annualised". */
    AIROI_METRIC_ROI_ANNUALISED = 0x0B1A
} airoi_metric;

/**
 * @brief Severity of an audit finding. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_severity {
    /** Worth knowing, "info". */
    AIROI_SEVERITY_INFO = 0x0C00,
    /** Likely to distort the business case, "warning". */
    AIROI_SEVERITY_WARNING = 0x0C01,
    /** The business case should not be trusted as is, "critical". */
    AIROI_SEVERITY_CRITICAL = 0x0C02
} airoi_severity;

/**
 * @brief Metric from its name ("npv", "roi_basic", ...).
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_metric; untouched on failure.
 * @param[in] name The name (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name.
 * @since 0.1
 */
AIROI_API int airoi_metric_from_name(airoi_metric *out, const char *name);

/**
 * @brief Name of a metric (its JSON key).
 * @param[in] metric An #airoi_metric.
 * @return The name, or NULL when @p metric is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_metric_name(airoi_metric metric);

/**
 * @brief Severity from its name ("info", "warning", "critical").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_severity; untouched on failure.
 * @param[in] name The name (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name.
 * @since 0.1
 */
AIROI_API int airoi_severity_from_name(airoi_severity *out, const char *name);

/**
 * @brief Name of a severity.
 * @param[in] severity An #airoi_severity.
 * @return The name, or NULL when @p severity is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_severity_name(airoi_severity severity);

/**
 * @brief Checks a project for the errors evaluation would report.
 *
 * Periods (`at`, `from`, `to`, the end of an explicit list) outside
 * 0..horizon, `to` < `from`, quantity without unit amount (or the reverse),
 * a `once` item with a list, a currency missing from the FX table, scenario
 * probabilities that do not sum to 1 within 1e-9, a multiplier target that
 * names nothing. Plausibility warnings (a discount rate of 10 where 0.10 was
 * meant, ...) are not errors and are not reported here: airoi_model_validate()
 * lists them.
 *
 * Ownership: @p p is only read (borrowed for the call); nothing is retained.
 * @param[in] p The project.
 * @retval AIROI_OK The project can be evaluated.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_MODEL The model is inconsistent; the message names the
 *         item or scenario and the field in the words the model-file loader
 *         uses for the same rule (`cost item 'Build': at: period 4 is
 *         outside the horizon 0..3`, where a file gets
 *         `costs[0].at: period 4 is outside the horizon 0..3`).
 * @retval AIROI_ERR_LIMIT Items x (horizon + 1) x (scenarios + 1) is above
 *         #AIROI_EVAL_MAX_CELLS.
 * @since 0.1
 */
AIROI_API int airoi_project_validate(const airoi_project *p);

/**
 * @brief Evaluates a project.
 *
 * With @p scenario NULL, the metrics and schedule are those of the base case
 * (no multipliers, no delay) and the result holds one sub-result per
 * scenario (airoi_result_get_scenario()) plus the audit findings. With a
 * scenario name, the metrics and schedule are that scenario's and there are
 * no sub-results or findings. expected_npv, expected_benefits,
 * expected_costs and roi_risk_adjusted are always over all scenarios.
 *
 * Ownership: the caller owns @p *out and frees it with airoi_result_free().
 * @param[out] out The result; set to NULL on failure.
 * @param[in] p The project.
 * @param[in] scenario Scenario name, or NULL for the base case.
 * @param[in] flags #airoi_eval_flags, or-ed.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p p, unknown flags.
 * @retval AIROI_ERR_NOT_FOUND No scenario named @p scenario.
 * @retval AIROI_ERR_MODEL The model is inconsistent (see airoi_project_validate()).
 * @retval AIROI_ERR_RANGE A flow, total, metric or expectation overflows;
 *         the message names it and the scenario.
 * @retval AIROI_ERR_LIMIT Items x (horizon + 1) x (scenarios + 1) is above
 *         #AIROI_EVAL_MAX_CELLS.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_evaluate(airoi_result **out, const airoi_project *p,
                                     const char *scenario, unsigned flags);

/**
 * @brief Frees a result with its sub-results and schedules.
 *
 * Ownership: takes back a result the caller owns; its schedule, sub-results
 * and every string borrowed from it become invalid.
 * @param[in] r A result from airoi_project_evaluate(), or NULL (then nothing
 *            happens). A sub-result (airoi_result_get_scenario()) is
 *            owned by its result: passing one (after casting away its
 *            `const`) does nothing, and it is freed with its result.
 * @since 0.1
 */
AIROI_API void airoi_result_free(airoi_result *r);

/**
 * @brief Reads a metric.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] r The result.
 * @param[in] metric An #airoi_metric.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown metric.
 * @retval AIROI_ERR_NO_SOLUTION IRR or MIRR has no solution (null in JSON).
 * @retval AIROI_ERR_UNDEFINED Payback is never reached, or a ratio's
 *         denominator is 0 (costs 0, horizon 0 for annual figures) (null in JSON).
 * @since 0.1
 */
AIROI_API int airoi_result_get_metric(double *out, const airoi_result *r, airoi_metric metric);

/**
 * @brief Reads a metric by its JSON key ("npv", "irr", "payback_periods", ...).
 *
 * airoi_metric_from_name() then airoi_result_get_metric(), in one call: the
 * name is the key of the metric in a JSON report (airoi_metric_name()).
 * Ownership: @p r and @p name are only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] r The result.
 * @param[in] name The metric's JSON key.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND No metric has that key (the message lists them).
 * @retval AIROI_ERR_NO_SOLUTION As airoi_result_get_metric().
 * @retval AIROI_ERR_UNDEFINED As airoi_result_get_metric().
 * @since 0.1
 */
AIROI_API int airoi_result_get_metric_by_name(double *out, const airoi_result *r,
                                              const char *name);

/**
 * @brief Total cost of one category over periods 0..horizon.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The total; untouched on failure.
 * @param[in] r The result.
 * @param[in] category An #airoi_category.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown category.
 * @since 0.1
 */
AIROI_API int airoi_result_get_tco_category(double *out, const airoi_result *r,
                                            airoi_category category);

/**
 * @brief Total benefit of one dimension over periods 0..horizon.
 *
 * Non-monetized strategic value is not a benefit and is reported by
 * airoi_result_get_strategic_value() instead.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The total; untouched on failure.
 * @param[in] r The result.
 * @param[in] dimension An #airoi_dimension.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown dimension.
 * @since 0.1
 */
AIROI_API int airoi_result_get_value_dimension(double *out, const airoi_result *r,
                                               airoi_dimension dimension);

/**
 * @brief Total of the strategic value that is not monetized (shown, never counted).
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The total over periods 0..horizon; untouched on failure.
 * @param[in] r The result.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @since 0.1
 */
AIROI_API int airoi_result_get_strategic_value(double *out, const airoi_result *r);

/**
 * @brief The flags the result was evaluated with.
 *
 * Ownership: @p r is only read (borrowed for the call).
 * @param[in] r The result.
 * @return The #airoi_eval_flags, 0 for a NULL result.
 * @since 0.1
 */
AIROI_API unsigned airoi_result_get_flags(const airoi_result *r);

/**
 * @brief A numeric project setting as it was when the result was computed.
 *
 * Evaluation copies every project setting it uses into the result, so that
 * the result (and a report of it, airoi_report_write()) describes itself:
 * changing the project afterwards, or freeing it, changes nothing here. The
 * values read like airoi_project_get_number() read them at evaluation time;
 * unset finance and reinvestment rates read as the discount rate. A
 * sub-result (airoi_result_get_scenario()) has the settings of its parent.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] r The result.
 * @param[in] param An #airoi_project_param that is not a string parameter.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, unknown or string parameter.
 * @retval AIROI_ERR_NOT_FOUND @p param is #AIROI_PROJECT_START and the
 *         project had no start date.
 * @since 0.1
 */
AIROI_API int airoi_result_get_number(double *out, const airoi_result *r,
                                      airoi_project_param param);

/**
 * @brief A string project setting as it was when the result was computed.
 *
 * The copy that airoi_result_get_number() describes, for the string
 * parameters.
 * @param[in] r The result.
 * @param[in] param #AIROI_PROJECT_NAME, #AIROI_PROJECT_CURRENCY or #AIROI_PROJECT_USE_CASE.
 * @return The value, or NULL when it was unset, when @p r is NULL or @p
 *         param is not a string parameter. Ownership: borrowed from @p r
 *         (from its top-level result for a sub-result), valid while it lives.
 * @since 0.1
 */
AIROI_API const char *airoi_result_get_string(const airoi_result *r, airoi_project_param param);

/**
 * @brief The result's cash-flow schedule.
 * @param[in] r The result.
 * @return The schedule, or NULL for a NULL result. Ownership: borrowed from
 *         @p r, valid while @p r lives (copy it with airoi_schedule_clone()).
 * @since 0.1
 */
AIROI_API const airoi_schedule *airoi_result_get_schedule(const airoi_result *r);

/**
 * @brief Number of per-scenario sub-results.
 *
 * Ownership: @p r is only read (borrowed for the call).
 * @param[in] r The result (NULL gives 0).
 * @return The number of scenarios of the project for a base-case result, 0
 *         for a result of one scenario and for sub-results.
 * @since 0.1
 */
AIROI_API size_t airoi_result_count_scenarios(const airoi_result *r);

/**
 * @brief The i-th per-scenario sub-result, in the project's scenario order.
 * @param[in] r The result.
 * @param[in] i Index below airoi_result_count_scenarios().
 * @return The sub-result, or NULL past the end. Ownership: borrowed from
 *         @p r, valid until @p r is freed; it is `const` because it cannot
 *         be freed on its own (airoi_result_free() ignores it).
 * @since 0.1
 */
AIROI_API const airoi_result *airoi_result_get_scenario(const airoi_result *r, size_t i);

/**
 * @brief Finds a per-scenario sub-result by the scenario's name.
 *
 * Ownership: @p r and @p name are only read; @p *out is borrowed from @p r,
 * valid until @p r is freed (as from airoi_result_get_scenario()).
 * @param[out] out The sub-result; set to NULL on failure.
 * @param[in] r A base-case result (a sub-result has no sub-results of its own).
 * @param[in] name The scenario's name, as in the project.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND No sub-result of @p r has that name.
 * @since 0.1
 */
AIROI_API int airoi_result_find_scenario(const airoi_result **out, const airoi_result *r,
                                         const char *name);

/**
 * @brief The plan behind an honest-estimate result.
 *
 * A result evaluated with #AIROI_EVAL_HONEST_ESTIMATE keeps the same
 * evaluation without it (the same project settings and scenario, costs as
 * planned), so that plan and honest estimate can be shown side by side
 * (airoi_report_write(), #AIROI_REPORT_HONEST).
 * @param[in] r The result.
 * @return The plan's result, or NULL when @p r is NULL or was not evaluated
 *         with #AIROI_EVAL_HONEST_ESTIMATE. Ownership: borrowed from @p r,
 *         valid until @p r is freed; airoi_result_free() ignores it.
 * @since 0.1
 */
AIROI_API const airoi_result *airoi_result_get_plan(const airoi_result *r);

/**
 * @brief Name of the scenario a result is for.
 * @param[in] r The result.
 * @return The scenario name, or NULL for a base-case result. Ownership:
 *         borrowed from @p r.
 * @since 0.1
 */
AIROI_API const char *airoi_result_get_scenario_name(const airoi_result *r);

/**
 * @brief Probability of the scenario a result is for.
 *
 * Ownership: @p r is only read; the value is copied to @p *out.
 * @param[out] out The probability; untouched on failure.
 * @param[in] r The result.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND @p r is a base-case result.
 * @since 0.1
 */
AIROI_API int airoi_result_get_probability(double *out, const airoi_result *r);

/**
 * @brief Number of audit findings (base-case results only; 0 otherwise).
 *
 * Ownership: @p r is only read (borrowed for the call).
 * @param[in] r The result (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_result_count_findings(const airoi_result *r);

/**
 * @brief Code of the i-th finding (e.g. "MAINTENANCE_MISSING").
 * @param[in] r The result.
 * @param[in] i Index below airoi_result_count_findings().
 * @return The code, or NULL past the end. Ownership: borrowed from @p r.
 * @since 0.1
 */
AIROI_API const char *airoi_result_get_finding_code(const airoi_result *r, size_t i);

/**
 * @brief Severity of the i-th finding.
 *
 * Ownership: @p r is only read; the severity is copied to @p *out.
 * @param[out] out The #airoi_severity; untouched on failure.
 * @param[in] r The result.
 * @param[in] i Index below airoi_result_count_findings().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_result_get_finding_severity(airoi_severity *out, const airoi_result *r,
                                                size_t i);

/**
 * @brief Readable English message of the i-th finding, with its numbers.
 * @param[in] r The result.
 * @param[in] i Index below airoi_result_count_findings().
 * @return The message, or NULL past the end. Ownership: borrowed from @p r.
 * @since 0.1
 */
AIROI_API const char *airoi_result_get_finding_message(const airoi_result *r, size_t i);

/**
 * @brief What the i-th finding is about: an item, category, dimension or use case name.
 * @param[in] r The result.
 * @param[in] i Index below airoi_result_count_findings().
 * @return The subject, or NULL when the finding is about the whole project
 *         or @p i is past the end. Ownership: borrowed from @p r.
 * @since 0.1
 */
AIROI_API const char *airoi_result_get_finding_subject(const airoi_result *r, size_t i);

/**
 * @brief The numbers behind the i-th finding: the project's figure and the reference.
 *
 * Ownership: @p r is only read; the numbers are copied to @p *actual and @p
 * *reference.
 * @param[out] actual The project's figure (e.g. the hidden-cost share); may be NULL.
 * @param[out] reference The reference it was compared with (e.g. 0.40); may be NULL.
 * @param[in] r The result.
 * @param[in] i Index below airoi_result_count_findings().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p r.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_result_get_finding_numbers(double *actual, double *reference,
                                               const airoi_result *r, size_t i);

AIROI_END_DECLS

#endif /* AIROI_RESULT_H */
