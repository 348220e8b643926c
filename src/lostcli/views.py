"""Rich renderables, one small function per view. Record text always enters as Text, never as
markup, so a record cannot style or link anything by itself."""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from lostcli import formatting as fmt
from lostcli import locales
from lostcli.errors import Message
from lostcli.i18n import translator
from lostcli.render import Fitting, Hanging
from lostcli.text import printable

if TYPE_CHECKING:  # only types: each command imports the engines it runs
    from collections.abc import Iterator

    from lostcli.drawing import Row
    from lostcli.ephemeris import Signal, Sky
    from lostcli.film import Award, Credit, Film, Problem
    from lostcli.settings import Settings
    from lostcli.timeline import Countdown
    from lostcli.zones import Zone

ACCENT = "bold magenta"
LABEL = "bold cyan"
DIM = "dim"
# Marks, in what `kept` returns, a space a line must not break at: Rich breaks at any Unicode
# space, a no-break space too, so `Kept` holds such spaces by their offsets.
NBSP = "\xa0"
HELD = "\ue000"  # a held space while Rich wraps: one cell, and no space to break at
BREAK = "\u2009"  # where Rich may break a line with no space shown (before a bracket): a space


def _runs(chars: list[str]) -> Iterator[tuple[int, int]]:
    """The runs of `Kept._holding`'s characters between the places a line may break."""
    start = 0
    for i, c in enumerate(chars):
        if c in " \n" or (c[0] == BREAK and i > start):
            yield start, i
            start = i + (c in " \n")
    yield start, len(chars)


def _widest(text: str) -> int:
    """The cells of the widest run of `text` between its spaces and new lines."""
    return max(map(cell_len, text.replace("\n", " ").split(" ")))


def kept(text: str, *breaks: str) -> str:
    """`text` whole on a line of `Kept` text: a value and its unit (`9 min 54 s`, `12 Mar 2028`),
    a legend's item; but for a break before each of `breaks` (a stamp's time after its date)."""
    for part in breaks:
        head, found, tail = text.partition(part)
        if found and head.strip():
            return f"{kept(head.rstrip())} {kept(found + tail, *breaks)}"
    return text.replace(" ", NBSP)


