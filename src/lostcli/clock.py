"""Reading --now into an instant (pure; stdlib only unless free text needs dateutil).

What --now takes, in English or Korean whatever --lang is (a user types what they saw):
- ISO 8601 (`2025-05-30T16:00+09:00`), or a full date in free text (`30 May 2025 4pm KST`,
  `2025년 5월 30일 (금) 오후 4:00`), as the tool prints it, `(UTC+09:00)` included; a date alone
  is midnight. A partial date (`2025-05`), a weekday that contradicts the date and an all-numeric
  date whose order is ambiguous (`05/06/2025`) are refused rather than guessed.
- `@<unix seconds>`; a day by name (`now`, `tomorrow`, `내일`: the same wall-clock time a calendar
  day away, as GNU date reads them) or a weekday (`friday`, `next friday`: the coming one,
  `last friday`), either with a time of day (`9am`, `18:00`, `noon`, `오후 4시`), or a time of
  day alone (today).
- A span from now: `+3d`, `-2h30m`, `3 days ago`, `3일 후`, `2시간 전`. Days, weeks, months and
  years move the wall-clock date (a month on from 31 Jan is the last day of February, as an
  anniversary falls), then hours, minutes and seconds are elapsed time. `M` alone is refused:
  minutes are `m` or `min`, months `mo`.
- In free text, `UTC+9` and `GMT-3:30` mean what they mean in --tz (nine hours east), and an
  abbreviation means what it means in --tz (KST is Korea's), whatever the process's TZ.

The words come from each Locale's tables (`day_words`, `span_units`, ...): a language adds its
table, not code here.

A time without an offset is that wall-clock time in the chosen zone. In a DST gap (a time that
never happens) it is read with the offset in force before the gap; in an overlap (a time that
happens twice) it means the first occurrence. This is PEP 495's fold=0.

Instants are kept to the years 2 to 9997, so that showing one in any zone and finding the next
anniversary (up to a year and a day on, in a zone up to 14 hours east) stay within what Python's
dates can hold (1 to 9999).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache

from lostcli import zones
from lostcli.errors import UsageError
from lostcli.formatting import day_month_year, signed_offset, weekday
from lostcli.text import quoted

FIRST_YEAR, LAST_YEAR = 2, 9997
EXAMPLE = "2025-05-30T16:00+09:00"
# `UTC+9`, `GMT -3:30`: read as in --tz, not as POSIX and dateutil would (west of UTC).
_UTC_OFFSET = r"(?i)(?<![A-Za-z])(?:UTC|GMT)\s*([+-]\s*\d{1,2}(?::?\d{2})?)(?![\d:])"
# The offset that ends a stamp the tool printed (`... KST (UTC+09:00)`, `+0545 (UTC+05:45)`),
# with the zone's own name for it, which it makes exact (tzdata's AST is not --tz's AST).
_STATED = (
    r"(?:\s+(?!(?:AM|PM)\b)[A-Z][A-Za-z]{1,5}|\s+[+-]\d{2,4})?"
    r"\s*\(\s*UTC(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?\s*\)$"
)
# A number (`4:30` is one), a word, or any other character.
_TOKEN = r"[0-9]+(?::[0-9]+)*|[^\W\d_]+|\S"
# Day and month in either order before a four-digit year: `5.6.2025`, `05/06/2025`.
_NUMERIC_DATE = r"(?<![\d.:/-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d:/-])"
# The same with a two-digit year, whose century and place dateutil would guess: `05/06/25`.
_SHORT_YEAR = r"(?<![\d.:/-])\d{1,2}([./-])\d{1,2}\1\d{2}(?![\d:/-])"
_UNIX = r"[+-]?\d{5,}"
_ELAPSED = {"hour": 3600, "minute": 60, "second": 1}


def parse(text: str, zone: zones.Zone, current: datetime) -> datetime:
    """An aware UTC instant from --now's text (see the module's docstring); `current` is the
    instant that `now`, `tomorrow` and `+3d` count from."""
    value = text.strip()
    if not value:
        raise UsageError("--now needs a time, e.g. {example}", example=EXAMPLE)
    if value.startswith("@"):
        try:
            return _checked(datetime.fromtimestamp(float(value[1:]), UTC), text)
        except (ValueError, OverflowError, OSError):
            raise UsageError("--now: not a Unix time: {text}", text=quoted(text)) from None
    if not value.isascii():
        import unicodedata  # Hangul typed on a Mac arrives decomposed

        value = unicodedata.normalize("NFC", value)
    stated = None
    try:
        moment = datetime.fromisoformat(value)  # the usual --now: no pattern compiled for it
    except ValueError:
        if stated := re.search(_STATED, value):
            value = value[: stated.start()]
        moment = _read(value, text, zone, current)
    if stated:
        hours, minutes, seconds = (int(n or 0) for n in stated.groups()[1:])
        offset = timedelta(hours=hours, minutes=minutes, seconds=seconds)
        offset *= -1 if stated[1] == "-" else 1
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=_abbreviation(None, int(offset.total_seconds())))
        elif moment.utcoffset() != offset:
            raise UsageError("--now: {text} gives two different offsets", text=quoted(text))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone.tzinfo, fold=0)
    return _checked(moment, text)


def _read(value: str, text: str, zone: zones.Zone, current: datetime) -> datetime:
    """Any form but plain ISO 8601, its offset in brackets, if any, cut off."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        if re.fullmatch(_UNIX, value):
            raise _cannot(text, "@" + value.lstrip("+")) from None
        try:
            found = _spoken(value, text, zone, current)
        except (ValueError, OverflowError):  # a wall-clock date beyond year 9999 or before 1
            raise _out_of_range(text) from None
        return found if found is not None else _free_form(value, text)


