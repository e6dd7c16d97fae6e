/*
 * tests/xll/test-xll-glue.c: white-box suite of the Excel add-in internals
 * (bindings/excel/xll-registry.c and xll-glue.c): the handle registry that
 * phase-2 functions (AIROI.LOAD, AIROI.PROJECT) build on, DLL-owned result
 * blocks, argument readers and UTF-8/UTF-16 conversion.
 */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xll-glue.h"
#include "xll-registry.h"

static int destroyed;
static pthread_mutex_t destroyed_lock = PTHREAD_MUTEX_INITIALIZER;

static void destroy_int(void *p)
{
    pthread_mutex_lock(&destroyed_lock);
    destroyed++;
    pthread_mutex_unlock(&destroyed_lock);
    free(p);
}

static int *new_int(int v)
{
    int *p = malloc(sizeof *p);
    ck_assert_ptr_nonnull(p);
    *p = v;
    return p;
}

static void setup(void)
{
    xll_registry_clear();
    destroyed = 0;
}

START_TEST(registry_put_acquire_release)
{
    char name[XLL_NAME_MAX];
    xll_owner cell = {7, 2, 3};
    ck_assert_int_eq(xll_registry_put("project", new_int(42), destroy_int, &cell, name, sizeof name),
                     XLL_REG_OK);
    ck_assert_ptr_nonnull(strstr(name, "project#"));
    void *obj;
    xll_entry *e;
    ck_assert_int_eq(xll_registry_acquire(name, "project", &obj, &e), XLL_REG_OK);
    ck_assert_int_eq(*(int *)obj, 42);
    xll_registry_release(e);
    ck_assert_int_eq(xll_registry_acquire(name, "simulation", &obj, &e), XLL_REG_NOT_FOUND);
    ck_assert_ptr_null(obj);
    ck_assert_int_eq(xll_registry_acquire(name, NULL, &obj, &e), XLL_REG_OK);
    xll_registry_release(e);
    ck_assert_uint_eq(xll_registry_count(), 1);
    ck_assert_int_eq(destroyed, 0);
    xll_registry_clear();
    ck_assert_int_eq(destroyed, 1);
    ck_assert_uint_eq(xll_registry_count(), 0);
    ck_assert_int_eq(xll_registry_acquire(name, NULL, &obj, &e), XLL_REG_NOT_FOUND);
}
END_TEST

START_TEST(registry_same_cell_replaces_and_names_are_versioned)
{
    char first[XLL_NAME_MAX], second[XLL_NAME_MAX], other[XLL_NAME_MAX];
    xll_owner cell = {1, 0, 0}, cell2 = {1, 0, 1};
    ck_assert_int_eq(xll_registry_put("project", new_int(1), destroy_int, &cell, first, sizeof first), 0);
    ck_assert_int_eq(xll_registry_put("project", new_int(3), destroy_int, &cell2, other, sizeof other), 0);
    ck_assert_int_eq(xll_registry_put("project", new_int(2), destroy_int, &cell, second, sizeof second), 0);
    ck_assert_str_ne(first, second);
    ck_assert_int_eq(destroyed, 1); /* the cell's previous object */
    ck_assert_uint_eq(xll_registry_count(), 2);
    void *obj;
    xll_entry *e;
    ck_assert_int_eq(xll_registry_acquire(first, "project", &obj, &e), XLL_REG_NOT_FOUND);
    ck_assert_int_eq(xll_registry_acquire(second, "project", &obj, &e), XLL_REG_OK);
    ck_assert_int_eq(*(int *)obj, 2);
    /* Dropping the cell while a call still borrows the object defers the
     * destruction to the release. */
    ck_assert_int_eq(xll_registry_drop_owner(&cell), XLL_REG_OK);
    ck_assert_int_eq(destroyed, 1);
    ck_assert_int_eq(*(int *)obj, 2);
    xll_registry_release(e);
    ck_assert_int_eq(destroyed, 2);
    ck_assert_int_eq(xll_registry_drop_owner(&cell), XLL_REG_NOT_FOUND);
    ck_assert_int_eq(xll_registry_acquire(other, "project", &obj, &e), XLL_REG_OK);
    xll_registry_clear(); /* borrowed: destroyed on release */
    ck_assert_int_eq(destroyed, 2);
    xll_registry_release(e);
    ck_assert_int_eq(destroyed, 3);
}
END_TEST

