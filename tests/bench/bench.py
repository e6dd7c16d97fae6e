#!/usr/bin/env python3
"""The performance table of docs/performance.md: libairoi next to its
references, all measured in this one run.

It runs the C half (bench-table: libairoi's batch kernels, a plain C loop,
model load + evaluate and libyaml's own parse), measures the NumPy
references here (vectorised NumPy, and numpy-financial-style code written
below: numpy-financial itself is not a dependency), then runs bench-sim
(the Monte Carlo row) when it is built, and prints one table: ns per unit
of work and the ratios.  Each figure is the best of several repetitions.
It prints figures and never fails on time.

Usage (from the source tree, after `meson compile -C build`):
  meson compile -C build bench           # the run target, same as
  /usr/bin/python3 tests/bench/bench.py --build build [--quick]
"""

import argparse
import ctypes
import os
import subprocess
import sys
import time
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))

try:
    import numpy as np
except ImportError:  # pragma: no cover - Debian's python3 has NumPy
    sys.exit("bench.py needs NumPy: run it with /usr/bin/python3 (Debian's python3-numpy)")


def best(fn, repeat):
    """Best wall time of fn() over `repeat` runs, in seconds."""
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def per_call(stmt, number, repeat=5):
    """Best time of one call of stmt() in seconds (timeit, best of repeat)."""
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


# ------------------------------------------------- the references in NumPy
def data(rows, cols, seed=12):
    """Rows like bench-table's: an investment, then returns (one IRR each)."""
    rng = np.random.default_rng(seed)
    v = rng.uniform(50.0, 400.0, size=(rows, cols))
    v[:, 0] = -rng.uniform(800.0, 1200.0, size=rows)
    return np.ascontiguousarray(v)


def npf_npv(rate, values):
    """numpy-financial's npv (1.0): values / (1 + rate)**t summed, t from 0."""
    values = np.atleast_2d(values)
    timestep_array = np.arange(0, values.shape[1])
    npv = (values / (1 + rate) ** timestep_array).sum(axis=1)
    try:
        return npv.item()
    except ValueError:
        return npv


def npf_irr(values):
    """numpy-financial's irr: the roots of the polynomial by np.roots (the
    eigenvalues of its companion matrix), the real positive ones as rates,
    the one nearest 0."""
    res = np.roots(values[::-1])
    mask = (res.imag == 0) & (res.real > 0)
    if not mask.any():
        return np.nan
    res = res[mask].real
    rate = 1 / res - 1
    return rate.item(np.argmin(np.abs(rate)))


def newton_irr(v, guess=0.1, tol=1e-12, maxiter=100):
    """Vectorised Newton over all rows, each row stopped at its convergence."""
    rows, cols = v.shape
    t = np.arange(cols, dtype=np.float64)
    r = np.full(rows, guess)
    active = np.arange(rows)
    for _ in range(maxiter):
        if active.size == 0:
            break
        ra = r[active]
        x = (1.0 + ra)[:, None] ** -t
        vx = v[active] * x
        f = vx.sum(axis=1)
        df = -(vx * t).sum(axis=1) / (1.0 + ra)
        step = f / df
        r[active] = ra - step
        active = active[np.abs(step) > tol * (1.0 + np.abs(ra))]
    return r


def newton_xirr(v, years, guess=0.1, tol=1e-12, maxiter=100):
    """Vectorised Newton XIRR (exp and log1p of NumPy), rows stopped at convergence."""
    rows = v.shape[0]
    r = np.full(rows, guess)
    active = np.arange(rows)
    for _ in range(maxiter):
        if active.size == 0:
            break
        ra = r[active]
        x = np.exp(-np.log1p(ra)[:, None] * years)
        vx = v[active] * x
        f = vx.sum(axis=1)
        df = -(vx * years).sum(axis=1) / (1.0 + ra)
        step = f / df
        r[active] = ra - step
        active = active[np.abs(step) > tol * (1.0 + np.abs(ra))]
    return r


