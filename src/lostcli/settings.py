"""Settings: every setting of a run, decided once and in this one place, each with where it
comes from, as users of git and ripgrep expect: the command-line option, then the environment
variable, then the config file, then the system (TZ and /etc/localtime, the locale, the terminal),
then the default. A value that is given but cannot be used is passed over with a warning that
says why and what is used instead; an option's bad value is a usage error.

The config file arrives already read (config.Config.values, or the prompt's cache entry), as its
values by key, and a zone is resolved only when a command asks for one: the prompt path builds
Settings on every redraw, so this module is standard library only, without `typing`, `re` or
`pathlib`, and reaches neither the zones' tables nor a catalog until it must.
"""

import os

from lostcli.locales import codes, find
from lostcli.text import printable, quoted

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from lostcli.context import Environment
    from lostcli.errors import LostcliError, Message, OptionError
    from lostcli.zones import Zone

    Value = str | bool | None

# The prompt segment's default format and the placeholders a format may use.
FORMAT = "{icon} {rel}"
PLACEHOLDERS = ("icon", "title", "rel", "days", "status")
COLORS = ("auto", "always", "never")
DEFAULT_LANG = "en"  # the language of the message ids
# The bundled record, found beside this package's modules (film.bundled_path() names the same
# file through pathlib, which the prompt path does not import).
BUNDLED = os.path.join(os.path.dirname(__file__), "data", "film.toml")  # noqa: PTH118, PTH120
# The options that set something, for every command (a command's own --tz, --format and --ascii
# are handed to `zone` and `segment`): each with whether it takes a value.
OPTIONS = {"--film": True, "--color": True, "--lang": True, "--no-pager": False}
# An option whose value may be left out, as `ls --color`: what it means alone, and the values
# that it takes from the next argument (`--color=WHEN` takes any, to refuse it).
ALONE = {"--color": ("always", COLORS)}
# The locale's variables, in the order POSIX reads them.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def _frozen(self: object, name: str, value: object) -> None:
    """The `__setattr__` of Setting and Settings, whose attributes are set once, by their
    constructor (`_set`). A function, not a base class: each class costs the prompt its time."""
    raise AttributeError(f"{type(self).__name__} is frozen: {name}")


def _set(frozen: object, **values: object) -> None:
    for name, value in values.items():
        object.__setattr__(frozen, name, value)


class Setting:
    """A value, where it comes from (`--color`, `$NO_COLOR`, `config` for the file, `system`,
    `default`), and the warning about a value that was passed over on the way to it."""

    __slots__ = ("key", "origin", "value", "warning")
    __setattr__ = _frozen
    key: str
    value: str | bool
    origin: str
    warning: "Message | None"

    def __init__(
        self, key: str, value: str | bool, origin: str, warning: "Message | None" = None
    ) -> None:
        _set(self, key=key, value=value, origin=origin, warning=warning)

    def __repr__(self) -> str:
        return f"Setting({self.key!r}, {self.value!r}, {self.origin!r}, {self.warning!r})"


