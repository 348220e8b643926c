"""Languages as Locales: Korean particles chosen by the sound before them, English's plurals and
ordinals, text width and line breaking, the record's text in per-language tables, and a third
language made of nothing but a catalog, a Locale and data (the record's text, place names), built
here without touching lostcli's source."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

import lostcli
from lostcli import film, formatting, i18n, locales, shells, zones
from lostcli.errors import LostcliError, Message
from lostcli.film import Problem
from lostcli.locales import _catalog
from tests.conftest import BUNDLED, LATER, run

KOREAN = {"LANG": "ko_KR.UTF-8"}
# How a word ends read aloud: C a consonant, R the consonant ㄹ (which takes 로), V a vowel.
FORMS = {
    "C": ("이", "을", "은", "으로"),
    "R": ("이", "을", "은", "로"),
    "V": ("가", "를", "는", "로"),
}
PARTICLES = (("이", "가"), ("을", "를"), ("은", "는"), ("으로", "로"))
WORDS = {
    "명령": "C", "옵션": "C", "값": "C", "파일": "R", "시간대": "V", "문자열": "R", "정수": "V",
    "5분": "C", "'xyz'": "V", "'info'": "V", "'Asia/Seoul'": "R", "Europe/London": "C",
    "'--tz'": "V", "LOSTCLI_TZ": "V", "$LOSTCLI_TZ": "V", "UTC": "V", "HTML": "R", "KST": "V",
    "(UTC)": "V", "Mac": "C", "file": "R", "zone": "C", "Hong_Kong": "C", "rate": "V",
    # 영 일 이 삼 사 오 육 칠 팔 구 십; 백, 천, 만, 십만 (ends in 만), 억; 3.14 reads 삼 점 일사
    "0": "C", "1": "R", "2": "V", "3": "C", "4": "V", "5": "V", "6": "C", "7": "R", "8": "R",
    "9": "V", "10": "C", "100": "C", "1,000": "C", "10000": "C", "100000": "C",
    "100000000": "C", "3.14": "V", "2025": "V",
}  # fmt: skip


@pytest.mark.parametrize(("word", "sound"), WORDS.items())
def test_korean_particles_follow_the_sound_of_the_word(word: str, sound: str) -> None:
    korean = locales.get("ko")
    template = "".join(f"{{w}}[{a}/{b}]," for a, b in PARTICLES)
    assert korean.fill(template, {"w": word}) == "".join(f"{word}{p}," for p in FORMS[sound])


def test_a_word_whose_sound_is_unknown_gets_both_forms() -> None:
    template = "{w}[이/가] {w}[을/를] {w}[으로/로] {w}[이라는/라는]"
    assert locales.get("ko").fill(template, {"w": "東京"}) == (
        "東京이(가) 東京을(를) 東京(으)로 東京(이)라는"
    )


def test_korean_messages_choose_their_particles() -> None:
    """The two messages that read `문자열여야` and `'xyz'이라는` with the particles pasted in."""
    assert "lostcli: 오류: 'xyz'라는 명령은 없습니다\n" in run("xyz", env=KOREAN).err
    assert "lostcli: 오류: 'seoul'이라는 명령은 없습니다\n" in run("seoul", env=KOREAN).err


@pytest.mark.parametrize(
    ("replace", "line"),
    [
        (("korean = ", "korean = 5 #"), "  title.korean: 문자열이어야 하는데 정수입니다"),
        (("runtime_minutes = 96", 'runtime_minutes = "x"'),
         ".runtime_minutes: 정수여야 하는데 문자열입니다"),
    ],
)  # fmt: skip
def test_validation_in_korean_chooses_its_particles(
    replace: tuple[str, str], line: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BUNDLED.read_text(encoding="utf-8").replace(*replace, 1), encoding="utf-8")
    result = run("validate", str(bad), env=KOREAN)
    assert result.code == 1
    assert any(shown.endswith(line) for shown in result.out.splitlines()), result.out


def test_every_particle_in_the_catalog_is_well_formed() -> None:
    """`{name}[A/B]`: a placeholder of the entry, then two forms in Hangul."""
    entries = i18n.parse(i18n.path("ko").read_text(encoding="utf-8"))
    for message, (text, _) in entries.items():
        for name, forms in re.findall(r"\{(\w+)\}\[([^\]]*)\]", text):
            assert f"{{{name}}}" in message, message
            assert re.fullmatch(r"[가-힣]+/[가-힣]+", forms), text


def test_english_plurals_ordinals_and_numbers() -> None:
    english = locales.get("en")
    assert [formatting.plural(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    ordinals = [english.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 112)]
    assert ordinals == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd",
                        "101st", "111th", "112th"]  # fmt: skip
    assert english.number(183_812_345) == "183,812,345"
    assert formatting.million_km(183_812_345) == "183.8 million km"
    assert formatting.ordinal(2, "ko") == "2"  # the template counts: `{number}주년`
    assert formatting.plural(2, "day", "ko") == "2일"


@given(st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9997, 12, 31)))
def test_english_dates_are_the_c_librarys(moment: datetime) -> None:
    """Oracle: strftime's English (Python never sets LC_TIME)."""
    english = locales.get("en")
    assert english.format_date(moment, "stamp") == (
        f"{moment:%a} {moment.day} {moment:%b} {moment.year}, {moment:%H:%M}"
    )
    assert english.format_date(moment, "day_month") == f"{moment:%A} {moment.day} {moment:%B}"


TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul
        st.characters(min_codepoint=0x21, max_codepoint=0x7E),  # printable ASCII
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),  # CJK
        st.sampled_from(["\u0301", " ", " "]),  # a combining accent, and spaces
    )
)


@given(TEXT)
def test_text_width_is_the_terminals(text: str) -> None:
    """Oracle: Rich's cell widths (Hangul and CJK two cells, a combining mark none)."""
    assert locales.get("ko").width(text) == cell_len(text)


@given(text=TEXT, width=st.integers(min_value=6, max_value=90), code=st.sampled_from(["en", "ko"]))
def test_lines_break_between_words_and_fit(text: str, width: int, code: str) -> None:
    locale = locales.get(code)
    lines = locale.wrap(text, width, "  ", "    ")
    assert all(cell_len(line) <= width for line in lines if line.strip())
    words = text.split()
    if all(cell_len(w) <= width - 4 for w in words):  # none needs cutting: each is whole,
        # but that a word may break before a bracket it opens (`시간대입니다` / `(Asia/Seoul,`)
        shown = " ".join(w for line in lines for w in line.split())
        opening = re.compile(r" (?=[(\[{])")
        assert opening.sub("", shown) == opening.sub("", " ".join(words))


def test_help_text_breaks_only_between_words() -> None:
    """Names and English words stay whole in Korean help at any width."""
    text = (
        "시간대: --tz, $LOSTCLI_TZ, 설정 파일의 tz, 그다음 시스템 순서로 정합니다. "
        "Asia/Seoul, KST, 서울 같은 이름이나 +09:00 같은 시차를 씁니다."
    )
    for width in range(16, 90):
        lines = locales.get("ko").wrap(text, width)
        assert all(cell_len(line) <= width for line in lines)
        assert " ".join(lines) == " ".join(text.split())
        for name in ("$LOSTCLI_TZ,", "Asia/Seoul,", "+09:00"):
            assert any(name in line for line in lines), (width, lines)


# A third language, all capitals, whose particle after a number differs: its data, and its Locale.
UNITS = {u: (f"{{n}} {u.upper()}", f"{{n}} {u.upper()}S") for u in
         ("year", "month", "day", "hour", "minute", "second", "problem")}  # fmt: skip
COMPACT = {"days": "{d}D{h}H", "day": "{d}D", "hours": "{h}H{m}M", "hour": "{h}H",
           "minutes": "{m}M{s}S", "minute": "{m}M", "second": "{s}S", "ago": "-{d}D",
           "now": "NOW", "upcoming": "SOON", "released": "OUT"}  # fmt: skip
DURATIONS = {"hours": "{h} H {m} MIN", "hour": "{h} H", "minutes": "{m} MIN {s} S",
             "minute": "{m} MIN", "second": "{s} S"}  # fmt: skip
DATES = {"date": "{Y}-{m:02d}-{d:02d}", "weekday": "{A}", "day_month": "{A} {d}.{m}.",
         "time": "{H}H{M:02d}", "stamp": "{a} {Y}-{m:02d}-{d:02d} {time}"}  # fmt: skip


