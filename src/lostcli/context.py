"""The environment a run sees, built once by the entry point and injected everywhere
(the model is httpie's `Environment`). Every byte lostcli writes leaves through it, under the
encoding policy of text.py.

Standard library only, and no `typing`: the prompt path uses it on every redraw.
"""

import io
import os
import sys
import time

from lostcli.text import ERRORS, codec_name, printable

TYPE_CHECKING = False  # importing typing would cost the prompt a tenth of its time
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import BinaryIO

    from lostcli.errors import LostcliError, Message
    from lostcli.locales import Locale
    from lostcli.streams import TextOut

MAX_COLUMNS = 500  # COLUMNS=1000000 must not make a view write megabytes of padding


class Environment:
    """Streams (bytes), their encodings and terminal status, the environment variables, the
    clock, the terminal size and lostcli's folders. Tests build one with in-memory streams."""

    def __init__(
        self,
        *,
        stdout: "BinaryIO | None",
        stderr: "BinaryIO | None",
        stdout_encoding: str = "utf-8",
        stderr_encoding: str = "utf-8",
        stdout_isatty: bool = False,
        stderr_isatty: bool = False,
        environ: "Mapping[str, str] | None" = None,
        clock: "Callable[[], float]" = time.time,
        terminal_size: tuple[int, int] | None = None,
    ) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.stdout_encoding = codec_name(stdout_encoding)
        self.stderr_encoding = codec_name(stderr_encoding)
        self.stdout_isatty = stdout_isatty
        self.stderr_isatty = stderr_isatty
        # The process's own variables, not a copy: copying decodes each of them in Python, a
        # quarter of the prompt's run, and nothing in a run sets one.
        self.environ: Mapping[str, str] = os.environ if environ is None else dict(environ)
        self.clock = clock
        self._terminal_size = terminal_size
        self._abandoned = False

    @classmethod
    def from_process(cls) -> "Environment":
        def parts(stream: io.TextIOWrapper | None) -> "tuple[BinaryIO | None, str, bool]":
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
    def color_terminal(self) -> bool:
        """Whether stdout is a terminal that shows colour: one whose TERM is not `dumb`. Whether
        to colour is the colour setting's decision (settings.py), made with this."""
        return self.stdout_isatty and self.environ.get("TERM") != "dumb"

    def page(self, text: str, command: str) -> None:
        """Text through the pager `command`, which writes to the terminal itself; written
        directly if the pager cannot be started. `less` is given git's defaults (LESS=FRX):
        colours shown, and it quits at once when the text fits after all."""
        import subprocess

        assert self.stdout is not None
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
            from lostcli.errors import OutputError  # errors.py only when something fails

            raise OutputError("cannot write the output: standard output is closed")
        try:
            self.stdout.write(data)
            self.stdout.flush()
        except OSError as e:
            self._abandon_stdout()
            if isinstance(e, BrokenPipeError):
                raise
            from lostcli.errors import OutputError, os_reason

            raise OutputError("cannot write the output: {reason}", reason=os_reason(e)) from None

    def error(
        self,
        message: "str | Message | LostcliError",
        lang: "Locale | str",
        usage: str | None = None,
    ) -> None:
        """`lostcli: error: message` on stderr in the run's language, after the usage line for
        a usage error; never on stdout, even when stderr is closed."""
        from lostcli.errors import LostcliError, Message

        if isinstance(message, LostcliError):
            message = message.message
        self.report(Message("error: {message}", message=message), lang, usage)

    def warn(self, message: "str | Message", lang: "Locale | str") -> None:
        from lostcli.errors import Message

        self.report(Message("warning: {message}", message=message), lang)

    def report(self, line: "Message", lang: "Locale | str", usage: str | None = None) -> None:
        text = (f"{usage}\n" if usage else "") + f"lostcli: {printable(line.text(lang))}\n"
        self.write_stderr(text.encode(self.stderr_encoding, ERRORS))

    def write_stderr(self, data: bytes) -> None:
        if self.stderr is None:
            return
        try:
            self.stderr.write(data)
            self.stderr.flush()
        except (OSError, ValueError):
            pass  # nowhere left to report it

    def text_streams(self) -> "tuple[TextOut, TextOut]":
        """Text views of stdout and stderr under the same policy, for code that writes to
        `sys.stdout` (Typer's help and errors) or needs a live terminal stream (Rich's Live)."""
        from lostcli.streams import TextOut  # a class the prompt never makes

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
