#!/usr/bin/env python3
"""Independent reference evaluator of libairoi model files (format v1).

Written from the evaluation rules of docs/methodology.md section 2, the
worked examples, docs/model-format.md and docs/cli.md only, without reading the library's
sources, so that `tests/spec/test_spec.py` can compare the two key by key.

Python standard library only. A model is a plain dict with the structure of
the YAML file (`airoi`, `project`, `fx`, `costs`, `values`, `scenarios`);
`load()` reads a YAML file when PyYAML happens to be installed.

    evaluate(model) -> dict with the keys of `airoi report --format json`
    that the evaluation rules define: metrics, tco, schedule, scenarios.

Choices among reasonable rules (each matches docs/model-format.md or
docs/methodology.md section 2):
- `project.unit` scales nothing: amounts and results are both in units.
- `per` absent: `once` when the item has `at` (and no `amounts`), else the
  project period; `amounts` lists default to the project period and are
  scaled by `per` like a recurring amount.
- `from` defaults to 1 (0 for a horizon-0 model), `to` to the horizon.
- Adoption with ramp length P = 0: the ceiling from k = 0 on.
- A one-time value item has k = t - at (= 0 at its period).
- Scenario `adoption_ceiling` (a libairoi addition): a = min(a, cap), also
  for items without a ramp.
- Rates per period: (1 + annual)^y - 1 computed as expm1(y log1p(annual)),
  the annual rate itself when y = 1; back to annual with
  expm1(log1p(x) / y) (docs/methodology.md, "Rates per period").
  Discount factors are exp(-t log1p(r)), growth exp(k y log1p(g)).
- IRR with several roots: Newton from the guess 10% a year, converted per
  period (Excel's method), else the root nearest that guess
  (choose_irr()); test_spec.py also accepts either nearest root.
"""

import math

PERIODS_PER_YEAR = {'year': 1, 'quarter': 4, 'month': 12}
MONTHS = {'month': 1, 'quarter': 3, 'year': 12}
CATEGORIES = ['people', 'infrastructure', 'software', 'data',
              'data_governance', 'integration', 'change_management',
              'maintenance', 'opportunity']
HIDDEN = CATEGORIES[4:]
DIMENSIONS = ['efficiency', 'revenue', 'risk', 'strategic']


def load(path):
    """Read a YAML model file (needs PyYAML; the tests pass dicts).

    PyYAML follows YAML 1.1; numbers such as `1e3` and `0o17` are given
    their YAML 1.2 core-schema meaning, as the library's loader does."""
    import re  # pylint: disable=import-outside-toplevel
    import yaml  # pylint: disable=import-outside-toplevel

    class Loader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
        pass

    def num(loader, node):
        text = loader.construct_scalar(node)
        if re.fullmatch(r'[-+]?0o[0-7]+', text):
            return int(text.replace('0o', ''), 8)
        return float(text)

    Loader.add_implicit_resolver(
        'tag:yaml.org,2002:float12',
        re.compile(r'^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+'
                   r'|[-+]?0o[0-7]+)$'),
        list('-+0123456789.'))
    Loader.add_constructor('tag:yaml.org,2002:float12', num)
    with open(path, encoding='utf-8') as f:
        return yaml.load(f, Loader=Loader)  # noqa: S506 (a safe loader)


def fsum(xs):
    return math.fsum(xs)


# --------------------------------------------------------------------------
# Cash flows of one item
# --------------------------------------------------------------------------

def adoption_factor(adoption, k, cap=None):
    """a(k) of the adoption rule (1 without a ramp), capped by a scenario ceiling."""
    if not adoption or adoption.get('curve', 'none') == 'none':
        a = 1.0
    else:
        curve = adoption['curve']
        p = adoption.get('periods', 0)
        s = adoption.get('start', 0.0)
        c = adoption.get('ceiling', 1.0)
        if curve == 'step':
            a = s if k < p else c
        else:
            x = 1.0 if p == 0 else min(1.0, k / p)
            if curve == 's_curve':
                x = 3 * x * x - 2 * x * x * x
            elif curve != 'linear':
                raise ValueError('unknown curve %r' % curve)
            a = s + (c - s) * x
    if cap is not None:
        a = min(a, cap)
    return a


