"""`countdown --live`: large digits, redrawn once a second on the second boundary.

The clock and the sleep are passed in, so tests drive the loop without waiting. SIGTERM, SIGHUP
(the terminal went away) and SIGQUIT end it as Ctrl-C does: through Live's clean-up, which shows
the cursor again, and with the status a shell reports for the signal.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from datetime import datetime

from rich.align import Align
from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.text import Text

from lostcli import timeline, views
from lostcli.film import Film
from lostcli.formatting import digits
from lostcli.i18n import translator
from lostcli.render import fit
from lostcli.zones import Zone

ENDING = (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
# Five rows a glyph; every row of a glyph has the same width.
FONT = {
    "0": ["███", "█ █", "█ █", "█ █", "███"],
    "1": [" █ ", "██ ", " █ ", " █ ", "███"],
    "2": ["███", "  █", "███", "█  ", "███"],
    "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"],
    "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"],
    "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"],
    "9": ["███", "█ █", "███", "  █", "███"],
    "d": ["  █", "  █", "███", "█ █", "███"],
    ":": [" ", "█", " ", "█", " "],
    " ": ["  "] * 5,
}


def big(text: str) -> str:
    return "\n".join(" ".join(FONT[c][row] for c in text) for row in range(5))


def frame(film: Film, cd: timeline.Countdown, width: int, lang: str = "en") -> RenderableType:
    """The big-digit view, or the ordinary countdown where the digits would not fit."""
    art = big(digits(cd.seconds))
    if max(len(line) for line in art.splitlines()) > width:
        return views.countdown(film, cd, lang)
    _ = translator(lang)
    caption = _("until the release") if cd.status == "upcoming" else _("since the release")
    return Group(
        Align.center(views.title(film)),
        Text(""),
        Align.center(Text(art, style=views.ACCENT)),
        Text(""),
        Align.center(Text(caption, style=views.DIM)),
        Align.center(views.status_line(film, cd, lang)),
    )


def run(
    console: Console,
    film: Film,
    zone: Zone,
    now: Callable[[], datetime],
    sleep: Callable[[float], None],
    frames: int | None = None,
    lang: str = "en",
) -> None:
    """Redraw until interrupted (or for `frames` frames)."""

    def end(signum: int, _: object) -> None:
        raise SystemExit(128 + signum)

    saved = {s: signal.signal(s, end) for s in ENDING}
    try:
        with Live(console=console, auto_refresh=False, transient=False) as live:
            shown = 0
            while frames is None or shown < frames:
                moment = now()
                cd = timeline.countdown(film.release, moment, zone)
                live.update(
                    fit(frame(film, cd, console.width, lang), console.encoding), refresh=True
                )
                shown += 1
                sleep(1 - moment.microsecond / 1_000_000)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
