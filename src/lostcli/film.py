"""The film record: its schema, declared as msgspec Structs, and the loader (pure: no typer,
no rich).

The Structs mirror the TOML file table for table, refuse unknown keys and are frozen. The loader
reads them through records.py, which reports every problem with its key path and keeps what
passed in the cache. What is the record's own is here: its text cleaned of control characters
before it is checked, its version, and the checks a schema cannot say (the release's zone and
offset, the citations). `schema()` gives the same declaration as JSON Schema, for editors.
"""

# No `from __future__ import annotations` here: msgspec would compile and evaluate every field's
# annotation string when a run first decodes the cached record, most of that decoding's time.

import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, Self, TypeVar

import msgspec
from msgspec import Meta, Struct, field

from lostcli import locales
from lostcli.errors import Message
from lostcli.files import read_regular
from lostcli.formatting import signed_offset
from lostcli.locales import Locale
from lostcli.records import Problem as Problem  # a FilmError's problems, for those who show them
from lostcli.records import (
    RecordError,
    checked,
    read_toml,
    text_of,
    through_cache,
    unknown_key,  # a language is a key of `translations`
    unreadable,
)

if TYPE_CHECKING:  # a run names its record by a string (settings.BUNDLED): pathlib costs 5 ms
    from pathlib import Path

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1 << 20
MAX_TEXT_CHARS = 10_000
RELEASE_YEARS = (1900, 2200)  # keeps every date the time engine derives (anniversaries) in range

T = TypeVar("T")
X = TypeVar("X", bound="Struct")

# What `clean` leaves: no control character but newline and tab. The loader cleans the TOML's
# text before it is checked, so the pattern refuses only what did not come through it: a cache
# entry someone wrote by hand is a miss, not text that drives the terminal.
CLEAN = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"
Text = Annotated[str, Meta(min_length=1, max_length=MAX_TEXT_CHARS, pattern=CLEAN)]
WEB = r"^https?://[^\x00-\x1f\x7f-\x9f]*$"  # is_web_url checks the rest of a plain URL
Sources = Annotated[tuple[Text, ...], Meta(min_length=1, description="ids from [[sources]]")]
# The record's text in other languages: in a table with text, a table per language code holding
# some of its text keys (`translations.ko = { role = "감독" }`); a key left out is shown in
# English, the record's own language. The codes are the Locales' (checked by `_languages`).
Languages = Annotated[dict[str, T], Meta(description="the text in a language, by its code: ko")]


class _Table(Struct, frozen=True, forbid_unknown_fields=True):
    """A TOML table: unknown keys refused. (`frozen` is repeated on each: type checkers do not
    inherit it.)"""


class _Translatable(_Table, Generic[X], frozen=True, kw_only=True):
    """A table whose text the record may give in other languages (`Languages`), each in an X:
    keys of the table, each optional (and the title's `name`). Keyword-only, so that it follows
    the table's own keys."""

    translations: Languages[X] = {}

    def translated(self, lang: Locale | str) -> Self:
        """This table with its text in a language (a Locale, or its code) where the record
        gives it, and in English where not."""
        table = _language(self.translations, lang)
        if table is None:
            return self
        given = (
            (k, getattr(table, k)) for k in table.__struct_fields__ if k in self.__struct_fields__
        )
        return msgspec.structs.replace(self, **{k: v for k, v in given if v is not None})


def _language(translations: Mapping[str, T], lang: Locale | str) -> T | None:
    return translations.get(lang if isinstance(lang, str) else lang.code)


# How sure the fact sheet is of a fact: "uncertain" is a single or weak source, and the tool shows
# it as uncertain rather than asserting it.
Confidence = Literal["confirmed", "uncertain"]


class SourceText(_Table, frozen=True):
    name: Text | None = None  # as readers of the language know the source: 연합뉴스


class Source(_Translatable[SourceText], frozen=True):
    id: Text
    name: Text
    site: Text | None = None
    published: Text | None = None


class TitleText(_Table, frozen=True):
    name: Text | None = None  # the title the film goes by in the language
    short: Text | None = None  # its short form, the prompt's {title}
    note: Text | None = None


