/*
 * lib/eval/audit.c: the TCO audit (docs/methodology.md#audit). Each rule, its
 * trigger and its reference figure are listed in docs/methodology.md,
 * section 2.8.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core-private.h"
#include "eval-private.h"
#include "tracking-private.h"

/* Reference figures (docs/methodology.md#reference-tco). */
#define HIDDEN_SHARE_REF 0.40
#define HIDDEN_SHARE_CRITICAL 0.20
#define MAINTENANCE_SHARE_REF 0.30
#define CHANGE_SHARE_REF 0.10
#define POC_REALISATION_REF 0.70
#define ADOPTION_REF 0.40
#define OPTIMISTIC_FACTOR 2.0
#define FAILURE_TECH_SHARE 0.60
#define FAILURE_CHANGE_SHARE 0.10

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

static int add_finding(airoi_result *r, size_t *cap, const char *code, int severity,
                       const char *subject, double actual, double reference, const char *fmt,
                       ...) AIROI__PRINTF(8, 9);

static int add_finding(airoi_result *r, size_t *cap, const char *code, int severity,
                       const char *subject, double actual, double reference, const char *fmt,
                       ...)
{
    if (!isfinite(actual) || !isfinite(reference))
        return airoi__error(AIROI_ERR_RANGE, "audit finding %s: its figure overflows", code);
    int rc = airoi__grow((void **)&r->findings, cap, r->n_findings, sizeof *r->findings);
    if (rc)
        return rc;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n < 0)
        msg[0] = '\0';
    airoi__finding *f = &r->findings[r->n_findings];
    memset(f, 0, sizeof *f);
    f->code = code;
    f->severity = severity;
    f->actual = actual;
    f->reference = reference;
    f->message = airoi__strdup(msg);
    if (subject)
        f->subject = airoi__strdup(subject);
    if (!f->message || (subject && !f->subject)) {
        airoi__free(f->message);
        airoi__free(f->subject);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    r->n_findings++;
    return AIROI_OK;
}

#define ADD(...)                                          \
    do {                                                  \
        int rc_ = add_finding(r, &cap, __VA_ARGS__);      \
        if (rc_)                                          \
            return rc_;                                   \
    } while (0)

/* The total of category c (an airoi_category) in the result's TCO. */
#define CAT(c) cat[AIROI__ENUM_INDEX(c)]

