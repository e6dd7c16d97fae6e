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

/**
 * @brief Runs the Monte Carlo simulation of a project: every trial of the
 * settings' `trials`, on `threads` threads.
 *
 * Each setting comes from @p options where it is set there, else from the
 * project's `simulation:` section where set there, else its default
 * (docs/methodology.md\#monte-carlo-simulation). The project is validated
 * first. The figures do not depend on the thread count
 * (docs/threading.md).
 *
 * Ownership: the caller frees @p *out with airoi_simulation_free(); it
 * keeps no reference to @p p or @p options, and @p userdata is only passed
 * to @p progress during the call.
 *
 * @param[out] out The simulation; NULL on failure.
 * @param[in] p The project.
 * @param[in] options Settings, or NULL for the project's section and the
 *   defaults.
 * @param[in] flags 0 (no flags are defined yet).
 * @param[in] progress Called from the calling thread with (trials done,
 *   total, @p userdata): before the first trial, after each block of
 *   trials that thread runs, and at the end; a nonzero return cancels.
 *   May be NULL.
 * @param[in] userdata Passed to @p progress.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL @p out or @p p, unknown flags, a
 *   setting out of range.
 * @retval AIROI_ERR_MODEL The project is invalid, or an uncertainty or
 *   correlation cannot be simulated (the message says which).
 * @retval AIROI_ERR_LIMIT The per-trial storage would pass its limit
 *   (docs/methodology.md\#memory-of-a-simulation), or trial numbers would
 *   pass 2^53.
 * @retval AIROI_ERR_RANGE A trial's figures overflow.
 * @retval AIROI_ERR_CANCELLED @p progress asked to stop; nothing is returned.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_simulate(airoi_simulation **out, const airoi_project *p,
                                     const airoi_sim_options *options, unsigned flags,
                                     airoi_progress_fn progress, void *userdata);
/**
 * @brief Runs trials [@p first, @p first + @p count) of the simulation
 * only: exactly those trials of the whole run, for merging with other
 * ranges (airoi_simulation_merge()); the settings' `trials` is ignored.
 *
 * Ownership: the caller frees @p *out with airoi_simulation_free(); it
 * keeps no reference to @p p or @p options.
 *
 * @param[out] out The simulation of the range; NULL on failure.
 * @param[in] p The project.
 * @param[in] options Settings, or NULL (as airoi_project_simulate()).
 * @param[in] first The first trial, >= 0.
 * @param[in] count The number of trials, >= 1.
 * @param[in] flags 0.
 * @param[in] progress As airoi_project_simulate(), counting this range's trials; may be NULL.
 * @param[in] userdata Passed to @p progress.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL argument, unknown flags, a bad range or setting.
 * @retval AIROI_ERR_MODEL The project is invalid or cannot be simulated.
 * @retval AIROI_ERR_LIMIT Past the storage limit, or trial numbers past 2^53.
 * @retval AIROI_ERR_RANGE A trial's figures overflow.
 * @retval AIROI_ERR_CANCELLED @p progress asked to stop.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_simulate_range(airoi_simulation **out, const airoi_project *p,
                                           const airoi_sim_options *options, int64_t first,
                                           int64_t count, unsigned flags,
                                           airoi_progress_fn progress, void *userdata);
/**
 * @brief Merges the simulations of two adjacent trial ranges of the same
 * model and settings: exactly the simulation of their union, bit for bit.
 *
 * Ownership: the caller frees @p *out with airoi_simulation_free();
 * @p a and @p b are only read and stay the caller's.
 *
 * @param[out] out The merged simulation; NULL on failure.
 * @param[in] a The first range.
 * @param[in] b The range that starts where @p a ends.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL argument, different models or
 *   settings, or ranges that are not adjacent.
 * @retval AIROI_ERR_LIMIT The union passes the storage limit.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_simulation_merge(airoi_simulation **out, const airoi_simulation *a,
                                     const airoi_simulation *b);
/**
 * @brief Frees a simulation.
 *
 * Ownership: takes @p s back; NULL is fine.
 *
 * @param[in] s The simulation, or NULL.
 * @since 0.1
 */
