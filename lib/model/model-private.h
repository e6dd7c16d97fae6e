/*
 * lib/model: the data behind the project, item and scenario handles.
 * Internal header of lib/model, read by the layers above it; not part of
 * the API.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which remembers the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_MODEL_PRIVATE_H
#define AIROI_MODEL_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/benchmark.h"
#include "airoi/items.h"
#include "airoi/project.h"
#include "airoi/scenario.h"
#include "airoi/uncertainty.h"

#define AIROI__CATEGORY_COUNT 9
#define AIROI__DIMENSION_COUNT 4

/* One item, the public airoi_item; airoi__item is its name inside lib/. */
typedef struct airoi_item {
    airoi_project *owner;
    int kind;          /* airoi_item_kind */
    char *name;
    char *currency;    /* NULL: the project currency */
    int klass;         /* category (cost) or dimension (value) */
    double amount;
    double quantity;
    double unit_amount;
    int per;
    int32_t at;
    int32_t from;
    int32_t to;
    double growth;
    double realization;
    double attribution;
    double risk_adjustment;
    int monetized;
    int curve;
    double adopt_periods;
    double adopt_start;
    double adopt_ceiling;
    airoi_payment payment;
    int capex;         /* capital expenditure (tax.c) */
    double life;       /* years, when capex */
    int depreciation;  /* airoi_depreciation */
    double salvage;    /* share of each outlay */
    int real;          /* amounts in today's money */
    double *list;      /* explicit per-period amounts, or NULL */
    size_t n_list;
    uint32_t set;      /* bit (1u << AIROI__ENUM_INDEX(param)) when set explicitly */
} airoi__item;

typedef struct airoi__multiplier {
    char *target;
    double factor;
} airoi__multiplier;

struct airoi_scenario {
    airoi_project *owner;
    char *name;
    double probability;
    int32_t delay;
    double ceiling;
    uint32_t set;      /* bit (1u << AIROI__ENUM_INDEX(param)) */
    airoi__multiplier *mult;
    size_t n_mult;
    size_t cap_mult;
};

/* One entry of `uncertainties`: a distribution whose draw multiplies its
 * target (an item, a category, a dimension, or "values" / "costs"). The
 * fields a distribution does not use are 0 and their bits clear; the
 * setters refuse them. Unset fields with a default hold it from the start
 * (pert: shape 4; fixed: value 1), their bits clear. A discrete law has
 * n_values >= 1 once set (no bit). */
typedef struct airoi_uncertainty {
    airoi_project *owner;
    char *name;            /* optional unique name, or NULL: named by target */
    char *target;
    char *driver;          /* a portfolio driver shared across projects, or NULL */
    int distribution;      /* airoi_distribution */
    double low, mode, high, shape;      /* uniform, triangular, pert */
    double mean, sd;                    /* normal; lognormal of the variable */
    double mu, sigma;                   /* lognormal of its log */
    double p, impact;                   /* bernoulli */
    double value;                       /* fixed */
    double min, max;                    /* truncation, when their bits are set */
    double *values;                     /* discrete: values and probabilities */
    double *probabilities;
    size_t n_values;
    int per_period;                     /* a draw per trial and period */
    uint64_t set;          /* bit (param - AIROI_UNCERTAINTY_NAME) when set */
} airoi__uncertainty;

/* One entry of `correlations`: a Spearman rank correlation between two
 * uncertainties, each named by its name or (when unnamed) its target. */
typedef struct airoi__correlation {
    char *a;
    char *b;
    double rank;
} airoi__correlation;

/* One entry of `stages`: a stage of a staged investment and its gate. */
typedef struct airoi__stage_def {
    char *name;
    double cost;           /* in the project's unit and currency */
    int32_t periods;       /* duration, whole periods >= 0 */
    double probability;    /* of passing its gate, in [0, 1]; when its bit is clear
                              (a model file may leave it out) the model gives none:
                              it holds 1 and the staging applies a field prior */
    int prior;             /* airoi_gate_prior when its bit is set: the gate's
                              probability is then the prior's (lib/sim/staging.c) */
    uint32_t set;          /* bit (param - AIROI_STAGE_NAME) when set */
} airoi__stage_def;

/* Simulation settings (the `simulation:` section, and the options a caller
 * passes): the public airoi_sim_options. Every field holds its default
 * until set (airoi__sim_options_defaults()). */
