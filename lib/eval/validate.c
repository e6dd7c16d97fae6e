/*
 * lib/eval/validate.c: the whole-project validator (eval layer). Every rule
 * that relates values to each other lives here once; the C API, the loader
 * and through them the bindings report its problems in its words. The
 * rules are written out in docs/model-format.md and docs/methodology.md,
 * section 2.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-private.h"
#include "eval-private.h"
#include "validate-private.h"
#include "model-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

/* Longest horizon of a yearly model that passes without a warning: more
 * periods look like months (docs/model-format.md#plausibility-warnings). */
#define AIROI__YEARS_PLAUSIBLE 50

typedef struct checker {
    airoi__problem_fn fn;
    void *userdata;
    int first;  /* status of the first problem, AIROI_OK while none */
    int stop;   /* the callback asked to stop */
} checker;

/* Passes one problem to the callback; returns non-zero when the validation
 * must stop. Warnings do not become the validation's status. */
static int emit(checker *c, int subject, size_t index, int field, size_t sub, int status,
                const char *target, const char *msg)
{
    airoi__problem pr = {subject, index, field, sub, status, msg, target};
    if (c->first == AIROI_OK && status != AIROI__PROBLEM_WARNING)
        c->first = status;
    if (c->fn(c->userdata, &pr))
        c->stop = 1;
    return c->stop;
}

/* Reports one problem; returns non-zero when the validation must stop. */
static int report(checker *c, int subject, size_t index, int field, size_t sub, int status,
                  const char *fmt, ...) AIROI__PRINTF(7, 8);

static int report(checker *c, int subject, size_t index, int field, size_t sub, int status,
                  const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return emit(c, subject, index, field, sub, status, NULL, msg);
}

/* Reports one plausibility warning about the FX entry of `target`. */
static int report_fx(checker *c, const char *target, const char *fmt, ...) AIROI__PRINTF(3, 4);

static int report_fx(checker *c, const char *target, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return emit(c, AIROI__SUBJ_PROJECT, 0, AIROI__FIELD_FX, 0, AIROI__PROBLEM_WARNING, target,
                msg);
}

const char *airoi__problem_key(const airoi__problem *pr)
{
    switch (pr->field) {
    case AIROI__FIELD_NONE:
    case AIROI__FIELD_WORK: return NULL;
    case AIROI__FIELD_AMOUNTS: return "amounts";
    case AIROI__FIELD_MULTIPLIERS: return "multipliers";
    case AIROI__FIELD_FX: return "fx";
    case AIROI__FIELD_VALUES: return "values";
    case AIROI__FIELD_PROBABILITIES: return "probabilities";
    case AIROI__FIELD_BETWEEN: return "between";
    case AIROI__FIELD_RANK: return "rank";
    case AIROI__FIELD_CORRELATIONS: return "correlations";
    default: break;
    }
    const airoi__rule *r = NULL;
    switch (pr->subject) {
    case AIROI__SUBJ_COST:
    case AIROI__SUBJ_VALUE: r = airoi__item_rule(pr->field); break;
    case AIROI__SUBJ_PROJECT: r = airoi__project_rule(pr->field); break;
    case AIROI__SUBJ_SCENARIO:
    case AIROI__SUBJ_SCENARIOS: r = airoi__scenario_rule(pr->field); break;
    case AIROI__SUBJ_UNCERTAINTY: r = airoi__uncertainty_rule(pr->field); break;
    case AIROI__SUBJ_STAGE: r = airoi__stage_rule(pr->field); break;
    default: break;
    }
    return r ? r->key : NULL;
}

static int target_known(const airoi_project *p, const char *target)
{
    if (strcmp(target, "values") == 0 || strcmp(target, "costs") == 0)
        return 1;
    if (airoi__project_item_named(p, target))
        return 1;
    for (int i = 0; i < AIROI__CATEGORY_COUNT; i++)
        if (strcmp(airoi__category_name((airoi_category)(AIROI_CATEGORY_PEOPLE + i)), target) == 0)
            return 1;
    for (int i = 0; i < AIROI__DIMENSION_COUNT; i++)
        if (strcmp(airoi__dimension_name((airoi_dimension)(AIROI_DIMENSION_EFFICIENCY + i)),
                   target) == 0)
            return 1;
    return 0;
}

#define OUTSIDE "period %d is outside the horizon 0..%d"

/* The uppercase of a lowercase or mixed-case three-letter code into up (8
 * bytes) when it is an ISO 4217 code or the project's currency or has an FX
 * rate; 0 when there is nothing better to suggest. */
static int suggest_code(char *up, const airoi_project *p, const char *code)
{
    size_t n = strlen(code);
    if (n != 3)
        return 0;
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = code[i];
        if (ch >= 'a' && ch <= 'z') {
            ch = (char)(ch - 'a' + 'A');
            changed = 1;
        }
        up[i] = ch;
    }
    up[n] = '\0';
    double rate;
    return changed && (airoi__iso4217_known(up) || airoi__project_fx(&rate, p, up));
}

/* ---- plausibility warnings (docs/model-format.md#plausibility-warnings) ---- */

#define W AIROI__PROBLEM_WARNING

