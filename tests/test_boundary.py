"""The boundary for text from outside (text.py): no control character that lostcli was given
(an argument, a variable, the config file, a file name, a zone file, the record, a cache entry)
reaches the terminal, and templates are checked and filled in one way wherever they come from."""

from __future__ import annotations

import re
import shutil
import struct
from pathlib import Path

import msgspec
import pytest

from lostcli import config, files, film, prompt, settings, text
from tests.conftest import BUNDLED, LATER, Result, run

ESCAPE = "\x1b[2J"
# The C0 and C1 controls and DEL: what a terminal would act on. Views keep new lines.
CONTROLS = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))} - {"\n"}


def clean(result: Result) -> Result:
    """The result, after checking that it shows no control character."""
    assert not CONTROLS & set(result.out + result.err), (result.out, result.err)
    return result


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, str]:
    """A config folder (with no file yet) and a cache folder of the test's own."""
    (tmp_path / "config" / "lostcli").mkdir(parents=True)
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache")}


def config_file(env: dict[str, str]) -> Path:
    return Path(env["XDG_CONFIG_HOME"], "lostcli", "config.toml")


def tzif(abbreviation: bytes, offset: int) -> bytes:
    """A TZif version 2 file (RFC 8536) with one local time type and no transitions."""
    designations = abbreviation + b"\0"
    header = b"TZif2" + bytes(15) + struct.pack(">6l", 0, 0, 0, 0, 1, len(designations))
    block = header + struct.pack(">lBB", offset, 0, 0) + designations
    return block + block + b"\n\n"  # the version 1 block, the version 2 block, no TZ string


@pytest.mark.parametrize("where", ["LOSTCLI_TZ", "TZ", "config"])
def test_config_shows_a_zone_from_outside_escaped(where: str, folders: dict[str, str]) -> None:
    if where == "config":
        config_file(folders).write_text(f'tz = "{ESCAPE}x"\n'.replace("\x1b", "\\u001b"))
        env = folders
    else:
        env = {**folders, where: ESCAPE + "x"}
    shown = clean(run("config", env=env))
    # what is used, and the value passed over in the warning (issue 21), escaped
    assert shown.code == 0 and shown.out.split()[:3] == ["tz", "UTC", "default"]
    assert "'\\x1b[2Jx'" in shown.out
    as_json = clean(run("config", "--json", env=env))
    assert "'\\\\x1b[2Jx'" in as_json.out


def test_the_zone_row_shows_a_tz_path_escaped(tmp_path: Path) -> None:
    path = tmp_path / f"zone{ESCAPE}file"
    shutil.copy("/usr/share/zoneinfo/Asia/Seoul", path)
    shown = clean(run("countdown", "--now", LATER, env={"TZ": f":{path}"}))
    unfolded = re.sub(r"[\s│]", "", shown.out)  # a long path is folded over two lines
    assert shown.code == 0 and f"Zone{tmp_path}/zone\\x1b[2Jfile" in unfolded
    assert "KST (UTC+09:00)" in shown.out  # the file was read


@pytest.mark.parametrize("command", ["countdown", "info", "signal"])
def test_a_zone_files_abbreviation_is_shown_as_a_picture(command: str, tmp_path: Path) -> None:
    (tmp_path / "zone").write_bytes(tzif(ESCAPE.encode(), 9 * 3600))
    shown = clean(run(command, "--now", LATER, env={"TZ": str(tmp_path / "zone")}))
    assert shown.code == 0 and "␛[2J" in shown.out


