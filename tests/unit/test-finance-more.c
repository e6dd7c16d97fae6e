/*
 * tests/unit/test-finance-more.c: Excel's loan, rate-conversion and
 * depreciation functions (IPMT ... VDB), rates of -100 % and below, and the
 * day counts of XNPV and XIRR: Microsoft's documented examples, the table
 * of tests/data/finance/reference-more.csv computed by Gnumeric and
 * LibreOffice, and the day-count examples that pyxirr's tests take from
 * deltaquants.com and XLeratorDB.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airoi/airoi.h"

#ifndef FINANCE_REFERENCE_MORE
#  error "FINANCE_REFERENCE_MORE (path of tests/data/finance/reference-more.csv) is not defined"
#endif

static int close_to(double got, double want, double rel, double abs_floor)
{
    return fabs(got - want) <= rel * fmax(fabs(got), fabs(want)) + abs_floor;
}

#define CHECK_NUM(call, want, tol)                                                            \
    do {                                                                                      \
        double out_ = (double)NAN;                                                            \
        int st_ = (call);                                                                     \
        ck_assert_msg(st_ == AIROI_OK, "%s: status %d (%s)", #call, st_,                      \
                      airoi_last_error_message());                                            \
        ck_assert_msg(fabs(out_ - (want)) <= (tol), "%s = %.17g, want %.17g", #call, out_,    \
                      (double)(want));                                                        \
    } while (0)

#define CHECK_FAIL(call, status)                                                              \
    do {                                                                                      \
        double out_ = 12345.0;                                                                \
        int st_ = (call);                                                                     \
        ck_assert_msg(st_ == (status), "%s: status %d, want %d", #call, st_, (status));       \
        ck_assert_double_eq(out_, 12345.0);                                                   \
        ck_assert_str_ne(airoi_last_error_message(), "");                                     \
    } while (0)

/* ------------------------------------------- Microsoft's examples */

START_TEST(ms_loans)
{
    /* IPMT: 10 % a year, 3 years, 8,000: the first month and the last year. */
    CHECK_NUM(airoi_ipmt(&out_, 0.1 / 12, 1, 36, 8000, 0, 0), -66.67, 0.005);
    CHECK_NUM(airoi_ipmt(&out_, 0.1, 3, 3, 8000, 0, 0), -292.45, 0.005);
    /* PPMT: 10 % a year, 2 years, 2,000, month 1; 8 %, 10 years, 200,000, year 10. */
    CHECK_NUM(airoi_ppmt(&out_, 0.1 / 12, 1, 24, 2000, 0, 0), -75.62, 0.005);
    CHECK_NUM(airoi_ppmt(&out_, 0.08, 10, 10, 200000, 0, 0), -27598.05, 0.005);
    /* CUMIPMT, CUMPRINC: 9 %, 30 years, 125,000; the second year and the first month. */
    CHECK_NUM(airoi_cumipmt(&out_, 0.09 / 12, 360, 125000, 13, 24, 0), -11135.23213, 5e-6);
    CHECK_NUM(airoi_cumipmt(&out_, 0.09 / 12, 360, 125000, 1, 1, 0), -937.5, 1e-9);
    CHECK_NUM(airoi_cumprinc(&out_, 0.09 / 12, 360, 125000, 13, 24, 0), -934.1071234, 5e-8);
    CHECK_NUM(airoi_cumprinc(&out_, 0.09 / 12, 360, 125000, 1, 1, 0), -68.27827118, 5e-9);
    /* ISPMT: 4,000 over 4 years at 10 %, periods counted from 0. */
    for (int per = 0; per < 4; per++)
        CHECK_NUM(airoi_ispmt(&out_, 0.1, per, 4, 4000), -400.0 + 100.0 * per, 1e-9);
    CHECK_NUM(airoi_ispmt(&out_, 0.1 / 12, 0, 36, 8000000), -66666.67, 0.005);
}
END_TEST

START_TEST(ms_rates)
{
    CHECK_NUM(airoi_effect(&out_, 0.0525, 4), 0.053542667, 5e-10);
    CHECK_NUM(airoi_nominal(&out_, 0.053543, 4), 0.05250032, 5e-9);
    CHECK_NUM(airoi_pduration(&out_, 0.025, 2000, 2200), 3.86, 0.005);
    CHECK_NUM(airoi_pduration(&out_, 0.025 / 12, 1000, 1200), 87.6, 0.05);
    CHECK_NUM(airoi_rri(&out_, 96, 10000, 11000), 0.0009933, 5e-8);
    const double schedule[3] = {0.09, 0.11, 0.1};
    CHECK_NUM(airoi_fvschedule(&out_, 1, schedule, 3), 1.33089, 1e-12);
    CHECK_NUM(airoi_fvschedule(&out_, 7, NULL, 0), 7.0, 0.0);
}
END_TEST

