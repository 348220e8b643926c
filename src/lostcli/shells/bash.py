"""bash: init.bash and completion.bash."""

from __future__ import annotations

from lostcli.shells import Shell, Spec


class Bash(Shell):
    name = "bash"

    def tables(self, spec: Spec, ns: str) -> str:
        q = self.quote
        lines = []
        for listed, values in spec.values.items():
            words = " ".join(q(v) for v in values if " " not in v)  # bash splits on spaces
            lines.append(f"{ns}values_{listed}=({words})")
        lines.append(f"{ns}commands=({' '.join(spec.commands)})")
        lines.append(f"declare -A {ns}options=(")
        lines += [f"    [{q(name)}]={q(' '.join(o))}" for name, o in spec.option_lists().items()]
        lines.append(f")\ndeclare -A {ns}kind=(")
        lines += [f"    [{q(key)}]={kind}" for key, kind in spec.kinds().items()]
        lines.append(")")
        return "\n".join(lines)


SHELL = Bash()
