"""Words with geometry from pdfplumber's characters (the alternative, slower engine)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contract_lint.parsers.pdf_layout import Rules, Run, split_runs

#: A horizontal gap wider than this share of the font size separates words
#: (pdfplumber, unlike pdfium, does not insert the spaces a producer left out).
_WORD_GAP = 0.15
Box = tuple[float, float, float, float]


def page_runs(page: Any) -> tuple[list[Run], Rules, float]:
    """Return the runs and vertical rules of a pdfplumber page, and its height."""
    height = float(page.height)
    runs = list(_runs(page.chars, height))
    rules = Rules(
        ((e["x0"] + e["x1"]) / 2, height - e["bottom"], height - e["top"])
        for e in page.edges
        if e["orientation"] == "v" and e["bottom"] - e["top"] >= 4
    ) if runs else Rules()
    page.flush_cache()
    return runs, rules, height


def _runs(chars: list[dict[str, Any]], height: float) -> Iterator[Run]:
    word: list[str] = []
    boxes: list[Box] = []
    for char in chars:
        if not char.get("upright", True):
            continue  # rotated text (a stamp along the margin) is not a contract line
        text = char["text"]
        # The glyph origin (matrix[5]) is the baseline; shift it like pdfplumber shifts y.
        base = height - char["bottom"] + char["matrix"][5] - char["y0"]
        box = (char["x0"], char["x1"], base, char["size"])
        if text.isspace() or (boxes and _breaks(boxes[-1], box)):
            yield from _emit(word, boxes)
            word, boxes = [], []
        if not text.isspace():
            word.append(text)
            boxes.append(box)
    yield from _emit(word, boxes)


def _breaks(prev: Box, box: Box) -> bool:
    """Tell whether `box` starts a new word after `prev` (gap, backwards move, new line)."""
    gap = box[0] - prev[1]
    size = max(prev[3], box[3])
    if gap > _WORD_GAP * size or gap < -0.5 * size:
        return True
    return abs(box[2] - prev[2]) > 0.6 * size


def _emit(word: list[str], boxes: list[Box]) -> Iterator[Run]:
    if not word:
        return
    if word[-1] == "\u00ad":
        word[-1] = "-"
    yield from split_runs(word, boxes)
