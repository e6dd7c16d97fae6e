"""The package's mirror of the C enumerations: each family's base, the
spellings counted from it, and the library's refusal of a value of another
family (docs/api-stability.md)."""

import ctypes
import unittest

import airoi
from airoi import enums
from airoi._lib import C


class TestFamilies(unittest.TestCase):
    def test_bases_are_the_library_values_of_the_first_members(self):
        for what, fn in enums._FROM_NAME.items():
            names = {
                "period": enums.PERIODS, "per": enums.PERS, "category": enums.CATEGORIES,
                "dimension": enums.DIMENSIONS, "stage": enums.STAGES,
                "adoption.curve": enums.CURVES, "schedule column": enums.SCHEDULE_COLUMNS,
                "payment": enums.PAYMENTS,
            }[what]
            for i, name in enumerate(names):
                out = ctypes.c_int(-1)
                self.assertEqual(fn(ctypes.byref(out), name.encode()), 0)
                self.assertEqual(out.value, enums._BASE[what] + i, (what, name))
                self.assertEqual(enums._enum_value(names, name, what), out.value)
                self.assertEqual(enums._enum_name(names, out.value, what), name)

    def test_every_family_has_a_range_of_its_own(self):
        bases = list(enums._BASE.values())
        self.assertEqual(len(bases), len(set(bases)))
        for base in bases:
            self.assertEqual(base % 0x100, 0)
        self.assertEqual(enums._M["npv"], 0x0B00)
        self.assertEqual(enums._P_NAME, 0x0700)
        self.assertEqual(enums._I_ADOPT_CEILING, 0x0813)
        self.assertEqual(enums._S_ADOPTION_CEILING, 0x0A02)

    def test_spellings_stop_at_the_end_of_the_family(self):
        self.assertEqual(len(enums.CATEGORIES), 9)
        self.assertEqual(len(enums.METRICS), 27)
        self.assertIsNone(C.airoi_category_name(enums._BASE["category"] + 9))
        self.assertIsNone(C.airoi_category_name(0))  # the numbering before the families

    def test_a_parameter_of_another_family_is_refused_in_words_naming_both(self):
        project = airoi.Project("Pilot")
        horizon = project.horizon
        status = C.airoi_project_set_number(project._h.ptr, enums._I_AMOUNT, ctypes.c_double(300))
        self.assertEqual(status, -1)
        self.assertEqual(C.airoi_last_error_message().decode(),
                         "project 'Pilot': param: AIROI_ITEM_AMOUNT is an airoi_item_param "
                         "value; expected an airoi_project_param")
        self.assertEqual(project.horizon, horizon)  # the item parameter did not land on it


if __name__ == "__main__":
    unittest.main()
