"""Batch forms equal the scalar functions, for lists and NumPy arrays."""

import datetime
import math
import random
import unittest

import airoi
from airoi import _lib

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported by the runner
    np = None

NO_NUMPY = "numpy is not installed (Debian: python3-numpy)"
DATES = ["2020-01-01", "2020-02-15", "2020-07-01", "2021-01-10", "2021-06-30", "2022-03-01"]


def make_rows(n, cols, seed):
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        row = [-rnd.uniform(50, 500)] + [rnd.uniform(-50, 300) for _ in range(cols - 1)]
        rows.append(row)
    rows.append([1.0] * cols)  # IRR: no sign change
    rows.append([-100.0] + [0.0] * (cols - 1))  # payback: never
    return rows


def scalar(fn, *args, **kw):
    """The scalar result, or None where the scalar call raises."""
    try:
        return fn(*args, **kw)
    except airoi.Error:
        return None


class Base(unittest.TestCase):
    def same(self, batch, want, array=False):
        """batch equals the scalar results want; a failed row (None in want)
        is None in a list and NaN in an array (array=True)."""
        self.assertEqual(len(batch), len(want))
        for i, (b, w) in enumerate(zip(batch, want)):
            if w is None and array:
                self.assertTrue(isinstance(b, float) and math.isnan(b), (i, b))
            elif w is None:
                self.assertIsNone(b, i)
            else:
                self.assertFalse(b is None or math.isnan(b), (i, b, w))
                self.assertLessEqual(abs(b - w), 1e-12 * max(1.0, abs(w)), (i, b, w))


class TestListBatch(Base):
    ROWS = make_rows(40, 6, 1)

    def test_npv(self):
        for sfz in (False, True):
            got = airoi.npv_batch(0.07, self.ROWS, start_from_zero=sfz)
            self.assertIsInstance(got, list)
            self.same(got, [airoi.npv(0.07, r, sfz) for r in self.ROWS])

    def test_irr(self):
        got = airoi.irr_batch(self.ROWS, guess=0.05)
        self.same(got, [scalar(airoi.irr, r, 0.05) for r in self.ROWS])
        self.assertIsNone(got[-2])

    def test_xnpv_xirr(self):
        self.same(airoi.xnpv_batch(0.09, self.ROWS, DATES), [airoi.xnpv(0.09, r, DATES) for r in self.ROWS])
        self.same(airoi.xirr_batch(self.ROWS, DATES), [scalar(airoi.xirr, r, DATES) for r in self.ROWS])
        as_dates = [datetime.date.fromisoformat(d) for d in DATES]
        self.assertEqual(airoi.xirr_batch(self.ROWS, as_dates), airoi.xirr_batch(self.ROWS, DATES))

    def test_payback(self):
        got = airoi.payback_batch(self.ROWS)
        self.same(got, [airoi.payback(r) for r in self.ROWS])
        self.assertIsNone(got[-1])

    def test_failed_rows_are_none_or_raise(self):
        rows = [[-100, 110], [1, 2], [-100, float("nan")], [-50, 60]]
        got = airoi.irr_batch(rows)
        self.assertEqual([g is None for g in got], [False, True, True, False])
        with self.assertRaises(airoi.NoSolutionError) as cm:
            airoi.irr_batch(rows, errors="raise")
        self.assertTrue(cm.exception.message.startswith("row 1: "), cm.exception.message)
        got = airoi.npv_batch(0.1, rows)
        self.assertEqual([g is None for g in got], [False, False, True, False])
        with self.assertRaises(airoi.InvalidInputError) as cm:
            airoi.npv_batch(0.1, rows, errors="raise")
        self.assertTrue(cm.exception.message.startswith("row 2: "))
        got = airoi.payback_batch(rows)
        self.assertEqual([g is None for g in got], [False, False, True, False])
        with self.assertRaises(airoi.InvalidInputError) as cm:
            airoi.payback_batch(rows, errors="raise")
        self.assertTrue(cm.exception.message.startswith("row 2: "))
        with self.assertRaises(airoi.InvalidInputError):
            airoi.xnpv_batch(0.1, rows, ["2020-01-01", "2021-01-01"], errors="raise")
        self.assertEqual([g is None for g in airoi.xirr_batch(rows, ["2020-01-01", "2021-01-01"])],
                         [False, True, True, False])

    def test_bad_rate_fails_every_row(self):
        # -1 divides by zero; below -1 NPV's whole powers are computed, as in Excel
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv_batch(-1.0, [[1, 2], [3, 4]], errors="raise")
        self.assertEqual(airoi.npv_batch(-1.0, [[1, 2], [3, 4]]), [None, None])
        with self.assertRaises(airoi.InvalidInputError) as cm:
            airoi.npv_batch(-1.0, [[1, 2], [3, 4]], errors="raise")
        self.assertEqual(cm.exception.message, "row 0: npv: rate -1 makes 1 + rate 0 (Excel's #DIV/0!)")
        self.assertEqual(airoi.npv_batch(-2.0, [[1, 2], [3, 4]]), [1.0, 1.0])

    def test_shapes(self):
        self.assertEqual(airoi.npv_batch(0.1, []), [])
        self.assertEqual(airoi.irr_batch([]), [])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv_batch(0.1, [[1, 2], [3]])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.irr_batch([[1], [2]])  # IRR needs two columns
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv_batch(0.1, [[], []])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.xnpv_batch(0.1, [[1, 2]], DATES)  # one date per column
        with self.assertRaises(ValueError):
            airoi.npv_batch(0.1, [[1]], errors="ignore")
        with self.assertRaises(TypeError):
            airoi.npv_batch(0.1, [["a"]])
        self.assertEqual(airoi.npv_batch(0.1, ((1, 2), (3, 4))), airoi.npv_batch(0.1, [[1, 2], [3, 4]]))

    def test_worked_example_3(self):
        net = [-350, 120, 340, 470]
        self.assertAlmostEqual(airoi.npv_batch(0.08, [net], start_from_zero=True)[0], 425.71, places=2)
        self.assertAlmostEqual(airoi.irr_batch([net])[0], 0.5399, places=4)
        self.assertAlmostEqual(airoi.payback_batch([net])[0], 1.676, places=3)


