"""Korean: CLDR's dates (Babel is the tests' oracle), numbers in 만 (10^4) and 억 (10^8), no
plural, and particles (이/가, 을/를, 은/는, 으로/로, 이라는/라는, 이어야/여야) chosen by how the
word before them ends when read aloud.

A catalog entry writes a particle after a placeholder as `{name}[을/를]`, the form after a final
consonant (batchim) first; see `sound` for how a value that is not Hangul is read.
"""

from __future__ import annotations

from lostcli.locales import Locale

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import ClassVar

# Final consonants (jongseong) by their index in a Hangul syllable; 0 is none.
GIYEOK, NIEUN, RIEUL, MIEUM, BIEUP, SIOT, IEUNG = 1, 4, 8, 16, 17, 19, 21
# Digits as Korean reads them: 영 일 이 삼 사 오 육 칠 팔 구.
DIGITS = (IEUNG, RIEUL, 0, MIEUM, 0, 0, GIYEOK, RIEUL, RIEUL, 0)
# A number that ends in zeros ends in its place: 십 백 천, or for four zeros and more 만 억 조 경.
TENS = (BIEUP, GIYEOK, NIEUN)
GROUPS = (NIEUN, GIYEOK, 0, IEUNG)
# Latin letters spelt out (an acronym, `--tz`): only 엘 엠 엔 알 end in a consonant.
LETTERS = {"l": RIEUL, "m": MIEUM, "n": NIEUN, "r": RIEUL}
# The end of an English word as Korean writes it: Seoul 서울, time 타임, zone 존, Hong Kong 홍콩
# (ng), and a stop right after a short vowel, Mac 맥, app 앱, bot 봇; any other ends in a vowel
# (info 인포, Paris 파리, server 서버, kate 케이트, week 위크).
SOUNDED = {"l": RIEUL, "m": MIEUM, "n": NIEUN}
STOPS = {"c": GIYEOK, "k": GIYEOK, "p": BIEUP, "t": SIOT}
VOWELS = "aeiou"
# What may close a value after its last word: `'xyz'`, `(UTC+09:00)`.
CLOSING = " '\"\u2019\u201d)]}>」』》〉"


