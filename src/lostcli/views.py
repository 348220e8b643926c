"""Rich renderables, one small function per view. Record text always enters as Text, never as
markup, so a record cannot style or link anything by itself."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.style import Style
from rich.table import Table
from rich.text import Text

from lostcli import formatting as fmt
from lostcli.context import printable

if TYPE_CHECKING:  # only types: each command imports the engines it runs
    from lostcli.config import Setting
    from lostcli.ephemeris import Signal
    from lostcli.film import Film, Problem
    from lostcli.timeline import Countdown
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
    # Every panel as wide as the page (render.MEASURE at most), so that panels shown one after
    # another line up.
    return Panel(body, title=heading, title_align="left", border_style="magenta", expand=True)


def title(film: Film) -> Text:
    return Text.assemble((film.title.english, ACCENT), "  ", (film.title.korean, "magenta"))


def _doubt(confidence: str) -> str:
    """What follows a fact that the fact sheet marks uncertain: it is shown, never asserted."""
    return " (uncertain)" if confidence == "uncertain" else ""


def link(url: str) -> Text:
    """A link on a line of its own, never broken: where it is wider than the terminal, the
    terminal wraps it, and it stays one line to copy or click (render.show does not crop)."""
    return Text(url, style=Style(link=url, underline=True), no_wrap=True, overflow="ignore")


def status_line(film: Film, cd: Countdown) -> Text:
    platform = film.release.platform
    span = fmt.calendar(*cd.calendar)
    if cd.status == "upcoming":
        return Text.assemble(("Coming soon", "bold yellow"), f" to {platform}: in {span}")
    return Text.assemble(("Out now", "bold green"), f" on {platform}: released {span} ago")


def info(film: Film, cd: Countdown, delay: float | None) -> RenderableType:
    grid = _grid()
    directors = ", ".join(c.name for c in film.credits_for("Director"))
    writers = ", ".join(c.name for c in film.credits_for("Screenplay"))
    rows = [
        ("Release", fmt.stamp(cd.release)),
        ("Director", directors),
        ("Writers", writers),
        ("Studio", film.about.studio),
        ("Platform", film.release.platform),
        ("Runtime", f"{film.about.runtime_minutes} min"),
        ("Rating", film.about.rating + _doubt(film.about.rating_confidence)),
        ("Genres", ", ".join(film.about.genres)),
        ("Language", film.about.language),
    ]
    grid.add_row("Status", status_line(film, cd))
    for label, value in rows:
        grid.add_row(label, Text(value))
    if delay is not None:
        arrives = fmt.duration(round(delay))
        grid.add_row("To Mars", Text(f"a message sent now arrives in {arrives}"))
    body = Group(
        Text(f"{film.title.romanized} · literally “{film.title.literal}”", style=DIM),
        Text(""),
        Text(film.about.logline, style="italic"),
        Text(""),
        grid,
    )
    return Group(_panel(body, title(film)), trailer(film))


def synopsis(film: Film, short: bool) -> RenderableType:
    if short:
        return Text(film.about.logline)
    paragraphs: list[RenderableType] = [title(film), Text(film.about.logline, style="italic")]
    paragraphs += [Text(p) for p in film.about.paragraphs]
    return Group(*(Padding(p, (0, 0, 1, 0)) for p in paragraphs))


def credits(film: Film) -> RenderableType:
    crew = Table(title="Crew", title_justify="left", title_style=ACCENT, show_edge=False)
    crew.add_column("Role", style=LABEL, no_wrap=True)
    crew.add_column("Name", overflow="fold")  # a name wraps, and is never cut with "…"
    previous = None
    for c in film.crew:
        role = "" if c.role == previous else c.role
        previous = c.role
        native = f"  {c.native}" if c.native else ""
        crew.add_row(Text(role), Text.assemble(c.name, (native + _doubt(c.confidence), DIM)))
    cast = Table(title="Voice cast", title_justify="left", title_style=ACCENT, show_edge=False)
    cast.add_column("Character", style=LABEL, overflow="fold")
    cast.add_column("Korean original", overflow="fold")
    cast.add_column("English dub", overflow="fold")
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
        cited += _doubt(c.confidence)
        table.add_row(f"{i}.", Text.assemble(c.text, "\n", (f"Source: {cited}", DIM)))
        table.add_row("", "")
    return Group(title(film), Text(""), table)


def countdown(film: Film, cd: Countdown) -> RenderableType:
    grid = _grid()
    grid.add_row("Release", Text(fmt.stamp(cd.release)))
    if cd.date_differs:
        here, there = fmt.day_month(cd.release), fmt.day_month(film.release.instant)
        note = f"Here that is {here}, not {there}."
        grid.add_row("", Text(note, style="yellow"))
    grid.add_row("Zone", Text(cd.zone.name))
    grid.add_row("Now", Text(fmt.stamp(cd.now), style=DIM))
    grid.add_row("Status", status_line(film, cd))
    if cd.status == "upcoming":
        grid.add_row("Remaining", Text(fmt.clock(cd.seconds), style="bold"))
        bar = Table.grid(padding=(0, 1))
        bar.add_row(ProgressBar(total=1.0, completed=cd.progress, width=30), f"{cd.progress:.0%}")
        grid.add_row("Progress", bar)
    else:
        grid.add_row("Since", Text(fmt.clock(cd.seconds), style="bold"))
    ann = cd.anniversary
    grid.add_row("Anniversary", Text(f"{fmt.ordinal(ann.number)}, {fmt.stamp(ann.at)}"))
    grid.add_row("", Text(f"in {fmt.clock(ann.until.total)}"))
    return _panel(grid, title(film))


def settings(found: list[Setting], file: str) -> RenderableType:
    """Each setting, its value and where it comes from, as `git config --show-origin` lists them."""
    grid = _grid()
    grid.add_column(style=DIM, overflow="fold")
    for setting in found:
        value = str(setting.value).lower() if isinstance(setting.value, bool) else setting.value
        origin = printable(file) if setting.origin == "config" else setting.origin
        grid.add_row(setting.key, Text(value), origin)
    where = printable(file) if file else "none (HOME is not set)"
    missing = " (there is none yet)" if file and not Path(file).exists() else ""
    return Group(grid, Text(f"config file: {where}{missing}", style=DIM))


def validation(path: object, record: Film | None, problems: list[Problem]) -> RenderableType:
    path = printable(str(path))
    if record is not None:
        return Text(
            f"{path}: valid: {record.title.english}, {len(record.crew)} crew, {len(record.cast)} "
            f"cast, {len(record.curiosities)} curiosities, {len(record.sources)} sources",
            style="green",
        )
    count = fmt.plural(len(problems), "problem")
    return Group(Text(f"{path}: {count}", style="red"), *(Text(f"  {p}") for p in problems))


def signal(sig: Signal, zone: Zone) -> RenderableType:
    def local(moment: datetime) -> str:
        return fmt.stamp(moment.astimezone(zone.tzinfo))

    grid = _grid()
    grid.add_row("Now", Text(local(sig.at), style=DIM))
    one_way = round(sig.one_way_seconds)  # rounded once, so the round trip is twice what shows
    grid.add_row("Distance", Text(f"{fmt.million_km(sig.distance_km)} ({sig.distance_au:.3f} AU)"))
    grid.add_row("One way", Text(f"a message sent now reaches Mars in {fmt.duration(one_way)}"))
    grid.add_row("Round trip", Text(f"{fmt.duration(2 * one_way)} from question to answer"))
    grid.add_row(
        "Closest", Text(f"{local(sig.closest.at)}: {fmt.million_km(sig.closest.distance_km)}")
    )
    grid.add_row(
        "Conjunction",
        Text(
            f"{local(sig.conjunction.at)}: the Sun passes between Earth and Mars and blocks contact"
        ),
    )
    since = fmt.day_month_year(sig.previous_conjunction.at.astimezone(zone.tzinfo))
    grid.add_row(
        "Cycle", Text(f"day {sig.cycle_day} of about 780 since the conjunction of {since}")
    )
    return _panel(grid, Text("Earth to Mars", style=ACCENT))


def trailer(film: Film) -> RenderableType:
    doubt = _doubt(film.trailer.confidence)
    label = Text(f"{film.title.english} trailer ({film.trailer.language}){doubt}:", style=LABEL)
    return Group(label, link(film.trailer.url))
