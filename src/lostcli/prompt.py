"""`lostcli prompt`: one short segment for a shell prompt, at prompt speed.

Standard library only, and only its cheapest parts: no typer, rich, dateutil, pathlib, json or
importlib.resources on the usual path, nor lostcli's errors.py and formatting.py (each module is
a tenth of a millisecond of a budget of three; errors.py is imported where something fails).
What the segment needs of the record (release instant and short titles) and of the config file
(its values, for the settings) comes from one small cache entry per record file, keyed by the
state of both files (files.record_key); they are read and validated again only when one of them
changes (or when no cache can be written).

The segment is coloured when the colour setting is `always` (--color always, FORCE_COLOR, the
config file's color): a prompt is drawn through a pipe, so `auto` leaves it plain, as does never.
Global options are taken here too (--no-pager, which changes nothing here, among them); the
prompt shows no warnings, which `lostcli config` lists. `lostcli prompt --help` and `--version`
go to the full CLI, whose `prompt` command declares the same options.
"""

from lostcli.files import cache_entry, cached, store
from lostcli.locales import codes, of
from lostcli.settings import (
    ALONE,
    COLORS,
    OPTIONS,
    PLACEHOLDERS,
    Settings,
    language,
    one_line,
    record,
)
from lostcli.text import fill, printable, quoted, template_problem

TYPE_CHECKING = False  # importing typing for this would cost a tenth of the command's time
if TYPE_CHECKING:
    from lostcli.context import Environment
    from lostcli.errors import UsageError
    from lostcli.film import Film
    from lostcli.settings import Value

    Options = dict[str, str | bool]
    Titles = dict[str, str]

ICON, ASCII_ICON = "✦", "*"
# The options of `lostcli prompt`, each with whether it takes a value: its own, and the global
# ones, which every command takes (a test keeps them the same as the full CLI's).
OWN = {"--format": True, "--ascii": False, "--tz": True, "--now": True}
ALL = {**OWN, **OPTIONS}
MAX_ENTRY = 2048  # the titles and a format are one line each
# The config file's values that the cache keeps, in its order.
KEYS = ("prompt.format", "prompt.ascii", "prompt.title", "tz", "lang", "color")


def segment(fmt: str, release: int, now: int, title: str, icon: str, lang: str = "en") -> str:
    """The segment of a format that was checked (`check_format`, config.load)."""
    rel, days, status = of(lang).relative(release - now)
    return fill(
        fmt, {"icon": icon, "title": title, "rel": rel, "days": str(days), "status": status}
    )


def check_format(fmt: str) -> None:
    """A usage error saying what is wrong with a `--format` of `prompt` or `init`, if anything."""
    if problem := template_problem(fmt, PLACEHOLDERS):
        raise usage("{path}: {message}", path="--format", message=problem)


def facts(path: str, env: "Environment") -> "tuple[int, Titles, dict[str, Value]]":
    """What the segment needs of the record at `path` (release as Unix seconds, short title by
    language code), and the config file's values, through the cache."""
    entry = cache_entry(env.cache_dir, "prompt", path, env.config_file)
    if entry is not None and (stored := cached(entry, MAX_ENTRY)) is not None:
        found = _decoded(stored)
        if found is not None:
            return found
    loaded = _load(path, env)  # a path with no cache entry: the loader says what is wrong
    encoded = _encoded(*loaded)
    if entry is not None and encoded is not None:
        store(entry[0], entry[1] + encoded)
    return loaded


def _encoded(release: int, titles: "Titles", configured: "dict[str, Value]") -> bytes | None:
    values = [configured.get(key) for key in KEYS]
    texts = ("" if v is None else str(int(v)) if isinstance(v, bool) else v for v in values)
    fields = [str(release), *(titles[code] for code in codes()), *texts]
    if not all(f.isprintable() for f in fields):  # a tab or a newline would break the entry
        return None
    return "\t".join(fields).encode()


def _decoded(stored: bytes) -> "tuple[int, Titles, dict[str, Value]] | None":
    """A cache entry's payload, only if it is what `_encoded` writes: what a prompt shows on
    every redraw must not come from a file that someone else changed."""
    try:
        release, *titles, fmt, ascii_icon, title, tz, lang, color = stored.decode().split("\t")
    except (UnicodeDecodeError, ValueError):
        return None
    if len(titles) != len(codes()):  # written by a version that spoke other languages
        return None
    digits = release.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) < 15):
        return None
    if ascii_icon not in ("", "0", "1") or color not in ("", *COLORS):
        return None
    texts = (*titles, fmt, title, tz, lang)
    if not all(f.isprintable() for f in texts) or template_problem(fmt, PLACEHOLDERS):
        return None
    flag = {"": None, "0": False, "1": True}[ascii_icon]
    values = (fmt or None, flag, title or None, tz or None, lang or None, color or None)
    by_code = dict(zip(codes(), titles, strict=True))
    return int(release), by_code, dict(zip(KEYS, values, strict=True))


