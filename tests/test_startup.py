"""The import budget of each start-up path, read from a real process with `-X importtime`.
Timing itself is measured in bench/, never here."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import LATER, script

pytestmark = pytest.mark.slow  # a process for each measurement


def imported(*args: str) -> set[str]:
    p = subprocess.run(
        [sys.executable, "-X", "importtime", script()[-1], *args],
        env={**os.environ, "TZ": "UTC"}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in p.stderr.splitlines() if "|" in line}


def test_typer_pin_holds_because_newer_typer_imports_pydantic_on_every_run() -> None:
    """Typer 0.29 imports pydantic at start-up (about 80 ms a command), so pyproject.toml pins
    typer<0.29. When this fails after lifting the pin, Typer no longer does, and the pin can go."""
    modules = imported("info", "--now", LATER)
    assert "typer" in modules
    assert "pydantic" not in modules


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["--version"], {"typer", "rich", "msgspec", "dateutil", "tomllib"}),
        (["info", "--now", LATER], {"json", "lostcli.live", "lostcli.ical", "webbrowser"}),
        (["credits"], {"json", "dateutil", "lostcli.ephemeris", "lostcli.live"}),
        (["prompt"], {"typer", "rich", "lostcli.shells"}),
    ],
)
def test_each_path_imports_only_what_it_needs(args: list[str], absent: set[str]) -> None:
    assert not imported(*args) & absent


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
