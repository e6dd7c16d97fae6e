"""Result.to_pandas() (schedule, split by category and dimension, dated index)
and Result.scenarios_frame() (one row per scenario, then the expected row)."""

import datetime
import math
import unittest
import warnings

import airoi

try:
    import pandas as pd
except ImportError:  # pragma: no cover - reported by the runner
    pd = None

NO_PANDAS = "pandas is not installed (Debian: python3-pandas)"


def example3(**settings):
    """Worked example 3 (docs/methodology.md): costs 350, 180, 150, 150."""
    p = airoi.Project("Three-year case", currency="TWD", horizon=3, discount_rate=0.08, **settings)
    p.add_cost("Build and run", "people", amounts=[350, 180, 150, 150], from_=0)
    p.add_cost("Cloud", "infrastructure", amounts=[5, 5, 5], from_=1)
    p.add_value("Efficiency", "efficiency", amounts=[0, 200, 280, 320], from_=0)
    p.add_value("Revenue", "revenue", amounts=[60, 150, 220])
    p.add_value("Risk", "risk", amounts=[40, 60, 80], from_=1)
    return p


def customer_service():
    """The scenarios example of docs/python.md."""
    cs = airoi.Project("Customer-service AI", horizon=1, use_case="customer_service")
    cs.add_cost("Platform", "software", amount=450, per="once")
    cs.add_value("Value", "efficiency", amount=540, per="year")
    cs.add_scenario("best", 0.2, multipliers={"values": 720 / 540})
    cs.add_scenario("base", 0.5)
    cs.add_scenario("worst", 0.3, multipliers={"values": 280 / 540})
    return cs


class TestPeriodDates(unittest.TestCase):
    def test_no_start(self):
        self.assertIsNone(example3().evaluate().period_dates())

    def test_years_quarters_months(self):
        for period, start, want in [
            ("year", "2026-01-01", ["2026-01-01", "2027-01-01", "2028-01-01", "2029-01-01"]),
            ("quarter", "2026-01-01", ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]),
            # months are counted from the start: the 31st gives each month's last day
            ("month", "2026-01-31", ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]),
            ("year", "2024-02-29", ["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28"]),
        ]:
            with self.subTest(period=period, start=start):
                r = example3(start=start, period=period).evaluate()
                self.assertEqual(r.period_dates(), [datetime.date.fromisoformat(d) for d in want])


@unittest.skipIf(pd is None, NO_PANDAS)
class TestToPandas(unittest.TestCase):
    def test_split_columns(self):
        r = example3().evaluate()
        frame = r.to_pandas()
        sched = r.to_schedule()
        split = ["costs_" + c for c in airoi.CATEGORIES] + ["benefits_" + d for d in airoi.DIMENSIONS]
        self.assertEqual(list(frame.columns), list(airoi.model.SCHEDULE_COLUMNS) + split)
        self.assertEqual(list(frame["costs_people"]), [350, 180, 150, 150])
        self.assertEqual(list(frame["costs_infrastructure"]), [0, 5, 5, 5])
        self.assertEqual(list(frame["benefits_revenue"]), sched.by_dimension("revenue"))
        self.assertEqual(list(frame["benefits_risk"]), [0, 40, 60, 80])
        # the split adds up to the totals, per period
        costs = frame[["costs_" + c for c in airoi.CATEGORIES]].sum(axis=1)
        benefits = frame[["benefits_" + d for d in airoi.DIMENSIONS]].sum(axis=1)
        self.assertEqual(list(costs), list(frame["costs"]))
        self.assertEqual(list(benefits), list(frame["benefits"]))
        # and agrees with the schedule section of the JSON report
        for row, t in zip(r.schedule, frame.index):
            self.assertEqual(row["costs_by_category"]["people"], frame.loc[t, "costs_people"])

    def test_period_index_without_start(self):
        frame = example3().evaluate().to_pandas()
        self.assertEqual(frame.index.name, "period")
        self.assertEqual(list(frame.index), [0, 1, 2, 3])
        self.assertNotIn("period", frame.columns)
        self.assertIsNone(frame.attrs["start"])
        self.assertAlmostEqual(frame.attrs["metrics"]["npv"], example3().evaluate().npv, places=9)

    def test_date_index_with_start(self):
        r = example3(start="2026-01-31", period="month").evaluate()
        frame = r.to_pandas()
        self.assertIsInstance(frame.index, pd.DatetimeIndex)
        self.assertEqual(frame.index.name, "date")
        self.assertEqual([d.date() for d in frame.index], r.period_dates())
        self.assertEqual(str(frame.index[1].date()), "2026-02-28")
        self.assertEqual(list(frame["period"]), [0, 1, 2, 3])
        self.assertEqual(frame.attrs["start"], "2026-01-31")
        self.assertEqual(frame.loc["2026-03-31", "costs_people"], 150)
        # the same numbers as without a start
        plain = example3(period="month").evaluate().to_pandas()
        self.assertEqual(frame.drop(columns="period").values.tolist(), plain.values.tolist())

    def test_dates_past_pandas_range_fall_back_to_periods(self):
        with warnings.catch_warnings():  # 300 yearly periods is implausible, and warned about
            warnings.simplefilter("ignore", airoi.PlausibilityWarning)
            p = airoi.Project("Long", horizon=300, start="2026-01-01")
            p.add_cost("Run", "people", amount=1)
            frame = p.evaluate().to_pandas()
        self.assertEqual(frame.index.name, "period")
        self.assertEqual(len(frame), 301)
        self.assertEqual(frame.attrs["start"], "2026-01-01")


