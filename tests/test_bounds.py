"""Bounded input, and the internal errors that input could reach: TOML shapes that would take
tomllib minutes and gigabytes, record dates at the ends of what the tool computes, POSIX TZ rules
and damaged TZif files, URLs that are not plain, and the debug traceback."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from rich.console import Console

from lostcli import clock, film, formatting, ical, jsonout, records, timeline, views, zones
from lostcli.records import MAX_ENTRIES, MAX_LINE_CHARS, MAX_NESTING
from tests.conftest import BUNDLED, run, script

RELEASE_LINES = (
    "instant = 2025-05-30T00:00:00-07:00",
    'zone = "America/Los_Angeles"',
    "announced = 2025-04-29",
)


def with_release(text: str, instant: str, zone: str, announced: str) -> str:
    new = (f"instant = {instant}", f'zone = "{zone}"', f"announced = {announced}")
    for old, line in zip(RELEASE_LINES, new, strict=True):
        assert text.count(old) == 1
        text = text.replace(old, line)
    return text


# Row 1: TOML shapes, refused before tomllib sees them.

PATHOLOGICAL = {
    "dotted key of 47 KB": "a" + ".a" * 23_500 + " = 1\n",
    "dotted key of 80 KB": "a" + ".a" * 40_000 + " = 1\n",
    "table header of 80 KB": "[a" + ".a" * 40_000 + "]\n",
    "nested arrays": "a = " + "[" * 50_000 + "]" * 50_000 + "\n",
    "nested inline tables": "a = " + "{b = " * 20_000 + "1" + "}" * 20_000 + "\n",
}
# A fresh interpreter, its address space capped so that a blow-up ends at once: the seconds that
# film.parse took, the process's peak memory in MiB, and the problem it found.
DECIDE = """
import resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from lostcli import film
text = open(sys.argv[1], encoding="utf-8").read()
start = time.process_time()  # CPU time: a loaded machine must not fail it
try:
    film.parse(text, "f.toml")
except film.FilmError as e:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, and pytest's is large
    peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1]
    print(time.process_time() - start, int(peak) >> 10)
    print(e)
