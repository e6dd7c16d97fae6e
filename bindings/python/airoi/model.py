"""The project model: :class:`Project`, :class:`CostItem`, :class:`ValueItem`,
:class:`Scenario`, :class:`Schedule` and :class:`Result`.

This module gathers the model's modules under one name (``airoi.model``;
the package exports the same names): :mod:`airoi.enums` (enumerations read
from the library), :mod:`airoi.project` (:class:`Project`, :class:`FX`),
:mod:`airoi.items` (:class:`CostItem`, :class:`ValueItem`),
:mod:`airoi.scenarios` (:class:`Scenario`) and :mod:`airoi.result`
(:class:`Result`, :class:`Schedule`).

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

from .enums import (
    CATEGORIES,
    CURVES,
    DIMENSIONS,
    HIDDEN_CATEGORIES,
    METRICS,
    PAYMENTS,
    PERIODS,
    PERS,
    SCHEDULE_COLUMNS,
    SEVERITIES,
    STAGES,
)
from .items import CostItem, ValueItem
from .project import FX, Project
from .result import Result, Schedule
from .scenarios import Scenario

__all__ = [
    "Project", "CostItem", "ValueItem", "Scenario", "Schedule", "Result", "FX",
    "CATEGORIES", "HIDDEN_CATEGORIES", "DIMENSIONS", "PERIODS", "PERS", "STAGES", "CURVES",
    "PAYMENTS", "METRICS", "SEVERITIES", "SCHEDULE_COLUMNS",
]
