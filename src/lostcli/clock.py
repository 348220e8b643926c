"""Reading --now into an instant (pure; stdlib only unless free text needs dateutil).

What --now takes:
- ISO 8601 (`2025-05-30T16:00+09:00`), or free text with a full date (`30 May 2025 4pm KST`);
  a date alone is midnight. A partial date (`2025-05`) and a weekday that contradicts the date
  are refused rather than completed from today's date.
- `@<unix seconds>`; `now` or `today`; `tomorrow` and `yesterday` (the same wall-clock time a
  calendar day away, as GNU date reads them); `+3d`, `-2h30m` (elapsed time: w d h m s).
- In free text, `UTC+9` and `GMT-3:30` mean what they mean in --tz (nine hours east), and an
  abbreviation means what it means in --tz (KST is Korea's), whatever the process's TZ.

A time without an offset is that wall-clock time in the chosen zone. In a DST gap (a time that
never happens) it is read with the offset in force before the gap; in an overlap (a time that
happens twice) it means the first occurrence. This is PEP 495's fold=0.

Instants are kept to the years 2 to 9997, so that showing one in any zone and finding the next
anniversary (up to a year and a day on, in a zone up to 14 hours east) stay within what Python's
dates can hold (1 to 9999).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from lostcli import zones
from lostcli.errors import UsageError
from lostcli.formatting import day_month_year, signed_offset, weekday
from lostcli.text import quoted

FIRST_YEAR, LAST_YEAR = 2, 9997
EXAMPLE = "2025-05-30T16:00+09:00"
_RELATIVE = re.compile(r"([+-])((?:\d{1,9}[wdhms])+)")
_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
_WORDS = {"now": 0, "today": 0, "tomorrow": 1, "yesterday": -1}
# `UTC+9`, `GMT -3:30`: read as in --tz, not as POSIX and dateutil would (west of UTC).
_UTC_OFFSET = re.compile(r"(?<![A-Za-z])(?:UTC|GMT)\s*([+-]\s*\d{1,2}(?::?\d{2})?)(?![\d:])", re.I)


def parse(text: str, zone: zones.Zone, current: datetime) -> datetime:
    """An aware UTC instant from --now's text (see the module's docstring); `current` is the
    instant that `now`, `tomorrow` and `+3d` count from."""
    value = text.strip()
    if not value:
        raise UsageError("--now needs a time, e.g. {example}", example=EXAMPLE)
    word = value.lower()
    if word in _WORDS:
        local = current.astimezone(zone.tzinfo)
        moment = local.replace(tzinfo=None) + timedelta(days=_WORDS[word])
        return _checked(moment.replace(tzinfo=zone.tzinfo, fold=local.fold), text)
    if m := _RELATIVE.fullmatch(word):
        seconds = sum(int(n) * _UNITS[u] for n, u in re.findall(r"(\d+)([wdhms])", m[2]))
        try:
            return _checked(current + timedelta(seconds=seconds if m[1] == "+" else -seconds), text)
        except OverflowError:
            raise _out_of_range(text) from None
    if value.startswith("@"):
        try:
            return _checked(datetime.fromtimestamp(float(value[1:]), UTC), text)
        except (ValueError, OverflowError, OSError):
            raise UsageError("--now: not a Unix time: {text}", text=quoted(text)) from None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = _free_form(value, text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone.tzinfo, fold=0)
    return _checked(moment, text)


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


def _free_form(value: str, text: str) -> datetime:
    # dateutil's parser costs ~10 ms to import, so only times that ISO 8601 cannot read pay for it.
    from dateutil import parser

    cannot = UsageError(
        "--now: cannot read {text} as a time (try {example})", text=quoted(text), example=EXAMPLE
    )
    try:
        value = _UTC_OFFSET.sub(lambda m: _iso_offset(m[0]), value)
        # Two different defaults: a field that the text leaves out shows as a difference.
        first, second = (
            parser.parse(value, default=datetime(year, year, year), tzinfos=_abbreviation)
            for year in (1, 2)
        )
    except (ValueError, OverflowError):
        raise cannot from None
    if first.date() != second.date():
        raise UsageError(
            "--now: give a full date, with year, month and day: {text}", text=quoted(text)
        )
    info = parser.parserinfo()
    for word in re.findall(r"[A-Za-z]+", value):
        day = info.weekday(word)
        if day is not None and day != first.weekday():
            raise UsageError(
                "--now: {date} is a {weekday}, not a {word}: {text}",
                date=lambda lang: day_month_year(first, lang),
                weekday=lambda lang: weekday(first, lang),
                word=word,
                text=quoted(text),
            )
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