static int audit_costs(airoi_result *r, size_t *capp, const airoi_project *p)
{
    size_t cap = *capp;
    const double *cat = r->tco_category;
    double T = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TCO_TOTAL)];
    if (!(T > 0.0)) {
        *capp = cap;
        return AIROI_OK;
    }
    double maint = CAT(AIROI_CATEGORY_MAINTENANCE);
    if (maint == 0.0) {
        ADD("MAINTENANCE_MISSING", AIROI_SEVERITY_WARNING, "maintenance", 0.0,
            MAINTENANCE_SHARE_REF,
            "no maintenance cost: retraining for drift, monitoring and updates typically "
            "take 30-40%% of annual TCO from year 2 on");
    } else {
        /* Share of maintenance in the costs after the first year. */
        const airoi_schedule *s = r->schedule;
        size_t w = (size_t)airoi__periods_per_year(p->period);
        if (w < s->n - 1) {
            airoi__sum m = {0, 0}, all = {0, 0};
            for (size_t t = w + 1; t < s->n; t++) {
                airoi__sum_add(&m, s->cat[AIROI__ENUM_INDEX(AIROI_CATEGORY_MAINTENANCE)][t]);
                airoi__sum_add(&all, s->col[AIROI__ENUM_INDEX(AIROI_SCHEDULE_COSTS)][t]);
            }
            double a = airoi__sum_get(&all);
            double share = a > 0.0 ? airoi__sum_get(&m) / a : 1.0;
            if (share < MAINTENANCE_SHARE_REF)
                ADD("MAINTENANCE_LOW", AIROI_SEVERITY_INFO, "maintenance", share,
                    MAINTENANCE_SHARE_REF,
                    "maintenance is %.1f%% of the costs after the first year; the reference "
                    "is 30-40%% of annual TCO from year 2 on",
                    100.0 * share);
        }
    }
    double hidden = r->metric[AIROI__ENUM_INDEX(AIROI_METRIC_TCO_HIDDEN)] / T;
    if (hidden < HIDDEN_SHARE_REF)
        ADD("HIDDEN_SHARE_LOW",
            hidden < HIDDEN_SHARE_CRITICAL ? AIROI_SEVERITY_CRITICAL : AIROI_SEVERITY_WARNING,
            NULL, hidden, HIDDEN_SHARE_REF,
            "hidden costs (data governance, integration, change management, maintenance, "
            "opportunity) are %.1f%% of TCO; in practice they are 40-60%%, and an initial "
            "budget usually needs x1.5-2.0 to cover them",
            100.0 * hidden);

    static const struct {
        const char *name;
        int a, b;   /* categories summed (b = -1: only a) */
        double low; /* low end of the reference share */
    } refs[] = {
        {"people", AIROI_CATEGORY_PEOPLE, -1, 0.35},
        {"infrastructure", AIROI_CATEGORY_INFRASTRUCTURE, -1, 0.15},
        {"data", AIROI_CATEGORY_DATA, AIROI_CATEGORY_DATA_GOVERNANCE, 0.15},
        {"software", AIROI_CATEGORY_SOFTWARE, -1, 0.05},
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        double share = (CAT(refs[i].a) + (refs[i].b >= 0 ? CAT(refs[i].b) : 0.0)) / T;
        if (share < refs[i].low)
            ADD("CATEGORY_BELOW_REFERENCE", AIROI_SEVERITY_INFO, refs[i].name, share,
                refs[i].low, "%s%s is %.1f%% of TCO, below the reference share of %.0f%%",
                refs[i].name, refs[i].b >= 0 ? " (incl. data governance)" : "", 100.0 * share,
                100.0 * refs[i].low);
    }
    double change = CAT(AIROI_CATEGORY_CHANGE_MANAGEMENT) / T;
    if (change < CHANGE_SHARE_REF)
        ADD("CHANGE_UNDERFUNDED", AIROI_SEVERITY_WARNING, "change_management", change,
            CHANGE_SHARE_REF,
            "change management (training, process redesign, communication) is %.1f%% of "
            "TCO; the reference is 10-15%%, and plans typically underestimate it by 100-200%%",
            100.0 * change);

    /* Budget split against the failure pattern (technology 70%, data 20%,
     * change 10%): technology = people, infrastructure, software,
     * integration, maintenance; data = data, data governance; change =
     * change management (opportunity cost is not budget). The split matches
     * when technology takes at least 60% and change at most 10%. */
    double tech = CAT(AIROI_CATEGORY_PEOPLE) + CAT(AIROI_CATEGORY_INFRASTRUCTURE) +
                  CAT(AIROI_CATEGORY_SOFTWARE) + CAT(AIROI_CATEGORY_INTEGRATION) +
                  CAT(AIROI_CATEGORY_MAINTENANCE);
    double data = CAT(AIROI_CATEGORY_DATA) + CAT(AIROI_CATEGORY_DATA_GOVERNANCE);
    double chg = CAT(AIROI_CATEGORY_CHANGE_MANAGEMENT);
    double tb = tech + data + chg;
    if (tb > 0.0) {
        double st = tech / tb, sd = data / tb, sc = chg / tb;
        if (st >= FAILURE_TECH_SHARE && sc <= FAILURE_CHANGE_SHARE)
            ADD("FAILURE_BUDGET_PATTERN", AIROI_SEVERITY_WARNING, NULL, st, FAILURE_TECH_SHARE,
                "the budget split (technology %.0f%%, data %.0f%%, change %.0f%%) matches that "
                "of failed projects (about 70/20/10) rather than of successful ones (about "
                "30%% technology, 30%% data infrastructure, 40%% process redesign and learning)",
                100.0 * st, 100.0 * sd, 100.0 * sc);
    }
    *capp = cap;
    return AIROI_OK;
}

