/*
 * lib/eval: the data behind the result and schedule handles, and the
 * evaluation internals shared by evaluate.c, schedule.c, audit.c and
 * benchmark-eval.c. Read by the layers above eval; not part of the API.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which remembers the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_EVAL_PRIVATE_H
#define AIROI_EVAL_PRIVATE_H

#include "airoi/result.h"
#include "airoi/schedule.h"
#include "model-private.h"

#define AIROI__METRIC_COUNT 27
#define AIROI__COLUMN_COUNT 9

struct airoi_schedule {
    size_t n;
    double rate;
    int has_split;
    double *col[AIROI__COLUMN_COUNT];
    double *cat[AIROI__CATEGORY_COUNT];
    double *dim[AIROI__DIMENSION_COUNT];
    double *block;     /* one allocation behind every column */
};

typedef struct airoi__finding {
    const char *code;  /* static */
    int severity;
    char *message;
    char *subject;     /* NULL: the whole project */
    double actual;
    double reference;
} airoi__finding;

struct airoi_result {
    /* Settings of the evaluation; the strings are owned by the top-level
     * result (owns_settings) and borrowed by its sub-results. */
    airoi__settings settings;
    int owns_settings;

    const struct airoi_result *parent;  /* a sub-result's result; NULL: caller-owned */
    char *scenario_name;   /* NULL: base case */
    int has_probability;
    double probability;
    unsigned flags;
    double metric[AIROI__METRIC_COUNT];
    int status[AIROI__METRIC_COUNT];
    double tco_category[AIROI__CATEGORY_COUNT];
    double dimension_total[AIROI__DIMENSION_COUNT];
    double strategic_unmonetized;
    airoi_schedule *schedule;
    struct airoi_result *subs;  /* array of n_subs sub-results */
    struct airoi_result *plan;  /* honest estimate: the same evaluation as planned */
    size_t n_subs;
    airoi__finding *findings;
    size_t n_findings;
    int use_case;          /* benchmark row, -1 when none */
    double years_per_period;
    int has_investment;
    double investment_factor;  /* tco_total x this = investment in the benchmark
                                  table's unit (airoi__benchmark_get_basis) */
    const struct airoi_tracking *tracking; /* the tracking whose plan this is (lib/track), or NULL */
    struct airoi__fin_flows *fin;   /* capex, depreciation, tax (tax.c); the after-tax
                                       result borrows its parent's */
    struct airoi_result *after_tax; /* the after-tax view, or NULL without a tax rate */
    int is_after_tax;
};

/* Per-period capex, depreciation, tax and loss carryforward balance of an
 * evaluation (tax.c), n each, in the allocation of the struct. */
typedef struct airoi__fin_flows {
    size_t n;
    double *capex, *dep, *tax, *cf;
} airoi__fin_flows;

/* Adds x to a compensated sum (s, c): Knuth's TwoSum puts the rounding
 * error of s + x into c (evaluate.c explains the per-period sums). */
static inline void airoi__acc_add(double *s, double *c, double x)
{
    double t = *s + x;
    double z = t - *s;
    *c += (*s - (t - z)) + (x - z);
    *s = t;
}

/* ---- capex, depreciation, tax, terminal value (tax.c) ----------------------- */

/* The life of a capital item in project periods (life in years x periods
 * per year), 0 when that is not a whole number >= 1. */
int32_t airoi__capex_life_periods(const airoi__item *it, int period);
/* Adds a capital item's outlays x[k] x factor (periods lo + k, k < len) to
 * the capex sums and their depreciation (periods after each outlay, within
 * 0..n-1) to the depreciation sums. */
void airoi__capex_add(double *cap_s, double *cap_c, double *dep_s, double *dep_c, size_t n,
                      int period, const airoi__item *it, const double *x, int32_t lo,
                      int32_t len, double factor);
/* From the finished schedule of r and its capex and depreciation sums: r->fin
 * and, with a tax rate, r->after_tax with its schedule finished (its
 * metrics are evaluate.c's). AIROI_ERR_NOMEM or a schedule error. */
int airoi__after_tax_build(airoi_result *r, const double *cap_s, const double *cap_c,
                           const double *dep_s, const double *dep_c);
const char *airoi__finance_figure_name(int figure);
int airoi__result_get_finance_figure(double *out, const airoi_result *r, int figure);
int airoi__result_get_finance_series(double *buf, size_t cap, size_t *len_out,
                                     const airoi_result *r, int figure);
const airoi_result *airoi__result_get_after_tax(const airoi_result *r);

/* A copy of p's settings that owns its strings (name, currency, use_case,
 * narrative, stages),
 * for an object that describes itself after p changes (a result, a
 * simulation, a tornado, ...). AIROI_ERR_NOMEM with a message (the strings
 * copied so far are still owned: release them). */
