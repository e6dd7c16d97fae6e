/*
 * lib/model/project.c: the project handle, its settings, FX table and the
 * collections of items and scenarios.
 */
#include <math.h>
#include <string.h>

#include "airoi/dates.h"
#include "core-private.h"
#include "model-private.h"
#include "narrative-private.h"
#include "tracking-private.h"
#include "rules-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

/* ---- helpers shared by the model files --------------------------------- */

int airoi__check_name(const char *s, const char *what)
{
    if (!s)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL string", what);
    size_t n = strlen(s);
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID, "%s: empty string", what);
    if (n > AIROI_NAME_MAX)
        return airoi__error(AIROI_ERR_INVALID, "%s: %zu bytes, longer than the limit of %d", what,
                            n, AIROI_NAME_MAX);
    return AIROI_OK;
}

/* ---- name index -------------------------------------------------------- */

static void index_put(airoi__item **index, size_t cap, airoi__item *it)
{
    size_t i = (size_t)airoi__hash_str(it->name, strlen(it->name)) & (cap - 1);
    while (index[i])
        i = (i + 1) & (cap - 1);
    index[i] = it;
}

/* Rebuilds the index so that it holds every item with load <= 1/2. */
int airoi__project_reindex(airoi_project *p, size_t extra)
{
    size_t need = (p->n_costs + p->n_values + extra) * 2;
    size_t cap = 16;
    while (cap < need)
        cap *= 2;
    airoi__item **idx = airoi__calloc(cap, sizeof *idx);
    if (!idx)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < p->n_costs; i++)
        index_put(idx, cap, p->costs[i]);
    for (size_t i = 0; i < p->n_values; i++)
        index_put(idx, cap, p->values[i]);
    airoi__free(p->index);
    p->index = idx;
    p->index_cap = cap;
    return AIROI_OK;
}

airoi__item *airoi__project_item_named(const airoi_project *p, const char *name)
{
    if (!p->index || !name)
        return NULL;
    size_t i = (size_t)airoi__hash_str(name, strlen(name)) & (p->index_cap - 1);
    while (p->index[i]) {
        if (strcmp(p->index[i]->name, name) == 0)
            return p->index[i];
        i = (i + 1) & (p->index_cap - 1);
    }
    return NULL;
}

/* Makes room for one more item in the index. */
static int index_reserve(airoi_project *p)
{
    if (p->index && (p->n_costs + p->n_values + 1) * 2 <= p->index_cap)
        return AIROI_OK;
    return airoi__project_reindex(p, 1);
}

/* ---- lifecycle ----------------------------------------------------------- */

static void project_defaults(airoi_project *p)
{
    p->period = AIROI_PERIOD_YEAR;
    p->horizon = 1;
    p->discount_rate = 0.0;
    p->finance_rate = 0.0;
    p->reinvest_rate = 0.0;
    p->unit = 1.0;
    p->start = 0;
    p->stage = AIROI_STAGE_PRODUCTION;
    memset(&p->fin, 0, sizeof p->fin);
    p->fin.tv_method = AIROI_TERMINAL_NONE;
    p->set = BIT(AIROI_PROJECT_NAME);
}

int airoi__project_new(airoi_project **out, const char *name)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_new: NULL out");
    *out = NULL;
    int rc = airoi__check_name(name, "project name");
    if (rc)
        return rc;
    airoi_project *p = airoi__calloc(1, sizeof *p);
    if (!p)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    project_defaults(p);
    p->name = airoi__strdup(name);
    if (!p->name) {
        airoi__free(p);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    *out = p;
    return AIROI_OK;
}

AIROI_API int airoi_project_new(airoi_project **out, const char *name)
{
    AIROI__ENTER();
    return airoi__project_new(out, name);
}

