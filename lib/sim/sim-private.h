/*
 * lib/sim: the Monte Carlo engine (simulate.c, simstats.c): the compiled
 * project a trial evaluates, and the data behind the airoi_simulation
 * handle. Internal header of lib/sim, read by the layers above it; not
 * part of the API. Semantics: docs/methodology.md#monte-carlo-simulation;
 * determinism: docs/threading.md.
 *
 * The internal API: each public function airoi_NAME() of lib/ is entry
 * bookkeeping (AIROI__ENTER, which clears the thread's error message) plus
 * a call of airoi__NAME(), which does the work, keeps the message, and is
 * declared in its layer's private header and defined just above the public
 * function in the same file. Code in lib/ calls only airoi__ functions,
 * never an exported one (docs/layers.md; the internal-calls test).
 */
#ifndef AIROI_SIM_PRIVATE_H
#define AIROI_SIM_PRIVATE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "airoi/simulation.h"
#include "model-private.h"
#include "random-private.h"

/* Trials per block: the unit of work a thread takes. Never depends on the
 * thread count; results do not depend on it either (every trial writes
 * its own slots, statistics are taken over the slots in trial order). */
#define AIROI__SIM_BLOCK 1024
/* At most this many threads, whatever is asked. */
#define AIROI__SIM_MAX_THREADS 64
/* The per-trial storage of one simulation may not exceed this many bytes
 * (docs/methodology.md#memory-of-a-simulation): AIROI_ERR_LIMIT past it. */
#define AIROI__SIM_MAX_BYTES ((uint64_t)4 << 30)
/* Uniform dimensions a trial draws (an uncertainty drawn once per trial is
 * one, one drawn per period one per period, a stage one): each thread's
 * trial block holds 512 bytes per dimension, so 100,000 of them are 51 MB.
 * AIROI_ERR_LIMIT past it (docs/errors.md#limits). */
#define AIROI__SIM_MAX_DIMS 100000
/* The trial blocks of a run's threads together: fewer threads when they
 * would hold more (the thread count never changes a result). */
#define AIROI__SIM_MAX_WORKER_BYTES ((uint64_t)1 << 30)
/* Outputs (airoi_sim_output, from AIROI_SIM_NPV) and statistics. */
#define AIROI__SIM_OUTPUTS 5
#define AIROI__SIM_STATS 12
#define AIROI__STAGING_FIGURES 5

/* Items with the same kind and the same uncertainties on them, added up:
 * a trial multiplies each group's precomputed figures, never its items. */
typedef struct airoi__sim_group {
    int is_cost;
    double *series;    /* n: flow of each period (project currency, item factors applied) */
    double *dseries;   /* n: series x discount factor of the period */
    double pv;         /* sum of dseries */
    double total;      /* sum of series (undiscounted) */
    size_t *scalar;    /* the inputs drawn once per trial that multiply it */
    size_t n_scalar;
    size_t *per;       /* the inputs drawn per period that multiply it */
    size_t n_per;
} airoi__sim_group;

/* An uncertainty, ready to draw. */
typedef struct airoi__sim_input {
    char *name;        /* its name, or its target when unnamed */
    airoi__dist dist;
    int compiled;      /* dist holds resources to release */
    int per_period;
    size_t dim;        /* its first uniform dimension (per_period: n of them) */
    long corr;         /* its index in the copula, -1 when uncorrelated */
} airoi__sim_input;

/* A project compiled for trials. */
typedef struct airoi__sim_model {
    size_t n;              /* periods 0..horizon */
    double rate;           /* per period */
    double years;          /* years per period */
    size_t len;            /* periods of a path: n + the stages' periods */
    double *disc;          /* len discount factors (1 + rate)^-t */
    airoi__sim_group *groups;
    size_t n_groups;
    airoi__sim_input *inputs;
    size_t n_inputs;
    size_t n_corr;         /* inputs in the copula */
    size_t *corr_input;    /* n_corr: their input indices */
    double *chol;          /* n_corr x n_corr lower Cholesky factor */
    int corr_per_period;   /* the copula's inputs are drawn per period */
    size_t n_stages;
    double *stage_cost;    /* n_stages each */
    size_t *stage_start;
    double *stage_prob;
    size_t stage_dim;      /* the gates' first uniform dimension */
    size_t shift;          /* D: periods before the model's own schedule */
    double stage_pv_all;   /* PV of every stage's cost */
    size_t n_dims;         /* uniforms per trial */
    uint64_t fingerprint;  /* of everything a trial's figures depend on */
    char *warning;         /* the correlation matrix was repaired: what and how, or NULL */
    atomic_int refs;       /* simulations sharing it (airoi__sim_model_new) */
    airoi__settings settings; /* the project's, for reports (owns its strings) */
} airoi__sim_model;

