/*
 * lib/report/simulation-report.c: airoi_report_write_simulation(). Gathers
 * what a simulation shows through the internal forms of the getters of
 * simulation.h (the statistics, percentiles and histogram of each output
 * computed, the risk figures, sensitivity, convergence checkpoints and the
 * staged-investment figures), then writes it as JSON (the keys of
 * docs/cli.md), CSV (one row per output), text or Markdown.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim-private.h"
#include "simreport-private.h"
#include "airoi/version.h"

#define RS_OUTPUTS 5
#define RS_STATS 12            /* AIROI_STAT_MEAN .. AIROI_STAT_COUNT */
#define RS_BASE_PCT 5
#define RS_MAX_PCT (RS_BASE_PCT + AIROI_PERCENTILES_MAX)

static const double base_pct[RS_BASE_PCT] = {5, 10, 50, 90, 95};

static const airoi_sim_output output_ids[RS_OUTPUTS] = {
    AIROI_SIM_NPV, AIROI_SIM_IRR, AIROI_SIM_ROI_HORIZON, AIROI_SIM_NPV_ROI,
    AIROI_SIM_PAYBACK_PERIODS};
static const char *const output_keys[RS_OUTPUTS] = {
    "npv", "irr", "roi_horizon", "npv_roi", "payback_periods"};
static const char *const output_labels[RS_OUTPUTS] = {
    "NPV", "IRR", "Horizon ROI", "NPV-ROI", "Payback"};

enum { KIND_MONEY, KIND_RATE, KIND_PERIODS };
static const int output_kind[RS_OUTPUTS] = {KIND_MONEY, KIND_RATE, KIND_RATE, KIND_RATE,
                                            KIND_PERIODS};

typedef struct rs_out {
    int present;
    rpt_num stat[RS_STATS]; /* by airoi_sim_stat - AIROI_STAT_MEAN */
    rpt_num pct[RS_MAX_PCT];
    size_t bins;
    double *edges;          /* bins + 1 */
    int64_t *counts;        /* bins */
} rs_out;

typedef struct rs_input {
    const char *name;
    rpt_num rho, share;
} rs_input;

typedef struct rs_check {
    int64_t trials;
    double mean, mean_se, prob, prob_se;
} rs_check;

typedef struct rs_sim {
    rpt H;
    double trials, seed, bins;
    const char *sampling;
    rpt_num roi_target, tail;
    size_t npct;
    double pct_at[RS_MAX_PCT];
    rs_out out[RS_OUTPUTS];
    size_t ninputs;
    rs_input *inputs;
    size_t nchecks;
    rs_check *checks;
    int has_staging;
    rpt_num staging[5];
} rs_sim;

static rpt_num stat_of(const airoi_simulation *s, airoi_sim_output o, airoi_sim_stat st)
{
    rpt_num n = {0, 0};
    double v;
    if (airoi__simulation_get_stat(&v, s, o, st) == AIROI_OK && isfinite(v))
        n.v = v, n.ok = 1;
    return n;
}

static rpt_num number_of(const airoi_simulation *s, airoi_sim_param p)
{
    rpt_num n = {0, 0};
    double v;
    if (airoi__simulation_get_number(&v, s, p) == AIROI_OK && isfinite(v))
        n.v = v, n.ok = 1;
    return n;
}

/* The percentiles reported: P5, P10, P50, P90, P95, then those asked, in the
 * order asked, without repeats. */
static void gather_percentiles(rs_sim *S, const airoi_simulation *s)
{
    for (size_t i = 0; i < RS_BASE_PCT; i++)
        S->pct_at[S->npct++] = base_pct[i];
    const double *extra = s->st.percentiles;
    size_t n = extra ? s->st.n_percentiles : 0;
    for (size_t i = 0; i < n && S->npct < RS_MAX_PCT; i++) {
        int seen = 0;
        for (size_t k = 0; k < S->npct; k++)
            seen |= S->pct_at[k] == extra[i];
        if (!seen)
            S->pct_at[S->npct++] = extra[i];
    }
}

