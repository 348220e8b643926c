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
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.text import Text

from lostcli import timeline, views
from lostcli.film import Film
from lostcli.formatting import digits
from lostcli.i18n import translator
from lostcli.render import fit
from lostcli.text import encodable
from lostcli.zones import Zone

ENDING = (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
# xterm's window-title stack (XTWINOPS 22 and 23), which VTE, kitty, iTerm2 and tmux also keep
PUSH_TITLE, POP_TITLE = "\x1b[22;0t", "\x1b[23;0t"
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


def big(text: str, scale: int = 1) -> str:
    """The text in the block font, each of its cells `scale` columns wide and rows high."""
    rows = [" ".join(FONT[c][row] for c in text) for row in range(5)]
    return "\n".join("".join(cell * scale for cell in row) for row in rows for _ in range(scale))


def _lines(text: Text, width: int) -> int:
    return max(1, -(-cell_len(text.plain) // width))


def frame(
    film: Film, cd: timeline.Countdown, width: int, height: int, lang: str = "en"
) -> RenderableType:
    """The largest digits that fit the terminal, as termdown scales its fonts, with as much
    around them as the height leaves room for: the title and the caption, then the status
    alone, then nothing; a terminal too small for the smallest digits gets one line of text."""
    _ = translator(lang)
    count = digits(cd.seconds)
    caption = Text(
        _("until the release") if cd.status == "upcoming" else _("since the release"),
        style=views.DIM,
    )
    status, title = views.status_line(film, cd, lang), views.title(film)
    widest = max(len(row) for row in big(count).splitlines())
    for scale in range(min(width // widest, height // 5), 0, -1):
        art = Align.center(Text(big(count, scale), style=views.ACCENT))
        room = height - 5 * scale
        full = _lines(title, width) + _lines(caption, width) + _lines(status, width) + 2
        if full <= room:
            return Group(
                Align.center(title), Text(""), art, Text(""),
                Align.center(caption), Align.center(status),
            )  # fmt: skip
        if _lines(status, width) <= room:
            return Group(art, Align.center(status))
        return art
    return Text.assemble((count, views.ACCENT), " ", caption)


def title_text(film: Film, cd: timeline.Countdown) -> str:
    """The terminal's title while the countdown runs."""
    return f"{digits(cd.seconds)} - {film.title.english}"


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
    titled = console.is_terminal
    if titled:  # keep the terminal's own title on xterm's title stack, to give it back at the end
        console.file.write(PUSH_TITLE)
    try:
        with Live(console=console, auto_refresh=False, transient=False) as live:
            shown = 0
            while frames is None or shown < frames:
                moment = now()
                cd = timeline.countdown(film.release, moment, zone)
                width, height = console.size
                view = frame(film, cd, width, height, lang)
                live.update(fit(view, console.encoding), refresh=True)
                if titled:
                    console.set_window_title(encodable(title_text(film, cd), console.encoding))
                shown += 1
                sleep(1 - moment.microsecond / 1_000_000)
    finally:
        if titled:
            console.file.write(POP_TITLE)
            console.file.flush()
        for number, handler in saved.items():
            signal.signal(number, handler)