"""


@pytest.mark.parametrize("shape", PATHOLOGICAL)
@pytest.mark.slow
def test_a_pathological_record_is_refused_within_a_second_and_100_mb(
    shape: str, tmp_path: Path
) -> None:
    path = tmp_path / "f.toml"
    path.write_text(PATHOLOGICAL[shape])
    p = subprocess.run(
        [sys.executable, "-c", DECIDE, str(path)], capture_output=True, text=True, timeout=60
    )
    assert p.returncode == 0 and p.stderr == "", p.stderr[-300:]
    measured, problem = p.stdout.splitlines()
    seconds, mib = measured.split()
    assert float(seconds) < 1 and int(mib) < 100, measured
    assert problem == "f.toml: line 1: nested too deeply"


def test_a_config_file_of_a_pathological_shape_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "lostcli"
    folder.mkdir()
    (folder / "config.toml").write_text("prompt" + ".a" * 2_000 + " = 1\n")
    r = run("countdown", env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert (r.code, r.out) == (1, "")
    assert r.err == f"lostcli: error: {folder / 'config.toml'}: line 1: nested too deeply\n"


def keys(count: int) -> str:
    return "".join(f"k{i} = 1\n" for i in range(count))


SHAPES = {
    "a key of the most parts": ("a" + ".a" * (MAX_NESTING - 1) + " = 1\n", None),
    "a key of one part more": ("a" + ".a" * MAX_NESTING + " = 1\n", "line 1"),
    "a table header of one part more": ("x = 1\n[t" + ".t" * MAX_NESTING + "]\n", "line 2"),
    "arrays nested the most": ("a = " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n", None),
    "arrays nested once more": (
        "a = 1\nb = " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1) + "\n",
        "line 2",
    ),
    "inline tables nested once more": (
        "a = " + "{b = " * (MAX_NESTING + 1) + "1" + "}" * (MAX_NESTING + 1) + "\n",
        "line 1",
    ),
    "the most keys": (keys(MAX_ENTRIES), None),
    "one key more": (keys(MAX_ENTRIES + 1), f"line {MAX_ENTRIES + 1}"),
    "one array item more": ("a = [" + "1, " * MAX_ENTRIES + "]\n", "line 1"),
    "the longest line": ('s = "' + "x" * (MAX_LINE_CHARS - 6) + '"\n', None),
    "a line longer": ("a = 1\n" * 3 + 's = "' + "x" * (MAX_LINE_CHARS - 5) + '"\n', "line 4"),
    # what strings, quoted keys and comments hold is not counted
    "dots in a string": ('s = "' + "a." * 1000 + '"\n', None),
    "marks in a literal string": ("s = '" + "[{=,." * 1000 + "'\n", None),
    "marks in multi-line strings": (
        's = """\n' + "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q = [[[[[[[[[[[[[[[[[[\n" * 3 + '"""\n'
        "t = '''" + "[{" * 100 + "''''\n" + 'u = """x\\""' + ".[" * 20 + '"""\n',
        None,
    ),
    "an escaped quote": ('s = "\\"' + ".[" * 100 + '"\n', None),
    "a comment": ("a = 1 # " + ".[" * 100 + "\n", None),
    "a quoted key": ('"' + "a." * 100 + '" = 1\n', None),
}


@pytest.mark.parametrize("case", SHAPES)
def test_the_shape_check_counts_keys_and_nesting_outside_strings(case: str) -> None:
    text, where = SHAPES[case]
    problem = records.shape_problem(text)
    if where is None:
        assert problem is None
        tomllib.loads(text)  # and it is TOML
    else:
        assert problem is not None and str(problem).startswith(f"{where}: ")


# Any value a record's strings may hold, in each kind of TOML string and in a comment.
TEXTS = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x7f"))


@settings(max_examples=200)
@given(values=st.lists(st.tuples(TEXTS, st.integers(0, 4)), max_size=20))
@pytest.mark.slow
def test_strings_and_comments_never_count(values: list[tuple[str, int]]) -> None:
    lines = []
    for i, (value, kind) in enumerate(values):
        basic = json.dumps(value, ensure_ascii=False)
        plain = "'" not in value and value.isprintable()
        lines.append(
            [
                f"k{i} = {basic}",
                f"k{i} = '{value}'" if plain else f"k{i} = [{basic}]",
                f'k{i} = """{basic[1:-1]}"""',
                f"{json.dumps(f'{i}:{value}', ensure_ascii=False)} = 1",
                f"k{i} = 1 # {value}" if value.isprintable() else f"k{i} = {{ a = {basic} }}",
            ][kind]
        )
    text = "\n".join(lines) + "\n"
    assert len(tomllib.loads(text)) == len(lines)
    assert records.shape_problem(text) is None


# Row 2: record dates, checked against every use the tool makes of them.

EXTREME_RECORDS = {
    "announced in year 1, east of UTC": (
        ("2025-05-30T16:00:00+09:00", "Asia/Seoul", "0001-01-01"),
        "release.announced: must fall in the years 1900 to 2200",
    ),
    "released in year 1": (
        ("0001-01-01T00:00:00+09:00", "Asia/Seoul", "0001-01-01"),
        "release.instant: must fall in the years 1900 to 2200",
    ),
    "released in year 9999": (
        ("9999-12-31T23:00:00-08:00", "America/Los_Angeles", "2025-04-29"),
        "release.instant: must fall in the years 1900 to 2200",
    ),
}


@pytest.mark.parametrize("case", EXTREME_RECORDS)
@pytest.mark.parametrize("command", ["validate", "countdown", "info", "calendar", "prompt"])
def test_a_record_dated_past_what_the_tool_computes_fails_validation_not_a_command(
    case: str, command: str, tmp_path: Path, record_text: str
) -> None:
    release, problem = EXTREME_RECORDS[case]
    path = tmp_path / "film.toml"
    path.write_text(with_release(record_text, *release))
    args = ["validate", str(path)] if command == "validate" else [command, "--film", str(path)]
    r = run(*args)
    assert r.code == 1
    assert "internal error" not in r.err and "Traceback" not in r.err
    assert problem in (r.out if command == "validate" else r.err)


# Zones at the ends of UTC (and the days Kiritimati and Apia skipped), for the release.
RELEASE_ZONES = [
    "Pacific/Kiritimati", "Etc/GMT+12", "Etc/GMT-14", "Pacific/Apia", "Pacific/Chatham",
    "America/Los_Angeles", "Asia/Kathmandu",
]  # fmt: skip
# POSIX zones at both ends, with the rule of glibc's day 365.
POSIX_ZONES = ["<+14>-14<+15>,0/0,365/25", "<-12>12<-11>,365/23,0", "EST5EDT,M3.2.0,M11.1.0"]
FIRST = datetime(clock.FIRST_YEAR, 1, 1, tzinfo=UTC)
LAST = datetime(clock.LAST_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC)


def offset_zone(minutes: int) -> zones.Zone:
    sign = "-" if minutes < 0 else "+"
    return zones.parse(f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")


@settings(max_examples=150)
@given(
    local=st.datetimes(datetime(1900, 1, 1), datetime(2200, 12, 31, 23, 59)),
    place=st.sampled_from(RELEASE_ZONES),
    announced=st.dates(date(1900, 1, 1), date(2200, 12, 31)),
    now=st.datetimes(FIRST.replace(tzinfo=None), LAST.replace(tzinfo=None), timezones=st.just(UTC)),
    shown=st.one_of(st.integers(-12 * 60, 14 * 60).map(offset_zone),
                    st.sampled_from(POSIX_ZONES).map(zones.from_tz_variable)),
)  # fmt: skip
@example(  # the issue's: --tz=+14:00 at the last --now, a release late in its year
    local=datetime(2025, 12, 31, 12), place="America/Los_Angeles", announced=date(2025, 1, 1),
    now=LAST, shown=offset_zone(14 * 60),
)  # fmt: skip
@example(
    local=datetime(2200, 12, 31, 23, 59), place="Etc/GMT-14", announced=date(1900, 1, 1),
    now=FIRST, shown=offset_zone(-12 * 60),
)  # fmt: skip
@pytest.mark.slow
def test_any_release_that_validates_gives_every_view_at_any_now_in_any_zone(
    local: datetime, place: str, announced: date, now: datetime, shown: zones.Zone
) -> None:
    instant = local.replace(tzinfo=ZoneInfo(place)).astimezone(UTC).astimezone(ZoneInfo(place))
    offset = instant.utcoffset()
    assume(offset is not None and offset % timedelta(minutes=1) == timedelta(0))  # TOML's
    assume(1900 <= instant.year <= 2200)
    announced = min(announced, instant.date())
    text = with_release(
        BUNDLED.read_text(encoding="utf-8"),
        instant.replace(microsecond=0).isoformat(),
        place,
        announced.isoformat(),
    )
    record = film.parse(text)  # validate accepts it
    cd = timeline.countdown(record.release, now, shown)
    jsonout.encode(jsonout.info(record, cd, None))
    jsonout.encode(jsonout.countdown(cd))
    ical.calendar(ical.film_events(record, cd, True), cd.now)
    console = Console(file=io.StringIO(), width=100)
    console.print(views.countdown(record, cd))
    console.print(views.info(record, cd, None))
    assert cd.anniversary.at > cd.now


def test_the_last_now_in_the_easternmost_zone_is_an_error_or_works(
    tmp_path: Path, record_text: str
) -> None:
    """The issue's: a release late in its year, --tz=+14:00 and --now at the end of 9998."""
    path = tmp_path / "film.toml"
    release = ("2025-12-31T12:00:00-08:00", "America/Los_Angeles", "2025-04-29")
    path.write_text(with_release(record_text, *release))
    beyond = run("countdown", "--film", str(path), "--tz=+14:00", "--now", "9998-12-31T23:00Z")
    assert beyond.code == 2
    assert "out of range (years 2 to 9997)" in beyond.err.splitlines()[-1]
    last = run(
        "calendar", "--anniversary", "--film", str(path), "--tz=+14:00", "--now=9997-12-31T23:00Z"
    )
    assert last.code == 0, last.err
    assert "DTSTART:99981231T200000Z" in last.out  # the 7973rd anniversary