# ---------------------------------------------------------------- runners
def run_c(build, rows, cols, items, reps):
    exe = os.path.join(build, "tests", "bench", "bench-table")
    out = subprocess.run([exe, str(rows), str(cols), str(items), str(reps)], check=True,
                         capture_output=True, text=True).stdout
    c = {}
    for line in out.splitlines():
        key, _, val = line.partition(" ")
        c[key] = val
    return c


def run_sim(build):
    exe = os.path.join(build, "tests", "bench", "bench-sim")
    if not os.path.exists(exe):
        return None
    return subprocess.run([exe], capture_output=True, text=True).stdout.rstrip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(SRC, "build"), help="the Meson build directory")
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--cols", type=int, default=10)
    ap.add_argument("--items", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="100,000 rows, 1 repetition (a smoke run)")
    ap.add_argument("--no-sim", action="store_true", help="skip bench-sim")
    a = ap.parse_args()
    if a.quick:
        a.rows, a.repeat, a.items = 100000, 1, 2000
    build = os.path.abspath(a.build)
    os.environ.setdefault("AIROI_LIBRARY", os.path.join(build, "lib", "libairoi.so"))
    sys.path.insert(0, os.path.join(SRC, "bindings", "python"))
    import airoi

    rows, cols, rep = a.rows, a.cols, a.repeat
    c = run_c(build, rows, cols, a.items, rep)
    ns = 1e9
    v = data(rows, cols)
    rate = 0.08

    # NPV: mat-vec with the discount factors.
    f = (1.0 + rate) ** -np.arange(1, cols + 1, dtype=np.float64)
    np_npv = best(lambda: v @ f, rep) * ns / rows

    # IRR: numpy-financial-style per row (a sample of rows: 35 us a call),
    # and the vectorised Newton on every row.
    sample = min(rows, 2000)
    npf_irr_ns = best(lambda: [npf_irr(v[i]) for i in range(sample)], 1) * ns / sample
    np_irr = best(lambda: newton_irr(v), rep) * ns / rows

    # XIRR: bench-table's dates, vectorised Newton.
    days = np.array([int(d) for d in c["dates"].split(",")], dtype=np.float64)
    years = (days - days[0]) / 365.0
    np_xirr = best(lambda: newton_xirr(v, years), rep) * ns / rows

    # Agreement of the batch results with the references (same data here).
    out_irr = airoi.irr_batch(v[:20000])
    out_xirr = airoi.xirr_batch(v[:20000], [int(d) for d in days])
    d_irr = float(np.max(np.abs(out_irr - newton_irr(v[:20000]))))
    d_xirr = float(np.max(np.abs(out_xirr - newton_xirr(v[:20000], years))))

    # Python calls on a list of 10.
    lst = [float(x) for x in v[0, :10]]
    arr = np.array(lst)
    py_list = per_call(lambda: airoi.npv(rate, lst), 20000) * ns
    py_arr = per_call(lambda: airoi.npv(rate, arr), 20000) * ns
    npf_list = per_call(lambda: npf_npv(rate, lst), 20000) * ns
    npf_arr = per_call(lambda: npf_npv(rate, arr), 20000) * ns

    sim = None if a.no_sim else run_sim(build)

    g = lambda k: float(c[k])  # noqa: E731
    print("libairoi performance table (%s; %d rows x %d, %d-item model, best of %d)"
          % (c["libairoi"], rows, cols, a.items, rep))
    print("machine: %s, %d CPUs, Python %s, NumPy %s"
          % (os.uname().machine, os.cpu_count() or 0, sys.version.split()[0], np.__version__))
    print()
    print("| work | libairoi | reference | ratio (reference / libairoi) |")
    print("| --- | --- | --- | --- |")
    row = lambda *x: print("| " + " | ".join(x) + " |")  # noqa: E731
    nl = g("npv_lib")
    row("batch NPV, %s rows x %d" % (format(rows, ","), cols), "%.1f ns/row" % nl,
        "plain C streaming dot product %.1f ns/row; NumPy mat-vec %.1f ns/row" % (g("npv_c"), np_npv),
        "%.2f (plain C: libairoi at %.2fx its time); %.2f" % (g("npv_c") / nl, nl / g("npv_c"), np_npv / nl))
    il = g("irr_lib")
    row("batch IRR, %s x %d" % (format(rows, ","), cols), "%.1f ns/row" % il,
        "numpy-financial-style irr %.0f ns/call; vectorised NumPy Newton %.0f ns/row" % (npf_irr_ns, np_irr),
        "%.0f; %.1f" % (npf_irr_ns / il, np_irr / il))
    xl = g("xirr_lib")
    row("batch XIRR, %s x %d" % (format(rows, ","), cols), "%.1f ns/row" % xl,
        "vectorised NumPy Newton XIRR %.0f ns/row" % np_xirr, "%.1f" % (np_xirr / xl))
    row("Python `airoi.npv(rate, list of 10)`", "%.0f ns (list), %.0f ns (ndarray)" % (py_list, py_arr),
        "numpy-financial-style npv %.0f ns (list), %.0f ns (ndarray)" % (npf_list, npf_arr),
        "%.2f (list); %.2f (ndarray)" % (npf_list / py_list, npf_arr / py_arr))
    ld, ev, yp = g("model_load") / 1e6, g("model_eval") / 1e6, g("yaml_parse") / 1e6
    cl, ce, cy = g("model_load_cpu") / 1e6, g("model_eval_cpu") / 1e6, g("yaml_parse_cpu") / 1e6
    row("%s-item model, load + evaluate" % format(a.items, ","),
        "%.1f ms (load %.1f, evaluate %.1f); CPU time %.1f ms (load %.1f, evaluate %.1f)"
        % (ld + ev, ld, ev, cl + ce, cl, ce),
        "libyaml's own event parse of the file %.1f ms; CPU time %.1f ms" % (yp, cy),
        "libairoi at %.2fx libyaml's parse; in CPU time %.2fx" % ((ld + ev) / yp, (cl + ce) / cy))
    row("Monte Carlo, 1M trials x 20 items x 10 periods",
        "see bench-sim below" if sim else "skipped (--no-sim)" if a.no_sim else "bench-sim not built",
        "vectorised NumPy (in bench-sim)",
        "(bench-sim)")
    print()
    print("agreement with the NumPy Newton on 20,000 rows: IRR max |diff| %.1e, XIRR %.1e"
          % (d_irr, d_xirr))
    print()
    print("finance goals (issue 12) in this run:")
    verdict = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    goals = [
        ("batch NPV within 1.2x of the plain C loop's time", "%.2fx" % (nl / g("npv_c")),
         nl <= 1.2 * g("npv_c")),
        ("batch IRR >= 100x numpy-financial-style irr", "%.0fx" % (npf_irr_ns / il),
         npf_irr_ns >= 100 * il),
        ("batch IRR >= 20x the vectorised NumPy Newton", "%.1fx" % (np_irr / il), np_irr >= 20 * il),
        ("batch XIRR >= 10x the vectorised NumPy Newton XIRR", "%.1fx" % (np_xirr / xl),
         np_xirr >= 10 * xl),
        ("Python npv faster than numpy-financial's on a list and an ndarray",
         "%.2fx, %.2fx" % (npf_list / py_list, npf_arr / py_arr), py_list < npf_list and py_arr < npf_arr),
        ("Python npv(rate, list of 10) <= 1 us (an idle machine's goal; wall time)", "%.0f ns" % py_list,
         py_list <= 1000),
    ]
    for text, fig, ok in goals:
        print("  %-72s %14s  %s" % (text, fig, verdict(ok)))
    if sim is not None:
        print()
        print("bench-sim:")
        print(sim)
    return 0


if __name__ == "__main__":
    sys.exit(main())
