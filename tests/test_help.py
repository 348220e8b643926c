"""A newcomer's first hour: help screens, global options on either side, every width, colour
and the pager."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from lostcli import locales, render
from tests.conftest import LATER, need, run, script, widths
from tests.test_live import exit_status, read_until

COMMANDS = [
    "info", "synopsis", "credits", "curiosities", "countdown", "signal", "trailer", "calendar",
    "validate", "prompt", "init", "completion", "config", "schema",
]  # fmt: skip
URL = "https://www.youtube.com/watch?v=t4hiu_kohhs"


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["lostcli", *COMMANDS])
def test_help_reads_well_at_every_width(command: list[str], columns: int) -> None:
    r = run(*command, "--help", env={"COLUMNS": str(columns)})
    assert (r.code, r.err) == (0, "")
    lines = r.out.splitlines()
    assert lines[0].startswith(f"Usage: lostcli {' '.join(command)}".rstrip())
    assert max(cell_len(line) for line in lines) <= min(columns, render.MEASURE)
    assert all(line == line.rstrip() for line in lines)  # no padding in a pipe
    assert not re.search(r"\{\w+\}", lines[0])  # no {PATH} placeholders in the usage line
    for wrong in ("<bool>", "{path}", "{shell}", "{bash|", "Value error", "…", "..."):
        assert wrong not in r.out.replace("[ARGS]...", ""), wrong


def test_the_command_list_hides_aliases_and_cuts_nothing() -> None:
    listed = run("--help", env={"COLUMNS": "80"}).out.split("Commands:\n")[1]
    assert re.findall(r"^  (\w+)", listed, re.M) == COMMANDS  # `trivia` stays hidden
    assert "since it, and the next anniversary." in " ".join(listed.split())  # whole, wrapped


def test_init_without_a_shell_is_one_line_naming_the_shells() -> None:
    r = run("init")
    assert r.code == 2
    assert r.err.splitlines() == [
        "Usage: lostcli init [OPTIONS] [SHELL]",
        "Try 'lostcli init -h' for help.",
        "lostcli: error: name a shell: bash, zsh, fish, nu, elvish or xonsh",
    ]


def test_prompt_help_is_the_full_clis_though_prompt_itself_is_not() -> None:
    fast = run("prompt", "--now", LATER)
    assert fast.out == "✦ 543d ago\n"
    r = run("prompt", "--help")
    assert r.out.startswith("Usage: lostcli prompt [OPTIONS]\n")
    for option in ("--format FMT", "--ascii", "--tz ZONE", "--now WHEN"):
        assert f"  {option}" in r.out


def test_the_fast_prompt_parser_knows_the_options_the_cli_declares() -> None:
    from typer.main import get_command

    from lostcli import prompt
    from lostcli.cli import app as cli
    from lostcli.cli import argv

    group = get_command(cli.app)
    assert isinstance(group, cli.Group)
    # the global options too, which the full CLI takes on either side of `prompt` (--version,
    # which only shows the version, the fast path leaves to the full CLI)
    declared = {**argv.options(group.commands["prompt"]), **argv.options(group)}
    declared.pop("--version")
    assert declared == prompt.ALL


@pytest.mark.parametrize(
    ("after", "before"),
    [
        (
            ["info", "--film", "{film}", "--now", LATER],
            ["--film", "{film}", "info", "--now", LATER],
        ),
        (["info", "--now", LATER, "--film={film}"], ["--film={film}", "info", "--now", LATER]),
        (["credits", "--color", "always"], ["--color", "always", "credits"]),
        (["credits", "--no-pager"], ["--no-pager", "credits"]),
        (["info", "--version"], ["--version"]),
        (
            ["prompt", "--now", LATER, "--film", "{film}"],
            ["--film", "{film}", "prompt", "--now", LATER],
        ),
        # issue 21: prompt takes every global option, in its fast path as in the full CLI
        (["prompt", "--now", LATER, "--no-pager"], ["--no-pager", "prompt", "--now", LATER]),
        (
            ["prompt", "--now", LATER, "--color", "always"],
            ["--color", "always", "prompt", "--now", LATER],
        ),
        (["prompt", "--version"], ["--version"]),
    ],
)
def test_global_options_work_after_the_command(
    after: list[str], before: list[str], tmp_path: object, record_text: str
) -> None:
    film = f"{tmp_path}/film.toml"
    Path(film).write_text(record_text.replace('short = "Starlight"', 'short = "Mine"'))
    one, other = (run(*(a.format(film=film) for a in args)) for args in (after, before))
    assert (one.code, one.out, one.err) == (other.code, other.out, other.err)
    assert one.code == 0


@pytest.mark.parametrize(
    ("args", "env", "colour"),
    [
        (["--color", "always", "prompt"], {}, True),
        (["prompt", "--color", "always"], {}, True),
        (["prompt", "--color=never"], {"FORCE_COLOR": "1"}, False),
        (["prompt"], {"FORCE_COLOR": "1"}, True),
        (["prompt", "--color", "auto"], {}, False),  # a prompt is drawn through a pipe
        (["--color", "auto", "prompt"], {}, False),
        (["prompt", "--color"], {}, True),  # alone, as `ls --color`: always
        (["--color", "prompt"], {"NO_COLOR": "1"}, True),
    ],
)
def test_one_color_option_colours_the_prompt_too(
    args: list[str], env: dict[str, str], colour: bool
) -> None:
    """--color is the global WHEN option for every command: `prompt` colours its segment when
    colour is `always` (issue 21: `--color always prompt` coloured nothing)."""
    r = run(*args, "--now", LATER, env=env, tty=True)
    assert r.out == ("\x1b[35m✦ 543d ago\x1b[0m\n" if colour else "✦ 543d ago\n")


def test_a_bad_color_is_a_usage_error_in_every_path() -> None:
    for args in (["prompt", "--color=bogus"], ["--color=bogus", "prompt"], ["info", "--color=x"]):
        r = run(*args)
        assert (r.code, r.out) == (2, ""), args
        assert r.err.splitlines()[-1].startswith("lostcli: error: Invalid value for '--color'")
    assert run("prompt", "--color", "bogus").code == 2  # --color alone, and an extra argument


def unwrapped(monkeypatch: pytest.MonkeyPatch, lang: str, command: list[str]) -> list[str]:
    """A help screen's lines as written: at a width where no line breaks."""
    monkeypatch.setattr(render, "MEASURE", 10_000)
    r = run("--lang", lang, *command, "--help", env={"COLUMNS": "10000"})
    monkeypatch.undo()
    return r.out.splitlines()


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["lostcli", *COMMANDS])
def test_help_breaks_between_words_and_uses_the_width(
    command: list[str], lang: str, columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22, item 4: Korean help breaks between words (어절), as English does, never inside
    `$LOSTCLI_TZ`, `Asia/Seoul`, `iCalendar` or `--json`, and fills the terminal's width in
    cells (Click counted characters: a Korean screen used 55 to 70 of 80 columns)."""
    wide = unwrapped(monkeypatch, lang, command)
    words = {word for line in wide for word in line.split()}
    # a word may break before a bracket it opens (`시간대입니다` / `(Asia/Seoul,`)
    words |= {part for word in words for part in re.split(r"(?<=.)(?=[(\[{〈])", word)}
    width = min(columns, render.MEASURE)
    r = run("--lang", lang, *command, "--help", env={"COLUMNS": str(columns)})
    assert (r.code, r.err) == (0, "")
    lines = r.out.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    # Every word is whole, or a piece of a word wider than a whole line (none in these texts
    # is a Latin word, a $VARIABLE or a path).
    longest = [w for w in words if cell_len(w) > width - 20]
    for line in lines:
        for word in line.split():
            assert word in words or any(word in w for w in longest), (word, line)
    # Each line holds as many words as fit: the next line's first word would not have. A line
    # goes on with the text before it in the screen's description (up to its first heading), or
    # indented past the start of a definition or the usage line.
    # A run that the language keeps together (`3일 4시간`, a bracketed run: Locale.breaks)
    # counts as one word, as does a command to copy in the description's indented lines, where
    # it fits.
    heading = next(i for i, line in enumerate(lines) if line.endswith(":") and line[0] != " ")
    locale = locales.get(lang)
    for i, (before, line) in enumerate(itertools.pairwise(lines), 1):
        indent, previous = (len(t) - len(t.lstrip()) for t in (line, before))
        literal = i < heading and indent > 2  # a line of commands, or the rest of one
        follows = indent > previous if literal else indent > 2 or 1 < i < heading
        if before.strip() and line.strip() and follows:
            first = line.strip() if literal else first_run(locale, line.strip())
            if cell_len(first) > width - indent:
                first = line.split()[0]
            assert cell_len(before) + 1 + cell_len(first) > width, (before, line)


def first_run(locale: locales.Locale, line: str) -> str:
    """What a line starts with that the Locale keeps whole where it fits: up to a FREE space."""
    free = (i for i, hold in locale.breaks(line).items() if hold == locales.FREE)
    return line[: min(free, default=len(line))]


def test_a_word_wider_than_the_line_breaks_after_its_path() -> None:
    """A Korean word holding a path (`...config.toml에서도`) wider than the line is cut after a
    `/`, not in the middle of a file name, nor before its particle (ko-review item 6: a line
    began with `에서도 읽습니다`), and nothing is cut before a colon or a bracket."""
    ko = locales.get("ko")
    text = "설정은 $XDG_CONFIG_HOME/lostcli/config.toml에서도 읽습니다."
    for width in range(28, 44):
        lines = ko.wrap(text, width, "  ", "  ")
        assert max(cell_len(line) for line in lines) <= width
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert any("config.toml에서도" in line for line in lines), (width, lines)
    for width in range(8, 20):
        for line in ko.wrap("값: 2027년2월20일(UTC+09:00):1억km, 끝.", width):
            assert line.lstrip()[:1] not in ":),.", (width, line)


# A quantity and what belongs to it, split across two lines: `3일` / `후`, `13분` / `45초`,
# `오후` / `4시`, `140만` / `km`, `3` / `days`.
# A bare number may end a line before a number (a date before its time, `30 May 2025 / 4pm`).
NUMBER = r"^\(?[+-]?\d(?:[\d.,:]*\d)?"
SPLIT = re.compile(
    rf"{NUMBER}[^\d,;)]{{0,2}} / (?:후|전|뒤|동안|km|AU|days?|ago|min)(?:$|[\s,;.)])"
    rf"|(?:{NUMBER}[^\d,;)]{{1,2}}|(?:^|\()(?:오전|오후)) / [+-]?\d"
)


def splits(lines: list[str]) -> list[str]:
    """The places where a line breaks inside a quantity, or starts with punctuation (`: 1억`)."""
    found = []
    for before, line in itertools.pairwise(text.strip("│ ") for text in lines):
        if before and line and SPLIT.search(f"{before.split()[-1]} / {line.split()[0]}"):
            found.append(f"{before} / {line}")
        if line and line[0] in ":),.":
            found.append(line)
    return found


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["lostcli", *COMMANDS])
def test_help_keeps_a_quantity_whole(command: list[str], lang: str, columns: int) -> None:
    """ko-review items 5 and 13: `prompt -h` split `3일` / `4시간` and `오후` / `4시`."""
    r = run("--lang", lang, *command, "--help", env={"COLUMNS": str(columns)})
    assert splits(r.out.splitlines()) == []


def test_the_split_check_sees_a_split() -> None:
    lines = ["(3일", "4시간, 543일", "전)", "시각(오후", "4시)", "x (UTC+09:00)", ": 1억"]
    found = ["(3일 / 4시간, 543일", "4시간, 543일 / 전)", "시각(오후 / 4시)", ": 1억"]
    assert splits(lines) == found


CARDS = [
    ["info", "--now", "2025-05-27T00:00Z"], ["countdown", "--now", "2025-05-27T00:00Z"],
    ["signal", "--text", "--tz", "Asia/Seoul", "--now", "2026-11-01T00:00Z"],
    ["signal", "--text", "--tz", "Asia/Seoul", "--now", LATER],
]  # fmt: skip


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("command", CARDS, ids=["info", "countdown", "signal", "signal-later"])
def test_cards_keep_a_quantity_whole(command: list[str], lang: str, columns: int) -> None:
    """ko-review items 5 and 13: at 40 columns signal began lines with `: 1억 140만 km` and `:
    태양이`, info split `3일` / `후` and `13분` / `45초`."""
    r = run("--lang", lang, *command, env={"COLUMNS": str(columns)})
    assert r.code == 0, r.err
    assert splits(r.out.splitlines()) == []


def bad_breaks(lines: list[str], width: int) -> list[str]:
    """The places where a screen breaks inside brackets that would fit on a line (with what
    follows them up to a space), after a `/` of a path that would, inside a date or a
    standard's name (`30 May` / `2025`, `ISO` / `8601`), or after an icon (`✦` / `543일 전`)."""
    months = {*locales.get("en").months, *locales.get("en").months_short}
    text = "\n".join(line.strip("│ ") for line in lines)
    found, opened, inside = [], [], {}
    for i, c in enumerate(text):
        if c in "([{〈":
            opened.append(i)
        elif c in ")]}〉" and opened:
            at = opened.pop()
            end = min((j for j in (text.find(" ", i), text.find("\n", i)) if j >= 0), default=-1)
            for j in range(at, i):
                inside.setdefault(j, text[at:end].replace("\n", " "))  # the innermost
    for i, (before, line) in enumerate(itertools.pairwise(lines), 1):
        if not (before.strip("│ ") and line.strip("│ ")):
            continue
        room = width - (len(line) - len(line.lstrip("│ ")))
        last, first = before.split()[-1], line.split()[0]
        at = len("\n".join(t.strip("│ ") for t in lines[:i]))
        if at in inside and cell_len(inside[at]) <= room:
            found.append(f"{before.strip()} | {line.strip()}")
        elif any((
            last.endswith("/") and cell_len(re.split(r"(?<=.)(?=\()", last)[-1] + first) <= room,
            first[0].isdigit() and (last.lstrip("(") in months or re.fullmatch("[A-Z]+", last)),
            len(last) == 1 and not last.isascii() and not last.isalnum(),  # an icon
        )):  # fmt: skip
            found.append(f"{last} | {first}")
    return found


def test_the_break_check_sees_a_bad_break() -> None:
    """ko-review2 item 3's examples, at 40 columns, and breaks it allows."""
    lines = [
        "  적을 시간대입니다(Asia/", "  Seoul, 서울, UTC, +09:00 등).",
        "  설정 파일($XDG_CONFIG_HOME/lostcli/", "  config.toml, 없으면",
        "  잡았습니다(allkpop은 2억 2,250만", "  km). 무선",
        "  공개 후에는 ✦", "  543일 전.", "  shown (30 May", "  2025 4pm KST,", "  ISO", "  8601;",
        "  a date (30 May 2025", "  4pm KST, 2025년 5월 30일 오후 4시), and",
        "  $XDG_CONFIG_HOME/lostcli/x/y/z/",
        "  config.toml",
    ]  # fmt: skip
    assert bad_breaks(lines, 40) == [
        "적을 시간대입니다(Asia/ | Seoul, 서울, UTC, +09:00 등).",
        "파일($XDG_CONFIG_HOME/lostcli/ | config.toml,",
        "잡았습니다(allkpop은 2억 2,250만 | km). 무선",
        "✦ | 543일",
        "May | 2025",
        "ISO | 8601;",
    ]


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["lostcli", *COMMANDS])
def test_help_breaks_before_brackets_and_names(command: list[str], lang: str, columns: int) -> None:
    """ko-review2 item 3: at 40 columns `calendar -h` broke `시간대입니다(Asia/` / `Seoul` and
    `config -h` `파일($XDG_CONFIG_HOME/lostcli/` / `config.toml`; at 40 and 80 `prompt -h` left
    its icon at a line's end (`✦` / `543일 전`), and the `--now` help split `30 May` / `2025
    4pm KST` and `ISO` / `8601`."""
    r = run("--lang", lang, *command, "--help", env={"COLUMNS": str(columns)})
    assert r.code == 0, r.err
    assert bad_breaks(r.out.splitlines(), min(columns, render.MEASURE)) == []


