"""Every failure of a command as one line on stderr and an exit status, the same on both paths
(cli/app.py's through Click, cli/direct.py's without it); no traceback reaches a user."""

from collections.abc import Callable

from lostcli.cli.session import CommandUsageError, Session
from lostcli.context import Environment
from lostcli.errors import ExitStatus, LostcliError, Message


def guarded(
    s: Session,
    command: Callable[[], int | None],
    usage: Callable[[CommandUsageError], int],
) -> int:
    """Run `command`; a usage error goes to `usage`, which shows it under its usage line."""
    try:
        status = command()
    except CommandUsageError as e:
        return usage(e)
    except LostcliError as e:
        s.env.error(e, s.lang)
        return e.status
    except (KeyboardInterrupt, EOFError):  # Click's path ends input that ended so too
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:  # the reader went away: entry.py ends quietly
        raise
    except Exception as e:
        internal(e, s.env, s.lang)
        return ExitStatus.ERROR
    return ExitStatus.OK if status is None else status


def internal(e: Exception, env: Environment, lang: str) -> None:
    """A failure of lostcli's own: one line asking for a report, or with LOSTCLI_DEBUG the
    traceback."""
    if env.environ.get("LOSTCLI_DEBUG"):
        import traceback

        from lostcli.text import ERRORS, printable

        # each line made printable on its own: env.report would escape the newlines too
        trace = "\n".join(map(printable, traceback.format_exc().rstrip().split("\n")))
        text = Message("internal error:\n{trace}", trace=trace).text(lang)
        env.write_stderr(f"lostcli: {text}\n".encode(env.stderr_encoding, ERRORS))
    else:
        failed = Message(
            "internal error: {kind}: {detail}; please report it "
            "(set LOSTCLI_DEBUG=1 for the traceback)",
            kind=type(e).__name__,
            detail=str(e),
        )
        env.report(failed, lang)
