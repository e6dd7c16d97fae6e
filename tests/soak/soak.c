/*
 * tests/soak/soak.c: the soak test (a test program over the public API;
 * purpose: memory, not time). It generates random models in one process,
 * valid and invalid: random costs, values, scenarios, uncertainties,
 * correlations, stages, actuals and indicators, and in about one model in
 * four a random corruption of the YAML text (bytes flipped, deleted,
 * repeated, the text cut). Each model is loaded; a model that loads is
 * evaluated (base and honest estimate), reported in two of text, JSON, CSV
 * and Markdown (in turn) and every 25th in HTML, saved and loaded again,
 * simulated with 40 to 200 trials when it has uncertainties or stages
 * (random or Sobol sampling, 1 or 2 threads), every 10th given its
 * tornado, staging and break-even figures with their text reports, tracked
 * when it has actuals; then everything is freed.
 *
 * It prints the resident memory (VmRSS, from /proc/self/statm) at the
 * start, after the warm-up (the first tenth of the models, at most 5,000),
 * at each tenth and at the end, and exits 1 when the largest RSS after the
 * warm-up exceeds the RSS after the warm-up by more than the bound,
 * SOAK_BOUND_KB (8 MiB: the allocator's arenas and caches settle during
 * the warm-up; a leak of even 100 bytes a model grows by 10 MB over
 * 100,000). Under AddressSanitizer or valgrind the RSS is theirs (freed
 * memory sits in quarantine), so the figures are printed and the bound is
 * not applied (SOAK_NO_BOUND, or --no-bound).
 *
 *   build/tests/soak/soak [MODELS [SEED]] [--no-bound]
 * `meson test --suite soak` runs 2,000 models; the full run is by hand:
 *   nice -n 10 build/tests/soak/soak 100000
 * (figures in docs/performance.md, "Soak": 2026-12-02, RSS 3,896 kB after
 * the warm-up, 4,008 kB at most after it, 3,952 kB at the end). Exit status 2 means a failure
 * that is no memory growth: a status no call may return, a NaN in a report.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <airoi/airoi.h>

#define SOAK_BOUND_KB 8192L

#if defined(__SANITIZE_ADDRESS__)
#  define SOAK_NO_BOUND 1
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define SOAK_NO_BOUND 1
#  endif
#endif

/* ---- random numbers (splitmix64) ---------------------------------------- */

static uint64_t state;

static uint64_t next(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* 0 .. n-1 */
static int pick(int n)
{
    return (int)(next() % (uint64_t)n);
}

/* [lo, hi) */
static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * (double)(next() >> 11) * 0x1.0p-53;
}

/* ---- the model text ------------------------------------------------------- */

typedef struct text {
    char *s;
    size_t n, cap;
} text;

static void add(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
        va_end(ap);
        if (k < 0) {
            fprintf(stderr, "soak: vsnprintf failed\n");
            exit(2);
        }
        if ((size_t)k < t->cap - t->n) {
            t->n += (size_t)k;
            return;
        }
        size_t cap = t->cap * 2 + (size_t)k;
        char *s = realloc(t->s, cap);
        if (!s) {
            fprintf(stderr, "soak: out of memory\n");
            exit(2);
        }
        t->s = s;
        t->cap = cap;
    }
}

static const char *const categories[] = {"people", "infrastructure", "software", "data",
                                         "data_governance", "integration",
                                         "change_management", "maintenance", "snacks"};
static const char *const dimensions[] = {"efficiency", "revenue", "risk", "strategic"};
static const char *const pers[] = {"once", "year", "quarter", "month"};
static const char *const periods[] = {"year", "quarter", "month"};
static const char *const currencies[] = {"USD", "EUR", "TWD", "JPY"};
static const char *const use_cases[] = {"customer_service", "churn_prediction", "fraud_aml",
                                        "no_such_case"};

