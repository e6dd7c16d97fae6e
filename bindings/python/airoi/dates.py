"""Dates for XNPV and XIRR: ``datetime.date``, ISO 8601 strings or Excel serials.

libairoi counts dates as day numbers: days since 1970-01-01 (day 0) in the
proleptic Gregorian calendar, from 0001-01-01 to 9999-12-31.  Every function
of this package that takes dates accepts, element by element:

* ``datetime.date`` (a ``datetime.datetime`` or ``pandas.Timestamp`` counts
  as its calendar date; the time of day is dropped);
* an ISO 8601 string ``"YYYY-MM-DD"`` (or ``"YYYYMMDD"``), parsed by the C
  library exactly as model files are, optionally followed by a time of day
  (``"2008-01-01T09:30:00"``, ``"2008-01-01 09:30"``, with or without a UTC
  offset or ``Z``): the time is checked and dropped, the date is the one
  written;
* a number (``int`` or ``float``): an **Excel serial in the 1900 date system**
  (serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 = 60 refused, the
  fraction -- time of day -- dropped), so that dates copied from a
  worksheet give Excel's answer.  Convert 1904-system serials with
  :func:`from_excel` first;
* ``numpy.datetime64`` values, or a NumPy ``datetime64`` array.

Plain day numbers are not accepted where dates are expected (a number means
an Excel serial); convert them with :func:`from_day_number`.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import numbers
from typing import Any, Iterable, List, Union

from . import _lib
from ._lib import C

__all__ = ["DateLike", "day_number", "day_numbers", "from_day_number", "from_excel", "to_excel",
           "DATE_MIN", "DATE_MAX"]

#: Anything accepted as a date.
DateLike = Union[_dt.date, str, int, float, Any]

#: Day number of 0001-01-01, the first valid date.
DATE_MIN = -719162
#: Day number of 9999-12-31, the last valid date.
DATE_MAX = 2932896

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()  # 719163
_SYSTEMS = {1900: 0x1000, 1904: 0x1001}  # AIROI_DATE_1900, AIROI_DATE_1904 (airoi_date_system)


def _system(system: int) -> int:
    try:
        return _SYSTEMS[system]
    except (KeyError, TypeError):
        raise _lib.invalid("date system must be 1900 or 1904, got %r" % (system,)) from None


def day_number(value: DateLike) -> int:
    """The day number (days since 1970-01-01) of one date.

    >>> day_number("2008-01-01"), day_number(datetime.date(1970, 1, 2)), day_number(39448)
    (13879, 1, 13879)

    Raises:
        InvalidInputError: a malformed or impossible ISO date, or an Excel
            serial outside Excel's range (or the phantom 1900-02-29).
        TypeError: a value of another type.
    """
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, str):
        value = _date_part(value)
        out = ctypes.c_int32()
        try:
            text = value.encode("utf-8")
        except UnicodeError:
            raise _lib.invalid("not an ISO 8601 date: %r" % (value,)) from None
        if b"\0" in text:
            raise _lib.invalid("not an ISO 8601 date: %r" % (value,))
        _lib.check(C.airoi_date_from_iso(ctypes.byref(out), text))
        return out.value
    if isinstance(value, bool):
        raise TypeError("a date cannot be a bool")
    np = _lib.numpy_module()
    if np is not None and isinstance(value, np.datetime64):
        return _datetime64_days(np, np.asarray(value))[0]
    if isinstance(value, numbers.Real):
        out = ctypes.c_int32()
        _lib.check(C.airoi_date_from_excel(ctypes.byref(out), float(value), _SYSTEMS[1900]))
        return out.value
    raise TypeError("expected a datetime.date, an ISO 8601 string or an Excel serial, got %s"
                    % type(value).__name__)


def _date_part(text: str) -> str:
    """The date of an ISO 8601 date-time (the time checked, then dropped);
    a plain date unchanged."""
    if len(text) > 10 and text[10] in "T t":
        try:
            _dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            raise _lib.invalid("not an ISO 8601 date or date-time: %r" % (text,)) from None
        return text[:10]
    return text


def _datetime64_days(np: Any, a: Any) -> List[int]:
    if np.isnat(a).any():
        raise _lib.invalid("dates contain NaT")
    days = a.astype("datetime64[D]").astype(np.int64).reshape(-1)
    if days.size and (days.min() < DATE_MIN or days.max() > DATE_MAX):
        raise _lib.invalid("a date lies outside 0001-01-01..9999-12-31")
    return [int(d) for d in days.tolist()]


def day_numbers(values: Iterable[DateLike]) -> List[int]:
    """Day numbers of many dates (see :func:`day_number`); a NumPy
    ``datetime64`` array is converted in one vectorised step."""
    np = _lib.numpy_module()
    if np is not None and _lib.is_array_like(values):
        a = np.asarray(values)
        if a.dtype.kind == "M":
            if a.ndim != 1:
                raise _lib.invalid("dates must be one-dimensional, got shape %s" % (a.shape,))
            return _datetime64_days(np, a)
        values = a.tolist()
    if isinstance(values, (str, bytes)):
        raise TypeError("dates must be a sequence of dates, not a single string")
    return [day_number(v) for v in values]


def from_day_number(day: int) -> _dt.date:
    """The calendar date of a day number.

    >>> from_day_number(0)
    datetime.date(1970, 1, 1)
    """
    day = int(day)
    if not DATE_MIN <= day <= DATE_MAX:
        raise _lib.invalid("day number %d is outside %d..%d" % (day, DATE_MIN, DATE_MAX))
    return _dt.date.fromordinal(day + _EPOCH_ORDINAL)


def from_excel(serial: float, system: int = 1900) -> _dt.date:
    """The calendar date of an Excel serial number.

    Args:
        serial: the serial (its fraction, the time of day, is dropped).
        system: 1900 (Excel's default; serial 60 is the phantom 1900-02-29 and
            is refused) or 1904 (the old Mac system).

    >>> from_excel(39448)
    datetime.date(2008, 1, 1)
    >>> from_excel(0, system=1904)
    datetime.date(1904, 1, 1)
    """
    out = ctypes.c_int32()
    _lib.check(C.airoi_date_from_excel(ctypes.byref(out), float(serial), _system(system)))
    return from_day_number(out.value)


def to_excel(date: DateLike, system: int = 1900) -> float:
    """The Excel serial number of a date in the 1900 or 1904 system.

    >>> to_excel("2008-01-01")
    39448.0
    """
    day = day_number(date)
    out = ctypes.c_double()
    _lib.check(C.airoi_date_to_excel(ctypes.byref(out), day, _system(system)))
    return out.value