#define AIROI__SIM_DEFAULT_TRIALS 10000
#define AIROI__SIM_DEFAULT_BINS 50
#define AIROI__SIM_DEFAULT_TAIL 0.05
#define AIROI__SIM_OUTPUT_COUNT 5 /* members of airoi_sim_output */
struct airoi_sim_options {
    int64_t trials;
    uint64_t seed;
    int sampling;          /* airoi_sampling */
    int32_t threads;       /* 0: as many as the machine has */
    int32_t bins;          /* histogram bins */
    double roi_target;     /* for P(ROI > target) */
    double tail_level;     /* value at risk / expected shortfall level, e.g. 0.05 */
    int keep_trials;       /* keep per-trial values for the caller */
    int repair;            /* repair a correlation matrix that is not PSD */
    int outputs[8];        /* airoi_sim_output members, in the order asked */
    size_t n_outputs;      /* 0: all */
    double *percentiles;   /* extra percentiles, in (0, 100) */
    size_t n_percentiles;
    uint64_t set;          /* bit (param - AIROI_SIM_TRIALS) when set */
};

/* Tax, inflation and terminal value of a project (the `tax`, `inflation`
 * and `terminal_value` keys; lib/eval/tax.c): copied whole into settings. */
typedef struct airoi__fin_settings {
    double tax_rate;       /* meaningful when AIROI_PROJECT_TAX_RATE is set */
    int loss_carryforward;
    double inflation;      /* annual */
    int discount_real;     /* discount_rate is real */
    int tv_method;         /* airoi_terminal_method */
    double tv_growth;      /* annual */
    double tv_multiple;
} airoi__fin_settings;

struct airoi_project {
    char *name;
    char *currency;
    char *use_case;
    int period;
    int32_t horizon;
    double discount_rate;
    double finance_rate;
    double reinvest_rate;
    double unit;
    int32_t start;
    int stage;
    airoi__fin_settings fin;
    uint32_t set;      /* bit (1u << AIROI__ENUM_INDEX(param)) */

    char **fx_cur;
    double *fx_rate;
    size_t n_fx;
    size_t cap_fx;

    airoi__item **costs;
    size_t n_costs;
    size_t cap_costs;
    airoi__item **values;
    size_t n_values;
    size_t cap_values;
    airoi_scenario **scenarios;
    size_t n_scenarios;
    size_t cap_scenarios;

    /* name -> item index (open addressing over costs and values) */
    airoi__item **index;
    size_t index_cap;

    airoi__uncertainty **uncertainties;
    size_t n_uncertainties;
    size_t cap_uncertainties;
    airoi__correlation *correlations;
    size_t n_correlations;
    size_t cap_correlations;
    airoi__stage_def *stages;
    size_t n_stages;
    size_t cap_stages;
    airoi_sim_options *simulation;  /* the `simulation:` section, or NULL */

    struct airoi__narrative *narrative; /* the `narrative:` section, or NULL */
    struct airoi__tracking_def *tracking; /* actuals, indicators, criteria (tracking-private.h), or NULL */
};

/* The settings of a project as evaluation uses them; results keep a copy
 * so that they describe themselves after the project changes. */
typedef struct airoi__settings {
    const char *name;
    const char *currency;  /* NULL: unset */
    const char *use_case;  /* NULL: unset */
    int period;
    int32_t horizon;
    double discount_rate;
    double finance_rate;   /* effective: the discount rate when unset */
    double reinvest_rate;  /* effective: the discount rate when unset */
    double unit;
    int32_t start;
    int stage;
    airoi__fin_settings fin;
    uint32_t set;          /* the project's bits (1u << AIROI__ENUM_INDEX(param)) */
    const struct airoi__narrative *narrative; /* NULL: none */
    const airoi__stage_def *stages;           /* the staged roadmap, n_stages of them */
    size_t n_stages;
} airoi__settings;

/* Spellings of airoi_depreciation and airoi_terminal_method (finance-enums.c):
 * from_name fails with AIROI_ERR_INVALID and a message listing them. */
int airoi__depreciation_from_name(int *out, const char *name);
const char *airoi__depreciation_name(int method);
int airoi__terminal_method_from_name(int *out, const char *name);
const char *airoi__terminal_method_name(int method);

/* The nominal annual discount rate of settings: (1 + r)(1 + inflation) - 1
 * when the stated rate r is real, r otherwise (docs/methodology.md\#inflation). */
double airoi__settings_nominal_discount(const airoi__settings *st);

/* The settings of p, with strings borrowed from p. */
void airoi__project_settings(airoi__settings *out, const airoi_project *p);
/* airoi_project_get_number() and airoi_project_get_string() on settings. */
int airoi__settings_get_number(double *out, const airoi__settings *st, int param);
const char *airoi__settings_get_string(const airoi__settings *st, int param);

