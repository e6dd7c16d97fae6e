"""Excel's loan functions: IPMT, PPMT, CUMIPMT, CUMPRINC and ISPMT
(``airoi_ipmt`` ... in ``include/airoi/finance.h``).

Names, argument order and defaults are Excel's, and so are the answers
(docs/methodology.md, "Loan functions"), with one difference that is a
fix: IPMT and PPMT keep full precision where ``(1 + rate)**per`` is large,
where spreadsheets and numpy-financial lose every digit.  Excel's sign
convention: money paid out is negative.  ``type`` 0 (default) puts
payments at the end of each period, 1 at the start; ``when='end'`` or
``'begin'`` (numpy-financial's spelling) may be given instead.

With plain numbers each function returns a float and raises where Excel
shows an error (:class:`~airoi.InvalidInputError` for ``#NUM!`` and
``#DIV/0!``).  Any argument may be a NumPy array or a list: the arguments
are broadcast together, as numpy-financial does, and the result is a
float64 array with NaN where Excel would show an error (or, with
``errors="raise"``, the first such element's exception; with
``errors="status"``, a :class:`~airoi.BatchStatus` with each element's
status name).  IPMT and PPMT make one C call for the whole array
(``airoi_ipmt_batch``, ``airoi_ppmt_batch``), each element exactly the
scalar value.

>>> round(ipmt(0.1 / 12, 1, 36, 8000), 2)
-66.67
>>> [round(x, 2) for x in ppmt(0.1 / 12, [1, 2, 3], 24, 2000)]
[-75.62, -76.25, -76.89]
"""

from __future__ import annotations

from typing import Any

from ._scalar import Fn, when_type

__all__ = ["ipmt", "ppmt", "cumipmt", "cumprinc", "ispmt"]

_IPMT = Fn("ipmt", "airoi_ipmt", "dddddi", ("rate", "per", "nper", "pv", "fv", "type"),
             batch="airoi_ipmt_batch")
_PPMT = Fn("ppmt", "airoi_ppmt", "dddddi", ("rate", "per", "nper", "pv", "fv", "type"),
           batch="airoi_ppmt_batch")
_CUMIPMT = Fn("cumipmt", "airoi_cumipmt", "dddddi",
              ("rate", "nper", "pv", "start_period", "end_period", "type"))
_CUMPRINC = Fn("cumprinc", "airoi_cumprinc", "dddddi",
               ("rate", "nper", "pv", "start_period", "end_period", "type"))
_ISPMT = Fn("ispmt", "airoi_ispmt", "dddd", ("rate", "per", "nper", "pv"))


def _nonzero(t: Any) -> Any:
    """Excel's rule for type in IPMT and PPMT: any non-zero number is 1."""
    if type(t) in (int, float):
        return 1 if t != 0 else 0
    return t


def ipmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0, type: Any = 0, *,
         when: Any = None, errors: str = "coerce") -> Any:
    """Interest part of payment ``per`` (1 to ``nper``), as Excel's
    ``IPMT(rate, per, nper, pv, [fv], [type])``.

    >>> round(ipmt(0.1, 3, 3, 8000), 2)
    -292.45

    Raises:
        InvalidInputError: per outside [1, nper], rate -1, NaN or infinity.
        RangeError: the result overflows.
    """
    return _IPMT(rate, per, nper, pv, fv, _nonzero(when_type(type, when, "ipmt")), errors=errors)


def ppmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0, type: Any = 0, *,
         when: Any = None, errors: str = "coerce") -> Any:
    """Principal part of payment ``per``, as Excel's
    ``PPMT(rate, per, nper, pv, [fv], [type])``.

    >>> round(ppmt(0.08, 10, 10, 200000), 2)
    -27598.05

    Raises:
        InvalidInputError: per outside [1, nper], rate -1, NaN or infinity.
        RangeError: the result overflows.
    """
    return _PPMT(rate, per, nper, pv, fv, _nonzero(when_type(type, when, "ppmt")), errors=errors)


def cumipmt(rate: Any, nper: Any, pv: Any, start_period: Any, end_period: Any, type: Any = 0, *,
            when: Any = None, errors: str = "coerce") -> Any:
    """Interest paid from ``start_period`` to ``end_period``, as Excel's
    ``CUMIPMT(rate, nper, pv, start_period, end_period, type)`` (nper, the
    periods and type truncated to integers, as Excel does).

    >>> round(cumipmt(0.09 / 12, 360, 125000, 13, 24, 0), 5)
    -11135.23213

    Raises:
        InvalidInputError: rate <= 0, nper < 1, pv <= 0, periods outside
            1 <= start <= end <= nper, type not 0 or 1 (Excel's ``#NUM!``).
    """
    return _CUMIPMT(rate, nper, pv, start_period, end_period, when_type(type, when, "cumipmt"),
                    errors=errors)


def cumprinc(rate: Any, nper: Any, pv: Any, start_period: Any, end_period: Any, type: Any = 0, *,
             when: Any = None, errors: str = "coerce") -> Any:
    """Principal repaid from ``start_period`` to ``end_period``, as Excel's
    ``CUMPRINC(rate, nper, pv, start_period, end_period, type)``.

    >>> round(cumprinc(0.09 / 12, 360, 125000, 13, 24, 0), 7)
    -934.1071234

    Raises:
        InvalidInputError: as :func:`cumipmt`.
    """
    return _CUMPRINC(rate, nper, pv, start_period, end_period, when_type(type, when, "cumprinc"),
                     errors=errors)


def ispmt(rate: Any, per: Any, nper: Any, pv: Any, *, errors: str = "coerce") -> Any:
    """Interest of period ``per`` (counted from 0) of a loan repaid in even
    principal amounts, as Excel's ``ISPMT(rate, per, nper, pv)``:
    ``pv * rate * (per / nper - 1)``.

    >>> [float(x) for x in ispmt(0.1, [0, 1, 2, 3], 4, 4000)]
    [-400.0, -300.0, -200.0, -100.0]

    Raises:
        InvalidInputError: nper = 0 (Excel's ``#DIV/0!``), NaN or infinity.
    """
    return _ISPMT(rate, per, nper, pv, errors=errors)
