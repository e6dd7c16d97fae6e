/*
 * lib/io/load.c: loading a model file (YAML format v1, docs/model-format.md).
 *
 * Two passes. First the libyaml event stream is turned into a small tree of
 * our own (the limits on depth, node count and alias expansion are enforced
 * while it is built, so hostile input stops early). Then the tree is walked
 * along the schema of format v1: every key is checked, every problem is
 * recorded as a diagnostic with its line and column, and the project is
 * built only through the public model API. Aliases are followed by pointer,
 * never copied, and the nodes they can reach again are counted and capped.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "airoi/benchmark.h"
#include "airoi/dates.h"
#include "airoi/items.h"
#include "airoi/result.h"
#include "airoi/scenario.h"
#include "io-private.h"
#include "validate-private.h"
#include "rules-private.h"

/* ---- the tree --------------------------------------------------------------- */

enum { YN_SCALAR, YN_SEQ, YN_MAP };

typedef struct ynode {
    unsigned char kind;
    unsigned char quoted; /* scalar not plain (or tagged !!str): always a string */
    unsigned char open;   /* collection still being read (an alias to it is recursive) */
    int32_t line, col;    /* 1-based start */
    size_t off, len;      /* scalar text in the pool */
    struct ynode **kids;  /* sequence items; mapping keys and values alternate */
    size_t n, cap;
    uint64_t weight; /* nodes in the expanded subtree */
} ynode;

#define BLOCK_NODES 1024u

typedef struct anchor {
    char *name;
    ynode *node;
} anchor;

/* Small open-addressing hash map from strings (borrowed) to pointers. */
typedef struct smap_ent {
    const char *k;
    size_t len;
    const void *v;
} smap_ent;

typedef struct smap {
    smap_ent *e;
    size_t n, cap;
} smap;

/* One item or scenario of the project: its mapping in the file, its index
 * in its sequence, and whether it loaded without an error. */
typedef struct origin {
    const ynode *node;
    size_t index;
    int clean;
} origin;

enum { ORIGIN_COSTS, ORIGIN_VALUES, ORIGIN_SCENARIOS };

typedef struct loader {
    airoi_diagnostics *d;
    const char *data;
    size_t data_len;
    int nomem;
    int stop; /* a fatal problem (syntax, limit, out of memory): walk no further */
    int too_many;
    size_t nerrors; /* diagnostics that are not warnings */

    /* tree */
    ynode **blocks;
    size_t nblocks, blk_used, nnodes;
    char *pool;
    size_t pool_len, pool_cap;
    ynode **stack;
    size_t depth, stack_cap;
    anchor *anchors;
    size_t nanchors, cap_anchors;
    smap anchor_map;
    uint64_t alias_nodes;
    ynode *root;
    int ndocs;

    /* model */
    airoi_project *p;
    int horizon_ok;       /* the horizon is known: periods can be checked against it */
    smap fx;              /* currencies with a rate */
    smap names;           /* item names -> their name node */
    smap scen_names;      /* scenario names -> their name node */

    /* where each item and scenario of the project came from, so that a
     * problem the validator reports by (subject, index, field) gets the
     * file position of its node */
    origin *origins[3];   /* costs, values, scenarios, by index in the project */
    size_t n_origins[3], cap_origins[3];
    const ynode *scenarios_node; /* the `scenarios` sequence */
    const ynode *work_key;       /* the longer of the `costs` and `values` keys */
    int scenarios_ok;            /* every scenario loaded without an error */
} loader;

/* ---- small helpers ------------------------------------------------------------ */

static const char *S(const loader *L, const ynode *n)
{
    return L->pool + n->off;
}

static const void *smap_get(const smap *m, const char *k, size_t len)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)airoi__hash_str(k, len) & mask;; i = (i + 1) & mask) {
        const smap_ent *e = &m->e[i];
        if (!e->k)
            return NULL;
        if (e->len == len && memcmp(e->k, k, len) == 0)
            return e->v;
    }
}

/* Inserts or replaces; returns AIROI_OK or AIROI_ERR_NOMEM. */
static int smap_put(smap *m, const char *k, size_t len, const void *v)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        smap_ent *e = airoi__calloc(cap, sizeof *e);
        if (!e)
            return AIROI_ERR_NOMEM;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->e[i].k)
                continue;
            size_t j = (size_t)airoi__hash_str(m->e[i].k, m->e[i].len) & (cap - 1);
            while (e[j].k)
                j = (j + 1) & (cap - 1);
            e[j] = m->e[i];
        }
        airoi__free(m->e);
        m->e = e;
        m->cap = cap;
    }
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)airoi__hash_str(k, len) & mask;; i = (i + 1) & mask) {
        smap_ent *e = &m->e[i];
        if (!e->k) {
            e->k = k;
            e->len = len;
            e->v = v;
            m->n++;
            return AIROI_OK;
        }
        if (e->len == len && memcmp(e->k, k, len) == 0) {
            e->v = v;
            return AIROI_OK;
        }
    }
}

static void smap_free(smap *m)
{
    airoi__free(m->e);
    m->e = NULL;
    m->n = m->cap = 0;
}

/* Adds a diagnostic; after AIROI__IO_MAX_DIAGS, one last note and the walk stops. */
static void diag(loader *L, int status, int32_t line, int32_t col, const char *fmt, ...)
    AIROI__PRINTF(5, 6);
static void diag(loader *L, int status, int32_t line, int32_t col, const char *fmt, ...)
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

#define AT(n) (n)->line, (n)->col

/* A number as the shortest text that reads back exactly, for messages. */
static const char *numtxt(char *buf, double v)
{
    airoi__format_double(buf, 32, v);
    return buf;
}
#define NUMTXT(v) numtxt((char[32]){0}, (v))

/* Writes `'text'` (shortened, control characters escaped) for messages. */
static const char *show(char *buf, size_t cap, const char *s, size_t len)
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

static int is_null(const loader *L, const ynode *n)
{
    if (n->kind != YN_SCALAR || n->quoted)
        return 0;
    const char *s = S(L, n);
    return n->len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
           strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/* "a mapping", "a sequence", "null", "the quoted string '3'", "'weekly'". */
static const char *describe(const loader *L, const ynode *n, char *buf, size_t cap)
{
    if (n->kind == YN_MAP)
        return "a mapping";
    if (n->kind == YN_SEQ)
        return "a sequence";
    if (is_null(L, n))
        return "null (an empty value)";
    char tmp[96];
    show(tmp, sizeof tmp, S(L, n), n->len);
    snprintf(buf, cap, "%s%s", n->quoted ? "the quoted string " : "", tmp);
    return buf;
}

static void type_error(loader *L, const ynode *n, const char *path, const char *expected)
{
    char buf[128];
    diag(L, AIROI_ERR_PARSE, AT(n), "%s: expected %s; got %s", path, expected,
         describe(L, n, buf, sizeof buf));
}

/* ---- pass 1: events to tree ---------------------------------------------------------- */

static ynode *new_node(loader *L, int kind, const yaml_mark_t *m)
{
    if (L->nnodes >= AIROI__IO_MAX_NODES) {
        diag(L, AIROI_ERR_LIMIT, (int32_t)m->line + 1, (int32_t)m->column + 1,
             "the file has more than %u YAML nodes, the limit", AIROI__IO_MAX_NODES);
        L->stop = 1;
        return NULL;
    }
    if (L->nblocks == 0 || L->blk_used == BLOCK_NODES) {
        ynode **b = airoi__reallocarray(L->blocks, L->nblocks + 1, sizeof *b);
        if (!b)
            goto nomem;
        L->blocks = b;
        b[L->nblocks] = airoi__malloc(BLOCK_NODES * sizeof(ynode));
        if (!b[L->nblocks])
            goto nomem;
        L->nblocks++;
        L->blk_used = 0;
    }
    ynode *n = &L->blocks[L->nblocks - 1][L->blk_used++];
    memset(n, 0, sizeof *n);
    n->kind = (unsigned char)kind;
    n->line = m->line + 1 > INT32_MAX ? INT32_MAX : (int32_t)m->line + 1;
    n->col = m->column + 1 > INT32_MAX ? INT32_MAX : (int32_t)m->column + 1;
    n->weight = 1;
    L->nnodes++;
    return n;
nomem:
    L->nomem = 1;
    L->stop = 1;
    return NULL;
}

static int attach(loader *L, ynode *n, const yaml_mark_t *m)
{
    if (L->depth == 0) {
        if (L->root) {
            /* libyaml reports one root per document; guard anyway. */
            diag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                 "more than one root node");
            L->stop = 1;
            return -1;
        }
        L->root = n;
        return 0;
    }
    ynode *parent = L->stack[L->depth - 1];
    if (parent->n == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 4;
        ynode **k = airoi__reallocarray(parent->kids, cap, sizeof *k);
        if (!k) {
            L->nomem = 1;
            L->stop = 1;
            return -1;
        }
        parent->kids = k;
        parent->cap = cap;
    }
    parent->kids[parent->n++] = n;
    return 0;
}

