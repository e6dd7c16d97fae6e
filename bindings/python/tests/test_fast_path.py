"""The fast path of npv (npv0), irr and mirr against their general path.

The functions take a fast path for lists, tuples and small float64 arrays
(airoi/_lib.py, "the fast path of the scalar functions"; docs/python.md):
the values packed by struct, C doubles reused, the C function called with
the GIL held.  The general path (finance._npv_general, ...) is the
reference: on every input the public function must give the very same
double (bit for bit) or raise the same exception with the same message.
Also: the fast path is really taken for plain inputs, and threads calling at
once each get their own answers.  No timing here (tests/bench).
"""

import enum
import random
import struct
import threading
import unittest
from decimal import Decimal
from fractions import Fraction

import airoi
from airoi import _lib, finance

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported by the runner
    np = None

try:
    import pandas as pd
except ImportError:  # pragma: no cover - pandas is optional
    pd = None


class MyFloat(float):
    pass


class MyInt(int):
    pass


class Level(enum.IntEnum):
    LOW = 3


class Numeric(str):
    """A string that is also a number (it has a float value)."""

    def __float__(self):
        return 2.5


def outcome(fn, *args):
    """('value', bits) or ('error', class, message, status) of fn(*args)."""
    try:
        x = fn(*args)
    except Exception as e:  # noqa: BLE001 - compared, not swallowed
        return ("error", type(e).__name__, str(e), getattr(e, "status", None))
    return ("value", struct.pack("<d", x))


def element_pool(rnd):
    """Elements of every kind the functions may meet."""
    pool = [rnd.uniform(-1e4, 1e4) for _ in range(6)] + [
        0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 1e-300, 5e-324, 1e308, -1e308, 3.0e-5,
        float("nan"), float("inf"), float("-inf"),
        0, 1, -7, 12345, 2 ** 53 + 1, 2 ** 63, -2 ** 70, 10 ** 400,
        True, False, MyFloat(2.25), MyInt(4), Level.LOW, Decimal("1.1"), Decimal("NaN"),
        Fraction(1, 3), "1.5", b"2", bytearray(b"3"), None,
    ]
    if np is not None:
        pool += [np.float64(3.5), np.float32(0.1), np.int64(9), np.int32(-3), np.bool_(True),
                 np.bool_(False), np.float64("nan"), np.str_("4"), np.bytes_(b"4")]
    if pd is not None:
        pool += [pd.NA, pd.NaT]
    return pool


def value_lists(rnd, count):
    """Lists of plain floats (the fast path), with now and then an element
    of another kind, of lengths around the packers' limit too."""
    pool = element_pool(rnd)
    lengths = [0, 1, 2, 3, 10, 11, 16, _lib.PACK_MAX, _lib.PACK_MAX + 1, 200]
    out = []
    for i in range(count):
        n = lengths[i % len(lengths)] if i < 3 * len(lengths) else rnd.randint(1, 20)
        v = [rnd.uniform(-2e3, 3e3) for _ in range(n)]
        if n and i % 3:
            v[0] = -abs(v[0]) - 1.0  # a sign change: irr and mirr have an answer
        if n and i % 4 == 1:
            v[rnd.randrange(n)] = rnd.choice(pool)
        if n and i % 9 == 2:
            v = [rnd.choice([0, 1, -1, 2, 0.0, 1.0]) for _ in range(n)]
        out.append(v)
    return out


def arrays(lists):
    """NumPy arrays of the lists that convert: float64 (also strided,
    read-only and byte-swapped copies), float32 and int64."""
    out = []
    for v in lists:
        try:
            a = np.array(v, dtype=np.float64)
        except (TypeError, ValueError, OverflowError):
            continue
        if a.ndim != 1:
            continue
        ro = a.copy()
        ro.flags.writeable = False
        out += [a, np.repeat(a, 2)[::2], ro, a.astype(">f8"), a.astype(np.float32)]
        if np.all(np.isfinite(a)) and np.all(np.abs(a) < 2 ** 62):
            out.append(a.astype(np.int64))
    out += [np.zeros((2, 3)), np.array([], dtype=np.float64), np.array(1.5)]
    return out


