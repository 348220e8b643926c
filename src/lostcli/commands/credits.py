"""lostcli credits: crew and voice cast."""

from msgspec import Struct

from lostcli import views
from lostcli.cli.session import Session
from lostcli.commands import EXPORT, JSON

OPTIONS = {**JSON, **EXPORT}


def run(s: Session, *, as_json: bool, export: str | None) -> None:
    record = s.load_film()

    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.credits(record)

    s.show(as_json, lambda: views.credits(record, s.lang), data, export)
