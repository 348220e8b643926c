"""Records: TOML files read against msgspec Structs, for the film record and the config file alike
(pure: no typer, no rich).

Each kind of file brings its Structs, its size limit and its error (a subclass of RecordError,
which the functions here are handed to raise). Every problem found is reported with its key path
(`cast[2].character`) and, for TOML syntax errors, the line: msgspec stops at the first error of a
value, so a table that fails is checked again key by key and an array item by item. A TOML text
is measured before tomllib reads it, and what passed is kept in the cache in msgspec's binary
form (`through_cache`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple, TypeVar, get_args, get_origin

import msgspec

from lostcli.errors import LostcliError, Message, NotRegularFile, os_reason
from lostcli.files import cache_entry, cached, store

if TYPE_CHECKING:
    from lostcli.locales import Locale

T = TypeVar("T")

# What a TOML file may hold before it reaches tomllib, whose time and memory grow with the square
# of a dotted key's parts (a 47 KB key takes 8 s and 2.4 GB), and the checks after it with the
# number of keys and values. The bundled record has 559 of them, nested 4 deep.
MAX_NESTING = 16  # the parts of one dotted key, and arrays and inline tables one in another
MAX_ENTRIES = 3000  # keys, array items, and each array and table
MAX_LINE_CHARS = 100_000  # the longest text of a record (film.MAX_TEXT_CHARS), each char escaped


class Problem(NamedTuple):
    path: str
    message: Message | str  # a str is a message id too
    line: int | None = None

    def text(self, lang: Locale | str = "en") -> str:
        message = self.message if isinstance(self.message, Message) else Message(self.message)
        if self.path:
            message = Message("{path}: {message}", path=self.path, message=message)
        if self.line:
            message = Message("line {line}: {message}", line=self.line, message=message)
        return message.text(lang)

    def __str__(self) -> str:
        return self.text()


class RecordError(LostcliError):
    """A file that cannot be used; carries every problem found."""

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


def unreadable(error: OSError | ValueError) -> Problem:
    """Why files.read_regular could not read a file, for the errors its caller has no words of
    its own for."""
    if isinstance(error, NotRegularFile):
        return Problem("", "not a regular file")
    reason = os_reason(error) if isinstance(error, OSError) else str(error)
    return Problem("", Message("cannot read: {reason}", reason=reason))


def text_of(raw: bytes, name: str, limit: int, error: type[RecordError]) -> str:
    """The text of what files.read_regular read of `name` within `limit`."""
    if len(raw) > limit:
        raise error(name, [too_large(limit)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise error(name, [Problem("", "not UTF-8 text", line)]) from None


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


# tomllib says where only in its message: "... (at line 3, column 5)" or "(at end of document)"
_TOML_WHERE = r"\s*\((?:at line (\d+), column \d+|at end of document)\)"
# What remains of a tomllib message is a message id; those that name a key or a character are
# ids with a placeholder for it.
TOML_NAMED = {
    r"Cannot declare (.+) twice": "Cannot declare {key} twice",
    r"Cannot mutate immutable namespace (.+)": "Cannot mutate immutable namespace {key}",
    r"Cannot redefine namespace (.+)": "Cannot redefine namespace {key}",
    r"Duplicate inline table key (.+)": "Duplicate inline table key {key}",
    r"Expected ('[^']*'|\"[^\"]*\")": "Expected {key}",
    r"Found invalid character (.+)": "Found invalid character {key}",
    r"Illegal character (.+)": "Illegal character {key}",
}
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


def read_toml(text: str, name: str, error: type[RecordError]) -> dict[str, Any]:
    """A TOML document as a table; `error` with the line for a syntax error, or for a shape
    that would take tomllib or the checks after it too long (see `shape_problem`)."""
    import tomllib  # a cached record needs no parser

    if problem := shape_problem(text):
        raise error(name, [problem])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(_TOML_WHERE, str(e))
        line = int(m[1]) if m and m[1] else text.count("\n") + 1  # else: at the end
        msg = re.sub(_TOML_WHERE, "", str(e))
        raise error(
            name, [Problem("", Message("invalid TOML: {reason}", reason=_toml_reason(msg)), line)]
        ) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise error(name, [Problem("", "invalid TOML: nested too deeply")]) from None


def _toml_reason(text: str) -> Message:
    """A tomllib message (without where) as a message id, with the key or character it names."""
    for pattern, template in TOML_NAMED.items():
        if named := re.fullmatch(pattern, text):
            return Message(template, key=named[1])
    return Message(text)


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


def checked(data: Any, kind: type[T]) -> tuple[T | None, list[Problem]]:
    """`data` as a `kind`, or None and every problem found."""
    try:
        return msgspec.convert(data, kind), []
    except msgspec.ValidationError:  # look again, more slowly, for every problem
        return None, problems_of(data, kind)


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
    if isinstance(bare, type) and issubclass(bare, msgspec.Struct) and isinstance(value, dict):
        fields = {f.encode_name: f for f in msgspec.structs.fields(bare)}
        for key, f in fields.items():
            if key in value:
                found += problems_of(value[key], f.type, _join(path, key))
            elif f.required:
                found.append(Problem(_join(path, key), "missing"))
        found += [unknown_key(key, fields, path) for key in value if key not in fields]
    elif get_origin(bare) is tuple and isinstance(value, list):
        item = get_args(bare)[0]
        for i, v in enumerate(value):
            found += problems_of(v, item, f"{path}[{i}]")
    elif get_origin(bare) is dict and isinstance(value, dict):  # tables by name (a language)
        item = get_args(bare)[1]
        for key, v in value.items():
            found += problems_of(v, item, _join(path, key))
    return found or [_problem(first, path, kind)]


def unknown_key(key: str, known: Iterable[str], path: str) -> Problem:
    import difflib  # only a file with a typo needs it

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
    for pattern, say in _MESSAGES:  # strings: only a bad file compiles them
        if found := re.match(pattern, text):
            return Problem(path, say(found))
    return Problem(path, text.replace("`", "").lower())


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