/* A currency code that is not in the ISO 4217 table (lib/model/iso4217.c). */
static int currency_message(char *msg, size_t cap, const airoi_project *p, const char *code)
{
    char up[8];
    if (!code || airoi__iso4217_known(code))
        return 0;
    if (suggest_code(up, p, code))
        snprintf(msg, cap, "'%s' is not an ISO 4217 currency code; did you mean %s?", code, up);
    else
        snprintf(msg, cap,
                 "'%s' is not an ISO 4217 currency code (three capital letters such as USD, "
                 "EUR or TWD); amounts in it are converted with the rate given in fx",
                 code);
    return 1;
}

/* A rate above 1 (100% a year), most likely a percentage written as a
 * whole number: "10 means 1000% a year; did you mean 0.10?". */
static int rate_warning(checker *c, int subject, size_t index, int field, double v)
{
    if (!(v > 1))
        return 0;
    char num[32], mean[32];
    airoi__rule_number(num, sizeof num, v);
    if (v <= 100) {
        if (v == floor(v))
            snprintf(mean, sizeof mean, "%.2f", v / 100);
        else
            airoi__rule_number(mean, sizeof mean, v / 100);
        return report(c, subject, index, field, 0, W, "%s means %.15g%% a year; did you mean %s?",
                      num, v * 100, mean);
    }
    return report(c, subject, index, field, 0, W,
                  "%s means %.15g%% a year; a rate is a fraction (0.10 is 10%%)", num, v * 100);
}

/* A negative amount outside a refund. A refund is a one-time cost (per:
 * once) below 0; a negative value, or a negative recurring cost, is
 * better modelled on the other side. */
static int negative_warning(checker *c, int subj, const airoi__item *it, size_t index)
{
    int field = AIROI_ITEM_AMOUNT;
    size_t sub = 0;
    double v = 0;
    if (it->n_list) {
        size_t k = 0;
        while (k < it->n_list && !(it->list[k] < 0))
            k++;
        if (k == it->n_list)
            return 0;
        field = AIROI__FIELD_AMOUNTS;
        sub = k;
        v = it->list[k];
    } else {
        v = airoi__item_amount(it);
        if (!(v < 0))
            return 0;
        if (it->set & (BIT(AIROI_ITEM_QUANTITY) | BIT(AIROI_ITEM_UNIT_AMOUNT)))
            field = it->quantity < 0 ? AIROI_ITEM_QUANTITY : AIROI_ITEM_UNIT_AMOUNT;
    }
    char num[32];
    airoi__rule_number(num, sizeof num, v);
    if (subj == AIROI__SUBJ_VALUE)
        return report(c, subj, index, field, sub, W,
                      "%s is a negative value; model a dis-benefit (lost revenue, a new risk) "
                      "as a cost item of category opportunity, so that ROI and the audit count "
                      "it as a cost",
                      num);
    if (it->per == AIROI_PER_ONCE)
        return 0; /* a refund */
    return report(c, subj, index, field, sub, W,
                  "%s is a negative recurring cost; model a saving as a value item of "
                  "dimension efficiency; only a one-time cost (per: once) may be negative, "
                  "as a refund",
                  num);
}

static void check_plausible(checker *c, const airoi_project *p)
{
    char msg[512];
    const int P = AIROI__SUBJ_PROJECT;
    if (rate_warning(c, P, 0, AIROI_PROJECT_DISCOUNT_RATE, p->discount_rate))
        return;
    if ((p->set & BIT(AIROI_PROJECT_FINANCE_RATE)) &&
        rate_warning(c, P, 0, AIROI_PROJECT_FINANCE_RATE, p->finance_rate))
        return;
    if ((p->set & BIT(AIROI_PROJECT_REINVEST_RATE)) &&
        rate_warning(c, P, 0, AIROI_PROJECT_REINVEST_RATE, p->reinvest_rate))
        return;
    if ((p->set & BIT(AIROI_PROJECT_TAX_RATE)) && p->fin.tax_rate > 1) {
        char num[32], mean[32];
        airoi__rule_number(num, sizeof num, p->fin.tax_rate);
        airoi__rule_number(mean, sizeof mean, p->fin.tax_rate / 100);
        if (report(c, P, 0, AIROI_PROJECT_TAX_RATE, 0, W,
                   "%s means a tax of %.15g%% of taxable income; did you mean %s?", num,
                   p->fin.tax_rate * 100, mean))
            return;
    }
    if ((p->set & BIT(AIROI_PROJECT_INFLATION)) &&
        rate_warning(c, P, 0, AIROI_PROJECT_INFLATION, p->fin.inflation))
        return;
    if (p->period == AIROI_PERIOD_YEAR && p->horizon > AIROI__YEARS_PLAUSIBLE &&
        report(c, P, 0, AIROI_PROJECT_HORIZON, 0, W,
               "%d yearly periods are %d years; if the periods are months, set period: month "
               "(a yearly model rarely looks further than %d years)",
               (int)p->horizon, (int)p->horizon, AIROI__YEARS_PLAUSIBLE))
        return;
    if (currency_message(msg, sizeof msg, p, p->currency) &&
        report(c, P, 0, AIROI_PROJECT_CURRENCY, 0, W, "%s", msg))
        return;
    for (size_t i = 0; i < p->n_fx; i++) {
        const char *cur = p->fx_cur[i];
        char rate[32];
        if (p->currency && strcmp(cur, p->currency) == 0) {
            if (report_fx(c, cur,
                          "%s is the project's own currency: its rate is always 1, so this "
                          "entry (rate %s) is ignored; remove it",
                          cur, airoi__rule_number(rate, sizeof rate, p->fx_rate[i])))
                return;
        } else if (currency_message(msg, sizeof msg, p, cur) && report_fx(c, cur, "%s", msg)) {
            return;
        }
    }
    if (p->n_values == 0 && p->n_costs > 0 &&
        report(c, P, 0, AIROI__FIELD_VALUES, 0, W,
               "the project has no value items: ROI, NPV and payback count its costs only; "
               "list its benefits under values"))
        return;
    for (int kind = 0; kind < 2; kind++) {
        airoi__item *const *items = kind ? p->values : p->costs;
        size_t n = kind ? p->n_values : p->n_costs;
        int subj = kind ? AIROI__SUBJ_VALUE : AIROI__SUBJ_COST;
        for (size_t i = 0; i < n; i++) {
            const airoi__item *it = items[i];
            double rate;
            if (it->currency && (!p->currency || strcmp(it->currency, p->currency) != 0) &&
                airoi__project_fx(&rate, p, it->currency) &&
                currency_message(msg, sizeof msg, p, it->currency) &&
                report(c, subj, i, AIROI_ITEM_CURRENCY, 0, W, "%s", msg))
                return;
            if ((it->set & BIT(AIROI_ITEM_GROWTH)) &&
                rate_warning(c, subj, i, AIROI_ITEM_GROWTH, it->growth))
                return;
            if (negative_warning(c, subj, it, i))
                return;
        }
    }
}

