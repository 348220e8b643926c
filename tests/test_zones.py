"""Zone names, offsets, cities, the resolution order, and reading --now."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest

from lostcli import clock, formatting, zones
from lostcli.errors import UsageError
from tests.conftest import run


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
        ("GMT", "GMT"),
        ("KST", "Asia/Seoul"),
        ("pdt", "America/Los_Angeles"),
        ("Korea", "Asia/Seoul"),
        ("South Korea", "Asia/Seoul"),
        ("korea (south)", "Asia/Seoul"),
        ("North Korea", "Asia/Pyongyang"),
        ("france", "Europe/Paris"),
        ("uk", "Europe/London"),
        ("서울", "Asia/Seoul"),
        ("부산", "Asia/Seoul"),
        ("\u1109\u1165\u110b\u116e\u11af", "Asia/Seoul"),  # 서울 decomposed, as a Mac types it
        ("Busan", "Asia/Seoul"),
        ("posix/Asia/Seoul", "Asia/Seoul"),
        ("EST", "EST"),
    ],
)
def test_parse(spec: str, name: str) -> None:
    assert zones.parse(spec).name == name


@pytest.mark.parametrize(
    ("spec", "hint"),
    [
        ("asia/seul", "Asia/Seoul"),
        ("Seuol", "Asia/Seoul"),
        ("Koera", "Asia/Seoul"),
        ("Amercia/New_York", "America/New_York"),
        ("Portland", None),  # not Poland: two edits in eight letters is another word
        ("Kore", "Asia/Seoul"),  # not Pacific/Kosrae
        ("Nowhere/Land", None),
    ],
)
def test_suggestions_are_one_slip_away(spec: str, hint: str | None) -> None:
    assert zones.suggest(spec) == hint
    with pytest.raises(zones.ZoneError, match="unknown time zone") as e:
        zones.parse(spec)
    assert ("did you mean" in str(e.value)) == (hint is not None)


@pytest.mark.parametrize(
    ("spec", "choices"),
    [
        ("IST", "Asia/Kolkata, Europe/Dublin or Asia/Jerusalem"),
        ("cst", "America/Chicago, Asia/Shanghai or America/Havana"),
        ("United States", "America/New_York"),
        ("Australia", "Australia/Sydney"),
    ],
)
def test_ambiguous_names_list_their_choices(spec: str, choices: str) -> None:
    with pytest.raises(zones.ZoneError, match=re.escape(choices)):
        zones.parse(spec)


def test_every_abbreviation_is_one_that_its_zones_use() -> None:
    """Oracle: tzdata. A zone listed for an abbreviation shows it at some time since 2015."""
    instants = [datetime(y, m, 15, tzinfo=UTC) for y in range(2015, 2027) for m in (1, 7)]
    for abbreviation, keys in zones.ABBREVIATIONS.items():
        for key in keys:
            used = {i.astimezone(ZoneInfo(key)).tzname() for i in instants}
            assert abbreviation in used, (abbreviation, key, used)


def test_place_names_lead_to_real_zones() -> None:
    """Oracle: tzdata's iso3166.tab, zone1970.tab and zone list."""
    assert set(zones.places().cities.values()) <= available_timezones()
    countries = zones._countries()
    assert len(countries) > 250
    assert all(word in countries for word in zones.places().countries)
    assert countries["south korea"] == ("Korea (South)", ("Asia/Seoul",))


@pytest.mark.parametrize("spec", ["right/Asia/Seoul", "/usr/share/zoneinfo/right/UTC"])
def test_leap_second_zones_are_refused(spec: str) -> None:
    with pytest.raises(zones.ZoneError, match="counts leap seconds"):
        zones.parse(spec) if not spec.startswith("/") else zones.from_tz_variable(spec)


@pytest.mark.parametrize(
    "spec", ["", "  ", "Nowhere/Land", "../../etc/passwd", "/etc/localtime", "UTC+15"]
)
def test_bad_zones_are_usage_errors(spec: str) -> None:
    with pytest.raises(UsageError):
        zones.parse(spec)


def test_a_tz_that_is_not_a_regular_file_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        with pytest.raises(zones.ZoneError, match="not a zone file"):
            zones.from_tz_variable(f":{path}")


