/*
 * lib/io/load-values.c: the loader's YAML-shape helpers (io layer): the
 * text of nodes, diagnostics, typed values (strings, numbers checked against
 * the parameter table, booleans, enumerations), the keys of a mapping
 * (unknown and duplicate keys), paths, and where items and scenarios came
 * from. Only the shape of the file is judged here; what a value may be is
 * the parameter table's, what values may be together the validator's.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "load-private.h"

const char *airoi__ytext(const loader *L, const ynode *n)
{
    return L->pool + n->off;
}

const void *airoi__smap_get(const smap *m, const char *k, size_t len)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    uint64_t h = airoi__hash_str(k, len);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        const smap_ent *e = &m->e[i];
        if (!e->k)
            return NULL;
        if (e->h == h && e->len == len && memcmp(e->k, k, len) == 0)
            return e->v;
    }
}

/* Moves the entries into a table of cap slots (a power of two). */
static int smap_grow(smap *m, size_t cap)
{
    smap_ent *e = airoi__calloc(cap, sizeof *e);
    if (!e)
        return AIROI_ERR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->e[i].k)
            continue;
        size_t j = (size_t)m->e[i].h & (cap - 1);
        while (e[j].k)
            j = (j + 1) & (cap - 1);
        e[j] = m->e[i];
    }
    airoi__free(m->e);
    m->e = e;
    m->cap = cap;
    return AIROI_OK;
}

int airoi__smap_reserve(smap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 16;
    while ((n + 1) * 2 > cap && cap < ((size_t)1 << 40))
        cap *= 2;
    return cap > m->cap ? smap_grow(m, cap) : AIROI_OK;
}

/* Inserts or replaces; returns AIROI_OK or AIROI_ERR_NOMEM. */
int airoi__smap_put(smap *m, const char *k, size_t len, const void *v)
{
    if ((m->n + 1) * 2 > m->cap && smap_grow(m, m->cap ? m->cap * 2 : 16))
        return AIROI_ERR_NOMEM;
    size_t mask = m->cap - 1;
    uint64_t h = airoi__hash_str(k, len);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        smap_ent *e = &m->e[i];
        if (!e->k) {
            e->k = k;
            e->len = len;
            e->v = v;
            e->h = h;
            m->n++;
            return AIROI_OK;
        }
        if (e->h == h && e->len == len && memcmp(e->k, k, len) == 0) {
            e->v = v;
            return AIROI_OK;
        }
    }
}

void airoi__smap_free(smap *m)
{
    airoi__free(m->e);
    m->e = NULL;
    m->n = m->cap = 0;
}

/* Adds a diagnostic; after AIROI__IO_MAX_DIAGS, one last note and the walk stops. */
void airoi__ydiag(loader *L, int status, int32_t line, int32_t col, const char *fmt, ...)
{
    if (L->nomem || L->too_many)
        return;
    if (L->d->n >= AIROI__IO_MAX_DIAGS) {
        L->too_many = 1;
        L->stop = 1;
        if (status == AIROI__DIAG_WARNING)
            status = AIROI_ERR_LIMIT; /* the load cannot succeed with problems untold */
        L->nerrors++;
        if (airoi__diags_add(L->d, status, line, col,
                             "too many problems (more than %u); the rest are not reported",
                             AIROI__IO_MAX_DIAGS))
            L->nomem = 1;
        return;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (status != AIROI__DIAG_WARNING)
        L->nerrors++;
    if (airoi__diags_add(L->d, status, line, col, "%s", msg)) {
        L->nomem = 1;
        L->stop = 1;
    }
}

/* A number as the shortest text that reads back exactly, for messages. */
const char *airoi__ynumtxt(char *buf, double v)
{
    airoi__format_double(buf, 32, v);
    return buf;
}

/* Writes `'text'` (shortened, control characters escaped) for messages. */
const char *airoi__yshow(char *buf, size_t cap, const char *s, size_t len)
{
    size_t o = 0;
    size_t limit = cap > 16 ? cap - 8 : cap / 2;
    buf[o++] = '\'';
    size_t i = 0;
    for (; i < len && o < limit; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) {
            if (o + 4 >= limit)
                break;
            o += (size_t)snprintf(buf + o, cap - o, "\\x%02x", c);
        } else {
            buf[o++] = (char)c;
        }
    }
    if (i < len) {
        /* do not cut a UTF-8 sequence in the middle */
        while (o > 1 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80)
            o--;
        if (o > 1 && ((unsigned char)buf[o - 1] & 0xC0) == 0xC0)
            o--;
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o++] = '\'';
    buf[o] = '\0';
    return buf;
}

int airoi__yis_null(const loader *L, const ynode *n)
{
    if (n->kind != YN_SCALAR || n->quoted)
        return 0;
    const char *s = airoi__ytext(L, n);
    if (n->len == 0)
        return 1;
    if (s[0] != '~' && s[0] != 'n' && s[0] != 'N')
        return 0; /* the usual case, without a comparison */
    return strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
           strcmp(s, "NULL") == 0;
}

