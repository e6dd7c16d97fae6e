/**
 * @file simulation.h
 * @brief Monte Carlo simulation, tornado and spider sensitivity, staged
 *        investment and break-even.
 *
 * A simulation draws every uncertainty of a project per trial and evaluates
 * the trial's cash flows. Trial i depends only on (seed, i, the model):
 * never on the thread count or on which trials run where, so ranges of
 * trials run anywhere merge into exactly the whole run. The formulas are in
 * docs/methodology.md; threading in docs/threading.md.
 */
#ifndef AIROI_SIMULATION_H
#define AIROI_SIMULATION_H

#include "airoi/common.h"
#include "airoi/project.h"
#include "airoi/uncertainty.h"

AIROI_BEGIN_DECLS

/** @brief Result of a simulation: immutable, caller-owned, readable from many threads. @since 0.1 */
typedef struct airoi_simulation airoi_simulation;
/** @brief Tornado and spider sensitivity of a project's NPV. @since 0.1 */
typedef struct airoi_tornado airoi_tornado;
/** @brief Staged-investment figures of a project. @since 0.1 */
typedef struct airoi_staging airoi_staging;
/** @brief Break-even multipliers of a project. @since 0.1 */
typedef struct airoi_breakeven airoi_breakeven;

/** @brief A statistic of a simulation output. @since 0.1 */
typedef enum airoi_sim_stat {
    AIROI_STAT_MEAN = 0x2500,            /**< mean over defined trials */
    AIROI_STAT_SD = 0x2501,              /**< sample standard deviation */
    AIROI_STAT_SE = 0x2502,              /**< standard error of the mean */
    AIROI_STAT_MIN = 0x2503,             /**< smallest */
    AIROI_STAT_MAX = 0x2504,             /**< largest */
    AIROI_STAT_PROB_POSITIVE = 0x2505,   /**< share of trials with the output > 0 (P(NPV > 0) for npv) */
    AIROI_STAT_PROB_ABOVE_TARGET = 0x2506, /**< share of trials above the ROI target (ROI outputs) */
    AIROI_STAT_VAR = 0x2507,             /**< value at risk at the tail level (npv) */
    AIROI_STAT_ES = 0x2508,              /**< expected shortfall at the tail level (npv) */
    AIROI_STAT_NEVER_SHARE = 0x2509,     /**< payback: share of trials that never pay back */
    AIROI_STAT_UNDEFINED_SHARE = 0x250A, /**< share of trials where the output is undefined (irr) */
    AIROI_STAT_COUNT = 0x250B            /**< number of trials where the output is defined */
} airoi_sim_stat;

/** @brief Figures of a staged investment (JSON keys of the same name). @since 0.1 */
typedef enum airoi_staging_figure {
    AIROI_STAGING_PROB_PRODUCTION = 0x2700,   /**< `prob_production` */
    AIROI_STAGING_EXPECTED_COST = 0x2701,     /**< `expected_cost` */
    AIROI_STAGING_EXPECTED_NPV = 0x2702,      /**< `expected_npv` (with the option to stop) */
    AIROI_STAGING_NPV_ALL_IN = 0x2703,        /**< `npv_all_in` (everything committed up front) */
    AIROI_STAGING_VALUE_OF_STAGING = 0x2704   /**< `value_of_staging` */
} airoi_staging_figure;

/** @brief Progress callback: trials done of total; return nonzero to cancel (AIROI_ERR_CANCELLED). @since 0.1 */
typedef int (*airoi_progress_fn)(int64_t done, int64_t total, void *userdata);

/** @brief Runs the whole simulation of @p p. @p options NULL: the project's `simulation:` section, else defaults.
 *  Ownership: caller frees @p *out with airoi_simulation_free(). @since 0.1 */
AIROI_API int airoi_project_simulate(airoi_simulation **out, const airoi_project *p,
                                     const airoi_sim_options *options, unsigned flags,
                                     airoi_progress_fn progress, void *userdata);
/** @brief Runs trials [first, first + count) only, for merging with other ranges. @since 0.1 */
AIROI_API int airoi_project_simulate_range(airoi_simulation **out, const airoi_project *p,
                                           const airoi_sim_options *options, int64_t first,
                                           int64_t count, unsigned flags,
                                           airoi_progress_fn progress, void *userdata);
/** @brief Merges two simulations of adjacent trial ranges of the same model and settings: exactly the run of the union. @since 0.1 */
AIROI_API int airoi_simulation_merge(airoi_simulation **out, const airoi_simulation *a,
                                     const airoi_simulation *b);
