#!/usr/bin/env python3
"""Differential test: `airoi report FILE --format json` against the
independent evaluator of tests/spec/reference.py.

    python3 tests/spec/test_spec.py AIROI_CLI [--count N] [--seed S]
                                    [--keep DIR] [--verbose] [FILE.yaml ...]

Generates N random valid models (gen.py, fixed seed), runs the CLI on each
and compares, key by key, every `metrics.*` figure, `tco`, `value`, every
`schedule[]` row and every `scenarios[].metrics` entry: within 1e-9
relative (1e-6 for irr and mirr), null must match null. FILE.yaml
arguments (needs PyYAML) are compared too. Exits 1 on any disagreement,
printing each with the model's YAML (or keeping the files with --keep).
Python standard library only.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402  pylint: disable=wrong-import-position
import reference  # noqa: E402  pylint: disable=wrong-import-position

METRIC_KEYS = ['npv', 'irr', 'mirr', 'roi_basic', 'roi_horizon',
               'roi_risk_adjusted', 'expected_npv', 'npv_roi', 'bcr',
               'payback_periods', 'discounted_payback_periods',
               'pv_costs', 'pv_benefits', 'total_costs', 'total_benefits',
               'annual_costs', 'annual_benefits', 'tco_total', 'tco_direct',
               'tco_hidden', 'tco_hidden_share', 'tco_pv',
               'expected_benefits', 'expected_costs',
               'first_year_costs', 'first_year_benefits', 'roi_annualised']
SCHED_KEYS = ['period', 'costs', 'benefits', 'net', 'cumulative',
              'discounted', 'discounted_cumulative', 'discount_factor']
TCO_KEYS = ['total', 'direct', 'hidden', 'hidden_share', 'pv', 'annual']
VALUE_KEYS = ['total', 'pv', 'annual', 'strategic_unmonetized']
RATIOS = {'irr', 'mirr', 'roi_basic', 'roi_horizon', 'roi_risk_adjusted', 'roi_annualised',
          'npv_roi', 'bcr', 'tco_hidden_share', 'hidden_share',
          'payback_periods', 'discounted_payback_periods', 'discount_factor'}


def close(key, ref, lib, scale):
    """ref and lib agree: null with null, else within the tolerance.

    Money figures are compared within 1e-9 relative to the larger of the
    two and of the model's money scale (sums of flows of both signs cancel);
    ratios within 1e-9 relative (irr, mirr 1e-6) with a 1e-9 floor."""
    if ref is None or lib is None:
        return ref is None and lib is None
    if not isinstance(lib, (int, float)) or isinstance(lib, bool):
        return False
    rel = 1e-6 if key in ('irr', 'mirr') else 1e-9
    if key in RATIOS:
        floor = 1e-9
    else:
        floor = 1e-12 * scale
    return abs(ref - lib) <= max(rel * max(abs(ref), abs(lib)), floor)


class Checker:
    def __init__(self, name):
        self.name = name
        self.errors = []
        self.irr_multi = 0
        self.irr_near_minus_one = 0

    def metrics(self, where, ref, lib, scale, irr_info):
        if not isinstance(lib, dict):
            self.errors.append('%s: missing' % where)
            return
        for k in METRIC_KEYS:
            if k not in lib:
                self.errors.append('%s.%s: missing' % (where, k))
                continue
            if k == 'irr' and irr_info['near_minus_one']:
                self.irr_near_minus_one += 1  # counted; checked like any other
            if k == 'irr' and not irr_info['unique']:
                self.irr_multi += 1
                self.irr_several(where, lib[k], scale, irr_info)
                continue
            if not close(k, ref[k], lib[k], scale):
                self.errors.append('%s.%s: reference %r, library %r'
                                   % (where, k, ref[k], lib[k]))

    def irr_several(self, where, got, scale, info):
        """Several sign changes, so possibly several IRRs. The library's
        documented choice (docs/methodology.md 1.4, 1.11), which is also
        Excel's: the root Newton's iteration reaches from the guess (10% a
        year, converted per period);
        when it fails, the root nearest the guess; null only when there is
        no root at all."""
        roots = info['roots']
        if info['newton'] is not None:
            if not close('irr', info['newton'], got, scale):
                self.errors.append('%s.irr: Newton from %r gives %r, library %r (roots %r)'
                                   % (where, info['guess'], info['newton'], got, roots))
            return
        if not roots:
            if got is not None:
                self.errors.append('%s.irr: library %r, but the reference finds no root'
                                   % (where, got))
            return
        if got is None:
            self.errors.append('%s.irr: library null, roots %r' % (where, roots))
            return
        per = info['period_roots']
        g = info['guess']
        near_u = min(per, key=lambda x: abs(math.log(1.0 + x) - math.log1p(g))
                     if x > -1.0 else math.inf)
        near_r = min(per, key=lambda x: abs(x - g))
        y = info['years_per_period']
        near_u, near_r = reference.annualise(near_u, y), reference.annualise(near_r, y)
        if not (close('irr', near_u, got, scale) or close('irr', near_r, got, scale)):
            self.errors.append('%s.irr: library %r, the root nearest the guess is %r (roots %r)'
                               % (where, got, near_r, roots))

    def check(self, ref, lib):
        flows = [abs(r[k]) for r in ref['schedule'] for k in ('costs', 'benefits')]
        scale = max([1.0] + [math.fsum(flows)])
        self.metrics('metrics', ref['metrics'], lib.get('metrics'), scale,
                     ref['irr_info'])
        tco = lib.get('tco', {})
        for k in TCO_KEYS:
            if not close(k, ref['tco'][k], tco.get(k, 'missing'), scale):
                self.errors.append('tco.%s: reference %r, library %r'
                                   % (k, ref['tco'][k], tco.get(k)))
        for c in reference.CATEGORIES:
            got = tco.get('by_category', {}).get(c, 'missing')
            if not close('', ref['tco']['by_category'][c], got, scale):
                self.errors.append('tco.by_category.%s: reference %r, library %r'
                                   % (c, ref['tco']['by_category'][c], got))
        val = lib.get('value', {})
        for k in VALUE_KEYS:
            if not close(k, ref['value'][k], val.get(k, 'missing'), scale):
                self.errors.append('value.%s: reference %r, library %r'
                                   % (k, ref['value'][k], val.get(k)))
        for d in reference.DIMENSIONS:
            got = val.get('by_dimension', {}).get(d, 'missing')
            if not close('', ref['value']['by_dimension'][d], got, scale):
                self.errors.append('value.by_dimension.%s: reference %r, library %r'
                                   % (d, ref['value']['by_dimension'][d], got))
        sched = lib.get('schedule', [])
        if len(sched) != len(ref['schedule']):
            self.errors.append('schedule: reference %d rows, library %d'
                               % (len(ref['schedule']), len(sched)))
        for rr, lr in zip(ref['schedule'], sched):
            for k in SCHED_KEYS:
                if not close(k, rr[k], lr.get(k, 'missing'), scale):
                    self.errors.append('schedule[%d].%s: reference %r, library %r'
                                       % (rr['period'], k, rr[k], lr.get(k)))
        scens = lib.get('scenarios', [])
        if [s['name'] for s in ref['scenarios']] != [s.get('name') for s in scens]:
            self.errors.append('scenarios: reference %r, library %r'
                               % ([s['name'] for s in ref['scenarios']],
                                  [s.get('name') for s in scens]))
            return
        for rs, ls in zip(ref['scenarios'], scens):
            if ls.get('implicit') != rs['implicit'] or \
                    not close('', rs['probability'], ls.get('probability'), 1):
                self.errors.append('scenarios[%s]: implicit/probability differ'
                                   % rs['name'])
            self.metrics('scenarios[%s].metrics' % rs['name'], rs['metrics'],
                         ls.get('metrics'), scale, rs['irr_info'])


def run_cli(cli, path):
    p = subprocess.run([cli, 'report', path, '--format', 'json'],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False)
    if p.returncode != 0:
        return None, 'exit %d: %s' % (p.returncode,
                                      p.stderr.decode('utf-8', 'replace').strip())
    return json.loads(p.stdout.decode('utf-8')), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('cli')
    ap.add_argument('files', nargs='*')
    ap.add_argument('--count', type=int, default=300)
    ap.add_argument('--seed', type=int, default=20260101)
    ap.add_argument('--keep', help='write every failing model into this directory')
    ap.add_argument('--verbose', '-v', action='store_true')
    ap.add_argument('--max-report', type=int, default=10)
    args = ap.parse_intermixed_args()

    cases = []   # (name, model dict or None, yaml text or path)
    for f in args.files:
        try:
            cases.append((f, reference.load(f), None))
        except ImportError:
            print('skipping %s: PyYAML is not installed' % f)
    for i, m in enumerate(gen.models(args.seed, args.count)):
        cases.append(('model-%d' % i, m, gen.to_yaml(m)))

    failed = 0
    reported = 0
    multi = 0
    near = 0
    with tempfile.TemporaryDirectory(prefix='airoi-spec-') as tmp:
        for name, model, text in cases:
            path = name
            if text is not None:
                path = os.path.join(tmp, name + '.yaml')
                with open(path, 'w', encoding='utf-8') as fh:
                    fh.write(text)
            chk = Checker(name)
            lib, err = run_cli(args.cli, path)
            if err:
                chk.errors.append('airoi failed on a valid model: ' + err)
            else:
                chk.check(reference.evaluate(model), lib)
            multi += chk.irr_multi
            near += chk.irr_near_minus_one
            if chk.errors:
                failed += 1
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    if text is not None:
                        with open(os.path.join(args.keep, name + '.yaml'), 'w',
                                  encoding='utf-8') as fh:
                            fh.write(text)
                if reported < args.max_report:
                    reported += 1
                    print('FAIL %s (%d disagreements)' % (name, len(chk.errors)))
                    for e in chk.errors[:12 if not args.verbose else None]:
                        print('   ', e)
                    if text is not None and args.verbose:
                        print(text)
            elif args.verbose:
                print('ok   %s' % name)
    print('%d of %d models disagree (seed %d); %d IRR checks with several roots,'
          ' %d IRRs with 1 + rate < 1e-6 (checked like the others)' % (failed, len(cases), args.seed,
                                                           multi, near))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
