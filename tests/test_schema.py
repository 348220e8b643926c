"""The record schema, declared with msgspec: unknown keys, `lostcli schema`, and the JSON Schema
checked by an independent validator (jsonschema) against the bundled record."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import msgspec
import pytest
import typer

from tests.conftest import BUNDLED, LATER, run


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
        .replace('rating = "PG"', 'rating = ""')
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
        "  film.ratings[1].rating: must not be empty",
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
    jsonschema.Draft202012Validator(schema).validate(record)  # checked above
    assert schema["$defs"]["Film"]["additionalProperties"] is False


def test_the_schema_refuses_what_the_loader_refuses() -> None:
    schema = json.loads(run("schema").out)
    record = json.loads(msgspec.json.encode(tomllib.loads(BUNDLED.read_text(encoding="utf-8"))))
    record["cast"][0]["nots"] = "x"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(record))
    assert errors and "nots" in errors[0].message


# Every command that prints JSON, as a script would run it: its output against its own schema.
JSON_RUNS = {
    "info": ["info", "--json", "--now", LATER],
    "synopsis": ["synopsis", "--json"],
    "credits": ["credits", "--json"],
    "curiosities": ["curiosities", "--json"],
    "countdown": ["countdown", "--json", "--now", LATER],
    "signal": ["signal", "--json", "--now", LATER],
    "trailer": ["trailer", "--json"],
    "validate": ["validate", "--json", str(BUNDLED)],
    "config": ["config", "--json"],
}


@pytest.mark.parametrize("command", sorted(JSON_RUNS))
def test_each_commands_json_satisfies_its_published_schema(command: str) -> None:
    r = run("schema", "--output", command)
    assert r.code == 0, r.err
    schema = json.loads(r.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    out = run(*JSON_RUNS[command])
    assert out.code == 0, out.err
    jsonschema.Draft202012Validator(schema).validate(json.loads(out.out))  # checked above
    # and the schema is strict: a key it does not know is refused
    extra = {**json.loads(out.out), "no_such_key": 1}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(extra))


def test_synopsis_short_satisfies_the_same_schema() -> None:
    schema = json.loads(run("schema", "--output", "synopsis").out)
    data = json.loads(run("synopsis", "--short", "--json").out)
    assert list(data) == ["logline"]
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_every_command_that_takes_json_has_a_schema() -> None:
    from lostcli import jsonout
    from lostcli.cli import app as cli

    group = typer.main.get_command(cli.app)
    takes_json = {
        name
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if not command.hidden and any("--json" in p.opts for p in command.params)
    }
    assert takes_json == set(jsonout.OUTPUTS) == set(JSON_RUNS)


def test_an_unknown_output_is_a_usage_error_naming_the_choices() -> None:
    r = run("schema", "--output", "calendar")
    assert r.code == 2
    assert "no command 'calendar' prints JSON; choose info," in r.err


def uncertain_facts(data: object, path: str = "") -> dict[str, object]:
    """Every object in a JSON document that carries a confidence, by its path."""
    found: dict[str, object] = {}
    if isinstance(data, dict):
        if "confidence" in data:
            found[path] = data
        for key, value in data.items():
            found.update(uncertain_facts(value, f"{path}.{key}"))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.update(uncertain_facts(value, f"{path}[{i}]"))
    return found


def test_an_uncertain_fact_has_one_shape_wherever_it_appears() -> None:
    """Issue 21: info gave the trailer as a bare URL and the rating's confidence as a sibling
    key, where trailer --json nested it. Now a fact is an object with `confidence`: a row with
    confidence among its keys (issue 24: each rating is such a row, labelled by country)."""
    info = json.loads(run(*JSON_RUNS["info"]).out)
    assert [(r["label"], r["confidence"]) for r in info["ratings"]] == [
        ("Korea 12+", "confirmed"),
        ("US MPA PG", "uncertain"),
    ]
    assert "rating" not in info and "rating_confidence" not in info
    assert info["trailer"] == json.loads(run("trailer", "--json").out)
    assert info["trailer"]["confidence"] == "uncertain"
    for command in ("info", "credits", "curiosities", "trailer"):
        facts = uncertain_facts(json.loads(run(*JSON_RUNS[command]).out))
        assert facts, command
        for where, fact in facts.items():
            assert isinstance(fact, dict)
            assert fact["confidence"] in ("confirmed", "uncertain"), (command, where)
            assert not any(key.endswith("_confidence") for key in fact), (command, where)


def test_the_info_schema_describes_awards() -> None:
    """Issue 24: awards are a kind of fact, in the record's schema and in info's JSON."""
    record = json.loads(run("schema").out)["$defs"]
    assert record["Film"]["properties"]["awards"]["items"] == {"$ref": "#/$defs/Award"}
    assert record["Award"]["properties"]["result"]["enum"] == ["nominated", "won"]
    info = json.loads(run("schema", "--output", "info").out)
    assert "awards" in info["$defs"]["InfoOut"]["required"]
    award = info["$defs"]["AwardOut"]
    assert award["properties"]["result"]["enum"] == ["nominated", "won"]
    assert award["additionalProperties"] is False


def test_info_keeps_the_confidence_of_the_people_it_names(tmp_path: Path) -> None:
    """info --json gave the director and writers as bare names: an uncertain one lost its
    doubt, which credits --json and the card show."""
    text = BUNDLED.read_text(encoding="utf-8")
    at = text.index('role = "Director"')
    record = tmp_path / "film.toml"
    record.write_text(text[:at] + 'confidence = "uncertain"\n' + text[at:], encoding="utf-8")
    data = json.loads(run("info", "--json", "--film", str(record), "--now", LATER).out)
    assert data["director"] == [{"name": "Han Ji-won", "confidence": "uncertain"}]
    assert {w["confidence"] for w in data["writers"]} == {"confirmed"}
    schema = json.loads(run("schema", "--output", "info").out)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert "(uncertain)" in run("info", "--film", str(record), "--now", LATER).out
