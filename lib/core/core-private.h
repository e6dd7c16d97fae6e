/*
 * lib/core: errors, allocation and small helpers shared by every layer.
 * Internal header; nothing here is part of the public API.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which remembers the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_CORE_PRIVATE_H
#define AIROI_CORE_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "airoi/dates.h"
#include "airoi/status.h"

#if defined(__MINGW32__)
/* mingw-w64: _POSIX_C_SOURCE selects its C99 printf family
 * (__USE_MINGW_ANSI_STDIO), which knows %zu; plain `printf` here would
 * check against msvcrt's formats and reject it. */
#  define AIROI__PRINTF(fmt, args) __attribute__((format(gnu_printf, fmt, args)))
#elif defined(__GNUC__)
#  define AIROI__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#  define AIROI__PRINTF(fmt, args)
#endif

/* The thread's last error message is set on failure only: a successful
 * public call never changes it (docs/errors.md).
 *
 * airoi__error_enter() (through AIROI__ENTER, first thing of every public
 * entry point) remembers the message as it was before the call.
 * airoi__error() and airoi__error_v() set a new message and return status,
 * so that a failure reads
 * `return airoi__error(AIROI_ERR_INVALID, "rate %g <= -1", r);`; the
 * message before the call is kept aside, not overwritten. Messages longer
 * than the buffer are truncated, never overflowed.
 * airoi__error_clear() gives back the message as it was before the public
 * call: an entry point that met failures it recovered from (an undefined
 * metric inside an evaluation, a row of a batch) calls it before it returns
 * success. */
void airoi__error_enter(void);
void airoi__error_clear(void);
int airoi__error(int status, const char *fmt, ...) AIROI__PRINTF(2, 3);
int airoi__error_v(int status, const char *fmt, va_list ap) AIROI__PRINTF(2, 0);

/* The current message (never NULL). */
const char *airoi__error_get(void);

#define AIROI__ENTER() airoi__error_enter()

#if defined(_WIN32)
/* Windows C runtimes (msvcrt, ucrt; mingw-w64) have no POSIX strerror_r;
 * their strerror_s does the same job. Returns 0 on success, as the XSI
 * strerror_r that _POSIX_C_SOURCE selects elsewhere. */
#  include <string.h>
static inline int airoi__strerror_r(int err, char *buf, size_t cap)
{
    return strerror_s(buf, cap, err) == 0 ? 0 : -1;
}
#  define strerror_r(err, buf, cap) airoi__strerror_r((err), (buf), (cap))
#endif

/* Allocation. All library memory goes through these, so that callers free
 * with airoi_free() and tests can inject allocation failures. */
void *airoi__malloc(size_t size);
void *airoi__calloc(size_t count, size_t size);
void *airoi__realloc(void *ptr, size_t size);
/* Like realloc for an array of count elements of size bytes; NULL (and the
 * old block kept) when count * size overflows. */
void *airoi__reallocarray(void *ptr, size_t count, size_t size);
void airoi__free(void *ptr);
char *airoi__strdup(const char *s);
char *airoi__strndup(const char *s, size_t n);

/* Allocation-failure injection, for tests only; thread-local (but see
 * airoi__alloc_fail_shared). After `after` more allocations succeed, the
 * next one fails, and then:
 * airoi__alloc_fail_after: every later one fails too (persistent);
 * airoi__alloc_fail_once:  later ones succeed again (transient).
 * A negative `after` disables injection. Each call resets the count that
 * airoi__alloc_failures() returns: the failures injected since. */
void airoi__alloc_fail_after(long after);
void airoi__alloc_fail_once(long after);
/* The same over every thread at once (one count, shared, in whatever order
 * the threads allocate): persistent when `persistent` is set. Disabled by
 * either call above. */
void airoi__alloc_fail_shared(long after, int persistent);
long airoi__alloc_failures(void);

/* Growable byte buffer used by writers (YAML save, reports). */
typedef struct airoi__buf {
    char *data;
    size_t len;
    size_t cap;
    int failed; /* sticky: an allocation failed, later appends are ignored */
} airoi__buf;

void airoi__buf_init(airoi__buf *b);
void airoi__buf_free(airoi__buf *b);
void airoi__buf_append(airoi__buf *b, const char *s, size_t n);
void airoi__buf_puts(airoi__buf *b, const char *s);
void airoi__buf_printf(airoi__buf *b, const char *fmt, ...) AIROI__PRINTF(2, 3);
/* Hands the NUL-terminated contents to the caller (free with airoi_free);
 * returns AIROI_ERR_NOMEM if any append failed. The buffer is emptied. */
int airoi__buf_detach(airoi__buf *b, char **out, size_t *len_out);

/* Neumaier compensated summation. */
typedef struct airoi__sum {
    double s;
    double c;
} airoi__sum;

static inline void airoi__sum_add(airoi__sum *acc, double x)
{
    double t = acc->s + x;
    if ((acc->s < 0 ? -acc->s : acc->s) >= (x < 0 ? -x : x))
        acc->c += (acc->s - t) + x;
    else
        acc->c += (x - t) + acc->s;
    acc->s = t;
}

static inline double airoi__sum_get(const airoi__sum *acc)
{
    return acc->s + acc->c;
}

/* Enumerations. Each family has its own value range: base = family number
 * << 8, members base + 0, base + 1, ... (the registry is lib/core/enum.c;
 * one line there registers a family). Never index an array with a raw
 * enumeration value: check it (airoi__enum_check) and take its index. */
#define AIROI__ENUM_BASE(v) ((int)((unsigned)(v) & ~0xFFu))
#define AIROI__ENUM_INDEX(v) ((int)((unsigned)(v) & 0xFFu))

