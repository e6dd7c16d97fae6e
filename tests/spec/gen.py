#!/usr/bin/env python3
"""Seeded random generator of valid format-v1 models (docs/model-format.md).

Every model is a dict shaped like the YAML file; `to_yaml()` writes it in
block style (Python standard library only, so that PyYAML is not needed).
The generator covers: the three periods, horizons 0..60, negative and
positive discount rates, finance/reinvest rates, `unit`, FX, the three
amount forms (amount, quantity x unit_amount, amounts lists), every `per`
(absent too), one-time amounts with and without `at`, defaults of
from/to, growth, risk_adjustment, realization, attribution, the four
adoption curves (ramp lengths 0..14), strategic values with and without
`monetized`, and scenarios with multipliers on items, categories,
dimensions, `values` and `costs`, delays (also past the horizon) and
adoption ceilings.

    python3 gen.py SEED [N]   prints N models as YAML documents (debugging)
"""

import random

from reference import CATEGORIES, DIMENSIONS

CURRENCIES = ['USD', 'EUR', 'JPY', 'GBP']
PROJECT_CURRENCIES = ['TWD', 'USD', 'EUR', None]
FREQ = ['once', 'month', 'quarter', 'year']


def _money(rng, big=False):
    """A positive amount: round numbers, or arbitrary doubles."""
    scale = 10 ** rng.randint(0, 6 if big else 4)
    if rng.random() < 0.4:
        return rng.randint(1, 99) * scale
    return rng.uniform(0.01, 100.0) * scale


def _share(rng):
    return rng.choice([0.0, 1.0, 0.5, round(rng.random(), 3), rng.random()])


def _rate(rng):
    return rng.choice([0.0, 0.05, 0.08, 0.1, round(rng.uniform(-0.05, 0.3), 4),
                       rng.uniform(-0.2, 0.5)])


def _item(rng, model, name, is_value):
    proj = model['project']
    horizon = proj['horizon']
    period = proj['period']
    it = {'name': name}
    if is_value:
        it['dimension'] = rng.choice(DIMENSIONS)
    else:
        it['category'] = rng.choice(CATEGORIES)
    fxs = list((model.get('fx') or {}).keys())

    form = rng.random()
    default_from = 1 if horizon >= 1 else 0
    if form < 0.18:
        # explicit amounts list from `from`
        frm = rng.randint(0, horizon)
        if rng.random() < 0.4 and frm == default_from and horizon >= 1:
            pass
        else:
            it['from'] = frm
        frm = it.get('from', default_from)
        room = horizon - frm + 1
        n = rng.randint(1, room)
        if rng.random() < 0.3:
            it['to'] = rng.randint(frm + n - 1, horizon)
        it['amounts'] = [rng.choice([0, _money(rng), -_money(rng) * 0.1,
                                     _money(rng)]) for _ in range(n)]
        if rng.random() < 0.35:
            per = rng.choice(FREQ[1:])
            it['per'] = per
        if rng.random() < 0.1:
            it['growth'] = 0.2          # accepted, not applied to a list
    else:
        # amount, or quantity x unit_amount, or nothing
        f2 = rng.random()
        if f2 < 0.6:
            it['amount'] = _money(rng, True)
            if rng.random() < 0.05:
                it['amount'] = -it['amount'] * 0.05
        elif f2 < 0.95:
            it['quantity'] = rng.choice([rng.randint(1, 1000000), rng.uniform(0.5, 40)])
            it['unit_amount'] = rng.choice([0.002, 0.004, rng.uniform(0.001, 500)])
        if rng.random() < 0.3:
            # one-time
            if rng.random() < 0.7:
                it['per'] = 'once'
                if rng.random() < 0.6:
                    it['at'] = rng.randint(0, horizon)
            else:
                it['at'] = rng.randint(0, horizon)   # per defaults to once
            if rng.random() < 0.1:
                it['growth'] = 0.1      # accepted, not applied to `once`
        else:
            if rng.random() < 0.85:
                it['per'] = rng.choice(FREQ[1:] + [period])
            if horizon == 0 or (rng.random() < 0.6 and horizon >= 1):
                # a horizon-0 model must say from: 0 (the default 1 is
                # outside 0..horizon: invalid, docs/methodology.md#validation)
                it['from'] = rng.randint(0, horizon)
            frm = it.get('from', default_from)
            if rng.random() < 0.5:
                it['to'] = rng.randint(frm, horizon)
            if rng.random() < 0.4:
                it['growth'] = rng.choice([0.03, 0.05, 0.15, -0.1,
                                           rng.uniform(-0.5, 1.0)])
            # payment: lump where it applies (per longer than the period)
            months = {'month': 1, 'quarter': 3, 'year': 12}
            if months[it.get('per', period)] > months[period]:
                if rng.random() < 0.4:
                    it['payment'] = 'lump'
                elif rng.random() < 0.1:
                    it['payment'] = 'spread'

    if fxs and rng.random() < 0.3:
        it['currency'] = rng.choice(fxs)
    elif proj.get('currency') and rng.random() < 0.1:
        it['currency'] = proj['currency']
    if rng.random() < 0.25:
        it['risk_adjustment'] = _share(rng) * 0.5
    if is_value:
        if rng.random() < 0.4:
            it['realization'] = _share(rng)
        if rng.random() < 0.4:
            it['attribution'] = _share(rng)
        if it['dimension'] == 'strategic' and rng.random() < 0.5:
            it['monetized'] = rng.random() < 0.7
        elif rng.random() < 0.08:
            it['monetized'] = rng.random() < 0.5
        if rng.random() < 0.6:
            ad = {'curve': rng.choice(['linear', 's_curve', 'step', 'none'])}
            if rng.random() < 0.9:
                ad['periods'] = rng.choice([1, 2, 3, 4, 6, 9, 12, 14,
                                            rng.randint(1, 14)])
            if rng.random() < 0.8:
                ad['start'] = rng.choice([0.0, 0.1, 0.2, _share(rng)])
            if rng.random() < 0.8:
                ad['ceiling'] = rng.choice([1.0, 0.8, 0.85, _share(rng)])
            it['adoption'] = ad
    return it


