"""What only a real process shows: the installed script, exit codes, pipes, encodings."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import LATER, run_process, script

pytestmark = pytest.mark.slow  # real processes


def test_installed_script_finds_its_bundled_record_from_another_directory() -> None:
    p = run_process("info", "--json", "--now", LATER, cwd="/")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["release"]["utc"] == "2025-05-30T07:00:00Z"


def test_info_card_in_a_subprocess() -> None:
    p = run_process("info", "--now", LATER)
    assert p.returncode == 0
    assert "Lost in Starlight" in p.stdout and "이 별에 필요한" in p.stdout
    assert "\x1b" not in p.stdout
    assert p.stderr == ""


def test_usage_error_exit_code() -> None:
    p = run_process("countdown", "--tz", "Nowhere/Land")
    assert p.returncode == 2
    assert p.stderr.splitlines()[-1].startswith("lostcli: error: unknown time zone 'Nowhere/Land'")
    assert "Traceback" not in p.stderr


def test_broken_pipe_is_quiet() -> None:
    cmd = " ".join(script())
    p = subprocess.run(
        f"{cmd} curiosities | head -1; {cmd} credits | true",
        shell=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert p.stdout.strip() == "Lost in Starlight  이 별에 필요한"
    assert p.stderr == ""


def test_latin1_output_replaces_korean_instead_of_crashing() -> None:
    p = run_process("info", "--now", LATER, env={"PYTHONIOENCODING": "latin-1"}, encoding="latin-1")
    assert p.returncode == 0, p.stderr
    assert "Lost in Starlight" in p.stdout
    assert "이" not in p.stdout


def test_json_is_utf8_whatever_the_locale() -> None:
    p = run_process("synopsis", "--json", env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert p.returncode == 0
    assert "Nan-young" in json.loads(p.stdout)["synopsis"][0]
