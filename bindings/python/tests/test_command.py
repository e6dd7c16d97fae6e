"""``python -m airoi``: finds the ``airoi`` command of the loaded library and
passes arguments, standard streams and the exit status through."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

import airoi
from airoi import cli

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
PACKAGE_DIR = os.path.dirname(os.path.abspath(airoi.__file__))
EXAMPLE = os.path.join(ROOT, "docs", "examples", "example2-customer-service.yaml")
CLI = os.environ.get("AIROI_CLI")
HAVE_CLI = bool(CLI) and os.path.exists(CLI or "")
POSIX = os.name == "posix"


def run_python(*args, stdin=None, env=None, module=True):
    full = dict(os.environ)
    full.pop("AIROI_COMMAND", None)
    for key, value in (env or {}).items():
        if value is None:
            full.pop(key, None)
        else:
            full[key] = value
    argv = [sys.executable] + (["-m", "airoi"] if module else []) + list(args)
    return subprocess.run(argv, capture_output=True, env=full, input=stdin, timeout=60,
                          cwd=tempfile.gettempdir())


def script(directory, name, body):
    """An executable shell script ``directory/name``."""
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(path, 0o755)
    return path


# Echoes its arguments and standard input, writes to standard error, exits 3.
ECHO = 'printf "%s|" "$@"; echo; cat; echo "to stderr" >&2; exit 3\n'


@unittest.skipUnless(HAVE_CLI, "the airoi executable is not built (AIROI_CLI unset)")
class TestBuiltCommand(unittest.TestCase):
    """In the build tree: the library's command is bindings/cli/airoi."""

    def assertSame(self, *args, stdin=None):
        a = run_python(*args, stdin=stdin)
        b = subprocess.run([CLI] + list(args), capture_output=True, input=stdin, timeout=60,
                           cwd=tempfile.gettempdir())
        self.assertEqual((a.returncode, a.stdout, a.stderr), (b.returncode, b.stdout, b.stderr), args)
        return a

    def test_found_beside_the_library(self):
        self.assertEqual(os.path.realpath(cli.command_path()), os.path.realpath(CLI))

    @unittest.skipUnless(sys.platform.startswith("linux"), "LD_LIBRARY_PATH is Linux's")
    def test_found_beside_a_library_the_loader_chose(self):
        """Loaded by name (libairoi.so.0 through LD_LIBRARY_PATH): the file is
        asked of the loader, and the command beside it is run."""
        libdir = os.path.dirname(os.path.realpath(airoi.library_path))
        r = run_python("-c", "import airoi, airoi.cli as c; print(airoi.library_path); print(c.command_path())",
                       module=False, env={"AIROI_LIBRARY": "libairoi.so.0", "LD_LIBRARY_PATH": libdir})
        self.assertEqual(r.returncode, 0, r.stderr)
        name, command = r.stdout.decode().split()
        self.assertEqual((name, os.path.realpath(command)), ("libairoi.so.0", os.path.realpath(CLI)))

    def test_streams_and_statuses_pass_through(self):
        self.assertEqual(self.assertSame("report", EXAMPLE, "--format", "json").returncode, 0)
        with open(EXAMPLE, "rb") as f:
            self.assertEqual(self.assertSame("validate", "-", stdin=f.read()).returncode, 0)
        self.assertEqual(self.assertSame("report", "/nonexistent.yaml").returncode, 1)
        self.assertEqual(self.assertSame("report", EXAMPLE, "--format", "xml").returncode, 2)
        self.assertEqual(self.assertSame().returncode, 2)
        self.assertEqual(self.assertSame("help", "audit").returncode, 0)
        self.assertEqual(self.assertSame("--version").returncode, 0)

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "report.md")
            r = run_python("report", EXAMPLE, "--format", "md", "-o", out)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"", b""))
            with open(out, "rb") as f:
                expected = subprocess.run([CLI, "report", EXAMPLE, "--format", "md"],
                                          capture_output=True, timeout=60).stdout
                self.assertEqual(f.read(), expected)


