"""The film record: schema, loader and validation (pure: no typer, no rich).

The loader checks the whole record and reports every problem it finds, each with the key path
(`cast[2].character`) and, for TOML syntax errors, the line.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lostcli.errors import LostcliError
from lostcli.zones import signed_offset

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1 << 20
MAX_TEXT_CHARS = 10_000
CAST_VERSIONS = ("original", "english")
RELEASE_YEARS = (1900, 2200)  # keeps every date the time engine derives (anniversaries) in range

T = TypeVar("T")


class Source(NamedTuple):
    id: str
    name: str
    site: str | None
    published: str | None


class Title(NamedTuple):
    english: str
    korean: str
    romanized: str
    literal: str
    short: str
    note: str
    sources: tuple[str, ...]


class Release(NamedTuple):
    instant: datetime
    zone: str
    platform: str
    scope: str
    announced: date
    reasoning: str
    sources: tuple[str, ...]


class Trailer(NamedTuple):
    url: str
    language: str
    sources: tuple[str, ...]


class Credit(NamedTuple):
    role: str
    name: str
    native: str | None
    sources: tuple[str, ...]


class Role(NamedTuple):
    version: str
    actor: str
    character: str
    note: str | None
    sources: tuple[str, ...]


class Curiosity(NamedTuple):
    text: str
    sources: tuple[str, ...]


class Event(NamedTuple):
    date: date
    event: str
    sources: tuple[str, ...]


class Film(NamedTuple):
    schema_version: int
    title: Title
    language: str
    genres: tuple[str, ...]
    style: str
    runtime_minutes: int
    rating: str
    studio: str
    distributor: str
    setting: str
    logline: str
    synopsis: tuple[str, ...]
    film_sources: tuple[str, ...]
    release: Release
    trailer: Trailer
    crew: tuple[Credit, ...]
    cast: tuple[Role, ...]
    curiosities: tuple[Curiosity, ...]
    timeline: tuple[Event, ...]
    sources: tuple[Source, ...]

    def cast_for(self, version: str) -> tuple[Role, ...]:
        return tuple(r for r in self.cast if r.version == version)

    def credits_for(self, role: str) -> tuple[Credit, ...]:
        return tuple(c for c in self.crew if c.role == role)


class Problem(NamedTuple):
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


class FilmError(LostcliError):
    """A record that cannot be used; carries every problem found."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{file}: {problems[0]}{more}")


def bundled_path() -> Path:
    return Path(str(files("lostcli").joinpath("data", "film.toml")))


def load(path: Path | None = None) -> Film:
    """Read, parse and validate a record; the bundled one when no path is given."""
    path = path or bundled_path()
    return parse(read_text(path), str(path))


