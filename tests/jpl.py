"""The oracle for the ephemeris: JPL's DE423 (the `de423` data package, read by jplephem), with
its own time scale: TT from the leap seconds that tzdata lists since 1972, and before that
Delta T by Espenak and Meeus's polynomials (NASA's eclipse pages), independent of PyEphem's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import de423
import numpy as np
from jplephem.ephem import Ephemeris

C_KM_S = 299_792.458
LEAP_LIST = Path("/usr/share/zoneinfo/leap-seconds.list")
NTP_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)
UNIX_JD = 2440587.5


@cache
def _ephemeris() -> Ephemeris:
    return Ephemeris(de423)


@cache
def leap_seconds() -> list[tuple[datetime, int]]:
    """(from when, TAI - UTC) as tzdata's leap-seconds.list gives them."""
    rows = []
    for line in LEAP_LIST.read_text(encoding="ascii").splitlines():
        if line.strip() and not line.startswith("#"):
            ntp, offset = line.split()[:2]
            rows.append((NTP_EPOCH + timedelta(seconds=int(ntp)), int(offset)))
    return rows


def delta_t(year: float) -> float:
    """TT - UT in seconds before 1972 (Espenak and Meeus, 2006)."""
    if year < 1860:
        t = year - 1800
        return (13.72 - 0.332447 * t + 0.0068612 * t**2 + 0.0041116 * t**3 - 0.00037436 * t**4
                + 0.0000121272 * t**5 - 0.0000001699 * t**6 + 0.000000000875 * t**7)  # fmt: skip
    if year < 1900:
        t = year - 1860
        return (7.62 + 0.5737 * t - 0.251754 * t**2 + 0.01680668 * t**3 - 0.0004473624 * t**4
                + t**5 / 233174)  # fmt: skip
    if year < 1920:
        t = year - 1900
        return -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    if year < 1941:
        t = year - 1920
        return 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    if year < 1961:
        t = year - 1950
        return 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    t = year - 1975
    return 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718


def tt_jd(when: datetime) -> float:
    """The Julian date in TT (DE's TDB differs by under 2 ms) of a UTC instant."""
    if when < leap_seconds()[0][0]:
        offset = delta_t(when.year + (when.timetuple().tm_yday - 0.5) / 365.25)
    else:
        offset = 32.184 + next(s for start, s in reversed(leap_seconds()) if when >= start)
    return UNIX_JD + (when.timestamp() + offset) / 86_400


def earth(jd: float | np.ndarray) -> np.ndarray:
    e = _ephemeris()
    return e.position("earthmoon", jd) - e.position("moon", jd) * e.earth_share


def mars(jd: float | np.ndarray) -> np.ndarray:
    return _ephemeris().position("mars", jd)


def sun(jd: float | np.ndarray) -> np.ndarray:
    return _ephemeris().position("sun", jd)


def distance_km(jd: float | np.ndarray) -> np.ndarray:
    """Between the centres of Earth and Mars at the same instant."""
    return np.linalg.norm(mars(jd) - earth(jd), axis=0)


def uplink_seconds(jd: float) -> float:
    """Light from Earth at jd to Mars where it is on arrival."""
    seconds = float(distance_km(jd)[0]) / C_KM_S
    for _ in range(4):
        seconds = float(np.linalg.norm(mars(jd + seconds / 86_400) - earth(jd))) / C_KM_S
    return seconds


def _astrometric(body: Callable[[float], np.ndarray], jd: float) -> np.ndarray:
    here = earth(jd).ravel()
    seen = body(jd).ravel() - here
    for _ in range(3):
        seen = body(jd - np.linalg.norm(seen) / C_KM_S / 86_400).ravel() - here
    return seen / np.linalg.norm(seen)


def sun_angle(jd: float) -> float:
    """Degrees between the Sun and Mars seen from Earth, light time included."""
    cos = float(_astrometric(mars, jd) @ _astrometric(sun, jd))
    return float(np.degrees(np.arccos(min(1.0, cos))))


def minima(f: Callable[[float], float], first: float, last: float, step: float) -> list[float]:
    """Every minimum of f in [first, last] (Julian dates), to about a second."""
    days = np.arange(first, last, step)
    values = [f(d) for d in days]
    found = []
    for i in range(1, len(days) - 1):
        if values[i] <= values[i - 1] and values[i] < values[i + 1]:
            lo, hi = days[i - 1], days[i + 1]
            while hi - lo > 1e-5:  # golden-section search
                a, b = hi - (hi - lo) * 0.618034, lo + (hi - lo) * 0.618034
                lo, hi = (lo, b) if f(a) < f(b) else (a, hi)
            found.append((lo + hi) / 2)
    return found


def crossing(f: Callable[[float], float], level: float, inside: float, outside: float) -> float:
    """Where f, below `level` at `inside` and above at `outside`, crosses it (bisection)."""
    while abs(outside - inside) > 1e-5:
        middle = (inside + outside) / 2
        inside, outside = (middle, outside) if f(middle) < level else (inside, middle)
    return (inside + outside) / 2


def utc(jd_tt: float) -> datetime:
    """The UTC instant of a TT Julian date (the offset taken at the approximate instant)."""
    rough = datetime.fromtimestamp((jd_tt - UNIX_JD) * 86_400, UTC)
    return rough - timedelta(days=tt_jd(rough) - jd_tt)
