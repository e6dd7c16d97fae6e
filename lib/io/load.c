/*
 * lib/io/load.c: loading a model file (YAML format v1, docs/model-format.md;
 * io layer): the document and the entry points.
 *
 * Two passes. First the libyaml event stream is turned into a small tree of
 * our own (load-tree.c). Then the tree is walked along the schema of format
 * v1, one file per section (load-project.c, load-items.c,
 * load-scenarios.c, load-uncertainty.c, with the shape helpers of
 * load-values.c): every key is
 * checked, every problem is recorded as a diagnostic with its line and
 * column, and the project is built only through the model API. Last, the
 * whole-project validator (lib/eval/validate.c) reports what relates values
 * to each other, and each problem is placed at the node it came from.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "airoi/scenario.h"
#include "validate-private.h"
#include "load-private.h"

/* ---- the document ------------------------------------------------------------------- */

enum {
    TK_AIROI,
    TK_PROJECT,
    TK_FX,
    TK_COSTS,
    TK_VALUES,
    TK_SCENARIOS,
    TK_UNCERTAINTIES,
    TK_CORRELATIONS,
    TK_STAGES,
    TK_SIMULATION,
    TK_ACTUALS,
    TK_NARRATIVE,
    TK_TRACKING,
    TK_INDICATORS,
    TK_COUNT
};
static const char *const top_keys[TK_COUNT] = {
    "airoi",         "project",      "fx",     "costs",      "values",  "scenarios",
    "uncertainties", "correlations", "stages", "simulation", "actuals",
    "narrative",     "tracking",     "indicators",
};

/* The value node of `key` in a mapping (its key node in *key_out), or NULL. */
static const ynode *find_key(const loader *L, const ynode *map, const char *key,
                             const ynode **key_out)
{
    size_t len = strlen(key);
    if (!map || map->kind != YN_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->kids[i];
        if (k->kind == YN_SCALAR && k->len == len && !memcmp(airoi__ytext(L, k), key, len)) {
            if (key_out)
                *key_out = k;
            return map->kids[i + 1];
        }
    }
    return NULL;
}

/* The key node of `key` in a mapping whose keys are scalars, or NULL. */
static const ynode *find_key_node(const loader *L, const ynode *map, const char *key)
{
    const ynode *k = NULL;
    return find_key(L, map, key, &k) ? k : NULL;
}

/* A problem the validator found in the loaded project, as a diagnostic at
 * the node it comes from: the field's value when the file gives it, else
 * the item or scenario (or the sequence, or the longer item list). Problems
 * of an item or scenario that already had an error are left out, as are
 * those between sections once the file has an error. Plausibility warnings
 * start with "warning: "; past a budget they are only counted, so that a
 * file with many of them still loads. */