/* Compiles p (validated by the caller) for simulation; AIROI_ERR_MODEL or
 * AIROI_ERR_INVALID with a message when an uncertainty or correlation
 * cannot be simulated. repair: repair a correlation matrix that is not PSD. */
int airoi__sim_compile(airoi__sim_model *m, const airoi_project *p, int repair);
void airoi__sim_model_free(airoi__sim_model *m);
/* A compiled model on the heap, shared by the simulations of its trials
 * (one reference each): airoi__sim_model_new() compiles (refs = 1),
 * airoi__sim_model_ref() adds a reference, airoi__sim_model_unref()
 * drops one and frees on the last. */
int airoi__sim_model_new(airoi__sim_model **out, const airoi_project *p, int repair);
airoi__sim_model *airoi__sim_model_ref(airoi__sim_model *m);
void airoi__sim_model_unref(airoi__sim_model *m);
/* The multipliers of trials [first, first + count) again, exactly as the
 * run drew them: vals[k * count + i] is input k's multiplier in trial
 * first + i (per period: its mean over the periods). */
int airoi__sim_input_values(double *vals, const airoi__sim_model *m, uint64_t seed, int sampling,
                            int64_t first, int64_t count);
/* The NPV of the compiled model (no stages) with input k's multiplier
 * mult[k] in every period (k < n_inputs): the deterministic core that
 * tornado and break-even searches can share. */
double airoi__sim_npv_at(const airoi__sim_model *m, const double *mult);
/* The copula of period t (or of the trial): the correlated inputs'
 * uniforms through normal scores, the Cholesky factor and back, in place;
 * dimension d of the trial is u[d * stride]; z holds 2 * n_corr doubles. */
void airoi__sim_copula(const airoi__sim_model *m, double *u, size_t stride, double *z, size_t t);

/* Settings of a run: the caller's options where set, else the project's
 * `simulation:` section where set, else the defaults. */
typedef struct airoi__sim_settings {
    int64_t trials;
    uint64_t seed;
    int sampling;
    int32_t threads;
    int32_t bins;
    double roi_target;
    double tail;
    int keep_trials;
    int repair;
    int outputs[AIROI__SIM_OUTPUTS]; /* offsets from AIROI_SIM_NPV, in the order asked */
    size_t n_outputs;
    double *percentiles;             /* extra percentiles (owned) */
    size_t n_percentiles;
} airoi__sim_settings;

/* Statistics of one output. */
typedef struct airoi__sim_stats {
    double stat[AIROI__SIM_STATS]; /* by airoi_sim_stat offset */
    int status[AIROI__SIM_STATS];  /* AIROI_OK or why the statistic is undefined */
    double *sorted;                /* the defined values, ascending */
    size_t n_defined;
    double *edges;                 /* bins + 1 */
    int64_t *counts;               /* bins */
} airoi__sim_stats;

struct airoi_simulation {
    airoi__sim_settings st;
    int64_t first;                 /* first trial */
    int64_t count;                 /* trials */
    uint64_t fingerprint;
    int has[AIROI__SIM_OUTPUTS];   /* computed */
    double *val[AIROI__SIM_OUTPUTS]; /* count each; NaN: undefined in that trial */
    airoi__sim_stats stats[AIROI__SIM_OUTPUTS];
    airoi__sim_model *model;       /* shared; draws the inputs again for sensitivity */
    size_t n_inputs;
    size_t n_stages;
    double *spent;                 /* count: what the trial spent (stages reached, model costs) */
    double *allin;                 /* count: its NPV with every stage committed up front */
    uint8_t *pass;                 /* count: 1 when every gate passed */
    double staging[AIROI__STAGING_FIGURES];
    size_t n_checkpoints;
    int64_t *cp_trials;
    double *cp_mean, *cp_mean_se, *cp_prob, *cp_prob_se;
    /* Sensitivity, computed on first use under the lock. */
    void *lock;
    int sens_done;
    double *rank_corr;
    double *var_share;
};

/* simsort.c: the work of the statistics that runs on several threads. */
typedef void (*airoi__sim_task_fn)(void *ctx, size_t task);
/* Runs fn(ctx, t) for every t < ntasks on at most `threads` threads, the
 * caller's included; a free thread takes the next task, so fn(ctx, t) must
 * write only task t's outputs. A thread that cannot start leaves its tasks
 * to the others. */
void airoi__sim_parallel(int threads, size_t ntasks, airoi__sim_task_fn fn, void *ctx);
/* LSD radix sort of n keys (11-bit digits, at most 6 passes), carrying idx
 * along when not NULL; tk and ti are scratch of n each. Stable. One pass
 * counts every digit; a digit that every key shares is skipped; the
 * passes go back and forth between the buffers. Returns the buffer that
 * holds the sorted keys (k or tk), and when idx is not NULL sets *idx to
 * the one holding the indexes (the caller's or ti). n < 2^32. */
uint64_t *airoi__sim_radix_sort(uint64_t *k, uint32_t **idx, size_t n, uint64_t *tk,
                                uint32_t *ti);
