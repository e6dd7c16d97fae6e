/* Build check: the public headers compile as strict C99 and the run-time
 * version agrees with the headers. */
#include <airoi/airoi.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    if (airoi_version() != AIROI_VERSION_NUMBER ||
        strcmp(airoi_version_string(), AIROI_VERSION_STRING) != 0 ||
        airoi_abi_version() != AIROI_ABI_VERSION) {
        fprintf(stderr, "headers %s (abi %d) but library %s (abi %d)\n", AIROI_VERSION_STRING,
                AIROI_ABI_VERSION, airoi_version_string(), airoi_abi_version());
        return 1;
    }
    if (!AIROI_VERSION_CHECK(0, 0, 1))
        return 1;
    return 0;
}
