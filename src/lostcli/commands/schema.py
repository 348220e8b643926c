"""lostcli schema: the JSON Schema of a record file, or of a command's --json output."""

from lostcli import film, jsonout
from lostcli.cli.session import Session
from lostcli.errors import alternatives
from lostcli.text import quoted

OPTIONS = {"--output": ("output", True)}


def run(s: Session, *, output: str | None) -> None:
    if output is not None and output not in jsonout.OUTPUTS:
        raise s.usage(
            "--output: no command {command} prints JSON; choose {commands}",
            command=quoted(output),
            commands=alternatives(list(jsonout.OUTPUTS), "or"),
        )
    s.json(film.schema() if output is None else jsonout.schema(output))