AIROI_API void airoi_simulation_free(airoi_simulation *s);
/**
 * @brief Writes the per-trial results of a simulation (a trial range or a
 * whole run) as bytes, to move them to another process or machine; read
 * them back with airoi_simulation_load_buffer() and merge the ranges with
 * airoi_simulation_merge(). Little-endian whatever the machine; the format
 * is in docs/methodology.md\#simulation-ranges-as-bytes.
 *
 * Ownership: the caller frees @p *out with airoi_free(); @p s stays the
 * caller's.
 *
 * @param[out] out The bytes; NULL on failure.
 * @param[out] len_out Their number; may be NULL.
 * @param[in] s The simulation.
 * @param[in] flags 0.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL @p out or @p s, unknown flags.
 * @retval AIROI_ERR_LIMIT The bytes would not fit in memory addresses.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_simulation_save_buffer(void **out, size_t *len_out, const airoi_simulation *s,
                                           unsigned flags);
/**
 * @brief Reads bytes written by airoi_simulation_save_buffer() back into a
 * simulation of the same project: the same trials, settings and
 * statistics, bit for bit, ready to merge with other ranges.
 *
 * Ownership: the caller frees @p *out with airoi_simulation_free(); it
 * keeps no reference to @p p or @p data.
 *
 * @param[out] out The simulation; NULL on failure.
 * @param[in] p The project the simulation ran on (its compiled model must
 *   be the same: anything a trial depends on, checked by a fingerprint).
 * @param[in] data The bytes.
 * @param[in] len Their number.
 * @param[in] flags 0.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL argument, unknown flags, bytes that are
 *   not a saved simulation (or of another format version), or a
 *   simulation of another model.
 * @retval AIROI_ERR_MODEL The project is invalid or cannot be simulated.
 * @retval AIROI_ERR_LIMIT The trials pass the storage limit.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_simulation_load_buffer(airoi_simulation **out, const airoi_project *p,
                                           const void *data, size_t len, unsigned flags);
/**
 * @brief A statistic of an output (docs/methodology.md\#simulation-statistics).
 *
 * Ownership: @p s is only read.
 *
 * @param[out] out The statistic.
 * @param[in] s The simulation.
 * @param[in] output The output; it must be among the outputs computed.
 * @param[in] stat The statistic: value at risk and expected shortfall are
 *   figures of npv, never_share of payback_periods, prob_above_target of
 *   roi_horizon and npv_roi.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL argument, a value of another enum, or a
 *   statistic the output does not have.
 * @retval AIROI_ERR_NOT_FOUND The output was not computed.
 * @retval AIROI_ERR_UNDEFINED No trial has the output defined (or, for
 *   sd and se, fewer than 2).
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_stat(double *out, const airoi_simulation *s,
                                        airoi_sim_output output, airoi_sim_stat stat);
/**
 * @brief The exact percentile of an output over its defined trials, by
 * Excel's PERCENTILE.INC (linear interpolation between closest ranks).
 *
 * Ownership: @p s is only read.
 *
 * @param[out] out The percentile.
 * @param[in] s The simulation.
 * @param[in] output The output (among those computed).
 * @param[in] percentile In [0, 100]: 0 is the minimum, 100 the maximum.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL argument, another enum's value, a
 *   percentile outside [0, 100].
 * @retval AIROI_ERR_NOT_FOUND The output was not computed.
 * @retval AIROI_ERR_UNDEFINED No trial has the output defined.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_percentile(double *out, const airoi_simulation *s,
                                              airoi_sim_output output, double percentile);
/**
 * @brief Histogram of an output: bins + 1 edges (from its minimum to its
 * maximum, equal widths) and bins counts of its defined trials.
 *
 * With @p edges and @p counts both NULL, only @p *bins_out is written (the
 * size query).
 *
 * Ownership: the caller owns both buffers; @p s is only read.
 *
 * @param[out] edges Room for @p cap + 1 edges, or NULL.
 * @param[out] counts Room for @p cap counts, or NULL.
 * @param[in] cap The bins the buffers hold.
 * @param[out] bins_out The number of bins; may be NULL.
 * @param[in] s The simulation.
 * @param[in] output The output (among those computed).
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL simulation, one buffer without the other,
 *   another enum's value.
 * @retval AIROI_ERR_BUFFER @p cap is smaller than the number of bins.
 * @retval AIROI_ERR_NOT_FOUND The output was not computed.
 * @retval AIROI_ERR_UNDEFINED No trial has the output defined.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_histogram(double *edges, int64_t *counts, size_t cap,
                                             size_t *bins_out, const airoi_simulation *s,
                                             airoi_sim_output output);
/**
 * @brief Every trial's value of an output, in trial order, with a status
 * per trial: #AIROI_OK, or why the output is undefined in that trial
 * (#AIROI_ERR_NO_SOLUTION for irr, #AIROI_ERR_UNDEFINED otherwise; the
 * value is then 0).
 *
 * With @p values and @p status both NULL, only @p *len_out is written.
 * The values are always kept (exact percentiles need them), whatever
 * `keep_trials` says.
 *
 * Ownership: the caller owns both buffers; @p s is only read.
 *
 * @param[out] values Room for @p cap values, or NULL.
 * @param[out] status Room for @p cap statuses, or NULL.
 * @param[in] cap The values the buffers hold.
 * @param[out] len_out The number of trials; may be NULL.
 * @param[in] s The simulation.
 * @param[in] output The output (among those computed).
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL simulation or another enum's value.
 * @retval AIROI_ERR_BUFFER @p cap is smaller than the number of trials.
 * @retval AIROI_ERR_NOT_FOUND The output was not computed.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_trials(double *values, int32_t *status, size_t cap,
                                          size_t *len_out, const airoi_simulation *s,
                                          airoi_sim_output output);
/**
 * @brief A setting the simulation ran with: #AIROI_SIM_TRIALS is its number
 * of trials, the others the settings as resolved.
 *
 * Ownership: @p s is only read.
 *
 * @param[out] out The setting.
 * @param[in] s The simulation.
 * @param[in] param The setting.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL argument or another enum's value.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_number(double *out, const airoi_simulation *s, airoi_sim_param param);
/**
 * @brief A staged-investment figure as the average over the trials, each
 * trial having drawn its gates (docs/methodology.md\#monte-carlo-simulation).
 *
 * Ownership: @p s is only read.
 *
 * @param[out] out The figure.
 * @param[in] s The simulation.
 * @param[in] figure The figure.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL argument or another enum's value.
 * @retval AIROI_ERR_NOT_FOUND The model has no stages.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_staging(double *out, const airoi_simulation *s,
                                           airoi_staging_figure figure);
/**
 * @brief Every trial's NPV without the option to stop: every stage and every
 * model cost committed up front, the benefits only when every gate passes
 * (the trials' `npv_all_in`), in trial order. With the `npv` output (the
 * NPV with the option to stop) it gives both distributions.
 *
 * With @p values NULL, only @p *len_out is written (the size query).
 *
 * Ownership: the caller owns @p values; @p s is only read.
 *
 * @param[out] values Room for @p cap values, or NULL.
 * @param[in] cap The values @p values holds.
 * @param[out] len_out The number of trials; may be NULL.
 * @param[in] s The simulation.
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL simulation.
 * @retval AIROI_ERR_NOT_FOUND The model has no stages.
 * @retval AIROI_ERR_BUFFER @p cap is smaller than the number of trials.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_all_in_trials(double *values, size_t cap, size_t *len_out,
                                                 const airoi_simulation *s);
/**
 * @brief The warning of a run that went on after a repair, or NULL: with
 * `repair` set, a rank-correlation matrix that is not positive
 * semi-definite is replaced by the nearest one that is; the text names the
 * offending pair and gives every correlation's value before and after
 * ("warning: correlations: ...; repaired: 'A' and 'B' 0.9 -> 0.84, ...").
 *
 * Ownership: the text is borrowed from @p s (valid while it lives).
 *
 * @param[in] s The simulation, or NULL (NULL).
 * @return The warning, or NULL when there is none.
 * @since 0.1
 */
