"""Enumerations of the project model, read from the library: cost categories,
value dimensions, periods, frequencies, stages, adoption curves, metric,
severity and schedule-column names, and the C parameter numbers the model
classes pass to the setters and getters."""

from __future__ import annotations

import ctypes
from typing import Any, Tuple

from . import _lib
from ._lib import C

__all__ = ["CATEGORIES", "HIDDEN_CATEGORIES", "DIMENSIONS", "PERIODS", "PERS", "STAGES", "CURVES",
           "PAYMENTS", "METRICS", "SEVERITIES", "SCHEDULE_COLUMNS"]


# --- enumerations, read from the library ---------------------------------------------
# Each C enumeration family has its own range of values: base = family number
# << 8, members base + 0, base + 1, ... (docs/api-stability.md). Python names
# the members by their spellings; these bases turn a position in a tuple below
# into the C value and back.
_BASE = {
    "period": 0x0100,
    "per": 0x0200,
    "category": 0x0300,
    "dimension": 0x0400,
    "stage": 0x0500,
    "adoption.curve": 0x0600,
    "metric": 0x0B00,
    "severity": 0x0C00,
    "schedule column": 0x0E00,
    "payment": 0x1300,
    "finance figure": 0x1700,
}


def _names(fn: Any, base: int) -> Tuple[str, ...]:
    out = []
    i = 0
    while True:
        text = fn(base + i)
        if not text:
            return tuple(out)
        out.append(text.decode("utf-8"))
        i += 1


#: Cost categories (docs/methodology.md#cost-categories), in the order of ``airoi_category``.
CATEGORIES: Tuple[str, ...] = _names(C.airoi_category_name, _BASE["category"])
#: The hidden ones among them.
HIDDEN_CATEGORIES: Tuple[str, ...] = tuple(
    n for i, n in enumerate(CATEGORIES) if C.airoi_category_is_hidden(_BASE["category"] + i) == 1)
#: Value dimensions (docs/methodology.md#value-dimensions).
DIMENSIONS: Tuple[str, ...] = _names(C.airoi_dimension_name, _BASE["dimension"])
#: Project periods: "year", "quarter", "month".
PERIODS: Tuple[str, ...] = _names(C.airoi_period_name, _BASE["period"])
#: Item frequencies ("once", "month", "quarter", "year", and "period": the project's).
PERS: Tuple[str, ...] = _names(C.airoi_per_name, _BASE["per"])
#: Project stages.
STAGES: Tuple[str, ...] = _names(C.airoi_stage_name, _BASE["stage"])
#: Adoption curves ("none", "linear", "s_curve", "step").
CURVES: Tuple[str, ...] = _names(C.airoi_curve_name, _BASE["adoption.curve"])
#: Payment forms of a yearly or quarterly amount in a shorter period ("spread", "lump").
PAYMENTS: Tuple[str, ...] = _names(C.airoi_payment_name, _BASE["payment"])
#: Metric names (the keys of ``metrics`` in the JSON report).
METRICS: Tuple[str, ...] = _names(C.airoi_metric_name, _BASE["metric"])
#: Finding severities.
SEVERITIES: Tuple[str, ...] = _names(C.airoi_severity_name, _BASE["severity"])
#: Schedule columns.
SCHEDULE_COLUMNS: Tuple[str, ...] = _names(C.airoi_schedule_column_name, _BASE["schedule column"])

# airoi_project_param (0x0700 + i)
(_P_NAME, _P_CURRENCY, _P_USE_CASE, _P_PERIOD, _P_HORIZON, _P_DISCOUNT_RATE, _P_FINANCE_RATE,
 _P_REINVEST_RATE, _P_UNIT, _P_START, _P_STAGE) = range(0x0700, 0x070B)
# airoi_item_kind (0x0900 + i)
_ITEM_KINDS = {"cost": 0x0900, "value": 0x0901}
# airoi_item_param (0x0800 + i)
(_I_NAME, _I_CURRENCY, _I_CATEGORY, _I_DIMENSION, _I_AMOUNT, _I_QUANTITY, _I_UNIT_AMOUNT, _I_PER,
 _I_AT, _I_FROM, _I_TO, _I_GROWTH, _I_REALIZATION, _I_ATTRIBUTION, _I_RISK_ADJUSTMENT,
 _I_MONETIZED, _I_CURVE, _I_ADOPT_PERIODS, _I_ADOPT_START, _I_ADOPT_CEILING) = range(0x0800, 0x0814)
_I_PAYMENT = 0x0814
_I_CAPEX, _I_LIFE, _I_DEPRECIATION, _I_SALVAGE, _I_REAL = range(0x0815, 0x081A)
(_P_TAX_RATE, _P_LOSS_CARRYFORWARD, _P_INFLATION, _P_DISCOUNT_REAL, _P_TERMINAL_METHOD,
 _P_TERMINAL_GROWTH, _P_TERMINAL_MULTIPLE) = range(0x070B, 0x0712)
#: Depreciation methods of a capital cost (docs/methodology.md#capex-depreciation-and-tax).
DEPRECIATIONS: Tuple[str, ...] = ("straight_line", "declining_balance", "double_declining", "sum_of_years")
_DEPRECIATION_BASE = 0x1500
#: Terminal value methods ("none", "gordon", "exit_multiple").
TERMINAL_METHODS: Tuple[str, ...] = ("none", "gordon", "exit_multiple")
_TERMINAL_BASE = 0x1600
#: Finance figures (airoi_finance_figure, 0x1700 + i): the keys of Result.finance.
FINANCE_FIGURES: Tuple[str, ...] = _names(C.airoi_finance_figure_name, 0x1700)
# airoi_scenario_param (0x0A00 + i)
_S_PROBABILITY, _S_DELAY, _S_ADOPTION_CEILING = range(0x0A00, 0x0A03)
# airoi_eval_flags (a bit flag, not a family)
_EVAL_HONEST = 1
# airoi_metric values by name
_M = {name: _BASE["metric"] + i for i, name in enumerate(METRICS)}


# The library's readers of each spelling: an unknown name is refused by the
# library, in the words of its rule (the loader's words too).
_FROM_NAME = {
    "period": C.airoi_period_from_name,
    "per": C.airoi_per_from_name,
    "category": C.airoi_category_from_name,
    "dimension": C.airoi_dimension_from_name,
    "stage": C.airoi_stage_from_name,
    "adoption.curve": C.airoi_curve_from_name,
    "payment": C.airoi_payment_from_name,
    "schedule column": C.airoi_schedule_column_from_name,
}


def _enum_value(names: Tuple[str, ...], value: Any, what: str) -> int:
    """The C value of ``value`` (a name, or a position in ``names``) in an
    enumeration; refused in the words of the library's parameter table
    ("category: expected one of people, ...; got 'peple'")."""
    base = _BASE[what]
    if isinstance(value, str):
        if value in names:
            return base + names.index(value)
        if "\0" in value:
            raise _lib.invalid("%s must not contain NUL characters" % what)
        out = ctypes.c_int(-1)
        _lib.check(_FROM_NAME[what](ctypes.byref(out), value.encode("utf-8")))
        return int(out.value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be a name (str), not %s" % (what, type(value).__name__))
    if not 0 <= value < len(names):
        raise _lib.invalid("%s: expected one of %s; got %d" % (what, ", ".join(names), value))
    return base + value


def _enum_name(names: Tuple[str, ...], value: Any, what: str) -> str:
    """The name of the C value ``value`` of an enumeration (the inverse of
    :func:`_enum_value`)."""
    return names[int(value) - _BASE[what]]