START_TEST(ms_depreciation)
{
    CHECK_NUM(airoi_sln(&out_, 30000, 7500, 10), 2250, 1e-9);
    CHECK_NUM(airoi_syd(&out_, 30000, 7500, 10, 1), 4090.91, 0.005);
    CHECK_NUM(airoi_syd(&out_, 30000, 7500, 10, 10), 409.09, 0.005);
    /* DB: 1,000,000, salvage 100,000, 6 years, 7 months in the first year;
     * period 7 (life + 1) is the rest of the first year's months. */
    const double db[7] = {186083.33, 259639.42, 176814.44, 120410.64, 81999.64, 55841.76,
                          15845.10};
    for (int p = 1; p <= 7; p++)
        CHECK_NUM(airoi_db(&out_, 1000000, 100000, 6, p, 7), db[p - 1], 0.005);
    /* With 12 months there is nothing left for period life + 1. */
    CHECK_NUM(airoi_db(&out_, 1000000, 100000, 6, 7, 12), 0.0, 0.0);
    CHECK_FAIL(airoi_db(&out_, 1000000, 100000, 6, 8, 7), AIROI_ERR_INVALID);
    /* DDB: 2,400, salvage 300, 10 years: first day, month, year; year 2 at 1.5; year 10. */
    CHECK_NUM(airoi_ddb(&out_, 2400, 300, 3650, 1, 2), 1.32, 0.005);
    CHECK_NUM(airoi_ddb(&out_, 2400, 300, 120, 1, 2), 40.0, 1e-9);
    CHECK_NUM(airoi_ddb(&out_, 2400, 300, 10, 1, 2), 480.0, 1e-9);
    CHECK_NUM(airoi_ddb(&out_, 2400, 300, 10, 2, 1.5), 306.0, 1e-9);
    CHECK_NUM(airoi_ddb(&out_, 2400, 300, 10, 10, 2), 22.12, 0.005);
    /* VDB: the same asset. */
    CHECK_NUM(airoi_vdb(&out_, 2400, 300, 3650, 0, 1, 2, 0), 1.32, 0.005);
    CHECK_NUM(airoi_vdb(&out_, 2400, 300, 120, 0, 1, 2, 0), 40.0, 1e-9);
    CHECK_NUM(airoi_vdb(&out_, 2400, 300, 10, 0, 1, 2, 0), 480.0, 1e-9);
    CHECK_NUM(airoi_vdb(&out_, 2400, 300, 120, 6, 18, 2, 0), 396.31, 0.005);
    CHECK_NUM(airoi_vdb(&out_, 2400, 300, 120, 6, 18, 1.5, 0), 311.81, 0.005);
    CHECK_NUM(airoi_vdb(&out_, 2400, 300, 10, 0, 0.875, 1.5, 0), 315.0, 1e-9);
}
END_TEST

/* ------------------------------------------------ reference table */

#define MAXV 64

typedef struct ref_case {
    char id[64], func[16], gn[64], lo[64], expect[64];
    double sc[8], arr[MAXV];
    size_t nsc, narr;
} ref_case;

static int parse(ref_case *c, char *line)
{
    char *f[6];
    char *p = line;
    for (int k = 0; k < 6; k++) {
        f[k] = p;
        char *semi = strchr(p, ';');
        if (k < 5) {
            if (!semi)
                return -1;
            *semi = '\0';
            p = semi + 1;
        }
    }
    snprintf(c->id, sizeof c->id, "%s", f[0]);
    snprintf(c->func, sizeof c->func, "%s", f[1]);
    snprintf(c->gn, sizeof c->gn, "%s", f[3]);
    snprintf(c->lo, sizeof c->lo, "%s", f[4]);
    snprintf(c->expect, sizeof c->expect, "%s", f[5]);
    c->nsc = c->narr = 0;
    int in_arr = 0;
    for (char *s = f[2]; *s;) {
        if (*s == ' ') {
            s++;
        } else if (*s == '[') {
            in_arr = 1;
            s++;
        } else if (*s == ']') {
            in_arr = 0;
            s++;
        } else {
            double x;
            char *end;
            if (!strncmp(s, "TRUE", 4) || !strncmp(s, "FALSE", 5)) {
                x = *s == 'T';
                end = s + (*s == 'T' ? 4 : 5);
            } else {
                x = strtod(s, &end);
                if (end == s)
                    return -1;
            }
            if (in_arr) {
                if (c->narr == MAXV)
                    return -1;
                c->arr[c->narr++] = x;
            } else {
                if (c->nsc == 8)
                    return -1;
                c->sc[c->nsc++] = x;
            }
            s = end;
        }
    }
    return 0;
}

static int run(const ref_case *c, double *out)
{
    const double *a = c->sc;
    const char *fn = c->func;
    if (!strcmp(fn, "ipmt"))
        return airoi_ipmt(out, a[0], a[1], a[2], a[3], a[4], (int)a[5]);
    if (!strcmp(fn, "ppmt"))
        return airoi_ppmt(out, a[0], a[1], a[2], a[3], a[4], (int)a[5]);
    if (!strcmp(fn, "cumipmt"))
        return airoi_cumipmt(out, a[0], a[1], a[2], a[3], a[4], (int)a[5]);
    if (!strcmp(fn, "cumprinc"))
        return airoi_cumprinc(out, a[0], a[1], a[2], a[3], a[4], (int)a[5]);
    if (!strcmp(fn, "ispmt"))
        return airoi_ispmt(out, a[0], a[1], a[2], a[3]);
    if (!strcmp(fn, "effect"))
        return airoi_effect(out, a[0], a[1]);
    if (!strcmp(fn, "nominal"))
        return airoi_nominal(out, a[0], a[1]);
    if (!strcmp(fn, "pduration"))
        return airoi_pduration(out, a[0], a[1], a[2]);
    if (!strcmp(fn, "rri"))
        return airoi_rri(out, a[0], a[1], a[2]);
    if (!strcmp(fn, "fvschedule"))
        return airoi_fvschedule(out, a[0], c->arr, c->narr);
    if (!strcmp(fn, "sln"))
        return airoi_sln(out, a[0], a[1], a[2]);
    if (!strcmp(fn, "syd"))
        return airoi_syd(out, a[0], a[1], a[2], a[3]);
    if (!strcmp(fn, "db"))
        return airoi_db(out, a[0], a[1], a[2], a[3], a[4]);
    if (!strcmp(fn, "ddb"))
        return airoi_ddb(out, a[0], a[1], a[2], a[3], a[4]);
    if (!strcmp(fn, "vdb"))
        return airoi_vdb(out, a[0], a[1], a[2], a[3], a[4], a[5], (int)a[6]);
    ck_abort_msg("unknown function %s", fn);
    return AIROI_ERR_INTERNAL;
}

/* An engine's result: 1 and *x for a number, 0 for an error. */
static int engine_number(const char *s, double *x)
{
    if (s[0] == '#' || s[0] == '\0')
        return 0;
    *x = strtod(s, NULL);
    return 1;
}

/* The result agrees with an engine's text: the same number to 1e-9
 * relative (1e-13 absolute where the value cancels to nearly 0), or a
 * failure where the engine errs. */
static int agrees(int st, double out, const char *engine)
{
    double x;
    if (!engine_number(engine, &x))
        return st != AIROI_OK;
    return st == AIROI_OK && close_to(out, x, 1e-9, 1e-13);
}

