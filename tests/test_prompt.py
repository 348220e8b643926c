"""`lostcli prompt` and the shell snippets of `lostcli init`, run in real shells."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lostcli import prompt
from lostcli.formatting import relative
from lostcli.settings import BUNDLED, Settings
from tests.conftest import environment, run, run_process, script

RELEASE = 1748588400  # 2025-05-30T07:00:00Z
DAY = 86_400
# Instants around every boundary of the compact form, before and after the release.
INSTANTS = sorted(
    {RELEASE + d for d in (-400 * DAY, -DAY - 1, -DAY, -DAY + 1, -3600 - 1, -3600, -60, -59, -1)}
    | {RELEASE + d for d in (0, 1, DAY - 1, DAY, 365 * DAY, 543 * DAY + 5)}
    | {RELEASE - 3 * DAY - 4 * 3600 - 12 * 60 - 9, 0, 2_000_000_000}
)
TITLES = "Starlight\t이 별에 필요한"  # the short title in each language, as the cache keeps them
HOSTILE = 'it\'s {icon} "{rel}" & $HOME \\ `x` {days}/{status} {title} {no pe} {{rel}} {rel'


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (3 * DAY + 4 * 3600 + 720, ("3d 04h", 3, "upcoming")),
        (4 * 3600 + 720 + 9, ("4h 12m", 0, "upcoming")),
        (61, ("1m 01s", 0, "upcoming")),
        (0, ("out now", 0, "released")),
        (-DAY + 1, ("out now", 0, "released")),
        (-DAY, ("1d ago", 1, "released")),
        (-543 * DAY - 5, ("543d ago", 543, "released")),
    ],
)
def test_relative(delta: int, text: tuple[str, int, str]) -> None:
    assert relative(delta) == text


def test_segment_placeholders() -> None:
    fmt = "{icon} {title} {rel} {days} {status} {no pe}"
    assert prompt.segment(fmt, RELEASE, RELEASE - 90, "Starlight", "*") == (
        "* Starlight 1m 30s 0 upcoming {no pe}"
    )


def lostcli_prompt(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run_process("prompt", *args, env=env)


@pytest.mark.slow
def test_prompt_command(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    p = lostcli_prompt("--now", "2025-05-27T02:47:51Z", env=env)
    assert (p.returncode, p.stdout, p.stderr) == (0, "✦ 3d 04h\n", "")
    assert lostcli_prompt("--now=@1748588400", "--ascii", env=env).stdout == "* out now\n"
    colored = lostcli_prompt("--now", "@0", "--color", "always", "--format", "{title}", env=env)
    assert colored.stdout == "\x1b[35mStarlight\x1b[0m\n"
    naive = lostcli_prompt("--now", "2025-05-30 15:00", "--tz", "Asia/Seoul", env=env).stdout
    assert naive == "✦ 1h 00m\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus=1"], "No such option: --bogus"),
        (["--tz", "Nowhere/Land", "--now", "2025-01-01 00:00"], "unknown time zone 'Nowhere/Land'"),
        (["--now", "someday"], "--now: "),
        (["--format", "{nope}"], "--format: unknown placeholder '{nope}'; the placeholders are "),
        (["--ascii=yes"], "Option '--ascii' does not take a value."),
        (["--bogus", "extra"], "No such option: --bogus"),
        (["extra", "--", "--ascii"], "Got unexpected extra argument(s) (extra --ascii)"),
    ],
)  # fmt: skip
def test_prompt_usage_errors_are_worded_as_the_clis(args: list[str], message: str) -> None:
    """Under the usage line, as every other command's: the fast path's and the full CLI's."""
    for shown in (run("prompt", *args), run("--lang", "en", "prompt", *args)):
        usage, help_line, error = shown.err.splitlines()
        assert (shown.code, shown.out) == (2, "")
        assert (usage, help_line) == ("Usage: lostcli prompt [OPTIONS]",
                                      "Try 'lostcli prompt -h' for help.")  # fmt: skip
        assert error.startswith(f"lostcli: error: {message}")
    other = run("info", "extra").err.splitlines()
    assert other[0] == "Usage: lostcli info [OPTIONS]"
    assert other[2] == "lostcli: error: Got unexpected extra argument(s) (extra)"


@pytest.mark.slow
def test_prompt_help_lists_placeholders() -> None:
    p = lostcli_prompt("--help")
    assert p.returncode == 0 and "{rel}" in p.stdout


