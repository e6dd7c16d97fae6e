"""Cash flows must be numbers: a dict, a set, numeric strings, bytes,
booleans and None are refused with TypeError, except the {date: amount}
mapping and (dates, amounts) tuple that xnpv and xirr take as pyxirr does."""

import datetime
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

NO_NUMPY = "numpy is not installed (Debian: python3-numpy)"
NO_PANDAS = "pandas is not installed (Debian: python3-pandas)"
DATES = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
AMOUNTS = [-10000, 2750, 4250, 3250, 2750]


class DictsRefused(unittest.TestCase):
    def test_dict_is_not_read_as_its_keys(self):
        for fn in (lambda v: airoi.npv(0.1, v), airoi.irr, airoi.payback,
                   lambda v: airoi.mirr(v, 0.1, 0.1), lambda v: airoi.npv(0.1, v, start_from_zero=True)):
            with self.assertRaises(TypeError) as cm:
                fn({2026: -100, 2027: 110})
            self.assertIn("not dict", str(cm.exception))

    def test_set_refused(self):
        with self.assertRaisesRegex(TypeError, "set has no order"):
            airoi.npv(0.1, {-100, 110})

    def test_dict_rows_refused(self):
        with self.assertRaises(TypeError):
            airoi.npv_batch(0.1, {0: [-100, 110]})
        with self.assertRaisesRegex(TypeError, r"rows\[0\] must be a sequence of numbers, not dict"):
            airoi.npv_batch(0.1, [{2026: -100, 2027: 110}])

    def test_dict_with_dates_refused(self):
        with self.assertRaisesRegex(TypeError, "not both"):
            airoi.xirr(dict(zip(DATES, AMOUNTS)), DATES)


class ElementsRefused(unittest.TestCase):
    def check(self, values, pattern):
        with self.assertRaisesRegex(TypeError, pattern):
            airoi.npv(0.1, values)
        with self.assertRaisesRegex(TypeError, pattern.replace("values", r"rows\[0\]", 1)):
            airoi.npv_batch(0.1, [values])

    def test_numeric_string(self):
        self.check([-100, "110"], r"^values\[1\] must be a number, not str: '110'$")

    def test_bytes(self):
        self.check([b"-100", 110], r"^values\[0\] must be a number, not bytes")

    def test_bool(self):
        self.check([-100, True], r"^values\[1\] must be a number, not bool")

    def test_none(self):
        self.check([-100, None], r"^values\[1\] must be a number, not NoneType")

    def test_mixed_numbers_accepted(self):
        import decimal
        import fractions
        v = [-100, 50.0, decimal.Decimal("30"), fractions.Fraction(1, 2)]
        self.assertAlmostEqual(airoi.npv(0.1, v), airoi.npv(0.1, [-100, 50.0, 30.0, 0.5]), places=12)


class DatedForms(unittest.TestCase):
    def setUp(self):
        self.want = airoi.xirr(AMOUNTS, DATES)
        self.want_npv = airoi.xnpv(0.09, AMOUNTS, DATES)

    def test_mapping(self):
        self.assertEqual(airoi.xirr(dict(zip(DATES, AMOUNTS))), self.want)
        days = [datetime.date.fromisoformat(d) for d in DATES]
        self.assertEqual(airoi.xnpv(0.09, dict(zip(days, AMOUNTS))), self.want_npv)

    def test_pair(self):
        self.assertEqual(airoi.xirr((DATES, AMOUNTS)), self.want)
        self.assertEqual(airoi.xnpv(0.09, (DATES, AMOUNTS)), self.want_npv)

    def test_guess_by_keyword(self):
        self.assertAlmostEqual(airoi.xirr(dict(zip(DATES, AMOUNTS)), guess=0.2), self.want, places=9)

    def test_missing_dates(self):
        with self.assertRaisesRegex(TypeError, "dates are missing"):
            airoi.xirr(AMOUNTS)
        with self.assertRaisesRegex(TypeError, "dates are missing"):
            airoi.xnpv(0.1, AMOUNTS)

    def test_mapping_amounts_strict(self):
        with self.assertRaisesRegex(TypeError, r"values\[1\] must be a number, not str"):
            airoi.xirr({"2020-01-01": -100, "2021-01-01": "110"})


