#!/usr/bin/env python3
"""Cases of tests/data/finance/reference-more.csv: Excel's loan, rate
conversion and depreciation functions (IPMT, PPMT, CUMIPMT, CUMPRINC,
ISPMT, EFFECT, NOMINAL, PDURATION, RRI, FVSCHEDULE, SLN, SYD, DB, DDB,
VDB), each computed by two independent spreadsheet engines, Gnumeric
(ssconvert --recalc) and LibreOffice Calc (soffice --headless
--convert-to); run through regen-more.sh.

usage: cases-more.py formulas CASES_OUT GNUMERIC_CSV_OUT LIBREOFFICE_CSV_OUT
       cases-more.py join CASES GNUMERIC_RESULTS LIBREOFFICE_RESULTS VERSIONS > reference-more.csv

A case is: id, function, arguments (scalars, or an array written [a b c]),
and what libairoi must return:
  ""           both engines' number (they must agree), or an error where
               both engines err;
  LIBREOFFICE  LibreOffice's number or error: Gnumeric differs from Excel
               here (its IPMT and PPMT with type 1 in period 1, its ISPMT
               outside periods 1..nper, its DB with a period beyond
               life + 1, a fractional period, a month above 12 or
               fractional, its DB and DDB with salvage above cost; it has
               no PDURATION);
  EXACT=x      the exact value x, computed here in rational arithmetic:
               the engines take IPMT as FV(per - 1) rate and PPMT as
               PMT - IPMT and lose digits where (1 + rate)^per is large
               (numpy-financial issue 35);
  INVALID      libairoi refuses the arguments as Excel's documentation
               says, where an engine answers (EFFECT of 0, CUMIPMT with a
               fractional type is truncated instead, ...);
  EXCEL=x      Excel's documented value x where an engine disagrees (a
               fractional nper of CUMIPMT is truncated, as Excel's
               documentation says; LibreOffice does not truncate it).
The random cases come from a fixed seed, so the table is reproducible.
"""
import random
import sys
from fractions import Fraction as F


def fmt(x):
    if isinstance(x, bool):
        return "TRUE" if x else "FALSE"
    if isinstance(x, int):
        return str(x)
    r = repr(float(x))
    return r[:-2] if r.endswith(".0") else r


def big_power(rate, nper):
    """(1 + rate)^nper or its inverse above 1e8: the engines lose digits."""
    lg = nper * abs(__import__("math").log1p(rate))
    return lg > 18.42  # ln 1e8


def exact_cum(rate, nper, pv, s, e, typ):
    """CUMIPMT and CUMPRINC in rational arithmetic."""
    ci = cp = F(0)
    for p in range(s, e + 1):
        r, pv_, g = F(rate), F(pv), (1 + F(rate)) ** nper
        k = 1 + r * typ
        pmt = -(pv_ * g) * r / (k * (g - 1))
        kk = p - 1
        b = pv_ * (1 + r) ** kk + pmt * k * ((1 + r) ** kk - 1) / r
        ip = F(0) if (typ and p == 1) else (-r * b / (1 + r) if typ else -r * b)
        ci += ip
        cp += pmt - ip
    return float(ci), float(cp)


def exact_ipmt_ppmt(rate, per, nper, pv, fv, typ):
    """IPMT and PPMT in rational arithmetic (whole per and nper)."""
    r, pv, fv = F(rate), F(pv), F(fv)
    g = (1 + r) ** nper
    k = 1 + r * typ
    pmt = -(pv * g + fv) * r / (k * (g - 1))
    kk = per - 1
    b = pv * (1 + r) ** kk + pmt * k * ((1 + r) ** kk - 1) / r
    if typ and per == 1:
        ipmt = F(0)
    elif typ:
        ipmt = -r * b / (1 + r)
    else:
        ipmt = -r * b
    return float(ipmt), float(pmt - ipmt)


