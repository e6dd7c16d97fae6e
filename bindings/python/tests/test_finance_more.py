"""Loan, rate-conversion and depreciation functions, their broadcasting,
``when=``, day counts, ISO date-times and the TVM batch forms; the table of
tests/data/finance/reference-more.csv (Gnumeric and LibreOffice) through
Python."""

import datetime
import math
import os
import unittest

import airoi

try:
    import numpy as np
except ImportError:  # pragma: no cover
    np = None

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "..", "..", "tests", "data", "finance", "reference-more.csv")


def close(a, b, rel=1e-9, floor=1e-13):
    return abs(a - b) <= rel * max(abs(a), abs(b)) + floor


class TestMicrosoftExamples(unittest.TestCase):
    def test_loans(self):
        self.assertAlmostEqual(airoi.ipmt(0.1 / 12, 1, 36, 8000), -66.67, places=2)
        self.assertAlmostEqual(airoi.ipmt(0.1, 3, 3, 8000), -292.45, places=2)
        self.assertAlmostEqual(airoi.ppmt(0.1 / 12, 1, 24, 2000), -75.62, places=2)
        self.assertAlmostEqual(airoi.ppmt(0.08, 10, 10, 200000), -27598.05, places=2)
        self.assertAlmostEqual(airoi.cumipmt(0.09 / 12, 360, 125000, 13, 24, 0), -11135.23213, places=5)
        self.assertAlmostEqual(airoi.cumprinc(0.09 / 12, 360, 125000, 1, 1, 0), -68.27827118, places=8)
        self.assertEqual(airoi.ispmt(0.1, 0, 4, 4000), -400.0)

    def test_rates_and_depreciation(self):
        self.assertAlmostEqual(airoi.effect(0.0525, 4), 0.053542667, places=9)
        self.assertAlmostEqual(airoi.nominal(0.053543, 4), 0.05250032, places=8)
        self.assertAlmostEqual(airoi.pduration(0.025 / 12, 1000, 1200), 87.6, places=1)
        self.assertAlmostEqual(airoi.rri(96, 10000, 11000), 0.0009933, places=7)
        self.assertAlmostEqual(airoi.fvschedule(1, [0.09, 0.11, 0.1]), 1.33089, places=12)
        self.assertEqual(airoi.sln(30000, 7500, 10), 2250.0)
        self.assertAlmostEqual(airoi.syd(30000, 7500, 10, 10), 409.09, places=2)
        self.assertAlmostEqual(airoi.db(1000000, 100000, 6, 7, 7), 15845.10, places=2)
        self.assertAlmostEqual(airoi.ddb(2400, 300, 10, 2, 1.5), 306.0, places=9)
        self.assertAlmostEqual(airoi.vdb(2400, 300, 120, 6, 18, 1.5), 311.81, places=2)
        self.assertEqual(airoi.vdb(2400, 300, 10, 0, 0.875, 1.5), 315.0)

    def test_excel_errors_raise(self):
        with self.assertRaises(airoi.InvalidInputError):
            airoi.effect(0, 4)  # Excel's documentation: #NUM!
        with self.assertRaises(airoi.InvalidInputError):
            airoi.ipmt(0.1, 4, 3, 8000)
        with self.assertRaises(airoi.InvalidInputError):
            airoi.cumipmt(0.01, 12, 1000, 1, 12, 2)
        with self.assertRaises(TypeError):
            airoi.sln("30000", 7500, 10)

    def test_argument_order_and_names(self):
        self.assertEqual(airoi.ipmt(rate=0.1, per=3, nper=3, pv=8000, fv=0, type=0),
                         airoi.ipmt(0.1, 3, 3, 8000))
        self.assertEqual(airoi.db(cost=100, salvage=10, life=6, period=1, month=12), airoi.db(100, 10, 6, 1))
        self.assertEqual(airoi.vdb(2400, 300, 10, 1.5, 3.7, 2, True),
                         airoi.vdb(2400, 300, 10, 1.5, 3.7, no_switch=True))