@unittest.skipIf(pd is None, NO_PANDAS)
class TestScenariosFrame(unittest.TestCase):
    def test_rows_and_expected(self):
        r = customer_service().evaluate()
        frame = r.scenarios_frame()
        self.assertEqual(frame.index.name, "scenario")
        self.assertEqual(list(frame.index), ["best", "base", "worst", "expected"])
        self.assertEqual(list(frame.columns), ["probability"] + list(airoi.METRICS))
        for s in r.scenarios:
            self.assertEqual(frame.loc[s.name, "probability"], s.probability)
            for m in airoi.METRICS:
                want = s.metrics[m]
                got = frame.loc[s.name, m]
                if want is None:
                    self.assertTrue(math.isnan(got), (s.name, m))
                else:
                    self.assertEqual(got, want, (s.name, m))
        exp = frame.loc["expected"]
        self.assertAlmostEqual(exp["probability"], 1.0, places=12)
        self.assertEqual(exp["npv"], r.expected_npv)
        self.assertEqual(exp["total_benefits"], r.expected_benefits)
        self.assertEqual(exp["total_costs"], r.expected_costs)
        self.assertEqual(exp["roi_horizon"], r.roi_risk_adjusted)
        self.assertAlmostEqual(exp["total_benefits"], 0.2 * 720 + 0.5 * 540 + 0.3 * 280, places=9)
        # the weighted figures are the probability-weighted rows above
        rows = frame.drop(index="expected")
        self.assertAlmostEqual((rows["probability"] * rows["npv"]).sum(), exp["npv"], places=9)
        self.assertTrue(math.isnan(exp["irr"]))
        self.assertTrue(math.isnan(exp["payback_periods"]))

    def test_without_expected_and_without_scenarios(self):
        r = customer_service().evaluate()
        self.assertEqual(list(r.scenarios_frame(expected=False).index), ["best", "base", "worst"])
        empty = example3().evaluate().scenarios_frame()
        self.assertEqual(len(empty), 0)
        self.assertEqual(list(empty.columns), ["probability"] + list(airoi.METRICS))
        self.assertEqual(len(r.scenarios[0].scenarios_frame()), 0)  # a scenario's own result

    def test_a_scenario_named_expected(self):
        cs = airoi.Project("Named", horizon=1)
        cs.add_value("Value", "efficiency", amount=10, per="year")
        cs.add_scenario("expected", 0.5)
        cs.add_scenario("other", 0.5)
        frame = cs.evaluate().scenarios_frame()
        self.assertEqual(list(frame.index), ["expected", "other", "expected (probability-weighted)"])


if __name__ == "__main__":
    unittest.main()
