/*
 * lib/eval/evaluate.c: evaluation of a project and the result accessors;
 * its validation is validate.c, each item's flows series.c. Formulas and
 * sources: docs/methodology.md#evaluation.
 *
 * The path of an evaluation: airoi__project_evaluate() evaluates the
 * base case (or the chosen scenario) and every scenario together
 * (evaluate_set()): add_items() builds each item's series once
 * (airoi__item_series_build()) and adds it to the per-period sums of each
 * evaluation with that evaluation's factor, delay and adoption ceiling
 * (airoi__item_series_apply(), add_flows()); evaluation_finish() then
 * turns each evaluation's sums into its schedule, totals and metrics.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "airoi/finance.h"
#include "core-private.h"
#include "eval-private.h"
#include "finance-private.h"
#include "model-private.h"
#include "narrative-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

/* Honest-estimate uplifts: midpoints of the "typical underestimate"
 * ranges, by category (people 20-30%, infrastructure 30-50%, data incl.
 * governance 50-100%, software 20-40%, change management 100-200%).
 * Categories without a figure get none. */
const double airoi__honest_uplift[AIROI__CATEGORY_COUNT] = {
    0.25, /* people */
    0.40, /* infrastructure */
    0.30, /* software */
    0.75, /* data */
    0.75, /* data_governance */
    0.0,  /* integration */
    1.50, /* change_management */
    0.0,  /* maintenance: "often omitted entirely", audited instead */
    0.0,  /* opportunity */
};

static double years_per_period(int period)
{
    return 1.0 / (double)airoi__periods_per_year(period);
}

/* ---- scenario rules ---------------------------------------------------------- */

static int matches(const airoi__item *it, const char *target)
{
    if (strcmp(target, it->name) == 0)
        return 1;
    if (it->kind == AIROI_ITEM_KIND_COST)
        return strcmp(target, "costs") == 0 ||
               strcmp(target, airoi__category_name(it->klass)) == 0;
    return strcmp(target, "values") == 0 || strcmp(target, airoi__dimension_name(it->klass)) == 0;
}

static double scenario_factor(const airoi__item *it, const airoi_scenario *sc)
{
    double f = 1.0;
    if (!sc)
        return f;
    for (size_t m = 0; m < sc->n_mult; m++)
        if (matches(it, sc->mult[m].target))
            f *= sc->mult[m].factor;
    return f;
}

/* The factor applied to every flow of an item: its own (risk adjustment and
 * honest uplift of a cost; realization, attribution and haircut of a value)
 * times the scenario's multipliers. */
static double item_factor(const airoi__item *it, const airoi_scenario *sc, unsigned flags)
{
    double f;
    if (it->kind == AIROI_ITEM_KIND_COST) {
        f = 1.0 + it->risk_adjustment;
        if (flags & AIROI_EVAL_HONEST_ESTIMATE)
            f *= 1.0 + airoi__honest_uplift[AIROI__ENUM_INDEX(it->klass)];
    } else {
        f = it->realization * it->attribution * (1.0 - it->risk_adjustment);
    }
    return f * scenario_factor(it, sc);
}

/* Whether an item's flows count in the financial metrics (a strategic value
 * that is not monetized does not). */
static int item_counted(const airoi__item *it)
{
    return it->kind == AIROI_ITEM_KIND_COST || it->klass != AIROI_DIMENSION_STRATEGIC ||
           it->monetized;
}

/* One item's flows of the base case, for lib/sim: the raw flows of
 * periods lo..hi into buf (n = horizon + 1 doubles, zero outside them),
 * the factor evaluation multiplies them by (*factor), and whether they
 * count in the financial metrics (*counted). Returns 0 when the item has
 * no flow in 0..horizon. The product buf[t] x factor is the double
 * evaluation adds to the schedule. */
int airoi__item_base_flows(double *buf, int32_t *lo, int32_t *hi, double *factor, int *counted,
                           const airoi_project *p, const airoi__item *it)
{
    *factor = item_factor(it, NULL, 0);
    *counted = item_counted(it);
    return airoi__item_raw(buf, lo, hi, p, it);
}

/* Whether a multiplier's target (item name, category, dimension, `costs`,
 * `values`) names the item: the rule of scenario multipliers, which
 * uncertainties follow. */
int airoi__item_matches(const airoi__item *it, const char *target)
{
    return matches(it, target);
}

/* ---- adding up the items ---------------------------------------------------- */

/* Rows of per-period sums of one evaluation. */
enum {
    ROW_COSTS,
    ROW_BENEFITS,
    ROW_STRATEGIC,
    ROW_CAT,                                   /* one per category */
    ROW_DIM = ROW_CAT + AIROI__CATEGORY_COUNT, /* one per dimension */
    ROW_CAPEX = ROW_DIM + AIROI__DIMENSION_COUNT, /* capital costs (tax.c) */
    ROW_DEPR,                                     /* their depreciation */
    ROW_COUNT
};

/* Per-period sums of one evaluation over periods 0..n-1, each a
 * compensated sum held as two doubles: the running sum s and its
 * correction c. Neumaier's sum (airoi__sum_add()) adds to c the rounding
 * error of each addition, found with a branch on the larger operand;
 * Knuth's TwoSum finds the same error (it is exact, so unique) without
 * the branch: the same doubles, in rows the compiler can keep in
 * registers. */
typedef struct flows {
    size_t n;
    int period;            /* the project's, for capex lives */
    double *s, *c;         /* ROW_COUNT rows of n each */
    int audit;             /* gross and net are wanted */
    airoi__sum gross, net; /* counted value before and after item factors */
} flows;

#define acc_add airoi__acc_add /* eval-private.h */

static double acc_get(const flows *f, size_t row, size_t t)
{
    return f->s[row * f->n + t] + f->c[row * f->n + t];
}

/* Adds x[k] x factor to sums k = 0..len-1 of a row (s1, c1) and, when s2
 * is not NULL, of a second row: two periods at a time in vector registers
 * of two doubles with GCC or Clang (SSE2, NEON; the generic vector
 * extension), the same operations as acc_add() in each lane. */
