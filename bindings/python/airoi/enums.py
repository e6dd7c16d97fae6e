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
           "METRICS", "SEVERITIES", "SCHEDULE_COLUMNS"]


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


# The library's readers of each spelling: an unknown name is refused by the
# library, in the words of its rule (the loader's words too).
_FROM_NAME = {
    "period": C.airoi_period_from_name,
    "per": C.airoi_per_from_name,
    "category": C.airoi_category_from_name,
    "dimension": C.airoi_dimension_from_name,
    "stage": C.airoi_stage_from_name,
    "adoption.curve": C.airoi_curve_from_name,
    "schedule column": C.airoi_schedule_column_from_name,
}


def _enum_index(names: Tuple[str, ...], value: Any, what: str) -> int:
    """The index of ``value`` (a name, or an index) in an enumeration; refused
    in the words of the library's parameter table ("category: expected one
    of people, ...; got 'peple'")."""
    if isinstance(value, str):
        if value in names:
            return names.index(value)
        if "\0" in value:
            raise _lib.invalid("%s must not contain NUL characters" % what)
        out = ctypes.c_int(-1)
        _lib.check(_FROM_NAME[what](ctypes.byref(out), value.encode("utf-8")))
        return int(out.value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be a name (str), not %s" % (what, type(value).__name__))
    if not 0 <= value < len(names):
        raise _lib.invalid("%s: expected one of %s; got %d" % (what, ", ".join(names), value))
    return value
