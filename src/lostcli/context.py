"""The environment a run sees, built once by the entry point and injected everywhere
(the model is httpie's `Environment`). Every byte lostcli writes leaves through it.

Standard library only, and no `typing`: the prompt path uses it on every redraw.

Output policy for characters a stream cannot encode (a Latin-1 or ASCII locale): a few
typographic characters and the icon have ASCII stand-ins (`✦` -> `*`, box drawing -> `+ - |`),
anything else becomes one `?`. The stand-in is always one character for one, so Rich can apply it
before it measures text (render.py) and borders stay aligned. Machine output (`--json`,
`calendar`) is UTF-8 whatever the locale.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
import sys
import time

from lostcli import __version__
from lostcli.errors import LostcliError, Message

TYPE_CHECKING = False  # importing typing would cost the prompt a tenth of its time
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import BinaryIO

# One character for one: see the module's docstring.
ASCII_STANDINS = {
    "✦": "*", "·": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-",
    "…": ".", "━": "-", "─": "-", "│": "|", "╭": "+", "╮": "+", "╰": "+", "╯": "+",
    "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    "█": "#", "╸": "-", "╺": "-",
}  # fmt: skip
ERRORS = "lostcli-fallback"
MAX_COLUMNS = 500  # COLUMNS=1000000 must not make a view write megabytes of padding


def _standins(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(ASCII_STANDINS.get(c, "?") for c in bad), error.end


codecs.register_error(ERRORS, _standins)


def encodable(text: str, encoding: str) -> str:
    """`text` as a stream in `encoding` will show it: the policy above, one character for one."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        return text.encode(encoding, ERRORS).decode(encoding)


class NotRegularFile(OSError):
    """A FIFO, a device or a socket where a file was expected."""


