/*
 * lib/sim/simsort.c: the work behind a simulation's statistics that runs
 * on several threads: a task runner, the radix sort of 64-bit keys, the
 * sort of an output's per-trial values into ascending order, and the
 * percentiles of sorted values (shared with the portfolio simulation).
 *
 * Nothing here can make a figure depend on the thread count: a task writes
 * only its own outputs, and a sorted array of doubles (ordered as their
 * keys: -0 before +0) is the same whichever correct sort made it.
 * Rules: docs/methodology.md#simulation-statistics (what is computed),
 * docs/threading.md (why the figures do not depend on the threads).
 */
#include <float.h>
#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <pthread.h>

#include "core-private.h"
#include "sim-private.h"

/* ---- tasks ------------------------------------------------------------------- */

typedef struct task_run {
    airoi__sim_task_fn fn;
    void *ctx;
    size_t ntasks;
    atomic_size_t next;
} task_run;

static void *task_loop(void *arg)
{
    task_run *T = arg;
    for (size_t t; (t = atomic_fetch_add(&T->next, 1)) < T->ntasks;)
        T->fn(T->ctx, t);
    return NULL;
}

void airoi__sim_parallel(int threads, size_t ntasks, airoi__sim_task_fn fn, void *ctx)
{
    task_run T = {fn, ctx, ntasks, 0};
    atomic_init(&T.next, 0);
    if (threads > AIROI__SIM_MAX_THREADS)
        threads = AIROI__SIM_MAX_THREADS;
    if ((size_t)threads > ntasks)
        threads = (int)ntasks;
    pthread_t tid[AIROI__SIM_MAX_THREADS];
    int started = 0;
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&tid[started], NULL, task_loop, &T) != 0)
            break; /* the threads that run take every task */
        started++;
    }
    task_loop(&T);
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
}

/* ---- radix sort ------------------------------------------------------------------ */

