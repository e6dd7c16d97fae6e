/*
 * lib/eval/evaluate.c: evaluation of a project (SPEC 5.2; its validation is validate.c),
 * and the result accessors. Formulas and sources: docs/methodology.md, 2.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "airoi/finance.h"
#include "core-private.h"
#include "eval-private.h"
#include "model-private.h"

#define BIT(x) (1u << (unsigned)(x))

/* Honest-estimate uplifts: midpoints of SPEC 1.1's "typical underestimate"
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

/* ---- item flows ------------------------------------------------------------ */

/* Adoption a(k) of SPEC 5.2. */
static double adoption(const airoi__item *it, double k)
{
    double s = it->adopt_start, c = it->adopt_ceiling, P = it->adopt_periods;
    double x;
    switch (it->curve) {
    case AIROI_CURVE_LINEAR:
        x = P > 0 ? fmin(1.0, k / P) : 1.0;
        return s + (c - s) * x;
    case AIROI_CURVE_S_CURVE:
        x = P > 0 ? fmin(1.0, k / P) : 1.0;
        return s + (c - s) * (3.0 * x * x - 2.0 * x * x * x);
    case AIROI_CURVE_STEP:
        return k < P ? s : c;
    default:
        return 1.0;
    }
}

static int matches(const airoi__item *it, const char *target)
{
    if (strcmp(target, it->name) == 0)
        return 1;
    if (it->kind == AIROI_ITEM_KIND_COST)
        return strcmp(target, "costs") == 0 ||
               strcmp(target, airoi_category_name(it->klass)) == 0;
    return strcmp(target, "values") == 0 || strcmp(target, airoi_dimension_name(it->klass)) == 0;
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

/* Writes the item's flows, before its own factors (realization, attribution,
 * haircut, honest uplift) and the scenario's multipliers, into
 * buf[lo..hi] (inclusive); returns 0 when the item has no flow. Applies the
 * scenario's delay and adoption cap to value items. */
static int item_raw(double *buf, int32_t *lo, int32_t *hi, const airoi_project *p,
                    const airoi__item *it, const airoi_scenario *sc)
{
    int32_t H = p->horizon;
    double y = years_per_period(p->period);
    double fx = 1.0;
    airoi__project_fx(&fx, p, it->currency);
    int is_value = it->kind == AIROI_ITEM_KIND_VALUE;
    int32_t delay = (is_value && sc) ? sc->delay : 0;
    double cap = (is_value && sc && (sc->set & BIT(AIROI_SCENARIO_ADOPTION_CEILING)))
                     ? sc->ceiling
                     : 2.0;
    double scale = 1.0;
    if (it->per != AIROI_PER_ONCE && it->per != AIROI_PER_PERIOD)
        scale = (12.0 / (double)airoi__periods_per_year(p->period)) /
                (double)airoi__months_per(it->per);
    double base = fx * scale;
    int32_t first, last;
    if (it->per == AIROI_PER_ONCE) {
        first = last = it->at;
    } else {
        first = it->from;
        last = it->n_list ? it->from + (int32_t)it->n_list - 1 : airoi__item_to(it, H);
    }
    if ((int64_t)first + delay > H)
        return 0;
    *lo = first + delay;
    *hi = (int64_t)last + delay > H ? H : last + delay;
    double amount = airoi__item_amount(it);
    for (int32_t t = first; t + delay <= *hi; t++) {
        double v, k;
        if (it->per == AIROI_PER_ONCE) {
            v = amount;
            k = (it->set & BIT(AIROI_ITEM_FROM)) && it->at > it->from ? (double)(it->at - it->from)
                                                                        : 0.0;
        } else if (it->n_list) {
            v = it->list[t - first];
            k = (double)(t - first);
        } else {
            k = (double)(t - first);
            v = amount;
            if (it->growth != 0.0)
                v *= pow(1.0 + it->growth, k * y);
        }
        v *= base;
        if (is_value)
            v *= fmin(adoption(it, k), cap);
        buf[t + delay] = v;
    }
    return 1;
}

/* ---- one evaluation -------------------------------------------------------- */

typedef struct accum {
    airoi__sum *costs, *benefits, *cat, *dim; /* n each; cat/dim n x count */
} accum;

/* A non-finite value with status AIROI_OK is kept as is, for check_finite()
 * to turn into AIROI_ERR_RANGE: an overflow is an error, not a null. */
static void set_metric(airoi_result *r, int m, double v, int status)
{
    r->metric[m] = status == AIROI_OK ? v : 0.0;
    r->status[m] = status;
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
            return overflow(sc, "the total of category", airoi__category_name(c));
    for (int d = 0; d < AIROI__DIMENSION_COUNT; d++)
        if (!isfinite(r->dimension_total[d]))
            return overflow(sc, "the total of dimension", airoi__dimension_name(d));
    if (!isfinite(r->strategic_unmonetized))
        return overflow(sc, "the strategic value that is not monetized", NULL);
    for (int m = 0; m < AIROI__METRIC_COUNT; m++)
        if (r->status[m] == AIROI_OK && !isfinite(r->metric[m]))
            return overflow(sc, "metric", airoi__metric_name(m));
    return AIROI_OK;
}

/* Computes schedule and metrics of the project under scenario sc (NULL: base
 * case). Fills audit figures when `audit` is not NULL. */
static int evaluate_one(airoi_result *r, const airoi_project *p, const airoi_scenario *sc,
                        unsigned flags, airoi__audit_input *audit)
{
    int32_t H = p->horizon;
    size_t n = (size_t)H + 1;
    double y = years_per_period(p->period);
    double rate = pow(1.0 + p->discount_rate, y) - 1.0;
    int rc;

    r->flags = flags;
    r->years_per_period = y;
    rc = airoi__schedule_alloc(&r->schedule, n, rate, 1);
    if (rc)
        return rc;
    airoi_schedule *s = r->schedule;

    size_t nsum = n * (2 + AIROI__CATEGORY_COUNT + AIROI__DIMENSION_COUNT);
    airoi__sum *sums = airoi__calloc(nsum, sizeof *sums);
    double *buf = airoi__calloc(n, sizeof *buf);
    airoi__sum *strategic = airoi__calloc(n, sizeof *strategic);
    if (!sums || !buf || !strategic) {
        airoi__free(sums);
        airoi__free(buf);
        airoi__free(strategic);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    accum a = {sums, sums + n, sums + 2 * n, sums + (2 + AIROI__CATEGORY_COUNT) * n};
    airoi__sum gross = {0, 0}, netv = {0, 0};

    for (int kind = 0; kind < 2; kind++) {
        airoi__item **items = kind == AIROI_ITEM_KIND_COST ? p->costs : p->values;
        size_t count = kind == AIROI_ITEM_KIND_COST ? p->n_costs : p->n_values;
        for (size_t i = 0; i < count; i++) {
            const airoi__item *it = items[i];
            int32_t lo, hi;
            if (!item_raw(buf, &lo, &hi, p, it, sc))
                continue;
            double f;
            if (kind == AIROI_ITEM_KIND_COST) {
                f = 1.0 + it->risk_adjustment;
                if (flags & AIROI_EVAL_HONEST_ESTIMATE)
                    f *= 1.0 + airoi__honest_uplift[it->klass];
            } else {
                f = it->realization * it->attribution * (1.0 - it->risk_adjustment);
            }
            f *= scenario_factor(it, sc);
            int counted = !(kind == AIROI_ITEM_KIND_VALUE && it->klass == AIROI_DIMENSION_STRATEGIC &&
                            !it->monetized);
            for (int32_t t = lo; t <= hi; t++) {
                double v = buf[t] * f;
                if (kind == AIROI_ITEM_KIND_COST) {
                    airoi__sum_add(&a.costs[t], v);
                    airoi__sum_add(&a.cat[(size_t)it->klass * n + (size_t)t], v);
                } else if (counted) {
                    airoi__sum_add(&a.benefits[t], v);
                    airoi__sum_add(&a.dim[(size_t)it->klass * n + (size_t)t], v);
                    airoi__sum_add(&gross, buf[t]);
                    airoi__sum_add(&netv, v);
                } else {
                    airoi__sum_add(&strategic[t], v);
                }
                buf[t] = 0.0;
            }
        }
    }
    airoi__sum strat_total = {0, 0};
    for (size_t t = 0; t < n; t++) {
        s->col[AIROI_SCHEDULE_COSTS][t] = airoi__sum_get(&a.costs[t]);
        s->col[AIROI_SCHEDULE_BENEFITS][t] = airoi__sum_get(&a.benefits[t]);
        for (size_t c = 0; c < AIROI__CATEGORY_COUNT; c++)
            s->cat[c][t] = airoi__sum_get(&a.cat[c * n + t]);
        for (size_t d = 0; d < AIROI__DIMENSION_COUNT; d++)
            s->dim[d][t] = airoi__sum_get(&a.dim[d * n + t]);
        airoi__sum_add(&strat_total, airoi__sum_get(&strategic[t]));
    }
    airoi__free(sums);
    airoi__free(buf);
    airoi__free(strategic);
    if (audit) {
        audit->value_gross = airoi__sum_get(&gross);
        audit->value_net = airoi__sum_get(&netv);
    }
    r->strategic_unmonetized = airoi__sum_get(&strat_total);
    rc = airoi__schedule_finish(s);
    if (rc) {
        char why[256];
        snprintf(why, sizeof why, "%s", airoi__error_get());
        return airoi__error(rc, "%s%s%s: %s", sc ? "scenario '" : "the base case",
                            sc ? sc->name : "", sc ? "'" : "", why);
    }
    if (!isfinite(r->strategic_unmonetized))
        return overflow(sc, "the strategic value that is not monetized", NULL);

    const double *costs = s->col[AIROI_SCHEDULE_COSTS];
    const double *benefits = s->col[AIROI_SCHEDULE_BENEFITS];
    const double *net = s->col[AIROI_SCHEDULE_NET];

    /* Totals and TCO. */
    double tc = total(costs, 0, n - 1), tb = total(benefits, 0, n - 1);
    airoi__sum direct = {0, 0}, hidden = {0, 0};
    for (int c = 0; c < AIROI__CATEGORY_COUNT; c++) {
        r->tco_category[c] = total(s->cat[c], 0, n - 1);
        airoi__sum_add(airoi_category_is_hidden(c) ? &hidden : &direct, r->tco_category[c]);
    }
    for (int d = 0; d < AIROI__DIMENSION_COUNT; d++)
        r->dimension_total[d] = total(s->dim[d], 0, n - 1);
    if (!isfinite(tc))
        return overflow(sc, "the sum of costs over periods 0..horizon", NULL);
    if (!isfinite(tb))
        return overflow(sc, "the sum of benefits over periods 0..horizon", NULL);
    rc = check_finite(r, sc); /* categories and dimensions */
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

    /* ROI layers. */
    size_t w = (size_t)airoi__periods_per_year(p->period);
    if (w > (size_t)H)
        w = (size_t)H;
    double fc = total(costs, 0, w), fb = total(benefits, 0, w);
    set_metric(r, AIROI_METRIC_FIRST_YEAR_COSTS, fc, AIROI_OK);
    set_metric(r, AIROI_METRIC_FIRST_YEAR_BENEFITS, fb, AIROI_OK);
    ratio(r, AIROI_METRIC_ROI_BASIC, fb - fc, fc);
    ratio(r, AIROI_METRIC_ROI_HORIZON, tb - tc, tc);

    /* Discounted figures, through the finance kernels. */
    double npv, pvc, pvb;
    rc = airoi_npv0(&npv, rate, net, n);
    if (rc == AIROI_OK)
        rc = airoi_npv0(&pvc, rate, costs, n);
    if (rc == AIROI_OK)
        rc = airoi_npv0(&pvb, rate, benefits, n);
    if (rc != AIROI_OK)
        return airoi__error(rc == AIROI_ERR_RANGE ? AIROI_ERR_RANGE : AIROI_ERR_INTERNAL,
                            "present value of the schedule failed: %s", airoi_status_str(rc));
    set_metric(r, AIROI_METRIC_NPV, npv, AIROI_OK);
    set_metric(r, AIROI_METRIC_PV_COSTS, pvc, AIROI_OK);
    set_metric(r, AIROI_METRIC_PV_BENEFITS, pvb, AIROI_OK);
    set_metric(r, AIROI_METRIC_TCO_PV, pvc, AIROI_OK);
    ratio(r, AIROI_METRIC_NPV_ROI, npv, pvc);
    ratio(r, AIROI_METRIC_BCR, pvb, pvc);

    double x;
    if (n >= 2 && airoi_irr(&x, net, n, 0.1) == AIROI_OK && x > -1.0) {
        double ann = pow(1.0 + x, 1.0 / y) - 1.0;
        set_metric(r, AIROI_METRIC_IRR, ann, isfinite(ann) ? AIROI_OK : AIROI_ERR_NO_SOLUTION);
    } else {
        set_metric(r, AIROI_METRIC_IRR, 0.0, AIROI_ERR_NO_SOLUTION);
    }
    double fr = (p->set & BIT(AIROI_PROJECT_FINANCE_RATE)) ? p->finance_rate : p->discount_rate;
    double rr = (p->set & BIT(AIROI_PROJECT_REINVEST_RATE)) ? p->reinvest_rate : p->discount_rate;
    fr = pow(1.0 + fr, y) - 1.0;
    rr = pow(1.0 + rr, y) - 1.0;
    if (n >= 2 && airoi_mirr(&x, net, n, fr, rr) == AIROI_OK && x > -1.0) {
        double ann = pow(1.0 + x, 1.0 / y) - 1.0;
        set_metric(r, AIROI_METRIC_MIRR, ann, isfinite(ann) ? AIROI_OK : AIROI_ERR_NO_SOLUTION);
    } else {
        set_metric(r, AIROI_METRIC_MIRR, 0.0, AIROI_ERR_NO_SOLUTION);
    }

    int reached = 0;
    rc = airoi_payback(&x, &reached, net, n);
    set_metric(r, AIROI_METRIC_PAYBACK_PERIODS, reached ? x : 0.0,
               rc == AIROI_OK && reached ? AIROI_OK : AIROI_ERR_UNDEFINED);
    reached = 0;
    rc = airoi_discounted_payback(&x, &reached, rate, net, n);
    set_metric(r, AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS, reached ? x : 0.0,
               rc == AIROI_OK && reached ? AIROI_OK : AIROI_ERR_UNDEFINED);
    airoi__error_clear();
    return check_finite(r, sc);
}

/* ---- results ----------------------------------------------------------------- */

static void result_clear(airoi_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_subs; i++)
        result_clear(&r->subs[i]);
    airoi__free(r->subs);
    for (size_t i = 0; i < r->n_findings; i++) {
        airoi__free(r->findings[i].message);
        airoi__free(r->findings[i].subject);
    }
    airoi__free(r->findings);
    airoi__free(r->scenario_name);
    airoi__schedule_destroy(r->schedule);
}

/* airoi_result_free() without AIROI__ENTER, for failure paths: it keeps the
 * thread's error message. */
static void result_destroy(airoi_result *r)
{
    if (!r)
        return;
    result_clear(r);
    airoi__free(r);
}

AIROI_API void airoi_result_free(airoi_result *r)
{
    AIROI__ENTER();
    if (r && r->parent)
        return; /* a sub-result lives and dies with its result */
    result_destroy(r);
}

static void set_expected(airoi_result *r, double eb, double ec, double enpv)
{
    set_metric(r, AIROI_METRIC_EXPECTED_BENEFITS, eb, AIROI_OK);
    set_metric(r, AIROI_METRIC_EXPECTED_COSTS, ec, AIROI_OK);
    set_metric(r, AIROI_METRIC_EXPECTED_NPV, enpv, AIROI_OK);
    ratio(r, AIROI_METRIC_ROI_RISK_ADJUSTED, eb - ec, ec);
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

AIROI_API int airoi_project_evaluate(airoi_result **out, const airoi_project *p,
                                     const char *scenario, unsigned flags)
{
    AIROI__ENTER();
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
    rc = evaluate_one(r, p, chosen, flags, chosen ? NULL : &audit);
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

    /* Every scenario, for the expectations (and the sub-results). */
    size_t ns = p->n_scenarios;
    airoi_result *subs = NULL;
    if (ns) {
        subs = airoi__calloc(ns, sizeof *subs);
        if (!subs) {
            rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
            goto fail;
        }
        if (!chosen) {
            r->subs = subs;
            r->n_subs = ns;
        }
        for (size_t i = 0; i < ns; i++) {
            const airoi_scenario *s = p->scenarios[i];
            rc = evaluate_one(&subs[i], p, s, flags, NULL);
            if (rc == AIROI_OK) {
                subs[i].scenario_name = airoi__strdup(s->name);
                if (!subs[i].scenario_name)
                    rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
            }
            if (rc) {
                if (chosen) {
                    for (size_t k = 0; k <= i; k++)
                        result_clear(&subs[k]);
                    airoi__free(subs);
                }
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
            airoi__sum_add(&eb, pr * subs[i].metric[AIROI_METRIC_TOTAL_BENEFITS]);
            airoi__sum_add(&ec, pr * subs[i].metric[AIROI_METRIC_TOTAL_COSTS]);
            airoi__sum_add(&en, pr * subs[i].metric[AIROI_METRIC_NPV]);
        }
        double vb = airoi__sum_get(&eb), vc = airoi__sum_get(&ec), vn = airoi__sum_get(&en);
        set_expected(r, vb, vc, vn);
        for (size_t i = 0; i < ns; i++)
            set_expected(&subs[i], vb, vc, vn);
        if (chosen) {
            for (size_t k = 0; k < ns; k++)
                result_clear(&subs[k]);
            airoi__free(subs);
        }
    } else {
        set_expected(r, r->metric[AIROI_METRIC_TOTAL_BENEFITS],
                     r->metric[AIROI_METRIC_TOTAL_COSTS], r->metric[AIROI_METRIC_NPV]);
    }
    /* The expectations over scenarios can overflow where no scenario does. */
    rc = check_finite(r, chosen);
    for (size_t i = 0; rc == AIROI_OK && i < r->n_subs; i++)
        rc = check_finite(&r->subs[i], p->scenarios[i]);
    if (rc)
        goto fail;

    if (!chosen) {
        rc = airoi__audit(r, p, &audit);
        if (rc)
            goto fail;
    }
    airoi__error_clear();
    *out = r;
    return AIROI_OK;

fail:
    result_destroy(r);
    return rc;
}

/* ---- accessors ----------------------------------------------------------------- */

AIROI_API int airoi_result_get_metric(double *out, const airoi_result *r, int metric)
{
    AIROI__ENTER();
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_metric: NULL argument");
    if (metric < 0 || metric >= AIROI__METRIC_COUNT)
        return airoi__error(AIROI_ERR_INVALID, "unknown metric %d", metric);
    int st = r->status[metric];
    if (st == AIROI_ERR_NO_SOLUTION)
        return airoi__error(st, "%s has no solution for this schedule", airoi_metric_name(metric));
    if (st != AIROI_OK)
        return airoi__error(st, "%s is undefined for this schedule (%s)",
                            airoi_metric_name(metric),
                            metric == AIROI_METRIC_PAYBACK_PERIODS ||
                                    metric == AIROI_METRIC_DISCOUNTED_PAYBACK_PERIODS
                                ? "never paid back"
                                : "its denominator is zero");
    *out = r->metric[metric];
    return AIROI_OK;
}

AIROI_API int airoi_result_get_tco_category(double *out, const airoi_result *r, int category)
{
    AIROI__ENTER();
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_tco_category: NULL argument");
    if (category < 0 || category >= AIROI__CATEGORY_COUNT)
        return airoi__error(AIROI_ERR_INVALID, "unknown category %d", category);
    *out = r->tco_category[category];
    return AIROI_OK;
}

AIROI_API int airoi_result_get_value_dimension(double *out, const airoi_result *r, int dimension)
{
    AIROI__ENTER();
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_value_dimension: NULL argument");
    if (dimension < 0 || dimension >= AIROI__DIMENSION_COUNT)
        return airoi__error(AIROI_ERR_INVALID, "unknown dimension %d", dimension);
    *out = r->dimension_total[dimension];
    return AIROI_OK;
}

AIROI_API int airoi_result_get_strategic_value(double *out, const airoi_result *r)
{
    AIROI__ENTER();
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_strategic_value: NULL argument");
    *out = r->strategic_unmonetized;
    return AIROI_OK;
}

AIROI_API unsigned airoi_result_get_flags(const airoi_result *r)
{
    AIROI__ENTER();
    return r ? r->flags : 0u;
}

AIROI_API const airoi_schedule *airoi_result_get_schedule(const airoi_result *r)
{
    AIROI__ENTER();
    return r ? r->schedule : NULL;
}

AIROI_API size_t airoi_result_count_scenarios(const airoi_result *r)
{
    AIROI__ENTER();
    return r ? r->n_subs : 0;
}

AIROI_API const airoi_result *airoi_result_get_scenario(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    if (!r || i >= r->n_subs)
        return NULL;
    return &r->subs[i];
}

AIROI_API const char *airoi_result_get_scenario_name(const airoi_result *r)
{
    AIROI__ENTER();
    return r ? r->scenario_name : NULL;
}

AIROI_API int airoi_result_get_probability(double *out, const airoi_result *r)
{
    AIROI__ENTER();
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_probability: NULL argument");
    if (!r->has_probability)
        return airoi__error(AIROI_ERR_NOT_FOUND, "a base-case result has no scenario probability");
    *out = r->probability;
    return AIROI_OK;
}

AIROI_API size_t airoi_result_count_findings(const airoi_result *r)
{
    AIROI__ENTER();
    return r ? r->n_findings : 0;
}

AIROI_API const char *airoi_result_get_finding_code(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return r && i < r->n_findings ? r->findings[i].code : NULL;
}

AIROI_API int airoi_result_get_finding_severity(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return r && i < r->n_findings ? r->findings[i].severity : -1;
}

AIROI_API const char *airoi_result_get_finding_message(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return r && i < r->n_findings ? r->findings[i].message : NULL;
}

AIROI_API const char *airoi_result_get_finding_subject(const airoi_result *r, size_t i)
{
    AIROI__ENTER();
    return r && i < r->n_findings ? r->findings[i].subject : NULL;
}

AIROI_API int airoi_result_get_finding_numbers(double *actual, double *reference,
                                               const airoi_result *r, size_t i)
{
    AIROI__ENTER();
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