static int on_problem(void *userdata, const airoi__problem *pr)
{
    loader *L = userdata;
    if (pr->status == AIROI_ERR_NOMEM) {
        L->nomem = L->stop = 1;
        return 1;
    }
    int warning = pr->status == AIROI__PROBLEM_WARNING;
    const char *key = airoi__problem_key(pr);
    const ynode *at = L->root;
    char path[128] = "";
    static const char *const lists[ORIGIN_COUNT] = {
        "costs", "values", "scenarios", "uncertainties", "correlations", "stages"};
    int which = pr->subject == AIROI__SUBJ_COST          ? ORIGIN_COSTS
                : pr->subject == AIROI__SUBJ_VALUE       ? ORIGIN_VALUES
                : pr->subject == AIROI__SUBJ_SCENARIO    ? ORIGIN_SCENARIOS
                : pr->subject == AIROI__SUBJ_UNCERTAINTY ? ORIGIN_UNCERTAINTIES
                : pr->subject == AIROI__SUBJ_CORRELATION ? ORIGIN_CORRELATIONS
                : pr->subject == AIROI__SUBJ_STAGE       ? ORIGIN_STAGES
                                                         : -1;
    if (warning && L->warnings_left == 0) {
        L->warnings_dropped++;
        return 0;
    }
    if (which >= 0) {
        if (pr->index >= L->n_origins[which])
            return 0;
        const origin *o = &L->origins[which][pr->index];
        /* a name in another section may be unknown only because that
         * section had an error */
        int across = pr->field == AIROI__FIELD_MULTIPLIERS || pr->field == AIROI__FIELD_BETWEEN ||
                     (which == ORIGIN_UNCERTAINTIES && pr->field == AIROI_UNCERTAINTY_TARGET);
        if (!o->clean || (across && L->nerrors))
            return 0;
        snprintf(path, sizeof path, "%s[%zu]", lists[which], o->index);
        at = o->node;
        const ynode *k = NULL, *v = key ? find_key(L, o->node, key, &k) : NULL;
        if (v) {
            size_t len = strlen(path);
            snprintf(path + len, sizeof path - len, ".%s", key);
            at = v;
        }
        if (v && warning && pr->field == AIROI__FIELD_AMOUNTS && v->kind == YN_SEQ &&
            pr->sub < v->n) {
            /* at the entry itself */
            size_t len = strlen(path);
            snprintf(path + len, sizeof path - len, "[%zu]", pr->sub);
            at = v->kids[pr->sub];
        }
        if (v && pr->field == AIROI__FIELD_BETWEEN && v->kind == YN_SEQ && pr->sub < v->n) {
            /* at the name itself */
            size_t len = strlen(path);
            snprintf(path + len, sizeof path - len, "[%zu]", pr->sub);
            at = v->kids[pr->sub];
        }
        if (v && pr->field == AIROI__FIELD_MULTIPLIERS) {
            /* at the multiplier's own key */
            const char *target = NULL;
            airoi__scenario_get_multiplier(&target, NULL,
                                          airoi__project_get_scenario(L->p, pr->index), pr->sub);
            const ynode *tk = NULL;
            if (target && find_key(L, v, target, &tk))
                at = tk;
        }
    } else if (pr->subject == AIROI__SUBJ_STAGES) {
        if (L->nerrors)
            return 0;
        snprintf(path, sizeof path, "stages");
        if (L->stages_key)
            at = L->stages_key;
    } else if (pr->subject == AIROI__SUBJ_SCENARIOS) {
        if (!L->scenarios_ok || L->nerrors || !L->scenarios_node)
            return 0;
        snprintf(path, sizeof path, "scenarios");
        at = L->scenarios_node;
    } else {
        if (L->nerrors)
            return 0;
        if (pr->field == AIROI__FIELD_WORK && L->work_key) {
            at = L->work_key;
        } else if (pr->field == AIROI__FIELD_FX && pr->target) {
            const ynode *k = find_key_node(L, L->fx_node, pr->target);
            snprintf(path, sizeof path, "fx.%.100s", pr->target);
            if (k)
                at = k;
        } else if (pr->field == AIROI__FIELD_VALUES) {
            snprintf(path, sizeof path, "values");
            if (L->values_key)
                at = L->values_key;
        } else if (key) {
            const ynode *v = find_key(L, L->project_node, key, NULL);
            const char *dot = strchr(key, '.');
            if (!v && dot) { /* tax.rate, terminal_value.growth, ... */
                char head[64];
                snprintf(head, sizeof head, "%.*s", (int)(dot - key), key);
                v = find_key(L, find_key(L, L->project_node, head, NULL), dot + 1, NULL);
            }
            snprintf(path, sizeof path, "project.%s", key);
            if (v)
                at = v;
        }
    }
    if (warning) {
        L->warnings_left--;
        airoi__ydiag(L, AIROI__DIAG_WARNING, AT(at), "warning: %s%s%s", path, *path ? ": " : "",
                     pr->message);
        return L->stop;
    }
    airoi__ydiag(L, pr->status == AIROI_ERR_LIMIT ? AIROI_ERR_LIMIT : AIROI_ERR_MODEL, AT(at),
                 "%s%s%s", path, *path ? ": " : "", pr->message);
    return L->stop;
}

