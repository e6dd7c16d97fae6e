#!/usr/bin/env python3
"""A constant of the wrong enumeration family does not compile quietly.

Every parameter of the public headers that takes an enumeration has that
enum type (docs/api-stability.md), so that a C compiler warns under
-Wall -Wextra when a member of one family is passed where another family
is expected (-Wenum-conversion) or a pointer to the wrong enum type is
passed (-Wincompatible-pointer-types). For each misuse below this test
compiles a small function twice with each compiler given: with the wrong
constant it expects a warning with the named option on the line of the
misuse; with the right one it expects no warning at all, so that the
warning is the misuse's and nothing else's.

Usage: check-enum-warnings.py -I<dir>... -- CC [ARGS...] [-- CC2 [ARGS...]]
       check-enum-warnings.py --self-test
Exit status 0 when every compiler warns for every misuse and for nothing
else.
"""

import os
import re
import subprocess
import sys
import tempfile

# (what is misused, code with {} for the constant, wrong, right, option)
CASES = [
    ('a project parameter',
     'airoi_project *p = 0;\n    (void)airoi_project_set_number(p, {}, 300);',
     'AIROI_ITEM_AMOUNT', 'AIROI_PROJECT_HORIZON', '-Wenum-conversion'),
    ('an item parameter',
     'airoi_item *it = 0;\n    double v;\n    (void)airoi_item_get_number(&v, it, {});',
     'AIROI_PROJECT_HORIZON', 'AIROI_ITEM_AMOUNT', '-Wenum-conversion'),
    ('a scenario parameter',
     'airoi_scenario *s = 0;\n    (void)airoi_scenario_set_number(s, {}, 2);',
     'AIROI_ITEM_GROWTH', 'AIROI_SCENARIO_DELAY', '-Wenum-conversion'),
    ('the category of a cost',
     'airoi_project *p = 0;\n    (void)airoi_project_add_cost(0, p, "Cloud", {});',
     'AIROI_DIMENSION_REVENUE', 'AIROI_CATEGORY_INFRASTRUCTURE', '-Wenum-conversion'),
    ('the dimension of a value',
     'airoi_project *p = 0;\n    (void)airoi_project_add_value(0, p, "Sales", {});',
     'AIROI_CATEGORY_SOFTWARE', 'AIROI_DIMENSION_REVENUE', '-Wenum-conversion'),
    ('an item kind',
     'const airoi_project *p = 0;\n    (void)airoi_project_count_items(p, {});',
     'AIROI_CATEGORY_PEOPLE', 'AIROI_ITEM_KIND_COST', '-Wenum-conversion'),
    ('a metric',
     'const airoi_result *r = 0;\n    double v;\n    (void)airoi_result_get_metric(&v, r, {});',
     'AIROI_SCHEDULE_NET', 'AIROI_METRIC_NPV', '-Wenum-conversion'),
    ('a result setting',
     'const airoi_result *r = 0;\n    double v;\n    (void)airoi_result_get_number(&v, r, {});',
     'AIROI_SCENARIO_DELAY', 'AIROI_PROJECT_HORIZON', '-Wenum-conversion'),
    ('a schedule column',
     'const airoi_schedule *s = 0;\n    double b[4];\n    size_t n;\n'
     '    (void)airoi_schedule_get_column(b, 4, &n, s, {});',
     'AIROI_METRIC_NPV', 'AIROI_SCHEDULE_NET', '-Wenum-conversion'),
    ('a category of a schedule',
     'const airoi_schedule *s = 0;\n    double b[4];\n    size_t n;\n'
     '    (void)airoi_schedule_get_category(b, 4, &n, s, {});',
     'AIROI_DIMENSION_RISK', 'AIROI_CATEGORY_PEOPLE', '-Wenum-conversion'),
    ('a report format',
     'const airoi_result *r = 0;\n    char *out;\n'
     '    (void)airoi_report_write(&out, 0, r, {}, 0);',
     'AIROI_REPORT_METRICS', 'AIROI_REPORT_JSON', '-Wenum-conversion'),
    ('a benchmark field',
     'const airoi_result *r = 0;\n    double v;\n'
     '    (void)airoi_result_get_benchmark_value(&v, r, {});',
     'AIROI_METRIC_ROI_BASIC', 'AIROI_BENCHMARK_ROI', '-Wenum-conversion'),
    ('an Excel date system',
     'int32_t d;\n    (void)airoi_date_from_excel(&d, 1, {});',
     'AIROI_PER_YEAR', 'AIROI_DATE_1904', '-Wenum-conversion'),
    ('a frequency name',
     'airoi_per per = {};\n    (void)per;',
     'AIROI_PERIOD_MONTH', 'AIROI_PER_MONTH', '-Wenum-conversion'),
    ('the spelling reader of another family',
     '{} v;\n    (void)airoi_per_from_name(&v, "month");',
     'airoi_period', 'airoi_per', '-Wincompatible-pointer-types'),
    ('the kind out of a lookup',
     'const airoi_project *p = 0;\n    {} kind;\n    size_t i;\n'
     '    (void)airoi_project_find_item(&kind, &i, p, "Team");',
     'int', 'airoi_item_kind', '-Wincompatible-pointer-types'),
]

