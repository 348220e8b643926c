"""The output seam: every byte through the injected environment, under one policy for
characters a stream cannot encode (text.py), in process and in real locales."""

from __future__ import annotations

import ast
import importlib
import io
import os
import re
import subprocess
from pathlib import Path
from typing import cast

import pytest
from rich.box import ASCII
from rich.console import Console, RenderableType
from rich.table import Column, Table
from rich.text import Text

from lostcli import files, render, text
from tests.conftest import LATER, environment, need, run, script

BUNDLED = str(Path(__file__).resolve().parents[1] / "data" / "film.toml")
EVERY_COMMAND = [
    ["info", "--now", LATER],
    ["synopsis"],
    ["credits"],
    ["curiosities"],
    ["countdown", "--now", LATER],
    ["signal", "--now", LATER],
    ["trailer"],
    ["validate", BUNDLED],
    ["prompt", "--now", LATER],
    ["init", "bash"],
    ["init", "zsh"],
    ["init", "fish"],
    ["init", "nu"],
    ["init", "elvish"],
    ["init", "xonsh"],
    ["config"],
    ["--version"],
    ["--help"],
    ["info", "--help"],
    [],
]
BORDER = re.compile(r"^[+|]")


def assert_aligned(text: str) -> None:
    """Each box's lines end in the same column (one cell a character: no wide ones remain)."""
    box: list[str] = []
    for line in [*text.splitlines(), ""]:
        if BORDER.match(line):
            box.append(line)
            continue
        if box:
            assert len({len(b.rstrip()) for b in box}) == 1, "\n".join(box)
        box = []


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("command", EVERY_COMMAND, ids=[" ".join(c[:2]) for c in EVERY_COMMAND])
def test_every_command_in_a_narrow_encoding(command: list[str], encoding: str) -> None:
    r = run(*command, encoding=encoding)
    assert r.code == 0, r.err
    assert r.err == ""
    assert "Traceback" not in r.out
    assert r.out.strip()
    r.out.encode(encoding)  # the policy left nothing the stream cannot take
    assert_aligned(r.out)


def test_the_policy_in_detail() -> None:
    assert text.encodable("✦ 이 별에 필요한 “x” ╭─╮", "ascii") == '* ? ?? ??? "x" +-+'
    assert text.encodable("✦ · é 이", "latin-1") == "* · é ?"
    assert text.encodable("✦ 이", "utf-8") == "✦ 이"


def a_table(*words: str) -> Table:
    """A table with settings on every level, its texts from `words` (title, header, two cells)."""
    title, header, first, second = words
    table = Table(
        Column(header, justify="right", style="bold", no_wrap=True), "b", title=title,
        show_lines=True, box=ASCII,
    )  # fmt: skip
    table.add_row(first, "1")
    table.add_row(Text(second, style="red"), "22", style="on blue", end_section=True)
    return table


def test_a_fitted_table_is_the_table_with_fitted_texts() -> None:
    """render.fit rebuilds a table through Rich's public API: every column and row setting kept."""

    def drawn(view: RenderableType) -> str:
        out = Console(file=io.StringIO(), width=30, color_system="standard", force_terminal=True)
        out.print(view)
        return cast("io.StringIO", out.file).getvalue()

    fitted = render.fit(a_table("표 ✦", "이름", "서울", "x\x1b"), "ascii")
    assert drawn(fitted) == drawn(a_table("? *", "??", "??", "x?"))


SOURCE = Path(__file__).resolve().parents[1] / "src" / "lostcli"


def defines(module: str, name: str) -> bool:
    """Whether the module defines `name` at its top level (rather than importing it)."""
    found = importlib.import_module(module).__file__
    assert found
    source = Path(found).read_text(encoding="utf-8")
    return re.search(rf"^(class |def )?{name}\b *[:=(]", source, re.M) is not None


