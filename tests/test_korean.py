"""The Korean edition: its catalog is complete, its dates are CLDR's (Babel is the oracle), and
its views hold together at every width, Hangul counted as two cells."""

from __future__ import annotations

import ast
import os
import re
import subprocess
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest
from babel.dates import format_datetime
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from lostcli import formatting, i18n
from tests.conftest import LATER, Result, need, parsed, run, script, widths

SOURCE = Path(__file__).resolve().parents[1] / "src" / "lostcli"
URL = "https://www.youtube.com/watch?v=t4hiu_kohhs"


def error_kinds() -> set[str]:
    """The names of lostcli's error types: their first argument is a message id."""
    from lostcli import browser, cli, config, context, ephemeris, files, film, text, zones  # noqa: F401
    from lostcli.errors import LostcliError

    kinds, todo = set(), [LostcliError]
    while todo:
        kind = todo.pop()
        kinds.add(kind.__name__)
        todo += kind.__subclasses__()
    return kinds


def outside_messages() -> set[str]:
    """The message ids that are other programs' words: the C library's reasons of the common
    errnos, and tomllib's messages (each constant it raises, and those naming a key as ids)."""
    import tomllib._parser

    from lostcli.errors import OS_REASONS
    from lostcli.records import TOML_NAMED

    found = set(OS_REASONS.values()) | set(TOML_NAMED.values())
    for node in ast.walk(ast.parse(Path(tomllib._parser.__file__).read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "suffixed_err"
            and isinstance(node.args[2], ast.Constant)
        ):
            found.add(node.args[2].value)
    return found


@cache
def used_messages(errors: bool = False) -> frozenset[str]:
    """Every message id in the code: what is handed to a translator named `_`, to a Message, to
    an error type or a usage error (first argument), or to a Problem (second argument); and the
    outside words that lostcli translates. With `errors`, only what error types and usage errors
    are handed."""
    first = error_kinds() | {"usage"} | (set() if errors else {"_", "Message"})
    found = set() if errors else outside_messages()
    for module in SOURCE.rglob("*.py"):
        for node in ast.walk(parsed(module)):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            at = 0 if name in first else 1 if name == "Problem" else None
            if at is not None and len(node.args) > at:
                arg = node.args[at]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
    return frozenset(found)


def help_texts() -> set[str]:
    """Every help text of the command tree, as Typer keeps them (the catalog's message ids)."""
    from typer.main import get_command

    from lostcli.cli import app as cli
    from lostcli.cli.clickfix import CLICK_WORDS

    group = get_command(cli.app)
    assert isinstance(group, cli.Group)
    commands = [group, *(c for c in group.commands.values() if not c.hidden)]
    found = {c.help for c in commands if c.help}
    found |= {p.help for c in commands for p in c.params if getattr(p, "help", None)}
    return found | set(CLICK_WORDS)


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
@pytest.mark.slow
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


@pytest.mark.parametrize("columns", widths(40, 80, 120))
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
        "넷플릭스에서 공개 중(공개한 지 1년 5개월 25일)",
        "2025년 5월 30일 (금) 오후 4:00 KST (UTC+09:00)",
        "한국 12세 이상 관람가, 미국 MPA PG(미확인)",
        "지금 보낸 메시지는 10분 13초 뒤에 도착",
    ):
        assert expected in out
    credits = run("--lang", "ko", "credits").out
    assert "김태리(첫 목소리 연기)" in credits and "Kang Hyun-joo" in credits  # no Hangul: English
    assert re.search(r"감독 +│ 한지원\n", credits)  # the name in Hangul once, not twice


def test_the_korean_calendar() -> None:
    """Oracle: icalendar reads the Korean events; their UIDs are the English edition's."""
    import icalendar

    korean = run("--lang", "ko", "calendar", "--anniversary", "--now", LATER).out
    english = run("calendar", "--anniversary", "--now", LATER).out
    events = list(icalendar.Calendar.from_ical(korean).walk("VEVENT"))
    assert str(events[0]["SUMMARY"]) == "〈이 별에 필요한〉(Lost in Starlight) 넷플릭스 공개"
    assert str(events[1]["SUMMARY"]) == "〈이 별에 필요한〉(Lost in Starlight) 공개 2주년"
    assert "\n2050년 서울, 화성 탐사를 꿈꾸는" in str(events[0]["DESCRIPTION"])
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(english).walk("VEVENT")]
    assert [str(e["UID"]) for e in events] == uids


