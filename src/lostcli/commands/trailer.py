"""lostcli trailer: the trailer as a link, and with --open in a browser."""

from msgspec import Struct

from lostcli import views
from lostcli.cli.session import Session
from lostcli.commands import JSON
from lostcli.errors import LostcliError
from lostcli.text import quoted

OPTIONS = {"--open": ("open_browser", False), **JSON}


def run(s: Session, *, open_browser: bool, as_json: bool) -> None:
    record = s.load_film()
    url = record.trailer.url

    def data() -> Struct:
        from lostcli import jsonout

        return jsonout.trailer(record)

    s.show(as_json, lambda: views.trailer(record, s.lang), data)
    if open_browser:  # only http(s): the loader refuses a record with any other trailer URL
        from lostcli import browser

        try:
            command, wait = browser.opener(url, s.env.environ)
        except browser.NoBrowser as e:
            raise LostcliError(
                "cannot open a browser: {reason}; the link is above", reason=e.message
            ) from None
        if not browser.launch(command, wait):
            raise LostcliError(
                "could not run {command}; the link is above", command=quoted(command[0])
            )