#if defined(__GNUC__)
typedef double acc_v2d __attribute__((vector_size(16)));

static inline void acc_add_v2d(double *s, double *c, acc_v2d x)
{
    acc_v2d sv, cv;
    memcpy(&sv, s, sizeof sv);
    memcpy(&cv, c, sizeof cv);
    const acc_v2d t = sv + x;
    const acc_v2d z = t - sv;
    cv += (sv - (t - z)) + (x - z);
    memcpy(s, &t, sizeof t);
    memcpy(c, &cv, sizeof cv);
}
#endif

static void acc_add_rows(double *s1, double *c1, double *s2, double *c2, const double *x,
                         double factor, int32_t len)
{
    int32_t k = 0;
#if defined(__GNUC__)
    const acc_v2d fv = {factor, factor};
    for (; k + 2 <= len; k += 2) {
        acc_v2d v;
        memcpy(&v, x + k, sizeof v);
        v *= fv;
        acc_add_v2d(s1 + k, c1 + k, v);
        if (s2)
            acc_add_v2d(s2 + k, c2 + k, v);
    }
#endif
    for (; k < len; k++) {
        double v = x[k] * factor;
        acc_add(&s1[k], &c1[k], v);
        if (s2)
            acc_add(&s2[k], &c2[k], v);
    }
}

/* Adds len flows x[0..len-1] of an item, from period lo on, times factor
 * to the costs (and its category), to the benefits (and its dimension),
 * or to the strategic value that is not monetized. */
static void add_flows(flows *f, const airoi__item *it, const double *x, int32_t lo, int32_t len,
                      double factor)
{
    size_t n = f->n;
    size_t row1, row2 = ROW_COUNT;
    if (it->kind == AIROI_ITEM_KIND_COST) {
        row1 = ROW_COSTS;
        row2 = ROW_CAT + (size_t)AIROI__ENUM_INDEX(it->klass);
    } else if (item_counted(it)) {
        row1 = ROW_BENEFITS;
        row2 = ROW_DIM + (size_t)AIROI__ENUM_INDEX(it->klass);
    } else {
        row1 = ROW_STRATEGIC;
    }
    double *s2 = row2 == ROW_COUNT ? NULL : f->s + row2 * n + lo;
    double *c2 = row2 == ROW_COUNT ? NULL : f->c + row2 * n + lo;
    acc_add_rows(f->s + row1 * n + lo, f->c + row1 * n + lo, s2, c2, x, factor, len);
    if (it->kind == AIROI_ITEM_KIND_COST && it->capex)
        airoi__capex_add(f->s + ROW_CAPEX * n, f->c + ROW_CAPEX * n, f->s + ROW_DEPR * n,
                         f->c + ROW_DEPR * n, n, f->period, it, x, lo, len, factor);
    if (f->audit && row1 == ROW_BENEFITS)
        for (int32_t k = 0; k < len; k++) {
            acc_add(&f->gross.s, &f->gross.c, x[k]);
            acc_add(&f->net.s, &f->net.c, x[k] * factor);
        }
}

/* Writes the sums into the schedule's columns (then completed by
 * airoi__schedule_finish()) and the strategic total into the result. */
static int fill_schedule(airoi_result *r, const flows *f, const airoi_scenario *sc)
{
    airoi_schedule *s = r->schedule;
    size_t n = f->n;
    airoi__sum strat_total = {0, 0};
    for (size_t t = 0; t < n; t++) {
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)][t] = acc_get(f, ROW_COSTS, t);
        s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)][t] = acc_get(f, ROW_BENEFITS, t);
        for (size_t c = 0; c < AIROI__CATEGORY_COUNT; c++)
            s->cat[c][t] = acc_get(f, ROW_CAT + c, t);
        for (size_t d = 0; d < AIROI__DIMENSION_COUNT; d++)
            s->dim[d][t] = acc_get(f, ROW_DIM + d, t);
        airoi__sum_add(&strat_total, acc_get(f, ROW_STRATEGIC, t));
    }
    r->strategic_unmonetized = airoi__sum_get(&strat_total);
    int rc = airoi__schedule_finish(s);
    if (rc) {
        char why[256];
        snprintf(why, sizeof why, "%s", airoi__error_get());
        return airoi__error(rc, "%s%s%s: %s", sc ? "scenario '" : "the base case",
                            sc ? sc->name : "", sc ? "'" : "", why);
    }
    return AIROI_OK;
}

/* The sums of ne evaluations of p, f[e] under scenario scs[e] (NULL: the
 * base case): each item's series is built once (series.c) and added to
 * every evaluation with that evaluation's factor, delay and adoption
 * ceiling. Items are added in the project's order (every cost item, then
 * every value item), so each sum adds the same doubles in the same order
 * as an evaluation of its own would. */
static int add_items(flows *f, const airoi_scenario *const *scs, size_t ne,
                     const airoi_project *p, unsigned flags)
{
    airoi__item_series s;
    int rc = airoi__item_series_alloc(&s, (size_t)p->horizon + 1);
    if (rc)
        return rc;
    for (size_t i = 0; i < p->n_costs + p->n_values; i++) {
        const airoi__item *it = i < p->n_costs ? p->costs[i] : p->values[i - p->n_costs];
        if (!airoi__item_series_build(&s, p, it))
            continue;
        for (size_t e = 0; e < ne; e++) {
            const double *x;
            int32_t lo, len = airoi__item_series_apply(&x, &lo, &s, p, scs[e]);
            if (len > 0)
                add_flows(&f[e], it, x, lo, len, item_factor(it, scs[e], flags));
        }
    }
    airoi__item_series_free(&s);
    return AIROI_OK;
}

/* ---- metrics of one evaluation --------------------------------------------- */

/* A non-finite value with status AIROI_OK is kept as is, for check_finite()
 * to turn into AIROI_ERR_RANGE: an overflow is an error, not a null. */
