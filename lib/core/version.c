/*
 * lib/core/version.c: run-time version of the library.
 */
#include "airoi/version.h"

AIROI_API int airoi_version(void)
{
    return AIROI_VERSION_NUMBER;
}

AIROI_API const char *airoi_version_string(void)
{
    return AIROI_VERSION_STRING;
}

AIROI_API int airoi_abi_version(void)
{
    return AIROI_ABI_VERSION;
}
