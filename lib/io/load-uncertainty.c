/*
 * lib/io/load-uncertainty.c: the `uncertainties`, `correlations`,
 * `stages` and `simulation` sections of a model file (io layer), read into
 * the project through the model API. Each value is checked against its
 * rule in the parameter table as it is read; what relates values (low <=
 * high, known targets, ...) is the validator's, placed in the file by
 * load.c; what only the simulation layer can tell (a law that does not
 * compile, rank correlations that are not positive semi-definite) is
 * airoi__check_uncertain(), here, which airoi_model_validate() runs too.
 */
#include <stdio.h>
#include <string.h>

#include "airoi/uncertainty.h"
#include "decide-private.h"
#include "load-private.h"
#include "random-private.h"

/* ---- uncertainties ------------------------------------------------------------------ */

/* The numeric keys of an uncertainty, in the order of airoi_uncertainty_param. */
static const int number_params[] = {
    AIROI_UNCERTAINTY_LOW,  AIROI_UNCERTAINTY_MODE,   AIROI_UNCERTAINTY_HIGH,
    AIROI_UNCERTAINTY_SHAPE, AIROI_UNCERTAINTY_MEAN,  AIROI_UNCERTAINTY_SD,
    AIROI_UNCERTAINTY_MU,   AIROI_UNCERTAINTY_SIGMA,  AIROI_UNCERTAINTY_P,
    AIROI_UNCERTAINTY_IMPACT, AIROI_UNCERTAINTY_VALUE, AIROI_UNCERTAINTY_MIN,
    AIROI_UNCERTAINTY_MAX,
};
#define N_NUMBERS (sizeof number_params / sizeof number_params[0])

enum {
    UK_NAME,
    UK_TARGET,
    UK_DISTRIBUTION,
    UK_NUMBER0,
    UK_PER_PERIOD = UK_NUMBER0 + N_NUMBERS,
    UK_VALUES,
    UK_PROBABILITIES,
    UK_DRIVER,
    UK_COUNT
};
static const char *const uncertainty_keys[UK_COUNT] = {
    "name", "target", "distribution", "low", "mode", "high", "shape", "mean", "sd", "mu",
    "sigma", "p", "impact", "value", "min", "max", "per_period", "values", "probabilities",
    "driver",
};

static int distribution_from_name(int *out, const char *name)
{
    airoi_distribution d;
    int rc = airoi__distribution_from_name(&d, name);
    if (rc == AIROI_OK)
        *out = (int)d;
    return rc;
}

/* A key that the distribution does not use, in the words of the setters. */
static void unused_key(loader *L, const ynode *key, const char *path, int dist, const char *k)
{
    airoi__ydiag(L, AIROI_ERR_PARSE, AT(key), "%s: " AIROI__RULE_UNUSED_PARAM, path,
                 airoi__distribution_name((airoi_distribution)dist), k,
                 airoi__distribution_keys((airoi_distribution)dist));
}

/* A sequence of numbers, each checked against rule r; *out (n_out numbers)
 * is the caller's to free. Returns 1 when every entry is good. */
static int load_numbers(loader *L, const ynode *n, const char *path, const airoi__rule *r,
                        const char *example, double **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, path, example);
        return 0;
    }
    if (n->n > (size_t)AIROI_DISCRETE_MAX) {
        airoi__ydiag(L, AIROI_ERR_LIMIT, AT(n), "%s: %zu entries; at most %d are allowed", path,
                     n->n, AIROI_DISCRETE_MAX);
        return 0;
    }
    double *a = airoi__calloc(n->n ? n->n : 1, sizeof *a);
    if (!a) {
        L->nomem = L->stop = 1;
        return 0;
    }
    int ok = 1;
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        char ep[96];
        if (!airoi__yget_param(L, n->kids[i], airoi__yindex(ep, sizeof ep, path, i), r, &a[i]))
            ok = 0;
    }
    *out = a;
    *n_out = n->n;
    return ok && !L->stop;
}