class Kept(Text):
    """Text that breaks lines only at the spaces that `kept` left plain. It holds plain spaces
    only, the others by their offsets, so that render.fit, which maps a character to one, keeps
    them."""

    held: frozenset[int] = frozenset()
    bound: frozenset[int] = frozenset()  # held by the language (Locale.glue): released last
    # held inside brackets (Locale.breaks): released first, and no part of the text's measure
    bracketed: frozenset[int] = frozenset()
    opened: frozenset[int] = frozenset()  # an opening bracket a line may start with (Locale.breaks)

    @classmethod
    def of(cls, text: Text | str, style: str = "") -> Kept:
        given = Text(text, style=style) if isinstance(text, str) else text
        made = cls(given.plain.replace(NBSP, " "), style=given.style, spans=given.spans)
        made.held = frozenset(i for i, c in enumerate(given.plain) if c == NBSP)
        return made

    @classmethod
    def glued(cls, text: Text, lang: str) -> Kept:
        """`text` breaking only where its language allows (Locale.breaks: `3일 후`, `13분 45초`,
        a bracketed run where it fits) and, if it is Kept, where it did."""
        made = cls.of(text)
        breaks = locales.get(lang).breaks(made.plain)
        made.held = made.held | getattr(text, "held", made.held)
        spaces = [i for i in breaks if made.plain[i] == " "]
        made.bound = frozenset(i for i in spaces if breaks[i] > locales.BRACKETED)
        made.bracketed = frozenset(
            i for i in spaces if breaks[i] == locales.BRACKETED and i not in made.held
        )
        made.held = made.held | made.bound | made.bracketed
        made.opened = frozenset(i for i, hold in breaks.items() if hold == locales.OPENED)
        return made

    def __getitem__(self, part: int | slice) -> Text:
        """A slice keeps the spaces held in it (render.Hanging wraps a text's rest)."""
        got = super().__getitem__(part)
        if isinstance(part, int):
            return got
        start = part.indices(len(self.plain))[0]
        made = Kept.of(got)
        made.held, made.bound, made.bracketed, made.opened = (
            frozenset(i - start for i in held if start <= i < start + len(got.plain))
            for held in (self.held, self.bound, self.bracketed, self.opened)
        )
        return made

    def _holding(self, width: int | None = None) -> list[str]:
        """The text's characters with its held spaces as HELD, but in a run wider than `width`,
        which breaks at its spaces rather than inside a word (a colon never starts a line):
        before its brackets where they fit on a line (`opened`; BREAK then comes first), then
        inside them, then at the spaces the language does not hold, then at any, and last
        before a bracket in a word wider than a line. Without a width, brackets hold nothing
        (the narrowest the text can be)."""
        chars = list(self.plain)
        for i in self.held - self.bracketed if width is None else self.held:
            if i < len(chars):
                chars[i] = HELD
        if width is None or (BREAK not in self.plain and _widest("".join(chars)) <= width):
            return chars  # every run fits: no stage below releases a place
        stages = (self.opened, self.bracketed, self.held - self.bound, self.held, self.opened)
        for stage, release in enumerate(stages):
            wide = [
                (start, end)
                for start, end in _runs(chars)
                if cell_len("".join(chars[start:end]).replace(BREAK, "")) > width
            ]
            if not wide:  # a stage releases places in a run too wide only: none is left
                break
            for start, end in wide:
                places = sorted(release.intersection(range(start + 1, end)))
                if stage == 0:  # the brackets fit on a line, but not with their word
                    places = [i for i in places[:1] if cell_len("".join(chars[i:end])) <= width]
                for i in places:
                    chars[i] = BREAK + chars[i] if i in self.opened else " "
        return chars

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        chars = self._holding(width)
        holding, plain = self.copy(), "".join(chars)
        breaks = [i for i, c in enumerate(chars) if len(c) == 2] if len(plain) > len(chars) else []
        holding.plain = "".join(c[-1] for c in chars) if breaks else plain
        if breaks:  # Rich breaks lines at spaces only: BREAK is one, taken out again below
            joined = Text(BREAK).join(holding.divide(breaks))
            for name in ("justify", "overflow", "no_wrap", "end"):
                setattr(joined, name, getattr(holding, name))
            holding = joined
        lines = Text.wrap(holding, console, width, **options)
        for i, line in enumerate(lines):
            line.plain = line.plain.replace(HELD, " ")
            if BREAK in line.plain:
                lines[i] = Text("").join(line.split(BREAK, allow_blank=True))
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max(cell_len(line) for line in self.plain.splitlines() or [""])
        return Measurement(_widest("".join(self._holding())), widest)


class _Grid(Table):
    """A card's rows: a label, and a value that breaks lines where its language allows."""

    lang = "en"

    def add_row(self, *cells: RenderableType | None, **options: Any) -> None:
        glued = (Kept.glued(c, self.lang) if isinstance(c, Text) else c for c in cells)
        super().add_row(*glued, **options)


