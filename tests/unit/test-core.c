/*
 * tests/unit/test-core.c: status texts, thread-local errors, versions, dates.
 */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <airoi/airoi.h>

START_TEST(status_strings_are_pinned)
{
    ck_assert_int_eq(AIROI_OK, 0);
    ck_assert_int_eq(AIROI_ERR_INVALID, -1);
    ck_assert_int_eq(AIROI_ERR_NOMEM, -2);
    ck_assert_int_eq(AIROI_ERR_NO_SOLUTION, -3);
    ck_assert_int_eq(AIROI_ERR_BUFFER, -4);
    ck_assert_int_eq(AIROI_ERR_NOT_FOUND, -5);
    ck_assert_int_eq(AIROI_ERR_UNDEFINED, -13);
    ck_assert_int_eq(AIROI_ERR_IO, -6);
    ck_assert_int_eq(AIROI_ERR_PARSE, -7);
    ck_assert_int_eq(AIROI_ERR_MODEL, -8);
    ck_assert_int_eq(AIROI_ERR_RANGE, -9);
    ck_assert_int_eq(AIROI_ERR_CANCELLED, -10);
    ck_assert_int_eq(AIROI_ERR_LIMIT, -11);
    ck_assert_int_eq(AIROI_ERR_INTERNAL, -12);
    ck_assert_str_eq(airoi_status_str(AIROI_OK), "success");
    ck_assert_str_eq(airoi_status_str(AIROI_ERR_NO_SOLUTION), "no solution");
    ck_assert_str_eq(airoi_status_str(12345), "unknown status");
    for (int s = 0; s >= AIROI_ERR_UNDEFINED; s--)
        ck_assert_str_ne(airoi_status_str(s), "unknown status");
}
END_TEST

/* Set on failure only: a successful call leaves the message of the last
 * failure as it was; the next failure replaces it. */
START_TEST(error_message_is_set_on_failure_only)
{
    int32_t d;
    ck_assert_int_eq(airoi_date_from_iso(&d, "2023-02-29"), AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi_last_error_message(), "date 2023-02-29 does not exist");
    ck_assert_int_eq(airoi_date_from_iso(&d, "2024-02-29"), AIROI_OK);
    ck_assert_str_eq(airoi_last_error_message(), "date 2023-02-29 does not exist");
    ck_assert_int_eq(airoi_date_from_ymd(&d, 2023, 13, 1), AIROI_ERR_INVALID);
    ck_assert_ptr_null(strstr(airoi_last_error_message(), "2023-02-29"));
    /* a message that quotes the one before it is not garbled */
    ck_assert_int_eq(airoi_date_from_iso(&d, "2023-02-30"), AIROI_ERR_INVALID);
    ck_assert_str_eq(airoi_last_error_message(), "date 2023-02-30 does not exist");
}
END_TEST

static void *thread_error(void *arg)
{
    int32_t d;
    (void)arg;
    airoi_date_from_iso(&d, "not a date");
    return (void *)(strstr(airoi_last_error_message(), "not a date") != NULL ? arg : NULL);
}

START_TEST(error_message_is_per_thread)
{
    int32_t d;
    ck_assert_int_eq(airoi_date_from_ymd(&d, 2023, 13, 1), AIROI_ERR_INVALID);
    char mine[256];
    snprintf(mine, sizeof mine, "%s", airoi_last_error_message());
    pthread_t t;
    int token = 1;
    void *res = NULL;
    ck_assert_int_eq(pthread_create(&t, NULL, thread_error, &token), 0);
    ck_assert_int_eq(pthread_join(t, &res), 0);
    ck_assert_ptr_eq(res, &token);
    ck_assert_str_eq(airoi_last_error_message(), mine);
}
END_TEST

