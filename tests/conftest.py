from __future__ import annotations

import ast
import atexit
import functools
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Hypothesis keeps files of its own (a constants cache) in ./.hypothesis: give it a temporary
# folder instead, before it is imported, so that the suite writes nothing outside such folders.
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="lostcli-hypothesis-")
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = _HYPOTHESIS_HOME
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from lostcli import entry  # noqa: E402
from lostcli.context import Environment  # noqa: E402

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "film.toml"
# A fixed evaluation time for tests, long after the release.
LATER = "2026-11-25T03:00:00Z"

# No example database: tests write nothing outside their temporary folders. In CI the examples
# are derived from each test's name, so a failure there is the same failure on a laptop.
settings.register_profile("dev", database=None, deadline=None)
settings.register_profile(
    "ci", database=None, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def first_run_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cache folder that a first run of lostcli leaves in a home (the bundled record in
    msgspec's form), so that each test reads the record as a second run does instead of
    parsing it again (a fifth of the inner loop's time). The tests of the cache itself give
    theirs an XDG_CACHE_HOME."""
    home = tmp_path_factory.mktemp("first-run")
    entry.run(["info"], environment({"HOME": str(home)})[0])
    return home / ".cache" / "lostcli"


@pytest.fixture(autouse=True)
def private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, first_run_cache: Path
) -> None:
    """Every test, and every process it starts, has a home and folders of its own: one in which
    lostcli has run once."""
    home = tmp_path_factory.mktemp("home")
    if first_run_cache.is_dir():  # else `info` is broken, and its tests say so
        shutil.copytree(first_run_cache, home / ".cache" / "lostcli")
    monkeypatch.setenv("HOME", str(home))
    # and speaks English, whatever the locale of the machine that runs the suite
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "LOSTCLI_FILM", "LOSTCLI_TZ", "NO_COLOR",
                "LOSTCLI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):  # fmt: skip
        monkeypatch.delenv(var, raising=False)


# The programs from outside Python that tests run, and how to get each on Debian (.ci/run
# installs them all); a file they also need is named where they are asked for.
INSTALL = {
    "zsh": "apt-get install zsh", "fish": "apt-get install fish",
    "elvish": "apt-get install elvish", "xonsh": "apt-get install xonsh",
    "nu": "npm install --global nushell", "tmux": "apt-get install tmux",
    "less": "apt-get install less", "localedef": "apt-get install locales",
    "chromium": "apt-get install chromium fonts-noto-cjk", "man": "apt-get install man-db",
}  # fmt: skip


def need(tool: str, *files: str) -> str:
    """The path of `tool` (a key of INSTALL), with `files` that it needs. When one is missing the
    test is skipped with the command that installs it, and in CI (CI set) it fails: nothing skips
    there."""
    found = shutil.which(tool)
    if found is None or not all(Path(f).exists() for f in files):
        message = f"needs {' and '.join([tool, *files])}: {INSTALL[tool]}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call() -> Generator[None, object, object]:
    """A test that starts a tool of INSTALL by name (subprocess, os.exec*) that is not there
    goes as need() has it go: skipped with the command that installs it, failed in CI."""
    try:
        return (yield)
    except FileNotFoundError as e:
        if e.filename in INSTALL:
            need(e.filename)
        raise


@functools.cache
def parsed(path: Path) -> ast.Module:
    """A module of lostcli's source, parsed once per run for the tests that read the code. Only
    read it: the tree is shared."""
    return ast.parse(path.read_text(encoding="utf-8"))


def widths(narrowest: int, *others: int) -> list[Any]:
    """Terminal widths to sweep (parametrize's values): the narrowest, where lines break most, in
    the inner loop; the others marked slow (CI runs them all)."""
    return [narrowest, *(pytest.param(w, marks=pytest.mark.slow) for w in others)]


@dataclass
class Result:
    code: int
    out: str
    err: str


def environment(
    env: dict[str, str] | None = None,
    encoding: str = "utf-8",
    tty: bool = False,
    clock: float = 1_795_000_000.0,
) -> tuple[Environment, io.BytesIO, io.BytesIO]:
    out, err = io.BytesIO(), io.BytesIO()
    environ = {"TZ": "UTC", "COLUMNS": "100", "HOME": os.environ["HOME"], **(env or {})}
    e = Environment(
        stdout=out, stderr=err, stdout_encoding=encoding, stderr_encoding=encoding,
        stdout_isatty=tty, environ=environ, clock=lambda: clock,
    )  # fmt: skip
    return e, out, err


def run(
    *args: str, env: dict[str, str] | None = None, encoding: str = "utf-8", tty: bool = False
) -> Result:
    """The real entry point, in process, with an injected environment."""
    e, out, err = environment(env, encoding, tty)
    code = entry.run(list(args), e)
    return Result(int(code), out.getvalue().decode(encoding), err.getvalue().decode(encoding))


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
def config(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A config file's path, and the environment that makes lostcli read it."""
    (tmp_path / "lostcli").mkdir()
    return tmp_path / "lostcli" / "config.toml", {"XDG_CONFIG_HOME": str(tmp_path)}


@pytest.fixture
def record_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")
