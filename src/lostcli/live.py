"""`countdown --live`: large digits on the terminal's alternate screen, redrawn once a second
on the second boundary, and at once when the window changes size.

The terminal is always handed back: the cursor shown, the main screen with its scrollback as it
was, and the user's own title. Ctrl-C, SIGTERM, SIGHUP and SIGQUIT end the countdown with the
status a shell reports for the signal; a terminal that has gone away ends it with SIGHUP's. Ctrl-Z
hands the terminal back before the process stops, and `fg` takes it over again. The signals are
blocked and taken one at a time by the wait between frames, so none lands in the middle of one.
The clock and the wait are passed in, so tests drive the loop without waiting.
"""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from rich.align import Align
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.screen import Screen
from rich.text import Text

from lostcli import timeline, views
from lostcli.context import MAX_COLUMNS
from lostcli.errors import OutputError
from lostcli.film import Film
from lostcli.formatting import digits
from lostcli.i18n import translator
from lostcli.render import fit
from lostcli.text import encodable, printable
from lostcli.zones import Zone

ENDING = (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
# xterm's window-title stack (XTWINOPS 22 and 23), which VTE, kitty, iTerm2 and tmux also keep
PUSH_TITLE, POP_TITLE = "\x1b[22;0t", "\x1b[23;0t"
# The alternate screen (xterm's 1049, which saves the cursor and keeps the main screen and its
# scrollback untouched) with the cursor hidden; the cursor is shown before the title goes back.
TAKE = PUSH_TITLE + "\x1b[?1049h\x1b[?25l"
GIVE_BACK = "\x1b[?1049l\x1b[?25h" + POP_TITLE
HUNG_UP = 128 + signal.SIGHUP
# Five rows a glyph, drawn in full and half blocks; every row of a glyph has the same width.
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
    "일": ["█▀█ █", "█▄█ █", "▄▄▄▄█", "▄▄▄▄█", "█▄▄▄▄"],  # Korean's days (formatting.digits)
    ":": [" ", "█", " ", "█", " "],
    " ": ["  "] * 5,
}
# A cell as its upper and lower halves, and back
HALVES = {" ": (0, 0), "▄": (0, 1), "▀": (1, 0), "█": (1, 1)}
CELLS = {halves: cell for cell, halves in HALVES.items()}


def big(text: str, scale: int = 1) -> str:
    """The text in the block font, each of its cells `scale` columns wide and rows high: scaled
    half a row at a time, so that a half block stays half of what it stands in."""
    rows = [" ".join(FONT[c][row] for c in text) for row in range(5)]
    halves = [
        [HALVES[cell][half] for cell in row for _ in range(scale)]
        for row in rows
        for half in (0, 1)
        for _ in range(scale)
    ]
    pairs = zip(halves[::2], halves[1::2], strict=True)
    return "\n".join("".join(CELLS[cell] for cell in zip(*pair, strict=True)) for pair in pairs)


def _lines(text: Text, width: int) -> int:
    return max(1, -(-cell_len(text.plain) // width))


def frame(
    film: Film, cd: timeline.Countdown, width: int, height: int, lang: str = "en"
) -> RenderableType:
    """The largest digits that fit the terminal, as termdown scales its fonts, with as much
    around them as the height leaves room for: the title and the caption, then the status
    alone, then nothing; a terminal too small for the smallest digits gets one line of text."""
    _ = translator(lang)
    count = digits(cd.seconds, lang)
    caption = Text(
        _("until the release") if cd.status == "upcoming" else _("since the release"),
        style=views.DIM,
    )
    status, title = views.status_line(film, cd, lang), views.title(film, lang)
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


def title_text(film: Film, cd: timeline.Countdown, lang: str = "en") -> str:
    """The terminal's title while the countdown runs."""
    return f"{digits(cd.seconds, lang)} - {film.title.shown(lang)}"


class Terminal:
    """The terminal the countdown takes over and hands back, written to directly (never from a
    signal handler), each frame in one write."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.taken = False

    def write(self, text: str) -> None:
        try:
            self.console.file.write(text)
        except OutputError:  # EIO: the terminal has gone away (the stream writes nothing more)
            raise SystemExit(HUNG_UP) from None

    def take(self) -> None:
        if not self.taken:
            self.taken = True
            self.write(TAKE)

    def give_back(self) -> None:
        if self.taken:
            self.taken = False
            self.write(GIVE_BACK)

    def draw(self, view: RenderableType, title: str) -> None:
        """The view centred on a screen that every frame fills whole, then the title."""
        encoding = self.console.encoding
        centred = Align.center(fit(view, encoding), vertical="middle", height=self.console.height)
        with self.console.capture() as shot:
            self.console.print(Screen(centred), end="")
        title = printable(encodable(title, encoding))
        self.write(f"\x1b[H{shot.get()}\x1b]0;{title}\x07")

    def resized(self) -> None:
        """The terminal's new size, which from now on overrides COLUMNS and LINES."""
        try:
            columns, lines = os.get_terminal_size(self.console.file.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            return
        if columns and lines:
            self.console.size = (min(columns, MAX_COLUMNS), lines)


@contextmanager
def held(signals: set[signal.Signals]) -> Iterator[set[signal.Signals]]:
    """Those of the signals that are not ignored (nohup's SIGHUP, SIGINT in a background job stay
    ignored), blocked until `pause` takes them; any still pending at the end are dropped."""
    watched = {s for s in signals if signal.getsignal(s) != signal.SIG_IGN}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, watched)
    try:
        yield watched
    finally:
        while signal.sigtimedwait(watched, 0) is not None:
            pass
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def pause(watched: set[signal.Signals], seconds: float) -> int | None:
    """Wait `seconds`, or until one of the blocked signals comes: then its number."""
    got = signal.sigtimedwait(watched, seconds)
    return None if got is None else got.si_signo


def suspend() -> None:
    """Stop as Ctrl-Z asks, by the signal's own default action, until the process is continued."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTSTP})
    try:
        os.kill(os.getpid(), signal.SIGTSTP)
    finally:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTSTP})


def run(
    console: Console,
    film: Film,
    zone: Zone,
    now: Callable[[], datetime],
    wait: Callable[[set[signal.Signals], float], int | None] = pause,
    frames: int | None = None,
    lang: str = "en",
) -> None:
    """Redraw until a signal ends it (or for `frames` frames)."""
    signals = {*ENDING, signal.SIGINT, signal.SIGTSTP, signal.SIGCONT, signal.SIGWINCH}
    with held(signals) as watched:
        terminal = Terminal(console)
        try:
            shown = 0
            while frames is None or shown < frames:
                terminal.take()
                moment = now()
                cd = timeline.countdown(film.release, moment, zone)
                terminal.draw(frame(film, cd, *console.size, lang), title_text(film, cd, lang))
                shown += 1
                woken = wait(watched, 1 - moment.microsecond / 1_000_000)
                if woken in ENDING:
                    raise SystemExit(128 + woken)
                if woken == signal.SIGINT:
                    raise KeyboardInterrupt
                if woken == signal.SIGTSTP:
                    terminal.give_back()
                    suspend()
                if woken in (signal.SIGTSTP, signal.SIGCONT, signal.SIGWINCH):
                    terminal.resized()  # a stopped process is not told of a resize
        finally:
            terminal.give_back()
