"""Typer wiring: options to functions, errors to exit codes. No logic of its own lives here.

No `from __future__ import annotations` here: Typer reads every command's annotations on every
run, and evaluating them from strings cost 2.5 ms of each start-up."""

import contextlib
import os
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from lostcli import __version__, config, film, i18n, jsonout, render, views
from lostcli.context import Environment
from lostcli.errors import ExitStatus, LostcliError, Message, UsageError, alternatives
from lostcli.files import NoReader, write_user_file
from lostcli.i18n import translator
from lostcli.text import quoted

# Start-up is a feature: what only some commands need is imported by them (the time engine,
# the ephemeris, JSON), and these names serve the type checker alone.
if TYPE_CHECKING:
    import msgspec
    from rich.console import RenderableType

    from lostcli import timeline, zones

# Click's exception types, reached through the one Typer exports (`BadParameter` is a Click
# `UsageError`, itself a `ClickException`) rather than through Typer's private `typer._click`.
ClickUsageError: Any = typer.BadParameter.__mro__[1]
ClickException: Any = typer.BadParameter.__mro__[2]


class Session:
    """What a command may touch: the injected environment, the global options and the running
    command's context (for its usage line)."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.film_path: Path | None = None
        self.ctx: typer.Context | None = None
        self._config: config.Config | LostcliError | None = None

    @property
    def config(self) -> config.Config:
        """The config file's settings, read once a run (the language is needed before the
        command line is parsed, the rest after); a bad file raises each time it is asked for."""
        if self._config is None:
            try:
                self._config = config.load(self.env)
            except LostcliError as e:
                self._config = e
        if isinstance(self._config, LostcliError):
            raise self._config
        return self._config

    def load_film(self) -> film.Film:
        return film.load(self.film_path, self.env.cache_dir)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.env.clock(), UTC)

    def moment(self, tz: str | None, now: str | None) -> "tuple[zones.Zone, datetime]":
        """The zone and the instant that the options and the environment ask for."""
        from lostcli import clock, zones

        try:
            zone, warning = zones.resolve(tz, self.env.environ, self.config.tz)
            instant = clock.parse(now, zone, self.now()) if now is not None else self.now()
        except UsageError as e:
            raise self.usage(e.message) from None
        if warning:
            self.env.warn(warning)
        return zone, instant

    def countdown(self, record: film.Film, tz: str | None, now: str | None) -> "timeline.Countdown":
        from lostcli import timeline

        zone, instant = self.moment(tz, now)
        return timeline.countdown(record.release, instant, zone)

    def usage(self, message: str | Message, /, **params: object) -> Exception:
        """A usage error tied to the running command, so that its usage line is shown; its
        words in the run's language."""
        if not isinstance(message, Message):
            message = Message(message, **params)
        error: Exception = ClickUsageError(message.text(self.env.lang), self.ctx)
        return error

    def show(
        self,
        as_json: bool,
        view: "Callable[[], RenderableType]",
        data: "Callable[[], msgspec.Struct]",
        export: str | None = None,
    ) -> None:
        """The view, or with `as_json` the data; only the one asked for is built. With `export`,
        the view is also saved as a picture (SVG, or HTML by the name)."""
        if as_json:
            if export is not None:
                raise self.usage("--export goes without --json")
            self.json(data())
            return
        if export is not None:
            self.writable(export, "--export")
            if export != "-" and not export.lower().endswith((".svg", ".html", ".htm")):
                raise self.usage("--export: {path} is neither .svg nor .html", path=quoted(export))
        shown = view()
        if export is not None:  # before show, which fits the view to the terminal's encoding
            title = f"lostcli {self.ctx.info_name if self.ctx else ''}".strip()
            picture = render.picture(shown, export, title)
            if export == "-":  # the picture alone on stdout, as `calendar -o -` writes
                self.env.write_utf8(picture)
                return
            self.save(export, picture)
        render.show(self.env, shown)

    def writable(self, path: str, option: str) -> None:
        """A usage error for an output file that names a folder (`-` is stdout)."""
        # os.path.isdir: Path.is_dir raises for a name too long, which the writer reports
        if path != "-" and (path.endswith("/") or os.path.isdir(path)):  # noqa: PTH112
            raise self.usage(
                "{option}: {path} is a directory; name a file in it",
                option=option,
                path=quoted(path),
            )

    def save(self, path: str, text: str) -> None:
        """Write a file the user named (files.write_user_file says how)."""
        try:
            write_user_file(path, text.encode("utf-8"))
        except OSError as e:
            reason = Message("no one is reading the FIFO") if isinstance(e, NoReader) else None
            raise LostcliError(
                "cannot write {path}: {reason}",
                path=quoted(path),
                reason=reason or e.strerror or str(e),
            ) from None

    def json(self, data: "msgspec.Struct | dict[str, Any]") -> None:
        self.env.write_utf8(jsonout.encode(data) + "\n")


