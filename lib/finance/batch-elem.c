/*
 * lib/finance/batch-elem.c: the element-wise batch forms of the functions
 * of a few numbers (airoi_pmt_batch() ... airoi_ddb_batch(); see
 * docs/methodology.md\#element-wise-batch-forms): n elements, each
 * argument an array of n (already broadcast by the caller), element i
 * given exactly what the scalar function gives for the i-th numbers.
 */
#include "airoi/finance.h"
#include "finance-private.h"

#define ELEM_MAX_ARGS 6

/* The arguments of one call: the double arrays in the scalar function's
 * order, and the int array (type) when it has one. */
typedef struct elem_args {
    const double *d[ELEM_MAX_ARGS];
    const int32_t *t;
} elem_args;

typedef int (*elem_fn)(double *out, const elem_args *a, size_t i);

/* One batch form: its name (for messages), its double arguments' names,
 * whether it has a type argument, and the function of element i. */
typedef struct elem_kind {
    const char *name;
    size_t nd;
    int has_type;
    const char *names[ELEM_MAX_ARGS];
    elem_fn fn;
} elem_kind;

static int elem_run(const elem_kind *k, double *out, int32_t *status_out, const elem_args *a,
                    size_t n)
{
    if (n == 0)
        return AIROI_OK;
    if (!out)
        return airoi__error(AIROI_ERR_INVALID, "%s: out is NULL", k->name);
    for (size_t j = 0; j < k->nd; j++)
        if (!a->d[j])
            return airoi__error(AIROI_ERR_INVALID, "%s: %s is NULL", k->name, k->names[j]);
    if (k->has_type && !a->t)
        return airoi__error(AIROI_ERR_INVALID, "%s: type is NULL", k->name);
    airoi__batch_first first = AIROI__BATCH_FIRST_INIT;
    for (size_t i = 0; i < n; i++) {
        double r = 0.0;
        const int st = k->fn(&r, a, i);
        out[i] = st ? 0.0 : r;
        if (status_out)
            status_out[i] = st;
        airoi__batch_first_note(&first, st, i);
    }
    return airoi__batch_first_end(&first, k->name, "element");
}

#define D(j) a->d[j][i]

/* ------------------------------------------------------------------ TVM */

static int pmt_at(double *r, const elem_args *a, size_t i)
{
    return airoi__pmt(r, D(0), D(1), D(2), D(3), a->t[i]);
}
static const elem_kind PMT = {"pmt_batch", 4, 1, {"rate", "nper", "pv", "fv"}, pmt_at};

int airoi__pmt_batch(double *out, int32_t *status_out, const double *rate, const double *nper,
                     const double *pv, const double *fv, const int32_t *type, size_t n)
{
    const elem_args a = {{rate, nper, pv, fv}, type};
    return elem_run(&PMT, out, status_out, &a, n);
}

AIROI_API int airoi_pmt_batch(double *out, int32_t *status_out, const double *rate,
                              const double *nper, const double *pv, const double *fv,
                              const int32_t *type, size_t n)
{
    AIROI__ENTER();
    return airoi__pmt_batch(out, status_out, rate, nper, pv, fv, type, n);
}

static int pv_at(double *r, const elem_args *a, size_t i)
{
    return airoi__pv(r, D(0), D(1), D(2), D(3), a->t[i]);
}
static const elem_kind PV = {"pv_batch", 4, 1, {"rate", "nper", "pmt", "fv"}, pv_at};

int airoi__pv_batch(double *out, int32_t *status_out, const double *rate, const double *nper,
                    const double *pmt, const double *fv, const int32_t *type, size_t n)
{
    const elem_args a = {{rate, nper, pmt, fv}, type};
    return elem_run(&PV, out, status_out, &a, n);
}

AIROI_API int airoi_pv_batch(double *out, int32_t *status_out, const double *rate,
                             const double *nper, const double *pmt, const double *fv,
                             const int32_t *type, size_t n)
{
    AIROI__ENTER();
    return airoi__pv_batch(out, status_out, rate, nper, pmt, fv, type, n);
}

