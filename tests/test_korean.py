"""The Korean edition: its catalog is complete, its dates are CLDR's (Babel is the oracle), and
its views hold together at every width, Hangul counted as two cells."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest
from babel.dates import format_datetime
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from lostcli import formatting, i18n
from tests.conftest import LATER, run

SOURCE = Path(__file__).resolve().parents[1] / "src" / "lostcli"
URL = "https://www.youtube.com/watch?v=t4hiu_kohhs"


def used_messages() -> set[str]:
    """Every string the code hands to `_`: the calls of a translator named `_`."""
    found = set()
    for module in ("views.py", "live.py", "ical.py"):
        tree = ast.parse((SOURCE / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def help_texts() -> set[str]:
    """Every help text of the command tree, as Typer keeps them (the catalog's message ids)."""
    from typer.main import get_command

    from lostcli import cli

    group = get_command(cli.app)
    assert isinstance(group, cli.Group)
    commands = [group, *(c for c in group.commands.values() if not c.hidden)]
    found = {c.help for c in commands if c.help}
    found |= {p.help for c in commands for p in c.params if getattr(p, "help", None)}
    return found | set(cli.CLICK_WORDS) | {"Try '{path} -h' for help."}


def test_the_catalog_is_complete_and_exact() -> None:
    entries = i18n.parse(i18n.path("ko").read_text(encoding="utf-8"))
    header = entries.pop("")
    assert "Plural-Forms: nplurals=1; plural=0;" in header[0]
    assert not [m for m, (text, fuzzy) in entries.items() if not text or fuzzy]  # none empty
    used = used_messages() | help_texts()
    assert used - set(entries) == set()  # every message has a translation
    assert set(entries) - used == set()  # and the catalog keeps none that is not used
    for message, (text, _) in entries.items():
        assert set(re.findall(r"\{(\w+)\}", message)) == set(re.findall(r"\{(\w+)\}", text)), (
            message
        )


ZONES = sorted(available_timezones())


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)),
    zone=st.sampled_from(ZONES),
)
def test_korean_dates_are_cldrs(moment: datetime, zone: str) -> None:
    """Oracle: Babel's CLDR data for the Korean locale (wide day periods: 오전, 오후)."""
    local = moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    stamp = formatting.stamp(local, "ko")
    expected = format_datetime(local, "y년 M월 d일 (E) aaaa h:mm", locale="ko")
    assert stamp.startswith(expected + " ")
    assert formatting.day_month(local, "ko") == format_datetime(local, "M월 d일 EEEE", locale="ko")
    assert formatting.day_month_year(local, "ko") == format_datetime(
        local, "y년 M월 d일", locale="ko"
    )


@pytest.mark.parametrize(
    ("km", "text"),
    [(183_812_345, "1억 8,380만 km"), (101_400_000, "1억 140만 km"), (56_000_000, "5,600만 km"),
     (400_000_000, "4억 km")],
)  # fmt: skip
def test_korean_distances_count_in_man_and_eok(km: float, text: str) -> None:
    assert formatting.million_km(km, "ko") == text


VIEWS = [
    ["info", "--now", LATER], ["synopsis"], ["credits"], ["curiosities"],
    ["countdown", "--now", "2025-05-27T02:47:51Z"], ["countdown", "--now", LATER],
    ["signal", "--now", LATER], ["trailer"],
]  # fmt: skip


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("command", VIEWS, ids=[" ".join(c[:1]) for c in VIEWS])
def test_korean_views_hold_together_at_every_width(command: list[str], columns: int) -> None:
    r = run("--lang", "ko", *command, env={"COLUMNS": str(columns), "TZ": "Asia/Seoul"})
    assert (r.code, r.err) == (0, "")
    lines = r.out.splitlines()
    assert re.search(r"[가-힣]", r.out)  # it is Korean
    for line in lines:
        assert line == URL or cell_len(line) <= min(columns, 90), line
    box = [line for line in lines if line.startswith(("│", "╭", "╰"))]
    assert len({cell_len(line) for line in box}) <= 1, "\n".join(box)  # borders aligned
    assert "…" not in r.out


def test_the_korean_card() -> None:
    out = run("--lang", "ko", "info", "--now", LATER, env={"TZ": "Asia/Seoul"}).out
    for expected in (
        "공개 중: 넷플릭스, 1년 5개월 25일 전 공개",
        "2025년 5월 30일 (금) 오후 4:00 KST (UTC+09:00)",
        "미국 MPA PG (불확실)",
        "지금 보낸 메시지는 10분 13초 뒤에 도착",
    ):
        assert expected in out
    credits = run("--lang", "ko", "credits").out
    assert "김태리 (첫 목소리 연기)" in credits and "Kang Hyun-joo" in credits  # no Hangul: English


def test_the_korean_calendar() -> None:
    """Oracle: icalendar reads the Korean events; their UIDs are the English edition's."""
    import icalendar

    korean = run("--lang", "ko", "calendar", "--anniversary", "--now", LATER).out
    english = run("calendar", "--anniversary", "--now", LATER).out
    events = list(icalendar.Calendar.from_ical(korean).walk("VEVENT"))
    assert str(events[0]["SUMMARY"]) == "이 별에 필요한 (Lost in Starlight) 넷플릭스 공개"
    assert str(events[1]["SUMMARY"]) == "이 별에 필요한 (Lost in Starlight) 공개 2년"
    assert str(events[0]["DESCRIPTION"]).startswith("2050년 서울, 화성 탐사를 꿈꾸는")
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(english).walk("VEVENT")]
    assert [str(e["UID"]) for e in events] == uids


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize(
    "command", [[], ["info"], ["countdown"], ["prompt"], ["init"], ["calendar"], ["config"]]
)
def test_korean_help_reads_well_at_every_width(command: list[str], columns: int) -> None:
    r = run("--lang", "ko", *command, "--help", env={"COLUMNS": str(columns)})
    assert (r.code, r.err) == (0, "")
    assert r.out.startswith("사용법: lostcli") and "옵션:" in r.out
    flowing = " ".join(r.out.split())
    assert "이 도움말을 보여 주고 끝냅니다." in flowing and "Show this" not in flowing
    for line in r.out.splitlines():
        assert cell_len(line) <= min(columns, 90), line


def test_the_language_from_the_locale_reaches_the_help() -> None:
    r = run("countdown", "--help", env={"LANG": "ko_KR.UTF-8"})
    assert "내 시간대에서 공개까지 남은 시간" in r.out
    bad = run("countdown", "--bogus", env={"LANG": "ko_KR.UTF-8"})
    assert bad.err.splitlines()[:2] == [
        "사용법: lostcli countdown [OPTIONS]",
        "도움말은 'lostcli countdown -h'로 볼 수 있습니다.",
    ]
