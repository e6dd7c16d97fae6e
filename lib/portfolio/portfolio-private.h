/*
 * lib/portfolio: portfolios of projects, their evaluation and the exact
 * selection under a budget (portfolio layer, above sim and eval). Internal
 * header; nothing here is part of the API.
 *
 * The internal form of each public airoi_NAME() of this layer is
 * airoi__NAME(), declared here and defined just above its public function
 * (docs/layers.md).
 */
#ifndef AIROI_PORTFOLIO_PRIVATE_H
#define AIROI_PORTFOLIO_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "core-private.h"
#include "airoi/portfolio.h"

struct airoi_portfolio {
    char *name;
    char *currency;
    double budget;
    int has_budget;
    airoi_portfolio_measure measure;
    char **fx_cur;
    double *fx_rate;
    size_t n_fx, cap_fx;
    airoi_project **projects;
    char **sources;     /* model file of each project, NULL when inline */
    int *mandatory;
    size_t n, cap;
    int32_t frontier_levels; /* budget levels of the efficient frontier (frontier.c) */
};

/* Number of figures of a project (AIROI_PORTFOLIO_NPV ... _PROJECT_EXPECTED_NPV). */
#define AIROI__PF_PROJECT_FIGURES 6

typedef struct airoi__pf_project {
    char *name;
    char *currency;
    airoi_result *result;
    double fig[AIROI__PF_PROJECT_FIGURES]; /* by figure - AIROI_PORTFOLIO_NPV */
    int status[AIROI__PF_PROJECT_FIGURES]; /* AIROI_OK, or why the figure is missing */
    int32_t rank[4];                       /* npv, irr, pi, roi_risk_adjusted */
    int selected;
} airoi__pf_project;

struct airoi_portfolio_result {
    char *name;
    char *currency;
    airoi_portfolio_measure measure;
    double budget;
    int has_budget;
    double total_npv, total_investment, expected_npv;
    airoi__pf_project *projects;
    size_t n;
    /* the efficient frontier (frontier.c): point k is the best set under
     * budget fr_budget[k]; fr_sel[k * n + i] = 1 when project i is in it */
    size_t n_frontier;
    double *fr_budget, *fr_npv, *fr_inv;
    unsigned char *fr_sel;
};

/* Default number of budget levels of the efficient frontier. */
#define AIROI__PF_FRONTIER_LEVELS 21
#define AIROI__PF_FRONTIER_MAX 1001

/* The exact best set (docs/methodology.md, "Portfolio selection"): chosen[i]
 * = 1 for the projects of the set that maximises the sum of npv under
 * sum of inv <= budget (no limit when !has_budget), every mandatory project
 * in it; ties: the smaller total investment, then the set whose sorted list
 * of names comes first (byte order of UTF-8 = code-point order). inv[i] >= 0.
 * AIROI_ERR_MODEL when the mandatory projects alone exceed the budget.
 * *work counts the search's steps (a node costs 1 plus the candidates its
 * bound adds up, a complete set and a tie the projects they look at); it
 * is shared by the selections of one evaluation, the frontier's included,
 * and past AIROI__PF_SEARCH_MAX the search stops with AIROI_ERR_LIMIT: the
 * search is exponential at worst (many projects with equal figures). */
int airoi__portfolio_select(unsigned char *chosen, const double *npv, const double *inv,
                            const int *mandatory, const char *const *names, size_t n,
                            double budget, int has_budget, uint64_t *work);
/* About a second of search (docs/errors.md#limits). */
#define AIROI__PF_SEARCH_MAX 200000000u
/* The evaluation work of a portfolio's projects together, cells as
 * AIROI_EVAL_MAX_CELLS counts them (seconds of work). */
#define AIROI__PF_MAX_CELLS 500000000u
/* A portfolio simulation's work: trials x the numbers and periods a trial
 * of every project takes (minutes of work; a portfolio simulation has no
 * progress callback to cancel it). */
#define AIROI__PF_SIM_MAX_WORK 10000000000u

/* The efficient frontier of r (frontier.c): the exact best set at each of
 * `levels` budgets evenly spaced from the mandatory projects' investment
 * to the investment of every project (docs/portfolio.md). */
int airoi__portfolio_frontier(airoi_portfolio_result *r, const double *npv, const double *inv,
                              const int *mandatory, const char *const *names, int32_t levels);
void airoi__portfolio_frontier_free(airoi_portfolio_result *r);
int airoi__portfolio_set_frontier_levels(airoi_portfolio *pf, int32_t levels);
size_t airoi__portfolio_result_count_frontier(const airoi_portfolio_result *r);
int airoi__portfolio_result_get_frontier(double *budget, double *total_npv,
                                         double *total_investment,
                                         const airoi_portfolio_result *r, size_t k);
int airoi__portfolio_result_get_frontier_selected(int *out, const airoi_portfolio_result *r,
                                                  size_t k, size_t i);
/* unit x the rate of p's currency to the portfolio currency (portfolio.c). */
int airoi__portfolio_conversion(double *out, const airoi_portfolio *pf, const airoi_project *p,
                                const char *name);

int airoi__portfolio_new(airoi_portfolio **out, const char *name, const char *currency);
void airoi__portfolio_free(airoi_portfolio *pf);
int airoi__portfolio_set_budget(airoi_portfolio *pf, double budget);
int airoi__portfolio_set_measure(airoi_portfolio *pf, airoi_portfolio_measure measure);
int airoi__portfolio_set_fx(airoi_portfolio *pf, const char *currency, double rate);
int airoi__portfolio_add_project(airoi_portfolio *pf, const airoi_project *p, int mandatory,
                                 const char *source);
