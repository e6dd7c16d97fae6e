/*
 * lib/core/alloc.c: the library's allocator, growable buffers, small helpers.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-private.h"

/* Allocation-failure injection for tests, after SQLite's fault simulator:
 * fail_after counts down the allocations that still succeed; at zero one
 * fails, and then either every later one fails too (persistent) or
 * injection stops (transient). failures counts the injected failures.
 * The counters are the calling thread's; airoi__alloc_fail_shared() arms
 * one count for every thread instead (simulations' worker threads), kept
 * in atomics; `shared` is then set, so that an allocation without it
 * costs one relaxed load. */
static _Thread_local long fail_after = -1;
static _Thread_local int fail_persistent;
static _Thread_local long failures;
static atomic_int shared;
static atomic_long shared_after = -1;
static atomic_int shared_persistent;
static atomic_long shared_failures;

static void fail_from(long after, int persistent)
{
    fail_after = after < 0 ? -1 : after;
    fail_persistent = persistent;
    failures = 0;
    atomic_store(&shared, 0);
    atomic_store(&shared_after, -1);
    atomic_store(&shared_failures, 0);
}

void airoi__alloc_fail_after(long after)
{
    fail_from(after, 1);
}

void airoi__alloc_fail_once(long after)
{
    fail_from(after, 0);
}

void airoi__alloc_fail_shared(long after, int persistent)
{
    fail_from(-1, 0);
    atomic_store(&shared_persistent, persistent);
    atomic_store(&shared_after, after < 0 ? -1 : after);
    atomic_store(&shared, after >= 0);
}

long airoi__alloc_failures(void)
{
    return failures + atomic_load(&shared_failures);
}

static int should_fail_shared(void)
{
    long a = atomic_load(&shared_after);
    for (;;) {
        if (a < 0)
            return 0;
        if (a > 0) {
            if (atomic_compare_exchange_weak(&shared_after, &a, a - 1))
                return 0;
            continue;
        }
        if (!atomic_load(&shared_persistent) &&
            !atomic_compare_exchange_weak(&shared_after, &a, -1))
            continue;
        atomic_fetch_add(&shared_failures, 1);
        return 1;
    }
}

static int should_fail(void)
{
    if (atomic_load_explicit(&shared, memory_order_relaxed))
        return should_fail_shared();
    if (fail_after < 0)
        return 0;
    if (fail_after > 0) {
        fail_after--;
        return 0;
    }
    if (!fail_persistent)
        fail_after = -1;
    failures++;
    return 1;
}

void *airoi__malloc(size_t size)
{
    if (should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *airoi__calloc(size_t count, size_t size)
{
    if (should_fail())
        return NULL;
    if (count == 0 || size == 0)
        return calloc(1, 1);
    return calloc(count, size);
}

void *airoi__realloc(void *ptr, size_t size)
{
    if (should_fail())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void *airoi__reallocarray(void *ptr, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return airoi__realloc(ptr, count * size);
}

void airoi__free(void *ptr)
{
    free(ptr);
}

AIROI_API void airoi_free(void *ptr)
{
    airoi__free(ptr);
}

char *airoi__strndup(const char *s, size_t n)
{
    char *d = airoi__malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *airoi__strdup(const char *s)
{
    return airoi__strndup(s, strlen(s));
}

int airoi__all_finite(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return 0;
    return 1;
}

void airoi__buf_init(airoi__buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = 0;
}

void airoi__buf_free(airoi__buf *b)
{
    airoi__free(b->data);
    airoi__buf_init(b);
}

static int buf_reserve(airoi__buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *d = airoi__realloc(b->data, cap);
    if (!d) {
        b->failed = 1;
        return 0;
    }
    b->data = d;
    b->cap = cap;
    return 1;
}

void airoi__buf_append(airoi__buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void airoi__buf_puts(airoi__buf *b, const char *s)
{
    airoi__buf_append(b, s, strlen(s));
}

void airoi__buf_printf(airoi__buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        airoi__buf_append(b, small, (size_t)n);
        return;
    }
    if (!buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

int airoi__buf_detach(airoi__buf *b, char **out, size_t *len_out)
{
    if (b->failed || !buf_reserve(b, 0)) {
        airoi__buf_free(b);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing output");
    }
    *out = b->data;
    if (len_out)
        *len_out = b->len;
    airoi__buf_init(b);
    return AIROI_OK;
}

/* Doubles the capacity of an array when it is full. */
int airoi__grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return AIROI_OK;
    size_t nc = *cap ? *cap * 2 : 8;
    void *p = airoi__reallocarray(*arr, nc, elem);
    if (!p)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    *arr = p;
    *cap = nc;
    return AIROI_OK;
}