void airoi__project_free(airoi_project *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_costs; i++)
        airoi__item_destroy(p->costs[i]);
    for (size_t i = 0; i < p->n_values; i++)
        airoi__item_destroy(p->values[i]);
    for (size_t i = 0; i < p->n_scenarios; i++)
        airoi__scenario_destroy(p->scenarios[i]);
    for (size_t i = 0; i < p->n_fx; i++)
        airoi__free(p->fx_cur[i]);
    for (size_t i = 0; i < p->n_uncertainties; i++)
        airoi__uncertainty_destroy(p->uncertainties[i]);
    for (size_t i = 0; i < p->n_correlations; i++)
        airoi__correlation_clear(&p->correlations[i]);
    for (size_t i = 0; i < p->n_stages; i++)
        airoi__stage_clear(&p->stages[i]);
    airoi__free(p->uncertainties);
    airoi__free(p->correlations);
    airoi__free(p->stages);
    airoi__sim_options_destroy(p->simulation);
    airoi__narrative_destroy(p->narrative);
    airoi__tracking_def_destroy(p->tracking);
    airoi__free(p->fx_cur);
    airoi__free(p->fx_rate);
    airoi__free(p->costs);
    airoi__free(p->values);
    airoi__free(p->scenarios);
    airoi__free(p->index);
    airoi__free(p->name);
    airoi__free(p->currency);
    airoi__free(p->use_case);
    airoi__free(p);
}

AIROI_API void airoi_project_free(airoi_project *p)
{
    AIROI__ENTER();
    airoi__project_free(p);
}

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = airoi__strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

int airoi__project_clone(airoi_project **out, const airoi_project *p)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_clone: NULL out");
    *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_clone: NULL project");
    airoi_project *c = airoi__calloc(1, sizeof *c);
    if (!c)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    int failed = 0;
    c->name = dup_or_null(p->name, &failed);
    c->currency = dup_or_null(p->currency, &failed);
    c->use_case = dup_or_null(p->use_case, &failed);
    c->period = p->period;
    c->horizon = p->horizon;
    c->discount_rate = p->discount_rate;
    c->finance_rate = p->finance_rate;
    c->reinvest_rate = p->reinvest_rate;
    c->unit = p->unit;
    c->start = p->start;
    c->stage = p->stage;
    c->fin = p->fin;
    c->set = p->set;
    if (!failed && p->n_fx) {
        c->fx_cur = airoi__calloc(p->n_fx, sizeof *c->fx_cur);
        c->fx_rate = airoi__calloc(p->n_fx, sizeof *c->fx_rate);
        if (!c->fx_cur || !c->fx_rate) {
            failed = 1;
        } else {
            c->cap_fx = p->n_fx;
            for (size_t i = 0; i < p->n_fx && !failed; i++) {
                c->fx_cur[i] = dup_or_null(p->fx_cur[i], &failed);
                c->fx_rate[i] = p->fx_rate[i];
                c->n_fx = i + 1;
            }
        }
    }
    if (!failed && p->n_costs) {
        c->costs = airoi__calloc(p->n_costs, sizeof *c->costs);
        if (!c->costs)
            failed = 1;
        else
            c->cap_costs = p->n_costs;
        for (size_t i = 0; i < p->n_costs && !failed; i++) {
            c->costs[i] = airoi__item_copy(p->costs[i], c);
            if (!c->costs[i])
                failed = 1;
            else
                c->n_costs = i + 1;
        }
    }
    if (!failed && p->n_values) {
        c->values = airoi__calloc(p->n_values, sizeof *c->values);
        if (!c->values)
            failed = 1;
        else
            c->cap_values = p->n_values;
        for (size_t i = 0; i < p->n_values && !failed; i++) {
            c->values[i] = airoi__item_copy(p->values[i], c);
            if (!c->values[i])
                failed = 1;
            else
                c->n_values = i + 1;
        }
    }
    if (!failed && p->n_scenarios) {
        c->scenarios = airoi__calloc(p->n_scenarios, sizeof *c->scenarios);
        if (!c->scenarios)
            failed = 1;
        else
            c->cap_scenarios = p->n_scenarios;
        for (size_t i = 0; i < p->n_scenarios && !failed; i++) {
            c->scenarios[i] = airoi__scenario_copy(p->scenarios[i], c);
            if (!c->scenarios[i])
                failed = 1;
            else
                c->n_scenarios = i + 1;
        }
    }
    if (!failed && p->n_uncertainties) {
        c->uncertainties = airoi__calloc(p->n_uncertainties, sizeof *c->uncertainties);
        if (!c->uncertainties)
            failed = 1;
        else
            c->cap_uncertainties = p->n_uncertainties;
        for (size_t i = 0; i < p->n_uncertainties && !failed; i++) {
            c->uncertainties[i] = airoi__uncertainty_copy(p->uncertainties[i], c);
            if (!c->uncertainties[i])
                failed = 1;
            else
                c->n_uncertainties = i + 1;
        }
    }
    if (!failed && p->n_correlations) {
        c->correlations = airoi__calloc(p->n_correlations, sizeof *c->correlations);
        if (!c->correlations)
            failed = 1;
        else
            c->cap_correlations = p->n_correlations;
        for (size_t i = 0; i < p->n_correlations && !failed; i++) {
            airoi__correlation *d = &c->correlations[i];
            d->a = dup_or_null(p->correlations[i].a, &failed);
            d->b = dup_or_null(p->correlations[i].b, &failed);
            d->rank = p->correlations[i].rank;
            c->n_correlations = i + 1;
        }
    }
    if (!failed && p->n_stages) {
        c->stages = airoi__calloc(p->n_stages, sizeof *c->stages);
        if (!c->stages)
            failed = 1;
        else
            c->cap_stages = p->n_stages;
        for (size_t i = 0; i < p->n_stages && !failed; i++) {
            c->stages[i] = p->stages[i];
            c->stages[i].name = dup_or_null(p->stages[i].name, &failed);
            c->n_stages = i + 1;
        }
    }
    if (!failed && p->simulation) {
        c->simulation = airoi__sim_options_copy(p->simulation);
        if (!c->simulation)
            failed = 1;
    }
    if (!failed && p->narrative)
        c->narrative = airoi__narrative_copy(p->narrative, &failed);
    if (!failed && p->tracking)
        c->tracking = airoi__tracking_def_copy(p->tracking, &failed);
    if (!failed && airoi__project_reindex(c, 0) != AIROI_OK)
        failed = 1;
    if (failed) {
        airoi__project_free(c);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    *out = c;
    return AIROI_OK;
}

