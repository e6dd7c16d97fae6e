"""Loading libairoi and the ctypes declarations of its C API.

Internal module: the public API is in :mod:`airoi`.  Everything that touches
ctypes lives here (the library handle and the file it came from, the
prototypes, status checking and the conversion of Python and NumPy inputs
into C arrays), so that the modules built on top of it (``finance``,
``dates``, ``model``, ``cli``) stay plain Python.

Finding the library, in order:

1. the ``AIROI_LIBRARY`` environment variable: a path to the shared library
   (when set, nothing else is tried, so that a wrong path is an error rather
   than a silent fall-back to another copy);
2. a copy next to this package (``airoi/libairoi.so.0``, ``airoi/libairoi.so``,
   ``airoi/libairoi.dylib`` or ``airoi/airoi.dll``);
3. the system loader: ``ctypes.util.find_library('airoi')``, then
   ``libairoi.so.0``.

The library's ``airoi_abi_version()`` must be compatible with
:data:`ABI_VERSION` (same major ABI, ``major * 100 + minor``; a library with a
newer minor ABI only adds symbols and is accepted).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import os
import struct
import sys
from array import array
from collections.abc import Mapping
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import errors

__all__ = ["ABI_VERSION", "lib", "library_path", "check", "raise_status"]

#: ABI version of the C headers this package was written for (AIROI_ABI_VERSION
#: of include/airoi/version.h: major * 100 + minor).
ABI_VERSION = 1

c_double = ctypes.c_double
c_int = ctypes.c_int
c_int32 = ctypes.c_int32
c_size_t = ctypes.c_size_t
c_uint = ctypes.c_uint
c_char_p = ctypes.c_char_p
c_void_p = ctypes.c_void_p
P = ctypes.POINTER
p_double = P(c_double)
p_int32 = P(c_int32)
p_int = P(c_int)
p_size_t = P(c_size_t)


class LibraryNotFoundError(ImportError):
    """libairoi could not be loaded, or is not the version this package needs."""


def _candidates() -> Tuple[List[str], bool]:
    """Paths or names to try, and whether they came from AIROI_LIBRARY."""
    env = os.environ.get("AIROI_LIBRARY")
    if env:
        return [env], True
    here = os.path.dirname(os.path.abspath(__file__))
    names = ["libairoi.so.0", "libairoi.so", "libairoi.0.dylib", "libairoi.dylib", "airoi.dll", "libairoi.dll"]
    found = [os.path.join(here, n) for n in names if os.path.exists(os.path.join(here, n))]
    # Imported from a source checkout (bindings/python/airoi): the library the
    # README's build command makes, in <checkout>/build/lib.
    checkout = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    if os.path.basename(os.path.dirname(here)) == "python" and os.path.exists(
            os.path.join(checkout, "meson.build")):
        built = os.path.join(checkout, "build", "lib")
        found += [os.path.join(built, n) for n in names if os.path.exists(os.path.join(built, n))]
    system = ctypes.util.find_library("airoi")
    if system:
        found.append(system)
    if sys.platform.startswith("linux") or not system:
        found.append("libairoi.so.0")
    return found, False


def _load() -> Tuple[ctypes.CDLL, str]:
    paths, from_env = _candidates()
    failures = []
    for path in paths:
        try:
            handle = ctypes.CDLL(path)
        except OSError as exc:
            failures.append("%s: %s" % (path, exc))
            continue
        return handle, path
    if from_env:
        raise LibraryNotFoundError(
            "airoi: cannot load the library named by AIROI_LIBRARY (%s)" % "; ".join(failures)
        )
    raise LibraryNotFoundError(
        "airoi: libairoi was not found. Build it (meson setup build && ninja -C build), "
        "then set AIROI_LIBRARY to the path of libairoi.so, copy it next to the airoi "
        "package, import the package from the same checkout (build/lib is searched), "
        "or install it where the system loader finds it. Tried: "
        + ("; ".join(failures) or "nothing")
    )


lib, library_path = _load()


def library_file() -> Optional[str]:
    """The file the library was loaded from (``library_path`` when it is a
    path; else asked of the system loader), or None when that is unknown."""
    if os.path.isabs(library_path):
        return library_path
    if sys.platform.startswith("win"):
        buf = ctypes.create_unicode_buffer(32768)
        n = ctypes.windll.kernel32.GetModuleFileNameW(  # type: ignore[attr-defined]
            c_void_p(lib._handle), buf, len(buf))
        return buf.value if n else None

    class DlInfo(ctypes.Structure):
        _fields_ = [("dli_fname", c_char_p), ("dli_fbase", c_void_p),
                    ("dli_sname", c_char_p), ("dli_saddr", c_void_p)]

    try:
        dladdr = ctypes.CDLL(None).dladdr
    except (OSError, AttributeError):
        return None
    dladdr.argtypes = [c_void_p, P(DlInfo)]
    dladdr.restype = c_int
    info = DlInfo()
    if not dladdr(ctypes.cast(lib.airoi_abi_version, c_void_p), ctypes.byref(info)) or not info.dli_fname:
        return None
    return os.path.abspath(os.fsdecode(info.dli_fname))

# --- version and ABI check, before anything else is declared ---------------
try:
    _abi = lib.airoi_abi_version
except AttributeError:
    raise LibraryNotFoundError(
        "airoi: %s is not libairoi (it has no airoi_abi_version)" % library_path
    ) from None
_abi.restype = c_int
_abi.argtypes = []
#: ABI version reported by the loaded library.
library_abi_version: int = _abi()


def abi_compatible(library: int, expected: int = ABI_VERSION) -> bool:
    """True when a library of ABI ``library`` can serve a package written for
    ABI ``expected`` (both major * 100 + minor): the same major ABI, and a
    minor at least as new (newer minors only add symbols)."""
    return library // 100 == expected // 100 and library >= expected


if not abi_compatible(library_abi_version):
    raise LibraryNotFoundError(
        "airoi: ABI mismatch: %s has ABI version %d, but this airoi package was written "
        "for ABI version %d (AIROI_ABI_VERSION). Use the libairoi built from the same "
        "source tree as the package (set AIROI_LIBRARY to its path)."
        % (library_path, library_abi_version, ABI_VERSION)
    )

# --- prototypes --------------------------------------------------------------
# name -> (restype, argtypes). Every function the package calls is declared
# here and nowhere else; a missing symbol makes the import fail with a clear
# message instead of an AttributeError at the first call.
_PROTOTYPES: Dict[str, Tuple[Any, List[Any]]] = {
    # version.h
    "airoi_version": (c_int, []),
    "airoi_version_string": (c_char_p, []),
    # status.h
    "airoi_status_str": (c_char_p, [c_int]),
    "airoi_last_error_message": (c_char_p, []),
    "airoi_free": (None, [c_void_p]),
    # dates.h
    "airoi_date_from_ymd": (c_int, [p_int32, c_int32, c_int32, c_int32]),
    "airoi_date_to_ymd": (c_int, [p_int32, p_int32, p_int32, c_int32]),
    "airoi_date_from_iso": (c_int, [p_int32, c_char_p]),
    "airoi_date_to_iso": (c_int, [ctypes.c_char_p, c_size_t, c_int32]),
    "airoi_date_from_excel": (c_int, [p_int32, c_double, c_int]),
    "airoi_date_to_excel": (c_int, [p_double, c_int32, c_int]),
    # finance.h
    "airoi_npv": (c_int, [p_double, c_double, p_double, c_size_t]),
    "airoi_npv0": (c_int, [p_double, c_double, p_double, c_size_t]),
    "airoi_xnpv": (c_int, [p_double, c_double, p_double, p_int32, c_size_t]),
    "airoi_irr": (c_int, [p_double, p_double, c_size_t, c_double]),
    "airoi_irr_all": (c_int, [p_double, c_size_t, p_size_t, p_double, c_size_t, c_double, c_double]),
    "airoi_xirr": (c_int, [p_double, p_double, p_int32, c_size_t, c_double]),
    "airoi_mirr": (c_int, [p_double, p_double, c_size_t, c_double, c_double]),
    "airoi_pmt": (c_int, [p_double, c_double, c_double, c_double, c_double, c_int]),
    "airoi_pv": (c_int, [p_double, c_double, c_double, c_double, c_double, c_int]),
    "airoi_fv": (c_int, [p_double, c_double, c_double, c_double, c_double, c_int]),
    "airoi_nper": (c_int, [p_double, c_double, c_double, c_double, c_double, c_int]),
    "airoi_rate": (c_int, [p_double, c_double, c_double, c_double, c_double, c_int, c_double]),
    "airoi_payback": (c_int, [p_double, p_int, p_double, c_size_t]),
    "airoi_roi": (c_int, [p_double, p_double, c_size_t, p_double, c_size_t]),
    "airoi_discounted_payback": (c_int, [p_double, p_int, c_double, p_double, c_size_t]),
    "airoi_npv_batch": (c_int, [p_double, p_int32, c_double, p_double, c_size_t, c_size_t, c_uint]),
    "airoi_irr_batch": (c_int, [p_double, p_int32, p_double, c_size_t, c_size_t, c_double]),
    "airoi_xnpv_batch": (c_int, [p_double, p_int32, c_double, p_double, p_int32, c_size_t, c_size_t]),
    "airoi_xirr_batch": (c_int, [p_double, p_int32, p_double, p_int32, c_size_t, c_size_t, c_double]),
    "airoi_payback_batch": (c_int, [p_double, p_int32, p_double, c_size_t, c_size_t]),
}

# The model API (project.h, items.h, scenario.h, result.h, schedule.h,
# benchmark.h). Handles cross as ``void *``: the package wraps each one in a
# Handle (below), whose ``_as_parameter_`` refuses a closed or removed handle.
c_void_pp = P(c_void_p)
p_char_p = P(c_char_p)
_MODEL_PROTOTYPES: Dict[str, Tuple[Any, List[Any]]] = {
    # enumerations (project.h, result.h, schedule.h)
    "airoi_period_from_name": (c_int, [p_int, c_char_p]),
    "airoi_period_name": (c_char_p, [c_int]),
    "airoi_per_from_name": (c_int, [p_int, c_char_p]),
    "airoi_per_name": (c_char_p, [c_int]),
    "airoi_category_from_name": (c_int, [p_int, c_char_p]),
    "airoi_category_name": (c_char_p, [c_int]),
    "airoi_category_is_hidden": (c_int, [c_int]),
    "airoi_dimension_from_name": (c_int, [p_int, c_char_p]),
    "airoi_dimension_name": (c_char_p, [c_int]),
    "airoi_stage_from_name": (c_int, [p_int, c_char_p]),
    "airoi_stage_name": (c_char_p, [c_int]),
    "airoi_curve_from_name": (c_int, [p_int, c_char_p]),
    "airoi_curve_name": (c_char_p, [c_int]),
    "airoi_payment_from_name": (c_int, [p_int, c_char_p]),
    "airoi_payment_name": (c_char_p, [c_int]),
    "airoi_metric_from_name": (c_int, [p_int, c_char_p]),
    "airoi_metric_name": (c_char_p, [c_int]),
    "airoi_severity_from_name": (c_int, [p_int, c_char_p]),
    "airoi_severity_name": (c_char_p, [c_int]),
    "airoi_schedule_column_from_name": (c_int, [p_int, c_char_p]),
    "airoi_schedule_column_name": (c_char_p, [c_int]),
    # project.h
    "airoi_project_new": (c_int, [c_void_pp, c_char_p]),
    "airoi_project_free": (None, [c_void_p]),
    "airoi_project_clone": (c_int, [c_void_pp, c_void_p]),
    "airoi_project_set_number": (c_int, [c_void_p, c_int, c_double]),
    "airoi_project_get_number": (c_int, [p_double, c_void_p, c_int]),
    "airoi_project_set_string": (c_int, [c_void_p, c_int, c_char_p]),
    "airoi_project_get_string": (c_char_p, [c_void_p, c_int]),
    "airoi_project_is_set": (c_int, [c_void_p, c_int]),
    "airoi_project_set_fx": (c_int, [c_void_p, c_char_p, c_double]),
    "airoi_project_get_fx": (c_int, [p_double, c_void_p, c_char_p]),
    "airoi_project_remove_fx": (c_int, [c_void_p, c_char_p]),
    "airoi_project_count_fx": (c_size_t, [c_void_p]),
    "airoi_project_get_fx_currency": (c_char_p, [c_void_p, c_size_t]),
    # items.h
    "airoi_project_add_cost": (c_int, [c_void_pp, c_void_p, c_char_p, c_int]),
    "airoi_project_add_value": (c_int, [c_void_pp, c_void_p, c_char_p, c_int]),
    "airoi_project_count_items": (c_size_t, [c_void_p, c_int]),
    "airoi_project_get_item": (c_void_p, [c_void_p, c_int, c_size_t]),
    "airoi_project_get_item_mutable": (c_void_p, [c_void_p, c_int, c_size_t]),
    "airoi_project_find_item": (c_int, [p_int, p_size_t, c_void_p, c_char_p]),
    "airoi_project_remove_item": (c_int, [c_void_p, c_int, c_size_t]),
    "airoi_item_get_kind": (c_int, [p_int, c_void_p]),
    "airoi_item_set_number": (c_int, [c_void_p, c_int, c_double]),
    "airoi_item_get_number": (c_int, [p_double, c_void_p, c_int]),
    "airoi_item_set_string": (c_int, [c_void_p, c_int, c_char_p]),
    "airoi_item_get_string": (c_char_p, [c_void_p, c_int]),
    "airoi_item_is_set": (c_int, [c_void_p, c_int]),
    "airoi_item_set_amounts": (c_int, [c_void_p, p_double, c_size_t]),
    "airoi_item_get_amounts": (c_int, [p_double, c_size_t, p_size_t, c_void_p]),
    # scenario.h
    "airoi_project_add_scenario": (c_int, [c_void_pp, c_void_p, c_char_p, c_double]),
    "airoi_project_count_scenarios": (c_size_t, [c_void_p]),
    "airoi_project_get_scenario": (c_void_p, [c_void_p, c_size_t]),
    "airoi_project_get_scenario_mutable": (c_void_p, [c_void_p, c_size_t]),
    "airoi_project_find_scenario": (c_int, [p_size_t, c_void_p, c_char_p]),
    "airoi_project_remove_scenario": (c_int, [c_void_p, c_size_t]),
    "airoi_scenario_get_name": (c_char_p, [c_void_p]),
    "airoi_scenario_set_number": (c_int, [c_void_p, c_int, c_double]),
    "airoi_scenario_get_number": (c_int, [p_double, c_void_p, c_int]),
    "airoi_scenario_is_set": (c_int, [c_void_p, c_int]),
    "airoi_scenario_add_multiplier": (c_int, [c_void_p, c_char_p, c_double]),
    "airoi_scenario_count_multipliers": (c_size_t, [c_void_p]),
    "airoi_scenario_get_multiplier": (c_int, [p_char_p, p_double, c_void_p, c_size_t]),
    "airoi_scenario_remove_multiplier": (c_int, [c_void_p, c_size_t]),
    # result.h
    "airoi_project_validate": (c_int, [c_void_p]),
    "airoi_project_evaluate": (c_int, [c_void_pp, c_void_p, c_char_p, c_uint]),
    "airoi_result_free": (None, [c_void_p]),
    "airoi_result_get_metric": (c_int, [p_double, c_void_p, c_int]),
    "airoi_result_get_tco_category": (c_int, [p_double, c_void_p, c_int]),
    "airoi_result_get_value_dimension": (c_int, [p_double, c_void_p, c_int]),
    "airoi_result_get_strategic_value": (c_int, [p_double, c_void_p]),
    "airoi_result_get_flags": (c_uint, [c_void_p]),
    "airoi_result_get_number": (c_int, [p_double, c_void_p, c_int]),
    "airoi_result_get_string": (c_char_p, [c_void_p, c_int]),
    "airoi_result_get_schedule": (c_void_p, [c_void_p]),
    "airoi_result_count_scenarios": (c_size_t, [c_void_p]),
    "airoi_result_get_scenario": (c_void_p, [c_void_p, c_size_t]),
    "airoi_result_get_plan": (c_void_p, [c_void_p]),
    "airoi_result_get_after_tax": (c_void_p, [c_void_p]),
    "airoi_result_get_finance_figure": (c_int, [p_double, c_void_p, c_int]),
    "airoi_result_get_finance_series": (c_int, [p_double, c_size_t, p_size_t, c_void_p, c_int]),
    "airoi_finance_figure_name": (c_char_p, [c_int]),
    "airoi_result_get_scenario_name": (c_char_p, [c_void_p]),
    "airoi_result_get_probability": (c_int, [p_double, c_void_p]),
    "airoi_result_count_findings": (c_size_t, [c_void_p]),
    "airoi_result_get_finding_code": (c_char_p, [c_void_p, c_size_t]),
    "airoi_result_get_finding_severity": (c_int, [p_int, c_void_p, c_size_t]),
    "airoi_result_get_finding_message": (c_char_p, [c_void_p, c_size_t]),
    "airoi_result_get_finding_subject": (c_char_p, [c_void_p, c_size_t]),
    "airoi_result_get_finding_numbers": (c_int, [p_double, p_double, c_void_p, c_size_t]),
    # schedule.h
    "airoi_schedule_new": (c_int, [c_void_pp, p_double, p_double, c_size_t, c_double]),
    "airoi_schedule_clone": (c_int, [c_void_pp, c_void_p]),
    "airoi_schedule_free": (None, [c_void_p]),
    "airoi_schedule_count_periods": (c_size_t, [c_void_p]),
    "airoi_schedule_get_rate": (c_int, [p_double, c_void_p]),
    "airoi_schedule_get_column": (c_int, [p_double, c_size_t, p_size_t, c_void_p, c_int]),
    "airoi_schedule_get_category": (c_int, [p_double, c_size_t, p_size_t, c_void_p, c_int]),
    "airoi_schedule_get_dimension": (c_int, [p_double, c_size_t, p_size_t, c_void_p, c_int]),
    # benchmark.h
    "airoi_benchmark_count": (c_size_t, []),
    "airoi_benchmark_get_key": (c_char_p, [c_size_t]),
    "airoi_benchmark_get_label": (c_char_p, [c_size_t]),
    "airoi_benchmark_find": (c_int, [p_size_t, c_char_p]),
    "airoi_benchmark_get_range": (c_int, [p_double, p_double, c_size_t, c_int]),
    "airoi_benchmark_get_dimensions": (c_int, [p_int, c_size_t, p_size_t, c_size_t]),
    "airoi_result_get_benchmark_value": (c_int, [p_double, c_void_p, c_int]),
    "airoi_result_get_benchmark_position": (c_int, [p_int, c_void_p, c_int]),
}
_PROTOTYPES.update(_MODEL_PROTOTYPES)

# Model files (model.h) and reports (report.h).
_FILE_PROTOTYPES: Dict[str, Tuple[Any, List[Any]]] = {
    "airoi_model_load_file": (c_int, [c_void_pp, c_void_pp, c_char_p, c_uint]),
    "airoi_model_load_buffer": (c_int, [c_void_pp, c_void_pp, c_char_p, c_size_t, c_char_p, c_uint]),
    "airoi_model_save_buffer": (c_int, [c_void_pp, p_size_t, c_void_p, c_uint]),
    "airoi_model_save_file": (c_int, [c_void_p, c_char_p, c_uint]),
    "airoi_model_validate": (c_int, [c_void_pp, c_void_p, c_uint]),
    "airoi_diagnostics_free": (None, [c_void_p]),
    "airoi_diagnostics_count": (c_size_t, [c_void_p]),
    "airoi_diagnostics_get": (c_int, [p_char_p, p_int32, p_int32, p_char_p, c_void_p, c_size_t]),
    "airoi_diagnostics_get_status": (c_int, [p_int, c_void_p, c_size_t]),
    "airoi_diagnostics_get_text": (c_char_p, [c_void_p, c_size_t]),
    "airoi_report_format_from_name": (c_int, [p_int, c_char_p]),
    "airoi_report_format_name": (c_char_p, [c_int]),
    "airoi_report_write": (c_int, [c_void_pp, p_size_t, c_void_p, c_int, c_uint]),
}
_PROTOTYPES.update(_FILE_PROTOTYPES)


def declare(name: str, restype: Any, argtypes: List[Any]) -> Any:
    """Sets the prototype of one C function and returns it.

    Raises LibraryNotFoundError when the loaded library lacks the symbol
    (it is older than the package, or was built without that area).
    """
    try:
        fn = getattr(lib, name)
    except AttributeError:
        raise LibraryNotFoundError(
            "airoi: %s does not export %s; it is older than this package or incomplete"
            % (library_path, name)
        ) from None
    fn.restype = restype
    fn.argtypes = argtypes
    return fn


class _Functions:
    """Attribute access to the declared C functions: ``C.airoi_npv(...)``."""


C: Any = _Functions()
for _name, (_res, _args) in _PROTOTYPES.items():
    setattr(C, _name, declare(_name, _res, _args))
del _name, _res, _args

AIROI_OK = 0
AIROI_ERR_INVALID = -1
AIROI_ERR_NO_SOLUTION = -3
AIROI_ERR_BUFFER = -4
AIROI_ERR_NOT_FOUND = -5
AIROI_ERR_UNDEFINED = -13


# --- errors ------------------------------------------------------------------
def status_str(status: int) -> str:
    """Short static description of a status code (``airoi_status_str``)."""
    text: bytes = C.airoi_status_str(status)
    return text.decode("utf-8", "replace")


def last_error_message() -> str:
    """Detail of the last failure on the calling thread (``airoi_last_error_message``)."""
    return (C.airoi_last_error_message() or b"").decode("utf-8", "replace")


def make_error(status: int, prefix: str = "", message: Optional[str] = None) -> errors.Error:
    """The exception for a failed call, with the calling thread's C message."""
    if message is None:
        message = last_error_message()
    if not message:
        message = status_str(status)
    return errors.error_class(status)(prefix + message, status)