def test_an_export_holds_no_control_character(tmp_path: Path) -> None:
    """XML refuses an escape character: the SVG would not even open."""
    import xml.etree.ElementTree as ET

    (tmp_path / "zone").write_bytes(tzif(ESCAPE.encode(), 9 * 3600))
    for name in ("card.svg", "card.html"):
        exported = run("countdown", "--now", LATER, "--export", str(tmp_path / name),
                       env={"TZ": str(tmp_path / "zone")})  # fmt: skip
        assert exported.code == 0
        picture = (tmp_path / name).read_text(encoding="utf-8")
        shown = re.sub("<[^>]*>", "", picture)  # an HTML card boxes each non-ASCII character
        assert not CONTROLS - {"\t"} & set(picture) and "␛[2J" in shown
    ET.parse(tmp_path / "card.svg")


@pytest.mark.parametrize(
    ("fmt", "problem"),
    [
        (ESCAPE, "--format: control characters would break the prompt"),
        ("{icon}\u2028", "--format: control characters would break the prompt"),
        ("{rel} {foo}", "--format: unknown placeholder '{foo}'; the placeholders are {icon}, "
                        "{title}, {rel}, {days} and {status}"),
    ],
)  # fmt: skip
def test_a_bad_format_is_a_usage_error_wherever_it_is_given(fmt: str, problem: str) -> None:
    """The prompt's fast path, the prompt through the full CLI, and init, alike."""
    for command in (["prompt"], ["--lang", "en", "prompt"], ["init", "bash"], ["init", "nu"]):
        shown = clean(run(*command, "--format", fmt))
        name = command[-1] if command[-1] == "prompt" else "init"
        assert (shown.code, shown.out) == (2, "")
        assert shown.err == (
            f"Usage: lostcli {name} [OPTIONS]{' [SHELL]' if name == 'init' else ''}\n"
            f"Try 'lostcli {name} -h' for help.\nlostcli: error: {problem}\n"
        )


