"""Every text a person reads that is not a Rich view: spans, durations, plurals, ordinals, time
stamps and UTC offsets. The words are the Locale's (locales/), given as a Locale or its code;
what is the same in every language (offsets, the big digits, the status words for scripts) is
here.

Standard library only and no `typing`. The prompt's compact form and a duration's are the
Locale's (Locale.relative, Locale.duration): the prompt asks its Locale directly and does not
import this module.
"""

from lostcli.locales import of
from lostcli.locales import split as split  # timeline's too

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime, timedelta

    from lostcli.locales import Locale


def plural(n: int, unit: str, lang: "Locale | str" = "en") -> str:
    """`1 day`, `3 days`; `3일`."""
    return of(lang).plural(n, unit)


def ordinal(n: int, lang: "Locale | str" = "en") -> str:
    """`1st`, `2nd`, `11th`, `22nd`; `2` in Korean, whose template counts (`{number}주년`)."""
    return of(lang).ordinal(n)


def clock(seconds: int, lang: "Locale | str" = "en") -> str:
    """`3 days 04:12:09` (`3일 04:12:09`), `04:12:09`."""
    days, h, m, s = split(seconds)
    hms = f"{h:02d}:{m:02d}:{s:02d}"
    return f"{plural(days, 'day', lang)} {hms}" if days else hms


def digits(seconds: int, lang: "Locale | str" = "en") -> str:
    """`3d 04:12:09` (`3일 04:12:09`): the live countdown's form, in its block font."""
    days, h, m, s = split(seconds)
    hms = f"{h:02d}:{m:02d}:{s:02d}"
    return f"{of(lang).days_digits.format(d=days)} {hms}" if days else hms


def calendar(
    years: int,
    months: int,
    days: int,
    hours: int,
    minutes: int,
    secs: int,
    lang: "Locale | str" = "en",
) -> str:
    """`1 year, 5 months, 25 days` (`1년 5개월 25일`); the time of day only when the span is
    under a day."""
    locale = of(lang)
    big = [(years, "year"), (months, "month"), (days, "day")]
    small = [(hours, "hour"), (minutes, "minute"), (secs, "second")]
    parts = [locale.plural(n, u) for n, u in big if n]
    parts = parts or [locale.plural(n, u) for n, u in small if n]
    return locale.separator.join(parts) or locale.plural(0, "second")


def relative(seconds: int, lang: "Locale | str" = "en") -> tuple[str, int, str]:
    """The prompt's compact form of signed seconds to the release: (text, whole days, status).
    `3d 04h`, `4h 12m`, `1m 01s`, `59s` before; `out now` on the first day; `543d ago` after
    (in Korean `3일 4시간`, `4시간`, ... `543일 전`). The status is `upcoming` or `released`
    (`공개 전`, `공개 후`)."""
    return of(lang).relative(seconds)


def duration(seconds: int, lang: "Locale | str" = "en") -> str:
    """Whole seconds as `12 min 34 s` or `1 h 02 min` (`12분 34초`, `1시간 2분`, `7분`). Callers
    round once, before formatting, so that a sum or a double of what they show is what they
    show."""
    return of(lang).duration(seconds)


def million_km(km: float, lang: "Locale | str" = "en") -> str:
    """`183.8 million km`; in Korean, which counts in 만 (10^4) and 억 (10^8), `1억 8,380만 km`;
    to the hundred thousand km."""
    return f"{of(lang).large(km)} km"


def signed_offset(delta: "timedelta | None") -> str:
    """`+09:00`, `-03:30`, `+00:00`; with seconds when it has them (`-00:44:30`, Monrovia until
    1972), as `date +%::z` prints them."""
    seconds = int(delta.total_seconds()) if delta else 0
    sign = "-" if seconds < 0 else "+"
    minutes, s = divmod(abs(seconds), 60)
    h, m = divmod(minutes, 60)
    return f"{sign}{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def offset(delta: "timedelta | None") -> str:
    """`UTC+09:00`, `UTC-03:30`, `UTC+00:00`."""
    return f"UTC{signed_offset(delta)}"


def stamp(moment: "datetime", lang: "Locale | str" = "en") -> str:
    """`Fri 30 May 2025, 16:00 KST (UTC+09:00)`, `2025년 5월 30일 (금) 오후 4:00 KST (UTC+09:00)`
    (CLDR's Korean forms); no abbreviation when it only repeats the offset, no offset when the
    abbreviation is UTC."""
    utc = offset(moment.utcoffset())
    abbr = moment.tzname() or ""
    label = f" {abbr}" if abbr and abbr != utc else ""
    day = of(lang).format_date(moment, "stamp")
    if abbr == "UTC" and utc == "UTC+00:00":  # UTC once, not `07:00 UTC (UTC+00:00)`
        return f"{day} UTC"
    return f"{day}{label} ({utc})"


def hour_minute(moment: "datetime", lang: "Locale | str" = "en") -> str:
    """`16:00`, `오후 4:00` (CLDR's Korean short time)."""
    return of(lang).format_date(moment, "time")


def mars_clock(hours: float) -> str:
    """`14:32`: hours of a Mars clock (a sol's 24 hours), to the minute."""
    minutes = int(hours * 60) % 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def weekday(moment: "datetime", lang: "Locale | str" = "en") -> str:
    """`Friday`, `금요일`."""
    return of(lang).format_date(moment, "weekday")


def day_month(moment: "datetime", lang: "Locale | str" = "en") -> str:
    """`Friday 30 May`, `5월 30일 금요일`."""
    return of(lang).format_date(moment, "day_month")


def day_month_year(moment: "datetime", lang: "Locale | str" = "en") -> str:
    """`9 Jan 2026`, `2026년 1월 9일`."""
    return of(lang).format_date(moment, "date")