static void load_discrete(loader *L, airoi_uncertainty *u, const ynode *un, const ynode **v,
                          const ynode **k, const char *base)
{
    char path[96];
    if (!v[UK_VALUES] || !v[UK_PROBABILITIES]) {
        /* both missing is the validator's "needs values and probabilities" */
        if (v[UK_VALUES] || v[UK_PROBABILITIES])
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(un), "%s: missing required key '%s'", base,
                         v[UK_VALUES] ? "probabilities" : "values");
        return;
    }
    double *vals = NULL, *probs = NULL;
    size_t nv = 0, np = 0;
    int ok = load_numbers(L, v[UK_VALUES], airoi__ypath(path, sizeof path, base, "values"),
                          &airoi__rule_discrete_value, "a sequence of numbers (e.g. [0.8, 1, 1.3])",
                          &vals, &nv);
    ok &= load_numbers(L, v[UK_PROBABILITIES],
                       airoi__ypath(path, sizeof path, base, "probabilities"),
                       &airoi__rule_discrete_probability,
                       "a sequence of probabilities (e.g. [0.2, 0.5, 0.3])", &probs, &np);
    if (ok && nv == 0) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[UK_VALUES]),
                     "%s.values: expected at least one value (e.g. values: [0.8, 1, 1.3], "
                     "probabilities: [0.2, 0.5, 0.3])",
                     base);
        ok = 0;
    } else if (ok && nv != np) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(k[UK_PROBABILITIES]),
                     "%s.probabilities: %zu probabilities for %zu values; give one probability "
                     "per value, in the same order",
                     base, np, nv);
        ok = 0;
    }
    if (ok && u) {
        int rc = airoi__uncertainty_set_discrete(u, vals, probs, nv);
        if (rc)
            airoi__ysetter_failed(L, rc, v[UK_VALUES],
                                  airoi__ypath(path, sizeof path, base, "values"));
    }
    airoi__free(vals);
    airoi__free(probs);
}

static void load_uncertainty(loader *L, const ynode *un, size_t index)
{
    char base[48], path[96];
    snprintf(base, sizeof base, "uncertainties[%zu]", index);
    const ynode *v[UK_COUNT], *k[UK_COUNT];
    if (!airoi__ycollect(L, un, base, uncertainty_keys, UK_COUNT, v, k))
        return;
    const char *target = NULL, *name = NULL;
    int dist = -1;
    if (!v[UK_TARGET])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(un),
                     "%s: missing required key 'target' (an item name, a category, a "
                     "dimension, values or costs)",
                     base);
    else if (airoi__yget_str(L, v[UK_TARGET], airoi__ypath(path, sizeof path, base, "target"),
                             &target) &&
             !*target) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[UK_TARGET]), "%s: expected a non-empty name", path);
        target = NULL;
    }
    if (!v[UK_DISTRIBUTION])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(un), "%s: missing required key 'distribution' (%s)",
                     base, airoi__rule_distribution.expected);
    else
        airoi__yget_enum(L, v[UK_DISTRIBUTION],
                         airoi__ypath(path, sizeof path, base, "distribution"),
                         distribution_from_name, &airoi__rule_distribution, &dist);
    if (v[UK_NAME] &&
        airoi__yget_str(L, v[UK_NAME], airoi__ypath(path, sizeof path, base, "name"), &name) &&
        !*name) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[UK_NAME]), "%s: expected a non-empty name", path);
        name = NULL;
    }
    airoi_uncertainty *u = NULL;
    if (target && dist >= 0) {
        int rc = airoi__project_add_uncertainty(&u, L->p, target, (airoi_distribution)dist);
        if (rc)
            airoi__ysetter_failed(L, rc, v[UK_TARGET],
                                  airoi__ypath(path, sizeof path, base, "target"));
        else
            airoi__yadd_origin(L, ORIGIN_UNCERTAINTIES, un, index);
        if (u && name) {
            rc = airoi__uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, name);
            if (rc)
                airoi__ysetter_failed(L, rc, v[UK_NAME],
                                      airoi__ypath(path, sizeof path, base, "name"));
        }
    }
    const char *driver = NULL;
    if (v[UK_DRIVER] &&
        airoi__yget_str(L, v[UK_DRIVER], airoi__ypath(path, sizeof path, base, "driver"),
                        &driver)) {
        if (!*driver)
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[UK_DRIVER]), "%s: expected a non-empty name",
                         path);
        else if (u) {
            int rc = airoi__uncertainty_set_string(u, AIROI_UNCERTAINTY_DRIVER, driver);
            if (rc)
                airoi__ysetter_failed(L, rc, v[UK_DRIVER], path);
        }
    }
    if (L->stop)
        return;
    /* the numbers; with an unknown distribution only their values are checked */
    for (size_t i = 0; i < N_NUMBERS && !L->stop; i++) {
        const ynode *n = v[UK_NUMBER0 + i];
        int param = number_params[i];
        if (!n)
            continue;
        airoi__ypath(path, sizeof path, base, uncertainty_keys[UK_NUMBER0 + i]);
        if (dist >= 0 && !airoi__distribution_uses(dist, param)) {
            unused_key(L, k[UK_NUMBER0 + i], path, dist, uncertainty_keys[UK_NUMBER0 + i]);
            continue;
        }
        double x;
        if (!airoi__yget_param(L, n, path, airoi__uncertainty_rule(param), &x) || !u)
            continue;
        int rc = airoi__uncertainty_set_number(u, (airoi_uncertainty_param)param, x);
        if (rc)
            airoi__ysetter_failed(L, rc, n, path);
    }
    int flag;
    if (v[UK_PER_PERIOD] &&
        airoi__yget_bool(L, v[UK_PER_PERIOD], airoi__ypath(path, sizeof path, base, "per_period"),
                         &flag) &&
        u) {
        int rc = airoi__uncertainty_set_number(u, AIROI_UNCERTAINTY_PER_PERIOD, flag);
        if (rc)
            airoi__ysetter_failed(L, rc, v[UK_PER_PERIOD], path);
    }
    if (dist == AIROI_DIST_DISCRETE) {
        load_discrete(L, u, un, v, k, base);
    } else if (dist >= 0) {
        for (int key = UK_VALUES; key <= UK_PROBABILITIES; key++)
            if (v[key])
                unused_key(L, k[key], airoi__ypath(path, sizeof path, base, uncertainty_keys[key]),
                           dist, uncertainty_keys[key]);
    }
}

