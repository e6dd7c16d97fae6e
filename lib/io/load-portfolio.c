/*
 * lib/io/load-portfolio.c: portfolio files (io layer): `airoi: 1` with
 * `portfolio:`, `fx:` and `projects:`, each project a model file (its path
 * relative to the portfolio file) or a model inline (docs/portfolio.md).
 * Every problem is a diagnostic at its line and column; a problem of a
 * project file is placed at the entry's `file` value and names the project
 * file with its own position. Inline projects are walked by the model
 * loader itself (airoi__yload_document) on the same tree, so their
 * positions are those of the portfolio file.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "load-private.h"
#include "portfolio-private.h"
#include "rules-private.h"

enum { PK_AIROI, PK_PORTFOLIO, PK_FX, PK_PROJECTS, PK_COUNT };
static const char *const doc_keys[PK_COUNT] = {"airoi", "portfolio", "fx", "projects"};

enum { SK_NAME, SK_CURRENCY, SK_BUDGET, SK_MEASURE, SK_COUNT };
static const char *const settings_keys[SK_COUNT] = {"name", "currency", "budget", "measure"};

enum { EK_FILE, EK_MANDATORY, EK_COUNT };
static const char *const file_keys[EK_COUNT] = {"file", "mandatory"};

typedef struct pf_loader {
    loader L;
    airoi_portfolio *pf;
    const char *path; /* the portfolio file */
} pf_loader;

/* Reports the thread's message (a refusal of the portfolio API) at n. */
static void api_refused(loader *L, int rc, const ynode *n, const char *path)
{
    if (rc == AIROI_ERR_NOMEM) {
        L->nomem = 1;
        L->stop = 1;
        return;
    }
    airoi__ydiag(L, rc == AIROI_ERR_LIMIT ? AIROI_ERR_LIMIT : AIROI_ERR_MODEL, AT(n), "%s: %s",
                 path, airoi__error_get());
    if (rc == AIROI_ERR_LIMIT)
        L->stop = 1;
}

static void load_settings(pf_loader *P, const ynode *root, const ynode *n)
{
    loader *L = &P->L;
    if (!n) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(root),
                     "missing required key 'portfolio' (a mapping with name, currency, budget "
                     "and measure)");
        return;
    }
    const ynode *v[SK_COUNT], *k[SK_COUNT];
    if (!airoi__ycollect(L, n, "portfolio", settings_keys, SK_COUNT, v, k)) {
        airoi__ytype_error(L, n, "portfolio", "a mapping with name, currency, budget, measure");
        return;
    }
    const char *name = NULL, *currency = NULL;
    if (!v[SK_NAME])
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(n), "portfolio: missing required key 'name'");
    else
        airoi__yget_str(L, v[SK_NAME], "portfolio.name", &name);
    if (!v[SK_CURRENCY])
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(n),
                     "portfolio: missing required key 'currency' (what totals are reported in)");
    else
        airoi__yget_str(L, v[SK_CURRENCY], "portfolio.currency", &currency);
    if (!name || !currency || L->stop)
        return;
    if (!*name) {
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(v[SK_NAME]), "portfolio.name: expected a name; got ''");
        return;
    }
    if (!airoi__iso4217_known(currency)) {
        char shown[80];
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(v[SK_CURRENCY]),
                     "portfolio.currency: expected an ISO 4217 code (e.g. USD, EUR, TWD); got %s",
                     airoi__yshow(shown, sizeof shown, currency, strlen(currency)));
        return;
    }
    int rc = airoi__portfolio_new(&P->pf, name, currency);
    if (rc) {
        api_refused(L, rc, v[SK_NAME], "portfolio");
        return;
    }
    double budget;
    if (v[SK_BUDGET] && airoi__yget_num(L, v[SK_BUDGET], "portfolio.budget", &budget)) {
        if (budget < 0)
            airoi__ydiag(L, AIROI_ERR_MODEL, AT(v[SK_BUDGET]),
                         "portfolio.budget: expected a number >= 0; got %s", NUMTXT(budget));
        else if ((rc = airoi__portfolio_set_budget(P->pf, budget)) != AIROI_OK)
            api_refused(L, rc, v[SK_BUDGET], "portfolio.budget");
    }
    const char *measure = NULL;
    if (v[SK_MEASURE] && airoi__yget_str(L, v[SK_MEASURE], "portfolio.measure", &measure)) {
        airoi_portfolio_measure m;
        if (airoi__portfolio_measure_from_name(&m, measure) != AIROI_OK) {
            char shown[80];
            airoi__ydiag(L, AIROI_ERR_MODEL, AT(v[SK_MEASURE]),
                         "portfolio.measure: expected first_year_costs, tco or pv_costs; got %s",
                         airoi__yshow(shown, sizeof shown, measure, strlen(measure)));
        } else {
            airoi__portfolio_set_measure(P->pf, m);
        }
    }
}

