"""Rich renderables to the environment's stdout: the one place a Rich console is made.

Before Rich measures anything, every text in the view is passed through the environment's
fallback policy (context.py), so in a Latin-1 or ASCII locale Hangul becomes `?` and is measured
as one cell, and borders stay aligned. Rich itself draws ASCII boxes for a non-UTF encoding.
"""

from __future__ import annotations

import io
from typing import IO, cast

from rich.align import Align
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lostcli.context import Environment, TextOut, encodable


class _Capture(io.StringIO):
    """A string buffer that tells Rich which encoding the real stream has."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


MEASURE = 90  # the widest a page of prose or a panel gets: a readable line


def console(
    env: Environment, file: IO[str] | TextOut | None = None, measure: int = MEASURE
) -> Console:
    """A console with the environment's width (up to `measure`), colour and encoding."""
    return Console(
        file=cast("IO[str]", file) or _Capture(env.stdout_encoding),
        width=min(env.columns, measure),
        color_system="standard" if env.color else None,
        force_terminal=env.color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def show(env: Environment, view: RenderableType) -> None:
    """A view on stdout; through the pager when it is taller than the terminal."""
    out = console(env)
    out.print(fit(view, env.stdout_encoding), crop=False)  # links are never cut (views.link)
    assert isinstance(out.file, _Capture)
    text = out.file.getvalue()
    if not env.color:  # Rich pads lines to the width; a pipe or a file should not get that
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    if env.pager and text.count("\n") > env.terminal_size[1]:
        env.page(text)
    else:
        env.write(text)


def fit(view: RenderableType, encoding: str) -> RenderableType:
    """The view with every text as the encoding will show it (in place: views are built per
    call). The policy maps one character to one, so a Text's styles keep their offsets."""
    if encoding.startswith("utf"):
        return view
    if isinstance(view, str):
        return encodable(view, encoding)
    if isinstance(view, Text):
        view.plain = encodable(view.plain, encoding)
    elif isinstance(view, Group):
        view.renderables[:] = [fit(r, encoding) for r in view.renderables]
    elif isinstance(view, Panel):
        view.renderable = fit(view.renderable, encoding)
        if view.title is not None:
            view.title = fit(view.title, encoding)  # type: ignore[assignment]
    elif isinstance(view, (Padding, Align)):
        view.renderable = fit(view.renderable, encoding)
    elif isinstance(view, Table):
        if view.title is not None:
            view.title = fit(view.title, encoding)  # type: ignore[assignment]
        for column in view.columns:
            column.header = fit(column.header, encoding)
            # Rich keeps a column's cells in `_cells`; Table offers no public way to rewrite them.
            column._cells[:] = [fit(c, encoding) for c in column._cells]
    return view
