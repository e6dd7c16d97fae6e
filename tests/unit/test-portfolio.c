/*
 * tests/unit/test-portfolio.c: portfolios (white-box for the selection):
 * the exact selection against brute force on random portfolios of up to 20
 * projects, a 64-project case against a dynamic programme and one whose
 * optimum is known by construction; the bundled example portfolio through
 * the public API; ranks with figures that do not exist; invalid portfolio
 * files and their messages; the efficient frontier against brute force at
 * every level; the portfolio Monte Carlo (the same figures for any thread
 * count and for merged ranges, contributions summing to 1, a shared driver
 * moving projects together, invalid drivers naming both files).
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <airoi/airoi.h>
#include "portfolio-private.h"

/* A fresh step count for one selection (airoi__portfolio_select). */
#define FRESH ((uint64_t[1]){0})

/* ---- brute force, written from the rule itself ------------------------------------ */

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 33) % n;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* < 0 when the sorted names of set a come before those of set b. */
static int names_before(uint32_t a, uint32_t b, const char *const *names, size_t n)
{
    const char *la[32], *lb[32];
    size_t na = 0, nb = 0;
    for (size_t i = 0; i < n; i++) {
        if (a >> i & 1)
            la[na++] = names[i];
        if (b >> i & 1)
            lb[nb++] = names[i];
    }
    qsort(la, na, sizeof *la, cmp_names);
    qsort(lb, nb, sizeof *lb, cmp_names);
    for (size_t i = 0; i < na && i < nb; i++) {
        int c = strcmp(la[i], lb[i]);
        if (c)
            return c;
    }
    return (int)na - (int)nb;
}

/* The best mask by the rule, or -1 when the mandatory projects do not fit. */
static long brute(const double *npv, const double *inv, const int *mand, const char *const *names,
                  size_t n, double budget)
{
    long best = -1;
    double bn = 0, bi = 0;
    for (uint32_t m = 0; m < (1u << n); m++) {
        /* totals in file order with compensated summation, as the rule says
         * (docs/portfolio.md): a budget equal to a set's exact total admits it */
        airoi__sum an = {0, 0}, ai = {0, 0};
        int ok = 1;
        for (size_t i = 0; i < n && ok; i++) {
            if (mand[i] && !(m >> i & 1))
                ok = 0;
            if (m >> i & 1) {
                airoi__sum_add(&an, npv[i]);
                airoi__sum_add(&ai, inv[i]);
            }
        }
        double sn = airoi__sum_get(&an), si = airoi__sum_get(&ai);
        if (!ok || si > budget)
            continue;
        if (best < 0 || sn > bn ||
            (sn == bn && (si < bi || (si == bi && names_before(m, (uint32_t)best, names, n) < 0)))) {
            best = (long)m;
            bn = sn;
            bi = si;
        }
    }
    return best;
}

static const char *const pool_names[] = {
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
    "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon", "Phi", "Chi",
    "Psi", "Omega", "A", "AB", "Ab", "\xc3\x89lan", "Zoe", "zeta"};
#define NPOOL (sizeof pool_names / sizeof pool_names[0])

/* n random projects with distinct names, mandatory with odds 1 in mand_odds.
 * Whole numbers in small ranges make ties (of NPV, then of investment) common. */
static void random_projects(double *npv, double *inv, int *mand, const char **names, size_t n,
                            int whole, uint32_t mand_odds)
{
    int used[NPOOL] = {0};
    for (size_t i = 0; i < n; i++) {
        uint32_t k;
        do
            k = rnd(NPOOL);
        while (used[k]);
        used[k] = 1;
        names[i] = pool_names[k];
        if (whole) {
            npv[i] = (double)rnd(16) - 4;
            inv[i] = (double)rnd(8);
        } else {
            npv[i] = ((double)rnd(2000001) - 400000) / 7.0;
            inv[i] = (double)rnd(1000001) / 3.0;
        }
        mand[i] = rnd(mand_odds) == 0;
    }
}

/* One random portfolio of n projects checked against brute force. */
static void check_random(size_t n, int whole)
{
    double npv[20], inv[20];
    int mand[20];
    const char *names[20];
    random_projects(npv, inv, mand, names, n, whole, 8);
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += inv[i];
    double budget = whole ? (double)rnd((uint32_t)total + 2) : total * rnd(101) / 100.0;
    unsigned char chosen[20];
    long want = brute(npv, inv, mand, names, n, budget);
    int rc = airoi__portfolio_select(chosen, npv, inv, mand, names, n, budget, 1, FRESH);
    if (want < 0) {
        ck_assert_int_eq(rc, AIROI_ERR_MODEL);
        ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "mandatory projects alone"));
        return;
    }
    ck_assert_int_eq(rc, AIROI_OK);
    uint32_t got = 0;
    for (size_t i = 0; i < n; i++)
        got |= (uint32_t)chosen[i] << i;
    ck_assert_msg(got == (uint32_t)want, "n=%zu budget=%g: chose 0x%x, brute force 0x%lx", n,
                  budget, got, want);
}

START_TEST(select_matches_brute_force)
{
    rng_state = 20261202;
    for (int t = 0; t < 400; t++)
        check_random(1 + rnd(14), t % 2);
    for (int t = 0; t < 6; t++)
        check_random(17 + rnd(4), t % 2);
    check_random(20, 1);
    check_random(20, 0);
}
END_TEST

/* 64 projects with whole investments: the exact optimum by a dynamic
 * programme over the budget, independent of the branch and bound. */
START_TEST(select_64_against_dynamic_programme)
{
    enum { N = 64, B = 1500 };
    double npv[N], inv[N];
    int mand[N] = {0};
    const char *names[N];
    char buf[N][8];
    rng_state = 64;
    for (int i = 0; i < N; i++) {
        snprintf(buf[i], sizeof buf[i], "P%02d", i);
        names[i] = buf[i];
        inv[i] = 1 + rnd(100);
        npv[i] = (double)rnd(1000) + 0.5 * (double)rnd(2); /* some halves */
    }
    mand[3] = mand[40] = 1;
    static double best[B + 1];
    double base = npv[3] + npv[40];
    int cap = B - (int)inv[3] - (int)inv[40];
    for (int c = 0; c <= cap; c++)
        best[c] = 0;
    for (int i = 0; i < N; i++) {
        if (mand[i])
            continue;
        for (int c = cap; c >= (int)inv[i]; c--)
            if (best[c - (int)inv[i]] + npv[i] > best[c])
                best[c] = best[c - (int)inv[i]] + npv[i];
    }
    unsigned char chosen[N];
    ck_assert_int_eq(airoi__portfolio_select(chosen, npv, inv, mand, names, N, B, 1, FRESH), AIROI_OK);
    double sn = 0, si = 0;
    for (int i = 0; i < N; i++)
        if (chosen[i]) {
            sn += npv[i];
            si += inv[i];
        }
    ck_assert(chosen[3] && chosen[40]);
    ck_assert_double_le(si, B);
    ck_assert_double_eq(sn, base + best[cap]);
}
END_TEST