static void set_metric(airoi_result *r, int m, double v, int status)
{
    r->metric[AIROI__ENUM_INDEX(m)] = status == AIROI_OK ? v : 0.0;
    r->status[AIROI__ENUM_INDEX(m)] = status;
}

/* A ratio of two finite figures; undefined (null) when the denominator is 0
 * or so small next to the numerator that the quotient is not a finite
 * number: that is a degenerate denominator, not an overflow of the model. */
static void ratio(airoi_result *r, int m, double num, double den)
{
    double q = den == 0.0 ? 0.0 : num / den;
    if (den == 0.0 || (isfinite(num) && isfinite(den) && !isfinite(q)))
        set_metric(r, m, 0.0, AIROI_ERR_UNDEFINED);
    else
        set_metric(r, m, q, AIROI_OK);
}

/* An ROI metric, by the rule of airoi_roi(); an overflow is kept as a
 * non-finite value for check_finite() to name. */
static void roi(airoi_result *r, int m, double benefits, double costs)
{
    double q = 0.0;
    int st = airoi__roi_totals(&q, benefits, costs);
    if (st == AIROI_ERR_RANGE)
        set_metric(r, m, benefits - costs, AIROI_OK);
    else
        set_metric(r, m, q, st);
}

static double total(const double *v, size_t from, size_t to)
{
    airoi__sum acc = {0, 0};
    for (size_t t = from; t <= to; t++)
        airoi__sum_add(&acc, v[t]);
    return airoi__sum_get(&acc);
}

/* AIROI_ERR_RANGE naming what overflowed in which evaluation. */
static int overflow(const airoi_scenario *sc, const char *what, const char *name)
{
    return airoi__error(AIROI_ERR_RANGE,
                        "%s%s%s: %s%s%s%s overflows (it is beyond the range of a double, about "
                        "1.8e308); the amounts are too large",
                        sc ? "scenario '" : "the base case", sc ? sc->name : "", sc ? "'" : "",
                        what, name ? " '" : "", name ? name : "", name ? "'" : "");
}

/* Every double a result exposes (metrics, totals by category and dimension,
 * strategic value) must be finite: AIROI_ERR_RANGE otherwise. The schedule
 * is checked by airoi__schedule_finish(). */
static int check_finite(const airoi_result *r, const airoi_scenario *sc)
{
    for (int c = 0; c < AIROI__CATEGORY_COUNT; c++)
        if (!isfinite(r->tco_category[c]))
            return overflow(sc, "the total of category",
                            airoi__category_name((airoi_category)(AIROI_CATEGORY_PEOPLE + c)));
    for (int d = 0; d < AIROI__DIMENSION_COUNT; d++)
        if (!isfinite(r->dimension_total[d]))
            return overflow(sc, "the total of dimension",
                            airoi__dimension_name(
                                (airoi_dimension)(AIROI_DIMENSION_EFFICIENCY + d)));
    if (!isfinite(r->strategic_unmonetized))
        return overflow(sc, "the strategic value that is not monetized", NULL);
    for (int m = 0; m < AIROI__METRIC_COUNT; m++)
        if (r->status[m] == AIROI_OK && !isfinite(r->metric[m]))
            return overflow(sc, "metric", airoi__metric_name((airoi_metric)(AIROI_METRIC_NPV + m)));
    return AIROI_OK;
}

/* Totals over periods 0..horizon, TCO by category (direct and hidden),
 * value by dimension, and their yearly averages. */
static int set_totals(airoi_result *r, const airoi_scenario *sc, const airoi__audit_input *audit)
{
    const airoi_schedule *s = r->schedule;
    size_t n = s->n;
    int32_t H = r->settings.horizon;
    double y = r->years_per_period;
    double tc = total(s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)], 0, n - 1);
    double tb = total(s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)], 0, n - 1);
    airoi__sum direct = {0, 0}, hidden = {0, 0};
    for (int c = 0; c < AIROI__CATEGORY_COUNT; c++) {
        r->tco_category[c] = total(s->cat[c], 0, n - 1);
        airoi__sum_add(airoi__category_is_hidden((airoi_category)(AIROI_CATEGORY_PEOPLE + c))
                           ? &hidden
                           : &direct,
                       r->tco_category[c]);
    }
    for (int d = 0; d < AIROI__DIMENSION_COUNT; d++)
        r->dimension_total[d] = total(s->dim[d], 0, n - 1);
    if (!isfinite(tc))
        return overflow(sc, "the sum of costs over periods 0..horizon", NULL);
    if (!isfinite(tb))
        return overflow(sc, "the sum of benefits over periods 0..horizon", NULL);
    int rc = check_finite(r, sc); /* categories and dimensions */
    if (rc)
        return rc;
    if (audit && (!isfinite(audit->value_gross) || !isfinite(audit->value_net)))
        return overflow(sc, "the total value before realization and attribution", NULL);
    set_metric(r, AIROI_METRIC_TOTAL_COSTS, tc, AIROI_OK);
    set_metric(r, AIROI_METRIC_TOTAL_BENEFITS, tb, AIROI_OK);
    set_metric(r, AIROI_METRIC_TCO_TOTAL, tc, AIROI_OK);
    set_metric(r, AIROI_METRIC_TCO_DIRECT, airoi__sum_get(&direct), AIROI_OK);
    set_metric(r, AIROI_METRIC_TCO_HIDDEN, airoi__sum_get(&hidden), AIROI_OK);
    ratio(r, AIROI_METRIC_TCO_HIDDEN_SHARE, airoi__sum_get(&hidden), tc);
    if (H > 0) {
        set_metric(r, AIROI_METRIC_ANNUAL_COSTS, tc / (H * y), AIROI_OK);
        set_metric(r, AIROI_METRIC_ANNUAL_BENEFITS, tb / (H * y), AIROI_OK);
    } else {
        set_metric(r, AIROI_METRIC_ANNUAL_COSTS, 0.0, AIROI_ERR_UNDEFINED);
        set_metric(r, AIROI_METRIC_ANNUAL_BENEFITS, 0.0, AIROI_ERR_UNDEFINED);
    }
    return AIROI_OK;
}

