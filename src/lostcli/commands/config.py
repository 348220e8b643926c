"""lostcli config: every setting in effect and where it comes from."""

from msgspec import Struct

from lostcli import views
from lostcli.cli.session import Session
from lostcli.commands import JSON

OPTIONS = JSON


def run(s: Session, *, as_json: bool) -> None:
    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.settings(s.settings)

    s.show(as_json, lambda: views.settings(s.settings, s.lang), data)