START_TEST(registry_rejects_bad_input)
{
    char name[XLL_NAME_MAX], tiny[4];
    void *obj;
    xll_entry *e;
    ck_assert_int_eq(xll_registry_put("Project", new_int(1), destroy_int, NULL, name, sizeof name),
                     XLL_REG_INVALID);
    ck_assert_int_eq(xll_registry_put("", new_int(1), destroy_int, NULL, name, sizeof name),
                     XLL_REG_INVALID);
    ck_assert_int_eq(xll_registry_put("project", new_int(1), destroy_int, NULL, tiny, sizeof tiny),
                     XLL_REG_BUFFER);
    ck_assert_int_eq(destroyed, 3); /* the registry owns obj even on failure */
    ck_assert_int_eq(xll_registry_put("project", NULL, destroy_int, NULL, name, sizeof name),
                     XLL_REG_INVALID);
    static const char *const bad[] = {"", "#1", "project", "project#", "project#0", "project#01",
                                      "project#1x", "Project#1", "project#99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_int_eq(xll_registry_acquire(bad[i], NULL, &obj, &e), XLL_REG_INVALID);
    ck_assert_int_eq(xll_registry_acquire("project#12345", NULL, &obj, &e), XLL_REG_NOT_FOUND);
    ck_assert_int_eq(xll_registry_acquire(NULL, NULL, &obj, &e), XLL_REG_INVALID);
    xll_registry_release(NULL);
}
END_TEST

#define THREADS 4
#define ROUNDS 2000

static void *hammer(void *arg)
{
    int id = (int)(intptr_t)arg;
    xll_owner cell = {99, id, 0};
    char name[XLL_NAME_MAX];
    for (int i = 0; i < ROUNDS; i++) {
        if (xll_registry_put("project", new_int(i), destroy_int, &cell, name, sizeof name) != 0)
            return (void *)1;
        void *obj;
        xll_entry *e;
        if (xll_registry_acquire(name, "project", &obj, &e) != 0 || *(int *)obj != i)
            return (void *)1;
        xll_registry_release(e);
    }
    return NULL;
}

START_TEST(registry_threads)
{
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, hammer, (void *)(intptr_t)i), 0);
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(th[i], &r);
        ck_assert_ptr_null(r);
    }
    ck_assert_uint_eq(xll_registry_count(), THREADS);
    ck_assert_int_eq(destroyed, THREADS * (ROUNDS - 1));
    xll_registry_clear();
    ck_assert_int_eq(destroyed, THREADS * ROUNDS);
}
END_TEST

START_TEST(results_are_single_blocks)
{
    long live = xll_result_live();
    LPXLOPER12 n = xll_result_num(1.5);
    ck_assert_uint_eq(n->xltype, xltypeNum | xlbitDLLFree);
    LPXLOPER12 bad = xll_result_num(nan(""));
    ck_assert_uint_eq(bad->xltype, xltypeErr | xlbitDLLFree);
    ck_assert_int_eq(bad->val.err, xlerrNum);
    LPXLOPER12 s = xll_result_str("h\xc3\xa9llo \xf0\x9f\x98\x80");
    ck_assert_uint_eq(s->xltype, xltypeStr | xlbitDLLFree);
    ck_assert_uint_eq(s->val.str[0], 8); /* 6 BMP characters + a surrogate pair */
    ck_assert_uint_eq(s->val.str[2], 0xe9);
    ck_assert_uint_eq(s->val.str[7], 0xd83d);
    char *back = xll_utf16_to_utf8(s->val.str);
    ck_assert_str_eq(back, "h\xc3\xa9llo \xf0\x9f\x98\x80");
    free(back);
    LPXLOPER12 m = xll_result_multi(2, 3, 16);
    ck_assert_uint_eq(m->xltype, xltypeMulti | xlbitDLLFree);
    xll_result_set_num(m, 0, 0, 4.0);
    xll_result_set_num(m, 1, 2, HUGE_VAL);
    ck_assert_int_eq(xll_result_set_str(m, 0, 1, "npv"), 0);
    ck_assert_int_eq(xll_result_set_str(m, 1, 0, "a string far too long for the pool"), -1);
    xll_result_set_num(m, 5, 5, 1.0); /* out of range: ignored */
    xll_result_set_err(m, 0, 2, xlerrNA);
    xll_result_set_err(m, -1, 0, xlerrNA); /* out of range: ignored */
    ck_assert_uint_eq(m->val.array.lparray[2].xltype, xltypeErr);
    ck_assert_int_eq(m->val.array.lparray[2].val.err, xlerrNA);
    ck_assert_uint_eq(m->val.array.lparray[0].xltype, xltypeNum);
    ck_assert_uint_eq(m->val.array.lparray[1].xltype, xltypeStr);
    ck_assert_uint_eq(m->val.array.lparray[1].val.str[0], 3);
    ck_assert_uint_eq(m->val.array.lparray[3].xltype, xltypeNil);
    ck_assert_uint_eq(m->val.array.lparray[5].xltype, xltypeErr);
    ck_assert_int_eq(xll_result_live(), live + 4);
    xll_result_free(n);
    xll_result_free(bad);
    xll_result_free(s);
    xll_result_free(m);
    xll_result_free(NULL);
    ck_assert_int_eq(xll_result_live(), live);
}
END_TEST

