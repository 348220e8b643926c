"""Message catalogs: a gettext `.po` file per language, beside this module (pure, stdlib only).

The English text is the message id, so English needs no catalog. A `.po` file is read directly
(it is small: parsing takes a fraction of a millisecond), only when the language is not English.
Entries marked fuzzy or left empty are not used, as msgfmt leaves them out.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lostcli import errors

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

LOCALE = Path(__file__).parent / "locale"


def path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "lostcli.po"


@cache
def catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    entries = parse(path(lang).read_text(encoding="utf-8"))
    return {k: v for k, (v, fuzzy) in entries.items() if k and v and not fuzzy}


def translator(lang: str) -> Callable[[str], str]:
    """`_` for a language: the translation of a message id, or the id itself."""
    table = catalog(lang)
    return lambda message: table.get(message, message)


# The error messages of Click that lostcli's command line can meet, as Typer's copy of Click
# words them (the prompt's fast parser words its own as Click does): the catalog translates
# them like lostcli's own. A longer form comes before its prefix.
CLICK_ERRORS = (
    "No such command {name}.",
    "No such option: {name} (Possible options: {options})",
    "No such option: {name}",
    "Option {name} requires an argument.",
    "Option {name} does not take a value.",
    "Missing argument {name}.",
    "Got unexpected extra argument(s) ({args})",
    "Invalid value for {name}: {reason}",
    "{value} is not one of {choices}.",
)


def try_help(path: str, lang: str) -> str:
    """The line under a usage error's usage line, as Click words it."""
    return errors.Message("Try '{path} -h' for help.", path=path).text(lang)


def click_message(text: str, lang: str) -> str:
    """One of Click's error messages in `lang`; a message it does not know stays as it is."""
    if lang == "en":
        return text
    for template in CLICK_ERRORS:
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(template))
        if found := re.fullmatch(pattern, text, re.S):
            values = {k: click_message(v, lang) for k, v in found.groupdict().items()}
            return errors.Message(template, **values).text(lang)
    return text


def parse(text: str) -> dict[str, tuple[str, bool]]:
    """msgid -> (msgstr, fuzzy) of every entry in a `.po` file, the header's included."""
    entries: dict[str, tuple[str, bool]] = {}
    msgid: list[str] = []
    msgstr: list[str] = []
    current = msgid
    fuzzy = False

    def flush() -> None:
        if msgid or msgstr:
            entries["".join(msgid)] = ("".join(msgstr), fuzzy)

    for line in [*text.splitlines(), ""]:
        line = line.strip()
        if not line:
            flush()
            msgid, msgstr, fuzzy = [], [], False
            current = msgid
        elif line.startswith("#,"):
            fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            current = msgid
            current.append(_unquote(line[6:]))
        elif line.startswith("msgstr "):
            current = msgstr
            current.append(_unquote(line[7:]))
        elif line.startswith('"'):
            current.append(_unquote(line))
    return entries


def _unquote(quoted: str) -> str:
    body = quoted.strip()[1:-1]
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)
