"""Click, as Typer's copy of it works, adapted: help screens that wrap by the terminal's cells in
the run's language (breaking only between words, as the Locale does), usage lines as git's read,
hidden commands left out, and Click's usage errors put into the catalog's words.

Click's errors are read from what they are, never from their English: an unknown command and
extra arguments are raised here, as lostcli's own errors, and an option's bad value by the
settings (no option of lostcli's has a value that Click checks); the rest come from the
attributes of the exception Click raises (`option_name`, `possibilities`, `param`, `param_type`),
which its documentation gives. Its exception classes themselves are private to Typer's copy
(typer._click), so they are told apart by those attributes; whether an option takes a value (which
of Click's two messages about an option's value it is) comes from the command tree.
"""

from difflib import get_close_matches
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from lostcli.cli.session import CommandUsageError, Session
from lostcli.errors import Message
from lostcli.locales import NBSP, Locale, get
from lostcli.settings import DEFAULT_LANG
from lostcli.text import printable, quoted

# Click's own words in a help screen, as the catalog has them; then the words of a usage line
# and the names of values (metavars), Click's and lostcli's (an option's own, `--color WHEN`, is
# looked up before the word alone).
CLICK_WORDS = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message and exit.",
               "[required]", "OPTIONS", "COMMAND", "ARGS", "PATH", "FILE", "ZONE", "WHEN",
               "--color WHEN", "LANG", "FMT", "SHELL")  # fmt: skip


def metavar(words: Locale, name: str, option: str = "") -> str:
    """A value's name (`PATH`, `[SHELL]`, `COMMAND [ARGS]...`) in a language, brackets kept."""
    own = words.translate(f"{option} {name}")
    if option and own != f"{option} {name}":
        return own
    shown = []
    for word in name.split(" "):
        core = word.strip("[]").removesuffix("...").strip("[]")
        shown.append(word.replace(core, words.translate(core)) if core else word)
    return " ".join(shown)


def locale(ctx: Any) -> Locale:
    """The Locale of the run that `ctx` belongs to."""
    session = ctx.find_root().obj
    return get(session.lang if isinstance(session, Session) else DEFAULT_LANG)


# Click's formatter, through the attribute by which a Context names the class it makes.
HelpFormatter: Any = typer.Context.formatter_class
# Click's base error, which Typer exports only through its subclasses (Typer 0.28's own
# TyperException above it is missing from 0.27).
ClickException: Any = typer.BadParameter.__mro__[2]


