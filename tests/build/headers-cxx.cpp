// Build check: the public headers compile as C++11 and link with C linkage.
#include <airoi/airoi.h>
#include <cstring>

int main()
{
    double npv = 0;
    const double v[] = {-100.0, 60.0, 60.0};
    if (airoi_npv0(&npv, 0.1, v, 3) != AIROI_OK)
        return 1;
    return std::strcmp(airoi_version_string(), AIROI_VERSION_STRING) == 0 ? 0 : 1;
}