/* 64 projects: 32 at NPV = 3 x investment, 32 at NPV = investment; the
 * budget is exactly the investment of the first 32, so they are the only
 * best set (NPV 3 x budget); a zero-investment, zero-NPV project named to
 * sort first joins by the name rule, one named to sort last does not. */
START_TEST(select_64_known_optimum)
{
    enum { N = 64 };
    double npv[N], inv[N];
    int mand[N] = {0};
    const char *names[N];
    char buf[N][8];
    double budget = 0;
    for (int i = 0; i < N; i++) {
        snprintf(buf[i], sizeof buf[i], "Q%02d", i);
        names[i] = buf[i];
        inv[i] = 1000 + 37 * i;
        npv[i] = i % 2 ? inv[i] : 3 * inv[i];
        if (i % 2 == 0)
            budget += inv[i];
    }
    inv[62] = npv[62] = 0; /* even: "Q62" */
    budget -= 1000 + 37 * 62;
    names[62] = "A zero";
    inv[63] = npv[63] = 0;
    names[63] = "zz zero";
    unsigned char chosen[N];
    ck_assert_int_eq(airoi__portfolio_select(chosen, npv, inv, mand, names, N, budget, 1, FRESH), AIROI_OK);
    for (int i = 0; i < 62; i++)
        ck_assert_msg(chosen[i] == (i % 2 == 0), "project %d", i);
    ck_assert_int_eq(chosen[62], 1);
    ck_assert_int_eq(chosen[63], 0);
}
END_TEST

START_TEST(select_ties_and_mandatory)
{
    /* same NPV: the smaller investment wins; then the names */
    double npv[3] = {10, 10, 10}, inv[3] = {5, 4, 4};
    int mand[3] = {0};
    const char *names[3] = {"C", "B", "A"};
    unsigned char ch[3];
    ck_assert_int_eq(airoi__portfolio_select(ch, npv, inv, mand, names, 3, 5, 1, FRESH), AIROI_OK);
    ck_assert(!ch[0] && !ch[1] && ch[2]);
    /* a mandatory project with a negative NPV is in */
    double npv2[2] = {-3, 5}, inv2[2] = {2, 2};
    int mand2[2] = {1, 0};
    const char *names2[2] = {"M", "N"};
    ck_assert_int_eq(airoi__portfolio_select(ch, npv2, inv2, mand2, names2, 2, 4, 1, FRESH), AIROI_OK);
    ck_assert(ch[0] && ch[1]);
    ck_assert_int_eq(airoi__portfolio_select(ch, npv2, inv2, mand2, names2, 2, 1, 1, FRESH),
                     AIROI_ERR_MODEL);
    /* no budget: every project with NPV > 0 */
    ck_assert_int_eq(airoi__portfolio_select(ch, npv2, inv2, (int[2]){0, 0}, names2, 2, 0, 0, FRESH),
                     AIROI_OK);
    ck_assert(!ch[0] && ch[1]);
}
END_TEST

/* ---- the public API ----------------------------------------------------------------- */

static char *example(const char *name)
{
    static char path[1024];
    const char *dir = getenv("AIROI_EXAMPLES");
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "docs/examples", name);
    return path;
}

START_TEST(example_portfolio)
{
    airoi_portfolio *pf = NULL;
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_portfolio_load_file(&pf, &d, example("portfolio/ai-programme-2027.yaml"), 0),
                     AIROI_OK);
    airoi_diagnostics_free(d);
    ck_assert_uint_eq(airoi_portfolio_count_projects(pf), 6);
    airoi_portfolio_result *r = NULL;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), AIROI_OK);
    /* AI visual inspection: NPV 120 x 10,000 TWD; the pilot in USD at 32 */
    double v;
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&v, r, 0, AIROI_PORTFOLIO_NPV), 0);
    ck_assert_double_eq_tol(v, 1200000, 1e-6);
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&v, r, 0, AIROI_PORTFOLIO_INVESTMENT),
                     0);
    ck_assert_double_eq_tol(v, 3800000, 1e-6);
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&v, r, 5, AIROI_PORTFOLIO_INVESTMENT),
                     0);
    ck_assert_double_eq_tol(v, 12 * 20000 * 0.75 * 32, 1e-6); /* 9 months of the year */
    int sel[6];
    double tn = 0, ti = 0;
    for (size_t i = 0; i < 6; i++) {
        ck_assert_int_eq(airoi_portfolio_result_get_selected(&sel[i], r, i), 0);
        double n1, i1;
        airoi_portfolio_result_get_project_number(&n1, r, i, AIROI_PORTFOLIO_NPV);
        airoi_portfolio_result_get_project_number(&i1, r, i, AIROI_PORTFOLIO_INVESTMENT);
        if (sel[i]) {
            tn += n1;
            ti += i1;
        }
    }
    ck_assert(sel[0] && !sel[1] && sel[2] && sel[3] && !sel[4] && sel[5]);
    ck_assert_int_eq(airoi_portfolio_result_get_number(&v, r, AIROI_PORTFOLIO_TOTAL_NPV), 0);
    ck_assert_double_eq_tol(v, tn, 1e-6);
    ck_assert_int_eq(airoi_portfolio_result_get_number(&v, r, AIROI_PORTFOLIO_TOTAL_INVESTMENT), 0);
    ck_assert_double_eq_tol(v, ti, 1e-6);
    ck_assert_double_le(v, 20000000);
    int32_t rank;
    ck_assert_int_eq(airoi_portfolio_result_get_rank(&rank, r, 4, AIROI_PORTFOLIO_NPV), 0);
    ck_assert_int_eq(rank, 1);
    ck_assert_int_eq(airoi_portfolio_result_get_rank(&rank, r, 5, AIROI_PORTFOLIO_IRR), 0);
    ck_assert_int_eq(rank, 1);
    /* a total is not a project figure, and the other family is named */
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&v, r, 0, AIROI_PORTFOLIO_BUDGET),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_portfolio_result_get_rank(&rank, r, 0, (airoi_portfolio_figure)AIROI_METRIC_NPV),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "airoi_portfolio_figure"));
    /* the report's JSON keys */
    char *text = NULL;
    ck_assert_int_eq(airoi_portfolio_report_write(&text, NULL, r, AIROI_REPORT_JSON, 0), 0);
    const char *keys[] = {"\"budget\"", "\"measure\"", "\"selected\"", "\"total_npv\"",
                          "\"total_investment\"", "\"expected_npv\"", "\"projects\"",
                          "\"roi_risk_adjusted\"", "\"pi\"", "\"rank_roi_risk_adjusted\""};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        ck_assert_ptr_nonnull(strstr(text, keys[i]));
    airoi_free(text);
    /* saved and loaded back: the same selection */
    ck_assert_int_eq(airoi_portfolio_save_buffer(&text, NULL, pf, 0), 0);
    char dir[] = "/tmp/airoi-pf-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/saved.yaml", dir);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    airoi_free(text);
    airoi_portfolio *back = NULL;
    ck_assert_msg(airoi_portfolio_load_file(&back, NULL, path, 0) == 0, "%s",
                  airoi_last_error_message());
    airoi_portfolio_result *r2 = NULL;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r2, back, 0), 0);
    for (size_t i = 0; i < 6; i++) {
        int s2;
        airoi_portfolio_result_get_selected(&s2, r2, i);
        ck_assert_int_eq(s2, sel[i]);
    }
    double n2;
    airoi_portfolio_result_get_number(&n2, r2, AIROI_PORTFOLIO_TOTAL_NPV);
    ck_assert_double_eq_tol(n2, tn, 1e-6 * fabs(tn));
    remove(path);
    rmdir(dir);
    airoi_portfolio_result_free(r2);
    airoi_portfolio_free(back);
    airoi_portfolio_result_free(r);
    airoi_portfolio_free(pf);
}
END_TEST