/* A random number as model text: mostly ordinary, one in a hundred odd. */
static void number(text *t, double lo, double hi)
{
    switch (pick(400)) {
    case 0: add(t, "-1"); return;
    case 1: add(t, "1e308"); return;
    case 2: add(t, ".nan"); return;
    case 3: add(t, "0"); return;
    default: add(t, "%.6g", uniform(lo, hi)); return;
    }
}

/* How often an amount is paid: once at a period, or from a period on. */
static void per(text *t, int horizon)
{
    int k = pick(4);
    if (k == 0)
        add(t, ", per: once, at: %d", pick(horizon + 1));
    else
        add(t, ", per: %s, from: %d", pers[k], pick(horizon + 1));
}

static void generate(text *t, int *n_unc)
{
    int period = pick(3), horizon = 1 + pick(period == 2 ? 36 : 10);
    int currency = pick(4);
    t->n = 0;
    add(t, "airoi: 1\nproject:\n  name: soak %d\n  currency: %s\n  period: %s\n"
           "  horizon: %d\n  discount_rate: ",
        pick(1000000), currencies[currency], periods[period], horizon);
    number(t, 0, 0.2);
    add(t, "\n");
    if (pick(3) == 0)
        add(t, "  use_case: %s\n", use_cases[pick(pick(20) ? 3 : 4)]);
    int fx = currency != 0 && pick(2);
    if (fx)
        add(t, "fx: {USD: %.4g}\n", uniform(0.5, 40));
    int nc = pick(6), nv = pick(6);
    if (nc)
        add(t, "costs:\n");
    for (int i = 0; i < nc; i++) {
        add(t, "  - {name: c%d, category: %s, ", i, categories[pick(pick(10) ? 8 : 9)]);
        if (pick(5) == 0) {
            add(t, "amounts: [");
            for (int k = 0, m = 1 + pick(horizon); k < m; k++) {
                add(t, k ? ", " : "");
                number(t, 0, 500);
            }
            add(t, "]");
        } else {
            add(t, "amount: ");
            number(t, 1, 500);
            per(t, horizon);
            if (pick(3) == 0)
                add(t, ", growth: %.3g", uniform(-0.1, 0.2));
            if (fx && pick(4) == 0)
                add(t, ", currency: USD");
        }
        add(t, "}\n");
    }
    if (nv)
        add(t, "values:\n");
    for (int i = 0; i < nv; i++) {
        add(t, "  - {name: v%d, dimension: %s, amount: ", i, dimensions[pick(4)]);
        number(t, 1, 600);
        per(t, horizon);
        if (pick(3) == 0)
            add(t, ", realization: %.3g", uniform(0.3, 1));
        if (pick(3) == 0)
            add(t, ", adoption: {curve: %s, periods: %d, start: %.2g, ceiling: %.2g}",
                pick(2) ? "s_curve" : "linear", 1 + pick(horizon), uniform(0, 0.5),
                uniform(0.5, 1));
        add(t, "}\n");
    }
    int ns = pick(4);
    if (ns)
        add(t, "scenarios:\n");
    for (int i = 0; i < ns; i++) {
        add(t, "  - {name: s%d, probability: %.17g, multipliers: {%s: %.3g}}\n", i,
            pick(20) ? 1.0 / ns : uniform(0, 1), pick(2) ? "values" : "costs", uniform(0.5, 1.5));
    }
    *n_unc = pick(4);
    if (*n_unc)
        add(t, "uncertainties:\n");
    for (int i = 0; i < *n_unc; i++) {
        const char *target = pick(2) ? "values" : "costs";
        char item[16];
        if (nv && pick(2)) {
            snprintf(item, sizeof item, "v%d", pick(nv));
            target = item;
        } else if (nc && pick(2)) {
            snprintf(item, sizeof item, "c%d", pick(nc));
            target = item;
        }
        add(t, "  - {name: u%d, target: %s, ", i, target);
        switch (pick(7)) {
        case 0: add(t, "distribution: uniform, low: %.3g, high: %.3g", uniform(0.5, 1), uniform(1, 1.5)); break;
        case 1: add(t, "distribution: triangular, low: 0.7, mode: %.3g, high: 1.4", uniform(0.7, 1.4)); break;
        case 2: add(t, "distribution: pert, low: 0.6, mode: 1, high: %.3g", uniform(1, 2)); break;
        case 3: add(t, "distribution: normal, mean: 1, sd: %.3g", uniform(0, 0.4)); break;
        case 4: add(t, "distribution: lognormal, mean: 1, sd: %.3g", uniform(0.01, 0.4)); break;
        case 5: add(t, "distribution: bernoulli, p: %.3g, impact: %.3g", uniform(0, 1), uniform(-0.5, 0.5)); break;
        default: add(t, "distribution: discrete, values: [0.8, 1.2], probabilities: [0.5, 0.5]"); break;
        }
        if (pick(4) == 0)
            add(t, ", per_period: true");
        if (pick(5) == 0)
            add(t, ", min: 0.5");
        add(t, "}\n");
    }
    if (*n_unc >= 2 && pick(2))
        add(t, "correlations: [{between: [u0, u1], rank: %.3g}]\n", uniform(-0.9, 0.9));
    int nst = pick(3);
    if (nst)
        add(t, "stages:\n");
    for (int i = 0; i < nst; i++)
        add(t, "  - {name: g%d, cost: %.4g, periods: %d, success_probability: %.3g}\n", i,
            uniform(0, 50), pick(2), uniform(0.1, 1));
    if (nc && pick(4) == 0) {
        add(t, "actuals:\n");
        for (int k = 0, m = 1 + pick(4); k < m; k++)
            add(t, "  - {period: %d, item: c%d, amount: %.4g}\n", pick(horizon + 1), pick(nc),
                uniform(0, 600));
        if (pick(2))
            add(t, "indicators: [{name: adoption, target: 0.6, at_risk_below: 0.4, values: "
                   "{0: %.3g}}]\n",
                uniform(0, 1));
    }
}

