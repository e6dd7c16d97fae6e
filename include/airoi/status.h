/**
 * @file status.h
 * @brief Status codes, error messages and memory release.
 *
 * Every fallible libairoi function returns an `int`: #AIROI_OK (0) or one of
 * the negative codes below. The codes are pinned by value and never
 * renumbered; new codes are only ever added. airoi_status_str() gives a short
 * static text for a code, airoi_last_error_message() the detail of the last
 * failure on the calling thread.
 */
#ifndef AIROI_STATUS_H
#define AIROI_STATUS_H

#include "airoi/common.h"

AIROI_BEGIN_DECLS

/**
 * @brief Status codes returned by libairoi functions. Values are pinned.
 * @since 0.1
 */
typedef enum airoi_status {
    /** Success. */
    AIROI_OK = 0,
    /** An argument is invalid: NULL where a value is required, NaN or
     *  infinity, a negative count, a value outside its domain. */
    AIROI_ERR_INVALID = -1,
    /** Memory could not be allocated. */
    AIROI_ERR_NOMEM = -2,
    /** A root finder (IRR, XIRR, RATE, ...) found no solution. */
    AIROI_ERR_NO_SOLUTION = -3,
    /** A result does not fit: a buffer is too small (the needed size is
     *  reported through the function's length out-parameter). */
    AIROI_ERR_BUFFER = -4,
    /** A lookup failed: a named thing (item, scenario, metric, key, setting)
     *  or an index does not exist. */
    AIROI_ERR_NOT_FOUND = -5,
    /** A file could not be read or written. */
    AIROI_ERR_IO = -6,
    /** A model file is malformed: syntax, type, unknown or duplicate key,
     *  value out of range. Diagnostics carry file, line and column. */
    AIROI_ERR_PARSE = -7,
    /** A model is inconsistent: probabilities that do not sum to 1, a period
     *  outside the horizon, a currency without an exchange rate, ... */
    AIROI_ERR_MODEL = -8,
    /** A computation overflowed or left the range where it is meaningful. */
    AIROI_ERR_RANGE = -9,
    /** A long operation was cancelled by its progress callback. */
    AIROI_ERR_CANCELLED = -10,
    /** A documented limit was exceeded (file size, items, horizon, ...). */
    AIROI_ERR_LIMIT = -11,
    /** An internal invariant failed; please report it. */
    AIROI_ERR_INTERNAL = -12,
    /** A figure is undefined for this model: payback that is never reached,
     *  a ratio over zero costs, an annual figure over a horizon of 0. Reports
     *  show it as null; it is an answer, not a failure of the call. */
    AIROI_ERR_UNDEFINED = -13
} airoi_status;

/**
 * @brief Short static description of a status code.
 * @param[in] status A value returned by a libairoi function.
 * @return A static English string, never NULL ("unknown status" for a value
 *         that is not a status). Ownership: owned by the library.
 * @since 0.1
 */
AIROI_API const char *airoi_status_str(int status);

/**
 * @brief Detail of the last failure on the calling thread.
 *
 * Set on failure only, as libgit2 does: a function that fails sets it; a
 * call that succeeds (a getter, airoi_diagnostics_count(), any other) leaves
 * it as it was. It therefore describes the most recent failure on this
 * thread, however many successful calls came after it; a status says
 * whether a call failed, this text says why. Errors from model files
 * include the file name, line and column.
 * @return A thread-local string, never NULL (empty before the first failure
 *         on the thread). Ownership: owned by the library, valid until the
 *         next libairoi call on the same thread that fails.
 * @since 0.1
 */
AIROI_API const char *airoi_last_error_message(void);

/**
 * @brief Releases memory that libairoi handed to the caller.
 *
 * Use it, never the C runtime's `free()`, for every owned buffer a libairoi
 * function returns (for example a saved model or a report): on Windows the
 * caller may use another C runtime.
 *
 * Ownership: takes back memory libairoi handed to the caller (saved model
 * text, reports, ...); never pass memory from another allocator or memory
 * borrowed from a handle.
 * @param[in] ptr Memory returned by libairoi, or NULL (then nothing happens).
 * @since 0.1
 */
AIROI_API void airoi_free(void *ptr);

AIROI_END_DECLS

#endif /* AIROI_STATUS_H */
