"""The command line before Click reads it: global options moved in front of the command (they
may come before or after it), their values read for the settings, and, for a usage error, the
context it belongs to and a hint for an option on the wrong side. The command tree is handed in.
"""

from typing import Any

from lostcli.cli.clickfix import Context
from lostcli.errors import Message, OptionError, alternatives
from lostcli.settings import ALONE, OPTIONS
from lostcli.text import quoted


def options(command: Any) -> dict[str, bool]:
    """A command's option names, each with whether it takes a value."""
    return {
        name: not getattr(param, "is_flag", False)
        for param in command.params
        if param.param_type_name == "option"
        for name in (*param.opts, *param.secondary_opts)
    }


def takes_value(group: Any, option: str) -> bool:
    """Whether an option takes a value, wherever it is declared (one name, one meaning)."""
    return any(options(c).get(option, False) for c in (group, *group.commands.values()))


def _token(argv: list[str], j: int, takes: dict[str, bool]) -> tuple[list[str], int]:
    """The argument at `j`, with its value if it is an option that takes one (`takes`), as Click
    reads them, and where the next begins. An option whose value may be left out
    (settings.ALONE) is given it, written in: Click knows no such options."""
    name, eq, _ = argv[j].partition("=")
    if eq or not takes.get(name, False):
        return [argv[j]], j + 1
    if name in ALONE and (j + 1 >= len(argv) or argv[j + 1] not in ALONE[name][1]):
        return [f"{name}={ALONE[name][0]}"], j + 1
    return argv[j : j + 2], j + 2


def _before(argv: list[str], roots: dict[str, bool]) -> tuple[list[str], int]:
    """The global options before the command, as Click reads them, and where the command is."""
    before, i = [], 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "--":
        token, i = _token(argv, i, roots)
        before += token
    return before, i


def named(root: Any, argv: list[str]) -> str | None:
    """The word in the command's place, read with the options of `root` (the group without its
    commands is enough)."""
    i = _before(argv, options(root))[1]
    return argv[i] if i < len(argv) else None


def hoisted(group: Any, argv: list[str]) -> list[str]:
    """The arguments with the global options that follow the command moved before it, so that
    `lostcli info --film x.toml` means `lostcli --film x.toml info`; a global option that
    follows the command without its value is an OptionError (its value would be the command)."""
    roots = options(group)
    before, i = _before(argv, roots)
    if i >= len(argv) or argv[i] not in group.commands:
        if 0 < i < len(argv) and argv[i - 1] in ALONE and not argv[i].startswith("-"):
            # `--color foo info`: not the command foo, but a value without its `=`
            name = argv[i - 1]
            hint = Message(
                "no command {value}; a value of {option} goes after '=': {choices}",
                option=name,
                value=quoted(argv[i]),
                choices=alternatives([f"{name}={v}" for v in ALONE[name][1]], "or"),
            )
            raise OptionError(hint, name)
        return before + argv[i:]
    own = options(group.commands[argv[i]])
    moved: list[str] = []
    rest: list[str] = []
    j = i + 1
    while j < len(argv) and argv[j] != "--":
        name = argv[j].partition("=")[0]
        ours = name in own or name not in roots
        token, j = _token(argv, j, own if ours else roots)
        if not ours and roots[name] and token == [name]:
            missing = Message("Option {name} requires an argument.", name=quoted(name))
            raise OptionError(missing, name)
        (rest if ours else moved).extend(token)
    return before + moved + [argv[i]] + rest + argv[j:]


def given(group: Any, argv: list[str]) -> dict[str, str | bool]:
    """The values of the options that set something (settings.OPTIONS) among the global options
    before the command, as Click reads them (the last one given wins); an option without its
    value is left to Click to report."""
    roots, i = options(group), 0
    found: dict[str, str | bool] = {}
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "--":
        token, i = _token(argv, i, roots)
        name, eq, value = token[0].partition("=")
        if name in OPTIONS and (eq or len(token) == 2 or not OPTIONS[name]):
            found[name] = (value if eq else token[1]) if OPTIONS[name] else True
    return found


def _named(group: Any, argv: list[str]) -> int:
    """Where the command is in the arguments (their length when there is none)."""
    return next((i for i, a in enumerate(argv) if a in group.commands), len(argv))


def _option_names(args: list[str]) -> set[str]:
    """The options among the arguments, `--name=value` as `--name`."""
    return {a.partition("=")[0] for a in args}


def wrong_side(group: Any, argv: list[str], option: str | None) -> Message | None:
    """For an option given before the command that belongs after it: where it goes."""
    at = _named(group, argv)
    if not option or option not in _option_names(argv[:at]):
        return None
    owners = [name for name, c in group.commands.items() if option in options(c) and not c.hidden]
    command = argv[at] if at < len(argv) else None
    if command in owners:
        return Message(
            "(it goes after the command: lostcli {command} {option} ...)",
            command=command,
            option=option,
        )
    if owners and option not in options(group):
        return Message(
            "({option} is an option of {commands}; it goes after the command)",
            option=option,
            commands=", ".join(owners),
        )
    return None


def context(group: Any, argv: list[str], option: str | None, obj: object) -> Context:
    """The context a usage error belongs to when it has none (an option's missing or extra
    value, a bad value of a global option): the command's when the option follows it, else the
    group's."""
    root = Context(group, info_name="lostcli", obj=obj)
    at = _named(group, argv)
    if at < len(argv) and option in _option_names(argv[at:]):
        return Context(group.commands[argv[at]], parent=root, info_name=argv[at])
    return root