class TestReferenceTable(unittest.TestCase):
    def test_table(self):
        """Every case of the two-engine table, through the Python functions."""
        fns = {"ipmt": airoi.ipmt, "ppmt": airoi.ppmt, "cumipmt": airoi.cumipmt,
               "cumprinc": airoi.cumprinc, "ispmt": airoi.ispmt, "effect": airoi.effect,
               "nominal": airoi.nominal, "pduration": airoi.pduration, "rri": airoi.rri,
               "sln": airoi.sln, "syd": airoi.syd, "db": airoi.db, "ddb": airoi.ddb, "vdb": airoi.vdb}
        n = 0
        with open(TABLE) as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cid, func, args, gn, lo, expect = line.rstrip("\n").split(";")
                if func == "fvschedule":
                    head, arr = args.split("[")
                    call = (float(head), [float(x) for x in arr.rstrip("]").split()])
                    fn = airoi.fvschedule
                else:
                    call = tuple(True if a == "TRUE" else False if a == "FALSE" else float(a)
                                 for a in args.split())
                    fn = fns[func]
                try:
                    got = fn(*call)
                except airoi.Error:
                    got = None
                want = None
                if expect.startswith(("EXACT=", "EXCEL=")):
                    want = float(expect[6:])
                elif expect == "LIBREOFFICE" or expect == "":
                    want = None if lo == "#ERR" else float(lo)
                if expect == "INVALID" or want is None:
                    self.assertIsNone(got, cid)
                else:
                    self.assertIsNotNone(got, cid)
                    self.assertTrue(close(got, want, 1e-9 if not expect else 1e-12), (cid, got, want))
                n += 1
        self.assertGreater(n, 350)


@unittest.skipIf(np is None, "NumPy is not installed")
class TestBroadcasting(unittest.TestCase):
    def test_shapes_as_numpy_financial(self):
        r = airoi.ipmt(np.array([[0.1], [0.2]]), [1, 2, 3], 3, 8000)
        self.assertEqual(r.shape, (2, 3))
        self.assertEqual(r[1, 2], airoi.ipmt(0.2, 3, 3, 8000))
        s = airoi.ppmt(0.1 / 12, np.arange(1, 25), 24, 2000)
        self.assertAlmostEqual(float(s.sum()), -2000.0, places=9)
        self.assertIsInstance(airoi.ipmt(0.1, 1, 3, 8000), float)

    def test_failed_elements(self):
        r = airoi.ipmt(0.1, [0, 1, 4], 3, 8000)
        self.assertTrue(math.isnan(r[0]) and math.isnan(r[2]))
        self.assertEqual(r[1], -800.0)
        with self.assertRaisesRegex(airoi.InvalidInputError, r"^element \(0,\): ipmt: per 0"):
            airoi.ipmt(0.1, [0, 1], 3, 8000, errors="raise")
        with self.assertRaises(airoi.InvalidInputError):
            airoi.ipmt(0.1, [[1, 2]], [1, 2, 3], 8000)  # shapes (1, 2) and (3,)

    def test_large_powers_exact(self):
        # 1,000 yearly payments at 10 %: the engines' first-year principal is 0
        # or 1e-14; the exact one is -pv r / ((1 + r)^n - 1).
        want = -10000 * 0.1 / math.expm1(1000 * math.log1p(0.1))
        self.assertTrue(close(airoi.ppmt(0.1, 1, 1000, 10000), want, 1e-12, 0))
        total = airoi.ipmt(0.1, np.arange(1, 1001), 1000, 10000) + airoi.ppmt(0.1, np.arange(1, 1001), 1000, 10000)
        self.assertTrue(np.allclose(total, airoi.pmt(0.1, 1000, 10000), rtol=1e-12, atol=0))

    def test_tvm_batch(self):
        r = airoi.pmt_batch([0.05, 0.08], [[10], [20]], 10000)
        self.assertEqual(r.shape, (2, 2))
        self.assertEqual(r[1, 0], airoi.pmt(0.05, 20, 10000))
        self.assertEqual(list(airoi.fv_batch(0.1, [1, 2], -100, when="begin")),
                         [airoi.fv(0.1, 1, -100, 0, 1), airoi.fv(0.1, 2, -100, 0, 1)])
        self.assertTrue(math.isnan(airoi.pmt_batch(0.1, [0, 10], 100)[0]))  # nper 0
        self.assertEqual(list(airoi.nper_batch(0.01, -100, [1000, 2000])),
                         [airoi.nper(0.01, -100, 1000), airoi.nper(0.01, -100, 2000)])
        self.assertEqual(list(airoi.rate_batch([12, 24], -100, 1000)),
                         [airoi.rate(12, -100, 1000), airoi.rate(24, -100, 1000)])
        self.assertEqual(airoi.pv_batch(0.1, 2, -100).shape, ())

    def test_depreciation_schedule(self):
        d = airoi.db(1000000, 100000, 6, range(1, 8), 7)
        # the rate is rounded to 3 decimals, so the total misses cost - salvage a little
        self.assertAlmostEqual(float(d.sum()), 1000000 - 100000, delta=0.01 * 900000)
        v = airoi.vdb(2400, 300, 10, np.arange(10), np.arange(1, 11))
        self.assertAlmostEqual(float(v.sum()), 2100.0, places=9)


