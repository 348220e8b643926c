"""Time zones: names, fixed offsets, city names, and which zone applies (pure, stdlib only).

Resolution order: the --tz option, then LOSTCLI_TZ, then TZ, then the system zone, then UTC.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import timedelta, timezone, tzinfo
from functools import cache
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from lostcli.errors import UsageError
from lostcli.formatting import offset

_OFFSET = re.compile(r"(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_UTC_NAMES = {"utc", "z", "gmt", "zulu", "etc/utc", "etc/gmt", "universal"}
SYSTEM_LOCALTIME = Path("/etc/localtime")
SYSTEM_TIMEZONE = Path("/etc/timezone")


class Zone(NamedTuple):
    name: str
    tzinfo: tzinfo


UTC = Zone("UTC", timezone.utc)  # noqa: UP017 (datetime.UTC would shadow this name)


class ZoneError(UsageError):
    def __init__(self, spec: str, reason: str, hint: str | None = None) -> None:
        self.spec = spec
        super().__init__(f"{reason} {spec!r}" + (f"; did you mean {hint}?" if hint else ""))


def parse(spec: str) -> Zone:
    """A zone from an IANA name (any case), UTC/Z, a fixed offset or an unambiguous city name."""
    text = spec.strip()
    if not text:
        raise ZoneError(spec, "empty time zone")
    if text.lower() in _UTC_NAMES:
        return UTC
    if m := _OFFSET.fullmatch(text):
        return _fixed(spec, m)
    if zone := _iana(text):
        return zone
    key = _canonical().get(text.lower()) or _city(spec)
    if key is None:
        raise ZoneError(spec, "unknown time zone", suggest(spec))
    return Zone(key, ZoneInfo(key))


def resolve(
    flag: str | None,
    environ: Mapping[str, str],
    localtime: Path = SYSTEM_LOCALTIME,
    timezone_file: Path = SYSTEM_TIMEZONE,
) -> tuple[Zone, str | None]:
    """The zone to use and, when an environment value was unusable, a warning to show."""
    if flag is not None:
        return parse(flag), None
    for var in ("LOSTCLI_TZ", "TZ"):
        value = environ.get(var)
        if value:
            try:
                return parse(_strip_tz_path(value)), None
            except UsageError:
                return UTC, f"ignoring {var}={value!r}: not a time zone; using UTC"
    return system_zone(localtime, timezone_file), None


def system_zone(localtime: Path = SYSTEM_LOCALTIME, timezone_file: Path = SYSTEM_TIMEZONE) -> Zone:
    candidates = []
    with contextlib.suppress(OSError):
        candidates.append(_strip_tz_path(str(localtime.readlink())))
    with contextlib.suppress(OSError, UnicodeDecodeError):
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    for name in candidates:
        if zone := _iana(name):
            return zone
    return UTC


def suggest(spec: str) -> str | None:
    """The zone name or city closest to a wrong one, if any is close."""
    import difflib  # only a wrong name needs it

    names = _canonical()
    cities = {c: keys[0] for c, keys in _cities().items() if len(keys) == 1}
    words = difflib.get_close_matches(spec.strip().lower(), [*names, *cities], n=1, cutoff=0.7)
    return (names.get(words[0]) or cities[words[0]]) if words else None


def _fixed(spec: str, m: re.Match[str]) -> Zone:
    hours, minutes = int(m[2]), int(m[3] or 0)
    if hours > 14 or minutes > 59 or (hours == 14 and minutes):
        raise ZoneError(spec, "offset out of range (-14:00 to +14:00)")
    delta = timedelta(hours=hours, minutes=minutes) * (-1 if m[1] == "-" else 1)
    if not delta:
        return UTC
    name = offset(delta)
    return Zone(name, timezone(delta, name))


def _iana(name: str) -> Zone | None:
    # Only names that are really in the database: ZoneInfo also accepts file paths of its own.
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*", name):
        return None
    try:
        return Zone(name, ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _strip_tz_path(value: str) -> str:
    """TZ may be `:Asia/Seoul` or a path into a zoneinfo directory."""
    value = value.lstrip(":")
    _, sep, rest = value.rpartition("zoneinfo/")
    return rest if sep else value


def _city(spec: str) -> str | None:
    keys = _cities().get(spec.strip().lower().replace("_", " "))
    if keys and len(keys) > 1:
        raise ZoneError(spec, f"ambiguous city ({', '.join(keys)})")
    return keys[0] if keys else None


@cache
def _canonical() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@cache
def _cities() -> dict[str, list[str]]:
    cities: dict[str, list[str]] = {}
    for name in sorted(_canonical().values()):
        # Region/City names only: legacy aliases such as US/Pacific or ROK name no city.
        region, _, city = name.rpartition("/")
        if region and region not in ("Etc", "US", "Canada", "Brazil", "Mexico", "Chile"):
            cities.setdefault(city.lower().replace("_", " "), []).append(name)
    return cities
