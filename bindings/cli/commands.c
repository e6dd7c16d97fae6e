/*
 * bindings/cli/commands.c: `airoi COMMAND FILE [OPTIONS]`. The command
 * table, help, version and cli_dispatch() (the whole command line parsed,
 * nothing run; main.c runs the command, tests/fuzz/fuzz-cli.c fuzzes it);
 * the commands themselves are in report.c, validate.c, simulate.c,
 * portfolio.c and track.c.
 * Reference: docs/cli.md.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define FORMAT_HELP \
    "  -f, --format FORMAT  text (default), json, csv, md (Markdown) or html (the\n" \
    "                       business case: one self-contained page with charts)\n"
#define OUTPUT_HELP \
    "  -o, --output OUT     write to OUT instead of standard output\n"

static const cli_command commands[] = {
    {"report", "full report: metrics, TCO, scenarios, schedule, findings, benchmark",
     "FILE [--format text|json|csv|md|html] [--scenario NAME] [--honest] [-o OUT]",
     "Evaluates the model in FILE and prints its report: the project header, the key\n"
     "metrics (NPV, IRR, MIRR, basic, horizon, NPV and risk-adjusted ROI, payback),\n"
     "the total cost of ownership by category, the value by dimension, every scenario,\n"
     "the cash-flow schedule, the audit findings and, when the model names a use case,\n"
     "the benchmark comparison. CSV holds the schedule; HTML is the business case\n"
     "(docs/reports.md), with the model's narrative and charts.\n\n"
     "Options:\n" FORMAT_HELP
     "  -s, --scenario NAME  report one scenario instead of the base case\n"
     "      --honest         raise every cost category by its typical underestimate and\n"
     "                       show plan and honest estimate side by side\n"
     OUTPUT_HELP,
     OPT_FORMAT | OPT_SCENARIO | OPT_HONEST | OPT_OUTPUT, cli_report},
    {"validate", "check a model file and list every problem in it",
     "FILE",
     "Loads and checks the model in FILE. Prints a one-line summary on standard\n"
     "output when it is valid (exit 0); otherwise prints every problem on standard\n"
     "error as FILE:LINE:COL: message (exit 1).\n",
     0, cli_validate},
    {"audit", "TCO audit: hidden costs, missing maintenance, risky assumptions",
     "FILE [--format text|json|csv|md|html] [--honest] [-o OUT]",
     "Evaluates the model in FILE and prints the total cost of ownership and the\n"
     "findings of the TCO audit (code, severity, message and the numbers behind it),\n"
     "compared with the reference TCO shares (docs/methodology.md#reference-tco).\n"
     "CSV holds the findings.\n\n"
     "Options:\n" FORMAT_HELP
     "      --honest         audit the honest estimate (costs raised by their typical\n"
     "                       underestimate), side by side with the plan and the change\n"
     "                       (CSV then holds that comparison)\n"
     OUTPUT_HELP,
     OPT_FORMAT | OPT_HONEST | OPT_OUTPUT, cli_audit},
    {"compare", "compare the project with the benchmark of its use case",
     "FILE [--format text|json|csv|md|html] [--use-case KEY] [-o OUT]",
     "Evaluates the model in FILE and places its annualised ROI, payback and investment\n"
     "below, within or above the ranges of its use case (project.use_case, or\n"
     "--use-case). CSV holds the comparison.\n\n"
     "Options:\n" FORMAT_HELP
     "  -u, --use-case KEY   compare with this use case instead of the model's\n"
     OUTPUT_HELP,
     OPT_FORMAT | OPT_USE_CASE | OPT_OUTPUT, cli_compare},
    {"simulate", "Monte Carlo simulation: odds, percentiles, drivers of NPV",
     "FILE [--trials N] [--seed S] [--threads T]\n"
     "       [--outputs LIST] [--percentiles LIST] [--sampling random|sobol]\n"
     "       [--format text|json|csv|md|html] [-o OUT] [--trials-out FILE.csv]",
     "Draws every uncertainty of the model in FILE (`uncertainties:`, with their\n"
     "`correlations:`) trial after trial and prints, for NPV, IRR, horizon ROI,\n"
     "NPV-ROI and payback: mean, standard deviation and standard error, min and max,\n"
     "P5, P10, P50, P90, P95 and the percentiles asked, a histogram; P(NPV > 0),\n"
     "P(ROI > target), value at risk and expected shortfall of NPV, the share of\n"
     "trials that never pay back or have no IRR, the rank correlation of each input\n"
     "with NPV and its share of NPV's variance, a convergence trace, and with\n"
     "`stages:` the staged-investment figures over the trials. The model's\n"
     "`simulation:` section sets the defaults; the options below override it. The\n"
     "same seed gives the same result whatever the number of threads. CSV holds one\n"
     "row per output; HTML is the business case of the model (as `airoi report\n"
     "--format html`) with this simulation. A progress bar shows on standard error\n"
     "when it is a terminal; Ctrl-C cancels (exit 130, nothing written).\n\n"
     "Options:\n"
     "  -n, --trials N       number of trials (default: the model's, else 10,000)\n"
     "      --seed S         seed, a whole number in [0, 2^53] (default: the model's,\n"
     "                       else 0)\n"
     "  -j, --threads T      threads, 0 for one per core (never changes the result)\n"
     "      --outputs LIST   outputs to compute, e.g. npv,irr (default: all of npv,\n"
     "                       irr, roi_horizon, npv_roi, payback_periods)\n"
     "      --percentiles LIST  more percentiles, e.g. 1,25,75,99\n"
     "      --sampling S     random (Monte Carlo) or sobol (scrambled Sobol points)\n"
     "      --trials-out FILE.csv  also write every trial's outputs to FILE.csv\n"
     FORMAT_HELP OUTPUT_HELP,
     OPT_FORMAT | OPT_OUTPUT | OPT_SIMULATION, cli_simulate},
    {"tornado", "which uncertain input moves NPV most (tornado and spider data)",
     "FILE [--format text|json|csv|md] [-o OUT]",
     "Sets each uncertainty of the model in FILE alone to its 10th and 90th\n"
     "percentile, every other input at its base value, and prints the NPV at each end\n"
     "and the swing, largest first; the spider table gives NPV with each input at its\n"
     "P10, P25, P50, P75 and P90. CSV holds one row per input.\n\n"
     "Options:\n" FORMAT_HELP OUTPUT_HELP,
     OPT_FORMAT | OPT_OUTPUT, cli_tornado},
    {"stages", "staged investment: odds of production, value of the option to stop",
     "FILE [--format text|json|csv|md] [-o OUT]",
     "Computes the staged investment of the model in FILE (`stages:`, each with a\n"
     "cost, a duration and the probability of passing its gate): the probability of\n"
     "reaching production, the expected cost, the expected NPV when spending stops at\n"
     "a failed gate, the NPV with everything committed up front, and the value of\n"
     "staging (their difference). Formulas: docs/methodology.md.\n\n"
     "Options:\n" FORMAT_HELP OUTPUT_HELP,
     OPT_FORMAT | OPT_OUTPUT, cli_stages},
    {"breakeven", "multipliers at which NPV is 0: values, costs, adoption, each input",
     "FILE [--format text|json|csv|md] [-o OUT]",
     "Finds where the base case's NPV of the model in FILE is 0: the multiplier on\n"
     "every value, the multiplier on every cost, the adoption ceiling every ramp would\n"
     "need, and the multiplier of each uncertain input alone. When there is no such\n"
     "point in the range searched, it says so and gives the range.\n\n"
     "Options:\n" FORMAT_HELP OUTPUT_HELP,
     OPT_FORMAT | OPT_OUTPUT, cli_breakeven},
    {"portfolio", "rank several projects and choose the best set under a budget",
     "FILE [--simulate [--trials N] [--seed S] [--threads T] [--percentiles LIST]]\n"
     "       [--format text|json|csv|md|html] [-o OUT]",
     "Loads the portfolio file FILE (docs/portfolio.md: model files or inline projects,\n"
     "a budget, exchange rates), evaluates each project in its own currency, converts\n"
     "its figures to the portfolio currency, ranks the projects by NPV, IRR,\n"
     "profitability index and risk-adjusted ROI, and chooses the set with the greatest\n"
     "total NPV whose investment fits the budget (exact, mandatory projects always in),\n"
     "and the efficient frontier: the best NPV at each of 21 budgets. With --simulate,\n"
     "a Monte Carlo of the chosen set: uncertainties with the same `driver` are drawn\n"
     "once per trial for every project; the distribution of the portfolio NPV,\n"
     "P(NPV > 0) and each project's share of its variance. HTML is the portfolio\n"
     "page (bubble chart, frontier). CSV holds one row per project.\n\n"
     "Options:\n"
     "      --simulate       simulate the chosen set (implied by the options below)\n"
     "  -n, --trials N       number of trials (default 10,000)\n"
     "      --seed S         seed, a whole number in [0, 2^53] (default 0)\n"
     "  -j, --threads T      threads, 0 for one per core (never changes the result)\n"
     "      --percentiles LIST  more percentiles, e.g. 1,25,75,99\n"
     FORMAT_HELP OUTPUT_HELP,
     OPT_FORMAT | OPT_OUTPUT | OPT_SIMULATION | OPT_PF_SIMULATE, cli_portfolio},
    {"track", "plan against actual: variance, re-forecast, indicators, gate reviews",
     "FILE [--format text|json|csv|md|html] [-o OUT]",
     "Compares the actuals of the model in FILE (`actuals:`, complete up to\n"
     "`tracking.as_of`) with the plan (the base case): figures to date, the variance of\n"
     "each item, its category and dimension, the re-forecast (actuals so far, then the\n"
     "plan) and the run-rate re-forecast with their full metrics, payback planned and\n"
     "re-forecast; the status of each leading indicator (`indicators:`) and the decision\n"
     "of each stage gate (`criteria:`) with its evidence and the expected NPV of\n"
     "continuing. CSV holds one row per item's variance; HTML is the business case with\n"
     "its plan-against-actual section (docs/methodology.md#tracking).\n\n"
     "Options:\n" FORMAT_HELP OUTPUT_HELP,
     OPT_FORMAT | OPT_OUTPUT, cli_track},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fprintf(f, "Usage: %s COMMAND FILE [OPTIONS]\n\n", cli_program);
    fprintf(f, "Turns an AI investment model (YAML, docs/model-format.md) into numbers a CFO\n"
               "can trust: TCO with hidden costs, three ROI layers, NPV, IRR, payback.\n\n"
               "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "  %-10s %s\n", "help", "help on a command (airoi help report)");
    fprintf(f, "\nOptions:\n"
               "  -h, --help     show this help (COMMAND --help: help on a command)\n"
               "  -V, --version  show the version\n\n"
               "Exit status: 0 success, 1 invalid model or file error, 2 usage error,\n"
               "130 simulation cancelled with Ctrl-C.\n");
}

static const cli_command *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void version(void)
{
    printf("airoi %s (libairoi %s)\n", AIROI_VERSION_STRING, airoi_version_string());
}

static int help(int argc, char **argv)
{
    if (argc <= 2) {
        usage(stdout);
        return CLI_OK;
    }
    if (argc > 3) {
        cli_error("help: too many arguments");
        return CLI_USAGE;
    }
    const cli_command *cmd = find(argv[2]);
    if (!cmd) {
        cli_error("help: unknown command '%s' (try '%s help')", argv[2], cli_program);
        return CLI_USAGE;
    }
    cli_command_help(cmd, 0);
    return CLI_OK;
}

int cli_dispatch(const cli_command **cmd, cli_args *a, int argc, char **argv)
{
    *cmd = NULL;
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0 || strcmp(first, "help") == 0) {
        int st = help(argc, argv);
        return st == CLI_OK ? -1 : st;
    }
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
        if (argc != 2) {
            cli_error("--version takes no arguments");
            return CLI_USAGE;
        }
        version();
        return -1;
    }
    if (first[0] == '-') {
        cli_error("unknown option '%s' (try '%s --help')", first, cli_program);
        return CLI_USAGE;
    }
    const cli_command *c = find(first);
    if (!c) {
        cli_error("unknown command '%s' (try '%s --help')", first, cli_program);
        return CLI_USAGE;
    }
    int st = cli_parse(a, c, argc - 2, argv + 2);
    if (st == CLI_OK)
        *cmd = c;
    return st;
}