/* The nd defined values of v[0..c-1] (NaN: undefined), between mn and mx,
 * ascending (-0 before +0) into a new block *sorted (airoi__sim_big_free), on at
 * most `threads` threads; the result does not depend on them. nd < 2^32. */
int airoi__sim_sort_values(double **sorted, const double *v, size_t c, size_t nd, double mn,
                           double mx, int threads);

/* PERCENTILE.INC of ascending x[0..n-1] (n >= 1) at p in [0, 100]
 * (docs/methodology.md#simulation-statistics). */
double airoi__sim_percentile_inc(const double *x, size_t n, double p);

/* A key whose unsigned order is the order of the doubles (no NaN). */
static inline uint64_t airoi__sim_key_of(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return (b >> 63) ? ~b : (b | 0x8000000000000000ull);
}

static inline double airoi__sim_double_of(uint64_t k)
{
    uint64_t b = (k >> 63) ? (k & 0x7fffffffffffffffull) : ~k;
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* simstats.c: allocation, statistics, merge. */
/* A block for per-trial storage (on Linux made of huge pages when large),
 * released by airoi__sim_big_free(), never by airoi__free(). */
void *airoi__sim_big_malloc(size_t bytes);
void airoi__sim_big_free(void *p);
/* The threads a run with this setting uses (0: one per processor). */
int airoi__sim_threads(int32_t asked);
int airoi__simulation_alloc(airoi_simulation **out, const airoi__sim_settings *st,
                            airoi__sim_model *m, int64_t first, int64_t count);
/* Per-trial bytes of a run with these settings on this model. */
uint64_t airoi__sim_bytes_per_trial(const airoi__sim_settings *st, size_t n_stages);
/* Takes every statistic of the per-trial values (in trial order). */
int airoi__simulation_finish(airoi_simulation *s);
/* The end of making a simulation s (NULL when rc is a failure) on model
 * m with settings st: its statistics when rc is 0; drops the maker's
 * reference to m and clears st; then *out = s (clearing the message as a
 * success does), or frees s and returns the failure. */
int airoi__simulation_complete(airoi_simulation **out, airoi_simulation *s, int rc,
                               airoi__sim_model *m, airoi__sim_settings *st);
int airoi__sim_settings_copy(airoi__sim_settings *dst, const airoi__sim_settings *src);
void airoi__sim_settings_clear(airoi__sim_settings *st);

/* --------------------------------------------- internal forms of the API */

/* simulate.c */
int airoi__project_simulate(airoi_simulation **out, const airoi_project *p,
                            const airoi_sim_options *options, unsigned flags,
                            airoi_progress_fn progress, void *userdata);
int airoi__project_simulate_range(airoi_simulation **out, const airoi_project *p,
                                  const airoi_sim_options *options, int64_t first,
                                  int64_t count, unsigned flags, airoi_progress_fn progress,
                                  void *userdata);

/* simstats.c */
int airoi__simulation_merge(airoi_simulation **out, const airoi_simulation *a,
                            const airoi_simulation *b);
void airoi__simulation_free(airoi_simulation *s);

/* simsave.c */
int airoi__simulation_save_buffer(void **out, size_t *len_out, const airoi_simulation *s,
                                  unsigned flags);
int airoi__simulation_load_buffer(airoi_simulation **out, const airoi_project *p,
                                  const void *data, size_t len, unsigned flags);
/* simstats.c */
int airoi__simulation_get_stat(double *out, const airoi_simulation *s, int output, int stat);
int airoi__simulation_get_percentile(double *out, const airoi_simulation *s, int output,
                                     double percentile);
int airoi__simulation_get_histogram(double *edges, int64_t *counts, size_t cap,
                                    size_t *bins_out, const airoi_simulation *s, int output);
int airoi__simulation_get_trials(double *values, int32_t *status, size_t cap, size_t *len_out,
                                 const airoi_simulation *s, int output);
int airoi__simulation_get_number(double *out, const airoi_simulation *s, int param);
int airoi__simulation_get_staging(double *out, const airoi_simulation *s, int figure);
int airoi__simulation_get_all_in_trials(double *values, size_t cap, size_t *len_out,
                                        const airoi_simulation *s);
const char *airoi__simulation_get_warning(const airoi_simulation *s);
size_t airoi__simulation_count_inputs(const airoi_simulation *s);
int airoi__simulation_get_sensitivity(const char **input, double *rank_correlation,
                                      double *variance_share, const airoi_simulation *s,
                                      size_t i);
size_t airoi__simulation_count_checkpoints(const airoi_simulation *s);
int airoi__simulation_get_checkpoint(int64_t *trials, double *mean, double *mean_se,
                                     double *prob_positive, double *prob_se,
                                     const airoi_simulation *s, size_t i);

#endif /* AIROI_SIM_PRIVATE_H */
