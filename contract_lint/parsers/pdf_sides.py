"""Borderless two-column blocks: the parties' requisites set side by side.

Word and LibreOffice users put «Заказчик: …» and «Исполнитель: …» into a two-column
table without borders, so no ruling lines mark the cells. Such a block starts at a
line of exactly two fragments that both begin with a party's role and a colon, or
are the role alone («Заказчик:», «Поставщик: ООО …», «АРЕНДОДАТЕЛЬ»; not «Заказчик
обязан …» in two columns of text), and goes on down the page while every fragment
keeps to one of the two columns. Its fragments become the two cells of a one-row table,
each column read top to bottom, as the DOCX reader gives them.
"""

from __future__ import annotations

import regex

from contract_lint.parsers.pdf_layout import Fragment, PageLayout

_ROLE = regex.compile(
    r"^(?:Заказчик|Исполнитель|Поставщик|Покупатель|Продавец|Арендодатель|Арендатор"
    r"|Подрядчик|Субподрядчик|Генподрядчик|Лицензиар|Лицензиат|Сублицензиат|Агент"
    r"|Принципал|Комитент|Комиссионер|Доверитель|Поверенный|Заимодавец|Займодавец"
    r"|Заёмщик|Заемщик|Кредитор|Должник|Поклажедатель|Хранитель|Перевозчик"
    r"|Грузоотправитель|Правообладатель|Ссудодатель|Ссудополучатель"
    r"|(?:Раскрывающая|Получающая)(?:\s+сторона)?|Сторона\s+\d)\s*(?::|$)",
    regex.IGNORECASE,
)


def mark_side_by_side(layout: PageLayout) -> None:
    """Mark the fragments of a page's requisites block as cells, left column first."""
    frags = layout.fragments
    start = _start(frags)
    if start is None:
        return
    left, right = start
    block = _block(frags, left, right)
    for frag in block:
        frag.cell, frag.side = True, True
        frag.col = 1 if frag.x0 < right.x0 - 1 else 2
    # Read the left column to its end, then the right one: one cell per column.
    first = min(frags.index(f) for f in block)
    ids = {id(f) for f in block}
    rest = [f for f in frags if id(f) not in ids]
    ordered = sorted(block, key=lambda f: (f.col, -f.base))
    layout.fragments = rest[:first] + ordered + rest[first:]


def _start(frags: list[Fragment]) -> tuple[Fragment, Fragment] | None:
    """Return the two role fragments that open a side-by-side block, if the page has one."""
    by_line: dict[int, list[Fragment]] = {}
    for frag in frags:
        if not frag.cell:
            by_line.setdefault(frag.line, []).append(frag)
    for line in sorted(by_line):
        pair = sorted(by_line[line], key=lambda f: f.x0)
        if len(pair) == 2 and pair[0].x1 < pair[1].x0 and all(
                _ROLE.match(f.text) for f in pair):
            return pair[0], pair[1]
    return None


def _block(frags: list[Fragment], left: Fragment, right: Fragment) -> list[Fragment]:
    """Return the fragments from the opening line down while each keeps to a column."""
    below = sorted((f for f in frags if not f.cell and f.line >= left.line),
                   key=lambda f: (f.line, f.x0))
    block: list[Fragment] = []
    for frag in below:
        in_left = left.x0 - 1 <= frag.x0 and frag.x1 < right.x0
        if not (in_left or right.x0 - 1 <= frag.x0):
            # A line across both columns: the block ended on the line before.
            return [f for f in block if f.line < frag.line]
        block.append(frag)
    return block