/* ROI over the first year (periods 0..min(1/y, horizon)), the horizon, and
 * a year of the horizon (its totals divided by its years; undefined for a
 * horizon of 0). */
static void set_roi_layers(airoi_result *r)
{
    const double *costs = r->schedule->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)];
    const double *benefits = r->schedule->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)];
    size_t w = (size_t)airoi__periods_per_year(r->settings.period);
    if (w > (size_t)r->settings.horizon)
        w = (size_t)r->settings.horizon;
    double fc = total(costs, 0, w), fb = total(benefits, 0, w);
    double tc = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_COSTS)];
    double tb = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_BENEFITS)];
    set_metric(r, AIROI_METRIC_FIRST_YEAR_COSTS, fc, AIROI_OK);
    set_metric(r, AIROI_METRIC_FIRST_YEAR_BENEFITS, fb, AIROI_OK);
    roi(r, AIROI_METRIC_ROI_BASIC, fb, fc);
    roi(r, AIROI_METRIC_ROI_HORIZON, tb, tc);
    if (r->status[AIROI__ENUM_INDEX(AIROI_METRIC_ANNUAL_COSTS)] == AIROI_OK)
        roi(r, AIROI_METRIC_ROI_ANNUALISED,
            r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_ANNUAL_BENEFITS)],
            r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_ANNUAL_COSTS)]);
    else
        set_metric(r, AIROI_METRIC_ROI_ANNUALISED, 0.0, AIROI_ERR_UNDEFINED);
}

/* NPV, present values of costs and benefits and their ratios, through the
 * finance kernels, at the schedule's per-period rate. */
static int set_present_values(airoi_result *r)
{
    const airoi_schedule *s = r->schedule;
    double npv, pvc, pvb;
    int rc = airoi__npv0(&npv, s->rate, s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)], s->n);
    if (rc == AIROI_OK)
        rc = airoi__npv0(&pvc, s->rate, s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)], s->n);
    if (rc == AIROI_OK)
        rc = airoi__npv0(&pvb, s->rate, s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)], s->n);
    if (rc != AIROI_OK)
        return airoi__error(rc == AIROI_ERR_RANGE ? AIROI_ERR_RANGE : AIROI_ERR_INTERNAL,
                            "present value of the schedule failed: %s", airoi__status_str(rc));
    set_metric(r, AIROI_METRIC_NPV, npv, AIROI_OK);
    set_metric(r, AIROI_METRIC_PV_COSTS, pvc, AIROI_OK);
    set_metric(r, AIROI_METRIC_PV_BENEFITS, pvb, AIROI_OK);
    set_metric(r, AIROI_METRIC_TCO_PV, pvc, AIROI_OK);
    ratio(r, AIROI_METRIC_NPV_ROI, npv, pvc);
    ratio(r, AIROI_METRIC_BCR, pvb, pvc);
    return AIROI_OK;
}

/* A per-period rate x of a kernel (status rc) as an annual rate metric. */
static void set_annual_rate(airoi_result *r, int m, int rc, double x)
{
    if (rc == AIROI_OK && x > -1.0) {
        double ann = airoi__rate_annual(x, r->years_per_period);
        set_metric(r, m, ann, isfinite(ann) ? AIROI_OK : AIROI_ERR_NO_SOLUTION);
    } else {
        set_metric(r, m, 0.0, AIROI_ERR_NO_SOLUTION);
    }
}

/* IRR and MIRR of the net schedule, as annual rates; MIRR at the finance
 * and reinvestment rates of the result's settings. */
static void set_rates(airoi_result *r)
{
    const double *net = r->schedule->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)];
    size_t n = r->schedule->n;
    double y = r->years_per_period;
    double x = 0.0;
    int rc = n >= 2 ? airoi__irr(&x, net, n, airoi__rate_per_period(0.1, y))
                    : AIROI_ERR_NO_SOLUTION;
    set_annual_rate(r, AIROI_METRIC_IRR, rc, x);
    double fr = airoi__rate_per_period(r->settings.finance_rate, y);
    double rr = airoi__rate_per_period(r->settings.reinvest_rate, y);
    rc = n >= 2 ? airoi__mirr(&x, net, n, fr, rr) : AIROI_ERR_NO_SOLUTION;
    set_annual_rate(r, AIROI_METRIC_MIRR, rc, x);
}

/* Payback and discounted payback, in periods; undefined when never reached. */
static void set_paybacks(airoi_result *r)
{
    const airoi_schedule *s = r->schedule;
    const double *net = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)];
    double x;
    int reached = 0;
    int rc = airoi__payback(&x, &reached, net, s->n);
    set_metric(r, AIROI_METRIC_PAYBACK_PERIODS, reached ? x : 0.0,
               rc == AIROI_OK && reached ? AIROI_OK : AIROI_ERR_UNDEFINED);
    reached = 0;
    rc = airoi__discounted_payback(&x, &reached, s->rate, net, s->n);
    set_metric(r, AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS, reached ? x : 0.0,
               rc == AIROI_OK && reached ? AIROI_OK : AIROI_ERR_UNDEFINED);
}

/* Totals and metrics of evaluation r (scenario sc, NULL: the base case)
 * from its finished schedule. */
static int schedule_metrics(airoi_result *r, const airoi_scenario *sc,
                            const airoi__audit_input *audit)
{
    int rc = set_totals(r, sc, audit);
    if (rc)
        return rc;
    set_roi_layers(r);
    rc = set_present_values(r);
    if (rc)
        return rc;
    set_rates(r);
    set_paybacks(r);
    airoi__error_clear();
    return check_finite(r, sc);
}

/* Schedule, totals and metrics of evaluation r (scenario sc, NULL: the
 * base case) from its sums; audit figures when `audit` is not NULL. */
