/*
 * lib/io/load-items.c: the `costs` and `values` sections of a model file
 * (io layer): each item's keys, the three forms of its amount, its
 * frequency and periods, its shares and adoption, set through the item API.
 */
#include <stdio.h>
#include <string.h>

#include "airoi/items.h"
#include "load-private.h"

/* ---- items ------------------------------------------------------------------------- */

enum {
    IK_NAME,
    IK_CLASS, /* category or dimension */
    IK_AMOUNT,
    IK_QUANTITY,
    IK_UNIT_AMOUNT,
    IK_AMOUNTS,
    IK_PER,
    IK_AT,
    IK_FROM,
    IK_TO,
    IK_GROWTH,
    IK_CURRENCY,
    IK_PAYMENT,
    IK_RISK,
    IK_REAL,
    IK_OWN, /* the keys of one kind: */
    IK_CAPEX = IK_OWN, /* a cost's (load-finance.c, AIROI__YCAPEX_*) */
    IK_REALIZATION = IK_OWN, /* a value's */
    IK_ATTRIBUTION,
    IK_MONETIZED,
    IK_ADOPTION,
    IK_COUNT
};
static const char *const cost_keys[IK_COUNT] = {
    "name", "category", "amount",          "quantity", "unit_amount", "amounts",
    "per",  "at",       "from",            "to",       "growth",      "currency",
    "payment", "risk_adjustment", "real",  "capex",    "life",        "depreciation",
    "salvage",
};
static const char *const value_keys[IK_COUNT] = {
    "name",
    "dimension",
    "amount",
    "quantity",
    "unit_amount",
    "amounts",
    "per",
    "at",
    "from",
    "to",
    "growth",
    "currency",
    "payment",
    "risk_adjustment",
    "real",
    "realization",
    "attribution",
    "monetized",
    "adoption",
};

/* The item being loaded, or NULL once it could not be created (its keys
 * are still checked). */
static int item_set(loader *L, airoi_item *it, int param, double x, const ynode *n,
                    const char *path)
{
    if (!it)
        return 0;
    int rc = airoi__item_set_number(it, param, x);
    if (rc)
        airoi__ysetter_failed(L, rc, n, path);
    return rc;
}

enum { AK_CURVE, AK_PERIODS, AK_START, AK_CEILING, AK_COUNT };
static const char *const adoption_keys[AK_COUNT] = {"curve", "periods", "start", "ceiling"};

static void load_adoption(loader *L, airoi_item *it, const ynode *n, const char *base)
{
    const ynode *v[AK_COUNT], *k[AK_COUNT];
    char path[96];
    if (!airoi__ycollect(L, n, base, adoption_keys, AK_COUNT, v, k))
        return;
    int curve;
    double x;
    if (!v[AK_CURVE])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                     "%s: missing required key 'curve' (one of none, linear, s_curve, step)", base);
    else if (airoi__yget_enum(L, v[AK_CURVE], airoi__ypath(path, sizeof path, base, "curve"),
                              airoi__yname_curve, ITEM_RULE(ADOPTION_CURVE), &curve))
        item_set(L, it, AIROI_ITEM_ADOPTION_CURVE, curve, v[AK_CURVE], path);
    if (v[AK_PERIODS] &&
        airoi__yget_param(L, v[AK_PERIODS], airoi__ypath(path, sizeof path, base, "periods"),
                          ITEM_RULE(ADOPTION_PERIODS), &x))
        item_set(L, it, AIROI_ITEM_ADOPTION_PERIODS, x, v[AK_PERIODS], path);
    if (v[AK_START] &&
        airoi__yget_param(L, v[AK_START], airoi__ypath(path, sizeof path, base, "start"),
                          ITEM_RULE(ADOPTION_START), &x))
        item_set(L, it, AIROI_ITEM_ADOPTION_START, x, v[AK_START], path);
    if (v[AK_CEILING] &&
        airoi__yget_param(L, v[AK_CEILING], airoi__ypath(path, sizeof path, base, "ceiling"),
                          ITEM_RULE(ADOPTION_CEILING), &x))
        item_set(L, it, AIROI_ITEM_ADOPTION_CEILING, x, v[AK_CEILING], path);
}

