/*
 * lib/sim/tornado.c: tornado and spider data of a project's NPV. Each
 * uncertainty alone at its P10, P25, P50, P75 and P90 (exact quantiles of
 * its distribution, random-private.h), every other multiplier at 1, the
 * base case evaluated with that multiplier on its target (whatif.c).
 * docs/methodology.md#tornado.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core-private.h"
#include "decide-private.h"
#include "eval-private.h"
#include "model-private.h"
#include "random-private.h"

#define SPIDER_POINTS 5

/* The spider's probabilities; the tornado's bar spans the first and last. */
static const double spider_p[SPIDER_POINTS] = {0.10, 0.25, 0.50, 0.75, 0.90};

typedef struct bar {
    char *input;
    double q[SPIDER_POINTS];   /* the multipliers */
    double npv[SPIDER_POINTS];
    double swing;
    size_t index;              /* position in `uncertainties` */
} bar;

struct airoi_tornado {
    double base_npv;
    bar *bars;
    size_t n;
    airoi__settings settings; /* the project's, for reports (owns its strings) */
};

void airoi__tornado_free(airoi_tornado *t)
{
    if (!t)
        return;
    airoi__settings_release(&t->settings);
    for (size_t i = 0; i < t->n; i++)
        airoi__free(t->bars[i].input);
    airoi__free(t->bars);
    airoi__free(t);
}

AIROI_API void airoi_tornado_free(airoi_tornado *t)
{
    AIROI__ENTER();
    airoi__tornado_free(t);
}

const airoi__settings *airoi__tornado_get_settings(const airoi_tornado *t)
{
    return t ? &t->settings : NULL;
}

/* Largest swing first; equal swings in the order of `uncertainties`. */
static int by_swing(const void *a, const void *b)
{
    const bar *x = a, *y = b;
    if (x->swing != y->swing)
        return x->swing > y->swing ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The quantiles of uncertainty u at spider_p. */
static int quantiles(double *q, const airoi__uncertainty *u)
{
    airoi__dist d;
    char msg[256];
    int rc = airoi__dist_compile(&d, u, msg, sizeof msg);
    if (rc != AIROI_OK) /* out of memory is no model error */
        return airoi__error(rc == AIROI_ERR_NOMEM ? rc : AIROI_ERR_MODEL, "uncertainty '%s': %s",
                            airoi__uncertainty_label(u), msg);
    for (int k = 0; k < SPIDER_POINTS; k++) {
        q[k] = airoi__dist_quantile(&d, spider_p[k]);
        if (!isfinite(q[k]) && rc == AIROI_OK)
            rc = airoi__error(AIROI_ERR_RANGE, "uncertainty '%s': its quantile at %g is not a "
                              "finite number", airoi__uncertainty_label(u), spider_p[k]);
    }
    airoi__dist_release(&d);
    return rc;
}

static int compute(airoi_tornado *t, const airoi_project *p, airoi__whatif *w)
{
    int rc = airoi__whatif_npv(&t->base_npv, w, NULL, 1.0, 1.0);
    for (size_t i = 0; rc == AIROI_OK && i < t->n; i++) {
        bar *b = &t->bars[i];
        const airoi__uncertainty *u = p->uncertainties[i];
        rc = quantiles(b->q, u);
        for (int k = 0; rc == AIROI_OK && k < SPIDER_POINTS; k++)
            rc = airoi__whatif_npv(&b->npv[k], w, u->target, b->q[k], 1.0);
        b->swing = fabs(b->npv[SPIDER_POINTS - 1] - b->npv[0]);
        if (rc == AIROI_OK && !isfinite(b->swing))
            rc = airoi__error(AIROI_ERR_RANGE, "uncertainty '%s': the swing of NPV overflows",
                              b->input);
    }
    if (rc == AIROI_OK)
        qsort(t->bars, t->n, sizeof *t->bars, by_swing);
    return rc;
}

int airoi__tornado_evaluate(airoi_tornado **out, const airoi_project *p, unsigned flags)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tornado_evaluate: NULL out");
    *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tornado_evaluate: NULL project");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tornado_evaluate: unknown flags 0x%x",
                            flags);
    int rc = airoi__validate(p);
    if (rc)
        return rc;
    if (p->n_uncertainties == 0)
        return airoi__error(AIROI_ERR_MODEL,
                            "project '%s' has no uncertainties; a tornado needs at least one "
                            "(docs/methodology.md#tornado)",
                            p->name);
    airoi_tornado *t = airoi__calloc(1, sizeof *t);
    if (!t)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    if (airoi__settings_copy(&t->settings, p) != AIROI_OK) {
        airoi__tornado_free(t);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    t->bars = airoi__calloc(p->n_uncertainties, sizeof *t->bars);
    if (!t->bars) {
        airoi__tornado_free(t);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < p->n_uncertainties; i++, t->n++) {
        t->bars[i].index = i;
        t->bars[i].input = airoi__strdup(airoi__uncertainty_label(p->uncertainties[i]));
        if (!t->bars[i].input) {
            airoi__tornado_free(t);
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        }
    }
    airoi__whatif w;
    rc = airoi__whatif_init(&w, p);
    if (rc == AIROI_OK) {
        /* the base case and each input at each spider point, known ahead */
        rc = airoi__whatif_reserve(&w, 1 + SPIDER_POINTS * (uint64_t)p->n_uncertainties);
        if (rc == AIROI_OK)
            rc = compute(t, p, &w);
        airoi__whatif_release(&w);
    }
    if (rc) {
        airoi__tornado_free(t);
        return rc;
    }
    airoi__error_clear();
    *out = t;
    return AIROI_OK;
}

