"""The Korean edition read as a reviewer reads it: every catalog entry, every Korean text of
the record and the prose of README.ko.md go through one checker, which knows the glossary
(docs/glossary.ko.md, so the glossary is checked against the catalog too) and the house style:
합니다체, particles chosen by the value before them, requests as 지정하세요/입력하세요,
durations as words."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from lostcli import i18n
from tests.conftest import parsed, run

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "glossary.ko.md"

# Particles whose form depends on the word before them, longest first; a hedge such as 을(를)
# among them. Written right after a placeholder they are a guess: the template says {name}[A/B]
# (the Locale chooses) or is worded so that it needs none.
PARTICLES = sorted(
    ["이(가)", "을(를)", "은(는)", "과(와)", "(으)로", "이라는", "라는", "이라고", "라고",
     "이어야", "여야", "이에요", "예요", "으로", "로", "이나", "이랑", "랑", "이며", "이든",
     "이", "가", "을", "를", "은", "는", "과", "와"],
    key=len, reverse=True,
)  # fmt: skip
PLACEHOLDER = r"\{\w+(?::[^{}]*)?\}['\"\u2019\u201d)]*"  # and what may close a quoted value
PASTED = re.compile(PLACEHOLDER + "(" + "|".join(map(re.escape, PARTICLES)) + ")(?![가-힣])")
HEDGE = re.compile(r"[을은이과]\([를는가와]\)|\(으\)로")
STYLE = [
    (re.compile(r"주(?:세요|십시오|거나)|[을를] 주면"), "a calque of 'give': 지정하세요"),
    (re.compile(r"(?<![가-힣])압니다"), "a calque of 'knows': 지원합니다"),
    (re.compile(r"\{\w+:0\d*d\}(?:일|시간|분|초)"), "a zero-padded duration in words"),
    (re.compile(r"(?<![\d:.])0\d(?:시간|분|초)"), "a zero-padded duration in words"),
    (re.compile(r"(?<![\d.,])0일째"), "N일째 counts from 1"),
    (re.compile(r"(?<![가-힣])[쓰보]세요"), "a request is 지정하세요 or 확인하세요"),
    (re.compile(r"함께 설치된"), "bundled is 내장: 내장 기록 파일"),
    (re.compile(r"\)[ \t]*\("), "two brackets in a row: (기계 번역, 미확인)"),
    # 해요체 in a statement or question; -세요 is the request form, 필요 and 중요 are nouns
    (re.compile(r"(?<![필중세])요[.?!]?(?=[\s\"'”)]|$)"), "해요체 inside 합니다체"),
]


def glossary(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(terms, rivals) of each row of the glossary's table: the term column split at ` / `,
    the rivals in backticks of the third column."""
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and not set(cells[0]) <= set("-") and cells[1] != "한국어":
            rivals = tuple(re.findall(r"`([^`]+)`", cells[2]))
            rows.append((tuple(t.strip() for t in cells[1].split(" / ")), rivals))
    return rows


RIVALS = glossary(GLOSSARY.read_text(encoding="utf-8"))


def problems(text: str) -> list[str]:
    """What a reviewer would mark in one Korean text."""
    found = [f"particle pasted after a placeholder: {m[0]!r}" for m in PASTED.finditer(text)]
    found += [f"hedged particle: {m[0]!r}" for m in HEDGE.finditer(text)]
    found += [f"{why}: {m[0]!r}" for pattern, why in STYLE for m in pattern.finditer(text)]
    for terms, rivals in RIVALS:
        rest = text
        for term in terms:  # a rival inside the term itself is the term: 영어 더빙판
            rest = rest.replace(term, "\0")
        for rival in rivals:
            if re.search(rf"(?<![가-힣]){re.escape(rival)}", rest):
                found.append(f"glossary: {rival!r} is {' / '.join(terms)}")
    return found


# A bracket belongs to the word before it (읽습니다($LOSTCLI_FILM…), 홍경(노래·작사)): no space
# after Hangul or a placeholder, nor at the start of a suffix (" (미확인)"). Checked where lostcli
# writes the words (catalog, record); the CLDR date `2025년 5월 30일 (금)` is a pattern of its own.
SPACED_BRACKET = re.compile(r"(?:^|(?<=[가-힣}])) \(")
# A message of two sentences or more ends the last one with a full stop too.
UNFINISHED = re.compile(r"(?:니다|세요|[)}])\. .*(?:니다|세요)$", re.S)


