"""Earth and Mars: their distance, the light time between them, closest approaches, solar
conjunctions and the blackout around them (pure: no typer, no rich).

Positions come from PyEphem (`ephem`), whose compiled libastro computes VSOP87. It takes UT and
moves to Terrestrial Time with its own Delta T, so the time scales are handled below this module.
Tested against JPL's DE423 from 1800 to 2050 (tests/test_ephemeris.py): distances within 0.001%,
event times within minutes. Definitions:
- distance: between the centres of Earth and Mars at the same instant (geometric);
- one way: the light time of a message sent from Earth now, to Mars where it will be when the
  message arrives; the answer back: sent on arrival, to Earth where it will be then;
- closest approach: the minimum of the distance;
- solar conjunction: the minimum of the angle between the Sun and Mars as seen from Earth (their
  astrometric positions, light time included); the blackout: while that angle is under 2 degrees,
  when mission controllers stop commanding their spacecraft.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import ephem
import msgspec

from lostcli.errors import LostcliError

# The types below are msgspec Structs (msgspec is loaded for the record anyway): a NamedTuple
# costs 0.2 ms to define, and `info`, which needs none of them, pays for this module.

TYPE_CHECKING = False
if TYPE_CHECKING:
    from lostcli.marsclock import MarsTime

AU_KM = 149_597_870.7
LIGHT_KM_S = 299_792.458
VALID = (datetime(1800, 1, 1, tzinfo=UTC), datetime(2051, 1, 1, tzinfo=UTC))
BLACKOUT_DEGREES = 2.0
DUBLIN = datetime(1899, 12, 31, 12, tzinfo=UTC)  # PyEphem's day 0 (Dublin Julian Date)
_DAY = 86_400.0
# Days either side of the differences that find a minimum's slope, measured best against DE423.
_DISTANCE_SLOPE, _ANGLE_SLOPE = 1.5, 0.1
_STEP = 60.0  # days between samples: a minimum and a maximum are always about a year apart
_CLOSE_ENOUGH = 20 / _DAY  # a search's last step: events are shown to the minute

_mars, _sun = ephem.Mars(), ephem.Sun()


class OutOfRange(LostcliError):
    pass


class Event(msgspec.Struct, frozen=True):
    at: datetime
    distance_km: float


class Blackout(msgspec.Struct, frozen=True):
    """A window in which the Sun is within BLACKOUT_DEGREES of Mars as seen from Earth."""

    start: datetime
    end: datetime

    @property
    def days(self) -> float:
        return (self.end - self.start).total_seconds() / _DAY


class Signal(msgspec.Struct, frozen=True):
    at: datetime
    distance_km: float
    one_way_seconds: float  # a message sent now, until it reaches Mars
    answer_seconds: float  # until an answer sent on arrival is back on Earth
    sun_degrees: float  # the angle between the Sun and Mars, from Earth
    closest: Event  # the next closest approach
    conjunction: Event  # the next solar conjunction
    previous_conjunction: Event
    blackout: Blackout  # the current one, or else the next
    mars: MarsTime  # the clock on Mars now
    mars_on_arrival: MarsTime  # and when a message sent now arrives

    @property
    def distance_au(self) -> float:
        return self.distance_km / AU_KM

    @property
    def arrives(self) -> datetime:
        return self.at + timedelta(seconds=self.one_way_seconds)

    @property
    def answer_back(self) -> datetime:
        return self.at + timedelta(seconds=self.answer_seconds)

    @property
    def cycle_day(self) -> int:
        """Whole days since the last solar conjunction, in a cycle of about 780 days."""
        return int((self.at - self.previous_conjunction.at).total_seconds() // _DAY)


def signal(when: datetime) -> Signal:
    from lostcli.marsclock import mars_time  # `info` asks for the light time alone

    d = _checked(when)
    up = _light_time(d, +1)
    down = _light_time(d + up / _DAY, -1)
    previous = _turning(_angle_slope, d, -1)
    following = _turning(_angle_slope, d, +1)
    # a blackout lasts two or three weeks: the last conjunction's is over after a month
    current = _blackout(previous) if d - previous < 30 else None
    return Signal(
        at=when,
        distance_km=_distance(d) * AU_KM,
        one_way_seconds=up,
        answer_seconds=up + down,
        sun_degrees=math.degrees(_sun_angle(d)),
        closest=_event(_turning(_distance_slope, d, +1)),
        conjunction=_event(following),
        previous_conjunction=_event(previous),
        blackout=current if current and current.end > when else _blackout(following),
        mars=mars_time(when),
        mars_on_arrival=mars_time(when + timedelta(seconds=up)),
    )


Point = tuple[float, float]  # heliocentric x, y in AU, on the ecliptic of date


class Sky(msgspec.Struct, frozen=True):
    """What the pictures of `signal` show: where the planets are (now, when a message sent now
    arrives, at the next closest approach and conjunction), and the delay across the cycle."""

    earth: Point
    mars: Point
    mars_on_arrival: Point
    closest: tuple[Point, Point]  # Earth, Mars
    conjunction: tuple[Point, Point]
    delays: list[tuple[datetime, float]]  # one way, seconds, from conjunction to conjunction
    blackouts: tuple[Blackout, Blackout]  # around those two conjunctions


def sky(sig: Signal, samples: int) -> Sky:
    """The pictures' data; the delays are distance over c, which a picture cannot tell from the
    light time (they differ by under 0.1%), at `samples` instants."""

    def both(when: datetime) -> tuple[Point, Point]:
        d = _dublin(when)
        return _heliocentric(_sun, d)[:2], _heliocentric(_mars, d)[:2]

    def around(conjunction: Event) -> Blackout:
        """The blackout of a conjunction: the signal's own, if it is that one's."""
        own = sig.blackout
        if own.start <= conjunction.at <= own.end:
            return own
        return _blackout(_dublin(conjunction.at))

    earth, mars = both(sig.at)
    start, end = _dublin(sig.previous_conjunction.at), _dublin(sig.conjunction.at)
    days = [start + (end - start) * n / (samples - 1) for n in range(samples)]
    return Sky(
        earth=earth,
        mars=mars,
        mars_on_arrival=both(sig.arrives)[1],
        closest=both(sig.closest.at),
        conjunction=both(sig.conjunction.at),
        delays=[(_instant(d), _distance(d) * AU_KM / LIGHT_KM_S) for d in days],
        blackouts=(around(sig.previous_conjunction), around(sig.conjunction)),
    )


def one_way_seconds(when: datetime) -> float:
    """The light time of a message sent from Earth at `when` to Mars, in seconds."""
    return _light_time(_checked(when), +1)


def distance_km(when: datetime) -> float:
    return _distance(_checked(when)) * AU_KM


def _checked(when: datetime) -> float:
    if not VALID[0] <= when < VALID[1]:
        raise OutOfRange("only 1800 to 2050, the years tested against JPL's ephemeris")
    return _dublin(when)


def _dublin(when: datetime) -> float:
    return (when - DUBLIN).total_seconds() / _DAY


def _instant(d: float) -> datetime:
    return DUBLIN + timedelta(days=d)


def _minute(d: float) -> datetime:
    """An event's instant, to the minute: what its accuracy (about a minute) allows."""
    return DUBLIN + timedelta(minutes=round(d * 1440))


