"""The session: what a command may touch. The injected environment, the run's settings, the
running command's name (and on Click's path its context, for a usage line), and the few things
every command does with them: load the record, find the moment, show a view or JSON, save a file.
It imports neither typer nor click: cli/direct.py runs commands without them."""

import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lostcli import config, film
from lostcli.context import Environment
from lostcli.errors import LostcliError, Message, NoReader, UsageError, os_reason
from lostcli.files import write_user_file
from lostcli.settings import Settings
from lostcli.text import quoted

# Start-up is a feature: what only some commands need is imported by them (the time engine,
# JSON, Rich), and these names serve the type checker alone.
if TYPE_CHECKING:
    from collections.abc import Mapping

    import msgspec
    from rich.console import RenderableType

    from lostcli import timeline, zones
    from lostcli.settings import Value


def configuration(env: Environment) -> "tuple[Mapping[str, Value] | None, LostcliError | None]":
    """The config file's values, or the error that stops every command but `config`, which
    shows it."""
    try:
        return config.load(env).values(), None
    except LostcliError as e:
        return None, e


class CommandUsageError(UsageError):
    """A usage error of the command whose context is `ctx`, so that its usage line is shown (None
    off Click's path: the running command's)."""

    def __init__(self, message: Message, ctx: Any) -> None:
        super().__init__(message)
        self.ctx = ctx


class Session:
    def __init__(self, env: Environment, settings: Settings, command: str = "") -> None:
        self.env = env
        self.settings = settings
        self.command = command  # the running command's name
        self.ctx: Any = None  # its Click context, on Click's path

    def begin(self, command: str | None) -> None:
        """What comes before any command: the config file's error stops it, and the settings'
        warnings are shown; `config` shows both itself, and `prompt` none (as its fast path)."""
        if command == "config":
            return
        if self.settings.file_error is not None:
            raise self.settings.file_error
        if command != "prompt":
            for warning in self.settings.warnings:
                self.warn(warning)

    @property
    def lang(self) -> str:
        return str(self.settings.lang.value)

    @property
    def color(self) -> bool:
        """Colour on stdout: `always`, or `auto` on a terminal that shows it."""
        choice = self.settings.color.value
        return choice == "always" or (choice == "auto" and self.env.color_terminal)

    @property
    def pager(self) -> str | None:
        """The pager for output taller than the terminal: only when stdout is one."""
        command = self.settings.pager.value
        return command if isinstance(command, str) and self.env.stdout_isatty else None

    def warn(self, message: Message) -> None:
        self.env.warn(message, self.lang)

    def load_film(self) -> film.Film:
        chosen = self.settings.film
        if chosen.origin == "default":  # settings.BUNDLED, spelled as pathlib would (5 ms saved)
            return film.load(str(chosen.value), self.env.cache_dir)
        from pathlib import Path  # a name given is read as pathlib spells it: `x.toml/`

        return film.load(Path(str(chosen.value)), self.env.cache_dir)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.env.clock(), UTC)

    def moment(self, tz: str | None, now: str | None) -> "tuple[zones.Zone, datetime]":
        """The zone and the instant that the options and the settings ask for."""
        from lostcli import clock

        try:
            zone, warning = self.settings.zone(tz)
            instant = clock.parse(now, zone, self.now()) if now is not None else self.now()
        except UsageError as e:
            raise self.usage(e.message) from None
        if warning:
            self.warn(warning)
        return zone, instant

    def countdown(self, record: film.Film, tz: str | None, now: str | None) -> "timeline.Countdown":
        from lostcli import timeline

        zone, instant = self.moment(tz, now)
        return timeline.countdown(record.release, instant, zone)

    def usage(self, message: str | Message, /, **params: object) -> CommandUsageError:
        """A usage error tied to the running command, so that its usage line is shown."""
        if not isinstance(message, Message):
            message = Message(message, **params)
        return CommandUsageError(message, self.ctx)

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
        from lostcli import render  # Rich: schema, calendar and init show no view

        shown = view()
        if export is not None:  # before show, which fits the view to the terminal's encoding
            title = f"lostcli {self.command}".strip()
            picture = render.picture(shown, export, title)
            if export == "-":  # the picture alone on stdout, as `calendar -o -` writes
                self.env.write_utf8(picture)
                return
            self.save(export, picture)
        render.show(self.env, shown, self.color, self.pager)

    def writable(self, path: str, option: str) -> None:
        """A usage error for an output file that names a folder or nothing (`-` is stdout)."""
        if not path:  # the OS would call it a directory
            raise self.usage("{option}: the file name is empty", option=option)
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
                reason=reason or os_reason(e),
            ) from None

    def json(self, data: "msgspec.Struct | dict[str, Any]") -> None:
        from lostcli import jsonout

        self.env.write_utf8(jsonout.encode(data) + "\n")