def written_problems(text: str) -> list[str]:
    """What a reviewer would mark in Korean that lostcli itself writes: `problems`, and the
    house style's brackets and full stops."""
    found = problems(text)
    found += [f"a space before a bracket: {m.string[max(0, m.start() - 6) : m.end() + 3]!r}"
              for m in SPACED_BRACKET.finditer(text)]  # fmt: skip
    found += ["the last of several sentences has no full stop"] if UNFINISHED.search(text) else []
    return found


def catalog_problems(po: str) -> Iterator[str]:
    for msgid, (msgstr, _) in i18n.parse(po).items():
        if msgid:
            yield from (f"{msgid!r}: {p}" for p in written_problems(msgstr))


def record_texts(record: dict[str, object], path: str = "") -> Iterator[tuple[str, str]]:
    """(key path, text) of every string in the record's `translations.ko` tables."""
    items = record.items() if isinstance(record, dict) else enumerate(record)
    for key, value in items:
        where = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        if isinstance(value, str) and ".translations.ko" in where:
            yield where, value
        elif isinstance(value, dict | list):
            yield from record_texts(value, where)  # type: ignore[arg-type]


def test_every_catalog_entry_reads_as_a_localiser_would_ship_it() -> None:
    po = i18n.path("ko").read_text(encoding="utf-8")
    assert list(catalog_problems(po)) == []


def test_the_records_korean_text_reads_as_well() -> None:
    record = tomllib.loads((ROOT / "data" / "film.toml").read_text(encoding="utf-8"))
    texts = list(record_texts(record))
    assert len(texts) > 50  # the walk reaches the tables
    assert [f"{where}: {p}" for where, text in texts for p in written_problems(text)] == []


# What README.ko.md says in its own words: code blocks, HTML comments and link targets left out,
# and inline code too, unless it holds Hangul (a sample of Korean output: `✦ 3일 4시간`).
_NOT_PROSE = re.compile(r"```.*?```|<!--.*?-->|\]\([^)]*\)|`[^`\n]*`", re.S)


def readme_paragraphs(text: str) -> list[str]:
    """The Korean README's paragraphs as a reader reads them, each on one line (a glossary
    term may be broken across lines)."""
    kept = _NOT_PROSE.sub(lambda m: m[0] if re.fullmatch(r"`.*[가-힣].*`", m[0]) else " ", text)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", kept) if p.strip()]


def test_the_korean_readme_reads_as_well() -> None:
    text = (ROOT / "README.ko.md").read_text(encoding="utf-8")
    paragraphs = readme_paragraphs(text)
    assert len(paragraphs) > 30 and any("디렉터리" in p for p in paragraphs)
    assert [f"{p[:40]}…: {problem}" for p in paragraphs for problem in problems(p)] == []


# The README's prose as it was: each line must be marked, and a code block must not be.
README_BAD = [
    "이 저장소를 받은 폴더에서 설치합니다.",
    "`--lang ko`를 주거나, `LOSTCLI_LANG=ko`를 설정하거나",
    "한국어 원본과 영어\n더빙의 목소리 출연진",
    "조각(`✦ 3일 04시간`, `✦ 544일 전`)을 계산합니다.",
    "미국 MPA PG (불확실)",
    "lostcli는 시간대 이름을 압니다.",
]


@pytest.mark.parametrize("text", README_BAD)
def test_the_readme_check_catches_each_class(text: str) -> None:
    assert [p for paragraph in readme_paragraphs(text) for p in problems(paragraph)], text


def test_the_readme_check_leaves_code_alone() -> None:
    text = "설치합니다.\n\n```sh\n# 폴더를 주세요\n```\n\n`+3M`을 씁니다([문서](폴더.md))."
    assert [problems(p) for p in readme_paragraphs(text)] == [[], []]


def test_the_glossary_is_a_table_of_one_term_per_concept() -> None:
    terms = [term for row, _ in RIVALS for term in row]
    assert {"기록 파일", "디렉터리", "시차", "표", "미확인", "태양 합", "화성 시각"} <= set(terms)
    assert len(terms) == len(set(terms))  # no term twice
    rivals = [r for _, row in RIVALS for r in row]
    assert {"레코드 파일", "폴더", "오프셋", "테이블", "이야깃거리", "불확실"} <= set(rivals)
    assert not set(rivals) & set(terms)


