"""The attacker as a test (tests/attack.py): the attacks already reported, and the cases of a
fixed seed, each against the installed script in a process and a folder of its own. A failure
lists each case that went wrong and how; `python -m bench.fuzz` runs more cases."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # tests.attack builds its hostile records as it is imported: not at collection
    from tests.attack import Case

SEED, CASES = 20, 60

# Device nodes can be made only by root, as CI runs the suite; nothing may skip there.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0 and not os.environ.get("CI"), reason="mknod needs root"),
]


def fails_cleanly(batch: list[Case], root: Path) -> None:
    from tests.attack import attack_all, report

    failed = [(case, problems) for case, problems in attack_all(batch, root) if problems]
    if failed:
        pytest.fail(f"{len(failed)} of {len(batch)} cases:\n{report(failed)}", pytrace=False)


def test_the_reported_attacks_fail_cleanly(tmp_path: Path) -> None:
    from tests.attack import REPRODUCTIONS

    fails_cleanly(REPRODUCTIONS, tmp_path)


def test_a_fixed_seed_fails_cleanly(tmp_path: Path) -> None:
    from tests.attack import cases

    fails_cleanly(cases(SEED, CASES), tmp_path)


def test_cases_are_the_same_for_the_same_seed() -> None:
    from tests.attack import cases

    assert cases(SEED, 30) == cases(SEED, 30) != cases(SEED + 1, 30)
