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
    AIROI__FIELD_WORK = 102         /* the project's evaluation work */
};

typedef struct airoi__problem {
    int subject;         /* AIROI__SUBJ_* */
    size_t index;        /* the item's index among its kind, or the scenario's */
    int field;           /* an airoi_item_param or airoi_scenario_param, or AIROI__FIELD_* */
    size_t sub;          /* the multiplier's index for AIROI__FIELD_MULTIPLIERS */
    int status;          /* AIROI_ERR_MODEL or AIROI_ERR_LIMIT */
    const char *message; /* the reason, without subject or field; valid during the call */
} airoi__problem;

/* Receives one problem; a non-zero return stops the validation. */
typedef int (*airoi__problem_fn)(void *userdata, const airoi__problem *problem);

/* Reports every problem of p (until fn stops it). Returns AIROI_OK when
 * there was none, else the status of the first; AIROI_ERR_NOMEM when a
 * message could not be made. */
int airoi__validate_each(const airoi_project *p, airoi__problem_fn fn, void *userdata);

/* The key of a problem's field in a model file ("at", "amounts", ...), or
 * NULL for AIROI__FIELD_NONE and AIROI__FIELD_WORK. */
const char *airoi__problem_key(const airoi__problem *problem);

#endif /* AIROI_VALIDATE_PRIVATE_H */