static int fv_at(double *r, const elem_args *a, size_t i)
{
    return airoi__fv(r, D(0), D(1), D(2), D(3), a->t[i]);
}
static const elem_kind FV = {"fv_batch", 4, 1, {"rate", "nper", "pmt", "pv"}, fv_at};

int airoi__fv_batch(double *out, int32_t *status_out, const double *rate, const double *nper,
                    const double *pmt, const double *pv, const int32_t *type, size_t n)
{
    const elem_args a = {{rate, nper, pmt, pv}, type};
    return elem_run(&FV, out, status_out, &a, n);
}

AIROI_API int airoi_fv_batch(double *out, int32_t *status_out, const double *rate,
                             const double *nper, const double *pmt, const double *pv,
                             const int32_t *type, size_t n)
{
    AIROI__ENTER();
    return airoi__fv_batch(out, status_out, rate, nper, pmt, pv, type, n);
}

static int nper_at(double *r, const elem_args *a, size_t i)
{
    return airoi__nper(r, D(0), D(1), D(2), D(3), a->t[i]);
}
static const elem_kind NPER = {"nper_batch", 4, 1, {"rate", "pmt", "pv", "fv"}, nper_at};

int airoi__nper_batch(double *out, int32_t *status_out, const double *rate, const double *pmt,
                      const double *pv, const double *fv, const int32_t *type, size_t n)
{
    const elem_args a = {{rate, pmt, pv, fv}, type};
    return elem_run(&NPER, out, status_out, &a, n);
}

AIROI_API int airoi_nper_batch(double *out, int32_t *status_out, const double *rate,
                               const double *pmt, const double *pv, const double *fv,
                               const int32_t *type, size_t n)
{
    AIROI__ENTER();
    return airoi__nper_batch(out, status_out, rate, pmt, pv, fv, type, n);
}

/* guess is the fifth double, after type in the signature as in airoi_rate() */
static int rate_at(double *r, const elem_args *a, size_t i)
{
    return airoi__rate(r, D(0), D(1), D(2), D(3), a->t[i], D(4));
}
static const elem_kind RATE = {"rate_batch", 5, 1, {"nper", "pmt", "pv", "fv", "guess"},
                               rate_at};

int airoi__rate_batch(double *out, int32_t *status_out, const double *nper, const double *pmt,
                      const double *pv, const double *fv, const int32_t *type,
                      const double *guess, size_t n)
{
    const elem_args a = {{nper, pmt, pv, fv, guess}, type};
    return elem_run(&RATE, out, status_out, &a, n);
}

AIROI_API int airoi_rate_batch(double *out, int32_t *status_out, const double *nper,
                               const double *pmt, const double *pv, const double *fv,
                               const int32_t *type, const double *guess, size_t n)
{
    AIROI__ENTER();
    return airoi__rate_batch(out, status_out, nper, pmt, pv, fv, type, guess, n);
}

/* ---------------------------------------------------------------- loans */

static int ipmt_at(double *r, const elem_args *a, size_t i)
{
    return airoi__ipmt(r, D(0), D(1), D(2), D(3), D(4), a->t[i]);
}
static const elem_kind IPMT = {"ipmt_batch", 5, 1, {"rate", "per", "nper", "pv", "fv"}, ipmt_at};

int airoi__ipmt_batch(double *out, int32_t *status_out, const double *rate, const double *per,
                      const double *nper, const double *pv, const double *fv,
                      const int32_t *type, size_t n)
{
    const elem_args a = {{rate, per, nper, pv, fv}, type};
    return elem_run(&IPMT, out, status_out, &a, n);
}

AIROI_API int airoi_ipmt_batch(double *out, int32_t *status_out, const double *rate,
                               const double *per, const double *nper, const double *pv,
                               const double *fv, const int32_t *type, size_t n)
{
    AIROI__ENTER();
    return airoi__ipmt_batch(out, status_out, rate, per, nper, pv, fv, type, n);
}

static int ppmt_at(double *r, const elem_args *a, size_t i)
{
    return airoi__ppmt(r, D(0), D(1), D(2), D(3), D(4), a->t[i]);
}
static const elem_kind PPMT = {"ppmt_batch", 5, 1, {"rate", "per", "nper", "pv", "fv"}, ppmt_at};

