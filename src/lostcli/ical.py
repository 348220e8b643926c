"""RFC 5545 iCalendar text for the release and its anniversaries (pure).

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; text values
are escaped (backslash, semicolon, comma, newline).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from lostcli import __version__, formatting, zones
from lostcli.errors import Message
from lostcli.film import Film
from lostcli.formatting import ordinal
from lostcli.timeline import Countdown


class CalendarEvent(NamedTuple):
    uid: str
    start: datetime
    duration: timedelta
    summary: str
    description: str
    url: str


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, continued with CRLF and a space."""
    pieces: list[bytes] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = 75 if not pieces else 74  # a continuation line starts with one space
        if len(current) + len(encoded) > limit:
            pieces.append(current)
            current = b""
        current += encoded
    pieces.append(current)
    return "\r\n ".join(p.decode("utf-8") for p in pieces)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def uid(*parts: str) -> str:
    """A UID that stays the same for the same event, so calendars update instead of duplicating."""
    slug = "-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts)
    return f"{slug}@lostcli"


def calendar(events: list[CalendarEvent], now: datetime) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//lostcli//lostcli {__version__}//EN"]
    lines.append("CALSCALE:GREGORIAN")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp(now)}",
            f"DTSTART:{stamp(event.start)}",
            f"DTEND:{stamp(event.start + event.duration)}",
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(event.description)}",
            f"URL:{event.url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def film_events(
    record: Film, cd: Countdown, anniversary: bool, lang: str = "en"
) -> list[CalendarEvent]:
    """The release, and with `anniversary` the next anniversary, as calendar events, titled as
    the language shows the film, then in English (in Korean, where the first is English). The
    UIDs are the same in every language: importing another edition updates the same events.
    Each starts in UTC, which calendars show in their own zone; its description begins with the
    time in the countdown's zone (--tz), for whoever reads it elsewhere. The title is marked as
    one (〈이 별에 필요한〉), so that the words after it do not read as part of it."""
    shown, other = record.title.pair(lang)
    title = Message("{title} ({other})", title=shown, other=other).text(lang)
    platform = record.release.translated(lang).platform
    logline = record.about.translated(lang).logline
    length = timedelta(minutes=record.about.runtime_minutes)

    name = cd.zone.name
    if name.startswith("Etc/") and not cd.release.astimezone(cd.zone.tzinfo).utcoffset():
        name = "UTC"  # Etc/UTC, a system's zone

    def described(start: datetime) -> str:
        when = formatting.stamp(start, lang)
        if "/" in name and not name.startswith("Etc/"):  # a place, named as the language does
            place = Message(
                "Time in {zone}: {when}",
                zone=lambda locale: zones.place_name(name, locale) or name,
                when=when,
            )
        else:  # UTC, an offset, EST: a reference, not a place (UTC 기준)
            place = Message("Time in {utc}: {when}", utc=name, when=when)
        return place.text(lang) + f"\n\n{logline}"

    events = [
        CalendarEvent(
            uid=uid(record.title.english, "release", stamp(record.release.instant)),
            start=record.release.instant,
            duration=length,
            summary=Message("{title} on {platform}", title=title, platform=platform).text(lang),
            description=described(cd.release),
            url=record.trailer.url,
        )
    ]
    if anniversary:
        n = cd.anniversary.number
        events.append(
            CalendarEvent(
                uid=uid(record.title.english, f"anniversary {n}", stamp(cd.anniversary.at)),
                start=cd.anniversary.at,
                duration=length,
                summary=Message(
                    "{title}: {ordinal} anniversary of the release",
                    title=title,
                    ordinal=ordinal(n, lang),
                ).text(lang),
                description=described(cd.anniversary.at),
                url=record.trailer.url,
            )
        )
    return events
