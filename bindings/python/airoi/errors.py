"""Exceptions raised by the :mod:`airoi` package.

Every failure of the C library becomes an instance of :class:`Error` (or of
one of its subclasses), chosen from the status code the C function returned
(``include/airoi/status.h``).  The exception carries the status code, its
symbolic name and the detailed message of ``airoi_last_error_message()``.

==========================  ======  ===============================================
exception                   status  also an instance of
==========================  ======  ===============================================
:class:`InvalidInputError`  -1      :class:`ValueError`
:class:`OutOfMemoryError`   -2      :class:`MemoryError`
:class:`NoSolutionError`    -3      :class:`ArithmeticError`
:class:`BufferTooSmallError` -4     (internal; the package resizes its buffers)
:class:`NotFoundError`      -5      :class:`LookupError`
:class:`FileError`          -6      :class:`OSError`
:class:`ParseError`         -7      :class:`ModelError`, :class:`ValueError`
:class:`ModelError`         -8      :class:`ValueError`
:class:`RangeError`         -9      :class:`ArithmeticError`
:class:`CancelledError`     -10
:class:`LimitError`         -11
:class:`InternalError`      -12
:class:`UndefinedError`     -13     :class:`ArithmeticError`
==========================  ======  ===============================================

A status the package does not know (a newer library) raises :class:`Error`.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Type

__all__ = [
    "Error",
    "InvalidInputError",
    "OutOfMemoryError",
    "NoSolutionError",
    "BufferTooSmallError",
    "NotFoundError",
    "FileError",
    "ParseError",
    "ModelError",
    "RangeError",
    "CancelledError",
    "LimitError",
    "InternalError",
    "UndefinedError",
    "ClosedError",
    "Diagnostic",
    "ModelWarning",
    "PlausibilityWarning",
    "STATUS_NAMES",
    "error_class",
]

#: Symbolic names of the status codes of ``include/airoi/status.h``, pinned by value.
STATUS_NAMES: Dict[int, str] = {
    0: "AIROI_OK",
    -1: "AIROI_ERR_INVALID",
    -2: "AIROI_ERR_NOMEM",
    -3: "AIROI_ERR_NO_SOLUTION",
    -4: "AIROI_ERR_BUFFER",
    -5: "AIROI_ERR_NOT_FOUND",
    -6: "AIROI_ERR_IO",
    -7: "AIROI_ERR_PARSE",
    -8: "AIROI_ERR_MODEL",
    -9: "AIROI_ERR_RANGE",
    -10: "AIROI_ERR_CANCELLED",
    -11: "AIROI_ERR_LIMIT",
    -12: "AIROI_ERR_INTERNAL",
    -13: "AIROI_ERR_UNDEFINED",
}


class Error(Exception):
    """Base class of every error reported by libairoi.

    Attributes:
        status: the negative status code returned by the C function
            (for example ``-1`` for ``AIROI_ERR_INVALID``).
        status_name: its symbolic name, such as ``"AIROI_ERR_INVALID"``.
        message: the detail the library gave (``airoi_last_error_message()``),
            or the short status text when there is no detail.
    """

    #: Status code this class stands for (``None`` for the base class).
    default_status: Optional[int] = None

    def __init__(self, message: str = "", status: Optional[int] = None) -> None:
        if status is None:
            status = self.default_status if self.default_status is not None else -12
        self.status: int = status
        self.status_name: str = STATUS_NAMES.get(status, "status %d" % status)
        self.message: str = message or self.status_name
        Exception.__init__(self, self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Tuple[Any, ...]:  # keeps pickling (multiprocessing) working
        return (self.__class__, (self.message, self.status))


class InvalidInputError(Error, ValueError):
    """An argument is invalid: NaN or infinity, an empty array, a rate <= -1,
    a date before the first date, a malformed date string, ... (``AIROI_ERR_INVALID``)."""

    default_status = -1


class OutOfMemoryError(Error, MemoryError):
    """The C library could not allocate memory (``AIROI_ERR_NOMEM``)."""

    default_status = -2


class NoSolutionError(Error, ArithmeticError):
    """A root finder (IRR, XIRR, RATE, NPER, MIRR) found no solution: Excel's
    ``#NUM!`` or ``#DIV/0!`` (``AIROI_ERR_NO_SOLUTION``)."""

    default_status = -3


class BufferTooSmallError(Error):
    """A result did not fit its buffer (``AIROI_ERR_BUFFER``).  The package
    sizes buffers itself, so seeing this means a bug; please report it."""

    default_status = -4


class NotFoundError(Error, LookupError):
    """A named item, scenario, metric or key does not exist (``AIROI_ERR_NOT_FOUND``)."""

    default_status = -5


class FileError(Error, OSError):
    """A file could not be read or written (``AIROI_ERR_IO``)."""

    default_status = -6

    def __init__(self, message: str = "", status: Optional[int] = None) -> None:
        Error.__init__(self, message, status)

    def __str__(self) -> str:
        return self.message


_LOCATION = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+):\s*")


