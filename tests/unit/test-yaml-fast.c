/*
 * tests/unit/test-yaml-fast.c: the fast YAML reader of the loader
 * (lib/io/load-fast.c, io layer) against libyaml, white-box. Every YAML
 * file of docs/examples and tests/data and every input of the fuzz corpora
 * is read with both readers: whenever the fast reader accepts a file, the
 * trees must be the same node by node (kind, quoted, text, line, column,
 * kids). Snippets show what the subset holds and what it leaves to libyaml.
 * AIROI_SOURCE names the source tree.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load-private.h"

#include "../bench/bench-modelgen.h"

static size_t n_files, n_fast;

static int same(const char *text, size_t len, const char *name)
{
    char why[512] = "";
    int rc = airoi__yfast_check(text, len, why, sizeof why);
    ck_assert_msg(rc >= 0, "%s: %s", name, rc == -2 ? "out of memory" : why);
    return rc;
}

static void check_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (cap - len < 65536) {
            cap = cap ? cap * 2 : 65536;
            buf = realloc(buf, cap);
            ck_assert(buf != NULL);
        }
        got = fread(buf + len, 1, cap - len, fp);
        len += got;
    } while (got > 0);
    fclose(fp);
    n_files++;
    n_fast += same(buf, len, path) == 1;
    free(buf);
}

static int wanted(const char *name, int any)
{
    size_t n = strlen(name);
    return any || (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* Every file (any: every regular file) under dir, recursively. */
static void walk(const char *dir, int any)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path)
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(path, any);
        else if (S_ISREG(st.st_mode) && wanted(e->d_name, any))
            check_file(path);
    }
    closedir(d);
}

START_TEST(test_files)
{
    const char *src = getenv("AIROI_SOURCE");
    ck_assert_msg(src != NULL, "AIROI_SOURCE is not set");
    char path[4096];
    snprintf(path, sizeof path, "%s/docs/examples", src);
    walk(path, 0);
    snprintf(path, sizeof path, "%s/tests/data", src);
    walk(path, 0);
    size_t examples = n_fast;
    snprintf(path, sizeof path, "%s/tests/fuzz", src);
    DIR *d = opendir(path);
    ck_assert(d != NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, "corpus", 6) == 0) {
            char sub[4096 + 256];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            walk(sub, 1);
        }
    closedir(d);
    printf("%zu files, %zu read by the fast reader (%zu of docs/examples and tests/data)\n",
           n_files, n_fast, examples);
    ck_assert_msg(examples >= 100, "the fast reader read only %zu example files", examples);
}
END_TEST

START_TEST(test_bench_model)
{
    size_t len;
    char *text = bench_model_text(2000, &len);
    ck_assert(text != NULL);
    ck_assert_int_eq(same(text, len, "bench model"), 1);
    free(text);
}
END_TEST

/* Inside the subset: the fast reader must read each, the same as libyaml. */
static const char *const accepted[] = {
    "a: 1\n",
    "a: 1",
    "---\na: 1\n",
    "--- # the model\n# more\na: 1\n",
    "# c\n\n  \na: b   # c\nc:   d e  f  \n",
    "a:\n  b: 1\n  c:\n    - x\n    - y\n  d: [1, 2, {e: f}]\n",
    "a:\n- 1\n- b: 2\n  c: 3\nd: 4\n",
    "a:\n  -   b: 1\n      c: 2\n  -\n    d: 3\n  - e\n",
    "a:\n  -\n    - 1\n    - 2\n",
    "'a b': 'it''s'\n\"c\": \"\\t\\n\\\\\\\" \\x41\\u00e9\\U0001F600\\0\\e\\N\\_\\L\\P\"\n",
    "a: {b: 'x', c: \"y\", d: [ ], e: { }, f: [ [a, b] , [ ] ]}\n",
    "a: \xe5\x90\x8d\xe7\xa8\xb1 x\n\xe5\x90\x8d: {\xe5\x90\x8d: [\xc3\xa9, 'z']}\n",
    "a: -1\nb: -.5\nc: x#y\nd: x:y\ne: [-2]\nf: http://example.com/a?b=c\n",
    "a: a[b]{c},d\n",
    "a :  b\n",
    "a:\n  b\nc: d\n",
    "[1, 2]\n",
    "- a\n- b\n",
    "  a: 1\n  b: 2\n",
    "a: <<\nb: ~\nc: null\n",
    "a: ...x\n",
    "a: \"\\P\\P\\L\\N\\_\\P\\P\\P\\P\\P\\P\\P\"\n", /* decoded longer than written */
};

