/*
 * lib/eval: evaluation internals shared by evaluate.c, audit.c and
 * benchmark-eval.c. Not part of the API.
 */
#ifndef AIROI_EVAL_PRIVATE_H
#define AIROI_EVAL_PRIVATE_H

#include "model-private.h"

/* Figures of the base case the audit needs beyond the result itself. */
typedef struct airoi__audit_input {
    double value_gross;  /* counted value before realization, attribution, haircut */
    double value_net;    /* the same value after them */
} airoi__audit_input;

/* Honest-estimate uplift of each category (fraction added to its costs). */
extern const double airoi__honest_uplift[AIROI__CATEGORY_COUNT];

/* Cross-field checks of SPEC 5.2; AIROI_ERR_MODEL with a message. */
int airoi__validate(const airoi_project *p);

/* Appends the audit findings of SPEC 1.1 / 5.2 to a base-case result. */
int airoi__audit(airoi_result *r, const airoi_project *p, const airoi__audit_input *in);

/* The project's figure compared with a benchmark field, and its position;
 * AIROI_ERR_NOT_FOUND (no message) when it does not exist. */
int airoi__benchmark_value(double *out, const airoi_result *r, int field);
int airoi__benchmark_position(int *pos, const airoi_result *r, int field);

#endif /* AIROI_EVAL_PRIVATE_H */