@pytest.mark.parametrize("columns", widths(40, 80, 100, 120))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_curiosities_keep_a_quantity_and_brackets_whole(lang: str, columns: int) -> None:
    """ko-review2 item 3: item 7 broke `2억 2,250만` / `km)` at 100 and 40 columns."""
    r = run("--lang", lang, "curiosities", env={"COLUMNS": str(columns)})
    assert r.code == 0, r.err
    lines = [line[4:] for line in r.out.splitlines()]  # the text's column, after `7. `
    assert splits(lines) == []
    assert bad_breaks(lines, min(columns, render.MEASURE) - 4) == []


@pytest.mark.parametrize("columns", widths(40, 80, 120))
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_validate_and_config_lines_keep_their_indentation(
    lang: str, columns: int, tmp_path: Path, record_text: str
) -> None:
    """ko-review item 6: a problem's, the summary's or the config file's line that wraps goes
    on indented under its start, never at column 0."""
    from tests.conftest import BUNDLED

    bad = tmp_path / "bad.toml"
    bad.write_text(record_text.replace("schema_version = 1", "schema_version = 9"))
    env = {"COLUMNS": str(columns), "XDG_CONFIG_HOME": str(tmp_path / "a-long-folder-name")}
    problems = run("--lang", lang, "validate", str(bad), env=env).out.splitlines()
    problem = next(i for i, line in enumerate(problems) if line.startswith("  schema_version"))
    assert all(line.startswith("  ") for line in problems[1:problem]), problems  # the path's
    assert all(line.startswith("    ") for line in problems[problem + 1 :]), problems
    valid = run("--lang", lang, "validate", str(BUNDLED), env=env).out.splitlines()
    assert all(line.startswith("  ") for line in valid[1:]), valid
    shown = run("--lang", lang, "config", env=env).out.splitlines()
    file = next(i for i, line in enumerate(shown) if line.startswith(("config file", "설정 파일")))
    assert all(line.startswith("  ") for line in shown[file + 1 :]), shown
    if columns == 40:
        assert len(problems) > problem + 1 and len(shown) > file + 1  # lines that wrap


