"""--now as people type it: the Korean the tool prints, Korean and `date -d` relative words, and
the refusals of what cannot be read without a guess (issue 22 item 3, issue 23 item 7)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lostcli import clock, formatting, locales, zones
from lostcli.errors import UsageError
from tests.conftest import run

NY = zones.parse("America/New_York")
SEOUL = zones.parse("Asia/Seoul")
TUESDAY = datetime(2025, 5, 27, 3, tzinfo=UTC)  # Tue 27 May 2025, 12:00 in Seoul


def seoul(text: str, current: datetime = TUESDAY) -> datetime:
    return clock.parse(text, SEOUL, current).astimezone(SEOUL.tzinfo)


def kst(*fields: int) -> datetime:
    return datetime(*fields, tzinfo=ZoneInfo("Asia/Seoul"))


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2025년 5월 30일 오후 4시", "2025-05-30T20:00"),  # in the zone (New York's EDT)
        ("2025년 5월 30일 (금) 오후 4:00", "2025-05-30T20:00"),
        ("2025년 5월 30일 금요일 오후 4시 30분", "2025-05-30T20:30"),
        ("2025년 5월 30일 (금) 오후 4:00 KST (UTC+09:00)", "2025-05-30T07:00"),
        ("2025년 5월 30일 오후 4시 서울", "2025-05-30T07:00"),
        ("2025년 5월 30일 16시", "2025-05-30T20:00"),
        ("2025년 5월 30일", "2025-05-30T04:00"),
        ("2025년 5월 30일 오전 12시", "2025-05-30T04:00"),
        ("2025년 5월 30일 정오", "2025-05-30T16:00"),
        ("Fri 30 May 2025, 16:00 KST (UTC+09:00)", "2025-05-30T07:00"),
        ("Fri 30 May 2025, 12:45 +0545 (UTC+05:45)", "2025-05-30T07:00"),
    ],
)
def test_now_reads_the_korean_the_tool_prints(text: str, utc: str) -> None:
    expected = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    assert clock.parse(text, NY, TUESDAY) == expected


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(100, 1, 2), max_value=datetime(9997, 12, 30)),
    zone=st.sampled_from(sorted(available_timezones())),
    lang=st.sampled_from(["en", "ko"]),
)
def test_every_stamp_reads_back_in_either_language(moment: datetime, zone: str, lang: str) -> None:
    """What `info` and `countdown` print (`2025년 5월 30일 (금) 오후 4:00 KST (UTC+09:00)`) is
    that instant, to the minute, whatever the abbreviation means to --tz (tzdata's AST, CST and
    IST are several zones' names; the offset makes them exact)."""
    shown = moment.replace(second=0, microsecond=0, tzinfo=UTC).astimezone(ZoneInfo(zone))
    read = clock.parse(formatting.stamp(shown, lang), NY, TUESDAY).astimezone(shown.tzinfo)
    assert read.replace(tzinfo=None) == shown.replace(second=0, tzinfo=None)
    assert read.utcoffset() == shown.utcoffset()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025년 5월 30일 (목) 오후 4:00", "2025년 5월 30일은 목요일이 아니라 금요일입니다"),
        ("2025년 5월 30일 수요일", "2025년 5월 30일은 수요일이 아니라 금요일입니다"),
        ("2025년 5월", "연, 월, 일을 모두"),
        ("5월 30일", "연, 월, 일을 모두"),
    ],
)
def test_a_korean_date_that_is_wrong_or_partial_is_refused(text: str, message: str) -> None:
    with pytest.raises(UsageError) as e:
        clock.parse(text, SEOUL, TUESDAY)
    assert message in e.value.text("ko")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("지금", kst(2025, 5, 27, 12)),
        ("오늘", kst(2025, 5, 27, 12)),
        ("내일", kst(2025, 5, 28, 12)),
        ("모레", kst(2025, 5, 29, 12)),
        ("어제", kst(2025, 5, 26, 12)),
        ("그저께", kst(2025, 5, 25, 12)),
        ("+3일", kst(2025, 5, 30, 12)),
        ("3일 후", kst(2025, 5, 30, 12)),
        ("3일 뒤", kst(2025, 5, 30, 12)),
        ("3일후", kst(2025, 5, 30, 12)),
        ("2시간 전", kst(2025, 5, 27, 10)),
        ("30분 후", kst(2025, 5, 27, 12, 30)),
        ("2시간 30분 후", kst(2025, 5, 27, 14, 30)),
        ("2주 후", kst(2025, 6, 10, 12)),
        ("1개월 후", kst(2025, 6, 27, 12)),
        ("1년 전", kst(2024, 5, 27, 12)),
        ("내일 오후 3시", kst(2025, 5, 28, 15)),
        ("내일오후3시", kst(2025, 5, 28, 15)),
        ("금요일 오후 6시", kst(2025, 5, 30, 18)),
        ("정오", kst(2025, 5, 27, 12)),
        ("자정", kst(2025, 5, 27)),
        ("오후 4:00", kst(2025, 5, 27, 16)),
    ],
)
def test_korean_relative_words(text: str, expected: datetime) -> None:
    assert seoul(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow 9am", kst(2025, 5, 28, 9)),
        ("next friday", kst(2025, 5, 30)),
        ("friday", kst(2025, 5, 30)),
        ("last friday", kst(2025, 5, 23)),
        ("tuesday", kst(2025, 5, 27)),  # today
        ("next tuesday", kst(2025, 6, 3)),
        ("last tuesday", kst(2025, 5, 20)),
        ("friday 18:00", kst(2025, 5, 30, 18)),
        ("Fri 6:30 PM", kst(2025, 5, 30, 18, 30)),
        ("3 days ago", kst(2025, 5, 24, 12)),
        ("noon", kst(2025, 5, 27, 12)),
        ("midnight", kst(2025, 5, 27)),
        ("16:00", kst(2025, 5, 27, 16)),
        ("+2 hours 30 minutes", kst(2025, 5, 27, 14, 30)),
    ],
)
def test_what_date_users_type(text: str, expected: datetime) -> None:
    assert seoul(text) == expected


