/**
 * @file items.h
 * @brief Cost items and value items of a project.
 *
 * One handle, #airoi_item, serves both kinds; airoi_item_get_kind() tells a
 * cost (#AIROI_ITEM_KIND_COST) from a value (#AIROI_ITEM_KIND_VALUE). Items
 * are created by their project (airoi_project_add_cost(),
 * airoi_project_add_value()), owned by it and freed with it. Their names are
 * unique within the project across costs and values, since scenario
 * multipliers and uncertainties name them.
 *
 * An item's settings are numbered parameters (#airoi_item_param) shared by
 * both kinds; a parameter that does not apply to the item's kind is refused
 * with #AIROI_ERR_INVALID. The amount is either `amount` or `quantity` x
 * `unit_amount` (both must be set) or an explicit per-period list
 * (airoi_item_set_amounts()); the form set last wins, and
 * airoi_item_is_set() tells which was used so that a model writer can
 * write it back. Amounts may be negative (a negative cost is a refund or a
 * saving booked as a cost line, a negative value a dis-benefit); they are in
 * units of the project's #AIROI_PROJECT_UNIT and in the item's currency.
 * How items become per-period flows is written out in
 * docs/methodology.md section 2.
 */
#ifndef AIROI_ITEMS_H
#define AIROI_ITEMS_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/**
 * @brief The two kinds of item. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_item_kind {
    /** A cost line: TCO, investment and running costs (has a #airoi_category). */
    AIROI_ITEM_KIND_COST = 0x0900,
    /** A value line: benefits (has a #airoi_dimension). */
    AIROI_ITEM_KIND_VALUE = 0x0901
} airoi_item_kind;

/**
 * @brief Item parameters. Values are pinned.
 *
 * "cost", "value" or "both" says which kind accepts each. Unset parameters
 * read as their effective default (see each).
 * @since 0.1
 */
