/*
 * lib/core/enum.c: enumeration values to and from their spellings, for the
 * name tables of the layers above (lib/model/enums.c, lib/eval/names.c).
 */
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
    return airoi__error(AIROI_ERR_INVALID, "unknown %s '%s'", what, name);
}

const char *airoi__enum_name(int v, const char *const *names, size_t n)
{
    if (v < 0 || (size_t)v >= n)
        return NULL;
    return names[v];
}