class Title(_Translatable[TitleText], frozen=True):
    english: Text
    korean: Text
    romanized: Text  # as its source spells it: not Revised Romanization, so not shown
    literal: Text
    short: Text
    sources: Sources
    note: Text | None = None

    def shown(self, lang: Locale | str) -> str:
        """The title the film goes by in a language: its table's `name`, else the English."""
        table = _language(self.translations, lang)
        return table.name if table and table.name else self.english

    def pair(self, lang: Locale | str) -> tuple[str, str]:
        """The title shown in a language, then the one its readers need beside it: the Korean
        beside the English, the English beside any other."""
        shown = self.shown(lang)
        return shown, self.korean if shown == self.english else self.english


Rows = Annotated[tuple[T, ...], Meta(min_length=1)]
Genres = Annotated[tuple[Text, ...], Meta(min_length=1)]
Synopsis = Annotated[
    str, Meta(min_length=1, pattern=CLEAN, description="paragraphs, blank-line separated")
]


class RatingText(_Table, frozen=True):
    country: Text | None = None
    rating: Text | None = None


class Rating(_Translatable[RatingText], frozen=True):
    """An age rating, labelled by the country (and the system, where a source names it) that
    gave it."""

    country: Text
    rating: Text
    sources: Sources
    system: Text | None = None
    confidence: Confidence = "confirmed"

    def label(self) -> str:
        return " ".join(p for p in (self.country, self.system, self.rating) if p)


class AboutText(_Table, frozen=True):
    language: Text | None = None
    genres: Genres | None = None
    studio: Text | None = None
    logline: Text | None = None
    synopsis: Synopsis | None = None


class About(_Translatable[AboutText], frozen=True):
    """The `[film]` table."""

    language: Text
    genres: Genres
    style: Text
    runtime_minutes: Annotated[int, Meta(ge=0, le=6000)]
    ratings: Rows[Rating]
    studio: Text
    distributor: Text
    setting: Text
    logline: Text
    synopsis: Synopsis
    sources: Sources

    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.synopsis.split("\n\n") if p.strip())


class ReleaseText(_Table, frozen=True):
    platform: Text | None = None


class Release(_Translatable[ReleaseText], frozen=True):
    instant: Annotated[datetime, Meta(tz=True, description="with its UTC offset")]
    zone: Text
    platform: Text
    scope: Text
    announced: date
    reasoning: Text
    sources: Sources


class TrailerText(_Table, frozen=True):
    language: Text | None = None


class Trailer(_Translatable[TrailerText], frozen=True):
    url: Annotated[str, Meta(min_length=1, max_length=MAX_TEXT_CHARS, pattern=WEB)]
    language: Text
    sources: Sources
    confidence: Confidence = "confirmed"


class CreditText(_Table, frozen=True):
    role: Text | None = None
    name: Text | None = None
    spelling: Confidence | None = None


class Credit(_Translatable[CreditText], frozen=True):
    role: Text
    name: Text
    sources: Sources
    native: Text | None = None  # the name in its own script
    confidence: Confidence = "confirmed"
    # How sure the sources are of the name as written: a language's table may hold a form that
    # one weak source gives (강현주), shown with its doubt beside the record's own name.
    spelling: Confidence = "confirmed"


class RoleText(_Table, frozen=True):
    actor: Text | None = None
    character: Text | None = None
    note: Text | None = None


class Role(_Translatable[RoleText], frozen=True):
    version: Literal["original", "english"]
    actor: Text
    character: Text
    sources: Sources
    note: Text | None = None


class CuriosityText(_Table, frozen=True):
    text: Text | None = None


class Curiosity(_Translatable[CuriosityText], frozen=True):
    text: Text
    sources: Sources
    confidence: Confidence = "confirmed"


class EventText(_Table, frozen=True):
    event: Text | None = None


class Event(_Translatable[EventText], frozen=True):
    date: date
    event: Text
    sources: Sources


class AwardText(_Table, frozen=True):
    name: Text | None = None
    category: Text | None = None


