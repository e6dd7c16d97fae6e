"""Projects built in Python: the worked examples of docs/methodology.md, every
setting of the project, items and scenarios, results."""

import datetime
import json
import unittest

import airoi

try:
    import pandas
except ImportError:  # pragma: no cover - reported by the runner
    pandas = None


def example3():
    """Worked example 3 built in code: costs 350, 180, 150, 150; three value streams."""
    p = airoi.Project("Three-year case", currency="TWD", horizon=3, discount_rate=0.08)
    p.add_cost("Build and run", "people", amounts=[350, 180, 150, 150], **{"from": 0})
    p.add_value("Efficiency", "efficiency", amounts=[0, 200, 280, 320], from_=0)
    p.add_value("Revenue", "revenue", amounts=[60, 150, 220])  # from 1 by default
    p.add_value("Risk", "risk", amounts=[40, 60, 80], from_=1)
    return p


def example2():
    p = airoi.Project("Customer-service AI", horizon=1, discount_rate=0.08, currency="TWD", unit=10000,
                      use_case="customer_service")
    p.add_cost("Platform", "software", amount=450, per="once", at=0)
    p.add_value("Agent time", "efficiency", amount=360, per="year")
    p.add_value("Retention", "revenue", amount=120, per="year")
    p.add_value("Complaints", "risk", amount=60, per="year")
    p.add_scenario("best", 0.2, multipliers={"values": 720 / 540})
    p.add_scenario("base", 0.5)
    p.add_scenario("worst", 0.3, multipliers={"values": 280 / 540})
    return p


class TestWorkedExamples(unittest.TestCase):
    def test_example3(self):
        r = example3().evaluate()
        self.assertAlmostEqual(r.npv, 425.71, places=2)
        self.assertAlmostEqual(r.irr, 0.5399, places=4)
        self.assertAlmostEqual(r.payback_periods, 1.676, places=3)
        self.assertAlmostEqual(r.discounted_payback_periods, 1.820, places=3)
        self.assertAlmostEqual(r.roi_horizon, 0.699, places=3)
        self.assertAlmostEqual(r.npv_roi, 0.557, places=3)
        self.assertAlmostEqual(r.pv_costs, 764.34, places=2)
        self.assertEqual([row["net"] for row in r.schedule], [-350, 120, 340, 470])
        self.assertEqual([row["cumulative"] for row in r.schedule], [-350, -230, 110, 580])
        self.assertEqual(r.metrics["npv"], r.npv)
        self.assertIsNone(r.scenario)
        self.assertIsNone(r.probability)
        self.assertEqual(r.scenarios, [])

    def test_example2(self):
        r = example2().evaluate()
        self.assertAlmostEqual(r.roi_basic, 0.20, places=10)
        self.assertAlmostEqual(r.roi_risk_adjusted, 0.1067, places=4)
        self.assertEqual([(s.name, s.probability) for s in r.scenarios],
                         [("best", 0.2), ("base", 0.5), ("worst", 0.3)])
        self.assertAlmostEqual(r.scenarios[0].metrics["total_benefits"], 720, places=9)
        one = example2().evaluate("worst")
        self.assertEqual(one.scenario, "worst")
        self.assertAlmostEqual(one.probability, 0.3)
        self.assertAlmostEqual(one.total_benefits, 280, places=9)
        self.assertAlmostEqual(one.roi_risk_adjusted, 0.1067, places=4)  # always over all scenarios

    def test_example1_and_5(self):
        p = airoi.Project("Visual inspection", horizon=1)
        p.add_cost("System", "infrastructure", amount=380, per="once")
        p.add_value("Savings", "efficiency", amount=540)
        self.assertAlmostEqual(p.evaluate().roi_basic, 0.421, places=3)
        aml = airoi.Project("AML", horizon=1)
        aml.add_value("Losses avoided", "risk", quantity=3500, unit_amount=0.27, per="year")
        self.assertAlmostEqual(aml.evaluate().total_benefits, 945, places=9)

    def test_example4_units_and_fx(self):
        p = airoi.Project("GenAI customer service", currency="TWD", unit=10000, horizon=3,
                          fx={"USD": 32})
        p.add_cost("Model API", "software", quantity=1_000_000, unit_amount=0.002 / 10000, per="month",
                   currency="USD")
        p.add_cost("Platform", "software", amount=5, per="month")
        p.add_cost("Staff", "people", quantity=1.5, unit_amount=8, per="month")
        p.add_cost("Training", "change_management", amount=50, per="once", at=0)
        p.add_value("Agents", "efficiency", quantity=15, unit_amount=4, per="month")
        p.add_value("Revenue", "revenue", amount=480, per="year")
        p.add_value("Risk", "risk", amount=1000, per="year")
        r = p.evaluate()
        self.assertAlmostEqual(r.annual_costs, 297.47, places=2)
        self.assertAlmostEqual(r.annual_benefits, 2200, places=9)
        self.assertAlmostEqual((r.annual_benefits - r.annual_costs) / r.annual_costs, 6.396, places=3)


