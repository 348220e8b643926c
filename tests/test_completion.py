"""`lostcli completion SHELL`, run in the real shells: the candidates for each kind of word,
and no process per TAB (the lists live in the script)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from lostcli import zones
from tests.conftest import run
from tests.conftest import script as script_path
from tests.test_readme import README
from tests.test_shells import in_a_terminal, need

pytestmark = pytest.mark.slow  # real shells

# (the words typed so far, the last one being completed; candidates that must be offered;
# candidates that must not be)
CASES = [
    (["lostcli", "inf"], {"info"}, {"synopsis"}),
    (["lostcli", ""], {"info", "countdown", "completion", "config"}, {"trivia"}),
    (["lostcli", "countdown", "--t"], {"--tz"}, {"--now"}),
    (["lostcli", "countdown", "--tz", "Asia/Seo"], {"Asia/Seoul"}, {"Europe/London"}),
    (["lostcli", "countdown", "--tz", "KS"], {"KST"}, set()),
    (["lostcli", "--color", ""], {"auto", "always", "never"}, set()),
    (["lostcli", "init", ""], {"bash", "zsh", "fish", "nu", "elvish", "xonsh"}, set()),
    (["lostcli", "completion", "x"], {"xonsh"}, set()),
    (["lostcli", "info", "--film", "x", "--n"], {"--now", "--no-pager"}, {"--json"}),
    (["lostcli", "prompt", "--co"], {"--color"}, set()),
    (["lostcli", "--film", "f.toml", "sig"], {"signal"}, set()),
    (["lostcli", "countdown", "--now", "tom"], {"tomorrow"}, set()),
    # current names, not old aliases nor their last parts (South is Australia/South, Adelaide)
    (["lostcli", "info", "--tz", "Europe/K"], {"Europe/Kyiv"}, {"Europe/Kiev"}),
    (["lostcli", "info", "--tz", "Sou"], set(), {"South"}),
    (["lostcli", "info", "--tz", "Australia/So"], set(), {"Australia/South"}),
]


def offered(found: set[str], prefix: str) -> set[str]:
    """What a shell shows: the candidates that start with what was typed (zsh and elvish filter
    the full list themselves)."""
    return {f for f in found if f.startswith(prefix)}


def check(found: set[str], words: list[str], wanted: set[str], unwanted: set[str]) -> None:
    shown = offered(found, words[-1])
    assert wanted <= shown, (words, sorted(shown)[:20])
    assert not (unwanted & shown), (words, unwanted & shown)


def script(shell: str, tmp_path: Path) -> Path:
    r = run("completion", shell)
    assert r.code == 0, r.err
    path = tmp_path / f"lostcli.{shell}"
    path.write_text(r.out, encoding="utf-8")
    return path


def test_bash_completes_without_starting_a_process(tmp_path: Path) -> None:
    path = script("bash", tmp_path)
    body = [f"source {path}", "PATH="]
    for words, _, _ in CASES:
        quoted = " ".join(f"'{w}'" for w in words)
        body.append(f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
                    '__lostcli_completion_complete; printf "%s\\n" "${COMPREPLY[*]}"')  # fmt: skip
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(body)],
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.stderr == ""
    for line, (words, wanted, unwanted) in zip(p.stdout.splitlines(), CASES, strict=True):
        check(set(line.split()), words, wanted, unwanted)
    functions = path.read_text().split("__lostcli_completion_add()")[1]
    assert not re.search(r"\$\(|<\(|`", functions)  # no command substitution: no fork


def test_bash_completes_files_where_a_file_is_asked_for(tmp_path: Path) -> None:
    path = script("bash", tmp_path)
    body = (f"source {path}; COMP_WORDS=(lostcli validate ''); COMP_CWORD=2; "
            "compopt() { echo compopt \"$@\"; }; __lostcli_completion_complete")  # fmt: skip
    p = subprocess.run(["bash", "--norc", "-c", body], capture_output=True, text=True)
    assert p.stdout.strip() == "compopt -o default"


def test_bash_and_zsh_complete_zones_in_any_case_at_a_real_tab(tmp_path: Path) -> None:
    """TAB pressed in interactive shells, PATH emptied (no process to start); `lostcli` stands
    in as a function that prints what it was given. --tz takes a zone in any case: so does its
    completion."""
    typed = ["lostcli info --tz seoul\t", "lostcli info --tz sao_p\t", "lostcli info --tz NYC\t",
             "lostcli info --tz asia/seo\t"]  # fmt: skip
    wanted = ["info --tz Seoul", "info --tz Sao_Paulo", "info --tz nyc", "info --tz Asia/Seoul"]
    home = {"HOME": str(tmp_path), "HISTFILE": str(tmp_path / "history")}
    bash = [f"source {script('bash', tmp_path)}", "lostcli() { printf 'ARGS:%s\\n' \"$*\"; }"]
    zsh = ["autoload -U compinit; compinit -D", f"source {script('zsh', tmp_path)}",
           "lostcli() { print -r -- \"ARGS:$*\" }"]  # fmt: skip
    for argv, setup in (["bash", "--norc", "--noprofile", "-i"], bash), (["zsh", "-f", "-i"], zsh):
        shown = in_a_terminal(argv, [*setup, "PATH=", *typed], {"TERM": "xterm", **home})
        assert re.findall(r"^ARGS:(.*)$", shown, re.M) == wanted, (argv[0], shown[-2000:])


def test_zsh(tmp_path: Path) -> None:
    """zsh's completion functions are stood in for by ones that print what they are given
    (compadd and _describe filter by the prefix themselves in a real completion)."""
    path = script("zsh", tmp_path)
    body = [
        "compadd() { [[ $1 == -M ]] && shift 2; [[ $1 == -a ]] && print -r -- ${(qq)${(P)2}} "
        "|| print -r -- ${@:2}; }",
        "_describe() { print -r -- ${(P)2%%:*}; }",
        "_files() { print -r -- FILES; }",
        f"source {path}",
        "PATH=",
    ]
    for words, _, _ in [*CASES, (["lostcli", "validate", ""], {"FILES"}, set())]:
        quoted = " ".join(f"'{w}'" for w in words)
        body.append(f"words=({quoted}); CURRENT={len(words)}; __lostcli_completion_complete")
    p = subprocess.run(["zsh", "-f", "-c", "\n".join(body)], capture_output=True, text=True)
    assert p.stderr == ""
    for line, (words, wanted, unwanted) in zip(
        p.stdout.splitlines(),
        [*CASES, (["lostcli", "validate", ""], {"FILES"}, set())],
        strict=True,
    ):
        found = {w.split(":")[0] for w in shlex.split(line)}  # South Africa: one name
        check(found, words, wanted, unwanted)


def test_fish(tmp_path: Path) -> None:
    path = script("fish", tmp_path)
    body = [f"source {path}", "set -g PATH"]  # no command to start
    for words, _, _ in CASES:
        body.append(f"complete -C {' '.join(words)!r}; echo END")
    p = subprocess.run(["fish", "--no-config", "-c", "\n".join(body)],
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.stderr == ""
    blocks = p.stdout.split("END\n")[:-1]
    for block, (words, wanted, unwanted) in zip(blocks, CASES, strict=True):
        check({line.split("\t")[0] for line in block.splitlines()}, words, wanted, unwanted)
    files = subprocess.run(
        ["fish", "--no-config", "-c",
         f"source {path}; cd {tmp_path}; complete -C 'lostcli validate lost'"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert "lostcli.fish" in files.stdout


def test_nushell(tmp_path: Path) -> None:
    path = script("nu", tmp_path)
    body = (
        f"source {path}; "
        'print (scope commands | where name == "lostcli countdown" | get signatures.0 | values '
        "| get 0 | where parameter_name == tz | get completion.0); "
        "print (__lostcli_completion_values_zone | where $it starts-with Asia/Seo | str join ,); "
        "print (scope commands | where name starts-with lostcli | length)"
    )
    p = subprocess.run([need("nu"), "-n", "-c", body], capture_output=True, text=True, timeout=60)
    assert p.stdout.splitlines() == ["__lostcli_completion_values_zone", "Asia/Seoul", "15"], (
        p.stderr
    )


def test_zsh_and_fish_describe_each_option(tmp_path: Path) -> None:
    """zsh is handed `option:what it does` (compadd had the names only); fish shows the same,
    and a value (`always`) without its option's description."""
    zsh = (f"_describe() {{ print -rl -- ${{(P)2}}; }}; source {script('zsh', tmp_path)}; "
           "words=(lostcli info --t); CURRENT=3; __lostcli_completion_complete")  # fmt: skip
    p = subprocess.run(["zsh", "-f", "-c", zsh], capture_output=True, text=True, timeout=60)
    assert "--tz:Time zone: Asia/Seoul, Seoul, UTC or +09:00" in p.stdout.splitlines(), p.stderr
    fish = (f"source {script('fish', tmp_path)}; complete -C 'lostcli info --t'; "
            "complete -C 'lostcli --color al'")  # fmt: skip
    p = subprocess.run(["fish", "--no-config", "-c", fish], capture_output=True, text=True)
    assert p.stdout.splitlines() == ["--tz\tTime zone: Asia/Seoul, Seoul, UTC or +09:00", "always"]


