"""The console-script entry point: builds the one Environment of the run and decides what to
import. `lostcli prompt` runs the stdlib-only prompt module and `lostcli --version` answers at
once; everything else loads the Typer CLI."""

import sys

from lostcli.context import Environment
from lostcli.errors import ExitStatus, LostcliError


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

            env.write(f"lostcli {__version__}\n")
            return ExitStatus.OK
        from lostcli.cli import main as cli_main

        return cli_main(argv, env)
    except BrokenPipeError:  # the reader went away (`lostcli info | head -1`): stop quietly
        return ExitStatus.ERROR
    except LostcliError as e:  # the prompt's and --version's output errors
        from lostcli.settings import language

        env.error(e, language(env))
        return e.status
    except KeyboardInterrupt:  # Ctrl-C before the CLI's own handling is in place
        return ExitStatus.INTERRUPTED
    except SystemExit as e:  # Click ends a broken pipe inside Typer's own output this way
        return e.code if isinstance(e.code, int) else ExitStatus.ERROR
