"""The numbers Word displays for automatically numbered paragraphs (ECMA-376 §17.9).

`Numbering` reads word/numbering.xml once; `Numbering.label(num_id, ilvl)` is then
called for every numbered paragraph in document order and returns the displayed
label («5.2.», «а)», «•»). Counters are shared per abstract numbering, as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from contract_lint.parsers.docx_xml import MC
from contract_lint.parsers.docx_xml import VAL as _VAL
from contract_lint.parsers.docx_xml import wtag as _w


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list: start value, number format, label template, restart rule."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart: 1-based level whose use restarts this one; 0 = never
    legal: bool = False
    style: str | None = None  # w:pStyle: the paragraph style linked to this level
    symbol_font: bool = False  # the label is drawn in Symbol/Wingdings: «l» is a round bullet


@dataclass(slots=True)
class _Num:
    abstract: str
    levels: dict[int, Level]
    starts: dict[int, int]  # w:startOverride per level
    used: bool = False


_SYMBOL_FONTS = ("symbol", "wingdings", "webdings")
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _letters(n: int, alphabet: str) -> str:
    """Word's alphabetic numbering: a..z, then aa..zz, aaa.. (the letter repeats)."""
    if n <= 0:
        return str(n)
    q, r = divmod(n - 1, len(alphabet))
    return alphabet[r] * (q + 1)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, digits in _ROMAN:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Render counter `n` in the w:numFmt `fmt`; unknown formats fall back to decimal."""
    match fmt:
        case "none" | "bullet":
            return ""
        case "decimalZero":
            return f"{n:02d}"
        case "lowerLetter":
            return _letters(n, "abcdefghijklmnopqrstuvwxyz")
        case "upperLetter":
            return _letters(n, "abcdefghijklmnopqrstuvwxyz").upper()
        case "lowerRoman":
            return _roman(n)
        case "upperRoman":
            return _roman(n).upper()
        case "russianLower":
            return _letters(n, _RU_LETTERS)
        case "russianUpper":
            return _letters(n, _RU_LETTERS).upper()
        case _:
            return str(n)


def _int(el: etree._Element | None, default: int | None = None) -> int | None:
    if el is None:
        return default
    try:
        return int(el.get(_VAL, ""))
    except ValueError:
        return default


def _num_fmt(lvl: etree._Element) -> str | None:
    el = lvl.find(_w("numFmt"))
    if el is None:  # Word 2010 custom formats live in mc:AlternateContent; the Fallback is plain
        el = lvl.find(f"{{{MC}}}AlternateContent/{{{MC}}}Fallback/{_w('numFmt')}")
    return None if el is None else el.get(_VAL)


def _parse_level(lvl: etree._Element, base: Level | None = None) -> Level:
    """Read a w:lvl, over `base` (for a w:lvl inside w:lvlOverride)."""
    level = base or Level()
    text_el = lvl.find(_w("lvlText"))
    style_el = lvl.find(_w("pStyle"))
    legal_el = lvl.find(_w("isLgl"))
    return replace(
        level,
        start=_int(lvl.find(_w("start")), level.start),
        fmt=_num_fmt(lvl) or level.fmt,
        text=text_el.get(_VAL, "") if text_el is not None else level.text,
        restart=_int(lvl.find(_w("lvlRestart")), level.restart),
        legal=(legal_el.get(_VAL, "1") not in ("0", "false", "off")) if legal_el is not None else level.legal,
        style=style_el.get(_VAL) if style_el is not None else level.style,
        symbol_font=_symbol_font(lvl) or level.symbol_font,
    )


def _symbol_font(lvl: etree._Element) -> bool:
    fonts = lvl.find(f"{_w('rPr')}/{_w('rFonts')}")
    if fonts is None:
        return False
    name = (fonts.get(_w("ascii")) or fonts.get(_w("hAnsi")) or "").lower()
    return any(font in name for font in _SYMBOL_FONTS)


def _ilvl(el: etree._Element) -> int:
    try:
        return int(el.get(_w("ilvl"), "0"))
    except ValueError:
        return 0


class Numbering:
    """List definitions of one document plus the running counters."""

    def __init__(self, root: etree._Element | None, style_num_ids: dict[str, str] | None = None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNumId -> style id (w:numStyleLink)
        self._style_links: dict[str, str] = {}  # style id -> abstractNumId (w:styleLink)
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._style_num_ids = style_num_ids or {}
        if root is not None:
            self._read(root)

    def _read(self, root: etree._Element) -> None:
        for absn in root.iterchildren(_w("abstractNum")):
            aid = absn.get(_w("abstractNumId"), "")
            self._abstract[aid] = {_ilvl(lvl): _parse_level(lvl) for lvl in absn.iterchildren(_w("lvl"))}
            link = absn.find(_w("numStyleLink"))
            if link is not None:
                self._links[aid] = link.get(_VAL, "")
            link = absn.find(_w("styleLink"))
            if link is not None:
                self._style_links[link.get(_VAL, "")] = aid
        for num in root.iterchildren(_w("num")):
            self._nums[num.get(_w("numId"), "")] = self._read_num(num)

    def _read_num(self, num: etree._Element) -> _Num:
        aid_el = num.find(_w("abstractNumId"))
        aid = aid_el.get(_VAL, "") if aid_el is not None else ""
        levels: dict[int, Level] = {}
        starts: dict[int, int] = {}
        for ov in num.iterchildren(_w("lvlOverride")):
            ilvl = _ilvl(ov)
            start = _int(ov.find(_w("startOverride")))
            if start is not None:
                starts[ilvl] = start
            lvl = ov.find(_w("lvl"))
            if lvl is not None:
                levels[ilvl] = _parse_level(lvl)
        return _Num(aid, levels, starts)

    def level_styles(self) -> dict[str, int]:
        """Return style id -> ilvl for list levels linked to a paragraph style (w:lvl/w:pStyle)."""
        out: dict[str, int] = {}
        for levels in self._abstract.values():
            for ilvl, level in levels.items():
                if level.style:
                    out.setdefault(level.style, ilvl)
        return out

    def _resolve(self, abstract_id: str, depth: int = 0) -> str:
        """Follow w:numStyleLink -> style -> numId -> abstract numbering with w:styleLink."""
        style = self._links.get(abstract_id)
        if style is None or depth > 4:
            return abstract_id
        target = self._style_links.get(style)
        if target is None:
            num = self._nums.get(self._style_num_ids.get(style, ""))
            target = num.abstract if num else None
        return self._resolve(target, depth + 1) if target and target != abstract_id else abstract_id

    def _levels(self, num: _Num, aid: str) -> dict[int, Level]:
        levels = dict(self._abstract.get(aid) or self._abstract.get(num.abstract) or {})
        for ilvl, lvl in num.levels.items():
            levels[ilvl] = lvl
        return levels

    def label(self, num_id: str, ilvl: int) -> tuple[str, int] | None:
        """Advance the counters for a paragraph numbered (num_id, ilvl); return (label, ilvl)."""
        num = self._nums.get(num_id)
        if num is None or num_id == "0":
            return None
        ilvl = min(max(ilvl, 0), 8)
        aid = self._resolve(num.abstract)
        levels = self._levels(num, aid)
        counters = self._counters.setdefault(aid, [None] * 9)
        if not num.used:
            num.used = True
            for lvl in num.starts:  # an override restarts the level where this list begins
                if 0 <= lvl < 9:
                    counters[lvl] = None
        for upper in range(ilvl):  # a skipped upper level counts as used at its start value
            if counters[upper] is None:
                counters[upper] = self._start(num, levels, upper)
        current = counters[ilvl]
        counters[ilvl] = self._start(num, levels, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels.get(deeper, Level()).restart
            if ilvl < (deeper if restart is None else restart):
                counters[deeper] = None
        return self._render(num, levels, counters, ilvl), ilvl

    @staticmethod
    def _start(num: _Num, levels: dict[int, Level], ilvl: int) -> int:
        if ilvl in num.starts:
            return num.starts[ilvl]
        return levels.get(ilvl, Level()).start

    def _render(self, num: _Num, levels: dict[int, Level], counters: list[int | None], ilvl: int) -> str:
        level = levels.get(ilvl, Level())
        if level.fmt == "bullet":
            return "•" if level.symbol_font else _bullet(level.text or "")
        template = level.text if level.text is not None else f"%{ilvl + 1}."
        out: list[str] = []
        i = 0
        while i < len(template):
            ch = template[i]
            if ch == "%" and i + 1 < len(template) and template[i + 1] in "123456789":
                ref = int(template[i + 1]) - 1
                out.append(self._number(num, levels, counters, ref, level.legal))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)

    def _number(self, num: _Num, levels: dict[int, Level], counters: list[int | None],
                ref: int, legal: bool) -> str:
        value = counters[ref]
        if value is None:  # a level above that was never used shows its start value
            value = self._start(num, levels, ref)
        fmt = levels.get(ref, Level()).fmt
        if legal and fmt not in ("none", "bullet"):
            fmt = "decimal"
        return format_number(value, fmt)


def _bullet(text: str) -> str:
    """Show a bullet as a real character; Symbol/Wingdings bullets use private-use code points."""
    if not text or any(0xE000 <= ord(c) <= 0xF8FF for c in text):
        return "•"
    return text
