"""The console-script entry point: builds the one Environment of the run and decides what to
import. `lostcli prompt` runs the stdlib-only prompt module and `lostcli --version` answers at
once; a plain command line runs its command without Click (cli/direct.py); everything else
loads the Typer CLI."""

import sys

from lostcli.context import Environment


def main() -> int:
    return run(sys.argv[1:], Environment.from_process())


def run(argv: list[str], env: Environment) -> int:
    try:
        if argv[:1] == ["prompt"] and not {"-h", "--help", "--version"} & set(argv):
            # Prompt speed: this path never imports typer, rich or dateutil.
            from lostcli import prompt

            return prompt.main(argv[1:], env)
        if argv == ["--version"]:
            from lostcli import __version__
            from lostcli.errors import ExitStatus

            env.write(f"lostcli {__version__}\n")
            return ExitStatus.OK
        from lostcli.cli import direct

        status = direct.run(argv, env)
        if status is not None:
            return status
        from lostcli.cli.app import main as cli_main

        return cli_main(argv, env)
    except BaseException as e:  # errors.py only now: a prompt that works never imports it
        return _ended(e, env)


def _ended(e: BaseException, env: Environment) -> int:
    """The exit status of a run that raised `e` outside a command's own handling (the prompt's
    fast path, --version, reading the command line): a LostcliError reported, any other error
    as the commands report theirs (cli/failures.py), never a traceback."""
    from lostcli.errors import ExitStatus, LostcliError

    if isinstance(e, BrokenPipeError):  # the reader went away (`lostcli info | head -1`)
        return ExitStatus.ERROR
    if isinstance(e, LostcliError):  # the prompt's and --version's output errors
        from lostcli.settings import language

        env.error(e, language(env))
        return e.status
    if isinstance(e, KeyboardInterrupt):  # Ctrl-C before the CLI's own handling is in place
        return ExitStatus.INTERRUPTED
    if isinstance(e, SystemExit):  # Click ends a broken pipe inside Typer's own output this way
        return e.code if isinstance(e.code, int) else ExitStatus.ERROR
    if not isinstance(e, Exception):
        raise e
    from lostcli.cli.failures import internal
    from lostcli.settings import language

    internal(e, env, language(env))
    return ExitStatus.ERROR
