/*
 * tests/unit/test-core-internal.c: white-box tests of the helpers lib/core
 * shares with every layer: number text (the one double formatter of model
 * files and reports), array growth, the string hash, enumeration names.
 */
#include <check.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>
#include "core-private.h"

static const char *fmt(double v)
{
    static char buf[32];
    airoi__format_double(buf, sizeof buf, v);
    return buf;
}

/* v formatted, read back with the C strtod, and compared bit for bit. */
static void assert_round_trip(double v)
{
    char buf[32];
    airoi__format_double(buf, sizeof buf, v);
    int ok = 0;
    double back = airoi__strtod_c(buf, strlen(buf), &ok);
    ck_assert_msg(ok, "'%s' does not read as a number", buf);
    ck_assert_msg(memcmp(&back, &v, sizeof v) == 0, "%a formatted as '%s' reads back as %a", v,
                  buf, back);
}

START_TEST(format_examples)
{
    ck_assert_str_eq(fmt(0.1), "0.1");
    ck_assert_str_eq(fmt(0.1 + 0.2), "0.30000000000000004");
    ck_assert_str_eq(fmt(-1.5), "-1.5");
    ck_assert_str_eq(fmt(1500), "1500");
    ck_assert_str_eq(fmt(1.0 / 3), "0.3333333333333333");
    ck_assert_str_eq(fmt(1e20), "100000000000000000000");
    ck_assert_str_eq(fmt(1e21), "1e+21");
    ck_assert_str_eq(fmt(0.000001), "0.000001");
    ck_assert_str_eq(fmt(1e-7), "1e-7");
    ck_assert_str_eq(fmt(1.25e-7), "1.25e-7");
    ck_assert_str_eq(fmt(5e-324), "5e-324");
    ck_assert_str_eq(fmt(DBL_MAX), "1.7976931348623157e+308");
    ck_assert_str_eq(fmt(-DBL_MIN), "-2.2250738585072014e-308");
    ck_assert_str_eq(fmt((double)NAN), "null");
    ck_assert_str_eq(fmt(-HUGE_VAL), "null");
}
END_TEST

/* The decision on zero: the sign reads back. "-0" would not do: YAML's core
 * schema and JSON parsers read it as the integer 0. */
static const char *fmt15(double v)
{
    static char buf[32];
    airoi__format_double_sig(buf, sizeof buf, v, 15);
    return buf;
}

/* 15 significant digits, as a spreadsheet holds a number (CSV reports). */
START_TEST(format_15_digits)
{
    ck_assert_str_eq(fmt15(1980.0000000000002), "1980");
    ck_assert_str_eq(fmt15(0.1 + 0.2), "0.3");
    ck_assert_str_eq(fmt15(1.0 / 1.08), "0.925925925925926");
    ck_assert_str_eq(fmt15(-17680.46), "-17680.46");
    ck_assert_str_eq(fmt15(123456789012345678.0), "123456789012346000");
    ck_assert_str_eq(fmt15(2.5e-7), "2.5e-7");
    ck_assert_str_eq(fmt15(1.5e21), "1.5e+21");
    ck_assert_str_eq(fmt15(0.0), "0");
    ck_assert_str_eq(fmt15(-0.0), "0");
    ck_assert_str_eq(fmt15(-1e-300), "-1e-300");
    ck_assert_str_eq(fmt15(DBL_MAX), "1.79769313486232e+308");
    ck_assert_str_eq(fmt15(HUGE_VAL), "null");
}
END_TEST

START_TEST(format_signed_zero)
{
    ck_assert_str_eq(fmt(0.0), "0");
    ck_assert_str_eq(fmt(-0.0), "-0.0");
    int ok = 0;
    double z = airoi__strtod_c("-0.0", 4, &ok);
    ck_assert(ok && z == 0 && signbit(z));
    z = airoi__strtod_c("0", 1, &ok);
    ck_assert(ok && z == 0 && !signbit(z));
}
END_TEST

/* Shortest: the fewest significant digits that read back, for a spread of
 * doubles (xorshift bit patterns, every exponent). */
START_TEST(format_round_trips_shortest)
{
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 4000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v;
        memcpy(&v, &x, sizeof v);
        if (!isfinite(v))
            continue;
        assert_round_trip(v);
        /* one digit fewer than what was written never reads back as v */
        char buf[32], shorter[48];
        airoi__format_double(buf, sizeof buf, v);
        int nd = 0;
        int started = 0;
        for (const char *c = buf; *c && *c != 'e'; c++) {
            if (*c >= '1' && *c <= '9')
                started = 1;
            if (started && *c >= '0' && *c <= '9')
                nd++;
        }
        /* trailing zeros of an integer written positionally are not digits */
        if (!strchr(buf, '.') && !strchr(buf, 'e'))
            for (const char *c = buf + strlen(buf) - 1; c > buf && *c == '0'; c--)
                nd--;
        if (nd > 1 && v != 0) {
            snprintf(shorter, sizeof shorter, "%.*e", nd - 2, v);
            int ok = 0;
            ck_assert_msg(airoi__strtod_c(shorter, strlen(shorter), &ok) != v,
                          "'%s' is not the shortest: '%s' reads back too", buf, shorter);
        }
    }
    assert_round_trip(0.0);
    assert_round_trip(-0.0);
    assert_round_trip(DBL_MAX);
    assert_round_trip(DBL_MIN);
    assert_round_trip(DBL_TRUE_MIN);
}
END_TEST