/* Periods against the horizon, the amount's form, the currency. */
static void check_item(checker *c, const airoi_project *p, const airoi__item *it, size_t index)
{
    int subj = it->kind == AIROI_ITEM_KIND_COST ? AIROI__SUBJ_COST : AIROI__SUBJ_VALUE;
    int32_t H = p->horizon;
    const int M = AIROI_ERR_MODEL;
    int has_q = (it->set & BIT(AIROI_ITEM_QUANTITY)) != 0;
    int has_u = (it->set & BIT(AIROI_ITEM_UNIT_AMOUNT)) != 0;
    if (has_q != has_u &&
        report(c, subj, index, has_q ? AIROI_ITEM_QUANTITY : AIROI_ITEM_UNIT_AMOUNT, 0, M,
               "needs %s too (amount = quantity x unit_amount)",
               has_q ? "unit_amount" : "quantity"))
        return;
    double rate;
    char upper[8];
    if (it->currency && !airoi__project_fx(&rate, p, it->currency) &&
        (suggest_code(upper, p, it->currency)
             ? (airoi__project_fx(&rate, p, upper)
                    ? report(c, subj, index, AIROI_ITEM_CURRENCY, 0, M,
                             "currency '%s' has no rate in fx; did you mean %s?", it->currency,
                             upper)
                    : report(c, subj, index, AIROI_ITEM_CURRENCY, 0, M,
                             "currency '%s' has no rate in fx; did you mean %s? (it needs a "
                             "rate too: fx: {%s: RATE})",
                             it->currency, upper, upper))
             : report(c, subj, index, AIROI_ITEM_CURRENCY, 0, M,
                      "currency '%s' has no rate in fx (add e.g. fx: {%s: RATE})", it->currency,
                      it->currency)))
        return;
    if (it->payment == AIROI_PAYMENT_LUMP && !airoi__item_lump_periods(it, p->period)) {
        const char *period = airoi__period_name(p->period);
        if (it->per == AIROI_PER_ONCE)
            report(c, subj, index, AIROI_ITEM_PAYMENT, 0, M,
                   "lump applies to an amount quoted per quarter or year; a one-time amount "
                   "(per: once) is paid in full at 'at' already; remove payment");
        else if (it->n_list)
            report(c, subj, index, AIROI_ITEM_PAYMENT, 0, M,
                   "lump applies to one amount quoted per quarter or year; an amounts list "
                   "gives the amount of each period directly; remove payment");
        else
            report(c, subj, index, AIROI_ITEM_PAYMENT, 0, M,
                   "lump pays a quarter's or a year's amount in the first period of each, in a "
                   "shorter project period; %s%s is not longer than the project period (%s); "
                   "quote the amount per quarter or year, or remove payment",
                   it->per == AIROI_PER_PERIOD ? "an amount without per" : "per: ",
                   it->per == AIROI_PER_PERIOD ? "" : airoi__per_name(it->per), period);
        return;
    }
    if (it->per == AIROI_PER_ONCE) {
        if (it->n_list && report(c, subj, index, AIROI__FIELD_AMOUNTS, 0, M,
                                 "a one-time amount (per: once) cannot have a per-period list"))
            return;
        if ((it->set & BIT(AIROI_ITEM_AT)) && it->at > H &&
            report(c, subj, index, AIROI_ITEM_AT, 0, M, OUTSIDE, (int)it->at, (int)H))
            return;
        /* from and to do not apply to a one-time amount, but must not lie */
        if ((it->set & BIT(AIROI_ITEM_FROM)) && it->from > H &&
            report(c, subj, index, AIROI_ITEM_FROM, 0, M, OUTSIDE, (int)it->from, (int)H))
            return;
        if ((it->set & BIT(AIROI_ITEM_TO)) && it->to > H)
            report(c, subj, index, AIROI_ITEM_TO, 0, M, OUTSIDE, (int)it->to, (int)H);
        return;
    }
    int32_t from = it->from;
    int32_t to = airoi__item_to(it, H);
    int from_set = (it->set & BIT(AIROI_ITEM_FROM)) != 0;
    int to_set = (it->set & BIT(AIROI_ITEM_TO)) != 0;
    int bad = 0;
    if (from > H) {
        bad = 1;
        if (from_set ? report(c, subj, index, AIROI_ITEM_FROM, 0, M, OUTSIDE, (int)from, (int)H)
                     : report(c, subj, index, AIROI__FIELD_NONE, 0, M,
                              "the default first period %d is outside the horizon 0..%d; give "
                              "from: 0",
                              (int)from, (int)H))
            return;
    }
    if (to > H) {
        bad = 1;
        if (report(c, subj, index, AIROI_ITEM_TO, 0, M, OUTSIDE, (int)to, (int)H))
            return;
    }
    if (bad)
        return;
    if (to < from) {
        report(c, subj, index, AIROI_ITEM_TO, 0, M, "last period %d is before the first period %d",
               (int)to, (int)from);
        return;
    }
    if (it->n_list && (int64_t)from + (int64_t)it->n_list - 1 > (int64_t)to)
        report(c, subj, index, AIROI__FIELD_AMOUNTS, 0, M,
               "%zu amounts from period %d run past period %d (%s)", it->n_list, (int)from,
               (int)to, to_set ? "to" : "the horizon");
}

