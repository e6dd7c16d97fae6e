/*
 * lib/sim/breakeven.c: break-even points, where the base case's NPV is 0:
 * the multiplier on all values, on all costs, the adoption ceiling, and
 * each uncertainty's multiplier on its target. Each is a root of the NPV
 * in a fixed search range, bracketed and found by Brent's method (the
 * finance layer's airoi__brent_u); "none in range" is its own answer.
 * Ranges and rules: docs/methodology.md#breakeven.
 */
#include <math.h>
#include <string.h>

#include "core-private.h"
#include "decide-private.h"
#include "eval-private.h"
#include "finance-private.h"
#include "model-private.h"

#define BREAKEVEN_TARGET_COUNT 3

/* The search ranges (docs/methodology.md#breakeven). */
#define MULTIPLIER_HIGH 100.0
#define CEILING_HIGH 1.0
/* Brent runs on u = ln(x); its low end is x = e^-40 (about 4e-18), next to
 * the exact 0 that the range starts at. */
#define U_LOW (-40.0)

typedef struct point {
    double x;
    int found;
    double lo, hi;
} point;

struct airoi_breakeven {
    double base_npv;
    point target[BREAKEVEN_TARGET_COUNT]; /* by the index of an airoi_breakeven_target */
    struct breakeven_input {
        char *input;
        point pt;
    } *inputs;
    size_t n;
    airoi__settings settings; /* the project's, for reports (owns its strings) */
};

/* NPV as a function of one multiplier (or of the adoption cap). */
typedef struct npv_fn {
    airoi__whatif *w;
    const char *target; /* NULL: x is the adoption cap */
    int failed;         /* status of the first failed evaluation */
} npv_fn;

static int npv_at(double *f, npv_fn *fn, double x)
{
    int rc = fn->target ? airoi__whatif_npv(f, fn->w, fn->target, x, 1.0)
                        : airoi__whatif_npv(f, fn->w, NULL, 1.0, x);
    if (rc && !fn->failed)
        fn->failed = rc;
    return rc;
}

/* The root finder's view: x = 1 + r (Brent works on u = ln(1 + r) = ln x). */
static int root_eval(void *ctx, double r, double *f, double *df, double *mag)
{
    (void)df;
    if (npv_at(f, ctx, 1.0 + r))
        return -1;
    *mag = fabs(*f);
    return 0;
}

static int opposite(double a, double b)
{
    return (a < 0.0 && b > 0.0) || (a > 0.0 && b < 0.0);
}

/* The x in [0, hi] where the NPV is 0: found = 0 when the NPV has the same
 * sign at both ends (and is not 0 at either). */
static int find_root(point *pt, npv_fn *fn, double hi)
{
    pt->lo = 0.0;
    pt->hi = hi;
    pt->found = 0;
    pt->x = 0.0;
    double f0, fh;
    if (npv_at(&f0, fn, 0.0) || npv_at(&fh, fn, hi))
        return fn->failed;
    if (f0 == 0.0 || fh == 0.0) {
        pt->found = 1;
        pt->x = f0 == 0.0 ? 0.0 : hi;
        return AIROI_OK;
    }
    if (!opposite(f0, fh))
        return AIROI_OK;
    pt->found = 1;
    double xl = exp(U_LOW), fl;
    if (npv_at(&fl, fn, xl))
        return fn->failed;
    if (!opposite(fl, fh)) { /* the root is within e^-40 of 0 */
        pt->x = fabs(f0) <= fabs(fl) ? 0.0 : xl;
        return AIROI_OK;
    }
    airoi__rootfn rf = {root_eval, fn};
    double r;
    if (airoi__brent_u(&r, &rf, U_LOW, fl, log(hi), fh))
        return fn->failed ? fn->failed
                          : airoi__error(AIROI_ERR_INTERNAL, "break-even: root finder failed");
    pt->x = 1.0 + r;
    return AIROI_OK;
}

void airoi__breakeven_free(airoi_breakeven *b)
{
    if (!b)
        return;
    airoi__settings_release(&b->settings);
    for (size_t i = 0; i < b->n; i++)
        airoi__free(b->inputs[i].input);
    airoi__free(b->inputs);
    airoi__free(b);
}

AIROI_API void airoi_breakeven_free(airoi_breakeven *b)
{
    AIROI__ENTER();
    airoi__breakeven_free(b);
}

const airoi__settings *airoi__breakeven_get_settings(const airoi_breakeven *b)
{
    return b ? &b->settings : NULL;
}

static int compute(airoi_breakeven *b, const airoi_project *p, airoi__whatif *w)
{
    int rc = airoi__whatif_npv(&b->base_npv, w, NULL, 1.0, 1.0);
    npv_fn fn = {w, "values", 0};
    if (rc == AIROI_OK)
        rc = find_root(&b->target[AIROI__ENUM_INDEX(AIROI_BREAKEVEN_VALUES)], &fn, MULTIPLIER_HIGH);
    fn.target = "costs";
    if (rc == AIROI_OK)
        rc = find_root(&b->target[AIROI__ENUM_INDEX(AIROI_BREAKEVEN_COSTS)], &fn, MULTIPLIER_HIGH);
    fn.target = NULL;
    if (rc == AIROI_OK)
        rc = find_root(&b->target[AIROI__ENUM_INDEX(AIROI_BREAKEVEN_ADOPTION_CEILING)], &fn, CEILING_HIGH);
    for (size_t i = 0; rc == AIROI_OK && i < b->n; i++) {
        const airoi__uncertainty *u = p->uncertainties[i];
        fn.target = u->target;
        rc = find_root(&b->inputs[i].pt, &fn, MULTIPLIER_HIGH);
    }
    return rc;
}

