/**
 * @file tracking.h
 * @brief Plan against actual: actuals, re-forecasts, leading indicators and
 *        gate reviews.
 *
 * A project records what really happened (actuals: the final cash flow of
 * an item in a period), leading indicators measured per period, and, on its
 * stages, the criteria its gates are judged by. airoi_project_track()
 * compares the actuals with the plan (the base case) up to the period
 * `as_of`, re-forecasts the rest (plan, and plan scaled by each item's run
 * rate), reads every indicator's status and every gate's decision. Every
 * rule is in docs/methodology.md\#tracking; the model keys are in
 * docs/model-format.md\#tracking.
 *
 * Threads: the setters change their project (one thread at a time); a
 * tracking handle is immutable and may be read from many threads.
 */
#ifndef AIROI_TRACKING_H
#define AIROI_TRACKING_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/common.h"
#include "airoi/items.h"
#include "airoi/project.h"
#include "airoi/report.h"
#include "airoi/result.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The tracking of a project: actuals against plan, indicators and
 *        gates (opaque, immutable).
 * @since 0.1
 */
typedef struct airoi_tracking airoi_tracking;

/**
 * @brief Which way an indicator is good (model key `direction`).
 * @since 0.1
 */
typedef enum airoi_indicator_direction {
    /** Higher is better (`up`, the default): thresholds `at_risk_below`, `off_track_below`. */
    AIROI_DIRECTION_UP = 0x3200,
    /** Lower is better (`down`: error rates, drift): `at_risk_above`, `off_track_above`. */
    AIROI_DIRECTION_DOWN = 0x3201
} airoi_indicator_direction;

/**
 * @brief Status of an indicator's value in a period.
 * @since 0.1
 */
typedef enum airoi_indicator_status {
    /** Neither threshold is passed (`on_track`). */
    AIROI_INDICATOR_ON_TRACK = 0x3300,
    /** Past the at-risk threshold, not past the off-track one (`at_risk`). */
    AIROI_INDICATOR_AT_RISK = 0x3301,
    /** Past the off-track threshold (`off_track`). */
    AIROI_INDICATOR_OFF_TRACK = 0x3302
} airoi_indicator_status;

/**
 * @brief The decision a gate review reads.
 * @since 0.1
 */
typedef enum airoi_gate_status {
    /** Every criterion met (`go`). */
    AIROI_GATE_GO = 0x3400,
    /** The stage is over and some criterion was not met (`no_go`). */
    AIROI_GATE_NO_GO = 0x3401,
    /** Neither yet (`pending`). */
    AIROI_GATE_PENDING = 0x3402
} airoi_gate_status;

/**
 * @brief How a gate criterion compares an indicator with its threshold.
 * @since 0.1
 */
typedef enum airoi_criterion_kind {
    /** The value is at least the threshold (`at_least`). */
    AIROI_CRITERION_AT_LEAST = 0x3500,
    /** The value is at most the threshold (`at_most`). */
    AIROI_CRITERION_AT_MOST = 0x3501
} airoi_criterion_kind;

/**
 * @brief Figures of a tracking, read with airoi_tracking_get_number().
 *
 * Money is in the project currency; "to date" means periods 0..as_of.
 * @since 0.1
 */
typedef enum airoi_tracking_figure {
    /** The period up to which actuals are complete (-1: none). */
    AIROI_TRACKING_AS_OF = 0x3600,
    /** Actual costs to date (periods without an actual count their plan). */
    AIROI_TRACKING_COSTS = 0x3601,
    /** Actual benefits to date. */
    AIROI_TRACKING_BENEFITS = 0x3602,
    /** Actual net (benefits - costs) to date. */
    AIROI_TRACKING_NET = 0x3603,
    /** (benefits - costs) / costs to date; undefined when the costs are 0. */
    AIROI_TRACKING_ROI = 0x3604,
    /** Planned costs to date. */
    AIROI_TRACKING_PLANNED_COSTS = 0x3605,
    /** Planned benefits to date. */
    AIROI_TRACKING_PLANNED_BENEFITS = 0x3606,
    /** Planned net to date. */
    AIROI_TRACKING_PLANNED_NET = 0x3607,
    /** Payback of the plan in periods; undefined when never. */
    AIROI_TRACKING_PAYBACK_PLANNED = 0x3608,
    /** Payback of the re-forecast in periods; undefined when never. */
    AIROI_TRACKING_PAYBACK_REFORECAST = 0x3609,
    /** The period gates are judged at (-1: no indicator value). */
    AIROI_TRACKING_GATES_AS_OF = 0x360A
} airoi_tracking_figure;

