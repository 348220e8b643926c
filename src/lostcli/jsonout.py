"""The --json shapes of every command (pure), declared once as msgspec Structs: the same
declaration gives the output and its JSON Schema (`lostcli schema --output COMMAND`). Keys are
stable; times are ISO 8601 in UTC (`...Z`) or with their offset.

One convention for facts the record may hold as uncertain: such a fact is an object with a
`confidence` key, "confirmed" or "uncertain": a row that is an object already (a rating, an award,
a crew member, a curiosity, the trailer) carries it among its own keys, and a plain value would be
wrapped as `{"value": ..., "confidence": ...}`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal

import msgspec
from msgspec import Struct

from lostcli import formatting
from lostcli.text import printable

if TYPE_CHECKING:  # only types: each command imports the engines it runs
    from lostcli.ephemeris import Event, Signal
    from lostcli.film import Award, Film, Problem, Role
    from lostcli.marsclock import MarsTime
    from lostcli.settings import Settings
    from lostcli.timeline import Countdown

Confidence = Literal["confirmed", "uncertain"]


class _Out(Struct, frozen=True, forbid_unknown_fields=True):
    """An object of the output: the schema refuses keys it does not declare."""


class Local(_Out, frozen=True):
    utc: str
    local: str
    abbreviation: str | None


class Exact(_Out, frozen=True):
    days: int
    hours: int
    minutes: int
    seconds: int


class CalendarSpan(_Out, frozen=True):
    years: int
    months: int
    days: int


class NextAnniversary(_Out, frozen=True):
    number: int
    utc: str
    local: str
    abbreviation: str | None
    seconds: int


class CountdownOut(_Out, frozen=True):
    status: Literal["upcoming", "released"]
    zone: str
    release: Local
    now: Local
    seconds: int
    exact: Exact
    calendar: CalendarSpan
    calendar_words: str
    local_date_differs: bool
    progress: float
    next_anniversary: NextAnniversary


class Titles(_Out, frozen=True):
    english: str
    korean: str
    romanized: str
    literal: str


class Release(_Out, frozen=True):
    utc: str
    local: str
    zone: str
    platform: str
    status: Literal["upcoming", "released"]


class TrailerOut(_Out, frozen=True):
    url: str
    language: str
    confidence: Confidence


class RatingOut(_Out, frozen=True):
    country: str
    system: str | None
    rating: str
    label: str  # as the card shows it: "Korea 12+", "US MPA PG"
    confidence: Confidence
    sources: list[str]


class AwardOut(_Out, frozen=True):
    name: str
    edition: int | None
    year: int
    category: str
    result: Literal["nominated", "won"]
    nominated: date | None  # the day the nominees were announced
    ceremony: date | None
    winner: str | None
    confidence: Confidence
    sources: list[str]


class PersonOut(_Out, frozen=True):
    name: str
    confidence: Confidence


class InfoOut(_Out, frozen=True):
    title: Titles
    logline: str
    release: Release
    director: list[PersonOut]
    writers: list[PersonOut]
    studio: str
    distributor: str
    language: str
    runtime_minutes: int
    ratings: list[RatingOut]
    awards: list[AwardOut]
    genres: list[str]
    setting: str
    trailer: TrailerOut
    mars_one_way_seconds: float | None


class SynopsisOut(_Out, frozen=True, omit_defaults=True):
    logline: str
    synopsis: list[str] | None = None  # left out with --short


class CrewMember(_Out, frozen=True):
    role: str
    name: str
    native: str | None
    confidence: Confidence


class RoleOut(_Out, frozen=True):
    actor: str
    character: str
    note: str | None


class Cast(_Out, frozen=True):
    original: list[RoleOut]
    english: list[RoleOut]


class CreditsOut(_Out, frozen=True):
    crew: list[CrewMember]
    cast: Cast


class CuriosityOut(_Out, frozen=True):
    number: int
    text: str
    sources: list[str]
    confidence: Confidence


class CuriositiesOut(_Out, frozen=True):
    curiosities: list[CuriosityOut]


class SettingOut(_Out, frozen=True, omit_defaults=True):
    value: str | bool
    origin: str
    warning: str | None = None  # about a value passed over for this one (in English)


class SettingsOut(_Out, frozen=True, omit_defaults=True):
    file: str | None
    settings: dict[str, SettingOut]
    error: str | None = None  # why the config file is not used


class ProblemOut(_Out, frozen=True):
    path: str
    message: str
    line: int | None


class ValidationOut(_Out, frozen=True):
    file: str
    valid: bool
    problems: list[ProblemOut]


class EventOut(_Out, frozen=True):
    utc: str
    distance_km: int


class MarsOut(_Out, frozen=True):
    sol_date: float
    sol: int
    mtc: str
    ls_degrees: float
    northern_season: str


class Blackout(_Out, frozen=True):
    start_utc: str
    end_utc: str
    days: float
    in_progress: bool


class SignalOut(_Out, frozen=True):
    now: str
    distance_km: int
    distance_au: float
    one_way_seconds: float
    arrives_utc: str
    round_trip_seconds: float
    answer_back_utc: str
    elongation_degrees: float
    next_closest_approach: EventOut
    next_solar_conjunction: EventOut
    previous_solar_conjunction: EventOut
    cycle_day: int
    blackout: Blackout
    mars: MarsOut
    mars_on_arrival: MarsOut


# What each command's --json prints: `lostcli schema --output COMMAND`.
OUTPUTS: dict[str, type[Struct]] = {
    "info": InfoOut,
    "synopsis": SynopsisOut,
    "credits": CreditsOut,
    "curiosities": CuriositiesOut,
    "countdown": CountdownOut,
    "signal": SignalOut,
    "trailer": TrailerOut,
    "validate": ValidationOut,
    "config": SettingsOut,
}


def encode(data: Struct | dict[str, Any]) -> str:
    """The JSON text of an output, indented, UTF-8 as written (no \\u escapes)."""
    return msgspec.json.format(msgspec.json.encode(data), indent=2).decode("utf-8")


def schema(command: str) -> dict[str, Any]:
    """The JSON Schema of a command's --json output."""
    found: dict[str, Any] = msgspec.json.schema(OUTPUTS[command])
    return found


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _local(moment: datetime) -> Local:
    return Local(utc=iso_utc(moment), local=moment.isoformat(), abbreviation=moment.tzname())


