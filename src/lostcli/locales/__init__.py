"""Languages. A `Locale` owns everything that differs from one language to another: its message
catalog, plurals, particles, numbers, dates, the prompt's and a duration's compact forms, text
width and line breaking, and the place names people type in it. Nothing outside this package
asks which language it is: it asks the Locale. The base `Locale` is English, the language of the
message ids, so it has no catalog and no module of its own (an English run imports no other);
another language is a module here named by its code (`ko.py`) whose `LOCALE` is an instance of a
`Locale` subclass that gives its own tables and a catalog; `get` finds it, and `registry` may be
handed one more (a test's pseudo-language). A record gives its text in a language in tables of
that code (film.py).

Standard library only, no `typing` and no `re`: the prompt path formats its segment through a
Locale on every redraw.

Particles. A catalog writes a word whose form depends on the value before it as `{name}[A/B]`:
A after a consonant, B after a vowel (Korean `{zone}[을/를]`, `{name}[이라는/라는]`). The Locale
picks one (`choose`) from the value as shown; where it cannot tell, both are shown: `을(를)`,
and `(으)로` where A is B with more in front.
"""

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from types import ModuleType
    from typing import ClassVar

# Locales built outside this package, by code; the package's own are added on first use.
registry: "dict[str, Locale]" = {}


