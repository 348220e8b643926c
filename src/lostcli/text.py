"""The boundary between text from outside and what lostcli shows: every value that did not
come from lostcli itself (arguments, environment variables, file names, zone names, record text)
is made safe here before it reaches a terminal.

Standard library only, and no `typing`: the prompt path uses it on every redraw.

Output policy for characters a stream cannot encode (a Latin-1 or ASCII locale): a few
typographic characters and the icon have ASCII stand-ins (`✦` -> `*`, box drawing -> `+ - |`),
anything else becomes one `?`. The stand-in is always one character for one, so Rich can apply it
before it measures text (render.py) and borders stay aligned. Machine output (`--json`,
`calendar`) is UTF-8 whatever the locale.
"""

from __future__ import annotations

import codecs

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


def codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"
