"""What evaluation yields: :class:`Result` (``include/airoi/result.h``) and
the cash-flow :class:`Schedule` (``include/airoi/schedule.h``)."""

from __future__ import annotations

import calendar
import ctypes
import datetime
import json
import math
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _lib, errors
from ._lib import C, Handle, c_double, c_size_t, c_void_p
from ._convert import _cstr, _new_handle, _number, _text
from .enums import (CATEGORIES, DIMENSIONS, FINANCE_FIGURES, METRICS, SCHEDULE_COLUMNS, _EVAL_HONEST, _M,
                    _enum_value)

__all__ = ["Result", "Schedule"]


# --- schedules -----------------------------------------------------------------------
class Schedule:
    """A cash-flow schedule: per period costs, benefits, net, cumulative,
    discounted ... (``airoi_schedule``).  From a result
    (:meth:`Result.to_schedule`, borrowed: it keeps the result alive) or from
    arrays (:meth:`from_arrays`).  Columns read as lists of floats."""

    __slots__ = ("_h", "_owner", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use Schedule.from_arrays(costs, benefits, rate) or Result.to_schedule()")

    @classmethod
    def _make(cls, handle: Handle, owner: Any) -> "Schedule":
        self = cls.__new__(cls)
        self._h = handle
        self._owner = owner  # the Result it is borrowed from (kept alive), or None
        return self

    @classmethod
    def from_arrays(cls, costs: Sequence[float], benefits: Sequence[float], rate: float) -> "Schedule":
        """A schedule of per-period costs and benefits (periods 0..n-1)
        discounted at the per-period ``rate``."""
        cp, n, ck = _lib.doubles(costs, "costs")
        bp, m, bk = _lib.doubles(benefits, "benefits")
        if n != m:
            raise _lib.invalid("costs and benefits differ in length (%d and %d)" % (n, m))
        ptr = _new_handle(C.airoi_schedule_new, cp, bp, n, _number(rate, "rate"))
        del ck, bk
        return cls._make(Handle(ptr, C.airoi_schedule_free, what="Schedule"), None)

    def clone(self) -> "Schedule":
        """An independent copy (owns itself, does not keep a result alive)."""
        ptr = _new_handle(C.airoi_schedule_clone, self._h.ptr)
        return Schedule._make(Handle(ptr, C.airoi_schedule_free, what="Schedule"), None)

    def close(self) -> None:
        """Frees an owned schedule now (a borrowed one is only forgotten)."""
        self._h.close()

    def __enter__(self) -> "Schedule":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __len__(self) -> int:
        return int(C.airoi_schedule_count_periods(self._h.ptr))

    @property
    def periods(self) -> int:
        """Number of periods."""
        return len(self)

    @property
    def rate(self) -> float:
        """Per-period discount rate."""
        out = ctypes.c_double()
        _lib.check(C.airoi_schedule_get_rate(ctypes.byref(out), self._h.ptr))
        return float(out.value)

    def column(self, name: str) -> List[float]:
        """One column by name (see :data:`SCHEDULE_COLUMNS`)."""
        col = _enum_value(SCHEDULE_COLUMNS, name, "schedule column")
        return _lib.read_doubles(C.airoi_schedule_get_column, self._h.ptr, col, cap=max(len(self), 1))

    def by_category(self, category: str) -> List[float]:
        """Costs of one category per period (schedules from a result only)."""
        cat = _enum_value(CATEGORIES, category, "category")
        return _lib.read_doubles(C.airoi_schedule_get_category, self._h.ptr, cat, cap=max(len(self), 1))

    def by_dimension(self, dimension: str) -> List[float]:
        """Benefits of one dimension per period (schedules from a result only)."""
        dim = _enum_value(DIMENSIONS, dimension, "dimension")
        return _lib.read_doubles(C.airoi_schedule_get_dimension, self._h.ptr, dim, cap=max(len(self), 1))

    costs = property(lambda self: self.column("costs"), doc="Costs per period.")
    benefits = property(lambda self: self.column("benefits"), doc="Benefits per period.")
    net = property(lambda self: self.column("net"), doc="benefits - costs.")
    cumulative = property(lambda self: self.column("cumulative"), doc="Running sum of net.")
    discounted = property(lambda self: self.column("discounted"), doc="net x discount factor.")
    discounted_cumulative = property(lambda self: self.column("discounted_cumulative"),
                                     doc="Running sum of discounted net.")
    discount_factor = property(lambda self: self.column("discount_factor"), doc="1 / (1 + rate)^t.")
    discounted_costs = property(lambda self: self.column("discounted_costs"), doc="costs x discount factor.")
    discounted_benefits = property(lambda self: self.column("discounted_benefits"),
                                   doc="benefits x discount factor.")

    def columns(self) -> Dict[str, List[float]]:
        """Every column as name -> list."""
        return {name: self.column(name) for name in SCHEDULE_COLUMNS}

    def to_list(self) -> List[Dict[str, float]]:
        """One dict per period: ``period`` and every column."""
        cols = self.columns()
        return [dict({"period": t}, **{k: v[t] for k, v in cols.items()}) for t in range(len(self))]

    def to_pandas(self) -> Any:
        """A pandas DataFrame indexed by period (needs pandas)."""
        import pandas

        frame = pandas.DataFrame(self.columns())
        frame.index.name = "period"
        return frame

    def __repr__(self) -> str:
        if self._h.closed:
            return "<airoi.Schedule (closed)>"
        return "<airoi.Schedule %d periods at %g>" % (len(self), self.rate)


# --- results -------------------------------------------------------------------------


# reached, a ratio over zero costs) reads as None, as it is null in JSON.
_NOT_AVAILABLE = (_lib.AIROI_ERR_NO_SOLUTION, _lib.AIROI_ERR_UNDEFINED)


_SECTIONS = {None: 0, "all": 0, "metrics": 1, "tco": 2, "schedule": 4, "scenarios": 8,
             "findings": 16, "benchmark": 32, "honest": 64, "audit": 2 | 16, "compare": 1 | 32}


class Result:
    """What evaluating a project yields (:meth:`Project.evaluate`).

    Metrics are attributes (``result.npv``, ``result.irr``,
    ``result.payback_periods`` ...; None when the figure does not exist: no
    IRR, never paid back) and the dict :attr:`metrics` (JSON key names).
    :attr:`settings`, :attr:`tco`, :attr:`value`, :attr:`schedule` (list of
    dicts), :attr:`findings` and :attr:`benchmark` are sections of the JSON
    report that :meth:`to_dict` gives (the C report writer's document,
    parsed); :attr:`scenarios` are the per-scenario sub-results.
    :meth:`to_pandas` and :meth:`scenarios_frame` give pandas DataFrames
    of the schedule and of the scenarios.  A result
    holds the project settings it was computed with: it does not change
    when its project changes later, and neither do its reports.
    """

    __slots__ = ("_h", "_parent", "_cache", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("results are made by Project.evaluate()")

    @classmethod
    def _owned(cls, ptr: int) -> "Result":
        self = cls.__new__(cls)
        self._h = Handle(ptr, C.airoi_result_free, what="Result")
        self._parent = None
        self._cache: Dict[str, Any] = {}
        return self

    @classmethod
    def _borrowed(cls, ptr: int, parent: "Result") -> "Result":
        self = cls.__new__(cls)
        self._h = Handle(ptr, None, parent._h, what="scenario result")
        self._parent = parent  # keeps the top-level result (and its memory) alive
        self._cache = {}
        return self

    def close(self) -> None:
        """Frees the C result now; sub-results and schedules taken from it become unusable."""
        if self._parent is None:
            self._h.close()

    def __enter__(self) -> "Result":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _cached(self, key: str, make: Any) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = make()
            return value

    # -- metrics ------------------------------------------------------------------
    def metric(self, name: str) -> Optional[float]:
        """One metric by its JSON name; None when it does not exist for this schedule."""
        if name not in _M:
            raise errors.NotFoundError("unknown metric '%s' (expected one of: %s)" % (name, ", ".join(METRICS)))
        return self._cached("metrics", self._read_metrics)[name]

    def _read_metrics(self) -> Dict[str, Optional[float]]:
        out: Dict[str, Optional[float]] = {}
        value = c_double()
        for name in METRICS:
            status = C.airoi_result_get_metric(ctypes.byref(value), self._h.ptr, _M[name])
            if status == _lib.AIROI_OK:
                out[name] = value.value
            elif status in _NOT_AVAILABLE:
                out[name] = None
            else:
                _lib.raise_status(status)
        return out

    @property
    def metrics(self) -> Dict[str, Optional[float]]:
        """Every metric, keyed by its JSON name (``npv``, ``irr``, ``mirr``,
        ``roi_basic``, ``roi_horizon``, ``roi_risk_adjusted``, ``expected_npv``,
        ``npv_roi``, ``bcr``, ``payback_periods``, ``discounted_payback_periods``, ...)."""
        return dict(self._cached("metrics", self._read_metrics))

    def __getattr__(self, name: str) -> Any:
        if name in _M:
            return self._cached("metrics", self._read_metrics)[name]
        raise AttributeError("'Result' object has no attribute %r" % name)

    def __dir__(self) -> List[str]:
        return sorted(set(object.__dir__(self)) | set(METRICS))

    # -- what the result describes ------------------------------------------------
    @property
    def scenario(self) -> Optional[str]:
        """Name of the scenario this result is for, or None for the base case."""
        return _text(C.airoi_result_get_scenario_name(self._h.ptr))

    @property
    def name(self) -> Optional[str]:
        """Same as :attr:`scenario`."""
        return self.scenario

    @property
    def probability(self) -> Optional[float]:
        """The scenario's probability, or None for a base-case result."""
        out = c_double()
        status = C.airoi_result_get_probability(ctypes.byref(out), self._h.ptr)
        if status == _lib.AIROI_ERR_NOT_FOUND:
            return None
        _lib.check(status)
        return out.value

    @property
    def honest(self) -> bool:
        """Whether the honest-estimate uplifts were applied."""
        return bool(C.airoi_result_get_flags(self._h.ptr) & _EVAL_HONEST)

    # -- sections of the document ---------------------------------------------------
    def _section(self, key: str) -> Any:
        return _copy(self._cached("document", self.to_dict).get(key))

    @property
    def settings(self) -> Dict[str, Any]:
        """The project settings this result was computed with (the JSON
        report's ``project``: ``name``, ``currency``, ``unit``, ``period``,
        ``periods_per_year``, ``horizon``, ``discount_rate``, ``period_rate``,
        ``finance_rate``, ``reinvest_rate``, ``start``, ``use_case``, ``stage``)."""
        return self._section("project")

    @property
    def tco(self) -> Dict[str, Any]:
        """``total``, ``direct``, ``hidden``, ``hidden_share``, ``by_category``,
        ``hidden_categories``, ``pv``, ``annual`` (the JSON report's ``tco``)."""
        return self._section("tco")

    @property
    def value(self) -> Dict[str, Any]:
        """``total``, ``by_dimension``, ``strategic_unmonetized``, ``pv``, ``annual``."""
        return self._section("value")

    # -- schedule -------------------------------------------------------------------
    def to_schedule(self) -> Schedule:
        """The result's :class:`Schedule` (borrowed: it keeps this result alive)."""
        ptr = C.airoi_result_get_schedule(self._h.ptr)
        if not ptr:
            raise errors.InternalError("airoi: the result has no schedule")
        return Schedule._make(Handle(ptr, None, self._h, what="Schedule"), self)

    @property
    def schedule(self) -> List[Dict[str, Any]]:
        """One dict per period: ``period``, ``costs``, ``benefits``, ``net``,
        ``cumulative``, ``discounted``, ``discounted_cumulative``,
        ``discount_factor``, ``discounted_costs``, ``discounted_benefits``,
        ``costs_by_category`` and ``benefits_by_dimension``."""
        return self._section("schedule")

    # -- scenarios, findings, benchmark ---------------------------------------------
    @property
    def scenarios(self) -> List["Result"]:
        """Per-scenario sub-results (each with ``name`` and ``probability``),
        in the project's order; empty for a project without scenarios and for
        the result of one scenario."""
        def make() -> List[Result]:
            n = int(C.airoi_result_count_scenarios(self._h.ptr))
            return [Result._borrowed(int(C.airoi_result_get_scenario(self._h.ptr, i)), self) for i in range(n)]
        return list(self._cached("scenarios", make))

    @property
    def plan(self) -> Optional["Result"]:
        """The plan behind an honest estimate (``evaluate(honest=True)``): the
        same evaluation without the uplift, to compare with; None for any
        other result (``airoi_result_get_plan``)."""
        def make() -> Optional[Result]:
            ptr = C.airoi_result_get_plan(self._h.ptr)
            return Result._borrowed(int(ptr), self) if ptr else None
        return self._cached("plan", make)

    @property
    def after_tax(self) -> Optional["Result"]:
        """The after-tax view (``airoi_result_get_after_tax``): a result whose
        schedule has each period's tax among its costs, with every metric by
        the same rule; None without a tax rate
        (docs/methodology.md#capex-depreciation-and-tax)."""
        def make() -> Optional[Result]:
            ptr = C.airoi_result_get_after_tax(self._h.ptr)
            return Result._borrowed(int(ptr), self) if ptr else None
        return self._cached("after_tax", make)

    @property
    def finance(self) -> Dict[str, Optional[float]]:
        """Capex, opex, depreciation, tax, terminal value and real figures
        (``airoi_result_get_finance_figure``; keys as in the JSON report's
        ``finance`` section and ``FINANCE_FIGURES``); None where a figure does
        not exist (no terminal value, an undefined IRR)."""
        out: Dict[str, Optional[float]] = {}
        for i, name in enumerate(FINANCE_FIGURES):
            v = c_double()
            status = C.airoi_result_get_finance_figure(ctypes.byref(v), self._h.ptr, 0x1700 + i)
            if status in _NOT_AVAILABLE or status == _lib.AIROI_ERR_NOT_FOUND:
                out[name] = None
            else:
                _lib.check(status)
                out[name] = float(v.value)
        return out

    def finance_series(self, name: str) -> List[float]:
        """Per-period values of a series figure: 'capex', 'opex', 'depreciation',
        'taxable_income', 'tax', 'losses_carried_forward' or 'net_real'."""
        figure = _enum_value(FINANCE_FIGURES, name, "finance figure") if name in FINANCE_FIGURES else -1
        if figure < 0:
            raise _lib.invalid("finance_series: unknown figure %r (expected one of %s)"
                               % (name, ", ".join(FINANCE_FIGURES)))
        return _lib.read_doubles(C.airoi_result_get_finance_series, self._h.ptr, figure, cap=64)

    @property
    def findings(self) -> List[Dict[str, Any]]:
        """Audit findings: ``code``, ``severity``, ``message``, ``subject``,
        ``actual``, ``reference`` (base-case results only)."""
        return self._section("findings")

    @property
    def benchmark(self) -> Optional[Dict[str, Any]]:
        """The comparison with the project's use case
        (docs/methodology.md#benchmarks), or None when the project had none:
        ``use_case``, ``label``, ``dimensions`` and, for
        ``roi``, ``payback_months``, ``investment``: ``figure`` (the metric
        compared: ``roi_annualised``, ...), ``label``, ``low``, ``high``,
        ``value``, ``position`` ('below', 'within', 'above' or None)."""
        return self._section("benchmark")

    # -- whole document --------------------------------------------------------------
    def to_dict(self) -> Dict[str, Any]:
        """The document ``airoi report --format json`` prints for this result,
        as Python objects: the C report writer's JSON, parsed."""
        return json.loads(self.to_json(), parse_int=float, object_hook=_counts_as_int)

    def to_json(self, sections: Union[str, int, None] = None) -> str:
        """The JSON report of this result (``report("json", sections)``)."""
        return self.report("json", sections)

    def to_html(self, simulation: Any = None, tornado: Any = None, stages: Any = None) -> str:
        """The business case of this result as one self-contained HTML page
        (docs/reports.md): the narrative of the model, the key figures,
        inline SVG charts and their tables. With ``simulation``
        (``Project.simulate()``), ``tornado`` (``Project.tornado()``) and
        ``stages`` (``Project.stages()``) of the same project, the page also
        holds the Monte Carlo summary, the tornado and the staging figures,
        as ``airoi report --format html`` writes it for a model with
        uncertainties and stages."""
        if simulation is None and tornado is None and stages is None:
            return self.report("html")
        from . import simulation as _sim  # noqa: F401 (declares the C function)
        from .simulation import Simulation, Staging, Tornado
        for arg, cls, what in ((simulation, Simulation, "simulation"), (tornado, Tornado, "tornado"),
                               (stages, Staging, "stages")):
            if arg is not None and not isinstance(arg, cls):
                raise _lib.invalid("to_html: %s must be a %s, not %s"
                                   % (what, cls.__name__, type(arg).__name__))
        out = c_void_p()
        length = c_size_t()
        _lib.check(C.airoi_report_write_business_case(
            ctypes.byref(out), ctypes.byref(length), self._h.ptr,
            simulation._h.ptr if simulation is not None else None,
            tornado._h.ptr if tornado is not None else None,
            stages._h.ptr if stages is not None else None, 0))
        try:
            return ctypes.string_at(out.value, length.value).decode("utf-8")
        finally:
            C.airoi_free(out)

    @property
    def tracking(self) -> Optional[Dict[str, Any]]:
        """The ``tracking`` object of ``airoi track`` (to date, variance,
        re-forecasts, payback) when this result is the plan of a tracked model
        (:meth:`Project.evaluate` of a model with actuals or indicators, or
        :attr:`Tracking.plan`); None otherwise."""
        t = self._cache.get("_tracking")
        return None if t is None else t.tracking

    @property
    def indicators(self) -> Optional[List[Dict[str, Any]]]:
        """The leading indicators of a tracked model (see :attr:`tracking`); None otherwise."""
        t = self._cache.get("_tracking")
        return None if t is None else t.indicators

    @property
    def gates(self) -> Optional[List[Dict[str, Any]]]:
        """The gate reviews of a tracked model (see :attr:`tracking`); None otherwise."""
        t = self._cache.get("_tracking")
        return None if t is None else t.gates

    def report(self, format: str = "text", sections: Union[str, int, None] = None) -> str:
        """The report of this result in ``format`` ('text', 'json', 'csv',
        'md' or 'html'), written by the C report writer from the result alone.
        ``sections``: None (all), 'audit', 'compare', a section name, or an
        or-ed ``airoi_report_section`` int."""
        fmt = ctypes.c_int()
        _lib.check(C.airoi_report_format_from_name(ctypes.byref(fmt), _cstr(format, "format")))
        flags = sections if isinstance(sections, int) else _SECTIONS.get(sections, -1)
        if flags < 0:
            raise _lib.invalid("unknown report sections %r (expected one of: %s)"
                               % (sections, ", ".join(k for k in _SECTIONS if k)))
        out = c_void_p()
        length = c_size_t()
        _lib.check(C.airoi_report_write(ctypes.byref(out), ctypes.byref(length), self._h.ptr,
                                        fmt.value, flags))
        try:
            return ctypes.string_at(out.value, length.value).decode("utf-8")
        finally:
            C.airoi_free(out)

    def period_dates(self) -> Optional[List[datetime.date]]:
        """The date each period ends, or None when the model has no ``start``.

        Period t ends t periods after the start (docs/model-format.md): period
        0 is the start date itself, period 1 ends one year, quarter or month
        later, and so on; this is the date period t's cash flow is discounted
        to.  Months are counted from the start date, so a start on the 31st
        gives the last day of shorter months (2026-01-31, 2026-02-28,
        2026-03-31, ...).  A date past 9999-12-31 ends the list early: it
        then has fewer entries than the schedule has periods."""
        settings = self._cached("document", self.to_dict).get("project") or {}
        start = settings.get("start")
        if not start:
            return None
        months = 12 // int(settings["periods_per_year"])
        first = datetime.date.fromisoformat(start)
        out = []
        for t in range(len(self.to_schedule())):
            month = first.month - 1 + t * months
            year = first.year + month // 12
            if year > datetime.MAXYEAR:
                break
            month = month % 12 + 1
            day = min(first.day, calendar.monthrange(year, month)[1])
            out.append(datetime.date(year, month, day))
        return out

    def to_pandas(self) -> Any:
        """The schedule as a pandas DataFrame (needs pandas), one row per
        period: the schedule columns, then ``costs_<category>`` for every cost
        category and ``benefits_<dimension>`` for every value dimension (the
        columns of the CSV report).

        With a ``start`` date in the model the index is a ``DatetimeIndex``
        named ``date``, the date each period ends (:meth:`period_dates`;
        period 0 is the start date), and the period numbers are the column
        ``period``; without one (or when a date does not fit pandas'
        Timestamp range, 1677-2262) the index is the period number, named
        ``period``.  ``frame.attrs`` holds ``metrics`` (:attr:`metrics`) and
        ``start`` (the ISO start date, or None)."""
        import pandas

        sched = self.to_schedule()
        columns: Dict[str, List[float]] = {"period": list(range(len(sched)))}
        columns.update(sched.columns())
        for name in CATEGORIES:
            columns["costs_" + name] = sched.by_category(name)
        for name in DIMENSIONS:
            columns["benefits_" + name] = sched.by_dimension(name)
        dates = self.period_dates()
        index = None
        if dates is not None and len(dates) == len(sched):
            try:
                index = pandas.DatetimeIndex([pandas.Timestamp(d) for d in dates], name="date")
            except (OverflowError, ValueError):  # past pandas' Timestamp range
                index = None
        frame = pandas.DataFrame(columns, index=index)
        if index is None:
            frame = frame.set_index("period")
        frame.attrs["metrics"] = self.metrics
        frame.attrs["start"] = (self._cached("document", self.to_dict).get("project") or {}).get("start")
        return frame

    def scenarios_frame(self, expected: bool = True) -> Any:
        """One row per scenario (needs pandas): its ``probability`` and every
        metric (:data:`METRICS`), indexed by scenario name (index ``scenario``),
        in the project's order.  Empty (no rows, the same columns) for a
        project without scenarios and for the result of one scenario.

        With ``expected=True`` (the default) and at least one scenario, a
        last row ``"expected"`` holds the probability-weighted figures the
        library computes over the scenarios: ``probability`` is the sum of
        the probabilities (1), ``npv`` the ``expected_npv``,
        ``total_benefits`` and ``total_costs`` the ``expected_benefits`` and
        ``expected_costs``, ``roi_horizon`` the ``roi_risk_adjusted`` (the
        same ratio of the expected totals), and the ``expected_*`` and
        ``roi_risk_adjusted`` columns their own values; every other metric
        (IRR, payback, ...) has no probability-weighted form and is NaN
        there.  The row is named ``"expected (probability-weighted)"`` when a
        scenario is itself named ``"expected"``."""
        import pandas

        subs = self.scenarios
        columns = ["probability"] + list(METRICS)
        rows = [[s.probability] + [s.metrics[m] for m in METRICS] for s in subs]
        names = [s.name for s in subs]
        if expected and subs:
            m = self.metrics
            weighted: Dict[str, Optional[float]] = {
                "npv": m["expected_npv"], "total_benefits": m["expected_benefits"],
                "total_costs": m["expected_costs"], "roi_horizon": m["roi_risk_adjusted"],
                "expected_npv": m["expected_npv"], "expected_benefits": m["expected_benefits"],
                "expected_costs": m["expected_costs"], "roi_risk_adjusted": m["roi_risk_adjusted"]}
            rows.append([math.fsum(s.probability or 0.0 for s in subs)]
                        + [weighted.get(name) for name in METRICS])
            names.append("expected" if "expected" not in names else "expected (probability-weighted)")
        index = pandas.Index(names, name="scenario", dtype=object)
        return pandas.DataFrame(rows, columns=columns, index=index, dtype="float64")

    def __repr__(self) -> str:
        if self._h.closed:
            return "<airoi.Result (closed)>"
        what = "scenario %r" % self.scenario if self.scenario is not None else "base case"
        npv = self.npv
        return "<airoi.Result %s: npv=%s>" % (what, "None" if npv is None else "%.6g" % npv)


# Numbers of the JSON report are doubles in C (floats here), except these counts.
_COUNTS = ("period", "periods_per_year", "horizon")


def _counts_as_int(obj: Dict[str, Any]) -> Dict[str, Any]:
    for key in _COUNTS:
        if isinstance(obj.get(key), float):
            obj[key] = int(obj[key])
    return obj


def _copy(value: Any) -> Any:
    """A deep copy of plain data (dicts, lists, numbers, strings)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
