"""The manual page: the committed pages are what `python -m lostcli.manpage` writes from the help
texts now, and `man lostcli` finds and shows them once the wheel is installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lostcli import manpage
from tests.conftest import need
from tests.test_korean import korean_locales  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["man1/lostcli.1", "ko/man1/lostcli.1"])
def test_the_committed_pages_are_current(name: str) -> None:
    """Run `python -m lostcli.manpage` when this fails: a help text changed."""
    assert (ROOT / "man" / name).read_text(encoding="utf-8") == manpage.pages()[name]


def test_the_page_has_every_command_and_option() -> None:
    from typer.main import get_command

    from lostcli.cli.app import app

    page = manpage.pages()["man1/lostcli.1"]
    group = get_command(app)
    for name, command in group.commands.items():
        assert (f".SS \\fBlostcli {name}\\fR" in page) != command.hidden, name
        for param in command.params:
            for option in param.opts if param.param_type_name == "option" else []:
                assert f"\\fB{manpage.roff(option)}\\fR" in page, option
    assert "\n.SH EXIT STATUS\n.TP\n\\fB0\\fR\nSuccess.\n" in page


def test_roff_text_is_never_read_as_a_request() -> None:
    assert manpage.roff(".x 'y\n'z a-b \\n") == "\\&.x 'y\n\\&'z a\\-b \\en"


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the wheel built from this tree installed (without its
    dependencies: only man reads it)."""
    folder = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(folder),
                    str(ROOT)], check=True, timeout=300)  # fmt: skip
    (wheel,) = folder.glob("lostcli-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder / "venv")],
                   check=True, timeout=120)  # fmt: skip
    subprocess.run([*pip, "--python", str(folder / "venv" / "bin" / "python"), "install",
                    "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)  # fmt: skip
    return folder / "venv"


def man(venv: Path, *args: str, **env: str) -> str:
    """man as a user runs it in the activated environment: its bin first on PATH, no MANPATH."""
    need("man")
    base = {k: v for k, v in os.environ.items() if k != "MANPATH" and not k.startswith("LC_")}
    base.update(PATH=f"{venv / 'bin'}:{base['PATH']}", LANG="C.UTF-8", MANPAGER="cat")
    base.update(env)
    p = subprocess.run(["man", *args, "lostcli"], env=base, capture_output=True, text=True,
                       timeout=60)  # fmt: skip
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.mark.slow
def test_man_finds_the_installed_page(venv: Path) -> None:
    installed = venv / "share" / "man" / "man1" / "lostcli.1"
    assert installed.read_bytes() == (ROOT / "man" / "man1" / "lostcli.1").read_bytes()
    assert man(venv, "-w").strip() == str(installed)
    shown = man(venv, "-P", "cat")
    assert "lostcli - A terminal companion for the film" in shown
    assert "   lostcli countdown [OPTIONS]\n" in shown and "       --export FILE\n" in shown


@pytest.mark.slow
def test_man_finds_the_korean_page(venv: Path, request: pytest.FixtureRequest) -> None:
    korean = venv / "share" / "man" / "ko" / "man1" / "lostcli.1"
    assert man(venv, "-L", "ko", "-w").strip() == str(korean)
    locales = request.getfixturevalue("korean_locales")
    shown = man(venv, "-P", "cat", LANG="ko_KR.UTF-8", LOCPATH=str(locales))
    assert "\n이름\n       lostcli - 영화 〈이 별에 필요한〉" in shown  # Hangul, as UTF-8
    assert "\n종료 상태\n" in shown and "성공했습니다." in shown