class Diagnostic(NamedTuple):
    """One problem found while loading a model file (``airoi_diagnostics_get``).

    ``line`` and ``column`` are 1-based, 0 when the problem has no position
    (an unreadable file); ``str(d)`` is the ``FILE:LINE:COL: message`` line
    the ``airoi`` command prints.
    """

    file: Optional[str]
    line: int
    column: int
    message: str
    #: The whole line as the library writes it (``airoi_diagnostics_get_text``).
    text: str = ""
    #: 0 for a warning (the load still succeeds), else the negative status
    #: the error makes the load return (``airoi_diagnostics_get_status``).
    status: int = 0

    @property
    def is_warning(self) -> bool:
        """True for a warning: a problem that does not make the load fail."""
        return self.status == 0

    def __str__(self) -> str:
        if self.text:
            return self.text
        where = self.file or "<model>"
        if self.line > 0:
            return "%s:%d:%d: %s" % (where, self.line, self.column, self.message)
        return "%s: %s" % (where, self.message)


class ModelWarning(UserWarning):
    """A warning about a model: it loads and evaluates, but something in it is
    probably not what was meant (a diagnostic with status 0, docs/errors.md#warnings).

    Issued through :func:`warnings.warn` when a model file is loaded and when
    :meth:`airoi.Project.validate` runs; ``diagnostic`` is the
    :class:`Diagnostic` it comes from.  Filter them as any warning, e.g.
    ``warnings.simplefilter("error", airoi.ModelWarning)``.
    """

    def __init__(self, message: str = "", diagnostic: Optional["Diagnostic"] = None) -> None:
        UserWarning.__init__(self, message)
        #: The :class:`Diagnostic` this warning comes from.
        self.diagnostic: Optional["Diagnostic"] = diagnostic


class PlausibilityWarning(ModelWarning):
    """A value that is valid but rarely meant: a discount rate of 10 (1000% a
    year) where 0.10 was meant, a yearly horizon of 60 periods, a lowercase
    currency code, a negative value amount ... (docs/model-format.md#plausibility-warnings)."""


#: A warning that is not about plausibility: a section this version does not use.
_NOT_USED = re.compile(r"is recognised but not used")


def warning_class(message: str) -> "type[ModelWarning]":
    """The warning class of a warning diagnostic's message."""
    return ModelWarning if _NOT_USED.search(message) else PlausibilityWarning


class ModelError(Error, ValueError):
    """A model is inconsistent (``AIROI_ERR_MODEL``), or malformed (see
    :class:`ParseError`).

    Attributes:
        file: the model file the error is in, or ``None``.
        line: 1-based line in that file, or ``None``.
        column: 1-based column, or ``None``.
        diagnostics: every :class:`Diagnostic` of the file (a list, possibly empty).
    """

    default_status = -8

    def __init__(
        self,
        message: str = "",
        status: Optional[int] = None,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        diagnostics: Optional[Sequence["Diagnostic"]] = None,
    ) -> None:
        Error.__init__(self, message, status)
        if file is None and line is None and column is None and message:
            # The C library prefixes model-file errors with "file:line:column: ".
            m = _LOCATION.match(message)
            if m:
                file = m.group("file") or None
                line = int(m.group("line"))
                column = int(m.group("column"))
        self.file: Optional[str] = file
        self.line: Optional[int] = line
        self.column: Optional[int] = column
        #: Every diagnostic of the model file (:class:`Diagnostic`), in file
        #: order; the location above is the first one's. Empty when the error
        #: did not come from loading a file.
        self.diagnostics: List["Diagnostic"] = list(diagnostics or [])

    def __reduce__(self) -> Tuple[Any, ...]:
        return (self.__class__, (self.message, self.status, self.file, self.line, self.column,
                                 self.diagnostics))


class ParseError(ModelError):
    """A model file is malformed: syntax, type, unknown or duplicate key, value
    out of range (``AIROI_ERR_PARSE``); ``file``, ``line`` and ``column`` say where."""

    default_status = -7


class RangeError(Error, ArithmeticError):
    """A computation overflowed or left its meaningful range (``AIROI_ERR_RANGE``)."""

    default_status = -9


class CancelledError(Error):
    """A long operation was cancelled by its progress callback (``AIROI_ERR_CANCELLED``)."""

    default_status = -10


class LimitError(Error):
    """A documented limit (file size, items, horizon, ...) was exceeded (``AIROI_ERR_LIMIT``)."""

    default_status = -11


class InternalError(Error):
    """An internal invariant of the C library failed; please report it (``AIROI_ERR_INTERNAL``)."""

    default_status = -12


class UndefinedError(Error, ArithmeticError):
    """A figure is undefined for this model: payback never reached, a ratio
    over zero costs (``AIROI_ERR_UNDEFINED``).  Result metrics read such a
    figure as None instead of raising."""

    default_status = -13


class ClosedError(Error, ValueError):
    """A Python object was used after its C handle went away: the object (or
    the project, result ... it belongs to) was closed, or the item or scenario
    was removed from its project.  Raised by the package, never by C; its
    status is ``AIROI_ERR_INVALID``."""

    default_status = -1


_CLASSES: Tuple[Type[Error], ...] = (
    InvalidInputError,
    OutOfMemoryError,
    NoSolutionError,
    BufferTooSmallError,
    NotFoundError,
    FileError,
    ParseError,
    ModelError,
    RangeError,
    CancelledError,
    LimitError,
    InternalError,
    UndefinedError,
)
_BY_STATUS: Dict[int, Type[Error]] = {int(cls.default_status or 0): cls for cls in _CLASSES}


def error_class(status: int) -> Type[Error]:
    """The exception class for a C status code (:class:`Error` when unknown)."""
    return _BY_STATUS.get(status, Error)

# Shown (and pickled) as airoi.InvalidInputError etc., where users import them from.
for _cls in (Error, ClosedError, *_BY_STATUS.values()):
    _cls.__module__ = "airoi"
del _cls
