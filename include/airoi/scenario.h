/**
 * @file scenario.h
 * @brief Scenarios: named, probability-weighted variants of a project.
 *
 * A scenario multiplies targets (an item name, a category name, a dimension
 * name, `values` or `costs`), may delay every value item by whole periods,
 * and may cap adoption. The probabilities of a project's scenarios must sum
 * to 1 within 1e-9 (checked at evaluation); a project without scenarios has
 * one implicit base scenario with probability 1. Scenarios are owned by
 * their project.
 */
#ifndef AIROI_SCENARIO_H
#define AIROI_SCENARIO_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/**
 * @brief Scenario parameters. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_scenario_param {
    /** Probability in [0, 1]. */
    AIROI_SCENARIO_PROBABILITY = 0x0A00,
    /** Whole number of periods >= 0 by which every value item's stream
     *  (ramp included) moves later; flows pushed past the horizon are
     *  dropped. Default 0. */
    AIROI_SCENARIO_DELAY = 0x0A01,
    /** Cap in [0, 1] on every value item's adoption: a(k) becomes
     *  min(a(k), cap), also for items without a curve (a = 0x0A01). Unset by
     *  default (no cap); get then reads 1. */
    AIROI_SCENARIO_ADOPTION_CEILING = 0x0A02
} airoi_scenario_param;

/**
 * @brief Adds a scenario with no multipliers, no delay and no cap.
 *
 * Ownership: owned by @p p; @p *out is borrowed, valid until the scenario is
 * removed or the project freed.
 * @param[out] out The new scenario, or NULL on failure; may be NULL if not wanted.
 * @param[in] p The project.
 * @param[in] name Unique scenario name (copied), non-empty, at most #AIROI_NAME_MAX bytes.
 * @param[in] probability Its probability, in [0, 1].
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name, bad or duplicate name,
 *         probability outside [0, 1] or not finite.
 * @retval AIROI_ERR_LIMIT The project already has #AIROI_SCENARIOS_MAX scenarios.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_scenario(airoi_scenario **out, airoi_project *p,
                                         const char *name, double probability);

/**
 * @brief Number of scenarios.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_scenarios(const airoi_project *p);

/**
 * @brief The i-th scenario, in insertion order, for reading.
 *
 * Use airoi_project_get_scenario_mutable() to change it.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_scenarios().
 * @return The scenario, or NULL past the end or for a NULL project.
 *         Ownership: borrowed from @p p, valid until the scenario is
 *         removed or the project freed.
 * @since 0.1
 */
AIROI_API const airoi_scenario *airoi_project_get_scenario(const airoi_project *p, size_t i);

/**
 * @brief The i-th scenario, in insertion order, for changing.
 *
 * The same scenario as airoi_project_get_scenario(), reached through a
 * project the caller may change.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_scenarios().
 * @return The scenario, or NULL past the end or for a NULL project.
 *         Ownership: borrowed from @p p, valid until the scenario is
 *         removed or the project freed.
 * @since 0.1
 */
AIROI_API airoi_scenario *airoi_project_get_scenario_mutable(airoi_project *p, size_t i);

/**
 * @brief Finds a scenario by name: its index.
 *
 * Pass the index to airoi_project_get_scenario(),
 * airoi_project_get_scenario_mutable() or airoi_project_remove_scenario().
 *
 * Ownership: nothing is retained; @p p is only read.
 * @param[out] index_out The scenario's index; may be NULL; untouched on failure.
 * @param[in] p The project.
 * @param[in] name The name (exact, case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name.
 * @retval AIROI_ERR_NOT_FOUND No scenario of that name.
 * @since 0.1
 */
AIROI_API int airoi_project_find_scenario(size_t *index_out, const airoi_project *p,
                                          const char *name);

