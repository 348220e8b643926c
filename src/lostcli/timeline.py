"""The time engine: release + now + zone -> a Countdown value (pure: no typer, no rich).

Times are taken to the whole second. `seconds` is signed: positive before the release, zero at
it, negative after. The exact span is elapsed time; the calendar span compares wall-clock times
in the chosen zone (so a day across a DST change is still one day).
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo

from lostcli.film import Release
from lostcli.formatting import split
from lostcli.zones import Zone

Status = Literal["upcoming", "released"]


class Span(NamedTuple):
    """A non-negative number of seconds as days, hours, minutes and seconds."""

    days: int
    hours: int
    minutes: int
    seconds: int

    @classmethod
    def of(cls, total: int) -> Span:
        return cls(*split(total))

    @property
    def total(self) -> int:
        return ((self.days * 24 + self.hours) * 60 + self.minutes) * 60 + self.seconds


class CalendarSpan(NamedTuple):
    years: int
    months: int
    days: int
    hours: int
    minutes: int
    seconds: int


class Anniversary(NamedTuple):
    number: int
    at: datetime  # in the chosen zone
    until: Span


class Countdown(NamedTuple):
    zone: Zone
    release: datetime  # in the chosen zone
    now: datetime  # in the chosen zone, whole seconds
    seconds: int  # release - now
    exact: Span
    calendar: CalendarSpan
    anniversary: Anniversary
    progress: float  # 0..1 from the date's announcement to the release
    date_differs: bool  # the release falls on another calendar date here than where it was set

    @property
    def status(self) -> Status:
        return "upcoming" if self.seconds > 0 else "released"


def countdown(release: Release, now: datetime, zone: Zone) -> Countdown:
    tz = zone.tzinfo
    at = release.instant.astimezone(tz)
    here = now.replace(microsecond=0).astimezone(tz)
    seconds = elapsed(here, at)
    start = datetime.combine(release.announced, time(), ZoneInfo(release.zone))
    whole = elapsed(start, at)
    done = elapsed(start, here)
    return Countdown(
        zone=zone,
        release=at,
        now=here,
        seconds=seconds,
        exact=Span.of(seconds),
        calendar=_calendar(at, here),
        anniversary=next_anniversary(at, here),
        progress=min(1.0, max(0.0, done / whole)) if whole > 0 else 1.0,
        date_differs=at.date() != release.instant.date(),
    )


def next_anniversary(release: datetime, now: datetime) -> Anniversary:
    """The first anniversary after `now`: the release's wall-clock time, n years on, in its zone."""
    # From a year early: where a zone skipped a date (Kiritimati, 31 Dec 1994) the n-th
    # anniversary can fall in the calendar year after its number says.
    n = max(1, now.year - release.year - 1)
    at = years_on(release, n)
    while at <= now:
        n += 1
        at = years_on(release, n)
    return Anniversary(n, at, Span.of(elapsed(now, at)))


def elapsed(start: datetime, end: datetime) -> int:
    """Whole seconds from start to end. Through UTC: Python subtracts two datetimes that share a
    tzinfo by their wall clocks, which is wrong across a DST change."""
    return int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds())


def years_on(moment: datetime, years: int) -> datetime:
    # Adding years to an aware datetime is wall-clock arithmetic; the round trip through UTC
    # settles a wall time that falls in a DST gap.
    return months_on(moment, 12 * years).astimezone(UTC).astimezone(moment.tzinfo)


def months_on(moment: datetime, months: int) -> datetime:
    """The same wall-clock time `months` later, on the month's last day where the day is
    missing (31 Jan + 1 month = 28 or 29 Feb), as python-dateutil's relativedelta adds months
    (its import would cost every time-showing command a millisecond)."""
    year, month = divmod(moment.month - 1 + months, 12)
    year, month = moment.year + year, month + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return moment.replace(year=year, month=month, day=min(moment.day, last))


def _calendar(a: datetime, b: datetime) -> CalendarSpan:
    """The span as relativedelta(later, earlier) counts it: whole months on the wall clock, then
    the rest. Both in one zone object, so that Python compares and subtracts wall clocks."""
    later, earlier = (a, b) if a >= b else (b, a)
    earlier = earlier.astimezone(later.tzinfo)
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    while months_on(earlier, months) > later:
        months -= 1
    rest = later - months_on(earlier, months)
    days, seconds = rest.days, rest.seconds
    return CalendarSpan(months // 12, months % 12, days, *split(seconds)[1:])