def test_m_is_minutes_and_mo_months_but_capital_m_is_refused() -> None:
    assert seoul("+1m") == seoul("+1min") == kst(2025, 5, 27, 12, 1)
    assert seoul("+1mo") == kst(2025, 6, 27, 12)
    with pytest.raises(UsageError, match=re.escape("write +1min or +1mo")):
        seoul("+1M")


def test_an_all_numeric_date_is_read_only_when_its_order_is_certain() -> None:
    for ambiguous in ("5.6.2025", "05/06/2025", "5-6-2025"):
        with pytest.raises(UsageError, match="could be 2025-06-05 or 2025-05-06"):
            seoul(ambiguous)
    assert seoul("31/05/2025") == seoul("05/31/2025") == seoul("2025/05/31") == kst(2025, 5, 31)
    assert seoul("5.5.2025") == kst(2025, 5, 5)
    for short in ("05/06/25", "31.05.25", "5-5-25"):  # the century and the order both guessed
        with pytest.raises(UsageError, match="two-digit year"):
            seoul(short)


@pytest.mark.slow  # the weekdays of the examples above, here of any day
@given(
    current=st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    day=st.integers(min_value=0, max_value=6),
)
def test_a_weekday_is_the_coming_one_and_next_or_last_moves_a_week(
    current: datetime, day: int
) -> None:
    name = locales.get("en").weekdays[day]
    today = current.astimezone(NY.tzinfo).date()
    for text, low, high in ((name, 0, 6), (f"next {name}", 1, 7), (f"last {name}", -7, -1)):
        found = clock.parse(text, NY, current).astimezone(NY.tzinfo)
        assert found.weekday() == day and found.time() == datetime.min.time(), text
        assert low <= (found.date() - today).days <= high, text
    korean = clock.parse(locales.get("ko").weekdays[day], NY, current)
    assert korean == clock.parse(name, NY, current)


