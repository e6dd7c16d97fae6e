/**
 * @file uncertainty.h
 * @brief The uncertain half of a model: uncertainties, rank correlations,
 *        investment stages and simulation settings.
 *
 * An uncertainty draws a multiplier per trial (or per trial and period)
 * from a distribution and multiplies its target: an item, a cost category,
 * a value dimension, or `values` / `costs` for all of them. Correlations
 * tie uncertainties by Spearman rank correlation. Stages describe a staged
 * investment with go/no-go gates. The simulation settings are the model
 * file's `simulation:` section and the options a caller passes to
 * airoi_project_simulate(). The rules are in docs/model-format.md and
 * docs/methodology.md.
 */
#ifndef AIROI_UNCERTAINTY_H
#define AIROI_UNCERTAINTY_H

#include "airoi/common.h"
#include "airoi/project.h"

AIROI_BEGIN_DECLS

/** @brief An entry of `uncertainties`, owned by its project. @since 0.1 */
typedef struct airoi_uncertainty airoi_uncertainty;
/** @brief Simulation settings: a project's `simulation:` section or a caller's options. @since 0.1 */
typedef struct airoi_sim_options airoi_sim_options;

/** @brief Distribution of an uncertainty (model-file key `distribution`). @since 0.1 */
typedef enum airoi_distribution {
    AIROI_DIST_FIXED = 0x2000,      /**< `fixed`: always `value` (default 1). */
    AIROI_DIST_UNIFORM = 0x2001,    /**< `uniform`: low, high. */
    AIROI_DIST_TRIANGULAR = 0x2002, /**< `triangular`: low, mode, high. */
    AIROI_DIST_PERT = 0x2003,       /**< `pert`: low, mode, high, optional shape (4). */
    AIROI_DIST_NORMAL = 0x2004,     /**< `normal`: mean, sd. */
    AIROI_DIST_LOGNORMAL = 0x2005,  /**< `lognormal`: mean and sd of the variable, or mu and sigma of its log. */
    AIROI_DIST_DISCRETE = 0x2006,   /**< `discrete`: values with probabilities summing to 1. */
    AIROI_DIST_BERNOULLI = 0x2007   /**< `bernoulli`: a risk event, 1 + impact with probability p, else 1. */
} airoi_distribution;

/** @brief Parameters of an uncertainty (model-file keys of the same name). @since 0.1 */
typedef enum airoi_uncertainty_param {
    AIROI_UNCERTAINTY_NAME = 0x2100,       /**< string: optional unique name. */
    AIROI_UNCERTAINTY_TARGET = 0x2101,     /**< string: item, category, dimension, `values` or `costs`. */
    AIROI_UNCERTAINTY_LOW = 0x2102,        /**< uniform, triangular, pert. */
    AIROI_UNCERTAINTY_MODE = 0x2103,       /**< triangular, pert. */
    AIROI_UNCERTAINTY_HIGH = 0x2104,       /**< uniform, triangular, pert. */
    AIROI_UNCERTAINTY_SHAPE = 0x2105,      /**< pert, > 0, default 4. */
    AIROI_UNCERTAINTY_MEAN = 0x2106,       /**< normal; lognormal (of the variable). */
    AIROI_UNCERTAINTY_SD = 0x2107,         /**< normal; lognormal (of the variable), >= 0. */
    AIROI_UNCERTAINTY_MU = 0x2108,         /**< lognormal: mean of the log. */
    AIROI_UNCERTAINTY_SIGMA = 0x2109,      /**< lognormal: sd of the log, >= 0. */
    AIROI_UNCERTAINTY_P = 0x210A,          /**< bernoulli: probability in [0, 1]. */
    AIROI_UNCERTAINTY_IMPACT = 0x210B,     /**< bernoulli: the multiplier is 1 + impact. */
    AIROI_UNCERTAINTY_VALUE = 0x210C,      /**< fixed: the multiplier. */
    AIROI_UNCERTAINTY_MIN = 0x210D,        /**< truncation below (any distribution). */
    AIROI_UNCERTAINTY_MAX = 0x210E,        /**< truncation above (any distribution). */
    AIROI_UNCERTAINTY_PER_PERIOD = 0x210F  /**< 0 or 1: a draw per trial and period. */
} airoi_uncertainty_param;

/** @brief Parameters of a stage (model-file keys of the same name). @since 0.1 */
typedef enum airoi_stage_param {
    AIROI_STAGE_NAME = 0x2200,                /**< string, unique among stages. */
    AIROI_STAGE_COST = 0x2201,                /**< cost at the stage's start, >= 0. */
    AIROI_STAGE_PERIODS = 0x2202,             /**< duration in whole periods, >= 0. */
    AIROI_STAGE_SUCCESS_PROBABILITY = 0x2203  /**< probability of passing its gate, in [0, 1]. */
} airoi_stage_param;

/** @brief Sampling scheme of a simulation (`sampling`). @since 0.1 */
typedef enum airoi_sampling {
    AIROI_SAMPLING_RANDOM = 0x2300, /**< `random`: plain Monte Carlo (counter-based generator). */
    AIROI_SAMPLING_SOBOL = 0x2301   /**< `sobol`: scrambled Sobol points. */
} airoi_sampling;