static void load_amounts(loader *L, airoi_item *it, const ynode *n, const char *path, size_t *count)
{
    *count = 0;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, path, "a sequence of numbers (e.g. [60, 150, 220])");
        return;
    }
    if (n->n == 0) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                     "%s: expected at least one amount (e.g. [60, 150, 220]); leave amounts out to give "
                     "amount instead", path);
        return;
    }
    if (n->n > (size_t)AIROI_HORIZON_MAX + 1) {
        airoi__ydiag(L, AIROI_ERR_LIMIT, AT(n), "%s: %zu amounts; at most %d are allowed", path,
                     n->n, AIROI_HORIZON_MAX + 1);
        return;
    }
    double *a = airoi__calloc(n->n ? n->n : 1, sizeof *a);
    if (!a) {
        L->nomem = L->stop = 1;
        return;
    }
    int ok = 1;
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        char ep[96];
        if (!airoi__yget_num(L, n->kids[i], airoi__yindex(ep, sizeof ep, path, i), &a[i]))
            ok = 0;
    }
    if (ok && !L->stop) {
        *count = n->n;
        if (it) {
            int rc = airoi__item_set_amounts(it, a, n->n);
            if (rc)
                airoi__ysetter_failed(L, rc, n, path);
        }
    }
    airoi__free(a);
}

