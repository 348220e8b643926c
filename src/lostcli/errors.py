"""Exit statuses and the project's error types (pure: no typer, no rich).

The statuses are plain ints in a namespace: an IntEnum would cost the prompt path the `enum`
import, a quarter of its start-up."""


class ExitStatus:
    OK = 0
    ERROR = 1  # bad data or a runtime failure
    USAGE = 2  # the command line or an environment value was wrong
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class LostcliError(Exception):
    """An error the user can act on; its message is printed as one line."""

    status = ExitStatus.ERROR


class UsageError(LostcliError):
    status = ExitStatus.USAGE
