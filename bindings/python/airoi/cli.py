"""``python -m airoi``: runs the ``airoi`` command shipped with the library.

The package has no command line of its own.  ``python -m airoi ARGS...``
runs the C command ``airoi`` (docs/cli.md) that belongs to the libairoi the
package loaded, with the same arguments, standard input, output and error,
and exits with its exit status, so its commands, options, help, messages
and statuses are the C command's own.

The command is looked for, in order:

1. ``AIROI_COMMAND``: its path (when set, nothing else is tried, so that a
   wrong path is an error rather than a silent fall-back to another copy);
2. beside the library (:data:`airoi.library_path`): in the library's own
   directory (a copy next to the package, or ``bin`` on Windows); in
   ``bindings/cli`` of a build tree (``build/lib/libairoi.so`` next to
   ``build/bindings/cli/airoi``); in ``PREFIX/bin`` of an installation
   (``PREFIX/lib``, ``PREFIX/lib64`` or ``PREFIX/lib/<multiarch>``).

When it is not found, ``python -m airoi`` says where it looked on standard
error and exits with status 127, as a shell does for a missing command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import List, Optional

from . import _lib

__all__ = ["CommandNotFoundError", "command_path", "main"]

#: Exit status when the command cannot be found (the shell's).
NOT_FOUND = 127

_NAMES = ("airoi.exe", "airoi") if sys.platform.startswith("win") else ("airoi",)


class CommandNotFoundError(FileNotFoundError):
    """The ``airoi`` command of the loaded library cannot be found."""


def _candidates(library: str) -> List[str]:
    """Where the command of the library in ``library`` may be, in order."""
    dirs: List[str] = []
    for path in (library, os.path.realpath(library)):
        d = os.path.dirname(path)
        for c in (d, os.path.join(d, "..", "bindings", "cli"), os.path.join(d, "..", "bin"),
                  os.path.join(d, "..", "..", "bin")):
            c = os.path.normpath(c)
            if c not in dirs:
                dirs.append(c)
    return [os.path.join(d, n) for d in dirs for n in _NAMES]


def _runnable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def command_path() -> str:
    """Path of the ``airoi`` command that :func:`main` runs.

    Raises :class:`CommandNotFoundError` (a ``FileNotFoundError``) with the
    places looked at when there is none.
    """
    env = os.environ.get("AIROI_COMMAND")
    if env:
        if _runnable(env):
            return env
        raise CommandNotFoundError(
            "airoi: AIROI_COMMAND names %s, which is not an executable file" % env)
    library = _lib.library_file()
    if library is None:
        raise CommandNotFoundError(
            "airoi: cannot tell which file libairoi (%s) was loaded from, so the airoi "
            "command beside it cannot be found; set AIROI_COMMAND to its path" % _lib.library_path)
    tried = _candidates(library)
    for path in tried:
        if _runnable(path):
            return path
    raise CommandNotFoundError(
        "airoi: the airoi command of %s was not found (looked for %s). Build it "
        "(bindings/cli, built by default), install it with the library, or set "
        "AIROI_COMMAND to its path" % (library, ", ".join(tried)))


def main(argv: Optional[List[str]] = None) -> int:
    """Runs the ``airoi`` command with ``argv`` (default ``sys.argv[1:]``).

    The command inherits this process's standard input, output and error
    (the file descriptors, not ``sys.stdout`` replaced in Python). Returns
    its exit status; 128 + N when signal N ended it; 127 (after a message on
    standard error) when the command cannot be found.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        path = command_path()
    except CommandNotFoundError as e:
        sys.stdout.flush()
        sys.stderr.write("%s\n" % e)
        sys.stderr.flush()
        return NOT_FOUND
    for f in (sys.stdout, sys.stderr):
        f.flush()
    try:
        status = subprocess.call([path] + args)
    except KeyboardInterrupt:  # the command got the same SIGINT and is gone
        return 128 + 2
    except OSError as e:
        sys.stderr.write("airoi: cannot run %s: %s\n" % (path, e.strerror or e))
        return NOT_FOUND if isinstance(e, FileNotFoundError) else 126
    return 128 - status if status < 0 else status
