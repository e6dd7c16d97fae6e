/*
 * lib/core/numtext.c: numbers as text and back, in the C convention ('.' as
 * the decimal point) whatever the locale. The one formatter of doubles used
 * by the model files (lib/io) and the reports (lib/report).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-private.h"

/* The decimal point of the calling thread's locale, found by formatting a
 * number (snprintf is thread-safe; localeconv() is not, in glibc). */
static char locale_decimal_point(void)
{
    char t[8];
    snprintf(t, sizeof t, "%.1f", 0.5);
    return t[1] ? t[1] : '.';
}

/* Exact powers of ten: 10^k for k <= 22 is a double. */
static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The common short decimals ("1200", "-0.035", "12.5") without strtod and
 * without a look at the locale: an optional sign, digits with at most one
 * '.', at most 15 digits in all, nothing else. The digits form an integer
 * m < 10^15 < 2^53 and the point a power 10^k with k <= 15, both exact, so
 * m / 10^k is one correctly rounded division: the double strtod returns
 * (Clinger's fast path). Returns 0 when the text is not of that form. */
static int short_decimal(double *out, const char *s, size_t len)
{
    size_t i = 0;
    int neg = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    uint64_t m = 0;
    int digits = 0, frac = -1;
    for (; i < len; i++) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            if (++digits > 15)
                return 0;
            m = m * 10 + (uint64_t)(c - '0');
            if (frac >= 0)
                frac++;
        } else if (c == '.' && frac < 0) {
            frac = 0;
        } else {
            return 0;
        }
    }
    if (digits == 0)
        return 0;
    double v = (double)m;
    if (frac > 0)
        v /= pow10_exact[frac];
    *out = neg ? -v : v;
    return 1;
}

/* strtod in the C convention whatever the process locale: the text's '.' is
 * swapped for the locale's decimal point first. Short decimals take the
 * exact fast path above (the same double, without formatting a number to
 * learn the locale's decimal point). */