def item_flows(item, is_value, model, mult=1.0, delay=0, cap=None):
    """Per-period amounts (list of horizon+1 floats) of one item."""
    proj = model['project']
    period = proj.get('period', 'year')
    horizon = int(proj.get('horizon', 1))
    y = 1.0 / PERIODS_PER_YEAR[period]
    out = [0.0] * (horizon + 1)

    cur = item.get('currency')
    fx = 1.0
    if cur is not None and cur != proj.get('currency'):
        fx = float((model.get('fx') or {})[cur])
    h = item.get('risk_adjustment', 0.0)
    risk = (1.0 - h) if is_value else (1.0 + h)
    factor = fx * risk * mult
    if is_value:
        factor *= item.get('realization', 1.0) * item.get('attribution', 1.0)

    default_from = 1 if horizon >= 1 else 0
    raw = {}          # period -> (amount, k)
    if 'amounts' in item:
        per = item.get('per', period)
        scale = MONTHS[period] / MONTHS[per]
        frm = int(item.get('from', default_from))
        for i, a in enumerate(item['amounts']):
            raw[frm + i] = (a * scale, i)
    else:
        if 'amount' in item:
            base = float(item['amount'])
        elif 'quantity' in item:
            base = float(item['quantity']) * float(item['unit_amount'])
        else:
            base = 0.0
        per = item.get('per')
        if per is None:
            per = 'once' if 'at' in item else period
        if per == 'once':
            raw[int(item.get('at', 0))] = (base, 0)
        else:
            scale = MONTHS[period] / MONTHS[per]
            frm = int(item.get('from', default_from))
            to = int(item.get('to', horizon))
            g = item.get('growth', 0.0)
            # payment: lump: the whole `per` amount in its first period
            # (from, from + n, ...), nothing in the others
            n = MONTHS[per] // MONTHS[period] if item.get('payment') == 'lump' else 1
            for t in range(frm, to + 1):
                if (t - frm) % n == 0:
                    raw[t] = (base * (scale if n == 1 else 1.0)
                              * math.exp((t - frm) * y * math.log1p(g)), t - frm)

    adoption = item.get('adoption') if is_value else None
    for t, (a, k) in raw.items():
        v = a * factor
        if is_value:
            v *= adoption_factor(adoption, k, cap)
        t2 = t + delay
        if 0 <= t2 <= horizon:
            out[t2] += v
    return out


def counts(item):
    """Does a value item count in the financial metrics?"""
    return item['dimension'] != 'strategic' or item.get('monetized', False)


def multiplier(scen, item, is_value):
    m = 1.0
    if scen is None:
        return m
    group = item['dimension'] if is_value else item['category']
    for target, f in (scen.get('multipliers') or {}).items():
        if target in (item['name'], group, 'values' if is_value else 'costs'):
            m *= f
    return m


# --------------------------------------------------------------------------
# Finance kernels
# --------------------------------------------------------------------------

def _poly(net, v):
    acc = 0.0
    for c in reversed(net):
        acc = acc * v + c
    return acc


def irr_roots(net):
    """All per-period rates x > -1 with sum net_t / (1+x)^t = 0.

    Returns (roots, unique): unique is True when Descartes' rule of signs
    guarantees exactly one root (one sign change in the nets)."""
    nz = [c for c in net if c != 0.0]
    changes = sum(1 for a, b in zip(nz, nz[1:]) if (a < 0) != (b < 0))
    if changes == 0:
        return [], True
    # factor out v^j of leading zeros; polynomial in v = 1/(1+x) > 0
    j = 0
    while net[j] == 0.0:
        j += 1
    p = net[j:]

    def root_in(lo, hi):
        flo = _poly(p, lo)
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            if mid in (lo, hi):
                break
            fm = _poly(p, mid)
            if fm == 0.0:
                return mid
            if (fm < 0) == (flo < 0):
                lo, flo = mid, fm
            else:
                hi = mid
        return 0.5 * (lo + hi)

    roots = []
    if changes == 1:
        lo, hi = 0.0, 1.0
        s0 = _poly(p, 0.0) < 0
        while (_poly(p, hi) < 0) == s0:
            hi *= 2.0
            if hi > 1e12:
                return [], True
        v = root_in(lo, hi)
        return [1.0 / v - 1.0], True
    # several sign changes: scan v over a log grid and bisect sign changes
    grid = [10 ** (e / 200.0) for e in range(-3200, 3201)]   # 1e-16 .. 1e16
    prev_v, prev_f = grid[0], _poly(p, grid[0])
    for v in grid[1:]:
        f = _poly(p, v)
        if f == 0.0:
            roots.append(1.0 / v - 1.0)
        elif prev_f != 0.0 and (f < 0) != (prev_f < 0):
            r = root_in(prev_v, v)
            roots.append(1.0 / r - 1.0)
        prev_v, prev_f = v, f
    return sorted(roots), False


def per_period(annual, y):
    """The rate of a period of y years: (1 + annual)^y - 1, exactly the
    annual rate when y = 1 and accurate for tiny rates."""
    return annual if y == 1.0 else math.expm1(y * math.log1p(annual))


IRR_GUESS = 0.1   # a year


