"""Earth-Mars distance and light time against published closest approaches."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from lostcli import ephemeris
from tests.conftest import LATER, run, widths

# Published closest approaches: (UTC date of the approach, distance in km, where it was published).
REFERENCES = [
    # Wikipedia, "Mars" (2007 text): 27 Aug 2003 09:51:13 UT, 55,758,006 km
    (datetime(2003, 8, 27, 9, 51, tzinfo=UTC), 55_758_006, "Wikipedia"),
    # Space.com / NASA: 30 May 2016 21:35 UT, 0.50321377 AU = 75,279,709 km
    (datetime(2016, 5, 30, 21, 35, tzinfo=UTC), 75_279_709, "Space.com; NASA"),
    # NASA Mars close approach 31 Jul 2018: 57.59 million km (webwork.jp: 5,759万 km)
    (datetime(2018, 7, 31, 8, 0, tzinfo=UTC), 57_590_000, "NASA; webwork.jp"),
    # NASA, 6 Oct 2020 14:18 UT: 62.07 million km
    (datetime(2020, 10, 6, 14, 18, tzinfo=UTC), 62_070_000, "NASA"),
    # NASA via Reuters: 11 Sep 2035, 56.9 million km
    (datetime(2035, 9, 11, 12, 0, tzinfo=UTC), 56_900_000, "NASA via Reuters"),
    # Wikipedia: 22 Aug 1924, 0.37284 AU (outside 2000-2050, inside the elements' 1800-2050)
    (datetime(1924, 8, 22, 12, 0, tzinfo=UTC), round(0.37284 * ephemeris.AU_KM), "Wikipedia"),
]


@pytest.mark.parametrize(
    ("when", "km", "source"), REFERENCES, ids=[r[2] + str(r[0].year) for r in REFERENCES]
)
def test_closest_approaches_match_published_values(when: datetime, km: int, source: str) -> None:
    found = ephemeris.signal(when - timedelta(days=10)).closest
    assert abs(found.at - when) < timedelta(days=1)
    assert abs(found.distance_km - km) / km < 0.01
    assert abs(ephemeris.distance_km(when) - km) / km < 0.01


def test_worst_error_against_references_is_small() -> None:
    errors = [
        abs(ephemeris.signal(w - timedelta(days=10)).closest.distance_km - km) / km
        for w, km, _ in REFERENCES
    ]
    assert max(errors) < 0.001  # measured: 0.07% (2035, published as 56.9 million km)


def test_light_time_and_cycle() -> None:
    sig = ephemeris.signal(datetime(2026, 11, 25, 3, tzinfo=UTC))
    # Mars moves while the message travels: the light time is close to, not equal to, d / c
    assert sig.one_way_seconds == pytest.approx(sig.distance_km / 299_792.458, rel=1e-3)
    assert sig.one_way_seconds != sig.distance_km / 299_792.458
    assert 3 * 60 < sig.one_way_seconds < 23 * 60  # Mars is always 3 to 22 light-minutes away
    assert sig.previous_conjunction.at < sig.at < sig.closest.at < sig.conjunction.at
    assert 740 < (sig.conjunction.at - sig.previous_conjunction.at).days < 820
    assert sig.sun_degrees > 2 and ephemeris.signal(sig.conjunction.at).sun_degrees < 2
    assert sig.conjunction.distance_km > 350e6  # far side of the Sun
    assert 0 <= sig.cycle_day < 820


def test_film_setting_year() -> None:
    sig = ephemeris.signal(datetime(2050, 6, 1, tzinfo=UTC))
    assert sig.closest.at.year == 2050
    assert 55e6 < sig.closest.distance_km < 60e6


def test_out_of_range() -> None:
    with pytest.raises(ephemeris.OutOfRange):
        ephemeris.signal(datetime(2060, 1, 1, tzinfo=UTC))


def test_signal_command() -> None:
    r = run("signal", "--now", "2026-11-25T03:00Z", "--tz", "Asia/Seoul")
    assert r.code == 0, r.err
    assert "a message sent now reaches Mars in 10 min 13 s" in r.out
    assert "Sat 20 Feb 2027" in r.out
    data = json.loads(run("signal", "--json", "--now", "2026-11-25T03:00Z").out)
    assert data["one_way_seconds"] == pytest.approx(613, abs=1)
    assert data["round_trip_seconds"] == pytest.approx(2 * data["one_way_seconds"], abs=0.5)
    assert data["mars"]["northern_season"] == "spring"
    assert data["blackout"] == {
        "start_utc": "2028-03-12T17:10:00Z", "end_utc": "2028-03-29T18:26:00Z", "days": 17.1,
        "in_progress": False,
    }  # fmt: skip
    assert data["next_closest_approach"]["utc"].startswith("2027-02-20")
    assert data["previous_solar_conjunction"]["utc"].startswith("2026-01-09")
    assert run("signal", "--now", "2050-06-01").code == 0


def test_signal_out_of_range_is_a_usage_error() -> None:
    r = run("signal", "--now", "2070-01-01")
    assert r.code == 2
    assert "only 1800 to 2050, the years tested against JPL's ephemeris" in r.err


def test_info_shows_the_signal_delay() -> None:
    card = run("info", "--now", LATER).out
    assert re.search(r"To Mars +a message sent now arrives in 10 min 13 s", card), card
    assert json.loads(run("info", "--json", "--now", LATER).out)[
        "mars_one_way_seconds"
    ] == pytest.approx(613, abs=1)
    assert "To Mars" not in run("info", "--now", "2070-01-01").out


@pytest.mark.parametrize("now", ["2026-11-25T03:00Z", "2027-02-20T00:00Z", "2028-03-21T06:00Z"])
def test_the_times_shown_are_the_computed_ones(now: str) -> None:
    """What a message sent now means, as shown: arrival and answer in the zone, and on Mars."""
    shown = run("signal", "--now", now, "--tz", "Asia/Seoul").out
    text = " ".join(shown.replace("│", " ").split())  # the rows as one line, borders out
    data = json.loads(run("signal", "--json", "--now", now).out)
    seoul = ZoneInfo("Asia/Seoul")

    def clock(key: str) -> str:
        return datetime.fromisoformat(data[key]).astimezone(seoul).strftime("%H:%M KST")

    assert f"at {clock('arrives_utc')} ({data['mars_on_arrival']['mtc']} MTC on Mars)" in text
    assert f"is back at {clock('answer_back_utc')}" in text
    mars = data["mars"]
    assert f"sol {mars['sol']}, {mars['mtc']} MTC, northern {mars['northern_season']}" in text


def rows(text: str) -> list[str]:
    """The lines of a view, borders out, each as its words."""
    return [" ".join(line.replace("│", " ").split()) for line in text.splitlines()]


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_signal_keeps_each_value_and_legend_item_on_one_line(columns: int, lang: str) -> None:
    """A value with its unit (`10 min 13 s`, `12 Mar 2028`, `1.229 AU`) and an item of the orbit
    legend (`··· a message now`) are never broken across lines; lines break between them."""
    out = run("--lang", lang, "signal", "--now", LATER, env={"COLUMNS": str(columns)}).out
    lines = rows(out)
    assert max(len(line) for line in out.splitlines()) <= columns
    whole = {
        "en": ["10 min 13 s", "20 min 26 s", "(1.229 AU)", "183.8 million km", "12 Mar 2028",
               "29 Mar 2028", "03:10 UTC", "09:17 MTC", "9 Jan 2026", "(Ls 27°)",
               "Wed 25 Nov 2026,", "E Earth", "··· a message now", "+ closest approach",
               "x conjunction"],
        "ko": ["10분 13초", "20분 26초", "(1.229 AU)", "1억 8,380만 km", "2028년 3월 12일",
               "오전 3:10 UTC", "09:17 MTC", "2026년 1월 9일", "(Ls 27°)",
               "2026년 11월 25일 (수)", "E 지구", "··· 지금 보낸 메시지", "+ 최근접"],
    }[lang]  # fmt: skip
    assert [value for value in whole if not any(value in line for line in lines)] == []
    assert "\xa0" not in out and "\ue000" not in out  # shown as plain spaces


def test_the_day_of_the_cycle_counts_from_one() -> None:
    """The day of the conjunction is day 1 (1일째), never day 0."""
    conjunction = json.loads(run("signal", "--json", "--now", LATER).out)[
        "previous_solar_conjunction"
    ]["utc"]
    assert "day 1 of about 780" in " ".join(rows(run("signal", "--now", conjunction).out))
    korean = " ".join(rows(run("--lang", "ko", "signal", "--now", conjunction).out))
    assert "780일 중 1일째" in korean and "0일째" not in korean
    assert "day 320 of about 780" in " ".join(rows(run("signal", "--now", LATER).out))


def test_mars_time_is_written_one_way_in_korean() -> None:
    """`09:17 MTC` everywhere, never `MTC 09:07`."""
    korean = " ".join(rows(run("--lang", "ko", "signal", "--now", LATER).out))
    assert "화성 시각 09:17 MTC" in korean and "09:07 MTC," in korean
    assert not re.search(r"MTC \d", korean)


def test_the_korean_rows_name_what_they_show() -> None:
    """`화성 시각`, not `화성` (the planet), `태양 합`, not `합`; `(총 17일)`, not `(모두 17일)`."""
    korean = rows(run("--lang", "ko", "signal", "--now", "2028-03-20T00:00Z").out)
    assert any(line.startswith("화성 시각 솔 ") for line in korean), korean
    assert any(line.startswith("태양 합 2028년") for line in korean), korean
    assert re.search(r"\(총 \d+일\)", " ".join(korean)) and "모두" not in " ".join(korean)
    assert not any(line.startswith(("합 ", "화성 솔")) for line in korean), korean
