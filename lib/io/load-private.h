/*
 * lib/io: the model-file loader's shared parts (io layer). load-fast.c
 * reads plain files into a tree of ynodes, load-tree.c turns the libyaml
 * event stream into the same tree for every other file; load-values.c
 * holds the YAML-shape helpers (typed values, keys of a mapping, paths,
 * diagnostics); load-project.c, load-items.c, load-scenarios.c and
 * load-uncertainty.c walk their sections of format v1; load.c walks the document, places the
 * validator's problems in the file and holds the entry points. Internal
 * header of lib/io/load*.c; not part of the API.
 *
 * Code in lib/ calls only airoi__ functions, never an exported one: the
 * internal form of each public airoi_NAME() is airoi__NAME() (the layer's
 * main private header; docs/layers.md).
 */
#ifndef AIROI_LOAD_PRIVATE_H
#define AIROI_LOAD_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/project.h"
#include "io-private.h"
#include "rules-private.h"

enum { YN_SCALAR, YN_SEQ, YN_MAP };

typedef struct ynode {
    unsigned char kind;
    unsigned char quoted; /* scalar not plain (or tagged !!str): always a string */
    unsigned char open;   /* collection still being read (an alias to it is recursive) */
    int32_t line, col;    /* 1-based start */
    size_t off, len;      /* scalar text in the pool */
    struct ynode **kids;  /* sequence items; mapping keys and values alternate
                             (in the loader's arena of kids) */
    size_t n;
    size_t cap;           /* while open: where its kids start on the scratch stack */
    uint64_t weight; /* nodes in the expanded subtree */
} ynode;

#define BLOCK_NODES 1024u
#define KID_CHUNK 4096u /* kid pointers in one chunk of the arena */

typedef struct anchor {
    char *name;
    ynode *node;
} anchor;

/* Small open-addressing hash map from strings (borrowed) to pointers. */
typedef struct smap_ent {
    const char *k;
    size_t len;
    const void *v;
    uint64_t h; /* the hash of k: a probe reads k's text only when it matches */
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

enum {
    ORIGIN_COSTS,
    ORIGIN_VALUES,
    ORIGIN_SCENARIOS,
    ORIGIN_UNCERTAINTIES,
    ORIGIN_CORRELATIONS,
    ORIGIN_STAGES,
    ORIGIN_COUNT
};

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
    ynode **scratch;      /* kids of the open collections, innermost last */
    size_t scratch_n, scratch_cap;
    ynode ***kid_chunks;  /* the arena that holds every node's kids */
    size_t n_kid_chunks;
    ynode **kid_next;     /* free room in the last chunk */
    size_t kid_left;
    anchor *anchors;
    size_t nanchors, cap_anchors;
    smap anchor_map;
    uint64_t alias_nodes;
    ynode *root;
    int ndocs;

    int inline_entry; /* a project inline in a portfolio file: no `airoi` key */

    /* model (a sub-loader of a portfolio file zeroes from here on) */
    airoi_project *p;
    int horizon_ok;  /* the horizon is known: periods can be checked against it */
    smap fx;         /* currencies with a rate */
    smap names;      /* item names -> their name node */
    smap scen_names; /* scenario names -> their name node */

    /* where each item and scenario of the project came from, so that a
     * problem the validator reports by (subject, index, field) gets the
     * file position of its node */
    origin *origins[ORIGIN_COUNT]; /* costs, values, ..., by index in the project */
    size_t n_origins[ORIGIN_COUNT], cap_origins[ORIGIN_COUNT];
    const ynode *scenarios_node; /* the `scenarios` sequence */
    const ynode *work_key;       /* the longer of the `costs` and `values` keys */
    int scenarios_ok;            /* every scenario loaded without an error */
    const ynode *project_node;   /* the `project` mapping */
    const ynode *fx_node;        /* the `fx` mapping */
    const ynode *values_key;     /* the `values` key, NULL when the file has none */
    const ynode *correlations_key; /* the `correlations` key, or NULL */
    const ynode *stages_key;       /* the `stages` key, or NULL */
    size_t warnings_left;        /* plausibility warnings still listed; the rest are counted */
    size_t warnings_dropped;
} loader;

/* ---- strings and diagnostics (load-values.c) ------------------------------------ */

/* The text of a scalar node. */
const char *airoi__ytext(const loader *L, const ynode *n);

/* The smap of strings (borrowed) to pointers. */
const void *airoi__smap_get(const smap *m, const char *k, size_t len);
int airoi__smap_put(smap *m, const char *k, size_t len, const void *v);
/* Room for n entries without growing; AIROI_OK or AIROI_ERR_NOMEM. */
int airoi__smap_reserve(smap *m, size_t n);
void airoi__smap_free(smap *m);

