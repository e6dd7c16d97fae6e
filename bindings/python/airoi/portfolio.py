"""Portfolios: :class:`Portfolio` (docs/portfolio.md).

A portfolio file lists model files (paths relative to it) or inline
projects against one budget; evaluating it converts each project's figures
to the portfolio currency, ranks the projects and chooses the exact best
set under the budget. ``Portfolio.load(path).to_dict()`` is the
``portfolio`` object of ``airoi portfolio PATH --format json`` (docs/python.md
has a run on the bundled example), with the efficient frontier;
:meth:`Portfolio.simulate` runs the Monte Carlo of the chosen set with drivers
shared across projects (:class:`PortfolioSimulation`).
"""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _lib
from ._lib import C, c_int, c_size_t, c_uint, c_void_p, c_void_pp, p_size_t
from . import simulation as _simulation
from ._convert import _cstr
from .project import _model_error, _read_diagnostics, _warn

__all__ = ["Portfolio", "PortfolioSimulation"]

_P = {
    "airoi_portfolio_load_file": (c_int, [c_void_pp, c_void_pp, ctypes.c_char_p, c_uint]),
    "airoi_portfolio_free": (None, [c_void_p]),
    "airoi_portfolio_count_projects": (c_size_t, [c_void_p]),
    "airoi_portfolio_evaluate": (c_int, [c_void_pp, c_void_p, c_uint]),
    "airoi_portfolio_result_free": (None, [c_void_p]),
    "airoi_portfolio_report_write": (c_int, [c_void_pp, p_size_t, c_void_p, c_int, c_uint]),
    "airoi_portfolio_report_write_sim": (c_int, [c_void_pp, p_size_t, c_void_p, c_void_p, c_int,
                                                 c_uint]),
    "airoi_portfolio_set_frontier_levels": (c_int, [c_void_p, ctypes.c_int32]),
    "airoi_portfolio_simulate": (c_int, [c_void_pp, c_void_p, c_void_p, c_uint]),
    "airoi_portfolio_simulate_range": (c_int, [c_void_pp, c_void_p, c_void_p, ctypes.c_int64,
                                               ctypes.c_int64, c_uint]),
    "airoi_portfolio_simulation_merge": (c_int, [c_void_pp, c_void_p, c_void_p]),
    "airoi_portfolio_simulation_save_buffer": (c_int, [c_void_pp, p_size_t, c_void_p, c_uint]),
    "airoi_portfolio_simulation_load_buffer": (c_int, [c_void_pp, ctypes.c_char_p, c_size_t,
                                                       c_uint]),
    "airoi_portfolio_simulation_free": (None, [c_void_p]),
    "airoi_portfolio_simulation_get_trials": (c_int, [ctypes.POINTER(ctypes.c_double), c_size_t,
                                                      p_size_t, c_void_p]),
}
_F = {name: _lib.declare(name, res, args) for name, (res, args) in _P.items()}


def _format(name: str) -> int:
    out = ctypes.c_int()
    _lib.check(C.airoi_report_format_from_name(ctypes.byref(out), _cstr(name, "format")))
    return out.value


def _json_format() -> int:
    return _format("json")