typedef enum airoi_item_param {
    /** Both, string, never NULL: the unique name. */
    AIROI_ITEM_NAME = 0x0800,
    /** Both, string: currency code; NULL (default) = the project currency.
     *  Any other currency needs an FX rate (airoi_project_set_fx()). */
    AIROI_ITEM_CURRENCY = 0x0801,
    /** Cost: #airoi_category. */
    AIROI_ITEM_CATEGORY = 0x0802,
    /** Value: #airoi_dimension. */
    AIROI_ITEM_DIMENSION = 0x0803,
    /** Both: amount per `per` (or the one-time amount); reads as quantity x
     *  unit_amount when those were set, 0 when nothing was. Setting it
     *  clears quantity, unit_amount and the per-period list. */
    AIROI_ITEM_AMOUNT = 0x0804,
    /** Both: quantity of amount = quantity x unit_amount; clears amount and list. */
    AIROI_ITEM_QUANTITY = 0x0805,
    /** Both: unit amount of amount = quantity x unit_amount; clears amount and list. */
    AIROI_ITEM_UNIT_AMOUNT = 0x0806,
    /** Both: #airoi_per; default #AIROI_PER_PERIOD (the project's period). */
    AIROI_ITEM_PER = 0x0807,
    /** Both: integer period of a one-time amount, 0..horizon; default 0. */
    AIROI_ITEM_AT = 0x0808,
    /** Both: integer first period of a recurring amount or list, 0..horizon; default 1. */
    AIROI_ITEM_FROM = 0x0809,
    /** Both: integer last period of a recurring amount, from..horizon;
     *  default (unset) the horizon at evaluation time. */
    AIROI_ITEM_TO = 0x080A,
    /** Both: annual escalation g > -1 of a recurring amount: x (1+g)^((t-from) y); default 0. */
    AIROI_ITEM_GROWTH = 0x080B,
    /** Value: share that is real cash, 0..1; default 1. */
    AIROI_ITEM_REALIZATION = 0x080C,
    /** Value: share caused by the AI, 0..1; default 1. */
    AIROI_ITEM_ATTRIBUTION = 0x080D,
    /** Both: Forrester-style haircut h in 0..1: values x (1-h), costs x (1+h); default 0. */
    AIROI_ITEM_RISK_ADJUSTMENT = 0x080E,
    /** Value: 0 or 1; a strategic value counts in financial metrics only when 1; default 0. */
    AIROI_ITEM_MONETIZED = 0x080F,
    /** Value: #airoi_curve; default #AIROI_CURVE_NONE (adoption 1). */
    AIROI_ITEM_ADOPTION_CURVE = 0x0810,
    /** Value: ramp length P in periods, finite >= 0; default 0. */
    AIROI_ITEM_ADOPTION_PERIODS = 0x0811,
    /** Value: adoption at k = 0, 0..1; default 0. */
    AIROI_ITEM_ADOPTION_START = 0x0812,
    /** Value: adoption reached after P periods, 0..1; default 1. */
    AIROI_ITEM_ADOPTION_CEILING = 0x0813,
    /** Both: #airoi_payment, how a recurring amount quoted per quarter or
     *  year is paid in a shorter project period; default
     *  #AIROI_PAYMENT_SPREAD. #AIROI_PAYMENT_LUMP needs `per` longer than the
     *  project period and no per-period list, else the project is invalid
     *  (docs/model-format.md, "payment"). */
    AIROI_ITEM_PAYMENT = 0x0814,
    /** Cost: 0 or 1; 1 makes the cost a capital expenditure, depreciated over
     *  #AIROI_ITEM_LIFE for tax (docs/methodology.md\#capex-depreciation-and-tax);
     *  default 0 (operating cost). */
    AIROI_ITEM_CAPEX = 0x0815,
    /** Cost: useful life of a capital cost in years, > 0, a whole number of
     *  project periods (life x periods per year: 3 years are 12 quarters);
     *  required when capex is 1. */
    AIROI_ITEM_LIFE = 0x0816,
    /** Cost: #airoi_depreciation; default #AIROI_DEPRECIATION_STRAIGHT_LINE. */
    AIROI_ITEM_DEPRECIATION = 0x0817,
    /** Cost: salvage value as a share of each outlay in [0, 1); default 0. */
    AIROI_ITEM_SALVAGE = 0x0818,
    /** Both: 0 or 1; 1 means the amounts are in today's money (real) and are
     *  inflated by (1 + inflation)^(t y) in period t; default 0 (nominal). */
    AIROI_ITEM_REAL = 0x0819
} airoi_item_param;

/* ------------------------------------------------------------------------ */
/* Collections on the project                                                */
/* ------------------------------------------------------------------------ */

/**
 * @brief Adds a cost item (amount 0, recurring per project period, periods 1..horizon).
 *
 * Ownership: the item is owned by @p p; @p *out is borrowed and valid until
 * the item is removed or the project freed.
 * @param[out] out The new item, of kind #AIROI_ITEM_KIND_COST, or NULL on
 *                 failure; may be NULL if not wanted.
 * @param[in] p The project.
 * @param[in] name Unique item name (copied), non-empty, at most #AIROI_NAME_MAX bytes.
 * @param[in] category An #airoi_category.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name, bad name, unknown category,
 *         or an item (cost or value) of that name exists.
 * @retval AIROI_ERR_LIMIT The project already has #AIROI_ITEMS_MAX items.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_cost(airoi_item **out, airoi_project *p, const char *name,
                                     airoi_category category);

/**
 * @brief Adds a value item (amount 0, recurring per project period, periods 1..horizon).
 *
 * Ownership: the item is owned by @p p; @p *out is borrowed and valid until
 * the item is removed or the project freed.
 * @param[out] out The new item, of kind #AIROI_ITEM_KIND_VALUE, or NULL on
 *                 failure; may be NULL if not wanted.
 * @param[in] p The project.
 * @param[in] name Unique item name (copied), non-empty, at most #AIROI_NAME_MAX bytes.
 * @param[in] dimension An #airoi_dimension.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name, bad name, unknown
 *         dimension, or an item (cost or value) of that name exists.
 * @retval AIROI_ERR_LIMIT The project already has #AIROI_ITEMS_MAX items.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_value(airoi_item **out, airoi_project *p, const char *name,
                                      airoi_dimension dimension);

/**
 * @brief Number of items of one kind.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @param[in] kind An #airoi_item_kind (another value gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_items(const airoi_project *p, airoi_item_kind kind);

/**
 * @brief The i-th item of one kind, in insertion order, for reading.
 *
 * Use airoi_project_get_item_mutable() to change it.
 * @param[in] p The project.
 * @param[in] kind An #airoi_item_kind.
 * @param[in] i Index below airoi_project_count_items().
 * @return The item, or NULL past the end, for another kind or a NULL
 *         project. Ownership: borrowed from @p p, valid until the item is
 *         removed or the project freed.
 * @since 0.1
 */
