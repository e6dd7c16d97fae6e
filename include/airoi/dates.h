/**
 * @file dates.h
 * @brief Calendar dates as day numbers, with ISO 8601 and Excel serial converters.
 *
 * A libairoi date is an `int32_t` day number: the count of days since
 * 1970-01-01 (day 0), negative before it, in the proleptic Gregorian
 * calendar. Valid dates run from 0001-01-01 to 9999-12-31. Differences of day
 * numbers are actual day counts, which is what XNPV and XIRR need.
 *
 * Excel stores dates as serial numbers in one of two systems:
 * - #AIROI_DATE_1900: serial 1 is 1900-01-01. Excel keeps Lotus 1-2-3's
 *   phantom 1900-02-29 as serial 60, so every serial from 61 on is one more
 *   than the real day count. Serial 60 names no real day and is refused; 0
 *   ("1900-01-00") is refused as well.
 * - #AIROI_DATE_1904: serial 0 is 1904-01-01 (the old Mac system).
 */
#ifndef AIROI_DATES_H
#define AIROI_DATES_H

#include "airoi/common.h"

AIROI_BEGIN_DECLS

/**
 * @brief The two Excel date systems.
 * @since 0.1
 */
typedef enum airoi_date_system {
    /** Excel's default system: serial 1 = 1900-01-01, with the phantom 1900-02-29 at 60. */
    AIROI_DATE_1900 = 0x1000,
    /** The 1904 system: serial 0 = 0x1770-01-01. */
    AIROI_DATE_1904 = 0x1001
} airoi_date_system;

/** @brief Day number of 0001-01-01, the first valid date. @since 0.1 */
#define AIROI_DATE_MIN (-719162)
/** @brief Day number of 9999-12-31, the last valid date. @since 0.1 */
#define AIROI_DATE_MAX 2932896

/**
 * @brief Day number of a calendar date.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The day number; untouched on failure.
 * @param[in] year Year, 1 to 9999.
 * @param[in] month Month, 1 to 12.
 * @param[in] day Day of the month, 1 to the month's length.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID @p out is NULL or the date does not exist.
 * @since 0.1
 */
AIROI_API int airoi_date_from_ymd(int32_t *out, int32_t year, int32_t month, int32_t day);

/**
 * @brief Calendar date of a day number.
 *
 * Ownership: writes the caller's @p *year, @p *month and @p *day (those not
 * NULL); keeps no reference.
 * @param[out] year Year; may be NULL.
 * @param[out] month Month 1-12; may be NULL.
 * @param[out] day Day of month; may be NULL.
 * @param[in] date Day number between #AIROI_DATE_MIN and #AIROI_DATE_MAX.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID @p date is out of range.
 * @since 0.1
 */
AIROI_API int airoi_date_to_ymd(int32_t *year, int32_t *month, int32_t *day, int32_t date);

/**
 * @brief Parses an ISO 8601 calendar date `YYYY-MM-DD`.
 *
 * Exactly four year digits, two month digits and two day digits separated by
 * hyphens; nothing may follow. The basic form `YYYYMMDD` is accepted too.
 *
 * Ownership: @p text is only read during the call; writes the caller's @p
 * *out; keeps no reference.
 * @param[out] out The day number; untouched on failure.
 * @param[in] text NUL-terminated UTF-8 text.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID @p out or @p text is NULL, the text is not an
 *         ISO 8601 date, or the date does not exist (e.g. 2023-02-29).
 * @since 0.1
 */
AIROI_API int airoi_date_from_iso(int32_t *out, const char *text);

/**
 * @brief Formats a day number as `YYYY-MM-DD`.
 *
 * Ownership: writes into the caller's @p buf; keeps no reference.
 * @param[out] buf Buffer for the text and its terminating NUL.
 * @param[in] cap Size of @p buf in bytes; 11 is always enough.
 * @param[in] date Day number between #AIROI_DATE_MIN and #AIROI_DATE_MAX.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID @p buf is NULL or @p date is out of range.
 * @retval AIROI_ERR_BUFFER @p cap is smaller than 11.
 * @since 0.1
 */
AIROI_API int airoi_date_to_iso(char *buf, size_t cap, int32_t date);

/**
 * @brief Day number of an Excel serial date.
 *
 * The fractional part of @p serial (time of day) is dropped.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The day number; untouched on failure.
 * @param[in] serial Excel serial: 1 to 2958465 in the 1900 system (60 is
 *            refused: it is the phantom 1900-02-29), 0 to 2957003 in the
 *            1904 system.
 * @param[in] system #AIROI_DATE_1900 or #AIROI_DATE_1904.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, non-finite or out-of-range serial,
 *         the phantom 1900-02-29, or an unknown system.
 * @since 0.1
 */
AIROI_API int airoi_date_from_excel(int32_t *out, double serial, airoi_date_system system);

/**
 * @brief Excel serial of a day number.
 *
 * Ownership: writes the caller's @p *out; keeps no reference.
 * @param[out] out The serial; untouched on failure.
 * @param[in] date Day number of a date Excel can represent (1900-01-01 or
 *            1904-01-01 on, up to 9999-12-31).
 * @param[in] system #AIROI_DATE_1900 or #AIROI_DATE_1904.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out, a date before the system's epoch,
 *         or an unknown system.
 * @since 0.1
 */
AIROI_API int airoi_date_to_excel(double *out, int32_t date, airoi_date_system system);

AIROI_END_DECLS

#endif /* AIROI_DATES_H */