@pytest.mark.parametrize("columns", widths(40, 80, 120))
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
        "사용법: lostcli countdown [옵션]",
        "도움말은 'lostcli countdown -h'로 볼 수 있습니다.",
    ]


# Command lines that meet each of Click's error messages, with the one they meet.
CLICK_CASES = {
    "No such command {name}.": ["nosuch"],
    "No such option: {name} (Possible options: {options})": ["info", "--jsn"],
    "No such option: {name}": ["info", "--bogus"],
    "Option {name} requires an argument.": ["countdown", "--tz"],
    "Option {name} does not take a value.": ["info", "--json=x"],
    "Missing argument {name}.": ["validate"],
    "Got unexpected extra argument(s) ({args})": ["info", "extra"],
    "Invalid value for {name}: {reason}": ["--color=bogus", "info"],
}
KOREAN = {"LANG": "ko_KR.UTF-8"}


def test_clicks_messages_are_the_ones_the_catalog_knows() -> None:
    """Oracle: Click's own English. If a Typer release rewords one, this fails rather than
    leaving it in English in a Korean run."""
    assert set(CLICK_CASES) | {"{value} is not one of {choices}."} <= used_messages()
    for template, args in CLICK_CASES.items():
        english = run(*args)
        assert english.code == 2
        message = english.err.splitlines()[-1].removeprefix("lostcli: error: ")
        pattern = re.sub(r"\\\{(\w+)\\\}", "(.+?)", re.escape(template))
        assert re.match(pattern, message), (template, message)
        korean = run(*args, env=KOREAN)
        assert korean.code == 2
        line = korean.err.splitlines()[-1]
        assert line.startswith("lostcli: 오류: ") and re.search("[가-힣]", line[13:]), line
        assert not re.search(r"\b(?:such|option|argument|value|Missing|Invalid)\b", line), line
        assert korean.err.startswith("사용법: lostcli")


ERRORS_KO = [
    ("countdown --tz Koera",
     "'Koera'는 알 수 없는 시간대입니다. Asia/Seoul을 지정하려던 것이라면 그렇게 고치세요."),
    ("countdown --tz IST", "'IST'는 여러 시간대를 가리킬 수 있습니다"
     "(Asia/Kolkata, Europe/Dublin 또는 Asia/Jerusalem). 그중 하나를 지정하세요."),
    ("countdown --now 2025-13-01", "--now: '2025-13-01'을 시각으로 읽을 수 없습니다"),
    ("countdown --now Mon_30_May_2025",
     "--now: 2025년 5월 30일은 월요일이 아니라 금요일입니다: 'Mon 30 May 2025'"),
    ("countdown --now +9000000d", "--now: 범위를 벗어났습니다(2년부터 9997년까지)"),
    ("init bogus", "알 수 없는 셸입니다: 'bogus'. "
     "lostcli init에서 쓸 수 있는 셸은 bash, zsh, fish, nu, elvish, xonsh입니다"),
    ("--film /nonexistent/film.toml info", "/nonexistent/film.toml: 파일이 없습니다"),
    ("prompt --lang xx", "'--lang'의 값이 잘못되었습니다: 'xx'는 'en', 'ko' 중 하나가 아닙니다\n"),
    ("infp", "'infp'라는 명령은 없습니다. 혹시 'info' 명령을 찾으셨습니까?"),
    ("validate", "'경로' 인수가 없습니다\n"),
    ("info --jsn", "알 수 없는 옵션입니다: --jsn(비슷한 옵션: --json, --now)"),
    ("info --json=x", "'--json' 옵션에는 값을 지정할 수 없습니다\n"),
]  # fmt: skip


@pytest.mark.parametrize(("command", "korean"), ERRORS_KO)
def test_errors_are_korean(command: str, korean: str) -> None:
    args = [arg.replace("_", " ") for arg in command.split()]
    english, result = run(*args), run(*args, env=KOREAN)
    assert result.code == english.code != 0
    assert f"lostcli: 오류: {korean}" in result.err
    assert result.out == english.out == ""


def test_a_warning_is_korean() -> None:
    result = run("countdown", "--tz", "EST", "--now", "2026-01-01", env=KOREAN)
    assert result.code == 0
    assert result.err == (
        "lostcli: 경고: EST는 서머타임 없이 일 년 내내 UTC-05:00입니다. "
        "뉴욕 시각을 보려면 America/New_York 시간대를 지정하세요.\n"
    )