/* ---- uncertainties, correlations, stages (docs/model-format.md#uncertainties) ---- */

#define UBIT(param) ((uint64_t)1 << (unsigned)((param) - AIROI_UNCERTAINTY_NAME))
#define UHAS(u, param) (((u)->set & UBIT(param)) != 0)

/* Names the missing parameters of a distribution that needs all of them
 * ("mode", "low and high"); 0 when none is missing. */
static int missing_params(char *buf, size_t cap, const airoi__uncertainty *u, const int *params,
                          size_t n)
{
    size_t missing = 0, o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        missing += !UHAS(u, params[i]);
    size_t k = 0;
    for (size_t i = 0; i < n && o < cap; i++) {
        if (UHAS(u, params[i]))
            continue;
        k++;
        o += (size_t)snprintf(buf + o, cap - o, "%s%s",
                              k == 1 ? "" : k == missing ? " and " : ", ",
                              airoi__uncertainty_rule(params[i])->key);
    }
    return missing != 0;
}

/* The support of a continuous law, for the truncation check: [lo, hi]
 * (lo == hi: a single point). Returns 0 when the law is unbounded on both
 * sides (normal with sd > 0). */
static int continuous_support(const airoi__uncertainty *u, double *lo, double *hi)
{
    switch (u->distribution) {
    case AIROI_DIST_UNIFORM:
    case AIROI_DIST_TRIANGULAR:
    case AIROI_DIST_PERT: *lo = u->low; *hi = u->high; return 1;
    case AIROI_DIST_NORMAL:
        if (u->sd > 0)
            return 0;
        *lo = *hi = u->mean;
        return 1;
    case AIROI_DIST_LOGNORMAL: {
        int by_log = UHAS(u, AIROI_UNCERTAINTY_MU);
        double spread = by_log ? u->sigma : u->sd;
        if (spread > 0) {
            *lo = 0;
            *hi = HUGE_VAL;
        } else {
            *lo = *hi = by_log ? exp(u->mu) : u->mean;
        }
        return 1;
    }
    default: return 0;
    }
}

/* Whether the truncation window [min, max] keeps some probability. */
static int window_holds(const airoi__uncertainty *u, double min, double max)
{
    switch (u->distribution) {
    case AIROI_DIST_FIXED: return u->value >= min && u->value <= max;
    case AIROI_DIST_BERNOULLI:
        return (u->p < 1 && 1 >= min && 1 <= max) ||
               (u->p > 0 && 1 + u->impact >= min && 1 + u->impact <= max);
    case AIROI_DIST_DISCRETE:
        for (size_t k = 0; k < u->n_values; k++)
            if (u->probabilities[k] > 0 && u->values[k] >= min && u->values[k] <= max)
                return 1;
        return 0;
    default: break;
    }
    double lo, hi;
    if (!continuous_support(u, &lo, &hi))
        return 1;
    if (lo == hi)
        return lo >= min && lo <= max;
    /* a continuous law: the window must overlap the support's interior */
    return (min > lo ? min : lo) < (max < hi ? max : hi);
}

/* The rules of one uncertainty that relate its values; returns non-zero
 * when the validation must stop. */
