"""fish: init.fish and completion.fish."""

from __future__ import annotations

from lostcli.shells import Shell, Spec


class Fish(Shell):
    name = "fish"

    def quote(self, value: str) -> str:
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"

    def tables(self, spec: Spec, ns: str) -> str:
        q = self.quote
        lines = [
            f"set -g {ns}values_{k} {' '.join(q(v) for v in vs)}" for k, vs in spec.values.items()
        ]
        lines.append("complete -c lostcli -f")  # files only where a file is asked for
        names = " ".join(spec.commands)
        for name, command in spec.commands.items():
            lines.append(
                f"complete -c lostcli -n 'not __fish_seen_subcommand_from {names}' "
                f"-a {name} -d {q(command.help)}"
            )
        for name in ["", *spec.commands]:
            condition = q(
                f"__fish_seen_subcommand_from {name}"
                if name
                else f"not __fish_seen_subcommand_from {names}"
            )
            for option, kind, about in spec.options(name):
                flag = f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
                value = {"flag": "", "file": " -rF"}.get(kind, " -x")
                if kind not in ("flag", "text", "file"):  # its values first: -d would describe them
                    lines.append(
                        f"complete -c lostcli -n {condition} {flag} -x -a '${ns}values_{kind}'"
                    )
                about = f" -d {q(about)}" if about else ""
                lines.append(f"complete -c lostcli -n {condition} {flag}{value}{about}")
            argument = spec.commands[name].argument if name else None
            if argument == "file":
                lines.append(f"complete -c lostcli -n {condition} -F")
            elif argument:
                lines.append(f"complete -c lostcli -n {condition} -a '${ns}values_{argument}'")
        return "\n".join(lines)


SHELL = Fish()