class Context(typer.Context):
    """Usage lines as git's read (Typer 0.28 writes a required argument as `{PATH}`), and Click's
    headings in the language of the run."""

    def get_usage(self) -> str:
        return self._finished(super().get_usage())

    def make_formatter(self) -> Any:
        """Click's formatter; its usage line, which has no Hangul, at the page's full width (a
        Korean run narrows the width, in characters, for the help texts' double-width ones)."""
        formatter: Any = super().make_formatter()
        session = self.find_root().obj
        if isinstance(session, Session):
            write_usage, page = formatter.write_usage, min(session.env.columns, render.MEASURE)

            def usage(*args: Any, **kwargs: Any) -> None:
                narrow, formatter.width = formatter.width, page
                write_usage(*args, **kwargs)
                formatter.width = narrow

            formatter.write_usage = usage
        return formatter

    def get_help(self) -> str:
        root = self.find_root()
        session = root.obj
        if isinstance(session, Session) and session.env.lang != "en":
            # Only a help screen reads these texts: translated when one is asked for.
            _translate_help(root.command, session.env.lang)
            option = self.command.get_help_option(self)  # made once, and kept, by the command
            if option is not None:
                option.help = translator(session.env.lang)("Show this message and exit.")
        # Click leaves a space at the end of a usage line that it breaks at a narrow width.
        lines = self._finished(super().get_help()).splitlines()
        return "\n".join(line.rstrip() for line in lines)

    def _finished(self, text: str) -> str:
        text = re.sub(r"\{([A-Z_]+)\}", r"\1", text)
        session = self.find_root().obj
        if isinstance(session, Session) and session.env.lang != "en":
            _ = translator(session.env.lang)
            for words in CLICK_WORDS:  # Click may have wrapped them over two lines
                pattern = r"\s+".join(re.escape(w) for w in words.split())
                text = re.sub(pattern, _(words), text)
        return text


# Click's own words in a help screen (its error messages: i18n.CLICK_ERRORS).
CLICK_WORDS = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message and exit.",
               "[required]")  # fmt: skip


def _translate_help(group: Any, lang: str) -> None:
    """Every help text of the command tree in `lang`, from the catalog: Typer keeps them as the
    English the code is written in, which is their message id (a text translated already is no
    message id, and stays)."""
    _ = translator(lang)
    for command in (group, *group.commands.values()):
        command.help = command.help and _(command.help)
        options: list[Any] = command.params  # Click's Option and Typer's Argument have help
        for param in options:
            if getattr(param, "help", None):
                param.help = _(param.help)


def _language(argv: list[str], session: Session) -> None:
    """The language of the run, before the command line is parsed: help is written in it."""
    env = session.env
    for i, arg in enumerate(argv):
        name, eq, value = arg.partition("=")
        if name == "--lang":
            env.lang_option = value if eq else (argv[i + 1] if i + 1 < len(argv) else None)
    with contextlib.suppress(LostcliError):  # a bad config file: the root command reports it
        env.lang_config = session.config.lang


def summary(command: Any) -> str:
    """A command's first paragraph of help, on one line: what the command list shows."""
    return " ".join((command.help or "").split("\n\n")[0].split())


