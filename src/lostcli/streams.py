"""Text views of the Environment's byte streams (context.Environment.text_streams), for code
that writes to `sys.stdout` (Typer's help and errors) or needs a live terminal stream (Rich's
Live). Standard library only; the prompt never loads it."""

import io

from lostcli.text import ERRORS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import BinaryIO


class TextOut(io.TextIOBase):
    """A text stream that encodes under the policy and hands the bytes to one of the
    environment's writers; closing it leaves the real stream open. It has no `buffer`: Click,
    given an ASCII stream, would otherwise write UTF-8 to that buffer behind the policy's back.
    The real descriptor stays reachable: Rich, on a broken pipe, points it at /dev/null itself."""

    def __init__(
        self, write: "Callable[[bytes], None]", stream: "BinaryIO | None", encoding: str, tty: bool
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
