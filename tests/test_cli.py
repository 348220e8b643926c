"""Every command through the real CLI entry, with captured streams."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lostcli import __version__
from tests.conftest import LATER, run


def test_version() -> None:
    r = run("--version")
    assert (r.code, r.out) == (0, f"lostcli {__version__}\n")


def test_bare_command_prints_help() -> None:
    r = run()
    assert r.code == 0
    for command in ("info", "synopsis", "credits", "curiosities", "countdown"):
        assert command in r.out


def test_info_card() -> None:
    r = run("info", "--tz", "Asia/Seoul", "--now", LATER)
    assert r.code == 0, r.err
    for text in (
        "Lost in Starlight",
        "이 별에 필요한",
        "Fri 30 May 2025, 16:00 KST (UTC+09:00)",
        "Out now on Netflix: released 1 year, 5 months, 25 days ago",
        "Han Ji-won",
        "Kang Hyun-joo",
        "Climax Studio",
        "96 min",
        "https://www.youtube.com/watch?v=t4hiu_kohhs",
    ):
        assert text in r.out, text
    assert "\x1b" not in r.out  # not a terminal: plain text


def test_info_before_release_says_coming_soon() -> None:
    r = run("info", "--tz", "UTC", "--now", "2025-05-27T07:00Z")
    assert "Coming soon to Netflix: in 3 days" in r.out


def test_info_json() -> None:
    r = run("info", "--json", "--tz", "Asia/Seoul", "--now", LATER)
    data = json.loads(r.out)
    assert data["release"]["utc"] == "2025-05-30T07:00:00Z"
    assert data["release"]["local"] == "2025-05-30T16:00:00+09:00"
    assert data["release"]["status"] == "released"
    assert data["title"]["korean"] == "이 별에 필요한"
    assert data["director"] == [{"name": "Han Ji-won", "confidence": "confirmed"}]
    assert data["runtime_minutes"] == 96


def test_synopsis() -> None:
    full = run("synopsis")
    short = run("synopsis", "--short")
    assert full.code == short.code == 0
    assert "Nan-young" in full.out and "turntable" in full.out
    assert short.out.strip().startswith("In the Seoul of 2050")
    assert "turntable" not in short.out
    assert json.loads(run("synopsis", "--json").out)["synopsis"][0].startswith("Seoul, 2050")


def test_credits() -> None:
    r = run("credits")
    for name in (
        "Han Ji-won",
        "한지원",
        "Kim Tae-ri",
        "Hong Kyung",
        "Maitreyi Ramakrishnan",
        "Justin H. Min",
    ):
        assert name in r.out
    row = next(line for line in r.out.splitlines() if "Kim Tae-ri" in line)
    assert "Nan-young" in row and "Maitreyi Ramakrishnan" in row
    data = json.loads(run("credits", "--json").out)
    assert {"actor": "Hong Kyung", "character": "Jay", "note": None} in data["cast"]["original"]


@pytest.mark.parametrize("command", ["curiosities", "trivia"])
def test_curiosities(command: str) -> None:
    r = run(command)
    assert r.code == 0
    assert "1. It is the first Korean animated feature" in r.out
    assert "Source: Anime News Network review" in r.out
    items = json.loads(run(command, "--json").out)["curiosities"]
    assert [c["number"] for c in items] == list(range(1, len(items) + 1))


def test_countdown_text_and_json() -> None:
    r = run("countdown", "--tz", "Pacific/Honolulu", "--now", "2025-05-26T09:47:51-10:00")
    assert "Thu 29 May 2025, 21:00 HST (UTC-10:00)" in r.out
    assert "Here that is Thursday 29 May, not Friday 30 May." in r.out
    assert "3 days 11:12:09" in r.out
    data = json.loads(run("countdown", "--json", "--tz", "seoul", "--now", LATER).out)
    assert data["status"] == "released"
    assert data["zone"] == "Asia/Seoul"
    assert data["seconds"] == -46_987_200
    assert data["exact"] == {"days": 543, "hours": 20, "minutes": 0, "seconds": 0}
    assert data["calendar"] == {"years": 1, "months": 5, "days": 25}
    assert data["next_anniversary"]["number"] == 2
    assert data["next_anniversary"]["local"] == "2027-05-30T16:00:00+09:00"


def test_zone_from_environment() -> None:
    r = run("countdown", "--json", "--now", LATER, env={"LOSTCLI_TZ": "Europe/London"})
    assert json.loads(r.out)["zone"] == "Europe/London"


def test_garbage_tz_warns_and_uses_utc() -> None:
    r = run("countdown", "--json", "--now", LATER, env={"TZ": "Nowhere/Land"})
    assert r.code == 0
    assert json.loads(r.out)["zone"] == "UTC"
    assert r.err == "lostcli: warning: ignoring TZ='Nowhere/Land': not a time zone; using UTC\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["countdown", "--tz", "asia/seul"], "did you mean Asia/Seoul?"),
        (["countdown", "--tz", ""], "empty time zone"),
        (["countdown", "--now", ""], "--now needs a time"),
        (["countdown", "--now", "whenever"], "cannot read 'whenever'"),
        (["info", "--bogus"], "No such option: --bogus"),
        (["nonsense"], "No such command 'nonsense'"),
    ],
)
def test_usage_errors_exit_2_with_one_error_line(args: list[str], message: str) -> None:
    r = run(*args)
    assert r.code == 2
    assert r.out == ""
    assert message in r.err
    assert r.err.count("lostcli: error:") == 1
    assert "Traceback" not in r.err


def test_clicks_errors_are_lostclis_own_words_by_their_kind() -> None:
    """Not Click's English matched by pattern: `infp` read as a whole name (issue 22)."""
    english = run("infp")
    assert english.err.splitlines()[-1] == (
        "lostcli: error: No such command 'infp'. Did you mean 'info'?"
    )
    korean = run("--lang", "ko", "infp").err.splitlines()[-1]
    assert korean == "lostcli: 오류: 'infp'라는 명령은 없습니다. 혹시 'info' 명령을 찾으셨습니까?"
    assert run("--lang", "ko", "info", "--json=x").err.splitlines()[-1] == (
        "lostcli: 오류: '--json' 옵션에는 값을 지정할 수 없습니다"
    )


def test_bad_record_exits_1_naming_file_and_key(tmp_path: Path, record_text: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(record_text.replace("runtime_minutes = 96", 'runtime_minutes = "long"'))
    for r in (run("--film", str(bad), "info"), run("info", env={"LOSTCLI_FILM": str(bad)})):
        assert r.code == 1
        assert r.err == (
            f"lostcli: error: {bad}: film.runtime_minutes: expected an integer, got a string\n"
        )


def test_another_record_can_be_loaded(tmp_path: Path, record_text: str) -> None:
    other = tmp_path / "other.toml"
    other.write_text(
        record_text.replace('english = "Lost in Starlight"', 'english = "Found in Daylight"')
    )
    assert "Found in Daylight" in run("--film", str(other), "info").out


def test_record_markup_is_shown_literally(tmp_path: Path, record_text: str) -> None:
    other = tmp_path / "markup.toml"
    other.write_text(
        record_text.replace('rating = "PG"', 'rating = "[bold]PG[/] [link=file:///etc/passwd]x"')
    )
    r = run("--film", str(other), "info")
    assert "[bold]PG[/] [link=file:///etc/passwd]x" in r.out