RATES = [0.1, 0.08, 0.0, -0.0, -0.5, 1.0, 3.0, -1.0, -1.5, -3.0, 1e300, float("nan"),
         float("inf"), 0, 2, MyFloat(0.1), Decimal("0.1"), "0.1", None, True]


class FastEqualsGeneral(unittest.TestCase):
    """Same doubles and same exceptions as the general path."""

    def check(self, public, general, args):
        self.assertEqual(outcome(public, *args), outcome(general, *args), repr(args))

    def inputs(self):
        rnd = random.Random(2026)
        lists = value_lists(rnd, 400)
        inputs = lists + [tuple(v) for v in lists[:60]] + [[2.0] * 10000]
        if np is not None:
            inputs += arrays(lists[:80])
            inputs += [np.array(lists[5], dtype=object)] if lists[5] else []
        return rnd, inputs

    def test_npv_and_npv0(self):
        rnd, inputs = self.inputs()
        for values in inputs:
            for rate in (0.1, rnd.choice(RATES)):
                for zero in (False, True):
                    self.check(airoi.npv, finance._npv_general, (rate, values, zero))

    def test_irr(self):
        rnd, inputs = self.inputs()
        guesses = [0.1, -0.5, 0.0, 5.0, -1.0, float("nan"), 1, Decimal("0.2"), "x"]
        for values in inputs:
            for guess in (0.1, rnd.choice(guesses)):
                self.check(airoi.irr, finance._irr_general, (values, guess))

    def test_mirr(self):
        rnd, inputs = self.inputs()
        for values in inputs:
            fr, rr = rnd.choice(RATES), rnd.choice(RATES)
            for args in ((values, 0.1, 0.12), (values, fr, 0.12), (values, 0.1, rr)):
                self.check(airoi.mirr, finance._mirr_general, args)

    def test_other_iterables(self):
        for make in (lambda: iter([-1.0, 2.0]), lambda: range(-1, 3), lambda: {1.0: 2.0},
                     lambda: {-1.0, 2.0}, lambda: "12", lambda: b"12", lambda: bytearray(b"12")):
            self.assertEqual(outcome(airoi.npv, 0.1, make()), outcome(finance._npv_general, 0.1, make(), False))
            self.assertEqual(outcome(airoi.irr, make()), outcome(finance._irr_general, make(), 0.1))

    def test_a_string_that_is_also_a_number(self):
        # The one difference, documented in docs/python.md: an element of a
        # str (bytes, bytearray) subclass that defines __float__ or __index__
        # is read as that number on the fast path; the general path refuses
        # every string.  No class of Python, NumPy or pandas is like this.
        v = [-1.0, Numeric("x"), 4.0]
        self.assertEqual(airoi.npv(0.1, v), airoi.npv(0.1, [-1.0, 2.5, 4.0]))
        self.assertRaisesRegex(TypeError, r"values\[1\] must be a number, not Numeric",
                               finance._npv_general, 0.1, v, False)

    def test_the_same_float_objects_again(self):
        # The C doubles of the rate and guess are kept for the float object
        # last passed: alternating rates, and equal values in other objects,
        # still give each call its own rate.
        v = [-100.0, 30.0, 40.0, 50.0]
        rates = [0.1, 0.2, float("0.1"), -0.0, 0.0, 0.1]
        for rate in rates * 3:
            self.check(airoi.npv, finance._npv_general, (rate, v, False))
            self.check(airoi.irr, finance._irr_general, (v, rate))