@pytest.mark.slow
def test_cache_is_written_and_follows_the_record(tmp_path: Path, record_text: str) -> None:
    record = tmp_path / "film.toml"
    record.write_text(record_text)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "LOSTCLI_FILM": str(record)}
    assert lostcli_prompt("--now", "@0", "--format", "{title}", env=env).stdout == "Starlight\n"
    (cache,) = (tmp_path / "cache" / "lostcli").glob("prompt-*")
    assert cache.read_text().endswith(f"\n{RELEASE}\t{TITLES}\t\t\t\t\t\t")
    record.write_text(record_text.replace('short = "Starlight"', 'short = "Lost"'))
    os.utime(record, ns=(0, 10**18))  # a different modification time, whatever the clock
    assert lostcli_prompt("--now", "@0", "--format", "{title}", env=env).stdout == "Lost\n"


@pytest.mark.slow
def test_a_record_replaced_by_one_of_the_same_size_and_mtime_is_noticed(
    tmp_path: Path, record_text: str
) -> None:
    record, other = tmp_path / "film.toml", tmp_path / "other.toml"
    record.write_text(record_text.replace('short = "Starlight"', 'short = "Alpha"'))
    other.write_text(record_text.replace('short = "Starlight"', 'short = "Bravo"'))
    for path in (record, other):
        os.utime(path, ns=(0, 10**18))
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "LOSTCLI_FILM": str(record)}
    assert lostcli_prompt("--format", "{title}", env=env).stdout == "Alpha\n"
    other.replace(record)  # `mv`: the same path, size and mtime, another file
    assert lostcli_prompt("--format", "{title}", env=env).stdout == "Bravo\n"
    with record.open("w") as f:  # written in place: the same inode, a new change time
        f.write(record_text.replace('short = "Starlight"', 'short = "Charl"'))
    os.utime(record, ns=(0, 10**18))
    assert lostcli_prompt("--format", "{title}", env=env).stdout == "Charl\n"


@pytest.mark.slow
def test_two_records_keep_an_entry_each(tmp_path: Path, record_text: str) -> None:
    cache = tmp_path / "cache"
    for short in ("Alpha", "Bravo"):
        (tmp_path / short).write_text(
            record_text.replace('short = "Starlight"', f'short = "{short}"')
        )
    for _ in range(2):
        for short in ("Alpha", "Bravo"):
            env = {"XDG_CACHE_HOME": str(cache), "LOSTCLI_FILM": str(tmp_path / short)}
            assert lostcli_prompt("--format", "{title}", env=env).stdout == f"{short}\n"
    entries = sorted((cache / "lostcli").glob("prompt-*"))
    assert len(entries) == 2
    mtimes = [e.stat().st_mtime_ns for e in entries]
    lostcli_prompt(env={"XDG_CACHE_HOME": str(cache), "LOSTCLI_FILM": str(tmp_path / "Alpha")})
    assert [e.stat().st_mtime_ns for e in entries] == mtimes  # read, not rewritten


@pytest.mark.parametrize(
    "payload",
    # release, the title in English and in Korean, then format, ascii, title, tz, lang, color
    [b"12x\tTitle\tT\t\t\t\t\t\t", b"\xd9\xa1\tTitle\tT\t\t\t\t\t\t",
     b"1\tTi\x1b[2Jtle\tT\t\t\t\t\t\t", b"1\tT\tTi\x1b[2Jtle\t\t\t\t\t\t",
     b"1\tA\tB\tC\t\t\t\t\t\t", b"1\tT\t\t\t\t\t\t", b"1" * 20 + b"\tT\tT\t\t\t\t\t\t",
     b"1\t" + b"T" * 3000 + b"\tT\t\t\t\t\t\t", b"\xff\tT\tT\t\t\t\t\t\t", b"1\tT\tT\t\t2\t\t\t\t",
     b"1\tT\tT\t{icon}\x07\t\t\t\t\t", b"1\tT\tT\t\t\t\x1b\t\t\t",
     b"1\tT\tT\t\t\t\t\t\tsometimes", b"1\tT\tT\t\t\t\t\tk\x00o\t",
     b"1\tT\tT\t{nope}\t\t\t\t\t\t"],
)  # fmt: skip
@pytest.mark.slow
def test_a_cache_entry_is_checked_before_use(tmp_path: Path, payload: bytes) -> None:
    """An entry with the right key but a payload this module never writes (Arabic-Indic digits,
    an escape sequence, too long) is rebuilt from the record, not shown."""
    from lostcli import files

    env = {"XDG_CACHE_HOME": str(tmp_path)}
    assert lostcli_prompt("--format", "{title}", env=env).stdout == "Starlight\n"
    (entry,) = (tmp_path / "lostcli").glob("prompt-*")
    config = str(Path(os.environ["HOME"]) / ".config" / "lostcli" / "config.toml")
    found = files.cache_entry(str(tmp_path / "lostcli"), "prompt", BUNDLED, config)
    assert found is not None and found[0] == str(entry)
    assert entry.read_bytes() == found[1] + f"{RELEASE}\t{TITLES}\t\t\t\t\t\t".encode()
    entry.write_bytes(found[1] + payload)
    assert lostcli_prompt("--format", "{title}", env=env).stdout == "Starlight\n"
    assert entry.read_bytes() == found[1] + f"{RELEASE}\t{TITLES}\t\t\t\t\t\t".encode()


