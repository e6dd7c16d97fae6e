/**
 * @file model.h
 * @brief Model files: load a project from YAML (format v1) and save it back.
 *
 * A model file describes a whole project (settings, FX table, cost and value
 * items, scenarios) in YAML; docs/model-format.md is the reference of format
 * version 1. Loading checks everything and collects every problem of the
 * file as a diagnostic with file, line and column, not only the first; the
 * first diagnostic's text is also the thread's airoi_last_error_message().
 * A diagnostic whose message starts with "warning: " does not make the load
 * fail (a successful load may return warnings; on failure they follow the
 * errors). Plausibility warnings (a discount rate of 10 where 0.10 was
 * meant, ...) are such warnings; airoi_model_validate() gives the same ones
 * for a project built through the API. Saving writes a file that loads back
 * into a project that evaluates identically.
 *
 * Limits (documented in docs/model-format.md): file size, nesting depth,
 * number of items and scenarios, horizon, and YAML aliases are bounded so
 * that hostile input (an alias bomb, deep nesting) is refused quickly with
 * #AIROI_ERR_LIMIT.
 */
#ifndef AIROI_MODEL_H
#define AIROI_MODEL_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/**
 * @brief The diagnostics of a model file: an immutable, caller-owned list.
 * @since 0.1
 */
typedef struct airoi_diagnostics airoi_diagnostics;

/** @brief Largest model file accepted, in bytes (16 MiB). @since 0.1 */
#define AIROI_MODEL_MAX_BYTES (16u * 1024u * 1024u)

/**
 * @brief Loads a project from a model file.
 * @param[out] out The project; NULL on failure. Ownership: the caller frees
 *             it with airoi_project_free().
 * @param[out] diags_out When not NULL, receives the file's diagnostics (also
 *             on success, possibly empty; NULL only when out of memory).
 *             Ownership: the caller frees it with airoi_diagnostics_free().
 * @param[in] path Path of the YAML file, UTF-8 on every platform (on Windows
 *            it is opened as UTF-16, so names with non-ASCII characters work).
 * @param[in] flags Reserved, must be 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p path, or unknown flags.
 * @retval AIROI_ERR_IO The file cannot be read.
 * @retval AIROI_ERR_PARSE The file is malformed (syntax, types, keys, values).
 * @retval AIROI_ERR_MODEL The model is inconsistent (e.g. probabilities).
 * @retval AIROI_ERR_LIMIT A documented limit is exceeded.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_model_load_file(airoi_project **out, airoi_diagnostics **diags_out,
                                    const char *path, unsigned flags);

/**
 * @brief Loads a project from model text in memory.
 * @param[out] out The project; NULL on failure. Ownership: the caller frees
 *             it with airoi_project_free().
 * @param[out] diags_out As in airoi_model_load_file(); may be NULL.
 * @param[in] data The YAML text (UTF-8); need not be NUL-terminated.
 * @param[in] len Length of @p data in bytes.
 * @param[in] name Name used for the file in diagnostics (e.g. "<string>"); may be NULL.
 * @param[in] flags Reserved, must be 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out or @p data, or unknown flags.
 * @retval AIROI_ERR_PARSE The text is malformed.
 * @retval AIROI_ERR_MODEL The model is inconsistent.
 * @retval AIROI_ERR_LIMIT A documented limit is exceeded.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_model_load_buffer(airoi_project **out, airoi_diagnostics **diags_out,
                                      const char *data, size_t len, const char *name,
                                      unsigned flags);

/**
 * @brief Writes a project as model text (format v1).
 * @param[out] out NUL-terminated YAML text. Ownership: the caller frees it
 *             with airoi_free().
 * @param[out] len_out Length of the text without the NUL; may be NULL.
 * @param[in] p The project.
 * @param[in] flags Reserved, must be 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_LIMIT The text would break a limit of the loader (more
 *         than #AIROI_MODEL_MAX_BYTES bytes or too many YAML nodes): what
 *         is saved always loads back, so nothing is written.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_model_save_buffer(char **out, size_t *len_out, const airoi_project *p,
                                      unsigned flags);

/**
 * @brief Writes a project to a model file (format v1), replacing it.
 *
 * The text goes to a new file in the same directory (named @p path plus
 * ".XXXXXXXX.tmp", with the permissions of the file it replaces), which is
 * flushed to disk and then renamed over @p path. A save that fails for any
 * reason (a full disk, a directory that cannot be written, out of memory)
 * leaves the existing file as it was and removes the temporary one. The
 * path is UTF-8 on every platform (on Windows it is opened as UTF-16, so
 * names with non-ASCII characters work).
 *
 * Ownership: @p p and @p path are only read during the call; no reference is
 * kept.
 * @param[in] p The project.
 * @param[in] path Path of the file to write (UTF-8).
 * @param[in] flags Reserved, must be 0.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_IO The file cannot be written (the old one is unchanged).
 * @retval AIROI_ERR_LIMIT As for airoi_model_save_buffer(); the file is not touched.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_model_save_file(const airoi_project *p, const char *path, unsigned flags);

/**
 * @brief Checks a project built through the API as a model file is checked,
 *        warnings included.
 *
 * Runs the rules of airoi_project_validate() and the plausibility warnings
 * that loading a model file gives (docs/model-format.md, "Plausibility warnings"):
 * a rate above 1 ("discount_rate: 10 means 1000% a year; did you mean
 * 0.10?"), more than 50 periods in a yearly model, an FX entry for the
 * project's own currency, a currency that is not an ISO 4217 code (a
 * lowercase one gets "did you mean USD?"), costs without any value item, and
 * a negative amount outside a refund. Warnings do not stop evaluation.
 * When those rules find no error, it also runs the simulation layer's
 * checks that loading runs (docs/model-format.md, "correlations"): every
 * uncertainty's law compiles (a truncation far out in a tail is refused),
 * and the rank correlations are positive semi-definite (refused, or a
 * warning when the `simulation:` settings repair them).
 *
 * Every problem becomes one diagnostic without a position (line and column
 * 0, file NULL); its message and text name the subject as
 * airoi_project_validate() does (`project 'P': discount_rate: ...`), with
 * "warning: " in front of a warning. Errors are listed before warnings, and
 * at most 100 warnings are listed (then one that counts the rest).
 *
 * Ownership: @p p is only read (borrowed for the call); nothing is retained.
 * @param[out] diags_out Receives the list, also when the project has errors
 *             (possibly empty); NULL on #AIROI_ERR_INVALID and
 *             #AIROI_ERR_NOMEM. Ownership: the caller frees it with
 *             airoi_diagnostics_free().
 * @param[in] p The project.
 * @param[in] flags Reserved, must be 0.
 * @retval AIROI_OK The project can be evaluated; the list may hold warnings.
 * @retval AIROI_ERR_INVALID NULL @p diags_out or @p p, or unknown flags.
 * @retval AIROI_ERR_MODEL The model is inconsistent; the thread's last error
 *         is the first error's text, as airoi_project_validate() words it.
 * @retval AIROI_ERR_LIMIT The evaluation work is above #AIROI_EVAL_MAX_CELLS.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_model_validate(airoi_diagnostics **diags_out, const airoi_project *p,
                                   unsigned flags);

/**
 * @brief Releases a diagnostics list.
 *
 * Ownership: takes back a list the caller owns (from airoi_model_load_file(),
 * airoi_model_load_buffer() or airoi_model_validate()); every string borrowed from it becomes
 * invalid.
 * @param[in] d The list, or NULL.
 * @since 0.1
 */
