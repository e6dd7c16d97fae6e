"""Lifetimes of the model objects, threads, and memory over many cycles."""

import gc
import os
import threading
import unittest
import weakref

import airoi
from test_model import example2, example3
from test_memory import rss_bytes

SANITIZED = os.environ.get("AIROI_TEST_SANITIZED")
HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE2 = os.path.join(HERE, "..", "..", "..", "docs", "examples", "example2-customer-service.yaml")


class FreeCounter:
    """Counts the C frees of projects and results by wrapping the free functions."""

    def __init__(self, test):
        from airoi import _lib

        self.freed = []
        self.C = _lib.C
        self.saved = (self.C.airoi_project_free, self.C.airoi_result_free)
        test.addCleanup(self.restore)
        for name, fn in (("project", self.saved[0]), ("result", self.saved[1])):
            def wrapper(ptr, _fn=fn, _name=name):
                self.freed.append(_name)
                _fn(ptr)
            setattr(self.C, "airoi_%s_free" % name, wrapper)

    def restore(self):
        self.C.airoi_project_free, self.C.airoi_result_free = self.saved


class TestLifetimes(unittest.TestCase):
    def test_item_keeps_project_alive(self):
        counter = FreeCounter(self)
        p = airoi.Project("P", horizon=2)
        item = p.add_value("V", "revenue", amount=10)
        ref = weakref.ref(p)
        del p
        gc.collect()
        self.assertIsNotNone(ref())  # the item holds its project
        self.assertEqual(counter.freed, [])
        self.assertEqual(item.amount, 10)
        self.assertEqual(item.project.evaluate().total_benefits, 20)
        del item
        gc.collect()
        self.assertIsNone(ref())
        self.assertIn("project", counter.freed)

    def test_project_freed_when_unreachable(self):
        counter = FreeCounter(self)
        p = example3()
        p.costs[0]
        del p
        gc.collect()
        self.assertEqual(counter.freed.count("project"), 1)

    def test_sub_results_and_schedule_keep_result_alive(self):
        counter = FreeCounter(self)
        r = example2().evaluate()
        gc.collect()
        worst = r.scenarios[2]
        schedule = r.to_schedule()
        del r
        gc.collect()
        self.assertNotIn("result", counter.freed)
        self.assertEqual(worst.name, "worst")
        self.assertAlmostEqual(worst.total_benefits, 280, places=9)
        self.assertEqual(len(schedule.net), 2)
        del worst
        gc.collect()
        self.assertNotIn("result", counter.freed)
        del schedule
        gc.collect()
        self.assertEqual(counter.freed.count("result"), 1)

    def test_removed_item_raises(self):
        p = example3()
        revenue = p.values["Revenue"]
        same = p.values[1]
        self.assertIs(revenue, same)
        revenue.remove()
        self.assertTrue(revenue.removed)
        for use in (lambda: revenue.amount, lambda: revenue.name, lambda: setattr(revenue, "amount", 1),
                    lambda: revenue.settings(), lambda: revenue.remove(), lambda: p.remove_value(revenue)):
            with self.assertRaises(airoi.ClosedError) as cm:
                use()
            self.assertIsInstance(cm.exception, ValueError)
            self.assertIn("value item 'Revenue' was removed", str(cm.exception))
        self.assertIn("removed", repr(revenue))
        # The project is unaffected; a new item may reuse the freed memory.
        again = p.add_value("Revenue", "revenue", amounts=[60, 150, 220])
        self.assertFalse(again.removed)
        self.assertAlmostEqual(p.evaluate().npv, 425.71, places=2)
        with self.assertRaises(airoi.ClosedError):
            revenue.amount

    def test_removed_scenario_and_del(self):
        p = example2()
        worst = p.scenarios["worst"]
        del p.scenarios["worst"]
        with self.assertRaises(airoi.ClosedError):
            worst.probability
        cost = p.costs[0]
        del p.costs[0]
        with self.assertRaises(airoi.ClosedError):
            cost.amount
        self.assertEqual(len(p.costs), 0)

    def test_closed_project_and_result(self):
        p = example3()
        item = p.costs[0]
        with p:
            r = p.evaluate()
        self.assertTrue(p.closed)
        for use in (lambda: p.name, lambda: p.evaluate(), lambda: item.amount, lambda: p.costs[0]):
            with self.assertRaises(airoi.ClosedError):
                use()
        self.assertIn("its project was closed", str(self._error(lambda: item.amount)))
        self.assertAlmostEqual(r.npv, 425.71, places=2)  # a result outlives its project
        schedule = r.to_schedule()
        r.close()
        r.close()
        with self.assertRaises(airoi.ClosedError):
            r.to_schedule()
        with self.assertRaises(airoi.ClosedError):
            schedule.net
        self.assertAlmostEqual(r.npv, 425.71, places=2)  # metrics read before close stay readable

    def _error(self, fn):
        try:
            fn()
        except airoi.Error as e:
            return e
        self.fail("no error")

    def test_foreign_item(self):
        a, b = example3(), example3()
        with self.assertRaises(airoi.InvalidInputError):
            a.remove_cost(b.costs[0])
        with self.assertRaises(TypeError):
            airoi.CostItem()


