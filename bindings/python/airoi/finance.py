"""Excel-named finance functions over libairoi (``include/airoi/finance.h``).

Each function takes Excel's arguments in Excel's order with Excel's defaults
and gives Excel's answer, or raises where Excel shows an error value:
``#NUM!`` becomes :class:`~airoi.NoSolutionError` (no root) or
:class:`~airoi.InvalidInputError` (argument outside the domain), ``#VALUE!``
becomes :class:`~airoi.InvalidInputError`.  NaN and infinity are refused
(:class:`~airoi.InvalidInputError`) and never returned.

Cash flows (``values``) may be any sequence of numbers or a 1-D NumPy array
(a C-contiguous float64 array is passed to C without a copy).  A dict, a
set, and elements that are strings, bytes, booleans or None raise
``TypeError``; ``xnpv`` and ``xirr`` also take a ``{date: amount}`` mapping
or a ``(dates, amounts)`` tuple in place of ``values`` and ``dates``.

The ``*_batch`` forms compute many rows in one C call.  ``rows`` is a list of
equally long lists, or a 2-D NumPy array (one cash-flow row per line; a
C-contiguous float64 array is passed without a copy), a pandas DataFrame
(one row per line) or a pandas Series whose elements are rows.  They return
a list of floats for list input, a float64 ``ndarray`` for array input, and
a float64 pandas ``Series`` with the input's index for pandas input.  A row that
fails gives ``None`` (list) or ``NaN`` (array) with ``errors="coerce"`` (the
default), or raises the row's exception, with ``"row i: "`` in front of its
message, with ``errors="raise"``.  With ``errors="status"`` they return a
:class:`BatchStatus` pair ``(values, status)``: ``values`` as with
``"coerce"``, and ``status`` one status name per row (``"AIROI_OK"``,
``"AIROI_ERR_NO_SOLUTION"``, ... of :data:`airoi.STATUS_NAMES`) in the same
kind of container (a list, an object ``ndarray``, or a ``Series`` with the
input's index).
"""

from __future__ import annotations

import ctypes
from ctypes import byref
from collections.abc import Mapping
from typing import Any, List, NamedTuple, Optional, Sequence, Set, Union

from . import _lib
from . import errors as _errors
from ._lib import C
from ._lib import PACKERS as _PACKERS, TOP as _TOP, StructError as _StructError
from ._lib import double_cache as _double_cache, new_out as _new_out, packed as _packed, plain as _plain
from .dates import DateLike, day_numbers, from_day_number
from ._scalar import when_type as _when_type
from . import daycount as _daycount

__all__ = [
    "npv", "xnpv", "irr", "irr_all", "xirr", "mirr",
    "pmt", "pv", "fv", "nper", "rate",
    "payback", "discounted_payback", "roi",
    "npv_batch", "irr_batch", "xnpv_batch", "xirr_batch", "payback_batch", "mirr_batch",
    "BatchStatus",
]

#: A 1-D sequence of numbers or NumPy array.
Values = Union[Sequence[float], Any]
#: A list of equally long lists of numbers, or a 2-D NumPy array.
RowsLike = Union[Sequence[Sequence[float]], Any]
#: List (with None for failed rows) for list input, float64 ndarray (NaN) for array input.
BatchResult = Union[List[Optional[float]], Any]


class BatchStatus(NamedTuple):
    """What a batch function returns with ``errors="status"``.

    ``values``: the results, as with ``errors="coerce"`` (None or NaN where a
    row failed).  ``status``: one name per row, in the same kind of
    container as ``values`` (list, object ``ndarray``, or pandas ``Series``
    with the input's index): ``"AIROI_OK"`` for a row with a value, else the
    library's status name of the row's failure (``"AIROI_ERR_INVALID"`` for
    NaN or infinity, ``"AIROI_ERR_NO_SOLUTION"`` for an IRR without a root,
    ``"AIROI_ERR_UNDEFINED"`` for a payback that is never reached; see
    :data:`airoi.STATUS_NAMES`).
    """

    values: Any
    status: Any


_NPV_START_AT_ZERO = 1
_UNSET = 1  # status_out sentinel: no status is positive
_ERRORS = ("coerce", "raise", "status")


