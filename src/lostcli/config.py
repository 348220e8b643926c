"""The config file, `$XDG_CONFIG_HOME/lostcli/config.toml` (else `~/.config/lostcli/config.toml`),
its schema and its errors (pure: no typer, no rich). Which setting wins over which is
settings.py's to decide; a `lang` is checked there, against the languages there are.
"""

# No `from __future__ import annotations` here: msgspec would compile and evaluate every field's
# annotation string when a run first decodes the cached config file, most of that decoding's time.

from typing import Literal

import msgspec

from lostcli.context import Environment
from lostcli.errors import Message, os_reason
from lostcli.files import read_regular
from lostcli.records import (
    Problem,
    RecordError,
    checked,
    read_toml,
    text_of,
    through_cache,
    unreadable,
)
from lostcli.settings import PLACEHOLDERS
from lostcli.text import printable, template_problem

MAX_BYTES = 64 * 1024
Color = Literal["auto", "always", "never"]


class _Table(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    pass


class PromptConfig(_Table, frozen=True, forbid_unknown_fields=True):
    format: str | None = None
    ascii: bool | None = None
    title: str | None = None


class Config(_Table, frozen=True, forbid_unknown_fields=True):
    tz: str | None = None
    lang: str | None = None
    color: Color | None = None
    prompt: PromptConfig = PromptConfig()

    def values(self) -> dict[str, str | bool | None]:
        """The values by key, as settings.Settings.build takes them."""
        return {"tz": self.tz, "lang": self.lang, "color": self.color,
                "prompt.format": self.prompt.format, "prompt.ascii": self.prompt.ascii,
                "prompt.title": self.prompt.title}  # fmt: skip


class ConfigError(RecordError):
    """A config file that cannot be used: one line naming the file and the key."""


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
    except (OSError, ValueError) as e:
        raise ConfigError(where, [unreadable(e)]) from None
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
        reason = os_reason(e)
        return Message("{file} (cannot read it: {reason})", file=printable(where), reason=reason)
    return None


def parse(raw: bytes, where: str) -> Config:
    data = read_toml(text_of(raw, where, MAX_BYTES, ConfigError), where, ConfigError)
    found, problems = checked(data, Config)
    if found is None:
        raise ConfigError(where, problems)
    return found
