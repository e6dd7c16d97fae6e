#!/usr/bin/env python3
"""Prints the test summary of a CI run from Meson's test logs.

usage: .ci/summary.py BUILDDIR...
Reads every meson-logs/testlog*.json (one per test setup), prints one line per
run with Check's own totals, and closes with 'ci: N passed, M failed'.
"""
import glob
import json
import os
import re
import sys

CHECK = re.compile(r"Checks: (\d+), Failures: (\d+), Errors: (\d+)")

passed = failed = 0
for build in sys.argv[1:]:
    for log in sorted(glob.glob(os.path.join(build, "meson-logs", "testlog*.json"))):
        ok = bad = checks = check_fail = 0
        with open(log, encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)
                if t.get("result") in ("OK", "EXPECTEDFAIL", "SKIP"):
                    ok += 1
                else:
                    bad += 1
                for m in CHECK.finditer(t.get("stdout") or ""):
                    checks += int(m.group(1))
                    check_fail += int(m.group(2)) + int(m.group(3))
        print("%s: %d meson tests passed, %d failed; Check: %d checks, %d failures"
              % (os.path.relpath(log), ok, bad, checks, check_fail))
        passed += ok
        failed += bad
print("ci: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
