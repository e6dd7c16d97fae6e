"""Cost and value items (``include/airoi/items.h``): :class:`CostItem` and
:class:`ValueItem`, borrowed from their project, over one C handle kind,
``airoi_item``."""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

from . import _lib
from ._lib import C, Handle, c_double
from ._convert import _boolean, _cstr, _number, _text
from .enums import (
    CATEGORIES,
    CURVES,
    DIMENSIONS,
    HIDDEN_CATEGORIES,
    PAYMENTS,
    PERS,
    _I_ADOPT_CEILING,
    _I_ADOPT_PERIODS,
    _I_ADOPT_START,
    _I_AMOUNT,
    _I_AT,
    _I_ATTRIBUTION,
    _I_CATEGORY,
    _I_CURRENCY,
    _I_CAPEX,
    _I_CURVE,
    _I_DEPRECIATION,
    _I_LIFE,
    _I_REAL,
    _I_SALVAGE,
    DEPRECIATIONS,
    _DEPRECIATION_BASE,
    _I_DIMENSION,
    _I_FROM,
    _I_GROWTH,
    _I_MONETIZED,
    _I_NAME,
    _I_PAYMENT,
    _I_PER,
    _I_QUANTITY,
    _I_REALIZATION,
    _I_RISK_ADJUSTMENT,
    _I_TO,
    _I_UNIT_AMOUNT,
    _enum_name,
    _enum_value,
)

if TYPE_CHECKING:  # a project owns its items; only the type is named here
    from .project import Project

__all__ = ["CostItem", "ValueItem"]


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


def _item_number(param: int, key: str, kind: type = float, doc: str = "") -> property:
    def fget(self: "_Item") -> Any:
        v = self._get(param)
        return kind(v) if kind is not float else v

    def fset(self: "_Item", value: Any) -> None:
        if kind is bool:
            value = _boolean(value, "%s: %s" % (self._subject(), key))
        self._set(param, value, key)

    return property(fget, fset, doc=doc)


def _item_optional(param: int, key: str, doc: str = "") -> property:
    def fget(self: "_Item") -> Optional[float]:
        with self._project._lock:
            if not self._is_set(param):
                return None
            return self._get(param)

    def fset(self: "_Item", value: Any) -> None:
        self._set(param, value, key)

    return property(fget, fset, doc=doc)