# TZ values as the C library reads them, with instants around their rules' edges.
TZ_VALUES = [
    "KST-9", "UTC-9", "UTC+3", "<+0545>-5:45", "<-03>3", "CET-1CEST,M3.5.0,M10.5.0/3",
    "EST5EDT,M3.2.0,M11.1.0", "EST5EDT", "AEST-10AEDT,M10.1.0,M4.1.0/3",
    "NZST-12NZDT-13,J60/-1,J300/26", "XXX3YYY,59/1:30,300", "IST-1GMT0,M10.5.0,M3.5.0/1",
    "EST5EDT,0/0,365/25",
    ":Asia/Seoul", "Asia/Seoul",
    "Africa/Monrovia", "America/Sao_Paulo", ":/usr/share/zoneinfo/Asia/Kathmandu",
    "/usr/share/zoneinfo/Australia/Lord_Howe", ":/etc/localtime", "",
]  # fmt: skip


@pytest.mark.slow
def test_tz_variable_agrees_with_gnu_date(tmp_path: Path) -> None:
    """Oracle: GNU date, which reads TZ with glibc's tzset."""
    start = int(datetime(1968, 1, 1, tzinfo=UTC).timestamp())
    # every 11 days and 7 hours for 62 years, and the film's release
    instants = [*range(start, start + 62 * 366 * 86400, 11 * 86400 + 7 * 3600), 1748588400]
    (tmp_path / "instants").write_text("".join(f"@{t}\n" for t in instants))
    for value in TZ_VALUES:
        expected = subprocess.run(
            ["date", "-f", str(tmp_path / "instants"), "+%Y-%m-%d %H:%M:%S %::z %Z"],
            env={"TZ": value, "PATH": os.environ["PATH"]},
            capture_output=True, text=True, check=True,
        ).stdout.splitlines()  # fmt: skip
        zone = zones.from_tz_variable(value)
        for t, line in zip(instants, expected, strict=True):
            stamp, offset, abbreviation = line.rsplit(" ", 2)
            local = datetime.fromtimestamp(t, UTC).astimezone(zone.tzinfo)
            ours = (f"{local:%Y-%m-%d %H:%M:%S}", formatting.signed_offset(local.utcoffset()))
            # %::z always has seconds; lostcli shows them only when there are some
            assert ours == (stamp, offset.removesuffix(":00")), (value, t)
            assert local.tzname() == abbreviation, (value, t)


def test_the_tz_variable_reaches_every_view() -> None:
    """Oracle: GNU date, for the release as `countdown --json` shows it under TZ."""
    for value in ("UTC-9", "<+0545>-5:45", "CET-1CEST,M3.5.0,M10.5.0/3", ":Asia/Seoul"):
        result = run("countdown", "--json", "--now", "2025-01-01T00:00Z", env={"TZ": value})
        assert result.code == 0 and ("warning" in result.err) == (value == "UTC-9"), result.err
        shown = json.loads(result.out)["release"]["local"]
        expected = subprocess.run(
            ["date", "-d", "@1748588400", "+%Y-%m-%dT%H:%M:%S%:z"],
            env={"TZ": value}, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        assert shown == expected, value


NY = zones.parse("America/New_York")
CURRENT = datetime(2026, 11, 25, 3, 4, 5, tzinfo=UTC)  # what `now` and `+3d` count from


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2025-05-30T16:00+09:00", "2025-05-30T07:00:00"),
        ("2025-05-30 03:00", "2025-05-30T07:00:00"),  # naive: in the zone (EDT)
        ("May 30 2025 3am", "2025-05-30T07:00:00"),  # free text via dateutil
        ("Fri 30 May 2025 16:00 KST", "2025-05-30T07:00:00"),
        ("2025-05-30 16:00 UTC+9", "2025-05-30T07:00:00"),
        ("2025-05-30 16:00 GMT -3:30", "2025-05-30T19:30:00"),
        ("2025-05-30", "2025-05-30T04:00:00"),  # a date alone: midnight in the zone
        ("@1748588400", "2025-05-30T07:00:00"),
        ("@-1.5", "1969-12-31T23:59:58.500000"),
        # DST gap: 02:30 never happens on 9 March 2025; read with the offset before the gap (EST)
        ("2025-03-09 02:30", "2025-03-09T07:30:00"),
        # DST overlap: 01:30 happens twice on 2 November 2025; the first one (EDT) is meant
        ("2025-11-02 01:30", "2025-11-02T05:30:00"),
        ("now", "2026-11-25T03:04:05"),
        ("today", "2026-11-25T03:04:05"),
        ("tomorrow", "2026-11-26T03:04:05"),
        ("yesterday", "2026-11-24T03:04:05"),
        ("+3d", "2026-11-28T03:04:05"),
        ("-2h30m", "2026-11-25T00:34:05"),
        ("+1w1s", "2026-12-02T03:04:06"),
    ],
)
def test_now_parsing(text: str, utc: str) -> None:
    assert clock.parse(text, NY, CURRENT) == datetime.fromisoformat(utc).replace(tzinfo=UTC)


