"""The suite's own rules (CONTRIBUTING.md): a program from outside Python that is missing skips
its test with the command that installs it, except in CI, where it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import need, pytest_runtest_call


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