class Pseudo(locales.Locale):
    code = "xx"
    units, compact, durations, dates = UNITS, COMPACT, DURATIONS, DATES
    days_digits = "{d}d"
    separator = " / "
    million = "{n} MEGA"
    weekdays = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
    weekdays_short = tuple(w[:2] for w in weekdays)
    months = months_short = tuple(f"M{m}" for m in range(1, 13))
    halves = ("AM", "PM")

    def plural_index(self, n: int) -> int:
        return 0 if n in (1, -1) else 1

    def choose(self, value: str, after_consonant: str, after_vowel: str) -> str:
        return after_consonant if value[-1:].isdigit() else after_vowel


def _forget_places() -> None:
    for cached in (zones.places, zones._countries, zones._candidates):
        cached.cache_clear()


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Pseudo]:
    catalog = tmp_path / "xx.po"
    catalog.write_text(
        'msgid "Out now"\nmsgstr "OUT NOW"\n\n'
        'msgid "No such command {name}."\nmsgstr "NO {name}[ZO/ZA] COMMAND."\n\n'
        'msgid "{path}: {message}"\nmsgstr "{path} >> {message}"\n\n'
        'msgid "expected {kind}, got {given}"\nmsgstr "NOT {kind} BUT {given}"\n\n'
        'msgid "a string"\nmsgstr "TEXT"\n\n'
        '#, fuzzy\nmsgid "an integer"\nmsgstr "NUMBER"\n',
        encoding="utf-8",
    )
    places = tmp_path / "xx.places.tab"
    places.write_text("# a city, a country\nxxtown\tAsia/Seoul\nxxland\tJP\n", encoding="utf-8")
    locale = Pseudo()
    locale.catalog, locale.places = str(catalog), str(places)
    monkeypatch.setitem(locales.registry, "xx", locale)
    _forget_places()
    yield locale
    _forget_places()


def test_a_third_language_is_a_catalog_and_a_locale(pseudo: Pseudo) -> None:
    assert "xx" in locales.codes() and locales.find("xx_YY.UTF-8") == "xx"
    assert locales.get("xx") is pseudo
    assert Message("Out now").text("xx") == i18n.translator("xx")("Out now") == "OUT NOW"
    assert Message("No such command {name}.", name="7").text("xx") == "NO 7ZO COMMAND."
    assert Message("No such command {name}.", name="q").text(pseudo) == "NO qZA COMMAND."
    kind, given = Message("a string"), Message("an integer")  # that one fuzzy: not used
    problem = Problem("title", Message("expected {kind}, got {given}", kind=kind, given=given))
    assert problem.text("xx") == "title >> NOT TEXT BUT an integer"
    assert LostcliError("Out now").text("xx") == "OUT NOW"
    assert formatting.calendar(1, 5, 25, 0, 0, 0, lang="xx") == "1 YEAR / 5 MONTHS / 25 DAYS"
    assert formatting.calendar(0, 0, 0, 0, 0, 0, "xx") == "0 SECONDS"
    assert formatting.clock(3 * 86400 + 61, "xx") == "3 DAYS 00:01:01"
    assert formatting.duration(754, "xx") == "12 MIN 34 S"
    assert formatting.relative(3 * 86400 + 4 * 3600, "xx") == ("3D4H", 3, "SOON")
    assert formatting.relative(-86400 * 2, "xx") == ("-2D", 2, "OUT")
    assert formatting.relative(7200, "xx") == ("2H", 0, "SOON")
    assert formatting.million_km(183_812_345, "xx") == "183.8 MEGA km"
    seoul = datetime(2025, 5, 30, 16, tzinfo=timezone(timedelta(hours=9), "KST"))
    assert formatting.stamp(seoul, "xx") == "FR 2025-05-30 16H00 KST (UTC+09:00)"
    assert formatting.stamp(seoul.astimezone(UTC), "xx") == "FR 2025-05-30 7H00 UTC"
    assert formatting.day_month(seoul, "xx") == "FRIDAY 30.5."
    assert formatting.day_month_year(seoul, "xx") == "2025-05-30"
    assert "_now=NOW" in shells.get("bash").init(0, "{rel}", "", "", False, True, "xx")


def test_a_third_language_names_places_as_data(pseudo: Pseudo) -> None:
    assert zones.parse("XXTown").name == "Asia/Seoul"
    assert zones.parse("xxland").name == "Asia/Tokyo"
    assert zones.suggest("xxtowm") == "Asia/Seoul"
    assert {"xxtown", "Xxland", "서울", "busan"} <= set(zones.names())


