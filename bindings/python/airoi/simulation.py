"""Uncertainty and decisions (``include/airoi/uncertainty.h``,
``simulation.h``): :class:`Simulation` (Monte Carlo), :class:`Tornado`,
:class:`Staging` and :class:`Breakeven`, made by :meth:`Project.simulate`,
:meth:`Project.tornado`, :meth:`Project.stages` and :meth:`Project.breakeven`;
and :class:`Uncertainty`, an entry of a project's ``uncertainties``.

Each result owns one C handle, is immutable, and may be read from any thread.
``to_dict()`` is the document the ``airoi`` command prints with ``--format
json`` (the C report writer's JSON, parsed); the keys are in docs/cli.md.
"""

from __future__ import annotations

import ctypes
import json
from ctypes import POINTER as P
from ctypes import c_double, c_int, c_int32, c_int64, c_size_t, c_uint, c_void_p
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from . import _lib, errors
from ._convert import _boolean, _cstr, _number, _text
from ._lib import C, Handle

__all__ = ["Simulation", "Tornado", "Staging", "Breakeven", "Uncertainty", "OUTPUTS",
           "DISTRIBUTIONS"]

#: Signature of the C progress callback: (done, total, userdata) -> nonzero to cancel.
PROGRESS_FN = ctypes.CFUNCTYPE(c_int, c_int64, c_int64, c_void_p)

_c_void_pp = P(c_void_p)
_p_double = P(c_double)
_p_int = P(c_int)
_p_size_t = P(c_size_t)
_p_char_p = P(ctypes.c_char_p)