int airoi__breakeven_evaluate(airoi_breakeven **out, const airoi_project *p, unsigned flags)
{
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "airoi_breakeven_evaluate: NULL out");
    *out = NULL;
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_breakeven_evaluate: NULL project");
    if (flags)
        return airoi__error(AIROI_ERR_INVALID, "airoi_breakeven_evaluate: unknown flags 0x%x",
                            flags);
    int rc = airoi__validate(p);
    if (rc)
        return rc;
    airoi_breakeven *b = airoi__calloc(1, sizeof *b);
    if (!b)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    if (airoi__settings_copy(&b->settings, p) != AIROI_OK) {
        airoi__breakeven_free(b);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    if (p->n_uncertainties) {
        b->inputs = airoi__calloc(p->n_uncertainties, sizeof *b->inputs);
        if (!b->inputs) {
            airoi__breakeven_free(b);
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        }
    }
    for (size_t i = 0; i < p->n_uncertainties; i++, b->n++) {
        b->inputs[i].input = airoi__strdup(airoi__uncertainty_label(p->uncertainties[i]));
        if (!b->inputs[i].input) {
            airoi__breakeven_free(b);
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        }
    }
    airoi__whatif w;
    rc = airoi__whatif_init(&w, p);
    if (rc == AIROI_OK) {
        rc = compute(b, p, &w);
        airoi__whatif_release(&w);
    }
    if (rc) {
        airoi__breakeven_free(b);
        return rc;
    }
    airoi__error_clear();
    *out = b;
    return AIROI_OK;
}

AIROI_API int airoi_breakeven_evaluate(airoi_breakeven **out, const airoi_project *p,
                                       unsigned flags)
{
    AIROI__ENTER();
    return airoi__breakeven_evaluate(out, p, flags);
}

int airoi__breakeven_get_base_npv(double *out, const airoi_breakeven *b)
{
    if (!out || !b)
        return airoi__error(AIROI_ERR_INVALID, "airoi_breakeven_get_base_npv: NULL argument");
    *out = b->base_npv;
    return AIROI_OK;
}

AIROI_API int airoi_breakeven_get_base_npv(double *out, const airoi_breakeven *b)
{
    AIROI__ENTER();
    return airoi__breakeven_get_base_npv(out, b);
}

static void put_point(double *x, int *found, double *lo, double *hi, const point *pt)
{
    if (x)
        *x = pt->x;
    if (found)
        *found = pt->found;
    if (lo)
        *lo = pt->lo;
    if (hi)
        *hi = pt->hi;
}

int airoi__breakeven_get(double *multiplier, int *found, double *range_low, double *range_high,
                         const airoi_breakeven *b, int which)
{
    if (!b)
        return airoi__error(AIROI_ERR_INVALID, "airoi_breakeven_get: NULL break-even points");
    int rc = airoi__enum_check(which, AIROI_BREAKEVEN_VALUES, "break-even target");
    if (rc)
        return rc;
    int k = AIROI__ENUM_INDEX(which);
    put_point(multiplier, found, range_low, range_high, &b->target[k]);
    return AIROI_OK;
}

AIROI_API int airoi_breakeven_get(double *multiplier, int *found, double *range_low,
                                  double *range_high, const airoi_breakeven *b,
                                  airoi_breakeven_target which)
{
    AIROI__ENTER();
    return airoi__breakeven_get(multiplier, found, range_low, range_high, b, (int)which);
}

size_t airoi__breakeven_count_inputs(const airoi_breakeven *b)
{
    return b ? b->n : 0;
}

AIROI_API size_t airoi_breakeven_count_inputs(const airoi_breakeven *b)
{
    AIROI__ENTER();
    return airoi__breakeven_count_inputs(b);
}

int airoi__breakeven_get_input(const char **input, double *multiplier, int *found,
                               double *range_low, double *range_high, const airoi_breakeven *b,
                               size_t i)
{
    if (!b)
        return airoi__error(AIROI_ERR_INVALID,
                            "airoi_breakeven_get_input: NULL break-even points");
    if (i >= b->n)
        return airoi__error(AIROI_ERR_NOT_FOUND, "input index %zu past the end (%zu)", i, b->n);
    if (input)
        *input = b->inputs[i].input;
    put_point(multiplier, found, range_low, range_high, &b->inputs[i].pt);
    return AIROI_OK;
}

AIROI_API int airoi_breakeven_get_input(const char **input, double *multiplier, int *found,
                                        double *range_low, double *range_high,
                                        const airoi_breakeven *b, size_t i)
{
    AIROI__ENTER();
    return airoi__breakeven_get_input(input, multiplier, found, range_low, range_high, b, i);
}
