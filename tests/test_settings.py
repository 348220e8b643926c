"""Settings: one object per run, decided in one place (option > environment > config file >
system > default), each value with its origin and the warning about a value passed over."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lostcli import zones
from lostcli.context import Environment
from lostcli.settings import Settings
from tests.conftest import LATER, environment, run

SOURCE = Path(__file__).resolve().parents[1] / "src" / "lostcli"


def settings(env: dict[str, str], **options: str | bool) -> Settings:
    return Settings.build(Environment(stdout=None, stderr=None, environ=env), options)


def test_a_language_lostcli_does_not_speak_is_passed_over_with_a_warning() -> None:
    """Issue 21: `LOSTCLI_LANG=fr lostcli config` showed `lang en $LOSTCLI_LANG`, no warning."""
    warning = "ignoring LOSTCLI_LANG='fr': lostcli speaks en and ko; using ko"
    data = json.loads(run("config", "--json", env={"LOSTCLI_LANG": "fr", "LANG": "ko_KR"}).out)
    assert data["settings"]["lang"] == {"value": "ko", "origin": "$LANG", "warning": warning}
    shown = run("config", env={"LOSTCLI_LANG": "fr", "LANG": "ko_KR"})
    assert shown.out.splitlines()[1].split() == ["lang", "ko", "$LANG"]
    info = run("credits", env={"LOSTCLI_LANG": "fr"})
    assert info.code == 0
    assert info.err == (
        "lostcli: warning: ignoring LOSTCLI_LANG='fr': lostcli speaks en and ko; using en\n"
    )
    # a locale name is a language too
    assert settings({"LOSTCLI_LANG": "ko_KR.UTF-8"}).lang.value == "ko"


def test_a_zone_that_is_no_zone_is_shown_as_info_uses_it() -> None:
    """Issue 21: `LOSTCLI_TZ=Nowhere lostcli config` showed it as valid; info fell back."""
    env = {"LOSTCLI_TZ": "Nowhere"}
    warning = "ignoring LOSTCLI_TZ='Nowhere': unknown time zone 'Nowhere'; using UTC"
    info = run("countdown", "--json", "--now", LATER, env=env)
    assert json.loads(info.out)["zone"] == "UTC"
    assert info.err == f"lostcli: warning: {warning}\n"
    data = json.loads(run("config", "--json", env=env).out)["settings"]["tz"]
    assert data == {"value": "UTC", "origin": "default", "warning": warning}
    shown = run("config", env={**env, "COLUMNS": "200"})
    assert shown.out.splitlines()[0].split() == ["tz", "UTC", "default"]
    assert f"warning: {warning}" in shown.out


def test_a_config_file_lang_that_is_no_language_is_a_warning(
    config: tuple[Path, dict[str, str]],
) -> None:
    path, env = config
    path.write_text('lang = "fr"\n')
    r = run("credits", env={**env, "LANG": "ko_KR.UTF-8"})
    assert r.code == 0
    assert "설정 파일의 lang='fr'" in r.err  # in the language used instead: Korean
    path.write_text('lang = "ko"\n')
    assert settings({**env, "LOSTCLI_LANG": "en"}).lang.origin == "$LOSTCLI_LANG"


@pytest.mark.parametrize("args", [["--lang", "xx", "info"], ["prompt", "--lang", "xx"]])
def test_an_options_bad_value_is_a_usage_error(args: list[str]) -> None:
    r = run(*args)
    assert (r.code, r.out) == (2, "")
    assert r.err.splitlines()[-1] == (
        "lostcli: error: Invalid value for '--lang': 'xx' is not one of 'en', 'ko'."
    )
    assert r.err.startswith("Usage: lostcli")


def test_the_zone_order(tmp_path: Path) -> None:
    """--tz, then LOSTCLI_TZ, then TZ (as the C library reads it), then the system zone."""
    env = {"LOSTCLI_TZ": "Asia/Seoul", "TZ": "Europe/London"}
    assert settings(env).zone("UTC")[0].name == "UTC"
    assert settings(env).zone()[0].name == "Asia/Seoul"
    assert settings({"TZ": ":Europe/London"}).zone()[0].name == "Europe/London"
    assert settings({"TZ": ""}).zone()[0].name == "UTC"
    zone, warning = settings({"TZ": ":Nowhere/Land"}).zone()
    assert zone == zones.UTC
    assert warning == "ignoring TZ=':Nowhere/Land': not a time zone; using UTC"
    assert settings({}).zone()[0] == zones.system_zone()
    missing = tmp_path / "none"
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Asia/Kolkata")
    assert zones.system_zone(link, missing).name == "Asia/Kolkata"
    (tmp_path / "timezone").write_text("Pacific/Honolulu\n")
    assert zones.system_zone(missing, tmp_path / "timezone").name == "Pacific/Honolulu"
    assert zones.system_zone(missing, missing) == zones.UTC


def test_a_legacy_fixed_zone_says_it_has_no_daylight_time() -> None:
    zone, warning = settings({}).zone("EST")
    assert zone.name == "EST"
    assert warning == (
        "EST is UTC-05:00 all year, without daylight saving time; "
        "for New York, use America/New_York"
    )
    assert settings({}).zone("America/New_York")[1] is None
    assert settings({"LOSTCLI_TZ": "EST"}).zone()[1] == warning


@pytest.mark.parametrize(
    ("env", "options", "value", "origin"),
    [
        ({}, {}, "less", "default"),
        ({"PAGER": "more"}, {}, "more", "$PAGER"),
        ({"PAGER": "more", "LOSTCLI_PAGER": "most"}, {}, "most", "$LOSTCLI_PAGER"),
        ({"LOSTCLI_PAGER": "", "PAGER": "more"}, {}, False, "$LOSTCLI_PAGER"),
        ({"PAGER": " cat "}, {}, False, "$PAGER"),
        ({"PAGER": "more"}, {"--no-pager": True}, False, "--no-pager"),
    ],
)
def test_the_pager(
    env: dict[str, str], options: dict[str, bool], value: str | bool, origin: str
) -> None:
    found = Settings.build(Environment(stdout=None, stderr=None, environ=env), options).pager
    assert (found.value, found.origin) == (value, origin)


def test_settings_are_frozen_and_the_environment_is_not_changed() -> None:
    """Nothing mutates the Environment after start (the options set its fields before)."""
    found = settings({})
    with pytest.raises(AttributeError):
        found.lang = found.color  # type: ignore[misc]
    with pytest.raises(AttributeError):
        found.lang.value = "ko"  # type: ignore[misc]
    from lostcli import entry

    for args in (["--lang", "ko", "--color", "always", "credits"], ["--no-pager", "config"],
                 ["prompt", "--lang", "ko"], ["--lang", "ko", "prompt"]):  # fmt: skip
        env, _, _ = environment()
        before = {k: v for k, v in vars(env).items() if not k.startswith("_")}
        assert entry.run(args, env) == 0
        assert {k: v for k, v in vars(env).items() if not k.startswith("_")} == before


def test_no_precedence_outside_settings() -> None:
    """Only settings.py reads the variables that choose a setting."""
    variables = ("NO_COLOR", "FORCE_COLOR", "LOSTCLI_LANG", "LOSTCLI_TZ", "LOSTCLI_PAGER",
                 "PAGER", "LOSTCLI_FILM", "LC_ALL", "LC_MESSAGES", "LANG", "TZ")  # fmt: skip
    read = re.compile(r"environ(?:\.get\(|\[)\s*\"(" + "|".join(variables) + r")\"")
    for module in SOURCE.rglob("*.py"):
        if module.name != "settings.py":
            assert not read.search(module.read_text(encoding="utf-8")), module
    # nor does the prompt path reach the zones' tables or a catalog to decide them
    assert "import zones" not in (SOURCE / "settings.py").read_text().split("def zone(")[0]


def test_prompt_shows_no_warning_wherever_its_options_are() -> None:
    """The fast path (`prompt --color never`) warned of nothing while the full CLI
    (`--color never prompt`) printed the settings' warnings: a prompt stays one line."""
    env = {"LOSTCLI_LANG": "fr", "LOSTCLI_TZ": "Nowhere"}
    fast = run("prompt", "--color", "never", env=env)
    full = run("--color", "never", "prompt", env=env)
    assert (fast.code, fast.err) == (full.code, full.err) == (0, "")
    assert fast.out == full.out
    assert "warning" in run("--color", "never", "info", env=env).err


def test_a_value_of_color_without_its_equals_sign_is_named_as_such() -> None:
    """`--color foo info` said "No such command 'foo'": --color's value may be left out, so a
    word after it is the command unless it is one of its values."""
    for lang, words in (
        ("en", "no command 'foo'; a value of --color goes after '='"),
        ("ko", "'foo'라는 명령은 없습니다. --color 옵션의 값은 '=' 뒤에 씁니다"),
    ):
        r = run("--lang", lang, "--color", "foo", "info")
        assert r.code == 2 and words in r.err.splitlines()[-1], r.err
        assert "--color=never" in r.err
    assert run("--color", "never", "info", "--now", "2026-01-01T00:00Z").code == 0
    assert run("--color", "info", "--now", "2026-01-01T00:00Z").code == 0