def _num(x: Any, name: str) -> float:
    if isinstance(x, (str, bytes)):
        raise TypeError("%s must be a number, got %r" % (name, x))
    try:
        return float(x)
    except (TypeError, ValueError):
        raise TypeError("%s must be a number, got %r" % (name, x)) from None
    except OverflowError:
        raise _lib.invalid("%s is too large for a double: %r" % (name, x)) from None


def _type(t: Any) -> int:
    return 1 if _num(t, "type") != 0 else 0


def _call1(fn: Any, *args: Any) -> float:
    out = ctypes.c_double()
    status = fn(byref(out), *args)
    if status:
        _lib.raise_status(status)
    return out.value


# The fast path of npv (npv0), irr and mirr: _lib.py, "the fast path of the
# scalar functions".  Each float argument has a one-entry cache of its C
# double (_RATE, _GUESS, ...: [(float, C double)]).
_QUICK_NPV = _lib.quick("airoi_npv")
_QUICK_NPV0 = _lib.quick("airoi_npv0")
_QUICK_IRR = _lib.quick("airoi_irr")
_QUICK_MIRR = _lib.quick("airoi_mirr")
_RATE: List[Any] = [(None, None)]
_GUESS: List[Any] = [(None, None)]
_FINANCE_RATE: List[Any] = [(None, None)]
_REINVEST_RATE: List[Any] = [(None, None)]
_take = _lib.OUTS.pop
_give = _lib.OUTS.append


def _quick_call(fn: Any, *args: Any) -> Optional[float]:
    """``fn(&out, *args)`` of a quick() function: out, or None when the call
    fails (the caller then takes the general path, which raises)."""
    try:
        o = _take()
    except IndexError:
        o = _new_out()
    status = fn(o[1], *args)
    x = o[0].value
    _give(o)
    return None if status else x


# --------------------------------------------------------------- cash flows
def npv(rate: float, values: Values, start_from_zero: bool = False) -> float:
    """Net present value, as Excel's ``NPV(rate, value1, ...)``.

    Excel discounts the first value by one period: ``sum(v[i] / (1+rate)**(i+1))``.
    With ``start_from_zero=True`` the first value is at t = 0 and is not
    discounted (``sum(v[t] / (1+rate)**t)``), the convention of business cases.

    Args:
        rate: discount rate per period, greater than -1.
        values: the cash flows, at least one.
        start_from_zero: put the first value at t = 0 (``airoi_npv0``).

    >>> round(npv(0.1, [-10000, 3000, 4200, 6800]), 2)
    1188.44
    >>> round(npv(0.08, [-350, 120, 340, 470], start_from_zero=True), 2)
    425.71

    Raises:
        InvalidInputError: no values, rate <= -1, NaN or infinity.
        RangeError: the result overflows.
    """
    r = _RATE[0]
    if r[0] is rate or (r := _double_cache(_RATE, rate)) is not None:
        # The fast path.  The packing of a list and _quick_call() are written
        # out here: the two calls would cost a tenth of the whole.
        if type(values) is list and (p := _PACKERS.get(len(values))) is not None:
            try:
                buf = p[0](*values)
                top = buf[_TOP]
                if (0 in top or 63 in top) and not _plain(values):
                    buf = None
            except _StructError:
                buf = None
            n = p[1]
        else:
            buf, n = _packed(values)
        if buf is not None:  # _quick_call(), written out here too
            try:
                o = _take()
            except IndexError:
                o = _new_out()
            status = (_QUICK_NPV0 if start_from_zero else _QUICK_NPV)(o[1], r[1], buf, n)
            x = o[0].value
            _give(o)
            if not status:
                return x
    return _npv_general(rate, values, start_from_zero)


def _npv_general(rate: Any, values: Values, start_from_zero: bool) -> float:
    """npv() without the fast path: every input, every exception."""
    ptr, n, _keep = _lib.doubles(values)
    fn = C.airoi_npv0 if start_from_zero else C.airoi_npv
    return _call1(fn, _num(rate, "rate"), ptr, n)


def _days(dates: Sequence[DateLike], n: int, what: str) -> Any:
    days = day_numbers(dates)
    if len(days) != n:
        raise _lib.invalid("%s: %d dates for %d values" % (what, len(days), n))
    ptr, _, _keep = _lib.int32s(days)  # ptr (a ctypes array) keeps the buffer alive
    return ptr, days


