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
from lostcli.errors import LostcliError

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


def record_key(path: str) -> str | None:
    """What a cache entry made from a record file is valid for: this lostcli, the file's absolute
    path (a relative LOSTCLI_FILM names another file in another directory), modification time
    and size. None for a file that cannot be read this way or is not a regular file."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return f"{__version__}\t{os.path.abspath(path)}\t{st.st_mtime_ns}\t{st.st_size}"


def store(path: str, data: bytes) -> None:
    """Write a cache file atomically (a temporary file renamed over it, so a reader sees the old
    or the new content), leave no temporary file behind, and never fail the command for it: an
    unwritable cache only costs speed."""
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as f:
            f.write(data)
        os.replace(temp, path)
    except OSError:
        try:  # noqa: SIM105 (contextlib would cost the prompt an import)
            os.unlink(temp)
        except OSError:
            pass


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

    @property
    def color(self) -> bool:
        """Colour on stdout: NO_COLOR (no-color.org) wins, then FORCE_COLOR, then a terminal
        that is not `dumb`."""
        if self.environ.get("NO_COLOR"):
            return False
        if self.environ.get("FORCE_COLOR"):
            return True
        return self.stdout_isatty and self.environ.get("TERM") != "dumb"

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
        self.write_bytes(text.encode("utf-8"))

    def write_bytes(self, data: bytes) -> None:
        """Bytes to stdout. A reader that went away raises BrokenPipeError, which the entry
        point ends quietly; any other failure (a full disk) raises OutputError."""
        if self.stdout is None:
            return
        try:
            self.stdout.write(data)
            self.stdout.flush()
        except OSError as e:
            self._abandon_stdout()
            if isinstance(e, BrokenPipeError):
                raise
            raise OutputError(f"cannot write the output: {e.strerror or e}") from None

    def error(self, message: str, usage: str | None = None) -> None:
        """`lostcli: message` on stderr, after the usage line for a usage error; never on
        stdout, even when stderr is closed."""
        text = (f"{usage}\n" if usage else "") + f"lostcli: {message}\n"
        self.write_stderr(text.encode(self.stderr_encoding, ERRORS))

    def write_stderr(self, data: bytes) -> None:
        if self.stderr is None:
            return
        try:
            self.stderr.write(data)
            self.stderr.flush()
        except (OSError, ValueError):
            pass  # nowhere left to report it

    def text_streams(self) -> tuple[io.TextIOWrapper, io.TextIOWrapper]:
        """Text views of stdout and stderr under the same policy, for code that writes to
        `sys.stdout` (Typer's help and errors) or needs a live terminal stream (Rich's Live)."""

        def wrap(
            write: Callable[[bytes], None], stream: BinaryIO | None, encoding: str, tty: bool
        ) -> io.TextIOWrapper:
            raw = _Through(write, stream.fileno if stream is not None else None, tty)
            return io.TextIOWrapper(raw, encoding=encoding, errors=ERRORS, write_through=True)  # type: ignore[arg-type]

        out = wrap(self.write_bytes, self.stdout, self.stdout_encoding, self.stdout_isatty)
        err = wrap(self.write_stderr, self.stderr, self.stderr_encoding, self.stderr_isatty)
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


class OutputError(LostcliError):
    """stdout could not take what was written (a full disk, an I/O error)."""


class _Through(io.RawIOBase):
    """What a TextIOWrapper writes goes to one of the environment's writers; closing or
    collecting the wrapper leaves the real stream open. The real descriptor stays reachable:
    Rich, on a broken pipe, points it at /dev/null itself."""

    def __init__(
        self, write: Callable[[bytes], None], fileno: Callable[[], int] | None, tty: bool
    ) -> None:
        self._write = write
        self._fileno = fileno
        self._tty = tty

    def fileno(self) -> int:
        if self._fileno is None:
            raise io.UnsupportedOperation("fileno")
        return self._fileno()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._write(bytes(data))
        return len(data)

    def isatty(self) -> bool:
        return self._tty


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"
