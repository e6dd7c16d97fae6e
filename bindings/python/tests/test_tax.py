"""Capex, tax, inflation and terminal value through Python, the after-tax
metrics recomputed with NumPy from the pre-tax schedule and the items
(docs/methodology.md#capex-depreciation-and-tax)."""

import os
import unittest

import airoi

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported by the runner
    np = None

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.normpath(os.path.join(HERE, "..", "..", "..", "docs", "examples",
                                        "gpu-cluster-capex-tax.yaml"))


def npv0(rate, flows):
    t = np.arange(len(flows))
    return float(np.sum(np.asarray(flows) / (1 + rate) ** t))


@unittest.skipIf(np is None, "NumPy is not installed (Debian: python3-numpy)")
class TestAfterTax(unittest.TestCase):
    def test_recomputed_with_numpy(self):
        p = airoi.Project.load(EXAMPLE)
        for carry in (True, False):
            p.tax = {"rate": 0.2, "loss_carryforward": carry}
            r = p.evaluate()
            s = r.to_schedule()
            costs, benefits = np.array(s.costs), np.array(s.benefits)
            # the example's capital items: 600 at 0 over 3 years (straight line),
            # 120 at 3 over 2 years (sum of the years' digits)
            capex = np.array([600, 0, 0, 120, 0, 0.0])
            dep = np.array([0, 200, 200, 200, 80, 40.0])
            income = benefits - (costs - capex) - dep
            if carry:
                tax, balance = np.zeros(6), 0.0
                for t, x in enumerate(income):
                    if x < 0:
                        balance -= x
                    else:
                        use = min(balance, x)
                        balance -= use
                        tax[t] = 0.2 * (x - use)
            else:
                tax = 0.2 * income
            net = benefits - (costs - capex) - capex - tax
            rate = 1.07 * 1.025 - 1
            at = r.after_tax
            self.assertAlmostEqual(at.npv, npv0(rate, net), places=9)
            self.assertTrue(np.allclose(r.finance_series("tax"), tax, rtol=0, atol=1e-9))
            self.assertTrue(np.allclose(r.finance_series("depreciation"), dep, rtol=0, atol=1e-9))
            self.assertAlmostEqual(npv0((1 + at.irr) - 1, net), 0.0, places=6)
            self.assertAlmostEqual(at.total_costs, float(costs.sum() + tax.sum()), places=9)
            tv = net[-1] * 1.02 / (rate - 0.02)
            self.assertAlmostEqual(at.finance["terminal_value"], tv, places=9)
            self.assertAlmostEqual(at.finance["npv_with_terminal_value"],
                                   npv0(rate, net) + tv / (1 + rate) ** 5, places=9)
            # the terminal value is never in the NPV: the two differ by exactly
            # its present value
            self.assertGreater(abs(tv), 1.0)
            self.assertAlmostEqual(at.finance["npv_with_terminal_value"] - at.npv,
                                   tv / (1 + rate) ** 5, places=9)
            self.assertAlmostEqual(r.finance["capex"] + r.finance["opex"], r.tco_total, places=9)

    def test_settings_round_trip(self):
        p = airoi.Project("Capex", horizon=4, discount_rate={"rate": 0.05, "real": True}, inflation=0.02,
                          tax={"rate": 0.25, "loss_carryforward": True},
                          terminal_value={"method": "exit_multiple", "multiple": 6})
        c = p.add_cost("Servers", "infrastructure", amount=100, per="once", capex=True, life=2,
                       depreciation="double_declining", salvage=0.1)
        p.add_value("Savings", "efficiency", amount=70, real=True)
        q = airoi.Project.from_yaml(p.to_yaml())
        self.assertEqual(q.tax, {"rate": 0.25, "loss_carryforward": True})
        self.assertEqual(q.terminal_value, {"method": "exit_multiple", "multiple": 6})
        self.assertTrue(q.discount_rate_real)
        self.assertEqual((q.costs[0].capex, q.costs[0].life, q.costs[0].depreciation, q.costs[0].salvage),
                         (True, 2.0, "double_declining", 0.1))
        self.assertTrue(q.values[0].real)
        self.assertEqual(c.depreciation, "double_declining")
        self.assertAlmostEqual(q.evaluate().after_tax.npv, p.evaluate().after_tax.npv, places=12)
        with self.assertRaises(airoi.Error):
            c.depreciation = "linear"
        with self.assertRaises(airoi.Error):
            p.terminal_value = {"method": "gordon", "multiple": 3}
        self.assertIsNone(airoi.Project("Plain").evaluate().after_tax)


if __name__ == "__main__":
    unittest.main()