@unittest.skipIf(np is None, NO_NUMPY)
class Arrays(unittest.TestCase):
    def test_object_array_of_numbers_accepted(self):
        a = np.array([-100, 110.0], dtype=object)
        self.assertEqual(airoi.npv(0.1, a), airoi.npv(0.1, [-100, 110.0]))

    def test_object_array_with_string(self):
        with self.assertRaisesRegex(TypeError, r"^values\[1\] must be a number, not str: '110'$"):
            airoi.npv(0.1, np.array([-100, "110"], dtype=object))

    def test_object_rows_with_none(self):
        with self.assertRaisesRegex(TypeError, r"^rows\[1, 0\] must be a number, not NoneType"):
            airoi.npv_batch(0.1, np.array([[-100, 110], [None, 1]], dtype=object))

    def test_string_bool_date_arrays(self):
        for a in (np.array(["-100", "110"]), np.array([True, False]),
                  np.array(["2020-01-01", "2021-01-01"], dtype="datetime64[D]"), np.array([1j, 2])):
            with self.assertRaisesRegex(TypeError, "must hold numbers, not dtype"):
                airoi.npv(0.1, a)

    def test_numpy_bool_scalar_in_list(self):
        with self.assertRaisesRegex(TypeError, r"values\[0\] must be a number, not bool_"):
            airoi.npv(0.1, [np.bool_(True), 1.0])


@unittest.skipIf(pd is None, NO_PANDAS)
class Pandas(unittest.TestCase):
    def test_nullable_without_na(self):
        s = pd.Series([-100, 110], dtype="Int64")
        self.assertEqual(airoi.npv(0.1, s), airoi.npv(0.1, [-100, 110]))

    def test_nullable_with_na(self):
        for dtype in ("Int64", "Float64"):
            s = pd.Series([-100, None, 110], dtype=dtype)
            with self.assertRaises(airoi.InvalidInputError) as cm:
                airoi.npv(0.1, s)
            self.assertIn("values[1] is missing (NA)", str(cm.exception))

    def test_nullable_frame_with_na(self):
        df = pd.DataFrame({"a": pd.array([-100, -100], dtype="Int64"), "b": pd.array([110, None], dtype="Int64")})
        with self.assertRaisesRegex(airoi.InvalidInputError, r"rows\[1, 1\] is missing \(NA\)"):
            airoi.npv_batch(0.1, df)

    def test_boolean_and_string_dtypes(self):
        for s in (pd.Series([True, False], dtype="boolean"), pd.Series(["-100", "110"], dtype="string")):
            with self.assertRaises(TypeError):
                airoi.npv(0.1, s)

    def test_object_series_mixed(self):
        with self.assertRaisesRegex(TypeError, r"values\[1\] must be a number, not str"):
            airoi.npv(0.1, pd.Series([-100, "110"]))


