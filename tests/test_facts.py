"""The bundled record against the fact sheet's second re-check (November 2026, issue 24): the
items are copied here from the sheet, so that the record cannot drift from it unnoticed."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from lostcli import film, i18n
from tests.conftest import BUNDLED, LATER, run

RECORD = film.load()
TEXT = BUNDLED.read_text(encoding="utf-8")


def test_the_busan_slate_is_dated_by_the_event_not_the_report() -> None:
    busan = [e for e in RECORD.timeline if "Busan" in e.event]
    assert [e.date for e in busan] == [date(2024, 10, 4)]
    assert {"koreabizwire", "zum-2024"} <= set(busan[0].sources)


def test_the_annie_nomination_with_its_dates() -> None:
    (annie,) = RECORD.awards
    assert (annie.name, annie.edition, annie.year) == ("Annie Awards", 53, 2026)
    assert (annie.category, annie.result) == ("Best Feature - Independent", "nominated")
    assert (annie.nominated, annie.ceremony, annie.winner) == (
        date(2026, 1, 5),
        date(2026, 2, 21),
        "Arco",
    )
    assert annie.confidence == "confirmed" and {"thewrap", "ann-2026"} <= set(annie.sources)
    assert annie.translated("ko").name == "애니 어워즈"
    dated = {e.date: e for e in RECORD.timeline}
    assert "Annie" in dated[date(2026, 1, 5)].event
    assert "Arco" in dated[date(2026, 2, 21)].event


def test_ratings_are_labelled_by_country_and_the_us_one_is_uncertain() -> None:
    ratings = RECORD.about.ratings
    assert [(r.label(), r.confidence) for r in ratings] == [
        ("Korea 12+", "confirmed"),
        ("US MPA PG", "uncertain"),
    ]
    assert [r.translated("ko").label() for r in ratings] == ["한국 12세 이상 관람가", "미국 MPA PG"]
    assert "chosunbiz-2025" in ratings[0].sources


def test_climax_studio_is_the_production_company_in_one_korean_spelling() -> None:
    (studio,) = [c for c in RECORD.crew if c.name == "Climax Studio"]
    assert (studio.role, studio.translated("ko").role) == ("Production company", "제작사")
    assert "Animation studio" not in TEXT and "애니메이션 제작" not in TEXT
    assert (
        "클라이맥스 스튜디오" not in TEXT
        and RECORD.about.translated("ko").studio == "클라이맥스스튜디오"
    )


SEED_ONLY = (
    "old alleys",
    "valves",
    "vacuum tubes",
    "orbiting base",
    "voice diaries",
    "골목",
    "궤도",
)


def test_seed_only_details_are_uncertain_and_out_of_the_synopsis() -> None:
    for lang in ("en", "ko"):
        about = RECORD.about.translated(lang)
        assert not [d for d in SEED_ONLY if d in about.synopsis + about.logline], lang
    seed_only = [c for c in RECORD.curiosities if c.sources == ("seed",)]
    assert {"old alleys", "valves", "orbiting base", "voice diaries"} <= {
        d for c in seed_only for d in SEED_ONLY if d in c.text
    }
    assert any("street lamps" in c.text and "soft lines" in c.text for c in seed_only)
    # every fact that rests on the seed alone is shown as uncertain
    rows = (*RECORD.crew, *RECORD.curiosities, *RECORD.about.ratings, *RECORD.awards)
    assert all(
        r.confidence == "uncertain" for r in (*rows, RECORD.trailer) if r.sources == ("seed",)
    )


def test_single_source_facts_the_sheet_names_are_uncertain() -> None:
    curiosity = {c.text: c for c in RECORD.curiosities}
    (top10,) = [c for t, c in curiosity.items() if "Top 10" in t]
    assert (top10.confidence, top10.sources) == ("uncertain", ("chosunbiz-2025",))
    (hong,) = [c for c in RECORD.crew if c.name.startswith("Hong Kyung")]
    assert (hong.role, hong.confidence, hong.sources) == (
        "Soundtrack",
        "uncertain",
        ("bntnews-2025",),
    )


def test_what_the_sheet_now_supports_is_in_the_record() -> None:
    texts = " ".join(c.text for c in RECORD.curiosities)
    for fact in ("1989", "Korea National University of Arts", "Kopi Luwak", "Indie-AniFest",
                 "The Sea on the Day When the Magic Returns", "Sundance", "Soulmate",
                 "The Scarlet Letter"):  # fmt: skip
        assert fact in texts, fact
    assert "25 years" in RECORD.about.synopsis and "25년" in RECORD.about.translated("ko").synopsis
    assert "sportskeeda-2023" in RECORD.title.sources  # the literal title
    assert "netflix-ko-logline" in RECORD.about.sources
    assert "꿈과 사랑을 향해" in RECORD.about.translated("ko").logline


def test_the_nomination_is_shown_on_every_screen() -> None:
    card = run("info", "--now", LATER, env={"COLUMNS": "120"}).out
    assert re.search(r"Awards +Annie Awards 2026: nominated, Best Feature - Independent", card)
    assert re.search(r"Rating +Korea 12\+, US MPA PG \(uncertain\)", card)
    ko = run("--lang", "ko", "info", "--now", LATER, env={"COLUMNS": "120"}).out
    assert "수상·후보  애니 어워즈 2026: 독립 장편 부문 후보" in ko
    assert "한국 12세 이상 관람가, 미국 MPA PG" + i18n.translator("ko")(" (uncertain)") in ko
    assert "53rd Annie Awards" in run("curiosities", env={"COLUMNS": "200"}).out
    assert "애니 어워즈" in run("--lang", "ko", "curiosities", env={"COLUMNS": "200"}).out
    data = json.loads(run("info", "--json", "--now", LATER).out)
    assert [(a["result"], a["nominated"], a["ceremony"]) for a in data["awards"]] == [
        ("nominated", "2026-01-05", "2026-02-21")
    ]


def test_a_record_without_awards_shows_no_awards_row(tmp_path: Path, record_text: str) -> None:
    start = record_text.index("[[awards]]")
    bare = record_text[:start] + record_text[record_text.index("[[sources]]", start) :]
    path = tmp_path / "film.toml"
    path.write_text(bare)
    r = run("--film", str(path), "info", "--now", LATER)
    assert r.code == 0 and "Awards" not in r.out and "Rating" in r.out


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('result = "nominated"', 'result = "shortlisted"', "awards[0].result: expected one of"),
        ('winner = "Arco"', 'winner = "Arco"\nprize = 1', "awards[0].prize: unknown key"),
        (
            'winner = "Arco"\nsources = ["thewrap"',
            'winner = "Arco"\nsources = ["nobody"',
            "awards[0].sources: cites unknown source 'nobody'",
        ),
        (
            'sources = ["filmfed"]',
            'sources = ["nobody"]',
            "film.ratings[1].sources: cites unknown source 'nobody'",
        ),
    ],
)
def test_validate_checks_awards_and_ratings_like_other_facts(
    tmp_path: Path, record_text: str, old: str, new: str, problem: str
) -> None:
    assert record_text.count(old) == 1
    path = tmp_path / "film.toml"
    path.write_text(record_text.replace(old, new))
    r = run("validate", str(path), env={"COLUMNS": "200"})
    assert r.code == 1
    assert problem in r.out, r.out


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_screen_names_a_word_only_the_project_knows(lang: str) -> None:
    """The record's sources are named for readers: not the project's own words for them."""
    for command in (["info", "--now", LATER], ["synopsis"], ["credits"], ["curiosities"]):
        shown = run("--lang", lang, *command, env={"COLUMNS": "200"}).out.lower()
        assert "seed" not in shown and "factsheet" not in shown, command


# Issue 22: what a Korean reader sees of the record is Korean, where the name has a Korean form.
def _korean(*command: str) -> str:
    result = run("--lang", "ko", *command, env={"COLUMNS": "200"})
    assert (result.code, result.err) == (0, "")
    return result.out


def test_korean_readers_see_the_sources_by_their_korean_names() -> None:
    shown = _korean("curiosities")
    for name in ("연합뉴스", "스포츠조선", "부산일보", "오마이뉴스", "코리아헤럴드", "씨네플레이",
                 "넷플릭스 코리아 뉴스룸", "넷플릭스 공개를 다룬 이탈리아어 기사"):  # fmt: skip
        assert name in shown, name
    for english in ("Yonhap", "Sports Chosun", "Busan Ilbo", "OhmyNews", "Korea Herald",
                    "Cineplay", "Netflix Korea newsroom", "Italian article", "via"):  # fmt: skip
        assert english not in shown, english
    cited = {s for c in json.loads(run("curiosities", "--json").out)["curiosities"]
             for s in c["sources"]}  # fmt: skip
    assert {"Yonhap", "Busan Ilbo"} <= cited and "연합뉴스" not in cited  # scripts read English


def test_music_people_are_credited_with_the_soundtrack_in_korean_and_stay_uncertain() -> None:
    doubt = i18n.translator("ko")(" (uncertain)")
    shown = _korean("credits")
    for name in ("씨피카" + doubt, "존박" + doubt, "김다니엘(웨이브 투 어스, 미확인)"):
        (line,) = [line for line in shown.splitlines() if name in line]
        assert line.rstrip().endswith(name), line
    assert "│ 홍경(노래·작사, 미확인)\n" in shown  # the doubt in the note's bracket
    assert " OST 참여 │ 씨피카" in shown and "음악" not in shown  # 음악 is the score composer
    crew = {c["name"]: c["role"] for c in json.loads(run("credits", "--json").out)["crew"]}
    assert crew["John Park"] == "Soundtrack"  # scripts read English


def test_the_co_writer_in_hangul_keeps_its_doubt() -> None:
    (kang,) = [c for c in RECORD.crew if c.name == "Kang Hyun-joo"]
    korean = kang.translated("ko")
    assert (korean.name, korean.spelling, kang.confidence) == ("강현주", "uncertain", "confirmed")
    assert "southern-tistory" in kang.sources  # the blog the Hangul comes from
    assert "강현주(Kang Hyun-joo, 한글 표기 미확인)" in _korean("credits")
    assert "각본       한지원, 강현주(Kang Hyun-joo, 한글 표기 미확인)" in _korean(
        "info", "--now", LATER
    )
    english = run("credits", env={"COLUMNS": "200"}).out
    assert "Kang Hyun-joo" in english and "spelling" not in english


def test_the_korean_text_reads_as_korean_prose() -> None:
    ko = {c.sources: c.translated("ko").text for c in RECORD.curiosities}
    every = " ".join(ko.values()) + RECORD.about.translated("ko").synopsis
    assert '"잠수교"라고' not in every  # a gloss for English readers only
    assert "서울로 7017" in every and "서울로7017" not in every
    assert "원문 기사" not in every
    synopsis = RECORD.about.translated("ko").synopsis
    assert "4차 화성 탐사 프로젝트" in synopsis and "네 번째" not in synopsis
    (bong,) = [t for t in ko.values() if "봉준호" in t]
    assert '완성도"를 칭찬했고' in bong  # the quotation is the object of a verb
    # the Italian article is named as the reader sees it under the curiosity
    seed = {s.id: s for s in RECORD.sources}["seed"].translated("ko").name
    (italian,) = [t for s, t in ko.items() if s == ("seed",) and "궤도" in t]
    assert italian.startswith(seed.split("(")[0] + "는")


def test_the_korean_logline_follows_netflix_koreas_own() -> None:
    logline = RECORD.about.translated("ko").logline
    assert "뮤지션의 꿈을 잠시 접어 둔 제이가 만나 꿈과 사랑을 향해 나아가는 로맨스" in logline
    assert "netflix-ko-logline" in RECORD.about.sources
