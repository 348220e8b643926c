"""Hostile input and hostile environments. The matrices run in process through the injected
environment; a real process only where only it shows the behaviour (start-up in a locale, a
terminal, closed descriptors, signals, another user)."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import LATER, Result, run, script
from tests.test_prompt import INSTANTS, RELEASE
from tests.test_shells import expected, init, segments

COMMANDS = [
    ["info", "--now", LATER],
    ["synopsis"],
    ["credits"],
    ["curiosities"],
    ["countdown", "--now", LATER],
    ["validate", "-"],  # "-" is replaced by the bundled record's path
]
# Any escape or control sequence a record could smuggle in.
CONTROL = re.compile(r"\x1b\[2J|\x1b\]8;;file|\x07|\x08|\r|\x9b")


def bundled() -> str:
    return str(Path(__file__).resolve().parents[1] / "data" / "film.toml")


def with_record(args: list[str]) -> list[str]:
    return [bundled() if a == "-" else a for a in args]


def assert_one_error_line(
    p: Result | subprocess.CompletedProcess[str], code: int, *parts: str
) -> None:
    result = p if isinstance(p, Result) else Result(p.returncode, p.stdout, p.stderr)
    assert result.code == code, result.err
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    # usage errors add the usage line and where to find help
    assert len(lines) == (3 if code == 2 else 1), result.err
    for part in parts:
        assert part in lines[-1], (part, lines[-1])


# Row 1: bad records given with --film.


def line_of(path: Path, marker: bytes) -> str:
    line = path.read_bytes().split(marker)[0].count(b"\n") + 1
    return f"line {line}: "


BAD_FILMS: dict[str, tuple[Callable[[Path, str], None], list[str]]] = {
    "missing": (lambda p, t: None, ["no such file"]),
    "directory": (lambda p, t: p.mkdir(), ["is a directory"]),
    "not utf-8": (lambda p, t: p.write_bytes(t.encode()[:200] + b"\xff\n"), ["not UTF-8", "@\xff"]),
    "invalid toml": (
        lambda p, t: p.write_text(t.replace('rating = "PG"', "rating = PG")),
        ["invalid TOML", "@rating = PG"],
    ),
    "wrong type": (
        lambda p, t: p.write_text(t.replace("runtime_minutes = 96", "runtime_minutes = [96]")),
        ["film.runtime_minutes: expected an integer, got an array"],
    ),
    "missing key": (
        lambda p, t: p.write_text(t.replace('character = "Jay"', 'role = "Jay"', 1)),
        ["cast[1].character: missing"],
    ),
    "release without offset": (
        lambda p, t: p.write_text(t.replace("T00:00:00-07:00", "T00:00:00")),
        ["release.instant: needs a UTC offset"],
    ),
    "unknown zone": (
        lambda p, t: p.write_text(t.replace('"America/Los_Angeles"', '"Nowhere/Land"')),
        ["release.zone: unknown time zone 'Nowhere/Land'"],
    ),
    "10 MB string field": (
        lambda p, t: p.write_text(t.replace('rating = "PG"', f'rating = "{"x" * 10_000_000}"')),
        ["larger than 1024 KiB"],
    ),
    "deeply nested": (
        lambda p, t: p.write_text(t + "x = " + "[" * 50_000 + "]" * 50_000 + "\n"),
        ["nested too deeply"],
    ),
}


@pytest.mark.parametrize("case", BAD_FILMS, ids=list(BAD_FILMS))
@pytest.mark.parametrize("command", [["info"], ["countdown", "--json"], ["credits"]])
@pytest.mark.slow
def test_bad_record(case: str, command: list[str], tmp_path: Path, record_text: str) -> None:
    make, parts = BAD_FILMS[case]
    path = tmp_path / "film.toml"
    make(path, record_text)
    # "@text" stands for the line where that text is in the file
    parts = [
        line_of(path, part[1:].encode("latin-1")) if part[0] == "@" else part for part in parts
    ]
    r = run("--film", str(path), *command)
    assert_one_error_line(r, 1, f"lostcli: error: {path}: ", *parts)
    assert r.out == ""


@pytest.mark.slow
def test_unreadable_record(record_text: str) -> None:
    shared = Path(tempfile.mkdtemp(prefix="lostcli-"))
    shared.chmod(0o755)
    path = shared / "film.toml"
    path.write_text(record_text)
    path.chmod(0)
    argv = [*script(), "--film", str(path), "info"]
    if os.geteuid() == 0:  # root reads anything: run as nobody instead
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run([*nobody, *script(), "--version"], capture_output=True, check=False)
        if shutil.which("setpriv") is None or probe.returncode != 0:
            pytest.skip("running as root, and no unprivileged user can run this interpreter")
        argv = nobody + argv
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert_one_error_line(p, 1, f"lostcli: error: {path}: permission denied")
    shutil.rmtree(shared)


def test_validate_lists_every_problem(tmp_path: Path, record_text: str) -> None:
    path = tmp_path / "film.toml"
    path.write_text(
        record_text.replace("runtime_minutes = 96", "runtime_minutes = -1")
        .replace('rating = "PG"\n', "")
        .replace('sources = ["ann", "axelleratedreviews"]', 'sources = ["nobody"]')
    )
    r = run("validate", str(path))
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{path}: 3 problems",
        "  film.runtime_minutes: must not be negative",
        "  film.ratings[1].rating: missing",
        "  curiosities[4].sources: cites unknown source 'nobody'",
    ]


def test_validate_bundled_record_is_clean() -> None:
    r = run("validate", bundled())
    assert r.code == 0
    assert r.out.startswith(f"{bundled()}: valid: Lost in Starlight")


# Row 2: record text that tries to style, link or drive the terminal.

HOSTILE_TEXT = {
    'rating = "PG"': 'rating = "[bold]PG[/] [link=file:///etc/passwd]x[/link]"',
    'name = "Climax Studio"': 'name = "Climax\\u001b[2J\\u001b]8;;file:///etc/passwd\\u0007ST\\u0008\\r\\u009bX"',
    'text = "Bong': 'text = "\\u001b[2J[red]Bong',
    'actor = "Hong Kyung"': 'actor = "Hong\\u0007 [blink]Kyung[/]"',
}


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "validate"])
def test_record_cannot_drive_the_terminal(
    command: list[str], tmp_path: Path, record_text: str
) -> None:
    for old, new in HOSTILE_TEXT.items():
        assert old in record_text
        record_text = record_text.replace(old, new)
    path = tmp_path / "film.toml"
    path.write_text(record_text)
    for env in ({}, {"FORCE_COLOR": "1", "TERM": "xterm-256color"}):
        r = run("--film", str(path), *command, env=env)
        assert r.code == 0, r.err
        assert not CONTROL.search(r.out), repr(CONTROL.search(r.out))
    if command[0] == "info":
        assert "\x1b[" in r.out  # the coloured run really was coloured
        plain = run("--film", str(path), *command).out
        assert "[bold]PG[/] [link=file:///etc/passwd]x[/link]" in plain
        assert "Climax[2J]8;;file:///etc/passwdSTX" in plain


# Row 3: pipes closed early.


@pytest.mark.parametrize(
    "pipeline",
    ["info | head -1", "credits | true", "curiosities | head -c 10", "--help | head -c 10"],
)
@pytest.mark.slow
def test_closed_pipe_is_quiet(pipeline: str) -> None:
    cmd = " ".join(script())
    p = subprocess.run(
        f"set -o pipefail; {cmd} {pipeline}", shell=True, executable="/bin/bash",
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert p.stderr == ""


# Row 4: Ctrl-C in the live countdown, in a real pseudo-terminal.


@pytest.mark.slow
def test_ctrl_c_in_live_countdown_restores_the_cursor_and_exits_130() -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30", "TZ": "UTC"}
    proc = subprocess.Popen(
        [*script(), "countdown", "--live"], stdin=follower, stdout=follower, stderr=follower,
        env=env, start_new_session=True,
    )  # fmt: skip
    os.close(follower)
    seen = b""

    def read_until(done: Callable[[bytes], bool], limit: float) -> None:
        nonlocal seen
        deadline = time.monotonic() + limit
        while not done(seen) and time.monotonic() < deadline:
            if select.select([leader], [], [], 0.2)[0]:
                try:
                    seen += os.read(leader, 65536)
                except OSError:
                    return

    read_until(lambda b: b"since the release" in b, 30)
    assert b"since the release" in seen
    assert b"\x1b[?25l" in seen  # cursor hidden while live
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends to its foreground group on Ctrl-C
    code = proc.wait(timeout=10)
    read_until(lambda b: False, 0.5)
    os.close(leader)
    assert time.monotonic() - started < 2
    assert code == 130
    # the cursor shown again, then the terminal's own title back: the last things written
    assert seen.rstrip().endswith(b"\x1b[?25h\x1b[23;0t")
    assert b"Traceback" not in seen and b"KeyboardInterrupt" not in seen


# Row 5: hostile environments, in process: the encodings a locale gives, and the variables.

ENVIRONMENTS: dict[str, tuple[dict[str, str], str]] = {
    "ascii": ({}, "ascii"),
    "latin-1": ({}, "latin-1"),
    "TERM=dumb": ({"TERM": "dumb"}, "utf-8"),
    "NO_COLOR": ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, "utf-8"),
    "FORCE_COLOR": ({"FORCE_COLOR": "1"}, "utf-8"),
    "COLUMNS=20": ({"COLUMNS": "20"}, "utf-8"),
    "COLUMNS=300": ({"COLUMNS": "300"}, "utf-8"),
    "COLUMNS=1000000": ({"COLUMNS": "1000000"}, "utf-8"),
    "TZ=Nowhere/Land": ({"TZ": "Nowhere/Land"}, "utf-8"),
}


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_hostile_environment(name: str, command: list[str]) -> None:
    env, encoding = ENVIRONMENTS[name]
    r = run(*with_record(command), env=env, encoding=encoding)
    assert r.code == 0, r.err
    warning = "lostcli: warning: ignoring TZ='Nowhere/Land': not a time zone; using UTC\n"
    assert r.err in ("", warning)
    # a link is never cut (the terminal wraps it): every other line fits
    width = max(len(line) for line in r.out.splitlines() if not line.startswith("https://"))
    if name == "COLUMNS=20":  # cut to fit, but there
        assert width <= 20
    else:
        assert ("Starlight" in r.out) or ("Nan-young" in r.out) or ("valid" in r.out)
        assert width <= 500
    assert ("\x1b[" in r.out) == (name == "FORCE_COLOR")


@pytest.mark.slow
def test_no_color_in_a_terminal_has_no_colour_codes() -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm-256color", "TZ": "UTC"}
    proc = subprocess.Popen(
        [*script(), "info", "--now", LATER],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait(timeout=30) == 0
    text = out.decode()
    assert "Lost in Starlight" in text
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)[0-9;]*m", text)  # no colour SGR


@pytest.mark.parametrize("command", [COMMANDS[0], COMMANDS[-1]], ids=["info", "validate"])
@pytest.mark.slow
def test_stdout_to_a_file_stdin_closed_home_unset(command: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    env["TZ"] = "UTC"
    with out.open("w") as f:
        p = subprocess.run(
            [*script(), *with_record(command)], stdout=f, stderr=subprocess.PIPE, env=env,
            text=True, timeout=60, pass_fds=(), preexec_fn=lambda: os.close(0), check=False,
        )  # fmt: skip
    assert (p.returncode, p.stderr) == (0, "")
    text = out.read_text()
    assert text and "\x1b" not in text


@pytest.mark.slow
def test_prompt_with_home_unset_and_stdin_closed() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    p = subprocess.run(
        [*script(), "prompt", "--now", "@1748588400"], capture_output=True, text=True, env=env,
        preexec_fn=lambda: os.close(0), timeout=60, check=False,
    )  # fmt: skip
    assert (p.returncode, p.stdout, p.stderr) == (0, "✦ out now\n", "")


# Row 6: usage errors.


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["info", "--colour"], "No such option: --colour"),
        (["infos"], "No such command 'infos'"),
        (["countdown", "--tz", ""], "empty time zone"),
        (["countdown", "--now", ""], "--now needs a time"),
        (["countdown", "--tz"], "Option '--tz' requires an argument"),
        (["init", "tcsh"], "unknown shell 'tcsh': lostcli init knows bash, zsh, fish, nu, elvish"),
        (["init"], "name a shell: bash, zsh, fish, nu, elvish or xonsh"),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    r = run(*args)
    assert_one_error_line(r, 2, "lostcli: error: ", message)
    assert r.err.startswith("Usage: lostcli")
    assert r.out == ""


# Row 7: the options a zsh user sets, under which the prompt segment runs at every prompt.


@pytest.mark.parametrize("options", ["sh_word_split", "octal_zeroes", "sh_word_split ksh_arrays"])
@pytest.mark.slow
def test_the_zsh_segment_whatever_the_users_options(options: str) -> None:
    """sh_word_split split the formats (`✦ 0d1d0d`, 'bad math expression' on stderr at every
    prompt); octal_zeroes read LOSTCLI_PROMPT_NOW=0… as octal."""
    snippet = f"setopt {options}\n{init('zsh')}"
    got = segments("zsh", snippet, [*INSTANTS, f"0{RELEASE - 100}"])  # and nothing on stderr
    assert got == expected([*INSTANTS, RELEASE - 100])


# An unexpected failure inside the tool.

BOOM = (
    "import sys; import lostcli.views as v\n"
    "def boom(*a, **k): raise RuntimeError('kaboom')\n"
    "v.synopsis = boom\n"
    "from lostcli.entry import main; sys.argv = ['lostcli', 'synopsis']; sys.exit(main())\n"
)


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.slow
def test_internal_error(debug: bool) -> None:
    env = {**os.environ, "LOSTCLI_DEBUG": "1"} if debug else {**os.environ}
    env.pop("LOSTCLI_DEBUG", None) if not debug else None
    python = script()[0] if len(script()) > 1 else str(Path(script()[0]).with_name("python"))
    p = subprocess.run([python, "-c", BOOM], capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 1
    if debug:
        assert "Traceback" in p.stderr and "RuntimeError: kaboom" in p.stderr
    else:
        assert p.stderr == (
            "lostcli: internal error: RuntimeError: kaboom; please report it "
            "(set LOSTCLI_DEBUG=1 for the traceback)\n"
        )


@pytest.mark.parametrize("args", [["prompt"], ["--version"]])
def test_an_internal_error_off_the_commands_path_is_one_line_too(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from lostcli import entry, prompt
    from lostcli.context import Environment
    from tests.conftest import environment

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(prompt, "segment", boom)
    monkeypatch.setattr(Environment, "write", boom)  # --version's only step
    e, _, err = environment({})
    assert entry.run(args, e) == 1
    assert err.getvalue().decode() == (
        "lostcli: internal error: RuntimeError: kaboom; please report it "
        "(set LOSTCLI_DEBUG=1 for the traceback)\n"
    )
