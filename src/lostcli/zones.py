"""Time zones: what people type and what the TZ variable holds (pure).

`--tz` and LOSTCLI_TZ take an IANA name in any case, UTC or GMT, an offset (`UTC+9` is nine hours
east, as people mean it), an abbreviation (`KST`), a country (`Korea`) or a city (`Seoul`,
`서울`, `São Paulo` with or without its accents, `NYC`). TZ is read as the C library reads it: a
zone name, `:name`, the absolute path of a TZif file, or a POSIX string, in which `UTC-9` is nine
hours east.

A zone is named by its current name wherever it is shown: `Europe/Kiev`, `Asia/Calcutta` and
`US/Pacific` are accepted, and shown as Europe/Kyiv, Asia/Kolkata and America/Los_Angeles.

Which of them applies (--tz, LOSTCLI_TZ, the config file, TZ, the system) is settings.py's to
decide: this module only says what zone a name is.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import struct
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError, available_timezones

from lostcli import locales
from lostcli.errors import Message, UsageError, alternatives
from lostcli.files import read_regular
from lostcli.formatting import offset
from lostcli.locales._catalog import PACKAGE
from lostcli.text import quoted

if TYPE_CHECKING:
    from os import PathLike

    File = str | PathLike[str]

# Patterns are compiled where first used (re caches them): most runs read neither.
_OFFSET = r"(?i)(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?"
_UTC_NAMES = {"utc", "z", "zulu", "etc/utc", "universal", "etc/universal", "uct", "etc/uct"}
_GMT_NAMES = {"gmt", "etc/gmt", "greenwich", "etc/greenwich", "gmt0", "gmt+0", "gmt-0"}
# Paths here are strings, read with os: pathlib costs a command 5 ms of imports.
SYSTEM_LOCALTIME = "/etc/localtime"
SYSTEM_TIMEZONE = "/etc/timezone"
MAX_TZIF_BYTES = 1 << 20  # the largest zone file in tzdata is under 4 KiB
_TZIF_HEADER = struct.Struct(">4s16x6L")  # magic, version, then six counts (RFC 8536)

# Abbreviations people type, with the zones they mean; one with several zones is ambiguous.
ABBREVIATIONS = {
    "KST": ("Asia/Seoul",), "JST": ("Asia/Tokyo",), "HKT": ("Asia/Hong_Kong",),
    "PKT": ("Asia/Karachi",), "WIB": ("Asia/Jakarta",), "WITA": ("Asia/Makassar",),
    "WIT": ("Asia/Jayapura",), "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "IDT": ("Asia/Jerusalem",), "MSK": ("Europe/Moscow",), "BST": ("Europe/London",),
    "WEST": ("WET",), "CEST": ("CET",), "EEST": ("EET",),
    "CST": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
    "CDT": ("America/Chicago", "America/Havana"), "EDT": ("America/New_York",),
    "MDT": ("America/Denver",), "PST": ("America/Los_Angeles",), "PDT": ("America/Los_Angeles",),
    "AKST": ("America/Anchorage",), "AKDT": ("America/Anchorage",),
    "AST": ("America/Halifax",), "ADT": ("America/Halifax",),
    "NST": ("America/St_Johns",), "NDT": ("America/St_Johns",),
    "AEST": ("Australia/Sydney",), "AEDT": ("Australia/Sydney",),
    "ACST": ("Australia/Adelaide",), "ACDT": ("Australia/Adelaide",), "AWST": ("Australia/Perth",),
    "NZST": ("Pacific/Auckland",), "NZDT": ("Pacific/Auckland",),
    "SAST": ("Africa/Johannesburg",), "CAT": ("Africa/Maputo",), "EAT": ("Africa/Nairobi",),
    "WAT": ("Africa/Lagos",),
}  # fmt: skip
# Zones of tzdata that keep one offset all year although the name sounds like a region's clock.
_FIXED_LEGACY = {"EST": "America/New_York", "MST": "America/Denver"}
# Abbreviations that are zone names of their own in tzdata.
ZONE_ABBREVIATIONS = ("EST", "MST", "HST", "CET", "EET", "WET", "MET")
# Regions of tzdata whose every name is an old alias: for states (Australia/South, US/Pacific)
# or countries, never a city of that name.
_ALIAS_REGIONS = ("US", "Canada", "Brazil", "Mexico", "Chile", "Australia")
# A POSIX TZ of UTC or GMT with an offset, whose sign reads backwards (`UTC-9` is UTC+09:00).
_POSIX_UTC = r"(?i)<?(?:UTC|GMT)>?[+-]?\d{1,2}(?::\d{2}){0,2}"


class Zone(NamedTuple):
    name: str
    tzinfo: tzinfo


UTC = Zone("UTC", timezone.utc)  # noqa: UP017 (datetime.UTC would shadow this name)
GMT = Zone("GMT", timezone(timedelta(0), "GMT"))


class ZoneError(UsageError):
    """A zone that cannot be used; the message quotes what was given."""


def parse(spec: str) -> Zone:
    """A zone from what a person types: see the module's docstring."""
    import unicodedata  # Hangul typed on a Mac arrives decomposed

    text = unicodedata.normalize("NFC", " ".join(spec.split()))
    lower, folded = text.lower(), _fold(text)
    if not text:
        raise ZoneError("empty time zone")
    if lower in _UTC_NAMES:
        return UTC
    if lower in _GMT_NAMES:
        return GMT
    if m := re.fullmatch(_OFFSET, text):
        return _fixed(spec, m)
    if lower.startswith(("right/", "posix/")):
        _leap_seconds(spec, lower)
        text = lower = lower[len("posix/") :]
    if zone := _iana(text) or _iana(_canonical().get(lower, "")):
        return zone
    for found in (_abbreviation(spec, text.upper()), _country(spec, folded), _city(spec, folded)):
        if found:
            return Zone(current(found), ZoneInfo(found))
    if hint := suggest(spec):
        raise ZoneError(
            "unknown time zone {zone}; did you mean {hint}?", zone=quoted(spec), hint=hint
        )
    raise ZoneError("unknown time zone {zone}", zone=quoted(spec))


