"""Independent pure-Python references for the finance functions (tests only).

Written from the textbook/Excel definitions without looking at the C code, so
that agreement means something. Roots are found by bisection, which is slow
but cannot pick a different branch than the one it is given.
"""

import datetime
import math


def npv(rate, values):
    return math.fsum(v / (1 + rate) ** (i + 1) for i, v in enumerate(values))


def npv0(rate, values):
    return math.fsum(v / (1 + rate) ** i for i, v in enumerate(values))


def days(dates):
    out = []
    for d in dates:
        if isinstance(d, str):
            d = datetime.date.fromisoformat(d)
        out.append(d.toordinal() - datetime.date(1970, 1, 1).toordinal())
    return out


def xnpv(rate, values, dates):
    d = days(dates)
    return math.fsum(v / (1 + rate) ** ((di - d[0]) / 365.0) for v, di in zip(values, d))


def bisect(f, lo, hi, iterations=200):
    flo = f(lo)
    fhi = f(hi)
    assert (flo > 0) != (fhi > 0), "no sign change on [%r, %r]" % (lo, hi)
    for _ in range(iterations):
        mid = (lo + hi) / 2
        fm = f(mid)
        if fm == 0:
            return mid
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def irr(values, lo, hi):
    return bisect(lambda r: npv0(r, values), lo, hi)


def xirr(values, dates, lo, hi):
    return bisect(lambda r: xnpv(r, values, dates), lo, hi)


def mirr(values, finance_rate, reinvest_rate):
    n = len(values)
    pv_neg = math.fsum(v / (1 + finance_rate) ** i for i, v in enumerate(values) if v < 0)
    fv_pos = math.fsum(v * (1 + reinvest_rate) ** (n - 1 - i) for i, v in enumerate(values) if v > 0)
    return (-fv_pos / pv_neg) ** (1.0 / (n - 1)) - 1


def fv(rate, nper, pmt, pv=0.0, type=0):
    if rate == 0:
        return -(pv + pmt * nper)
    g = (1 + rate) ** nper
    return -(pv * g + pmt * (1 + rate * type) * (g - 1) / rate)


def pv(rate, nper, pmt, fv=0.0, type=0):
    if rate == 0:
        return -(fv + pmt * nper)
    g = (1 + rate) ** nper
    return -(fv + pmt * (1 + rate * type) * (g - 1) / rate) / g


def pmt(rate, nper, pv, fv=0.0, type=0):
    if rate == 0:
        return -(pv + fv) / nper
    g = (1 + rate) ** nper
    return -(pv * g + fv) * rate / ((1 + rate * type) * (g - 1))


def nper(rate, pmt, pv, fv=0.0, type=0):
    if rate == 0:
        return -(pv + fv) / pmt
    k = pmt * (1 + rate * type)
    return math.log((k - fv * rate) / (k + pv * rate)) / math.log(1 + rate)


def rate(nper_, pmt_, pv_, fv_=0.0, type=0, lo=1e-9, hi=1.0):
    return bisect(lambda r: pv_ * (1 + r) ** nper_ + pmt_ * (1 + r * type) * ((1 + r) ** nper_ - 1) / r + fv_,
                  lo, hi)


def payback(values, rate=0.0):
    flows = [v / (1 + rate) ** t for t, v in enumerate(values)]
    cum = flows[0]
    if cum >= 0:
        return 0.0
    for t in range(1, len(flows)):
        nxt = cum + flows[t]
        if nxt >= 0:
            return (t - 1) + (-cum) / flows[t]
        cum = nxt
    return None