uint64_t *airoi__sim_radix_sort(uint64_t *k, uint32_t **idx, size_t n, uint64_t *tk,
                                uint32_t *ti)
{
    uint32_t cnt[6][2048];
    if (n == 0)
        return k;
    memset(cnt, 0, sizeof cnt);
    for (size_t i = 0; i < n; i++) {
        uint64_t x = k[i];
        for (int p = 0; p < 6; p++)
            cnt[p][(x >> (11 * p)) & 0x7ff]++;
    }
    uint64_t *src = k, *dst = tk;
    uint32_t *isrc = idx ? *idx : NULL, *idst = ti;
    for (int p = 0; p < 6; p++) {
        int sh = 11 * p;
        uint32_t *c = cnt[p];
        if (c[(k[0] >> sh) & 0x7ff] == n)
            continue; /* every key has this digit */
        uint32_t sum = 0;
        for (size_t d = 0; d < 2048; d++) {
            uint32_t v = c[d];
            c[d] = sum;
            sum += v;
        }
        if (isrc) {
            for (size_t i = 0; i < n; i++) {
                uint32_t d = c[(src[i] >> sh) & 0x7ff]++;
                dst[d] = src[i];
                idst[d] = isrc[i];
            }
            uint32_t *it = isrc;
            isrc = idst;
            idst = it;
        } else {
            for (size_t i = 0; i < n; i++)
                dst[c[(src[i] >> sh) & 0x7ff]++] = src[i];
        }
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (idx)
        *idx = isrc;
    return src;
}

/* ---- percentiles ------------------------------------------------------------------ */

double airoi__sim_percentile_inc(const double *x, size_t n, double p)
{
    double h = (double)(n - 1) * (p / 100.0);
    size_t lo = (size_t)floor(h);
    if (lo >= n - 1)
        return x[n - 1];
    return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

/* ---- the sort of an output's values ----------------------------------------------- */

/* A value x between mn and mx gets an index of up to 22 bits, (x - mn) x
 * scale rounded down: a non-decreasing function of x (each operation
 * rounds monotonically). Its high bits name a bucket: the keys are
 * scattered into buckets, in trial order, then each bucket is sorted by
 * the low bits (a counting sort) and the few keys that share an index are
 * put in order by insertion. Every correct sort gives the same result. */
#define MAX_INDEX_BITS 22
/* Ranges of the values counted and scattered side by side. */
#define MAX_RANGES 16
/* Bucket tasks per range (buckets differ in work: more tasks balance it). */
#define TASKS_PER_RANGE 16
/* Buckets of at most SMALL keys are sorted by insertion alone; of at most
 * LOCAL keys by the counting sort on the thread's stack; larger ones by
 * the radix sort (linear time whatever the keys). */
#define SMALL 16
#define LOCAL 4096

typedef struct sort_job {
    const double *v;
    size_t c;
    size_t nranges;
    double mn, scale;
    unsigned fine_bits;  /* low bits of the index: the order inside a bucket */
    size_t nb;           /* buckets: 2^(index bits - fine_bits) */
    uint32_t *cnt;       /* nranges x nb: a range's count per bucket, then
                          * its next slot in each bucket */
    uint32_t *start;     /* nb + 1: where each bucket begins in out */
    uint64_t *out;       /* nd: the keys by bucket, then the sorted doubles */
    uint64_t *scratch;   /* nd: the radix sort's second buffer (touched only
                          * where a bucket is large) */
    size_t ntasks;       /* bucket tasks */
} sort_job;

static inline size_t index_of(const sort_job *J, double x)
{
    /* >= 0 and finite (see airoi__sim_sort_values); the top index at mx */
    double f = (x - J->mn) * J->scale;
    size_t top = ((size_t)J->nb << J->fine_bits) - 1;
    return f < (double)top ? (size_t)f : top;
}

static void range_bounds(const sort_job *J, size_t r, size_t *lo, size_t *hi)
{
    size_t q = J->c / J->nranges, e = J->c % J->nranges;
    *lo = q * r + (r < e ? r : e);
    *hi = *lo + q + (r < e);
}

/* Range r of the values: each defined value's bucket counted, or (when
 * `scatter`) its key written to its bucket's next slot, in trial order. */
static void range_pass(sort_job *J, size_t r, int scatter)
{
    uint32_t *cnt = J->cnt + r * J->nb;
    size_t lo, hi;
    range_bounds(J, r, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
        double x = J->v[i];
        if (x != x)
            continue;
        size_t b = index_of(J, x) >> J->fine_bits;
        if (scatter)
            J->out[cnt[b]++] = airoi__sim_key_of(x);
        else
            cnt[b]++;
    }
}

static void count_task(void *ctx, size_t r)
{
    range_pass(ctx, r, 0);
}

static void scatter_task(void *ctx, size_t r)
{
    range_pass(ctx, r, 1);
}

/* Insertion sort of k[0..n-1]; gives up (returns 0) after `budget` moves,
 * leaving k a permutation of itself. */
static int insertion_sort(uint64_t *k, size_t n, size_t budget)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t x = k[i];
        size_t j = i;
        for (; j > 0 && k[j - 1] > x; j--) {
            if (budget-- == 0) {
                k[j] = x;
                return 0;
            }
            k[j] = k[j - 1];
        }
        k[j] = x;
    }
    return 1;
}

/* k[0..n-1] ascending by the radix sort; scratch holds n keys. */
static void radix_in_place(uint64_t *k, size_t n, uint64_t *scratch)
{
    uint64_t *s = airoi__sim_radix_sort(k, NULL, n, scratch, NULL);
    if (s != k)
        memcpy(k, s, n * sizeof *k);
}

/* Bucket k[0..n-1] (keys whose indexes share their high bits) ascending. */
static void sort_bucket(const sort_job *J, uint64_t *k, size_t n, uint64_t *scratch)
{
    if (n <= SMALL) {
        if (!insertion_sort(k, n, SIZE_MAX))
            radix_in_place(k, n, scratch); /* not reached: no budget */
        return;
    }
    if (n > LOCAL) {
        radix_in_place(k, n, scratch);
        return;
    }
    uint64_t tmp[LOCAL];
    uint32_t cnt[(size_t)1 << (MAX_INDEX_BITS / 2)];
    size_t nf = (size_t)1 << J->fine_bits, mask = nf - 1;
    memset(cnt, 0, nf * sizeof *cnt);
    for (size_t i = 0; i < n; i++)
        cnt[index_of(J, airoi__sim_double_of(k[i])) & mask]++;
    uint32_t sum = 0;
    for (size_t f = 0; f < nf; f++) {
        uint32_t v = cnt[f];
        cnt[f] = sum;
        sum += v;
    }
    for (size_t i = 0; i < n; i++)
        tmp[cnt[index_of(J, airoi__sim_double_of(k[i])) & mask]++] = k[i];
    /* keys sharing an index are few unless the values crowd; then the
     * radix sort, which is linear whatever they are */
    if (insertion_sort(tmp, n, 8 * n))
        memcpy(k, tmp, n * sizeof *k);
    else
        radix_in_place(k, n, scratch);
}

