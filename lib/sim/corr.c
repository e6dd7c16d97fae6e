/*
 * lib/sim/corr.c: rank correlations through a Gaussian copula.
 *
 * A Spearman rank correlation rho between two inputs is obtained exactly
 * by correlating their normal scores with Pearson r = 2 sin(pi rho / 6)
 * (Pearson 1907; Kruskal 1958), since every input is a monotone function
 * of its own normal score. The Pearson matrix must be a correlation matrix
 * (symmetric, unit diagonal, positive semi-definite); its lower Cholesky
 * factor L turns independent normal scores z into correlated ones L z.
 * A matrix that is not positive semi-definite is refused naming a pair, or
 * repaired to the nearest correlation matrix in the Frobenius norm by
 * Higham's alternating projections with Dykstra's correction (N. J. Higham,
 * "Computing the nearest correlation matrix - a problem from finance",
 * IMA J. Numer. Anal. 22 (2002) 329-343). docs/methodology.md, sections
 * 3.6 and 3.7.
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "airoi/status.h"
#include "core-private.h"
#include "random-private.h"

#define PI 3.14159265358979323846

/* Tolerances: symmetry and the unit diagonal of the input, and a pivot of
 * the Cholesky factorisation counted as zero (relative to the unit
 * diagonal; a matrix with rank deficiency, such as rho = 1 between two
 * inputs, is positive semi-definite and accepted). */
#define SYM_TOL 1e-12
#define PIVOT_TOL 1e-10
/* Past this size the search for the offending pair falls back to the
 * largest |rho| of the failing row (the search costs O(n^4)). */
#define SEARCH_MAX 64

static void say(char *msg, size_t cap, const char *fmt, ...) AIROI__PRINTF(3, 4);
static void say(char *msg, size_t cap, const char *fmt, ...)
{
    if (msg && cap > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, cap, fmt, ap);
        va_end(ap);
    }
}

/* Cholesky factor of the leading m x m block of the n x n matrix a, with
 * zero pivots allowed when their whole column is zero too (semi-definite).
 * Returns m when it succeeds, otherwise the row at which it fails. l may
 * be NULL (check only); work holds m * m doubles when l is NULL. */
static size_t cholesky_psd(double *l, const double *a, size_t n, size_t m, double *work)
{
    double *L = l ? l : work;
    size_t ld = l ? n : m;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < m; j++)
            L[i * ld + j] = 0.0;
    double ctol = sqrt(PIVOT_TOL) * 4.0;
    for (size_t k = 0; k < m; k++) {
        double d = a[k * n + k];
        for (size_t j = 0; j < k; j++)
            d -= L[k * ld + j] * L[k * ld + j];
        if (d < -PIVOT_TOL)
            return k;
        if (d <= PIVOT_TOL) {
            /* Zero pivot: column k below must vanish too. */
            for (size_t i = k + 1; i < m; i++) {
                double r = a[i * n + k];
                for (size_t j = 0; j < k; j++)
                    r -= L[i * ld + j] * L[k * ld + j];
                if (fabs(r) > ctol)
                    return k;
            }
            L[k * ld + k] = 0.0;
            continue;
        }
        double lkk = sqrt(d);
        L[k * ld + k] = lkk;
        for (size_t i = k + 1; i < m; i++) {
            double r = a[i * n + k];
            for (size_t j = 0; j < k; j++)
                r -= L[i * ld + j] * L[k * ld + j];
            L[i * ld + k] = r / lkk;
        }
    }
    return m;
}

/* Eigen-decomposition of the symmetric n x n matrix a (destroyed) by the
 * cyclic Jacobi method: eigenvalues in w, eigenvectors in the columns of v. */