class FastPathIsTaken(unittest.TestCase):
    """Plain inputs never reach the general path (which is replaced here by
    one that fails), and the others do."""

    def setUp(self):
        self.saved = finance._npv_general, finance._irr_general, finance._mirr_general
        self.general = []

        def general(*args):
            self.general.append(args)
            return 0.0

        finance._npv_general = finance._irr_general = finance._mirr_general = general

    def tearDown(self):
        finance._npv_general, finance._irr_general, finance._mirr_general = self.saved

    def test_plain_inputs(self):
        plain = [[-100.0, 60.0, 70.0], [-100, 60, 70], (-100.0, 60, 70.0), [-100.0] + [1.5] * 70]
        if np is not None:
            plain += [np.array([-100.0, 60.0, 70.0]), np.arange(-3.0, 5.0)[::2]]
        for v in plain:
            airoi.npv(0.1, v)
            airoi.npv(0.07, v, start_from_zero=True)
            airoi.irr(v)
            airoi.mirr(v, 0.1, 0.12)
        self.assertEqual(self.general, [])

    def test_other_inputs(self):
        # A bool (its 1.0 or 0.0 sends the element types to the exact test),
        # an element without a float value, no values, a failure (NaN: the
        # general path repeats the call and raises), a rate or guess that is
        # not a float.
        others = [[True, 5.0], [-2.0, False], [-100.0, "60"], [-1.0, None], [], [float("nan"), 7.0],
                  iter([-1.0, 2.0])]
        if np is not None:
            others += [[-1.0, np.bool_(True)], np.array([True, False]), np.zeros((2, 2)),
                       np.array([-1.0, 2.0], dtype=np.float32)]
        for v in others:
            airoi.npv(0.1, v)
        airoi.npv(Decimal("0.1"), [-1.0, 2.0])
        airoi.npv(1, [-1.0, 2.0])
        airoi.npv(-1.0, [-1.0, 2.0])
        airoi.irr([-1.0, 2.0], guess=1)
        self.assertEqual(len(self.general), len(others) + 4)

    def test_numbers_of_other_types(self):
        # Elements that convert to a float as array('d') converts them (a
        # float or int subclass, Decimal, Fraction, NumPy scalars) go the
        # fast way: the same doubles (FastEqualsGeneral).
        v = [-100.0, MyFloat(2.0), MyInt(3), Decimal(60), Fraction(7, 2)]
        if np is not None:
            v += [np.float64(3.0), np.float32(2.5), np.int64(4)]
        airoi.npv(0.1, v)
        self.assertEqual(self.general, [])


class FastPathThreads(unittest.TestCase):
    """Threads calling npv, irr and mirr at once, each with its own rates and
    values, get the answers of a single thread (the result doubles come
    from a pool, one per call; the cached C doubles are per float object)."""

    THREADS = 12
    ROUNDS = 400

    def work(self, t):
        rnd = random.Random(t)
        rate = 0.01 * (t + 1)  # one float object per thread, as a caller's loop has
        out = []
        for k in range(self.ROUNDS):
            v = [-rnd.uniform(500, 1500)] + [rnd.uniform(10, 400) for _ in range(rnd.randint(1, 12))]
            out.append(airoi.npv(rate, v))
            out.append(airoi.npv(rate, tuple(v), start_from_zero=True))
            out.append(airoi.irr(v))
            out.append(airoi.mirr(v, rate, 0.12))
            if k % 50 == 0:
                try:
                    airoi.npv(-2.0 - t, v)
                except airoi.InvalidInputError as e:
                    out.append(e.message)
        return out

    def test_concurrent_equals_serial(self):
        expected = [self.work(t) for t in range(self.THREADS)]
        results = [None] * self.THREADS
        failures = []
        barrier = threading.Barrier(self.THREADS)

        def worker(t):
            try:
                barrier.wait()
                results[t] = self.work(t)
            except Exception as e:  # noqa: BLE001 - reported below
                failures.append(repr(e))

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(self.THREADS)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(failures, [])
        for t in range(self.THREADS):
            self.assertEqual(results[t], expected[t], "thread %d" % t)
        self.assertGreaterEqual(len(_lib.OUTS), 8)  # every result double given back


if __name__ == "__main__":
    unittest.main()
