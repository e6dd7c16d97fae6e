/*
 * lib/model/tracking-private.h: the tracking data of a project
 * (tracking-data.c): actuals, the `tracking` settings, leading indicators
 * and the criteria of stage gates. Internal header; not part of the API.
 */
#ifndef AIROI_TRACKING_PRIVATE_H
#define AIROI_TRACKING_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/tracking.h"

/* Most consecutive periods a criterion may require (`for_periods`,
 * docs/model-format.md#tracking): the loader and the setter alike. */
#define AIROI__CRITERION_PERIODS_MAX 1000000

typedef struct airoi__actual {
    int32_t period;
    char *item;
    double amount;
} airoi__actual;

typedef struct airoi__indicator {
    char *name;
    int direction;         /* airoi_indicator_direction */
    double target;
    double at_risk;        /* when bit 0 of set */
    double off_track;      /* when bit 1 of set */
    int set;
    int32_t *periods;      /* ascending */
    double *values;
    size_t n, cap;
} airoi__indicator;

typedef struct airoi__criterion {
    size_t stage;
    char *indicator;
    int kind;              /* airoi_criterion_kind */
    double threshold;
    int32_t for_periods;
} airoi__criterion;

typedef struct airoi__tracking_def {
    airoi__actual *actuals;
    size_t n_actuals, cap_actuals;
    int32_t as_of, gates_as_of;
    int set;               /* bit 0: as_of, bit 1: gates_as_of */
    airoi__indicator *indicators;
    size_t n_indicators, cap_indicators;
    size_t n_values;       /* values of all indicators (AIROI_INDICATOR_VALUES_MAX) */
    airoi__criterion *criteria;
    size_t n_criteria, cap_criteria;
} airoi__tracking_def;

/* The project's tracking data, NULL when it has none. */
const airoi__tracking_def *airoi__project_tracking(const airoi_project *p);
/* A deep copy (NULL for NULL src); *failed set to 1 when out of memory. */
airoi__tracking_def *airoi__tracking_def_copy(const airoi__tracking_def *src, int *failed);
void airoi__tracking_def_destroy(airoi__tracking_def *t);
/* The indicator named `name`, or NULL. */
const airoi__indicator *airoi__indicator_named(const airoi__tracking_def *t, const char *name);
/* Removes the criteria of stage `stage` and renumbers those after it (when a stage is removed). */
void airoi__criteria_stage_removed(airoi_project *p, size_t stage);
/* Spellings of the tracking enumerations (NULL when out of range). */
const char *airoi__indicator_status_name(int status);
const char *airoi__gate_status_name(int status);
const char *airoi__criterion_kind_name(int kind);
const char *airoi__direction_name(int direction);

/* --------------------------------------------- internal forms of the API */
int airoi__project_add_actual(airoi_project *p, int32_t period, const char *item, double amount);
size_t airoi__project_count_actuals(const airoi_project *p);
int airoi__project_get_actual(int32_t *period, const char **item, double *amount,
                              const airoi_project *p, size_t i);
int airoi__project_set_tracking(airoi_project *p, int param, double v);
int airoi__project_get_tracking(double *out, const airoi_project *p, int param);
int airoi__project_add_indicator(airoi_project *p, const char *name, int direction, double target);
int airoi__project_set_indicator_threshold(airoi_project *p, const char *name, int status,
                                           double threshold);
int airoi__project_add_indicator_value(airoi_project *p, const char *name, int32_t period,
                                       double value);
size_t airoi__project_count_indicators(const airoi_project *p);
int airoi__project_get_indicator(const char **name, airoi_indicator_direction *direction,
                                 double *target, double *at_risk, double *off_track, int *set,
                                 const airoi_project *p, size_t i);
size_t airoi__project_count_indicator_values(const airoi_project *p, size_t i);
int airoi__project_get_indicator_value(int32_t *period, double *value, const airoi_project *p,
                                       size_t i, size_t j);
int airoi__project_add_criterion(airoi_project *p, size_t stage, const char *indicator, int kind,
                                 double threshold, int32_t for_periods);
size_t airoi__project_count_criteria(const airoi_project *p, size_t stage);
int airoi__project_get_criterion(const char **indicator, airoi_criterion_kind *kind,
                                 double *threshold, int32_t *for_periods, const airoi_project *p,
                                 size_t stage, size_t j);

#endif /* AIROI_TRACKING_PRIVATE_H */