class Locale:
    """English, and what every language has unless it needs otherwise (Korean's particles and
    만/억): a language's subclass gives its own tables below."""

    code = "en"
    # The gettext catalog, relative to the lostcli package (or absolute); None where the
    # message ids are the text.
    catalog: str | None = None
    # Place names in this language that tzdata spells otherwise (`서울`, `usa`), a table of
    # name, tab, zone or country code; relative like `catalog`, and read by zones.py only.
    places: str | None = "locales/en.places.tab"
    # unit -> forms, indexed by `plural_index` ({n} is the count)
    units: "ClassVar[dict[str, tuple[str, ...]]]" = {
        "year": ("{n} year", "{n} years"),
        "month": ("{n} month", "{n} months"),
        "day": ("{n} day", "{n} days"),
        "hour": ("{n} hour", "{n} hours"),
        "minute": ("{n} minute", "{n} minutes"),
        "second": ("{n} second", "{n} seconds"),
        "problem": ("{n} problem", "{n} problems"),
    }
    # The prompt's compact forms of a span ({d} {h} {m} {s}), named by its largest unit: days,
    # hours, minutes (that unit and the next), day, hour, minute (the next is zero), second (the
    # last minute); ago, now; and the {status} words. The shell snippets are given them too.
    compact: "ClassVar[dict[str, str]]" = {
        "days": "{d}d {h:02d}h", "day": "{d}d 00h",
        "hours": "{h}h {m:02d}m", "hour": "{h}h 00m",
        "minutes": "{m}m {s:02d}s", "minute": "{m}m 00s",
        "second": "{s}s",
        "ago": "{d}d ago",
        "now": "out now",
        "upcoming": "upcoming", "released": "released",
    }  # fmt: skip
    # A duration's forms, named likewise: hours, hour, minutes, minute, second.
    durations: "ClassVar[dict[str, str]]" = {
        "hours": "{h} h {m:02d} min", "hour": "{h} h 00 min",
        "minutes": "{m} min {s:02d} s", "minute": "{m} min 00 s",
        "second": "{s} s",
    }  # fmt: skip
    # The days in front of the live countdown's digits ({d}), in its block font (live.FONT).
    days_digits = "{d}d"
    separator = ", "  # between the parts of a calendar span
    million = "{n} million"  # `large` in a language that counts in millions
    # Dates: names Monday first and January first, the halves of the day, and patterns of the
    # fields of `fields`: date, weekday, day_month, time, stamp (`{time}` is the time's pattern).
    weekdays: "tuple[str, ...]" = (
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    )  # fmt: skip
    weekdays_short: "tuple[str, ...]" = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months: "tuple[str, ...]" = (
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    )  # fmt: skip
    months_short: "tuple[str, ...]" = (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    )  # fmt: skip
    halves: "tuple[str, str]" = ("AM", "PM")
    dates: "ClassVar[dict[str, str]]" = {
        "date": "{d} {b} {Y}",  # 9 Jan 2026
        "weekday": "{A}",
        "day_month": "{A} {d} {B}",  # Friday 30 May
        "time": "{H:02d}:{M:02d}",
        "stamp": "{a} {d} {b} {Y}, {time}",  # Fri 30 May 2025, 16:00
    }
    # What --now reads in this language (clock.py), in lower case, besides its weekdays and
    # halves of the day: days by name (`tomorrow`: 1) and times of day (`noon`: 12), the words
    # before a weekday (`next`: 1) and after a span (`ago`: -1), a span's units (`d`: "day", as
    # in `units`; `M` is none: minutes, m or min, or months, mo), and the marks after a number
    # in a date or a time (`년`: "year", `시`: "hour").
    day_words: "ClassVar[dict[str, int]]" = {"now": 0, "today": 0, "tomorrow": 1, "yesterday": -1}
    hour_words: "ClassVar[dict[str, int]]" = {"noon": 12, "midnight": 0}
    order_words: "ClassVar[dict[str, int]]" = {"this": 0, "next": 1, "last": -1}
    span_words: "ClassVar[dict[str, int]]" = {"ago": -1}
    span_units: "ClassVar[dict[str, str]]" = {
        word: unit
        for unit, words in {
            "second": "s sec secs second seconds", "minute": "m min mins minute minutes",
            "hour": "h hr hrs hour hours", "day": "d day days", "week": "w wk week weeks",
            "month": "mo month months", "year": "y yr year years",
        }.items()
        for word in words.split()
    }  # fmt: skip
    marks: "ClassVar[dict[str, str]]" = {}

    def __init__(self) -> None:
        self._messages: dict[str, str] | None = None

    def translate(self, message: str) -> str:
        """The text of a message id in this language: its catalog's entry, or the id."""
        if self.catalog is None:
            return message
        if self._messages is None:
            from lostcli.locales._catalog import load  # read when a message is first shown

            self._messages = load(self.catalog)
        return self._messages.get(message, message)

    def message(self, template: str, values: dict[str, object]) -> str:
        """A message id translated and filled in with values that are shown already."""
        return self.fill(self.translate(template), values)

    def fill(self, template: str, values: dict[str, object]) -> str:
        """`template` filled in, each particle (`{name}[A/B]`) in the form its value takes."""
        if not values:
            return template
        if "}[" in template:
            template = self._particles(template, values)
        return template.format(**values)

    def _particles(self, template: str, values: dict[str, object]) -> str:
        done, rest = [], template
        while (at := rest.find("}[")) >= 0:
            start, end = rest.rfind("{", 0, at), rest.find("]", at)
            name, _, spec = rest[start + 1 : at].partition(":")
            forms = rest[at + 2 : end].split("/")
            if start < 0 or end < 0 or name not in values or len(forms) != 2:
                done.append(rest[: at + 2])  # a bracket that is no particle
                rest = rest[at + 2 :]
                continue
            done.append(rest[: at + 1] + self.choose(format(values[name], spec), *forms))
            rest = rest[end + 1 :]
        return "".join(done) + rest

    def choose(self, value: str, after_consonant: str, after_vowel: str) -> str:
        """The particle that follows `value`; here, where the sound is not known, both."""
        if after_consonant.endswith(after_vowel):
            return f"({after_consonant[: -len(after_vowel)]}){after_vowel}"
        return f"{after_consonant}({after_vowel})"

    def plural_index(self, n: int) -> int:
        return 0 if n == 1 else 1

    def plural(self, n: int, unit: str) -> str:
        """`3 days`, `3일`."""
        forms = self.units[unit]
        return forms[min(self.plural_index(n), len(forms) - 1)].format(n=n)

    def ordinal(self, n: int) -> str:
        """The number of an anniversary as its template takes it: `1st`, `2nd`, `11th`, `22nd`
        (Korean's `{number}주년` takes `2`)."""
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def relative(self, seconds: int) -> tuple[str, int, str]:
        """The prompt's compact form of signed seconds to the release (formatting.relative):
        its text, whole days, and status."""
        forms = self.compact
        if seconds > 0:
            d, h, m, s = parts = split(seconds)
            form = _form(forms, ("day", "hour", "minute", "second"), parts)
            return form.format(d=d, h=h, m=m, s=s), d, forms["upcoming"]
        d = -seconds // 86_400
        return (forms["ago"].format(d=d) if d else forms["now"]), d, forms["released"]

    def duration(self, seconds: int) -> str:
        """Whole seconds in a duration's form (formatting.duration)."""
        h, rest = divmod(seconds, 3600)
        m, s = divmod(rest, 60)
        form = _form(self.durations, ("hour", "minute", "second"), (h, m, s))
        return form.format(h=h, m=m, s=s)

    def number(self, n: int) -> str:
        """`1,234,567`."""
        return f"{n:,}"

    def large(self, n: float) -> str:
        """A large quantity to the hundred thousand: `183.8 million`."""
        return self.million.format(n=f"{n / 1e6:,.1f}")

    def fields(self, moment: "datetime") -> dict[str, object]:
        """The fields of a date pattern: Y m d (numbers), a A (weekday), b B (month), H I M
        (24-hour, 12-hour, minute) and p (half of the day)."""
        day, month = moment.weekday(), moment.month - 1
        return {
            "Y": moment.year, "m": moment.month, "d": moment.day, "H": moment.hour,
            "I": (moment.hour + 11) % 12 + 1, "M": moment.minute,
            "p": self.halves[moment.hour >= 12], "a": self.weekdays_short[day],
            "A": self.weekdays[day], "b": self.months_short[month], "B": self.months[month],
        }  # fmt: skip

    def format_date(self, moment: "datetime", pattern: str) -> str:
        """`moment` in one of this language's date patterns (`dates`)."""
        fields = self.fields(moment)
        fields["time"] = self.dates["time"].format(**fields)
        return self.dates[pattern].format(**fields)

    def width(self, text: str) -> int:
        """The cells `text` takes in a terminal: two for a wide character (Hangul, CJK), none
        for a combining one."""
        import unicodedata  # only help screens measure

        return sum(
            0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
            for c in text
        )

    def glue(self, text: str) -> str:
        """`text` with a no-break space (NBSP) at each space a line must not break at: inside a
        quantity and before its unit (`13분 45초`, `3일 후`, `1억 140만 km`, `3 days ago`), in a
        date (`30 May 2025`) and a standard's name (`ISO 8601`), after a half of the day (`오후
        4시`) and after an icon (`✦ 3일`); and between a date and its time (`30 May 2025 4pm`,
        `30일 오후 4시`), which a run wider than a line gives up first (`breaks`). Punctuation
        and particles need no such space: they follow their word without one (`(UTC+09:00):`,
        `config.toml에서도`)."""
        import itertools  # only line breaking needs it, not the prompt

        words = text.split(" ")
        spaces = (NBSP if hold else " " for hold in self._holds(words))
        return "".join(itertools.chain(*zip(words, spaces, strict=False))) + words[-1]

    def _holds(self, words: list[str]) -> list[int]:
        """How firmly each space between `words` holds them: 0, JOINED or GLUED (`glue`)."""
        import itertools

        holds, unit = [], False
        for before, word in itertools.pairwise(words):
            hold = self._held(before, word, unit)
            unit = hold > 0 and not word[:1].isdigit()  # `word` follows a number: `30 May`
            holds.append(hold)
        return holds

    def _held(self, before: str, word: str, unit: bool) -> int:
        """How firmly `word` stays beside `before` (`_holds`); `unit`: `before` is held to a
        number before it (`30 May`, `3 days`), which a number or `ago` may follow."""
        if not before or not word or before[-1] in ",;:.)]}":  # the quantity ended before
            return 0
        if len(before) == 1 and not before.isascii():
            import unicodedata  # only wrapping asks

            return GLUED * (unicodedata.category(before) == "So")  # an icon: `✦ 543일 전`
        before = before.rpartition("(")[2].lstrip("[+-")  # `시각(오후 4시`
        # a quantity: digits, and a unit of two letters at most (`3일`, `3d`, not `30일까지`)
        tail = before.lstrip("0123456789.,:") if before[:1].isdigit() else "?" * 3
        core = word.rstrip(",;:.)]}")
        if word[0].isdigit():
            if not tail:  # a bare number: a date's year, and its time (`2025 4pm`)
                return JOINED
            acronym = before.isascii() and before.isalpha() and before.isupper() and core.isdigit()
            month = unit and before[:1].isupper()  # `30 May 2025`, not `2028 to 29`
            within = len(tail) <= 2 or month or acronym  # `2억 2,250만`, `ISO 8601`
            return GLUED * (within or before in self.halves or before in BEFORE_NUMBER)
        if len(tail) > 2:
            return GLUED * (unit and core in AFTER_NUMBER)  # `3 days ago`
        if core in self.halves or core in BEFORE_NUMBER:
            return JOINED  # a date's time: `30일 오후 4시`
        latin = core.rstrip("".join(c for c in core if not c.isascii()))  # `km로`: its particle
        short = latin.isalpha() and (latin.isupper() or len(latin) <= 4)
        units = (*self.span_units, *AFTER_NUMBER, *self.months)  # `5 January 2026`
        return GLUED * (short or core in units)

    def breaks(self, text: str) -> dict[int, int]:
        """Where a line of `text` may break, by offset, each with how firmly it holds: a run
        wider than a line gives up its FREE places, then its BRACKETED ones, and so on.
        FREE: a space. BRACKETED: a space inside brackets, which hold their run (with the word
        they are attached to and the punctuation after them) on one line where it fits.
        JOINED, GLUED: a space `glue` holds, or a no-break space in `text`. OPENED: before an
        opening bracket attached to a word (`파일($XDG_CONFIG_HOME/…`), where such a word wider
        than a line breaks, no space shown, rather than inside a name in the brackets."""
        found, at = {}, -1
        words = text.split(" ")
        for word, hold in zip(words, self._holds(words), strict=False):
            at += len(word) + 1
            found[at] = hold or FREE
        found.update((i, GLUED) for i, c in enumerate(text) if c == NBSP)
        opened: list[int] = []
        for i, c in enumerate(text):
            if c in BRACKETS:
                opened.append(i)
            elif opened and BRACKETS[text[opened[-1]]] == c:
                at = opened.pop()
                found.update((j, BRACKETED) for j in range(at, i) if found.get(j) == FREE)
                if at and text[at - 1] not in " " + NBSP:
                    found[at] = OPENED
        return found

    def wrap(self, text: str, width: int, first: str = "", rest: str = "") -> list[str]:
        """The words of `text` in lines of at most `width` cells, after `first` on the first
        line and `rest` on the others. Lines break only where `breaks` allows, never inside a
        name such as `Asia/Seoul` or `$LOSTCLI_TZ`, nor where the text holds a no-break space
        (a command to copy); only a word wider than a whole line is cut (`_head`)."""
        for space in "\t\r\n":
            text = text.replace(space, " ")
        text = " ".join(w for w in text.split(" ") if w)
        lines: list[str] = []
        line, used, empty = first, self.width(first), True
        for word, spaced in self._runs(text, width - self.width(rest)):
            size, gap = self.width(word), int(spaced)
            if not empty and used + gap + size > width:
                lines.append(line)
                line, used, empty = rest, self.width(rest), True
            if not empty:
                line, used = line + " " * gap, used + gap
            while used + size > width and len(word) > 1:
                head = self._head(word, width - used)
                lines.append(line + head)
                line, used = rest, self.width(rest)
                word = word[len(head) :]
                size = self.width(word)
            line, used, empty = line + word, used + size, False
        return [*lines, line] if not empty else lines

    def _runs(self, text: str, room: int) -> list[tuple[str, bool]]:
        """The runs of `text` that stay whole on a line of `room` cells, each with whether a
        space comes before it: split at its FREE places, and a run wider than `room` at its
        weakest places (`breaks`), again and again, as long as it has any; but one whose
        brackets would fit on a line with what follows them, before its opening bracket."""
        breaks = self.breaks(text)
        runs: list[tuple[int, int]] = []

        def split(start: int, end: int) -> None:
            inside = sorted(i for i in breaks if start < i < end)
            least = min((breaks[i] for i in inside), default=None)
            if least is None or (least > FREE and self.width(text[start:end]) <= room):
                runs.append((start, end))
                return
            opening = next((i for i in inside if breaks[i] == OPENED), end)
            if least == BRACKETED and opening < end and self.width(text[opening:end]) <= room:
                split(start, opening)  # the brackets fit on a line, but not with their word
                runs.append((opening, end))
                return
            for i in (i for i in inside if breaks[i] == least):
                split(start, i)
                start = i + (text[i] in " " + NBSP)
            split(start, end)

        split(0, len(text))
        return [
            (text[s:e].replace(NBSP, " "), s > 0 and text[s - 1] in " " + NBSP) for s, e in runs
        ]

    def _head(self, word: str, room: int) -> str:
        """The longest start of `word` within `room` cells, and at least one character: one
        that ends after a `/` where the line stays half full, so that a path or a name stays
        whole; never one that leaves a particle or punctuation to start the next line
        (`config.toml|에서도`, `(UTC+09:00)|:`)."""
        end = 1
        while end < len(word) and self.width(word[: end + 1]) <= room:
            end += 1
        for at in range(end, 1, -1):
            if word[at - 1] == "/":
                return word[:at]
        while end > 1 and not self._may_start(word[end - 1], word[end]):
            end -= 1
        return word[:end]

    @staticmethod
    def _may_start(before: str, after: str) -> bool:
        """Whether a line may start with `after` when `before` ends the line above it."""
        attached = not before.isascii() or after.isascii()  # not a particle after Latin
        return attached and after not in CLOSING


