#!/usr/bin/env python3
"""Cases of tests/data/finance/reference.csv, and the glue that turns them
into spreadsheet formulas and back. Run through regen.sh, which has a
spreadsheet engine (Gnumeric's ssconvert) compute every formula.

usage: cases.py formulas CASES_OUT FORMULAS_CSV_OUT
       cases.py join CASES RESULTS ENGINE_VERSION > reference.csv

A case is: id, function, arguments, and what libairoi must return where it
deliberately differs from the engine:
  ""      compare with the engine: its number (OK) or its error (same error);
  INVALID libairoi refuses the arguments (its documented contract is
          stricter than the engine, e.g. a rate <= -1 or a date before the
          first date, which Excel refuses too but Gnumeric computes);
  NO_SOLUTION  libairoi reports no solution where the engine's error is
          another one than Excel's (Gnumeric's XIRR says #VALUE! where
          Excel says #NUM!);
  ROOT    a root exists by construction (one sign change, or a RATE built
          from a known rate): libairoi must find one, checked by the NPV at
          it, and agree with the engine whenever the engine finds one too;
  EXCEL=x Excel's documented or observed value x where the engine errs
          (MIRR of all-negative flows is -1 in Excel-saved workbooks);
  ANYROOT several IRRs exist: libairoi must return a root (checked by the
          NPV at it), not necessarily the engine's (Newton from the guess
          may reach another one; Excel's own answer depends on it); which
          one it returns is pinned per case in tests/unit/test-finance.c.
Arguments: scalars, or arrays written [a b c]. The cases are generated from
a fixed seed, so the table is reproducible.
"""
import math
import random
import sys


def count_irrs(v):
    """Sign changes of NPV(r) on a fine grid of u = ln(1 + r) in [-30, 30]:
    the number of IRRs, barring roots of even multiplicity."""
    n = len(v)

    def sign(u):
        # NPV scaled by (1+r)^(n-1) for r < 0 so that nothing overflows.
        if u >= 0:
            s = sum(a * math.exp(-i * u) for i, a in enumerate(v))
        else:
            s = sum(a * math.exp((n - 1 - i) * u) for i, a in enumerate(v))
        return (s > 0) - (s < 0)

    count, last = 0, sign(-30.0)
    for k in range(1, 20001):
        cur = sign(-30.0 + 60.0 * k / 20000)
        if cur != 0 and last != 0 and cur != last:
            count += 1
        if cur != 0:
            last = cur
    return count


def fmt(x):
    if isinstance(x, int):
        return str(x)
    r = repr(float(x))
    return r[:-2] if r.endswith(".0") else r


def arr(xs):
    return "{" + ",".join(fmt(x) for x in xs) + "}"


