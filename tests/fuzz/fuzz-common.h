/*
 * tests/fuzz/fuzz-common.h: checks shared by the fuzz targets (header-only,
 * each target is one file plus replay.c or libFuzzer).
 */
#ifndef AIROI_FUZZ_COMMON_H
#define AIROI_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

/* 1 when a JSON text has a bare nan/inf token where a value belongs
 * (after ':', ',' or '[' outside strings). */
static inline int json_has_nonfinite(const char *s)
{
    int in_string = 0;
    char prev = 0;
    for (; *s; s++) {
        if (in_string) {
            if (*s == '\\' && s[1])
                s++;
            else if (*s == '"')
                in_string = 0;
            continue;
        }
        if (*s == '"') {
            in_string = 1;
        } else if (*s != ' ' && *s != '\n') {
            if (prev == ':' || prev == ',' || prev == '[') {
                const char *t = *s == '-' ? s + 1 : s;
                if (!strncmp(t, "nan", 3) || !strncmp(t, "inf", 3) || !strncmp(t, "NaN", 3) ||
                    !strncmp(t, "Inf", 3))
                    return 1;
            }
            prev = *s;
        }
    }
    return 0;
}

/* A document written by a report function: its length is right (no NUL
 * inside) and, in JSON, no non-finite number; then it is freed. Takes the
 * addresses, read after the call: check_document(f(&text, &len, ...),
 * &text, &len, format) whatever order the arguments are evaluated in. */
static inline void check_document(int rc, char **text, const size_t *len, int format)
{
    if (rc == AIROI_OK) {
        if (!*text || strlen(*text) != *len)
            abort();
        if (format == AIROI_REPORT_JSON && json_has_nonfinite(*text))
            abort();
    } else if (*text) {
        abort(); /* a failure hands out nothing */
    }
    airoi_free(*text);
    *text = NULL;
}

#endif
