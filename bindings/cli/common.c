/*
 * bindings/cli/common.c: option parsing, loading a model with its
 * diagnostics, writing output. Everything the library says goes to stderr;
 * stdout carries only the requested document.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_program = "airoi";

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", cli_program);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_command_help(const cli_command *cmd, int to_stderr)
{
    FILE *f = to_stderr ? stderr : stdout;
    fprintf(f, "Usage: %s %s %s\n\n%s", cli_program, cmd->name, cmd->usage, cmd->help);
    if (!to_stderr)
        fprintf(f, "  -h, --help           show this help\n");
}

/* Reads standard input whole (at most one byte past the loader's limit, so
 * that the loader reports the size). NULL when reading fails. */
static char *read_stdin(size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t k = fread(buf + n, 1, cap - n, stdin);
        n += k;
        if (k == 0 || n > AIROI_MODEL_MAX_BYTES)
            break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (buf && ferror(stdin)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

int cli_load(airoi_project **out, const char *file)
{
    airoi_diagnostics *d = NULL;
    int st;
    *out = NULL;
    if (strcmp(file, "-") == 0) {
        size_t len = 0;
        char *data = read_stdin(&len);
        if (!data) {
            cli_error("cannot read standard input: %s", strerror(errno));
            return CLI_FAIL;
        }
        file = "<stdin>";
        st = airoi_model_load_buffer(out, &d, data, len, file, 0);
        free(data);
    } else {
        st = airoi_model_load_file(out, &d, file, 0);
    }
    /* Copy the detail before any other call clears it. */
    char detail[1024];
    snprintf(detail, sizeof detail, "%s", airoi_last_error_message());
    size_t n = airoi_diagnostics_count(d);
    fflush(stdout);
    for (size_t i = 0; i < n; i++) {
        const char *text = airoi_diagnostics_get_text(d, i);
        if (text)
            fprintf(stderr, "%s\n", text);
    }
    airoi_diagnostics_free(d);
    if (st == AIROI_OK && *out)
        return CLI_OK;
    if (n == 0) { /* e.g. out of memory: no diagnostics, but a message */
        if (strncmp(detail, file, strlen(file)) == 0)
            fprintf(stderr, "%s\n", detail);
        else
            fprintf(stderr, "%s: %s\n", file, *detail ? detail : airoi_status_str(st));
    }
    return CLI_FAIL;
}

int cli_output(const cli_args *a, const char *text, size_t len)
{
    if (!a->output) {
        if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
            cli_error("cannot write to standard output: %s", strerror(errno));
            return CLI_FAIL;
        }
        return CLI_OK;
    }
    FILE *f = fopen(a->output, "wb");
    if (!f) {
        cli_error("cannot open %s for writing: %s", a->output, strerror(errno));
        return CLI_FAIL;
    }
    size_t w = fwrite(text, 1, len, f);
    int err = w != len || fflush(f) != 0 || ferror(f);
    int saved = errno;
    if (fclose(f) != 0 && !err) {
        err = 1;
        saved = errno;
    }
    if (err) {
        cli_error("cannot write %s: %s", a->output, strerror(saved));
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* Value of an option given as "--name VALUE", "--name=VALUE" or "-x VALUE";
 * NULL (and a message) when it is missing. */
static const char *value(const char *opt, const char *eq, int *i, int argc, char **argv)
{
    if (eq)
        return eq + 1;
    if (*i + 1 >= argc) {
        cli_error("option '%s' needs a value", opt);
        return NULL;
    }
    return argv[++*i];
}

static int is(const char *arg, size_t len, const char *lng, const char *shrt)
{
    return (strlen(lng) == len && strncmp(arg, lng, len) == 0) ||
           (shrt && strlen(shrt) == len && strncmp(arg, shrt, len) == 0);
}

/* Where the value of a simulation option goes, or NULL when arg is none. */
static const char **sim_option(cli_args *a, const char *arg, size_t len)
{
    if (is(arg, len, "--trials", "-n"))
        return &a->trials;
    if (is(arg, len, "--seed", NULL))
        return &a->seed;
    if (is(arg, len, "--threads", "-j"))
        return &a->threads;
    if (is(arg, len, "--outputs", NULL))
        return &a->outputs;
    if (is(arg, len, "--percentiles", NULL))
        return &a->percentiles;
    if (is(arg, len, "--sampling", NULL))
        return &a->sampling;
    if (is(arg, len, "--trials-out", NULL))
        return &a->trials_out;
    return NULL;
}

int cli_parse(cli_args *a, const cli_command *cmd, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->command = cmd->name;
    a->format = AIROI_REPORT_TEXT;
    int only_files = 0;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (a->file) {
                cli_error("%s: more than one FILE ('%s' and '%s')", cmd->name, a->file, arg);
                return CLI_USAGE;
            }
            a->file = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_files = 1;
            continue;
        }
        const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        const char *v;
        const char **slot;
        if (is(arg, len, "--help", "-h") && !eq) {
            cli_command_help(cmd, 0);
            return -1;
        } else if ((cmd->options & OPT_FORMAT) && is(arg, len, "--format", "-f")) {
            if (!(v = value(arg, eq, &i, argc, argv)))
                return CLI_USAGE;
            if (airoi_report_format_from_name(&a->format, v) != AIROI_OK) {
                cli_error("%s: unknown format '%s' (expected text, json, csv, md or html)",
                          cmd->name, v);
                return CLI_USAGE;
            }
        } else if ((cmd->options & OPT_SCENARIO) && is(arg, len, "--scenario", "-s")) {
            if (!(v = value(arg, eq, &i, argc, argv)))
                return CLI_USAGE;
            a->scenario = v;
        } else if ((cmd->options & OPT_OUTPUT) && is(arg, len, "--output", "-o")) {
            if (!(v = value(arg, eq, &i, argc, argv)))
                return CLI_USAGE;
            a->output = v;
        } else if ((cmd->options & OPT_USE_CASE) && is(arg, len, "--use-case", "-u")) {
            if (!(v = value(arg, eq, &i, argc, argv)))
                return CLI_USAGE;
            a->use_case = v;
        } else if ((cmd->options & OPT_HONEST) && is(arg, len, "--honest", NULL) && !eq) {
            a->honest = 1;
        } else if ((cmd->options & OPT_PF_SIMULATE) && is(arg, len, "--simulate", NULL) && !eq) {
            a->simulate = 1;
        } else if ((cmd->options & OPT_SIMULATION) && (slot = sim_option(a, arg, len))) {
            if (!(v = value(arg, eq, &i, argc, argv)))
                return CLI_USAGE;
            *slot = v;
        } else {
            cli_error("%s: unknown option '%s' (try '%s %s --help')", cmd->name, arg, cli_program,
                      cmd->name);
            return CLI_USAGE;
        }
    }
    if (!a->file) {
        cli_error("%s: missing FILE", cmd->name);
        fprintf(stderr, "Usage: %s %s %s\n", cli_program, cmd->name, cmd->usage);
        return CLI_USAGE;
    }
    return CLI_OK;
}
