/*
 * lib/io/load-finance.c: the keys of capex, tax, inflation and terminal
 * value in a model file (io layer; docs/model-format.md#capex-and-tax):
 * capex, life, depreciation, salvage and real on items; tax, inflation,
 * terminal_value and the {rate, real} form of discount_rate on the
 * project. Values are checked against lib/model's rules; the rules between
 * them (a capital cost needs a life, g < r) are the validator's.
 */
#include <stdio.h>
#include <string.h>

#include "airoi/items.h"
#include "airoi/project.h"
#include "load-private.h"

int airoi__yname_depreciation(int *out, const char *name)
{
    return airoi__depreciation_from_name(out, name);
}

int airoi__yname_terminal(int *out, const char *name)
{
    return airoi__terminal_method_from_name(out, name);
}

/* Sets a project parameter read from node n (at path), reporting a refusal. */
static void project_set(loader *L, int param, double x, const ynode *n, const char *path)
{
    int rc = airoi__project_set_number(L->p, param, x);
    if (rc)
        airoi__ysetter_failed(L, rc, n, path);
}

/* A number or boolean parameter of the project at n. */
static void project_param(loader *L, const ynode *n, const char *path, int param)
{
    const airoi__rule *r = airoi__project_rule(param);
    double x;
    int b;
    if (!n)
        return;
    if (r->type == AIROI__PT_BOOL) {
        if (airoi__yget_bool(L, n, path, &b))
            project_set(L, param, b, n, path);
    } else if (airoi__yget_param(L, n, path, r, &x)) {
        project_set(L, param, x, n, path);
    }
}

void airoi__yload_item_finance(loader *L, airoi_item *it, const char *base, const ynode *real,
                               const ynode *const *capex)
{
    static const struct {
        const char *key;
        int param;
    } keys[] = {
        {"capex", AIROI_ITEM_CAPEX},
        {"life", AIROI_ITEM_LIFE},
        {"depreciation", AIROI_ITEM_DEPRECIATION},
        {"salvage", AIROI_ITEM_SALVAGE},
    };
    char path[128];
    int b;
    if (real && airoi__yget_bool(L, real, airoi__ypath(path, sizeof path, base, "real"), &b) &&
        it && (b = airoi__item_set_number(it, AIROI_ITEM_REAL, b)))
        airoi__ysetter_failed(L, b, real, path);
    for (size_t i = 0; capex && i < sizeof keys / sizeof keys[0]; i++) {
        const ynode *n = capex[i];
        if (!n)
            continue;
        airoi__ypath(path, sizeof path, base, keys[i].key);
        const airoi__rule *r = airoi__item_rule(keys[i].param);
        double x;
        int ok;
        if (r->type == AIROI__PT_BOOL) {
            ok = airoi__yget_bool(L, n, path, &b);
            x = b;
        } else if (r->type == AIROI__PT_ENUM) {
            ok = airoi__yget_enum(L, n, path, airoi__yname_depreciation, r, &b);
            x = b;
        } else {
            ok = airoi__yget_param(L, n, path, r, &x);
        }
        int rc;
        if (ok && it && (rc = airoi__item_set_number(it, keys[i].param, x)))
            airoi__ysetter_failed(L, rc, n, path);
    }
}

enum { TAX_RATE, TAX_CARRY, TAX_COUNT };
static const char *const tax_keys[TAX_COUNT] = {"rate", "loss_carryforward"};
enum { TV_METHOD, TV_GROWTH, TV_MULTIPLE, TV_COUNT };
static const char *const tv_keys[TV_COUNT] = {"method", "growth", "multiple"};

void airoi__yload_project_finance(loader *L, const ynode *tax, const ynode *inflation,
                                  const ynode *terminal)
{
    const ynode *v[TV_COUNT];
    if (tax && !airoi__yis_null(L, tax) &&
        airoi__ycollect(L, tax, "project.tax", tax_keys, TAX_COUNT, v, NULL)) {
        if (!v[TAX_RATE])
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(tax),
                         "project.tax: missing required key 'rate' (e.g. tax: {rate: 0.25})");
        project_param(L, v[TAX_RATE], "project.tax.rate", AIROI_PROJECT_TAX_RATE);
        project_param(L, v[TAX_CARRY], "project.tax.loss_carryforward",
                      AIROI_PROJECT_LOSS_CARRYFORWARD);
    }
    project_param(L, inflation, "project.inflation", AIROI_PROJECT_INFLATION);
    if (!terminal || airoi__yis_null(L, terminal) ||
        !airoi__ycollect(L, terminal, "project.terminal_value", tv_keys, TV_COUNT, v, NULL))
        return;
    int method;
    if (!v[TV_METHOD]) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(terminal),
                     "project.terminal_value: missing required key 'method' (gordon or "
                     "exit_multiple)");
        return;
    }
    if (!airoi__yget_enum(L, v[TV_METHOD], "project.terminal_value.method", airoi__yname_terminal,
                          PROJECT_RULE(TERMINAL_METHOD), &method))
        return;
    project_set(L, AIROI_PROJECT_TERMINAL_METHOD, method, v[TV_METHOD],
                "project.terminal_value.method");
    const char *needs = method == AIROI_TERMINAL_GORDON          ? "growth"
                        : method == AIROI_TERMINAL_EXIT_MULTIPLE ? "multiple"
                                                                 : NULL;
    const ynode *wrong = method == AIROI_TERMINAL_GORDON ? v[TV_MULTIPLE] : v[TV_GROWTH];
    if (method == AIROI_TERMINAL_NONE && !v[TV_GROWTH])
        wrong = v[TV_MULTIPLE];
    if (wrong) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(wrong),
                     "project.terminal_value: %s does not apply to method %s",
                     wrong == v[TV_GROWTH] ? "growth" : "multiple",
                     airoi__terminal_method_name(method));
        return;
    }
    if (needs && !v[method == AIROI_TERMINAL_GORDON ? TV_GROWTH : TV_MULTIPLE]) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(terminal),
                     "project.terminal_value: method %s needs %s",
                     airoi__terminal_method_name(method), needs);
        return;
    }
    project_param(L, v[TV_GROWTH], "project.terminal_value.growth", AIROI_PROJECT_TERMINAL_GROWTH);
    project_param(L, v[TV_MULTIPLE], "project.terminal_value.multiple",
                  AIROI_PROJECT_TERMINAL_MULTIPLE);
}

enum { DR_RATE, DR_REAL, DR_COUNT };
static const char *const dr_keys[DR_COUNT] = {"rate", "real"};

void airoi__yload_discount_map(loader *L, const ynode *n)
{
    const ynode *v[DR_COUNT];
    if (!airoi__ycollect(L, n, "project.discount_rate", dr_keys, DR_COUNT, v, NULL))
        return;
    if (!v[DR_RATE]) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                     "project.discount_rate: missing required key 'rate' (e.g. {rate: 0.05, "
                     "real: true})");
        return;
    }
    project_param(L, v[DR_RATE], "project.discount_rate.rate", AIROI_PROJECT_DISCOUNT_RATE);
    project_param(L, v[DR_REAL], "project.discount_rate.real", AIROI_PROJECT_DISCOUNT_REAL);
}