def irr_newton(net, guess=0.1):
    """Excel's IRR: Newton's iteration from the guess (per period).

    Returns the root it converges to, or None. Used to pick among several
    IRRs the one Excel (and an Excel-minded implementer) would report."""
    x = guess
    for _ in range(100):
        f = fsum(c * (1.0 + x) ** -t for t, c in enumerate(net))
        df = fsum(-t * c * (1.0 + x) ** (-t - 1) for t, c in enumerate(net))
        if df == 0.0 or not math.isfinite(f) or not math.isfinite(df):
            return None
        step = f / df
        nx = x - step
        while nx <= -1.0:
            nx = 0.5 * (x - 1.0)      # halve the distance to -1
        if abs(nx - x) <= 1e-12 * (1.0 + abs(nx)):
            x = nx
            size = fsum(abs(c) * (1.0 + x) ** -t for t, c in enumerate(net))
            f = fsum(c * (1.0 + x) ** -t for t, c in enumerate(net))
            return x if abs(f) <= 1e-9 * size else None
        x = nx
    return None


def choose_irr(net, roots, unique, guess):
    """The per-period IRR to report: the only root; with several sign
    changes Excel's (Newton from the per-period guess), else the root
    nearest the guess in ln(1 + x) (docs/methodology.md 1.4: the library's
    choice); None when there is no root."""
    if unique or not roots:
        return roots[0] if roots else None
    try:
        x = irr_newton(net, guess)
    except OverflowError:
        x = None
    if x is not None:
        return x
    return min(roots, key=lambda x: abs(math.log(1.0 + x) - math.log1p(guess))
               if x > -1.0 else math.inf)


def annualise(x, y):
    """(1 + per-period rate)^(1/y) - 1, as expm1(log1p(x) / y)."""
    if x is None:
        return None
    return x if y == 1.0 else math.expm1(math.log1p(x) / y)


def mirr(net, fin, rei, y):
    """Annual MIRR (Excel MIRR with per-period rates), None if undefined."""
    n = len(net) - 1
    if n < 1:
        return None
    fp = per_period(fin, y)
    rp = per_period(rei, y)
    pv_neg = fsum(c * math.exp(-t * math.log1p(fp)) for t, c in enumerate(net) if c < 0)
    fv_pos = fsum(c * math.exp((n - t) * math.log1p(rp)) for t, c in enumerate(net) if c > 0)
    if pv_neg == 0.0 or fv_pos == 0.0:
        return None
    per = math.expm1(math.log(fv_pos / -pv_neg) / n)
    return annualise(per, y)


def payback(nets):
    """Payback in periods (docs/methodology.md#payback); None when never."""
    prev = None
    for t, c in enumerate(nets):
        cum_t = fsum(nets[:t + 1])
        if cum_t >= 0:
            if t == 0:
                return 0.0
            return (t - 1) + (-prev) / c
        prev = cum_t
    return None


def ratio(a, b):
    return None if b == 0 else a / b


# --------------------------------------------------------------------------
# One case (base or scenario)
# --------------------------------------------------------------------------

