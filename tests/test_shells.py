"""`lostcli init` in the real shells (bash, zsh, fish, nushell, elvish, xonsh), each checked
against `lostcli prompt` at the boundary instants, and the guarantees every snippet keeps."""

from __future__ import annotations

import contextlib
import os
import re
import select
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import need, run, run_process
from tests.test_prompt import HOSTILE, INSTANTS, RELEASE

pytestmark = pytest.mark.slow  # real shells

SHELLS = ["bash", "zsh", "fish", "nu", "elvish", "xonsh"]


def init(shell: str, *args: str) -> str:
    p = run_process("init", shell, *args)
    assert p.returncode == 0, p.stderr
    return p.stdout


def expected(instants: list[int], *args: str) -> list[str]:
    """What `lostcli prompt` prints at each instant."""
    return [run("prompt", "--now", f"@{t}", *args).out.rstrip("\n") for t in instants]


def elvish(lines: list[str], env: dict[str, str]) -> str:
    return in_a_terminal(["elvish", "-norc"], lines, env)


def in_a_terminal(argv: list[str], lines: list[str], env: dict[str, str]) -> str:
    """A shell in a pseudo-terminal (elvish and fish draw prompts only there), typing `lines`.
    What the terminal showed, without escape sequences."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(need(argv[0]), argv, {**os.environ, "TERM": "dumb", **env})
    shown = b""
    for line in [*lines, "exit"]:
        os.write(fd, line.encode() + b"\n")
    while select.select([fd], [], [], 30)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the shell has exited
            break
        if not chunk:
            break
        shown += chunk
    os.close(fd)
    os.waitpid(pid, 0)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "", shown.decode())


def segments(shell: str, snippet: str, instants: list[int] | list[str]) -> list[str]:
    """The segment with LOSTCLI_PROMPT_NOW set to each instant in turn, worked out by the shell
    itself with PATH emptied (but in fish and elvish, whose one process is `date`), so that any
    command it tried to start would fail."""
    times = " ".join(f"'{t}'" for t in instants)
    with saved(snippet, shell) as snippet_file:
        if shell == "elvish":
            lines = [f"eval (slurp < {snippet_file})"]
            for t in instants:
                lines += [f"set E:LOSTCLI_PROMPT_NOW = '{t}'", "echo 'SEG['$E:LOSTCLI_SEGMENT']'"]
            shown = elvish(lines, {})
            return re.findall(r"^SEG\[(.*)\]$", shown, re.M)
        body = {
            "bash": f'source {snippet_file}; PATH=; for t in {times}; do LOSTCLI_PROMPT_NOW=$t; '
                    '__lostcli_init_segment; printf "%s\\n" "$LOSTCLI_SEGMENT"; done',
            "zsh": f'source {snippet_file}; PATH=; for t in {times}; do LOSTCLI_PROMPT_NOW=$t; '
                   '__lostcli_init_segment; print -r -- "$LOSTCLI_SEGMENT"; done',
            "fish": f"source {snippet_file}; for t in {times}; set -gx LOSTCLI_PROMPT_NOW $t; "
                    "emit fish_prompt; printf '%s\\n' $LOSTCLI_SEGMENT; end",
            "nu": f"source {snippet_file}; $env.PATH = []; for t in [{times.replace(' ', ', ')}] "
                  "{ $env.LOSTCLI_PROMPT_NOW = $t; __lostcli_init_segment; "
                  "print $env.LOSTCLI_SEGMENT }",
            "xonsh": f"execx(open({snippet_file!r}).read()); $PATH = []\n"
                     f"for t in {[str(t) for t in instants]!r}:\n    $LOSTCLI_PROMPT_NOW = t\n"
                     "    _ = events.on_pre_prompt_format.fire()\n    print($LOSTCLI_SEGMENT)\n",
        }[shell]  # fmt: skip
        argv = {
            "bash": ["bash", "--norc", "--noprofile", "-c"], "zsh": ["zsh", "-f", "-c"],
            "fish": ["fish", "--no-config", "-c"], "nu": [need("nu"), "-n", "-c"],
            "xonsh": ["xonsh", "--no-rc", "-c"],
        }[shell]  # fmt: skip
        need(shell)
        p = subprocess.run([*argv, body], capture_output=True, text=True, timeout=120)
        assert p.returncode == 0 and p.stderr == "", p.stderr
        return p.stdout.splitlines()


@contextlib.contextmanager
def saved(snippet: str, shell: str) -> Iterator[str]:
    """The snippet in a file, in a temporary folder of its own, for a shell to source."""
    with tempfile.TemporaryDirectory(prefix="lostcli-") as folder:
        path = Path(folder, f"init.{shell}")
        path.write_text(snippet)
        yield str(path)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("shell", SHELLS)
def test_the_segment_is_what_lostcli_prompt_prints(shell: str, lang: str) -> None:
    got = segments(shell, init(shell, "--lang", lang), INSTANTS)
    assert got == expected(INSTANTS, "--lang", lang)


@pytest.mark.parametrize("shell", SHELLS)
def test_the_title_is_in_the_language_of_the_run(shell: str) -> None:
    """Issue 22, item 5: every init script had `Starlight`, in Korean too."""
    for lang, shown in (("ko", "이 별에 필요한 1분 40초"), ("en", "Starlight 1m 40s")):
        args = ("--lang", lang, "--format", "{title} {rel}")
        got = segments(shell, init(shell, *args), [RELEASE - 100])
        assert got == [shown] == expected([RELEASE - 100], *args)


@pytest.mark.parametrize("shell", SHELLS)
def test_the_status_is_in_the_language_of_the_run(shell: str) -> None:
    """Second Korean review, item 5: `{status}` was `upcoming`/`released` in Korean too."""
    args = ("--lang", "ko", "--format", "{status}: {rel}")
    moments = [RELEASE - 100, RELEASE + 86_400]
    got = segments(shell, init(shell, *args), moments)
    assert got == ["공개 전: 1분 40초", "공개 후: 1일 전"] == expected(moments, *args)


@pytest.mark.parametrize("shell", SHELLS)
def test_a_hostile_format_is_shown_as_written(shell: str) -> None:
    some = INSTANTS[::4]
    got = segments(shell, init(shell, "--format", HOSTILE + " 100%", "--ascii"), some)
    assert got == expected(some, "--format", HOSTILE + " 100%", "--ascii")
    assert "$HOME" in got[0]


@pytest.mark.parametrize("shell", SHELLS)
def test_a_title_is_shown_as_written(shell: str, tmp_path: Path, record_text: str) -> None:
    """Substitution is one pass, as the prompt's: a title holding a placeholder keeps it."""
    record = tmp_path / "film.toml"
    title = '{rel} {icon} \\"q\\" $HOME'
    record.write_text(record_text.replace('short = "Starlight"', f'short = "{title}"'))
    p = run_process("init", shell, "--format", "{title}|{rel}", env={"LOSTCLI_FILM": str(record)})
    assert p.returncode == 0, p.stderr
    assert segments(shell, p.stdout, [RELEASE - 100]) == ['{rel} {icon} "q" $HOME|1m 40s']