/* The C type name of v's family ("airoi_per"), or NULL when v is in no
 * registered family; the name of constant v ("AIROI_PER_MONTH"), or NULL
 * when v is no member of a registered family; the number of members of the
 * family at base (0 for none). */
const char *airoi__enum_family_name(int v);
const char *airoi__enum_constant(int v);
size_t airoi__enum_count(int base);

/* Whether v is a member of the family at base: AIROI_OK, or
 * AIROI_ERR_INVALID with the reason in msg, naming the family expected and
 * the family of v ("AIROI_PER_MONTH is an airoi_per value; expected an
 * airoi_project_param"). airoi__enum_check() sets the thread's message to
 * "WHAT: reason" on failure. */
int airoi__enum_reason(char *msg, size_t cap, int v, int base);
int airoi__enum_check(int v, int base, const char *what);

/* Enumerations and their spellings: names[i] is the spelling of base + i.
 * airoi__enum_from_name() sets *out to base + the index of `name` in names,
 * or fails with AIROI_ERR_INVALID ("WHAT: expected one of ...; got 'name'");
 * airoi__enum_name() is the spelling of v, or NULL when v is not base + an
 * index of names (it sets no message). */
int airoi__enum_from_name(int *out, const char *name, const char *const *names, size_t n,
                          int base, const char *what);
const char *airoi__enum_name(int v, const char *const *names, size_t n, int base);

/* Growable arrays: grows *arr (elements of elem bytes, capacity *cap,
 * doubling from 8) so that it holds n + 1 elements. AIROI_ERR_NOMEM with a
 * message when out of memory (the array is then unchanged). */
int airoi__grow(void **arr, size_t *cap, size_t n, size_t elem);

/* The string hash of the library's hash tables (64-bit FNV-1a) over len
 * bytes of s. */
static inline uint64_t airoi__hash_str(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037u; /* the FNV offset basis */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

/* Numbers as text in the C convention ('.' as decimal point) whatever the
 * locale (numtext.c).
 * airoi__strtod_c: strtod of len bytes of s; *ok is 1 when all of them
 * were read.
 * airoi__format_double: the shortest decimal text that reads back as
 * exactly v, positional for 1e-6 <= |v| < 1e21 ("0.000123", "1500") and
 * with an exponent beyond ("1.5e+21", "1e-7"). The sign of zero reads back
 * too: +0 is "0", -0 is "-0.0" (in YAML's core schema and in JSON parsers
 * "-0" is the integer 0). A non-finite v (never produced by the library)
 * gives "null". buf needs 32 bytes. */
double airoi__strtod_c(const char *s, size_t len, int *ok);
void airoi__format_double(char *buf, size_t cap, double v);
/* airoi__format_double_sig: v rounded to sig significant digits (1 to 17)
 * as spreadsheets show it: 15 gives "1980" for 1980.0000000000002 and
 * "0.1" for 0.1. Trailing zeros dropped, positional for the same range as
 * airoi__format_double(), zero of either sign is "0", a non-finite v
 * "null". buf needs 32 bytes. */
void airoi__format_double_sig(char *buf, size_t cap, double v, int sig);
/* airoi__fmt_grouped: v with the given decimals and thousands separators,
 * as the report tables show amounts ("-1,234.50"); no sign on a zero,
 * "%.6g" from 1e15 on, "n/a" for a non-finite v. */
void airoi__fmt_grouped(char *buf, size_t cap, double v, int decimals);

/* Files. Paths are UTF-8 on every platform.
 *
 * airoi__fopen(): fopen() of a UTF-8 path; on Windows the path goes
 * through UTF-16 and _wfopen(), so that non-ASCII names work. NULL with
 * errno set on failure (EILSEQ: the path is not UTF-8).
 *
 * airoi__file_replace(): makes the file at path hold exactly the len bytes
 * of data, or leaves it as it was: the bytes go to a new file in the same
 * directory (path + ".XXXXXXXX.tmp", with the permissions of the file it
 * replaces), which is flushed to disk and then renamed over path (rename();
 * MoveFileExW with MOVEFILE_REPLACE_EXISTING on Windows). On failure the
 * temporary file is removed and the message names path and the cause:
 * AIROI_ERR_IO, or AIROI_ERR_NOMEM. */
FILE *airoi__fopen(const char *path, const char *mode);
int airoi__file_replace(const char *path, const void *data, size_t len);

/* 1 when every one of the n doubles is finite. */
int airoi__all_finite(const double *v, size_t n);

/* --------------------------------------------- internal forms of the API */

/* airoi__NAME() does the work of the public airoi_NAME() (same file), which
 * adds only the entry bookkeeping (AIROI__ENTER). */

/* dates.c */
/* Proleptic Gregorian: 1 for a leap year; the days of month m (1..12) of year y. */
int airoi__is_leap_year(int32_t y);
int32_t airoi__month_length(int32_t y, int32_t m);
int airoi__date_from_ymd(int32_t *out, int32_t year, int32_t month, int32_t day);
int airoi__date_to_ymd(int32_t *year, int32_t *month, int32_t *day, int32_t date);
int airoi__date_from_iso(int32_t *out, const char *text);
int airoi__date_to_iso(char *buf, size_t cap, int32_t date);
int airoi__date_from_excel(int32_t *out, double serial, airoi_date_system system);
int airoi__date_to_excel(double *out, int32_t date, airoi_date_system system);

/* errors.c */
const char *airoi__status_str(int status);

/* version.c */
int airoi__version(void);
const char *airoi__version_string(void);
int airoi__abi_version(void);

#endif /* AIROI_CORE_PRIVATE_H */
