/*
 * bindings/cli/simulate.c: `airoi simulate`, `airoi tornado`, `airoi stages`
 * and `airoi breakeven`: load, run, write the report. The simulation shows a
 * progress bar with an estimate of the time left on stderr when stderr is a
 * terminal (nothing otherwise); Ctrl-C cancels it through the progress
 * callback, and the command then says how far it got and writes nothing.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(_WIN32)
#  include <io.h>
#  define cli_isatty(fd) _isatty(fd)
#  define cli_fileno(f) _fileno(f)
#else
#  include <unistd.h>
#  define cli_isatty(fd) isatty(fd)
#  define cli_fileno(f) fileno(f)
#endif

#include "cli.h"

/* ------------------------------------------------------------ progress */

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

typedef struct progress {
    int bar;            /* draw the bar (stderr is a terminal) */
    double start;       /* seconds */
    double last;        /* last drawing */
    int drawn;
    int64_t done, total;
} progress;

static double now(void)
{
#if defined(CLOCK_MONOTONIC)
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) == 0)
        return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
    return (double)clock() / CLOCKS_PER_SEC;
}

static void draw(progress *pg)
{
    enum { WIDTH = 30 };
    double frac = pg->total > 0 ? (double)pg->done / (double)pg->total : 0;
    if (frac > 1)
        frac = 1;
    int fill = (int)(frac * WIDTH + 0.5);
    char bar[WIDTH + 1];
    for (int i = 0; i < WIDTH; i++)
        bar[i] = i < fill ? '#' : '-';
    bar[WIDTH] = '\0';
    double elapsed = now() - pg->start;
    char eta[48] = "ETA --";
    if (pg->done > 0 && frac < 1) {
        double left = elapsed * (1 - frac) / frac;
        if (left < 60)
            snprintf(eta, sizeof eta, "ETA %.0fs", ceil(left));
        else if (left < 3600)
            snprintf(eta, sizeof eta, "ETA %.0fm%02.0fs", floor(left / 60), fmod(left, 60));
        else
            snprintf(eta, sizeof eta, "ETA %.0fh%02.0fm", floor(left / 3600),
                     floor(fmod(left, 3600) / 60));
    } else if (frac >= 1) {
        snprintf(eta, sizeof eta, "%.1fs", elapsed);
    }
    fprintf(stderr, "\r[%s] %3.0f%% %lld/%lld trials, %s   ", bar, frac * 100,
            (long long)pg->done, (long long)pg->total, eta);
    fflush(stderr);
    pg->drawn = 1;
}

static void clear_bar(progress *pg)
{
    if (pg->drawn) {
        fprintf(stderr, "\r%*s\r", 78, "");
        fflush(stderr);
        pg->drawn = 0;
    }
}

static int on_progress(int64_t done, int64_t total, void *userdata)
{
    progress *pg = userdata;
    pg->done = done;
    pg->total = total;
    if (pg->bar) {
        double t = now();
        if (t - pg->last >= 0.1 || done >= total) {
            pg->last = t;
            draw(pg);
        }
    }
    return interrupted ? 1 : 0;
}

/* ------------------------------------------------------------- options */