/* As airoi__portfolio_add_project(), taking ownership of p (freed on failure). */
int airoi__portfolio_adopt_project(airoi_portfolio *pf, airoi_project *p, int mandatory,
                                   const char *source);
size_t airoi__portfolio_count_projects(const airoi_portfolio *pf);
const airoi_project *airoi__portfolio_get_project(const airoi_portfolio *pf, size_t i);
int airoi__portfolio_get_mandatory(int *out, const airoi_portfolio *pf, size_t i);
const char *airoi__portfolio_get_source(const airoi_portfolio *pf, size_t i);
int airoi__portfolio_get_settings(const char **name, const char **currency, double *budget,
                                  int *has_budget, airoi_portfolio_measure *measure,
                                  const airoi_portfolio *pf);
size_t airoi__portfolio_count_fx(const airoi_portfolio *pf);
int airoi__portfolio_get_fx(const char **currency, double *rate, const airoi_portfolio *pf,
                            size_t i);
const char *airoi__portfolio_measure_name(airoi_portfolio_measure measure);
int airoi__portfolio_measure_from_name(airoi_portfolio_measure *out, const char *name);
int airoi__portfolio_evaluate(airoi_portfolio_result **out, const airoi_portfolio *pf,
                              unsigned flags);
/* The same with `levels` frontier levels in place of the portfolio's (0: none). */
int airoi__portfolio_evaluate_levels(airoi_portfolio_result **out, const airoi_portfolio *pf,
                                     unsigned flags, int32_t levels);
void airoi__portfolio_result_free(airoi_portfolio_result *r);
size_t airoi__portfolio_result_count_projects(const airoi_portfolio_result *r);
int airoi__portfolio_result_get_number(double *out, const airoi_portfolio_result *r,
                                       airoi_portfolio_figure figure);
int airoi__portfolio_result_get_project_number(double *out, const airoi_portfolio_result *r,
                                               size_t i, airoi_portfolio_figure figure);
int airoi__portfolio_result_get_rank(int32_t *out, const airoi_portfolio_result *r, size_t i,
                                     airoi_portfolio_figure by);
int airoi__portfolio_result_get_selected(int *out, const airoi_portfolio_result *r, size_t i);
const char *airoi__portfolio_result_get_string(const airoi_portfolio_result *r, size_t i,
                                               airoi_project_param param);
const airoi_result *airoi__portfolio_result_get_project(const airoi_portfolio_result *r,
                                                        size_t i);
int airoi__portfolio_result_get_info(const char **name, const char **currency,
                                     airoi_portfolio_measure *measure,
                                     const airoi_portfolio_result *r);

/* ---- pfsim.c: the portfolio Monte Carlo ---- */

/* Drivers agree across the projects of pf (same law everywhere, none in a
 * correlation); else AIROI_ERR_MODEL naming both projects and their files,
 * *bad_project the later project. */
int airoi__portfolio_check_drivers(const airoi_portfolio *pf, size_t *bad_project);
int airoi__portfolio_simulate(airoi_portfolio_simulation **out, const airoi_portfolio *pf,
                              const airoi_sim_options *options, unsigned flags);
int airoi__portfolio_simulate_range(airoi_portfolio_simulation **out, const airoi_portfolio *pf,
                                    const airoi_sim_options *options, int64_t first,
                                    int64_t count, unsigned flags);
int airoi__portfolio_simulation_merge(airoi_portfolio_simulation **out,
                                      const airoi_portfolio_simulation *a,
                                      const airoi_portfolio_simulation *b);
void airoi__portfolio_simulation_free(airoi_portfolio_simulation *s);
int airoi__portfolio_simulation_get_stat(double *out, const airoi_portfolio_simulation *s,
                                         airoi_sim_stat stat);
int airoi__portfolio_simulation_get_percentile(double *out, const airoi_portfolio_simulation *s,
                                               double percentile);
/* The extra percentiles asked (*extra, their number returned). */
size_t airoi__portfolio_simulation_count_percentiles(const airoi_portfolio_simulation *s,
                                                     const double **extra);
int airoi__portfolio_simulation_get_histogram(double *edges, int64_t *counts, size_t cap,
                                              size_t *bins_out,
                                              const airoi_portfolio_simulation *s);
int airoi__portfolio_simulation_get_trials(double *values, size_t cap, size_t *len_out,
                                           const airoi_portfolio_simulation *s);
int airoi__portfolio_simulation_get_info(int64_t *first, int64_t *count, uint64_t *seed,
                                         const airoi_portfolio_simulation *s);
size_t airoi__portfolio_simulation_count_projects(const airoi_portfolio_simulation *s);
const char *airoi__portfolio_simulation_get_name(const airoi_portfolio_simulation *s, size_t i);
int airoi__portfolio_simulation_get_project_number(double *out,
                                                   const airoi_portfolio_simulation *s,
                                                   size_t i, airoi_portfolio_sim_figure figure);
size_t airoi__portfolio_simulation_count_drivers(const airoi_portfolio_simulation *s);
int airoi__portfolio_simulation_get_driver(const char **name, size_t *projects,
                                           const airoi_portfolio_simulation *s, size_t i);
int airoi__portfolio_simulation_save_buffer(void **out, size_t *len_out,
                                            const airoi_portfolio_simulation *s, unsigned flags);
int airoi__portfolio_simulation_load_buffer(airoi_portfolio_simulation **out, const void *data,
                                            size_t len, unsigned flags);

#endif /* AIROI_PORTFOLIO_PRIVATE_H */
