"""Clause numbers and section headings, as a lawyer reads them.

Every parser feeds its paragraphs, in reading order, through one `ClauseTracker`:
it recognises numbers typed by hand («5.2.», «5.2)», «Статья 5.», «а)»), takes the
displayed number of automatically numbered paragraphs from the parser, decides
which paragraphs are section headings, and gives each block its clause and section.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_DOTTED = r"(?:\d{1,3}\.){1,6}\d{0,3}"
_TYPED_LABEL = regex.compile(
    r"""^\s*(?P<label>
        (?:(?:Статья|Раздел|Глава|Пункт|Article|Section)\s+(?P<word_num>\d{1,3}(?:\.\d{1,3})*)\.?)
      | (?:§\s*(?P<para_num>\d{1,3}(?:\.\d{1,3})*)\.?)
      | (?P<dotted>""" + _DOTTED + r""")(?=\s|$)
      | (?P<paren_num>\d{1,3}(?:\.\d{1,3})*)\)
      | \(?(?P<letter>[а-яa-z])\)
      | (?P<roman>[IVXLC]{1,6}(?:\.\d{1,3}){0,5})\.
    )(?=\s|$)""",
    regex.VERBOSE | regex.IGNORECASE,
)
_ANNEX_HEADING = regex.compile(
    r"^\s*(?:Приложение|Annex|Appendix)\s*(?:№\s*)?(?P<num>\d{1,3}|[А-ЯA-Z])\b", regex.IGNORECASE
)
_MAX_HEADING_LEN = 120


@dataclass(frozen=True, slots=True)
class Label:
    """A paragraph's number as displayed: `text` («5.2.») and the clause it names («5.2»).

    `clause` is None for sub-item labels («а)», «1)» under a clause), which belong to
    the enclosing clause.
    """

    text: str
    clause: str | None
    depth: int


def parse_typed_label(text: str) -> tuple[Label | None, int]:
    """Return the number typed at the start of `text` and where the body starts."""
    m = _TYPED_LABEL.match(text)
    if not m:
        return None, 0
    label = m.group("label")
    number = m.group("word_num") or m.group("para_num")
    if number:
        return Label(label, number, number.count(".") + 1), m.end()
    if m.group("dotted"):
        number = m.group("dotted").rstrip(".")
        if not number:
            return None, 0
        return Label(label, number, number.count(".") + 1), m.end()
    if m.group("paren_num"):
        number = m.group("paren_num")
        return Label(label, None if "." not in number else number, number.count(".") + 1), m.end()
    if m.group("letter"):
        return Label(label, None, 9), m.end()
    roman = m.group("roman").upper()  # «II.» or Word's «I.1.» (roman section, decimal item)
    return Label(label, roman, roman.count(".") + 1), m.end()


def label_from_display(display: str) -> Label | None:
    """Interpret the number Word displays for an auto-numbered paragraph («5.2.», «а)»)."""
    display = display.strip()
    if not display:
        return None
    label, end = parse_typed_label(display + " x")
    if label is None or end < len(display):
        return Label(display, None, 9)  # a bullet or an unusual format: no clause number
    return label


@dataclass(frozen=True, slots=True)
class ClauseInfo:
    """What the tracker decided for one paragraph."""

    label: Label | None
    clause: str | None
    section: str | None
    is_heading: bool


class ClauseTracker:
    """Assign clause numbers and sections to paragraphs fed in reading order."""

    def __init__(self) -> None:
        self.clause: str | None = None
        self.section: str | None = None
        self._paren_parent: str | None = None

    def feed(
        self,
        text: str,
        *,
        auto_label: str | None = None,
        heading_hint: bool = False,
    ) -> ClauseInfo:
        """Process one paragraph; `auto_label` is the displayed automatic number, if any."""
        label = label_from_display(auto_label) if auto_label else None
        body = text
        if label is None:
            label, end = parse_typed_label(text)
            body = text[end:] if label else text
        if label is not None and label.clause is None and label.text[:1].isdigit():
            # «1)» under «5.2.» is a sub-item of 5.2; at top level it is clause 1.
            if self.clause is None:
                label = Label(label.text, label.text.rstrip(")"), 1)
        is_heading = self._is_heading(body, label, heading_hint)
        if label is not None and label.clause is not None:
            self.clause = label.clause
        if _ANNEX_HEADING.match(text) and len(text) <= _MAX_HEADING_LEN:
            # Annexes restart their numbering; their clauses are not the contract's.
            self.section = " ".join(text.split())
            self.clause = None
        elif is_heading:
            self.section = _heading_text(body) or text.strip()
        return ClauseInfo(label, self.clause, self.section, is_heading)

    def current(self) -> ClauseInfo:
        """Return the clause and section a non-paragraph block (a table cell) belongs to."""
        return ClauseInfo(None, self.clause, self.section, False)

    def _is_heading(self, body: str, label: Label | None, hint: bool) -> bool:
        stripped = body.strip()
        if not stripped or len(stripped) > _MAX_HEADING_LEN:
            return False
        if _ANNEX_HEADING.match(stripped):
            return True
        if hint:
            return True
        if stripped.endswith((".", ";", ":", ",")):
            return False
        letters = [c for c in stripped if c.isalpha()]
        if not letters or "_" in stripped:
            return False  # a form line («ИНН ________ КПП ______») is not a heading
        if len(letters) < 0.6 * len(stripped.replace(" ", "")):
            return False
        all_caps = all(c.isupper() for c in letters) and len(letters) >= 4
        top_level = label is not None and label.clause is not None and label.depth == 1
        return top_level or (all_caps and label is None and len(stripped) >= 6)


def _heading_text(body: str) -> str:
    return " ".join(body.split()).rstrip(".")
