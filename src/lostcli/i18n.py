"""Catalog lookup through the Locales (locales/) (pure, stdlib only). A catalog is a gettext `.po`
file that its Locale names; Click's messages reach it by their kind (cli/clickfix.py)."""

from __future__ import annotations

from lostcli import errors
from lostcli.locales import Locale, get, of
from lostcli.locales._catalog import PACKAGE, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

__all__ = ["parse", "path", "translator", "try_help"]


def path(lang: str) -> Path:
    """The catalog of a language that has one."""
    catalog = get(lang).catalog
    if catalog is None:
        raise LookupError(f"{lang} has no catalog")
    from pathlib import Path  # for tools and tests: a run reads its catalog by _catalog.load

    return Path(PACKAGE) / catalog


def translator(lang: Locale | str) -> Callable[[str], str]:
    """`_` for a language: the translation of a message id, or the id itself."""
    return of(lang).translate


def try_help(path: str, lang: Locale | str) -> str:
    """The line under a usage error's usage line, as Click words it."""
    return errors.Message("Try '{path} -h' for help.", path=path).text(lang)
