"""Plausibility warnings (docs/model-format.md#plausibility-warnings): loading
a model and Project.validate() issue airoi.PlausibilityWarning through
warnings.warn, one per warning, with the library's text; the model still
evaluates."""

import unittest
import warnings

import airoi

HEAD = "airoi: 1\nproject:\n  name: P\n  currency: TWD\n"
BUILD = "costs:\n  - {name: Build, category: people, amount: 350, per: once}\n"
GAIN = "values:\n  - {name: Gain, dimension: efficiency, amount: 200, per: year}\n"

# (model, message of its one warning in the file, the same through the API)
CASES = [
    (HEAD + "  horizon: 3\n  discount_rate: 10\n" + BUILD + GAIN,
     "w.yaml:6:18: warning: project.discount_rate: 10 means 1000% a year; did you mean 0.10?",
     "warning: project 'P': discount_rate: 10 means 1000% a year; did you mean 0.10?"),
    (HEAD + "  horizon: 3\n  finance_rate: 8\n" + BUILD + GAIN,
     "w.yaml:6:17: warning: project.finance_rate: 8 means 800% a year; did you mean 0.08?",
     "warning: project 'P': finance_rate: 8 means 800% a year; did you mean 0.08?"),
    (HEAD + "  horizon: 3\n  reinvest_rate: 6\n" + BUILD + GAIN,
     "w.yaml:6:18: warning: project.reinvest_rate: 6 means 600% a year; did you mean 0.06?",
     "warning: project 'P': reinvest_rate: 6 means 600% a year; did you mean 0.06?"),
    (HEAD + "  horizon: 3\n" + BUILD
     + "values:\n  - {name: Gain, dimension: efficiency, amount: 200, growth: 5}\n",
     "w.yaml:9:62: warning: values[0].growth: 5 means 500% a year; did you mean 0.05?",
     "warning: value item 'Gain': growth: 5 means 500% a year; did you mean 0.05?"),
    (HEAD + "  horizon: 51\n" + BUILD + GAIN,
     "w.yaml:5:12: warning: project.horizon: 51 yearly periods are 51 years; if the periods "
     "are months, set period: month (a yearly model rarely looks further than 50 years)",
     "warning: project 'P': horizon: 51 yearly periods are 51 years"),
    (HEAD + "  horizon: 3\nfx: {USD: 32, TWD: 1.5}\n" + BUILD + GAIN,
     "w.yaml:6:15: warning: fx.TWD: TWD is the project's own currency: its rate is always 1, "
     "so this entry (rate 1.5) is ignored; remove it",
     "warning: project 'P': fx.TWD: TWD is the project's own currency"),
    ("airoi: 1\nproject:\n  name: P\n  currency: eur\n  horizon: 3\n" + BUILD + GAIN,
     "w.yaml:4:13: warning: project.currency: 'eur' is not an ISO 4217 currency code; did you "
     "mean EUR?",
     "warning: project 'P': currency: 'eur' is not an ISO 4217 currency code; did you mean EUR?"),
    (HEAD + "  horizon: 3\nfx: {XYZ: 2}\n" + BUILD + GAIN,
     "w.yaml:6:6: warning: fx.XYZ: 'XYZ' is not an ISO 4217 currency code",
     "warning: project 'P': fx.XYZ: 'XYZ' is not an ISO 4217 currency code"),
    (HEAD + "  horizon: 3\n" + BUILD + "values:\n",
     "w.yaml:8:1: warning: values: the project has no value items: ROI, NPV and payback count "
     "its costs only; list its benefits under values",
     "warning: project 'P': values: the project has no value items"),
    (HEAD + "  horizon: 3\n" + BUILD + "values:\n  - {name: Gain, dimension: risk, amount: -9}\n",
     "w.yaml:9:43: warning: values[0].amount: -9 is a negative value; model a dis-benefit",
     "warning: value item 'Gain': amount: -9 is a negative value"),
    (HEAD + "  horizon: 3\n"
     + "costs:\n  - {name: Ops, category: maintenance, amount: -20, per: year}\n" + GAIN,
     "w.yaml:7:48: warning: costs[0].amount: -20 is a negative recurring cost; model a saving "
     "as a value item of dimension efficiency",
     "warning: cost item 'Ops': amount: -20 is a negative recurring cost"),
]


