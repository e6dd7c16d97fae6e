"""Runs the airoi Python tests (stdlib unittest) and prints a summary.

Usage: AIROI_LIBRARY=build/lib/libairoi.so PYTHONPATH=bindings/python \
       python3 bindings/python/tests/run.py [-k pattern]
meson test runs it as the test `python` with both variables set.
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    sys.path.insert(0, HERE)
    pattern = None
    if len(sys.argv) > 2 and sys.argv[1] == "-k":
        pattern = sys.argv[2]
    import airoi  # fails here, with the loader's message, when the library is missing

    try:
        import numpy

        numpy_info = "numpy %s" % numpy.__version__
    except ImportError:
        numpy_info = "numpy NOT installed: the NumPy tests are skipped (Debian: apt-get install python3-numpy)"
    print("airoi %s, libairoi %s (ABI %d) from %s" % (
        airoi.__version__, airoi.library_version(), airoi.library_abi_version, airoi.library_path))
    print("python %s at %s; %s" % (sys.version.split()[0], sys.executable, numpy_info))
    if os.environ.get("AIROI_TEST_SANITIZED"):
        print("sanitized library (%s): memory-growth checks are skipped" % os.environ["AIROI_TEST_SANITIZED"])

    loader = unittest.TestLoader()
    if pattern:
        loader.testNamePatterns = ["*%s*" % pattern]
    suite = loader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)

    print("\n=== summary: %d run, %d passed, %d failed, %d errors, %d skipped ===" % (
        result.testsRun,
        result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped),
        len(result.failures), len(result.errors), len(result.skipped)))
    for test, reason in result.skipped:
        print("skipped %s: %s" % (test.id(), reason))
    for test, _ in result.failures + result.errors:
        print("FAILED %s" % test.id())
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
