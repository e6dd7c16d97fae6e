"""The examples in the docstrings and in docs/python.md run and give what they show."""

import doctest
import os
import unittest

import airoi
import airoi.dates
import airoi.enums
import airoi.finance
import airoi.items
import airoi.model
import airoi.project
import airoi.result
import airoi.scenarios
import airoi.daycount
import airoi.depreciation
import airoi.loans
import airoi.rates
import airoi.tvm

try:
    import numpy
except ImportError:  # pragma: no cover - reported by the runner
    numpy = None

HERE = os.path.dirname(os.path.abspath(__file__))
GUIDE = os.path.join(HERE, "..", "..", "..", "docs", "python.md")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


class TestDoctests(unittest.TestCase):
    def run_doctests(self, suite):
        result = unittest.TestResult()
        suite.run(result)
        problems = result.failures + result.errors
        self.assertEqual(problems, [], "\n".join(text for _, text in problems))
        self.assertGreater(result.testsRun, 0)

    def test_docstrings(self):
        import datetime

        suite = unittest.TestSuite()
        for module in (airoi, airoi.finance, airoi.dates, airoi.model, airoi.enums, airoi.project,
                       airoi.items, airoi.scenarios, airoi.result, airoi.loans, airoi.rates,
                       airoi.depreciation, airoi.tvm, airoi.daycount):
            suite.addTests(doctest.DocTestSuite(module, optionflags=FLAGS,
                                                extraglobs={"datetime": datetime}))
        self.run_doctests(suite)

    @unittest.skipIf(numpy is None, "numpy is not installed (Debian: python3-numpy); docs/python.md uses it")
    @unittest.skipUnless(os.path.exists(GUIDE), "docs/python.md is not beside the package (installed copy)")
    def test_guide(self):
        # The ```python blocks of the guide, run in order in one namespace.
        with open(GUIDE, encoding="utf-8") as f:
            lines = f.read().split("\n")
        blocks, inside = [], False
        for line in lines:
            if line.startswith("```"):
                inside = line.strip() == "```python"
                blocks.append("")
            elif inside:
                blocks.append(line)
        test = doctest.DocTestParser().get_doctest("\n".join(blocks), {"airoi": airoi}, "docs/python.md",
                                                   GUIDE, 0)
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        out = []
        runner.run(test, out=out.append)
        self.assertGreater(runner.tries, 20)
        self.assertEqual(runner.failures, 0, "".join(out))


if __name__ == "__main__":
    unittest.main()