/* "a mapping", "a sequence", "null", "the quoted string '3'", "'weekly'". */
const char *airoi__ydescribe(const loader *L, const ynode *n, char *buf, size_t cap)
{
    if (n->kind == YN_MAP)
        return "a mapping";
    if (n->kind == YN_SEQ)
        return "a sequence";
    if (airoi__yis_null(L, n))
        return "null (an empty value)";
    char tmp[96];
    airoi__yshow(tmp, sizeof tmp, airoi__ytext(L, n), n->len);
    snprintf(buf, cap, "%s%s", n->quoted ? "the quoted string " : "", tmp);
    return buf;
}

void airoi__ytype_error(loader *L, const ynode *n, const char *path, const char *expected)
{
    char buf[128];
    airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: expected %s; got %s", path, expected,
                 airoi__ydescribe(L, n, buf, sizeof buf));
}

/* ---- pass 2: typed values --------------------------------------------------------- */

int airoi__yget_str(loader *L, const ynode *n, const char *path, const char **out)
{
    if (n->kind != YN_SCALAR || airoi__yis_null(L, n)) {
        airoi__ytype_error(L, n, path, "a string");
        return 0;
    }
    if (strlen(airoi__ytext(L, n)) != n->len) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: the string contains a NUL character", path);
        return 0;
    }
    if (n->len > AIROI_NAME_MAX) {
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                     "%s: the string is %zu bytes long; at most %d are allowed", path, n->len,
                     AIROI_NAME_MAX);
        return 0;
    }
    *out = airoi__ytext(L, n);
    return 1;
}

int airoi__yget_num(loader *L, const ynode *n, const char *path, double *out)
{
    if (n->kind != YN_SCALAR || n->quoted || airoi__yis_null(L, n)) {
        airoi__ytype_error(L, n, path, "a number");
        return 0;
    }
    char buf[128];
    switch (airoi__yaml_number(out, airoi__ytext(L, n), n->len)) {
    case 0: return 1;
    case 2:
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: expected a finite number; got %s", path,
                     airoi__yshow(buf, sizeof buf, airoi__ytext(L, n), n->len));
        return 0;
    case 3:
        airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                     "%s: expected a finite number; got %s, which overflows a double", path,
                     airoi__yshow(buf, sizeof buf, airoi__ytext(L, n), n->len));
        return 0;
    default: airoi__ytype_error(L, n, path, "a number"); return 0;
    }
}

/* A number that its rule in the model layer's table (lib/model/rules.c)
 * accepts, refused with the table's words; above a limit is AIROI_ERR_LIMIT. */
int airoi__yget_param(loader *L, const ynode *n, const char *path, const airoi__rule *r,
                      double *out)
{
    double v;
    char why[256];
    if (!airoi__yget_num(L, n, path, &v))
        return 0;
    int rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc) {
        airoi__ydiag(L, rc == AIROI_ERR_LIMIT ? AIROI_ERR_LIMIT : AIROI_ERR_PARSE, AT(n), "%s: %s",
                     path, why);
        return 0;
    }
    *out = v;
    return 1;
}

int airoi__yget_bool(loader *L, const ynode *n, const char *path, int *out)
{
    if (n->kind == YN_SCALAR && !n->quoted) {
        const char *s = airoi__ytext(L, n);
        if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")) {
            *out = 1;
            return 1;
        }
        if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) {
            *out = 0;
            return 1;
        }
    }
    airoi__ytype_error(L, n, path, "true or false");
    return 0;
}

/* An enumeration spelled as in the model format; its rule lists the spellings. */
#define NAME_READER(fam)                                                                     \
    int airoi__yname_##fam(int *out, const char *name)                                       \
    {                                                                                        \
        airoi_##fam v;                                                                       \
        int rc = airoi__##fam##_from_name(&v, name);                                         \
        if (rc == AIROI_OK)                                                                  \
            *out = (int)v;                                                                   \
        return rc;                                                                           \
    }
NAME_READER(period)
NAME_READER(per)
NAME_READER(category)
NAME_READER(dimension)
NAME_READER(stage)
NAME_READER(curve)
NAME_READER(payment)

int airoi__yget_enum(loader *L, const ynode *n, const char *path, from_name_fn fn,
                     const airoi__rule *r, int *out)
{
    int v;
    if (n->kind == YN_SCALAR && !airoi__yis_null(L, n) && strlen(airoi__ytext(L, n)) == n->len &&
        fn(&v, airoi__ytext(L, n)) == AIROI_OK) {
        *out = v;
        return 1;
    }
    const char *expected = r->expected;
    if (n->kind != YN_SCALAR || airoi__yis_null(L, n)) {
        airoi__ytype_error(L, n, path, expected);
        return 0;
    }
    char buf[128];
    airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "%s: expected %s; got %s", path, expected,
                 airoi__yshow(buf, sizeof buf, airoi__ytext(L, n), n->len));
    return 0;
}

