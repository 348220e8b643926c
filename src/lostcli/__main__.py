#!python
# `python -m lostcli`, and the `lostcli` command itself: installers put this file in the
# environment's bin/ with the shebang pointing at its Python (pyproject.toml, shared-scripts).
from lostcli.entry import main

raise SystemExit(main())