def test_validate_speaks_korean(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[title]\nenglsh = "x"\n', encoding="utf-8")
    result = run("validate", str(bad), env=KOREAN)
    assert result.code == 1
    lines = result.out.splitlines()
    assert re.fullmatch(rf"{re.escape(str(bad))}: 문제 \d+개", lines[0])
    assert "  title.english: 누락되었습니다" in lines
    assert "  title.englsh: 알 수 없는 키입니다(혹시 'english' 키를 찾으셨습니까?)" in lines
    english = run("validate", str(bad), "--json").out
    assert run("validate", str(bad), "--json", env=KOREAN).out == english  # scripts' form
    good = run("validate", str(Path(__file__).parents[1] / "data" / "film.toml"), env=KOREAN)
    counts = r"제작진 \d+명, 출연진 \d+명, 알아 두면 좋은 이야기 \d+개"  # people, not the studio
    assert re.search(
        rf"문제가 없습니다 ?\(〈이 별에 필요한〉: {counts}", " ".join(good.out.split())
    )


def test_config_speaks_korean() -> None:
    result = run("config", env={**KOREAN, "TZ": "Asia/Seoul"})
    rows = [line.split() for line in result.out.splitlines()]
    assert ["color", "auto", "기본값"] in rows
    assert ["lang", "ko", "$LANG"] in rows
    last = " ".join(result.out.split("설정 파일: ")[-1].split())  # the path may wrap
    assert last.endswith("config.toml(아직 없습니다)")


@pytest.fixture(scope="module")
def korean_locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real Korean locales, UTF-8 and the older EUC-KR, built with localedef (LOCPATH)."""
    need("localedef", "/usr/share/i18n/charmaps")
    where = tmp_path_factory.mktemp("locales")
    for charmap in ("UTF-8", "EUC-KR"):
        subprocess.run(
            ["localedef", "-i", "ko_KR", "-f", charmap, str(where / f"ko_KR.{charmap}")],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
    return where


@pytest.mark.parametrize(("charmap", "codec"), [("UTF-8", "utf-8"), ("EUC-KR", "euc-kr")])
@pytest.mark.slow
def test_a_real_korean_locale(charmap: str, codec: str, korean_locales: Path) -> None:
    """The installed script started in a Korean locale speaks Korean in that locale's
    encoding: every view, the prompt and an error."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LOSTCLI_"))}
    full.update(LOCPATH=str(korean_locales), LANG=f"ko_KR.{charmap}", TZ="Asia/Seoul")
    full.update(COLUMNS="80", PYTHONUTF8="0")

    def lostcli(*args: str) -> tuple[int, str, str]:
        p = subprocess.run([*script(), *args], env=full, capture_output=True, timeout=60)
        return p.returncode, p.stdout.decode(codec), p.stderr.decode(codec)  # raises if not

    code, out, err = lostcli("countdown", "--now", "2025-05-30T12:00+09:00")
    assert (code, err) == (0, "")
    assert "2025년 5월 30일 (금) 오후 4:00 KST" in out and "4시간 후" in out
    assert lostcli("prompt", "--now", "2025-05-27T12:00+09:00", "--ascii")[1] == "* 3일 4시간\n"
    code, out, err = lostcli("countdown", "--tz", "Koera")
    assert code == 2
    assert err.endswith(
        "lostcli: 오류: 'Koera'는 알 수 없는 시간대입니다. "
        "Asia/Seoul을 지정하려던 것이라면 그렇게 고치세요.\n"
    )


# The common errnos, with the reason a Korean run gives (the English one is the C library's).
OS_KOREAN = {
    "ENOENT": "파일이나 디렉터리가 없습니다", "EACCES": "권한이 없습니다",
    "EPERM": "권한이 없습니다", "EISDIR": "디렉터리입니다", "ENOTDIR": "디렉터리가 아닙니다",
    "ENOSPC": "저장 공간이 부족합니다", "EROFS": "읽기 전용 파일 시스템입니다",
    "ENAMETOOLONG": "파일 이름이 너무 깁니다",
}  # fmt: skip