class Group(TyperGroup):
    """Typer's group with a help screen that reads well at any width: hidden commands left out
    (Typer 0.26 lists them) and each command's first sentence whole, wrapped, never cut."""

    context_class = Context

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [
            (name, summary(command))
            for name, command in self.commands.items()
            if not command.hidden
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    name="lostcli",
    cls=Group,
    # The Korean title in a paragraph of its own: Click wraps by characters, and Hangul is wide.
    help="A terminal companion for the film Lost in Starlight (Netflix, 2025).\n\n"
    "이 별에 필요한\n\n"
    "Global options may come before or after the command. Settings also come from "
    "$XDG_CONFIG_HOME/lostcli/config.toml: see lostcli config.",
    add_completion=False,
    # Click's plain help: it wraps to any width (40 columns too), has no trailing spaces in a
    # pipe, and reads like git's and ripgrep's.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
ExportOpt = Annotated[
    str | None,
    typer.Option(
        "--export",
        metavar="FILE",
        help="Also save the view as a picture to share: FILE.svg or FILE.html (- for stdout).",
        show_default=False,
    ),
]
TzOpt = Annotated[
    str | None,
    typer.Option(
        "--tz",
        metavar="ZONE",
        help="Time zone: Asia/Seoul, Seoul, UTC or +09:00. "
        "Default: $LOSTCLI_TZ, then $TZ, then the system zone.",
        show_default=False,
    ),
]
NowOpt = Annotated[
    str | None,
    typer.Option(
        "--now",
        metavar="WHEN",
        help="Pretend it is this time: ISO 8601, a full date in free text (30 May 2025 4pm KST), "
        "@unix-seconds, now, tomorrow, yesterday, or +3d, -2h30m from now. "
        "A time without offset is in --tz.",
        show_default=False,
    ),
]


class Lang(StrEnum):
    en = "en"
    ko = "ko"


class ColorWhen(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        _session(ctx).env.write(f"lostcli {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    film_path: Annotated[
        Path | None,
        typer.Option(
            "--film",
            metavar="PATH",
            readable=False,  # the loader reports an unreadable record as a data error
            help="Read another record of the same schema instead of the bundled one "
            "(also $LOSTCLI_FILM).",
            show_default=False,
        ),
    ] = None,
    color: Annotated[
        ColorWhen | None,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour: auto (on a terminal), always or never. Wins over $NO_COLOR and "
            "$FORCE_COLOR.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help="Language: en or ko (also $LOSTCLI_LANG, the config file's lang, then the "
            "locale). --json stays in English, for scripts.",
            show_default=False,
        ),
    ] = None,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page output taller than the terminal (the pager is $LOSTCLI_PAGER, "
            "then $PAGER, then less).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    s = _session(ctx)
    from_env = s.env.environ.get("LOSTCLI_FILM")
    s.film_path = film_path or (Path(from_env) if from_env else None)
    s.env.color_option, s.env.color_config = (color.value if color else None), s.config.color
    s.env.lang_option, s.env.lang_config = (lang.value if lang else None), s.config.lang
    s.env.paging = not no_pager
    if ctx.invoked_subcommand is None:
        s.env.write(ctx.get_help() + "\n")


def _session(ctx: typer.Context) -> Session:
    session = ctx.obj
    assert isinstance(session, Session)
    session.ctx = ctx
    return session


@app.command()
def info(
    ctx: typer.Context,
    tz: TzOpt = None,
    now: NowOpt = None,
    as_json: JsonOpt = False,
    export: ExportOpt = None,
) -> None:
    """The film at a glance: titles, release, status, people, trailer."""
    s = _session(ctx)
    record = s.load_film()
    cd = s.countdown(record, tz, now)
    from lostcli import ephemeris

    try:
        delay: float | None = ephemeris.one_way_seconds(cd.now)
    except ephemeris.OutOfRange:
        delay = None
    s.show(
        as_json,
        lambda: views.info(record, cd, delay, s.env.lang),
        lambda: jsonout.info(record, cd, delay),
        export,
    )


@app.command()
def synopsis(
    ctx: typer.Context,
    short: Annotated[bool, typer.Option("--short", help="Only the one-line logline.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """What the film is about."""
    s = _session(ctx)
    record = s.load_film()
    s.show(
        as_json,
        lambda: views.synopsis(record, short, s.env.lang),
        lambda: jsonout.synopsis(record, short),
    )


@app.command()
def credits(ctx: typer.Context, as_json: JsonOpt = False, export: ExportOpt = None) -> None:
    """Crew, and the voice cast of the Korean original and the English dub."""
    s = _session(ctx)
    record = s.load_film()
    s.show(
        as_json,
        lambda: views.credits(record, s.env.lang),
        lambda: jsonout.credits(record),
        export,
    )


@app.command()
def curiosities(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Things worth knowing about the film, each with its source."""
    s = _session(ctx)
    record = s.load_film()
    s.show(
        as_json, lambda: views.curiosities(record, s.env.lang), lambda: jsonout.curiosities(record)
    )


app.command("trivia", help="Same as curiosities.", hidden=True)(curiosities)


@app.command()
def countdown(
    ctx: typer.Context,
    tz: TzOpt = None,
    now: NowOpt = None,
    as_json: JsonOpt = False,
    export: ExportOpt = None,
    live_view: Annotated[
        bool,
        typer.Option(
            "--live",
            help="Large digits that fill the terminal, redrawn every second until Ctrl-C (needs "
            "a terminal). With --now, a preview whose clock starts then.",
        ),
    ] = False,
) -> None:
    """Time to the release in your zone, or time since it, and the next anniversary."""
    s = _session(ctx)
    record = s.load_film()
    cd = s.countdown(record, tz, now)
    if not live_view:
        s.show(
            as_json,
            lambda: views.countdown(record, cd, s.env.lang),
            lambda: jsonout.countdown(cd),
            export,
        )
        return
    if as_json:
        raise s.usage("--live goes without --json")
    if export is not None:
        raise s.usage("--live goes without --export")
    if not s.env.stdout_isatty:
        raise s.usage("--live needs a terminal: standard output is not one")
    if s.env.environ.get("TERM") == "dumb":
        raise s.usage("--live redraws in place, which a terminal with TERM=dumb cannot do")
    # Modules that only one command needs are imported by it: every command pays for start-up.
    import time

    from lostcli import live

    clock = s.now
    if now is not None:  # a preview: the clock starts at --now and runs on
        started, start = time.monotonic(), cd.now

        def clock() -> datetime:
            return start + timedelta(seconds=time.monotonic() - started)

    terminal, _ = s.env.text_streams()
    # Big digits fill the terminal: no reading measure here.
    console = render.console(s.env, terminal, measure=s.env.columns)
    console.size = s.env.terminal_size
    live.run(console, record, cd.zone, clock, lang=s.env.lang)


@app.command()
def signal(
    ctx: typer.Context,
    tz: TzOpt = None,
    now: NowOpt = None,
    as_json: JsonOpt = False,
    export: ExportOpt = None,
    text_only: Annotated[
        bool, typer.Option("--text", help="Only the text, without the pictures.")
    ] = False,
) -> None:
    """How long a message takes to reach Mars now, and where Earth and Mars are in their cycle."""
    s = _session(ctx)
    from lostcli import ephemeris

    zone, instant = s.moment(tz, now)
    try:
        sig = ephemeris.signal(instant)
    except ephemeris.OutOfRange as e:
        if now is not None:
            raise s.usage("--now: {reason}", reason=e.message) from None
        raise

    def view() -> "RenderableType":
        text = views.signal(sig, zone, s.env.lang)
        if text_only:
            return text
        sky = ephemeris.sky(sig, samples=24)  # a smooth curve: the picture draws lines between
        width = min(s.env.columns, render.MEASURE)
        braille = render.unicode(s.env.stdout_encoding)
        return views.page(text, views.pictures(sig, sky, zone, width, braille, s.env.lang))

    s.show(as_json, view, lambda: jsonout.signal(sig), export)


@app.command()
def trailer(
    ctx: typer.Context,
    open_browser: Annotated[
        bool,
        typer.Option(
            "--open",
            help="Also open it in your web browser: $BROWSER if set, else a graphical one "
            "(never a text-mode browser unasked).",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """The trailer, as a link you can click."""
    s = _session(ctx)
    record = s.load_film()
    url = record.trailer.url
    s.show(as_json, lambda: views.trailer(record, s.env.lang), lambda: jsonout.trailer(record))
    if open_browser:  # only http(s): the loader refuses a record with any other trailer URL
        from lostcli import browser

        try:
            command, wait = browser.opener(url, s.env.environ)
        except browser.NoBrowser as e:
            raise LostcliError(
                "cannot open a browser: {reason}; the link is above", reason=e.message
            ) from None
        if not browser.launch(command, wait):
            raise LostcliError(
                "could not run {command}; the link is above", command=quoted(command[0])
            )


@app.command()
def calendar(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE instead of the screen (`-` is the screen). An existing FILE is "
            "replaced whole or not at all, and keeps its permissions.",
            show_default=False,
        ),
    ] = None,
    anniversary: Annotated[
        bool, typer.Option("--anniversary", help="Add the next anniversary of the release.")
    ] = False,
    tz: TzOpt = None,
    now: NowOpt = None,
) -> None:
    """The release as an iCalendar (.ics) event, to import into any calendar."""
    from lostcli import ical

    s = _session(ctx)
    record = s.load_film()
    cd = s.countdown(record, tz, now)
    if output is not None:
        s.writable(output, "--output")
    text = ical.calendar(ical.film_events(record, cd, anniversary, s.env.lang), cd.now)
    if output is None or output == "-":
        s.env.write_utf8(text)
        return
    s.save(output, text)


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="The record file to check.", show_default=False, readable=False
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Check a record file and list every problem in it (exit status 1 if any)."""
    s = _session(ctx)
    try:
        record: film.Film | None = film.load(path)
        problems: list[film.Problem] = []
    except film.FilmError as e:
        record, problems = None, e.problems
    s.show(
        as_json,
        lambda: views.validation(path, record, problems, s.env.lang),
        lambda: jsonout.validation(path, problems),
    )
    if problems:
        raise typer.Exit(ExitStatus.ERROR)


FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="FMT",
        help="The segment, with the placeholders {icon}, {title}, {rel} (3d 04h, 544d ago), "
        "{days} and {status} (upcoming or released). Default: the config file's prompt.format, "
        "else '{icon} {rel}'.",
        show_default=False,
    ),
]
AsciiOpt = Annotated[bool, typer.Option("--ascii", help="Use '*' instead of '✦'.")]
SegmentColorOpt = Annotated[
    bool, typer.Option("--color", help="Colour the segment (off by default: prompts colour it).")
]


@app.command()
def prompt(
    ctx: typer.Context,
    fmt: FormatOpt = None,
    ascii_icon: AsciiOpt = False,
    color: SegmentColorOpt = False,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz", metavar="ZONE", help="The zone of a --now without offset.", show_default=False
        ),
    ] = None,
    now: NowOpt = None,
) -> None:
    """One short segment for a shell prompt: ✦ 3d 04h before the release, ✦ 544d ago after it.

    It loads nothing heavy (no Typer, Rich or dateutil), so that it can run on every prompt;
    lostcli init puts it in your shell's prompt without even that.
    """
    from lostcli import prompt as prompt_module

    s = _session(ctx)
    given = {"--format": fmt, "--ascii": ascii_icon, "--color": color, "--tz": tz, "--now": now}
    opts = {name: value for name, value in given.items() if value not in (None, False)}
    film_path = str(s.film_path) if s.film_path else None
    raise typer.Exit(prompt_module.run(opts, s.env, film_path))


@app.command()
def init(
    ctx: typer.Context,
    shell: Annotated[
        str | None,
        typer.Argument(
            metavar="SHELL", help="bash, zsh, fish, nu, elvish or xonsh.", show_default=False
        ),
    ] = None,
    fmt: FormatOpt = None,
    ascii_icon: AsciiOpt = False,
    color: SegmentColorOpt = False,
    no_prompt: Annotated[
        bool,
        typer.Option(
            "--no-prompt",
            help="Only keep the segment in $LOSTCLI_SEGMENT, for a prompt of your own or "
            "starship's env_var module; leave the prompt as it is.",
        ),
    ] = False,
) -> None:
    """Print the shell code that puts the segment in your prompt, computed by the shell itself.

    bash: add eval "$(lostcli init bash)" to ~/.bashrc. zsh: add eval "$(lostcli init zsh)" to
    ~/.zshrc. fish: add lostcli init fish | source to ~/.config/fish/config.fish. elvish: add
    eval (lostcli init elvish | slurp) to rc.elv. xonsh: add execx($(lostcli init xonsh)) to
    ~/.xonshrc. nu: save lostcli init nu to a file that nushell loads (see the README).
    """
    from lostcli import prompt as prompt_module
    from lostcli import shells

    s = _session(ctx)
    shell = _shell(s, shell, "init")
    if fmt:
        try:
            prompt_module.check_format(fmt)
        except UsageError as e:
            raise s.usage(e.message) from None
    release, title = prompt_module.of_record(s.load_film())
    settings = s.config.prompt
    icon = prompt_module.ASCII_ICON if ascii_icon or settings.ascii else prompt_module.ICON
    fmt = fmt or settings.format or prompt_module.FORMAT
    snippet = shells.snippet(shell, release, fmt, icon, title, color, not no_prompt, s.env.lang)
    s.env.write(snippet)


def _shell(s: Session, shell: str | None, command: str) -> str:
    """The shell that `init` or `completion` was given, or a usage error naming the shells."""
    from lostcli.shells import SHELLS

    if shell is None:
        raise s.usage("name a shell: {shells}", shells=alternatives(SHELLS, "or"))
    if shell not in SHELLS:
        raise s.usage(
            "unknown shell {shell}: lostcli {command} knows {shells}",
            shell=quoted(shell),
            command=command,
            shells=alternatives(SHELLS, "and"),
        )
    return shell


# What the values of options and arguments are, for tab completion (completion.Kind).
VALUE_KINDS = {"--tz": "zone", "--now": "when", "--film": "file", "--output": "file",
               "-o": "file", "--color": "color", "--lang": "lang"}  # fmt: skip
ARGUMENT_KINDS = {"validate": "file", "init": "shell", "completion": "shell"}


@app.command()
def completion(
    ctx: typer.Context,
    shell: Annotated[
        str | None,
        typer.Argument(
            metavar="SHELL", help="bash, zsh, fish, nu, elvish or xonsh.", show_default=False
        ),
    ] = None,
) -> None:
    """Print the tab-completion script for your shell: commands, options, zones, files.

    bash: add eval "$(lostcli completion bash)" to ~/.bashrc. zsh: add
    eval "$(lostcli completion zsh)" to ~/.zshrc, after compinit. fish: lostcli completion fish
    > ~/.config/fish/completions/lostcli.fish. elvish: add eval (lostcli completion elvish |
    slurp) to rc.elv. xonsh: add execx($(lostcli completion xonsh)) to ~/.xonshrc. nu: save it
    where nushell loads it (see the README).
    """
    from lostcli import completion as completion_module
    from lostcli import shells, zones

    s = _session(ctx)
    shell = _shell(s, shell, "completion")
    group = s.ctx.find_root().command if s.ctx else None
    assert isinstance(group, Group)

    def described(command: Any, name: str = "") -> completion_module.Command:
        options = _options(command)
        flags = [option for option, takes_value in options.items() if not takes_value]
        valued = {option: VALUE_KINDS.get(option) for option, value in options.items() if value}
        return completion_module.Command(
            summary(command), (*flags, "-h", "--help"), valued, ARGUMENT_KINDS.get(name)
        )

    spec = completion_module.Spec(
        root=described(group),
        commands={name: described(c, name) for name, c in group.commands.items() if not c.hidden},
        values={
            "zone": zones.names(),
            "color": [c.value for c in ColorWhen],
            "shell": list(shells.SHELLS),
            "when": ["now", "today", "tomorrow", "yesterday"],
            "lang": [lang.value for lang in Lang],
        },
    )
    s.env.write_utf8(completion_module.script(shell, spec))


@app.command("config")
def show_config(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show every setting in effect and where it comes from.

    Settings come from the command line, then environment variables, then the config file
    ($XDG_CONFIG_HOME/lostcli/config.toml, else ~/.config/lostcli/config.toml), then the system.
    The file may set tz, lang, color, and in a [prompt] table format and ascii.
    """
    s = _session(ctx)
    found = config.settings(s.env, s.config)
    file = s.env.config_file or ""
    s.show(
        as_json,
        lambda: views.settings(found, file, s.env.lang),
        lambda: jsonout.settings(found, file),
    )


@app.command()
def schema(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            metavar="COMMAND",
            help="Print the schema of that command's --json output instead (a command that "
            "takes --json).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a record file, for editors that check and complete TOML."""
    s = _session(ctx)
    if output is not None and output not in jsonout.OUTPUTS:
        raise s.usage(
            "--output: no command {command} prints JSON; choose {commands}",
            command=quoted(output),
            commands=alternatives(list(jsonout.OUTPUTS), "or"),
        )
    s.json(film.schema() if output is None else jsonout.schema(output))


def main(argv: list[str], env: Environment) -> int:
    """Run the CLI; every failure becomes one line on stderr and an exit status."""
    command = typer.main.get_command(app)
    assert isinstance(command, Group)
    for subcommand in command.commands.values():
        subcommand.context_class = Context
    session = Session(env)
    _language(argv, session)
    argv = hoisted(command, argv)
    saved = sys.stdout, sys.stderr
    out, err = env.text_streams()
    # Typer writes help and its own messages to sys.stdout: make that the environment's.
    sys.stdout, sys.stderr = out, err
    try:
        # Outside standalone mode Typer returns the code of a typer.Exit instead of exiting.
        result = command.main(
            args=argv,
            prog_name="lostcli",
            standalone_mode=False,
            obj=session,
            # help's measure, as a page's; Click counts characters, and Hangul takes two cells
            terminal_width=int(
                min(env.columns, render.MEASURE) * (0.55 if env.lang == "ko" else 1)
            ),
        )
    except LostcliError as e:
        env.error(e)
        return e.status
    except ClickUsageError as e:
        option = getattr(e, "option_name", None)
        ctx = getattr(e, "ctx", None) or _context(command, argv, option, session)
        message = i18n.click_message(e.format_message(), env.lang)
        if hint := _wrong_side(command, argv, option):
            message += f" {hint.text(env.lang)}"
        env.error(message, f"{ctx.get_usage()}\n{i18n.try_help(ctx.command_path, env.lang)}")
        return ExitStatus.USAGE
    except ClickException as e:
        env.error(i18n.click_message(e.format_message(), env.lang))
        return int(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    except Exception as e:
        if env.environ.get("LOSTCLI_DEBUG"):
            import traceback

            from lostcli.text import ERRORS, printable

            # each line made printable on its own: env.report would escape the newlines too
            trace = "\n".join(map(printable, traceback.format_exc().rstrip().split("\n")))
            text = Message("internal error:\n{trace}", trace=trace).text(env.lang)
            env.write_stderr(f"lostcli: {text}\n".encode(env.stderr_encoding, ERRORS))
        else:
            failed = Message(
                "internal error: {kind}: {detail}; please report it "
                "(set LOSTCLI_DEBUG=1 for the traceback)",
                kind=type(e).__name__,
                detail=str(e),
            )
            env.report(failed)
        return ExitStatus.ERROR
    finally:
        sys.stdout, sys.stderr = saved
    return result if isinstance(result, int) else ExitStatus.OK


def _options(command: Any) -> dict[str, bool]:
    """A command's option names, each with whether it takes a value."""
    return {
        name: not getattr(param, "is_flag", False)
        for param in command.params
        if param.param_type_name == "option"
        for name in (*param.opts, *param.secondary_opts)
    }


def hoisted(group: Group, argv: list[str]) -> list[str]:
    """The arguments with the global options that follow the command moved before it, so that
    `lostcli info --film x.toml` means `lostcli --film x.toml info`. An option of the command's
    own with the same name (prompt's --color) stays where it is."""
    roots = _options(group)
    i = 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "--":
        i += 1 + roots.get(argv[i], False)
    if i >= len(argv) or argv[i] not in group.commands:
        return argv
    own = _options(group.commands[argv[i]])
    moved: list[str] = []
    rest: list[str] = []
    j = i + 1
    while j < len(argv):
        name, eq, _ = argv[j].partition("=")
        if argv[j] == "--":
            rest += argv[j:]
            break
        width = 1 + (not eq and (own.get(name, False) if name in own else roots.get(name, False)))
        (rest if name in own or name not in roots else moved).extend(argv[j : j + width])
        j += width
    return argv[:i] + moved + [argv[i]] + rest


def _named(group: Group, argv: list[str]) -> int:
    """Where the command is in the arguments (their length when there is none)."""
    return next((i for i, a in enumerate(argv) if a in group.commands), len(argv))


def _option_names(args: list[str]) -> set[str]:
    """The options among the arguments, `--name=value` as `--name`."""
    return {a.partition("=")[0] for a in args}


def _wrong_side(group: Group, argv: list[str], option: str | None) -> Message | None:
    """For an option given before the command that belongs after it: where it goes."""
    at = _named(group, argv)
    if not option or option not in _option_names(argv[:at]):
        return None
    owners = [name for name, c in group.commands.items() if option in _options(c) and not c.hidden]
    given = argv[at] if at < len(argv) else None
    if given in owners:
        return Message(
            "(it goes after the command: lostcli {command} {option} ...)",
            command=given,
            option=option,
        )
    if owners and option not in _options(group):
        return Message(
            "({option} is an option of {commands}; it goes after the command)",
            option=option,
            commands=", ".join(owners),
        )
    return None


def _context(group: Group, argv: list[str], option: str | None, session: Session) -> Any:
    """The context a usage error belongs to when Click gives none (an option's missing or extra
    value): the command's when the option follows it, else the group's."""
    root = Context(group, info_name="lostcli", obj=session)
    at = _named(group, argv)
    if at < len(argv) and option in _option_names(argv[at:]):
        return Context(group.commands[argv[at]], parent=root, info_name=argv[at])
    return root