class TestSettings(unittest.TestCase):
    def test_project_settings(self):
        p = airoi.Project("P")
        self.assertEqual((p.name, p.currency, p.unit, p.start, p.period, p.horizon, p.discount_rate,
                          p.use_case, p.stage), ("P", None, 1.0, None, "year", 1, 0.0, None, "production"))
        p.name = "Q"
        p.currency = "EUR"
        p.unit = 1000
        p.start = "2026-01-01"
        p.period = "quarter"
        p.horizon = 12
        p.discount_rate = 0.1
        p.finance_rate = 0.06
        p.reinvest_rate = 0.12
        p.use_case = "churn_prediction"
        p.stage = "poc"
        self.assertEqual(p.start, datetime.date(2026, 1, 1))
        p.start = datetime.date(2027, 2, 3)
        s = p.settings()
        self.assertEqual(s, {"name": "Q", "currency": "EUR", "unit": 1000.0, "start": datetime.date(2027, 2, 3),
                             "period": "quarter", "horizon": 12, "discount_rate": 0.1, "finance_rate": 0.06,
                             "reinvest_rate": 0.12, "use_case": "churn_prediction", "stage": "poc", "fx": {}})
        p.currency = None
        self.assertIsNone(p.currency)
        with self.assertRaises(airoi.InvalidInputError):
            p.period = "week"
        with self.assertRaises(airoi.InvalidInputError):
            p.discount_rate = -1
        with self.assertRaises(airoi.InvalidInputError):
            p.discount_rate = float("nan")
        with self.assertRaises(TypeError):
            p.horizon = "3"
        with self.assertRaises(TypeError):
            airoi.Project("x", colour="red")
        with self.assertRaises(airoi.InvalidInputError):
            airoi.Project("bad\0name")
        self.assertEqual(p.discount_rate, 0.1)  # a refused value changes nothing

    def test_fx_mapping(self):
        p = airoi.Project("P", currency="TWD", fx={"USD": 32, "EUR": 35})
        self.assertEqual(dict(p.fx), {"USD": 32.0, "EUR": 35.0})
        self.assertEqual(p.fx["USD"], 32)
        self.assertIn("EUR", p.fx)
        self.assertEqual(len(p.fx), 2)
        del p.fx["EUR"]
        with self.assertRaises(KeyError):
            p.fx["EUR"]
        with self.assertRaises(KeyError):
            del p.fx["JPY"]
        p.fx["JPY"] = 0.21
        self.assertEqual(sorted(p.fx), ["JPY", "USD"])
        p.fx = {"GBP": 40}
        self.assertEqual(dict(p.fx), {"GBP": 40.0})
        with self.assertRaises(airoi.InvalidInputError):
            p.fx["USD"] = -1

    def test_cost_item_settings(self):
        p = airoi.Project("P", horizon=5, fx={"USD": 30})
        c = p.add_cost("API", "software", quantity=1000, unit_amount=0.5, per="month", currency="USD",
                       growth=0.03, to=4, risk_adjustment=0.1)
        self.assertIsInstance(c, airoi.CostItem)
        self.assertEqual(c.settings(), {
            "name": "API", "category": "software", "amount": 500.0, "quantity": 1000.0, "unit_amount": 0.5,
            "per": "month", "at": 0, "from": 1, "to": 4, "growth": 0.03, "currency": "USD",
            "payment": "spread", "amounts": None, "risk_adjustment": 0.1})
        self.assertEqual(getattr(c, "from"), 1)
        setattr(c, "from", 2)
        self.assertEqual(c.from_, 2)
        c.amount = 700
        self.assertEqual((c.amount, c.quantity, c.unit_amount), (700.0, None, None))
        c.amounts = [1, 2, 3]
        self.assertEqual(c.amounts, [1.0, 2.0, 3.0])
        c.category = "maintenance"
        self.assertTrue(c.hidden)
        c.name = "API fees"
        self.assertIs(p.costs["API fees"], c)
        c.currency = None
        self.assertIsNone(c.currency)
        with self.assertRaises(AttributeError):
            c.realization = 0.5  # a value-item setting
        with self.assertRaises(AttributeError):
            c.colour = 1
        with self.assertRaises(airoi.InvalidInputError):
            c.category = "snacks"
        with self.assertRaises(airoi.InvalidInputError):
            c.growth = -2

    def test_payment_lump(self):
        # a yearly licence of 1,200 from month 2 and a quarterly value of 300
        # from month 3, paid as lumps in a monthly model (hand-computed)
        p = airoi.Project("P", period="month", horizon=14)
        c = p.add_cost("Licence", "software", amount=1200, per="year", payment="lump", from_=2)
        v = p.add_value("Rebate", "revenue", amount=300, per="quarter", payment="lump", from_=3)
        self.assertEqual((c.payment, v.payment), ("lump", "lump"))
        self.assertEqual(c.settings()["payment"], "lump")
        self.assertEqual(airoi.model.PAYMENTS, ("spread", "lump"))
        s = p.evaluate().schedule
        self.assertEqual([row["costs"] for row in s], [0, 0, 1200] + [0] * 11 + [1200])
        self.assertEqual([row["benefits"] for row in s], [0, 0, 0, 300, 0, 0, 300, 0, 0, 300, 0, 0, 300, 0, 0])
        c.payment = "spread"
        self.assertAlmostEqual(p.evaluate().schedule[5]["costs"], 100.0, places=12)
        with self.assertRaises(airoi.InvalidInputError) as cm:
            c.payment = "upfront"
        self.assertIn("payment: expected one of spread, lump; got 'upfront'", str(cm.exception))
        # a lump on an amount quoted per month is refused when the project is checked
        p.add_cost("Fees", "software", amount=10, per="month", payment="lump")
        with self.assertRaises(airoi.ModelError) as cm:
            p.evaluate()
        self.assertIn("cost item 'Fees': payment: lump pays", str(cm.exception))

    def test_value_item_settings(self):
        p = airoi.Project("P", horizon=4)
        v = p.add_value("Agents", "efficiency", quantity=15, unit_amount=4, per="month", realization=0.5,
                        attribution=0.8, adoption={"curve": "s_curve", "periods": 2, "start": 0.2, "ceiling": 0.9})
        s = v.settings()
        self.assertEqual(s["adoption"], {"curve": "s_curve", "periods": 2, "start": 0.2, "ceiling": 0.9})
        self.assertEqual((s["realization"], s["attribution"], s["monetized"], s["per"]), (0.5, 0.8, False, "month"))
        v.adoption = {"ceiling": 1.0}
        self.assertEqual(v.adoption["ceiling"], 1.0)
        self.assertEqual(v.adoption["curve"], "s_curve")
        v.adoption = None
        self.assertEqual(v.adoption["curve"], "none")
        strategic = p.add_value("Brand", "strategic", amount=10, monetized=True)
        self.assertTrue(strategic.monetized)
        self.assertIsNone(p.add_value("Plain", "risk", amount=1).adoption)
        with self.assertRaises(TypeError):
            v.adoption = {"shape": 2}
        with self.assertRaises(airoi.InvalidInputError):
            v.realization = 1.5
        with self.assertRaises(TypeError):
            p.add_value("X", "revenue", colour=1)
        self.assertNotIn("X", p.values)

    def test_failed_add_adds_nothing(self):
        p = airoi.Project("P")
        p.add_cost("A", "people", amount=1)
        with self.assertRaises(airoi.InvalidInputError):
            p.add_cost("A", "people")  # duplicate name
        with self.assertRaises(airoi.InvalidInputError):
            p.add_cost("B", "people", amount=1, per="fortnight")
        with self.assertRaises(airoi.InvalidInputError):
            p.add_value("C", "revenue", attribution=2)
        self.assertEqual(p.costs.names(), ["A"])
        self.assertEqual(len(p.values), 0)

    def test_scenarios(self):
        p = example2()
        self.assertEqual(p.scenarios.names(), ["best", "base", "worst"])
        worst = p.scenarios["worst"]
        self.assertIs(p.scenarios[2], worst)
        self.assertAlmostEqual(worst.multipliers["values"], 280 / 540)
        worst.delay = 1
        worst.adoption_ceiling = 0.5
        worst.set_multiplier("costs", 1.1)
        self.assertEqual(worst.settings(), {"name": "worst", "probability": 0.3,
                                            "multipliers": {"values": 280 / 540, "costs": 1.1},
                                            "delay": 1, "adoption_ceiling": 0.5})
        worst.multipliers = {}
        self.assertEqual(worst.multipliers, {})
        p.scenarios["base"].probability = 0.4
        with self.assertRaises(airoi.ModelError):
            p.validate()  # probabilities sum to 0.9
        with self.assertRaises(airoi.ModelError):
            p.evaluate()
        p.scenarios["base"].probability = 0.5
        p.validate()
        with self.assertRaises(airoi.NotFoundError):
            p.evaluate("nope")
        with self.assertRaises(airoi.InvalidInputError):
            p.add_scenario("x", 1.5)

    def test_collections(self):
        p = example3()
        self.assertEqual(len(p.costs), 1)
        self.assertEqual(p.values.names(), ["Efficiency", "Revenue", "Risk"])
        self.assertIs(p.values[-1], p.values["Risk"])
        self.assertEqual([v.name for v in p.values[1:]], ["Revenue", "Risk"])
        with self.assertRaises(IndexError):
            p.values[3]
        with self.assertRaises(KeyError):
            p.values["nope"]
        del p.values[0]
        p.remove_value("Risk")
        self.assertEqual(p.values.names(), ["Revenue"])
        self.assertIn("2 values", repr(example3()).replace("3 values", "2 values"))

    def test_clone_is_independent(self):
        p = example3()
        q = p.clone()
        q.values["Revenue"].amounts = [0, 0, 0]
        q.discount_rate = 0.2
        self.assertAlmostEqual(p.evaluate().npv, 425.71, places=2)
        self.assertLess(q.evaluate().npv, 0)
        self.assertEqual(p.discount_rate, 0.08)


