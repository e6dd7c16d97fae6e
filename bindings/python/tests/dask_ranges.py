"""One simulation across a Dask LocalCluster with worker processes, by
trial ranges, through the Python binding: exactly the single-process
result (docs/examples/dask_simulation.py, docs/python.md "Simulations
across processes"); the same for a portfolio Monte Carlo with shared
drivers (docs/examples/dask_portfolio.py, docs/portfolio.md). One cluster
serves every test.

Run by meson as the test `python-dask` (not with the other Python tests:
starting a cluster takes seconds). Exits 77 (meson: SKIP), saying why,
only when dask.distributed cannot be imported.
"""
import os
import sys
import unittest

try:
    from dask.distributed import Client, LocalCluster
    DASK = None
except ImportError as e:  # the one reason to skip
    DASK = "dask.distributed not importable (%s); Debian: apt-get install python3-dask " \
           "python3-distributed" % e

import airoi

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "docs", "examples"))
import dask_portfolio  # noqa: E402  (the documented examples)
import dask_simulation  # noqa: E402

MODEL = os.path.join(ROOT, "docs", "examples", "genai-support-uncertain.yaml")
PORTFOLIO = os.path.join(ROOT, "docs", "examples", "portfolio", "shared-drivers-2027.yaml")


@unittest.skipIf(DASK is not None, DASK or "")
class DaskRanges(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        cls.client = Client(cls.cluster)
        with open(MODEL, encoding="utf-8") as f:
            cls.text = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()

    def check_same(self, merged, whole, outputs):
        self.assertEqual(merged.trials, whole.trials)
        for o in outputs:
            self.assertEqual(merged.stats(o), whole.stats(o))
            self.assertEqual(merged.percentiles(o), whole.percentiles(o))
            self.assertEqual(merged.histogram(o), whole.histogram(o))
            self.assertEqual(merged.values(o), whole.values(o))
        self.assertEqual(merged.to_dict(), whole.to_dict())  # every figure of the report

    def test_ranges_on_worker_processes_are_the_whole_run(self):
        # uneven ranges (the last one short), stages, correlations, every output
        options = {"seed": 11, "outputs": ["npv", "irr", "roi_horizon", "npv_roi",
                                           "payback_periods"]}
        merged = dask_simulation.simulate_on_dask(self.client, self.text, 23_457, 5_000,
                                                  **options)
        with airoi.Project.from_yaml(self.text) as p:
            whole = p.simulate(trials=23_457, keep_trials=True, **options)
        self.check_same(merged, whole, options["outputs"])
        # the work really ran in other processes
        pids = self.client.run(os.getpid)
        self.assertEqual(len(pids), 2)
        self.assertNotIn(os.getpid(), pids.values())

    def test_sobol_npv_only(self):
        options = {"seed": 5, "sampling": "sobol", "outputs": ["npv"], "percentiles": [1, 99]}
        merged = dask_simulation.simulate_on_dask(self.client, self.text, 12_000, 4_096,
                                                  **options)
        with airoi.Project.from_yaml(self.text) as p:
            whole = p.simulate(trials=12_000, keep_trials=True, **options)
        self.check_same(merged, whole, ["npv"])

    def test_example_script(self):
        self.assertEqual(dask_simulation.main([MODEL, "40000", "2", "10000"], self.client), 0)

    def test_portfolio_ranges_on_worker_processes_are_the_whole_run(self):
        # shared drivers across projects, currencies, uneven ranges (the last one short)
        options = {"seed": 19, "percentiles": [1, 25, 99]}
        with airoi.Portfolio.load(PORTFOLIO) as pf:
            merged = dask_portfolio.simulate_portfolio_on_dask(self.client, pf, PORTFOLIO,
                                                               17_003, 4_000, **options)
            whole = pf.simulate(trials=17_003, **options)
            self.assertEqual(merged.trials(), whole.trials())
            self.assertEqual(len(merged.trials()), 17_003)
            m, w = merged.to_dict(), whole.to_dict()
            self.assertEqual(m, w)  # every figure: moments, percentiles, histogram, shares
            self.assertEqual([d["name"] for d in m["drivers"]], ["adoption", "vendor price"])
            self.assertEqual(m["first_trial"], 0)
            for fmt in ("json", "text", "csv", "md", "html"):
                self.assertEqual(pf.report(fmt, merged), pf.report(fmt, whole), fmt)
            merged.close()
            whole.close()

    def test_portfolio_example_script(self):
        self.assertEqual(dask_portfolio.main([PORTFOLIO, "20000", "2", "6000"], self.client), 0)


if __name__ == "__main__":
    if DASK is not None:
        print("SKIP: " + DASK)
        sys.exit(77)
    sys.exit(0 if unittest.main(verbosity=2, exit=False).result.wasSuccessful() else 1)
