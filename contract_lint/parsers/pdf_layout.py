"""Engine-neutral PDF layout: words with geometry -> visual lines with page line numbers.

Every PDF engine (pypdfium2, pdfplumber, tesseract) produces `Run`s: words in the
engine's reading order with their horizontal extent, baseline and size, in PDF
points with y growing upwards. Here runs become `Fragment`s (a piece of one visual
line: a whole line, one column's line, or one table cell's line) and every fragment
gets the number of its line on the page.

Line numbers count every visible text line from the top of the page, running header
included: all baselines of the page are clustered, whatever column they are in, so
a line in the right column has the number of the left-column line beside it. That
is what a person counts in a viewer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

#: A gap wider than this many font sizes splits a line into fragments (cells, columns).
_CELL_GAP = 2.5
#: Runs overlapping vertically by at least this share of the smaller run are on one line.
_SAME_LINE_OVERLAP = 0.5
#: Baselines closer than this many font sizes count as one line: columns set a little
#: apart (a heading's space before shifts one column) still share line numbers.
_SAME_LINE_DISTANCE = 0.55
_SUPERSCRIPT_SIZE = 0.8
_SUPERSCRIPT_RISE = 0.15
_MARKER_CHARS = frozenset("0123456789*")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: A glyph's (x0, x1, baseline, size).
Box = tuple[float, float, float, float]


@dataclass(slots=True)
class Run:
    """One word as an engine placed it; `glue` means no space before it."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    glue: bool = False


