/*
 * bindings/cli/main.c: the airoi command's entry point: cli_dispatch()
 * (commands.c) parses the command line, then the command runs.
 * Reference: docs/cli.md.
 */
#include "cli.h"

int main(int argc, char **argv)
{
    const cli_command *cmd;
    cli_args a;
    int st = cli_dispatch(&cmd, &a, argc, argv);
    if (st < 0)
        return CLI_OK; /* help or version printed */
    if (st != CLI_OK)
        return st;
    return cmd->run(&a);
}
