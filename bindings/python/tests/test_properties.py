"""Property tests with Hypothesis (Debian python3-hypothesis): NPV at the IRR
and XNPV at the XIRR are about zero; PV/FV/PMT/NPER/RATE round trips; payback
is monotone in the flows; a model saved and loaded evaluates to the same
JSON; a portfolio simulation's merged trial ranges equal the whole run.

Deterministic (derandomize=True, no example database) and bounded (a fixed
number of examples each, a few seconds in all). Skipped, with the reason,
when Hypothesis is not installed."""

import json
import math
import os
import unittest
import warnings

import airoi

try:
    from hypothesis import HealthCheck, assume, given, settings
    from hypothesis import strategies as st
    HAVE_HYPOTHESIS = True
except ImportError:  # the tests below are skipped; these stand-ins let the module load
    HAVE_HYPOTHESIS = False

    def _identity(*_args, **_kwargs):
        return lambda f: f

    given = settings = _identity

    def assume(_condition):
        return True

    class _Strategies:
        def __getattr__(self, _name):
            return lambda *args, **kwargs: None

    st = _Strategies()

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
PORTFOLIO = os.path.join(ROOT, "docs", "examples", "portfolio", "shared-drivers-2027.yaml")
SKIP = "Hypothesis is not installed (Debian: apt-get install python3-hypothesis)"


