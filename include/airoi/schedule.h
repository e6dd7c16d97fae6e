/**
 * @file schedule.h
 * @brief Cash-flow schedules: per-period costs, benefits, net, cumulative, discounted.
 *
 * A schedule covers periods 0..n-1 (period 0 is the start, undiscounted;
 * period t is discounted by (1 + rate)^t with rate the per-period rate). It
 * comes from a result (airoi_result_get_schedule(), borrowed) or is built
 * from arrays (airoi_schedule_new(), owned). A schedule is immutable and may
 * be read from many threads at once.
 */
#ifndef AIROI_SCHEDULE_H
#define AIROI_SCHEDULE_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/**
 * @brief Columns of a schedule. Values are pinned; names are the JSON keys.
 * @since 0.1
 */
typedef enum airoi_schedule_column {
    /** Costs of the period, "costs". */
    AIROI_SCHEDULE_COSTS = 0x0E00,
    /** Benefits of the period, "benefits". */
    AIROI_SCHEDULE_BENEFITS = 0x0E01,
    /** benefits - costs, "net". */
    AIROI_SCHEDULE_NET = 0x0E02,
    /** Sum of net over periods 0..t, "cumulative". */
    AIROI_SCHEDULE_CUMULATIVE = 0x0E03,
    /** net x discount factor, "discounted". */
    AIROI_SCHEDULE_DISCOUNTED = 0x0E04,
    /** Sum of discounted net over 0..t, "discounted_cumulative". */
    AIROI_SCHEDULE_DISCOUNTED_CUMULATIVE = 0x0E05,
    /** 1 / (1 + rate)^t, "discount_factor". */
    AIROI_SCHEDULE_DISCOUNT_FACTOR = 0x0E06,
    /** costs x discount factor, "discounted_costs". */
    AIROI_SCHEDULE_DISCOUNTED_COSTS = 0x0E07,
    /** benefits x discount factor, "discounted_benefits". */
    AIROI_SCHEDULE_DISCOUNTED_BENEFITS = 0x0E08
} airoi_schedule_column;

/**
 * @brief Schedule column from its name ("costs", "net", ...).
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_schedule_column; untouched on failure.
 * @param[in] name The name (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name.
 * @since 0.1
 */
AIROI_API int airoi_schedule_column_from_name(airoi_schedule_column *out, const char *name);

/**
 * @brief Name of a schedule column (its JSON key).
 * @param[in] column An #airoi_schedule_column.
 * @return The name, or NULL when @p column is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_schedule_column_name(airoi_schedule_column column);

/**
 * @brief Builds a schedule from per-period costs and benefits.
 *
 * Such a schedule has no split by category or dimension.
 *
 * Ownership: the caller owns @p *out and frees it with airoi_schedule_free().
 * @param[out] out The schedule; set to NULL on failure.
 * @param[in] costs n costs, periods 0..n-1 (copied).
 * @param[in] benefits n benefits (copied).
 * @param[in] n Number of periods, 1 to #AIROI_HORIZON_MAX + 1.
 * @param[in] rate Discount rate per period, finite and greater than -1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL pointer, n = 0, non-finite input, rate <= -1.
 * @retval AIROI_ERR_LIMIT @p n too large.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_schedule_new(airoi_schedule **out, const double *costs,
                                 const double *benefits, size_t n, double rate);

/**
 * @brief Copies a schedule (for example to keep one borrowed from a result).
 *
 * Ownership: the caller owns @p *out and frees it with airoi_schedule_free().
 * @param[out] out The copy; set to NULL on failure.
 * @param[in] s The schedule.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_schedule_clone(airoi_schedule **out, const airoi_schedule *s);

/**
 * @brief Frees a schedule made by airoi_schedule_new() or airoi_schedule_clone().
 *
 * Ownership: takes back a schedule the caller owns.
 * @param[in] s The schedule, or NULL (then nothing happens). Never pass one
 *            borrowed from a result.
 * @since 0.1
 */