class Settings:
    """Every setting of the run. `build` decides them; nothing changes them afterwards."""

    __slots__ = ("_zone", "_zone_given", "color", "file", "file_error", "film", "lang", "pager",
                 "prompt_ascii", "prompt_format", "prompt_title")  # fmt: skip
    __setattr__ = _frozen
    film: Setting  # the record file
    lang: Setting  # a language code (locales.codes)
    color: Setting  # auto, always or never
    pager: Setting  # the pager's command, or False for none
    prompt_format: Setting
    prompt_ascii: Setting
    prompt_title: Setting  # "" by default: the record's short title in the run's language
    file: str | None  # the config file's path (None: no HOME to find it in)
    file_error: "LostcliError | None"  # why the config file was not used
    _zone_given: tuple[str | None, str]  # the zone as given and where; (None, system): none
    _zone: "list[tuple[Zone, Setting]]"  # resolved when first asked for

    @classmethod
    def build(
        cls,
        env: "Environment",
        options: "Mapping[str, Value] | None" = None,
        configured: "Mapping[str, Value] | None" = None,
        file_error: "LostcliError | None" = None,
    ) -> "Settings":
        """The settings from the command line's `options` (by option name: OPTIONS), the
        environment's variables, the config file's values (by key: config.Config.values) and the
        defaults.
        A bad option value raises OptionError."""
        given = options or {}
        config = configured or {}
        environ = env.environ
        self = cls.__new__(cls)
        _set(
            self,
            film=record(_str(given.get("--film")), environ),
            lang=_lang(_str(given.get("--lang")), environ, _str(config.get("lang"))),
            color=_color(_str(given.get("--color")), environ, _str(config.get("color"))),
            pager=_pager(bool(given.get("--no-pager")), environ),
            prompt_format=_configured("prompt.format", config, FORMAT),
            prompt_ascii=_configured("prompt.ascii", config, False),
            prompt_title=_configured("prompt.title", config, ""),
            file=env.config_file,
            file_error=file_error,
            _zone_given=_zone_given(environ, _str(config.get("tz"))),
            _zone=[],
        )
        return self

    @property
    def warnings(self) -> "list[Message]":
        """The warnings about the settings every command uses (a zone's come with the zone)."""
        return [s.warning for s in (self.film, self.lang, self.color, self.pager) if s.warning]

    def zone(self, option: str | None = None) -> "tuple[Zone, Message | None]":
        """The zone: the command's --tz (a usage error if it is no zone), then LOSTCLI_TZ, then
        the config file's tz, then TZ (as the C library reads it), then the system's; a value
        other than the option's that is no zone is passed over for UTC, with a warning. The
        warning, if any, comes with the zone (a legacy zone's note too)."""
        from lostcli import zones

        if option is not None:
            zone = zones.parse(option)
            return zone, zones.note(zone)
        if not self._zone:
            self._zone.append(_resolved(*self._zone_given))
        zone, setting = self._zone[0]
        return zone, setting.warning

    def segment(self, fmt: str | None, ascii_icon: bool) -> tuple[str, bool]:
        """The prompt segment's format and whether its icon is ASCII: the command's --format and
        --ascii, then the config file's, then the defaults."""
        return fmt or str(self.prompt_format.value), ascii_icon or self.prompt_ascii.value is True

    def title(self, titles: "Mapping[str, str]") -> str:
        """The prompt's {title}, on one line: the config file's prompt.title, else the record's
        short title (`titles`, by language code) in the run's language, else in English."""
        if self.prompt_title.value:
            return one_line(str(self.prompt_title.value))
        return titles.get(str(self.lang.value)) or titles[DEFAULT_LANG]

    def rows(self) -> list[Setting]:
        """Every setting in effect, for `lostcli config`: the zone resolved as a command would."""
        self.zone()
        # the default title is the record's, which `config` does not read: shown only when set
        title = [self.prompt_title] if self.prompt_title.value else []
        return [self._zone[0][1], self.lang, self.color, self.pager, self.film, self.prompt_format,
                self.prompt_ascii, *title]  # fmt: skip


def _str(value: "Value") -> str | None:
    return value if isinstance(value, str) else None


def one_line(text: str) -> str:
    """A title as a prompt shows it: on one line, with no control characters."""
    return printable(" ".join(text.split()))


def language(env: "Environment", options: "Mapping[str, Value] | None" = None) -> str:
    """The language of a message shown before the settings are built (the config file is not
    read yet): the options' and the environment's, a bad --lang passed over."""
    from lostcli.errors import OptionError  # shown only when something failed

    option = _str((options or {}).get("--lang"))
    try:
        return str(_lang(option, env.environ, None).value)
    except OptionError:
        return str(_lang(None, env.environ, None).value)


def record(option: str | None, environ: "Mapping[str, str]") -> Setting:
    """The record file: --film, then LOSTCLI_FILM, then the bundled one."""
    if option:
        return Setting("film", option, "--film")
    if environ.get("LOSTCLI_FILM"):
        return Setting("film", environ["LOSTCLI_FILM"], "$LOSTCLI_FILM")
    return Setting("film", BUNDLED, "default")


def _lang(option: str | None, environ: "Mapping[str, str]", configured: str | None) -> Setting:
    """--lang (one of the codes), then LOSTCLI_LANG and the config file's lang (a code or a
    locale name such as ko_KR.UTF-8), then the first locale variable that is set; English for
    a locale of a language lostcli does not speak."""
    if option is not None:
        if option not in codes():
            raise _not_one_of("--lang", option, codes())
        return Setting("lang", option, "--lang")
    passed: list[tuple[str, str]] = []
    for value, origin in ((environ.get("LOSTCLI_LANG"), "$LOSTCLI_LANG"), (configured, "config")):
        if value:
            code = find(value)
            if code is not None:
                return Setting("lang", code, origin, _passed_over(passed, code))
            passed.append((origin, value))
    for var in LOCALE_VARIABLES:
        value = environ.get(var)
        if value:
            code = find(value) or DEFAULT_LANG
            return Setting("lang", code, f"${var}", _passed_over(passed, code))
    return Setting("lang", DEFAULT_LANG, "default", _passed_over(passed, DEFAULT_LANG))