def nu_completes(path: Path, line: str) -> list[str]:
    """What nushell's own completer offers at the end of `line`, with the script loaded, in the
    script's folder (which holds a file of its own)."""
    typed = path.with_name("typed.nu")
    typed.write_text(f"source {path}\n{line}", encoding="utf-8")
    p = subprocess.run(
        [need("nu"), "-n", "--ide-complete", str(len(typed.read_bytes())), str(typed)],
        capture_output=True, text=True, timeout=60, cwd=path.parent,
    )  # fmt: skip
    found: list[str] = json.loads(p.stdout)["completions"]
    return found


def test_nushell_offers_the_commands_after_a_global_option_and_describes_options(
    tmp_path: Path,
) -> None:
    path = script("nu", tmp_path)
    after = nu_completes(path, "lostcli --color never ")
    assert "info" in after and "typed.nu" not in after  # it listed the folder's files
    first = nu_completes(path, "lostcli ")
    assert "lostcli info" in first and not {"info", "typed.nu"} & set(first)  # each once
    described = (
        f"source {path}; scope commands | where name == 'lostcli info' | get signatures.0 "
        "| values | get 0 | where parameter_name == tz | get description.0"
    )
    p = subprocess.run([need("nu"), "-n", "-c", described], capture_output=True, text=True)
    assert p.stdout.strip() == "Time zone: Asia/Seoul, Seoul, UTC or +09:00", p.stderr