AIROI_API const char *airoi_simulation_get_warning(const airoi_simulation *s);
/**
 * @brief Number of uncertain inputs (the project's uncertainties, in its
 * order), for airoi_simulation_get_sensitivity().
 *
 * Ownership: @p s is only read.
 *
 * @param[in] s The simulation, or NULL (0).
 * @return The number of inputs.
 * @since 0.1
 */
AIROI_API size_t airoi_simulation_count_inputs(const airoi_simulation *s);
/**
 * @brief Sensitivity of NPV to input @p i: the Spearman rank correlation of
 * its multiplier with NPV over the trials, and its share of NPV's variance
 * (its squared rank correlation over the sum of all of them).
 *
 * Computed on the first call (the inputs are drawn again), safely from any
 * number of threads.
 *
 * Ownership: @p *input is borrowed from @p s (valid while it lives).
 *
 * @param[out] input The input's name (or its target when unnamed); may be NULL.
 * @param[out] rank_correlation In [-1, 1]; may be NULL.
 * @param[out] variance_share In [0, 1]; may be NULL.
 * @param[in] s The simulation.
 * @param[in] i The input, below airoi_simulation_count_inputs().
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL simulation.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @retval AIROI_ERR_LIMIT Ranking would pass the storage limit.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_sensitivity(const char **input, double *rank_correlation,
                                               double *variance_share, const airoi_simulation *s,
                                               size_t i);
/**
 * @brief Number of convergence checkpoints: after 1,000, 10,000, 100,000,
 * ... trials (each below the total) and after all of them.
 *
 * Ownership: @p s is only read.
 *
 * @param[in] s The simulation, or NULL (0).
 * @return The number of checkpoints.
 * @since 0.1
 */