@pytest.mark.parametrize(("name", "korean"), OS_KOREAN.items())
def test_an_os_errors_reason_is_chosen_by_errno(name: str, korean: str) -> None:
    import errno

    from lostcli.errors import Message, os_reason

    code = getattr(errno, name)
    reason = os_reason(OSError(code, os.strerror(code), "x"))
    assert isinstance(reason, Message)
    assert (reason.text("ko"), reason.text("en")) == (korean, os.strerror(code))
    assert os_reason(OSError(code, "a reason of lostcli's own")) == "a reason of lostcli's own"


def test_os_errors_in_korean_runs(tmp_path: Path) -> None:
    """A record that is a directory or lies under a file, and output under a file or with a
    name too long (root passes any permission, so these are what a test can make fail)."""
    plain = tmp_path / "plain"
    plain.write_text("", encoding="utf-8")
    long = str(tmp_path / ("a" * 300))
    cases = [
        (["--film", str(tmp_path), "info"], "기록 파일이 아니라 디렉터리입니다", None),
        (
            ["--film", f"{plain}/x", "info"],
            "읽을 수 없습니다: 디렉터리가 아닙니다",
            "Not a directory",
        ),
        (
            ["calendar", "-o", f"{plain}/x"],
            "쓸 수 없습니다: 디렉터리가 아닙니다",
            "Not a directory",
        ),
        (["calendar", "-o", long], "쓸 수 없습니다: 파일 이름이 너무 깁니다", "File name too long"),
    ]
    for args, korean, english in cases:
        result = run("--lang", "ko", *args)
        assert result.code == 1 and korean in result.err, result.err
        assert not re.search(r"[A-Za-z]{4,}", result.err.rsplit(": ", 1)[-1])
        if english:  # the English edition keeps the C library's words
            assert run(*args).err.endswith(f": {english}\n")


# TOML documents with a syntax error, each with the summary a Korean run gives.
TOML_KOREAN = [
    ("schema_version = 1\n[title\n", 2, "표 선언이 ']'로 끝나야 합니다"),
    ("a = 1\na = 2\n", 2, "이미 있는 값을 덮어쓸 수 없습니다"),
    ("[a]\n[a]\n", 2, "같은 키를 두 번 선언할 수 없습니다: ('a',)"),
    ("a = {b = 1, b = 2}\n", 1, "인라인 표에 같은 키가 두 번 있습니다: 'b'"),
    ("a = '''x", 1, "다음이 있어야 합니다: \"'''\""),
    ("a = [1", 1, "배열이 닫히지 않았습니다"),
    ("a 1\n", 1, "키와 값 사이에 '=' 기호가 있어야 합니다"),
    ('a = "x\x7f"\n', 1, "쓸 수 없는 문자입니다: '\\x7f'"),
    ("}\n", 1, "잘못된 구문입니다"),  # a statement is 구문, not 문장
    ("a = 1 b = 2\n", 1, "항목 뒤에는 줄바꿈이나 파일 끝이 와야 합니다"),
    ("a = 2025-02-30\n", 1, "날짜 또는 날짜·시각 값이 잘못되었습니다"),
]


