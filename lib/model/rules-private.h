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
    AIROI__SUBJ_SCENARIOS = 4, /* the scenarios together (their probabilities) */
    AIROI__SUBJ_UNCERTAINTY = 5, /* one entry of `uncertainties` */
    AIROI__SUBJ_CORRELATION = 6, /* one entry of `correlations` */
    AIROI__SUBJ_STAGE = 7,       /* one entry of `stages` */
    AIROI__SUBJ_STAGES = 8,      /* the stages together (their periods) */
    AIROI__SUBJ_SIMULATION = 9   /* the `simulation:` settings (parameters only) */
};

/* Bounds of a rule that are refused themselves (airoi__rule.open). */
#define AIROI__OPEN_LO 1u
#define AIROI__OPEN_HI 2u

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
    double lo, hi;        /* bounds, inclusive unless open says otherwise */
    unsigned char open;        /* AIROI__OPEN_LO: lo itself is refused; AIROI__OPEN_HI: hi */
    unsigned char hi_is_limit; /* above hi is AIROI_ERR_LIMIT, not AIROI_ERR_INVALID */
    const char *expected; /* what a valid value is, for "expected ...; got ..." */
} airoi__rule;

/* The rule of an item, project or scenario parameter; NULL for a value
 * that is not a parameter. */
const airoi__rule *airoi__item_rule(int param);
const airoi__rule *airoi__project_rule(int param);
const airoi__rule *airoi__scenario_rule(int param);
/* The rule of an uncertainty, stage or simulation parameter (their enum
 * values, airoi_uncertainty_param etc.); NULL for a value that is not one. */
const airoi__rule *airoi__uncertainty_rule(int param);
const airoi__rule *airoi__stage_rule(int param);
const airoi__rule *airoi__sim_rule(int param);

/* Whether a distribution (airoi_distribution) uses an uncertainty
 * parameter; the parameters every distribution has (name, target, min,
 * max, per_period) are used by all. 0 for an unknown distribution or
 * parameter. */
int airoi__distribution_uses(int distribution, int param);
/* The keys a distribution uses, for messages ("low, mode, high, shape"). */
const char *airoi__distribution_keys(int distribution);

/* Rules of values that are not numbered parameters. */
extern const airoi__rule airoi__rule_fx_rate;     /* a rate of the FX table */
extern const airoi__rule airoi__rule_multiplier;  /* a scenario multiplier's factor */
extern const airoi__rule airoi__rule_distribution; /* an uncertainty's distribution */
extern const airoi__rule airoi__rule_output;      /* an output of a simulation */
extern const airoi__rule airoi__rule_rank;        /* a correlation's rank (Spearman) */
extern const airoi__rule airoi__rule_percentile;  /* an extra percentile of a simulation */
extern const airoi__rule airoi__rule_discrete_value;       /* a value of a discrete law */
extern const airoi__rule airoi__rule_discrete_probability; /* its probability */

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

/* A key that an uncertainty's distribution does not use, in the words of
 * the setters and the loader; printf arguments: the distribution's name,
 * the key, the distribution's keys (airoi__distribution_keys()). */
#define AIROI__RULE_UNUSED_PARAM \
    "the %s distribution does not use %s; its keys are %s (and min, max, per_period)"

/* An uncertainty is named by its name, or by its target when it has none;
 * a correlation names two of them. */
#define AIROI__RULE_UNIQUE_UNCERTAINTY \
    "give each uncertainty its own name (key name) and use that name"
#define AIROI__RULE_SELF_CORRELATION \
    "a correlation is between two different uncertainties"

/* Tolerance of probabilities that must sum to 1 (scenarios, the values of
 * a discrete distribution). */
#define AIROI__PROBABILITY_SUM_TOL 1e-9

/* Shortest text of a double that reads back as it ("0.1", "2"), as
 * airoi__format_double(); buf needs 32 bytes. */
const char *airoi__rule_number(char *buf, size_t cap, double v);

/* Whether a code is an ISO 4217 currency code (lib/model/iso4217.c, which
 * names the source of the table): exactly three uppercase letters listed
 * there. */
int airoi__iso4217_known(const char *code);

#endif /* AIROI_RULES_PRIVATE_H */
