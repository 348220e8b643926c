"""POSIX TZ strings, as the C library reads them from TZ (tzset(3)): `KST-9`, `<+0545>-5:45`,
`CET-1CEST,M3.5.0,M10.5.0/3`. The offset counts hours west, so `UTC-9` is nine hours east.

Pure; imported only when TZ holds such a string."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from dateutil.tz import tzrange

_NAME = r"([A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_HMS = r"([+-]?\d{1,3}(?::\d{1,2}){0,2})"
_TZ = re.compile(rf"{_NAME}{_HMS}(?:{_NAME}{_HMS}?(?:,([^,]+),([^,]+))?)?")
_RULE = re.compile(rf"(J\d{{1,3}}|\d{{1,3}}|M\d{{1,2}}\.\d\.\d)(?:/{_HMS})?")
# Without rules glibc uses its `posixrules` file, which holds the US rules since 2007.
_DEFAULT_RULES = ("M3.2.0", "M11.1.0")

Rule = tuple[str, int]  # a day rule, and the seconds after that day's midnight


class PosixZone(tzrange):
    """dateutil's tzrange, which settles folds and gaps, with POSIX's transition rules, which
    its relativedelta rules cannot hold when a rule's time is negative or past 24:00."""

    def __init__(
        self, std: str, std_utc: int, dst: str | None, dst_utc: int, rules: tuple[Rule, Rule]
    ) -> None:
        super().__init__(std, std_utc, dst, dst_utc if dst else None)
        self._rules = rules
        self._std = timedelta(seconds=std_utc)
        self._saved = timedelta(seconds=dst_utc - std_utc)

    # None, as tzrange's own returns for a zone without DST (its type stub omits it)
    def transitions(self, year: int) -> tuple[datetime, datetime] | None:  # type: ignore[override]
        if not self.hasdst:
            return None
        if year < 1970:
            # glibc keeps every earlier time in the state of 1 January 1970, 00:00 UTC. Equal
            # ends mean daylight time all year to tzrange; None means none.
            on, off = self._rules_in(1970)
            first = datetime(1970, 1, 1) + self._std
            always = not off <= first < on if on > off else on <= first < off
            return (datetime(year, 1, 1),) * 2 if always else None
        return self._rules_in(year)

    def _rules_in(self, year: int) -> tuple[datetime, datetime]:
        # Both in standard time, as tzrange counts them; the end rule's time is daylight time.
        (start, start_at), (end, end_at) = self._rules
        on = datetime.combine(_day(start, year), time()) + timedelta(seconds=start_at)
        off = datetime.combine(_day(end, year), time()) + timedelta(seconds=end_at)
        return on, off - self._saved


def parse(value: str) -> PosixZone | None:
    m = _TZ.fullmatch(value)
    if m is None:
        return None
    std, std_offset, dst, dst_offset, start, end = m.groups()
    std_utc = -_seconds(std_offset)
    dst_utc = -_seconds(dst_offset) if dst_offset else std_utc + 3600
    rules = (_rule(start or _DEFAULT_RULES[0]), _rule(end or _DEFAULT_RULES[1]))
    if max(abs(std_utc), abs(dst_utc)) >= 86400 or rules[0] is None or rules[1] is None:
        return None
    return PosixZone(
        std.strip("<>"), std_utc, dst and dst.strip("<>"), dst_utc, (rules[0], rules[1])
    )


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _rule(text: str) -> Rule | None:
    m = _RULE.fullmatch(text)
    if m is None:
        return None
    try:
        _day(m[1], 2024)  # a leap year admits every day number
    except ValueError:
        return None
    seconds = _seconds(m[2]) if m[2] else 7200
    return (m[1], seconds) if abs(seconds) <= 167 * 3600 else None


def _day(rule: str, year: int) -> date:
    """The day a rule names in a year; ValueError if the rule is malformed."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if rule.startswith("M"):  # month, week 1-5 (5: the last), weekday 0-6 from Sunday
        month, week, weekday = (int(n) for n in rule[1:].split("."))
        if not (1 <= month <= 12 and 1 <= week <= 5 and weekday <= 6):
            raise ValueError(rule)
        first = date(year, month, 1)
        day = first + timedelta((weekday - first.isoweekday() % 7) % 7 + 7 * (week - 1))
        while day.month != month:
            day -= timedelta(7)
        return day
    if rule.startswith("J"):  # 1 to 365, never counting 29 February
        n = int(rule[1:])
        if not 1 <= n <= 365:
            raise ValueError(rule)
        return date(year, 1, 1) + timedelta(n - 1 + (leap and n >= 60))
    n = int(rule)  # 0 to 365, counting 29 February
    if n > 364 + leap:
        raise ValueError(rule)
    return date(year, 1, 1) + timedelta(n)
