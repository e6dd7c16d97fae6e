/*
 * lib/io/load-tree.c: pass 1 of the loader (io layer): libyaml's event
 * stream becomes a small tree of our own (after the fast reader of
 * load-fast.c, which builds the same tree for plain files, gave up). The limits on depth, node count
 * and alias expansion are enforced while it is built, so hostile input
 * stops early; aliases are followed by pointer, never copied, and the nodes
 * they can reach again are counted and capped; merge keys are resolved.
 */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "load-private.h"

/* ---- pass 1: events to tree ---------------------------------------------------------- */

static void nomem(loader *L)
{
    L->nomem = 1;
    L->stop = 1;
}

ynode *airoi__ytree_node(loader *L, int kind, int32_t line, int32_t col)
{
    if (L->nblocks == 0 || L->blk_used == BLOCK_NODES) {
        ynode **b = airoi__reallocarray(L->blocks, L->nblocks + 1, sizeof *b);
        if (!b) {
            nomem(L);
            return NULL;
        }
        L->blocks = b;
        b[L->nblocks] = airoi__malloc(BLOCK_NODES * sizeof(ynode));
        if (!b[L->nblocks]) {
            nomem(L);
            return NULL;
        }
        L->nblocks++;
        L->blk_used = 0;
    }
    ynode *n = &L->blocks[L->nblocks - 1][L->blk_used++];
    memset(n, 0, sizeof *n);
    n->kind = (unsigned char)kind;
    n->line = line;
    n->col = col;
    n->weight = 1;
    L->nnodes++;
    return n;
}

static ynode *new_node(loader *L, int kind, const yaml_mark_t *m)
{
    if (L->nnodes >= AIROI__IO_MAX_NODES) {
        airoi__ydiag(L, AIROI_ERR_LIMIT, (int32_t)m->line + 1, (int32_t)m->column + 1,
                     "the file has more than %u YAML nodes, the limit", AIROI__IO_MAX_NODES);
        L->stop = 1;
        return NULL;
    }
    return airoi__ytree_node(L, kind, m->line + 1 > INT32_MAX ? INT32_MAX : (int32_t)m->line + 1,
                             m->column + 1 > INT32_MAX ? INT32_MAX : (int32_t)m->column + 1);
}

/* Room for n kid pointers in the arena (freed all at once with the tree):
 * a node's kids are copied there when it closes, so no node has an array
 * of its own that grows. NULL when out of memory. */
static ynode **kids_alloc(loader *L, size_t n)
{
    if (n > L->kid_left) {
        size_t cap = n > KID_CHUNK ? n : KID_CHUNK;
        ynode ***c = airoi__reallocarray(L->kid_chunks, L->n_kid_chunks + 1, sizeof *c);
        if (!c)
            return NULL;
        L->kid_chunks = c;
        c[L->n_kid_chunks] = airoi__malloc(cap * sizeof **c);
        if (!c[L->n_kid_chunks])
            return NULL;
        L->kid_next = c[L->n_kid_chunks++];
        L->kid_left = cap;
    }
    ynode **k = L->kid_next;
    L->kid_next += n;
    L->kid_left -= n;
    return k;
}

/* Adds n to the open collection (on the scratch stack until it closes) or
 * makes it the root. */
int airoi__ytree_kid(loader *L, ynode *n)
{
    if (L->scratch_n == L->scratch_cap) {
        size_t cap = L->scratch_cap ? L->scratch_cap * 2 : 64;
        ynode **k = airoi__reallocarray(L->scratch, cap, sizeof *k);
        if (!k) {
            nomem(L);
            return -1;
        }
        L->scratch = k;
        L->scratch_cap = cap;
    }
    L->scratch[L->scratch_n++] = n;
    return 0;
}

/* Adds n to the open collection (on the scratch stack until it closes) or
 * makes it the root. */
static int attach(loader *L, ynode *n, const yaml_mark_t *m)
{
    if (L->depth == 0) {
        if (L->root) {
            /* libyaml reports one root per document; guard anyway. */
            airoi__ydiag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                         "more than one root node");
            L->stop = 1;
            return -1;
        }
        L->root = n;
        return 0;
    }
    return airoi__ytree_kid(L, n);
}

/* Closes collection n: its kids move from the scratch stack to the arena. */
static int close_kids(loader *L, ynode *n)
{
    size_t start = n->cap, count = L->scratch_n - start;
    n->kids = count ? kids_alloc(L, count) : NULL;
    if (count && !n->kids) {
        nomem(L);
        return -1;
    }
    if (count)
        memcpy(n->kids, L->scratch + start, count * sizeof *n->kids);
    n->n = n->cap = count;
    L->scratch_n = start;
    return 0;
}