_PROTOTYPES: Dict[str, Tuple[Any, List[Any]]] = {
    # uncertainty.h
    "airoi_project_add_uncertainty": (c_int, [_c_void_pp, c_void_p, ctypes.c_char_p, c_int]),
    "airoi_project_count_uncertainties": (c_size_t, [c_void_p]),
    "airoi_project_get_uncertainty": (c_void_p, [c_void_p, c_size_t]),
    "airoi_project_get_uncertainty_mutable": (c_void_p, [c_void_p, c_size_t]),
    "airoi_project_remove_uncertainty": (c_int, [c_void_p, c_size_t]),
    "airoi_uncertainty_get_distribution": (c_int, [_p_int, c_void_p]),
    "airoi_uncertainty_set_number": (c_int, [c_void_p, c_int, c_double]),
    "airoi_uncertainty_get_number": (c_int, [_p_double, c_void_p, c_int]),
    "airoi_uncertainty_set_string": (c_int, [c_void_p, c_int, ctypes.c_char_p]),
    "airoi_uncertainty_get_string": (ctypes.c_char_p, [c_void_p, c_int]),
    "airoi_uncertainty_is_set": (c_int, [c_void_p, c_int]),
    "airoi_uncertainty_set_discrete": (c_int, [c_void_p, _p_double, _p_double, c_size_t]),
    "airoi_uncertainty_get_discrete": (c_int, [_p_double, _p_double, c_size_t, _p_size_t, c_void_p]),
    "airoi_project_add_correlation": (c_int, [c_void_p, ctypes.c_char_p, ctypes.c_char_p, c_double]),
    "airoi_project_count_correlations": (c_size_t, [c_void_p]),
    "airoi_project_get_correlation": (c_int, [_p_char_p, _p_char_p, _p_double, c_void_p, c_size_t]),
    "airoi_project_remove_correlation": (c_int, [c_void_p, c_size_t]),
    "airoi_project_add_stage": (c_int, [c_void_p, ctypes.c_char_p, c_double, c_int32, c_double]),
    "airoi_project_count_stages": (c_size_t, [c_void_p]),
    "airoi_project_get_stage_number": (c_int, [_p_double, c_void_p, c_size_t, c_int]),
    "airoi_project_get_stage_name": (ctypes.c_char_p, [c_void_p, c_size_t]),
    "airoi_project_set_stage_number": (c_int, [c_void_p, c_size_t, c_int, c_double]),
    "airoi_project_remove_stage": (c_int, [c_void_p, c_size_t]),
    "airoi_sim_options_new": (c_int, [_c_void_pp]),
    "airoi_sim_options_clone": (c_int, [_c_void_pp, c_void_p]),
    "airoi_sim_options_free": (None, [c_void_p]),
    "airoi_sim_options_set_number": (c_int, [c_void_p, c_int, c_double]),
    "airoi_sim_options_get_number": (c_int, [_p_double, c_void_p, c_int]),
    "airoi_sim_options_is_set": (c_int, [c_void_p, c_int]),
    "airoi_sim_options_set_outputs": (c_int, [c_void_p, _p_int, c_size_t]),
    "airoi_sim_options_get_outputs": (c_int, [_p_int, c_size_t, _p_size_t, c_void_p]),
    "airoi_sim_options_get_percentiles": (c_int, [_p_double, c_size_t, _p_size_t, c_void_p]),
    "airoi_project_set_sim_options": (c_int, [c_void_p, c_void_p]),
    "airoi_sim_options_set_percentiles": (c_int, [c_void_p, _p_double, c_size_t]),
    "airoi_project_get_sim_options": (c_void_p, [c_void_p]),
    "airoi_gate_prior_from_name": (c_int, [_p_int, ctypes.c_char_p]),
    "airoi_gate_prior_name": (ctypes.c_char_p, [c_int]),
    "airoi_distribution_from_name": (c_int, [_p_int, ctypes.c_char_p]),
    "airoi_distribution_name": (ctypes.c_char_p, [c_int]),
    "airoi_sampling_from_name": (c_int, [_p_int, ctypes.c_char_p]),
    "airoi_sampling_name": (ctypes.c_char_p, [c_int]),
    "airoi_sim_output_from_name": (c_int, [_p_int, ctypes.c_char_p]),
    "airoi_sim_output_name": (ctypes.c_char_p, [c_int]),
    # simulation.h
    "airoi_project_simulate": (c_int, [_c_void_pp, c_void_p, c_void_p, c_uint, PROGRESS_FN, c_void_p]),
    "airoi_project_simulate_range": (c_int, [_c_void_pp, c_void_p, c_void_p, c_int64, c_int64,
                                             c_uint, PROGRESS_FN, c_void_p]),
    "airoi_simulation_merge": (c_int, [_c_void_pp, c_void_p, c_void_p]),
    "airoi_simulation_save_buffer": (c_int, [_c_void_pp, _p_size_t, c_void_p, c_uint]),
    "airoi_simulation_load_buffer": (c_int, [_c_void_pp, c_void_p, ctypes.c_char_p, c_size_t,
                                             c_uint]),
    "airoi_simulation_free": (None, [c_void_p]),
    "airoi_simulation_get_stat": (c_int, [_p_double, c_void_p, c_int, c_int]),
    "airoi_simulation_get_percentile": (c_int, [_p_double, c_void_p, c_int, c_double]),
    "airoi_simulation_get_histogram": (c_int, [_p_double, P(c_int64), c_size_t, _p_size_t, c_void_p, c_int]),
    "airoi_simulation_get_trials": (c_int, [_p_double, P(c_int32), c_size_t, _p_size_t, c_void_p, c_int]),
    "airoi_simulation_get_number": (c_int, [_p_double, c_void_p, c_int]),
    "airoi_tornado_evaluate": (c_int, [_c_void_pp, c_void_p, c_uint]),
    "airoi_tornado_free": (None, [c_void_p]),
    "airoi_staging_evaluate": (c_int, [_c_void_pp, c_void_p, c_uint]),
    "airoi_staging_free": (None, [c_void_p]),
    "airoi_breakeven_evaluate": (c_int, [_c_void_pp, c_void_p, c_uint]),
    "airoi_breakeven_free": (None, [c_void_p]),
    # report.h
    "airoi_report_write_simulation": (c_int, [_c_void_pp, _p_size_t, c_void_p, c_int, c_uint]),
    "airoi_report_write_tornado": (c_int, [_c_void_pp, _p_size_t, c_void_p, c_int, c_uint]),
    "airoi_report_write_staging": (c_int, [_c_void_pp, _p_size_t, c_void_p, c_int, c_uint]),
    "airoi_report_write_breakeven": (c_int, [_c_void_pp, _p_size_t, c_void_p, c_int, c_uint]),
    "airoi_report_write_business_case": (c_int, [_c_void_pp, _p_size_t, c_void_p, c_void_p,
                                                 c_void_p, c_void_p, c_uint]),
}
for _name, (_res, _args) in _PROTOTYPES.items():
    setattr(C, _name, _lib.declare(_name, _res, _args))
del _name, _res, _args


def _names(fn: Any, first: int) -> Tuple[str, ...]:
    out = []
    v = first
    while True:
        text = fn(v)
        if not text:
            return tuple(out)
        out.append(text.decode("utf-8"))
        v += 1


# Family bases of the simulation enumerations (their values are pinned).
_DIST_BASE = 0x2000
_UNC_BASE = 0x2100
_STAGE_BASE = 0x2200
_OUTPUT_BASE = 0x2400
_STAT_BASE = 0x2500
_SIM_BASE = 0x2600

#: Distributions of an uncertainty, read from the library ("fixed", "uniform", "pert", ...).
DISTRIBUTIONS: Tuple[str, ...] = _names(C.airoi_distribution_name, _DIST_BASE)
#: Outputs of a simulation ("npv", "irr", "roi_horizon", "npv_roi", "payback_periods").
OUTPUTS: Tuple[str, ...] = _names(C.airoi_sim_output_name, _OUTPUT_BASE)

# airoi_uncertainty_param, by model-file key
_UNC_PARAMS = {name: _UNC_BASE + i for i, name in enumerate(
    ("name", "target", "low", "mode", "high", "shape", "mean", "sd", "mu", "sigma", "p",
     "impact", "value", "min", "max", "per_period", "driver"))}
# the string parameters
_UNC_STRINGS = ("name", "target", "driver")
# airoi_sim_stat, by the name Simulation.stat() takes
STATS: Tuple[str, ...] = ("mean", "sd", "se", "min", "max", "prob_positive",
                          "prob_above_target", "value_at_risk", "expected_shortfall",
                          "never_share", "undefined_share", "defined")