/**
 * @brief Removes and frees the i-th scenario; later ones move down by one.
 *
 * Ownership: pointers to the removed scenario become invalid.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_scenarios().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_scenario(airoi_project *p, size_t i);

/**
 * @brief The scenario's name.
 * @param[in] s The scenario.
 * @return The name, or NULL for a NULL scenario. Ownership: borrowed from @p s.
 * @since 0.1
 */
AIROI_API const char *airoi_scenario_get_name(const airoi_scenario *s);

/**
 * @brief Sets a scenario parameter.
 *
 * Ownership: @p s stays owned by its project; nothing is retained from the
 * call.
 * @param[in] s The scenario.
 * @param[in] param An #airoi_scenario_param.
 * @param[in] v The value (see #airoi_scenario_param for domains).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p s, unknown parameter, value outside its
 *         domain or not finite.
 * @retval AIROI_ERR_LIMIT Delay above #AIROI_HORIZON_MAX.
 * @since 0.1
 */
AIROI_API int airoi_scenario_set_number(airoi_scenario *s, airoi_scenario_param param, double v);

/**
 * @brief Reads a scenario parameter (its effective value).
 *
 * Ownership: @p s is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] s The scenario.
 * @param[in] param An #airoi_scenario_param.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown parameter.
 * @since 0.1
 */
AIROI_API int airoi_scenario_get_number(double *out, const airoi_scenario *s,
                                        airoi_scenario_param param);

/**
 * @brief Whether a scenario parameter was set explicitly.
 *
 * Ownership: @p s is only read (borrowed for the call).
 * @param[in] s The scenario.
 * @param[in] param An #airoi_scenario_param.
 * @return 1 when set (the probability always is), else 0 (also for a NULL
 *         scenario, or a value that is not an #airoi_scenario_param: then
 *         airoi_last_error_message() names both families). Never a status.
 * @since 0.1
 */
AIROI_API int airoi_scenario_is_set(const airoi_scenario *s, airoi_scenario_param param);

/** @brief Most multipliers (targets) one scenario may hold. @since 0.1 */
#define AIROI_MULTIPLIERS_MAX 10000

/**
 * @brief Adds (or replaces) a multiplier on a target.
 *
 * The target is resolved at evaluation: an item name, a category name
 * (costs of that category), a dimension name (values of that dimension),
 * `values` or `costs`. Every multiplier whose target matches an item applies,
 * as a product. A target that matches nothing is a model error at evaluation.
 *
 * Ownership: @p target is copied (the caller keeps its string); @p s stays
 * owned by its project.
 * @param[in] s The scenario.
 * @param[in] target The target (copied), non-empty. Adding a target again
 *            replaces its factor.
 * @param[in] factor The factor, finite and >= 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, empty or too long target, bad factor.
 * @retval AIROI_ERR_LIMIT A new target when the scenario has #AIROI_MULTIPLIERS_MAX.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_scenario_add_multiplier(airoi_scenario *s, const char *target, double factor);

/**
 * @brief Number of multipliers of a scenario.
 *
 * Ownership: @p s is only read (borrowed for the call).
 * @param[in] s The scenario (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_scenario_count_multipliers(const airoi_scenario *s);

/**
 * @brief The i-th multiplier, in insertion order.
 *
 * Ownership: @p *target is borrowed from @p s.
 * @param[out] target Its target; may be NULL if not wanted.
 * @param[out] factor Its factor; may be NULL if not wanted.
 * @param[in] s The scenario.
 * @param[in] i Index below airoi_scenario_count_multipliers().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p s.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_scenario_get_multiplier(const char **target, double *factor,
                                            const airoi_scenario *s, size_t i);

/**
 * @brief Removes the i-th multiplier; later ones move down by one.
 *
 * Ownership: a target string borrowed earlier through
 * airoi_scenario_get_multiplier() for the removed multiplier becomes invalid.
 * @param[in] s The scenario.
 * @param[in] i Index below airoi_scenario_count_multipliers().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p s.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_scenario_remove_multiplier(airoi_scenario *s, size_t i);

AIROI_END_DECLS

#endif /* AIROI_SCENARIO_H */
