/*
 * lib/eval: the whole-project validator, the one place of the rules that
 * look at more than one value (periods against the horizon, a currency
 * against the FX table, a list against its periods, probabilities that sum
 * to 1, multiplier targets, the work limit). It reports each problem as
 * (subject, index, field, status, message) through a callback: the C API
 * (airoi_project_validate()) words the subject by name, the loader (lib/io)
 * maps it to the file, line and column of the YAML node. Values one at a
 * time are checked by the parameter table (model/rules-private.h).
 * Internal header; not part of the API.
 *
 * Code in lib/ calls only airoi__ functions, never an exported one: the
 * internal form of each public airoi_NAME() is airoi__NAME() (the layer's
 * main private header; docs/layers.md).
 */
#ifndef AIROI_VALIDATE_PRIVATE_H
#define AIROI_VALIDATE_PRIVATE_H

#include <stddef.h>

#include "airoi/project.h"
#include "rules-private.h"

/* Fields of a problem beyond the numbered parameters. */
enum {
    AIROI__FIELD_NONE = -1,         /* the subject as a whole */
    AIROI__FIELD_AMOUNTS = 100,     /* an item's per-period list ("amounts") */
    AIROI__FIELD_MULTIPLIERS = 101, /* a scenario's multiplier number `sub` */
    AIROI__FIELD_WORK = 102,        /* the project's evaluation work */
    AIROI__FIELD_FX = 103,          /* the FX entry of currency `target` */
    AIROI__FIELD_VALUES = 104,      /* the project's value items as a whole */
    AIROI__FIELD_PROBABILITIES = 105, /* a discrete uncertainty's `probabilities` */
    AIROI__FIELD_BETWEEN = 106,     /* a correlation's uncertainty number `sub` (0 or 1) */
    AIROI__FIELD_RANK = 107,        /* a correlation's `rank` (lib/io's matrix check) */
    AIROI__FIELD_CORRELATIONS = 108 /* the project's `correlations` as a whole (idem) */
};

/* Status of a plausibility warning (docs/model-format.md#plausibility-warnings):
 * the project still evaluates, and the problem does not count as the
 * validation's status. Its message does not start with "warning: "; the
 * callers add that. */
#define AIROI__PROBLEM_WARNING 0

typedef struct airoi__problem {
    int subject;         /* AIROI__SUBJ_* */
    size_t index;        /* the item's index among its kind, or the scenario's,
                            uncertainty's, correlation's or stage's */
    int field;           /* a parameter of the subject (airoi_item_param,
                            airoi_uncertainty_param, ...), or AIROI__FIELD_* */
    size_t sub;          /* the multiplier's index for AIROI__FIELD_MULTIPLIERS */
    int status;          /* AIROI_ERR_MODEL, AIROI_ERR_LIMIT or AIROI__PROBLEM_WARNING;
                            AIROI_ERR_NOMEM when the validator itself ran out of
                            memory (the callers stop and report that) */
    const char *message; /* the reason, without subject or field; valid during the call */
    const char *target;  /* the FX currency of AIROI__FIELD_FX, else NULL */
} airoi__problem;

/* Receives one problem; a non-zero return stops the validation. */
typedef int (*airoi__problem_fn)(void *userdata, const airoi__problem *problem);

/* Reports every problem of p (until fn stops it), errors and plausibility
 * warnings. Returns AIROI_OK when there was no error (warnings do not
 * count), else the status of the first error. */
int airoi__validate_each(const airoi_project *p, airoi__problem_fn fn, void *userdata);

/* The key of a problem's field in a model file ("at", "amounts", ...), or
 * NULL for AIROI__FIELD_NONE and AIROI__FIELD_WORK. */
const char *airoi__problem_key(const airoi__problem *problem);

/* A problem in the words of the C API, its subject by name: "cost item
 * 'GPU': at: period 9 is outside the horizon 0..3", with "warning: " in
 * front of a plausibility warning. */
void airoi__problem_text(char *buf, size_t cap, const airoi_project *p,
                         const airoi__problem *problem);

#endif /* AIROI_VALIDATE_PRIVATE_H */
