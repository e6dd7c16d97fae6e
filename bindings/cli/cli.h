/*
 * bindings/cli: the airoi command. Shared declarations of main.c,
 * commands.c, common.c and the commands (report.c, validate.c, ...).
 */
#ifndef AIROI_CLI_H
#define AIROI_CLI_H

#include <stddef.h>

#include <airoi/airoi.h>
#include <airoi/model.h>

/* Exit statuses (docs/cli.md). */
enum {
    CLI_OK = 0,    /* success */
    CLI_FAIL = 1,  /* the model is invalid, or reading/writing a file failed */
    CLI_USAGE = 2, /* the command line is wrong */
    CLI_CANCELLED = 130 /* a simulation cancelled with Ctrl-C (128 + SIGINT) */
};

/* Options a command accepts (or-ed into cli_command.options). */
enum {
    OPT_FORMAT = 1 << 0,
    OPT_SCENARIO = 1 << 1,
    OPT_OUTPUT = 1 << 2,
    OPT_HONEST = 1 << 3,
    OPT_USE_CASE = 1 << 4,
    OPT_SIMULATION = 1 << 5, /* --trials, --seed, --threads, --outputs, ... */
    OPT_PF_SIMULATE = 1 << 6 /* portfolio: --simulate */
};

typedef struct cli_args {
    const char *command;
    const char *file;
    airoi_report_format format;
    const char *scenario;   /* --scenario, or NULL */
    const char *output;     /* -o, or NULL for stdout */
    const char *use_case;   /* --use-case, or NULL */
    int honest;             /* --honest */
    /* simulate: the text of each option, checked by simulate.c; NULL when
     * not given (the model's `simulation:` section or the default holds) */
    const char *trials, *seed, *threads, *outputs, *percentiles, *sampling;
    const char *trials_out; /* --trials-out FILE.csv */
    int simulate;           /* portfolio: --simulate */
} cli_args;

typedef struct cli_command {
    const char *name;
    const char *summary;
    const char *usage;      /* arguments after "airoi NAME" */
    const char *help;       /* what it does and its options */
    unsigned options;       /* OPT_* it accepts */
    int (*run)(const cli_args *a);
} cli_command;

/* common.c */
extern const char *cli_program;
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Loads the model, printing every diagnostic to stderr as FILE:LINE:COL:
 * message; returns CLI_OK with *out set, or CLI_FAIL. */
int cli_load(airoi_project **out, const char *file);
/* Writes text to -o OUT or stdout; CLI_OK or CLI_FAIL (message printed). */
int cli_output(const cli_args *a, const char *text, size_t len);
/* The HTML business case of r (report.c): with the simulation sim (or
 * none), the tornado when p has uncertainties and the staging figures when
 * it has stages. An airoi status; the library's message on failure. */
int cli_business_case(char **text, size_t *len, const airoi_project *p, const airoi_result *r,
                      const airoi_simulation *sim);
/* Parses the arguments of a command; CLI_OK, or CLI_USAGE (message
 * printed), or -1 when --help was given (help printed, exit 0). */
int cli_parse(cli_args *a, const cli_command *cmd, int argc, char **argv);
/* simulate.c: the simulation options of the model p (NULL: none) overridden
 * by the command line; CLI_OK with *out set, CLI_USAGE or CLI_FAIL. */
int cli_sim_options(airoi_sim_options **out, const airoi_project *p, const cli_args *a);
void cli_command_help(const cli_command *cmd, int to_stderr);

/* commands.c: the whole command line (argv[0] is the program): CLI_OK with
 * *cmd set and *a filled (then run cmd->run(a)), -1 when help or the
 * version was printed (exit 0), or CLI_USAGE (message printed, *cmd NULL).
 * Runs nothing and exits nothing; tests/fuzz/fuzz-cli.c fuzzes it. */
int cli_dispatch(const cli_command **cmd, cli_args *a, int argc, char **argv);

/* The commands. */
int cli_report(const cli_args *a);
int cli_audit(const cli_args *a);
int cli_compare(const cli_args *a);
int cli_validate(const cli_args *a);
int cli_simulate(const cli_args *a);
int cli_tornado(const cli_args *a);
int cli_stages(const cli_args *a);
int cli_breakeven(const cli_args *a);
int cli_portfolio(const cli_args *a);
int cli_track(const cli_args *a);

#endif /* AIROI_CLI_H */
