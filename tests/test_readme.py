"""The README's samples are what the tool really prints (at the instant each was taken)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

# The sample as the README shows it, and the instant it was taken at.
SAMPLES = {
    "lostcli info --tz Asia/Seoul": "2026-11-25T12:00+09:00",
    "lostcli countdown --tz Asia/Seoul --now 2025-05-27T11:47:51+09:00": None,
    "lostcli signal --tz Asia/Seoul": "2026-11-25T03:00Z",
    "lostcli trailer": None,
    "lostcli calendar --now 2026-11-25T03:00:00Z": None,
}


def sample(command: str) -> str:
    m = re.search(r"```console\n\$ " + re.escape(command) + r"\n(.*?)\n```", README, re.S)
    assert m, command
    return m[1]


def output(command: str) -> str:
    """What the command prints at 80 columns, at the sample's instant."""
    args = command.split()[1:]
    if SAMPLES[command]:
        args += ["--now", SAMPLES[command]]
    r = run(*args, env={"COLUMNS": "80"})
    assert r.code == 0, r.err
    return "\n".join(line.rstrip() for line in r.out.rstrip().splitlines())


@pytest.mark.parametrize("command", SAMPLES)
def test_console_samples(command: str) -> None:
    assert output(command) == "\n".join(line.rstrip() for line in sample(command).splitlines())


def test_json_sample() -> None:
    command = "lostcli countdown --json --tz Asia/Seoul --now 2026-11-25T03:00:00Z"
    m = re.search(r"`" + re.escape(command) + r"`:\n\n```json\n(.*?)\n```", README, re.S)
    assert m
    assert json.loads(m[1]) == json.loads(run(*command.split()[1:]).out)


def test_every_command_is_in_the_readme() -> None:
    listed = run("--help", env={"COLUMNS": "100"}).out.split("Commands:\n")[1]
    commands = re.findall(r"^  (\w+) ", listed, re.M)
    assert len(commands) >= 10
    for command in commands:
        assert f"`lostcli {command}" in README, command


if __name__ == "__main__":  # python -m tests.test_readme: write the samples anew from real output
    text = README
    for command in SAMPLES:
        text = text.replace(
            f"$ {command}\n{sample(command)}\n", f"$ {command}\n{output(command)}\n"
        )
    (Path(__file__).resolve().parents[1] / "README.md").write_text(text, encoding="utf-8")
