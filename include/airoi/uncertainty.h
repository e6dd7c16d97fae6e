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
    AIROI_UNCERTAINTY_PER_PERIOD = 0x210F, /**< 0 or 1: a draw per trial and period. */
    AIROI_UNCERTAINTY_DRIVER = 0x2110      /**< string: a driver shared by the projects of a portfolio, drawn once per trial for all of them (docs/portfolio.md); a project simulated alone ignores it. */
} airoi_uncertainty_param;

/** @brief Parameters of a stage (model-file keys of the same name). @since 0.1 */
typedef enum airoi_stage_param {
    AIROI_STAGE_NAME = 0x2200,                /**< string, unique among stages. */
    AIROI_STAGE_COST = 0x2201,                /**< cost at the stage's start, >= 0. */
    AIROI_STAGE_PERIODS = 0x2202,             /**< duration in whole periods, >= 0. */
    AIROI_STAGE_SUCCESS_PROBABILITY = 0x2203, /**< probability of passing its gate, in [0, 1]. */
    AIROI_STAGE_PRIOR = 0x2204                /**< `prior`: an airoi_gate_prior member (simulation.h); when set, its field probability is the gate's, in place of success_probability. */
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

/** @brief Most uncertainties a project (or a model file) may hold. @since 0.1 */
#define AIROI_UNCERTAINTIES_MAX 1000
/** @brief Most correlations a project may hold: one per pair of #AIROI_UNCERTAINTIES_MAX uncertainties. @since 0.1 */
#define AIROI_CORRELATIONS_MAX 499500
/** @brief Most stages a project may hold. @since 0.1 */
#define AIROI_STAGES_MAX 100
/** @brief Most values of a `discrete` distribution. @since 0.1 */
#define AIROI_DISCRETE_MAX 10000
/** @brief Most extra percentiles of a simulation's settings. @since 0.1 */
#define AIROI_PERCENTILES_MAX 100

/* ---- uncertainties ---- */

/**
 * @brief Adds an uncertainty on @p target with distribution @p distribution.
 *
 * Its parameters start unset (a `pert` has shape 4, a `fixed` value 1);
 * set them with airoi_uncertainty_set_number() or
 * airoi_uncertainty_set_discrete(). Whether @p target names an item, a
 * category, a dimension, `values` or `costs`, and whether the parameters
 * fit together (low <= mode <= high, ...), is checked by
 * airoi_project_validate(), since items may be added later.
 *
 * Ownership: the uncertainty is owned by @p p; @p *out is borrowed, valid
 * until it is removed or the project freed; @p target is copied.
 * @param[out] out The new uncertainty; may be NULL; NULL on failure.
 * @param[in] p The project.
 * @param[in] target The target (copied), non-empty.
 * @param[in] distribution An #airoi_distribution member.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p, empty or too long @p target, unknown distribution.
 * @retval AIROI_ERR_LIMIT The project already has #AIROI_UNCERTAINTIES_MAX uncertainties.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_uncertainty(airoi_uncertainty **out, airoi_project *p,
                                            const char *target, airoi_distribution distribution);

/**
 * @brief Number of uncertainties of a project.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_uncertainties(const airoi_project *p);

/**
 * @brief The i-th uncertainty, in insertion order.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_uncertainties().
 * @return The uncertainty, or NULL past the end or for a NULL project.
 *         Ownership: borrowed from @p p, valid until it is removed or the
 *         project freed.
 * @since 0.1
 */
AIROI_API const airoi_uncertainty *airoi_project_get_uncertainty(const airoi_project *p, size_t i);

/**
 * @brief The i-th uncertainty, for changing.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_uncertainties().
 * @return The uncertainty, or NULL past the end or for a NULL project.
 *         Ownership: borrowed from @p p, valid until it is removed or the
 *         project freed.
 * @since 0.1
 */
AIROI_API airoi_uncertainty *airoi_project_get_uncertainty_mutable(airoi_project *p, size_t i);

/**
 * @brief Finds an uncertainty by its name, or by its target when it has no name.
 *
 * A named uncertainty is found by its name only. Correlations name
 * uncertainties the same way.
 *
 * Ownership: nothing is retained; @p p is only read.
 * @param[out] index_out Its index; may be NULL; untouched on failure.
 * @param[in] p The project.
 * @param[in] name The name or target (exact, case-sensitive).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p or @p name, or several uncertainties go by @p name.
 * @retval AIROI_ERR_NOT_FOUND No uncertainty goes by @p name.
 * @since 0.1
 */
AIROI_API int airoi_project_find_uncertainty(size_t *index_out, const airoi_project *p,
                                             const char *name);

/**
 * @brief Removes and frees the i-th uncertainty; later ones move down by one.
 *
 * Correlations that name it stay (airoi_project_validate() then reports them).
 *
 * Ownership: pointers to the removed uncertainty become invalid.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_uncertainties().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_uncertainty(airoi_project *p, size_t i);

/**
 * @brief The distribution of an uncertainty.
 *
 * Ownership: @p u is only read; the value is copied to @p *out.
 * @param[out] out The distribution; untouched on failure.
 * @param[in] u The uncertainty.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @since 0.1
 */
AIROI_API int airoi_uncertainty_get_distribution(airoi_distribution *out, const airoi_uncertainty *u);

/**
 * @brief Sets a number parameter, checked against its rule.
 *
 * Only the parameters of the uncertainty's distribution are accepted (see
 * #airoi_uncertainty_param), plus min, max and per_period for every one.
 * The refusal names the parameter and what it expects, in the words of the
 * model-file loader.
 *
 * Ownership: @p u stays owned by its project; nothing is retained.
 * @param[in] u The uncertainty.
 * @param[in] param A numeric #airoi_uncertainty_param.
 * @param[in] v The value, finite (0 or 1 for per_period).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p u, a parameter of another family, a string
 *         parameter, one the distribution does not use, a value outside its domain.
 * @since 0.1
 */
AIROI_API int airoi_uncertainty_set_number(airoi_uncertainty *u, airoi_uncertainty_param param, double v);

/**
 * @brief Reads a number parameter.
 *
 * shape (pert) and value (fixed) read their defaults, 4 and 1, when unset;
 * per_period reads 0 when unset.
 *
 * Ownership: @p u is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] u The uncertainty.
 * @param[in] param A numeric #airoi_uncertainty_param of its distribution.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or a parameter the distribution does not use.
 * @retval AIROI_ERR_NOT_FOUND The parameter is unset and has no default (min: no truncation).
 * @since 0.1
 */
AIROI_API int airoi_uncertainty_get_number(double *out, const airoi_uncertainty *u, airoi_uncertainty_param param);

/**
 * @brief Sets a string parameter: the name or the target.
 *
 * Ownership: @p s is copied; the caller keeps its string.
 * @param[in] u The uncertainty.
 * @param[in] param #AIROI_UNCERTAINTY_NAME or #AIROI_UNCERTAINTY_TARGET.
 * @param[in] s The string, non-empty; NULL removes the name (the uncertainty
 *            is then named by its target).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p u, another parameter, empty or too long
 *         string, NULL target.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_uncertainty_set_string(airoi_uncertainty *u, airoi_uncertainty_param param, const char *s);

/**
 * @brief Reads a string parameter: the name or the target.
 * @param[in] u The uncertainty.
 * @param[in] param #AIROI_UNCERTAINTY_NAME or #AIROI_UNCERTAINTY_TARGET.
 * @return The string, or NULL when unset (an unnamed uncertainty), for
 *         another parameter or a NULL @p u. Ownership: borrowed from @p u,
 *         valid until it changes.
 * @since 0.1
 */
AIROI_API const char *airoi_uncertainty_get_string(const airoi_uncertainty *u, airoi_uncertainty_param param);

/**
 * @brief Whether a parameter was set explicitly.
 *
 * Ownership: @p u is only read (borrowed for the call).
 * @param[in] u The uncertainty.
 * @param[in] param An #airoi_uncertainty_param.
 * @return 1 when set (the target always is), else 0 (also for a parameter
 *         the distribution does not use).
 * @since 0.1
 */
AIROI_API int airoi_uncertainty_is_set(const airoi_uncertainty *u, airoi_uncertainty_param param);

/**
 * @brief Sets a `discrete` distribution's values and their probabilities.
 *
 * Each value is finite, each probability in [0, 1]; that they sum to 1
 * (within 1e-9) is checked by airoi_project_validate().
 *
 * Ownership: both arrays are copied; the caller keeps them.
 * @param[in] u The uncertainty, of distribution #AIROI_DIST_DISCRETE.
 * @param[in] values @p n values.
 * @param[in] probabilities @p n probabilities, in the order of @p values.
 * @param[in] n The count, 1 to #AIROI_DISCRETE_MAX.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, another distribution, @p n = 0,
 *         a value not finite, a probability outside [0, 1].
 * @retval AIROI_ERR_LIMIT More than #AIROI_DISCRETE_MAX values.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_uncertainty_set_discrete(airoi_uncertainty *u, const double *values,
                                             const double *probabilities, size_t n);

/**
 * @brief Copies a discrete distribution's values and probabilities out.
 *
 * With @p values and @p probabilities both NULL (and any @p cap), only
 * @p *len_out is set: the size query. Another distribution has 0 values.
 *
 * Ownership: the values are copied into the caller's buffers.
 * @param[out] values Buffer of @p cap values, or NULL for the size query.
 * @param[out] probabilities Buffer of @p cap probabilities, or NULL for the size query.
 * @param[in] cap Capacity of each buffer.
 * @param[out] len_out The number of values.
 * @param[in] u The uncertainty.
 * @retval AIROI_OK Success (or the size query).
 * @retval AIROI_ERR_INVALID NULL @p u or @p len_out, or one buffer NULL with @p cap > 0.
 * @retval AIROI_ERR_BUFFER @p cap is below the count (@p *len_out says how many).
 * @since 0.1
 */
AIROI_API int airoi_uncertainty_get_discrete(double *values, double *probabilities, size_t cap,
                                             size_t *len_out, const airoi_uncertainty *u);

/* ---- correlations ---- */

/**
 * @brief Adds a Spearman rank correlation between two uncertainties.
 *
 * Each is named by its name, or by its target when it has no name (see
 * airoi_project_find_uncertainty()); whether both exist, whether a pair is
 * given twice and whether the whole matrix is positive semi-definite is
 * checked by airoi_project_validate().
 *
 * Ownership: @p a and @p b are copied.
 * @param[in] p The project.
 * @param[in] a The first uncertainty's name.
 * @param[in] b The second's, different from @p a.
 * @param[in] rank The rank correlation, in [-1, 1].
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, empty or too long name, @p a equal
 *         to @p b, @p rank outside [-1, 1].
 * @retval AIROI_ERR_LIMIT The project already has #AIROI_CORRELATIONS_MAX correlations.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_correlation(airoi_project *p, const char *a, const char *b, double rank);

/**
 * @brief Number of correlations of a project.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_correlations(const airoi_project *p);

/**
 * @brief The i-th correlation, in insertion order.
 *
 * Ownership: the names are borrowed from @p p, valid until the correlation
 * is removed or the project freed.
 * @param[out] a The first name; may be NULL.
 * @param[out] b The second name; may be NULL.
 * @param[out] rank The rank correlation; may be NULL.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_correlations().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_get_correlation(const char **a, const char **b, double *rank,
                                            const airoi_project *p, size_t i);

/**
 * @brief Removes the i-th correlation; later ones move down by one.
 *
 * Ownership: names read from it become invalid.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_correlations().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_correlation(airoi_project *p, size_t i);

/* ---- stages ---- */

/**
 * @brief Appends a stage; stages run in the order added.
 *
 * Stage i starts when the stages before it end, costs @p cost at its start
 * and passes its gate with probability @p success_probability; the model's
 * own schedule starts after the last stage (docs/methodology.md). Unique
 * names are checked by airoi_project_validate().
 *
 * Ownership: @p name is copied.
 * @param[in] p The project.
 * @param[in] name The stage's name, non-empty.
 * @param[in] cost Its cost, >= 0, in the project's unit and currency.
 * @param[in] periods Its duration in whole periods, 0 to #AIROI_HORIZON_MAX.
 * @param[in] success_probability The probability of passing its gate, in [0, 1].
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p, empty or too long name, a value outside its domain.
 * @retval AIROI_ERR_LIMIT @p periods above #AIROI_HORIZON_MAX, or #AIROI_STAGES_MAX stages already.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_project_add_stage(airoi_project *p, const char *name, double cost,
                                      int32_t periods, double success_probability);

/**
 * @brief Number of stages of a project.
 *
 * Ownership: @p p is only read (borrowed for the call).
 * @param[in] p The project (NULL gives 0).
 * @return The count.
 * @since 0.1
 */
AIROI_API size_t airoi_project_count_stages(const airoi_project *p);

/**
 * @brief Reads a number parameter of the i-th stage.
 *
 * A stage has either a `success_probability` or a field prior
 * (#AIROI_STAGE_PRIOR, an airoi_gate_prior member); reading the one it
 * lacks fails with #AIROI_ERR_NOT_FOUND. A stage loaded from a model file
 * with neither has none: staging refuses it and names the priors.
 *
 * Ownership: @p p is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_stages().
 * @param[in] param #AIROI_STAGE_COST, #AIROI_STAGE_PERIODS, #AIROI_STAGE_SUCCESS_PROBABILITY
 *            or #AIROI_STAGE_PRIOR.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or not a numeric stage parameter.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end, or the parameter is unset.
 * @since 0.1
 */
AIROI_API int airoi_project_get_stage_number(double *out, const airoi_project *p, size_t i,
                                             airoi_stage_param param);

/**
 * @brief Sets a number parameter of the i-th stage, checked against its rule.
 *
 * #AIROI_STAGE_SUCCESS_PROBABILITY and #AIROI_STAGE_PRIOR replace each
 * other: setting one unsets the other (docs/methodology.md\#gate-priors).
 *
 * Ownership: nothing is retained.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_stages().
 * @param[in] param #AIROI_STAGE_COST, #AIROI_STAGE_PERIODS, #AIROI_STAGE_SUCCESS_PROBABILITY
 *            or #AIROI_STAGE_PRIOR.
 * @param[in] v The value (see #airoi_stage_param for domains).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p, not a numeric stage parameter, a value outside its domain.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @retval AIROI_ERR_LIMIT periods above #AIROI_HORIZON_MAX.
 * @since 0.1
 */
AIROI_API int airoi_project_set_stage_number(airoi_project *p, size_t i, airoi_stage_param param, double v);

/**
 * @brief The i-th stage's name.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_stages().
 * @return The name, or NULL past the end or for a NULL project. Ownership:
 *         borrowed from @p p, valid until the stage is removed or the project freed.
 * @since 0.1
 */
AIROI_API const char *airoi_project_get_stage_name(const airoi_project *p, size_t i);

/**
 * @brief Removes the i-th stage; later ones move down by one.
 *
 * Ownership: its name, if read before, becomes invalid.
 * @param[in] p The project.
 * @param[in] i Index below airoi_project_count_stages().
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOT_FOUND @p i is past the end.
 * @since 0.1
 */
AIROI_API int airoi_project_remove_stage(airoi_project *p, size_t i);

/* ---- simulation settings ---- */

/**
 * @brief New simulation settings holding the defaults.
 *
 * Defaults: 10,000 trials, seed 0, random sampling, threads 0 (one per
 * core), 50 histogram bins, ROI target 0, tail 0.05, per-trial values not
 * kept, no repair, every output, no extra percentiles.
 *
 * Ownership: the caller frees @p *out with airoi_sim_options_free().
 * @param[out] out The settings; NULL on failure.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p out.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_sim_options_new(airoi_sim_options **out);

/**
 * @brief A copy of simulation settings.
 *
 * Ownership: the caller frees @p *out with airoi_sim_options_free(); @p o
 * is only read.
 * @param[out] out The copy; NULL on failure.
 * @param[in] o The settings to copy.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_sim_options_clone(airoi_sim_options **out, const airoi_sim_options *o);

/**
 * @brief Frees simulation settings.
 *
 * Ownership: @p o must come from airoi_sim_options_new() or
 * airoi_sim_options_clone(), never from airoi_project_get_sim_options().
 * @param[in] o The settings; NULL is fine.
 * @since 0.1
 */
AIROI_API void airoi_sim_options_free(airoi_sim_options *o);

/**
 * @brief Sets a setting, checked against its rule.
 *
 * Ownership: nothing is retained.
 * @param[in] o The settings.
 * @param[in] param An #airoi_sim_param.
 * @param[in] v The value (see #airoi_sim_param for domains; sampling takes
 *            an #airoi_sampling member).
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p o, a parameter of another family, a value outside its domain.
 * @retval AIROI_ERR_LIMIT trials above 2^53, threads above 1024, bins above 10,000.
 * @since 0.1
 */
AIROI_API int airoi_sim_options_set_number(airoi_sim_options *o, airoi_sim_param param, double v);

/**
 * @brief Reads a setting (its default when unset).
 *
 * Ownership: @p o is only read; the value is copied to @p *out.
 * @param[out] out The value; untouched on failure.
 * @param[in] o The settings.
 * @param[in] param An #airoi_sim_param.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument, or a parameter of another family.
 * @since 0.1
 */
AIROI_API int airoi_sim_options_get_number(double *out, const airoi_sim_options *o, airoi_sim_param param);

/**
 * @brief Whether a setting was set explicitly.
 *
 * Ownership: @p o is only read (borrowed for the call).
 * @param[in] o The settings.
 * @param[in] param An #airoi_sim_param.
 * @return 1 when set, else 0.
 * @since 0.1
 */
AIROI_API int airoi_sim_options_is_set(const airoi_sim_options *o, airoi_sim_param param);

/**
 * @brief Chooses the outputs a simulation computes, in the order given.
 *
 * Ownership: the array is copied.
 * @param[in] o The settings.
 * @param[in] outputs @p n distinct #airoi_sim_output members.
 * @param[in] n Their count; 0 chooses every output.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument (with @p n > 0), a value that is not
 *         an #airoi_sim_output, an output listed twice.
 * @since 0.1
 */
AIROI_API int airoi_sim_options_set_outputs(airoi_sim_options *o, const airoi_sim_output *outputs, size_t n);

/**
 * @brief Copies the outputs a simulation computes (all five when none were chosen).
 *
 * With @p buf NULL (and any @p cap), only @p *len_out is set: the size query.
 *
 * Ownership: the outputs are copied into the caller's buffer.
 * @param[out] buf Buffer of @p cap outputs, or NULL for the size query.
 * @param[in] cap Its capacity.
 * @param[out] len_out The number of outputs.
 * @param[in] o The settings.
 * @retval AIROI_OK Success (or the size query).
 * @retval AIROI_ERR_INVALID NULL @p o or @p len_out.
 * @retval AIROI_ERR_BUFFER @p cap is below the count (@p *len_out says how many).
 * @since 0.1
 */
AIROI_API int airoi_sim_options_get_outputs(airoi_sim_output *buf, size_t cap, size_t *len_out,
                                            const airoi_sim_options *o);

/**
 * @brief Sets the extra percentiles reported; P5, P10, P50, P90 and P95 always are.
 *
 * Ownership: the array is copied.
 * @param[in] o The settings.
 * @param[in] percentiles @p n distinct percentiles, each strictly between 0 and 100.
 * @param[in] n Their count, at most #AIROI_PERCENTILES_MAX; 0 removes them.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument (with @p n > 0), a percentile out of
 *         range or listed twice.
 * @retval AIROI_ERR_LIMIT More than #AIROI_PERCENTILES_MAX.
 * @retval AIROI_ERR_NOMEM Out of memory.
 * @since 0.1
 */
AIROI_API int airoi_sim_options_set_percentiles(airoi_sim_options *o, const double *percentiles, size_t n);

/**
 * @brief Copies the extra percentiles.
 *
 * With @p buf NULL (and any @p cap), only @p *len_out is set: the size query.
 *
 * Ownership: the percentiles are copied into the caller's buffer.
 * @param[out] buf Buffer of @p cap percentiles, or NULL for the size query.
 * @param[in] cap Its capacity.
 * @param[out] len_out The number of extra percentiles.
 * @param[in] o The settings.
 * @retval AIROI_OK Success (or the size query).
 * @retval AIROI_ERR_INVALID NULL @p o or @p len_out.
 * @retval AIROI_ERR_BUFFER @p cap is below the count (@p *len_out says how many).
 * @since 0.1
 */
AIROI_API int airoi_sim_options_get_percentiles(double *buf, size_t cap, size_t *len_out,
                                                const airoi_sim_options *o);

/**
 * @brief The project's `simulation:` section.
 * @param[in] p The project.
 * @return The settings, or NULL when the project has none (or @p p is NULL).
 *         Ownership: borrowed from @p p, valid until the next
 *         airoi_project_set_sim_options() or the project is freed; never free it.
 * @since 0.1
 */
AIROI_API const airoi_sim_options *airoi_project_get_sim_options(const airoi_project *p);

/**
 * @brief Sets the project's `simulation:` section to a copy of @p o.
 *
 * Ownership: @p o is copied; the caller keeps and frees it.
 * @param[in] p The project.
 * @param[in] o The settings, or NULL to remove the section.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL @p p.
 * @retval AIROI_ERR_NOMEM Out of memory (the section is unchanged).
 * @since 0.1
 */
AIROI_API int airoi_project_set_sim_options(airoi_project *p, const airoi_sim_options *o);

/**
 * @brief Converts a distribution's name (`pert`) to its value.
 *
 * Ownership: nothing is retained.
 * @param[out] out The distribution; untouched on failure.
 * @param[in] name The name, as in a model file.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name (the message lists the names).
 * @since 0.1
 */
AIROI_API int airoi_distribution_from_name(airoi_distribution *out, const char *name);

/**
 * @brief The name of a distribution.
 * @param[in] d An #airoi_distribution member.
 * @return The name, or NULL for another value. Ownership: static storage.
 * @since 0.1
 */
AIROI_API const char *airoi_distribution_name(airoi_distribution d);

/**
 * @brief Converts a sampling scheme's name (`sobol`) to its value.
 *
 * Ownership: nothing is retained.
 * @param[out] out The scheme; untouched on failure.
 * @param[in] name The name, as in a model file.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name (the message lists the names).
 * @since 0.1
 */
AIROI_API int airoi_sampling_from_name(airoi_sampling *out, const char *name);

/**
 * @brief The name of a sampling scheme.
 * @param[in] s An #airoi_sampling member.
 * @return The name, or NULL for another value. Ownership: static storage.
 * @since 0.1
 */
AIROI_API const char *airoi_sampling_name(airoi_sampling s);

/**
 * @brief Converts an output's name (`npv`, its JSON key) to its value.
 *
 * Ownership: nothing is retained.
 * @param[out] out The output; untouched on failure.
 * @param[in] name The name.
 * @retval AIROI_OK Success.
 * @retval AIROI_ERR_INVALID NULL argument or unknown name (the message lists the names).
 * @since 0.1
 */
AIROI_API int airoi_sim_output_from_name(airoi_sim_output *out, const char *name);

/**
 * @brief The name of an output (its JSON key).
 * @param[in] o An #airoi_sim_output member.
 * @return The name, or NULL for another value. Ownership: static storage.
 * @since 0.1
 */
AIROI_API const char *airoi_sim_output_name(airoi_sim_output o);

AIROI_END_DECLS

#endif /* AIROI_UNCERTAINTY_H */
