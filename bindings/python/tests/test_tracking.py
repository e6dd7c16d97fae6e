"""Plan against actual (docs/methodology.md#tracking): the re-forecast
metrics recomputed here from the flows with NumPy, independently of the
library's evaluation; indicators of both directions; a gate of each status;
the bundled mid-way example."""

import os
import unittest

import numpy as np

import airoi

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
EXAMPLE = os.path.join(ROOT, "docs", "examples", "tracking-midway.yaml")

MODEL = """airoi: 1
project: {name: T, currency: USD, period: quarter, horizon: 6, discount_rate: 0.12}
fx: {EUR: 1.25}
costs:
  - {name: Build, category: people, amount: 100, per: once}
  - {name: Run, category: software, amount: 4, per: month, currency: EUR, growth: 0.1}
values:
  - name: Gain
    dimension: efficiency
    amount: 60
    per: quarter
    realization: 0.8
    adoption: {curve: linear, periods: 3, start: 0.25, ceiling: 1}
  - {name: Extra, dimension: revenue, amounts: [5, 10, 15], from: 4}
stages:
  - {name: poc, cost: 10, periods: 2, success_probability: 0.5, criteria: [{indicator: adoption, at_least: 0.3, for_periods: 2}]}
  - {name: mvp, cost: 30, periods: 1, success_probability: 0.8, criteria: [{indicator: errors, at_most: 0.05}]}
  - {name: scale, cost: 50, periods: 2, success_probability: 0.9, criteria: [{indicator: adoption, at_least: 0.8}]}
actuals:
  - {period: 0, item: Build, amount: 90}
  - {period: 1, item: Run, amount: 10}
  - {period: 1, item: Run, amount: 3}
  - {period: 1, item: Gain, amount: 20}
  - {period: 2, item: Gain, amount: 25}
tracking: {as_of: 2}
indicators:
  - {name: adoption, target: 0.7, at_risk_below: 0.5, off_track_below: 0.3, values: {0: 0.35, 1: 0.4, 2: 0.2, 3: 0.6}}
  - {name: errors, direction: down, target: 0.02, at_risk_above: 0.04, off_track_above: 0.06, values: {1: 0.07, 2: 0.05, 3: 0.03}}
"""


def npv(rate, flows):
    t = np.arange(len(flows))
    return float(np.sum(np.asarray(flows) / (1 + rate) ** t))


def payback(net):
    cum = np.cumsum(net)
    for t, c in enumerate(cum):
        if c >= 0:
            return 0.0 if t == 0 else (t - 1) + (-cum[t - 1]) / net[t]
    return None