def test_rich_is_used_through_its_public_names_only() -> None:
    """What Rich documents holds from the lowest version allowed to the newest: no private
    attribute (a column's `_cells`), no name a Rich module merely imports (its export templates)."""
    for path in SOURCE.rglob("*.py"):
        if "from rich" not in (source := path.read_text(encoding="utf-8")):
            continue
        tree = ast.parse(source)
        imports = [
            n for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "rich"
        ]  # fmt: skip
        for node in imports:
            assert node.module and "._" not in node.module, (path.name, node.module)
            for alias in node.names:
                assert not alias.name.startswith("_"), (path.name, alias.name)
                assert defines(node.module, alias.name), (path.name, node.module, alias.name)
        private = [
            n.lineno for n in ast.walk(tree)
            if isinstance(n, ast.Attribute) and re.fullmatch(r"_[^_].*", n.attr)
            and not (isinstance(n.value, ast.Name) and n.value.id in ("self", "cls"))
        ]  # fmt: skip
        assert not private, (path.name, private)


def test_hangul_is_one_question_mark_a_character_and_borders_hold() -> None:
    r = run("info", "--now", LATER, encoding="latin-1")
    first = r.out.splitlines()[0]
    assert first.startswith("+- Lost in Starlight  ? ?? ??? -")
    assert first.endswith("+")


def test_prompt_and_init_fall_back_to_the_ascii_icon() -> None:
    assert run("prompt", "--now", LATER, encoding="ascii").out == "* 543d ago\n"
    assert run("prompt", "--now", LATER).out == "✦ 543d ago\n"
    assert "__lostcli_init_icon='*'" in run("init", "bash", encoding="latin-1").out


def test_json_and_the_calendar_stay_utf8_in_any_locale() -> None:
    r = run("synopsis", "--json", encoding="ascii")
    assert "Nan-young" in r.out
    raw = run("calendar", "--now", LATER, encoding="utf-8").out
    assert "이 별에 필요한" in raw
    e, out, _ = environment(encoding="ascii")
    from lostcli import entry

    assert entry.run(["calendar", "--now", LATER], e) == 0
    assert "이 별에 필요한" in out.getvalue().decode("utf-8")
    # a completion script is a file for the shell, in UTF-8 as the calendar is
    e, out, _ = environment(encoding="ascii")
    assert entry.run(["completion", "bash"], e) == 0
    assert "'서울'" in out.getvalue().decode("utf-8")


def test_errors_go_to_stderr_only_even_when_stderr_is_closed() -> None:
    e, out, _ = environment()
    e.stderr = None
    from lostcli import entry

    assert entry.run(["countdown", "--tz", "Nowhere/Land"], e) == 2
    assert out.getvalue() == b""


def test_a_full_stdout_is_one_error_line() -> None:
    class Full(io.BytesIO):
        def write(self, data: object) -> int:
            raise OSError(28, "No space left on device")

    for args in (["info"], ["prompt"], ["--version"], ["--help"], ["credits", "--json"]):
        e, _, err = environment()
        e.stdout = Full()
        from lostcli import entry

        assert entry.run(args, e) == 1, args
        assert (
            err.getvalue() == b"lostcli: error: cannot write the output: No space left on device\n"
        )


# A real process: the locale decides the encoding at start-up.