def note(zone: Zone, tz_variable: bool = False) -> Message | None:
    """What a user should know about the zone they chose: a legacy zone without daylight time;
    in TZ (`tz_variable`), where the C library names zones without notes, only an offset whose
    sign reads backwards."""
    if tz_variable:
        return _backwards(zone)
    city = _FIXED_LEGACY.get(zone.name)
    if city is None:
        return None
    utc = offset(datetime(2025, 1, 1, tzinfo=zone.tzinfo).utcoffset())
    english = city.rpartition("/")[2].replace("_", " ")
    return Message(
        "{zone} is {utc} all year, without daylight saving time; for {place}, use {city}",
        zone=zone.name,
        utc=utc,
        place=lambda locale: place_name(city, locale) or english,
        city=city,
    )


def _backwards(zone: Zone) -> Message | None:
    """The note on a TZ of UTC or GMT and an offset, which reads as the reverse of what it seems."""
    delta = datetime(2025, 1, 1, tzinfo=zone.tzinfo).utcoffset() or timedelta(0)
    if not (re.fullmatch(_POSIX_UTC, zone.name) and delta):
        return None
    utc = offset(delta)
    hours, rest = divmod(int(delta.total_seconds()), 3600)
    etc = None if rest else _iana(f"Etc/GMT{-hours:+d}")  # Etc/ names keep POSIX's signs
    choices = [f"TZ={etc.name}"] if etc else []
    return Message(
        "TZ={value} is {utc}: in TZ, POSIX signs run the other way (minus is east of UTC); to "
        "avoid the doubt, use {choices} or a city's zone (TZ=Area/City)",
        value=zone.name,
        utc=utc,
        choices=", ".join([*choices, f"--tz {utc.removeprefix('UTC')}"]),
    )


