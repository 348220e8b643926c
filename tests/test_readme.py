"""The samples of the READMEs and of docs/ are what the tool really prints (at the instant each was
taken), and the documents hold together: links, the module map."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run

ROOT = Path(__file__).resolve().parents[1]
# Every document whose samples are checked: the READMEs and the pages of docs/.
DOCUMENTS = {
    str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
    for path in [ROOT / "README.md", ROOT / "README.ko.md", *sorted((ROOT / "docs").glob("*.md"))]
}
README, README_KO = DOCUMENTS["README.md"], DOCUMENTS["README.ko.md"]
CONSOLE = r"```console\n\$ (.*)\n"  # a sample's command line

# The sample as a document shows it, and the instant it was taken at.
SAMPLES = {
    "lostcli info --tz Asia/Seoul": "2026-11-25T12:00+09:00",
    "lostcli countdown --tz Asia/Seoul --now 2025-05-27T11:47:51+09:00": None,
    "lostcli signal --tz Asia/Seoul": "2026-11-25T03:00Z",
    "lostcli trailer": None,
    "lostcli calendar --now 2026-11-25T03:00:00Z": None,
    "lostcli --lang ko info --tz Asia/Seoul": "2026-11-25T12:00+09:00",
    "lostcli --lang ko countdown --tz Asia/Seoul --now 2025-05-27T11:47:51+09:00": None,
    "lostcli --lang ko countdown --tz Koera": None,  # an error: what a terminal shows of stderr
}
# The document that shows each sample.
WHERE = {
    command: name
    for name, text in DOCUMENTS.items()
    for command in re.findall(CONSOLE, text)
    if command in SAMPLES
}


def sample(command: str, text: str | None = None) -> str:
    text = DOCUMENTS[WHERE[command]] if text is None else text
    m = re.search(r"```console\n\$ " + re.escape(command) + r"\n(.*?)```", text, re.S)
    assert m, command
    return m[1].rstrip("\n")


def output(command: str) -> str:
    """What the command prints at 80 columns, at the sample's instant (stderr after stdout)."""
    args = command.split()[1:]
    if SAMPLES[command]:
        args += ["--now", SAMPLES[command]]
    r = run(*args, env={"COLUMNS": "80"})
    assert r.code == 0 or r.err
    return "\n".join(line.rstrip() for line in (r.out + r.err).rstrip().splitlines())


@pytest.mark.parametrize("command", SAMPLES)
def test_console_samples(command: str) -> None:
    assert output(command) == "\n".join(line.rstrip() for line in sample(command).splitlines())


def test_every_sample_in_every_document_is_checked() -> None:
    shown = [c for text in DOCUMENTS.values() for c in re.findall(CONSOLE, text)]
    assert sorted(shown) == sorted(SAMPLES)  # each once, in one document


def test_json_sample() -> None:
    command = "lostcli countdown --json --tz Asia/Seoul --now 2026-11-25T03:00:00Z"
    text = DOCUMENTS["docs/json.md"]
    m = re.search(r"`" + re.escape(command) + r"`:\n\n```json\n(.*?)\n```", text, re.S)
    assert m
    assert json.loads(m[1]) == json.loads(run(*command.split()[1:]).out)


def test_every_command_is_in_the_readme() -> None:
    listed = run("--help", env={"COLUMNS": "100"}).out.split("Commands:\n")[1]
    commands = re.findall(r"^  (\w+) ", listed, re.M)
    assert len(commands) >= 10
    for command in commands:
        assert f"`lostcli {command}" in README, command


def test_the_korean_readme_has_the_same_quick_start() -> None:
    def commands(text: str) -> list[str]:
        return re.findall(r"^python3 -m venv .*$", text, re.M)

    assert commands(README_KO) == commands(README) and len(commands(README)) == 2


def test_the_korean_readme_gives_the_same_recipes_and_snippets() -> None:
    """The recipes are run by the shell and starship tests from README.md; the Korean README's
    must be the same text, and so must every shell block they share."""

    def blocks(text: str) -> dict[str, str]:
        found = re.findall(r"<!-- recipe:([\w-]+) -->\n```\w+\n(.*?)```", text, re.S)
        return dict(found)

    korean = blocks(README_KO)
    assert set(korean) == set(blocks(README))
    assert all(blocks(README)[name] == text for name, text in korean.items())

    def code(block: str) -> str:  # the comments are translated
        return re.sub(r"(?m)^#.*\n", "", block)

    shell = re.findall(r"```sh\n(.*?)```", README_KO, re.S)
    english = [code(block) for block in re.findall(r"```sh\n(.*?)```", README, re.S)]
    assert shell and all(code(block) in english for block in shell)


def test_the_links_between_documents_lead_somewhere() -> None:
    for name, text in DOCUMENTS.items():
        prose = re.sub(r"```.*?```|`[^`\n]*`", "", text, flags=re.S)
        for link in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", prose):
            assert (ROOT / name).parent.joinpath(link).exists(), (name, link)


def test_the_module_map_is_whole() -> None:
    """docs/architecture.md names every module of the package, and only what exists."""
    listed = set(re.findall(r"^\| `([^`]+)` \|", DOCUMENTS["docs/architecture.md"], re.M))
    assert all((ROOT / path).exists() for path in listed), listed
    package = ROOT / "src" / "lostcli"
    modules = {
        f"{path.relative_to(ROOT)}{'/' * path.is_dir()}"
        for folder in (package, package / "cli")
        for path in folder.iterdir()
        if (path.suffix == ".py" and not path.name.startswith("__"))
        or (path.is_dir() and (path / "__init__.py").exists() and path.name != "cli")
    }
    assert modules - listed == set()


# The exported cards the READMEs show, and the command that makes each (with --export FILE).
PICTURES = {
    "docs/info.svg": "lostcli info --tz Asia/Seoul --now 2026-11-25T12:00+09:00",
    "docs/info.ko.svg": "lostcli --lang ko info --tz Asia/Seoul --now 2026-11-25T12:00+09:00",
}


def exported(name: str, folder: Path) -> str:
    path = folder / Path(name).name
    assert run(*PICTURES[name].split()[1:], "--export", str(path), env={"COLUMNS": "80"}).code == 0
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PICTURES)
def test_the_pictures_in_the_readmes_are_current(name: str, tmp_path: Path) -> None:
    assert (ROOT / name).read_text(encoding="utf-8") == exported(name, tmp_path)
    readme = README_KO if ".ko." in name else README
    assert f"]({name})" in readme and f"`{PICTURES[name]} --export {name}`" in readme


if __name__ == "__main__":  # python -m tests.test_readme: write the samples anew from real output
    for name, original in DOCUMENTS.items():
        text = original
        for command in (c for c in SAMPLES if WHERE[c] == name):
            block = r"(```console\n\$ " + re.escape(command) + r"\n).*?```"
            text = re.sub(block, lambda m, c=command: m[1] + output(c) + "\n```", text, flags=re.S)
        if text != original:
            (ROOT / name).write_text(text, encoding="utf-8")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name in PICTURES:
            (ROOT / name).write_text(exported(name, Path(folder)), encoding="utf-8")
