"""The plain command line run without Click (cli/direct.py), with Click's path as the oracle:
the same bytes on stdout and stderr and the same exit status, or None and nothing written."""

from __future__ import annotations

import importlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lostcli import views
from lostcli.cli import app, argv, direct
from lostcli.context import Environment
from lostcli.settings import OPTIONS
from tests.conftest import BUNDLED, LATER, environment, script


def outcome(runner: Any, args: list[str], env: dict[str, str], tty: bool = False) -> tuple:
    e, out, err = environment(env, tty=tty)
    code = runner(list(args), e)
    # a link's id is Rich's random number, new on every run
    return code, re.sub(rb"\x1b]8;id=\d+;", b"\x1b]8;id=;", out.getvalue()), err.getvalue()


def same(args: list[str], env: dict[str, str] | None = None, tty: bool = False) -> tuple:
    """The direct path's outcome, which must be Click's byte for byte."""
    env = env or {}
    found = outcome(direct.run, args, env, tty)
    assert found[0] is not None, args
    assert found == outcome(app.main, args, env, tty), args
    return found


def module(name: str) -> Any:
    return importlib.import_module(f"lostcli.commands.{direct.COMMANDS.get(name, name)}")


def test_each_command_declares_the_options_typer_declares() -> None:
    from typer.main import get_command

    group = get_command(app.app)
    declared = {name: argv.options(c) for name, c in group.commands.items()}
    assert set(declared) - {"completion"} >= set(direct.COMMANDS) | {"validate", "prompt"}
    for name, command in group.commands.items():
        if name == "completion":  # it describes the Click tree: Click's path alone
            continue
        params = {
            o: p.name
            for p in command.params
            if p.param_type_name == "option"
            for o in (*p.opts, *p.secondary_opts)
        }
        table = module(name).OPTIONS
        assert {o: takes for o, (_, takes) in table.items()} == declared[name], name
        assert {o: param for o, (param, _) in table.items()} == params, name
    globals_ = argv.options(group)
    globals_.pop("--version")  # only shows the version: Click's path
    assert globals_ == OPTIONS


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "record.toml").write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return {"dir": str(tmp_path)}


def pool(tmp: str) -> dict[str, list[str]]:
    """Good and bad values for each option that takes one."""
    return {
        "--tz": ["Asia/Seoul", "Seoul", "UTC", "+09:00", "Nowhere/Zone", "", "KST"],
        "--now": [LATER, "2025-05-30", "tomorrow 9am", "@0", "+3d", "garbage", "25:00",
                  "1500-01-01", "2025년 5월 30일 오후 4시"],
        "--export": [f"{tmp}/x.svg", f"{tmp}/x.html", f"{tmp}/x.txt", f"{tmp}/folder", "-",
                     f"{tmp}/folder/"],
        "--output": [f"{tmp}/cal.ics", f"{tmp}/folder", "-", "info", "countdown", "nope"],
        "-o": [f"{tmp}/cal.ics", "-"],
        "--format": ["{icon} {rel}", "{bad}", "{title}"],
        "--film": [f"{tmp}/record.toml", f"{tmp}/missing.toml", f"{tmp}/folder"],
        "--lang": ["ko", "en", "xx"],
        "--color": ["always", "never", "auto", "sometimes"],
    }  # fmt: skip


ENVIRONMENTS = [
    {},
    {"LOSTCLI_TZ": "Nowhere/Zone"},
    {"LOSTCLI_LANG": "fr", "COLUMNS": "40"},
    {"LOSTCLI_LANG": "ko", "NO_COLOR": "1"},
    {"LOSTCLI_FILM": "/nonexistent/record.toml"},
    {"FORCE_COLOR": "1", "TZ": "Asia/Seoul", "SHELL": "/bin/zsh"},
]


