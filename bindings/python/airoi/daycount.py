"""Day-count conventions of :func:`airoi.xnpv` and :func:`airoi.xirr`
(``day_count=``): the year fraction of each flow is measured from the
first date under one of

* ``"act/365f"`` -- actual days / 365, Excel's XNPV and XIRR (the default);
* ``"act/360"``, ``"act/365.25"``;
* ``"30/360"`` -- 30/360 US (pyxirr's 30U/360, the SIA rule);
* ``"30e/360"`` -- 30E/360 (Eurobond basis);
* ``"act/act"`` -- Actual/Actual ISDA.

An unknown name raises :class:`~airoi.InvalidInputError` listing the names.
The rules and their sources are in docs/methodology.md, "Day counts".

>>> year_fraction("2007-12-28", "2008-02-29", "30/360") * 360
61.0
"""

from __future__ import annotations

import ctypes
from typing import Any, Optional, Sequence

from . import _lib
from .dates import DateLike, day_number, day_numbers

__all__ = ["DAY_COUNTS", "year_fraction"]

#: The names of the conventions, in the order of ``airoi_day_count``.
DAY_COUNTS = ("act/365f", "act/360", "act/365.25", "30/360", "30e/360", "act/act")
_BASE = 0x1400  # AIROI_DAY_COUNT_ACT_365F

_P = ctypes.POINTER(ctypes.c_double)
_YF = _lib.declare("airoi_year_fraction", ctypes.c_int, [_P, ctypes.c_int32, ctypes.c_int32, ctypes.c_int])
_XNPV = _lib.declare("airoi_xnpv_day_count", ctypes.c_int,
                     [_P, ctypes.c_double, _lib.p_double, _lib.p_int32, ctypes.c_size_t, ctypes.c_int])
_XIRR = _lib.declare("airoi_xirr_day_count", ctypes.c_int,
                     [_P, _lib.p_double, _lib.p_int32, ctypes.c_size_t, ctypes.c_double, ctypes.c_int])


def code(day_count: Any) -> int:
    """The ``airoi_day_count`` value of a name (case-insensitive)."""
    if not isinstance(day_count, str):
        raise TypeError("day_count must be a str such as 'act/365f', got %r" % (day_count,))
    try:
        return _BASE + DAY_COUNTS.index(day_count.lower())
    except ValueError:
        raise _lib.invalid("day_count: expected one of %s; got %r"
                           % (", ".join(DAY_COUNTS), day_count)) from None


def year_fraction(start: DateLike, end: DateLike, day_count: str = "act/365f") -> float:
    """Years from ``start`` to ``end`` under a convention (negative when
    ``end`` is earlier).

    >>> round(year_fraction("2008-02-01", "2009-05-31", "act/act"), 12) == round(335 / 366 + 150 / 365, 12)
    True
    """
    out = ctypes.c_double()
    _lib.check(_YF(ctypes.byref(out), day_number(start), day_number(end), code(day_count)))
    return out.value


def _days(dates: Sequence[DateLike], n: int) -> Any:
    days = day_numbers(dates)
    if len(days) != n:
        raise _lib.invalid("values and dates differ in length: %d dates for %d values" % (len(days), n))
    ptr, _, _keep = _lib.int32s(days)
    return ptr


def xnpv(rate: float, values: Any, dates: Sequence[DateLike], day_count: str) -> float:
    dc = code(day_count)
    ptr, n, _keep = _lib.doubles(values)
    dptr = _days(dates, n)
    out = ctypes.c_double()
    _lib.check(_XNPV(ctypes.byref(out), float(rate), ptr, dptr, n, dc))
    return out.value


def xirr(values: Any, dates: Sequence[DateLike], guess: float, day_count: str) -> float:
    dc = code(day_count)
    ptr, n, _keep = _lib.doubles(values)
    dptr = _days(dates, n)
    out = ctypes.c_double()
    _lib.check(_XIRR(ctypes.byref(out), ptr, dptr, n, float(guess), dc))
    return out.value


def is_default(day_count: Optional[str]) -> bool:
    """True for Excel's convention (None or "act/365f"); validates the name."""
    return day_count is None or code(day_count) == _BASE


#: The batch forms (``airoi_xnpv_batch_day_count``, ``airoi_xirr_batch_day_count``).
XNPV_BATCH = _lib.declare("airoi_xnpv_batch_day_count", ctypes.c_int,
                          [_P, _lib.p_int32, ctypes.c_double, _lib.p_double, _lib.p_int32,
                           ctypes.c_size_t, ctypes.c_size_t, ctypes.c_int])
XIRR_BATCH = _lib.declare("airoi_xirr_batch_day_count", ctypes.c_int,
                          [_P, _lib.p_int32, _lib.p_double, _lib.p_int32, ctypes.c_size_t,
                           ctypes.c_size_t, ctypes.c_double, ctypes.c_int])