START_TEST(versions_agree)
{
    ck_assert_int_eq(airoi_version(), AIROI_VERSION_NUMBER);
    ck_assert_str_eq(airoi_version_string(), AIROI_VERSION_STRING);
    ck_assert_int_eq(airoi_abi_version(), AIROI_ABI_VERSION);
    ck_assert(AIROI_VERSION_CHECK(AIROI_VERSION_MAJOR, AIROI_VERSION_MINOR, 0));
    ck_assert(!AIROI_VERSION_CHECK(AIROI_VERSION_MAJOR + 1, 0, 0));
    airoi_free(NULL);
}
END_TEST

START_TEST(dates_iso_round_trip)
{
    int32_t d;
    char buf[11];
    ck_assert_int_eq(airoi_date_from_iso(&d, "1970-01-01"), AIROI_OK);
    ck_assert_int_eq(d, 0);
    ck_assert_int_eq(airoi_date_from_iso(&d, "2000-03-01"), AIROI_OK);
    ck_assert_int_eq(d, 11017);
    ck_assert_int_eq(airoi_date_from_iso(&d, "20000301"), AIROI_OK);
    ck_assert_int_eq(d, 11017);
    ck_assert_int_eq(airoi_date_from_iso(&d, "0001-01-01"), AIROI_OK);
    ck_assert_int_eq(d, AIROI_DATE_MIN);
    ck_assert_int_eq(airoi_date_from_iso(&d, "9999-12-31"), AIROI_OK);
    ck_assert_int_eq(d, AIROI_DATE_MAX);
    for (int32_t x = AIROI_DATE_MIN; x <= AIROI_DATE_MAX; x += 97) {
        int32_t back;
        ck_assert_int_eq(airoi_date_to_iso(buf, sizeof buf, x), AIROI_OK);
        ck_assert_int_eq(airoi_date_from_iso(&back, buf), AIROI_OK);
        ck_assert_int_eq(back, x);
    }
    ck_assert_int_eq(airoi_date_to_iso(buf, sizeof buf, 19723), AIROI_OK);
    ck_assert_str_eq(buf, "2024-01-01");
    ck_assert_int_eq(airoi_date_to_iso(buf, 10, 0), AIROI_ERR_BUFFER);
    ck_assert_int_eq(airoi_date_to_iso(buf, sizeof buf, AIROI_DATE_MAX + 1), AIROI_ERR_INVALID);
}
END_TEST

START_TEST(dates_iso_rejects_malformed)
{
    static const char *bad[] = {"", "2024", "2024-1-01", "2024-01-1", "2024/01/01",
                                "2024-01-01T00:00", "2024-00-10", "2024-13-01",
                                "2023-02-29", "1900-02-29", "0000-01-01", "2024-04-31",
                                "abcd-ef-gh", "2024-01-01 ", " 2024-01-01", "202401011"};
    int32_t d = 42;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ck_assert_msg(airoi_date_from_iso(&d, bad[i]) == AIROI_ERR_INVALID, "accepted '%s'", bad[i]);
        ck_assert_int_eq(d, 42);
    }
    ck_assert_int_eq(airoi_date_from_iso(NULL, "2024-01-01"), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_date_from_iso(&d, NULL), AIROI_ERR_INVALID);
}
END_TEST