def _grid(lang: str = "en") -> Table:
    grid = cast(_Grid, _Grid.grid(padding=(0, 2)))
    grid.lang = lang
    grid.add_column(style=LABEL, no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _panel(body: RenderableType, heading: Text) -> Panel:
    # Every panel as wide as the page (render.MEASURE at most), so that panels shown one after
    # another line up.
    return Panel(body, title=heading, title_align="left", border_style="magenta", expand=True)


def title(film: Film, lang: str) -> Text:
    """The title the language shows, then the one its readers need beside it."""
    shown, other = film.title.pair(lang)
    return Text.assemble((shown, ACCENT), "  ", (other, "magenta"))


def _doubt(text: str, confidence: str, lang: str) -> str:
    """`text`, and after it the doubt of a fact that the fact sheet marks uncertain: it is shown,
    never asserted. Inside the bracket that `text` ends with, if it does, as two brackets in a
    row read badly: (machine-translated, uncertain)."""
    if confidence != "uncertain":
        return text
    _ = translator(lang)
    if text.endswith(")"):
        return f"{text[:-1]}, {_('uncertain')})"
    return text + _(" (uncertain)")


def link(url: str) -> Text:
    """A link on a line of its own, never broken: where it is wider than the terminal, the
    terminal wraps it, and it stays one line to copy or click (render.show does not crop)."""
    return Text(url, style=Style(link=url, underline=True), no_wrap=True, overflow="ignore")


def status_line(film: Film, cd: Countdown, lang: str = "en") -> Text:
    _ = translator(lang)
    platform = film.release.translated(lang).platform
    span = fmt.calendar(*cd.calendar, lang=lang)
    if cd.status == "upcoming":
        status, style = _("Coming soon"), "bold yellow"
        line = _("{status} to {platform}: in {span}")
    elif not cd.seconds:  # not `released 0 seconds ago`
        status, style, line = _("Just released"), "bold green", _("{status} on {platform}")
    else:
        status, style = _("Out now"), "bold green"
        line = _("{status} on {platform}: released {span} ago")
    # the status in colour wherever the language puts it: 넷플릭스에서 3일 후 공개
    before, _marker, after = line.partition("{status}")
    values = {"platform": platform, "span": span}
    return Text.assemble(before.format(**values), (status, style), after.format(**values))


def _name(c: Credit, lang: str) -> tuple[str, str]:
    """A credit's name in a language, and the doubts that follow it: the record's own name where
    the language's form of it is uncertain, and the credit's own."""
    _ = translator(lang)
    member = c.translated(lang)
    spelling = _(" ({name}, spelling uncertain)") if member.spelling == "uncertain" else ""
    head, bracket, note = member.name.partition("(")  # a note goes with the doubts
    name = head.rstrip()  # the note's space, if the language writes one, goes with it
    note = head[len(name) :] + bracket + note
    return name, _doubt(note + spelling.format(name=c.name), c.confidence, lang)


def _people(film: Film, role: str, lang: str) -> tuple[str, str] | None:
    """A card row: the record's word for a role, and the names credited with it."""
    credited = film.credits_for(role)
    if not credited:
        return None
    return credited[0].translated(lang).role, ", ".join("".join(_name(c, lang)) for c in credited)


def award(a: Award, lang: str = "en") -> str:
    """An award on one line: "Annie Awards 2026: nominated, Best Feature - Independent"."""
    _ = translator(lang)
    results = {"nominated": _("nominated"), "won": _("won")}
    shown = a.translated(lang)
    line = _("{name} {year}: {result}, {category}").format(
        name=shown.name, year=a.year, result=results[a.result], category=shown.category
    )
    return _doubt(line, a.confidence, lang)


def info(film: Film, cd: Countdown, delay: float | None, lang: str = "en") -> RenderableType:
    _ = translator(lang)
    about = film.about.translated(lang)
    grid = _grid(lang)
    people = (_people(film, r, lang) for r in ("Director", "Screenplay", "Production company"))
    rows = [
        (_("Release"), fmt.stamp(cd.release, lang)),
        *(row for row in people if row),
        (_("Platform"), film.release.translated(lang).platform),
        (_("Runtime"), _("{minutes} min").format(minutes=about.runtime_minutes)),
        (
            _("Rating"),
            ", ".join(
                _doubt(r.translated(lang).label(), r.confidence, lang) for r in about.ratings
            ),
        ),
        (_("Genres"), ", ".join(about.genres)),
        (_("Language"), about.language),
    ]
    if film.awards:
        rows.append((_("Awards"), "; ".join(award(a, lang) for a in film.awards)))
    grid.add_row(_("Status"), status_line(film, cd, lang))
    for label, value in rows:
        grid.add_row(label, Text(value))
    if delay is not None:
        arrives = fmt.duration(round(delay), lang)
        grid.add_row(
            _("To Mars"), Text(_("a message sent now arrives in {time}").format(time=arrives))
        )
    shown, other = film.title.pair(lang)
    if shown == film.title.english:  # the Korean title, glossed
        beside = _("{title}, literally “{literal}”").format(title=other, literal=film.title.literal)
    else:
        beside = _("English title: {title}").format(title=other)
    body = Group(
        Text(beside, style=DIM),
        Text(""),
        Text(about.logline, style="italic"),
        Text(""),
        grid,
    )
    return Group(_panel(body, title(film, lang)), trailer(film, lang))


def synopsis(film: Film, short: bool, lang: str = "en") -> RenderableType:
    about = film.about.translated(lang)
    if short:
        return Text(about.logline)
    paragraphs: list[RenderableType] = [title(film, lang), Text(about.logline, style="italic")]
    paragraphs += [Text(p) for p in about.paragraphs()]
    return Group(*(Padding(p, (0, 0, 1, 0)) for p in paragraphs))


def credits(film: Film, lang: str = "en") -> RenderableType:
    _ = translator(lang)
    crew = Table(title=_("Crew"), title_justify="left", title_style=ACCENT, show_edge=False)
    crew.add_column(_("Role"), style=LABEL, no_wrap=True)
    crew.add_column(_("Name"), overflow="fold")  # a name wraps, and is never cut with "…"
    previous = None
    for c in film.crew:
        name, doubts = _name(c, lang)
        role = "" if c.role == previous else c.translated(lang).role
        previous = c.role
        # the name in its own script beside the name shown, unless that is the name shown
        native = f"  {c.native}" if c.native and c.native != name else ""
        crew.add_row(Text(role), Text.assemble(name, (native + doubts, DIM)))
    cast = Table(title=_("Voice cast"), title_justify="left", title_style=ACCENT, show_edge=False)
    cast.add_column(_("Character"), style=LABEL, overflow="fold")
    cast.add_column(_("Korean original"), overflow="fold")
    cast.add_column(_("English dub"), overflow="fold")
    dubs = {r.character: r for r in film.cast_for("english")}
    for r in film.cast_for("original"):
        part, dub = r.translated(lang), dubs.get(r.character)
        note = _(" ({note})").format(note=part.note) if part.note else ""
        dubbed = dub.translated(lang).actor if dub else "-"
        cast.add_row(Text(part.character), Text.assemble(part.actor, (note, DIM)), Text(dubbed))
    return Group(crew, Text(""), cast)


def curiosities(film: Film, lang: str = "en") -> RenderableType:
    _ = translator(lang)
    names = {s.id: s.translated(lang).name for s in film.sources}
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style=ACCENT, no_wrap=True)
    table.add_column(overflow="fold")
    for i, c in enumerate(film.curiosities, 1):
        cited = _doubt("; ".join(names[s] for s in c.sources), c.confidence, lang)
        source = _("Source: {sources}").format(sources=cited)
        # the blank line after each in the text: a blank row of its own doubled the rows that
        # Rich measures and renders (a sixth of the command's run)
        text = Text.assemble(c.translated(lang).text, "\n", (source, DIM), "\n")
        table.add_row(f"{i}.", Kept.glued(text, lang))
    return Group(title(film, lang), Text(""), table)