/* About one text in four: damaged in a random way. */
static void corrupt(text *t)
{
    if (pick(4) || t->n < 2)
        return;
    for (int k = 0, m = 1 + pick(4); k < m && t->n > 1; k++) {
        size_t at = (size_t)pick((int)t->n);
        switch (pick(5)) {
        case 0: t->s[at] = (char)(" :-{}[],\n\t#&*!|>'\"%@`0a"[pick(24)]); break;
        case 1: memmove(t->s + at, t->s + at + 1, t->n - at - 1); t->n--; break;
        case 2: t->n = at + 1; break;
        case 3: t->s[at] = (char)(next() & 0xff); break;
        default: { /* a piece repeated at the end */
            char piece[21];
            size_t len = 1 + (size_t)pick(20);
            if (at + len > t->n)
                len = t->n - at;
            memcpy(piece, t->s + at, len);
            piece[len] = '\0';
            add(t, "%s", piece);
            break;
        }
        }
    }
}

/* ---- one model through the library ---------------------------------------- */

static long failures; /* statuses no call may return, NaN in output */
static int verbose;  /* SOAK_VERBOSE: the first diagnostic of each model that does not load */

/* A call's status: success or a clear error (with its message), never
 * out of memory, an internal error or a cancellation. */
static void expect(int rc, const char *call)
{
    int bad = rc == AIROI_ERR_NOMEM || rc == AIROI_ERR_INTERNAL || rc == AIROI_ERR_BUFFER ||
              rc == AIROI_ERR_IO || rc == AIROI_ERR_CANCELLED ||
              (rc != AIROI_OK && airoi_last_error_message()[0] == '\0');
    if (bad && failures++ < 20)
        fprintf(stderr, "soak: %s: %s: %s\n", call, airoi_status_str(rc),
                airoi_last_error_message());
}

/* A report never shows a NaN (a figure that is not defined is written as
 * such in words, null in JSON, empty in CSV). */
static void check_report(char *s, const char *what)
{
    if (!s)
        return;
    if ((strstr(s, ": nan") || strstr(s, ",nan") || strstr(s, "nan,") || strstr(s, "-nan") ||
         strstr(s, "NaN")) &&
        failures++ < 20)
        fprintf(stderr, "soak: NaN in %s\n", what);
    airoi_free(s);
}