def _passed_over(passed: list[tuple[str, str]], used: str) -> "Message | None":
    """The warning about the first language setting passed over, naming the one used."""
    if not passed:
        return None
    from lostcli.errors import Message, alternatives  # errors.py only when there is a warning

    origin, value = passed[0]
    reason = Message("lostcli speaks {languages}", languages=alternatives(codes(), "and"))
    if origin == "config":
        return Message(
            "ignoring the config file's lang={value}: {reason}; using {lang}",
            value=quoted(value),
            reason=reason,
            lang=used,
        )
    return Message(
        "ignoring LOSTCLI_LANG={value}: {reason}; using {lang}",
        value=quoted(value),
        reason=reason,
        lang=used,
    )


def _color(option: str | None, environ: "Mapping[str, str]", configured: str | None) -> Setting:
    """--color, then NO_COLOR (no-color.org), then FORCE_COLOR, then the config file's color
    (which the file's schema checks), then auto."""
    if option is not None and option not in COLORS:
        raise _not_one_of("--color", option, COLORS)
    for value, origin in (
        (option, "--color"),
        ("never" if environ.get("NO_COLOR") else None, "$NO_COLOR"),
        ("always" if environ.get("FORCE_COLOR") else None, "$FORCE_COLOR"),
        (configured, "config"),
    ):
        if value:
            return Setting("color", value, origin)
    return Setting("color", "auto", "default")


def _pager(off: bool, environ: "Mapping[str, str]") -> Setting:
    """The pager's command as git chooses one: LOSTCLI_PAGER, then PAGER, then less; none with
    --no-pager, or when the command is empty or `cat`."""
    if off:
        return Setting("pager", False, "--no-pager")
    for var in ("LOSTCLI_PAGER", "PAGER"):
        if var in environ:
            command = environ[var]
            return Setting("pager", command.strip() not in ("", "cat") and command, f"${var}")
    return Setting("pager", "less", "default")


def _configured(key: str, config: "Mapping[str, Value]", default: str | bool) -> Setting:
    value = config.get(key)
    return Setting(key, value, "config") if value is not None else Setting(key, default, "default")


def _zone_given(environ: "Mapping[str, str]", configured: str | None) -> tuple[str | None, str]:
    """The zone setting that applies and where it comes from: LOSTCLI_TZ, then the config
    file's tz, then TZ (set but empty is UTC, as the C library reads it)."""
    for value, origin in (
        (environ.get("LOSTCLI_TZ") or None, "$LOSTCLI_TZ"),
        (configured, "config"),
        (environ.get("TZ"), "$TZ"),
    ):
        if value is not None:
            return value, origin
    return None, "system"


def _resolved(value: str | None, origin: str) -> "tuple[Zone, Setting]":
    """The zone of the setting that applies, as a Setting of its name: a value that is no zone
    is passed over for UTC, the default, with a warning."""
    from lostcli import zones
    from lostcli.errors import Message, UsageError

    if value is None:
        zone = zones.system_zone()
        return zone, Setting("tz", zone.name, origin)
    try:
        zone = zones.from_tz_variable(value) if origin == "$TZ" else zones.parse(value)
    except UsageError as e:
        shown, reason = quoted(value), e.message
        if origin == "$TZ":
            warning = Message(
                "ignoring TZ={value}: {reason}; using UTC", value=shown, reason=reason
            )
        elif origin == "$LOSTCLI_TZ":
            warning = Message(
                "ignoring LOSTCLI_TZ={value}: {reason}; using UTC", value=shown, reason=reason
            )
        else:
            warning = Message(
                "ignoring the config file's tz={value}: {reason}; using UTC",
                value=shown,
                reason=reason,
            )
        return zones.UTC, Setting("tz", zones.UTC.name, "default", warning)
    note = zones.note(zone, tz_variable=origin == "$TZ")
    return zone, Setting("tz", zone.name, origin, note)


def _not_one_of(option: str, value: str, choices: tuple[str, ...]) -> "OptionError":
    """An option's value that is not one of its choices, as Click words it."""
    from lostcli.errors import Message, OptionError

    message = Message(
        "Invalid value for {name}: {reason}",
        name=quoted(option),
        reason=Message(
            "{value} is not one of {choices}.",
            value=quoted(value),
            choices=", ".join(map(quoted, choices)),
        ),
    )
    return OptionError(message, option)
