/*
 * lib/core/errors.c: status texts and the thread-local last error message.
 */
#include <stdio.h>
#include <string.h>

#include "core-private.h"

#if defined(_MSC_VER)
#  define AIROI__THREAD_LOCAL __declspec(thread)
#else
#  define AIROI__THREAD_LOCAL _Thread_local
#endif

#define AIROI__ERROR_MAX 1024

static AIROI__THREAD_LOCAL char error_message[AIROI__ERROR_MAX];

void airoi__error_clear(void)
{
    error_message[0] = '\0';
}

int airoi__error_v(int status, const char *fmt, va_list ap)
{
    int n = vsnprintf(error_message, sizeof error_message, fmt, ap);
    if (n < 0)
        error_message[0] = '\0';
    return status;
}

int airoi__error(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    airoi__error_v(status, fmt, ap);
    va_end(ap);
    return status;
}

const char *airoi__error_get(void)
{
    return error_message;
}

AIROI_API const char *airoi_last_error_message(void)
{
    return airoi__error_get();
}

const char *airoi__status_str(int status)
{
    switch (status) {
    case AIROI_OK: return "success";
    case AIROI_ERR_INVALID: return "invalid argument";
    case AIROI_ERR_NOMEM: return "out of memory";
    case AIROI_ERR_NO_SOLUTION: return "no solution";
    case AIROI_ERR_BUFFER: return "buffer too small";
    case AIROI_ERR_NOT_FOUND: return "not found";
    case AIROI_ERR_IO: return "input/output error";
    case AIROI_ERR_PARSE: return "malformed model file";
    case AIROI_ERR_MODEL: return "inconsistent model";
    case AIROI_ERR_RANGE: return "result out of range";
    case AIROI_ERR_CANCELLED: return "cancelled";
    case AIROI_ERR_LIMIT: return "limit exceeded";
    case AIROI_ERR_INTERNAL: return "internal error";
    case AIROI_ERR_UNDEFINED: return "undefined figure";
    default: return "unknown status";
    }
}

AIROI_API const char *airoi_status_str(int status)
{
    return airoi__status_str(status);
}
