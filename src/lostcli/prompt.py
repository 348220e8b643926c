"""`lostcli prompt`: one short segment for a shell prompt, at prompt speed.

Standard library only, and only its cheapest parts: no typer, rich, dateutil, pathlib, json or
importlib.resources on the usual path. What the segment needs of the record (release instant and
short title) and of the config file (the prompt's format and icon, the zone) comes from one small
cache entry per record file, keyed by the state of both files (files.record_key); they are read
and validated again only when one of them changes (or when no cache can be written).

`lostcli prompt --help` goes to the full CLI, whose `prompt` command declares the same options.
"""

from __future__ import annotations

import os

from lostcli.errors import ExitStatus, LostcliError, Message, UsageError
from lostcli.files import cache_entry, cached, store
from lostcli.formatting import COMPACT, relative
from lostcli.text import fill, printable, template_problem

TYPE_CHECKING = False  # importing typing for this would cost a tenth of the command's time
if TYPE_CHECKING:
    from lostcli.context import Environment
    from lostcli.film import Film

ICON, ASCII_ICON = "✦", "*"
FORMAT = "{icon} {rel}"
PLACEHOLDERS = ("icon", "title", "rel", "days", "status")
FLAGS = ("--ascii", "--color")
VALUED = ("--format", "--tz", "--now", "--film", "--lang")
LANGS = tuple(COMPACT)  # the languages the segment is written in
MAX_ENTRY = 1024  # a title and a format are one line each
# The bundled record, found beside this module; film.bundled_path() names the same file through
# importlib.resources, which would cost more than all of this command's other work.
BUNDLED = os.path.join(os.path.dirname(__file__), "data", "film.toml")

# What the cache keeps: release (Unix seconds), title, and the config's format, ascii, tz, lang.
Facts = tuple[int, str, "str | None", "bool | None", "str | None", "str | None"]


def segment(fmt: str, release: int, now: int, title: str, icon: str, lang: str = "en") -> str:
    """The segment of a format that was checked (`check_format`, config.load)."""
    rel, days, status = relative(release - now, lang)
    return fill(
        fmt, {"icon": icon, "title": title, "rel": rel, "days": str(days), "status": status}
    )


def check_format(fmt: str) -> None:
    """A usage error saying what is wrong with a `--format` of `prompt` or `init`, if anything."""
    if problem := template_problem(fmt, PLACEHOLDERS):
        raise UsageError(Message("{path}: {message}", path="--format", message=problem))


def facts(path: str, env: Environment) -> Facts:
    """What the segment needs of the record at `path` and of the config file, through the cache."""
    entry = cache_entry(env.cache_dir, "prompt", path, env.config_file)
    if entry is not None and (stored := cached(entry, MAX_ENTRY)) is not None:
        found = _decoded(stored)
        if found is not None:
            return found
    loaded = _load(path, env)  # a path with no cache entry: the loader says what is wrong
    encoded = _encoded(loaded)
    if entry is not None and encoded is not None:
        store(entry[0], entry[1] + encoded)
    return loaded


def _encoded(found: Facts) -> bytes | None:
    fields = [
        str(found[0]),
        found[1],
        found[2] or "",
        _flag(found[3]),
        found[4] or "",
        found[5] or "",
    ]
    if not all(f.isprintable() for f in fields):  # a tab or a newline would break the entry
        return None
    return "\t".join(fields).encode()


def _decoded(stored: bytes) -> Facts | None:
    """A cache entry's payload, only if it is what `_encoded` writes: what a prompt shows on
    every redraw must not come from a file that someone else changed."""
    try:
        release, title, fmt, ascii_icon, tz, lang = stored.decode("utf-8").split("\t")
    except (UnicodeDecodeError, ValueError):
        return None
    digits = release.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) < 15):
        return None
    if ascii_icon not in ("", "0", "1") or lang not in ("", *LANGS):
        return None
    if not all(f.isprintable() for f in (title, fmt, tz)) or template_problem(fmt, PLACEHOLDERS):
        return None
    flag = {"": None, "0": False, "1": True}[ascii_icon]
    return int(release), title, fmt or None, flag, tz or None, lang or None


def _flag(value: bool | None) -> str:
    return "" if value is None else str(int(value))