/* ---- invalid files ------------------------------------------------------------------- */

static char tmpdir[64];

static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Loading `text` fails with `status`, and some diagnostic holds `want`
 * after "pf.yaml:" (most wants start with the position). */
static void expect_load(const char *text, int status, const char *want)
{
    const char *path = write_file("pf.yaml", text);
    airoi_portfolio *pf = NULL;
    airoi_diagnostics *d = NULL;
    int rc = airoi_portfolio_load_file(&pf, &d, path, 0);
    ck_assert_msg(rc == status, "'%s': status %d, expected %d (%s)", want, rc, status,
                  airoi_last_error_message());
    ck_assert_ptr_null(pf);
    int found = 0;
    for (size_t i = 0; i < airoi_diagnostics_count(d); i++) {
        const char *t = airoi_diagnostics_get_text(d, i);
        const char *rest = strstr(t, "pf.yaml:");
        if (rest && strstr(rest + 8, want))
            found = 1;
    }
    if (!found)
        for (size_t i = 0; i < airoi_diagnostics_count(d); i++)
            fprintf(stderr, "  got: %s\n", airoi_diagnostics_get_text(d, i));
    ck_assert_msg(found, "expected a diagnostic '%s'", want);
    airoi_diagnostics_free(d);
}

/* Evaluating `text` fails with `status` and a message holding `want`. */
static void expect_eval(const char *text, int status, const char *want)
{
    const char *path = write_file("pf.yaml", text);
    airoi_portfolio *pf = NULL;
    ck_assert_msg(airoi_portfolio_load_file(&pf, NULL, path, 0) == 0, "%s",
                  airoi_last_error_message());
    airoi_portfolio_result *r = NULL;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), status);
    ck_assert_ptr_null(r);
    ck_assert_msg(strstr(airoi_last_error_message(), want), "message '%s' lacks '%s'",
                  airoi_last_error_message(), want);
    airoi_portfolio_free(pf);
}

#define HEAD "airoi: 1\nportfolio: {name: P, currency: USD, budget: 100}\n"
#define INLINE(name, cur, cost)                                                              \
    "  - project: {name: " name ", currency: " cur ", period: year, horizon: 2, "            \
    "discount_rate: 0.1}\n    costs: [{name: c, category: people, amount: " cost ", at: 0}]\n" \
    "    values: [{name: v, dimension: efficiency, amount: 100, per: year, from: 1}]\n"

START_TEST(invalid_files)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-pf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    write_file("bad.yaml", "airoi: 1\nproject:\n  name: B\n  horizon: -1\n");
    expect_load(HEAD "projects:\n  - {file: missing.yaml}\n", AIROI_ERR_IO,
                "4:12: projects[0].file: the project file is invalid: ");
    expect_load(HEAD "projects:\n  - {file: missing.yaml}\n", AIROI_ERR_IO,
                "missing.yaml: cannot open the file");
    expect_load(HEAD "projects:\n  - {file: bad.yaml}\n", AIROI_ERR_PARSE,
                "4:12: projects[0].file: the project file is invalid: ");
    expect_load(HEAD "projects:\n  - {file: bad.yaml}\n", AIROI_ERR_PARSE,
                "bad.yaml:4:12: project.horizon: expected a whole number of periods >= 0; got -1");
    expect_load("airoi: 1\nportfolio: {name: P, currency: USD, budget: -5}\nprojects:\n"
                INLINE("A", "USD", "10"),
                AIROI_ERR_MODEL, "2:45: portfolio.budget: expected a number >= 0; got -5");
    expect_load("airoi: 1\nportfolio: {name: P, currency: USD, measure: npv}\nprojects:\n"
                INLINE("A", "USD", "10"),
                AIROI_ERR_MODEL,
                "2:46: portfolio.measure: expected first_year_costs, tco or pv_costs; got 'npv'");
    expect_load("airoi: 1\nportfolio: {name: P, currency: dollars}\nprojects:\n"
                INLINE("A", "USD", "10"),
                AIROI_ERR_MODEL, "2:32: portfolio.currency: expected an ISO 4217 code");
    expect_load(HEAD "fx: {EUR: 0}\nprojects:\n" INLINE("A", "USD", "10"), AIROI_ERR_MODEL,
                "3:11: fx.EUR: expected a rate > 0 (1 EUR = RATE USD); got 0");
    expect_load(HEAD "fx: {EURO: 1.1}\nprojects:\n" INLINE("A", "USD", "10"), AIROI_ERR_MODEL,
                "3:6: fx: 'EURO' is not an ISO 4217 currency code");
    expect_load(HEAD "projects:\n  - {file: bad.yaml, mandatory: maybe}\n", AIROI_ERR_PARSE,
                "4:33: projects[0].mandatory: expected true or false; got 'maybe'");
    expect_load(HEAD "projects:\n"
                "  - project: {name: Q, currency: USD, period: year, horizon: -2, "
                "discount_rate: 0.1}\n",
                AIROI_ERR_PARSE, "4:62: project.horizon: expected a whole number of periods");
    expect_load(HEAD "projects: []\n", AIROI_ERR_MODEL, "3:11: projects: expected at least one project");
    expect_load("airoi: 1\nprojects:\n" INLINE("A", "USD", "10"), AIROI_ERR_PARSE,
                "1:1: missing required key 'portfolio'");
    expect_load(HEAD "projects:\n" INLINE("A", "USD", "10") INLINE("A", "USD", "20"),
                AIROI_ERR_MODEL, "7:5: projects[1]: two projects of the portfolio are named 'A'");
    expect_eval(HEAD "projects:\n" INLINE("A", "EUR", "10"), AIROI_ERR_MODEL,
                "project 'A' is in EUR; the portfolio's fx has no rate for EUR");
    expect_eval(HEAD "projects:\n" INLINE("A", "USD", "60") "    mandatory: true\n"
                INLINE("B", "USD", "50") "    mandatory: true\n",
                AIROI_ERR_MODEL, "the mandatory projects alone invest 110, more than the budget "
                                 "of 100");
    remove(write_file("bad.yaml", ""));
    remove(write_file("pf.yaml", ""));
    rmdir(tmpdir);
}
END_TEST

