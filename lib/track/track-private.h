/*
 * lib/track: plan against actual, re-forecasts, indicators and gate reviews
 * (track layer, above sim; docs/methodology.md#tracking). Internal header,
 * read by the layers above track (io, report); not part of the API.
 */
#ifndef AIROI_TRACK_PRIVATE_H
#define AIROI_TRACK_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/tracking.h"
#include "tracking-private.h"

#define AIROI__TRACKING_FIGURE_COUNT 11

typedef struct airoi__variance_row {
    char *item;
    int kind;
    int klass;
    double actual, planned;
} airoi__variance_row;

typedef struct airoi__indicator_track {
    const char *name;     /* borrowed from the copy of the project's data */
    double target;
    int direction;
    size_t n;
    const int32_t *periods;
    const double *values;
    int *status;          /* n */
} airoi__indicator_track;

typedef struct airoi__criterion_track {
    const char *indicator;
    int kind;
    double threshold;
    int32_t for_periods;
    int32_t *evidence;
    size_t n_evidence;
} airoi__criterion_track;

typedef struct airoi__gate_track {
    char *name;
    int status;
    int has_enpv;
    double enpv;
    int32_t start, periods;
    airoi__criterion_track *criteria;
    size_t n_criteria;
} airoi__gate_track;

struct airoi_tracking {
    airoi_result *plan;
    airoi_result *reforecast[2];
    double figure[AIROI__TRACKING_FIGURE_COUNT];
    int defined[AIROI__TRACKING_FIGURE_COUNT];
    int32_t as_of, gates_as_of;
    int32_t stage_offset;  /* D: the model's period t is stage-plan period D + t (0 without stages) */
    airoi__tracking_def *def; /* a copy of the project's tracking data (NULL: none) */
    airoi__variance_row *rows;
    size_t n_rows;
    airoi__indicator_track *ind;
    size_t n_ind;
    airoi__gate_track *gates;
    size_t n_gates;
};

/* --------------------------------------------- internal forms of the API */
int airoi__project_track(airoi_tracking **out, const airoi_project *p, unsigned flags);
void airoi__tracking_free(airoi_tracking *t);
int airoi__tracking_get_number(double *out, const airoi_tracking *t, int figure);
const airoi_result *airoi__tracking_get_plan(const airoi_tracking *t);
const airoi_result *airoi__tracking_get_reforecast(const airoi_tracking *t, int run_rate);
size_t airoi__tracking_count_variances(const airoi_tracking *t);
int airoi__tracking_get_variance(const char **item, airoi_item_kind *kind, int *klass,
                                 double *actual, double *planned, const airoi_tracking *t,
                                 size_t i);
size_t airoi__tracking_count_indicators(const airoi_tracking *t);
int airoi__tracking_get_indicator(const char **name, double *target, double *latest,
                                  int32_t *latest_period, airoi_indicator_status *status,
                                  const airoi_tracking *t, size_t i);
size_t airoi__tracking_count_indicator_periods(const airoi_tracking *t, size_t i);
int airoi__tracking_get_indicator_period(int32_t *period, double *value,
                                         airoi_indicator_status *status, const airoi_tracking *t,
                                         size_t i, size_t j);
size_t airoi__tracking_count_gates(const airoi_tracking *t);
int airoi__tracking_get_gate(const char **name, airoi_gate_status *status,
                             double *expected_npv_continue, int *has_expected_npv,
                             const airoi_tracking *t, size_t i);
size_t airoi__tracking_count_criteria(const airoi_tracking *t, size_t i);
int airoi__tracking_get_evidence(const char **indicator, double *threshold, int32_t *buf,
                                 size_t cap, size_t *len_out, const airoi_tracking *t, size_t i,
                                 size_t j);

#endif /* AIROI_TRACK_PRIVATE_H */