AIROI_API const airoi_item *airoi_project_get_item(const airoi_project *p, airoi_item_kind kind,
                                                   size_t i);

/**
 * @brief The i-th item of one kind, in insertion order, for changing.
 *
 * The same item as airoi_project_get_item(), reached through a project the
 * caller may change.
 * @param[in] p The project.
 * @param[in] kind An #airoi_item_kind.
 * @param[in] i Index below airoi_project_count_items().
 * @return The item, or NULL past the end, for another kind or a NULL
 *         project. Ownership: borrowed from @p p, valid until the item is
 *         removed or the project freed.
 * @since 0.1
 */
AIROI_API airoi_item *airoi_project_get_item_mutable(airoi_project *p, airoi_item_kind kind,
                                                     size_t i);

/**
 * @brief Finds an item by name: its kind and its index among the items of that kind.
 *
 * Names are unique across both kinds, so the name alone identifies the item;
 * pass the index to airoi_project_get_item(), airoi_project_get_item_mutable()
 * or airoi_project_remove_item().
 *
 * Ownership: nothing is retained; @p p is only read.
 * @param[out] kind_out The item's #airoi_item_kind; may be NULL; untouched on failure.
 * @param[out] index_out The item's index among its kind; may be NULL; untouched on failure.
 * @param[in] p The project.
 * @param[in] name The name (exact, case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name.
 * @retval AIROI_ERR_NOT_FOUND No item of that name.
 * @since 0.1
 */
AIROI_API int airoi_project_find_item(airoi_item_kind *kind_out, size_t *index_out,
                                      const airoi_project *p,
                                      const char *name);

/**
 * @brief Removes and frees the i-th item of one kind; later items of that kind move down by one.
 *
 * Ownership: pointers to the removed item become invalid.
 * @param[in] p The project.
 * @param[in] kind An #airoi_item_kind.
 * @param[in] i Index below airoi_project_count_items().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or an unknown kind.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_item(airoi_project *p, airoi_item_kind kind, size_t i);

/* ------------------------------------------------------------------------ */
/* Items                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * @brief The kind of an item.
 *
 * Ownership: @p item is only read; the kind is copied to @p *out.
 * @param[out] out #AIROI_ITEM_KIND_COST or #AIROI_ITEM_KIND_VALUE; untouched
 *             on failure.
 * @param[in] item The item.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @since 0.1
 */
AIROI_API int airoi_item_get_kind(airoi_item_kind *out, const airoi_item *item);

