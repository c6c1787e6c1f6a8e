"""Publication times: a written date or datetime to ISO 8601 (local time as written)."""
from __future__ import annotations

import datetime as dt

import regex

_ISO = regex.compile(
    r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
    r"(?:[T\s]+(\d{1,2})[:时點点](\d{1,2})(?:[:分](\d{1,2})秒?)?)?"
    r"(?:\.\d+)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$"
)


def _iso(y, mo, d, h=0, mi=0, s=0) -> str | None:
    try:
        return dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0)).isoformat()
    except ValueError:
        return None


def parse_published(value: str | dt.date | dt.datetime | None) -> str | None:
    """ISO string ``YYYY-MM-DDTHH:MM:SS`` or None when ``value`` is not a full date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).isoformat()
    s = str(value).strip()
    if not s:
        return None
    from ..text.normalize import to_halfwidth

    m = _ISO.match(to_halfwidth(s))
    if m:
        return _iso(*m.groups())
    if s.isdigit() and len(s) == 8:  # 20200118
        return _iso(s[:4], s[4:6], s[6:])
    return None