def _dated(values: Any, dates: Optional[Sequence[DateLike]], what: str) -> Any:
    """(values, dates) from the three forms xnpv/xirr take: ``values`` and
    ``dates`` apart, a ``{date: amount}`` mapping, or a ``(dates, amounts)``
    pair (the forms pyxirr accepts)."""
    if dates is not None:
        if isinstance(values, Mapping):
            raise TypeError("%s: pass either a {date: amount} mapping or values and dates, not both" % what)
        return values, dates
    if isinstance(values, Mapping):
        return list(values.values()), list(values.keys())
    if isinstance(values, tuple) and len(values) == 2 and not _lib.is_array_like(values):
        return values[1], values[0]
    raise TypeError("%s: dates are missing: pass values and dates, a {date: amount} mapping,"
                    " or a (dates, amounts) pair" % what)


def xnpv(rate: float, values: Values, dates: Optional[Sequence[DateLike]] = None,
         day_count: Optional[str] = None) -> float:
    """Net present value of dated cash flows, as Excel's ``XNPV(rate, values, dates)``.

    ``sum(v[i] / (1+rate)**((d[i] - d[0]) / 365))``.

    Args:
        rate: annual discount rate, greater than -1.
        values: the cash flows; or, with ``dates`` left out, a
            ``{date: amount}`` mapping or a ``(dates, amounts)`` tuple as
            pyxirr takes them.
        dates: one date per value (``datetime.date``, ISO string or Excel
            serial, see :mod:`airoi.dates`); none may precede the first.
        day_count: how years are counted from the first date: ``"act/365f"``
            (Excel's, the default), ``"act/360"``, ``"act/365.25"``,
            ``"30/360"``, ``"30e/360"`` or ``"act/act"`` (see
            :mod:`airoi.daycount`); another name is an error.

    >>> round(xnpv(0.09, [-10000, 2750, 4250, 3250, 2750],
    ...            ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]), 2)
    2086.65

    Raises:
        InvalidInputError: lengths differ, no values, a date before the first,
            a bad date, rate <= -1, NaN or infinity.
    """
    values, dates = _dated(values, dates, "xnpv")
    if not _daycount.is_default(day_count):
        return _daycount.xnpv(_num(rate, "rate"), values, dates, day_count)
    ptr, n, _keep = _lib.doubles(values)
    dptr, _dkeep = _days(dates, n, "values and dates differ in length")
    return _call1(C.airoi_xnpv, _num(rate, "rate"), ptr, dptr, n)


def irr(values: Values, guess: float = 0.1) -> float:
    """Internal rate of return per period, as Excel's ``IRR(values, [guess])``.

    The first value is at t = 0.

    >>> round(irr([-70000, 12000, 15000, 18000, 21000, 26000]), 4)
    0.0866

    Raises:
        InvalidInputError: fewer than 2 values, guess <= -1, NaN or infinity.
        NoSolutionError: no sign change, or no root found (Excel's ``#NUM!``).
    """
    g = _GUESS[0]
    if g[0] is not guess:
        g = _double_cache(_GUESS, guess)
    if g is not None:
        buf, n = _packed(values)
        if buf is not None:
            x = _quick_call(_QUICK_IRR, buf, n, g[1])
            if x is not None:
                return x
    return _irr_general(values, guess)


def _irr_general(values: Values, guess: Any) -> float:
    """irr() without the fast path."""
    ptr, n, _keep = _lib.doubles(values)
    return _call1(C.airoi_irr, ptr, n, _num(guess, "guess"))


def irr_all(values: Values, lo: float, hi: float) -> List[float]:
    """Every real IRR in ``[lo, hi]``, in increasing order (possibly none).

    Cash flows with several sign changes can have several IRRs; Excel's IRR
    returns one of them.

    >>> [round(r, 6) for r in irr_all([-100, 230, -132], -0.5, 1.0)]
    [0.1, 0.2]

    Raises:
        InvalidInputError: fewer than 2 values, lo <= -1, hi <= lo, NaN or infinity.
    """
    ptr, n, _keep = _lib.doubles(values)
    return _lib.read_doubles(C.airoi_irr_all, ptr, n, _num(lo, "lo"), _num(hi, "hi"), cap=8)