/* A figure that does not exist ranks after every one that does. */
START_TEST(ranks_with_missing_figures)
{
    airoi_portfolio *pf = NULL;
    ck_assert_int_eq(airoi_portfolio_new(&pf, "R", "USD"), 0);
    const double costs[3] = {100, 100, 0};
    const double vals[3] = {150, 150, 50};
    for (int i = 0; i < 3; i++) {
        airoi_project *p = NULL;
        char name[8];
        snprintf(name, sizeof name, "P%d", i);
        ck_assert_int_eq(airoi_project_new(&p, name), 0);
        airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 1);
        airoi_project_set_number(p, AIROI_PROJECT_DISCOUNT_RATE, 0);
        airoi_item *it = NULL;
        if (costs[i] > 0) {
            ck_assert_int_eq(airoi_project_add_cost(&it, p, "c", AIROI_CATEGORY_PEOPLE), 0);
            airoi_item_set_number(it, AIROI_ITEM_AMOUNT, costs[i]);
            airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_ONCE);
        }
        ck_assert_int_eq(airoi_project_add_value(&it, p, "v", AIROI_DIMENSION_EFFICIENCY), 0);
        airoi_item_set_number(it, AIROI_ITEM_AMOUNT, vals[i]);
        airoi_item_set_number(it, AIROI_ITEM_PER, AIROI_PER_ONCE);
        airoi_item_set_number(it, AIROI_ITEM_AT, 1);
        ck_assert_int_eq(airoi_portfolio_add_project(pf, p, 0, NULL), 0);
        airoi_project_free(p);
    }
    airoi_portfolio_result *r = NULL;
    ck_assert_msg(airoi_portfolio_evaluate(&r, pf, 0) == 0, "%s", airoi_last_error_message());
    double v;
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&v, r, 2, AIROI_PORTFOLIO_PI),
                     AIROI_ERR_UNDEFINED);
    int32_t rk[3];
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(airoi_portfolio_result_get_rank(&rk[i], r, i, AIROI_PORTFOLIO_PI), 0);
    ck_assert_int_eq(rk[0], 1); /* equal values share the better rank */
    ck_assert_int_eq(rk[1], 1);
    ck_assert_int_eq(rk[2], 3); /* none: 1 + the two that exist */
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(airoi_portfolio_result_get_rank(&rk[i], r, i, AIROI_PORTFOLIO_NPV), 0);
    ck_assert_int_eq(rk[0], 1);
    ck_assert_int_eq(rk[1], 1);
    ck_assert_int_eq(rk[2], 1); /* 50 = 50 = 50 */
    airoi_portfolio_result_free(r);
    airoi_portfolio_free(pf);
}
END_TEST

/* ---- the efficient frontier ---------------------------------------------------------- */

/* Each point of the frontier is the brute-force optimum at its level; the
 * levels run from the mandatory investment to the total, evenly spaced. */
static void check_frontier(size_t n, int whole, int32_t levels)
{
    double npv[20], inv[20];
    int mand[20];
    const char *names[20];
    random_projects(npv, inv, mand, names, n, whole, 6);
    airoi_portfolio_result r;
    memset(&r, 0, sizeof r);
    r.n = n;
    ck_assert_int_eq(airoi__portfolio_frontier(&r, npv, inv, mand, names, levels), AIROI_OK);
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        hi += inv[i];
        lo += mand[i] ? inv[i] : 0;
    }
    size_t nf = airoi_portfolio_result_count_frontier(&r);
    ck_assert_uint_eq(nf, hi > lo ? (size_t)levels : 1);
    double prev = -HUGE_VAL;
    for (size_t k = 0; k < nf; k++) {
        double b, tn, ti;
        ck_assert_int_eq(airoi_portfolio_result_get_frontier(&b, &tn, &ti, &r, k), AIROI_OK);
        if (nf > 1)
            ck_assert_double_eq_tol(b, lo + (hi - lo) * (double)k / (double)(nf - 1),
                                    1e-9 * (1 + hi));
        ck_assert(ti <= b);
        ck_assert(tn >= prev);
        prev = tn;
        long want = brute(npv, inv, mand, names, n, b);
        ck_assert(want >= 0);
        uint32_t got = 0;
        for (size_t i = 0; i < n; i++) {
            int in = 0;
            ck_assert_int_eq(airoi_portfolio_result_get_frontier_selected(&in, &r, k, i), 0);
            got |= (uint32_t)in << i;
        }
        if (got != (uint32_t)want)
            for (size_t i = 0; i < n; i++)
                fprintf(stderr, "%zu: %s npv %.17g inv %.17g mand %d\n", i, names[i], npv[i],
                        inv[i], mand[i]);
        ck_assert_msg(got == (uint32_t)want, "n=%zu level %zu (%.17g): 0x%x, brute force 0x%lx",
                      n, k, b, got, want);
    }
    int in;
    ck_assert_int_eq(airoi_portfolio_result_get_frontier_selected(&in, &r, nf, 0),
                     AIROI_ERR_RANGE);
    airoi__portfolio_frontier_free(&r);
}

START_TEST(frontier_matches_brute_force)
{
    rng_state = 2027;
    for (int rep = 0; rep < 40; rep++)
        for (size_t n = 1; n <= 12; n += 1 + (size_t)(rep % 3))
            check_frontier(n, rep % 2, (int32_t)(2 + rep % 9));
    check_frontier(16, 0, 21);
    check_frontier(16, 1, 21);
}
END_TEST

/* ---- the portfolio Monte Carlo ----------------------------------------------------------- */