def fixed(examples):
    """The same examples on every run, none remembered between runs."""
    if not HAVE_HYPOTHESIS:
        return settings()
    return settings(derandomize=True, database=None, max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


money = st.floats(min_value=0, max_value=1e4, allow_nan=False, allow_infinity=False)
outlay = st.floats(min_value=1, max_value=1e4, allow_nan=False, allow_infinity=False)


def discounted_scale(rate, values, times):
    """Sum of |v| (1+r)^-t: the size of the terms the NPV adds up."""
    return sum(abs(v) * (1 + rate) ** -t for v, t in zip(values, times))


@unittest.skipUnless(HAVE_HYPOTHESIS, SKIP)
class TestRoots(unittest.TestCase):
    @fixed(150)
    @given(outlay, st.lists(money, min_size=1, max_size=15))
    def test_npv_at_irr_is_zero(self, c0, rest):
        values = [-c0] + rest
        assume(sum(rest) > 0.05 * c0)  # a root above -95%: (1+r)^-t stays representable
        try:
            r = airoi.irr(values)
        except airoi.NoSolutionError:
            assume(False)
        self.assertTrue(math.isfinite(r))
        npv = airoi.npv(r, values, start_from_zero=True)
        scale = discounted_scale(r, values, range(len(values)))
        self.assertLessEqual(abs(npv), 1e-7 * scale, (values, r, npv))

    @fixed(150)
    @given(outlay, st.lists(st.tuples(money, st.integers(1, 3000)), min_size=1, max_size=12))
    def test_xnpv_at_xirr_is_zero(self, c0, rest):
        days = [0]
        for _, gap in rest:
            days.append(days[-1] + gap)
        values = [-c0] + [v for v, _ in rest]
        assume(sum(values[1:]) > 0.05 * c0)
        serials = [43831 + d for d in days]  # Excel serials from 2020-01-01
        try:
            r = airoi.xirr(values, serials)
        except airoi.NoSolutionError:
            assume(False)
        self.assertTrue(math.isfinite(r))
        xnpv = airoi.xnpv(r, values, serials)
        scale = discounted_scale(r, values, [d / 365 for d in days])
        self.assertLessEqual(abs(xnpv), 1e-7 * scale, (values, days, r, xnpv))


@unittest.skipUnless(HAVE_HYPOTHESIS, SKIP)
class TestTimeValueOfMoney(unittest.TestCase):
    @fixed(200)
    @given(st.floats(min_value=0.0005, max_value=0.05), st.integers(1, 360),
           st.floats(min_value=100, max_value=1e6), st.floats(min_value=0, max_value=1e5),
           st.sampled_from([0, 1]))
    def test_round_trips(self, rate, nper, pv, fv, when):
        """A loan of pv with fv left at the end: its payment gives back the
        loan, the balance, the number of periods and the rate."""
        pmt = airoi.pmt(rate, nper, pv, -fv, when)
        self.assertTrue(math.isfinite(pmt))
        size = abs(pv) + abs(fv) + abs(pmt) * nper
        self.assertAlmostEqual(airoi.pv(rate, nper, pmt, -fv, when), pv, delta=1e-9 * size)
        self.assertAlmostEqual(airoi.fv(rate, nper, pmt, pv, when), -fv, delta=1e-9 * size)
        self.assertAlmostEqual(airoi.nper(rate, pmt, pv, -fv, when), nper, delta=1e-6 * nper)
        found = airoi.rate(nper, pmt, pv, -fv, when, guess=rate)
        self.assertAlmostEqual(airoi.pmt(found, nper, pv, -fv, when), pmt, delta=1e-7 * size)
        if not (nper == 1 and when == 1 and fv == 0):  # else pv + pmt = 0 at any rate
            self.assertAlmostEqual(found, rate, delta=1e-7)

    @fixed(100)
    @given(st.integers(1, 120), st.floats(min_value=-1e5, max_value=1e5),
           st.floats(min_value=-1e5, max_value=1e5), st.sampled_from([0, 1]))
    def test_zero_rate(self, nper, pv, fv, when):
        """At rate 0 the payments just add up: pmt * nper + pv + fv = 0."""
        pmt = airoi.pmt(0, nper, pv, fv, when)
        self.assertAlmostEqual(pmt * nper + pv + fv, 0, delta=1e-9 * (abs(pv) + abs(fv) + 1))
        self.assertAlmostEqual(airoi.fv(0, nper, pmt, pv, when), fv,
                               delta=1e-9 * (abs(pv) + abs(fv) + 1))


@unittest.skipUnless(HAVE_HYPOTHESIS, SKIP)
class TestPayback(unittest.TestCase):
    @fixed(300)
    @given(st.lists(st.floats(min_value=-1e4, max_value=1e4), min_size=1, max_size=20),
           st.data())
    def test_monotone_in_the_flows(self, values, data):
        """Raising any flow never makes the payback later (never = infinity)."""
        k = data.draw(st.integers(0, len(values) - 1), label="period raised")
        more = data.draw(st.floats(min_value=0, max_value=1e4), label="raised by")
        raised = list(values)
        raised[k] += more

        def periods(flows):
            p = airoi.payback(flows)
            return math.inf if p is None else p

        before, after = periods(values), periods(raised)
        self.assertLessEqual(after, before + 1e-9 * max(1.0, before if before < math.inf else 1),
                             (values, k, more))


def model_text(horizon, rate, costs, values):
    lines = ["airoi: 1", "project:", "  name: Generated", "  currency: EUR",
             "  horizon: %d" % horizon, "  discount_rate: %r" % rate, "costs:"]
    for i, (amount, start, growth, per) in enumerate(costs):
        lines += ["  - name: cost %d" % i, "    category: people", "    amount: %r" % amount,
                  "    per: %s" % per]
        if per == "once":
            lines.append("    at: %d" % min(start, horizon))
        else:
            lines += ["    from: %d" % min(start, horizon), "    growth: %r" % growth]
    lines.append("values:")
    for i, (amounts, start, realization) in enumerate(values):
        start = min(start, horizon)
        amounts = amounts[:horizon - start + 1]  # no amount past the horizon
        lines += ["  - name: value %d" % i, "    dimension: efficiency",
                  "    amounts: [%s]" % ", ".join(repr(a) for a in amounts),
                  "    from: %d" % start, "    realization: %r" % realization]
    return "\n".join(lines) + "\n"


@unittest.skipUnless(HAVE_HYPOTHESIS, SKIP)
class TestModelRoundTrip(unittest.TestCase):
    @fixed(60)
    @given(st.integers(1, 12), st.floats(min_value=0, max_value=0.3),
           st.lists(st.tuples(st.floats(min_value=0, max_value=1e5), st.integers(0, 12),
                              st.floats(min_value=0, max_value=0.2),
                              st.sampled_from(["once", "year"])), min_size=1, max_size=4),
           st.lists(st.tuples(st.lists(st.floats(min_value=0, max_value=1e5), min_size=1,
                                       max_size=6),
                              st.integers(0, 12), st.floats(min_value=0, max_value=1)),
                    min_size=1, max_size=4))
    def test_saved_and_loaded_evaluates_the_same(self, horizon, rate, costs, values):
        text = model_text(horizon, rate, costs, values)
        with warnings.catch_warnings():  # plausibility warnings are not what is tested
            warnings.simplefilter("ignore")
            first = airoi.Project.from_yaml(text)
            again = airoi.Project.from_yaml(first.to_yaml())
        a, b = first.evaluate().to_json(), again.evaluate().to_json()
        self.assertEqual(json.loads(a), json.loads(b), text)
        self.assertEqual(a, b)


@unittest.skipUnless(HAVE_HYPOTHESIS, SKIP)
class TestSimulationRanges(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pf = airoi.Portfolio.load(PORTFOLIO)

    @fixed(12)
    @given(st.integers(2, 2500), st.integers(0, 2 ** 53), st.data())
    def test_merged_ranges_equal_the_whole_run(self, trials, seed, data):
        cut = data.draw(st.integers(1, trials - 1), label="first trial of the second range")
        whole = self.pf.simulate(trials=trials, seed=seed)
        left = self.pf.simulate(seed=seed, first=0, count=cut)
        right = self.pf.simulate(seed=seed, first=cut, count=trials - cut)
        for merged in (left.merge(right), right.merge(left)):
            self.assertEqual(merged.trials(), whole.trials())
            self.assertEqual(merged.to_dict(), whole.to_dict())


if __name__ == "__main__":
    unittest.main()