/* Outside it: the fast reader must leave each to libyaml. */
static const char *const refused[] = {
    "",
    "# only a comment\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "<<: {a: 1}\n",
    "a: {<<: 5}\n",
    "a: |\n  text\n",
    "a: >-\n  text\n",
    "a: b\n  c\n",
    "a: 'b\n  c'\n",
    "a: [1,\n  2]\n",
    "? a\n: b\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\n",
    "a:\tb\n",
    "a: b\r\n",
    /* two BOMs, then "a: 1": one literal, split only to end the \x escape
     * (\xbfa would be one escape); parenthesized to say it is meant */
    ("\xef\xbb\xbf\xef\xbb\xbf" "a: 1\n"),
    "a:\nb: 1\n",
    "- \n- a\n",
    "a: \"\\/\"\n",
    "a: \"\\q\"\n",
    "a: [b: c]\n",
    "a: {b: c,}\n",
    "a: {b:c}\n",
    "a: [a:b]\n",
    "a: b: c\n",
    "a: 'b'c\n",
    "a: [b]#c\n",
    "- - a\n",
    "a: 1\n b: 2\n",
    "a:\n  b: 1\n c: 2\n",
    "a: \xc2\x85\n",
    "a: \x7f\n",
    "a: b\n  # a comment line\n  c\n",
};

START_TEST(test_subset)
{
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++)
        ck_assert_msg(same(accepted[i], strlen(accepted[i]), accepted[i]) == 1,
                      "the fast reader gave up on snippet %zu: %s", i, accepted[i]);
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        ck_assert_msg(same(refused[i], strlen(refused[i]), refused[i]) == 0,
                      "the fast reader read snippet %zu: %s", i, refused[i]);
}
END_TEST

/* "a: " and `levels` nested flow sequences. */
static size_t nested(char *buf, int levels)
{
    size_t n = 0;
    memcpy(buf, "a: ", 3);
    n = 3;
    for (int i = 0; i < levels; i++)
        buf[n++] = '[';
    for (int i = 0; i < levels; i++)
        buf[n++] = ']';
    buf[n++] = '\n';
    return n;
}

START_TEST(test_limits)
{
    /* AIROI__IO_MAX_DEPTH levels are read; one more is left to libyaml,
     * which reports the limit */
    char deep[2 * AIROI__IO_MAX_DEPTH + 16];
    ck_assert_int_eq(same(deep, nested(deep, AIROI__IO_MAX_DEPTH - 1), "deepest"), 1);
    ck_assert_int_eq(same(deep, nested(deep, AIROI__IO_MAX_DEPTH), "too deep"), 0);
    /* one long line of many nodes outside ASCII: columns are counted once
     * along the line, not from its start for each node */
    size_t items = 400000, n = 0;
    char *wide = malloc(items * 5 + 16);
    ck_assert(wide != NULL);
    memcpy(wide, "a: [", 4);
    n = 4;
    for (size_t i = 0; i < items; i++) {
        memcpy(wide + n, "\xc3\xa9, ", 4);
        n += 4;
    }
    memcpy(wide + n, "x]\n", 3);
    n += 3;
    ck_assert_int_eq(same(wide, n, "a long line"), 1);
    free(wide);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("yaml-fast");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_subset);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_bench_model);
    tcase_add_test(tc, test_files);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
