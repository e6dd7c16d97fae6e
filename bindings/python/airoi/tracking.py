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
from ._convert import _cstr

__all__ = ["Tracking"]

_P = {
    "airoi_project_track": (c_int, [c_void_pp, c_void_p, c_uint]),
    "airoi_tracking_free": (None, [c_void_p]),
    "airoi_tracking_get_plan": (c_void_p, [c_void_p]),
    "airoi_tracking_get_reforecast": (c_void_p, [c_void_p, c_int]),
    "airoi_tracking_report_write": (c_int, [c_void_pp, p_size_t, c_void_p, c_int, c_uint]),
    "airoi_project_count_actuals": (c_size_t, [c_void_p]),
    "airoi_project_count_indicators": (c_size_t, [c_void_p]),
}
_F = {name: _lib.declare(name, res, args) for name, (res, args) in _P.items()}


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