static void load_fx(pf_loader *P, const ynode *n)
{
    loader *L = &P->L;
    if (airoi__yis_null(L, n))
        return;
    if (n->kind != YN_MAP) {
        airoi__ytype_error(L, n, "fx", "a mapping of currency codes to rates (fx: {EUR: 1.08})");
        return;
    }
    for (size_t i = 0; i + 1 < n->n && !L->stop; i += 2) {
        const ynode *k = n->kids[i], *v = n->kids[i + 1];
        const char *cur = NULL;
        double rate;
        char path[64];
        if (!airoi__yget_str(L, k, "fx", &cur))
            continue;
        snprintf(path, sizeof path, "fx.%.40s", cur);
        if (!airoi__yget_num(L, v, path, &rate))
            continue;
        if (!airoi__iso4217_known(cur)) {
            char shown[80];
            airoi__ydiag(L, AIROI_ERR_MODEL, AT(k),
                         "fx: %s is not an ISO 4217 currency code (e.g. USD, EUR, TWD)",
                         airoi__yshow(shown, sizeof shown, cur, strlen(cur)));
            continue;
        }
        if (rate <= 0) {
            airoi__ydiag(L, AIROI_ERR_MODEL, AT(v), "%s: expected a rate > 0 (1 %s = RATE %s); got %s",
                         path, cur, P->pf->currency,
                         NUMTXT(rate));
            continue;
        }
        int rc = airoi__portfolio_set_fx(P->pf, cur, rate);
        if (rc)
            api_refused(L, rc, k, path);
    }
}

/* The directory part of path with its separator ("" when none). */
static size_t dir_len(const char *path)
{
    size_t n = strlen(path);
    while (n > 0 && path[n - 1] != '/' && path[n - 1] != '\\')
        n--;
    return n;
}

static int is_absolute(const char *f)
{
    return f[0] == '/' || f[0] == '\\' ||
           (((f[0] | 0x20) >= 'a' && (f[0] | 0x20) <= 'z') && f[1] == ':');
}

static void load_file_entry(pf_loader *P, const ynode *entry, size_t i, const char *epath)
{
    loader *L = &P->L;
    const ynode *v[EK_COUNT], *k[EK_COUNT];
    airoi__ycollect(L, entry, epath, file_keys, EK_COUNT, v, k);
    char path[96];
    const char *file = NULL;
    int mandatory = 0;
    if (!airoi__yget_str(L, v[EK_FILE], airoi__ypath(path, sizeof path, epath, "file"), &file))
        return;
    if (v[EK_MANDATORY] &&
        !airoi__yget_bool(L, v[EK_MANDATORY], airoi__ypath(path, sizeof path, epath, "mandatory"),
                          &mandatory))
        return;
    if (!*file) {
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(v[EK_FILE]), "%s.file: empty file name", epath);
        return;
    }
    size_t dl = is_absolute(file) ? 0 : dir_len(P->path);
    size_t fl = strlen(file);
    char *full = airoi__malloc(dl + fl + 1);
    if (!full) {
        L->nomem = L->stop = 1;
        return;
    }
    memcpy(full, P->path, dl);
    memcpy(full + dl, file, fl + 1);
    airoi_project *p = NULL;
    airoi_diagnostics *sd = NULL;
    int rc = airoi__model_load_file(&p, &sd, full, 0);
    if (rc == AIROI_ERR_NOMEM) {
        L->nomem = L->stop = 1;
    } else if (rc != AIROI_OK) {
        size_t nd = airoi__diagnostics_count(sd);
        for (size_t j = 0; j < nd && !L->stop; j++) {
            int st = AIROI_ERR_MODEL;
            airoi__diagnostics_get_status(&st, sd, j);
            if (st == AIROI__DIAG_WARNING)
                continue;
            airoi__ydiag(L, st, AT(v[EK_FILE]), "%s.file: the project file is invalid: %s",
                         epath, airoi__diagnostics_get_text(sd, j));
        }
        if (nd == 0)
            airoi__ydiag(L, rc, AT(v[EK_FILE]), "%s.file: cannot load the project file %s: %s",
                         epath, full, airoi__error_get());
    } else {
        rc = airoi__portfolio_adopt_project(P->pf, p, mandatory, full);
        if (rc)
            api_refused(L, rc, entry, epath);
    }
    (void)i;
    airoi__diagnostics_free(sd);
    airoi__free(full);
}