INIT = ['~/.bashrc: eval "$(lostcli init bash)"', '~/.zshrc: eval "$(lostcli init zsh)"',
        "~/.config/fish/config.fish: lostcli init fish | source",
        "rc.elv: eval (lostcli init elvish | slurp)",
        "~/.xonshrc: execx($(lostcli init xonsh))"]  # fmt: skip
COMPLETION = ['~/.bashrc: eval "$(lostcli completion bash)"',
              '~/.zshrc: eval "$(lostcli completion zsh)"',
              "rc.elv: eval (lostcli completion elvish | slurp)",
              "~/.xonshrc: execx($(lostcli completion xonsh))",
              "mkdir -p ~/.config/fish/completions",
              "lostcli completion fish > ~/.config/fish/completions/lostcli.fish"]  # fmt: skip


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(("command", "examples"), [("init", INIT), ("completion", COMPLETION)])
def test_each_shells_command_is_on_one_line(
    command: str, examples: list[str], lang: str, columns: int
) -> None:
    """ko-review item 13: `eval "$(lostcli` / `init zsh)"` at 80 columns. Each command whole on
    a line of its own wherever it fits (at 40 columns, the file on the line above it)."""
    shown = run("--lang", lang, command, "-h", env={"COLUMNS": str(columns)}).out
    lines = [line.strip() for line in shown.splitlines()]
    for example in examples:
        code = example.rpartition(": ")[2]
        if columns > 40:
            assert example in lines, (example, lines)
        elif cell_len(code) <= columns - 6:
            assert code in lines or example in lines, (example, lines)


