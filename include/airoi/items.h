/**
 * @file items.h
 * @brief Cost items and value items of a project.
 *
 * Items are created by their project (airoi_project_add_cost(),
 * airoi_project_add_value()), owned by it and freed with it. Their names are
 * unique within the project across costs and values, since scenario
 * multipliers and uncertainties name them.
 *
 * An item's settings are numbered parameters (#airoi_item_param) shared by
 * both kinds; a parameter that does not apply to a kind is refused with
 * #AIROI_ERR_INVALID. The amount is either `amount` or `quantity` x
 * `unit_amount` (both must be set) or an explicit per-period list
 * (airoi_cost_item_set_amounts()); the form set last wins, and
 * airoi_cost_item_is_set() tells which was used so that a model writer can
 * write it back. Amounts may be negative (a negative cost is a refund or a
 * saving booked as a cost line, a negative value a dis-benefit); they are in
 * units of the project's #AIROI_PROJECT_UNIT and in the item's currency.
 * How items become per-period flows is SPEC 5.2, written out in
 * docs/methodology.md section 2.
 */
#ifndef AIROI_ITEMS_H
#define AIROI_ITEMS_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/**
 * @brief Item parameters. Values are pinned.
 *
 * "cost", "value" or "both" says which kind accepts each. Unset parameters
 * read as their effective default (see each).
 * @since 0.1
 */
typedef enum airoi_item_param {
    /** Both, string, never NULL: the unique name. */
    AIROI_ITEM_NAME = 0,
    /** Both, string: currency code; NULL (default) = the project currency.
     *  Any other currency needs an FX rate (airoi_project_set_fx()). */
    AIROI_ITEM_CURRENCY = 1,
    /** Cost: #airoi_category. */
    AIROI_ITEM_CATEGORY = 2,
    /** Value: #airoi_dimension. */
    AIROI_ITEM_DIMENSION = 3,
    /** Both: amount per `per` (or the one-time amount); reads as quantity x
     *  unit_amount when those were set, 0 when nothing was. Setting it
     *  clears quantity, unit_amount and the per-period list. */
    AIROI_ITEM_AMOUNT = 4,
    /** Both: quantity of amount = quantity x unit_amount; clears amount and list. */
    AIROI_ITEM_QUANTITY = 5,
    /** Both: unit amount of amount = quantity x unit_amount; clears amount and list. */
    AIROI_ITEM_UNIT_AMOUNT = 6,
    /** Both: #airoi_per; default #AIROI_PER_PERIOD (the project's period). */
    AIROI_ITEM_PER = 7,
    /** Both: integer period of a one-time amount, 0..horizon; default 0. */
    AIROI_ITEM_AT = 8,
    /** Both: integer first period of a recurring amount or list, 0..horizon; default 1. */
    AIROI_ITEM_FROM = 9,
    /** Both: integer last period of a recurring amount, from..horizon;
     *  default (unset) the horizon at evaluation time. */
    AIROI_ITEM_TO = 10,
    /** Both: annual escalation g > -1 of a recurring amount: x (1+g)^((t-from) y); default 0. */
    AIROI_ITEM_GROWTH = 11,
    /** Value: share that is real cash, 0..1; default 1. */
    AIROI_ITEM_REALIZATION = 12,
    /** Value: share caused by the AI, 0..1; default 1. */
    AIROI_ITEM_ATTRIBUTION = 13,
    /** Both: Forrester-style haircut h in 0..1: values x (1-h), costs x (1+h); default 0. */
    AIROI_ITEM_RISK_ADJUSTMENT = 14,
    /** Value: 0 or 1; a strategic value counts in financial metrics only when 1; default 0. */
    AIROI_ITEM_MONETIZED = 15,
    /** Value: #airoi_curve; default #AIROI_CURVE_NONE (adoption 1). */
    AIROI_ITEM_ADOPTION_CURVE = 16,
    /** Value: ramp length P in periods, finite >= 0; default 0. */
    AIROI_ITEM_ADOPTION_PERIODS = 17,
    /** Value: adoption at k = 0, 0..1; default 0. */
    AIROI_ITEM_ADOPTION_START = 18,
    /** Value: adoption reached after P periods, 0..1; default 1. */
    AIROI_ITEM_ADOPTION_CEILING = 19
} airoi_item_param;