static void load_inline_entry(pf_loader *P, const ynode *entry, const char *epath)
{
    loader *L = &P->L;
    /* the entry without its `mandatory` key, for the model loader */
    ynode shown = *entry;
    const ynode *mand = NULL;
    shown.kids = airoi__calloc(entry->n ? entry->n : 1, sizeof *shown.kids);
    if (!shown.kids) {
        L->nomem = L->stop = 1;
        return;
    }
    shown.n = 0;
    for (size_t i = 0; i + 1 < entry->n; i += 2) {
        const ynode *k = entry->kids[i];
        if (k->kind == YN_SCALAR && k->len == 9 && !memcmp(airoi__ytext(L, k), "mandatory", 9)) {
            mand = entry->kids[i + 1];
            continue;
        }
        shown.kids[shown.n++] = entry->kids[i];
        shown.kids[shown.n++] = entry->kids[i + 1];
    }
    int mandatory = 0;
    char path[96];
    if (mand &&
        !airoi__yget_bool(L, mand, airoi__ypath(path, sizeof path, epath, "mandatory"), &mandatory)) {
        airoi__free(shown.kids);
        return;
    }
    loader S = *L;
    memset((char *)&S + offsetof(loader, p), 0, sizeof S - offsetof(loader, p));
    S.inline_entry = 1;
    S.nerrors = 0;
    S.root = &shown;
    airoi__yload_document(&S);
    L->nomem |= S.nomem;
    L->stop |= S.stop;
    L->too_many |= S.too_many;
    L->nerrors += S.nerrors;
    airoi__yload_release(&S);
    airoi__free(shown.kids);
    if (S.p && S.nerrors == 0 && !S.nomem) {
        int rc = airoi__portfolio_adopt_project(P->pf, S.p, mandatory, NULL);
        if (rc)
            api_refused(L, rc, entry, epath);
    } else {
        airoi__project_free(S.p);
    }
}

static void load_projects(pf_loader *P, const ynode *root, const ynode *n)
{
    loader *L = &P->L;
    if (!n || airoi__yis_null(L, n)) {
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(n ? n : root),
                     "missing projects: 'projects' lists model files ({file: churn.yaml}) or "
                     "inline projects");
        return;
    }
    if (n->kind != YN_SEQ) {
        airoi__ytype_error(L, n, "projects", "a sequence of project entries");
        return;
    }
    if (n->n == 0)
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(n),
                     "projects: expected at least one project ({file: FILE} or inline)");
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *e = n->kids[i];
        char epath[48];
        snprintf(epath, sizeof epath, "projects[%zu]", i);
        if (e->kind != YN_MAP) {
            airoi__ytype_error(L, e, epath, "a mapping ({file: FILE} or an inline project)");
            continue;
        }
        int has_file = 0;
        for (size_t j = 0; j + 1 < e->n; j += 2)
            if (e->kids[j]->kind == YN_SCALAR && e->kids[j]->len == 4 &&
                !memcmp(airoi__ytext(L, e->kids[j]), "file", 4))
                has_file = 1;
        if (has_file)
            load_file_entry(P, e, i, epath);
        else
            load_inline_entry(P, e, epath);
    }
    /* shared drivers: every use the same law, none correlated (docs/portfolio.md) */
    size_t bad = 0;
    if (!L->stop && L->nerrors == 0 && airoi__portfolio_count_projects(P->pf) == n->n &&
        airoi__portfolio_check_drivers(P->pf, &bad) != AIROI_OK)
        airoi__ydiag(L, AIROI_ERR_MODEL, AT(n->kids[bad]), "projects[%zu]: %s", bad,
                     airoi__error_get());
}

