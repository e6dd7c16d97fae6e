/*
 * tests/fuzz/fuzz-cli.c: libFuzzer target for the airoi command's command
 * line (bindings/cli, fuzzed through cli_dispatch() and the commands).
 *
 * The bytes are split at newlines into the words after `airoi` (at most 64;
 * a word ends at a NUL byte as it would in argv). cli_dispatch() parses
 * them as main() does; when it accepts them the command runs, on the
 * bundled example models, with every path the words name confined to a
 * scratch directory: FILE is looked up in a directory of the examples
 * (portfolio/... included; a name with `..` or a leading `/` names nothing),
 * `-` reads example 3 from standard input, and -o OUT and --trials-out FILE
 * are written in a scratch out/ directory (slashes become `_`) and removed
 * after the run. To keep a run cheap, the uncertain example's 20,000 trials
 * are 200 in its scratch copy, a portfolio simulation without --trials
 * gets 200, and a command line asking for more than 2,000 trials or 8
 * threads is parsed but not run.
 *
 * A bug is a crash, a leak, undefined behaviour, a parse that does not end,
 * a status other than 0, 1 or 2 (-1 for help and version), an accepted
 * option the command does not take (its cli_command.options), a usage
 * error (2) that still wrote -o OUT or --trials-out, a success without the
 * file asked for, or a non-finite number in JSON.
 * Standard output and error carry the command's text: libFuzzer runs it
 * with -close_fd_mask=3 (smoke.sh, long-run.sh).
 */
#define _XOPEN_SOURCE 700 /* nftw, mkdtemp */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_WORDS = 64, MAX_TRIALS = 2000, MAX_THREADS = 8 };

static char top[] = "/tmp/airoi-fuzz-cli-XXXXXX";
static char models[4096], outdir[4096], stdin_model[4200];

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

/* Copies an example, with `trials: 20000` made `trials: 200`. */
static int copy_example(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    int ok = in && out;
    char line[4096];
    while (ok && fgets(line, sizeof line, in)) {
        char *t = strstr(line, "trials: 20000");
        if (t)
            memcpy(t + strlen("trials: 200"), "\n", 2);
        ok = fputs(line, out) >= 0;
    }
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

/* The scratch directory, made once: TMP/models/ (the examples, and a link
 * portfolio -> the example portfolios) and TMP/out/. */
static int prepare(void)
{
    if (models[0])
        return 0;
    if (!mkdtemp(top))
        return -1;
    atexit(cleanup);
    snprintf(models, sizeof models, "%s/models", top);
    snprintf(outdir, sizeof outdir, "%s/out", top);
    if (mkdir(models, 0700) != 0 || mkdir(outdir, 0700) != 0)
        return -1;
    DIR *d = opendir(AIROI_EXAMPLES_DIR);
    if (!d)
        return -1;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0) {
            char from[4096], to[8300];
            snprintf(from, sizeof from, "%s/%s", AIROI_EXAMPLES_DIR, e->d_name);
            snprintf(to, sizeof to, "%s/%s", models, e->d_name);
            rc = copy_example(from, to);
        }
    }
    closedir(d);
    char link[4200];
    snprintf(link, sizeof link, "%s/portfolio", models);
    if (rc != 0 || symlink(AIROI_EXAMPLES_DIR "/portfolio", link) != 0)
        return -1;
    snprintf(stdin_model, sizeof stdin_model, "%s/example3-three-year.yaml", models);
    return 0;
}

/* FILE in the models directory; a name that could leave it names nothing. */
static void model_path(char *dst, size_t cap, const char *word)
{
    if (word[0] == '/' || strstr(word, ".."))
        snprintf(dst, cap, "%s/no-such-model", models);
    else
        snprintf(dst, cap, "%s/%s", models, word);
}

/* OUT in the out directory, one component. */
static void out_path(char *dst, size_t cap, const char *word)
{
    size_t n = (size_t)snprintf(dst, cap, "%s/", outdir);
    for (const char *s = word; *s && n + 2 < cap; s++)
        dst[n++] = *s == '/' ? '_' : *s;
    dst[n] = '\0';
    if (!*word || !strcmp(word, ".") || !strcmp(word, ".."))
        snprintf(dst, cap, "%s/_", outdir);
}