/* A spilled table: header set, room for the header's strings counted, #N/A
 * for a figure that is not defined or not finite, #NUM! past a sheet's rows. */
START_TEST(results_tables)
{
    static const char *const header[] = {"figure", "h\xc3\xa9"};
    const char *strs[] = {"ab", NULL, "\xf0\x9f\x98\x80"};
    ck_assert_uint_eq(xll_utf16_units(strs, 3), 3 + 1 + 3);
    long live = xll_result_live();
    LPXLOPER12 t = xll_result_table(2, 2, header, xll_utf16_units(strs, 1));
    ck_assert(xll_result_is_multi(t));
    ck_assert_int_eq(t->val.array.rows, 3);
    ck_assert_uint_eq(t->val.array.lparray[1].xltype, xltypeStr);
    ck_assert_uint_eq(t->val.array.lparray[1].val.str[0], 2);
    ck_assert_int_eq(xll_result_set_str(t, 1, 0, "ab"), 0);
    ck_assert_int_eq(xll_result_set_str(t, 2, 0, "c"), -1); /* the room is used up */
    xll_result_set_figure(t, 1, 1, 1, 2.5);
    xll_result_set_figure(t, 2, 1, 0, 2.5);
    xll_result_set_figure(t, 2, 0, 1, HUGE_VAL);
    ck_assert_uint_eq(t->val.array.lparray[3].xltype, xltypeNum);
    ck_assert_double_eq(t->val.array.lparray[3].val.num, 2.5);
    ck_assert_uint_eq(t->val.array.lparray[5].xltype, xltypeErr);
    ck_assert_int_eq(t->val.array.lparray[5].val.err, xlerrNA);
    ck_assert_int_eq(t->val.array.lparray[4].val.err, xlerrNA);
    LPXLOPER12 big = xll_result_table((size_t)XL_MAX_ROWS, 2, header, 0);
    ck_assert(!xll_result_is_multi(big));
    ck_assert_int_eq(big->val.err, xlerrNum);
    ck_assert(!xll_result_is_multi(NULL));
    xll_result_free(t);
    xll_result_free(big);
    ck_assert_int_eq(xll_result_live(), live);
}
END_TEST

/* Left out: NULL, omitted or a blank cell; a one-cell range is its cell. */
START_TEST(arguments_omitted_and_scalar)
{
    XLOPER12 x, one, two[2];
    memset(&x, 0, sizeof x);
    memset(two, 0, sizeof two);
    ck_assert(xll_arg_omitted(NULL));
    x.xltype = xltypeMissing;
    ck_assert(xll_arg_omitted(&x));
    x.xltype = xltypeNil;
    ck_assert(xll_arg_omitted(&x));
    x.xltype = xltypeNum;
    ck_assert(!xll_arg_omitted(&x));
    x.xltype = xltypeMulti;
    x.val.array.lparray = &one;
    x.val.array.rows = x.val.array.columns = 1;
    ck_assert_ptr_eq(xll_arg_scalar(&x), &one);
    ck_assert(!xll_arg_omitted(&x)); /* a range is given, even of one blank */
    x.val.array.lparray = two;
    x.val.array.columns = 2;
    ck_assert_ptr_eq(xll_arg_scalar(&x), &x);
    x.val.array.lparray = NULL;
    x.val.array.columns = 1;
    ck_assert_ptr_eq(xll_arg_scalar(&x), &x);
    ck_assert_ptr_null(xll_arg_scalar(NULL));
}
END_TEST