/** @brief An output of a simulation (`outputs`; JSON key of the same name). @since 0.1 */
typedef enum airoi_sim_output {
    AIROI_SIM_NPV = 0x2400,             /**< `npv` */
    AIROI_SIM_IRR = 0x2401,             /**< `irr` */
    AIROI_SIM_ROI_HORIZON = 0x2402,     /**< `roi_horizon` */
    AIROI_SIM_NPV_ROI = 0x2403,         /**< `npv_roi` */
    AIROI_SIM_PAYBACK_PERIODS = 0x2404  /**< `payback_periods` */
} airoi_sim_output;

/** @brief Settings of a simulation (`simulation:` keys). @since 0.1 */
typedef enum airoi_sim_param {
    AIROI_SIM_TRIALS = 0x2600,      /**< `trials`, whole, >= 1. */
    AIROI_SIM_SEED = 0x2601,        /**< `seed`, whole, in [0, 2^53]. */
    AIROI_SIM_SAMPLING = 0x2602,    /**< `sampling`, an airoi_sampling member. */
    AIROI_SIM_THREADS = 0x2603,     /**< `threads`, whole, 0 = one per core; never changes results. */
    AIROI_SIM_BINS = 0x2604,        /**< `bins`, histogram bins, whole, >= 1. */
    AIROI_SIM_ROI_TARGET = 0x2605,  /**< `roi_target`: P(ROI > target) is reported. */
    AIROI_SIM_TAIL = 0x2606,        /**< `tail`: level of value at risk and expected shortfall, in (0, 1). */
    AIROI_SIM_KEEP_TRIALS = 0x2607, /**< `keep_trials`, 0 or 1: keep per-trial values for the caller. */
    AIROI_SIM_REPAIR = 0x2608       /**< `repair`, 0 or 1: repair a correlation matrix that is not PSD (with a warning). */
} airoi_sim_param;

/* ---- uncertainties ---- */

/** @brief Adds an uncertainty on @p target with distribution @p distribution (parameters unset).
 *  Ownership: owned by @p p; @p *out borrowed. @since 0.1 */
AIROI_API int airoi_project_add_uncertainty(airoi_uncertainty **out, airoi_project *p,
                                            const char *target, airoi_distribution distribution);
/** @brief Number of uncertainties. @since 0.1 */
AIROI_API size_t airoi_project_count_uncertainties(const airoi_project *p);
/** @brief The i-th uncertainty (borrowed), or NULL. @since 0.1 */
AIROI_API const airoi_uncertainty *airoi_project_get_uncertainty(const airoi_project *p, size_t i);
/** @brief The i-th uncertainty, mutable (borrowed), or NULL. @since 0.1 */
AIROI_API airoi_uncertainty *airoi_project_get_uncertainty_mutable(airoi_project *p, size_t i);
/** @brief Index of the uncertainty named @p name (its name, or its target when unnamed). @since 0.1 */
AIROI_API int airoi_project_find_uncertainty(size_t *index_out, const airoi_project *p, const char *name);
/** @brief Removes the i-th uncertainty. @since 0.1 */
AIROI_API int airoi_project_remove_uncertainty(airoi_project *p, size_t i);
/** @brief Its distribution. @since 0.1 */
AIROI_API int airoi_uncertainty_get_distribution(airoi_distribution *out, const airoi_uncertainty *u);
/** @brief Sets a number parameter, checked against the parameter table. @since 0.1 */
AIROI_API int airoi_uncertainty_set_number(airoi_uncertainty *u, airoi_uncertainty_param param, double v);
/** @brief Reads a number parameter. @since 0.1 */
AIROI_API int airoi_uncertainty_get_number(double *out, const airoi_uncertainty *u, airoi_uncertainty_param param);
/** @brief Sets a string parameter (name, target). @since 0.1 */
AIROI_API int airoi_uncertainty_set_string(airoi_uncertainty *u, airoi_uncertainty_param param, const char *s);
/** @brief Reads a string parameter (borrowed), or NULL when unset. @since 0.1 */
AIROI_API const char *airoi_uncertainty_get_string(const airoi_uncertainty *u, airoi_uncertainty_param param);
/** @brief Whether a parameter was set. @since 0.1 */
AIROI_API int airoi_uncertainty_is_set(const airoi_uncertainty *u, airoi_uncertainty_param param);
/** @brief Sets a discrete distribution's values and probabilities (copied). @since 0.1 */
AIROI_API int airoi_uncertainty_set_discrete(airoi_uncertainty *u, const double *values,
                                             const double *probabilities, size_t n);
/** @brief Copies a discrete distribution's values and probabilities out (size query with NULL). @since 0.1 */
AIROI_API int airoi_uncertainty_get_discrete(double *values, double *probabilities, size_t cap,
                                             size_t *len_out, const airoi_uncertainty *u);

/* ---- correlations ---- */

