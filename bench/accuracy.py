"""The ephemeris against JPL's DE423, 1800 to 2050: the worst errors, as docs/signal.md quotes them.

Run with the test extra installed: python -m bench.accuracy (from the repository's root)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from tests import jpl
from tests.test_ephemeris import FIRST, LAST, closest_approaches, conjunctions

from lostcli import ephemeris


def main() -> None:
    days = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days)]
    ours = np.array([ephemeris.distance_km(day) for day in days])
    theirs = jpl.distance_km(np.array([jpl.tt_jd(day) for day in days]))
    print(f"distance, every day: worst {np.max(np.abs(ours / theirs - 1)) * 100:.5f}%")
    light = [
        abs(ephemeris.one_way_seconds(day) / jpl.uplink_seconds(jpl.tt_jd(day)) - 1)
        for day in days[::30]
    ]
    print(f"one-way light time, every 30th day: worst {max(light) * 100:.5f}%")
    for name, events, pick in (
        ("closest approach", closest_approaches(), lambda s: s.closest.at),
        ("solar conjunction", conjunctions(), lambda s: s.conjunction.at),
    ):
        errors = [
            abs((pick(ephemeris.signal(when - timedelta(hours=12))) - when).total_seconds())
            for when in events
            if when - timedelta(hours=12) >= FIRST
        ]
        print(
            f"{name}: {len(errors)} events, worst {max(errors) / 60:.1f} min, "
            f"median {np.median(errors) / 60:.1f} min"
        )


if __name__ == "__main__":
    main()
