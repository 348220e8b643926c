"""Rich renderables, one small function per view. Record text always enters as Text, never as
markup, so a record cannot style or link anything by itself."""

from __future__ import annotations

from datetime import datetime

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.style import Style
from rich.table import Table
from rich.text import Text

from lostcli.ephemeris import Signal
from lostcli.film import Film, Problem
from lostcli.timeline import Countdown, stamp
from lostcli.zones import Zone

ACCENT = "bold magenta"
LABEL = "bold cyan"
DIM = "dim"


def _grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=LABEL, no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _panel(body: RenderableType, heading: Text) -> Panel:
    return Panel(body, title=heading, title_align="left", border_style="magenta", expand=False)


def title(film: Film) -> Text:
    return Text.assemble((film.title.english, ACCENT), "  ", (film.title.korean, "magenta"))


def link(url: str) -> Text:
    return Text(url, style=Style(link=url, underline=True))


def status_line(film: Film, cd: Countdown) -> Text:
    platform = film.release.platform
    if cd.status == "upcoming":
        return Text.assemble(
            ("Coming soon", "bold yellow"), f" to {platform}: in {cd.calendar.words()}"
        )
    return Text.assemble(
        ("Out now", "bold green"), f" on {platform}: released {cd.calendar.words()} ago"
    )


def duration(seconds: float) -> str:
    """`12 min 34 s`, `1 h 02 min`."""
    whole = round(seconds)
    if whole >= 3600:
        return f"{whole // 3600} h {whole % 3600 // 60:02d} min"
    return f"{whole // 60} min {whole % 60:02d} s" if whole >= 60 else f"{whole} s"


def info(film: Film, cd: Countdown, delay: float | None) -> RenderableType:
    grid = _grid()
    directors = ", ".join(c.name for c in film.credits_for("Director"))
    writers = ", ".join(c.name for c in film.credits_for("Screenplay"))
    rows = [
        ("Release", stamp(cd.release)),
        ("Director", directors),
        ("Writers", writers),
        ("Studio", film.studio),
        ("Platform", film.release.platform),
        ("Runtime", f"{film.runtime_minutes} min"),
        ("Rating", film.rating),
        ("Genres", ", ".join(film.genres)),
        ("Language", film.language),
    ]
    grid.add_row("Status", status_line(film, cd))
    for label, value in rows:
        grid.add_row(label, Text(value))
    grid.add_row("Trailer", link(film.trailer.url))
    if delay is not None:
        grid.add_row("To Mars", Text(f"a message sent now arrives in {duration(delay)}"))
    body = Group(
        Text(f"{film.title.romanized} · “{film.title.literal}”", style=DIM),
        Text(""),
        Text(film.logline, style="italic"),
        Text(""),
        grid,
    )
    return _panel(body, title(film))


def synopsis(film: Film, short: bool) -> RenderableType:
    if short:
        return Text(film.logline)
    paragraphs: list[RenderableType] = [title(film), Text(film.logline, style="italic")]
    paragraphs += [Text(p) for p in film.synopsis]
    return Group(*(Padding(p, (0, 0, 1, 0)) for p in paragraphs))


def credits(film: Film) -> RenderableType:
    crew = Table(title="Crew", title_justify="left", title_style=ACCENT, expand=False)
    crew.add_column("Role", style=LABEL, no_wrap=True)
    crew.add_column("Name")
    previous = None
    for c in film.crew:
        role = "" if c.role == previous else c.role
        previous = c.role
        crew.add_row(Text(role), Text.assemble(c.name, (f"  {c.native}" if c.native else "", DIM)))
    cast = Table(title="Voice cast", title_justify="left", title_style=ACCENT, expand=False)
    cast.add_column("Character", style=LABEL)
    cast.add_column("Korean original")
    cast.add_column("English dub")
    dubs = {r.character: r for r in film.cast_for("english")}
    for r in film.cast_for("original"):
        original = Text.assemble(r.actor, (f" ({r.note})" if r.note else "", DIM))
        dub = dubs.get(r.character)
        cast.add_row(Text(r.character), original, Text(dub.actor if dub else "-"))
    return Group(crew, Text(""), cast)