void airoi__yload_uncertainties(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "uncertainties",
                           "a sequence of uncertainties (each with target and distribution)");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        if (i >= (size_t)AIROI_UNCERTAINTIES_MAX) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, AT(n->kids[i]),
                         "uncertainties[%zu]: more than %d uncertainties, the limit", i,
                         AIROI_UNCERTAINTIES_MAX);
            L->stop = 1;
            return;
        }
        size_t n_before = L->n_origins[ORIGIN_UNCERTAINTIES], errors_before = L->nerrors;
        load_uncertainty(L, n->kids[i], i);
        airoi__yclose_origin(L, ORIGIN_UNCERTAINTIES, n_before, errors_before);
    }
}

/* ---- correlations ------------------------------------------------------------------- */

enum { CK_BETWEEN, CK_RANK, CK_COUNT };
static const char *const correlation_keys[CK_COUNT] = {"between", "rank"};

void airoi__yload_correlations(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "correlations",
                           "a sequence of correlations (e.g. - {between: [A, B], rank: 0.5})");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *cn = n->kids[i];
        char base[48], path[96];
        snprintf(base, sizeof base, "correlations[%zu]", i);
        if (i >= (size_t)AIROI_CORRELATIONS_MAX) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, AT(cn), "%s: more than %d correlations, the limit",
                         base, AIROI_CORRELATIONS_MAX);
            L->stop = 1;
            return;
        }
        const ynode *v[CK_COUNT], *k[CK_COUNT];
        if (!airoi__ycollect(L, cn, base, correlation_keys, CK_COUNT, v, k))
            continue;
        const char *names[2] = {NULL, NULL};
        double rank = 0;
        int ok = 1;
        if (!v[CK_BETWEEN]) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(cn),
                         "%s: missing required key 'between' (two uncertainties, e.g. [A, B])",
                         base);
            ok = 0;
        } else if (v[CK_BETWEEN]->kind != YN_SEQ) {
            airoi__ytype_error(L, v[CK_BETWEEN], airoi__ypath(path, sizeof path, base, "between"),
                               "two uncertainties, each by its name or target (e.g. [A, B])");
            ok = 0;
        } else if (v[CK_BETWEEN]->n != 2) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[CK_BETWEEN]),
                         "%s.between: expected two uncertainties, each by its name or target "
                         "(e.g. [A, B]); got %zu",
                         base, v[CK_BETWEEN]->n);
            ok = 0;
        } else {
            for (size_t s = 0; s < 2; s++) {
                char ep[112];
                snprintf(ep, sizeof ep, "%s.between[%zu]", base, s);
                if (!airoi__yget_str(L, v[CK_BETWEEN]->kids[s], ep, &names[s]))
                    ok = 0;
                else if (!*names[s]) {
                    airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[CK_BETWEEN]->kids[s]),
                                 "%s: expected a non-empty name", ep);
                    ok = 0;
                }
            }
            if (ok && strcmp(names[0], names[1]) == 0) {
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[CK_BETWEEN]->kids[1]),
                             "%s.between: " AIROI__RULE_SELF_CORRELATION, base);
                ok = 0;
            }
        }
        if (!v[CK_RANK]) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(cn),
                         "%s: missing required key 'rank' (a rank correlation in [-1, 1])", base);
            ok = 0;
        } else if (!airoi__yget_param(L, v[CK_RANK], airoi__ypath(path, sizeof path, base, "rank"),
                                      &airoi__rule_rank, &rank)) {
            ok = 0;
        }
        if (!ok || L->stop)
            continue;
        int rc = airoi__project_add_correlation(L->p, names[0], names[1], rank);
        if (rc)
            airoi__ysetter_failed(L, rc, cn, base);
        else
            airoi__yadd_origin(L, ORIGIN_CORRELATIONS, cn, i);
    }
}