def xirr(values: Values, dates: Optional[Sequence[DateLike]] = None, guess: float = 0.1,
         day_count: Optional[str] = None) -> float:
    """Annual internal rate of return of dated cash flows, as Excel's
    ``XIRR(values, dates, [guess])`` (actual/365 from the first date, or
    ``day_count`` as in :func:`xnpv`).

    >>> round(xirr([-10000, 2750, 4250, 3250, 2750],
    ...            ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]), 4)
    0.3734

    With ``dates`` left out, ``values`` may be a ``{date: amount}`` mapping
    or a ``(dates, amounts)`` tuple, the forms pyxirr takes:

    >>> round(xirr({"2008-01-01": -10000, "2008-03-01": 2750, "2008-10-30": 4250,
    ...             "2009-02-15": 3250, "2009-04-01": 2750}), 4)
    0.3734

    Raises:
        InvalidInputError: lengths differ, fewer than 2 values, a date before
            the first, guess <= -1, NaN or infinity.
        NoSolutionError: no sign change, or no root found.
    """
    values, dates = _dated(values, dates, "xirr")
    if not _daycount.is_default(day_count):
        return _daycount.xirr(values, dates, _num(guess, "guess"), day_count)
    ptr, n, _keep = _lib.doubles(values)
    dptr, _dkeep = _days(dates, n, "values and dates differ in length")
    return _call1(C.airoi_xirr, ptr, dptr, n, _num(guess, "guess"))


def mirr(values: Values, finance_rate: float, reinvest_rate: float) -> float:
    """Modified internal rate of return per period, as Excel's
    ``MIRR(values, finance_rate, reinvest_rate)``.

    >>> round(mirr([-120000, 39000, 30000, 21000, 37000, 46000], 0.10, 0.12), 4)
    0.1261

    Raises:
        InvalidInputError: fewer than 2 values, a rate of -1, NaN or infinity.
        NoSolutionError: no negative value (Excel's ``#DIV/0!``).  Without a
            positive value MIRR is -1, as in Excel.
    """
    f = _FINANCE_RATE[0]
    if f[0] is not finance_rate:
        f = _double_cache(_FINANCE_RATE, finance_rate)
    r = _REINVEST_RATE[0]
    if r[0] is not reinvest_rate:
        r = _double_cache(_REINVEST_RATE, reinvest_rate)
    if f is not None and r is not None:
        buf, n = _packed(values)
        if buf is not None:
            x = _quick_call(_QUICK_MIRR, buf, n, f[1], r[1])
            if x is not None:
                return x
    return _mirr_general(values, finance_rate, reinvest_rate)


def _mirr_general(values: Values, finance_rate: Any, reinvest_rate: Any) -> float:
    """mirr() without the fast path."""
    ptr, n, _keep = _lib.doubles(values)
    return _call1(C.airoi_mirr, ptr, n, _num(finance_rate, "finance_rate"),
                  _num(reinvest_rate, "reinvest_rate"))


# ---------------------------------------------------------------- annuities
def pmt(rate: float, nper: float, pv: float, fv: float = 0, type: int = 0,
        *, when: Any = None) -> float:
    """Payment per period of an annuity, as Excel's ``PMT(rate, nper, pv, [fv], [type])``.

    Excel's sign convention: money paid out is negative.  ``type`` 0 (default)
    puts payments at the end of each period, any other value at the start;
    ``when='end'`` or ``'begin'`` (numpy-financial's spelling) may be given
    instead, here and in :func:`pv`, :func:`fv`, :func:`nper` and
    :func:`rate`.  Arrays: :func:`airoi.pmt_batch` and its siblings.

    >>> round(pmt(0.08 / 12, 10, 10000), 2)
    -1037.03

    Raises:
        InvalidInputError: nper = 0, rate <= -1, NaN or infinity.
        RangeError: the result overflows.
    """
    return _call1(C.airoi_pmt, _num(rate, "rate"), _num(nper, "nper"), _num(pv, "pv"),
                  _num(fv, "fv"), _type(_when_type(type, when, "pmt")))


