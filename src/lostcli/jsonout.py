"""The --json shapes of every command (pure). Keys are stable; times are ISO 8601."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lostcli import formatting
from lostcli.text import printable

if TYPE_CHECKING:  # only types: each command imports the engines it runs
    from lostcli.config import Setting
    from lostcli.ephemeris import Event, Signal
    from lostcli.film import Film, Problem, Role
    from lostcli.marsclock import MarsTime
    from lostcli.timeline import Countdown


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _local(moment: datetime) -> dict[str, Any]:
    return {
        "utc": iso_utc(moment),
        "local": moment.isoformat(),
        "abbreviation": moment.tzname(),
    }


def countdown(cd: Countdown) -> dict[str, Any]:
    return {
        "status": cd.status,
        "zone": cd.zone.name,
        "release": _local(cd.release),
        "now": _local(cd.now),
        "seconds": cd.seconds,
        "exact": cd.exact._asdict(),
        "calendar": {k: getattr(cd.calendar, k) for k in ("years", "months", "days")},
        "calendar_words": formatting.calendar(*cd.calendar),
        "local_date_differs": cd.date_differs,
        "progress": round(cd.progress, 6),
        "next_anniversary": {
            "number": cd.anniversary.number,
            **_local(cd.anniversary.at),
            "seconds": cd.anniversary.until.total,
        },
    }


def info(film: Film, cd: Countdown, delay: float | None) -> dict[str, Any]:
    t = film.title
    return {
        "title": {
            "english": t.english,
            "korean": t.korean,
            "romanized": t.romanized,
            "literal": t.literal,
        },
        "logline": film.about.logline,
        "release": {
            "utc": iso_utc(film.release.instant),
            "local": cd.release.isoformat(),
            "zone": cd.zone.name,
            "platform": film.release.platform,
            "status": cd.status,
        },
        "director": [c.name for c in film.credits_for("Director")],
        "writers": [c.name for c in film.credits_for("Screenplay")],
        "studio": film.about.studio,
        "distributor": film.about.distributor,
        "language": film.about.language,
        "runtime_minutes": film.about.runtime_minutes,
        "rating": film.about.rating,
        "rating_confidence": film.about.rating_confidence,
        "genres": list(film.about.genres),
        "setting": film.about.setting,
        "trailer": film.trailer.url,
        "mars_one_way_seconds": None if delay is None else round(delay, 1),
    }


def synopsis(film: Film, short: bool) -> dict[str, Any]:
    if short:
        return {"logline": film.about.logline}
    return {"logline": film.about.logline, "synopsis": list(film.about.paragraphs())}


def credits(film: Film) -> dict[str, Any]:
    def roles(version: str) -> list[dict[str, Any]]:
        return [_role(r) for r in film.cast_for(version)]

    return {
        "crew": [
            {"role": c.role, "name": c.name, "native": c.native, "confidence": c.confidence}
            for c in film.crew
        ],
        "cast": {"original": roles("original"), "english": roles("english")},
    }


def _role(r: Role) -> dict[str, Any]:
    return {"actor": r.actor, "character": r.character, "note": r.note}


def curiosities(film: Film) -> dict[str, Any]:
    names = {s.id: s.name for s in film.sources}
    return {
        "curiosities": [
            {
                "number": i,
                "text": c.text,
                "sources": [names[s] for s in c.sources],
                "confidence": c.confidence,
            }
            for i, c in enumerate(film.curiosities, 1)
        ]
    }


def settings(found: list[Setting], file: str) -> dict[str, Any]:
    origin = {"config": printable(file)}
    return {
        "file": printable(file) or None,
        "settings": {
            s.key: {"value": s.value, "origin": origin.get(s.origin, s.origin)} for s in found
        },
    }


def validation(path: object, problems: list[Problem]) -> dict[str, Any]:
    return {
        "file": printable(str(path)),  # as the error messages show it
        "valid": not problems,
        "problems": [{"path": p.path, "message": str(p.message), "line": p.line} for p in problems],
    }


def _event(event: Event) -> dict[str, Any]:
    return {"utc": iso_utc(event.at), "distance_km": _km(event.distance_km)}


def _km(km: float) -> int:
    return int(round(km, -3))  # to a thousand km: the distances are good to about 2,000 km


def _mars(t: MarsTime) -> dict[str, Any]:
    return {
        "sol_date": round(t.sol_date, 5),
        "sol": t.sol,
        "mtc": formatting.mars_clock(t.mtc_hours),
        "ls_degrees": round(t.ls, 2),
        "northern_season": t.season,
    }


def signal(sig: Signal) -> dict[str, Any]:
    return {
        "now": iso_utc(sig.at),
        "distance_km": _km(sig.distance_km),
        "distance_au": round(sig.distance_au, 5),
        "one_way_seconds": round(sig.one_way_seconds, 1),
        "arrives_utc": iso_utc(sig.arrives.replace(microsecond=0)),
        "round_trip_seconds": round(sig.answer_seconds, 1),
        "answer_back_utc": iso_utc(sig.answer_back.replace(microsecond=0)),
        "elongation_degrees": round(sig.sun_degrees, 2),
        "next_closest_approach": _event(sig.closest),
        "next_solar_conjunction": _event(sig.conjunction),
        "previous_solar_conjunction": _event(sig.previous_conjunction),
        "cycle_day": sig.cycle_day,
        "blackout": {
            "start_utc": iso_utc(sig.blackout.start),
            "end_utc": iso_utc(sig.blackout.end),
            "days": round(sig.blackout.days, 1),
            "in_progress": sig.blackout.start <= sig.at,
        },
        "mars": _mars(sig.mars),
        "mars_on_arrival": _mars(sig.mars_on_arrival),
    }


def trailer(film: Film) -> dict[str, Any]:
    t = film.trailer
    return {"url": t.url, "language": t.language, "confidence": t.confidence}