/**
 * @brief Settings of the tracking of a project (model section `tracking`).
 * @since 0.1
 */
typedef enum airoi_tracking_param {
    /** `as_of`: actuals are complete up to this period (default: the last with an actual). */
    AIROI_TRACKING_PARAM_AS_OF = 0x3700,
    /** `gates_as_of`: gates are judged at this period (default: the last indicator value). */
    AIROI_TRACKING_PARAM_GATES_AS_OF = 0x3701
} airoi_tracking_param;

/* ---- building the tracking data of a project ---------------------------------- */

/**
 * @brief Records an actual: the final cash flow of an item in a period, in
 *        the item's currency and the project's unit.
 *
 * Several records of one item and period add up.
 * Ownership: @p item is copied; @p p keeps the record.
 * @param[in,out] p The project.
 * @param[in] period The period, 0..horizon.
 * @param[in] item The name of a cost or value item of @p p.
 * @param[in] amount The amount, finite.
 * @retval AIROI_OK Recorded.
 * @retval AIROI_ERR_INVALID A NULL argument, a period outside 0..horizon or a non-finite amount.
 * @retval AIROI_ERR_NOT_FOUND @p p has no item named @p item.
 * @retval AIROI_ERR_LIMIT The project has #AIROI_ACTUALS_MAX actuals.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_actual(airoi_project *p, int32_t period, const char *item,
                                       double amount);

/**
 * @brief Number of actual records of a project.
 * Ownership: @p p is only read.
 * @param[in] p The project (NULL: 0).
 * @return The number of records.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_actuals(const airoi_project *p);

/**
 * @brief Reads actual record @p i.
 * Ownership: @p *item is borrowed from @p p (valid until it changes).
 * @param[out] period The period; may be NULL.
 * @param[out] item The item's name; may be NULL.
 * @param[out] amount The amount; may be NULL.
 * @param[in] p The project.
 * @param[in] i The record, 0..count-1.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_project_get_actual(int32_t *period, const char **item, double *amount,
                                       const airoi_project *p, size_t i);

/**
 * @brief Sets a tracking setting (`as_of`, `gates_as_of`): a whole period >= 0.
 *
 * `as_of` must lie within the horizon the project has when it is set (set
 * the horizon first); airoi_project_track() checks both settings again
 * against the horizon and the stage plan of that time.
 * Ownership: @p p keeps the value.
 * @param[in,out] p The project.
 * @param[in] param The setting.
 * @param[in] v The period.
 * @retval AIROI_OK Set.
 * @retval AIROI_ERR_INVALID NULL @p p, an unknown @p param, a value that is not a whole period >= 0, or an `as_of` past the horizon.
 * @since 0.1
 */
AIROI_API int airoi_project_set_tracking(airoi_project *p, airoi_tracking_param param, double v);

/**
 * @brief Reads a tracking setting.
 * Ownership: @p p is only read.
 * @param[out] out The period.
 * @param[in] p The project.
 * @param[in] param The setting.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID A NULL argument or an unknown @p param.
 * @retval AIROI_ERR_UNDEFINED The setting is not set (its default applies).
 * @since 0.1
 */
AIROI_API int airoi_project_get_tracking(double *out, const airoi_project *p,
                                         airoi_tracking_param param);