@unittest.skipIf(pd is None, NO_PANDAS)
class BatchKeepsTheIndex(unittest.TestCase):
    ROWS = [[-100, 60, 60], [1, 2, 3], [-100, 110, 0]]

    def test_dataframe_rows_in_series_out(self):
        df = pd.DataFrame(self.ROWS, index=["a", "b", "c"])
        for fn, want in ((lambda x: airoi.npv_batch(0.1, x), airoi.npv_batch(0.1, self.ROWS)),
                         (airoi.irr_batch, airoi.irr_batch(self.ROWS)),
                         (airoi.payback_batch, airoi.payback_batch(self.ROWS))):
            got = fn(df)
            self.assertIsInstance(got, pd.Series)
            self.assertEqual(list(got.index), ["a", "b", "c"])
            self.assertEqual([None if x != x else x for x in got.tolist()], want)

    def test_series_of_rows_in_series_out(self):
        idx = pd.Index([2024, 2025, 2026], name="year")
        got = airoi.irr_batch(pd.Series(self.ROWS, index=idx))
        self.assertIsInstance(got, pd.Series)
        self.assertTrue(got.index.equals(idx))
        self.assertAlmostEqual(got[2026], 0.1, places=12)
        self.assertTrue(got.isna()[2025])

    def test_dated_batch_keeps_index(self):
        df = pd.DataFrame([AMOUNTS, AMOUNTS], index=["x", "y"])
        got = airoi.xirr_batch(df, DATES)
        self.assertEqual(list(got.index), ["x", "y"])
        r = airoi.xirr(AMOUNTS, DATES)  # batch = scalar within 1e-12 (1 + |r|)
        self.assertAlmostEqual(got["y"], r, delta=1e-12 * (1 + abs(r)))

    def test_empty_frame(self):
        got = airoi.npv_batch(0.1, pd.DataFrame(index=pd.Index([], dtype="int64")))
        self.assertIsInstance(got, pd.Series)
        self.assertEqual(len(got), 0)

    def test_series_rows_strict(self):
        with self.assertRaisesRegex(TypeError, r"rows\[1\]\[0\] must be a number, not str"):
            airoi.npv_batch(0.1, pd.Series([[1, 2], ["1", 2]]))
        with self.assertRaisesRegex(TypeError, r"rows\[0\] must be a sequence of numbers, not int"):
            airoi.npv_batch(0.1, pd.Series([1, 2]))


if __name__ == "__main__":
    unittest.main()


class FastPathAgrees(unittest.TestCase):
    """npv and irr pass lists of floats and ints, and C-contiguous float64
    arrays, by address (no ctypes array): the same results and the same
    errors as the general conversion."""

    FLOWS = [-1000.0, 300, 300.0, 250.5, 200, 150.25, 100.0, 50.0, 25.0, 10.0]

    def test_list_tuple_and_general_forms_agree(self):
        for rate in (0.08, -0.5, 3.0):
            want = airoi.npv(rate, iter(self.FLOWS))  # an iterator: the general path
            self.assertEqual(airoi.npv(rate, self.FLOWS), want)
            self.assertEqual(airoi.npv(rate, tuple(self.FLOWS)), want)
            self.assertEqual(airoi.npv(rate, self.FLOWS, start_from_zero=True),
                             airoi.npv(rate, iter(self.FLOWS), start_from_zero=True))
        self.assertEqual(airoi.irr(self.FLOWS), airoi.irr(iter(self.FLOWS)))
        self.assertEqual(airoi.npv(1, self.FLOWS), airoi.npv(1.0, self.FLOWS))

    def test_every_length_agrees(self):
        # lists up to 64 values are packed by struct, longer ones by array('d')
        for n in (1, 2, 63, 64, 65, 200):
            flows = [-100.0] + [3 if j % 2 else 2.5 for j in range(n - 1)]
            want = airoi.npv(0.05, iter(flows))  # the general path
            self.assertEqual(airoi.npv(0.05, flows), want)
            self.assertEqual(airoi.npv(0.05, tuple(flows)), want)

    def test_errors_are_the_same(self):
        with self.assertRaises(TypeError):
            airoi.npv(0.1, [-1.0, True, 2.0])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv(0.1, [])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv(0.1, [-1.0, float("nan")])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv(0.1, [-1.0, 10 ** 400])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv(-1.0, [-1.0, 2.0])
        with self.assertRaises(airoi.NoSolutionError):
            airoi.irr([1.0, 2.0])

    @unittest.skipIf(np is None, NO_NUMPY)
    def test_arrays_agree(self):
        a = np.array(self.FLOWS)
        want = airoi.npv(0.08, self.FLOWS)
        self.assertEqual(airoi.npv(0.08, a), want)
        ro = a.copy()
        ro.setflags(write=False)  # read-only: the general path
        self.assertEqual(airoi.npv(0.08, ro), want)
        wide = np.zeros(2 * len(a))
        wide[::2] = a  # not contiguous: the general path
        self.assertEqual(airoi.npv(0.08, wide[::2]), want)
        self.assertEqual(airoi.npv(0.08, a.astype(np.float32).astype(np.float64)), want)
        self.assertEqual(airoi.irr(a), airoi.irr(self.FLOWS))