static const airoi_report_format formats[] = {AIROI_REPORT_TEXT, AIROI_REPORT_JSON,
                                              AIROI_REPORT_CSV, AIROI_REPORT_MARKDOWN};

static void one_model(const text *t, long index, int n_unc, long *loaded)
{
    airoi_project *p = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_model_load_buffer(&p, &d, t->s, t->n, "soak.yaml", 0);
    expect(rc, "load");
    for (size_t i = 0; d && i < airoi_diagnostics_count(d); i++) {
        const char *line = airoi_diagnostics_get_text(d, i);
        if (verbose && i == 0 && !p)
            printf("  model %ld: %s\n", index, line);
    }
    airoi_diagnostics_free(d);
    if (!p)
        return;
    ++*loaded;
    airoi_result *r = NULL, *h = NULL;
    char *out = NULL;
    rc = airoi_project_evaluate(&r, p, NULL, 0);
    expect(rc, "evaluate");
    rc = airoi_project_evaluate(&h, p, NULL, AIROI_EVAL_HONEST_ESTIMATE);
    expect(rc, "evaluate honest");
    if (r) {
        for (int k = 0; k < 2; k++) {
            airoi_report_format f = formats[(index + k) % 4];
            out = NULL;
            expect(airoi_report_write(&out, NULL, k ? h ? h : r : r, f, 0), "report");
            check_report(out, airoi_report_format_name(f));
        }
        if (index % 25 == 0) {
            out = NULL;
            expect(airoi_report_write_html(&out, NULL, r, NULL, 0), "html");
            airoi_free(out);
        }
    }
    /* save and load again */
    out = NULL;
    size_t len = 0;
    rc = airoi_model_save_buffer(&out, &len, p, 0);
    expect(rc, "save");
    if (out) {
        airoi_project *q = NULL;
        expect(airoi_model_load_buffer(&q, NULL, out, len, "saved.yaml", 0), "reload");
        airoi_project_free(q);
        airoi_free(out);
    }
    if (n_unc || index % 7 == 0) {
        airoi_sim_options *o = NULL;
        airoi_simulation *s = NULL;
        if (airoi_sim_options_new(&o) == AIROI_OK) {
            airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 40 + pick(161));
            airoi_sim_options_set_number(o, AIROI_SIM_THREADS, 1 + pick(2));
            airoi_sim_options_set_number(o, AIROI_SIM_SAMPLING,
                                         pick(2) ? AIROI_SAMPLING_SOBOL : AIROI_SAMPLING_RANDOM);
            airoi_sim_options_set_number(o, AIROI_SIM_SEED, (double)(index % 1000));
            rc = airoi_project_simulate(&s, p, o, 0, NULL, NULL);
            expect(rc, "simulate");
            if (s) {
                out = NULL;
                expect(airoi_report_write_simulation(&out, NULL, s, formats[index % 4], 0),
                       "simulation report");
                check_report(out, "simulation report");
                if (r && index % 25 == 0) {
                    out = NULL;
                    expect(airoi_report_write_html(&out, NULL, r, s, 0), "html with sim");
                    airoi_free(out);
                }
            }
            airoi_simulation_free(s);
            airoi_sim_options_free(o);
        }
    }
    if (index % 10 == 0) {
        airoi_tornado *to = NULL;
        airoi_staging *st = NULL;
        airoi_breakeven *b = NULL;
        expect(airoi_tornado_evaluate(&to, p, 0), "tornado");
        expect(airoi_staging_evaluate(&st, p, 0), "staging");
        expect(airoi_breakeven_evaluate(&b, p, 0), "breakeven");
        if (to) {
            out = NULL;
            expect(airoi_report_write_tornado(&out, NULL, to, AIROI_REPORT_TEXT, 0), "tr");
            airoi_free(out);
        }
        if (st) {
            out = NULL;
            expect(airoi_report_write_staging(&out, NULL, st, AIROI_REPORT_JSON, 0), "sr");
            airoi_free(out);
        }
        if (b) {
            out = NULL;
            expect(airoi_report_write_breakeven(&out, NULL, b, AIROI_REPORT_CSV, 0), "br");
            airoi_free(out);
        }
        if (r && to && st && index % 50 == 0) {
            out = NULL;
            expect(airoi_report_write_business_case(&out, NULL, r, NULL, to, st, 0), "bc");
            airoi_free(out);
        }
        airoi_tornado_free(to);
        airoi_staging_free(st);
        airoi_breakeven_free(b);
    }
    if (airoi_project_count_actuals(p) > 0) {
        airoi_tracking *tr = NULL;
        expect(airoi_project_track(&tr, p, 0), "track");
        if (tr) {
            out = NULL;
            expect(airoi_tracking_report_write(&out, NULL, tr, formats[index % 4], 0),
                   "tracking report");
            check_report(out, "tracking report");
        }
        airoi_tracking_free(tr);
    }
    airoi_result_free(h);
    airoi_result_free(r);
    airoi_project_free(p);
}