static int register_anchor(loader *L, const yaml_char_t *name, ynode *n)
{
    if (!name)
        return 0;
    if (L->nanchors == L->cap_anchors) {
        size_t cap = L->cap_anchors ? L->cap_anchors * 2 : 8;
        anchor *a = airoi__reallocarray(L->anchors, cap, sizeof *a);
        if (!a)
            goto nomem;
        L->anchors = a;
        L->cap_anchors = cap;
    }
    char *copy = airoi__strdup((const char *)name);
    if (!copy)
        goto nomem;
    L->anchors[L->nanchors].name = copy;
    L->anchors[L->nanchors].node = n;
    L->nanchors++;
    if (smap_put(&L->anchor_map, copy, strlen(copy), n))
        goto nomem;
    return 0;
nomem:
    L->nomem = 1;
    L->stop = 1;
    return -1;
}

static int push(loader *L, ynode *n, const yaml_mark_t *m)
{
    if (L->depth >= AIROI__IO_MAX_DEPTH) {
        diag(L, AIROI_ERR_LIMIT, (int32_t)m->line + 1, (int32_t)m->column + 1,
             "nesting deeper than %d levels, the limit", AIROI__IO_MAX_DEPTH);
        L->stop = 1;
        return -1;
    }
    if (L->depth == L->stack_cap) {
        size_t cap = L->stack_cap ? L->stack_cap * 2 : 16;
        ynode **s = airoi__reallocarray(L->stack, cap, sizeof *s);
        if (!s) {
            L->nomem = 1;
            L->stop = 1;
            return -1;
        }
        L->stack = s;
        L->stack_cap = cap;
    }
    L->stack[L->depth++] = n;
    return 0;
}

static int pool_add(loader *L, const char *s, size_t len, size_t *off)
{
    if (len + 1 > L->pool_cap - L->pool_len) {
        size_t cap = L->pool_cap ? L->pool_cap : 4096;
        while (len + 1 > cap - L->pool_len)
            cap *= 2;
        char *p = airoi__realloc(L->pool, cap);
        if (!p) {
            L->nomem = 1;
            L->stop = 1;
            return -1;
        }
        L->pool = p;
        L->pool_cap = cap;
    }
    *off = L->pool_len;
    if (len)
        memcpy(L->pool + L->pool_len, s, len);
    L->pool[L->pool_len + len] = '\0';
    L->pool_len += len + 1;
    return 0;
}

/* Explicit tags: !!str makes a scalar a string; the other standard tags are
 * accepted and ignored; anything else is refused. */
static int check_tag(loader *L, const yaml_char_t *tag, const yaml_mark_t *m, int *is_str)
{
    *is_str = 0;
    if (!tag)
        return 0;
    const char *t = (const char *)tag;
    if (strcmp(t, YAML_STR_TAG) == 0) {
        *is_str = 1;
        return 0;
    }
    if (strcmp(t, YAML_NULL_TAG) == 0 || strcmp(t, YAML_BOOL_TAG) == 0 ||
        strcmp(t, YAML_INT_TAG) == 0 || strcmp(t, YAML_FLOAT_TAG) == 0 ||
        strcmp(t, YAML_SEQ_TAG) == 0 || strcmp(t, YAML_MAP_TAG) == 0)
        return 0;
    char buf[96];
    diag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
         "unsupported YAML tag %s; model files use plain values",
         show(buf, sizeof buf, t, strlen(t)));
    return 0;
}

/* ---- merge keys (`<<`) ---------------------------------------------------------- */

static int is_merge_key(const loader *L, const ynode *k)
{
    return k->kind == YN_SCALAR && !k->quoted && k->len == 2 && memcmp(S(L, k), "<<", 2) == 0;
}

static void merge_source_error(loader *L, const ynode *n)
{
    char buf[128];
    diag(L, AIROI_ERR_PARSE, AT(n),
         "merge key '<<': expected an alias to a mapping (e.g. <<: *base) or a sequence of "
         "them; got %s",
         describe(L, n, buf, sizeof buf));
}

/* Appends the pairs of `src` whose keys `seen` does not hold yet. */
static void merge_from(loader *L, smap *seen, ynode **kids, size_t *n, const ynode *src)
{
    for (size_t i = 0; i + 1 < src->n && !L->stop; i += 2) {
        ynode *k = src->kids[i];
        if (k->kind == YN_SCALAR) {
            if (smap_get(seen, S(L, k), k->len))
                continue; /* given explicitly, or by an earlier source */
            if (smap_put(seen, S(L, k), k->len, k)) {
                L->nomem = L->stop = 1;
                return;
            }
        }
        kids[(*n)++] = k;
        kids[(*n)++] = src->kids[i + 1];
    }
}

/* Resolves the merge keys of a mapping just read (YAML merge key type): the
 * pairs of the mapping, or of each mapping of a sequence, named by `<<` are
 * added unless the mapping gives the key itself (or an earlier mapping of the
 * sequence gave it). The merged nodes are shared, not copied, so they keep
 * their own lines and columns; the aliases that name them were counted
 * against the alias-expansion limit when read. */
static void resolve_merge(loader *L, ynode *map)
{
    const ynode *mkey = NULL, *mval = NULL;
    size_t extra = 0, nmerge = 0;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->kids[i], *v = map->kids[i + 1];
        if (!is_merge_key(L, k))
            continue;
        nmerge++;
        if (mkey) {
            diag(L, AIROI_ERR_PARSE, AT(k),
                 "merge key '<<': duplicate key (first given at line %d, column %d); merge "
                 "several mappings with <<: [*a, *b]",
                 (int)mkey->line, (int)mkey->col);
            continue;
        }
        mkey = k;
        mval = v;
        if (v->kind == YN_MAP) {
            extra += v->n / 2;
        } else if (v->kind == YN_SEQ) {
            for (size_t j = 0; j < v->n; j++) {
                if (v->kids[j]->kind == YN_MAP)
                    extra += v->kids[j]->n / 2;
                else
                    merge_source_error(L, v->kids[j]);
            }
        } else {
            merge_source_error(L, v);
        }
    }
    if (!nmerge || L->stop)
        return;
    size_t cap = map->n - 2 * nmerge + 2 * extra;
    ynode **kids = airoi__calloc(cap ? cap : 1, sizeof *kids);
    if (!kids) {
        L->nomem = L->stop = 1;
        return;
    }
    smap seen = {0};
    size_t n = 0;
    for (size_t i = 0; i + 1 < map->n && !L->stop; i += 2) {
        ynode *k = map->kids[i];
        if (is_merge_key(L, k))
            continue;
        kids[n++] = k;
        kids[n++] = map->kids[i + 1];
        if (k->kind == YN_SCALAR && smap_put(&seen, S(L, k), k->len, k))
            L->nomem = L->stop = 1;
    }
    if (mval && mval->kind == YN_MAP)
        merge_from(L, &seen, kids, &n, mval);
    else if (mval && mval->kind == YN_SEQ)
        for (size_t j = 0; j < mval->n && !L->stop; j++) {
            /* The same mapping named twice (<<: [*a, *a]) adds nothing the
             * second time; skipping it keeps non-string keys from being
             * added (and diagnosed) twice. */
            size_t k = 0;
            while (k < j && mval->kids[k] != mval->kids[j])
                k++;
            if (k == j && mval->kids[j]->kind == YN_MAP)
                merge_from(L, &seen, kids, &n, mval->kids[j]);
        }
    smap_free(&seen);
    if (L->stop) {
        airoi__free(kids);
        return;
    }
    airoi__free(map->kids);
    map->kids = kids;
    map->n = n;
    map->cap = cap;
}

