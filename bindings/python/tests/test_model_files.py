"""Model files: the worked examples of docs/examples, the same numbers as the
airoi command's JSON, error mapping with file/line/column, YAML round trip."""

import glob
import json
import os
import subprocess
import tempfile
import unittest

import airoi

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
EXAMPLES = os.path.join(ROOT, "docs", "examples")
INVALID = os.path.join(ROOT, "tests", "data", "invalid")
CLI = os.environ.get("AIROI_CLI")
HAVE_EXAMPLES = os.path.exists(os.path.join(EXAMPLES, "example3-three-year.yaml"))
HAVE_CLI = bool(CLI) and os.path.exists(CLI or "")


def example(name):
    return os.path.join(EXAMPLES, name)


def run_cli(*args):
    return subprocess.run([CLI] + list(args), capture_output=True, timeout=60)


BROKEN = """airoi: 1
project:
  name: Broken
  horizon: 3
costs:
  - name: A
    category: snacks
    amount: 10
values:
  - name: B
    dimension: revenue
    amount: .nan
"""


@unittest.skipUnless(HAVE_EXAMPLES, "docs/examples/*.yaml are not beside the package")
class TestExamples(unittest.TestCase):
    def test_example3(self):
        p = airoi.Project.load(example("example3-three-year.yaml"))
        self.assertEqual(p.diagnostics, [])
        r = p.evaluate()
        self.assertAlmostEqual(r.npv, 425.71, places=2)
        self.assertAlmostEqual(r.irr, 0.5399, places=4)
        self.assertAlmostEqual(r.payback_periods, 1.676, places=3)
        self.assertAlmostEqual(r.discounted_payback_periods, 1.820, places=3)
        self.assertAlmostEqual(r.roi_horizon, 0.699, places=3)
        self.assertAlmostEqual(r.npv_roi, 0.557, places=3)
        self.assertEqual([row["net"] for row in r.schedule], [-350, 120, 340, 470])

    def test_example2(self):
        r = airoi.Project.load(example("example2-customer-service.yaml")).evaluate()
        self.assertAlmostEqual(r.roi_basic, 0.20, places=10)
        self.assertAlmostEqual(r.roi_risk_adjusted, 0.1067, places=4)
        self.assertEqual([(s.name, s.probability) for s in r.scenarios],
                         [("best", 0.2), ("base", 0.5), ("worst", 0.3)])

    def test_loaded_equals_built(self):
        from test_model import example3

        loaded = airoi.Project.load(example("example3-three-year.yaml")).evaluate()
        built = example3().evaluate()
        for key in ("npv", "irr", "mirr", "roi_horizon", "npv_roi", "bcr", "payback_periods",
                    "discounted_payback_periods"):
            self.assertAlmostEqual(loaded.metrics[key], built.metrics[key], places=12, msg=key)

    def test_to_dict_equals_c_json_report(self):
        for path in sorted(glob.glob(os.path.join(EXAMPLES, "*.yaml"))):
            p = airoi.Project.load(path)
            for scenario in [None] + p.scenarios.names():
                for honest in (False, True):
                    with self.subTest(path=os.path.basename(path), scenario=scenario, honest=honest):
                        self.assertEqual(p.evaluate(scenario, honest).to_dict(),
                                         json.loads(p.report("json", scenario, honest)))

    def test_yaml_round_trip(self):
        paths = sorted(glob.glob(os.path.join(EXAMPLES, "*.yaml")))
        paths += sorted(glob.glob(os.path.join(ROOT, "tests", "data", "roundtrip", "*.yaml")))
        for path in paths:
            with self.subTest(path=os.path.basename(path)):
                p = airoi.Project.load(path)
                text = p.to_yaml()
                q = airoi.Project.from_yaml(text)
                self.assertEqual(q.to_yaml(), text)
                self.assertEqual(q.evaluate().to_dict(), p.evaluate().to_dict())
                self.assertEqual([c.settings() for c in q.costs], [c.settings() for c in p.costs])
                self.assertEqual([v.settings() for v in q.values], [v.settings() for v in p.values])
                self.assertEqual([s.settings() for s in q.scenarios], [s.settings() for s in p.scenarios])
                self.assertEqual(q.settings(), p.settings())

    def test_built_in_python_round_trips(self):
        from test_model import example2

        p = example2()
        p.start = "2026-01-01"
        p.fx["USD"] = 32
        p.add_value("Ramp", "efficiency", amount=10, per="month", currency="USD", growth=0.02,
                    adoption={"curve": "linear", "periods": 1, "start": 0.5, "ceiling": 0.9})
        q = airoi.Project.from_yaml(p.to_yaml())
        self.assertEqual(q.settings(), p.settings())
        self.assertEqual(q.values["Ramp"].settings(), p.values["Ramp"].settings())
        self.assertEqual(q.evaluate().to_dict(), p.evaluate().to_dict())
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "model.yaml")
            p.save(path)
            self.assertEqual(airoi.Project.load(path).to_yaml(), p.to_yaml())


