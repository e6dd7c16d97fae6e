/*
 * lib/model/uncertainty.c: the uncertainties of a project (a distribution
 * whose draw multiplies its target) and the rank correlations between
 * them. Values one at a time are checked here against the parameter table
 * (rules.c); what relates them (low <= high, a known target, probabilities
 * that sum to 1, ...) is the whole-project validator's (lib/eval).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "airoi/uncertainty.h"
#include "core-private.h"
#include "model-private.h"
#include "rules-private.h"

#define UBIT(param) ((uint64_t)1 << (unsigned)((param) - AIROI_UNCERTAINTY_NAME))

/* ---- one uncertainty ------------------------------------------------------ */

const char *airoi__uncertainty_id(const airoi__uncertainty *u)
{
    return u->name ? u->name : u->target;
}

void airoi__uncertainty_destroy(airoi__uncertainty *u)
{
    if (!u)
        return;
    airoi__free(u->name);
    airoi__free(u->target);
    airoi__free(u->driver);
    airoi__free(u->values);
    airoi__free(u->probabilities);
    airoi__free(u);
}

airoi__uncertainty *airoi__uncertainty_copy(const airoi__uncertainty *src, airoi_project *owner)
{
    airoi__uncertainty *u = airoi__malloc(sizeof *u);
    if (!u)
        return NULL;
    *u = *src;
    u->owner = owner;
    u->name = NULL;
    u->driver = NULL;
    u->values = NULL;
    u->probabilities = NULL;
    u->target = airoi__strdup(src->target);
    int failed = !u->target;
    if (src->name) {
        u->name = airoi__strdup(src->name);
        failed |= !u->name;
    }
    if (src->driver) {
        u->driver = airoi__strdup(src->driver);
        failed |= !u->driver;
    }
    if (src->n_values) {
        u->values = airoi__reallocarray(NULL, src->n_values, sizeof *u->values);
        u->probabilities = airoi__reallocarray(NULL, src->n_values, sizeof *u->probabilities);
        if (u->values && u->probabilities) {
            memcpy(u->values, src->values, src->n_values * sizeof *u->values);
            memcpy(u->probabilities, src->probabilities,
                   src->n_values * sizeof *u->probabilities);
        } else {
            failed = 1;
        }
    }
    if (failed) {
        airoi__uncertainty_destroy(u);
        return NULL;
    }
    return u;
}

/* The rule of a parameter that the uncertainty's distribution uses and that
 * has the wanted type; NULL with the error set otherwise. The loader refuses
 * a key that the distribution does not use in these words. */
static const airoi__rule *rule_for(const airoi__uncertainty *u, int param, int want_string)
{
    const airoi__rule *r = airoi__uncertainty_rule(param);
    if (!r) {
        char why[200];
        airoi__enum_reason(why, sizeof why, param, AIROI_UNCERTAINTY_NAME);
        airoi__error(AIROI_ERR_INVALID, "uncertainty '%s': param: %s", airoi__uncertainty_id(u),
                     why);
        return NULL;
    }
    if ((r->type == AIROI__PT_STRING) != want_string) {
        airoi__error(AIROI_ERR_INVALID, "uncertainty '%s': parameter %s is a %s parameter",
                     airoi__uncertainty_id(u), r->key, want_string ? "numeric" : "string");
        return NULL;
    }
    if (!airoi__distribution_uses(u->distribution, param)) {
        airoi__error(AIROI_ERR_INVALID, "uncertainty '%s': %s: " AIROI__RULE_UNUSED_PARAM,
                     airoi__uncertainty_id(u), r->key, airoi__distribution_name(u->distribution),
                     r->key, airoi__distribution_keys(u->distribution));
        return NULL;
    }
    return r;
}

