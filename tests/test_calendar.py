"""The calendar command, read back by a real iCalendar parser, and the trailer command."""

from __future__ import annotations

import os
import shlex
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from lostcli import browser, ical
from tests.conftest import LATER, run, script


def events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_release_event_parses() -> None:
    r = run("calendar", "--now", LATER)
    assert r.code == 0, r.err
    assert r.out.endswith("END:VCALENDAR\r\n")
    assert all(line.endswith("\r") for line in r.out.split("\n")[:-1])
    assert all(len(line.encode()) <= 76 for line in r.out.split("\n"))  # 75 octets + CR
    [event] = events(r.out)
    assert event.decoded("DTSTART") == datetime(2025, 5, 30, 7, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2025, 5, 30, 8, 36, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "Lost in Starlight (이 별에 필요한) on Netflix"
    assert str(event["DESCRIPTION"]).startswith(
        "Time in UTC: Fri 30 May 2025, 07:00 UTC\n\nIn the Seoul of 2050, Nan-young, an astronaut"
    )
    assert event.decoded("DTSTAMP") == datetime(2026, 11, 25, 3, tzinfo=UTC)
    assert str(event["UID"]) == "lost-in-starlight-release-20250530t070000z@lostcli"


def test_uid_is_stable_and_anniversary_is_optional(tmp_path: Path) -> None:
    out = tmp_path / "film.ics"
    r = run("calendar", "--anniversary", "--output", str(out), "--now", "2026-01-01T00:00Z")
    assert (r.code, r.out) == (0, "")
    release, anniversary = events(out.read_text(encoding="utf-8"))
    assert anniversary.decoded("DTSTART") == datetime(2026, 5, 30, 7, tzinfo=UTC)
    assert str(anniversary["SUMMARY"]).endswith("1st anniversary of the release")
    again = events(run("calendar", "--anniversary", "--now", "2026-02-01T00:00Z").out)
    assert [str(e["UID"]) for e in again] == [str(release["UID"]), str(anniversary["UID"])]


def test_tz_gives_each_description_the_local_time_and_leaves_the_events_in_utc() -> None:
    """Issue 23 #5: --tz wrote the same file as without it. A calendar shows DTSTART in its own
    zone; the description says when that is in the zone asked for, for whoever reads it."""
    plain = events(run("calendar", "--anniversary", "--now", LATER).out)
    here = run("calendar", "--anniversary", "--tz", "Pacific/Honolulu", "--now", LATER)
    assert (here.code, here.err) == (0, "")
    honolulu = events(here.out)
    starts = [datetime(2025, 5, 30, 7, tzinfo=UTC), datetime(2027, 5, 30, 7, tzinfo=UTC)]
    assert (
        [e.decoded("DTSTART") for e in plain] == [e.decoded("DTSTART") for e in honolulu] == starts
    )
    assert [str(e["DESCRIPTION"]).split("\n")[0] for e in plain + honolulu] == [
        "Time in UTC: Fri 30 May 2025, 07:00 UTC",
        "Time in UTC: Sun 30 May 2027, 07:00 UTC",
        "Time in Pacific/Honolulu: Thu 29 May 2025, 21:00 HST (UTC-10:00)",
        "Time in Pacific/Honolulu: Sat 29 May 2027, 21:00 HST (UTC-10:00)",
    ]
    korean = events(run("--lang", "ko", "calendar", "--tz", "서울", "--now", LATER).out)
    assert str(korean[0]["DESCRIPTION"]).startswith(
        "서울 시각: 2025년 5월 30일 (금) 오후 4:00 KST (UTC+09:00)\n\n2050년 서울"
    )
    assert "description gives" in run("calendar", "-h").out


def test_unwritable_output_is_an_error(tmp_path: Path) -> None:
    r = run("calendar", "--output", str(tmp_path / "missing" / "film.ics"))
    assert r.code == 1
    assert r.err.startswith("lostcli: error: cannot write")


def test_output_replaces_a_file_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "film.ics"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.ics"
    link.symlink_to(target.name)
    assert run("calendar", "-o", str(link), "--now", LATER).code == 0
    assert link.is_symlink()  # followed, not replaced
    assert events(target.read_text(encoding="utf-8"))
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["film.ics", "link.ics"]


def test_a_new_output_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        assert run("calendar", "-o", str(tmp_path / "new.ics"), "--now", LATER).code == 0
    finally:
        os.umask(mask)
    assert (tmp_path / "new.ics").stat().st_mode & 0o777 == 0o640


@pytest.mark.slow
def test_a_failed_write_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    """A real limit: the kernel refuses the write (`ulimit -f 0`, EFBIG)."""
    target = tmp_path / "film.ics"
    target.write_text("old")
    command = shlex.join([*script(), "calendar", "-o", str(target)])
    p = subprocess.run(
        ["bash", "-c", f"ulimit -f 0; exec {command}"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert (p.returncode, p.stdout) == (1, "")
    assert p.stderr == f"lostcli: error: cannot write '{target}': File too large\n"
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["film.ics"]


def test_output_dash_is_stdout() -> None:
    r = run("calendar", "-o", "-", "--now", LATER)
    assert r.code == 0 and events(r.out)


@pytest.mark.parametrize("name", ["{tmp}/", "{tmp}", "{tmp}/new/"])
def test_output_to_a_directory_is_a_usage_error(tmp_path: Path, name: str) -> None:
    r = run("calendar", "-o", name.format(tmp=tmp_path))
    assert r.code == 2
    assert r.err.endswith("is a directory; name a file in it\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("line", ["x" * 200, "이" * 100, "a" + "별" * 60])
def test_folding_keeps_characters_whole(line: str) -> None:
    folded = ical.fold(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    assert all(len(p.encode()) <= 75 for p in pieces[:1]) and all(
        len(p.encode()) <= 74 for p in pieces[1:]
    )


def test_escape() -> None:
    assert ical.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_trailer_link() -> None:
    r = run("trailer")
    assert r.out == f"Lost in Starlight trailer (Italian, uncertain):\n{URL}\n"
    narrow = run("trailer", env={"COLUMNS": "20"}).out
    assert narrow.splitlines()[-1] == URL  # on a line of its own, never split
    assert run("trailer", "--json").out.count("t4hiu_kohhs") == 1


URL = "https://www.youtube.com/watch?v=t4hiu_kohhs"


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], bool]]:
    calls: list[tuple[list[str], bool]] = []
    monkeypatch.setattr(browser, "launch", lambda args, wait: calls.append((args, wait)) or True)
    return calls


def test_trailer_open_with_a_display(launched: list[tuple[list[str], bool]]) -> None:
    r = run("trailer", "--open", env={"DISPLAY": ":0", "PATH": os.environ["PATH"]})
    assert r.code == 0 and URL in r.out
    assert launched in ([(["xdg-open", URL], False)], [(["gio", "open", URL], False)])


def test_trailer_open_without_a_display_shows_the_link_and_says_why(
    launched: list[tuple[list[str], bool]],
) -> None:
    r = run("trailer", "--open", env={"TERM": "xterm"})
    assert r.code == 1 and URL in r.out
    assert r.err == (
        "lostcli: error: cannot open a browser: there is no graphical display here "
        "(DISPLAY and WAYLAND_DISPLAY are unset); the link is above\n"
    )
    assert launched == []


@pytest.mark.parametrize(
    ("platform", "environ", "found", "expected"),
    [
        ("darwin", {}, set(), (["open", URL], False)),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, {"gio"}, (["gio", "open", URL], False)),
        ("linux", {"BROWSER": "nope:w3m"}, {"w3m"}, (["w3m", URL], True)),
        ("linux", {"BROWSER": "firefox --new-tab %s"}, {"firefox"},
         (["firefox", "--new-tab", URL], True)),
    ],
)  # fmt: skip
def test_which_browser(
    platform: str, environ: dict[str, str], found: set[str], expected: tuple[list[str], bool]
) -> None:
    assert browser.opener(URL, environ, platform, lambda c: c if c in found else None) == expected


@pytest.mark.parametrize(
    ("platform", "environ", "reason"),
    [
        ("linux", {"TERM": "xterm"}, "no graphical display"),
        ("linux", {"DISPLAY": ":0"}, "neither xdg-open nor gio"),
        ("linux", {"BROWSER": "nope"}, "no command in BROWSER='nope'"),
    ],
)
def test_no_browser(platform: str, environ: dict[str, str], reason: str) -> None:
    with pytest.raises(browser.NoBrowser, match=reason):
        browser.opener(URL, environ, platform, lambda c: None)


def fake_browsers(folder: Path, log: Path) -> None:
    """Text-mode browsers and an opener that only write down that they ran."""
    for name in ("lynx", "w3m", "links", "elinks", "www-browser", "xdg-open", "gio", "mine"):
        script = folder / name
        script.write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\n')
        script.chmod(0o755)


@pytest.mark.slow
def test_no_text_browser_takes_over_the_terminal(tmp_path: Path) -> None:
    """A real process, with lynx and friends on PATH and no display."""
    fake_browsers(tmp_path, tmp_path / "log")
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}", "TERM": "xterm"}
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        env.pop(var, None)
    p = subprocess.run(
        [*script(), "trailer", "--open"], env=env, capture_output=True, text=True, timeout=10
    )
    assert p.returncode == 1 and URL in p.stdout and "no graphical display" in p.stderr
    assert not (tmp_path / "log").exists()


