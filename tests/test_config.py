"""The config file: what it may set, the precedence over it and under it, and its errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import LATER, run, script


def zone(*args: str, env: dict[str, str]) -> str:
    r = run("countdown", "--json", "--now", LATER, *args, env=env)
    assert r.code == 0, r.err
    return str(json.loads(r.out)["zone"])


def test_tz_precedence(config: tuple[Path, dict[str, str]]) -> None:
    """The option, then the variable, then the file, then the system (TZ)."""
    path, env = config
    path.write_text('tz = "Asia/Seoul"\n')
    assert zone(env={**env, "TZ": "Europe/Paris"}) == "Asia/Seoul"
    assert zone(env={**env, "LOSTCLI_TZ": "Asia/Tokyo"}) == "Asia/Tokyo"
    assert zone("--tz", "UTC", env={**env, "LOSTCLI_TZ": "Asia/Tokyo"}) == "UTC"
    path.write_text("")
    assert zone(env={**env, "TZ": "Europe/Paris"}) == "Europe/Paris"


def test_color_precedence(config: tuple[Path, dict[str, str]]) -> None:
    path, env = config
    path.write_text('color = "always"\n')
    assert "\x1b[" in run("credits", env=env).out
    assert "\x1b[" not in run("credits", env={**env, "NO_COLOR": "1"}).out
    assert "\x1b[" not in run("--color", "never", "credits", env=env).out
    path.write_text('color = "never"\n')
    assert "\x1b[" not in run("credits", env=env, tty=True).out


def test_the_prompt_and_init_take_their_format_from_the_file(
    config: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, env = config
    env = {**env, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert run("prompt", "--now", LATER, env=env).out == "✦ 543d ago\n"
    path.write_text('[prompt]\nformat = "{icon} day {days}"\nascii = true\n')
    os.utime(path, ns=(0, 10**18))  # another mtime, however fast the machine
    assert run("prompt", "--now", LATER, env=env).out == "* day 543\n"  # the cache noticed
    assert run("prompt", "--now", LATER, "--format", "{rel}", env=env).out == "543d ago\n"
    assert "'{icon} day {days}'" in run("init", "bash", env=env).out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[prompt]\nascii = 'yes'\n", "prompt.ascii: expected a boolean, got a string"),
        ('colour = "never"\n', "colour: unknown key (did you mean 'color'?)"),
        ('color = "sometimes"\n', "color: expected one of auto, always, never, got 'sometimes'"),
        ("tz = \n", "line 1: invalid TOML: Invalid value"),
        ("[prompt]\nformat = 3\nascii = 1\n",
         "prompt.format: expected a string, got an integer (and 1 more)"),
        ("[prompt]\nformat = '{icon} {when}'\n",
         "prompt.format: unknown placeholder '{when}'; the placeholders are {icon}, {title}, "
         "{rel}, {days} and {status}"),
    ],
)  # fmt: skip
def test_a_bad_config_file_is_one_line_naming_the_file_and_the_key(
    config: tuple[Path, dict[str, str]], text: str, message: str
) -> None:
    path, env = config
    path.write_text(text)
    for command in (["info"], ["prompt"]):
        r = run(*command, env=env)
        assert r.code == 1
        assert r.err == f"lostcli: error: {path}: {message}\n"
    # the diagnostic command still works: the settings without the file, and why (issue 21)
    shown = run("config", env=env)
    assert (shown.code, shown.err) == (0, "")
    last = " ".join(shown.out.split("config file:")[1].split())  # a long line is folded
    assert last == f"{path}: {message}; its settings are not used"
    data = json.loads(run("config", "--json", env=env).out)
    assert data["error"] == f"{path}: {message}"
    assert data["settings"]["color"] == {"value": "auto", "origin": "default"}


def test_a_config_that_is_not_a_file_is_refused(config: tuple[Path, dict[str, str]]) -> None:
    path, env = config
    os.mkfifo(path)
    r = run("info", env=env)
    assert (r.code, r.err) == (1, f"lostcli: error: {path}: not a regular file\n")


def test_config_shows_every_setting_and_its_origin(config: tuple[Path, dict[str, str]]) -> None:
    path, env = config
    path.write_text('tz = "Asia/Seoul"\n[prompt]\nascii = true\n')
    r = run("config", env={**env, "NO_COLOR": "1", "COLUMNS": "200"})
    assert r.code == 0
    rows = [line.split()[:2] for line in r.out.splitlines()]
    assert [row for row in rows if row[0] in ("tz", "color", "prompt.ascii")] == [
        ["tz", "Asia/Seoul"],
        ["color", "never"],
        ["prompt.ascii", "true"],
    ]
    assert "$NO_COLOR" in r.out and "default" in r.out
    data = json.loads(
        run("--color", "never", "config", "--json", env={**env, "LOSTCLI_TZ": "UTC"}).out
    )
    assert data["file"] == str(path)
    assert data["settings"]["tz"] == {"value": "UTC", "origin": "$LOSTCLI_TZ"}
    assert data["settings"]["color"] == {"value": "never", "origin": "--color"}
    assert data["settings"]["prompt.ascii"] == {"value": True, "origin": str(path)}


def test_without_a_file_everything_is_the_default_or_the_system() -> None:
    data = json.loads(run("config", "--json", env={"TZ": "Asia/Seoul"}).out)["settings"]
    assert data["tz"] == {"value": "Asia/Seoul", "origin": "$TZ"}
    assert data["color"] == {"value": "auto", "origin": "default"}


def test_a_relative_xdg_config_home_is_ignored(tmp_path: Path) -> None:
    """The XDG spec: a relative path there is invalid. ~/.config is used instead."""
    home = Path(os.environ["HOME"])
    (home / ".config" / "lostcli").mkdir(parents=True)
    (home / ".config" / "lostcli" / "config.toml").write_text('tz = "Asia/Seoul"\n')
    assert zone(env={"XDG_CONFIG_HOME": "relative/dir"}) == "Asia/Seoul"


@pytest.mark.slow
def test_a_config_folder_that_may_not_be_searched_is_named_not_a_crash(
    config: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """`lostcli config` says so in its last line, and shows the other settings."""
    path, env = config
    path.write_text('tz = "Asia/Seoul"\n')
    argv = [*script(), "config"]
    if os.geteuid() == 0:  # root searches any folder: run it without the capabilities to
        dropped = "-dac_override,-dac_read_search"
        argv = ["setpriv", "--bounding-set", dropped, "--inh-caps", dropped, *argv]
    outside = {k: v for k, v in os.environ.items() if not k.startswith(("LOSTCLI_", "XDG_"))}
    path.parent.chmod(0)
    try:
        p = subprocess.run(
            argv, env={**outside, **env, "TZ": "UTC", "XDG_CACHE_HOME": str(tmp_path / "cache")},
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    finally:
        path.parent.chmod(0o755)
    assert (p.returncode, p.stderr) == (0, "")
    assert p.stdout.split()[:3] == ["tz", "UTC", "$TZ"]  # not the file's
    last = re.sub(r"\s", "", p.stdout.split("config file:")[1])  # a long path is folded
    assert last == re.sub(r"\s", "", f"{path} (cannot read it: Permission denied)")


def test_color_always_wins_over_no_color_that_rich_reads_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # the process's own: Rich reads it, not the Environment
    r = run("--color=always", "credits", env={"NO_COLOR": "1"})
    assert "\x1b[1;35m" in r.out  # the headings' colour, not only their weight
