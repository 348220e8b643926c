"""The film record: its schema, declared as msgspec Structs, and the loader (pure: no typer,
no rich).

The Structs mirror the TOML file table for table, refuse unknown keys and are frozen. The loader
reports every problem it finds, each with its key path (`cast[2].character`) and, for TOML
syntax errors, the line: msgspec stops at the first error of a value, so a table that fails is
checked again key by key and an array item by item. Text is cleaned of control characters before
it is checked. `schema()` gives the same declaration as JSON Schema, for editors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple, TypeVar, get_args, get_origin

import msgspec
from msgspec import Meta, Struct, field

from lostcli.errors import LostcliError, Message
from lostcli.files import NotRegularFile, cache_entry, cached, read_regular, store
from lostcli.formatting import signed_offset

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1 << 20
MAX_TEXT_CHARS = 10_000
RELEASE_YEARS = (1900, 2200)  # keeps every date the time engine derives (anniversaries) in range

T = TypeVar("T")

# What `clean` leaves: no control character but newline and tab. The loader cleans the TOML's
# text before it is checked, so the pattern refuses only what did not come through it: a cache
# entry someone wrote by hand is a miss, not text that drives the terminal.
CLEAN = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"
Text = Annotated[str, Meta(min_length=1, max_length=MAX_TEXT_CHARS, pattern=CLEAN)]
WEB = r"^https?://[^\x00-\x1f\x7f-\x9f]*$"  # is_web_url checks the rest of a plain URL
# A field that ends in `_ko` holds the Korean of the field before the suffix; where it is missing
# the Korean edition shows the English (Film.ko).
Korean = Annotated[
    str, Meta(min_length=1, max_length=MAX_TEXT_CHARS, pattern=CLEAN, description="in Korean")
]
Sources = Annotated[tuple[Text, ...], Meta(min_length=1, description="ids from [[sources]]")]


class _Table(Struct, frozen=True, forbid_unknown_fields=True):
    """A TOML table: unknown keys refused. (`frozen` is repeated on each: type checkers do not
    inherit it.)"""


class Source(_Table, frozen=True):
    id: Text
    name: Text
    site: Text | None = None
    published: Text | None = None


class Title(_Table, frozen=True):
    english: Text
    korean: Text
    romanized: Text
    literal: Text
    short: Text
    sources: Sources
    note: Text | None = None
    note_ko: Korean | None = None


# How sure the fact sheet is of a fact: "uncertain" is a single or weak source, and the tool shows
# it as uncertain rather than asserting it.
Confidence = Literal["confirmed", "uncertain"]


class About(_Table, frozen=True):
    """The `[film]` table."""

    language: Text
    genres: Annotated[tuple[Text, ...], Meta(min_length=1)]
    style: Text
    runtime_minutes: Annotated[int, Meta(ge=0, le=6000)]
    rating: Text
    studio: Text
    distributor: Text
    setting: Text
    logline: Text
    synopsis: Annotated[
        str, Meta(min_length=1, pattern=CLEAN, description="paragraphs, blank-line separated")
    ]
    sources: Sources
    rating_confidence: Confidence = "confirmed"
    language_ko: Korean | None = None
    genres_ko: tuple[Korean, ...] | None = None
    rating_ko: Korean | None = None
    studio_ko: Korean | None = None
    logline_ko: Korean | None = None
    synopsis_ko: Korean | None = None

    def paragraphs(self, lang: str = "en") -> tuple[str, ...]:
        text = ko(self.synopsis, self.synopsis_ko, lang)
        return tuple(p.strip() for p in text.split("\n\n") if p.strip())


class Release(_Table, frozen=True):
    instant: Annotated[datetime, Meta(tz=True, description="with its UTC offset")]
    zone: Text
    platform: Text
    scope: Text
    announced: date
    reasoning: Text
    sources: Sources
    platform_ko: Korean | None = None


class Trailer(_Table, frozen=True):
    url: Annotated[str, Meta(min_length=1, max_length=MAX_TEXT_CHARS, pattern=WEB)]
    language: Text
    sources: Sources
    confidence: Confidence = "confirmed"
    language_ko: Korean | None = None


class Credit(_Table, frozen=True):
    role: Text
    name: Text
    sources: Sources
    native: Text | None = None
    confidence: Confidence = "confirmed"
    role_ko: Korean | None = None


class Role(_Table, frozen=True):
    version: Literal["original", "english"]
    actor: Text
    character: Text
    sources: Sources
    note: Text | None = None
    actor_ko: Korean | None = None
    character_ko: Korean | None = None
    note_ko: Korean | None = None


class Curiosity(_Table, frozen=True):
    text: Text
    sources: Sources
    confidence: Confidence = "confirmed"
    text_ko: Korean | None = None


class Event(_Table, frozen=True):
    date: date
    event: Text
    sources: Sources
    event_ko: Korean | None = None


def ko(english: str, korean: str | None, lang: str) -> str:
    """A field in the language asked for: its Korean where the record has it, else English."""
    return korean if lang == "ko" and korean else english


def _rows(kind: type[Struct]) -> Any:
    return Annotated[tuple[kind, ...], Meta(min_length=1)]  # type: ignore[valid-type]


class Film(_Table, frozen=True):
    schema_version: Literal[1]
    title: Title
    about: About = field(name="film")
    release: Release
    trailer: Trailer
    crew: _rows(Credit)  # type: ignore[valid-type]
    cast: _rows(Role)  # type: ignore[valid-type]
    curiosities: _rows(Curiosity)  # type: ignore[valid-type]
    timeline: _rows(Event)  # type: ignore[valid-type]
    sources: _rows(Source)  # type: ignore[valid-type]

    def cast_for(self, version: str) -> tuple[Role, ...]:
        return tuple(r for r in self.cast if r.version == version)

    def credits_for(self, role: str) -> tuple[Credit, ...]:
        return tuple(c for c in self.crew if c.role == role)


class Problem(NamedTuple):
    path: str
    message: Message | str  # a str is a message id too
    line: int | None = None

    def text(self, lang: str = "en") -> str:
        message = self.message if isinstance(self.message, Message) else Message(self.message)
        if self.path:
            message = Message("{path}: {message}", path=self.path, message=message)
        if self.line:
            message = Message("line {line}: {message}", line=self.line, message=message)
        return message.text(lang)

    def __str__(self) -> str:
        return self.text()


class FilmError(LostcliError):
    """A record that cannot be used; carries every problem found."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        first, more = problems[0].text, len(problems) - 1
        super().__init__(
            Message("{file}: {problem} (and {more} more)", file=file, problem=first, more=more)
            if more
            else Message("{file}: {problem}", file=file, problem=first)
        )