#define SIM_HEAD "airoi: 1\nportfolio: {name: S, currency: USD}\nfx: {EUR: 1.1}\nprojects:\n"
/* A project whose API bill follows the driver DRV and whose value has its own noise. */
#define SIM_PROJECT(name, cur, drv)                                                           \
    "  - project: {name: " name ", currency: " cur ", period: year, horizon: 3, "             \
    "discount_rate: 0.08}\n"                                                                  \
    "    costs: [{name: Build, category: people, amount: 100, at: 0},"                        \
    " {name: API, category: infrastructure, amount: 30, per: year, from: 1}]\n"               \
    "    values: [{name: Savings, dimension: efficiency, amount: 90, per: year, from: 1}]\n"  \
    "    uncertainties:\n"                                                                    \
    "      - {name: price, target: API, distribution: triangular, low: 0.8, mode: 1,"        \
    " high: 2, driver: " drv "}\n"                                                            \
    "      - {target: Savings, distribution: normal, mean: 1, sd: 0.1}\n"
#define SIM_FIXED(name)                                                                       \
    "  - project: {name: " name ", currency: USD, period: year, horizon: 2, "                \
    "discount_rate: 0.1}\n    costs: [{name: c, category: people, amount: 50, at: 0}]\n"      \
    "    values: [{name: v, dimension: efficiency, amount: 40, per: year, from: 1}]\n"

static airoi_portfolio *load_text(const char *text)
{
    const char *path = write_file("sim.yaml", text);
    airoi_portfolio *pf = NULL;
    ck_assert_msg(airoi_portfolio_load_file(&pf, NULL, path, 0) == AIROI_OK, "%s",
                  airoi_last_error_message());
    return pf;
}

static airoi_sim_options *options(int64_t trials, uint64_t seed, int threads)
{
    airoi_sim_options *o = NULL;
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, (double)trials), 0);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SEED, (double)seed), 0);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_THREADS, threads), 0);
    return o;
}

static double *trials_of(const airoi_portfolio_simulation *s, size_t *n)
{
    ck_assert_int_eq(airoi_portfolio_simulation_get_trials(NULL, 0, n, s), AIROI_OK);
    double *v = malloc(*n * sizeof *v);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(airoi_portfolio_simulation_get_trials(v, *n, n, s), AIROI_OK);
    return v;
}

/* Two runs give the same figures, bit for bit. */
static void same_run(const airoi_portfolio_simulation *a, const airoi_portfolio_simulation *b)
{
    size_t na, nb;
    double *va = trials_of(a, &na), *vb = trials_of(b, &nb);
    ck_assert_uint_eq(na, nb);
    ck_assert(memcmp(va, vb, na * sizeof *va) == 0);
    free(va);
    free(vb);
    static const airoi_sim_stat stats[] = {AIROI_STAT_MEAN, AIROI_STAT_SD, AIROI_STAT_SE,
                                           AIROI_STAT_MIN, AIROI_STAT_MAX,
                                           AIROI_STAT_PROB_POSITIVE, AIROI_STAT_COUNT};
    for (size_t k = 0; k < sizeof stats / sizeof *stats; k++) {
        double x, y;
        ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&x, a, stats[k]), 0);
        ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&y, b, stats[k]), 0);
        ck_assert(memcmp(&x, &y, sizeof x) == 0);
    }
    for (double p = 0; p <= 100; p += 12.5) {
        double x, y;
        ck_assert_int_eq(airoi_portfolio_simulation_get_percentile(&x, a, p), 0);
        ck_assert_int_eq(airoi_portfolio_simulation_get_percentile(&y, b, p), 0);
        ck_assert(memcmp(&x, &y, sizeof x) == 0);
    }
    ck_assert_uint_gt(airoi_portfolio_simulation_count_projects(a), 0);
    ck_assert_uint_eq(airoi_portfolio_simulation_count_projects(a),
                      airoi_portfolio_simulation_count_projects(b));
    for (size_t j = 0; j < airoi_portfolio_simulation_count_projects(a); j++)
        for (int f = AIROI_PFSIM_MEAN; f <= AIROI_PFSIM_CONTRIBUTION; f++) {
            double x = 0, y = 0;
            int rx = airoi_portfolio_simulation_get_project_number(
                &x, a, j, (airoi_portfolio_sim_figure)f);
            int ry = airoi_portfolio_simulation_get_project_number(
                &y, b, j, (airoi_portfolio_sim_figure)f);
            ck_assert_int_eq(rx, ry);
            ck_assert(memcmp(&x, &y, sizeof x) == 0);
        }
}