static int check_uncertainty(checker *c, const airoi_project *p, const airoi__uncertainty *u,
                             size_t i)
{
    const int U = AIROI__SUBJ_UNCERTAINTY, M = AIROI_ERR_MODEL;
    const char *dist = airoi__distribution_name((airoi_distribution)u->distribution);
    char num[3][32], list[128];
    if (!target_known(p, u->target) &&
        report(c, U, i, AIROI_UNCERTAINTY_TARGET, 0, M,
               "unknown target '%s'; expected an item name, a category, a dimension, values or "
               "costs",
               u->target))
        return 1;
    if (u->name) {
        for (size_t j = 0; j < p->n_uncertainties; j++) {
            const airoi__uncertainty *o = p->uncertainties[j];
            if (j == i || strcmp(airoi__uncertainty_id(o), u->name) != 0 || (j > i && o->name))
                continue;
            if (report(c, U, i, AIROI_UNCERTAINTY_NAME, 0, M,
                       "'%s' already names the uncertainty on '%s' (an uncertainty goes by its "
                       "name, or by its target when it has none); " AIROI__RULE_UNIQUE_UNCERTAINTY,
                       u->name, o->target))
                return 1;
            break;
        }
    }
    /* the parameters each distribution needs */
    static const int lh[] = {AIROI_UNCERTAINTY_LOW, AIROI_UNCERTAINTY_HIGH};
    static const int lmh[] = {AIROI_UNCERTAINTY_LOW, AIROI_UNCERTAINTY_MODE,
                              AIROI_UNCERTAINTY_HIGH};
    static const int msd[] = {AIROI_UNCERTAINTY_MEAN, AIROI_UNCERTAINTY_SD};
    static const int musig[] = {AIROI_UNCERTAINTY_MU, AIROI_UNCERTAINTY_SIGMA};
    static const int pim[] = {AIROI_UNCERTAINTY_P, AIROI_UNCERTAINTY_IMPACT};
    int missing = 0;
    switch (u->distribution) {
    case AIROI_DIST_UNIFORM: missing = missing_params(list, sizeof list, u, lh, 2); break;
    case AIROI_DIST_TRIANGULAR:
    case AIROI_DIST_PERT: missing = missing_params(list, sizeof list, u, lmh, 3); break;
    case AIROI_DIST_NORMAL: missing = missing_params(list, sizeof list, u, msd, 2); break;
    case AIROI_DIST_BERNOULLI: missing = missing_params(list, sizeof list, u, pim, 2); break;
    case AIROI_DIST_LOGNORMAL: {
        int by_var = UHAS(u, AIROI_UNCERTAINTY_MEAN) || UHAS(u, AIROI_UNCERTAINTY_SD);
        int by_log = UHAS(u, AIROI_UNCERTAINTY_MU) || UHAS(u, AIROI_UNCERTAINTY_SIGMA);
        if (by_var && by_log)
            return report(c, U, i, UHAS(u, AIROI_UNCERTAINTY_MU) ? AIROI_UNCERTAINTY_MU
                                                                   : AIROI_UNCERTAINTY_SIGMA,
                          0, M,
                          "give mean and sd (of the variable) or mu and sigma (of its log), "
                          "not both");
        if (!by_var && !by_log)
            return report(c, U, i, AIROI__FIELD_NONE, 0, M,
                          "the lognormal distribution needs mean and sd (of the variable), or "
                          "mu and sigma (of its log)");
        missing = by_log ? missing_params(list, sizeof list, u, musig, 2)
                         : missing_params(list, sizeof list, u, msd, 2);
        break;
    }
    case AIROI_DIST_DISCRETE:
        if (u->n_values == 0)
            return report(c, U, i, AIROI__FIELD_NONE, 0, M,
                          "the discrete distribution needs values and probabilities (e.g. "
                          "values: [0.8, 1, 1.3], probabilities: [0.2, 0.5, 0.3])");
        break;
    default: break;
    }
    if (missing)
        return report(c, U, i, AIROI__FIELD_NONE, 0, M, "the %s distribution needs %s; missing: %s",
                      dist, airoi__distribution_keys((airoi_distribution)u->distribution), list);
    /* how the values relate */
    if (UHAS(u, AIROI_UNCERTAINTY_LOW) && UHAS(u, AIROI_UNCERTAINTY_HIGH)) {
        if (u->low > u->high)
            return report(c, U, i, AIROI_UNCERTAINTY_LOW, 0, M,
                          "low %s is above high %s; low must not exceed high",
                          airoi__rule_number(num[0], 32, u->low),
                          airoi__rule_number(num[1], 32, u->high));
        if (UHAS(u, AIROI_UNCERTAINTY_MODE) && (u->mode < u->low || u->mode > u->high))
            return report(c, U, i, AIROI_UNCERTAINTY_MODE, 0, M,
                          "mode %s is outside [low, high] = [%s, %s]; the most likely value "
                          "lies between low and high",
                          airoi__rule_number(num[2], 32, u->mode),
                          airoi__rule_number(num[0], 32, u->low),
                          airoi__rule_number(num[1], 32, u->high));
    }
    if (u->distribution == AIROI_DIST_LOGNORMAL && UHAS(u, AIROI_UNCERTAINTY_MEAN) &&
        !(u->mean > 0))
        return report(c, U, i, AIROI_UNCERTAINTY_MEAN, 0, M,
                      "a lognormal variable is positive: its mean must be greater than 0; got "
                      "%s (or give mu and sigma of its log)",
                      airoi__rule_number(num[0], 32, u->mean));
    if (u->distribution == AIROI_DIST_DISCRETE) {
        airoi__sum acc = {0, 0};
        for (size_t k = 0; k < u->n_values; k++)
            airoi__sum_add(&acc, u->probabilities[k]);
        double total = airoi__sum_get(&acc);
        if (fabs(total - 1.0) > AIROI__PROBABILITY_SUM_TOL)
            return report(c, U, i, AIROI__FIELD_PROBABILITIES, 0, M,
                          "probabilities sum to %.12g; they must sum to 1 (within 1e-9)", total);
    }
    /* truncation */
    int has_min = UHAS(u, AIROI_UNCERTAINTY_MIN), has_max = UHAS(u, AIROI_UNCERTAINTY_MAX);
    if (has_min && has_max && u->min > u->max)
        return report(c, U, i, AIROI_UNCERTAINTY_MIN, 0, M,
                      "min %s is above max %s; min must not exceed max",
                      airoi__rule_number(num[0], 32, u->min),
                      airoi__rule_number(num[1], 32, u->max));
    if (has_min || has_max) {
        double min = has_min ? u->min : -HUGE_VAL, max = has_max ? u->max : HUGE_VAL;
        double lo, hi;
        int spread = u->distribution == AIROI_DIST_NORMAL
                         ? u->sd > 0
                         : continuous_support(u, &lo, &hi) && lo < hi;
        if (spread && min == max)
            return report(c, U, i, AIROI_UNCERTAINTY_MIN, 0, M,
                          "min equals max (%s): a %s distribution has no probability at a "
                          "single point; widen the window or use distribution: fixed",
                          airoi__rule_number(num[0], 32, min), dist);
        if (!window_holds(u, min, max))
            return report(c, U, i, has_min ? AIROI_UNCERTAINTY_MIN : AIROI_UNCERTAINTY_MAX, 0,
                          M,
                          "the truncation to [%s, %s] leaves no probability: no value of this "
                          "%s distribution lies there",
                          has_min ? airoi__rule_number(num[0], 32, min) : "-inf",
                          has_max ? airoi__rule_number(num[1], 32, max) : "inf", dist);
    }
    return 0;
}

