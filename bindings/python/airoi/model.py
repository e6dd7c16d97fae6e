"""The project model: :class:`Project`, :class:`CostItem`, :class:`ValueItem`,
:class:`Scenario`, :class:`Schedule` and :class:`Result`.

Each class wraps one C handle of ``include/airoi/{project,items,scenario,
schedule,result,model}.h``.  Lifetimes follow the Python objects:

* a :class:`Project` owns its C project and frees it when it is garbage
  collected (or at :meth:`Project.close`, or at the end of a ``with`` block);
* an item or scenario is borrowed from its project: it keeps the project
  alive, and once removed (:meth:`Project.remove_cost`, ``del
  project.costs[i]``, :meth:`CostItem.remove`) any further use raises
  :class:`airoi.ClosedError` instead of touching freed memory;
* a :class:`Result` owns its C result; its per-scenario sub-results and its
  :class:`Schedule` are borrowed from it and keep it alive;
* a :class:`Schedule` made with :meth:`Schedule.from_arrays` owns itself.

A project (with its items and scenarios) may be used by one thread at a time
in C; the package serialises calls on one project with a lock, so sharing a
:class:`Project` between Python threads is safe (different projects evaluate
in parallel: ctypes releases the GIL).  Results and schedules are immutable
and may be read from any thread.

    >>> import airoi
    >>> p = airoi.Project("Three-year case", horizon=3, discount_rate=0.08)
    >>> build = p.add_cost("Build", "people", amount=350, per="once", at=0)
    >>> run = p.add_cost("Run", "infrastructure", amounts=[180, 150, 150], **{"from": 1})
    >>> gain = p.add_value("Gains", "efficiency", amounts=[300, 490, 620], from_=1)
    >>> r = p.evaluate()
    >>> round(r.npv, 2), round(r.irr, 4), round(r.payback_periods, 3)
    (425.71, 0.5399, 1.676)
"""

from __future__ import annotations

import ctypes
import datetime
import json
import os
import threading
import weakref
from collections.abc import MutableMapping
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import _lib, errors
from ._lib import C, Handle, c_double, c_int, c_int32, c_size_t, c_void_p
from .dates import day_number, from_day_number

__all__ = [
    "Project", "CostItem", "ValueItem", "Scenario", "Schedule", "Result", "FX",
    "CATEGORIES", "HIDDEN_CATEGORIES", "DIMENSIONS", "PERIODS", "PERS", "STAGES", "CURVES",
    "METRICS", "SEVERITIES", "SCHEDULE_COLUMNS",
]


# --- enumerations, read from the library ---------------------------------------------
def _names(fn: Any) -> Tuple[str, ...]:
    out = []
    i = 0
    while True:
        text = fn(i)
        if not text:
            return tuple(out)
        out.append(text.decode("utf-8"))
        i += 1


#: Cost categories (docs/methodology.md#cost-categories), in the order of ``airoi_category``.
CATEGORIES: Tuple[str, ...] = _names(C.airoi_category_name)
#: The hidden ones among them.
HIDDEN_CATEGORIES: Tuple[str, ...] = tuple(
    n for i, n in enumerate(CATEGORIES) if C.airoi_category_is_hidden(i) == 1)
#: Value dimensions (docs/methodology.md#value-dimensions).
DIMENSIONS: Tuple[str, ...] = _names(C.airoi_dimension_name)
#: Project periods: "year", "quarter", "month".
PERIODS: Tuple[str, ...] = _names(C.airoi_period_name)
#: Item frequencies ("once", "month", "quarter", "year", and "period": the project's).
PERS: Tuple[str, ...] = _names(C.airoi_per_name)
#: Project stages.
STAGES: Tuple[str, ...] = _names(C.airoi_stage_name)
#: Adoption curves ("none", "linear", "s_curve", "step").
CURVES: Tuple[str, ...] = _names(C.airoi_curve_name)
#: Metric names (the keys of ``metrics`` in the JSON report).
METRICS: Tuple[str, ...] = _names(C.airoi_metric_name)
#: Finding severities.
SEVERITIES: Tuple[str, ...] = _names(C.airoi_severity_name)
#: Schedule columns.
SCHEDULE_COLUMNS: Tuple[str, ...] = _names(C.airoi_schedule_column_name)

# airoi_project_param
_P_NAME, _P_CURRENCY, _P_USE_CASE, _P_PERIOD, _P_HORIZON, _P_DISCOUNT_RATE = 0, 1, 2, 3, 4, 5
_P_FINANCE_RATE, _P_REINVEST_RATE, _P_UNIT, _P_START, _P_STAGE = 6, 7, 8, 9, 10
# airoi_item_param
_ITEM_KINDS = {"cost": 0, "value": 1}  # airoi_item_kind
_I_NAME, _I_CURRENCY, _I_CATEGORY, _I_DIMENSION, _I_AMOUNT, _I_QUANTITY = 0, 1, 2, 3, 4, 5
_I_UNIT_AMOUNT, _I_PER, _I_AT, _I_FROM, _I_TO, _I_GROWTH = 6, 7, 8, 9, 10, 11
_I_REALIZATION, _I_ATTRIBUTION, _I_RISK_ADJUSTMENT, _I_MONETIZED = 12, 13, 14, 15
_I_CURVE, _I_ADOPT_PERIODS, _I_ADOPT_START, _I_ADOPT_CEILING = 16, 17, 18, 19
# airoi_scenario_param
_S_PROBABILITY, _S_DELAY, _S_ADOPTION_CEILING = 0, 1, 2
# airoi_eval_flags
_EVAL_HONEST = 1
# airoi_metric indices used by name
_M = {name: i for i, name in enumerate(METRICS)}


def _enum_index(names: Tuple[str, ...], value: Any, what: str) -> int:
    """The index of ``value`` (a name, or an index) in an enumeration; refused
    in the words of the library's parameter table ("category: expected one
    of people, ...; got 'peple'")."""
    if isinstance(value, str):
        try:
            return names.index(value)
        except ValueError:
            raise _lib.invalid("%s: expected one of %s; got '%s'"
                               % (what, ", ".join(names), value)) from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be a name (str), not %s" % (what, type(value).__name__))
    if not 0 <= value < len(names):
        raise _lib.invalid("%s: expected one of %s; got %d" % (what, ", ".join(names), value))
    return value


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
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError("%s must be a number, not %s" % (what, type(value).__name__))
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError("%s must be a number, not %s" % (what, type(value).__name__)) from None


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