/* Adds a diagnostic; after AIROI__IO_MAX_DIAGS, one last note and the walk stops. */
void airoi__ydiag(loader *L, int status, int32_t line, int32_t col, const char *fmt, ...)
    AIROI__PRINTF(5, 6);

/* The line and column arguments of airoi__ydiag() for a node. */
#define AT(n) (n)->line, (n)->col

/* A number as the shortest text that reads back exactly, for messages. */
const char *airoi__ynumtxt(char *buf, double v);
#define NUMTXT(v) airoi__ynumtxt((char[32]){0}, (v))

/* Writes `'text'` (shortened, control characters escaped) for messages. */
const char *airoi__yshow(char *buf, size_t cap, const char *s, size_t len);
/* Whether a node is null (an empty value, ~ or null). */
int airoi__yis_null(const loader *L, const ynode *n);
/* What a node is, for "expected ...; got ..." messages. */
const char *airoi__ydescribe(const loader *L, const ynode *n, char *buf, size_t cap);
/* Reports a node of the wrong type at `path`. */
void airoi__ytype_error(loader *L, const ynode *n, const char *path, const char *expected);

/* ---- the tree (load-tree.c) ---------------------------------------------------- */

/* Pass 1: builds L->root from L->data, or records why not: the fast reader
 * (load-fast.c) first, libyaml when it gives up. */
void airoi__ytree_build(loader *L);
void airoi__ytree_free(loader *L);
/* Pass 1 with a chosen reader (the differential tests): AIROI__YREAD_AUTO
 * as airoi__ytree_build(); _FAST the fast reader only (-1 when it gives up,
 * the tree then empty); _LIBYAML libyaml only. Returns 1 when the fast
 * reader built the tree, 0 when libyaml did. */
enum { AIROI__YREAD_AUTO, AIROI__YREAD_FAST, AIROI__YREAD_LIBYAML };
int airoi__ytree_build_with(loader *L, int reader);

/* The building blocks both readers share (load-tree.c). Each sets L->nomem
 * and L->stop when out of memory. A new node at a 1-based line and column
 * (no limit checked), or NULL: */
ynode *airoi__ytree_node(loader *L, int kind, int32_t line, int32_t col);
/* Adds a kid to the innermost open collection (scratch stack); 0 or -1. */
int airoi__ytree_kid(loader *L, ynode *n);
/* Closes collection n (its kids from n->cap on the scratch stack move to
 * the arena) and weighs it; 0 or -1. */
int airoi__ytree_close(loader *L, ynode *n);
/* Room for len bytes and a NUL in the text pool, at *off; or NULL. */
char *airoi__ytree_room(loader *L, size_t len, size_t *off);

/* The fast reader (load-fast.c): builds L->root from L->data directly when
 * the file keeps to the plain subset of YAML it knows (docs/model-format.md)
 * and returns 1 (also when out of memory: L->nomem then says so); returns 0,
 * having reported nothing, when it gives up and libyaml must read the file. */
int airoi__yfast_build(loader *L);
/* Whether two trees are the same node by node (kind, quoted, text, line,
 * column, kids, weight); if not, says where in why (the differential tests). */
int airoi__ytree_same(const loader *A, const ynode *a, const loader *B, const ynode *b,
                      char *why, size_t cap);
/* Reads a file's text with both readers (tests/unit/test-yaml-fast.c,
 * tests/fuzz/fuzz-yaml.c): 1 when the fast reader accepts it and libyaml
 * builds the same tree without a problem; 0 when the fast reader gives up;
 * -1 when they differ (why says how); -2 when out of memory. */
int airoi__yfast_check(const char *data, size_t len, char *why, size_t cap);

/* ---- typed values and mappings (load-values.c) --------------------------------- */

/* Each returns 1 and sets *out, or reports the problem at `path` and returns 0. */
int airoi__yget_str(loader *L, const ynode *n, const char *path, const char **out);
int airoi__yget_num(loader *L, const ynode *n, const char *path, double *out);
/* A number that its rule in the parameter table (lib/model/rules.c) accepts. */
int airoi__yget_param(loader *L, const ynode *n, const char *path, const airoi__rule *r,
                      double *out);
int airoi__yget_bool(loader *L, const ynode *n, const char *path, int *out);
typedef int (*from_name_fn)(int *out, const char *name);
/* The readers of lib/model's spellings as from_name_fn (load-values.c). */
int airoi__yname_period(int *out, const char *name);
int airoi__yname_per(int *out, const char *name);
int airoi__yname_category(int *out, const char *name);
int airoi__yname_dimension(int *out, const char *name);
int airoi__yname_stage(int *out, const char *name);
int airoi__yname_curve(int *out, const char *name);
int airoi__yname_payment(int *out, const char *name);
int airoi__yname_depreciation(int *out, const char *name);
int airoi__yname_terminal(int *out, const char *name);