@pytest.mark.parametrize(("toml", "line", "korean"), TOML_KOREAN)
def test_toml_syntax_errors_are_summarised_in_korean(
    toml: str, line: int, korean: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(toml, encoding="utf-8")
    result = run("--lang", "ko", "--film", str(bad), "info")
    assert result.err == f"lostcli: 오류: {bad}: {line}행: TOML 문법 오류: {korean}\n"
    english = run("--film", str(bad), "info").err
    assert re.fullmatch(rf"lostcli: error: {re.escape(str(bad))}: line {line}: invalid TOML: "
                        r"[A-Z][^\n]+\n", english)  # fmt: skip
    assert (
        f"  {line}행: TOML 문법 오류: {korean}\n" in run("--lang", "ko", "validate", str(bad)).out
    )


def test_click_errors_follow_the_lang_option() -> None:
    """--lang ko, not the environment, with an option that fails before Click runs: a bad
    choice, and a global option after the command without its value."""
    color = run("--lang", "ko", "--color=bogus", "info")
    assert color.err.endswith(
        "lostcli: 오류: '--color'의 값이 잘못되었습니다: "
        "'bogus'는 'auto', 'always', 'never' 중 하나가 아닙니다\n"
    )
    assert color.err.startswith("사용법: lostcli")
    missing = run("--lang", "ko", "info", "--film")
    assert missing.err.endswith("lostcli: 오류: '--film' 옵션에는 값이 필요합니다\n")
    assert run("--lang", "xx", "info").err.endswith("is not one of 'en', 'ko'.\n")  # English


# The native reviewer's remaining items (ko-review), each as a user meets it.
def ko(*args: str, env: dict[str, str] | None = None) -> Result:
    return run("--lang", "ko", *args, env=env)


def card_line(out: str, label: str) -> str:
    """A card's row by its label, without the box: `상태  넷플릭스에서 3일 후 공개`."""
    line = next(line for line in out.splitlines() if f"│ {label} " in line)
    return " ".join(line.strip("│ ").split())


def test_a_legacy_zone_names_its_city_as_koreans_do() -> None:
    """Item 1: 뉴욕, 덴버 from the Locale's place names, and a request, not 쓰세요."""
    for zone, city, name in (("EST", "뉴욕", "New_York"), ("MST", "덴버", "Denver")):
        err = ko("countdown", "--tz", zone, "--now", LATER).err
        assert err.endswith(f"{city} 시각을 보려면 America/{name} 시간대를 지정하세요.\n"), err


def test_a_doubt_joins_the_bracket_before_it() -> None:
    """Items 2 and 12: never two brackets in a row, in Korean and (the same flaw) in English."""
    sources = ko("curiosities").out
    assert "출처: 넷플릭스 공개를 다룬 이탈리아어 기사(기계 번역, 미확인)\n" in sources
    assert "출처: 조선비즈(영문판, 미확인)\n" in sources
    english = run("curiosities").out
    assert "Source: Italian article on the Netflix release (machine-translated, uncertain)" in (
        " ".join(english.split())
    )
    assert re.search(r"│ 홍경\(노래·작사, 미확인\)\n", ko("credits").out)


def test_a_bracket_belongs_to_the_word_before_it() -> None:
    """Second review, item 4: 김태리(첫 목소리 연기), as in the catalog and the record; English
    keeps its space."""
    assert "│ 김태리(첫 목소리 연기) │" in ko("credits").out
    assert "Kim Tae-ri (her first voice role)" in run("credits", env={"COLUMNS": "200"}).out


@pytest.mark.parametrize(
    ("now", "status"),
    [
        ("2025-05-27T07:00:00Z", "넷플릭스에서 3일 후 공개"),
        ("2025-05-30T07:00:00Z", "넷플릭스에서 방금 공개"),
        (LATER, "넷플릭스에서 공개 중(공개한 지 1년 5개월 25일)"),
    ],
)
def test_the_status_line_in_korean_word_order(now: str, status: str) -> None:
    """Item 3: not the English colon structure (`공개 중: 넷플릭스, … 전부터`)."""
    assert card_line(ko("countdown", "--now", now).out, "상태") == f"상태 {status}"


def test_a_wrong_weekday_is_named_in_full() -> None:
    """Item 4: the typed 목 or Thu as the weekday's full name in the message's language."""
    for typed in ("2025년 5월 30일 (목) 오후 4시", "Thu 30 May 2025 4pm"):
        err = ko("countdown", "--now", typed).err
        assert f"--now: 2025년 5월 30일은 목요일이 아니라 금요일입니다: '{typed}'\n" in err
    english = run("countdown", "--now", "2025년 5월 30일 (목) 오후 4시").err
    assert "30 May 2025 is a Friday, not a Thursday" in english


def test_the_blackout_row_does_not_repeat_its_label() -> None:
    """Item 7."""
    later = ko("signal", "--now", "2027-01-10T00:00Z", env={"COLUMNS": "120"}).out
    row = "교신 두절 2028년 3월 12일부터 29일까지(17일)"
    assert card_line(later, "교신 두절") == row
    now = ko("signal", "--now", "2026-01-10T00:00Z", env={"COLUMNS": "120"}).out
    assert card_line(now, "교신 두절") == "교신 두절 지금부터 2026년 1월 16일까지(총 14일)"


def test_the_awards_row_and_the_other_date() -> None:
    """Item 9: the row holds a nomination (수상·후보), and the date note reads as Korean."""
    card = ko("info", "--now", LATER, env={"COLUMNS": "120"}).out
    assert card_line(card, "수상·후보") == "수상·후보 애니 어워즈 2026: 독립 장편 부문 후보"
    note = ko("countdown", "--tz", "호놀룰루", "--now", LATER, env={"COLUMNS": "120"}).out
    assert "이 시간대에서는 5월 30일 금요일이 아니라 5월 29일 목요일입니다." in note


@pytest.mark.parametrize(
    ("zone", "head"),
    [("서울", "서울 시각:"), ("Pacific/Honolulu", "호놀룰루 시각:"), ("UTC", "UTC 기준:")],
)
def test_the_calendars_description_names_the_place_in_korean(zone: str, head: str) -> None:
    """Item 10: a Korean place name where there is one; UTC is a reference, not a place."""
    out = ko("calendar", "--tz", zone, "--now", LATER).out
    assert f"\r\nDESCRIPTION:{head} 2025년 5월 " in out


def test_the_records_korean_lines_the_reviewer_marked() -> None:
    """Items 11 and 21: the quoted praise, and source names without article numbers."""
    text = " ".join(ko("curiosities").out.split())
    assert "이 작품을 '관객을 우주 곳곳으로 데려가는 시각적 걸작'이라고 불렀습니다." in text
    assert "출처: 데일리안; 스포츠조선; 코리아헤럴드" in text
    assert not re.search(r"\(\d{5,}\)", text)


def test_the_prompt_help_says_what_it_means() -> None:
    """Item 14: no calque of "nothing heavy" and "without even that"."""
    text = " ".join(ko("prompt", "-h").out.split())
    assert "무거운 라이브러리(Typer, Rich, dateutil)를 불러오지 않아" in text
    assert "lostcli init을 쓰면 lostcli를 실행하지 않고도" in text


def test_an_option_before_its_command() -> None:
    """Item 15: 알 수 없는 옵션입니다, like 알 수 없는 키/시간대/셸입니다, and where it goes."""
    err = ko("--tz", "서울", "info").err
    assert err.endswith(
        "lostcli: 오류: 알 수 없는 옵션입니다: --tz "
        "(명령 뒤에 써야 합니다: lostcli info --tz ...)\n"
    )
    err = ko("-o", "x.ics", "info").err
    assert err.endswith("(-o는 calendar 명령의 옵션이므로 명령 뒤에 써야 합니다)\n"), err


def test_particles_after_english_words_and_a_zones_spelling() -> None:
    """Item 17: week is 위크 (를), and right/UTC's plain zone as tzdata spells it."""
    err = ko("countdown", "--now", "next week").err
    assert "--now: 'next week'를 시각으로 읽을 수 없습니다" in err
    err = ko("countdown", "--tz", "right/UTC").err
    assert err.endswith("실제 시계와 맞지 않습니다. 'UTC' 시간대를 지정하세요.\n")


def test_many_problems_and_an_unused_config_in_korean(tmp_path: Path) -> None:
    """Item 21: (그 밖의 문제 N개); the config's settings 적용하지 않습니다."""
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[title]\nenglsh = "x"\n', encoding="utf-8")
    err = ko("--film", str(bad), "info").err
    assert re.fullmatch(rf"lostcli: 오류: {re.escape(str(bad))}: .+\(그 밖의 문제 \d+개\)\n", err)
    (tmp_path / "lostcli").mkdir()
    (tmp_path / "lostcli" / "config.toml").write_text("tz = 5\n")
    out = ko("config", env={"XDG_CONFIG_HOME": str(tmp_path)}).out
    assert " ".join(out.split()).endswith(
        "tz: 문자열이어야 하는데 정수입니다. 이 파일의 설정은 적용하지 않습니다."
    )


def test_an_error_ends_with_a_full_stop_only_after_several_sentences() -> None:
    """Item 21: one form for the last sentence of an error or a warning, Click's included, as
    lostcli's own end (`… 없습니다`); the second review, item 11: in a message of several
    sentences each ends with one (`디렉터리입니다. 그 안의 파일 이름을 지정하세요.`)."""
    entries = i18n.parse(i18n.path("ko").read_text(encoding="utf-8"))
    ids = used_messages(errors=True) | set(CLICK_CASES) | {"{value} is not one of {choices}."}
    ids |= {"{error}; its settings are not used"}  # a Message under `config file:`
    assert len(ids) > 50
    several = re.compile(r"(?:니다|세요|[)}])\. ")
    shown = {m: entries[m][0] for m in ids}
    assert sorted(m for m, s in shown.items() if s.endswith(".") != bool(several.search(s))) == []
    assert run("validate", env=KOREAN).err.endswith("'경로' 인수가 없습니다\n")


# The second native review (grade A-): what was left, each as a user meets it.
def words(result: Result) -> str:
    """A command's output and errors, each run of spaces and line breaks as one space."""
    return " ".join((result.out + result.err).split())


def test_the_title_pun_is_about_spacing_in_writing() -> None:
    """Item 1: 이 별 and 이별 sound the same; they differ in how they are written."""
    shown = words(ko("curiosities"))
    assert "띄어 쓴 '이 별'은 우리가 사는 지구를, 붙여 쓴 '이별'은 헤어짐을" in shown
    assert "읽은" not in shown


def test_help_says_what_it_means_in_korean() -> None:
    """Item 8: help written in Korean rather than word for word."""
    shown = words(ko("--help", env={"COLUMNS": "200"}))
    assert "기본값은 $LOSTCLI_LANG, 설정 파일의 lang, 로케일 순입니다." in shown
    assert "--json 출력은 스크립트가 읽도록 늘 영어로 나옵니다." in shown
    calendar = words(ko("calendar", "-h", env={"COLUMNS": "200"}))
    assert "표준 출력 대신 파일에 씁니다(-는 표준 출력). 기존 파일은 한 번에 교체되며" in calendar
    assert "TOML 검사와 자동 완성을 지원하는 편집기" in words(ko("schema", "-h"))
    assert "시스템 순으로 우선합니다." in words(ko("config", "-h"))


def test_errors_say_what_they_mean_in_korean(tmp_path: Path) -> None:
    """Items 5, 9 and 14: English names, calques and colons in a row."""
    assert words(ko("info", "a", "b")).endswith("lostcli: 오류: 불필요한 인수가 있습니다: a b")
    warned = " ".join(ko("countdown", env={"LOSTCLI_TZ": "Koera"}).err.split())
    assert warned == (
        "lostcli: 경고: LOSTCLI_TZ='Koera'는 쓸 수 없어 UTC를 씁니다: 'Koera'는 알 수 없는 "
        "시간대입니다. Asia/Seoul을 지정하려던 것이라면 그렇게 고치세요."
    )
    posix = words(ko("countdown", env={"TZ": "UTC-9"}))
    assert "TZ=Asia/Seoul 같은 도시 시간대를 지정하세요." in posix and "Area/City" not in posix
    missing = tmp_path / "none" / "x.ics"
    assert f"'{missing}' 파일에 쓸 수 없습니다" in words(ko("calendar", "-o", str(missing)))
    future = tmp_path / "v2.toml"
    future.write_text("schema_version = 2\n", encoding="utf-8")
    assert "이 버전의 lostcli는 스키마 버전 1만 지원합니다" in words(ko("validate", str(future)))
    record = (Path(__file__).parents[1] / "data" / "film.toml").read_text(encoding="utf-8")
    late = tmp_path / "late.toml"
    late.write_text(record.replace("announced = 2025-04-29", "announced = 2025-06-01"), "utf-8")
    assert "공개 일시보다 늦으면 안 됩니다" in words(ko("validate", str(late)))


def test_the_records_korean_reads_as_korean_wrote_it() -> None:
    """Item 12: 화면에는 … 뒤섞여 있습니다, 미국 태평양 시간, 서울의 실제 장소, 봉 감독은."""
    shown = words(ko("curiosities", env={"COLUMNS": "200"}))
    for phrase in ("화면에는 미래와 과거가 뒤섞여 있습니다.", "서울의 실제 장소가",
                   "지구와 화성 사이의 거리를 약 2억 2,500만 km로 소개했습니다",
                   "미국 태평양 시간 자정에 작품을 공개하기 때문에 서울에서는",
                   "추천사에서 봉 감독은"):  # fmt: skip
        assert phrase in shown, phrase


def test_the_korean_manual_page_names_every_setting_of_the_file() -> None:
    """Items 7 and 14: [prompt]'s title in FILES, no English ', and'; 관련 항목; SIGHUP."""
    from lostcli import manpage

    pages = manpage.pages()
    page = pages["ko/man1/lostcli.1"]
    assert "tz, lang, color와 [prompt] 표의 format, ascii, title을 쓸 수 있습니다." in page
    assert ".SH 관련 항목" in page and "터미널 연결이 끊기면(SIGHUP) 129입니다." in page
    assert "format, ascii and title in [prompt]" in pages["man1/lostcli.1"]