@pytest.mark.slow
def test_cache_tells_relative_paths_in_different_directories_apart(
    tmp_path: Path, record_text: str
) -> None:
    for name, short in (("a", "Alpha"), ("b", "Bravo")):
        (tmp_path / name).mkdir()
        record = tmp_path / name / "film.toml"
        record.write_text(record_text.replace('short = "Starlight"', f'short = "{short}"'))
        os.utime(record, ns=(0, 10**18))  # same size, same mtime: only the directory differs
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "LOSTCLI_FILM": "film.toml"}
    titles = [
        run_process("prompt", "--format", "{title}", env=env, cwd=tmp_path / name).stdout
        for name in ("a", "b")
    ]
    assert titles == ["Alpha\n", "Bravo\n"]


def test_prompt_without_home_or_cache_still_works() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    p = subprocess.run(
        [*script(), "prompt", "--now", "@1748588400"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert (p.returncode, p.stdout) == (0, "✦ out now\n")


@pytest.mark.slow
def test_bad_record_in_prompt_exits_1(tmp_path: Path) -> None:
    p = lostcli_prompt(env={"LOSTCLI_FILM": str(tmp_path / "none.toml")})
    assert p.returncode == 1
    assert p.stderr == f"lostcli: error: {tmp_path / 'none.toml'}: no such file\n"


@pytest.mark.slow
def test_prompt_imports_no_heavy_module(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for _ in range(2):  # the second run is the usual one, with a warm cache
        p = subprocess.run(
            [sys.executable, "-X", "importtime", *script()[-1:], "prompt"],
            env=env, capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
    imported = {line.rsplit("|", 1)[-1].strip() for line in p.stderr.splitlines()}
    assert "lostcli.prompt" in imported
    for heavy in ("typer", "rich", "dateutil", "click", "tomllib", "pathlib", "json", "typing"):
        assert heavy not in imported


# lostcli's modules that a prompt that works imports (each costs about a tenth of a
# millisecond, and the prompt's whole budget is three): English is the base Locale, with no
# module of its own; errors.py is imported where a prompt fails (the failures are tested in
# process), formatting.py by the commands, itertools by line breaking.
PATH = {"lostcli", "lostcli.entry", "lostcli.context", "lostcli.text", "lostcli.files",
        "lostcli.locales", "lostcli.settings", "lostcli.prompt"}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "language"), [((), set()), (("--lang", "ko"), {"lostcli.locales.ko"})]
)
def test_a_prompt_imports_only_its_path(
    args: tuple[str, ...], language: set[str], config: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, folders = config
    path.write_text('tz = "Asia/Seoul"\n[prompt]\nformat = "{icon} {rel} {status}"\n')
    env = {**os.environ, **folders, "XDG_CACHE_HOME": str(tmp_path / "cache"), "LANG": "C"}
    for _ in range(2):  # the second run is the usual one, with a warm cache
        p = subprocess.run(
            [sys.executable, "-X", "importtime", *script()[-1:], "prompt", *args],
            env=env, capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
    imported = {line.rsplit("|", 1)[-1].strip() for line in p.stderr.splitlines() if "|" in line}
    assert {name for name in imported if name.startswith("lostcli")} == PATH | language
    assert "itertools" not in imported
    assert p.stdout.endswith(("upcoming\n", "released\n", "공개 전\n", "공개 후\n"))


def test_init_through_the_full_cli_is_listed_in_help() -> None:
    r = run("--help")
    assert "prompt" in r.out and "init" in r.out
    assert run("init", "tcsh").code == 2


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.floats(min_value=-2e9, max_value=4e9),
        st.floats(min_value=RELEASE - 3600, max_value=RELEASE + 3600),  # seconds show here
    ).map(lambda t: round(t, 3))
)
@pytest.mark.slow
def test_prompt_and_countdown_agree_to_the_second(instant: float) -> None:
    """Fractional and pre-1970 instants round down in both (a truncating prompt was a second
    later than the countdown before 1970)."""
    data = json.loads(run("countdown", "--json", "--now", f"@{instant}").out)
    assert data["seconds"] == RELEASE - math.floor(instant)
    env, _, _ = environment()
    assert prompt._now({"--now": f"@{instant}"}, env, Settings.build(env)) == math.floor(instant)
    rel, days, status = relative(data["seconds"])
    shown = run("prompt", "--now", f"@{instant}", "--format", "{rel}|{days}|{status}").out
    assert shown == f"{rel}|{days}|{status}\n"


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (3 * DAY + 4 * 3600 + 720, "3일 4시간"),
        (4 * 3600 + 720 + 9, "4시간 12분"),
        (61, "1분 1초"),
        (0, "공개 중"),
        (-544 * DAY - 5, "544일 전"),
    ],
)
def test_the_korean_segment(delta: int, text: str) -> None:
    assert relative(delta, "ko")[0] == text
    assert run("prompt", "--lang", "ko", "--now", f"@{RELEASE - delta}").out == f"✦ {text}\n"