static void handle_event(loader *L, const yaml_event_t *ev)
{
    const yaml_mark_t *m = &ev->start_mark;
    ynode *n;
    int is_str;
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++L->ndocs > 1) {
            diag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                 "a second YAML document; a model file holds exactly one");
            L->stop = 1;
        }
        break;
    case YAML_SCALAR_EVENT:
        n = new_node(L, YN_SCALAR, m);
        if (!n)
            return;
        check_tag(L, ev->data.scalar.tag, m, &is_str);
        n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || is_str;
        if (pool_add(L, (const char *)ev->data.scalar.value, ev->data.scalar.length, &n->off))
            return;
        n->len = ev->data.scalar.length;
        if (attach(L, n, m))
            return;
        register_anchor(L, ev->data.scalar.anchor, n);
        break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int seq = ev->type == YAML_SEQUENCE_START_EVENT;
        n = new_node(L, seq ? YN_SEQ : YN_MAP, m);
        if (!n)
            return;
        check_tag(L, seq ? ev->data.sequence_start.tag : ev->data.mapping_start.tag, m, &is_str);
        if (is_str)
            diag(L, AIROI_ERR_PARSE, AT(n), "a %s cannot be tagged !!str",
                 seq ? "sequence" : "mapping");
        n->open = 1;
        if (attach(L, n, m) || push(L, n, m))
            return;
        register_anchor(L, seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor,
                        n);
        break;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (L->depth == 0)
            return;
        n = L->stack[--L->depth];
        n->open = 0;
        if (n->kind == YN_MAP)
            resolve_merge(L, n);
        for (size_t i = 0; i < n->n; i++) {
            n->weight += n->kids[i]->weight;
            if (n->weight > ((uint64_t)1 << 62))
                n->weight = (uint64_t)1 << 62;
        }
        break;
    case YAML_ALIAS_EVENT: {
        const char *name = (const char *)ev->data.alias.anchor;
        ynode *target = (ynode *)smap_get(&L->anchor_map, name, strlen(name));
        char buf[96];
        if (!target) {
            diag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                 "alias *%s names no anchor defined before it",
                 show(buf, sizeof buf, name, strlen(name)));
            L->stop = 1;
            return;
        }
        if (target->open) {
            diag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                 "alias *%s refers to a node that contains it (recursive alias)",
                 show(buf, sizeof buf, name, strlen(name)));
            L->stop = 1;
            return;
        }
        L->alias_nodes += target->weight;
        if (L->alias_nodes > AIROI__IO_MAX_ALIAS_NODES) {
            diag(L, AIROI_ERR_LIMIT, (int32_t)m->line + 1, (int32_t)m->column + 1,
                 "aliases expand to more than %u nodes, the limit (an alias bomb?)",
                 AIROI__IO_MAX_ALIAS_NODES);
            L->stop = 1;
            return;
        }
        attach(L, target, m);
        break;
    }
    default:
        break;
    }
}

/* Line and column of a byte offset (for libyaml reader errors, which carry
 * an offset instead of a mark). Columns count characters, as libyaml does. */
static void offset_position(const loader *L, size_t off, int32_t *line, int32_t *col)
{
    int32_t ln = 1, c = 1;
    if (off > L->data_len)
        off = L->data_len;
    for (size_t i = 0; i < off; i++) {
        unsigned char b = (unsigned char)L->data[i];
        if (b == '\n' || (b == '\r' && !(i + 1 < L->data_len && L->data[i + 1] == '\n'))) {
            if (ln < INT32_MAX)
                ln++;
            c = 1;
        } else if ((b & 0xC0) != 0x80 && b != '\r') {
            if (c < INT32_MAX)
                c++;
        }
    }
    *line = ln;
    *col = c;
}

static void parser_error(loader *L, const yaml_parser_t *ps)
{
    if (ps->error == YAML_MEMORY_ERROR) {
        L->nomem = 1;
        return;
    }
    const char *problem = ps->problem ? ps->problem : "malformed YAML";
    if (ps->error == YAML_READER_ERROR) {
        int32_t line, col;
        size_t off = ps->problem_offset;
        int value = ps->problem_value;
        const char *what = "byte";
        /* libyaml points at the bad trailing byte; point at the sequence's first byte */
        if (strstr(problem, "trailing") && off > 0 && off <= L->data_len) {
            off--;
            while (off > 0 && ((unsigned char)L->data[off] & 0xC0) == 0x80)
                off--;
            value = (unsigned char)L->data[off];
            what = "UTF-8 sequence starting with byte";
        }
        offset_position(L, off, &line, &col);
        if (value >= 0)
            diag(L, AIROI_ERR_PARSE, line, col,
                 "invalid input: %s (%s 0x%02x at offset %zu); a model file must be UTF-8 "
                 "text",
                 problem, what, (unsigned)value & 0xFFu, off);
        else
            diag(L, AIROI_ERR_PARSE, line, col,
                 "invalid input: %s (at offset %zu); a model file must be UTF-8 text", problem,
                 ps->problem_offset);
        return;
    }
    int32_t line = (int32_t)ps->problem_mark.line + 1;
    int32_t col = (int32_t)ps->problem_mark.column + 1;
    if (ps->context)
        diag(L, AIROI_ERR_PARSE, line, col, "syntax error: %s %s (line %d, column %d)", problem,
             ps->context, (int)ps->context_mark.line + 1, (int)ps->context_mark.column + 1);
    else
        diag(L, AIROI_ERR_PARSE, line, col, "syntax error: %s", problem);
}

static void build_tree(loader *L)
{
    yaml_parser_t ps;
    if (!yaml_parser_initialize(&ps)) {
        L->nomem = 1;
        L->stop = 1;
        return;
    }
    yaml_parser_set_input_string(&ps, (const unsigned char *)L->data, L->data_len);
    yaml_parser_set_encoding(&ps, YAML_UTF8_ENCODING);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&ps, &ev)) {
            parser_error(L, &ps);
            L->stop = 1;
            break;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        handle_event(L, &ev);
        yaml_event_delete(&ev);
        if (done || L->stop)
            break;
    }
    yaml_parser_delete(&ps);
}

static void free_tree(loader *L)
{
    for (size_t b = 0; b < L->nblocks; b++) {
        size_t used = b + 1 == L->nblocks ? L->blk_used : BLOCK_NODES;
        for (size_t i = 0; i < used; i++)
            airoi__free(L->blocks[b][i].kids);
        airoi__free(L->blocks[b]);
    }
    airoi__free(L->blocks);
    airoi__free(L->pool);
    airoi__free(L->stack);
    for (size_t i = 0; i < L->nanchors; i++)
        airoi__free(L->anchors[i].name);
    airoi__free(L->anchors);
    smap_free(&L->anchor_map);
}

/* ---- pass 2: typed values --------------------------------------------------------- */

static int get_str(loader *L, const ynode *n, const char *path, const char **out)
{
    if (n->kind != YN_SCALAR || is_null(L, n)) {
        type_error(L, n, path, "a string");
        return 0;
    }
    if (strlen(S(L, n)) != n->len) {
        diag(L, AIROI_ERR_PARSE, AT(n), "%s: the string contains a NUL character", path);
        return 0;
    }
    if (n->len > AIROI_NAME_MAX) {
        diag(L, AIROI_ERR_PARSE, AT(n), "%s: the string is %zu bytes long; at most %d are allowed",
             path, n->len, AIROI_NAME_MAX);
        return 0;
    }
    *out = S(L, n);
    return 1;
}

static int get_num(loader *L, const ynode *n, const char *path, double *out)
{
    if (n->kind != YN_SCALAR || n->quoted || is_null(L, n)) {
        type_error(L, n, path, "a number");
        return 0;
    }
    char buf[128];
    switch (airoi__yaml_number(out, S(L, n), n->len)) {
    case 0:
        return 1;
    case 2:
        diag(L, AIROI_ERR_PARSE, AT(n), "%s: expected a finite number; got %s", path,
             show(buf, sizeof buf, S(L, n), n->len));
        return 0;
    case 3:
        diag(L, AIROI_ERR_PARSE, AT(n),
             "%s: expected a finite number; got %s, which overflows a double", path,
             show(buf, sizeof buf, S(L, n), n->len));
        return 0;
    default:
        type_error(L, n, path, "a number");
        return 0;
    }
}

/* A number that its rule in the model layer's table (lib/model/rules.c)
 * accepts, refused with the table's words; above a limit is AIROI_ERR_LIMIT. */