def countdown(film: Film, cd: Countdown, lang: str = "en") -> RenderableType:
    from rich.progress_bar import ProgressBar  # only this view draws one

    _ = translator(lang)
    grid = _grid(lang)
    grid.add_row(_("Release"), Text(fmt.stamp(cd.release, lang)))
    if cd.date_differs:
        here = fmt.day_month(cd.release, lang)
        there = fmt.day_month(film.release.instant, lang)
        note = Message("Here that is {here}, not {there}.", here=here, there=there).text(lang)
        grid.add_row("", Text(note, style="yellow"))
    grid.add_row(_("Zone"), Text(printable(cd.zone.name)))
    grid.add_row(_("Now"), Text(fmt.stamp(cd.now, lang), style=DIM))
    grid.add_row(_("Status"), status_line(film, cd, lang))
    if cd.status == "upcoming":
        grid.add_row(_("Remaining"), Text(fmt.clock(cd.seconds, lang), style="bold"))
    else:
        grid.add_row(_("Since"), Text(fmt.clock(cd.seconds, lang), style="bold"))
    if cd.status == "upcoming" and cd.progress > 0:  # no bar before the date was announced
        # Whole percent rounded down, so never 100% before the release (1e-9: 0.29 * 100 is
        # 28.999...).
        percent = min(99, math.floor(cd.progress * 100 + 1e-9))
        bar = Table.grid(padding=(0, 1))
        bar.add_row(ProgressBar(total=1.0, completed=cd.progress, width=30), f"{percent}%")
        grid.add_row(_("Progress"), bar)
    ann = cd.anniversary
    number = fmt.ordinal(ann.number, lang)
    at = _("{number}, {when}").format(number=number, when=fmt.stamp(ann.at, lang))
    grid.add_row(_("Anniversary"), Text(at))
    grid.add_row("", Text(_("in {time}").format(time=fmt.clock(ann.until.total, lang))))
    return _panel(grid, title(film, lang))


