"""lostcli init [SHELL]: the shell code that puts the segment in the prompt; and the shell that
`init` and `completion` are for."""

from pathlib import Path

from lostcli import prompt
from lostcli.cli.session import Session
from lostcli.commands.prompt import FORMAT
from lostcli.errors import Message, UsageError, alternatives
from lostcli.text import quoted

OPTIONS = {**FORMAT, "--no-prompt": ("no_prompt", False)}


def run(
    s: Session,
    *,
    shell: str | None = None,
    fmt: str | None,
    ascii_icon: bool,
    no_prompt: bool,
) -> None:
    from lostcli import shells

    shell = named(s, shell, "init")
    if fmt:
        try:
            prompt.check_format(fmt)
        except UsageError as e:
            raise s.usage(e.message) from None
    release, titles = prompt.of_record(s.load_film())
    fmt, ascii_icon = s.settings.segment(fmt, ascii_icon)
    icon = prompt.ASCII_ICON if ascii_icon else prompt.ICON
    color = s.settings.color.value == "always"  # as `prompt` colours its segment
    title = s.settings.title(titles)
    snippet = shells.get(shell).init(release, fmt, icon, title, color, not no_prompt, s.lang)
    s.env.write(snippet)


def named(s: Session, shell: str | None, command: str) -> str:
    """The shell that `init` or `completion` was given, else the one $SHELL names (said on
    stderr), or a usage error naming the shells."""
    from lostcli.shells import NAMES, SHELLS

    if shell is None:
        login = s.env.environ.get("SHELL") or ""
        shell = Path(login).name
        if shell not in NAMES:
            shells = alternatives(SHELLS, "or")
            if not login:
                raise s.usage("name a shell: {shells}", shells=shells)
            raise s.usage("name a shell: {shells} ($SHELL is {value})", shells=shells,
                          value=quoted(login))  # fmt: skip
        if s.env.stdout_isatty:  # read by a person, not by `eval` at every shell's start
            s.env.report(Message("using {shell} from $SHELL", shell=shell), s.lang)
    if shell not in NAMES:
        raise s.usage(
            "unknown shell {shell}: lostcli {command} knows {shells}",
            shell=quoted(shell),
            command=command,
            shells=alternatives(SHELLS, "and"),
        )
    return shell