AIROI_API size_t airoi_simulation_count_checkpoints(const airoi_simulation *s);
/**
 * @brief Checkpoint @p i: over the first @p *trials trials, the mean NPV and
 * its standard error, and P(NPV > 0) and its standard error.
 *
 * Ownership: @p s is only read.
 *
 * @param[out] trials The trials it covers; may be NULL.
 * @param[out] mean Mean NPV; may be NULL.
 * @param[out] mean_se Its standard error; may be NULL.
 * @param[out] prob_positive P(NPV > 0); may be NULL.
 * @param[out] prob_se Its standard error sqrt(P (1 - P) / trials); may be NULL.
 * @param[in] s The simulation.
 * @param[in] i The checkpoint, below airoi_simulation_count_checkpoints().
 * @retval AIROI_OK Done.
 * @retval AIROI_ERR_INVALID A NULL simulation.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_simulation_get_checkpoint(int64_t *trials, double *mean, double *mean_se,
                                              double *prob_positive, double *prob_se,
                                              const airoi_simulation *s, size_t i);

/* ---- tornado and spider (docs/methodology.md\#tornado) ---- */

/**
 * @brief Tornado and spider data of @p p's NPV.
 *
 * Each uncertainty alone is set to its 10th, 25th, 50th, 75th and 90th
 * percentile (the exact quantiles of its distribution, truncation
 * included), with every other multiplier at 1 (the base case: no scenario,
 * no other uncertainty), and the project's NPV evaluated with that
 * multiplier on the uncertainty's target. Bars are sorted by swing =
 * |NPV at P90 - NPV at P10|, largest first; equal swings keep the order of
 * `uncertainties`. The project's scenarios and stages play no part.
 *
 * Ownership: caller frees @p *out with airoi_tornado_free(); @p p is only
 * read and may change or be freed afterwards.
 * @param[out] out The tornado, or NULL on failure.
 * @param[in] p The project, with at least one uncertainty.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_MODEL The project is invalid, or has no uncertainties
 *         (a tornado has nothing to show then; the message says so).
 * @retval AIROI_ERR_RANGE An NPV overflows.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_tornado_evaluate(airoi_tornado **out, const airoi_project *p, unsigned flags);

/**
 * @brief Frees a tornado.
 *
 * Ownership: @p t is released; the input names it lent become invalid.
 * @param[in] t The tornado (NULL is fine).
 * @since 0.1
 */