VALUE_ROOM = 16  # cells: America/New_York


def settings(current: Settings, lang: str = "en") -> RenderableType:
    """Each setting, its value and where it comes from, as `git config --show-origin` lists them;
    then the warning about each value passed over, and the config file, with why it is not used
    when it is not."""
    from lostcli import config

    _ = translator(lang)
    file = current.file or ""
    words = {"config": printable(file), "default": _("default"), "system": _("system")}
    rows = current.rows()
    shown = [
        (
            s.key,
            printable(str(s.value).lower() if isinstance(s.value, bool) else s.value),
            words.get(s.origin, s.origin),
        )
        for s in rows
    ]
    wide, narrow = _grid(lang), _grid(lang)
    wide.add_column(style=DIM, no_wrap=True)  # a path whole: the value beside it wraps instead
    for key, value, origin in shown:
        wide.add_row(key, Text(value), origin)
        narrow.add_row(key, Text.assemble(value, "\n", (origin, DIM)))
    # the origin under its value where beside it, it would leave the value too little room
    need = max(cell_len(k) for k, *_ in shown) + max(cell_len(o) for *_, o in shown)
    grid = Fitting((need + 4 + VALUE_ROOM, wide), (0, narrow))
    warnings = [
        Text(printable(Message("warning: {message}", message=s.warning).text(lang)), style="yellow")
        for s in rows
        if s.warning
    ]
    where = printable(file) if file else _("none (HOME is not set)")
    if current.file_error is not None:
        unused = Message("{error}; its settings are not used", error=current.file_error.message)
        where = printable(unused.text(lang))
    elif file and (unread := config.unread(file)):
        where = unread.text(lang)
    file_line = Text(_("config file: {file}").format(file=where), style=DIM)
    return Group(grid, *(Hanging(Kept.glued(t, lang)) for t in (*warnings, file_line)))


def validation(
    path: object, record: Film | None, problems: list[Problem], lang: str = "en"
) -> RenderableType:
    _ = translator(lang)
    path = printable(str(path))
    if record is not None:
        valid = _(
            "{file}: valid: {title}, {crew} crew, {cast} cast, {curiosities} curiosities, "
            "{sources} sources"
        )
        title = record.title.shown(lang)
        counts = {k: len(getattr(record, k)) for k in ("cast", "curiosities", "sources")}
        # people, each once: not the studio, nor a second role
        counts["crew"] = len({c.name for c in record.crew} - {record.about.studio})
        shown = Text(valid.format(file=path, title=title, **counts), style="green")
        return Hanging(Kept.glued(shown, lang))
    count = fmt.plural(len(problems), "problem", lang)
    return Group(
        Hanging(Kept.glued(Text(f"{path}: {count}", style="red"), lang)),
        *(Hanging(Kept.glued(Text(p.text(lang)), lang), 2, 4) for p in problems),
    )


def _unrepeated(start: str, end: str) -> str:
    """`end` without the words it begins with that `start` has already said: a range's end in a
    language that writes the year first (2026년 1월 2일부터 16일까지), whole in one that
    writes it last."""
    words, before = end.split(), start.split()  # at spaces, kept (no-break) ones too
    same = 0
    while same < len(words) - 1 and same < len(before) and words[same] == before[same]:
        same += 1
    return " ".join(words[same:])


