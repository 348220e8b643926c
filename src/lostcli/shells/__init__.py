"""Shells. Each is a module here (bash.py, zsh.py, fish.py, nu.py, elvish.py, xonsh.py) whose
`SHELL` owns how the shell quotes a string and its two scripts, templates beside it:
`init.NAME`, the prompt segment (`lostcli init`), and `completion.NAME`, tab completion
(`lostcli completion`). `get` imports only the shell asked for; `lostcli prompt` never imports
this package. Pure: the CLI hands over the release, the settings and what to complete.

Names. A template writes every variable and function it defines as `__NS__name`, which comes out
as `__lostcli_init_name` in the init script and `__lostcli_completion_name` in the completion
script: loaded into one shell, neither can overwrite the other's (fish's `__lostcli_color` once
was both, and every prompt after the first TAB failed).

Values. `__NAME__` in a template is a value, quoted for the shell (`__PLACE__` and `__COLOR__`
are 1 or 0), filled in by one pass: a value that holds such a token (a format `__TITLE__`, a
title `{rel}`) is shown as it is.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from importlib import import_module
from importlib.resources import files
from typing import NamedTuple

from lostcli import __version__, locales

SHELLS = ("bash", "zsh", "fish", "nu", "elvish", "xonsh")
# Every name a shell is known by, and its module.
NAMES = {**{name: name for name in SHELLS}, "nushell": "nu"}

# What an option's value, or a command's argument, is: a kind of the values table, a file,
# or free text (None).
Kind = str | None


class Command(NamedTuple):
    help: str
    flags: tuple[str, ...]  # options without a value, each name (--json, -h, --help)
    valued: dict[str, Kind]  # options with a value, each name, and the kind of the value
    argument: Kind = None  # the positional argument, if the command takes one
    described: Mapping[str, str | None] = {}  # option -> its help, where it has one


class Spec(NamedTuple):
    root: Command  # the global options, accepted before or after the command
    commands: dict[str, Command]
    values: dict[str, list[str]]  # kind -> the values that complete it

    def options(self, name: str) -> list[tuple[str, str, str]]:
        """A command's options (the root's for ""), its own and the global ones it does not
        shadow, each with what its value is ("flag" for none, "text" for free text, "file", or
        a kind of `values`) and what it does: its help's first sentence, or ""."""
        own = self.commands[name] if name else self.root
        root = self.root
        valued = {**{k: v for k, v in root.valued.items() if k not in own.flags}, **own.valued}
        flags = [*own.flags, *(f for f in root.flags if f not in own.valued and name)]
        kinds = {**dict.fromkeys(flags, "flag"), **{k: v or "text" for k, v in valued.items()}}
        helps = {**root.described, **own.described}
        return [(o, kinds[o], first_sentence(helps.get(o) or "")) for o in sorted(kinds)]

    def option_lists(self) -> dict[str, list[str]]:
        """Each command's options (" " for none given yet: the global ones)."""
        return {name or " ": [o for o, _, _ in self.options(name)] for name in ["", *self.commands]}

    def kinds(self) -> dict[str, str]:
        """ "command option" -> what its value is, for each option that takes one, and
        "command ARGUMENT" -> what the command's argument is: the one table every script looks
        words up in."""
        kinds = {}
        for name in ["", *self.commands]:
            for option, kind, _ in self.options(name):
                if kind != "flag":
                    kinds[f"{name} {option}"] = kind
            if name and self.commands[name].argument:
                kinds[f"{name} ARGUMENT"] = str(self.commands[name].argument)
        return kinds


def first_sentence(text: str) -> str:
    return " ".join(text.split()).split(". ")[0].removesuffix(".")


class Shell:
    """A shell: a subclass gives its name, quoting and completion tables."""

    name = ""

    def quote(self, value: str) -> str:
        """`value` as a string the shell takes as written: POSIX quoting, unless it says."""
        return shlex.quote(value)

    def form(self, form: str) -> str:
        """A compact form of the prompt (`{d}d {h:02d}h`) as this shell formats it: printf's."""
        return re.sub(r"\{\w(:02d)?\}", lambda m: "%02d" if m[1] else "%d", form)

    def tables(self, spec: Spec, ns: str) -> str:
        """The completion script's lists, each name under `ns`."""
        raise NotImplementedError

    def init(
        self,
        release: int,
        fmt: str,
        icon: str,
        title: str,
        color: bool,
        place: bool,
        lang: locales.Locale | str = "en",
    ) -> str:
        """The init script: the segment worked out before each prompt, and put in front of the
        prompt if `place`."""
        forms = locales.of(lang).compact
        return self.render("init", {
            "RELEASE": str(release), "FORMAT": self.quote(fmt), "ICON": self.quote(icon),
            "TITLE": self.quote(title), "PLACE": str(int(place)), "COLOR": str(int(color)),
            **{name.upper(): self.quote(self.form(form)) for name, form in forms.items()},
        })  # fmt: skip

    def completion(self, spec: Spec) -> str:
        return self.render("completion", {"TABLES": self.tables(spec, namespace("completion"))})

    def render(self, part: str, values: dict[str, str]) -> str:
        text = files(__name__).joinpath(f"{part}.{self.name}").read_text(encoding="utf-8")
        values = {"NS": namespace(part), "VERSION": __version__, **values}
        return re.sub(r"__([A-Z]+)__", lambda m: values[m[1]], text)


def namespace(part: str) -> str:
    """The prefix of every name the script `part` (init, completion) defines."""
    return f"__lostcli_{part}_"


def get(name: str) -> Shell:
    """The shell a name in `NAMES` gives; a KeyError for any other."""
    shell: Shell = import_module(f"{__name__}.{NAMES[name]}").SHELL
    return shell