def test_korean_help_names_the_title_once() -> None:
    """ko-review item 18: after the sentence naming 〈이 별에 필요한〉, the Korean help (and so
    the man page's description) repeated the title on a line of its own; English keeps it, as
    the Korean title beside the English one."""
    korean = run("--lang", "ko", "--help").out
    assert korean.count("이 별에 필요한") == 1 and "〈이 별에 필요한〉" in korean
    assert "\n  이 별에 필요한\n" in run("--help").out
    from lostcli import manpage

    page = manpage.pages()["ko/man1/lostcli.1"]
    assert page.split(".SH 설명\n")[1].startswith("전역 옵션은")
    assert ".SH DESCRIPTION\n이 별에 필요한\n" in manpage.pages()["man1/lostcli.1"]


def test_korean_usage_lines_and_values_are_korean() -> None:
    """ko-review item 19: `[OPTIONS] COMMAND [ARGS]...` and PATH, FILE, ZONE, WHEN in Korean
    help, usage errors and the man page; English as Click writes it."""
    korean = run("--lang", "ko", "--help", env={"COLUMNS": "80"}).out
    assert korean.startswith("사용법: lostcli [옵션] 명령 [인수]...\n")
    for option in ("--film 경로", "--color 조건", "--lang 언어"):
        assert f"  {option}  " in korean, option
    countdown = run("--lang", "ko", "countdown", "-h").out
    for option in ("--tz 시간대", "--now 시각", "--export 파일"):
        assert f"  {option}  " in countdown, option
    assert run("--lang", "ko", "init", "-h").out.startswith("사용법: lostcli init [옵션] [셸]\n")
    validate = run("--lang", "ko", "validate", "-h").out
    assert validate.startswith("사용법: lostcli validate [옵션] 경로")
    error = run("--lang", "ko", "countdown", "--bogus").err
    assert error.startswith("사용법: lostcli countdown [옵션]\n")
    assert run("--lang", "ko", "init").err.startswith("사용법: lostcli init [옵션] [셸]\n")
    from lostcli import manpage

    assert "\\fBlostcli\\fR [옵션] 명령 [인수]..." in manpage.pages()["ko/man1/lostcli.1"]
    english = run("--help").out
    assert english.startswith("Usage: lostcli [OPTIONS] COMMAND [ARGS]...\n")
    assert "  --film PATH  " in english and "  --color WHEN  " in english


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--tz", "Seoul", "countdown"], "(it goes after the command: lostcli countdown --tz ...)"),
        (["--json", "credits"], "(it goes after the command: lostcli credits --json ...)"),
        (["--live"], "(--live is an option of countdown; it goes after the command)"),
    ],
)  # fmt: skip
def test_an_option_on_the_wrong_side_gets_a_hint(args: list[str], hint: str) -> None:
    r = run(*args)
    assert r.code == 2
    assert r.err.splitlines()[-1].endswith(hint)