TEMPLATE = '''#include <stdint.h>
#include <airoi/airoi.h>

void misuse(void);

void misuse(void)
{
    %s
}
'''


def compile_case(cc, includes, code, path):
    """Compiler diagnostics of one function (stderr), and the line of the
    statement that holds the substituted text."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write(TEMPLATE % code)
    args = cc + ['-std=c11', '-Wall', '-Wextra', '-fsyntax-only'] + includes + [path]
    run = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    return run.returncode, run.stdout


def warning_lines(output, path, option):
    """Line numbers of `path` that carry a warning tagged with `option`."""
    name = re.escape(os.path.basename(path))
    pat = re.compile(r'%s:(\d+):(?:\d+:)? warning: .*\[%s\]' % (name, re.escape(option)))
    return {int(m.group(1)) for m in pat.finditer(output)}


def misuse_line(code, option):
    """The line of the file that should carry the warning: that of the
    constant for a conversion, that of the call (the last) for a pointer."""
    lines = (TEMPLATE % code).split('\n')
    if option == '-Wenum-conversion':
        return next(i for i, l in enumerate(lines) if '{}' in l) + 1
    return next(i for i, l in enumerate(lines) if l.strip() == code.split('\n')[-1].strip()) + 1


def check(cc, includes, cases, tmp):
    problems = []
    who = os.path.basename(cc[0])
    for k, (what, code, wrong, right, option) in enumerate(cases):
        path = os.path.join(tmp, 'misuse%d.c' % k)
        body_bad = code.replace('{}', wrong)
        line = misuse_line(code, option)
        rc, out = compile_case(cc, includes, body_bad, path)
        if line not in warning_lines(out, path, option):
            problems.append('%s: %s with %s: no %s warning on line %d:\n%s'
                            % (who, what, wrong, option, line, out))
        rc, out = compile_case(cc, includes, code.replace('{}', right), path)
        if rc != 0 or 'warning' in out or 'error' in out:
            problems.append('%s: %s with %s (right) does not compile cleanly:\n%s'
                            % (who, what, right, out))
    return problems


def self_test():
    out = ('/tmp/x/misuse3.c:8:38: warning: implicit conversion from '
           "'enum airoi_dimension' to 'airoi_category' [-Wenum-conversion]\n"
           '/tmp/x/misuse3.c:9:5: warning: unused variable [-Wunused-variable]\n')
    assert warning_lines(out, '/tmp/x/misuse3.c', '-Wenum-conversion') == {8}
    assert warning_lines(out, '/tmp/x/misuse4.c', '-Wenum-conversion') == set()
    assert warning_lines(out, '/tmp/x/misuse3.c', '-Wincompatible-pointer-types') == set()
    # every case names its constant once, in a line of its own
    for what, code, wrong, right, option in CASES:
        assert code.count('{}') == 1, what
        assert wrong != right, what
    print('self-test passed')
    return 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    args = argv[1:]
    if '--' not in args:
        print(__doc__, file=sys.stderr)
        return 2
    cut = args.index('--')
    includes, rest = args[:cut], args[cut + 1:]
    compilers = []
    while rest:
        cut = rest.index('--') if '--' in rest else len(rest)
        if rest[:cut]:
            compilers.append(rest[:cut])
        rest = rest[cut + 1:]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for cc in compilers:
            problems += check(cc, includes, CASES, tmp)
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print('%d misuses warned by %s' % (len(CASES), ', '.join(c[0] for c in compilers)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