static XLOPER12 cell_num(double v)
{
    XLOPER12 x;
    memset(&x, 0, sizeof x);
    x.xltype = xltypeNum;
    x.val.num = v;
    return x;
}

START_TEST(argument_policies)
{
    static XCHAR word[] = {1, 'x'};
    XLOPER12 cells[5];
    memset(cells, 0, sizeof cells);
    cells[0] = cell_num(1);
    cells[1].xltype = xltypeNil;
    cells[2].xltype = xltypeStr;
    cells[2].val.str = word;
    cells[3].xltype = xltypeBool;
    cells[3].val.xbool = 1;
    cells[4] = cell_num(2);
    XLOPER12 range;
    memset(&range, 0, sizeof range);
    range.xltype = xltypeMulti;
    range.val.array.lparray = cells;
    range.val.array.rows = 1;
    range.val.array.columns = 5;
    double *v;
    size_t n;
    ck_assert_int_eq(xll_arg_numbers(&range, XLL_CELLS_NUMBERS_ONLY, &v, &n), XLL_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_double_eq_tol(v[1], 2.0, 1e-12);
    free(v);
    ck_assert_int_eq(xll_arg_numbers(&range, XLL_CELLS_BLANK_ZERO, &v, &n), xlerrValue);
    ck_assert_ptr_null(v);
    ck_assert_int_eq(xll_arg_numbers(&range, XLL_CELLS_DENSE, &v, &n), xlerrValue);
    cells[2] = cell_num(5);
    cells[3].xltype = xltypeErr;
    cells[3].val.err = xlerrNA;
    ck_assert_int_eq(xll_arg_numbers(&range, XLL_CELLS_NUMBERS_ONLY, &v, &n), xlerrNA);
    cells[3] = cell_num(6);
    ck_assert_int_eq(xll_arg_numbers(&range, XLL_CELLS_BLANK_ZERO, &v, &n), XLL_OK);
    ck_assert_uint_eq(n, 5);
    ck_assert_double_eq_tol(v[1], 0.0, 1e-12);
    free(v);
    XLOPER12 miss;
    memset(&miss, 0, sizeof miss);
    miss.xltype = xltypeMissing;
    double d = 0.0;
    ck_assert_int_eq(xll_arg_numbers(&miss, XLL_CELLS_BLANK_ZERO, &v, &n), xlerrValue);
    ck_assert_int_eq(xll_arg_number(&miss, &d), xlerrValue);
    ck_assert_int_eq(xll_arg_number_opt(&miss, 0.1, &d), XLL_OK);
    ck_assert_double_eq_tol(d, 0.1, 1e-12);
    ck_assert_int_eq(xll_arg_number(&range, &d), xlerrValue); /* not 1x1 */
    range.val.array.columns = 1;
    ck_assert_int_eq(xll_arg_number(&range, &d), XLL_OK);
    ck_assert_double_eq_tol(d, 1.0, 1e-12);
}
END_TEST

START_TEST(utf8_round_trip_and_invalid_bytes)
{
    XCHAR buf[16];
    ck_assert_uint_eq(xll_utf16_len("\xff\xc3"), 2);
    size_t k = xll_utf8_to_utf16(buf, 16, "a\xffz");
    ck_assert_uint_eq(k, 3);
    ck_assert_uint_eq(buf[1], 0xfffd);
    ck_assert_uint_eq(xll_utf8_to_utf16(buf, 1, "\xf0\x9f\x98\x80"), 0); /* a pair does not fit */
    XCHAR lone[] = {2, 0xd800, 'a'};
    char *s = xll_utf16_to_utf8(lone);
    ck_assert_str_eq(s, "\xef\xbf\xbd" "a");
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xll-glue");
    TCase *tc = tcase_create("registry");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, registry_put_acquire_release);
    tcase_add_test(tc, registry_same_cell_replaces_and_names_are_versioned);
    tcase_add_test(tc, registry_rejects_bad_input);
    tcase_add_test(tc, registry_threads);
    suite_add_tcase(s, tc);
    tc = tcase_create("glue");
    tcase_add_test(tc, results_are_single_blocks);
    tcase_add_test(tc, results_tables);
    tcase_add_test(tc, argument_policies);
    tcase_add_test(tc, arguments_omitted_and_scalar);
    tcase_add_test(tc, utf8_round_trip_and_invalid_bytes);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