def _checked(moment: datetime, text: str) -> datetime:
    try:
        instant = moment.astimezone(UTC)
    except OverflowError:
        raise _out_of_range(text) from None
    if not FIRST_YEAR <= instant.year <= LAST_YEAR:
        raise _out_of_range(text)
    return instant


def _out_of_range(text: str) -> UsageError:
    return UsageError(
        "--now: out of range (years {first} to {last}): {text}",
        first=FIRST_YEAR,
        last=LAST_YEAR,
        text=quoted(text),
    )


def _cannot(text: str, example: str = EXAMPLE) -> UsageError:
    return UsageError(
        "--now: cannot read {text} as a time (try {example})", text=quoted(text), example=example
    )


class _Words:
    """Every language's words for --now, in lower case (see the Locale's tables)."""

    def __init__(self) -> None:
        from lostcli import locales

        self.days: dict[str, int] = {}
        self.hours: dict[str, int] = {}
        self.order: dict[str, int] = {}
        self.after: dict[str, int] = {}
        self.units: dict[str, str] = {}
        self.marks: dict[str, str] = {}
        self.halves: dict[str, int] = {}
        self.weekdays: dict[str, int] = {}
        for code in locales.codes():
            lang = locales.get(code)
            self.days |= lang.day_words
            self.hours |= lang.hour_words
            self.order |= lang.order_words
            self.after |= lang.span_words
            self.units |= lang.span_units
            self.marks |= lang.marks
            self.halves |= {half.lower(): pm for pm, half in enumerate(lang.halves)}
            for names in (lang.weekdays, lang.weekdays_short):
                self.weekdays |= {name.lower(): day for day, name in enumerate(names)}
        tables = (self.days, self.hours, self.order, self.after, self.units, self.marks)
        self.known = {word for table in (*tables, self.halves, self.weekdays) for word in table}

    def tokens(self, value: str) -> list[tuple[str, int]]:
        """The words and numbers of `value` with where each starts; brackets and commas are left
        out, and a run of letters that no table knows is split into words that they know
        (`3일후`, `내일오후`)."""
        found = []
        for m in re.finditer(_TOKEN, value):
            if m[0] in ("(", ")", ","):
                continue
            start = m.start()
            for word in self._split(m[0]) or (m[0],):
                found.append((word, start))
                start += len(word)
        return found

    def _split(self, word: str) -> tuple[str, ...] | None:
        if word.lower() in self.known:
            return (word,)
        if len(word) > 16:  # no run of words is this long; and splitting costs its square
            return None
        for end in range(len(word) - 1, 0, -1):
            if word[:end].lower() in self.known and (rest := self._split(word[end:])) is not None:
                return (word[:end], *rest)
        return None


def _digits(word: str) -> bool:
    return word.isascii() and word.isdigit()


@cache
def _words() -> _Words:
    return _Words()


class _Reader:
    """The tokens of --now's text, read from the start."""

    def __init__(self, value: str) -> None:
        self.value = value
        self.tokens = _words().tokens(value)
        self.at = 0

    def peek(self, ahead: int = 0) -> str:
        at = self.at + ahead
        return self.tokens[at][0].lower() if at < len(self.tokens) else ""

    def take(self, table: dict[str, int]) -> int | None:
        found = table.get(self.peek())
        if found is not None:
            self.at += 1
        return found

    def number(self) -> int | None:
        word = self.peek()
        if not (_digits(word) and len(word) <= 9):
            return None
        self.at += 1
        return int(word)

    def marked(self, fields: tuple[str, ...]) -> dict[str, int]:
        """Numbers each followed by its mark (`2025년 5월`, `4시 30분`), for these fields."""
        found: dict[str, int] = {}
        while _digits(self.peek()) and (field := _words().marks.get(self.peek(1))) in fields:
            if field in found or (n := self.number()) is None:
                break
            found[field] = n
            self.at += 1
        return found

    def rest(self) -> str:
        return self.value[self.tokens[self.at][1] :].strip() if self.at < len(self.tokens) else ""


