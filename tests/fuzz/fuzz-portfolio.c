/*
 * tests/fuzz/fuzz-portfolio.c: libFuzzer target for portfolio files.
 *
 * The bytes are written as portfolio.yaml into a scratch directory whose
 * parent holds the bundled example models (linked), so that the example
 * portfolios' `file: ../x.yaml` references resolve; the loader reads it; a
 * portfolio that loads is evaluated (selection and frontier), reported in
 * every format, simulated (200 trials, 2 threads) and saved, and the saved
 * text must load back. A bug is a crash, a leak, undefined behaviour, a
 * non-finite number in JSON, a failure that hands out a result, or a saved
 * portfolio that does not load.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <dirent.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <airoi/airoi.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char top[] = "/tmp/airoi-fuzz-portfolio-XXXXXX";
static char dir[4096], file[4200], saved_file[4200];

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void cleanup(void)
{
    nftw(top, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* The scratch directory, made once: TMP/portfolio/ and TMP/<example>.yaml. */
static int prepare(void)
{
    if (dir[0])
        return 0;
    if (!mkdtemp(top))
        return -1;
    atexit(cleanup);
    DIR *d = opendir(AIROI_EXAMPLES_DIR);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0) {
            char from[4096], to[4096];
            snprintf(from, sizeof from, "%s/%s", AIROI_EXAMPLES_DIR, e->d_name);
            snprintf(to, sizeof to, "%s/%s", top, e->d_name);
            if (symlink(from, to) != 0) {
                closedir(d);
                return -1;
            }
        }
    }
    if (d)
        closedir(d);
    snprintf(dir, sizeof dir, "%s/portfolio", top);
    if (mkdir(dir, 0700) != 0)
        return -1;
    snprintf(file, sizeof file, "%s/portfolio.yaml", dir);
    snprintf(saved_file, sizeof saved_file, "%s/saved.yaml", dir);
    return 0;
}

static int write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(data, 1, size, f);
    return fclose(f) == 0 && n == size ? 0 : -1;
}

static void simulate(const airoi_portfolio *pf)
{
    airoi_sim_options *o = NULL;
    if (airoi_sim_options_new(&o) != AIROI_OK)
        return;
    airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 200);
    airoi_sim_options_set_number(o, AIROI_SIM_THREADS, 2);
    airoi_portfolio_simulation *s = NULL;
    int rc = airoi_portfolio_simulate(&s, pf, o, 0);
    if (rc != AIROI_OK && s)
        abort();
    airoi_portfolio_simulation_free(s);
    airoi_sim_options_free(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (prepare() != 0 || write_file(file, data, size) != 0)
        abort(); /* the scratch directory itself must work */
    airoi_portfolio *pf = NULL;
    if (airoi_portfolio_load_file(&pf, NULL, file, 0) != AIROI_OK) {
        if (pf)
            abort();
        return 0;
    }
    airoi_portfolio_result *r = NULL;
    int rc = airoi_portfolio_evaluate(&r, pf, 0);
    if (rc != AIROI_OK && r)
        abort();
    for (int fmt = AIROI_REPORT_TEXT; r && fmt <= AIROI_REPORT_MARKDOWN; fmt++) {
        char *text = NULL;
        size_t len = 0;
        check_document(airoi_portfolio_report_write(&text, &len, r, fmt, 0), &text, &len, fmt);
    }
    airoi_portfolio_result_free(r);
    simulate(pf);

    char *saved = NULL;
    size_t saved_len = 0;
    if (airoi_portfolio_save_buffer(&saved, &saved_len, pf, 0) == AIROI_OK) {
        airoi_portfolio *again = NULL;
        if (write_file(saved_file, saved, saved_len) != 0 ||
            airoi_portfolio_load_file(&again, NULL, saved_file, 0) != AIROI_OK)
            abort(); /* what we save must load back */
        airoi_portfolio_free(again);
    }
    airoi_free(saved);
    airoi_portfolio_free(pf);
    return 0;
}
