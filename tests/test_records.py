"""records.py, the reader the film record and the config file share, and the shape of the code
around it: the record's rows typed as what they are, and no import cycle in lostcli."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from lostcli import config, film, records
from tests.conftest import parsed, run

SOURCE = Path(__file__).resolve().parents[1] / "src"
ROWS = {"crew": "Credit", "cast": "Role", "curiosities": "Curiosity", "timeline": "Event",
        "sources": "Source"}  # fmt: skip


@pytest.mark.slow
def test_mypy_knows_the_struct_of_each_row_of_a_record(tmp_path: Path) -> None:
    """A row field typed `Any` would let a misspelt field through `mypy --strict`."""
    snippet = tmp_path / "snippet.py"
    lines = ["from lostcli import film", "record = film.load()"]
    lines += [f"record.{row}[0].no_such_field" for row in ROWS]
    lines += [f"record.{row}[0].sources" for row in ROWS if row != "sources"]  # a real field
    snippet.write_text("\n".join(lines) + "\n")
    p = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary",
         "--cache-dir", str(tmp_path / "cache"), snippet.name],
        env={**os.environ, "MYPYPATH": str(SOURCE)}, cwd=tmp_path, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    expected = [
        f'snippet.py:{i}: error: "{kind}" has no attribute "no_such_field"  [attr-defined]'
        for i, kind in enumerate(ROWS.values(), 3)
    ]
    assert (p.returncode, p.stdout.splitlines()) == (1, expected), p.stderr


@cache
def imports() -> dict[str, set[str]]:
    """lostcli's modules and the lostcli modules each imports, wherever in it (at the top, in a
    function, or for the type checker only). Only read it: the graph is shared."""

    def name(path: Path) -> str:
        parts = path.relative_to(SOURCE).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    files = {name(p): p for p in (SOURCE / "lostcli").rglob("*.py")}
    graph = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found = set()
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, *([base] if base else [])])
                found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in files else base
                          for a in node.names}  # fmt: skip
        graph[module] = found & files.keys() - {module}
    return graph


def reached(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for other in graph[todo.pop()] - seen:
            seen.add(other)
            todo.append(other)
    return seen


def test_no_module_of_lostcli_imports_itself_through_others() -> None:
    graph = imports()
    assert {"lostcli.records", "lostcli.film", "lostcli.cli"} <= graph.keys()  # it sees them all
    cycles = sorted(m for m in graph if m in reached(graph, m))
    assert cycles == [], {m: sorted(graph[m] & set(cycles)) for m in cycles}


def test_records_serves_the_record_and_the_config_file_neither_of_which_needs_the_other() -> None:
    graph = imports()
    assert reached(graph, "lostcli.records") & {"lostcli.film", "lostcli.config"} == set()
    assert "lostcli.records" in graph["lostcli.film"] & graph["lostcli.config"]
    assert "lostcli.config" not in reached(graph, "lostcli.film")
    assert "lostcli.film" not in reached(graph, "lostcli.config")
    assert not issubclass(config.ConfigError, film.FilmError)
    assert issubclass(config.ConfigError, records.RecordError)
    assert issubclass(film.FilmError, records.RecordError)


def test_a_config_file_that_is_not_utf8_names_the_line_as_a_record_does(tmp_path: Path) -> None:
    bad = b'tz = "UTC"\nlang = "\xff"\n'
    path = tmp_path / "lostcli" / "config.toml"
    path.parent.mkdir()
    path.write_bytes(bad)
    r = run("countdown", env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert (r.code, r.out, r.err) == (1, "", f"lostcli: error: {path}: line 2: not UTF-8 text\n")
    (tmp_path / "film.toml").write_bytes(bad)
    with pytest.raises(film.FilmError, match=r"film\.toml: line 2: not UTF-8 text$"):
        film.load(tmp_path / "film.toml")