class TestWhen(unittest.TestCase):
    def test_alias(self):
        self.assertEqual(airoi.pmt(0.08 / 12, 10, 10000, when="begin"), airoi.pmt(0.08 / 12, 10, 10000, 0, 1))
        self.assertEqual(airoi.pv(0.1, 5, -100, when="end"), airoi.pv(0.1, 5, -100))
        self.assertEqual(airoi.ipmt(0.1, 2, 3, 8000, when="begin"), airoi.ipmt(0.1, 2, 3, 8000, 0, 1))
        self.assertEqual(airoi.cumprinc(0.01, 12, 1000, 1, 12, when="begin"),
                         airoi.cumprinc(0.01, 12, 1000, 1, 12, 1))
        self.assertEqual(airoi.rate(12, -100, 1000, when="begin"), airoi.rate(12, -100, 1000, 0, 1))
        self.assertEqual(airoi.nper(0.01, -100, 1000, when=1), airoi.nper(0.01, -100, 1000, 0, 1))

    def test_bad_when(self):
        with self.assertRaises(airoi.InvalidInputError):
            airoi.pmt(0.1, 10, 100, when="start")
        with self.assertRaises(airoi.InvalidInputError):
            airoi.pmt(0.1, 10, 100, 0, 1, when="end")


class TestDayCounts(unittest.TestCase):
    V = [-10000, 2750, 4250, 3250, 2750]
    D = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]

    def test_default_is_excel(self):
        self.assertEqual(airoi.xirr(self.V, self.D, day_count="act/365f"), airoi.xirr(self.V, self.D))
        self.assertEqual(airoi.xnpv(0.09, self.V, self.D, day_count="ACT/365F"), airoi.xnpv(0.09, self.V, self.D))

    def test_conventions(self):
        for dc in airoi.DAY_COUNTS:
            r = airoi.xirr(self.V, self.D, day_count=dc)
            t = [airoi.year_fraction(self.D[0], d, dc) for d in self.D]
            self.assertLess(abs(sum(v / (1 + r) ** ti for v, ti in zip(self.V, t))), 1e-6, dc)
            self.assertTrue(close(airoi.xnpv(0.09, self.V, self.D, day_count=dc),
                                  sum(v / 1.09 ** ti for v, ti in zip(self.V, t)), 1e-12), dc)
        # deltaquants.com's example 4 (via pyxirr's tests)
        self.assertEqual(airoi.year_fraction("2008-02-01", "2009-05-31", "30/360"), 480 / 360)
        self.assertEqual(airoi.year_fraction("2008-02-01", "2009-05-31", "30e/360"), 479 / 360)
        self.assertTrue(close(airoi.year_fraction("2008-02-01", "2009-05-31", "act/act"),
                              335 / 366 + 150 / 365, 1e-15, 0))

    def test_unknown_name(self):
        with self.assertRaisesRegex(airoi.InvalidInputError, "expected one of act/365f"):
            airoi.xirr(self.V, self.D, day_count="actual/365")
        with self.assertRaises(TypeError):
            airoi.xnpv(0.1, self.V, self.D, day_count=365)


class TestDates(unittest.TestCase):
    V = [-10000, 2750, 4250, 3250, 2750]
    D = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]

    def test_iso_with_time(self):
        with_time = ["2008-01-01T09:30:00", "2008-03-01 23:59", "2008-10-30T00:00Z",
                     "2009-02-15T12:00:00+05:00", "2009-04-01T08:00:00.250"]
        self.assertEqual(airoi.xirr(self.V, with_time), airoi.xirr(self.V, self.D))
        self.assertEqual(airoi.xnpv(0.09, self.V, with_time), airoi.xnpv(0.09, self.V, self.D))
        with self.assertRaises(airoi.InvalidInputError):
            airoi.day_number("2008-01-01T25:00")

    @unittest.skipIf(np is None, "NumPy is not installed")
    def test_datetime64(self):
        d64 = np.array(["2008-01-01T10:00", "2008-03-01T00:00", "2008-10-30T23:59",
                        "2009-02-15T01:00", "2009-04-01T12:00"], dtype="datetime64[m]")
        self.assertEqual(airoi.xirr(self.V, d64), airoi.xirr(self.V, self.D))
        self.assertEqual(airoi.xnpv(0.09, self.V, list(d64), day_count="act/act"),
                         airoi.xnpv(0.09, self.V, self.D, day_count="act/act"))
        self.assertEqual(airoi.xirr(self.V, [datetime.datetime(2008, 1, 1, 18)] + self.D[1:]),
                         airoi.xirr(self.V, self.D))