# A span's unit as each spelling writes it: compact, English words, Korean.
SPELLINGS = {
    "seconds": ("s", "seconds", "초"), "minutes": ("min", "minutes", "분"),
    "hours": ("h", "hours", "시간"), "days": ("d", "days", "일"), "weeks": ("w", "weeks", "주"),
    "months": ("mo", "months", "개월"), "years": ("y", "years", "년"),
}  # fmt: skip


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=400),
    unit=st.sampled_from(sorted(SPELLINGS)),
    current=st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(["America/New_York", "Australia/Lord_Howe", "Asia/Seoul", "UTC"]),
)
def test_a_span_means_the_same_in_every_spelling(
    n: int, unit: str, current: datetime, zone: str
) -> None:
    """Oracle: python-dateutil's relativedelta on the wall clock for days and longer (the
    calendar day that `tomorrow` moves by), elapsed time for hours and shorter."""
    from dateutil.relativedelta import relativedelta

    z = zones.parse(zone)
    compact, word, korean = SPELLINGS[unit]

    def parse(text: str) -> datetime:
        return clock.parse(text, z, current)

    later, earlier = parse(f"+{n}{compact}"), parse(f"-{n}{compact}")
    assert parse(f"+{n} {word}") == parse(f"{n}{korean} 후") == parse(f"{n}{korean} 뒤") == later
    assert parse(f"{n} {word} ago") == parse(f"{n}{korean} 전") == parse(f"-{n}{korean}") == earlier
    for sign, found in ((1, later), (-1, earlier)):
        if unit in ("hours", "minutes", "seconds"):
            expected = current + timedelta(**{unit: sign * n})
        else:
            local = current.astimezone(z.tzinfo)
            wall = local.replace(tzinfo=None) + relativedelta(**{unit: sign * n})
            expected = wall.replace(tzinfo=z.tzinfo, fold=local.fold).astimezone(UTC)
        assert found == expected


BASE = "2025-03-08 12:00"  # New York; its clocks go forward the next night (a 23-hour day)