/* A locale with a decimal comma changes nothing (when it is installed). */
START_TEST(format_ignores_locale)
{
    if (!setlocale(LC_NUMERIC, "de_DE.UTF-8"))
        return;
    ck_assert_str_eq(fmt(0.5), "0.5");
    ck_assert_str_eq(fmt(-1234.125), "-1234.125");
    ck_assert_str_eq(fmt(1.5e-9), "1.5e-9");
    int ok = 0;
    ck_assert(airoi__strtod_c("2.25", 4, &ok) == 2.25 && ok);
    setlocale(LC_NUMERIC, "C");
}
END_TEST

START_TEST(parse_short_decimals_like_strtod)
{
    /* The fast path of short decimals gives strtod's double: every form
     * it takes (signs, a leading or trailing point, leading zeros, 15
     * digits), and the forms it leaves to strtod. */
    static const char *texts[] = {
        "0", "-0", "+0", "-0.0", "7", "1200", "-0.035", "12.5", ".5", "5.", "-.25",
        "000123.4500", "999999999999999", "0.000000000000001", "123456789.012345",
        "0.1", "0.3", "2.675", "1e5", "1.5E-3", "1234567890123456", "0x10", "inf", "nan",
        "1.2.3", "", "-", ".", "1 ", " 1", "1,5",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *t = texts[i];
        int ok = -1;
        double got = airoi__strtod_c(t, strlen(t), &ok);
        char *end = NULL;
        double want = strtod(t, &end);
        int want_ok = end == t + strlen(t);
        ck_assert_int_eq(ok, want_ok);
        if (ok)
            ck_assert_msg(memcmp(&got, &want, sizeof got) == 0, "%s: %.17g vs %.17g", t, got,
                          want);
    }
    /* Random decimals of 1 to 15 digits with the point anywhere. */
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int n = 0; n < 200000; n++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char t[24];
        size_t len = 0;
        if (x & 1)
            t[len++] = '-';
        int digits = 1 + (int)((x >> 1) % 15), point = (int)((x >> 5) % 17);
        uint64_t y = x;
        for (int d = 0; d < digits; d++) {
            if (d == point)
                t[len++] = '.';
            t[len++] = (char)('0' + (y >> 9) % 10);
            y = y * 6364136223846793005ull + 1442695040888963407ull;
        }
        t[len] = '\0';
        int ok = 0;
        double got = airoi__strtod_c(t, len, &ok);
        double want = strtod(t, NULL);
        ck_assert_msg(ok && memcmp(&got, &want, sizeof got) == 0, "%s: %.17g vs %.17g", t,
                      got, want);
    }
}
END_TEST

START_TEST(grow_doubles)
{
    int *a = NULL;
    size_t cap = 0;
    for (size_t n = 0; n < 100; n++) {
        ck_assert_int_eq(airoi__grow((void **)&a, &cap, n, sizeof *a), AIROI_OK);
        ck_assert_uint_gt(cap, n);
        a[n] = (int)n;
    }
    ck_assert_uint_eq(cap, 128);
    for (int n = 0; n < 100; n++)
        ck_assert_int_eq(a[n], n);
    airoi__free(a);

    a = NULL;
    cap = 0;
    airoi__alloc_fail_after(0);
    ck_assert_int_eq(airoi__grow((void **)&a, &cap, 0, sizeof *a), AIROI_ERR_NOMEM);
    airoi__alloc_fail_after(-1);
    ck_assert_ptr_null(a);
    ck_assert_uint_eq(cap, 0);
}
END_TEST

START_TEST(hash_is_fnv1a)
{
    ck_assert(airoi__hash_str("", 0) == 0xcbf29ce484222325u);
    ck_assert(airoi__hash_str("a", 1) == 0xaf63dc4c8601ec8cu);
    ck_assert(airoi__hash_str("foobar", 6) == 0x85944171f73967e8u);
    ck_assert(airoi__hash_str("ab", 1) == airoi__hash_str("a", 1));
}
END_TEST

START_TEST(enum_names)
{
    static const char *const names[] = {"zero", "one", "two"};
    int v = -1;
    /* spellings index from the family's base */
    ck_assert_int_eq(airoi__enum_from_name(&v, "two", names, 3, 0x0300, "thing"), AIROI_OK);
    ck_assert_int_eq(v, 0x0302);
    ck_assert_int_eq(airoi__enum_from_name(&v, "three", names, 3, 0x0300, "thing"),
                     AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi__error_get(), "thing: expected one of zero, one, two; got 'three'");
    ck_assert_int_eq(airoi__enum_from_name(NULL, "one", names, 3, 0x0300, "thing"),
                     AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi__enum_name(0x0301, names, 3, 0x0300), "one");
    ck_assert_ptr_null(airoi__enum_name(0x0303, names, 3, 0x0300));
    ck_assert_ptr_null(airoi__enum_name(1, names, 3, 0x0300));
    ck_assert_ptr_null(airoi__enum_name(0x0201, names, 3, 0x0300));
    ck_assert_ptr_null(airoi__enum_name(-1, names, 3, 0x0300));
}
END_TEST