class TestReforecast(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.project = airoi.Project.from_yaml(MODEL, "t.yaml")
        cls.tracking = cls.project.track()
        cls.plan = cls.project.evaluate()

    def test_reforecast_metrics_from_the_flows(self):
        r = 1.12 ** 0.25 - 1
        plan_costs = np.array([p["costs"] for p in self.plan.to_dict()["schedule"]])
        plan_benefits = np.array([p["benefits"] for p in self.plan.to_dict()["schedule"]])
        by_cat = [p["costs_by_category"] for p in self.plan.to_dict()["schedule"]]
        by_dim = [p["benefits_by_dimension"] for p in self.plan.to_dict()["schedule"]]
        people = np.array([c["people"] for c in by_cat])
        software = np.array([c["software"] for c in by_cat])
        gain = np.array([d["efficiency"] for d in by_dim])
        extra = np.array([d["revenue"] for d in by_dim])
        np.testing.assert_allclose(people + software, plan_costs, rtol=1e-12)
        np.testing.assert_allclose(gain + extra, plan_benefits, rtol=1e-12)
        T = 2
        # actuals: Build 90 at 0; Run 13 EUR at 1 (x 1.25), plan at 2; Gain 20, 25
        act = {"people": people.copy(), "software": software.copy(), "gain": gain.copy(),
               "extra": extra.copy()}
        act["people"][0] = 90
        act["software"][1] = 13 * 1.25
        act["gain"][1], act["gain"][2] = 20, 25
        rate = {k: (act[k][:T + 1].sum() / v[:T + 1].sum()) if v[:T + 1].sum() != 0 else 1.0
                for k, v in (("people", people), ("software", software), ("gain", gain),
                             ("extra", extra))}
        run = {k: np.concatenate([act[k][:T + 1], v[T + 1:] * rate[k]])
               for k, v in (("people", people), ("software", software), ("gain", gain),
                            ("extra", extra))}
        for key, flows in (("reforecast", act), ("reforecast_run_rate", run)):
            costs = flows["people"] + flows["software"]
            benefits = flows["gain"] + flows["extra"]
            m = self.tracking.tracking[key]["metrics"]
            self.assertAlmostEqual(m["npv"], npv(r, benefits - costs), delta=1e-9)
            self.assertAlmostEqual(m["tco_total"], costs.sum(), delta=1e-9)
            self.assertAlmostEqual(m["total_benefits"], benefits.sum(), delta=1e-9)
            self.assertAlmostEqual(m["roi_horizon"], (benefits.sum() - costs.sum()) / costs.sum(),
                                   delta=1e-12)
            self.assertAlmostEqual(m["pv_costs"], npv(r, costs), delta=1e-9)
            pb = payback(benefits - costs)
            if pb is None:
                self.assertIsNone(m["payback_periods"])
            else:
                self.assertAlmostEqual(m["payback_periods"], pb, delta=1e-12)
            # IRR: the NPV at the library's IRR is 0 (per period, from the annual rate)
            if m["irr"] is not None:
                self.assertAlmostEqual(npv((1 + m["irr"]) ** 0.25 - 1, benefits - costs), 0,
                                       delta=1e-6)
            sched = self.tracking.tracking[key]["schedule"]
            np.testing.assert_allclose([p["costs"] for p in sched], costs, rtol=1e-12, atol=1e-12)
            # every key of the base case's metrics
            self.assertEqual(set(m), set(self.plan.metrics))
        t = self.tracking.tracking
        self.assertEqual(t["as_of"], 2)
        self.assertAlmostEqual(t["to_date"]["costs"], act["people"][:3].sum() + act["software"][:3].sum())
        self.assertAlmostEqual(t["payback"]["planned"] or -1, self.plan.payback_periods or -1)
        # the same through Result.tracking and the borrowed results
        self.assertEqual(self.plan.tracking, t)
        self.assertAlmostEqual(self.tracking.reforecast.npv, t["reforecast"]["metrics"]["npv"])

    def test_actual_missing(self):
        missing = [(f["subject"], f["actual"]) for f in self.tracking.findings
                   if f["code"] == "ACTUAL_MISSING"]
        self.assertEqual(missing, [("Run", 2)])
        self.assertIn("ACTUAL_MISSING", [f["code"] for f in self.plan.findings])


class TestIndicatorsAndGates(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tracking = airoi.Project.from_yaml(MODEL, "t.yaml").track()

    def test_both_directions(self):
        up, down = self.tracking.indicators
        self.assertEqual([p["status"] for p in up["periods"]],
                         ["at_risk", "at_risk", "off_track", "on_track"])
        self.assertEqual([p["status"] for p in down["periods"]],
                         ["off_track", "at_risk", "on_track"])
        self.assertEqual((up["latest"], up["latest_period"], up["status"]), (0.6, 3, "on_track"))

    def test_each_status(self):
        gates = self.tracking.gates
        self.assertEqual([g["status"] for g in gates], ["go", "go", "pending"])
        self.assertEqual(gates[0]["evidence"][0]["periods"], [0, 1, 3])
        self.assertIsNone(gates[0]["expected_npv_continue"])
        # scale from period 3, D = 5: -50 + 0.9 PV / (1 + r)^2
        r = 1.12 ** 0.25 - 1
        pv = self.tracking.plan.npv
        self.assertAlmostEqual(gates[2]["expected_npv_continue"], -50 + 0.9 * pv / (1 + r) ** 2,
                               delta=1e-9)

    def test_no_go(self):
        text = MODEL.replace("tracking: {as_of: 2}", "tracking: {as_of: 2, gates_as_of: 5}")
        text = text.replace("{indicator: errors, at_most: 0.05}",
                            "{indicator: errors, at_most: 0.01}")
        gates = airoi.Project.from_yaml(text, "t.yaml").track().gates
        # judged at 5: mvp (period 2) and scale (3-4) are over
        self.assertEqual([g["status"] for g in gates], ["go", "no_go", "no_go"])
        self.assertIsNotNone(gates[1]["expected_npv_continue"])


@unittest.skipUnless(os.path.exists(EXAMPLE), "docs/examples are not beside the package")
class TestExample(unittest.TestCase):
    def test_midway(self):
        p = airoi.Project.load(EXAMPLE)
        t = p.track()
        self.assertEqual(t.tracking["as_of"], 3)
        self.assertEqual([g["status"] for g in t.gates], ["go", "no_go"])
        self.assertIn("Plan against actual", t.report("html"))
        self.assertTrue(t.report("csv").startswith("item,kind,class"))
        self.assertIsNone(p.evaluate(honest=True).tracking)


if __name__ == "__main__":
    unittest.main()