@pytest.mark.parametrize("shell", SHELLS)
def test_leading_zeros_and_nonsense_in_lostcli_prompt_now(shell: str) -> None:
    """A leading zero is decimal (bash once read it as octal); a value that is not a number is
    the clock's, never an error on every prompt."""
    got = segments(shell, init(shell), [f"0{RELEASE - 100}", f"-0{RELEASE}", "x", ""])
    assert got[:2] == expected([RELEASE - 100, -RELEASE])
    assert all(re.fullmatch(r"✦ \d+d ago", g) for g in got[2:])  # the real clock, long after


def interactive(
    shell: str, snippet: str, lines: list[str], env: dict[str, str] | None = None
) -> str:
    """What an interactive shell (bash, zsh) shows, prompts included, reading `lines`: the shell
    runs PROMPT_COMMAND or its precmd hooks before each prompt, as it does in a terminal."""
    argv = {"bash": ["bash", "--norc", "--noprofile", "-i"], "zsh": ["zsh", "-f", "-i"]}[shell]
    if shell == "zsh":  # no end-of-line marks between the prompts
        lines = ["unsetopt prompt_sp prompt_cr", *lines]
    with saved(snippet, shell) as path:
        p = subprocess.run(
            argv, input="\n".join([*lines, "exit"]) + "\n", stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, timeout=60,
            env={**os.environ, "SNIPPET": path, **(env or {})},
        )  # fmt: skip
    return re.sub(r"\x1b\[[0-9;]*m|\r", "", p.stdout)


NOW = {"LOSTCLI_PROMPT_NOW": str(RELEASE - 1)}