/* ------------------------------------------------------------------------ */
/* Collections on the project                                                */
/* ------------------------------------------------------------------------ */

/**
 * @brief Adds a cost item (amount 0, recurring per project period, periods 1..horizon).
 *
 * Ownership: the item is owned by @p p; @p *out is borrowed and valid until
 * the item is removed or the project freed.
 * @param[out] out The new item, or NULL on failure; may be NULL if not wanted.
 * @param[in] p The project.
 * @param[in] name Unique item name (copied), non-empty, at most #AIROI_NAME_MAX bytes.
 * @param[in] category An #airoi_category.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name, bad name, unknown category,
 *         or an item (cost or value) of that name exists.
 * @retval AIROI_ERR_LIMIT The project already has 1,000,000 items.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_cost(airoi_cost_item **out, airoi_project *p,
                                     const char *name, int category);

/**
 * @brief Adds a value item (amount 0, recurring per project period, periods 1..horizon).
 *
 * Ownership: the item is owned by @p p; @p *out is borrowed and valid until
 * the item is removed or the project freed.
 * @param[out] out The new item, or NULL on failure; may be NULL if not wanted.
 * @param[in] p The project.
 * @param[in] name Unique item name (copied), non-empty, at most #AIROI_NAME_MAX bytes.
 * @param[in] dimension An #airoi_dimension.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name, bad name, unknown
 *         dimension, or an item (cost or value) of that name exists.
 * @retval AIROI_ERR_LIMIT The project already has 1,000,000 items.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_value(airoi_value_item **out, airoi_project *p,
                                      const char *name, int dimension);

/**
 * @brief Number of cost items.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_costs(const airoi_project *p);

/**
 * @brief The i-th cost item, in insertion order.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_costs().
 * @return The item, or NULL past the end or for a NULL project. Ownership:
 *         borrowed from @p p.
 * @since 0.1
 */
AIROI_API airoi_cost_item *airoi_project_get_cost(const airoi_project *p, size_t i);

/**
 * @brief Finds a cost item by name.
 *
 * Ownership: @p *out is borrowed from @p p.
 * @param[out] out The item; untouched on failure.
 * @param[in] p The project.
 * @param[in] name The name (exact, case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND No cost item of that name.
 * @since 0.1
 */
AIROI_API int airoi_project_find_cost(airoi_cost_item **out, const airoi_project *p,
                                      const char *name);

/**
 * @brief Removes and frees the i-th cost item; later items move down by one.
 *
 * Ownership: pointers to the removed item become invalid.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_costs().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_cost(airoi_project *p, size_t i);

/**
 * @brief Number of value items.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_values(const airoi_project *p);

/**
 * @brief The i-th value item, in insertion order.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_values().
 * @return The item, or NULL past the end or for a NULL project. Ownership:
 *         borrowed from @p p.
 * @since 0.1
 */
AIROI_API airoi_value_item *airoi_project_get_value(const airoi_project *p, size_t i);

/**
 * @brief Finds a value item by name.
 *
 * Ownership: @p *out is borrowed from @p p.
 * @param[out] out The item; untouched on failure.
 * @param[in] p The project.
 * @param[in] name The name (exact, case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND No value item of that name.
 * @since 0.1
 */
AIROI_API int airoi_project_find_value(airoi_value_item **out, const airoi_project *p,
                                       const char *name);

/**
 * @brief Removes and frees the i-th value item; later items move down by one.
 *
 * Ownership: pointers to the removed item become invalid.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_values().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_value(airoi_project *p, size_t i);

/* ------------------------------------------------------------------------ */
/* Cost items                                                                */
/* ------------------------------------------------------------------------ */

