"""Exit statuses, the project's error types and the messages they carry (pure: no typer, no rich).

The statuses are plain ints in a namespace: an IntEnum would cost the prompt path the `enum`
import, a quarter of its start-up. The prompt imports this module only when something fails
(each module on its path imports it where a message is made or an error raised)."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from lostcli.locales import Locale


class ExitStatus:
    OK = 0
    ERROR = 1  # bad data or a runtime failure
    USAGE = 2  # the command line or an environment value was wrong
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class Message:
    """Words for the user: an English template (the catalog's message id) and its values, put
    in the user's language only when shown, by its Locale (which also picks the particles). A
    value that is itself a Message is translated too, a callable is handed the Locale for the
    language's form (a date); any other value (a file name, a zone) is shown as given."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params

    def text(self, lang: "Locale | str" = "en") -> str:
        """The message in a language: a Locale, or its code."""
        if isinstance(lang, str):
            from lostcli.locales import get  # its words are the Locale's, asked when shown

            lang = get(lang)
        return lang.message(self.template, {k: _shown(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def _shown(value: object, locale: "Locale") -> object:
    if isinstance(value, Message):
        return value.text(locale)
    return value(locale) if callable(value) else value


def alternatives(items: tuple[str, ...] | list[str], word: str) -> Message | str:
    """`a, b or c` (word "or") or `a, b and c` (word "and"), in the language shown."""
    if len(items) < 2:
        return "".join(items)
    rest = ", ".join(items[:-1])
    if word == "or":
        return Message("{rest} or {last}", rest=rest, last=items[-1])
    return Message("{rest} and {last}", rest=rest, last=items[-1])


# The commonest reasons an OS call fails, by errno name, as message ids: the C library's words,
# so that English reads as before, and a catalog can put them in another language.
OS_REASONS = {
    "ENOENT": "No such file or directory", "EACCES": "Permission denied",
    "EPERM": "Operation not permitted", "EISDIR": "Is a directory", "ENOTDIR": "Not a directory",
    "ENOSPC": "No space left on device", "EROFS": "Read-only file system",
    "ENAMETOOLONG": "File name too long", "ELOOP": "Too many levels of symbolic links",
    "EDQUOT": "Disk quota exceeded", "EFBIG": "File too large", "EIO": "Input/output error",
}  # fmt: skip


def os_reason(error: OSError) -> Message | str:
    """Why an OS call failed, in words a catalog translates: for a common errno, its message
    id; else the error's own text (the system's, or one lostcli gave)."""
    import errno
    import os

    code = error.errno or 0
    known = OS_REASONS.get(errno.errorcode.get(code, ""))
    if known and error.strerror == os.strerror(code):  # not a text lostcli gave it
        return Message(known)
    return error.strerror or str(error)


class LostcliError(Exception):
    """An error the user can act on; its message is printed as one line."""

    status = ExitStatus.ERROR

    def __init__(self, message: str | Message, /, **params: object) -> None:
        self.message = message if isinstance(message, Message) else Message(message, **params)
        super().__init__(str(self.message))

    def text(self, lang: "Locale | str" = "en") -> str:
        return self.message.text(lang)


class UsageError(LostcliError):
    status = ExitStatus.USAGE


class OptionError(UsageError):
    """An option's value that cannot be used; `option` names the option."""

    def __init__(self, message: Message, option: str) -> None:
        super().__init__(message)
        self.option = option


class OutputError(LostcliError):
    """stdout could not take what was written (a full disk, an I/O error)."""


class NotRegularFile(OSError):
    """A FIFO, a device or a socket where a file was expected (files.read_regular)."""


class NoReader(OSError):
    """A FIFO that no process has open for reading: opening it would wait for one
    (files.write_user_file)."""
