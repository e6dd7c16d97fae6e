/**
 * @file project.h
 * @brief The project model: handles, enumerations, project settings and FX table.
 *
 * A project (#airoi_project) is one AI investment: its settings (name,
 * currency, period, horizon, rates, unit, start date, use case, stage), an FX
 * table, cost items and value items (items.h), scenarios (scenario.h).
 * Evaluating it (result.h) yields an immutable #airoi_result.
 *
 * Settings are numbered parameters (#airoi_project_param) read and written
 * with airoi_project_set_number(), airoi_project_get_number(),
 * airoi_project_set_string() and airoi_project_get_string(), so that new
 * settings never change a signature. Obviously bad values (NaN, infinity, a
 * negative horizon, an unknown enumeration value) are refused when set;
 * checks that involve several fields (an item period outside the horizon, a
 * currency missing from the FX table, probabilities that do not sum to 1)
 * happen in airoi_project_validate() and airoi_project_evaluate().
 *
 * Every enumeration has pinned values and a pair of converters to and from
 * the spellings of the model file format (docs/model-format.md). Each
 * enumeration family has a value range of its own (base = family number <<
 * 8: #AIROI_PERIOD_YEAR is 0x0100, #AIROI_PER_ONCE 0x0200, ...;
 * docs/api-stability.md), every parameter that takes one has its enum type,
 * and a member of another family is refused with #AIROI_ERR_INVALID and a
 * message that names both families. The `*_name()` converters return NULL
 * for a value that is not a member, so that a binding can list the members
 * by counting up from the family's first member until NULL.
 *
 * Threads: one project (with its items and scenarios) is used by one thread
 * at a time; different projects may be used concurrently.
 */
#ifndef AIROI_PROJECT_H
#define AIROI_PROJECT_H

#include "airoi/common.h"

AIROI_BEGIN_DECLS

/** @brief One AI investment: settings, FX table, items and scenarios. @since 0.1 */
typedef struct airoi_project airoi_project;
/** @brief One cost or value line of a project (see airoi_item_get_kind());
 *  owned by its project. @since 0.1 */
typedef struct airoi_item airoi_item;
/** @brief A named, probability-weighted variant of a project; owned by its project. @since 0.1 */
typedef struct airoi_scenario airoi_scenario;
/** @brief A cash-flow schedule: costs, benefits, net, cumulative, discounted per period. @since 0.1 */
typedef struct airoi_schedule airoi_schedule;
/** @brief What evaluating a project yields: metrics, TCO, findings, schedule. @since 0.1 */
typedef struct airoi_result airoi_result;

/** @brief Longest horizon accepted, in periods (#AIROI_PROJECT_HORIZON). @since 0.1 */
#define AIROI_HORIZON_MAX 10000

/**
 * @brief Most evaluation work accepted: items x (horizon + 1) x (scenarios + 1).
 *
 * Evaluating a project spreads every item (cost and value) over periods
 * 0..horizon, once for the base case and once per scenario. When that
 * product exceeds this limit, airoi_project_validate() and
 * airoi_project_evaluate() return #AIROI_ERR_LIMIT with a message giving
 * the numbers (see docs/methodology.md, section 2).
 * @since 0.1
 */
#define AIROI_EVAL_MAX_CELLS 50000000

/** @brief Longest name or currency code accepted, in bytes (without the NUL). @since 0.1 */
#define AIROI_NAME_MAX 4096

/**
 * @brief Most items (costs and values together) a project may hold.
 *
 * The same limit holds for a project built through the API and for a model
 * file, so that every project the library saves loads back.
 * @since 0.1
 */
#define AIROI_ITEMS_MAX 100000

/** @brief Most scenarios a project (or a model file) may hold. @since 0.1 */
#define AIROI_SCENARIOS_MAX 10000

/**
 * @brief Most currencies with an exchange rate (`fx`) in a project.
 *
 * (A portfolio's `fx` takes ISO 4217 codes only, so it holds fewer.)
 * @since 0.1
 */
#define AIROI_FX_MAX 1000

/* ------------------------------------------------------------------------ */
/* Enumerations                                                              */
/* ------------------------------------------------------------------------ */