def raise_status(status: int, prefix: str = "") -> None:
    """Raises the exception for ``status`` (call right after the failing C call)."""
    raise make_error(status, prefix)


def check(status: int) -> None:
    """Raises the matching :class:`airoi.Error` unless ``status`` is AIROI_OK."""
    if status != AIROI_OK:
        raise make_error(status)


def invalid(message: str) -> errors.InvalidInputError:
    """An InvalidInputError raised by the Python layer itself."""
    return errors.InvalidInputError(message, AIROI_ERR_INVALID)


# --- arrays ------------------------------------------------------------------
def numpy_module() -> Any:
    """NumPy if the program already imported it, else None.

    An ndarray can only exist once numpy is imported, so this never imports
    numpy itself (which would cost ~0.1 s on ``import airoi``)."""
    return sys.modules.get("numpy")


def is_array_like(obj: Any) -> bool:
    """True for NumPy arrays and objects that convert to them (pandas Series, ...)."""
    np = numpy_module()
    if np is None:
        return False
    return isinstance(obj, np.ndarray) or (
        hasattr(obj, "__array__") and not isinstance(obj, (list, tuple, array))
    )


def _not_number(v: Any) -> bool:
    """True for elements that float() would accept but are not numbers."""
    if isinstance(v, (str, bytes, bytearray, bool)) or v is None:
        return True
    if type(v).__name__ in ("NAType", "NaTType"):
        return True
    np = numpy_module()
    return np is not None and isinstance(v, (np.bool_, np.str_, np.bytes_))


