"""``python -m airoi``: the ``airoi`` command from Python.

Mirrors ``bindings/cli`` (docs/cli.md): the same commands (``report``,
``validate``, ``audit``, ``compare``), options, output (written by the C
report API), messages on standard error (``FILE:LINE:COL: message`` for
model-file problems) and exit statuses: 0 success, 1 invalid model or file
error, 2 usage error.  ``python -m airoi --version`` also names the library
in use.
"""

from __future__ import annotations

import sys
from typing import IO, Dict, List, NamedTuple, Optional, Tuple

from . import _lib, errors
from .model import Project

__all__ = ["main"]

PROGRAM = "airoi"
OK, FAIL, USAGE = 0, 1, 2

_FORMAT_HELP = "  -f, --format FORMAT  text (default), json, csv or md (Markdown)\n"
_OUTPUT_HELP = "  -o, --output OUT     write to OUT instead of standard output\n"


class _Command(NamedTuple):
    name: str
    summary: str
    usage: str
    help: str
    options: Tuple[str, ...]
    sections: Optional[str]


_COMMANDS: Tuple[_Command, ...] = (
    _Command(
        "report", "full report: metrics, TCO, scenarios, schedule, findings, benchmark",
        "FILE [--format text|json|csv|md] [--scenario NAME] [--honest] [-o OUT]",
        "Evaluates the model in FILE and prints its report: the project header, the key\n"
        "metrics (NPV, IRR, MIRR, basic, horizon, NPV and risk-adjusted ROI, payback),\n"
        "the total cost of ownership by category, the value by dimension, every scenario,\n"
        "the cash-flow schedule, the audit findings and, when the model names a use case,\n"
        "the benchmark comparison. CSV holds the schedule.\n\n"
        "Options:\n" + _FORMAT_HELP
        + "  -s, --scenario NAME  report one scenario instead of the base case\n"
        "      --honest         raise every cost category by its typical underestimate\n"
        + _OUTPUT_HELP,
        ("format", "scenario", "honest", "output"), "all"),
    _Command(
        "validate", "check a model file and list every problem in it", "FILE",
        "Loads and checks the model in FILE. Prints a one-line summary on standard\n"
        "output when it is valid (exit 0); otherwise prints every problem on standard\n"
        "error as FILE:LINE:COL: message (exit 1).\n",
        (), None),
    _Command(
        "audit", "TCO audit: hidden costs, missing maintenance, risky assumptions",
        "FILE [--format text|json|csv|md] [--honest] [-o OUT]",
        "Evaluates the model in FILE and prints the total cost of ownership and the\n"
        "findings of the TCO audit (code, severity, message and the numbers behind it),\n"
        "compared with the reference shares of SPEC 1.1. CSV holds the findings.\n\n"
        "Options:\n" + _FORMAT_HELP
        + "      --honest         audit the honest estimate (costs raised by their typical\n"
        "                       underestimate)\n"
        + _OUTPUT_HELP,
        ("format", "honest", "output"), "audit"),
    _Command(
        "compare", "compare the project with the benchmark of its use case",
        "FILE [--format text|json|csv|md] [--use-case KEY] [-o OUT]",
        "Evaluates the model in FILE and places its annual ROI, payback and investment\n"
        "below, within or above the ranges of its use case (project.use_case, or\n"
        "--use-case). CSV holds the comparison.\n\n"
        "Options:\n" + _FORMAT_HELP
        + "  -u, --use-case KEY   compare with this use case instead of the model's\n"
        + _OUTPUT_HELP,
        ("format", "use_case", "output"), "compare"),
)
_BY_NAME: Dict[str, _Command] = {c.name: c for c in _COMMANDS}
_OPTIONS = {  # option -> (long, short, takes a value)
    "format": ("--format", "-f", True),
    "scenario": ("--scenario", "-s", True),
    "output": ("--output", "-o", True),
    "use_case": ("--use-case", "-u", True),
    "honest": ("--honest", None, False),
}
_FORMATS = ("text", "json", "csv", "md", "markdown")


class _Args:
    def __init__(self, command: str) -> None:
        self.command = command
        self.file: Optional[str] = None
        self.format = "text"
        self.scenario: Optional[str] = None
        self.output: Optional[str] = None
        self.use_case: Optional[str] = None
        self.honest = False


