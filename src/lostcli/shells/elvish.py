"""elvish: init.elvish and completion.elvish."""

from __future__ import annotations

from lostcli.shells import Shell, Spec


class Elvish(Shell):
    name = "elvish"

    def quote(self, value: str) -> str:
        return "'" + value.replace("'", "''") + "'"

    def tables(self, spec: Spec, ns: str) -> str:
        def words(values: list[str]) -> str:
            return "[" + " ".join(self.quote(v) for v in values) + "]"

        def table(rows: dict[str, str]) -> str:
            return "[&" + " &".join(f"{self.quote(k)}={v}" for k, v in rows.items()) + "]"

        return "\n".join([
            f"var {ns}values = {table({k: words(v) for k, v in spec.values.items()})}",
            f"var {ns}commands = {words(list(spec.commands))}",
            f"var {ns}options = {table({k: words(o) for k, o in spec.option_lists().items()})}",
            f"var {ns}kinds = {table(spec.kinds())}",
        ])  # fmt: skip


SHELL = Elvish()
