/*
 * lib/core/dates.c: day numbers (days since 1970-01-01, proleptic Gregorian)
 * and their ISO 8601 and Excel serial forms. The civil-date arithmetic is
 * Howard Hinnant's days_from_civil / civil_from_days.
 */
#include <math.h>
#include <stdio.h>

#include "airoi/dates.h"
#include "core-private.h"

/* Day number of 1899-12-31: Excel 1900 serial s (s < 60) is this + s. */
#define EXCEL1900_BASE (-25568)
/* Day number of 1904-01-01: Excel 1904 serial s is this + s. */
#define EXCEL1904_BASE (-24107)
#define EXCEL1900_MAX 2958465.0
#define EXCEL1904_MAX 2957003.0

static int is_leap(int32_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int32_t month_length(int32_t y, int32_t m)
{
    static const int32_t len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

int airoi__is_leap_year(int32_t y)
{
    return is_leap(y);
}

int32_t airoi__month_length(int32_t y, int32_t m)
{
    return month_length(y, m);
}

static int32_t days_from_civil(int32_t y, int32_t m, int32_t d)
{
    y -= m <= 2;
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    int32_t yoe = y - era * 400;
    int32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int32_t *y, int32_t *m, int32_t *d)
{
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

int airoi__date_from_ymd(int32_t *out, int32_t year, int32_t month, int32_t day)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "date: output pointer is NULL");
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > month_length(year, month))
        return airoi__error(AIROI_ERR_INVALID, "date %04d-%02d-%02d does not exist",
                            (int)year, (int)month, (int)day);
    *out = days_from_civil(year, month, day);
    return AIROI_OK;
}

AIROI_API int airoi_date_from_ymd(int32_t *out, int32_t year, int32_t month, int32_t day)
{
    AIROI__ENTER();
    return airoi__date_from_ymd(out, year, month, day);
}

int airoi__date_to_ymd(int32_t *year, int32_t *month, int32_t *day, int32_t date)
{
    if (date < AIROI_DATE_MIN || date > AIROI_DATE_MAX)
        return airoi__error(AIROI_ERR_INVALID, "day number %ld is outside 0001-01-01..9999-12-31",
                            (long)date);
    int32_t y, m, d;
    civil_from_days(date, &y, &m, &d);
    if (year)
        *year = y;
    if (month)
        *month = m;
    if (day)
        *day = d;
    return AIROI_OK;
}

AIROI_API int airoi_date_to_ymd(int32_t *year, int32_t *month, int32_t *day, int32_t date)
{
    AIROI__ENTER();
    return airoi__date_to_ymd(year, month, day, date);
}

static int digits(const char *s, int n, int32_t *out)
{
    int32_t v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int airoi__date_from_iso(int32_t *out, const char *text)
{
    if (!out || !text)
        return airoi__error(AIROI_ERR_INVALID, "date: NULL argument");
    int32_t y, m, d;
    int ok;
    if (text[0] && text[1] && text[2] && text[3] && text[4] == '-')
        ok = digits(text, 4, &y) && text[4] == '-' && digits(text + 5, 2, &m) &&
             text[7] == '-' && digits(text + 8, 2, &d) && text[10] == '\0';
    else
        ok = digits(text, 4, &y) && digits(text + 4, 2, &m) && digits(text + 6, 2, &d) &&
             text[8] == '\0';
    if (!ok)
        return airoi__error(AIROI_ERR_INVALID,
                            "'%.40s' is not an ISO 8601 date (expected YYYY-MM-DD)", text);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_length(y, m))
        return airoi__error(AIROI_ERR_INVALID, "date %.40s does not exist", text);
    *out = days_from_civil(y, m, d);
    return AIROI_OK;
}

AIROI_API int airoi_date_from_iso(int32_t *out, const char *text)
{
    AIROI__ENTER();
    return airoi__date_from_iso(out, text);
}

int airoi__date_to_iso(char *buf, size_t cap, int32_t date)
{
    if (!buf)
        return airoi__error(AIROI_ERR_INVALID, "date: buffer is NULL");
    if (date < AIROI_DATE_MIN || date > AIROI_DATE_MAX)
        return airoi__error(AIROI_ERR_INVALID, "day number %ld is outside 0001-01-01..9999-12-31",
                            (long)date);
    if (cap < 11)
        return airoi__error(AIROI_ERR_BUFFER, "date: buffer of %zu bytes, 11 needed", cap);
    int32_t y, m, d;
    civil_from_days(date, &y, &m, &d);
    snprintf(buf, cap, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    return AIROI_OK;
}

AIROI_API int airoi_date_to_iso(char *buf, size_t cap, int32_t date)
{
    AIROI__ENTER();
    return airoi__date_to_iso(buf, cap, date);
}

int airoi__date_from_excel(int32_t *out, double serial, airoi_date_system system)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "date: output pointer is NULL");
    if (!isfinite(serial))
        return airoi__error(AIROI_ERR_INVALID, "Excel serial is not a finite number");
    double whole = floor(serial);
    if (system == AIROI_DATE_1900) {
        if (whole < 1 || whole > EXCEL1900_MAX)
            return airoi__error(AIROI_ERR_INVALID,
                                "Excel 1900 serial %.17g is outside 1..2958465", serial);
        int32_t s = (int32_t)whole;
        if (s == 60)
            return airoi__error(AIROI_ERR_INVALID,
                                "Excel serial 60 is the phantom 1900-02-29, which does not exist");
        *out = EXCEL1900_BASE + (s > 60 ? s - 1 : s);
        return AIROI_OK;
    }
    if (system == AIROI_DATE_1904) {
        if (whole < 0 || whole > EXCEL1904_MAX)
            return airoi__error(AIROI_ERR_INVALID,
                                "Excel 1904 serial %.17g is outside 0..2957003", serial);
        *out = EXCEL1904_BASE + (int32_t)whole;
        return AIROI_OK;
    }
    return airoi__enum_check((int)system, AIROI_DATE_1900, "Excel date system");
}

AIROI_API int airoi_date_from_excel(int32_t *out, double serial, airoi_date_system system)
{
    AIROI__ENTER();
    return airoi__date_from_excel(out, serial, system);
}

int airoi__date_to_excel(double *out, int32_t date, airoi_date_system system)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "date: output pointer is NULL");
    if (date > AIROI_DATE_MAX)
        return airoi__error(AIROI_ERR_INVALID, "day number %ld is after 9999-12-31", (long)date);
    if (system == AIROI_DATE_1900) {
        int32_t s = date - EXCEL1900_BASE;
        if (s < 1)
            return airoi__error(AIROI_ERR_INVALID, "dates before 1900-01-01 have no Excel serial");
        *out = (double)(s >= 60 ? s + 1 : s);
        return AIROI_OK;
    }
    if (system == AIROI_DATE_1904) {
        int32_t s = date - EXCEL1904_BASE;
        if (s < 0)
            return airoi__error(AIROI_ERR_INVALID,
                                "dates before 1904-01-01 have no Excel 1904 serial");
        *out = (double)s;
        return AIROI_OK;
    }
    return airoi__enum_check((int)system, AIROI_DATE_1900, "Excel date system");
}

AIROI_API int airoi_date_to_excel(double *out, int32_t date, airoi_date_system system)
{
    AIROI__ENTER();
    return airoi__date_to_excel(out, date, system);
}