START_TEST(simulate_threads_ranges_and_merge)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-pf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    airoi_portfolio *pf = load_text(SIM_HEAD SIM_PROJECT("A", "USD", "vendor")
                                        SIM_PROJECT("B", "EUR", "vendor") SIM_FIXED("C"));
    airoi_sim_options *o1 = options(5000, 42, 1), *o3 = options(5000, 42, 3);
    airoi_portfolio_simulation *s1 = NULL, *s3 = NULL, *p1 = NULL, *p2 = NULL, *m = NULL;
    ck_assert_int_eq(airoi_portfolio_simulate(&s1, pf, o1, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate(&s3, pf, o3, 0), AIROI_OK);
    same_run(s1, s3);
    /* ranges [0, 1700) and [1700, 5000), merged in either order */
    ck_assert_int_eq(airoi_portfolio_simulate_range(&p1, pf, o3, 0, 1700, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate_range(&p2, pf, o1, 1700, 3300, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulation_merge(&m, p2, p1), AIROI_OK);
    same_run(s1, m);
    /* the ranges as bytes, read back and merged: the same run again */
    void *bytes1 = NULL, *bytes2 = NULL;
    size_t len1 = 0, len2 = 0;
    ck_assert_int_eq(airoi_portfolio_simulation_save_buffer(&bytes1, &len1, p1, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulation_save_buffer(&bytes2, &len2, p2, 0), AIROI_OK);
    airoi_portfolio_simulation *l1 = NULL, *l2 = NULL, *lm = NULL;
    ck_assert_int_eq(airoi_portfolio_simulation_load_buffer(&l1, bytes1, len1, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulation_load_buffer(&l2, bytes2, len2, 0), AIROI_OK);
    same_run(l1, p1);
    ck_assert_int_eq(airoi_portfolio_simulation_merge(&lm, l1, l2), AIROI_OK);
    same_run(s1, lm);
    airoi_portfolio_simulation *bad = NULL;
    ck_assert_int_eq(airoi_portfolio_simulation_load_buffer(&bad, bytes1, len1 - 1, 0),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "cut short"));
    /* a trial's total that is not a number (no run keeps one): refused;
     * the totals are the last count x (projects + 1) doubles but the
     * projects' NPVs, little-endian */
    size_t n1 = 0, np1 = airoi_portfolio_simulation_count_projects(p1);
    free(trials_of(p1, &n1));
    unsigned char *at = (unsigned char *)bytes1 + len1 - n1 * (np1 + 1) * 8, keep[8];
    static const unsigned char nan_le[8] = {0, 0, 0, 0, 0, 0, 0xf8, 0x7f};
    memcpy(keep, at, 8);
    memcpy(at, nan_le, 8);
    ck_assert_int_eq(airoi_portfolio_simulation_load_buffer(&bad, bytes1, len1, 0),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_null(bad);
    memcpy(at, keep, 8);
    ((unsigned char *)bytes1)[0] = 'X';
    ck_assert_int_eq(airoi_portfolio_simulation_load_buffer(&bad, bytes1, len1, 0),
                     AIROI_ERR_INVALID);
    ck_assert_ptr_null(bad);
    airoi_free(bytes1);
    airoi_free(bytes2);
    airoi_portfolio_simulation_free(l1);
    airoi_portfolio_simulation_free(l2);
    airoi_portfolio_simulation_free(lm);
    ck_assert_int_eq(airoi_portfolio_simulation_merge(&bad, p1, p1), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "not adjacent"));
    /* contributions sum to 1; the fixed project contributes nothing */
    ck_assert_uint_eq(airoi_portfolio_simulation_count_projects(s1), 3);
    double sum = 0, c;
    for (size_t j = 0; j < 3; j++) {
        ck_assert_int_eq(airoi_portfolio_simulation_get_project_number(
                             &c, s1, j, AIROI_PFSIM_CONTRIBUTION), AIROI_OK);
        sum += c;
    }
    ck_assert_double_eq_tol(sum, 1, 1e-9);
    ck_assert_double_eq(c, 0);
    /* its mean is its NPV: 50 invested, 40 a year for 2 years at 10% */
    double mean;
    ck_assert_int_eq(airoi_portfolio_simulation_get_project_number(&mean, s1, 2,
                                                                   AIROI_PFSIM_MEAN), 0);
    ck_assert_double_eq_tol(mean, -50 + 40 / 1.1 + 40 / 1.21, 1e-9);
    /* one driver, used by both uncertain projects */
    const char *dn = NULL;
    size_t users = 0;
    ck_assert_uint_eq(airoi_portfolio_simulation_count_drivers(s1), 1);
    ck_assert_int_eq(airoi_portfolio_simulation_get_driver(&dn, &users, s1, 0), 0);
    ck_assert_str_eq(dn, "vendor");
    ck_assert_uint_eq(users, 2);
    /* the report carries it */
    airoi_portfolio_result *r = NULL;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), 0);
    char *text = NULL;
    ck_assert_int_eq(airoi_portfolio_report_write_sim(&text, NULL, r, s1, AIROI_REPORT_JSON, 0),
                     0);
    ck_assert_ptr_nonnull(strstr(text, "\"simulation\": {"));
    ck_assert_ptr_nonnull(strstr(text, "\"contribution\": "));
    ck_assert_ptr_nonnull(strstr(text, "\"frontier\": ["));
    airoi_free(text);
    ck_assert_int_eq(airoi_portfolio_report_write_sim(&text, NULL, r, s1, AIROI_REPORT_HTML, 0),
                     0);
    ck_assert_ptr_nonnull(strstr(text, "id=\"pf-hist-t\""));
    ck_assert_ptr_nonnull(strstr(text, "data-key=\"simulation.projects[2].contribution\""));
    airoi_free(text);
    /* bad ranges, and a run too large for memory, are refused */
    ck_assert_int_eq(airoi_portfolio_simulate_range(&bad, pf, o1, -1, 10, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_portfolio_simulate_range(&bad, pf, o1, 0, 0, 0), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_portfolio_simulate_range(&bad, pf, o1, 0, (int64_t)1 << 40, 0),
                     AIROI_ERR_LIMIT);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "simulate ranges of trials"));
    ck_assert_ptr_null(bad);
    /* sobol is refused */
    ck_assert_int_eq(airoi_sim_options_set_number(o1, AIROI_SIM_SAMPLING, AIROI_SAMPLING_SOBOL),
                     0);
    ck_assert_int_eq(airoi_portfolio_simulate(&bad, pf, o1, 0), AIROI_ERR_INVALID);
    airoi_portfolio_result_free(r);
    airoi_portfolio_simulation_free(s1);
    airoi_portfolio_simulation_free(s3);
    airoi_portfolio_simulation_free(p1);
    airoi_portfolio_simulation_free(p2);
    airoi_portfolio_simulation_free(m);
    airoi_sim_options_free(o1);
    airoi_sim_options_free(o3);
    airoi_portfolio_free(pf);
    remove(write_file("sim.yaml", ""));
    rmdir(tmpdir);
}
END_TEST

/* Per-trial NPVs of the projects, through the converted totals of two runs:
 * with a shared driver the same projects move together. */
static double share_of_first(const char *text, double *corr)
{
    airoi_portfolio *pf = load_text(text);
    airoi_sim_options *o = options(4000, 9, 2);
    airoi_portfolio_simulation *s = NULL;
    ck_assert_int_eq(airoi_portfolio_simulate(&s, pf, o, 0), AIROI_OK);
    double c0, c1, sd0, sd1, sd;
    ck_assert_int_eq(airoi_portfolio_simulation_get_project_number(
                         &c0, s, 0, AIROI_PFSIM_CONTRIBUTION), 0);
    ck_assert_int_eq(airoi_portfolio_simulation_get_project_number(
                         &c1, s, 1, AIROI_PFSIM_CONTRIBUTION), 0);
    ck_assert_int_eq(airoi_portfolio_simulation_get_project_number(&sd0, s, 0, AIROI_PFSIM_SD), 0);
    ck_assert_int_eq(airoi_portfolio_simulation_get_project_number(&sd1, s, 1, AIROI_PFSIM_SD), 0);
    ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&sd, s, AIROI_STAT_SD), 0);
    ck_assert_double_eq_tol(c0 + c1, 1, 1e-9);
    /* Var(T) = Var0 + Var1 + 2 Cov: the correlation of the two projects */
    *corr = (sd * sd - sd0 * sd0 - sd1 * sd1) / (2 * sd0 * sd1);
    airoi_portfolio_simulation_free(s);
    airoi_sim_options_free(o);
    airoi_portfolio_free(pf);
    return c0;
}