# Row 3: TZ, as glibc reads it; GNU date is the oracle.


def gnu_date(tz: str, instants: list[int], tmp_path: Path) -> list[str]:
    (tmp_path / "instants").write_text("".join(f"@{t}\n" for t in instants))
    return subprocess.run(
        ["date", "-f", str(tmp_path / "instants"), "+%Y-%m-%d %H:%M:%S %::z %Z"],
        env={"TZ": tz, "PATH": os.environ["PATH"]}, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip


# Rules that fall outside their year, before 1970, or give daylight time less than standard.
ODD_RULES = [
    "EST5EDT,0/0,365/25", "KST-9KDT,365/23,0", "XXX-14YYY-15,365,364/47", "AAA-9BBB-11,0,1",
    "AAA3BBB4,M9.2.6,J1/167", "AAA12BBB13,1/2,1", "AAA0BBB-1,300,1/-25",
    "IST-1GMT0,M10.5.0,M3.5.0/1", "AAA-14BBB-16,J1/-25,J365", "AAA0BBB1,M6.1.3/-167,58",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("tz", ODD_RULES)
def test_posix_rules_agree_with_gnu_date(tz: str, tmp_path: Path) -> None:
    """Every 6 hours in the years around 1970 and 2025, and every 10 minutes around the new
    years and around each change of offset that date shows, and back again."""

    def at(year: int) -> int:
        return int(datetime(year, 1, 1, tzinfo=UTC).timestamp())

    instants: list[int] = []
    for first in (1968, 2023):
        for year in range(first, first + 4):
            instants += range(at(year) - 86400, at(year) + 86400, 600)
        coarse = range(at(first), at(first + 4), 6 * 3600)
        shown = [line.split()[2] for line in gnu_date(tz, list(coarse), tmp_path)]
        for i in range(1, len(coarse)):
            if shown[i] != shown[i - 1]:
                instants += range(coarse[i - 1], coarse[i] + 1, 600)
    zone = zones.from_tz_variable(tz).tzinfo
    for t, line in zip(instants, gnu_date(tz, instants, tmp_path), strict=True):
        stamp, offset, abbreviation = line.rsplit(" ", 2)
        local = datetime.fromtimestamp(t, UTC).astimezone(zone)
        ours = (f"{local:%Y-%m-%d %H:%M:%S}", formatting.signed_offset(local.utcoffset()))
        assert ours == (stamp, offset.removesuffix(":00")), (tz, t)
        assert local.tzname() == abbreviation, (tz, t)
        assert local.timestamp() == t, (tz, t)


def test_a_posix_tz_at_the_unix_epoch(tmp_path: Path) -> None:
    tz = "EST5EDT,M3.2.0,M11.1.0"
    (expected,) = gnu_date(tz, [0], tmp_path)
    assert expected == "1969-12-31 19:00:00 -05:00:00 EST"
    r = run("countdown", "--json", "--now", "@0", env={"TZ": tz})
    assert r.code == 0, r.err
    assert json.loads(r.out)["now"]["local"] == "1969-12-31T19:00:00-05:00"


def tzif(
    types: tuple[tuple[int, int], ...] = ((-18000, 0), (-14400, 1)),
    order: bytes = bytes([0, 1, 0, 1]),
    footer: bytes = b"\nEST5EDT,M3.2.0,M11.1.0\n",
) -> bytes:
    """A TZif version 2 file (RFC 8536): local time types (offset, daylight flag) named EST and
    EDT by their flags, one transition a year into each type in `order`, and a footer."""
    names = b"EST\0EDT\0"

    def part(size: int) -> bytes:
        times = [1_000_000_000 + i * 15_000_000 for i in range(len(order))]
        counts = struct.pack(">6L", 0, 0, 0, len(order), len(types), len(names))
        kinds = b"".join(struct.pack(">lBB", utc, dst, 4 * (dst == 1)) for utc, dst in types)
        moments = struct.pack(f">{len(order)}{'l' if size == 4 else 'q'}", *times)
        return b"TZif2" + bytes(15) + counts + moments + order + kinds + names

    return part(4) + part(8) + footer


DAMAGED_TZIF = {
    "TZif2 and ten NULs": b"TZif2" + bytes(10),
    "a header alone": tzif()[:44],
    "cut in its types": tzif()[:100],
    # zoneinfo would read it for ever
    "a footer without its closing newline": tzif()[:-1],
    # zoneinfo's C reader reads past its buffer (CPython gh-145883), and can crash
    "daylight time after daylight time, last": tzif(
        ((-18000, 0), (-14400, 1), (-14400, 1)), bytes([0, 2, 1])
    ),
    # zoneinfo takes these, and fails when one is used
    "an offset of a day": tzif(((-18000, 0), (86400, 1))),
    "daylight time a day ahead": tzif(((-43200, 0), (43200, 1))),
    "a footer a day ahead of itself": tzif(footer=b"\n<-12>12<+13>-13,M3.2.0,M11.1.0\n"),
}


@pytest.mark.parametrize("case", DAMAGED_TZIF)
@pytest.mark.slow
def test_a_damaged_tzif_file_is_refused_as_a_zone(case: str, tmp_path: Path) -> None:
    """In a process of its own: the reader could hang or crash the interpreter."""
    path = tmp_path / "zone"
    path.write_bytes(tzif())  # whole, it is a zone
    zone = zones.from_tz_variable(str(path)).tzinfo
    assert datetime(2100, 7, 1, tzinfo=zone).tzname() == "EDT"
    assert datetime(2100, 1, 1, tzinfo=zone).utcoffset() == timedelta(hours=-5)
    path.write_bytes(DAMAGED_TZIF[case])
    p = subprocess.run(
        [*script(), "countdown", "--now", "2025-07-01"],
        env={**os.environ, "TZ": str(path)}, capture_output=True, text=True, timeout=20,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr[-300:]
    name = f"'{path}'"
    assert p.stderr == f"lostcli: warning: ignoring TZ={name}: not a zone file: {name}; using UTC\n"


# Row 4: URLs.

# None is a plain http(s) URL: neither as the trailer's URL nor as a source's site.
NOT_PLAIN = [
    "https://example.com/a b", 'https://example.com/"x"', "https://example.com/<x>",
    "https://example.com/a\\b", "https://example.com/'x'", "https://exa mple.com/",
    "https://example.com/\u00a0x", "https://example.com/\u2028x", "https://", "https:///path",
]  # fmt: skip


def test_validate_accepts_a_plain_site(record_text: str) -> None:
    site = 'site = "sportskeeda.com"'
    assert site in record_text
    for plain in ("about.netflix.com/ko", "https://example.com/a?b=c#d", "http://EXAMPLE.com"):
        film.parse(record_text.replace(site, f'site = "{plain}"', 1))


@pytest.mark.parametrize("url", NOT_PLAIN)
def test_validate_refuses_urls_that_are_not_plain(url: str, record_text: str) -> None:
    trailer = 'url = "https://www.youtube.com/watch?v=t4hiu_kohhs"'
    site = 'site = "sportskeeda.com"'
    assert trailer in record_text and site in record_text
    quoted = json.dumps(url)
    text = record_text.replace(trailer, f"url = {quoted}").replace(site, f"site = {quoted}", 1)
    with pytest.raises(film.FilmError) as caught:
        film.parse(text, "x.toml")
    found = {str(p).split(": ", 1)[0]: str(p) for p in caught.value.problems}
    assert found["trailer.url"] == f"trailer.url: not an http(s) URL: {url!r}"
    (where,) = (path for path in found if path.endswith(".site"))
    assert found[where] == f"{where}: not an http(s) URL: {url!r}"


# Row 5: the debug traceback.


def test_lostcli_debug_prints_a_real_multi_line_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom\x1b[2J")

    monkeypatch.setattr(views, "synopsis", boom)
    r = run("synopsis", env={"LOSTCLI_DEBUG": "1"})
    assert r.code == 1
    lines = r.err.splitlines()
    assert lines[:2] == ["lostcli: internal error:", "Traceback (most recent call last):"]
    assert any(line.strip().startswith("File ") for line in lines)
    assert lines[-1] == "RuntimeError: kaboom\\x1b[2J"  # made printable line by line
