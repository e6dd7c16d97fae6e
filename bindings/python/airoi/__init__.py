"""airoi: the libairoi engine for AI investment decisions, from Python.

A pure-Python package over the C library through ctypes (no compiler needed).
The library is found through the ``AIROI_LIBRARY`` environment variable, a
copy next to this package, or the system loader; see ``docs/python.md``.

Plain finance functions with Excel's names, argument order and defaults::

    >>> import airoi
    >>> round(airoi.npv(0.08, [-350, 120, 340, 470], start_from_zero=True), 2)
    425.71
    >>> round(airoi.irr([-350, 120, 340, 470]), 4)
    0.5399

Projects built in code or loaded from a model file (docs/model-format.md)::

    >>> p = airoi.Project("Customer-service AI", horizon=1)
    >>> _ = p.add_cost("TCO", "people", amount=450, per="once")
    >>> _ = p.add_value("Value", "efficiency", amount=540, per="once", at=1)
    >>> round(p.evaluate().roi_basic, 2)
    0.2

Batch forms (``npv_batch``, ``irr_batch``, ``xnpv_batch``, ``xirr_batch``,
``payback_batch``, ``mirr_batch``) compute many rows at once; ``errors="status"``
also returns each row's status name.  Errors are raised as
:class:`airoi.Error` subclasses.  The C library is thread-safe across calls
and ctypes releases the GIL while it runs (but for the short fast-path calls
of ``npv``, ``irr`` and ``mirr``: docs/python.md).
"""

from __future__ import annotations

from . import _lib
from ._lib import ABI_VERSION, LibraryNotFoundError, library_path, library_abi_version
from .dates import DATE_MAX, DATE_MIN, day_number, day_numbers, from_day_number, from_excel, to_excel
from .errors import (
    BufferTooSmallError,
    CancelledError,
    ClosedError,
    Diagnostic,
    Error,
    FileError,
    InternalError,
    InvalidInputError,
    LimitError,
    ModelError,
    ModelWarning,
    NoSolutionError,
    NotFoundError,
    OutOfMemoryError,
    ParseError,
    PlausibilityWarning,
    RangeError,
    STATUS_NAMES,
    UndefinedError,
)
from .finance import (
    BatchStatus,
    discounted_payback,
    fv,
    irr,
    irr_all,
    irr_batch,
    mirr,
    npv,
    npv_batch,
    nper,
    payback,
    payback_batch,
    mirr_batch,
    pmt,
    pv,
    rate,
    roi,
    xirr,
    xirr_batch,
    xnpv,
    xnpv_batch,
)
from .loans import cumipmt, cumprinc, ipmt, ispmt, ppmt
from .rates import effect, fvschedule, nominal, pduration, rri
from .depreciation import db, ddb, sln, syd, vdb
from .tvm import fv_batch, nper_batch, pmt_batch, pv_batch, rate_batch
from .daycount import DAY_COUNTS, year_fraction

from .model import (
    CATEGORIES,
    DIMENSIONS,
    FX,
    HIDDEN_CATEGORIES,
    METRICS,
    CostItem,
    Project,
    Result,
    Scenario,
    Schedule,
    ValueItem,
)

from .simulation import (
    DISTRIBUTIONS,
    OUTPUTS,
    Breakeven,
    Simulation,
    Staging,
    Tornado,
    Uncertainty,
)
from .portfolio import Portfolio, PortfolioSimulation
from .tracking import Tracking

#: Version of this Python package.
__version__ = "0.1.0"


def library_version() -> str:
    """Version string of the loaded libairoi, such as ``"0.1.0"``."""
    return _lib.version_string()


def status_str(status: int) -> str:
    """Short description of a C status code (``airoi_status_str``)."""
    return _lib.status_str(int(status))


__all__ = [
    "__version__", "ABI_VERSION", "library_path", "library_abi_version", "library_version",
    "status_str", "LibraryNotFoundError", "Portfolio", "PortfolioSimulation", "Tracking",
    # errors
    "Error", "InvalidInputError", "OutOfMemoryError", "NoSolutionError", "BufferTooSmallError",
    "NotFoundError", "FileError", "ParseError", "ModelError", "RangeError", "CancelledError",
    "LimitError", "InternalError", "UndefinedError", "ClosedError", "Diagnostic",
    "ModelWarning", "PlausibilityWarning", "STATUS_NAMES",
    # model
    "Project", "CostItem", "ValueItem", "Scenario", "Schedule", "Result", "FX",
    "CATEGORIES", "HIDDEN_CATEGORIES", "DIMENSIONS", "METRICS",
    # uncertainty and decisions
    "Simulation", "Tornado", "Staging", "Breakeven", "Uncertainty", "OUTPUTS", "DISTRIBUTIONS",
    # finance
    "npv", "xnpv", "irr", "irr_all", "xirr", "mirr", "pmt", "pv", "fv", "nper", "rate",
    "payback", "discounted_payback", "roi",
    "npv_batch", "irr_batch", "xnpv_batch", "xirr_batch", "payback_batch", "mirr_batch",
    "BatchStatus",
    "ipmt", "ppmt", "cumipmt", "cumprinc", "ispmt", "effect", "nominal", "pduration", "rri",
    "fvschedule", "sln", "syd", "db", "ddb", "vdb",
    "pmt_batch", "pv_batch", "fv_batch", "nper_batch", "rate_batch", "DAY_COUNTS", "year_fraction",
    # dates
    "day_number", "day_numbers", "from_day_number", "from_excel", "to_excel", "DATE_MIN", "DATE_MAX",
]