def test_tomorrow_is_a_calendar_day_as_gnu_date_reads_it() -> None:
    """Oracle: GNU date. New York's clocks go back on 2 Nov 2025: that day has 25 hours."""
    current = datetime(2025, 11, 1, 16, 30, tzinfo=UTC)
    for word in ("tomorrow", "yesterday", "now"):
        expected = subprocess.run(
            ["date", "-u", "-d", f"TZ=\"America/New_York\" 2025-11-01 12:30 {word}", "+%s"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        assert clock.parse(word, NY, current).timestamp() == int(expected), word


@pytest.mark.parametrize(
    "text",
    [
        "2025-05-30 16:00 UTC+9", "2025-05-30 16:00 UTC-9", "2025-05-30 16:00 GMT+5:30",
        "30 May 2025 4pm UTC", "Fri, 30 May 2025 07:00:00 GMT", "2025-05-30 16:00 +0900",
        "May 30 2025 16:00:30 -03:00",
    ],
)  # fmt: skip
def test_free_text_agrees_with_gnu_date(text: str) -> None:
    """Oracle: GNU date, under a TZ that would mislead a parser that consults it."""
    expected = subprocess.run(
        ["date", "-d", text, "+%s"],
        env={"TZ": "EST5EDT"}, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert clock.parse(text, NY, CURRENT).timestamp() == int(expected)


def test_an_abbreviation_in_now_never_depends_on_the_process_tz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for tz in ("EST5EDT", "KST-9", "UTC"):
        monkeypatch.setenv("TZ", tz)
        time.tzset()
        assert clock.parse("2025-05-30 16:00 KST", NY, CURRENT).hour == 7
        with pytest.raises(UsageError, match="unknown time zone 'XYZ'"):
            clock.parse("2025-05-30 16:00 XYZ", NY, CURRENT)
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "needs a time"),
        ("tomorrowish", "cannot read"),
        ("@x", "not a Unix time"),
        ("@1e30", "not a Unix time"),
        ("2025-05", "full date"),
        ("2025", "full date"),
        ("May 2025", "full date"),
        ("30 May 16:00", "full date"),
        ("5월 30일", "full date"),
        ("Thu 30 May 2025", "30 May 2025 is a Friday, not a Thu"),
        ("2025-05-30T16:00+24:00", "less than 24 hours"),
        ("2025-05-30 16:00 UTC+15", "offset out of range"),
        ("9999-12-31", "out of range"),
        ("0001-01-01", "out of range"),
        ("@-62135596800", "out of range"),
        ("+99999999w", "out of range"),
        ("2025-05-30 16:00 IST", "ambiguous"),
    ],
)
def test_bad_now_is_a_usage_error(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        clock.parse(text, NY, CURRENT)


@pytest.mark.parametrize("command", ["countdown", "info", "calendar", "prompt", "signal"])
@pytest.mark.parametrize("now", ["9999-12-31", "2025-05-30T16:00+24:00", "0001-01-01T00:00+01:00"])
def test_out_of_range_now_is_exit_2_in_every_command(command: str, now: str) -> None:
    result = run(command, "--now", now)
    assert result.code == 2, result
    assert result.err.count("\n") <= 3 and "Traceback" not in result.err
    assert "internal error" not in result.err


def test_offsets_with_seconds_print_exactly() -> None:
    """Oracle: GNU date's %::z for Monrovia in 1971 (UTC-00:44:30)."""
    moment = datetime(1971, 6, 1, tzinfo=ZoneInfo("Africa/Monrovia"))
    expected = subprocess.run(
        ["date", "-d", "1971-06-01", "+%::z"],
        env={"TZ": "Africa/Monrovia"}, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert expected == "-00:44:30"
    assert formatting.offset(moment.utcoffset()) == "UTC" + expected
    result = run("countdown", "--tz", "Africa/Monrovia", "--now", "1971-06-01", "--json")
    assert json.loads(result.out)["now"]["local"] == "1971-06-01T00:00:00-00:44:30"


def test_gmt_shows_as_gmt() -> None:
    data = json.loads(run("countdown", "--json", "--tz", "GMT", "--now", "2025-01-01").out)
    assert (data["zone"], data["release"]["abbreviation"]) == ("GMT", "GMT")


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("São Paulo", "America/Sao_Paulo"),
        ("sao paulo", "America/Sao_Paulo"),
        ("Zürich", "Europe/Zurich"),
        ("Bogotá", "America/Bogota"),
        ("Ciudad de México", "America/Mexico_City"),
        ("NYC", "America/New_York"),
        ("LA", "America/Los_Angeles"),
        ("SF", "America/Los_Angeles"),
        ("HK", "Asia/Hong_Kong"),
    ],
)
def test_names_are_read_without_accents_and_city_abbreviations_are_known(
    spec: str, name: str
) -> None:
    """Issue 23 #6: `São Paulo` was refused (with a hint) though `Sao Paulo` worked; `NYC`,
    `LA`, `SF` were unknown."""
    assert zones.parse(spec).name == name


