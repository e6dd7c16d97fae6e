/*
 * lib/io/load-project.c: the `project` and `fx` sections of a model file
 * (io layer), read into the project through the model API.
 */
#include <stdio.h>
#include <string.h>

#include "airoi/benchmark.h"
#include "airoi/dates.h"
#include "load-private.h"

/* ---- project ------------------------------------------------------------------------ */

enum {
    PK_NAME,
    PK_CURRENCY,
    PK_UNIT,
    PK_START,
    PK_PERIOD,
    PK_HORIZON,
    PK_DISCOUNT,
    PK_FINANCE,
    PK_REINVEST,
    PK_USE_CASE,
    PK_STAGE,
    PK_TAX,
    PK_INFLATION,
    PK_TERMINAL,
    PK_COUNT
};
static const char *const project_keys[PK_COUNT] = {
    "name",          "currency",     "unit",          "start",    "period", "horizon",
    "discount_rate", "finance_rate", "reinvest_rate", "use_case", "stage",  "tax",
    "inflation",     "terminal_value",
};

void airoi__yload_project(loader *L, const ynode *root, const ynode *pn)
{
    const ynode *v[PK_COUNT], *k[PK_COUNT];
    char path[64];
    const char *name = NULL;
    int ok = 0;
    if (pn) {
        ok = airoi__ycollect(L, pn, "project", project_keys, PK_COUNT, v, k);
        if (ok && !v[PK_NAME])
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(pn), "project: missing required key 'name'");
        else if (ok)
            airoi__yget_str(L, v[PK_NAME], "project.name", &name);
        if (name && !*name) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[PK_NAME]),
                         "project.name: expected a non-empty name");
            name = NULL;
        }
    } else {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(root), "missing required key 'project'");
    }
    /* Without a usable name the project still gets built (and discarded) so
     * that the rest of the file is checked too. */
    int rc = airoi__project_new(&L->p, name ? name : "(unnamed)");
    if (rc && rc != AIROI_ERR_NOMEM) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[PK_NAME]), "project.name: %s",
                     airoi__error_get());
        rc = airoi__project_new(&L->p, "(unnamed)");
    }
    if (rc) {
        L->nomem = L->stop = 1;
        return;
    }
    if (!ok)
        return;

    const char *s;
    double x;
    int e;
    if (v[PK_CURRENCY] && airoi__yget_str(L, v[PK_CURRENCY], "project.currency", &s)) {
        if (!*s)
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[PK_CURRENCY]),
                         "project.currency: expected a currency code (ISO 4217, e.g. USD)");
        else if ((rc = airoi__project_set_string(L->p, AIROI_PROJECT_CURRENCY, s)))
            airoi__ysetter_failed(L, rc, v[PK_CURRENCY], "project.currency");
    }
    if (v[PK_UNIT] && airoi__yget_param(L, v[PK_UNIT], "project.unit", PROJECT_RULE(UNIT), &x) &&
        (rc = airoi__project_set_number(L->p, AIROI_PROJECT_UNIT, x)))
        airoi__ysetter_failed(L, rc, v[PK_UNIT], "project.unit");
    if (v[PK_START]) {
        const ynode *n = v[PK_START];
        int32_t day;
        char buf[128];
        if (n->kind != YN_SCALAR || airoi__yis_null(L, n)) {
            airoi__ytype_error(L, n, "project.start", "a date YYYY-MM-DD");
        } else if (strlen(airoi__ytext(L, n)) != n->len ||
                   airoi__date_from_iso(&day, airoi__ytext(L, n)) != AIROI_OK) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                         "project.start: expected a date YYYY-MM-DD (ISO 8601) that exists; got %s",
                         airoi__yshow(buf, sizeof buf, airoi__ytext(L, n), n->len));
        } else if ((rc = airoi__project_set_number(L->p, AIROI_PROJECT_START, day))) {
            airoi__ysetter_failed(L, rc, n, "project.start");
        }
    }
    if (v[PK_PERIOD] && airoi__yget_enum(L, v[PK_PERIOD], "project.period", airoi__yname_period,
                                         PROJECT_RULE(PERIOD), &e)) {
        if ((rc = airoi__project_set_number(L->p, AIROI_PROJECT_PERIOD, e)))
            airoi__ysetter_failed(L, rc, v[PK_PERIOD], "project.period");
    }
    if (v[PK_HORIZON]) {
        if (airoi__yget_param(L, v[PK_HORIZON], "project.horizon", PROJECT_RULE(HORIZON), &x)) {
            if ((rc = airoi__project_set_number(L->p, AIROI_PROJECT_HORIZON, x)))
                airoi__ysetter_failed(L, rc, v[PK_HORIZON], "project.horizon");
            else
                L->horizon_ok = 1;
        }
    } else {
        L->horizon_ok = 1; /* the default */
    }
    static const struct {
        int key, param;
    } rates[] = {
        {PK_DISCOUNT, AIROI_PROJECT_DISCOUNT_RATE},
        {PK_FINANCE, AIROI_PROJECT_FINANCE_RATE},
        {PK_REINVEST, AIROI_PROJECT_REINVEST_RATE},
    };
    for (size_t r = 0; r < sizeof rates / sizeof rates[0]; r++) {
        const ynode *n = v[rates[r].key];
        airoi__ypath(path, sizeof path, "project", project_keys[rates[r].key]);
        if (n && n->kind == YN_MAP && rates[r].key == PK_DISCOUNT)
            airoi__yload_discount_map(L, n); /* {rate: r, real: true} (load-finance.c) */
        else if (n && airoi__yget_param(L, n, path, airoi__project_rule(rates[r].param), &x) &&
            (rc = airoi__project_set_number(L->p, rates[r].param, x)))
            airoi__ysetter_failed(L, rc, n, path);
    }
    if (v[PK_USE_CASE] && airoi__yget_str(L, v[PK_USE_CASE], "project.use_case", &s)) {
        char why[512];
        if (airoi__rule_use_case(s, why, sizeof why) < 0)
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[PK_USE_CASE]), "project.use_case: %s", why);
        else if ((rc = airoi__project_set_string(L->p, AIROI_PROJECT_USE_CASE, s))) {
            airoi__ysetter_failed(L, rc, v[PK_USE_CASE], "project.use_case");
        }
    }
    airoi__yload_project_finance(L, v[PK_TAX], v[PK_INFLATION], v[PK_TERMINAL]);
    if (v[PK_STAGE] && airoi__yget_enum(L, v[PK_STAGE], "project.stage", airoi__yname_stage,
                                        PROJECT_RULE(STAGE), &e)) {
        if ((rc = airoi__project_set_number(L->p, AIROI_PROJECT_STAGE, e)))
            airoi__ysetter_failed(L, rc, v[PK_STAGE], "project.stage");
    }
}