AIROI_API int airoi_project_clone(airoi_project **out, const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_clone(out, p);
}

/* ---- settings -------------------------------------------------------------- */

/* AIROI_OK when param is an airoi_project_param; otherwise
 * AIROI_ERR_INVALID, naming the family expected and the one given. */
static int param_check(const char *project, int param)
{
    char why[200];
    if (airoi__enum_reason(why, sizeof why, param, AIROI_PROJECT_NAME) == AIROI_OK)
        return AIROI_OK;
    return airoi__error(AIROI_ERR_INVALID, "project '%s': param: %s", project, why);
}

static int is_string_param(int param)
{
    return param == AIROI_PROJECT_NAME || param == AIROI_PROJECT_CURRENCY ||
           param == AIROI_PROJECT_USE_CASE;
}

int airoi__project_set_number(airoi_project *p, airoi_project_param param, double v)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_set_number: NULL project");
    int rc = param_check(p->name, param);
    if (rc)
        return rc;
    const airoi__rule *r = airoi__project_rule(param);
    if (r->type == AIROI__PT_STRING)
        return airoi__error(AIROI_ERR_INVALID, "project '%s': param: %s is a string parameter",
                            p->name, airoi__enum_constant(param));
    char why[256];
    rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc)
        return airoi__error(rc, "project '%s': %s: %s", p->name, r->key, why);
    switch (param) {
    case AIROI_PROJECT_PERIOD: p->period = (int)v; break;
    case AIROI_PROJECT_HORIZON: p->horizon = (int32_t)v; break;
    case AIROI_PROJECT_DISCOUNT_RATE: p->discount_rate = v; break;
    case AIROI_PROJECT_FINANCE_RATE: p->finance_rate = v; break;
    case AIROI_PROJECT_REINVEST_RATE: p->reinvest_rate = v; break;
    case AIROI_PROJECT_UNIT: p->unit = v; break;
    case AIROI_PROJECT_START: p->start = (int32_t)v; break;
    case AIROI_PROJECT_STAGE: p->stage = (int)v; break;
    case AIROI_PROJECT_TAX_RATE: p->fin.tax_rate = v; break;
    case AIROI_PROJECT_LOSS_CARRYFORWARD: p->fin.loss_carryforward = (int)v; break;
    case AIROI_PROJECT_INFLATION: p->fin.inflation = v; break;
    case AIROI_PROJECT_DISCOUNT_REAL: p->fin.discount_real = (int)v; break;
    case AIROI_PROJECT_TERMINAL_METHOD: p->fin.tv_method = (int)v; break;
    case AIROI_PROJECT_TERMINAL_GROWTH: p->fin.tv_growth = v; break;
    case AIROI_PROJECT_TERMINAL_MULTIPLE: p->fin.tv_multiple = v; break;
    default:
        return airoi__error(AIROI_ERR_INTERNAL, "unhandled project parameter %d", param);
    }
    p->set |= BIT(param);
    return AIROI_OK;
}

