/*
 * lib/eval/series.c: one item's flows over the periods of the horizon
 * (docs/methodology.md#evaluation). Evaluation builds each item's series
 * once and applies it to the base case and to every scenario (a scenario
 * changes only the item's factor, the delay of a value item and its
 * adoption ceiling: evaluate.c); the simulation takes the base-case flows
 * (airoi__item_raw()). Both compute every flow with the same operations,
 * so the doubles are the same whichever path computes them.
 */
#include <math.h>
#include <string.h>

#include "core-private.h"
#include "eval-private.h"
#include "finance-private.h"
#include "model-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

/* min(a, b) for b not NaN: fmin()'s value, without a call. */
static inline double min_d(double a, double b)
{
    return a < b ? a : b;
}

/* Adoption a(k) (docs/methodology.md#value-factors). */
static double adoption(const airoi__item *it, double k)
{
    double s = it->adopt_start, c = it->adopt_ceiling, P = it->adopt_periods;
    double x;
    switch (it->curve) {
    case AIROI_CURVE_LINEAR:
        x = P > 0 ? min_d(k / P, 1.0) : 1.0;
        return s + (c - s) * x;
    case AIROI_CURVE_S_CURVE:
        x = P > 0 ? min_d(k / P, 1.0) : 1.0;
        return s + (c - s) * (3.0 * x * x - 2.0 * x * x * x);
    case AIROI_CURVE_STEP:
        return k < P ? s : c;
    default:
        return 1.0;
    }
}

int airoi__item_plan_init(airoi__item_plan *ip, const airoi_project *p, const airoi__item *it)
{
    memset(ip, 0, sizeof *ip);
    ip->it = it;
    int32_t H = p->horizon;
    ip->y = 1.0 / (double)airoi__periods_per_year(p->period);
    double fx = 1.0;
    airoi__project_fx(&fx, p, it->currency);
    ip->is_value = it->kind == AIROI_ITEM_KIND_VALUE;
    double scale = 1.0;
    if (it->per != AIROI_PER_ONCE && it->per != AIROI_PER_PERIOD)
        scale = (12.0 / (double)airoi__periods_per_year(p->period)) /
                (double)airoi__months_per(it->per);
    /* payment: lump: the whole quarter or year, unscaled, in the first
     * period of each, counted from `from`; nothing in the others */
    ip->lump = airoi__item_lump_periods(it, p->period);
    ip->base = ip->lump ? fx : fx * scale;
    if (it->per == AIROI_PER_ONCE) {
        ip->first = ip->last = it->at;
        ip->k_once = (it->set & BIT(AIROI_ITEM_FROM)) && it->at > it->from
                         ? (double)(it->at - it->from)
                         : 0.0;
    } else {
        ip->first = it->from;
        ip->last = it->n_list ? it->from + (int32_t)it->n_list - 1 : airoi__item_to(it, H);
    }
    if (ip->first > H)
        return 0;
    int32_t hi = ip->last > H ? H : ip->last;
    ip->len = hi >= ip->first ? hi - ip->first + 1 : 0;
    ip->amount = airoi__item_amount(it);
    ip->lg = it->growth != 0.0 ? log1p(it->growth) : 0.0;
    ip->li = it->real && p->fin.inflation != 0.0 ? log1p(p->fin.inflation) : 0.0;
    return 1;
}

/* The flow of index k (period first + k) before adoption: the amount (or
 * the listed one), times the growth factor (1 + g)^(k y) = e^(k y log1p(g))
 * (from `growth`, a table of it for k = 0, 1, ..., when not NULL), times
 * FX rate and per-period scale. */
static double amount_at(const airoi__item_plan *ip, int32_t k, const double *growth)
{
    const airoi__item *it = ip->it;
    double v;
    if (it->per == AIROI_PER_ONCE) {
        v = ip->amount;
    } else if (it->n_list) {
        v = it->list[k];
    } else {
        v = ip->lump && k % ip->lump != 0 ? 0.0 : ip->amount;
        if (it->growth != 0.0 && v != 0.0)
            v *= growth ? growth[k] : airoi__compound(ip->lg, (double)k * ip->y);
    }
    v *= ip->base;
    if (ip->li != 0.0) /* real: stated in today's money (docs/methodology.md#inflation) */
        v *= airoi__compound(ip->li, (double)(ip->first + k) * ip->y);
    return v;
}