START_TEST(dates_excel_1900)
{
    int32_t d, ymd[3];
    double s;
    /* 1 = 1900-01-01, 59 = 1900-02-28, 60 = phantom 1900-02-29, 61 = 1900-03-01. */
    ck_assert_int_eq(airoi_date_from_excel(&d, 1, AIROI_DATE_1900), AIROI_OK);
    airoi_date_to_ymd(&ymd[0], &ymd[1], &ymd[2], d);
    ck_assert(ymd[0] == 1900 && ymd[1] == 1 && ymd[2] == 1);
    ck_assert_int_eq(airoi_date_from_excel(&d, 59, AIROI_DATE_1900), AIROI_OK);
    airoi_date_to_ymd(&ymd[0], &ymd[1], &ymd[2], d);
    ck_assert(ymd[0] == 1900 && ymd[1] == 2 && ymd[2] == 28);
    ck_assert_int_eq(airoi_date_from_excel(&d, 60, AIROI_DATE_1900), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "1900-02-29"));
    ck_assert_int_eq(airoi_date_from_excel(&d, 61, AIROI_DATE_1900), AIROI_OK);
    airoi_date_to_ymd(&ymd[0], &ymd[1], &ymd[2], d);
    ck_assert(ymd[0] == 1900 && ymd[1] == 3 && ymd[2] == 1);
    /* Microsoft's documented serial: 2008-01-01 is 39448; 1970-01-01 is 25569. */
    ck_assert_int_eq(airoi_date_from_excel(&d, 39448.75, AIROI_DATE_1900), AIROI_OK);
    ck_assert_int_eq(airoi_date_from_iso(&ymd[0], "2008-01-01"), AIROI_OK);
    ck_assert_int_eq(d, ymd[0]);
    ck_assert_int_eq(airoi_date_to_excel(&s, 0, AIROI_DATE_1900), AIROI_OK);
    ck_assert_double_eq(s, 25569);
    ck_assert_int_eq(airoi_date_from_excel(&d, 2958465, AIROI_DATE_1900), AIROI_OK);
    ck_assert_int_eq(d, AIROI_DATE_MAX);
    ck_assert_int_eq(airoi_date_from_excel(&d, 2958466, AIROI_DATE_1900), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_date_from_excel(&d, 0, AIROI_DATE_1900), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_date_from_excel(&d, (double)NAN, AIROI_DATE_1900), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_date_from_excel(&d, HUGE_VAL, AIROI_DATE_1900), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_date_from_excel(&d, 100, 7), AIROI_ERR_INVALID);
    for (double x = 1; x <= 2958465; x += 101) {
        if (x == 60)
            continue;
        ck_assert_int_eq(airoi_date_from_excel(&d, x, AIROI_DATE_1900), AIROI_OK);
        ck_assert_int_eq(airoi_date_to_excel(&s, d, AIROI_DATE_1900), AIROI_OK);
        ck_assert_double_eq(s, x);
    }
    ck_assert_int_eq(airoi_date_from_iso(&d, "1899-12-31"), AIROI_OK);
    ck_assert_int_eq(airoi_date_to_excel(&s, d, AIROI_DATE_1900), AIROI_ERR_INVALID);
}
END_TEST

START_TEST(dates_excel_1904)
{
    int32_t d, ref;
    double s;
    ck_assert_int_eq(airoi_date_from_excel(&d, 0, AIROI_DATE_1904), AIROI_OK);
    ck_assert_int_eq(airoi_date_from_iso(&ref, "1904-01-01"), AIROI_OK);
    ck_assert_int_eq(d, ref);
    /* The two systems differ by 1462 days for dates after 1900-03-01. */
    ck_assert_int_eq(airoi_date_from_iso(&ref, "2024-06-30"), AIROI_OK);
    double s1900, s1904;
    ck_assert_int_eq(airoi_date_to_excel(&s1900, ref, AIROI_DATE_1900), AIROI_OK);
    ck_assert_int_eq(airoi_date_to_excel(&s1904, ref, AIROI_DATE_1904), AIROI_OK);
    ck_assert_double_eq(s1900 - s1904, 1462);
    ck_assert_int_eq(airoi_date_from_excel(&d, -1, AIROI_DATE_1904), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_date_from_iso(&ref, "1903-12-31"), AIROI_OK);
    ck_assert_int_eq(airoi_date_to_excel(&s, ref, AIROI_DATE_1904), AIROI_ERR_INVALID);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("status");
    tcase_add_test(tc, status_strings_are_pinned);
    tcase_add_test(tc, error_message_is_set_on_failure_only);
    tcase_add_test(tc, error_message_is_per_thread);
    tcase_add_test(tc, versions_agree);
    suite_add_tcase(s, tc);
    tc = tcase_create("dates");
    tcase_add_test(tc, dates_iso_round_trip);
    tcase_add_test(tc, dates_iso_rejects_malformed);
    tcase_add_test(tc, dates_excel_1900);
    tcase_add_test(tc, dates_excel_1904);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(core_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