AIROI_API int airoi_project_set_number(airoi_project *p, airoi_project_param param, double v)
{
    AIROI__ENTER();
    return airoi__project_set_number(p, param, v);
}

double airoi__settings_nominal_discount(const airoi__settings *st)
{
    if (!st->fin.discount_real)
        return st->discount_rate;
    return (1.0 + st->discount_rate) * (1.0 + st->fin.inflation) - 1.0;
}

void airoi__project_settings(airoi__settings *out, const airoi_project *p)
{
    out->name = p->name;
    out->currency = p->currency;
    out->use_case = p->use_case;
    out->period = p->period;
    out->horizon = p->horizon;
    out->discount_rate = p->discount_rate;
    out->fin = p->fin;
    /* unset MIRR rates are the (nominal) discount rate */
    double nominal = airoi__settings_nominal_discount(out);
    out->finance_rate = (p->set & BIT(AIROI_PROJECT_FINANCE_RATE)) ? p->finance_rate : nominal;
    out->reinvest_rate = (p->set & BIT(AIROI_PROJECT_REINVEST_RATE)) ? p->reinvest_rate : nominal;
    out->unit = p->unit;
    out->start = p->start;
    out->stage = p->stage;
    out->set = p->set;
    out->narrative = airoi__project_narrative(p);
    out->stages = p->stages;
    out->n_stages = p->n_stages;
}

int airoi__settings_get_number(double *out, const airoi__settings *st, int param)
{
    switch (param) {
    case AIROI_PROJECT_PERIOD: *out = st->period; break;
    case AIROI_PROJECT_HORIZON: *out = st->horizon; break;
    case AIROI_PROJECT_DISCOUNT_RATE: *out = st->discount_rate; break;
    case AIROI_PROJECT_FINANCE_RATE: *out = st->finance_rate; break;
    case AIROI_PROJECT_REINVEST_RATE: *out = st->reinvest_rate; break;
    case AIROI_PROJECT_UNIT: *out = st->unit; break;
    case AIROI_PROJECT_START:
        if (!(st->set & BIT(param)))
            return airoi__error(AIROI_ERR_NOT_FOUND, "project '%s' has no start date", st->name);
        *out = st->start;
        break;
    case AIROI_PROJECT_STAGE: *out = st->stage; break;
    case AIROI_PROJECT_TAX_RATE:
        if (!(st->set & BIT(param)))
            return airoi__error(AIROI_ERR_NOT_FOUND, "project '%s' has no tax rate", st->name);
        *out = st->fin.tax_rate;
        break;
    case AIROI_PROJECT_LOSS_CARRYFORWARD: *out = st->fin.loss_carryforward; break;
    case AIROI_PROJECT_INFLATION: *out = st->fin.inflation; break;
    case AIROI_PROJECT_DISCOUNT_REAL: *out = st->fin.discount_real; break;
    case AIROI_PROJECT_TERMINAL_METHOD: *out = st->fin.tv_method; break;
    case AIROI_PROJECT_TERMINAL_GROWTH: *out = st->fin.tv_growth; break;
    case AIROI_PROJECT_TERMINAL_MULTIPLE: *out = st->fin.tv_multiple; break;
    default: {
        int rc = param_check(st->name, param);
        if (rc)
            return rc;
        return airoi__error(AIROI_ERR_INVALID, "project '%s': param: %s is a string parameter",
                            st->name, airoi__enum_constant(param));
    }
    }
    return AIROI_OK;
}

