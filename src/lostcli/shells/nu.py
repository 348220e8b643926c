"""nushell: init.nu and completion.nu."""

from __future__ import annotations

import json
import re

from lostcli.shells import Shell, Spec


class Nu(Shell):
    name = "nu"

    def quote(self, value: str) -> str:
        return written(value)

    def form(self, form: str) -> str:
        """`{d} {h2}`: the tokens init.nu replaces, `{h2}` for `{h:02d}`."""
        return re.sub(r"\{(\w):02d\}", r"{\g<1>2}", form)

    def tables(self, spec: Spec, ns: str) -> str:
        lines = [f"def {ns}values_{k} [] {{ {written(vs)} }}" for k, vs in spec.values.items()]
        commands = [{"value": name, "description": c.help} for name, c in spec.commands.items()]
        lines.append(f"const {ns}subcommands = {written(commands)}")
        for name in ["", *spec.commands]:
            params = [f"    command?: string@{ns}commands  # the command"] if not name else []
            for option, kind, about in spec.options(name):
                if option.startswith("--"):
                    short = "(-h)" if option == "--help" else ""
                    typed = {"flag": "", "text": ": string", "file": ": path"}.get(
                        kind, f": string@{ns}values_{kind}"
                    )
                    params.append(f"    {option}{short}{typed}" + (f"  # {about}" if about else ""))
            argument = spec.commands[name].argument if name else None
            if argument:
                typed = "path" if argument == "file" else f"string@{ns}values_{argument}"
                params.append(f"    argument?: {typed}")
            about = (spec.commands[name] if name else spec.root).help
            lines.append(f'# {about}\nextern "{f"lostcli {name}".strip()}" [')
            lines += [*params, "]"]
        return "\n".join(lines)


def written(value: object) -> str:
    """A string, list or record as nushell reads it: JSON's notation is nushell's too."""
    return json.dumps(value, ensure_ascii=False)


SHELL = Nu()