def test_the_title_is_in_the_language_of_the_run(tmp_path: Path, record_text: str) -> None:
    """Issue 22, item 5: `{title}` was `Starlight` in Korean too; a record with no Korean short
    title keeps the English one."""
    for args in ([], ["--lang", "ko"]):  # the fast path, then the full CLI
        shown = run(*args, "prompt", "--format", "{title}").out
        assert shown == ("이 별에 필요한\n" if args else "Starlight\n")
    record = tmp_path / "film.toml"
    record.write_text(record_text.replace('short = "이 별에 필요한", ', ""))
    assert run("prompt", "--lang", "ko", "--format", "{title}", env={"LOSTCLI_FILM": str(record)}
               ).out == "Starlight\n"  # fmt: skip


@pytest.mark.slow
def test_the_config_files_title_wins_in_every_language(tmp_path: Path) -> None:
    """`[prompt] title` in the config file, through Settings: prompt (fast path and cached, full
    CLI), init, and `lostcli config`."""
    (tmp_path / "lostcli").mkdir()
    (tmp_path / "lostcli" / "config.toml").write_text('[prompt]\ntitle = " 별빛   이야기 "\n')
    env = {"XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for args in ([], ["--lang", "ko"], ["--lang", "en"]):
        assert run(*args, "prompt", "--format", "{title}", env=env).out == "별빛 이야기\n"
    for _ in range(2):  # the cache entry written, then read
        p = run_process("prompt", "--lang", "ko", "--format", "{title}", env=env)
        assert p.stdout == "별빛 이야기\n"
    assert list((tmp_path / "cache" / "lostcli").glob("prompt-*"))
    assert "__lostcli_init_title='별빛 이야기'" in run("init", "bash", env=env).out
    shown = json.loads(run("config", "--json", env=env).out)["settings"]["prompt.title"]
    assert shown == {
        "value": " 별빛   이야기 ",
        "origin": str(tmp_path / "lostcli" / "config.toml"),
    }
    assert "prompt.title" not in run("config", "--json").out  # the record's, unless set


@pytest.mark.parametrize(
    ("env", "config", "args", "lang", "origin"),
    [
        ({}, "", [], "en", "default"),
        ({"LANG": "ko_KR.UTF-8"}, "", [], "ko", "$LANG"),
        ({"LANG": "ko_KR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "", [], "en", "$LC_MESSAGES"),
        ({"LC_ALL": "ko_KR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "", [], "ko", "$LC_ALL"),
        ({"LC_ALL": "C"}, 'lang = "ko"\n', [], "ko", "config"),
        ({"LOSTCLI_LANG": "en"}, 'lang = "ko"\n', [], "en", "$LOSTCLI_LANG"),
        ({"LOSTCLI_LANG": "en"}, 'lang = "ko"\n', ["--lang", "ko"], "ko", "--lang"),
    ],
)  # fmt: skip
@pytest.mark.slow
def test_the_language_is_chosen_in_order(
    env: dict[str, str], config: str, args: list[str], lang: str, origin: str, tmp_path: Path
) -> None:
    """The option, then LOSTCLI_LANG, then the config file, then the locale (LC_ALL, LC_MESSAGES,
    LANG, as POSIX orders them), then English."""
    (tmp_path / "lostcli").mkdir()
    (tmp_path / "lostcli" / "config.toml").write_text(config)
    full = {"XDG_CONFIG_HOME": str(tmp_path), "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", **env}
    shown = json.loads(run(*args, "config", "--json", env=full).out)["settings"]["lang"]
    where = str(tmp_path / "lostcli" / "config.toml") if origin == "config" else origin
    assert shown == {"value": lang, "origin": where}
    segment = run(*args, "prompt", "--now", f"@{RELEASE - DAY}", env=full).out
    assert segment == ("✦ 1일\n" if lang == "ko" else "✦ 1d 00h\n")
    fast = run_process("prompt", *args, "--now", f"@{RELEASE - DAY}", env=full).stdout
    assert fast == segment  # the fast path, in a real process, agrees
