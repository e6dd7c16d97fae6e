/*
 * lib/model: the one table of what each parameter may be (its key in model
 * files, its type, its bounds, which subjects it applies to) and the check
 * that reads it. The C setters, the loader (lib/io) and, through them,
 * the bindings refuse a value with the same words. Whole-project rules
 * (periods against the horizon, currencies against the FX table, the work
 * limit, ...) are in lib/eval (eval-private.h, airoi__validate_each()).
 * Internal header; not part of the API.
 *
 * Code in lib/ calls only airoi__ functions, never an exported one: the
 * internal form of each public airoi_NAME() is airoi__NAME() (the layer's
 * main private header; docs/layers.md).
 */
#ifndef AIROI_RULES_PRIVATE_H
#define AIROI_RULES_PRIVATE_H

#include <stddef.h>

/* What a rule's parameter belongs to; also the subject of a problem found
 * by the whole-project validator. */
enum {
    AIROI__SUBJ_PROJECT = 0,
    AIROI__SUBJ_COST = 1,     /* an item of kind AIROI_ITEM_KIND_COST */
    AIROI__SUBJ_VALUE = 2,    /* an item of kind AIROI_ITEM_KIND_VALUE */
    AIROI__SUBJ_SCENARIO = 3, /* one scenario */
    AIROI__SUBJ_SCENARIOS = 4 /* the scenarios together (their probabilities) */
};

/* Type of a parameter's value. */
enum {
    AIROI__PT_STRING,
    AIROI__PT_NUMBER, /* a finite double within the bounds */
    AIROI__PT_WHOLE,  /* a whole number within the bounds */
    AIROI__PT_ENUM,   /* a member of an enumeration: a whole number within the bounds */
    AIROI__PT_BOOL    /* 0 or 1 (false or true in a model file) */
};

typedef struct airoi__rule {
    int param;            /* the parameter's pinned value */
    const char *key;      /* its key in a model file, and its name in messages */
    unsigned subjects;    /* bits (1u << AIROI__SUBJ_*) it applies to */
    int type;             /* AIROI__PT_* */
    double lo, hi;        /* bounds, inclusive unless lo_open */
    unsigned char lo_open;     /* lo itself is refused */
    unsigned char hi_is_limit; /* above hi is AIROI_ERR_LIMIT, not AIROI_ERR_INVALID */
    const char *expected; /* what a valid value is, for "expected ...; got ..." */
} airoi__rule;

/* The rule of an item, project or scenario parameter; NULL for a value
 * that is not a parameter. */
const airoi__rule *airoi__item_rule(int param);
const airoi__rule *airoi__project_rule(int param);
const airoi__rule *airoi__scenario_rule(int param);

/* Rules of values that are not numbered parameters. */
extern const airoi__rule airoi__rule_fx_rate;     /* a rate of the FX table */
extern const airoi__rule airoi__rule_multiplier;  /* a scenario multiplier's factor */

/* Whether a rule applies to a subject (AIROI__SUBJ_*). */
int airoi__rule_applies(const airoi__rule *r, int subject);

/* Checks a number against a rule (not for AIROI__PT_STRING). Returns
 * AIROI_OK, or AIROI_ERR_INVALID / AIROI_ERR_LIMIT with the reason in msg
 * ("expected a share in [0, 1]; got 1.5", "20000 is above the limit of
 * 10000"), without the subject or the key: the caller says where. */
int airoi__rule_check(const airoi__rule *r, double v, char *msg, size_t cap);

/* The use-case rule (lib/model/benchmark.c): the benchmark row of a key or
 * alias, or -1 with "expected one of <keys>; got '<s>'" in msg. */
int airoi__rule_use_case(const char *s, char *msg, size_t cap);

/* The rule that item names are unique, in the words of the C setters and
 * the loader: "duplicate item name 'X'; " AIROI__RULE_UNIQUE_ITEM_NAME. */
#define AIROI__RULE_UNIQUE_ITEM_NAME "item names must be unique across costs and values"

/* Shortest text of a double that reads back as it ("0.1", "2"), as
 * airoi__format_double(); buf needs 32 bytes. */
const char *airoi__rule_number(char *buf, size_t cap, double v);

/* Whether a code is an ISO 4217 currency code (lib/model/iso4217.c, which
 * names the source of the table): exactly three uppercase letters listed
 * there. */
int airoi__iso4217_known(const char *code);

#endif /* AIROI_RULES_PRIVATE_H */