@unittest.skipIf(np is None, NO_NUMPY)
class TestNumpyBatch(Base):
    def setUp(self):
        self.rows = make_rows(200, 6, 2)
        self.a = np.array(self.rows, dtype=np.float64)

    def test_results_are_arrays_equal_to_scalar(self):
        cases = [
            (airoi.npv_batch(0.07, self.a), [airoi.npv(0.07, r) for r in self.rows]),
            (airoi.npv_batch(0.07, self.a, True), [airoi.npv(0.07, r, True) for r in self.rows]),
            (airoi.irr_batch(self.a), [scalar(airoi.irr, r) for r in self.rows]),
            (airoi.xnpv_batch(0.09, self.a, DATES), [airoi.xnpv(0.09, r, DATES) for r in self.rows]),
            (airoi.xirr_batch(self.a, DATES), [scalar(airoi.xirr, r, DATES) for r in self.rows]),
            (airoi.payback_batch(self.a), [airoi.payback(r) for r in self.rows]),
        ]
        for got, want in cases:
            self.assertIsInstance(got, np.ndarray)
            self.assertEqual(got.dtype, np.float64)
            self.assertEqual(got.shape, (len(self.rows),))
            self.same(got.tolist(), want, array=True)

    def test_lists_and_arrays_agree(self):
        self.assertEqual(airoi.irr_batch(self.a).tolist()[:-2], airoi.irr_batch(self.rows)[:-2])
        self.assertTrue(np.isnan(airoi.irr_batch(self.a)[-2]))
        self.assertTrue(np.isnan(airoi.payback_batch(self.a)[-1]))

    def test_c_contiguous_float64_is_not_copied(self):
        r = _lib.Rows(self.a)
        self.assertIs(r.keep, self.a)
        ptr, n, keep = _lib.doubles(self.a[0])
        self.assertTrue(np.shares_memory(keep, self.a))

    def test_other_layouts_and_dtypes(self):
        want = airoi.npv_batch(0.05, self.a)
        fortran = np.asfortranarray(self.a)
        self.assertFalse(fortran.flags.c_contiguous)
        np.testing.assert_array_equal(airoi.npv_batch(0.05, fortran), want)
        wide = np.zeros((self.a.shape[0], self.a.shape[1] * 2))
        wide[:, ::2] = self.a
        np.testing.assert_array_equal(airoi.npv_batch(0.05, wide[:, ::2]), want)
        ints = np.array([[-100, 50, 70], [-10, 1, 1]], dtype=np.int64)
        np.testing.assert_array_equal(airoi.npv_batch(0.05, ints), airoi.npv_batch(0.05, ints.tolist()))
        f32 = self.a.astype(np.float32)
        np.testing.assert_array_equal(airoi.npv_batch(0.05, f32), airoi.npv_batch(0.05, f32.astype(np.float64)))

    def test_scalar_functions_take_arrays(self):
        for r, row in zip(self.a[:5], self.rows[:5]):
            self.assertEqual(airoi.npv(0.1, r), airoi.npv(0.1, row))
            self.assertEqual(airoi.irr(r), airoi.irr(row))
            self.assertEqual(airoi.payback(r), airoi.payback(row))
        self.assertEqual(airoi.npv(0.1, self.a[:, 0]), airoi.npv(0.1, [r[0] for r in self.rows]))
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv(0.1, self.a)

    def test_shapes_and_errors(self):
        self.assertEqual(airoi.npv_batch(0.1, np.zeros((0, 3))).shape, (0,))
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv_batch(0.1, np.zeros(3))
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv_batch(0.1, np.zeros((2, 0)))
        bad = self.a.copy()
        bad[3, 2] = np.inf
        got = airoi.npv_batch(0.1, bad)
        self.assertTrue(np.isnan(got[3]))
        self.assertEqual(int(np.isnan(got).sum()), 1)
        with self.assertRaises(airoi.InvalidInputError) as cm:
            airoi.npv_batch(0.1, bad, errors="raise")
        self.assertTrue(cm.exception.message.startswith("row 3: "))
        self.assertTrue(np.isnan(airoi.payback_batch(bad)[3]))
        with self.assertRaises(airoi.InvalidInputError):
            airoi.payback_batch(bad, errors="raise")

    def test_datetime64_dates(self):
        d64 = np.array(DATES, dtype="datetime64[D]")
        np.testing.assert_array_equal(airoi.xirr_batch(self.a, d64), airoi.xirr_batch(self.a, DATES))


