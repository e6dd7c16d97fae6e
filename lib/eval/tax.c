/*
 * lib/eval/tax.c: capex and depreciation, income tax with or without loss
 * carryforward, the after-tax view of a result, the terminal value and the
 * real (inflation-adjusted) figures. Formulas and sources:
 * docs/methodology.md#capex-depreciation-and-tax, #inflation and
 * #terminal-value.
 *
 * Evaluation (evaluate.c) adds each capital item's outlays and their
 * depreciation to two rows of its per-period sums (airoi__capex_add());
 * airoi__after_tax_build() then turns them into the tax of each period and
 * the after-tax result, whose metrics evaluate.c computes by the same rules
 * as the pre-tax ones.
 */
#include <math.h>
#include <string.h>

#include "airoi/tax.h"
#include "core-private.h"
#include "eval-private.h"
#include "finance-private.h"
#include "model-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

int32_t airoi__capex_life_periods(const airoi__item *it, int period)
{
    double L = it->life * (double)airoi__periods_per_year(period);
    double r = nearbyint(L);
    return fabs(L - r) <= 1e-9 * (L > 1 ? L : 1) && r >= 1 ? (int32_t)r : 0;
}

/* The declining-balance rate of Excel's DB: 1 - (salvage / cost)^(1 / life)
 * rounded to three decimals (half away from zero, as ROUND). */
static double db_rate(double salvage, int32_t L)
{
    return round((1.0 - pow(salvage, 1.0 / (double)L)) * 1000.0) / 1000.0;
}

/* Depreciation of a unit outlay in the j-th period of its life (j = 1..L),
 * given the depreciation of the periods before it (`prior`), by the
 * formulas of Excel's SLN, DB (month 12), DDB (factor 2) and SYD with cost
 * 1 and salvage s. */
static double unit_depreciation(int method, double s, int32_t L, int32_t j, double prior)
{
    double Ld = (double)L;
    switch (method) {
    case AIROI_DEPRECIATION_DECLINING_BALANCE: return (1.0 - prior) * db_rate(s, L);
    case AIROI_DEPRECIATION_DOUBLE_DECLINING: {
        double d = (1.0 - prior) * (2.0 / Ld);
        double rest = 1.0 - s - prior;
        d = d < rest ? d : rest;
        return d > 0.0 ? d : 0.0;
    }
    case AIROI_DEPRECIATION_SUM_OF_YEARS:
        return (1.0 - s) * (Ld - (double)j + 1.0) * 2.0 / (Ld * (Ld + 1.0));
    default: return (1.0 - s) / Ld;
    }
}

void airoi__capex_add(double *cap_s, double *cap_c, double *dep_s, double *dep_c, size_t n,
                      int period, const airoi__item *it, const double *x, int32_t lo,
                      int32_t len, double factor)
{
    int32_t L = airoi__capex_life_periods(it, period);
    for (int32_t k = 0; k < len; k++) {
        double v = x[k] * factor;
        size_t t = (size_t)(lo + k);
        if (v == 0.0)
            continue;
        airoi__acc_add(&cap_s[t], &cap_c[t], v);
        double prior = 0.0;
        for (int32_t j = 1; j <= L && t + (size_t)j < n; j++) {
            double d = unit_depreciation(it->depreciation, it->salvage, L, j, prior);
            prior += d;
            airoi__acc_add(&dep_s[t + (size_t)j], &dep_c[t + (size_t)j], v * d);
        }
    }
}

/* ---- tax and the after-tax result ------------------------------------------ */