VIEWS = [
    ["info", "--now", LATER], ["synopsis"], ["credits"], ["curiosities"],
    ["countdown", "--now", LATER], ["signal", "--now", LATER], ["trailer"], ["config"],
    ["validate", "{film}"],
]  # fmt: skip


@pytest.mark.parametrize("columns", widths(40, 80, 120, 200))
@pytest.mark.parametrize("command", VIEWS, ids=[c[0] for c in VIEWS])
def test_every_width(command: list[str], columns: int) -> None:
    from tests.conftest import BUNDLED

    r = run(*(a.format(film=BUNDLED) for a in command), env={"COLUMNS": str(columns)})
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "…" not in r.out  # no name cut short
    assert all(line == line.rstrip() for line in lines)  # a pipe gets no padding
    for line in lines:
        if "https://" in line:
            assert line == URL  # a link on a line of its own, whole
        else:
            assert cell_len(line) <= min(columns, render.MEASURE), line
    assert "UTC (UTC+00:00)" not in r.out  # UTC once


def test_panels_one_after_another_line_up() -> None:
    widths = {
        cell_len(run(*c, env={"COLUMNS": "120"}).out.splitlines()[0])
        for c in (
            ["info", "--now", LATER],
            ["countdown", "--now", LATER],
            ["signal", "--now", LATER],
        )
    }
    assert widths == {render.MEASURE}