/* Periods per year (1, 4, 12) and months per period (12, 3, 1). */
int airoi__periods_per_year(int period);
int airoi__months_per(int per_or_period);

/* FX rate of a currency into the project currency (1 for NULL or the
 * project currency); 0 when missing. */
int airoi__project_fx(double *out, const airoi_project *p, const char *currency);

/* Lookup of an item by name in the project's index (NULL when absent). */
airoi__item *airoi__project_item_named(const airoi_project *p, const char *name);

/* Effective periods of an item in a project of horizon H. */
int32_t airoi__item_from(const airoi__item *it);
int32_t airoi__item_to(const airoi__item *it, int32_t horizon);
double airoi__item_amount(const airoi__item *it);
/* Project periods in one `per` of an item paid as a lump (payment: lump on
 * a recurring amount without a list, quoted per a quarter or year longer
 * than the project period): n > 1 then, the lump falling on periods from,
 * from + n, ...; 0 when the item is spread (docs/methodology.md#flows). */
int32_t airoi__item_lump_periods(const airoi__item *it, int period);

/* Checks a name or code: non-NULL, non-empty, at most AIROI_NAME_MAX bytes. */
int airoi__check_name(const char *s, const char *what);
/* Rebuilds the name index with room for `extra` more items. */
int airoi__project_reindex(airoi_project *p, size_t extra);

airoi__item *airoi__item_create(airoi_project *p, int kind, const char *name, int klass);
airoi__item *airoi__item_copy(const airoi__item *src, airoi_project *owner);
void airoi__item_destroy(airoi__item *it);
airoi_scenario *airoi__scenario_copy(const airoi_scenario *src, airoi_project *owner);
void airoi__scenario_destroy(airoi_scenario *s);

/* Benchmark table lookups shared by model (use-case validation) and eval. */
int airoi__benchmark_lookup(const char *key);

/* The units of the benchmark table (lib/model/benchmark.c): investment
 * ranges are in investment_unit x currency ("10,000 TWD"). */
typedef struct airoi__benchmark_basis {
    const char *currency;         /* ISO 4217 code */
    double investment_unit;       /* amount of currency per unit of the ranges */
    const char *investment_label; /* the unit in words, for messages and reports */
} airoi__benchmark_basis;
const airoi__benchmark_basis *airoi__benchmark_get_basis(void);

/* --------------------------------------------- internal forms of the API */

/* airoi__NAME() does the work of the public airoi_NAME() (same file), which
 * adds only the entry bookkeeping (AIROI__ENTER). */

/* benchmark.c */
size_t airoi__benchmark_count(void);
const char *airoi__benchmark_get_key(size_t i);
const char *airoi__benchmark_get_label(size_t i);
int airoi__benchmark_find(size_t *index, const char *key);
int airoi__benchmark_get_range(double *low, double *high, size_t i, airoi_benchmark_field field);
int airoi__benchmark_get_dimensions(airoi_dimension *buf, size_t cap, size_t *len_out, size_t i);

/* enums.c */
int airoi__period_from_name(airoi_period *out, const char *name);
const char *airoi__period_name(airoi_period period);
int airoi__per_from_name(airoi_per *out, const char *name);
const char *airoi__per_name(airoi_per per);
int airoi__category_from_name(airoi_category *out, const char *name);
const char *airoi__category_name(airoi_category category);
int airoi__category_is_hidden(airoi_category category);
int airoi__dimension_from_name(airoi_dimension *out, const char *name);
const char *airoi__dimension_name(airoi_dimension dimension);
int airoi__stage_from_name(airoi_stage *out, const char *name);
const char *airoi__stage_name(airoi_stage stage);
int airoi__curve_from_name(airoi_curve *out, const char *name);
const char *airoi__curve_name(airoi_curve curve);
int airoi__distribution_from_name(airoi_distribution *out, const char *name);
const char *airoi__distribution_name(airoi_distribution d);
int airoi__sampling_from_name(airoi_sampling *out, const char *name);
const char *airoi__sampling_name(airoi_sampling s);
int airoi__sim_output_from_name(airoi_sim_output *out, const char *name);
const char *airoi__sim_output_name(airoi_sim_output o);
int airoi__payment_from_name(airoi_payment *out, const char *name);
const char *airoi__payment_name(airoi_payment payment);

