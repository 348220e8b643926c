"""lostcli prompt through the full command line (entry.py runs a plain one without it): the
stdlib-only prompt module with the run's settings."""

from lostcli import prompt
from lostcli.cli.session import Session
from lostcli.commands import MOMENT

FORMAT = {"--format": ("fmt", True), "--ascii": ("ascii_icon", False)}
OPTIONS = {**FORMAT, **MOMENT}


def run(s: Session, *, fmt: str | None, ascii_icon: bool, tz: str | None, now: str | None) -> int:
    given = {"--format": fmt, "--ascii": ascii_icon, "--tz": tz, "--now": now}
    opts = {name: value for name, value in given.items() if value not in (None, False)}
    release, titles, _ = prompt.facts(str(s.settings.film.value), s.env)
    return prompt.run(opts, s.env, s.settings, release, titles)