static void jacobi_eigen(double *a, double *w, double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            v[i * n + j] = i == j ? 1.0 : 0.0;
    for (int sweep = 0; sweep < 100; sweep++) {
        double off = 0.0, diag = 0.0;
        for (size_t i = 0; i < n; i++) {
            diag += a[i * n + i] * a[i * n + i];
            for (size_t j = i + 1; j < n; j++)
                off += a[i * n + j] * a[i * n + j];
        }
        if (off <= 1e-30 * (diag > 0.0 ? diag : 1.0))
            break;
        for (size_t p = 0; p < n; p++) {
            for (size_t q = p + 1; q < n; q++) {
                double apq = a[p * n + q];
                if (apq == 0.0)
                    continue;
                double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                double t = (theta >= 0.0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1.0));
                double c = 1.0 / sqrt(t * t + 1.0), s = t * c;
                for (size_t k = 0; k < n; k++) {
                    double akp = a[k * n + p], akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for (size_t k = 0; k < n; k++) {
                    double apk = a[p * n + k], aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for (size_t k = 0; k < n; k++) {
                    double vkp = v[k * n + p], vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        w[i] = a[i * n + i];
}

/* The offending pair of a matrix whose factorisation fails at row k:
 * among the pairs (i, k), i < k, with a non-zero correlation, the one
 * whose removal (r = 0) leaves the leading (k + 1) x (k + 1) block with
 * the largest smallest eigenvalue (the least inconsistent matrix: positive
 * semi-definite when one removal is enough), ties to the larger |r|, then
 * the smaller i. Past SEARCH_MAX rows, or without memory, the pair of
 * largest |r| in row k. */
static void offending_pair(size_t *bi, size_t *bj, double *r, size_t n, size_t k)
{
    size_t m = k + 1, best = SIZE_MAX, fallback = SIZE_MAX;
    double best_eig = -HUGE_VAL, best_abs = -1.0, fb_abs = -1.0;
    double *work = NULL;
    if (m <= SEARCH_MAX)
        work = airoi__malloc((2 * m * m + m) * sizeof(double));
    for (size_t i = 0; i < k; i++) {
        double v = r[i * n + k];
        if (v == 0.0)
            continue;
        if (fabs(v) > fb_abs) {
            fb_abs = fabs(v);
            fallback = i;
        }
        if (!work)
            continue;
        double *a = work, *vec = work + m * m, *w = work + 2 * m * m;
        for (size_t p = 0; p < m; p++)
            for (size_t q = 0; q < m; q++)
                a[p * m + q] = r[p * n + q];
        a[i * m + k] = a[k * m + i] = 0.0;
        jacobi_eigen(a, w, vec, m);
        double e = w[0];
        for (size_t p = 1; p < m; p++)
            e = fmin(e, w[p]);
        if (e > best_eig + 1e-12 || (fabs(e - best_eig) <= 1e-12 && fabs(v) > best_abs)) {
            best_eig = e;
            best_abs = fabs(v);
            best = i;
        }
    }
    airoi__free(work);
    size_t i = best != SIZE_MAX ? best : fallback;
    if (i == SIZE_MAX)
        i = k > 0 ? k - 1 : 0;
    *bi = i;
    *bj = k;
}

/* out = V max(w, floor) V^T for the symmetric x (x is preserved). */
static void psd_project(double *out, const double *x, size_t n, double floor_, double *a,
                        double *w, double *v)
{
    memcpy(a, x, n * n * sizeof(double));
    jacobi_eigen(a, w, v, n);
    for (size_t i = 0; i < n; i++)
        w[i] = fmax(w[i], floor_);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i; j < n; j++) {
            double s = 0.0;
            for (size_t k = 0; k < n; k++)
                s += v[i * n + k] * w[k] * v[j * n + k];
            out[i * n + j] = out[j * n + i] = s;
        }
    }
}

/* Nearest correlation matrix to r (in place): Higham's alternating
 * projections onto the positive semi-definite cone and the unit-diagonal
 * matrices, with Dykstra's correction on the first, then a last
 * projection with eigenvalues at least 1e-8 and a rescaling to the unit
 * diagonal so that the result is strictly positive definite. */
static int nearest_correlation(double *r, size_t n)
{
    size_t nn = n * n;
    double *buf = airoi__malloc((6 * nn + n) * sizeof(double));
    if (!buf)
        return AIROI_ERR_NOMEM;
    double *y = buf, *ds = buf + nn, *rr = buf + 2 * nn, *x = buf + 3 * nn;
    double *a = buf + 4 * nn, *v = buf + 5 * nn, *w = buf + 6 * nn;
    memcpy(y, r, nn * sizeof(double));
    memset(ds, 0, nn * sizeof(double));
    for (int it = 0; it < 2000; it++) {
        for (size_t i = 0; i < nn; i++)
            rr[i] = y[i] - ds[i];
        psd_project(x, rr, n, 0.0, a, w, v);
        for (size_t i = 0; i < nn; i++)
            ds[i] = x[i] - rr[i];
        double change = 0.0, norm = 0.0;
        for (size_t i = 0; i < n; i++) {
            for (size_t j = 0; j < n; j++) {
                double nv = i == j ? 1.0 : x[i * n + j];
                double dlt = nv - y[i * n + j];
                change += dlt * dlt;
                norm += nv * nv;
                y[i * n + j] = nv;
            }
        }
        if (change <= 1e-24 * norm)
            break;
    }
    psd_project(x, y, n, 1e-8, a, w, v);
    for (size_t i = 0; i < n; i++)
        w[i] = 1.0 / sqrt(x[i * n + i]);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            r[i * n + j] = i == j ? 1.0 : fmax(-1.0, fmin(1.0, x[i * n + j] * w[i] * w[j]));
    airoi__free(buf);
    return 0;
}

int airoi__corr_factor(double *lower, double *repaired, const double *spearman, size_t n,
                       int repair, size_t *bad_i, size_t *bad_j, char *msg, size_t cap)
{
    size_t bi_store, bj_store;
    if (!bad_i)
        bad_i = &bi_store;
    if (!bad_j)
        bad_j = &bj_store;
    *bad_i = *bad_j = SIZE_MAX;
    say(msg, cap, "%s", "");
    /* The input itself. */
    for (size_t i = 0; i < n; i++) {
        double d = spearman[i * n + i];
        if (!(fabs(d - 1.0) <= SYM_TOL)) {
            *bad_i = *bad_j = i;
            say(msg, cap, "the correlation of input %zu with itself is %g, not 1", i, d);
            return AIROI_ERR_INVALID;
        }
        for (size_t j = i + 1; j < n; j++) {
            double a = spearman[i * n + j], b = spearman[j * n + i];
            if (!(isfinite(a) && isfinite(b) && fabs(a) <= 1.0 && fabs(b) <= 1.0)) {
                *bad_i = i;
                *bad_j = j;
                say(msg, cap, "the rank correlation of inputs %zu and %zu lies outside [-1, 1]",
                    i, j);
                return AIROI_ERR_INVALID;
            }
            if (!(fabs(a - b) <= SYM_TOL)) {
                *bad_i = i;
                *bad_j = j;
                say(msg, cap, "the correlation matrix is not symmetric at inputs %zu and %zu "
                    "(%g against %g)", i, j, a, b);
                return AIROI_ERR_INVALID;
            }
        }
    }
    if (n == 0)
        return 0;
    /* Pearson correlations of the normal scores. */
    size_t nn = n * n;
    double *r = airoi__malloc(nn * sizeof(double));
    if (!r) {
        say(msg, cap, "out of memory");
        return AIROI_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        r[i * n + i] = 1.0;
        for (size_t j = i + 1; j < n; j++)
            r[i * n + j] = r[j * n + i] = 2.0 * sin(PI * spearman[i * n + j] / 6.0);
    }
    size_t k = cholesky_psd(lower, r, n, n, NULL);
    if (k == n) {
        if (repaired)
            memcpy(repaired, spearman, nn * sizeof(double));
        airoi__free(r);
        return 0;
    }
    size_t bi, bj;
    offending_pair(&bi, &bj, r, n, k);
    *bad_i = bi;
    *bad_j = bj;
    double rho = spearman[bi * n + bj];
    if (!repair) {
        airoi__free(r);
        say(msg, cap, "the rank correlations are inconsistent (their matrix is not positive "
            "semi-definite): the rank correlation %g conflicts with the others", rho);
        return AIROI_ERR_INVALID;
    }
    int rc = nearest_correlation(r, n);
    if (rc != 0) {
        airoi__free(r);
        say(msg, cap, "out of memory");
        return rc;
    }
    k = cholesky_psd(lower, r, n, n, NULL);
    if (k != n) {
        airoi__free(r);
        say(msg, cap, "the repaired correlation matrix could not be factorised");
        return AIROI_ERR_INTERNAL;
    }
    if (repaired) {
        for (size_t i = 0; i < n; i++) {
            repaired[i * n + i] = 1.0;
            for (size_t j = i + 1; j < n; j++)
                repaired[i * n + j] = repaired[j * n + i] =
                    6.0 / PI * asin(0.5 * r[i * n + j]);
        }
    }
    say(msg, cap, "the rank correlations are inconsistent (their matrix is not positive "
        "semi-definite; the rank correlation %g conflicts with the others): the nearest "
        "consistent matrix is used instead", rho);
    airoi__free(r);
    return 0;
}

void airoi__copula_apply(double *u, const double *lower, size_t n, double *work)
{
    for (size_t i = 0; i < n; i++)
        work[i] = airoi__norm_quantile(u[i]);
    const double hi = 1.0 - DBL_EPSILON / 2.0;
    for (size_t i = n; i-- > 0;) {
        double s = 0.0;
        for (size_t j = 0; j <= i; j++)
            s += lower[i * n + j] * work[j];
        double p = airoi__norm_cdf(s);
        u[i] = p < DBL_TRUE_MIN ? DBL_TRUE_MIN : (p > hi ? hi : p);
    }
}