static int get_param(loader *L, const ynode *n, const char *path, const airoi__rule *r,
                     double *out)
{
    double v;
    char why[256];
    if (!get_num(L, n, path, &v))
        return 0;
    int rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc) {
        diag(L, rc == AIROI_ERR_LIMIT ? AIROI_ERR_LIMIT : AIROI_ERR_PARSE, AT(n), "%s: %s", path,
             why);
        return 0;
    }
    *out = v;
    return 1;
}

#define ITEM_RULE(param) airoi__item_rule(AIROI_ITEM_##param)
#define PROJECT_RULE(param) airoi__project_rule(AIROI_PROJECT_##param)
#define SCENARIO_RULE(param) airoi__scenario_rule(AIROI_SCENARIO_##param)

static int get_bool(loader *L, const ynode *n, const char *path, int *out)
{
    if (n->kind == YN_SCALAR && !n->quoted) {
        const char *s = S(L, n);
        if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")) {
            *out = 1;
            return 1;
        }
        if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) {
            *out = 0;
            return 1;
        }
    }
    type_error(L, n, path, "true or false");
    return 0;
}

typedef int (*from_name_fn)(int *out, const char *name);

/* An enumeration spelled as in the model format; its rule lists the spellings. */
static int get_enum(loader *L, const ynode *n, const char *path, from_name_fn fn,
                    const airoi__rule *r, int *out)
{
    int v;
    if (n->kind == YN_SCALAR && !is_null(L, n) && strlen(S(L, n)) == n->len &&
        fn(&v, S(L, n)) == AIROI_OK) {
        *out = v;
        return 1;
    }
    const char *expected = r->expected;
    if (n->kind != YN_SCALAR || is_null(L, n)) {
        type_error(L, n, path, expected);
        return 0;
    }
    char buf[128];
    diag(L, AIROI_ERR_PARSE, AT(n), "%s: expected %s; got %s", path, expected,
         show(buf, sizeof buf, S(L, n), n->len));
    return 0;
}

/* Records the values of the known keys of a mapping; unknown, duplicate and
 * non-scalar keys are diagnosed. Returns 0 if `map` is not a mapping. */
