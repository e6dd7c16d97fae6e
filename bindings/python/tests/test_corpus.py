"""The invalid-model corpus (tests/data/invalid) through the Python setters.

Each NAME.yaml is read as plain data (PyYAML, test-only) and built again
through Project, the fx mapping, add_cost, add_value, add_scenario, the
tracking setters (add_actual, set_tracking, add_indicator), add_uncertainty,
add_correlation, add_stage with add_criterion and simulation_settings, key
by key in file order, then validated. The verdict must be the loader's (the
input is refused, by an airoi.Error; a limit by LimitError) and the message
the loader's: the loader says "<path>: <why>" (costs[0].growth: ...), the
setters "<subject>: <key>: <why>" (cost item 'A': growth: ...), and the why
must be the same text.

A case Python cannot express is listed in NOT_EXPRESSIBLE with the reason; a
case Python accepts is pinned in ACCEPTED (the loader must refuse it and
Python accept it); a case Python refuses by type before the library sees it
is in TYPE_ERRORS (a TypeError: with the loader's why where the value can be
written as Python writes it, else the reason the words are Python's own).
Every other corpus file goes through the full comparison, so a new corpus
case is never skipped silently. tests/unit/test-io.c (C setters) and
tests/xll/xll-host.c (the add-in's AIROI.CHECK) do the same for their
interfaces.
"""

import os
import re
import unittest
import warnings

import airoi

try:
    import yaml
except ImportError:  # pragma: no cover - reported by the runner
    yaml = None

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "tests", "data", "invalid"))

FILE_SYNTAX = "YAML syntax of the file; a program passes values, not text"
NOT_EXPRESSIBLE = {
    "syntax-bad-indent": FILE_SYNTAX,
    "syntax-tab-indent": FILE_SYNTAX,
    "syntax-unclosed-flow": FILE_SYNTAX,
    "syntax-unclosed-quote": FILE_SYNTAX,
    "alias-bomb": "YAML aliases: the file's node graph, not a value",
    "recursive-alias": "YAML aliases: the file's node graph, not a value",
    "undefined-alias": "YAML aliases: the file's node graph, not a value",
    "deep-nesting": "nesting depth of the file's YAML nodes",
    "unsupported-tag": "a YAML tag on a node",
    "multiple-documents": "several YAML documents in one file",
    "empty": "an empty file: a program always has a project handle",
    "comments-only": "an empty file: a program always has a project handle",
    "scalar-document": "the file's top node is not a mapping: the API has no document node",
    "not-a-mapping": "the file's top node is not a mapping: the API has no document node",
    "missing-project": "the project: section is missing; a program always has a project handle",
    "sequence-for-mapping": "the project: section is a sequence; the API takes settings one by one",
    "mapping-for-sequence": "costs: is a mapping; the API adds items one by one",
    "non-scalar-key": "a YAML sequence used as a mapping key",
    "duplicate-key": "a key given twice in one mapping; a setter called twice replaces the value",
    "duplicate-key-fx": "a key given twice in one mapping; a setter called twice replaces the value",
    "missing-version": "the format version (airoi: 1) belongs to the file; the API has none",
    "version-2": "the format version (airoi: 1) belongs to the file; the API has none",
    "version-quoted": "the format version (airoi: 1) belongs to the file; the API has none",
    "unknown-key-top": "a top-level key of the file; the API has no document level",
    "utf16": "the file's encoding; Python strings are text and the package passes UTF-8",
    "non-utf8": "the file's encoding; Python strings are text and the package passes UTF-8",
    "nul-byte": "a control byte in the file's text, refused by the reader before any value",
    "huge-number": "1e400 does not fit a float (Python reads it as infinity, see inf-literal); the int"
                   " 10**400 is refused as 'an integer of 401 digits, which overflows a double'",
    "missing-item-name": "the name is a required argument of add_cost (Python's own TypeError)",
    "missing-probability": "the probability is a required argument of add_scenario (Python's own TypeError)",
}