@unittest.skipUnless(POSIX, "the stand-in commands are shell scripts")
class TestFinding(unittest.TestCase):
    def test_airoi_command_variable(self):
        with tempfile.TemporaryDirectory() as d:
            echo = script(d, "echo-airoi", ECHO)
            r = run_python("report", "a b", "--x=1", stdin=b"input\n", env={"AIROI_COMMAND": echo})
            self.assertEqual((r.returncode, r.stdout, r.stderr),
                             (3, b"report|a b|--x=1|\ninput\n", b"to stderr\n"))

    def test_main_returns_the_status(self):
        with tempfile.TemporaryDirectory() as d:
            code = ("import sys, airoi.cli as c; sys.stdout.write('before\\n'); "
                    "s = c.main(['x']); print('status', s)")
            r = run_python("-c", code, module=False,
                           env={"AIROI_COMMAND": script(d, "a", "echo command $1; exit 5\n")})
            self.assertEqual((r.returncode, r.stdout), (0, b"before\ncommand x\nstatus 5\n"))

    def test_signal_gives_128_plus_n(self):
        with tempfile.TemporaryDirectory() as d:
            r = run_python(env={"AIROI_COMMAND": script(d, "a", "kill -TERM $$\n")})
            self.assertEqual(r.returncode, 128 + signal.SIGTERM)

    def test_airoi_command_not_executable(self):
        r = run_python("--version", env={"AIROI_COMMAND": "/nonexistent/airoi"})
        self.assertEqual((r.returncode, r.stdout), (127, b""))
        self.assertEqual(r.stderr.decode(),
                         "airoi: AIROI_COMMAND names /nonexistent/airoi, which is not an executable file\n")

    def package_copy(self, tmp, command=None):
        """The package with a copy of the library in it, and optionally a
        command beside that copy; returns the environment that imports it."""
        shutil.copytree(PACKAGE_DIR, os.path.join(tmp, "airoi"),
                        ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        shutil.copy(airoi.library_path, os.path.join(tmp, "airoi", "libairoi.so.0"))
        if command:
            script(os.path.join(tmp, "airoi"), "airoi", command)
        return {"AIROI_LIBRARY": None, "PYTHONPATH": tmp}

    def test_beside_a_copied_library(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = self.package_copy(tmp, ECHO)
            r = run_python("validate", "-", stdin=b"x\n", env=env)
            self.assertEqual((r.returncode, r.stdout), (3, b"validate|-|\nx\n"))

    def test_installed_layout(self):
        """PREFIX/lib/<multiarch>/libairoi.so.0 runs PREFIX/bin/airoi."""
        with tempfile.TemporaryDirectory() as tmp:
            libdir = os.path.join(tmp, "lib", "x86_64-linux-gnu")
            os.makedirs(libdir)
            os.mkdir(os.path.join(tmp, "bin"))
            shutil.copy(airoi.library_path, os.path.join(libdir, "libairoi.so.0"))
            script(os.path.join(tmp, "bin"), "airoi", "echo installed; exit 0\n")
            r = run_python("--version", env={"AIROI_LIBRARY": os.path.join(libdir, "libairoi.so.0")})
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, b"installed\n", b""))

    def test_not_found(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = self.package_copy(tmp)
            r = run_python("--version", env=env)
            self.assertEqual((r.returncode, r.stdout), (127, b""))
            lib = os.path.join(tmp, "airoi", "libairoi.so.0")
            err = r.stderr.decode()
            self.assertTrue(err.startswith("airoi: the airoi command of %s was not found (looked for %s, "
                                           % (lib, os.path.join(tmp, "airoi", "airoi"))), err)
            self.assertIn("AIROI_COMMAND", err)
            r = run_python("-c", "import airoi.cli as c; c.command_path()", module=False, env=env)
            self.assertIn("CommandNotFoundError", r.stderr.decode())


if __name__ == "__main__":
    unittest.main()