static int gather_output(rs_out *O, const rs_sim *S, const airoi_simulation *s,
                         airoi_sim_output o)
{
    double v;
    if (airoi__simulation_get_stat(&v, s, o, AIROI_STAT_COUNT) != AIROI_OK)
        return AIROI_OK; /* not computed */
    O->present = 1;
    for (int k = 0; k < RS_STATS; k++)
        O->stat[k] = stat_of(s, o, (airoi_sim_stat)(AIROI_STAT_MEAN + k));
    for (size_t i = 0; i < S->npct; i++) {
        if (airoi__simulation_get_percentile(&v, s, o, S->pct_at[i]) == AIROI_OK && isfinite(v))
            O->pct[i].v = v, O->pct[i].ok = 1;
    }
    size_t bins = 0;
    if (airoi__simulation_get_histogram(NULL, NULL, 0, &bins, s, o) != AIROI_OK || bins == 0)
        return AIROI_OK;
    O->edges = airoi__calloc(bins + 1, sizeof *O->edges);
    O->counts = airoi__calloc(bins, sizeof *O->counts);
    if (!O->edges || !O->counts)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a simulation report");
    if (airoi__simulation_get_histogram(O->edges, O->counts, bins, &O->bins, s, o) != AIROI_OK)
        O->bins = 0;
    for (size_t i = 0; i <= O->bins; i++)
        if (!isfinite(O->edges[i]))
            O->bins = 0;
    return AIROI_OK;
}

static int gather(rs_sim *S, const airoi_simulation *s)
{
    airoi__rs_head(&S->H, s->model ? &s->model->settings : NULL);
    rpt_num n = number_of(s, AIROI_SIM_TRIALS);
    S->trials = n.ok ? n.v : 0;
    n = number_of(s, AIROI_SIM_SEED);
    S->seed = n.ok ? n.v : 0;
    n = number_of(s, AIROI_SIM_BINS);
    S->bins = n.ok ? n.v : 0;
    n = number_of(s, AIROI_SIM_SAMPLING);
    S->sampling = n.ok ? airoi__sampling_name((airoi_sampling)(int)n.v) : NULL;
    S->roi_target = number_of(s, AIROI_SIM_ROI_TARGET);
    S->tail = number_of(s, AIROI_SIM_TAIL);
    gather_percentiles(S, s);

    double largest = 0;
    for (int i = 0; i < RS_OUTPUTS; i++) {
        int st = gather_output(&S->out[i], S, s, output_ids[i]);
        if (st != AIROI_OK)
            return st;
    }
    const rs_out *npv = &S->out[0];
    for (int k = AIROI_STAT_MIN; k <= AIROI_STAT_MAX; k++)
        if (npv->stat[k - AIROI_STAT_MEAN].ok && fabs(npv->stat[k - AIROI_STAT_MEAN].v) > largest)
            largest = fabs(npv->stat[k - AIROI_STAT_MEAN].v);
    S->H.money_decimals = largest >= 1e5 ? 0 : 2;

    size_t ni = airoi__simulation_count_inputs(s);
    if (ni) {
        S->inputs = airoi__calloc(ni, sizeof *S->inputs);
        if (!S->inputs)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a simulation report");
        for (size_t i = 0; i < ni; i++) {
            rs_input *in = &S->inputs[S->ninputs];
            double rho, share;
            int st = airoi__simulation_get_sensitivity(&in->name, &rho, &share, s, i);
            if (st == AIROI_ERR_NOMEM) /* computed on first use: no report without it */
                return st;
            if (st != AIROI_OK)
                continue;
            if (!in->name)
                in->name = "";
            in->rho.ok = isfinite(rho), in->rho.v = in->rho.ok ? rho : 0;
            in->share.ok = isfinite(share), in->share.v = in->share.ok ? share : 0;
            S->ninputs++;
        }
    }
    size_t nc = airoi__simulation_count_checkpoints(s);
    if (nc) {
        S->checks = airoi__calloc(nc, sizeof *S->checks);
        if (!S->checks)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory while writing a simulation report");
        for (size_t i = 0; i < nc; i++) {
            rs_check *c = &S->checks[S->nchecks];
            if (airoi__simulation_get_checkpoint(&c->trials, &c->mean, &c->mean_se, &c->prob,
                                                 &c->prob_se, s, i) != AIROI_OK)
                continue;
            if (!isfinite(c->mean) || !isfinite(c->mean_se) || !isfinite(c->prob) ||
                !isfinite(c->prob_se))
                continue;
            S->nchecks++;
        }
    }
    for (int f = 0; f < 5; f++) {
        double v;
        if (airoi__simulation_get_staging(&v, s, (airoi_staging_figure)(AIROI_STAGING_PROB_PRODUCTION + f)) ==
                AIROI_OK && isfinite(v)) {
            S->staging[f].v = v, S->staging[f].ok = 1;
            S->has_staging = 1;
        }
    }
    return AIROI_OK;
}