# airoi_sim_param
_SIM_TRIALS, _SIM_SEED, _SIM_SAMPLING, _SIM_THREADS = 0x2600, 0x2601, 0x2602, 0x2603
_SIM_KEEP_TRIALS = 0x2607
# the keys of a model file's simulation: section, in its order: the numbers
# (AIROI_SIM_TRIALS + i), then the two lists
_SIM_NUMBERS = ("trials", "seed", "sampling", "threads", "bins", "roi_target", "tail",
                "keep_trials", "repair")
_SIM_BOOLS = ("keep_trials", "repair")
SIMULATION_KEYS: Tuple[str, ...] = _SIM_NUMBERS + ("outputs", "percentiles")
# airoi_stage_param
_STAGE_COST, _STAGE_PERIODS, _STAGE_PROBABILITY, _STAGE_PRIOR = 0x2201, 0x2202, 0x2203, 0x2204


def _from_name(fn: Any, name: Any, what: str) -> int:
    if not isinstance(name, str):
        raise TypeError("%s must be a name (str), not %s" % (what, type(name).__name__))
    out = c_int(0)
    _lib.check(fn(ctypes.byref(out), _cstr(name, what)))
    return int(out.value)


def _output(name: Any) -> int:
    return _from_name(C.airoi_sim_output_from_name, name, "output")


def _write(fn: Any, handle: Handle, format: str) -> str:
    fmt = c_int()
    _lib.check(C.airoi_report_format_from_name(ctypes.byref(fmt), _cstr(format, "format")))
    out = c_void_p()
    length = c_size_t()
    _lib.check(fn(ctypes.byref(out), ctypes.byref(length), handle.ptr, fmt.value, 0))
    try:
        return ctypes.string_at(out.value, length.value).decode("utf-8")
    finally:
        C.airoi_free(out)


