/*
 * lib/portfolio/select.c: the exact best set of projects under a budget
 * (portfolio layer): a 0/1 knapsack solved by depth-first branch and bound
 * with the bound of its linear relaxation (Dantzig's greedy fraction), as in
 * Martello and Toth, "Knapsack Problems: Algorithms and Computer
 * Implementations" (Wiley, 1990), section 2.5 (docs/methodology.md,
 * "Portfolio selection").
 *
 * Mandatory projects are in every set. A project that is not mandatory and
 * has a negative NPV is never in the best set (leaving it out raises the NPV
 * and does not raise the investment), so it is not searched. Every complete
 * set the search reaches is judged by the exact rule: its totals are summed
 * in file order with compensated summation, the budget is checked on that
 * sum, and the tie rules decide between sets of the same NPV. The bound
 * prunes only what cannot equal the best set found so far, with a margin
 * of rounding, so ties are always reached.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "portfolio-private.h"

typedef struct search {
    size_t n, m;            /* projects; candidates (searched) */
    const double *npv, *inv;
    const int *mandatory;
    const char *const *names;
    double budget;
    int has_budget;
    size_t *order;          /* candidates, best ratio first */
    unsigned char *take;    /* by project: in the set being built */
    unsigned char *best;    /* by project: the best set so far */
    int have_best;
    double best_npv, best_inv;
    double cap;             /* budget left after the mandatory projects, with slack */
    double tol_npv, tol_inv;
    const char **buf_a, **buf_b;
    uint64_t *work;         /* steps so far (AIROI__PF_SEARCH_MAX) */
    int stopped;            /* past AIROI__PF_SEARCH_MAX */
} search;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted names of a set into buf; their count. */
static size_t sorted_names(const search *S, const unsigned char *set, const char **buf)
{
    size_t k = 0;
    for (size_t i = 0; i < S->n; i++)
        if (set[i])
            buf[k++] = S->names[i];
    qsort(buf, k, sizeof *buf, cmp_str);
    return k;
}