/* ---- stages --------------------------------------------------------------------------- */

/* `criteria` is read once the indicators are (load-tracking.c) */
enum { GK_NAME, GK_COST, GK_PERIODS, GK_PROBABILITY, GK_PRIOR, GK_CRITERIA, GK_COUNT };
static const char *const stage_keys[GK_COUNT] = {"name", "cost", "periods",
                                                 "success_probability", "prior", "criteria"};

static int prior_from_name(int *out, const char *name)
{
    airoi_gate_prior g;
    int rc = airoi__gate_prior_from_name(&g, name);
    if (rc == AIROI_OK)
        *out = (int)g;
    return rc;
}

void airoi__yload_stages(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "stages",
                           "a sequence of stages (each with name, cost and periods)");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *sn = n->kids[i];
        char base[48], path[96];
        snprintf(base, sizeof base, "stages[%zu]", i);
        if (i >= (size_t)AIROI_STAGES_MAX) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, AT(sn), "%s: more than %d stages, the limit", base,
                         AIROI_STAGES_MAX);
            L->stop = 1;
            return;
        }
        const ynode *v[GK_COUNT], *k[GK_COUNT];
        if (!airoi__ycollect(L, sn, base, stage_keys, GK_COUNT, v, k))
            continue;
        const char *name = NULL;
        double x[GK_COUNT] = {0, 0, 0, 1};
        int ok = 1;
        if (!v[GK_NAME]) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(sn), "%s: missing required key 'name'", base);
            ok = 0;
        } else if (!airoi__yget_str(L, v[GK_NAME], airoi__ypath(path, sizeof path, base, "name"),
                                    &name)) {
            ok = 0;
        } else if (!*name) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[GK_NAME]), "%s: expected a non-empty name",
                         path);
            ok = 0;
        }
        static const int params[GK_COUNT] = {AIROI_STAGE_NAME, AIROI_STAGE_COST,
                                             AIROI_STAGE_PERIODS,
                                             AIROI_STAGE_SUCCESS_PROBABILITY, AIROI_STAGE_PRIOR};
        for (int key = GK_COST; key <= GK_PROBABILITY; key++) {
            if (!v[key]) {
                /* a stage without success_probability has none: a field prior applies */
                if (key != GK_PROBABILITY) {
                    airoi__ydiag(L, AIROI_ERR_PARSE, AT(sn), "%s: missing required key '%s' (%s)",
                                 base, stage_keys[key],
                                 airoi__stage_rule(params[key])->expected);
                    ok = 0;
                }
                continue;
            }
            if (!airoi__yget_param(L, v[key], airoi__ypath(path, sizeof path, base, stage_keys[key]),
                                   airoi__stage_rule(params[key]), &x[key]))
                ok = 0;
        }
        /* a field prior in place of success_probability (docs/methodology.md#gate-priors) */
        int prior = 0;
        if (v[GK_PRIOR]) {
            if (!airoi__yget_enum(L, v[GK_PRIOR], airoi__ypath(path, sizeof path, base, "prior"),
                                  prior_from_name, airoi__stage_rule(AIROI_STAGE_PRIOR),
                                  &prior)) {
                ok = 0;
            } else if (v[GK_PROBABILITY]) {
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(k[GK_PRIOR]),
                             "%s: give success_probability or prior, not both", base);
                ok = 0;
            }
        }
        if (!ok || L->stop)
            continue;
        int rc = airoi__project_add_stage(L->p, name, x[GK_COST], (int32_t)x[GK_PERIODS],
                                          x[GK_PROBABILITY]);
        if (rc == AIROI_OK && v[GK_PRIOR])
            rc = airoi__project_set_stage_number(L->p, airoi__project_count_stages(L->p) - 1,
                                                 AIROI_STAGE_PRIOR, prior);
        if (rc) {
            airoi__ysetter_failed(L, rc, sn, base);
            continue;
        }
        if (!v[GK_PROBABILITY] && !v[GK_PRIOR])
            airoi__stage_unset_probability(L->p, airoi__project_count_stages(L->p) - 1);
        airoi__yadd_origin(L, ORIGIN_STAGES, sn, i);
    }
}

