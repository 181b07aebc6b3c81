"""Compute the numbers LibreOffice displays in front of ODT list items and headings.

ODT stores no numbers, only list styles (`text:list-style`, `text:outline-style`):
per level a format (`style:num-format` 1, a, A, i, I, а), a prefix and suffix and how
many parent levels to show (`text:display-levels`, «1.1.»). LibreOffice also writes
`loext:num-list-format` («%1%.%2%.»), which says exactly what is shown; it wins.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from lxml import etree

NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
_PLACEHOLDER = regex.compile(r"%(\d)%")


def q(prefix: str, local: str) -> str:
    """Return the Clark name {namespace}local of `prefix:local`."""
    return f"{{{NS[prefix]}}}{local}"


@dataclass(frozen=True, slots=True)
class LevelStyle:
    """How one list level is numbered; `bullet` is set for bullet levels."""

    num_format: str = ""
    prefix: str = ""
    suffix: str = ""
    display_levels: int = 1
    start: int = 1
    bullet: str | None = None
    template: str | None = None  # loext:num-list-format
    legal: bool = False  # loext:is-legal: parent levels shown as decimals («1.1», not «I.1»)


ListStyle = dict[int, LevelStyle]


def read_list_styles(*roots: etree._Element) -> tuple[dict[str, ListStyle], ListStyle]:
    """Return the named list styles and the outline style found in styles.xml / content.xml."""
    styles: dict[str, ListStyle] = {}
    outline: ListStyle = {}
    for root in roots:
        for el in root.iter(q("text", "list-style")):
            styles[el.get(q("style", "name"), "")] = _levels(el)
        for el in root.iter(q("text", "outline-style")):
            outline = _levels(el)
    return styles, outline


def _levels(style: etree._Element) -> ListStyle:
    levels: ListStyle = {}
    for el in style:
        if not isinstance(el.tag, str):
            continue
        level = int(el.get(q("text", "level"), "1"))
        bullet = el.get(q("text", "bullet-char")) if el.tag == q("text", "list-level-style-bullet") else None
        if el.tag == q("text", "list-level-style-bullet"):
            # Word's Symbol-font bullet arrives as a private-use character (U+F0B7)
            levels[level] = LevelStyle(bullet="•" if not bullet or "\ue000" <= bullet[0] <= "\uf8ff" else bullet)
            continue
        levels[level] = LevelStyle(
            num_format=el.get(q("style", "num-format"), ""),
            prefix=el.get(q("style", "num-prefix"), ""),
            suffix=el.get(q("style", "num-suffix"), ""),
            display_levels=int(el.get(q("text", "display-levels"), "1")),
            start=int(el.get(q("text", "start-value"), "1")),
            template=el.get(q("loext", "num-list-format")),
            legal=el.get(q("loext", "is-legal")) == "true",
        )
    return levels


class Counters:
    """Running counters of one list (or of the outline), per level."""

    def __init__(self) -> None:
        self.values: dict[int, int] = {}

    def step(self, style: ListStyle, level: int, start_value: int | None = None) -> str | None:
        """Count one item at `level`; return its displayed label (None when unnumbered)."""
        spec = style.get(level, LevelStyle())
        for deeper in [k for k in self.values if k > level]:
            del self.values[deeper]
        if start_value is not None:
            self.values[level] = start_value
        else:
            self.values[level] = self.values.get(level, spec.start - 1) + 1
        if spec.bullet is not None:
            return spec.bullet
        return self.render(style, level)

    def touch(self, style: ListStyle, level: int) -> None:
        """Count an item with no paragraph of its own (a wrapper of a nested list).

        LibreOffice counts such an item only when its level has no count yet: a list
        that opens with a nested item shows «1.1.», and its next item is «2.».
        """
        if level not in self.values:
            self.values[level] = style.get(level, LevelStyle()).start

    def render(self, style: ListStyle, level: int) -> str | None:
        spec = style.get(level, LevelStyle())
        legal = spec.legal
        if spec.template:
            label = _PLACEHOLDER.sub(lambda m: self._format(style, int(m.group(1)), legal), spec.template)
            return label.strip() or None
        if not spec.num_format:
            return None
        first = max(level - spec.display_levels + 1, 1)
        numbers = ".".join(self._format(style, lvl, legal) for lvl in range(first, level + 1))
        return (spec.prefix + numbers + spec.suffix).strip() or None

    def _format(self, style: ListStyle, level: int, legal: bool = False) -> str:
        spec = style.get(level, LevelStyle())
        value = self.values.get(level, spec.start)
        return format_number(value, "1" if legal else spec.num_format or "1")


def format_number(value: int, num_format: str) -> str:
    """Format `value` as ODF `style:num-format` says: 1, a, A, i, I, а, А."""
    head = num_format[:1]
    if head in ("a", "A"):
        text = _letters(value, "abcdefghijklmnopqrstuvwxyz")
    elif head in ("а", "А"):
        text = _letters(value, _RU_LETTERS)
    elif head in ("i", "I"):
        text = _roman(value).lower()
    else:
        return str(value)
    return text.upper() if head.isupper() else text


def _letters(value: int, alphabet: str) -> str:
    """a..z, aa..zz, as office suites count (the letter repeats)."""
    value = max(value, 1)
    return alphabet[(value - 1) % len(alphabet)] * ((value - 1) // len(alphabet) + 1)


def _roman(value: int) -> str:
    parts = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for number, letters in parts:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