class _Document:
    """What every result here shares: the C report in any format and its JSON, parsed."""

    __slots__ = ("_h", "_doc", "__weakref__")
    _writer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("made by Project.simulate(), tornado(), stages() or breakeven()")

    @classmethod
    def _owned(cls, ptr: int, free: Any, what: str) -> Any:
        self = cls.__new__(cls)
        self._h = Handle(ptr, free, what=what)
        self._doc = None
        return self

    def report(self, format: str = "text") -> str:
        """The report in ``format`` ('text', 'json', 'csv' or 'md'), written by the C report writer."""
        return _write(getattr(C, self._writer), self._h, format)

    def to_json(self) -> str:
        """The JSON report (``report("json")``)."""
        return self.report("json")

    def to_dict(self) -> Dict[str, Any]:
        """The JSON report as Python objects (the document ``airoi ... --format json`` prints)."""
        if self._doc is None:
            self._doc = json.loads(self.to_json())
        return json.loads(json.dumps(self._doc))  # a copy the caller may change

    def _section(self, key: str) -> Any:
        if self._doc is None:
            self._doc = json.loads(self.to_json())
        return self._doc[key]

    def close(self) -> None:
        """Frees the C result now (idempotent)."""
        self._h.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Simulation(_Document):
    """A Monte Carlo simulation (``airoi_simulation``): statistics, exact
    percentiles, histograms, sensitivity and convergence of each output
    computed (``npv``, ``irr``, ``roi_horizon``, ``npv_roi``,
    ``payback_periods``), and the staged-investment figures over the trials
    when the model has stages.  Made by :meth:`Project.simulate`."""

    __slots__ = ()
    _writer = "airoi_report_write_simulation"

    # -- trial ranges: scale out (docs/python.md#simulations-across-processes) ----------
    def merge(self, other: "Simulation") -> "Simulation":
        """The simulation of this trial range followed by ``other``'s (which
        must start where this one ends, with the same model and settings):
        exactly the simulation of their union, bit for bit."""
        if not isinstance(other, Simulation):
            raise TypeError("merge() takes a Simulation, not %s" % type(other).__name__)
        out = c_void_p()
        _lib.check(C.airoi_simulation_merge(ctypes.byref(out), self._h.ptr, other._h.ptr))
        return Simulation._owned(int(out.value or 0), C.airoi_simulation_free, "Simulation")

    def to_bytes(self) -> bytes:
        """The per-trial results as bytes (``airoi_simulation_save_buffer``),
        to send to another process or machine; read back with
        :meth:`from_bytes` and the same project."""
        out, n = c_void_p(), c_size_t()
        _lib.check(C.airoi_simulation_save_buffer(ctypes.byref(out), ctypes.byref(n),
                                                  self._h.ptr, 0))
        try:
            return ctypes.string_at(out.value, n.value)
        finally:
            C.airoi_free(out)

    @classmethod
    def from_bytes(cls, project: Any, data: bytes) -> "Simulation":
        """The simulation saved by :meth:`to_bytes`, on ``project`` (the
        one it ran on: a different model raises :class:`airoi.InvalidError`)."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data must be bytes, not %s" % type(data).__name__)
        raw = bytes(data)
        out = c_void_p()
        with project._lock:
            _lib.check(C.airoi_simulation_load_buffer(ctypes.byref(out), project._h.ptr, raw,
                                                      len(raw), 0))
        return cls._owned(int(out.value or 0), C.airoi_simulation_free, "Simulation")

    def _number(self, param: int) -> float:
        out = c_double()
        _lib.check(C.airoi_simulation_get_number(ctypes.byref(out), self._h.ptr, param))
        return out.value

    @property
    def trials(self) -> int:
        """Number of trials."""
        return int(self._number(_SIM_TRIALS))

    @property
    def seed(self) -> int:
        """The seed: the same seed gives the same result, whatever the thread count."""
        return int(self._number(_SIM_SEED))

    @property
    def sampling(self) -> str:
        """'random' or 'sobol'."""
        return _text(C.airoi_sampling_name(int(self._number(_SIM_SAMPLING)))) or ""

    @property
    def outputs(self) -> List[str]:
        """The outputs computed, in the order of :data:`OUTPUTS`."""
        return list(self._section("simulation")["outputs"])

    def stat(self, output: str, stat: str) -> Optional[float]:
        """One statistic of an output (one of :data:`STATS`); None when no
        trial defines it.  A statistic that is not one of the output's
        (``never_share`` of ``npv``) raises :class:`airoi.InvalidInputError`."""
        if stat not in STATS:
            raise _lib.invalid("unknown statistic %r (expected one of: %s)" % (stat, ", ".join(STATS)))
        out = c_double()
        status = C.airoi_simulation_get_stat(ctypes.byref(out), self._h.ptr, _output(output),
                                             _STAT_BASE + STATS.index(stat))
        if status in (_lib.AIROI_ERR_UNDEFINED, _lib.AIROI_ERR_NOT_FOUND):
            return None
        _lib.check(status)
        return out.value

    def stats(self, output: str = "npv") -> Dict[str, Optional[float]]:
        """The statistics of an output, by name (see :meth:`stat`): those
        that apply to it."""
        out: Dict[str, Optional[float]] = {}
        for name in STATS:
            try:
                out[name] = self.stat(output, name)
            except errors.InvalidInputError:
                continue
        return out

    def percentile(self, output: str, p: float) -> Optional[float]:
        """The exact ``p``-th percentile (``p`` in [0, 100]) of an output."""
        out = c_double()
        status = C.airoi_simulation_get_percentile(ctypes.byref(out), self._h.ptr, _output(output),
                                                   _number(p, "percentile"))
        if status == _lib.AIROI_ERR_UNDEFINED:
            return None
        _lib.check(status)
        return out.value

    def percentiles(self, output: str = "npv") -> Dict[str, Optional[float]]:
        """The percentiles reported ("5", "10", "50", "90", "95" and those asked), by key."""
        return dict(self._section("simulation")["outputs"][output]["percentiles"])

    def histogram(self, output: str = "npv") -> Tuple[List[float], List[int]]:
        """``(edges, counts)``: bins + 1 edges and the trials in each bin."""
        o = _output(output)
        bins = c_size_t()
        _lib.check(C.airoi_simulation_get_histogram(None, None, 0, ctypes.byref(bins), self._h.ptr, o))
        n = bins.value
        edges = (c_double * (n + 1))()
        counts = (c_int64 * max(n, 1))()
        _lib.check(C.airoi_simulation_get_histogram(edges, counts, n, ctypes.byref(bins),
                                                    self._h.ptr, o))
        return list(edges[: n + 1]) if n else [], [int(c) for c in counts[:n]]

    @property
    def prob_npv_positive(self) -> Optional[float]:
        """P(NPV > 0): the share of trials with a positive NPV."""
        return self.stat("npv", "prob_positive")

    @property
    def sensitivity(self) -> List[Dict[str, Any]]:
        """Per uncertainty: ``input``, ``rank_correlation`` (Spearman with NPV)
        and ``variance_share``."""
        return [dict(x) for x in self._section("simulation")["sensitivity"]]

    @property
    def convergence(self) -> List[Dict[str, float]]:
        """Checkpoints: ``trials``, ``mean_npv`` and ``mean_npv_se``,
        ``prob_npv_positive`` and ``prob_npv_positive_se``."""
        return [dict(x) for x in self._section("simulation")["convergence"]]

    @property
    def staging(self) -> Optional[Dict[str, float]]:
        """The staged-investment figures over the trials, or None without stages."""
        s = self._section("simulation")["staging"]
        return None if s is None else dict(s)

    def values(self, output: str = "npv") -> List[Optional[float]]:
        """Per-trial values of an output, in trial order, None where it is
        undefined in a trial."""
        o = _output(output)
        n = c_size_t()
        _lib.check(C.airoi_simulation_get_trials(None, None, 0, ctypes.byref(n), self._h.ptr, o))
        vals = (c_double * max(n.value, 1))()
        status = (c_int32 * max(n.value, 1))()
        _lib.check(C.airoi_simulation_get_trials(vals, status, n.value, ctypes.byref(n),
                                                 self._h.ptr, o))
        return [vals[i] if status[i] == 0 else None for i in range(n.value)]

    def to_pandas(self) -> Any:
        """Per-trial values as a pandas DataFrame (one column per output, NaN
        where undefined, index ``trial``); needs pandas."""
        try:
            import pandas as pd  # type: ignore[import-not-found]
        except ImportError:
            raise ImportError("Simulation.to_pandas() needs pandas") from None
        cols = {o: [float("nan") if v is None else v for v in self.values(o)] for o in self.outputs}
        frame = pd.DataFrame(cols)
        frame.index.name = "trial"
        return frame

    def __repr__(self) -> str:
        if self._h.closed:
            return "<airoi.Simulation (closed)>"
        return "<airoi.Simulation %d trials, seed %d, %s>" % (self.trials, self.seed, self.sampling)


class Tornado(_Document):
    """Each uncertainty alone at its 10th and 90th percentile, the others at
    1: ``base_npv``, the ``bars`` (largest swing first) and the ``spider``
    data.  Made by :meth:`Project.tornado`."""

    __slots__ = ()
    _writer = "airoi_report_write_tornado"

    @property
    def base_npv(self) -> float:
        """The base case's NPV."""
        return float(self._section("base_npv"))

    @property
    def bars(self) -> List[Dict[str, Any]]:
        """``input``, ``low_npv``, ``high_npv``, ``swing``, largest swing first."""
        return [dict(x) for x in self._section("tornado")]

    @property
    def spider(self) -> Dict[str, Dict[str, float]]:
        """Input -> {"10": NPV, "25": ..., "90": ...}: NPV with the input alone at that percentile."""
        return {x["input"]: dict(x["npv"]) for x in self._section("spider")}

    def to_pandas(self) -> Any:
        """The bars as a pandas DataFrame indexed by input (needs pandas)."""
        import pandas as pd  # type: ignore[import-not-found]
        return pd.DataFrame(self.bars).set_index("input")