/* A whole or real number filling the whole of text. */
static int parse_number(double *out, const char *text)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int set_option(airoi_sim_options *o, airoi_sim_param param, const char *opt,
                      const char *text, const cli_args *a)
{
    double v;
    if (parse_number(&v, text) != 0) {
        cli_error("%s: %s expects a number, got '%s'", a->command, opt, text);
        return CLI_USAGE;
    }
    if (airoi_sim_options_set_number(o, param, v) != AIROI_OK) {
        cli_error("%s: %s %s: %s", a->command, opt, text, airoi_last_error_message());
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* Splits a comma-separated list in place; returns the number of items. */
static size_t split(char **items, size_t cap, char *list)
{
    size_t n = 0;
    for (char *tok = list;; ) {
        char *comma = strchr(tok, ',');
        if (comma)
            *comma = '\0';
        if (n < cap)
            items[n] = tok;
        n++;
        if (!comma)
            break;
        tok = comma + 1;
    }
    return n;
}

#define MAX_LIST (AIROI_PERCENTILES_MAX + 1)

static int set_outputs(airoi_sim_options *o, const cli_args *a)
{
    char copy[512];
    char *items[MAX_LIST];
    airoi_sim_output outs[MAX_LIST];
    if (snprintf(copy, sizeof copy, "%s", a->outputs) >= (int)sizeof copy) {
        cli_error("%s: --outputs is too long", a->command);
        return CLI_USAGE;
    }
    size_t n = split(items, MAX_LIST, copy);
    if (n > MAX_LIST) {
        cli_error("%s: --outputs lists more than %d outputs", a->command, MAX_LIST);
        return CLI_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        if (airoi_sim_output_from_name(&outs[i], items[i]) != AIROI_OK) {
            cli_error("%s: --outputs: unknown output '%s' (expected npv, irr, roi_horizon, "
                      "npv_roi or payback_periods)", a->command, items[i]);
            return CLI_USAGE;
        }
    }
    if (airoi_sim_options_set_outputs(o, outs, n) != AIROI_OK) {
        cli_error("%s: --outputs %s: %s", a->command, a->outputs, airoi_last_error_message());
        return CLI_USAGE;
    }
    return CLI_OK;
}

static int set_percentiles(airoi_sim_options *o, const cli_args *a)
{
    char copy[512];
    char *items[MAX_LIST];
    double pcts[MAX_LIST];
    if (snprintf(copy, sizeof copy, "%s", a->percentiles) >= (int)sizeof copy) {
        cli_error("%s: --percentiles is too long", a->command);
        return CLI_USAGE;
    }
    size_t n = split(items, MAX_LIST, copy);
    if (n > MAX_LIST) {
        cli_error("%s: --percentiles lists more than %d percentiles", a->command, MAX_LIST);
        return CLI_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        if (parse_number(&pcts[i], items[i]) != 0) {
            cli_error("%s: --percentiles: '%s' is not a number", a->command, items[i]);
            return CLI_USAGE;
        }
    }
    if (airoi_sim_options_set_percentiles(o, pcts, n) != AIROI_OK) {
        cli_error("%s: --percentiles %s: %s", a->command, a->percentiles,
                  airoi_last_error_message());
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* The model's `simulation:` section (or the defaults), then the command line. */
int cli_sim_options(airoi_sim_options **out, const airoi_project *p, const cli_args *a)
{
    const airoi_sim_options *model = p ? airoi_project_get_sim_options(p) : NULL;
    airoi_sim_options *o = NULL;
    int st = model ? airoi_sim_options_clone(&o, model) : airoi_sim_options_new(&o);
    if (st != AIROI_OK) {
        cli_error("%s: %s", a->command, airoi_last_error_message());
        return CLI_FAIL;
    }
    int rc = CLI_OK;
    if (rc == CLI_OK && a->trials)
        rc = set_option(o, AIROI_SIM_TRIALS, "--trials", a->trials, a);
    if (rc == CLI_OK && a->seed)
        rc = set_option(o, AIROI_SIM_SEED, "--seed", a->seed, a);
    if (rc == CLI_OK && a->threads)
        rc = set_option(o, AIROI_SIM_THREADS, "--threads", a->threads, a);
    if (rc == CLI_OK && a->sampling) {
        airoi_sampling smp;
        if (airoi_sampling_from_name(&smp, a->sampling) != AIROI_OK) {
            cli_error("%s: --sampling: unknown sampling '%s' (expected random or sobol)",
                      a->command, a->sampling);
            rc = CLI_USAGE;
        } else if (airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING, (double)smp) != AIROI_OK) {
            cli_error("%s: --sampling %s: %s", a->command, a->sampling, airoi_last_error_message());
            rc = CLI_USAGE;
        }
    }
    if (rc == CLI_OK && a->outputs)
        rc = set_outputs(o, a);
    if (rc == CLI_OK && a->percentiles)
        rc = set_percentiles(o, a);
    if (rc == CLI_OK && a->trials_out &&
        airoi_sim_options_set_number(o, AIROI_SIM_KEEP_TRIALS, 1) != AIROI_OK) {
        cli_error("%s: --trials-out: %s", a->command, airoi_last_error_message());
        rc = CLI_FAIL;
    }
    if (rc != CLI_OK) {
        airoi_sim_options_free(o);
        return rc;
    }
    *out = o;
    return CLI_OK;
}

/* ---------------------------------------------------- per-trial values */

static const airoi_sim_output all_outputs[] = {AIROI_SIM_NPV, AIROI_SIM_IRR,
                                               AIROI_SIM_ROI_HORIZON, AIROI_SIM_NPV_ROI,
                                               AIROI_SIM_PAYBACK_PERIODS};
#define NOUTPUTS (sizeof all_outputs / sizeof all_outputs[0])

/* CSV of every trial: `trial` then one column per output computed, empty
 * where the output is undefined in that trial (RFC 4180, CRLF). */
static int write_trials(const char *path, const airoi_simulation *s, const cli_args *a)
{
    double *col[NOUTPUTS] = {0};
    int32_t *status[NOUTPUTS] = {0};
    size_t n = 0, ncols = 0;
    airoi_sim_output ids[NOUTPUTS];
    int rc = CLI_OK;
    for (size_t k = 0; k < NOUTPUTS; k++) {
        size_t len = 0;
        if (airoi_simulation_get_trials(NULL, NULL, 0, &len, s, all_outputs[k]) != AIROI_OK)
            continue; /* not computed */
        if (ncols && len != n) {
            cli_error("%s: --trials-out: outputs of different lengths", a->command);
            rc = CLI_FAIL;
            goto done;
        }
        n = len;
        col[ncols] = malloc((len ? len : 1) * sizeof(double));
        status[ncols] = malloc((len ? len : 1) * sizeof(int32_t));
        if (!col[ncols] || !status[ncols]) {
            free(col[ncols]);
            free(status[ncols]);
            cli_error("%s: --trials-out: out of memory", a->command);
            rc = CLI_FAIL;
            goto done;
        }
        if (airoi_simulation_get_trials(col[ncols], status[ncols], len, &len, s,
                                        all_outputs[k]) != AIROI_OK) {
            cli_error("%s: --trials-out: %s", a->command, airoi_last_error_message());
            free(col[ncols]);
            free(status[ncols]);
            rc = CLI_FAIL;
            goto done;
        }
        ids[ncols++] = all_outputs[k];
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        cli_error("cannot open %s for writing: %s", path, strerror(errno));
        rc = CLI_FAIL;
        goto done;
    }
    fputs("trial", f);
    for (size_t c = 0; c < ncols; c++)
        fprintf(f, ",%s", airoi_sim_output_name(ids[c]));
    fputs("\r\n", f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%zu", i);
        for (size_t c = 0; c < ncols; c++) {
            if (status[c][i] == AIROI_OK && isfinite(col[c][i]))
                fprintf(f, ",%.17g", col[c][i]);
            else
                fputs(",", f);
        }
        fputs("\r\n", f);
    }
    int err = ferror(f) || fflush(f) != 0;
    int saved = errno;
    if (fclose(f) != 0 && !err)
        err = 1, saved = errno;
    if (err) {
        cli_error("cannot write %s: %s", path, strerror(saved));
        rc = CLI_FAIL;
    }
done:
    for (size_t c = 0; c < ncols; c++) {
        free(col[c]);
        free(status[c]);
    }
    return rc;
}

/* ------------------------------------------------------------ commands */

static int write_doc(const cli_args *a, int st, char *text, size_t len)
{
    if (st != AIROI_OK) {
        fprintf(stderr, "%s: cannot write the report: %s\n", a->file, airoi_last_error_message());
        airoi_free(text);
        return CLI_FAIL;
    }
    int rc = cli_output(a, text, len);
    airoi_free(text);
    return rc;
}

int cli_simulate(const cli_args *a)
{
    airoi_project *p = NULL;
    airoi_sim_options *o = NULL;
    airoi_simulation *s = NULL;
    airoi_result *r = NULL;
    int rc = cli_load(&p, a->file);
    if (rc != CLI_OK)
        return rc;
    rc = cli_sim_options(&o, p, a);
    if (rc != CLI_OK)
        goto done;

    progress pg;
    memset(&pg, 0, sizeof pg);
    pg.bar = cli_isatty(cli_fileno(stderr));
    pg.start = now();
    interrupted = 0;
    void (*previous)(int) = signal(SIGINT, on_sigint);
    int st = airoi_project_simulate(&s, p, o, 0, on_progress, &pg);
    if (pg.bar && st == AIROI_OK && pg.total > 0) {
        pg.done = pg.total;
        draw(&pg);
    }
    clear_bar(&pg);
    signal(SIGINT, previous == SIG_ERR ? SIG_DFL : previous);
    if (st == AIROI_ERR_CANCELLED) {
        fprintf(stderr, "%s: simulation cancelled after %lld of %lld trials; "
                        "no result written\n", a->file, (long long)pg.done, (long long)pg.total);
        rc = CLI_CANCELLED;
        goto done;
    }
    if (st != AIROI_OK) {
        fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
        rc = CLI_FAIL;
        goto done;
    }
    if (a->trials_out) {
        rc = write_trials(a->trials_out, s, a);
        if (rc != CLI_OK)
            goto done;
    }
    char *text = NULL;
    size_t len = 0;
    if (a->format == AIROI_REPORT_HTML) {
        /* the business case of the base case, with this simulation */
        st = airoi_project_evaluate(&r, p, NULL, 0);
        if (st == AIROI_OK)
            st = cli_business_case(&text, &len, p, r, s);
    } else {
        st = airoi_report_write_simulation(&text, &len, s, (airoi_report_format)a->format, 0);
    }
    rc = write_doc(a, st, text, len);
done:
    airoi_result_free(r);
    airoi_simulation_free(s);
    airoi_sim_options_free(o);
    airoi_project_free(p);
    return rc;
}

enum { DECIDE_TORNADO, DECIDE_STAGES, DECIDE_BREAKEVEN };

/* tornado, stages, breakeven: load, compute, write. */
static int decide(const cli_args *a, int what)
{
    airoi_project *p = NULL;
    airoi_tornado *t = NULL;
    airoi_staging *s = NULL;
    airoi_breakeven *b = NULL;
    char *text = NULL;
    size_t len = 0;
    airoi_report_format format = (airoi_report_format)a->format;
    if (format == AIROI_REPORT_HTML) {
        /* a command-line error, found before the model is read: these
         * analyses are parts of the business case (`report --format html`) */
        cli_error("%s: --format html is the business case: use `airoi report FILE --format "
                  "html`, which holds this analysis; %s writes text, json, csv or md",
                  a->command, a->command);
        return CLI_USAGE;
    }
    int rc = cli_load(&p, a->file);
    if (rc != CLI_OK)
        return rc;
    if (what == DECIDE_STAGES && airoi_project_count_stages(p) == 0) {
        fprintf(stderr, "%s: the model has no stages: add a `stages:` list "
                        "(docs/model-format.md)\n", a->file);
        airoi_project_free(p);
        return CLI_FAIL;
    }
    int st;
    switch (what) {
    case DECIDE_TORNADO: st = airoi_tornado_evaluate(&t, p, 0); break;
    case DECIDE_STAGES: st = airoi_staging_evaluate(&s, p, 0); break;
    default: st = airoi_breakeven_evaluate(&b, p, 0); break;
    }
    if (st != AIROI_OK) {
        fprintf(stderr, "%s: %s\n", a->file, airoi_last_error_message());
        rc = CLI_FAIL;
    } else {
        if (t)
            st = airoi_report_write_tornado(&text, &len, t, format, 0);
        else if (s)
            st = airoi_report_write_staging(&text, &len, s, format, 0);
        else
            st = airoi_report_write_breakeven(&text, &len, b, format, 0);
        rc = write_doc(a, st, text, len);
    }
    airoi_tornado_free(t);
    airoi_staging_free(s);
    airoi_breakeven_free(b);
    airoi_project_free(p);
    return rc;
}

int cli_tornado(const cli_args *a)
{
    return decide(a, DECIDE_TORNADO);
}

int cli_stages(const cli_args *a)
{
    return decide(a, DECIDE_STAGES);
}

int cli_breakeven(const cli_args *a)
{
    return decide(a, DECIDE_BREAKEVEN);
}
