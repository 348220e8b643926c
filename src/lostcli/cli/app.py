"""The command tree: the app, its global options and its commands, each wiring its options to
the modules that do the work; and `main`, which runs it and turns every failure into one line
on stderr and an exit status.

No `from __future__ import annotations` here: Typer reads every command's annotations on every
run, and evaluating them from strings cost 2.5 ms of each start-up."""

import copy
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.models import CommandInfo

from lostcli import __version__, config, film, i18n, jsonout, render, views
from lostcli.cli import argv
from lostcli.cli.clickfix import ClickException, Command, Group, message, summary
from lostcli.cli.session import CommandUsageError, Session
from lostcli.context import Environment
from lostcli.errors import ExitStatus, LostcliError, Message, UsageError, alternatives
from lostcli.locales import codes
from lostcli.settings import COLORS, OptionError, Settings
from lostcli.text import quoted

if TYPE_CHECKING:
    from rich.console import RenderableType

app = typer.Typer(
    name="lostcli",
    cls=Group,
    # The Korean title in a paragraph of its own, which the Korean text leaves out: its first
    # sentence names the film by it.
    help="A terminal companion for the film Lost in Starlight (Netflix, 2025).\n\n"
    "이 별에 필요한\n\n"
    "Global options may come before or after the command. lostcli config shows the settings in "
    "effect. Config file: $XDG_CONFIG_HOME/lostcli/config.toml",
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
        "Default: $LOSTCLI_TZ, the config file's tz, $TZ, then the system zone.",
        show_default=False,
    ),
]
NowOpt = Annotated[
    str | None,
    typer.Option(
        "--now",
        metavar="WHEN",
        help="Pretend it is this time: ISO 8601; a full date as shown (30 May 2025 4pm KST, "
        "2025년 5월 30일 오후 4시); @unix-seconds; a day (now, today, tomorrow, yesterday, 지금, "
        "오늘, 내일, 모레, 어제, 그저께) or a weekday (friday, next friday, last friday, 금요일), "
        "with or without a time (9am, 18:00, noon, midnight, 오후 4시, 정오, 자정); a time alone "
        "(today); or a span from now (+3d, -2h30m, +1mo, 3 days ago, 3일 후, 2시간 전; units s, "
        "m or min, h, d, w, mo, y). A time without offset is in --tz.",
        show_default=False,
    ),
]


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        session(ctx).env.write(f"lostcli {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    film: Annotated[
        str | None,
        typer.Option(
            "--film",
            metavar="PATH",
            help="Read another record of the same schema instead of the bundled one "
            "(also $LOSTCLI_FILM).",
            show_default=False,
        ),
    ] = None,
    color: Annotated[
        str | None,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour: auto (on a terminal), always or never; --color alone is always (a "
            "prompt segment is coloured only then). Wins over $NO_COLOR and $FORCE_COLOR.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
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
    """The global options are read for the settings before Click parses the command line
    (argv.given): the help is written in the run's language."""
    s = session(ctx)
    error = s.settings.file_error
    if ctx.invoked_subcommand == "config":
        return  # which shows the settings, their warnings and the config file's error itself
    if error is not None:
        raise error
    if ctx.invoked_subcommand != "prompt":  # as its fast path: `lostcli config` lists them
        for warning in s.settings.warnings:
            s.warn(warning)
    if ctx.invoked_subcommand is None:
        s.env.write(ctx.get_help() + "\n")


def session(ctx: typer.Context) -> Session:
    """The run's session, with `ctx` as the running command's context."""
    found = ctx.find_root().obj
    assert isinstance(found, Session)
    found.ctx = ctx
    return found


@app.command(cls=Command)
def info(
    ctx: typer.Context,
    tz: TzOpt = None,
    now: NowOpt = None,
    as_json: JsonOpt = False,
    export: ExportOpt = None,
) -> None:
    """The film at a glance: titles, release, status, people, trailer."""
    s = session(ctx)
    record = s.load_film()
    cd = s.countdown(record, tz, now)
    from lostcli import ephemeris

    try:
        delay: float | None = ephemeris.one_way_seconds(cd.now)
    except ephemeris.OutOfRange:
        delay = None
    s.show(
        as_json,
        lambda: views.info(record, cd, delay, s.lang),
        lambda: jsonout.info(record, cd, delay),
        export,
    )


@app.command(cls=Command)
def synopsis(
    ctx: typer.Context,
    short: Annotated[bool, typer.Option("--short", help="Only the one-line logline.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """What the film is about."""
    s = session(ctx)
    record = s.load_film()
    s.show(
        as_json,
        lambda: views.synopsis(record, short, s.lang),
        lambda: jsonout.synopsis(record, short),
    )


@app.command(cls=Command)
def credits(ctx: typer.Context, as_json: JsonOpt = False, export: ExportOpt = None) -> None:
    """Crew, and the voice cast of the Korean original and the English dub."""
    s = session(ctx)
    record = s.load_film()
    s.show(
        as_json,
        lambda: views.credits(record, s.lang),
        lambda: jsonout.credits(record),
        export,
    )


@app.command(cls=Command)
def curiosities(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Things worth knowing about the film, each with its source."""
    s = session(ctx)
    record = s.load_film()
    s.show(as_json, lambda: views.curiosities(record, s.lang), lambda: jsonout.curiosities(record))


app.command("trivia", cls=Command, help="Same as curiosities.", hidden=True)(curiosities)


@app.command(cls=Command)
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
    """Time to the release in your zone, or time since it, and the next anniversary.

    Progress is the share of the time from the day the release date was announced to the
    release that has passed, rounded down to a whole percent.
    """
    s = session(ctx)
    record = s.load_film()
    cd = s.countdown(record, tz, now)
    if not live_view:
        s.show(
            as_json,
            lambda: views.countdown(record, cd, s.lang),
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
    console = render.console(s.env, s.color, terminal, measure=s.env.columns)
    console.size = s.env.terminal_size
    live.run(console, record, cd.zone, clock, lang=s.lang)


@app.command(cls=Command)
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
    s = session(ctx)
    from lostcli import ephemeris

    zone, instant = s.moment(tz, now)
    try:
        sig = ephemeris.signal(instant)
    except ephemeris.OutOfRange as e:
        if now is not None:
            raise s.usage("--now: {reason}", reason=e.message) from None
        raise

    def view() -> "RenderableType":
        text = views.signal(sig, zone, s.lang)
        if text_only:
            return text
        sky = ephemeris.sky(sig, samples=24)  # a smooth curve: the picture draws lines between
        width = min(s.env.columns, render.MEASURE)
        braille = render.unicode(s.env.stdout_encoding)
        return views.page(text, views.pictures(sig, sky, zone, width, braille, s.lang))

    s.show(as_json, view, lambda: jsonout.signal(sig), export)


@app.command(cls=Command)
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
    s = session(ctx)
    record = s.load_film()
    url = record.trailer.url
    s.show(as_json, lambda: views.trailer(record, s.lang), lambda: jsonout.trailer(record))
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


@app.command(cls=Command)
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
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz",
            metavar="ZONE",
            help="The zone whose local time each event's description gives (Asia/Seoul, Seoul, "
            "UTC or +09:00); the event itself is in UTC, which calendars show in their own zone. "
            "Default: $LOSTCLI_TZ, the config file's tz, $TZ, then the system zone.",
            show_default=False,
        ),
    ] = None,
    now: NowOpt = None,
) -> None:
    """The release as an iCalendar (.ics) event, to import into any calendar."""
    from lostcli import ical

    s = session(ctx)
    record = s.load_film()
    cd = s.countdown(record, tz, now)
    if output is not None:
        s.writable(output, "--output")
    text = ical.calendar(ical.film_events(record, cd, anniversary, s.lang), cd.now)
    if output is None or output == "-":
        s.env.write_utf8(text)
        return
    s.save(output, text)


@app.command(cls=Command)
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
    s = session(ctx)
    try:
        record: film.Film | None = film.load(path)
        problems: list[film.Problem] = []
    except film.FilmError as e:
        record, problems = None, e.problems
    s.show(
        as_json,
        lambda: views.validation(path, record, problems, s.lang),
        lambda: jsonout.validation(path, problems),
    )
    if problems:
        raise typer.Exit(ExitStatus.ERROR)


FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="FMT",
        help="The segment, with the placeholders {icon}, {title}, {rel} (3d 04h, 543d ago), "
        "{days} and {status} (upcoming or released). Default: the config file's prompt.format, "
        "else '{icon} {rel}'.",
        show_default=False,
    ),
]
AsciiOpt = Annotated[bool, typer.Option("--ascii", help="Use '*' instead of '✦'.")]


@app.command(cls=Command)
def prompt(
    ctx: typer.Context,
    fmt: FormatOpt = None,
    ascii_icon: AsciiOpt = False,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz", metavar="ZONE", help="The zone of a --now without offset.", show_default=False
        ),
    ] = None,
    now: NowOpt = None,
) -> None:
    """One short segment for a shell prompt: ✦ 3d 04h before the release, ✦ 543d ago after it.

    It loads nothing heavy (no Typer, Rich or dateutil), so that it can run on every prompt;
    lostcli init puts it in your shell's prompt without even that.
    """
    from lostcli import prompt as prompt_module

    s = session(ctx)
    given = {"--format": fmt, "--ascii": ascii_icon, "--tz": tz, "--now": now}
    opts = {name: value for name, value in given.items() if value not in (None, False)}
    release, titles, _ = prompt_module.facts(str(s.settings.film.value), s.env)
    raise typer.Exit(prompt_module.run(opts, s.env, s.settings, release, titles))


