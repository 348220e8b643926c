"""One module per command (pipx's pattern, the parser apart): each has `run(s, **options)`, which
does the command's work in a Session and returns its exit status (None: success), and OPTIONS,
its options as data: an option's name -> the parameter it sets and whether it takes a value.
cli/app.py declares the same options to Typer, with their help; cli/direct.py reads a plain
command line by OPTIONS alone, without Click (tests/test_direct.py holds the two equal). Nothing
here imports typer or click, and what only some runs need is imported where it is needed."""

MOMENT = {"--tz": ("tz", True), "--now": ("now", True)}
JSON = {"--json": ("as_json", False)}
EXPORT = {"--export": ("export", True)}
