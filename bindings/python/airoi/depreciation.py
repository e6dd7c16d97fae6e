"""Excel's depreciation functions: SLN, SYD, DB, DDB and VDB (``airoi_sln``
... in ``include/airoi/finance.h``; docs/methodology.md, "Depreciation
functions").

Plain numbers give a float (or raise where Excel shows an error); arrays
and lists broadcast as in :mod:`airoi.loans` (NaN where Excel errs), so a
whole schedule is one call:

>>> [round(x, 2) for x in db(1000000, 100000, 6, range(1, 8), 7)]
[186083.33, 259639.42, 176814.44, 120410.64, 81999.64, 55841.76, 15845.1]
"""

from __future__ import annotations

from typing import Any

from ._scalar import Fn

__all__ = ["sln", "syd", "db", "ddb", "vdb"]

_SLN = Fn("sln", "airoi_sln", "ddd", ("cost", "salvage", "life"), batch="airoi_sln_batch")
_SYD = Fn("syd", "airoi_syd", "dddd", ("cost", "salvage", "life", "per"), batch="airoi_syd_batch")
_DB = Fn("db", "airoi_db", "ddddd", ("cost", "salvage", "life", "period", "month"),
         batch="airoi_db_batch")
_DDB = Fn("ddb", "airoi_ddb", "ddddd", ("cost", "salvage", "life", "period", "factor"),
          batch="airoi_ddb_batch")
_VDB = Fn("vdb", "airoi_vdb", "ddddddi",
          ("cost", "salvage", "life", "start_period", "end_period", "factor", "no_switch"))


def _vec(x: Any) -> Any:
    return list(x) if isinstance(x, range) else x


def sln(cost: Any, salvage: Any, life: Any, *, errors: str = "coerce") -> Any:
    """Straight-line depreciation per period, as Excel's ``SLN(cost, salvage, life)``.

    >>> sln(30000, 7500, 10)
    2250.0
    """
    return _SLN(cost, salvage, _vec(life), errors=errors)


def syd(cost: Any, salvage: Any, life: Any, per: Any, *, errors: str = "coerce") -> Any:
    """Sum-of-years'-digits depreciation of period ``per``, as Excel's
    ``SYD(cost, salvage, life, per)``.

    >>> round(syd(30000, 7500, 10, 1), 2)
    4090.91
    """
    return _SYD(cost, salvage, life, _vec(per), errors=errors)


def db(cost: Any, salvage: Any, life: Any, period: Any, month: Any = 12, *,
       errors: str = "coerce") -> Any:
    """Fixed-declining-balance depreciation, as Excel's
    ``DB(cost, salvage, life, period, [month])``: the rate
    ``1 - (salvage / cost) ** (1 / life)`` rounded to 3 decimals, ``month``
    months in the first year and the rest in period ``life + 1``.

    Raises:
        InvalidInputError: cost <= 0, salvage outside [0, cost], life <= 0,
            period outside [1, life + 1], month outside 1..12.
    """
    return _DB(cost, salvage, life, _vec(period), month, errors=errors)


def ddb(cost: Any, salvage: Any, life: Any, period: Any, factor: Any = 2, *,
        errors: str = "coerce") -> Any:
    """Double-declining-balance depreciation (or any ``factor``), as Excel's
    ``DDB(cost, salvage, life, period, [factor])``.

    >>> ddb(2400, 300, 10, 1)
    480.0
    """
    return _DDB(cost, salvage, life, _vec(period), factor, errors=errors)


def vdb(cost: Any, salvage: Any, life: Any, start_period: Any, end_period: Any,
        factor: Any = 2, no_switch: Any = False, *, errors: str = "coerce") -> Any:
    """Declining-balance depreciation from ``start_period`` to
    ``end_period``, as Excel's ``VDB(cost, salvage, life, start_period,
    end_period, [factor], [no_switch])``: switches to straight line when
    that gives more, unless ``no_switch``.

    >>> round(vdb(2400, 300, 120, 6, 18), 2)
    396.31
    """
    if isinstance(no_switch, bool):
        no_switch = int(no_switch)
    return _VDB(cost, salvage, life, start_period, end_period, factor, no_switch, errors=errors)
