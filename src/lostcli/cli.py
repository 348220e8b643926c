"""Typer wiring: options to functions, errors to exit codes. No logic of its own lives here."""

from __future__ import annotations

import os
import sys
import time
import traceback
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType

# Typer vendors Click; its exception types are only reachable through this module.
from typer._click import exceptions as click_exceptions
from typer._click import globals as click_globals

from lostcli import __version__, clock, ephemeris, film, jsonout, timeline, views, zones
from lostcli.errors import ExitStatus, LostcliError, UsageError


@dataclass
class Env:
    """What a command may touch: streams and environment, read when the command runs."""

    film_path: Path | None

    @property
    def environ(self) -> os._Environ[str]:
        return os.environ

    def console(self) -> Console:
        return Console(file=sys.stdout, highlight=False)

    def warn(self, message: str) -> None:
        print(f"lostcli: warning: {message}", file=sys.stderr)

    def load_film(self) -> film.Film:
        return film.load(self.film_path)

    def moment(self, tz: str | None, now: str | None) -> tuple[zones.Zone, datetime]:
        """The zone and the instant that the options and the environment ask for."""
        try:
            zone, warning = zones.resolve(tz, self.environ)
            instant = clock.parse(now, zone) if now is not None else clock.now()
        except UsageError as e:
            raise _usage(str(e)) from None
        if warning:
            self.warn(warning)
        return zone, instant

    def countdown(self, record: film.Film, tz: str | None, now: str | None) -> timeline.Countdown:
        zone, instant = self.moment(tz, now)
        return timeline.countdown(record.release, instant, zone)

    def write(self, text: str) -> None:
        """Machine output: UTF-8 whatever the locale says, so it goes to the byte stream."""
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()

    def show(self, view: RenderableType, data: dict[str, Any], as_json: bool) -> None:
        if as_json:
            import json  # only --json needs it, and every command pays for start-up

            self.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            self.console().print(view)


def _usage(message: str) -> click_exceptions.UsageError:
    """A usage error tied to the running command, so that its usage line is shown."""
    return click_exceptions.UsageError(message, ctx=click_globals.get_current_context(silent=True))


