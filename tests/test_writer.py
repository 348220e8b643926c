"""The two writers (files.py): `calendar -o` and `--export` write where a shell's `>` would,
but a file whole or not at all; the cache never follows a link and trusts nothing odd in it."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import LATER, run, script

CALENDAR = run("calendar", "--now", LATER).out.encode()
# CI runs as root: there, a run that is not root fails rather than skips
root_only = pytest.mark.skipif(
    os.geteuid() != 0 and not os.environ.get("CI"), reason="only root can give a file away"
)


def calendar_to(path: Path | str) -> tuple[int, str]:
    r = run("calendar", "--now", LATER, "-o", str(path))
    return r.code, r.err


def lostcli(
    *args: str, stdout: object = subprocess.PIPE, first: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """A real process, where only one shows the behaviour (its own /dev/stdout, a limit), after
    the shell command `first`."""
    command = f"{first}\nexec {shlex.join([*script(), *args])}"
    env = {**os.environ, "TZ": "UTC"}  # the calendar's description is in the run's zone
    return subprocess.run(
        ["bash", "-c", command], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=30
    )


def null_device(path: Path) -> Path:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


def test_a_device_is_written_not_replaced(tmp_path: Path) -> None:
    device = null_device(tmp_path / "null")
    link = tmp_path / "link"
    link.symlink_to(device)
    for name in (device, link):
        assert calendar_to(name) == (0, "")
        assert stat.S_ISCHR(device.lstat().st_mode)
    assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "null"]


def test_a_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the calendar fits in a pipe's buffer
    try:
        assert calendar_to(fifo) == (0, "")
        assert os.read(reader, 1 << 16) == CALENDAR
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.slow
def test_a_fifo_nobody_reads_is_an_error_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    p = lostcli("calendar", "-o", str(fifo))
    assert (p.returncode, p.stderr) == (
        1,
        f"lostcli: error: cannot write '{fifo}': no one is reading the FIFO\n".encode(),
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@root_only
def test_a_file_keeps_its_owner_group_and_mode(tmp_path: Path) -> None:
    target = tmp_path / "film.ics"
    target.write_text("old")
    os.chown(target, 1234, 1234)
    target.chmod(0o640)
    assert calendar_to(target) == (0, "")
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 1234, 0o640)
    assert target.read_bytes() == CALENDAR


@pytest.mark.slow
def test_a_hard_linked_file_is_written_in_place_for_every_name(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    first.write_text("old")
    os.link(first, second)
    assert calendar_to(first) == (0, "")
    assert first.read_bytes() == second.read_bytes() == CALENDAR
    assert first.stat().st_ino == second.stat().st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ics", "b.ics"]
    # Its room is taken before a byte is written: a write the kernel refuses changes nothing.
    first.write_text("old")
    p = lostcli("calendar", "-o", str(second), first="ulimit -f 0")
    assert (p.returncode, p.stderr) == (
        1,
        f"lostcli: error: cannot write '{second}': File too large\n".encode(),
    )
    assert first.read_text() == second.read_text() == "old"


def test_a_leftover_temporary_file_is_no_obstacle(tmp_path: Path) -> None:
    leftover = tmp_path / f".film.ics.{os.getpid()}.tmp"  # the name this process once used
    leftover.write_text("leftover")
    assert calendar_to(tmp_path / "film.ics") == (0, "")
    assert (tmp_path / "film.ics").read_bytes() == CALENDAR
    assert leftover.read_text() == "leftover"
    assert len(list(tmp_path.iterdir())) == 2


def test_a_name_too_long_is_one_error_line(tmp_path: Path) -> None:
    name = tmp_path / ("x" * 300)
    assert calendar_to(name) == (1, f"lostcli: error: cannot write '{name}': File name too long\n")


@pytest.mark.slow
def test_dev_stdout_is_written_where_it_points() -> None:
    """/dev/stdout: the real one of the child process, a pipe, then a file that stays itself."""
    p = lostcli("calendar", "--now", LATER, "-o", "/dev/stdout")
    assert (p.returncode, p.stdout, p.stderr) == (0, CALENDAR, b"")


@pytest.mark.slow
def test_dev_stdout_to_a_file_keeps_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out.ics"
    out.write_text("old")
    inode = out.stat().st_ino
    with out.open("r+b") as stdout:
        p = lostcli("calendar", "--now", LATER, "-o", "/dev/stdout", stdout=stdout)
    assert (p.returncode, p.stderr) == (0, b"")
    assert (out.read_bytes(), out.stat().st_ino) == (CALENDAR, inode)


def test_export_dash_is_the_picture_on_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = run("info", "--now", LATER, "--export", "-")
    assert (r.code, r.err) == (0, "")
    assert ET.fromstring(r.out).tag == "{http://www.w3.org/2000/svg}svg"  # and nothing else
    assert not list(tmp_path.iterdir())


def test_export_to_a_name_of_another_format_is_a_usage_error(tmp_path: Path) -> None:
    r = run("info", "--now", LATER, "--export", str(tmp_path / "card.png"))
    assert r.code == 2
    assert r.err.endswith(f"'{tmp_path}/card.png' is neither .svg nor .html\n")
    assert not list(tmp_path.iterdir())


def prompt_entry(cache: Path) -> Path:
    """The prompt's cache entry in `cache`, written by a first run."""
    assert run("prompt", "--format", "{title}", env={"XDG_CACHE_HOME": str(cache)}).code == 0
    (entry,) = (cache / "lostcli").glob("prompt-*")
    return entry