/* ---- simulation ------------------------------------------------------------------------- */

enum {
    MK_TRIALS,
    MK_SEED,
    MK_SAMPLING,
    MK_THREADS,
    MK_BINS,
    MK_ROI_TARGET,
    MK_TAIL,
    MK_KEEP_TRIALS,
    MK_REPAIR,
    MK_OUTPUTS,
    MK_PERCENTILES,
    MK_COUNT
};
static const char *const sim_keys[MK_COUNT] = {
    "trials",     "seed", "sampling",    "threads", "bins",        "roi_target",
    "tail",       "keep_trials", "repair", "outputs", "percentiles",
};

static int sampling_from_name(int *out, const char *name)
{
    airoi_sampling s;
    int rc = airoi__sampling_from_name(&s, name);
    if (rc == AIROI_OK)
        *out = (int)s;
    return rc;
}

static int output_from_name(int *out, const char *name)
{
    airoi_sim_output o;
    int rc = airoi__sim_output_from_name(&o, name);
    if (rc == AIROI_OK)
        *out = (int)o;
    return rc;
}

static void load_outputs(loader *L, airoi_sim_options *o, const ynode *n)
{
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "simulation.outputs",
                           "a sequence of outputs (e.g. [npv, irr]; one of npv, irr, "
                           "roi_horizon, npv_roi, payback_periods)");
        return;
    }
    airoi_sim_output chosen[AIROI__SIM_OUTPUT_COUNT];
    size_t count = 0;
    int ok = 1;
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        char ep[64];
        int x;
        snprintf(ep, sizeof ep, "simulation.outputs[%zu]", i);
        if (!airoi__yget_enum(L, n->kids[i], ep, output_from_name, &airoi__rule_output, &x)) {
            ok = 0;
            continue;
        }
        size_t k = 0;
        while (k < count && chosen[k] != (airoi_sim_output)x)
            k++;
        if (k < count) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(n->kids[i]), "%s: %s is listed twice", ep,
                         airoi__sim_output_name((airoi_sim_output)x));
            ok = 0;
            continue;
        }
        chosen[count++] = (airoi_sim_output)x;
    }
    if (ok && n->n == 0)
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                     "simulation.outputs: expected at least one output; leave outputs out to "
                     "compute all of them");
    else if (ok) {
        int rc = airoi__sim_options_set_outputs(o, chosen, count);
        if (rc)
            airoi__ysetter_failed(L, rc, n, "simulation.outputs");
    }
}

