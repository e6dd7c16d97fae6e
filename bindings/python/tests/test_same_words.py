"""One rule, one wording: a value the library refuses gets the same words
from Python (through the C setters and readers), from a model file (through
the loader) and from the Excel add-in; only the subject differs.

The same cases are checked in C against the loader (tests/unit/test-io.c,
test_same_words and test_same_words_everywhere) and through the Excel add-in
(tests/xll/xll-host.c, AIROI.CHECK). The exception reads
"<subject>: <key>: <why>" (the C library's airoi_last_error_message()), the
loader's diagnostic "<path>: <why>" (after its file:line:col).
"""

import ctypes
import unittest

import airoi
from airoi._lib import C

SETTER_CASES = [
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


class TestSetterAndFile(unittest.TestCase):
    def test_setter_and_file(self):
        for key, value, text, why in SETTER_CASES:
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

CATEGORY_WHY = ("expected one of people, infrastructure, software, data, data_governance, "
                "integration, change_management, maintenance, opportunity; got 'peeple'")
RUN = "costs:\n  - name: Run\n    category: people\n    amount: 1\n"
GAIN = "values:\n  - name: Gain\n    dimension: revenue\n    amount: 1\n"


def model(project="  horizon: 3\n", rest=RUN):
    return "airoi: 1\nproject:\n  name: words\n" + project + rest


def words_project():
    p = airoi.Project("words", horizon=3)
    p.add_cost("Run", "people", amount=1)
    return p


def set_item(kind, key, value):
    def act():
        p = words_project()
        item = p.add_value("Gain", "revenue", amount=1) if kind == "value" else p.costs["Run"]
        setattr(item, key, value)
    return act


def evaluate_with(**settings):
    def act():
        p = words_project()
        for key, value in settings.items():
            setattr(p.costs["Run"], key, value)
        p.evaluate()
    return act


def set_project(key, value):
    def act():
        setattr(words_project(), key, value)
    return act


def add_duplicate():
    words_project().add_cost("Run", "people", amount=1)


def add_scenario():
    words_project().add_scenario("Bad", probability=1.5)


# (label, Python action, C subject and key, model text, loader path, why, loader tail)
CASES = [
    ("realization 1.5", set_item("value", "realization", 1.5), "value item 'Gain': realization",
     model(rest=GAIN + "    realization: 1.5\n"), "values[0].realization",
     "expected a share in [0, 1]; got 1.5", ""),
    ("growth -1", set_item("cost", "growth", -1), "cost item 'Run': growth",
     model(rest=RUN + "    growth: -1\n"), "costs[0].growth",
     "expected an annual growth rate greater than -1 (e.g. 0.03); got -1", ""),
    ("negative horizon", set_project("horizon", -1), "project 'words': horizon",
     model(project="  horizon: -1\n"), "project.horizon",
     "expected a whole number of periods >= 0; got -1", ""),
    ("discount rate -1", set_project("discount_rate", -1), "project 'words': discount_rate",
     model(project="  horizon: 3\n  discount_rate: -1\n"), "project.discount_rate",
     "expected an annual rate greater than -1 (e.g. 0.08); got -1", ""),
    ("probability 1.5", add_scenario, "scenario 'Bad': probability",
     model(rest=RUN + "scenarios:\n  - name: Bad\n    probability: 1.5\n"),
     "scenarios[0].probability", "expected a share in [0, 1]; got 1.5", ""),
    ("currency without fx", evaluate_with(currency="USD"), "cost item 'Run': currency",
     model(rest=RUN + "    currency: USD\n"), "costs[0].currency",
     "currency 'USD' has no rate in fx (add e.g. fx: {USD: RATE})", ""),
    ("to before from", evaluate_with(from_=2, to=1), "cost item 'Run': to",
     model(rest=RUN + "    from: 2\n    to: 1\n"), "costs[0].to",
     "last period 1 is before the first period 2", ""),
    ("at past the horizon", evaluate_with(per="once", at=5), "cost item 'Run': at",
     model(rest=RUN + "    per: once\n    at: 5\n"), "costs[0].at",
     "period 5 is outside the horizon 0..3", ""),
    ("duplicate item name", add_duplicate, "cost item 'Run': name",
     model(rest=RUN + "  - name: Run\n    category: people\n"), "costs[1].name",
     "duplicate item name 'Run'; item names must be unique across costs and values",
     " (first used at line 6)"),
    ("unknown category", lambda: words_project().add_cost("Two", "peeple"), "category",
     model(rest=RUN + "  - name: Two\n    category: peeple\n"), "costs[1].category",
     CATEGORY_WHY, ""),
]


class TestEveryInterface(unittest.TestCase):
    def test_python_and_loader_agree(self):
        for label, act, subject, text, path, why, tail in CASES:
            with self.subTest(label):
                with self.assertRaises(airoi.Error) as python:
                    act()
                self.assertEqual(str(python.exception), "%s: %s" % (subject, why))
                with self.assertRaises(airoi.Error) as loaded:
                    airoi.Project.from_yaml(text, "words.yaml")
                messages = [d.message for d in loaded.exception.diagnostics]
                self.assertEqual(messages, ["%s: %s%s" % (path, why, tail)])
                # The loader's text is the same diagnostic after file:line:col.
                first = loaded.exception.diagnostics[0]
                self.assertEqual(str(loaded.exception),
                                 "words.yaml:%d:%d: %s" % (first.line, first.column, messages[0]))

    def test_python_passes_the_c_message_on(self):
        # The exception text is airoi_last_error_message() of the C call, not
        # a Python copy: call the C reader of a spelling directly.
        out = ctypes.c_int(-1)
        status = C.airoi_category_from_name(ctypes.byref(out), b"peeple")
        c_message = C.airoi_last_error_message().decode("utf-8")
        self.assertEqual(status, -1)
        self.assertEqual(c_message, "category: " + CATEGORY_WHY)
        with self.assertRaises(airoi.InvalidInputError) as python:
            words_project().add_cost("Two", "peeple")
        self.assertEqual(str(python.exception), c_message)


if __name__ == "__main__":
    unittest.main()


class TestRefusedLikeTheLoader(unittest.TestCase):
    """Inputs a model file refuses are refused by the Python setters too,
    in the loader's words (no silent 'no ramp' or 'no amounts')."""

    def loader_messages(self, line):
        with self.assertRaises(airoi.ParseError) as cm:
            airoi.Project.from_yaml("airoi: 1\nproject: {name: words, horizon: 3}\n"
                                    "values:\n  - {name: Gain, dimension: revenue, %s}\n" % line)
        return [d.message for d in cm.exception.diagnostics]

    def check(self, key, value, line, **settings):
        p = airoi.Project("words", horizon=3)
        item = p.add_value("Gain", "revenue", amount=1)
        with self.assertRaises(airoi.InvalidInputError) as cm:
            setattr(item, key, value)
        prefix = "value item 'Gain': "
        self.assertTrue(str(cm.exception).startswith(prefix), str(cm.exception))
        why = str(cm.exception)[len(prefix):]
        self.assertIn("values[0].%s" % why, self.loader_messages(line))
        with self.assertRaises(airoi.InvalidInputError) as cm:
            p.add_value("Other", "revenue", **{key: value})
        self.assertEqual(str(cm.exception), "value item 'Other': " + why)
        self.assertEqual([v.name for v in p.values], ["Gain"])  # not added
        return why

    def test_adoption_without_curve(self):
        why = self.check("adoption", {"periods": 2, "start": 0.5}, "adoption: {periods: 2, start: 0.5}")
        self.assertEqual(why, "adoption: missing required key 'curve' (one of none, linear, s_curve, step)")

    def test_empty_amounts(self):
        why = self.check("amounts", [], "amounts: []")
        self.assertTrue(why.startswith("amounts: expected at least one amount"), why)

    def test_what_stays_allowed(self):
        p = airoi.Project("words", horizon=3)
        item = p.add_value("Gain", "revenue", amounts=[1, 2], adoption={"curve": "linear", "periods": 2})
        item.adoption = {"periods": 3}  # the curve is set: missing keys keep their values
        self.assertEqual(item.adoption["curve"], "linear")
        self.assertEqual(item.adoption["periods"], 3)
        item.adoption = None  # removes the ramp
        # What the getter reads back once the ramp is removed (as test_model.py pins).
        self.assertEqual(item.adoption, {"curve": "none", "periods": 0, "start": 0.0, "ceiling": 1.0})
        item.amounts = None  # clears the list
        self.assertIsNone(item.amounts)


class TestItemMappingLikeTheFile(unittest.TestCase):
    """add_cost/add_value read their settings as the loader reads an item."""

    def test_at_without_per_is_one_time(self):
        p = airoi.Project("words", horizon=3)
        c = p.add_cost("Setup", "integration", amount=100, at=2)
        p.add_value("Gain", "revenue", amount=60)
        self.assertEqual(c.per, "once")
        q = airoi.Project.from_yaml("airoi: 1\nproject: {name: words, horizon: 3}\n"
                                    "costs:\n  - {name: Setup, category: integration, amount: 100, at: 2}\n"
                                    "values:\n  - {name: Gain, dimension: revenue, amount: 60}\n")
        self.assertEqual(q.costs["Setup"].per, "once")
        self.assertEqual(p.evaluate().to_schedule().costs, q.evaluate().to_schedule().costs)
        self.assertEqual(p.to_yaml(), q.to_yaml())

    def test_refused_item_is_not_added(self):
        p = airoi.Project("words", horizon=3)
        with self.assertRaises(airoi.InvalidInputError) as cm:
            p.add_cost("Run", "people", amount=1, per="month", at=2)
        self.assertEqual(str(cm.exception), "cost item 'Run': at: 'at' is the period of a one-time amount"
                                            " (per: once); a recurring amount uses from and to")
        with self.assertRaises(airoi.InvalidInputError) as cm:
            p.add_cost("Run", "people", amount=1, per="once", to=2)
        self.assertEqual(str(cm.exception), "cost item 'Run': to: from and to apply to recurring amounts;"
                                            " a one-time amount is paid at 'at'")
        with self.assertRaises(airoi.InvalidInputError):
            p.add_value("Gain", "revenue", amounts=[1, 2], quantity=2, unit_amount=3)
        self.assertEqual((len(p.costs), len(p.values)), (0, 0))

    def test_types_in_the_loaders_words(self):
        p = airoi.Project("words", horizon=3)
        v = p.add_value("Gain", "strategic", amount=1)
        for key, value, got in [("amount", True, "True"), ("growth", None, "None"), ("amount", "5", "'5'")]:
            with self.assertRaises(TypeError) as cm:
                setattr(v, key, value)
            self.assertEqual(str(cm.exception), "value item 'Gain': %s: expected a number; got %s" % (key, got))
        with self.assertRaises(TypeError) as cm:
            v.monetized = 1
        self.assertEqual(str(cm.exception), "value item 'Gain': monetized: expected true or false; got 1")
        v.monetized = True
        self.assertTrue(v.monetized)
        with self.assertRaises(airoi.InvalidInputError) as cm:  # not OverflowError
            v.amount = 10 ** 400
        self.assertEqual(str(cm.exception), "value item 'Gain': amount: expected a finite number; got an"
                                            " integer of 401 digits, which overflows a double")
        with self.assertRaises(TypeError) as cm:
            p.horizon = True
        self.assertEqual(str(cm.exception), "project 'words': horizon: expected a number; got True")
        with self.assertRaises(airoi.InvalidInputError) as cm:
            p.start = "2026-02-30"
        self.assertEqual(str(cm.exception), "project 'words': start: expected a date YYYY-MM-DD (ISO 8601)"
                                            " that exists; got '2026-02-30'")
