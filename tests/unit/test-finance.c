/*
 * tests/unit/test-finance.c: the Excel-compatible finance kernels.
 *
 * Microsoft's documented examples, worked example 3, a reference
 * table computed by a spreadsheet engine (tests/data/finance/reference.csv,
 * see regen.sh there), edge cases, properties (NPV at the IRR is 0, TVM
 * round trips), batch = scalar, every root of airoi_irr_all(), and a few
 * white-box checks of the internal helpers.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "finance-private.h"

#ifndef FINANCE_REFERENCE
#  error "FINANCE_REFERENCE (path of tests/data/finance/reference.csv) is not defined"
#endif

/* A value an output must keep when a call fails. */
#define SENTINEL 123456.789

/* |a - b| <= rel * |b| + abs_tol */
/* The documented agreement of the batch forms with the scalar functions
 * (docs/methodology.md, 1.13): NPV and XNPV to 2^-44 relative; IRR and
 * XIRR to 1e-12 (1 + |r|). */
#define NPV_BATCH_TOL 0x1p-44
#define IRR_BATCH_TOL 1e-12

static int close_to(double a, double b, double rel, double abs_tol)
{
    return fabs(a - b) <= rel * fabs(b) + abs_tol;
}

/* NPV0 and the sum of |terms| computed the plain way (pow per term), as an
 * independent check of the library. */
static void plain_npv0(double *npv, double *scale, double rate, const double *v, size_t n)
{
    long double s = 0, m = 0;
    for (size_t i = 0; i < n; i++) {
        long double term = (long double)v[i] / powl(1.0L + (long double)rate, (long double)i);
        s += term;
        m += fabsl(term);
    }
    *npv = (double)s;
    *scale = (double)m;
}

static void plain_xnpv(double *npv, double *scale, double rate, const double *v,
                       const int32_t *d, size_t n)
{
    long double s = 0, m = 0;
    for (size_t i = 0; i < n; i++) {
        long double t = (long double)(d[i] - d[0]) / 365.0L;
        long double term = (long double)v[i] / powl(1.0L + (long double)rate, t);
        s += term;
        m += fabsl(term);
    }
    *npv = (double)s;
    *scale = (double)m;
}

/* ------------------------------------------------- Microsoft's examples */

START_TEST(ms_npv)
{
    /* support.microsoft.com, NPV function: example 1 and 2. */
    const double a[] = {-10000, 3000, 4200, 6800};
    double r;
    ck_assert_int_eq(airoi_npv(&r, 0.1, a, 4), AIROI_OK);
    ck_assert_double_eq_tol(r, 1188.44, 0.005);
    const double b[] = {8000, 9200, 10000, 12000, 14500, -9000};
    ck_assert_int_eq(airoi_npv(&r, 0.08, b, 5), AIROI_OK);
    ck_assert_double_eq_tol(r - 40000, 1922.06, 0.005);
    ck_assert_int_eq(airoi_npv(&r, 0.08, b, 6), AIROI_OK);
    ck_assert_double_eq_tol(r - 40000, -3749.47, 0.005);
    /* The t = 0 form is v0 + NPV(rest). */
    const double c[] = {-40000, 8000, 9200, 10000, 12000, 14500};
    ck_assert_int_eq(airoi_npv0(&r, 0.08, c, 6), AIROI_OK);
    ck_assert_double_eq_tol(r, 1922.06, 0.005);
}
END_TEST

static const double ms_xv[] = {-10000, 2750, 4250, 3250, 2750};
/* 2008-01-01, 2008-03-01, 2008-10-30, 2009-02-15, 2009-04-01 as Excel serials. */
static const int32_t ms_xd[] = {39448, 39508, 39751, 39859, 39904};