static double *field(airoi__uncertainty *u, int param)
{
    switch (param) {
    case AIROI_UNCERTAINTY_LOW: return &u->low;
    case AIROI_UNCERTAINTY_MODE: return &u->mode;
    case AIROI_UNCERTAINTY_HIGH: return &u->high;
    case AIROI_UNCERTAINTY_SHAPE: return &u->shape;
    case AIROI_UNCERTAINTY_MEAN: return &u->mean;
    case AIROI_UNCERTAINTY_SD: return &u->sd;
    case AIROI_UNCERTAINTY_MU: return &u->mu;
    case AIROI_UNCERTAINTY_SIGMA: return &u->sigma;
    case AIROI_UNCERTAINTY_P: return &u->p;
    case AIROI_UNCERTAINTY_IMPACT: return &u->impact;
    case AIROI_UNCERTAINTY_VALUE: return &u->value;
    case AIROI_UNCERTAINTY_MIN: return &u->min;
    case AIROI_UNCERTAINTY_MAX: return &u->max;
    default: return NULL;
    }
}

int airoi__uncertainty_get_distribution(airoi_distribution *out, const airoi_uncertainty *u)
{
    if (!out || !u)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_uncertainty_get_distribution: NULL argument");
    *out = (airoi_distribution)u->distribution;
    return AIROI_OK;
}

AIROI_API int airoi_uncertainty_get_distribution(airoi_distribution *out,
                                                 const airoi_uncertainty *u)
{
    AIROI__ENTER();
    return airoi__uncertainty_get_distribution(out, u);
}

int airoi__uncertainty_set_number(airoi_uncertainty *u, airoi_uncertainty_param param, double v)
{
    if (!u)
        return airoi__error(AIROI_ERR_INVALID, "airoi_uncertainty_set_number: NULL uncertainty");
    const airoi__rule *r = rule_for(u, (int)param, 0);
    if (!r)
        return AIROI_ERR_INVALID;
    char why[256];
    int rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc)
        return airoi__error(rc, "uncertainty '%s': %s: %s", airoi__uncertainty_id(u), r->key,
                            why);
    if (param == AIROI_UNCERTAINTY_PER_PERIOD) {
        u->per_period = (int)v;
    } else {
        double *f = field(u, (int)param);
        if (!f)
            return airoi__error(AIROI_ERR_INTERNAL, "unhandled uncertainty parameter %s", r->key);
        *f = v;
    }
    u->set |= UBIT(param);
    return AIROI_OK;
}

AIROI_API int airoi_uncertainty_set_number(airoi_uncertainty *u, airoi_uncertainty_param param,
                                           double v)
{
    AIROI__ENTER();
    return airoi__uncertainty_set_number(u, param, v);
}

int airoi__uncertainty_get_number(double *out, const airoi_uncertainty *u,
                                  airoi_uncertainty_param param)
{
    if (!out || !u)
        return airoi__error(AIROI_ERR_INVALID, "airoi_uncertainty_get_number: NULL argument");
    const airoi__rule *r = rule_for(u, (int)param, 0);
    if (!r)
        return AIROI_ERR_INVALID;
    if (param == AIROI_UNCERTAINTY_PER_PERIOD) {
        *out = u->per_period;
        return AIROI_OK;
    }
    /* shape and value have defaults, held in their fields from the start */
    if (!(u->set & UBIT(param)) && param != AIROI_UNCERTAINTY_SHAPE &&
        param != AIROI_UNCERTAINTY_VALUE)
        return airoi__error(AIROI_ERR_NOT_FOUND, "uncertainty '%s' has no %s",
                            airoi__uncertainty_id(u), r->key);
    double *f = field((airoi__uncertainty *)u, (int)param);
    if (!f)
        return airoi__error(AIROI_ERR_INTERNAL, "unhandled uncertainty parameter %s", r->key);
    *out = *f;
    return AIROI_OK;
}

AIROI_API int airoi_uncertainty_get_number(double *out, const airoi_uncertainty *u,
                                           airoi_uncertainty_param param)
{
    AIROI__ENTER();
    return airoi__uncertainty_get_number(out, u, param);
}