/**
 * @brief Length of a project period. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_period {
    /** A year: y = 0x0101 year per period. Spelled "year". */
    AIROI_PERIOD_YEAR = 0x0100,
    /** A quarter: y = 0x0101/4. Spelled "quarter". */
    AIROI_PERIOD_QUARTER = 0x0101,
    /** A month: y = 0x0101/12. Spelled "month". */
    AIROI_PERIOD_MONTH = 0x0102
} airoi_period;

/**
 * @brief Frequency an item's amount is quoted in (`per`). Values are pinned.
 * @since 0.1
 */
typedef enum airoi_per {
    /** A one-time amount, paid in full at period `at`. Spelled "once". */
    AIROI_PER_ONCE = 0x0200,
    /** A monthly amount. Spelled "month". */
    AIROI_PER_MONTH = 0x0201,
    /** A quarterly amount. Spelled "quarter". */
    AIROI_PER_QUARTER = 0x0202,
    /** A yearly amount. Spelled "year". */
    AIROI_PER_YEAR = 0x0203,
    /** Quoted per project period (the default when `per` is not given).
     *  Spelled "period"; this spelling is not a value of the model file
     *  format (docs/model-format.md), so a model writer should simply omit `per` instead. */
    AIROI_PER_PERIOD = 0x0204
} airoi_per;

/**
 * @brief Cost categories (docs/methodology.md, "Cost categories"). Values are pinned.
 *
 * The first four are direct costs, the others hidden costs
 * (airoi_category_is_hidden()).
 * @since 0.1
 */
typedef enum airoi_category {
    /** Data scientists, ML engineers, PMs, consultants. "people", direct. */
    AIROI_CATEGORY_PEOPLE = 0x0300,
    /** Cloud GPU, storage, network. "infrastructure", direct. */
    AIROI_CATEGORY_INFRASTRUCTURE = 0x0301,
    /** Licences, platform, AI API fees. "software", direct. */
    AIROI_CATEGORY_SOFTWARE = 0x0302,
    /** Data acquisition and labelling. "data", direct. */
    AIROI_CATEGORY_DATA = 0x0303,
    /** Catalogues, quality, compliance. "data_governance", hidden. */
    AIROI_CATEGORY_DATA_GOVERNANCE = 0x0304,
    /** Integration with existing systems. "integration", hidden. */
    AIROI_CATEGORY_INTEGRATION = 0x0305,
    /** Training, process redesign, communication. "change_management", hidden. */
    AIROI_CATEGORY_CHANGE_MANAGEMENT = 0x0306,
    /** Retraining for drift, monitoring, updates. "maintenance", hidden. */
    AIROI_CATEGORY_MAINTENANCE = 0x0307,
    /** Opportunity cost. "opportunity", hidden. */
    AIROI_CATEGORY_OPPORTUNITY = 0x0308
} airoi_category;

/**
 * @brief Value dimensions (docs/methodology.md, "Value dimensions"). Values are pinned.
 * @since 0.1
 */
typedef enum airoi_dimension {
    /** Time or labour saved. "efficiency". */
    AIROI_DIMENSION_EFFICIENCY = 0x0400,
    /** New or uplifted revenue. "revenue". */
    AIROI_DIMENSION_REVENUE = 0x0401,
    /** Losses avoided. "risk". */
    AIROI_DIMENSION_RISK = 0x0402,
    /** Hard-to-price value; excluded from financial metrics unless the item
     *  is monetized. "strategic". */
    AIROI_DIMENSION_STRATEGIC = 0x0403
} airoi_dimension;

/**
 * @brief Lifecycle stage of a project. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_stage {
    /** Awareness and strategy. "strategy". */
    AIROI_STAGE_STRATEGY = 0x0500,
    /** Proof of concept. "poc". */
    AIROI_STAGE_POC = 0x0501,
    /** Minimum viable product. "mvp". */
    AIROI_STAGE_MVP = 0x0502,
    /** Scale-out. "scale". */
    AIROI_STAGE_SCALE = 0x0503,
    /** In production. "production". */
    AIROI_STAGE_PRODUCTION = 0x0504
} airoi_stage;

/**
 * @brief Adoption curve of a value item. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_curve {
    /** No ramp: adoption is 1 in every period. "none". */
    AIROI_CURVE_NONE = 0x0600,
    /** Linear ramp from start to ceiling over P periods. "linear". */
    AIROI_CURVE_LINEAR = 0x0601,
    /** Smoothstep 3x^2 - 2x^3 from start to ceiling over P periods. "s_curve". */
    AIROI_CURVE_S_CURVE = 0x0602,
    /** Start while k < P, then the ceiling. "step". */
    AIROI_CURVE_STEP = 0x0603
} airoi_curve;

