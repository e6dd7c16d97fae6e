#!/usr/bin/python3
# tests/fuzz/xloper-seeds.py: writes the seeds of tests/fuzz/fuzz-xloper.c
# into tests/fuzz/corpus-xloper/ (test layer): one file per XLOPER12 shape
# and worksheet function, in the target's byte encoding (see build() and
# LLVMFuzzerTestOneInput() there). Run it again after changing either.
import os
import struct

FUNCTIONS = ['npv', 'xnpv', 'irr', 'xirr', 'mirr', 'payback', 'dpayback', 'roi', 'npvroi',
             'version', 'ipmt', 'ppmt', 'cumipmt', 'cumprinc', 'ispmt', 'effect', 'nominal',
             'pduration', 'rri', 'fvschedule', 'sln', 'syd', 'db', 'ddb', 'vdb', 'check',
             'project', 'metric', 'schedule', 'tco', 'findings', 'scenarios', 'benchmark',
             'tornado', 'stages']
READERS = ['number', 'number_opt', 'numbers_only', 'blank_zero', 'dense', 'text', 'dated']
ERRORS = {'null': 0, 'div0': 1, 'value': 2, 'ref': 3, 'name': 4, 'num': 5, 'na': 6, 'data': 7}
SIDES = [0, -1, 1, 2, 1048576, 16384, 2**31 - 1, -2**31]


def num(v):
    small = round(v * 100)
    if -32768 <= small <= 32767 and abs(small / 100 - v) < 1e-12:
        return bytes([1]) + struct.pack('<h', small)
    return bytes([0]) + struct.pack('<d', v)


def raw(v):
    return bytes([0]) + struct.pack('<d', v)


def text(s):
    b = s.encode('latin-1')
    assert len(b) < 64
    return bytes([2, len(b)]) + b


def utf16(units):
    return bytes([3, len(units), 0, 0]) + b''.join(struct.pack('<H', u) for u in units)


def long_text(n, fill=ord('a')):
    return bytes([3, 200]) + struct.pack('<HH', n, fill)


def boolean(v):
    return bytes([4, v & 0xff])


def err(name):
    return bytes([5, ERRORS[name]])


MISSING, NIL, HANDLE = bytes([6]), bytes([7]), bytes([10])


def integer(v):
    return bytes([8]) + struct.pack('<i', v)


def sref():
    return bytes([9, 1]) + struct.pack('<ii', 0, 3)


def mref():
    return bytes([9, 2, 1, 1, 0])


def grid(rows, cols, cells):
    assert len(cells) == rows * cols and rows <= 8 and cols <= 8
    return bytes([11, rows | cols << 4]) + b''.join(cells)


def declared(rows, cols):
    """An array declaring SIDES[rows] x SIDES[cols] (cols 4..7) with no elements."""
    assert 4 <= cols <= 7
    return bytes([11, 224 | rows | (cols - 4) << 3])


def row(*cells):
    return grid(1, len(cells), list(cells))


def col(*cells):
    return grid(len(cells), 1, list(cells))


def call(name, *args):
    which = FUNCTIONS.index(name) if name in FUNCTIONS else len(FUNCTIONS) + READERS.index(name)
    return bytes([which]) + b''.join(args)


flows = row(num(-1000), num(300), num(400), num(500))
dates = row(num(45658), num(45689), num(45900), num(46023))
project = grid(2, 5, [text('name'), text('currency'), text('period'), text('horizon'),
                      text('discount_rate'), text('Sheet'), text('USD'), text('year'), num(3),
                      num(0.1)])
costs = grid(2, 4, [text('name'), text('category'), text('amount'), text('at'),
                    text('Build'), text('people'), num(100), num(0)])
values = grid(2, 4, [text('name'), text('dimension'), text('amount'), text('per'),
                     text('Saved'), text('efficiency'), num(60), text('year')])
positional = row(text('Sheet'), text('EUR'), text('quarter'), num(8), num(0.08))
scenarios = grid(2, 3, [text('name'), text('probability'), text('multipliers.values'),
                        text('best'), num(1), num(1.2)])