static void release(rs_sim *S)
{
    for (int i = 0; i < RS_OUTPUTS; i++) {
        airoi__free(S->out[i].edges);
        airoi__free(S->out[i].counts);
    }
    airoi__free(S->inputs);
    airoi__free(S->checks);
}

static const rpt_num *ST(const rs_out *O, airoi_sim_stat st)
{
    return &O->stat[st - AIROI_STAT_MEAN];
}

/* ------------------------------------------------------------------ JSON */

static const char *const staging_keys[5] = {
    "prob_production", "expected_cost", "expected_npv", "npv_all_in", "value_of_staging"};

static void json(airoi__buf *b, const rs_sim *S)
{
    rpt_jw w = {b, 0, 1};
    char k[32];
    airoi__buf_append(b, "{", 1);
    w.depth = 1;
    airoi__jw_str(&w, "airoi_version", AIROI_VERSION_STRING);
    airoi__jw_open(&w, "simulation", '{');
    airoi__jw_str(&w, "project", S->H.name);
    airoi__jw_str(&w, "currency", S->H.currency);
    airoi__jw_num(&w, "unit", S->H.unit);
    airoi__jw_num(&w, "trials", S->trials);
    airoi__jw_num(&w, "seed", S->seed);
    airoi__jw_str(&w, "sampling", S->sampling);
    airoi__jw_open(&w, "outputs", '{');
    for (int i = 0; i < RS_OUTPUTS; i++) {
        const rs_out *O = &S->out[i];
        if (!O->present)
            continue;
        airoi__jw_open(&w, output_keys[i], '{');
        airoi__jw_opt(&w, "mean", ST(O, AIROI_STAT_MEAN));
        airoi__jw_opt(&w, "sd", ST(O, AIROI_STAT_SD));
        airoi__jw_opt(&w, "se", ST(O, AIROI_STAT_SE));
        airoi__jw_opt(&w, "min", ST(O, AIROI_STAT_MIN));
        airoi__jw_opt(&w, "max", ST(O, AIROI_STAT_MAX));
        airoi__jw_open(&w, "percentiles", '{');
        for (size_t p = 0; p < S->npct; p++) {
            airoi__rs_percentile_key(k, sizeof k, S->pct_at[p]);
            airoi__jw_opt(&w, k, &O->pct[p]);
        }
        airoi__jw_close(&w, '}');
        airoi__jw_open(&w, "histogram", '{');
        airoi__jw_open(&w, "edges", '[');
        for (size_t h = 0; O->bins && h <= O->bins; h++)
            airoi__jw_num(&w, NULL, O->edges[h]);
        airoi__jw_close(&w, ']');
        airoi__jw_open(&w, "counts", '[');
        for (size_t h = 0; h < O->bins; h++)
            airoi__jw_num(&w, NULL, (double)O->counts[h]);
        airoi__jw_close(&w, ']');
        airoi__jw_close(&w, '}');
        airoi__jw_opt(&w, "defined", ST(O, AIROI_STAT_COUNT));
        switch (output_ids[i]) {
        case AIROI_SIM_NPV:
            airoi__jw_opt(&w, "prob_positive", ST(O, AIROI_STAT_PROB_POSITIVE));
            airoi__jw_opt(&w, "value_at_risk", ST(O, AIROI_STAT_VAR));
            airoi__jw_opt(&w, "expected_shortfall", ST(O, AIROI_STAT_ES));
            break;
        case AIROI_SIM_IRR:
            airoi__jw_opt(&w, "undefined_share", ST(O, AIROI_STAT_UNDEFINED_SHARE));
            break;
        case AIROI_SIM_ROI_HORIZON:
        case AIROI_SIM_NPV_ROI:
            airoi__jw_opt(&w, "prob_above_target", ST(O, AIROI_STAT_PROB_ABOVE_TARGET));
            airoi__jw_opt(&w, "undefined_share", ST(O, AIROI_STAT_UNDEFINED_SHARE));
            break;
        case AIROI_SIM_PAYBACK_PERIODS:
            airoi__jw_opt(&w, "never_share", ST(O, AIROI_STAT_NEVER_SHARE));
            break;
        }
        airoi__jw_close(&w, '}');
    }
    airoi__jw_close(&w, '}');
    const rs_out *npv = &S->out[0];
    const rs_out *irr = &S->out[1];
    const rpt_num none = {0, 0};
    airoi__jw_opt(&w, "prob_npv_positive", npv->present ? ST(npv, AIROI_STAT_PROB_POSITIVE) : &none);
    airoi__jw_opt(&w, "irr_undefined_share",
                  irr->present ? ST(irr, AIROI_STAT_UNDEFINED_SHARE) : &none);
    airoi__jw_opt(&w, "roi_target", &S->roi_target);
    airoi__jw_opt(&w, "prob_roi_above_target",
                  S->out[2].present ? ST(&S->out[2], AIROI_STAT_PROB_ABOVE_TARGET) : &none);
    airoi__jw_opt(&w, "tail", &S->tail);
    airoi__jw_opt(&w, "value_at_risk", npv->present ? ST(npv, AIROI_STAT_VAR) : &none);
    airoi__jw_opt(&w, "expected_shortfall", npv->present ? ST(npv, AIROI_STAT_ES) : &none);
    airoi__jw_open(&w, "sensitivity", '[');
    for (size_t i = 0; i < S->ninputs; i++) {
        airoi__jw_open(&w, NULL, '{');
        airoi__jw_str(&w, "input", S->inputs[i].name);
        airoi__jw_opt(&w, "rank_correlation", &S->inputs[i].rho);
        airoi__jw_opt(&w, "variance_share", &S->inputs[i].share);
        airoi__jw_close(&w, '}');
    }
    airoi__jw_close(&w, ']');
    airoi__jw_open(&w, "convergence", '[');
    for (size_t i = 0; i < S->nchecks; i++) {
        const rs_check *c = &S->checks[i];
        airoi__jw_open(&w, NULL, '{');
        airoi__jw_num(&w, "trials", (double)c->trials);
        airoi__jw_num(&w, "mean_npv", c->mean);
        airoi__jw_num(&w, "mean_npv_se", c->mean_se);
        airoi__jw_num(&w, "prob_npv_positive", c->prob);
        airoi__jw_num(&w, "prob_npv_positive_se", c->prob_se);
        airoi__jw_close(&w, '}');
    }
    airoi__jw_close(&w, ']');
    if (S->has_staging) {
        airoi__jw_open(&w, "staging", '{');
        for (int f = 0; f < 5; f++)
            airoi__jw_opt(&w, staging_keys[f], &S->staging[f]);
        airoi__jw_close(&w, '}');
    } else {
        airoi__jw_key(&w, "staging");
        airoi__buf_puts(b, "null");
    }
    airoi__jw_close(&w, '}');
    w.depth = 0;
    airoi__jw_nl(&w);
    airoi__buf_puts(b, "}\n");
}

