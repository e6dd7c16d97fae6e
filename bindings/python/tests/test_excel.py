"""Excel-named functions against Microsoft's documented examples, the
worked example 3 and independent pure-Python references (1e-9 relative)."""

import datetime
import unittest

import airoi
import reference as ref

REL = 1e-9


class Case(unittest.TestCase):
    def close(self, got, want, rel=REL, msg=None):
        self.assertIsInstance(got, float)
        self.assertLessEqual(abs(got - want), rel * max(1.0, abs(want)), msg or "got %r, want %r" % (got, want))

    def shown(self, got, want, places):
        """Equal to Microsoft's figure as the documentation displays it."""
        self.assertEqual(round(got, places), want, "got %r, documented %r" % (got, want))


class TestNpv(Case):
    def test_microsoft_example_1(self):
        v = [-10000, 3000, 4200, 6800]
        self.shown(airoi.npv(0.1, v), 1188.44, 2)
        self.close(airoi.npv(0.1, v), ref.npv(0.1, v))

    def test_microsoft_example_2(self):
        flows = [8000, 9200, 10000, 12000, 14500]
        self.shown(airoi.npv(0.08, flows) - 40000, 1922.06, 2)
        self.shown(airoi.npv(0.08, flows + [-9000]) - 40000, -3749.47, 2)
        self.close(airoi.npv(0.08, flows + [-9000]), ref.npv(0.08, flows + [-9000]))

    def test_start_from_zero(self):
        v = [-350, 120, 340, 470]
        self.shown(airoi.npv(0.08, v, start_from_zero=True), 425.71, 2)
        self.close(airoi.npv(0.08, v, True), ref.npv0(0.08, v))
        # t=0 convention = first value + Excel NPV of the rest
        self.close(airoi.npv(0.08, v, True), v[0] + airoi.npv(0.08, v[1:]))
        self.close(airoi.npv(0.08, v), airoi.npv(0.08, v, True) / 1.08)

    def test_single_value_and_zero_rate(self):
        self.close(airoi.npv(0.05, [105]), 100.0)
        self.close(airoi.npv(0.05, [105], start_from_zero=True), 105.0)
        self.close(airoi.npv(0.0, [1, 2, 3]), 6.0)

    def test_accepts_tuples_ints_generators(self):
        self.close(airoi.npv(0.1, (x for x in (-10000, 3000, 4200, 6800))), ref.npv(0.1, [-10000, 3000, 4200, 6800]))


class TestXnpvXirr(Case):
    V = [-10000, 2750, 4250, 3250, 2750]
    D = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]

    def test_xnpv_microsoft(self):
        self.shown(airoi.xnpv(0.09, self.V, self.D), 2086.65, 2)
        self.close(airoi.xnpv(0.09, self.V, self.D), ref.xnpv(0.09, self.V, self.D))

    def test_xirr_microsoft(self):
        got = airoi.xirr(self.V, self.D)
        # Microsoft shows 0.373362535, Excel's answer to its own tolerance (~1e-8);
        # the exact root is 0.37336253351883...
        self.assertAlmostEqual(got, 0.373362535, delta=2e-9)
        self.close(got, ref.xirr(self.V, self.D, 0.0, 1.0))
        self.assertLess(abs(airoi.xnpv(got, self.V, self.D)), 1e-6)

    def test_date_forms_agree(self):
        as_dates = [datetime.date.fromisoformat(d) for d in self.D]
        as_datetimes = [datetime.datetime(d.year, d.month, d.day, 13, 30) for d in as_dates]
        serials = [39448, 39508, 39751, 39859, 39904]  # Excel 1900 serials of the same days
        want = airoi.xnpv(0.09, self.V, self.D)
        for dates in (as_dates, as_datetimes, serials, [float(s) + 0.75 for s in serials], tuple(self.D)):
            self.assertEqual(airoi.xnpv(0.09, self.V, dates), want, dates)
            self.assertEqual(airoi.xirr(self.V, dates), airoi.xirr(self.V, self.D))

    def test_dates_need_not_be_sorted_after_first(self):
        d = ["2020-01-01", "2021-01-01", "2020-07-01"]
        v = [-100, 60, 50]
        self.close(airoi.xnpv(0.1, v, d), ref.xnpv(0.1, v, d))

    def test_xirr_guess(self):
        self.close(airoi.xirr(self.V, self.D, guess=0.5), airoi.xirr(self.V, self.D), 1e-9)