static int audit_values(airoi_result *r, size_t *capp, const airoi_project *p,
                        const airoi__audit_input *in)
{
    size_t cap = *capp;
    if ((p->stage == AIROI_STAGE_POC || p->stage == AIROI_STAGE_MVP) && in->value_gross > 0.0) {
        double ratio = in->value_net / in->value_gross;
        if (ratio > POC_REALISATION_REF)
            ADD("POC_NO_HAIRCUT", AIROI_SEVERITY_WARNING, NULL, ratio, POC_REALISATION_REF,
                "the project is at the %s stage but counts %.0f%% of its value after "
                "realization, attribution and haircuts; scaling a PoC to production "
                "typically realises only 50-70%% of the value it showed",
                airoi__stage_name(p->stage), 100.0 * ratio);
    }
    for (size_t i = 0; i < p->n_values; i++) {
        const airoi__item *it = p->values[i];
        int has_amount = it->n_list > 0 || airoi__item_amount(it) != 0.0;
        if (it->klass == AIROI_DIMENSION_EFFICIENCY && it->realization >= 1.0 && has_amount)
            ADD("LABOUR_AS_CASH", AIROI_SEVERITY_WARNING, it->name, it->realization, 1.0,
                "efficiency value '%s' is counted as full cash savings (realization 1); saved "
                "hours are usually redeployed rather than paid out, so set a realization "
                "below 1",
                it->name);
        int has_ramp = it->curve != AIROI_CURVE_NONE ||
                       (it->set & BIT(AIROI_ITEM_ADOPTION_CEILING)) != 0;
        if (has_ramp && it->adopt_ceiling < ADOPTION_REF)
            ADD("LOW_ADOPTION", AIROI_SEVERITY_WARNING, it->name, it->adopt_ceiling,
                ADOPTION_REF,
                "value '%s' assumes an adoption ceiling of %.0f%%; tools under 40%% adoption "
                "are typically abandoned",
                it->name, 100.0 * it->adopt_ceiling);
    }
    int dims = 0, last = -1;
    for (int d = 0; d < AIROI__DIMENSION_COUNT; d++) {
        double v = r->dimension_total[d];
        if (d == AIROI__ENUM_INDEX(AIROI_DIMENSION_STRATEGIC))
            v = fabs(v) + fabs(r->strategic_unmonetized);
        if (v != 0.0) {
            dims++;
            last = d;
        }
    }
    if (dims == 0)
        ADD("NO_VALUE", AIROI_SEVERITY_WARNING, NULL, 0.0, 1.0,
            "the model has no value in any dimension");
    else if (dims == 1) {
        const char *dim =
            airoi__dimension_name((airoi_dimension)(AIROI_DIMENSION_EFFICIENCY + last));
        ADD("SINGLE_DIMENSION", AIROI_SEVERITY_INFO, dim, 1.0, 2.0,
            "all value is in the %s dimension; AI value usually spans efficiency, revenue, "
            "risk and strategic dimensions",
            dim);
    }
    *capp = cap;
    return AIROI_OK;
}

static int audit_benchmark(airoi_result *r, size_t *capp)
{
    size_t cap = *capp;
    if (r->use_case < 0)
        return AIROI_OK;
    const char *key = airoi__benchmark_get_key((size_t)r->use_case);
    static const char *const names[] = {"roi", "payback", "investment"};
    char investment[64];
    snprintf(investment, sizeof investment, "investment (%s)",
             airoi__benchmark_get_basis()->investment_label);
    const char *const units[] = {"annualised ROI", "payback (months)", investment};
    for (int field = AIROI_BENCHMARK_ROI; field <= AIROI_BENCHMARK_INVESTMENT; field++) {
        int pos;
        double v, lo, hi;
        if (airoi__benchmark_position(&pos, r, field) != AIROI_OK ||
            pos == AIROI_BENCHMARK_WITHIN)
            continue;
        airoi__benchmark_value(&v, r, field);
        airoi__benchmark_get_range(&lo, &hi, (size_t)r->use_case, field);
        int sev = AIROI_SEVERITY_INFO;
        if (field == AIROI_BENCHMARK_ROI && pos == AIROI_BENCHMARK_ABOVE)
            sev = v > OPTIMISTIC_FACTOR * hi ? AIROI_SEVERITY_CRITICAL : AIROI_SEVERITY_WARNING;
        if (field == AIROI_BENCHMARK_PAYBACK && pos == AIROI_BENCHMARK_BELOW)
            sev = v < lo / OPTIMISTIC_FACTOR ? AIROI_SEVERITY_CRITICAL : AIROI_SEVERITY_WARNING;
        /* the figures as the benchmark table shows them: ROI in percent
         * and payback in months with one decimal, investment with two */
        double scale = field == AIROI_BENCHMARK_ROI ? 100.0 : 1.0;
        const char *pct = field == AIROI_BENCHMARK_ROI ? "%" : "";
        int decimals = field == AIROI_BENCHMARK_INVESTMENT ? 2 : 1;
        char tv[64], tlo[64], thi[64];
        airoi__fmt_grouped(tv, sizeof tv, v * scale, decimals);
        airoi__fmt_grouped(tlo, sizeof tlo, lo * scale, decimals);
        airoi__fmt_grouped(thi, sizeof thi, hi * scale, decimals);
        ADD(pos == AIROI_BENCHMARK_ABOVE ? "BENCHMARK_ABOVE" : "BENCHMARK_BELOW", sev,
            names[AIROI__ENUM_INDEX(field)], v, pos == AIROI_BENCHMARK_ABOVE ? hi : lo,
            "%s of %s%s is %s the %s range of %s%s-%s%s%s", units[AIROI__ENUM_INDEX(field)], tv,
            pct,
            pos == AIROI_BENCHMARK_ABOVE ? "above" : "below", key, tlo, pct, thi, pct,
            sev >= AIROI_SEVERITY_WARNING ? " (optimistic)" : "");
    }
    *capp = cap;
    return AIROI_OK;
}