AIROI_API void airoi_diagnostics_free(airoi_diagnostics *d);

/**
 * @brief Number of diagnostics in a list.
 *
 * Ownership: @p d is only read (borrowed for the call).
 * @param[in] d The list; NULL counts as empty.
 * @return The number of diagnostics.
 * @since 0.1
 */
AIROI_API size_t airoi_diagnostics_count(const airoi_diagnostics *d);

/**
 * @brief Where and what one diagnostic is.
 * @param[out] file File name as given to the loader (NULL when it was
 *             given none, and in a list from airoi_model_validate()); may
 *             be NULL. Ownership: borrowed, valid while @p d lives.
 * @param[out] line 1-based line; 0 when the problem has no position (e.g. an
 *             unreadable file); may be NULL.
 * @param[out] column 1-based column; 0 when there is no position; may be NULL.
 * @param[out] message What is wrong and what was expected; may be NULL.
 *             Ownership: borrowed, valid while @p d lives.
 * @param[in] d The list.
 * @param[in] i Index, below airoi_diagnostics_count().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p d or @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_diagnostics_get(const char **file, int32_t *line, int32_t *column,
                                    const char **message, const airoi_diagnostics *d,
                                    size_t i);

/**
 * @brief Whether one diagnostic is an error, and which.
 *
 * A load that succeeds may still list warnings (for example a section that
 * this version recognises but does not use); their status is #AIROI_OK and
 * their message starts with "warning: ". Errors carry the status they make
 * the load return (#AIROI_ERR_PARSE, #AIROI_ERR_MODEL, #AIROI_ERR_LIMIT,
 * #AIROI_ERR_IO). Errors are listed before warnings.
 * Ownership: reads @p d and writes @p status_out, keeps no reference.
 * @param[out] status_out #AIROI_OK for a warning, else the error's status.
 * @param[in] d The list.
 * @param[in] i Index, below airoi_diagnostics_count().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p status_out or @p d, or @p i out of range.
 * @since 0.1
 */
AIROI_API int airoi_diagnostics_get_status(int *status_out, const airoi_diagnostics *d,
                                           size_t i);

/**
 * @brief One diagnostic formatted as `FILE:LINE:COL: message`.
 * @param[in] d The list.
 * @param[in] i Index, below airoi_diagnostics_count().
 * @return The text, or NULL when @p d is NULL or @p i out of range.
 *         Ownership: borrowed, valid while @p d lives.
 * @since 0.1
 */
AIROI_API const char *airoi_diagnostics_get_text(const airoi_diagnostics *d, size_t i);

AIROI_END_DECLS

#endif /* AIROI_MODEL_H */