def countdown(cd: Countdown) -> CountdownOut:
    at = cd.anniversary.at
    return CountdownOut(
        status=cd.status,
        zone=cd.zone.name,
        release=_local(cd.release),
        now=_local(cd.now),
        seconds=cd.seconds,
        exact=Exact(*cd.exact),
        calendar=CalendarSpan(cd.calendar.years, cd.calendar.months, cd.calendar.days),
        calendar_words=formatting.calendar(*cd.calendar),
        local_date_differs=cd.date_differs,
        progress=round(cd.progress, 6),
        next_anniversary=NextAnniversary(
            number=cd.anniversary.number,
            utc=iso_utc(at),
            local=at.isoformat(),
            abbreviation=at.tzname(),
            seconds=cd.anniversary.until.total,
        ),
    )


def info(film: Film, cd: Countdown, delay: float | None) -> InfoOut:
    t = film.title
    return InfoOut(
        title=Titles(english=t.english, korean=t.korean, romanized=t.romanized, literal=t.literal),
        logline=film.about.logline,
        release=Release(
            utc=iso_utc(film.release.instant),
            local=cd.release.isoformat(),
            zone=cd.zone.name,
            platform=film.release.platform,
            status=cd.status,
        ),
        director=[PersonOut(c.name, c.confidence) for c in film.credits_for("Director")],
        writers=[PersonOut(c.name, c.confidence) for c in film.credits_for("Screenplay")],
        studio=film.about.studio,
        distributor=film.about.distributor,
        language=film.about.language,
        runtime_minutes=film.about.runtime_minutes,
        ratings=[
            RatingOut(
                r.country, r.system, r.rating, r.label(), r.confidence, _cited(film, r.sources)
            )
            for r in film.about.ratings
        ],
        awards=[_award(film, a) for a in film.awards],
        genres=list(film.about.genres),
        setting=film.about.setting,
        trailer=trailer(film),
        mars_one_way_seconds=None if delay is None else round(delay, 1),
    )


