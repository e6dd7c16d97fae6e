/*
 * lib/io/save.c: writing a project as a model file (YAML format v1).
 *
 * The project is read only through the getters (their internal forms,
 * airoi__project_get_number(), ...), and only what was set explicitly (the
 * `*_is_set` functions) is written, so that loading the text back gives a
 * project with the same settings and the same evaluation.
 * libyaml's emitter does the quoting and escaping; strings that would read
 * back as a number, a boolean or null are forced into double quotes, and
 * numbers are written in their shortest form that reads back exactly.
 */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "airoi/dates.h"
#include "airoi/items.h"
#include "airoi/scenario.h"
#include "airoi/uncertainty.h"
#include "decide-private.h"
#include "io-private.h"
#include "rules-private.h"
#include "narrative-private.h"
#include "tracking-private.h"

typedef struct saver {
    yaml_emitter_t em;
    airoi__buf out;
    int failed;   /* an event could not be emitted */
    size_t nodes; /* YAML nodes written, against the loader's limit */
} saver;

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
    airoi__buf *b = data;
    airoi__buf_append(b, (const char *)buffer, size);
    return !b->failed;
}

static void emit(saver *s, yaml_event_t *ev, int init_ok)
{
    if (s->failed)
        return;
    if (!init_ok || !yaml_emitter_emit(&s->em, ev))
        s->failed = 1;
}

static void scalar(saver *s, const char *text, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (s->failed)
        return;
    size_t len = strlen(text);
    int plain = style == YAML_PLAIN_SCALAR_STYLE;
    s->nodes++;
    if (style == YAML_ANY_SCALAR_STYLE && airoi__yaml_plain_is_special(text, len))
        style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    int ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)(uintptr_t)text,
                                          (int)len, 1, !plain, style);
    emit(s, &ev, ok);
}

static void str(saver *s, const char *text)
{
    scalar(s, text, YAML_ANY_SCALAR_STYLE);
}