def read_text(path: Path) -> str:
    name = str(path)
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FilmError(name, [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise FilmError(name, [Problem("", "is a directory, not a record file")]) from None
    except PermissionError:
        raise FilmError(name, [Problem("", "permission denied")]) from None
    except OSError as e:
        raise FilmError(name, [Problem("", f"cannot read: {e.strerror or e}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise FilmError(name, [Problem("", f"larger than {MAX_FILE_BYTES // 1024} KiB")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise FilmError(name, [Problem("", "not UTF-8 text", line)]) from None


# tomllib says where only in its message: "... (at line 3, column 5)" or "(at end of document)"
_TOML_WHERE = re.compile(r"\s*\((?:at line (\d+), column \d+|at end of document)\)")


def parse(text: str, name: str = "<record>") -> Film:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_WHERE.search(str(e))
        line = int(m[1]) if m and m[1] else text.count("\n") + 1  # else: at the end
        msg = _TOML_WHERE.sub("", str(e))
        raise FilmError(name, [Problem("", f"invalid TOML: {msg}", line)]) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise FilmError(name, [Problem("", "invalid TOML: nested too deeply")]) from None
    reader = _Reader()
    film = reader.film(data)
    if reader.problems:
        raise FilmError(name, reader.problems)
    return film


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def clean(text: str) -> str:
    """Drop control characters (keeping newline and tab) so no record text can drive a terminal."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


# Stands in for an unusable release instant so that checking can go on to the other keys.
_NO_INSTANT = datetime(1970, 1, 1, tzinfo=UTC)


class _Absent(dict[str, Any]):
    """Stands for a missing table, whose keys are then not reported one by one."""


class _Reader:
    """Walks the TOML data, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def value(self, table: dict[str, Any], key: str, kind: type[T], path: str, default: T) -> T:
        here = _key_path(path, key)
        if key not in table:
            if not isinstance(table, _Absent):
                self.fail(here, "missing")
            return default
        value = table[key]
        # Exact types: TOML gives plain builtins, and in Python a bool is an int and a datetime
        # is a date, which would let `runtime_minutes = true` or a date-time for a date through.
        if type(value) is not kind:
            self.fail(here, f"expected {_EXPECTED[kind]}, got {_TOML_TYPES[type(value)]}")
            return default
        return value

    def text(self, table: dict[str, Any], key: str, path: str, *, optional: bool = False) -> str:
        if optional and key not in table:
            return ""
        value = clean(self.value(table, key, str, path, "")).strip()
        here = _key_path(path, key)
        if key in table and isinstance(table[key], str):
            if not value:
                self.fail(here, "must not be empty")
            elif len(value) > MAX_TEXT_CHARS:
                self.fail(here, f"longer than {MAX_TEXT_CHARS} characters")
        return value

    def texts(self, table: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        items = self.value(table, key, list, path, [])
        here = _key_path(path, key)
        out = []
        for i, item in enumerate(items):
            text = clean(item).strip() if type(item) is str else ""
            if text:
                out.append(text)
            else:
                self.fail(f"{here}[{i}]", "expected a non-empty string")
        return tuple(out)

    def table(self, table: dict[str, Any], key: str, path: str = "") -> dict[str, Any]:
        return self.value(table, key, dict, path, _Absent())

    def rows(
        self, data: dict[str, Any], key: str, build: Callable[[dict[str, Any], str], T]
    ) -> tuple[T, ...]:
        items = self.value(data, key, list, "", [])
        if key in data and isinstance(items, list) and not items:
            self.fail(key, "must not be empty")
        out = []
        for i, item in enumerate(items):
            if isinstance(item, dict):
                out.append(build(item, f"{key}[{i}]"))
            else:
                self.fail(f"{key}[{i}]", f"expected a table, got {_TOML_TYPES[type(item)]}")
        return tuple(out)

    def url(self, table: dict[str, Any], key: str, path: str) -> str:
        value = self.text(table, key, path)
        if value and not is_web_url(value):
            self.fail(_key_path(path, key), f"not an http(s) URL: {value!r}")
        return value

    def film(self, data: dict[str, Any]) -> Film:
        version = self.value(data, "schema_version", int, "", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            self.fail("schema_version", f"unsupported version {version} (this lostcli reads 1)")
        f = self.table(data, "film")
        film = Film(
            schema_version=version,
            title=self.title(self.table(data, "title")),
            language=self.text(f, "language", "film"),
            genres=self.texts(f, "genres", "film"),
            style=self.text(f, "style", "film"),
            runtime_minutes=self.value(f, "runtime_minutes", int, "film", 0),
            rating=self.text(f, "rating", "film"),
            studio=self.text(f, "studio", "film"),
            distributor=self.text(f, "distributor", "film"),
            setting=self.text(f, "setting", "film"),
            logline=self.text(f, "logline", "film"),
            synopsis=tuple(p for p in self.text(f, "synopsis", "film").split("\n\n") if p.strip()),
            film_sources=self.texts(f, "sources", "film"),
            release=self.release(self.table(data, "release")),
            trailer=Trailer(
                url=self.url(t := self.table(data, "trailer"), "url", "trailer"),
                language=self.text(t, "language", "trailer"),
                sources=self.texts(t, "sources", "trailer"),
            ),
            crew=self.rows(data, "crew", self.credit),
            cast=self.rows(data, "cast", self.role),
            curiosities=self.rows(
                data,
                "curiosities",
                lambda t, p: Curiosity(self.text(t, "text", p), self.texts(t, "sources", p)),
            ),
            timeline=self.rows(data, "timeline", self.event),
            sources=self.rows(data, "sources", self.source),
        )
        if film.runtime_minutes < 0:
            self.fail("film.runtime_minutes", "must not be negative")
        self.check_citations(film)
        return film

    def title(self, t: dict[str, Any]) -> Title:
        return Title(
            english=self.text(t, "english", "title"),
            korean=self.text(t, "korean", "title"),
            romanized=self.text(t, "romanized", "title"),
            literal=self.text(t, "literal", "title"),
            short=self.text(t, "short", "title"),
            note=self.text(t, "note", "title", optional=True),
            sources=self.texts(t, "sources", "title"),
        )

    def release(self, t: dict[str, Any]) -> Release:
        instant = self.value(t, "instant", datetime, "release", _NO_INSTANT)
        zone = self.text(t, "zone", "release")
        if instant.utcoffset() is None:
            self.fail("release.instant", "needs a UTC offset, e.g. 2025-05-30T00:00:00-07:00")
            instant = _NO_INSTANT
        if zone:
            try:
                tz = ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                self.fail("release.zone", f"unknown time zone {zone!r}")
            else:
                offset = instant.utcoffset()
                if instant is not _NO_INSTANT and instant.astimezone(tz).utcoffset() != offset:
                    self.fail(
                        "release.instant",
                        f"offset {signed_offset(offset)} is not {zone}'s at that time",
                    )
        if not RELEASE_YEARS[0] <= instant.year <= RELEASE_YEARS[1]:
            self.fail(
                "release.instant",
                f"must fall in the years {RELEASE_YEARS[0]} to {RELEASE_YEARS[1]}",
            )
        announced = self.value(t, "announced", date, "release", _NO_INSTANT.date())
        if announced > instant.date():
            self.fail("release.announced", "must not come after the release")
        return Release(
            instant=instant,
            zone=zone,
            platform=self.text(t, "platform", "release"),
            scope=self.text(t, "scope", "release"),
            announced=announced,
            reasoning=self.text(t, "reasoning", "release"),
            sources=self.texts(t, "sources", "release"),
        )

    def credit(self, t: dict[str, Any], path: str) -> Credit:
        return Credit(
            role=self.text(t, "role", path),
            name=self.text(t, "name", path),
            native=self.text(t, "native", path, optional=True) or None,
            sources=self.texts(t, "sources", path),
        )

    def role(self, t: dict[str, Any], path: str) -> Role:
        version = self.text(t, "version", path)
        if version and version not in CAST_VERSIONS:
            self.fail(
                f"{path}.version", f"expected one of {', '.join(CAST_VERSIONS)}, got {version!r}"
            )
        return Role(
            version=version,
            actor=self.text(t, "actor", path),
            character=self.text(t, "character", path),
            note=self.text(t, "note", path, optional=True) or None,
            sources=self.texts(t, "sources", path),
        )

    def event(self, t: dict[str, Any], path: str) -> Event:
        return Event(
            date=self.value(t, "date", date, path, date(1970, 1, 1)),
            event=self.text(t, "event", path),
            sources=self.texts(t, "sources", path),
        )

    def source(self, t: dict[str, Any], path: str) -> Source:
        return Source(
            id=self.text(t, "id", path),
            name=self.text(t, "name", path),
            site=self.text(t, "site", path, optional=True) or None,
            published=self.text(t, "published", path, optional=True) or None,
        )

    def check_citations(self, film: Film) -> None:
        known = {s.id for s in film.sources}
        if len(known) != len(film.sources):
            self.fail("sources", "ids must be unique")
        for path, cited in _citations(film):
            for ref in cited:
                if ref not in known:
                    self.fail(f"{path}.sources", f"cites unknown source {ref!r}")


def _citations(film: Film) -> Iterator[tuple[str, tuple[str, ...]]]:
    yield "title", film.title.sources
    yield "film", film.film_sources
    yield "release", film.release.sources
    yield "trailer", film.trailer.sources
    groups: dict[str, tuple[Credit | Role | Curiosity | Event, ...]] = {
        "crew": film.crew,
        "cast": film.cast,
        "curiosities": film.curiosities,
        "timeline": film.timeline,
    }
    for key, rows in groups.items():
        for i, row in enumerate(rows):
            yield f"{key}[{i}]", row.sources


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# Every type tomllib produces (exactly these: see _Reader.value), and how a message names it.
_TOML_TYPES: dict[type, str] = {
    bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array",
    dict: "a table", datetime: "a date-time", date: "a date", time: "a time",
}  # fmt: skip
_EXPECTED = {**_TOML_TYPES, datetime: "an offset date-time"}