# Refused by Python's type checks before the library sees the value, with a
# TypeError. Where the words are the loader's, the value is written as Python
# writes it and the file as written ((file spelling, Python spelling)); else
# the reason the words are Python's own.
PYTHON_ARGUMENT = "Python's own TypeError for an argument of the wrong type, in Python's words"
TYPE_ERRORS = {
    "string-for-number": ("'lots'", "'lots'"),
    "bool-for-number": ("'true'", "True"),
    "number-for-bool": ("'1'", "1"),
    "quoted-number": ("the quoted string '3'", "'3'"),
    "amounts-not-numbers": "a list of amounts is read by the package's array reader, which names the"
                           " element in its own words (amounts[1] must be a number, not str: 'two')",
    "null-name": PYTHON_ARGUMENT + " (a name must be a str, not NoneType)",
    "mapping-for-scalar": PYTHON_ARGUMENT + " (a name must be a str, not dict)",
    "unknown-key-item": "an unknown keyword argument of add_cost: " + PYTHON_ARGUMENT,
    "unknown-key-project": "an unknown keyword argument of Project: " + PYTHON_ARGUMENT,
    "uncertainty-driver-mapping": PYTHON_ARGUMENT + " (driver must be a str, not dict)",
    "uncertainty-per-period-not-bool": ("'1'", "1"),
    "uncertainty-missing-target": "the target is a required argument of add_uncertainty: "
                                  + PYTHON_ARGUMENT,
    "correlation-between-one": "the two uncertainties are two required arguments of"
                               " add_correlation: " + PYTHON_ARGUMENT,
}

# Expressible, but Python accepts it: pinned, so that a change of verdict is seen.
ACCEPTED = {
    # per="period" names the default frequency (the project's period), which a
    # model file gives by leaving per out: a file may not spell it
    "per-period-spelling",
    # the setter cannot know the stage plan's length (stages may come later);
    # Project.track() refuses the period
    "tracking-indicator-period-outside",
}

# The loader shows a number as written in the file, the C library as a
# double: the same value in other spellings (loader's, API's).
SPELLINGS = {
    "inf-literal": ("'.inf'", "infinity"),
    "negative-inf-literal": ("'-.Inf'", "-infinity"),
    "nan-literal": ("'.nan'", "NaN"),
    # the loader's words for a driver name, and the setter's
    "uncertainty-driver-empty": ("expected a non-empty name", "empty string"),
    "uncertainty-driver-too-long": ("the string is 4097 bytes long; at most 4096 are allowed",
                                    "4097 bytes, longer than the limit of 4096"),
}

# The API's list of frequencies has 'period' (the default, see per-period-spelling).
LISTS = {
    "bad-per": ("once, month, quarter, year;", "once, month, quarter, year, period;"),
}

_LINE_TAIL = re.compile(r" \(first used at line \d+\)$")


def corpus_names():
    return sorted(f[:-5] for f in os.listdir(CORPUS) if f.endswith(".yaml"))


def expected(name):
    """(status word, line, column, text) of NAME.expected."""
    with open(os.path.join(CORPUS, name + ".expected"), encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    m = re.match(r"^(\w+) (\d+):(\d+): (.*)$", first)
    assert m, "%s.expected: malformed" % name
    return m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)