class Staging(_Document):
    """Staged investment with go/no-go gates: ``prob_production``,
    ``expected_cost``, ``expected_npv``, ``npv_all_in``, ``value_of_staging``.
    Made by :meth:`Project.stages`."""

    __slots__ = ()
    _writer = "airoi_report_write_staging"

    @property
    def figures(self) -> Dict[str, float]:
        """The five figures by their JSON key."""
        return {k: v for k, v in self._section("stages").items() if k != "gates"}

    @property
    def gates(self) -> List[Dict[str, Any]]:
        """Per stage: ``name``, ``start_period``, ``reach_probability`` (that
        it starts), ``probability`` (that its gate passes), ``from_prior``."""
        return [dict(g) for g in self._section("stages")["gates"]]

    def __getattr__(self, name: str) -> Any:
        if name in ("prob_production", "expected_cost", "expected_npv", "npv_all_in",
                    "value_of_staging"):
            return self._section("stages")[name]
        raise AttributeError(name)


class Breakeven(_Document):
    """The multipliers at which the base case's NPV is 0: ``values``,
    ``costs``, ``adoption_ceiling`` and each uncertain input's (None when
    there is none in the range searched: ``ranges`` gives it).  Made by
    :meth:`Project.breakeven`."""

    __slots__ = ()
    _writer = "airoi_report_write_breakeven"

    @property
    def values(self) -> Optional[float]:
        """The multiplier on every value."""
        return self._section("breakeven")["values"]

    @property
    def costs(self) -> Optional[float]:
        """The multiplier on every cost."""
        return self._section("breakeven")["costs"]

    @property
    def adoption_ceiling(self) -> Optional[float]:
        """The adoption ceiling every ramp would need."""
        return self._section("breakeven")["adoption_ceiling"]

    @property
    def ranges(self) -> Dict[str, List[float]]:
        """The range searched of each of the three figures that has no break-even in it."""
        return {k: list(v) for k, v in self._section("breakeven")["range"].items()}

    @property
    def inputs(self) -> Dict[str, Optional[float]]:
        """Uncertain input -> its multiplier at which NPV is 0 (None: none in range)."""
        return {x["input"]: x["multiplier"] for x in self._section("breakeven")["inputs"]}


# --- running -------------------------------------------------------------------------
def _options(project: Any, trials: Any, seed: Any, threads: Any, outputs: Any,
             percentiles: Any, sampling: Any, keep_trials: bool) -> Handle:
    base = C.airoi_project_get_sim_options(project._h.ptr) if project is not None else None
    out = c_void_p()
    if base:
        _lib.check(C.airoi_sim_options_clone(ctypes.byref(out), base))
    else:
        _lib.check(C.airoi_sim_options_new(ctypes.byref(out)))
    h = Handle(int(out.value or 0), C.airoi_sim_options_free, what="simulation options")
    for param, value, what in ((_SIM_TRIALS, trials, "trials"), (_SIM_SEED, seed, "seed"),
                               (_SIM_THREADS, threads, "threads")):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
            _lib.check(C.airoi_sim_options_set_number(h.ptr, param, float(value)))
    if sampling is not None:
        smp = _from_name(C.airoi_sampling_from_name, sampling, "sampling")
        _lib.check(C.airoi_sim_options_set_number(h.ptr, _SIM_SAMPLING, float(smp)))
    if outputs is not None:
        if isinstance(outputs, str):
            outputs = [outputs]
        ids = [_output(o) for o in outputs]
        arr = (c_int * max(len(ids), 1))(*ids)
        _lib.check(C.airoi_sim_options_set_outputs(h.ptr, arr, len(ids)))
    if percentiles is not None:
        ps = [_number(p, "percentile") for p in percentiles]
        arr = (c_double * max(len(ps), 1))(*ps)
        _lib.check(C.airoi_sim_options_set_percentiles(h.ptr, arr, len(ps)))
    if keep_trials:
        _lib.check(C.airoi_sim_options_set_number(h.ptr, _SIM_KEEP_TRIALS, 1.0))
    return h