void airoi__yload_release(loader *L)
{
    airoi__smap_free(&L->fx);
    airoi__smap_free(&L->names);
    airoi__smap_free(&L->scen_names);
    for (int i = 0; i < ORIGIN_COUNT; i++)
        airoi__free(L->origins[i]);
}

void airoi__yload_document(loader *L)
{
    const ynode *root = L->root;
    if (!root || airoi__yis_null(L, root)) {
        int32_t line = root ? root->line : 1, col = root ? root->col : 1;
        airoi__ydiag(
            L, AIROI_ERR_PARSE, line, col,
            "empty model file; expected a mapping that starts with 'airoi: 1' and 'project:'");
        return;
    }
    if (root->kind != YN_MAP) {
        airoi__ytype_error(L, root, "model",
                           "a mapping with the keys airoi, project, costs, values, ...");
        return;
    }
    const ynode *v[TK_COUNT], *k[TK_COUNT];
    airoi__ycollect(L, root, "", top_keys, TK_COUNT, v, k);
    if (L->stop)
        return;
    if (!v[TK_AIROI] && !L->inline_entry) {
        airoi__ydiag(
            L, AIROI_ERR_PARSE, AT(root),
            "missing required key 'airoi' (the format version); expected 'airoi: 1' at the top");
    } else if (v[TK_AIROI]) {
        double ver;
        if (airoi__yget_num(L, v[TK_AIROI], "airoi", &ver) && ver != 1)
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[TK_AIROI]),
                         "airoi: unsupported format version %s; this library reads version 1",
                         NUMTXT(ver));
    }
    airoi__yload_project(L, root, v[TK_PROJECT]);
    if (L->stop || !L->p)
        return;
    if (v[TK_FX])
        airoi__yload_fx(L, v[TK_FX]);
    size_t total = 0, n_items = 0; /* the table of item names sized once */
    for (int i = 0; i < 2; i++) {
        const ynode *list = v[i ? TK_VALUES : TK_COSTS];
        n_items += list && list->kind == YN_SEQ ? list->n : 0;
    }
    if (airoi__smap_reserve(&L->names, n_items)) {
        L->nomem = L->stop = 1;
        return;
    }
    if (v[TK_COSTS] && !L->stop)
        airoi__yload_items(L, v[TK_COSTS], 1, &total);
    if (v[TK_VALUES] && !L->stop)
        airoi__yload_items(L, v[TK_VALUES], 0, &total);
    if (v[TK_SCENARIOS] && !L->stop)
        airoi__yload_scenarios(L, v[TK_SCENARIOS]);
    if (v[TK_UNCERTAINTIES] && !L->stop)
        airoi__yload_uncertainties(L, v[TK_UNCERTAINTIES]);
    if (v[TK_CORRELATIONS] && !L->stop)
        airoi__yload_correlations(L, v[TK_CORRELATIONS]);
    if (v[TK_STAGES] && !L->stop)
        airoi__yload_stages(L, v[TK_STAGES]);
    if (v[TK_SIMULATION] && !L->stop)
        airoi__yload_simulation(L, v[TK_SIMULATION]);
    /* actuals, tracking, indicators and stage criteria (load-tracking.c) */
    if (v[TK_ACTUALS] && !L->stop && L->horizon_ok)
        airoi__yload_actuals(L, v[TK_ACTUALS]);
    int32_t last = L->p->horizon;
    for (size_t i = 0; i < airoi__project_count_stages(L->p); i++) {
        double d = 0;
        airoi__project_get_stage_number(&d, L->p, i, AIROI_STAGE_PERIODS);
        last += (int32_t)d;
    }
    if (!L->horizon_ok)
        last = INT32_MAX; /* the horizon has an error: periods are not checked */
    if (v[TK_TRACKING] && !L->stop && L->horizon_ok)
        airoi__yload_tracking(L, v[TK_TRACKING], last);
    if (v[TK_TRACKING] && v[TK_ACTUALS] && !L->stop)
        airoi__ycheck_actuals(L, v[TK_ACTUALS]);
    if (v[TK_INDICATORS] && !L->stop)
        airoi__yload_indicators(L, v[TK_INDICATORS], last);
    if (v[TK_STAGES] && !L->stop)
        airoi__yload_criteria(L, v[TK_STAGES]);
    if (v[TK_NARRATIVE] && !L->stop)
        airoi__yload_narrative(L, v[TK_NARRATIVE]);
    if (L->stop || !L->horizon_ok)
        return;
    /* The rules between values are the validator's (lib/eval/validate.c);
     * its problems come back here to be placed in the file. */
    size_t nc = v[TK_COSTS] && v[TK_COSTS]->kind == YN_SEQ ? v[TK_COSTS]->n : 0;
    size_t nv = v[TK_VALUES] && v[TK_VALUES]->kind == YN_SEQ ? v[TK_VALUES]->n : 0;
    L->work_key = nc >= nv ? k[TK_COSTS] : k[TK_VALUES];
    if (!L->work_key)
        L->work_key = k[TK_COSTS] ? k[TK_COSTS] : k[TK_VALUES];
    L->project_node = v[TK_PROJECT];
    L->fx_node = v[TK_FX];
    L->values_key = k[TK_VALUES];
    L->correlations_key = k[TK_CORRELATIONS];
    L->stages_key = k[TK_STAGES];
    /* half of the diagnostics a file may have, so that errors keep room */
    L->warnings_left = AIROI__IO_MAX_DIAGS / 2;
    airoi__validate_each(L->p, on_problem, L);
    airoi__ycheck_uncertain(L);
    if (L->warnings_dropped)
        airoi__ydiag(L, AIROI__DIAG_WARNING, 0, 0,
                     "warning: %zu more plausibility warnings are not listed",
                     L->warnings_dropped);
}

