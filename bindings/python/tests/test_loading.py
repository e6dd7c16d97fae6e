"""Finding the library, the ABI check, and the installed package."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import airoi
from airoi import _lib

PACKAGE_DIR = os.path.dirname(os.path.abspath(airoi.__file__))
SOURCE_DIR = os.path.dirname(PACKAGE_DIR)


def run_python(code, env_update, cwd=None):
    env = dict(os.environ)
    for key, value in env_update.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd or tempfile.gettempdir(),
                          capture_output=True, text=True, timeout=60)


class TestLoading(unittest.TestCase):
    def test_loaded_library(self):
        self.assertTrue(_lib.abi_compatible(airoi.library_abi_version))
        self.assertEqual(airoi.ABI_VERSION, 1)
        self.assertRegex(airoi.library_version(), r"^\d+\.\d+\.\d+$")
        if os.environ.get("AIROI_LIBRARY"):
            self.assertEqual(airoi.library_path, os.environ["AIROI_LIBRARY"])

    def test_abi_rule(self):
        self.assertTrue(_lib.abi_compatible(1, 1))
        self.assertTrue(_lib.abi_compatible(2, 1))  # newer minor: only added symbols
        self.assertFalse(_lib.abi_compatible(0, 1))  # older than the package
        self.assertFalse(_lib.abi_compatible(101, 1))  # another major ABI
        self.assertFalse(_lib.abi_compatible(1, 101))

    def test_bad_airoi_library(self):
        r = run_python("import airoi", {"AIROI_LIBRARY": "/nonexistent/libairoi.so", "PYTHONPATH": SOURCE_DIR})
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("AIROI_LIBRARY", r.stderr)
        self.assertIn("LibraryNotFoundError", r.stderr)

    def test_not_libairoi(self):
        import ctypes.util

        libm = ctypes.util.find_library("m")
        if not libm:
            self.skipTest("no libm to load")
        r = run_python("import airoi", {"AIROI_LIBRARY": libm, "PYTHONPATH": SOURCE_DIR})
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("is not libairoi", r.stderr)

    def test_copy_next_to_package(self):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(PACKAGE_DIR, os.path.join(tmp, "airoi"),
                            ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
            shutil.copy(airoi.library_path, os.path.join(tmp, "airoi", "libairoi.so.0"))
            r = run_python("import airoi; print(airoi.library_path); print(airoi.irr([-100, 110]))",
                           {"AIROI_LIBRARY": None, "PYTHONPATH": tmp})
            self.assertEqual(r.returncode, 0, r.stderr)
            path, value = r.stdout.split()
            self.assertEqual(path, os.path.join(tmp, "airoi", "libairoi.so.0"))
            self.assertAlmostEqual(float(value), 0.1, places=12)

    def test_found_in_checkout_build(self):
        """A checkout's build/lib is searched when the package is imported from it."""
        with tempfile.TemporaryDirectory() as tmp:
            pkg = os.path.join(tmp, "bindings", "python")
            shutil.copytree(PACKAGE_DIR, os.path.join(pkg, "airoi"),
                            ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
            open(os.path.join(tmp, "meson.build"), "w").close()
            os.makedirs(os.path.join(tmp, "build", "lib"))
            shutil.copy(airoi.library_path, os.path.join(tmp, "build", "lib", "libairoi.so.0"))
            r = run_python("import airoi; print(airoi.library_path)",
                           {"AIROI_LIBRARY": None, "PYTHONPATH": pkg})
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.strip(), os.path.join(tmp, "build", "lib", "libairoi.so.0"))


def pip_available():
    return subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode == 0


@unittest.skipUnless(pip_available(), "pip is not installed for %s (Debian: python3-pip)" % sys.executable)
class TestPackaging(unittest.TestCase):
    def test_offline_install(self):
        """pip install --no-build-isolation works offline, and installs py.typed."""
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "src")
            os.mkdir(src)  # a copy, so that the build leaves nothing in the source tree
            shutil.copy(os.path.join(SOURCE_DIR, "pyproject.toml"), src)
            shutil.copytree(PACKAGE_DIR, os.path.join(src, "airoi"),
                            ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
            site = os.path.join(tmp, "site")
            r = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-index", "--no-deps",
                 "--disable-pip-version-check", "--no-cache-dir", "--quiet", "--target", site, src],
                capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertTrue(os.path.exists(os.path.join(site, "airoi", "py.typed")))
            r = run_python("import airoi; print(airoi.__file__, airoi.npv(0.1, [110]))",
                           {"PYTHONPATH": site})
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(r.stdout.startswith(os.path.join(site, "airoi")), r.stdout)


if __name__ == "__main__":
    unittest.main()