/* Records the values of the known keys of a mapping; unknown, duplicate and
 * non-scalar keys are diagnosed. Returns 0 if `map` is not a mapping. */
int airoi__ycollect(loader *L, const ynode *map, const char *path, const char *const *keys,
                    size_t nkeys, const ynode **vals, const ynode **keynodes)
{
    for (size_t k = 0; k < nkeys; k++) {
        vals[k] = NULL;
        if (keynodes)
            keynodes[k] = NULL;
    }
    if (map->kind != YN_MAP) {
        airoi__ytype_error(L, map, path, "a mapping");
        return 0;
    }
    for (size_t i = 0; i + 1 < map->n && !L->stop; i += 2) {
        const ynode *key = map->kids[i];
        char buf[128];
        if (key->kind != YN_SCALAR) {
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(key), "%s: expected a key (a string); got %s", path,
                         airoi__ydescribe(L, key, buf, sizeof buf));
            continue;
        }
        /* the first byte first: most keys differ there (and a NUL inside
         * the key's text never matches: keys[k] has none) */
        const char *kt = airoi__ytext(L, key);
        size_t k = 0;
        while (k < nkeys && !(keys[k][0] == kt[0] && strlen(keys[k]) == key->len &&
                              memcmp(keys[k], kt, key->len) == 0))
            k++;
        if (k == nkeys) {
            char list[512];
            size_t o = 0;
            for (size_t j = 0; j < nkeys && o < sizeof list; j++)
                o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", j ? ", " : "", keys[j]);
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(key), "%s%sunknown key %s; expected one of %s",
                         path, *path ? ": " : "",
                         airoi__yshow(buf, sizeof buf, airoi__ytext(L, key), key->len), list);
            continue;
        }
        if (vals[k]) {
            const ynode *first = keynodes ? keynodes[k] : NULL;
            if (first)
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(key),
                             "%s%s%s: duplicate key (first given at line %d, column %d)", path,
                             *path ? "." : "", keys[k], (int)first->line, (int)first->col);
            else
                airoi__ydiag(L, AIROI_ERR_PARSE, AT(key), "%s%s%s: duplicate key", path,
                             *path ? "." : "", keys[k]);
            continue;
        }
        vals[k] = map->kids[i + 1];
        if (keynodes)
            keynodes[k] = key;
    }
    return 1;
}

/* Path of a key under `base`. */
const char *airoi__ypath(char *buf, size_t cap, const char *base, const char *key)
{
    /* on the hot path of every key: no printf */
    size_t lb = strlen(base), lk = strlen(key), o = 0;
    if (lb + 1 + lk + 1 > cap) {
        lb = 0;
        lk = lk < cap - 1 ? lk : cap - 1;
    }
    memcpy(buf, base, lb);
    o = lb;
    if (lb)
        buf[o++] = '.';
    memcpy(buf + o, key, lk);
    buf[o + lk] = '\0';
    return buf;
}

const char *airoi__yindex(char *buf, size_t cap, const char *base, size_t i)
{
    /* on the hot path of every item and list entry: no printf */
    char digits[24];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    size_t o = 0;
    for (const char *c = base; *c && o + 1 < cap; c++)
        buf[o++] = *c;
    if (o + 1 < cap)
        buf[o++] = '[';
    while (nd && o + 1 < cap)
        buf[o++] = digits[--nd];
    if (o + 1 < cap)
        buf[o++] = ']';
    buf[o] = '\0';
    return buf;
}

void airoi__ysetter_failed(loader *L, int rc, const ynode *n, const char *path)
{
    if (rc == AIROI_ERR_NOMEM) {
        L->nomem = 1;
        L->stop = 1;
        return;
    }
    airoi__ydiag(L, rc == AIROI_ERR_LIMIT ? AIROI_ERR_LIMIT : AIROI_ERR_PARSE, AT(n), "%s: %s",
                 path, airoi__error_get());
    if (rc == AIROI_ERR_LIMIT)
        L->stop = 1; /* one diagnostic for a limit, as the loader's own limits */
}

/* Records where the next item or scenario of the project comes from. */
void airoi__yadd_origin(loader *L, int which, const ynode *node, size_t index)
{
    if (airoi__grow((void **)&L->origins[which], &L->cap_origins[which], L->n_origins[which],
                    sizeof *L->origins[which]) != AIROI_OK) {
        L->nomem = L->stop = 1;
        return;
    }
    L->origins[which][L->n_origins[which]++] = (origin){node, index, 1};
}

/* After loading one item or scenario: it is clean when it added no error. */
void airoi__yclose_origin(loader *L, int which, size_t n_before, size_t errors_before)
{
    if (L->n_origins[which] > n_before)
        L->origins[which][n_before].clean = L->nerrors == errors_before;
}