class _Item(_Borrowed):
    """Common part of cost and value items: one C handle, ``airoi_item``."""

    _ATTR = {"from": "from_", "from_": "from_"}

    def _get(self, param: int) -> float:
        out = c_double()
        with self._project._lock:
            _lib.check(C.airoi_item_get_number(ctypes.byref(out), self._h.ptr, param))
        return out.value

    def _set(self, param: int, value: Any, key: Optional[str] = None) -> None:
        v = _number(value, self._subject() if key is None else "%s: %s" % (self._subject(), key))
        with self._project._lock:
            _lib.check(C.airoi_item_set_number(self._h.ptr, param, v))

    def _subject(self) -> str:
        """How the C library names this item in a message: ``value item 'Gain'``."""
        return "%s item '%s'" % (self._kind, self.name)

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

    amount = _item_number(_I_AMOUNT, "amount", float,
                          "Amount per ``per`` (quantity x unit_amount when those are set); setting it "
                          "clears quantity, unit_amount and amounts.")
    quantity = _item_optional(_I_QUANTITY, "quantity",
                              "Quantity of amount = quantity x unit_amount, or None.")
    unit_amount = _item_optional(_I_UNIT_AMOUNT, "unit_amount",
                                 "Unit amount of amount = quantity x unit_amount, or None.")
    at = _item_number(_I_AT, "at", int, "Period of a one-time amount (default 0).")
    from_ = _item_number(_I_FROM, "from", int, "First period of a recurring amount or list (default 1); "
                                               "also readable as ``getattr(item, 'from')``.")
    to = _item_number(_I_TO, "to", int, "Last period of a recurring amount (default: the horizon).")
    growth = _item_number(_I_GROWTH, "growth", float,
                          "Annual escalation of a recurring amount (default 0).")
    risk_adjustment = _item_number(_I_RISK_ADJUSTMENT, "risk_adjustment", float,
                                   "Forrester-style haircut h: values x (1-h), costs x (1+h).")
    real = _item_number(_I_REAL, "real", bool,
                        "Whether the amounts are in today's money, inflated by the project's "
                        "inflation (docs/methodology.md#inflation).")

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
        return _enum_name(PERS, self._get(_I_PER), "per")

    @per.setter
    def per(self, value: str) -> None:
        self._set(_I_PER, _enum_value(PERS, value, "per"))

    @property
    def payment(self) -> str:
        """'spread' (the default: an even share in every period) or 'lump' (a
        yearly or quarterly amount paid in full in the first period of each
        year or quarter from ``from``, in a shorter project period)."""
        return _enum_name(PAYMENTS, self._get(_I_PAYMENT), "payment")

    @payment.setter
    def payment(self, value: str) -> None:
        self._set(_I_PAYMENT, _enum_value(PAYMENTS, value, "payment"))

    @property
    def amounts(self) -> Optional[List[float]]:
        """Explicit per-period amounts from ``from`` on, or None."""
        with self._project._lock:
            values = _lib.read_doubles(C.airoi_item_get_amounts, self._h.ptr)
        return values or None

    @amounts.setter
    def amounts(self, values: Optional[Sequence[float]]) -> None:
        ptr, n, keep = _lib.doubles([] if values is None else values, "amounts")
        if n == 0 and values is not None:  # the loader's words for `amounts: []`
            raise _lib.invalid("%s: amounts: expected at least one amount (e.g. [60, 150, 220]); "
                               "leave amounts out to give amount instead" % self._subject())
        with self._project._lock:
            _lib.check(C.airoi_item_set_amounts(self._h.ptr, ptr, n))
        del keep

    def settings(self) -> Dict[str, Any]:
        """Every setting as a dict with the model file key names."""
        with self._project._lock:
            return {key: getattr(self, self._ATTR.get(key, key)) for key in self._KEYS}


def _show(value: Any) -> str:
    """A value as the loader shows what it got: 'text' quoted, else as written."""
    return "'%s'" % value if isinstance(value, str) else repr(value)


def _item_mapping(kind: str, name: str, settings: Dict[str, Any]) -> Dict[str, Any]:
    """The settings of ``add_cost``/``add_value`` read as a model file reads
    an item's mapping (docs/model-format.md#items): the amount given one way
    only; ``at`` without ``per`` (and without ``amounts``) is a one-time
    amount; ``at`` belongs to one-time amounts, ``from`` and ``to`` to
    recurring ones.  Refused in the loader's words (InvalidInputError);
    returns the settings with ``per`` first (``"once"`` when inferred)."""
    subject = "%s item '%s'" % (kind, name)
    given = {k for k, v in settings.items() if v is not None}  # None: unset, not given
    given |= {"from"} if "from_" in given else set()
    forms = ("amount" in given) + bool(given & {"quantity", "unit_amount"}) + ("amounts" in given)
    if forms > 1:
        raise _lib.invalid("%s: give the amount one way only: amount, quantity with unit_amount, or amounts"
                           % subject)
    per = settings.get("per")
    if per is None and "at" in given and "amounts" not in given:
        per = "once"
    if per is None or per not in PERS:  # no per, or one the per setter refuses in its words
        return settings
    once = per == "once"
    if not once and "at" in given:
        raise _lib.invalid("%s: at: 'at' is the period of a one-time amount (per: once); a recurring amount"
                           " uses from and to" % subject)
    if once and given & {"from", "to"}:
        raise _lib.invalid("%s: %s: from and to apply to recurring amounts; a one-time amount is paid at 'at'"
                           % (subject, "from" if "from" in given else "to"))
    ordered = {"per": per}
    ordered.update((k, v) for k, v in settings.items() if k != "per")
    return ordered