@pytest.mark.parametrize(
    "setup",
    [
        # the user's own prompt, and the snippet loaded twice
        ['PS1="me$ "', "source $SNIPPET", "source $SNIPPET", "echo one"],
        # a framework that rebuilds PS1 on every prompt, set up before lostcli (powerline-shell)
        ['_fw() { PS1="fw$ "; }', 'PROMPT_COMMAND="_fw; $PROMPT_COMMAND"', "source $SNIPPET",
         "echo one"],
        # ... and after it, adding itself at the end (bash-git-prompt) or assigning outright
        ["source $SNIPPET", '_fw() { PS1="fw$ "; }',
         'PROMPT_COMMAND="${PROMPT_COMMAND:+$PROMPT_COMMAND;}_fw"', "echo one"],
        ["source $SNIPPET", '_fw() { PS1="fw$ "; }', "PROMPT_COMMAND=_fw", "echo one"],
    ],
    ids=["own prompt, loaded twice", "framework before", "framework appended after",
         "framework assigned after"],
)  # fmt: skip
def test_bash_keeps_the_segment_in_front_of_any_prompt(setup: list[str]) -> None:
    shown = interactive("bash", init("bash"), setup, NOW)
    line = next(line for line in shown.splitlines() if line.endswith("echo one"))
    assert re.fullmatch(r"✦ 1s (me|fw)\$ echo one", line), shown


def test_bash_prompt_off_and_a_ps1_of_your_own() -> None:
    shown = interactive(
        "bash", init("bash"),
        ["PS1='[${LOSTCLI_SEGMENT}] me$ '", "source $SNIPPET", "echo one",
         "LOSTCLI_PROMPT=off", "echo two"],
        NOW,
    )  # fmt: skip
    assert "[✦ 1s] me$ echo one" in shown
    assert "[] me$ echo two" in shown


@pytest.mark.parametrize(
    "own",
    ["bash:PS1='[$LOSTCLI_SEGMENT] me$ '", "zsh:PROMPT='[$LOSTCLI_SEGMENT] me$ '",
     "zsh:PROMPT='[${__lostcli_init_text}] me$ '"],  # the README's for zsh
)  # fmt: skip
def test_a_prompt_of_your_own_shows_the_segment_once(own: str) -> None:
    """The snippet puts the segment in front only of a prompt that does not show it already,
    however that prompt names it (it looked for `${LOSTCLI_SEGMENT` and `$__lostcli_text`)."""
    shell, setting = own.split(":", 1)
    shown = interactive(shell, init(shell), [setting, "source $SNIPPET", "echo one"], NOW)
    after = shown.split("one\n")[-1].splitlines()[0]  # the prompt drawn after `echo one`
    assert after.startswith("[✦ 1s] me$ ") and after.count("✦") == 1, shown


@pytest.mark.parametrize("shell", SHELLS)
def test_a_value_holding_a_placeholders_name_is_shown_as_written(
    shell: str, tmp_path: Path, record_text: str
) -> None:
    """The values are put into the template in one pass: a format holding `__TITLE__` keeps it
    (the title was put into it), and a title holding `__NS__` keeps that."""
    record = tmp_path / "film.toml"
    record.write_text(record_text.replace('short = "Starlight"', 'short = "__NS__ __FORMAT__"'))
    p = run_process("init", shell, "--format", "__TITLE__|{title}|{rel}",
                    env={"LOSTCLI_FILM": str(record)})  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert segments(shell, p.stdout, [RELEASE - 100]) == ["__TITLE__|__NS__ __FORMAT__|1m 40s"]


@pytest.mark.parametrize("options", ["sh_glob", "ksh_glob", "sh_glob ksh_glob"])
@pytest.mark.parametrize("own", ["me> ", "[$LOSTCLI_SEGMENT] me> "])
def test_zsh_under_the_users_glob_options(options: str, own: str) -> None:
    """The function is parsed with the user's options (its `emulate` comes only when it runs):
    sh_glob made `(|-)<->` a parse error, and there was no segment at all."""
    shown = interactive(
        "zsh", init("zsh"), [f"setopt {options}", f"PROMPT='{own}'", "source $SNIPPET", "echo one"],
        NOW,
    )  # fmt: skip
    after = shown.split("one\n")[-1].splitlines()[0]  # the prompt drawn after `echo one`
    assert "parse error" not in shown
    assert after.startswith(("✦ 1s me> ", "[✦ 1s] me> ")) and after.count("✦") == 1, shown


