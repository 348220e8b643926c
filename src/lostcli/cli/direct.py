"""A plain command line, run without Click (importing typer and building the command costs
about a third of a command's start-up): global options and the command's own, each
`--name=value`, `--name value` or a flag, on either side of the command, as each command module
declares them (commands/*.OPTIONS). Whatever else a command line holds (help, --version, `--`,
an unknown or abbreviated option, an argument, a missing value, `--color` without its `=`, a
flag given a value, a bad value of a global option, `prompt`, no command) is Click's to read:
`run` returns None before it writes anything, and entry.py runs the full CLI, whose words stay
the oracle."""

import importlib
from typing import Any

from lostcli.cli import failures
from lostcli.cli.session import CommandUsageError, Session, configuration
from lostcli.context import Environment
from lostcli.errors import OptionError
from lostcli.settings import ALONE, OPTIONS, Settings

# The commands read here, by name, with their module in lostcli.commands: not `validate`, whose
# argument is required, nor `completion`, which describes the Click tree, nor `prompt`, which has
# a fast path of its own in entry.py.
COMMANDS = {name: name for name in ("info", "synopsis", "credits", "curiosities", "countdown",
            "signal", "trailer", "calendar", "init", "config", "schema")}  # fmt: skip
COMMANDS["trivia"] = "curiosities"


def read(args: list[str]) -> tuple[str, Any, dict[str, str | bool], dict[str, Any]] | None:
    """The command's name and module, the global options' values by option (as argv.given reads
    them) and the command's by parameter (the last one given wins, as in Click); None for any
    other command line."""
    name, command = "", None
    given: dict[str, str | bool] = {}
    params: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if not arg.startswith("-"):
            if command is not None or arg not in COMMANDS:
                return None
            command = importlib.import_module(f"lostcli.commands.{COMMANDS[arg]}")
            name = arg
            params = {param: None if takes else False for param, takes in command.OPTIONS.values()}
            continue
        option, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        own = command.OPTIONS.get(option) if command is not None else None
        if (own is None and option not in OPTIONS) or (option in ALONE and not eq):
            return None
        takes = own[1] if own else OPTIONS[option]
        if eq and not takes:
            return None
        if takes and not eq:
            if i >= len(args) or args[i].startswith("-"):
                return None
            value, i = args[i], i + 1
        if own:
            params[own[0]] = value if takes else True
        else:
            given[option] = value if takes else True
    return (name, command, given, params) if command is not None else None


def run(args: list[str], env: Environment) -> int | None:
    """Run a plain command line as the full CLI would, or None, having written nothing."""
    found = read(args)
    if found is None or "_LOSTCLI_COMPLETE" in env.environ:  # Typer's completion protocol
        return None
    name, command, given, params = found
    configured, problem = configuration(env)
    try:
        settings = Settings.build(env, given, configured, problem)
    except OptionError:  # reported by Click's path, under its usage line
        return None
    s = Session(env, settings, name)

    def start() -> int | None:
        s.begin(name)
        status: int | None = command.run(s, **params)
        return status

    def usage(e: CommandUsageError) -> int:
        from lostcli.cli.app import command_usage  # Click's words for the usage line

        return command_usage(s, e)

    return failures.guarded(s, start, usage)
