"""Reading --now into an instant (pure; stdlib only unless a free-form time needs dateutil).

A time without an offset means that wall-clock time in the chosen zone. In a DST gap (a time that
never happens) it is read with the offset in force before the gap; in an overlap (a time that
happens twice) it means the first occurrence. This is PEP 495's fold=0.
"""

from __future__ import annotations

from datetime import UTC, datetime

from lostcli.errors import UsageError
from lostcli.zones import Zone


def now() -> datetime:
    return datetime.now(UTC)


def parse(text: str, zone: Zone) -> datetime:
    """An aware UTC instant from ISO 8601, `@<unix seconds>` or anything python-dateutil reads."""
    value = text.strip()
    if not value:
        raise UsageError("--now needs a time, e.g. 2025-05-30T16:00+09:00")
    if value.startswith("@"):
        try:
            return datetime.fromtimestamp(float(value[1:]), UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"--now: not a Unix time: {text!r}") from None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = _free_form(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone.tzinfo, fold=0)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise UsageError(f"--now: out of range: {text!r}") from None


def _free_form(text: str) -> datetime:
    # dateutil's parser costs ~10 ms to import, so only times that ISO 8601 cannot read pay for it.
    import warnings

    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # an unknown zone name must not pass silently
            return parser.parse(text)
    except (ValueError, OverflowError, Warning):
        raise UsageError(
            f"--now: cannot read {text!r} as a time (try 2025-05-30T16:00+09:00)"
        ) from None
