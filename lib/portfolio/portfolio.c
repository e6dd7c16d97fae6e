/*
 * lib/portfolio/portfolio.c: the portfolio handle, its evaluation (each
 * project on its own, converted to the portfolio currency, ranked) and the
 * result's getters (portfolio layer). The rules are in docs/portfolio.md
 * and docs/methodology.md ("Portfolio selection"); the selection itself is
 * select.c.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "portfolio-private.h"
#include "model-private.h"
#include "rules-private.h"
#include "eval-private.h"

#define BASE_MEASURE AIROI_MEASURE_FIRST_YEAR_COSTS
#define BASE_FIGURE AIROI_PORTFOLIO_BUDGET

static const char *const measure_names[] = {"first_year_costs", "tco", "pv_costs"};
#define NMEASURES (sizeof measure_names / sizeof measure_names[0])

/* ---- the portfolio --------------------------------------------------------------- */

static int check_currency(const char *code, const char *what)
{
    if (!code)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL currency", what);
    if (!airoi__iso4217_known(code))
        return airoi__error(AIROI_ERR_INVALID,
                            "%s: '%s' is not an ISO 4217 currency code (e.g. USD, EUR, TWD)",
                            what, code);
    return AIROI_OK;
}

int airoi__portfolio_new(airoi_portfolio **out, const char *name, const char *currency)
{
    if (out)
        *out = NULL;
    if (!out || !name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_new: NULL argument");
    if (!*name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_new: empty name");
    int rc = check_currency(currency, "portfolio currency");
    if (rc)
        return rc;
    airoi_portfolio *pf = airoi__calloc(1, sizeof *pf);
    if (!pf)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    pf->name = airoi__strdup(name);
    pf->currency = airoi__strdup(currency);
    pf->measure = AIROI_MEASURE_FIRST_YEAR_COSTS;
    pf->frontier_levels = AIROI__PF_FRONTIER_LEVELS;
    if (!pf->name || !pf->currency) {
        airoi__portfolio_free(pf);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    *out = pf;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_new(airoi_portfolio **out, const char *name, const char *currency)
{
    AIROI__ENTER();
    return airoi__portfolio_new(out, name, currency);
}

void airoi__portfolio_free(airoi_portfolio *pf)
{
    if (!pf)
        return;
    for (size_t i = 0; i < pf->n; i++) {
        airoi__project_free(pf->projects[i]);
        airoi__free(pf->sources[i]);
    }
    for (size_t i = 0; i < pf->n_fx; i++)
        airoi__free(pf->fx_cur[i]);
    airoi__free(pf->fx_cur);
    airoi__free(pf->fx_rate);
    airoi__free(pf->projects);
    airoi__free(pf->sources);
    airoi__free(pf->mandatory);
    airoi__free(pf->name);
    airoi__free(pf->currency);
    airoi__free(pf);
}

AIROI_API void airoi_portfolio_free(airoi_portfolio *pf)
{
    airoi__portfolio_free(pf);
}

int airoi__portfolio_set_budget(airoi_portfolio *pf, double budget)
{
    if (!pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_set_budget: NULL portfolio");
    if (!isfinite(budget) || budget < 0)
        return airoi__error(AIROI_ERR_RANGE,
                            "portfolio budget: expected a number >= 0; got %.17g", budget);
    pf->budget = budget;
    pf->has_budget = 1;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_set_budget(airoi_portfolio *pf, double budget)
{
    AIROI__ENTER();
    return airoi__portfolio_set_budget(pf, budget);
}

int airoi__portfolio_set_measure(airoi_portfolio *pf, airoi_portfolio_measure measure)
{
    if (!pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_set_measure: NULL portfolio");
    if (airoi__enum_check((int)measure, BASE_MEASURE, "airoi_portfolio_set_measure: measure"))
        return AIROI_ERR_INVALID;
    pf->measure = measure;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_set_measure(airoi_portfolio *pf, airoi_portfolio_measure measure)
{
    AIROI__ENTER();
    return airoi__portfolio_set_measure(pf, measure);
}

int airoi__portfolio_set_fx(airoi_portfolio *pf, const char *currency, double rate)
{
    if (!pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_set_fx: NULL portfolio");
    int rc = check_currency(currency, "portfolio fx");
    if (rc)
        return rc;
    if (!isfinite(rate) || rate <= 0)
        return airoi__error(AIROI_ERR_RANGE, "portfolio fx.%s: expected a number > 0; got %.17g",
                            currency, rate);
    for (size_t i = 0; i < pf->n_fx; i++)
        if (strcmp(pf->fx_cur[i], currency) == 0) {
            pf->fx_rate[i] = rate;
            return AIROI_OK;
        }
    if (pf->n_fx == pf->cap_fx) {
        size_t nc = pf->cap_fx ? pf->cap_fx * 2 : 4;
        char **nk = airoi__reallocarray(pf->fx_cur, nc, sizeof *nk);
        if (!nk)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        pf->fx_cur = nk;
        double *nr = airoi__reallocarray(pf->fx_rate, nc, sizeof *nr);
        if (!nr)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        pf->fx_rate = nr;
        pf->cap_fx = nc;
    }
    char *d = airoi__strdup(currency);
    if (!d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    pf->fx_cur[pf->n_fx] = d;
    pf->fx_rate[pf->n_fx++] = rate;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_set_fx(airoi_portfolio *pf, const char *currency, double rate)
{
    AIROI__ENTER();
    return airoi__portfolio_set_fx(pf, currency, rate);
}

int airoi__portfolio_adopt_project(airoi_portfolio *pf, airoi_project *p, int mandatory,
                                   const char *source)
{
    if (!pf || !p) {
        airoi__project_free(p);
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_add_project: NULL argument");
    }
    const char *name = airoi__project_get_string(p, AIROI_PROJECT_NAME);
    for (size_t i = 0; i < pf->n; i++)
        if (strcmp(airoi__project_get_string(pf->projects[i], AIROI_PROJECT_NAME), name) == 0) {
            int rc = airoi__error(AIROI_ERR_INVALID,
                                  "two projects of the portfolio are named '%s'; each project "
                                  "needs a name of its own", name);
            airoi__project_free(p);
            return rc;
        }
    if (pf->n >= (size_t)AIROI_PORTFOLIO_PROJECTS_MAX) {
        int rc = airoi__error(AIROI_ERR_LIMIT,
                              "project '%s': more than %d projects in the portfolio, the limit",
                              name, AIROI_PORTFOLIO_PROJECTS_MAX);
        airoi__project_free(p);
        return rc;
    }
    if (pf->n == pf->cap) {
        size_t nc = pf->cap ? pf->cap * 2 : 8;
        airoi_project **np = airoi__reallocarray(pf->projects, nc, sizeof *np);
        if (np)
            pf->projects = np;
        char **ns = np ? airoi__reallocarray(pf->sources, nc, sizeof *ns) : NULL;
        if (ns)
            pf->sources = ns;
        int *nm = ns ? airoi__reallocarray(pf->mandatory, nc, sizeof *nm) : NULL;
        if (!nm) {
            airoi__project_free(p);
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        }
        pf->mandatory = nm;
        pf->cap = nc;
    }
    char *src = NULL;
    if (source && !(src = airoi__strdup(source))) {
        airoi__project_free(p);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    pf->projects[pf->n] = p;
    pf->sources[pf->n] = src;
    pf->mandatory[pf->n++] = mandatory != 0;
    return AIROI_OK;
}

int airoi__portfolio_add_project(airoi_portfolio *pf, const airoi_project *p, int mandatory,
                                 const char *source)
{
    if (!pf || !p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_add_project: NULL argument");
    airoi_project *c = NULL;
    int rc = airoi__project_clone(&c, p);
    if (rc)
        return rc;
    return airoi__portfolio_adopt_project(pf, c, mandatory, source);
}

AIROI_API int airoi_portfolio_add_project(airoi_portfolio *pf, const airoi_project *p,
                                          int mandatory, const char *source)
{
    AIROI__ENTER();
    return airoi__portfolio_add_project(pf, p, mandatory, source);
}

size_t airoi__portfolio_count_projects(const airoi_portfolio *pf)
{
    return pf ? pf->n : 0;
}

AIROI_API size_t airoi_portfolio_count_projects(const airoi_portfolio *pf)
{
    AIROI__ENTER();
    return airoi__portfolio_count_projects(pf);
}

const airoi_project *airoi__portfolio_get_project(const airoi_portfolio *pf, size_t i)
{
    return pf && i < pf->n ? pf->projects[i] : NULL;
}

AIROI_API const airoi_project *airoi_portfolio_get_project(const airoi_portfolio *pf, size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_get_project(pf, i);
}

int airoi__portfolio_get_mandatory(int *out, const airoi_portfolio *pf, size_t i)
{
    if (!out || !pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_get_mandatory: NULL argument");
    if (i >= pf->n)
        return airoi__error(AIROI_ERR_RANGE, "project index %zu; the portfolio has %zu", i,
                            pf->n);
    *out = pf->mandatory[i];
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_get_mandatory(int *out, const airoi_portfolio *pf, size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_get_mandatory(out, pf, i);
}

const char *airoi__portfolio_get_source(const airoi_portfolio *pf, size_t i)
{
    return pf && i < pf->n ? pf->sources[i] : NULL;
}

AIROI_API const char *airoi_portfolio_get_source(const airoi_portfolio *pf, size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_get_source(pf, i);
}

int airoi__portfolio_get_settings(const char **name, const char **currency, double *budget,
                                  int *has_budget, airoi_portfolio_measure *measure,
                                  const airoi_portfolio *pf)
{
    if (!pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_get_settings: NULL portfolio");
    if (name)
        *name = pf->name;
    if (currency)
        *currency = pf->currency;
    if (budget && pf->has_budget)
        *budget = pf->budget;
    if (has_budget)
        *has_budget = pf->has_budget;
    if (measure)
        *measure = pf->measure;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_get_settings(const char **name, const char **currency,
                                           double *budget, int *has_budget,
                                           airoi_portfolio_measure *measure,
                                           const airoi_portfolio *pf)
{
    AIROI__ENTER();
    return airoi__portfolio_get_settings(name, currency, budget, has_budget, measure, pf);
}

size_t airoi__portfolio_count_fx(const airoi_portfolio *pf)
{
    return pf ? pf->n_fx : 0;
}

AIROI_API size_t airoi_portfolio_count_fx(const airoi_portfolio *pf)
{
    AIROI__ENTER();
    return airoi__portfolio_count_fx(pf);
}

int airoi__portfolio_get_fx(const char **currency, double *rate, const airoi_portfolio *pf,
                            size_t i)
{
    if (!currency || !rate || !pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_get_fx: NULL argument");
    if (i >= pf->n_fx)
        return airoi__error(AIROI_ERR_RANGE, "fx index %zu; the portfolio has %zu rates", i,
                            pf->n_fx);
    *currency = pf->fx_cur[i];
    *rate = pf->fx_rate[i];
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_get_fx(const char **currency, double *rate,
                                     const airoi_portfolio *pf, size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_get_fx(currency, rate, pf, i);
}

const char *airoi__portfolio_measure_name(airoi_portfolio_measure measure)
{
    return airoi__enum_name((int)measure, measure_names, NMEASURES, BASE_MEASURE);
}

AIROI_API const char *airoi_portfolio_measure_name(airoi_portfolio_measure measure)
{
    AIROI__ENTER();
    return airoi__portfolio_measure_name(measure);
}

int airoi__portfolio_measure_from_name(airoi_portfolio_measure *out, const char *name)
{
    int v = 0;
    int rc = airoi__enum_from_name(&v, name, measure_names, NMEASURES, BASE_MEASURE,
                                   "portfolio measure");
    if (rc == AIROI_OK && out)
        *out = (airoi_portfolio_measure)v;
    return rc;
}

AIROI_API int airoi_portfolio_measure_from_name(airoi_portfolio_measure *out, const char *name)
{
    AIROI__ENTER();
    return airoi__portfolio_measure_from_name(out, name);
}

/* ---- evaluation ------------------------------------------------------------------- */

void airoi__portfolio_result_free(airoi_portfolio_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        airoi__free(r->projects[i].name);
        airoi__free(r->projects[i].currency);
        airoi__result_free(r->projects[i].result);
    }
    airoi__free(r->projects);
    airoi__portfolio_frontier_free(r);
    airoi__free(r->name);
    airoi__free(r->currency);
    airoi__free(r);
}

AIROI_API void airoi_portfolio_result_free(airoi_portfolio_result *r)
{
    airoi__portfolio_result_free(r);
}

#define FIG(f) ((f) - AIROI_PORTFOLIO_NPV)

/* The rate of a project's currency to the portfolio currency, times its unit. */
int airoi__portfolio_conversion(double *out, const airoi_portfolio *pf, const airoi_project *p,
                                const char *name)
{
    double unit = 1;
    if (airoi__project_get_number(&unit, p, AIROI_PROJECT_UNIT) != AIROI_OK)
        unit = 1;
    const char *cur = airoi__project_get_string(p, AIROI_PROJECT_CURRENCY);
    if (!cur || strcmp(cur, pf->currency) == 0) {
        *out = unit;
        return AIROI_OK;
    }
    for (size_t i = 0; i < pf->n_fx; i++)
        if (strcmp(pf->fx_cur[i], cur) == 0) {
            *out = unit * pf->fx_rate[i];
            return AIROI_OK;
        }
    return airoi__error(AIROI_ERR_MODEL,
                        "project '%s' is in %s; the portfolio's fx has no rate for %s "
                        "(add 'fx: {%s: RATE}', 1 %s = RATE %s)",
                        name, cur, cur, cur, cur, pf->currency);
}

/* Reads the figures of one project into P. */
static int project_figures(airoi__pf_project *P, const airoi_portfolio *pf, size_t i)
{
    const airoi_project *p = pf->projects[i];
    int rc = airoi__project_evaluate(&P->result, p, NULL, 0);
    if (rc)
        return airoi__error(rc, "project '%s': %s", P->name, airoi__error_get());
    double k = 1;
    rc = airoi__portfolio_conversion(&k, pf, p, P->name);
    if (rc)
        return rc;
    const airoi_result *r = P->result;
    double v;
    P->status[FIG(AIROI_PORTFOLIO_NPV)] = airoi__result_get_metric(&v, r, AIROI_METRIC_NPV);
    P->fig[FIG(AIROI_PORTFOLIO_NPV)] = v * k;
    P->status[FIG(AIROI_PORTFOLIO_IRR)] = airoi__result_get_metric(&v, r, AIROI_METRIC_IRR);
    P->fig[FIG(AIROI_PORTFOLIO_IRR)] = v;
    P->status[FIG(AIROI_PORTFOLIO_ROI_RISK_ADJUSTED)] =
        airoi__result_get_metric(&v, r, AIROI_METRIC_ROI_RISK_ADJUSTED);
    P->fig[FIG(AIROI_PORTFOLIO_ROI_RISK_ADJUSTED)] = v;
    double pvb = 0, pvc = 0;
    int sb = airoi__result_get_metric(&pvb, r, AIROI_METRIC_PV_BENEFITS);
    int sc = airoi__result_get_metric(&pvc, r, AIROI_METRIC_PV_COSTS);
    if (sb == AIROI_OK && sc == AIROI_OK && pvc != 0) {
        P->fig[FIG(AIROI_PORTFOLIO_PI)] = pvb / pvc;
        P->status[FIG(AIROI_PORTFOLIO_PI)] = AIROI_OK;
    } else {
        P->status[FIG(AIROI_PORTFOLIO_PI)] = AIROI_ERR_UNDEFINED;
    }
    airoi_metric m = pf->measure == AIROI_MEASURE_TCO        ? AIROI_METRIC_TOTAL_COSTS
                     : pf->measure == AIROI_MEASURE_PV_COSTS ? AIROI_METRIC_PV_COSTS
                                                             : AIROI_METRIC_FIRST_YEAR_COSTS;
    P->status[FIG(AIROI_PORTFOLIO_INVESTMENT)] = airoi__result_get_metric(&v, r, m);
    P->fig[FIG(AIROI_PORTFOLIO_INVESTMENT)] = v * k;
    P->status[FIG(AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV)] =
        airoi__result_get_metric(&v, r, AIROI_METRIC_EXPECTED_NPV);
    P->fig[FIG(AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV)] = v * k;
    if (P->status[FIG(AIROI_PORTFOLIO_NPV)] || P->status[FIG(AIROI_PORTFOLIO_INVESTMENT)])
        return airoi__error(AIROI_ERR_MODEL, "project '%s': its NPV or investment is undefined",
                            P->name);
    if (P->fig[FIG(AIROI_PORTFOLIO_INVESTMENT)] < 0)
        return airoi__error(AIROI_ERR_MODEL,
                            "project '%s': its investment (%s) is negative (%.17g); a "
                            "portfolio needs investments >= 0",
                            P->name, measure_names[pf->measure - BASE_MEASURE],
                            P->fig[FIG(AIROI_PORTFOLIO_INVESTMENT)]);
    if (P->status[FIG(AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV)]) {
        P->status[FIG(AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV)] = AIROI_OK;
        P->fig[FIG(AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV)] = P->fig[FIG(AIROI_PORTFOLIO_NPV)];
    }
    return AIROI_OK;
}

static const airoi_portfolio_figure ranked[4] = {AIROI_PORTFOLIO_NPV, AIROI_PORTFOLIO_IRR,
                                                 AIROI_PORTFOLIO_PI,
                                                 AIROI_PORTFOLIO_ROI_RISK_ADJUSTED};

/* rank = 1 + the number of strictly better values; a missing figure ranks
 * 1 + the number of present ones. */
static void rank(airoi_portfolio_result *r)
{
    for (int k = 0; k < 4; k++) {
        int f = FIG(ranked[k]);
        int32_t present = 0;
        for (size_t i = 0; i < r->n; i++)
            present += r->projects[i].status[f] == AIROI_OK;
        for (size_t i = 0; i < r->n; i++) {
            airoi__pf_project *P = &r->projects[i];
            if (P->status[f] != AIROI_OK) {
                P->rank[k] = 1 + present;
                continue;
            }
            int32_t better = 0;
            for (size_t j = 0; j < r->n; j++)
                better += r->projects[j].status[f] == AIROI_OK &&
                          r->projects[j].fig[f] > P->fig[f];
            P->rank[k] = 1 + better;
        }
    }
}

int airoi__portfolio_evaluate(airoi_portfolio_result **out, const airoi_portfolio *pf,
                              unsigned flags)
{
    return airoi__portfolio_evaluate_levels(out, pf, flags, pf ? pf->frontier_levels : 0);
}

int airoi__portfolio_evaluate_levels(airoi_portfolio_result **out, const airoi_portfolio *pf,
                                     unsigned flags, int32_t levels)
{
    if (out)
        *out = NULL;
    if (!out || !pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_evaluate: NULL argument");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_evaluate: unknown flags 0x%x",
                            flags);
    if (pf->n == 0)
        return airoi__error(AIROI_ERR_INVALID, "portfolio '%s' has no projects", pf->name);
    uint64_t cells = 0;
    for (size_t i = 0; i < pf->n; i++) {
        const airoi_project *p = pf->projects[i];
        cells += (uint64_t)(p->n_costs + p->n_values) * ((uint64_t)p->horizon + 1) *
                 ((uint64_t)p->n_scenarios + 1);
    }
    if (cells > AIROI__PF_MAX_CELLS)
        return airoi__error(AIROI_ERR_LIMIT,
                            "portfolio '%s': the evaluation work of its %zu projects is %llu cells "
                            "(items x (horizon + 1) x (scenarios + 1) each), above the limit of "
                            "%u cells (docs/errors.md#limits)",
                            pf->name, pf->n, (unsigned long long)cells, AIROI__PF_MAX_CELLS);
    airoi_portfolio_result *r = airoi__calloc(1, sizeof *r);
    double *npv = NULL, *inv = NULL;
    const char **names = NULL;
    unsigned char *chosen = NULL;
    int rc = AIROI_ERR_NOMEM;
    if (!r)
        goto fail_nomem;
    r->projects = airoi__calloc(pf->n, sizeof *r->projects);
    r->name = airoi__strdup(pf->name);
    r->currency = airoi__strdup(pf->currency);
    npv = airoi__calloc(pf->n, sizeof *npv);
    inv = airoi__calloc(pf->n, sizeof *inv);
    names = airoi__calloc(pf->n, sizeof *names);
    chosen = airoi__calloc(pf->n, 1);
    if (!r->projects || !r->name || !r->currency || !npv || !inv || !names || !chosen)
        goto fail_nomem;
    r->measure = pf->measure;
    r->budget = pf->budget;
    r->has_budget = pf->has_budget;
    r->n = pf->n;
    for (size_t i = 0; i < pf->n; i++) {
        airoi__pf_project *P = &r->projects[i];
        const char *cur = airoi__project_get_string(pf->projects[i], AIROI_PROJECT_CURRENCY);
        P->name = airoi__strdup(airoi__project_get_string(pf->projects[i], AIROI_PROJECT_NAME));
        P->currency = cur ? airoi__strdup(cur) : NULL;
        if (!P->name || (cur && !P->currency))
            goto fail_nomem;
        rc = project_figures(P, pf, i);
        if (rc)
            goto fail;
        npv[i] = P->fig[FIG(AIROI_PORTFOLIO_NPV)];
        inv[i] = P->fig[FIG(AIROI_PORTFOLIO_INVESTMENT)];
        names[i] = P->name;
    }
    uint64_t work = 0;
    rc = airoi__portfolio_select(chosen, npv, inv, pf->mandatory, names, pf->n, pf->budget,
                                 pf->has_budget, &work);
    if (rc) {
        if (rc == AIROI_ERR_MODEL || rc == AIROI_ERR_LIMIT)
            rc = airoi__error(rc, "portfolio '%s': %s", pf->name,
                              airoi__error_get());
        goto fail;
    }
    airoi__sum tn = {0, 0}, ti = {0, 0}, te = {0, 0};
    for (size_t i = 0; i < pf->n; i++) {
        airoi__pf_project *P = &r->projects[i];
        P->selected = chosen[i];
        if (!chosen[i])
            continue;
        airoi__sum_add(&tn, npv[i]);
        airoi__sum_add(&ti, inv[i]);
        airoi__sum_add(&te, P->fig[FIG(AIROI_PORTFOLIO_PROJECT_EXPECTED_NPV)]);
    }
    r->total_npv = airoi__sum_get(&tn);
    r->total_investment = airoi__sum_get(&ti);
    r->expected_npv = airoi__sum_get(&te);
    rank(r);
    rc = airoi__portfolio_frontier(r, npv, inv, pf->mandatory, names, levels);
    if (rc)
        goto fail;
    airoi__free(npv);
    airoi__free(inv);
    airoi__free(names);
    airoi__free(chosen);
    airoi__error_clear();
    *out = r;
    return AIROI_OK;
fail_nomem:
    rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
fail:
    airoi__free(npv);
    airoi__free(inv);
    airoi__free(names);
    airoi__free(chosen);
    airoi__portfolio_result_free(r);
    return rc;
}

AIROI_API int airoi_portfolio_evaluate(airoi_portfolio_result **out, const airoi_portfolio *pf,
                                       unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_evaluate(out, pf, flags);
}

/* ---- the result ------------------------------------------------------------------- */

size_t airoi__portfolio_result_count_projects(const airoi_portfolio_result *r)
{
    return r ? r->n : 0;
}

AIROI_API size_t airoi_portfolio_result_count_projects(const airoi_portfolio_result *r)
{
    AIROI__ENTER();
    return airoi__portfolio_result_count_projects(r);
}

int airoi__portfolio_result_get_number(double *out, const airoi_portfolio_result *r,
                                       airoi_portfolio_figure figure)
{
    if (!out || !r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_result_get_number: NULL argument");
    if (airoi__enum_check((int)figure, BASE_FIGURE, "airoi_portfolio_result_get_number: figure"))
        return AIROI_ERR_INVALID;
    switch (figure) {
    case AIROI_PORTFOLIO_BUDGET:
        if (!r->has_budget)
            return airoi__error(AIROI_ERR_UNDEFINED, "portfolio '%s' has no budget", r->name);
        *out = r->budget;
        return AIROI_OK;
    case AIROI_PORTFOLIO_TOTAL_NPV: *out = r->total_npv; return AIROI_OK;
    case AIROI_PORTFOLIO_TOTAL_INVESTMENT: *out = r->total_investment; return AIROI_OK;
    case AIROI_PORTFOLIO_EXPECTED_NPV: *out = r->expected_npv; return AIROI_OK;
    default:
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_result_get_number: %s is a figure of a project "
                            "(airoi_portfolio_result_get_project_number)",
                            airoi__enum_constant((int)figure));
    }
}

AIROI_API int airoi_portfolio_result_get_number(double *out, const airoi_portfolio_result *r,
                                                airoi_portfolio_figure figure)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_number(out, r, figure);
}

static int project_index(const airoi_portfolio_result *r, size_t i, const char *fn)
{
    if (!r)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL result", fn);
    if (i >= r->n)
        return airoi__error(AIROI_ERR_RANGE, "%s: project index %zu; the portfolio has %zu", fn,
                            i, r->n);
    return AIROI_OK;
}

int airoi__portfolio_result_get_project_number(double *out, const airoi_portfolio_result *r,
                                               size_t i, airoi_portfolio_figure figure)
{
    static const char fn[] = "airoi_portfolio_result_get_project_number";
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL out", fn);
    int rc = project_index(r, i, fn);
    if (rc)
        return rc;
    if (airoi__enum_check((int)figure, BASE_FIGURE, "airoi_portfolio_result_get_project_number: "
                                                    "figure"))
        return AIROI_ERR_INVALID;
    if (figure < AIROI_PORTFOLIO_NPV)
        return airoi__error(AIROI_ERR_INVALID,
                            "%s: %s is a total of the portfolio (airoi_portfolio_result_get_number)",
                            fn, airoi__enum_constant((int)figure));
    const airoi__pf_project *P = &r->projects[i];
    int st = P->status[FIG(figure)];
    if (st)
        return airoi__error(st, "project '%s': %s does not exist", P->name,
                            airoi__enum_constant((int)figure));
    *out = P->fig[FIG(figure)];
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_result_get_project_number(double *out,
                                                        const airoi_portfolio_result *r,
                                                        size_t i, airoi_portfolio_figure figure)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_project_number(out, r, i, figure);
}

int airoi__portfolio_result_get_rank(int32_t *out, const airoi_portfolio_result *r, size_t i,
                                     airoi_portfolio_figure by)
{
    static const char fn[] = "airoi_portfolio_result_get_rank";
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL out", fn);
    int rc = project_index(r, i, fn);
    if (rc)
        return rc;
    if (airoi__enum_check((int)by, BASE_FIGURE, "airoi_portfolio_result_get_rank: by"))
        return AIROI_ERR_INVALID;
    for (int k = 0; k < 4; k++)
        if (ranked[k] == by) {
            *out = r->projects[i].rank[k];
            return AIROI_OK;
        }
    return airoi__error(AIROI_ERR_INVALID,
                        "%s: projects are ranked by AIROI_PORTFOLIO_NPV, _IRR, _PI and "
                        "_ROI_RISK_ADJUSTED; got %s", fn, airoi__enum_constant((int)by));
}

AIROI_API int airoi_portfolio_result_get_rank(int32_t *out, const airoi_portfolio_result *r,
                                              size_t i, airoi_portfolio_figure by)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_rank(out, r, i, by);
}

int airoi__portfolio_result_get_selected(int *out, const airoi_portfolio_result *r, size_t i)
{
    static const char fn[] = "airoi_portfolio_result_get_selected";
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL out", fn);
    int rc = project_index(r, i, fn);
    if (rc)
        return rc;
    *out = r->projects[i].selected;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_result_get_selected(int *out, const airoi_portfolio_result *r,
                                                  size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_selected(out, r, i);
}

const char *airoi__portfolio_result_get_string(const airoi_portfolio_result *r, size_t i,
                                               airoi_project_param param)
{
    if (!r || i >= r->n)
        return NULL;
    if (param == AIROI_PROJECT_NAME)
        return r->projects[i].name;
    if (param == AIROI_PROJECT_CURRENCY)
        return r->projects[i].currency;
    return NULL;
}

AIROI_API const char *airoi_portfolio_result_get_string(const airoi_portfolio_result *r,
                                                        size_t i, airoi_project_param param)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_string(r, i, param);
}

const airoi_result *airoi__portfolio_result_get_project(const airoi_portfolio_result *r,
                                                        size_t i)
{
    return r && i < r->n ? r->projects[i].result : NULL;
}

AIROI_API const airoi_result *airoi_portfolio_result_get_project(const airoi_portfolio_result *r,
                                                                 size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_project(r, i);
}

int airoi__portfolio_result_get_info(const char **name, const char **currency,
                                     airoi_portfolio_measure *measure,
                                     const airoi_portfolio_result *r)
{
    if (!r)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_result_get_info: NULL result");
    if (name)
        *name = r->name;
    if (currency)
        *currency = r->currency;
    if (measure)
        *measure = r->measure;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_result_get_info(const char **name, const char **currency,
                                              airoi_portfolio_measure *measure,
                                              const airoi_portfolio_result *r)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_info(name, currency, measure, r);
}