/**
 * @brief How a recurring amount quoted per quarter or year is paid when the
 * project period is shorter (#AIROI_ITEM_PAYMENT). Values are pinned.
 * @since 0.1
 */
typedef enum airoi_payment {
    /** Spread evenly: every period pays its share (months in the period /
     *  months in `per`). "spread". */
    AIROI_PAYMENT_SPREAD = 0x1300,
    /** Paid in full in the first period of each quarter or year of `per`,
     *  counted from `from`: periods from, from + n, from + 2n, ... (n project
     *  periods in `per`) up to `to`. "lump". */
    AIROI_PAYMENT_LUMP = 0x1301
} airoi_payment;

/**
 * @brief Depreciation method of a capital cost item (#AIROI_ITEM_DEPRECIATION).
 * Values are pinned.
 *
 * Each outlay is depreciated over the item's life of L periods, starting in
 * the period after it is paid (docs/methodology.md\#capex-depreciation-and-tax
 * gives every formula and the Excel function it matches).
 * @since 0.1
 */
typedef enum airoi_depreciation {
    /** (cost - salvage) / L each period, as Excel's SLN. "straight_line". */
    AIROI_DEPRECIATION_STRAIGHT_LINE = 0x1500,
    /** Fixed-declining balance at the rate 1 - (salvage / cost)^(1/L) rounded
     *  to 3 decimals, as Excel's DB (month 12). "declining_balance". */
    AIROI_DEPRECIATION_DECLINING_BALANCE = 0x1501,
    /** Double-declining balance, min(book x 2 / L, book - salvage), as Excel's
     *  DDB (factor 2, no switch to straight line). "double_declining". */
    AIROI_DEPRECIATION_DOUBLE_DECLINING = 0x1502,
    /** Sum of the years' digits, (cost - salvage) (L - k + 1) 2 / (L (L + 1))
     *  in the k-th period, as Excel's SYD. "sum_of_years". */
    AIROI_DEPRECIATION_SUM_OF_YEARS = 0x1503
} airoi_depreciation;

/**
 * @brief Method of a terminal value at the horizon (#AIROI_PROJECT_TERMINAL_METHOD).
 * Values are pinned.
 * @since 0.1
 */
typedef enum airoi_terminal_method {
    /** No terminal value (the default). "none". */
    AIROI_TERMINAL_NONE = 0x1600,
    /** Gordon growth: TV = CF_T (1 + g) / (r - g), g per period below r. "gordon". */
    AIROI_TERMINAL_GORDON = 0x1601,
    /** Exit multiple: TV = m x CF_T. "exit_multiple". */
    AIROI_TERMINAL_EXIT_MULTIPLE = 0x1602
} airoi_terminal_method;

/**
 * @brief Period from its model-file spelling ("year", "quarter", "month").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_period; untouched on failure.
 * @param[in] name The spelling (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown spelling.
 * @since 0.1
 */
AIROI_API int airoi_period_from_name(airoi_period *out, const char *name);

/**
 * @brief Model-file spelling of a period.
 * @param[in] period An #airoi_period.
 * @return The spelling, or NULL when @p period is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_period_name(airoi_period period);

/**
 * @brief Frequency from its spelling ("once", "month", "quarter", "year", "period").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_per; untouched on failure.
 * @param[in] name The spelling (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown spelling.
 * @since 0.1
 */
AIROI_API int airoi_per_from_name(airoi_per *out, const char *name);

/**
 * @brief Spelling of a frequency.
 * @param[in] per An #airoi_per.
 * @return The spelling, or NULL when @p per is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_per_name(airoi_per per);

/**
 * @brief Cost category from its spelling (e.g. "data_governance").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_category; untouched on failure.
 * @param[in] name The spelling (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown spelling.
 * @since 0.1
 */
AIROI_API int airoi_category_from_name(airoi_category *out, const char *name);

