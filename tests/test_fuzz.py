"""Fuzzing the record loader: whatever the input, a valid Film or the project's FilmError."""

from __future__ import annotations

import json
import math
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lostcli import film
from tests.conftest import BUNDLED

pytestmark = pytest.mark.slow  # fuzzing

TEXT = BUNDLED.read_text(encoding="utf-8")
DATA = tomllib.loads(TEXT)
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parses_or_fails_cleanly(text: str) -> None:
    try:
        record = film.parse(text, "fuzz.toml")
    except film.FilmError as e:
        assert e.problems and str(e).startswith("fuzz.toml: ")
        assert "\n" not in str(e)
    else:
        assert isinstance(record, film.Film)


def toml_value(value: Any) -> str:
    """A TOML literal for any value tomllib can produce (inline tables for tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(data: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in data.items())


def test_writer_round_trips_the_bundled_record() -> None:
    assert tomllib.loads(toml_document(DATA)) == DATA
    assert film.parse(toml_document(DATA)) == film.load()


scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-7))]
        ),
    ),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def look_alike(value: Any) -> Any:
    """A value of a type Python confuses with the original (a bool is an int, a datetime a date)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return datetime.combine(value, time(), UTC)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        return [value]
    return value


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """The bundled record with some keys, at any depth, dropped or given another value."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, child in node.items():
                roll = draw(st.integers(0, 19))
                if roll == 0:
                    continue  # drop the key
                if roll == 1:
                    out[key] = draw(values)
                elif roll == 2:
                    out[key] = look_alike(child)
                else:
                    out[key] = walk(child)
            if draw(st.integers(0, 29)) == 0:
                out[draw(st.text(max_size=8))] = draw(values)  # an unexpected extra key
            return out
        if isinstance(node, list):
            return [walk(item) for item in node if draw(st.integers(0, 19))]
        return node

    result: dict[str, Any] = walk(DATA)
    return result


@FUZZ
@given(mutated())
def test_mutated_records(data: dict[str, Any]) -> None:
    parses_or_fails_cleanly(toml_document(data))


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10_000), st.text(max_size=20)), max_size=5)
)
def test_text_mutations(edits: list[tuple[int, int, str]]) -> None:
    lines = TEXT.splitlines(keepends=True)
    for kind, where, junk in edits:
        at = where % len(lines)
        if kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[at])
        elif kind == 2:
            lines[at] = lines[at][: where % (len(lines[at]) + 1)] + junk
        else:
            lines.insert(at, junk + "\n")
    parses_or_fails_cleanly("".join(lines))


@FUZZ
@given(st.dictionaries(st.text(max_size=12), values, max_size=8))
def test_random_documents(data: dict[str, Any]) -> None:
    parses_or_fails_cleanly(toml_document(data))


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    parses_or_fails_cleanly(text)
