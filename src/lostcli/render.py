"""Rich renderables to the environment's stdout: the one place a Rich console is made.

Before Rich measures anything, every text in the view crosses the boundary of text.py: a control
character (from a record, a zone file, a name) is replaced by its picture, and the environment's
fallback policy applies, so in a Latin-1 or ASCII locale Hangul becomes `?` and is measured as
one cell, and borders stay aligned. Rich itself draws ASCII boxes for a non-UTF encoding.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import fields
from typing import IO, TYPE_CHECKING, cast

from rich.align import Align
from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from lostcli.context import Environment
from lostcli.text import encodable, shown

if TYPE_CHECKING:
    from lostcli.streams import TextOut


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
    env: Environment, color: bool, file: IO[str] | TextOut | None = None, measure: int = MEASURE
) -> Console:
    """A console with the environment's width (up to `measure`) and encoding, in colour or not."""
    return Console(
        file=cast("IO[str]", file) or _Capture(env.stdout_encoding),
        width=min(env.columns, measure),
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,  # Rich reads $NO_COLOR itself, which --color=always wins over
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def show(env: Environment, view: RenderableType, color: bool, pager: str | None) -> None:
    """A view on stdout; through the `pager` command when it is taller than the terminal."""
    out = console(env, color)
    out.print(fit(view, env.stdout_encoding), crop=False)  # links are never cut (views.link)
    assert isinstance(out.file, _Capture)
    text = out.file.getvalue()
    if not color:  # Rich pads lines to the width; a pipe or a file should not get that
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    if pager and text.count("\n") > env.terminal_size[1]:
        env.page(text, pager)
    else:
        env.write(text)


# Fonts with Hangul after the Latin ones, so that a card in Korean draws Korean wherever it is
# opened: Rich's own stacks name none, and Hangul came out as empty boxes.
HANGUL = (
    "'D2Coding', 'Noto Sans Mono CJK KR', 'Noto Sans CJK KR', 'Nanum Gothic Coding', "
    "'Apple SD Gothic Neo', 'Malgun Gothic'"
)
# The card's templates are lostcli's own, passed to Rich as `code_format`: Rich's defaults, with
# those fonts, and not Rich's (undocumented) constants patched by string replacement. In these
# f-strings `{{key}}` is filled in by Rich's export_svg (or _html, below) and `{{{{` is CSS's brace.
_FIRA = "https://cdnjs.cloudflare.com/ajax/libs/firacode/6.2.0"
_FACES = "\n".join(
    f"""    @font-face {{{{
        font-family: "Fira Code";
        src: local("FiraCode-{name}"),
                url("{_FIRA}/woff2/FiraCode-{name}.woff2") format("woff2"),
                url("{_FIRA}/woff/FiraCode-{name}.woff") format("woff");
        font-style: {style};
        font-weight: {weight};
    }}}}"""
    for name, style, weight in (("Regular", "normal", 400), ("Bold", "bold", 700))
)
_SVG = f"""<svg class="rich-terminal" viewBox="0 0 {{width}} {{height}}" \
xmlns="http://www.w3.org/2000/svg">
    <!-- Generated with Rich https://www.textualize.io -->
    <style>

{_FACES}

    .{{unique_id}}-matrix {{{{
        font-family: Fira Code, 'DejaVu Sans Mono', Menlo, Consolas, {HANGUL}, monospace;
        font-size: {{char_height}}px;
        line-height: {{line_height}}px;
        font-variant-east-asian: full-width;
    }}}}

    .{{unique_id}}-title {{{{
        font-size: 18px;
        font-weight: bold;
        font-family: arial, {HANGUL}, sans-serif;
    }}}}

    {{styles}}
    </style>

    <defs>
    <clipPath id="{{unique_id}}-clip-terminal">
      <rect x="0" y="0" width="{{terminal_width}}" height="{{terminal_height}}" />
    </clipPath>
    {{lines}}
    </defs>

    {{chrome}}
    <g transform="translate({{terminal_x}}, {{terminal_y}})" \
clip-path="url(#{{unique_id}}-clip-terminal)">
    {{backgrounds}}
    <g class="{{unique_id}}-matrix">
    {{matrix}}
    </g>
    </g>
</svg>
"""
# Each character outside ASCII sits in a box of its cells (`ch` is one cell of the first font),
# as the SVG places each run of text: a browser draws Hangul and symbols from other fonts, whose
# widths are not the monospace font's (Hangul drew narrower than two cells, and the box's right
# edge fell short on every line that has some).
_HTML = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<style>
body {{{{
    color: {{foreground}};
    background-color: {{background}};
}}}}
pre {{{{
    font-family: Menlo, 'DejaVu Sans Mono', Consolas, 'Courier New', {HANGUL}, monospace;
    line-height: 1.25;
}}}}
.c0, .c1, .c2 {{{{
    display: inline-block;
    text-align: center;
    vertical-align: top;
}}}}
.c0 {{{{ width: 0; }}}}
.c1 {{{{ width: 1ch; }}}}
.c2 {{{{ width: 2ch; }}}}
</style>
</head>
<body>
    <pre><code style="font-family:inherit">{{code}}</code></pre>
</body>
</html>
"""
CARD_WIDTH = 80


def picture(view: RenderableType, name: str, title: str) -> str:
    """The view as a picture to share, in colour at 80 columns: SVG, or HTML when `name` ends in
    .html, as rich-cli exports them. Every text and attribute is escaped (html.escape)."""
    recorder = Console(
        record=True,
        file=io.StringIO(),
        width=CARD_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    view = fit(view, "utf-8")
    if name.lower().endswith((".html", ".htm")):
        return _html(recorder.render(view))
    recorder.print(view, crop=False)
    return re.sub(_TEXT, _cells, recorder.export_svg(title=title, code_format=_SVG))


def _html(segments: Iterable[Segment]) -> str:
    """What Rich's export_html writes with inline styles, but with each link escaped too: Rich
    puts a link into its `href` as it is, and a record's `"><script>` would run in the page."""
    import html

    from rich.terminal_theme import DEFAULT_TERMINAL_THEME as THEME

    parts = []
    for text, style, _ in Segment.filter_control(Segment.simplify(segments)):
        part = _boxed(text)
        if style:
            if style.link:
                part = f'<a href="{html.escape(style.link)}">{part}</a>'
            if rule := style.get_html_style(THEME):
                part = f'<span style="{html.escape(rule)}">{part}</span>'
        parts.append(part)
    return _HTML.format(
        code="".join(parts),
        foreground=THEME.foreground_color.hex,
        background=THEME.background_color.hex,
    )


def _boxed(text: str) -> str:
    """`text` escaped, each character outside ASCII (with any combining marks on it, as on an
    ASCII letter) in a box of its cells."""
    import html

    characters: list[str] = []
    for c in text:
        if characters and not c.isascii() and get_character_cell_size(c) == 0:
            characters[-1] += c
        else:
            characters.append(c)
    return "".join(
        html.escape(c) if c.isascii() else f'<span class="c{cell_len(c)}">{html.escape(c)}</span>'
        for c in characters
    )


# Rich's SVG gives each run of text a textLength of one cell a character, which squeezes Hangul
# (two cells a syllable) into half its room and leaves a gap after it: set it to the cells.
_TEXT = r'(<text [^>]*textLength=")([\d.]+)("[^>]*>)([^<]*)(</text>)'


def _cells(m: re.Match[str]) -> str:
    import html  # its table of entities costs a millisecond: only an export pays it

    text = html.unescape(m[4])
    width = float(m[2]) / len(text) * cell_len(text)
    return f"{m[1]}{width:g}{m[3]}{m[4]}{m[5]}"


def unicode(encoding: str) -> bool:
    """Whether the encoding (a codec name, as the Environment keeps them) holds every character."""
    return encoding.startswith("utf")


class Fitting:
    """The first of some layouts whose width (the first of each pair) the page has."""

    def __init__(self, *layouts: tuple[int, RenderableType]) -> None:
        self.layouts = layouts

    def chosen(self, options: ConsoleOptions) -> RenderableType:
        return next(view for need, view in self.layouts if need <= options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.chosen(options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.chosen(options))


class Hanging:
    """A text whose lines after the first are indented further, as a help screen's are (a
    problem's or a path's line that wraps never falls back to the left edge)."""

    def __init__(self, text: Text, first: int = 0, rest: int = 2) -> None:
        self.text, self.first, self.rest = text, first, rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text, width = self.text, options.max_width
        first = text.wrap(console, max(width - self.first, 1), overflow="fold")[0]
        start = len(first.plain)
        start += len(text.plain[start:]) - len(text.plain[start:].lstrip(" "))
        lines = [first]
        if start < len(text.plain):
            lines += text[start:].wrap(console, max(width - self.rest, 1), overflow="fold")
        indents = [self.first] + [self.rest] * (len(lines) - 1)
        shown = [Text(" " * indent) + line for indent, line in zip(indents, lines, strict=True)]
        for line in shown:
            line.rstrip()
        yield Text("\n").join(shown)  # one Text: a line's own style shows only in a join

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least, most = Measurement.get(console, options, self.text)
        return Measurement(least + self.rest, most + self.first)


def fit(view: RenderableType, encoding: str) -> RenderableType:
    """The view with every text made safe to show (text.shown) and as the encoding will show
    it (in place: views are built per call). Both map one character to one, so a Text's styles
    keep their offsets."""
    if isinstance(view, str):
        return _fitted(view, encoding)
    if isinstance(view, Text):
        view.plain = _fitted(view.plain, encoding)
    elif isinstance(view, Group):
        view.renderables[:] = [fit(r, encoding) for r in view.renderables]
    elif isinstance(view, Panel):
        view.renderable = fit(view.renderable, encoding)
        if view.title is not None:
            view.title = fit(view.title, encoding)  # type: ignore[assignment]
    elif isinstance(view, (Padding, Align)):
        view.renderable = fit(view.renderable, encoding)
    elif isinstance(view, Hanging):
        fit(view.text, encoding)
    elif isinstance(view, Fitting):
        view.layouts = tuple((need, fit(layout, encoding)) for need, layout in view.layouts)
    elif isinstance(view, Table):
        if view.title is not None:
            view.title = fit(view.title, encoding)  # type: ignore[assignment]
        _refill(view, encoding)
    return view


def _refill(table: Table, encoding: str) -> None:
    """The table's columns and rows added again, fitted: Table can add cells, not rewrite them.
    A column keeps every public setting (its dataclass fields; the private ones hold its cells)."""
    columns, rows = table.columns, table.rows
    table.columns, table.rows = [], []
    for column in columns:
        settings = {f.name: getattr(column, f.name) for f in fields(column)}
        settings["header"] = fit(column.header, encoding)
        table.add_column(**{k: v for k, v in settings.items() if not k.startswith("_")})
    cells = [[fit(cell, encoding) for cell in column.cells] for column in columns]
    # Rich draws as many rows as its shortest column has cells (one added after some rows)
    for row, values in zip(rows, zip(*cells, strict=False), strict=False):
        table.add_row(*values, style=row.style, end_section=row.end_section)


def _fitted(text: str, encoding: str) -> str:
    text = shown(text)
    return text if unicode(encoding) else encodable(text, encoding)