def loader_verdict(name):
    """(the loader's exception, the diagnostic .expected names)."""
    path = os.path.join(CORPUS, name + ".yaml")
    word, line, column, text = expected(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            airoi.Project.load(path)
    except airoi.Error as exc:
        for d in getattr(exc, "diagnostics", []):
            if d.line == line and d.column == column and text in d.message:
                return exc, d
        raise AssertionError("%s: no loader diagnostic at %d:%d with %r" % (name, line, column, text))
    raise AssertionError("%s: the loader accepts it" % name)


def why(message):
    """The loader's message without its path: "costs[0].growth: W" -> W."""
    path, sep, rest = message.partition(": ")
    assert sep and " " not in path, message
    return _LINE_TAIL.sub("", rest)


if yaml is not None:
    class _Plain(yaml.SafeLoader):
        """YAML as plain data; dates stay text, as the model format reads them."""

    _Plain.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def build(name):
    """The project of NAME.yaml, set up through the Python API and validated."""
    with open(os.path.join(CORPUS, name + ".yaml"), "rb") as f:
        doc = yaml.load(f, Loader=_Plain)
    settings = dict(doc["project"])
    p = airoi.Project(settings.pop("name"), **settings)
    if "fx" in doc:
        p.fx = doc["fx"]
    for item in doc.get("costs") or []:
        item = dict(item)
        p.add_cost(item.pop("name"), item.pop("category"), **item)
    for item in doc.get("values") or []:
        item = dict(item)
        p.add_value(item.pop("name"), item.pop("dimension"), **item)
    for s in doc.get("scenarios") or []:
        s = dict(s)
        p.add_scenario(s.pop("name"), s.pop("probability"), **s)
    for a in doc.get("actuals") or []:
        p.add_actual(a["period"], a["item"], a["amount"])
    if "tracking" in doc:
        p.set_tracking(**doc["tracking"])
    for ind in doc.get("indicators") or []:
        ind = dict(ind)
        p.add_indicator(ind.pop("name"), ind.pop("target"), **ind)
    for u in doc.get("uncertainties") or []:
        p.add_uncertainty(**u)
    for c in doc.get("correlations") or []:
        p.add_correlation(*c["between"], c["rank"])
    for st in doc.get("stages") or []:
        st = dict(st)
        criteria = st.pop("criteria", None) or []
        p.add_stage(**st)
        for c in criteria:
            p.add_criterion(len(p.investment_stages) - 1, **c)
    if "simulation" in doc:
        p.simulation_settings = doc["simulation"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p.validate()
    return p


@unittest.skipIf(yaml is None, "PyYAML is not installed (Debian: python3-yaml); it reads the corpus")
class TestCorpusThroughPython(unittest.TestCase):
    def test_every_case_is_listed_or_run(self):
        names = corpus_names()
        self.assertGreaterEqual(len(names), 80)
        for listed in (NOT_EXPRESSIBLE, TYPE_ERRORS, SPELLINGS, LISTS, ACCEPTED):
            self.assertEqual(sorted(set(listed) - set(names)), [], "listed cases without a corpus file")
        for a, b in ((NOT_EXPRESSIBLE, TYPE_ERRORS), (NOT_EXPRESSIBLE, ACCEPTED), (TYPE_ERRORS, ACCEPTED)):
            self.assertEqual(set(a) & set(b), set())

    def test_pinned_differences(self):
        for name in sorted(ACCEPTED):
            with self.subTest(name):
                loader_verdict(name)  # the loader refuses it
                build(name)  # Python accepts it

    def test_same_verdict_and_words(self):
        ran = 0
        for name in corpus_names():
            if name in NOT_EXPRESSIBLE or name in ACCEPTED:
                continue
            with self.subTest(name):
                loaded, diag = loader_verdict(name)
                want = why(diag.message)
                if name in TYPE_ERRORS:
                    with self.assertRaises(TypeError) as cm:
                        build(name)
                    if isinstance(TYPE_ERRORS[name], tuple):
                        want = want.replace(*TYPE_ERRORS[name])
                        self.assertTrue(str(cm.exception).endswith(": " + want),
                                        "python: %s\n  loader: %s" % (cm.exception, diag.message))
                    ran += 1
                    continue
                if name in SPELLINGS:
                    want = want.replace(*SPELLINGS[name])
                if name in LISTS:
                    want = want.replace(*LISTS[name])
                with self.assertRaises(airoi.Error) as cm:
                    build(name)
                got = str(cm.exception)
                self.assertTrue(got.endswith(": " + want), "python: %s\n  loader: %s" % (got, diag.message))
                self.assertEqual(isinstance(cm.exception, airoi.LimitError),
                                 isinstance(loaded, airoi.LimitError), got)
                ran += 1
        self.assertGreaterEqual(ran, 111)  # 143 cases: 30 not expressible, 2 accepted


if __name__ == "__main__":
    unittest.main()
