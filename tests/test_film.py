"""The bundled record's content and the loader's handling of bad records."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lostcli import film
from lostcli.film import FilmError
from tests.conftest import BUNDLED, LATER, run


def test_bundled_record_loads_from_the_installed_package() -> None:
    path = film.bundled_path()
    assert path.is_file()
    assert film.load() == film.load(path)


def test_record_facts() -> None:
    f = film.load()
    assert f.title.english == "Lost in Starlight"
    assert f.title.korean == "이 별에 필요한"
    assert [c.name for c in f.credits_for("Director")] == ["Han Ji-won"]
    assert [c.name for c in f.credits_for("Screenplay")] == ["Han Ji-won", "Kang Hyun-joo"]
    assert f.release.instant == datetime(2025, 5, 30, 7, 0, tzinfo=UTC)
    assert f.release.zone == "America/Los_Angeles"
    assert f.about.runtime_minutes == 96
    assert f.about.studio == "Climax Studio"
    assert {(r.actor, r.character) for r in f.cast_for("original")} == {
        ("Kim Tae-ri", "Nan-young"),
        ("Hong Kyung", "Jay"),
    }
    assert {(r.actor, r.character) for r in f.cast_for("english")} == {
        ("Maitreyi Ramakrishnan", "Nan-young"),
        ("Justin H. Min", "Jay"),
    }


def test_record_text_has_none_of_the_seed_translation_errors(record_text: str) -> None:
    for typo in ("Nan-Yung", "graffitious", "seabed", "Southean"):
        assert typo not in record_text


def test_every_curiosity_cites_a_known_source() -> None:
    f = film.load()
    ids = {s.id for s in f.sources}
    assert f.curiosities
    for c in f.curiosities:
        assert c.sources and set(c.sources) <= ids


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


BAD_RECORDS = {
    "wrong type": (("runtime_minutes = 96", 'runtime_minutes = "96"'), "film.runtime_minutes"),
    "bool for int": (("runtime_minutes = 96", "runtime_minutes = true"), "film.runtime_minutes"),
    "missing key": (('rating = "PG"\n', ""), "film.ratings[1].rating: missing"),
    "no offset": (
        ("instant = 2025-05-30T00:00:00-07:00", "instant = 2025-05-30T00:00:00"),
        "release.instant: needs a UTC offset",
    ),
    "offset disagrees with zone": (
        ("instant = 2025-05-30T00:00:00-07:00", "instant = 2025-05-30T00:00:00-08:00"),
        "release.instant: offset -08:00 is not America/Los_Angeles's",
    ),
    "unknown zone": (
        ('zone = "America/Los_Angeles"', 'zone = "Mars/Olympus_Mons"'),
        "release.zone: unknown time zone",
    ),
    "bad url": (
        ('url = "https://www.youtube.com/watch?v=t4hiu_kohhs"', 'url = "javascript:alert(1)"'),
        "trailer.url: not an http(s) URL",
    ),
    "nested key path": (
        ('character = "Jay"', "character = 7"),
        "cast[1].character: expected a string",
    ),
    "unknown cast version": (('version = "english"', 'version = "french"'), "cast[2].version"),
    "unknown source": (
        ('sources = ["kstars"]', 'sources = ["nobody"]'),
        "cites unknown source 'nobody'",
    ),
    "schema version": (("schema_version = 1", "schema_version = 9"), "schema_version: unsupported"),
    "release out of range": (
        ("instant = 2025-05-30T00:00:00-07:00", "instant = 9999-05-30T00:00:00-07:00"),
        "release.instant: must fall in the years 1900 to 2200",
    ),
    "date-time for a date": (
        ("announced = 2025-04-29", "announced = 2025-04-29T00:00:00Z"),
        "release.announced: expected a date, got a date-time",
    ),
    "date for a date-time": (
        ("instant = 2025-05-30T00:00:00-07:00", "instant = 2025-05-30"),
        "release.instant: expected an offset date-time, got a date",
    ),
    "event date-time": (("date = 2023-08-16", "date = 2023-08-16T09:00:00"), "timeline[0].date"),
    "announced after release": (
        ("announced = 2025-04-29", "announced = 2025-06-01"),
        "release.announced: must not come after the release",
    ),
    "empty text": (('rating = "PG"', 'rating = "  "'), "film.ratings[1].rating: must not be empty"),
    "list item of control characters only": (
        ('genres = ["Animation",', 'genres = ["\\u0007\\u001b",'),
        "film.genres[0]: must not be empty",
    ),
    "huge text": (
        ('rating = "PG"', f'rating = "{"x" * 20_000}"'),
        "film.ratings[1].rating: longer than",
    ),
}


@pytest.mark.parametrize("case", BAD_RECORDS, ids=list(BAD_RECORDS))
def test_each_kind_of_bad_record_names_the_key(case: str, record_text: str) -> None:
    (old, new), expected = BAD_RECORDS[case]
    with pytest.raises(FilmError) as caught:
        film.parse(_replace(record_text, old, new), "x.toml")
    message = str(caught.value)
    assert message.startswith("x.toml: ")
    assert expected in message
    assert "\n" not in message


def test_toml_syntax_error_names_the_line(record_text: str) -> None:
    broken = _replace(record_text, 'rating = "PG"', "rating = PG")
    line = broken.splitlines().index("rating = PG") + 1
    with pytest.raises(FilmError, match=rf"x.toml: line {line}: invalid TOML"):
        film.parse(broken, "x.toml")


def problems_in(text: str) -> list[film.Problem]:
    with pytest.raises(FilmError) as caught:
        film.parse(text)
    return caught.value.problems


def test_all_problems_are_collected(record_text: str) -> None:
    text = _replace(record_text, "runtime_minutes = 96", "runtime_minutes = -1")
    text = _replace(text, 'rating = "PG"\n', "")
    found = problems_in(text)
    assert [p.path for p in found] == ["film.runtime_minutes", "film.ratings[1].rating"]
    assert "(and 1 more)" in str(FilmError("x", found))


def test_a_missing_table_is_one_problem_not_one_per_key(record_text: str) -> None:
    start = record_text.index("[trailer]")
    end = record_text.index("[[crew]]")
    found = problems_in(record_text[:start] + record_text[end:])
    assert [p.path for p in found] == ["trailer"]


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b'schema_version = 1\ntitle = "\xff"\n'), "line 2: not UTF-8"),
        (lambda p: p.write_bytes(b"x" * (film.MAX_FILE_BYTES + 1)), "larger than 1024 KiB"),
    ],
    ids=["missing", "directory", "not-utf8", "too-large"],
)
def test_unreadable_files(tmp_path: Path, setup: object, expected: str) -> None:
    path = tmp_path / "film.toml"
    setup(path)  # type: ignore[operator]
    with pytest.raises(FilmError, match=expected) as caught:
        film.load(path)
    assert str(path) in str(caught.value)


def test_control_characters_are_stripped_from_record_text(record_text: str) -> None:
    text = _replace(record_text, 'rating = "PG"', 'rating = "P\\u001b[2J\\u0007G\\r"')
    assert film.parse(text).about.ratings[1].rating == "P[2JG"


def test_a_valid_record_is_cached_and_the_cache_follows_the_file(
    tmp_path: Path, record_text: str
) -> None:
    record, cache = tmp_path / "film.toml", tmp_path / "cache"
    record.write_text(record_text)
    first = film.load(record, str(cache))
    [entry] = cache.iterdir()
    assert film.load(record, str(cache)) == first  # from the cache
    record.write_text(record_text.replace('short = "Starlight"', 'short = "Stars"'))
    os.utime(record, ns=(0, 10**18))
    assert film.load(record, str(cache)).title.short == "Stars"  # a changed file is read again
    assert list(cache.iterdir()) == [entry]  # and replaces its entry
    entry.write_bytes(entry.read_bytes()[:-20])  # a damaged entry is rebuilt, not trusted
    assert film.load(record, str(cache)).title.short == "Stars"
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]


def test_an_invalid_record_is_never_cached(tmp_path: Path, record_text: str) -> None:
    record, cache = tmp_path / "film.toml", tmp_path / "cache"
    record.write_text(record_text.replace("runtime_minutes = 96", "runtime_minutes = -1"))
    for _ in range(2):
        with pytest.raises(FilmError, match="must not be negative"):
            film.load(record, str(cache))
    assert not cache.exists()


def test_uncertain_facts_are_shown_as_uncertain_not_asserted() -> None:
    """The fact sheet's November 2026 corrections: the soundtrack names, the rating and the
    trailer link rest on single or lost sources."""
    credits = run("credits", env={"COLUMNS": "120"}).out
    for name in ("CIFIKA", "Meego", "John Park", "Kim Daniel of wave to earth"):
        line = next(line for line in credits.splitlines() if name in line)
        assert line.rstrip().endswith("(uncertain)"), line
    assert "Han Ji-won  한지원\n" in credits.replace(" \n", "\n")  # a confirmed credit: no label
    assert "US MPA PG (uncertain)" in run("info", "--now", LATER).out
    assert "(Italian, uncertain):" in run("trailer").out  # one bracket, not two
    data = json.loads(run("credits", "--json").out)
    assert {c["name"]: c["confidence"] for c in data["crew"]}["CIFIKA"] == "uncertain"
    assert json.loads(run("trailer", "--json").out)["confidence"] == "uncertain"


def test_the_record_holds_the_corrections() -> None:
    record = film.load()
    text = BUNDLED.read_text(encoding="utf-8")
    assert "Cheonggyecheon" not in text  # no source places it in the film
    assert "beneath Banpo" not in text and "the submersible bridge" in text
    assert "musician" in record.about.logline and "guitarist" in record.about.synopsis
    assert "Joo Nan-young" in record.about.synopsis
    cited = {s for t in record.timeline for s in t.sources}
    assert "factsheet" not in cited and "factsheet" not in {s.id for s in record.sources}
    tables = (*record.crew, *record.cast, *record.curiosities, *record.timeline, record.title,
              *record.about.ratings, *record.awards)  # fmt: skip
    every = {s for table in (*tables, record.about, record.release, record.trailer)
             for s in table.sources}  # fmt: skip
    assert every == {s.id for s in record.sources}  # each source cited, none left over


# Issue 22 and 23: how the record's text is presented, in each language.
def _shown(lang: str, *command: str) -> str:
    result = run("--lang", lang, *command, env={"COLUMNS": "120"})
    assert (result.code, result.err) == (0, "")
    return result.out


PANELS = (["info", "--now", LATER], ["countdown", "--now", LATER], ["synopsis"], ["curiosities"])


@pytest.mark.parametrize("command", PANELS, ids=[c[0] for c in PANELS])
def test_each_panel_is_titled_in_the_readers_language_first(command: list[str]) -> None:
    assert "이 별에 필요한  Lost in Starlight" in _shown("ko", *command).splitlines()[0]
    assert "Lost in Starlight  이 별에 필요한" in _shown("en", *command).splitlines()[0]


def test_beside_the_title_a_korean_reader_gets_the_english_title_not_a_romanisation() -> None:
    korean, english = _shown("ko", "info", "--now", LATER), _shown("en", "info", "--now", LATER)
    assert "│ 영어 제목: Lost in Starlight " in korean and "영어로 옮기면" not in korean
    # the sheet's romanisation is not Revised Romanization (I Byeore Piryohan): not shown
    assert "│ 이 별에 필요한, literally “Necessary for This Star” " in english
    for shown in (korean, english):
        assert "Byeol" not in shown and "Pil-yohan" not in shown
    title = json.loads(run("info", "--json", "--now", LATER).out)["title"]
    assert title["romanized"] == "I Byeol-e Pil-yohan"  # scripts keep the sourced spelling


def test_the_trailer_line_marks_the_title_and_has_one_bracket(
    tmp_path: Path, record_text: str
) -> None:
    url = "https://www.youtube.com/watch?v=t4hiu_kohhs"
    assert _shown("ko", "trailer") == f"〈이 별에 필요한〉 이탈리아어판 예고편(미확인):\n{url}\n"
    assert _shown("en", "trailer") == f"Lost in Starlight trailer (Italian, uncertain):\n{url}\n"
    confirmed = tmp_path / "film.toml"
    confirmed.write_text(_replace(record_text, 'confidence = "uncertain"  # only in the seed', "#"))
    shown = run("--film", str(confirmed), "--lang", "ko", "trailer").out
    assert shown.startswith("〈이 별에 필요한〉 이탈리아어판 예고편:\n")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_card_and_the_credits_call_each_role_by_one_word(lang: str) -> None:
    card, credits = _shown(lang, "info", "--now", LATER), _shown(lang, "credits")
    for role in ("Director", "Screenplay", "Production company"):
        word = film.load().credits_for(role)[0].translated(lang).role
        assert f"│ {word}  " in card and f" {word} " in credits, word
    assert "│ Writers" not in card and "│ Studio" not in card


def test_a_sources_language_table_and_a_names_spelling_are_checked(
    tmp_path: Path, record_text: str
) -> None:
    bad = tmp_path / "film.toml"
    text = _replace(record_text, 'translations.ko = { name = "연합뉴스" }', "translations.kr = {}")
    bad.write_text(_replace(text, 'spelling = "uncertain"', 'spelling = "maybe"'))
    shown = run("validate", str(bad), env={"COLUMNS": "200"}).out
    assert "sources[33].translations.kr: unknown key" in shown
    assert "crew[2].translations.ko.spelling: expected one of" in shown