# What no line starts with: closing punctuation (the quotes as \u2019 \u201d).
CLOSING = ",.;:!?)]}>」』》〉'\"\u2019\u201d"
# A no-break space: where a line must not break (Locale.glue), shown as a space.
NBSP = "\xa0"
# How firmly a place in a text holds a line together (Locale.breaks), weakest first.
FREE, BRACKETED, JOINED, GLUED, OPENED = range(5)
# Opening brackets and their closing ones.
BRACKETS = {"(": ")", "[": "]", "{": "}", "〈": "〉", "《": "》", "「": "」", "『": "』"}
# Words that stay beside a number whatever the language (help gives examples in both, a record's
# Korean shows in an English run), besides each language's units, its halves of the day and
# short Latin words (`3 days`, `140만 km`, `9:13 KST`): `3일 후`, `17일 동안`, `오후 4시`.
AFTER_NUMBER = ("후", "전", "뒤", "동안", "ago")
BEFORE_NUMBER = ("오전", "오후")


def split(seconds: int) -> tuple[int, int, int, int]:
    """The absolute value of `seconds` as (days, hours, minutes, seconds)."""
    days, rest = divmod(abs(seconds), 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return days, hours, minutes, secs


def _form(forms: dict[str, str], names: tuple[str, ...], parts: tuple[int, ...]) -> str:
    """The form named by the largest non-zero part (`names`, largest first): plural with the
    next part (`hours`), singular where the next part is zero or there is none (`hour`)."""
    i = next((i for i, n in enumerate(parts) if n), len(parts) - 1)
    both = i + 1 < len(parts) and parts[i + 1]
    return forms[names[i] + "s" if both else names[i]]


def get(code: str) -> Locale:
    """The Locale of a language code (`codes`); a KeyError for any other."""
    found = registry.get(code)
    if found is None:
        found = registry[code] = Locale() if code == Locale.code else _module(code).LOCALE
    return found


def _module(code: str) -> "ModuleType":
    """The module of a language of this package's own."""
    name = f"{__name__}.{code}"
    if not (code.isascii() and code.isalpha()):  # a module of this package, and a public one
        raise KeyError(code)
    try:
        return __import__(name, fromlist=["LOCALE"])
    except ModuleNotFoundError as e:
        if e.name != name:
            raise
        raise KeyError(code) from None


def of(lang: Locale | str) -> Locale:
    """A Locale, or the Locale of a code."""
    return get(lang) if isinstance(lang, str) else lang


_own: list[str] = []  # this package's languages, listed once a run


def codes() -> tuple[str, ...]:
    """The languages there are: this package's modules, then any in the registry."""
    if not _own:  # a run asks several times (each setting that names a language)
        names = os.listdir(__path__[0])  # noqa: PTH208 (the prompt path imports no pathlib)
        modules = (n[:-3] for n in names if n.endswith(".py") and n[0] != "_")
        _own.extend((Locale.code, *sorted(modules)))
    return (*_own, *(c for c in registry if c not in _own))


def find(name: str) -> str | None:
    """The code of the language a name gives (`ko`, `ko_KR.UTF-8`, `en-GB`), or None."""
    code = name.lower()
    for mark in "_-.@":
        code = code.partition(mark)[0]
    return code if code in codes() else None