def test_nushell_is_a_name_for_nu() -> None:
    """As the scripts' headers and the README call it."""
    for command in ("init", "completion"):
        assert run(command, "nushell").out == run(command, "nu").out != ""


def test_elvish(tmp_path: Path) -> None:
    path = script("elvish", tmp_path)
    lines = [path.read_text()]
    for i, (words, _, _) in enumerate(CASES):
        quoted = " ".join(f"'{w}'" for w in words)
        lines.append(
            f"for x [($edit:completion:arg-completer[lostcli] {quoted})] {{ echo C{i}:$x }}"
        )
    (tmp_path / "t.elv").write_text("\n".join(lines) + "\n")
    shown = in_a_terminal(["elvish", "-norc"], [f"eval (slurp < {tmp_path}/t.elv)"], {})
    for i, (words, wanted, unwanted) in enumerate(CASES):
        check(set(re.findall(rf"^C{i}:(.*)$", shown, re.M)), words, wanted, unwanted)


def test_xonsh(tmp_path: Path) -> None:
    """xonsh's own completion engine, asked as it asks when TAB is pressed."""
    path = script("xonsh", tmp_path)
    body = [f"execx(open({str(path)!r}).read())", "from xonsh.completer import Completer",
            "c = Completer()"]  # fmt: skip
    for words, _, _ in CASES:
        line = " ".join(words)
        prefix = words[-1]
        body.append(
            f"print('|'.join(str(x) for x in c.complete({prefix!r}, {line!r}, "
            f"{len(line) - len(prefix)}, {len(line)})[0]))"
        )
    p = subprocess.run(["xonsh", "--no-rc", "-c", "\n".join(body)],
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    for line, (words, wanted, unwanted) in zip(p.stdout.splitlines(), CASES, strict=True):
        check(set(line.split("|")), words, wanted, unwanted)


def test_the_readmes_fish_recipe_in_a_new_home(tmp_path: Path) -> None:
    """The README's fish lines, run by fish in a home with no ~/.config/fish/completions yet;
    then a new fish completes from what they wrote."""
    block = re.search(r"```sh\n(# ~/.bashrc\neval \"\$\(lostcli completion.*?)```", README, re.S)
    assert block
    lines = block[1].split("# fish\n")[1].split("\n#")[0]
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(tmp_path), PATH=f"{Path(script_path()[0]).parent}:{env['PATH']}")
    made = subprocess.run(["fish", "-c", lines], env=env, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    p = subprocess.run(["fish", "-c", "complete -C 'lostcli inf'"], env=env,
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.stdout.startswith("info\t"), (p.stdout, p.stderr)


EXPORT = "lostcli info --export cl"


def export_candidates(shell: str, path: Path) -> set[str]:
    """What `shell` offers for `EXPORT` in a folder holding clip.svg (bash hands the word to
    readline's file names, zsh to _files: each stood in for by a function that says so)."""
    folder = path.parent
    (folder / "clip.svg").touch()
    if shell == "nu":
        return set(nu_completes(path, EXPORT))
    if shell == "elvish":
        stem = "(if (eq (kind-of $x) string) { put $x } else { put $x[stem] })"
        (folder / "t.elv").write_text(
            f"cd {folder}\n{path.read_text()}\n"
            f"for x [($edit:completion:arg-completer[lostcli] {EXPORT})] {{ echo C:{stem} }}\n"
        )
        shown = in_a_terminal(["elvish", "-norc"], [f"eval (slurp < {folder}/t.elv)"], {})
        return set(re.findall(r"^C:(.*)$", shown, re.M))
    body = {
        "bash": f"source {path}; compopt() {{ echo \"compopt $*\"; }}; "
                f"COMP_WORDS=({EXPORT}); COMP_CWORD=3; __lostcli_completion_complete",
        "zsh": f"_files() {{ print FILES; }}; compadd() {{ print compadd; }}; source {path}; "
               f"words=({EXPORT}); CURRENT=4; __lostcli_completion_complete",
        "fish": f"source {path}; cd {folder}; complete -C '{EXPORT}'",
        "xonsh": f"cd {folder}\nexecx(open({str(path)!r}).read())\n"
                 "from xonsh.completer import Completer\n"
                 f"found = Completer().complete_line({EXPORT!r})[0]\n"
                 "print('\\n'.join(str(c).strip() for c in found))",
    }[shell]  # fmt: skip
    argv = {"bash": ["bash", "--norc", "-c"], "zsh": ["zsh", "-f", "-c"],
            "fish": ["fish", "--no-config", "-c"],
            "xonsh": ["xonsh", "--no-rc", "-c"]}[shell]  # fmt: skip
    # xonsh completes a command's arguments only when the command is on PATH (else as Python)
    env = {**os.environ, "PATH": f"{Path(script_path()[0]).parent}:{os.environ['PATH']}"}
    p = subprocess.run([*argv, body], capture_output=True, text=True, env=env, timeout=120)
    return set(p.stdout.splitlines())


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "nu", "elvish", "xonsh"])
def test_export_completes_file_names(shell: str, tmp_path: Path) -> None:
    """Issue 23, item 3: `--export` takes a file name (it completed nothing)."""
    found = export_candidates(shell, script(shell, tmp_path))
    if shell in ("bash", "zsh"):
        assert found == {"compopt -o default" if shell == "bash" else "FILES"}
    else:
        assert "clip.svg" in offered(found, "cl"), found