static void load_percentiles(loader *L, airoi_sim_options *o, const ynode *n)
{
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "simulation.percentiles",
                           "a sequence of percentiles (e.g. [1, 25, 75, 99])");
        return;
    }
    if (n->n > (size_t)AIROI_PERCENTILES_MAX) {
        airoi__ydiag(L, AIROI_ERR_LIMIT, AT(n),
                     "simulation.percentiles: %zu percentiles; at most %d are allowed", n->n,
                     AIROI_PERCENTILES_MAX);
        return;
    }
    double pc[AIROI_PERCENTILES_MAX];
    int ok = 1;
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        char ep[64];
        snprintf(ep, sizeof ep, "simulation.percentiles[%zu]", i);
        if (!airoi__yget_param(L, n->kids[i], ep, &airoi__rule_percentile, &pc[i])) {
            ok = 0;
            continue;
        }
        for (size_t k = 0; k < i; k++)
            if (ok && pc[k] == pc[i]) {
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(n->kids[i]), "%s: %s is listed twice", ep,
                             NUMTXT(pc[i]));
                ok = 0;
                break;
            }
    }
    if (ok && !L->stop) {
        int rc = airoi__sim_options_set_percentiles(o, pc, n->n);
        if (rc)
            airoi__ysetter_failed(L, rc, n, "simulation.percentiles");
    }
}

void airoi__yload_simulation(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    const ynode *v[MK_COUNT], *k[MK_COUNT];
    if (!airoi__ycollect(L, n, "simulation", sim_keys, MK_COUNT, v, k))
        return;
    airoi_sim_options *o = NULL;
    if (airoi__sim_options_new(&o) != AIROI_OK) {
        L->nomem = L->stop = 1;
        return;
    }
    char path[64];
    for (int key = MK_TRIALS; key <= MK_REPAIR && !L->stop; key++) {
        if (!v[key])
            continue;
        int param = AIROI_SIM_TRIALS + key;
        const airoi__rule *r = airoi__sim_rule(param);
        double x;
        int flag;
        airoi__ypath(path, sizeof path, "simulation", sim_keys[key]);
        if (r->type == AIROI__PT_BOOL) {
            if (!airoi__yget_bool(L, v[key], path, &flag))
                continue;
            x = flag;
        } else if (r->type == AIROI__PT_ENUM) {
            if (!airoi__yget_enum(L, v[key], path, sampling_from_name, r, &flag))
                continue;
            x = flag;
        } else if (!airoi__yget_param(L, v[key], path, r, &x)) {
            continue;
        }
        int rc = airoi__sim_options_set_number(o, (airoi_sim_param)param, x);
        if (rc)
            airoi__ysetter_failed(L, rc, v[key], path);
    }
    if (v[MK_OUTPUTS] && !L->stop)
        load_outputs(L, o, v[MK_OUTPUTS]);
    if (v[MK_PERCENTILES] && !L->stop)
        load_percentiles(L, o, v[MK_PERCENTILES]);
    if (!L->stop && airoi__project_set_sim_options(L->p, o) != AIROI_OK)
        L->nomem = L->stop = 1;
    airoi__sim_options_free(o);
}

/* ---- the laws and the correlation matrix, once the file has no error -------------------- */

/* The node of a key of the i-th entry of one of the project's lists, or the
 * entry's node; NULL when the entry has no origin. */
static const ynode *entry_node(const loader *L, int which, size_t i, const char *key)
{
    if (i >= L->n_origins[which])
        return NULL;
    const ynode *map = L->origins[which][i].node;
    if (key && map->kind == YN_MAP)
        for (size_t k = 0; k + 1 < map->n; k += 2) {
            const ynode *kn = map->kids[k];
            if (kn->kind == YN_SCALAR && kn->len == strlen(key) &&
                !memcmp(airoi__ytext(L, kn), key, kn->len))
                return map->kids[k + 1];
        }
    return map;
}

/* ---- the simulation layer's checks, for the loader and airoi_model_validate() ------------ */

/* Each law compiles as a simulation will compile it: what only the
 * numbers can tell (a truncation window far out in a normal tail) is
 * refused at the uncertainty's min when it has one. Returns the number of
 * laws refused, -1 when fn stopped, -2 when out of memory. */
static long check_laws(const airoi_project *p, airoi__problem_fn fn, void *userdata)
{
    long refused = 0;
    for (size_t i = 0; i < p->n_uncertainties; i++) {
        airoi__dist d;
        char msg[256] = "";
        memset(&d, 0, sizeof d);
        int rc = airoi__dist_compile(&d, p->uncertainties[i], msg, sizeof msg);
        airoi__dist_release(&d);
        if (rc == AIROI_ERR_NOMEM)
            return -2;
        if (!rc)
            continue;
        refused++;
        int field = airoi__uncertainty_is_set(p->uncertainties[i], AIROI_UNCERTAINTY_MIN)
                        ? AIROI_UNCERTAINTY_MIN
                        : AIROI__FIELD_NONE;
        airoi__problem pr = {AIROI__SUBJ_UNCERTAINTY, i, field, 0, AIROI_ERR_MODEL, msg, NULL};
        if (fn(userdata, &pr))
            return -1;
    }
    return refused;
}