def test_the_cache_folder_is_private(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        entry = prompt_entry(tmp_path)
        assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600
        entry.parent.chmod(0o755)  # as lostcli made it before
        entry.unlink()
        prompt_entry(tmp_path)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("odd", ["symbolic link", pytest.param("someone else's", marks=root_only)])
def test_an_odd_cache_entry_is_a_miss_and_replaced(tmp_path: Path, odd: str) -> None:
    """An entry with the right key, but a link to a file of the user's or a file of another
    user's, is neither read nor written through."""
    cache = tmp_path / "cache"
    entry = prompt_entry(cache)
    planted = entry.read_bytes().replace(b"\tStarlight\t", b"\tPlanted\t")
    if odd == "symbolic link":
        elsewhere = tmp_path / "notes.txt"
        elsewhere.write_bytes(planted)
        entry.unlink()
        entry.symlink_to(elsewhere)
    else:
        entry.write_bytes(planted)
        os.chown(entry, 1234, 1234)
    r = run("prompt", "--format", "{title}", env={"XDG_CACHE_HOME": str(cache)})
    assert (r.code, r.out) == (0, "Starlight\n")
    assert not entry.is_symlink() and entry.stat().st_uid == os.geteuid()
    if odd == "symbolic link":
        assert elsewhere.read_bytes() == planted


def test_a_cache_entry_linked_to_a_device_leaves_the_device(tmp_path: Path) -> None:
    record = tmp_path / "film.toml"
    record.write_bytes(Path(__file__).parents[1].joinpath("data", "film.toml").read_bytes())
    from lostcli import files

    cache = tmp_path / "cache" / "lostcli"
    found = files.cache_entry(str(cache), "record", str(record))
    assert found is not None
    cache.mkdir(parents=True)
    device = null_device(tmp_path / "null")
    Path(found[0]).symlink_to(device)
    env = {"XDG_CACHE_HOME": str(cache.parent)}
    assert run("--film", str(record), "info", "--now", LATER, env=env).code == 0
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert Path(found[0]).read_bytes().startswith(found[1])


@pytest.mark.parametrize("args", [["calendar", "-o", ""], ["credits", "--export="]])
def test_an_empty_file_name_is_a_usage_error_not_a_directory(args: list[str]) -> None:
    r = run(*args)
    assert r.code == 2 and r.err.endswith("the file name is empty\n"), r.err