static int evaluation_finish(airoi_result *r, const flows *f, const airoi_scenario *sc,
                             airoi__audit_input *audit)
{
    if (audit) {
        audit->value_gross = airoi__sum_get(&f->gross);
        audit->value_net = airoi__sum_get(&f->net);
    }
    int rc = fill_schedule(r, f, sc);
    if (rc == AIROI_OK && !isfinite(r->strategic_unmonetized))
        rc = overflow(sc, "the strategic value that is not monetized", NULL);
    if (rc == AIROI_OK)
        rc = schedule_metrics(r, sc, audit);
    /* capex, tax and the after-tax view (tax.c), its metrics by the same rules */
    size_t n = f->n;
    if (rc == AIROI_OK)
        rc = airoi__after_tax_build(r, f->s + ROW_CAPEX * n, f->c + ROW_CAPEX * n,
                                    f->s + ROW_DEPR * n, f->c + ROW_DEPR * n);
    if (rc == AIROI_OK && r->after_tax)
        rc = schedule_metrics(r->after_tax, sc, NULL);
    return rc;
}

/* Memory for the sums of evaluations that share a pass over the items. */
#define EVAL_FLOWS_BYTES ((size_t)8 << 20)

/* Computes schedule and metrics of ne evaluations of the project, rs[e]
 * under scenario scs[e] (NULL: the base case), whose settings are already
 * the project's; one pass over the items serves as many evaluations as
 * EVAL_FLOWS_BYTES of sums hold (add_items()). Fills the audit figures of
 * rs[0] when `audit` is not NULL. Problems are reported in the order of rs. */
static int evaluate_set(airoi_result *const *rs, const airoi_scenario *const *scs, size_t ne,
                        const airoi_project *p, unsigned flags, airoi__audit_input *audit)
{
    size_t n = (size_t)p->horizon + 1;
    size_t per = 2 * ROW_COUNT * n; /* doubles of one evaluation's sums */
    size_t batch = EVAL_FLOWS_BYTES / (per * sizeof(double));
    batch = batch < 1 ? 1 : batch > ne ? ne : batch;
    flows *f = airoi__calloc(batch, sizeof *f);
    double *block = f ? airoi__malloc(batch * per * sizeof *block) : NULL;
    int rc = block ? AIROI_OK : airoi__error(AIROI_ERR_NOMEM, "out of memory");
    for (size_t e0 = 0; rc == AIROI_OK && e0 < ne; e0 += batch) {
        size_t m = ne - e0 < batch ? ne - e0 : batch;
        memset(block, 0, m * per * sizeof *block);
        for (size_t e = 0; rc == AIROI_OK && e < m; e++) {
            airoi_result *r = rs[e0 + e];
            double y = years_per_period(r->settings.period);
            double rate = airoi__rate_per_period(airoi__settings_nominal_discount(&r->settings), y);
            r->flags = flags;
            r->years_per_period = y;
            rc = airoi__schedule_alloc(&r->schedule, n, rate, 1);
            memset(&f[e], 0, sizeof f[e]);
            f[e].n = n;
            f[e].period = p->period;
            f[e].s = block + e * per;
            f[e].c = f[e].s + ROW_COUNT * n;
            f[e].audit = e0 + e == 0 && audit;
        }
        if (rc == AIROI_OK)
            rc = add_items(f, scs + e0, m, p, flags);
        for (size_t e = 0; rc == AIROI_OK && e < m; e++)
            rc = evaluation_finish(rs[e0 + e], &f[e], scs[e0 + e], e0 + e == 0 ? audit : NULL);
    }
    airoi__free(block);
    airoi__free(f);
    return rc;
}

/* ---- results ----------------------------------------------------------------- */

static void result_clear(airoi_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_subs; i++)
        result_clear(&r->subs[i]);
    airoi__free(r->subs);
    if (r->plan) {
        r->plan->parent = NULL;
        airoi__result_free(r->plan);
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        airoi__free(r->findings[i].message);
        airoi__free(r->findings[i].subject);
    }
    airoi__free(r->findings);
    airoi__free(r->scenario_name);
    airoi__schedule_free(r->schedule);
    if (r->after_tax) {
        result_clear(r->after_tax);
        airoi__free(r->after_tax);
    }
    if (!r->is_after_tax)
        airoi__free(r->fin);
    if (r->owns_settings) /* the strings copy_settings() made */
        airoi__settings_release(&r->settings);
}

void airoi__result_free(airoi_result *r)
{
    if (!r || r->parent)
        return; /* a sub-result lives and dies with its result */
    result_clear(r);
    airoi__free(r);
}

AIROI_API void airoi_result_free(airoi_result *r)
{
    AIROI__ENTER();
    airoi__result_free(r);
}

/* Frees the sub-results of a result for one chosen scenario (it keeps
 * none). */
static void drop_subs(airoi_result *subs, size_t ns)
{
    for (size_t k = 0; subs && k < ns; k++)
        result_clear(&subs[k]);
    airoi__free(subs);
}

static void set_expected(airoi_result *r, double eb, double ec, double enpv)
{
    set_metric(r, AIROI_METRIC_EXPECTED_BENEFITS, eb, AIROI_OK);
    set_metric(r, AIROI_METRIC_EXPECTED_COSTS, ec, AIROI_OK);
    set_metric(r, AIROI_METRIC_EXPECTED_NPV, enpv, AIROI_OK);
    roi(r, AIROI_METRIC_ROI_RISK_ADJUSTED, eb, ec);
}

/* Expectations of a result without scenarios: its own figures. */
static void expected_alone(airoi_result *r)
{
    set_expected(r, r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_BENEFITS)],
                 r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_COSTS)],
                 r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_NPV)]);
}

/* Expectations over the after-tax views of ns scenario results, set on r's
 * after-tax view and on each of theirs. */
static void expected_after_tax(airoi_result *r, airoi_result *subs, size_t ns)
{
    airoi__sum eb = {0, 0}, ec = {0, 0}, en = {0, 0};
    for (size_t i = 0; i < ns; i++) {
        const airoi_result *a = subs[i].after_tax;
        double pr = subs[i].probability;
        airoi__sum_add(&eb, pr * a->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_BENEFITS)]);
        airoi__sum_add(&ec, pr * a->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_COSTS)]);
        airoi__sum_add(&en, pr * a->metric[AIROI__ENUM_INDEX(AIROI_METRIC_NPV)]);
    }
    double vb = airoi__sum_get(&eb), vc = airoi__sum_get(&ec), vn = airoi__sum_get(&en);
    set_expected(r->after_tax, vb, vc, vn);
    for (size_t i = 0; i < ns; i++)
        set_expected(subs[i].after_tax, vb, vc, vn);
}