static int collect(loader *L, const ynode *map, const char *path, const char *const *keys,
                   size_t nkeys, const ynode **vals, const ynode **keynodes)
{
    for (size_t k = 0; k < nkeys; k++) {
        vals[k] = NULL;
        if (keynodes)
            keynodes[k] = NULL;
    }
    if (map->kind != YN_MAP) {
        type_error(L, map, path, "a mapping");
        return 0;
    }
    for (size_t i = 0; i + 1 < map->n && !L->stop; i += 2) {
        const ynode *key = map->kids[i];
        char buf[128];
        if (key->kind != YN_SCALAR) {
            diag(L, AIROI_ERR_PARSE, AT(key), "%s: expected a key (a string); got %s", path,
                 describe(L, key, buf, sizeof buf));
            continue;
        }
        size_t k = 0;
        while (k < nkeys && !(strlen(keys[k]) == key->len && !strcmp(keys[k], S(L, key))))
            k++;
        if (k == nkeys) {
            char list[512];
            size_t o = 0;
            for (size_t j = 0; j < nkeys && o < sizeof list; j++)
                o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", j ? ", " : "", keys[j]);
            diag(L, AIROI_ERR_PARSE, AT(key), "%s%sunknown key %s; expected one of %s", path,
                 *path ? ": " : "", show(buf, sizeof buf, S(L, key), key->len), list);
            continue;
        }
        if (vals[k]) {
            const ynode *first = keynodes ? keynodes[k] : NULL;
            if (first)
                diag(L, AIROI_ERR_PARSE, AT(key),
                     "%s%s%s: duplicate key (first given at line %d, column %d)", path,
                     *path ? "." : "", keys[k], (int)first->line, (int)first->col);
            else
                diag(L, AIROI_ERR_PARSE, AT(key), "%s%s%s: duplicate key", path,
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
static const char *sub(char *buf, size_t cap, const char *base, const char *key)
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

static void setter_failed(loader *L, int rc, const ynode *n, const char *path)
{
    if (rc == AIROI_ERR_NOMEM) {
        L->nomem = 1;
        L->stop = 1;
        return;
    }
    diag(L, rc == AIROI_ERR_LIMIT ? AIROI_ERR_LIMIT : AIROI_ERR_PARSE, AT(n), "%s: %s", path,
         airoi_last_error_message());
}

/* Records where the next item or scenario of the project comes from. */
static void add_origin(loader *L, int which, const ynode *node, size_t index)
{
    if (L->n_origins[which] == L->cap_origins[which]) {
        size_t cap = L->cap_origins[which] ? 2 * L->cap_origins[which] : 16;
        origin *o = airoi__reallocarray(L->origins[which], cap, sizeof *o);
        if (!o) {
            L->nomem = L->stop = 1;
            return;
        }
        L->origins[which] = o;
        L->cap_origins[which] = cap;
    }
    L->origins[which][L->n_origins[which]++] = (origin){node, index, 1};
}

/* After loading one item or scenario: it is clean when it added no error. */
static void close_origin(loader *L, int which, size_t n_before, size_t errors_before)
{
    if (L->n_origins[which] > n_before)
        L->origins[which][n_before].clean = L->nerrors == errors_before;
}

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
    PK_COUNT
};
static const char *const project_keys[PK_COUNT] = {
    "name",          "currency",     "unit",          "start",    "period", "horizon",
    "discount_rate", "finance_rate", "reinvest_rate", "use_case", "stage",
};

static void load_project(loader *L, const ynode *root, const ynode *pn)
{
    const ynode *v[PK_COUNT], *k[PK_COUNT];
    char path[64];
    const char *name = NULL;
    int ok = 0;
    if (pn) {
        ok = collect(L, pn, "project", project_keys, PK_COUNT, v, k);
        if (ok && !v[PK_NAME])
            diag(L, AIROI_ERR_PARSE, AT(pn), "project: missing required key 'name'");
        else if (ok)
            get_str(L, v[PK_NAME], "project.name", &name);
        if (name && !*name) {
            diag(L, AIROI_ERR_PARSE, AT(v[PK_NAME]), "project.name: expected a non-empty name");
            name = NULL;
        }
    } else {
        diag(L, AIROI_ERR_PARSE, AT(root), "missing required key 'project'");
    }
    /* Without a usable name the project still gets built (and discarded) so
     * that the rest of the file is checked too. */
    int rc = airoi_project_new(&L->p, name ? name : "(unnamed)");
    if (rc && rc != AIROI_ERR_NOMEM) {
        diag(L, AIROI_ERR_PARSE, AT(v[PK_NAME]), "project.name: %s", airoi_last_error_message());
        rc = airoi_project_new(&L->p, "(unnamed)");
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
    if (v[PK_CURRENCY] && get_str(L, v[PK_CURRENCY], "project.currency", &s)) {
        if (!*s)
            diag(L, AIROI_ERR_PARSE, AT(v[PK_CURRENCY]),
                 "project.currency: expected a currency code (ISO 4217, e.g. USD)");
        else if ((rc = airoi_project_set_string(L->p, AIROI_PROJECT_CURRENCY, s)))
            setter_failed(L, rc, v[PK_CURRENCY], "project.currency");
    }
    if (v[PK_UNIT] && get_param(L, v[PK_UNIT], "project.unit", PROJECT_RULE(UNIT), &x) &&
        (rc = airoi_project_set_number(L->p, AIROI_PROJECT_UNIT, x)))
        setter_failed(L, rc, v[PK_UNIT], "project.unit");
    if (v[PK_START]) {
        const ynode *n = v[PK_START];
        int32_t day;
        char buf[128];
        if (n->kind != YN_SCALAR || is_null(L, n)) {
            type_error(L, n, "project.start", "a date YYYY-MM-DD");
        } else if (strlen(S(L, n)) != n->len || airoi_date_from_iso(&day, S(L, n)) != AIROI_OK) {
            diag(L, AIROI_ERR_PARSE, AT(n),
                 "project.start: expected a date YYYY-MM-DD (ISO 8601) that exists; got %s",
                 show(buf, sizeof buf, S(L, n), n->len));
        } else if ((rc = airoi_project_set_number(L->p, AIROI_PROJECT_START, day))) {
            setter_failed(L, rc, n, "project.start");
        }
    }
    if (v[PK_PERIOD] && get_enum(L, v[PK_PERIOD], "project.period", airoi_period_from_name,
                                 PROJECT_RULE(PERIOD), &e)) {
        if ((rc = airoi_project_set_number(L->p, AIROI_PROJECT_PERIOD, e)))
            setter_failed(L, rc, v[PK_PERIOD], "project.period");
    }
    if (v[PK_HORIZON]) {
        if (get_param(L, v[PK_HORIZON], "project.horizon", PROJECT_RULE(HORIZON), &x)) {
            if ((rc = airoi_project_set_number(L->p, AIROI_PROJECT_HORIZON, x)))
                setter_failed(L, rc, v[PK_HORIZON], "project.horizon");
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
        sub(path, sizeof path, "project", project_keys[rates[r].key]);
        if (n && get_param(L, n, path, airoi__project_rule(rates[r].param), &x) &&
            (rc = airoi_project_set_number(L->p, rates[r].param, x)))
            setter_failed(L, rc, n, path);
    }
    if (v[PK_USE_CASE] && get_str(L, v[PK_USE_CASE], "project.use_case", &s)) {
        size_t idx;
        if (airoi_benchmark_find(&idx, s) != AIROI_OK) {
            char list[512], buf[128];
            size_t o = 0;
            for (size_t j = 0; j < airoi_benchmark_count() && o < sizeof list; j++)
                o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", j ? ", " : "",
                                      airoi_benchmark_get_key(j));
            diag(L, AIROI_ERR_PARSE, AT(v[PK_USE_CASE]),
                 "project.use_case: expected one of %s; got %s", list,
                 show(buf, sizeof buf, s, strlen(s)));
        } else if ((rc = airoi_project_set_string(L->p, AIROI_PROJECT_USE_CASE, s))) {
            setter_failed(L, rc, v[PK_USE_CASE], "project.use_case");
        }
    }
    if (v[PK_STAGE] && get_enum(L, v[PK_STAGE], "project.stage", airoi_stage_from_name,
                                PROJECT_RULE(STAGE), &e)) {
        if ((rc = airoi_project_set_number(L->p, AIROI_PROJECT_STAGE, e)))
            setter_failed(L, rc, v[PK_STAGE], "project.stage");
    }
}

/* ---- fx ------------------------------------------------------------------------------ */

static void load_fx(loader *L, const ynode *n)
{
    if (is_null(L, n))
        return;
    if (n->kind != YN_MAP) {
        type_error(L, n, "fx", "a mapping of currency codes to rates (e.g. {USD: 32})");
        return;
    }
    for (size_t i = 0; i + 1 < n->n && !L->stop; i += 2) {
        const ynode *key = n->kids[i], *val = n->kids[i + 1];
        const char *cur;
        char path[160], buf[128];
        if (!get_str(L, key, "fx", &cur))
            continue;
        snprintf(path, sizeof path, "fx.%s", show(buf, sizeof buf, cur, key->len));
        if (!*cur) {
            diag(L, AIROI_ERR_PARSE, AT(key), "fx: expected a currency code; got ''");
            continue;
        }
        const ynode *first = smap_get(&L->fx, cur, key->len);
        if (first) {
            diag(L, AIROI_ERR_PARSE, AT(key),
                 "%s: duplicate key (first given at line %d, column %d)", path, (int)first->line,
                 (int)first->col);
            continue;
        }
        if (smap_put(&L->fx, cur, key->len, key)) {
            L->nomem = L->stop = 1;
            return;
        }
        double rate;
        if (!get_param(L, val, path, &airoi__rule_fx_rate, &rate))
            continue;
        int rc = airoi_project_set_fx(L->p, cur, rate);
        if (rc)
            setter_failed(L, rc, val, path);
    }
}

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
    IK_RISK,
    IK_REALIZATION,
    IK_ATTRIBUTION,
    IK_MONETIZED,
    IK_ADOPTION,
    IK_COUNT
};
#define IK_COST_COUNT (IK_RISK + 1)
static const char *const cost_keys[IK_COST_COUNT] = {
    "name",   "category", "amount", "quantity", "unit_amount", "amounts",       "per",
    "at",     "from",     "to",     "growth",   "currency",    "risk_adjustment",
};
static const char *const value_keys[IK_COUNT] = {
    "name",     "dimension",       "amount",      "quantity",    "unit_amount", "amounts",
    "per",      "at",              "from",        "to",          "growth",      "currency",
    "risk_adjustment", "realization", "attribution", "monetized", "adoption",
};

/* The item being loaded, or NULL once it could not be created (its keys
 * are still checked). */
static int item_set(loader *L, airoi_item *it, int param, double x, const ynode *n,
                    const char *path)
{
    if (!it)
        return 0;
    int rc = airoi_item_set_number(it, param, x);
    if (rc)
        setter_failed(L, rc, n, path);
    return rc;
}

enum { AK_CURVE, AK_PERIODS, AK_START, AK_CEILING, AK_COUNT };
static const char *const adoption_keys[AK_COUNT] = {"curve", "periods", "start", "ceiling"};

static void load_adoption(loader *L, airoi_item *it, const ynode *n, const char *base)
{
    const ynode *v[AK_COUNT], *k[AK_COUNT];
    char path[96];
    if (!collect(L, n, base, adoption_keys, AK_COUNT, v, k))
        return;
    int curve;
    double x;
    if (!v[AK_CURVE])
        diag(L, AIROI_ERR_PARSE, AT(n),
             "%s: missing required key 'curve' (one of none, linear, s_curve, step)", base);
    else if (get_enum(L, v[AK_CURVE], sub(path, sizeof path, base, "curve"),
                      airoi_curve_from_name, ITEM_RULE(ADOPTION_CURVE), &curve))
        item_set(L, it, AIROI_ITEM_ADOPTION_CURVE, curve, v[AK_CURVE], path);
    if (v[AK_PERIODS] &&
        get_param(L, v[AK_PERIODS], sub(path, sizeof path, base, "periods"),
                  ITEM_RULE(ADOPTION_PERIODS), &x))
        item_set(L, it, AIROI_ITEM_ADOPTION_PERIODS, x, v[AK_PERIODS], path);
    if (v[AK_START] && get_param(L, v[AK_START], sub(path, sizeof path, base, "start"),
                                 ITEM_RULE(ADOPTION_START), &x))
        item_set(L, it, AIROI_ITEM_ADOPTION_START, x, v[AK_START], path);
    if (v[AK_CEILING] &&
        get_param(L, v[AK_CEILING], sub(path, sizeof path, base, "ceiling"),
                  ITEM_RULE(ADOPTION_CEILING), &x))
        item_set(L, it, AIROI_ITEM_ADOPTION_CEILING, x, v[AK_CEILING], path);
}

static void load_amounts(loader *L, airoi_item *it, const ynode *n, const char *path,
                         size_t *count)
{
    *count = 0;
    if (n->kind != YN_SEQ) {
        type_error(L, n, path, "a sequence of numbers (e.g. [60, 150, 220])");
        return;
    }
    if (n->n > (size_t)AIROI_HORIZON_MAX + 1) {
        diag(L, AIROI_ERR_LIMIT, AT(n), "%s: %zu amounts; at most %d are allowed", path, n->n,
             AIROI_HORIZON_MAX + 1);
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
        if (snprintf(ep, sizeof ep, "%s[%zu]", path, i) < 0)
            ep[0] = '\0';
        if (!get_num(L, n->kids[i], ep, &a[i]))
            ok = 0;
    }
    if (ok && !L->stop) {
        *count = n->n;
        if (it) {
            int rc = airoi_item_set_amounts(it, a, n->n);
            if (rc)
                setter_failed(L, rc, n, path);
        }
    }
    airoi__free(a);
}

static void load_item_keys(loader *L, const ynode *n, int is_cost, size_t index)
{
    const char *list = is_cost ? "costs" : "values";
    char base[48], path[96], buf[128];
    snprintf(base, sizeof base, "%s[%zu]", list, index);
    const ynode *v[IK_COUNT], *k[IK_COUNT];
    if (!collect(L, n, base, is_cost ? cost_keys : value_keys, is_cost ? IK_COST_COUNT : IK_COUNT,
                 v, k))
        return;
    if (is_cost)
        for (int i = IK_COST_COUNT; i < IK_COUNT; i++)
            v[i] = k[i] = NULL;
    airoi_item *it = NULL;
    const char *name = NULL;
    int klass = -1;
    if (!v[IK_NAME])
        diag(L, AIROI_ERR_PARSE, AT(n), "%s: missing required key 'name'", base);
    else if (get_str(L, v[IK_NAME], sub(path, sizeof path, base, "name"), &name) && !*name) {
        diag(L, AIROI_ERR_PARSE, AT(v[IK_NAME]), "%s: expected a non-empty name", path);
        name = NULL;
    }
    const char *cls = is_cost ? "category" : "dimension";
    if (!v[IK_CLASS])
        diag(L, AIROI_ERR_PARSE, AT(n), "%s: missing required key '%s'", base, cls);
    else if (is_cost)
        get_enum(L, v[IK_CLASS], sub(path, sizeof path, base, cls), airoi_category_from_name,
                 ITEM_RULE(CATEGORY), &klass);
    else
        get_enum(L, v[IK_CLASS], sub(path, sizeof path, base, cls), airoi_dimension_from_name,
                 ITEM_RULE(DIMENSION), &klass);
    if (name) {
        const ynode *first = smap_get(&L->names, name, strlen(name));
        if (first) {
            diag(L, AIROI_ERR_MODEL, AT(v[IK_NAME]),
                 "%s.name: duplicate item name %s (first used at line %d); item names must be "
                 "unique across costs and values",
                 base, show(buf, sizeof buf, name, strlen(name)), (int)first->line);
        } else {
            if (smap_put(&L->names, name, strlen(name), v[IK_NAME])) {
                L->nomem = L->stop = 1;
                return;
            }
            if (klass >= 0) {
                int rc = is_cost ? airoi_project_add_cost(&it, L->p, name, klass)
                                 : airoi_project_add_value(&it, L->p, name, klass);
                if (rc)
                    setter_failed(L, rc, v[IK_NAME], sub(path, sizeof path, base, "name"));
                else
                    add_origin(L, is_cost ? ORIGIN_COSTS : ORIGIN_VALUES, n, index);
            }
        }
    }
    if (L->stop)
        return;

    double x;
    int e;
    /* the amount: one of three forms */
    int forms = (v[IK_AMOUNT] != NULL) + (v[IK_QUANTITY] || v[IK_UNIT_AMOUNT]) +
                (v[IK_AMOUNTS] != NULL);
    if (forms > 1)
        diag(L, AIROI_ERR_PARSE, AT(n),
             "%s: give the amount one way only: amount, quantity with unit_amount, or amounts",
             base);
    if (v[IK_QUANTITY] && !v[IK_UNIT_AMOUNT])
        diag(L, AIROI_ERR_PARSE, AT(k[IK_QUANTITY]),
             "%s.quantity: needs unit_amount too (amount = quantity x unit_amount)", base);
    if (v[IK_UNIT_AMOUNT] && !v[IK_QUANTITY])
        diag(L, AIROI_ERR_PARSE, AT(k[IK_UNIT_AMOUNT]),
             "%s.unit_amount: needs quantity too (amount = quantity x unit_amount)", base);
    if (v[IK_AMOUNT] && get_num(L, v[IK_AMOUNT], sub(path, sizeof path, base, "amount"), &x))
        item_set(L, it, AIROI_ITEM_AMOUNT, x, v[IK_AMOUNT], path);
    if (v[IK_QUANTITY] &&
        get_num(L, v[IK_QUANTITY], sub(path, sizeof path, base, "quantity"), &x))
        item_set(L, it, AIROI_ITEM_QUANTITY, x, v[IK_QUANTITY], path);
    if (v[IK_UNIT_AMOUNT] &&
        get_num(L, v[IK_UNIT_AMOUNT], sub(path, sizeof path, base, "unit_amount"), &x))
        item_set(L, it, AIROI_ITEM_UNIT_AMOUNT, x, v[IK_UNIT_AMOUNT], path);
    size_t n_amounts = 0;
    if (v[IK_AMOUNTS])
        load_amounts(L, it, v[IK_AMOUNTS], sub(path, sizeof path, base, "amounts"),
                     &n_amounts);

    /* frequency: given, or once when only `at` is given, else the project period */
    int per = AIROI_PER_PERIOD, per_ok = 1;
    if (v[IK_PER]) {
        per_ok = 0;
        const ynode *pn = v[IK_PER];
        if (pn->kind == YN_SCALAR && !strcmp(S(L, pn), "period"))
            diag(L, AIROI_ERR_PARSE, AT(pn),
                 "%s.per: expected one of once, month, quarter, year; got 'period' (omit per "
                 "for amounts quoted per project period)",
                 base);
        else if (get_enum(L, pn, sub(path, sizeof path, base, "per"), airoi_per_from_name,
                          ITEM_RULE(PER), &per)) {
            per_ok = 1;
            item_set(L, it, AIROI_ITEM_PER, per, pn, path);
        }
    } else if (v[IK_AT] && !v[IK_AMOUNTS]) {
        per = AIROI_PER_ONCE;
        item_set(L, it, AIROI_ITEM_PER, per, v[IK_AT], sub(path, sizeof path, base, "at"));
    }
    int once = per == AIROI_PER_ONCE;
    if (per_ok && once && v[IK_AMOUNTS])
        diag(L, AIROI_ERR_PARSE, AT(k[IK_AMOUNTS]),
             "%s.amounts: a one-time amount (per: once) cannot have a per-period list", base);
    if (per_ok && !once && v[IK_AT])
        diag(L, AIROI_ERR_PARSE, AT(k[IK_AT]),
             "%s.at: 'at' is the period of a one-time amount (per: once); a recurring amount "
             "uses from and to",
             base);
    if (per_ok && once && (v[IK_FROM] || v[IK_TO]))
        diag(L, AIROI_ERR_PARSE, AT(k[v[IK_FROM] ? IK_FROM : IK_TO]),
             "%s.%s: from and to apply to recurring amounts; a one-time amount is paid at 'at'",
             base, v[IK_FROM] ? "from" : "to");

    /* the periods against the horizon are the validator's (load_document) */
    if (v[IK_AT] && get_param(L, v[IK_AT], sub(path, sizeof path, base, "at"), ITEM_RULE(AT), &x) &&
        once)
        item_set(L, it, AIROI_ITEM_AT, x, v[IK_AT], path);
    if (v[IK_FROM] &&
        get_param(L, v[IK_FROM], sub(path, sizeof path, base, "from"), ITEM_RULE(FROM), &x) &&
        !once)
        item_set(L, it, AIROI_ITEM_FROM, x, v[IK_FROM], path);
    if (v[IK_TO] && get_param(L, v[IK_TO], sub(path, sizeof path, base, "to"), ITEM_RULE(TO), &x) &&
        !once)
        item_set(L, it, AIROI_ITEM_TO, x, v[IK_TO], path);
    if (v[IK_GROWTH] &&
        get_param(L, v[IK_GROWTH], sub(path, sizeof path, base, "growth"), ITEM_RULE(GROWTH), &x))
        item_set(L, it, AIROI_ITEM_GROWTH, x, v[IK_GROWTH], path);
    const char *cur;
    if (v[IK_CURRENCY] &&
        get_str(L, v[IK_CURRENCY], sub(path, sizeof path, base, "currency"), &cur)) {
        if (!*cur) {
            diag(L, AIROI_ERR_PARSE, AT(v[IK_CURRENCY]), "%s: expected a currency code; got ''",
                 path);
        } else if (it) { /* its rate in fx is the validator's */
            int rc = airoi_item_set_string(it, AIROI_ITEM_CURRENCY, cur);
            if (rc)
                setter_failed(L, rc, v[IK_CURRENCY], path);
        }
    }
    if (v[IK_RISK] &&
        get_param(L, v[IK_RISK], sub(path, sizeof path, base, "risk_adjustment"),
                  ITEM_RULE(RISK_ADJUSTMENT), &x))
        item_set(L, it, AIROI_ITEM_RISK_ADJUSTMENT, x, v[IK_RISK], path);
    if (is_cost)
        return;
    if (v[IK_REALIZATION] &&
        get_param(L, v[IK_REALIZATION], sub(path, sizeof path, base, "realization"),
                  ITEM_RULE(REALIZATION), &x))
        item_set(L, it, AIROI_ITEM_REALIZATION, x, v[IK_REALIZATION], path);
    if (v[IK_ATTRIBUTION] &&
        get_param(L, v[IK_ATTRIBUTION], sub(path, sizeof path, base, "attribution"),
                  ITEM_RULE(ATTRIBUTION), &x))
        item_set(L, it, AIROI_ITEM_ATTRIBUTION, x, v[IK_ATTRIBUTION], path);
    if (v[IK_MONETIZED] &&
        get_bool(L, v[IK_MONETIZED], sub(path, sizeof path, base, "monetized"), &e))
        item_set(L, it, AIROI_ITEM_MONETIZED, e, v[IK_MONETIZED], path);
    if (v[IK_ADOPTION])
        load_adoption(L, it, v[IK_ADOPTION], sub(path, sizeof path, base, "adoption"));
}

static void load_item(loader *L, const ynode *n, int is_cost, size_t index)
{
    int which = is_cost ? ORIGIN_COSTS : ORIGIN_VALUES;
    size_t n_before = L->n_origins[which], errors_before = L->nerrors;
    load_item_keys(L, n, is_cost, index);
    close_origin(L, which, n_before, errors_before);
}

static void load_items(loader *L, const ynode *n, int is_cost, size_t *total)
{
    const char *list = is_cost ? "costs" : "values";
    if (is_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        type_error(L, n, list, "a sequence of items (each a mapping starting with '- name:')");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        if (++*total > (size_t)AIROI_ITEMS_MAX) {
            diag(L, AIROI_ERR_LIMIT, AT(n->kids[i]),
                 "%s[%zu]: more than %d items (costs and values), the limit", list, i,
                 AIROI_ITEMS_MAX);
            L->stop = 1;
            return;
        }
        load_item(L, n->kids[i], is_cost, i);
    }
}

/* ---- scenarios ------------------------------------------------------------------------ */

enum { SK_NAME, SK_PROBABILITY, SK_MULTIPLIERS, SK_DELAY, SK_CEILING, SK_COUNT };
static const char *const scenario_keys[SK_COUNT] = {"name", "probability", "multipliers",
                                                    "delay", "adoption_ceiling"};

static void load_multipliers(loader *L, airoi_scenario *sc, const ynode *n, const char *path)
{
    if (is_null(L, n))
        return;
    if (n->kind != YN_MAP) {
        type_error(L, n, path, "a mapping of targets to factors (e.g. {values: 1.2})");
        return;
    }
    smap seen = {0};
    for (size_t i = 0; i + 1 < n->n && !L->stop; i += 2) {
        const ynode *key = n->kids[i], *val = n->kids[i + 1];
        const char *t;
        char mpath[192], buf[128];
        if (!get_str(L, key, path, &t))
            continue;
        snprintf(mpath, sizeof mpath, "%s.%s", path, show(buf, sizeof buf, t, key->len));
        const ynode *first = smap_get(&seen, t, key->len);
        if (first) {
            diag(L, AIROI_ERR_PARSE, AT(key),
                 "%s: duplicate key (first given at line %d, column %d)", mpath,
                 (int)first->line, (int)first->col);
            continue;
        }
        if (smap_put(&seen, t, key->len, key)) {
            L->nomem = L->stop = 1;
            break;
        }
        /* whether the target exists is the validator's (load_document) */
        double f;
        if (!get_param(L, val, mpath, &airoi__rule_multiplier, &f))
            continue;
        if (sc) {
            int rc = airoi_scenario_add_multiplier(sc, t, f);
            if (rc)
                setter_failed(L, rc, val, mpath);
        }
    }
    smap_free(&seen);
}

static void load_scenarios(loader *L, const ynode *n)
{
    if (is_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        type_error(L, n, "scenarios", "a sequence of scenarios (each with name and probability)");
        return;
    }
    L->scenarios_node = n;
    L->scenarios_ok = 1;
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        const ynode *sn = n->kids[i];
        size_t n_before = L->n_origins[ORIGIN_SCENARIOS], errors_before = L->nerrors;
        char base[48], path[96], buf[128];
        snprintf(base, sizeof base, "scenarios[%zu]", i);
        if (i >= (size_t)AIROI_SCENARIOS_MAX) {
            diag(L, AIROI_ERR_LIMIT, AT(sn), "%s: more than %d scenarios, the limit", base,
                 AIROI_SCENARIOS_MAX);
            L->stop = 1;
            return;
        }
        const ynode *v[SK_COUNT], *k[SK_COUNT];
        if (!collect(L, sn, base, scenario_keys, SK_COUNT, v, k)) {
            L->scenarios_ok = 0;
            continue;
        }
        const char *name = NULL;
        double prob = 0, x;
        int prob_ok = 0;
        if (!v[SK_NAME])
            diag(L, AIROI_ERR_PARSE, AT(sn), "%s: missing required key 'name'", base);
        else if (get_str(L, v[SK_NAME], sub(path, sizeof path, base, "name"), &name) && !*name) {
            diag(L, AIROI_ERR_PARSE, AT(v[SK_NAME]), "%s: expected a non-empty name", path);
            name = NULL;
        }
        if (!v[SK_PROBABILITY])
            diag(L, AIROI_ERR_PARSE, AT(sn), "%s: missing required key 'probability'", base);
        else
            prob_ok = get_param(L, v[SK_PROBABILITY], sub(path, sizeof path, base, "probability"),
                                SCENARIO_RULE(PROBABILITY), &prob);
        if (!prob_ok)
            L->scenarios_ok = 0;
        airoi_scenario *sc = NULL;
        if (name) {
            const ynode *first = smap_get(&L->scen_names, name, strlen(name));
            if (first) {
                diag(L, AIROI_ERR_MODEL, AT(v[SK_NAME]),
                     "%s.name: duplicate scenario name %s (first used at line %d)", base,
                     show(buf, sizeof buf, name, strlen(name)), (int)first->line);
            } else if (smap_put(&L->scen_names, name, strlen(name), v[SK_NAME])) {
                L->nomem = L->stop = 1;
                return;
            } else if (prob_ok) {
                int rc = airoi_project_add_scenario(&sc, L->p, name, prob);
                if (rc)
                    setter_failed(L, rc, v[SK_NAME], sub(path, sizeof path, base, "name"));
                else
                    add_origin(L, ORIGIN_SCENARIOS, sn, i);
            }
        }
        if (v[SK_MULTIPLIERS])
            load_multipliers(L, sc, v[SK_MULTIPLIERS],
                             sub(path, sizeof path, base, "multipliers"));
        if (v[SK_DELAY] &&
            get_param(L, v[SK_DELAY], sub(path, sizeof path, base, "delay"), SCENARIO_RULE(DELAY),
                      &x) &&
            sc) {
            int rc = airoi_scenario_set_number(sc, AIROI_SCENARIO_DELAY, x);
            if (rc)
                setter_failed(L, rc, v[SK_DELAY], path);
        }
        if (v[SK_CEILING] &&
            get_param(L, v[SK_CEILING], sub(path, sizeof path, base, "adoption_ceiling"),
                      SCENARIO_RULE(ADOPTION_CEILING), &x) &&
            sc) {
            int rc = airoi_scenario_set_number(sc, AIROI_SCENARIO_ADOPTION_CEILING, x);
            if (rc)
                setter_failed(L, rc, v[SK_CEILING], path);
        }
        close_origin(L, ORIGIN_SCENARIOS, n_before, errors_before);
        if (L->nerrors != errors_before)
            L->scenarios_ok = 0;
    }
}

/* ---- the document ------------------------------------------------------------------- */

enum {
    TK_AIROI,
    TK_PROJECT,
    TK_FX,
    TK_COSTS,
    TK_VALUES,
    TK_SCENARIOS,
    TK_UNCERTAINTIES,
    TK_STAGES,
    TK_ACTUALS,
    TK_COUNT
};
static const char *const top_keys[TK_COUNT] = {
    "airoi", "project", "fx", "costs", "values", "scenarios", "uncertainties", "stages", "actuals",
};

/* A section of SPEC 5.1 whose features arrive in a later version: a
 * sequence of mappings, accepted with a warning (it is neither used nor
 * saved back). */
static void load_later_section(loader *L, const ynode *key, const ynode *n, const char *name)
{
    if (is_null(L, n))
        return;
    if (n->kind != YN_SEQ) {
        type_error(L, n, name, "a sequence of mappings (each entry starting with '- ')");
        return;
    }
    for (size_t i = 0; i < n->n && !L->stop; i++) {
        char path[48];
        snprintf(path, sizeof path, "%s[%zu]", name, i);
        if (n->kids[i]->kind != YN_MAP)
            type_error(L, n->kids[i], path, "a mapping");
    }
    if (n->n)
        diag(L, AIROI__DIAG_WARNING, AT(key),
             "warning: '%s' is recognised but not used by this version; it is not saved back",
             name);
}

/* The value node of `key` in a mapping (its key node in *key_out), or NULL. */
static const ynode *find_key(const loader *L, const ynode *map, const char *key,
                             const ynode **key_out)
{
    size_t len = strlen(key);
    if (!map || map->kind != YN_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->kids[i];
        if (k->kind == YN_SCALAR && k->len == len && !memcmp(S(L, k), key, len)) {
            if (key_out)
                *key_out = k;
            return map->kids[i + 1];
        }
    }
    return NULL;
}

/* A problem the validator found in the loaded project, as a diagnostic at
 * the node it comes from: the field's value when the file gives it, else
 * the item or scenario (or the sequence, or the longer item list). Problems
 * of an item or scenario that already had an error are left out, as are
 * those between sections once the file has an error. */
static int on_problem(void *userdata, const airoi__problem *pr)
{
    loader *L = userdata;
    const char *key = airoi__problem_key(pr);
    const ynode *at = L->root;
    char path[128] = "";
    int which = pr->subject == AIROI__SUBJ_COST       ? ORIGIN_COSTS
                : pr->subject == AIROI__SUBJ_VALUE    ? ORIGIN_VALUES
                : pr->subject == AIROI__SUBJ_SCENARIO ? ORIGIN_SCENARIOS
                                                      : -1;
    if (which >= 0) {
        if (pr->index >= L->n_origins[which])
            return 0;
        const origin *o = &L->origins[which][pr->index];
        if (!o->clean || (pr->field == AIROI__FIELD_MULTIPLIERS && L->nerrors))
            return 0;
        snprintf(path, sizeof path, "%s[%zu]",
                 which == ORIGIN_COSTS    ? "costs"
                 : which == ORIGIN_VALUES ? "values"
                                          : "scenarios",
                 o->index);
        at = o->node;
        const ynode *k = NULL, *v = key ? find_key(L, o->node, key, &k) : NULL;
        if (v) {
            size_t len = strlen(path);
            snprintf(path + len, sizeof path - len, ".%s", key);
            at = v;
        }
        if (v && pr->field == AIROI__FIELD_MULTIPLIERS) {
            /* at the multiplier's own key */
            const char *target = NULL;
            airoi_scenario_get_multiplier(
                &target, NULL, airoi_project_get_scenario(L->p, pr->index), pr->sub);
            const ynode *tk = NULL;
            if (target && find_key(L, v, target, &tk))
                at = tk;
        }
    } else if (pr->subject == AIROI__SUBJ_SCENARIOS) {
        if (!L->scenarios_ok || L->nerrors || !L->scenarios_node)
            return 0;
        snprintf(path, sizeof path, "scenarios");
        at = L->scenarios_node;
    } else {
        if (L->nerrors)
            return 0;
        if (pr->field == AIROI__FIELD_WORK && L->work_key)
            at = L->work_key;
    }
    diag(L, pr->status == AIROI_ERR_LIMIT ? AIROI_ERR_LIMIT : AIROI_ERR_MODEL, AT(at), "%s%s%s",
         path, *path ? ": " : "", pr->message);
    return L->stop;
}

static void load_document(loader *L)
{
    const ynode *root = L->root;
    if (!root || is_null(L, root)) {
        int32_t line = root ? root->line : 1, col = root ? root->col : 1;
        diag(L, AIROI_ERR_PARSE, line, col,
             "empty model file; expected a mapping that starts with 'airoi: 1' and 'project:'");
        return;
    }
    if (root->kind != YN_MAP) {
        type_error(L, root, "model", "a mapping with the keys airoi, project, costs, values, ...");
        return;
    }
    const ynode *v[TK_COUNT], *k[TK_COUNT];
    collect(L, root, "", top_keys, TK_COUNT, v, k);
    if (L->stop)
        return;
    if (!v[TK_AIROI]) {
        diag(L, AIROI_ERR_PARSE, AT(root),
             "missing required key 'airoi' (the format version); expected 'airoi: 1' at the top");
    } else {
        double ver;
        if (get_num(L, v[TK_AIROI], "airoi", &ver) && ver != 1)
            diag(L, AIROI_ERR_PARSE, AT(v[TK_AIROI]),
                 "airoi: unsupported format version %s; this library reads version 1", NUMTXT(ver));
    }
    load_project(L, root, v[TK_PROJECT]);
    if (L->stop || !L->p)
        return;
    if (v[TK_FX])
        load_fx(L, v[TK_FX]);
    size_t total = 0;
    if (v[TK_COSTS] && !L->stop)
        load_items(L, v[TK_COSTS], 1, &total);
    if (v[TK_VALUES] && !L->stop)
        load_items(L, v[TK_VALUES], 0, &total);
    if (v[TK_SCENARIOS] && !L->stop)
        load_scenarios(L, v[TK_SCENARIOS]);
    /* uncertainties, stages and actuals are recognised but not used yet
     * (docs/model-format.md): only their shape is checked, and a warning says
     * that they are dropped. */
    for (int t = TK_UNCERTAINTIES; t <= TK_ACTUALS && !L->stop; t++)
        if (v[t])
            load_later_section(L, k[t], v[t], top_keys[t]);
    if (L->stop || !L->horizon_ok)
        return;
    /* The rules between values are the validator's (lib/eval/validate.c);
     * its problems come back here to be placed in the file. */
    size_t nc = v[TK_COSTS] && v[TK_COSTS]->kind == YN_SEQ ? v[TK_COSTS]->n : 0;
    size_t nv = v[TK_VALUES] && v[TK_VALUES]->kind == YN_SEQ ? v[TK_VALUES]->n : 0;
    L->work_key = nc >= nv ? k[TK_COSTS] : k[TK_VALUES];
    if (!L->work_key)
        L->work_key = k[TK_COSTS] ? k[TK_COSTS] : k[TK_VALUES];
    airoi__validate_each(L->p, on_problem, L);
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
    airoi_project_free(L->p);
    L->p = NULL;
    if (status == AIROI_ERR_NOMEM) {
        airoi_diagnostics_free(d);
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
        airoi_diagnostics_free(d);
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
        diag(&L, AIROI_ERR_LIMIT, 0, 0, "the model is %zu bytes; the limit is %u bytes (16 MiB)",
             len, AIROI_MODEL_MAX_BYTES);
        return finish(out, diags_out, &L, AIROI_OK);
    }
    build_tree(&L);
    if (!L.stop && !L.nomem)
        load_document(&L);
    free_tree(&L);
    smap_free(&L.fx);
    smap_free(&L.names);
    smap_free(&L.scen_names);
    for (int i = 0; i < 3; i++)
        airoi__free(L.origins[i]);
    return finish(out, diags_out, &L, AIROI_OK);
}

AIROI_API int airoi_model_load_buffer(airoi_project **out, airoi_diagnostics **diags_out,
                                      const char *data, size_t len, const char *name,
                                      unsigned flags)
{
    AIROI__ENTER();
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

/* A diagnostics list holding one problem without a position. */
static int file_problem(airoi_diagnostics **diags_out, const char *path, int status,
                        const char *what, int err)
{
    char ebuf[128] = "unknown error";
    if (err && strerror_r(err, ebuf, sizeof ebuf) != 0)
        snprintf(ebuf, sizeof ebuf, "error %d", err);
    airoi_diagnostics *d = airoi__diags_new(path);
    if (!d || airoi__diags_add(d, status, 0, 0, "%s%s%s", what, err ? ": " : "",
                               err ? ebuf : "")) {
        airoi_diagnostics_free(d);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while loading a model");
    }
    int rc = airoi__error(status, "%s", d->v[0].text);
    if (diags_out)
        *diags_out = d;
    else
        airoi_diagnostics_free(d);
    return rc;
}

AIROI_API int airoi_model_load_file(airoi_project **out, airoi_diagnostics **diags_out,
                                    const char *path, unsigned flags)
{
    AIROI__ENTER();
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
    FILE *f = fopen(path, "rb");
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
