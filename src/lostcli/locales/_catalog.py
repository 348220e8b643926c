"""gettext `.po` catalogs, read directly: they are small, and parsing one takes a fraction of a
millisecond. Entries marked fuzzy or left empty are not used, as msgfmt leaves them out."""

from __future__ import annotations

import os

# The package's folder, as a string: pathlib costs a command 5 ms of imports.
PACKAGE = os.path.dirname(os.path.dirname(__file__))  # noqa: PTH120


def load(path: str) -> dict[str, str]:
    """msgid -> msgstr of the usable entries of a catalog, `path` relative to the package."""
    with open(os.path.join(PACKAGE, path), encoding="utf-8") as catalog:  # noqa: PTH118, PTH123
        entries = parse(catalog.read())
    return {k: v for k, (v, fuzzy) in entries.items() if k and v and not fuzzy}


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
    if "\\" not in body:  # most lines: `--lang ko` reads the catalog on every run
        return body
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