class TestPlausibilityWarnings(unittest.TestCase):
    def test_class(self):
        self.assertTrue(issubclass(airoi.PlausibilityWarning, airoi.ModelWarning))
        self.assertTrue(issubclass(airoi.ModelWarning, UserWarning))
        self.assertIn("PlausibilityWarning", airoi.__all__)

    def test_each_warning_when_loading_and_validating(self):
        for model, in_file, in_api in CASES:
            with self.subTest(in_file):
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    p = airoi.Project.from_yaml(model, "w.yaml")
                self.assertEqual(len(caught), 1, [str(w.message) for w in caught])
                w = caught[0]
                self.assertIs(w.category, airoi.PlausibilityWarning)
                self.assertTrue(str(w.message).startswith(in_file), str(w.message))
                self.assertEqual(w.filename, __file__)  # points at the caller
                self.assertTrue(w.message.diagnostic.is_warning)
                self.assertEqual([d.text for d in p.diagnostics], [str(w.message)])

                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    found = p.validate()
                self.assertEqual(len(caught), 1, [str(w.message) for w in caught])
                self.assertIs(caught[0].category, airoi.PlausibilityWarning)
                self.assertTrue(str(caught[0].message).startswith(in_api), str(caught[0].message))
                self.assertEqual(caught[0].filename, __file__)
                self.assertEqual([d.message for d in found], [str(caught[0].message)])
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    self.assertIsNotNone(p.evaluate().npv)

    def test_built_in_python(self):
        p = airoi.Project("Q", currency="TWD", horizon=3, discount_rate=12)
        p.add_cost("Build", "people", amount=100, per="once")
        p.add_value("Gain", "efficiency", amount=80, per="year")
        with self.assertWarns(airoi.PlausibilityWarning) as cm:
            p.validate()
        self.assertEqual(str(cm.warning),
                         "warning: project 'Q': discount_rate: 12 means 1200% a year; "
                         "did you mean 0.12?")
        p.discount_rate = 0.12
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            self.assertEqual(p.validate(), [])

    def test_refund_is_quiet(self):
        model = (HEAD + "  horizon: 3\n" + BUILD
                 + "  - {name: Refund, category: software, amount: -50, per: once, at: 2}\n" + GAIN)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            p = airoi.Project.from_yaml(model)
            self.assertEqual(p.validate(), [])

    def test_warnings_can_be_errors(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error", airoi.PlausibilityWarning)
            with self.assertRaises(airoi.PlausibilityWarning):
                airoi.Project.from_yaml(CASES[0][0], "w.yaml")

    def test_errors_still_raise(self):
        model = (HEAD + "  horizon: 3\nfx: {USD: 32}\n"
                 + "costs:\n  - {name: B, category: people, amount: 1, currency: usd}\n" + GAIN)
        with self.assertRaises(airoi.ModelError) as cm:
            airoi.Project.from_yaml(model, "e.yaml")
        self.assertIn("currency 'usd' has no rate in fx; did you mean USD?", str(cm.exception))
        p = airoi.Project("E", currency="TWD")
        p.add_cost("B", "people", amount=1, currency="usd")
        p.add_value("G", "risk", amount=1)
        with self.assertRaises(airoi.ModelError) as cm:
            p.validate()
        self.assertEqual(str(cm.exception), "cost item 'B': currency: currency 'usd' has no "
                                            "rate in fx; did you mean USD? (it needs a rate "
                                            "too: fx: {USD: RATE})")

    def test_indicator_without_threshold_is_a_plausibility_warning(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            airoi.Project.from_yaml(HEAD + "  horizon: 3\n" + BUILD + GAIN
                                    + "indicators: [{name: a, target: 1}]\n", "s.yaml")
        self.assertEqual([w.category for w in caught], [airoi.PlausibilityWarning])

    def test_indentation_hint(self):
        with self.assertRaises(airoi.ParseError) as cm:
            airoi.Project.from_yaml("airoi: 1\nproject:\n  name: x\n   horizon: 3\n", "i.yaml")
        self.assertEqual(cm.exception.line, 4)
        self.assertIn("hint: check the indentation of line 4", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
