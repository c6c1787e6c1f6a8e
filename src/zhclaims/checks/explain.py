"""One sentence a journalist can read, per finding.

The sentence quotes the figures as the article writes them, says what the arithmetic gives, what
the article states, and the verdict; when the figures disagree it says by how much.
"""
from __future__ import annotations

from .tolerance import Iv, fmt_interval, fmt_number


def _q(s: str) -> str:
    return f"“{s}”"


def _verdict(verdict: str, miss: float | None, unit: str) -> str:
    if verdict == "unverifiable":
        return "the figures are too rough to tell"
    if verdict == "consistent":
        return "consistent"
    return f"inconsistent: off by at least {fmt_number(miss)}{unit}" if miss else "inconsistent"


def growth(verdict: str, base: str, current: str, stated: str, expected: Iv | None, stated_iv: Iv,
           miss: float | None, unit: str = "%", target: bool = False, down: bool = False) -> str:
    st = _q(stated) + (" as a fall" if down else "")
    if expected is None:
        return (f"The change from {_q(base)} to {_q(current)} cannot be worked out (the base may be zero), "
                f"so the stated {st} cannot be checked.")
    what = "the target implies" if target else "is"
    return (f"Going from {_q(base)} to {_q(current)} {what} a change of {fmt_interval(expected, unit)}; "
            f"the article states {st} ({fmt_interval(stated_iv, unit)}): {_verdict(verdict, miss, unit)}.")


def growth_missing(current: str, stated: str, missing: str) -> str:
    return (f"{_q(stated)} is stated as a change in {_q(current)}, but the article gives no figure for "
            f"{missing} to check it against.")


def same_figure(verdict: str, a: str, b: str, a_iv: Iv, b_iv: Iv, miss: float | None, unit: str = "",
                across: bool = False, note: str = "") -> str:
    where = "The two sources give" if across else "The article gives"
    tail = _verdict(verdict, miss, unit)
    if verdict == "unverifiable" and note:
        tail = f"they differ, but {note}"
    elif note:
        tail = f"{tail} {note}"
    return (f"{where} {_q(a)} ({fmt_interval(a_iv, unit)}) and {_q(b)} ({fmt_interval(b_iv, unit)}) for the "
            f"same measure: {tail}.")


def parts_sum(verdict: str, whole: str, parts: list[str], expected: Iv, stated: Iv, miss: float | None,
              unit: str = "") -> str:
    return (f"The parts {' + '.join(_q(p) for p in parts)} add up to {fmt_interval(expected, unit)}; "
            f"the article gives the whole as {_q(whole)} ({fmt_interval(stated, unit)}): "
            f"{_verdict(verdict, miss, unit)}.")


def parts_missing(whole: str, found: list[str], missing: list[str]) -> str:
    return (f"{_q(whole)} is a whole with parts {', '.join(found)} given, but the article gives no figure "
            f"for {', '.join(missing)}, so the sum cannot be checked.")


def revision(verdict: str, old: str, change: str, new: str, down: bool, expected: Iv, stated: Iv,
             miss: float | None, unit: str = "") -> str:
    verb = "lowered" if down else "raised"
    return (f"{_q(old)} {verb} by {_q(change)} gives {fmt_interval(expected, unit)}; the article gives the new "
            f"figure as {_q(new)} ({fmt_interval(stated, unit)}): {_verdict(verdict, miss, unit)}.")


def average(verdict: str, total: str, n: int, avg: str, expected: Iv | None, stated: Iv, miss: float | None,
            unit: str = "") -> str:
    if expected is None:
        return (f"{_q(avg)} is a monthly average, but the period of {_q(total)} is not known in months, so it "
                f"cannot be checked.")
    return (f"{_q(total)} over {n} months is {fmt_interval(expected, unit)} a month; the article states "
            f"{_q(avg)} ({fmt_interval(stated, unit)}): {_verdict(verdict, miss, unit)}.")


def related(a: str, a_metric: str, b: str, b_metric: str) -> str:
    return (f"The two sources give the same value, {_q(a)} and {_q(b)}, but for differently worded measures "
            f"({_q(a_metric)} and {_q(b_metric)}); they are related, not necessarily the same figure.")
