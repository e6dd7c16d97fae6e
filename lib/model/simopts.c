/*
 * lib/model/simopts.c: simulation settings, both a project's `simulation:`
 * section and the options a caller passes to a simulation.
 */
#include <string.h>

#include "airoi/uncertainty.h"
#include "core-private.h"
#include "model-private.h"
#include "rules-private.h"

#define OBIT(param) ((uint64_t)1 << (unsigned)((param) - AIROI_SIM_TRIALS))

void airoi__sim_options_defaults(airoi_sim_options *o)
{
    memset(o, 0, sizeof *o);
    o->trials = AIROI__SIM_DEFAULT_TRIALS;
    o->seed = 0;
    o->sampling = AIROI_SAMPLING_RANDOM;
    o->threads = 0;
    o->bins = AIROI__SIM_DEFAULT_BINS;
    o->roi_target = 0.0;
    o->tail_level = AIROI__SIM_DEFAULT_TAIL;
}

void airoi__sim_options_destroy(airoi_sim_options *o)
{
    if (!o)
        return;
    airoi__free(o->percentiles);
    airoi__free(o);
}

airoi_sim_options *airoi__sim_options_copy(const airoi_sim_options *src)
{
    airoi_sim_options *o = airoi__malloc(sizeof *o);
    if (!o)
        return NULL;
    *o = *src;
    o->percentiles = NULL;
    if (src->n_percentiles) {
        o->percentiles = airoi__reallocarray(NULL, src->n_percentiles, sizeof *o->percentiles);
        if (!o->percentiles) {
            airoi__free(o);
            return NULL;
        }
        memcpy(o->percentiles, src->percentiles, src->n_percentiles * sizeof *o->percentiles);
    }
    return o;
}

int airoi__sim_options_new(airoi_sim_options **out)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_sim_options_new: NULL out");
    *out = NULL;
    airoi_sim_options *o = airoi__malloc(sizeof *o);
    if (!o)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    airoi__sim_options_defaults(o);
    *out = o;
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_new(airoi_sim_options **out)
{
    AIROI__ENTER();
    return airoi__sim_options_new(out);
}

int airoi__sim_options_clone(airoi_sim_options **out, const airoi_sim_options *o)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_sim_options_clone: NULL out");
    *out = NULL;
    if (!o)
        return airoi__error(AIROI_ERR_INVALID, "airoi_sim_options_clone: NULL options");
    airoi_sim_options *c = airoi__sim_options_copy(o);
    if (!c)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    *out = c;
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_clone(airoi_sim_options **out, const airoi_sim_options *o)
{
    AIROI__ENTER();
    return airoi__sim_options_clone(out, o);
}

void airoi__sim_options_free(airoi_sim_options *o)
{
    airoi__sim_options_destroy(o);
}

AIROI_API void airoi_sim_options_free(airoi_sim_options *o)
{
    AIROI__ENTER();
    airoi__sim_options_free(o);
}

static const airoi__rule *rule_for(int param)
{
    const airoi__rule *r = airoi__sim_rule(param);
    if (!r) {
        char why[200];
        airoi__enum_reason(why, sizeof why, param, AIROI_SIM_TRIALS);
        airoi__error(AIROI_ERR_INVALID, "simulation: param: %s", why);
    }
    return r;
}

int airoi__sim_options_set_number(airoi_sim_options *o, airoi_sim_param param, double v)
{
    if (!o)
        return airoi__error(AIROI_ERR_INVALID, "airoi_sim_options_set_number: NULL options");
    const airoi__rule *r = rule_for((int)param);
    if (!r)
        return AIROI_ERR_INVALID;
    char why[256];
    int rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc)
        return airoi__error(rc, "simulation: %s: %s", r->key, why);
    switch (param) {
    case AIROI_SIM_TRIALS: o->trials = (int64_t)v; break;
    case AIROI_SIM_SEED: o->seed = (uint64_t)v; break;
    case AIROI_SIM_SAMPLING: o->sampling = (int)v; break;
    case AIROI_SIM_THREADS: o->threads = (int32_t)v; break;
    case AIROI_SIM_BINS: o->bins = (int32_t)v; break;
    case AIROI_SIM_ROI_TARGET: o->roi_target = v; break;
    case AIROI_SIM_TAIL: o->tail_level = v; break;
    case AIROI_SIM_KEEP_TRIALS: o->keep_trials = (int)v; break;
    case AIROI_SIM_REPAIR: o->repair = (int)v; break;
    default: return airoi__error(AIROI_ERR_INTERNAL, "unhandled simulation parameter %s", r->key);
    }
    o->set |= OBIT(param);
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_set_number(airoi_sim_options *o, airoi_sim_param param, double v)
{
    AIROI__ENTER();
    return airoi__sim_options_set_number(o, param, v);
}