@pytest.mark.parametrize(
    ("args", "env", "colour"),
    [
        (["--color", "always", "credits"], {}, True),
        (["--color", "always", "credits"], {"NO_COLOR": "1"}, True),  # the option wins
        (["--color", "never", "credits"], {"FORCE_COLOR": "1"}, False),
        (["--color", "auto", "credits"], {}, False),  # not a terminal
        (["credits"], {"FORCE_COLOR": "1"}, True),
        (["credits", "--color=never"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_option(args: list[str], env: dict[str, str], colour: bool) -> None:
    assert ("\x1b[" in run(*args, env=env).out) == colour


# The pager, in a real terminal: a pseudo-terminal of 10 lines.


def in_a_pty(args: list[str], env: dict[str, str]) -> tuple[int, int]:
    import pty

    pid, fd = pty.fork()
    if pid == 0:
        full = {**os.environ, "TERM": "xterm", "COLUMNS": "80", "LINES": "10", **env}
        os.execvpe(script()[0], [*script(), *args], full)
    return pid, fd


@pytest.mark.parametrize(
    "env",
    [
        {"PAGER": "sed s/^/PAGED:/"},
        {"LOSTCLI_PAGER": "sed s/^/PAGED:/", "PAGER": "cat"},  # LOSTCLI_PAGER wins
    ],
)
@pytest.mark.slow
def test_output_taller_than_the_terminal_goes_through_the_pager(env: dict[str, str]) -> None:
    pid, fd = in_a_pty(["curiosities"], {**env, "NO_COLOR": "1"})
    shown = read_until(fd, None)
    os.close(fd)
    assert exit_status(pid) == 0
    assert b"PAGED: 1. It is the first Korean" in shown


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["curiosities", "--no-pager"], {"PAGER": "sed s/^/PAGED:/"}),
        (["curiosities"], {"PAGER": "sed s/^/PAGED:/", "LOSTCLI_PAGER": ""}),
        (["curiosities"], {"LOSTCLI_PAGER": "cat"}),
        (["trailer"], {"PAGER": "sed s/^/PAGED:/"}),  # it fits: no pager
    ],
)
@pytest.mark.slow
def test_no_pager(args: list[str], env: dict[str, str]) -> None:
    pid, fd = in_a_pty(args, env)
    shown = read_until(fd, None)
    os.close(fd)
    assert exit_status(pid) == 0
    assert b"PAGED:" not in shown and b"Lost in Starlight" in shown


@pytest.mark.slow
def test_a_pager_that_cannot_start_still_shows_the_text() -> None:
    pid, fd = in_a_pty(["curiosities"], {"PAGER": "no-such-pager-here", "NO_COLOR": "1"})
    shown = read_until(fd, None)
    os.close(fd)
    assert exit_status(pid) == 0
    assert b"1. It is the first Korean" in shown


@pytest.mark.slow
def test_the_real_less_pages_and_quits_on_q() -> None:
    """less, with the defaults lostcli gives it (LESS=FRX): the first screen, then `q`."""
    need("less")
    pid, fd = in_a_pty(["curiosities"], {"PAGER": "less", "NO_COLOR": "1"})
    read_until(fd, b"It is the first Korean")
    assert os.waitpid(pid, os.WNOHANG) == (0, 0)  # still showing the first screen
    os.write(fd, b"q")
    read_until(fd, None)
    os.close(fd)
    assert exit_status(pid) == 0
