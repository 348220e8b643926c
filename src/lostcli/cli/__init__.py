"""The command line: `app.py` holds the command tree and `main`, `session.py` what a command
may touch, `clickfix.py` Click adapted (help, usage lines, its errors in the catalog's words) and
`argv.py` the command line before Click reads it (global options on either side)."""

from lostcli.cli.app import app, main
from lostcli.cli.clickfix import CLICK_WORDS, Group

__all__ = ["CLICK_WORDS", "Group", "app", "main"]