AIROI_API void airoi_schedule_free(airoi_schedule *s);

/**
 * @brief Number of periods (horizon + 1 for a project's schedule).
 *
 * Ownership: @p s is only read (borrowed for the call).
 * @param[in] s The schedule (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_schedule_count_periods(const airoi_schedule *s);

/**
 * @brief Discount rate per period of a schedule.
 *
 * Ownership: @p s is only read; the rate is copied to @p *out.
 * @param[out] out The rate; untouched on failure.
 * @param[in] s The schedule.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @since 0.1
 */
AIROI_API int airoi_schedule_get_rate(double *out, const airoi_schedule *s);

/**
 * @brief Copies one column of a schedule.
 *
 * Ownership: copies into the caller's @p buf and @p *len_out; @p s is only
 * read.
 * @param[out] buf Buffer for the values; may be NULL when @p cap is 0 (size query).
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out Number of periods, also on #AIROI_ERR_BUFFER.
 * @param[in] s The schedule.
 * @param[in] column An #airoi_schedule_column.
 * @retval AIROI_OK Success. A NULL buffer with a capacity of 0 is a size query: it
 *         succeeds and sets only the length.
 * @retval AIROI_ERR_INVALID NULL @p s or @p len_out, NULL @p buf with
 *         @p cap > 0, unknown column.
 * @retval AIROI_ERR_BUFFER @p buf is not NULL and @p cap is smaller than the number
 *         of periods.
 * @since 0.1
 */
AIROI_API int airoi_schedule_get_column(double *buf, size_t cap, size_t *len_out,
                                        const airoi_schedule *s, airoi_schedule_column column);

/**
 * @brief Copies the costs of one category per period.
 *
 * The category columns add up to #AIROI_SCHEDULE_COSTS.
 *
 * Ownership: copies into the caller's @p buf and @p *len_out; @p s is only
 * read.
 * @param[out] buf Buffer for the values; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out Number of periods, also on #AIROI_ERR_BUFFER.
 * @param[in] s The schedule.
 * @param[in] category An #airoi_category.
 * @retval AIROI_OK Success. A NULL buffer with a capacity of 0 is a size query: it
 *         succeeds and sets only the length.
 * @retval AIROI_ERR_INVALID NULL @p s or @p len_out, NULL @p buf with
 *         @p cap > 0, unknown category.
 * @retval AIROI_ERR_BUFFER @p buf is not NULL and @p cap is smaller than the number
 *         of periods.
 * @retval AIROI_ERR_NOT_FOUND The schedule was built from arrays and has no split.
 * @since 0.1
 */
AIROI_API int airoi_schedule_get_category(double *buf, size_t cap, size_t *len_out,
                                          const airoi_schedule *s, airoi_category category);

/**
 * @brief Copies the benefits of one dimension per period.
 *
 * The dimension columns add up to #AIROI_SCHEDULE_BENEFITS: the strategic
 * column holds only monetized strategic value.
 *
 * Ownership: copies into the caller's @p buf and @p *len_out; @p s is only
 * read.
 * @param[out] buf Buffer for the values; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out Number of periods, also on #AIROI_ERR_BUFFER.
 * @param[in] s The schedule.
 * @param[in] dimension An #airoi_dimension.
 * @retval AIROI_OK Success. A NULL buffer with a capacity of 0 is a size query: it
 *         succeeds and sets only the length.
 * @retval AIROI_ERR_INVALID NULL @p s or @p len_out, NULL @p buf with
 *         @p cap > 0, unknown dimension.
 * @retval AIROI_ERR_BUFFER @p buf is not NULL and @p cap is smaller than the number
 *         of periods.
 * @retval AIROI_ERR_NOT_FOUND The schedule was built from arrays and has no split.
 * @since 0.1
 */
AIROI_API int airoi_schedule_get_dimension(double *buf, size_t cap, size_t *len_out,
                                           const airoi_schedule *s, airoi_dimension dimension);

AIROI_END_DECLS

#endif /* AIROI_SCHEDULE_H */