def of_record(record: Film) -> tuple[int, str]:
    """What the prompt and the shell snippets need: release as Unix seconds, title on one line."""
    return int(record.release.instant.timestamp()), printable(" ".join(record.title.short.split()))


def _load(path: str, env: Environment) -> Facts:
    from pathlib import Path

    from lostcli import config, film

    release, title = of_record(film.load(Path(path)))
    settings = config.load(env)
    prompt = settings.prompt
    return release, title, prompt.format, prompt.ascii, settings.tz, settings.lang


def options(argv: list[str]) -> dict[str, str | bool]:
    """The options of `lostcli prompt`, read without Typer: FLAGS and VALUED, as the full CLI's
    `prompt` command declares them (a test keeps the two the same), and their errors as Click
    words them: a wrong option first, then any argument (the command takes none)."""
    opts: dict[str, str | bool] = {}
    extra: list[str] = []
    args = iter(argv)
    for arg in args:
        name, eq, value = arg.partition("=")
        if arg == "--":
            extra += args
        elif arg == "-" or not arg.startswith("-"):
            extra.append(arg)
        elif name in FLAGS:
            if eq:
                raise _Usage(f"Option '{name}' does not take a value.")
            opts[name] = True
        elif name in VALUED:
            given = value if eq else next(args, None)
            if given is None:
                raise _Usage(f"Option '{name}' requires an argument.")
            if name == "--lang" and given not in LANGS:
                raise _Usage(f"Invalid value for '--lang': {given!r} is not one of 'en', 'ko'.")
            opts[name] = given
        else:
            raise _Usage(f"No such option: {name}")
    if extra:
        raise _Usage(f"Got unexpected extra argument(s) ({' '.join(extra)})")
    return opts


class _Usage(Exception):
    pass


def main(argv: list[str], env: Environment) -> int:
    """The fast path of `lostcli prompt ARGS`, from entry.py."""
    try:
        opts = options(argv)
    except _Usage as e:
        from lostcli.i18n import click_message

        return _usage(env, click_message(str(e), env.lang))
    return run(opts, env)


def _usage(env: Environment, message: str | LostcliError) -> int:
    """A usage error under the command's usage line, as the full CLI shows one."""
    from lostcli.i18n import translator, try_help

    lang = env.lang
    more = try_help("lostcli prompt", lang)
    env.error(message, f"{translator(lang)('Usage:')} lostcli prompt [OPTIONS]\n{more}")
    return ExitStatus.USAGE


def run(opts: dict[str, str | bool], env: Environment, film_path: str | None = None) -> int:
    path = str(opts.get("--film") or film_path or env.environ.get("LOSTCLI_FILM") or BUNDLED)
    # --lang here, or before `prompt` in the full CLI, which has set it already
    env.lang_option = _str(opts.get("--lang")) or env.lang_option
    given = _str(opts.get("--format"))
    try:
        if given:
            check_format(given)
        release, title, fmt, ascii_icon, tz, lang = facts(path, env)
        env.lang_config = lang
        now = _now(opts, env, tz)
    except UsageError as e:
        return _usage(env, e)
    except LostcliError as e:
        env.error(e)
        return e.status
    icon = ASCII_ICON if opts.get("--ascii") or ascii_icon else ICON
    text = segment(given or fmt or FORMAT, release, now, title, icon, env.lang)
    if opts.get("--color"):
        text = f"\x1b[35m{text}\x1b[0m"
    env.write(text + "\n")
    return 0


def _now(opts: dict[str, str | bool], env: Environment, configured_tz: str | None) -> int:
    """The instant as whole Unix seconds, rounded down as countdown rounds it (also before 1970)."""
    current = env.clock()
    if "--now" not in opts and "--tz" not in opts:
        return int(current // 1)
    from datetime import UTC, datetime

    from lostcli import clock, zones

    zone, _ = zones.resolve(_str(opts.get("--tz")), env.environ, configured_tz)  # no warnings
    when = opts.get("--now")
    if not isinstance(when, str):
        return int(current // 1)
    instant = clock.parse(when, zone, datetime.fromtimestamp(current, UTC))
    return int(instant.timestamp() // 1)


def _str(value: str | bool | None) -> str | None:
    return value if isinstance(value, str) else None
