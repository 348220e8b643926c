from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lostcli import cli

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "film.toml"
# A fixed evaluation time for tests, long after the release.
LATER = "2026-11-25T03:00:00Z"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """Drive the real CLI entry (errors and exit codes included) with captured streams."""
    runner = CliRunner()
    base: dict[str, str | None] = {
        "TZ": "UTC",
        "LOSTCLI_TZ": None,
        "LOSTCLI_FILM": None,
        "COLUMNS": "100",
    }
    with runner.isolation(env={**base, **(env or {})}) as (out, err, _):
        code = cli.main(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(int(code), out.getvalue().decode(), err.getvalue().decode())


def script() -> list[str]:
    """The installed console script, next to the interpreter running the tests."""
    exe = Path(sys.executable).with_name("lostcli")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lostcli"]


def run_process(
    *args: str, env: dict[str, str] | None = None, cwd: str | Path = "/", encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("LOSTCLI_")}
    full.update({"TZ": "UTC", "COLUMNS": "100"})
    full.update(env or {})
    return subprocess.run(
        [*script(), *args], env=full, cwd=cwd, capture_output=True, encoding=encoding, timeout=60
    )


@pytest.fixture
def record_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")
