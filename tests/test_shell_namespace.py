"""`lostcli init` and `lostcli completion` loaded into one real shell. Each script defines its
names in a namespace of its own (`shells.namespace`), so that neither overwrites the other's; and
with both loaded and a completion asked for, the prompt is drawn as before, with nothing on
stderr (in fish, `__lostcli_color` was both the init's colour switch and the completion's list
of colours, and every prompt after the first TAB printed `test: Expected a combining operator`
twice)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from lostcli.shells import namespace
from tests.conftest import run_process, script
from tests.test_shells import NOW, SHELLS, in_a_terminal, init, need

pytestmark = pytest.mark.slow  # real shells

PARTS = ("init", "completion")
COMMAND = {
    "bash": ["bash", "--norc", "--noprofile", "-c"], "zsh": ["zsh", "-f", "-c"],
    "fish": ["fish", "--no-config", "-c"], "nu": ["nu", "-n", "-c"],
    "xonsh": ["xonsh", "--no-rc", "-c"],
}  # fmt: skip
# How each shell lists the names it has, one a line, after `source FILE` (xonsh's runs the file
# among the caller's names, as the execx of ~/.xonshrc does).
LIST = {
    "bash": "compgen -v; compgen -A function; true",  # compgen fails when it finds none
    "zsh": "print -rl -- ${(k)parameters} ${(k)functions}",
    "fish": "set -n; functions -a -n",
    "nu": 'print ((scope variables | get name) ++ (scope commands | get name) | str join "\\n")',
    "xonsh": "print('\\n'.join(globals()))",
}


def scripts(shell: str, folder: Path) -> dict[str, Path]:
    """Both scripts, saved for the shell to load (xonsh loads only a .xsh)."""
    saved = {}
    for part in PARTS:
        text = init(shell) if part == "init" else completion(shell)
        saved[part] = folder / f"{part}.{'xsh' if shell == 'xonsh' else shell}"
        saved[part].write_text(text, encoding="utf-8")
    return saved


def completion(shell: str) -> str:
    p = run_process("completion", shell)
    assert p.returncode == 0, p.stderr
    return p.stdout


def names(shell: str, path: Path) -> set[str]:
    """The names the shell has after loading `path`, `$` and elvish's `~` off."""
    if shell == "elvish":
        shown = in_a_terminal(
            ["elvish", "-norc"],
            [f"eval (slurp < {path}) &on-end={{|ns| keys $ns | each {{|k| echo NAME:$k }} }}"],
            {},
        )
        found = re.findall(r"^NAME:(.*)$", shown, re.M)
    else:
        body = f"source {path}\n{LIST[shell]}"
        p = subprocess.run([*COMMAND[shell], body], capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stderr
        found = p.stdout.splitlines()
    # elvish's `use str` in both is one module, shared by design
    return {n.strip().lstrip("$").rstrip("~") for n in found if not n.endswith(":")}


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_defines_its_names_in_a_namespace_of_its_own(
    shell: str, tmp_path: Path
) -> None:
    need(shell)
    empty = tmp_path / f"empty.{'xsh' if shell == 'xonsh' else shell}"
    empty.write_text("")
    before = names(shell, empty)  # what loading anything sets (bash's PIPESTATUS)
    defined = {part: names(shell, path) - before for part, path in scripts(shell, tmp_path).items()}
    assert not defined["init"] & defined["completion"]
    for part, found in defined.items():
        assert any(n.startswith(namespace(part)) for n in found), (part, sorted(found))
        # the command itself (nushell's `extern "lostcli info"`) and the exported segment
        ours = {n for n in found if "lostcli" in n.lower() and not n.startswith("lostcli")}
        assert {n for n in ours if not n.startswith(namespace(part))} <= {"LOSTCLI_SEGMENT"}


# Each shell, with both scripts loaded (the completion after the init, as fish loads it on the
# first TAB), completes `lostcli --color ` and then draws its prompt: TAB:candidates and
# PROMPT:the prompt, each on a line.
AFTER_A_TAB = {
    "bash": """PS1='me$ '
source {init}; source {completion}
COMP_WORDS=(lostcli --color ''); COMP_CWORD=2
f=$(complete -p lostcli); f=${{f#*-F }}; ${{f%% *}}
echo "TAB:${{COMPREPLY[*]}}"
for c in "${{PROMPT_COMMAND[@]}}"; do eval "$c"; done
echo "PROMPT:${{PS1@P}}"
""",
    "zsh": """compdef() {{ f=$1; }}
compadd() {{ [[ $1 == -a ]] && print -r -- TAB:${{(P)2}} || print -r -- TAB:${{@:2}}; }}
_describe() {{ print -r -- TAB:${{(P)2}}; }}
PROMPT='me> '
source {init}; source {completion}
words=(lostcli --color ''); CURRENT=3; $f
for hook in $precmd_functions; do $hook; done
print -rP -- "PROMPT:$PROMPT"
""",
    # fish loads completions/lostcli.fish from fish_complete_path when TAB is first pressed
    "fish": """function fish_prompt; echo 'me> '; end
source {init}
set -p fish_complete_path {folder}/completions
echo TAB:(complete -C 'lostcli --color ' | string split -f1 \\t | string join ' ')
emit fish_prompt
echo PROMPT:(fish_prompt)
""",
    "nu": """$env.PROMPT_COMMAND = {{|| 'me> ' }}
source {init}
source {completion}
print $"TAB:(__lostcli_completion_values_color | str join ' ')"
for h in $env.config.hooks.pre_prompt {{ do --env $h }}
print $"PROMPT:(do $env.PROMPT_COMMAND)"
""",
    "xonsh": """$PROMPT = 'me> '
source {init}
source {completion}
from xonsh.completer import Completer
from xonsh.prompt.base import PromptFormatter
found = Completer().complete('', 'lostcli --color ', 16, 16)[0]
print('TAB:' + ' '.join(sorted(str(c) for c in found)))
_ = events.on_pre_prompt_format.fire()
print('PROMPT:' + PromptFormatter()($PROMPT))
""",
}


@pytest.mark.parametrize("shell", SHELLS)
def test_the_prompt_after_a_tab_with_both_scripts_loaded(shell: str, tmp_path: Path) -> None:
    need(shell)
    saved = scripts(shell, tmp_path)
    if shell == "elvish":  # from its rc file: a line typed before its editor is up can be cut
        (tmp_path / "rc.elv").write_text(
            f"use str\nset edit:prompt = {{ put 'me> ' }}\neval (slurp < {saved['init']})\n"
            f"eval (slurp < {saved['completion']})\n"
            "for x [($edit:completion:arg-completer[lostcli] lostcli --color '')] { echo TAB:$x }\n"
            "for hook $edit:before-readline { $hook }\n"
            "echo PROMPT:(str:join '' [($edit:prompt)])\n"
        )
        out = in_a_terminal(["elvish", "-rc", str(tmp_path / "rc.elv")], [], NOW)
        err = "\n".join(re.findall(r"^.*(?:Exception|[Ee]rror).*$", out, re.M))
    else:
        if shell == "fish":
            (tmp_path / "completions").mkdir()
            saved["completion"].rename(tmp_path / "completions" / "lostcli.fish")
        body = AFTER_A_TAB[shell].format(folder=tmp_path, **saved)
        # fish completes the arguments of a command only when it finds the command on PATH,
        # which an environment that was not activated does not put there
        path = f"{Path(script()[0]).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        p = subprocess.run(
            [*COMMAND[shell], body], capture_output=True, text=True, timeout=120,
            env={**os.environ, **NOW, "PATH": path},
        )  # fmt: skip
        out, err = p.stdout, p.stderr
    tab = " ".join(re.findall(r"^TAB:(.*)$", out, re.M))
    assert set(tab.split()) >= {"auto", "always", "never"}, out
    assert re.search(r"^PROMPT:✦ 1s me[$>] ?$", out, re.M), out
    assert err == ""
