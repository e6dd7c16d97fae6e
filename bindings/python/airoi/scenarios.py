"""Scenarios (``include/airoi/scenario.h``): :class:`Scenario`, a named,
probability-weighted variant of the project, borrowed from it."""

from __future__ import annotations

import ctypes
from typing import Any, Dict, Optional

from . import _lib
from ._lib import C, c_double
from ._convert import _cstr, _number, _text
from .enums import _S_ADOPTION_CEILING, _S_DELAY, _S_PROBABILITY
from .items import _Borrowed

__all__ = ["Scenario"]


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
        v = _number(value, "scenario '%s': %s" % (self.name, what))
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
        name = self.name
        items = [(_cstr(k, "multiplier target"), _number(v, "scenario '%s': multipliers.%s" % (name, k)))
                 for k, v in dict(value).items()]
        with self._project._lock:
            while C.airoi_scenario_count_multipliers(self._h.ptr):
                _lib.check(C.airoi_scenario_remove_multiplier(self._h.ptr, 0))
            for target, factor in items:
                _lib.check(C.airoi_scenario_add_multiplier(self._h.ptr, target, factor))

    def set_multiplier(self, target: str, factor: float) -> None:
        """Sets (adds or replaces) the multiplier of one target."""
        with self._project._lock:
            what = "scenario '%s': multipliers.%s" % (self.name, target)
            _lib.check(C.airoi_scenario_add_multiplier(self._h.ptr, _cstr(target, "target"),
                                                       _number(factor, what)))

    def __setattr__(self, name: str, value: Any) -> None:
        if not name.startswith("_") and not hasattr(type(self), name):
            raise AttributeError("Scenario has no setting %r" % name)
        object.__setattr__(self, name, value)

    def settings(self) -> Dict[str, Any]:
        """name, probability, multipliers, delay, adoption_ceiling as a dict."""
        with self._project._lock:
            return {"name": self.name, "probability": self.probability, "multipliers": self.multipliers,
                    "delay": self.delay, "adoption_ceiling": self.adoption_ceiling}
