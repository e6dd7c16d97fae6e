"""Scalar and broadcasting calls of the libairoi functions of one value
(``int fn(double *out, double ...)``): the driver of :mod:`airoi.loans`,
:mod:`airoi.rates`, :mod:`airoi.depreciation` and :mod:`airoi.tvm`.
Internal.

With plain numbers the C function is called once and its failure raised
(Excel's error values become exceptions).  When an argument is a NumPy
array or a list (or tuple) of numbers, the arguments are broadcast against
each other as NumPy does, as numpy-financial's functions are, and the
result is a float64 ``ndarray`` of the broadcast shape with NaN where an
element has no value (Excel's error); ``errors="raise"`` raises the first
element's exception instead, with ``"element (i, j): "`` in front of its
message; ``errors="status"`` returns a :class:`~airoi.BatchStatus` pair
(the values as with ``"coerce"``, and an object ``ndarray`` of the
broadcast shape with each element's status name).  The functions with an
element-wise batch form in C (``airoi_ipmt_batch`` ...: ``Fn(...,
batch=symbol)``) make one C call for the whole array, on the arguments
broadcast with ``np.broadcast_arrays`` and copied C-contiguous; element i
is exactly the scalar function's value.  Without NumPy, flat lists of one
length (and numbers) are accepted and a list is returned.
"""

from __future__ import annotations

import ctypes
from typing import Any, Optional, Sequence, Tuple

from . import _lib
from . import errors as _errors

_c_double = ctypes.c_double
_byref = ctypes.byref
_PLAIN = (float, int)
_ERRORS = ("coerce", "raise", "status")
_INT_MAX = 2 ** 31 - 1

#: The type argument of the annuity functions: numpy-financial's ``when``.
_WHEN = {"end": 0, "begin": 1, 0: 0, 1: 1}


def when_type(type: Any, when: Any, name: str) -> Any:
    """The ``type`` argument (0 or 1) from ``type`` and its alias ``when``
    ('begin' or 'end', as numpy-financial spells it; also 0 or 1).  Giving
    both with different meanings is an error; ``type`` may be an array."""
    if when is None:
        if isinstance(type, str):
            return when_type(0, type, name)
        return type
    if isinstance(when, str):
        key: Any = when.lower()
    elif isinstance(when, bool):
        raise TypeError("%s: when must be 'begin' or 'end', got %r" % (name, when))
    else:
        key = when
    try:
        t = _WHEN[key]
    except (KeyError, TypeError):
        raise _lib.invalid("%s: when must be 'begin' or 'end' (or 1 or 0), got %r" % (name, when)) from None
    if not _lib.is_array_like(type) and type not in (0, t):
        raise _lib.invalid("%s: type=%r and when=%r disagree" % (name, type, when))
    return t


def _is_plain(args: Sequence[Any]) -> bool:
    for a in args:
        if type(a) not in _PLAIN:
            return False
    return True


def _is_vector(a: Any) -> bool:
    return _lib.is_array_like(a) or isinstance(a, (list, tuple))


