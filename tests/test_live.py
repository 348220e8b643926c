"""The live countdown loop, driven by a fake clock: no test waits."""

from __future__ import annotations

import io
import os
import pty
import select
import signal
from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console

from lostcli import film, formatting, live, timeline, zones
from tests.conftest import run, script

RECORD = film.load()


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.t = start
        self.sleeps: list[float] = []

    def now(self) -> datetime:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += timedelta(seconds=seconds)


def console(width: int) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=width, force_terminal=True, color_system=None), out


def test_loop_wakes_on_second_boundaries_and_crosses_the_release() -> None:
    start = RECORD.release.instant - timedelta(seconds=2, microseconds=250_000)
    fake = FakeClock(start.astimezone(UTC))
    con, out = console(100)
    live.run(con, RECORD, zones.UTC, fake.now, fake.sleep, frames=4)
    assert fake.sleeps == [0.25, 1.0, 1.0, 1.0]
    text = out.getvalue()
    assert "until the release" in text
    assert "since the release" in text
    assert "Out now on Netflix" in text
    assert "\x1b[?25l" in text and text.rstrip().endswith("\x1b[?25h")  # cursor hidden, then shown


def test_frame_uses_big_digits_where_they_fit_and_plain_text_where_not() -> None:
    cd = timeline.countdown(RECORD.release, datetime(2025, 5, 27, 2, 47, 51, tzinfo=UTC), zones.UTC)
    assert formatting.digits(cd.seconds) == "3d 04:12:09"
    art = live.big("3d 04:12:09")
    assert len(art.splitlines()) == 5
    wide, out = console(100)
    wide.print(live.frame(RECORD, cd, 100))
    assert art.splitlines()[0] in out.getvalue()
    narrow, out = console(30)
    narrow.print(live.frame(RECORD, cd, 30))
    assert art.splitlines()[0] not in out.getvalue()
    assert "Remaining" in out.getvalue() and "04:12:09" in out.getvalue()


def test_every_glyph_row_has_one_width() -> None:
    for glyph in live.FONT.values():
        assert len(glyph) == 5 and len({len(row) for row in glyph}) == 1


def test_live_without_a_terminal_is_a_usage_error() -> None:
    r = run("countdown", "--live")
    assert r.code == 2
    assert "--live needs a terminal" in r.err


# A real terminal: a pseudo-terminal, with the countdown as its session leader.


def live_in_a_pty() -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once, so that nothing of pytest runs twice
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        os.execvpe(script()[0], [*script(), "countdown", "--live"], env)
    return pid, fd


def read_until(fd: int, marker: bytes | None, timeout: float = 30) -> bytes:
    """What the terminal shows, up to `marker` (None: until the program closes it)."""
    seen = b""
    while marker is None or marker not in seen:
        ready, _, _ = select.select([fd], [], [], timeout)
        assert ready, f"nothing more within {timeout} s: {seen[-200:]!r}"
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the other side has closed
            chunk = b""
        if not chunk:
            break
        seen += chunk
    return seen


def exit_status(pid: int, timeout: float = 30) -> int:
    waiting = os.pidfd_open(pid)
    try:
        assert select.select([waiting], [], [], timeout)[0], "the countdown did not exit"
    finally:
        os.close(waiting)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGINT])
def test_a_signal_ends_the_live_countdown_with_the_cursor_shown(number: int) -> None:
    pid, fd = live_in_a_pty()
    try:
        read_until(fd, b"\x1b[?25l")  # the first frame: cursor hidden
        read_until(fd, b"release")
        os.kill(pid, number)
        rest = read_until(fd, None)
    finally:
        os.close(fd)
    assert b"\x1b[?25h" in rest  # shown again
    assert b"Traceback" not in rest
    expected = 130 if number == signal.SIGINT else 128 + number
    assert exit_status(pid) == expected


def test_the_live_countdown_ends_when_its_terminal_goes_away() -> None:
    pid, fd = live_in_a_pty()
    read_until(fd, b"\x1b[?25l")
    os.close(fd)  # the terminal is gone: the kernel hangs up on its session
    assert exit_status(pid) in (1, 128 + signal.SIGHUP)