/* items.c */
int airoi__item_get_kind(airoi_item_kind *out, const airoi_item *item);
int airoi__item_set_number(airoi_item *item, airoi_item_param param, double v);
int airoi__item_get_number(double *out, const airoi_item *item, airoi_item_param param);
int airoi__item_set_string(airoi_item *item, airoi_item_param param, const char *s);
const char *airoi__item_get_string(const airoi_item *item, airoi_item_param param);
int airoi__item_is_set(const airoi_item *item, airoi_item_param param);
int airoi__item_set_amounts(airoi_item *item, const double *amounts, size_t n);
int airoi__item_get_amounts(double *buf, size_t cap, size_t *len_out,
                            const airoi_item *item);

/* project.c */
int airoi__project_new(airoi_project **out, const char *name);
void airoi__project_free(airoi_project *p);
int airoi__project_clone(airoi_project **out, const airoi_project *p);
int airoi__project_set_number(airoi_project *p, airoi_project_param param, double v);
int airoi__project_get_number(double *out, const airoi_project *p, airoi_project_param param);
int airoi__project_set_string(airoi_project *p, airoi_project_param param, const char *s);
const char *airoi__project_get_string(const airoi_project *p, airoi_project_param param);
int airoi__project_is_set(const airoi_project *p, airoi_project_param param);
int airoi__project_set_fx(airoi_project *p, const char *currency, double rate);
int airoi__project_get_fx(double *out, const airoi_project *p, const char *currency);
int airoi__project_remove_fx(airoi_project *p, const char *currency);
size_t airoi__project_count_fx(const airoi_project *p);
const char *airoi__project_get_fx_currency(const airoi_project *p, size_t i);
int airoi__project_add_cost(airoi_item **out, airoi_project *p, const char *name,
                            airoi_category category);
int airoi__project_add_value(airoi_item **out, airoi_project *p, const char *name,
                             airoi_dimension dimension);
size_t airoi__project_count_items(const airoi_project *p, airoi_item_kind kind);
const airoi_item *airoi__project_get_item(const airoi_project *p, airoi_item_kind kind, size_t i);
airoi_item *airoi__project_get_item_mutable(airoi_project *p, airoi_item_kind kind, size_t i);
int airoi__project_remove_item(airoi_project *p, airoi_item_kind kind, size_t i);
int airoi__project_find_item(airoi_item_kind *kind_out, size_t *index_out, const airoi_project *p,
                             const char *name);

/* scenario.c */
int airoi__project_add_scenario(airoi_scenario **out, airoi_project *p,
                                const char *name, double probability);
size_t airoi__project_count_scenarios(const airoi_project *p);
const airoi_scenario *airoi__project_get_scenario(const airoi_project *p, size_t i);
airoi_scenario *airoi__project_get_scenario_mutable(airoi_project *p, size_t i);
int airoi__project_find_scenario(size_t *index_out, const airoi_project *p,
                                 const char *name);
int airoi__project_remove_scenario(airoi_project *p, size_t i);
const char *airoi__scenario_get_name(const airoi_scenario *s);
int airoi__scenario_set_number(airoi_scenario *s, airoi_scenario_param param, double v);
int airoi__scenario_get_number(double *out, const airoi_scenario *s, airoi_scenario_param param);
int airoi__scenario_is_set(const airoi_scenario *s, airoi_scenario_param param);
int airoi__scenario_add_multiplier(airoi_scenario *s, const char *target, double factor);
size_t airoi__scenario_count_multipliers(const airoi_scenario *s);
int airoi__scenario_get_multiplier(const char **target, double *factor,
                                   const airoi_scenario *s, size_t i);
int airoi__scenario_remove_multiplier(airoi_scenario *s, size_t i);

/* uncertainty.c */
/* An uncertainty's identifier: its name, or its target when unnamed. */
const char *airoi__uncertainty_id(const airoi__uncertainty *u);
/* How many uncertainties have the identifier id; the index of the first in
 * *first (when any). */
size_t airoi__uncertainty_lookup(const airoi_project *p, const char *id, size_t *first);
/* Resolves the two names of every correlation of p to uncertainty indexes:
 * ends[2k] and ends[2k + 1] (2 x n_correlations entries), each an index or
 * AIROI__END_UNKNOWN (no uncertainty goes by the name) or
 * AIROI__END_AMBIGUOUS (several do); O((u + c) log u). AIROI_OK, or
 * AIROI_ERR_NOMEM with the message set. */