int airoi__settings_copy(airoi__settings *st, const airoi_project *p)
{
    airoi__project_settings(st, p);
    st->name = st->currency = st->use_case = NULL;
    st->narrative = NULL;
    st->stages = NULL;
    st->n_stages = 0;
    char *name = airoi__strdup(p->name);
    char *currency = p->currency ? airoi__strdup(p->currency) : NULL;
    char *use_case = p->use_case ? airoi__strdup(p->use_case) : NULL;
    st->name = name, st->currency = currency, st->use_case = use_case;
    int failed = 0;
    st->narrative = airoi__narrative_copy(airoi__project_narrative(p), &failed);
    if (!failed && p->n_stages) { /* the staged roadmap the report shows */
        airoi__stage_def *sd = airoi__calloc(p->n_stages, sizeof *sd);
        failed = !sd;
        for (size_t i = 0; sd && i < p->n_stages && !failed; i++) {
            sd[i] = p->stages[i];
            sd[i].name = airoi__strdup(p->stages[i].name);
            failed = !sd[i].name;
            st->n_stages = i + 1;
        }
        st->stages = sd;
    }
    if (failed || !name || (p->currency && !currency) || (p->use_case && !use_case))
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    return AIROI_OK;
}

void airoi__settings_release(airoi__settings *st)
{
    airoi__free((char *)st->name);
    airoi__free((char *)st->currency);
    airoi__free((char *)st->use_case);
    airoi__narrative_destroy((airoi__narrative *)st->narrative);
    for (size_t i = 0; i < st->n_stages; i++)
        airoi__free(st->stages[i].name);
    airoi__free((airoi__stage_def *)st->stages);
    st->name = st->currency = st->use_case = NULL;
    st->narrative = NULL;
    st->stages = NULL;
    st->n_stages = 0;
}

/* Copies the settings of p into r, which then owns the strings. */
static int copy_settings(airoi_result *r, const airoi_project *p)
{
    r->owns_settings = 1;
    return airoi__settings_copy(&r->settings, p);
}

static void setup_benchmark(airoi_result *r, const airoi_project *p)
{
    const airoi__benchmark_basis *b = airoi__benchmark_get_basis();
    r->use_case = airoi__benchmark_lookup(p->use_case);
    r->has_investment = 0;
    double fx;
    if (p->currency && strcmp(p->currency, b->currency) == 0) {
        r->has_investment = 1;
        r->investment_factor = p->unit / b->investment_unit;
    } else if (airoi__project_fx(&fx, p, b->currency) && fx > 0.0) {
        /* fx is the value of 1 unit of the table's currency in the project currency */
        r->has_investment = 1;
        r->investment_factor = p->unit / fx / b->investment_unit;
    }
}

int airoi__project_evaluate(airoi_result **out, const airoi_project *p,
                            const char *scenario, unsigned flags)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_evaluate: NULL out");
    *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_evaluate: NULL project");
    if (flags & ~(unsigned)AIROI_EVAL_HONEST_ESTIMATE)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_evaluate: unknown flags 0x%x",
                            flags);
    const airoi_scenario *chosen = NULL;
    if (scenario) {
        for (size_t i = 0; i < p->n_scenarios; i++)
            if (strcmp(p->scenarios[i]->name, scenario) == 0)
                chosen = p->scenarios[i];
        if (!chosen)
            return airoi__error(AIROI_ERR_NOT_FOUND, "project '%s' has no scenario named '%s'",
                                p->name, scenario);
    }
    int rc = airoi__validate(p);
    if (rc)
        return rc;

    airoi_result *r = airoi__calloc(1, sizeof *r);
    if (!r)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    airoi__audit_input audit = {0, 0};
    /* The result and every scenario (for the expectations and the
     * sub-results), evaluated together: one pass over the items. */
    size_t ns = p->n_scenarios;
    airoi_result *subs = NULL; /* owned by r unless a scenario was chosen */
    rc = copy_settings(r, p);
    if (rc == AIROI_OK && ns) {
        subs = airoi__calloc(ns, sizeof *subs);
        if (!subs)
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
        else if (!chosen)
            r->subs = subs, r->n_subs = ns;
    }
    if (rc == AIROI_OK) {
        airoi_result **rs = airoi__calloc(ns + 1, sizeof *rs);
        const airoi_scenario **scs = airoi__calloc(ns + 1, sizeof *scs);
        if (rs && scs) {
            rs[0] = r;
            scs[0] = chosen;
            for (size_t i = 0; i < ns; i++) {
                subs[i].settings = r->settings; /* borrowed strings */
                rs[i + 1] = &subs[i];
                scs[i + 1] = p->scenarios[i];
            }
            rc = evaluate_set(rs, scs, ns + 1, p, flags, chosen ? NULL : &audit);
        } else {
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
        }
        airoi__free(rs);
        airoi__free((void *)scs);
    }
    if (rc)
        goto fail;
    setup_benchmark(r, p);
    if (chosen) {
        r->scenario_name = airoi__strdup(chosen->name);
        if (!r->scenario_name) {
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
            goto fail;
        }
        r->has_probability = 1;
        r->probability = chosen->probability;
    }
    if (ns) {
        for (size_t i = 0; i < ns; i++) {
            const airoi_scenario *s = p->scenarios[i];
            subs[i].scenario_name = airoi__strdup(s->name);
            if (!subs[i].scenario_name) {
                rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
                goto fail;
            }
            subs[i].parent = r;
            subs[i].has_probability = 1;
            subs[i].probability = s->probability;
            subs[i].use_case = r->use_case;
            subs[i].has_investment = r->has_investment;
            subs[i].investment_factor = r->investment_factor;
        }
        airoi__sum eb = {0, 0}, ec = {0, 0}, en = {0, 0};
        for (size_t i = 0; i < ns; i++) {
            double pr = subs[i].probability;
            airoi__sum_add(&eb,
                           pr * subs[i].metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_BENEFITS)]);
            airoi__sum_add(&ec, pr * subs[i].metric[AIROI__ENUM_INDEX(AIROI_METRIC_TOTAL_COSTS)]);
            airoi__sum_add(&en, pr * subs[i].metric[AIROI__ENUM_INDEX(AIROI_METRIC_NPV)]);
        }
        double vb = airoi__sum_get(&eb), vc = airoi__sum_get(&ec), vn = airoi__sum_get(&en);
        set_expected(r, vb, vc, vn);
        for (size_t i = 0; i < ns; i++)
            set_expected(&subs[i], vb, vc, vn);
        if (r->after_tax) /* the same expectations over the after-tax views */
            expected_after_tax(r, subs, ns);
        if (chosen) {
            drop_subs(subs, ns);
            subs = NULL;
        }
    } else {
        expected_alone(r);
        if (r->after_tax)
            expected_alone(r->after_tax);
    }
    /* The expectations over scenarios can overflow where no scenario does. */
    rc = check_finite(r, chosen);
    if (rc == AIROI_OK && r->after_tax)
        rc = check_finite(r->after_tax, chosen);
    for (size_t i = 0; rc == AIROI_OK && i < r->n_subs; i++)
        rc = check_finite(&r->subs[i], p->scenarios[i]);
    if (rc)
        goto fail;

    if (!chosen) {
        rc = airoi__audit(r, p, &audit);
        if (rc)
            goto fail;
    }
    if (flags & AIROI_EVAL_HONEST_ESTIMATE) {
        /* the plan, for the side-by-side view of plan and honest estimate */
        rc = airoi__project_evaluate(&r->plan, p, scenario, flags & ~(unsigned)AIROI_EVAL_HONEST_ESTIMATE);
        if (rc)
            goto fail;
        r->plan->parent = r;
    }
    airoi__error_clear();
    *out = r;
    return AIROI_OK;

