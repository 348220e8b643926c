"""gettext catalogs: the `.po` that people edit, and beside it the `.mo` that msgfmt would write
from it, which a run reads (parsing the `.po` cost a Korean command 1.6 ms of its start-up;
`python -m lostcli.locales._catalog` writes the `.mo` files, `--check` compares them).
Entries marked fuzzy or left empty are not used, as msgfmt leaves them out."""

from __future__ import annotations

import os

# The package's folder, as a string: pathlib costs a command 5 ms of imports.
PACKAGE = os.path.dirname(os.path.dirname(__file__))  # noqa: PTH120


MAGIC = 0x950412DE  # a GNU .mo file's first word


def load(path: str) -> dict[str, str]:
    """msgid -> msgstr of the usable entries of a `.po` catalog, `path` relative to the package:
    from its `.mo` where there is one (a test's language may bring only a `.po`)."""
    po = os.path.join(PACKAGE, path)  # noqa: PTH118
    try:
        with open(os.path.splitext(po)[0] + ".mo", "rb") as mo:  # noqa: PTH122, PTH123
            compiled = read_mo(mo.read())
    except FileNotFoundError:
        compiled = None
    if compiled is not None:
        return compiled
    with open(po, encoding="utf-8") as catalog:  # noqa: PTH123
        return usable(parse(catalog.read()))


def usable(entries: dict[str, tuple[str, bool]]) -> dict[str, str]:
    """The entries a run uses: translated, not fuzzy, and not the header."""
    return {k: v for k, (v, fuzzy) in entries.items() if k and v and not fuzzy}


def write_mo(entries: dict[str, tuple[str, bool]]) -> bytes:
    """The `.mo` file of a catalog's entries, as msgfmt lays it out (the header entry first,
    ids sorted), little-endian."""
    header = entries.get("", ("", False))[0]
    messages = {"": header, **usable(entries)}
    keys = sorted(messages, key=lambda k: k.encode())
    ids = [k.encode() for k in keys]
    strs = [messages[k].encode() for k in keys]
    start = 28 + 16 * len(keys)
    table: list[int] = []
    for strings, at in ((ids, start), (strs, start + sum(len(i) + 1 for i in ids))):
        for b in strings:
            table += [len(b), at]
            at += len(b) + 1
    words = [MAGIC, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0, *table]
    return b"".join(w.to_bytes(4, "little") for w in words) + b"".join(
        b + b"\0" for b in (*ids, *strs)
    )


def read_mo(data: bytes) -> dict[str, str] | None:
    """The usable entries of a `.mo` file that `write_mo` wrote; None for any other."""
    import sys

    count = int.from_bytes(data[8:12], "little")
    if sys.byteorder != "little" or len(data) < 28 + 16 * count:
        return None
    words = memoryview(data)[: 28 + 16 * count].cast("I")  # the header and the tables
    if words[0] != MAGIC or words[1] != 0 or words[3:5].tolist() != [28, 28 + 8 * count]:
        return None
    ids, strs = 7, 7 + 2 * count
    found = {}
    for i in range(0, 2 * count, 2):
        key = data[words[ids + i + 1] : words[ids + i + 1] + words[ids + i]].decode()
        found[key] = data[words[strs + i + 1] : words[strs + i + 1] + words[strs + i]].decode()
    found.pop("", None)
    return found


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


def main(argv: list[str]) -> int:
    """Write a `.mo` beside each `.po` of the package; with --check, only say which differ."""
    stale = []
    folders = os.walk(os.path.join(PACKAGE, "locale"))  # noqa: PTH118
    catalogs = [os.path.join(d, f) for d, _, names in folders for f in names]  # noqa: PTH118
    for po in sorted(p for p in catalogs if p.endswith(".po")):
        with open(po, encoding="utf-8") as source:  # noqa: PTH123
            compiled = write_mo(parse(source.read()))
        mo = os.path.splitext(po)[0] + ".mo"  # noqa: PTH122
        try:
            with open(mo, "rb") as written:  # noqa: PTH123
                current = written.read() == compiled
        except FileNotFoundError:
            current = False
        if current:
            continue
        stale.append(mo)
        if "--check" not in argv:
            with open(mo, "wb") as out:  # noqa: PTH123
                out.write(compiled)
    for mo in stale:
        print(("stale: " if "--check" in argv else "wrote ") + mo)
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