/* Reports a correlation's name that no uncertainty goes by (end is
 * AIROI__END_UNKNOWN) or several do (AIROI__END_AMBIGUOUS). */
static void report_end(checker *c, const airoi_project *p, size_t k, size_t side, size_t end)
{
    const char *id = side ? p->correlations[k].b : p->correlations[k].a;
    const int C = AIROI__SUBJ_CORRELATION;
    if (end == AIROI__END_AMBIGUOUS) {
        report(c, C, k, AIROI__FIELD_BETWEEN, side, AIROI_ERR_MODEL,
               "'%s' names %zu uncertainties (an uncertainty without a name goes by its "
               "target); " AIROI__RULE_UNIQUE_UNCERTAINTY,
               id, airoi__uncertainty_lookup(p, id, NULL));
        return;
    }
    for (size_t j = 0; j < p->n_uncertainties; j++) {
        const airoi__uncertainty *u = p->uncertainties[j];
        if (u->name && strcmp(u->target, id) == 0) {
            report(c, C, k, AIROI__FIELD_BETWEEN, side, AIROI_ERR_MODEL,
                   "unknown uncertainty '%s'; the uncertainty on '%s' is named '%s': use that "
                   "name",
                   id, id, u->name);
            return;
        }
    }
    report(c, C, k, AIROI__FIELD_BETWEEN, side, AIROI_ERR_MODEL,
           "unknown uncertainty '%s'; expected the name of an uncertainty, or its target when "
           "it has no name",
           id);
}

/* A correlation's pair of uncertainties, smaller index first. */
typedef struct pair {
    size_t lo, hi, k;
} pair;

static int by_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    if (x->hi != y->hi)
        return x->hi < y->hi ? -1 : 1;
    return (x->k > y->k) - (x->k < y->k);
}

/* Every name of a correlation goes by one uncertainty, and each pair is
 * given once; O(c log c + c log u), since a model may hold many. */
static void check_correlations(checker *c, const airoi_project *p)
{
    size_t nc = p->n_correlations;
    if (!nc)
        return;
    size_t *ends = airoi__calloc(2 * nc, sizeof *ends);
    pair *pairs = airoi__calloc(nc, sizeof *pairs);
    if (!ends || !pairs || airoi__correlation_ends(ends, p) != AIROI_OK) {
        report(c, AIROI__SUBJ_CORRELATION, 0, AIROI__FIELD_NONE, 0, AIROI_ERR_NOMEM,
               "out of memory while checking the correlations");
        goto done;
    }
    size_t np = 0;
    for (size_t k = 0; k < nc && !c->stop; k++) {
        size_t a = ends[2 * k], b = ends[2 * k + 1];
        if (a >= AIROI__END_AMBIGUOUS)
            report_end(c, p, k, 0, a);
        if (b >= AIROI__END_AMBIGUOUS && !c->stop)
            report_end(c, p, k, 1, b);
        if (a < AIROI__END_AMBIGUOUS && b < AIROI__END_AMBIGUOUS)
            pairs[np++] = (pair){a < b ? a : b, a < b ? b : a, k};
    }
    qsort(pairs, np, sizeof *pairs, by_pair);
    size_t first = 0; /* the first of the current run of one pair */
    for (size_t i = 1; i < np && !c->stop; i++) {
        if (pairs[first].lo != pairs[i].lo || pairs[first].hi != pairs[i].hi) {
            first = i;
            continue;
        }
        const airoi__correlation *r = &p->correlations[pairs[i].k];
        const airoi__correlation *f = &p->correlations[pairs[first].k];
        report(c, AIROI__SUBJ_CORRELATION, pairs[i].k, AIROI__FIELD_BETWEEN, 0, AIROI_ERR_MODEL,
               "the pair '%s', '%s' is correlated twice (also by the correlation between '%s' "
               "and '%s'); give each pair once",
               r->a, r->b, f->a, f->b);
    }
done:
    airoi__free(ends);
    airoi__free(pairs);
}

