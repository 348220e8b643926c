"""The config file, `$XDG_CONFIG_HOME/lostcli/config.toml` (else `~/.config/lostcli/config.toml`),
and where each setting comes from (pure: no typer, no rich).

Precedence, as users of git and ripgrep expect: the command-line option, then the environment
variable, then the config file, then the system (TZ and /etc/localtime, the locale, the terminal).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import msgspec

from lostcli.context import Environment
from lostcli.errors import Message
from lostcli.files import NotRegularFile, read_regular
from lostcli.film import FilmError, Problem, problems_of, read_toml, through_cache, too_large
from lostcli.prompt import PLACEHOLDERS
from lostcli.text import printable, template_problem

MAX_BYTES = 64 * 1024
Color = Literal["auto", "always", "never"]
Lang = Literal["en", "ko"]


class _Table(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    pass


class PromptConfig(_Table, frozen=True, forbid_unknown_fields=True):
    format: str | None = None
    ascii: bool | None = None


class Config(_Table, frozen=True, forbid_unknown_fields=True):
    tz: str | None = None
    lang: Lang | None = None
    color: Color | None = None
    prompt: PromptConfig = PromptConfig()


class ConfigError(FilmError):
    """A config file that cannot be used: one line naming the file and the key (the message of
    a record's problems, whose schema wording the config shares)."""


class Setting(NamedTuple):
    key: str
    value: str | bool
    origin: str  # `--color`, `$LOSTCLI_TZ`, `config` (the file), `system` or `default`


def load(env: Environment) -> Config:
    """The config file's settings; all unset when there is no file. A file that passed is kept
    in the cache in msgspec's binary form, as the record is: parsing TOML on every command
    would cost a tenth of its start-up."""
    where = env.config_file
    if where is None:
        return Config()
    found = through_cache(env.cache_dir, "config", where, Config, MAX_BYTES, lambda: _read(where))
    # Checked here, after the cache, so that a cache entry is checked each time it is read
    fmt = found.prompt.format
    if fmt is not None and (problem := template_problem(fmt, PLACEHOLDERS)):
        raise ConfigError(where, [Problem("prompt.format", problem)])
    return found


def _read(where: str) -> Config:
    try:
        raw = read_regular(where, MAX_BYTES)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        # No file; or, under `sudo -u`, another user's home that this one may not read.
        return Config()
    except NotRegularFile:
        raise ConfigError(where, [Problem("", "not a regular file")]) from None
    except OSError as e:
        reason = Message("cannot read: {reason}", reason=e.strerror or str(e))
        raise ConfigError(where, [Problem("", reason)]) from None
    return parse(raw, where)


def unread(where: str) -> Message | None:
    """Why `lostcli config` shows nothing from the file at `where` (which `load` takes as no
    file): there is none yet, or it may not be read (a folder this user may not search); None
    when it is there to read."""
    try:
        read_regular(where, 0)
    except (FileNotFoundError, NotADirectoryError):
        return Message("{file} (there is none yet)", file=printable(where))
    except OSError as e:
        reason = e.strerror or str(e)
        return Message("{file} (cannot read it: {reason})", file=printable(where), reason=reason)
    return None


def parse(raw: bytes, where: str) -> Config:
    if len(raw) > MAX_BYTES:
        raise ConfigError(where, [too_large(MAX_BYTES)])
    try:
        data = read_toml(raw.decode("utf-8"), where)
    except UnicodeDecodeError:
        raise ConfigError(where, [Problem("", "not UTF-8 text")]) from None
    except FilmError as e:
        raise ConfigError(where, e.problems) from None
    problems = problems_of(data, Config)
    if problems:
        raise ConfigError(where, problems)
    return msgspec.convert(data, Config)


def settings(env: Environment, config: Config) -> list[Setting]:
    """Every setting in effect and where it comes from, for `lostcli config`: each from the
    same function that the commands ask."""
    from lostcli import prompt, zones

    tz, tz_origin = zones.source(None, env.environ, config.tz)
    color, color_origin = env.color_source()
    lang, lang_origin = env.lang_source()

    def configured(value: str | bool | None, default: str | bool) -> tuple[str | bool, str]:
        return (value, "config") if value is not None else (default, "default")

    return [
        Setting("tz", tz if tz is not None else zones.system_zone().name, tz_origin),
        Setting("lang", lang, lang_origin),
        Setting("color", color, color_origin),
        Setting("prompt.format", *configured(config.prompt.format, prompt.FORMAT)),
        Setting("prompt.ascii", *configured(config.prompt.ascii, False)),
    ]
