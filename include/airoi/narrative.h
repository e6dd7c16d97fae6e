/**
 * @file narrative.h
 * @brief The words of a business case: problem, solution, audience, risks.
 *
 * A project may carry the text its business case shows next to the numbers
 * (the `narrative:` section of a model file, docs/model-format.md): the
 * problem it solves, the solution, the audience the case is written for,
 * and a list of risks, each with its mitigation and owner. The narrative
 * changes no figure; the HTML report (#AIROI_REPORT_HTML) shows it, and an
 * evaluation result keeps a copy, so a report of the result shows the
 * narrative the project had when it was evaluated. Texts are UTF-8,
 * copied, at most #AIROI_TEXT_MAX bytes each.
 */
#ifndef AIROI_NARRATIVE_H
#define AIROI_NARRATIVE_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/** @brief Longest narrative text in bytes (without the NUL). @since 0.1 */
#define AIROI_TEXT_MAX 65536

/** @brief Most risks a project's narrative holds. @since 0.1 */
#define AIROI_RISKS_MAX 1000

/**
 * @brief Sets one text of the narrative, named as in the model file.
 *
 * Ownership: @p text is copied; @p p keeps the copy.
 * @param[in] p The project.
 * @param[in] key "problem", "solution" or "audience".
 * @param[in] text The text (copied), at most #AIROI_TEXT_MAX bytes; NULL or
 *            "" removes it.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p key, unknown key, text too long.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_set_narrative(airoi_project *p, const char *key, const char *text);

/**
 * @brief One text of the narrative.
 *
 * @param[in] p The project.
 * @param[in] key "problem", "solution" or "audience".
 * @return The text, or NULL when unset, for a NULL argument or an unknown
 *         key. Ownership: borrowed from @p p, valid until that text is set
 *         again or the project is freed.
 * @since 0.1
 */
AIROI_API const char *airoi_project_get_narrative(const airoi_project *p, const char *key);

/**
 * @brief Appends a risk to the narrative.
 *
 * Ownership: the strings are copied; @p p keeps the copies.
 * @param[in] p The project.
 * @param[in] risk What may go wrong, non-empty, at most #AIROI_TEXT_MAX bytes.
 * @param[in] mitigation What is done about it; NULL or "" for none.
 * @param[in] owner Who answers for it; NULL or "" for none.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p risk, empty @p risk, a text too long.
 * @retval AIROI_ERR_LIMIT The narrative already holds #AIROI_RISKS_MAX risks.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_risk(airoi_project *p, const char *risk, const char *mitigation,
                                     const char *owner);

/**
 * @brief Number of risks in the narrative.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The number of risks.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_risks(const airoi_project *p);

/**
 * @brief A risk of the narrative, in the order they were added.
 *
 * Ownership: the strings are borrowed from @p p, valid until the risk is
 * removed or the project freed.
 * @param[out] risk The risk; may be NULL if not wanted. Untouched on failure.
 * @param[out] mitigation Its mitigation, NULL when none; may be NULL if not wanted.
 * @param[out] owner Its owner, NULL when none; may be NULL if not wanted.
 * @param[in] p The project.
 * @param[in] index 0 to airoi_project_count_risks() - 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_RANGE @p index out of range.
 * @since 0.1
 */
AIROI_API int airoi_project_get_risk(const char **risk, const char **mitigation,
                                     const char **owner, const airoi_project *p, size_t index);

/**
 * @brief Removes a risk; the later ones move up by one.
 *
 * Ownership: frees the removed risk's strings; pointers from
 * airoi_project_get_risk() to it, and to the risks after it, become invalid.
 * @param[in] p The project.
 * @param[in] index 0 to airoi_project_count_risks() - 1.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_RANGE @p index out of range.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_risk(airoi_project *p, size_t index);

AIROI_END_DECLS

#endif /* AIROI_NARRATIVE_H */