int airoi__uncertainty_set_string(airoi_uncertainty *u, airoi_uncertainty_param param,
                                  const char *s)
{
    if (!u)
        return airoi__error(AIROI_ERR_INVALID, "airoi_uncertainty_set_string: NULL uncertainty");
    if (!rule_for(u, (int)param, 1))
        return AIROI_ERR_INVALID;
    char **slot = param == AIROI_UNCERTAINTY_NAME     ? &u->name
                  : param == AIROI_UNCERTAINTY_DRIVER ? &u->driver
                                                      : &u->target;
    if (!s && param != AIROI_UNCERTAINTY_TARGET) {
        /* no name: the uncertainty is named by its target; no driver: its own draw */
        airoi__free(*slot);
        *slot = NULL;
        u->set &= ~UBIT(param);
        return AIROI_OK;
    }
    int rc = airoi__check_name(s, param == AIROI_UNCERTAINTY_NAME     ? "uncertainty name"
                                  : param == AIROI_UNCERTAINTY_DRIVER ? "uncertainty driver"
                                                                      : "uncertainty target");
    if (rc)
        return rc;
    char *d = airoi__strdup(s);
    if (!d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    airoi__free(*slot);
    *slot = d;
    u->set |= UBIT(param);
    return AIROI_OK;
}

AIROI_API int airoi_uncertainty_set_string(airoi_uncertainty *u, airoi_uncertainty_param param,
                                           const char *s)
{
    AIROI__ENTER();
    return airoi__uncertainty_set_string(u, param, s);
}

const char *airoi__uncertainty_get_string(const airoi_uncertainty *u,
                                          airoi_uncertainty_param param)
{
    if (!u)
        return NULL;
    if (param == AIROI_UNCERTAINTY_NAME)
        return u->name;
    if (param == AIROI_UNCERTAINTY_TARGET)
        return u->target;
    if (param == AIROI_UNCERTAINTY_DRIVER)
        return u->driver;
    if (!airoi__uncertainty_rule((int)param))
        rule_for(u, (int)param, 1); /* of another family: say so */
    return NULL;
}

AIROI_API const char *airoi_uncertainty_get_string(const airoi_uncertainty *u,
                                                   airoi_uncertainty_param param)
{
    AIROI__ENTER();
    return airoi__uncertainty_get_string(u, param);
}

int airoi__uncertainty_is_set(const airoi_uncertainty *u, airoi_uncertainty_param param)
{
    if (u && !airoi__uncertainty_rule((int)param))
        rule_for(u, (int)param, 0); /* of another family: say so */
    if (!u || !airoi__distribution_uses(u->distribution, (int)param))
        return 0;
    return (u->set & UBIT(param)) != 0;
}

AIROI_API int airoi_uncertainty_is_set(const airoi_uncertainty *u, airoi_uncertainty_param param)
{
    AIROI__ENTER();
    return airoi__uncertainty_is_set(u, param);
}

int airoi__uncertainty_set_discrete(airoi_uncertainty *u, const double *values,
                                    const double *probabilities, size_t n)
{
    if (!u)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_uncertainty_set_discrete: NULL uncertainty");
    const char *id = airoi__uncertainty_id(u);
    if (u->distribution != AIROI_DIST_DISCRETE)
        return airoi__error(AIROI_ERR_INVALID, "uncertainty '%s': values: " AIROI__RULE_UNUSED_PARAM,
                            id, airoi__distribution_name(u->distribution), "values",
                            airoi__distribution_keys(u->distribution));
    if (n == 0)
        return airoi__error(AIROI_ERR_INVALID,
                            "uncertainty '%s': values: expected at least one value "
                            "(e.g. values: [0.8, 1, 1.3], probabilities: [0.2, 0.5, 0.3])",
                            id);
    if (!values || !probabilities)
        return airoi__error(AIROI_ERR_INVALID, "uncertainty '%s': NULL values or probabilities",
                            id);
    if (n > (size_t)AIROI_DISCRETE_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "uncertainty '%s': values: %zu values; at most %d "
                            "are allowed", id, n, AIROI_DISCRETE_MAX);
    char why[256];
    for (size_t i = 0; i < n; i++) {
        int rc = airoi__rule_check(&airoi__rule_discrete_value, values[i], why, sizeof why);
        if (rc)
            return airoi__error(rc, "uncertainty '%s': values[%zu]: %s", id, i, why);
        rc = airoi__rule_check(&airoi__rule_discrete_probability, probabilities[i], why,
                               sizeof why);
        if (rc)
            return airoi__error(rc, "uncertainty '%s': probabilities[%zu]: %s", id, i, why);
    }
    double *v = airoi__reallocarray(NULL, n, sizeof *v);
    double *pr = airoi__reallocarray(NULL, n, sizeof *pr);
    if (!v || !pr) {
        airoi__free(v);
        airoi__free(pr);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    memcpy(v, values, n * sizeof *v);
    memcpy(pr, probabilities, n * sizeof *pr);
    airoi__free(u->values);
    airoi__free(u->probabilities);
    u->values = v;
    u->probabilities = pr;
    u->n_values = n;
    return AIROI_OK;
}

AIROI_API int airoi_uncertainty_set_discrete(airoi_uncertainty *u, const double *values,
                                             const double *probabilities, size_t n)
{
    AIROI__ENTER();
    return airoi__uncertainty_set_discrete(u, values, probabilities, n);
}

int airoi__uncertainty_get_discrete(double *values, double *probabilities, size_t cap,
                                    size_t *len_out, const airoi_uncertainty *u)
{
    if (!u || !len_out || ((!values || !probabilities) && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_uncertainty_get_discrete: NULL argument");
    *len_out = u->n_values;
    if (!values && !probabilities)
        return AIROI_OK; /* the size query */
    if (cap < u->n_values)
        return airoi__error(AIROI_ERR_BUFFER, "uncertainty '%s': buffer of %zu for %zu values",
                            airoi__uncertainty_id(u), cap, u->n_values);
    if (u->n_values) {
        memcpy(values, u->values, u->n_values * sizeof *values);
        memcpy(probabilities, u->probabilities, u->n_values * sizeof *probabilities);
    }
    return AIROI_OK;
}

AIROI_API int airoi_uncertainty_get_discrete(double *values, double *probabilities, size_t cap,
                                             size_t *len_out, const airoi_uncertainty *u)
{
    AIROI__ENTER();
    return airoi__uncertainty_get_discrete(values, probabilities, cap, len_out, u);
}

/* ---- the project's uncertainties ------------------------------------------ */

int airoi__project_add_uncertainty(airoi_uncertainty **out, airoi_project *p, const char *target,
                                   airoi_distribution distribution)
{
    if (out)
        *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_uncertainty: NULL project");
    int rc = airoi__check_name(target, "uncertainty target");
    if (rc)
        return rc;
    char why[200];
    if (airoi__enum_reason(why, sizeof why, (int)distribution, AIROI_DIST_FIXED) != AIROI_OK)
        return airoi__error(AIROI_ERR_INVALID, "uncertainty '%s': distribution: %s", target,
                            why);
    if (p->n_uncertainties >= (size_t)AIROI_UNCERTAINTIES_MAX)
        return airoi__error(AIROI_ERR_LIMIT,
                            "project '%s' already has %d uncertainties, the limit", p->name,
                            AIROI_UNCERTAINTIES_MAX);
    rc = airoi__grow((void **)&p->uncertainties, &p->cap_uncertainties, p->n_uncertainties,
                     sizeof *p->uncertainties);
    if (rc)
        return rc;
    airoi__uncertainty *u = airoi__calloc(1, sizeof *u);
    if (!u)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    u->target = airoi__strdup(target);
    if (!u->target) {
        airoi__free(u);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    u->owner = p;
    u->distribution = (int)distribution;
    /* the defaults of the parameters that have one (their bits stay clear) */
    if (distribution == AIROI_DIST_PERT)
        u->shape = 4.0;
    if (distribution == AIROI_DIST_FIXED)
        u->value = 1.0;
    u->set = UBIT(AIROI_UNCERTAINTY_TARGET);
    p->uncertainties[p->n_uncertainties++] = u;
    if (out)
        *out = u;
    return AIROI_OK;
}

AIROI_API int airoi_project_add_uncertainty(airoi_uncertainty **out, airoi_project *p,
                                            const char *target, airoi_distribution distribution)
{
    AIROI__ENTER();
    return airoi__project_add_uncertainty(out, p, target, distribution);
}

size_t airoi__project_count_uncertainties(const airoi_project *p)
{
    return p ? p->n_uncertainties : 0;
}

AIROI_API size_t airoi_project_count_uncertainties(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_count_uncertainties(p);
}

const airoi_uncertainty *airoi__project_get_uncertainty(const airoi_project *p, size_t i)
{
    return p && i < p->n_uncertainties ? p->uncertainties[i] : NULL;
}

AIROI_API const airoi_uncertainty *airoi_project_get_uncertainty(const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_uncertainty(p, i);
}

airoi_uncertainty *airoi__project_get_uncertainty_mutable(airoi_project *p, size_t i)
{
    return p && i < p->n_uncertainties ? p->uncertainties[i] : NULL;
}

AIROI_API airoi_uncertainty *airoi_project_get_uncertainty_mutable(airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_uncertainty_mutable(p, i);
}

size_t airoi__uncertainty_lookup(const airoi_project *p, const char *id, size_t *first)
{
    size_t count = 0;
    for (size_t i = 0; i < p->n_uncertainties; i++) {
        if (strcmp(airoi__uncertainty_id(p->uncertainties[i]), id) == 0) {
            if (count++ == 0 && first)
                *first = i;
        }
    }
    return count;
}

int airoi__project_find_uncertainty(size_t *index_out, const airoi_project *p, const char *name)
{
    if (!p || !name)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_find_uncertainty: NULL argument");
    size_t first = 0;
    size_t count = airoi__uncertainty_lookup(p, name, &first);
    if (count == 0)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "no uncertainty named '%s' (an uncertainty is named by its name, "
                            "or by its target when it has no name)",
                            name);
    if (count > 1)
        return airoi__error(AIROI_ERR_INVALID,
                            "%zu uncertainties are named '%s'; " AIROI__RULE_UNIQUE_UNCERTAINTY,
                            count, name);
    if (index_out)
        *index_out = first;
    return AIROI_OK;
}

AIROI_API int airoi_project_find_uncertainty(size_t *index_out, const airoi_project *p,
                                             const char *name)
{
    AIROI__ENTER();
    return airoi__project_find_uncertainty(index_out, p, name);
}

int airoi__project_remove_uncertainty(airoi_project *p, size_t i)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_remove_uncertainty: NULL project");
    if (i >= p->n_uncertainties)
        return airoi__error(AIROI_ERR_NOT_FOUND, "uncertainty index %zu past the end (%zu)", i,
                            p->n_uncertainties);
    airoi__uncertainty_destroy(p->uncertainties[i]);
    memmove(p->uncertainties + i, p->uncertainties + i + 1,
            (p->n_uncertainties - i - 1) * sizeof *p->uncertainties);
    p->n_uncertainties--;
    return AIROI_OK;
}

AIROI_API int airoi_project_remove_uncertainty(airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_remove_uncertainty(p, i);
}

/* ---- correlations ------------------------------------------------------------ */

void airoi__correlation_clear(airoi__correlation *c)
{
    airoi__free(c->a);
    airoi__free(c->b);
    c->a = c->b = NULL;
}

int airoi__project_add_correlation(airoi_project *p, const char *a, const char *b, double rank)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_correlation: NULL project");
    int rc = airoi__check_name(a, "correlation input");
    if (rc)
        return rc;
    rc = airoi__check_name(b, "correlation input");
    if (rc)
        return rc;
    if (strcmp(a, b) == 0)
        return airoi__error(AIROI_ERR_INVALID,
                            "correlation between '%s' and '%s': between: " AIROI__RULE_SELF_CORRELATION,
                            a, b);
    char why[256];
    rc = airoi__rule_check(&airoi__rule_rank, rank, why, sizeof why);
    if (rc)
        return airoi__error(rc, "correlation between '%s' and '%s': rank: %s", a, b, why);
    if (p->n_correlations >= (size_t)AIROI_CORRELATIONS_MAX)
        return airoi__error(AIROI_ERR_LIMIT,
                            "project '%s' already has %d correlations, the limit", p->name,
                            AIROI_CORRELATIONS_MAX);
    rc = airoi__grow((void **)&p->correlations, &p->cap_correlations, p->n_correlations,
                     sizeof *p->correlations);
    if (rc)
        return rc;
    airoi__correlation c = {airoi__strdup(a), airoi__strdup(b), rank};
    if (!c.a || !c.b) {
        airoi__correlation_clear(&c);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    p->correlations[p->n_correlations++] = c;
    return AIROI_OK;
}

AIROI_API int airoi_project_add_correlation(airoi_project *p, const char *a, const char *b,
                                            double rank)
{
    AIROI__ENTER();
    return airoi__project_add_correlation(p, a, b, rank);
}

size_t airoi__project_count_correlations(const airoi_project *p)
{
    return p ? p->n_correlations : 0;
}

AIROI_API size_t airoi_project_count_correlations(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_count_correlations(p);
}

int airoi__project_get_correlation(const char **a, const char **b, double *rank,
                                   const airoi_project *p, size_t i)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_correlation: NULL project");
    if (i >= p->n_correlations)
        return airoi__error(AIROI_ERR_NOT_FOUND, "correlation index %zu past the end (%zu)", i,
                            p->n_correlations);
    if (a)
        *a = p->correlations[i].a;
    if (b)
        *b = p->correlations[i].b;
    if (rank)
        *rank = p->correlations[i].rank;
    return AIROI_OK;
}

AIROI_API int airoi_project_get_correlation(const char **a, const char **b, double *rank,
                                            const airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_get_correlation(a, b, rank, p, i);
}

int airoi__project_remove_correlation(airoi_project *p, size_t i)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_remove_correlation: NULL project");
    if (i >= p->n_correlations)
        return airoi__error(AIROI_ERR_NOT_FOUND, "correlation index %zu past the end (%zu)", i,
                            p->n_correlations);
    airoi__correlation_clear(&p->correlations[i]);
    memmove(p->correlations + i, p->correlations + i + 1,
            (p->n_correlations - i - 1) * sizeof *p->correlations);
    p->n_correlations--;
    return AIROI_OK;
}

AIROI_API int airoi_project_remove_correlation(airoi_project *p, size_t i)
{
    AIROI__ENTER();
    return airoi__project_remove_correlation(p, i);
}

/* ---- resolving correlations -------------------------------------------------------- */

typedef struct id_entry {
    const char *id;
    size_t index;
} id_entry;

static int by_id(const void *a, const void *b)
{
    const id_entry *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* The index of the uncertainty going by id in the sorted table, or one of
 * the AIROI__END_* markers. */
static size_t find_id(const id_entry *t, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(t[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n || strcmp(t[lo].id, id) != 0)
        return AIROI__END_UNKNOWN;
    if (lo + 1 < n && strcmp(t[lo + 1].id, id) == 0)
        return AIROI__END_AMBIGUOUS;
    return t[lo].index;
}

int airoi__correlation_ends(size_t *ends, const airoi_project *p)
{
    size_t n = p->n_uncertainties;
    id_entry *t = airoi__calloc(n ? n : 1, sizeof *t);
    if (!t)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        t[i] = (id_entry){airoi__uncertainty_id(p->uncertainties[i]), i};
    qsort(t, n, sizeof *t, by_id);
    for (size_t k = 0; k < p->n_correlations; k++) {
        ends[2 * k] = find_id(t, n, p->correlations[k].a);
        ends[2 * k + 1] = find_id(t, n, p->correlations[k].b);
    }
    airoi__free(t);
    return AIROI_OK;
}