int airoi__settings_copy(airoi__settings *st, const airoi_project *p);
/* Frees the strings of a copy (a zeroed st is fine). */
void airoi__settings_release(airoi__settings *st);

/* Allocates a schedule of n periods with every column zero. */
int airoi__schedule_alloc(airoi_schedule **out, size_t n, double rate, int has_split);
/* Fills net, cumulative and discounted columns from costs and benefits. */
int airoi__schedule_finish(airoi_schedule *s);

/* Figures of the base case the audit needs beyond the result itself. */
typedef struct airoi__audit_input {
    double value_gross;  /* counted value before realization, attribution, haircut */
    double value_net;    /* the same value after them */
} airoi__audit_input;

/* Honest-estimate uplift of each category (fraction added to its costs). */
extern const double airoi__honest_uplift[AIROI__CATEGORY_COUNT];

/* Cross-field checks (docs/methodology.md#validation); AIROI_ERR_MODEL with a message. */
int airoi__validate(const airoi_project *p);

/* Appends the audit findings (docs/methodology.md#audit) to a base-case result. */
int airoi__audit(airoi_result *r, const airoi_project *p, const airoi__audit_input *in);

/* The project's figure compared with a benchmark field, and its position;
 * AIROI_ERR_UNDEFINED (no message) when the figure is undefined, and
 * AIROI_ERR_NOT_FOUND when the result has no use case to compare with. */
int airoi__benchmark_value(double *out, const airoi_result *r, int field);
int airoi__benchmark_position(int *pos, const airoi_result *r, int field);

/* For the simulation (lib/sim): one item's base-case flows and their
 * factor as evaluation computes them, and the target rule of multipliers
 * (evaluate.c; docs/methodology.md#evaluation). */
int airoi__item_base_flows(double *buf, int32_t *lo, int32_t *hi, double *factor, int *counted,
                           const airoi_project *p, const airoi__item *it);
int airoi__item_matches(const airoi__item *it, const char *target);

/* ---- one item's flows (series.c; docs/methodology.md#evaluation) ---------- */

/* The adoption ceiling of an evaluation without one (adoption never
 * exceeds it, so min(a(k), it) = a(k)). */
#define AIROI__NO_CEILING 2.0

/* The constants of one item's flows. */
typedef struct airoi__item_plan {
    const airoi__item *it;
    int32_t first, last; /* periods of its first and last flow, before a delay */
    int32_t len;         /* flows within the horizon: periods first .. first + len - 1 */
    int32_t lump;        /* payment: lump: periods between two payments; else 0 */
    int is_value;
    double amount;       /* airoi__item_amount() */
    double base;         /* FX rate x per-period scale (FX rate alone for a lump) */
    double lg;           /* log1p(growth) */
    double li;           /* log1p(inflation) of a real item, else 0 */
    double y;            /* years per period */
    double k_once;       /* the adoption index of a one-off item */
} airoi__item_plan;

/* Fills *ip for item it of p; returns 0 when the item has no flow within
 * the horizon (its first period is beyond it). */
int airoi__item_plan_init(airoi__item_plan *ip, const airoi_project *p, const airoi__item *it);

/* The base-case flows of item it (no scenario): periods *lo..*hi of buf
 * (inclusive; the others untouched), before the item's own factors;
 * returns 0 when the item has no flow within the horizon. */
int airoi__item_raw(double *buf, int32_t *lo, int32_t *hi, const airoi_project *p,
                    const airoi__item *it);

#define AIROI__GROWTH_TABLES 4

/* One item's series, built once and applied to every evaluation of a
 * call; index k is period plan.first + k (before a scenario's delay).
 * Holds the growth factors of the last AIROI__GROWTH_TABLES growth rates,
 * shared by the items that have them. */
typedef struct airoi__item_series {
    size_t n;                 /* horizon + 1 */
    airoi__item_plan plan;
    double *w;                /* amount x growth x FX x scale, before adoption */
    double *a;                /* adoption a(k) of a value item */
    double *x;                /* the base case's flows: w, times min(a, 2) for a value item */
    double *tmp;              /* the flows under a scenario's adoption ceiling */
    double growth_g[AIROI__GROWTH_TABLES];
    double *growth_f[AIROI__GROWTH_TABLES]; /* e^(k y log1p(g)), k = 0..n-1 */
    size_t n_growth, growth_next;
    double *block;            /* one allocation behind the arrays */
} airoi__item_series;

/* Buffers for n = horizon + 1 periods; AIROI_ERR_NOMEM with a message. */
int airoi__item_series_alloc(airoi__item_series *s, size_t n);
void airoi__item_series_free(airoi__item_series *s);
/* Builds the series of item it of p (the n of the allocation); returns 0
 * when the item has no flow within the horizon. */