AIROI_API void airoi_tornado_free(airoi_tornado *t);

/**
 * @brief The base case's NPV (every multiplier at 1).
 *
 * Ownership: @p t is only read.
 * @param[out] out The NPV, in the project's currency and unit.
 * @param[in] t The tornado.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @since 0.1
 */
AIROI_API int airoi_tornado_get_base_npv(double *out, const airoi_tornado *t);

/**
 * @brief Number of bars (one per uncertainty).
 *
 * Ownership: @p t is only read.
 * @param[in] t The tornado (NULL gives 0).
 * @return The number of bars.
 * @since 0.1
 */
AIROI_API size_t airoi_tornado_count(const airoi_tornado *t);

/**
 * @brief Bar @p i (0 is the largest swing).
 *
 * Ownership: @p *input is borrowed from @p t, valid until it is freed.
 * @param[out] input The uncertainty's name (its target when unnamed); may be NULL.
 * @param[out] low_npv NPV with the input at its P10; may be NULL.
 * @param[out] high_npv NPV with the input at its P90; may be NULL.
 * @param[out] swing |high_npv - low_npv|; may be NULL.
 * @param[in] t The tornado.
 * @param[in] i Bar index, below airoi_tornado_count().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p t.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_tornado_get(const char **input, double *low_npv, double *high_npv, double *swing,
                                const airoi_tornado *t, size_t i);

/**
 * @brief Spider data of bar @p i: NPV with the input at P10, P25, P50, P75, P90.
 *
 * Ownership: @p npv5 is the caller's; @p t is only read.
 * @param[out] npv5 Five NPVs, in that order (npv5[0] is the bar's low_npv,
 *             npv5[4] its high_npv).
 * @param[in] t The tornado.
 * @param[in] i Bar index (the order of airoi_tornado_get()).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p npv5 or @p t.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_tornado_get_spider(double *npv5, const airoi_tornado *t, size_t i);

/**
 * @brief The multipliers behind the spider data of bar @p i: the input's
 *        P10, P25, P50, P75 and P90.
 *
 * Ownership: @p multiplier5 is the caller's; @p t is only read.
 * @param[out] multiplier5 Five multipliers, in that order.
 * @param[in] t The tornado.
 * @param[in] i Bar index (the order of airoi_tornado_get()).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p multiplier5 or @p t.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_tornado_get_quantiles(double *multiplier5, const airoi_tornado *t, size_t i);

/* ---- staged investment (docs/methodology.md\#staging) ---- */

/** @brief Field priors for a gate's success probability (model-file key `prior`
 *  of a stage; docs/methodology.md\#gate-priors has their sources). @since 0.1 */
typedef enum airoi_gate_prior {
    AIROI_PRIOR_PILOT = 0x2800,    /**< `pilot`: 0.05, the share of generative-AI pilots that reach measurable value. */
    AIROI_PRIOR_IN_HOUSE = 0x2801, /**< `in_house`: 0.33, the success rate of builds made in-house. */
    AIROI_PRIOR_PARTNER = 0x2802   /**< `partner`: 0.66, the success rate with an external partner. */
} airoi_gate_prior;

/**
 * @brief The probability of a field prior.
 *
 * Ownership: nothing is retained.
 * @param[out] probability The prior's probability, in (0, 1).
 * @param[in] prior An airoi_gate_prior member.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p probability or @p prior not a member.
 * @since 0.1
 */
