"""The live countdown loop, driven by a fake clock: no test waits."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import select
import shlex
import signal
import struct
import termios
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

    def wait(self, watched: set[signal.Signals], seconds: float) -> None:
        assert {signal.SIGINT, signal.SIGTSTP, signal.SIGWINCH} <= watched
        self.sleeps.append(seconds)
        self.t += timedelta(seconds=seconds)


def console(width: int, height: int = 30) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=width, height=height, color_system=None), out


def test_loop_wakes_on_second_boundaries_and_crosses_the_release() -> None:
    start = RECORD.release.instant - timedelta(seconds=2, microseconds=250_000)
    fake = FakeClock(start.astimezone(UTC))
    con, out = console(100)
    live.run(con, RECORD, zones.UTC, fake.now, fake.wait, frames=4)
    assert fake.sleeps == [0.25, 1.0, 1.0, 1.0]
    text = out.getvalue()
    assert "until the release" in text
    assert "since the release" in text
    assert "Just released on Netflix" in text  # the last frame, at the release
    # the alternate screen with the cursor hidden, then the cursor shown and the user's title back
    assert text.startswith(live.PUSH_TITLE + "\x1b[?1049h\x1b[?25l")
    assert text.endswith("\x1b[?1049l\x1b[?25h" + live.POP_TITLE)
    assert text.count("\x1b]0;") == 4 and "\x1b]0;00:00:02 - Lost in Starlight\x07" in text
    assert text.count("\x1b[H") == 4  # each frame drawn over the last, from the top


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


@pytest.mark.parametrize(
    ("args", "tty", "message"),
    [
        ([], False, "--live needs a terminal: standard output is not one"),
        (["--json"], True, "--live goes without --json"),
        (["--export", "card.svg"], True, "--live goes without --export"),
    ],
)
def test_each_reason_live_refuses_is_its_own(args: list[str], tty: bool, message: str) -> None:
    r = run("countdown", "--live", *args, tty=tty)
    assert r.code == 2
    assert r.err.splitlines()[-1] == f"lostcli: error: {message}"


# A real terminal: a pseudo-terminal, with the countdown as its session leader.


SIZED = {"COLUMNS": "100", "LINES": "30"}


@pytest.mark.slow
def test_a_window_resized_while_stopped_is_measured_again_after_fg() -> None:
    """Ctrl-Z, the window resized, `fg`: frames of the old size scrolled the new window, and
    none came right until the next resize (a stopped job is sent no SIGWINCH)."""
    pid, fd = a_job_in_a_pty('echo "stopped $?"; read -r _; fg')
    try:
        read_until(fd, b"Starlight\x07")
        os.write(fd, b"\x1a")
        read_until(fd, b"stopped 148")
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 15, 50, 0, 0))
        os.write(fd, b"\n")  # the shell's `read`, then `fg`
        after = read_until(fd, b"Starlight\x07").split(TAKE)[-1]
        os.write(fd, b"\x03")
        read_until(fd, None)
    finally:
        os.close(fd)
    exit_status(pid)
    rows = screen_rows(after)
    assert len(rows) == 15 and {cell_len(row) for row in rows} == {50}, rows


TAKE, GIVE_BACK = live.TAKE.encode(), live.GIVE_BACK.encode()
BLOCK = "█".encode()


def a_job_in_a_pty(then: str) -> tuple[int, int]:
    """The live countdown as a job of a shell with job control (bash, set -m), as at a prompt,
    and the shell commands `then` after it stops."""
    command = " ".join(shlex.quote(a) for a in [*script(), "countdown", "--live"])
    pid, fd = pty.fork()
    if pid == 0:
        env = {**os.environ, "TERM": "xterm-256color", **SIZED}
        body = f"set -m; {command}; {then}"
        os.execvpe("bash", ["bash", "--norc", "--noprofile", "-c", body], env)
    return pid, fd


def live_in_a_pty(*args: str, env: dict[str, str] = SIZED) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once, so that nothing of pytest runs twice
        outer = {k: v for k, v in os.environ.items() if k not in SIZED}  # the size is the test's
        env = {**outer, "TERM": "xterm-256color", **env}
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
@pytest.mark.slow
def test_a_signal_ends_the_live_countdown_with_the_cursor_shown(number: int) -> None:
    pid, fd = live_in_a_pty()
    try:
        first = read_until(fd, b"release")
        os.kill(pid, number)
        rest = read_until(fd, None)
    finally:
        os.close(fd)
    # the alternate screen, cursor hidden, then the main screen (its scrollback as it was) back
    assert first.startswith(TAKE) and first.count(TAKE) == 1
    assert rest.endswith(GIVE_BACK) and GIVE_BACK not in rest[: -len(GIVE_BACK)]
    assert b"Traceback" not in rest
    expected = 130 if number == signal.SIGINT else 128 + number
    assert exit_status(pid) == expected


@pytest.mark.slow
def test_the_live_countdown_ends_when_its_terminal_goes_away() -> None:
    pid, fd = live_in_a_pty()
    read_until(fd, b"\x1b[?25l")
    os.close(fd)  # the terminal is gone: the kernel hangs up on its session, writes fail (EIO)
    assert exit_status(pid) == 128 + signal.SIGHUP


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.parametrize(("args", "env"), [([], {"NO_COLOR": "1"}), (["--color", "never"], {})])
@pytest.mark.slow
def test_without_colour_it_still_draws(args: list[str], env: dict[str, str]) -> None:
    """Colour and terminal are two decisions: no colour is no reason not to draw."""
    pid, fd = live_in_a_pty(*args, env={**SIZED, **env})
    try:
        first = read_until(fd, BLOCK)  # the digits, before any Ctrl-C
        os.kill(pid, signal.SIGINT)
        rest = read_until(fd, None)
    finally:
        os.close(fd)
    assert exit_status(pid) == 130
    assert b"release" in first + rest
    assert not re.search(rb"\x1b\[[0-9;]*m", first + rest)  # not one colour or style code


def screen_rows(shown: bytes) -> list[str]:
    """The rows of the last frame drawn (each drawn from the top-left corner, in one write)."""
    last = shown.rsplit(b"\x1b[H", 1)[1].split(b"\x1b]0;")[0]
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", last.decode()).split("\n")


@pytest.mark.slow
def test_a_resized_window_gets_the_largest_digits_that_fit_it_centred() -> None:
    before = RECORD.release.instant - timedelta(days=3, hours=4, minutes=12, seconds=50)
    at = before.astimezone(UTC).isoformat()
    pid, fd = live_in_a_pty("--now", at, env={})  # the terminal's own size: 0 x 0 is 80 x 25
    try:
        first = read_until(fd, b"\x07")  # the first frame, then its title
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
        resized = read_until(fd, b"\x07")  # drawn again at once
        if len(screen_rows(resized)) != 60:  # a frame of the old size was already on its way
            resized = read_until(fd, b"\x07")
        os.kill(pid, signal.SIGINT)
        read_until(fd, None)
    finally:
        os.close(fd)
    assert exit_status(pid) == 130
    small, large = screen_rows(first), screen_rows(resized)
    assert len(small) == 25 and {cell_len(row) for row in small} == {80}
    assert len(large) == 60 and {cell_len(row) for row in large} == {200}
    # "3d 04:12:" stays put for fifty seconds: its top row, as large as fits (5 at 200 x 60)
    top = live.big("3d 04:12:", 5).splitlines()[0]
    assert not any(top in row for row in small)
    art = [i for i, row in enumerate(large) if top in row]
    assert art, "\n".join(large)
    row = large[art[0]]
    left, right = len(row) - len(row.lstrip()), len(row) - len(row.rstrip())
    assert abs(left - right) <= 1  # centred across
    blank = [i for i, row in enumerate(large) if not row.strip()]
    above = sum(1 for i in blank if i < art[0])
    below = sum(1 for i in blank if i > art[0] + 5 * 5 - 1)
    assert abs(above - below) <= 1  # and down


@pytest.mark.slow
def test_ctrl_z_hands_the_terminal_back_and_fg_takes_it_again() -> None:
    """A shell with job control (bash, set -m) runs it, as at a prompt; its Ctrl-Z and `fg`."""
    pid, fd = a_job_in_a_pty('echo "stopped $?"; fg; echo "ended $?"')
    try:
        shown = read_until(fd, b"Starlight\x07")  # a frame and its title
        os.write(fd, b"\x1a")  # Ctrl-Z: the terminal stops the foreground job
        shown += read_until(fd, b"stopped 148")
        shown += read_until(fd, b"Starlight\x07")  # fg continues it
        os.write(fd, b"\x03")  # Ctrl-C
        shown += read_until(fd, None)
    finally:
        os.close(fd)
    assert exit_status(pid) == 0
    before, after = shown.split(b"stopped 148")
    # before the shell took the terminal back: the cursor shown, the main screen, the title
    last = before.rsplit(TAKE, 1)[1]
    assert GIVE_BACK in last and b"\x1b[?25l" not in last.split(GIVE_BACK)[1]
    # after fg: the screen taken over again, and a whole frame drawn there, from the top
    assert b"\x1b[H" in after.split(TAKE)[1]
    assert after.rstrip().endswith(GIVE_BACK + b"ended 130")


def test_the_korean_countdown_counts_in_korean() -> None:
    """`3일 04:12:09`, not `3d`, in the digits, the fallback line and the window's title."""
    assert formatting.digits(CD.seconds, "ko") == "3일 04:12:09"
    con, out = console(80, 24)
    con.print(live.frame(RECORD, CD, 80, 24, "ko"))
    art = live.big("3일 04:12:09", 2).splitlines()
    assert all(row.strip() in out.getvalue() for row in art)
    assert "█▀█ █" in live.big("3일 04:12:09", 1).splitlines()[0]  # 일, in half blocks
    assert live.title_text(RECORD, CD, "ko") == f"3일 04:12:09 - {RECORD.title.shown('ko')}"
    assert RECORD.title.shown("ko") == "이 별에 필요한"
    con, out = console(30)
    con.print(live.frame(RECORD, CD, 30, 24, "ko"))
    assert out.getvalue() == "3일 04:12:09 공개까지\n"


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_half_blocks_scale_as_halves(scale: int) -> None:
    """A glyph drawn in half blocks keeps its shape at every size: each half row is `scale`
    half rows high (a full block at an even scale)."""
    rows = live.big("일", scale).splitlines()
    assert len(rows) == 5 * scale and {len(row) for row in rows} == {5 * scale}
    assert live.big("0", scale) == "\n".join(
        "".join(c * scale for c in row) for row in live.FONT["0"] for _ in range(scale)
    )
    if scale % 2 == 0:
        assert set("".join(rows)) <= {"█", " "}
