"""The console-script entry point. It decides what to import: `lostcli prompt` runs the
stdlib-only prompt module, everything else loads the Typer CLI."""

from __future__ import annotations

import os
import sys


def main() -> int:
    for stream in (sys.stdout, sys.stderr):
        # A locale that cannot encode Korean text gets `?` in its place, not a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        from lostcli.cli import main as cli_main

        status = cli_main(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`lostcli info | head -1`): stop quietly, and keep the
        # interpreter's final flush from complaining about the same closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status