/* ------------------------------------------------------------------- CSV */

static void csv(airoi__buf *b, const rs_sim *S)
{
    static const char *const tail_keys[] = {"prob_positive", "prob_above_target",
                                            "value_at_risk", "expected_shortfall",
                                            "never_share", "undefined_share"};
    static const airoi_sim_stat tail_stats[] = {AIROI_STAT_PROB_POSITIVE,
                                                AIROI_STAT_PROB_ABOVE_TARGET, AIROI_STAT_VAR,
                                                AIROI_STAT_ES, AIROI_STAT_NEVER_SHARE,
                                                AIROI_STAT_UNDEFINED_SHARE};
    char k[40], p[32];
    airoi__csv_field(b, "output", 1);
    airoi__csv_field(b, "trials", 0);
    airoi__csv_field(b, "defined", 0);
    airoi__csv_field(b, "mean", 0);
    airoi__csv_field(b, "sd", 0);
    airoi__csv_field(b, "se", 0);
    airoi__csv_field(b, "min", 0);
    airoi__csv_field(b, "max", 0);
    for (size_t i = 0; i < S->npct; i++) {
        airoi__rs_percentile_key(p, sizeof p, S->pct_at[i]);
        snprintf(k, sizeof k, "p%s", p);
        airoi__csv_field(b, k, 0);
    }
    for (size_t i = 0; i < sizeof tail_keys / sizeof tail_keys[0]; i++)
        airoi__csv_field(b, tail_keys[i], 0);
    airoi__csv_eol(b);
    for (int o = 0; o < RS_OUTPUTS; o++) {
        const rs_out *O = &S->out[o];
        if (!O->present)
            continue;
        airoi__csv_field(b, output_keys[o], 1);
        airoi__csv_number(b, S->trials, 0);
        airoi__csv_opt(b, ST(O, AIROI_STAT_COUNT), 0);
        airoi__csv_opt(b, ST(O, AIROI_STAT_MEAN), 0);
        airoi__csv_opt(b, ST(O, AIROI_STAT_SD), 0);
        airoi__csv_opt(b, ST(O, AIROI_STAT_SE), 0);
        airoi__csv_opt(b, ST(O, AIROI_STAT_MIN), 0);
        airoi__csv_opt(b, ST(O, AIROI_STAT_MAX), 0);
        for (size_t i = 0; i < S->npct; i++)
            airoi__csv_opt(b, &O->pct[i], 0);
        for (size_t i = 0; i < sizeof tail_stats / sizeof tail_stats[0]; i++)
            airoi__csv_opt(b, ST(O, tail_stats[i]), 0);
        airoi__csv_eol(b);
    }
}

