"""The manual page, lostcli(1), in each language, written from the help texts that the command tree
shows (commands, options and their help, in the catalog's words) and the sections below that
no help screen has. `python -m lostcli.manpage` writes them into man/ in the current folder,
from where the wheel installs them under share/man (pyproject.toml); `--check` only says which
ones differ (tests/test_manpage.py checks the committed pages the same way)."""

import sys
from pathlib import Path
from typing import Any

import typer

from lostcli import __version__
from lostcli.cli.app import app
from lostcli.cli.clickfix import Context, Formatter, Group, _translate_help, literal
from lostcli.errors import ExitStatus
from lostcli.locales import Locale, codes, get
from lostcli.settings import DEFAULT_LANG


def _(text: str) -> str:
    """A message id, translated when the page is written in its language."""
    return text


EXIT_STATUS = (
    (str(ExitStatus.OK), _("Success.")),
    (str(ExitStatus.ERROR), _("A bad record or config file, or a failure while running.")),
    (str(ExitStatus.USAGE), _("A usage error: an unknown command or option, zone or time.")),
    (str(ExitStatus.INTERRUPTED), _("Interrupted (Ctrl-C).")),
    ("128+N", _("countdown --live ended by signal N; 129 when its terminal goes away.")),
)
ENVIRONMENT = (
    ("LOSTCLI_TZ", _("The time zone, as --tz takes it.")),
    ("TZ", _("The time zone after LOSTCLI_TZ, read as the C library reads it.")),
    ("LOSTCLI_LANG", _("The language, as --lang takes it.")),
    ("LC_ALL, LC_MESSAGES, LANG", _("The locale, after the config file: ko_KR.UTF-8 is Korean.")),
    ("LOSTCLI_FILM", _("A record file to read instead of the bundled one, as --film.")),
    ("NO_COLOR, FORCE_COLOR", _("No colour, or colour even through a pipe; --color wins.")),
    (
        "LOSTCLI_PAGER, PAGER, LESS",
        _(
            "The pager for output taller than the terminal, else less (with LESS=FRX unless "
            "LESS is set); an empty LOSTCLI_PAGER or cat turns it off."
        ),
    ),
    ("BROWSER", _("Where trailer --open plays the trailer.")),
    ("XDG_CONFIG_HOME", _("The folder of the config file, else ~/.config.")),
    ("XDG_CACHE_HOME", _("The folder of the prompt's cache, else ~/.cache.")),
    ("LOSTCLI_PROMPT", _("off hides the segment that lostcli init puts in the prompt.")),
    ("LOSTCLI_DEBUG", _("1 shows the traceback of an internal error.")),
)
FILES = (
    (
        "$XDG_CONFIG_HOME/lostcli/config.toml",
        _(
            "The config file: tz, lang, color, and format, ascii and title in [prompt]. Options "
            "and the environment win over it; lostcli config shows every setting and its origin."
        ),
    ),
    ("$XDG_CACHE_HOME/lostcli/", _("The prompt's cache, rebuilt when the record file changes.")),
)


def roff(text: str) -> str:
    """Text as roff prints it: backslashes and minus signs escaped, no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in text.split("\n"))


def paragraphs(text: str) -> list[str]:
    """Click's help text as paragraphs on one line each, but a literal one (commands to copy,
    clickfix.literal), which keeps its lines."""
    return [
        p.strip("\n") if literal(p.strip("\n")) else " ".join(p.split())
        for p in text.split("\n\n")
        if p.strip()
    ]


def term(first: str) -> str:
    """An option's or argument's names (bold) and value (italic), as a manual page shows them."""
    words = (
        f"\\fB{roff(w.rstrip(','))}\\fR{',' * w.endswith(',')}"
        if w[:1] == "-"
        else f"\\fI{roff(w)}\\fR"
        for w in first.split()
    )
    return " ".join(words)


def text(paragraphs: list[str]) -> list[str]:
    return [line for i, p in enumerate(paragraphs) for line in ([".PP"] * (i > 0) + shown(p))]


def shown(paragraph: str) -> list[str]:
    """A paragraph in roff: filled, or a literal one's lines unfilled and indented."""
    if not literal(paragraph):
        return [roff(paragraph)]
    return [".RS", ".nf", *(roff(line.strip()) for line in paragraph.split("\n")), ".fi", ".RE"]


def items(rows: Any, head: Any = term) -> list[str]:
    return [line for first, text in rows for line in (".TP", head(first), roff(text))]


def bold(first: str) -> str:
    return f"\\fB{roff(first)}\\fR"


def page(words: Locale) -> str:
    """lostcli(1) in the Locale's language."""
    t = words.translate
    group = typer.main.get_command(app)  # a tree of its own, its help translated in place
    assert isinstance(group, Group)
    _translate_help(group, words)
    root = Context(group, info_name="lostcli")
    formatter = Formatter(words, 10**6)

    def usage(ctx: Context) -> str:
        formatter.buffer.clear()
        pieces = " ".join(ctx.command.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix="")
        path = roff(ctx.command_path)
        return roff(formatter.getvalue().strip()).replace(path, f"\\fB{path}\\fR", 1)

    def records(ctx: Context) -> list[tuple[str, str]]:
        found = (p.get_help_record(ctx) for p in ctx.command.params)
        # None for a hidden option
        return [(r[0], r[1].replace("[required]", t("[required]"))) for r in found if r]

    description, *more = paragraphs(group.help or "")
    section = t(_("User Commands"))
    lines = [
        "'\\\" -*- coding: UTF-8 -*-",
        f'.TH LOSTCLI 1 "" "lostcli {__version__}" "{section}"',
        ".nh",  # no word hyphenated: names such as $LOSTCLI_PAGER stay whole
        ".ad l",
        f".SH {t(_('NAME'))}",
        f"lostcli \\- {roff(description)}",
        f".SH {t(_('SYNOPSIS'))}",
        usage(root),
        f".SH {t(_('DESCRIPTION'))}",
        *text(more),
        f".SH {t(_('GLOBAL OPTIONS'))}",
        *items([*records(root), ("-h, --help", t("Show this message and exit."))]),
        f".SH {t(_('COMMANDS'))}",
    ]
    for name, command in group.commands.items():
        if command.hidden:
            continue
        ctx = Context(command, info_name=name, parent=root)
        lines += [f".SS {usage(ctx)}", *text(paragraphs(command.help or ""))]
        lines += items(records(ctx))
    sections = (
        (_("EXIT STATUS"), EXIT_STATUS),
        (_("ENVIRONMENT"), ENVIRONMENT),
        (_("FILES"), FILES),
    )
    for heading, rows in sections:
        lines += [f".SH {t(heading)}", *items(((first, t(text)) for first, text in rows), bold)]
    lines += [f".SH {t(_('SEE ALSO'))}", ".BR date (1),", ".BR less (1)"]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Every page by its path under man/: English in man1, another language in its own folder."""
    return {
        f"{'' if code == DEFAULT_LANG else code + '/'}man1/lostcli.1": page(get(code))
        for code in codes()
    }


def main(args: list[str]) -> int:
    check = args == ["--check"]
    stale = []
    for name, text in pages().items():
        path = Path("man") / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"man/{name} {'differs' if check else 'written'}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