def pv(rate: float, nper: float, pmt: float, fv: float = 0, type: int = 0,
       *, when: Any = None) -> float:
    """Present value of an annuity, as Excel's ``PV(rate, nper, pmt, [fv], [type])``.

    >>> round(pv(0.08 / 12, 12 * 20, 500), 2)
    -59777.15

    Raises:
        InvalidInputError: rate <= -1, NaN or infinity.
        RangeError: the result overflows.
    """
    return _call1(C.airoi_pv, _num(rate, "rate"), _num(nper, "nper"), _num(pmt, "pmt"),
                  _num(fv, "fv"), _type(_when_type(type, when, "pv")))


def fv(rate: float, nper: float, pmt: float, pv: float = 0, type: int = 0,
       *, when: Any = None) -> float:
    """Future value of an annuity, as Excel's ``FV(rate, nper, pmt, [pv], [type])``.

    >>> round(fv(0.06 / 12, 10, -200, -500, 1), 2)
    2581.4

    Raises:
        InvalidInputError: rate <= -1, NaN or infinity.
        RangeError: the result overflows.
    """
    return _call1(C.airoi_fv, _num(rate, "rate"), _num(nper, "nper"), _num(pmt, "pmt"),
                  _num(pv, "pv"), _type(_when_type(type, when, "fv")))


def nper(rate: float, pmt: float, pv: float, fv: float = 0, type: int = 0,
         *, when: Any = None) -> float:
    """Number of periods of an annuity, as Excel's ``NPER(rate, pmt, pv, [fv], [type])``.

    >>> round(nper(0.12 / 12, -100, -1000, 10000, 1), 4)
    59.6739

    Raises:
        InvalidInputError: rate <= -1, NaN or infinity.
        NoSolutionError: no number of periods satisfies the equation (``#NUM!``).
    """
    return _call1(C.airoi_nper, _num(rate, "rate"), _num(pmt, "pmt"), _num(pv, "pv"),
                  _num(fv, "fv"), _type(_when_type(type, when, "nper")))


def rate(nper: float, pmt: float, pv: float, fv: float = 0, type: int = 0,
         guess: float = 0.1, *, when: Any = None) -> float:
    """Interest rate per period of an annuity, as Excel's
    ``RATE(nper, pmt, pv, [fv], [type], [guess])``.

    >>> round(rate(4 * 12, -200, 8000), 6)
    0.007701

    Raises:
        InvalidInputError: nper <= 0, NaN or infinity.
        NoSolutionError: no rate found (``#NUM!``).
    """
    return _call1(C.airoi_rate, _num(nper, "nper"), _num(pmt, "pmt"), _num(pv, "pv"),
                  _num(fv, "fv"), _type(_when_type(type, when, "rate")), _num(guess, "guess"))


# ------------------------------------------------------------------ payback
def payback(values: Values) -> Optional[float]:
    """Simple payback in periods, or ``None`` when the cumulative net never
    turns non-negative.

    ``values`` are the net flows of periods 0..n-1; with C_t the cumulative
    net, the first t with C_t >= 0 gives (t-1) + (-C_(t-1)) / values[t]
    (linear inside the period), 0 when C_0 >= 0.

    >>> round(payback([-350, 120, 340, 470]), 3)
    1.676
    >>> payback([-100, 10, 10]) is None
    True

    Raises:
        InvalidInputError: no values, NaN or infinity.
    """
    ptr, n, _keep = _lib.doubles(values)
    out = ctypes.c_double()
    reached = ctypes.c_int()
    status = C.airoi_payback(byref(out), byref(reached), ptr, n)
    if status:
        _lib.raise_status(status)
    return out.value if reached.value else None


def discounted_payback(rate: float, values: Values) -> Optional[float]:
    """Discounted payback in periods: :func:`payback` of ``values[t] / (1+rate)**t``,
    or ``None`` when never reached.

    >>> round(discounted_payback(0.08, [-350, 120, 340, 470]), 3)
    1.82

    Raises:
        InvalidInputError: no values, rate <= -1, NaN or infinity.
    """
    ptr, n, _keep = _lib.doubles(values)
    out = ctypes.c_double()
    reached = ctypes.c_int()
    status = C.airoi_discounted_payback(byref(out), byref(reached), _num(rate, "rate"), ptr, n)
    if status:
        _lib.raise_status(status)
    return out.value if reached.value else None


# ---------------------------------------------------------------------- ROI
_ROI_UNDEFINED = _lib.AIROI_ERR_UNDEFINED  # the costs sum to 0