@pytest.fixture(scope="module")
def latin1_locale(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A real ISO-8859-1 locale, built with localedef into a temporary folder (LOCPATH)."""
    need("localedef", "/usr/share/i18n/charmaps")
    where = tmp_path_factory.mktemp("locales")
    subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(where / "en_US.ISO-8859-1")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return {"LOCPATH": str(where), "LC_ALL": "en_US.ISO-8859-1", "LANG": "en_US.ISO-8859-1"}


@pytest.mark.slow
@pytest.mark.parametrize("command", EVERY_COMMAND, ids=[" ".join(c[:2]) for c in EVERY_COMMAND])
@pytest.mark.parametrize("locale", ["latin-1 locale", "PYTHONIOENCODING=ascii", "LC_ALL=C"])
def test_real_locales(locale: str, command: list[str], latin1_locale: dict[str, str]) -> None:
    env = {
        "latin-1 locale": latin1_locale,
        "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
        "LC_ALL=C": {"LC_ALL": "C", "PYTHONUTF8": "0"},
    }[locale]
    full = {**os.environ, "TZ": "UTC", "COLUMNS": "80", **env}
    p = subprocess.run([*script(), *command], env=full, capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stderr == b""
    encoding = "latin-1" if locale == "latin-1 locale" else "ascii"
    text = p.stdout.decode(encoding)  # raises if anything was written in another encoding
    assert_aligned(text)
    if command[:1] == ["prompt"]:
        assert text.startswith("* ")


def test_a_cache_write_that_fails_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "prompt.tsv"
    target.mkdir()  # renaming a file over a directory fails after the temporary file is written
    files.store(str(target), b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["prompt.tsv"]
    files.store(str(tmp_path / "ok"), b"y")
    assert (tmp_path / "ok").read_bytes() == b"y"


def test_only_a_regular_file_has_a_cache_key(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert files.record_key(str(fifo)) is None
    assert files.record_key(str(tmp_path / "none")) is None
    assert files.record_key(BUNDLED) is not None


def card(*args: str, lang: str = "en") -> str:
    """A view's rows as words, borders out."""
    out = run("--lang", lang, *args).out
    return "\n".join(" ".join(line.replace("│", " ").split()) for line in out.splitlines())


def test_the_progress_bar_is_100_only_once_released() -> None:
    """Rounded down: a second before the release is 99% (it was 100%); before the release date
    was announced there is no bar (it was an empty 0%); the help says what it measures."""
    assert "Progress" in card("countdown", "--now", "2025-05-30T06:59:59Z")
    assert re.search(
        r"^Progress ━+╸? 99%$", card("countdown", "--now", "2025-05-30T06:59:59Z"), re.M
    )
    assert "Progress" not in card("countdown", "--now", "2025-04-20T00:00Z")
    assert re.search(r"^Progress [━╸]+ 5%$", card("countdown", "--now", "2025-05-01T00:00Z"), re.M)
    help_text = " ".join(run("countdown", "--help").out.split())
    assert "Progress is the share of the time from the day the release date was announced" in (
        help_text
    )


def test_the_release_instant_is_just_released() -> None:
    """Not `released 0 seconds ago` (`0초 전 공개`), and 공개 once in the status."""
    at = "2025-05-30T07:00Z"
    assert "Status Just released on Netflix" in card("countdown", "--now", at)
    korean = card("countdown", "--now", at, lang="ko")
    status = next(line for line in korean.splitlines() if line.startswith("상태"))
    assert status == "상태 넷플릭스에서 방금 공개" and "0초" not in korean
    assert "released 1 second ago" in card("countdown", "--now", "2025-05-30T07:00:01Z")


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_config_never_splits_the_origin_path(columns: int) -> None:
    """`config.` / `toml` on every row at 80 columns: the origin is whole, beside its value
    where that leaves the value room, else under it."""
    from lostcli import views
    from lostcli.settings import Settings

    home = {"HOME": "/home/someone", "COLUMNS": str(columns)}
    env, _, _ = environment(home)
    current = Settings.build(env, configured={"tz": "Asia/Seoul", "prompt.ascii": True})
    path = "/home/someone/.config/lostcli/config.toml"
    console = Console(file=io.StringIO(), width=columns, color_system=None)
    console.print(views.settings(current))
    lines = console.file.getvalue().splitlines()
    assert max(map(len, lines)) <= columns
    if columns < len(path) + 15:  # narrower than key and path: the path has to break
        return
    assert sum(path in line for line in lines) == 3, lines  # tz, prompt.ascii, the file
    assert any(line.split()[:2] == ["tz", "Asia/Seoul"] for line in lines)
    beside = any(line.endswith(path) and line.startswith("tz ") for line in lines)
    assert beside == (columns >= 80), lines


def test_the_prompt_help_shows_what_the_readme_shows() -> None:
    """The help's examples are fixed texts, the same as the README's (it said 544d, the README
    543d)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    shown = " ".join(run("prompt", "--help").out.split())
    for example in re.findall(r"✦ \d+d[ \w]*?(?:ago|\d\dh)", shown):
        assert example in readme, example
    assert "544d" not in shown


def test_validate_counts_people_once_and_not_the_studio() -> None:
    """9 crew credits: the studio, and the director who also wrote it: 7 people."""
    out = run("validate", BUNDLED).out
    assert ", 7 crew," in " ".join(out.split())
