"""`lostcli prompt`: one short segment for a shell prompt, at prompt speed.

Standard library only, and only its cheapest parts: no typer, rich, dateutil, pathlib, json or
importlib.resources on the usual path. The release instant and short title come from a one-line
cache entry per record file, keyed by its path and state (context.record_key); the record is
parsed and validated again only when it changes (or when no cache can be written).
"""

from __future__ import annotations

import os

from lostcli.context import cache_entry, cached, store  # already loaded by entry.py
from lostcli.errors import ExitStatus, LostcliError
from lostcli.formatting import relative

TYPE_CHECKING = False  # importing typing for this would cost a tenth of the command's time
if TYPE_CHECKING:
    from lostcli.context import Environment
    from lostcli.film import Film

ICON, ASCII_ICON = "✦", "*"
FORMAT = "{icon} {rel}"
PLACEHOLDERS = ("icon", "title", "rel", "days", "status")
USAGE = "usage: lostcli prompt [--format FMT] [--ascii] [--color] [--tz ZONE] [--now WHEN]"
HELP = f"""{USAGE}

Print one short segment for a shell prompt, e.g. `✦ 3d 04h` before the release and
`✦ 544d ago` after it.

  --format FMT  placeholders {{icon}} {{title}} {{rel}} {{days}} {{status}}; default '{FORMAT}'
  --ascii       use '*' instead of '✦'
  --color       colour the segment (off by default)
  --tz ZONE     zone for a --now without offset
  --now WHEN    evaluate at another instant (as for countdown)
  --film PATH   another record (also LOSTCLI_FILM)
"""
# The bundled record, found beside this module; film.bundled_path() names the same file through
# importlib.resources, which would cost more than all of this command's other work.
MAX_ENTRY = 1024  # a title is one line
BUNDLED = os.path.join(os.path.dirname(__file__), "data", "film.toml")


def segment(fmt: str, release: int, now: int, title: str, icon: str) -> str:
    rel, days, status = relative(release - now)
    values = {"icon": icon, "title": title, "rel": rel, "days": str(days), "status": status}
    for name in PLACEHOLDERS:
        fmt = fmt.replace("{" + name + "}", values[name])
    return fmt


def facts(path: str, cache_dir: str | None) -> tuple[int, str]:
    """(release as Unix seconds, short title) of a record, through the cache."""
    entry = cache_entry(cache_dir, "prompt", path)
    if entry is not None and (stored := cached(entry, MAX_ENTRY)) is not None:
        found = _entry(stored)
        if found is not None:
            return found
    loaded = _load(path)  # a path with no cache entry: the loader says what is wrong
    if entry is not None:
        store(entry[0], entry[1] + f"{loaded[0]}\t{loaded[1]}".encode())
    return loaded


def _entry(stored: bytes) -> tuple[int, str] | None:
    """A cache entry's payload, only if it is what this module writes: what a prompt shows on
    every redraw must not come from a file that someone else changed."""
    try:
        release, title = stored.decode("utf-8").split("\t")
    except (UnicodeDecodeError, ValueError):
        return None
    digits = release.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) < 15 and title.isprintable()):
        return None
    return int(release), title


def of_record(record: Film) -> tuple[int, str]:
    """What the prompt and the shell snippets need: release as Unix seconds, title on one line."""
    return int(record.release.instant.timestamp()), " ".join(record.title.short.split())


def _load(path: str) -> tuple[int, str]:
    from pathlib import Path

    from lostcli import film

    return of_record(film.load(Path(path)))


def _options(argv: list[str]) -> dict[str, str | bool]:
    opts: dict[str, str | bool] = {}
    args = iter(argv)
    for arg in args:
        name, eq, value = arg.partition("=")
        if name in ("--ascii", "--color") and not eq:
            opts[name] = True
        elif name in ("--format", "--tz", "--now", "--film"):
            given = value if eq else next(args, None)
            if given is None:
                raise _Usage(f"{name} needs a value")
            opts[name] = given
        else:
            raise _Usage(f"no such option: {arg}")
    return opts


class _Usage(Exception):
    pass


def main(argv: list[str], env: Environment, film_path: str | None = None) -> int:
    if any(a in ("-h", "--help") for a in argv):
        env.write(HELP)
        return 0
    try:
        opts = _options(argv)
    except _Usage as e:
        env.error(f"error: {e}", USAGE)
        return ExitStatus.USAGE
    path = str(opts.get("--film") or film_path or env.environ.get("LOSTCLI_FILM") or BUNDLED)

    try:
        release, title = facts(path, env.cache_dir)
        now = _now(opts, env)
    except LostcliError as e:
        env.error(f"error: {e}")
        return e.status
    icon = ASCII_ICON if opts.get("--ascii") else ICON
    text = segment(str(opts.get("--format", FORMAT)), release, now, title, icon)
    if opts.get("--color"):
        text = f"\x1b[35m{text}\x1b[0m"
    env.write(text + "\n")
    return 0


def _now(opts: dict[str, str | bool], env: Environment) -> int:
    """The instant as whole Unix seconds, rounded down as countdown rounds it (also before 1970)."""
    current = env.clock()
    if "--now" not in opts and "--tz" not in opts:
        return int(current // 1)
    from datetime import UTC, datetime

    from lostcli import clock, zones

    zone, _ = zones.resolve(_str(opts.get("--tz")), env.environ)  # no warnings in a prompt
    when = opts.get("--now")
    if not isinstance(when, str):
        return int(current // 1)
    instant = clock.parse(when, zone, datetime.fromtimestamp(current, UTC))
    return int(instant.timestamp() // 1)


def _str(value: str | bool | None) -> str | None:
    return value if isinstance(value, str) else None