/**
 * @brief Sets a numeric parameter of an item.
 *
 * Ownership: @p item stays owned by its project; nothing is retained from the
 * call.
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param that applies to the item's kind and is numeric.
 * @param[in] v The value: finite; periods whole numbers >= 0 (checked
 *            against the horizon at evaluation); shares in [0, 1]; growth > -1;
 *            monetized 0 or 1; enumerations members.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p item, a parameter that is a string or
 *         does not apply to the item's kind, a value outside its domain.
 * @retval AIROI_ERR_RANGE #AIROI_ITEM_QUANTITY x #AIROI_ITEM_UNIT_AMOUNT
 *         would overflow (nothing is changed).
 * @since 0.1
 */
AIROI_API int airoi_item_set_number(airoi_item *item, airoi_item_param param, double v);

/**
 * @brief Reads a numeric parameter of an item (its effective value).
 *
 * Ownership: @p item is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param that applies to the item's kind and is numeric.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, a string parameter or one that
 *         does not apply to the item's kind.
 * @since 0.1
 */
AIROI_API int airoi_item_get_number(double *out, const airoi_item *item, airoi_item_param param);

/**
 * @brief Sets a string parameter (#AIROI_ITEM_NAME, #AIROI_ITEM_CURRENCY) of an item.
 *
 * Ownership: @p s is copied (the caller keeps its string); @p item stays owned
 * by its project. A string borrowed earlier through airoi_item_get_string()
 * for @p param becomes invalid.
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
AIROI_API int airoi_item_set_string(airoi_item *item, airoi_item_param param, const char *s);

/**
 * @brief Reads a string parameter of an item.
 * @param[in] item The item.
 * @param[in] param #AIROI_ITEM_NAME or #AIROI_ITEM_CURRENCY.
 * @return The value, or NULL when unset (currency), for a NULL item or
 *         another parameter. Ownership: borrowed from @p item, valid until
 *         the parameter changes or the item is removed.
 * @since 0.1
 */
AIROI_API const char *airoi_item_get_string(const airoi_item *item, airoi_item_param param);

/**
 * @brief Whether a parameter of an item was set explicitly.
 *
 * #AIROI_ITEM_AMOUNT is set only when given as an amount (not as quantity x
 * unit amount); an explicit list is reported by airoi_item_get_amounts().
 *
 * Ownership: @p item is only read (borrowed for the call).
 * @param[in] item The item.
 * @param[in] param An #airoi_item_param.
 * @return 1 when set (name, and category or dimension, always are), 0 when
 *         not, when the parameter does not apply to the item's kind, or when
 *         it is not an #airoi_item_param (a member of another family: then
 *         airoi_last_error_message() names both families). Never a status.
 * @since 0.1
 */
AIROI_API int airoi_item_is_set(const airoi_item *item, airoi_item_param param);

/**
 * @brief Gives an item explicit amounts for periods from, from+1, ...
 *
 * Growth does not apply to the list; for values realization, attribution,
 * adoption and the haircut do. It replaces amount and quantity x unit
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
AIROI_API int airoi_item_set_amounts(airoi_item *item, const double *amounts, size_t n);

/**
 * @brief Copies an item's explicit per-period amounts.
 *
 * Ownership: copies into the caller's @p buf and @p *len_out; @p item is only
 * read.
 * @param[out] buf Buffer for the amounts; may be NULL when @p cap is 0.
 * @param[in] cap Capacity of @p buf.
 * @param[out] len_out Length of the list (0 when the item has none), also on #AIROI_ERR_BUFFER.
 * @param[in] item The item.
 * @retval AIROI_OK Success. A NULL buffer with a capacity of 0 is a size query: it
 *         succeeds and sets only the length.
 * @retval AIROI_ERR_INVALID NULL @p len_out or @p item, NULL @p buf with @p cap > 0.
 * @retval AIROI_ERR_BUFFER @p buf is not NULL and @p cap is smaller than the list.
 * @since 0.1
 */
AIROI_API int airoi_item_get_amounts(double *buf, size_t cap, size_t *len_out,
                                     const airoi_item *item);

AIROI_END_DECLS

#endif /* AIROI_ITEMS_H */
