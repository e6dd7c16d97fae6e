"""airoi.Portfolio: the efficient frontier, the Monte Carlo with shared drivers
(the same figures for any thread count and for merged ranges), the portfolio
page, and the driver of an uncertainty set from Python."""

import math
import os
import tempfile
import unittest

import airoi

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "..", "docs", "examples")
SHARED = os.path.join(EXAMPLES, "portfolio", "shared-drivers-2027.yaml")
PROGRAMME = os.path.join(EXAMPLES, "portfolio", "ai-programme-2027.yaml")
CORRELATED = os.path.abspath(os.path.join(EXAMPLES, "genai-support-uncertain.yaml"))


def stream_seed(seed, tag, name):
    """The seed of a project's own stream in a portfolio run (pfsim.c): FNV-1a
    of the tag, 0xff and the name, mixed into the run's seed by SplitMix64."""
    m = (1 << 64) - 1
    h = 1469598103934665603
    for c in tag.encode() + b"\xff" + name.encode():
        h = ((h ^ c) * 1099511628211) & m
    z = (seed + 0x9e3779b97f4a7c15 * (h | 1)) & m
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & m
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & m
    return (z ^ (z >> 31)) & ((1 << 53) - 1)


class FrontierTest(unittest.TestCase):
    def test_levels_and_monotone(self):
        with airoi.Portfolio.load(PROGRAMME) as pf:
            f = pf.frontier()
            self.assertEqual(len(f), 21)
            d = pf.to_dict()
            inv = [p["investment"] for p in d["projects"]]
            mand_total = 5000000.0  # the AML model is mandatory
            self.assertEqual(f[0]["budget"], mand_total)
            self.assertAlmostEqual(f[-1]["budget"], sum(inv), delta=1e-6)
            npvs = [p["total_npv"] for p in f]
            self.assertEqual(npvs, sorted(npvs))
            for point in f:
                self.assertLessEqual(point["total_investment"], point["budget"])
                self.assertIn("AML detection model", point["selected"])
            self.assertEqual(len(pf.frontier(levels=4)), 4)
            self.assertEqual(pf.frontier(levels=0), [])
            with self.assertRaises(airoi.InvalidInputError):
                pf.frontier(levels=5000)


class SimulationTest(unittest.TestCase):
    def test_threads_ranges_merge(self):
        with airoi.Portfolio.load(SHARED) as pf:
            one = pf.simulate(trials=2500, seed=11, threads=1)
            two = pf.simulate(trials=2500, seed=11, threads=2)
            self.assertEqual(one.trials(), two.trials())
            self.assertEqual(one.to_dict(), two.to_dict())
            a = pf.simulate(seed=11, first=0, count=900)
            b = pf.simulate(seed=11, first=900, count=1600)
            whole = b.merge(a)
            self.assertEqual(whole.trials(), one.trials())
            self.assertEqual(whole.to_dict(), one.to_dict())
            # as bytes (another process's part), read back and merged
            c = pf.simulation_from_bytes(a.to_bytes()).merge(pf.simulation_from_bytes(b.to_bytes()))
            self.assertEqual(c.trials(), one.trials())
            with self.assertRaises(airoi.InvalidInputError):
                pf.simulation_from_bytes(b"AIROIPFS" + bytes(20))
            other = pf.simulate(trials=2500, seed=12)
            self.assertNotEqual(other.trials(), one.trials())

    def test_one_project_draws_as_its_own_simulation(self):
        """A portfolio of one project with rank correlations: trial i is the
        project simulation's trial i under the project's stream seed, so the
        copula is applied as in a project run."""
        text = ("airoi: 1\nportfolio: {name: One, currency: TWD}\nfx: {USD: 32}\n"
                "projects:\n  - {file: %s}\n" % CORRELATED)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "one.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            with airoi.Portfolio.load(path) as pf:
                got = pf.simulate(trials=300, seed=5).trials()
        p = airoi.Project.load(CORRELATED)
        self.assertIn("correlations:", p.to_yaml())
        want = p.simulate(trials=300, seed=stream_seed(5, "project", p.name)).values("npv")
        self.assertEqual(got, want)

    def test_contributions_and_drivers(self):
        with airoi.Portfolio.load(SHARED) as pf:
            s = pf.simulate(trials=3000, seed=1, percentiles=[1, 99]).to_dict()
            self.assertEqual([(d["name"], d["projects"]) for d in s["drivers"]],
                             [("adoption", 2), ("vendor price", 3)])
            self.assertAlmostEqual(sum(p["contribution"] for p in s["projects"]), 1.0, places=9)
            pct = s["npv"]["percentiles"]
            self.assertEqual(list(pct), ["5", "10", "50", "90", "95", "1", "99"])
            self.assertLessEqual(pct["1"], pct["50"])
            self.assertTrue(0.0 < s["prob_npv_positive"] < 1.0)
            self.assertEqual(sum(s["npv"]["histogram"]["counts"]), 3000)

    def test_page(self):
        with airoi.Portfolio.load(SHARED) as pf:
            page = pf.report("html", pf.simulate(trials=200))
            self.assertTrue(page.startswith("<!DOCTYPE html>"))
            self.assertIn("simulation.prob_npv_positive", page)


class DriverTest(unittest.TestCase):
    def test_driver_round_trip(self):
        p = airoi.Project.load(os.path.join(EXAMPLES, "genai-support-uncertain.yaml"))
        u = p.add_uncertainty("people", "uniform", name="wage shock", low=0.9, high=1.2,
                              driver="labour market")
        self.assertEqual(u.driver, "labour market")
        self.assertIsNone(p.uncertainties[0].driver)
        self.assertIn("driver: labour market", p.to_yaml())
        with self.assertRaises(TypeError):
            p.add_uncertainty("people", "uniform", low=0.9, high=1.2, colour="red")
        self.assertTrue(math.isfinite(p.simulate(trials=200).stat("npv", "mean")))


if __name__ == "__main__":
    unittest.main()