AIROI_API int airoi_gate_prior_get(double *probability, airoi_gate_prior prior);

/**
 * @brief Converts a prior's name (`pilot`, `in_house`, `partner`) to its value.
 *
 * Ownership: @p name is only read.
 * @param[out] out The prior.
 * @param[in] name Its name.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name (the message lists the names).
 * @since 0.1
 */
AIROI_API int airoi_gate_prior_from_name(airoi_gate_prior *out, const char *name);

/**
 * @brief The name of a prior.
 *
 * Ownership: static text, never freed.
 * @param[in] prior An airoi_gate_prior member.
 * @return Its name, or NULL when @p prior is not a member.
 * @since 0.1
 */
AIROI_API const char *airoi_gate_prior_name(airoi_gate_prior prior);

/**
 * @brief Staged-investment figures of @p p, by the exact formulas (no simulation).
 *
 * Stage i costs c_i at its start period s_i = d_0 + ... + d_(i-1), lasts
 * d_i periods and passes its gate with probability p_i (its field prior
 * when it has one, else its success_probability); the model's own schedule
 * starts after the last stage and happens only when every gate passes.
 * The figures are those of docs/methodology.md\#staging, from the base
 * case's NPV, present costs and benefits (no scenario).
 *
 * Ownership: caller frees @p *out with airoi_staging_free(); @p p is only
 * read and may change or be freed afterwards.
 * @param[out] out The figures, or NULL on failure.
 * @param[in] p The project, with at least one stage.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_MODEL The project is invalid, has no stages, or a stage
 *         has neither a success probability nor a prior.
 * @retval AIROI_ERR_RANGE A figure overflows.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_staging_evaluate(airoi_staging **out, const airoi_project *p, unsigned flags);

/**
 * @brief Frees staging figures.
 *
 * Ownership: @p s is released; the stage names it lent become invalid.
 * @param[in] s The figures (NULL is fine).
 * @since 0.1
 */
AIROI_API void airoi_staging_free(airoi_staging *s);

/**
 * @brief A staging figure.
 *
 * Ownership: @p s is only read.
 * @param[out] out The figure (money in the project's currency and unit).
 * @param[in] s The figures.
 * @param[in] figure Which one.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or @p figure not an airoi_staging_figure member.
 * @since 0.1
 */
AIROI_API int airoi_staging_get(double *out, const airoi_staging *s, airoi_staging_figure figure);

/**
 * @brief Number of stages.
 *
 * Ownership: @p s is only read.
 * @param[in] s The figures (NULL gives 0).
 * @return The number of stages.
 * @since 0.1
 */
AIROI_API size_t airoi_staging_count(const airoi_staging *s);

/**
 * @brief Stage @p i as the figures used it.
 *
 * Ownership: @p *name is borrowed from @p s, valid until it is freed.
 * @param[out] name The stage's name; may be NULL.
 * @param[out] probability Its gate probability p_i; may be NULL.
 * @param[out] from_prior 1 when p_i is a field prior, else 0; may be NULL.
 * @param[out] reach_probability p_0 ... p_(i-1), the probability that the
 *             stage starts (and its cost is spent); may be NULL.
 * @param[out] start_period s_i; may be NULL.
 * @param[in] s The figures.
 * @param[in] i Stage index, below airoi_staging_count().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p s.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_staging_get_stage(const char **name, double *probability, int *from_prior,
                                      double *reach_probability, int32_t *start_period,
                                      const airoi_staging *s, size_t i);

/* ---- break-even (docs/methodology.md\#breakeven) ---- */

/** @brief What a break-even multiplier applies to (JSON keys of the same name). @since 0.1 */
typedef enum airoi_breakeven_target {
    AIROI_BREAKEVEN_VALUES = 0x2900,          /**< `values`: one multiplier on every value item. */
    AIROI_BREAKEVEN_COSTS = 0x2901,           /**< `costs`: one multiplier on every cost item. */
    AIROI_BREAKEVEN_ADOPTION_CEILING = 0x2902 /**< `adoption_ceiling`: a cap on every value item's adoption. */
} airoi_breakeven_target;