/* The weight of a closed collection: itself and its kids' (capped). */
static void weigh(ynode *n)
{
    for (size_t i = 0; i < n->n; i++) {
        n->weight += n->kids[i]->weight;
        if (n->weight > ((uint64_t)1 << 62))
            n->weight = (uint64_t)1 << 62;
    }
}

int airoi__ytree_close(loader *L, ynode *n)
{
    n->open = 0;
    if (close_kids(L, n))
        return -1;
    weigh(n);
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
    if (airoi__smap_put(&L->anchor_map, copy, strlen(copy), n))
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
        airoi__ydiag(L, AIROI_ERR_LIMIT, (int32_t)m->line + 1, (int32_t)m->column + 1,
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

char *airoi__ytree_room(loader *L, size_t len, size_t *off)
{
    if (len + 1 > L->pool_cap - L->pool_len) {
        /* first the size of the input (scalars are rarely longer than
         * their text), so that a large file is not copied at each doubling */
        size_t cap = L->pool_cap ? L->pool_cap : L->data_len + 4096;
        while (len + 1 > cap - L->pool_len)
            cap *= 2;
        char *p = airoi__realloc(L->pool, cap);
        if (!p) {
            nomem(L);
            return NULL;
        }
        L->pool = p;
        L->pool_cap = cap;
    }
    *off = L->pool_len;
    L->pool_len += len + 1;
    L->pool[L->pool_len - 1] = '\0';
    return L->pool + *off;
}

static int pool_add(loader *L, const char *s, size_t len, size_t *off)
{
    char *room = airoi__ytree_room(L, len, off);
    if (!room)
        return -1;
    if (len)
        memcpy(room, s, len);
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
    airoi__ydiag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                 "unsupported YAML tag %s; model files use plain values",
                 airoi__yshow(buf, sizeof buf, t, strlen(t)));
    return 0;
}

/* ---- merge keys (`<<`) ---------------------------------------------------------- */

static int is_merge_key(const loader *L, const ynode *k)
{
    return k->kind == YN_SCALAR && !k->quoted && k->len == 2 &&
           memcmp(airoi__ytext(L, k), "<<", 2) == 0;
}

static void merge_source_error(loader *L, const ynode *n)
{
    char buf[128];
    airoi__ydiag(L, AIROI_ERR_PARSE, AT(n),
                 "merge key '<<': expected an alias to a mapping (e.g. <<: *base) or a sequence of "
                 "them; got %s",
                 airoi__ydescribe(L, n, buf, sizeof buf));
}

/* Appends the pairs of `src` whose keys `seen` does not hold yet. */
static void merge_from(loader *L, smap *seen, ynode **kids, size_t *n, const ynode *src)
{
    for (size_t i = 0; i + 1 < src->n && !L->stop; i += 2) {
        ynode *k = src->kids[i];
        if (k->kind == YN_SCALAR) {
            if (airoi__smap_get(seen, airoi__ytext(L, k), k->len))
                continue; /* given explicitly, or by an earlier source */
            if (airoi__smap_put(seen, airoi__ytext(L, k), k->len, k)) {
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
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(k),
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
    ynode **kids = kids_alloc(L, cap ? cap : 1);
    if (!kids) {
        nomem(L);
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
        if (k->kind == YN_SCALAR && airoi__smap_put(&seen, airoi__ytext(L, k), k->len, k))
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
    airoi__smap_free(&seen);
    if (L->stop)
        return; /* the arena frees kids */
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
            airoi__ydiag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
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
            airoi__ydiag(L, AIROI_ERR_PARSE, AT(n), "a %s cannot be tagged !!str",
                         seq ? "sequence" : "mapping");
        n->open = 1;
        if (attach(L, n, m) || push(L, n, m))
            return;
        n->cap = L->scratch_n; /* its kids start here */
        register_anchor(L, seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor, n);
        break;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (L->depth == 0)
            return;
        n = L->stack[--L->depth];
        n->open = 0;
        if (close_kids(L, n))
            return;
        if (n->kind == YN_MAP)
            resolve_merge(L, n);
        weigh(n);
        break;
    case YAML_ALIAS_EVENT: {
        const char *name = (const char *)ev->data.alias.anchor;
        ynode *target = (ynode *)airoi__smap_get(&L->anchor_map, name, strlen(name));
        char buf[96];
        if (!target) {
            airoi__ydiag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                         "alias *%s names no anchor defined before it",
                         airoi__yshow(buf, sizeof buf, name, strlen(name)));
            L->stop = 1;
            return;
        }
        if (target->open) {
            airoi__ydiag(L, AIROI_ERR_PARSE, (int32_t)m->line + 1, (int32_t)m->column + 1,
                         "alias *%s refers to a node that contains it (recursive alias)",
                         airoi__yshow(buf, sizeof buf, name, strlen(name)));
            L->stop = 1;
            return;
        }
        L->alias_nodes += target->weight;
        if (L->alias_nodes > AIROI__IO_MAX_ALIAS_NODES) {
            airoi__ydiag(L, AIROI_ERR_LIMIT, (int32_t)m->line + 1, (int32_t)m->column + 1,
                         "aliases expand to more than %u nodes, the limit (an alias bomb?)",
                         AIROI__IO_MAX_ALIAS_NODES);
            L->stop = 1;
            return;
        }
        attach(L, target, m);
        break;
    }
    default: break;
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

/* libyaml's words for what is most often a line indented too far or not
 * far enough; such an error gets a hint that names the indentation and the
 * line to look at (docs/errors.md#indentation). */
static void indent_hint(char *buf, size_t cap, const char *problem, int32_t line)
{
    static const char *const indentation[] = {
        "mapping values are not allowed",
        "did not find expected key",
        "did not find expected '-' indicator",
        "could not find expected ':'",
        "block sequence entries are not allowed",
    };
    for (size_t i = 0; i < sizeof indentation / sizeof indentation[0]; i++)
        if (strstr(problem, indentation[i])) {
            snprintf(buf, cap,
                     "; hint: check the indentation of line %d and the line above it: keys of "
                     "one mapping start in the same column, a nested key further right, and "
                     "'key: value' needs a space after the ':'",
                     (int)line);
            return;
        }
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
            airoi__ydiag(L, AIROI_ERR_PARSE, line, col,
                         "invalid input: %s (%s 0x%02x at offset %zu); a model file must be UTF-8 "
                         "text",
                         problem, what, (unsigned)value & 0xFFu, off);
        else
            airoi__ydiag(L, AIROI_ERR_PARSE, line, col,
                         "invalid input: %s (at offset %zu); a model file must be UTF-8 text",
                         problem, ps->problem_offset);
        return;
    }
    int32_t line = (int32_t)ps->problem_mark.line + 1;
    int32_t col = (int32_t)ps->problem_mark.column + 1;
    char hint[256] = "";
    indent_hint(hint, sizeof hint, problem, line);
    if (ps->context)
        airoi__ydiag(L, AIROI_ERR_PARSE, line, col,
                     "syntax error: %s %s (line %d, column %d)%s", problem, ps->context,
                     (int)ps->context_mark.line + 1, (int)ps->context_mark.column + 1, hint);
    else
        airoi__ydiag(L, AIROI_ERR_PARSE, line, col, "syntax error: %s%s", problem, hint);
}

/* Builds the tree with libyaml: the reference reader, and the one whose
 * messages every syntax error gets. */
static void libyaml_build(loader *L)
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

int airoi__ytree_build_with(loader *L, int reader)
{
    if (reader != AIROI__YREAD_LIBYAML) {
        if (airoi__yfast_build(L))
            return 1;
        airoi__ytree_free(L);
        /* what the fast reader built is gone: the tree starts afresh */
        L->blocks = NULL;
        L->nblocks = L->blk_used = L->nnodes = 0;
        L->pool = NULL;
        L->pool_len = L->pool_cap = 0;
        L->stack = NULL;
        L->depth = L->stack_cap = 0;
        L->scratch = NULL;
        L->scratch_n = L->scratch_cap = 0;
        L->kid_chunks = NULL;
        L->n_kid_chunks = 0;
        L->kid_next = NULL;
        L->kid_left = 0;
        L->root = NULL;
        if (reader == AIROI__YREAD_FAST)
            return -1;
    }
    libyaml_build(L);
    return 0;
}

void airoi__ytree_build(loader *L)
{
    airoi__ytree_build_with(L, AIROI__YREAD_AUTO);
}

void airoi__ytree_free(loader *L)
{
    for (size_t b = 0; b < L->nblocks; b++)
        airoi__free(L->blocks[b]);
    airoi__free(L->blocks);
    for (size_t c = 0; c < L->n_kid_chunks; c++)
        airoi__free(L->kid_chunks[c]);
    airoi__free(L->kid_chunks);
    airoi__free(L->scratch);
    airoi__free(L->pool);
    airoi__free(L->stack);
    for (size_t i = 0; i < L->nanchors; i++)
        airoi__free(L->anchors[i].name);
    airoi__free(L->anchors);
    airoi__smap_free(&L->anchor_map);
}
