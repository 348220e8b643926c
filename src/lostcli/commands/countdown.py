"""lostcli countdown: time to the release or since it; with --live, big digits redrawn."""

from datetime import datetime, timedelta

from msgspec import Struct

from lostcli import views
from lostcli.cli.session import Session
from lostcli.commands import EXPORT, JSON, MOMENT

OPTIONS = {**MOMENT, **JSON, **EXPORT, "--live": ("live_view", False)}


def run(
    s: Session,
    *,
    tz: str | None,
    now: str | None,
    as_json: bool,
    export: str | None,
    live_view: bool,
) -> None:
    record = s.load_film()
    cd = s.countdown(record, tz, now)
    if not live_view:

        def data() -> Struct:
            from lostcli import jsonout

            return jsonout.countdown(cd)

        s.show(as_json, lambda: views.countdown(record, cd, s.lang), data, export)
        return
    if as_json:
        raise s.usage("--live goes without --json")
    if export is not None:
        raise s.usage("--live goes without --export")
    if not s.env.stdout_isatty:
        raise s.usage("--live needs a terminal: standard output is not one")
    if s.env.environ.get("TERM") == "dumb":
        raise s.usage("--live redraws in place, which a terminal with TERM=dumb cannot do")
    import time

    from lostcli import live, render

    clock = s.now
    if now is not None:  # a preview: the clock starts at --now and runs on
        started, start = time.monotonic(), cd.now

        def clock() -> datetime:
            return start + timedelta(seconds=time.monotonic() - started)

    terminal, _ = s.env.text_streams()
    # Big digits fill the terminal: no reading measure here.
    console = render.console(s.env, s.color, terminal, measure=s.env.columns)
    console.size = s.env.terminal_size
    live.run(console, record, cd.zone, clock, lang=s.lang)