static void check_stages(checker *c, const airoi_project *p)
{
    int64_t total = 0;
    for (size_t i = 0; i < p->n_stages && !c->stop; i++) {
        const airoi__stage_def *s = &p->stages[i];
        total += s->periods;
        for (size_t j = 0; j < i; j++)
            if (strcmp(p->stages[j].name, s->name) == 0) {
                report(c, AIROI__SUBJ_STAGE, i, AIROI_STAGE_NAME, 0, AIROI_ERR_MODEL,
                       "stage name '%s' is used twice; stage names must be unique", s->name);
                break;
            }
    }
    if (!c->stop && total + p->horizon > AIROI_HORIZON_MAX)
        report(c, AIROI__SUBJ_STAGES, 0, AIROI__FIELD_NONE, 0, AIROI_ERR_LIMIT,
               "the stages last %lld periods and the model's own schedule starts after them: "
               "%lld + the horizon %d is above the limit of %d periods",
               (long long)total, (long long)total, (int)p->horizon, AIROI_HORIZON_MAX);
}

/* The validation; plausibility warnings only when `warnings` is non-zero. */
/* Capex items, the Gordon terminal value's growth, the tax rate
 * (docs/methodology.md#capex-depreciation-and-tax, #terminal-value). */
static void check_finance(checker *c, const airoi_project *p)
{
    const int M = AIROI_ERR_MODEL, C = AIROI__SUBJ_COST;
    for (size_t i = 0; i < p->n_costs && !c->stop; i++) {
        const airoi__item *it = p->costs[i];
        uint32_t dep_keys = BIT(AIROI_ITEM_LIFE) | BIT(AIROI_ITEM_DEPRECIATION) |
                            BIT(AIROI_ITEM_SALVAGE);
        if (!it->capex && (it->set & dep_keys)) {
            int field = (it->set & BIT(AIROI_ITEM_LIFE))           ? AIROI_ITEM_LIFE
                        : (it->set & BIT(AIROI_ITEM_DEPRECIATION)) ? AIROI_ITEM_DEPRECIATION
                                                                   : AIROI_ITEM_SALVAGE;
            report(c, C, i, field, 0, M,
                   "life, depreciation and salvage apply to a capital cost; add capex: true "
                   "or remove them");
        } else if (it->capex && !(it->set & BIT(AIROI_ITEM_LIFE))) {
            report(c, C, i, AIROI_ITEM_CAPEX, 0, M,
                   "a capital cost needs its useful life in years (life: 3)");
        } else if (it->capex && !airoi__capex_life_periods(it, p->period)) {
            char num[32];
            report(c, C, i, AIROI_ITEM_LIFE, 0, M,
                   "a life of %s years is not a whole number of %s periods (%d a year); "
                   "give a life such as %g",
                   airoi__rule_number(num, sizeof num, it->life), airoi__period_name(p->period),
                   airoi__periods_per_year(p->period),
                   fmax(1.0, nearbyint(it->life * airoi__periods_per_year(p->period))) /
                       airoi__periods_per_year(p->period));
        }
    }
    /* What a model file cannot say (its tax: needs a rate, its
     * terminal_value: the figure of its method) a program can: refused the
     * same way instead of silently computing without it. */
    if (!c->stop && p->fin.loss_carryforward && !(p->set & BIT(AIROI_PROJECT_TAX_RATE)))
        report(c, AIROI__SUBJ_PROJECT, 0, AIROI_PROJECT_LOSS_CARRYFORWARD, 0, M,
               "a loss carryforward applies to a tax: set the tax rate (tax: {rate: 0.25})");
    int tv_needs = p->fin.tv_method == AIROI_TERMINAL_GORDON          ? AIROI_PROJECT_TERMINAL_GROWTH
                   : p->fin.tv_method == AIROI_TERMINAL_EXIT_MULTIPLE ? AIROI_PROJECT_TERMINAL_MULTIPLE
                                                                      : 0;
    if (!c->stop && tv_needs && !(p->set & BIT(tv_needs)))
        report(c, AIROI__SUBJ_PROJECT, 0, AIROI_PROJECT_TERMINAL_METHOD, 0, M,
               "method %s needs %s", airoi__terminal_method_name(p->fin.tv_method),
               tv_needs == AIROI_PROJECT_TERMINAL_GROWTH ? "growth" : "multiple");
    if (c->stop || p->fin.tv_method != AIROI_TERMINAL_GORDON)
        return;
    airoi__settings st;
    airoi__project_settings(&st, p);
    double r = airoi__settings_nominal_discount(&st);
    if (!(p->fin.tv_growth < r)) {
        char g[32], rr[32];
        report(c, AIROI__SUBJ_PROJECT, 0, AIROI_PROJECT_TERMINAL_GROWTH, 0, M,
               "growth %s is not below the discount rate %s: the Gordon terminal value "
               "CF (1 + g) / (r - g) needs g < r",
               airoi__rule_number(g, sizeof g, p->fin.tv_growth),
               airoi__rule_number(rr, sizeof rr, r));
    }
}