class TestIrrMirr(Case):
    DATA = [-70000, 12000, 15000, 18000, 21000, 26000]

    def test_irr_microsoft(self):
        self.shown(airoi.irr(self.DATA[:5]), -0.021, 3)
        self.shown(airoi.irr(self.DATA), 0.087, 3)
        self.shown(airoi.irr(self.DATA[:3], -0.1), -0.444, 3)
        self.close(airoi.irr(self.DATA), ref.irr(self.DATA, 0.0, 0.5))
        self.close(airoi.irr(self.DATA[:5]), ref.irr(self.DATA[:5], -0.5, 0.0))
        self.close(airoi.irr(self.DATA[:3], guess=-0.1), ref.irr(self.DATA[:3], -0.9, -0.1))

    def test_worked_example_3(self):
        v = [-350, 120, 340, 470]
        self.shown(airoi.irr(v), 0.5399, 4)
        self.close(airoi.irr(v), ref.irr(v, 0.1, 1.0))

    def test_irr_all(self):
        # (1.1 - x)(1.2 - x) style flows: -100, 230, -132 has IRRs 10% and 20%
        roots = airoi.irr_all([-100, 230, -132], -0.5, 1.0)
        self.assertEqual(len(roots), 2)
        self.close(roots[0], 0.1, 1e-8)
        self.close(roots[1], 0.2, 1e-8)
        self.assertEqual(airoi.irr_all([-100, 230, -132], 0.5, 1.0), [])
        self.assertEqual(len(airoi.irr_all(self.DATA, -0.5, 1.0)), 1)

    def test_mirr_microsoft(self):
        self.shown(airoi.mirr(self.MIRR, 0.10, 0.12), 0.1261, 4)
        self.shown(airoi.mirr(self.MIRR[:4], 0.10, 0.12), -0.0480, 4)
        self.shown(airoi.mirr(self.MIRR, 0.10, 0.14), 0.1348, 4)
        for n, fr, rr in ((6, 0.10, 0.12), (4, 0.10, 0.12), (6, 0.10, 0.14)):
            self.close(airoi.mirr(self.MIRR[:n], fr, rr), ref.mirr(self.MIRR[:n], fr, rr))

    MIRR = [-120000, 39000, 30000, 21000, 37000, 46000]


class TestRoi(Case):
    def test_worked_examples(self):
        self.close(airoi.roi([540], [380]), 160 / 380)
        self.close(airoi.roi([0, 300, 490, 620], [350, 180, 150, 150]), 580 / 830)

    def test_the_library_rule_for_costs(self):
        self.assertIsNone(airoi.roi([5], [0]))
        self.assertIsNone(airoi.roi([5], []))
        self.close(airoi.roi([5], [-3]), 8 / -3)   # refunds: divided by as they are
        self.assertEqual(airoi.roi([2], [1e16, 1, -1e16]), 1.0)   # compensated sums

    def test_same_as_the_metric(self):
        p = airoi.Project("roi", horizon=2)
        p.add_cost("Build", "infrastructure", amount=-500, per="year")
        p.add_value("Savings", "efficiency", amount=540, per="year")
        r = p.evaluate()
        rows = r.schedule
        benefits = [row["benefits"] for row in rows]
        costs = [row["costs"] for row in rows]
        self.assertEqual(airoi.roi(benefits, costs), r.roi_horizon)

    def test_refuses(self):
        with self.assertRaises(airoi.InvalidInputError):
            airoi.roi([float("nan")], [1])
        with self.assertRaises(airoi.RangeError):
            airoi.roi([1e308, 1e308], [1])


