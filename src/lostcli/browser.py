"""Opening a link in a web browser as a terminal tool should (pure; standard library only).

A BROWSER the user set is honoured as written: a list of commands separated by `:`, in which
`%s` stands for the link (else the link is added at the end); the first one found runs in the
foreground, as git's web--browse runs it. Otherwise only a graphical opener is started, in the
background: `open` on macOS, `xdg-open` or `gio open` where there is a display. Never a text-mode
browser (lynx, w3m, links, elinks, www-browser) unasked: it would take over the terminal. Where
nothing can be opened, NoBrowser says why, at once, and the caller shows the link instead.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping

from lostcli.errors import LostcliError
from lostcli.text import quoted

OPENERS = (("xdg-open",), ("gio", "open"))


class NoBrowser(LostcliError):
    """Why no browser can be started here."""


def opener(
    url: str,
    environ: Mapping[str, str],
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
) -> tuple[list[str], bool]:
    """The command that opens `url`, and whether to wait for it (a BROWSER of the user's)."""
    if chosen := environ.get("BROWSER", "").strip():
        for entry in chosen.split(os.pathsep):
            args = shlex.split(entry) if entry.strip() else []
            if args and which(args[0]):
                with_url = [a.replace("%s", url) for a in args]
                return (with_url if with_url != args else [*args, url]), True
        raise NoBrowser("no command in BROWSER={value} could be found", value=quoted(chosen))
    if platform == "darwin":
        return ["open", url], False
    if platform == "win32":
        raise NoBrowser("set BROWSER to the browser to use")
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        raise NoBrowser(
            "there is no graphical display here (DISPLAY and WAYLAND_DISPLAY are unset)"
        )
    for command in OPENERS:
        if which(command[0]):
            return [*command, url], False
    raise NoBrowser("neither xdg-open nor gio is installed")


def launch(args: list[str], wait: bool) -> bool:
    """Start the command; True if it started (and, when waited for, succeeded)."""
    try:
        if wait:  # the user's own browser: it may be a text-mode one that needs the terminal
            return subprocess.run(args, check=False).returncode == 0
        quiet = subprocess.DEVNULL
        subprocess.Popen(args, stdin=quiet, stdout=quiet, stderr=quiet, start_new_session=True)
        return True
    except OSError:
        return False