const char *airoi__settings_get_string(const airoi__settings *st, int param)
{
    switch (param) {
    case AIROI_PROJECT_NAME: return st->name;
    case AIROI_PROJECT_CURRENCY: return st->currency;
    case AIROI_PROJECT_USE_CASE: return st->use_case;
    default: return NULL;
    }
}

int airoi__project_get_number(double *out, const airoi_project *p, airoi_project_param param)
{
    if (!out || !p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_number: NULL argument");
    airoi__settings st;
    airoi__project_settings(&st, p);
    return airoi__settings_get_number(out, &st, param);
}

AIROI_API int airoi_project_get_number(double *out, const airoi_project *p,
                                       airoi_project_param param)
{
    AIROI__ENTER();
    return airoi__project_get_number(out, p, param);
}

int airoi__project_set_string(airoi_project *p, airoi_project_param param, const char *s)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_set_string: NULL project");
    int rc = param_check(p->name, param);
    if (rc)
        return rc;
    if (!is_string_param(param))
        return airoi__error(AIROI_ERR_INVALID, "project '%s': param: %s is not a string parameter",
                            p->name, airoi__enum_constant(param));
    const char *what = param == AIROI_PROJECT_NAME       ? "project name"
                       : param == AIROI_PROJECT_CURRENCY ? "project currency"
                                                         : "use case";
    char **slot = param == AIROI_PROJECT_NAME       ? &p->name
                  : param == AIROI_PROJECT_CURRENCY ? &p->currency
                                                    : &p->use_case;
    if (!s) {
        if (param == AIROI_PROJECT_NAME)
            return airoi__error(AIROI_ERR_INVALID, "project name: NULL string");
        airoi__free(*slot);
        *slot = NULL;
        p->set &= ~BIT(param);
        return AIROI_OK;
    }
    rc = airoi__check_name(s, what);
    if (rc)
        return rc;
    if (param == AIROI_PROJECT_USE_CASE) {
        char why[512];
        int row = airoi__rule_use_case(s, why, sizeof why);
        if (row < 0)
            return airoi__error(AIROI_ERR_INVALID, "project '%s': use_case: %s", p->name, why);
        s = airoi__benchmark_get_key((size_t)row);
    }
    char *d = airoi__strdup(s);
    if (!d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    airoi__free(*slot);
    *slot = d;
    p->set |= BIT(param);
    return AIROI_OK;
}

AIROI_API int airoi_project_set_string(airoi_project *p, airoi_project_param param, const char *s)
{
    AIROI__ENTER();
    return airoi__project_set_string(p, param, s);
}

const char *airoi__project_get_string(const airoi_project *p, airoi_project_param param)
{
    if (!p || param_check(p->name, param) != AIROI_OK)
        return NULL;
    airoi__settings st;
    airoi__project_settings(&st, p);
    return airoi__settings_get_string(&st, param);
}

AIROI_API const char *airoi_project_get_string(const airoi_project *p, airoi_project_param param)
{
    AIROI__ENTER();
    return airoi__project_get_string(p, param);
}

int airoi__project_is_set(const airoi_project *p, airoi_project_param param)
{
    if (!p || param_check(p->name, param) != AIROI_OK)
        return 0;
    return (p->set & BIT(param)) != 0;
}

AIROI_API int airoi_project_is_set(const airoi_project *p, airoi_project_param param)
{
    AIROI__ENTER();
    return airoi__project_is_set(p, param);
}

/* ---- FX table ------------------------------------------------------------ */

static long fx_index(const airoi_project *p, const char *currency)
{
    for (size_t i = 0; i < p->n_fx; i++)
        if (strcmp(p->fx_cur[i], currency) == 0)
            return (long)i;
    return -1;
}

int airoi__project_fx(double *out, const airoi_project *p, const char *currency)
{
    if (!currency || (p->currency && strcmp(currency, p->currency) == 0)) {
        *out = 1.0;
        return 1;
    }
    long i = fx_index(p, currency);
    if (i < 0)
        return 0;
    *out = p->fx_rate[i];
    return 1;
}

int airoi__project_set_fx(airoi_project *p, const char *currency, double rate)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_set_fx: NULL project");
    int rc = airoi__check_name(currency, "FX currency");
    if (rc)
        return rc;
    char why[256];
    if (airoi__rule_check(&airoi__rule_fx_rate, rate, why, sizeof why) != AIROI_OK)
        return airoi__error(AIROI_ERR_INVALID, "project '%s': fx.%s: %s", p->name, currency,
                            why);
    long i = fx_index(p, currency);
    if (i >= 0) {
        p->fx_rate[i] = rate;
        return AIROI_OK;
    }
    if (p->n_fx >= (size_t)AIROI_FX_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "project '%s': fx.%s: more than %d currencies, the limit",
                            p->name, currency, AIROI_FX_MAX);
    if (p->n_fx == p->cap_fx) {
        size_t nc = p->cap_fx ? p->cap_fx * 2 : 4;
        char **nk = airoi__reallocarray(p->fx_cur, nc, sizeof *nk);
        if (!nk)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        p->fx_cur = nk;
        double *nr = airoi__reallocarray(p->fx_rate, nc, sizeof *nr);
        if (!nr)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        p->fx_rate = nr;
        p->cap_fx = nc;
    }
    char *d = airoi__strdup(currency);
    if (!d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    p->fx_cur[p->n_fx] = d;
    p->fx_rate[p->n_fx] = rate;
    p->n_fx++;
    return AIROI_OK;
}

AIROI_API int airoi_project_set_fx(airoi_project *p, const char *currency, double rate)
{
    AIROI__ENTER();
    return airoi__project_set_fx(p, currency, rate);
}

int airoi__project_get_fx(double *out, const airoi_project *p, const char *currency)
{
    if (!out || !p || !currency)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_fx: NULL argument");
    double r;
    if (!airoi__project_fx(&r, p, currency))
        return airoi__error(AIROI_ERR_NOT_FOUND, "no FX rate for currency '%s'", currency);
    *out = r;
    return AIROI_OK;
}

AIROI_API int airoi_project_get_fx(double *out, const airoi_project *p, const char *currency)
{
    AIROI__ENTER();
    return airoi__project_get_fx(out, p, currency);
}

int airoi__project_remove_fx(airoi_project *p, const char *currency)
{
    if (!p || !currency)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_remove_fx: NULL argument");
    long i = fx_index(p, currency);
    if (i < 0)
        return airoi__error(AIROI_ERR_NOT_FOUND, "no FX rate for currency '%s'", currency);
    airoi__free(p->fx_cur[i]);
    for (size_t k = (size_t)i + 1; k < p->n_fx; k++) {
        p->fx_cur[k - 1] = p->fx_cur[k];
        p->fx_rate[k - 1] = p->fx_rate[k];
    }
    p->n_fx--;
    return AIROI_OK;
}

AIROI_API int airoi_project_remove_fx(airoi_project *p, const char *currency)
{
    AIROI__ENTER();
    return airoi__project_remove_fx(p, currency);
}

size_t airoi__project_count_fx(const airoi_project *p)
{
    return p ? p->n_fx : 0;
}

AIROI_API size_t airoi_project_count_fx(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_count_fx(p);
}

const char *airoi__project_get_fx_currency(const airoi_project *p, size_t i)
{
    if (!p || i >= p->n_fx)
        return NULL;
    return p->fx_cur[i];
}

AIROI_API const char *airoi_project_get_fx_currency(const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_fx_currency(p, i);
}

/* ---- item collections ------------------------------------------------------ */

static int add_item(airoi__item **out, airoi_project *p, const char *name, int kind, int klass)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "add item: NULL project");
    const char *what = kind == AIROI_ITEM_KIND_COST ? "cost item name" : "value item name";
    int rc = airoi__check_name(name, what);
    if (rc)
        return rc;
    char why[200];
    if (kind == AIROI_ITEM_KIND_COST &&
        airoi__enum_reason(why, sizeof why, klass, AIROI_CATEGORY_PEOPLE) != AIROI_OK)
        return airoi__error(AIROI_ERR_INVALID, "cost item '%s': category: %s", name, why);
    if (kind == AIROI_ITEM_KIND_VALUE &&
        airoi__enum_reason(why, sizeof why, klass, AIROI_DIMENSION_EFFICIENCY) != AIROI_OK)
        return airoi__error(AIROI_ERR_INVALID, "value item '%s': dimension: %s", name, why);
    if (airoi__project_item_named(p, name))
        return airoi__error(AIROI_ERR_INVALID,
                            "%s item '%s': name: duplicate item name '%s'; "
                            AIROI__RULE_UNIQUE_ITEM_NAME,
                            kind == AIROI_ITEM_KIND_COST ? "cost" : "value", name, name);
    if (p->n_costs + p->n_values >= (size_t)AIROI_ITEMS_MAX)
        return airoi__error(AIROI_ERR_LIMIT,
                            "project '%s' already has %d items (costs and values), the limit",
                            p->name, AIROI_ITEMS_MAX);
    airoi__item ***arr = kind == AIROI_ITEM_KIND_COST ? &p->costs : &p->values;
    size_t *n = kind == AIROI_ITEM_KIND_COST ? &p->n_costs : &p->n_values;
    size_t *cap = kind == AIROI_ITEM_KIND_COST ? &p->cap_costs : &p->cap_values;
    rc = airoi__grow((void **)arr, cap, *n, sizeof **arr);
    if (rc)
        return rc;
    rc = index_reserve(p);
    if (rc)
        return rc;
    airoi__item *it = airoi__item_create(p, kind, name, klass);
    if (!it)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    (*arr)[(*n)++] = it;
    index_put(p->index, p->index_cap, it);
    *out = it;
    return AIROI_OK;
}