# The bundled record with some of its text in the third language, each table after the Korean
# one of the same table; the rest stays English.
IN_XX = {
    'name = "이 별에 필요한"': '{ name = "LOST-XX" }',
    'role = "감독"': '{ role = "DIRECTOR-XX", name = "HAN-XX" }',
    'platform = "넷플릭스"': '{ platform = "NETFLIX-XX" }',
}


@pytest.fixture
def record_xx(tmp_path: Path, record_text: str) -> Path:
    for korean, table in IN_XX.items():
        line = next(line for line in record_text.splitlines() if korean in line)
        record_text = record_text.replace(line, f"{line}\ntranslations.xx = {table}", 1)
    copy = tmp_path / "film.toml"
    copy.write_text(record_text + '\n[film.translations.xx]\nlogline = "LOGLINE-XX"\n')
    return copy


def test_a_third_language_shows_the_records_text_in_it(pseudo: Pseudo, record_xx: Path) -> None:
    def shown(*command: str) -> str:
        result = run("--film", str(record_xx), "--lang", "xx", *command)
        assert (result.code, result.err) == (0, "")
        return result.out

    card = shown("info", "--now", LATER)
    for text in ("LOGLINE-XX", "OUT NOW", "NETFLIX-XX", "HAN-XX", "Climax Studio", "Romance"):
        assert text in card, card
    assert "LOST-XX trailer (Italian" in card
    credits = shown("credits")
    assert "DIRECTOR-XX        │ HAN-XX  한지원" in credits  # its own script beside another
    assert "Screenplay         │ Han Ji-won  한지원" in credits  # no text in xx: English
    assert "SUMMARY:LOST-XX (Lost in Starlight) on NETFLIX-XX\r\n" in shown("calendar")
    assert shown("validate", str(record_xx)).startswith(f"{record_xx}: valid: LOST-XX,")
    assert "LOGLINE-XX" not in run("--film", str(record_xx), "info").out


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('translations.ko = { role = "감독"', 'translations.ko = { rol = "감독"',
         "crew[0].translations.ko.rol: unknown key (did you mean 'role'?)"),
        ('translations.ko = { actor = "홍경"', "translations.ko = { actor = 5",
         "cast[1].translations.ko.actor: expected a string, got an integer"),
        ("translations.ko = { platform", "translations.kr = { platform",
         "release.translations.kr: unknown key"),
        ('genres = ["애니메이션"', 'genre = ["애니메이션"',
         "film.translations.ko.genre: unknown key (did you mean 'genres'?)"),
        ('translations.ko = { name = "이 별에 필요한"', 'translations.ko = { name = ""',
         "title.translations.ko.name: must not be empty"),
    ],
)  # fmt: skip
def test_a_language_table_is_checked_like_the_rest(
    old: str, new: str, problem: str, tmp_path: Path, record_text: str
) -> None:
    bad = tmp_path / "bad.toml"
    assert old in record_text
    bad.write_text(record_text.replace(old, new, 1), encoding="utf-8")
    result = run("validate", str(bad))
    assert (result.code, result.out.splitlines()) == (1, [f"{bad}: 1 problem", f"  {problem}"])


def test_the_schema_declares_each_tables_language_tables() -> None:
    """What `lostcli schema` gives editors: a table per language, with the text keys only."""
    defs = json.loads(run("schema").out)["$defs"]
    for table in ("Title", "About", "Release", "Trailer", "Credit", "Role", "Curiosity", "Event"):
        languages = defs[table]["properties"]["translations"]
        assert languages["additionalProperties"] == {"$ref": f"#/$defs/{table}Text"}
        text = defs[f"{table}Text"]
        assert text["additionalProperties"] is False and not text["required"]
        assert set(text["properties"]) - {"name"} <= set(defs[table]["properties"])


# Where a language would be named, were it not a Locale: a test of its code, or a Korean field.
NAMED = re.compile(r'lang [!=]=|== "ko"|"ko"|_ko')
SOURCE = Path(lostcli.__file__).parent


def test_no_module_outside_the_locales_names_a_language() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{n}: {line.strip()}"
        for path in sorted(SOURCE.rglob("*.py"))
        if path.relative_to(SOURCE).parts[0] not in ("locales", "data")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if NAMED.search(line)
    ]
    assert found == []


