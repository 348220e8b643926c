"""The live countdown loop, driven by a fake clock: no test waits."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import signal
from datetime import UTC, datetime, timedelta

import pytest
from rich.cells import cell_len
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
    assert "\x1b[?25l" in text  # the cursor hidden, then shown, then the user's title back
    assert text.rstrip().endswith("\x1b[?25h" + live.POP_TITLE)
    assert text.count("\x1b]0;") == 4 and "\x1b]0;00:00:02 - Lost in Starlight\x07" in text


CD = timeline.countdown(RECORD.release, datetime(2025, 5, 27, 2, 47, 51, tzinfo=UTC), zones.UTC)


def drawn(width: int, height: int) -> list[str]:
    con, out = console(width)
    con.print(live.frame(RECORD, CD, width, height))
    return out.getvalue().rstrip("\n").split("\n")


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(40, 10, 1), (80, 6, 1), (80, 24, 2), (120, 30, 3), (200, 60, 5), (100, 40, 2)],
)
def test_the_digits_are_the_largest_that_fit(width: int, height: int, scale: int) -> None:
    assert formatting.digits(CD.seconds) == "3d 04:12:09"
    lines = drawn(width, height)
    assert len(lines) <= height and max(cell_len(line) for line in lines) <= width
    art = live.big("3d 04:12:09", scale).splitlines()
    assert len(art) == 5 * scale
    assert all(row.strip() in "\n".join(lines) for row in art)  # every row shows, whole
    bigger = live.big("3d 04:12:09", scale + 1).splitlines()
    assert len(bigger) > height or len(bigger[0]) > width  # and one size up would not fit


def test_what_surrounds_the_digits_gives_way_to_them() -> None:
    full, status_only, bare = drawn(80, 24), drawn(80, 6), drawn(80, 5)
    assert "until the release" in "\n".join(full) and "Lost in Starlight" in full[0]
    assert "until the release" not in "\n".join(status_only)
    assert "Coming soon" in status_only[-1] and len(status_only) == 6
    assert len(bare) == 5 and "Coming soon" not in "\n".join(bare)
    assert drawn(80, 3) == ["3d 04:12:09 until the release"]  # too small for any digits
    assert drawn(30, 24) == ["3d 04:12:09 until the release"]


def test_every_glyph_row_has_one_width() -> None:
    for glyph in live.FONT.values():
        assert len(glyph) == 5 and len({len(row) for row in glyph}) == 1


def test_live_without_a_terminal_is_a_usage_error() -> None:
    r = run("countdown", "--live")
    assert r.code == 2
    assert "--live needs a terminal" in r.err


# A real terminal: a pseudo-terminal, with the countdown as its session leader.


def live_in_a_pty(*args: str, term: str = "xterm-256color") -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once, so that nothing of pytest runs twice
        env = {**os.environ, "TERM": term, "COLUMNS": "100", "LINES": "30"}
        os.execvpe(script()[0], [*script(), "countdown", "--live", *args], env)
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


def test_the_terminal_title_shows_the_count_and_comes_back() -> None:
    pid, fd = live_in_a_pty()
    try:
        first = read_until(fd, b"Lost in Starlight\x07")  # the first frame, then its title
        os.kill(pid, signal.SIGINT)
        rest = read_until(fd, None)
    finally:
        os.close(fd)
    assert exit_status(pid) == 130
    assert first.startswith(live.PUSH_TITLE.encode())  # the user's title kept
    assert re.search(rb"\x1b\]0;(\d+d )?\d\d:\d\d:\d\d - Lost in Starlight\x07", first)
    assert rest.rstrip().endswith(live.POP_TITLE.encode())  # and given back


def test_a_preview_starts_at_now_and_runs_on() -> None:
    """--live --now WHEN: two seconds before the release, the release passes on screen."""
    before = (RECORD.release.instant - timedelta(seconds=2)).astimezone(UTC)
    pid, fd = live_in_a_pty("--now", before.isoformat())
    try:
        seen = read_until(fd, b"since the release", timeout=10)
        os.kill(pid, signal.SIGINT)
        read_until(fd, None)
    finally:
        os.close(fd)
    assert b"until the release" in seen and b"\x1b]0;00:00:01 - Lost in Starlight" in seen
    assert exit_status(pid) == 130


def test_a_dumb_terminal_is_told_why_not() -> None:
    r = run("countdown", "--live", env={"TERM": "dumb"}, tty=True)
    assert r.code == 2
    assert "TERM=dumb" in r.err