/* ---- memory ----------------------------------------------------------------- */

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    long models = 2000;
    uint64_t seed = 20261202;
    int bound = 1, positional = 0;
#ifdef SOAK_NO_BOUND
    bound = 0;
#endif
    if (getenv("SOAK_NO_BOUND"))
        bound = 0;
    verbose = getenv("SOAK_VERBOSE") != NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--no-bound") == 0)
            bound = 0;
        else if (positional++ == 0)
            models = strtol(argv[i], NULL, 10);
        else
            seed = strtoull(argv[i], NULL, 10);
    }
    if (models < 10) {
        fprintf(stderr, "usage: soak [MODELS >= 10 [SEED]] [--no-bound]\n");
        return 2;
    }
    state = seed;
    long warmup = models / 10 < 5000 ? models / 10 : 5000, step = models / 10;
    long start = rss_kb(), after_warmup = -1, peak = 0, loaded = 0, corrupted = 0;
    printf("soak: %ld models, seed %llu; RSS at start %ld kB\n", models,
           (unsigned long long)seed, start);
    text t = {malloc(4096), 0, 4096};
    if (!t.s)
        return 2;
    double t0 = now();
    for (long i = 0; i < models; i++) {
        int n_unc = 0;
        generate(&t, &n_unc);
        size_t clean = t.n;
        corrupt(&t);
        corrupted += t.n != clean || memchr(t.s, 0, t.n) != NULL;
        one_model(&t, i, n_unc, &loaded);
        long done = i + 1;
        if (done == warmup) {
            after_warmup = rss_kb();
            printf("soak: after the warm-up (%ld models): RSS %ld kB\n", done, after_warmup);
        }
        if (done % step == 0 || done == models) {
            long rss = rss_kb();
            if (done > warmup && rss > peak)
                peak = rss;
            printf("soak: %7ld models, %6ld loaded: RSS %ld kB (%+ld kB since the warm-up), "
                   "%.0f models/s\n",
                   done, loaded, rss, after_warmup >= 0 ? rss - after_warmup : 0,
                   (double)done / (now() - t0));
            fflush(stdout);
        }
    }
    double secs = now() - t0;
    long end = rss_kb();
    free(t.s);
    printf("soak: end: %ld models (%ld loaded, about %ld damaged) in %.1f s, %.0f models/s; "
           "RSS start %ld kB, after warm-up %ld kB, peak after warm-up %ld kB, end %ld kB\n",
           models, loaded, corrupted, secs, (double)models / secs, start, after_warmup, peak, end);
    if (failures) {
        fprintf(stderr, "soak: %ld failures\n", failures);
        return 2;
    }
    if (bound && peak - after_warmup > SOAK_BOUND_KB) {
        fprintf(stderr, "soak: RSS grew by %ld kB after the warm-up (bound %ld kB)\n",
                peak - after_warmup, SOAK_BOUND_KB);
        return 1;
    }
    printf("soak: %s\n", bound ? "RSS within the bound" : "bound not applied");
    return 0;
}