class TestAnnuities(Case):
    def test_pmt_microsoft(self):
        self.shown(airoi.pmt(0.08 / 12, 10, 10000), -1037.03, 2)
        self.shown(airoi.pmt(0.08 / 12, 10, 10000, 0, 1), -1030.16, 2)
        self.shown(airoi.pmt(0.06 / 12, 18 * 12, 0, 50000), -129.08, 2)
        self.close(airoi.pmt(0.08 / 12, 10, 10000, 0, 1), ref.pmt(0.08 / 12, 10, 10000, 0, 1))
        self.close(airoi.pmt(0.06 / 12, 18 * 12, 0, 50000), ref.pmt(0.06 / 12, 18 * 12, 0, 50000))

    def test_pv_microsoft(self):
        self.shown(airoi.pv(0.08 / 12, 12 * 20, 500, 0, 0), -59777.15, 2)
        self.close(airoi.pv(0.08 / 12, 12 * 20, 500), ref.pv(0.08 / 12, 12 * 20, 500))

    def test_fv_microsoft(self):
        self.shown(airoi.fv(0.06 / 12, 10, -200, -500, 1), 2581.40, 2)
        self.shown(airoi.fv(0.12 / 12, 12, -1000), 12682.50, 2)
        self.shown(airoi.fv(0.11 / 12, 35, -2000, type=1), 82846.25, 2)
        self.close(airoi.fv(0.06 / 12, 10, -200, -500, 1), ref.fv(0.06 / 12, 10, -200, -500, 1))
        self.close(airoi.fv(0.11 / 12, 35, -2000, 0, 1), ref.fv(0.11 / 12, 35, -2000, 0, 1))

    def test_nper_microsoft(self):
        self.shown(airoi.nper(0.12 / 12, -100, -1000, 10000, 1), 59.6738657, 7)
        self.shown(airoi.nper(0.12 / 12, -100, -1000, 10000), 60.0821229, 7)
        self.shown(airoi.nper(0.12 / 12, -100, -1000), -9.57859404, 8)
        self.close(airoi.nper(0.01, -100, -1000, 10000, 1), ref.nper(0.01, -100, -1000, 10000, 1))

    def test_rate_microsoft(self):
        monthly = airoi.rate(4 * 12, -200, 8000)
        self.shown(monthly * 12, 0.0924, 4)
        self.close(monthly, ref.rate(48, -200, 8000))
        self.close(airoi.rate(48, -200, 8000, guess=0.01), monthly, 1e-9)

    def test_zero_rate(self):
        self.close(airoi.pmt(0, 10, 1000), -100.0)
        self.close(airoi.pv(0, 10, -100), 1000.0)
        self.close(airoi.fv(0, 10, -100, -1000), 2000.0)
        self.close(airoi.nper(0, -100, 1000), 10.0)

    def test_type_any_nonzero_is_one(self):
        self.assertEqual(airoi.pmt(0.01, 12, 1000, 0, 1), airoi.pmt(0.01, 12, 1000, 0, 7))
        self.assertEqual(airoi.pmt(0.01, 12, 1000, 0, True), airoi.pmt(0.01, 12, 1000, 0, 1))

    def test_annuity_round_trip(self):
        p = airoi.pmt(0.005, 360, 250000)
        self.close(airoi.pv(0.005, 360, p), 250000.0)
        self.close(airoi.nper(0.005, p, 250000), 360.0)
        self.close(airoi.rate(360, p, 250000), 0.005)


class TestPayback(Case):
    def test_worked_example_3(self):
        v = [-350, 120, 340, 470]
        self.shown(airoi.payback(v), 1.676, 3)
        self.shown(airoi.discounted_payback(0.08, v), 1.820, 3)
        self.close(airoi.payback(v), ref.payback(v))
        self.close(airoi.discounted_payback(0.08, v), ref.payback(v, 0.08))

    def test_never_is_none(self):
        self.assertIsNone(airoi.payback([-100, 10, 10]))
        self.assertIsNone(airoi.discounted_payback(0.5, [-100, 60, 60]))
        self.assertIsNotNone(airoi.payback([-100, 60, 60]))

    def test_immediate_and_exact(self):
        self.assertEqual(airoi.payback([0, -5, 10]), 0.0)
        self.assertEqual(airoi.payback([5, -10, 10]), 0.0)
        self.close(airoi.payback([-100, 50, 50]), 2.0)
        self.close(airoi.payback([-100, 25, 25, 100]), 2.5)


class TestWorkedExample3(Case):
    """Worked example 3: net -350, 120, 340, 470 at 8 %."""

    NET = [-350, 120, 340, 470]

    def test_all(self):
        self.shown(airoi.npv(0.08, self.NET, start_from_zero=True), 425.71, 2)
        self.shown(airoi.npv(0.08, [350, 180, 150, 150], start_from_zero=True), 764.34, 2)
        self.shown(airoi.irr(self.NET), 0.5399, 4)
        self.shown(airoi.payback(self.NET), 1.676, 3)
        self.shown(airoi.discounted_payback(0.08, self.NET), 1.820, 3)


if __name__ == "__main__":
    unittest.main()
