"""lostcli curiosities (and its hidden alias trivia): things worth knowing, with sources."""

from msgspec import Struct

from lostcli import views
from lostcli.cli.session import Session
from lostcli.commands import JSON

OPTIONS = JSON


def run(s: Session, *, as_json: bool) -> None:
    record = s.load_film()

    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.curiosities(record)

    s.show(as_json, lambda: views.curiosities(record, s.lang), data)