static double adoption_at(const airoi__item_plan *ip, int32_t k)
{
    return adoption(ip->it, ip->it->per == AIROI_PER_ONCE ? ip->k_once : (double)k);
}

int airoi__item_raw(double *buf, int32_t *lo, int32_t *hi, const airoi_project *p,
                    const airoi__item *it)
{
    airoi__item_plan ip;
    if (!airoi__item_plan_init(&ip, p, it))
        return 0;
    *lo = ip.first;
    *hi = ip.first + ip.len - 1;
    for (int32_t k = 0; k < ip.len; k++) {
        double v = amount_at(&ip, k, NULL);
        if (ip.is_value)
            v *= min_d(adoption_at(&ip, k), AIROI__NO_CEILING);
        buf[ip.first + k] = v;
    }
    return 1;
}

/* ---- series shared by the evaluations of one call ----------------------------- */

int airoi__item_series_alloc(airoi__item_series *s, size_t n)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    s->block = airoi__calloc(n * (4 + AIROI__GROWTH_TABLES), sizeof *s->block);
    if (!s->block)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    s->w = s->block;
    s->a = s->block + n;
    s->x = s->block + 2 * n;
    s->tmp = s->block + 3 * n;
    for (size_t i = 0; i < AIROI__GROWTH_TABLES; i++)
        s->growth_f[i] = s->block + (4 + i) * n;
    return AIROI_OK;
}

void airoi__item_series_free(airoi__item_series *s)
{
    airoi__free(s->block);
    s->block = NULL;
}

/* The growth factors e^(k y log1p(g)), k = 0..n-1, of the rate of ip's
 * item: one table per rate, computed with the operations of amount_at()
 * (so the same doubles), kept for the next items with that rate. */
static const double *growth_table(airoi__item_series *s, const airoi__item_plan *ip)
{
    double g = ip->it->growth;
    for (size_t i = 0; i < s->n_growth; i++)
        if (s->growth_g[i] == g)
            return s->growth_f[i];
    size_t i = s->n_growth < AIROI__GROWTH_TABLES ? s->n_growth++
                                                  : s->growth_next++ % AIROI__GROWTH_TABLES;
    s->growth_g[i] = g;
    double *f = s->growth_f[i];
    for (size_t k = 0; k < s->n; k++)
        f[k] = airoi__compound(ip->lg, (double)k * ip->y);
    return f;
}

int airoi__item_series_build(airoi__item_series *s, const airoi_project *p,
                             const airoi__item *it)
{
    airoi__item_plan *ip = &s->plan;
    if (!airoi__item_plan_init(ip, p, it))
        return 0;
    const double *growth = NULL;
    if (it->per != AIROI_PER_ONCE && !it->n_list && it->growth != 0.0 && ip->len > 1)
        growth = growth_table(s, ip);
    for (int32_t k = 0; k < ip->len; k++)
        s->w[k] = amount_at(ip, k, growth);
    if (ip->is_value) {
        for (int32_t k = 0; k < ip->len; k++) {
            s->a[k] = adoption_at(ip, k);
            s->x[k] = s->w[k] * min_d(s->a[k], AIROI__NO_CEILING);
        }
    } else {
        memcpy(s->x, s->w, (size_t)ip->len * sizeof *s->x);
    }
    return 1;
}

int32_t airoi__item_series_apply(const double **x, int32_t *lo, airoi__item_series *s,
                                 const airoi_project *p, const airoi_scenario *sc)
{
    const airoi__item_plan *ip = &s->plan;
    int32_t delay = ip->is_value && sc ? sc->delay : 0;
    if ((int64_t)ip->first + delay > p->horizon)
        return 0;
    *lo = ip->first + delay;
    int64_t room = (int64_t)p->horizon - *lo + 1; /* periods left after the delay */
    int32_t len = room < ip->len ? (int32_t)room : ip->len;
    *x = s->x;
    if (ip->is_value && sc && (sc->set & BIT(AIROI_SCENARIO_ADOPTION_CEILING))) {
        for (int32_t k = 0; k < len; k++)
            s->tmp[k] = s->w[k] * min_d(s->a[k], sc->ceiling);
        *x = s->tmp;
    }
    return len;
}