def test_a_language_that_is_not_there() -> None:
    assert "xx" not in locales.codes() and locales.find("fr_FR") is None
    assert locales.find("C") is None and locales.find("ko_KR.EUC-KR") == "ko"
    with pytest.raises(KeyError):
        locales.get("xx")
    with pytest.raises(KeyError):
        locales.get("_catalog")  # a module of the package that is no language


DAY = 86_400


@pytest.mark.parametrize(
    ("seconds", "english", "korean"),
    [
        (3 * DAY + 4 * 3600 + 720, "3d 04h", "3일 4시간"),
        (3 * DAY + 59, "3d 00h", "3일"),
        (4 * 3600, "4h 00m", "4시간"),
        (4 * 3600 + 5 * 60 + 9, "4h 05m", "4시간 5분"),
        (65, "1m 05s", "1분 5초"),
        (60, "1m 00s", "1분"),
        (59, "59s", "59초"),
        (1, "1s", "1초"),
    ],
)
def test_the_prompts_compact_form(seconds: int, english: str, korean: str) -> None:
    """Korean words are never zero-padded and leave a zero part out (issue 22); the last
    minute is seconds alone in both languages (issue 23, `✦ 1s`, not `✦ 0m 01s`)."""
    assert formatting.relative(seconds)[0] == english
    assert formatting.relative(seconds, "ko")[0] == korean
    now = f"@{int(film.load().release.instant.timestamp()) - seconds}"
    assert run("prompt", "--now", now).out == f"✦ {english}\n"
    assert run("--lang", "ko", "prompt", "--now", now).out == f"✦ {korean}\n"


@pytest.mark.parametrize(
    ("seconds", "english", "korean"),
    [
        (65, "1 min 05 s", "1분 5초"),
        (594, "9 min 54 s", "9분 54초"),
        (420, "7 min 00 s", "7분"),
        (4 * 3600, "4 h 00 min", "4시간"),
        (3720, "1 h 02 min", "1시간 2분"),
        (9, "9 s", "9초"),
    ],
)
def test_durations_in_words(seconds: int, english: str, korean: str) -> None:
    assert formatting.duration(seconds) == english
    assert formatting.duration(seconds, "ko") == korean


def test_digits_stay_padded_and_every_language_has_every_form() -> None:
    """`3일 04:00:00` is digits, not words: padded; each language has every compact form and
    duration form (the shell snippets are given them all)."""
    assert formatting.clock(3 * DAY + 4 * 3600, "ko") == "3일 04:00:00"
    assert formatting.digits(3 * DAY + 4 * 3600, "ko") == "3일 04:00:00"
    assert formatting.digits(3 * DAY + 4 * 3600) == "3d 04:00:00"
    english = locales.get("en")
    for code in locales.codes():
        locale = locales.get(code)
        assert set(locale.compact) == set(english.compact), code
        assert set(locale.durations) == set(english.durations), code


def test_the_compiled_catalogs_are_current() -> None:
    """Run `python -m lostcli.locales._catalog` when this fails: a `.po` changed."""
    assert _catalog.main(["--check"]) == 0


def test_gettext_reads_each_compiled_catalog_as_its_po() -> None:
    import gettext

    po = i18n.path("ko")
    entries = _catalog.usable(_catalog.parse(po.read_text(encoding="utf-8")))
    with po.with_suffix(".mo").open("rb") as mo:
        oracle = gettext.GNUTranslations(mo)
    assert entries and all(oracle.gettext(k) == v for k, v in entries.items())
    assert _catalog.read_mo(po.with_suffix(".mo").read_bytes()) == entries


def test_a_run_reads_the_compiled_catalog_and_a_damaged_one_falls_back_to_the_po(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    parsed: list[str] = []
    parse = _catalog.parse
    monkeypatch.setattr(_catalog, "parse", lambda text: parsed.append(text) or parse(text))
    catalog = locales.get("ko").catalog
    assert catalog is not None
    assert _catalog.load(catalog)["Release"] == "공개 일시" and not parsed
    po = tmp_path / "x.po"
    po.write_text('msgid "Release"\nmsgstr "공개 일시"\n', encoding="utf-8")
    data = _catalog.write_mo(_catalog.parse(po.read_text(encoding="utf-8")))
    for damaged in (data[:20], data[:40], b"\0" * 4 + data[4:]):
        (tmp_path / "x.mo").write_bytes(damaged)
        assert _catalog.read_mo(damaged) is None
        assert _catalog.load(str(po)) == {"Release": "공개 일시"}
