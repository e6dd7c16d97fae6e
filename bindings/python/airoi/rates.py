"""Excel's rate conversions and growth: EFFECT, NOMINAL, PDURATION, RRI and
FVSCHEDULE (``airoi_effect`` ... in ``include/airoi/finance.h``;
docs/methodology.md, "Rate conversions and growth").

Plain numbers give a float (or raise where Excel shows ``#NUM!``); arrays
and lists broadcast as in :mod:`airoi.loans` (NaN where Excel errs).

>>> round(effect(0.0525, 4), 9)
0.053542667
>>> round(nominal(0.053543, 4), 8)
0.05250032
"""

from __future__ import annotations

import ctypes
from typing import Any

from . import _lib
from ._scalar import Fn

__all__ = ["effect", "nominal", "pduration", "rri", "fvschedule"]

_EFFECT = Fn("effect", "airoi_effect", "dd", ("nominal_rate", "npery"))
_NOMINAL = Fn("nominal", "airoi_nominal", "dd", ("effect_rate", "npery"))
_PDURATION = Fn("pduration", "airoi_pduration", "ddd", ("rate", "pv", "fv"))
_RRI = Fn("rri", "airoi_rri", "ddd", ("nper", "pv", "fv"))
_FVSCHEDULE = _lib.declare("airoi_fvschedule", ctypes.c_int,
                           [ctypes.POINTER(ctypes.c_double), ctypes.c_double, _lib.p_double,
                            ctypes.c_size_t])


def effect(nominal_rate: Any, npery: Any, *, errors: str = "coerce") -> Any:
    """Effective annual rate, as Excel's ``EFFECT(nominal_rate, npery)``:
    ``(1 + nominal_rate / npery) ** npery - 1`` (npery truncated).

    Raises:
        InvalidInputError: nominal_rate <= 0 (also 0, as Excel's
            documentation says) or npery < 1.
    """
    return _EFFECT(nominal_rate, npery, errors=errors)


def nominal(effect_rate: Any, npery: Any, *, errors: str = "coerce") -> Any:
    """Nominal annual rate, as Excel's ``NOMINAL(effect_rate, npery)``.

    Raises:
        InvalidInputError: effect_rate <= 0 or npery < 1.
    """
    return _NOMINAL(effect_rate, npery, errors=errors)


def pduration(rate: Any, pv: Any, fv: Any, *, errors: str = "coerce") -> Any:
    """Periods for ``pv`` to grow to ``fv`` at ``rate``, as Excel's
    ``PDURATION(rate, pv, fv)``.

    >>> round(pduration(0.025, 2000, 2200), 2)
    3.86

    Raises:
        InvalidInputError: an argument <= 0.
    """
    return _PDURATION(rate, pv, fv, errors=errors)


def rri(nper: Any, pv: Any, fv: Any, *, errors: str = "coerce") -> Any:
    """Equivalent growth rate per period, as Excel's ``RRI(nper, pv, fv)``:
    ``(fv / pv) ** (1 / nper) - 1``.

    >>> round(rri(96, 10000, 11000), 7)
    0.0009933

    Raises:
        InvalidInputError: nper <= 0, pv = 0, or fv / pv < 0.
    """
    return _RRI(nper, pv, fv, errors=errors)


def fvschedule(principal: Any, schedule: Any) -> Any:
    """Future value of ``principal`` under a schedule of rates, as Excel's
    ``FVSCHEDULE(principal, schedule)``: ``principal * prod(1 + s)``.
    ``principal`` may be an array (one result per element).

    >>> round(fvschedule(1, [0.09, 0.11, 0.1]), 5)
    1.33089

    Raises:
        InvalidInputError: NaN or infinity.
        RangeError: the result overflows.
    """
    ptr, n, _keep = _lib.doubles(schedule, "schedule") if len(schedule) else (None, 0, None)
    out = ctypes.c_double()
    if _lib.is_array_like(principal) or isinstance(principal, (list, tuple)):
        np = _lib.numpy_module()
        if np is None:  # a list back
            return [fvschedule(float(x), schedule) for x in principal]
        p = np.asarray(principal, dtype=np.float64)
        res = np.empty(p.shape)
        for i, x in enumerate(p.reshape(-1)):
            st = _FVSCHEDULE(ctypes.byref(out), float(x), ptr, n)
            res.reshape(-1)[i] = out.value if st == 0 else np.nan
        return res
    if isinstance(principal, (str, bytes)):
        raise TypeError("fvschedule: principal must be a number, got %r" % (principal,))
    st = _FVSCHEDULE(ctypes.byref(out), float(principal), ptr, n)
    if st:
        _lib.raise_status(st)
    return out.value
