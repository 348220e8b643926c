"""xonsh: init.xonsh and completion.xonsh (Python, with xonsh's $NAME for variables)."""

from __future__ import annotations

from lostcli.shells import Shell, Spec


class Xonsh(Shell):
    name = "xonsh"

    def quote(self, value: str) -> str:
        return repr(value)

    def form(self, form: str) -> str:
        return form  # init.xonsh formats with str.format

    def tables(self, spec: Spec, ns: str) -> str:
        table = {
            "values": spec.values,
            "commands": list(spec.commands),
            "options": spec.option_lists(),
            "kinds": spec.kinds(),
        }
        return f"{ns}table = {table!r}"


SHELL = Xonsh()