@pytest.mark.parametrize(
    ("text", "gnu"),
    [
        ("3 days ago", f"{BASE} 3 days ago"), ("3일 전", f"{BASE} 3 days ago"),
        ("+1 day", f"{BASE} 1 day"), ("1일 후", f"{BASE} 1 day"), ("+3일", f"{BASE} 3 days"),
        ("+24 hours", f"{BASE} 24 hours"), ("24시간 후", f"{BASE} 24 hours"),
        ("+2 weeks", f"{BASE} 2 weeks"), ("2주 뒤", f"{BASE} 2 weeks"),
        ("+1mo", f"{BASE} 1 month"), ("1개월 후", f"{BASE} 1 month"),
        ("1 year ago", f"{BASE} 1 year ago"), ("1년 전", f"{BASE} 1 year ago"),
        ("2시간 전", f"{BASE} 2 hours ago"), ("30분 후", f"{BASE} 30 minutes"),
        ("내일", f"{BASE} tomorrow"),
        ("9am", "2025-03-08 9am"), ("오전 9시", "2025-03-08 9am"),
        ("9:30pm", "2025-03-08 9:30pm"), ("오후 9:30", "2025-03-08 9:30pm"),
        ("12am", "2025-03-08 12am"), ("오전 12시", "2025-03-08 12am"),
        ("12pm", "2025-03-08 12pm"), ("오후 12시", "2025-03-08 12pm"),
    ],
)  # fmt: skip
def test_spans_and_times_agree_with_gnu_date(text: str, gnu: str) -> None:
    """Oracle: GNU date, from an absolute base (no faketime here)."""
    expected = subprocess.run(
        ["date", "-d", gnu, "+%s"],
        env={"TZ": "America/New_York"}, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    current = datetime(2025, 3, 8, 17, tzinfo=UTC)  # 12:00 EST
    assert clock.parse(text, NY, current).timestamp() == int(expected)


@pytest.mark.parametrize(
    ("text", "english", "korean"),
    [
        ("+1M", "could be minutes or months: write +1min or +1mo", "+1min 또는 +1mo를"),
        ("2h30M ago", "write 2h30min ago or 2h30mo ago", "2h30min ago 또는 2h30mo ago를"),
        ("5.6.2025", "could be 2025-06-05 or 2025-05-06", "2025-06-05인지 2025-05-06인지"),
        ("05/06/2025", "could be 2025-06-05 or 2025-05-06", "2025-06-05인지 2025-05-06인지"),
        ("5-6-2025 16:00", "could be 2025-06-05 or 2025-05-06", "둘 중 하나를 입력하세요"),
        ("1748588400", "(try @1748588400)", "(예: @1748588400)"),
        ("2025-05-30T16:00+09:00 (UTC+08:00)", "gives two different offsets", "시차가"),
        ("2025년 5월 30일 오후 4시 (UTC+30:00)", "less than 24 hours", "24시간보다"),
        ("9998년 1월 1일", "out of range", "9997"),
        ("+8000y", "out of range", "9997"),
    ],
)
def test_refusals_are_one_translated_line_with_status_2(
    text: str, english: str, korean: str
) -> None:
    for lang, words in (("en", english), ("ko", korean)):
        r = run("--lang", lang, "countdown", "--now", text)
        errors = [line for line in r.err.splitlines() if "error:" in line or "오류:" in line]
        assert (r.code, len(errors), r.out) == (2, 1, ""), r
        assert words in errors[0], errors


def test_a_bare_unix_time_gets_its_hint_on_the_prompt_too() -> None:
    r = run("prompt", "--now", "1748588400")
    assert r.code == 2 and "(try @1748588400)" in r.err


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_input_is_read_in_either_language_whatever_lang(lang: str) -> None:
    for text, utc in (
        ("2025년 5월 30일 오후 4시", "2025-05-30T07:00:00Z"),
        ("내일 오후 3시", "2026-11-19T06:00:00Z"),  # the clock of `run`: 18 Nov 2026, 17:26 KST
        ("tomorrow 3pm", "2026-11-19T06:00:00Z"),
    ):
        r = run("--lang", lang, "countdown", "--json", "--tz", "Asia/Seoul", "--now", text)
        assert (r.code, json.loads(r.out)["now"]["utc"]) == (0, utc), r


# Every form the help of --now lists, as it lists them.
HELP_FORMS = [
    "30 May 2025 4pm KST", "2025년 5월 30일 오후 4시", "now", "today", "tomorrow", "yesterday",
    "지금", "오늘", "내일", "모레", "어제", "그저께", "friday", "next friday", "last friday",
    "금요일", "9am", "18:00", "noon", "midnight", "오후 4시", "정오", "자정", "+3d", "-2h30m",
    "+1mo", "3 days ago", "3일 후", "2시간 전",
]  # fmt: skip


def test_the_help_lists_the_forms_that_are_read() -> None:
    shown = " ".join(run("countdown", "-h", env={"COLUMNS": "200"}).out.split())
    for form in HELP_FORMS:
        assert form in shown, form
        clock.parse(form, SEOUL, TUESDAY)
    units = re.search(r"units ([^)]*)\)", shown)
    assert units
    for unit in units[1].replace(" or ", ", ").split(", "):
        assert seoul(f"+2{unit}") > seoul("now"), unit
    with pytest.raises(UsageError):
        clock.parse("+2M", SEOUL, TUESDAY)


@pytest.fixture
def french() -> Iterator[None]:
    """A third language: a Locale with its words, and no code in clock.py."""

    class French(locales.Locale):
        code = "fr"
        weekdays = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
        weekdays_short = tuple(day[:3] for day in weekdays)
        halves = ("AM", "PM")
        day_words, span_units = {"demain": 1}, {"jours": "day"}

    locales.registry["fr"] = French()
    clock._words.cache_clear()
    yield
    del locales.registry["fr"]
    clock._words.cache_clear()


def test_a_third_language_adds_a_table(french: None) -> None:
    assert seoul("demain 9am") == kst(2025, 5, 28, 9)
    assert seoul("vendredi 18:00") == kst(2025, 5, 30, 18)
    assert seoul("+2 jours") == kst(2025, 5, 29, 12)


@pytest.mark.parametrize(
    "text", ["tomorrow 25:00", "tomorrow 13pm", "today 25:00", "friday 13:75", "내일 오후 13시"]
)
def test_a_time_no_clock_shows_is_refused_not_dropped(text: str) -> None:
    """`tomorrow 25:00` was read as tomorrow at the current time: the time was dropped."""
    with pytest.raises(UsageError, match="names a time of day no clock shows"):
        seoul(text)
