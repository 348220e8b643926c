"""zsh: init.zsh and completion.zsh."""

from __future__ import annotations

from lostcli.shells import Shell, Spec


class Zsh(Shell):
    name = "zsh"

    def tables(self, spec: Spec, ns: str) -> str:
        q = self.quote
        lines = [
            f"typeset -ga {ns}values_{k}=({' '.join(map(q, vs))})" for k, vs in spec.values.items()
        ]
        described = [f"{name}:{command.help}" for name, command in spec.commands.items()]
        lines.append(f"typeset -ga {ns}commands=({' '.join(q(d) for d in described)})")
        lines.append(f"typeset -gA {ns}options=(")
        for name in ["", *spec.commands]:
            options = [f"{o}:{about}".rstrip(":") for o, _, about in spec.options(name)]
            lines.append(f"    {q(name or ' ')} {q(chr(10).join(options))}")
        lines.append(f")\ntypeset -gA {ns}kind=(")
        lines += [f"    {q(key)} {kind}" for key, kind in spec.kinds().items()]
        lines.append(")")
        return "\n".join(lines)


SHELL = Zsh()