/**
 * @brief Adds a leading indicator.
 * Ownership: @p name is copied.
 * @param[in,out] p The project.
 * @param[in] name Its name, unique among the project's indicators.
 * @param[in] direction Which way is good.
 * @param[in] target The target value, finite.
 * @retval AIROI_OK Added.
 * @retval AIROI_ERR_INVALID A NULL or empty name, a duplicate name, an unknown direction or a non-finite target.
 * @retval AIROI_ERR_LIMIT More than AIROI_INDICATORS_MAX indicators.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_indicator(airoi_project *p, const char *name,
                                          airoi_indicator_direction direction, double target);

/** @brief Most indicators a project may have. @since 0.1 */
#define AIROI_INDICATORS_MAX 1000

/** @brief Most indicator values a project may hold, all its indicators together. @since 0.1 */
#define AIROI_INDICATOR_VALUES_MAX 1000000

/** @brief Most actuals (recorded rows) a project may hold. @since 0.1 */
#define AIROI_ACTUALS_MAX 1000000

/** @brief Most gate criteria a project may hold, all its stages together. @since 0.1 */
#define AIROI_CRITERIA_MAX 10000

/**
 * @brief Sets an indicator's at-risk or off-track threshold.
 *
 * A threshold may not lie on the wrong side of the target (above it for an
 * `up` indicator, below for `down`), and the off-track threshold not on the
 * good side of the at-risk one.
 * Ownership: @p p keeps the value.
 * @param[in,out] p The project.
 * @param[in] name The indicator.
 * @param[in] status AIROI_INDICATOR_AT_RISK or AIROI_INDICATOR_OFF_TRACK.
 * @param[in] threshold The threshold, finite.
 * @retval AIROI_OK Set.
 * @retval AIROI_ERR_INVALID A NULL argument, another status, or a threshold that is not finite or on the wrong side.
 * @retval AIROI_ERR_NOT_FOUND No indicator named @p name.
 * @since 0.1
 */
AIROI_API int airoi_project_set_indicator_threshold(airoi_project *p, const char *name,
                                                    airoi_indicator_status status,
                                                    double threshold);

/**
 * @brief Records an indicator's value in a period (on the stage plan when
 *        the project has stages).
 * Ownership: @p p keeps the value.
 * @param[in,out] p The project.
 * @param[in] name The indicator.
 * @param[in] period The period, >= 0.
 * @param[in] value The value, finite.
 * @retval AIROI_OK Recorded.
 * @retval AIROI_ERR_INVALID A NULL argument, a negative period, a period that already has a value or a non-finite value.
 * @retval AIROI_ERR_NOT_FOUND No indicator named @p name.
 * @retval AIROI_ERR_LIMIT The project's indicators have #AIROI_INDICATOR_VALUES_MAX values.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_indicator_value(airoi_project *p, const char *name,
                                                int32_t period, double value);

/**
 * @brief Number of indicators of a project.
 * Ownership: @p p is only read.
 * @param[in] p The project (NULL: 0).
 * @return The number of indicators.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_indicators(const airoi_project *p);

/**
 * @brief Reads indicator @p i of a project.
 * Ownership: @p *name is borrowed from @p p.
 * @param[out] name Its name; may be NULL.
 * @param[out] direction Its direction; may be NULL.
 * @param[out] target Its target; may be NULL.
 * @param[out] at_risk Its at-risk threshold; may be NULL.
 * @param[out] off_track Its off-track threshold; may be NULL.
 * @param[out] set Bit 0: the at-risk threshold is set, bit 1: the off-track one; may be NULL.
 * @param[in] p The project.
 * @param[in] i The indicator.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_project_get_indicator(const char **name, airoi_indicator_direction *direction,
                                          double *target, double *at_risk, double *off_track,
                                          int *set, const airoi_project *p, size_t i);

/**
 * @brief Number of values of indicator @p i (in period order).
 * Ownership: @p p is only read.
 * @param[in] p The project (NULL: 0).
 * @param[in] i The indicator (out of range: 0).
 * @return The number of values.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_indicator_values(const airoi_project *p, size_t i);

/**
 * @brief Reads value @p j of indicator @p i (in period order).
 * Ownership: @p p is only read.
 * @param[out] period The period; may be NULL.
 * @param[out] value The value; may be NULL.
 * @param[in] p The project.
 * @param[in] i The indicator.
 * @param[in] j The value.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_RANGE @p i or @p j out of range.
 * @since 0.1
 */