def signal(sig: Signal, zone: Zone, lang: str = "en") -> RenderableType:
    """The distance and delay now, what a message sent now means on both planets, the cycle's
    events and the clock on Mars. Lines break between values, never inside one (`kept`)."""
    _ = translator(lang)

    def local(moment: datetime) -> str:
        here = moment.astimezone(zone.tzinfo)
        return kept(fmt.stamp(here, lang), fmt.hour_minute(here, lang))

    def clock(moment: datetime) -> str:
        here = moment.astimezone(zone.tzinfo)
        zone_name = here.tzname() or fmt.offset(here.utcoffset())
        return kept(f"{fmt.hour_minute(here, lang)} {zone_name}")

    def day(moment: datetime) -> str:
        return kept(fmt.day_month_year(moment.astimezone(zone.tzinfo), lang))

    def duration(seconds: float) -> str:
        return kept(fmt.duration(round(seconds), lang))

    def mtc(hours: float) -> str:
        return kept(f"{fmt.mars_clock(hours)} MTC")

    def million_km(km: float) -> str:
        return kept(fmt.million_km(km, lang))

    grid = _grid(lang)
    grid.add_row(_("Now"), Kept.of(local(sig.at), style=DIM))
    distance = f"{million_km(sig.distance_km)} {kept(f'({sig.distance_au:.3f} AU)')}"
    grid.add_row(_("Distance"), Kept.of(distance))
    reaches = _("a message sent now reaches Mars in {time}, at {clock} ({mtc} on Mars)").format(
        time=duration(sig.one_way_seconds),
        clock=clock(sig.arrives),
        mtc=mtc(sig.mars_on_arrival.mtc_hours),
    )
    grid.add_row(_("One way"), Kept.of(reaches))
    back = _("an answer sent on arrival is back at {clock}, {time} from now").format(
        clock=clock(sig.answer_back), time=duration(sig.answer_seconds)
    )
    grid.add_row(_("Answer"), Kept.of(back))
    closest = f"{local(sig.closest.at)}: {million_km(sig.closest.distance_km)}"
    grid.add_row(_("Closest"), Kept.of(closest))
    blocked = _("{when}: the Sun passes between Earth and Mars and blocks contact")
    grid.add_row(_("Conjunction"), Kept.of(blocked.format(when=local(sig.conjunction.at))))
    window, days = sig.blackout, round(sig.blackout.days)
    if window.start <= sig.at:
        dark = _("contact blocked now, until {end} ({days} days in all)")
        end = day(window.end)
    else:
        dark = _("contact blocked from {start} to {end}, {days} days")
        end = kept(_unrepeated(day(window.start), day(window.end)))
    grid.add_row(_("Blackout"), Kept.of(dark.format(start=day(window.start), end=end, days=days)))
    # The day of the cycle counts from 1, the day of the conjunction; cycle_day, whole days.
    cycle = _("day {day} of about 780 since the conjunction of {since}")
    since = day(sig.previous_conjunction.at)
    grid.add_row(_("Cycle"), Kept.of(cycle.format(day=sig.cycle_day + 1, since=since)))
    seasons = {
        "spring": _("northern spring"), "summer": _("northern summer"),
        "autumn": _("northern autumn"), "winter": _("northern winter"),
    }  # fmt: skip
    mars = sig.mars
    on_mars = _("sol {sol}, {mtc}, {season} ({ls})").format(
        sol=mars.sol,
        mtc=mtc(mars.mtc_hours),
        season=kept(seasons[mars.season]),
        ls=kept(f"Ls {round(mars.ls)}°"),
    )
    grid.add_row(_("On Mars"), Kept.of(on_mars))
    return _panel(grid, Text(_("Earth to Mars"), style=ACCENT))