def _strict_list(values: Any, name: str) -> List[Any]:
    """The elements of a sequence of numbers as a list; refuses a mapping
    (its keys are not cash flows), a set (no order), a string, and elements
    that are strings, bytes, booleans or None (TypeError)."""
    if isinstance(values, (str, bytes, bytearray)):
        raise TypeError("%s must be a sequence of numbers, not %s" % (name, type(values).__name__))
    if isinstance(values, Mapping):
        raise TypeError(
            "%s must be a sequence of numbers, not %s (a mapping's keys are not cash flows;"
            " xnpv and xirr take a {date: amount} mapping)" % (name, type(values).__name__))
    if isinstance(values, (set, frozenset)):
        raise TypeError("%s must be a sequence of numbers, not %s (a set has no order)"
                        % (name, type(values).__name__))
    try:
        items = list(values)
    except TypeError:
        raise TypeError("%s must be a sequence of numbers, not %s" % (name, type(values).__name__)) from None
    for i, v in enumerate(items):
        if type(v) is not float and type(v) is not int and _not_number(v):
            raise TypeError("%s[%d] must be a number, not %s: %r" % (name, i, type(v).__name__, v))
    return items


def _float_array(values: Any, name: str, ndim: int) -> Any:
    """A C-contiguous float64 ndarray for array-like input with a numeric dtype.

    Object arrays are checked element by element like lists (TypeError for
    a string, bytes, bool or None); pandas nullable dtypes (Int64, Float64,
    ...) are accepted when they hold no NA, and refused with
    InvalidInputError naming the first NA; strings, booleans, dates and
    complex numbers are refused with TypeError."""
    np = numpy_module()
    dtype = getattr(values, "dtype", None)
    if dtype is not None and not isinstance(dtype, np.dtype):
        # A pandas extension dtype (Int64, Float64, boolean, string, category, ...).
        kind = getattr(dtype, "kind", "O")
        if kind in "iuf":
            a = np.asarray(values.to_numpy(dtype=np.float64, na_value=np.nan))
            na = np.asarray(values.isna()) if hasattr(values, "isna") else np.isnan(a)
            if na.any():
                where = tuple(int(k) for k in np.argwhere(na)[0])
                raise invalid("%s[%s] is missing (NA): pass a number for every period"
                              % (name, ", ".join(map(str, where))))
            return np.ascontiguousarray(a)
        if kind != "O":
            raise TypeError("%s must hold numbers, not dtype %s" % (name, dtype))
        values = np.asarray(values, dtype=object)
    a = np.asarray(values)
    if a.dtype.kind == "O":
        flat = a.reshape(-1)
        for i, v in enumerate(flat.tolist()):
            if type(v) is not float and type(v) is not int and _not_number(v):
                where = ", ".join(map(str, np.unravel_index(i, a.shape))) if a.ndim else "0"
                if type(v).__name__ in ("NAType", "NaTType"):  # pandas.NA, pandas.NaT
                    raise invalid("%s[%s] is missing (NA): pass a number for every period" % (name, where))
                raise TypeError("%s[%s] must be a number, not %s: %r" % (name, where, type(v).__name__, v))
        try:
            return np.ascontiguousarray(a, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise TypeError("%s must hold numbers: %s" % (name, exc)) from None
    if a.dtype.kind not in "iuf":
        raise TypeError("%s must hold numbers, not dtype %s" % (name, a.dtype))
    return np.ascontiguousarray(a, dtype=np.float64)


def doubles(values: Any, name: str = "values") -> Tuple[Any, int, Any]:
    """A C ``const double *`` for a 1-D sequence of numbers.

    Returns (pointer, count, keepalive); keep ``keepalive`` referenced until
    the C call returns.  A C-contiguous float64 NumPy array is passed without
    a copy; anything else is copied once into a C array.  A mapping, a set,
    and elements that are strings, bytes, booleans or None raise TypeError.
    """
    if is_array_like(values):
        a = _float_array(values, name, 1)
        if a.ndim != 1:
            raise invalid("%s must be one-dimensional, got shape %s" % (name, a.shape))
        return a.ctypes.data_as(p_double), int(a.shape[0]), a
    items = _strict_list(values, name)
    try:
        buf = array("d", items)
    except TypeError:
        try:
            buf = array("d", [float(v) for v in items])
        except (TypeError, ValueError) as exc:
            raise TypeError("%s must be a sequence of numbers: %s" % (name, exc)) from None
        except OverflowError:
            raise invalid("%s: a value is too large for a double" % name) from None
    except OverflowError:
        raise invalid("%s: a value is too large for a double" % name) from None
    n = len(buf)
    if n == 0:
        # A real (empty) array, not NULL: the C library then says "no values"
        # instead of "values is NULL".
        empty = (c_double * 1)()
        return empty, 0, empty
    # from_buffer() shares the memory and keeps buf alive with the ctypes array.
    return (c_double * n).from_buffer(buf), n, buf


_FAST_TYPES = frozenset((float, int))


def plain(values: Any) -> bool:
    """True when every element of ``values`` is a float or an int (exactly
    those types: not bool, not a subclass)."""
    return _FAST_TYPES.issuperset(map(type, values))


# --- the fast path of the scalar functions ----------------------------------
# A call through a declared prototype converts each argument with its
# argtype (a from_param call, an isinstance test and a new object each),
# releases and retakes the GIL, and here also builds a c_double for the
# result: for airoi_npv over 10 values that is more than the C function.
# npv (npv0), irr and mirr therefore have a fast path for the common inputs
# (docs/python.md, "The fast path"):
#
# * quick(name): the function with no argtypes and no restype (the int
#   status as it is), called with the GIL held (ctypes' PYTHONAPI flag, as
#   ctypes.PyDLL's functions): its arguments are already C values
#   (from_param and byref objects, ``bytes``), which ctypes only copies.
#   For short kernels only: every other call (batch, simulation, the model)
#   goes through the prototypes above and releases the GIL.
# * the values: a list or tuple packed by a struct.Struct kept per length
#   (PACKERS), or a small float64 ndarray copied by tobytes(); see
#   packed().  A ``bytes`` argument is a ``const char *`` to its data.
# * double_cache(): a float made a C double once and reused while callers
#   pass the same float object (a one-entry cache per argument).
# * OUTS: (c_double, byref of it) pairs for the result, popped for a call
#   and given back after it (list.pop and list.append are atomic), so that
#   each call has its own even when threads call at once.  (The GIL being
#   held during the call does not make one shared c_double safe: another
#   thread may run between the call and the read of the result.)
#
# The general path (doubles() and the prototypes) stays the reference: the
# fast path gives the same double or nothing, and any failure status sends
# the call to the general path, which repeats it and raises its exception
# (bindings/python/tests/test_fast_path.py compares the two).


class _Quick(ctypes._CFuncPtr):  # type: ignore[misc,name-defined]
    """A foreign function called with the GIL held (``_FUNCFLAG_PYTHONAPI``,
    as ``ctypes.PyDLL``'s), with no argtypes (arguments passed as they are)
    and no restype (the C int comes back)."""
    _flags_ = ctypes._FUNCFLAG_CDECL | ctypes._FUNCFLAG_PYTHONAPI  # type: ignore[attr-defined]


def quick(name: str) -> Any:
    """The C function ``name`` for the fast path (see :class:`_Quick`)."""
    return _Quick((name, lib))


double_arg = c_double.from_param


def double_cache(cell: List[Any], x: Any) -> Optional[Tuple[Any, Any]]:
    """(x, x as a C double argument), also stored in ``cell[0]``; None when
    x is not a float (the general path converts it)."""
    if type(x) is not float:
        return None
    entry = cell[0] = (x, double_arg(x))
    return entry


#: Lengths that packed() packs with a struct kept per length; longer lists
#: go through an array('d').
PACK_MAX = 64
#: length -> (struct pack of that many doubles, the length as a C size_t).
PACKERS: Dict[int, Tuple[Callable[..., bytes], Any]] = {}
#: Raised by a struct pack for an element without a float value, or an int
#: too large for a double.
StructError = struct.error
#: The byte of each packed double that holds its sign and its top exponent
#: bits: 0x00 for 0.0 and 0x3F for 1.0, what a bool packs as.
TOP = slice(7, None, 8)


def _packer(n: int) -> Tuple[Callable[..., bytes], Any]:
    return PACKERS.setdefault(n, (struct.Struct("@%dd" % n).pack, c_size_t.from_param(n)))


for _n in range(1, PACK_MAX + 1):
    _packer(_n)
del _n


def packed(values: Any) -> Tuple[Any, Any]:
    """(the values as C doubles, their count as a C size_t) for a quick()
    function, or (None, None): then :func:`doubles` converts them and checks
    every element.

    A non-empty list or tuple is packed by struct, which converts an element
    as ``array('d')`` does in doubles() and fails on one without a float
    value (str, bytes, None, pandas' NA and NaT, an int too large: then
    (None, None)).  What struct takes and doubles() refuses is a bool
    (numpy's too), packed as 0.0 or 1.0: when some packed value has the top
    byte of 0.0 or 1.0 (0x00 or 0x3F: 0.0, values in [2^-15, 2), tiny
    ones), the element types are checked exactly (:func:`plain`).  Beyond
    :data:`PACK_MAX` values the types are always checked.  A non-empty 1-D
    float64 ndarray of at most PACK_MAX values is copied by ``tobytes``
    (longer ones go without a copy through doubles())."""
    t = type(values)
    if t is list or t is tuple:
        n = len(values)
        p = PACKERS.get(n)
        if p is None:
            if not 0 < n <= PACK_MAX:
                return _pack_long(values) if n else (None, None)
            p = _packer(n)
        try:
            buf = p[0](*values)
        except StructError:
            return None, None
        top = buf[TOP]
        if (0 in top or 63 in top) and not plain(values):
            return None, None
        return buf, p[1]
    np = sys.modules.get("numpy")
    if np is not None and t is np.ndarray and values.ndim == 1 \
            and values.dtype is (_F8 if _F8 is not None else _float64(np)):
        p = PACKERS.get(len(values))  # all lengths 1 to PACK_MAX are there
        if p is not None:
            return values.tobytes(), p[1]
    return None, None


def _pack_long(values: Any) -> Tuple[Any, Any]:
    """packed() of a list or tuple longer than PACK_MAX: an array('d')."""
    if not plain(values):
        return None, None
    try:
        buf = array("d", values)
    except OverflowError:
        return None, None
    return (c_double * len(buf)).from_buffer(buf), c_size_t.from_param(len(buf))


_F8: Any = None  # numpy.dtype('float64') once NumPy is seen (a dtype is false: len 0)


def _float64(np: Any) -> Any:
    """numpy.dtype('float64'), the one object every native float64 array has."""
    global _F8
    _F8 = np.dtype(np.float64)
    return _F8


def new_out() -> Tuple[Any, Any]:
    """An output pair for OUTS, or for a call that finds it empty (the
    caller gives it back)."""
    out = c_double()
    return out, ctypes.byref(out)


#: Output doubles of the fast path: (c_double, byref of it), see above.
#: Several from the start: a list that a pop leaves empty (or less than half
#: full) gives its memory back, and the next append allocates it again.
OUTS: List[Tuple[Any, Any]] = [new_out() for _ in range(8)]


def declare_addr(name: str, restype: Any, argtypes: List[Any]) -> Any:
    """A second foreign-function object for ``name`` (its own argtypes),
    e.g. with ``c_void_p`` where an address is passed."""
    fn = lib[name]
    fn.restype = restype
    fn.argtypes = argtypes
    return fn


if array("i").itemsize != 4:  # every platform libairoi supports has a 32-bit int
    raise ImportError("airoi: array('i') is not 32 bits wide on this platform")


def int32s(values: Sequence[int]) -> Tuple[Any, int, Any]:
    """A C ``const int32_t *`` for a list of day numbers (already converted)."""
    buf = array("i", values)
    n = len(buf)
    if n == 0:
        empty = (c_int32 * 1)()
        return empty, 0, empty
    return (c_int32 * n).from_buffer(buf), n, buf


class Rows:
    """A row-major block of float64 cash-flow rows ready for a batch call.

    Attributes: ``ptr`` (``const double *``), ``rows``, ``cols``, ``numpy``
    (True when the input was array-like: results come back as an ndarray).
    """

    __slots__ = ("ptr", "rows", "cols", "numpy", "keep", "finite_rows", "index")

    def __init__(self, data: Any, min_cols: int = 1, name: str = "rows") -> None:
        self.finite_rows: Callable[[], List[bool]]
        # A pandas DataFrame (one row per line) or a Series of rows: the
        # results come back as a Series with the same index.
        self.index = None
        if type(data).__module__.partition(".")[0] == "pandas" and hasattr(data, "index"):
            self.index = data.index
            if getattr(data, "ndim", 2) == 1:  # a Series whose elements are rows
                np = numpy_module()
                items = [_strict_list(row, "%s[%d]" % (name, i)) for i, row in enumerate(data.tolist())]
                data = np.empty((len(items), len(items[0]) if items else 0), dtype=object)
                for i, row in enumerate(items):
                    if len(row) != data.shape[1]:
                        raise invalid("%s must be rectangular: row 0 has %d values, row %d has %d"
                                      % (name, data.shape[1], i, len(row)))
                    data[i, :] = row
        if is_array_like(data):
            np = numpy_module()
            a = _float_array(data, name, 2)
            if a.ndim != 2:
                raise invalid("%s must be two-dimensional (rows x periods), got shape %s" % (name, a.shape))
            self.rows, self.cols = int(a.shape[0]), int(a.shape[1])
            self.numpy = True
            self.keep = a
            # from_buffer() is a third of the cost of a.ctypes (a writable
            # array; a read-only one takes the general form).
            self.ptr = ((c_double * a.size).from_buffer(a) if a.flags.writeable and a.size
                        else a.ctypes.data_as(p_double))
            self.finite_rows = lambda: list(np.isfinite(a).all(axis=1).tolist())
        else:
            if isinstance(data, (str, bytes, Mapping, set, frozenset)):
                raise TypeError("%s must be a list of lists of numbers, not %s" % (name, type(data).__name__))
            rows = list(data)
            self.rows = len(rows)
            self.cols = len(rows[0]) if rows else 0
            buf = array("d")
            for i, row in enumerate(rows):
                # Lists and tuples of floats and ints as they are (the common
                # case, checked by type in one pass); anything else element
                # by element.
                t = type(row)
                if not ((t is list or t is tuple) and {*map(type, row)} <= _FAST_TYPES):
                    row = _strict_list(row, "%s[%d]" % (name, i))
                before = len(buf)
                try:
                    buf.extend(row)
                except TypeError:
                    try:
                        buf.extend([float(v) for v in row])
                    except (TypeError, ValueError) as exc:
                        raise TypeError("%s[%d] must be a sequence of numbers: %s" % (name, i, exc)) from None
                    except OverflowError:
                        raise invalid("%s[%d]: a value is too large for a double" % (name, i)) from None
                except OverflowError:
                    raise invalid("%s[%d]: a value is too large for a double" % (name, i)) from None
                if len(buf) - before != self.cols:
                    raise invalid(
                        "%s must be rectangular: row 0 has %d values, row %d has %d"
                        % (name, self.cols, i, len(buf) - before)
                    )
            self.numpy = False
            self.keep = buf
            self.ptr = (c_double * len(buf)).from_buffer(buf) if len(buf) else None
            cols = self.cols
            self.finite_rows = lambda: [
                all(map(math.isfinite, buf[i * cols:(i + 1) * cols])) for i in range(self.rows)
            ]
        if self.rows and self.cols < min_cols:
            raise invalid("%s need at least %d value(s) per row, got %d" % (name, min_cols, self.cols))


    def wrap(self, out: Any) -> Any:
        """``out`` as a pandas Series with the input's index, or unchanged."""
        if self.index is None:
            return out
        return sys.modules["pandas"].Series(out, index=self.index)


def double_buffer(n: int, numpy: bool) -> Tuple[Any, Any]:
    """An output buffer of n doubles: (pointer, object) -- an ndarray or an array('d')."""
    if numpy:
        np = numpy_module()
        out = np.zeros(max(n, 0), dtype=np.float64)
        return ((c_double * n).from_buffer(out) if n > 0 else out.ctypes.data_as(p_double)), out
    buf = array("d", bytes(8 * n))
    return ((c_double * n).from_buffer(buf) if n else None), buf


def int32_buffer(n: int, fill: int = 0) -> Tuple[Any, Any]:
    """An output buffer of n int32 values, each set to ``fill``: (pointer, array)."""
    buf = array("i", [fill]) * max(n, 1)
    return (c_int32 * len(buf)).from_buffer(buf), buf


def read_doubles(fn: Any, *args: Any, cap: int = 16) -> List[float]:
    """Calls a C function of the size-query form ``fn(buf, cap, &len, *args)``.

    Retries once with a buffer of the reported length when the first call
    returns AIROI_ERR_BUFFER, and returns the values as a list of floats.
    """
    while True:
        buf = (c_double * max(cap, 1))()
        length = c_size_t()
        status = fn(buf, cap, ctypes.byref(length), *args)
        if status == AIROI_ERR_BUFFER and length.value > cap:
            cap = length.value
            continue
        if status:
            raise_status(status)
        return list(buf[: length.value])


class Handle:
    """One C handle (project, result, schedule, ...) owned or borrowed by Python.

    * An **owned** handle (``free`` given) is released exactly once: by
      :meth:`close`, by ``with``, or when the object is garbage-collected.
    * A **borrowed** handle (``free`` None) belongs to ``parent`` (a result's
      schedule, an item of a project): the Python object keeps its parent
      alive, and becomes unusable once the parent is closed or it is
      invalidated through :meth:`invalidate` (e.g. the item was removed from its project).

    Passing a handle to a declared C function uses ``_as_parameter_``, which
    raises :class:`airoi.ClosedError` (a ValueError) for a closed or
    invalidated handle instead of handing C a dangling pointer.
    """

    __slots__ = ("_ptr", "_free", "_parent", "_what", "_reason", "__weakref__")

    def __init__(self, ptr: Any, free: Optional[Callable[[Any], None]] = None,
                 parent: Optional["Handle"] = None, what: str = "handle") -> None:
        value = ptr.value if isinstance(ptr, c_void_p) else ptr
        if not value:
            raise ValueError("airoi: NULL handle")
        self._ptr: Optional[int] = int(value)
        self._free = free
        self._parent = parent
        self._what = what
        self._reason: Optional[str] = None

    @property
    def closed(self) -> bool:
        """True once this handle, or the parent it borrows from, is closed."""
        h: Optional[Handle] = self
        while h is not None:
            if h._ptr is None:
                return True
            h = h._parent
        return False

    def _closed_error(self) -> errors.ClosedError:
        h: Optional[Handle] = self
        while h is not None:
            if h._ptr is None:
                if h is self:
                    why = self._reason or "it was closed"
                else:
                    why = "its %s was closed" % h._what
                return errors.ClosedError("airoi: %s used after %s" % (self._what, why), AIROI_ERR_INVALID)
            h = h._parent
        return errors.ClosedError("airoi: %s is closed" % self._what, AIROI_ERR_INVALID)

    @property
    def _as_parameter_(self) -> c_void_p:
        h: Optional[Handle] = self
        while h is not None:
            if h._ptr is None:
                raise self._closed_error()
            h = h._parent
        return c_void_p(self._ptr)

    @property
    def ptr(self) -> c_void_p:
        """The C pointer for a call; raises :class:`airoi.ClosedError` when the
        handle (or its parent) is closed.  Use this rather than passing the
        Handle itself: ctypes would wrap the error in ``ctypes.ArgumentError``."""
        return self._as_parameter_

    @property
    def address(self) -> int:
        """The C pointer as an integer (raises ClosedError when closed)."""
        return int(self._as_parameter_.value or 0)

    def invalidate(self, reason: Optional[str] = None) -> None:
        """Forgets the pointer without freeing it (the C side freed it);
        ``reason`` completes the error message of later use ("used after ...")."""
        self._ptr = None
        self._reason = reason

    def close(self) -> None:
        """Releases an owned handle now (idempotent); a borrowed one is only forgotten."""
        ptr, self._ptr = self._ptr, None
        if ptr is not None and self._free is not None:
            self._free(ptr)

    def __enter__(self) -> "Handle":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: ctypes may already be gone
            pass


def version() -> int:
    """Version of the loaded library as major*10000 + minor*100 + micro."""
    return int(C.airoi_version())


def version_string() -> str:
    """Version string of the loaded library, such as ``"0.1.0"``."""
    text: bytes = C.airoi_version_string()
    return text.decode("ascii", "replace")
