/*
 * tests/fuzz/fuzz-finance.c: libFuzzer target for the finance kernels
 * (include/airoi/finance.h), scalar and batch forms.
 *
 * Input: byte 0 picks the encoding of the numbers that follow (bit 0: raw
 * IEEE doubles, NaN and infinity included, or small decimals int16 / 100,
 * which reach the interesting cases faster); each number comes with a day
 * (int16, the dates are their running sum from 2020-01-01, so they may go
 * backwards). The first numbers are the scalars (rate, guess, nper, pmt,
 * pv, fv, bounds), all of them the flows. Every kernel runs on them, and the
 * batch forms on the flows cut into rows.
 *
 * A bug is a crash, a leak, undefined behaviour, or a result that is not
 * finite: every kernel either returns AIROI_OK with a finite result or a
 * status (then its outputs are left alone or 0); a batch's per-row statuses
 * agree with its return value and every row's output is finite.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXN 64

static void finite_or_abort(int rc, double v)
{
    if (rc == AIROI_OK && !isfinite(v))
        abort();
}

#define UNTOUCHED 0x7ead

/* Before each batch call: outputs that a call-level refusal leaves alone. */
static void batch_reset(double *out, int32_t *st, size_t rows)
{
    for (size_t i = 0; i < rows; i++) {
        out[i] = 0;
        st[i] = UNTOUCHED;
    }
}

static void batch_check(int rc, const double *out, const int32_t *st, size_t rows)
{
    if (rows == 0)
        return; /* nothing is written; a call-level refusal is allowed */
    int first = AIROI_OK, untouched = 1;
    for (size_t i = 0; i < rows; i++) {
        if (!isfinite(out[i]))
            abort(); /* failing rows get 0, the others a finite result */
        if (st && st[i] != UNTOUCHED)
            untouched = 0;
        if (st && st[i] != AIROI_OK && first == AIROI_OK)
            first = st[i];
    }
    if (st && untouched && rc == AIROI_OK)
        abort(); /* success without a status per row */
    if (st && !untouched && rc != first)
        abort(); /* the return value is the first failing row's status */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int raw = data[0] & 1;
    size_t rec = raw ? 10 : 4, n = (size - 1) / rec;
    if (n > MAXN)
        n = MAXN;
    double v[MAXN];
    int32_t d[MAXN];
    int32_t day = 43831;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = data + 1 + i * rec;
        int16_t gap;
        if (raw) {
            memcpy(&v[i], p, 8);
            memcpy(&gap, p + 8, 2);
        } else {
            int16_t x;
            memcpy(&x, p, 2);
            memcpy(&gap, p + 2, 2);
            v[i] = x / 100.0;
        }
        day += gap;
        d[i] = day;
    }
    double s[8] = {0.1, 0.1, 12, -100, 1000, 0, -0.5, 1}; /* defaults of the scalars */
    for (size_t i = 0; i < n && i < 8; i++)
        s[i] = v[i];
    int type = data[0] >> 1 & 1;
    double out = 0, out2 = 0;
    int reached = 0;

    finite_or_abort(airoi_npv(&out, s[0], v, n), out);
    finite_or_abort(airoi_npv0(&out, s[0], v, n), out);
    finite_or_abort(airoi_xnpv(&out, s[0], v, d, n), out);
    finite_or_abort(airoi_irr(&out, v, n, s[1]), out);
    finite_or_abort(airoi_xirr(&out, v, d, n, s[1]), out);
    finite_or_abort(airoi_mirr(&out, v, n, s[0], s[1]), out);
    finite_or_abort(airoi_pmt(&out, s[0], s[2], s[4], s[5], type), out);
    finite_or_abort(airoi_pv(&out, s[0], s[2], s[3], s[5], type), out);
    finite_or_abort(airoi_fv(&out, s[0], s[2], s[3], s[4], type), out);
    finite_or_abort(airoi_nper(&out, s[0], s[3], s[4], s[5], type), out);
    finite_or_abort(airoi_rate(&out, s[2], s[3], s[4], s[5], type, s[1]), out);
    finite_or_abort(airoi_payback(&out, &reached, v, n), out);
    finite_or_abort(airoi_discounted_payback(&out, &reached, s[0], v, n), out);
    finite_or_abort(airoi_roi(&out, v, n / 2, v + n / 2, n - n / 2), out);

    double roots[8];
    size_t len = 0;
    if (airoi_irr_all(roots, 8, &len, v, n, s[6], s[7]) == AIROI_OK) {
        if (len > 8)
            abort();
        for (size_t i = 0; i < len; i++)
            if (!isfinite(roots[i]))
                abort();
    }

    /* the batch forms: the flows as rows of cols (1 to 8) values */
    size_t cols = (size_t)(data[0] >> 2 & 7) + 1, rows = n / cols;
    double bo[MAXN];
    int32_t st[MAXN], reach[MAXN];
    int32_t rowdates[8];
    for (size_t j = 0; j < cols; j++)
        rowdates[j] = j < n ? d[j] : 43831;
    batch_reset(bo, st, rows);
    batch_check(airoi_npv_batch(bo, st, s[0], v, rows, cols, 0), bo, st, rows);
    batch_reset(bo, st, rows);
    batch_check(airoi_npv_batch(bo, st, s[0], v, rows, cols, AIROI_NPV_START_AT_ZERO), bo, st,
                rows);
    batch_reset(bo, st, rows);
    batch_check(airoi_irr_batch(bo, st, v, rows, cols, s[1]), bo, st, rows);
    if (cols <= n || rows == 0) {
        batch_reset(bo, st, rows);
        batch_check(airoi_xnpv_batch(bo, st, s[0], v, rowdates, rows, cols), bo, st, rows);
        batch_reset(bo, st, rows);
        batch_check(airoi_xirr_batch(bo, st, v, rowdates, rows, cols, s[1]), bo, st, rows);
    }
    int rc = airoi_payback_batch(bo, reach, v, rows, cols);
    batch_check(rc, bo, NULL, rows);
    for (size_t i = 0; i < rows; i++) {
        if (reach[i] != 0 && reach[i] != 1)
            abort();
        /* each row as the scalar kernel computes it */
        if (rc == AIROI_OK && airoi_payback(&out2, &reached, v + i * cols, cols) == AIROI_OK &&
            (reached != reach[i] || (reached && out2 != bo[i])))
            abort();
    }
    return 0;
}
