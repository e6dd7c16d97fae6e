"""One rule, one wording: a value the library's parameter table refuses gets
the same words from a Python setter (through the C setter) and from a model
file (through the loader); only the subject differs."""

import unittest

import airoi

CASES = [
    ("realization", 1.5, "1.5", "expected a share in [0, 1]; got 1.5"),
    ("growth", -1, "-1", "expected an annual growth rate greater than -1 (e.g. 0.03); got -1"),
    ("attribution", -0.25, "-0.25", "expected a share in [0, 1]; got -0.25"),
]

MODEL = """airoi: 1
project: {name: words, horizon: 3}
values:
  - name: Gain
    dimension: revenue
    amount: 1
    %s: %s
"""


class TestSameWords(unittest.TestCase):
    def test_setter_and_file(self):
        for key, value, text, why in CASES:
            with self.subTest(key=key):
                p = airoi.Project("words", horizon=3)
                item = p.add_value("Gain", "revenue", amount=1)
                with self.assertRaises(airoi.InvalidInputError) as cm:
                    setattr(item, key, value)
                self.assertEqual(str(cm.exception), "value item 'Gain': %s: %s" % (key, why))
                with self.assertRaises(airoi.ParseError) as cm:
                    airoi.Project.from_yaml(MODEL % (key, text))
                messages = [d.message for d in cm.exception.diagnostics]
                self.assertIn("values[0].%s: %s" % (key, why), messages)

    def test_rule_between_values(self):
        """The validator's words: from the API by name, from a file by place."""
        p = airoi.Project("words", horizon=3)
        p.add_cost("Build", "people", amount=1, **{"from": 5})
        with self.assertRaises(airoi.ModelError) as cm:
            p.validate()
        self.assertEqual(str(cm.exception),
                         "cost item 'Build': from: period 5 is outside the horizon 0..3")
        with self.assertRaises(airoi.ModelError) as cm:
            airoi.Project.from_yaml("airoi: 1\nproject: {name: words, horizon: 3}\n"
                                    "costs:\n  - {name: Build, category: people, amount: 1, from: 5}\n")
        self.assertIn("costs[0].from: period 5 is outside the horizon 0..3",
                      [d.message for d in cm.exception.diagnostics])

    def test_enumeration_names(self):
        with self.assertRaises(airoi.InvalidInputError) as py:
            airoi.Project("words").add_cost("Build", "peple")
        self.assertTrue(str(py.exception).startswith("category: expected one of people, "))
        with self.assertRaises(airoi.ParseError) as cm:
            airoi.Project.from_yaml("airoi: 1\nproject: {name: words}\n"
                                    "costs:\n  - {name: Build, category: peple, amount: 1}\n")
        self.assertEqual(cm.exception.diagnostics[0].message, "costs[0]." + str(py.exception))


if __name__ == "__main__":
    unittest.main()