static void load_portfolio(pf_loader *P)
{
    loader *L = &P->L;
    const ynode *root = L->root;
    if (!root || airoi__yis_null(L, root)) {
        airoi__ydiag(L, AIROI_ERR_PARSE, root ? root->line : 1, root ? root->col : 1,
                     "empty portfolio file; expected 'airoi: 1', 'portfolio:' and 'projects:'");
        return;
    }
    if (root->kind != YN_MAP) {
        airoi__ytype_error(L, root, "portfolio file", "a mapping with airoi, portfolio, fx, projects");
        return;
    }
    const ynode *v[PK_COUNT], *k[PK_COUNT];
    airoi__ycollect(L, root, "", doc_keys, PK_COUNT, v, k);
    if (L->stop)
        return;
    double ver;
    if (!v[PK_AIROI])
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(root),
                     "missing required key 'airoi' (the format version); expected 'airoi: 1'");
    else if (airoi__yget_num(L, v[PK_AIROI], "airoi", &ver) && ver != 1)
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(v[PK_AIROI]),
                     "airoi: unsupported format version %s; this library reads version 1",
                     NUMTXT(ver));
    load_settings(P, root, v[PK_PORTFOLIO]);
    if (!P->pf || L->stop)
        return;
    if (v[PK_FX])
        load_fx(P, v[PK_FX]);
    if (!L->stop)
        load_projects(P, root, v[PK_PROJECTS]);
}

static int read_all(char **out, size_t *len_out, const char *path)
{
    FILE *f = airoi__fopen(path, "rb");
    if (!f)
        return errno ? errno : EIO;
    size_t cap = 16 * 1024, len = 0;
    char *buf = airoi__malloc(cap);
    int err = 0;
    while (buf) {
        if (len == cap) {
            if (cap > AIROI_MODEL_MAX_BYTES) {
                err = EFBIG;
                break;
            }
            char *nb = airoi__realloc(buf, cap * 2);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f))
                err = EIO;
            break;
        }
    }
    fclose(f);
    if (!buf || err) {
        airoi__free(buf);
        return buf ? err : ENOMEM;
    }
    *out = buf;
    *len_out = len;
    return 0;
}

int airoi__portfolio_load_file(airoi_portfolio **out, airoi_diagnostics **diags_out,
                               const char *path, unsigned flags)
{
    if (out)
        *out = NULL;
    if (diags_out)
        *diags_out = NULL;
    if (!out || !path)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_load_file: NULL argument");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_load_file: unknown flags 0x%x",
                            flags);
    pf_loader P;
    memset(&P, 0, sizeof P);
    P.path = path;
    loader *L = &P.L;
    L->d = airoi__diags_new(path);
    if (!L->d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while loading a portfolio");
    char *data = NULL;
    size_t len = 0;
    int err = read_all(&data, &len, path);
    if (err == ENOMEM) {
        L->nomem = 1;
    } else if (err) {
        char ebuf[128] = "error";
        if (strerror_r(err, ebuf, sizeof ebuf) != 0)
            snprintf(ebuf, sizeof ebuf, "error %d", err);
        airoi__ydiag(L, AIROI_ERR_IO, 0, 0, "cannot read the portfolio file: %s", ebuf);
    } else {
        const char *d = data;
        if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) {
            d += 3;
            len -= 3;
        }
        L->data = d;
        L->data_len = len;
        airoi__ytree_build(L);
        if (!L->stop && !L->nomem)
            load_portfolio(&P);
        airoi__ytree_free(L);
    }
    airoi__free(data);
    airoi_diagnostics *d = L->d;
    int status = L->nomem ? AIROI_ERR_NOMEM : d->n ? airoi__diags_status(d) : AIROI_OK;
    if (status == AIROI_OK && !P.pf)
        status = AIROI_ERR_PARSE;
    if (status != AIROI_OK) {
        airoi__portfolio_free(P.pf);
        P.pf = NULL;
    }
    if (status == AIROI_ERR_NOMEM) {
        airoi__diagnostics_free(d);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while loading a portfolio");
    }
    airoi__diags_sort(d);
    int rc = status;
    if (status != AIROI_OK)
        rc = airoi__error(status, "%s", d->n ? d->v[0].text : "cannot load the portfolio");
    else
        airoi__error_clear();
    *out = P.pf;
    if (diags_out)
        *diags_out = d;
    else
        airoi__diagnostics_free(d);
    return rc;
}