def roi(benefits: Values, costs: Values) -> Optional[float]:
    """Return on investment, (sum of benefits - sum of costs) / sum of costs
    (``airoi_roi``, the rule of a model's ``roi_horizon`` and of Excel's
    ``AIROI.ROI``), or ``None`` when the costs sum to 0.  Negative costs
    (refunds exceeding costs) are divided by as they are.

    >>> round(roi([0, 300, 490, 620], [350, 180, 150, 150]), 3)
    0.699
    >>> roi([5], [0]) is None
    True

    Raises:
        InvalidInputError: NaN or infinity.
        RangeError: a sum, or benefits - costs, overflows.
    """
    pb, nb, _keep_b = _lib.doubles(benefits, "benefits")
    pc, nc, _keep_c = _lib.doubles(costs, "costs")
    out = ctypes.c_double()
    status = C.airoi_roi(byref(out), pb, nb, pc, nc)
    if status == _ROI_UNDEFINED:
        return None
    if status:
        _lib.raise_status(status)
    return out.value


# -------------------------------------------------------------------- batch
def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise _lib.invalid("errors must be 'coerce', 'raise' or 'status', got %r" % (errors,))


def _status_name(status: int) -> str:
    return _errors.STATUS_NAMES.get(status, "status %d" % status)


def _result(r: "_lib.Rows", out: Any, failed: Sequence[int], errors: str,
            statuses: Optional[Sequence[int]] = None) -> BatchResult:
    """The values of a batch call with None (list) or NaN (array) in the
    failed rows; with errors="status" a BatchStatus with each row's status
    name (``statuses[i]`` for a failed row i)."""
    if r.numpy:
        out[list(failed)] = float("nan")
        values: Any = r.wrap(out)
    else:
        values = out.tolist()
        for i in failed:
            values[i] = None
    if errors != "status":
        return values
    names = ["AIROI_OK"] * r.rows
    for k, i in enumerate(failed):
        names[i] = _status_name(int(statuses[k] if statuses is not None else 0))
    if r.numpy:
        arr = _lib.numpy_module().empty(r.rows, dtype=object)
        arr[:] = names
        return BatchStatus(values, r.wrap(arr))
    return BatchStatus(values, names)


def _empty(r: "_lib.Rows", errors: str) -> BatchResult:
    if r.numpy:
        np = _lib.numpy_module()
        values = r.wrap(np.zeros(0, dtype="float64"))
        return BatchStatus(values, r.wrap(np.empty(0, dtype=object))) if errors == "status" else values
    return BatchStatus([], []) if errors == "status" else []


def _row(r: "_lib.Rows", i: int) -> List[float]:
    if r.numpy:
        return [float(x) for x in r.keep[i].tolist()]
    return list(r.keep[i * r.cols:(i + 1) * r.cols])


def _finish(status: int, out: Any, st: Any, r: "_lib.Rows", errors: str, scalar: Any) -> BatchResult:
    """Turns a batch call's outputs into the result (see the module docstring).

    ``scalar(row_values)`` repeats one row with the scalar function, so that an
    ``errors="raise"`` exception carries that row's own message."""
    if status == 0:
        return _result(r, out, [], errors)
    if st[0] == _UNSET:  # the call failed as a whole: nothing per row
        _lib.raise_status(status)
    failed = [i for i, s in enumerate(st[: r.rows]) if s != 0]
    if errors == "raise" and failed:
        i = failed[0]
        try:
            scalar(_row(r, i))
        except _errors.Error as exc:
            raise _errors.error_class(exc.status)("row %d: %s" % (i, exc.message), exc.status) from None
        _lib.raise_status(int(st[i]), "row %d: " % i)  # the scalar call did not fail (should not happen)
    return _result(r, out, failed, errors, [int(st[i]) for i in failed])