def _spoken(value: str, text: str, zone: zones.Zone, current: datetime) -> datetime | None:
    """A span from now, or a day and a time of day in words (`tomorrow 9am`, `2025년 5월 30일
    오후 4시`); None for anything else."""
    local = current.astimezone(zone.tzinfo)
    reader = _Reader(value)
    if (span := _span(reader, text)) is not None:
        return _moved(local, current, *span)
    reader.at = 0
    day, kind = _day(reader, local, text)
    at = _time_of_day(reader, text)
    rest = reader.rest()
    if (day is None and at is None) or (rest and kind != "date"):
        return None
    if at is None and kind == "named":  # `tomorrow`: the same wall-clock time that day
        return datetime.combine(day or local.date(), local.time(), local.tzinfo)  # fold kept
    moment = datetime.combine(day or local.date(), at or time())
    return moment.replace(tzinfo=zones.parse(rest).tzinfo, fold=0) if rest else moment


def _span(reader: _Reader, text: str) -> tuple[int, dict[str, int]] | None:
    """A signed span (`+3d`, `3 days ago`, `2시간 30분 후`): its sign and amounts by unit."""
    sign = {"+": 1, "-": -1}.get(reader.peek(), 0)
    if sign:
        reader.at += 1
    amounts: dict[str, int] = {}
    ambiguous = False
    while (unit := _words().units.get(reader.peek(1))) and (n := reader.number()) is not None:
        ambiguous |= reader.tokens[reader.at][0] == "M"
        amounts[unit] = amounts.get(unit, 0) + n
        reader.at += 1
    after = reader.take(_words().after)
    if not amounts or reader.rest() or (sign == 0) == (after is None):
        return None
    if ambiguous:
        raise UsageError(
            "--now: {text} could be minutes or months: write {minutes} or {months}",
            text=quoted(text),
            minutes=text.strip().replace("M", "min"),
            months=text.strip().replace("M", "mo"),
        )
    return sign or after or 0, amounts


def _moved(local: datetime, current: datetime, sign: int, amounts: dict[str, int]) -> datetime:
    """`current` moved by a span: the calendar units on the wall clock, then elapsed time."""
    months = sign * (amounts.get("month", 0) + 12 * amounts.get("year", 0))
    days = sign * (amounts.get("day", 0) + 7 * amounts.get("week", 0))
    seconds = sign * sum(amounts.get(unit, 0) * n for unit, n in _ELAPSED.items())
    moment = current
    if months or days:
        wall = local.replace(tzinfo=None)
        if months:
            from lostcli.timeline import months_on  # only a span in months pays for the import

            wall = months_on(wall, months)
        moment = (wall + timedelta(days=days)).replace(tzinfo=local.tzinfo, fold=local.fold)
    return moment.astimezone(UTC) + timedelta(seconds=seconds)


def _day(reader: _Reader, local: datetime, text: str) -> tuple[date | None, str]:
    """The day that the text starts with, and its kind: `named` (`tomorrow`), `weekday`
    (`friday`, `next friday`: the coming one, `last friday`) or `date` in marked numbers
    (`2025년 5월 30일`, with a weekday that must agree; a zone may follow it)."""
    words = _words()
    if (days := reader.take(words.days)) is not None:
        return local.date() + timedelta(days=days), "named"
    order = reader.take(words.order)
    if (day := reader.take(words.weekdays)) is not None:
        ahead = (day - local.weekday()) % 7
        if order and not ahead:
            ahead = 7 * order
        elif order == -1:
            ahead -= 7
        return local.date() + timedelta(days=ahead), "weekday"
    if order is not None:  # `next` without a weekday
        reader.at -= 1
        return None, ""
    fields = reader.marked(("year", "month", "day"))
    if not fields:
        return None, ""
    if len(fields) < 3:
        raise UsageError(
            "--now: give a full date, with year, month and day: {text}", text=quoted(text)
        )
    try:
        found = datetime(fields["year"], fields["month"], fields["day"])
    except ValueError:
        raise _cannot(text) from None
    if (day := reader.take(words.weekdays)) is not None and day != found.weekday():
        raise _wrong_weekday(found, day, text)
    return found.date(), "date"