/* Buckets [t nb / ntasks, (t + 1) nb / ntasks) sorted, as doubles. */
static void bucket_task(void *ctx, size_t t)
{
    sort_job *J = ctx;
    size_t b0 = J->nb * t / J->ntasks, b1 = J->nb * (t + 1) / J->ntasks;
    for (size_t b = b0; b < b1; b++) {
        size_t lo = J->start[b];
        sort_bucket(J, J->out + lo, J->start[b + 1] - lo, J->scratch + lo);
    }
    size_t lo = J->start[b0], hi = J->start[b1];
    double *d = (double *)J->out;
    for (size_t i = lo; i < hi; i++)
        d[i] = airoi__sim_double_of(J->out[i]);
}

int airoi__sim_sort_values(double **sorted, const double *v, size_t c, size_t nd, double mn,
                           double mx, int threads)
{
    *sorted = NULL;
    sort_job J;
    memset(&J, 0, sizeof J);
    J.v = v;
    J.c = c;
    J.mn = mn;
    /* about four indexes a value, half the bits for the buckets */
    unsigned bits = 2;
    while (bits < MAX_INDEX_BITS && ((size_t)1 << bits) < 4 * nd)
        bits++;
    J.fine_bits = bits / 2;
    J.nb = (size_t)1 << (bits - J.fine_bits);
    /* one index when the spread is none or beyond a double: (x - mn) x
     * scale then stays finite (0), and the radix sort takes every key */
    double w = mx - mn;
    J.scale = w > 0.0 && w <= DBL_MAX ? (double)((size_t)J.nb << J.fine_bits) / w : 0.0;
    if (!(J.scale <= DBL_MAX) || J.scale == 0.0) {
        J.scale = 0.0;
        J.nb = 1;
        J.fine_bits = 0;
    }
    J.nranges = (size_t)(threads < 1 ? 1 : threads);
    if (J.nranges > MAX_RANGES)
        J.nranges = MAX_RANGES;
    if (J.nranges > c)
        J.nranges = c;
    J.ntasks = J.nranges * TASKS_PER_RANGE;
    if (J.ntasks > J.nb)
        J.ntasks = J.nb;
    J.cnt = airoi__calloc(J.nranges * J.nb, sizeof *J.cnt);
    J.start = airoi__malloc((J.nb + 1) * sizeof *J.start);
    J.out = airoi__sim_big_malloc(nd * sizeof *J.out);
    J.scratch = airoi__sim_big_malloc(nd * sizeof *J.scratch);
    if (!J.cnt || !J.start || !J.out || !J.scratch) {
        airoi__free(J.cnt);
        airoi__free(J.start);
        airoi__sim_big_free(J.out);
        airoi__sim_big_free(J.scratch);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    airoi__sim_parallel(threads, J.nranges, count_task, &J);
    /* each bucket holds the ranges' keys in range order: in trial order */
    uint32_t at = 0;
    for (size_t b = 0; b < J.nb; b++) {
        J.start[b] = at;
        for (size_t r = 0; r < J.nranges; r++) {
            uint32_t n = J.cnt[r * J.nb + b];
            J.cnt[r * J.nb + b] = at;
            at += n;
        }
    }
    J.start[J.nb] = at;
    airoi__sim_parallel(threads, J.nranges, scatter_task, &J);
    airoi__sim_parallel(threads, J.ntasks, bucket_task, &J);
    airoi__free(J.cnt);
    airoi__free(J.start);
    airoi__sim_big_free(J.scratch);
    *sorted = (double *)J.out;
    return AIROI_OK;
}
