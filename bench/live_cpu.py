"""CPU used by `lostcli countdown --live` while it runs in a pseudo-terminal.

    python bench/live_cpu.py [--seconds 10]

Reports the process's user+system CPU time after start-up, as a share of one core.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

LOSTCLI = str(Path(sys.executable).with_name("lostcli"))


def cpu_of(pid: int) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    seconds = parser.parse_args().seconds
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "LINES": "30", "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [LOSTCLI, "countdown", "--live"], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)

    def drain(until: float) -> None:
        while (left := until - time.monotonic()) > 0:
            if select.select([leader], [], [], left)[0]:
                try:
                    os.read(leader, 65536)
                except OSError:
                    return

    drain(time.monotonic() + 2)  # let it start
    before = cpu_of(proc.pid)
    drain(time.monotonic() + seconds)
    used = cpu_of(proc.pid) - before
    proc.send_signal(signal.SIGINT)
    drain(time.monotonic() + 1)
    code = proc.wait(timeout=5)
    print(
        f"CPU over {seconds:.0f} s of --live: {used:.3f} s = {100 * used / seconds:.2f}% of a core"
    )
    print(f"exit status after Ctrl-C: {code}")
    return 0 if code == 130 else 1


if __name__ == "__main__":
    sys.exit(main())