/* The correlation given for the pair of uncertainties (a, b), or -1. */
static long pair_entry(const airoi_project *p, const size_t *ends, size_t a, size_t b)
{
    for (size_t k = 0; k < p->n_correlations; k++)
        if ((ends[2 * k] == a && ends[2 * k + 1] == b) ||
            (ends[2 * k] == b && ends[2 * k + 1] == a))
            return (long)k;
    return -1;
}

/* The rank correlations must form a positive semi-definite matrix (the
 * rule and the repair are in docs/methodology.md, section 3). Only the
 * uncertainties that some correlation names take part: the others are
 * independent of everything. The problem is the rank of the correlation
 * of the pair that conflicts, or the project's correlations as a whole
 * when that pair has none. AIROI_ERR_NOMEM or AIROI_OK. */
static int check_matrix(const airoi_project *p, airoi__problem_fn fn, void *userdata)
{
    size_t nc = p->n_correlations, nu = p->n_uncertainties;
    int status = AIROI_OK;
    size_t *ends = airoi__calloc(2 * nc + 1, sizeof *ends);
    size_t *slot = airoi__calloc(nu + 1, sizeof *slot);   /* uncertainty -> row + 1 */
    size_t *who = airoi__calloc(nu + 1, sizeof *who);     /* row -> uncertainty */
    double *rho = NULL;
    char *text = NULL;
    if (!ends || !slot || !who || airoi__correlation_ends(ends, p) != AIROI_OK) {
        status = AIROI_ERR_NOMEM;
        goto done;
    }
    size_t m = 0;
    for (size_t k = 0; k < 2 * nc; k++) {
        size_t u = ends[k];
        if (u >= AIROI__END_AMBIGUOUS)
            goto done; /* the validator has said why */
        if (!slot[u]) {
            who[m] = u;
            slot[u] = ++m;
        }
    }
    rho = airoi__calloc(3 * m * m, sizeof *rho);
    if (!rho) {
        status = AIROI_ERR_NOMEM;
        goto done;
    }
    double *lower = rho + m * m, *repaired = lower + m * m;
    for (size_t i = 0; i < m; i++)
        rho[i * m + i] = 1.0;
    for (size_t k = 0; k < nc; k++) {
        size_t i = slot[ends[2 * k]] - 1, j = slot[ends[2 * k + 1]] - 1;
        rho[i * m + j] = rho[j * m + i] = p->correlations[k].rank;
    }
    int repair = p->simulation && p->simulation->repair;
    size_t bi = SIZE_MAX, bj = SIZE_MAX;
    char msg[256] = "";
    int rc = airoi__corr_factor(lower, repaired, rho, m, repair, &bi, &bj, msg, sizeof msg);
    if (rc == AIROI_ERR_NOMEM) {
        status = AIROI_ERR_NOMEM;
        goto done;
    }
    if (!rc && bi == SIZE_MAX)
        goto done;
    const char *a = bi < m ? airoi__uncertainty_id(p->uncertainties[who[bi]]) : "?";
    const char *b = bj < m ? airoi__uncertainty_id(p->uncertainties[who[bj]]) : "?";
    long k = bi < m && bj < m ? pair_entry(p, ends, who[bi], who[bj]) : -1;
    char given[64];
    snprintf(given, sizeof given, k >= 0 ? "%s" : "%s (not given: 0)",
             NUMTXT(bi < m && bj < m ? rho[bi * m + bj] : 0));
    size_t cap = 4 * strlen(a) + 4 * strlen(b) + 2048;
    text = airoi__malloc(cap);
    if (!text) {
        status = AIROI_ERR_NOMEM;
        goto done;
    }
    if (rc) {
        snprintf(text, cap,
                 "the rank correlations are inconsistent (their matrix is not positive "
                 "semi-definite): the rank correlation %s between '%s' and '%s' conflicts with "
                 "the others; change it or the correlations of '%s' and '%s' with other inputs, "
                 "or set simulation.repair: true to use the nearest consistent ones",
                 given, a, b, a, b);
    } else {
        /* repaired: the given values and what they became */
        char list[512] = "";
        size_t o = 0, shown = 0;
        for (size_t q = 0; q < nc && o < sizeof list; q++) {
            size_t i = slot[ends[2 * q]] - 1, j = slot[ends[2 * q + 1]] - 1;
            double was = p->correlations[q].rank, now = repaired[i * m + j];
            if (was == now)
                continue;
            if (shown++ == 8) {
                o += (size_t)snprintf(list + o, sizeof list - o, ", ...");
                break;
            }
            char n1[32], n2[32];
            airoi__format_double(n1, sizeof n1, was);
            snprintf(n2, sizeof n2, "%.4g", now);
            o += (size_t)snprintf(list + o, sizeof list - o, "%s'%s'-'%s' %s -> %s",
                                  shown > 1 ? ", " : "", p->correlations[q].a,
                                  p->correlations[q].b, n1, n2);
        }
        snprintf(text, cap,
                 "the rank correlations are inconsistent (their matrix is not positive "
                 "semi-definite; the rank correlation %s between '%s' and '%s' conflicts with "
                 "the others); simulation.repair is true, so the nearest consistent ones are "
                 "used: %s",
                 given, a, b, *list ? list : "(changes below 1e-4)");
    }
    airoi__problem pr = {k >= 0 ? AIROI__SUBJ_CORRELATION : AIROI__SUBJ_PROJECT,
                         k >= 0 ? (size_t)k : 0,
                         k >= 0 ? AIROI__FIELD_RANK : AIROI__FIELD_CORRELATIONS,
                         0,
                         rc ? AIROI_ERR_MODEL : AIROI__PROBLEM_WARNING,
                         text,
                         NULL};
    fn(userdata, &pr);
done:
    airoi__free(text);
    airoi__free(rho);
    airoi__free(ends);
    airoi__free(slot);
    airoi__free(who);
    return status;
}

