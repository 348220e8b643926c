"""The import budget of each start-up path, read from a real process with `-X importtime`, and
the work a view's rendering does, counted. Timing itself is measured in bench/, never here."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from lostcli import text, views
from tests.conftest import LATER, run, script

slow = pytest.mark.slow  # a process for each measurement


def imported(*args: str, tz: str = "UTC") -> set[str]:
    p = subprocess.run(
        [sys.executable, "-X", "importtime", script()[-1], *args],
        env={**os.environ, "TZ": tz}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in p.stderr.splitlines() if "|" in line}


@slow
def test_typer_pin_holds_because_newer_typer_imports_pydantic_on_every_run() -> None:
    """Typer 0.29 imports pydantic at start-up (about 80 ms a command), so pyproject.toml pins
    typer<0.29. When this fails after lifting the pin, Typer no longer does, and the pin can go."""
    modules = imported("info", "--help")  # Click's path: a plain command line loads no Typer
    assert "typer" in modules
    assert "pydantic" not in modules


@slow
@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["--version"], {"typer", "rich", "msgspec", "dateutil", "tomllib"}),
        (
            ["info", "--now", LATER],
            {"json", "lostcli.live", "lostcli.ical", "webbrowser", "pathlib"},
        ),
        (["credits"], {"json", "dateutil", "lostcli.ephemeris", "lostcli.live", "pathlib"}),
        (["prompt"], {"typer", "rich", "lostcli.shells"}),
        (["schema"], {"typer", "rich"}),  # no view to show
        (["calendar", "--now", LATER], {"typer", "rich"}),
    ],
)
def test_each_path_imports_only_what_it_needs(args: list[str], absent: set[str]) -> None:
    assert not imported(*args) & absent


@slow
def test_a_zone_named_by_region_and_city_is_read_without_pathlib_or_a_package_finder() -> None:
    """The current name of Europe/Berlin is read from tzdata's tables, found and read with os:
    pathlib (with urllib.parse and ipaddress, 5 ms) is for a record or TZ file named by the user,
    and zones._tables looks for the tzdata package (importlib.util) only where the system has
    no tables."""
    modules = imported("info", "--now", LATER, tz="Europe/Berlin")
    assert not modules & {"importlib.util", "pathlib", "urllib.parse"}
    assert "lostcli.zones" in modules


def test_the_modules_a_view_command_imports_compile_no_pattern_as_they_load() -> None:
    """A pattern compiled at import costs every run that imports the module a tenth to half a
    millisecond; one that only some inputs need (`--tz UTC+9`, a POSIX TZ) is compiled where it
    is first used (re caches it)."""
    from lostcli import clock, film, records, render, timeline, zones

    for module in (clock, film, records, render, timeline, views, zones):
        compiled = [k for k, v in vars(module).items() if isinstance(v, re.Pattern)]
        assert not compiled, (module.__name__, compiled)


def test_tz_naming_a_zone_is_read_without_a_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """TZ (or /etc/localtime) naming an IANA zone, as most systems have it, is checked
    character by character: compiling a pattern for it cost each run 0.4 ms."""
    from lostcli import zones

    monkeypatch.setattr(zones, "re", None)  # any pattern here would raise
    assert zones.from_tz_variable("Europe/Berlin").name == "Europe/Berlin"
    assert zones.from_tz_variable(":Europe/Kiev").name == "Europe/Kyiv"
    assert zones.from_tz_variable("Etc/UTC").name == "Etc/UTC"


def counted(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """A list that grows by one at each call of `module.name`, which still does its work."""
    calls: list[int] = []
    original = getattr(module, name)

    def counting(*args: object) -> object:
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_kept_text_whose_runs_all_fit_is_wrapped_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kept._holding releases held spaces, stage by stage, only in a run wider than a line: where
    every run fits, no stage looks at the runs one by one (five passes over each text did)."""
    runs = counted(monkeypatch, views, "_runs")
    result = run("curiosities")
    assert result.code == 0
    assert result.out.count("Source: ") > 10
    assert not runs


def test_view_text_with_new_lines_is_not_checked_character_by_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """render.fit passes every text through text.shown: one with a new line (a curiosity and its
    source) but no control character is returned whole, not rebuilt a character at a time."""
    control = counted(monkeypatch, text, "_control")
    assert run("curiosities").code == 0
    assert not control
    assert text.shown("a\tb\nc\x1bd") == "a\tb\nc␛d"
    assert control


def test_the_cached_schemas_annotations_are_objects_not_strings() -> None:
    """msgspec evaluates string annotations on a run's first decode: a `from __future__ import
    annotations` in film.py or config.py costs every command several milliseconds."""
    import msgspec

    from lostcli import config, film

    structs = [
        c
        for m in (film, config)
        for c in vars(m).values()
        if isinstance(c, type) and issubclass(c, msgspec.Struct) and c.__module__ == m.__name__
    ]
    assert len(structs) > 10
    for struct in structs:
        assert not any(isinstance(a, str) for a in struct.__annotations__.values()), struct


def test_a_command_builds_only_its_own_tree() -> None:
    """Typer reads every command's signature as it builds it: a run builds the one it runs,
    and the whole tree only for the group's help and for an error's hints."""
    from lostcli.cli.app import _tree

    assert list(_tree(["--lang", "ko", "info", "--now", "x"]).commands) == ["info"]
    assert list(_tree(["--film", "signal", "credits"]).commands) == ["credits"]
    assert len(_tree(["--help", "info"]).commands) > 10
    assert len(_tree(["infp"]).commands) > 10
