/*
 * lib/io/load-narrative.c: the `narrative` section of a model file (io
 * layer): problem, solution, audience and risks, the words of the business
 * case. Any scalar is text (`owner: 2026` is the text "2026").
 */
#include <stdio.h>
#include <string.h>

#include "load-private.h"
#include "narrative-private.h"

enum { NK_PROBLEM, NK_SOLUTION, NK_AUDIENCE, NK_RISKS, NK_COUNT };
static const char *const narrative_keys[NK_COUNT] = {"problem", "solution", "audience", "risks"};

enum { RK_RISK, RK_MITIGATION, RK_OWNER, RK_COUNT };
static const char *const risk_keys[RK_COUNT] = {"risk", "mitigation", "owner"};

/* A text: any non-null scalar without NUL, at most AIROI_TEXT_MAX bytes. */
static int get_text(loader *L, const ynode *n, const char *path, const char **out)
{
    if (n->kind != YN_SCALAR || airoi__yis_null(L, n)) {
        airoi__ytype_error(L, n, path, "a text");
        return 0;
    }
    if (strlen(airoi__ytext(L, n)) != n->len) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: the text contains a NUL character", path);
        return 0;
    }
    if (n->len > AIROI_TEXT_MAX) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                     "%s: the text is %zu bytes long; at most %d are allowed", path, n->len,
                     AIROI_TEXT_MAX);
        return 0;
    }
    *out = airoi__ytext(L, n);
    return 1;
}

static void load_risks(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "narrative.risks",
                           "a sequence of risks (each a mapping with risk, mitigation, owner)");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *rn = n->kids[i];
        char base[48], path[96];
        snprintf(base, sizeof base, "narrative.risks[%zu]", i);
        if (i >= (size_t)AIROI_RISKS_MAX) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, AT(rn), "%s: more than %d risks, the limit", base,
                         AIROI_RISKS_MAX);
            L->stop = 1;
            return;
        }
        const ynode *v[RK_COUNT], *k[RK_COUNT];
        if (!airoi__ycollect(L, rn, base, risk_keys, RK_COUNT, v, k)) {
            airoi__ytype_error(L, rn, base, "a mapping with risk, mitigation and owner");
            continue;
        }
        const char *text[RK_COUNT] = {NULL, NULL, NULL};
        int ok = 1;
        for (int f = 0; f < RK_COUNT; f++)
            if (v[f] && !airoi__yis_null(L, v[f]) &&
                !get_text(L, v[f], airoi__ypath(path, sizeof path, base, risk_keys[f]), &text[f]))
                ok = 0;
        if (!v[RK_RISK] || airoi__yis_null(L, v[RK_RISK]) || (text[RK_RISK] && !*text[RK_RISK])) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(rn),
                         "%s: missing required key 'risk' (what may go wrong)", base);
            ok = 0;
        }
        if (!ok || !L->p)
            continue;
        int rc = airoi__project_add_risk(L->p, text[RK_RISK], text[RK_MITIGATION], text[RK_OWNER]);
        if (rc)
            airoi__ysetter_failed(L, rc, rn, base);
    }
}

void airoi__yload_narrative(loader *L, const ynode *n)
{
    if (airoi__yis_null(L, n))
        return;
    const ynode *v[NK_COUNT], *k[NK_COUNT];
    if (!airoi__ycollect(L, n, "narrative", narrative_keys, NK_COUNT, v, k)) {
        airoi__ytype_error(L, n, "narrative",
                           "a mapping with problem, solution, audience and risks");
        return;
    }
    for (int f = NK_PROBLEM; f <= NK_AUDIENCE && !L->stop; f++) {
        char path[48];
        const char *t;
        if (!v[f] || airoi__yis_null(L, v[f]))
            continue;
        if (!get_text(L, v[f], airoi__ypath(path, sizeof path, "narrative", narrative_keys[f]), &t))
            continue;
        if (L->p) {
            int rc = airoi__project_set_narrative(L->p, narrative_keys[f], t);
            if (rc)
                airoi__ysetter_failed(L, rc, v[f], path);
        }
    }
    if (v[NK_RISKS] && !L->stop)
        load_risks(L, v[NK_RISKS]);
}