def of_record(record: "Film") -> "tuple[int, Titles]":
    """What the prompt and the shell snippets need: release as Unix seconds, and the short title
    in each language (Settings.title chooses one)."""
    titles = {code: one_line(record.title.translated(code).short) for code in codes()}
    return int(record.release.instant.timestamp()), titles


def _load(path: str, env: "Environment") -> "tuple[int, Titles, dict[str, Value]]":
    from pathlib import Path

    from lostcli import config, film

    release, titles = of_record(film.load(Path(path)))
    return release, titles, config.load(env).values()


def options(argv: list[str]) -> "Options":
    """The options of `lostcli prompt`, read without Typer (ALL, with settings.ALONE as the full
    CLI reads it), and their errors as Click words them: a wrong option first, then any argument
    (the command takes none)."""
    opts: Options = {}
    extra: list[str] = []
    i = 0
    while i < len(argv):
        arg, i = argv[i], i + 1
        name, eq, value = arg.partition("=")
        if arg == "--":
            extra += argv[i:]
            break
        if arg == "-" or not arg.startswith("-"):
            extra.append(arg)
        elif name not in ALL:
            raise usage("No such option: {name}", name=printable(name))
        elif not ALL[name]:
            if eq:
                raise usage("Option {name} does not take a value.", name=quoted(name))
            opts[name] = True
        elif eq:
            opts[name] = value
        elif name in ALONE and (i >= len(argv) or argv[i] not in ALONE[name][1]):
            opts[name] = ALONE[name][0]
        elif i < len(argv):
            opts[name], i = argv[i], i + 1
        else:
            raise usage("Option {name} requires an argument.", name=quoted(name))
    if extra:
        raise usage("Got unexpected extra argument(s) ({args})", args=printable(" ".join(extra)))
    return opts


def usage(message: str, /, **params: object) -> "UsageError":
    """A usage error of the command: errors.py is imported only when something fails."""
    from lostcli.errors import UsageError

    return UsageError(message, **params)


def main(argv: list[str], env: "Environment") -> int:
    """The fast path of `lostcli prompt ARGS`, from entry.py."""
    opts: Options = {}
    try:
        opts = options(argv)
        path = str(record(_str(opts.get("--film")), env.environ).value)
        release, titles, configured = facts(path, env)
        settings = Settings.build(env, opts, configured)
    except Exception as e:  # a LostcliError, which `failed` imports (the rest it raises again)
        return failed(env, e, language(env, opts))
    return run(opts, env, settings, release, titles)


def run(
    opts: "Options", env: "Environment", settings: Settings, release: int, titles: "Titles"
) -> int:
    """The segment of the record's `release` and short `titles`, with the command's own
    options."""
    lang = str(settings.lang.value)
    given = _str(opts.get("--format"))
    try:
        if given:
            check_format(given)
        now = _now(opts, env, settings)
    except Exception as e:  # as in main
        return failed(env, e, lang)
    fmt, ascii_icon = settings.segment(given, opts.get("--ascii") is True)
    icon = ASCII_ICON if ascii_icon else ICON
    text = segment(fmt, release, now, settings.title(titles), icon, lang)
    if settings.color.value == "always":
        text = f"\x1b[35m{text}\x1b[0m"
    env.write(text + "\n")
    return 0  # ExitStatus.OK, whose module the prompt imports only when something fails


def failed(env: "Environment", error: Exception, lang: str) -> int:
    """A LostcliError on stderr, a usage error under the command's usage line as the full CLI
    shows one; any other error is raised again."""
    from lostcli.errors import LostcliError, UsageError

    if not isinstance(error, LostcliError):
        raise error
    if isinstance(error, UsageError):
        from lostcli.i18n import translator, try_help

        more = try_help("lostcli prompt", lang)
        env.error(error, lang, f"{translator(lang)('Usage:')} lostcli prompt [OPTIONS]\n{more}")
    else:
        env.error(error, lang)
    return error.status


def _now(opts: "Options", env: "Environment", settings: Settings) -> int:
    """The instant as whole Unix seconds, rounded down as countdown rounds it (also before 1970)."""
    current = env.clock()
    if "--now" not in opts and "--tz" not in opts:
        return int(current // 1)
    from datetime import UTC, datetime

    from lostcli import clock

    zone, _ = settings.zone(_str(opts.get("--tz")))  # a prompt shows no warnings
    when = opts.get("--now")
    if not isinstance(when, str):
        return int(current // 1)
    instant = clock.parse(when, zone, datetime.fromtimestamp(current, UTC))
    return int(instant.timestamp() // 1)


def _str(value: str | bool | None) -> str | None:
    return value if isinstance(value, str) else None