# What the checker must catch: one string of each class, most from the catalog as it was.
BAD = [
    "{kind}여야 하는데 {given}입니다",
    "{name}이라는 명령은 없습니다",
    "{zone}을(를) 쓰세요",
    "lostcli {command}은(는) {shells}을(를) 압니다",
    "--now에는 시각을 주세요",
    "--lang ko를 주거나",
    "TOML이 아닙니다",
    "레코드 파일이 아니라 폴더입니다",
    "시차 대신 오프셋",
    "[prompt] 테이블",
    "이야깃거리 3개",
    "(이탈리아어) (불확실)",
    "{d}일 {h:02d}시간",
    "✦ 3일 04시간",
    "4시간 00분",
    "1분 05초",
    "약 780일 중 0일째",
    "'x'을(를) 말씀하신 건가요?",
    "준비됐어요.",
    "한국어 원본",
    "영어 더빙",
    "(모두 14일)",
    "{version}판을 읽습니다",
    "빠졌습니다",
    "이탈리아어 기사 (기계 번역) (미확인)",
    "{place} 시간은 {city} 시간대를 쓰세요",
    "lostcli config를 보세요.",
    "함께 설치된 기록 파일",
]
GOOD = [
    "{kind}[이어야/여야] 하는데 {given}입니다",
    "{name}[이라는/라는] 명령은 없습니다",
    "{minutes}분",
    "{number}주년, {when}",
    "{day}일째",
    "3일 4시간",
    "오후 4:05",
    "09:35 MTC",
    "터미널이 필요합니다 (터미널 필요)",
    "셸을 지정하세요: {shells}",
    "영어 더빙판",
    "턴테이블",
    "2025년 5월 30일 금요일",
    "{title}, 직역하면 “{literal}”",
    "{file}: {problem} (외 {more}개)",
    "{name} 옵션에는 값이 필요합니다",
    "(총 14일)",
    "10일째",
    "이탈리아어 기사 (기계 번역, 미확인)",
    "{place} 시각을 보려면 {city} 시간대를 지정하세요",
    "lostcli config로 확인하세요.",
]


# Second review, items 4 and 11: what only the catalog's and the record's check catches (True)
# and what it passes (False); `problems` alone passes them all.
WRITTEN = {
    "다른 기록 파일을 읽습니다 ($LOSTCLI_FILM으로도 지정할 수 있습니다).": True,
    "읽습니다($LOSTCLI_FILM으로도 지정할 수 있습니다).": False,
    "홍경 (노래·작사)": True, "iCalendar(.ics) 일정": False,
    "{platform}에서 {status} (공개 후 {span})": True,
    " (미확인)": True, "(미확인)": False,
    "디렉터리입니다. 그 안의 파일 이름을 지정하세요": True,
    "디렉터리입니다. 그 안의 파일 이름을 지정하세요.": False,
    "확인하세요. 설정 파일: $XDG_CONFIG_HOME/lostcli/config.toml": False,
}  # fmt: skip


@pytest.mark.parametrize(("text", "marked"), WRITTEN.items())
def test_the_written_check_catches_brackets_and_full_stops(text: str, marked: bool) -> None:
    assert bool(written_problems(text)) == marked and not problems(text), text


@pytest.mark.parametrize("text", BAD)
def test_the_checker_catches_each_class(text: str) -> None:
    assert problems(text), text


@pytest.mark.parametrize("text", GOOD)
def test_the_checker_passes_good_korean(text: str) -> None:
    assert problems(text) == []


def formatted_ids() -> set[str]:
    """The message ids that the code fills with str.format (`_("...").format(...)`), where a
    particle form `{name}[A/B]` would be shown as written: only a Locale fills those in."""
    found = set()
    for module in (ROOT / "src" / "lostcli").rglob("*.py"):
        for node in ast.walk(parsed(module)):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "format"
                and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", None) == "_"
                and node.value.args
                and isinstance(node.value.args[0], ast.Constant)
            ):
                found.add(node.value.args[0].value)
    return found


def test_a_particle_form_only_where_a_locale_fills_the_template() -> None:
    entries = i18n.parse(i18n.path("ko").read_text(encoding="utf-8"))
    ids = formatted_ids()
    assert "{number}, {when}" in ids  # the walk finds them
    assert [m for m in ids if "}[" in entries.get(m, ("", False))[0]] == []