def evaluate_case(model, scen=None):
    proj = model['project']
    period = proj.get('period', 'year')
    horizon = int(proj.get('horizon', 1))
    y = 1.0 / PERIODS_PER_YEAR[period]
    d = proj.get('discount_rate', 0.0)
    r = per_period(d, y)
    guess = per_period(IRR_GUESS, y)
    delay = int(scen.get('delay', 0)) if scen else 0
    cap = scen.get('adoption_ceiling') if scen else None

    by_cat = {c: [0.0] * (horizon + 1) for c in CATEGORIES}
    cost_parts = [[] for _ in range(horizon + 1)]
    ben_parts = [[] for _ in range(horizon + 1)]
    by_dim = {k: [0.0] * (horizon + 1) for k in DIMENSIONS}
    unmonetized = []
    for it in model.get('costs') or []:
        f = item_flows(it, False, model, multiplier(scen, it, False))
        for t, v in enumerate(f):
            cost_parts[t].append(v)
            by_cat[it['category']][t] += v
    for it in model.get('values') or []:
        f = item_flows(it, True, model, multiplier(scen, it, True), delay, cap)
        if not counts(it):
            unmonetized.extend(f)
            continue
        for t, v in enumerate(f):
            ben_parts[t].append(v)
            by_dim[it['dimension']][t] += v
    costs = [fsum(p) for p in cost_parts]
    bens = [fsum(p) for p in ben_parts]
    net = [b - c for b, c in zip(bens, costs)]
    dfac = [math.exp(-t * math.log1p(r)) for t in range(horizon + 1)]
    disc = [n * f for n, f in zip(net, dfac)]

    sched = []
    for t in range(horizon + 1):
        sched.append({'period': t, 'costs': costs[t], 'benefits': bens[t],
                      'net': net[t], 'cumulative': fsum(net[:t + 1]),
                      'discounted': disc[t],
                      'discounted_cumulative': fsum(disc[:t + 1]),
                      'discount_factor': dfac[t]})

    tc, tb = fsum(costs), fsum(bens)
    pvc = fsum(c * f for c, f in zip(costs, dfac))
    pvb = fsum(b * f for b, f in zip(bens, dfac))
    npv = fsum(disc)
    fy = min(PERIODS_PER_YEAR[period], horizon)
    fyc, fyb = fsum(costs[:fy + 1]), fsum(bens[:fy + 1])
    roots, unique = irr_roots(net)
    years = horizon * y
    cat_tot = {c: fsum(by_cat[c]) for c in CATEGORIES}
    hidden = fsum(cat_tot[c] for c in HIDDEN)
    direct = fsum(cat_tot[c] for c in CATEGORIES if c not in HIDDEN)
    m = {
        'npv': npv,
        'irr': annualise(choose_irr(net, roots, unique, guess), y),
        'mirr': mirr(net, proj.get('finance_rate', d),
                     proj.get('reinvest_rate', d), y),
        'roi_basic': ratio(fyb - fyc, fyc),
        'roi_horizon': ratio(tb - tc, tc),
        'npv_roi': ratio(npv, pvc),
        'bcr': ratio(pvb, pvc),
        'payback_periods': payback(net),
        'discounted_payback_periods': payback(disc),
        'pv_costs': pvc, 'pv_benefits': pvb,
        'total_costs': tc, 'total_benefits': tb,
        'annual_costs': None if years == 0 else tc / years,
        'annual_benefits': None if years == 0 else tb / years,
        'tco_total': tc, 'tco_direct': direct, 'tco_hidden': hidden,
        'tco_hidden_share': ratio(hidden, tc), 'tco_pv': pvc,
        'first_year_costs': fyc, 'first_year_benefits': fyb,
        # a year of the horizon: (tb / Y - tc / Y) / (tc / Y)
        'roi_annualised': None if years == 0 else ratio(tb / years - tc / years, tc / years),
    }
    tco = {'total': tc, 'direct': direct, 'hidden': hidden,
           'hidden_share': ratio(hidden, tc), 'by_category': cat_tot,
           'pv': pvc, 'annual': None if years == 0 else tc / years}
    value = {'total': tb, 'by_dimension': {k: fsum(by_dim[k]) for k in DIMENSIONS},
             'strategic_unmonetized': fsum(unmonetized), 'pv': pvb,
             'annual': None if years == 0 else tb / years}
    # 1 + x below ~1e-7 is not representable to the library's 1e-9 residual
    # test (lib/finance/solve.c): such an IRR may come out null.
    irr_info = {'roots': [annualise(x, y) for x in roots], 'unique': unique,
                'newton': None, 'near_minus_one': any(1.0 + x < 1e-6 for x in roots),
                'period_roots': roots, 'years_per_period': y, 'guess': guess}
    if not unique:
        try:
            irr_info['newton'] = annualise(irr_newton(net, guess), y)
        except OverflowError:
            pass
    return {'metrics': m, 'tco': tco, 'value': value, 'schedule': sched,
            'irr_info': irr_info}


def evaluate(model):
    """The figures of a model (a dict shaped like the YAML file)."""
    base = evaluate_case(model)
    scens = model.get('scenarios') or []
    if not scens:
        cases = [({'name': 'base', 'probability': 1.0, 'implicit': True}, base)]
    else:
        cases = [(dict(s, implicit=False), evaluate_case(model, s)) for s in scens]
    eb = fsum(s['probability'] * c['metrics']['total_benefits'] for s, c in cases)
    ec = fsum(s['probability'] * c['metrics']['total_costs'] for s, c in cases)
    enpv = fsum(s['probability'] * c['metrics']['npv'] for s, c in cases)
    extra = {'roi_risk_adjusted': ratio(eb - ec, ec), 'expected_npv': enpv,
             'expected_benefits': eb, 'expected_costs': ec}
    base['metrics'].update(extra)
    out_scen = []
    for s, c in cases:
        c['metrics'].update(extra)
        out_scen.append({'name': s['name'], 'probability': s['probability'],
                         'implicit': s['implicit'], 'metrics': c['metrics'],
                         'irr_info': c['irr_info']})
    return {'metrics': base['metrics'], 'tco': base['tco'],
            'value': base['value'], 'schedule': base['schedule'],
            'scenarios': out_scen, 'irr_info': base['irr_info']}


if __name__ == '__main__':
    import json
    import sys
    res = evaluate(load(sys.argv[1]))
    print(json.dumps(res, indent=1))