static int validate(const airoi_project *p, airoi__problem_fn fn, void *userdata, int warnings)
{
    checker c = {fn, userdata, AIROI_OK, 0};
    /* Work limit: every item is spread over every period of the base case
     * and of each scenario (docs/methodology.md, section 2). */
    uint64_t items = (uint64_t)p->n_costs + (uint64_t)p->n_values;
    uint64_t periods = (uint64_t)p->horizon + 1u;
    uint64_t evals = (uint64_t)p->n_scenarios + 1u;
    if (items * periods * evals > (uint64_t)AIROI_EVAL_MAX_CELLS &&
        report(&c, AIROI__SUBJ_PROJECT, 0, AIROI__FIELD_WORK, 0, AIROI_ERR_LIMIT,
               "evaluation work of %llu cells (%llu items x %llu periods x %llu evaluations: "
               "the base case and %zu scenarios) is above the limit of %llu cells; use fewer "
               "items, a shorter horizon or a longer period",
               (unsigned long long)(items * periods * evals), (unsigned long long)items,
               (unsigned long long)periods, (unsigned long long)evals, p->n_scenarios,
               (unsigned long long)AIROI_EVAL_MAX_CELLS))
        return c.first;
    for (size_t i = 0; i < p->n_costs && !c.stop; i++)
        check_item(&c, p, p->costs[i], i);
    for (size_t i = 0; i < p->n_values && !c.stop; i++)
        check_item(&c, p, p->values[i], i);
    if (p->n_scenarios && !c.stop) {
        airoi__sum acc = {0, 0};
        for (size_t i = 0; i < p->n_scenarios; i++)
            airoi__sum_add(&acc, p->scenarios[i]->probability);
        double total = airoi__sum_get(&acc);
        if (fabs(total - 1.0) > 1e-9)
            report(&c, AIROI__SUBJ_SCENARIOS, 0, AIROI_SCENARIO_PROBABILITY, 0, AIROI_ERR_MODEL,
                   "probabilities sum to %.12g; they must sum to 1 (within 1e-9)", total);
        for (size_t i = 0; i < p->n_scenarios && !c.stop; i++) {
            const airoi_scenario *s = p->scenarios[i];
            for (size_t m = 0; m < s->n_mult && !c.stop; m++)
                if (!target_known(p, s->mult[m].target))
                    report(&c, AIROI__SUBJ_SCENARIO, i, AIROI__FIELD_MULTIPLIERS, m,
                           AIROI_ERR_MODEL,
                           "unknown multiplier target '%s'; expected an item name, a category, "
                           "a dimension, values or costs",
                           s->mult[m].target);
        }
    }
    for (size_t i = 0; i < p->n_uncertainties && !c.stop; i++)
        check_uncertainty(&c, p, p->uncertainties[i], i);
    if (!c.stop)
        check_correlations(&c, p);
    if (!c.stop)
        check_stages(&c, p);
    if (!c.stop)
        check_finance(&c, p);
    if (!c.stop && warnings)
        check_plausible(&c, p);
    return c.first;
}

int airoi__validate_each(const airoi_project *p, airoi__problem_fn fn, void *userdata)
{
    return validate(p, fn, userdata, 1);
}

void airoi__problem_text(char *buf, size_t cap, const airoi_project *p, const airoi__problem *pr)
{
    char subject[64 + 2 * AIROI_NAME_MAX];
    switch (pr->subject) {
    case AIROI__SUBJ_UNCERTAINTY:
        snprintf(subject, sizeof subject, "uncertainty '%s'",
                 airoi__uncertainty_id(p->uncertainties[pr->index]));
        break;
    case AIROI__SUBJ_CORRELATION:
        snprintf(subject, sizeof subject, "correlation between '%s' and '%s'",
                 p->correlations[pr->index].a, p->correlations[pr->index].b);
        break;
    case AIROI__SUBJ_STAGE:
        snprintf(subject, sizeof subject, "stage '%s'", p->stages[pr->index].name);
        break;
    case AIROI__SUBJ_STAGES: snprintf(subject, sizeof subject, "stages"); break;
    case AIROI__SUBJ_COST:
        snprintf(subject, sizeof subject, "cost item '%s'", p->costs[pr->index]->name);
        break;
    case AIROI__SUBJ_VALUE:
        snprintf(subject, sizeof subject, "value item '%s'", p->values[pr->index]->name);
        break;
    case AIROI__SUBJ_SCENARIO:
        snprintf(subject, sizeof subject, "scenario '%s'", p->scenarios[pr->index]->name);
        break;
    case AIROI__SUBJ_SCENARIOS: snprintf(subject, sizeof subject, "scenarios"); break;
    default: snprintf(subject, sizeof subject, "project '%s'", p->name); break;
    }
    const char *key = airoi__problem_key(pr);
    if (pr->field == AIROI__FIELD_MULTIPLIERS)
        key = NULL; /* the message names the target */
    snprintf(buf, cap, "%s%s: %s%s%s%s%s", pr->status == AIROI__PROBLEM_WARNING ? "warning: " : "",
             subject, key ? key : "", key && pr->target ? "." : "",
             key && pr->target ? pr->target : "", key ? ": " : "", pr->message);
}

/* The C API's wording of the first error: its subject by name. Warnings
 * are passed over. */
static int first_problem(void *userdata, const airoi__problem *pr)
{
    const airoi_project *p = userdata;
    if (pr->status == AIROI__PROBLEM_WARNING)
        return 0;
    char text[1024 + 2 * AIROI_NAME_MAX];
    airoi__problem_text(text, sizeof text, p, pr);
    airoi__error(pr->status, "%s", text);
    return 1;
}

int airoi__validate(const airoi_project *p)
{
    /* errors only: evaluation need not word the warnings */
    return validate(p, first_problem, (void *)(uintptr_t)p, 0);
}

int airoi__project_validate(const airoi_project *p)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_validate: NULL project");
    return airoi__validate(p);
}

AIROI_API int airoi_project_validate(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_validate(p);
}