/* ACTUAL_MISSING: an item and period up to tracking.as_of without an actual
 * whose planned flow is not 0; that flow stands in for the actual
 * (docs/methodology.md#tracking). */
static int audit_actuals(airoi_result *r, size_t *capp, const airoi_project *p)
{
    const airoi__tracking_def *d = airoi__project_tracking(p);
    if (!d || (!d->n_actuals && !(d->set & 1)))
        return AIROI_OK;
    int32_t T = -1;
    for (size_t a = 0; a < d->n_actuals; a++)
        if (d->actuals[a].period > T)
            T = d->actuals[a].period;
    if (d->set & 1)
        T = d->as_of;
    if (T > p->horizon)
        T = p->horizon; /* an error of the tracking, not of the audit */
    size_t cap = *capp, n = (size_t)p->horizon + 1;
    double *buf = airoi__calloc(n, sizeof *buf);
    if (!buf)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    int rc = AIROI_OK;
    size_t ni = p->n_costs + p->n_values;
    for (size_t i = 0; i < ni && rc == AIROI_OK; i++) {
        const airoi__item *it = i < p->n_costs ? p->costs[i] : p->values[i - p->n_costs];
        int32_t lo, hi;
        double factor;
        int counted;
        memset(buf, 0, n * sizeof *buf);
        if (!airoi__item_base_flows(buf, &lo, &hi, &factor, &counted, p, it))
            continue;
        for (int32_t t = lo; t <= hi && t <= T && rc == AIROI_OK; t++) {
            double planned = buf[t] * factor;
            int recorded = 0;
            for (size_t a = 0; a < d->n_actuals && !recorded; a++)
                recorded = d->actuals[a].period == t && strcmp(d->actuals[a].item, it->name) == 0;
            if (recorded || planned == 0.0)
                continue;
            char num[32];
            airoi__format_double_sig(num, sizeof num, planned, 15);
            rc = add_finding(r, &cap, "ACTUAL_MISSING", AIROI_SEVERITY_INFO, it->name, (double)t,
                             planned,
                             "no actual of '%s' in period %d (up to tracking.as_of): its planned "
                             "flow %s stands in for it",
                             it->name, (int)t, num);
        }
    }
    airoi__free(buf);
    *capp = cap;
    return rc;
}

int airoi__audit(airoi_result *r, const airoi_project *p, const airoi__audit_input *in)
{
    size_t cap = 0;
    int rc = audit_costs(r, &cap, p);
    if (rc == AIROI_OK)
        rc = audit_values(r, &cap, p, in);
    if (rc == AIROI_OK)
        rc = audit_benchmark(r, &cap);
    if (rc == AIROI_OK)
        rc = audit_actuals(r, &cap, p);
    return rc;
}
