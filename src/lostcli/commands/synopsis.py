"""lostcli synopsis: what the film is about."""

from msgspec import Struct

from lostcli import views
from lostcli.cli.session import Session
from lostcli.commands import JSON

OPTIONS = {"--short": ("short", False), **JSON}


def run(s: Session, *, short: bool, as_json: bool) -> None:
    record = s.load_film()

    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.synopsis(record, short)

    s.show(as_json, lambda: views.synopsis(record, short, s.lang), data)