int airoi__after_tax_build(airoi_result *r, const double *cap_s, const double *cap_c,
                           const double *dep_s, const double *dep_c)
{
    const airoi_schedule *s = r->schedule;
    size_t n = s->n;
    airoi__fin_flows *fin = airoi__calloc(1, sizeof *fin + 4 * n * sizeof(double));
    if (!fin)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    fin->n = n;
    fin->capex = (double *)(fin + 1);
    fin->dep = fin->capex + n;
    fin->tax = fin->dep + n;
    fin->cf = fin->tax + n;
    r->fin = fin;
    const double *costs = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)];
    const double *benefits = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)];
    int taxed = (r->settings.set & BIT(AIROI_PROJECT_TAX_RATE)) != 0;
    double tau = taxed ? r->settings.fin.tax_rate : 0.0;
    int carry = r->settings.fin.loss_carryforward;
    double balance = 0.0;
    for (size_t t = 0; t < n; t++) {
        fin->capex[t] = cap_s[t] + cap_c[t];
        fin->dep[t] = dep_s[t] + dep_c[t];
        double taxable = benefits[t] - (costs[t] - fin->capex[t]) - fin->dep[t];
        if (carry && taxable < 0.0) {
            balance -= taxable;
            taxable = 0.0;
        } else if (carry) {
            double use = balance < taxable ? balance : taxable;
            balance -= use;
            taxable -= use;
        }
        fin->tax[t] = tau * taxable;
        fin->cf[t] = balance;
    }
    if (!taxed)
        return AIROI_OK;

    airoi_result *at = airoi__calloc(1, sizeof *at);
    if (!at)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    r->after_tax = at;
    at->settings = r->settings; /* borrowed strings */
    at->parent = r;
    at->is_after_tax = 1;
    at->fin = fin;
    at->flags = r->flags;
    at->years_per_period = r->years_per_period;
    at->use_case = -1;
    int rc = airoi__schedule_alloc(&at->schedule, n, s->rate, s->has_split);
    if (rc)
        return rc;
    airoi_schedule *a = at->schedule;
    for (size_t t = 0; t < n; t++) {
        a->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)][t] = costs[t] + fin->tax[t];
        a->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)][t] = benefits[t];
        for (size_t c = 0; c < AIROI__CATEGORY_COUNT; c++)
            a->cat[c][t] = s->cat[c][t];
        for (size_t d = 0; d < AIROI__DIMENSION_COUNT; d++)
            a->dim[d][t] = s->dim[d][t];
    }
    at->strategic_unmonetized = r->strategic_unmonetized;
    return airoi__schedule_finish(a);
}

/* ---- figures ----------------------------------------------------------------- */

static const char *const figure_names[] = {
    "capex",         "opex",          "depreciation",       "taxable_income",
    "tax",           "losses_carried_forward", "terminal_value", "npv_terminal_value",
    "npv_with_terminal_value", "discount_rate_nominal", "discount_rate_real",
    "irr_real",      "net_real",      "npv_real",
};

const char *airoi__finance_figure_name(int figure)
{
    if (AIROI__ENUM_BASE(figure) != AIROI_FIGURE_CAPEX ||
        (size_t)AIROI__ENUM_INDEX(figure) >= sizeof figure_names / sizeof figure_names[0])
        return NULL;
    return figure_names[AIROI__ENUM_INDEX(figure)];
}

AIROI_API const char *airoi_finance_figure_name(airoi_finance_figure figure)
{
    AIROI__ENTER();
    return airoi__finance_figure_name((int)figure);
}

static int is_series(int figure)
{
    return figure <= AIROI_FIGURE_LOSS_CARRYFORWARD || figure == AIROI_FIGURE_NET_REAL;
}

/* The value of a series figure in period t. */
static double series_at(const airoi_result *r, int figure, size_t t)
{
    const airoi__fin_flows *fin = r->fin;
    const airoi_schedule *s = r->schedule;
    const double *costs = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)];
    const double *benefits = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_BENEFITS)];
    double tax = fin ? fin->tax[t] : 0.0, capex = fin ? fin->capex[t] : 0.0;
    double pre_costs = r->is_after_tax ? costs[t] - tax : costs[t];
    switch (figure) {
    case AIROI_FIGURE_CAPEX: return capex;
    case AIROI_FIGURE_OPEX: return pre_costs - capex;
    case AIROI_FIGURE_DEPRECIATION: return fin ? fin->dep[t] : 0.0;
    case AIROI_FIGURE_TAXABLE_INCOME:
        return benefits[t] - (pre_costs - capex) - (fin ? fin->dep[t] : 0.0);
    case AIROI_FIGURE_TAX: return tax;
    case AIROI_FIGURE_LOSS_CARRYFORWARD: return fin ? fin->cf[t] : 0.0;
    default: /* AIROI_FIGURE_NET_REAL */
        return s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)][t] /
               airoi__compound(log1p(r->settings.fin.inflation), (double)t * r->years_per_period);
    }
}

/* The terminal value at the horizon on the net flow of the last period
 * (docs/methodology.md#terminal-value); AIROI_ERR_NOT_FOUND without one. */
static int terminal_value(double *tv, const airoi_result *r)
{
    const airoi_schedule *s = r->schedule;
    double cf = s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_NET)][s->n - 1];
    const airoi__fin_settings *f = &r->settings.fin;
    if (f->tv_method == AIROI_TERMINAL_GORDON) {
        double g = airoi__rate_per_period(f->tv_growth, r->years_per_period);
        if (!(g < s->rate))
            return airoi__error(AIROI_ERR_UNDEFINED,
                                "terminal value: the growth is not below the discount rate");
        *tv = cf * (1.0 + g) / (s->rate - g);
        return AIROI_OK;
    }
    if (f->tv_method == AIROI_TERMINAL_EXIT_MULTIPLE) {
        *tv = f->tv_multiple * cf;
        return AIROI_OK;
    }
    return airoi__error(AIROI_ERR_NOT_FOUND, "project '%s' has no terminal value",
                        r->settings.name);
}

