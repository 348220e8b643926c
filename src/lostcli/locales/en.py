"""English: the message ids are its text, so it has no catalog."""

from __future__ import annotations

from lostcli.locales import Locale

UNITS: dict[str, tuple[str, ...]] = {
    "year": ("{n} year", "{n} years"),
    "month": ("{n} month", "{n} months"),
    "day": ("{n} day", "{n} days"),
    "hour": ("{n} hour", "{n} hours"),
    "minute": ("{n} minute", "{n} minutes"),
    "second": ("{n} second", "{n} seconds"),
    "problem": ("{n} problem", "{n} problems"),
}
COMPACT = {
    "days": "{d}d {h:02d}h",
    "hours": "{h}h {m:02d}m",
    "minutes": "{m}m {s:02d}s",
    "ago": "{d}d ago",
    "now": "out now",
}
DURATIONS = {"hours": "{h} h {m:02d} min", "minutes": "{m} min {s:02d} s", "seconds": "{s} s"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
DATES = {
    "date": "{d} {b} {Y}",  # 9 Jan 2026
    "weekday": "{A}",
    "day_month": "{A} {d} {B}",  # Friday 30 May
    "time": "{H:02d}:{M:02d}",
    "stamp": "{a} {d} {b} {Y}, {time}",  # Fri 30 May 2025, 16:00
}


class English(Locale):
    code = "en"
    places = "locales/en.places.tab"
    units, compact, durations, dates = UNITS, COMPACT, DURATIONS, DATES
    weekdays, months, halves = WEEKDAYS, MONTHS, ("AM", "PM")
    weekdays_short = tuple(day[:3] for day in WEEKDAYS)
    months_short = tuple(month[:3] for month in MONTHS)

    def plural_index(self, n: int) -> int:
        return 0 if n == 1 else 1

    def ordinal(self, n: int) -> str:
        """`1st`, `2nd`, `11th`, `22nd`."""
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"


LOCALE = English()