/**
 * @brief Sets a numeric parameter of a cost item.
 *
 * Ownership: @p item stays owned by its project; nothing is retained from the
 * call.
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param that applies to costs and is numeric.
 * @param[in] v The value: finite; periods whole numbers >= 0 (checked
 *            against the horizon at evaluation); shares in [0, 1]; growth > -1;
 *            enumerations members.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p item, a parameter that is a string or
 *         does not apply to costs, a value outside its domain.
 * @retval AIROI_ERR_RANGE #AIROI_ITEM_QUANTITY x #AIROI_ITEM_UNIT_AMOUNT
 *         would overflow (nothing is changed).
 * @since 0.1
 */
AIROI_API int airoi_cost_item_set_number(airoi_cost_item *item, int param, double v);

/**
 * @brief Reads a numeric parameter of a cost item (its effective value).
 *
 * Ownership: @p item is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param that applies to costs and is numeric.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, a string parameter or one that
 *         does not apply to costs.
 * @since 0.1
 */
AIROI_API int airoi_cost_item_get_number(double *out, const airoi_cost_item *item, int param);

/**
 * @brief Sets a string parameter (#AIROI_ITEM_NAME, #AIROI_ITEM_CURRENCY) of a cost item.
 *
 * Ownership: @p s is copied (the caller keeps its string); @p item stays owned
 * by its project. A string borrowed earlier through
 * airoi_cost_item_get_string() for @p param becomes invalid.
 * @param[in] item The item.
 * @param[in] param #AIROI_ITEM_NAME or #AIROI_ITEM_CURRENCY.
 * @param[in] s The value (copied); NULL unsets the currency. A new name must
 *            be unique in the project.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p item, other parameter, NULL or empty
 *         name, too long string, duplicate name.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_cost_item_set_string(airoi_cost_item *item, int param, const char *s);

/**
 * @brief Reads a string parameter of a cost item.
 * @param[in] item The item.
 * @param[in] param #AIROI_ITEM_NAME or #AIROI_ITEM_CURRENCY.
 * @return The value, or NULL when unset (currency), for a NULL item or
 *         another parameter. Ownership: borrowed from @p item, valid until
 *         the parameter changes or the item is removed.
 * @since 0.1
 */
AIROI_API const char *airoi_cost_item_get_string(const airoi_cost_item *item, int param);

/**
 * @brief Whether a parameter of a cost item was set explicitly.
 *
 * #AIROI_ITEM_AMOUNT is set only when given as an amount (not as quantity x
 * unit amount); an explicit list is reported by airoi_cost_item_get_amounts().
 *
 * Ownership: @p item is only read (borrowed for the call).
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param.
 * @return 1 when set (name and category always are), else 0.
 * @since 0.1
 */
AIROI_API int airoi_cost_item_is_set(const airoi_cost_item *item, int param);

/**
 * @brief Gives a cost item explicit amounts for periods from, from+1, ...
 *
 * Growth does not apply to the list. It replaces amount and quantity x unit
 * amount; n = 0 clears the list (the amount is then 0 until set).
 *
 * Ownership: @p amounts is copied into the item; the caller keeps its array.
 * @param[in] item The item.
 * @param[in] amounts n finite amounts (copied); may be NULL when n is 0.
 * @param[in] n Number of amounts, at most #AIROI_HORIZON_MAX + 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p item, NULL @p amounts with n > 0, a non-finite amount.
 * @retval AIROI_ERR_LIMIT @p n too large.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_cost_item_set_amounts(airoi_cost_item *item, const double *amounts, size_t n);

/**
 * @brief Copies a cost item's explicit per-period amounts.
 *
 * Ownership: copies into the caller's @p buf and @p *len_out; @p item is only
 * read.
 * @param[out] buf Buffer for the amounts; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out Length of the list (0 when the item has none), also on #AIROI_ERR_BUFFER.
 * @param[in] item The item.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p len_out or @p item, NULL @p buf with @p cap > 0.
 * @retval AIROI_ERR_BUFFER @p cap is smaller than the list.
 * @since 0.1
 */
AIROI_API int airoi_cost_item_get_amounts(double *buf, size_t cap, size_t *len_out,
                                          const airoi_cost_item *item);

/* ------------------------------------------------------------------------ */
/* Value items                                                               */
/* ------------------------------------------------------------------------ */