/** @brief Adds a Spearman rank correlation between two uncertainties named by name or target. @since 0.1 */
AIROI_API int airoi_project_add_correlation(airoi_project *p, const char *a, const char *b, double rank);
/** @brief Number of correlations. @since 0.1 */
AIROI_API size_t airoi_project_count_correlations(const airoi_project *p);
/** @brief The i-th correlation (names borrowed). @since 0.1 */
AIROI_API int airoi_project_get_correlation(const char **a, const char **b, double *rank,
                                            const airoi_project *p, size_t i);
/** @brief Removes the i-th correlation. @since 0.1 */
AIROI_API int airoi_project_remove_correlation(airoi_project *p, size_t i);

/* ---- stages ---- */

/** @brief Appends a stage (stages run in the order added). @since 0.1 */
AIROI_API int airoi_project_add_stage(airoi_project *p, const char *name, double cost,
                                      int32_t periods, double success_probability);
/** @brief Number of stages. @since 0.1 */
AIROI_API size_t airoi_project_count_stages(const airoi_project *p);
/** @brief Reads a number parameter of the i-th stage. @since 0.1 */
AIROI_API int airoi_project_get_stage_number(double *out, const airoi_project *p, size_t i,
                                             airoi_stage_param param);
/** @brief Sets a number parameter of the i-th stage. @since 0.1 */
AIROI_API int airoi_project_set_stage_number(airoi_project *p, size_t i, airoi_stage_param param, double v);
/** @brief The i-th stage's name (borrowed), or NULL. @since 0.1 */
AIROI_API const char *airoi_project_get_stage_name(const airoi_project *p, size_t i);
/** @brief Removes the i-th stage. @since 0.1 */
AIROI_API int airoi_project_remove_stage(airoi_project *p, size_t i);

/* ---- simulation settings ---- */

/** @brief New options with the defaults (10,000 trials, seed 0, random sampling, all outputs). @since 0.1 */
AIROI_API int airoi_sim_options_new(airoi_sim_options **out);
/** @brief Copy of options. @since 0.1 */
AIROI_API int airoi_sim_options_clone(airoi_sim_options **out, const airoi_sim_options *o);
/** @brief Frees options (NULL is fine). @since 0.1 */
AIROI_API void airoi_sim_options_free(airoi_sim_options *o);
/** @brief Sets a setting, checked against the parameter table. @since 0.1 */
AIROI_API int airoi_sim_options_set_number(airoi_sim_options *o, airoi_sim_param param, double v);
/** @brief Reads a setting (its default when unset). @since 0.1 */
AIROI_API int airoi_sim_options_get_number(double *out, const airoi_sim_options *o, airoi_sim_param param);
/** @brief Whether a setting was set. @since 0.1 */
AIROI_API int airoi_sim_options_is_set(const airoi_sim_options *o, airoi_sim_param param);
/** @brief Chooses the outputs computed (n = 0: all), in the order given. @since 0.1 */
AIROI_API int airoi_sim_options_set_outputs(airoi_sim_options *o, const airoi_sim_output *outputs, size_t n);
/** @brief Copies the outputs chosen (size query with NULL). @since 0.1 */
AIROI_API int airoi_sim_options_get_outputs(airoi_sim_output *buf, size_t cap, size_t *len_out,
                                            const airoi_sim_options *o);
/** @brief Sets the extra percentiles reported (each in (0, 100)); P5, P10, P50, P90, P95 are always there. @since 0.1 */
AIROI_API int airoi_sim_options_set_percentiles(airoi_sim_options *o, const double *percentiles, size_t n);
/** @brief Copies the extra percentiles (size query with NULL). @since 0.1 */
AIROI_API int airoi_sim_options_get_percentiles(double *buf, size_t cap, size_t *len_out,
                                                const airoi_sim_options *o);
/** @brief The project's `simulation:` section (borrowed), or NULL when it has none. @since 0.1 */
AIROI_API const airoi_sim_options *airoi_project_get_sim_options(const airoi_project *p);
/** @brief Sets (copies) the project's `simulation:` section; NULL removes it. @since 0.1 */
AIROI_API int airoi_project_set_sim_options(airoi_project *p, const airoi_sim_options *o);

/** @brief Converts a distribution name (`pert`) to its value. @since 0.1 */
AIROI_API int airoi_distribution_from_name(airoi_distribution *out, const char *name);
/** @brief The name of a distribution, or NULL. @since 0.1 */
AIROI_API const char *airoi_distribution_name(airoi_distribution d);
/** @brief Converts a sampling name to its value. @since 0.1 */
AIROI_API int airoi_sampling_from_name(airoi_sampling *out, const char *name);
/** @brief The name of a sampling scheme, or NULL. @since 0.1 */
AIROI_API const char *airoi_sampling_name(airoi_sampling s);
/** @brief Converts an output name (`npv`) to its value. @since 0.1 */
AIROI_API int airoi_sim_output_from_name(airoi_sim_output *out, const char *name);
/** @brief The name of an output, or NULL. @since 0.1 */
AIROI_API const char *airoi_sim_output_name(airoi_sim_output o);

AIROI_END_DECLS

#endif /* AIROI_UNCERTAINTY_H */