class TestThreads(unittest.TestCase):
    def test_different_projects_concurrently(self):
        want3 = example3().evaluate().to_dict()
        want2 = example2().evaluate().to_dict()
        failures = []

        def work(k):
            try:
                for i in range(60):
                    make, want = (example3, want3) if (i + k) % 2 else (example2, want2)
                    p = make()
                    got = p.evaluate().to_dict()
                    if got != want:
                        failures.append((k, i))
                    try:
                        p.evaluate("nope")
                    except airoi.NotFoundError as e:
                        if "nope" not in str(e):
                            failures.append((k, i, str(e)))
                    else:
                        failures.append((k, i, "no error"))
            except Exception as e:  # pragma: no cover - reported below
                failures.append(repr(e))

        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])

    def test_one_project_shared_by_threads(self):
        p = example3()
        want = p.evaluate().npv
        errors = []

        def work(k):
            for i in range(200):
                if k == 0:
                    item = p.add_cost("tmp%d" % i, "software", amount=0)
                    item.remove()
                elif abs(p.evaluate().npv - want) > 1e-9:
                    errors.append(i)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


@unittest.skipIf(not os.path.exists("/proc/self/statm"), "needs /proc/self/statm (Linux)")
@unittest.skipIf(SANITIZED, "under %s sanitizers RSS measures the sanitizer's quarantine" % SANITIZED)
class TestMemory(unittest.TestCase):
    def cycle(self, n, text):
        for i in range(n):
            p = airoi.Project.from_yaml(text)
            r = p.evaluate()
            r.to_dict()
            r.scenarios[0].metrics
            p.to_yaml()
            p.add_cost("x", "software", amount=1).remove()
            p.clone()
            with self.assertRaises(airoi.ParseError):
                airoi.Project.from_yaml("airoi: 1\nproject: {name: x, horizon: -1}\n")
            if i % 50 == 0:
                gc.collect()

    def test_no_growth_over_load_evaluate_cycles(self):
        if os.path.exists(EXAMPLE2):
            with open(EXAMPLE2, encoding="utf-8") as f:
                text = f.read()
        else:  # an installed copy: build the model in code instead
            text = example2().to_yaml()
        self.cycle(300, text)  # warm-up
        gc.collect()
        before = rss_bytes()
        self.cycle(2000, text)
        gc.collect()
        grown = rss_bytes() - before
        # One leaked project (a few KiB) per cycle would be ~10 MiB here.
        self.assertLess(grown, 2 * 1024 * 1024, "RSS grew by %d bytes over 2,000 cycles" % grown)


if __name__ == "__main__":
    unittest.main()
