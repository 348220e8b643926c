"""Catalog lookup through the Locales (locales/), and Click's error messages put into the
catalog's words (pure, stdlib only). A catalog is a gettext `.po` file that its Locale names."""

from __future__ import annotations

import re
from pathlib import Path

from lostcli import errors
from lostcli.locales import Locale, get, of
from lostcli.locales._catalog import PACKAGE, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CLICK_ERRORS", "click_message", "parse", "path", "translator", "try_help"]


def path(lang: str) -> Path:
    """The catalog of a language that has one."""
    catalog = get(lang).catalog
    if catalog is None:
        raise LookupError(f"{lang} has no catalog")
    return PACKAGE / catalog


def translator(lang: Locale | str) -> Callable[[str], str]:
    """`_` for a language: the translation of a message id, or the id itself."""
    return of(lang).translate


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


def try_help(path: str, lang: Locale | str) -> str:
    """The line under a usage error's usage line, as Click words it."""
    return errors.Message("Try '{path} -h' for help.", path=path).text(lang)


def click_message(text: str, lang: Locale | str) -> str:
    """One of Click's error messages in `lang`; a message it does not know stays as it is."""
    for template in CLICK_ERRORS:
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(template))
        if found := re.fullmatch(pattern, text, re.S):
            values = {k: click_message(v, lang) for k, v in found.groupdict().items()}
            return errors.Message(template, **values).text(lang)
    return text
