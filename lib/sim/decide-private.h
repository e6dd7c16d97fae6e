/*
 * lib/sim: what-if evaluations, tornado and spider data, staged investment
 * and break-even (whatif.c, tornado.c, staging.c, breakeven.c). Internal
 * header of lib/sim, read by the layers above it (io, report); not part of
 * the API. Formulas and sources: docs/methodology.md#decisions.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which clears the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_DECIDE_PRIVATE_H
#define AIROI_DECIDE_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/simulation.h"
#include "model-private.h"

/* ---- what-if evaluations (whatif.c) ---- */

/*
 * A private copy of a project whose base case is evaluated with one
 * multiplier on one target and an adoption cap, through the scenario
 * machinery of lib/eval (docs/methodology.md#scenarios): the copy has no
 * scenario but one, "what-if", whose multiplier and cap change between
 * evaluations. Multipliers may be any finite number (a negative one too:
 * a distribution's quantile may be below 0), as a simulation draw.
 */
typedef struct airoi__whatif {
    airoi_project *copy;
    airoi_scenario *sc;   /* the scenario "what-if" of copy */
    uint64_t cells;       /* cells of one evaluation: items x (horizon + 1) x 2 */
    uint64_t spent;       /* cells of the evaluations so far */
} airoi__whatif;

/* The what-if evaluations of one tornado, break-even or staging analysis
 * together may not exceed this many cells (seconds of work): past it,
 * AIROI_ERR_LIMIT (docs/errors.md#limits). */
#define AIROI__WHATIF_MAX_CELLS 1000000000u

/* Makes the copy of p; AIROI_ERR_NOMEM. */
int airoi__whatif_init(airoi__whatif *w, const airoi_project *p);
/* Frees the copy (a zeroed or released w is fine). */
void airoi__whatif_release(airoi__whatif *w);
/* AIROI_ERR_LIMIT when `evaluations` more would pass AIROI__WHATIF_MAX_CELLS. */
int airoi__whatif_reserve(const airoi__whatif *w, uint64_t evaluations);
/* NPV of the base case with `factor` on `target` (NULL: no multiplier) and
 * every value item's adoption capped at `ceiling` (1: no cap, since
 * adoption never exceeds 1). Statuses and messages of the evaluation;
 * AIROI_ERR_LIMIT past AIROI__WHATIF_MAX_CELLS. */
int airoi__whatif_npv(double *npv, airoi__whatif *w, const char *target, double factor,
                      double ceiling);

/* The name an uncertainty goes by: its name, or its target when unnamed. */
const char *airoi__uncertainty_label(const airoi__uncertainty *u);

/* ---- staged investment (staging.c) ---- */

/* Number of field priors, and the probability of prior index k
 * (k = prior - AIROI_PRIOR_PILOT). */
#define AIROI__GATE_PRIOR_COUNT 3

/* The gate probability of stage i of p: the probability of its prior when
 * it has one (*from_prior = 1), else its success_probability;
 * AIROI_ERR_MODEL naming the stage when it has neither. Shared with the
 * simulation, so that both read a gate the same way. */
int airoi__stage_gate(double *probability, int *from_prior, const airoi_project *p, size_t i);

/* ---------------------------------------------- internal forms of the API */

/* The project settings each was computed with (for reports), or NULL. */
const airoi__settings *airoi__tornado_get_settings(const airoi_tornado *t);
const airoi__settings *airoi__staging_get_settings(const airoi_staging *s);
const airoi__settings *airoi__breakeven_get_settings(const airoi_breakeven *b);

/* breakeven.c */
int airoi__breakeven_evaluate(airoi_breakeven **out, const airoi_project *p, unsigned flags);
void airoi__breakeven_free(airoi_breakeven *b);
int airoi__breakeven_get_base_npv(double *out, const airoi_breakeven *b);
int airoi__breakeven_get(double *multiplier, int *found, double *range_low, double *range_high,
                         const airoi_breakeven *b, int which);
size_t airoi__breakeven_count_inputs(const airoi_breakeven *b);
int airoi__breakeven_get_input(const char **input, double *multiplier, int *found,
                               double *range_low, double *range_high, const airoi_breakeven *b,
                               size_t i);

/* staging.c */
int airoi__gate_prior_get(double *probability, int prior);
int airoi__gate_prior_from_name(airoi_gate_prior *out, const char *name);
const char *airoi__gate_prior_name(int prior);
int airoi__staging_evaluate(airoi_staging **out, const airoi_project *p, unsigned flags);
void airoi__staging_free(airoi_staging *s);
int airoi__staging_get(double *out, const airoi_staging *s, int figure);
size_t airoi__staging_count(const airoi_staging *s);
int airoi__staging_get_stage(const char **name, double *probability, int *from_prior,
                             double *reach_probability, int32_t *start_period,
                             const airoi_staging *s, size_t i);

/* tornado.c */
int airoi__tornado_evaluate(airoi_tornado **out, const airoi_project *p, unsigned flags);
void airoi__tornado_free(airoi_tornado *t);
int airoi__tornado_get_base_npv(double *out, const airoi_tornado *t);
size_t airoi__tornado_count(const airoi_tornado *t);
int airoi__tornado_get(const char **input, double *low_npv, double *high_npv, double *swing,
                       const airoi_tornado *t, size_t i);
int airoi__tornado_get_spider(double *npv5, const airoi_tornado *t, size_t i);
int airoi__tornado_get_quantiles(double *multiplier5, const airoi_tornado *t, size_t i);

#endif /* AIROI_DECIDE_PRIVATE_H */
