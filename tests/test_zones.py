"""Zone names, offsets, cities, the resolution order, and reading --now."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from lostcli import clock, zones
from lostcli.errors import UsageError


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("Asia/Seoul", "Asia/Seoul"),
        ("asia/seoul", "Asia/Seoul"),
        ("Seoul", "Asia/Seoul"),
        ("new york", "America/New_York"),
        ("New_York", "America/New_York"),
        ("UTC", "UTC"),
        ("z", "UTC"),
        ("+09:00", "UTC+09:00"),
        ("UTC+9", "UTC+09:00"),
        ("-0330", "UTC-03:30"),
        ("GMT-10", "UTC-10:00"),
        ("+00:00", "UTC"),
    ],
)
def test_parse(spec: str, name: str) -> None:
    assert zones.parse(spec).name == name


def test_unknown_zone_suggests_the_closest_name() -> None:
    with pytest.raises(
        zones.ZoneError, match=r"unknown time zone 'asia/seul'; did you mean Asia/Seoul"
    ):
        zones.parse("asia/seul")


@pytest.mark.parametrize(
    "spec", ["", "  ", "Nowhere/Land", "../../etc/passwd", "/etc/localtime", "UTC+15"]
)
def test_bad_zones_are_usage_errors(spec: str) -> None:
    with pytest.raises(UsageError):
        zones.parse(spec)


def test_resolution_order(tmp_path: Path) -> None:
    missing = tmp_path / "none"
    env = {"LOSTCLI_TZ": "Asia/Seoul", "TZ": "Europe/London"}
    assert zones.resolve("UTC", env, missing, missing)[0].name == "UTC"
    assert zones.resolve(None, env, missing, missing)[0].name == "Asia/Seoul"
    assert (
        zones.resolve(None, {"TZ": ":Europe/London"}, missing, missing)[0].name == "Europe/London"
    )
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Asia/Kolkata")
    assert zones.resolve(None, {}, link, missing)[0].name == "Asia/Kolkata"
    (tmp_path / "timezone").write_text("Pacific/Honolulu\n")
    assert zones.resolve(None, {}, missing, tmp_path / "timezone")[0].name == "Pacific/Honolulu"
    assert zones.resolve(None, {}, missing, missing) == (zones.UTC, None)


def test_garbage_tz_falls_back_to_utc_with_a_warning(tmp_path: Path) -> None:
    zone, warning = zones.resolve(None, {"TZ": "Nowhere/Land"}, tmp_path, tmp_path)
    assert zone == zones.UTC
    assert warning == "ignoring TZ='Nowhere/Land': not a time zone; using UTC"


def test_bad_tz_flag_is_an_error_not_a_fallback() -> None:
    with pytest.raises(zones.ZoneError):
        zones.resolve("Nowhere/Land", {}, Path("/nonexistent"), Path("/nonexistent"))


NY = zones.parse("America/New_York")


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2025-05-30T16:00+09:00", "2025-05-30T07:00:00"),
        ("2025-05-30 03:00", "2025-05-30T07:00:00"),  # naive: in the zone (EDT)
        ("May 30 2025 3am", "2025-05-30T07:00:00"),  # free text via dateutil
        ("@1748588400", "2025-05-30T07:00:00"),
        # DST gap: 02:30 never happens on 9 March 2025; read with the offset before the gap (EST)
        ("2025-03-09 02:30", "2025-03-09T07:30:00"),
        # DST overlap: 01:30 happens twice on 2 November 2025; the first one (EDT) is meant
        ("2025-11-02 01:30", "2025-11-02T05:30:00"),
    ],
)
def test_now_parsing(text: str, utc: str) -> None:
    assert clock.parse(text, NY) == datetime.fromisoformat(utc).replace(tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "tomorrowish", "2025-05-30 16:00 KST", "@x", "@1e30"])
def test_bad_now_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="--now"):
        clock.parse(text, NY)