class TestRatesBelowMinusOne(unittest.TestCase):
    def test_excel_values(self):
        self.assertEqual(airoi.pv(-2, 24, 100, 400, 1), -400.0)
        self.assertEqual(airoi.npv(-1.5, [1, 2, 3]), -18.0)
        self.assertAlmostEqual(airoi.mirr([-100, 50, 60], -2, 0.1), math.sqrt(1.15) - 1, places=12)
        self.assertEqual(airoi.mirr([-1, -2, -3], 0.1, 0.1), -1.0)
        with self.assertRaises(airoi.InvalidInputError):
            airoi.pv(-2, 2.5, 100)


def _table_columns(funcs):
    """{function: list of argument tuples} of the reference table's rows."""
    cols = {f: [] for f in funcs}
    with open(TABLE) as f:
        for line in f:
            if line.startswith("#"):
                continue
            func, args = line.split(";")[1:3]
            if func in cols:
                cols[func].append(tuple(float(a) for a in args.split()))
    return cols


@unittest.skipIf(np is None, "NumPy is not installed")
class TestBatchForms(unittest.TestCase):
    """The array calls with a C batch form (one call for the whole array)
    give exactly the scalar function's value and status, element by element."""

    FNS = {"ipmt": airoi.ipmt, "ppmt": airoi.ppmt, "sln": airoi.sln, "syd": airoi.syd,
           "db": airoi.db, "ddb": airoi.ddb}

    def _same(self, name, got, status, scalar, rows):
        for i, args in enumerate(rows):
            try:
                want, want_status = scalar(*args), "AIROI_OK"
            except airoi.Error as exc:
                want, want_status = None, exc.status_name
            self.assertEqual(status[i], want_status, (name, i, args))
            if want is None:
                self.assertTrue(math.isnan(got[i]), (name, i))
            else:
                self.assertEqual(got[i], want, (name, i, args))

    def test_reference_table_elementwise(self):
        cols = _table_columns(self.FNS)
        bad = [(float("nan"), 1, 3, 100, 0, 0), (0.1, float("inf"), 3, 100, 0, 0),
               (0.1, 0, 3, 100, 0, 0), (-1, 1, 3, 100, 0, 1)]
        for name, rows in cols.items():
            width = len(rows[0])
            rows = rows + [b[:width] for b in bad]
            self.assertGreater(len(rows), 10, name)
            args = [np.array(c) for c in zip(*rows)]
            got, status = self.FNS[name](*args, errors="status")
            self.assertEqual(got.shape, (len(rows),))
            self._same(name, got, status, self.FNS[name], rows)

    def test_tvm_on_the_loans(self):
        loans = [r for f, rows in _table_columns(("ipmt", "ppmt")).items() for r in rows]
        rate, nper, pv, fv, typ = (np.array(c) for c in zip(*[(r[0], r[2], r[3], r[4], r[5])
                                                              for r in loans]))
        pmt, st = airoi.pmt_batch(rate, nper, pv, fv, typ, errors="status")
        self._same("pmt", pmt, st, airoi.pmt, list(zip(rate, nper, pv, fv, typ)))
        ok = ~np.isnan(pmt)
        rate, nper, pv, fv, typ, pmt = (a[ok] for a in (rate, nper, pv, fv, typ, pmt))
        for fn, scalar, args in (
                (airoi.pv_batch, airoi.pv, (rate, nper, pmt, fv, typ)),
                (airoi.fv_batch, airoi.fv, (rate, nper, pmt, pv, typ)),
                (airoi.nper_batch, airoi.nper, (rate, pmt, pv, fv, typ)),
                (airoi.rate_batch, airoi.rate, (nper, pmt, pv, fv, typ))):
            got, st = fn(*args, errors="status")
            self._same(fn.__name__, got, st, scalar, list(zip(*args)))

    def test_same_as_one_call_per_element(self):
        """The C batch form against the per-element path it replaces, on
        broadcast random arguments (integers, fractions, out of range)."""
        from airoi._scalar import Fn
        rng = np.random.default_rng(7)
        slow = Fn("ipmt", "airoi_ipmt", "dddddi", ("rate", "per", "nper", "pv", "fv", "type"))
        rate = rng.choice([-0.5, -0.01, 0.0, 1e-9, 0.004, 0.1, 0.9, 2.0], size=(40, 1))
        per = rng.uniform(-2, 40, size=(1, 30)).round(rng.integers(0, 2))
        nper = rng.integers(0, 40, size=30).astype(float)
        typ = rng.choice([0, 1, 2, np.nan], size=30)
        fast = airoi.ipmt(rate, per, nper, 1000.0, -100.0, typ, errors="status")
        ref = slow.broadcast((rate, per, nper, 1000.0, -100.0, typ), "status")
        self.assertEqual(fast.values.shape, (40, 30))
        np.testing.assert_array_equal(fast.values, ref.values)
        np.testing.assert_array_equal(fast.status, ref.status)
        self.assertGreater(int(np.isnan(fast.values).sum()), 0)
        self.assertGreater(int((~np.isnan(fast.values)).sum()), 300)

    def test_errors(self):
        v, st = airoi.ipmt(0.1, [[1, 5]], 3, 8000, type=[0, np.nan], errors="status")
        self.assertEqual(st.tolist(), [["AIROI_OK", "AIROI_ERR_INVALID"]])
        self.assertEqual(v[0, 0], airoi.ipmt(0.1, 1, 3, 8000))
        with self.assertRaisesRegex(airoi.InvalidInputError, r"^element \(1,\): ddb: "):
            airoi.ddb(2400, 300, 10, [1, 11], errors="raise")
        with self.assertRaises(airoi.InvalidInputError):
            airoi.sln(1, 0, [1, 2], errors="ignore")
        self.assertEqual(airoi.sln(10, 0, np.zeros((0, 3))).shape, (0, 3))
        self.assertEqual(airoi.pv_batch(0.1, 2, -100, errors="status").status.shape, ())

    def test_status_without_batch_form(self):
        v, st = airoi.cumipmt(0.1, [10, 0], 1000, 1, 1, errors="status")
        self.assertEqual(st.tolist(), ["AIROI_OK", "AIROI_ERR_INVALID"])