class Fn:
    """One C function: ``name`` (its Python name, for messages), the C
    symbol, and per argument a converter ``"d"`` (double) or ``"i"`` (int:
    a number truncated to an integer, Excel's rule for type and flags).
    ``batch``: the C element-wise batch form, ``int batch(double *out,
    int32_t *status_out, <one array per argument>, size_t n)`` with
    ``const int32_t *`` for the ``"i"`` arguments."""

    def __init__(self, name: str, symbol: str, kinds: str, argnames: Sequence[str],
                 batch: Optional[str] = None) -> None:
        self.name = name
        self.kinds = kinds
        self.argnames = tuple(argnames)
        self.ints = tuple(i for i, k in enumerate(kinds) if k == "i")
        types = [ctypes.POINTER(_c_double)] + [
            ctypes.c_double if k == "d" else ctypes.c_int for k in kinds]
        try:  # its own function object: finance.py's prototypes stay as they are
            self.c = _lib.declare_addr(symbol, ctypes.c_int, types)
        except AttributeError:
            raise _lib.LibraryNotFoundError(
                "airoi: %s does not export %s; it is older than this package"
                % (_lib.library_path, symbol)) from None
        self.batch = None
        if batch is not None:
            try:
                self.batch = _lib.declare_addr(batch, ctypes.c_int,
                                               [ctypes.c_void_p] * (2 + len(kinds)) + [ctypes.c_size_t])
            except AttributeError:  # an older library: one call per element
                self.batch = None

    def _convert(self, args: Sequence[Any]) -> Tuple[Any, ...]:
        out = []
        for k, a, n in zip(self.kinds, args, self.argnames):
            if isinstance(a, (str, bytes)) or a is None:
                raise TypeError("%s: %s must be a number, got %r" % (self.name, n, a))
            try:
                x = float(a)
            except (TypeError, ValueError):
                raise TypeError("%s: %s must be a number, got %r" % (self.name, n, a)) from None
            except OverflowError:
                raise _lib.invalid("%s: %s is too large for a double" % (self.name, n)) from None
            if k == "i":
                if x != x or x in (float("inf"), float("-inf")):
                    raise _lib.invalid("%s: %s is not finite" % (self.name, n))
                if abs(x) > 2 ** 31 - 1:
                    raise _lib.invalid("%s: %s %r is out of range" % (self.name, n, a))
                out.append(int(x))
            else:
                out.append(x)
        return tuple(out)

    def scalar(self, *args: Any) -> float:
        out = _c_double()
        if not _is_plain(args) or any(type(args[i]) is not int for i in self.ints):
            args = self._convert(args)
        status = self.c(_byref(out), *args)
        if status:
            _lib.raise_status(status)
        return out.value

    def __call__(self, *args: Any, errors: str = "coerce") -> Any:
        """The scalar call, or the broadcast one when an argument is a vector."""
        if _is_plain(args):
            return self.scalar(*args)
        for a in args:
            if _is_vector(a):
                return self.broadcast(args, errors)
        return self.scalar(*args)

    def broadcast(self, args: Sequence[Any], errors: str = "coerce") -> Any:
        if errors not in _ERRORS:
            raise _lib.invalid("errors must be 'coerce' or 'raise', got %r" % (errors,))
        np = _lib.numpy_module()
        if np is None:
            return self._lists(args, errors)
        arrays = []
        for a, n in zip(args, self.argnames):
            try:
                arrays.append(np.asarray(a, dtype=np.float64))
            except (TypeError, ValueError):
                raise TypeError("%s: %s must be numbers, got %r" % (self.name, n, a)) from None
        try:
            b = np.broadcast(*arrays)
        except ValueError:
            raise _lib.invalid("%s: the arguments' shapes %s do not broadcast together"
                               % (self.name, ", ".join(str(a.shape) for a in arrays))) from None
        shape = b.shape
        if self.batch is not None:
            return self._batch(np, arrays, shape, errors)
        cols = [a.ravel().tolist() for a in np.broadcast_arrays(*arrays)]
        flat = []
        append = flat.append
        out = _c_double()
        ref = _byref(out)
        c = self.c
        for i in self.ints:  # Excel truncates; None where no int can stand for it
            cols[i] = [_int_or_none(x) for x in cols[i]]
        failed = []
        for vals in zip(*cols):
            if (not self.ints or None not in vals) and c(ref, *vals) == 0:
                append(out.value)
            else:
                failed.append(len(flat))
                append(self._element(vals, errors, lambda i=len(flat): np.unravel_index(i, shape)))
        values = np.array(flat, dtype=np.float64).reshape(shape)
        if errors != "status":
            return values
        st = np.zeros(len(flat), dtype=np.int32)
        for i in failed:  # the element's status, from its scalar call again
            st[i] = self._status([cols[k][i] for k in range(len(cols))])
        return self._with_status(np, values, st.reshape(shape))

    def _status(self, vals: Sequence[Any]) -> int:
        cargs = [float(v) if k == "d" else v for k, v in zip(self.kinds, vals)]
        if None in cargs:
            return _lib.AIROI_ERR_INVALID
        return int(self.c(_byref(_c_double()), *cargs))

    @staticmethod
    def _with_status(np: Any, values: Any, st: Any) -> Any:
        """The ``errors="status"`` result: values and an object array of names."""
        from .finance import BatchStatus
        names = np.full(st.shape, "AIROI_OK", dtype=object)
        for code in np.unique(st):
            if code != 0:
                names[st == code] = _errors.STATUS_NAMES.get(int(code), "status %d" % code)
        return BatchStatus(values, names)

    def _batch(self, np: Any, arrays: Sequence[Any], shape: Tuple[int, ...], errors: str) -> Any:
        """One call of the C batch form on the broadcast arguments."""
        views = np.broadcast_arrays(*arrays)
        n = int(np.prod(shape, dtype=np.int64))
        cargs = []
        bad = None
        for k, v in zip(self.kinds, views):
            if k == "d":
                cargs.append(np.ascontiguousarray(v, dtype=np.float64))
                continue
            # Excel truncates; an element with no int to stand for it fails
            with np.errstate(invalid="ignore"):
                ok = np.isfinite(v) & (np.abs(v) <= _INT_MAX)
            cargs.append(np.ascontiguousarray(np.where(ok, v, 0.0).astype(np.int32)))
            if not ok.all():
                bad = ~ok if bad is None else bad | ~ok
        out = np.empty(shape, dtype=np.float64)
        st = np.empty(shape, dtype=np.int32)
        if n:
            self.batch(out.ctypes.data, st.ctypes.data, *[a.ctypes.data for a in cargs], n)
        if bad is not None:
            st[bad] = _lib.AIROI_ERR_INVALID
        failed = st != 0
        if failed.any():
            out[failed] = np.nan
            if errors == "raise":
                where = np.unravel_index(int(np.argmax(failed.ravel())), shape)
                vals = [v[where] for v in views]
                self._element(vals, "raise", lambda: where)
        return self._with_status(np, out, st) if errors == "status" else out

    def _element(self, vals: Sequence[Any], errors: str, where: Any) -> float:
        """One element of a broadcast call: its value, or NaN (or the
        exception, with errors="raise") where it fails."""
        cargs = [float(v) if k == "d" else (None if v is None else _int_or_none(v))
                 for k, v in zip(self.kinds, vals)]
        out = _c_double()
        status = _lib.AIROI_ERR_INVALID if None in cargs else self.c(_byref(out), *cargs)
        if status == 0:
            return out.value
        if errors == "raise":
            try:
                if None in cargs:
                    raise _lib.invalid("%s: an integer argument is not finite" % self.name)
                _lib.raise_status(status)
            except _errors.Error as exc:
                raise _errors.error_class(exc.status)(
                    "element %s: %s" % (tuple(int(x) for x in where()), exc.message),
                    exc.status) from None
        return float("nan")

    def _lists(self, args: Sequence[Any], errors: str) -> Any:
        """Without NumPy: numbers and equally long flat lists, a list back."""
        n = None
        for a, name in zip(args, self.argnames):
            if isinstance(a, (list, tuple)):
                if any(isinstance(x, (list, tuple)) for x in a):
                    raise TypeError("%s: nested lists need NumPy" % self.name)
                if n is not None and len(a) != n:
                    raise _lib.invalid("%s: lists of lengths %d and %d do not broadcast together"
                                       % (self.name, n, len(a)))
                n = len(a)
            elif _is_vector(a):
                raise TypeError("%s: %s: arrays need NumPy" % (self.name, name))
        cols = [list(a) if isinstance(a, (list, tuple)) else [a] * (n or 0) for a in args]
        values = [list(self._convert(vals)) for vals in zip(*cols)]
        got = [self._element(v, errors, lambda i=i: (i,)) for i, v in enumerate(values)]
        if errors != "status":
            return got
        from .finance import BatchStatus
        return BatchStatus(got, [_errors.STATUS_NAMES.get(self._status(v), "?") if g != g
                                 else "AIROI_OK" for g, v in zip(got, values)])


def _int_or_none(v: Any) -> Optional[int]:
    x = float(v)
    if x != x or abs(x) > 2 ** 31 - 1:
        return None
    return int(x)