/* ---- load-finance.c: capex, tax, inflation, terminal value -------------------- */

/* The keys capex, life, depreciation, salvage of a cost, in this order
 * from `capex` (NULL for a value item), and `real` of any item. */
enum { AIROI__YCAPEX_CAPEX, AIROI__YCAPEX_LIFE, AIROI__YCAPEX_DEPRECIATION,
       AIROI__YCAPEX_SALVAGE };
void airoi__yload_item_finance(loader *L, airoi_item *it, const char *base, const ynode *real,
                               const ynode *const *capex);
/* project.tax, project.inflation, project.terminal_value (each may be NULL). */
void airoi__yload_project_finance(loader *L, const ynode *tax, const ynode *inflation,
                                  const ynode *terminal);
/* project.discount_rate given as {rate: r, real: true|false}. */
void airoi__yload_discount_map(loader *L, const ynode *n);
/* An enumeration spelled as in the model format; its rule lists the spellings. */
int airoi__yget_enum(loader *L, const ynode *n, const char *path, from_name_fn fn,
                     const airoi__rule *r, int *out);

#define ITEM_RULE(param) airoi__item_rule(AIROI_ITEM_##param)
#define PROJECT_RULE(param) airoi__project_rule(AIROI_PROJECT_##param)
#define SCENARIO_RULE(param) airoi__scenario_rule(AIROI_SCENARIO_##param)

/* Records the values of the known keys of a mapping; unknown, duplicate and
 * non-scalar keys are diagnosed. Returns 0 if `map` is not a mapping. */
int airoi__ycollect(loader *L, const ynode *map, const char *path, const char *const *keys,
                    size_t nkeys, const ynode **vals, const ynode **keynodes);
/* Path of a key under `base` ("costs[0]" + "at" = "costs[0].at"). */
const char *airoi__ypath(char *buf, size_t cap, const char *base, const char *key);
/* Path of entry i of a list ("costs" + 3 = "costs[3]"), cut to cap bytes
 * like snprintf(). */
const char *airoi__yindex(char *buf, size_t cap, const char *base, size_t i);
/* Reports a setter's refusal at a node (out of memory stops the walk). */
void airoi__ysetter_failed(loader *L, int rc, const ynode *n, const char *path);
/* Where the next item or scenario of the project comes from, and after it
 * is loaded, whether it added no error. */
void airoi__yadd_origin(loader *L, int which, const ynode *node, size_t index);
void airoi__yclose_origin(loader *L, int which, size_t n_before, size_t errors_before);

/* ---- the sections of format v1 ------------------------------------------------- */

void airoi__yload_project(loader *L, const ynode *root, const ynode *pn);       /* load-project.c */
void airoi__yload_fx(loader *L, const ynode *n);                                /* load-project.c */
void airoi__yload_items(loader *L, const ynode *n, int is_cost, size_t *total); /* load-items.c */
void airoi__yload_scenarios(loader *L, const ynode *n); /* load-scenarios.c */
/* load-uncertainty.c */
void airoi__yload_uncertainties(loader *L, const ynode *n);
void airoi__yload_correlations(loader *L, const ynode *n);
void airoi__yload_stages(loader *L, const ynode *n);
void airoi__yload_simulation(loader *L, const ynode *n);
/* After the validator, when the file has no error: each law compiles, and
 * the rank correlations form a positive semi-definite matrix (or are
 * repaired, with a warning, when simulation.repair is true). */
void airoi__ycheck_uncertain(loader *L);
void airoi__yload_narrative(loader *L, const ynode *n); /* load-narrative.c */
/* load-tracking.c; `last` is the last period indicators may have (the
 * horizon, plus the stages' periods when the project has stages) */
void airoi__yload_actuals(loader *L, const ynode *n);
void airoi__yload_tracking(loader *L, const ynode *n, int32_t last);
void airoi__ycheck_actuals(loader *L, const ynode *actuals);
void airoi__yload_indicators(loader *L, const ynode *n, int32_t last);
void airoi__yload_criteria(loader *L, const ynode *stages);
/* The whole model document at L->root (load.c). */
void airoi__yload_document(loader *L);
/* Frees what walking a model document allocated (its maps and origins;
 * not the tree, not the project) (load.c). */
void airoi__yload_release(loader *L);

#endif /* AIROI_LOAD_PRIVATE_H */
