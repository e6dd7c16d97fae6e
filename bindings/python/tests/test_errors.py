"""Exceptions: the status mapping, C messages, and refusal of NaN/Inf."""

import pickle
import unittest

import airoi
from airoi import errors

NAN = float("nan")
INF = float("inf")

EXPECTED = {
    -1: (airoi.InvalidInputError, ValueError),
    -2: (airoi.OutOfMemoryError, MemoryError),
    -3: (airoi.NoSolutionError, ArithmeticError),
    -4: (airoi.BufferTooSmallError, airoi.Error),
    -5: (airoi.NotFoundError, LookupError),
    -6: (airoi.FileError, OSError),
    -7: (airoi.ParseError, airoi.ModelError),
    -8: (airoi.ModelError, ValueError),
    -9: (airoi.RangeError, ArithmeticError),
    -10: (airoi.CancelledError, airoi.Error),
    -11: (airoi.LimitError, airoi.Error),
    -12: (airoi.InternalError, airoi.Error),
    -13: (airoi.UndefinedError, ArithmeticError),
}


class TestMapping(unittest.TestCase):
    def test_every_status_has_a_class(self):
        for status, (cls, also) in EXPECTED.items():
            self.assertIs(errors.error_class(status), cls)
            e = cls("detail", status)
            self.assertIsInstance(e, airoi.Error)
            self.assertIsInstance(e, also)
            self.assertEqual(e.status, status)
            self.assertEqual(e.status_name, errors.STATUS_NAMES[status])
            self.assertEqual(str(e), "detail")
            self.assertEqual(cls.__module__, "airoi")

    def test_names_match_the_library(self):
        for status in EXPECTED:
            text = airoi.status_str(status)
            self.assertTrue(text and text != airoi.status_str(12345), status)
        self.assertIs(errors.error_class(-99), airoi.Error)

    def test_default_message_is_status_name(self):
        self.assertEqual(str(airoi.NoSolutionError()), "AIROI_ERR_NO_SOLUTION")
        self.assertEqual(airoi.LimitError().status, -11)

    def test_model_error_location(self):
        e = airoi.ParseError("model.yaml:12:5: unknown key 'cots'", -7)
        self.assertEqual((e.file, e.line, e.column), ("model.yaml", 12, 5))
        e = airoi.ModelError("probabilities sum to 0.9", -8)
        self.assertEqual((e.file, e.line, e.column), (None, None, None))
        e = airoi.ModelError("x", file="a.yaml", line=3, column=4)
        self.assertEqual((e.file, e.line, e.column), ("a.yaml", 3, 4))

    def test_pickle(self):
        for e in (airoi.InvalidInputError("bad", -1), airoi.ParseError("f:1:2: x", -7), airoi.FileError("io", -6)):
            e2 = pickle.loads(pickle.dumps(e))
            self.assertIs(type(e2), type(e))
            self.assertEqual((str(e2), e2.status), (str(e), e.status))
        self.assertEqual(pickle.loads(pickle.dumps(airoi.ParseError("f:1:2: x"))).line, 1)