/**
 * @brief Spelling of a cost category.
 * @param[in] category An #airoi_category.
 * @return The spelling, or NULL when @p category is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_category_name(airoi_category category);

/**
 * @brief Whether a cost category is a hidden cost (docs/methodology.md, "TCO").
 * @param[in] category An #airoi_category.
 * @return 1 for data_governance, integration, change_management, maintenance
 *         and opportunity; 0 for the direct categories and for non-members.
 * @since 0.1
 */
AIROI_API int airoi_category_is_hidden(airoi_category category);

/**
 * @brief Value dimension from its spelling ("efficiency", "revenue", "risk", "strategic").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_dimension; untouched on failure.
 * @param[in] name The spelling (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown spelling.
 * @since 0.1
 */
AIROI_API int airoi_dimension_from_name(airoi_dimension *out, const char *name);

/**
 * @brief Spelling of a value dimension.
 * @param[in] dimension An #airoi_dimension.
 * @return The spelling, or NULL when @p dimension is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_dimension_name(airoi_dimension dimension);

/**
 * @brief Stage from its spelling ("strategy", "poc", "mvp", "scale", "production").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_stage; untouched on failure.
 * @param[in] name The spelling (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown spelling.
 * @since 0.1
 */
AIROI_API int airoi_stage_from_name(airoi_stage *out, const char *name);

/**
 * @brief Spelling of a stage.
 * @param[in] stage An #airoi_stage.
 * @return The spelling, or NULL when @p stage is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_stage_name(airoi_stage stage);

/**
 * @brief Adoption curve from its spelling ("none", "linear", "s_curve", "step").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_curve; untouched on failure.
 * @param[in] name The spelling (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown spelling.
 * @since 0.1
 */
AIROI_API int airoi_curve_from_name(airoi_curve *out, const char *name);

/**
 * @brief Spelling of an adoption curve.
 * @param[in] curve An #airoi_curve.
 * @return The spelling, or NULL when @p curve is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_curve_name(airoi_curve curve);

/**
 * @brief Payment form from its spelling ("spread", "lump").
 *
 * Ownership: @p name is only read during the call; writes an integer to @p
 * *out.
 * @param[out] out The #airoi_payment; untouched on failure.
 * @param[in] name The spelling (case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown spelling.
 * @since 0.1
 */
AIROI_API int airoi_payment_from_name(airoi_payment *out, const char *name);

/**
 * @brief Spelling of a payment form.
 * @param[in] payment An #airoi_payment.
 * @return The spelling, or NULL when @p payment is not a member.
 *         Ownership: static string owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_payment_name(airoi_payment payment);

/* ------------------------------------------------------------------------ */
/* Project                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * @brief Project settings, as numbered parameters. Values are pinned.
 *
 * String parameters use airoi_project_set_string() / airoi_project_get_string();
 * the others airoi_project_set_number() / airoi_project_get_number(), with
 * enumerations and integers carried in the double.
 * @since 0.1
 */
