"""The lifetime helpers the model classes are built on (airoi._lib)."""

import ctypes
import gc
import unittest

import airoi
from airoi import _lib


class TestHandle(unittest.TestCase):
    def test_owned_is_freed_once(self):
        freed = []
        h = _lib.Handle(0x1000, freed.append)
        self.assertFalse(h.closed)
        self.assertEqual(h._as_parameter_.value, 0x1000)
        h.close()
        h.close()
        self.assertEqual(freed, [0x1000])
        self.assertTrue(h.closed)
        with self.assertRaises(ValueError):
            h._as_parameter_

    def test_freed_by_gc_and_with(self):
        freed = []
        h = _lib.Handle(ctypes.c_void_p(0x2000), freed.append)
        del h
        gc.collect()
        self.assertEqual(freed, [0x2000])
        with _lib.Handle(0x3000, freed.append) as h2:
            self.assertFalse(h2.closed)
        self.assertEqual(freed, [0x2000, 0x3000])

    def test_child_keeps_parent_alive_and_dies_with_it(self):
        freed = []
        parent = _lib.Handle(0x4000, freed.append)
        child = _lib.Handle(0x4010, None, parent)
        del parent
        gc.collect()
        self.assertEqual(freed, [])  # the child holds its parent
        self.assertFalse(child.closed)
        child._parent.close()
        self.assertTrue(child.closed)
        with self.assertRaises(ValueError):
            child._as_parameter_
        del child
        gc.collect()
        self.assertEqual(freed, [0x4000])

    def test_invalidate_and_null(self):
        freed = []
        h = _lib.Handle(0x5000, freed.append)
        h.invalidate()
        h.close()
        self.assertEqual(freed, [])
        with self.assertRaises(ValueError):
            _lib.Handle(None, freed.append)
        with self.assertRaises(ValueError):
            _lib.Handle(ctypes.c_void_p(), freed.append)


class TestReadDoubles(unittest.TestCase):
    def test_grows_buffer(self):
        # x^4 roots at 10%, 20%, 30%, 40%: (1+r) = 1.1, 1.2, 1.3, 1.4
        import itertools

        coeffs = [1.0]
        for root in (1.1, 1.2, 1.3, 1.4):
            coeffs = [a - root * b for a, b in itertools.zip_longest(coeffs + [0.0], [0.0] + coeffs,
                                                                      fillvalue=0.0)]
        values = coeffs  # NPV(r) * (1+r)^4 = prod(1+r - root) in x = 1+r, highest power first
        ptr, n, _keep = _lib.doubles(values)
        for cap in (1, 4, 16):
            roots = _lib.read_doubles(_lib.C.airoi_irr_all, ptr, n, 0.0, 0.5, cap=cap)
            self.assertEqual(len(roots), 4, roots)
            for got, want in zip(roots, (0.1, 0.2, 0.3, 0.4)):
                self.assertAlmostEqual(got, want, places=7)
        self.assertEqual([round(r, 6) for r in airoi.irr_all(values, 0.0, 0.5)], [0.1, 0.2, 0.3, 0.4])


if __name__ == "__main__":
    unittest.main()
