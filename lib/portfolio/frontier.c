/*
 * lib/portfolio/frontier.c: the efficient frontier of a portfolio
 * (portfolio layer): the greatest total NPV reachable at each of a range of
 * budgets, each point the exact best set of select.c under that budget
 * with the same tie rules (docs/portfolio.md, "The efficient frontier";
 * docs/methodology.md, "Portfolio selection").
 *
 * Levels: with M the mandatory projects' total investment and T the total
 * investment of every project (both summed in file order with compensated
 * summation, as the selection sums), level k of N is
 * M + (T - M) k / (N - 1), the last one T itself; equal levels (T = M)
 * give one point.
 */
#include <math.h>
#include <string.h>

#include "portfolio-private.h"

void airoi__portfolio_frontier_free(airoi_portfolio_result *r)
{
    airoi__free(r->fr_budget);
    airoi__free(r->fr_npv);
    airoi__free(r->fr_inv);
    airoi__free(r->fr_sel);
    r->fr_budget = r->fr_npv = r->fr_inv = NULL;
    r->fr_sel = NULL;
    r->n_frontier = 0;
}

int airoi__portfolio_frontier(airoi_portfolio_result *r, const double *npv, const double *inv,
                              const int *mandatory, const char *const *names, int32_t levels)
{
    size_t n = r->n, nl = levels > 0 ? (size_t)levels : 0;
    airoi__portfolio_frontier_free(r);
    if (nl == 0)
        return AIROI_OK;
    airoi__sum sm = {0, 0}, st = {0, 0};
    for (size_t i = 0; i < n; i++) {
        airoi__sum_add(&st, inv[i]);
        if (mandatory[i])
            airoi__sum_add(&sm, inv[i]);
    }
    double lo = airoi__sum_get(&sm), hi = airoi__sum_get(&st);
    if (hi <= lo || nl == 1)
        nl = 1;
    r->fr_budget = airoi__calloc(nl, sizeof *r->fr_budget);
    r->fr_npv = airoi__calloc(nl, sizeof *r->fr_npv);
    r->fr_inv = airoi__calloc(nl, sizeof *r->fr_inv);
    r->fr_sel = airoi__calloc(nl * (n ? n : 1), 1);
    if (!r->fr_budget || !r->fr_npv || !r->fr_inv || !r->fr_sel) {
        airoi__portfolio_frontier_free(r);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    uint64_t work = 0;
    for (size_t k = 0; k < nl; k++) {
        double level = nl == 1       ? (hi > lo ? hi : lo)
                       : k + 1 == nl ? hi
                                     : lo + (hi - lo) * (double)k / (double)(nl - 1);
        unsigned char *sel = r->fr_sel + k * n;
        int rc = airoi__portfolio_select(sel, npv, inv, mandatory, names, n, level, 1, &work);
        if (rc) {
            airoi__portfolio_frontier_free(r);
            return rc;
        }
        airoi__sum sn = {0, 0}, si = {0, 0};
        for (size_t i = 0; i < n; i++)
            if (sel[i]) {
                airoi__sum_add(&sn, npv[i]);
                airoi__sum_add(&si, inv[i]);
            }
        r->fr_budget[k] = level;
        r->fr_npv[k] = airoi__sum_get(&sn);
        r->fr_inv[k] = airoi__sum_get(&si);
    }
    r->n_frontier = nl;
    return AIROI_OK;
}

int airoi__portfolio_set_frontier_levels(airoi_portfolio *pf, int32_t levels)
{
    if (!pf)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_portfolio_set_frontier_levels: NULL portfolio");
    if (levels < 0 || levels > AIROI__PF_FRONTIER_MAX)
        return airoi__error(AIROI_ERR_RANGE,
                            "frontier levels: expected a whole number in 0..%d (0: no "
                            "frontier); got %ld",
                            AIROI__PF_FRONTIER_MAX, (long)levels);
    pf->frontier_levels = levels;
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_set_frontier_levels(airoi_portfolio *pf, int32_t levels)
{
    AIROI__ENTER();
    return airoi__portfolio_set_frontier_levels(pf, levels);
}

size_t airoi__portfolio_result_count_frontier(const airoi_portfolio_result *r)
{
    return r ? r->n_frontier : 0;
}

AIROI_API size_t airoi_portfolio_result_count_frontier(const airoi_portfolio_result *r)
{
    AIROI__ENTER();
    return airoi__portfolio_result_count_frontier(r);
}

static int point_index(const airoi_portfolio_result *r, size_t k, const char *fn)
{
    if (!r)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL result", fn);
    if (k >= r->n_frontier)
        return airoi__error(AIROI_ERR_RANGE, "%s: frontier point %zu; the frontier has %zu", fn,
                            k, r->n_frontier);
    return AIROI_OK;
}

int airoi__portfolio_result_get_frontier(double *budget, double *total_npv,
                                         double *total_investment,
                                         const airoi_portfolio_result *r, size_t k)
{
    int rc = point_index(r, k, "airoi_portfolio_result_get_frontier");
    if (rc)
        return rc;
    if (budget)
        *budget = r->fr_budget[k];
    if (total_npv)
        *total_npv = r->fr_npv[k];
    if (total_investment)
        *total_investment = r->fr_inv[k];
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_result_get_frontier(double *budget, double *total_npv,
                                                  double *total_investment,
                                                  const airoi_portfolio_result *r, size_t k)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_frontier(budget, total_npv, total_investment, r, k);
}

int airoi__portfolio_result_get_frontier_selected(int *out, const airoi_portfolio_result *r,
                                                  size_t k, size_t i)
{
    static const char fn[] = "airoi_portfolio_result_get_frontier_selected";
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL out", fn);
    int rc = point_index(r, k, fn);
    if (rc)
        return rc;
    if (i >= r->n)
        return airoi__error(AIROI_ERR_RANGE, "%s: project index %zu; the portfolio has %zu", fn,
                            i, r->n);
    *out = r->fr_sel[k * r->n + i];
    return AIROI_OK;
}

AIROI_API int airoi_portfolio_result_get_frontier_selected(int *out,
                                                           const airoi_portfolio_result *r,
                                                           size_t k, size_t i)
{
    AIROI__ENTER();
    return airoi__portfolio_result_get_frontier_selected(out, r, k, i);
}