typedef enum airoi_project_param {
    /** String, required, never NULL: the project's name. */
    AIROI_PROJECT_NAME = 0x0700,
    /** String, ISO 4217 code of the project currency (e.g. "TWD"); unset
     *  (NULL) by default. Items without a currency are in this currency. */
    AIROI_PROJECT_CURRENCY = 0x0701,
    /** String, benchmark key of benchmark.h (aliases are accepted and stored
     *  as the canonical key); unset (NULL) by default. */
    AIROI_PROJECT_USE_CASE = 0x0702,
    /** #airoi_period; default #AIROI_PERIOD_YEAR. */
    AIROI_PROJECT_PERIOD = 0x0703,
    /** Integer 0..#AIROI_HORIZON_MAX: the model covers periods 0..horizon;
     *  default 1 (a one-year case in a yearly model). */
    AIROI_PROJECT_HORIZON = 0x0704,
    /** Annual discount rate, greater than -1; default 0. */
    AIROI_PROJECT_DISCOUNT_RATE = 0x0705,
    /** Annual rate paid on negative flows for MIRR, greater than -1;
     *  unset by default, which means "the discount rate" (get returns the
     *  effective value). */
    AIROI_PROJECT_FINANCE_RATE = 0x0706,
    /** Annual rate earned on positive flows for MIRR, greater than -1;
     *  unset by default, which means "the discount rate". */
    AIROI_PROJECT_REINVEST_RATE = 0x0707,
    /** Positive scale of every amount in the model, in any currency (e.g.
     *  10000: amounts are in units of 10,000); default 1. Metrics are
     *  reported in the same units; the unit only matters when amounts are
     *  compared with absolute figures (benchmark investment ranges). */
    AIROI_PROJECT_UNIT = 0x0708,
    /** Start date as an int32 day number (dates.h) carried in a double;
     *  unset by default (get then fails with #AIROI_ERR_NOT_FOUND). */
    AIROI_PROJECT_START = 0x0709,
    /** #airoi_stage; default #AIROI_STAGE_PRODUCTION. */
    AIROI_PROJECT_STAGE = 0x070A,
    /** Income tax rate in [0, 1] (`tax.rate`); unset by default: no tax, and
     *  the result has no after-tax view (airoi_result_get_after_tax()). A
     *  value above 1 is accepted up to 100 with a warning (30 is 3000%). */
    AIROI_PROJECT_TAX_RATE = 0x070B,
    /** 0 or 1 (`tax.loss_carryforward`): a negative taxable income is carried
     *  forward against later positive income (1) or gives a tax credit in its
     *  own period (0, the default). */
    AIROI_PROJECT_LOSS_CARRYFORWARD = 0x070C,
    /** Annual inflation rate greater than -1 (`inflation`); default 0. */
    AIROI_PROJECT_INFLATION = 0x070D,
    /** 0 or 1: #AIROI_PROJECT_DISCOUNT_RATE is a real rate (`discount_rate:
     *  {rate: r, real: true}`); the nominal rate used is (1 + r)(1 + inflation)
     *  - 1. Default 0 (nominal). */
    AIROI_PROJECT_DISCOUNT_REAL = 0x070E,
    /** #airoi_terminal_method; default #AIROI_TERMINAL_NONE. */
    AIROI_PROJECT_TERMINAL_METHOD = 0x070F,
    /** Annual growth g of the Gordon terminal value, greater than -1 and below the
     *  discount rate (checked at evaluation); default 0. */
    AIROI_PROJECT_TERMINAL_GROWTH = 0x0710,
    /** Exit multiple m of the last period's net flow, finite; default 0. */
    AIROI_PROJECT_TERMINAL_MULTIPLE = 0x0711
} airoi_project_param;

/**
 * @brief Creates an empty project with default settings.
 *
 * Defaults: period year, horizon 1, discount rate 0, unit 1, stage
 * production; currency, use case, start, finance and reinvestment rates
 * unset; no FX rates, items or scenarios.
 *
 * Ownership: the caller owns @p *out and frees it with airoi_project_free();
 * @param[out] out The new project; set to NULL on failure.
 * @param[in] name The project's name, non-empty, at most #AIROI_NAME_MAX bytes.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p name, empty or too long name.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @p name is copied.
 * @since 0.1
 */
AIROI_API int airoi_project_new(airoi_project **out, const char *name);

/**
 * @brief Frees a project with its items and scenarios.
 *
 * Results obtained from the project stay valid: they do not refer to it.
 * @param[in] p The project, or NULL (then nothing happens).
 * Ownership: every item and scenario pointer borrowed from @p p becomes invalid.
 * @since 0.1
 */
AIROI_API void airoi_project_free(airoi_project *p);

/**
 * @brief Deep copy of a project: settings, FX table, items and scenarios.
 *
 * Ownership: the caller owns @p *out (free with airoi_project_free()); it
 * shares nothing with @p p.
 * @param[out] out The copy; set to NULL on failure.
 * @param[in] p The project to copy.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_clone(airoi_project **out, const airoi_project *p);

/**
 * @brief Sets a numeric project parameter.
 *
 * Ownership: @p p stays the caller's; nothing is retained from the call.
 * @param[in] p The project.
 * @param[in] param An #airoi_project_param that is not a string parameter.
 * @param[in] v The value: finite; integers (horizon, start) must be whole
 *            numbers; enumerations must be members.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p, unknown or string parameter,
 *         non-finite value, a value outside its domain (rate <= -1, unit <= 0,
 *         negative or fractional horizon, unknown enumeration value, start
 *         outside #AIROI_DATE_MIN..#AIROI_DATE_MAX).
 * @retval AIROI_ERR_LIMIT Horizon above #AIROI_HORIZON_MAX.
 * @since 0.1
 */
AIROI_API int airoi_project_set_number(airoi_project *p, airoi_project_param param, double v);

