"""Shell init snippets: templates beside this file, filled in with values quoted for each shell
(pure). Each shell replaces the placeholders one after another, the title last: no other value
holds a brace, so that is one pass, as text.fill's is (a title `{rel}` is shown as it is)."""

from __future__ import annotations

import json
import re
import shlex
from importlib.resources import files

from lostcli import __version__
from lostcli.formatting import COMPACT

SHELLS = ("bash", "zsh", "fish", "nu", "elvish", "xonsh")


def fish_quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def elvish_quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# How each shell writes a string that it takes as written, and what each puts in front of its
# prompt: the segment (coloured, or not), then a space.
QUOTE = {
    "bash": shlex.quote, "zsh": shlex.quote, "fish": fish_quote,
    "nu": lambda v: json.dumps(v, ensure_ascii=False), "elvish": elvish_quote, "xonsh": repr,
}  # fmt: skip
SHOWN = {
    "bash": (
        "${LOSTCLI_SEGMENT:+$LOSTCLI_SEGMENT }",
        "${LOSTCLI_SEGMENT:+\\[\\e[35m\\]$LOSTCLI_SEGMENT\\[\\e[0m\\] }",
    ),
    # zsh reads % in a prompt as an escape: __lostcli_text has each doubled; %5F is magenta
    "zsh": ("${__lostcli_text:+$__lostcli_text }", "${__lostcli_text:+%5F$__lostcli_text%f }"),
    "xonsh": ("{lostcli}", "{PURPLE}{lostcli}{RESET}"),
}
BOOLEANS = {"nu": ("false", "true"), "xonsh": ("False", "True")}  # the others: 0 and 1


def forms(shell: str, lang: str) -> dict[str, str]:
    """The prompt's compact forms (`{d}d {h:02d}h`) as each shell formats them: printf's
    `%d %02d` in most, `{d} {h2}` tokens in nushell's replacements, Python's own in xonsh."""

    def convert(form: str) -> str:
        if shell == "xonsh":
            return form
        if shell == "nu":
            return re.sub(r"\{(\w):02d\}", r"{\g<1>2}", form)
        return re.sub(r"\{\w(:02d)?\}", lambda m: "%02d" if m[1] else "%d", form)

    return {name: convert(form) for name, form in COMPACT[lang].items()}


def snippet(
    shell: str,
    release: int,
    fmt: str,
    icon: str,
    title: str,
    color: bool,
    place: bool,
    lang: str = "en",
) -> str:
    quote = QUOTE[shell]
    text = files(__name__).joinpath(f"init.{shell}").read_text(encoding="utf-8")
    values = {
        "__VERSION__": __version__,
        "__RELEASE__": str(release),
        "__FORMAT__": quote(fmt),
        "__ICON__": quote(icon),
        "__TITLE__": quote(title),
        "__SHOWN__": quote(SHOWN[shell][color]) if shell in SHOWN else "",
        "__PLACE__": BOOLEANS.get(shell, ("0", "1"))[place],
        "__COLOR__": BOOLEANS.get(shell, ("0", "1"))[color],
        **{f"__{name.upper()}__": quote(form) for name, form in forms(shell, lang).items()},
    }
    for token, value in values.items():
        text = text.replace(token, value)
    return text
