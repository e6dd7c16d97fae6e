"""Date conversion: date objects, ISO strings, Excel serials, datetime64."""

import datetime
import unittest

import airoi

try:
    import numpy as np
except ImportError:  # pragma: no cover - reported by the runner
    np = None


class TestDates(unittest.TestCase):
    def test_day_numbers(self):
        self.assertEqual(airoi.day_number(datetime.date(1970, 1, 1)), 0)
        self.assertEqual(airoi.day_number(datetime.date(1969, 12, 31)), -1)
        self.assertEqual(airoi.day_number("2008-01-01"), 13879)
        self.assertEqual(airoi.day_number("20080101"), 13879)
        self.assertEqual(airoi.day_number(datetime.datetime(2008, 1, 1, 23, 59)), 13879)
        self.assertEqual(airoi.day_number(datetime.date(1, 1, 1)), airoi.DATE_MIN)
        self.assertEqual(airoi.day_number(datetime.date(9999, 12, 31)), airoi.DATE_MAX)

    def test_excel_serials(self):
        self.assertEqual(airoi.day_number(39448), airoi.day_number("2008-01-01"))
        self.assertEqual(airoi.day_number(39448.9), airoi.day_number("2008-01-01"))
        self.assertEqual(airoi.from_excel(1), datetime.date(1900, 1, 1))
        self.assertEqual(airoi.from_excel(59), datetime.date(1900, 2, 28))
        self.assertEqual(airoi.from_excel(61), datetime.date(1900, 3, 1))
        self.assertEqual(airoi.from_excel(0, system=1904), datetime.date(1904, 1, 1))
        self.assertEqual(airoi.from_excel(39448 - 1462, system=1904), datetime.date(2008, 1, 1))
        self.assertEqual(airoi.to_excel("2008-01-01"), 39448.0)
        self.assertEqual(airoi.to_excel(datetime.date(2008, 1, 1), system=1904), 39448.0 - 1462)
        for bad in (60, 0, -5):
            with self.assertRaises(airoi.InvalidInputError):
                airoi.from_excel(bad)
        with self.assertRaises(airoi.InvalidInputError):
            airoi.from_excel(1, system=2000)

    def test_round_trip(self):
        for day in (airoi.DATE_MIN, -1, 0, 13879, airoi.DATE_MAX):
            self.assertEqual(airoi.day_number(airoi.from_day_number(day)), day)
        with self.assertRaises(airoi.InvalidInputError):
            airoi.from_day_number(airoi.DATE_MAX + 1)

    def test_bad_input(self):
        # a time of day is accepted and dropped ("2023-01-01T00:00"), a bad one is not
        for bad in ("2023-02-29", "2023-1-01", "yesterday", "", "2023-01-01T24:01", "2023-01-01\0"):
            with self.assertRaises(airoi.InvalidInputError, msg=bad):
                airoi.day_number(bad)
        for bad in (None, True, object(), b"2020-01-01"):
            with self.assertRaises(TypeError, msg=repr(bad)):
                airoi.day_number(bad)
        with self.assertRaises(TypeError):
            airoi.day_numbers("2020-01-01")

    @unittest.skipIf(np is None, "numpy is not installed (Debian: python3-numpy)")
    def test_numpy_datetime64(self):
        d = np.array(["2008-01-01", "2008-03-01", "2009-04-01"], dtype="datetime64[D]")
        self.assertEqual(airoi.day_numbers(d), [13879, 13939, 14335])
        self.assertEqual(airoi.day_numbers(d.astype("datetime64[s]")), [13879, 13939, 14335])
        self.assertEqual(airoi.day_number(d[1]), 13939)
        self.assertEqual(airoi.day_numbers(np.array([39448, 39508])), [13879, 13939])
        with self.assertRaises(airoi.InvalidInputError):
            airoi.day_numbers(np.array(["NaT"], dtype="datetime64[D]"))
        v = [-10000, 2750, 4250, 3250, 2750]
        dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
        self.assertEqual(airoi.xnpv(0.09, v, np.array(dates, dtype="datetime64[D]")),
                         airoi.xnpv(0.09, v, dates))


if __name__ == "__main__":
    unittest.main()