app = typer.Typer(
    name="lostcli",
    help="A terminal companion for [bold]Lost in Starlight[/] (이 별에 필요한), Netflix, 2025.",
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
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
        help="Pretend it is this time (ISO 8601, @unix-seconds or free text); "
        "a time without offset is in --tz.",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"lostcli {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    film_path: Annotated[
        Path | None,
        typer.Option(
            "--film",
            metavar="PATH",
            envvar="LOSTCLI_FILM",
            readable=False,  # the loader reports an unreadable record as a data error
            help="Read another record of the same schema instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Env(film_path)
    if ctx.invoked_subcommand is None:
        print(ctx.get_help())


def _env(ctx: typer.Context) -> Env:
    env = ctx.obj
    assert isinstance(env, Env)
    return env


@app.command()
def info(
    ctx: typer.Context, tz: TzOpt = None, now: NowOpt = None, as_json: JsonOpt = False
) -> None:
    """The film at a glance: titles, release, status, people, trailer."""
    env = _env(ctx)
    record = env.load_film()
    cd = env.countdown(record, tz, now)
    try:
        delay: float | None = ephemeris.one_way_seconds(cd.now)
    except ephemeris.OutOfRange:
        delay = None
    env.show(views.info(record, cd, delay), jsonout.info(record, cd, delay), as_json)


@app.command()
def synopsis(
    ctx: typer.Context,
    short: Annotated[bool, typer.Option("--short", help="Only the one-line logline.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """What the film is about."""
    env = _env(ctx)
    record = env.load_film()
    env.show(views.synopsis(record, short), jsonout.synopsis(record, short), as_json)


@app.command()
def credits(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Crew, and the voice cast of the Korean original and the English dub."""
    env = _env(ctx)
    record = env.load_film()
    env.show(views.credits(record), jsonout.credits(record), as_json)


@app.command()
def curiosities(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Things worth knowing about the film, each with its source."""
    env = _env(ctx)
    record = env.load_film()
    env.show(views.curiosities(record), jsonout.curiosities(record), as_json)


app.command("trivia", help="Same as curiosities.", hidden=True)(curiosities)


@app.command()
def countdown(
    ctx: typer.Context,
    tz: TzOpt = None,
    now: NowOpt = None,
    as_json: JsonOpt = False,
    live_view: Annotated[
        bool,
        typer.Option(
            "--live", help="Large digits, redrawn every second until Ctrl-C (needs a terminal)."
        ),
    ] = False,
) -> None:
    """Time to the release in your zone, or time since it, and the next anniversary."""
    env = _env(ctx)
    record = env.load_film()
    cd = env.countdown(record, tz, now)
    if not live_view:
        env.show(views.countdown(record, cd), jsonout.countdown(cd), as_json)
        return
    console = env.console()
    if as_json or now is not None or not console.is_terminal:
        raise _usage("--live needs a terminal, and goes without --json and --now")
    # Modules that only one command needs are imported by it: every command pays for start-up.
    from lostcli import live

    live.run(console, record, cd.zone, clock.now, time.sleep)


@app.command()
def signal(
    ctx: typer.Context, tz: TzOpt = None, now: NowOpt = None, as_json: JsonOpt = False
) -> None:
    """How long a message takes to reach Mars now, and where Earth and Mars are in their cycle."""
    env = _env(ctx)
    zone, instant = env.moment(tz, now)
    try:
        sig = ephemeris.signal(instant)
    except ephemeris.OutOfRange as e:
        raise (_usage(f"--now: {e}") if now is not None else LostcliError(str(e))) from None
    env.show(views.signal(sig, zone), jsonout.signal(sig), as_json)


@app.command()
def trailer(
    ctx: typer.Context,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the trailer in your web browser.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """The trailer, as a link you can click."""
    env = _env(ctx)
    record = env.load_film()
    url = record.trailer.url
    if open_browser:  # only http(s): the loader refuses a record with any other trailer URL
        import webbrowser

        if not webbrowser.open(url):
            raise LostcliError(f"could not start a web browser; the trailer is at {url}")
    env.show(views.trailer(record), jsonout.trailer(record), as_json)


@app.command()
def calendar(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE instead of the screen.",
            show_default=False,
            dir_okay=False,
            writable=False,
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

    env = _env(ctx)
    record = env.load_film()
    cd = env.countdown(record, tz, now)
    text = ical.calendar(ical.film_events(record, cd, anniversary), cd.now)
    if output is None:
        env.write(text)
        return
    try:
        output.write_bytes(text.encode("utf-8"))
    except OSError as e:
        raise LostcliError(f"cannot write {output}: {e.strerror or e}") from None


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="The record file to check.", show_default=False, readable=False)
    ],
    as_json: JsonOpt = False,
) -> None:
    """Check a record file and list every problem in it (exit status 1 if any)."""
    env = _env(ctx)
    try:
        record: film.Film | None = film.load(path)
        problems: list[film.Problem] = []
    except film.FilmError as e:
        record, problems = None, e.problems
    env.show(views.validation(path, record, problems), jsonout.validation(path, problems), as_json)
    if problems:
        raise typer.Exit(ExitStatus.ERROR)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def prompt(ctx: typer.Context) -> None:
    """One short segment for a shell prompt, such as ✦ 3d 04h (see lostcli prompt --help)."""
    from lostcli import prompt as prompt_module

    film_path = _env(ctx).film_path
    raise typer.Exit(prompt_module.main(ctx.args, str(film_path) if film_path else None))


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@app.command()
def init(
    ctx: typer.Context,
    shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", show_default=False)],
    fmt: Annotated[
        str | None,
        typer.Option("--format", metavar="FMT", help="As for lostcli prompt --format."),
    ] = None,
    ascii_icon: Annotated[bool, typer.Option("--ascii", help="Use '*' instead of '✦'.")] = False,
) -> None:
    """Print the shell code that puts the segment in your prompt.

    bash: eval "$(lostcli init bash)" in ~/.bashrc; zsh: eval "$(lostcli init zsh)" in
    ~/.zshrc; fish: lostcli init fish | source in ~/.config/fish/config.fish.
    """
    from lostcli import prompt as prompt_module
    from lostcli import shells

    release, title = prompt_module.of_record(_env(ctx).load_film())
    icon = prompt_module.ASCII_ICON if ascii_icon else prompt_module.ICON
    print(shells.snippet(shell.value, release, fmt or prompt_module.FORMAT, icon, title), end="")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every failure becomes one line on stderr and an exit status."""
    command = typer.main.get_command(app)
    try:
        # Outside standalone mode Typer returns the code of a typer.Exit instead of exiting.
        result = command.main(args=argv, prog_name="lostcli", standalone_mode=False)
    except LostcliError as e:
        print(f"lostcli: error: {e}", file=sys.stderr)
        return e.status
    except click_exceptions.UsageError as e:
        usage = e.ctx.get_usage() if e.ctx else "Usage: lostcli [OPTIONS] COMMAND [ARGS]..."
        print(f"{usage}\nlostcli: error: {e.format_message()}", file=sys.stderr)
        return ExitStatus.USAGE
    except click_exceptions.ClickException as e:
        print(f"lostcli: error: {e.format_message()}", file=sys.stderr)
        return e.exit_code
    except (typer.Abort, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    except Exception as e:
        if os.environ.get("LOSTCLI_DEBUG"):
            traceback.print_exc()
        else:
            print(
                f"lostcli: internal error: {type(e).__name__}: {e}; please report it "
                "(set LOSTCLI_DEBUG=1 for the traceback)",
                file=sys.stderr,
            )
        return ExitStatus.ERROR
    return result if isinstance(result, int) else ExitStatus.OK