/**
 * @brief Reads a numeric project parameter (its effective value).
 *
 * Unset finance and reinvestment rates read as the discount rate.
 *
 * Ownership: @p p is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] p The project.
 * @param[in] param An #airoi_project_param that is not a string parameter.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, unknown or string parameter.
 * @retval AIROI_ERR_NOT_FOUND #AIROI_PROJECT_START is not set.
 * @since 0.1
 */
AIROI_API int airoi_project_get_number(double *out, const airoi_project *p,
                                       airoi_project_param param);

/**
 * @brief Sets a string project parameter.
 *
 * Ownership: @p s is copied (the caller keeps its string). A string borrowed
 * earlier through airoi_project_get_string() for @p param becomes invalid.
 * @param[in] p The project.
 * @param[in] param #AIROI_PROJECT_NAME, #AIROI_PROJECT_CURRENCY or #AIROI_PROJECT_USE_CASE.
 * @param[in] s The value (copied), at most #AIROI_NAME_MAX bytes; NULL
 *            unsets currency or use case (refused for the name). A use case
 *            must be a benchmark key or alias (benchmark.h).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p, unknown or numeric parameter, empty
 *         or too long string, NULL name, unknown use case.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_set_string(airoi_project *p, airoi_project_param param, const char *s);

/**
 * @brief Reads a string project parameter.
 * @param[in] p The project.
 * @param[in] param #AIROI_PROJECT_NAME, #AIROI_PROJECT_CURRENCY or #AIROI_PROJECT_USE_CASE.
 * @return The value, or NULL when unset, when @p p is NULL or @p param is
 *         not a string parameter. Ownership: borrowed from @p p, valid until
 *         the parameter is set again or the project is freed.
 * @since 0.1
 */
AIROI_API const char *airoi_project_get_string(const airoi_project *p, airoi_project_param param);

/**
 * @brief Whether a project parameter was set explicitly.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project.
 * @param[in] param An #airoi_project_param.
 * @return 1 when set by a setter (the name always is), 0 when it holds its
 *         default, or for a NULL project or a value that is not an
 *         #airoi_project_param (a member of another family: then
 *         airoi_last_error_message() names both families). Never a status.
 * @since 0.1
 */
AIROI_API int airoi_project_is_set(const airoi_project *p, airoi_project_param param);

/**
 * @brief Sets the exchange rate of a currency: 1 @p currency = @p rate project currency.
 *
 * Ownership: @p currency is copied (the caller keeps its string).
 * @param[in] p The project.
 * @param[in] currency Currency code (copied), non-empty, case-sensitive.
 * @param[in] rate The rate, finite and greater than 0. Replaces an earlier rate.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, empty or too long code, rate not finite or <= 0.
 * @retval AIROI_ERR_LIMIT A new currency when #AIROI_FX_MAX have a rate.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_set_fx(airoi_project *p, const char *currency, double rate);

/**
 * @brief Exchange rate of a currency into the project currency.
 *
 * Ownership: @p p and @p currency are only read; the rate is copied to @p
 * *out.
 * @param[out] out The rate (1 for the project currency); untouched on failure.
 * @param[in] p The project.
 * @param[in] currency Currency code.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND No rate for @p currency.
 * @since 0.1
 */
AIROI_API int airoi_project_get_fx(double *out, const airoi_project *p, const char *currency);

/**
 * @brief Removes the exchange rate of a currency.
 *
 * Ownership: @p currency is only read; a code borrowed earlier through
 * airoi_project_get_fx_currency() may become invalid.
 * @param[in] p The project.
 * @param[in] currency Currency code.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOT_FOUND No rate for @p currency.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_fx(airoi_project *p, const char *currency);

/**
 * @brief Number of entries of the FX table.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The number of currencies with an explicit rate.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_fx(const airoi_project *p);

/**
 * @brief Currency code of the i-th FX entry (in the order they were first set).
 * @param[in] p The project.
 * @param[in] i Index, below airoi_project_count_fx().
 * @return The code, or NULL past the end or for a NULL project. Ownership:
 *         borrowed from @p p, valid until the FX table changes.
 * @since 0.1
 */
AIROI_API const char *airoi_project_get_fx_currency(const airoi_project *p, size_t i);

AIROI_END_DECLS

#endif /* AIROI_PROJECT_H */
