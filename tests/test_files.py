"""Files and names from outside: FIFOs and devices where a record or a cache entry belongs,
names with control characters or bytes that are not UTF-8, closed standard streams."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

from lostcli import context, errors, files, settings
from tests.conftest import BUNDLED, LATER, run, script

TIMEOUT = 30  # a FIFO that is opened for reading would hang the process: it must not be


def lostcli(
    *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "TZ": "UTC", "COLUMNS": "100", **(env or {})}
    return subprocess.run(
        [*script(), *args], env=full, capture_output=True, timeout=TIMEOUT, check=False
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "film.toml"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["--film", "{}", "info"],
        ["validate", "{}"],
        ["--film", "{}", "prompt"],
        ["prompt", "--film", "{}"],
    ],
)
@pytest.mark.slow
def test_a_fifo_for_a_record_is_refused_at_once(fifo: Path, args: list[str]) -> None:
    p = lostcli(*(a.format(fifo) for a in args))
    assert p.returncode == 1
    assert b"not a regular file" in p.stdout + p.stderr


@pytest.mark.slow
def test_a_fifo_in_lostcli_film_does_not_hang_the_prompt(fifo: Path) -> None:
    p = lostcli("prompt", env={"LOSTCLI_FILM": str(fifo)})
    assert (p.returncode, p.stderr) == (1, f"lostcli: error: {fifo}: not a regular file\n".encode())


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
@pytest.mark.slow
def test_a_device_for_a_record_is_refused_without_reading_it(device: str) -> None:
    p = lostcli("--film", device, "info")
    assert (p.returncode, p.stderr) == (
        1,
        f"lostcli: error: {device}: not a regular file\n".encode(),
    )


@pytest.mark.slow
def test_a_fifo_where_a_cache_entry_belongs_is_passed_over(tmp_path: Path) -> None:
    for kind in ("prompt", "record"):
        entry = files.cache_entry(str(tmp_path / "lostcli"), kind, settings.BUNDLED)
        assert entry is not None
        Path(entry[0]).parent.mkdir(exist_ok=True)
        os.mkfifo(entry[0])
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    assert lostcli("prompt", "--now", LATER, env=env).stdout == "✦ 543d ago\n".encode()
    assert lostcli("info", "--now", LATER, env=env).returncode == 0


def test_read_regular_reads_no_more_than_asked(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x" * 10_000)
    assert files.read_regular(str(big), 100) == b"x" * 101
    with pytest.raises(IsADirectoryError):
        files.read_regular(str(tmp_path), 100)
    with pytest.raises(errors.NotRegularFile):
        files.read_regular("/dev/zero", 100)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("a\nb", "a\\nb"),
        ("x\x1b[2J\x07", "x\\x1b[2J\\x07"),
        ("bad\u202etxt.toml", "bad\\u202etxt.toml"),  # a right-to-left override
        (os.fsdecode(b"caf\xe9.toml"), "caf\\xe9.toml"),  # Latin-1 bytes, not UTF-8
    ],
)
def test_names_from_outside_reach_the_terminal_escaped(name: str, shown: str) -> None:
    r = run("--film", name, "info")
    assert (r.code, r.err) == (1, f"lostcli: error: {shown}: no such file\n")
    r = run("validate", name)
    assert r.out.splitlines()[0] == f"{shown}: 1 problem"
    r = run("countdown", "--tz", name)
    assert r.err.splitlines()[-1] == f"lostcli: error: unknown time zone '{shown}'"


def test_a_record_whose_name_is_not_utf8_works(tmp_path: Path) -> None:
    name = os.fsdecode(os.fsencode(tmp_path) + b"/film\xff.toml")
    Path(name).write_bytes(BUNDLED.read_bytes())
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # the second run reads the cache entries written by the first
        assert run("--film", name, "info", "--now", LATER, env=env).code == 0
        assert run("--film", name, "prompt", "--now", LATER, env=env).out == "✦ 543d ago\n"
    r = run("validate", "--json", name)
    assert json.loads(r.out)["file"].endswith("film\\xff.toml")


@pytest.mark.slow
def test_arguments_that_are_not_utf8_give_a_clean_error() -> None:
    p = lostcli("countdown", "--tz", b"\xff\xfe")
    assert p.returncode == 2
    assert p.stderr.endswith(b"lostcli: error: unknown time zone '\\xff\\xfe'\n")
    p = lostcli("--film", b"/nowhere/\xff", "info")
    assert (p.returncode, p.stderr) == (1, b"lostcli: error: /nowhere/\\xff: no such file\n")


@pytest.mark.parametrize(
    "args", [["info"], ["prompt"], ["--version"], ["--help"], ["credits", "--json"]]
)
@pytest.mark.slow
def test_a_closed_stdout_is_one_error_line(args: list[str]) -> None:
    command = shlex.join([*script(), *args])
    p = subprocess.run(
        ["bash", "-c", f"exec {command} >&-"], capture_output=True, timeout=TIMEOUT, check=False
    )
    assert p.returncode == 1
    assert p.stderr == b"lostcli: error: cannot write the output: standard output is closed\n"


@pytest.mark.slow
def test_a_full_disk_is_one_error_line() -> None:
    """The kernel's own full device."""
    command = shlex.join([*script(), "info"])
    p = subprocess.run(
        ["bash", "-c", f"exec {command} >/dev/full"],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert p.returncode == 1
    assert p.stderr == b"lostcli: error: cannot write the output: No space left on device\n"


@pytest.mark.slow
def test_with_stderr_closed_errors_never_reach_stdout() -> None:
    command = shlex.join([*script(), "countdown", "--tz", "Nowhere/Land"])
    p = subprocess.run(
        ["bash", "-c", f"exec {command} 2>&-"], capture_output=True, timeout=TIMEOUT, check=False
    )
    assert (p.returncode, p.stdout) == (2, b"")


def test_a_huge_columns_writes_no_megabytes() -> None:
    r = run("info", "--now", LATER, env={"COLUMNS": "1000000"})
    assert r.code == 0
    assert max(len(line) for line in r.out.splitlines()) <= context.MAX_COLUMNS