int airoi__check_uncertain(const airoi_project *p, airoi__problem_fn fn, void *userdata)
{
    long refused = check_laws(p, fn, userdata);
    if (refused == -2)
        return AIROI_ERR_NOMEM;
    if (refused == 0 && p->n_correlations)
        return check_matrix(p, fn, userdata);
    return AIROI_OK;
}

/* Places a problem of airoi__check_uncertain() in the file: a law at its
 * uncertainty's min (or the entry), the matrix at the rank of the pair's
 * correlation (or the correlations key). */
static int place_uncertain(void *userdata, const airoi__problem *pr)
{
    loader *L = userdata;
    int warning = pr->status == AIROI__PROBLEM_WARNING;
    int status = warning ? AIROI__DIAG_WARNING : pr->status;
    const char *tag = warning ? "warning: " : "";
    if (pr->subject == AIROI__SUBJ_UNCERTAINTY) {
        const ynode *map = entry_node(L, ORIGIN_UNCERTAINTIES, pr->index, NULL);
        const ynode *at = entry_node(L, ORIGIN_UNCERTAINTIES, pr->index, "min");
        if (map)
            airoi__ydiag(L, status, AT(at), "%suncertainties[%zu]%s: %s", tag, pr->index,
                         at != map ? ".min" : "", pr->message);
    } else {
        const ynode *at = pr->subject == AIROI__SUBJ_CORRELATION
                              ? entry_node(L, ORIGIN_CORRELATIONS, pr->index, "rank")
                              : L->correlations_key;
        char where[48] = "correlations";
        if (pr->subject == AIROI__SUBJ_CORRELATION)
            snprintf(where, sizeof where, "correlations[%zu].rank", pr->index);
        airoi__ydiag(L, status, AT(at ? at : L->root), "%s%s: %s", tag, where, pr->message);
    }
    return L->stop;
}

void airoi__ycheck_uncertain(loader *L)
{
    if (L->nerrors || L->stop || !L->p)
        return;
    if (airoi__check_uncertain(L->p, place_uncertain, L) == AIROI_ERR_NOMEM)
        L->nomem = L->stop = 1;
}