def npv_batch(rate: float, rows: RowsLike, start_from_zero: bool = False,
              errors: str = "coerce") -> BatchResult:
    """:func:`npv` of every row in one C call (``airoi_npv_batch``).

    >>> [round(x, 4) for x in npv_batch(0.1, [[-100, 60, 60], [100, 0, 0]], start_from_zero=True)]
    [4.1322, 100.0]

    Args:
        rate: discount rate per period, shared by every row.
        rows: list of equally long lists, or a 2-D NumPy array.
        start_from_zero: the first value of each row is at t = 0.
        errors: ``"coerce"`` (failed rows give None / NaN), ``"raise"``, or
            ``"status"`` (a :class:`BatchStatus` with each row's status name).
    """
    _check_errors(errors)
    r = _lib.Rows(rows, 1)
    if r.rows == 0:
        return _empty(r, errors)
    rate_ = _num(rate, "rate")
    outp, out = _lib.double_buffer(r.rows, r.numpy)
    stp, st = _lib.int32_buffer(r.rows, _UNSET)
    status = C.airoi_npv_batch(outp, stp, rate_, r.ptr, r.rows, r.cols,
                               _NPV_START_AT_ZERO if start_from_zero else 0)
    return _finish(status, out, st, r, errors, lambda v: npv(rate_, v, start_from_zero))


def irr_batch(rows: RowsLike, guess: float = 0.1, errors: str = "coerce") -> BatchResult:
    """:func:`irr` of every row in one C call (``airoi_irr_batch``).

    Rows without a solution give None / NaN (or raise
    :class:`~airoi.NoSolutionError` with ``errors="raise"``).

    >>> [round(x, 4) if x is not None else None for x in irr_batch([[-100, 110], [1, 2]])]
    [0.1, None]
    """
    _check_errors(errors)
    r = _lib.Rows(rows, 2)
    if r.rows == 0:
        return _empty(r, errors)
    guess_ = _num(guess, "guess")
    outp, out = _lib.double_buffer(r.rows, r.numpy)
    stp, st = _lib.int32_buffer(r.rows, _UNSET)
    status = C.airoi_irr_batch(outp, stp, r.ptr, r.rows, r.cols, guess_)
    return _finish(status, out, st, r, errors, lambda v: irr(v, guess_))


def xnpv_batch(rate: float, rows: RowsLike, dates: Sequence[DateLike],
               errors: str = "coerce", day_count: Optional[str] = None) -> BatchResult:
    """:func:`xnpv` of every row, all rows sharing one list of dates
    (``airoi_xnpv_batch``; with ``day_count`` other than ``"act/365f"``,
    ``airoi_xnpv_batch_day_count``: each row exactly :func:`xnpv` with that
    ``day_count``).

    >>> [round(x, 4) for x in xnpv_batch(0.1, [[-100, 110]], ["2024-01-01", "2025-01-01"],
    ...                                  day_count="act/act")]
    [0.0]
    """
    _check_errors(errors)
    default = _daycount.is_default(day_count)
    r = _lib.Rows(rows, 1)
    if r.rows == 0:
        return _empty(r, errors)
    dptr, days = _days(dates, r.cols, "dates must give one date per column")
    rate_ = _num(rate, "rate")
    outp, out = _lib.double_buffer(r.rows, r.numpy)
    stp, st = _lib.int32_buffer(r.rows, _UNSET)
    if default:
        status = C.airoi_xnpv_batch(outp, stp, rate_, r.ptr, dptr, r.rows, r.cols)
    else:
        status = _daycount.XNPV_BATCH(outp, stp, rate_, r.ptr, dptr, r.rows, r.cols,
                                      _daycount.code(day_count))
    return _finish(status, out, st, r, errors,
                   lambda v: xnpv(rate_, v, [from_day_number(d) for d in days],
                                  day_count=day_count))


def xirr_batch(rows: RowsLike, dates: Sequence[DateLike], guess: float = 0.1,
               errors: str = "coerce", day_count: Optional[str] = None) -> BatchResult:
    """:func:`xirr` of every row, all rows sharing one list of dates
    (``airoi_xirr_batch``; with ``day_count`` other than ``"act/365f"``,
    ``airoi_xirr_batch_day_count``: each row exactly :func:`xirr` with that
    ``day_count``).

    >>> [round(x, 6) for x in xirr_batch([[-100, 110]], ["2024-01-01", "2024-07-01"],
    ...                                  day_count="30/360")]
    [0.21]
    """
    _check_errors(errors)
    default = _daycount.is_default(day_count)
    r = _lib.Rows(rows, 2)
    if r.rows == 0:
        return _empty(r, errors)
    dptr, days = _days(dates, r.cols, "dates must give one date per column")
    guess_ = _num(guess, "guess")
    outp, out = _lib.double_buffer(r.rows, r.numpy)
    stp, st = _lib.int32_buffer(r.rows, _UNSET)
    if default:
        status = C.airoi_xirr_batch(outp, stp, r.ptr, dptr, r.rows, r.cols, guess_)
    else:
        status = _daycount.XIRR_BATCH(outp, stp, r.ptr, dptr, r.rows, r.cols, guess_,
                                      _daycount.code(day_count))
    return _finish(status, out, st, r, errors,
                   lambda v: xirr(v, [from_day_number(d) for d in days], guess_,
                                  day_count=day_count))