def _time_of_day(reader: _Reader, text: str) -> time | None:
    """`9am`, `9:30 pm`, `18:00`, `noon`, `오후 4시 30분`, `오후 4:00`, `16시`; a time read as one
    that no clock shows (`25:00`, `13pm`) is an error, not a day without its time."""
    words = _words()
    if (hour := reader.take(words.hours)) is not None:
        return time(hour)
    half = reader.take(words.halves)
    start = reader.at
    clock = reader.peek()
    if ":" in clock:
        reader.at += 1
        parts = [int(p) for p in clock.split(":")]
        if len(parts) > 3 or any(len(p) != 2 for p in clock.split(":")[1:]):
            return None
        hour, minute, second = (*parts, 0, 0)[:3]
    elif fields := reader.marked(("hour", "minute", "second")):
        if "hour" not in fields:
            return None
        hour, minute, second = fields["hour"], fields.get("minute", 0), fields.get("second", 0)
    elif (hour := reader.number()) is not None:  # `9am`, `9 pm`: only with a half of the day
        minute = second = 0
        if half is None and reader.peek() not in words.halves:
            reader.at = start
            return None
    else:
        return None
    if half is None:
        half = reader.take(words.halves)
    if half is not None:
        if not 1 <= hour <= 12:
            raise _no_such_time(text)
        hour = hour % 12 + 12 * half
    if hour > 23 or minute > 59 or second > 59:
        raise _no_such_time(text)
    return time(hour, minute, second)


def _no_such_time(text: str) -> UsageError:
    return UsageError("--now: {text} names a time of day no clock shows", text=quoted(text))


def _wrong_weekday(day: datetime, typed: int, text: str) -> UsageError:
    """The weekday typed (Monday 0) named in full in the message's language, as typed it may be
    `Thu` or `목`: 2025년 5월 30일은 목요일이 아니라 금요일입니다."""
    other = day + timedelta(days=typed - day.weekday())
    return UsageError(
        "--now: {date} is a {weekday}, not a {word}: {text}",
        date=lambda lang: day_month_year(day, lang),
        weekday=lambda lang: weekday(day, lang),
        word=lambda lang: weekday(other, lang),
        text=quoted(text),
    )


def _free_form(value: str, text: str) -> datetime:
    if m := re.search(_NUMERIC_DATE, value):
        a, b, year = int(m[1]), int(m[3]), m[4]
        if a != b and a <= 12 and b <= 12:
            raise UsageError(
                "--now: {text} could be {first} or {second}: write one of them",
                text=quoted(text),
                first=f"{year}-{b:02d}-{a:02d}",  # day first
                second=f"{year}-{a:02d}-{b:02d}",
            )
    if re.search(_SHORT_YEAR, value):
        raise UsageError(
            "--now: {text} has a two-digit year: write year-month-day, e.g. {example}",
            text=quoted(text),
            example="2025-05-30",
        )
    # dateutil's parser costs ~10 ms to import, so only times that ISO 8601 cannot read pay for it.
    from dateutil import parser

    try:
        value = re.sub(_UTC_OFFSET, lambda m: _iso_offset(m[0]), value)
        # Two different defaults: a field that the text leaves out shows as a difference.
        first, second = (
            parser.parse(value, default=datetime(year, year, year), tzinfos=_abbreviation)
            for year in (1, 2)
        )
    except (ValueError, OverflowError):
        raise _cannot(text) from None
    if first.date() != second.date():
        raise UsageError(
            "--now: give a full date, with year, month and day: {text}", text=quoted(text)
        )
    info = parser.parserinfo()
    for word in re.findall(r"[A-Za-z]+", value):
        day = info.weekday(word)
        if day is not None and day != first.weekday():
            raise _wrong_weekday(first, day, text)
    return first


def _iso_offset(found: str) -> str:
    return signed_offset(zones.parse(found.replace(" ", "")).tzinfo.utcoffset(None))


def _abbreviation(name: str | None, seconds: int | None) -> tzinfo | None:
    """dateutil asks this for the zone in the text, so that none is read from the process's
    TZ (dateutil's own fallback): a numeric offset, or a name that --tz knows."""
    if name is None and seconds is None:
        return None  # no zone in the text: the caller's
    if name is None or name.upper() in ("UTC", "GMT", "Z"):
        try:
            return timezone(timedelta(seconds=seconds or 0))
        except ValueError:
            raise UsageError("--now: an offset must be less than 24 hours") from None
    return zones.parse(name).tzinfo
