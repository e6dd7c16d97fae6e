/*
 * bindings/excel/xll-sim.c: the simulation worksheet functions of the
 * add-in airoi.xll. AIROI.SIMULATE runs the Monte Carlo simulation of a
 * model handle and keeps the simulation under a handle "simulation#N" owned
 * by the calling cell; AIROI.SIMSTAT and AIROI.PERCENTILE read it;
 * AIROI.TORNADO and AIROI.STAGES compute a model's tornado and staged
 * investment and return them as arrays that spill (rules in airoi-xll.h).
 *
 * AIROI.SIMULATE calls xlfCaller, and AIROI.SIMULATE, TORNADO and STAGES
 * compute from the model's project, which one thread at a time may use:
 * they are registered without "$" and run on Excel's main thread. SIMSTAT
 * and PERCENTILE only borrow an immutable simulation and are thread-safe.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "airoi-xll.h"
#include "xll-registry.h"

#define XLL_KIND_SIMULATION "simulation"

static void simulation_destroy(void *obj)
{
    airoi_simulation_free(obj);
}

/* A library status to a cell's error value: refused settings and models
 * #VALUE!, out of memory, overflow and limits #NUM!. */
static int sim_error(int status)
{
    return status == AIROI_ERR_NOMEM || status == AIROI_ERR_RANGE ||
                   status == AIROI_ERR_LIMIT
               ? xlerrNum
               : xlerrValue;
}

/* The simulation settings: the model's `simulation:` section (or the
 * defaults), then trials and seed when given. XLL_OK or the error value. */
static int sim_options(airoi_sim_options **out, const airoi_project *p, LPXLOPER12 a_trials,
                       LPXLOPER12 a_seed)
{
    const airoi_sim_options *model = airoi_project_get_sim_options(p);
    airoi_sim_options *o = NULL;
    int st = model ? airoi_sim_options_clone(&o, model) : airoi_sim_options_new(&o);
    if (st != AIROI_OK)
        return xlerrNum;
    static const airoi_sim_param params[2] = {AIROI_SIM_TRIALS, AIROI_SIM_SEED};
    LPXLOPER12 args[2] = {a_trials, a_seed};
    for (int i = 0; i < 2; i++) {
        if (xll_arg_omitted(args[i]))
            continue;
        double v = 0;
        int e = xll_arg_number(args[i], &v);
        if (e == XLL_OK && airoi_sim_options_set_number(o, params[i], v) != AIROI_OK)
            e = xlerrNum;
        if (e != XLL_OK) {
            airoi_sim_options_free(o);
            return e;
        }
    }
    *out = o;
    return XLL_OK;
}