AIROI_API int airoi_portfolio_load_file(airoi_portfolio **out, airoi_diagnostics **diags_out,
                                        const char *path, unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_load_file(out, diags_out, path, flags);
}

/* ---- saving ------------------------------------------------------------------------- */

int airoi__portfolio_save_buffer(char **out, size_t *len_out, const airoi_portfolio *pf,
                                 unsigned flags)
{
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !pf)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_save_buffer: NULL argument");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_portfolio_save_buffer: unknown flags 0x%x",
                            flags);
    airoi__buf b;
    airoi__buf_init(&b);
    char num[40];
    airoi__buf_puts(&b, "airoi: 1\nportfolio:\n  name: ");
    airoi__buf_puts(&b, "\"");
    for (const unsigned char *c = (const unsigned char *)pf->name; *c; c++) {
        if (*c == '"' || *c == '\\')
            airoi__buf_printf(&b, "\\%c", *c);
        else if (*c < 0x20 || *c == 0x7F)
            airoi__buf_printf(&b, "\\x%02X", (unsigned)*c);
        else
            airoi__buf_append(&b, (const char *)c, 1);
    }
    airoi__buf_puts(&b, "\"");
    airoi__buf_printf(&b, "\n  currency: %s\n", pf->currency);
    if (pf->has_budget) {
        airoi__format_double(num, sizeof num, pf->budget);
        airoi__buf_printf(&b, "  budget: %s\n", num);
    }
    airoi__buf_printf(&b, "  measure: %s\n", airoi__portfolio_measure_name(pf->measure));
    if (pf->n_fx) {
        airoi__buf_puts(&b, "fx:\n");
        for (size_t i = 0; i < pf->n_fx; i++) {
            airoi__format_double(num, sizeof num, pf->fx_rate[i]);
            airoi__buf_printf(&b, "  %s: %s\n", pf->fx_cur[i], num);
        }
    }
    airoi__buf_puts(&b, "projects:\n");
    int rc = AIROI_OK;
    for (size_t i = 0; i < pf->n && rc == AIROI_OK; i++) {
        char *text = NULL;
        size_t tl = 0;
        rc = airoi__model_save_buffer(&text, &tl, pf->projects[i], 0);
        if (rc)
            break;
        /* the model's top-level keys, less `airoi`, as one list entry */
        int first = 1;
        for (char *line = text; line && *line;) {
            char *eol = strchr(line, '\n');
            size_t ll = eol ? (size_t)(eol - line) : strlen(line);
            int skip = ll == 0 || line[0] == '#' || (ll >= 6 && !memcmp(line, "airoi:", 6)) ||
                       (ll >= 3 && (!memcmp(line, "---", 3) || !memcmp(line, "...", 3)));
            if (!skip) {
                airoi__buf_puts(&b, first ? "  - " : "    ");
                airoi__buf_append(&b, line, ll);
                airoi__buf_puts(&b, "\n");
                first = 0;
            }
            line = eol ? eol + 1 : NULL;
        }
        if (pf->mandatory[i])
            airoi__buf_puts(&b, "    mandatory: true\n");
        airoi__free(text);
    }
    if (rc) {
        airoi__buf_free(&b);
        return rc;
    }
    return airoi__buf_detach(&b, out, len_out);
}

AIROI_API int airoi_portfolio_save_buffer(char **out, size_t *len_out, const airoi_portfolio *pf,
                                          unsigned flags)
{
    AIROI__ENTER();
    return airoi__portfolio_save_buffer(out, len_out, pf, flags);
}