START_TEST(ms_xnpv_xirr)
{
    double r;
    ck_assert_int_eq(airoi_xnpv(&r, 0.09, ms_xv, ms_xd, 5), AIROI_OK);
    ck_assert_double_eq_tol(r, 2086.65, 0.005);
    ck_assert_int_eq(airoi_xirr(&r, ms_xv, ms_xd, 5, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.373362535, 5e-9);
    /* The same dates as day numbers (differences are what count). */
    int32_t d[5];
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(airoi_date_from_excel(&d[i], ms_xd[i], AIROI_DATE_1900), AIROI_OK);
    double r2;
    ck_assert_int_eq(airoi_xirr(&r2, ms_xv, d, 5, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r2, r, 1e-15);
}
END_TEST

START_TEST(ms_irr)
{
    const double v[] = {-70000, 12000, 15000, 18000, 21000, 26000};
    double r;
    ck_assert_int_eq(airoi_irr(&r, v, 5, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, -0.021, 0.0005);
    ck_assert_int_eq(airoi_irr(&r, v, 6, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.087, 0.0005);
    ck_assert_int_eq(airoi_irr(&r, v, 3, -0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, -0.444, 0.0005);
}
END_TEST

START_TEST(ms_mirr)
{
    const double v[] = {-120000, 39000, 30000, 21000, 37000, 46000};
    double r;
    ck_assert_int_eq(airoi_mirr(&r, v, 6, 0.10, 0.12), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.126094, 5e-7);
    ck_assert_int_eq(airoi_mirr(&r, v, 4, 0.10, 0.12), AIROI_OK);
    ck_assert_double_eq_tol(r, -0.048044655, 5e-10);
    ck_assert_int_eq(airoi_mirr(&r, v, 6, 0.10, 0.14), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.134759111, 5e-10);
}
END_TEST

START_TEST(ms_tvm)
{
    double r;
    /* PMT: 10,000 at 8% a year over 10 months. */
    ck_assert_int_eq(airoi_pmt(&r, 0.08 / 12, 10, 10000, 0, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, -1037.03, 0.005);
    ck_assert_int_eq(airoi_pmt(&r, 0.08 / 12, 10, 10000, 0, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, -1030.16, 0.005);
    /* PMT: save 50,000 in 18 years at 6%. */
    ck_assert_int_eq(airoi_pmt(&r, 0.06 / 12, 18 * 12, 0, 50000, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, -129.08, 0.005);
    /* PV: 500 a month for 20 years at 8%. */
    ck_assert_int_eq(airoi_pv(&r, 0.08 / 12, 12 * 20, 500, 0, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, -59777.15, 0.005);
    /* FV: the four examples. */
    ck_assert_int_eq(airoi_fv(&r, 0.06 / 12, 10, -200, -500, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, 2581.40, 0.005);
    ck_assert_int_eq(airoi_fv(&r, 0.12 / 12, 12, -1000, 0, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 12682.50, 0.005);
    ck_assert_int_eq(airoi_fv(&r, 0.11 / 12, 35, -2000, 0, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, 82846.25, 0.005);
    ck_assert_int_eq(airoi_fv(&r, 0.06 / 12, 12, -100, -1000, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, 2301.40, 0.005);
    /* NPER. */
    ck_assert_int_eq(airoi_nper(&r, 0.12 / 12, -100, -1000, 10000, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, 59.6738657, 5e-8);
    ck_assert_int_eq(airoi_nper(&r, 0.12 / 12, -100, -1000, 10000, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 60.0821229, 5e-8);
    ck_assert_int_eq(airoi_nper(&r, 0.12 / 12, -100, -1000, 0, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, -9.57859404, 5e-9);
    /* RATE: 8,000 repaid by 200 a month over 4 years. */
    ck_assert_int_eq(airoi_rate(&r, 4 * 12, -200, 8000, 0, 0, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.0077, 0.00005);
    ck_assert_double_eq_tol(r * 12, 0.0924, 0.00005);
}
END_TEST

/* ----------------------------------------------------- worked example 3 */

START_TEST(spec_example_3)
{
    const double net[] = {-350, 120, 340, 470};
    const double costs[] = {350, 180, 150, 150};
    double r;
    int reached = 0;
    ck_assert_int_eq(airoi_npv0(&r, 0.08, net, 4), AIROI_OK);
    ck_assert_double_eq_tol(r, 425.71, 0.005);
    ck_assert_int_eq(airoi_irr(&r, net, 4, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.5399, 5e-5);
    ck_assert_int_eq(airoi_payback(&r, &reached, net, 4), AIROI_OK);
    ck_assert_int_eq(reached, 1);
    ck_assert_double_eq_tol(r, 1.676, 5e-4);
    reached = 0;
    ck_assert_int_eq(airoi_discounted_payback(&r, &reached, 0.08, net, 4), AIROI_OK);
    ck_assert_int_eq(reached, 1);
    ck_assert_double_eq_tol(r, 1.820, 5e-4);
    ck_assert_int_eq(airoi_npv0(&r, 0.08, costs, 4), AIROI_OK);
    ck_assert_double_eq_tol(r, 350 + 180 / 1.08 + 150 / (1.08 * 1.08) + 150 / pow(1.08, 3),
                            1e-9);
    ck_assert_double_eq_tol(r, 764.34, 0.005);
    /* NPV-ROI = NPV / PV(costs) = 55.7%. */
    double npv;
    ck_assert_int_eq(airoi_npv0(&npv, 0.08, net, 4), AIROI_OK);
    ck_assert_double_eq_tol(npv / r, 0.557, 5e-4);
}
END_TEST

/* ------------------------------------------------------ reference table */

#define MAXV 256
#define MAXARR 3

typedef struct ref_case {
    char id[64];
    char func[16];
    double arr[MAXARR][MAXV];
    size_t alen[MAXARR];
    size_t narr;
    double sc[8];
    size_t nsc;
    char engine[64];
    char expect[32];
} ref_case;

/* Where several roots exist (expectation ANYROOT), the one libairoi's
 * Newton iteration reaches from the case's guess; the engine may have found
 * another. NaN for a case that has no pin (a new ANYROOT case needs one). */
static double anyroot_pin(const char *id)
{
    static const struct {
        const char *id;
        double root;
    } pins[] = {
        {"irr-multi-3", -0.024642854187216994},   /* the engine's too */
        {"irr-multi-10", -0.11681963476192893},   /* the engine: 0.74689927907200989 */
        {"irr-multi-11", 0.13546545761925252},    /* the engine's too */
        {"rate-type1-fv0", 0.9000000339451705},   /* the engine: -0.99999999999892933 */
    };
    for (size_t i = 0; i < sizeof pins / sizeof pins[0]; i++)
        if (!strcmp(pins[i].id, id))
            return pins[i].root;
    return (double)NAN;
}

static int parse_args(ref_case *c, char *s)
{
    c->narr = c->nsc = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        if (*s == '[') {
            if (c->narr == MAXARR)
                return -1;
            size_t k = c->narr++;
            c->alen[k] = 0;
            s++;
            while (*s && *s != ']') {
                char *end;
                double x = strtod(s, &end);
                if (end == s || c->alen[k] == MAXV)
                    return -1;
                c->arr[k][c->alen[k]++] = x;
                s = end;
                while (*s == ' ')
                    s++;
            }
            if (*s != ']')
                return -1;
            s++;
        } else {
            char *end;
            double x = strtod(s, &end);
            if (end == s || c->nsc == 8)
                return -1;
            c->sc[c->nsc++] = x;
            s = end;
        }
    }
    return 0;
}

static int parse_line(ref_case *c, char *line)
{
    char *f[5];
    int k = 0;
    char *p = line;
    for (; k < 5; k++) {
        f[k] = p;
        char *semi = strchr(p, ';');
        if (!semi) {
            k++;
            break;
        }
        *semi = '\0';
        p = semi + 1;
    }
    if (k != 5)
        return -1;
    snprintf(c->id, sizeof c->id, "%s", f[0]);
    snprintf(c->func, sizeof c->func, "%s", f[1]);
    snprintf(c->engine, sizeof c->engine, "%s", f[3]);
    snprintf(c->expect, sizeof c->expect, "%s", f[4]);
    return parse_args(c, f[2]);
}

static int is_root_finder(const char *func)
{
    return !strcmp(func, "irr") || !strcmp(func, "xirr") || !strcmp(func, "rate");
}

/* The status an engine error stands for, by function (header finance.h). */
static int status_of_error(const char *func)
{
    if (!strcmp(func, "irr") || !strcmp(func, "xirr") || !strcmp(func, "rate") ||
        !strcmp(func, "nper") || !strcmp(func, "mirr"))
        return AIROI_ERR_NO_SOLUTION;
    return AIROI_ERR_INVALID;
}

static int32_t dates_buf[MAXV];

/* Runs the case; writes the result and, for root finders, the relative
 * residual of the equation at it. */
static int run_case(const ref_case *c, double *out, double *residual)
{
    *residual = 0.0;
    const char *fn = c->func;
    if (c->narr >= 2)
        for (size_t i = 0; i < c->alen[1]; i++)
            dates_buf[i] = (int32_t)c->arr[1][i];
    if (!strcmp(fn, "npv"))
        return airoi_npv(out, c->sc[0], c->arr[0], c->alen[0]);
    if (!strcmp(fn, "npv0"))
        return airoi_npv0(out, c->sc[0], c->arr[0], c->alen[0]);
    if (!strcmp(fn, "xnpv"))
        return airoi_xnpv(out, c->sc[0], c->arr[0], dates_buf, c->alen[0]);
    if (!strcmp(fn, "mirr"))
        return airoi_mirr(out, c->arr[0], c->alen[0], c->sc[0], c->sc[1]);
    if (!strcmp(fn, "pmt"))
        return airoi_pmt(out, c->sc[0], c->sc[1], c->sc[2], c->sc[3], (int)c->sc[4]);
    if (!strcmp(fn, "pv"))
        return airoi_pv(out, c->sc[0], c->sc[1], c->sc[2], c->sc[3], (int)c->sc[4]);
    if (!strcmp(fn, "fv"))
        return airoi_fv(out, c->sc[0], c->sc[1], c->sc[2], c->sc[3], (int)c->sc[4]);
    if (!strcmp(fn, "nper"))
        return airoi_nper(out, c->sc[0], c->sc[1], c->sc[2], c->sc[3], (int)c->sc[4]);
    if (!strcmp(fn, "irr")) {
        int st = airoi_irr(out, c->arr[0], c->alen[0], c->sc[0]);
        if (st == AIROI_OK) {
            double f, m;
            plain_npv0(&f, &m, *out, c->arr[0], c->alen[0]);
            *residual = fabs(f) / m;
        }
        return st;
    }
    if (!strcmp(fn, "xirr")) {
        int st = airoi_xirr(out, c->arr[0], dates_buf, c->alen[0], c->sc[0]);
        if (st == AIROI_OK) {
            double f, m;
            plain_xnpv(&f, &m, *out, c->arr[0], dates_buf, c->alen[0]);
            *residual = fabs(f) / m;
        }
        return st;
    }
    if (!strcmp(fn, "rate")) {
        int st = airoi_rate(out, c->sc[0], c->sc[1], c->sc[2], c->sc[3], (int)c->sc[4],
                            c->sc[5]);
        if (st == AIROI_OK) {
            /* pv + pmt k (1 - (1+r)^-n)/r + fv (1+r)^-n, in long double. */
            long double r = (long double)*out, n = (long double)c->sc[0];
            long double k = c->sc[4] != 0 ? 1 + r : 1;
            long double a = expl(-n * log1pl(r));
            long double ann = r == 0 ? n : -expm1l(-n * log1pl(r)) / r;
            long double t1 = (long double)c->sc[2], t2 = (long double)c->sc[1] * k * ann,
                        t3 = (long double)c->sc[3] * a;
            *residual = (double)(fabsl(t1 + t2 + t3) / (fabsl(t1) + fabsl(t2) + fabsl(t3)));
        }
        return st;
    }
    ck_abort_msg("unknown function %s", fn);
    return AIROI_ERR_INTERNAL;
}

/* An absolute tolerance floor where the result cancels, so that the
 * engine's own rounding dominates: 1e-9 of the magnitude of the terms of
 * an NPV; for NPER, the engine takes ln((pmt k - fv r)/(pmt k + pv r)),
 * whose ratio is rounded near 1, so its result is only good to about
 * 1e-16 / ln(1 + rate) in absolute terms. */
static double value_floor(const ref_case *c)
{
    double f, m;
    const char *fn = c->func;
    if (!strcmp(fn, "npv") || !strcmp(fn, "npv0")) {
        plain_npv0(&f, &m, c->sc[0], c->arr[0], c->alen[0]);
        return 1e-9 * (!strcmp(fn, "npv") ? m / fabs(1 + c->sc[0]) : m);
    }
    if (!strcmp(fn, "xnpv")) {
        plain_xnpv(&f, &m, c->sc[0], c->arr[0], dates_buf, c->alen[0]);
        return 1e-9 * m;
    }
    if (!strcmp(fn, "nper") && c->sc[0] != 0.0)
        return 1e-15 / fabs(log1p(c->sc[0]));
    return 0.0;
}

START_TEST(reference_table)
{
    FILE *fp = fopen(FINANCE_REFERENCE, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", FINANCE_REFERENCE);
    static char line[65536];
    static ref_case c;
    int cases = 0, failures = 0, compared = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        ck_assert_msg(parse_line(&c, line) == 0, "bad reference line: %.80s", line);
        cases++;
        double out = SENTINEL, residual = 0.0;
        int st = run_case(&c, &out, &residual);
        int engine_number = c.engine[0] != '#';
        double ref = engine_number ? strtod(c.engine, NULL) : 0.0;
        int ok = 1;
        char why[160] = "";
        if (!strncmp(c.expect, "EXCEL=", 6)) {
            /* Excel's answer where the engine errs (e.g. MIRR of all-negative flows) */
            const double want = strtod(c.expect + 6, NULL);
            ok = st == AIROI_OK && close_to(out, want, 1e-9, 0.0);
            snprintf(why, sizeof why, "status %d, got %.17g, Excel %.17g", st, out, want);
        } else if (!strcmp(c.expect, "INVALID") || !strcmp(c.expect, "NO_SOLUTION")) {
            int want = c.expect[0] == 'I' ? AIROI_ERR_INVALID : AIROI_ERR_NO_SOLUTION;
            ok = st == want && out == SENTINEL;
            snprintf(why, sizeof why, "status %d, want %d", st, want);
        } else if (!strcmp(c.expect, "ROOT") || !strcmp(c.expect, "ANYROOT") ||
                   engine_number) {
            int root = c.expect[0] != '\0';
            if (st != AIROI_OK) {
                ok = 0;
                snprintf(why, sizeof why, "status %d (%s)", st, airoi_last_error_message());
            } else if (root && residual > 1e-8) {
                ok = 0;
                snprintf(why, sizeof why, "residual %g at %.17g", residual, out);
            } else if (!strcmp(c.expect, "ANYROOT")) {
                double pin = anyroot_pin(c.id);
                ok = !isnan(pin) && close_to(out, pin, 1e-9, 1e-12);
                snprintf(why, sizeof why, "got %.17g, pinned %.17g", out, pin);
            } else if (engine_number) {
                compared++;
                if (is_root_finder(c.func))
                    ok = close_to(out, ref, 1e-6, 1e-6 * 0.01);
                else
                    ok = close_to(out, ref, 1e-9, value_floor(&c));
                snprintf(why, sizeof why, "got %.17g, engine %.17g", out, ref);
            }
        } else {
            int want = status_of_error(c.func);
            ok = st == want && out == SENTINEL;
            snprintf(why, sizeof why, "status %d (%.17g), engine %s", st, out, c.engine);
        }
        if (!ok) {
            failures++;
            fprintf(stderr, "reference %s (%s): %s\n", c.id, c.func, why);
        }
    }
    fclose(fp);
    ck_assert_int_ge(cases, 400);
    ck_assert_int_ge(compared, 300);
    ck_assert_msg(failures == 0, "%d of %d reference cases disagree (see stderr)", failures,
                  cases);
}
END_TEST

/* ------------------------------------------------------------ edge cases */

START_TEST(edge_empty_and_short)
{
    const double v[] = {-1, 2};
    const int32_t d[] = {0, 365};
    double r = SENTINEL;
    int reached = 7;
    ck_assert_int_eq(airoi_npv(&r, 0.1, v, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_npv0(&r, 0.1, v, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xnpv(&r, 0.1, v, d, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr(&r, v, 1, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr(&r, v, 0, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xirr(&r, v, d, 1, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_mirr(&r, v, 1, 0.1, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_payback(&r, &reached, v, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_discounted_payback(&r, &reached, 0.1, v, 0), AIROI_ERR_INVALID);
    ck_assert_double_eq(r, SENTINEL);
    ck_assert_int_eq(reached, 7);
    /* One value. */
    ck_assert_int_eq(airoi_npv(&r, 0.25, v + 1, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, 1.6, 1e-15);
    ck_assert_int_eq(airoi_npv0(&r, 0.25, v + 1, 1), AIROI_OK);
    ck_assert_double_eq(r, 2.0);
    ck_assert_int_eq(airoi_xnpv(&r, 0.25, v + 1, d, 1), AIROI_OK);
    ck_assert_double_eq(r, 2.0);
    ck_assert_int_eq(airoi_payback(&r, &reached, v + 1, 1), AIROI_OK);
    ck_assert_int_eq(reached, 1);
    ck_assert_double_eq(r, 0.0);
    r = SENTINEL;
    ck_assert_int_eq(airoi_payback(&r, &reached, v, 1), AIROI_OK);
    ck_assert_int_eq(reached, 0);
    ck_assert_double_eq(r, SENTINEL);
    /* Two values: IRR of -1, 2 is 100%, XIRR over exactly 365 days too. */
    ck_assert_int_eq(airoi_irr(&r, v, 2, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 1.0, 1e-12);
    ck_assert_int_eq(airoi_xirr(&r, v, d, 2, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 1.0, 1e-12);
}
END_TEST

START_TEST(edge_one_sign)
{
    const double pos[] = {1, 2, 3, 0};
    const double neg[] = {-1, -2, 0, -3};
    const double zero[] = {0, 0, 0};
    const int32_t d[] = {0, 10, 20, 30};
    double r = SENTINEL, roots[4];
    size_t len = 99;
    ck_assert_int_eq(airoi_irr(&r, pos, 4, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "positive"));
    ck_assert_int_eq(airoi_irr(&r, neg, 4, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(airoi_irr(&r, zero, 3, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(airoi_xirr(&r, pos, d, 4, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(airoi_xirr(&r, neg, d, 4, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(airoi_mirr(&r, pos, 4, 0.1, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_double_eq(r, SENTINEL);
    /* No positive value: the FV is 0 and Excel's MIRR is 0^(1/(n-1)) - 1 = -1. */
    ck_assert_int_eq(airoi_mirr(&r, neg, 4, 0.1, 0.1), AIROI_OK);
    ck_assert_double_eq(r, -1.0);
    r = SENTINEL;
    ck_assert_int_eq(airoi_irr_all(roots, 4, &len, pos, 4, -0.99, 10), AIROI_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(airoi_irr_all(roots, 4, &len, zero, 3, -0.99, 10), AIROI_ERR_INVALID);
    /* Never paid back. */
    int reached = 5;
    ck_assert_int_eq(airoi_payback(&r, &reached, neg, 4), AIROI_OK);
    ck_assert_int_eq(reached, 0);
    ck_assert_double_eq(r, SENTINEL);
    ck_assert_int_eq(airoi_payback(&r, &reached, pos, 4), AIROI_OK);
    ck_assert_int_eq(reached, 1);
    ck_assert_double_eq(r, 0.0);
}
END_TEST

START_TEST(edge_sign_changes)
{
    /* (1 - 1.1x)(1 - 1.2x) with x = 1/(1+r): IRRs 10% and 20%. Newton goes
     * to the root of its basin, as in Excel. */
    const double v[] = {-100, 230, -132};
    double r;
    ck_assert_int_eq(airoi_irr(&r, v, 3, 0.05), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.1, 1e-12);
    ck_assert_int_eq(airoi_irr(&r, v, 3, 0.3), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.2, 1e-12);
    /* No real root at all: -1 + 1x - 1x^2 < 0. */
    const double none[] = {-1, 1, -1};
    r = SENTINEL;
    ck_assert_int_eq(airoi_irr(&r, none, 3, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_double_eq(r, SENTINEL);
    /* Three roots, 0%, 50%, 100%: (1 - x)(1 - 1.5x)(1 - 2x). Newton returns
     * the root its guess leads to: 0% from guesses up to 0, 50% from 0.25
     * and 0.5 (0.25 lies halfway between 0% and 50%), 100% from 0.75 on. */
    const double three[] = {1, -4.5, 6.5, -3};
    for (double g = -0.5; g < 3; g += 0.25) {
        double want = g <= 0 ? 0 : g <= 0.5 ? 0.5 : 1;
        ck_assert_int_eq(airoi_irr(&r, three, 4, g), AIROI_OK);
        ck_assert_msg(fabs(r - want) < 1e-10, "guess %g gave %.17g, not %g", g, r, want);
    }
    /* A double root (touches zero without a sign change). */
    const double twice[] = {1, -2, 1};
    ck_assert_int_eq(airoi_irr(&r, twice, 3, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.0, 1e-7);
}
END_TEST

START_TEST(edge_near_minus_one)
{
    double r, f, m;
    /* IRR of -1000, 1, 1 is about -96.8%. */
    const double a[] = {-1000, 1, 1};
    ck_assert_int_eq(airoi_irr(&r, a, 3, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, -0.9678732707982631, 1e-12);
    /* -1, 1e-6: r = 1e-6 - 1; Newton from 0.1 leaves the domain, the
     * bracketing fallback finds it. */
    const double b[] = {-1, 1e-6};
    ck_assert_int_eq(airoi_irr(&r, b, 2, 0.1), AIROI_OK);
    ck_assert(close_to(1 + r, 1e-6, 1e-9, 0));
    /* Steps towards -1 are halved: guess near -1 too. */
    ck_assert_int_eq(airoi_irr(&r, b, 2, -0.999999999), AIROI_OK);
    ck_assert(close_to(1 + r, 1e-6, 1e-9, 0));
    /* NPV at rates near -1. */
    const double c[] = {1, 1, 1};
    ck_assert_int_eq(airoi_npv0(&r, -0.999, c, 3), AIROI_OK);
    plain_npv0(&f, &m, -0.999, c, 3);
    ck_assert(close_to(r, f, 1e-12, 0));
    /* Too close to -1 for 150 periods: the result overflows. */
    double long_v[150];
    for (int i = 0; i < 150; i++)
        long_v[i] = 1;
    r = SENTINEL;
    ck_assert_int_eq(airoi_npv0(&r, -0.999, long_v, 150), AIROI_ERR_RANGE);
    ck_assert_double_eq(r, SENTINEL);
    /* A rate of -1 is refused (1 + rate is 0); below -1 NPV has whole
     * powers and is computed, as in Excel, XNPV's fractional ones are not. */
    ck_assert_int_eq(airoi_npv(&r, -1, c, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_npv0(&r, -1.5, c, 3), AIROI_OK);
    ck_assert_double_eq_tol(r, c[0] - 2.0 * c[1] + 4.0 * c[2], 1e-12 * fabs(r) + 1e-300);
    r = SENTINEL;
    const int32_t cd[3] = {0, 100, 200};
    ck_assert_int_eq(airoi_xnpv(&r, -1.5, c, cd, 3), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "-1.5"));
    ck_assert_int_eq(airoi_irr(&r, a, 3, -1), AIROI_ERR_INVALID);
    ck_assert_double_eq(r, SENTINEL);
}
END_TEST

START_TEST(edge_long_and_magnitudes)
{
    /* 150 periods: -1000 then 10 a period; IRR solves 1000 = 10 a(149). */
    double v[150];
    v[0] = -1000;
    for (int i = 1; i < 150; i++)
        v[i] = 10;
    double r, f, m;
    ck_assert_int_eq(airoi_irr(&r, v, 150, 0.1), AIROI_OK);
    plain_npv0(&f, &m, r, v, 150);
    ck_assert(fabs(f) <= 1e-12 * m);
    double npv;
    ck_assert_int_eq(airoi_npv0(&npv, 0.01, v, 150), AIROI_OK);
    plain_npv0(&f, &m, 0.01, v, 150);
    ck_assert(close_to(npv, f, 1e-13, 0));
    /* The IRR does not depend on the scale of the flows: 1e-6 .. 1e12. */
    const double base[] = {-350, 120, 340, 470};
    double ref;
    ck_assert_int_eq(airoi_irr(&ref, base, 4, 0.1), AIROI_OK);
    for (double s = 1e-9; s <= 1e10; s *= 1000) {
        double w[4];
        for (int i = 0; i < 4; i++)
            w[i] = base[i] * s;
        ck_assert_int_eq(airoi_irr(&r, w, 4, 0.1), AIROI_OK);
        ck_assert_double_eq_tol(r, ref, 1e-13);
        ck_assert_int_eq(airoi_npv0(&npv, 0.08, w, 4), AIROI_OK);
        plain_npv0(&f, &m, 0.08, w, 4);
        ck_assert(close_to(npv, f, 1e-13, 0));
        ck_assert(close_to(npv / s, 425.7074630, 1e-9, 0));
    }
    /* Mixed magnitudes in one schedule: 1e-6 against 1e12. */
    const double mixed[] = {-1e12, 1e-6, 3e11, 4e11, 5e11, 1e-6};
    ck_assert_int_eq(airoi_irr(&r, mixed, 6, 0.1), AIROI_OK);
    plain_npv0(&f, &m, r, mixed, 6);
    ck_assert(fabs(f) <= 1e-12 * m);
    /* A huge IRR: -1e-6 then 1e12 is a 1e18-fold return. */
    const double huge[] = {-1e-6, 1e12};
    ck_assert_int_eq(airoi_irr(&r, huge, 2, 0.1), AIROI_OK);
    ck_assert(close_to(r, 1e18, 1e-9, 0));
}
END_TEST

START_TEST(edge_nonfinite_rejected)
{
    const double inf = HUGE_VAL, nan = (double)NAN;
    double v[] = {-100, 60, 70};
    const int32_t d[] = {0, 100, 400};
    double r = SENTINEL, roots[4];
    size_t len = 77;
    int reached = 9;
    const double bad[] = {nan, inf, -inf};
    for (int b = 0; b < 3; b++) {
        const double x = bad[b];
        /* Bad scalar arguments. */
        ck_assert_int_eq(airoi_npv(&r, x, v, 3), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_npv0(&r, x, v, 3), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_xnpv(&r, x, v, d, 3), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_irr(&r, v, 3, x), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_xirr(&r, v, d, 3, x), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_mirr(&r, v, 3, x, 0.1), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_mirr(&r, v, 3, 0.1, x), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_irr_all(roots, 4, &len, v, 3, x, 1), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_irr_all(roots, 4, &len, v, 3, 0, x), AIROI_ERR_INVALID);
        ck_assert_int_eq(airoi_discounted_payback(&r, &reached, x, v, 3), AIROI_ERR_INVALID);
        for (int arg = 0; arg < 4; arg++) {
            double a[4] = {0.05, 10, -100, 50};
            a[arg] = x;
            ck_assert_int_eq(airoi_pmt(&r, a[0], a[1], a[2], a[3], 0), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_pv(&r, a[0], a[1], a[2], a[3], 0), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_fv(&r, a[0], a[1], a[2], a[3], 0), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_nper(&r, a[0], a[2], a[3], a[1], 0), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_rate(&r, a[1], a[2], a[3], a[0], 0, 0.1),
                             AIROI_ERR_INVALID);
        }
        ck_assert_int_eq(airoi_rate(&r, 10, -10, 50, 0, 0, x), AIROI_ERR_INVALID);
        /* A bad value in the middle of the flows. */
        for (size_t pos = 0; pos < 3; pos++) {
            double w[3] = {-100, 60, 70};
            w[pos] = x;
            ck_assert_int_eq(airoi_npv(&r, 0.1, w, 3), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_npv0(&r, 0.1, w, 3), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_xnpv(&r, 0.1, w, d, 3), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_irr(&r, w, 3, 0.1), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_xirr(&r, w, d, 3, 0.1), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_mirr(&r, w, 3, 0.1, 0.1), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_payback(&r, &reached, w, 3), AIROI_ERR_INVALID);
            ck_assert_int_eq(airoi_irr_all(roots, 4, &len, w, 3, 0, 1), AIROI_ERR_INVALID);
        }
    }
    ck_assert_double_eq(r, SENTINEL);
    ck_assert_uint_eq(len, 77);
    ck_assert_int_eq(reached, 9);
    /* Results never overflow into infinity: RANGE instead. */
    ck_assert_int_eq(airoi_fv(&r, 1e6, 1e6, -1, 0, 0), AIROI_ERR_RANGE);
    ck_assert_int_eq(airoi_pv(&r, -0.999999, 1e6, 0, 1, 0), AIROI_ERR_RANGE);
    ck_assert_double_eq(r, SENTINEL);
    /* ... while huge rates with finite answers are fine. */
    ck_assert_int_eq(airoi_pv(&r, 1e6, 1e6, -1, 0, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 1e-6, 1e-18);
}
END_TEST

START_TEST(edge_null_rejected)
{
    const double v[] = {-100, 60, 70};
    const int32_t d[] = {0, 100, 400};
    double r = SENTINEL, roots[4];
    size_t len = 0;
    int reached = 0;
    ck_assert_int_eq(airoi_npv(NULL, 0.1, v, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_npv(&r, 0.1, NULL, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_npv0(NULL, 0.1, v, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_npv0(&r, 0.1, NULL, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xnpv(NULL, 0.1, v, d, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xnpv(&r, 0.1, NULL, d, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xnpv(&r, 0.1, v, NULL, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr(NULL, v, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr(&r, NULL, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xirr(NULL, v, d, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xirr(&r, NULL, d, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xirr(&r, v, NULL, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_mirr(NULL, v, 3, 0.1, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_mirr(&r, NULL, 3, 0.1, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_pmt(NULL, 0.1, 10, 100, 0, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_pv(NULL, 0.1, 10, 100, 0, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_fv(NULL, 0.1, 10, 100, 0, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_nper(NULL, 0.1, -10, 100, 0, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_rate(NULL, 10, -10, 100, 0, 0, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_payback(NULL, &reached, v, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_payback(&r, NULL, v, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_payback(&r, &reached, NULL, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_discounted_payback(NULL, &reached, 0.1, v, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_discounted_payback(&r, NULL, 0.1, v, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr_all(NULL, 4, &len, v, 3, 0, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr_all(roots, 4, NULL, v, 3, 0, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr_all(roots, 4, &len, NULL, 3, 0, 1), AIROI_ERR_INVALID);
    ck_assert_double_eq(r, SENTINEL);
    ck_assert_str_ne(airoi_last_error_message(), "");
    /* roots may be NULL with cap 0: a size query, which succeeds; a
     * buffer too small does not. */
    len = 0;
    ck_assert_int_eq(airoi_irr_all(NULL, 0, &len, v, 3, -0.5, 1), AIROI_OK);
    ck_assert_uint_eq(len, 1);
    len = 0;
    ck_assert_int_eq(airoi_irr_all(roots, 0, &len, v, 3, -0.5, 1), AIROI_ERR_BUFFER);
    ck_assert_uint_eq(len, 1);
}
END_TEST

START_TEST(edge_dates)
{
    /* A date before the first is refused (Excel's #NUM!); later dates may
     * come in any order; equal dates are allowed. */
    const double v[] = {-100, 50, 60};
    const int32_t before[] = {1000, 999, 1400};
    const int32_t any_order[] = {1000, 1400, 1200};
    const int32_t sorted[] = {1000, 1200, 1400};
    const double vs[] = {-100, 60, 50};
    double r = SENTINEL, a, b;
    ck_assert_int_eq(airoi_xnpv(&r, 0.1, v, before, 3), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "999"));
    ck_assert_int_eq(airoi_xirr(&r, v, before, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_double_eq(r, SENTINEL);
    ck_assert_int_eq(airoi_xnpv(&a, 0.1, v, any_order, 3), AIROI_OK);
    ck_assert_int_eq(airoi_xnpv(&b, 0.1, vs, sorted, 3), AIROI_OK);
    ck_assert_double_eq_tol(a, b, 1e-12);
    ck_assert_int_eq(airoi_xirr(&a, v, any_order, 3, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_xirr(&b, vs, sorted, 3, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(a, b, 1e-12);
    /* Day numbers far apart do not overflow the date difference. */
    const int32_t far[] = {INT32_MIN + 5, INT32_MIN + 5 + 365, INT32_MAX};
    ck_assert_int_eq(airoi_xnpv(&a, 0.0, v, far, 3), AIROI_OK);
    ck_assert_double_eq_tol(a, 10, 1e-12);
    /* XIRR with every date equal has no rate to find. */
    const int32_t same[] = {5, 5, 5};
    ck_assert_int_eq(airoi_xirr(&r, v, same, 3, 0.1), AIROI_ERR_NO_SOLUTION);
}
END_TEST

START_TEST(edge_tvm)
{
    double r;
    /* Rate 0: the plain sums. */
    ck_assert_int_eq(airoi_pmt(&r, 0, 10, 1000, 0, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, -100, 1e-12);
    ck_assert_int_eq(airoi_pmt(&r, 0, 10, 1000, 500, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, -150, 1e-12);
    ck_assert_int_eq(airoi_pv(&r, 0, 10, -100, 50, 1), AIROI_OK);
    ck_assert_double_eq_tol(r, 950, 1e-12);
    ck_assert_int_eq(airoi_fv(&r, 0, 10, -100, -50, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 1050, 1e-12);
    ck_assert_int_eq(airoi_nper(&r, 0, -100, 1000, 0, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 10, 1e-12);
    /* A tiny rate is continuous with rate 0 (no cancellation). */
    double r0, r1;
    ck_assert_int_eq(airoi_pmt(&r0, 0, 360, 1e5, 0, 0), AIROI_OK);
    ck_assert_int_eq(airoi_pmt(&r1, 1e-13, 360, 1e5, 0, 0), AIROI_OK);
    ck_assert(close_to(r1, r0, 1e-9, 0));
    ck_assert_int_eq(airoi_fv(&r0, 0, 360, -1, 0, 1), AIROI_OK);
    ck_assert_int_eq(airoi_fv(&r1, 1e-13, 360, -1, 0, 1), AIROI_OK);
    ck_assert(close_to(r1, r0, 1e-9, 0));
    /* Any non-zero type means "at the beginning", as in Excel. */
    double t1, t2, tm;
    ck_assert_int_eq(airoi_pmt(&t1, 0.01, 12, 1000, 0, 1), AIROI_OK);
    ck_assert_int_eq(airoi_pmt(&t2, 0.01, 12, 1000, 0, 2), AIROI_OK);
    ck_assert_int_eq(airoi_pmt(&tm, 0.01, 12, 1000, 0, -1), AIROI_OK);
    ck_assert_double_eq(t1, t2);
    ck_assert_double_eq(t1, tm);
    ck_assert_int_eq(airoi_rate(&t1, 12, -90, 1000, 0, 1, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_rate(&t2, 12, -90, 1000, 0, 7, 0.1), AIROI_OK);
    ck_assert_double_eq(t1, t2);
    /* Negative and fractional nper are computed, as in Excel. */
    ck_assert_int_eq(airoi_pv(&r, 0.1, -2, 0, 121, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, -146.41, 1e-9);
    ck_assert_int_eq(airoi_fv(&r, 0.21, 0.5, 0, -100, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 110, 1e-9);
    /* Errors. */
    r = SENTINEL;
    ck_assert_int_eq(airoi_pmt(&r, 0.1, 0, 100, 0, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_nper(&r, 0, 0, 100, 0, 0), AIROI_ERR_NO_SOLUTION);
    /* A payment below the interest never repays the loan. */
    ck_assert_int_eq(airoi_nper(&r, 0.1, -50, 1000, 0, 0), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(airoi_nper(&r, 0.1, -100, 1000, 0, 0), AIROI_ERR_NO_SOLUTION);
    ck_assert_int_eq(airoi_rate(&r, 0, -10, 100, 0, 0, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_rate(&r, -3, -10, 100, 0, 0, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_rate(&r, 10, -10, 100, 0, 0, -1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_rate(&r, 10, 100, 1000, 100, 0, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_double_eq(r, SENTINEL);
    /* RATE: loans at assorted rates, periods and types come back. */
    const double rates[] = {-0.5, -0.01, 0, 1e-7, 0.004, 0.05, 0.5, 3};
    const double npers[] = {1, 2, 12, 60, 360, 0.5, 7.5};
    for (size_t i = 0; i < sizeof rates / sizeof *rates; i++)
        for (size_t k = 0; k < sizeof npers / sizeof *npers; k++)
            for (int type = 0; type < 2; type++) {
                double pmt, got;
                ck_assert_int_eq(airoi_pmt(&pmt, rates[i], npers[k], 1e5, -2e4, type),
                                 AIROI_OK);
                ck_assert_int_eq(airoi_rate(&got, npers[k], pmt, 1e5, -2e4, type, 0.1),
                                 AIROI_OK);
                ck_assert_msg(fabs(got - rates[i]) <= 1e-9 * (1 + fabs(rates[i])),
                              "rate %g nper %g type %d: got %.17g", rates[i], npers[k], type,
                              got);
            }
}
END_TEST

START_TEST(edge_untouched_on_failure)
{
    double out[3] = {SENTINEL, SENTINEL, SENTINEL};
    int32_t st[3] = {42, 42, 42};
    const double v[] = {1, 2, 3};
    /* Batch argument errors touch nothing. */
    ck_assert_int_eq(airoi_npv_batch(out, st, 0.1, v, 3, 0, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_npv_batch(out, st, 0.1, v, 1, 3, 4), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_npv_batch(out, st, 0.1, v, SIZE_MAX, 3, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr_batch(out, st, v, 1, 1, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr_batch(out, st, v, SIZE_MAX / 2, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xirr_batch(out, st, v, NULL, 1, 3, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xnpv_batch(out, st, 0.1, v, NULL, 1, 3), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_payback_batch(out, st, v, 1, 0), AIROI_ERR_INVALID);
    for (int i = 0; i < 3; i++) {
        ck_assert_double_eq(out[i], SENTINEL);
        ck_assert_int_eq(st[i], 42);
    }
    /* A successful call leaves the previous message as it was. */
    double r;
    ck_assert_str_eq(airoi_last_error_message(), "payback_batch: cols is 0");
    ck_assert_int_eq(airoi_npv(&r, 0.1, v, 3), AIROI_OK);
    ck_assert_str_eq(airoi_last_error_message(), "payback_batch: cols is 0");
    /* Zero rows: nothing to do, nothing written. */
    ck_assert_int_eq(airoi_npv_batch(NULL, NULL, 0.1, NULL, 0, 3, 0), AIROI_OK);
    ck_assert_int_eq(airoi_irr_batch(NULL, NULL, NULL, 0, 3, 0.1), AIROI_OK);
}
END_TEST

/* ------------------------------------------------------------ properties */

/* A small deterministic generator (xorshift64*) for property tests. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static double uniform(double lo, double hi)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    uint64_t x = rng_state * 0x2545F4914F6CDD1Dull;
    return lo + (hi - lo) * ((double)(x >> 11) / 9007199254740992.0);
}

START_TEST(prop_npv_zero_at_irr)
{
    double v[130];
    int found = 0;
    for (int trial = 0; trial < 300; trial++) {
        size_t n = 2 + (size_t)uniform(0, 128);
        double mag = pow(10.0, uniform(-6, 12));
        size_t k = 1 + (size_t)uniform(0, (double)n / 2);
        for (size_t i = 0; i < n; i++)
            v[i] = i < k ? -mag * uniform(0.5, 2) : mag * uniform(0, 1);
        double r, npv, f, m;
        int st = airoi_irr(&r, v, n, 0.1);
        if (st == AIROI_ERR_NO_SOLUTION)
            continue; /* only if the root is below the doubles above -1 */
        ck_assert_int_eq(st, AIROI_OK);
        found++;
        ck_assert(r > -1);
        plain_npv0(&f, &m, r, v, n);
        ck_assert_msg(fabs(f) <= 1e-9 * m, "trial %d: npv %g of %g at %.17g", trial, f, m, r);
        ck_assert_int_eq(airoi_npv0(&npv, r, v, n), AIROI_OK);
        ck_assert(fabs(npv) <= 1e-9 * m);
        /* Excel's NPV discounts once more: NPV(irr, v) = 0 too. */
        ck_assert_int_eq(airoi_npv(&npv, r, v, n), AIROI_OK);
        ck_assert(fabs(npv) <= 1e-9 * m);
    }
    ck_assert_int_ge(found, 290);
}
END_TEST

START_TEST(prop_xnpv_zero_at_xirr)
{
    double v[60];
    int32_t d[60];
    int found = 0;
    for (int trial = 0; trial < 200; trial++) {
        size_t n = 2 + (size_t)uniform(0, 58);
        double mag = pow(10.0, uniform(-6, 12));
        d[0] = (int32_t)uniform(30000, 50000);
        for (size_t i = 0; i < n; i++) {
            v[i] = i == 0 ? -mag : mag * uniform(-0.2, 1) / (double)n * 3;
            if (i > 0)
                d[i] = d[i - 1] + (int32_t)uniform(1, 200);
        }
        double r, x, f, m;
        int st = airoi_xirr(&r, v, d, n, 0.1);
        if (st == AIROI_ERR_NO_SOLUTION)
            continue;
        ck_assert_int_eq(st, AIROI_OK);
        found++;
        plain_xnpv(&f, &m, r, v, d, n);
        ck_assert_msg(fabs(f) <= 1e-9 * m, "trial %d: xnpv %g of %g at %.17g", trial, f, m, r);
        ck_assert_int_eq(airoi_xnpv(&x, r, v, d, n), AIROI_OK);
        ck_assert(fabs(x) <= 1e-9 * m);
    }
    ck_assert_int_ge(found, 150);
}
END_TEST

START_TEST(prop_tvm_round_trips)
{
    for (int trial = 0; trial < 2000; trial++) {
        double rate = trial % 7 == 0 ? 0.0 : uniform(-0.3, 0.5);
        double nper = trial % 3 == 0 ? floor(uniform(1, 400)) : uniform(0.5, 60);
        double pv = uniform(-1e6, 1e6), fv = uniform(-1e5, 1e5);
        int type = trial % 2;
        double pmt, pv2, fv2, pmt2, n2, r2;
        ck_assert_int_eq(airoi_pmt(&pmt, rate, nper, pv, fv, type), AIROI_OK);
        /* The five values satisfy the annuity equation, whichever is solved for. */
        ck_assert_int_eq(airoi_pv(&pv2, rate, nper, pmt, fv, type), AIROI_OK);
        double scale = fabs(pv) + fabs(fv) * pow(1 + rate, -nper) +
                       fabs(pmt) * nper * fmax(1.0, pow(1 + rate, -nper));
        ck_assert_msg(fabs(pv2 - pv) <= 1e-9 * scale, "pv %.17g vs %.17g", pv2, pv);
        ck_assert_int_eq(airoi_fv(&fv2, rate, nper, pmt, pv, type), AIROI_OK);
        double fscale = fabs(fv) + fabs(pv) * pow(1 + rate, nper) +
                        fabs(pmt) * nper * fmax(1.0, pow(1 + rate, nper));
        ck_assert_msg(fabs(fv2 - fv) <= 1e-9 * fscale, "fv %.17g vs %.17g", fv2, fv);
        ck_assert_int_eq(airoi_pmt(&pmt2, rate, nper, pv2, fv2, type), AIROI_OK);
        ck_assert(fabs(pmt2 - pmt) <= 1e-6 * (fabs(pmt) + 1e-3));
        /* Solving for nper or rate is hopeless where (1+rate)^nper is so
         * large that the equation no longer depends on them. */
        if (fabs(pmt) > 1e-3 * (fabs(pv) + fabs(fv)) / nper &&
            fabs(nper * log1p(rate)) < 25) {
            /* NPER is ill-conditioned when pmt is close to the interest: check
             * that its answer satisfies the equation rather than equals nper. */
            ck_assert_int_eq(airoi_nper(&n2, rate, pmt, pv, fv, type), AIROI_OK);
            double pvn;
            ck_assert_int_eq(airoi_pv(&pvn, rate, n2, pmt, fv, type), AIROI_OK);
            double sn = fabs(pv) + fabs(fv) * pow(1 + rate, -n2) +
                        fabs(pmt) * n2 * fmax(1.0, pow(1 + rate, -n2));
            ck_assert_msg(fabs(pvn - pv) <= 1e-9 * sn, "nper %.17g vs %.17g", n2, nper);
            ck_assert_int_eq(airoi_rate(&r2, nper, pmt, pv, fv, type, 0.1), AIROI_OK);
            /* RATE may find another root of the same equation: check it. */
            double pv3;
            ck_assert_int_eq(airoi_pv(&pv3, r2, nper, pmt, fv, type), AIROI_OK);
            double s3 = fabs(pv) + fabs(fv) * pow(1 + r2, -nper) +
                        fabs(pmt) * nper * fmax(1.0, pow(1 + r2, -nper));
            ck_assert_msg(fabs(pv3 - pv) <= 1e-7 * s3, "rate %.17g for %.17g", r2, rate);
        }
    }
}
END_TEST

START_TEST(prop_payback)
{
    /* Payback is where the linearly interpolated cumulative crosses zero. */
    double v[40];
    for (int trial = 0; trial < 500; trial++) {
        size_t n = 1 + (size_t)uniform(0, 39);
        for (size_t i = 0; i < n; i++)
            v[i] = uniform(-100, 60);
        double p = SENTINEL;
        int reached = -1;
        ck_assert_int_eq(airoi_payback(&p, &reached, v, n), AIROI_OK);
        double cum = 0, prev = 0;
        size_t t = 0;
        for (; t < n; t++) {
            prev = cum;
            cum += v[t];
            if (cum >= 0)
                break;
        }
        if (t == n) {
            ck_assert_int_eq(reached, 0);
            ck_assert_double_eq(p, SENTINEL);
        } else {
            ck_assert_int_eq(reached, 1);
            double want = t == 0 ? 0 : (double)(t - 1) + -prev / v[t];
            ck_assert_double_eq_tol(p, want, 1e-9);
            ck_assert(p <= (double)t && p >= (t ? (double)t - 1 : 0));
        }
        /* Discounted at 0 is the simple payback. */
        double q = SENTINEL;
        int r2 = -1;
        ck_assert_int_eq(airoi_discounted_payback(&q, &r2, 0.0, v, n), AIROI_OK);
        ck_assert_int_eq(r2, reached);
        if (reached)
            ck_assert_double_eq_tol(q, p, 1e-12);
    }
}
END_TEST

/* ----------------------------------------------------------------- batch */

START_TEST(batch_equals_scalar)
{
    enum { ROWS = 257, COLS = 12 };
    static double v[ROWS * COLS];
    int32_t d[COLS];
    for (int j = 0; j < COLS; j++)
        d[j] = 40000 + 30 * j + (j * j) % 7;
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++)
            v[i * COLS + j] = j < 2 ? -uniform(50, 150) : uniform(1, 40);
    /* Failing rows: all positive, a NaN. */
    for (int j = 0; j < COLS; j++)
        v[5 * COLS + j] = 1;
    v[9 * COLS + 3] = (double)NAN;
    static double out[ROWS];
    static int32_t st[ROWS];
    ck_assert_int_eq(airoi_npv_batch(out, st, 0.07, v, ROWS, COLS, AIROI_NPV_EXCEL),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "row 9"));
    for (int i = 0; i < ROWS; i++) {
        double r = SENTINEL;
        int s = airoi_npv(&r, 0.07, v + i * COLS, COLS);
        ck_assert_int_eq(st[i], s);
        ck_assert(s ? out[i] == 0.0 : close_to(out[i], r, NPV_BATCH_TOL, 0.0));
    }
    ck_assert_int_eq(airoi_npv_batch(out, NULL, 0.07, v, ROWS, COLS, AIROI_NPV_START_AT_ZERO),
                     AIROI_ERR_INVALID);
    for (int i = 0; i < ROWS; i++) {
        double r = SENTINEL;
        int s = airoi_npv0(&r, 0.07, v + i * COLS, COLS);
        ck_assert(s ? out[i] == 0.0 : close_to(out[i], r, NPV_BATCH_TOL, 0.0));
    }
    /* IRR: the first failing row's status (row 5: no solution). */
    ck_assert_int_eq(airoi_irr_batch(out, st, v, ROWS, COLS, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "row 5"));
    for (int i = 0; i < ROWS; i++) {
        double r = SENTINEL;
        int s = airoi_irr(&r, v + i * COLS, COLS, 0.1);
        ck_assert_int_eq(st[i], s);
        ck_assert(s ? out[i] == 0.0 : close_to(out[i], r, IRR_BATCH_TOL, IRR_BATCH_TOL));
    }
    ck_assert_int_eq(airoi_xnpv_batch(out, st, 0.09, v, d, ROWS, COLS), AIROI_ERR_INVALID);
    for (int i = 0; i < ROWS; i++) {
        double r = SENTINEL;
        int s = airoi_xnpv(&r, 0.09, v + i * COLS, d, COLS);
        ck_assert_int_eq(st[i], s);
        ck_assert(s ? out[i] == 0.0 : close_to(out[i], r, NPV_BATCH_TOL, 0.0));
    }
    ck_assert_int_eq(airoi_xirr_batch(out, st, v, d, ROWS, COLS, 0.1), AIROI_ERR_NO_SOLUTION);
    for (int i = 0; i < ROWS; i++) {
        double r = SENTINEL;
        int s = airoi_xirr(&r, v + i * COLS, d, COLS, 0.1);
        ck_assert_int_eq(st[i], s);
        ck_assert(s ? out[i] == 0.0 : close_to(out[i], r, IRR_BATCH_TOL, IRR_BATCH_TOL));
    }
    ck_assert_int_eq(airoi_payback_batch(out, st, v, ROWS, COLS), AIROI_ERR_INVALID);
    for (int i = 0; i < ROWS; i++) {
        double r = SENTINEL;
        int reached = 0;
        int s = airoi_payback(&r, &reached, v + i * COLS, COLS);
        ck_assert_int_eq(st[i], s ? 0 : reached);
        ck_assert_double_eq(out[i], s || !reached ? 0.0 : r);
    }
    /* Without the failing rows, every batch succeeds, and leaves the
     * message of the last failure as it was. */
    char before[1024];
    snprintf(before, sizeof before, "%s", airoi_last_error_message());
    ck_assert_str_ne(before, "");
    ck_assert_int_eq(airoi_irr_batch(out, NULL, v + 10 * COLS, ROWS - 10, COLS, 0.1),
                     AIROI_OK);
    ck_assert_str_eq(airoi_last_error_message(), before);
    ck_assert_int_eq(airoi_xirr_batch(out, NULL, v + 10 * COLS, d, ROWS - 10, COLS, 0.1),
                     AIROI_OK);
    /* Shared arguments that are wrong fail every row. */
    ck_assert_int_eq(airoi_npv_batch(out, st, -1, v, 3, COLS, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(st[0], AIROI_ERR_INVALID);
    ck_assert_int_eq(st[2], AIROI_ERR_INVALID);
    int32_t bad[COLS];
    memcpy(bad, d, sizeof bad);
    bad[4] = d[0] - 1;
    ck_assert_int_eq(airoi_xnpv_batch(out, st, 0.1, v, bad, 3, COLS), AIROI_ERR_INVALID);
    ck_assert_int_eq(st[1], AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xirr_batch(out, st, v, bad, 3, COLS, 0.1), AIROI_ERR_INVALID);
    ck_assert_int_eq(st[2], AIROI_ERR_INVALID);
    ck_assert_double_eq(out[2], 0.0);
}
END_TEST

/* Random and adversarial rows through every batch form with a fast path:
 * each row's status is the scalar call's, and its value is within the
 * documented tolerance of the scalar value (docs/methodology.md, 1.13). */
static void check_batch_rows(const double *v, size_t rows, size_t cols, const int32_t *d)
{
    double out[64];
    int32_t st[64];
    ck_assert_uint_le(rows, 64);
    const double rates[] = {0.07, -0.5, 0.0, 3.0};
    for (size_t q = 0; q < sizeof rates / sizeof rates[0]; q++) {
        airoi_npv_batch(out, st, rates[q], v, rows, cols, AIROI_NPV_EXCEL);
        for (size_t i = 0; i < rows; i++) {
            double r = SENTINEL;
            int s = airoi_npv(&r, rates[q], v + i * cols, cols);
            ck_assert_int_eq(st[i], s);
            ck_assert_msg(s ? out[i] == 0.0 : close_to(out[i], r, NPV_BATCH_TOL, 0.0),
                          "npv row %zu rate %g: %.17g vs %.17g", i, rates[q], out[i], r);
        }
        airoi_xnpv_batch(out, st, rates[q], v, d, rows, cols);
        for (size_t i = 0; i < rows; i++) {
            double r = SENTINEL;
            int s = airoi_xnpv(&r, rates[q], v + i * cols, d, cols);
            ck_assert_int_eq(st[i], s);
            ck_assert_msg(s ? out[i] == 0.0 : close_to(out[i], r, NPV_BATCH_TOL, 0.0),
                          "xnpv row %zu: %.17g vs %.17g", i, out[i], r);
        }
    }
    const double guesses[] = {0.1, -0.9, 5.0};
    for (size_t q = 0; q < sizeof guesses / sizeof guesses[0]; q++) {
        airoi_irr_batch(out, st, v, rows, cols, guesses[q]);
        for (size_t i = 0; i < rows; i++) {
            double r = SENTINEL;
            int s = airoi_irr(&r, v + i * cols, cols, guesses[q]);
            ck_assert_int_eq(st[i], s);
            ck_assert_msg(s ? out[i] == 0.0 : close_to(out[i], r, IRR_BATCH_TOL, IRR_BATCH_TOL),
                          "irr row %zu guess %g: %.17g vs %.17g", i, guesses[q], out[i], r);
        }
        airoi_xirr_batch(out, st, v, d, rows, cols, guesses[q]);
        for (size_t i = 0; i < rows; i++) {
            double r = SENTINEL;
            int s = airoi_xirr(&r, v + i * cols, d, cols, guesses[q]);
            ck_assert_int_eq(st[i], s);
            ck_assert_msg(s ? out[i] == 0.0 : close_to(out[i], r, IRR_BATCH_TOL, IRR_BATCH_TOL),
                          "xirr row %zu guess %g: %.17g vs %.17g", i, guesses[q], out[i], r);
        }
    }
}

START_TEST(batch_fast_paths)
{
    enum { COLS = 6 };
    int32_t d[COLS] = {40000, 40031, 40400, 40700, 41200, 42000};
    /* Adversarial rows: cancellation, huge and tiny values, roots near -1
     * and far above 0, several sign changes, zeros, non-finite values. */
    static const double adv[][COLS] = {
        {1e16, 1.0, -1e16, 3.0, -2.0, 0.5},
        {-1000, 300, 300, 300, 300, 1.0e-3},
        {-1e300, 4e299, 4e299, 4e299, 1e299, 0},
        {-1e-300, 4e-301, 4e-301, 4e-301, 1e-301, 0},
        {-5e-310, 2e-310, 2e-310, 2e-310, 0, 0},
        {-1, 1e-9, 0, 0, 0, 0},
        {-1, 1e6, 0, 0, 0, 0},
        {-1, 1e-14, 1e-14, 0, 0, 1e-14},
        {-100, 230, -132, 0, 0, 0},
        {0, 0, -100, 50, 60, 0},
        {0, 0, 0, 0, 0, 0},
        {1, 2, 3, 4, 5, 6},
        {-1, 0.5, HUGE_VAL, 1, 1, 1},
        {-1, 0.5, (double)NAN, 1, 1, 1},
        {-1, 1.0000000001, 0, 0, 0, 0},
        {-1e10, 1e10, 1e-6, 0, 0, 0},
        {100, -300, 300, -100, 0, 0},
        {-1, 0.2, 0.2, 0.2, 0.2, 1e-300},
    };
    check_batch_rows(&adv[0][0], sizeof adv / sizeof adv[0], COLS, d);
    /* Random rows: magnitudes from 1e-6 to 1e12, mostly one sign change. */
    static double v[64 * COLS];
    for (int rep = 0; rep < 20; rep++) {
        for (int i = 0; i < 64; i++) {
            double mag = pow(10.0, uniform(-6, 12));
            for (int j = 0; j < COLS; j++) {
                double x = uniform(0, 1) * mag;
                int neg = j == 0 || uniform(0, 1) < (i % 4 == 0 ? 0.4 : 0.02);
                v[i * COLS + j] = uniform(0, 1) < 0.1 ? 0.0 : neg ? -x : x;
            }
        }
        check_batch_rows(v, 64, COLS, d);
    }
}
END_TEST

/* The lane kernels of batch IRR and XIRR (groups of 4 rows, a start from
 * the sums at u = 0, Halley's iteration; docs/methodology.md, 1.13) on rows
 * shaped like the benchmark's and harder ones, in every alignment of a
 * group: the investment spread over several periods, a loan (the signs
 * reversed), roots near -1 and far above 0, several sign changes, rows
 * without a root; then spans past 1000 periods and 1000 years, where the
 * kernel makes the residual test itself. */
START_TEST(batch_irr_lanes)
{
    enum { COLS = 10, ROWS = 61 };
    int32_t d[COLS];
    d[0] = 45000;
    for (int j = 1; j < COLS; j++)
        d[j] = d[j - 1] + 300 + (int32_t)uniform(0, 130);
    static double v[ROWS * COLS];
    for (int rep = 0; rep < 12; rep++) {
        for (int i = 0; i < ROWS; i++) {
            const int kind = (i + rep) % 7;
            for (int j = 0; j < COLS; j++) {
                const double x = uniform(50, 400);
                double y = 0.0;
                switch (kind) {
                case 0: /* the benchmark's rows */
                    y = j == 0 ? -uniform(800, 1200) : x;
                    break;
                case 1: /* the investment over three periods */
                    y = j < 3 ? -uniform(300, 500) : x;
                    break;
                case 2: /* a loan */
                    y = j == 0 ? uniform(800, 1200) : -x;
                    break;
                case 3: /* a root far above 0 */
                    y = j == 0 ? -1.0 : j == 1 ? uniform(1e2, 1e7) : x * 1e-9;
                    break;
                case 4: /* a root near -1 */
                    y = j == 0 ? -1000.0 : x * 1e-7;
                    break;
                case 5: /* several sign changes */
                    y = j % 3 == 0 ? -2.0 * x : x;
                    break;
                default: /* no root, or one with a late sign change */
                    y = j == COLS - 1 ? -uniform(0, 5000) : x;
                    break;
                }
                v[i * COLS + j] = y;
            }
        }
        check_batch_rows(v, ROWS, COLS, d);
    }
    /* 1003 periods (t up to 1002) and 1003 yearly dates (1002 years) */
    enum { LONG = 1003, LROWS = 5 };
    static double w[LROWS * LONG];
    static int32_t dl[LONG];
    for (int j = 0; j < LONG; j++)
        dl[j] = 1000 + 365 * j;
    for (int i = 0; i < LROWS; i++)
        for (int j = 0; j < LONG; j++)
            w[i * LONG + j] = j == 0 ? -1000.0 * (i + 1) : uniform(1, 10 * (i + 1));
    check_batch_rows(w, LROWS, LONG, dl);
}
END_TEST

/* The paths of the IRR and XIRR batch kernels, forced on one machine by
 * airoi__irr_set_path(): the 2-lane kernel (processors without AVX2) and
 * no kernel (every row to the careful solver, as in a build without GNU C
 * vectors) against the default path (AVX2 where the processor has it):
 * the same statuses, and values within the documented tolerance of each
 * other and of the scalar calls; each kernel solves the rows shaped like
 * the benchmark's itself. */
static void irr_path_rows(double *v, size_t rows, size_t cols, int32_t *d)
{
    d[0] = 44000;
    for (size_t j = 1; j < cols; j++)
        d[j] = d[j - 1] + 200 + (int32_t)uniform(0, 300);
    for (size_t i = 0; i < rows; i++) {
        const size_t kind = i % 5;
        for (size_t j = 0; j < cols; j++) {
            const double x = uniform(10, 500);
            double y;
            if (kind == 0 || kind == 1) /* an investment, then returns */
                y = j == 0 ? -uniform(800, 1500) : x;
            else if (kind == 2) /* a loan, zeros among the payments */
                y = j == 0 ? uniform(800, 1500) : j % 4 == 2 ? 0.0 : -x;
            else if (kind == 3) /* a root near -1 or far above 0 */
                y = j == 0 ? -1000.0 : x * (i % 2 ? 1e-6 : 1e4);
            else /* two sign changes, or a NaN */
                y = j == 0 ? -x : j == cols - 1 ? (i % 3 ? -3000.0 : (double)NAN) : x;
            v[i * cols + j] = y;
        }
    }
}

START_TEST(batch_irr_paths)
{
    enum { COLS = 11, ROWS = 203 };
    static double v[ROWS * COLS], ref[2][ROWS], out[ROWS], fast[ROWS];
    static int32_t rst[2][ROWS], st[ROWS];
    static double work[COLS * (AIROI__IRR_WORK + 1)];
    int32_t d[COLS];
    double years[COLS];
    irr_path_rows(v, ROWS, COLS, d);
    for (int j = 0; j < COLS; j++)
        years[j] = (d[j] - d[0]) / 365.0;
    ck_assert_int_eq(airoi__irr_set_path(AIROI__IRR_PATH_AUTO), AIROI__IRR_PATH_AUTO);
    airoi_irr_batch(ref[0], rst[0], v, ROWS, COLS, 0.1);
    airoi_xirr_batch(ref[1], rst[1], v, d, ROWS, COLS, 0.1);
    const int paths[] = {AIROI__IRR_PATH_AUTO, AIROI__IRR_PATH_128, AIROI__IRR_PATH_CAREFUL};
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        airoi__irr_set_path(paths[p]);
        for (int x = 0; x < 2; x++) {
            if (x)
                airoi_xirr_batch(out, st, v, d, ROWS, COLS, 0.1);
            else
                airoi_irr_batch(out, st, v, ROWS, COLS, 0.1);
            for (int i = 0; i < ROWS; i++) {
                ck_assert_int_eq(st[i], rst[x][i]);
                ck_assert_msg(close_to(out[i], ref[x][i], 2 * IRR_BATCH_TOL, 2 * IRR_BATCH_TOL),
                              "%s path %d row %d: %.17g vs %.17g", x ? "xirr" : "irr",
                              paths[p], i, out[i], ref[x][i]);
            }
            /* the kernel alone: it solves the first two kinds of rows */
            if (x)
                airoi__xirr_fast(fast, v, ROWS, COLS, years, 0.1, work);
            else
                airoi__irr_fast(fast, v, ROWS, COLS, 0.1, work);
            int solved = 0;
            for (int i = 0; i < ROWS; i++)
                solved += i % 5 < 2 && !isnan(fast[i]);
            ck_assert_int_eq(solved, paths[p] == AIROI__IRR_PATH_CAREFUL ? 0 : 2 * ROWS / 5 + 1);
        }
        /* and against the scalar calls, on the rows of the other tests */
        check_batch_rows(v, 64, COLS, d);
        static const double adv[][6] = {
            {-1, 1e-9, 0, 0, 0, 0},      {-1, 1e6, 0, 0, 0, 0}, {-100, 230, -132, 0, 0, 0},
            {0, 0, -100, 50, 60, 0},     {-1e300, 4e299, 4e299, 4e299, 1e299, 0},
            {-5e-310, 2e-310, 2e-310, 0, 0, 0}, {-1, 0.2, 0.2, 0.2, 0.2, 1e-300},
            /* XIRR: 1 + r = 0.02^(365 / 31), about 1e-20, rounds r to -1
             * (an error) */
            {-1, 0.02, 0, 0, 0, 0},
        };
        const int32_t d6[6] = {40000, 40031, 40400, 40700, 41200, 42000};
        check_batch_rows(&adv[0][0], sizeof adv / sizeof adv[0], 6, d6);
    }
    airoi__irr_set_path(AIROI__IRR_PATH_AUTO);
}
END_TEST

/* ----------------------------------------------------------- every root */

START_TEST(irr_all_roots)
{
    double roots[8];
    size_t len = 0;
    /* 10% and 20%. */
    const double two[] = {-100, 230, -132};
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, two, 3, -0.9, 10), AIROI_OK);
    ck_assert_uint_eq(len, 2);
    ck_assert_double_eq_tol(roots[0], 0.1, 1e-12);
    ck_assert_double_eq_tol(roots[1], 0.2, 1e-12);
    /* Only those inside [lo, hi]. */
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, two, 3, 0.15, 10), AIROI_OK);
    ck_assert_uint_eq(len, 1);
    ck_assert_double_eq_tol(roots[0], 0.2, 1e-12);
    /* 0%, 50%, 100%, with the buffer too small first. */
    const double three[] = {1, -4.5, 6.5, -3};
    roots[0] = SENTINEL;
    ck_assert_int_eq(airoi_irr_all(roots, 2, &len, three, 4, -0.5, 5), AIROI_ERR_BUFFER);
    ck_assert_uint_eq(len, 3);
    ck_assert_double_eq(roots[0], SENTINEL);
    ck_assert_int_eq(airoi_irr_all(roots, 3, &len, three, 4, -0.5, 5), AIROI_OK);
    ck_assert_uint_eq(len, 3);
    ck_assert_double_eq_tol(roots[0], 0.0, 1e-12);
    ck_assert_double_eq_tol(roots[1], 0.5, 1e-12);
    ck_assert_double_eq_tol(roots[2], 1.0, 1e-12);
    /* Close roots inside one grid cell: 10% and 10.01%. */
    const double close[] = {-1, 1.1 + 1.1001, -1.1 * 1.1001};
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, close, 3, -0.9, 1e6), AIROI_OK);
    ck_assert_uint_eq(len, 2);
    ck_assert_double_eq_tol(roots[0], 0.1, 1e-9);
    ck_assert_double_eq_tol(roots[1], 0.1001, 1e-9);
    /* A double root at 100% (no sign change there) and a simple one at
     * -50%: (x - 0.5)^2 (x - 2) with x = 1/(1+r). */
    const double dbl[] = {-0.5, 2.25, -3, 1};
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, dbl, 4, -0.9, 10), AIROI_OK);
    ck_assert_uint_eq(len, 2);
    ck_assert_double_eq_tol(roots[0], -0.5, 1e-9);
    ck_assert_double_eq_tol(roots[1], 1.0, 1e-6);
    /* A long schedule with five sign changes: roots agree with airoi_irr. */
    double v[121];
    for (int i = 0; i < 121; i++)
        v[i] = (i / 20) % 2 ? 10 : -9;
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, v, 121, -0.99, 100), AIROI_OK);
    ck_assert_uint_ge(len, 1);
    for (size_t k = 0; k < len; k++) {
        double f, m;
        plain_npv0(&f, &m, roots[k], v, 121);
        ck_assert(fabs(f) <= 1e-9 * m);
        if (k > 0)
            ck_assert(roots[k] > roots[k - 1]);
    }
    /* Bad intervals. */
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, two, 3, -1, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, two, 3, 1, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_irr_all(roots, 8, &len, two, 1, 0, 1), AIROI_ERR_INVALID);
}
END_TEST

/* ---------------------------------------------------- robustness fixes */

/* Distance of a and b in units of the spacing of doubles near -1. */
static double ulps_near_minus_one(double a, double b)
{
    return fabs(a - b) / (DBL_EPSILON / 2);
}

/* Whatever path finds the root (Newton from the guess, the bracket scan and
 * Brent, the fine scan), the IRR is exact to rounding: different guesses
 * that reach the same root agree to 1e-12. Before roots were polished, a
 * guess of -0.99 left some of these 1e-9 off. */
START_TEST(robust_root_is_polished)
{
    uint32_t seed = 12345;
    const double guesses[] = {-0.99, -0.5, 0.0, 0.5, 1.0, 3.0};
    int compared = 0;
    for (int k = 0; k < 1500; k++) {
        double v[21];
        seed = seed * 1664525u + 1013904223u;
        v[0] = -(double)(seed % 1000000u + 1000u);
        for (int i = 1; i < 21; i++) {
            seed = seed * 1664525u + 1013904223u;
            v[i] = (double)(seed % 300000u);
        }
        double ref;
        ck_assert_int_eq(airoi_irr(&ref, v, 21, 0.1), AIROI_OK);
        for (size_t g = 0; g < sizeof guesses / sizeof *guesses; g++) {
            double r;
            ck_assert_int_eq(airoi_irr(&r, v, 21, guesses[g]), AIROI_OK);
            ck_assert_msg(fabs(r - ref) <= 1e-12 * (1.0 + fabs(ref)),
                          "flows %d, guess %g: %.17g vs %.17g", k, guesses[g], r, ref);
            compared++;
        }
    }
    ck_assert_int_eq(compared, 1500 * 6);
}
END_TEST

START_TEST(robust_roots_near_minus_one)
{
    /* IRR(-1, 1e-k) = 1e-k - 1. Below about 1e-8 of -1, 1 + r keeps too
     * few digits for a relative residual: the root is accepted by the sign
     * change of the NPV within a few ulps (it used to be NO_SOLUTION). */
    for (int k = 6; k <= 15; k++) {
        const double v[] = {-1, pow(10, -k)};
        double r = SENTINEL;
        ck_assert_msg(airoi_irr(&r, v, 2, 0.1) == AIROI_OK, "k = %d: %s", k,
                      airoi_last_error_message());
        ck_assert_msg(ulps_near_minus_one(r, pow(10, -k) - 1) <= 4, "k = %d: %.17g", k, r);
        /* The same root from a guess near -1 and with the flows reversed. */
        const double w[] = {1, -pow(10, -k)};
        ck_assert_int_eq(airoi_irr(&r, w, 2, -0.9999999), AIROI_OK);
        ck_assert(ulps_near_minus_one(r, pow(10, -k) - 1) <= 4);
    }
    /* Two periods: (1 + r)^2 = 1e-18. */
    const double sq[] = {-1, 0, 1e-18};
    double r;
    ck_assert_int_eq(airoi_irr(&r, sq, 3, 0.1), AIROI_OK);
    ck_assert(ulps_near_minus_one(r, 1e-9 - 1) <= 4);
    /* XIRR and RATE, same equation. */
    const double x[] = {-1, 1e-9};
    const int32_t d[] = {0, 365};
    ck_assert_int_eq(airoi_xirr(&r, x, d, 2, 0.1), AIROI_OK);
    ck_assert(ulps_near_minus_one(r, 1e-9 - 1) <= 4);
    ck_assert_int_eq(airoi_rate(&r, 1, 0, -1, 1e-9, 0, 0.1), AIROI_OK);
    ck_assert(ulps_near_minus_one(r, 1e-9 - 1) <= 4);
    ck_assert_int_eq(airoi_rate(&r, 1, 0, -1, 1e-12, 1, 0.1), AIROI_OK);
    ck_assert(ulps_near_minus_one(r, 1e-12 - 1) <= 4);
    /* A root between -1 and the last double above it is not
     * representable: NO_SOLUTION saying so, never that double. */
    const double tiny[] = {-1, 1e-20};
    r = SENTINEL;
    ck_assert_int_eq(airoi_irr(&r, tiny, 2, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "not representable"));
    ck_assert_double_eq(r, SENTINEL);
    ck_assert_int_eq(airoi_xirr(&r, tiny, d, 2, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "not representable"));
    ck_assert_int_eq(airoi_rate(&r, 1, 0, -1, 1e-20, 0, 0.1), AIROI_ERR_NO_SOLUTION);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "not representable"));
    ck_assert_double_eq(r, SENTINEL);
    /* RATE(10, -1, 1, 1): the equation tends to 0 at -1 without a root
     * there; the real root is 0.998 (small residuals near -1 are not
     * roots without a sign change). */
    ck_assert_int_eq(airoi_rate(&r, 10, -1, 1, 1, 0, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.9980294702622865, 1e-12);
    /* Every root in an interval, near -1. */
    double roots[4];
    size_t len = 0;
    ck_assert_int_eq(airoi_irr_all(roots, 4, &len, x, 2, -0.9999999999, 1), AIROI_OK);
    ck_assert_uint_eq(len, 1);
    ck_assert(ulps_near_minus_one(roots[0], 1e-9 - 1) <= 4);
}
END_TEST

START_TEST(robust_payback_huge)
{
    /* The cumulative -2e308 overflows; the payback is scale-invariant: 3
     * (it used to be "never"). */
    const double v[] = {-1e308, -1e308, 1e308, 1e308, 1e308};
    double p = SENTINEL;
    int reached = 0;
    ck_assert_int_eq(airoi_payback(&p, &reached, v, 5), AIROI_OK);
    ck_assert_int_eq(reached, 1);
    ck_assert_double_eq_tol(p, 3.0, 1e-12);
    const double s[] = {-1, -1, 1, 1, 1};
    double ps;
    ck_assert_int_eq(airoi_payback(&ps, &reached, s, 5), AIROI_OK);
    ck_assert_double_eq(p, ps);
    for (int k = 0; k < 2; k++) {
        p = SENTINEL;
        reached = 0;
        ck_assert_int_eq(airoi_discounted_payback(&p, &reached, k ? 0.05 : 0.0, v, 5),
                         AIROI_OK);
        ck_assert_int_eq(reached, 1);
        ck_assert_int_eq(airoi_discounted_payback(&ps, &reached, k ? 0.05 : 0.0, s, 5),
                         AIROI_OK);
        ck_assert_double_eq_tol(p, ps, 1e-12);
    }
    int32_t rb = 0;
    ck_assert_int_eq(airoi_payback_batch(&p, &rb, v, 1, 5), AIROI_OK);
    ck_assert_int_eq(rb, 1);
    ck_assert_double_eq_tol(p, 3.0, 1e-12);
    /* Discount factors (1 + r)^-t that overflow: -1 today, +1 in period
     * 399 at -90% pays back in period 399, fraction 1e-399 (it used to be
     * AIROI_ERR_RANGE). */
    double w[400] = {0};
    w[0] = -1;
    w[399] = 1;
    ck_assert_int_eq(airoi_discounted_payback(&p, &reached, -0.9, w, 400), AIROI_OK);
    ck_assert_int_eq(reached, 1);
    ck_assert_double_eq_tol(p, 398.0, 1e-12);
    /* ... and a cumulative that shrinks below the smallest double while it
     * stays negative is still "never" (no false payback from underflow). */
    w[399] = -1;
    ck_assert_int_eq(airoi_discounted_payback(&p, &reached, -0.9, w, 400), AIROI_OK);
    ck_assert_int_eq(reached, 0);
    w[0] = 1;
    w[1] = -1.5;
    w[399] = 1e-300;
    ck_assert_int_eq(airoi_discounted_payback(&p, &reached, -0.5, w, 400), AIROI_OK);
    ck_assert_int_eq(reached, 1);
    ck_assert_double_eq(p, 0.0);
}
END_TEST

START_TEST(robust_huge_values)
{
    double r, rs;
    /* NPV is scale-invariant in the values: IRR of -1e308, 1e308, 1e308 is
     * the golden ratio - 1 (it used to be NO_SOLUTION). */
    const double v[] = {-1e308, 1e308, 1e308};
    const double s[] = {-1, 1, 1};
    ck_assert_int_eq(airoi_irr(&r, v, 3, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, (sqrt(5.0) - 1) / 2, 1e-12);
    const int32_t d[] = {0, 365, 730};
    ck_assert_int_eq(airoi_xirr(&r, v, d, 3, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, (sqrt(5.0) - 1) / 2, 1e-12);
    double roots[4];
    size_t len = 0;
    ck_assert_int_eq(airoi_irr_all(roots, 4, &len, v, 3, -0.9, 10), AIROI_OK);
    ck_assert_uint_eq(len, 1);
    ck_assert_double_eq_tol(roots[0], (sqrt(5.0) - 1) / 2, 1e-12);
    ck_assert_int_eq(airoi_mirr(&r, v, 3, 0.1, 0.2), AIROI_OK);
    ck_assert_int_eq(airoi_mirr(&rs, s, 3, 0.1, 0.2), AIROI_OK);
    ck_assert_double_eq_tol(r, rs, 1e-14);
    /* Values near the underflow threshold: the same roots. */
    const double t[] = {-1e-310, 1e-310, 1e-310};
    ck_assert_int_eq(airoi_irr(&r, t, 3, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, (sqrt(5.0) - 1) / 2, 1e-9);
    /* RATE and NPER do not depend on the scale of pmt, pv, fv. */
    ck_assert_int_eq(airoi_rate(&r, 10, -1e308, 1e308, 1e308, 0, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.9980294702622865, 1e-12);
    ck_assert_int_eq(airoi_nper(&r, 0.1, -1e308, 1e308, 1e308, 0), AIROI_OK);
    ck_assert_int_eq(airoi_nper(&rs, 0.1, -1, 1, 1, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, rs, 1e-12);
    ck_assert_int_eq(airoi_nper(&r, 0, -1e308, 1e308, 1e308, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 2.0, 1e-15);
    /* Partial sums that overflow while the result does not. */
    const double p[] = {1e308, 1e308, -1e308};
    ck_assert_int_eq(airoi_npv0(&r, 0, p, 3), AIROI_OK);
    ck_assert_double_eq_tol(r, 1e308, 1e294);
    ck_assert_int_eq(airoi_xnpv(&r, 0, p, d, 3), AIROI_OK);
    ck_assert_double_eq_tol(r, 1e308, 1e294);
    ck_assert_int_eq(airoi_pmt(&r, 0, 2, 1e308, 1e308, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, -1e308, 1e294);
    ck_assert_int_eq(airoi_fv(&r, 0.1, 1, 1e308, -1e308, 0), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.1e308, 1e294);
}
END_TEST

START_TEST(robust_extreme_tvm)
{
    double r;
    /* Factors that underflow or overflow on their own while the result is
     * an ordinary number (each was a silent 0 or a RANGE error). */
    /* PV of 1e308 a period for 1e-300 periods at -1e-300: -1e8. */
    ck_assert_int_eq(airoi_pv(&r, -1e-300, 1e-300, 1e308, 0, 0), AIROI_OK);
    ck_assert(close_to(r, -1e8, 1e-12, 0));
    ck_assert_int_eq(airoi_fv(&r, -1e-300, 1e-300, 1e308, 0, 0), AIROI_OK);
    ck_assert(close_to(r, -1e8, 1e-12, 0));
    /* PMT paying off fv = 1e308 over 2 periods at 1e300: about -1e8. */
    ck_assert_int_eq(airoi_pmt(&r, 1e300, 2, 0, 1e308, 0), AIROI_OK);
    ck_assert(close_to(r, -1e8, 1e-12, 0));
    /* PV at 1e300 for 1e-300 periods: -pmt n ln(1 + r) / r. */
    ck_assert_int_eq(airoi_pv(&r, 1e300, 1e-300, 1e308, 0, 0), AIROI_OK);
    ck_assert(close_to(r, -1e8 * log(1e300) / 1e300, 1e-12, 0));
    /* NPV of 1e-300 in 60 periods at -99.9999%: about 1e60 (the discount
     * factor 1e360 overflows alone). */
    double v[61] = {0};
    v[60] = 1e-300;
    ck_assert_int_eq(airoi_npv0(&r, -0.999999, v, 61), AIROI_OK);
    ck_assert(close_to(r, 1e-300 * exp(-60 * log1p(-0.999999)), 1e-12, 0));
    /* NPER whose number of periods (ln(1e15) / 1e-307) overflows: RANGE
     * with a message (it used to be NO_SOLUTION). */
    ck_assert_int_eq(airoi_nper(&r, 1e-307, -1, 9.99999999999999e306, 0, 0), AIROI_ERR_RANGE);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "overflows"));
}
END_TEST

/* Every finance function on extreme finite inputs: a success is finite, a
 * failure has a message. */
START_TEST(robust_no_nonfinite_out)
{
    static const double X[] = {0, 1, -1, 1e308, -1e308, 1e-308, 5e-324, 1e154, -0.5};
    static const double R[] = {-0.9999999999999999, -0.999999, -1e-300, 0, 1e-300, 0.05,
                               1e10, 1e300};
    static const double N[] = {1, 2, 1e9, -1e9, 0.5, 1e-300, 1e308};
    const size_t nx = sizeof X / sizeof *X, nr = sizeof R / sizeof *R,
                 nn = sizeof N / sizeof *N;
    const int32_t d[] = {0, 100, 1000};
    size_t calls = 0;
#define CHECK_CALL(call)                                                                    \
    do {                                                                                    \
        double o_ = SENTINEL;                                                               \
        int st_ = (call);                                                                   \
        calls++;                                                                            \
        if (st_ == AIROI_OK)                                                                \
            ck_assert_msg(isfinite(o_), "%s gave %g", #call, o_);                           \
        else                                                                                \
            ck_assert_msg(o_ == SENTINEL && airoi_last_error_message()[0] != '\0', "%s",    \
                          #call);                                                           \
    } while (0)
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nn; j++)
            for (size_t k = 0; k < nx; k++)
                for (size_t l = 0; l < nx; l++)
                    for (int t = 0; t < 2; t++) {
                        double rt = R[i], n = N[j], a = X[k], b = X[l];
                        CHECK_CALL(airoi_pv(&o_, rt, n, a, b, t));
                        CHECK_CALL(airoi_fv(&o_, rt, n, a, b, t));
                        CHECK_CALL(airoi_pmt(&o_, rt, n, a, b, t));
                        CHECK_CALL(airoi_nper(&o_, rt, a, b, n, t));
                        if (j < 3 && k % 2 == 0)
                            CHECK_CALL(airoi_rate(&o_, n, a, b, X[(k + l) % nx], t, 0.1));
                    }
    for (size_t i = 0; i < nr; i++)
        for (size_t k = 0; k < nx; k++)
            for (size_t l = 0; l < nx; l++)
                for (size_t m = 0; m < nx; m++) {
                    const double v[] = {X[k], X[l], X[m]};
                    int reached;
                    CHECK_CALL(airoi_npv(&o_, R[i], v, 3));
                    CHECK_CALL(airoi_npv0(&o_, R[i], v, 3));
                    CHECK_CALL(airoi_xnpv(&o_, R[i], v, d, 3));
                    CHECK_CALL(airoi_mirr(&o_, v, 3, R[i], R[(i + 3) % nr]));
                    {
                        /* reached: a finite payback; never: out untouched;
                         * an error: out untouched and a message */
                        double o = SENTINEL;
                        reached = -1;
                        int st = airoi_discounted_payback(&o, &reached, R[i], v, 3);
                        calls++;
                        if (st == AIROI_OK)
                            ck_assert_msg(reached == 1 ? isfinite(o) : reached == 0 && o == SENTINEL,
                                          "discounted_payback(%g; %g, %g, %g): reached %d, %g",
                                          R[i], v[0], v[1], v[2], reached, o);
                        else
                            ck_assert_msg(o == SENTINEL && airoi_last_error_message()[0] != '\0',
                                          "discounted_payback(%g; %g, %g, %g): status %d",
                                          R[i], v[0], v[1], v[2], st);
                    }
                    if (i == 0) {
                        CHECK_CALL(airoi_irr(&o_, v, 3, 0.1));
                        CHECK_CALL(airoi_xirr(&o_, v, d, 3, 0.1));
                    }
                }
#undef CHECK_CALL
    ck_assert_uint_gt(calls, 10000);
}
END_TEST

/* ------------------------------------------------------------ white box */

START_TEST(internal_helpers)
{
    /* A column of a row-major table, read with a stride. */
    const double table[] = {-350, 1, 120, 2, 340, 3, 470, 4};
    double r;
    ck_assert_int_eq(airoi__npv0_strided(&r, 0.08, table, 4, 2), AIROI_OK);
    ck_assert_double_eq_tol(r, 425.7074630, 1e-6);
    ck_assert_double_eq_tol(airoi__npv0_raw(0.08, table, 4, 2), r, 1e-12);
    ck_assert_int_eq(airoi__irr_strided(&r, table, 4, 2, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.5399, 5e-5);
    double p;
    int reached;
    ck_assert_int_eq(airoi__payback_strided(&p, &reached, table, 4, 2, 1, 0.08), AIROI_OK);
    ck_assert_double_eq_tol(p, 1.820, 5e-4);
    const int32_t d[] = {0, 365, 730, 1095};
    ck_assert_int_eq(airoi__xirr_strided(&r, table, 2, d, 4, 0.1), AIROI_OK);
    ck_assert_double_eq_tol(r, 0.5399, 5e-5);
}
END_TEST

static Suite *finance_suite(void)
{
    Suite *s = suite_create("finance");
    TCase *tc = tcase_create("microsoft-examples");
    tcase_add_test(tc, ms_npv);
    tcase_add_test(tc, ms_xnpv_xirr);
    tcase_add_test(tc, ms_irr);
    tcase_add_test(tc, ms_mirr);
    tcase_add_test(tc, ms_tvm);
    tcase_add_test(tc, spec_example_3);
    suite_add_tcase(s, tc);

    tc = tcase_create("reference");
    tcase_add_test(tc, reference_table);
    suite_add_tcase(s, tc);

    tc = tcase_create("edges");
    tcase_add_test(tc, edge_empty_and_short);
    tcase_add_test(tc, edge_one_sign);
    tcase_add_test(tc, edge_sign_changes);
    tcase_add_test(tc, edge_near_minus_one);
    tcase_add_test(tc, edge_long_and_magnitudes);
    tcase_add_test(tc, edge_nonfinite_rejected);
    tcase_add_test(tc, edge_null_rejected);
    tcase_add_test(tc, edge_dates);
    tcase_add_test(tc, edge_tvm);
    tcase_add_test(tc, edge_untouched_on_failure);
    suite_add_tcase(s, tc);

    tc = tcase_create("properties");
    tcase_add_test(tc, prop_npv_zero_at_irr);
    tcase_add_test(tc, prop_xnpv_zero_at_xirr);
    tcase_add_test(tc, prop_tvm_round_trips);
    tcase_add_test(tc, prop_payback);
    suite_add_tcase(s, tc);

    tc = tcase_create("batch");
    tcase_add_test(tc, batch_equals_scalar);
    tcase_add_test(tc, batch_fast_paths);
    tcase_add_test(tc, batch_irr_lanes);
    tcase_add_test(tc, batch_irr_paths);
    suite_add_tcase(s, tc);

    tc = tcase_create("irr-all");
    tcase_add_test(tc, irr_all_roots);
    suite_add_tcase(s, tc);

    tc = tcase_create("robustness");
    tcase_add_test(tc, robust_root_is_polished);
    tcase_add_test(tc, robust_roots_near_minus_one);
    tcase_add_test(tc, robust_payback_huge);
    tcase_add_test(tc, robust_huge_values);
    tcase_add_test(tc, robust_extreme_tvm);
    tcase_add_test(tc, robust_no_nonfinite_out);
    suite_add_tcase(s, tc);

    tc = tcase_create("internal");
    tcase_add_test(tc, internal_helpers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(finance_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