/* ---------------------------------------------------- text and Markdown */

static void figure(char *buf, size_t cap, const rs_sim *S, int o, const rpt_num *n)
{
    if (!n->ok) {
        snprintf(buf, cap, o == 4 ? "never" : "n/a");
        return;
    }
    switch (output_kind[o]) {
    case KIND_MONEY: airoi__rs_money(buf, cap, &S->H, n); break;
    case KIND_RATE: airoi__rs_percent(buf, cap, n); break;
    default: airoi__fmt_payback_short(buf, cap, &S->H, n); break;
    }
}

static void share(char *buf, size_t cap, const rpt_num *n)
{
    airoi__rs_percent(buf, cap, n);
}

static void outputs_table(rs_doc *d, const rs_sim *S)
{
    const char *head[RPT_TABLE_MAX_COLS] = {"Statistic"};
    int right[RPT_TABLE_MAX_COLS] = {0};
    int cols[RS_OUTPUTS];
    size_t nc = 0;
    for (int o = 0; o < RS_OUTPUTS; o++)
        if (S->out[o].present) {
            cols[nc] = o;
            head[1 + nc] = output_labels[o];
            right[1 + nc] = 1;
            nc++;
        }
    if (nc == 0)
        return;
    char note[160], in[96];
    airoi__fmt_amounts_in(in, sizeof in, &S->H);
    snprintf(note, sizeof note, "%s%s%sIRR annual; payback in %ss", *in ? "NPV in " : "", in,
             *in ? "; " : "", S->H.period_name);
    rs_section *sec = airoi__rs_section(d, "Outputs", note);
    if (!sec)
        return;
    sec->has_table = 1;
    rpt_table *t = &sec->table;
    airoi__table_init(t, 1 + nc, head, right);
    char cell[RS_OUTPUTS][96];
    const char *row[RPT_TABLE_MAX_COLS];
    char label[48];
#define STAT_ROW(lbl, st) do { row[0] = (lbl); for (size_t c = 0; c < nc; c++) { \
        figure(cell[c], sizeof cell[c], S, cols[c], ST(&S->out[cols[c]], st)); \
        row[1 + c] = cell[c]; } airoi__table_row(t, 0, row); } while (0)
    STAT_ROW("Mean", AIROI_STAT_MEAN);
    STAT_ROW("Standard deviation", AIROI_STAT_SD);
    STAT_ROW("Standard error of the mean", AIROI_STAT_SE);
    STAT_ROW("Minimum", AIROI_STAT_MIN);
    /* the percentiles in ascending order (JSON keeps the order asked) */
    size_t order[RS_MAX_PCT];
    for (size_t p = 0; p < S->npct; p++) {
        size_t k = p;
        while (k > 0 && S->pct_at[order[k - 1]] > S->pct_at[p]) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = p;
    }
    for (size_t q = 0; q < S->npct; q++) {
        size_t p = order[q];
        char key[32];
        airoi__rs_percentile_key(key, sizeof key, S->pct_at[p]);
        snprintf(label, sizeof label, "P%s", key);
        row[0] = label;
        for (size_t c = 0; c < nc; c++) {
            figure(cell[c], sizeof cell[c], S, cols[c], &S->out[cols[c]].pct[p]);
            row[1 + c] = cell[c];
        }
        airoi__table_row(t, 0, row);
    }
    STAT_ROW("Maximum", AIROI_STAT_MAX);