def model(rng, idx=0):
    """One random valid model (dict)."""
    period = rng.choice(['year', 'year', 'quarter', 'month', 'month'])
    if period == 'year':
        horizon = rng.choice([0, 1, 1, 2, 3, 3, 5, 7, 10, 30])
    elif period == 'quarter':
        horizon = rng.choice([0, 1, 2, 3, 4, 5, 8, 12, 20, 40])
    else:
        horizon = rng.choice([0, 1, 6, 11, 12, 13, 24, 36, 48, 60, 120])
    proj = {'name': 'Model %d' % idx}
    cur = rng.choice(PROJECT_CURRENCIES)
    if cur:
        proj['currency'] = cur
    if rng.random() < 0.4:
        proj['unit'] = rng.choice([1, 1000, 10000])
    if rng.random() < 0.3:
        proj['start'] = '2026-01-01'
    proj['period'] = period
    proj['horizon'] = horizon
    explicit = {'period': period != 'year' or rng.random() < 0.7,
                'horizon': horizon != 1 or rng.random() < 0.7}
    if rng.random() < 0.9:
        proj['discount_rate'] = _rate(rng)
    if rng.random() < 0.3:
        proj['finance_rate'] = _rate(rng)
    if rng.random() < 0.3:
        proj['reinvest_rate'] = _rate(rng)
    if rng.random() < 0.2:
        proj['stage'] = rng.choice(['strategy', 'poc', 'mvp', 'scale', 'production'])
    m = {'airoi': 1, 'project': proj}
    if rng.random() < 0.6:
        fx = {}
        for c in rng.sample([c for c in CURRENCIES if c != cur], rng.randint(1, 3)):
            fx[c] = rng.choice([32, 0.9, 150, rng.uniform(0.005, 50)])
        m['fx'] = fx
    names = []
    costs = []
    for i in range(rng.randint(0 if rng.random() < 0.05 else 1, 8)):
        nm = 'Cost %d %s' % (i, rng.choice(['API', 'team', 'GPU', 'ops']))
        costs.append(_item(rng, m, nm, False))
        names.append(nm)
    values = []
    for i in range(rng.randint(0, 6)):
        nm = 'Value %d' % i
        values.append(_item(rng, m, nm, True))
        names.append(nm)
    if costs or rng.random() < 0.5:
        m['costs'] = costs
    if values or rng.random() < 0.5:
        m['values'] = values
    ns = rng.choice([0, 0, 1, 2, 3, 3, 4])
    if ns:
        w = [rng.randint(1, 20) for _ in range(ns)]
        total = sum(w)
        probs = [x / total for x in w]
        probs[-1] = 1.0 - sum(probs[:-1])
        targets = names + CATEGORIES + DIMENSIONS + ['values', 'costs']
        scens = []
        for i in range(ns):
            s = {'name': ['best', 'base', 'worst', 'stress'][i],
                 'probability': probs[i]}
            if rng.random() < 0.7:
                mult = {}
                for t in rng.sample(targets, rng.randint(1, 4)):
                    mult[t] = rng.choice([0.0, 0.5, 0.9, 1.1, 1.25,
                                          1.3333333333333333, rng.uniform(0, 2)])
                s['multipliers'] = mult
            if rng.random() < 0.4:
                s['delay'] = rng.choice([0, 1, 2, 3, horizon, horizon + 2])
            if rng.random() < 0.15:
                s['adoption_ceiling'] = _share(rng)
            scens.append(s)
        m['scenarios'] = scens
    elif rng.random() < 0.1:
        m['scenarios'] = []          # the same as none: implicit base
    if not explicit['period']:
        del proj['period']
    if not explicit['horizon']:
        del proj['horizon']
    return m


def models(seed, n):
    rng = random.Random(seed)
    return [model(rng, i) for i in range(n)]


# --------------------------------------------------------------------------
# YAML writer (block style; enough for the dicts above)
# --------------------------------------------------------------------------

def _scalar(v):
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if v is None:
        return 'null'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        r = repr(v)
        assert r not in ('nan', 'inf', '-inf')
        return r
    s = str(v)
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def _flow(v):
    if isinstance(v, dict):
        return '{' + ', '.join('%s: %s' % (_scalar(k), _flow(x)) for k, x in v.items()) + '}'
    if isinstance(v, list):
        return '[' + ', '.join(_flow(x) for x in v) + ']'
    return _scalar(v)


def to_yaml(m):
    out = ['# generated by tests/spec/gen.py']
    for key, v in m.items():
        if isinstance(v, dict):
            out.append('%s:' % key)
            for k, x in v.items():
                out.append('  %s: %s' % (_scalar(k), _flow(x)))
        elif isinstance(v, list):
            if not v:
                out.append('%s: []' % key)
                continue
            out.append('%s:' % key)
            for item in v:
                first = True
                for k, x in item.items():
                    out.append('%s%s: %s' % ('  - ' if first else '    ', k, _flow(x)))
                    first = False
        else:
            out.append('%s: %s' % (key, _scalar(v)))
    return '\n'.join(out) + '\n'



if __name__ == '__main__':
    import sys
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for mm in models(seed, n):
        print('---')
        print(to_yaml(mm), end='')