fail:
    if (chosen)
        drop_subs(subs, ns);
    airoi__result_free(r);
    return rc;
}

AIROI_API int airoi_project_evaluate(airoi_result **out, const airoi_project *p,
                                     const char *scenario, unsigned flags)
{
    AIROI__ENTER();
    return airoi__project_evaluate(out, p, scenario, flags);
}

/* ---- accessors ----------------------------------------------------------------- */

int airoi__result_get_metric(double *out, const airoi_result *r, airoi_metric metric)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_metric: NULL argument");
    if (airoi__enum_check((int)metric, AIROI_METRIC_NPV, "airoi_result_get_metric: metric"))
        return AIROI_ERR_INVALID;
    int st = r->status[AIROI__ENUM_INDEX(metric)];
    if (st == AIROI_ERR_NO_SOLUTION)
        return airoi__error(st, "%s has no solution for this schedule", airoi__metric_name(metric));
    if (st != AIROI_OK)
        return airoi__error(st, "%s is undefined for this schedule (%s)",
                            airoi__metric_name(metric),
                            metric == AIROI_METRIC_PAYBACK_PERIODS ||
                                    metric == AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS
                                ? "never paid back"
                                : "its denominator is zero");
    *out = r->metric[AIROI__ENUM_INDEX(metric)];
    return AIROI_OK;
}

AIROI_API int airoi_result_get_metric(double *out, const airoi_result *r, airoi_metric metric)
{
    AIROI__ENTER();
    return airoi__result_get_metric(out, r, metric);
}

int airoi__result_get_metric_by_name(double *out, const airoi_result *r, const char *name)
{
    if (!out || !r || !name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_metric_by_name: NULL argument");
    airoi_metric m;
    if (airoi__metric_from_name(&m, name) != AIROI_OK) {
        /* the reader's "metric: expected one of ...; got '...'" as a failed lookup */
        char why[1200];
        snprintf(why, sizeof why, "%s", airoi__error_get());
        return airoi__error(AIROI_ERR_NOT_FOUND, "%s", why);
    }
    return airoi__result_get_metric(out, r, m);
}

AIROI_API int airoi_result_get_metric_by_name(double *out, const airoi_result *r,
                                              const char *name)
{
    AIROI__ENTER();
    return airoi__result_get_metric_by_name(out, r, name);
}

int airoi__result_get_number(double *out, const airoi_result *r, airoi_project_param param)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_number: NULL argument");
    return airoi__settings_get_number(out, &r->settings, param);
}

AIROI_API int airoi_result_get_number(double *out, const airoi_result *r, airoi_project_param param)
{
    AIROI__ENTER();
    return airoi__result_get_number(out, r, param);
}

const char *airoi__result_get_string(const airoi_result *r, airoi_project_param param)
{
    if (!r)
        return NULL;
    char why[200];
    if (airoi__enum_reason(why, sizeof why, (int)param, AIROI_PROJECT_NAME) != AIROI_OK) {
        airoi__error(AIROI_ERR_INVALID, "project '%s': param: %s", r->settings.name, why);
        return NULL;
    }
    return airoi__settings_get_string(&r->settings, param);
}

AIROI_API const char *airoi_result_get_string(const airoi_result *r, airoi_project_param param)
{
    AIROI__ENTER();
    return airoi__result_get_string(r, param);
}

int airoi__result_get_tco_category(double *out, const airoi_result *r, airoi_category category)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_tco_category: NULL argument");
    if (airoi__enum_check((int)category, AIROI_CATEGORY_PEOPLE,
                          "airoi_result_get_tco_category: category"))
        return AIROI_ERR_INVALID;
    *out = r->tco_category[AIROI__ENUM_INDEX(category)];
    return AIROI_OK;
}

AIROI_API int airoi_result_get_tco_category(double *out, const airoi_result *r,
                                            airoi_category category)
{
    AIROI__ENTER();
    return airoi__result_get_tco_category(out, r, category);
}