static void load_item_keys(loader *L, const ynode *n, int is_cost, size_t index)
{
    const char *list = is_cost ? "costs" : "values";
    char base[48], path[96], buf[128];
    airoi__yindex(base, sizeof base, list, index);
    const ynode *v[IK_COUNT], *k[IK_COUNT];
    if (!airoi__ycollect(L, n, base, is_cost ? cost_keys : value_keys, IK_COUNT, v, k))
        return;
    airoi_item *it = NULL;
    const char *name = NULL;
    int klass = -1;
    if (!v[IK_NAME])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: missing required key 'name'", base);
    else if (airoi__yget_str(L, v[IK_NAME], airoi__ypath(path, sizeof path, base, "name"), &name) &&
             !*name) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[IK_NAME]), "%s: expected a non-empty name", path);
        name = NULL;
    }
    const char *cls = is_cost ? "category" : "dimension";
    if (!v[IK_CLASS])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: missing required key '%s'", base, cls);
    else if (is_cost)
        airoi__yget_enum(L, v[IK_CLASS], airoi__ypath(path, sizeof path, base, cls),
                         airoi__yname_category, ITEM_RULE(CATEGORY), &klass);
    else
        airoi__yget_enum(L, v[IK_CLASS], airoi__ypath(path, sizeof path, base, cls),
                         airoi__yname_dimension, ITEM_RULE(DIMENSION), &klass);
    if (name) {
        const ynode *first = airoi__smap_get(&L->names, name, strlen(name));
        if (first) {
            airoi__ydiag(
                L, AIROI_ERR_MODEL, AT(v[IK_NAME]),
                "%s.name: duplicate item name %s; " AIROI__RULE_UNIQUE_ITEM_NAME
                " (first used at line %d)",
                base, airoi__yshow(buf, sizeof buf, name, strlen(name)), (int)first->line);
        } else {
            if (airoi__smap_put(&L->names, name, strlen(name), v[IK_NAME])) {
                L->nomem = L->stop = 1;
                return;
            }
            if (klass >= 0) {
                int rc = is_cost ? airoi__project_add_cost(&it, L->p, name, klass)
                                 : airoi__project_add_value(&it, L->p, name, klass);
                if (rc)
                    airoi__ysetter_failed(L, rc, v[IK_NAME],
                                          airoi__ypath(path, sizeof path, base, "name"));
                else
                    airoi__yadd_origin(L, is_cost ? ORIGIN_COSTS : ORIGIN_VALUES, n, index);
            }
        }
    }
    if (L->stop)
        return;

    double x;
    int e;
    /* the amount: one of three forms */
    int forms =
        (v[IK_AMOUNT] != NULL) + (v[IK_QUANTITY] || v[IK_UNIT_AMOUNT]) + (v[IK_AMOUNTS] != NULL);
    if (forms > 1)
        airoi__ydiag(
            L, AIROI_ERR_PARSE, AT(n),
            "%s: give the amount one way only: amount, quantity with unit_amount, or amounts",
            base);
    if (v[IK_QUANTITY] && !v[IK_UNIT_AMOUNT])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(k[IK_QUANTITY]),
                     "%s.quantity: needs unit_amount too (amount = quantity x unit_amount)", base);
    if (v[IK_UNIT_AMOUNT] && !v[IK_QUANTITY])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(k[IK_UNIT_AMOUNT]),
                     "%s.unit_amount: needs quantity too (amount = quantity x unit_amount)", base);
    if (v[IK_AMOUNT] &&
        airoi__yget_num(L, v[IK_AMOUNT], airoi__ypath(path, sizeof path, base, "amount"), &x))
        item_set(L, it, AIROI_ITEM_AMOUNT, x, v[IK_AMOUNT], path);
    if (v[IK_QUANTITY] &&
        airoi__yget_num(L, v[IK_QUANTITY], airoi__ypath(path, sizeof path, base, "quantity"), &x))
        item_set(L, it, AIROI_ITEM_QUANTITY, x, v[IK_QUANTITY], path);
    if (v[IK_UNIT_AMOUNT] &&
        airoi__yget_num(L, v[IK_UNIT_AMOUNT], airoi__ypath(path, sizeof path, base, "unit_amount"),
                        &x))
        item_set(L, it, AIROI_ITEM_UNIT_AMOUNT, x, v[IK_UNIT_AMOUNT], path);
    size_t n_amounts = 0;
    if (v[IK_AMOUNTS])
        load_amounts(L, it, v[IK_AMOUNTS], airoi__ypath(path, sizeof path, base, "amounts"),
                     &n_amounts);

    /* frequency: given, or once when only `at` is given, else the project period */
    int per = AIROI_PER_PERIOD, per_ok = 1;
    if (v[IK_PER]) {
        per_ok = 0;
        const ynode *pn = v[IK_PER];
        if (pn->kind == YN_SCALAR && !strcmp(airoi__ytext(L, pn), "period"))
            airoi__ydiag(
                L, AIROI_ERR_PARSE, AT(pn),
                "%s.per: expected one of once, month, quarter, year; got 'period' (omit per "
                "for amounts quoted per project period)",
                base);
        else if (airoi__yget_enum(L, pn, airoi__ypath(path, sizeof path, base, "per"),
                                  airoi__yname_per, ITEM_RULE(PER), &per)) {
            per_ok = 1;
            item_set(L, it, AIROI_ITEM_PER, per, pn, path);
        }
    } else if (v[IK_AT] && !v[IK_AMOUNTS]) {
        per = AIROI_PER_ONCE;
        item_set(L, it, AIROI_ITEM_PER, per, v[IK_AT], airoi__ypath(path, sizeof path, base, "at"));
    }
    int once = per == AIROI_PER_ONCE;
    if (per_ok && once && v[IK_AMOUNTS])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(k[IK_AMOUNTS]),
                     "%s.amounts: a one-time amount (per: once) cannot have a per-period list",
                     base);
    if (per_ok && !once && v[IK_AT])
        airoi__ydiag(
            L, AIROI_ERR_PARSE, AT(k[IK_AT]),
            "%s.at: 'at' is the period of a one-time amount (per: once); a recurring amount "
            "uses from and to",
            base);
    if (per_ok && once && (v[IK_FROM] || v[IK_TO]))
        airoi__ydiag(
            L, AIROI_ERR_PARSE, AT(k[v[IK_FROM] ? IK_FROM : IK_TO]),
            "%s.%s: from and to apply to recurring amounts; a one-time amount is paid at 'at'",
            base, v[IK_FROM] ? "from" : "to");

    /* the periods against the horizon are the validator's (load_document) */
    if (v[IK_AT] &&
        airoi__yget_param(L, v[IK_AT], airoi__ypath(path, sizeof path, base, "at"), ITEM_RULE(AT),
                          &x) &&
        once)
        item_set(L, it, AIROI_ITEM_AT, x, v[IK_AT], path);
    if (v[IK_FROM] &&
        airoi__yget_param(L, v[IK_FROM], airoi__ypath(path, sizeof path, base, "from"),
                          ITEM_RULE(FROM), &x) &&
        !once)
        item_set(L, it, AIROI_ITEM_FROM, x, v[IK_FROM], path);
    if (v[IK_TO] &&
        airoi__yget_param(L, v[IK_TO], airoi__ypath(path, sizeof path, base, "to"), ITEM_RULE(TO),
                          &x) &&
        !once)
        item_set(L, it, AIROI_ITEM_TO, x, v[IK_TO], path);
    if (v[IK_GROWTH] &&
        airoi__yget_param(L, v[IK_GROWTH], airoi__ypath(path, sizeof path, base, "growth"),
                          ITEM_RULE(GROWTH), &x))
        item_set(L, it, AIROI_ITEM_GROWTH, x, v[IK_GROWTH], path);
    const char *cur;
    if (v[IK_CURRENCY] &&
        airoi__yget_str(L, v[IK_CURRENCY], airoi__ypath(path, sizeof path, base, "currency"),
                        &cur)) {
        if (!*cur) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[IK_CURRENCY]),
                         "%s: expected a currency code; got ''", path);
        } else if (it) { /* its rate in fx is the validator's */
            int rc = airoi__item_set_string(it, AIROI_ITEM_CURRENCY, cur);
            if (rc)
                airoi__ysetter_failed(L, rc, v[IK_CURRENCY], path);
        }
    }
    /* lump against per, the list and the project period is the validator's */
    int payment;
    if (v[IK_PAYMENT] &&
        airoi__yget_enum(L, v[IK_PAYMENT], airoi__ypath(path, sizeof path, base, "payment"),
                         airoi__yname_payment, ITEM_RULE(PAYMENT), &payment))
        item_set(L, it, AIROI_ITEM_PAYMENT, payment, v[IK_PAYMENT], path);
    if (v[IK_RISK] &&
        airoi__yget_param(L, v[IK_RISK], airoi__ypath(path, sizeof path, base, "risk_adjustment"),
                          ITEM_RULE(RISK_ADJUSTMENT), &x))
        item_set(L, it, AIROI_ITEM_RISK_ADJUSTMENT, x, v[IK_RISK], path);
    airoi__yload_item_finance(L, it, base, v[IK_REAL], is_cost ? v + IK_CAPEX : NULL);
    if (is_cost)
        return;
    if (v[IK_REALIZATION] && airoi__yget_param(L, v[IK_REALIZATION],
                                               airoi__ypath(path, sizeof path, base, "realization"),
                                               ITEM_RULE(REALIZATION), &x))
        item_set(L, it, AIROI_ITEM_REALIZATION, x, v[IK_REALIZATION], path);
    if (v[IK_ATTRIBUTION] && airoi__yget_param(L, v[IK_ATTRIBUTION],
                                               airoi__ypath(path, sizeof path, base, "attribution"),
                                               ITEM_RULE(ATTRIBUTION), &x))
        item_set(L, it, AIROI_ITEM_ATTRIBUTION, x, v[IK_ATTRIBUTION], path);
    if (v[IK_MONETIZED] && airoi__yget_bool(L, v[IK_MONETIZED],
                                            airoi__ypath(path, sizeof path, base, "monetized"), &e))
        item_set(L, it, AIROI_ITEM_MONETIZED, e, v[IK_MONETIZED], path);
    if (v[IK_ADOPTION])
        load_adoption(L, it, v[IK_ADOPTION], airoi__ypath(path, sizeof path, base, "adoption"));
}

static void load_item(loader *L, const ynode *n, int is_cost, size_t index)
{
    int which = is_cost ? ORIGIN_COSTS : ORIGIN_VALUES;
    size_t n_before = L->n_origins[which], errors_before = L->nerrors;
    load_item_keys(L, n, is_cost, index);
    airoi__yclose_origin(L, which, n_before, errors_before);
}

void airoi__yload_items(loader *L, const ynode *n, int is_cost, size_t *total)
{
    const char *list = is_cost ? "costs" : "values";
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, list,
                           "a sequence of items (each a mapping starting with '- name:')");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        if (++*total > (size_t)AIROI_ITEMS_MAX) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, AT(n->kids[i]),
                         "%s[%zu]: more than %d items (costs and values), the limit", list, i,
                         AIROI_ITEMS_MAX);
            L->stop = 1;
            return;
        }
        load_item(L, n->kids[i], is_cost, i);
    }
}
