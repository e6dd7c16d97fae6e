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

/* Two buffers: the message as it was when the current public call started
 * (buffers[kept]) and the one a failure of this call writes
 * (buffers[1 - kept]); shown is the one airoi_last_error_message() reads.
 * A failure sets shown to the new message; a call that succeeds leaves shown
 * as it was, so a message survives every successful call after it. */
static AIROI__THREAD_LOCAL char buffers[2][AIROI__ERROR_MAX];
static AIROI__THREAD_LOCAL int kept;
static AIROI__THREAD_LOCAL int shown;

void airoi__error_enter(void)
{
    kept = shown;
}

void airoi__error_clear(void)
{
    shown = kept;
}

int airoi__error_v(int status, const char *fmt, va_list ap)
{
    /* formatted aside first: an argument may point into the message it
     * replaces ("%s", airoi__error_get()) */
    char text[AIROI__ERROR_MAX];
    int n = vsnprintf(text, sizeof text, fmt, ap);
    if (n < 0)
        text[0] = '\0';
    memcpy(buffers[1 - kept], text, sizeof text);
    shown = 1 - kept;
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
    return buffers[shown];
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