/**
 * @brief Sets a numeric parameter of a value item.
 *
 * Ownership: @p item stays owned by its project; nothing is retained from the
 * call.
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param that applies to values and is numeric.
 * @param[in] v The value: finite; periods whole numbers >= 0; shares in
 *            [0, 1]; growth > -1; monetized 0 or 1; enumerations members.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p item, a parameter that is a string or
 *         does not apply to values, a value outside its domain.
 * @retval AIROI_ERR_RANGE #AIROI_ITEM_QUANTITY x #AIROI_ITEM_UNIT_AMOUNT
 *         would overflow (nothing is changed).
 * @since 0.1
 */
AIROI_API int airoi_value_item_set_number(airoi_value_item *item, int param, double v);

/**
 * @brief Reads a numeric parameter of a value item (its effective value).
 *
 * Ownership: @p item is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param that applies to values and is numeric.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, a string parameter or one that
 *         does not apply to values.
 * @since 0.1
 */
AIROI_API int airoi_value_item_get_number(double *out, const airoi_value_item *item, int param);

/**
 * @brief Sets a string parameter (#AIROI_ITEM_NAME, #AIROI_ITEM_CURRENCY) of a value item.
 *
 * Ownership: @p s is copied (the caller keeps its string); @p item stays owned
 * by its project. A string borrowed earlier through
 * airoi_value_item_get_string() for @p param becomes invalid.
 * @param[in] item The item.
 * @param[in] param #AIROI_ITEM_NAME or #AIROI_ITEM_CURRENCY.
 * @param[in] s The value (copied); NULL unsets the currency. A new name must
 *            be unique in the project.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p item, other parameter, NULL or empty
 *         name, too long string, duplicate name.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_value_item_set_string(airoi_value_item *item, int param, const char *s);

/**
 * @brief Reads a string parameter of a value item.
 * @param[in] item The item.
 * @param[in] param #AIROI_ITEM_NAME or #AIROI_ITEM_CURRENCY.
 * @return The value, or NULL when unset (currency), for a NULL item or
 *         another parameter. Ownership: borrowed from @p item, valid until
 *         the parameter changes or the item is removed.
 * @since 0.1
 */
AIROI_API const char *airoi_value_item_get_string(const airoi_value_item *item, int param);

/**
 * @brief Whether a parameter of a value item was set explicitly.
 *
 * Ownership: @p item is only read (borrowed for the call).
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param.
 * @return 1 when set (name and dimension always are), else 0.
 * @since 0.1
 */
AIROI_API int airoi_value_item_is_set(const airoi_value_item *item, int param);

/**
 * @brief Gives a value item explicit amounts for periods from, from+1, ...
 *
 * Growth does not apply to the list; realization, attribution, adoption and
 * the haircut do. It replaces amount and quantity x unit amount; n = 0
 * clears the list.
 *
 * Ownership: @p amounts is copied into the item; the caller keeps its array.
 * @param[in] item The item.
 * @param[in] amounts n finite amounts (copied); may be NULL when n is 0.
 * @param[in] n Number of amounts, at most #AIROI_HORIZON_MAX + 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p item, NULL @p amounts with n > 0, a non-finite amount.
 * @retval AIROI_ERR_LIMIT @p n too large.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_value_item_set_amounts(airoi_value_item *item, const double *amounts,
                                           size_t n);

/**
 * @brief Copies a value item's explicit per-period amounts.
 *
 * Ownership: copies into the caller's @p buf and @p *len_out; @p item is only
 * read.
 * @param[out] buf Buffer for the amounts; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out Length of the list (0 when the item has none), also on #AIROI_ERR_BUFFER.
 * @param[in] item The item.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p len_out or @p item, NULL @p buf with @p cap > 0.
 * @retval AIROI_ERR_BUFFER @p cap is smaller than the list.
 * @since 0.1
 */
AIROI_API int airoi_value_item_get_amounts(double *buf, size_t cap, size_t *len_out,
                                           const airoi_value_item *item);

AIROI_END_DECLS

#endif /* AIROI_ITEMS_H */
