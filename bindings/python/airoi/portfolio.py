"""Portfolios: :class:`Portfolio` (docs/portfolio.md).

A portfolio file lists model files (paths relative to it) or inline
projects against one budget; evaluating it converts each project's figures
to the portfolio currency, ranks the projects and chooses the exact best
set under the budget. ``Portfolio.load(path).to_dict()`` is the
``portfolio`` object of ``airoi portfolio PATH --format json`` (docs/python.md
has a run on the bundled example).
"""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Dict, Union

from . import _lib
from ._lib import C, c_int, c_size_t, c_uint, c_void_p, c_void_pp, p_size_t
from ._convert import _cstr
from .project import _model_error, _read_diagnostics, _warn

__all__ = ["Portfolio"]

_P = {
    "airoi_portfolio_load_file": (c_int, [c_void_pp, c_void_pp, ctypes.c_char_p, c_uint]),
    "airoi_portfolio_free": (None, [c_void_p]),
    "airoi_portfolio_count_projects": (c_size_t, [c_void_p]),
    "airoi_portfolio_evaluate": (c_int, [c_void_pp, c_void_p, c_uint]),
    "airoi_portfolio_result_free": (None, [c_void_p]),
    "airoi_portfolio_report_write": (c_int, [c_void_pp, p_size_t, c_void_p, c_int, c_uint]),
}
_F = {name: _lib.declare(name, res, args) for name, (res, args) in _P.items()}


def _json_format() -> int:
    out = ctypes.c_int()
    _lib.check(C.airoi_report_format_from_name(ctypes.byref(out), b"json"))
    return out.value


class Portfolio:
    """A portfolio of projects (C handle ``airoi_portfolio``), owned by this object."""

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

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        """Frees the C portfolio now."""
        ptr = getattr(self, "_ptr", None)
        if ptr:
            self._ptr = None
            _F["airoi_portfolio_free"](ptr)

    def __len__(self) -> int:
        return int(_F["airoi_portfolio_count_projects"](self._handle()))

    def _handle(self) -> int:
        if not getattr(self, "_ptr", None):
            from .errors import ClosedError
            raise ClosedError("the portfolio is closed")
        return self._ptr

    def evaluate(self) -> Dict[str, Any]:
        """Evaluates the portfolio: the ``portfolio`` object of ``airoi portfolio --format
        json`` as a dict (``budget``, ``measure``, ``selected``, ``total_npv``,
        ``total_investment``, ``expected_npv``, ``projects`` with each project's
        figures, ``selected`` and ranks)."""
        res = c_void_p()
        _lib.check(_F["airoi_portfolio_evaluate"](ctypes.byref(res), self._handle(), 0))
        try:
            out = c_void_p()
            length = c_size_t()
            _lib.check(_F["airoi_portfolio_report_write"](ctypes.byref(out), ctypes.byref(length),
                                                          res, _json_format(), 0))
            try:
                text = ctypes.string_at(out.value, length.value).decode("utf-8")
            finally:
                C.airoi_free(out)
        finally:
            _F["airoi_portfolio_result_free"](res)
        return json.loads(text)["portfolio"]

    def to_dict(self) -> Dict[str, Any]:
        """The same as :meth:`evaluate`."""
        return self.evaluate()

    def __enter__(self) -> "Portfolio":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