/* Borrows the project of the model named by a handle argument. */
static int borrow_project(LPXLOPER12 a_handle, const airoi_project **p, xll_entry **entry)
{
    void *obj = NULL;
    int e = xll_borrow(a_handle, XLL_KIND_PROJECT, &obj, entry);
    if (e == XLL_OK)
        *p = ((const xll_model *)obj)->project;
    return e;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_simulate(LPXLOPER12 a_handle, LPXLOPER12 a_trials,
                                                  LPXLOPER12 a_seed)
{
    xll_owner owner;
    int owned = xll_caller_owner(&owner);
    const airoi_project *p = NULL;
    xll_entry *entry = NULL;
    airoi_sim_options *o = NULL;
    airoi_simulation *s = NULL;
    int e = borrow_project(a_handle, &p, &entry);
    if (e == XLL_OK)
        e = sim_options(&o, p, a_trials, a_seed);
    if (e == XLL_OK) {
        int st = airoi_project_simulate(&s, p, o, 0, NULL, NULL);
        if (st != AIROI_OK)
            e = sim_error(st);
    }
    airoi_sim_options_free(o);
    xll_registry_release(entry);
    if (e != XLL_OK) {
        /* The cell no longer shows its previous simulation. */
        if (owned)
            xll_registry_drop_owner(&owner);
        return xll_result_err(e);
    }
    char name[XLL_NAME_MAX + 1];
    if (xll_registry_put(XLL_KIND_SIMULATION, s, simulation_destroy, owned ? &owner : NULL, name,
                         sizeof name) != XLL_REG_OK)
        return xll_result_err(xlerrNum);
    return xll_result_str(name);
}

/* Statistic names of AIROI.SIMSTAT, in the order of airoi_sim_stat (the
 * names of the JSON report where it has them). */
static const char *const stat_names[] = {
    "mean", "sd", "se", "min", "max", "prob_positive", "prob_above_target",
    "value_at_risk", "expected_shortfall", "never_share", "undefined_share", "defined"};
#define NSTATS (sizeof stat_names / sizeof stat_names[0])

/* The output named by an argument: XLL_OK or #VALUE!. */
static int arg_output(LPXLOPER12 a, airoi_sim_output *out)
{
    char *text = NULL;
    int e = xll_arg_text(a, &text);
    if (e == XLL_OK && airoi_sim_output_from_name(out, text) != AIROI_OK)
        e = xlerrValue;
    free(text);
    return e;
}

/* A figure's status to a cell: undefined (no trial defines it, or it does
 * not apply to the output) #N/A; anything else refused #NUM!. */
static LPXLOPER12 figure(int st, double v)
{
    if (st == AIROI_OK && isfinite(v))
        return xll_result_num(v);
    if (st == AIROI_ERR_UNDEFINED || st == AIROI_ERR_NOT_FOUND)
        return xll_result_err(xlerrNA);
    return xll_result_err(st == AIROI_ERR_INVALID ? xlerrValue : xlerrNum);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_simstat(LPXLOPER12 a_sim, LPXLOPER12 a_output,
                                                 LPXLOPER12 a_stat)
{
    airoi_sim_output output = AIROI_SIM_NPV;
    int e = arg_output(a_output, &output);
    size_t stat = NSTATS;
    if (e == XLL_OK) {
        char *text = NULL;
        e = xll_arg_text(a_stat, &text);
        for (size_t i = 0; e == XLL_OK && i < NSTATS && stat == NSTATS; i++)
            if (strcmp(text, stat_names[i]) == 0)
                stat = i;
        if (e == XLL_OK && stat == NSTATS)
            e = xlerrValue;
        free(text);
    }
    if (e != XLL_OK)
        return xll_result_err(e);
    void *obj = NULL;
    xll_entry *entry = NULL;
    e = xll_borrow(a_sim, XLL_KIND_SIMULATION, &obj, &entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    double v = 0;
    int st = airoi_simulation_get_stat(&v, obj, output, (airoi_sim_stat)(AIROI_STAT_MEAN + (int)stat));
    xll_registry_release(entry);
    return figure(st, v);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_percentile(LPXLOPER12 a_sim, LPXLOPER12 a_output,
                                                    LPXLOPER12 a_p)
{
    airoi_sim_output output = AIROI_SIM_NPV;
    double p = 0;
    int e = arg_output(a_output, &output);
    if (e == XLL_OK)
        e = xll_arg_number(a_p, &p);
    if (e == XLL_OK && !(p >= 0 && p <= 100))
        e = xlerrNum;
    if (e != XLL_OK)
        return xll_result_err(e);
    void *obj = NULL;
    xll_entry *entry = NULL;
    e = xll_borrow(a_sim, XLL_KIND_SIMULATION, &obj, &entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    double v = 0;
    int st = airoi_simulation_get_percentile(&v, obj, output, p);
    xll_registry_release(entry);
    return figure(st, v);
}

static LPXLOPER12 tornado_table(const xll_model *m)
{
    airoi_tornado *t = NULL;
    int st = airoi_tornado_evaluate(&t, m->project, 0);
    if (st != AIROI_OK)
        return xll_result_err(sim_error(st));
    static const char *const header[] = {"input", "low_npv", "high_npv", "swing"};
    size_t n = airoi_tornado_count(t);
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = NULL;
        double lo, hi, sw;
        if (airoi_tornado_get(&name, &lo, &hi, &sw, t, i) == AIROI_OK)
            units += xll_utf16_units(&name, 1);
    }
    LPXLOPER12 out = xll_result_table(n, 4, header, units);
    for (size_t i = 0; xll_result_is_multi(out) && i < n; i++) {
        const char *name = NULL;
        double v[3];
        int32_t r = (int32_t)i + 1;
        if (airoi_tornado_get(&name, &v[0], &v[1], &v[2], t, i) != AIROI_OK) {
            for (int c = 0; c < 4; c++)
                xll_result_set_err(out, r, c, xlerrNA);
            continue;
        }
        xll_result_set_str(out, r, 0, name ? name : "");
        for (int c = 0; c < 3; c++)
            xll_result_set_figure(out, r, c + 1, 1, v[c]);
    }
    airoi_tornado_free(t);
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_tornado(LPXLOPER12 a_handle)
{
    return xll_with_model(a_handle, tornado_table);
}

static LPXLOPER12 stages_table(const xll_model *m)
{
    airoi_staging *s = NULL;
    int st = airoi_project_count_stages(m->project) == 0 ? AIROI_ERR_INVALID
                                                          : airoi_staging_evaluate(&s, m->project, 0);
    if (st != AIROI_OK)
        return xll_result_err(st == AIROI_ERR_INVALID ? xlerrNA : sim_error(st));
    static const char *const header[] = {"figure", "value"};
    static const char *const figures[] = {"prob_production", "expected_cost", "expected_npv",
                                          "npv_all_in", "value_of_staging"};
    LPXLOPER12 out = xll_result_table(5, 2, header, xll_utf16_units(figures, 5));
    for (int f = 0; xll_result_is_multi(out) && f < 5; f++) {
        double v = 0;
        xll_result_set_str(out, f + 1, 0, figures[f]);
        int ok = airoi_staging_get(&v, s, (airoi_staging_figure)(AIROI_STAGING_PROB_PRODUCTION +
                                                                  f)) == AIROI_OK;
        xll_result_set_figure(out, f + 1, 1, ok, v);
    }
    airoi_staging_free(s);
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_stages(LPXLOPER12 a_handle)
{
    return xll_with_model(a_handle, stages_table);
}
