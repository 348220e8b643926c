"""lostcli validate PATH: every problem in a record file (exit status 1 if any)."""

from pathlib import Path

from msgspec import Struct

from lostcli import film, views
from lostcli.cli.session import Session
from lostcli.commands import JSON
from lostcli.errors import ExitStatus

OPTIONS = JSON


def run(s: Session, *, path: Path, as_json: bool) -> int | None:
    try:
        record: film.Film | None = film.load(path)
        problems: list[film.Problem] = []
    except film.FilmError as e:
        record, problems = None, e.problems

    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.validation(path, problems)

    s.show(as_json, lambda: views.validation(path, record, problems, s.lang), data)
    return ExitStatus.ERROR if problems else None