class TestErrors(unittest.TestCase):
    def test_warnings_and_errors_are_told_apart(self):
        """airoi_diagnostics_get_status: a warning has status 0, an error its status."""
        p = airoi.Project.from_yaml(
            "airoi: 1\nproject: {name: W, horizon: 1}\nindicators: [{name: a, target: 1}]\n", "w.yaml")
        self.assertEqual([(d.status, d.is_warning) for d in p.diagnostics], [(0, True)])
        with self.assertRaises(airoi.ParseError) as cm:
            airoi.Project.from_yaml(
                "airoi: 1\nproject: {name: W, horizon: -1}\nindicators: [{name: a, target: 1}]\n", "w.yaml")
        kinds = [(d.status, d.is_warning) for d in cm.exception.diagnostics]
        self.assertEqual(kinds, [(-7, False), (0, True)])  # -7: AIROI_ERR_PARSE

    def test_parse_error_has_location_and_every_diagnostic(self):
        with self.assertRaises(airoi.ParseError) as cm:
            airoi.Project.from_yaml(BROKEN, "broken.yaml")
        e = cm.exception
        self.assertIsInstance(e, airoi.ModelError)
        self.assertIsInstance(e, ValueError)
        self.assertEqual((e.file, e.line, e.column), ("broken.yaml", 7, 15))
        self.assertGreaterEqual(len(e.diagnostics), 2)
        lines = [d.line for d in e.diagnostics]
        self.assertIn(12, lines)  # the NaN, five lines below the first problem
        for d in e.diagnostics:
            self.assertEqual(d.file, "broken.yaml")
            self.assertTrue(str(d).startswith("broken.yaml:%d:%d: " % (d.line, d.column)), str(d))
        self.assertIn("snacks", e.diagnostics[0].message)
        self.assertEqual(e.status_name, "AIROI_ERR_PARSE")

    def test_load_file_error_names_the_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad.yaml")
            with open(path, "w") as f:
                f.write("airoi: 1\nproject:\n  name: X\n  horizon: three\n")
            with self.assertRaises(airoi.ParseError) as cm:
                airoi.Project.load(path)
            self.assertEqual((cm.exception.file, cm.exception.line, cm.exception.column), (path, 4, 12))
            self.assertIn(path, str(cm.exception))

    def test_model_error(self):
        text = "airoi: 1\nproject: {name: X}\nscenarios: [{name: a, probability: 0.5}]\n"
        with self.assertRaises(airoi.ModelError) as cm:
            airoi.Project.from_yaml(text, "p.yaml")
        self.assertEqual(cm.exception.file, "p.yaml")
        self.assertIsNotNone(cm.exception.line)
        self.assertTrue(cm.exception.diagnostics)

    def test_missing_file(self):
        with self.assertRaises(airoi.FileError) as cm:
            airoi.Project.load("/nonexistent/model.yaml")
        self.assertIsInstance(cm.exception, OSError)
        self.assertIn("/nonexistent/model.yaml", str(cm.exception))

    def test_pickles_with_diagnostics(self):
        import pickle

        with self.assertRaises(airoi.ParseError) as cm:
            airoi.Project.from_yaml(BROKEN, "broken.yaml")
        e = pickle.loads(pickle.dumps(cm.exception))
        self.assertEqual((type(e), e.line, len(e.diagnostics)),
                         (airoi.ParseError, 7, len(cm.exception.diagnostics)))

    @unittest.skipUnless(os.path.isdir(INVALID), "tests/data/invalid is not beside the package")
    def test_invalid_corpus_raises_model_errors(self):
        for path in sorted(glob.glob(os.path.join(INVALID, "*.yaml"))):
            with self.subTest(path=os.path.basename(path)):
                with open(os.path.splitext(path)[0] + ".expected", encoding="utf-8") as f:
                    expected = f.read().strip().splitlines()[0]
                # STATUS LINE:COL: a substring of the message (as tests/unit/test-io.c reads it)
                status, where, message = expected.split(" ", 2)
                with self.assertRaises(airoi.Error) as cm:
                    airoi.Project.load(path)
                e = cm.exception
                self.assertIs(type(e), {"parse": airoi.ParseError, "model": airoi.ModelError,
                                        "limit": airoi.LimitError}[status])
                prefix = "%s:%s " % (path, where)
                self.assertTrue(any(str(d).startswith(prefix) and message in str(d) for d in e.diagnostics),
                                "no diagnostic %s...%s in %s" % (prefix, message, e.diagnostics))


@unittest.skipUnless(HAVE_CLI, "the airoi executable is not built (AIROI_CLI unset)")
@unittest.skipUnless(HAVE_EXAMPLES, "docs/examples/*.yaml are not beside the package")
class TestCommandJson(unittest.TestCase):
    def test_same_numbers_as_cli_json(self):
        for path in sorted(glob.glob(os.path.join(EXAMPLES, "*.yaml"))):
            with self.subTest(path=os.path.basename(path)):
                cli = json.loads(run_cli("report", path, "--format", "json").stdout)
                self.assertEqual(airoi.Project.load(path).evaluate().to_dict(), cli)

    def test_to_html_is_the_cli_page(self):
        path = example("genai-support-rollout.yaml")
        page = airoi.Project.load(path).evaluate().to_html()
        self.assertEqual(page, run_cli("report", path, "--format", "html").stdout.decode("utf-8"))
        self.assertTrue(page.startswith("<!DOCTYPE html>"))
        self.assertIn('<data value="%r" data-key="npv">' % airoi.Project.load(path).evaluate().npv,
                      page)

    def test_to_html_with_the_decisions_is_the_cli_page(self):
        # the rich example: the CLI simulates with the model's settings and
        # adds the tornado and the staging figures
        path = example("genai-support-uncertain.yaml")
        p = airoi.Project.load(path)
        page = p.evaluate().to_html(simulation=p.simulate(), tornado=p.tornado(), stages=p.stages())
        self.assertEqual(page, run_cli("report", path, "--format", "html").stdout.decode("utf-8"))
        self.assertIn('data-key="stages:stages.value_of_staging"', page)
        self.assertIn('aria-labelledby="tornado-t ', page)
        with self.assertRaises(airoi.InvalidInputError):
            p.evaluate().to_html(simulation=p.tornado())


if __name__ == "__main__":
    unittest.main()