def test_every_zone_offered_is_one_that_tz_takes() -> None:
    for name in zones.names():
        zones.parse(name)


@pytest.mark.parametrize("command", ["init", "completion"])
def test_the_shell_is_the_one_shell_names(command: str) -> None:
    """Issue 23, item 9: `[SHELL]` may be left out; $SHELL's is used, and said."""
    for lang, said in (
        ("en", "using fish from $SHELL"),
        ("ko", "$SHELL에 따라 fish 셸을 사용합니다"),
    ):
        chosen = run("--lang", lang, command, env={"SHELL": "/usr/local/bin/fish"})
        assert (chosen.code, chosen.out) == (0, run("--lang", lang, command, "fish").out)
        assert chosen.err == ""  # `eval "$(lostcli init)"` in a shell's rc: said at every start
        shown = run("--lang", lang, "--no-pager", command, env={"SHELL": "fish"}, tty=True)
        assert shown.err == f"lostcli: {said}\n"
    assert run(command, env={"SHELL": "/bin/nushell"}).out == run(command, "nu").out
    for login, why in (("", ""), ("/bin/tcsh", " ($SHELL is '/bin/tcsh')")):
        refused = run(command, env={"SHELL": login})
        assert refused.code == 2 and refused.out == ""
        assert refused.err.splitlines()[-1] == (
            f"lostcli: error: name a shell: bash, zsh, fish, nu, elvish or xonsh{why}"
        )


@pytest.mark.parametrize("part", ["init", "completion"])
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "nu", "nushell", "elvish", "xonsh"])
def test_the_command_a_script_names_in_its_header_works(part: str, shell: str) -> None:
    """Issue 23, item 9: the nushell scripts named `lostcli completion nushell`, which failed."""
    script = run(part, shell).out
    named = re.search(r"from `lostcli (\w+) (\w+)`", script.splitlines()[0])
    assert named and named[1] == part
    assert run(*named.groups()).out == script


def test_completion_needs_a_known_shell() -> None:
    assert run("completion").err.endswith("name a shell: bash, zsh, fish, nu, elvish or xonsh\n")
    assert run("completion", "tcsh").code == 2