def test_zsh_shows_a_percent_as_written_and_loads_silently() -> None:
    snippet = init("zsh", "--format", "{icon} 100% {rel} %B")
    shown = interactive("zsh", snippet, ['PROMPT="me%% "', "source $SNIPPET", "echo one"], NOW)
    assert "✦ 100% 1s %B me% " in shown
    quiet = subprocess.run(
        ["zsh", "-f", "-c", f"eval {shlex_quote(snippet)}; eval {shlex_quote(snippet)}"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert (quiet.stdout, quiet.stderr) == ("", "")  # powerlevel10k's instant prompt is content


def shlex_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def test_fish_days_is_never_minus_zero() -> None:
    assert segments("fish", init("fish", "--format", "{days} {status}"), [RELEASE]) == [
        "0 released"
    ]


def test_fish_starts_one_process_a_prompt(tmp_path: Path) -> None:
    log = tmp_path / "log"
    real = shutil.which("date")
    (tmp_path / "date").write_text(f'#!/bin/sh\necho date >> {log}\nexec {real} "$@"\n')
    (tmp_path / "date").chmod(0o755)
    body = (
        f"set PATH {tmp_path}; function fish_prompt; echo '> '; end; source {tmp_path}/s.fish; "
        "for i in 1 2 3; emit fish_prompt; fish_prompt; end"
    )
    (tmp_path / "s.fish").write_text(init("fish"))
    p = subprocess.run(["fish", "--no-config", "-c", body], capture_output=True, text=True)
    assert p.stderr == ""
    assert log.read_text().splitlines() == ["date"] * 3
    assert p.stdout.count("✦") == 3


STATUS = {
    "bash": ["bash", "--norc", "--noprofile", "-c",
             'PROMPT_COMMAND="echo seen=\\$?"; eval "$SNIPPET"; false; '
             'for c in "${PROMPT_COMMAND[@]}"; do eval "$c"; done; echo after=$?'],
    "zsh": ["zsh", "-f", "-c",
            'show() { echo seen=$?; }; eval "$SNIPPET"; precmd_functions+=(show); false; '
            "for f in $precmd_functions; do $f; done"],
    # fish emits its fish_prompt event and then draws the prompt, each with the status kept
    "fish": ["fish", "--no-config", "-c",
             "function fish_prompt; echo seen=$status; end; echo $SNIPPET | source; false; "
             "__lostcli_init_segment; echo seen=$status; false; fish_prompt"],
    "nu": ["nu", "-n", "-c",
           "source {file}; $env.LAST_EXIT_CODE = 1; "
           "for h in $env.config.hooks.pre_prompt { do --env $h }; do $env.PROMPT_COMMAND; "
           "print $'seen=($env.LAST_EXIT_CODE)'"],
}  # fmt: skip


@pytest.mark.parametrize("shell", list(STATUS))
def test_the_last_commands_status_is_kept(shell: str, tmp_path: Path) -> None:
    snippet = init(shell)
    (tmp_path / "snippet").write_text(snippet)
    env = {**os.environ, "SNIPPET": snippet, "SNIPPET_FILE": str(tmp_path / "snippet"), **NOW}
    argv = [a.replace("{file}", str(tmp_path / "snippet")) for a in STATUS[shell]]
    p = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    seen = re.findall(r"seen=\d+", p.stdout)
    assert seen and set(seen) == {"seen=1"}, (p.stdout, p.stderr)


def test_nushell_keeps_the_users_prompt_once_and_honours_off(tmp_path: Path) -> None:
    (tmp_path / "lostcli.nu").write_text(init("nu"))
    body = (
        "$env.PROMPT_COMMAND = {|| 'me> ' }; "
        f"source {tmp_path}/lostcli.nu; source {tmp_path}/lostcli.nu; "
        "for h in $env.config.hooks.pre_prompt { do --env $h }; print (do $env.PROMPT_COMMAND); "
        "$env.LOSTCLI_PROMPT = 'off'; "
        "for h in $env.config.hooks.pre_prompt { do --env $h }; print (do $env.PROMPT_COMMAND)"
    )
    p = subprocess.run([need("nu"), "-n", "-c", body], env={**os.environ, **NOW},
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.stdout.splitlines() == ["✦ 1s me> ", "me> "], p.stderr


def test_elvish_keeps_the_users_prompt_once_and_honours_off() -> None:
    shown = elvish(
        ["set edit:rprompt = { }", "set edit:prompt = { put 'me> ' }",
         "eval (lostcli init elvish | slurp)", "eval (lostcli init elvish | slurp)", "echo one",
         "set E:LOSTCLI_PROMPT = off", "echo two"],
        {**NOW, "PATH": f"{Path(script_dir())}:{os.environ['PATH']}"},
    )  # fmt: skip
    before, after = shown.split("\ntwo\n")
    assert "✦ 1s me>" in before and "✦ 1s ✦" not in before
    assert "me>" in after and "✦" not in after


def script_dir() -> str:
    from tests.conftest import script

    return str(Path(script()[0]).parent)


def test_xonsh_keeps_the_users_prompt_once_and_honours_off(tmp_path: Path) -> None:
    (tmp_path / "s.xsh").write_text(init("xonsh"))
    body = (
        "$PROMPT = 'me> '\n"
        f"execx(open('{tmp_path}/s.xsh').read())\nexecx(open('{tmp_path}/s.xsh').read())\n"
        "_ = events.on_pre_prompt_format.fire()\n"
        "print(repr($PROMPT), repr($PROMPT_FIELDS['lostcli']()))\n"
        "$LOSTCLI_PROMPT = 'off'\n_ = events.on_pre_prompt_format.fire()\n"
        "print(repr($PROMPT_FIELDS['lostcli']()))\n"
    )
    p = subprocess.run(["xonsh", "--no-rc", "-c", body], env={**os.environ, **NOW},
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert p.stdout.splitlines() == ["'{lostcli}me> ' '✦ 1s '", "''"], p.stderr


@pytest.mark.parametrize("term", ["dumb", "xterm"])  # xonsh's readline and prompt_toolkit shells
def test_xonsh_shows_the_segment_on_the_first_prompt(term: str, tmp_path: Path) -> None:
    """A new xonsh whose rc loads the snippet, in a terminal: its first prompt has the segment
    (on_pre_prompt fires after the prompt is formatted, so it showed from the second on)."""
    (tmp_path / "rc.xsh").write_text("$PROMPT = 'me> '\n" + init("xonsh"))
    shown = in_a_terminal(
        ["xonsh", "--rc", str(tmp_path / "rc.xsh"), "-i"], ["echo one"], {"TERM": term, **NOW}
    )
    shown = re.sub(r"\x1b\][^\x07]*\x07", "", shown)  # the window title prompt_toolkit sets
    assert "me> " in shown and shown.index("✦ 1s me> ") < shown.index("\none\n"), shown


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_init_color_colours_the_segment_in_the_prompt(shell: str) -> None:
    first = 'PS1="me$ "' if shell == "bash" else 'PROMPT="me$ "'
    argv = {"bash": ["bash", "--norc", "--noprofile", "-i"], "zsh": ["zsh", "-f", "-i"]}[shell]
    p = subprocess.run(
        argv, input=f'{first}\neval "$SNIPPET"\necho one\nexit\n', capture_output=True, text=True,
        env={**os.environ, "SNIPPET": init(shell, "--color", "always"), **NOW}, timeout=60,
    )  # fmt: skip
    assert "\x1b[35m✦ 1s" in p.stdout + p.stderr


def test_zsh_keeps_the_users_prompt_once_and_honours_off() -> None:
    shown = interactive(
        "zsh", init("zsh"),
        ['PROMPT="me> "', "source $SNIPPET", "source $SNIPPET", "echo one",
         "LOSTCLI_PROMPT=off", "echo two"],
        NOW,
    )  # fmt: skip
    _, after_one = shown.split("one\n", 1)
    prompt_after_one, after_two = after_one.split("two\n", 1)
    assert prompt_after_one.count("✦ 1s me> ") == 1
    assert "me> " in after_two and "✦" not in after_two  # off


def test_fish_keeps_the_users_prompt_once_and_honours_off(tmp_path: Path) -> None:
    (tmp_path / "s.fish").write_text(init("fish"))
    body = (
        f"function fish_prompt; echo 'me> '; end; source {tmp_path}/s.fish; "
        f"source {tmp_path}/s.fish; emit fish_prompt; fish_prompt; "
        "set -gx LOSTCLI_PROMPT off; emit fish_prompt; fish_prompt"
    )
    p = subprocess.run(["fish", "--no-config", "-c", body], env={**os.environ, **NOW},
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.stdout.splitlines() == ["✦ 1s me> ", "me> "], p.stderr