#undef STAT_ROW
    /* shares: blank where an output has none */
    /* The shares, each where it means something (blank elsewhere): NPV
     * above 0, the ROIs above the target, payback never reached, IRR (and
     * an NPV-ROI without costs) undefined. */
    static const struct {
        const char *label;
        airoi_sim_stat stat;
        unsigned outputs; /* bit (output - AIROI_SIM_NPV) */
    } shares[] = {{"Share above 0", AIROI_STAT_PROB_POSITIVE, 1u << 0},
                  {"Share above the ROI target", AIROI_STAT_PROB_ABOVE_TARGET, 3u << 2},
                  {"Share never paying back", AIROI_STAT_NEVER_SHARE, 1u << 4},
                  {"Share undefined", AIROI_STAT_UNDEFINED_SHARE, (1u << 1) | (1u << 3)}};
    for (size_t k = 0; k < sizeof shares / sizeof shares[0]; k++) {
        int any = 0;
        row[0] = shares[k].label;
        for (size_t c = 0; c < nc; c++) {
            const rpt_num *n = ST(&S->out[cols[c]], shares[k].stat);
            cell[c][0] = '\0';
            if (n->ok && (shares[k].outputs >> cols[c]) & 1u &&
                !(shares[k].stat == AIROI_STAT_UNDEFINED_SHARE && n->v == 0 &&
                  output_ids[cols[c]] != AIROI_SIM_IRR)) {
                share(cell[c], sizeof cell[c], n);
                any = 1;
            }
            row[1 + c] = cell[c];
        }
        if (any)
            airoi__table_row(t, 0, row);
    }
}

