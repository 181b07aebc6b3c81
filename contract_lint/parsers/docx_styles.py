"""Paragraph styles of a DOCX: inherited numbering (w:basedOn chain) and heading hints."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from contract_lint.parsers.docx_xml import VAL as _VAL
from contract_lint.parsers.docx_xml import wtag as _w

_HEADING_NAMES = ("heading", "title", "заголовок", "название")
_TOC_NAMES = ("toc ", "toc", "contents", "оглавление")
_MAX_CHAIN = 20


@dataclass(frozen=True, slots=True)
class NumRef:
    """A w:numPr: list instance and level, either of which may be missing."""

    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a paragraph inherits from its style chain."""

    numbering: NumRef | None
    heading: bool
    toc: bool = False  # a table-of-contents entry style («toc 1», LibreOffice «Contents 1»)


def read_num_pr(ppr: etree._Element | None) -> NumRef | None:
    """Return the w:numPr of a w:pPr, or None."""
    if ppr is None:
        return None
    num_pr = ppr.find(_w("numPr"))
    if num_pr is None:
        return None
    num_el, lvl_el = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
    ilvl = None
    if lvl_el is not None:
        try:
            ilvl = int(lvl_el.get(_VAL, "0"))
        except ValueError:
            ilvl = 0
    return NumRef(num_el.get(_VAL) if num_el is not None else None, ilvl)


def outline_level(ppr: etree._Element | None) -> int | None:
    """Return w:outlineLvl (0-8 are headings, 9 is body text)."""
    el = ppr.find(_w("outlineLvl")) if ppr is not None else None
    if el is None:
        return None
    try:
        return int(el.get(_VAL, "9"))
    except ValueError:
        return None


class Styles:
    """Resolved paragraph styles of one document, cached per style id."""

    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, etree._Element] = {}
        self.default: str | None = None
        self._cache: dict[str, StyleInfo] = {}
        if root is None:
            return
        for style in root.iterchildren(_w("style")):
            sid = style.get(_w("styleId"))
            if sid is None:
                continue
            self._raw[sid] = style
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                self.default = sid

    def numbering_style_ids(self) -> dict[str, str]:
        """Return style id -> numId for numbering styles (targets of w:numStyleLink)."""
        out = {}
        for sid, style in self._raw.items():
            ref = read_num_pr(style.find(_w("pPr")))
            if ref is not None and ref.num_id is not None:
                out[sid] = ref.num_id
        return out

    def info(self, style_id: str | None) -> StyleInfo:
        """Return the numbering and heading hint a paragraph of `style_id` inherits."""
        sid = style_id or self.default or ""
        cached = self._cache.get(sid)
        if cached is None:
            cached = self._cache[sid] = self._resolve(sid)
        return cached

    def _resolve(self, sid: str) -> StyleInfo:
        numbering: NumRef | None = None
        heading = False
        toc = _name(self._raw[sid], sid).startswith(_TOC_NAMES) if sid in self._raw else False
        seen: set[str] = set()
        while sid in self._raw and sid not in seen and len(seen) < _MAX_CHAIN:
            seen.add(sid)
            style = self._raw[sid]
            ppr = style.find(_w("pPr"))
            ref = read_num_pr(ppr)
            if ref is not None:  # numId and ilvl are inherited separately, nearest style first
                numbering = ref if numbering is None else NumRef(
                    numbering.num_id if numbering.num_id is not None else ref.num_id,
                    numbering.ilvl if numbering.ilvl is not None else ref.ilvl)
            lvl = outline_level(ppr)
            if lvl is not None and lvl < 9 or _is_heading_name(style, sid):
                heading = True
            based = style.find(_w("basedOn"))
            sid = based.get(_VAL, "") if based is not None else ""
        return StyleInfo(numbering, heading and not toc, toc)


def _name(style: etree._Element, sid: str) -> str:
    name_el = style.find(_w("name"))
    return (name_el.get(_VAL, "") if name_el is not None else sid).lower()


def _is_heading_name(style: etree._Element, sid: str) -> bool:
    return _name(style, sid).startswith(_HEADING_NAMES) or sid.lower().startswith(("heading", "title"))