/* ---- entry points ---------------------------------------------------------------------- */

static int finish(airoi_project **out, airoi_diagnostics **diags_out, loader *L, int status)
{
    airoi_diagnostics *d = L->d;
    L->d = NULL;
    if (status == AIROI_OK && L->nomem)
        status = AIROI_ERR_NOMEM;
    if (status == AIROI_OK && d && d->n)
        status = airoi__diags_status(d);
    if (status == AIROI_OK) {
        *out = L->p;
        L->p = NULL;
    }
    airoi__project_free(L->p);
    L->p = NULL;
    if (status == AIROI_ERR_NOMEM) {
        airoi__diagnostics_free(d);
        d = NULL;
    } else if (d) {
        airoi__diags_sort(d);
    }
    const char *first = d && d->n ? d->v[0].text : NULL;
    if (diags_out)
        *diags_out = d;
    int rc = status;
    if (status == AIROI_ERR_NOMEM)
        rc = airoi__error(status, "out of memory while loading a model");
    else if (status != AIROI_OK)
        rc = airoi__error(status, "%s", first ? first : "cannot load the model");
    else
        airoi__error_clear();
    if (!diags_out)
        airoi__diagnostics_free(d);
    return rc;
}

static int load(airoi_project **out, airoi_diagnostics **diags_out, const char *data, size_t len,
                const char *name)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.d = airoi__diags_new(name);
    if (!L.d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while loading a model");
    /* A UTF-8 byte-order mark is skipped (libyaml, told the input is UTF-8,
     * would not skip it at the start of the stream). */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    L.data = data;
    L.data_len = len;
    if (len > AIROI_MODEL_MAX_BYTES) {
        airoi__ydiag(&L, AIROI_ERR_LIMIT, 0, 0,
                     "the model is %zu bytes; the limit is %u bytes (16 MiB)", len,
                     AIROI_MODEL_MAX_BYTES);
        return finish(out, diags_out, &L, AIROI_OK);
    }
    airoi__ytree_build(&L);
    if (!L.stop && !L.nomem)
        airoi__yload_document(&L);
    airoi__ytree_free(&L);
    airoi__yload_release(&L);
    return finish(out, diags_out, &L, AIROI_OK);
}

