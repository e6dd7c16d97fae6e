/*
 * tests/unit/oom-driver.h: the allocation-failure driver shared by the
 * white-box out-of-memory suites (test-model-oom.c, test-surface-oom.c),
 * after SQLite's fault simulator. An operation runs once per allocation
 * with that allocation failing, in two modes: persistent (it and every
 * later one fail) and transient (only it fails). It must then report
 * AIROI_ERR_NOMEM with its output NULL, or (a failure it could absorb)
 * give exactly the fault-free output; the next call without injection
 * must give the fault-free output again. Included once per suite.
 */
#ifndef AIROI_TEST_OOM_DRIVER_H
#define AIROI_TEST_OOM_DRIVER_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "core-private.h"

/* An operation under test. It runs with injection armed and calls
 * injection_off() as soon as the operation proper is over; then it
 * describes what it produced as one owned text (canonical YAML, a report,
 * the diagnostics) in *text. It returns AIROI_ERR_NOMEM (*text left NULL)
 * when the operation ran out of memory, else AIROI_OK. */
typedef int (*operation)(char **text, const void *arg);

static long injected; /* failures injected into the current run */

/* Set: injection counts the allocations of every thread (simulations with
 * worker threads), in whatever order they come; else the calling thread's. */
static int oom_all_threads;

/* Every allocation up to oom_dense fails in turn, then every oom_stride-th
 * (1: every one). A suite lowers them for operations with very many
 * allocations and says so where it does. */
static long oom_dense = 1000000;
static long oom_stride = 1;

/* Stops injection (idempotent) and counts the failures it injected. */
static void injection_off(void)
{
    injected += airoi__alloc_failures();
    airoi__alloc_fail_after(-1);
}

/* Right after a call failed with AIROI_ERR_NOMEM: it left a message. */
static void check_nomem_message(const char *call)
{
    ck_assert_msg(airoi_last_error_message()[0] != '\0', "%s: out of memory without a message",
                  call);
}

/* After a call that ran under injection: AIROI_ERR_NOMEM with a message
 * and a NULL output, or success. */
static int settle(int rc, const void *output, const char *call)
{
    if (rc == AIROI_ERR_NOMEM) {
        check_nomem_message(call);
        ck_assert_msg(output == NULL, "%s: out of memory with an output", call);
        return rc;
    }
    ck_assert_msg(rc == AIROI_OK, "%s: %s (%s)", call, airoi_status_str(rc),
                  airoi_last_error_message());
    return rc;
}

/* a + b in a new block (a is freed). */
static char *concat(char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    char *d = airoi__realloc(a, n + m + 1);
    ck_assert_ptr_nonnull(d);
    memcpy(d + n, b, m + 1);
    return d;
}

static const char *const mode_name[] = {"transient", "persistent"};

static void arm(long k, int mode)
{
    if (oom_all_threads)
        airoi__alloc_fail_shared(k, mode);
    else if (mode)
        airoi__alloc_fail_after(k);
    else
        airoi__alloc_fail_once(k);
}

/* Runs op with its k-th allocation failing in `mode` (0 transient, 1
 * persistent), for k = 0, 1, ... (then by oom_stride past oom_dense) until
 * a run ends before reaching the injected failure; returns that k, about
 * the number of allocations op makes. */
static long run_mode(const char *what, operation op, const void *arg, const char *reference,
                     int mode)
{
    for (long k = 0; k < 10000000; k += k < oom_dense ? 1 : oom_stride) {
        char *text = NULL;
        injected = 0;
        arm(k, mode);
        int rc = op(&text, arg);
        injection_off();
        if (injected == 0) {
            ck_assert_msg(rc == AIROI_OK, "%s: %s", what, airoi_status_str(rc));
            ck_assert_str_eq(text, reference);
            airoi__free(text);
            return k;
        }
        if (rc == AIROI_OK) {
            /* A failure the library absorbed: the output is the fault-free one. */
            ck_assert_msg(strcmp(text, reference) == 0,
                          "%s: %s failure of allocation %ld absorbed with another output:\n%.600s",
                          what, mode_name[mode], k, text);
        } else {
            ck_assert_msg(rc == AIROI_ERR_NOMEM, "%s: %s failure of allocation %ld: %s", what,
                          mode_name[mode], k, airoi_status_str(rc));
            ck_assert_ptr_null(text);
        }
        airoi__free(text);
        /* Recovery: the same call, fault-free, gives the reference. */
        text = NULL;
        ck_assert_int_eq(op(&text, arg), AIROI_OK);
        ck_assert_msg(strcmp(text, reference) == 0,
                      "%s: after a %s failure of allocation %ld the next call differs:\n%.600s", what,
                      mode_name[mode], k, text);
        airoi__free(text);
    }
    ck_abort_msg("%s: never completed", what);
    return 0;
}