# --- project -------------------------------------------------------------------------
class FX(MutableMapping):  # type: ignore[type-arg]
    """The project's exchange rates: ``project.fx["USD"] = 32`` means 1 USD =
    32 units of the project currency.  A live view: reads and writes go to the
    project.  Missing currencies raise KeyError."""

    __slots__ = ("_project",)

    def __init__(self, project: "Project") -> None:
        self._project = project

    def __getitem__(self, currency: str) -> float:
        p = self._project
        out = c_double()
        with p._lock:
            status = C.airoi_project_get_fx(ctypes.byref(out), p._h.ptr, _cstr(currency, "currency"))
        if status == _lib.AIROI_OK:
            return out.value
        if status == _lib.AIROI_ERR_NOT_FOUND:
            raise KeyError(currency)
        raise _lib.make_error(status)

    def __setitem__(self, currency: str, rate: float) -> None:
        p = self._project
        with p._lock:
            _lib.check(C.airoi_project_set_fx(p._h.ptr, _cstr(currency, "currency"), _number(rate, "rate")))

    def __delitem__(self, currency: str) -> None:
        p = self._project
        with p._lock:
            status = C.airoi_project_remove_fx(p._h.ptr, _cstr(currency, "currency"))
        if status == _lib.AIROI_ERR_NOT_FOUND:
            raise KeyError(currency)
        _lib.check(status)

    def _keys(self) -> List[str]:
        p = self._project
        with p._lock:
            n = C.airoi_project_count_fx(p._h.ptr)
            return [_text(C.airoi_project_get_fx_currency(p._h.ptr, i)) or "" for i in range(n)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        p = self._project
        with p._lock:
            return int(C.airoi_project_count_fx(p._h.ptr))

    def __repr__(self) -> str:
        return "FX(%r)" % dict(self.items())


class _Collection(Sequence):  # type: ignore[type-arg]
    """A live, read-only sequence of a project's items or scenarios; index by
    position or by name; ``del seq[i]`` (or ``del seq[name]``) removes."""

    __slots__ = ("_project", "_kind")

    def __init__(self, project: "Project", kind: str) -> None:
        self._project = project
        self._kind = kind

    def __len__(self) -> int:
        return self._project._count(self._kind)

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        p = self._project
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        if isinstance(key, str):
            obj = p._find(self._kind, key)
            if obj is None:
                raise KeyError(key)
            return obj
        if isinstance(key, bool) or not isinstance(key, int):
            raise TypeError("index must be an int or a name, not %s" % type(key).__name__)
        with p._lock:
            n = p._count(self._kind)
            i = key + n if key < 0 else key
            if not 0 <= i < n:
                raise IndexError("%s index %d out of range (%d)" % (self._kind, key, n))
            return p._wrap(self._kind, p._get_ptr(self._kind, i))

    def __delitem__(self, key: Any) -> None:
        self._project._remove(self._kind, self[key])

    def __contains__(self, obj: object) -> bool:
        if isinstance(obj, str):
            return self._project._find(self._kind, obj) is not None
        return any(x is obj for x in self)

    def names(self) -> List[str]:
        """The names, in order."""
        return [x.name for x in self]

    def __repr__(self) -> str:
        return "[%s]" % ", ".join(repr(x) for x in self)


class Project:
    """One AI investment: settings, cost and value items, scenarios.

    ``Project(name, **settings)`` makes an empty project (a one-year yearly
    model at a 0% discount rate until told otherwise); ``settings`` are any of
    the properties below (``currency="TWD", horizon=3, discount_rate=0.08,
    start="2026-01-01", fx={"USD": 32}``).  :meth:`load` and :meth:`from_yaml`
    read a model file (docs/model-format.md).
    """

    _SETTINGS = ("name", "currency", "unit", "start", "period", "horizon", "discount_rate",
                 "finance_rate", "reinvest_rate", "use_case", "stage", "fx")

    def __init__(self, name: str, **settings: Any) -> None:
        self._init(_new_handle(C.airoi_project_new, _cstr(name, "project name")))
        self._apply(settings)

    def _init(self, ptr: int) -> None:
        self._h = Handle(ptr, C.airoi_project_free, what="project")
        self._lock = threading.RLock()
        self._wrappers: "weakref.WeakValueDictionary[int, Any]" = weakref.WeakValueDictionary()
        #: Diagnostics (warnings) from loading the model file; empty when built in code.
        self.diagnostics: List[errors.Diagnostic] = []

    @classmethod
    def _adopt(cls, ptr: int) -> "Project":
        self = cls.__new__(cls)
        self._init(ptr)
        return self

    def _apply(self, settings: Dict[str, Any]) -> None:
        for key, value in settings.items():
            if key not in self._SETTINGS:
                raise TypeError("unknown project setting '%s' (expected one of: %s)"
                                % (key, ", ".join(self._SETTINGS)))
            setattr(self, key, value)

    # -- loading and saving --------------------------------------------------------
    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Project":
        """Loads a model file (YAML, docs/model-format.md).

        Raises :class:`airoi.ParseError` / :class:`airoi.ModelError` with
        ``file``, ``line``, ``column`` and every ``diagnostics`` entry;
        :class:`airoi.FileError` when the file cannot be read.
        """
        fspath = os.fspath(path)
        if isinstance(fspath, bytes):
            fspath = os.fsdecode(fspath)
        fn = C.airoi_model_load_file
        return cls._load(lambda out, diags: fn(out, diags, _cstr(fspath, "path"), 0))

    @classmethod
    def from_yaml(cls, text: Union[str, bytes], name: str = "<string>") -> "Project":
        """Loads a model from YAML text; ``name`` stands for the file in diagnostics."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        fn = C.airoi_model_load_buffer
        return cls._load(lambda out, diags: fn(out, diags, data, len(data), _cstr(name, "name"), 0))

    @classmethod
    def _load(cls, call: Any) -> "Project":
        out = c_void_p()
        diags = c_void_p()
        status = call(ctypes.byref(out), ctypes.byref(diags))
        message = _lib.last_error_message() if status else ""
        try:
            found = _read_diagnostics(diags)
        finally:
            C.airoi_diagnostics_free(diags)
        if status:
            if out.value:  # never expected: the loader sets *out = NULL on failure
                C.airoi_project_free(out)
            raise _model_error(status, message, found)
        project = cls._adopt(int(out.value or 0))
        project.diagnostics = found
        return project

    def to_yaml(self) -> str:
        """The project as model-file text (format v1); loads back to an identical project."""
        fn = C.airoi_model_save_buffer
        out = c_void_p()
        length = c_size_t()
        with self._lock:
            _lib.check(fn(ctypes.byref(out), ctypes.byref(length), self._h.ptr, 0))
        try:
            return ctypes.string_at(out.value, length.value).decode("utf-8")
        finally:
            C.airoi_free(out)

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the project to a model file."""
        fn = C.airoi_model_save_file
        with self._lock:
            _lib.check(fn(self._h.ptr, _cstr(os.fsdecode(os.fspath(path)), "path"), 0))

    def clone(self) -> "Project":
        """An independent deep copy (items and scenarios included)."""
        with self._lock:
            return Project._adopt(_new_handle(C.airoi_project_clone, self._h.ptr))

    def close(self) -> None:
        """Frees the C project now; its items, scenarios and this object become unusable."""
        with self._lock:
            self._h.close()

    @property
    def closed(self) -> bool:
        return self._h.closed

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._h.closed:
            return "<airoi.Project (closed)>"
        return "<airoi.Project %r: %d costs, %d values, %d scenarios>" % (
            self.name, len(self.costs), len(self.values), len(self.scenarios))

    # -- settings -----------------------------------------------------------------
    def _get_number(self, param: int) -> Optional[float]:
        out = c_double()
        with self._lock:
            status = C.airoi_project_get_number(ctypes.byref(out), self._h.ptr, param)
        if status == _lib.AIROI_ERR_NOT_FOUND:
            return None
        _lib.check(status)
        return out.value

    def _set_number(self, param: int, value: Any, what: str) -> None:
        v = _number(value, what)
        with self._lock:
            _lib.check(C.airoi_project_set_number(self._h.ptr, param, v))

    def _get_string(self, param: int) -> Optional[str]:
        with self._lock:
            return _text(C.airoi_project_get_string(self._h.ptr, param))

    def _set_string(self, param: int, value: Optional[str], what: str) -> None:
        raw = None if value is None else _cstr(value, what)
        with self._lock:
            _lib.check(C.airoi_project_set_string(self._h.ptr, param, raw))

    @property
    def name(self) -> str:
        """The project's name."""
        return self._get_string(_P_NAME) or ""

    @name.setter
    def name(self, value: str) -> None:
        self._set_string(_P_NAME, value, "name")

    @property
    def currency(self) -> Optional[str]:
        """ISO 4217 code of the project currency, or None (unset)."""
        return self._get_string(_P_CURRENCY)

    @currency.setter
    def currency(self, value: Optional[str]) -> None:
        self._set_string(_P_CURRENCY, value, "currency")

    @property
    def use_case(self) -> Optional[str]:
        """Benchmark key (docs/methodology.md#benchmarks), or None."""
        return self._get_string(_P_USE_CASE)

    @use_case.setter
    def use_case(self, value: Optional[str]) -> None:
        self._set_string(_P_USE_CASE, value, "use_case")

    @property
    def unit(self) -> float:
        """Scale of every amount (e.g. 10000); default 1."""
        return self._get_number(_P_UNIT) or 1.0

    @unit.setter
    def unit(self, value: float) -> None:
        self._set_number(_P_UNIT, value, "unit")

    @property
    def start(self) -> Optional[datetime.date]:
        """Start date (a ``datetime.date``), or None when unset; set from a date or ISO string."""
        v = self._get_number(_P_START)
        return None if v is None else from_day_number(int(v))

    @start.setter
    def start(self, value: Any) -> None:
        if value is None:
            raise _lib.invalid("start cannot be unset once set")
        self._set_number(_P_START, _to_date(value), "start")

    @property
    def period(self) -> str:
        """'year', 'quarter' or 'month'."""
        v = self._get_number(_P_PERIOD)
        return PERIODS[int(v or 0)]

    @period.setter
    def period(self, value: str) -> None:
        self._set_number(_P_PERIOD, _enum_index(PERIODS, value, "period"), "period")

    @property
    def horizon(self) -> int:
        """Number of periods after the start: the model covers periods 0..horizon."""
        return int(self._get_number(_P_HORIZON) or 0)

    @horizon.setter
    def horizon(self, value: int) -> None:
        self._set_number(_P_HORIZON, value, "horizon")

    @property
    def discount_rate(self) -> float:
        """Annual discount rate."""
        return self._get_number(_P_DISCOUNT_RATE) or 0.0

    @discount_rate.setter
    def discount_rate(self, value: float) -> None:
        self._set_number(_P_DISCOUNT_RATE, value, "discount_rate")

    @property
    def finance_rate(self) -> float:
        """Annual MIRR finance rate (the discount rate unless set)."""
        return self._get_number(_P_FINANCE_RATE) or 0.0

    @finance_rate.setter
    def finance_rate(self, value: float) -> None:
        self._set_number(_P_FINANCE_RATE, value, "finance_rate")

    @property
    def reinvest_rate(self) -> float:
        """Annual MIRR reinvestment rate (the discount rate unless set)."""
        return self._get_number(_P_REINVEST_RATE) or 0.0

    @reinvest_rate.setter
    def reinvest_rate(self, value: float) -> None:
        self._set_number(_P_REINVEST_RATE, value, "reinvest_rate")

    @property
    def stage(self) -> str:
        """'strategy', 'poc', 'mvp', 'scale' or 'production' (the default)."""
        v = self._get_number(_P_STAGE)
        return STAGES[int(v or 0)]

    @stage.setter
    def stage(self, value: str) -> None:
        self._set_number(_P_STAGE, _enum_index(STAGES, value, "stage"), "stage")

    @property
    def fx(self) -> FX:
        """Exchange rates as a live mapping; assign a dict to replace them all."""
        return FX(self)

    @fx.setter
    def fx(self, rates: Dict[str, float]) -> None:
        view = FX(self)
        with self._lock:
            for currency in list(view):
                del view[currency]
            for currency, rate in dict(rates).items():
                view[currency] = rate

    def settings(self) -> Dict[str, Any]:
        """Every project setting as a dict (the keys of ``project:`` in a model file, and ``fx``)."""
        with self._lock:
            return {
                "name": self.name, "currency": self.currency, "unit": self.unit, "start": self.start,
                "period": self.period, "horizon": self.horizon, "discount_rate": self.discount_rate,
                "finance_rate": self.finance_rate, "reinvest_rate": self.reinvest_rate,
                "use_case": self.use_case, "stage": self.stage, "fx": dict(self.fx),
            }

    # -- items and scenarios ------------------------------------------------------
    @property
    def costs(self) -> _Collection:
        """The cost items (a live sequence of :class:`CostItem`; index by position or name)."""
        return _Collection(self, "cost")

    @property
    def values(self) -> _Collection:
        """The value items (a live sequence of :class:`ValueItem`)."""
        return _Collection(self, "value")

    @property
    def scenarios(self) -> _Collection:
        """The scenarios (a live sequence of :class:`Scenario`)."""
        return _Collection(self, "scenario")

    def add_cost(self, name: str, category: str, **settings: Any) -> "CostItem":
        """Adds a cost item; ``settings`` use the model file keys (``amount``,
        ``quantity``, ``unit_amount``, ``per``, ``at``, ``from`` or ``from_``,
        ``to``, ``growth``, ``currency``, ``amounts``, ``risk_adjustment``).
        If a setting is refused, the item is not added."""
        cat = _enum_index(CATEGORIES, category, "category")
        return self._add("cost", CostItem, settings, C.airoi_project_add_cost, _cstr(name, "item name"), cat)

    def add_value(self, name: str, dimension: str, **settings: Any) -> "ValueItem":
        """Adds a value item; ``settings`` as for :meth:`add_cost` plus
        ``realization``, ``attribution``, ``monetized`` and ``adoption``
        (a dict with ``curve``, ``periods``, ``start``, ``ceiling``)."""
        dim = _enum_index(DIMENSIONS, dimension, "dimension")
        return self._add("value", ValueItem, settings, C.airoi_project_add_value, _cstr(name, "item name"), dim)

    def add_scenario(self, name: str, probability: float, multipliers: Optional[Dict[str, float]] = None,
                     delay: int = 0, adoption_ceiling: Optional[float] = None) -> "Scenario":
        """Adds a scenario: ``multipliers`` maps targets (an item, a category, a
        dimension, or ``values`` / ``costs``) to factors; ``delay`` moves every
        value stream later by that many periods; ``adoption_ceiling`` caps adoption."""
        settings: Dict[str, Any] = {}
        if multipliers:
            settings["multipliers"] = multipliers
        if delay:
            settings["delay"] = delay
        if adoption_ceiling is not None:
            settings["adoption_ceiling"] = adoption_ceiling
        return self._add("scenario", Scenario, settings, C.airoi_project_add_scenario,
                         _cstr(name, "scenario name"), _number(probability, "probability"))

    def _add(self, kind: str, cls: Any, settings: Dict[str, Any], fn: Any, *args: Any) -> Any:
        cls._check_settings(settings)
        with self._lock:
            ptr = _new_handle(fn, self._h.ptr, *args)
            obj = self._wrap(kind, ptr)
            try:
                for key, value in settings.items():
                    setattr(obj, cls._ATTR.get(key, key), value)
            except BaseException:
                self._remove(kind, obj)
                raise
            return obj

    def remove_cost(self, item: Union["CostItem", str, int]) -> None:
        """Removes a cost item (given as the object, its name or its index);
        the Python object becomes unusable (ClosedError)."""
        self._remove("cost", self.costs[item] if not isinstance(item, CostItem) else item)

    def remove_value(self, item: Union["ValueItem", str, int]) -> None:
        """Removes a value item (object, name or index)."""
        self._remove("value", self.values[item] if not isinstance(item, ValueItem) else item)

    def remove_scenario(self, scenario: Union["Scenario", str, int]) -> None:
        """Removes a scenario (object, name or index)."""
        self._remove("scenario", self.scenarios[scenario] if not isinstance(scenario, Scenario) else scenario)

    def _count(self, kind: str) -> int:
        with self._lock:
            if kind == "scenario":
                return int(C.airoi_project_count_scenarios(self._h.ptr))
            return int(C.airoi_project_count_items(self._h.ptr, _ITEM_KINDS[kind]))

    def _get_ptr(self, kind: str, i: int) -> int:
        if kind == "scenario":
            ptr = C.airoi_project_get_scenario_mutable(self._h.ptr, i)
        else:
            ptr = C.airoi_project_get_item_mutable(self._h.ptr, _ITEM_KINDS[kind], i)
        if not ptr:
            raise IndexError("%s index %d out of range" % (kind, i))
        return int(ptr)

    def _find(self, kind: str, name: str) -> Any:
        raw = _cstr(name, "name")
        found_kind = ctypes.c_int(-1)
        index = c_size_t(0)
        with self._lock:
            if kind == "scenario":
                status = C.airoi_project_find_scenario(ctypes.byref(index), self._h.ptr, raw)
            else:
                status = C.airoi_project_find_item(ctypes.byref(found_kind), ctypes.byref(index),
                                                   self._h.ptr, raw)
            if status == _lib.AIROI_ERR_NOT_FOUND:
                return None
            if kind != "scenario" and found_kind.value != _ITEM_KINDS[kind]:
                return None
            _lib.check(status)
            return self._wrap(kind, self._get_ptr(kind, index.value))

    def _remove_at(self, kind: str, i: int) -> int:
        if kind == "scenario":
            return int(C.airoi_project_remove_scenario(self._h.ptr, i))
        return int(C.airoi_project_remove_item(self._h.ptr, _ITEM_KINDS[kind], i))

    def _wrap(self, kind: str, ptr: int) -> Any:
        """The unique Python object of a C item or scenario of this project."""
        obj = self._wrappers.get(ptr)
        if obj is None or obj._kind != kind:
            cls = {"cost": CostItem, "value": ValueItem, "scenario": Scenario}[kind]
            obj = cls.__new__(cls)
            obj._project = self
            obj._h = Handle(ptr, None, self._h, what=cls.__name__)
            self._wrappers[ptr] = obj
        return obj

    def _remove(self, kind: str, obj: Any) -> None:
        if obj._project is not self:
            raise _lib.invalid("%r does not belong to project %r" % (obj, self.name))
        with self._lock:
            ptr = obj._h.address  # raises ClosedError when already removed
            name = obj.name
            n = self._count(kind)
            for i in range(n):
                if self._get_ptr(kind, i) == ptr:
                    _lib.check(self._remove_at(kind, i))
                    break
            else:  # pragma: no cover - the wrapper registry guarantees membership
                raise errors.InternalError("airoi: %s '%s' not found in its project" % (kind, name))
            self._wrappers.pop(ptr, None)
            what = {"cost": "cost item", "value": "value item"}.get(kind, kind)
            obj._h.invalidate("%s '%s' was removed from its project" % (what, name))

    # -- evaluation ---------------------------------------------------------------
    def validate(self) -> None:
        """Raises :class:`airoi.ModelError` (or InvalidInputError ...) when the
        model is inconsistent: periods outside the horizon, probabilities not
        summing to 1, a currency without an FX rate, an unknown target ..."""
        with self._lock:
            _lib.check(C.airoi_project_validate(self._h.ptr))

    def evaluate(self, scenario: Optional[str] = None, honest: bool = False) -> "Result":
        """Evaluates the project (the base case, or one scenario by name);
        ``honest=True`` applies the reference underestimation uplifts
        (docs/methodology.md#honest-estimate)."""
        if isinstance(scenario, Scenario):
            scenario = scenario.name
        raw = None if scenario is None else _cstr(scenario, "scenario")
        out = c_void_p()
        with self._lock:
            _lib.check(C.airoi_project_evaluate(ctypes.byref(out), self._h.ptr, raw,
                                                _EVAL_HONEST if honest else 0))
        return Result._owned(int(out.value or 0))

    def report(self, format: str = "text", scenario: Optional[str] = None, honest: bool = False,
               sections: Union[str, int, None] = None) -> str:
        """The report of ``airoi report`` (format 'text', 'json', 'csv' or 'md'),
        written by the C report API from a fresh evaluation.  ``sections``:
        None (all), 'audit', 'compare', or an or-ed ``airoi_report_section`` int."""
        with self.evaluate(scenario, honest) as result:
            return result.report(format, sections)


_SECTIONS = {None: 0, "all": 0, "metrics": 1, "tco": 2, "schedule": 4, "scenarios": 8,
             "findings": 16, "benchmark": 32, "audit": 2 | 16, "compare": 1 | 32}


def _read_diagnostics(diags: c_void_p) -> List[errors.Diagnostic]:
    if not diags.value:
        return []
    out = []
    for i in range(int(C.airoi_diagnostics_count(diags))):
        file = ctypes.c_char_p()
        message = ctypes.c_char_p()
        line = c_int32()
        column = c_int32()
        if C.airoi_diagnostics_get(ctypes.byref(file), ctypes.byref(line), ctypes.byref(column),
                                   ctypes.byref(message), diags, i) != _lib.AIROI_OK:
            continue
        status = ctypes.c_int(0)
        if C.airoi_diagnostics_get_status(ctypes.byref(status), diags, i) != _lib.AIROI_OK:
            status.value = 0
        d = errors.Diagnostic(_text(file.value), int(line.value), int(column.value),
                              _text(message.value) or "", "", int(status.value))
        out.append(d._replace(text=_text(C.airoi_diagnostics_get_text(diags, i)) or str(d)))
    return out


def _model_error(status: int, message: str, diagnostics: List[errors.Diagnostic]) -> errors.Error:
    """The exception for a failed load: ModelError / ParseError carry the first
    diagnostic's position and every diagnostic; other statuses (I/O, limits,
    memory) keep their class and get ``diagnostics`` as an attribute."""
    cls = errors.error_class(status)
    text = message or (str(diagnostics[0]) if diagnostics else _lib.status_str(status))
    if issubclass(cls, errors.ModelError):
        first = next((d for d in diagnostics if d.line > 0), diagnostics[0] if diagnostics else None)
        if first is not None:
            return cls(text, status, first.file, first.line if first.line > 0 else None,
                       first.column if first.line > 0 else None, diagnostics)
        return cls(text, status, diagnostics=diagnostics)
    err = cls(text, status)
    err.diagnostics = diagnostics  # type: ignore[attr-defined]
    return err


# --- items ---------------------------------------------------------------------------
class _Borrowed:
    """Common part of items and scenarios: borrowed from a project."""

    _kind = ""
    _project: Project
    _h: Handle
    _ATTR: Dict[str, str] = {}
    _KEYS: Tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("%s objects are made by Project.add_%s()" % (type(self).__name__, self._kind))

    @classmethod
    def _check_settings(cls, settings: Dict[str, Any]) -> None:
        for key in settings:
            if key not in cls._KEYS and key not in cls._ATTR:
                raise TypeError("unknown %s setting '%s' (expected one of: %s)"
                                % (cls.__name__, key, ", ".join(cls._KEYS)))

    @property
    def project(self) -> Project:
        """The project this belongs to."""
        return self._project

    @property
    def removed(self) -> bool:
        """True once removed from its project (or its project was closed)."""
        return self._h.closed

    def remove(self) -> None:
        """Removes this from its project; the object becomes unusable."""
        self._project._remove(self._kind, self)

    def __repr__(self) -> str:
        if self._h.closed:
            return "<airoi.%s (removed)>" % type(self).__name__
        return "<airoi.%s %r>" % (type(self).__name__, self.name)


def _item_number(param: int, kind: type = float, doc: str = "") -> property:
    def fget(self: "_Item") -> Any:
        v = self._get(param)
        return kind(v) if kind is not float else v

    def fset(self: "_Item", value: Any) -> None:
        if kind is bool:
            value = 1.0 if value else 0.0
        self._set(param, value)

    return property(fget, fset, doc=doc)


def _item_optional(param: int, doc: str = "") -> property:
    def fget(self: "_Item") -> Optional[float]:
        with self._project._lock:
            if not self._is_set(param):
                return None
            return self._get(param)

    def fset(self: "_Item", value: Any) -> None:
        self._set(param, value)

    return property(fget, fset, doc=doc)


class _Item(_Borrowed):
    """Common part of cost and value items: one C handle, ``airoi_item``."""

    _ATTR = {"from": "from_", "from_": "from_"}

    def _get(self, param: int) -> float:
        out = c_double()
        with self._project._lock:
            _lib.check(C.airoi_item_get_number(ctypes.byref(out), self._h.ptr, param))
        return out.value

    def _set(self, param: int, value: Any) -> None:
        v = _number(value, "value")
        with self._project._lock:
            _lib.check(C.airoi_item_set_number(self._h.ptr, param, v))

    def _is_set(self, param: int) -> bool:
        with self._project._lock:
            return bool(C.airoi_item_is_set(self._h.ptr, param))

    @property
    def name(self) -> str:
        """The item's name (unique among the project's items)."""
        with self._project._lock:
            return _text(C.airoi_item_get_string(self._h.ptr, _I_NAME)) or ""

    @name.setter
    def name(self, value: str) -> None:
        with self._project._lock:
            _lib.check(C.airoi_item_set_string(self._h.ptr, _I_NAME, _cstr(value, "name")))

    @property
    def currency(self) -> Optional[str]:
        """Currency code, or None for the project currency."""
        with self._project._lock:
            return _text(C.airoi_item_get_string(self._h.ptr, _I_CURRENCY))

    @currency.setter
    def currency(self, value: Optional[str]) -> None:
        raw = None if value is None else _cstr(value, "currency")
        with self._project._lock:
            _lib.check(C.airoi_item_set_string(self._h.ptr, _I_CURRENCY, raw))

    amount = _item_number(_I_AMOUNT, float,
                          "Amount per ``per`` (quantity x unit_amount when those are set); setting it "
                          "clears quantity, unit_amount and amounts.")
    quantity = _item_optional(_I_QUANTITY, "Quantity of amount = quantity x unit_amount, or None.")
    unit_amount = _item_optional(_I_UNIT_AMOUNT, "Unit amount of amount = quantity x unit_amount, or None.")
    at = _item_number(_I_AT, int, "Period of a one-time amount (default 0).")
    from_ = _item_number(_I_FROM, int, "First period of a recurring amount or list (default 1); "
                                       "also readable as ``getattr(item, 'from')``.")
    to = _item_number(_I_TO, int, "Last period of a recurring amount (default: the horizon).")
    growth = _item_number(_I_GROWTH, float, "Annual escalation of a recurring amount (default 0).")
    risk_adjustment = _item_number(_I_RISK_ADJUSTMENT, float,
                                   "Forrester-style haircut h: values x (1-h), costs x (1+h).")

    def __getattr__(self, name: str) -> Any:
        if name == "from":
            return self.from_
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "from":
            name = "from_"
        if not name.startswith("_") and not hasattr(type(self), name):
            raise AttributeError("%s has no setting %r" % (type(self).__name__, name))
        object.__setattr__(self, name, value)

    @property
    def per(self) -> str:
        """'once', 'month', 'quarter', 'year', or 'period' (the project's period, the default)."""
        return PERS[int(self._get(_I_PER))]

    @per.setter
    def per(self, value: str) -> None:
        self._set(_I_PER, _enum_index(PERS, value, "per"))

    @property
    def amounts(self) -> Optional[List[float]]:
        """Explicit per-period amounts from ``from`` on, or None."""
        with self._project._lock:
            values = _lib.read_doubles(C.airoi_item_get_amounts, self._h.ptr)
        return values or None

    @amounts.setter
    def amounts(self, values: Optional[Sequence[float]]) -> None:
        ptr, n, keep = _lib.doubles([] if values is None else values, "amounts")
        with self._project._lock:
            _lib.check(C.airoi_item_set_amounts(self._h.ptr, ptr, n))
        del keep

    def settings(self) -> Dict[str, Any]:
        """Every setting as a dict with the model file key names."""
        with self._project._lock:
            return {key: getattr(self, self._ATTR.get(key, key)) for key in self._KEYS}


class CostItem(_Item):
    """One cost line of a project (made by :meth:`Project.add_cost`)."""

    _kind = "cost"
    _KEYS = ("name", "category", "amount", "quantity", "unit_amount", "per", "at", "from", "to",
             "growth", "currency", "amounts", "risk_adjustment")

    @property
    def category(self) -> str:
        """Cost category (docs/methodology.md#cost-categories)."""
        return CATEGORIES[int(self._get(_I_CATEGORY))]

    @category.setter
    def category(self, value: str) -> None:
        self._set(_I_CATEGORY, _enum_index(CATEGORIES, value, "category"))

    @property
    def hidden(self) -> bool:
        """True for a hidden-cost category (data_governance, integration, ...)."""
        return self.category in HIDDEN_CATEGORIES


class ValueItem(_Item):
    """One benefit line of a project (made by :meth:`Project.add_value`)."""

    _kind = "value"
    _KEYS = ("name", "dimension", "amount", "quantity", "unit_amount", "per", "at", "from", "to",
             "growth", "currency", "amounts", "realization", "attribution", "risk_adjustment",
             "monetized", "adoption")

    realization = _item_number(_I_REALIZATION, float, "Share that is real cash, 0..1 (default 1).")
    attribution = _item_number(_I_ATTRIBUTION, float, "Share caused by the AI, 0..1 (default 1).")
    monetized = _item_number(_I_MONETIZED, bool, "Whether a strategic value counts in financial metrics.")

    @property
    def dimension(self) -> str:
        """Value dimension: efficiency, revenue, risk or strategic."""
        return DIMENSIONS[int(self._get(_I_DIMENSION))]

    @dimension.setter
    def dimension(self, value: str) -> None:
        self._set(_I_DIMENSION, _enum_index(DIMENSIONS, value, "dimension"))

    _ADOPTION = (("curve", _I_CURVE), ("periods", _I_ADOPT_PERIODS), ("start", _I_ADOPT_START),
                 ("ceiling", _I_ADOPT_CEILING))

    @property
    def adoption(self) -> Optional[Dict[str, Any]]:
        """The adoption ramp ``{curve, periods, start, ceiling}``, or None when
        there is none (adoption 1).  Set a dict (missing keys keep their
        values) or None to remove the ramp."""
        with self._project._lock:
            if not any(self._is_set(p) for _, p in self._ADOPTION) and self._get(_I_CURVE) == 0:
                return None
            curve = CURVES[int(self._get(_I_CURVE))]
            periods = self._get(_I_ADOPT_PERIODS)
            return {"curve": curve, "periods": int(periods) if periods == int(periods) else periods,
                    "start": self._get(_I_ADOPT_START), "ceiling": self._get(_I_ADOPT_CEILING)}

    @adoption.setter
    def adoption(self, value: Optional[Dict[str, Any]]) -> None:
        if value is None:
            value = {"curve": "none", "periods": 0, "start": 0.0, "ceiling": 1.0}
        if not isinstance(value, dict):
            raise TypeError("adoption must be a dict with curve, periods, start, ceiling")
        unknown = set(value) - {k for k, _ in self._ADOPTION}
        if unknown:
            raise TypeError("unknown adoption key(s): %s (expected curve, periods, start, ceiling)"
                            % ", ".join(sorted(unknown)))
        with self._project._lock:
            for key, param in self._ADOPTION:
                if key in value:
                    v = value[key]
                    if key == "curve":
                        v = _enum_index(CURVES, v, "adoption.curve")
                    self._set(param, v)


class Scenario(_Borrowed):
    """A named, probability-weighted variant of the project (:meth:`Project.add_scenario`)."""

    _kind = "scenario"
    _KEYS = ("probability", "multipliers", "delay", "adoption_ceiling")

    def _get(self, param: int) -> float:
        out = c_double()
        with self._project._lock:
            _lib.check(C.airoi_scenario_get_number(ctypes.byref(out), self._h.ptr, param))
        return out.value

    def _set(self, param: int, value: Any, what: str) -> None:
        v = _number(value, what)
        with self._project._lock:
            _lib.check(C.airoi_scenario_set_number(self._h.ptr, param, v))

    @property
    def name(self) -> str:
        """The scenario's name."""
        with self._project._lock:
            return _text(C.airoi_scenario_get_name(self._h.ptr)) or ""

    @property
    def probability(self) -> float:
        return self._get(_S_PROBABILITY)

    @probability.setter
    def probability(self, value: float) -> None:
        self._set(_S_PROBABILITY, value, "probability")

    @property
    def delay(self) -> int:
        """Periods by which every value stream moves later."""
        return int(self._get(_S_DELAY))

    @delay.setter
    def delay(self, value: int) -> None:
        self._set(_S_DELAY, value, "delay")

    @property
    def adoption_ceiling(self) -> Optional[float]:
        """Cap on every value item's adoption, or None (no cap)."""
        with self._project._lock:
            if not C.airoi_scenario_is_set(self._h.ptr, _S_ADOPTION_CEILING):
                return None
            return self._get(_S_ADOPTION_CEILING)

    @adoption_ceiling.setter
    def adoption_ceiling(self, value: float) -> None:
        self._set(_S_ADOPTION_CEILING, value, "adoption_ceiling")

    @property
    def multipliers(self) -> Dict[str, float]:
        """Target -> factor (a copy); assign a dict to replace them all."""
        out: Dict[str, float] = {}
        with self._project._lock:
            for i in range(int(C.airoi_scenario_count_multipliers(self._h.ptr))):
                target = ctypes.c_char_p()
                factor = c_double()
                _lib.check(C.airoi_scenario_get_multiplier(ctypes.byref(target), ctypes.byref(factor),
                                                           self._h.ptr, i))
                out[_text(target.value) or ""] = factor.value
        return out

    @multipliers.setter
    def multipliers(self, value: Dict[str, float]) -> None:
        items = [(_cstr(k, "multiplier target"), _number(v, "multiplier")) for k, v in dict(value).items()]
        with self._project._lock:
            while C.airoi_scenario_count_multipliers(self._h.ptr):
                _lib.check(C.airoi_scenario_remove_multiplier(self._h.ptr, 0))
            for target, factor in items:
                _lib.check(C.airoi_scenario_add_multiplier(self._h.ptr, target, factor))

    def set_multiplier(self, target: str, factor: float) -> None:
        """Sets (adds or replaces) the multiplier of one target."""
        with self._project._lock:
            _lib.check(C.airoi_scenario_add_multiplier(self._h.ptr, _cstr(target, "target"),
                                                       _number(factor, "factor")))

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_") and not hasattr(type(self), name):
            raise AttributeError("Scenario has no setting %r" % name)
        object.__setattr__(self, name, value)

    def settings(self) -> Dict[str, Any]:
        """name, probability, multipliers, delay, adoption_ceiling as a dict."""
        with self._project._lock:
            return {"name": self.name, "probability": self.probability, "multipliers": self.multipliers,
                    "delay": self.delay, "adoption_ceiling": self.adoption_ceiling}


# --- schedules -----------------------------------------------------------------------
class Schedule:
    """A cash-flow schedule: per period costs, benefits, net, cumulative,
    discounted ... (``airoi_schedule``).  From a result
    (:meth:`Result.to_schedule`, borrowed: it keeps the result alive) or from
    arrays (:meth:`from_arrays`).  Columns read as lists of floats."""

    __slots__ = ("_h", "_owner", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use Schedule.from_arrays(costs, benefits, rate) or Result.to_schedule()")

    @classmethod
    def _make(cls, handle: Handle, owner: Any) -> "Schedule":
        self = cls.__new__(cls)
        self._h = handle
        self._owner = owner  # the Result it is borrowed from (kept alive), or None
        return self

    @classmethod
    def from_arrays(cls, costs: Sequence[float], benefits: Sequence[float], rate: float) -> "Schedule":
        """A schedule of per-period costs and benefits (periods 0..n-1)
        discounted at the per-period ``rate``."""
        cp, n, ck = _lib.doubles(costs, "costs")
        bp, m, bk = _lib.doubles(benefits, "benefits")
        if n != m:
            raise _lib.invalid("costs and benefits differ in length (%d and %d)" % (n, m))
        ptr = _new_handle(C.airoi_schedule_new, cp, bp, n, _number(rate, "rate"))
        del ck, bk
        return cls._make(Handle(ptr, C.airoi_schedule_free, what="Schedule"), None)

    def clone(self) -> "Schedule":
        """An independent copy (owns itself, does not keep a result alive)."""
        ptr = _new_handle(C.airoi_schedule_clone, self._h.ptr)
        return Schedule._make(Handle(ptr, C.airoi_schedule_free, what="Schedule"), None)

    def close(self) -> None:
        """Frees an owned schedule now (a borrowed one is only forgotten)."""
        self._h.close()

    def __enter__(self) -> "Schedule":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __len__(self) -> int:
        return int(C.airoi_schedule_count_periods(self._h.ptr))

    @property
    def periods(self) -> int:
        """Number of periods."""
        return len(self)

    @property
    def rate(self) -> float:
        """Per-period discount rate."""
        return float(C.airoi_schedule_get_rate(self._h.ptr))

    def column(self, name: str) -> List[float]:
        """One column by name (see :data:`SCHEDULE_COLUMNS`)."""
        col = _enum_index(SCHEDULE_COLUMNS, name, "schedule column")
        return _lib.read_doubles(C.airoi_schedule_get_column, self._h.ptr, col, cap=max(len(self), 1))

    def by_category(self, category: str) -> List[float]:
        """Costs of one category per period (schedules from a result only)."""
        cat = _enum_index(CATEGORIES, category, "category")
        return _lib.read_doubles(C.airoi_schedule_get_category, self._h.ptr, cat, cap=max(len(self), 1))

    def by_dimension(self, dimension: str) -> List[float]:
        """Benefits of one dimension per period (schedules from a result only)."""
        dim = _enum_index(DIMENSIONS, dimension, "dimension")
        return _lib.read_doubles(C.airoi_schedule_get_dimension, self._h.ptr, dim, cap=max(len(self), 1))

    costs = property(lambda self: self.column("costs"), doc="Costs per period.")
    benefits = property(lambda self: self.column("benefits"), doc="Benefits per period.")
    net = property(lambda self: self.column("net"), doc="benefits - costs.")
    cumulative = property(lambda self: self.column("cumulative"), doc="Running sum of net.")
    discounted = property(lambda self: self.column("discounted"), doc="net x discount factor.")
    discounted_cumulative = property(lambda self: self.column("discounted_cumulative"),
                                     doc="Running sum of discounted net.")
    discount_factor = property(lambda self: self.column("discount_factor"), doc="1 / (1 + rate)^t.")
    discounted_costs = property(lambda self: self.column("discounted_costs"), doc="costs x discount factor.")
    discounted_benefits = property(lambda self: self.column("discounted_benefits"),
                                   doc="benefits x discount factor.")

    def columns(self) -> Dict[str, List[float]]:
        """Every column as name -> list."""
        return {name: self.column(name) for name in SCHEDULE_COLUMNS}

    def to_list(self) -> List[Dict[str, float]]:
        """One dict per period: ``period`` and every column."""
        cols = self.columns()
        return [dict({"period": t}, **{k: v[t] for k, v in cols.items()}) for t in range(len(self))]

    def to_pandas(self) -> Any:
        """A pandas DataFrame indexed by period (needs pandas)."""
        import pandas

        frame = pandas.DataFrame(self.columns())
        frame.index.name = "period"
        return frame

    def __repr__(self) -> str:
        if self._h.closed:
            return "<airoi.Schedule (closed)>"
        return "<airoi.Schedule %d periods at %g>" % (len(self), self.rate)


# --- results -------------------------------------------------------------------------
# A metric with no solution (IRR, MIRR) or an undefined one (payback never
# reached, a ratio over zero costs) reads as None, as it is null in JSON.
_NOT_AVAILABLE = (_lib.AIROI_ERR_NO_SOLUTION, _lib.AIROI_ERR_UNDEFINED)


class Result:
    """What evaluating a project yields (:meth:`Project.evaluate`).

    Metrics are attributes (``result.npv``, ``result.irr``,
    ``result.payback_periods`` ...; None when the figure does not exist: no
    IRR, never paid back) and the dict :attr:`metrics` (JSON key names).
    :attr:`settings`, :attr:`tco`, :attr:`value`, :attr:`schedule` (list of
    dicts), :attr:`findings` and :attr:`benchmark` are sections of the JSON
    report that :meth:`to_dict` gives (the C report writer's document,
    parsed); :attr:`scenarios` are the per-scenario sub-results.  A result
    holds the project settings it was computed with: it does not change
    when its project changes later, and neither do its reports.
    """

    __slots__ = ("_h", "_parent", "_cache", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("results are made by Project.evaluate()")

    @classmethod
    def _owned(cls, ptr: int) -> "Result":
        self = cls.__new__(cls)
        self._h = Handle(ptr, C.airoi_result_free, what="Result")
        self._parent = None
        self._cache: Dict[str, Any] = {}
        return self

    @classmethod
    def _borrowed(cls, ptr: int, parent: "Result") -> "Result":
        self = cls.__new__(cls)
        self._h = Handle(ptr, None, parent._h, what="scenario result")
        self._parent = parent  # keeps the top-level result (and its memory) alive
        self._cache = {}
        return self

    def close(self) -> None:
        """Frees the C result now; sub-results and schedules taken from it become unusable."""
        if self._parent is None:
            self._h.close()

    def __enter__(self) -> "Result":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _cached(self, key: str, make: Any) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = make()
            return value

    # -- metrics ------------------------------------------------------------------
    def metric(self, name: str) -> Optional[float]:
        """One metric by its JSON name; None when it does not exist for this schedule."""
        if name not in _M:
            raise errors.NotFoundError("unknown metric '%s' (expected one of: %s)" % (name, ", ".join(METRICS)))
        return self._cached("metrics", self._read_metrics)[name]

    def _read_metrics(self) -> Dict[str, Optional[float]]:
        out: Dict[str, Optional[float]] = {}
        value = c_double()
        for i, name in enumerate(METRICS):
            status = C.airoi_result_get_metric(ctypes.byref(value), self._h.ptr, i)
            if status == _lib.AIROI_OK:
                out[name] = value.value
            elif status in _NOT_AVAILABLE:
                out[name] = None
            else:
                _lib.raise_status(status)
        return out

    @property
    def metrics(self) -> Dict[str, Optional[float]]:
        """Every metric, keyed by its JSON name (``npv``, ``irr``, ``mirr``,
        ``roi_basic``, ``roi_horizon``, ``roi_risk_adjusted``, ``expected_npv``,
        ``npv_roi``, ``bcr``, ``payback_periods``, ``discounted_payback_periods``, ...)."""
        return dict(self._cached("metrics", self._read_metrics))

    def __getattr__(self, name: str) -> Any:
        if name in _M:
            return self._cached("metrics", self._read_metrics)[name]
        raise AttributeError("'Result' object has no attribute %r" % name)

    def __dir__(self) -> List[str]:
        return sorted(set(object.__dir__(self)) | set(METRICS))

    # -- what the result describes ------------------------------------------------
    @property
    def scenario(self) -> Optional[str]:
        """Name of the scenario this result is for, or None for the base case."""
        return _text(C.airoi_result_get_scenario_name(self._h.ptr))

    @property
    def name(self) -> Optional[str]:
        """Same as :attr:`scenario`."""
        return self.scenario

    @property
    def probability(self) -> Optional[float]:
        """The scenario's probability, or None for a base-case result."""
        out = c_double()
        status = C.airoi_result_get_probability(ctypes.byref(out), self._h.ptr)
        if status == _lib.AIROI_ERR_NOT_FOUND:
            return None
        _lib.check(status)
        return out.value

    @property
    def honest(self) -> bool:
        """Whether the honest-estimate uplifts were applied."""
        return bool(C.airoi_result_get_flags(self._h.ptr) & _EVAL_HONEST)

    # -- sections of the document ---------------------------------------------------
    def _section(self, key: str) -> Any:
        return _copy(self._cached("document", self.to_dict).get(key))

    @property
    def settings(self) -> Dict[str, Any]:
        """The project settings this result was computed with (the JSON
        report's ``project``: ``name``, ``currency``, ``unit``, ``period``,
        ``periods_per_year``, ``horizon``, ``discount_rate``, ``period_rate``,
        ``finance_rate``, ``reinvest_rate``, ``start``, ``use_case``, ``stage``)."""
        return self._section("project")

    @property
    def tco(self) -> Dict[str, Any]:
        """``total``, ``direct``, ``hidden``, ``hidden_share``, ``by_category``,
        ``hidden_categories``, ``pv``, ``annual`` (the JSON report's ``tco``)."""
        return self._section("tco")

    @property
    def value(self) -> Dict[str, Any]:
        """``total``, ``by_dimension``, ``strategic_unmonetized``, ``pv``, ``annual``."""
        return self._section("value")

    # -- schedule -------------------------------------------------------------------
    def to_schedule(self) -> Schedule:
        """The result's :class:`Schedule` (borrowed: it keeps this result alive)."""
        ptr = C.airoi_result_get_schedule(self._h.ptr)
        if not ptr:
            raise errors.InternalError("airoi: the result has no schedule")
        return Schedule._make(Handle(ptr, None, self._h, what="Schedule"), self)

    @property
    def schedule(self) -> List[Dict[str, Any]]:
        """One dict per period: ``period``, ``costs``, ``benefits``, ``net``,
        ``cumulative``, ``discounted``, ``discounted_cumulative``,
        ``discount_factor``, ``discounted_costs``, ``discounted_benefits``,
        ``costs_by_category`` and ``benefits_by_dimension``."""
        return self._section("schedule")

    # -- scenarios, findings, benchmark ---------------------------------------------
    @property
    def scenarios(self) -> List["Result"]:
        """Per-scenario sub-results (each with ``name`` and ``probability``),
        in the project's order; empty for a project without scenarios and for
        the result of one scenario."""
        def make() -> List[Result]:
            n = int(C.airoi_result_count_scenarios(self._h.ptr))
            return [Result._borrowed(int(C.airoi_result_get_scenario(self._h.ptr, i)), self) for i in range(n)]
        return list(self._cached("scenarios", make))

    @property
    def findings(self) -> List[Dict[str, Any]]:
        """Audit findings: ``code``, ``severity``, ``message``, ``subject``,
        ``actual``, ``reference`` (base-case results only)."""
        return self._section("findings")

    @property
    def benchmark(self) -> Optional[Dict[str, Any]]:
        """The comparison with the project's use case
        (docs/methodology.md#benchmarks), or None when the project had none:
        ``use_case``, ``label``, ``dimensions`` and, for
        ``roi``, ``payback_months``, ``investment``: ``low``, ``high``,
        ``value``, ``position`` ('below', 'within', 'above' or None)."""
        return self._section("benchmark")

    # -- whole document --------------------------------------------------------------
    def to_dict(self) -> Dict[str, Any]:
        """The document ``airoi report --format json`` prints for this result,
        as Python objects: the C report writer's JSON, parsed."""
        return json.loads(self.to_json(), parse_int=float, object_hook=_counts_as_int)

    def to_json(self, sections: Union[str, int, None] = None) -> str:
        """The JSON report of this result (``report("json", sections)``)."""
        return self.report("json", sections)

    def report(self, format: str = "text", sections: Union[str, int, None] = None) -> str:
        """The report of this result in ``format`` ('text', 'json', 'csv' or
        'md'), written by the C report writer from the result alone.
        ``sections``: None (all), 'audit', 'compare', a section name, or an
        or-ed ``airoi_report_section`` int."""
        fmt = ctypes.c_int()
        _lib.check(C.airoi_report_format_from_name(ctypes.byref(fmt), _cstr(format, "format")))
        flags = sections if isinstance(sections, int) else _SECTIONS.get(sections, -1)
        if flags < 0:
            raise _lib.invalid("unknown report sections %r (expected one of: %s)"
                               % (sections, ", ".join(k for k in _SECTIONS if k)))
        out = c_void_p()
        length = c_size_t()
        _lib.check(C.airoi_report_write(ctypes.byref(out), ctypes.byref(length), self._h.ptr,
                                        fmt.value, flags))
        try:
            return ctypes.string_at(out.value, length.value).decode("utf-8")
        finally:
            C.airoi_free(out)

    def to_pandas(self) -> Any:
        """The schedule as a pandas DataFrame indexed by period (needs pandas);
        the metrics are in ``frame.attrs["metrics"]``."""
        frame = self.to_schedule().to_pandas()
        frame.attrs["metrics"] = self.metrics
        return frame

    def __repr__(self) -> str:
        if self._h.closed:
            return "<airoi.Result (closed)>"
        what = "scenario %r" % self.scenario if self.scenario is not None else "base case"
        npv = self.npv
        return "<airoi.Result %s: npv=%s>" % (what, "None" if npv is None else "%.6g" % npv)


# Numbers of the JSON report are doubles in C (floats here), except these counts.
_COUNTS = ("period", "periods_per_year", "horizon")


def _counts_as_int(obj: Dict[str, Any]) -> Dict[str, Any]:
    for key in _COUNTS:
        if isinstance(obj.get(key), float):
            obj[key] = int(obj[key])
    return obj


def _copy(value: Any) -> Any:
    """A deep copy of plain data (dicts, lists, numbers, strings)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