START_TEST(simulate_shared_driver)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-pf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    /* the same project twice, its only uncertainty the shared driver:
     * identical trials, half the variance each, correlation 1 */
    const char *twin =
        "  - project: {name: NAME, currency: USD, period: year, horizon: 2, discount_rate: 0}\n"
        "    costs: [{name: API, category: infrastructure, amount: 10, per: year, from: 1}]\n"
        "    values: [{name: v, dimension: efficiency, amount: 40, per: year, from: 1}]\n"
        "    uncertainties: [{target: API, distribution: uniform, low: 0, high: 3, "
        "driver: DRV}]\n";
    char text[2048], a[512], b[512];
    for (int shared = 1; shared >= 0; shared--) {
        snprintf(a, sizeof a, "%s", twin);
        snprintf(b, sizeof b, "%s", twin);
        memcpy(strstr(a, "NAME"), "Nama", 4);
        memcpy(strstr(b, "NAME"), "Namb", 4);
        memcpy(strstr(a, "DRV"), "dr1", 3);
        memcpy(strstr(b, "DRV"), shared ? "dr1" : "dr2", 3);
        snprintf(text, sizeof text, "%s%s%s", SIM_HEAD, a, b);
        double corr, c0 = share_of_first(text, &corr);
        if (shared) {
            ck_assert_double_eq_tol(c0, 0.5, 1e-12);
            ck_assert_double_eq_tol(corr, 1, 1e-9);
        } else {
            ck_assert_double_lt(fabs(corr), 0.1); /* independent streams */
            ck_assert_double_gt(c0, 0.4);
            ck_assert_double_lt(c0, 0.6);
        }
    }
    remove(write_file("sim.yaml", ""));
    rmdir(tmpdir);
}
END_TEST

START_TEST(invalid_drivers)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-pf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    const char *model =
        "airoi: 1\nproject: {name: NAME, currency: USD, period: year, horizon: 2, "
        "discount_rate: 0.1}\n"
        "costs: [{name: API, category: infrastructure, amount: 10, per: year, from: 1}]\n"
        "values: [{name: v, dimension: efficiency, amount: 40, per: year, from: 1}]\n"
        "uncertainties: [{target: API, distribution: uniform, low: 0, high: HIGH, "
        "driver: vendor}]\n";
    char a[512], b[512];
    snprintf(a, sizeof a, "%s", model);
    snprintf(b, sizeof b, "%s", model);
    memcpy(strstr(a, "NAME"), "Aaaa", 4);
    memcpy(strstr(b, "NAME"), "Bbbb", 4);
    memcpy(strstr(a, "HIGH"), "3.00", 4);
    memcpy(strstr(b, "HIGH"), "3.50", 4);
    write_file("first.yaml", a);
    write_file("second.yaml", b);
    /* the error names both files, at the later entry */
    expect_load(HEAD "projects:\n  - {file: first.yaml}\n  - {file: second.yaml}\n",
                AIROI_ERR_MODEL, "5:5: projects[1]: driver 'vendor' has two different "
                                 "distributions");
    expect_load(HEAD "projects:\n  - {file: first.yaml}\n  - {file: second.yaml}\n",
                AIROI_ERR_MODEL, "first.yaml) and uncertainty 'API' of project 'Bbbb' (");
    expect_load(HEAD "projects:\n  - {file: first.yaml}\n  - {file: second.yaml}\n",
                AIROI_ERR_MODEL, "second.yaml); a driver is drawn once per trial");
    /* a driver in a correlation */
    expect_load(HEAD "projects:\n" INLINE("A", "USD", "10")
                "    uncertainties:\n"
                "      - {name: x, target: c, distribution: uniform, low: 0, high: 2, "
                "driver: d}\n"
                "      - {name: y, target: v, distribution: uniform, low: 0, high: 2}\n"
                "    correlations: [{between: [x, y], rank: 0.5}]\n",
                AIROI_ERR_MODEL, "4:5: projects[0]: project 'A' (inline in the portfolio file): "
                                 "uncertainty 'x' has driver 'd' and is in a correlation");
    /* an empty driver, in a model file and inline */
    expect_load(HEAD "projects:\n" INLINE("A", "USD", "10")
                "    uncertainties: [{target: c, distribution: uniform, low: 0, high: 2, "
                "driver: ''}]\n",
                AIROI_ERR_PARSE, "uncertainties[0].driver: expected a non-empty name");
    remove(write_file("first.yaml", ""));
    remove(write_file("second.yaml", ""));
    remove(write_file("pf.yaml", ""));
    rmdir(tmpdir);
}
END_TEST

/* Money is converted by unit x rate into the major unit of the portfolio
 * currency; rates and the PI are not converted. */
START_TEST(conversion_by_unit_and_rate)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-pf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    airoi_portfolio *pf = load_text(
        "airoi: 1\nportfolio: {name: U, currency: USD, measure: pv_costs}\nfx: {EUR: 1.1}\n"
        "projects:\n"
        "  - project: {name: K, currency: EUR, unit: 1000, period: year, horizon: 2, "
        "discount_rate: 0.1}\n"
        "    costs: [{name: c, category: people, amount: 50, at: 0}]\n"
        "    values: [{name: v, dimension: efficiency, amount: 40, per: year, from: 1}]\n");
    airoi_portfolio_result *r = NULL;
    ck_assert_int_eq(airoi_portfolio_evaluate(&r, pf, 0), AIROI_OK);
    const airoi_result *own = airoi_portfolio_result_get_project(r, 0);
    double npv_own, npv, inv, pi, irr_own, irr;
    ck_assert_int_eq(airoi_result_get_metric(&npv_own, own, AIROI_METRIC_NPV), 0);
    ck_assert_double_eq_tol(npv_own, -50 + 40 / 1.1 + 40 / 1.21, 1e-9); /* in thousands of EUR */
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&npv, r, 0, AIROI_PORTFOLIO_NPV),
                     0);
    ck_assert_double_eq_tol(npv, npv_own * 1000 * 1.1, 1e-6);
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&inv, r, 0,
                                                               AIROI_PORTFOLIO_INVESTMENT), 0);
    ck_assert_double_eq_tol(inv, 50 * 1000 * 1.1, 1e-6);
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&pi, r, 0, AIROI_PORTFOLIO_PI), 0);
    ck_assert_double_eq_tol(pi, (40 / 1.1 + 40 / 1.21) / 50, 1e-12);
    ck_assert_int_eq(airoi_result_get_metric(&irr_own, own, AIROI_METRIC_IRR), 0);
    ck_assert_int_eq(airoi_portfolio_result_get_project_number(&irr, r, 0, AIROI_PORTFOLIO_IRR),
                     0);
    ck_assert_double_eq(irr, irr_own);
    double total;
    ck_assert_int_eq(airoi_portfolio_result_get_number(&total, r, AIROI_PORTFOLIO_TOTAL_NPV), 0);
    ck_assert_double_eq_tol(total, npv, 1e-9); /* no budget: chosen */
    /* the simulation converts the same way (no uncertainty: every trial is the NPV) */
    airoi_portfolio_simulation *s = NULL;
    ck_assert_int_eq(airoi_portfolio_simulate(&s, pf, NULL, 0), AIROI_OK);
    double mean;
    ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&mean, s, AIROI_STAT_MEAN), 0);
    ck_assert_double_eq_tol(mean, npv, 1e-6);
    airoi_portfolio_simulation_free(s);
    airoi_portfolio_result_free(r);
    airoi_portfolio_free(pf);
    remove(write_file("sim.yaml", ""));
    rmdir(tmpdir);
}
END_TEST

