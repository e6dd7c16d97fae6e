/**
 * @file benchmark.h
 * @brief The built-in use-case benchmark table (docs/methodology.md) and a project's place in it.
 *
 * Keys, in table order (index 0..7), with the aliases airoi_benchmark_find()
 * also accepts:
 * | key | label | aliases |
 * | --- | --- | --- |
 * | `process_automation` | process automation (RPA + AI) | `rpa`, `automation` |
 * | `predictive_maintenance` | predictive maintenance | `maintenance` |
 * | `churn_prediction` | churn prediction | `churn` |
 * | `recommendation` | recommendation | `recommendations`, `recommender` |
 * | `customer_service` | intelligent customer service | `intelligent_customer_service`, `chatbot` |
 * | `quality_inspection` | AI quality inspection | `ai_quality_inspection`, `visual_inspection`, `inspection` |
 * | `demand_forecasting` | demand forecasting | `forecasting` |
 * | `fraud_aml` | fraud / anti-money-laundering | `fraud`, `aml`, `anti_money_laundering`, `fraud_detection` |
 *
 * Ranges: investment in units of 10,000 TWD, annual ROI as a fraction (0.8
 * for 80%), payback in months. The table is static and thread-safe.
 */
#ifndef AIROI_BENCHMARK_H
#define AIROI_BENCHMARK_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/**
 * @brief The compared figures of a benchmark row. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_benchmark_field {
    /** Annual ROI (fraction), compared with the project's annualised ROI
     *  (#AIROI_METRIC_ROI_ANNUALISED: horizon totals divided by the
     *  horizon's years), not with its first-year ROI. */
    AIROI_BENCHMARK_ROI = 0x0F00,
    /** Payback in months, compared with payback_periods x 12 y. */
    AIROI_BENCHMARK_PAYBACK = 0x0F01,
    /** Investment in 10,000 TWD, compared with the project's total costs
     *  converted through the unit and the TWD exchange rate. */
    AIROI_BENCHMARK_INVESTMENT = 0x0F02
} airoi_benchmark_field;

/**
 * @brief Where a project falls relative to a benchmark range. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_benchmark_position {
    /** Below the range's low end. */
    AIROI_BENCHMARK_BELOW = 0x1200,
    /** Within the range, ends included. */
    AIROI_BENCHMARK_WITHIN = 0x1201,
    /** Above the range's high end. */
    AIROI_BENCHMARK_ABOVE = 0x1202
} airoi_benchmark_position;

/**
 * @brief Number of rows of the benchmark table.
 * @return The count (8 in this release).
 * @since 0.1
 */
AIROI_API size_t airoi_benchmark_count(void);

/**
 * @brief Key of the i-th benchmark row (e.g. "fraud_aml").
 * @param[in] i Index below airoi_benchmark_count().
 * @return The key, or NULL past the end. Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_benchmark_get_key(size_t i);

/**
 * @brief English label of the i-th benchmark row (e.g. "fraud / anti-money-laundering").
 * @param[in] i Index below airoi_benchmark_count().
 * @return The label, or NULL past the end. Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_benchmark_get_label(size_t i);

/**
 * @brief Finds a benchmark row by key or alias.
 *
 * Ownership: @p key is only read during the call; writes an index to @p
 * *index.
 * @param[out] index The row index; untouched on failure.
 * @param[in] key A key or alias (case-sensitive; '-' and ' ' are read as '_').
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND Unknown key.
 * @since 0.1
 */
AIROI_API int airoi_benchmark_find(size_t *index, const char *key);

/**
 * @brief Range of one field of the i-th benchmark row.
 *
 * Ownership: writes the caller's @p *low and @p *high; keeps no reference.
 * @param[out] low Low end; may be NULL.
 * @param[out] high High end; may be NULL.
 * @param[in] i Index below airoi_benchmark_count().
 * @param[in] field An #airoi_benchmark_field.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID Unknown field.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_benchmark_get_range(double *low, double *high, size_t i,
                                        airoi_benchmark_field field);

/**
 * @brief Main value dimensions of the i-th benchmark row.
 *
 * Ownership: copies into the caller's @p buf and @p *len_out; keeps no
 * reference.
 * @param[out] buf Buffer for #airoi_dimension values; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out Number of dimensions, also on #AIROI_ERR_BUFFER.
 * @param[in] i Index below airoi_benchmark_count().
 * @retval AIROI_OK Success. A NULL buffer with a capacity of 0 is a size query: it
 *         succeeds and sets only the length.
 * @retval AIROI_ERR_INVALID NULL @p len_out, NULL @p buf with @p cap > 0.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @retval AIROI_ERR_BUFFER @p buf is not NULL and @p cap is too small.
 * @since 0.1
 */
AIROI_API int airoi_benchmark_get_dimensions(airoi_dimension *buf, size_t cap, size_t *len_out,
                                             size_t i);

/**
 * @brief The project's figure that is compared with a benchmark field.
 *
 * ROI: the annualised ROI (#AIROI_METRIC_ROI_ANNUALISED, undefined for a
 * horizon of 0); payback: payback_periods x 12 y months; investment: total
 * costs x unit / 10,000 when the project currency is TWD, else
 * total costs x unit / fx[TWD] / 10,000, fx[TWD] being the value of 1 TWD in
 * the project currency (airoi_project_set_fx()).
 *
 * Ownership: @p r is only read during the call (borrowed, not retained); the
 * figure is copied to @p *out.
 * @param[out] out The figure; untouched on failure.
 * @param[in] r A result of airoi_project_evaluate().
 * @param[in] field An #airoi_benchmark_field.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown field.
 * @retval AIROI_ERR_UNDEFINED The figure is undefined: ROI undefined,
 *         payback never reached, or investment with a project currency that
 *         is neither TWD nor has a TWD rate.
 * @since 0.1
 */
AIROI_API int airoi_result_get_benchmark_value(double *out, const airoi_result *r,
                                               airoi_benchmark_field field);

/**
 * @brief Where the project falls in its use case's range for one field.
 *
 * Ownership: @p r is only read during the call (borrowed, not retained); the
 * position is copied to @p *position.
 * @param[out] position An #airoi_benchmark_position; untouched on failure.
 * @param[in] r A result of airoi_project_evaluate().
 * @param[in] field An #airoi_benchmark_field.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown field.
 * @retval AIROI_ERR_NOT_FOUND The project has no use case.
 * @retval AIROI_ERR_UNDEFINED The compared figure is undefined (see
 *         airoi_result_get_benchmark_value()).
 * @since 0.1
 */
AIROI_API int airoi_result_get_benchmark_position(airoi_benchmark_position *position,
                                                  const airoi_result *r,
                                                  airoi_benchmark_field field);

AIROI_END_DECLS

#endif /* AIROI_BENCHMARK_H */