def simulate(project: Any, trials: Optional[int] = None, seed: Optional[int] = None,
             threads: Optional[int] = None, outputs: Optional[Sequence[str]] = None,
             percentiles: Optional[Iterable[float]] = None, sampling: Optional[str] = None,
             keep_trials: bool = False,
             progress: Optional[Callable[[int, int], Any]] = None,
             trial_range: Optional[Tuple[int, int]] = None) -> Simulation:
    """See :meth:`Project.simulate` (and :meth:`Project.simulate_range`:
    ``trial_range`` = (first, count))."""
    if trial_range is not None:
        for v, what in ((trial_range[0], "first"), (trial_range[1], "count")):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError("%s must be an int, not %s" % (what, type(v).__name__))
    opts = _options(project, trials, seed, threads, outputs, percentiles, sampling, keep_trials)
    raised: List[BaseException] = []

    def on_progress(done: int, total: int, _userdata: Any) -> int:
        if raised:
            return 1
        try:
            if progress is not None and progress(int(done), int(total)):
                return 1
        except BaseException as e:  # KeyboardInterrupt too: cancel, re-raise below
            raised.append(e)
            return 1
        return 0

    callback = PROGRESS_FN(on_progress)
    out = c_void_p()
    try:
        with project._lock:
            if trial_range is None:
                status = C.airoi_project_simulate(ctypes.byref(out), project._h.ptr, opts.ptr,
                                                  0, callback, None)
            else:
                status = C.airoi_project_simulate_range(ctypes.byref(out), project._h.ptr,
                                                        opts.ptr, trial_range[0],
                                                        trial_range[1], 0, callback, None)
    finally:
        opts.close()
    if raised:
        if out.value:
            C.airoi_simulation_free(out)
        raise raised[0]
    _lib.check(status)
    return Simulation._owned(int(out.value or 0), C.airoi_simulation_free, "Simulation")


def _evaluate(project: Any, fn: Any, free: Any, cls: Any, what: str) -> Any:
    out = c_void_p()
    with project._lock:
        _lib.check(fn(ctypes.byref(out), project._h.ptr, 0))
    return cls._owned(int(out.value or 0), free, what)


def tornado(project: Any) -> Tornado:
    """See :meth:`Project.tornado`."""
    return _evaluate(project, C.airoi_tornado_evaluate, C.airoi_tornado_free, Tornado, "Tornado")


def stages(project: Any) -> Staging:
    """See :meth:`Project.stages`."""
    return _evaluate(project, C.airoi_staging_evaluate, C.airoi_staging_free, Staging, "Staging")


def breakeven(project: Any) -> Breakeven:
    """See :meth:`Project.breakeven`."""
    return _evaluate(project, C.airoi_breakeven_evaluate, C.airoi_breakeven_free, Breakeven,
                     "Breakeven")


# --- the uncertain half of a model ------------------------------------------------------
class Uncertainty:
    """An entry of a project's ``uncertainties`` (borrowed from the project:
    valid while it lives and the entry is not removed).  Read its parameters
    with :meth:`get`; ``name``, ``target`` and ``distribution`` as properties."""

    __slots__ = ("_project", "_index")

    def __init__(self, project: Any, index: int) -> None:
        self._project = project
        self._index = index

    def _ptr(self) -> Any:
        p = self._project
        ptr = C.airoi_project_get_uncertainty(p._h.ptr, self._index)
        if not ptr:
            raise errors.ClosedError("airoi: uncertainty %d no longer exists" % self._index,
                                     _lib.AIROI_ERR_INVALID)
        return ptr

    @property
    def name(self) -> Optional[str]:
        """Its name, or None when unnamed (then its target names it)."""
        with self._project._lock:
            return _text(C.airoi_uncertainty_get_string(self._ptr(), _UNC_PARAMS["name"]))

    @property
    def target(self) -> str:
        """The item, category, dimension, ``values`` or ``costs`` it multiplies."""
        with self._project._lock:
            return _text(C.airoi_uncertainty_get_string(self._ptr(), _UNC_PARAMS["target"])) or ""

    @property
    def driver(self) -> Optional[str]:
        """The portfolio driver it shares with other projects (``driver:``), or None."""
        with self._project._lock:
            return _text(C.airoi_uncertainty_get_string(self._ptr(), _UNC_PARAMS["driver"]))

    @property
    def distribution(self) -> str:
        """The distribution's name."""
        out = c_int()
        with self._project._lock:
            _lib.check(C.airoi_uncertainty_get_distribution(ctypes.byref(out), self._ptr()))
        return _text(C.airoi_distribution_name(out.value)) or ""

    def get(self, param: str) -> Optional[float]:
        """A number parameter (``low``, ``mode``, ``sd``, ...) or None when unset."""
        if param not in _UNC_PARAMS or param in _UNC_STRINGS:
            raise _lib.invalid("unknown uncertainty parameter %r" % param)
        out = c_double()
        with self._project._lock:
            ptr = self._ptr()
            if not C.airoi_uncertainty_is_set(ptr, _UNC_PARAMS[param]):
                return None
            _lib.check(C.airoi_uncertainty_get_number(ctypes.byref(out), ptr, _UNC_PARAMS[param]))
        return out.value

    def __repr__(self) -> str:
        return "<airoi.Uncertainty %r on %r: %s>" % (self.name, self.target, self.distribution)