@pytest.mark.parametrize(
    "args",
    [
        ["info", "--now", LATER],
        ["--lang", "ko", "info", f"--now={LATER}", "--tz", "Seoul"],
        ["info", "--json", "--now", LATER, "--lang=ko"],
        ["info", "--export=-", "--now", LATER],  # the picture's title: lostcli info
        ["info", "--tz", "Nowhere/Zone"],
        ["info", "--now", "garbage"],
        ["--lang=ko", "info", "--now", "garbage"],
        ["countdown", "--now", LATER, "--color=always"],
        ["countdown", "--live"],
        ["countdown", "--live", "--json"],
        ["credits", "--no-pager"],
        ["credits", "--export", "{dir}/folder"],
        ["credits", "--export", "{dir}/x.txt"],
        ["credits", "--export", "{dir}/x.svg"],
        ["curiosities", "--json"],
        ["trivia"],
        ["signal", "--now", LATER, "--text"],
        ["signal", "--now", "1500-01-01"],
        ["synopsis", "--short"],
        ["trailer", "--open"],
        ["calendar", "-o", "{dir}/cal.ics", "--anniversary", "--now", LATER],
        ["calendar", "--output=-", "--now", LATER],
        ["calendar", "--output", "{dir}/folder"],
        ["init", "--format", "{bad}"],
        ["init", "--no-prompt"],
        ["config", "--json", "--film", "{dir}/missing.toml"],
        ["schema", "--output", "nope"],
        ["schema", "--output=info"],
        ["--film", "{dir}/record.toml", "credits"],
        ["--film", "{dir}/missing.toml", "credits"],
        ["credits", "--film", "{dir}/folder"],
    ],
)
def test_a_plain_command_line_runs_as_clicks_path_runs_it(
    args: list[str], files: dict[str, str]
) -> None:
    same([a.replace("{dir}", files["dir"]) for a in args], {"SHELL": "/bin/bash"})


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_the_environment_and_its_warnings_as_on_clicks_path(env: dict[str, str]) -> None:
    same(["info", "--now", LATER], env)


@pytest.mark.parametrize("command", ["info", "config"])
def test_a_broken_config_file_as_on_clicks_path(
    command: str, config: tuple[Path, dict[str, str]]
) -> None:
    path, env = config
    path.write_text('tz = "Asia/Seoul"\nlang = \n', encoding="utf-8")
    code, _, err = same([command], env)
    assert (code, command) == (1, "info") or (code, command) == (0, "config"), err
    path.write_text('tz = "Nowhere/Zone"\n[prompt]\nformat = "{nope}"\n', encoding="utf-8")
    same([command], env)


