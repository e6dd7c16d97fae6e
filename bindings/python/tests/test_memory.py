"""No memory growth over 100,000 calls (successes and failures alike)."""

import datetime
import os
import unittest

import airoi

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported by the runner
    np = None

CALLS = 100_000
# A leak of even one small allocation per call (>= 16 bytes, plus malloc's
# overhead) grows RSS by several MiB over 100,000 calls; CPython's own noise
# after a warm-up is far below this.
TOLERANCE = 2 * 1024 * 1024
SANITIZED = os.environ.get("AIROI_TEST_SANITIZED")


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def cycle(n):
    """n calls of a mix: each function, batch forms, and each error path."""
    flows = [-350.0, 120.0, 340.0, 470.0]
    dates = [datetime.date(2020, 1, 1), datetime.date(2020, 6, 1), datetime.date(2021, 1, 1),
             datetime.date(2022, 1, 1)]
    rows = [flows, flows[::-1]]
    calls = [
        lambda: airoi.npv(0.08, flows, True),
        lambda: airoi.irr(flows),
        lambda: airoi.xirr(flows, dates),
        lambda: airoi.xnpv(0.1, flows, ["2020-01-01", "2020-06-01", "2021-01-01", "2022-01-01"]),
        lambda: airoi.mirr(flows, 0.1, 0.12),
        lambda: airoi.pmt(0.01, 36, 1000),
        lambda: airoi.rate(36, -30, 1000),
        lambda: airoi.payback(flows),
        lambda: airoi.discounted_payback(0.08, flows),
        lambda: airoi.irr_batch(rows),
        lambda: airoi.npv_batch(0.1, rows),
        lambda: airoi.payback_batch(rows),
    ]
    failing = [  # (call, the error it raises)
        (lambda: airoi.irr([1.0, 2.0]), airoi.NoSolutionError),
        (lambda: airoi.npv(float("nan"), flows), airoi.InvalidInputError),
        (lambda: airoi.xnpv(0.1, flows, ["2020-01-01", "2019-01-01", "2021-01-01", "2022-01-01"]),
         airoi.InvalidInputError),
        (lambda: airoi.day_number("2023-02-29"), airoi.InvalidInputError),
    ]
    k = len(calls) + len(failing)
    for i in range(n):
        j = i % k
        if j < len(calls):
            calls[j]()
        else:
            call, error = failing[j - len(calls)]
            try:
                call()
            except error:
                pass
            else:
                raise AssertionError("no %s from failing call %d" % (error.__name__, j - len(calls)))


@unittest.skipIf(not os.path.exists("/proc/self/statm"), "needs /proc/self/statm (Linux)")
@unittest.skipIf(SANITIZED, "under %s sanitizers RSS measures the sanitizer's quarantine" % SANITIZED)
class TestMemory(unittest.TestCase):
    def test_no_growth_over_100000_calls(self):
        cycle(10_000)  # warm-up: caches, thread-local buffers, interned objects
        before = rss_bytes()
        cycle(CALLS)
        for _ in range(500):  # slower: a root scan per call
            airoi.irr_all([-100, 230, -132], -0.5, 1.0)
        grown = rss_bytes() - before
        self.assertLess(grown, TOLERANCE, "RSS grew by %d bytes over %d calls" % (grown, CALLS))

    @unittest.skipIf(np is None, "numpy is not installed (Debian: python3-numpy)")
    def test_no_growth_numpy_batches(self):
        a = np.tile(np.array([-350.0, 120.0, 340.0, 470.0]), (100, 1))
        for _ in range(500):
            airoi.irr_batch(a)
        before = rss_bytes()
        for _ in range(3_000):  # 6,000 batch calls = 600,000 rows
            airoi.irr_batch(a)
            airoi.npv_batch(0.1, a)
        grown = rss_bytes() - before
        self.assertLess(grown, TOLERANCE, "RSS grew by %d bytes" % grown)


if __name__ == "__main__":
    unittest.main()