AIROI_API int airoi_project_get_indicator_value(int32_t *period, double *value,
                                                const airoi_project *p, size_t i, size_t j);

/**
 * @brief Adds a criterion to a stage's gate: the indicator must meet the
 *        threshold in @p for_periods consecutive periods of the stage.
 * Ownership: @p indicator is copied.
 * @param[in,out] p The project.
 * @param[in] stage The stage's index (airoi_project_add_stage() order).
 * @param[in] indicator The name of an indicator of @p p.
 * @param[in] kind At least or at most.
 * @param[in] threshold The threshold, finite.
 * @param[in] for_periods Consecutive periods required, 1 to 1,000,000 (as in a model file).
 * @retval AIROI_OK Added.
 * @retval AIROI_ERR_INVALID A NULL argument, an unknown kind, a non-finite threshold or @p for_periods
 *         outside 1..1,000,000.
 * @retval AIROI_ERR_RANGE No stage @p stage.
 * @retval AIROI_ERR_NOT_FOUND No indicator named @p indicator.
 * @retval AIROI_ERR_LIMIT The project's gates have #AIROI_CRITERIA_MAX criteria.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_criterion(airoi_project *p, size_t stage, const char *indicator,
                                          airoi_criterion_kind kind, double threshold,
                                          int32_t for_periods);

/**
 * @brief Number of criteria of stage @p stage.
 * Ownership: @p p is only read.
 * @param[in] p The project (NULL: 0).
 * @param[in] stage The stage (out of range: 0).
 * @return The number of criteria.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_criteria(const airoi_project *p, size_t stage);

/**
 * @brief Reads criterion @p j of stage @p stage.
 * Ownership: @p *indicator is borrowed from @p p.
 * @param[out] indicator The indicator's name; may be NULL.
 * @param[out] kind At least or at most; may be NULL.
 * @param[out] threshold The threshold; may be NULL.
 * @param[out] for_periods Consecutive periods required; may be NULL.
 * @param[in] p The project.
 * @param[in] stage The stage.
 * @param[in] j The criterion.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_RANGE @p stage or @p j out of range.
 * @since 0.1
 */
AIROI_API int airoi_project_get_criterion(const char **indicator, airoi_criterion_kind *kind,
                                          double *threshold, int32_t *for_periods,
                                          const airoi_project *p, size_t stage, size_t j);

/* ---- the tracking ---------------------------------------------------------------- */

/**
 * @brief Tracks a project: actuals against plan, re-forecasts, indicators
 *        and gates (docs/methodology.md\#tracking).
 * Ownership: the caller frees @p *out with airoi_tracking_free(); @p p is
 * only read and may change or be freed afterwards.
 * @param[out] out The tracking; NULL on failure.
 * @param[in] p The project.
 * @param[in] flags 0.
 * @retval AIROI_OK Tracked.
 * @retval AIROI_ERR_INVALID A NULL argument or unknown flags.
 * @retval AIROI_ERR_MODEL The project is invalid (e.g. `as_of` past the horizon, an actual of a removed item).
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_track(airoi_tracking **out, const airoi_project *p, unsigned flags);

/**
 * @brief Frees a tracking (NULL is fine).
 * Ownership: every pointer borrowed from @p t becomes invalid.
 * @param[in] t The tracking.
 * @since 0.1
 */
AIROI_API void airoi_tracking_free(airoi_tracking *t);

