"""English: the message ids are its text, so it has no catalog."""

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
    "days": "{d}d {h:02d}h", "day": "{d}d 00h",
    "hours": "{h}h {m:02d}m", "hour": "{h}h 00m",
    "minutes": "{m}m {s:02d}s", "minute": "{m}m 00s",
    "second": "{s}s",
    "ago": "{d}d ago",
    "now": "out now",
    "upcoming": "upcoming", "released": "released",  # {status}
}  # fmt: skip
DURATIONS = {
    "hours": "{h} h {m:02d} min", "hour": "{h} h 00 min",
    "minutes": "{m} min {s:02d} s", "minute": "{m} min 00 s",
    "second": "{s} s",
}  # fmt: skip
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
# What --now reads (see Locale): days and times of day by name, the words before a weekday and
# after a span, and a span's units (`M` is none: minutes, m or min, or months, mo?).
READING = (
    {"now": 0, "today": 0, "tomorrow": 1, "yesterday": -1},
    {"noon": 12, "midnight": 0},
    {"this": 0, "next": 1, "last": -1},
    {"ago": -1},
    {
        word: unit
        for unit, words in {
            "second": "s sec secs second seconds", "minute": "m min mins minute minutes",
            "hour": "h hr hrs hour hours", "day": "d day days", "week": "w wk week weeks",
            "month": "mo month months", "year": "y yr year years",
        }.items()
        for word in words.split()
    },
)  # fmt: skip


class English(Locale):
    code = "en"
    places = "locales/en.places.tab"
    units, compact, durations, dates = UNITS, COMPACT, DURATIONS, DATES
    days_digits = "{d}d"
    weekdays, months, halves = WEEKDAYS, MONTHS, ("AM", "PM")
    weekdays_short = tuple(day[:3] for day in WEEKDAYS)
    months_short = tuple(month[:3] for month in MONTHS)
    day_words, hour_words, order_words, span_words, span_units = READING

    def plural_index(self, n: int) -> int:
        return 0 if n == 1 else 1

    def ordinal(self, n: int) -> str:
        """`1st`, `2nd`, `11th`, `22nd`."""
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"


LOCALE = English()