def read_regular(path: str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a regular file, so that a caller can tell one too large. A
    FIFO would block and /dev/zero never end: the type is checked on the open descriptor, which
    O_NONBLOCK keeps from waiting for a FIFO's writer, before a byte is read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            import errno  # only a directory given for a file needs it

            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if not stat.S_ISREG(mode):
            raise NotRegularFile(0, "not a regular file", path)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def record_key(path: str) -> bytes | None:
    """What a cache entry made from a record file is valid for: this lostcli, the file's absolute
    path (a relative LOSTCLI_FILM names another file in another directory), device, inode,
    modification and change times and size (a file renamed or copied over another of the same
    size and mtime changes the inode or the change time). None for a file that cannot be read
    this way or is not a regular file."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    where = os.fsencode(os.path.abspath(path))
    stamp = f"{st.st_dev}:{st.st_ino}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_size}"
    return b"\t".join((__version__.encode(), where, stamp.encode())) + b"\n"


def cache_entry(
    cache_dir: str | None, kind: str, path: str, *others: str | None
) -> tuple[str, bytes] | None:
    """The cache file for what was made of the record at `path` (and of the `others` files,
    such as the config file, which need not exist), and the key its content starts with. One
    file for each set of files (two installations, or two configs, do not evict each other's),
    named by a checksum of their paths (FNV-1a: importing zlib or hashlib would cost the prompt
    more)."""
    key = record_key(path) if cache_dir else None
    if key is None or cache_dir is None:
        return None
    for other in others:
        key += (record_key(other) if other else None) or b"-\n"
    checksum = 0x811C9DC5
    for name in (path, *others):
        for byte in (os.fsencode(os.path.abspath(name)) if name else b"") + b"\0":
            checksum = ((checksum ^ byte) * 0x01000193) & 0xFFFFFFFF
    return os.path.join(cache_dir, f"{kind}-{checksum:08x}"), key


def cached(entry: tuple[str, bytes], limit: int) -> bytes | None:
    """The payload of a cache entry whose key matches, else None."""
    try:
        stored = read_regular(entry[0], limit + len(entry[1]))
    except (OSError, ValueError):
        return None
    if len(stored) > limit + len(entry[1]) or not stored.startswith(entry[1]):
        return None
    return stored[len(entry[1]) :]


def replace(path: str, data: bytes) -> None:
    """Write a file atomically: a temporary file beside it, with the permissions of the file it
    replaces (or of a new file), renamed over it, so that a reader sees the old or the new
    content and a failed write (a full disk, `ulimit -f`) leaves the old file as it was and no
    temporary file. A symbolic link is followed, not replaced. Raises OSError."""
    path = os.path.realpath(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask
    folder, name = os.path.split(path)
    temp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        try:  # noqa: SIM105 (contextlib would cost the prompt an import)
            os.unlink(temp)
        except OSError:
            pass
        raise


def store(path: str, data: bytes) -> None:
    """Write a cache file as `replace` does, never failing the command for it: an unwritable
    cache only costs speed."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        replace(path, data)
    except OSError:
        pass


def quoted(text: str) -> str:
    """`'name'`, made printable: how messages quote what the user gave."""
    return f"'{printable(text)}'"


def printable(text: str) -> str:
    """Text from outside (file names, arguments) made safe to show on one line of a terminal:
    control characters escaped as Python writes them (`\\n`, `\\x1b`), and the bytes of a name
    that was not UTF-8 shown as `\\xff`."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        code = ord(c)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif c.isprintable() or c == " ":
            out.append(c)
        else:
            out.append(repr(c)[1:-1])
    return "".join(out)


class Environment:
    """Streams (bytes), their encodings and terminal status, the environment variables, the
    clock, the terminal size and lostcli's folders. Tests build one with in-memory streams."""

    def __init__(
        self,
        *,
        stdout: BinaryIO | None,
        stderr: BinaryIO | None,
        stdout_encoding: str = "utf-8",
        stderr_encoding: str = "utf-8",
        stdout_isatty: bool = False,
        stderr_isatty: bool = False,
        environ: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.time,
        terminal_size: tuple[int, int] | None = None,
    ) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.stdout_encoding = _codec_name(stdout_encoding)
        self.stderr_encoding = _codec_name(stderr_encoding)
        self.stdout_isatty = stdout_isatty
        self.stderr_isatty = stderr_isatty
        self.environ = dict(os.environ if environ is None else environ)
        self.clock = clock
        self._terminal_size = terminal_size
        self._abandoned = False
        # Set from the command line and the config file once they are read (cli.py).
        self.color_option: str | None = None
        self.color_config: str | None = None
        self.lang_option: str | None = None
        self.lang_config: str | None = None
        self.paging = True

    @classmethod
    def from_process(cls) -> Environment:
        def parts(stream: io.TextIOWrapper | None) -> tuple[BinaryIO | None, str, bool]:
            if stream is None:  # the descriptor was closed when Python started
                return None, "utf-8", False
            try:
                tty = stream.isatty()
            except ValueError:
                tty = False
            return getattr(stream, "buffer", None), stream.encoding or "utf-8", tty

        out, out_enc, out_tty = parts(sys.stdout)  # type: ignore[arg-type]
        err, err_enc, err_tty = parts(sys.stderr)  # type: ignore[arg-type]
        return cls(
            stdout=out,
            stderr=err,
            stdout_encoding=out_enc,
            stderr_encoding=err_enc,
            stdout_isatty=out_tty,
            stderr_isatty=err_tty,
        )

    def color_source(self) -> tuple[str, str]:
        """(auto, always or never; where that comes from): --color, then NO_COLOR (no-color.org),
        then FORCE_COLOR, then the config file."""
        for value, origin in (
            (self.color_option, "--color"),
            ("never" if self.environ.get("NO_COLOR") else None, "$NO_COLOR"),
            ("always" if self.environ.get("FORCE_COLOR") else None, "$FORCE_COLOR"),
            (self.color_config, "config"),
        ):
            if value:
                return value, origin
        return "auto", "default"

    def lang_source(self) -> tuple[str, str]:
        """(en or ko; where that comes from): --lang, then LOSTCLI_LANG, then the config file,
        then the locale as POSIX orders it (LC_ALL, LC_MESSAGES, LANG: ko_KR.UTF-8 and the like
        are Korean); English otherwise."""
        for value, origin in (
            (self.lang_option, "--lang"),
            (self.environ.get("LOSTCLI_LANG"), "$LOSTCLI_LANG"),
            (self.lang_config, "config"),
        ):
            if value:
                return ("ko" if value.lower().startswith("ko") else "en"), origin
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = self.environ.get(var)
            if value:
                return ("ko" if value.startswith("ko") else "en"), f"${var}"
        return "en", "default"

    @property
    def lang(self) -> str:
        return self.lang_source()[0]

    @property
    def color(self) -> bool:
        """Colour on stdout: as color_source says; `auto` is a terminal that is not `dumb`."""
        choice = self.color_source()[0]
        if choice != "auto":
            return choice == "always"
        return self.stdout_isatty and self.environ.get("TERM") != "dumb"

    @property
    def pager(self) -> str | None:
        """The pager command for output taller than the terminal, as git chooses one:
        LOSTCLI_PAGER, then PAGER, then `less`; none when it is empty or `cat`, with
        --no-pager, or when stdout is not a terminal."""
        command = self.environ.get("LOSTCLI_PAGER", self.environ.get("PAGER", "less"))
        if not (self.paging and self.stdout_isatty and self.stdout is not None):
            return None
        return None if command.strip() in ("", "cat") else command

    def page(self, text: str) -> None:
        """Text through the pager, which writes to the terminal itself; written directly if the
        pager cannot be started. `less` is given git's defaults (LESS=FRX): colours shown, and it
        quits at once when the text fits after all."""
        import subprocess

        command = self.pager
        assert command is not None and self.stdout is not None
        environ = {"LESS": "FRX", "LV": "-c", **self.environ}
        data = text.encode(self.stdout_encoding, ERRORS)
        try:
            terminal = self.stdout.fileno()  # in-process tests have none: no pager
            # The shell reads the command, as git and man do: PAGER may hold options.
            done = subprocess.run(
                command, shell=True, input=data, stdout=terminal, env=environ, check=False
            )
        except (OSError, ValueError, io.UnsupportedOperation):
            self.write_bytes(data)
            return
        if done.returncode == 127:  # the shell found no such command
            self.write_bytes(data)

    @property
    def columns(self) -> int:
        return self.terminal_size[0]

    @property
    def terminal_size(self) -> tuple[int, int]:
        """(columns, lines): COLUMNS and LINES first, then the terminal, then 80 x 25."""
        if self._terminal_size is None:
            size = [80, 25]
            if self.stdout_isatty and self.stdout is not None:
                try:
                    real = os.get_terminal_size(self.stdout.fileno())
                except (OSError, ValueError, io.UnsupportedOperation):
                    real = os.terminal_size((0, 0))
                # A new pseudo-terminal reports 0 x 0 until someone sets its size.
                size = [n or default for n, default in zip(real, size, strict=True)]
            for i, var in enumerate(("COLUMNS", "LINES")):
                value = self.environ.get(var, "")
                if value.isascii() and value.isdigit() and int(value) > 0:
                    size[i] = int(value)
            self._terminal_size = (min(size[0], MAX_COLUMNS), size[1])
        return self._terminal_size

    @property
    def cache_dir(self) -> str | None:
        return self._folder("XDG_CACHE_HOME", ".cache")

    @property
    def config_dir(self) -> str | None:
        return self._folder("XDG_CONFIG_HOME", ".config")

    @property
    def config_file(self) -> str | None:
        folder = self.config_dir
        return os.path.join(folder, "config.toml") if folder else None

    def _folder(self, var: str, default: str) -> str | None:
        # The XDG spec: a relative path in these variables is invalid and must be ignored.
        base = self.environ.get(var, "")
        if not os.path.isabs(base):
            home = self.environ.get("HOME", "")
            base = os.path.join(home, default) if os.path.isabs(home) else ""
        return os.path.join(base, "lostcli") if base else None

    def write(self, text: str) -> None:
        """Text for a person, on stdout, in its encoding under the fallback policy."""
        self.write_bytes(text.encode(self.stdout_encoding, ERRORS))

    def write_utf8(self, text: str) -> None:
        """Machine output (`--json`, iCalendar): UTF-8 whatever the locale."""
        self.write_bytes(text.encode("utf-8", ERRORS))

    def write_bytes(self, data: bytes) -> None:
        """Bytes to stdout. A reader that went away raises BrokenPipeError, which the entry
        point ends quietly; any other failure (a full disk) raises OutputError."""
        if self.stdout is None:
            if self._abandoned:  # its failure was reported once
                return
            raise OutputError("cannot write the output: standard output is closed")
        try:
            self.stdout.write(data)
            self.stdout.flush()
        except OSError as e:
            self._abandon_stdout()
            if isinstance(e, BrokenPipeError):
                raise
            raise OutputError(
                "cannot write the output: {reason}", reason=e.strerror or str(e)
            ) from None

    def error(self, message: str | Message | LostcliError, usage: str | None = None) -> None:
        """`lostcli: error: message` on stderr in the run's language, after the usage line for
        a usage error; never on stdout, even when stderr is closed."""
        self.report(Message("error: {message}", message=_message(message)), usage)

    def warn(self, message: str | Message) -> None:
        self.report(Message("warning: {message}", message=message))

    def report(self, line: Message, usage: str | None = None) -> None:
        text = (f"{usage}\n" if usage else "") + f"lostcli: {printable(line.text(self.lang))}\n"
        self.write_stderr(text.encode(self.stderr_encoding, ERRORS))

    def write_stderr(self, data: bytes) -> None:
        if self.stderr is None:
            return
        try:
            self.stderr.write(data)
            self.stderr.flush()
        except (OSError, ValueError):
            pass  # nowhere left to report it

    def text_streams(self) -> tuple[TextOut, TextOut]:
        """Text views of stdout and stderr under the same policy, for code that writes to
        `sys.stdout` (Typer's help and errors) or needs a live terminal stream (Rich's Live)."""
        out = TextOut(self.write_bytes, self.stdout, self.stdout_encoding, self.stdout_isatty)
        err = TextOut(self.write_stderr, self.stderr, self.stderr_encoding, self.stderr_isatty)
        return out, err

    def _abandon_stdout(self) -> None:
        """Point the real descriptor at /dev/null, so that the interpreter's final flush of
        what is still buffered does not fail again and print a traceback; then stop writing."""
        try:
            if self.stdout is not None:
                os.dup2(os.open(os.devnull, os.O_WRONLY), self.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        self.stdout = None
        self._abandoned = True


class OutputError(LostcliError):
    """stdout could not take what was written (a full disk, an I/O error)."""


class TextOut(io.TextIOBase):
    """A text stream that encodes under the policy and hands the bytes to one of the
    environment's writers; closing it leaves the real stream open. It has no `buffer`: Click,
    given an ASCII stream, would otherwise write UTF-8 to that buffer behind the policy's back.
    The real descriptor stays reachable: Rich, on a broken pipe, points it at /dev/null itself."""

    def __init__(
        self, write: Callable[[bytes], None], stream: BinaryIO | None, encoding: str, tty: bool
    ) -> None:
        super().__init__()
        self._write = write
        self._stream = stream
        self._encoding = encoding
        self._tty = tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    @property
    def errors(self) -> str:  # type: ignore[override]
        return ERRORS

    def fileno(self) -> int:
        if self._stream is None:
            raise io.UnsupportedOperation("fileno")
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # Click probes with b"" whether a stream takes bytes
            raise TypeError("a text stream takes str")
        if text:  # and then with "", swallowing what that raises
            self._write(text.encode(self._encoding, ERRORS))
        return len(text)

    def isatty(self) -> bool:
        return self._tty


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"


def _message(given: str | Message | LostcliError) -> str | Message:
    return given.message if isinstance(given, LostcliError) else given
