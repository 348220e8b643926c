"""Exit statuses and the project's error types (pure: no typer, no rich)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # bad data or a runtime failure
    USAGE = 2  # the command line or an environment value was wrong
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class LostcliError(Exception):
    """An error the user can act on; its message is printed as one line."""

    status = ExitStatus.ERROR


class UsageError(LostcliError):
    status = ExitStatus.USAGE