START_TEST(reference_table)
{
    FILE *fp = fopen(FINANCE_REFERENCE_MORE, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", FINANCE_REFERENCE_MORE);
    static char line[8192];
    ref_case c;
    int cases = 0, failures = 0, both = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        ck_assert_msg(parse(&c, line) == 0, "bad reference line: %.80s", line);
        cases++;
        double out = 12345.0;
        int st = run(&c, &out), ok;
        if (!strncmp(c.expect, "EXACT=", 6) || !strncmp(c.expect, "EXCEL=", 6)) {
            ok = st == AIROI_OK && close_to(out, strtod(c.expect + 6, NULL), 1e-12, 0.0);
        } else if (!strcmp(c.expect, "INVALID")) {
            ok = st == AIROI_ERR_INVALID && out == 12345.0;
        } else if (!strcmp(c.expect, "LIBREOFFICE")) {
            ok = agrees(st, out, c.lo);
        } else {
            double g, l;
            ok = agrees(st, out, c.gn) && agrees(st, out, c.lo) &&
                 engine_number(c.gn, &g) == engine_number(c.lo, &l);
            both += st == AIROI_OK;
        }
        if (st != AIROI_OK && out != 12345.0)
            ok = 0; /* untouched on failure */
        if (!ok) {
            failures++;
            fprintf(stderr, "reference %s (%s): status %d, got %.17g; Gnumeric %s, "
                    "LibreOffice %s, expectation '%s'\n", c.id, c.func, st, out, c.gn, c.lo,
                    c.expect);
        }
    }
    fclose(fp);
    ck_assert_int_ge(cases, 350);
    ck_assert_int_ge(both, 250);
    ck_assert_msg(failures == 0, "%d of %d reference cases disagree (see stderr)", failures,
                  cases);
}
END_TEST

/* ---------------------------------------- exactness and edges */

START_TEST(loans_large_powers)
{
    /* 1,000 yearly payments at 10 %: (1.1)^1000 is 2.5e41, and PMT - IPMT
     * in the first year is a principal of about 1e-38 of the payment. The
     * exact PPMT is -pv r / ((1+r)^n - 1). */
    const double r = 0.1, n = 1000, pv = 10000;
    const double want = -pv * r / expm1(n * log1p(r));
    CHECK_NUM(airoi_ppmt(&out_, r, 1, n, pv, 0, 0), want, 1e-12 * fabs(want));
    CHECK_NUM(airoi_ppmt(&out_, r, 2, n, pv, 0, 0), want * 1.1, 1e-12 * fabs(want));
    /* IPMT + PPMT is the payment, in every period. */
    double pmt;
    ck_assert_int_eq(airoi_pmt(&pmt, r, n, pv, 0, 0), AIROI_OK);
    for (double per = 1; per <= n; per += 37) {
        double i, p;
        ck_assert_int_eq(airoi_ipmt(&i, r, per, n, pv, 0, 0), AIROI_OK);
        ck_assert_int_eq(airoi_ppmt(&p, r, per, n, pv, 0, 0), AIROI_OK);
        ck_assert(close_to(i + p, pmt, 1e-12, 0));
    }
    /* CUMIPMT over the whole loan is the payments minus the principal. */
    double ci, cp;
    ck_assert_int_eq(airoi_cumipmt(&ci, 0.01, 360, 1e5, 1, 360, 1), AIROI_OK);
    ck_assert_int_eq(airoi_cumprinc(&cp, 0.01, 360, 1e5, 1, 360, 1), AIROI_OK);
    ck_assert_int_eq(airoi_pmt(&pmt, 0.01, 360, 1e5, 0, 1), AIROI_OK);
    ck_assert(close_to(cp, -1e5, 1e-12, 0));
    ck_assert(close_to(ci + cp, 360 * pmt, 1e-12, 0));
}
END_TEST