def add_uncertainty(project: Any, target: str, distribution: str, name: Optional[str] = None,
                    values: Optional[Sequence[float]] = None,
                    probabilities: Optional[Sequence[float]] = None,
                    **params: Any) -> Uncertainty:
    """See :meth:`Project.add_uncertainty`."""
    driver = params.pop("driver", None)
    for key in params:
        if key not in _UNC_PARAMS or key in _UNC_STRINGS:
            raise TypeError("unknown uncertainty parameter '%s' (expected one of: %s)"
                            % (key, ", ".join(k for k in _UNC_PARAMS if k not in ("name", "target"))))
    dist = _from_name(C.airoi_distribution_from_name, distribution, "distribution")
    out = c_void_p()
    with project._lock:
        _lib.check(C.airoi_project_add_uncertainty(ctypes.byref(out), project._h.ptr,
                                                   _cstr(target, "target"), dist))
        index = int(C.airoi_project_count_uncertainties(project._h.ptr)) - 1
        try:
            if name is not None:
                _lib.check(C.airoi_uncertainty_set_string(out, _UNC_PARAMS["name"], _cstr(name, "name")))
            if driver is not None:
                _lib.check(C.airoi_uncertainty_set_string(out, _UNC_PARAMS["driver"],
                                                          _cstr(driver, "driver")))
            for key, value in params.items():
                v = _boolean(value, key) if key == "per_period" else _number(value, key)
                _lib.check(C.airoi_uncertainty_set_number(out, _UNC_PARAMS[key], v))
            if values is not None or probabilities is not None:
                vs = [_number(v, "values") for v in (values or [])]
                ps = [_number(v, "probabilities") for v in (probabilities or [])]
                if len(vs) != len(ps):  # the loader's words
                    raise _lib.invalid("uncertainty '%s': probabilities: %d probabilities for %d"
                                       " values; give one probability per value, in the same order"
                                       % (name or target, len(ps), len(vs)))
                _lib.check(C.airoi_uncertainty_set_discrete(
                    out, (c_double * max(len(vs), 1))(*vs), (c_double * max(len(ps), 1))(*ps), len(vs)))
        except BaseException:
            C.airoi_project_remove_uncertainty(project._h.ptr, index)
            raise
    return Uncertainty(project, index)


def uncertainties(project: Any) -> List[Uncertainty]:
    """See :attr:`Project.uncertainties`."""
    with project._lock:
        n = int(C.airoi_project_count_uncertainties(project._h.ptr))
    return [Uncertainty(project, i) for i in range(n)]


def add_correlation(project: Any, a: str, b: str, rank: float) -> None:
    """See :meth:`Project.add_correlation`."""
    with project._lock:
        _lib.check(C.airoi_project_add_correlation(project._h.ptr, _cstr(a, "correlation input"),
                                                   _cstr(b, "correlation input"), _number(rank, "rank")))


def correlations(project: Any) -> List[Tuple[str, str, float]]:
    """See :attr:`Project.correlations`."""
    out = []
    with project._lock:
        for i in range(int(C.airoi_project_count_correlations(project._h.ptr))):
            a = ctypes.c_char_p()
            b = ctypes.c_char_p()
            rank = c_double()
            _lib.check(C.airoi_project_get_correlation(ctypes.byref(a), ctypes.byref(b),
                                                       ctypes.byref(rank), project._h.ptr, i))
            out.append((_text(a.value) or "", _text(b.value) or "", rank.value))
    return out