class _Owned:
    """A C handle owned by the object: freed by close(), on exit or when collected."""

    _free = ""   # the C function that frees it
    _what = ""   # for the message once closed

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        """Frees the C object now."""
        ptr = getattr(self, "_ptr", None)
        if ptr:
            self._ptr = None
            _F[self._free](ptr)

    def _handle(self) -> int:
        if not getattr(self, "_ptr", None):
            from .errors import ClosedError
            raise ClosedError("the %s is closed" % self._what)
        return self._ptr

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Portfolio(_Owned):
    """A portfolio of projects (C handle ``airoi_portfolio``), owned by this object."""

    _free = "airoi_portfolio_free"
    _what = "portfolio"

    def __init__(self) -> None:
        raise TypeError("use Portfolio.load(path)")

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Portfolio":
        """Loads a portfolio file.

        Raises :class:`airoi.ParseError` / :class:`airoi.ModelError` with
        ``file``, ``line``, ``column`` and every ``diagnostics`` entry (a
        problem of a project file names the portfolio file and the project
        file); :class:`airoi.FileError` when a file cannot be read.
        """
        fspath = os.fsdecode(os.fspath(path))
        out = c_void_p()
        diags = c_void_p()
        status = _F["airoi_portfolio_load_file"](ctypes.byref(out), ctypes.byref(diags),
                                                 _cstr(fspath, "path"), 0)
        message = _lib.last_error_message() if status else ""
        try:
            found = _read_diagnostics(diags)
        finally:
            C.airoi_diagnostics_free(diags)
        if status:
            raise _model_error(status, message, found)
        self = cls.__new__(cls)
        self._ptr = out.value
        self.diagnostics = found
        _warn(found, 3)
        return self

    def __len__(self) -> int:
        return int(_F["airoi_portfolio_count_projects"](self._handle()))

    def evaluate(self) -> Dict[str, Any]:
        """Evaluates the portfolio: the ``portfolio`` object of ``airoi portfolio --format
        json`` as a dict (``budget``, ``measure``, ``selected``, ``total_npv``,
        ``total_investment``, ``expected_npv``, ``projects`` with each project's
        figures, ``selected`` and ranks, and ``frontier``)."""
        return json.loads(self.report("json"))["portfolio"]

    def report(self, format: str = "text",
               simulation: Optional["PortfolioSimulation"] = None) -> str:
        """The report of ``airoi portfolio``: ``text``, ``json``, ``csv``, ``md`` or
        ``html`` (the portfolio page), with the simulation's part when given."""
        fmt = _format(format)
        res = c_void_p()
        _lib.check(_F["airoi_portfolio_evaluate"](ctypes.byref(res), self._handle(), 0))
        try:
            out = c_void_p()
            length = c_size_t()
            sim = simulation._handle() if simulation is not None else None
            _lib.check(_F["airoi_portfolio_report_write_sim"](
                ctypes.byref(out), ctypes.byref(length), res, sim, fmt, 0))
            try:
                return ctypes.string_at(out.value, length.value).decode("utf-8")
            finally:
                C.airoi_free(out)
        finally:
            _F["airoi_portfolio_result_free"](res)

    def frontier(self, levels: Optional[int] = None) -> List[Dict[str, Any]]:
        """The efficient frontier: the best set at each budget level (21 unless
        ``levels`` sets another number, kept for later evaluations), from the
        mandatory projects' investment to that of every project; each level a dict
        with ``budget``, ``total_npv``, ``total_investment`` and ``selected``."""
        if levels is not None:
            if isinstance(levels, bool) or not isinstance(levels, int):
                raise TypeError("levels must be an int, not %s" % type(levels).__name__)
            if not 0 <= levels <= 1001:
                raise _lib.invalid("frontier levels: expected 0 to 1001; got %d" % levels)
            _lib.check(_F["airoi_portfolio_set_frontier_levels"](self._handle(), levels))
        return self.evaluate()["frontier"]

    def simulate(self, trials: Optional[int] = None, seed: Optional[int] = None,
                 threads: Optional[int] = None,
                 percentiles: Optional[Sequence[float]] = None,
                 first: Optional[int] = None, count: Optional[int] = None
                 ) -> "PortfolioSimulation":
        """The Monte Carlo of the chosen set (docs/portfolio.md): uncertainties
        sharing a ``driver`` are drawn once per trial for every project. With
        ``first`` and ``count``, only those trials: parts merge with
        :meth:`PortfolioSimulation.merge` into the whole run, bit for bit."""
        opts = _simulation._options(None, trials, seed, threads, None, percentiles, None, False)
        out = c_void_p()
        if first is None and count is None:
            status = _F["airoi_portfolio_simulate"](ctypes.byref(out), self._handle(), opts.ptr, 0)
        else:
            for what, v in (("first", first), ("count", count)):
                if isinstance(v, bool) or not isinstance(v, int):
                    raise TypeError("%s must be an int" % what)
            status = _F["airoi_portfolio_simulate_range"](ctypes.byref(out), self._handle(),
                                                          opts.ptr, first, count, 0)
        _lib.check(status)
        return PortfolioSimulation._adopt(out.value, self)

    def simulation_from_bytes(self, data: bytes) -> "PortfolioSimulation":
        """A simulation of this portfolio from :meth:`PortfolioSimulation.to_bytes`
        (written in any process), the same figures bit for bit."""
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("data must be bytes, not %s" % type(data).__name__)
        out = c_void_p()
        _lib.check(_F["airoi_portfolio_simulation_load_buffer"](ctypes.byref(out), bytes(data),
                                                               len(data), 0))
        return PortfolioSimulation._adopt(out.value, self)

    def to_dict(self) -> Dict[str, Any]:
        """The same as :meth:`evaluate`."""
        return self.evaluate()


class PortfolioSimulation(_Owned):
    """A Monte Carlo run of a portfolio's chosen set (C handle
    ``airoi_portfolio_simulation``), from :meth:`Portfolio.simulate`."""

    _free = "airoi_portfolio_simulation_free"
    _what = "portfolio simulation"

    def __init__(self) -> None:
        raise TypeError("use Portfolio.simulate()")

    @classmethod
    def _adopt(cls, ptr: int, portfolio: Portfolio) -> "PortfolioSimulation":
        self = cls.__new__(cls)
        self._ptr = ptr
        self._portfolio = portfolio
        return self

    def to_dict(self) -> Dict[str, Any]:
        """The ``simulation`` object of ``airoi portfolio --simulate --format json``:
        ``trials``, ``seed``, ``first_trial``, ``drivers``, ``npv`` (``mean``, ``sd``,
        ``se``, ``min``, ``max``, ``percentiles``, ``histogram``),
        ``prob_npv_positive`` and ``projects`` (``name``, ``mean``, ``sd``,
        ``contribution``)."""
        text = self._portfolio.report("json", self)
        return json.loads(text)["portfolio"]["simulation"]

    def trials(self) -> List[float]:
        """The portfolio NPV of every trial, in trial order."""
        n = c_size_t()
        fn = _F["airoi_portfolio_simulation_get_trials"]
        _lib.check(fn(None, 0, ctypes.byref(n), self._handle()))
        buf = (ctypes.c_double * max(n.value, 1))()
        _lib.check(fn(buf, n.value, ctypes.byref(n), self._handle()))
        return list(buf[:n.value])

    def to_bytes(self) -> bytes:
        """The run (or range) as bytes, to send to another process: read it back
        with :meth:`Portfolio.simulation_from_bytes` and merge the ranges."""
        out = c_void_p()
        length = c_size_t()
        _lib.check(_F["airoi_portfolio_simulation_save_buffer"](
            ctypes.byref(out), ctypes.byref(length), self._handle(), 0))
        try:
            return ctypes.string_at(out.value, length.value)
        finally:
            C.airoi_free(out)

    def merge(self, other: "PortfolioSimulation") -> "PortfolioSimulation":
        """The run of the two adjacent trial ranges joined (the same figures as
        one run of the whole range)."""
        out = c_void_p()
        _lib.check(_F["airoi_portfolio_simulation_merge"](ctypes.byref(out), self._handle(),
                                                          other._handle()))
        return PortfolioSimulation._adopt(out.value, self._portfolio)
