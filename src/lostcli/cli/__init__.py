"""The command line: `app.py` holds the command tree (Typer) and `main`, `direct.py` runs a plain
command line without Click, `session.py` is what a command may touch, `failures.py` turns a
failure into one line and a status on both paths, `clickfix.py` is Click adapted (help, usage
lines, its errors in the catalog's words) and `argv.py` the command line before Click reads it
(global options on either side). Nothing is imported here: the direct path loads no Typer."""