def from_tz_variable(
    value: str, localtime: File = SYSTEM_LOCALTIME, timezone_file: File = SYSTEM_TIMEZONE
) -> Zone:
    """The zone the C library makes of a TZ value (see tzset(3)). An empty TZ is UTC."""
    name = value[1:] if value.startswith(":") else value
    if not name:
        return UTC
    if name.startswith("/"):
        from pathlib import Path  # the same file however spelled (`//etc/./localtime`)

        if Path(name) == Path(localtime):
            return system_zone(localtime, timezone_file)
        return _tzif(name)
    if name.startswith(("right/", "posix/")):
        _leap_seconds(value, name)
        name = name[len("posix/") :]
    if zone := _iana(name):
        return zone
    if not value.startswith(":") and (zone := posix(value)):
        return zone
    raise ZoneError("not a time zone")


def system_zone(localtime: File = SYSTEM_LOCALTIME, timezone_file: File = SYSTEM_TIMEZONE) -> Zone:
    """The zone /etc/localtime links to, else /etc/timezone names, else the file itself."""
    candidates = []
    with contextlib.suppress(OSError):
        candidates.append(_after_zoneinfo(os.readlink(localtime)))  # noqa: PTH115
    with contextlib.suppress(OSError, UnicodeDecodeError):
        candidates.append(_read(timezone_file).strip())
    for name in candidates:
        if zone := _iana(name):
            return zone
    try:
        return _tzif(str(localtime))
    except UsageError:
        return UTC


def posix(value: str) -> Zone | None:
    """A POSIX TZ string (`KST-9`, `<+0545>-5:45`, `CET-1CEST,M3.5.0,M10.5.0/3`), or None."""
    from lostcli import posixtz  # only such a TZ needs it

    found = posixtz.parse(value)
    return Zone(value, found) if found else None