def mirr_batch(rows: RowsLike, finance_rate: float, reinvest_rate: float,
               errors: str = "coerce") -> BatchResult:
    """:func:`mirr` of every row, with the batch forms' inputs and results.

    The C library has no batch MIRR: this calls ``airoi_mirr`` once per row.
    A row without a positive or a negative value gives None / NaN (or raises
    :class:`~airoi.NoSolutionError` with ``errors="raise"``).

    >>> [None if x is None else round(x, 4) for x in mirr_batch(
    ...     [[-120000, 39000, 30000, 21000, 37000, 46000], [1, 2, 3, 4, 5, 6]], 0.10, 0.12)]
    [0.1261, None]
    """
    _check_errors(errors)
    r = _lib.Rows(rows, 2)
    if r.rows == 0:
        return _empty(r, errors)
    fr, rr = _num(finance_rate, "finance_rate"), _num(reinvest_rate, "reinvest_rate")
    outp, out = _lib.double_buffer(r.rows, r.numpy)
    value = ctypes.c_double()
    failed, statuses = [], []
    for i in range(r.rows):
        status = C.airoi_mirr(byref(value), _row_ptr(r, i), r.cols, fr, rr)
        if status:
            if errors == "raise":
                try:
                    _lib.raise_status(status)
                except _errors.Error as exc:
                    raise _errors.error_class(exc.status)("row %d: %s" % (i, exc.message), exc.status) from None
            failed.append(i)
            statuses.append(status)
            out[i] = float("nan")
        else:
            out[i] = value.value
    return _result(r, out, failed, errors, statuses)


def _row_ptr(r: "_lib.Rows", i: int) -> Any:
    """A ``const double *`` to row i of a Rows block (no copy)."""
    addr = ctypes.cast(r.ptr, ctypes.c_void_p).value + i * r.cols * ctypes.sizeof(ctypes.c_double)
    return ctypes.cast(ctypes.c_void_p(addr), _lib.p_double)


def payback_batch(rows: RowsLike, errors: str = "coerce") -> BatchResult:
    """:func:`payback` of every row in one C call (``airoi_payback_batch``).

    A row that never pays back gives None (list) or NaN (array), as does a
    row with NaN or infinity under ``errors="coerce"``; with
    ``errors="raise"`` such a row raises :class:`~airoi.InvalidInputError`.

    >>> payback_batch([[-350, 120, 340, 470], [-1, 0, 0, 0]])
    [1.6764705882352942, None]
    """
    _check_errors(errors)
    r = _lib.Rows(rows, 1)
    if r.rows == 0:
        return _empty(r, errors)
    outp, out = _lib.double_buffer(r.rows, r.numpy)
    rp, reached = _lib.int32_buffer(r.rows, 2)  # 2: not written by the call
    status = C.airoi_payback_batch(outp, rp, r.ptr, r.rows, r.cols)
    if status and reached[0] == 2:
        _lib.raise_status(status)
    bad: Set[int] = set()
    if status:
        bad = {i for i, ok in enumerate(r.finite_rows()) if not ok}
        if errors == "raise":
            if not bad:
                _lib.raise_status(status)
            first = min(bad)
            try:
                payback(_row(r, first))
            except _errors.Error as exc:
                raise _errors.error_class(exc.status)("row %d: %s" % (first, exc.message),
                                                          exc.status) from None
    never = [i for i in range(r.rows) if reached[i] != 1 or i in bad]
    return _result(r, out, never, errors,
                   [_lib.AIROI_ERR_INVALID if i in bad else _lib.AIROI_ERR_UNDEFINED for i in never])