def sound(text: str) -> int | None:
    """The final consonant of `text` read aloud in Korean (0: it ends in a vowel), or None when
    that cannot be told."""
    text = text.rstrip(CLOSING)
    if not text:
        return None
    last = text[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28
    if "0" <= last <= "9":
        return _number(text)
    if last.isascii() and last.isalpha():
        return _latin(text)
    return None


def _number(text: str) -> int:
    start = len(text)
    while start and (text[start - 1] in "0123456789,"):
        start -= 1
    digits = text[start:].replace(",", "")
    if start and text[start - 1] == ".":  # a fraction reads digit by digit: 3.14, 삼 점 일사
        return DIGITS[int(digits[-1])]
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == len(digits):
        return DIGITS[0]
    if zeros >= 4:
        return GROUPS[min(zeros // 4, len(GROUPS)) - 1]
    return TENS[zeros - 1] if zeros else DIGITS[int(digits[-1])]


def _latin(text: str) -> int:
    start = len(text)
    while start and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    word = text[start:]
    lower = word.lower()
    if len(word) == 1 or word.isupper() or not any(c in VOWELS + "y" for c in lower):
        return LETTERS.get(lower[-1], 0)  # spelt out: UTC 유티씨, tz 티지, HTML 에이치티엠엘
    if lower.endswith("ng"):
        return IEUNG
    if len(lower) > 2 and lower[-1] == "e" and lower[-2] not in VOWELS + "y":
        return SOUNDED.get(lower[-2], 0)  # a silent e: file 파일, zone 존, but rate 레이트
    if lower[-1] in SOUNDED:
        return SOUNDED[lower[-1]]
    # click 클릭, app 앱: a doubled letter is one sound
    stem = lower[:-1] if lower.endswith("ck") or lower[-2:] in ("pp", "tt") else lower
    # After a long vowel, two letters, a stop is sounded with 으: seat 시트, week 위크, keep 키프,
    # but book 북 (a short oo)
    long = len(stem) > 2 and stem[-3] in VOWELS and not stem.endswith("ook")
    if stem[-2] in VOWELS and not long:
        return STOPS.get(stem[-1], 0)
    return 0


UNITS: dict[str, tuple[str, ...]] = {
    "year": ("{n}년",), "month": ("{n}개월",), "day": ("{n}일",), "hour": ("{n}시간",),
    "minute": ("{n}분",), "second": ("{n}초",), "problem": ("문제 {n}개",),
}  # fmt: skip
# Words, not digits: a number is never padded and a zero part is left out (3일, 4시간 12분).
COMPACT = {
    "days": "{d}일 {h}시간", "day": "{d}일",
    "hours": "{h}시간 {m}분", "hour": "{h}시간",
    "minutes": "{m}분 {s}초", "minute": "{m}분",
    "second": "{s}초",
    "ago": "{d}일 전",
    "now": "공개 중",
    "upcoming": "공개 전", "released": "공개 후",  # {status}
}  # fmt: skip
DURATIONS = {
    "hours": "{h}시간 {m}분", "hour": "{h}시간", "minutes": "{m}분 {s}초", "minute": "{m}분",
    "second": "{s}초",
}  # fmt: skip
WEEKDAYS = tuple("월화수목금토일")
DATES = {
    "date": "{Y}년 {B} {d}일",  # 2026년 1월 9일
    "weekday": "{A}",
    "day_month": "{B} {d}일 {A}",  # 5월 30일 금요일
    "time": "{p} {I}:{M:02d}",  # 오후 4:00
    "stamp": "{Y}년 {B} {d}일 ({a}) {time}",
}
# What --now reads (see Locale): days and times of day by name, the words after a span, its
# units, and the marks of a date or a time (`2025년 5월 30일 오후 4시 30분`).
READING = (
    {"지금": 0, "오늘": 0, "내일": 1, "모레": 2, "어제": -1, "그제": -2, "그저께": -2},
    {"정오": 12, "자정": 0},
    {"후": 1, "뒤": 1, "전": -1},
    {"초": "second", "분": "minute", "시간": "hour", "일": "day", "주": "week", "개월": "month",
     "년": "year"},
    {"년": "year", "월": "month", "일": "day", "시": "hour", "분": "minute", "초": "second"},
)  # fmt: skip


class Korean(Locale):
    code = "ko"
    places = "locales/ko.places.tab"
    catalog = "locale/ko/LC_MESSAGES/lostcli.po"
    units, compact, durations, dates = UNITS, COMPACT, DURATIONS, DATES
    days_digits = "{d}일"
    separator = " "
    weekdays_short, weekdays = WEEKDAYS, tuple(f"{day}요일" for day in WEEKDAYS)
    months = months_short = tuple(f"{month}월" for month in range(1, 13))
    halves = ("오전", "오후")  # CLDR's wide day periods
    day_words, hour_words, span_words, span_units, marks = READING
    order_words: ClassVar[dict[str, int]] = {}  # none before a weekday

    def plural_index(self, n: int) -> int:
        return 0  # no plural

    def ordinal(self, n: int) -> str:
        """`2`, as `{number}주년` takes it."""
        return str(n)

    def choose(self, value: str, after_consonant: str, after_vowel: str) -> str:
        final = sound(value)
        if final is None:
            return super().choose(value, after_consonant, after_vowel)
        if final == RIEUL and after_vowel == "로":  # 서울로, as after a vowel
            return after_vowel
        return after_consonant if final else after_vowel

    def large(self, n: float) -> str:
        """`1억 8,380만`, `5,600만`, `4억`."""
        eok, man = divmod(round(n / 1e5) * 10, 10_000)
        if not eok:
            return f"{self.number(man)}만"
        return f"{eok}억 {self.number(man)}만" if man else f"{eok}억"


LOCALE = Korean()
