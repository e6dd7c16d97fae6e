"""The :class:`Project` (``include/airoi/project.h``, ``model.h``): settings,
exchange rates (:class:`FX`), the live sequences of items and scenarios,
loading, saving and evaluating. See :mod:`airoi.model` for lifetimes and
threads."""

from __future__ import annotations

import ctypes
import datetime
import os
import threading
import warnings
import weakref
from collections.abc import MutableMapping
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import _lib, errors, simulation
from ._lib import C, Handle, c_double, c_int32, c_size_t, c_void_p
from ._convert import _boolean, _cstr, _new_handle, _number, _text, _to_date
from .dates import from_day_number
from .enums import (
    CATEGORIES,
    DIMENSIONS,
    PERIODS,
    STAGES,
    TERMINAL_METHODS,
    _EVAL_HONEST,
    _ITEM_KINDS,
    _P_CURRENCY,
    _P_DISCOUNT_RATE,
    _P_DISCOUNT_REAL,
    _P_FINANCE_RATE,
    _P_INFLATION,
    _P_LOSS_CARRYFORWARD,
    _P_TAX_RATE,
    _P_TERMINAL_GROWTH,
    _P_TERMINAL_METHOD,
    _P_TERMINAL_MULTIPLE,
    _TERMINAL_BASE,
    _P_HORIZON,
    _P_NAME,
    _P_PERIOD,
    _P_REINVEST_RATE,
    _P_STAGE,
    _P_START,
    _P_UNIT,
    _P_USE_CASE,
    _enum_name,
    _enum_value,
)
from .items import CostItem, ValueItem, _item_mapping
from .result import Result
from .scenarios import Scenario

