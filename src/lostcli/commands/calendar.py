"""lostcli calendar: the release as an iCalendar event."""

from lostcli.cli.session import Session
from lostcli.commands import MOMENT

OPTIONS = {"--output": ("output", True), "-o": ("output", True),
           "--anniversary": ("anniversary", False), **MOMENT}  # fmt: skip


def run(
    s: Session, *, output: str | None, anniversary: bool, tz: str | None, now: str | None
) -> None:
    from lostcli import ical

    record = s.load_film()
    cd = s.countdown(record, tz, now)
    if output is not None:
        s.writable(output, "--output")
    text = ical.calendar(ical.film_events(record, cd, anniversary, s.lang), cd.now)
    if output is None or output == "-":
        s.env.write_utf8(text)
        return
    s.save(output, text)
