"""The attacker of tests/attack.py on a longer run: random cases of a seed, each against the
installed script in a process and a folder of its own.

    python -m bench.fuzz [--seed S] [--cases N] [--workers W] [--reproductions] [--keep]

It prints each case that went wrong, how to make it again and what went wrong, then how many
cases had each kind of problem; exit status 1 if any did. Run it as root (it makes device nodes)
with the interpreter of the environment where lostcli is installed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.attack import REPRODUCTIONS, attack_all, cases, report

# What a problem says without its particulars: the exception, not its message; the stream, not
# the text around the control byte; the change, not the content.
KINDS = (
    re.compile(r"(Traceback: \w+)"),
    re.compile(r"(internal error|내부 오류): lostcli: (?:internal error|내부 오류): (\w+)"),
    re.compile(r"(control byte .* in [^:]+):"),
    re.compile(r"(changed outside its folder: .*?) \("),
    re.compile(r"(replaced): .*?: (a .*)"),
    re.compile(r"(peak memory)"),
    re.compile(r"(hang)"),
)


def kind(problem: str) -> str:
    for pattern in KINDS:
        if found := pattern.match(problem):
            return " ".join(found.groups())
    return problem


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reproductions", action="store_true", help="also the reported attacks")
    parser.add_argument("--keep", action="store_true", help="keep the folders of failed cases")
    opts = parser.parse_args()
    batch = (REPRODUCTIONS if opts.reproductions else []) + cases(opts.seed, opts.cases)
    root = Path(tempfile.mkdtemp(prefix="lostcli-fuzz-"))
    start, failed, kinds = time.monotonic(), [], Counter[str]()
    try:
        for case, problems in attack_all(batch, root, opts.workers):
            if problems:
                failed.append((case, problems))
                kinds.update({kind(p) for p in problems})
                print(report([(case, problems)]), end="", flush=True)
    finally:
        if opts.keep and failed:
            print(f"folders of the failed cases: {root}")
        else:
            shutil.rmtree(root)
    seconds = time.monotonic() - start
    print(f"\n{len(failed)} of {len(batch)} cases went wrong ({seconds:.0f} s):")
    for name, count in kinds.most_common():
        print(f"{count:6d}  {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