int airoi__ppmt_batch(double *out, int32_t *status_out, const double *rate, const double *per,
                      const double *nper, const double *pv, const double *fv,
                      const int32_t *type, size_t n)
{
    const elem_args a = {{rate, per, nper, pv, fv}, type};
    return elem_run(&PPMT, out, status_out, &a, n);
}

AIROI_API int airoi_ppmt_batch(double *out, int32_t *status_out, const double *rate,
                               const double *per, const double *nper, const double *pv,
                               const double *fv, const int32_t *type, size_t n)
{
    AIROI__ENTER();
    return airoi__ppmt_batch(out, status_out, rate, per, nper, pv, fv, type, n);
}

/* --------------------------------------------------------- depreciation */

static int sln_at(double *r, const elem_args *a, size_t i)
{
    return airoi__sln(r, D(0), D(1), D(2));
}
static const elem_kind SLN = {"sln_batch", 3, 0, {"cost", "salvage", "life"}, sln_at};

int airoi__sln_batch(double *out, int32_t *status_out, const double *cost,
                     const double *salvage, const double *life, size_t n)
{
    const elem_args a = {{cost, salvage, life}, NULL};
    return elem_run(&SLN, out, status_out, &a, n);
}

AIROI_API int airoi_sln_batch(double *out, int32_t *status_out, const double *cost,
                              const double *salvage, const double *life, size_t n)
{
    AIROI__ENTER();
    return airoi__sln_batch(out, status_out, cost, salvage, life, n);
}

static int syd_at(double *r, const elem_args *a, size_t i)
{
    return airoi__syd(r, D(0), D(1), D(2), D(3));
}
static const elem_kind SYD = {"syd_batch", 4, 0, {"cost", "salvage", "life", "per"}, syd_at};

int airoi__syd_batch(double *out, int32_t *status_out, const double *cost,
                     const double *salvage, const double *life, const double *per, size_t n)
{
    const elem_args a = {{cost, salvage, life, per}, NULL};
    return elem_run(&SYD, out, status_out, &a, n);
}

AIROI_API int airoi_syd_batch(double *out, int32_t *status_out, const double *cost,
                              const double *salvage, const double *life, const double *per,
                              size_t n)
{
    AIROI__ENTER();
    return airoi__syd_batch(out, status_out, cost, salvage, life, per, n);
}

static int db_at(double *r, const elem_args *a, size_t i)
{
    return airoi__db(r, D(0), D(1), D(2), D(3), D(4));
}
static const elem_kind DB = {"db_batch", 5, 0, {"cost", "salvage", "life", "period", "month"},
                             db_at};

int airoi__db_batch(double *out, int32_t *status_out, const double *cost, const double *salvage,
                    const double *life, const double *period, const double *month, size_t n)
{
    const elem_args a = {{cost, salvage, life, period, month}, NULL};
    return elem_run(&DB, out, status_out, &a, n);
}

AIROI_API int airoi_db_batch(double *out, int32_t *status_out, const double *cost,
                             const double *salvage, const double *life, const double *period,
                             const double *month, size_t n)
{
    AIROI__ENTER();
    return airoi__db_batch(out, status_out, cost, salvage, life, period, month, n);
}

static int ddb_at(double *r, const elem_args *a, size_t i)
{
    return airoi__ddb(r, D(0), D(1), D(2), D(3), D(4));
}
static const elem_kind DDB = {"ddb_batch", 5, 0, {"cost", "salvage", "life", "period", "factor"},
                              ddb_at};

int airoi__ddb_batch(double *out, int32_t *status_out, const double *cost,
                     const double *salvage, const double *life, const double *period,
                     const double *factor, size_t n)
{
    const elem_args a = {{cost, salvage, life, period, factor}, NULL};
    return elem_run(&DDB, out, status_out, &a, n);
}

AIROI_API int airoi_ddb_batch(double *out, int32_t *status_out, const double *cost,
                              const double *salvage, const double *life, const double *period,
                              const double *factor, size_t n)
{
    AIROI__ENTER();
    return airoi__ddb_batch(out, status_out, cost, salvage, life, period, factor, n);
}