def build():
    cases = []

    def add(cid, func, args, expect=""):
        cases.append((cid, func, args, expect))

    rng = random.Random(20261202)

    # --- Microsoft's documented examples (support.microsoft.com) ---------
    add("ms-ipmt-1", "ipmt", [0.1 / 12, 1, 36, 8000, 0, 0])
    add("ms-ipmt-2", "ipmt", [0.1, 3, 3, 8000, 0, 0])
    add("ms-ppmt-1", "ppmt", [0.1 / 12, 1, 24, 2000, 0, 0])
    add("ms-ppmt-2", "ppmt", [0.08, 10, 10, 200000, 0, 0])
    add("ms-cumipmt-1", "cumipmt", [0.09 / 12, 360, 125000, 13, 24, 0])
    add("ms-cumipmt-2", "cumipmt", [0.09 / 12, 360, 125000, 1, 1, 0])
    add("ms-cumprinc-1", "cumprinc", [0.09 / 12, 360, 125000, 13, 24, 0])
    add("ms-cumprinc-2", "cumprinc", [0.09 / 12, 360, 125000, 1, 1, 0])
    # ISPMT counts periods from 0 (Microsoft's example); Gnumeric refuses
    # a period outside 1..nper.
    for per in range(4):
        add(f"ms-ispmt-{per}", "ispmt", [0.1, per, 4, 4000], "" if per else "LIBREOFFICE")
    add("ms-ispmt-monthly", "ispmt", [0.1 / 12, 0, 36, 8000000], "LIBREOFFICE")
    add("ms-effect", "effect", [0.0525, 4])
    add("ms-nominal", "nominal", [0.053543, 4])
    add("ms-pduration-1", "pduration", [0.025, 2000, 2200], "LIBREOFFICE")
    add("ms-pduration-2", "pduration", [0.025 / 12, 1000, 1200], "LIBREOFFICE")
    add("ms-rri", "rri", [96, 10000, 11000])
    add("ms-fvschedule", "fvschedule", [1, [0.09, 0.11, 0.1]])
    add("ms-sln", "sln", [30000, 7500, 10])
    add("ms-syd-1", "syd", [30000, 7500, 10, 1])
    add("ms-syd-10", "syd", [30000, 7500, 10, 10])
    for p in range(1, 8):
        add(f"ms-db-{p}", "db", [1000000, 100000, 6, p, 7])
    add("ms-ddb-day", "ddb", [2400, 300, 3650, 1, 2])
    add("ms-ddb-month", "ddb", [2400, 300, 120, 1, 2])
    add("ms-ddb-year", "ddb", [2400, 300, 10, 1, 2])
    add("ms-ddb-2", "ddb", [2400, 300, 10, 2, 1.5])
    add("ms-ddb-10", "ddb", [2400, 300, 10, 10, 2])
    add("ms-vdb-day", "vdb", [2400, 300, 3650, 0, 1, 2, False])
    add("ms-vdb-month", "vdb", [2400, 300, 120, 0, 1, 2, False])
    add("ms-vdb-year", "vdb", [2400, 300, 10, 0, 1, 2, False])
    add("ms-vdb-6-18", "vdb", [2400, 300, 120, 6, 18, 2, False])
    add("ms-vdb-6-18-f", "vdb", [2400, 300, 120, 6, 18, 1.5, False])
    add("ms-vdb-0-0.875", "vdb", [2400, 300, 10, 0, 0.875, 1.5, False])

    def rnd(x, digits=6):
        return float(f"{x:.{digits}g}")

    # --- IPMT / PPMT ----------------------------------------------------
    for i in range(40):
        rate = rng.choice([-0.3, -0.01, 1e-6, 0.004, 0.08 / 12, 0.1, 0.9])
        nper = rng.choice([1, 3, 12, 36, 120, 360])
        per = rng.randint(1, nper)
        pv = rnd(rng.choice([1000, 250000, -5000, 1e9]) * rng.uniform(0.5, 1.5))
        fv = rnd(rng.choice([0, 0, 0.2, -0.5]) * pv)
        typ = rng.choice([0, 1])
        # Gnumeric's IPMT with type 1 is not 0 in period 1 (Excel's is).
        ei = ep = "LIBREOFFICE" if (typ and per == 1) else ""
        if big_power(rate, nper):
            ip, pp = exact_ipmt_ppmt(rate, per, nper, pv, fv, typ)
            ei, ep = f"EXACT={ip!r}", f"EXACT={pp!r}"
        add(f"ipmt-{i}", "ipmt", [rate, per, nper, pv, fv, typ], ei)
        add(f"ppmt-{i}", "ppmt", [rate, per, nper, pv, fv, typ], ep)
    add("ipmt-type1-per1", "ipmt", [0.1, 1, 3, 8000, 0, 1], "LIBREOFFICE")
    add("ppmt-type1-per1", "ppmt", [0.1, 1, 3, 8000, 0, 1], "LIBREOFFICE")
    add("ipmt-frac-per", "ipmt", [0.05, 2.5, 10, 1000, 0, 0])
    add("ppmt-frac-per", "ppmt", [0.05, 2.5, 10, 1000, 0, 0])
    add("ipmt-per-0", "ipmt", [0.05, 0, 10, 1000, 0, 0])
    add("ipmt-per-beyond", "ipmt", [0.05, 11, 10, 1000, 0, 0])
    # Large powers: (1+r)^per up to 1e41 and 1e124; the engines cancel.
    for i, (rate, per, nper, typ) in enumerate([(0.1, 1, 1000, 0), (0.1, 2, 1000, 0),
                                                (0.25, 3, 1280, 0), (0.1, 999, 1000, 0),
                                                (0.2, 5, 600, 1), (0.5, 10, 700, 0)]):
        ip, pp = exact_ipmt_ppmt(rate, per, nper, 10000, 0, typ)
        add(f"ipmt-large-{i}", "ipmt", [rate, per, nper, 10000, 0, typ], f"EXACT={ip!r}")
        add(f"ppmt-large-{i}", "ppmt", [rate, per, nper, 10000, 0, typ], f"EXACT={pp!r}")

    # --- CUMIPMT / CUMPRINC ---------------------------------------------
    for i in range(25):
        rate = rng.choice([1e-6, 0.003, 0.09 / 12, 0.05, 0.4])
        nper = rng.choice([1, 12, 60, 360])
        s = rng.randint(1, nper)
        e = rng.randint(s, nper)
        pv = rnd(rng.choice([1000, 125000, 1e8]) * rng.uniform(0.5, 1.5))
        typ = rng.choice([0, 1])
        ei = ep = ""
        if big_power(rate, nper):
            ci, cp = exact_cum(rate, nper, pv, s, e, typ)
            ei, ep = f"EXACT={ci!r}", f"EXACT={cp!r}"
        add(f"cumipmt-{i}", "cumipmt", [rate, nper, pv, s, e, typ], ei)
        add(f"cumprinc-{i}", "cumprinc", [rate, nper, pv, s, e, typ], ep)
    add("cumipmt-rate-0", "cumipmt", [0, 12, 1000, 1, 12, 0])
    add("cumipmt-pv-negative", "cumipmt", [0.01, 12, -1000, 1, 12, 0])
    add("cumipmt-end-beyond", "cumipmt", [0.01, 12, 1000, 1, 13, 0])
    add("cumipmt-start-after-end", "cumipmt", [0.01, 12, 1000, 5, 4, 0])
    add("cumprinc-type-2", "cumprinc", [0.01, 12, 1000, 1, 12, 2], "INVALID")  # Gnumeric: 1
    add("cumipmt-frac-periods", "cumipmt", [0.0075, 360, 125000, 13.7, 24.2, 0])
    add("cumipmt-frac-nper", "cumipmt", [0.0075, 360.5, 125000, 13, 24, 0],
        "EXCEL=-11135.232130750843")

    # --- ISPMT ----------------------------------------------------------
    for i in range(10):
        nper = rng.choice([1, 4, 12, 36])
        per = rng.randint(0, nper + 2)
        add(f"ispmt-{i}", "ispmt", [rng.choice([-0.5, 0.0, 0.01, 0.1, 2.0]), per, nper,
                                    rnd(rng.uniform(-1e6, 1e6))],
            "" if 1 <= per <= nper else "LIBREOFFICE")
    add("ispmt-nper-0", "ispmt", [0.1, 1, 0, 4000])

    # --- EFFECT / NOMINAL / PDURATION / RRI / FVSCHEDULE ----------------
    for i in range(15):
        r = rng.choice([1e-9, 0.001, 0.0525, 0.12, 0.5, 3.0])
        n = rng.choice([1, 2, 4, 12, 52, 365, 4.7])
        add(f"effect-{i}", "effect", [r, n])
        add(f"nominal-{i}", "nominal", [r, n])
    add("effect-0", "effect", [0, 4], "INVALID")        # LibreOffice: 0
    add("effect-negative", "effect", [-0.05, 4])
    add("effect-npery-0.5", "effect", [0.05, 0.5])
    add("nominal-0", "nominal", [0, 4])
    for i in range(12):
        rate = rng.choice([1e-6, 0.001, 0.025, 0.1, 2.0])
        pv = rnd(rng.uniform(1, 1e6))
        fv = rnd(pv * rng.choice([0.5, 1.0001, 1.1, 2.0, 1e3]))
        add(f"pduration-{i}", "pduration", [rate, pv, fv], "LIBREOFFICE")
        add(f"rri-{i}", "rri", [rng.choice([0.5, 1, 7, 96, 360]), pv, fv])
    add("pduration-rate-0", "pduration", [0, 100, 200], "LIBREOFFICE")
    add("pduration-pv-negative", "pduration", [0.1, -100, 200], "LIBREOFFICE")
    add("rri-both-negative", "rri", [10, -100, -200])
    add("rri-fv-0", "rri", [10, 100, 0])
    add("rri-nper-0", "rri", [0, 100, 200])
    add("rri-pv-0", "rri", [10, 0, 200])
    for i in range(8):
        n = rng.choice([1, 2, 5, 30])
        add(f"fvschedule-{i}", "fvschedule",
            [rnd(rng.uniform(-1e4, 1e6)), [rnd(rng.uniform(-0.5, 0.5)) for _ in range(n)]])

    # --- SLN / SYD --------------------------------------------------------
    for i in range(10):
        life = rng.choice([1, 3, 5, 10, 7.5, 40])
        cost = rnd(rng.uniform(100, 1e7))
        salvage = rnd(cost * rng.choice([0, 0.1, 0.5]))
        add(f"sln-{i}", "sln", [cost, salvage, life])
        add(f"syd-{i}", "syd", [cost, salvage, life, rng.choice([1, life, max(1, life // 2)])])
    add("sln-life-0", "sln", [1000, 100, 0])
    add("syd-per-beyond", "syd", [1000, 100, 5, 6])
    add("syd-per-0", "syd", [1000, 100, 5, 0])

    # --- DB ---------------------------------------------------------------
    for i in range(30):
        life = rng.choice([1, 3, 5, 6, 10, 25])
        cost = rnd(rng.uniform(1000, 1e7))
        salvage = rnd(cost * rng.choice([0, 0.01, 0.1, 0.3, 0.9]))
        month = rng.choice([1, 6, 7, 12])
        period = rng.randint(1, life + (1 if month < 12 else 0))
        add(f"db-{i}", "db", [cost, salvage, life, period, month])
    add("db-life-plus-1-month-12", "db", [1000000, 100000, 6, 7, 12])
    add("db-beyond-life-plus-1", "db", [1000000, 100000, 6, 8, 7], "LIBREOFFICE")
    add("db-frac-period", "db", [100, 10, 6, 2.5, 12], "LIBREOFFICE")
    add("db-frac-month", "db", [100, 10, 6, 1, 6.5], "LIBREOFFICE")
    add("db-salvage-above-cost", "db", [100, 200, 6, 1, 12], "LIBREOFFICE")
    add("db-cost-0", "db", [0, 0, 6, 1, 12])
    add("db-month-13", "db", [1000, 100, 6, 1, 13], "LIBREOFFICE")

    # --- DDB / VDB --------------------------------------------------------
    for i in range(25):
        life = rng.choice([3, 5, 10, 12, 120])
        cost = rnd(rng.uniform(1000, 1e7))
        salvage = rnd(cost * rng.choice([0, 0.05, 0.2, 0.6]))
        factor = rng.choice([1, 1.5, 2, 3])
        period = rng.choice([1, 2, life, rng.randint(1, life), rng.randint(1, life) + 0.5])
        period = min(period, life)
        add(f"ddb-{i}", "ddb", [cost, salvage, life, period, factor])
        s = rnd(rng.uniform(0, life), 3)
        e = min(life, rnd(s + rng.uniform(0, life - s), 3))
        s = rng.choice([s, float(int(s))])
        e = rng.choice([e, float(int(e)) if int(e) >= s else e])
        add(f"vdb-{i}", "vdb", [cost, salvage, life, s, e, factor, rng.choice([False, True])])
    add("ddb-salvage-above-cost", "ddb", [2400, 3000, 10, 1, 2], "LIBREOFFICE")
    add("ddb-period-beyond", "ddb", [2400, 300, 10, 11, 2])
    add("ddb-factor-above-life", "ddb", [2400, 300, 3, 1, 5])
    add("vdb-no-switch", "vdb", [2400, 300, 10, 1.5, 3.7, 2, True])
    add("vdb-end-beyond", "vdb", [2400, 300, 10, 0, 11, 2, False])
    add("vdb-start-after-end", "vdb", [2400, 300, 10, 5, 4, 2, False])
    return cases


def formula(func, a):
    def arg(x):
        if isinstance(x, list):
            return "{" + ",".join(fmt(y) for y in x) + "}"
        return fmt(x)
    return "=" + func.upper() + "(" + ",".join(arg(x) for x in a) + ")"


def argtext(a):
    return " ".join("[" + " ".join(fmt(y) for y in x) + "]" if isinstance(x, list) else fmt(x)
                    for x in a)


def main():
    cmd = sys.argv[1]
    cases = build()
    if cmd == "formulas":
        with open(sys.argv[2], "w") as f:
            for cid, func, a, expect in cases:
                f.write(f"{cid};{func};{argtext(a)};{expect}\n")
        with open(sys.argv[3], "w") as f:  # Gnumeric: quoted, commas
            for cid, func, a, expect in cases:
                f.write('"' + formula(func, a) + '"\n')
        with open(sys.argv[4], "w") as f:  # LibreOffice: semicolons, tab-separated file
            for cid, func, a, expect in cases:
                f.write(formula(func, a).replace(",", ";") + "\n")
        return 0
    if cmd == "join":
        lines = open(sys.argv[2]).read().splitlines()
        gn = open(sys.argv[3]).read().splitlines()
        lo = [x.strip().strip('"') for x in open(sys.argv[4]).read().splitlines()]
        if not len(lines) == len(gn) == len(lo):
            sys.exit(f"cases-more.py: {len(lines)} cases, {len(gn)} and {len(lo)} results")
        print(f"# Reference values for tests/unit/test-finance-more.c, computed by {sys.argv[5]}")
        print("# from tests/data/finance/cases-more.py; regenerate with")
        print("# tests/data/finance/regen-more.sh, do not edit by hand.")
        print("# id;function;arguments;Gnumeric;LibreOffice;libairoi expectation (empty:")
        print("# both engines' number, or an error where both err; LIBREOFFICE: that")
        print("# engine only; EXACT=x and EXCEL=x: that value; INVALID: refused; see")
        print("# cases-more.py). Arrays are [a b c]; TRUE/FALSE are no_switch flags.")
        for line, g, l in zip(lines, gn, lo):
            cid, func, a, expect = line.split(";")
            l = "#ERR" if l.startswith("Err:") or l.startswith("#") else l
            print(f"{cid};{func};{a};{g.strip()};{l};{expect}")
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