@pytest.mark.slow
def test_the_users_browser_is_honoured(tmp_path: Path) -> None:
    fake_browsers(tmp_path, tmp_path / "log")
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}", "BROWSER": "mine --tab %s"}
    p = subprocess.run(
        [*script(), "trailer", "--open"], env=env, capture_output=True, text=True, timeout=10
    )
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "log").read_text() == f"mine --tab {URL}\n"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/x"]
)
def test_trailer_open_refuses_other_schemes(
    url: str, tmp_path: Path, record_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(browser, "launch", lambda *args: opened.append(args) or True)
    bad = tmp_path / "film.toml"
    bad.write_text(record_text.replace("https://www.youtube.com/watch?v=t4hiu_kohhs", url))
    r = run("--film", str(bad), "trailer", "--open")
    assert r.code == 1
    assert "trailer.url: not an http(s) URL" in r.err
    assert opened == []


def test_the_korean_anniversary_is_called_what_countdown_calls_it() -> None:
    """Countdown says `2주년`; the calendar said `공개 2년`, which reads as an age."""
    now = "--now=2026-11-25T03:00Z"
    ics = run("--lang", "ko", "calendar", "--anniversary", "-o", "-", now).out
    summaries = [e["SUMMARY"] for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")]
    assert summaries[1].endswith("공개 2주년")
    assert "2주년" in run("--lang", "ko", "countdown", now).out