def too_large(limit: int) -> Problem:
    return Problem("", Message("larger than {size} KiB", size=limit // 1024))


def schema() -> dict[str, Any]:
    """The record's JSON Schema (draft 2020-12), for editors and other tools."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lostcli film record",
        **msgspec.json.schema(Film),
    }


def bundled_path() -> Path:
    # Beside this module, in the wheel as in the source tree; importlib.resources would find the
    # same file at the cost of three imports (a zip reader among them) on every command.
    return Path(__file__).parent / "data" / "film.toml"


def load(path: Path | None = None, cache_dir: str | None = None) -> Film:
    """Read, parse and validate a record; the bundled one when no path is given.

    With a cache folder, a record that passed is kept there in msgspec's binary form, keyed
    by lostcli's version and the file's path and state (files.record_key): decoding it
    (which checks every type again) takes a tenth of parsing and validating the TOML, and
    start-up is a feature. An entry that cannot be read or decoded is simply rebuilt."""
    path = path or bundled_path()
    return through_cache(
        cache_dir, "record", str(path), Film, MAX_FILE_BYTES * 4,
        lambda: parse(read_text(path), str(path)),
    )  # fmt: skip


def through_cache(
    cache_dir: str | None, kind: str, path: str, shape: type[T], limit: int, build: Callable[[], T]
) -> T:
    """What `build` makes of the file at `path`, kept in the cache in msgspec's binary form
    (files.cache_entry: one entry per file, keyed by its state). An entry that cannot be
    read or decoded is simply made again."""
    entry = cache_entry(cache_dir, kind, path)
    if entry is not None and (stored := cached(entry, limit)) is not None:
        try:
            return msgspec.msgpack.decode(stored, type=shape)
        except msgspec.DecodeError:
            pass
    made = build()
    if entry is not None:
        store(entry[0], entry[1] + msgspec.msgpack.encode(made))
    return made


def read_text(path: Path) -> str:
    name = str(path)
    try:
        raw = read_regular(name, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise FilmError(name, [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise FilmError(name, [Problem("", "is a directory, not a record file")]) from None
    except NotRegularFile:
        raise FilmError(name, [Problem("", "not a regular file")]) from None
    except PermissionError:
        raise FilmError(name, [Problem("", "permission denied")]) from None
    except (OSError, ValueError) as e:
        reason = getattr(e, "strerror", 0) or str(e)
        raise FilmError(
            name, [Problem("", Message("cannot read: {reason}", reason=reason))]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise FilmError(name, [too_large(MAX_FILE_BYTES)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise FilmError(name, [Problem("", "not UTF-8 text", line)]) from None


# tomllib says where only in its message: "... (at line 3, column 5)" or "(at end of document)"
_TOML_WHERE = r"\s*\((?:at line (\d+), column \d+|at end of document)\)"
# What a TOML file may hold before it reaches tomllib, whose time and memory grow with the square
# of a dotted key's parts (a 47 KB key takes 8 s and 2.4 GB), and the checks after it with the
# number of keys and values. The bundled record has 559 of them, nested 4 deep.
MAX_NESTING = 16  # the parts of one dotted key, and arrays and inline tables one in another
MAX_ENTRIES = 3000  # keys, array items, and each array and table
MAX_LINE_CHARS = 10 * MAX_TEXT_CHARS  # the longest text, every character of it escaped
# One step of the shape check: strings, comments and anything else skipped whole, then one mark
# that it counts (none at the end). Each string's or comment's pattern either fails at its first
# character or matches (an unclosed one runs to the end of its line, or of the text), and nothing
# is given back once taken, so a scan is linear whatever the text.
_SHAPE = r"""(?xs)(?:[^"'\#.=,\[\]{}]++
    |"{3}(?:[^"\\]|\\.|"(?!""))*+(?:"{3,5}|\\?\Z)
    |'{3}(?:[^']|'(?!''))*+(?:'{3,5}|\Z)
    |"(?:[^"\\\n]|\\.)*+"?
    |'[^'\n]*+'?
    |\#[^\n]*+
    )*+(?:([.=,\[\]{}])|\Z)"""


def read_toml(text: str, name: str) -> dict[str, Any]:
    """A TOML document as a table; FilmError with the line for a syntax error, or for a shape
    that would take tomllib or the checks after it too long (see `shape_problem`)."""
    import tomllib  # a cached record needs no parser

    if problem := shape_problem(text):
        raise FilmError(name, [problem])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(_TOML_WHERE, str(e))
        line = int(m[1]) if m and m[1] else text.count("\n") + 1  # else: at the end
        msg = re.sub(_TOML_WHERE, "", str(e))
        raise FilmError(
            name, [Problem("", Message("invalid TOML: {reason}", reason=msg), line)]
        ) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise FilmError(name, [Problem("", "invalid TOML: nested too deeply")]) from None


def shape_problem(text: str) -> Problem | None:
    """The first place where a TOML text nests deeper, holds more, or has a longer line than
    the limits above allow: a scan in linear time (a pattern is tried at line starts only)."""
    dots = depth = entries = 0
    for step in re.finditer(_SHAPE, text):
        mark = step[1]
        if mark == ".":
            dots += 1  # a key's dots (a number's one is counted with the next key's)
        elif mark in ("]", "}"):
            if not depth:
                break  # closes nothing: tomllib stops there
            dots, depth = 0, depth - 1
        elif mark:
            dots, depth, entries = 0, depth + (mark in "[{"), entries + 1
        else:
            break
        if dots >= MAX_NESTING or depth > MAX_NESTING:
            return Problem("", "nested too deeply", _line(text, step.end()))
        if entries > MAX_ENTRIES:
            many = Message("more than {count} keys and values", count=MAX_ENTRIES)
            return Problem("", many, _line(text, step.end()))
    if long := re.search(rf"(?m)^[^\n]{{{MAX_LINE_CHARS + 1}}}", text):
        longer = Message("longer than {count} characters", count=MAX_LINE_CHARS)
        return Problem("", longer, _line(text, long.start()))
    return None


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def parse(text: str, name: str = "<record>") -> Film:
    data = read_toml(text, name)
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
    try:
        film: Film | None = msgspec.convert(data, Film)
        problems = []
    except msgspec.ValidationError:  # look again, more slowly, for every problem
        film, problems = None, problems_of(data, Film, "")
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


def problems_of(value: Any, kind: Any, path: str = "") -> list[Problem]:
    """Every problem of `value` as a `kind`: a failing table is checked again key by key, a
    failing array of tables item by item, so that one run finds them all."""
    try:
        msgspec.convert(value, kind)
        return []
    except msgspec.ValidationError as e:
        first = e
    bare = get_args(kind)[0] if get_origin(kind) is Annotated else kind
    found: list[Problem] = []
    if isinstance(bare, type) and issubclass(bare, Struct) and isinstance(value, dict):
        fields = {f.encode_name: f for f in msgspec.structs.fields(bare)}
        for key, f in fields.items():
            if key in value:
                found += problems_of(value[key], f.type, _join(path, key))
            elif f.required:
                found.append(Problem(_join(path, key), "missing"))
        found += [_unknown(key, fields, path) for key in value if key not in fields]
    elif get_origin(bare) is tuple and isinstance(value, list):
        item = get_args(bare)[0]
        for i, v in enumerate(value):
            found += problems_of(v, item, f"{path}[{i}]")
    return found or [_problem(first, path, kind)]


def _unknown(key: str, known: Iterable[str], path: str) -> Problem:
    import difflib  # only a record with a typo needs it

    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    where = _join(path, repr(key)[1:-1])
    if close:
        return Problem(where, Message("unknown key (did you mean {key}?)", key=repr(close[0])))
    return Problem(where, "unknown key")


# msgspec's wording -> ours. Its messages end in " - at `$.key[0]`" when below the top.
_AT = r" - at `\$(.*)`$"
_TYPE_NAMES = {
    "str": Message("a string"), "int": Message("an integer"), "float": Message("a float"),
    "bool": Message("a boolean"), "array": Message("an array"), "object": Message("a table"),
    "datetime": Message("a date-time"), "date": Message("a date"), "time": Message("a time"),
    "null": Message("nothing"),
}  # fmt: skip
# every date-time here has an offset
_EXPECTED = {**_TYPE_NAMES, "datetime": Message("an offset date-time")}
_MESSAGES: list[tuple[str, Callable[[re.Match[str]], Message]]] = [
    (r"Expected `(\w+)(?: \| null)?`, got `(\w+)`",
     lambda m: Message("expected {kind}, got {given}", kind=_EXPECTED.get(m[1], m[1]),
                       given=_TYPE_NAMES.get(m[2], m[2]))),
    (r"Expected `(?:str|array)` of length >= 1",
     lambda m: Message("must not be empty")),
    (r"Expected `str` of length <= (\d+)",
     lambda m: Message("longer than {count} characters", count=m[1])),
    (r"Expected `int` >= 0", lambda m: Message("must not be negative")),
    (r"Expected `int` <= (\d+)",
     lambda m: Message("must be at most {limit}", limit=m[1])),
    (r"Expected `str` matching regex '\^https\?://",
     lambda m: Message("not an http(s) URL")),
    (r"Expected `datetime` with a timezone component",
     lambda m: Message("needs a UTC offset, e.g. 2025-05-30T00:00:00-07:00")),
    (r"Invalid RFC3339 encoded (date|datetime)",
     lambda m: Message("expected {kind}, got a string that is not one", kind=_TYPE_NAMES[m[1]])),
    (r"Object contains unknown field `(.*)`",
     lambda m: Message("unknown key {key}", key=repr(m[1]))),
    (r"Object missing required field `(.*)`",
     lambda m: Message("{key}: missing", key=m[1])),
]  # fmt: skip


def _problem(error: msgspec.ValidationError, path: str, kind: Any) -> Problem:
    text = str(error)
    m = re.search(_AT, text)
    if m:
        path, text = path + m[1].lstrip("."), text[: m.start()]
    if text.startswith("Invalid enum value"):
        # a Literal, or a Literal in a union with None (an optional setting)
        kinds = [k for k in get_args(kind) if get_origin(k) is Literal] or [kind]
        choices = [c for k in kinds for c in get_args(k)]
        given = text.split(" ", 3)[3]
        return Problem(
            path,
            Message(
                "expected one of {choices}, got {given}", choices=", ".join(choices), given=given
            ),
        )
    for pattern, say in _MESSAGES:  # strings: only a bad record compiles them
        if found := re.match(pattern, text):
            return Problem(path, say(found))
    return Problem(path, text.replace("`", "").lower())


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _cross_checks(data: dict[str, Any]) -> Iterator[Problem]:
    """What the schema cannot say: the release's offset, zone and years, and the citations.
    Each check reads what it needs on its own, so it runs whatever else is wrong."""
    release = _part(data.get("release"), Release)
    if release is not None:
        yield from _release_problems(release)
    trailer = _part(data.get("trailer"), Trailer)
    if trailer is not None and not is_web_url(trailer.url):
        yield Problem("trailer.url", _not_web(trailer.url))
    for i, source in enumerate(_list(data.get("sources"))):
        site = source.get("site") if isinstance(source, dict) else None
        # a site is a host, maybe with a path (`about.netflix.com/ko`), or a whole URL
        if isinstance(site, str) and not is_web_url(site if "://" in site else f"https://{site}"):
            yield Problem(f"sources[{i}].site", _not_web(site))
    ids = [s["id"] for s in _list(data.get("sources")) if isinstance(s, dict) and "id" in s]
    known = {i for i in ids if isinstance(i, str)}
    if len(known) != len([i for i in ids if isinstance(i, str)]):
        yield Problem("sources", "ids must be unique")
    for path, table in _citing(data):
        for ref in _list(table.get("sources")):
            if isinstance(ref, str) and ref not in known:
                unknown = Message("cites unknown source {source}", source=repr(ref))
                yield Problem(f"{path}.sources", unknown)


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
    for key in ("crew", "cast", "curiosities", "timeline"):
        for i, row in enumerate(_list(data.get(key))):
            if isinstance(row, dict):
                yield f"{key}[{i}]", row