int airoi__sim_options_get_number(double *out, const airoi_sim_options *o, airoi_sim_param param)
{
    if (!out || !o)
        return airoi__error(AIROI_ERR_INVALID, "airoi_sim_options_get_number: NULL argument");
    const airoi__rule *r = rule_for((int)param);
    if (!r)
        return AIROI_ERR_INVALID;
    switch (param) {
    case AIROI_SIM_TRIALS: *out = (double)o->trials; break;
    case AIROI_SIM_SEED: *out = (double)o->seed; break;
    case AIROI_SIM_SAMPLING: *out = o->sampling; break;
    case AIROI_SIM_THREADS: *out = o->threads; break;
    case AIROI_SIM_BINS: *out = o->bins; break;
    case AIROI_SIM_ROI_TARGET: *out = o->roi_target; break;
    case AIROI_SIM_TAIL: *out = o->tail_level; break;
    case AIROI_SIM_KEEP_TRIALS: *out = o->keep_trials; break;
    case AIROI_SIM_REPAIR: *out = o->repair; break;
    default: return airoi__error(AIROI_ERR_INTERNAL, "unhandled simulation parameter %s", r->key);
    }
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_get_number(double *out, const airoi_sim_options *o,
                                           airoi_sim_param param)
{
    AIROI__ENTER();
    return airoi__sim_options_get_number(out, o, param);
}

int airoi__sim_options_is_set(const airoi_sim_options *o, airoi_sim_param param)
{
    if (!o || !rule_for((int)param))
        return 0;
    return (o->set & OBIT(param)) != 0;
}

AIROI_API int airoi_sim_options_is_set(const airoi_sim_options *o, airoi_sim_param param)
{
    AIROI__ENTER();
    return airoi__sim_options_is_set(o, param);
}

int airoi__sim_options_set_outputs(airoi_sim_options *o, const airoi_sim_output *outputs,
                                   size_t n)
{
    if (!o || (!outputs && n > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_sim_options_set_outputs: NULL argument");
    int chosen[AIROI__SIM_OUTPUT_COUNT];
    for (size_t i = 0; i < n; i++) {
        int v = (int)outputs[i];
        char why[200];
        if (airoi__enum_reason(why, sizeof why, v, AIROI_SIM_NPV) != AIROI_OK)
            return airoi__error(AIROI_ERR_INVALID, "simulation: outputs[%zu]: %s", i, why);
        for (size_t k = 0; k < i; k++)
            if (chosen[k] == v)
                return airoi__error(AIROI_ERR_INVALID,
                                    "simulation: outputs[%zu]: %s is listed twice", i,
                                    airoi__sim_output_name(outputs[i]));
        chosen[i] = v;
    }
    for (size_t i = 0; i < n; i++)
        o->outputs[i] = chosen[i];
    o->n_outputs = n;
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_set_outputs(airoi_sim_options *o, const airoi_sim_output *outputs,
                                            size_t n)
{
    AIROI__ENTER();
    return airoi__sim_options_set_outputs(o, outputs, n);
}

int airoi__sim_options_get_outputs(airoi_sim_output *buf, size_t cap, size_t *len_out,
                                   const airoi_sim_options *o)
{
    if (!o || !len_out || (!buf && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_sim_options_get_outputs: NULL argument");
    size_t n = o->n_outputs ? o->n_outputs : AIROI__SIM_OUTPUT_COUNT;
    *len_out = n;
    if (!buf)
        return AIROI_OK;
    if (cap < n)
        return airoi__error(AIROI_ERR_BUFFER, "simulation: buffer of %zu for %zu outputs", cap,
                            n);
    for (size_t i = 0; i < n; i++)
        buf[i] = (airoi_sim_output)(o->n_outputs ? o->outputs[i] : AIROI_SIM_NPV + (int)i);
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_get_outputs(airoi_sim_output *buf, size_t cap, size_t *len_out,
                                            const airoi_sim_options *o)
{
    AIROI__ENTER();
    return airoi__sim_options_get_outputs(buf, cap, len_out, o);
}

int airoi__sim_options_set_percentiles(airoi_sim_options *o, const double *percentiles, size_t n)
{
    if (!o || (!percentiles && n > 0))
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_sim_options_set_percentiles: NULL argument");
    if (n > (size_t)AIROI_PERCENTILES_MAX)
        return airoi__error(AIROI_ERR_LIMIT,
                            "simulation: percentiles: %zu percentiles; at most %d are allowed", n,
                            AIROI_PERCENTILES_MAX);
    char why[256];
    for (size_t i = 0; i < n; i++) {
        int rc = airoi__rule_check(&airoi__rule_percentile, percentiles[i], why, sizeof why);
        if (rc)
            return airoi__error(rc, "simulation: percentiles[%zu]: %s", i, why);
        for (size_t k = 0; k < i; k++)
            if (percentiles[k] == percentiles[i]) {
                char num[32];
                return airoi__error(AIROI_ERR_INVALID,
                                    "simulation: percentiles[%zu]: %s is listed twice", i,
                                    airoi__rule_number(num, sizeof num, percentiles[i]));
            }
    }
    double *copy = NULL;
    if (n) {
        copy = airoi__reallocarray(NULL, n, sizeof *copy);
        if (!copy)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        memcpy(copy, percentiles, n * sizeof *copy);
    }
    airoi__free(o->percentiles);
    o->percentiles = copy;
    o->n_percentiles = n;
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_set_percentiles(airoi_sim_options *o, const double *percentiles,
                                                size_t n)
{
    AIROI__ENTER();
    return airoi__sim_options_set_percentiles(o, percentiles, n);
}

int airoi__sim_options_get_percentiles(double *buf, size_t cap, size_t *len_out,
                                       const airoi_sim_options *o)
{
    if (!o || !len_out || (!buf && cap > 0))
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_sim_options_get_percentiles: NULL argument");
    *len_out = o->n_percentiles;
    if (!buf)
        return AIROI_OK;
    if (cap < o->n_percentiles)
        return airoi__error(AIROI_ERR_BUFFER, "simulation: buffer of %zu for %zu percentiles",
                            cap, o->n_percentiles);
    if (o->n_percentiles)
        memcpy(buf, o->percentiles, o->n_percentiles * sizeof *buf);
    return AIROI_OK;
}

AIROI_API int airoi_sim_options_get_percentiles(double *buf, size_t cap, size_t *len_out,
                                                const airoi_sim_options *o)
{
    AIROI__ENTER();
    return airoi__sim_options_get_percentiles(buf, cap, len_out, o);
}

const airoi_sim_options *airoi__project_get_sim_options(const airoi_project *p)
{
    return p ? p->simulation : NULL;
}

AIROI_API const airoi_sim_options *airoi_project_get_sim_options(const airoi_project *p)
{
    AIROI__ENTER();
    return airoi__project_get_sim_options(p);
}

int airoi__project_set_sim_options(airoi_project *p, const airoi_sim_options *o)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_set_sim_options: NULL project");
    airoi_sim_options *c = NULL;
    if (o) {
        c = airoi__sim_options_copy(o);
        if (!c)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    airoi__sim_options_destroy(p->simulation);
    p->simulation = c;
    return AIROI_OK;
}

AIROI_API int airoi_project_set_sim_options(airoi_project *p, const airoi_sim_options *o)
{
    AIROI__ENTER();
    return airoi__project_set_sim_options(p, o);
}