/**
 * @brief Break-even points of @p p: where the base case's NPV is 0.
 *
 * For all values, all costs, the adoption ceiling and each uncertainty's
 * multiplier on its target (every other multiplier at 1), the point in a
 * fixed search range at which the NPV is 0, or "none in range"
 * (docs/methodology.md\#breakeven gives the ranges and the root finder).
 *
 * Ownership: caller frees @p *out with airoi_breakeven_free(); @p p is
 * only read and may change or be freed afterwards.
 * @param[out] out The break-even points, or NULL on failure.
 * @param[in] p The project.
 * @param[in] flags 0 (reserved).
 * @retval AIROI_OK Success (also when some or all have none in range).
 * @retval AIROI_ERR_INVALID NULL argument or unknown flags.
 * @retval AIROI_ERR_MODEL The project is invalid.
 * @retval AIROI_ERR_RANGE An NPV overflows.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_breakeven_evaluate(airoi_breakeven **out, const airoi_project *p, unsigned flags);

/**
 * @brief Frees break-even points.
 *
 * Ownership: @p b is released; the input names it lent become invalid.
 * @param[in] b The points (NULL is fine).
 * @since 0.1
 */
AIROI_API void airoi_breakeven_free(airoi_breakeven *b);

/**
 * @brief The base case's NPV (every multiplier at 1).
 *
 * Ownership: @p b is only read.
 * @param[out] out The NPV.
 * @param[in] b The points.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @since 0.1
 */
AIROI_API int airoi_breakeven_get_base_npv(double *out, const airoi_breakeven *b);

/**
 * @brief The break-even point of all values, all costs or the adoption ceiling.
 *
 * Ownership: @p b is only read.
 * @param[out] multiplier The point where NPV = 0 (0 when none was found); may be NULL.
 * @param[out] found 1 when NPV = 0 somewhere in the range, 0 for "none in range"; may be NULL.
 * @param[out] range_low Low end of the range searched; may be NULL.
 * @param[out] range_high High end of the range searched; may be NULL.
 * @param[in] b The points.
 * @param[in] which Which one.
 * @retval AIROI_OK Success (found or not).
 * @retval AIROI_ERR_INVALID NULL @p b or @p which not an airoi_breakeven_target member.
 * @since 0.1
 */
AIROI_API int airoi_breakeven_get(double *multiplier, int *found, double *range_low,
                                  double *range_high, const airoi_breakeven *b,
                                  airoi_breakeven_target which);

/**
 * @brief Number of uncertain inputs (one per uncertainty, in model order).
 *
 * Ownership: @p b is only read.
 * @param[in] b The points (NULL gives 0).
 * @return The number of inputs.
 * @since 0.1
 */
AIROI_API size_t airoi_breakeven_count_inputs(const airoi_breakeven *b);

/**
 * @brief The break-even multiplier of uncertainty @p i on its target.
 *
 * Ownership: @p *input is borrowed from @p b, valid until it is freed.
 * @param[out] input The uncertainty's name (its target when unnamed); may be NULL.
 * @param[out] multiplier The multiplier where NPV = 0 (0 when none was found); may be NULL.
 * @param[out] found 1 when found, 0 for "none in range"; may be NULL.
 * @param[out] range_low Low end of the range searched; may be NULL.
 * @param[out] range_high High end of the range searched; may be NULL.
 * @param[in] b The points.
 * @param[in] i Input index, below airoi_breakeven_count_inputs().
 * @retval AIROI_OK Success (found or not).
 * @retval AIROI_ERR_INVALID NULL @p b.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_breakeven_get_input(const char **input, double *multiplier, int *found,
                                        double *range_low, double *range_high,
                                        const airoi_breakeven *b, size_t i);

AIROI_END_DECLS

#endif /* AIROI_SIMULATION_H */