__all__ = ["Project", "FX"]


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
            _lib.check(C.airoi_project_set_fx(p._h.ptr, _cstr(currency, "currency"),
                                               _number(rate, "project '%s': fx.%s" % (p.name, currency))))

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
                 "finance_rate", "reinvest_rate", "use_case", "stage", "fx", "tax", "inflation",
                 "terminal_value", "discount_rate_real")

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
        _warn(found, 4)  # _warn <- _load <- load/from_yaml <- the caller
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
        v = _number(value, "project '%s': %s" % (self.name, what))
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
        try:
            day = _to_date(value)
        except errors.InvalidInputError:
            if not isinstance(value, str):
                raise
            # the loader's words for a start that is no date
            raise _lib.invalid("project '%s': start: expected a date YYYY-MM-DD (ISO 8601) that exists;"
                               " got '%s'" % (self.name, value)) from None
        self._set_number(_P_START, day, "start")

    @property
    def period(self) -> str:
        """'year', 'quarter' or 'month'."""
        v = self._get_number(_P_PERIOD)
        return PERIODS[0] if v is None else _enum_name(PERIODS, v, "period")

    @period.setter
    def period(self, value: str) -> None:
        self._set_number(_P_PERIOD, _enum_value(PERIODS, value, "period"), "period")

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
    def discount_rate(self, value: Any) -> None:
        if isinstance(value, dict):  # the model file's {rate: r, real: true}
            value = dict(value)
            real = value.pop("real", False)
            rate = value.pop("rate", None)
            if value or rate is None:
                raise _lib.invalid("project '%s': discount_rate: expected {rate: r, real: true|false}"
                                   % self.name)
            self._set_number(_P_DISCOUNT_RATE, rate, "discount_rate")
            self.discount_rate_real = real
            return
        self._set_number(_P_DISCOUNT_RATE, value, "discount_rate")

    @property
    def discount_rate_real(self) -> bool:
        """Whether the discount rate is real: the nominal rate used is
        (1 + rate)(1 + inflation) - 1 (docs/methodology.md#inflation)."""
        return bool(self._get_number(_P_DISCOUNT_REAL))

    @discount_rate_real.setter
    def discount_rate_real(self, value: bool) -> None:
        self._set_number(_P_DISCOUNT_REAL, _boolean(value, "project '%s': discount_rate.real" % self.name),
                         "discount_rate.real")

    @property
    def inflation(self) -> float:
        """Annual inflation (default 0)."""
        return self._get_number(_P_INFLATION) or 0.0

    @inflation.setter
    def inflation(self, value: float) -> None:
        self._set_number(_P_INFLATION, value, "inflation")

    @property
    def tax(self) -> Optional[Dict[str, Any]]:
        """``{"rate": tau, "loss_carryforward": bool}``, or None without tax
        (docs/methodology.md#capex-depreciation-and-tax)."""
        rate = self._get_number(_P_TAX_RATE)
        if rate is None:
            return None
        return {"rate": rate, "loss_carryforward": bool(self._get_number(_P_LOSS_CARRYFORWARD))}

    @tax.setter
    def tax(self, value: Dict[str, Any]) -> None:
        value = dict(value)
        unknown = set(value) - {"rate", "loss_carryforward"}
        if unknown or "rate" not in value:
            raise _lib.invalid("project '%s': tax: expected {rate: tau, loss_carryforward: true|false}"
                               % self.name)
        self._set_number(_P_TAX_RATE, value["rate"], "tax.rate")
        if "loss_carryforward" in value:
            self._set_number(_P_LOSS_CARRYFORWARD,
                             _boolean(value["loss_carryforward"], "project '%s': tax.loss_carryforward"
                                      % self.name), "tax.loss_carryforward")

    @property
    def terminal_value(self) -> Optional[Dict[str, Any]]:
        """``{"method": "gordon", "growth": g}`` or ``{"method": "exit_multiple",
        "multiple": m}``, or None (docs/methodology.md#terminal-value)."""
        method = TERMINAL_METHODS[int(self._get_number(_P_TERMINAL_METHOD) or _TERMINAL_BASE) - _TERMINAL_BASE]
        if method == "gordon":
            return {"method": method, "growth": self._get_number(_P_TERMINAL_GROWTH)}
        if method == "exit_multiple":
            return {"method": method, "multiple": self._get_number(_P_TERMINAL_MULTIPLE)}
        return None

    @terminal_value.setter
    def terminal_value(self, value: Optional[Dict[str, Any]]) -> None:
        value = dict(value or {"method": "none"})
        method = value.pop("method", None)
        if method not in TERMINAL_METHODS:
            raise _lib.invalid("project '%s': terminal_value.method: expected one of %s; got %r"
                               % (self.name, ", ".join(TERMINAL_METHODS), method))
        needs = {"gordon": "growth", "exit_multiple": "multiple"}.get(method)
        for key in value:
            if key != needs:
                raise _lib.invalid("project '%s': terminal_value: %s does not apply to method %s"
                                   % (self.name, key, method))
        if needs and needs not in value:
            raise _lib.invalid("project '%s': terminal_value: method %s needs %s" % (self.name, method, needs))
        self._set_number(_P_TERMINAL_METHOD, _TERMINAL_BASE + TERMINAL_METHODS.index(method),
                         "terminal_value.method")
        if needs:
            param = _P_TERMINAL_GROWTH if needs == "growth" else _P_TERMINAL_MULTIPLE
            self._set_number(param, value[needs], "terminal_value." + needs)

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
        return STAGES[0] if v is None else _enum_name(STAGES, v, "stage")

    @stage.setter
    def stage(self, value: str) -> None:
        self._set_number(_P_STAGE, _enum_value(STAGES, value, "stage"), "stage")

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
        ``to``, ``growth``, ``currency``, ``payment`` (``'spread'`` or ``'lump'``),
        ``amounts``, ``risk_adjustment``).
        If a setting is refused, the item is not added."""
        cat = _enum_value(CATEGORIES, category, "category")
        raw = _cstr(name, "item name")
        return self._add("cost", CostItem, _item_mapping("cost", name, settings),
                         C.airoi_project_add_cost, raw, cat)

    def add_value(self, name: str, dimension: str, **settings: Any) -> "ValueItem":
        """Adds a value item; ``settings`` as for :meth:`add_cost` plus
        ``realization``, ``attribution``, ``monetized`` and ``adoption``
        (a dict with ``curve``, ``periods``, ``start``, ``ceiling``)."""
        dim = _enum_value(DIMENSIONS, dimension, "dimension")
        raw = _cstr(name, "item name")
        return self._add("value", ValueItem, _item_mapping("value", name, settings),
                         C.airoi_project_add_value, raw, dim)

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
        raw = _cstr(name, "scenario name")
        return self._add("scenario", Scenario, settings, C.airoi_project_add_scenario,
                         raw, _number(probability, "scenario '%s': probability" % name))

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
    def validate(self) -> List[errors.Diagnostic]:
        """Raises :class:`airoi.ModelError` (or InvalidInputError ...) when the
        model is inconsistent: periods outside the horizon, probabilities not
        summing to 1, a currency without an FX rate, an unknown target ...

        Plausibility warnings (a discount rate of 10 where 0.10 was meant, ...;
        docs/model-format.md#plausibility-warnings) are issued as
        :class:`airoi.PlausibilityWarning` through :func:`warnings.warn`, and
        returned as a list of :class:`airoi.Diagnostic` (``airoi_model_validate``)."""
        diags = c_void_p()
        with self._lock:
            status = C.airoi_model_validate(ctypes.byref(diags), self._h.ptr, 0)
            message = _lib.last_error_message() if status else ""
            try:
                found = _read_diagnostics(diags)
            finally:
                C.airoi_diagnostics_free(diags)
        if status:
            raise _lib.make_error(status, message=message)
        _warn(found, 3)  # _warn <- validate <- the caller
        return found

    def evaluate(self, scenario: Optional[str] = None, honest: bool = False) -> "Result":
        """Evaluates the project (the base case, or one scenario by name);
        ``honest=True`` applies the reference underestimation uplifts
        (docs/methodology.md#honest-estimate)."""
        if isinstance(scenario, Scenario):
            scenario = scenario.name
        raw = None if scenario is None else _cstr(scenario, "scenario")
        if raw is None and not honest:
            from . import tracking
            with self._lock:
                if tracking._has_tracking(self._h.ptr):
                    # the plan of its tracking: Result.tracking, .indicators, .gates
                    return tracking.Tracking._of(self._h.ptr).plan
        out = c_void_p()
        with self._lock:
            _lib.check(C.airoi_project_evaluate(ctypes.byref(out), self._h.ptr, raw,
                                                _EVAL_HONEST if honest else 0))
        return Result._owned(int(out.value or 0))

    def add_actual(self, period: int, item: str, amount: float) -> None:
        """Records an actual: ``item``'s final cash flow in ``period`` (after
        every factor), in the item's currency and the project's unit; several
        records of one item and period add up (docs/model-format.md#tracking)."""
        from . import tracking
        with self._lock:
            tracking.add_actual(self._h.ptr, period, item, amount)

    def set_tracking(self, as_of: Optional[int] = None, gates_as_of: Optional[int] = None) -> None:
        """The ``tracking`` settings: actuals are complete up to ``as_of``;
        gates are judged at ``gates_as_of``."""
        from . import tracking
        with self._lock:
            tracking.set_tracking(self._h.ptr, as_of, gates_as_of)

    def add_indicator(self, name: str, target: float, direction: str = "up",
                      values: Optional[Dict[int, float]] = None, **thresholds: float) -> None:
        """Adds a leading indicator as in a model file: ``direction`` 'up'
        (thresholds ``at_risk_below``, ``off_track_below``) or 'down'
        (``at_risk_above``, ``off_track_above``), ``values`` {period: value}."""
        from . import tracking
        with self._lock:
            tracking.add_indicator(self._h.ptr, name, target, direction, values, **thresholds)

    def track(self) -> "Any":
        """Tracks the project: actuals against plan, re-forecasts, indicators
        and gates (docs/methodology.md#tracking); an :class:`airoi.Tracking`."""
        from . import tracking
        with self._lock:
            return tracking.Tracking._of(self._h.ptr)

    def report(self, format: str = "text", scenario: Optional[str] = None, honest: bool = False,
               sections: Union[str, int, None] = None) -> str:
        """The report of ``airoi report`` (format 'text', 'json', 'csv' or 'md'),
        written by the C report API from a fresh evaluation.  ``sections``:
        None (all), 'audit', 'compare', or an or-ed ``airoi_report_section`` int."""
        with self.evaluate(scenario, honest) as result:
            return result.report(format, sections)

    # -- uncertainty and decisions (airoi.simulation) ------------------------------
    def simulate(self, trials: Optional[int] = None, seed: Optional[int] = None,
                 threads: Optional[int] = None, outputs: Optional[Sequence[str]] = None,
                 percentiles: Optional[Sequence[float]] = None, sampling: Optional[str] = None,
                 keep_trials: bool = False, progress: Any = None) -> "simulation.Simulation":
        """Runs the Monte Carlo simulation of the model's ``uncertainties``
        and returns a :class:`airoi.Simulation`.

        Unset arguments come from the model's ``simulation:`` section, else
        the defaults (10,000 trials, seed 0, random sampling, every output).
        ``outputs``: names among ``npv``, ``irr``, ``roi_horizon``,
        ``npv_roi``, ``payback_periods``; ``percentiles``: more percentiles
        (P5, P10, P50, P90 and P95 are always there); ``sampling``:
        'random' or 'sobol'; ``threads``: 0 for one per core (never changes
        the result); ``keep_trials``: keep per-trial values (for
        :meth:`Simulation.to_pandas`).  ``progress(done, total)`` is called
        as trials complete; a true return value (or an exception, such as
        KeyboardInterrupt, which is then re-raised) cancels the run
        (:class:`airoi.CancelledError`)."""
        return simulation.simulate(self, trials, seed, threads, outputs, percentiles, sampling,
                                   keep_trials, progress)

    def simulate_range(self, first: int, count: int, trials: Optional[int] = None,
                       seed: Optional[int] = None, threads: Optional[int] = None,
                       outputs: Optional[Sequence[str]] = None,
                       percentiles: Optional[Sequence[float]] = None,
                       sampling: Optional[str] = None,
                       progress: Any = None) -> "simulation.Simulation":
        """Trials ``first`` .. ``first + count - 1`` of the simulation
        :meth:`simulate` runs with the same arguments, and only those:
        exactly those trials of the whole run (``trials`` is ignored).
        Ranges merge with :meth:`Simulation.merge` into exactly the whole
        run, and travel between processes as :meth:`Simulation.to_bytes`
        (docs/python.md, "Simulations across processes")."""
        return simulation.simulate(self, trials, seed, threads, outputs, percentiles, sampling,
                                   False, progress, (first, count))

    def tornado(self) -> "simulation.Tornado":
        """Each uncertainty alone at its 10th and 90th percentile, every other
        input at its base value: a :class:`airoi.Tornado`."""
        return simulation.tornado(self)

    def stages(self) -> "simulation.Staging":
        """The staged investment of the model's ``stages`` (exact formulas,
        docs/methodology.md): a :class:`airoi.Staging`."""
        return simulation.stages(self)

    def breakeven(self) -> "simulation.Breakeven":
        """The multipliers at which the base case's NPV is 0: a :class:`airoi.Breakeven`."""
        return simulation.breakeven(self)

    def add_uncertainty(self, target: str, distribution: str, name: Optional[str] = None,
                        **params: Any) -> "simulation.Uncertainty":
        """Adds an entry to ``uncertainties``: a multiplier of ``target`` (an
        item, a category, a dimension, ``values`` or ``costs``) drawn from
        ``distribution`` with its parameters, as in the model file
        (docs/model-format.md): ``low``, ``mode``, ``high``, ``shape``,
        ``mean``, ``sd``, ``mu``, ``sigma``, ``p``, ``impact``, ``value``,
        ``min``, ``max``, ``per_period``, ``driver`` (a risk shared by the
        projects of a portfolio, docs/portfolio.md), and ``values`` with
        ``probabilities`` for ``discrete``.  Refused values raise
        :class:`airoi.InvalidInputError` in the loader's words."""
        return simulation.add_uncertainty(self, target, distribution, name, **params)

    @property
    def uncertainties(self) -> List["simulation.Uncertainty"]:
        """The entries of ``uncertainties``, in order."""
        return simulation.uncertainties(self)

    def add_correlation(self, a: str, b: str, rank: float) -> None:
        """Adds a Spearman rank correlation between two uncertainties, named by
        their ``name`` or ``target``."""
        simulation.add_correlation(self, a, b, rank)

    @property
    def correlations(self) -> List[Any]:
        """The correlations as ``(a, b, rank)`` tuples."""
        return simulation.correlations(self)

    def add_stage(self, name: str, cost: float, periods: int,
                  success_probability: Optional[float] = None, prior: Optional[str] = None) -> None:
        """Appends an investment stage: its cost (paid at its start), duration
        in whole periods and the probability of passing its gate, or in its
        place a field ``prior`` ('pilot', 'in_house' or 'partner';
        docs/methodology.md#gate-priors): the keys of ``stages`` in a model
        file, checked by the same rules."""
        simulation.add_stage(self, name, cost, periods, success_probability, prior)

    def add_criterion(self, stage: Union[str, int], indicator: str,
                      at_least: Optional[float] = None, at_most: Optional[float] = None,
                      for_periods: int = 1) -> None:
        """Adds a criterion to the gate of ``stage`` (its name, or its index in
        :attr:`investment_stages`): the indicator named ``indicator`` (see
        :meth:`add_indicator`) must be ``at_least`` (or ``at_most``, one of
        the two) the threshold in ``for_periods`` consecutive periods of the
        stage; the ``criteria`` of a stage in a model file
        (docs/model-format.md#tracking, ``airoi_project_add_criterion``)."""
        from . import tracking
        with self._lock:
            tracking.add_criterion(self._h.ptr, stage, indicator, at_least, at_most, for_periods)

    @property
    def simulation_settings(self) -> Optional[Dict[str, Any]]:
        """The ``simulation:`` section (docs/model-format.md#simulation) as a
        dict of the keys it sets, or None when the project has none; the
        defaults of :meth:`simulate`'s arguments.  Assign a dict with any of
        ``trials``, ``seed``, ``sampling``, ``threads``, ``bins``,
        ``roi_target``, ``tail``, ``keep_trials``, ``repair``, ``outputs``,
        ``percentiles`` to replace the section (each value checked by the
        model file's rules; a refusal leaves the section as it was), or None
        to remove it."""
        return simulation.get_simulation(self)

    @simulation_settings.setter
    def simulation_settings(self, settings: Optional[Dict[str, Any]]) -> None:
        simulation.set_simulation(self, settings)

    @property
    def investment_stages(self) -> List[Dict[str, Any]]:
        """The entries of ``stages``: ``name``, ``cost``, ``periods``, and
        ``success_probability`` or ``prior``, as a model file gives them."""
        return simulation.stage_list(self)


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


def _warn(diagnostics: List[errors.Diagnostic], stacklevel: int) -> None:
    """Issues each warning diagnostic through warnings.warn (docs/errors.md#warnings)."""
    for d in diagnostics:
        if d.is_warning:
            cls = errors.warning_class(d.message)
            warnings.warn(cls(str(d), d), stacklevel=stacklevel)


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
