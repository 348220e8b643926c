"""POSIX TZ strings, as the C library reads them from TZ (tzset(3)): `KST-9`, `<+0545>-5:45`,
`CET-1CEST,M3.5.0,M10.5.0/3`. The offset counts hours west, so `UTC-9` is nine hours east.

Whether daylight time is in force is decided as glibc decides it (tzset.c, compute_change): an
instant by the two rules of its own UTC year, so that a rule falling outside that year (`365` in a
common year is 1 January after it, `/167` a week later) takes effect at the year's end, and every
instant before 1970 by the rules counted from 1 January 1970.

Pure; imported only when TZ holds such a string."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo

_NAME = r"([A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_HMS = r"([+-]?\d{1,3}(?::\d{1,2}){0,2})"
_TZ = re.compile(rf"{_NAME}{_HMS}(?:{_NAME}{_HMS}?(?:,([^,]+),([^,]+))?)?")
_RULE = re.compile(rf"(J\d{{1,3}}|\d{{1,3}}|M\d{{1,2}}\.\d\.\d)(?:/{_HMS})?")
# Without rules glibc uses its `posixrules` file, which holds the US rules since 2007.
_DEFAULT_RULES = ("M3.2.0", "M11.1.0")
_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)

Rule = tuple[str, int]  # a day rule, and the seconds after that day's midnight


class PosixZone(tzinfo):
    """A zone of one standard and, with rules, one daylight time. A wall-clock time that happens
    twice, or never, is read as PEP 495 says: fold 0 is the earlier instant, and the offset in
    force at it."""

    def __init__(
        self, std: str, std_utc: int, dst: str | None, dst_utc: int, rules: tuple[Rule, Rule]
    ) -> None:
        self._names = (std, dst or std)
        self._seconds = (std_utc, dst_utc)
        self._offsets = (timedelta(seconds=std_utc), timedelta(seconds=dst_utc))
        self._rules = rules if dst else None
        self._changes: dict[int, tuple[int, int]] = {}

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return self._offsets[self._state(dt)]

    def dst(self, dt: datetime | None) -> timedelta:
        return self._offsets[self._state(dt)] - self._offsets[0]

    def tzname(self, dt: datetime | None) -> str:
        return self._names[self._state(dt)]

    def fromutc(self, dt: datetime) -> datetime:
        utc = dt.replace(tzinfo=None)
        state = self._in_daylight(utc)
        wall = utc + self._offsets[state]
        other = wall - self._offsets[not state]
        # the second time this wall-clock time comes round
        fold = other < utc and self._in_daylight(other) != state
        return wall.replace(tzinfo=self, fold=int(fold))

    def _state(self, dt: datetime | None) -> int:
        """1 in daylight time, else 0, for a wall-clock time in this zone."""
        if dt is None or self._rules is None:
            return 0
        wall = dt.replace(tzinfo=None)
        instants = [wall - offset for offset in self._offsets]
        found = [state for state in (0, 1) if self._in_daylight(instants[state]) == state]
        if len(found) == 1:
            return found[0]
        # twice (both fit) or never (a gap): fold picks the earlier instant (0) or the later
        earlier, later = sorted(instants)
        return int(self._in_daylight(later if dt.fold else earlier))

    def _in_daylight(self, utc: datetime) -> bool:
        if self._rules is None:
            return False
        if utc.year not in self._changes:
            self._changes[utc.year] = _changes(self._rules, self._seconds, utc.year)
        on, off = self._changes[utc.year]
        t = (utc - _EPOCH) // _SECOND
        return (t < off or t >= on) if on > off else on <= t < off


def _changes(rules: tuple[Rule, Rule], utc: tuple[int, int], year: int) -> tuple[int, int]:
    """When daylight time starts and ends in a year, in seconds since 1970, as glibc's
    compute_change counts them: the start rule's time is standard time, the end rule's daylight
    time, and every year before 1970 counts from 1970."""
    (start, start_at), (end, end_at) = rules
    base = (date(max(year, 1970), 1, 1) - _EPOCH.date()).days
    on = (base + _days(start, year)) * 86400 + start_at - utc[0]
    return on, (base + _days(end, year)) * 86400 + end_at - utc[1]


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
        _days(m[1], 2024)
    except ValueError:
        return None
    seconds = _seconds(m[2]) if m[2] else 7200
    return (m[1], seconds) if abs(seconds) <= 167 * 3600 else None


def _days(rule: str, year: int) -> int:
    """The day a rule names in a year, as days after 1 January; ValueError if the rule is
    malformed."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if rule.startswith("M"):  # month, week 1-5 (5: the last), weekday 0-6 from Sunday
        month, week, weekday = (int(n) for n in rule[1:].split("."))
        if not (1 <= month <= 12 and 1 <= week <= 5 and weekday <= 6):
            raise ValueError(rule)
        first = date(year, month, 1)
        day = (weekday - first.isoweekday() % 7) % 7 + 7 * (week - 1)
        length = (31, 28 + leap, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        while day >= length:
            day -= 7
        return (first - date(year, 1, 1)).days + day
    if rule.startswith("J"):  # 1 to 365, never counting 29 February
        n = int(rule[1:])
        if not 1 <= n <= 365:
            raise ValueError(rule)
        return n - 1 + (leap and n >= 60)
    n = int(rule)  # 0 to 365, counting 29 February: 365 is 1 January after a common year
    if n > 365:
        raise ValueError(rule)
    return n
