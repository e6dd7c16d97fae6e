#!/usr/bin/env python3
"""One Monte Carlo simulation spread over the worker processes of a Dask
cluster by trial ranges, merged into exactly the single-process result.

Each worker runs trials [first, first + count) of the simulation
(Project.simulate_range), sends them back as bytes
(Simulation.to_bytes); the client reads them on the same model
(Simulation.from_bytes) and merges the ranges in trial order
(Simulation.merge). Every trial's draws depend only on (seed, trial), so
the merged simulation is the one-process run bit for bit: statistics,
exact percentiles, histograms, sensitivity, convergence.
docs/python.md, "Simulations across processes".

usage: dask_simulation.py [MODEL.yaml [TRIALS [WORKERS [CHUNK]]]]
       (default: docs/examples/genai-support-uncertain.yaml, 200,000
       trials, 2 worker processes, 50,000 trials a task)
Needs the airoi package and libairoi where the workers run (here: the
environment this script runs in) and Dask (Debian: python3-dask,
python3-distributed). On a real cluster, pass a distributed.Client of it
to simulate_on_dask().
"""
import os
import sys
from functools import reduce
from typing import Any, Dict, List, Optional

import airoi


def run_range(model_text: str, first: int, count: int, options: Dict[str, Any]) -> bytes:
    """A task: trials [first, first + count) of the model, as bytes."""
    import airoi as a  # in the worker process

    with a.Project.from_yaml(model_text) as project:
        with project.simulate_range(first, count, **options) as part:
            return part.to_bytes()


def simulate_on_dask(client: Any, model_text: str, trials: int, chunk: int = 50_000,
                     **options: Any) -> "airoi.Simulation":
    """The simulation of `trials` trials of the model (YAML text), in tasks
    of `chunk` trials on the client's workers; options as
    Project.simulate (seed, outputs, sampling, percentiles, ...)."""
    options = dict(options, trials=trials)
    starts = range(0, trials, chunk)
    futures = [client.submit(run_range, model_text, first, min(chunk, trials - first), options,
                             pure=False)
               for first in starts]
    parts: List[bytes] = client.gather(futures)
    project = airoi.Project.from_yaml(model_text)
    sims = [airoi.Simulation.from_bytes(project, data) for data in parts]
    # ranges merge in trial order: ((r0 + r1) + r2) + ...
    merged = reduce(lambda a, b: a.merge(b), sims)
    for s in sims:
        s.close()
    project.close()
    return merged


def main(argv: Optional[List[str]] = None, client: Any = None) -> int:
    """The command; with `client`, on its cluster instead of a new LocalCluster."""
    argv = sys.argv[1:] if argv is None else argv
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[0] if argv else os.path.join(here, "genai-support-uncertain.yaml")
    trials = int(argv[1]) if len(argv) > 1 else 200_000
    workers = int(argv[2]) if len(argv) > 2 else 2
    chunk = int(argv[3]) if len(argv) > 3 else 50_000
    with open(path, encoding="utf-8") as f:
        text = f.read()
    options = {"seed": 2026, "outputs": ["npv", "irr", "payback_periods"]}
    if client is None:
        from dask.distributed import Client, LocalCluster

        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as own:
            merged = simulate_on_dask(own, text, trials, chunk, **options)
    else:
        merged = simulate_on_dask(client, text, trials, chunk, **options)
    with airoi.Project.from_yaml(text) as project:
        whole = project.simulate(trials=trials, **options)
    same = merged.to_dict() == whole.to_dict()
    print("%d trials in %d tasks on %d worker processes: mean NPV %.2f, P(NPV > 0) %.4f, "
          "P5 %.2f; the single-process run: %s" % (
              trials, len(range(0, trials, chunk)), workers, merged.stat("npv", "mean"),
              merged.prob_npv_positive, merged.percentile("npv", 5),
              "identical" if same else "DIFFERENT"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