class CostItem(_Item):
    """One cost line of a project (made by :meth:`Project.add_cost`)."""

    _kind = "cost"
    _KEYS = ("name", "category", "amount", "quantity", "unit_amount", "per", "at", "from", "to",
             "growth", "currency", "payment", "amounts", "risk_adjustment")
    # accepted by add_cost, read as attributes (settings() keeps the keys above)
    _ATTR = dict(_Item._ATTR, real="real", capex="capex", life="life", depreciation="depreciation",
                 salvage="salvage")

    @property
    def category(self) -> str:
        """Cost category (docs/methodology.md#cost-categories)."""
        return _enum_name(CATEGORIES, self._get(_I_CATEGORY), "category")

    @category.setter
    def category(self, value: str) -> None:
        self._set(_I_CATEGORY, _enum_value(CATEGORIES, value, "category"))

    capex = _item_number(_I_CAPEX, "capex", bool,
                         "Whether the cost is a capital expenditure, depreciated for tax "
                         "(docs/methodology.md#capex-depreciation-and-tax).")
    life = _item_optional(_I_LIFE, "life", "Useful life of a capital cost in years, or None.")
    salvage = _item_number(_I_SALVAGE, "salvage", float,
                           "Salvage value as a share of each outlay, in [0, 1) (default 0).")

    @property
    def depreciation(self) -> str:
        """'straight_line' (default), 'declining_balance', 'double_declining' or 'sum_of_years'."""
        return DEPRECIATIONS[int(self._get(_I_DEPRECIATION)) - _DEPRECIATION_BASE]

    @depreciation.setter
    def depreciation(self, value: str) -> None:
        if value not in DEPRECIATIONS:
            raise _lib.invalid("%s: depreciation: expected one of %s; got %s"
                               % (self._subject(), ", ".join(DEPRECIATIONS), _show(value)))
        self._set(_I_DEPRECIATION, _DEPRECIATION_BASE + DEPRECIATIONS.index(value))

    @property
    def hidden(self) -> bool:
        """True for a hidden-cost category (data_governance, integration, ...)."""
        return self.category in HIDDEN_CATEGORIES


class ValueItem(_Item):
    """One benefit line of a project (made by :meth:`Project.add_value`)."""

    _kind = "value"
    _ATTR = dict(_Item._ATTR, real="real")
    _KEYS = ("name", "dimension", "amount", "quantity", "unit_amount", "per", "at", "from", "to",
             "growth", "currency", "payment", "amounts", "realization", "attribution", "risk_adjustment",
             "monetized", "adoption")

    realization = _item_number(_I_REALIZATION, "realization", float,
                               "Share that is real cash, 0..1 (default 1).")
    attribution = _item_number(_I_ATTRIBUTION, "attribution", float,
                               "Share caused by the AI, 0..1 (default 1).")
    monetized = _item_number(_I_MONETIZED, "monetized", bool,
                             "Whether a strategic value counts in financial metrics (a bool).")

    @property
    def dimension(self) -> str:
        """Value dimension: efficiency, revenue, risk or strategic."""
        return _enum_name(DIMENSIONS, self._get(_I_DIMENSION), "dimension")

    @dimension.setter
    def dimension(self, value: str) -> None:
        self._set(_I_DIMENSION, _enum_value(DIMENSIONS, value, "dimension"))

    _ADOPTION = (("curve", _I_CURVE), ("periods", _I_ADOPT_PERIODS), ("start", _I_ADOPT_START),
                 ("ceiling", _I_ADOPT_CEILING))

    @property
    def adoption(self) -> Optional[Dict[str, Any]]:
        """The adoption ramp ``{curve, periods, start, ceiling}``, or None when
        there is none (adoption 1).  Set a dict (missing keys keep their
        values) or None to remove the ramp."""
        with self._project._lock:
            curve = _enum_name(CURVES, self._get(_I_CURVE), "adoption.curve")
            if not any(self._is_set(p) for _, p in self._ADOPTION) and curve == "none":
                return None
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
        if "curve" not in value and _enum_name(CURVES, self._get(_I_CURVE), "adoption.curve") == "none":
            # Without a curve there is no ramp, whatever periods and start say:
            # the loader's words for an adoption mapping without curve.
            raise _lib.invalid("%s: adoption: missing required key 'curve' (one of %s)"
                               % (self._subject(), ", ".join(CURVES)))
        with self._project._lock:
            for key, param in self._ADOPTION:
                if key in value:
                    v = value[key]
                    if key == "curve":
                        v = _enum_value(CURVES, v, "adoption.curve")
                    self._set(param, v, "adoption." + key)
