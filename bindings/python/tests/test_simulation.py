"""Uncertainty and decisions from Python: Project.simulate, tornado, stages,
breakeven on the bundled model with uncertainties; the same numbers as the C
JSON (and the airoi command when built); setters of uncertainties,
correlations and stages refused in the library's words; cancellation."""

import json
import math
import os
import subprocess
import unittest

import airoi

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
MODEL = os.path.join(ROOT, "docs", "examples", "genai-support-uncertain.yaml")
PLAIN = os.path.join(ROOT, "docs", "examples", "example3-three-year.yaml")
CLI = os.environ.get("AIROI_CLI")
HAVE_CLI = bool(CLI) and os.path.exists(CLI or "")
INPUTS = ["time saved", "retention", "api bill", "integration overrun", "people cost"]

try:
    import pandas  # noqa: F401
    HAVE_PANDAS = True
except ImportError:
    HAVE_PANDAS = False


class TestSimulate(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.p = airoi.Project.load(MODEL)
        cls.sim = cls.p.simulate(trials=3000, seed=9, keep_trials=True)

    def test_settings(self):
        s = self.sim
        self.assertEqual((s.trials, s.seed, s.sampling), (3000, 9, "random"))
        self.assertEqual(s.outputs, ["npv", "irr", "roi_horizon", "npv_roi", "payback_periods"])
        self.assertIn("3000 trials", repr(s))

    def test_stats_match_json(self):
        d = self.sim.to_dict()["simulation"]
        npv = d["outputs"]["npv"]
        st = self.sim.stats("npv")
        for k in ("mean", "sd", "se", "min", "max", "value_at_risk", "expected_shortfall"):
            self.assertEqual(st[k], npv[k], k)
        self.assertEqual(st["defined"], 3000)
        self.assertEqual(self.sim.prob_npv_positive, d["prob_npv_positive"])
        self.assertEqual(self.sim.percentiles("npv"), npv["percentiles"])
        self.assertEqual(self.sim.percentile("npv", 50), npv["percentiles"]["50"])
        self.assertEqual(self.sim.percentile("npv", 0), npv["min"])
        edges, counts = self.sim.histogram("npv")
        self.assertEqual(edges, npv["histogram"]["edges"])
        self.assertEqual(counts, npv["histogram"]["counts"])
        self.assertEqual(sum(counts), 3000)
        self.assertEqual(self.sim.stat("payback_periods", "never_share"),
                         d["outputs"]["payback_periods"]["never_share"])
        with self.assertRaises(airoi.InvalidInputError):
            self.sim.stat("npv", "never_share")  # a figure of payback only
        self.assertNotIn("never_share", st)
        self.assertIn("never_share", self.sim.stats("payback_periods"))

    def test_sensitivity_convergence_staging(self):
        sens = self.sim.sensitivity
        self.assertEqual(sorted(x["input"] for x in sens), sorted(INPUTS))
        self.assertAlmostEqual(sum(x["variance_share"] for x in sens), 1.0, places=12)
        conv = self.sim.convergence
        self.assertEqual(conv[-1]["trials"], 3000)
        st = self.sim.staging
        self.assertEqual(sorted(st), sorted(["prob_production", "expected_cost", "expected_npv",
                                             "npv_all_in", "value_of_staging"]))

    def test_values(self):
        npv = self.sim.values("npv")
        self.assertEqual(len(npv), 3000)
        self.assertAlmostEqual(sum(npv) / len(npv), self.sim.stat("npv", "mean"),
                               delta=1e-9 * abs(self.sim.stat("npv", "mean")))
        self.assertEqual(min(npv), self.sim.stat("npv", "min"))
        irr = self.sim.values("irr")
        undefined = sum(1 for v in irr if v is None) / len(irr)
        self.assertAlmostEqual(undefined, self.sim.stat("irr", "undefined_share"), places=12)

    @unittest.skipUnless(HAVE_PANDAS, "pandas is not installed")
    def test_to_pandas(self):
        frame = self.sim.to_pandas()
        self.assertEqual(list(frame.columns), self.sim.outputs)
        self.assertEqual(len(frame), 3000)
        self.assertEqual(frame.index.name, "trial")
        self.assertAlmostEqual(frame["npv"].mean(), self.sim.stat("npv", "mean"),
                               delta=1e-9 * abs(self.sim.stat("npv", "mean")))

    def test_same_seed_any_threads(self):
        a = self.p.simulate(trials=2000, seed=4, threads=1).to_json()
        b = self.p.simulate(trials=2000, seed=4, threads=2).to_json()
        c = self.p.simulate(trials=2000, seed=4, threads=8).to_json()
        self.assertEqual(a, b)
        self.assertEqual(a, c)
        self.assertNotEqual(a, self.p.simulate(trials=2000, seed=5).to_json())

    def test_ranges_bytes_and_merge(self):
        whole = self.p.simulate(trials=2500, seed=4, outputs=["npv", "irr"], threads=2)
        a = self.p.simulate_range(0, 1001, seed=4, outputs=["npv", "irr"], threads=1)
        b = self.p.simulate_range(1001, 1499, seed=4, outputs=["npv", "irr"], threads=3)
        b2 = airoi.Simulation.from_bytes(self.p, b.to_bytes())
        self.assertEqual(b2.to_json(), b.to_json())
        self.assertEqual(a.merge(b2).to_json(), whole.to_json())
        with self.assertRaisesRegex(airoi.InvalidInputError, "not adjacent"):
            b.merge(a)
        with self.assertRaises(TypeError):
            a.merge("b")
        with self.assertRaises(TypeError):
            airoi.Simulation.from_bytes(self.p, "text")
        with self.assertRaises(TypeError):
            self.p.simulate_range(0.5, 10)
        with self.assertRaisesRegex(airoi.InvalidInputError, "not a saved simulation"):
            airoi.Simulation.from_bytes(self.p, b"AIROISIM\x01" + bytes(30))
        with airoi.Project.load(PLAIN) as other:
            other.add_uncertainty("costs", "uniform", low=0.9, high=1.1)
            with self.assertRaisesRegex(airoi.InvalidInputError, "another model"):
                airoi.Simulation.from_bytes(other, a.to_bytes())

    def test_options(self):
        s = self.p.simulate(trials=1024, outputs=["npv", "irr"], percentiles=[1, 99],
                            sampling="sobol")
        d = s.to_dict()["simulation"]
        self.assertEqual(list(d["outputs"]), ["npv", "irr"])
        self.assertEqual(list(d["outputs"]["npv"]["percentiles"]), ["5", "10", "50", "90", "95", "1", "99"])
        self.assertEqual(s.sampling, "sobol")
        with self.assertRaises(airoi.InvalidInputError):
            self.p.simulate(trials=0)
        with self.assertRaises(airoi.InvalidInputError):
            self.p.simulate(outputs=["profit"])
        with self.assertRaises(airoi.InvalidInputError):
            self.p.simulate(sampling="lhs")
        with self.assertRaises(TypeError):
            self.p.simulate(trials=1.5)
        with self.assertRaises(airoi.Error):
            self.p.simulate(percentiles=[150])

    def test_limits(self):
        # docs/errors.md#limits: the library's limits, raised as LimitError
        with self.assertRaisesRegex(airoi.LimitError, "the limit is 4.29 GB"):
            self.p.simulate(trials=10**12)
        with self.assertRaisesRegex(airoi.LimitError, "above the limit of 9007199254740992"):
            self.p.simulate(trials=2**53 + 2)
        with self.assertRaisesRegex(airoi.LimitError, "threads: 1025 is above the limit of 1024"):
            self.p.simulate(trials=100, threads=1025)
        with self.assertRaisesRegex(airoi.LimitError, "at most 100 are allowed"):
            self.p.simulate(trials=100, percentiles=[50.5] * 101)
        self.assertEqual(self.p.simulate(trials=100, threads=1024).trials, 100)

    def test_reports(self):
        for fmt in ("text", "json", "csv", "md"):
            self.assertTrue(self.sim.report(fmt))
        self.assertIn("SENSITIVITY OF NPV", self.sim.report())

    def test_cancel(self):
        calls = []

        def progress(done, total):
            calls.append((done, total))
            return True  # cancel at the first call

        with self.assertRaises(airoi.CancelledError):
            self.p.simulate(trials=200000, outputs=["npv"], progress=progress)
        self.assertTrue(calls and calls[0][1] == 200000)

        def interrupt(done, total):
            raise KeyboardInterrupt

        with self.assertRaises(KeyboardInterrupt):
            self.p.simulate(trials=200000, outputs=["npv"], progress=interrupt)

    @unittest.skipUnless(HAVE_CLI, "the airoi command is not built")
    def test_same_json_as_cli(self):
        out = subprocess.run([CLI, "simulate", MODEL, "--trials", "3000", "--seed", "9",
                              "--format", "json"], capture_output=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        mine = self.p.simulate(trials=3000, seed=9).to_json()
        self.assertEqual(out.stdout.decode("utf-8"), mine)


class TestDecisions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.p = airoi.Project.load(MODEL)

    def test_tornado(self):
        t = self.p.tornado()
        self.assertAlmostEqual(t.base_npv, self.p.evaluate().npv, delta=1e-6)
        bars = t.bars
        self.assertEqual(sorted(b["input"] for b in bars), sorted(INPUTS))
        swings = [b["swing"] for b in bars]
        self.assertEqual(swings, sorted(swings, reverse=True))
        self.assertEqual(sorted(t.spider), sorted(INPUTS))
        self.assertEqual(list(t.spider[bars[0]["input"]]), ["10", "25", "50", "75", "90"])
        self.assertEqual(t.to_dict()["tornado"], bars)

    def test_stages(self):
        s = self.p.stages()
        self.assertAlmostEqual(s.prob_production, 0.9 * 0.6 * 0.7, places=15)
        self.assertAlmostEqual(s.value_of_staging, s.expected_npv - s.npv_all_in,
                               delta=1e-9 * abs(s.value_of_staging) + 1e-9)
        d = s.to_dict()["stages"]
        self.assertEqual(s.figures, {k: v for k, v in d.items() if k != "gates"})
        self.assertEqual([g["name"] for g in s.gates], ["strategy", "poc", "mvp"])
        self.assertEqual([g["reach_probability"] for g in s.gates], [1, 0.9, 0.9 * 0.6])
        with self.assertRaises(airoi.Error):
            airoi.Project.load(PLAIN).stages()

    def test_breakeven(self):
        b = self.p.breakeven()
        r = self.p.evaluate()
        if b.values is not None:
            self.assertAlmostEqual(b.values, r.pv_costs / r.pv_benefits, delta=1e-6)
        self.assertEqual(sorted(b.inputs), sorted(INPUTS))
        self.assertEqual(b.to_dict()["breakeven"]["values"], b.values)

    @unittest.skipUnless(HAVE_CLI, "the airoi command is not built")
    def test_same_json_as_cli(self):
        for cmd, fn in (("tornado", self.p.tornado), ("stages", self.p.stages),
                        ("breakeven", self.p.breakeven)):
            out = subprocess.run([CLI, cmd, MODEL, "--format", "json"], capture_output=True,
                                 timeout=120)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(json.loads(out.stdout), fn().to_dict(), cmd)


class TestSetters(unittest.TestCase):
    def project(self):
        p = airoi.Project("Setters", horizon=3, discount_rate=0.08)
        p.add_cost("Build", "people", amount=350, per="once")
        p.add_value("Gains", "efficiency", amounts=[300, 490, 620], from_=1)
        return p

    def test_add_and_read(self):
        p = self.project()
        u = p.add_uncertainty("Gains", "pert", name="gains", low=0.7, mode=1.0, high=1.2)
        self.assertEqual((u.name, u.target, u.distribution), ("gains", "Gains", "pert"))
        self.assertEqual((u.get("low"), u.get("mode"), u.get("high")), (0.7, 1.0, 1.2))
        self.assertIsNone(u.get("shape"))
        p.add_uncertainty("people", "normal", mean=1.0, sd=0.1, min=0.8)
        p.add_uncertainty("costs", "discrete", values=[1, 1.5], probabilities=[0.8, 0.2])
        p.add_correlation("gains", "people", 0.4)
        p.add_stage("poc", 50, 1, 0.6)
        p.add_stage("mvp", 120, 1, 0.7)
        self.assertEqual([x.target for x in p.uncertainties], ["Gains", "people", "costs"])
        self.assertEqual(p.correlations, [("gains", "people", 0.4)])
        self.assertEqual(p.investment_stages,
                         [{"name": "poc", "cost": 50.0, "periods": 1, "success_probability": 0.6},
                          {"name": "mvp", "cost": 120.0, "periods": 1, "success_probability": 0.7}])
        s = p.simulate(trials=2000, seed=1)
        self.assertEqual(len(s.sensitivity), 3)
        self.assertAlmostEqual(p.stages().prob_production, 0.42, places=15)

    def test_refused_in_the_library_words(self):
        p = self.project()
        with self.assertRaises(airoi.InvalidInputError) as e:
            p.add_uncertainty("Gains", "normal", mean=1, sd=-0.5)
        self.assertIn("sd", str(e.exception))
        self.assertEqual(len(p.uncertainties), 0, "a refused entry is not kept")
        with self.assertRaises(airoi.InvalidInputError):
            p.add_uncertainty("Gains", "gaussian")
        with self.assertRaises(airoi.InvalidInputError):
            p.add_uncertainty("Gains", "bernoulli", p=1.5, impact=0.2)
        with self.assertRaises(TypeError):
            p.add_uncertainty("Gains", "uniform", lo=0.5, high=1)
        with self.assertRaises(airoi.InvalidInputError):
            p.add_stage("poc", 50, 1, 1.2)
        # periods is checked by the C rule, as the horizon is: in the loader's words
        with self.assertRaises(airoi.InvalidInputError) as e:
            p.add_stage("poc", 50, 1.5, 0.5)
        self.assertTrue(str(e.exception).endswith(
            "periods: expected a whole number of periods >= 0; got 1.5"), e.exception)
        with self.assertRaises(TypeError):
            p.add_stage("poc", 50, "1", 0.5)
        self.assertEqual(p.investment_stages, [], "a refused stage is not kept")
        p.add_stage("poc", 50, 2.0, 0.5)
        self.assertEqual(p.investment_stages[0]["periods"], 2)
        with self.assertRaises(TypeError):
            p.add_uncertainty("Gains", "fixed", per_period=1)  # true or false, as in a file

    def test_stage_priors(self):
        # a field prior in place of success_probability, as a stage's prior: in a file
        p = airoi.Project.from_yaml("airoi: 1\nproject: {name: P, horizon: 3}\n"
                                    "stages: [{name: poc, cost: 5, periods: 1, prior: pilot}]\n")
        self.assertEqual(p.investment_stages, [{"name": "poc", "cost": 5.0, "periods": 1,
                                                "prior": "pilot"}])
        p.add_stage("mvp", 10, 2, prior="partner")
        p.add_stage("scale", 10, 2, 0.5)
        self.assertEqual([(s.get("prior"), s.get("success_probability")) for s in p.investment_stages],
                         [("pilot", None), ("partner", None), (None, 0.5)])
        self.assertAlmostEqual(p.stages().prob_production, 0.05 * 0.66 * 0.5)
        for kwargs, words in (({}, "give success_probability or prior"),
                              ({"success_probability": 0.5, "prior": "pilot"}, "not both"),
                              ({"prior": "pilott"}, "expected one of pilot, in_house, partner")):
            with self.assertRaises(airoi.InvalidInputError) as e:
                p.add_stage("x", 1, 1, **kwargs)
            self.assertIn(words, str(e.exception))
        self.assertEqual(len(p.investment_stages), 3, "a refused stage is not kept")

    def test_simulation_settings(self):
        p = self.project()
        self.assertIsNone(p.simulation_settings)
        section = {"trials": 500, "seed": 3, "sampling": "sobol", "threads": 1, "bins": 20,
                   "roi_target": 0.15, "tail": 0.1, "keep_trials": True, "repair": True,
                   "outputs": ["irr", "npv"], "percentiles": [1.0, 99.0]}
        p.simulation_settings = section
        self.assertEqual(p.simulation_settings, section)
        sim = p.simulate()  # the section gives simulate() its defaults
        self.assertEqual((sim.trials, sim.seed, sim.sampling, sorted(sim.outputs)),
                         (500, 3, "sobol", ["irr", "npv"]))
        again = airoi.Project.from_yaml(p.to_yaml())  # written and read back by the C model file
        self.assertEqual(again.simulation_settings, section)
        for bad, words in (({"tail": 1}, "simulation: tail: expected a level strictly between 0 and 1"),
                           ({"sampling": "latin"}, "simulation: sampling: expected one of random, sobol"),
                           ({"outputs": ["npv", "mirr"]}, "simulation: outputs: expected one of npv"),
                           ({"trails": 10}, "simulation: unknown key 'trails'")):
            with self.assertRaises(airoi.InvalidInputError) as e:
                p.simulation_settings = bad
            self.assertIn(words, str(e.exception))
        with self.assertRaises(TypeError):
            p.simulation_settings = {"repair": 1}
        self.assertEqual(p.simulation_settings, section, "a refused section leaves the old one")
        p.simulation_settings = {}
        self.assertEqual(p.simulation_settings, {})
        p.simulation_settings = None
        self.assertIsNone(p.simulation_settings)

    def test_criteria(self):
        p = self.project()
        p.add_indicator("adoption", 0.6, at_risk_below=0.45, values={0: 0.5, 1: 0.5})
        p.add_stage("poc", 10, 2, 0.6)
        p.add_criterion("poc", "adoption", at_least=0.4, for_periods=2)
        p.add_criterion(0, "adoption", at_most=0.9)
        self.assertIn("criteria: [{indicator: adoption, at_least: 0.4, for_periods: 2}, "
                      "{indicator: adoption, at_most: 0.9, for_periods: 1}]", p.to_yaml())
        self.assertEqual([(g["name"], g["status"]) for g in p.track().gates], [("poc", "go")])
        for kwargs, words in (({"at_least": 0.3, "at_most": 0.9}, "give at_least or at_most, not both"),
                              ({}, "missing the threshold"),
                              ({"at_least": 0.3, "for_periods": 0}, "in 1..1000000; got 0")):
            with self.assertRaises(airoi.InvalidInputError) as e:
                p.add_criterion("poc", "adoption", **kwargs)
            self.assertIn(words, str(e.exception))
        with self.assertRaises(airoi.NotFoundError):
            p.add_criterion("poc", "adoptoin", at_least=0.4)
        with self.assertRaises(airoi.InvalidInputError):
            p.add_criterion("pilot", "adoption", at_least=0.4)
        with self.assertRaises(IndexError):
            p.add_criterion(1, "adoption", at_least=0.4)
        with self.assertRaises(TypeError):
            p.add_criterion("poc", "adoption", at_least=0.4, for_periods=1.5)


if __name__ == "__main__":
    unittest.main()