/* The registry agrees with the public constants: each family's base, its
 * type name and its constants' names in order. */
START_TEST(enum_registry)
{
    ck_assert_str_eq(airoi__enum_constant(AIROI_PER_MONTH), "AIROI_PER_MONTH");
    ck_assert_str_eq(airoi__enum_family_name(AIROI_PER_MONTH), "airoi_per");
    ck_assert_str_eq(airoi__enum_constant(AIROI_PERIOD_MONTH), "AIROI_PERIOD_MONTH");
    ck_assert_str_eq(airoi__enum_constant(AIROI_CATEGORY_OPPORTUNITY),
                     "AIROI_CATEGORY_OPPORTUNITY");
    ck_assert_str_eq(airoi__enum_constant(AIROI_ITEM_ADOPTION_CEILING),
                     "AIROI_ITEM_ADOPTION_CEILING");
    ck_assert_str_eq(airoi__enum_constant(AIROI_METRIC_FIRST_YEAR_BENEFITS),
                     "AIROI_METRIC_FIRST_YEAR_BENEFITS");
    ck_assert_str_eq(airoi__enum_constant(AIROI_SCHEDULE_DISCOUNTED_BENEFITS),
                     "AIROI_SCHEDULE_DISCOUNTED_BENEFITS");
    ck_assert_str_eq(airoi__enum_constant(AIROI_DATE_1904), "AIROI_DATE_1904");
    ck_assert_str_eq(airoi__enum_constant(AIROI_BENCHMARK_ABOVE), "AIROI_BENCHMARK_ABOVE");
    ck_assert_str_eq(airoi__enum_family_name(AIROI_BENCHMARK_ABOVE), "airoi_benchmark_position");
    ck_assert_uint_eq(airoi__enum_count(AIROI_CATEGORY_PEOPLE), 9);
    ck_assert_uint_eq(airoi__enum_count(AIROI_METRIC_NPV), 27);
    ck_assert_uint_eq(airoi__enum_count(AIROI_ITEM_NAME), 26);
    ck_assert_uint_eq(airoi__enum_count(AIROI_PROJECT_NAME), 18);
    /* no member past the last, no family below 0x0100 */
    ck_assert_ptr_null(airoi__enum_constant(AIROI_PER_PERIOD + 1));
    ck_assert_ptr_null(airoi__enum_constant(2));
    ck_assert_ptr_null(airoi__enum_family_name(2));
    ck_assert_ptr_null(airoi__enum_constant(-1));
}
END_TEST

START_TEST(enum_reasons)
{
    char msg[256];
    ck_assert_int_eq(airoi__enum_reason(msg, sizeof msg, AIROI_PROJECT_HORIZON, AIROI_PROJECT_NAME),
                     AIROI_OK);
    ck_assert_int_eq(airoi__enum_reason(msg, sizeof msg, AIROI_PER_MONTH, AIROI_PROJECT_NAME),
                     AIROI_ERR_INVALID);
    ck_assert_str_eq(msg, "AIROI_PER_MONTH is an airoi_per value; expected an airoi_project_param");
    ck_assert_int_eq(airoi__enum_reason(msg, sizeof msg, 2, AIROI_PER_ONCE), AIROI_ERR_INVALID);
    ck_assert_str_eq(msg, "2 (0x0002) is not an airoi_per value; expected one of AIROI_PER_ONCE "
                          "(0x0200) to AIROI_PER_PERIOD (0x0204)");
    ck_assert_int_eq(airoi__enum_reason(msg, sizeof msg, AIROI_PER_PERIOD + 1, AIROI_PER_ONCE),
                     AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi__enum_check(AIROI_DIMENSION_REVENUE, AIROI_CATEGORY_PEOPLE, "category"),
                     AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi__error_get(), "category: AIROI_DIMENSION_REVENUE is an airoi_dimension "
                                         "value; expected an airoi_category");
}
END_TEST

static Suite *core_internal_suite(void)
{
    Suite *s = suite_create("core-internal");
    TCase *tc = tcase_create("numtext");
    tcase_add_test(tc, format_examples);
    tcase_add_test(tc, format_15_digits);
    tcase_add_test(tc, format_signed_zero);
    tcase_add_test(tc, format_round_trips_shortest);
    tcase_add_test(tc, format_ignores_locale);
    tcase_add_test(tc, parse_short_decimals_like_strtod);
    suite_add_tcase(s, tc);
    tc = tcase_create("helpers");
    tcase_add_test(tc, grow_doubles);
    tcase_add_test(tc, hash_is_fnv1a);
    tcase_add_test(tc, enum_names);
    tcase_add_test(tc, enum_registry);
    tcase_add_test(tc, enum_reasons);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(core_internal_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