/* Every allocation of evaluation (frontier included), simulation, merge and
 * the reports fails in turn, persistently then once: each call fails with
 * AIROI_ERR_NOMEM and nothing else, or succeeds with the same figures. */
START_TEST(every_allocation_fails_in_turn)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/airoi-pf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    airoi_portfolio *pf = load_text(SIM_HEAD SIM_PROJECT("A", "USD", "vendor")
                                        SIM_PROJECT("B", "EUR", "vendor") SIM_FIXED("C"));
    airoi_sim_options *o = options(1500, 3, 1);
    airoi_portfolio_simulation *ref = NULL, *a = NULL, *b = NULL;
    ck_assert_int_eq(airoi_portfolio_simulate(&ref, pf, o, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate_range(&a, pf, o, 0, 600, 0), AIROI_OK);
    ck_assert_int_eq(airoi_portfolio_simulate_range(&b, pf, o, 600, 900, 0), AIROI_OK);
    double want;
    ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&want, ref, AIROI_STAT_SD), AIROI_OK);
    void *saved = NULL;
    size_t saved_len = 0;
    ck_assert_int_eq(airoi_portfolio_simulation_save_buffer(&saved, &saved_len, ref, 0), 0);
    long injected = 0;
    for (int mode = 0; mode < 2; mode++) {
        for (long k = 0;; k++) {
            airoi_portfolio_result *r = NULL;
            airoi_portfolio_simulation *s = NULL, *m = NULL, *l = NULL;
            char *text[3] = {NULL, NULL, NULL};
            void *bytes = NULL;
            if (mode == 0)
                airoi__alloc_fail_after(k);
            else
                airoi__alloc_fail_once(k);
            int re = airoi_portfolio_evaluate(&r, pf, 0);
            int rs = airoi_portfolio_simulate(&s, pf, o, 0);
            int rm = airoi_portfolio_simulation_merge(&m, a, b);
            int rb = airoi_portfolio_simulation_save_buffer(&bytes, NULL, ref, 0);
            int rl = airoi_portfolio_simulation_load_buffer(&l, saved, saved_len, 0);
            int rt[3] = {AIROI_ERR_NOMEM, AIROI_ERR_NOMEM, AIROI_ERR_NOMEM};
            static const airoi_report_format fmts[3] = {AIROI_REPORT_JSON, AIROI_REPORT_HTML,
                                                        AIROI_REPORT_TEXT};
            if (re == AIROI_OK)
                for (int f = 0; f < 3; f++)
                    rt[f] = airoi_portfolio_report_write_sim(&text[f], NULL, r, ref, fmts[f], 0);
            long failures = airoi__alloc_failures();
            airoi__alloc_fail_after(-1);
            int rcs[8] = {re, rs, rm, rt[0], rt[1], rt[2], rb, rl};
            for (int j = 0; j < 8; j++)
                ck_assert_msg(rcs[j] == AIROI_OK || rcs[j] == AIROI_ERR_NOMEM, "k %ld call %d: %s",
                              k, j, airoi_status_str(rcs[j]));
            double got;
            if (rs == AIROI_OK) {
                ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&got, s, AIROI_STAT_SD), 0);
                ck_assert(memcmp(&got, &want, sizeof got) == 0);
            } else {
                ck_assert_ptr_null(s);
            }
            if (rm == AIROI_OK) {
                ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&got, m, AIROI_STAT_SD), 0);
                ck_assert(memcmp(&got, &want, sizeof got) == 0);
            } else {
                ck_assert_ptr_null(m);
            }
            for (int f = 0; f < 3; f++) {
                if (rt[f] != AIROI_OK)
                    ck_assert_ptr_null(text[f]);
                airoi_free(text[f]);
            }
            if (rl == AIROI_OK) {
                ck_assert_int_eq(airoi_portfolio_simulation_get_stat(&got, l, AIROI_STAT_SD), 0);
                ck_assert(memcmp(&got, &want, sizeof got) == 0);
            } else {
                ck_assert_ptr_null(l);
            }
            if (rb != AIROI_OK)
                ck_assert_ptr_null(bytes);
            airoi_free(bytes);
            airoi_portfolio_result_free(r);
            airoi_portfolio_simulation_free(s);
            airoi_portfolio_simulation_free(m);
            airoi_portfolio_simulation_free(l);
            injected += failures;
            if (failures == 0)
                break; /* every allocation has had its turn */
            ck_assert_msg(k < 200000, "no end of allocations");
        }
    }
    ck_assert(injected > 50);
    airoi_free(saved);
    airoi_portfolio_simulation_free(ref);
    airoi_portfolio_simulation_free(a);
    airoi_portfolio_simulation_free(b);
    airoi_sim_options_free(o);
    airoi_portfolio_free(pf);
    remove(write_file("sim.yaml", ""));
    rmdir(tmpdir);
}
END_TEST

static Suite *portfolio_suite(void)
{
    Suite *s = suite_create("portfolio");
    TCase *tc = tcase_create("select");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, select_matches_brute_force);
    tcase_add_test(tc, select_64_against_dynamic_programme);
    tcase_add_test(tc, select_64_known_optimum);
    tcase_add_test(tc, select_ties_and_mandatory);
    suite_add_tcase(s, tc);
    tc = tcase_create("api");
    tcase_add_test(tc, example_portfolio);
    tcase_add_test(tc, invalid_files);
    tcase_add_test(tc, ranks_with_missing_figures);
    tcase_add_test(tc, frontier_matches_brute_force);
    suite_add_tcase(s, tc);
    tc = tcase_create("simulate");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, simulate_threads_ranges_and_merge);
    tcase_add_test(tc, simulate_shared_driver);
    tcase_add_test(tc, invalid_drivers);
    tcase_add_test(tc, conversion_by_unit_and_rate);
    tcase_add_test(tc, every_allocation_fails_in_turn);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(portfolio_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