@pytest.mark.parametrize("failure", [RuntimeError("boom"), KeyboardInterrupt()])
def test_a_failure_inside_a_command_as_on_clicks_path(
    failure: BaseException, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise failure

    monkeypatch.setattr(views, "credits", fail)
    code, out, err = same(["credits"])
    assert code == (130 if isinstance(failure, KeyboardInterrupt) else 1)
    assert out == b"" and (b"internal error: RuntimeError: boom" in err or code == 130)


def test_a_reader_gone_away_ends_quietly_as_on_clicks_path() -> None:
    from lostcli import entry

    results = []
    for args in (["credits"], ["credits", "--"]):  # `--`: Click's path
        read, write = os.pipe()
        os.close(read)
        err = io.BytesIO()
        with os.fdopen(write, "wb", buffering=0) as gone:
            e = Environment(
                stdout=gone, stderr=err, environ={"TZ": "UTC", "HOME": os.environ["HOME"]}
            )
            results.append((entry.run(args, e), err.getvalue()))
    assert results == [(1, b"")] * 2


@pytest.mark.parametrize(
    "args",
    [
        [], ["-h"], ["--help"], ["info", "-h"], ["info", "--help"], ["--version"],
        ["info", "--version"], ["info", "--"], ["info", "--", "x"], ["info", "--bogus"],
        ["info", "--js"], ["info", "extra"], ["info", "info"], ["nope"], ["", "info"],
        ["-", "info"], ["info", "--tz"], ["info", "--tz", "-5"], ["--film"],
        ["--film", "-x", "info"],
        ["--tz", "UTC", "info"], ["--json", "credits"], ["--color", "info"],
        ["--color", "always", "info"], ["info", "--color"], ["info", "--json=1"],
        ["--no-pager=yes", "info"], ["calendar", "-o=x.ics"], ["calendar", "-ox.ics"],
        ["--lang=xx", "info"], ["--color=sometimes", "info"], ["info", "--lang", "xx"],
        ["prompt"], ["--lang", "ko", "prompt"], ["completion"], ["completion", "bash"],
        ["validate", "x.toml"], ["validate", "--json"], ["init", "bash"],
    ],
)  # fmt: skip
def test_any_other_command_line_is_left_to_click(args: list[str]) -> None:
    e, out, err = environment()
    assert direct.run(args, e) is None
    assert out.getvalue() == err.getvalue() == b""


def test_typers_completion_protocol_is_left_to_click() -> None:
    # a variable that makes Typer's path answer any command line with a completion script
    e, out, err = environment({"_LOSTCLI_COMPLETE": "bash_source"})
    assert direct.run(["synopsis", "--short"], e) is None
    assert out.getvalue() == err.getvalue() == b""


def test_input_that_ends_inside_a_command_is_an_interruption(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object) -> None:
        raise EOFError

    monkeypatch.setattr(views, "credits", fail)
    for runner in (direct.run, app.main):  # as Click ends it (Click also writes a newline)
        assert outcome(runner, ["credits"], {})[0] == 130


def lines(tmp: str) -> st.SearchStrategy[list[str]]:
    """Plain command lines of every command the direct path reads, from the declared tables."""
    values = pool(tmp)

    def written(option: str, takes: bool, draw: Any) -> list[str]:
        if not takes:
            return [option]
        value = draw(st.sampled_from(values[option]))
        if option == "--color" or value.startswith("-") or not option.startswith("--"):
            return [f"{option}={value}"] if option.startswith("--") else [option, value]
        return draw(st.sampled_from([[f"{option}={value}"], [option, value]]))

    @st.composite
    def line(draw: Any) -> list[str]:
        name = draw(st.sampled_from(sorted(direct.COMMANDS)))
        own = {o: takes for o, (_, takes) in module(name).OPTIONS.items()}
        if name == "calendar":
            own.pop("-o")  # its values are those of --output, which also go to schema
        before: list[list[str]] = []
        after: list[list[str]] = []
        for option in draw(st.lists(st.sampled_from(sorted(OPTIONS)), max_size=3)):
            side = before if draw(st.booleans()) else after
            side.append(written(option, OPTIONS[option], draw))
        for option in draw(st.lists(st.sampled_from(sorted(own)), max_size=4)):
            after.append(written(option, own[option], draw))
        mixed = draw(st.permutations(after))
        return [
            *(a for group in before for a in group),
            name,
            *(a for group in mixed for a in group),
        ]

    return line()


@pytest.mark.slow
def test_generated_command_lines_run_as_clicks_path_runs_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # calendar --output takes schema's values too: `info`, `nope`
    (tmp_path / "record.toml").write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "folder").mkdir()

    @settings(max_examples=300)
    @given(lines(str(tmp_path)), st.sampled_from(ENVIRONMENTS))
    def check(args: list[str], env: dict[str, str]) -> None:
        if "--live" in args:
            args.remove("--live")  # a terminal's loop: tested by hand above
        found = outcome(direct.run, args, env)
        if found[0] is None:  # only for a bad value of a global option, which Click reports
            assert found[1:] == (b"", b"")
            assert {"xx", "--lang=xx", "--color=sometimes"} & set(args), args
        else:
            assert found == outcome(app.main, args, env), args

    check()


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["info", f"--now={LATER}"], ["countdown", f"--now={LATER}"], ["credits"], ["curiosities"],
     ["signal", f"--now={LATER}"]],
)  # fmt: skip
def test_the_common_commands_import_neither_typer_nor_click(args: list[str]) -> None:
    def imported(*args: str) -> tuple[int, str, set[str]]:
        p = subprocess.run(
            [sys.executable, "-X", "importtime", script()[-1], *args],
            env={**os.environ, "TZ": "UTC"}, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        names = {line.rsplit("|", 1)[-1].strip() for line in p.stderr.splitlines() if "|" in line}
        return p.returncode, p.stdout, names

    code, out, modules = imported(*args)
    assert code == 0 and out
    assert {m for m in modules if m.split(".")[0] in ("typer", "click")} == set()
    code, out, modules = imported(args[0], "--help")
    assert code == 0 and out.startswith(f"Usage: lostcli {args[0]} [OPTIONS]")
    assert "typer" in modules