SEEDS = {
    'npv-range': call('npv', num(0.1), flows),
    'npv-column-blank-text': call('npv', num(0.1), col(num(-100), NIL, text('x'), boolean(1),
                                                       num(60), num(70))),
    'npv-rate-minus-one': call('npv', num(-1), flows),
    'npv-nan-rate': call('npv', raw(float('nan')), flows),
    'npv-inf-flow': call('npv', num(0.1), row(num(-1), raw(float('inf')))),
    'npv-error-cell': call('npv', num(0.1), row(num(-1), err('div0'), num(2))),
    'npv-nested-array': call('npv', num(0.1), row(num(-1), row(num(2), num(3)))),
    'npv-reference': call('npv', sref(), mref()),
    'npv-empty-array': call('npv', num(0.1), grid(0, 3, [])),
    'npv-declared-huge': call('npv', num(0.1), declared(4, 5)),
    'npv-declared-negative': call('npv', num(0.1), declared(1, 7)),
    'npv-declared-max': call('npv', num(0.1), declared(6, 6)),
    'xnpv': call('xnpv', num(0.1), flows, dates, text('act/360')),
    'xnpv-dates-short': call('xnpv', num(0.1), flows, row(num(45658))),
    'xirr': call('xirr', flows, dates, MISSING, NIL),
    'xirr-bad-date': call('xirr', flows, row(num(-5), num(1), num(2), raw(3e9))),
    'irr-guess': call('irr', flows, num(0.2)),
    'irr-int-bool': call('irr', row(integer(-100), integer(60), boolean(7), integer(70)), NIL),
    'mirr': call('mirr', flows, num(0.05), num(0.08)),
    'payback-scalar': call('payback', num(5)),
    'dpayback': call('dpayback', num(0.1), flows),
    'roi-missing': call('roi', MISSING, flows),
    'npvroi': call('npvroi', num(0.1), row(num(0), num(600)), row(num(300), num(100))),
    'version': call('version'),
    'ipmt': call('ipmt', num(0.01), num(1), num(12), num(1000), MISSING, MISSING),
    'cumprinc': call('cumprinc', num(0.01), num(12), num(1000), num(1), num(12), num(0)),
    'vdb': call('vdb', num(1000), num(100), num(5), num(0), num(2), num(2), boolean(0)),
    'db-month': call('db', num(1000), num(100), num(5), num(1), integer(7)),
    'fvschedule': call('fvschedule', num(100), col(num(0.1), num(0.2), NIL)),
    'effect-string-number': call('effect', text('0.1'), num(12)),
    'text-ascii': call('text', text('project#1')),
    'text-utf16-surrogates': call('text', utf16([0xd800, 0x41, 0xdfff, 0xfffe, 0])),
    'text-long': call('text', long_text(32767)),
    'text-one-cell-array': call('text', row(text('act/365f'))),
    'text-error': call('text', err('na')),
    'number-one-cell-array': call('number', row(num(2.5))),
    'number-bool-any-int': call('number', boolean(-3)),
    'number-opt-missing': call('number_opt', MISSING),
    'number-opt-nil': call('number_opt', NIL),
    'numbers-only': call('numbers_only', grid(2, 2, [num(1), NIL, text('a'), err('num')])),
    'blank-zero': call('blank_zero', grid(2, 2, [num(1), NIL, num(3), NIL])),
    'dense-blank': call('dense', row(num(1), NIL)),
    'dated': call('dated', flows, dates),
    'dated-arrays-mismatch': call('dated', flows, col(num(1), num(2))),
    'check-header-tables': call('check', project, costs, values, scenarios),
    'check-positional': call('check', positional, row(text('Build'), text('people'), num(10)),
                             row(text('Saved'), text('efficiency'), num(30)), MISSING),
    'check-unknown-column': call('check', row(text('name'), text('colour')), costs, values,
                                 MISSING),
    # found: a table declaring 1 x 1,048,576 cells with no elements was read
    # through a null lparray (bindings/excel/xll-readers.c table_of())
    'regression-table-declared-no-elements': call('check', declared(2, 4), costs, values,
                                                  MISSING),
    # found: CUMIPMT with periods from 2^53 on never ended (p += 1.0 left p
    # unchanged; lib/finance/loans.c airoi__cumipmt())
    'regression-cumipmt-periods-past-2-53': call('cumipmt', num(0.1), raw(1e17), num(1000),
                                                 raw(1e17), raw(1e17), num(0)),
    'check-empty-costs': call('check', project, grid(0, 4, []), values, MISSING),
    'check-error-cell': call('check', project, grid(2, 1, [text('name'), err('ref')]), values,
                             NIL),
    'project-then-readers': call('project', project, costs, values, scenarios)
    + call('metric', HANDLE, text('npv'), MISSING) + call('schedule', HANDLE)
    + call('tco', HANDLE) + call('findings', HANDLE) + call('scenarios', HANDLE)
    + call('benchmark', HANDLE) + call('tornado', HANDLE),
    'project-stages-bad-handle': call('project', positional, costs, values, MISSING)
    + call('stages', HANDLE) + call('metric', text('project#0'), text('irr'), text('best')),
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus-xloper')
os.makedirs(out, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
print(len(SEEDS), 'seeds in', out)
