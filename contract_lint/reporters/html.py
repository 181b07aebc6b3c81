"""One self-contained HTML page: the contract's text with findings highlighted in place.

No network: CSS and JS are inline. The text comes from `documents` (path → Document),
which the caller passes when it kept the parsed documents (`contract-lint check
--format html` re-reads them); without a Document a file shows its findings with
their excerpts only. A side list jumps between findings; filters hide severities
and categories.
"""

from __future__ import annotations

from html import escape
from typing import Mapping, Sequence, TextIO

from contract_lint.findings import FileResult, Finding
from contract_lint.model import Block, BlockKind, Document
from contract_lint.reporters.base import (
    SEVERITIES, document_for, ordered, severity_counts, severity_word, where, word,
)
from contract_lint.reporters.excerpt import make_excerpt

_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#263238;color:#fff}
header h1{font-size:20px;margin:0 0 6px}
.filters label{margin-right:12px}
.file{display:flex;border-bottom:2px solid #ccc}
.file>h2{display:none}
nav{width:34%;max-height:100vh;overflow:auto;position:sticky;top:0;padding:10px;box-sizing:border-box;background:#fff;border-right:1px solid #ddd}
nav h2{font-size:16px;margin:4px 0 8px;word-break:break-all}
nav ol{padding-left:20px}
nav li{margin-bottom:10px;font-size:14px}
nav a{color:inherit;text-decoration:none}
.text{flex:1;padding:10px 24px;line-height:1.5;max-width:60em}
.text p{margin:6px 0}.text .heading{font-weight:bold;margin-top:14px}
.text .furniture{color:#777;font-size:90%}.label{color:#555;margin-right:4px}
mark{background:#fff3b0;border-bottom:2px solid #e0a800;padding:0 1px}
mark.sev-error{background:#ffd6d6;border-color:#d32f2f}
mark.sev-info{background:#e0f2ff;border-color:#0288d1}
.badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;color:#fff;background:#e0a800}
.badge.sev-error{background:#d32f2f}.badge.sev-info{background:#0288d1}
.where{font-weight:bold}.suggestion{color:#2e7d32}.excerpt{color:#555;font-style:italic}
.error{color:#d32f2f;font-weight:bold}.hidden{display:none}mark.off{background:none;border:none}
:target{outline:3px solid #7e57c2}
"""
_JS = """
function applyFilters(){
  var sev={};document.querySelectorAll('input[data-sev]').forEach(function(c){sev[c.dataset.sev]=c.checked});
  var cat=document.getElementById('cat').value;
  document.querySelectorAll('[data-finding]').forEach(function(el){
    var on=sev[el.dataset.sev]&&(cat===''||el.dataset.cat===cat);
    if(el.tagName==='MARK'){el.classList.toggle('off',!on)}else{el.classList.toggle('hidden',!on)}
  });
}
document.querySelectorAll('.filters input,.filters select').forEach(function(el){el.addEventListener('change',applyFilters)});
"""


def _attrs(f: Finding, key: str) -> str:
    return (f'data-finding="{key}" data-sev="{f.severity}" data-cat="{escape(f.category)}" '
            f'class="sev-{f.severity}"')


def _item(key: str, f: Finding, lang: str) -> str:
    parts = [f'<li {_attrs(f, key)}><a href="#{key}"><span class="badge sev-{f.severity}">'
             f"{escape(severity_word(f.severity, lang))}</span> <span class=\"where\">{escape(where(f, lang))}</span>"
             f" · {escape(f.rule)} {escape(f.name)} · {escape(f.category)}<br>{escape(f.message)}</a>"]
    if f.excerpt:
        ex = make_excerpt(f.excerpt, f.match, width=160)
        parts.append(f'<div class="excerpt">«{escape(ex.before)}<b>{escape(ex.match)}</b>{escape(ex.after)}»</div>')
    if f.suggestion:
        parts.append(f'<div class="suggestion">{escape(word("suggestion", lang).format(f.suggestion))}</div>')
    return "".join(parts) + "</li>"


def _segments(block: Block, spans: list[tuple[str, Finding]]) -> str:
    """Return the block's text with every finding span wrapped in <mark>."""
    inside = [(k, f) for k, f in spans if f.start is not None and f.end is not None
              and block.start <= f.start < block.end]
    cuts = sorted({0, len(block.text)} | {min(max(p - block.start, 0), len(block.text))
                                          for _, f in inside for p in (f.start, f.end)})
    out, opened = [], set()
    for a, b in zip(cuts, cuts[1:]):
        cover = [(k, f) for k, f in inside if f.start - block.start <= a and f.end - block.start >= b]
        text = escape(block.text[a:b])
        if not cover:
            out.append(text)
            continue
        k, f = max(cover, key=lambda kf: kf[1].severity.rank)
        anchors = "".join(f'<span id="{k2}"></span>' for k2, _ in cover if k2 not in opened)
        opened.update(k2 for k2, _ in cover)
        out.append(f'{anchors}<mark {_attrs(f, k)} title="{escape(f.rule + ": " + f.message)}">{text}</mark>')
    return "".join(out)


def _text(doc: Document, keyed: list[tuple[str, Finding]]) -> str:
    anchored: dict[int, list[str]] = {}
    for k, f in keyed:
        if f.start is None:
            anchored.setdefault(f.block if f.block is not None else 0, []).append(k)
    spans = [(k, f) for k, f in keyed if f.start is not None]
    html = []
    for block in doc.blocks:
        cls = "heading" if block.kind == BlockKind.HEADING else (
            "furniture" if block.kind in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE) else "")
        typed = bool(block.label) and block.text.lstrip().startswith(block.label.strip())  # «1.1.» typed, not auto-numbered
        label = f'<span class="label">{escape(block.label)}</span>' if block.label and not typed else ""
        ids = "".join(f'<span id="{k}"></span>' for k in anchored.get(block.index, []))
        html.append(f'<p class="{cls}">{ids}{label}{_segments(block, spans)}</p>')
    return "\n".join(html)


def _file(n: int, result: FileResult, doc: Document | None, lang: str) -> str:
    findings = ordered(result.findings)
    keyed = [(f"f{n}-{i}", f) for i, f in enumerate(findings, 1)]
    counts = severity_counts(findings)
    summary = ", ".join(f"{severity_word(s, lang, plural=True)}: {counts[s]}" for s in SEVERITIES)
    nav = [f"<nav><h2>{escape(result.path)}</h2><div>{escape(summary)}</div>"]
    if result.error:
        nav.append(f'<p class="error">{escape(word("read_error", lang).format(result.error))}</p>')
    if not findings and not result.error:
        nav.append(f"<p>{escape(word('no_findings', lang))}</p>")
    nav.append("<ol>" + "".join(_item(k, f, lang) for k, f in keyed) + "</ol></nav>")
    body = _text(doc, keyed) if doc is not None else ""
    return f'<section class="file"><h2>{escape(result.path)}</h2>{"".join(nav)}<div class="text">{body}</div></section>'


def _filters(results: Sequence[FileResult], lang: str) -> str:
    boxes = "".join(f'<label><input type="checkbox" data-sev="{s}" checked> {escape(severity_word(s, lang, plural=True))}</label>'
                    for s in SEVERITIES)
    cats = sorted({f.category for r in results for f in r.findings})
    options = f'<option value="">{escape(word("all", lang))}</option>' + "".join(
        f'<option value="{escape(c)}">{escape(c)}</option>' for c in cats)
    return f'<div class="filters">{boxes}<label>{escape(word("category", lang))}: <select id="cat">{options}</select></label></div>'


def to_html(results: Sequence[FileResult], *, lang: str = "ru", documents: Mapping[str, Document] | None = None) -> str:
    """Return the whole page."""
    total = severity_counts(f for r in results for f in r.findings)
    line = f"{word('files', lang)}: {len(results)} · {word('findings', lang)}: {sum(total.values())} (" + ", ".join(
        f"{severity_word(s, lang, plural=True)}: {total[s]}" for s in SEVERITIES) + ")"
    files = "\n".join(_file(n, r, document_for(r, documents), lang) for n, r in enumerate(results, 1))
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(word('report', lang))}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>{escape(word('report', lang))}</h1><div>{escape(line)}</div>{_filters(results, lang)}</header>"
            f"<main>{files}</main><script>{_JS}</script></body></html>\n")


def render(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    lang: str = "ru",
    documents: Mapping[str, Document] | None = None,
) -> None:
    """Write the HTML page."""
    stream.write(to_html(results, lang=lang, documents=documents))