SHELL_HELP = "bash, zsh, fish, nu (or nushell), elvish or xonsh; by default the one $SHELL names."


@app.command(cls=Command)
def init(
    ctx: typer.Context,
    shell: Annotated[
        str | None,
        typer.Argument(metavar="SHELL", help=SHELL_HELP, show_default=False),
    ] = None,
    fmt: FormatOpt = None,
    ascii_icon: AsciiOpt = False,
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

    Add your shell's line to the file it reads at start:

      ~/.bashrc: eval "$(lostcli init bash)"
      ~/.zshrc: eval "$(lostcli init zsh)"
      ~/.config/fish/config.fish: lostcli init fish | source
      rc.elv: eval (lostcli init elvish | slurp)
      ~/.xonshrc: execx($(lostcli init xonsh))

    nu: save the output of lostcli init nu to a file that nushell loads (see the README).
    """
    from lostcli import prompt as prompt_module
    from lostcli import shells

    s = session(ctx)
    shell = _shell(s, shell, "init")
    if fmt:
        try:
            prompt_module.check_format(fmt)
        except UsageError as e:
            raise s.usage(e.message) from None
    release, titles = prompt_module.of_record(s.load_film())
    fmt, ascii_icon = s.settings.segment(fmt, ascii_icon)
    icon = prompt_module.ASCII_ICON if ascii_icon else prompt_module.ICON
    color = s.settings.color.value == "always"  # as `prompt` colours its segment
    title = s.settings.title(titles)
    snippet = shells.get(shell).init(release, fmt, icon, title, color, not no_prompt, s.lang)
    s.env.write(snippet)


def _shell(s: Session, shell: str | None, command: str) -> str:
    """The shell that `init` or `completion` was given, else the one $SHELL names (said on
    stderr), or a usage error naming the shells."""
    from lostcli.shells import NAMES, SHELLS

    if shell is None:
        login = s.env.environ.get("SHELL") or ""
        shell = Path(login).name
        if shell not in NAMES:
            shells = alternatives(SHELLS, "or")
            if not login:
                raise s.usage("name a shell: {shells}", shells=shells)
            raise s.usage("name a shell: {shells} ($SHELL is {value})", shells=shells,
                          value=quoted(login))  # fmt: skip
        if s.env.stdout_isatty:  # read by a person, not by `eval` at every shell's start
            s.env.report(Message("using {shell} from $SHELL", shell=shell), s.lang)
    if shell not in NAMES:
        raise s.usage(
            "unknown shell {shell}: lostcli {command} knows {shells}",
            shell=quoted(shell),
            command=command,
            shells=alternatives(SHELLS, "and"),
        )
    return shell


# What the values of options and arguments are, for tab completion (shells.Kind).
VALUE_KINDS = {"--tz": "zone", "--now": "when", "--film": "file", "--output": "file",
               "-o": "file", "--export": "file", "--color": "color", "--lang": "lang"}  # fmt: skip
ARGUMENT_KINDS = {"validate": "file", "init": "shell", "completion": "shell"}


@app.command(cls=Command)
def completion(
    ctx: typer.Context,
    shell: Annotated[
        str | None,
        typer.Argument(metavar="SHELL", help=SHELL_HELP, show_default=False),
    ] = None,
) -> None:
    """Print the tab-completion script for your shell: commands, options, zones, files.

    Add your shell's line to the file it reads at start (in ~/.zshrc, after compinit):

      ~/.bashrc: eval "$(lostcli completion bash)"
      ~/.zshrc: eval "$(lostcli completion zsh)"
      rc.elv: eval (lostcli completion elvish | slurp)
      ~/.xonshrc: execx($(lostcli completion xonsh))

    fish: save the script where fish loads it:

      mkdir -p ~/.config/fish/completions
      lostcli completion fish > ~/.config/fish/completions/lostcli.fish

    nu: save it where nushell loads it (see the README).
    """
    from lostcli import shells, zones

    s = session(ctx)
    shell = _shell(s, shell, "completion")
    group = _tree()  # every command: this run's tree holds only `completion`

    def described(command: Any, name: str = "") -> shells.Command:
        options = argv.options(command)
        flags = [option for option, takes_value in options.items() if not takes_value]
        valued = {option: VALUE_KINDS.get(option) for option, value in options.items() if value}
        helps = {o: p.help for p in command.params if p.param_type_name == "option" for o in p.opts}
        return shells.Command(
            summary(command), (*flags, "-h", "--help"), valued, ARGUMENT_KINDS.get(name), helps
        )

    spec = shells.Spec(
        root=described(group),
        commands={name: described(c, name) for name, c in group.commands.items() if not c.hidden},
        values={
            "zone": zones.names(),
            "color": list(COLORS),
            "shell": list(shells.SHELLS),
            "when": ["now", "today", "tomorrow", "yesterday"],
            "lang": list(codes()),
        },
    )
    s.env.write_utf8(shells.get(shell).completion(spec))


@app.command("config", cls=Command)
def show_config(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show every setting in effect and where it comes from.

    Settings come from the command line, then environment variables, then the config file
    ($XDG_CONFIG_HOME/lostcli/config.toml, else ~/.config/lostcli/config.toml), then the system.
    The file may set tz, lang, color, and in a [prompt] table format, ascii and title (the
    prompt's {title}; by default the film's short title in the language of the run).
    """
    s = session(ctx)
    s.show(
        as_json,
        lambda: views.settings(s.settings, s.lang),
        lambda: jsonout.settings(s.settings),
    )


@app.command(cls=Command)
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
    s = session(ctx)
    if output is not None and output not in jsonout.OUTPUTS:
        raise s.usage(
            "--output: no command {command} prints JSON; choose {commands}",
            command=quoted(output),
            commands=alternatives(list(jsonout.OUTPUTS), "or"),
        )
    s.json(film.schema() if output is None else jsonout.schema(output))


HELP = {"-h", "--help"}  # the group's help lists every command


def _tree(args: list[str] | None = None) -> Group:
    """The command tree Click runs: for arguments that name a command, and ask for no help,
    that command alone (Typer reads each command's signature as it builds it, most of what
    one command would pay at start-up for the others); else every command."""
    tree = copy.copy(app)
    if args is not None and not HELP & set(args):
        tree.registered_commands = []
        name = argv.named(typer.main.get_command(tree), args)
        tree.registered_commands = [c for c in app.registered_commands if _name(c) == name]
    if not tree.registered_commands:
        tree = app
    group = typer.main.get_command(tree)
    assert isinstance(group, Group)
    return group


def _name(command: CommandInfo) -> str | None:
    callback = command.callback
    return command.name or (callback and typer.main.get_command_name(callback.__name__))


def main(args: list[str], env: Environment) -> int:
    """Run the CLI; every failure becomes one line on stderr and an exit status."""
    group = _tree(args)
    try:
        configured, problem = config.load(env).values(), None
    except LostcliError as e:  # `lostcli config` shows it; every other command stops on it
        configured, problem = None, e
    given = args
    try:
        given = argv.hoisted(group, args)
        s = Session(env, Settings.build(env, argv.given(group, given), configured, problem))
    except OptionError as e:  # the settings without the options but --lang, for the error's words
        lang = argv.given(group, given).get("--lang")  # unless it is the bad one
        options = {"--lang": lang} if lang in codes() else None
        s = Session(env, Settings.build(env, options, configured, problem))
        return _usage(s, e.message, argv.context(_tree(), args, e.option, s))
    saved = sys.stdout, sys.stderr
    # Typer writes help and its own messages to sys.stdout: make that the environment's.
    sys.stdout, sys.stderr = env.text_streams()
    try:
        # Outside standalone mode Typer returns the code of a typer.Exit instead of exiting.
        result = group.main(
            args=given,
            prog_name="lostcli",
            standalone_mode=False,
            obj=s,
            terminal_width=min(env.columns, render.MEASURE),  # help's measure, as a page's
        )
    except CommandUsageError as e:
        return _usage(s, e.message, e.ctx or argv.context(_tree(), given, None, s))
    except LostcliError as e:
        env.error(e, s.lang)
        return e.status
    except ClickException as e:  # Click's own errors
        if e.exit_code != ExitStatus.USAGE:
            env.error(e.format_message(), s.lang)
            return int(e.exit_code)
        group = _tree()  # the hints look at every command's options
        option = getattr(e, "option_name", None)
        ctx = getattr(e, "ctx", None) or argv.context(group, given, option, s)
        words = message(e, option is not None and argv.takes_value(group, option))
        return _usage(s, words, ctx, argv.wrong_side(group, given, option))
    except (typer.Abort, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    except Exception as e:
        _internal(e, s)
        return ExitStatus.ERROR
    finally:
        sys.stdout, sys.stderr = saved
    return result if isinstance(result, int) else ExitStatus.OK


def _usage(s: Session, words: Message | str, ctx: Any, hint: Message | None = None) -> int:
    """A usage error, under the usage line of the command it belongs to."""
    text = words.text(s.lang) if isinstance(words, Message) else words
    if hint:
        text += f" {hint.text(s.lang)}"
    s.env.error(text, s.lang, f"{ctx.get_usage()}\n{i18n.try_help(ctx.command_path, s.lang)}")
    return ExitStatus.USAGE


def _internal(e: Exception, s: Session) -> None:
    """A failure of lostcli's own: one line asking for a report, or with LOSTCLI_DEBUG the
    traceback."""
    env = s.env
    if env.environ.get("LOSTCLI_DEBUG"):
        import traceback

        from lostcli.text import ERRORS, printable

        # each line made printable on its own: env.report would escape the newlines too
        trace = "\n".join(map(printable, traceback.format_exc().rstrip().split("\n")))
        text = Message("internal error:\n{trace}", trace=trace).text(s.lang)
        env.write_stderr(f"lostcli: {text}\n".encode(env.stderr_encoding, ERRORS))
    else:
        failed = Message(
            "internal error: {kind}: {detail}; please report it "
            "(set LOSTCLI_DEBUG=1 for the traceback)",
            kind=type(e).__name__,
            detail=str(e),
        )
        env.report(failed, s.lang)
