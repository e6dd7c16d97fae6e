/*
 * lib/core/version.c: run-time version of the library.
 */
#include "airoi/version.h"
#include "core-private.h"

int airoi__version(void)
{
    return AIROI_VERSION_NUMBER;
}

AIROI_API int airoi_version(void)
{
    return airoi__version();
}

const char *airoi__version_string(void)
{
    return AIROI_VERSION_STRING;
}

AIROI_API const char *airoi_version_string(void)
{
    return airoi__version_string();
}

int airoi__abi_version(void)
{
    return AIROI_ABI_VERSION;
}

AIROI_API int airoi_abi_version(void)
{
    return airoi__abi_version();
}