#define AIROI__END_UNKNOWN SIZE_MAX
#define AIROI__END_AMBIGUOUS (SIZE_MAX - 1)
int airoi__correlation_ends(size_t *ends, const airoi_project *p);
airoi__uncertainty *airoi__uncertainty_copy(const airoi__uncertainty *src, airoi_project *owner);
void airoi__uncertainty_destroy(airoi__uncertainty *u);
void airoi__correlation_clear(airoi__correlation *c);
int airoi__project_add_uncertainty(airoi_uncertainty **out, airoi_project *p, const char *target,
                                   airoi_distribution distribution);
size_t airoi__project_count_uncertainties(const airoi_project *p);
const airoi_uncertainty *airoi__project_get_uncertainty(const airoi_project *p, size_t i);
airoi_uncertainty *airoi__project_get_uncertainty_mutable(airoi_project *p, size_t i);
int airoi__project_find_uncertainty(size_t *index_out, const airoi_project *p, const char *name);
int airoi__project_remove_uncertainty(airoi_project *p, size_t i);
int airoi__uncertainty_get_distribution(airoi_distribution *out, const airoi_uncertainty *u);
int airoi__uncertainty_set_number(airoi_uncertainty *u, airoi_uncertainty_param param, double v);
int airoi__uncertainty_get_number(double *out, const airoi_uncertainty *u,
                                  airoi_uncertainty_param param);
int airoi__uncertainty_set_string(airoi_uncertainty *u, airoi_uncertainty_param param,
                                  const char *s);
const char *airoi__uncertainty_get_string(const airoi_uncertainty *u,
                                          airoi_uncertainty_param param);
int airoi__uncertainty_is_set(const airoi_uncertainty *u, airoi_uncertainty_param param);
int airoi__uncertainty_set_discrete(airoi_uncertainty *u, const double *values,
                                    const double *probabilities, size_t n);
int airoi__uncertainty_get_discrete(double *values, double *probabilities, size_t cap,
                                    size_t *len_out, const airoi_uncertainty *u);
int airoi__project_add_correlation(airoi_project *p, const char *a, const char *b, double rank);
size_t airoi__project_count_correlations(const airoi_project *p);
int airoi__project_get_correlation(const char **a, const char **b, double *rank,
                                   const airoi_project *p, size_t i);
int airoi__project_remove_correlation(airoi_project *p, size_t i);

/* stage.c */
void airoi__stage_clear(airoi__stage_def *s);
/* Clears the i-th stage's success probability (a model file without one). */
void airoi__stage_unset_probability(airoi_project *p, size_t i);
int airoi__project_add_stage(airoi_project *p, const char *name, double cost, int32_t periods,
                             double success_probability);
size_t airoi__project_count_stages(const airoi_project *p);
int airoi__project_get_stage_number(double *out, const airoi_project *p, size_t i,
                                    airoi_stage_param param);
int airoi__project_set_stage_number(airoi_project *p, size_t i, airoi_stage_param param,
                                    double v);
const char *airoi__project_get_stage_name(const airoi_project *p, size_t i);
int airoi__project_remove_stage(airoi_project *p, size_t i);

/* simopts.c */
void airoi__sim_options_defaults(airoi_sim_options *o);
airoi_sim_options *airoi__sim_options_copy(const airoi_sim_options *src);
void airoi__sim_options_destroy(airoi_sim_options *o);
int airoi__sim_options_new(airoi_sim_options **out);
int airoi__sim_options_clone(airoi_sim_options **out, const airoi_sim_options *o);
void airoi__sim_options_free(airoi_sim_options *o);
int airoi__sim_options_set_number(airoi_sim_options *o, airoi_sim_param param, double v);
int airoi__sim_options_get_number(double *out, const airoi_sim_options *o, airoi_sim_param param);
int airoi__sim_options_is_set(const airoi_sim_options *o, airoi_sim_param param);
int airoi__sim_options_set_outputs(airoi_sim_options *o, const airoi_sim_output *outputs,
                                   size_t n);
int airoi__sim_options_get_outputs(airoi_sim_output *buf, size_t cap, size_t *len_out,
                                   const airoi_sim_options *o);
int airoi__sim_options_set_percentiles(airoi_sim_options *o, const double *percentiles, size_t n);
int airoi__sim_options_get_percentiles(double *buf, size_t cap, size_t *len_out,
                                       const airoi_sim_options *o);
const airoi_sim_options *airoi__project_get_sim_options(const airoi_project *p);
int airoi__project_set_sim_options(airoi_project *p, const airoi_sim_options *o);

#endif /* AIROI_MODEL_PRIVATE_H */
