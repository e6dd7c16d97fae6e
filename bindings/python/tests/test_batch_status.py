"""errors="status": the values of errors="coerce" plus each row's status name,
the one the scalar function's exception carries (Error.status_name)."""

import math
import unittest

import airoi

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported by the runner
    np = None
try:
    import pandas as pd
except ImportError:  # pragma: no cover
    pd = None

DATES = ["2020-01-01", "2021-01-01", "2022-01-01"]
ROWS = [[-100, 60, 70], [1, 2, 3], [-100, float("nan"), 3], [-100, 0, 0], [-50, 30, 40]]

# name -> (batch call, scalar call of one row); the scalar call raises, returns
# None (payback never reached) or a number.
CALLS = {
    "npv": (lambda rows, **kw: airoi.npv_batch(0.1, rows, **kw), lambda row: airoi.npv(0.1, row)),
    "irr": (lambda rows, **kw: airoi.irr_batch(rows, **kw), lambda row: airoi.irr(row)),
    "xnpv": (lambda rows, **kw: airoi.xnpv_batch(0.1, rows, DATES, **kw),
             lambda row: airoi.xnpv(0.1, row, DATES)),
    "xirr": (lambda rows, **kw: airoi.xirr_batch(rows, DATES, **kw), lambda row: airoi.xirr(row, DATES)),
    "mirr": (lambda rows, **kw: airoi.mirr_batch(rows, 0.1, 0.12, **kw),
             lambda row: airoi.mirr(row, 0.1, 0.12)),
    "payback": (lambda rows, **kw: airoi.payback_batch(rows, **kw), lambda row: airoi.payback(row)),
}


def scalar_status(fn, row):
    """The status name the scalar function gives one row."""
    try:
        value = fn(row)
    except airoi.Error as exc:
        return exc.status_name
    return "AIROI_ERR_UNDEFINED" if value is None else "AIROI_OK"  # None: payback never reached


class TestStatusLists(unittest.TestCase):
    def test_each_row_has_the_scalar_status(self):
        for name, (batch, scalar) in CALLS.items():
            with self.subTest(name):
                got = batch(ROWS, errors="status")
                self.assertIsInstance(got, airoi.BatchStatus)
                values, status = got  # unpacks as a pair
                self.assertEqual(values, batch(ROWS))  # the values of errors="coerce"
                self.assertEqual(status, [scalar_status(scalar, row) for row in ROWS])
                self.assertEqual([v is None for v in values], [s != "AIROI_OK" for s in status])

    def test_names_are_the_library_statuses(self):
        self.assertEqual(airoi.irr_batch(ROWS, errors="status").status,
                         ["AIROI_OK", "AIROI_ERR_NO_SOLUTION", "AIROI_ERR_INVALID", "AIROI_ERR_NO_SOLUTION",
                          "AIROI_OK"])
        self.assertEqual(airoi.payback_batch(ROWS, errors="status").status,
                         ["AIROI_OK", "AIROI_OK", "AIROI_ERR_INVALID", "AIROI_ERR_UNDEFINED", "AIROI_OK"])
        for s in airoi.mirr_batch(ROWS, 0.1, 0.12, errors="status").status:
            self.assertIn(s, airoi.STATUS_NAMES.values())

    def test_every_row_fails(self):
        values, status = airoi.npv_batch(-1.0, [[1, 2], [3, 4]], errors="status")
        self.assertEqual(values, [None, None])
        self.assertEqual(status, ["AIROI_ERR_INVALID"] * 2)

    def test_default_and_other_modes_unchanged(self):
        # batch = scalar within the documented 1e-12 (1 + |r|) (docs/methodology.md, 1.13)
        got = airoi.irr_batch([[-100, 110], [1, 2]])
        self.assertEqual(got[1], None)
        self.assertAlmostEqual(got[0], airoi.irr([-100, 110]), delta=1e-12 * 1.1)
        with self.assertRaisesRegex(airoi.NoSolutionError, "^row 1: "):
            airoi.irr_batch([[-100, 110], [1, 2]], errors="raise")

    def test_empty_and_bad_mode(self):
        self.assertEqual(airoi.npv_batch(0.1, [], errors="status"), ([], []))
        with self.assertRaises(airoi.InvalidInputError) as cm:
            airoi.npv_batch(0.1, [[1]], errors="nan")
        self.assertEqual(str(cm.exception), "errors must be 'coerce', 'raise' or 'status', got 'nan'")

    def test_call_errors_still_raise(self):
        # A ragged list or too few columns is no row's failure: it raises.
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv_batch(0.1, [[1, 2], [3]], errors="status")
        with self.assertRaises(airoi.InvalidInputError):
            airoi.irr_batch([[1], [2]], errors="status")


@unittest.skipIf(np is None, "numpy is not installed (Debian: python3-numpy)")
class TestStatusArrays(unittest.TestCase):
    def test_arrays(self):
        a = np.array(ROWS, dtype=float)
        for name, (batch, _) in CALLS.items():
            with self.subTest(name):
                values, status = batch(a, errors="status")
                self.assertIsInstance(values, np.ndarray)
                self.assertIsInstance(status, np.ndarray)
                self.assertEqual(status.dtype, object)
                self.assertEqual(status.tolist(), batch(ROWS, errors="status").status)
                self.assertEqual(np.isnan(values).tolist(), (status != "AIROI_OK").tolist())
        values, status = airoi.irr_batch(np.zeros((0, 2)), errors="status")
        self.assertEqual((values.shape, status.shape), ((0,), (0,)))


@unittest.skipIf(pd is None, "pandas is not installed (Debian: python3-pandas)")
class TestStatusPandas(unittest.TestCase):
    def test_series_keep_the_index(self):
        df = pd.DataFrame(ROWS, index=list("abcde"))
        for name, (batch, _) in CALLS.items():
            with self.subTest(name):
                values, status = batch(df, errors="status")
                self.assertIsInstance(status, pd.Series)
                self.assertEqual(list(status.index), list("abcde"))
                self.assertEqual(list(values.index), list("abcde"))
                self.assertEqual(status.tolist(), batch(ROWS, errors="status").status)
        values, status = airoi.irr_batch(df, errors="status")
        self.assertEqual(status["b"], "AIROI_ERR_NO_SOLUTION")
        self.assertTrue(math.isnan(values["b"]))
        self.assertEqual(values[status == "AIROI_OK"].index.tolist(), ["a", "e"])


if __name__ == "__main__":
    unittest.main()