@pytest.mark.parametrize(
    ("fmt", "problem"),
    [
        ("\\u001b[2J{rel}", "control characters would break the prompt"),
        ("{title}\\u009b", "control characters would break the prompt"),
        ("{Rel}", "unknown placeholder '{Rel}'; the placeholders are {icon}, {title}, {rel}, "
                  "{days} and {status}"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("command", [["prompt"], ["init", "nu"], ["init", "zsh"], ["config"]])
def test_the_config_files_format_is_checked_as_the_option_is(
    command: list[str], fmt: str, problem: str, folders: dict[str, str]
) -> None:
    config_file(folders).write_text(f'[prompt]\nformat = "{fmt}"\n')
    for _ in range(2):  # and again from the cache
        shown = clean(run(*command, env=folders))
        if command == ["config"]:  # the diagnostic command shows it, and works (issue 21)
            assert (shown.code, shown.err) == (0, "") and problem in " ".join(shown.out.split())
            continue
        assert (shown.code, shown.out) == (1, "")  # no snippet that nushell cannot parse
        assert shown.err == f"lostcli: error: {config_file(folders)}: prompt.format: {problem}\n"


def test_a_config_cache_entry_is_checked_when_read(folders: dict[str, str]) -> None:
    """An entry with the right key but a format that the file never held."""
    path = config_file(folders)
    path.write_text('[prompt]\nformat = "{rel}"\n')
    assert run("config", env=folders).code == 0  # the entry is written
    entry = files.cache_entry(str(Path(folders["XDG_CACHE_HOME"], "lostcli")), "config", str(path))
    assert entry is not None and Path(entry[0]).exists()
    poisoned = config.Config(prompt=config.PromptConfig(format=ESCAPE + "{rel}"))
    Path(entry[0]).write_bytes(entry[1] + msgspec.msgpack.encode(poisoned))
    for command in (["config"], ["init", "nu"], ["prompt"]):
        shown = clean(run(*command, env=folders))
        problem = shown.out if command == ["config"] else shown.err  # config shows it (issue 21)
        assert shown.code == int(command != ["config"]) and "prompt.format: control char" in problem


def test_a_record_cache_entry_is_shown_safely(tmp_path: Path, folders: dict[str, str]) -> None:
    """A record from the cache whose text has control characters fails the schema's check
    and is read again from the file; the views would also show any such text safely."""
    record = tmp_path / "film.toml"
    shutil.copy(BUNDLED, record)
    assert run("--film", str(record), "info", "--now", LATER, env=folders).code == 0
    entry = files.cache_entry(
        str(Path(folders["XDG_CACHE_HOME"], "lostcli")), "record", str(record)
    )
    assert entry is not None and Path(entry[0]).exists()
    loaded = film.load(record)
    title = msgspec.structs.replace(loaded.title, english=f"Lost{ESCAPE}\x9b1m")
    poisoned = msgspec.structs.replace(loaded, title=title)
    Path(entry[0]).write_bytes(entry[1] + msgspec.msgpack.encode(poisoned))
    shown = clean(run("--film", str(record), "info", "--now", LATER, env=folders))
    assert "Lost in Starlight" in shown.out and "Lost␛" not in shown.out
    assert not Path(entry[0]).read_bytes().endswith(msgspec.msgpack.encode(poisoned))


def test_a_prompt_cache_entry_with_an_unknown_placeholder_is_rebuilt(
    folders: dict[str, str],
) -> None:
    assert run("prompt", "--now", LATER, env=folders).out == "✦ 543d ago\n"
    config = str(config_file(folders))
    cache = str(Path(folders["XDG_CACHE_HOME"], "lostcli"))
    entry = files.cache_entry(cache, "prompt", settings.BUNDLED, config)
    assert entry is not None
    Path(entry[0]).write_bytes(
        entry[1] + f"{prompt.of_record(film.load())[0]}\tT\tT\t{{x}}\t\t\t\t\t\t".encode()
    )
    assert run("prompt", "--now", LATER, env=folders).out == "✦ 543d ago\n"


def test_a_title_is_never_read_as_a_template(tmp_path: Path, record_text: str) -> None:
    record = tmp_path / "film.toml"
    record.write_text(record_text.replace('short = "Starlight"', 'short = "{rel} {x}"'))
    env = {"LOSTCLI_FILM": str(record), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # and from the cache
        assert run("prompt", "--format", "{title}|{rel}", "--now", LATER, env=env).out == (
            "{rel} {x}|543d ago\n"
        )
    full = run("--film", str(record), "prompt", "--format", "{title}", "--now", LATER)
    assert full.out == "{rel} {x}\n"


def test_templates_are_filled_in_one_pass() -> None:
    values = {"a": "{b}", "b": "B"}
    assert text.fill("{a}{b}{{b}}{a {b", values) == "{b}B{B}{a {b"
    assert text.template_problem("{a}{ b}{}{a-b}{", ("a", "b")) is None
    problem = text.template_problem("{a}{c_1}", ("a", "b"))
    assert str(problem) == "unknown placeholder '{c_1}'; the placeholders are {a} and {b}"
    assert text.template_problem("✦ 👩‍🚀\u00a0{a}", ("a",)) is None  # a joiner is not a control


def test_shown_keeps_one_character_for_one() -> None:
    given = "a\x1b[2J\n\tb\x7f\x9b\udcff\u2028"
    assert text.shown(given) == "a␛[2J\n\tb␡���"
    assert len(text.shown(given)) == len(given)


def test_config_measures_a_path_as_the_terminal_will_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In an ASCII terminal a Hangul path shows as `????` but was measured as 8 cells, so the
    origin column moved: the config grid's layouts went around the text boundary."""
    monkeypatch.chdir(tmp_path)  # a short path: the grid keeps the origin beside it
    Path("한글한글.toml").write_bytes(BUNDLED.read_bytes())
    r = run("config", env={"LOSTCLI_FILM": "한글한글.toml", "COLUMNS": "100"}, encoding="ascii")
    rows = [line for line in r.out.splitlines() if line.endswith(("default", "$LOSTCLI_FILM"))]
    assert any("????.toml" in row for row in rows)
    assert len({row.rindex(" ") for row in rows}) == 1, r.out