def _heliocentric(body: ephem.Planet, d: float) -> tuple[float, float, float]:
    """A body's position in AU, heliocentric ecliptic of date (for the Sun: the Earth's)."""
    body.compute(d)
    lon, lat = float(body.hlon), float(body.hlat)
    r = body.earth_distance if body is _sun else body.sun_distance
    return (r * math.cos(lat) * math.cos(lon), r * math.cos(lat) * math.sin(lon), r * math.sin(lat))


def _distance(d: float) -> float:
    return math.dist(_heliocentric(_mars, d), _heliocentric(_sun, d))


def _light_time(d: float, direction: int) -> float:
    """Seconds for light leaving Earth at d to reach Mars (direction +1), or leaving Mars at d
    to reach Earth (-1): the other planet is taken where it is when the light arrives."""
    seconds = _distance(d) * AU_KM / LIGHT_KM_S
    for _ in range(3):  # each pass gains a factor of about 10,000 (the speed of Mars over c's)
        later = d + seconds / _DAY
        mars = _heliocentric(_mars, later if direction > 0 else d)
        earth = _heliocentric(_sun, d if direction > 0 else later)
        seconds = math.dist(mars, earth) * AU_KM / LIGHT_KM_S
    return seconds


def _sun_angle(d: float) -> float:
    """The angle between the Sun and Mars seen from Earth, in radians (astrometric positions)."""
    _mars.compute(d)
    _sun.compute(d)
    return float(ephem.separation((_mars.a_ra, _mars.a_dec), (_sun.a_ra, _sun.a_dec)))