int airoi__project_add_cost(airoi_item **out, airoi_project *p, const char *name,
                            airoi_category category)
{
    if (out)
        *out = NULL;
    airoi__item *it = NULL;
    int rc = add_item(&it, p, name, AIROI_ITEM_KIND_COST, category);
    if (rc == AIROI_OK && out)
        *out = it;
    return rc;
}

AIROI_API int airoi_project_add_cost(airoi_item **out, airoi_project *p, const char *name,
                                     airoi_category category)
{
    AIROI__ENTER();
    return airoi__project_add_cost(out, p, name, category);
}

int airoi__project_add_value(airoi_item **out, airoi_project *p, const char *name,
                             airoi_dimension dimension)
{
    if (out)
        *out = NULL;
    airoi__item *it = NULL;
    int rc = add_item(&it, p, name, AIROI_ITEM_KIND_VALUE, dimension);
    if (rc == AIROI_OK && out)
        *out = it;
    return rc;
}

AIROI_API int airoi_project_add_value(airoi_item **out, airoi_project *p, const char *name,
                                      airoi_dimension dimension)
{
    AIROI__ENTER();
    return airoi__project_add_value(out, p, name, dimension);
}

/* The items of one kind and their count; NULL for another kind. */
static airoi__item **items_of(const airoi_project *p, int kind, size_t *n)
{
    if (kind == AIROI_ITEM_KIND_COST) {
        *n = p->n_costs;
        return p->costs;
    }
    if (kind == AIROI_ITEM_KIND_VALUE) {
        *n = p->n_values;
        return p->values;
    }
    *n = 0;
    airoi__enum_check(kind, AIROI_ITEM_KIND_COST, "kind");
    return NULL;
}