def build():
    cases = []

    def add(cid, func, args, expect=""):
        cases.append((cid, func, args, expect))

    rng = random.Random(20260101)

    # --- Microsoft's documented examples (support.microsoft.com) ---------
    add("ms-npv-1", "npv", [0.1, [-10000, 3000, 4200, 6800]])
    add("ms-npv-2", "npv", [0.08, [8000, 9200, 10000, 12000, 14500]])
    add("ms-npv-2b", "npv0", [0.08, [-40000, 8000, 9200, 10000, 12000, 14500]])
    add("ms-npv-2c", "npv0", [0.08, [-40000, 8000, 9200, 10000, 12000, 14500, -9000]])
    ms_x = [-10000, 2750, 4250, 3250, 2750]
    ms_d = [39448, 39508, 39751, 39859, 39904]
    add("ms-xnpv", "xnpv", [0.09, ms_x, ms_d])
    ms_irr = [-70000, 12000, 15000, 18000, 21000, 26000]
    add("ms-irr-4y", "irr", [ms_irr[:5], 0.1])
    add("ms-irr-5y", "irr", [ms_irr, 0.1])
    add("ms-irr-2y", "irr", [ms_irr[:3], -0.1])
    add("ms-xirr", "xirr", [ms_x, ms_d, 0.1])
    ms_m = [-120000, 39000, 30000, 21000, 37000, 46000]
    add("ms-mirr-5y", "mirr", [ms_m, 0.1, 0.12])
    add("ms-mirr-3y", "mirr", [ms_m[:4], 0.1, 0.12])
    add("ms-mirr-14", "mirr", [ms_m, 0.1, 0.14])
    add("ms-pmt-1", "pmt", [0.08 / 12, 10, 10000, 0, 0])
    add("ms-pmt-2", "pmt", [0.08 / 12, 10, 10000, 0, 1])
    add("ms-pmt-3", "pmt", [0.06 / 12, 18 * 12, 0, 50000, 0])
    add("ms-pv", "pv", [0.08 / 12, 12 * 20, 500, 0, 0])
    add("ms-fv-1", "fv", [0.06 / 12, 10, -200, -500, 1])
    add("ms-fv-2", "fv", [0.12 / 12, 12, -1000, 0, 0])
    add("ms-fv-3", "fv", [0.11 / 12, 35, -2000, 0, 1])
    add("ms-fv-4", "fv", [0.06 / 12, 12, -100, -1000, 1])
    add("ms-nper-1", "nper", [0.12 / 12, -100, -1000, 10000, 1])
    add("ms-nper-2", "nper", [0.12 / 12, -100, -1000, 10000, 0])
    add("ms-nper-3", "nper", [0.12 / 12, -100, -1000, 0, 0])
    add("ms-rate", "rate", [4 * 12, -200, 8000, 0, 0, 0.1])
    # --- worked example 3 -----------------------------------------------
    add("spec3-npv0", "npv0", [0.08, [-350, 120, 340, 470]])
    add("spec3-irr", "irr", [[-350, 120, 340, 470], 0.1])
    add("spec3-pvcosts", "npv0", [0.08, [350, 180, 150, 150]])

    def flows(n, mag, pattern):
        """n cash flows of size ~mag: 'conv' = costs then benefits,
        'multi' = random signs, 'pos'/'neg' = one sign."""
        if pattern == "conv":
            k = rng.randint(1, max(1, n // 3))
            out = [-mag * rng.uniform(0.5, 2.0) for _ in range(k)]
            out += [mag * rng.uniform(0.05, 0.8) for _ in range(n - k)]
            return out
        if pattern == "multi":
            return [mag * rng.uniform(-1.0, 1.0) for _ in range(n)]
        sign = 1.0 if pattern == "pos" else -1.0
        return [sign * mag * rng.uniform(0.1, 1.0) for _ in range(n)]

    def rnd(x, digits=6):
        return float(f"{x:.{digits}g}")

    # --- NPV / NPV0 -----------------------------------------------------
    rates = [-0.95, -0.5, -0.1, 0.0, 1e-12, 0.05, 0.1, 1.0, 10.0, 1e6]
    mags = [1e-6, 1.0, 1e3, 1e12]
    for i in range(60):
        n = rng.choice([1, 2, 3, 5, 12, 30, 121, 150])
        rate = rng.choice(rates)
        if rate < -0.5 and n > 60:
            rate = -0.3  # (1+r)^-150 must stay finite
        v = [rnd(x) for x in flows(n, rng.choice(mags), rng.choice(["conv", "multi", "pos"]))]
        add(f"npv-{i}", rng.choice(["npv", "npv0"]), [rate, v])
    add("npv-rate-minus-1", "npv", [-1.0, [1, 2, 3]], "INVALID")
    # Below -1 the powers of NPV are whole and Excel computes them.
    add("npv-rate-below-minus-1", "npv", [-1.5, [1, 2, 3]])
    add("npv-rate-minus-2", "npv", [-2.0, [100, -50, 25, 7]])
    add("npv-one", "npv", [0.07, [100]])
    add("npv0-one", "npv0", [0.07, [100]])
    add("npv-zeros", "npv", [0.07, [0, 0, 0]])

    # --- XNPV -----------------------------------------------------------
    def dates(n, span, distinct=False):
        d0 = rng.randint(36000, 46000)
        if distinct:
            return [d0] + sorted(rng.sample(range(d0 + 1, d0 + max(span, n) + 1), n - 1))
        return [d0] + sorted(d0 + rng.randint(0, span) for _ in range(n - 1))

    for i in range(30):
        n = rng.choice([1, 2, 4, 10, 40, 130])
        d = dates(n, rng.choice([60, 400, 3650, 36500]))
        if i % 5 == 4 and n > 2:  # dates after the first in any order
            tail = d[1:]
            rng.shuffle(tail)
            d = [d[0]] + tail
        rate = rng.choice([-0.5, -0.05, 0.0, 0.09, 0.3, 2.0])
        v = [rnd(x) for x in flows(n, rng.choice(mags), rng.choice(["conv", "multi"]))]
        add(f"xnpv-{i}", "xnpv", [rate, v, d])
    add("xnpv-date-before-first", "xnpv", [0.1, [1, 2], [400, 1]], "INVALID")
    add("xnpv-rate-minus-1", "xnpv", [-1.0, [1, 2], [1, 400]], "INVALID")
    add("xnpv-same-dates", "xnpv", [0.1, [-1, 2, 3], [1000, 1000, 1000]])

    # --- IRR ------------------------------------------------------------
    for i in range(60):
        n = rng.choice([2, 3, 4, 6, 10, 20, 60, 121, 150])
        v = [rnd(x) for x in flows(n, rng.choice(mags), "conv")]
        add(f"irr-conv-{i}", "irr", [v, rng.choice([0.1, 0.1, -0.5, 0.5, 2.0])], "ROOT")
    for i in range(25):
        n = rng.choice([3, 4, 5, 8])
        v = [rnd(x) for x in flows(n, rng.choice(mags), "multi")]
        add(f"irr-multi-{i}", "irr", [v, 0.1], "ANYROOT" if count_irrs(v) > 1 else "")
    add("irr-all-positive", "irr", [[1, 2, 3], 0.1])
    add("irr-all-negative", "irr", [[-1, -2, -3], 0.1])
    # Excel needs a positive and a negative value (#NUM!); Gnumeric returns the guess.
    add("irr-zeros", "irr", [[0, 0, 0], 0.1], "NO_SOLUTION")
    add("irr-one-change-late", "irr", [[0, 0, -100, 0, 0, 150], 0.1])
    add("irr-two-roots-a", "irr", [[-100, 230, -132], 0.05])   # roots 10% and 20%
    add("irr-two-roots-b", "irr", [[-100, 230, -132], 0.3])
    add("irr-near-minus-1", "irr", [[-1000, 1, 1], 0.1])
    add("irr-near-minus-1b", "irr", [[-1, 1e-6], 0.1], "ROOT")
    add("irr-huge", "irr", [[-1, 100], 0.1])
    add("irr-huge-b", "irr", [[-1e-6, 1e12], 0.1], "ROOT")
    add("irr-zero-rate", "irr", [[-100, 50, 50], 0.1])
    add("irr-long-flat", "irr", [[-1000] + [10] * 149, 0.1])
    add("irr-long-loss", "irr", [[-1000] + [5] * 149, 0.1])

    # --- XIRR -----------------------------------------------------------
    for i in range(30):
        n = rng.choice([2, 3, 5, 10, 40, 130])
        # Distinct dates: Gnumeric's XIRR refuses repeated ones (Excel does not).
        d = dates(n, rng.choice([60, 400, 3650, 10000]), distinct=True)
        v = [rnd(x) for x in flows(n, rng.choice(mags), "conv")]
        # One sign change in date order: exactly one root, which a double
        # can hold only if 1 + r > 2^-52 (a few short, losing cases have
        # their root below that, and no representable solution).
        t = [(x - d[0]) / 365 for x in d]
        f = lambda u: sum(a * math.exp((t[-1] - ti) * u) for a, ti in zip(v, t))
        expect = "ROOT" if f(math.log(2.0 ** -52)) > 0 else "NO_SOLUTION"
        add(f"xirr-{i}", "xirr", [v, d, rng.choice([0.1, 0.1, 0.0, 0.5])], expect)
    add("xirr-repeated-dates", "xirr", [[-100, -50, 80, 90], [1000, 1000, 1400, 1400], 0.1],
        "ROOT")
    add("xirr-all-positive", "xirr", [[1, 2], [100, 200], 0.1], "NO_SOLUTION")
    add("xirr-date-before-first", "xirr", [[-1, 2], [200, 100], 0.1], "INVALID")

    # --- MIRR -----------------------------------------------------------
    for i in range(25):
        n = rng.choice([2, 3, 5, 12, 121])
        v = [rnd(x) for x in flows(n, rng.choice(mags), rng.choice(["conv", "multi"]))]
        fr = rng.choice([-0.9, -0.2, 0.0, 0.05, 0.1, 1.0])
        rr = rng.choice([-0.9, -0.2, 0.0, 0.05, 0.12, 1.0])
        if n > 100:
            fr, rr = abs(fr) % 0.5, abs(rr) % 0.5
        add(f"mirr-{i}", "mirr", [v, fr, rr])
    add("mirr-all-positive", "mirr", [[1, 2, 3], 0.1, 0.1])
    add("mirr-all-negative", "mirr", [[-1, -2, -3], 0.1, 0.1], "EXCEL=-1")
    add("mirr-finance-minus-2", "mirr", [[-100, 50, 60], -2.0, 0.1])

    # --- PMT / PV / FV / NPER / RATE -----------------------------------
    tvm_rates = [-0.5, -0.01, 0.0, 1e-9, 0.005, 0.08 / 12, 0.1, 1.5]
    nps = [1, 12, 360, 0.5, 7.25, -5]
    for i in range(40):
        rate, nper = rng.choice(tvm_rates), rng.choice(nps)
        pv = rnd(rng.choice([0, 1e-6, 1000, -250000, 1e12]) * rng.uniform(0.5, 1.5))
        fv = rnd(rng.choice([0, 0, 5000, -1e6]) * rng.uniform(0.5, 1.5))
        typ = rng.choice([0, 1])
        add(f"pmt-{i}", "pmt", [rate, nper, pv, fv, typ])
        pmt = rnd(rng.choice([0, -100, 2500, -1e9]) * rng.uniform(0.5, 1.5))
        add(f"pv-{i}", "pv", [rate, nper, pmt, fv, typ])
        add(f"fv-{i}", "fv", [rate, nper, pmt, pv, typ])
        add(f"nper-{i}", "nper", [rate, pmt, pv, fv, typ])
    add("pmt-nper-0", "pmt", [0.1, 0, 100, 0, 0], "INVALID")
    add("pv-rate-minus-1", "pv", [-1.0, 10, 100, 0, 0], "INVALID")
    add("pv-rate-below-minus-1", "pv", [-1.5, 10, 100, 0, 0])
    add("pv-rate-minus-2-type1", "pv", [-2.0, 24, 100, 400, 1])   # -400 in Excel
    add("fv-rate-minus-1", "fv", [-1.0, 24, 100, 400, 0])
    add("fv-rate-minus-3", "fv", [-3.0, 5, 100, 400, 1])
    add("pmt-rate-minus-1", "pmt", [-1.0, 24, 100, 400, 0])
    add("pmt-rate-minus-2-5", "pmt", [-2.5, 7, 100, 400, 0])
    add("pv-rate-minus-2-fractional", "pv", [-2.0, 2.5, 100, 400, 0], "INVALID")
    add("nper-rate0-pmt0", "nper", [0.0, 0, 100, 0, 0])
    add("nper-no-solution", "nper", [0.1, 100, 1000, 0, 0])
    # Whole numbers of periods only: Gnumeric's RATE truncates nper to an
    # integer (Excel and libairoi do not; the unit tests cover fractional
    # periods by round trips).
    for i in range(40):
        nper = rng.choice([1, 2, 12, 48, 360])
        rate = rng.choice([-0.3, -0.01, 0.0, 1e-6, 0.004, 0.01, 0.1, 0.9])
        pv = rnd(rng.choice([1000, 250000, 1e12, -5000]) * rng.uniform(0.5, 1.5))
        fv = rnd(pv * rng.choice([0, 0, 0.3, -0.5]) * rng.uniform(0.5, 1.5))
        typ = rng.choice([0, 1]) if nper > 1 else 0
        if typ == 1 and fv == 0:
            # With type 1 and fv 0 the equation has the factor (1 + r) and
            # vanishes as r -> -1, where an engine may stop (Gnumeric does);
            # see rate-type1-fv0 below.
            fv = rnd(-0.2 * pv)
        # A payment that makes `rate` the answer (rounded, so the answer moves a little).
        if rate == 0:
            pmt = -(pv + fv) / nper
        else:
            g = (1 + rate) ** nper
            pmt = -(fv + pv * g) * rate / ((1 + rate * typ) * (g - 1))
        add(f"rate-{i}", "rate", [nper, rnd(pmt, 8), pv, fv, typ, 0.1], "ROOT")
    add("rate-type1-fv0", "rate", [48, -106053.16, 223890, 0, 1, 0.1], "ANYROOT")
    add("rate-no-solution", "rate", [10, 100, 1000, 100, 0, 0.1])
    add("rate-nper-negative", "rate", [-5, 100, -100, 0, 0, 0.1], "INVALID")
    add("rate-pmt-only", "rate", [10, 0, -100, 200, 0, 0.1])
    return cases


def formula(func, a):
    if func == "npv":
        return f"=NPV({fmt(a[0])},{arr(a[1])})"
    if func == "npv0":
        v = a[1]
        if len(v) == 1:
            return f"=0+{fmt(v[0])}"
        return f"=({fmt(v[0])})+NPV({fmt(a[0])},{arr(v[1:])})"
    if func == "xnpv":
        return f"=XNPV({fmt(a[0])},{arr(a[1])},{arr(a[2])})"
    if func == "irr":
        return f"=IRR({arr(a[0])},{fmt(a[1])})"
    if func == "xirr":
        return f"=XIRR({arr(a[0])},{arr(a[1])},{fmt(a[2])})"
    if func == "mirr":
        return f"=MIRR({arr(a[0])},{fmt(a[1])},{fmt(a[2])})"
    if func in ("pmt", "pv", "fv", "nper", "rate"):
        return f"={func.upper()}(" + ",".join(fmt(x) for x in a) + ")"
    raise ValueError(func)


def argtext(a):
    parts = []
    for x in a:
        if isinstance(x, list):
            parts.append("[" + " ".join(fmt(y) for y in x) + "]")
        else:
            parts.append(fmt(x))
    return " ".join(parts)


def main():
    cmd = sys.argv[1]
    cases = build()
    if cmd == "formulas":
        with open(sys.argv[2], "w") as f:
            for cid, func, a, expect in cases:
                f.write(f"{cid};{func};{argtext(a)};{expect}\n")
        with open(sys.argv[3], "w") as f:
            for cid, func, a, expect in cases:
                f.write('"' + formula(func, a) + '"\n')
        return 0
    if cmd == "join":
        lines = open(sys.argv[2]).read().splitlines()
        results = open(sys.argv[3]).read().splitlines()
        if len(lines) != len(results):
            sys.exit(f"cases.py: {len(lines)} cases but {len(results)} results")
        print(f"# Reference values for tests/unit/test-finance.c, computed by {sys.argv[4]}")
        print("# (ssconvert --recalc) from tests/data/finance/cases.py; regenerate with")
        print("# tests/data/finance/regen.sh, do not edit by hand.")
        print("# id;function;arguments;engine result;libairoi expectation (empty: the")
        print("# engine's number or error; INVALID: refused by libairoi's contract;")
        print("# NO_SOLUTION: Excel's #NUM! where the engine says otherwise; ROOT: a root")
        print("# exists and must be found; ANYROOT: several roots, libairoi's pinned; see")
        print("# cases.py). Arrays are [a b c]; dates are day numbers.")
        for line, res in zip(lines, results):
            cid, func, a, expect = line.split(";")
            print(f"{cid};{func};{a};{res.strip()};{expect}")
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