def _turning(slope: Callable[[float], float], d: float, direction: int) -> float:
    """The first minimum of a curve after d (direction +1), or the last one at or before d (-1),
    as a Dublin date: found where its slope turns from falling to rising, so that one minutes
    away is found as surely as one a year away. Within a minute or so of a minimum, which side
    of it d is on is beyond the positions' precision."""
    lo, hi = (d, d + _STEP) if direction > 0 else (d - _STEP, d)
    at_lo, at_hi = slope(lo), slope(hi)
    while at_lo >= 0 or at_hi < 0:
        lo, hi = lo + _STEP * direction, hi + _STEP * direction
        if direction > 0:
            at_lo, at_hi = at_hi, slope(hi)
        else:
            at_lo, at_hi = slope(lo), at_lo
    return _root(slope, lo, hi, at_lo, at_hi)


def _root(g: Callable[[float], float], a: float, b: float, ga: float, gb: float) -> float:
    """Where g, of opposite signs at a and b, crosses zero (regula falsi, Illinois' variant:
    a handful of steps where halving would take twenty)."""
    last, kept = a, 0
    for _ in range(60):
        c = (a * gb - b * ga) / (gb - ga)
        if abs(c - last) < _CLOSE_ENOUGH or abs(b - a) < _CLOSE_ENOUGH:
            return c
        gc, last = g(c), c
        if (gc < 0) == (ga < 0):
            a, ga = c, gc
            gb, kept = (gb / 2 if kept == 1 else gb), 1  # b kept twice: halve its weight
        else:
            b, gb = c, gc
            ga, kept = (ga / 2 if kept == -1 else ga), -1
    return last


def _distance_slope(t: float) -> float:
    # Richardson's extrapolation of two central differences, wide apart: libastro keeps
    # heliocentric positions in single precision, and a narrow difference would follow its noise.
    h, f = _DISTANCE_SLOPE, _distance
    return 8 * (f(t + h) - f(t - h)) - (f(t + 2 * h) - f(t - 2 * h))


def _angle_slope(t: float) -> float:
    return _sun_angle(t + _ANGLE_SLOPE) - _sun_angle(t - _ANGLE_SLOPE)


def _event(d: float) -> Event:
    return Event(_minute(d), _distance(d) * AU_KM)


def _blackout(conjunction: float) -> Blackout:
    """The window around a conjunction in which the Sun is within BLACKOUT_DEGREES of Mars."""
    limit = math.radians(BLACKOUT_DEGREES)

    def over(t: float) -> float:
        return _sun_angle(t) - limit

    def edge(inside: float, outside: float) -> float:
        return _root(over, inside, outside, over(inside), over(outside))

    # Mars moves about half a degree a day against the Sun near conjunction: 2 degrees is days.
    return Blackout(
        _minute(edge(conjunction, conjunction - 30)), _minute(edge(conjunction, conjunction + 30))
    )