int airoi__result_get_finance_figure(double *out, const airoi_result *r, int figure)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_finance_figure: NULL argument");
    if (airoi__enum_check(figure, AIROI_FIGURE_CAPEX, "airoi_result_get_finance_figure: figure"))
        return AIROI_ERR_INVALID;
    const airoi_schedule *s = r->schedule;
    double y = r->years_per_period, infl = r->settings.fin.inflation, v = 0.0, tv = 0.0;
    double nominal = airoi__settings_nominal_discount(&r->settings);
    int rc = AIROI_OK;
    if (figure == AIROI_FIGURE_LOSS_CARRYFORWARD) {
        v = series_at(r, figure, s->n - 1);
    } else if (is_series(figure)) {
        airoi__sum acc = {0, 0};
        for (size_t t = 0; t < s->n; t++)
            airoi__sum_add(&acc, series_at(r, figure, t));
        v = airoi__sum_get(&acc);
    } else if (figure == AIROI_FIGURE_DISCOUNT_RATE_NOMINAL) {
        v = nominal;
    } else if (figure == AIROI_FIGURE_DISCOUNT_RATE_REAL) {
        v = (1.0 + nominal) / (1.0 + infl) - 1.0;
    } else if (figure == AIROI_FIGURE_IRR_REAL) {
        double irr;
        rc = airoi__result_get_metric(&irr, r, AIROI_METRIC_IRR);
        v = (1.0 + irr) / (1.0 + infl) - 1.0;
    } else if (figure == AIROI_FIGURE_NPV_REAL) {
        double real = airoi__rate_per_period((1.0 + nominal) / (1.0 + infl) - 1.0, y);
        airoi__sum acc = {0, 0};
        for (size_t t = 0; t < s->n; t++)
            airoi__sum_add(&acc, series_at(r, AIROI_FIGURE_NET_REAL, t) /
                                     airoi__compound(log1p(real), (double)t));
        v = airoi__sum_get(&acc);
    } else {
        rc = terminal_value(&tv, r);
        double pv = rc ? 0.0 : tv / airoi__compound(log1p(s->rate), (double)(s->n - 1));
        double npv = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_NPV)];
        v = figure == AIROI_FIGURE_TERMINAL_VALUE ? tv
            : figure == AIROI_FIGURE_NPV_TERMINAL_VALUE ? pv
                                                         : npv + pv;
    }
    if (rc)
        return rc;
    if (!isfinite(v))
        return airoi__error(AIROI_ERR_RANGE, "%s overflows", airoi__finance_figure_name(figure));
    *out = v;
    return AIROI_OK;
}

AIROI_API int airoi_result_get_finance_figure(double *out, const airoi_result *r,
                                              airoi_finance_figure figure)
{
    AIROI__ENTER();
    return airoi__result_get_finance_figure(out, r, (int)figure);
}

int airoi__result_get_finance_series(double *buf, size_t cap, size_t *len_out,
                                     const airoi_result *r, int figure)
{
    if (!len_out || !r || (!buf && cap))
        return airoi__error(AIROI_ERR_INVALID, "airoi_result_get_finance_series: NULL argument");
    if (airoi__enum_check(figure, AIROI_FIGURE_CAPEX, "airoi_result_get_finance_series: figure"))
        return AIROI_ERR_INVALID;
    if (!is_series(figure))
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_result_get_finance_series: %s is not a series figure",
                            airoi__finance_figure_name(figure));
    size_t n = r->schedule->n;
    *len_out = n;
    if (!buf)
        return AIROI_OK;
    if (cap < n)
        return airoi__error(AIROI_ERR_BUFFER, "airoi_result_get_finance_series: %zu values "
                                              "need a buffer of %zu; got %zu", n, n, cap);
    for (size_t t = 0; t < n; t++)
        buf[t] = series_at(r, figure, t);
    return AIROI_OK;
}

AIROI_API int airoi_result_get_finance_series(double *buf, size_t cap, size_t *len_out,
                                              const airoi_result *r,
                                              airoi_finance_figure figure)
{
    AIROI__ENTER();
    return airoi__result_get_finance_series(buf, cap, len_out, r, (int)figure);
}

const airoi_result *airoi__result_get_after_tax(const airoi_result *r)
{
    return r ? r->after_tax : NULL;
}

AIROI_API const airoi_result *airoi_result_get_after_tax(const airoi_result *r)
{
    AIROI__ENTER();
    return airoi__result_get_after_tax(r);
}