class Award(_Translatable[AwardText], frozen=True):
    """A nomination, or a win, at an award: `nominated` is when the nominees were announced."""

    name: Text
    category: Text
    year: Annotated[int, Meta(ge=1900, le=2200)]
    result: Literal["nominated", "won"]
    sources: Sources
    edition: Annotated[int, Meta(ge=1)] | None = None
    nominated: date | None = None
    ceremony: date | None = None
    winner: Text | None = None  # who won, where the film was only nominated
    confidence: Confidence = "confirmed"


class Film(_Table, frozen=True):
    schema_version: Literal[1]
    title: Title
    about: About = field(name="film")
    release: Release
    trailer: Trailer
    crew: Rows[Credit]
    cast: Rows[Role]
    curiosities: Rows[Curiosity]
    timeline: Rows[Event]
    sources: Rows[Source]
    awards: tuple[Award, ...] = ()  # none is a fact too: the card shows a row only for some

    def cast_for(self, version: str) -> tuple[Role, ...]:
        return tuple(r for r in self.cast if r.version == version)

    def credits_for(self, role: str) -> tuple[Credit, ...]:
        return tuple(c for c in self.crew if c.role == role)


class FilmError(RecordError):
    """A record that cannot be used; carries every problem found."""


def schema() -> dict[str, Any]:
    """The record's JSON Schema (draft 2020-12), for editors and other tools."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lostcli film record",
        **msgspec.json.schema(Film),
    }


def bundled_path() -> "Path":
    # Beside this module, in the wheel as in the source tree; importlib.resources would find the
    # same file at the cost of three imports (a zip reader among them) on every command.
    from pathlib import Path

    return Path(__file__).parent / "data" / "film.toml"


def load(path: "Path | str | None" = None, cache_dir: str | None = None) -> Film:
    """Read, parse and validate a record; the bundled one when no path is given.

    With a cache folder, a record that passed is kept there in msgspec's binary form, keyed
    by lostcli's version and the file's path and state (files.record_key): decoding it
    (which checks every type again) takes a tenth of parsing and validating the TOML, and
    start-up is a feature. An entry that cannot be read or decoded is simply rebuilt."""
    name = str(bundled_path() if path is None else path)
    return through_cache(
        cache_dir, "record", name, Film, MAX_FILE_BYTES * 4, lambda: parse(read_text(name), name)
    )


def read_text(path: "Path | str") -> str:
    name = str(path)
    try:
        raw = read_regular(name, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise FilmError(name, [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise FilmError(name, [Problem("", "is a directory, not a record file")]) from None
    except PermissionError:
        raise FilmError(name, [Problem("", "permission denied")]) from None
    except (OSError, ValueError) as e:
        raise FilmError(name, [unreadable(e)]) from None
    return text_of(raw, name, MAX_FILE_BYTES, FilmError)


def parse(text: str, name: str = "<record>") -> Film:
    data = read_toml(text, name, FilmError)
    version = data.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # `true == 1` in Python
        problem = (
            Message("missing (this lostcli reads {version})", version=SCHEMA_VERSION)
            if version is None
            else Message(
                "unsupported version {given} (this lostcli reads {version})",
                given=repr(version),
                version=SCHEMA_VERSION,
            )
        )
        raise FilmError(name, [Problem("schema_version", problem)])
    try:
        data = _cleaned(data)
    except RecursionError:
        raise FilmError(name, [Problem("", "nested too deeply")]) from None
    film, problems = checked(data, Film)
    problems += _cross_checks(data)
    if film is None or problems:
        raise FilmError(name, problems)
    return film


def is_web_url(url: str) -> bool:
    """A plain http or https URL with a host: no quotes, angle brackets, spaces, control
    characters or backslashes, which a terminal link or a browser's command line could take for
    something else (urllib.parse would cost every command its import)."""
    return re.fullmatch(_WEB_URL, url, re.IGNORECASE) is not None


_URL_CHAR = r"[^\s\x00-\x1f\x7f-\x9f\"'<>\\]"
_WEB_URL = rf"https?://(?:(?![/?#]){_URL_CHAR})+(?:[/?#]{_URL_CHAR}*)?"


def clean(text: str) -> str:
    """Drop control characters (keeping newline and tab) so no record text can drive a terminal."""
    import unicodedata  # only parsing a record needs it: a cached one is checked by CLEAN

    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value).strip()
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    return value


def _cross_checks(data: dict[str, Any]) -> Iterator[Problem]:
    """What the schema cannot say: the release's offset, zone and years, the citations and the
    languages. Each check reads what it needs on its own, so it runs whatever else is wrong."""
    release = _part(data.get("release"), Release)
    if release is not None:
        yield from _release_problems(release)
    trailer = _part(data.get("trailer"), Trailer)
    if trailer is not None and not is_web_url(trailer.url):
        yield Problem("trailer.url", _not_web(trailer.url))
    for i, source in enumerate(_list(data.get("sources"))):
        if not isinstance(source, dict):
            continue
        site = source.get("site")
        # a site is a host, maybe with a path (`about.netflix.com/ko`), or a whole URL
        if isinstance(site, str) and not is_web_url(site if "://" in site else f"https://{site}"):
            yield Problem(f"sources[{i}].site", _not_web(site))
        yield from _languages(source.get("translations"), f"sources[{i}].translations")
    ids = [s["id"] for s in _list(data.get("sources")) if isinstance(s, dict) and "id" in s]
    known = {i for i in ids if isinstance(i, str)}
    if len(known) != len([i for i in ids if isinstance(i, str)]):
        yield Problem("sources", "ids must be unique")
    for path, table in _citing(data):
        for ref in _list(table.get("sources")):
            if isinstance(ref, str) and ref not in known:
                unknown = Message("cites unknown source {source}", source=repr(ref))
                yield Problem(f"{path}.sources", unknown)
        yield from _languages(table.get("translations"), f"{path}.translations")


def _languages(translations: Any, path: str) -> Iterator[Problem]:
    """A language table for a language that lostcli has no Locale for is an unknown key."""
    known = locales.codes()
    for code in translations if isinstance(translations, dict) else ():
        if code not in known:
            yield unknown_key(code, known, path)


def _not_web(url: str) -> Message:
    return Message("not an http(s) URL: {url}", url=repr(url))


def _release_problems(release: Release) -> Iterator[Problem]:
    """The release's years, zone and offset. Only a date in RELEASE_YEARS can be shown in any
    zone and moved on to any anniversary that --now reaches: one outside is not moved here."""
    # zoneinfo costs commands that show no time (credits, curiosities) a millisecond: here only
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    first, last = RELEASE_YEARS
    years = Message("must fall in the years {first} to {last}", first=first, last=last)
    dated = first <= release.instant.year <= last
    if not dated:
        yield Problem("release.instant", years)
    if not first <= release.announced.year <= last:
        yield Problem("release.announced", years)
    elif release.announced > release.instant.date():
        yield Problem("release.announced", "must not come after the release")
    try:
        tz = ZoneInfo(release.zone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        yield Problem("release.zone", Message("unknown time zone {zone}", zone=repr(release.zone)))
        return
    offset = release.instant.utcoffset()
    if dated and release.instant.astimezone(tz).utcoffset() != offset:
        wrong = Message(
            "offset {offset} is not {zone}'s", offset=signed_offset(offset), zone=release.zone
        )
        yield Problem("release.instant", wrong)


def _part(value: Any, kind: type[T]) -> T | None:
    try:
        return msgspec.convert(value, kind)
    except msgspec.ValidationError:
        return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _citing(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every table of the record that cites sources, with its key path."""
    for key in ("title", "film", "release", "trailer"):
        if isinstance(data.get(key), dict):
            yield key, data[key]
    about = data.get("film")
    rows = {
        "crew": data.get("crew"),
        "cast": data.get("cast"),
        "curiosities": data.get("curiosities"),
        "timeline": data.get("timeline"),
        "awards": data.get("awards"),
        "film.ratings": about.get("ratings") if isinstance(about, dict) else None,
    }
    for key, value in rows.items():
        for i, row in enumerate(_list(value)):
            if isinstance(row, dict):
                yield f"{key}[{i}]", row
