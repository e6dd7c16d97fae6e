/*
 * lib/io: model files (YAML format v1). Internal header; lib/io is the only
 * place in the project that includes <yaml.h>, and no libyaml type appears
 * here.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which remembers the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_IO_PRIVATE_H
#define AIROI_IO_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/model.h"
#include "core-private.h"
#include "eval-private.h"
#include "validate-private.h"

/* Limits of the loader, documented in docs/model-format.md. */
#define AIROI__IO_MAX_DEPTH 64            /* nested collections */
#define AIROI__IO_MAX_NODES 2000000u      /* YAML nodes in a file */
#define AIROI__IO_MAX_ALIAS_NODES 100000u /* nodes reached again through aliases */
/* Items and scenarios: AIROI_ITEMS_MAX and AIROI_SCENARIOS_MAX, the limits
 * of the model layer itself. The saver refuses a project whose file would
 * break one of the limits above (or AIROI_MODEL_MAX_BYTES), so that every
 * file it writes loads back. */
#define AIROI__IO_MAX_DIAGS 100u          /* diagnostics kept per file */

/* Status of a warning: a diagnostic that does not make the load fail. Its
 * message starts with "warning: ". */
#define AIROI__DIAG_WARNING AIROI_OK

/* One diagnostic. */
typedef struct airoi__diag {
    int32_t line;   /* 1-based, 0 = no position */
    int32_t column; /* 1-based, 0 = no position */
    int status;     /* AIROI_ERR_PARSE, _MODEL, _LIMIT, _IO, or AIROI__DIAG_WARNING */
    char *message;
    char *text; /* "FILE:LINE:COL: message" */
} airoi__diag;

struct airoi_diagnostics {
    char *file; /* NULL when the loader was given no name */
    int bare;   /* not from a file (airoi_model_validate()): the text is the message */
    airoi__diag *v;
    size_t n;
    size_t cap;
};

/* The value of a hexadecimal digit, or -1 (diag.c). */
int airoi__hexval(char c);

/* A new empty list for `file` (copied; may be NULL). NULL when out of memory. */
airoi_diagnostics *airoi__diags_new(const char *file);

/* Appends a diagnostic; returns AIROI_OK or AIROI_ERR_NOMEM. */
int airoi__diags_add(airoi_diagnostics *d, int status, int32_t line, int32_t column,
                     const char *fmt, ...) AIROI__PRINTF(5, 6);

/* Sorts errors before warnings, each by position (stable; diagnostics
 * without a position first), so that the first one is an error if any is. */
void airoi__diags_sort(airoi_diagnostics *d);

/* The overall status of a list: LIMIT over PARSE over MODEL over IO; AIROI_OK
 * when it holds only warnings (or nothing). */
int airoi__diags_status(const airoi_diagnostics *d);

/* Parses a YAML 1.2 core-schema number (a plain scalar's text, `len` bytes).
 * Returns 0 and sets *out; 1 when the text is not a number; 2 for .inf/.nan
 * literals; 3 when the value overflows a double. */
int airoi__yaml_number(double *out, const char *s, size_t len);

/* 1 when a plain scalar with this text resolves to null, a boolean or a
 * number under the core schema (so a string with this text must be quoted). */
int airoi__yaml_plain_is_special(const char *s, size_t len);

/* --------------------------------------------- internal forms of the API */

/* airoi__NAME() does the work of the public airoi_NAME() (same file), which
 * adds only the entry bookkeeping (AIROI__ENTER). */

/* diag.c */
void airoi__diagnostics_free(airoi_diagnostics *d);
/* airoi_model_validate() (check.c), keeping the thread's message. */
int airoi__model_validate(airoi_diagnostics **diags_out, const airoi_project *p, unsigned flags);
/* The simulation layer's checks of the uncertain half, which loading a file
 * and airoi_model_validate() run after the validator found no error (and
 * airoi_project_validate(), below that layer, does not): each law compiles
 * as a simulation compiles it, a problem at the uncertainty (field its min
 * when set); then, when every law does, the rank correlations form a
 * positive semi-definite matrix, a problem at the rank of the pair's
 * correlation (AIROI__FIELD_RANK) or at the project's correlations
 * (AIROI__FIELD_CORRELATIONS), an error, or a warning when
 * simulation.repair repairs it. The messages are without subject and key
 * (load-uncertainty.c). AIROI_ERR_NOMEM (not reported through fn) or
 * AIROI_OK. */
int airoi__check_uncertain(const airoi_project *p, airoi__problem_fn fn, void *userdata);
size_t airoi__diagnostics_count(const airoi_diagnostics *d);
int airoi__diagnostics_get(const char **file, int32_t *line, int32_t *column,
                           const char **message, const airoi_diagnostics *d, size_t i);
int airoi__diagnostics_get_status(int *status_out, const airoi_diagnostics *d,
                                  size_t i);
const char *airoi__diagnostics_get_text(const airoi_diagnostics *d, size_t i);

/* load.c */
int airoi__model_load_buffer(airoi_project **out, airoi_diagnostics **diags_out,
                             const char *data, size_t len, const char *name,
                             unsigned flags);
int airoi__model_load_file(airoi_project **out, airoi_diagnostics **diags_out,
                           const char *path, unsigned flags);

/* load-portfolio.c (the portfolio type is lib/portfolio's) */
struct airoi_portfolio;
int airoi__portfolio_load_file(struct airoi_portfolio **out, airoi_diagnostics **diags_out,
                               const char *path, unsigned flags);
int airoi__portfolio_save_buffer(char **out, size_t *len_out, const struct airoi_portfolio *pf,
                                 unsigned flags);

/* save.c */
int airoi__model_save_buffer(char **out, size_t *len_out, const airoi_project *p,
                             unsigned flags);
int airoi__model_save_file(const airoi_project *p, const char *path, unsigned flags);

#endif /* AIROI_IO_PRIVATE_H */
