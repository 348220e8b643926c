"""Earth-Mars geometry from JPL's approximate Keplerian elements (pure: standard-library math).

Source: E. M. Standish, "Keplerian Elements for Approximate Positions of the Major Planets",
JPL Solar System Dynamics, Table 1 (mean ecliptic and equinox of J2000, valid 1800-2050). Earth is
taken at the Earth-Moon barycentre, at most about 4,700 km from Earth's centre; UTC stands in for
the ephemeris time scale, about a minute apart, which moves the planets a few thousand km. Both
are far below the 1% this module is tested to.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from lostcli.errors import LostcliError

AU_KM = 149_597_870.7
LIGHT_KM_S = 299_792.458
J2000 = datetime(2000, 1, 1, 12, tzinfo=UTC)  # JD 2451545.0
VALID = (datetime(1800, 1, 1, tzinfo=UTC), datetime(2051, 1, 1, tzinfo=UTC))
SYNODIC_DAYS = 780  # the mean Earth-Mars synodic period, rounded

Elements = tuple[float, float, float, float, float, float]  # a, e, I, L, long.peri, long.node

# Table 1: elements at J2000 and their rates per Julian century.
EARTH_MOON: tuple[Elements, Elements] = (
    (1.00000261, 0.01671123, -0.00001531, 100.46457166, 102.93768193, 0.0),
    (0.00000562, -0.00004392, -0.01294668, 35999.37244981, 0.32327364, 0.0),
)
MARS: tuple[Elements, Elements] = (
    (1.52371034, 0.09339410, 1.84969142, -4.55343205, -23.94362959, 49.55953891),
    (0.00001847, 0.00007882, -0.00813131, 19140.30268499, 0.44441088, -0.29257343),
)

Vector = tuple[float, float, float]


class OutOfRange(LostcliError):
    pass


def position(planet: tuple[Elements, Elements], when: datetime) -> Vector:
    """Heliocentric ecliptic J2000 coordinates in AU."""
    t = (when - J2000).total_seconds() / 86_400 / 36_525
    a, e, inc, mean_long, peri, node = (x0 + rate * t for x0, rate in zip(*planet, strict=True))
    arg_peri = math.radians(peri - node)
    anomaly = math.radians((mean_long - peri + 180) % 360 - 180)
    ecc = anomaly + e * math.sin(anomaly)
    for _ in range(30):  # Newton's method on Kepler's equation; converges in a handful of steps
        step = (ecc - e * math.sin(ecc) - anomaly) / (1 - e * math.cos(ecc))
        ecc -= step
        if abs(step) < 1e-12:
            break
    x = a * (math.cos(ecc) - e)
    y = a * math.sqrt(1 - e * e) * math.sin(ecc)
    cw, sw = math.cos(arg_peri), math.sin(arg_peri)
    cn, sn = math.cos(math.radians(node)), math.sin(math.radians(node))
    ci, si = math.cos(math.radians(inc)), math.sin(math.radians(inc))
    return (
        (cw * cn - sw * sn * ci) * x + (-sw * cn - cw * sn * ci) * y,
        (cw * sn + sw * cn * ci) * x + (-sw * sn + cw * cn * ci) * y,
        (sw * si) * x + (cw * si) * y,
    )


def distance_au(when: datetime) -> float:
    earth, mars = position(EARTH_MOON, when), position(MARS, when)
    return math.dist(earth, mars)


def distance_km(when: datetime) -> float:
    return distance_au(when) * AU_KM


def elongation(when: datetime) -> float:
    """The angle between the Sun and Mars as seen from Earth, in degrees."""
    earth, mars = position(EARTH_MOON, when), position(MARS, when)
    to_sun = [-c for c in earth]
    to_mars = [m - c for m, c in zip(mars, earth, strict=True)]
    cos = sum(p * q for p, q in zip(to_sun, to_mars, strict=True)) / (
        math.hypot(*to_sun) * math.hypot(*to_mars)
    )
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


class Event(NamedTuple):
    at: datetime
    distance_km: float


class Signal(NamedTuple):
    at: datetime
    distance_km: float
    elongation: float
    closest: Event  # the next closest approach
    conjunction: Event  # the next solar conjunction, when the Sun cuts contact
    previous_conjunction: Event

    @property
    def distance_au(self) -> float:
        return self.distance_km / AU_KM

    @property
    def one_way_seconds(self) -> float:
        return self.distance_km / LIGHT_KM_S

    @property
    def round_trip_seconds(self) -> float:
        return 2 * self.one_way_seconds

    @property
    def cycle_day(self) -> int:
        """Whole days since the last solar conjunction, in a cycle of about 780 days."""
        return int((self.at - self.previous_conjunction.at).total_seconds() // 86_400)


def one_way_seconds(when: datetime) -> float:
    """Light time from Earth to Mars at `when`, in seconds."""
    _check(when)
    return distance_km(when) / LIGHT_KM_S


def signal(when: datetime) -> Signal:
    _check(when)
    return Signal(
        at=when,
        distance_km=distance_km(when),
        elongation=elongation(when),
        closest=_event(_extreme(distance_au, when, +1)),
        conjunction=_event(_extreme(elongation, when, +1)),
        previous_conjunction=_event(_extreme(elongation, when, -1)),
    )


def _check(when: datetime) -> None:
    if not VALID[0] <= when < VALID[1]:
        raise OutOfRange("the orbital elements used are valid from 1800 to 2050")


def _event(at: datetime) -> Event:
    return Event(at, distance_km(at))


def _extreme(f: Callable[[datetime], float], start: datetime, direction: int) -> datetime:
    """The first local minimum of f after (or before) start, to within a minute."""
    day = timedelta(days=direction)
    # Daily steps find the valley; one synodic period always holds one.
    samples = [start + day * n for n in range(SYNODIC_DAYS + 40)]
    values = [f(t) for t in samples]
    for n in range(1, len(values) - 1):
        if values[n] <= values[n - 1] and values[n] <= values[n + 1]:
            lo, hi = sorted((samples[n - 1], samples[n + 1]))
            return _golden(f, lo, hi)
    raise OutOfRange("no minimum found")  # pragma: no cover - impossible within one period


def _golden(f: Callable[[datetime], float], lo: datetime, hi: datetime) -> datetime:
    ratio = (math.sqrt(5) - 1) / 2
    while hi - lo > timedelta(minutes=1):
        a = hi - (hi - lo) * ratio
        b = lo + (hi - lo) * ratio
        if f(a) < f(b):
            hi = b
        else:
            lo = a
    return lo + (hi - lo) / 2
