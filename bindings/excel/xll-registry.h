/*
 * bindings/excel/xll-registry.h: the add-in's handle registry.
 *
 * Worksheet functions that build objects (phase 2: AIROI.LOAD,
 * AIROI.PROJECT) cannot return a C pointer to a cell; they put the object
 * here and return its name, "kind#id" (e.g. "project#3"). Other functions
 * (AIROI.METRIC, AIROI.SCHEDULE, ...) look the name up, borrow the object
 * for the duration of the call and give it back.
 *
 * - Names are versioned: ids only grow, so a name whose object has been
 *   replaced is stale and is not found (#N/A) instead of silently reading
 *   a newer object.
 * - Each object is owned by the cell that created it (an xll_owner, taken
 *   from xlfCaller). Putting a new object for the same owner releases the
 *   previous one: recalculating a cell does not leak its old model.
 * - Thread-safe: every operation holds one internal lock for a short time;
 *   objects are destroyed outside the lock, only when no call borrows them
 *   any more (reference count), so a release racing a reader is safe. The
 *   borrowed object itself must only be read (libairoi results and models
 *   evaluated by several threads are read-only).
 * - xll_registry_clear() (xlAutoClose) destroys everything not borrowed.
 */
#ifndef AIROI_XLL_REGISTRY_H
#define AIROI_XLL_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

/* The cell that owns a handle: sheet id and 0-based row and column. */
typedef struct xll_owner {
    uint64_t sheet;
    int32_t row;
    int32_t col;
} xll_owner;

/* Destroys an object put into the registry (e.g. airoi_project_free). */
typedef void (*xll_destroy_fn)(void *obj);

/* A borrowed entry; give it back with xll_registry_release(). */
typedef struct xll_entry xll_entry;

/* Status codes of the registry. */
enum {
    XLL_REG_OK = 0,
    XLL_REG_INVALID = -1,   /* bad arguments, malformed name or kind */
    XLL_REG_NOMEM = -2,
    XLL_REG_NOT_FOUND = -3, /* no such handle, or stale, or another kind */
    XLL_REG_BUFFER = -4     /* the name does not fit in the buffer */
};

/* Longest kind ("project", "simulation", ...) and longest name. */
#define XLL_KIND_MAX 23
#define XLL_NAME_MAX 48

/* Stores obj under a new name "kind#id" written to name (cap bytes) and
 * releases whatever the same owner held before (owner may be NULL: an
 * unowned handle, released only by xll_registry_clear()). The registry
 * owns obj from this call on, also on failure (then it is destroyed).
 * kind: 1..XLL_KIND_MAX characters [a-z_]. */
int xll_registry_put(const char *kind, void *obj, xll_destroy_fn destroy,
                     const xll_owner *owner, char *name, size_t cap);

/* Borrows the object named name, which must be of kind kind (NULL: any).
 * *obj_out and *entry_out are set on success. */
int xll_registry_acquire(const char *name, const char *kind, void **obj_out,
                         xll_entry **entry_out);

/* Gives a borrowed entry back (NULL is ignored). */
void xll_registry_release(xll_entry *entry);

/* Releases the handle owned by owner, if any (a cell cleared). */
int xll_registry_drop_owner(const xll_owner *owner);

/* Number of live handles. */
size_t xll_registry_count(void);

/* Releases every handle (xlAutoClose). Objects still borrowed are
 * destroyed when their last borrower gives them back. */
void xll_registry_clear(void);

#endif /* AIROI_XLL_REGISTRY_H */
