"""Median wall time of lostcli's commands against baselines measured in the same run.

    python bench/startup.py [--runs N]

Run it with the interpreter of the environment where lostcli is installed. Commands are
interleaved round by round, so a noisy machine slows all of them alike.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
LOSTCLI = str(Path(PY).with_name("lostcli"))
NOW = "--now=2026-11-25T03:00Z"

COMMANDS = {
    "python -c pass": [PY, "-c", "pass"],
    "typer+rich hello": [PY, str(HERE / "hello.py")],
    "lostcli prompt": [LOSTCLI, "prompt"],
    "lostcli --version": [LOSTCLI, "--version"],
    "lostcli info": [LOSTCLI, "info", NOW],
    "lostcli countdown": [LOSTCLI, "countdown", NOW],
    "lostcli credits": [LOSTCLI, "credits"],
    "lostcli curiosities": [LOSTCLI, "curiosities"],
    "lostcli signal": [LOSTCLI, "signal", NOW],
    "lostcli info (ko)": [LOSTCLI, "--lang", "ko", "info", NOW],
    # with a config file (CONFIG_HOME below): read through the prompt's cache, parsed by the rest
    "lostcli prompt +config": [LOSTCLI, "prompt"],
    "lostcli info +config": [LOSTCLI, "info", NOW],
}
CONFIG_HOME = tempfile.mkdtemp(prefix="lostcli-bench-")
atexit.register(shutil.rmtree, CONFIG_HOME, ignore_errors=True)
Path(CONFIG_HOME, "lostcli").mkdir()
Path(CONFIG_HOME, "lostcli", "config.toml").write_text(
    'tz = "Asia/Seoul"\ncolor = "auto"\n[prompt]\nformat = "{icon} {rel}"\nascii = false\n'
)
ENVIRONMENTS = {
    name: {**os.environ, "XDG_CONFIG_HOME": CONFIG_HOME} if name.endswith("+config") else None
    for name in COMMANDS
}
# (command, baseline, target ratio or None to only report)
RATIOS = [  # the targets, for a quiet machine
    ("lostcli prompt", "python -c pass", 1.2),
    ("lostcli --version", "python -c pass", 1.5),
    ("lostcli info", "python -c pass", 9.5),
    ("lostcli countdown", "python -c pass", 9.5),
    ("lostcli credits", "python -c pass", 9.5),
    ("lostcli curiosities", "python -c pass", 9.5),
    ("lostcli signal", "python -c pass", 11),
    ("lostcli info (ko)", "lostcli info", 1.05),
    ("lostcli prompt +config", "python -c pass", 1.2),
    ("lostcli info +config", "python -c pass", 9.5),
    ("typer+rich hello", "python -c pass", None),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs + 3):
        for name, argv in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(
                argv,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=ENVIRONMENTS[name],
                check=True,
            )
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(t[3:]) for name, t in times.items()}  # 3 warm-up rounds
    for name, median in medians.items():
        print(f"{name:<22} {median * 1000:7.1f} ms")
    failed = False
    for name, base, target in RATIOS:
        ratio = medians[name] / medians[base]
        verdict = "" if target is None else ("  ok" if ratio <= target else f"  over {target}x")
        failed |= verdict.startswith("  over")
        print(f"{name} / {base}: {ratio:.2f}x{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
