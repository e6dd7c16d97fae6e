/**
 * @file airoi.h
 * @brief Umbrella header: includes the whole public API of libairoi.
 *
 * @code
 * #include <airoi/airoi.h>
 * @endcode
 * Compile and link with `pkg-config --cflags --libs airoi`.
 */
#ifndef AIROI_AIROI_H
#define AIROI_AIROI_H

#include "airoi/common.h"
#include "airoi/version.h"
#include "airoi/status.h"
#include "airoi/dates.h"
#include "airoi/finance.h"
#include "airoi/project.h"
#include "airoi/items.h"
#include "airoi/scenario.h"
#include "airoi/schedule.h"
#include "airoi/result.h"
#include "airoi/benchmark.h"
#include "airoi/model.h"
#include "airoi/report.h"
#include "airoi/uncertainty.h"
#include "airoi/simulation.h"
#include "airoi/narrative.h"
#include "airoi/portfolio.h"
#include "airoi/tracking.h"
#include "airoi/tax.h"

#endif /* AIROI_AIROI_H */