# The card's and the views' labels, each the glossary's one term.
LABELS = {
    "Release": "공개 일시", "Progress": "진행률", "Since": "지난 시간", "Remaining": "남은 시간",
    "Anniversary": "다음 기념일", "Conjunction": "태양 합", "On Mars": "화성 시각",
    "Korean original": "한국어판", "English dub": "영어 더빙판", " (uncertain)": "(미확인)",
    "a table": "표",
}  # fmt: skip


def test_the_labels_are_the_glossarys() -> None:
    _ = i18n.translator("ko")
    assert {k: _(k) for k in LABELS} == LABELS


def test_every_command_summary_is_a_sentence_in_hapnida() -> None:
    """The command list reads as one form: each summary a full sentence in 합니다체, never a
    noun fragment (`작품의 줄거리.`); calendar's says what a calendar does with it (가져오다)."""
    from typer.main import get_command

    from lostcli.cli import app as cli

    _ = i18n.translator("ko")
    group = get_command(cli.app)
    summaries = {  # the first paragraph, as the command list shows it
        name: " ".join(_(c.help or "").split("\n\n")[0].split())
        for name, c in group.commands.items()  # type: ignore[attr-defined]
        if not c.hidden
    }
    assert len(summaries) >= 10
    assert [n for n, s in summaries.items() if not re.search(r"[가-힣]니다[:.( ]", s)] == []
    assert "가져올 수 있는" in summaries["calendar"]


# Korean that lostcli composes as it runs (a source's name and its doubt, a credit's note), read
# as shown: the checks above see only the parts.
SHOWN = [
    ["info", "--now", "2026-11-25T03:00:00Z"], ["credits"], ["curiosities"], ["signal"],
    ["countdown", "--tz", "Pacific/Honolulu", "--now", "2025-05-27T00:00:00Z"],
    ["calendar", "--tz", "서울"], ["validate", str(ROOT / "data" / "film.toml")],
]  # fmt: skip


@pytest.mark.parametrize("command", SHOWN)
def test_what_the_korean_edition_shows_reads_as_well(command: list[str]) -> None:
    result = run("--lang", "ko", *command, env={"COLUMNS": "200"})
    assert result.out and re.search("[가-힣]", result.out)
    assert [p for line in result.out.splitlines() for p in problems(line)] == []


def test_the_korean_readmes_code_comments_are_korean() -> None:
    """A comment in a code block is prose too: `# ~/.zshrc, compinit 뒤에`, not `after compinit`
    (two English words in a row); the code itself is README.md's (tests/test_readme.py)."""
    text = (ROOT / "README.ko.md").read_text(encoding="utf-8")
    code = "".join(re.findall(r"```\w*\n(.*?)```", text, re.S))
    comments = re.findall(r"(?m)^# (.*)$", code)
    assert len(comments) > 5 and "~/.bashrc" in comments
    assert [c for c in comments if re.search(r"\b[A-Za-z]+ [a-z]+\b", c)] == []


def test_the_korean_readme_names_values_as_the_help_does() -> None:
    """Second review, item 6: `lostcli init 셸`, `--film 경로`, as the Korean help shows them,
    not the English `SHELL` or `PATH`."""
    text = (ROOT / "README.ko.md").read_text(encoding="utf-8")
    spans = re.findall(r"`((?:lostcli|--)[^`\n]*)`", text)
    assert {"lostcli init 셸", "lostcli validate 경로", "--film 경로"} <= set(spans)
    assert [s for s in spans if re.search(r"\b(?:SHELL|PATH|ZONE|FILE|WHEN)\b", s)] == []


@pytest.mark.parametrize("document", ["README.md", "README.ko.md", "docs/settings.md"])
def test_the_config_sample_sets_every_setting(document: str) -> None:
    """Second review, item 7: the sample lacked [prompt]'s title."""
    from lostcli.config import Config, PromptConfig

    text = (ROOT / document).read_text(encoding="utf-8")
    (sample,) = [b for b in re.findall(r"```toml\n(.*?)```", text, re.S) if "[prompt]" in b]
    config = tomllib.loads(sample)
    assert set(config["prompt"]) == set(PromptConfig.__struct_fields__)
    assert set(config) == set(Config.__struct_fields__)