def _error(message: str) -> None:
    sys.stdout.flush()
    sys.stderr.write("%s: %s\n" % (PROGRAM, message))


def _usage(f: IO[str]) -> None:
    f.write("Usage: %s COMMAND FILE [OPTIONS]\n\n" % PROGRAM)
    f.write("Turns an AI investment model (YAML, docs/model-format.md) into numbers a CFO\n"
            "can trust: TCO with hidden costs, three ROI layers, NPV, IRR, payback.\n\n"
            "Commands:\n")
    for c in _COMMANDS:
        f.write("  %-10s %s\n" % (c.name, c.summary))
    f.write("  %-10s %s\n" % ("help", "help on a command (airoi help report)"))
    f.write("\nOptions:\n"
            "  -h, --help     show this help (COMMAND --help: help on a command)\n"
            "  -V, --version  show the version\n\n"
            "Exit status: 0 success, 1 invalid model or file error, 2 usage error.\n")


def _command_help(cmd: _Command, f: IO[str]) -> None:
    f.write("Usage: %s %s %s\n\n%s" % (PROGRAM, cmd.name, cmd.usage, cmd.help))
    if f is sys.stdout:
        f.write("  -h, --help           show this help\n")


def _parse(cmd: _Command, argv: List[str]) -> Tuple[int, Optional[_Args]]:
    """(OK, args), (USAGE, None) after a message, or (-1, None) after --help."""
    a = _Args(cmd.name)
    only_files = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if only_files or not arg.startswith("-") or arg == "-":
            if a.file is not None:
                _error("%s: more than one FILE ('%s' and '%s')" % (cmd.name, a.file, arg))
                return USAGE, None
            a.file = arg
            i += 1
            continue
        if arg == "--":
            only_files = True
            i += 1
            continue
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in ("--help", "-h") and not eq:
            _command_help(cmd, sys.stdout)
            return -1, None
        for opt in cmd.options:
            long, short, takes_value = _OPTIONS[opt]
            if name == long or (short is not None and name == short):
                break
        else:
            opt = ""
        if not opt or (not _OPTIONS[opt][2] and eq):
            _error("%s: unknown option '%s' (try '%s %s --help')" % (cmd.name, arg, PROGRAM, cmd.name))
            return USAGE, None
        if _OPTIONS[opt][2]:
            if eq:
                value = inline
            elif i + 1 >= len(argv):
                _error("option '%s' needs a value" % arg)
                return USAGE, None
            else:
                i += 1
                value = argv[i]
            if opt == "format":
                if value not in _FORMATS:
                    _error("%s: unknown format '%s' (expected text, json, csv or md)" % (cmd.name, value))
                    return USAGE, None
                value = "md" if value == "markdown" else value
            setattr(a, opt, value)
        else:
            setattr(a, opt, True)
        i += 1
    if a.file is None:
        _error("%s: missing FILE" % cmd.name)
        sys.stderr.write("Usage: %s %s %s\n" % (PROGRAM, cmd.name, cmd.usage))
        return USAGE, None
    return OK, a


def _load(file: str) -> Optional[Project]:
    """The project, or None after printing every diagnostic to stderr."""
    try:
        if file == "-":
            data = sys.stdin.buffer.read(16 * 1024 * 1024 + 1)
            project = Project.from_yaml(data, "<stdin>")
            file = "<stdin>"
        else:
            project = Project.load(file)
    except errors.Error as e:
        sys.stdout.flush()
        diags = getattr(e, "diagnostics", None) or []
        for d in diags:
            sys.stderr.write(str(d) + "\n")
        if not diags:
            shown = file if file != "-" else "<stdin>"
            detail = e.message
            sys.stderr.write(("%s\n" % detail) if detail.startswith(shown) else "%s: %s\n" % (shown, detail))
        return None
    except OSError as e:  # reading standard input
        _error("cannot read standard input: %s" % (e.strerror or e))
        return None
    sys.stdout.flush()
    for d in project.diagnostics:
        sys.stderr.write(str(d) + "\n")
    return project


def _output(a: _Args, text: str) -> int:
    data = text.encode("utf-8")
    if a.output is None:
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except OSError as e:
            _error("cannot write to standard output: %s" % (e.strerror or e))
            return FAIL
        return OK
    try:
        f = open(a.output, "wb")
    except OSError as e:
        _error("cannot open %s for writing: %s" % (a.output, e.strerror or e))
        return FAIL
    try:
        with f:
            f.write(data)
    except OSError as e:
        _error("cannot write %s: %s" % (a.output, e.strerror or e))
        return FAIL
    return OK


