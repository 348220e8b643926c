"""lostcli info: the film at a glance."""

from msgspec import Struct

from lostcli import views
from lostcli.cli.session import Session
from lostcli.commands import EXPORT, JSON, MOMENT

OPTIONS = {**MOMENT, **JSON, **EXPORT}


def run(s: Session, *, tz: str | None, now: str | None, as_json: bool, export: str | None) -> None:
    from lostcli import ephemeris

    record = s.load_film()
    cd = s.countdown(record, tz, now)
    try:
        delay: float | None = ephemeris.one_way_seconds(cd.now)
    except ephemeris.OutOfRange:
        delay = None

    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.info(record, cd, delay)

    s.show(as_json, lambda: views.info(record, cd, delay, s.lang), data, export)
