"""The pictures of `signal`: the planets where the ephemeris puts them, on the orbits drawn,
the delay chart's curve, now and blackouts where their dates fall; every width, both alphabets."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime

import pytest
from rich.cells import cell_len

from lostcli import drawing, ephemeris
from tests.conftest import run, widths

NOW = datetime(2026, 11, 25, 3, tzinfo=UTC)
SIG = ephemeris.signal(NOW)
SKY = ephemeris.sky(SIG, samples=48)


def cells(rows: list[drawing.Row]) -> dict[tuple[int, int], tuple[str, str | None]]:
    """Every cell of a picture: (column, row) -> (character, colour name)."""
    found = {}
    for y, row in enumerate(rows):
        x = 0
        for text, colour in row:
            for char in text:
                found[x, y] = (char, colour)
                x += 1
    return found


def where(
    picture: dict[tuple[int, int], tuple[str, str | None]], char: str
) -> list[tuple[int, int]]:
    return [xy for xy, (c, _) in picture.items() if c == char]


@pytest.mark.parametrize("braille", [True, False])
def test_the_planets_sit_on_their_orbits_around_the_sun(braille: bool) -> None:
    """The orbits are drawn from JPL's mean elements, the planets placed from PyEphem: each
    planet's mark touches a cell of its own orbit, and the Sun is the centre."""
    picture = cells(drawing.orbits(SKY, 36, braille))
    assert where(picture, "*") == [(18, 9)]
    for mark, orbit in (("E", "earth orbit"), ("M", "mars orbit")):
        [(x, y)] = where(picture, mark)
        near = [
            picture.get((x + dx, y + dy), ("", None))[1] for dx in (-1, 0, 1) for dy in (-1, 0, 1)
        ]
        assert orbit in near, mark
    # Earth's orbit, a near circle of 1 AU, spans 2 / 1.7 of the picture's half width
    xs = [x for (x, _), (_, colour) in picture.items() if colour == "earth orbit"]
    assert max(xs) - min(xs) == pytest.approx(36 / drawing.REACH_AU, abs=2)
    assert len(where(picture, "+")) == 2 and len(where(picture, "x")) == 2


def test_at_conjunction_the_sun_lies_between_the_planets() -> None:
    (ex, ey), (mx, my) = SKY.conjunction
    angle = math.degrees(math.atan2(my, mx) - math.atan2(ey, ex)) % 360
    assert abs(angle - 180) < 2  # as seen from Earth, the Sun within a degree or two of Mars


@pytest.mark.parametrize("braille", [True, False])
def test_the_delay_chart_puts_each_date_in_its_column(braille: bool) -> None:
    width = 60
    chart = drawing.delays(SKY, NOW, width, 7, braille)
    picture = cells(chart.rows)
    first, last = SKY.delays[0][0], SKY.delays[-1][0]

    def column(when: datetime) -> int:
        return int((when - first) / (last - first) * (width * (2 if braille else 1) - 1)) // (
            2 if braille else 1
        )

    now = {x for (x, _), (_, colour) in picture.items() if colour == "now"}
    assert now == {column(NOW)}
    assert chart.top_minutes == 5 * math.ceil(max(s for _, s in SKY.delays) / 300)
    # the curve is lowest (in the bottom rows) at the closest approach
    lowest = max(y for (_, y), (_, colour) in picture.items() if colour == "delay")
    bottom = {x for (x, y), (_, colour) in picture.items() if colour == "delay" and y == lowest}
    assert min(abs(x - column(SIG.closest.at)) for x in bottom) <= 1
    shaded = {x for (x, _), (_, colour) in picture.items() if colour == "shaded"}
    assert 0 in shaded and width - 1 in shaded  # both conjunctions' blackouts
    assert not shaded & set(range(column(SKY.blackouts[0].end) + 1, column(SKY.blackouts[1].start)))


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_signal_with_its_pictures_fits_every_width(columns: int, lang: str) -> None:
    r = run("--lang", lang, "signal", "--now", "2026-11-25T03:00Z", env={"COLUMNS": str(columns)})
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert max(cell_len(line) for line in lines) <= min(columns, 90)
    assert any("⡇" in line for line in lines)  # the now line, in braille
    assert "E" in r.out and "M" in r.out


def test_where_the_encoding_has_no_braille_the_pictures_are_ascii() -> None:
    r = run("signal", "--now", "2026-11-25T03:00Z", encoding="ascii", env={"COLUMNS": "80"})
    assert r.code == 0
    lines = r.out.splitlines()
    bottom = max(i for i, line in enumerate(lines) if line.startswith("+-"))  # the panel's end
    pictures = "\n".join(lines[bottom + 1 :])
    assert "?" not in pictures  # nothing left for the encoding to replace
    assert "|" in pictures and ":" in pictures and "M" in pictures and "E" in pictures


def test_text_alone_and_json_are_without_pictures() -> None:
    text = run("signal", "--now", "2026-11-25T03:00Z", "--text").out
    assert text.rstrip().endswith("╯") and "⡇" not in text
    data = json.loads(run("signal", "--now", "2026-11-25T03:00Z", "--json").out)
    assert "sky" not in data and data["cycle_day"] == SIG.cycle_day


@pytest.mark.parametrize(
    "now",
    [NOW, datetime(2026, 1, 12, tzinfo=UTC), datetime(2028, 3, 18, tzinfo=UTC)],
    ids=["mid-cycle", "in the last blackout", "in the next blackout"],
)
def test_the_chart_shades_each_conjunctions_own_blackout(now: datetime) -> None:
    """Wherever now is, the first window holds the cycle's first conjunction and the second its
    last, as DE-checked ephemeris.signal finds them."""
    sig = ephemeris.signal(now)
    first, last = ephemeris.sky(sig, samples=8).blackouts
    assert first.start <= sig.previous_conjunction.at <= first.end
    assert last.start <= sig.conjunction.at <= last.end
    assert sig.blackout in (first, last)