def add_stage(project: Any, name: str, cost: float, periods: int,
              success_probability: Optional[float] = None, prior: Optional[str] = None) -> None:
    """See :meth:`Project.add_stage`."""
    if (success_probability is None) == (prior is None):  # the loader's words
        raise _lib.invalid("stage '%s': give success_probability or prior%s"
                           % (name, ", not both" if prior is not None else ""))
    # periods goes through the C rule as a number (whole, >= 0, the limit), as
    # the project's horizon does: 1.5 is refused in the loader's words
    later = [(_STAGE_PERIODS, _number(periods, "periods"))]
    if prior is not None:
        later.append((_STAGE_PRIOR, float(_from_name(C.airoi_gate_prior_from_name, prior, "prior"))))
    probability = 0.0 if success_probability is None else _number(success_probability,
                                                                   "success_probability")
    with project._lock:
        h = project._h.ptr
        _lib.check(C.airoi_project_add_stage(h, _cstr(name, "stage name"), _number(cost, "cost"), 0,
                                             probability))
        index = int(C.airoi_project_count_stages(h)) - 1
        for param, value in later:
            status = C.airoi_project_set_stage_number(h, index, param, value)
            if status:
                message = _lib.last_error_message()
                C.airoi_project_remove_stage(h, index)
                raise _lib.make_error(status, message=message)


def stage_list(project: Any) -> List[Dict[str, Any]]:
    """See :attr:`Project.investment_stages`."""
    out = []
    with project._lock:
        h = project._h.ptr
        for i in range(int(C.airoi_project_count_stages(h))):
            row: Dict[str, Any] = {"name": _text(C.airoi_project_get_stage_name(h, i)) or ""}
            for key, param in (("cost", _STAGE_COST), ("periods", _STAGE_PERIODS),
                               ("success_probability", _STAGE_PROBABILITY),
                               ("prior", _STAGE_PRIOR)):
                v = c_double()
                status = C.airoi_project_get_stage_number(ctypes.byref(v), h, i, param)
                if status == _lib.AIROI_ERR_NOT_FOUND and key in ("success_probability", "prior"):
                    continue  # a stage has one of the two (a loaded one may have neither)
                _lib.check(status)
                if key == "prior":
                    row[key] = _text(C.airoi_gate_prior_name(int(v.value)))
                else:
                    row[key] = int(v.value) if key == "periods" else v.value
            out.append(row)
    return out


# --- the simulation: section -------------------------------------------------------------
def get_simulation(project: Any) -> Optional[Dict[str, Any]]:
    """See :attr:`Project.simulation_settings`."""
    out: Dict[str, Any] = {}
    with project._lock:
        o = C.airoi_project_get_sim_options(project._h.ptr)
        if not o:
            return None
        for i, key in enumerate(_SIM_NUMBERS):
            if not C.airoi_sim_options_is_set(o, _SIM_TRIALS + i):
                continue
            v = c_double()
            _lib.check(C.airoi_sim_options_get_number(ctypes.byref(v), o, _SIM_TRIALS + i))
            if key in _SIM_BOOLS:
                out[key] = bool(v.value)
            elif key == "sampling":
                out[key] = _text(C.airoi_sampling_name(int(v.value)))
            elif key in ("roi_target", "tail"):
                out[key] = v.value
            else:
                out[key] = int(v.value)
        n = c_size_t()
        outs = (c_int * len(OUTPUTS))()
        _lib.check(C.airoi_sim_options_get_outputs(outs, len(OUTPUTS), ctypes.byref(n), o))
        chosen = [_text(C.airoi_sim_output_name(outs[i])) for i in range(n.value)]
        if chosen != list(OUTPUTS):
            out["outputs"] = chosen
        _lib.check(C.airoi_sim_options_get_percentiles(None, 0, ctypes.byref(n), o))
        if n.value:
            pcs = (c_double * n.value)()
            _lib.check(C.airoi_sim_options_get_percentiles(pcs, n.value, ctypes.byref(n), o))
            out["percentiles"] = list(pcs)
    return out


def set_simulation(project: Any, settings: Optional[Dict[str, Any]]) -> None:
    """See :attr:`Project.simulation_settings`: every key is checked before
    the section is replaced, so a refusal leaves the project as it was."""
    if settings is None:
        with project._lock:
            _lib.check(C.airoi_project_set_sim_options(project._h.ptr, None))
        return
    settings = dict(settings)
    for key in settings:
        if key not in SIMULATION_KEYS:  # the loader's words
            raise _lib.invalid("simulation: unknown key %r; expected one of %s"
                               % (key, ", ".join(SIMULATION_KEYS)))
    try:
        opts = _options(None, None, None, None, settings.get("outputs"),
                        settings.get("percentiles"), None, False)
    except errors.Error as e:  # the name readers' words, under the section's name
        raise type(e)("simulation: " + str(e), e.status) from None
    try:
        for i, key in enumerate(_SIM_NUMBERS):
            if key not in settings:
                continue
            value = settings[key]
            if key in _SIM_BOOLS:
                v = _boolean(value, "simulation: " + key)
            elif key == "sampling":
                try:
                    v = float(_from_name(C.airoi_sampling_from_name, value, "sampling"))
                except errors.Error as e:
                    raise type(e)("simulation: " + str(e), e.status) from None
            else:
                v = _number(value, "simulation: " + key)
            _lib.check(C.airoi_sim_options_set_number(opts.ptr, _SIM_TRIALS + i, v))
        with project._lock:
            _lib.check(C.airoi_project_set_sim_options(project._h.ptr, opts.ptr))
    finally:
        opts.close()
