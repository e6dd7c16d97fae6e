"""Plan against actual: :class:`Tracking` (docs/methodology.md#tracking).

``Project.track()`` compares the model's ``actuals`` with the plan (the
base case) up to ``tracking.as_of``, re-forecasts the rest, reads each
leading indicator's status and each stage gate's decision. The figures are
those of ``airoi track FILE --format json`` (docs/cli.md#airoi-track):
:attr:`Tracking.tracking`, :attr:`Tracking.indicators`,
:attr:`Tracking.gates`. :meth:`Project.evaluate` of a model with actuals or
indicators returns the plan of its tracking, whose :attr:`Result.tracking`,
:attr:`Result.indicators` and :attr:`Result.gates` give the same.
"""

from __future__ import annotations

import ctypes
import json
from typing import Any, Dict, List, Optional

from . import _lib
from ._lib import C, Handle, c_int, c_size_t, c_uint, c_void_p, c_void_pp, p_size_t
from ._convert import _cstr, _number

__all__ = ["Tracking"]

_P = {
    "airoi_project_track": (c_int, [c_void_pp, c_void_p, c_uint]),
    "airoi_tracking_free": (None, [c_void_p]),
    "airoi_tracking_get_plan": (c_void_p, [c_void_p]),
    "airoi_tracking_get_reforecast": (c_void_p, [c_void_p, c_int]),
    "airoi_tracking_report_write": (c_int, [c_void_pp, p_size_t, c_void_p, c_int, c_uint]),
    "airoi_project_count_actuals": (c_size_t, [c_void_p]),
    "airoi_project_add_actual": (c_int, [c_void_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_double]),
    "airoi_project_set_tracking": (c_int, [c_void_p, c_int, ctypes.c_double]),
    "airoi_project_add_indicator": (c_int, [c_void_p, ctypes.c_char_p, c_int, ctypes.c_double]),
    "airoi_project_set_indicator_threshold": (c_int, [c_void_p, ctypes.c_char_p, c_int,
                                                      ctypes.c_double]),
    "airoi_project_add_indicator_value": (c_int, [c_void_p, ctypes.c_char_p, ctypes.c_int32,
                                                  ctypes.c_double]),
    "airoi_project_count_indicators": (c_size_t, [c_void_p]),
    "airoi_project_add_criterion": (c_int, [c_void_p, c_size_t, ctypes.c_char_p, c_int,
                                            ctypes.c_double, ctypes.c_int32]),
    "airoi_project_count_stages": (c_size_t, [c_void_p]),
    "airoi_project_get_stage_name": (ctypes.c_char_p, [c_void_p, c_size_t]),
}
_F = {name: _lib.declare(name, res, args) for name, (res, args) in _P.items()}


# the C enumerations (include/airoi/tracking.h)
_DIRECTION = {"up": 0x3200, "down": 0x3201}
_AT_RISK, _OFF_TRACK = 0x3301, 0x3302
_AS_OF, _GATES_AS_OF = 0x3700, 0x3701
_AT_LEAST, _AT_MOST = 0x3500, 0x3501