/* ---- fx ------------------------------------------------------------------------------ */

void airoi__yload_fx(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_MAP) {
        airoi__ytype_error(L, n, "fx", "a mapping of currency codes to rates (e.g. {USD: 32})");
        return;
    }
    for (size_t i = 0; i + 1 < n->n && !L->stop; i += 2) {
        const ynode *key = n->kids[i], *val = n->kids[i + 1];
        const char *cur;
        char path[160], buf[128];
        if (!airoi__yget_str(L, key, "fx", &cur))
            continue;
        snprintf(path, sizeof path, "fx.%s", airoi__yshow(buf, sizeof buf, cur, key->len));
        if (!*cur) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(key), "fx: expected a currency code; got ''");
            continue;
        }
        const ynode *first = airoi__smap_get(&L->fx, cur, key->len);
        if (first) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(key),
                         "%s: duplicate key (first given at line %d, column %d)", path,
                         (int)first->line, (int)first->col);
            continue;
        }
        if (airoi__smap_put(&L->fx, cur, key->len, key)) {
            L->nomem = L->stop = 1;
            return;
        }
        double rate;
        if (!airoi__yget_param(L, val, path, &airoi__rule_fx_rate, &rate))
            continue;
        int rc = airoi__project_set_fx(L->p, cur, rate);
        if (rc)
            airoi__ysetter_failed(L, rc, val, path);
    }
}