static airoi__item *get_item(const airoi_project *p, int kind, size_t i)
{
    size_t n = 0;
    airoi__item **arr = p ? items_of(p, kind, &n) : NULL;
    return arr && i < n ? arr[i] : NULL;
}

size_t airoi__project_count_items(const airoi_project *p, airoi_item_kind kind)
{
    size_t n = 0;
    if (p)
        items_of(p, kind, &n);
    return n;
}

AIROI_API size_t airoi_project_count_items(const airoi_project *p, airoi_item_kind kind)
{
    AIROI__ENTER();
    return airoi__project_count_items(p, kind);
}

const airoi_item *airoi__project_get_item(const airoi_project *p, airoi_item_kind kind, size_t i)
{
    return get_item(p, kind, i);
}

AIROI_API const airoi_item *airoi_project_get_item(const airoi_project *p, airoi_item_kind kind,
                                                   size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_item(p, kind, i);
}

airoi_item *airoi__project_get_item_mutable(airoi_project *p, airoi_item_kind kind, size_t i)
{
    return get_item(p, kind, i);
}

AIROI_API airoi_item *airoi_project_get_item_mutable(airoi_project *p, airoi_item_kind kind,
                                                     size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_item_mutable(p, kind, i);
}

int airoi__project_find_item(airoi_item_kind *kind_out, size_t *index_out, const airoi_project *p,
                             const char *name)
{
    if (!p || !name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_find_item: NULL argument");
    const airoi__item *it = airoi__project_item_named(p, name);
    if (!it)
        return airoi__error(AIROI_ERR_NOT_FOUND, "no item named '%s'", name);
    size_t n = 0;
    airoi__item **arr = items_of(p, it->kind, &n);
    for (size_t i = 0; i < n; i++)
        if (arr[i] == it) {
            if (kind_out)
                *kind_out = it->kind;
            if (index_out)
                *index_out = i;
            return AIROI_OK;
        }
    return airoi__error(AIROI_ERR_INTERNAL, "item '%s' is indexed but not listed", name);
}

AIROI_API int airoi_project_find_item(airoi_item_kind *kind_out, size_t *index_out,
                                      const airoi_project *p,
                                      const char *name)
{
    AIROI__ENTER();
    return airoi__project_find_item(kind_out, index_out, p, name);
}

int airoi__project_remove_item(airoi_project *p, airoi_item_kind kind, size_t i)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_remove_item: NULL project");
    size_t n = 0;
    airoi__item **arr = items_of(p, kind, &n);
    if (!arr)
        return airoi__enum_check((int)kind, AIROI_ITEM_KIND_COST,
                                 "airoi_project_remove_item: kind");
    if (i >= n)
        return airoi__error(AIROI_ERR_NOT_FOUND, "%s item index %zu past the end (%zu items)",
                            kind == AIROI_ITEM_KIND_COST ? "cost" : "value", i, n);
    size_t *count = kind == AIROI_ITEM_KIND_COST ? &p->n_costs : &p->n_values;
    /* Rebuild the index first, without the item, so that a failure leaves
     * the project untouched. */
    airoi__item *victim = arr[i];
    memmove(arr + i, arr + i + 1, (n - i - 1) * sizeof *arr);
    (*count)--;
    if (airoi__project_reindex(p, 0) != AIROI_OK) {
        memmove(arr + i + 1, arr + i, (n - i - 1) * sizeof *arr);
        arr[i] = victim;
        (*count)++;
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    airoi__item_destroy(victim);
    return AIROI_OK;
}

AIROI_API int airoi_project_remove_item(airoi_project *p, airoi_item_kind kind, size_t i)
{
    AIROI__ENTER();
    return airoi__project_remove_item(p, kind, i);
}