/* The fault-free reference, then both modes; both must see the same
 * number of allocations (one thread), and at least one. Returns it. */
static long check_faults(const char *what, operation op, const void *arg)
{
    char *reference = NULL;
    ck_assert_int_eq(op(&reference, arg), AIROI_OK);
    ck_assert_ptr_nonnull(reference);
    long transient = run_mode(what, op, arg, reference, 0);
    long persistent = run_mode(what, op, arg, reference, 1);
    ck_assert_msg(transient > 0 && (transient == persistent || oom_all_threads),
                  "%s: %ld allocations in transient mode, %ld in persistent mode", what, transient,
                  persistent);
    if (getenv("AIROI_OOM_VERBOSE"))
        fprintf(stderr, "%s: %ld allocations\n", what, transient);
    airoi__free(reference);
    return transient;
}

/* ---- helpers both suites use ---------------------------------------------- */

static char *yaml_of(const airoi_project *p)
{
    char *s = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&s, NULL, p, 0), AIROI_OK);
    return s;
}

/* docs/examples/NAME (AIROI_EXAMPLES names the folder). */
static const char *example_path(const char *name)
{
    static char path[4096];
    const char *dir = getenv("AIROI_EXAMPLES");
    int n = snprintf(path, sizeof path, "%s/%s", dir ? dir : "docs/examples", name);
    ck_assert(n > 0 && (size_t)n < sizeof path);
    return path;
}

/* text, then each diagnostic of d on its own line with its status. */
static char *concat_diagnostics(char *text, const airoi_diagnostics *d)
{
    for (size_t i = 0; d && i < airoi_diagnostics_count(d); i++) {
        int status = 1;
        ck_assert_int_eq(airoi_diagnostics_get_status(&status, d, i), AIROI_OK);
        text = concat(text, "\n");
        text = concat(text, airoi_status_str(status));
        text = concat(text, " ");
        text = concat(text, airoi_diagnostics_get_text(d, i));
    }
    return concat(text, "\n");
}

/* Step `step` of building a project through the API; *done past the last. */
typedef int (*build_step_fn)(airoi_project *p, int step, int *done);

/* Runs every step on p under the armed injection. A step that runs out of
 * memory must leave p as the fault-free build after its first `step` steps
 * (yaml_after(step)); it is then retried without injection and the build
 * goes on. */
static void build_steps(airoi_project *p, build_step_fn build_step, char *(*yaml_after)(int))
{
    int done = 0;
    for (int step = 0; !done; step++) {
        int rc = build_step(p, step, &done);
        if (rc == AIROI_ERR_NOMEM) {
            injection_off();
            check_nomem_message("a build step");
            char *now = yaml_of(p), *was = yaml_after(step);
            ck_assert_msg(strcmp(now, was) == 0, "step %d failed and changed the project:\n%s",
                          step, now);
            airoi__free(now);
            airoi__free(was);
            rc = build_step(p, step, &done);
        }
        ck_assert_msg(rc == AIROI_OK, "step %d: %s (%s)", step, airoi_status_str(rc),
                      airoi_last_error_message());
    }
}

/* Runs a suite's tests in one case (a long timeout: under valgrind every
 * operation runs thousands of times); the exit status of main(). */
static int run_suite(const char *name, const TTest *const *tests, size_t n)
{
    Suite *s = suite_create(name);
    TCase *tc = tcase_create("oom");
    tcase_set_timeout(tc, 600);
    for (size_t i = 0; i < n; i++)
        tcase_add_test(tc, tests[i]);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}

#endif /* AIROI_TEST_OOM_DRIVER_H */