@dataclass(slots=True)
class Fragment:
    """A piece of one visual line: text, extent, baseline, size and its line number."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    line: int = 0
    cell: bool = False
    col: int = 0
    side: bool = False  # a cell of a borderless two-column block (requisites side by side)


@dataclass(slots=True)
class PageLayout:
    """The fragments of one page in reading order; `page` is 1-based."""

    page: int
    fragments: list[Fragment] = field(default_factory=list)
    has_text: bool = True
    ocr: bool = False


class Rules:
    """Vertical ruling lines of a page (table borders), searchable by x."""

    def __init__(self, segments: Iterable[tuple[float, float, float]] = ()) -> None:
        self.segments = sorted(segments)
        self.xs = [x for x, _, _ in self.segments]
        # One entry per distinct x (rounded): a column border drawn row by row is one rule.
        self.columns: dict[int, list[tuple[float, float]]] = {}
        for x, y0, y1 in self.segments:
            self.columns.setdefault(round(x), []).append((y0, y1))

    def between(self, left: float, right: float, y: float) -> bool:
        """Tell whether a rule crosses height `y` strictly between `left` and `right`."""
        i = bisect.bisect_right(self.xs, left)
        while i < len(self.xs) and self.xs[i] < right:
            _, y0, y1 = self.segments[i]
            if y0 <= y <= y1:
                return True
            i += 1
        return False

    def count_left(self, x: float, y: float) -> int:
        """Count the distinct rules crossing height `y` left of `x` (a cell's column)."""
        return sum(
            1 for cx, spans in self.columns.items()
            if cx < x - 0.5 and any(y0 <= y <= y1 for y0, y1 in spans)
        )


NO_RULES = Rules()


def build_page(page: int, runs: list[Run], rules: Rules = NO_RULES) -> PageLayout:
    """Group a page's runs into fragments and number their lines."""
    fragments = [_finish(group) for group in _group_runs(runs, rules)]
    fragments = _attach_stray_markers(fragments)
    number_lines(fragments)
    fragments = _merge_justified(fragments, rules)
    if rules.xs:
        _mark_cells(fragments, rules)
    return PageLayout(page, fragments, has_text=bool(fragments))


def _mark_cells(fragments: list[Fragment], rules: Rules) -> None:
    """Mark fragments boxed by rules (a rule just left of them and one to their right)."""
    for frag in fragments:
        y = frag.base + frag.size / 3
        frag.cell = rules.between(frag.x0 - 1.5 * frag.size, frag.x0 + 0.1, y) and rules.between(
            frag.x1 - 0.1, float("inf"), y)
        if frag.cell:
            frag.col = rules.count_left(frag.x0 + 0.1, y)


def _group_runs(runs: list[Run], rules: Rules) -> list[list[Run]]:
    """Cut the runs where a line ends, a wide gap opens or a table rule runs between words."""
    groups: list[list[Run]] = []
    current: list[Run] = []
    low = high = right = size = 0.0
    check_rules = bool(rules.xs)
    for run in runs:
        if current and _continues(run, low, high, right, size) and not (
            check_rules and rules.between(right, run.x0, run.base + run.size / 3)
        ):
            current.append(run)
            if run.size > size:
                size = run.size
            if run.base < low:
                low = run.base
            if run.base + run.size > high:
                high = run.base + run.size
            if run.x1 > right:
                right = run.x1
            continue
        if current:
            groups.append(current)
        current = [run]
        low, high, right, size = run.base, run.base + run.size, run.x1, run.size
    if current:
        groups.append(current)
    return groups


def _continues(run: Run, low: float, high: float, right: float, size: float) -> bool:
    """Tell whether `run` goes on the current fragment (same line, forward, no wide gap)."""
    overlap = min(high, run.base + run.size) - max(low, run.base)
    if overlap < _SAME_LINE_OVERLAP * min(run.size, high - low):
        return False
    gap = run.x0 - right
    return -0.5 * size <= gap <= _CELL_GAP * max(size, run.size)


def _finish(runs: list[Run]) -> Fragment:
    """Join runs into a fragment; small raised digits become superscript markers."""
    main = max(runs, key=lambda r: r.size)
    parts: list[str] = []
    after_marker = False
    for run in runs:
        if run is not main and _is_marker(run, main):
            parts.append((" " if parts else "") + run.text.translate(_SUPERSCRIPT_DIGITS))
            after_marker = True
            continue
        glue = run.glue and not after_marker
        parts.append(run.text if glue or not parts else " " + run.text)
        after_marker = False
    return Fragment("".join(parts), runs[0].x0, max(r.x1 for r in runs), main.base, main.size)


def _is_marker(run: Run, main: Run) -> bool:
    """Tell whether a run is a footnote reference: small, raised digits or asterisks."""
    return (
        run.size < _SUPERSCRIPT_SIZE * main.size
        and run.base > main.base + _SUPERSCRIPT_RISE * main.size
        and len(run.text) <= 3
        and all(c in _MARKER_CHARS for c in run.text)
    )


def _attach_stray_markers(fragments: list[Fragment]) -> list[Fragment]:
    """Append footnote references drawn out of text order to the word they follow."""
    if not fragments:
        return fragments
    largest = max(f.size for f in fragments)
    stray = [f for f in fragments if len(f.text) <= 3 and f.size < _SUPERSCRIPT_SIZE * largest
             and all(c in _MARKER_CHARS for c in f.text)]
    for mark in stray:
        host = next((f for f in fragments if f is not mark and _hosts(f, mark)), None)
        if host is not None:
            host.text += " " + mark.text.translate(_SUPERSCRIPT_DIGITS)
            host.x1 = max(host.x1, mark.x1)
            fragments = [f for f in fragments if f is not mark]
    return fragments


def _hosts(host: Fragment, mark: Fragment) -> bool:
    """Tell whether `mark` is a superscript sitting right after the end of `host`."""
    return (
        mark.size < _SUPERSCRIPT_SIZE * host.size
        and host.base + _SUPERSCRIPT_RISE * host.size < mark.base < host.base + host.size
        and abs(mark.x0 - host.x1) < 0.5 * host.size
    )


def _merge_justified(fragments: list[Fragment], rules: Rules) -> list[Fragment]:
    """Rejoin a line that justification split at a wide gap.

    Two fragments on one line are one line of text, not two cells, when the line
    above or below runs across the gap and ends where the right fragment ends.
    """
    by_line: dict[int, list[Fragment]] = {}
    for frag in fragments:
        by_line.setdefault(frag.line, []).append(frag)
    merged: list[Fragment] = []
    for frag in fragments:
        prev = merged[-1] if merged else None
        if prev is not None and prev.line == frag.line and frag.x0 > prev.x1 and not (
            rules.between(prev.x1, frag.x0, frag.base + frag.size / 3)
        ) and any(
            _spans(c, prev, frag) for n in (frag.line - 2, frag.line - 1, frag.line + 1,
                                             frag.line + 2)
            for c in by_line.get(n, ())
        ):
            prev.text += " " + frag.text
            prev.x1 = frag.x1
            continue
        merged.append(frag)
    return merged


def _spans(other: Fragment, left: Fragment, right: Fragment) -> bool:
    return (
        abs(other.base - left.base) < 2 * left.size
        and other.x0 <= left.x0 + 0.5 * left.size
        and other.x0 < left.x1
        and abs(other.x1 - right.x1) < 0.15 * left.size
    )


def number_lines(fragments: list[Fragment]) -> None:
    """Give each fragment the 1-based number of its baseline cluster, from the top."""
    order = sorted(range(len(fragments)), key=lambda i: -fragments[i].base)
    line = 0
    anchor = float("inf")
    anchor_size = 0.0
    for i in order:
        frag = fragments[i]
        if anchor - frag.base > _SAME_LINE_DISTANCE * min(anchor_size, frag.size) or line == 0:
            line += 1
            anchor, anchor_size = frag.base, frag.size
        frag.line = line


def split_runs(chars: list[str], boxes: list[Box]) -> list[Run]:
    """Cut one engine word into runs where size or baseline changes (superscripts).

    `chars` are the word's glyphs' texts (a ligature glyph may be «fi») and `boxes`
    their (x0, x1, base, size).
    """
    runs: list[Run] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i < len(chars) and _same_style(boxes[start], boxes[i]):
            continue
        x0, _, base, size = boxes[start]
        runs.append(Run("".join(chars[start:i]), x0, boxes[i - 1][1], base, size,
                        glue=bool(runs)))
        start = i
    return runs


def _same_style(a: Box, b: Box) -> bool:
    return abs(a[3] - b[3]) <= 0.1 * a[3] and abs(a[2] - b[2]) <= 0.2 * a[3]