static void risk_table(rs_doc *d, const rs_sim *S)
{
    const rs_out *npv = &S->out[0];
    if (!npv->present)
        return;
    rs_section *sec = airoi__rs_section(d, "Risk", NULL);
    if (!sec)
        return;
    static const char *const head[] = {"Figure", "Value", "Meaning"};
    static const int right[] = {0, 1, 0};
    sec->has_table = 1;
    rpt_table *t = &sec->table;
    airoi__table_init(t, 3, head, right);
    char v[96], note[160], lvl[32];
    const char *row[3];
    share(v, sizeof v, ST(npv, AIROI_STAT_PROB_POSITIVE));
    row[0] = "P(NPV > 0)", row[1] = v, row[2] = "share of trials with a positive NPV";
    airoi__table_row(t, 0, row);
    const rs_out *roi = &S->out[2];
    if (roi->present && ST(roi, AIROI_STAT_PROB_ABOVE_TARGET)->ok && S->roi_target.ok) {
        char tgt[32];
        airoi__fmt_percent(tgt, sizeof tgt, S->roi_target.v);
        share(v, sizeof v, ST(roi, AIROI_STAT_PROB_ABOVE_TARGET));
        snprintf(note, sizeof note, "share of trials whose horizon ROI exceeds %s", tgt);
        row[0] = "P(ROI > target)", row[1] = v, row[2] = note;
        airoi__table_row(t, 0, row);
    }
    if (S->tail.ok)
        airoi__fmt_percent(lvl, sizeof lvl, S->tail.v);
    else
        snprintf(lvl, sizeof lvl, "the tail");
    airoi__rs_money(v, sizeof v, &S->H, ST(npv, AIROI_STAT_VAR));
    snprintf(note, sizeof note, "loss (minus NPV) at the %s quantile of NPV", lvl);
    row[0] = "Value at risk", row[1] = v, row[2] = note;
    airoi__table_row(t, 0, row);
    airoi__rs_money(v, sizeof v, &S->H, ST(npv, AIROI_STAT_ES));
    snprintf(note, sizeof note, "mean loss over the worst %s of trials", lvl);
    row[0] = "Expected shortfall", row[1] = v, row[2] = note;
    airoi__table_row(t, 0, row);
}

static void histogram_table(rs_doc *d, const rs_sim *S)
{
    const rs_out *npv = &S->out[0];
    if (!npv->present || npv->bins == 0)
        return;
    rs_section *sec = airoi__rs_section(d, "Histogram of NPV", NULL);
    if (!sec)
        return;
    static const char *const head[] = {"From", "To", "Trials", "Share", ""};
    static const int right[] = {1, 1, 1, 1, 0};
    sec->has_table = 1;
    rpt_table *t = &sec->table;
    airoi__table_init(t, 5, head, right);
    int64_t most = 1, total = 0;
    for (size_t h = 0; h < npv->bins; h++) {
        total += npv->counts[h];
        if (npv->counts[h] > most)
            most = npv->counts[h];
    }
    for (size_t h = 0; h < npv->bins; h++) {
        char from[96], to[96], n[48], sh[32], bar[3 * 40 + 1];
        rpt_num a = {npv->edges[h], 1}, z = {npv->edges[h + 1], 1};
        rpt_num s = {total ? (double)npv->counts[h] / (double)total : 0, 1};
        airoi__rs_money(from, sizeof from, &S->H, &a);
        airoi__rs_money(to, sizeof to, &S->H, &z);
        airoi__fmt_grouped(n, sizeof n, (double)npv->counts[h], 0);
        share(sh, sizeof sh, &s);
        size_t len = (size_t)((double)npv->counts[h] * 40.0 / (double)most + 0.5);
        bar[0] = '\0';
        for (size_t i = 0; i < len; i++)
            memcpy(bar + 3 * i, "\xe2\x96\x88", 4); /* U+2588 */
        const char *row[5] = {from, to, n, sh, bar};
        airoi__table_row(t, 0, row);
    }
}

static void sensitivity_table(rs_doc *d, const rs_sim *S)
{
    if (S->ninputs == 0)
        return;
    rs_section *sec = airoi__rs_section(d, "Sensitivity of NPV",
                                        "Spearman rank correlation over the trials");
    if (!sec)
        return;
    static const char *const head[] = {"Input", "Rank correlation", "Share of variance"};
    static const int right[] = {0, 1, 1};
    sec->has_table = 1;
    rpt_table *t = &sec->table;
    airoi__table_init(t, 3, head, right);
    for (size_t i = 0; i < S->ninputs; i++) {
        char rho[32] = "n/a", sh[32];
        if (S->inputs[i].rho.ok)
            snprintf(rho, sizeof rho, "%+.3f", S->inputs[i].rho.v);
        share(sh, sizeof sh, &S->inputs[i].share);
        const char *row[3] = {S->inputs[i].name, rho, sh};
        airoi__table_row(t, 0, row);
    }
}