int airoi__model_load_buffer(airoi_project **out, airoi_diagnostics **diags_out,
                             const char *data, size_t len, const char *name,
                             unsigned flags)
{
    if (out)
        *out = NULL;
    if (diags_out)
        *diags_out = NULL;
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_load_buffer: NULL out");
    if (!data)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_load_buffer: NULL data");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_load_buffer: unknown flags 0x%x",
                            flags);
    return load(out, diags_out, data, len, name);
}

AIROI_API int airoi_model_load_buffer(airoi_project **out, airoi_diagnostics **diags_out,
                                      const char *data, size_t len, const char *name,
                                      unsigned flags)
{
    AIROI__ENTER();
    return airoi__model_load_buffer(out, diags_out, data, len, name, flags);
}

/* A diagnostics list holding one problem without a position. */
static int file_problem(airoi_diagnostics **diags_out, const char *path, int status,
                        const char *what, int err)
{
    char ebuf[128] = "unknown error";
    if (err && strerror_r(err, ebuf, sizeof ebuf) != 0)
        snprintf(ebuf, sizeof ebuf, "error %d", err);
    airoi_diagnostics *d = airoi__diags_new(path);
    if (!d || airoi__diags_add(d, status, 0, 0, "%s%s%s", what, err ? ": " : "", err ? ebuf : "")) {
        airoi__diagnostics_free(d);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while loading a model");
    }
    int rc = airoi__error(status, "%s", d->v[0].text);
    if (diags_out)
        *diags_out = d;
    else
        airoi__diagnostics_free(d);
    return rc;
}

int airoi__model_load_file(airoi_project **out, airoi_diagnostics **diags_out,
                           const char *path, unsigned flags)
{
    if (out)
        *out = NULL;
    if (diags_out)
        *diags_out = NULL;
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_load_file: NULL out");
    if (!path)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_load_file: NULL path");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_load_file: unknown flags 0x%x",
                            flags);
    FILE *f = airoi__fopen(path, "rb");
    if (!f)
        return file_problem(diags_out, path, AIROI_ERR_IO, "cannot open the file", errno);
    size_t cap = 64 * 1024, len = 0;
    char *buf = airoi__malloc(cap);
    if (!buf) {
        fclose(f);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while loading a model");
    }
    for (;;) {
        if (len == cap) {
            if (cap > AIROI_MODEL_MAX_BYTES) {
                airoi__free(buf);
                fclose(f);
                char what[96];
                snprintf(what, sizeof what, "the file is larger than %u bytes (16 MiB), the limit",
                         AIROI_MODEL_MAX_BYTES);
                return file_problem(diags_out, path, AIROI_ERR_LIMIT, what, 0);
            }
            size_t ncap = cap * 2;
            if (ncap > (size_t)AIROI_MODEL_MAX_BYTES + 1)
                ncap = (size_t)AIROI_MODEL_MAX_BYTES + 1;
            char *nb = airoi__realloc(buf, ncap);
            if (!nb) {
                airoi__free(buf);
                fclose(f);
                return airoi__error(AIROI_ERR_NOMEM, "out of memory while loading a model");
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                int err = errno;
                airoi__free(buf);
                fclose(f);
                return file_problem(diags_out, path, AIROI_ERR_IO, "cannot read the file", err);
            }
            break;
        }
    }
    fclose(f);
    int rc = load(out, diags_out, buf, len, path);
    airoi__free(buf);
    return rc;
}

AIROI_API int airoi_model_load_file(airoi_project **out, airoi_diagnostics **diags_out,
                                    const char *path, unsigned flags)
{
    AIROI__ENTER();
    return airoi__model_load_file(out, diags_out, path, flags);
}