/* < 0 when the sorted names of a come before those of b. */
static int names_order(search *S, const unsigned char *a, const unsigned char *b)
{
    *S->work += 2 * S->n;
    size_t na = sorted_names(S, a, S->buf_a), nb = sorted_names(S, b, S->buf_b);
    for (size_t i = 0; i < na && i < nb; i++) {
        int c = strcmp(S->buf_a[i], S->buf_b[i]);
        if (c)
            return c;
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

static void leaf(search *S)
{
    *S->work += S->n;
    airoi__sum sn = {0, 0}, si = {0, 0};
    for (size_t i = 0; i < S->n; i++)
        if (S->take[i]) {
            airoi__sum_add(&sn, S->npv[i]);
            airoi__sum_add(&si, S->inv[i]);
        }
    double npv = airoi__sum_get(&sn), inv = airoi__sum_get(&si);
    if (S->has_budget && inv > S->budget)
        return;
    int better = !S->have_best || npv > S->best_npv ||
                 (npv == S->best_npv &&
                  (inv < S->best_inv ||
                   (inv == S->best_inv && names_order(S, S->take, S->best) < 0)));
    if (!better)
        return;
    memcpy(S->best, S->take, S->n);
    S->best_npv = npv;
    S->best_inv = inv;
    S->have_best = 1;
}

/* Upper bound of the NPV reachable from candidate k on with `room` left:
 * the linear relaxation (whole candidates in ratio order, then a fraction). */
static double bound(search *S, size_t k, double room)
{
    double ub = 0;
    for (size_t j = k; j < S->m; j++) {
        size_t i = S->order[j];
        ++*S->work;
        if (S->inv[i] <= room) {
            room -= S->inv[i];
            ub += S->npv[i];
        } else {
            if (S->has_budget)
                ub += S->npv[i] * (room / S->inv[i]);
            break;
        }
    }
    return ub;
}

static void dfs(search *S, size_t k, double cur_npv, double cur_inv)
{
    ++*S->work;
    if (S->stopped || *S->work > AIROI__PF_SEARCH_MAX) {
        S->stopped = 1;
        return;
    }
    if (k == S->m) {
        leaf(S);
        return;
    }
    if (S->have_best) {
        double ub = cur_npv + bound(S, k, S->cap - cur_inv);
        if (ub < S->best_npv - S->tol_npv)
            return;
        /* at best a tie in NPV, with more investment: cannot win */
        if (ub <= S->best_npv + S->tol_npv && cur_inv > S->best_inv + S->tol_inv)
            return;
    }
    size_t i = S->order[k];
    if (cur_inv + S->inv[i] <= S->cap) {
        S->take[i] = 1;
        dfs(S, k + 1, cur_npv + S->npv[i], cur_inv + S->inv[i]);
        S->take[i] = 0;
    }
    dfs(S, k + 1, cur_npv, cur_inv);
}

/* Best ratio NPV / investment first (investment 0 first of all), then file order. */
static int cmp_ratio(const search *S, size_t a, size_t b)
{
    double ia = S->inv[a], ib = S->inv[b];
    int za = ia == 0, zb = ib == 0;
    if (za != zb)
        return za ? -1 : 1;
    double l = za ? S->npv[a] : S->npv[a] * ib, r = za ? S->npv[b] : S->npv[b] * ia;
    if (l != r)
        return l > r ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}

int airoi__portfolio_select(unsigned char *chosen, const double *npv, const double *inv,
                            const int *mandatory, const char *const *names, size_t n,
                            double budget, int has_budget, uint64_t *work)
{
    search S;
    memset(&S, 0, sizeof S);
    S.work = work;
    S.n = n;
    S.npv = npv;
    S.inv = inv;
    S.mandatory = mandatory;
    S.names = names;
    S.budget = budget;
    S.has_budget = has_budget;
    S.order = airoi__calloc(n ? n : 1, sizeof *S.order);
    S.take = airoi__calloc(n ? n : 1, 1);
    S.best = airoi__calloc(n ? n : 1, 1);
    S.buf_a = airoi__calloc(n ? n : 1, sizeof *S.buf_a);
    S.buf_b = airoi__calloc(n ? n : 1, sizeof *S.buf_b);
    int rc = AIROI_OK;
    if (!S.order || !S.take || !S.best || !S.buf_a || !S.buf_b) {
        rc = airoi__error(AIROI_ERR_NOMEM, "out of memory");
        goto done;
    }
    airoi__sum mi = {0, 0};
    double scale_npv = 1, scale_inv = 1;
    for (size_t i = 0; i < n; i++) {
        scale_npv += fabs(npv[i]);
        scale_inv += fabs(inv[i]);
        if (mandatory[i]) {
            S.take[i] = 1;
            airoi__sum_add(&mi, inv[i]);
        } else if (npv[i] >= 0) {
            S.order[S.m++] = i;
        }
    }
    double base_inv = airoi__sum_get(&mi);
    if (has_budget && base_inv > budget) {
        rc = airoi__error(AIROI_ERR_MODEL, "the mandatory projects alone invest %.17g, "
                                           "more than the budget of %.17g", base_inv, budget);
        goto done;
    }
    S.tol_npv = 1e-12 * scale_npv;
    S.tol_inv = 1e-12 * scale_inv;
    S.cap = has_budget ? budget - base_inv + S.tol_inv : (double)INFINITY;
    /* insertion sort (no shared state for a comparator; n is small) */
    for (size_t j = 1; j < S.m; j++) {
        size_t x = S.order[j], k = j;
        for (; k > 0 && cmp_ratio(&S, x, S.order[k - 1]) < 0; k--)
            S.order[k] = S.order[k - 1];
        S.order[k] = x;
    }
    double base_npv = 0;
    for (size_t i = 0; i < n; i++)
        if (mandatory[i])
            base_npv += npv[i];
    dfs(&S, 0, base_npv, 0);
    if (S.stopped) {
        rc = airoi__error(AIROI_ERR_LIMIT,
                          "the exact selection of %zu projects stopped after %u search steps, "
                          "the limit (docs/errors.md#limits): many projects with equal NPV "
                          "and investment make the search long; merge them or make them differ",
                          S.m, AIROI__PF_SEARCH_MAX);
        goto done;
    }
    if (!S.have_best) { /* only when rounding refused the mandatory set itself */
        rc = airoi__error(AIROI_ERR_MODEL, "no set of projects fits the budget of %.17g", budget);
        goto done;
    }
    memcpy(chosen, S.best, n);
done:
    airoi__free(S.order);
    airoi__free(S.take);
    airoi__free(S.best);
    airoi__free(S.buf_a);
    airoi__free(S.buf_b);
    return rc;
}