def _run_report(a: _Args, sections: str) -> int:
    project = _load(a.file or "")
    if project is None:
        return FAIL
    with project:
        if a.use_case is not None:
            try:
                project.use_case = a.use_case
            except errors.Error:
                _error("%s: unknown use case '%s'" % (a.command, a.use_case))
                _list_use_cases()
                return USAGE
        if sections == "compare" and not project.use_case:
            sys.stdout.flush()
            sys.stderr.write("%s: the model has no project.use_case to compare with; "
                             "add one or pass --use-case KEY\n" % a.file)
            _list_use_cases()
            return FAIL
        try:
            result = project.evaluate(a.scenario, a.honest)
        except errors.NotFoundError:
            if a.scenario is None:
                raise
            _error("%s: no scenario named '%s' in %s" % (a.command, a.scenario, a.file))
            names = project.scenarios.names()
            if not names:
                sys.stderr.write("  (the model defines no scenarios)\n")
            else:
                sys.stderr.write("  scenarios of the model: %s\n" % ", ".join(names))
            return USAGE
        except errors.Error as e:
            sys.stdout.flush()
            sys.stderr.write("%s: %s\n" % (a.file, e.message))
            return FAIL
        with result:
            try:
                text = result.report(a.format, sections)
            except errors.Error as e:
                sys.stdout.flush()
                sys.stderr.write("%s: cannot write the report: %s\n" % (a.file, e.message))
                return FAIL
        return _output(a, text)


def _list_use_cases() -> None:
    from ._lib import C

    keys = [C.airoi_benchmark_get_key(i).decode("utf-8") for i in range(C.airoi_benchmark_count())]
    sys.stderr.write("  use cases: %s\n" % ", ".join(keys))


def _run_validate(a: _Args) -> int:
    project = _load(a.file or "")
    if project is None:
        return FAIL
    with project:
        try:
            project.validate()
        except errors.Error as e:
            sys.stdout.flush()
            sys.stderr.write("%s: %s\n" % (a.file, e.message))
            return FAIL
        nc, nv, ns = len(project.costs), len(project.values), len(project.scenarios)
        horizon = project.horizon
        sys.stdout.write('%s: valid: "%s", %d cost item%s, %d value item%s, %d scenario%s, '
                         "horizon %d %s%s\n" % (
                             a.file, project.name, nc, "" if nc == 1 else "s", nv, "" if nv == 1 else "s",
                             ns, "" if ns == 1 else "s", horizon, project.period, "" if horizon == 1 else "s"))
    sys.stdout.flush()
    return OK


def _help(argv: List[str]) -> int:
    if len(argv) <= 1:
        _usage(sys.stdout)
        return OK
    if len(argv) > 2:
        _error("help: too many arguments")
        return USAGE
    cmd = _BY_NAME.get(argv[1])
    if cmd is None:
        _error("help: unknown command '%s' (try '%s help')" % (argv[1], PROGRAM))
        return USAGE
    _command_help(cmd, sys.stdout)
    return OK


def main(argv: Optional[List[str]] = None) -> int:
    """Runs one command; returns the exit status (0, 1 or 2)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        _usage(sys.stderr)
        return USAGE
    first = args[0]
    if first in ("--help", "-h", "help"):
        return _help(args)
    if first in ("--version", "-V", "version"):
        if len(args) != 1:
            _error("--version takes no arguments")
            return USAGE
        import airoi

        sys.stdout.write("airoi %s (libairoi %s, ABI %d, %s)\n" % (
            airoi.__version__, _lib.version_string(), _lib.library_abi_version, _lib.library_path))
        return OK
    if first.startswith("-"):
        _error("unknown option '%s' (try '%s --help')" % (first, PROGRAM))
        return USAGE
    cmd = _BY_NAME.get(first)
    if cmd is None:
        _error("unknown command '%s' (try '%s --help')" % (first, PROGRAM))
        return USAGE
    status, a = _parse(cmd, args[1:])
    if status < 0:
        return OK
    if status != OK or a is None:
        return status
    if cmd.name == "validate":
        return _run_validate(a)
    return _run_report(a, cmd.sections or "all")
