"""The clock on Mars: Mars Sol Date, Coordinated Mars Time and the season, by NASA GISS's Mars24
algorithm (Allison and McEwen 2000, as revised on the Mars24 "Algorithm and Worked Examples"
page; the step numbers below are that page's). Pure: standard-library math, and PyEphem's
Delta T before 1972.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import NamedTuple

# TAI - UTC from each date on (IERS Bulletin C; the list tzdata ships as leap-seconds.list).
LEAP_SECONDS = (
    ((1972, 1, 1), 10), ((1972, 7, 1), 11), ((1973, 1, 1), 12), ((1974, 1, 1), 13),
    ((1975, 1, 1), 14), ((1976, 1, 1), 15), ((1977, 1, 1), 16), ((1978, 1, 1), 17),
    ((1979, 1, 1), 18), ((1980, 1, 1), 19), ((1981, 7, 1), 20), ((1982, 7, 1), 21),
    ((1983, 7, 1), 22), ((1985, 7, 1), 23), ((1988, 1, 1), 24), ((1990, 1, 1), 25),
    ((1991, 1, 1), 26), ((1992, 7, 1), 27), ((1993, 7, 1), 28), ((1994, 7, 1), 29),
    ((1996, 1, 1), 30), ((1997, 7, 1), 31), ((1999, 1, 1), 32), ((2006, 1, 1), 33),
    ((2009, 1, 1), 34), ((2012, 7, 1), 35), ((2015, 7, 1), 36), ((2017, 1, 1), 37),
)  # fmt: skip
TT_MINUS_TAI = 32.184
UNIX_JD = 2440587.5
J2000_JD = 2451545.0
DAYS_PER_SOL = 1.0274912517
# B-3: the perturbations by Jupiter, Earth and Venus: amplitude (deg), period (days), phase (deg)
PERTURBERS = (
    (0.0071, 2.2353, 49.409), (0.0057, 2.7543, 168.173), (0.0039, 1.1177, 191.837),
    (0.0037, 15.7866, 21.736), (0.0021, 2.1354, 15.704), (0.0020, 2.4694, 95.528),
    (0.0018, 32.8493, 49.095),
)  # fmt: skip
SEASONS = ("spring", "summer", "autumn", "winter")  # of the northern hemisphere, by Ls


class MarsTime(NamedTuple):
    sol_date: float  # Mars Sol Date (MSD): sols since 29 Dec 1873
    mtc_hours: float  # Coordinated Mars Time: mean solar time at Mars's prime meridian
    ls: float  # areocentric solar longitude, degrees: 0 is the northern spring equinox
    mean_anomaly: float  # B-1, degrees
    fictitious_sun: float  # B-2, the angle of the fictitious mean Sun, degrees
    perturbers: float  # B-3, degrees
    equation_of_center: float  # B-4, nu - M, degrees
    equation_of_time: float  # C-1, degrees

    @property
    def sol(self) -> int:
        return math.floor(self.sol_date)

    @property
    def season(self) -> str:
        """The northern hemisphere's season (the southern one is the opposite)."""
        return SEASONS[int(self.ls // 90) % 4]


def tt_minus_utc(when: datetime) -> float:
    """Seconds from UTC to Terrestrial Time (A-4): leap seconds since 1972, Delta T before."""
    key = (when.year, when.month, when.day)
    if key < LEAP_SECONDS[0][0]:
        import ephem  # Delta T, as PyEphem's positions use it

        return float(ephem.delta_t(ephem.Date(when.astimezone(UTC).replace(tzinfo=None))))
    return TT_MINUS_TAI + next(s for start, s in reversed(LEAP_SECONDS) if key >= start)


def mars_time(when: datetime) -> MarsTime:
    jd_ut = UNIX_JD + when.timestamp() / 86_400
    jd_tt = jd_ut + tt_minus_utc(when) / 86_400
    dt = jd_tt - J2000_JD
    mean = (19.3871 + 0.52402073 * dt) % 360  # B-1
    fms = (270.3871 + 0.524038496 * dt) % 360  # B-2
    pbs = sum(a * math.cos(math.radians(0.985626 * dt / tau + phi)) for a, tau, phi in PERTURBERS)
    m = math.radians(mean)
    center = (
        (10.691 + 3.0e-7 * dt) * math.sin(m)
        + 0.623 * math.sin(2 * m)
        + 0.050 * math.sin(3 * m)
        + 0.005 * math.sin(4 * m)
        + 0.0005 * math.sin(5 * m)
        + pbs
    )  # B-4
    ls = (fms + center) % 360  # B-5
    rad = math.radians(ls)
    eot = 2.861 * math.sin(2 * rad) - 0.071 * math.sin(4 * rad) + 0.002 * math.sin(6 * rad)
    msd = (jd_tt - 2451549.5) / DAYS_PER_SOL + 44796.0 - 0.0009626  # C-2
    return MarsTime(
        sol_date=msd,
        mtc_hours=(24 * msd) % 24,  # C-3
        ls=ls,
        mean_anomaly=mean,
        fictitious_sun=fms,
        perturbers=pbs,
        equation_of_center=center,
        equation_of_time=eot - center,  # C-1
    )
