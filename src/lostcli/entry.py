"""The console-script entry point. It decides what to import: `lostcli prompt` runs the
stdlib-only prompt module, everything else loads the Typer CLI."""

from __future__ import annotations

import os
import sys

from lostcli.errors import ExitStatus


def main() -> int:
    argv = sys.argv[1:]
    try:
        if argv[:1] == ["prompt"]:
            # Prompt speed: this path never imports typer, rich or dateutil.
            from lostcli import prompt

            status = prompt.main(argv[1:])
        else:
            for stream in (sys.stdout, sys.stderr):
                # A locale that cannot encode Korean text gets `?` in its place, not a crash.
                if hasattr(stream, "reconfigure"):
                    stream.reconfigure(errors="replace")
            from lostcli.cli import main as cli_main

            status = cli_main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`lostcli info | head -1`): stop quietly, and keep the
        # interpreter's final flush from complaining about the same closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitStatus.ERROR
    except KeyboardInterrupt:  # Ctrl-C before the CLI's own handling is in place
        return ExitStatus.INTERRUPTED
    return status