def suggest(spec: str) -> str | None:
    """A name `parse` accepts that is a typing slip away from a wrong one, if any: one edit (a
    letter wrong, missing, extra or two swapped) per five letters, so `Seuol` finds Seoul but
    `Portland` does not find Poland."""
    wrong = _fold(" ".join(spec.split()))
    limit = max(1, len(wrong) // 5)
    best: tuple[int, str] | None = None
    for candidate, answer in _candidates().items():
        if abs(len(candidate) - len(wrong)) <= limit:
            d = _edits(wrong, candidate, limit)
            if d <= limit and (best is None or d < best[0]):
                best = (d, answer)
    return best[1] if best else None


def names() -> list[str]:
    """What `--tz` accepts by name, for tab completion: current IANA names (no old aliases such
    as US/Pacific or Australia/South, whose last part would lead elsewhere than it says), then
    cities, countries and abbreviations as people write them (`Seoul`, `South Korea`, `KST`,
    `서울`, `nyc`)."""
    iana = sorted(n for n in _canonical().values() if "/" in n and current(n) == n)
    cities = {name.rpartition("/")[2] for name in iana if not name.startswith("Etc/")}
    countries = {name for name, keys in _countries().values() if len(keys) == 1}
    spoken = places()
    countries |= {word.upper() if len(word) < 4 else word.title() for word in spoken.countries}
    extra = cities | countries | set(spoken.cities) | set(ABBREVIATIONS) | {"UTC", "GMT"}
    extra |= set(ZONE_ABBREVIATIONS)
    return iana + sorted(name for name in extra - set(iana) if _unambiguous(name))


def _unambiguous(name: str) -> bool:
    try:
        parse(name)
    except UsageError:
        return False
    return True


def _fixed(spec: str, m: re.Match[str]) -> Zone:
    hours, minutes = int(m[2]), int(m[3] or 0)
    if hours > 14 or minutes > 59 or (hours == 14 and minutes):
        raise ZoneError("offset out of range (-14:00 to +14:00): {zone}", zone=quoted(spec))
    delta = timedelta(hours=hours, minutes=minutes) * (-1 if m[1] == "-" else 1)
    if not delta:
        return UTC
    name = offset(delta)
    return Zone(name, timezone(delta, name))


def _leap_seconds(spec: str, name: str) -> None:
    if name.startswith("right/"):
        plain = name[len("right/") :]
        plain = _canonical().get(plain.lower(), plain)  # as tzdata spells it: `UTC`, not `utc`
        raise ZoneError(
            "{zone} counts leap seconds, as no clock does; use {plain}",
            zone=quoted(spec),
            plain=quoted(plain),
        )


_NAME = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-")


def _iana(name: str) -> Zone | None:
    # Only names that are really in the database: ZoneInfo also accepts file paths of its own.
    # Parts of _NAME between slashes, the first starting with a letter: as a pattern, compiling
    # it would cost each run 0.4 ms.
    head = name[:1]
    parts = name.split("/")
    if not (head.isascii() and head.isalpha() and all(p and _NAME.issuperset(p) for p in parts)):
        return None
    try:
        return Zone(current(name), ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def current(name: str) -> str:
    """The name tzdata now gives the place an old name stands for (Europe/Kiev: Europe/Kyiv,
    Asia/Calcutta: Asia/Kolkata, US/Pacific: America/Los_Angeles); any other name as it is."""
    target = _links().get(name) if "/" in name else None
    return target if target and name not in _listed() else name


def _tzif(path: str) -> Zone:
    """A zone from the TZif file at `path`; only a regular file is read (a FIFO would hang)."""
    name = _after_zoneinfo(os.path.realpath(path))
    if name.startswith("right/"):
        _leap_seconds(path, name)
    try:
        data = read_regular(path, MAX_TZIF_BYTES)
        if len(data) > MAX_TZIF_BYTES or not _tzif_whole(data):
            raise ValueError
        # Python's own reader: on a malformed file it raises where the C one reads past its
        # buffers and can crash the interpreter (CPython gh-145883, fixed after 3.11; the
        # public ZoneInfo is the C one). Private, but in every CPython since 3.9: the damaged
        # file tests in tests/test_bounds.py show the crash it avoids.
        from zoneinfo._zoneinfo import ZoneInfo as Reader  # type: ignore[import-not-found]

        zone = Reader.from_file(io.BytesIO(data), key=path)
        for month in (1, 7):  # the footer's rule, in both its states
            datetime(2100, month, 1, tzinfo=zone).dst()
    except (OSError, ValueError, IndexError):
        raise ZoneError("not a zone file: {path}", path=quoted(path)) from None
    found = _iana(name)
    return Zone(found.name if found else path, zone)


def _tzif_whole(data: bytes) -> bool:
    """Whether a TZif file (RFC 8536) holds every part that its headers declare, with offsets
    that a datetime can take: zoneinfo reads a truncated file with a struct.error, or forever
    when the newline that ends its footer is missing, and takes any offset until it is used."""
    end, types = 0, list[tuple[int, int, int]]()
    sizes = (4,) if data[4:5] == b"\0" else (4, 8)  # version 1, else a 64-bit part follows
    for size in sizes:
        if len(data) < end + _TZIF_HEADER.size:
            return False
        magic, isut, isstd, leaps, times, count, chars = _TZIF_HEADER.unpack_from(data, end)
        start = end + _TZIF_HEADER.size + times * (size + 1)
        end = start + count * 6 + chars + leaps * (size + 4) + isstd + isut
        if magic != b"TZif" or end > len(data):
            return False
        types = list(struct.iter_unpack(">lbb", data[start : start + count * 6]))
    if len(sizes) == 2 and not (data[end : end + 1] == b"\n" and b"\n" in data[end + 1 :]):
        return False
    # each offset, and each daylight one less a standard one (zoneinfo's dst()), under a day
    std = [utc for utc, dst, _ in types if not dst] or [0]
    dst = [utc for utc, dst, _ in types if dst] or [0]
    small = max(map(abs, std + dst)) < 86400
    return small and max(dst) - min(std) < 86400 and max(std) - min(dst) < 86400


def _after_zoneinfo(path: str) -> str:
    """`/usr/share/zoneinfo/Asia/Seoul` -> `Asia/Seoul`; empty and `.` parts left out first, as
    pathlib leaves them out (a link to `../usr/share/zoneinfo//Asia/./Seoul`)."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    spelled = "/" * path.startswith("/") + "/".join(parts)
    _, sep, rest = spelled.rpartition("zoneinfo/")
    return rest if sep else spelled


def _abbreviation(spec: str, upper: str) -> str | None:
    keys = ABBREVIATIONS.get(upper)
    if keys and len(keys) > 1:
        raise _ambiguous(spec, keys)
    return keys[0] if keys else None


def _fold(text: str) -> str:
    """Lower case without accents, as names are compared: `São Paulo`, `sao paulo`."""
    import unicodedata

    bare = "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c)
    )
    return unicodedata.normalize("NFC", bare)  # Hangul, taken apart by NFD, whole again


def _country(spec: str, folded: str) -> str | None:
    found = _countries().get(folded)
    if found is None:
        return None
    _, keys = found
    if len(keys) > 1:
        shown = Message("{zones} and {more} more", zones=", ".join(keys[:5]), more=len(keys) - 5)
        raise ZoneError(
            "{place} has several time zones ({zones}); name a city or a zone",
            place=quoted(spec),
            zones=shown if len(keys) > 5 else ", ".join(keys),
        )
    return keys[0]


def _city(spec: str, folded: str) -> str | None:
    spoken = places().cities
    if key := spoken.get(folded) or spoken.get(folded.replace(" ", "")):
        return key
    keys = _cities().get(folded.replace("_", " "))
    if keys and len(keys) > 1:
        raise _ambiguous(spec, keys)
    return keys[0] if keys else None


def _ambiguous(spec: str, keys: tuple[str, ...] | list[str]) -> ZoneError:
    choices = alternatives(keys, "or")
    return ZoneError(
        "{name} is ambiguous: it may mean {choices}", name=quoted(spec), choices=choices
    )


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up past `limit`."""
    previous, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if previous and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous, row = row, current
    return row[-1]


@cache
def _candidates() -> dict[str, str]:
    """Every name `parse` accepts alone, lower case, with the name to suggest for it."""
    found = {name: name for name in ABBREVIATIONS if len(ABBREVIATIONS[name]) == 1}
    found = {key.lower(): key for key in found}
    found.update({c: keys[0] for c, keys in _cities().items() if len(keys) == 1})
    found.update(
        {c: (keys[0] if len(keys) == 1 else name) for c, (name, keys) in _countries().items()}
    )
    found.update(places().cities)
    found.update({lower: current(name) for lower, name in _canonical().items()})
    return found


class Places(NamedTuple):
    cities: dict[str, str]  # name -> zone
    countries: dict[str, str]  # name -> ISO 3166 code


@cache
def places() -> Places:
    """Cities that no zone is named after and countries that tzdata's iso3166.tab spells
    otherwise, as people write them in each language: the Locales' place names (`서울`, `usa`)."""
    found = Places({}, {})
    for code in locales.codes():
        table = locales.get(code).places
        for name, key in _table(os.path.join(PACKAGE, table)) if table else ():  # noqa: PTH118
            (found.cities if "/" in key else found.countries)[_fold(name)] = key
    return found


def place_name(zone: str, locale: locales.Locale) -> str | None:
    """The name a translated language gives the place a zone is named after: the first its place
    table lists for the zone (서울 for Asia/Seoul, 뉴욕 for America/New_York). None in English,
    whose words are tzdata's own and whose table holds only other spellings (busan, nyc)."""
    if not (locale.catalog and locale.places):
        return None
    return _first_names(locale.places).get(current(zone))


@cache
def _first_names(table: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for name, key in _table(os.path.join(PACKAGE, table)):  # noqa: PTH118
        names.setdefault(key, name)
    return names


@cache
def _canonical() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@cache
def _links() -> dict[str, str]:
    """Old Area/Place names, each with the zone its link in tzdata leads to."""
    folder = _tables()
    with contextlib.suppress(OSError, UnicodeDecodeError):
        text = _read(os.path.join(folder, "tzdata.zi")) if folder else ""  # noqa: PTH118
        # `L TARGET LINK-NAME` lines; a split, as a regular expression takes ten times as long
        pairs = (piece.partition("\n")[0].split() for piece in text.split("\nL ")[1:])
        return {link: target for target, link in pairs if "/" in link}
    return {}


@cache
def _listed() -> set[str]:
    """The names of zone.tab: each a country's zone, though its data may be another's where
    tzdata is built without its `backzone` (Europe/Oslo links to Berlin's), and named so."""
    folder = _tables()
    zone_tab = os.path.join(folder, "zone.tab") if folder else None  # noqa: PTH118
    return {line[2] for line in _table(zone_tab) if len(line) > 2} if zone_tab else set()


@cache
def _cities() -> dict[str, list[str]]:
    """City names, lower case, each with its zones: the last part of current names and of old
    ones (Calcutta, Saigon), but none of the alias regions (ROK, US/Pacific: no city)."""
    cities: dict[str, list[str]] = {}
    for name in sorted(_canonical().values()):
        region, _, city = name.rpartition("/")
        key = current(name)
        if region and region != "Etc" and (key == name or region not in _ALIAS_REGIONS):
            keys = cities.setdefault(city.lower().replace("_", " "), [])
            keys += [] if key in keys else [key]
    return cities


@cache
def _countries() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Country names, lower case -> (the name, its zones), from tzdata's iso3166.tab and
    zone1970.tab. `Korea (South)` is also `south korea`; `Britain (UK)` also `britain`, `uk`."""
    folder = _tables()
    if folder is None:
        return {}
    names: dict[str, str] = {}
    for line in _table(os.path.join(folder, "iso3166.tab")):  # noqa: PTH118
        names[line[0]] = line[1]
    zones: dict[str, list[str]] = {}
    for line in _table(os.path.join(folder, "zone1970.tab")):  # noqa: PTH118
        for code in line[0].split(","):
            zones.setdefault(code, []).append(line[2])
    spellings: dict[str, set[str]] = {}
    for code, name in names.items():
        base, _, qualifier = name.partition(" (")
        qualifier = qualifier.rstrip(")")
        words = {name, base}
        if qualifier in ("North", "South"):  # `Korea` alone is neither
            words = {name, f"{qualifier} {base}"}
        elif qualifier.isupper():
            words.add(qualifier)
        for word in words:
            spellings.setdefault(_fold(word), set()).add(code)  # Réunion, reunion
    codes = {word: next(iter(c)) for word, c in spellings.items() if len(c) == 1}
    codes.update(places().countries)
    return {
        word: (names[code], tuple(zones[code])) for word, code in codes.items() if code in zones
    }


@cache
def _tables() -> str | None:
    """The folder of tzdata's tables: the system's first, then the tzdata package's, the order
    in which zoneinfo looks for zones."""
    for folder in TZPATH:
        if os.path.isfile(os.path.join(folder, "zone1970.tab")):  # noqa: PTH113, PTH118
            return folder
    from importlib.util import find_spec  # half a millisecond: only without the system's tables

    package = find_spec("tzdata.zoneinfo")
    if package and package.submodule_search_locations:
        folder = package.submodule_search_locations[0]
        return folder if os.path.isfile(os.path.join(folder, "zone1970.tab")) else None  # noqa: PTH113, PTH118
    return None


def _read(path: File) -> str:
    with open(path, encoding="utf-8") as file:  # noqa: PTH123
        return file.read()


def _table(path: str) -> list[list[str]]:
    with contextlib.suppress(OSError, UnicodeDecodeError):
        lines = _read(path).splitlines()
        return [line.split("\t") for line in lines if line and not line.startswith("#")]
    return []