class TestResult(unittest.TestCase):
    def test_missing_figures_are_none(self):
        p = airoi.Project("Never pays", horizon=3)
        p.add_cost("Cost", "people", amount=100, per="once")
        r = p.evaluate()
        self.assertIsNone(r.irr)
        self.assertIsNone(r.payback_periods)
        self.assertIsNone(r.discounted_payback_periods)
        self.assertIsNone(r.metrics["irr"])
        self.assertIsNone(r.metric("payback_periods"))
        with self.assertRaises(airoi.NotFoundError):
            r.metric("happiness")
        with self.assertRaises(AttributeError):
            r.happiness

    def test_metric_keys(self):
        r = example3().evaluate()
        for key in ("npv", "irr", "mirr", "roi_basic", "roi_horizon", "roi_risk_adjusted", "expected_npv",
                    "npv_roi", "bcr", "payback_periods", "discounted_payback_periods"):
            self.assertIn(key, r.metrics)
            self.assertEqual(getattr(r, key), r.metrics[key])
        self.assertEqual(list(r.metrics), list(airoi.METRICS))

    def test_tco_schedule_findings(self):
        p = example3()
        p.add_cost("Governance", "data_governance", amount=20)
        r = p.evaluate()
        tco = r.tco
        self.assertEqual(set(tco) >= {"total", "direct", "hidden", "hidden_share", "by_category"}, True)
        self.assertAlmostEqual(tco["total"], 830 + 60)
        self.assertAlmostEqual(tco["hidden"], 60)
        self.assertAlmostEqual(tco["hidden_share"], 60 / 890)
        self.assertEqual(tco["by_category"]["data_governance"], 60)
        self.assertEqual(list(tco["by_category"]), list(airoi.CATEGORIES))
        self.assertEqual(r.value["by_dimension"]["revenue"], 430)
        row = r.schedule[1]
        for key in ("period", "costs", "benefits", "net", "cumulative", "discounted"):
            self.assertIn(key, row)
        self.assertEqual((row["period"], row["costs"], row["costs_by_category"]["data_governance"]), (1, 200, 20))
        self.assertEqual([(f["code"], f["severity"], f["subject"]) for f in r.findings], [
            ("MAINTENANCE_MISSING", "warning", "maintenance"),
            ("HIDDEN_SHARE_LOW", "critical", None),
            ("CATEGORY_BELOW_REFERENCE", "info", "infrastructure"),
            ("CATEGORY_BELOW_REFERENCE", "info", "data"),
            ("CATEGORY_BELOW_REFERENCE", "info", "software"),
            ("CHANGE_UNDERFUNDED", "warning", "change_management"),
            ("FAILURE_BUDGET_PATTERN", "warning", None),
            ("LABOUR_AS_CASH", "warning", "Efficiency"),
        ])
        self.assertEqual(set(r.findings[0]), {"code", "severity", "message", "subject", "actual", "reference"})
        r.tco["total"] = 0  # copies: the result does not change
        self.assertAlmostEqual(r.tco["total"], 890)

    def test_honest_and_benchmark(self):
        p = example2()
        plain, honest = p.evaluate(), p.evaluate(honest=True)
        self.assertFalse(plain.honest)
        self.assertTrue(honest.honest)
        self.assertGreater(honest.tco["total"], plain.tco["total"])
        # the honest estimate keeps its plan, and its report shows both
        self.assertIsNone(plain.plan)
        self.assertEqual(honest.plan.tco["total"], plain.tco["total"])
        self.assertEqual(honest.plan.npv, plain.npv)
        side = json.loads(honest.report("json", "honest"))["plan_vs_honest"]["metrics"]["tco_total"]
        self.assertEqual((side["plan"], side["honest"]), (plain.tco["total"], honest.tco["total"]))
        self.assertAlmostEqual(side["change"], honest.tco["total"] - plain.tco["total"], places=9)
        b = plain.benchmark
        self.assertEqual((b["use_case"], b["dimensions"]), ("customer_service", ["efficiency", "revenue"]))
        # annualised ROI (540 - 450) / 450 = 0.2 (a one-year model) is below 40%-120%;
        # payback 450 / 540 years = 10 months is on the lower bound of 10-18, which is
        # within; 450 within 200-800.
        self.assertEqual(b["roi"], {"figure": "roi_annualised", "label": "annualised ROI",
                                    "low": 0.4, "high": 1.2, "value": 0.2, "position": "below"})
        self.assertEqual(b["payback_months"], {"figure": "payback_periods", "label": "payback (months)",
                                               "low": 10.0, "high": 18.0, "value": 10.0,
                                               "position": "within"})
        self.assertEqual(b["investment"], {"figure": "tco_total", "label": "investment (10,000 TWD)",
                                           "low": 200.0, "high": 800.0, "value": 450.0,
                                           "position": "within"})
        self.assertIsNone(example3().evaluate().benchmark)

    def test_result_is_a_snapshot(self):
        p = example3()
        r = p.evaluate()
        p.values["Revenue"].amounts = [0, 0, 0]
        p.name = "changed"
        self.assertAlmostEqual(r.npv, 425.71, places=2)
        self.assertEqual(r.to_dict()["project"]["name"], "Three-year case")

    def test_reports_keep_the_settings_of_the_evaluation(self):
        p = example3()
        p.use_case = "customer_service"
        r = p.evaluate()
        before = {f: r.report(f) for f in ("text", "json", "csv", "md")}
        doc = r.to_dict()
        self.assertEqual(r.settings["discount_rate"], 0.08)
        p.discount_rate = 0.5
        p.currency = "EUR"
        p.name = "changed"
        p.use_case = None
        p.remove_value("Revenue")
        self.assertEqual({f: r.report(f) for f in ("text", "json", "csv", "md")}, before)
        self.assertEqual(r.to_dict(), doc)
        self.assertEqual(r.settings["currency"], "TWD")
        self.assertEqual(r.benchmark["use_case"], "customer_service")
        p.close()
        self.assertEqual(r.to_json(), before["json"])

    def test_schedule_from_arrays(self):
        s = airoi.Schedule.from_arrays([350, 180, 150, 150], [0, 300, 490, 620], 0.08)
        self.assertEqual(len(s), 4)
        self.assertEqual(s.net, [-350, 120, 340, 470])
        self.assertEqual(s.cumulative, [-350, -230, 110, 580])
        self.assertAlmostEqual(sum(s.discounted), 425.71, places=2)
        self.assertAlmostEqual(s.rate, 0.08)
        self.assertEqual(s.to_list()[0]["period"], 0)
        self.assertEqual(s.clone().net, s.net)
        with self.assertRaises(airoi.InvalidInputError):
            airoi.Schedule.from_arrays([1, 2], [1], 0.1)
        with self.assertRaises(airoi.InvalidInputError):
            airoi.Schedule.from_arrays([1, float("inf")], [1, 2], 0.1)
        with self.assertRaises(TypeError):
            airoi.Schedule()
        r = example3().evaluate()
        sched = r.to_schedule()
        self.assertEqual(sched.by_dimension("revenue"), [0, 60, 150, 220])
        self.assertEqual(sched.by_category("people"), [350, 180, 150, 150])

    @unittest.skipIf(pandas is None, "pandas is not installed (Debian: python3-pandas)")
    def test_to_pandas(self):
        r = example3().evaluate()
        frame = r.to_pandas()
        self.assertEqual(list(frame["net"]), [-350, 120, 340, 470])
        self.assertEqual(frame.index.name, "period")
        self.assertAlmostEqual(frame.attrs["metrics"]["npv"], 425.71, places=2)
        s = airoi.Schedule.from_arrays([1, 2], [3, 4], 0.1).to_pandas()
        self.assertEqual(list(s.columns), list(airoi.model.SCHEDULE_COLUMNS))


if __name__ == "__main__":
    unittest.main()
