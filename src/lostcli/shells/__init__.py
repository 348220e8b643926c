"""Shell init snippets: templates beside this file, filled in with safely quoted values (pure)."""

from __future__ import annotations

import shlex
from importlib.resources import files

from lostcli import __version__


def fish_quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def snippet(shell: str, release: int, fmt: str, icon: str, title: str) -> str:
    quote = fish_quote if shell == "fish" else shlex.quote
    text = files(__name__).joinpath(f"init.{shell}").read_text(encoding="utf-8")
    values = {
        "__VERSION__": __version__,
        "__RELEASE__": str(release),
        "__FORMAT__": quote(fmt),
        "__ICON__": quote(icon),
        "__TITLE__": quote(title),
    }
    for token, value in values.items():
        text = text.replace(token, value)
    return text
