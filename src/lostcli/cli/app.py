"""The command tree: the app, its global options and its commands, each declaring its options
and help to Typer and calling its module in lostcli.commands (whose OPTIONS say the same as data,
for cli/direct.py); and `main`, which runs it through Click and turns every failure into one
line on stderr and an exit status.

No `from __future__ import annotations` here: Typer reads every command's annotations on every
run, and evaluating them from strings cost 2.5 ms of each start-up."""

import copy
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.models import CommandInfo

import lostcli.commands.calendar as calendar_command
import lostcli.commands.config as config_command
import lostcli.commands.countdown as countdown_command
import lostcli.commands.credits as credits_command
import lostcli.commands.curiosities as curiosities_command
import lostcli.commands.info as info_command
import lostcli.commands.init as init_command
import lostcli.commands.prompt as prompt_command
import lostcli.commands.schema as schema_command
import lostcli.commands.signal as signal_command
import lostcli.commands.synopsis as synopsis_command
import lostcli.commands.trailer as trailer_command
import lostcli.commands.validate as validate_command
from lostcli import __version__, i18n, render
from lostcli.cli import argv, failures
from lostcli.cli.clickfix import ClickException, Command, Context, Group, message, summary
from lostcli.cli.session import CommandUsageError, Session, configuration
from lostcli.context import Environment
from lostcli.errors import ExitStatus, Message, OptionError
from lostcli.locales import codes
from lostcli.settings import COLORS, Settings

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
    s.begin(ctx.invoked_subcommand)
    if ctx.invoked_subcommand is None:
        s.env.write(ctx.get_help() + "\n")


def session(ctx: typer.Context) -> Session:
    """The run's session, with `ctx` as the running command's context."""
    found = ctx.find_root().obj
    assert isinstance(found, Session)
    found.ctx, found.command = ctx, ctx.info_name or ""
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
    info_command.run(session(ctx), tz=tz, now=now, as_json=as_json, export=export)


@app.command(cls=Command)
def synopsis(
    ctx: typer.Context,
    short: Annotated[bool, typer.Option("--short", help="Only the one-line logline.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """What the film is about."""
    synopsis_command.run(session(ctx), short=short, as_json=as_json)


@app.command(cls=Command)
def credits(ctx: typer.Context, as_json: JsonOpt = False, export: ExportOpt = None) -> None:
    """Crew, and the voice cast of the Korean original and the English dub."""
    credits_command.run(session(ctx), as_json=as_json, export=export)


@app.command(cls=Command)
def curiosities(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Things worth knowing about the film, each with its source."""
    curiosities_command.run(session(ctx), as_json=as_json)


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
    countdown_command.run(
        session(ctx), tz=tz, now=now, as_json=as_json, export=export, live_view=live_view
    )


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
    signal_command.run(
        session(ctx), tz=tz, now=now, as_json=as_json, export=export, text_only=text_only
    )


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
    trailer_command.run(session(ctx), open_browser=open_browser, as_json=as_json)


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
    calendar_command.run(session(ctx), output=output, anniversary=anniversary, tz=tz, now=now)


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
) -> int | None:
    """Check a record file and list every problem in it (exit status 1 if any)."""
    return validate_command.run(session(ctx), path=path, as_json=as_json)


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
) -> int | None:
    """One short segment for a shell prompt: ✦ 3d 04h before the release, ✦ 543d ago after it.

    It loads nothing heavy (no Typer, Rich or dateutil), so that it can run on every prompt;
    lostcli init puts it in your shell's prompt without even that.
    """
    return prompt_command.run(session(ctx), fmt=fmt, ascii_icon=ascii_icon, tz=tz, now=now)


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
    init_command.run(session(ctx), shell=shell, fmt=fmt, ascii_icon=ascii_icon, no_prompt=no_prompt)


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
    shell = init_command.named(s, shell, "completion")
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
    config_command.run(session(ctx), as_json=as_json)


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
    schema_command.run(session(ctx), output=output)


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
    configured, problem = configuration(env)
    given = args
    try:
        given = argv.hoisted(group, args)
        s = Session(env, Settings.build(env, argv.given(group, given), configured, problem))
    except OptionError as e:  # the settings without the options but --lang, for the error's words
        lang = argv.given(group, given).get("--lang")  # unless it is the bad one
        options = {"--lang": lang} if lang in codes() else None
        s = Session(env, Settings.build(env, options, configured, problem))
        return _usage(s, e.message, argv.context(_tree(), args, e.option, s))

    def usage(e: CommandUsageError) -> int:
        return _usage(s, e.message, e.ctx or argv.context(_tree(), given, None, s))

    return failures.guarded(s, lambda: _click(group, given, s), usage)


def _click(group: Group, given: list[str], s: Session) -> int:
    """Click's run of the command line, its own errors in lostcli's words."""
    env = s.env
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
            terminal_width=_width(env),
        )
    except ClickException as e:  # Click's own errors
        if e.exit_code != ExitStatus.USAGE:
            env.error(e.format_message(), s.lang)
            return int(e.exit_code)
        group = _tree()  # the hints look at every command's options
        option = getattr(e, "option_name", None)
        ctx = getattr(e, "ctx", None) or argv.context(group, given, option, s)
        words = message(e, option is not None and argv.takes_value(group, option))
        return _usage(s, words, ctx, argv.wrong_side(group, given, option))
    except typer.Abort:
        return ExitStatus.INTERRUPTED
    finally:
        sys.stdout, sys.stderr = saved
    return result if isinstance(result, int) else ExitStatus.OK


def _width(env: Environment) -> int:
    """Help's measure, as a page's."""
    return min(env.columns, render.MEASURE)


def command_usage(s: Session, e: CommandUsageError) -> int:
    """A usage error that a command raised off Click's path (cli/direct.py), under the usage
    line that Click's path shows for it."""
    group = _tree([s.command])
    root = Context(group, info_name="lostcli", obj=s, terminal_width=_width(s.env))
    return _usage(
        s, e.message, Context(group.commands[s.command], parent=root, info_name=s.command)
    )


def _usage(s: Session, words: Message | str, ctx: Any, hint: Message | None = None) -> int:
    """A usage error, under the usage line of the command it belongs to."""
    text = words.text(s.lang) if isinstance(words, Message) else words
    if hint:
        text += f" {hint.text(s.lang)}"
    s.env.error(text, s.lang, f"{ctx.get_usage()}\n{i18n.try_help(ctx.command_path, s.lang)}")
    return ExitStatus.USAGE