static int exists(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0;
}

/* A number over limit (text that is not a number is the command's error). */
static int over(const char *text, double limit)
{
    if (!text)
        return 0;
    char *end;
    double v = strtod(text, &end);
    return end != text && !(v <= limit);
}

/* Every option a command accepted is one its table lists. */
static void check_options(const cli_command *cmd, const cli_args *a)
{
    unsigned o = cmd->options;
    if ((a->format != AIROI_REPORT_TEXT && !(o & OPT_FORMAT)) ||
        (a->scenario && !(o & OPT_SCENARIO)) || (a->output && !(o & OPT_OUTPUT)) ||
        (a->honest && !(o & OPT_HONEST)) || (a->use_case && !(o & OPT_USE_CASE)) ||
        (a->simulate && !(o & OPT_PF_SIMULATE)) ||
        ((a->trials || a->seed || a->threads || a->outputs || a->percentiles || a->sampling ||
          a->trials_out) && !(o & OPT_SIMULATION)) ||
        !a->file || strcmp(a->command, cmd->name) != 0)
        abort();
}

/* A JSON document written to path has no non-finite number. */
static void check_json(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        abort();
    size_t cap = 1 << 16, len = 0, k;
    char *buf = malloc(cap + 1);
    while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) {
            char *bigger = realloc(buf, 2 * cap + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[len] = '\0';
        if (json_has_nonfinite(buf))
            abort();
    }
    free(buf);
}

static void run(const cli_command *cmd, cli_args *a)
{
    char file[4200], output[4200], trials_out[4200];
    if (strcmp(a->file, "-") != 0 || cmd->run == cli_portfolio) {
        model_path(file, sizeof file, a->file);
        a->file = file;
    }
    if (a->output) {
        out_path(output, sizeof output, a->output);
        a->output = output;
    }
    if (a->trials_out) {
        out_path(trials_out, sizeof trials_out, a->trials_out);
        a->trials_out = trials_out;
    }
    if (cmd->run == cli_portfolio && !a->trials &&
        (a->simulate || a->seed || a->threads || a->percentiles))
        a->trials = "200";
    if (over(a->trials, MAX_TRIALS) || over(a->threads, MAX_THREADS))
        return; /* parsed, too slow to run */
    if (!freopen(stdin_model, "rb", stdin))
        abort();
    int st = cmd->run(a);
    if (st != CLI_OK && st != CLI_FAIL && st != CLI_USAGE)
        abort();
    if (st == CLI_USAGE && (exists(a->output) || exists(a->trials_out)))
        abort(); /* a usage error is found before anything is written */
    if (st == CLI_OK && a->output) {
        if (!exists(a->output))
            abort();
        if (a->format == AIROI_REPORT_JSON)
            check_json(a->output);
    }
    if (st == CLI_OK && a->trials_out && !exists(a->trials_out))
        abort();
    if (a->output)
        remove(a->output);
    if (a->trials_out)
        remove(a->trials_out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (prepare() != 0)
        abort(); /* the scratch directory itself must work */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[MAX_WORDS + 2];
    int argc = 0;
    static char program[] = "airoi";
    argv[argc++] = program;
    for (char *w = text; argc <= MAX_WORDS;) {
        char *nl = memchr(w, '\n', size - (size_t)(w - text));
        if (nl)
            *nl = '\0';
        if (nl || *w || w != text + size)
            argv[argc++] = w;
        if (!nl)
            break;
        w = nl + 1;
    }
    argv[argc] = NULL;

    const cli_command *cmd = (const cli_command *)1;
    cli_args a;
    int st = cli_dispatch(&cmd, &a, argc, argv);
    if (st == CLI_OK) {
        if (!cmd)
            abort();
        check_options(cmd, &a);
        run(cmd, &a);
    } else if ((st != -1 && st != CLI_USAGE) || cmd) {
        abort();
    }
    free(text);
    return 0;
}