/** @brief Frees a simulation (NULL is fine). @since 0.1 */
AIROI_API void airoi_simulation_free(airoi_simulation *s);
/** @brief A statistic of an output. @since 0.1 */
AIROI_API int airoi_simulation_get_stat(double *out, const airoi_simulation *s,
                                        airoi_sim_output output, airoi_sim_stat stat);
/** @brief The exact @p percentile (in [0, 100]) of an output. @since 0.1 */
AIROI_API int airoi_simulation_get_percentile(double *out, const airoi_simulation *s,
                                              airoi_sim_output output, double percentile);
/** @brief Histogram of an output: bins + 1 edges and bins counts (size query with NULL). @since 0.1 */
AIROI_API int airoi_simulation_get_histogram(double *edges, int64_t *counts, size_t cap,
                                             size_t *bins_out, const airoi_simulation *s,
                                             airoi_sim_output output);
/** @brief Per-trial values of an output (kept on request) with a status per trial. @since 0.1 */
AIROI_API int airoi_simulation_get_trials(double *values, int32_t *status, size_t cap,
                                          size_t *len_out, const airoi_simulation *s,
                                          airoi_sim_output output);
/** @brief A setting the simulation ran with (trials, seed, sampling, ...). @since 0.1 */
AIROI_API int airoi_simulation_get_number(double *out, const airoi_simulation *s, airoi_sim_param param);
/** @brief Staged-investment figures over the trials (when the model has stages). @since 0.1 */
AIROI_API int airoi_simulation_get_staging(double *out, const airoi_simulation *s,
                                           airoi_staging_figure figure);
/** @brief Number of uncertain inputs (for sensitivity). @since 0.1 */
AIROI_API size_t airoi_simulation_count_inputs(const airoi_simulation *s);
/** @brief Sensitivity of NPV to input i: name (borrowed), Spearman rank correlation, variance share. @since 0.1 */
AIROI_API int airoi_simulation_get_sensitivity(const char **input, double *rank_correlation,
                                               double *variance_share, const airoi_simulation *s,
                                               size_t i);
/** @brief Number of convergence checkpoints (1k, 10k, 100k, ... trials and the end). @since 0.1 */
AIROI_API size_t airoi_simulation_count_checkpoints(const airoi_simulation *s);
/** @brief Checkpoint i: trials, mean NPV and its se, P(NPV > 0) and its se. @since 0.1 */
AIROI_API int airoi_simulation_get_checkpoint(int64_t *trials, double *mean, double *mean_se,
                                              double *prob_positive, double *prob_se,
                                              const airoi_simulation *s, size_t i);

/** @brief Tornado of @p p: each uncertainty alone at its P10 and P90, the others at 1. @since 0.1 */
AIROI_API int airoi_tornado_evaluate(airoi_tornado **out, const airoi_project *p, unsigned flags);
/** @brief Frees a tornado (NULL is fine). @since 0.1 */
AIROI_API void airoi_tornado_free(airoi_tornado *t);
/** @brief The base case's NPV. @since 0.1 */
AIROI_API int airoi_tornado_get_base_npv(double *out, const airoi_tornado *t);
/** @brief Number of bars (one per uncertainty), largest swing first. @since 0.1 */
AIROI_API size_t airoi_tornado_count(const airoi_tornado *t);
/** @brief Bar i: input name (borrowed), NPV at its P10 and P90, swing. @since 0.1 */
AIROI_API int airoi_tornado_get(const char **input, double *low_npv, double *high_npv, double *swing,
                                const airoi_tornado *t, size_t i);
/** @brief Spider data of bar i: NPV with the input at P10, P25, P50, P75, P90 (5 values). @since 0.1 */
AIROI_API int airoi_tornado_get_spider(double *npv5, const airoi_tornado *t, size_t i);

/** @brief Staged-investment figures of @p p (exact formulas, no simulation). @since 0.1 */
AIROI_API int airoi_staging_evaluate(airoi_staging **out, const airoi_project *p, unsigned flags);
/** @brief Frees staging figures (NULL is fine). @since 0.1 */
AIROI_API void airoi_staging_free(airoi_staging *s);
/** @brief A staging figure. @since 0.1 */
AIROI_API int airoi_staging_get(double *out, const airoi_staging *s, airoi_staging_figure figure);

/** @brief Break-even multipliers of @p p (where the base case's NPV is 0). @since 0.1 */
AIROI_API int airoi_breakeven_evaluate(airoi_breakeven **out, const airoi_project *p, unsigned flags);
/** @brief Frees break-even figures (NULL is fine). @since 0.1 */
AIROI_API void airoi_breakeven_free(airoi_breakeven *b);

AIROI_END_DECLS

#endif /* AIROI_SIMULATION_H */