class TestBatchDayCounts(unittest.TestCase):
    ROWS = [[-10000, 2750, 4250, 3250, 2750], [-500, 100, 200, 300, 400], [1, 2, 3, 4, 5]]
    D = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]

    def test_each_row_is_the_scalar_call(self):
        for dc in airoi.DAY_COUNTS:
            got = airoi.xnpv_batch(0.09, self.ROWS, self.D, day_count=dc)
            for row, g in zip(self.ROWS, got):
                want = airoi.xnpv(0.09, row, self.D, day_count=dc)
                self.assertTrue(g == want if dc != "act/365f" else close(g, want, 1e-13, 0), dc)
            got, status = airoi.xirr_batch(self.ROWS, self.D, day_count=dc, errors="status")
            self.assertEqual(status, ["AIROI_OK", "AIROI_OK", "AIROI_ERR_NO_SOLUTION"])
            self.assertIsNone(got[2])
            for row, g in zip(self.ROWS[:2], got):
                want = airoi.xirr(row, self.D, day_count=dc)
                self.assertTrue(g == want if dc != "act/365f" else close(g, want, 1e-12, 0), dc)
        self.assertEqual(airoi.xirr_batch(self.ROWS, self.D, day_count="act/365f"),
                         airoi.xirr_batch(self.ROWS, self.D))

    def test_errors(self):
        with self.assertRaisesRegex(airoi.InvalidInputError, "expected one of act/365f"):
            airoi.xnpv_batch(0.1, self.ROWS, self.D, day_count="actual/365")
        with self.assertRaisesRegex(airoi.NoSolutionError, "^row 2: xirr: "):
            airoi.xirr_batch(self.ROWS, self.D, day_count="30/360", errors="raise")
        if np is not None:
            got = airoi.xnpv_batch(0.1, np.array(self.ROWS, dtype=float), self.D, day_count="act/360")
            self.assertEqual(got.shape, (3,))


if __name__ == "__main__":
    unittest.main()
