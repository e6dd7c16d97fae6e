/*
 * bindings/excel/xll-registry.c: thread-safe registry of named handles
 * (see xll-registry.h).
 */
#include "xll-registry.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  include <windows.h>
static SRWLOCK reg_lock = SRWLOCK_INIT;
static void lock(void) { AcquireSRWLockExclusive(&reg_lock); }
static void unlock(void) { ReleaseSRWLockExclusive(&reg_lock); }
#else
#  include <pthread.h>
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static void lock(void) { pthread_mutex_lock(&reg_lock); }
static void unlock(void) { pthread_mutex_unlock(&reg_lock); }
#endif

struct xll_entry {
    uint64_t id;
    char kind[XLL_KIND_MAX + 1];
    int has_owner;
    xll_owner owner;
    void *obj;
    xll_destroy_fn destroy;
    long refs;      /* borrowers, plus 1 while the entry is listed */
};

/* Listed entries, sorted by id (ids only grow, so appending keeps order). */
static xll_entry **entries;
static size_t count, cap;
static uint64_t next_id = 1;

static void entry_destroy(xll_entry *e)
{
    if (e->destroy != NULL && e->obj != NULL)
        e->destroy(e->obj);
    free(e);
}

/* Drops one reference under the lock; returns the entry when it must now
 * be destroyed (outside the lock), else NULL. */
static xll_entry *unref_locked(xll_entry *e)
{
    return --e->refs == 0 ? e : NULL;
}

/* Removes entries[i] from the list; returns the entry to destroy, if any. */
static xll_entry *unlist_locked(size_t i)
{
    xll_entry *e = entries[i];
    memmove(entries + i, entries + i + 1, (count - i - 1) * sizeof *entries);
    count--;
    return unref_locked(e);
}

static int valid_kind(const char *kind)
{
    size_t n = 0;
    for (const char *p = kind; *p; p++, n++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
            return 0;
    return n >= 1 && n <= XLL_KIND_MAX;
}

static int same_owner(const xll_owner *a, const xll_owner *b)
{
    return a->sheet == b->sheet && a->row == b->row && a->col == b->col;
}

int xll_registry_put(const char *kind, void *obj, xll_destroy_fn destroy,
                     const xll_owner *owner, char *name, size_t cap_name)
{
    if (kind == NULL || !valid_kind(kind) || obj == NULL || name == NULL || cap_name == 0) {
        if (obj != NULL && destroy != NULL)
            destroy(obj);
        return XLL_REG_INVALID;
    }
    xll_entry *e = calloc(1, sizeof *e);
    if (e == NULL) {
        if (destroy != NULL)
            destroy(obj);
        return XLL_REG_NOMEM;
    }
    memcpy(e->kind, kind, strlen(kind) + 1);
    e->obj = obj;
    e->destroy = destroy;
    e->refs = 1;
    if (owner != NULL) {
        e->has_owner = 1;
        e->owner = *owner;
    }

    xll_entry *old = NULL;
    lock();
    if (count == cap) {
        size_t ncap = cap ? cap * 2 : 16;
        xll_entry **n = realloc(entries, ncap * sizeof *n);
        if (n == NULL) {
            unlock();
            entry_destroy(e);
            return XLL_REG_NOMEM;
        }
        entries = n;
        cap = ncap;
    }
    e->id = next_id++;
    int len = snprintf(name, cap_name, "%s#%" PRIu64, kind, e->id);
    if (len < 0 || (size_t)len >= cap_name) {
        unlock();
        entry_destroy(e);
        name[0] = '\0';
        return XLL_REG_BUFFER;
    }
    if (owner != NULL) {
        for (size_t i = 0; i < count; i++) {
            if (entries[i]->has_owner && same_owner(&entries[i]->owner, owner)) {
                old = unlist_locked(i);
                break;
            }
        }
    }
    entries[count++] = e;
    unlock();
    if (old != NULL)
        entry_destroy(old);
    return XLL_REG_OK;
}

/* Parses "kind#id"; kind_out gets the kind (XLL_KIND_MAX + 1 bytes). */
static int parse_name(const char *name, char *kind_out, uint64_t *id_out)
{
    const char *hash = strchr(name, '#');
    if (hash == NULL || hash == name || (size_t)(hash - name) > XLL_KIND_MAX)
        return 0;
    memcpy(kind_out, name, (size_t)(hash - name));
    kind_out[hash - name] = '\0';
    if (!valid_kind(kind_out))
        return 0;
    const char *p = hash + 1;
    if (*p < '1' || *p > '9')
        return 0;
    uint64_t id = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || id > (UINT64_MAX - 9) / 10)
            return 0;
        id = id * 10 + (uint64_t)(*p - '0');
    }
    *id_out = id;
    return 1;
}

static long find_locked(uint64_t id)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (entries[mid]->id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < count && entries[lo]->id == id ? (long)lo : -1;
}

int xll_registry_acquire(const char *name, const char *kind, void **obj_out,
                         xll_entry **entry_out)
{
    char k[XLL_KIND_MAX + 1];
    uint64_t id;
    if (obj_out != NULL)
        *obj_out = NULL;
    if (entry_out != NULL)
        *entry_out = NULL;
    if (name == NULL || obj_out == NULL || entry_out == NULL)
        return XLL_REG_INVALID;
    if (!parse_name(name, k, &id))
        return XLL_REG_INVALID;
    if (kind != NULL && strcmp(kind, k) != 0)
        return XLL_REG_NOT_FOUND;
    lock();
    long i = find_locked(id);
    if (i < 0 || strcmp(entries[i]->kind, k) != 0) {
        unlock();
        return XLL_REG_NOT_FOUND;
    }
    xll_entry *e = entries[i];
    e->refs++;
    unlock();
    *obj_out = e->obj;
    *entry_out = e;
    return XLL_REG_OK;
}

void xll_registry_release(xll_entry *entry)
{
    if (entry == NULL)
        return;
    lock();
    xll_entry *dead = unref_locked(entry);
    unlock();
    if (dead != NULL)
        entry_destroy(dead);
}

int xll_registry_drop_owner(const xll_owner *owner)
{
    if (owner == NULL)
        return XLL_REG_INVALID;
    xll_entry *dead = NULL;
    int found = 0;
    lock();
    for (size_t i = 0; i < count; i++) {
        if (entries[i]->has_owner && same_owner(&entries[i]->owner, owner)) {
            dead = unlist_locked(i);
            found = 1;
            break;
        }
    }
    unlock();
    if (dead != NULL)
        entry_destroy(dead);
    return found ? XLL_REG_OK : XLL_REG_NOT_FOUND;
}

size_t xll_registry_count(void)
{
    lock();
    size_t n = count;
    unlock();
    return n;
}

void xll_registry_clear(void)
{
    lock();
    xll_entry **list = entries;
    size_t n = count;
    entries = NULL;
    count = cap = 0;
    /* Decide under the lock which entries die now; borrowed ones die with
     * their last borrower. */
    for (size_t i = 0; i < n; i++)
        if (unref_locked(list[i]) == NULL)
            list[i] = NULL;
    unlock();
    for (size_t i = 0; i < n; i++)
        if (list[i] != NULL)
            entry_destroy(list[i]);
    free(list);
}
