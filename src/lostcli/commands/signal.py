"""lostcli signal: light time to Mars now, and Earth and Mars in their cycle."""

from typing import TYPE_CHECKING

from msgspec import Struct

from lostcli import render, views
from lostcli.cli.session import Session
from lostcli.commands import EXPORT, JSON, MOMENT

if TYPE_CHECKING:
    from rich.console import RenderableType

OPTIONS = {**MOMENT, **JSON, **EXPORT, "--text": ("text_only", False)}


def run(
    s: Session,
    *,
    tz: str | None,
    now: str | None,
    as_json: bool,
    export: str | None,
    text_only: bool,
) -> None:
    from lostcli import ephemeris

    zone, instant = s.moment(tz, now)
    try:
        sig = ephemeris.signal(instant)
    except ephemeris.OutOfRange as e:
        if now is not None:
            raise s.usage("--now: {reason}", reason=e.message) from None
        raise

    def view() -> "RenderableType":
        text = views.signal(sig, zone, s.lang)
        if text_only:
            return text
        sky = ephemeris.sky(sig, samples=24)  # a smooth curve: the picture draws lines between
        width = min(s.env.columns, render.MEASURE)
        braille = render.unicode(s.env.stdout_encoding)
        return views.page(text, views.pictures(sig, sky, zone, width, braille, s.lang))

    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.signal(sig)

    s.show(as_json, view, data, export)