int airoi__result_get_value_dimension(double *out, const airoi_result *r, airoi_dimension dimension)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_value_dimension: NULL argument");
    if (airoi__enum_check((int)dimension, AIROI_DIMENSION_EFFICIENCY,
                          "airoi_result_get_value_dimension: dimension"))
        return AIROI_ERR_INVALID;
    *out = r->dimension_total[AIROI__ENUM_INDEX(dimension)];
    return AIROI_OK;
}

AIROI_API int airoi_result_get_value_dimension(double *out, const airoi_result *r,
                                               airoi_dimension dimension)
{
    AIROI__ENTER();
    return airoi__result_get_value_dimension(out, r, dimension);
}

int airoi__result_get_strategic_value(double *out, const airoi_result *r)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_strategic_value: NULL argument");
    *out = r->strategic_unmonetized;
    return AIROI_OK;
}

AIROI_API int airoi_result_get_strategic_value(double *out, const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_get_strategic_value(out, r);
}

unsigned airoi__result_get_flags(const airoi_result *r)
{
    return r ? r->flags : 0u;
}

AIROI_API unsigned airoi_result_get_flags(const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_get_flags(r);
}

const airoi_schedule *airoi__result_get_schedule(const airoi_result *r)
{
    return r ? r->schedule : NULL;
}

AIROI_API const airoi_schedule *airoi_result_get_schedule(const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_get_schedule(r);
}

size_t airoi__result_count_scenarios(const airoi_result *r)
{
    return r ? r->n_subs : 0;
}

AIROI_API size_t airoi_result_count_scenarios(const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_count_scenarios(r);
}

const airoi_result *airoi__result_get_scenario(const airoi_result *r, size_t i)
{
    if (!r || i >= r->n_subs)
        return NULL;
    return &r->subs[i];
}

AIROI_API const airoi_result *airoi_result_get_scenario(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return airoi__result_get_scenario(r, i);
}

int airoi__result_find_scenario(const airoi_result **out, const airoi_result *r,
                                const char *name)
{
    if (out)
        *out = NULL;
    if (!out || !r || !name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_find_scenario: NULL argument");
    for (size_t i = 0; i < r->n_subs; i++) {
        if (r->subs[i].scenario_name && strcmp(r->subs[i].scenario_name, name) == 0) {
            *out = &r->subs[i];
            return AIROI_OK;
        }
    }
    if (r->n_subs == 0)
        return airoi__error(AIROI_ERR_NOT_FOUND, "no scenario named '%s': this result has no "
                            "per-scenario results", name);
    return airoi__error(AIROI_ERR_NOT_FOUND, "no scenario named '%s' in this result (%zu "
                        "scenario%s, the first '%s')", name, r->n_subs,
                        r->n_subs == 1 ? "" : "s", r->subs[0].scenario_name);
}

AIROI_API int airoi_result_find_scenario(const airoi_result **out, const airoi_result *r,
                                         const char *name)
{
    AIROI__ENTER();
    return airoi__result_find_scenario(out, r, name);
}

const airoi_result *airoi__result_get_plan(const airoi_result *r)
{
    return r ? r->plan : NULL;
}

AIROI_API const airoi_result *airoi_result_get_plan(const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_get_plan(r);
}

const char *airoi__result_get_scenario_name(const airoi_result *r)
{
    return r ? r->scenario_name : NULL;
}

AIROI_API const char *airoi_result_get_scenario_name(const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_get_scenario_name(r);
}

int airoi__result_get_probability(double *out, const airoi_result *r)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_probability: NULL argument");
    if (!r->has_probability)
        return airoi__error(AIROI_ERR_NOT_FOUND, "a base-case result has no scenario probability");
    *out = r->probability;
    return AIROI_OK;
}

AIROI_API int airoi_result_get_probability(double *out, const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_get_probability(out, r);
}

size_t airoi__result_count_findings(const airoi_result *r)
{
    return r ? r->n_findings : 0;
}

AIROI_API size_t airoi_result_count_findings(const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_count_findings(r);
}

const char *airoi__result_get_finding_code(const airoi_result *r, size_t i)
{
    return r && i < r->n_findings ? r->findings[i].code : NULL;
}

AIROI_API const char *airoi_result_get_finding_code(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return airoi__result_get_finding_code(r, i);
}

int airoi__result_get_finding_severity(airoi_severity *out, const airoi_result *r, size_t i)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_finding_severity: NULL argument");
    if (i >= r->n_findings)
        return airoi__error(AIROI_ERR_NOT_FOUND, "finding index %zu past the end (%zu)", i,
                            r->n_findings);
    *out = (airoi_severity)r->findings[i].severity;
    return AIROI_OK;
}

AIROI_API int airoi_result_get_finding_severity(airoi_severity *out, const airoi_result *r,
                                                size_t i)
{
    AIROI__ENTER();
    return airoi__result_get_finding_severity(out, r, i);
}

const char *airoi__result_get_finding_message(const airoi_result *r, size_t i)
{
    return r && i < r->n_findings ? r->findings[i].message : NULL;
}

AIROI_API const char *airoi_result_get_finding_message(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return airoi__result_get_finding_message(r, i);
}

const char *airoi__result_get_finding_subject(const airoi_result *r, size_t i)
{
    return r && i < r->n_findings ? r->findings[i].subject : NULL;
}

AIROI_API const char *airoi_result_get_finding_subject(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return airoi__result_get_finding_subject(r, i);
}

int airoi__result_get_finding_numbers(double *actual, double *reference,
                                      const airoi_result *r, size_t i)
{
    if (!r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_finding_numbers: NULL result");
    if (i >= r->n_findings)
        return airoi__error(AIROI_ERR_NOT_FOUND, "finding index %zu past the end (%zu)", i,
                            r->n_findings);
    if (actual)
        *actual = r->findings[i].actual;
    if (reference)
        *reference = r->findings[i].reference;
    return AIROI_OK;
}

AIROI_API int airoi_result_get_finding_numbers(double *actual, double *reference,
                                               const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return airoi__result_get_finding_numbers(actual, reference, r, i);
}