class Formatter(HelpFormatter):  # type: ignore[misc]
    """Click's help formatter, measuring in cells and wrapping between words as the Locale does
    (Click counts characters, and Hangul takes two cells), with Click's words translated."""

    def __init__(self, words: Locale, width: int, max_width: int | None = None) -> None:
        super().__init__(width=width, max_width=max_width)
        self.words = words

    def _(self, word: str) -> str:
        return self.words.translate(word) if word in CLICK_WORDS else word

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = f"{self._('Usage:')} " if prefix is None else prefix
        args = args.translate({ord("{"): None, ord("}"): None})  # Typer's `{PATH}`: git's `PATH`
        args = metavar(self.words, args)
        start = f"{prefix:>{self.current_indent}}{prog} "
        width, used = self.width - self.current_indent, self.words.width(start)
        # The arguments to the right of the command where each fits, or 20 cells are left, as
        # Click puts them (which would move a short `[OPTIONS]` below at a narrow width).
        widest = max(map(self.words.width, args.split()), default=0)
        if width >= used + min(20, widest):
            lines = self.words.wrap(args, width, start, " " * used)
        else:
            indent = " " * (max(self.current_indent, self.words.width(prefix)) + 4)
            lines = [start, *self.words.wrap(args, width, indent, indent)]
        self.write("\n".join(line.rstrip() for line in lines or [start]) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{self._(f'{heading}:')}\n")

    def write_text(self, text: str) -> None:
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        self.write("\n\n".join(map(self._paragraph, paragraphs)) + "\n")

    def _paragraph(self, text: str) -> str:
        """A paragraph wrapped; one whose lines are all indented (commands to copy) keeps its
        lines, each wrapped on its own under its start, its command (after a `file: `) whole
        where the line has room for it."""
        indent = " " * self.current_indent
        if not literal(text):
            return "\n".join(self.words.wrap(text, self.width, indent, indent))
        lines = []
        for line in text.split("\n"):
            start = indent + line[: len(line) - len(line.lstrip())]
            label, colon, command = line.strip().rpartition(": ")
            held = label + colon + command.replace(" ", NBSP)
            lines += self.words.wrap(held, self.width, start, start + "  ")
        return "\n".join(lines)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """Click's definition list (options, commands), each text wrapped in its column."""
        rows = list(rows)
        first_col = min(max(self.words.width(first) for first, _ in rows), col_max) + col_spacing
        rest = " " * (self.current_indent + first_col)
        width = len(rest) + max(self.width - first_col - 2, 10)
        for first, second in rows:
            head = f"{'':>{self.current_indent}}{first}"
            if not second:
                self.write(f"{head}\n")
                continue
            if self.words.width(first) > first_col - col_spacing:  # the text starts below it
                self.write(f"{head}\n")
                head = rest
            head += " " * (len(rest) - self.words.width(head))  # Hangul takes two cells
            text = second.replace("[required]", self._("[required]"))
            self.write("\n".join(self.words.wrap(text, width, head, rest)) + "\n")


class Context(typer.Context):
    """Help and usage lines in the run's language, at the page's width, measured in cells."""

    def make_formatter(self) -> Any:
        return Formatter(locale(self), self.terminal_width or 80, self.max_content_width)

    def get_help(self) -> str:
        words = locale(self)
        if words.code != DEFAULT_LANG:
            # Only a help screen reads these texts: translated when one is asked for.
            _translate_help(self.find_root().command, words)
            option = self.command.get_help_option(self)  # made once, and kept, by the command
            if option is not None:
                option.help = words.translate("Show this message and exit.")
        # Click leaves a space at the end of a usage line that it breaks at a narrow width.
        return "\n".join(line.rstrip() for line in super().get_help().splitlines())


def _translate_help(group: Any, words: Locale) -> None:
    """Every help text of the command tree in a language, from the catalog: Typer keeps them as
    the English the code is written in, which is their message id (a text translated already is
    no message id, and stays)."""
    for command in (group, *group.commands.values()):
        command.help = command.help and words.translate(command.help)
        options: list[Any] = command.params  # Click's Option and Typer's Argument have help
        for param in options:
            if getattr(param, "help", None):
                param.help = words.translate(param.help)
            if param.metavar:
                param.metavar = metavar(words, param.metavar, param.opts[0])


def literal(paragraph: str) -> bool:
    """Whether a paragraph of help keeps its lines: each is indented (a command to copy)."""
    return all(line[:1] == " " for line in paragraph.split("\n"))


def summary(command: Any) -> str:
    """A command's first paragraph of help, on one line: what the command list shows."""
    return " ".join((command.help or "").split("\n\n")[0].split())


class Command(TyperCommand):
    """A command whose extra arguments are lostcli's usage error, not Click's English."""

    context_class = Context

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        rest: list[str] = super().parse_args(ctx, args)
        ctx.allow_extra_args = allowed
        if rest and not allowed:
            extra = printable(" ".join(rest))
            raise CommandUsageError(
                Message("Got unexpected extra argument(s) ({args})", args=extra), ctx
            )
        return rest


class Group(TyperGroup):
    """Typer's group with a help screen that reads well at any width: hidden commands left out
    (Typer 0.26 lists them) and each command's first sentence whole, wrapped, never cut; and an
    unknown command as lostcli's usage error."""

    context_class = Context

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [
            (name, summary(command))
            for name, command in self.commands.items()
            if not command.hidden
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        # A name that looks like an option is Click's to report (as no such option)
        if self.get_command(ctx, name) is not None or not name[:1].isalnum():
            return super().resolve_command(ctx, args)
        shown = [n for n, c in self.commands.items() if not c.hidden]
        close = get_close_matches(name, shown)
        message = (
            Message(
                "No such command {name}. Did you mean {commands}?",
                name=quoted(name),
                commands=", ".join(map(quoted, close)),
            )
            if close
            else Message("No such command {name}.", name=quoted(name))
        )
        raise CommandUsageError(message, ctx)


def message(error: Any, takes_value: bool) -> Message | str:
    """One of Click's usage errors in the catalog's words, from its attributes; `takes_value`
    tells whether the option it names, if any, takes a value. An error of another kind (none
    that lostcli's command line meets) stays in Click's words."""
    option = getattr(error, "option_name", None)
    param = getattr(error, "param", None)
    if option is not None and hasattr(error, "possibilities"):  # no such option
        possible = getattr(error, "possibilities", None)
        if possible:
            return Message(
                "No such option: {name} (Possible options: {options})",
                name=printable(option),
                options=", ".join(sorted(possible)),
            )
        return Message("No such option: {name}", name=printable(option))
    if option is not None:  # an option's value missing, or one given to a flag
        if takes_value:
            return Message("Option {name} requires an argument.", name=quoted(option))
        return Message("Option {name} does not take a value.", name=quoted(option))
    if hasattr(error, "param_type") and param is not None and param.param_type_name == "argument":
        # its name as the usage line shows it (검사할 경로), not Click's English one
        hint = metavar(locale(error.ctx), param.metavar or param.name.upper())
        return Message("Missing argument {name}.", name=quoted(hint))
    return str(error.format_message())
