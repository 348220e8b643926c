"""Every text a person reads that is not a Rich view: spans, durations, plurals, ordinals, time
stamps and UTC offsets. The words live in the tables at the top, one place per kind, so that a
translation has one seam to work on.

Standard library only and no `typing`: the prompt path formats its segment here.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime, timedelta

# Counted units: English singular and plural; Korean, which has no plural, as a pattern.
UNITS = {
    "year": ("year", "years"),
    "month": ("month", "months"),
    "day": ("day", "days"),
    "hour": ("hour", "hours"),
    "minute": ("minute", "minutes"),
    "second": ("second", "seconds"),
    "problem": ("problem", "problems"),
}
UNITS_KO = {
    "year": "{n}년", "month": "{n}개월", "day": "{n}일", "hour": "{n}시간", "minute": "{n}분",
    "second": "{n}초", "problem": "문제 {n}개",
}  # fmt: skip
# Korean weekdays, Monday first, and the halves of the day (CLDR's wide day periods).
WEEKDAYS_KO = "월화수목금토일"
HALVES_KO = ("오전", "오후")
# Compact forms of a span: the prompt's (`3d 04h`, `3일 04시간`), in each language, and a
# duration's (`12 min 34 s`). The shell snippets are given the prompt's forms too.
COMPACT = {
    "en": {
        "days": "{d}d {h:02d}h",
        "hours": "{h}h {m:02d}m",
        "minutes": "{m}m {s:02d}s",
        "ago": "{d}d ago",
        "now": "out now",
    },
    "ko": {
        "days": "{d}일 {h:02d}시간",
        "hours": "{h}시간 {m:02d}분",
        "minutes": "{m}분 {s:02d}초",
        "ago": "{d}일 전",
        "now": "공개 중",
    },
}
DURATION = {
    "en": {"hours": "{h} h {m:02d} min", "minutes": "{m} min {s:02d} s", "seconds": "{s} s"},
    "ko": {"hours": "{h}시간 {m:02d}분", "minutes": "{m}분 {s:02d}초", "seconds": "{s}초"},
}
STATUS = {"upcoming": "upcoming", "released": "released"}


def plural(n: int, unit: str, lang: str = "en") -> str:
    """`1 day`, `3 days`; `3일`."""
    if lang == "ko":
        return UNITS_KO[unit].format(n=n)
    one, many = UNITS[unit]
    return f"{n} {one if n == 1 else many}"


def ordinal(n: int) -> str:
    """`1st`, `2nd`, `11th`, `22nd`."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def split(seconds: int) -> tuple[int, int, int, int]:
    """The absolute value of `seconds` as (days, hours, minutes, seconds)."""
    days, rest = divmod(abs(seconds), 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return days, hours, minutes, secs


def clock(seconds: int, lang: str = "en") -> str:
    """`3 days 04:12:09` (`3일 04:12:09`), `04:12:09`."""
    days, h, m, s = split(seconds)
    hms = f"{h:02d}:{m:02d}:{s:02d}"
    return f"{plural(days, 'day', lang)} {hms}" if days else hms


def digits(seconds: int) -> str:
    """`3d 04:12:09`: the big-digit form, whose glyphs are only digits, `d`, `:` and space."""
    days, h, m, s = split(seconds)
    hms = f"{h:02d}:{m:02d}:{s:02d}"
    return f"{days}d {hms}" if days else hms


def calendar(
    years: int, months: int, days: int, hours: int, minutes: int, secs: int, lang: str = "en"
) -> str:
    """`1 year, 5 months, 25 days` (`1년 5개월 25일`); the time of day only when the span is
    under a day."""
    big = [(years, "year"), (months, "month"), (days, "day")]
    small = [(hours, "hour"), (minutes, "minute"), (secs, "second")]
    parts = [plural(n, u, lang) for n, u in big if n] or [plural(n, u, lang) for n, u in small if n]
    return (" " if lang == "ko" else ", ").join(parts) or plural(0, "second", lang)


def relative(seconds: int, lang: str = "en") -> tuple[str, int, str]:
    """The prompt's compact form of signed seconds to the release: (text, whole days, status).
    `3d 04h`, `4h 12m`, `1m 01s` before; `out now` on the first day; `543d ago` after (in
    Korean `3일 04시간` ... `543일 전`). The status is a word for scripts, in English."""
    forms = COMPACT[lang]
    if seconds > 0:
        d, h, m, s = split(seconds)
        form = forms["days" if d else "hours" if h else "minutes"]
        return form.format(d=d, h=h, m=m, s=s), d, STATUS["upcoming"]
    d = -seconds // 86_400
    return (forms["ago"].format(d=d) if d else forms["now"]), d, STATUS["released"]


def duration(seconds: int, lang: str = "en") -> str:
    """Whole seconds as `12 min 34 s` or `1 h 02 min` (`12분 34초`). Callers round once, before
    formatting, so that a sum or a double of what they show is what they show."""
    forms = DURATION[lang]
    form = forms["hours" if seconds >= 3600 else "minutes" if seconds >= 60 else "seconds"]
    h, rest = divmod(seconds, 3600)
    return form.format(h=h, m=rest // 60 if h else seconds // 60, s=seconds % 60)


def million_km(km: float, lang: str = "en") -> str:
    """`183.8 million km`; in Korean, which counts in 만 (10^4) and 억 (10^8), `1억 8,380만 km`,
    to the same hundred thousand km."""
    if lang == "ko":
        man = round(km / 1e5) * 10
        eok, man = divmod(man, 10_000)
        return (f"{eok}억 {man:,}만 km" if man else f"{eok}억 km") if eok else f"{man:,}만 km"
    return f"{km / 1e6:,.1f} million km"


def signed_offset(delta: timedelta | None) -> str:
    """`+09:00`, `-03:30`, `+00:00`; with seconds when it has them (`-00:44:30`, Monrovia until
    1972), as `date +%::z` prints them."""
    seconds = int(delta.total_seconds()) if delta else 0
    sign = "-" if seconds < 0 else "+"
    minutes, s = divmod(abs(seconds), 60)
    h, m = divmod(minutes, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def offset(delta: timedelta | None) -> str:
    """`UTC+09:00`, `UTC-03:30`, `UTC+00:00`."""
    return f"UTC{signed_offset(delta)}"


def stamp(moment: datetime, lang: str = "en") -> str:
    """`Fri 30 May 2025, 16:00 KST (UTC+09:00)`, `2025년 5월 30일 (금) 오후 4:00 KST (UTC+09:00)`
    (CLDR's Korean forms); no abbreviation when it only repeats the offset, no offset when the
    abbreviation is UTC."""
    utc = offset(moment.utcoffset())
    abbr = moment.tzname() or ""
    label = f" {abbr}" if abbr and abbr != utc else ""
    if lang == "ko":
        day = f"{date_ko(moment)} ({WEEKDAYS_KO[moment.weekday()]}) {hour_minute(moment, lang)}"
    else:
        day = f"{moment:%a} {moment.day} {moment:%b %Y}, {hour_minute(moment, lang)}"
    if abbr == "UTC" and utc == "UTC+00:00":  # UTC once, not `07:00 UTC (UTC+00:00)`
        return f"{day} UTC"
    return f"{day}{label} ({utc})"


def hour_minute(moment: datetime, lang: str = "en") -> str:
    """`16:00`, `오후 4:00` (CLDR's Korean short time)."""
    if lang == "ko":
        return f"{HALVES_KO[moment.hour >= 12]} {(moment.hour + 11) % 12 + 1}:{moment:%M}"
    return f"{moment:%H:%M}"


def mars_clock(hours: float) -> str:
    """`14:32`: hours of a Mars clock (a sol's 24 hours), to the minute."""
    minutes = int(hours * 60) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def date_ko(moment: datetime) -> str:
    """`2025년 5월 30일`."""
    return f"{moment.year}년 {moment.month}월 {moment.day}일"


def weekday(moment: datetime, lang: str = "en") -> str:
    """`Friday`, `금요일`."""
    return f"{WEEKDAYS_KO[moment.weekday()]}요일" if lang == "ko" else f"{moment:%A}"


def day_month(moment: datetime, lang: str = "en") -> str:
    """`Friday 30 May`, `5월 30일 금요일`."""
    if lang == "ko":
        return f"{moment.month}월 {moment.day}일 {weekday(moment, lang)}"
    return f"{weekday(moment)} {moment.day} {moment:%B}"


def day_month_year(moment: datetime, lang: str = "en") -> str:
    """`9 Jan 2026`, `2026년 1월 9일`."""
    return date_ko(moment) if lang == "ko" else f"{moment.day} {moment:%b %Y}"