def test_a_country_with_accents_is_the_country() -> None:
    with pytest.raises(zones.ZoneError, match="'México' has several time zones"):
        zones.parse("México")


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("Europe/Kiev", "Europe/Kyiv"),
        ("europe/kiev", "Europe/Kyiv"),
        ("Kiev", "Europe/Kyiv"),
        ("Calcutta", "Asia/Kolkata"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
        ("US/Pacific", "America/Los_Angeles"),
        ("Australia/South", "Australia/Adelaide"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),  # two names once: ambiguous
        ("Europe/Oslo", "Europe/Oslo"),  # a country's zone in zone.tab stays, whatever its data
    ],
)
def test_old_names_are_shown_by_their_current_ones(spec: str, name: str) -> None:
    assert zones.parse(spec).name == name
    if "/" in spec and spec[0].isupper():
        assert zones.from_tz_variable(spec).name == name


def test_old_names_are_current_on_every_screen(config: tuple[Path, dict[str, str]]) -> None:
    """The card, `config` and --json name the zone as tzdata names it now."""
    card = run("countdown", "--tz", "Europe/Kiev", "--now", "2025-01-01T00:00Z")
    assert re.search(r"Zone +Europe/Kyiv", card.out) and "Kiev" not in card.out
    shown = json.loads(
        run("countdown", "--json", "--now", "2025-01-01", env={"TZ": "Asia/Calcutta"}).out
    )
    assert shown["zone"] == "Asia/Kolkata"
    path, env = config
    path.write_text('tz = "Asia/Saigon"\n', encoding="utf-8")
    rows = run("config", env=env).out
    assert re.search(r"^tz +Asia/Ho_Chi_Minh\b", rows, re.M) and "Saigon" not in rows, rows


def test_zones_offered_are_current_names_and_places() -> None:
    """Completion offers no old alias, nor the last part of one (`South`: Australia/South)."""
    offered = set(zones.names())
    assert {"Europe/Kyiv", "Asia/Kolkata", "Kolkata", "Sao_Paulo", "nyc", "Etc/GMT-9"} <= offered
    assert not {"Europe/Kiev", "Asia/Calcutta", "Australia/South", "South", "US/Pacific",
                "Calcutta", "Factory"} & offered  # fmt: skip


@pytest.mark.parametrize(
    ("tz", "lang", "warning"),
    [
        ("UTC-9", "en", "lostcli: warning: TZ=UTC-9 is UTC+09:00: in TZ, POSIX signs run the "
         "other way (minus is east of UTC); to avoid the doubt, use TZ=Etc/GMT-9, --tz +09:00 or a "
         "city's zone (TZ=Area/City)\n"),
        ("GMT+3", "en", "TZ=Etc/GMT+3, --tz -03:00 or"),
        ("UTC+5:30", "en", "use --tz -05:30 or"),
        ("UTC-9", "ko", "TZ=UTC-9는 UTC+09:00입니다. TZ에서는 POSIX 규칙에 따라 부호가 반대"),
    ],
)  # fmt: skip
def test_a_utc_offset_in_tz_warns_once_that_its_sign_runs_backwards(
    tz: str, lang: str, warning: str
) -> None:
    """Issue 23 #8: TZ=UTC-9 showed `Zone UTC-9` beside UTC+09:00, without a word."""
    r = run("--lang", lang, "countdown", "--now", "2025-01-01T00:00Z", env={"TZ": tz})
    assert r.code == 0 and warning in r.err and r.err.count("\n") == 1, r.err


@pytest.mark.parametrize(
    ("env", "args"),
    [
        ({"TZ": "KST-9"}, []),  # a name of its own: nothing reads backwards
        ({"TZ": "UTC0"}, []),
        ({"LOSTCLI_TZ": "UTC-9"}, []),  # read as people mean it: UTC-09:00
        ({"TZ": "UTC-9"}, ["--tz", "Asia/Seoul"]),  # TZ not used
    ],
)
def test_no_warning_where_no_sign_reads_backwards(env: dict[str, str], args: list[str]) -> None:
    r = run("countdown", *args, "--now", "2025-01-01T00:00Z", env=env)
    assert (r.code, r.err) == (0, "")