def _award(film: Film, a: Award) -> AwardOut:
    return AwardOut(
        name=a.name,
        edition=a.edition,
        year=a.year,
        category=a.category,
        result=a.result,
        nominated=a.nominated,
        ceremony=a.ceremony,
        winner=a.winner,
        confidence=a.confidence,
        sources=_cited(film, a.sources),
    )


def _cited(film: Film, sources: tuple[str, ...]) -> list[str]:
    names = {s.id: s.name for s in film.sources}
    return [names[s] for s in sources]


def synopsis(film: Film, short: bool) -> SynopsisOut:
    if short:
        return SynopsisOut(film.about.logline)
    return SynopsisOut(film.about.logline, list(film.about.paragraphs()))


def credits(film: Film) -> CreditsOut:
    def roles(version: str) -> list[RoleOut]:
        return [_role(r) for r in film.cast_for(version)]

    return CreditsOut(
        crew=[CrewMember(c.role, c.name, c.native, c.confidence) for c in film.crew],
        cast=Cast(original=roles("original"), english=roles("english")),
    )


def _role(r: Role) -> RoleOut:
    return RoleOut(actor=r.actor, character=r.character, note=r.note)


def curiosities(film: Film) -> CuriositiesOut:
    return CuriositiesOut(
        [
            CuriosityOut(i, c.text, _cited(film, c.sources), c.confidence)
            for i, c in enumerate(film.curiosities, 1)
        ]
    )


def settings(current: Settings) -> SettingsOut:
    file = current.file or ""
    origin = {"config": printable(file)}
    error = current.file_error
    return SettingsOut(
        file=printable(file) or None,
        settings={
            s.key: SettingOut(
                printable(s.value) if isinstance(s.value, str) else s.value,  # as the view shows it
                origin.get(s.origin, s.origin),
                printable(str(s.warning)) if s.warning else None,
            )
            for s in current.rows()
        },
        error=printable(str(error.message)) if error else None,
    )


def validation(path: object, problems: list[Problem]) -> ValidationOut:
    return ValidationOut(
        file=printable(str(path)),  # as the error messages show it
        valid=not problems,
        problems=[ProblemOut(p.path, str(p.message), p.line) for p in problems],
    )


def _event(event: Event) -> EventOut:
    return EventOut(utc=iso_utc(event.at), distance_km=_km(event.distance_km))


def _km(km: float) -> int:
    return int(round(km, -3))  # to a thousand km: the distances are good to about 2,000 km


def _mars(t: MarsTime) -> MarsOut:
    return MarsOut(
        sol_date=round(t.sol_date, 5),
        sol=t.sol,
        mtc=formatting.mars_clock(t.mtc_hours),
        ls_degrees=round(t.ls, 2),
        northern_season=t.season,
    )


def signal(sig: Signal) -> SignalOut:
    return SignalOut(
        now=iso_utc(sig.at),
        distance_km=_km(sig.distance_km),
        distance_au=round(sig.distance_au, 5),
        one_way_seconds=round(sig.one_way_seconds, 1),
        arrives_utc=iso_utc(sig.arrives.replace(microsecond=0)),
        round_trip_seconds=round(sig.answer_seconds, 1),
        answer_back_utc=iso_utc(sig.answer_back.replace(microsecond=0)),
        elongation_degrees=round(sig.sun_degrees, 2),
        next_closest_approach=_event(sig.closest),
        next_solar_conjunction=_event(sig.conjunction),
        previous_solar_conjunction=_event(sig.previous_conjunction),
        cycle_day=sig.cycle_day,
        blackout=Blackout(
            start_utc=iso_utc(sig.blackout.start),
            end_utc=iso_utc(sig.blackout.end),
            days=round(sig.blackout.days, 1),
            in_progress=sig.blackout.start <= sig.at,
        ),
        mars=_mars(sig.mars),
        mars_on_arrival=_mars(sig.mars_on_arrival),
    )


def trailer(film: Film) -> TrailerOut:
    t = film.trailer
    return TrailerOut(url=t.url, language=t.language, confidence=t.confidence)
