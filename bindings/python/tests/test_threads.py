"""Many threads calling at once get the single-threaded answers, and each
thread's error message describes its own failure (the C message is
thread-local; ctypes releases the GIL during each call)."""

import random
import threading
import unittest

import airoi

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported by the runner
    np = None

THREADS = 8
ROUNDS = 300
DATES = ["2021-01-01", "2021-04-01", "2021-09-15", "2022-02-01", "2022-12-31"]


def workload(seed):
    rnd = random.Random(seed)
    return [[-rnd.uniform(100, 1000)] + [rnd.uniform(0, 400) for _ in range(4)] for _ in range(20)]


def run(rows, bad_rate):
    """One thread's work: results plus the text of its own errors."""
    out = []
    for row in rows:
        out.append(airoi.npv(0.08, row, start_from_zero=True))
        out.append(airoi.irr(row))
        out.append(airoi.xirr(row, DATES))
        out.append(airoi.payback(row))
        out.append(tuple(airoi.irr_batch([row, row[::-1]])))
        try:
            airoi.xnpv(bad_rate, row, DATES)
        except airoi.InvalidInputError as e:
            out.append(e.message)
        try:
            airoi.irr([abs(x) + 1 for x in row])
        except airoi.NoSolutionError as e:
            out.append(e.message)
    return out


class TestThreads(unittest.TestCase):
    def test_concurrent_equals_serial(self):
        inputs = [(workload(t), -1.0 - t) for t in range(THREADS)]
        expected = [run(rows, bad) for rows, bad in inputs]
        # seven answers a row, the last two the errors; the messages name the
        # offending rate of each thread
        self.assertEqual([len(e) for e in expected], [7 * len(rows) for rows, _ in inputs])
        self.assertEqual(expected[0][5:7], ["xnpv: rate -1 makes 1 + rate 0 (Excel's #DIV/0!)",
                                            "irr: the values need at least one positive and one negative value"])
        self.assertEqual(expected[1][5], "xnpv: rate -2 must be greater than -1")
        results = [None] * THREADS
        failures = []
        barrier = threading.Barrier(THREADS)

        def worker(t):
            try:
                barrier.wait()
                for _ in range(ROUNDS // 10):
                    got = run(*inputs[t])
                    if got != expected[t]:
                        failures.append(t)
                        return
                results[t] = got
            except BaseException as e:  # reported below
                failures.append((t, repr(e)))

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(failures, [])
        self.assertEqual(results, expected)

    @unittest.skipIf(np is None, "numpy is not installed (Debian: python3-numpy)")
    def test_concurrent_numpy_batches(self):
        rnd = np.random.default_rng(7)
        blocks = [np.column_stack([-rnd.uniform(100, 1000, 2000), rnd.uniform(0, 400, (2000, 5))])
                  for _ in range(THREADS)]
        want = [(airoi.npv_batch(0.1, b), airoi.irr_batch(b), airoi.xirr_batch(b, DATES + ["2023-06-01"]))
                for b in blocks]
        got = [None] * THREADS

        def worker(t):
            b = blocks[t]
            got[t] = (airoi.npv_batch(0.1, b), airoi.irr_batch(b), airoi.xirr_batch(b, DATES + ["2023-06-01"]))

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        for t in range(THREADS):
            for g, w in zip(got[t], want[t]):
                np.testing.assert_array_equal(g, w)


if __name__ == "__main__":
    unittest.main()