START_TEST(edges)
{
    CHECK_FAIL(airoi_ipmt(&out_, 0.1, 0, 3, 8000, 0, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_ipmt(&out_, 0.1, 4, 3, 8000, 0, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_ipmt(&out_, -1, 1, 3, 8000, 0, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_ppmt(&out_, (double)NAN, 1, 3, 8000, 0, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_cumipmt(&out_, 0, 12, 1000, 1, 12, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_cumprinc(&out_, 0.01, 12, 1000, 1, 12, 2), AIROI_ERR_INVALID);
    /* periods from 2^53 on, where p + 1 == p: the sum ends (tests/fuzz/fuzz-xloper.c found
     * a loop on p that did not) */
    double far = (double)NAN;
    ck_assert_int_eq(airoi_cumipmt(&far, 0.1, 1e17 + 64, 1000, 1e17, 1e17 + 64, 0), AIROI_OK);
    ck_assert(isfinite(far));
    CHECK_FAIL(airoi_ispmt(&out_, 0.1, 1, 0, 4000), AIROI_ERR_INVALID);
    /* Excel's documentation: a nominal or effective rate of 0 is #NUM! (LibreOffice: 0). */
    CHECK_FAIL(airoi_effect(&out_, 0, 4), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_nominal(&out_, 0, 4), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_effect(&out_, 0.05, 0.5), AIROI_ERR_INVALID);
    /* no cancellation: 1e-12 + C(12, 2) (1e-12 / 12)^2 + ... */
    CHECK_NUM(airoi_effect(&out_, 1e-12, 12), 1e-12 + 66.0 * (1e-12 / 12) * (1e-12 / 12), 1e-27);
    CHECK_FAIL(airoi_pduration(&out_, 0, 100, 200), AIROI_ERR_INVALID);
    CHECK_NUM(airoi_pduration(&out_, 0.1, 1e300, 1e300 * 1.1), 1.0, 1e-12);
    CHECK_NUM(airoi_rri(&out_, 10, 100, 0), -1.0, 0.0);
    CHECK_FAIL(airoi_rri(&out_, 10, -100, 200), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_rri(&out_, 0, 100, 200), AIROI_ERR_INVALID);
    /* 1e300 (1 + 1e200) overflows before 13 factors of 2^-52 bring it back. */
    double sched[14] = {1e200};
    for (int k = 1; k < 14; k++)
        sched[k] = -1.0 + 0x1p-52;
    const double want = ldexp(1e300, -676) * 1e200;
    CHECK_NUM(airoi_fvschedule(&out_, 1e300, sched, 14), want, 1e-15 * want);
    CHECK_FAIL(airoi_fvschedule(&out_, 1, NULL, 3), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_sln(&out_, 1, 0, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_syd(&out_, 1, 0, -1, 1), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_db(&out_, 1000, 100, 6, 1, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_db(&out_, 1000, 100, 1e9, 1e9, 12), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_ddb(&out_, 2400, 300, 10, 0.5, 2), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_vdb(&out_, 2400, 300, 10, 4, 3, 2, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_vdb(&out_, 2400, 300, 1e9, 0, 1e9, 2, 0), AIROI_ERR_INVALID);
    /* VDB over the whole life depreciates down to salvage, switch or not. */
    CHECK_NUM(airoi_vdb(&out_, 2400, 300, 10, 0, 10, 2, 0), 2100.0, 1e-9);
    /* DB rounds its rate to 3 decimals: 1 - 0.1^(1/6) = 0.31871 -> 0.319. */
    CHECK_NUM(airoi_db(&out_, 1000, 100, 6, 1, 12), 319.0, 1e-9);
}
END_TEST

/* ------------------------------------------ rates of -1 and below */

START_TEST(rates_below_minus_one)
{
    /* Excel and HyperFormula: PV(-2, 24, 100, 400, 1) = -400. */
    CHECK_NUM(airoi_pv(&out_, -2, 24, 100, 400, 1), -400.0, 1e-9);
    CHECK_NUM(airoi_fv(&out_, -1, 24, 100, 400, 0), -100.0, 1e-9);
    CHECK_NUM(airoi_pmt(&out_, -1, 24, 100, 400, 0), -400.0, 1e-9);
    CHECK_FAIL(airoi_pv(&out_, -1, 24, 100, 400, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_pv(&out_, -2, 2.5, 100, 400, 0), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_pmt(&out_, -2, 24, 100, 400, 0), AIROI_ERR_INVALID); /* (-1)^24 - 1 = 0 */
    CHECK_FAIL(airoi_nper(&out_, -2, 100, -1000, 0, 0), AIROI_ERR_INVALID);
    const double v[3] = {1, 2, 3};
    CHECK_NUM(airoi_npv(&out_, -1.5, v, 3), -18.0, 1e-12);
    /* MIRR with a finance rate of -2: the negative flow is at t = 0. */
    const double m[3] = {-100, 50, 60};
    CHECK_NUM(airoi_mirr(&out_, m, 3, -2, 0.1), sqrt(1.15) - 1.0, 1e-12);
    CHECK_FAIL(airoi_mirr(&out_, m, 3, -1, 0.1), AIROI_ERR_INVALID);
    /* MIRR of all-negative flows is -1, as Excel; all-positive is #DIV/0!. */
    const double neg[3] = {-1, -2, -3}, pos[3] = {1, 2, 3};
    CHECK_NUM(airoi_mirr(&out_, neg, 3, 0.1, 0.1), -1.0, 0.0);
    CHECK_NUM(airoi_mirr(&out_, neg, 3, -2, 0.1), -1.0, 0.0);
    CHECK_FAIL(airoi_mirr(&out_, pos, 3, 0.1, 0.1), AIROI_ERR_NO_SOLUTION);
    /* The loan functions at -2 (whole powers): IPMT + PPMT = PMT. */
    double pmt, i, p;
    ck_assert_int_eq(airoi_pmt(&pmt, -2.5, 7, 100, 0, 0), AIROI_OK);
    ck_assert_int_eq(airoi_ipmt(&i, -2.5, 3, 7, 100, 0, 0), AIROI_OK);
    ck_assert_int_eq(airoi_ppmt(&p, -2.5, 3, 7, 100, 0, 0), AIROI_OK);
    ck_assert(close_to(i + p, pmt, 1e-12, 0));
    CHECK_FAIL(airoi_ipmt(&out_, -2.5, 2.5, 7, 100, 0, 0), AIROI_ERR_INVALID);
}
END_TEST

/* ------------------------------------------------------ day counts */

static int32_t day(const char *iso)
{
    int32_t d = 0;
    ck_assert_int_eq(airoi_date_from_iso(&d, iso), AIROI_OK);
    return d;
}

static double yf(const char *a, const char *b, airoi_day_count dc)
{
    double t = (double)NAN;
    ck_assert_int_eq(airoi_year_fraction(&t, day(a), day(b), dc), AIROI_OK);
    return t;
}

START_TEST(day_count_fractions)
{
    /* The deltaquants.com examples that pyxirr's tests use. */
    const struct {
        const char *a, *b;
        double act_act, act365, act360, us, eu;
    } ex[] = {
        {"2007-12-28", "2008-02-28", 4. / 365 + 58. / 366, 62. / 365, 62. / 360, 60. / 360,
         60. / 360},
        {"2007-12-28", "2008-02-29", 4. / 365 + 59. / 366, 63. / 365, 63. / 360, 61. / 360,
         61. / 360},
        {"2007-10-31", "2008-11-30", 62. / 365 + 334. / 366, 396. / 365, 396. / 360,
         390. / 360, 390. / 360},
        {"2008-02-01", "2009-05-31", 335. / 366 + 150. / 365, 485. / 365, 485. / 360,
         480. / 360, 479. / 360},
    };
    for (size_t k = 0; k < sizeof ex / sizeof ex[0]; k++) {
        ck_assert(close_to(yf(ex[k].a, ex[k].b, AIROI_DAY_COUNT_ACT_ACT), ex[k].act_act, 1e-15,
                           0));
        ck_assert(yf(ex[k].a, ex[k].b, AIROI_DAY_COUNT_ACT_365F) == ex[k].act365);
        ck_assert(yf(ex[k].a, ex[k].b, AIROI_DAY_COUNT_ACT_360) == ex[k].act360);
        ck_assert(yf(ex[k].a, ex[k].b, AIROI_DAY_COUNT_30_360) == ex[k].us);
        ck_assert(yf(ex[k].a, ex[k].b, AIROI_DAY_COUNT_30E_360) == ex[k].eu);
    }
    /* XLeratorDB's DAYS360 table (via pyxirr): 30/360 US and 30E/360 days. */
    const struct {
        const char *a, *b;
        int us, eu;
    } d360[] = {
        {"2007-01-15", "2007-01-30", 15, 15},  {"2007-01-15", "2007-02-15", 30, 30},
        {"2007-01-15", "2007-07-15", 180, 180}, {"2007-09-30", "2008-03-31", 180, 180},
        {"2007-09-30", "2007-10-31", 30, 30},  {"2007-09-30", "2008-09-30", 360, 360},
        {"2007-01-15", "2007-01-31", 16, 15},  {"2007-01-31", "2007-02-28", 28, 28},
        {"2007-02-28", "2007-03-31", 30, 32},  {"2006-08-31", "2007-02-28", 178, 178},
        {"2007-02-28", "2007-08-31", 180, 182}, {"2007-02-14", "2007-02-28", 14, 14},
        {"2007-02-26", "2008-02-29", 363, 363}, {"2008-02-29", "2009-02-28", 360, 359},
        {"2008-02-29", "2008-03-30", 30, 31},  {"2008-02-29", "2008-03-31", 30, 31},
        {"2007-02-28", "2007-03-05", 5, 7},    {"2007-10-31", "2007-11-28", 28, 28},
        {"2007-08-31", "2008-02-29", 179, 179}, {"2008-02-29", "2008-08-31", 180, 181},
        {"2008-08-31", "2009-02-28", 178, 178}, {"2009-02-28", "2009-08-31", 180, 182},
    };
    for (size_t k = 0; k < sizeof d360 / sizeof d360[0]; k++) {
        ck_assert_msg(yf(d360[k].a, d360[k].b, AIROI_DAY_COUNT_30_360) == d360[k].us / 360.0,
                      "30/360 US %s..%s", d360[k].a, d360[k].b);
        ck_assert_msg(yf(d360[k].a, d360[k].b, AIROI_DAY_COUNT_30E_360) == d360[k].eu / 360.0,
                      "30E/360 %s..%s", d360[k].a, d360[k].b);
    }
    ck_assert(yf("2020-01-01", "2021-01-01", AIROI_DAY_COUNT_ACT_365_25) == 366 / 365.25);
    ck_assert(yf("2019-07-01", "2023-07-01", AIROI_DAY_COUNT_ACT_ACT) ==
              (184. + 365 + 365 + 181) / 365 + 366. / 366);
    /* Names. */
    airoi_day_count dc;
    ck_assert_int_eq(airoi_day_count_from_name(&dc, "30e/360"), AIROI_OK);
    ck_assert_int_eq(dc, AIROI_DAY_COUNT_30E_360);
    ck_assert_str_eq(airoi_day_count_name(AIROI_DAY_COUNT_ACT_ACT), "act/act");
    ck_assert_ptr_null(airoi_day_count_name((airoi_day_count)0x1406));
    ck_assert_int_eq(airoi_day_count_from_name(&dc, "actual/365"), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "act/365f"));
    double t;
    ck_assert_int_eq(airoi_year_fraction(&t, 0, 1, (airoi_day_count)AIROI_PERIOD_YEAR),
                     AIROI_ERR_INVALID);
}
END_TEST

START_TEST(day_count_xnpv_xirr)
{
    const double v[5] = {-10000, 2750, 4250, 3250, 2750};
    const int32_t d[5] = {13879, 13939, 14182, 14290, 14335}; /* Microsoft's XIRR example */
    double a, b;
    /* ACT/365F is Excel's: the same doubles as airoi_xnpv() and airoi_xirr(). */
    ck_assert_int_eq(airoi_xnpv(&a, 0.09, v, d, 5), AIROI_OK);
    ck_assert_int_eq(airoi_xnpv_day_count(&b, 0.09, v, d, 5, AIROI_DAY_COUNT_ACT_365F),
                     AIROI_OK);
    ck_assert(a == b);
    ck_assert_int_eq(airoi_xirr(&a, v, d, 5, 0.1), AIROI_OK);
    ck_assert_int_eq(airoi_xirr_day_count(&b, v, d, 5, 0.1, AIROI_DAY_COUNT_ACT_365F),
                     AIROI_OK);
    ck_assert(a == b);
    /* Every convention: XNPV by the definition, XNPV at XIRR is 0. */
    const airoi_day_count all[] = {AIROI_DAY_COUNT_ACT_360, AIROI_DAY_COUNT_ACT_365_25,
                                   AIROI_DAY_COUNT_30_360, AIROI_DAY_COUNT_30E_360,
                                   AIROI_DAY_COUNT_ACT_ACT};
    for (size_t k = 0; k < 5; k++) {
        double want = 0, t;
        for (int i = 0; i < 5; i++) {
            ck_assert_int_eq(airoi_year_fraction(&t, d[0], d[i], all[k]), AIROI_OK);
            want += v[i] / pow(1.09, t);
        }
        ck_assert_int_eq(airoi_xnpv_day_count(&a, 0.09, v, d, 5, all[k]), AIROI_OK);
        ck_assert(close_to(a, want, 1e-12, 0));
        ck_assert_int_eq(airoi_xirr_day_count(&b, v, d, 5, 0.1, all[k]), AIROI_OK);
        ck_assert_int_eq(airoi_xnpv_day_count(&a, b, v, d, 5, all[k]), AIROI_OK);
        ck_assert(fabs(a) < 1e-7);
    }
    /* ACT/360 counts more years than ACT/365F, so its XIRR is lower. */
    ck_assert_int_eq(airoi_xirr_day_count(&a, v, d, 5, 0.1, AIROI_DAY_COUNT_ACT_360), AIROI_OK);
    ck_assert_int_eq(airoi_xirr(&b, v, d, 5, 0.1), AIROI_OK);
    ck_assert(a < b);
    const int32_t bad[2] = {100, 99};
    const double two[2] = {-1, 2};
    CHECK_FAIL(airoi_xnpv_day_count(&out_, 0.1, two, bad, 2, AIROI_DAY_COUNT_30_360),
               AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_xirr_day_count(&out_, two, bad, 2, 0.1, AIROI_DAY_COUNT_ACT_ACT),
               AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_xirr_day_count(&out_, two, d, 2, 0.1, (airoi_day_count)0x1406),
               AIROI_ERR_INVALID);
    /* More than 64 dates take the heap path. */
    double many[100];
    int32_t md[100];
    for (int i = 0; i < 100; i++) {
        many[i] = i ? 15.0 : -1000.0;
        md[i] = 18000 + 30 * i;
    }
    ck_assert_int_eq(airoi_xirr_day_count(&a, many, md, 100, 0.1, AIROI_DAY_COUNT_30_360),
                     AIROI_OK);
    ck_assert_int_eq(airoi_xnpv_day_count(&b, a, many, md, 100, AIROI_DAY_COUNT_30_360),
                     AIROI_OK);
    ck_assert(fabs(b) < 1e-6);
}
END_TEST

/* ------------------------------------------------ batch forms */

/* Columns of the element-wise batch forms, one element per row of the
 * reference table (and a few failing ones). */
#define BMAX 512

typedef struct bcols {
    double d[6][BMAX];
    int32_t t[BMAX];
    size_t n;
} bcols;

static void badd(bcols *b, const double *d, size_t nd, double t)
{
    ck_assert(b->n < BMAX);
    for (size_t j = 0; j < nd; j++)
        b->d[j][b->n] = d[j];
    b->t[b->n] = (int32_t)t;
    b->n++;
}

/* Element i of a batch (value, status) is exactly the scalar call's. */
static void same_as_scalar(const char *what, const double *out, const int32_t *st, size_t i,
                           int sst, double sv)
{
    ck_assert_msg(st[i] == sst, "%s element %zu: status %d, scalar %d", what, i, (int)st[i],
                  sst);
    if (sst == AIROI_OK)
        ck_assert_msg(out[i] == sv || (isnan(out[i]) && isnan(sv)),
                      "%s element %zu: %.17g, scalar %.17g", what, i, out[i], sv);
    else
        ck_assert_msg(out[i] == 0.0, "%s element %zu: failed element holds %g", what, i, out[i]);
}

/* The return value of a batch call: AIROI_OK, or the first failing
 * element's status with "NAME_batch: element I: " in front of its message. */
static void batch_return(const char *name, int ret, const int32_t *st, size_t n)
{
    size_t i = 0;
    while (i < n && st[i] == AIROI_OK)
        i++;
    if (i == n) {
        ck_assert_int_eq(ret, AIROI_OK);
        return;
    }
    ck_assert_int_eq(ret, st[i]);
    char want[64];
    snprintf(want, sizeof want, "%s_batch: element %zu: ", name, i);
    ck_assert_msg(!strncmp(airoi_last_error_message(), want, strlen(want)), "message '%s'",
                  airoi_last_error_message());
}

static bcols B_ipmt, B_ppmt, B_sln, B_syd, B_db, B_ddb, B_tvm;

START_TEST(batch_reference)
{
    FILE *fp = fopen(FINANCE_REFERENCE_MORE, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", FINANCE_REFERENCE_MORE);
    static char line[8192];
    ref_case c;
    bcols *all[] = {&B_ipmt, &B_ppmt, &B_sln, &B_syd, &B_db, &B_ddb, &B_tvm};
    for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        all[k]->n = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        ck_assert(parse(&c, line) == 0);
        const double *a = c.sc;
        if (!strcmp(c.func, "ipmt") || !strcmp(c.func, "ppmt")) {
            badd(c.func[0] == 'i' ? &B_ipmt : &B_ppmt, a, 5, a[5]);
            const double tvm[4] = {a[0], a[2], a[3], a[4]}; /* rate nper pv fv */
            badd(&B_tvm, tvm, 4, a[5]);
        } else if (!strcmp(c.func, "sln")) {
            badd(&B_sln, a, 3, 0);
        } else if (!strcmp(c.func, "syd")) {
            badd(&B_syd, a, 4, 0);
        } else if (!strcmp(c.func, "db")) {
            badd(&B_db, a, 5, 0);
        } else if (!strcmp(c.func, "ddb")) {
            badd(&B_ddb, a, 5, 0);
        }
    }
    fclose(fp);
    /* failing elements: NaN, infinity, out of range */
    const double bad5[][5] = {{(double)NAN, 1, 3, 100, 0}, {0.1, HUGE_VAL, 3, 100, 0},
                              {0.1, 0, 3, 100, 0}, {0.1, 4, 3, 100, 0}, {-1, 1, 3, 100, 0}};
    for (size_t k = 0; k < 5; k++) {
        badd(&B_ipmt, bad5[k], 5, k == 4);
        badd(&B_ppmt, bad5[k], 5, 0);
        badd(&B_db, bad5[k], 5, 0);
        badd(&B_ddb, bad5[k], 5, 0);
        badd(&B_syd, bad5[k], 4, 0);
        badd(&B_sln, bad5[k], 3, 0);
        badd(&B_tvm, bad5[k], 4, 0);
    }
    ck_assert_uint_ge(B_ipmt.n, 40);
    ck_assert_uint_ge(B_ppmt.n, 40);
    ck_assert_uint_ge(B_db.n, 30);
    ck_assert_uint_ge(B_ddb.n, 30);
    ck_assert_uint_ge(B_syd.n, 15); /* reference rows besides the 5 failing ones */
    ck_assert_uint_ge(B_sln.n, 15);

    static double out[BMAX], pmts[BMAX];
    static int32_t st[BMAX];
    double v;
    int ret;
#define D_(b, j) (b).d[j]
    ret = airoi_ipmt_batch(out, st, D_(B_ipmt, 0), D_(B_ipmt, 1), D_(B_ipmt, 2), D_(B_ipmt, 3),
                           D_(B_ipmt, 4), B_ipmt.t, B_ipmt.n);
    batch_return("ipmt", ret, st, B_ipmt.n);
    for (size_t i = 0; i < B_ipmt.n; i++) {
        int s = airoi_ipmt(&v, B_ipmt.d[0][i], B_ipmt.d[1][i], B_ipmt.d[2][i], B_ipmt.d[3][i],
                           B_ipmt.d[4][i], B_ipmt.t[i]);
        same_as_scalar("ipmt", out, st, i, s, v);
    }
    ret = airoi_ppmt_batch(out, st, D_(B_ppmt, 0), D_(B_ppmt, 1), D_(B_ppmt, 2), D_(B_ppmt, 3),
                           D_(B_ppmt, 4), B_ppmt.t, B_ppmt.n);
    batch_return("ppmt", ret, st, B_ppmt.n);
    for (size_t i = 0; i < B_ppmt.n; i++) {
        int s = airoi_ppmt(&v, B_ppmt.d[0][i], B_ppmt.d[1][i], B_ppmt.d[2][i], B_ppmt.d[3][i],
                           B_ppmt.d[4][i], B_ppmt.t[i]);
        same_as_scalar("ppmt", out, st, i, s, v);
    }
    ret = airoi_sln_batch(out, st, D_(B_sln, 0), D_(B_sln, 1), D_(B_sln, 2), B_sln.n);
    batch_return("sln", ret, st, B_sln.n);
    for (size_t i = 0; i < B_sln.n; i++) {
        int s = airoi_sln(&v, B_sln.d[0][i], B_sln.d[1][i], B_sln.d[2][i]);
        same_as_scalar("sln", out, st, i, s, v);
    }
    ret = airoi_syd_batch(out, st, D_(B_syd, 0), D_(B_syd, 1), D_(B_syd, 2), D_(B_syd, 3),
                          B_syd.n);
    batch_return("syd", ret, st, B_syd.n);
    for (size_t i = 0; i < B_syd.n; i++) {
        int s = airoi_syd(&v, B_syd.d[0][i], B_syd.d[1][i], B_syd.d[2][i], B_syd.d[3][i]);
        same_as_scalar("syd", out, st, i, s, v);
    }
    ret = airoi_db_batch(out, st, D_(B_db, 0), D_(B_db, 1), D_(B_db, 2), D_(B_db, 3),
                         D_(B_db, 4), B_db.n);
    batch_return("db", ret, st, B_db.n);
    for (size_t i = 0; i < B_db.n; i++) {
        int s = airoi_db(&v, B_db.d[0][i], B_db.d[1][i], B_db.d[2][i], B_db.d[3][i],
                         B_db.d[4][i]);
        same_as_scalar("db", out, st, i, s, v);
    }
    ret = airoi_ddb_batch(out, st, D_(B_ddb, 0), D_(B_ddb, 1), D_(B_ddb, 2), D_(B_ddb, 3),
                          D_(B_ddb, 4), B_ddb.n);
    batch_return("ddb", ret, st, B_ddb.n);
    for (size_t i = 0; i < B_ddb.n; i++) {
        int s = airoi_ddb(&v, B_ddb.d[0][i], B_ddb.d[1][i], B_ddb.d[2][i], B_ddb.d[3][i],
                          B_ddb.d[4][i]);
        same_as_scalar("ddb", out, st, i, s, v);
    }
    /* TVM on the loans of the IPMT and PPMT rows: rate nper pv fv type. */
    bcols *T = &B_tvm;
    const size_t n = T->n;
    ret = airoi_pmt_batch(pmts, st, T->d[0], T->d[1], T->d[2], T->d[3], T->t, n);
    batch_return("pmt", ret, st, n);
    for (size_t i = 0; i < n; i++) {
        int s = airoi_pmt(&v, T->d[0][i], T->d[1][i], T->d[2][i], T->d[3][i], T->t[i]);
        same_as_scalar("pmt", pmts, st, i, s, v);
    }
    ret = airoi_pv_batch(out, st, T->d[0], T->d[1], pmts, T->d[3], T->t, n);
    batch_return("pv", ret, st, n);
    for (size_t i = 0; i < n; i++) {
        int s = airoi_pv(&v, T->d[0][i], T->d[1][i], pmts[i], T->d[3][i], T->t[i]);
        same_as_scalar("pv", out, st, i, s, v);
    }
    ret = airoi_fv_batch(out, st, T->d[0], T->d[1], pmts, T->d[2], T->t, n);
    batch_return("fv", ret, st, n);
    for (size_t i = 0; i < n; i++) {
        int s = airoi_fv(&v, T->d[0][i], T->d[1][i], pmts[i], T->d[2][i], T->t[i]);
        same_as_scalar("fv", out, st, i, s, v);
    }
    ret = airoi_nper_batch(out, st, T->d[0], pmts, T->d[2], T->d[3], T->t, n);
    batch_return("nper", ret, st, n);
    for (size_t i = 0; i < n; i++) {
        int s = airoi_nper(&v, T->d[0][i], pmts[i], T->d[2][i], T->d[3][i], T->t[i]);
        same_as_scalar("nper", out, st, i, s, v);
    }
    static double guess[BMAX];
    for (size_t i = 0; i < n; i++)
        guess[i] = i % 3 ? 0.1 : 0.01;
    ret = airoi_rate_batch(out, st, T->d[1], pmts, T->d[2], T->d[3], T->t, guess, n);
    batch_return("rate", ret, st, n);
    size_t solved = 0;
    for (size_t i = 0; i < n; i++) {
        int s = airoi_rate(&v, T->d[1][i], pmts[i], T->d[2][i], T->d[3][i], T->t[i], guess[i]);
        same_as_scalar("rate", out, st, i, s, v);
        solved += s == AIROI_OK;
    }
    ck_assert_uint_ge(solved, n / 2);
#undef D_
}
END_TEST

START_TEST(batch_arguments)
{
    double out[2] = {7, 7}, x[2] = {1, 2};
    int32_t st[2] = {9, 9}, t[2] = {0, 0};
    /* n = 0 reads nothing, even NULL */
    ck_assert_int_eq(airoi_ipmt_batch(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0),
                     AIROI_OK);
    ck_assert_int_eq(airoi_sln_batch(NULL, NULL, NULL, NULL, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_ipmt_batch(out, st, x, x, NULL, x, x, t, 2), AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi_last_error_message(), "ipmt_batch: nper is NULL");
    ck_assert_int_eq(airoi_pmt_batch(out, st, x, x, x, x, NULL, 2), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_db_batch(NULL, st, x, x, x, x, x, 2), AIROI_ERR_INVALID);
    ck_assert(out[0] == 7 && st[0] == 9); /* untouched */
    /* status_out may be NULL */
    const double cost[2] = {30000, 1000}, salvage[2] = {7500, 100}, life[2] = {10, 0};
    ck_assert_int_eq(airoi_sln_batch(out, NULL, cost, salvage, life, 2), AIROI_ERR_INVALID);
    ck_assert(out[0] == 2250.0 && out[1] == 0.0);
}
END_TEST

START_TEST(batch_day_count)
{
    /* Three rows sharing Microsoft's XIRR dates, one of them failing. */
    const int32_t d[5] = {13879, 13939, 14182, 14290, 14335};
    const double v[3][5] = {{-10000, 2750, 4250, 3250, 2750},
                            {-500, 100, 200, 300, 400},
                            {1, 2, 3, 4, 5}};
    const airoi_day_count all[] = {AIROI_DAY_COUNT_ACT_365F, AIROI_DAY_COUNT_ACT_360,
                                   AIROI_DAY_COUNT_ACT_365_25, AIROI_DAY_COUNT_30_360,
                                   AIROI_DAY_COUNT_30E_360, AIROI_DAY_COUNT_ACT_ACT};
    double out[3], a, b[3];
    int32_t st[3], st2[3];
    for (size_t k = 0; k < 6; k++) {
        int ret = airoi_xnpv_batch_day_count(out, st, 0.09, &v[0][0], d, 3, 5, all[k]);
        ck_assert_int_eq(ret, AIROI_OK);
        for (int i = 0; i < 3; i++) {
            ck_assert_int_eq(st[i], AIROI_OK);
            ck_assert_int_eq(airoi_xnpv_day_count(&a, 0.09, v[i], d, 5, all[k]), AIROI_OK);
            if (k == 0) /* ACT/365F: exactly airoi_xnpv_batch() */
                ck_assert_int_eq(airoi_xnpv_batch(b, NULL, 0.09, &v[0][0], d, 3, 5), AIROI_OK);
            ck_assert_msg(k == 0 ? out[i] == b[i] : out[i] == a, "xnpv %zu %d", k, i);
            ck_assert(close_to(out[i], a, 1e-13, 0));
        }
        ret = airoi_xirr_batch_day_count(out, st, &v[0][0], d, 3, 5, 0.1, all[k]);
        ck_assert_int_eq(ret, AIROI_ERR_NO_SOLUTION);
        ck_assert_msg(!strncmp(airoi_last_error_message(), "xirr_batch: row 2: ", 19), "%s",
                      airoi_last_error_message());
        if (k == 0)
            ck_assert_int_eq(airoi_xirr_batch(b, st2, &v[0][0], d, 3, 5, 0.1),
                             AIROI_ERR_NO_SOLUTION);
        for (int i = 0; i < 3; i++) {
            int s = airoi_xirr_day_count(&a, v[i], d, 5, 0.1, all[k]);
            ck_assert_int_eq(st[i], s);
            if (s != AIROI_OK) {
                ck_assert(out[i] == 0.0);
                continue;
            }
            if (k == 0)
                ck_assert(out[i] == b[i]);
            else
                ck_assert_msg(out[i] == a, "xirr %zu %d: %.17g %.17g", k, i, out[i], a);
        }
    }
    /* Argument checks before any row. */
    CHECK_FAIL(airoi_xnpv_batch_day_count(out, st, 0.1, &v[0][0], d, 3, 5,
                                          (airoi_day_count)0x1406), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_xirr_batch_day_count(out, st, &v[0][0], d, 3, 1, 0.1,
                                          AIROI_DAY_COUNT_ACT_360), AIROI_ERR_INVALID);
    CHECK_FAIL(airoi_xirr_batch_day_count(out, st, NULL, d, 3, 5, 0.1,
                                          AIROI_DAY_COUNT_ACT_360), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_xnpv_batch_day_count(NULL, NULL, 0.1, NULL, NULL, 0, 5,
                                                AIROI_DAY_COUNT_ACT_ACT), AIROI_OK);
    /* A shared failure (rate) fails every row. */
    ck_assert_int_eq(airoi_xnpv_batch_day_count(out, st, -2, &v[0][0], d, 3, 5,
                                                AIROI_DAY_COUNT_30_360), AIROI_ERR_INVALID);
    ck_assert(st[0] == AIROI_ERR_INVALID && st[2] == AIROI_ERR_INVALID);
}
END_TEST

static Suite *finance_more_suite(void)
{
    Suite *s = suite_create("finance-more");
    TCase *tc = tcase_create("microsoft");
    tcase_add_test(tc, ms_loans);
    tcase_add_test(tc, ms_rates);
    tcase_add_test(tc, ms_depreciation);
    suite_add_tcase(s, tc);
    tc = tcase_create("reference");
    tcase_add_test(tc, reference_table);
    suite_add_tcase(s, tc);
    tc = tcase_create("edges");
    tcase_add_test(tc, loans_large_powers);
    tcase_add_test(tc, edges);
    tcase_add_test(tc, rates_below_minus_one);
    suite_add_tcase(s, tc);
    tc = tcase_create("day_counts");
    tcase_add_test(tc, day_count_fractions);
    tcase_add_test(tc, day_count_xnpv_xirr);
    suite_add_tcase(s, tc);
    tc = tcase_create("batch");
    tcase_add_test(tc, batch_reference);
    tcase_add_test(tc, batch_arguments);
    tcase_add_test(tc, batch_day_count);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(finance_more_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