if __name__ == "__main__":
    unittest.main()


class TestMirrBatch(unittest.TestCase):
    ROWS = [[-120000, 39000, 30000, 21000, 37000, 46000], [1, 2, 3, 4, 5, 6], [-100, 50, 60, 0, 0, 0]]

    def test_equals_scalar(self):
        got = airoi.mirr_batch(self.ROWS, 0.10, 0.12)
        self.assertEqual(got, [airoi.mirr(self.ROWS[0], 0.10, 0.12), None, airoi.mirr(self.ROWS[2], 0.10, 0.12)])

    def test_raise(self):
        with self.assertRaisesRegex(airoi.NoSolutionError, "^row 1: "):
            airoi.mirr_batch(self.ROWS, 0.10, 0.12, errors="raise")

    @unittest.skipIf(np is None, NO_NUMPY)
    def test_array(self):
        got = airoi.mirr_batch(np.array(self.ROWS, dtype=float), 0.10, 0.12)
        self.assertEqual(got[0], airoi.mirr(self.ROWS[0], 0.10, 0.12))
        self.assertTrue(math.isnan(got[1]))
        self.assertEqual(got[2], airoi.mirr(self.ROWS[2], 0.10, 0.12))
        self.assertEqual(len(airoi.mirr_batch(np.zeros((0, 3)), 0.1, 0.1)), 0)