def _period(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s: expected a whole period; got %r" % (what, value))
    if not -2 ** 31 <= value < 2 ** 31:
        raise _lib.invalid("%s: period %d is out of range" % (what, value))
    return value


def add_actual(project_ptr: Any, period: int, item: str, amount: float) -> None:
    """airoi_project_add_actual(): the item's final cash flow in a period."""
    _lib.check(_F["airoi_project_add_actual"](project_ptr, _period(period, "actual: period"),
                                              _cstr(item, "item"), _number(amount, "amount")))


def set_tracking(project_ptr: Any, as_of: Optional[int], gates_as_of: Optional[int]) -> None:
    """airoi_project_set_tracking() for the settings given."""
    for param, value, what in ((_AS_OF, as_of, "as_of"), (_GATES_AS_OF, gates_as_of, "gates_as_of")):
        if value is not None:
            _lib.check(_F["airoi_project_set_tracking"](project_ptr, param,
                                                        _period(value, "tracking: " + what)))


def add_indicator(project_ptr: Any, name: str, target: float, direction: str = "up",
                  values: Optional[Dict[int, float]] = None, **thresholds: float) -> None:
    """airoi_project_add_indicator() with its thresholds and values, in the
    model file's words: at_risk_below / off_track_below for direction up,
    at_risk_above / off_track_above for down."""
    if direction not in _DIRECTION:
        raise _lib.invalid("indicator '%s': direction: expected up or down; got %r"
                           % (name, direction))
    up = direction == "up"
    for key in thresholds:
        if key not in ("at_risk_below", "off_track_below", "at_risk_above", "off_track_above"):
            raise TypeError("add_indicator() got an unexpected keyword argument %r" % key)
        if key.endswith("_above") == up:
            other = key.replace("_above", "_below") if up else key.replace("_below", "_above")
            raise _lib.invalid("indicator '%s': '%s' is for direction %s; this indicator has "
                               "direction %s (use '%s')" % (name, key, "down" if up else "up",
                                                            direction, other))
    raw = _cstr(name, "indicator name")
    _lib.check(_F["airoi_project_add_indicator"](project_ptr, raw, _DIRECTION[direction],
                                                 _number(target, "target")))
    for key, status in (("at_risk", _AT_RISK), ("off_track", _OFF_TRACK)):
        key += "_below" if up else "_above"
        if key in thresholds:
            _lib.check(_F["airoi_project_set_indicator_threshold"](
                project_ptr, raw, status, _number(thresholds[key], key)))
    for period, value in (values or {}).items():
        _lib.check(_F["airoi_project_add_indicator_value"](
            project_ptr, raw, _period(period, "values"), _number(value, "value")))


def add_criterion(project_ptr: Any, stage: Any, indicator: str, at_least: Optional[float],
                  at_most: Optional[float], for_periods: int) -> None:
    """airoi_project_add_criterion() in the model file's words: ``stage`` is
    the stage's name or index, one of ``at_least`` / ``at_most`` the threshold."""
    n = int(_F["airoi_project_count_stages"](project_ptr))
    if isinstance(stage, str):
        names = [(_F["airoi_project_get_stage_name"](project_ptr, i) or b"").decode("utf-8")
                 for i in range(n)]
        if stage not in names:
            raise _lib.invalid("criterion: no stage is named %r; the stages are: %s"
                               % (stage, ", ".join(names) or "none"))
        index, label = names.index(stage), stage
    elif isinstance(stage, int) and not isinstance(stage, bool):
        if not 0 <= stage < n:
            raise IndexError("criterion: stage %d: the project has %d stages" % (stage, n))
        index = stage
        label = (_F["airoi_project_get_stage_name"](project_ptr, index) or b"").decode("utf-8")
    else:
        raise TypeError("stage must be a stage's name (str) or index (int), not %s"
                        % type(stage).__name__)
    if (at_least is None) == (at_most is None):  # the loader's words
        raise _lib.invalid("stage '%s': criterion: %s" % (
            label, "give at_least or at_most, not both" if at_least is not None
            else "missing the threshold: 'at_least' or 'at_most'"))
    kind, key = (_AT_LEAST, "at_least") if at_least is not None else (_AT_MOST, "at_most")
    threshold = _number(at_least if at_least is not None else at_most, key)
    if isinstance(for_periods, bool) or not isinstance(for_periods, int):
        raise TypeError("for_periods: expected a whole number of periods; got %r" % (for_periods,))
    if not 1 <= for_periods <= 1000000:  # the loader's words and range
        raise _lib.invalid("stage '%s': criterion on '%s': for_periods: expected a whole number of"
                           " periods in 1..1000000; got %d" % (label, indicator, for_periods))
    _lib.check(_F["airoi_project_add_criterion"](project_ptr, index, _cstr(indicator, "indicator"),
                                                 kind, threshold, for_periods))


def _has_tracking(project_ptr: Any) -> bool:
    """Whether a project has actuals or indicators (its evaluation is then tracked)."""
    return bool(_F["airoi_project_count_actuals"](project_ptr)
                or _F["airoi_project_count_indicators"](project_ptr))


class Tracking:
    """The tracking of a project (C handle ``airoi_tracking``), owned by this object."""

    __slots__ = ("_h", "_cache", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("a tracking is made by Project.track()")

    @classmethod
    def _of(cls, project_ptr: Any) -> "Tracking":
        out = c_void_p()
        _lib.check(_F["airoi_project_track"](ctypes.byref(out), project_ptr, 0))
        self = cls.__new__(cls)
        self._h = Handle(out, _F["airoi_tracking_free"], what="Tracking")
        self._cache: Dict[str, Any] = {}
        return self

    def close(self) -> None:
        """Frees the C tracking now; its plan and re-forecasts become unusable."""
        self._h.close()

    def __enter__(self) -> "Tracking":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def report(self, format: str = "text") -> str:
        """The report of ``airoi track``: 'text', 'json', 'csv', 'md' or 'html'."""
        fmt = ctypes.c_int()
        _lib.check(C.airoi_report_format_from_name(ctypes.byref(fmt), _cstr(format, "format")))
        out = c_void_p()
        length = c_size_t()
        _lib.check(_F["airoi_tracking_report_write"](ctypes.byref(out), ctypes.byref(length),
                                                     self._h, fmt.value, 0))
        try:
            return ctypes.string_at(out.value, length.value).decode("utf-8")
        finally:
            C.airoi_free(out)

    def to_dict(self) -> Dict[str, Any]:
        """The JSON document of ``airoi track FILE --format json``, parsed."""
        if "doc" not in self._cache:
            self._cache["doc"] = json.loads(self.report("json"))
        return self._cache["doc"]

    @property
    def tracking(self) -> Dict[str, Any]:
        """``as_of``, ``to_date``, ``variance``, ``variance_by_category``,
        ``variance_by_dimension``, ``reforecast`` and ``reforecast_run_rate``
        (each with ``metrics`` and ``schedule``), ``payback``."""
        return self.to_dict()["tracking"]

    @property
    def indicators(self) -> List[Dict[str, Any]]:
        """Per indicator: ``name``, ``target``, ``latest``, ``latest_period``,
        ``status`` and ``periods`` (period, value, status)."""
        return self.to_dict()["indicators"]

    @property
    def gates(self) -> List[Dict[str, Any]]:
        """Per stage: ``name``, ``status`` (go, no_go, pending), ``evidence``
        and ``expected_npv_continue``."""
        return self.to_dict()["gates"]

    @property
    def findings(self) -> List[Dict[str, Any]]:
        """The plan's findings, ``ACTUAL_MISSING`` among them."""
        return self.to_dict()["findings"]

    def _result(self, ptr: Optional[int]) -> Any:
        from .result import Result
        r = Result.__new__(Result)
        r._h = Handle(ptr, None, self._h, what="tracking result")
        r._parent = self  # keeps the tracking (and its memory) alive; never freed by the result
        r._cache = {"_tracking": self}
        return r

    @property
    def plan(self) -> Any:
        """The plan: the base-case :class:`airoi.Result` (borrowed from this tracking)."""
        return self._result(_F["airoi_tracking_get_plan"](self._h))

    @property
    def reforecast(self) -> Any:
        """The re-forecast (actuals to date, then plan) as a :class:`airoi.Result`."""
        return self._result(_F["airoi_tracking_get_reforecast"](self._h, 0))

    @property
    def reforecast_run_rate(self) -> Any:
        """The run-rate re-forecast as a :class:`airoi.Result`."""
        return self._result(_F["airoi_tracking_get_reforecast"](self._h, 1))
