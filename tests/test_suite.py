"""The suite's own rules (CONTRIBUTING.md): a program from outside Python that is missing skips
its test with the command that installs it, except in CI, where it fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lostcli import files, settings
from tests.conftest import need, pytest_runtest_call, run, widths


def test_a_missing_tool_skips_with_its_install_command_and_fails_in_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    (tmp_path / "less").touch(mode=0o755)
    assert need("less") == str(tmp_path / "less")
    with pytest.raises(pytest.skip.Exception, match=r"^needs less and /no: apt-get install less$"):
        need("less", "/no")
    with pytest.raises(pytest.skip.Exception, match=r"^needs zsh: apt-get install zsh$"):
        need("zsh")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"^needs zsh: apt-get install zsh$"):
        need("zsh")


def test_a_tool_run_by_name_is_needed_as_well(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test that starts a missing tool itself (subprocess.run(["fish", ...])) is skipped the
    same way; any other missing file is still the test's error."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    for missing, outcome in (("fish", pytest.skip.Exception), ("no-such-tool", FileNotFoundError)):
        call = pytest_runtest_call()
        next(call)
        with pytest.raises(outcome):
            call.throw(FileNotFoundError(2, "No such file or directory", missing))


def test_a_width_sweep_keeps_its_narrowest_in_the_inner_loop() -> None:
    narrowest, *others = widths(40, 80, 120)
    assert narrowest == 40
    assert [(p.values, [m.name for m in p.marks]) for p in others] == [
        ((80,), ["slow"]),
        ((120,), ["slow"]),
    ]


def test_a_tests_home_holds_the_record_as_a_first_run_caches_it() -> None:
    """What keeps the inner loop from parsing the record in every test: an entry that is
    current, not merely there."""
    cache = Path(os.environ["HOME"], ".cache", "lostcli")
    entry = files.cache_entry(str(cache), "record", settings.BUNDLED)
    assert entry is not None
    stored = Path(entry[0])
    assert stored.read_bytes().startswith(entry[1])
    before = stored.stat().st_ino
    assert run("info").code == 0
    assert stored.stat().st_ino == before  # read, not made again (a new entry is a new file)
