"""The live countdown loop, driven by a fake clock: no test waits."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from rich.console import Console

from lostcli import film, formatting, live, timeline, zones
from tests.conftest import run

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