/**
 * @brief Reads a figure of a tracking.
 * Ownership: @p t is only read.
 * @param[out] out The figure.
 * @param[in] t The tracking.
 * @param[in] figure The figure.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID A NULL argument or an unknown figure.
 * @retval AIROI_ERR_UNDEFINED The figure is undefined (ROI with no costs, payback never reached).
 * @since 0.1
 */
AIROI_API int airoi_tracking_get_number(double *out, const airoi_tracking *t,
                                        airoi_tracking_figure figure);

/**
 * @brief The plan: the base-case evaluation, with its findings (among them
 *        `ACTUAL_MISSING`).
 * Ownership: borrowed from @p t.
 * @param[in] t The tracking.
 * @return The result, or NULL for NULL @p t.
 * @since 0.1
 */
AIROI_API const airoi_result *airoi_tracking_get_plan(const airoi_tracking *t);

/**
 * @brief A re-forecast: actuals to date then the plan (@p run_rate 0), or
 *        then the plan times each item's run rate (@p run_rate 1); read its
 *        metrics and schedule with the result API.
 * Ownership: borrowed from @p t.
 * @param[in] t The tracking.
 * @param[in] run_rate 0: re-forecast; 1: run-rate re-forecast.
 * @return The result, or NULL for NULL @p t.
 * @since 0.1
 */
AIROI_API const airoi_result *airoi_tracking_get_reforecast(const airoi_tracking *t, int run_rate);

/**
 * @brief Number of variance rows (items with a non-zero actual or plan to date).
 * Ownership: @p t is only read.
 * @param[in] t The tracking (NULL: 0).
 * @return The number of rows.
 * @since 0.1
 */
AIROI_API size_t airoi_tracking_count_variances(const airoi_tracking *t);

/**
 * @brief Reads variance row @p i (variance = actual - planned).
 * Ownership: @p *item is borrowed from @p t.
 * @param[out] item The item's name; may be NULL.
 * @param[out] kind Cost or value; may be NULL.
 * @param[out] klass Its airoi_category (cost) or airoi_dimension (value); may be NULL.
 * @param[out] actual Actual flows to date; may be NULL.
 * @param[out] planned Planned flows to date; may be NULL.
 * @param[in] t The tracking.
 * @param[in] i The row.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p t.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_tracking_get_variance(const char **item, airoi_item_kind *kind, int *klass,
                                          double *actual, double *planned,
                                          const airoi_tracking *t, size_t i);

/**
 * @brief Number of indicators of a tracking.
 * Ownership: @p t is only read.
 * @param[in] t The tracking (NULL: 0).
 * @return The number of indicators.
 * @since 0.1
 */
AIROI_API size_t airoi_tracking_count_indicators(const airoi_tracking *t);

/**
 * @brief Reads indicator @p i: its latest value and that value's status.
 * Ownership: @p *name is borrowed from @p t.
 * @param[out] name Its name; may be NULL.
 * @param[out] target Its target; may be NULL.
 * @param[out] latest The latest value; may be NULL.
 * @param[out] latest_period Its period; may be NULL.
 * @param[out] status Its status; may be NULL.
 * @param[in] t The tracking.
 * @param[in] i The indicator.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p t.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @retval AIROI_ERR_UNDEFINED The indicator has no value (name and target are set).
 * @since 0.1
 */
AIROI_API int airoi_tracking_get_indicator(const char **name, double *target, double *latest,
                                           int32_t *latest_period, airoi_indicator_status *status,
                                           const airoi_tracking *t, size_t i);

/**
 * @brief Reads the status of value @p j of indicator @p i (values in period order).
 * Ownership: @p t is only read.
 * @param[out] period The period; may be NULL.
 * @param[out] value The value; may be NULL.
 * @param[out] status Its status; may be NULL.
 * @param[in] t The tracking.
 * @param[in] i The indicator.
 * @param[in] j The value (airoi_project_count_indicator_values() of the tracked project).
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p t.
 * @retval AIROI_ERR_RANGE @p i or @p j out of range.
 * @since 0.1
 */
