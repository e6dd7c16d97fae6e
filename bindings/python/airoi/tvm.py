"""Batch forms of Excel's time-value functions PMT, PV, FV, NPER and RATE:
each argument may be a NumPy array, a list or a number, the arguments are
broadcast together as NumPy (and numpy-financial) does, and the result is
a float64 ``ndarray`` of the broadcast shape with NaN where Excel would show
an error (``errors="raise"`` raises the first such element's exception,
with ``"element (i, ...): "`` in front of its message).  The scalar
functions are :func:`airoi.pmt` and its siblings; ``when='begin'|'end'`` is
accepted for ``type`` as there.

>>> [round(x, 2) for x in pmt_batch([0.05, 0.08], 10, 10000)]
[-1295.05, -1490.29]
>>> [round(float(x), 4) for x in pv_batch(0.1, [1, 2], -100, when="begin")]
[100.0, 190.9091]
"""

from __future__ import annotations

from typing import Any

from ._scalar import Fn, when_type

__all__ = ["pmt_batch", "pv_batch", "fv_batch", "nper_batch", "rate_batch"]

_PMT = Fn("pmt", "airoi_pmt", "ddddi", ("rate", "nper", "pv", "fv", "type"),
          batch="airoi_pmt_batch")
_PV = Fn("pv", "airoi_pv", "ddddi", ("rate", "nper", "pmt", "fv", "type"), batch="airoi_pv_batch")
_FV = Fn("fv", "airoi_fv", "ddddi", ("rate", "nper", "pmt", "pv", "type"), batch="airoi_fv_batch")
_NPER = Fn("nper", "airoi_nper", "ddddi", ("rate", "pmt", "pv", "fv", "type"),
           batch="airoi_nper_batch")
_RATE = Fn("rate", "airoi_rate", "ddddid", ("nper", "pmt", "pv", "fv", "type", "guess"),
           batch="airoi_rate_batch")


def _t(type: Any, when: Any, name: str) -> Any:
    t = when_type(type, when, name)
    return (1 if t != 0 else 0) if not hasattr(t, "__len__") else t


def pmt_batch(rate: Any, nper: Any, pv: Any, fv: Any = 0, type: Any = 0, *, when: Any = None,
              errors: str = "coerce") -> Any:
    """:func:`airoi.pmt` over broadcast arrays."""
    return _PMT.broadcast((rate, nper, pv, fv, _t(type, when, "pmt")), errors)


def pv_batch(rate: Any, nper: Any, pmt: Any, fv: Any = 0, type: Any = 0, *, when: Any = None,
             errors: str = "coerce") -> Any:
    """:func:`airoi.pv` over broadcast arrays."""
    return _PV.broadcast((rate, nper, pmt, fv, _t(type, when, "pv")), errors)


def fv_batch(rate: Any, nper: Any, pmt: Any, pv: Any = 0, type: Any = 0, *, when: Any = None,
             errors: str = "coerce") -> Any:
    """:func:`airoi.fv` over broadcast arrays."""
    return _FV.broadcast((rate, nper, pmt, pv, _t(type, when, "fv")), errors)


def nper_batch(rate: Any, pmt: Any, pv: Any, fv: Any = 0, type: Any = 0, *, when: Any = None,
               errors: str = "coerce") -> Any:
    """:func:`airoi.nper` over broadcast arrays."""
    return _NPER.broadcast((rate, pmt, pv, fv, _t(type, when, "nper")), errors)


def rate_batch(nper: Any, pmt: Any, pv: Any, fv: Any = 0, type: Any = 0, guess: Any = 0.1, *,
               when: Any = None, errors: str = "coerce") -> Any:
    """:func:`airoi.rate` over broadcast arrays."""
    return _RATE.broadcast((nper, pmt, pv, fv, _t(type, when, "rate"), guess), errors)