AIROI_API int airoi_tornado_evaluate(airoi_tornado **out, const airoi_project *p, unsigned flags)
{
    AIROI__ENTER();
    return airoi__tornado_evaluate(out, p, flags);
}

int airoi__tornado_get_base_npv(double *out, const airoi_tornado *t)
{
    if (!out || !t)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tornado_get_base_npv: NULL argument");
    *out = t->base_npv;
    return AIROI_OK;
}

AIROI_API int airoi_tornado_get_base_npv(double *out, const airoi_tornado *t)
{
    AIROI__ENTER();
    return airoi__tornado_get_base_npv(out, t);
}

size_t airoi__tornado_count(const airoi_tornado *t)
{
    return t ? t->n : 0;
}

AIROI_API size_t airoi_tornado_count(const airoi_tornado *t)
{
    AIROI__ENTER();
    return airoi__tornado_count(t);
}

static int bar_at(const bar **out, const airoi_tornado *t, size_t i, const char *fn)
{
    if (!t)
        return airoi__error(AIROI_ERR_INVALID, "%s: NULL tornado", fn);
    if (i >= t->n)
        return airoi__error(AIROI_ERR_NOT_FOUND, "bar index %zu past the end (%zu)", i, t->n);
    *out = &t->bars[i];
    return AIROI_OK;
}

int airoi__tornado_get(const char **input, double *low_npv, double *high_npv, double *swing,
                       const airoi_tornado *t, size_t i)
{
    const bar *b = NULL;
    int rc = bar_at(&b, t, i, "airoi_tornado_get");
    if (rc)
        return rc;
    if (input)
        *input = b->input;
    if (low_npv)
        *low_npv = b->npv[0];
    if (high_npv)
        *high_npv = b->npv[SPIDER_POINTS - 1];
    if (swing)
        *swing = b->swing;
    return AIROI_OK;
}

AIROI_API int airoi_tornado_get(const char **input, double *low_npv, double *high_npv, double *swing,
                                const airoi_tornado *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tornado_get(input, low_npv, high_npv, swing, t, i);
}

int airoi__tornado_get_spider(double *npv5, const airoi_tornado *t, size_t i)
{
    if (!npv5)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tornado_get_spider: NULL npv5");
    const bar *b = NULL;
    int rc = bar_at(&b, t, i, "airoi_tornado_get_spider");
    if (rc == AIROI_OK)
        memcpy(npv5, b->npv, sizeof b->npv);
    return rc;
}

AIROI_API int airoi_tornado_get_spider(double *npv5, const airoi_tornado *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tornado_get_spider(npv5, t, i);
}

int airoi__tornado_get_quantiles(double *multiplier5, const airoi_tornado *t, size_t i)
{
    if (!multiplier5)
        return airoi__error(AIROI_ERR_INVALID, "airoi_tornado_get_quantiles: NULL multiplier5");
    const bar *b = NULL;
    int rc = bar_at(&b, t, i, "airoi_tornado_get_quantiles");
    if (rc == AIROI_OK)
        memcpy(multiplier5, b->q, sizeof b->q);
    return rc;
}

AIROI_API int airoi_tornado_get_quantiles(double *multiplier5, const airoi_tornado *t, size_t i)
{
    AIROI__ENTER();
    return airoi__tornado_get_quantiles(multiplier5, t, i);
}
