"""The time engine, with injected instants only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lostcli import clock, film, formatting, timeline, zones

RELEASE = film.load().release
UTC = UTC
NOW = datetime(2026, 11, 25, 3, tzinfo=UTC)  # what `now` and `+3d` count from


def at(zone: str, now: str = "2025-05-01T00:00:00Z") -> timeline.Countdown:
    z = zones.parse(zone)
    return timeline.countdown(RELEASE, clock.parse(now, z, NOW), z)


@pytest.mark.parametrize(
    ("zone", "expected", "differs"),
    [
        ("Asia/Seoul", "Fri 30 May 2025, 16:00 KST (UTC+09:00)", False),
        ("Pacific/Honolulu", "Thu 29 May 2025, 21:00 HST (UTC-10:00)", True),
        ("America/New_York", "Fri 30 May 2025, 03:00 EDT (UTC-04:00)", False),
        ("Europe/London", "Fri 30 May 2025, 08:00 BST (UTC+01:00)", False),
        ("Asia/Kolkata", "Fri 30 May 2025, 12:30 IST (UTC+05:30)", False),
        ("Asia/Kathmandu", "Fri 30 May 2025, 12:45 (UTC+05:45)", False),
        ("UTC+9", "Fri 30 May 2025, 16:00 (UTC+09:00)", False),
        ("UTC", "Fri 30 May 2025, 07:00 UTC", False),
    ],
)
def test_release_in_each_zone(zone: str, expected: str, differs: bool) -> None:
    cd = at(zone)
    assert formatting.stamp(cd.release) == expected.replace("12:45 (", "12:45 +0545 (")
    assert cd.date_differs is differs


def test_before_release() -> None:
    cd = at("Asia/Seoul", "2025-05-27T02:47:51Z")
    assert cd.status == "upcoming"
    assert cd.exact == timeline.Span(3, 4, 12, 9)
    assert formatting.clock(cd.seconds) == "3 days 04:12:09"
    assert formatting.calendar(*cd.calendar) == "3 days"
    assert cd.anniversary.number == 1
    assert 0.85 < cd.progress < 1


def test_calendar_words_over_a_month() -> None:
    cd = at("UTC", "2025-04-28T07:00:00Z")
    assert formatting.calendar(*cd.calendar) == "1 month, 2 days"
    assert cd.progress == 0.0


def test_at_release_is_released() -> None:
    cd = at("Europe/London", "2025-05-30T07:00:00Z")
    assert cd.status == "released"
    assert cd.seconds == 0
    assert formatting.calendar(*cd.calendar) == "0 seconds"


def test_after_release() -> None:
    cd = at("Asia/Seoul", "2026-11-25T03:00:00Z")
    assert cd.status == "released"
    assert formatting.calendar(*cd.calendar) == "1 year, 5 months, 25 days"
    assert cd.anniversary.number == 2
    assert cd.anniversary.at == datetime(2027, 5, 30, 16, tzinfo=ZoneInfo("Asia/Seoul"))
    assert cd.progress == 1.0


def test_anniversary_day_rolls_over_at_the_release_time() -> None:
    before = at("Asia/Seoul", "2026-05-30T06:59:59Z").anniversary
    after = at("Asia/Seoul", "2026-05-30T07:00:00Z").anniversary
    assert (before.number, before.until.total) == (1, 1)
    assert after.number == 2


def test_calendar_span_across_dst_is_wall_clock() -> None:
    # New York springs forward on 9 March 2025: a calendar day of 23 hours
    z = zones.parse("America/New_York")
    release = film.Release(
        datetime(2025, 3, 9, 12, tzinfo=ZoneInfo("America/New_York")),
        "America/New_York", "x", "x", datetime(2025, 1, 1).date(), "x", (),
    )  # fmt: skip
    cd = timeline.countdown(release, clock.parse("2025-03-08T12:00", z, NOW), z)
    assert formatting.calendar(*cd.calendar) == "1 day"
    assert cd.exact == timeline.Span(0, 23, 0, 0)


ZONES = sorted(available_timezones())


@settings(max_examples=300, deadline=None)
@given(
    now=st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(ZONES),
)
@pytest.mark.slow
def test_parts_rebuild_the_signed_delta_and_the_local_time_is_the_release(
    now: datetime, zone: str
) -> None:
    z = zones.parse(zone)
    cd = timeline.countdown(RELEASE, now, z)
    sign = 1 if cd.seconds >= 0 else -1
    assert sign * cd.exact.total == cd.seconds
    assert cd.seconds == int((RELEASE.instant - now.replace(microsecond=0)).total_seconds())
    assert cd.release.astimezone(UTC) == RELEASE.instant
    assert cd.release.utcoffset() == ZoneInfo(zone).utcoffset(cd.release)
    assert 0 <= cd.exact.hours < 24 and 0 <= cd.exact.minutes < 60 and 0 <= cd.exact.seconds < 60
    assert cd.anniversary.at > cd.now
    if cd.status == "released":
        assert cd.anniversary.at - cd.now <= timedelta(days=366)
    else:
        assert cd.anniversary.number == 1
    assert (cd.status == "upcoming") == (now.replace(microsecond=0) < RELEASE.instant)


@given(st.integers(min_value=-(10**10), max_value=10**10))
def test_span_round_trips(total: int) -> None:
    assert timeline.Span.of(total).total == abs(total)


@settings(max_examples=300, deadline=None)
@given(
    release=st.datetimes(
        min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30), timezones=st.just(UTC)
    ),
    now=st.datetimes(
        min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(ZONES),
)
@pytest.mark.slow
def test_any_release_the_validator_accepts(release: datetime, now: datetime, zone: str) -> None:
    record = film.Release(release, "UTC", "x", "x", datetime(1900, 1, 1).date(), "x", ())
    cd = timeline.countdown(record, now, zones.parse(zone))
    assert cd.release.astimezone(UTC) == release
    assert (1 if cd.seconds >= 0 else -1) * cd.exact.total == cd.seconds
    assert cd.anniversary.at > cd.now
    n = cd.anniversary.number
    # the one before it is not still to come: no anniversary is ever skipped
    assert n == 1 or timeline.years_on(cd.release, n - 1) <= cd.now
    assert 0.0 <= cd.progress <= 1.0


def test_an_anniversary_in_a_skipped_day_is_not_skipped() -> None:
    # Kiritimati jumped from UTC-10 to UTC+14 and skipped 31 Dec 1994 (tzdata): the 4th
    # anniversary of 31 Dec 1990 12:00 falls on 1 Jan 1995 at 12:00, after 05:00 that day.
    kiritimati = ZoneInfo("Pacific/Kiritimati")
    release = datetime(1990, 12, 31, 12, tzinfo=kiritimati)
    now = datetime(1995, 1, 1, 5, tzinfo=kiritimati)
    anniversary = timeline.next_anniversary(release, now)
    assert anniversary.number == 4
    assert anniversary.at == datetime(1995, 1, 1, 12, tzinfo=kiritimati)


@settings(max_examples=400, deadline=None)
@given(
    a=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)),
    b=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)),
    zone=st.sampled_from(ZONES),
    years=st.integers(min_value=0, max_value=300),
)
@pytest.mark.slow
def test_calendar_arithmetic_agrees_with_relativedelta(
    a: datetime, b: datetime, zone: str, years: int
) -> None:
    """Oracle: python-dateutil's relativedelta, which the time engine no longer imports."""
    from dateutil.relativedelta import relativedelta

    tz = ZoneInfo(zone)
    a, b = a.replace(microsecond=0, tzinfo=tz), b.replace(microsecond=0, tzinfo=tz)
    later, earlier = (a, b) if a >= b else (b, a)
    d = relativedelta(later, earlier)
    assert timeline._calendar(a, b) == (d.years, d.months, d.days, d.hours, d.minutes, d.seconds)
    assert timeline.months_on(a, 12 * years) == a + relativedelta(years=years)