class TestRaised(unittest.TestCase):
    def check(self, cls, fn, *args, **kw):
        with self.assertRaises(cls) as cm:
            fn(*args, **kw)
        e = cm.exception
        self.assertEqual(e.status, EXPECTED[e.status][0].default_status)
        self.assertTrue(e.message)
        return e

    def test_no_solution(self):
        e = self.check(airoi.NoSolutionError, airoi.irr, [100, 200, 300])
        self.assertEqual(e.status, -3)
        self.check(airoi.NoSolutionError, airoi.xirr, [1, 2], ["2020-01-01", "2021-01-01"])
        self.check(airoi.NoSolutionError, airoi.mirr, [100, 200], 0.1, 0.1)
        self.check(airoi.NoSolutionError, airoi.nper, 0.01, -100, 100000)  # interest exceeds payment: #NUM!

    def test_invalid(self):
        self.check(airoi.InvalidInputError, airoi.npv, 0.1, [])
        self.check(airoi.InvalidInputError, airoi.npv, -1.0, [1, 2])
        self.check(airoi.InvalidInputError, airoi.irr, [-1])
        self.check(airoi.InvalidInputError, airoi.irr, [-1, 2], -1.5)
        self.check(airoi.InvalidInputError, airoi.pmt, 0.1, 0, 1000)
        self.check(airoi.InvalidInputError, airoi.xnpv, 0.1, [1, 2], ["2020-01-01", "2019-01-01"])
        self.check(airoi.InvalidInputError, airoi.xnpv, 0.1, [1, 2], ["2020-01-01"])
        self.check(airoi.InvalidInputError, airoi.xirr, [1, 2], ["2020-01-01", "2020-13-01"])
        self.check(airoi.InvalidInputError, airoi.payback, [])
        self.check(airoi.InvalidInputError, airoi.irr_all, [-1, 2], 0.5, 0.1)

    def test_huge_integers_are_invalid(self):
        self.check(airoi.InvalidInputError, airoi.npv, 0.1, [1, 10 ** 400])
        self.check(airoi.InvalidInputError, airoi.npv, 10 ** 400, [1])
        self.check(airoi.InvalidInputError, airoi.npv_batch, 0.1, [[1, 10 ** 400]])

    def test_invalid_is_value_error(self):
        with self.assertRaises(ValueError):
            airoi.npv(0.1, [])

    def test_nan_and_inf_rejected_everywhere(self):
        d2 = ["2020-01-01", "2021-01-01"]
        for bad in (NAN, INF, -INF):
            calls = [
                (airoi.npv, (0.1, [-1, bad])), (airoi.npv, (bad, [-1, 2])),
                (airoi.npv, (0.1, [bad]), {"start_from_zero": True}),
                (airoi.xnpv, (0.1, [-1, bad], d2)), (airoi.xnpv, (bad, [-1, 2], d2)),
                (airoi.irr, ([-1, bad],)), (airoi.irr, ([-1, 2], bad)),
                (airoi.xirr, ([-1, bad], d2)), (airoi.xirr, ([-1, 2], d2, bad)),
                (airoi.mirr, ([-1, bad], 0.1, 0.1)), (airoi.mirr, ([-1, 2], bad, 0.1)),
                (airoi.mirr, ([-1, 2], 0.1, bad)),
                (airoi.pmt, (bad, 10, 100)), (airoi.pmt, (0.1, bad, 100)), (airoi.pmt, (0.1, 10, bad)),
                (airoi.pmt, (0.1, 10, 100, bad)),
                (airoi.pv, (bad, 10, 100)), (airoi.pv, (0.1, 10, 100, bad)),
                (airoi.fv, (bad, 10, 100)), (airoi.fv, (0.1, 10, 100, bad)),
                (airoi.nper, (bad, -10, 100)), (airoi.nper, (0.1, bad, 100)),
                (airoi.rate, (bad, -10, 100)), (airoi.rate, (10, -10, 100, 0, 0, bad)),
                (airoi.payback, ([-1, bad],)),
                (airoi.discounted_payback, (bad, [-1, 2])), (airoi.discounted_payback, (0.1, [-1, bad])),
                (airoi.irr_all, ([-1, bad], 0, 1)), (airoi.irr_all, ([-1, 2], 0, bad)),
            ]
            for call in calls:
                fn, args = call[0], call[1]
                kw = call[2] if len(call) > 2 else {}
                with self.subTest(fn=fn.__name__, args=args):
                    with self.assertRaises(airoi.InvalidInputError) as cm:
                        fn(*args, **kw)
                    self.assertEqual(cm.exception.status, -1)

    def test_no_nan_out(self):
        # Overflowing results are RangeError (AIROI_ERR_RANGE), never inf/nan.
        calls = ((airoi.npv, (-0.999999, [1e300] * 200), "npv: the result overflows at rate -0.99999899999999997"),
                 (airoi.fv, (10.0, 1e6, -1), "fv: the result overflows"))
        for fn, args, message in calls:
            with self.subTest(fn=fn.__name__):
                with self.assertRaises(airoi.RangeError) as cm:
                    fn(*args)
                self.assertEqual((cm.exception.status, cm.exception.message), (-9, message))

    def test_wrong_types(self):
        with self.assertRaises(TypeError):
            airoi.npv("0.1", "123")
        with self.assertRaises(TypeError):
            airoi.npv(0.1, ["a", "b"])
        with self.assertRaises(TypeError):
            airoi.npv(None, [1])
        with self.assertRaises(TypeError):
            airoi.xnpv(0.1, [1, 2], [object(), object()])

    def test_message_is_current(self):
        no_sign_change = "irr: the values need at least one positive and one negative value"
        with self.assertRaises(airoi.NoSolutionError) as a:
            airoi.irr([1, 2, 3])
        self.assertEqual(a.exception.message, no_sign_change)
        with self.assertRaises(airoi.InvalidInputError) as b:
            airoi.xnpv(-3, [1], ["2020-01-01"])
        self.assertEqual(b.exception.message, "xnpv: rate -3 must be greater than -1")
        airoi.npv(0.1, [1])  # success clears the C message; nothing stale is reported later
        with self.assertRaises(airoi.NoSolutionError) as c:
            airoi.irr([1, 2, 3])
        self.assertEqual(c.exception.message, no_sign_change)


if __name__ == "__main__":
    unittest.main()


class TestEmptyInput(unittest.TestCase):
    """An empty sequence is reported as empty, not as a NULL pointer."""

    def test_empty_values_say_no_values(self):
        cases = [(airoi.npv, (0.1, [])), (airoi.payback, ([],)),
                 (airoi.irr, ([],)), (airoi.mirr, ([], 0.1, 0.1)),
                 (airoi.xnpv, (0.1, [], []))]
        for fn, args in cases:
            with self.subTest(fn=fn.__name__):
                with self.assertRaises(airoi.InvalidInputError) as cm:
                    fn(*args)
                self.assertNotIn("NULL", str(cm.exception))

    def test_bad_errors_argument_is_invalid_input(self):
        with self.assertRaises(airoi.InvalidInputError):
            airoi.npv_batch(0.1, [[1.0, 2.0]], errors="bogus")
