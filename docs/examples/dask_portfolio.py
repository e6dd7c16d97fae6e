#!/usr/bin/env python3
"""One portfolio Monte Carlo (drivers shared across projects) spread over
the worker processes of a Dask cluster by trial ranges, merged into exactly
the single-process result.

Each worker loads the portfolio file, runs trials [first, first + count)
of its chosen set (Portfolio.simulate(first=, count=)) and sends them back
as bytes (PortfolioSimulation.to_bytes); the client reads them on the same
portfolio (Portfolio.simulation_from_bytes) and merges the ranges in trial
order (PortfolioSimulation.merge). Trial t's draws, shared drivers
included, depend only on (seed, t), so the merged run is the one-process
run bit for bit: every trial, statistic, percentile, histogram bin, each
project's share of the variance, and the report in every format.
docs/portfolio.md, "Portfolio Monte Carlo"; docs/python.md, "Simulations
across processes".

usage: dask_portfolio.py [PORTFOLIO.yaml [TRIALS [WORKERS [CHUNK]]]]
       (default: docs/examples/portfolio/shared-drivers-2027.yaml, 100,000
       trials, 2 worker processes, 25,000 trials a task)
The portfolio file and its project files must be readable at the same path
where the workers run (here: this machine); so must the airoi package and
libairoi. Dask: Debian python3-dask, python3-distributed. On a real
cluster, pass a distributed.Client of it to simulate_portfolio_on_dask().
"""
import os
import sys
from functools import reduce
from typing import Any, Dict, List, Optional

import airoi


def run_portfolio_range(path: str, first: int, count: int, options: Dict[str, Any]) -> bytes:
    """A task: trials [first, first + count) of the portfolio file's chosen set, as bytes."""
    import airoi as a  # in the worker process

    with a.Portfolio.load(path) as portfolio:
        with portfolio.simulate(first=first, count=count, **options) as part:
            return part.to_bytes()


def simulate_portfolio_on_dask(client: Any, portfolio: "airoi.Portfolio", path: str,
                               trials: int, chunk: int = 25_000,
                               **options: Any) -> "airoi.PortfolioSimulation":
    """The simulation of `trials` trials of the portfolio loaded from `path`
    (`portfolio`, in this process), in tasks of `chunk` trials on the
    client's workers; options as Portfolio.simulate (seed, percentiles,
    threads)."""
    options = dict(options, trials=trials)
    path = os.path.abspath(path)
    futures = [client.submit(run_portfolio_range, path, first, min(chunk, trials - first),
                             options, pure=False)
               for first in range(0, trials, chunk)]
    parts: List[bytes] = client.gather(futures)
    sims = [portfolio.simulation_from_bytes(data) for data in parts]
    # ranges merge in trial order: ((r0 + r1) + r2) + ...
    merged = reduce(lambda a, b: a.merge(b), sims)
    for s in sims:
        if s is not merged:
            s.close()
    return merged


def main(argv: Optional[List[str]] = None, client: Any = None) -> int:
    """The command; with `client`, on its cluster instead of a new LocalCluster."""
    argv = sys.argv[1:] if argv is None else argv
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[0] if argv else os.path.join(here, "portfolio", "shared-drivers-2027.yaml")
    trials = int(argv[1]) if len(argv) > 1 else 100_000
    workers = int(argv[2]) if len(argv) > 2 else 2
    chunk = int(argv[3]) if len(argv) > 3 else 25_000
    options = {"seed": 2026}
    with airoi.Portfolio.load(path) as portfolio:
        if client is None:
            from dask.distributed import Client, LocalCluster

            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as own:
                merged = simulate_portfolio_on_dask(own, portfolio, path, trials, chunk,
                                                    **options)
        else:
            merged = simulate_portfolio_on_dask(client, portfolio, path, trials, chunk,
                                                **options)
        with merged, portfolio.simulate(trials=trials, **options) as whole:
            same = (merged.trials() == whole.trials()
                    and portfolio.report("json", merged) == portfolio.report("json", whole))
            s = merged.to_dict()
            print("%d trials in %d tasks: mean portfolio NPV %.2f, P(NPV > 0) %.4f, P5 %.2f, "
                  "shares %s; the single-process run: %s" % (
                      trials, len(range(0, trials, chunk)), s["npv"]["mean"],
                      s["prob_npv_positive"], s["npv"]["percentiles"]["5"],
                      ", ".join("%s %.3f" % (p["name"], p["contribution"])
                                for p in s["projects"]),
                      "identical" if same else "DIFFERENT"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