double airoi__strtod_c(const char *s, size_t len, int *ok)
{
    double fast;
    if (short_decimal(&fast, s, len)) {
        *ok = 1;
        return fast;
    }
    char small[128];
    char *buf = small;
    if (len + 1 > sizeof small) {
        buf = airoi__malloc(len + 1);
        if (!buf) {
            *ok = 0;
            return 0;
        }
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    char dp = locale_decimal_point();
    if (dp != '.')
        for (size_t i = 0; i < len; i++)
            if (buf[i] == '.')
                buf[i] = dp;
    char *end = NULL;
    double v = strtod(buf, &end);
    *ok = end == buf + len;
    if (buf != small)
        airoi__free(buf);
    return v;
}

/* Splits the text of printf's %e (any locale) into its significant digits,
 * without trailing zeros, and its decimal exponent. */
static size_t split_e(const char *sci, char *digits, size_t cap, long *exp10)
{
    size_t nd = 0;
    const char *c = sci;
    for (; *c && *c != 'e' && *c != 'E'; c++)
        if (*c >= '0' && *c <= '9' && nd < cap - 1)
            digits[nd++] = *c;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    *exp10 = (*c == 'e' || *c == 'E') ? strtol(c + 1, NULL, 10) : 0;
    return nd;
}

/* Writes the significant digits (nd of them, the first nonzero) times
 * 10^e: positionally for -6 <= e < 21, else with an exponent. */
static void write_digits(char *buf, size_t cap, int negative, const char *digits, size_t nd,
                         long e)
{
    char out[48];
    size_t o = 0;
    if (negative)
        out[o++] = '-';
    if (e >= -6 && e < 21) {
        if (e >= (long)nd - 1) {
            memcpy(out + o, digits, nd);
            o += nd;
            for (long z = 0; z < e - ((long)nd - 1); z++)
                out[o++] = '0';
        } else if (e >= 0) {
            memcpy(out + o, digits, (size_t)e + 1);
            o += (size_t)e + 1;
            out[o++] = '.';
            memcpy(out + o, digits + e + 1, nd - (size_t)e - 1);
            o += nd - (size_t)e - 1;
        } else {
            out[o++] = '0';
            out[o++] = '.';
            for (long z = 0; z < -e - 1; z++)
                out[o++] = '0';
            memcpy(out + o, digits, nd);
            o += nd;
        }
        out[o] = '\0';
    } else {
        out[o++] = digits[0];
        if (nd > 1) {
            out[o++] = '.';
            memcpy(out + o, digits + 1, nd - 1);
            o += nd - 1;
        }
        snprintf(out + o, sizeof out - o, "e%+ld", e);
    }
    snprintf(buf, cap, "%s", out);
}

void airoi__format_double(char *buf, size_t cap, double v)
{
    if (!isfinite(v)) { /* never produced by the library; keeps JSON valid */
        snprintf(buf, cap, "null");
        return;
    }
    if (v == 0) {
        snprintf(buf, cap, "%s", signbit(v) ? "-0.0" : "0");
        return;
    }
    /* The fewest significant digits that read back exactly... */
    char digits[24];
    size_t nd = 0;
    long e = 0;
    for (int prec = 1; prec <= 17; prec++) {
        char sci[48], c_text[48];
        snprintf(sci, sizeof sci, "%.*e", prec - 1, v);
        nd = split_e(sci, digits, sizeof digits, &e);
        snprintf(c_text, sizeof c_text, "%s%c.%se%ld", v < 0 ? "-" : "", digits[0],
                 nd > 1 ? digits + 1 : "0", e);
        int ok = 0;
        if (airoi__strtod_c(c_text, strlen(c_text), &ok) == v && ok)
            break;
    }
    /* ...written positionally unless the exponent is extreme. */
    write_digits(buf, cap, v < 0, digits, nd, e);
}

void airoi__format_double_sig(char *buf, size_t cap, double v, int sig)
{
    if (!isfinite(v)) {
        snprintf(buf, cap, "null");
        return;
    }
    if (sig < 1)
        sig = 1;
    if (sig > 17)
        sig = 17;
    char sci[48], digits[24];
    long e = 0;
    snprintf(sci, sizeof sci, "%.*e", sig - 1, v);
    size_t nd = split_e(sci, digits, sizeof digits, &e);
    if (nd == 1 && digits[0] == '0') { /* zero of either sign */
        snprintf(buf, cap, "0");
        return;
    }
    write_digits(buf, cap, v < 0, digits, nd, e);
}

void airoi__fmt_grouped(char *buf, size_t cap, double v, int decimals)
{
    char raw[64];
    if (!isfinite(v)) {
        snprintf(buf, cap, "n/a");
        return;
    }
    if (fabs(v) >= 1e15) { /* beyond any budget: scientific, ungrouped */
        snprintf(buf, cap, "%.6g", v);
        return;
    }
    snprintf(raw, sizeof raw, "%.*f", decimals, v);
    /* "-0.00" reads badly; print zero without a sign. */
    const char *digits = raw;
    int negative = 0;
    if (raw[0] == '-') {
        digits = raw + 1;
        for (const char *c = digits; *c; c++)
            if (*c >= '1' && *c <= '9')
                negative = 1;
    }
    size_t intlen = strcspn(digits, ".,");
    char tmp[96];
    size_t o = 0;
    if (negative)
        tmp[o++] = '-';
    for (size_t i = 0; i < intlen; i++) {
        tmp[o++] = digits[i];
        size_t left = intlen - i - 1;
        if (left > 0 && left % 3 == 0)
            tmp[o++] = ',';
    }
    if (digits[intlen]) {
        tmp[o++] = '.';
        for (const char *c = digits + intlen + 1; *c && o < sizeof tmp - 1; c++)
            tmp[o++] = *c;
    }
    tmp[o] = '\0';
    snprintf(buf, cap, "%s", tmp);
}