AIROI_API int airoi_tracking_get_indicator_period(int32_t *period, double *value,
                                                  airoi_indicator_status *status,
                                                  const airoi_tracking *t, size_t i, size_t j);

/**
 * @brief Number of values of indicator @p i in a tracking.
 * Ownership: @p t is only read.
 * @param[in] t The tracking (NULL: 0).
 * @param[in] i The indicator (out of range: 0).
 * @return The number of values.
 * @since 0.1
 */
AIROI_API size_t airoi_tracking_count_indicator_periods(const airoi_tracking *t, size_t i);

/**
 * @brief Number of gates (one per stage).
 * Ownership: @p t is only read.
 * @param[in] t The tracking (NULL: 0).
 * @return The number of gates.
 * @since 0.1
 */
AIROI_API size_t airoi_tracking_count_gates(const airoi_tracking *t);

/**
 * @brief Reads gate @p i.
 * Ownership: @p *name is borrowed from @p t.
 * @param[out] name The stage's name; may be NULL.
 * @param[out] status Its decision; may be NULL.
 * @param[out] expected_npv_continue Expected NPV of continuing from this stage, discounted to its start; may be NULL.
 * @param[out] has_expected_npv 1 when the previous one is defined (this stage is the first
 *             not `go` or after it), else 0; may be NULL.
 * @param[in] t The tracking.
 * @param[in] i The gate.
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p t.
 * @retval AIROI_ERR_RANGE @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_tracking_get_gate(const char **name, airoi_gate_status *status,
                                      double *expected_npv_continue, int *has_expected_npv,
                                      const airoi_tracking *t, size_t i);

/**
 * @brief Reads the evidence of criterion @p j of gate @p i: every period of
 *        the stage up to `gates_as_of` whose value met the threshold.
 * Ownership: @p *indicator is borrowed from @p t; the periods are copied to @p buf.
 * @param[out] indicator The criterion's indicator; may be NULL.
 * @param[out] threshold Its threshold; may be NULL.
 * @param[out] buf The periods, in order; NULL with @p cap 0 asks only their number.
 * @param[in] cap Room in @p buf.
 * @param[out] len_out The number of periods; may be NULL.
 * @param[in] t The tracking.
 * @param[in] i The gate.
 * @param[in] j The criterion (airoi_project_count_criteria()).
 * @retval AIROI_OK Read.
 * @retval AIROI_ERR_INVALID NULL @p t.
 * @retval AIROI_ERR_RANGE @p i or @p j out of range.
 * @retval AIROI_ERR_BUFFER @p cap is too small (@p len_out says how many).
 * @since 0.1
 */
AIROI_API int airoi_tracking_get_evidence(const char **indicator, double *threshold, int32_t *buf,
                                          size_t cap, size_t *len_out, const airoi_tracking *t,
                                          size_t i, size_t j);

/**
 * @brief Number of criteria of gate @p i in a tracking.
 * Ownership: @p t is only read.
 * @param[in] t The tracking (NULL: 0).
 * @param[in] i The gate (out of range: 0).
 * @return The number of criteria.
 * @since 0.1
 */
AIROI_API size_t airoi_tracking_count_criteria(const airoi_tracking *t, size_t i);

/**
 * @brief Writes the tracking report (`airoi track`): text, JSON, CSV,
 *        Markdown or HTML (docs/reports.md\#tracking).
 * Ownership: the caller frees @p *out with airoi_free().
 * @param[out] out The report, NUL-terminated; NULL on failure.
 * @param[out] len_out Its length without the NUL; may be NULL.
 * @param[in] t The tracking.
 * @param[in] format The format.
 * @param[in] flags 0.
 * @retval AIROI_OK Written.
 * @retval AIROI_ERR_INVALID A NULL argument, an unknown format or unknown flags.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_tracking_report_write(char **out, size_t *len_out, const airoi_tracking *t,
                                          airoi_report_format format, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif /* AIROI_TRACKING_H */