int airoi__item_series_build(airoi__item_series *s, const airoi_project *p,
                             const airoi__item *it);
/* The built item's flows under scenario sc (NULL: the base case): the
 * delay of a value item and its adoption ceiling applied. Points *x at
 * them, writes the period of x[0] into *lo, returns how many fall within
 * the horizon (0: none). */
int32_t airoi__item_series_apply(const double **x, int32_t *lo, airoi__item_series *s,
                                 const airoi_project *p, const airoi_scenario *sc);

/* --------------------------------------------- internal forms of the API */

/* airoi__NAME() does the work of the public airoi_NAME() (same file), which
 * adds only the entry bookkeeping (AIROI__ENTER). */

/* benchmark-eval.c */
int airoi__result_get_benchmark_value(double *out, const airoi_result *r,
                                      airoi_benchmark_field field);
int airoi__result_get_benchmark_position(airoi_benchmark_position *position, const airoi_result *r,
                                         airoi_benchmark_field field);

/* evaluate.c */
void airoi__result_free(airoi_result *r);
int airoi__project_evaluate(airoi_result **out, const airoi_project *p,
                            const char *scenario, unsigned flags);
int airoi__result_get_metric(double *out, const airoi_result *r, airoi_metric metric);
int airoi__result_get_metric_by_name(double *out, const airoi_result *r, const char *name);
int airoi__result_get_number(double *out, const airoi_result *r, airoi_project_param param);
const char *airoi__result_get_string(const airoi_result *r, airoi_project_param param);
int airoi__result_get_tco_category(double *out, const airoi_result *r, airoi_category category);
int airoi__result_get_value_dimension(double *out, const airoi_result *r,
                                      airoi_dimension dimension);
int airoi__result_get_strategic_value(double *out, const airoi_result *r);
unsigned airoi__result_get_flags(const airoi_result *r);
const airoi_schedule *airoi__result_get_schedule(const airoi_result *r);
size_t airoi__result_count_scenarios(const airoi_result *r);
const airoi_result *airoi__result_get_scenario(const airoi_result *r, size_t i);
int airoi__result_find_scenario(const airoi_result **out, const airoi_result *r,
                                const char *name);
const char *airoi__result_get_scenario_name(const airoi_result *r);
const airoi_result *airoi__result_get_plan(const airoi_result *r);
int airoi__result_get_probability(double *out, const airoi_result *r);
size_t airoi__result_count_findings(const airoi_result *r);
const char *airoi__result_get_finding_code(const airoi_result *r, size_t i);
int airoi__result_get_finding_severity(airoi_severity *out, const airoi_result *r, size_t i);
const char *airoi__result_get_finding_message(const airoi_result *r, size_t i);
const char *airoi__result_get_finding_subject(const airoi_result *r, size_t i);
int airoi__result_get_finding_numbers(double *actual, double *reference,
                                      const airoi_result *r, size_t i);

/* names.c */
/* 1 for a metric that is over all scenarios (expected_npv, expected_benefits,
 * expected_costs, roi_risk_adjusted), also in the result of one scenario. */
int airoi__metric_is_over_scenarios(airoi_metric metric);
int airoi__metric_from_name(airoi_metric *out, const char *name);
const char *airoi__metric_name(airoi_metric metric);
int airoi__severity_from_name(airoi_severity *out, const char *name);
const char *airoi__severity_name(airoi_severity severity);
int airoi__schedule_column_from_name(airoi_schedule_column *out, const char *name);
const char *airoi__schedule_column_name(airoi_schedule_column column);

/* schedule.c */
int airoi__schedule_new(airoi_schedule **out, const double *costs,
                        const double *benefits, size_t n, double rate);
int airoi__schedule_clone(airoi_schedule **out, const airoi_schedule *s);
void airoi__schedule_free(airoi_schedule *s);
size_t airoi__schedule_count_periods(const airoi_schedule *s);
int airoi__schedule_get_rate(double *out, const airoi_schedule *s);
int airoi__schedule_get_column(double *buf, size_t cap, size_t *len_out,
                               const airoi_schedule *s, airoi_schedule_column column);
int airoi__schedule_get_category(double *buf, size_t cap, size_t *len_out,
                                 const airoi_schedule *s, airoi_category category);
int airoi__schedule_get_dimension(double *buf, size_t cap, size_t *len_out,
                                  const airoi_schedule *s, airoi_dimension dimension);

/* validate.c */
int airoi__project_validate(const airoi_project *p);

#endif /* AIROI_EVAL_PRIVATE_H */