static void num(saver *s, double v)
{
    char buf[40];
    airoi__format_double(buf, sizeof buf, v);
    scalar(s, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void map_start(saver *s, int flow)
{
    yaml_event_t ev;
    s->nodes++;
    int ok = yaml_mapping_start_event_initialize(
        &ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    emit(s, &ev, ok);
}

static void map_end(saver *s)
{
    yaml_event_t ev;
    emit(s, &ev, yaml_mapping_end_event_initialize(&ev));
}

static void seq_start(saver *s, int flow)
{
    yaml_event_t ev;
    s->nodes++;
    int ok = yaml_sequence_start_event_initialize(
        &ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    emit(s, &ev, ok);
}

static void seq_end(saver *s)
{
    yaml_event_t ev;
    emit(s, &ev, yaml_sequence_end_event_initialize(&ev));
}

static void kv_str(saver *s, const char *key, const char *v)
{
    scalar(s, key, YAML_PLAIN_SCALAR_STYLE);
    str(s, v);
}

static void kv_num(saver *s, const char *key, double v)
{
    scalar(s, key, YAML_PLAIN_SCALAR_STYLE);
    num(s, v);
}

static void kv_word(saver *s, const char *key, const char *word)
{
    scalar(s, key, YAML_PLAIN_SCALAR_STYLE);
    scalar(s, word ? word : "?", YAML_PLAIN_SCALAR_STYLE);
}

/* ---- project -------------------------------------------------------------------- */

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

/* tax, inflation and terminal_value of the project (load-finance.c). */
static void save_project_finance(saver *s, const airoi_project *p)
{
    const airoi__fin_settings *f = &p->fin;
    if (p->set & BIT(AIROI_PROJECT_TAX_RATE)) {
        scalar(s, "tax", YAML_PLAIN_SCALAR_STYLE);
        map_start(s, 1);
        kv_num(s, "rate", f->tax_rate);
        if (p->set & BIT(AIROI_PROJECT_LOSS_CARRYFORWARD))
            kv_word(s, "loss_carryforward", f->loss_carryforward ? "true" : "false");
        map_end(s);
    }
    if (p->set & BIT(AIROI_PROJECT_INFLATION))
        kv_num(s, "inflation", f->inflation);
    if (p->set & BIT(AIROI_PROJECT_TERMINAL_METHOD)) {
        scalar(s, "terminal_value", YAML_PLAIN_SCALAR_STYLE);
        map_start(s, 1);
        kv_word(s, "method", airoi__terminal_method_name(f->tv_method));
        if (f->tv_method == AIROI_TERMINAL_GORDON)
            kv_num(s, "growth", f->tv_growth);
        else if (f->tv_method == AIROI_TERMINAL_EXIT_MULTIPLE)
            kv_num(s, "multiple", f->tv_multiple);
        map_end(s);
    }
}

static void save_project(saver *s, const airoi_project *p)
{
    double x;
    scalar(s, "project", YAML_PLAIN_SCALAR_STYLE);
    map_start(s, 0);
    kv_str(s, "name", airoi__project_get_string(p, AIROI_PROJECT_NAME));
    if (airoi__project_is_set(p, AIROI_PROJECT_CURRENCY))
        kv_str(s, "currency", airoi__project_get_string(p, AIROI_PROJECT_CURRENCY));
    if (airoi__project_is_set(p, AIROI_PROJECT_UNIT) &&
        airoi__project_get_number(&x, p, AIROI_PROJECT_UNIT) == AIROI_OK)
        kv_num(s, "unit", x);
    if (airoi__project_is_set(p, AIROI_PROJECT_START) &&
        airoi__project_get_number(&x, p, AIROI_PROJECT_START) == AIROI_OK) {
        char iso[16];
        if (airoi__date_to_iso(iso, sizeof iso, (int32_t)x) == AIROI_OK)
            kv_word(s, "start", iso);
    }
    if (airoi__project_is_set(p, AIROI_PROJECT_PERIOD) &&
        airoi__project_get_number(&x, p, AIROI_PROJECT_PERIOD) == AIROI_OK)
        kv_word(s, "period", airoi__period_name((int)x));
    if (airoi__project_is_set(p, AIROI_PROJECT_HORIZON) &&
        airoi__project_get_number(&x, p, AIROI_PROJECT_HORIZON) == AIROI_OK)
        kv_num(s, "horizon", x);
    static const struct {
        const char *key;
        int param;
    } rates[] = {
        {"discount_rate", AIROI_PROJECT_DISCOUNT_RATE},
        {"finance_rate", AIROI_PROJECT_FINANCE_RATE},
        {"reinvest_rate", AIROI_PROJECT_REINVEST_RATE},
    };
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
        if (!airoi__project_is_set(p, rates[i].param) ||
            airoi__project_get_number(&x, p, rates[i].param) != AIROI_OK)
            continue;
        if (i == 0 && p->fin.discount_real) { /* the real form */
            scalar(s, rates[i].key, YAML_PLAIN_SCALAR_STYLE);
            map_start(s, 1);
            kv_num(s, "rate", x);
            kv_word(s, "real", "true");
            map_end(s);
        } else {
            kv_num(s, rates[i].key, x);
        }
    }
    save_project_finance(s, p);
    if (airoi__project_is_set(p, AIROI_PROJECT_USE_CASE))
        kv_str(s, "use_case", airoi__project_get_string(p, AIROI_PROJECT_USE_CASE));
    if (airoi__project_is_set(p, AIROI_PROJECT_STAGE) &&
        airoi__project_get_number(&x, p, AIROI_PROJECT_STAGE) == AIROI_OK)
        kv_word(s, "stage", airoi__stage_name((int)x));
    map_end(s);

    size_t nfx = airoi__project_count_fx(p);
    if (nfx) {
        scalar(s, "fx", YAML_PLAIN_SCALAR_STYLE);
        map_start(s, 0);
        for (size_t i = 0; i < nfx; i++) {
            const char *cur = airoi__project_get_fx_currency(p, i);
            if (cur && airoi__project_get_fx(&x, p, cur) == AIROI_OK) {
                str(s, cur);
                num(s, x);
            }
        }
        map_end(s);
    }
}

/* ---- items ------------------------------------------------------------------------ */

static void kv_param(saver *s, const airoi_item *it, const char *key, int param);

/* capex, life, depreciation, salvage and real of an item (load-finance.c). */
static void save_item_finance(saver *s, const airoi_item *it)
{
    if (it->real)
        kv_word(s, "real", "true");
    if (!it->capex && !(it->set & (BIT(AIROI_ITEM_LIFE) | BIT(AIROI_ITEM_DEPRECIATION))))
        return;
    kv_word(s, "capex", it->capex ? "true" : "false");
    kv_param(s, it, "life", AIROI_ITEM_LIFE);
    if (it->set & BIT(AIROI_ITEM_DEPRECIATION))
        kv_word(s, "depreciation", airoi__depreciation_name(it->depreciation));
    kv_param(s, it, "salvage", AIROI_ITEM_SALVAGE);
}

static int iset(const airoi_item *it, int param)
{
    return airoi__item_is_set(it, param) == 1;
}

static int iget(const airoi_item *it, int param, double *x)
{
    return airoi__item_get_number(x, it, param);
}

static const char *istr(const airoi_item *it, int param)
{
    return airoi__item_get_string(it, param);
}

static int iamounts(const airoi_item *it, double *buf, size_t cap, size_t *len)
{
    return airoi__item_get_amounts(buf, cap, len, it);
}

static void kv_param(saver *s, const airoi_item *it, const char *key, int param)
{
    double x;
    if (iset(it, param) && iget(it, param, &x) == AIROI_OK)
        kv_num(s, key, x);
}

static int save_item(saver *s, const airoi_item *it)
{
    double x;
    map_start(s, 0);
    kv_str(s, "name", istr(it, AIROI_ITEM_NAME));
    if (it->kind == AIROI_ITEM_KIND_COST) {
        if (iget(it, AIROI_ITEM_CATEGORY, &x) == AIROI_OK)
            kv_word(s, "category", airoi__category_name((int)x));
    } else if (iget(it, AIROI_ITEM_DIMENSION, &x) == AIROI_OK) {
        kv_word(s, "dimension", airoi__dimension_name((int)x));
    }
    /* the amount, in the form it was given */
    size_t n = 0;
    iamounts(it, NULL, 0, &n);
    if (n) {
        double *a = airoi__calloc(n, sizeof *a);
        if (!a)
            return AIROI_ERR_NOMEM;
        size_t got = 0;
        if (iamounts(it, a, n, &got) == AIROI_OK) {
            scalar(s, "amounts", YAML_PLAIN_SCALAR_STYLE);
            seq_start(s, 1);
            for (size_t i = 0; i < got; i++)
                num(s, a[i]);
            seq_end(s);
        }
        airoi__free(a);
    } else if (iset(it, AIROI_ITEM_QUANTITY) || iset(it, AIROI_ITEM_UNIT_AMOUNT)) {
        kv_param(s, it, "quantity", AIROI_ITEM_QUANTITY);
        kv_param(s, it, "unit_amount", AIROI_ITEM_UNIT_AMOUNT);
    } else {
        kv_param(s, it, "amount", AIROI_ITEM_AMOUNT);
    }
    /* frequency and periods: `per` is written unless it is the default (the
     * project period); `at` only for one-time amounts, `from`/`to` only for
     * recurring ones, since the loader refuses the others. */
    int once = 0;
    if (iset(it, AIROI_ITEM_PER) && iget(it, AIROI_ITEM_PER, &x) == AIROI_OK &&
        (int)x != AIROI_PER_PERIOD) {
        once = (int)x == AIROI_PER_ONCE;
        kv_word(s, "per", airoi__per_name((int)x));
    }
    if (once) {
        kv_param(s, it, "at", AIROI_ITEM_AT);
    } else {
        kv_param(s, it, "from", AIROI_ITEM_FROM);
        kv_param(s, it, "to", AIROI_ITEM_TO);
    }
    kv_param(s, it, "growth", AIROI_ITEM_GROWTH);
    if (iset(it, AIROI_ITEM_PAYMENT) && iget(it, AIROI_ITEM_PAYMENT, &x) == AIROI_OK)
        kv_word(s, "payment", airoi__payment_name((airoi_payment)x));
    if (iset(it, AIROI_ITEM_CURRENCY) && istr(it, AIROI_ITEM_CURRENCY))
        kv_str(s, "currency", istr(it, AIROI_ITEM_CURRENCY));
    kv_param(s, it, "risk_adjustment", AIROI_ITEM_RISK_ADJUSTMENT);
    save_item_finance(s, it);
    if (it->kind == AIROI_ITEM_KIND_VALUE) {
        kv_param(s, it, "realization", AIROI_ITEM_REALIZATION);
        kv_param(s, it, "attribution", AIROI_ITEM_ATTRIBUTION);
        if (iset(it, AIROI_ITEM_MONETIZED) && iget(it, AIROI_ITEM_MONETIZED, &x) == AIROI_OK)
            kv_word(s, "monetized", x != 0 ? "true" : "false");
        int any = iset(it, AIROI_ITEM_ADOPTION_CURVE) || iset(it, AIROI_ITEM_ADOPTION_PERIODS) ||
                  iset(it, AIROI_ITEM_ADOPTION_START) || iset(it, AIROI_ITEM_ADOPTION_CEILING);
        if (any) {
            scalar(s, "adoption", YAML_PLAIN_SCALAR_STYLE);
            map_start(s, 1);
            /* the curve is always written: the loader requires it */
            if (iget(it, AIROI_ITEM_ADOPTION_CURVE, &x) == AIROI_OK)
                kv_word(s, "curve", airoi__curve_name((int)x));
            kv_param(s, it, "periods", AIROI_ITEM_ADOPTION_PERIODS);
            kv_param(s, it, "start", AIROI_ITEM_ADOPTION_START);
            kv_param(s, it, "ceiling", AIROI_ITEM_ADOPTION_CEILING);
            map_end(s);
        }
    }
    map_end(s);
    return AIROI_OK;
}

static int save_items(saver *s, const airoi_project *p)
{
    static const struct {
        airoi_item_kind kind;
        const char *key;
    } lists[] = {{AIROI_ITEM_KIND_COST, "costs"}, {AIROI_ITEM_KIND_VALUE, "values"}};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        size_t n = airoi__project_count_items(p, lists[l].kind);
        if (!n)
            continue;
        scalar(s, lists[l].key, YAML_PLAIN_SCALAR_STYLE);
        seq_start(s, 0);
        for (size_t i = 0; i < n && !s->failed; i++)
            if (save_item(s, airoi__project_get_item(p, lists[l].kind, i)))
                return AIROI_ERR_NOMEM;
        seq_end(s);
    }
    return AIROI_OK;
}

/* ---- scenarios ------------------------------------------------------------------- */

static void save_scenarios(saver *s, const airoi_project *p)
{
    size_t ns = airoi__project_count_scenarios(p);
    if (!ns)
        return;
    scalar(s, "scenarios", YAML_PLAIN_SCALAR_STYLE);
    seq_start(s, 0);
    for (size_t i = 0; i < ns && !s->failed; i++) {
        const airoi_scenario *sc = airoi__project_get_scenario(p, i);
        double x;
        map_start(s, 0);
        kv_str(s, "name", airoi__scenario_get_name(sc));
        if (airoi__scenario_get_number(&x, sc, AIROI_SCENARIO_PROBABILITY) == AIROI_OK)
            kv_num(s, "probability", x);
        size_t nm = airoi__scenario_count_multipliers(sc);
        if (nm) {
            scalar(s, "multipliers", YAML_PLAIN_SCALAR_STYLE);
            map_start(s, 1);
            for (size_t m = 0; m < nm; m++) {
                const char *target;
                double f;
                if (airoi__scenario_get_multiplier(&target, &f, sc, m) == AIROI_OK) {
                    str(s, target);
                    num(s, f);
                }
            }
            map_end(s);
        }
        if (airoi__scenario_is_set(sc, AIROI_SCENARIO_DELAY) &&
            airoi__scenario_get_number(&x, sc, AIROI_SCENARIO_DELAY) == AIROI_OK)
            kv_num(s, "delay", x);
        if (airoi__scenario_is_set(sc, AIROI_SCENARIO_ADOPTION_CEILING) &&
            airoi__scenario_get_number(&x, sc, AIROI_SCENARIO_ADOPTION_CEILING) == AIROI_OK)
            kv_num(s, "adoption_ceiling", x);
        map_end(s);
    }
    seq_end(s);
}

/* ---- uncertainties, correlations, stages, simulation --------------------------------- */

static void num_list(saver *s, const char *key, const double *v, size_t n)
{
    scalar(s, key, YAML_PLAIN_SCALAR_STYLE);
    seq_start(s, 1);
    for (size_t i = 0; i < n; i++)
        num(s, v[i]);
    seq_end(s);
}

static int save_uncertainties(saver *s, const airoi_project *p)
{
    size_t n = airoi__project_count_uncertainties(p);
    if (!n)
        return AIROI_OK;
    scalar(s, "uncertainties", YAML_PLAIN_SCALAR_STYLE);
    seq_start(s, 0);
    for (size_t i = 0; i < n && !s->failed; i++) {
        const airoi_uncertainty *u = airoi__project_get_uncertainty(p, i);
        airoi_distribution d = AIROI_DIST_FIXED;
        airoi__uncertainty_get_distribution(&d, u);
        map_start(s, 1);
        const char *name = airoi__uncertainty_get_string(u, AIROI_UNCERTAINTY_NAME);
        if (name)
            kv_str(s, "name", name);
        kv_str(s, "target", airoi__uncertainty_get_string(u, AIROI_UNCERTAINTY_TARGET));
        kv_word(s, "distribution", airoi__distribution_name(d));
        const char *driver = airoi__uncertainty_get_string(u, AIROI_UNCERTAINTY_DRIVER);
        if (driver)
            kv_str(s, "driver", driver);
        /* the numbers set, in the order of airoi_uncertainty_param */
        for (int param = AIROI_UNCERTAINTY_LOW; param <= AIROI_UNCERTAINTY_MAX; param++) {
            double x;
            if (airoi__uncertainty_is_set(u, (airoi_uncertainty_param)param) &&
                airoi__uncertainty_get_number(&x, u, (airoi_uncertainty_param)param) == AIROI_OK)
                kv_num(s, airoi__uncertainty_rule(param)->key, x);
        }
        double x;
        if (airoi__uncertainty_is_set(u, AIROI_UNCERTAINTY_PER_PERIOD) &&
            airoi__uncertainty_get_number(&x, u, AIROI_UNCERTAINTY_PER_PERIOD) == AIROI_OK)
            kv_word(s, "per_period", x != 0 ? "true" : "false");
        size_t nv = 0;
        airoi__uncertainty_get_discrete(NULL, NULL, 0, &nv, u);
        if (nv) {
            double *v = airoi__calloc(nv, sizeof *v), *pr = airoi__calloc(nv, sizeof *pr);
            size_t got = 0;
            if (!v || !pr) {
                airoi__free(v);
                airoi__free(pr);
                return AIROI_ERR_NOMEM;
            }
            if (airoi__uncertainty_get_discrete(v, pr, nv, &got, u) == AIROI_OK) {
                num_list(s, "values", v, got);
                num_list(s, "probabilities", pr, got);
            }
            airoi__free(v);
            airoi__free(pr);
        }
        map_end(s);
    }
    seq_end(s);
    return AIROI_OK;
}

static void save_correlations(saver *s, const airoi_project *p)
{
    size_t n = airoi__project_count_correlations(p);
    if (!n)
        return;
    scalar(s, "correlations", YAML_PLAIN_SCALAR_STYLE);
    seq_start(s, 0);
    for (size_t i = 0; i < n && !s->failed; i++) {
        const char *a = NULL, *b = NULL;
        double rank = 0;
        if (airoi__project_get_correlation(&a, &b, &rank, p, i) != AIROI_OK)
            continue;
        map_start(s, 1);
        scalar(s, "between", YAML_PLAIN_SCALAR_STYLE);
        seq_start(s, 1);
        str(s, a);
        str(s, b);
        seq_end(s);
        kv_num(s, "rank", rank);
        map_end(s);
    }
    seq_end(s);
}

static void save_stages(saver *s, const airoi_project *p)
{
    size_t n = airoi__project_count_stages(p);
    if (!n)
        return;
    scalar(s, "stages", YAML_PLAIN_SCALAR_STYLE);
    seq_start(s, 0);
    for (size_t i = 0; i < n && !s->failed; i++) {
        double x;
        map_start(s, 1);
        kv_str(s, "name", airoi__project_get_stage_name(p, i));
        if (airoi__project_get_stage_number(&x, p, i, AIROI_STAGE_COST) == AIROI_OK)
            kv_num(s, "cost", x);
        if (airoi__project_get_stage_number(&x, p, i, AIROI_STAGE_PERIODS) == AIROI_OK)
            kv_num(s, "periods", x);
        /* absent with a field prior (`prior`), or when the model gives neither */
        if (airoi__project_get_stage_number(&x, p, i, AIROI_STAGE_SUCCESS_PROBABILITY) ==
            AIROI_OK)
            kv_num(s, "success_probability", x);
        if (airoi__project_get_stage_number(&x, p, i, AIROI_STAGE_PRIOR) == AIROI_OK)
            kv_word(s, "prior", airoi__gate_prior_name((int)x));
        size_t nc = airoi__project_count_criteria(p, i);
        if (nc) {
            scalar(s, "criteria", YAML_PLAIN_SCALAR_STYLE);
            seq_start(s, 1);
            for (size_t j = 0; j < nc; j++) {
                const char *ind = NULL;
                airoi_criterion_kind kind = AIROI_CRITERION_AT_LEAST;
                double thr = 0;
                int32_t np = 1;
                airoi__project_get_criterion(&ind, &kind, &thr, &np, p, i, j);
                map_start(s, 1);
                kv_str(s, "indicator", ind);
                kv_num(s, airoi__criterion_kind_name((int)kind), thr);
                kv_num(s, "for_periods", np);
                map_end(s);
            }
            seq_end(s);
        }
        map_end(s);
    }
    seq_end(s);
}

static void save_simulation(saver *s, const airoi_project *p)
{
    const airoi_sim_options *o = airoi__project_get_sim_options(p);
    if (!o)
        return;
    scalar(s, "simulation", YAML_PLAIN_SCALAR_STYLE);
    map_start(s, 0);
    for (int param = AIROI_SIM_TRIALS; param <= AIROI_SIM_REPAIR; param++) {
        const airoi__rule *r = airoi__sim_rule(param);
        double x;
        if (!airoi__sim_options_is_set(o, (airoi_sim_param)param) ||
            airoi__sim_options_get_number(&x, o, (airoi_sim_param)param) != AIROI_OK)
            continue;
        if (param == AIROI_SIM_SAMPLING)
            kv_word(s, r->key, airoi__sampling_name((airoi_sampling)(int)x));
        else if (r->type == AIROI__PT_BOOL)
            kv_word(s, r->key, x != 0 ? "true" : "false");
        else
            kv_num(s, r->key, x);
    }
    /* outputs only when chosen: the loader reads none as all */
    if (o->n_outputs) {
        scalar(s, "outputs", YAML_PLAIN_SCALAR_STYLE);
        seq_start(s, 1);
        for (size_t i = 0; i < o->n_outputs; i++)
            scalar(s, airoi__sim_output_name((airoi_sim_output)o->outputs[i]),
                   YAML_PLAIN_SCALAR_STYLE);
        seq_end(s);
    }
    size_t np = 0;
    airoi__sim_options_get_percentiles(NULL, 0, &np, o);
    if (np) {
        double pc[AIROI_PERCENTILES_MAX];
        if (airoi__sim_options_get_percentiles(pc, AIROI_PERCENTILES_MAX, &np, o) == AIROI_OK)
            num_list(s, "percentiles", pc, np);
    }
    map_end(s);
}

/* ---- actuals, tracking, indicators ----------------------------------------------- */

static void save_tracking(saver *s, const airoi_project *p)
{
    size_t n = airoi__project_count_actuals(p);
    if (n) {
        scalar(s, "actuals", YAML_PLAIN_SCALAR_STYLE);
        seq_start(s, 0);
        for (size_t i = 0; i < n && !s->failed; i++) {
            int32_t t = 0;
            const char *item = NULL;
            double a = 0;
            airoi__project_get_actual(&t, &item, &a, p, i);
            map_start(s, 1);
            kv_num(s, "period", t);
            kv_str(s, "item", item);
            kv_num(s, "amount", a);
            map_end(s);
        }
        seq_end(s);
    }
    double x[2];
    int has[2] = {airoi__project_get_tracking(&x[0], p, AIROI_TRACKING_PARAM_AS_OF) == AIROI_OK,
                  airoi__project_get_tracking(&x[1], p, AIROI_TRACKING_PARAM_GATES_AS_OF) ==
                      AIROI_OK};
    if (has[0] || has[1]) {
        scalar(s, "tracking", YAML_PLAIN_SCALAR_STYLE);
        map_start(s, 0);
        if (has[0])
            kv_num(s, "as_of", x[0]);
        if (has[1])
            kv_num(s, "gates_as_of", x[1]);
        map_end(s);
    }
    size_t ni = airoi__project_count_indicators(p);
    if (!ni)
        return;
    scalar(s, "indicators", YAML_PLAIN_SCALAR_STYLE);
    seq_start(s, 0);
    for (size_t i = 0; i < ni && !s->failed; i++) {
        const char *name = NULL;
        airoi_indicator_direction dir = AIROI_DIRECTION_UP;
        double target = 0, at_risk = 0, off_track = 0;
        int set = 0;
        airoi__project_get_indicator(&name, &dir, &target, &at_risk, &off_track, &set, p, i);
        int up = dir == AIROI_DIRECTION_UP;
        map_start(s, 0);
        kv_str(s, "name", name);
        if (!up)
            kv_word(s, "direction", "down");
        kv_num(s, "target", target);
        if (set & 1)
            kv_num(s, up ? "at_risk_below" : "at_risk_above", at_risk);
        if (set & 2)
            kv_num(s, up ? "off_track_below" : "off_track_above", off_track);
        size_t nv = airoi__project_count_indicator_values(p, i);
        if (nv) {
            scalar(s, "values", YAML_PLAIN_SCALAR_STYLE);
            map_start(s, 1);
            for (size_t j = 0; j < nv; j++) {
                int32_t t = 0;
                double v = 0;
                airoi__project_get_indicator_value(&t, &v, p, i, j);
                num(s, t);
                num(s, v);
            }
            map_end(s);
        }
        map_end(s);
    }
    seq_end(s);
}

/* ---- narrative ------------------------------------------------------------------ */

static void save_narrative(saver *s, const airoi_project *p)
{
    const airoi__narrative *n = airoi__project_narrative(p);
    if (!n)
        return;
    scalar(s, "narrative", YAML_PLAIN_SCALAR_STYLE);
    map_start(s, 0);
    if (n->problem)
        kv_str(s, "problem", n->problem);
    if (n->solution)
        kv_str(s, "solution", n->solution);
    if (n->audience)
        kv_str(s, "audience", n->audience);
    if (n->n_risks) {
        scalar(s, "risks", YAML_PLAIN_SCALAR_STYLE);
        seq_start(s, 0);
        for (size_t i = 0; i < n->n_risks; i++) {
            const airoi__risk *r = &n->risks[i];
            map_start(s, 0);
            kv_str(s, "risk", r->risk);
            if (r->mitigation)
                kv_str(s, "mitigation", r->mitigation);
            if (r->owner)
                kv_str(s, "owner", r->owner);
            map_end(s);
        }
        seq_end(s);
    }
    map_end(s);
}

/* ---- entry points ---------------------------------------------------------------- */

static int save(char **out, size_t *len_out, const airoi_project *p)
{
    saver s;
    memset(&s, 0, sizeof s);
    airoi__buf_init(&s.out);
    if (!yaml_emitter_initialize(&s.em))
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while saving a model");
    yaml_emitter_set_output(&s.em, write_handler, &s.out);
    yaml_emitter_set_encoding(&s.em, YAML_UTF8_ENCODING);
    yaml_emitter_set_unicode(&s.em, 1);
    yaml_emitter_set_width(&s.em, -1);
    yaml_emitter_set_indent(&s.em, 2);

    yaml_event_t ev;
    emit(&s, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    emit(&s, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
    map_start(&s, 0);
    kv_num(&s, "airoi", 1);
    save_project(&s, p);
    int rc = save_items(&s, p);
    if (rc == AIROI_OK) {
        save_scenarios(&s, p);
        rc = save_uncertainties(&s, p);
    }
    if (rc == AIROI_OK) {
        save_correlations(&s, p);
        save_stages(&s, p);
        save_simulation(&s, p);
        save_tracking(&s, p);
        save_narrative(&s, p);
        map_end(&s);
        emit(&s, &ev, yaml_document_end_event_initialize(&ev, 1));
        emit(&s, &ev, yaml_stream_end_event_initialize(&ev));
        if (!s.failed && !yaml_emitter_flush(&s.em))
            s.failed = 1;
    }
    int em_error = s.em.error;
    const char *problem = s.em.problem;
    char why[160];
    snprintf(why, sizeof why, "%s", problem ? problem : "emitter error");
    yaml_emitter_delete(&s.em);
    if (rc == AIROI_OK && s.failed) {
        if (s.out.failed || em_error == YAML_MEMORY_ERROR)
            rc = AIROI_ERR_NOMEM;
        else
            rc = airoi__error(AIROI_ERR_INVALID,
                              "cannot write the model: %s (names must be valid UTF-8)", why);
    }
    /* What the loader would refuse is not written: every saved file loads back. */
    if (rc == AIROI_OK && s.nodes > AIROI__IO_MAX_NODES)
        rc = airoi__error(AIROI_ERR_LIMIT,
                          "the model file would hold %zu YAML nodes, above the limit of %u a "
                          "model file may hold; it would not load back",
                          s.nodes, AIROI__IO_MAX_NODES);
    if (rc == AIROI_OK && s.out.len > AIROI_MODEL_MAX_BYTES)
        rc = airoi__error(AIROI_ERR_LIMIT,
                          "the model file would be %zu bytes, above the limit of %u bytes a "
                          "model file may have; it would not load back",
                          s.out.len, AIROI_MODEL_MAX_BYTES);
    if (rc == AIROI_OK)
        rc = airoi__buf_detach(&s.out, out, len_out);
    airoi__buf_free(&s.out);
    if (rc == AIROI_ERR_NOMEM)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory while saving a model");
    return rc;
}

int airoi__model_save_buffer(char **out, size_t *len_out, const airoi_project *p,
                             unsigned flags)
{
    if (out)
        *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!out || !p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_save_buffer: NULL %s",
                            !out ? "out" : "project");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_save_buffer: unknown flags 0x%x",
                            flags);
    int rc = save(out, len_out, p);
    if (rc == AIROI_OK)
        airoi__error_clear();
    return rc;
}

AIROI_API int airoi_model_save_buffer(char **out, size_t *len_out, const airoi_project *p,
                                      unsigned flags)
{
    AIROI__ENTER();
    return airoi__model_save_buffer(out, len_out, p, flags);
}

int airoi__model_save_file(const airoi_project *p, const char *path, unsigned flags)
{
    if (!p || !path)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_save_file: NULL %s",
                            !p ? "project" : "path");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_model_save_file: unknown flags 0x%x",
                            flags);
    char *text = NULL;
    size_t len = 0;
    int rc = save(&text, &len, p);
    if (rc)
        return rc;
    /* A new file renamed over the old one: a failed write leaves the
     * user's model as it was. */
    rc = airoi__file_replace(path, text, len);
    airoi__free(text);
    return rc;
}

AIROI_API int airoi_model_save_file(const airoi_project *p, const char *path, unsigned flags)
{
    AIROI__ENTER();
    return airoi__model_save_file(p, path, flags);
}