def curiosities(film: Film) -> RenderableType:
    names = {s.id: s.name for s in film.sources}
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style=ACCENT, no_wrap=True)
    table.add_column(overflow="fold")
    for i, c in enumerate(film.curiosities, 1):
        cited = "; ".join(names[s] for s in c.sources)
        table.add_row(f"{i}.", Text.assemble(c.text, "\n", (f"Source: {cited}", DIM)))
        table.add_row("", "")
    return Group(title(film), Text(""), table)


def countdown(film: Film, cd: Countdown) -> RenderableType:
    grid = _grid()
    grid.add_row("Release", Text(stamp(cd.release)))
    if cd.date_differs:
        here, there = f"{cd.release:%A} {cd.release.day} {cd.release:%B}", film.release.instant
        note = f"Here that is {here}, not {there:%A} {there.day} {there:%B}."
        grid.add_row("", Text(note, style="yellow"))
    grid.add_row("Zone", Text(cd.zone.name))
    grid.add_row("Now", Text(stamp(cd.now), style=DIM))
    grid.add_row("Status", status_line(film, cd))
    if cd.status == "upcoming":
        grid.add_row("Remaining", Text(cd.exact.clock(), style="bold"))
        bar = Table.grid(padding=(0, 1))
        bar.add_row(ProgressBar(total=1.0, completed=cd.progress, width=30), f"{cd.progress:.0%}")
        grid.add_row("Progress", bar)
    else:
        grid.add_row("Since", Text(cd.exact.clock(), style="bold"))
    ann = cd.anniversary
    grid.add_row("Anniversary", Text(f"{_ordinal(ann.number)}, {stamp(ann.at)}"))
    grid.add_row("", Text(f"in {ann.until.clock()}"))
    return _panel(grid, title(film))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def validation(path: object, record: Film | None, problems: list[Problem]) -> RenderableType:
    if record is not None:
        return Text(
            f"{path}: valid: {record.title.english}, {len(record.crew)} crew, {len(record.cast)} "
            f"cast, {len(record.curiosities)} curiosities, {len(record.sources)} sources",
            style="green",
        )
    count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
    return Group(Text(f"{path}: {count}", style="red"), *(Text(f"  {p}") for p in problems))


def signal(sig: Signal, zone: Zone) -> RenderableType:
    def local(moment: datetime) -> str:
        return stamp(moment.astimezone(zone.tzinfo))

    grid = _grid()
    grid.add_row("Now", Text(local(sig.at), style=DIM))
    grid.add_row(
        "Distance", Text(f"{sig.distance_km / 1e6:,.1f} million km ({sig.distance_au:.3f} AU)")
    )
    grid.add_row(
        "One way", Text(f"a message sent now reaches Mars in {duration(sig.one_way_seconds)}")
    )
    grid.add_row("Round trip", Text(f"{duration(sig.round_trip_seconds)} from question to answer"))
    grid.add_row(
        "Closest",
        Text(f"{local(sig.closest.at)}: {sig.closest.distance_km / 1e6:,.1f} million km"),
    )
    grid.add_row(
        "Conjunction",
        Text(
            f"{local(sig.conjunction.at)}: the Sun passes between Earth and Mars and blocks contact"
        ),
    )
    since = sig.previous_conjunction.at.astimezone(zone.tzinfo)
    grid.add_row(
        "Cycle",
        Text(
            f"day {sig.cycle_day} of about 780 since the conjunction of {since.day} {since:%b %Y}"
        ),
    )
    return _panel(grid, Text("Earth to Mars", style=ACCENT))


def trailer(film: Film) -> RenderableType:
    return Text.assemble(
        (f"{film.title.english} trailer ({film.trailer.language}): ", LABEL), link(film.trailer.url)
    )