def page(*parts: RenderableType) -> RenderableType:
    """Views one after another, a line apart."""
    spaced: list[RenderableType] = []
    for part in parts:
        spaced += [Text(""), part] if spaced else [part]
    return Group(*spaced)


# The pictures' colour names (drawing.py) and their styles.
PICTURE = {
    "earth orbit": "blue", "mars orbit": "red", "message": "magenta", "sun": "bold yellow",
    "earth": "bold blue", "mars": "bold red", "closest": "bold green",
    "conjunction": "bold yellow", "delay": "cyan", "now": "bold magenta", "shaded": "yellow",
    "axis": DIM,
}  # fmt: skip
ORBIT_WIDTH = 36  # cells; the picture is half as high


class _Drawn:
    """A picture's rows as Rich segments: nothing in them to wrap or measure but their width,
    which drawing.py keeps to the canvas's (a cell a character: braille, ASCII, no Hangul)."""

    def __init__(self, rows: list[Row]) -> None:
        self.width = max((sum(len(text) for text, _ in row) for row in rows), default=0)
        self.rows = [
            [Segment(text, Style.parse(PICTURE.get(c or "", ""))) for text, c in row]
            for row in rows
        ]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for row in self.rows:
            yield from row
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width, self.width)


def pictures(
    sig: Signal, sky: Sky, zone: Zone, width: int, braille: bool, lang: str = "en"
) -> RenderableType:
    """The inner solar system and the delay across the cycle: side by side where the page is
    wide enough, one above the other where not."""
    from lostcli import drawing

    _ = translator(lang)
    shade = "░" if braille else ":"
    orbit = min(ORBIT_WIDTH, width - width % 2)
    beside = width >= orbit + 2 + 50
    legend = Kept.of(Text.assemble(  # each item whole on a line
        ("E", PICTURE["earth"]), NBSP, kept(_("Earth")), "  ", ("M", PICTURE["mars"]), NBSP,
        kept(_("Mars")), "  ", ("*", PICTURE["sun"]), NBSP, kept(_("Sun")), "  ",
        ("···", PICTURE["message"]), NBSP, kept(_("a message now")), "  ",
        ("+", PICTURE["closest"]), NBSP, kept(_("closest approach")), "  ",
        ("x", PICTURE["conjunction"]), NBSP, kept(_("conjunction")),
    ))  # fmt: skip
    left = _Drawn(drawing.orbits(sky, orbit, braille))
    chart_width = (width - orbit - 2 if beside else width) - 3
    chart = drawing.delays(sky, sig.at, chart_width, 12 if beside else 7, braille)
    axis = [f"{chart.top_minutes:>2} ", *(["   "] * (len(chart.rows) - 2)), " 0 "]
    first, last = sky.delays[0][0], sky.delays[-1][0]
    ends = [fmt.day_month_year(t.astimezone(zone.tzinfo), lang) for t in (first, last)]
    gap = max(1, chart_width - cell_len(ends[0]) - cell_len(ends[1]))
    dates = Text(ends[0] + " " * gap + ends[1])
    right = Group(
        Text(_("One way, minutes, conjunction to conjunction"), style=DIM),
        _Drawn([[(a, "axis"), *row] for a, row in zip(axis, chart.rows, strict=True)]),
        Text("   ") + dates,
        Text.assemble(
            ("|", PICTURE["now"]),
            " ",
            _("now"),
            "  ",
            (shade, PICTURE["shaded"]),
            " ",
            _("blackout"),
        ),
    )
    if beside:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(width=orbit)
        grid.add_column(width=chart_width + 3)
        grid.add_row(Group(left, legend), right)
        return grid
    return Group(left, legend, Text(""), right)


def trailer(film: Film, lang: str = "en") -> RenderableType:
    _ = translator(lang)
    label = {
        "confirmed": _("{title} trailer ({language}):"),
        "uncertain": _("{title} trailer ({language}, uncertain):"),
    }[film.trailer.confidence]  # one bracket: the language and the doubt together
    language = film.trailer.translated(lang).language
    text = label.format(title=film.title.shown(lang), language=language)
    return Group(Text(text, style=LABEL), link(film.trailer.url))
