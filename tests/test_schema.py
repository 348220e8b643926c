"""The record schema, declared with msgspec: unknown keys, `lostcli schema`, and the JSON Schema
checked by an independent validator (jsonschema) against the bundled record."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import msgspec

from tests.conftest import BUNDLED, run


def test_a_typo_in_a_key_fails_validate_naming_key_and_path(
    tmp_path: Path, record_text: str
) -> None:
    bad = tmp_path / "film.toml"
    bad.write_text(record_text.replace('note = "her first voice role"', 'nots = "her first"'))
    r = run("validate", str(bad))
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{bad}: 1 problem",
        "  cast[0].nots: unknown key (did you mean 'note'?)",
    ]
    r = run("--film", str(bad), "info")
    assert (r.code, r.out) == (1, "")
    assert r.err == f"lostcli: error: {bad}: cast[0].nots: unknown key (did you mean 'note'?)\n"


def test_one_problem_per_table_and_item_at_least(tmp_path: Path, record_text: str) -> None:
    text = (
        record_text.replace('english = "Lost in Starlight"', "english = 1")
        .replace("runtime_minutes = 96", "runtime_minutes = -1")
        .replace('rating = "US MPA PG"', 'rating = ""')
        .replace('character = "Jay"', "character = []", 1)
        .replace('actor = "Justin H. Min"', 'actor = "x"\nextra = 1')
    )
    bad = tmp_path / "film.toml"
    bad.write_text(text)
    r = run("validate", str(bad))
    assert r.code == 1
    assert r.out.splitlines()[1:] == [
        "  title.english: expected a string, got an integer",
        "  film.runtime_minutes: must not be negative",
        "  film.rating: must not be empty",
        "  cast[1].character: expected a string, got an array",
        "  cast[3].extra: unknown key",
    ]


def test_schema_command_prints_a_schema_the_bundled_record_satisfies() -> None:
    r = run("schema")
    assert r.code == 0
    schema = json.loads(r.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    # The record as JSON: TOML dates and date-times become RFC 3339 strings.
    record = json.loads(msgspec.json.encode(tomllib.loads(BUNDLED.read_text(encoding="utf-8"))))
    jsonschema.validate(record, schema, cls=jsonschema.Draft202012Validator)
    assert schema["$defs"]["Film"]["additionalProperties"] is False


def test_the_schema_refuses_what_the_loader_refuses() -> None:
    schema = json.loads(run("schema").out)
    record = json.loads(msgspec.json.encode(tomllib.loads(BUNDLED.read_text(encoding="utf-8"))))
    record["cast"][0]["nots"] = "x"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(record))
    assert errors and "nots" in errors[0].message