static void convergence_table(rs_doc *d, const rs_sim *S)
{
    if (S->nchecks == 0)
        return;
    rs_section *sec = airoi__rs_section(d, "Convergence", "with standard errors");
    if (!sec)
        return;
    static const char *const head[] = {"Trials", "Mean NPV", "SE", "P(NPV > 0)", "SE"};
    static const int right[] = {1, 1, 1, 1, 1};
    sec->has_table = 1;
    rpt_table *t = &sec->table;
    airoi__table_init(t, 5, head, right);
    for (size_t i = 0; i < S->nchecks; i++) {
        const rs_check *c = &S->checks[i];
        char n[48], m[96], mse[96], p[32], pse[32];
        rpt_num a = {c->mean, 1}, b = {c->mean_se, 1}, x = {c->prob, 1}, y = {c->prob_se, 1};
        airoi__fmt_grouped(n, sizeof n, (double)c->trials, 0);
        airoi__rs_money(m, sizeof m, &S->H, &a);
        airoi__rs_money(mse, sizeof mse, &S->H, &b);
        share(p, sizeof p, &x);
        snprintf(pse, sizeof pse, "%.2f%%", y.v * 100);
        const char *row[5] = {n, m, mse, p, pse};
        airoi__table_row(t, 0, row);
    }
}

static void document(rs_doc *d, const rs_sim *S)
{
    char title[256], g[64], sd[64];
    snprintf(title, sizeof title, "Monte Carlo simulation: %s", S->H.name);
    airoi__rs_doc_init(d, *S->H.name ? title : "Monte Carlo simulation");
    airoi__fmt_grouped(g, sizeof g, S->trials, 0);
    airoi__format_double(sd, sizeof sd, S->seed);
    airoi__rs_fact(d, "Trials", "%s (%s sampling, seed %s)", g,
                   S->sampling ? S->sampling : "random", sd);
    const rs_out *npv = &S->out[0];
    if (npv->present) {
        char m[96], p[32], lo[96], hi[96];
        airoi__rs_money(m, sizeof m, &S->H, ST(npv, AIROI_STAT_MEAN));
        share(p, sizeof p, ST(npv, AIROI_STAT_PROB_POSITIVE));
        airoi__rs_money(lo, sizeof lo, &S->H, &npv->pct[0]);
        airoi__rs_money(hi, sizeof hi, &S->H, &npv->pct[4]);
        airoi__rs_fact(d, "Bottom line", "mean NPV %s; P(NPV > 0) %s; 90%% of trials between %s and %s",
                       m, p, lo, hi);
    }
    outputs_table(d, S);
    risk_table(d, S);
    histogram_table(d, S);
    sensitivity_table(d, S);
    convergence_table(d, S);
    if (S->has_staging)
        airoi__rs_staging_table(d, &S->H, S->staging,
                                "over the trials: each gate a draw, spending stops at a failed gate");
}

int airoi__report_write_simulation(char **out, size_t *len_out, const airoi_simulation *s,
                                   airoi_report_format format, unsigned flags)
{
    int st = airoi__rs_check("airoi_report_write_simulation", s, out, len_out, format, flags);
    if (st != AIROI_OK)
        return st;
    rs_sim S;
    memset(&S, 0, sizeof S);
    st = gather(&S, s);
    if (st != AIROI_OK) {
        release(&S);
        return st;
    }
    airoi__buf b;
    airoi__buf_init(&b);
    if (format == AIROI_REPORT_JSON) {
        json(&b, &S);
    } else if (format == AIROI_REPORT_CSV) {
        csv(&b, &S);
    } else {
        rs_doc d;
        document(&d, &S);
        if (airoi__rs_failed(&d))
            b.failed = 1;
        else if (format == AIROI_REPORT_MARKDOWN)
            airoi__rs_markdown(&b, &d);
        else
            airoi__rs_text(&b, &d);
        airoi__rs_doc_free(&d);
    }
    release(&S);
    airoi__error_clear();
    return airoi__buf_detach(&b, out, len_out);
}

AIROI_API int airoi_report_write_simulation(char **out, size_t *len_out, const airoi_simulation *s,
                                            airoi_report_format format, unsigned flags)
{
    AIROI__ENTER();
    return airoi__report_write_simulation(out, len_out, s, format, flags);
}
