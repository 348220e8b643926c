"""The boundary between text from outside and what lostcli shows: every value that did not
come from lostcli itself (arguments, environment variables, file names, zone names, record text)
is made safe here before it reaches a terminal: on one line with `printable`, inside a view
with `shown` (render.fit passes every text of every view through it). Templates (the prompt's
format, from `--format` or the config file) are checked by `template_problem` wherever they come
from, and filled in by `fill`, in one pass.

Standard library only, and no `typing`: the prompt path uses it on every redraw.

Output policy for characters a stream cannot encode (a Latin-1 or ASCII locale): a few
typographic characters and the icon have ASCII stand-ins (`✦` -> `*`, box drawing -> `+ - |`),
anything else becomes one `?`. The stand-in is always one character for one, so Rich can apply it
before it measures text (render.py) and borders stay aligned. Machine output (`--json`,
`calendar`) is UTF-8 whatever the locale.
"""

import codecs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from lostcli.errors import Message

# One character for one: see the module's docstring.
ASCII_STANDINS = {
    "✦": "*", "·": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-",
    "…": ".", "━": "-", "─": "-", "│": "|", "╭": "+", "╮": "+", "╰": "+", "╯": "+",
    "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    "█": "#", "╸": "-", "╺": "-",
}  # fmt: skip
ERRORS = "lostcli-fallback"


def _standins(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(ASCII_STANDINS.get(c, "?") for c in bad), error.end


codecs.register_error(ERRORS, _standins)


def encodable(text: str, encoding: str) -> str:
    """`text` as a stream in `encoding` will show it: the policy above, one character for one."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        return text.encode(encoding, ERRORS).decode(encoding)


def quoted(text: str) -> str:
    """`'name'`, made printable: how messages quote what the user gave."""
    return f"'{printable(text)}'"


def printable(text: str) -> str:
    """Text from outside (file names, arguments) made safe to show on one line of a terminal:
    control characters escaped as Python writes them (`\\n`, `\\x1b`), and the bytes of a name
    that was not UTF-8 shown as `\\xff`."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        code = ord(c)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif c.isprintable() or c == " ":
            out.append(c)
        else:
            out.append(repr(c)[1:-1])
    return "".join(out)


def _control(c: str) -> bool:
    """A character that drives a terminal or breaks a line: C0, DEL, C1, the Unicode line and
    paragraph separators, or a byte of a name that was not UTF-8 (os.fsdecode's surrogates)."""
    code = ord(c)
    return (
        code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029) or 0xD800 <= code <= 0xDFFF
    )


def shown(text: str) -> str:
    """Text inside a view, one character for one (Rich measures after this, and a Text's styles
    keep their offsets): a new line and a tab stay, any other control character is replaced by
    its picture (`\\x1b` by `␛`), or by `�` where Unicode has none."""
    if text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable():
        return text  # every control character is unprintable: none here
    return "".join(_picture(c) if _control(c) and c not in "\n\t" else c for c in text)


def _picture(c: str) -> str:
    code = ord(c)
    return chr(0x2400 + code) if code < 0x20 else "␡" if code == 0x7F else "�"


def _pieces(template: str) -> list[str]:
    """A template split at its placeholders, text and names alternately: `a{b}c` is `a`, `b`,
    `c`. A placeholder is a name of letters, digits and underscores in braces; any other brace
    is text."""
    pieces, start, at = [], 0, 0
    while (at := template.find("{", at)) >= 0:
        end = template.find("}", at + 1)
        if end < 0:
            break
        name = template[at + 1 : end]
        if name.replace("_", "a").isalnum():
            pieces += [template[start:at], name]
            start = at = end + 1
        else:
            at += 1
    pieces.append(template[start:])
    return pieces


def template_problem(template: str, names: tuple[str, ...]) -> "Message | None":
    """What is wrong with a template that may hold the placeholders `names`, else None: the one
    check of a format, wherever it comes from (`--format` of `prompt` and `init`, the config
    file)."""
    if not template.isprintable() and any(_control(c) for c in template):
        from lostcli.errors import Message  # errors.py only when something is wrong

        return Message("control characters would break the prompt")
    for name in _pieces(template)[1::2]:
        if name not in names:
            from lostcli.errors import Message, alternatives

            return Message(
                "unknown placeholder {name}; the placeholders are {names}",
                name=quoted("{" + name + "}"),
                names=alternatives(["{" + n + "}" for n in names], "and"),
            )
    return None


def fill(template: str, values: dict[str, str]) -> str:
    """A checked template with each placeholder replaced by its value, in one pass: a value that
    holds a placeholder (a title `{rel}`) is shown as it is."""
    pieces = _pieces(template)
    return "".join(values[p] if i % 2 else p for i, p in enumerate(pieces))


def codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"
