"""Conversions between Python values and C arguments shared by the model
classes (strings, numbers, dates, new handles). Internal."""

from __future__ import annotations

import ctypes
import datetime
from typing import Any, Optional

from . import _lib, errors
from ._lib import c_void_p
from .dates import day_number


def _cstr(value: Any, what: str) -> bytes:
    """UTF-8 bytes for a C string argument (no NUL inside)."""
    if not isinstance(value, str):
        raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise _lib.invalid("%s must not contain NUL characters" % what)
    return value.encode("utf-8")


def _text(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else raw.decode("utf-8", "replace")


def _number(value: Any, what: str) -> float:
    """A float for a numeric setting; a string, bytes, a boolean or None is
    refused (TypeError) in the loader's words: "<what>: expected a number; got 'lots'"."""
    if isinstance(value, (str, bytes, bool)) or value is None or _lib._not_number(value):
        raise TypeError("%s: expected a number; got %r" % (what, value))
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError("%s: expected a number; got %r" % (what, value)) from None
    except OverflowError:  # an int such as 10**400: the loader's words for 1e400
        raise _lib.invalid("%s: expected a finite number; got an integer of %d digits, which overflows"
                           " a double" % (what, len(str(abs(int(value)))))) from None


def _boolean(value: Any, what: str) -> float:
    """1.0 or 0.0 for a true/false setting; anything but a bool (or NumPy
    bool) is refused (TypeError), as a model file refuses ``monetized: 1``."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return 1.0 if value else 0.0
    raise TypeError("%s: expected true or false; got %r" % (what, value))


def _new_handle(fn: Any, *args: Any) -> int:
    """Calls a C constructor of the form ``fn(&out, *args)``; returns the pointer."""
    out = c_void_p()
    _lib.check(fn(ctypes.byref(out), *args))
    if not out.value:
        raise errors.InternalError("airoi: %s returned no handle" % getattr(fn, "__name__", "constructor"))
    return int(out.value)


def _to_date(value: Any) -> int:
    if isinstance(value, datetime.datetime):
        value = value.date()
    return day_number(value)
