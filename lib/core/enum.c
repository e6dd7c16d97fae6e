/*
 * lib/core/enum.c: enumeration values to and from their spellings, for the
 * name tables of the layers above (lib/model/enums.c, lib/eval/names.c).
 */
#include <stdio.h>
#include <string.h>

#include "core-private.h"

int airoi__enum_from_name(int *out, const char *name, const char *const *names, size_t n,
                          const char *what)
{
    if (!out || !name)
        return airoi__error(AIROI_ERR_INVALID, "%s name: NULL argument", what);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            *out = (int)i;
            return AIROI_OK;
        }
    }
    /* in the words of the parameter table: "<what>: expected one of ...; got '...'" */
    char list[1024];
    size_t o = 0;
    list[0] = '\0';
    for (size_t i = 0; i < n && o < sizeof list; i++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", names[i]);
    return airoi__error(AIROI_ERR_INVALID, "%s: expected one of %s; got '%s'", what, list, name);
}

const char *airoi__enum_name(int v, const char *const *names, size_t n)
{
    if (v < 0 || (size_t)v >= n)
        return NULL;
    return names[v];
}
