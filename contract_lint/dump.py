"""The `dump` command: show the blocks the linter sees, with their locations.

Useful to see why a finding is reported at a clause or page, and to debug a reader
on a user's file. Text output is a table on a terminal and one line per block when
piped; JSON output is `{"blocks": [...]}` (see `blocks_json`).
"""

from __future__ import annotations

import json
import sys
from typing import Optional, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from contract_lint import cli_options as opts
from contract_lint.errors import ContractLintError, DocumentError
from contract_lint.model import Block, Document

FORMATS = ("text", "json")
PDF_ENGINES = ("pdfium", "pdfplumber")
_LOCATION_KEYS = ("clause", "section", "page", "line", "table", "row", "col")


def blocks_json(doc: Document) -> dict[str, object]:
    """Return the JSON form of a document's blocks."""
    return {"blocks": [_block_json(b) for b in doc.blocks]}


def _block_json(block: Block) -> dict[str, object]:
    loc = block.location.to_dict()
    return {
        "index": block.index,
        "kind": str(block.kind),
        "text": block.text,
        "location": {key: loc[key] for key in _LOCATION_KEYS},
        "label": block.label,
        "lint": block.lint,
    }


def render_plain(doc: Document, out: TextIO) -> None:
    """Write one header line per block (index, kind, location) and its text, indented."""
    for block in doc.blocks:
        out.write(f"[{block.index}] {block.kind} {_where(block)}".rstrip() + "\n")
        for line in block.text.split("\n"):
            out.write(f"    {line}\n")
    _footer(doc, out)


def render_table(doc: Document, console: Console) -> None:
    """Print the blocks as a Rich table (for a terminal)."""
    table = Table(title=escape(f"{doc.path} ({doc.format}, {len(doc.blocks)} blocks)"), show_lines=False)
    for column in ("#", "kind", "clause", "section", "page", "line", "cell", "text"):
        table.add_column(column, overflow="fold", no_wrap=column in ("#", "kind"))
    for b in doc.blocks:
        loc = b.location
        cell = f"{loc.table}/{loc.row}/{loc.col}" if loc.table is not None else ""
        text = (f"{b.label} " if b.label and not b.text.startswith(b.label) else "") + b.text
        # Text(), not str: «[1]» in a contract is not Rich markup
        table.add_row(str(b.index), str(b.kind) + ("" if b.lint else " (not linted)"),
                      Text(loc.clause or ""), Text(loc.section or ""), _num(loc.page), _num(loc.line),
                      cell, Text(text))
    console.print(table)
    for key in ("note", "encoding"):
        if doc.meta.get(key):
            console.print(Text(f"{key}: {doc.meta[key]}"))


def _where(block: Block) -> str:
    loc = block.location
    parts = []
    if block.label:
        parts.append(f"label={block.label}")
    for key in _LOCATION_KEYS:
        value = getattr(loc, key)
        if value is not None:
            parts.append(f"{key}={value}")
    if not block.lint:
        parts.append("not-linted")
    return " ".join(parts)


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def _footer(doc: Document, out: TextIO) -> None:
    for key in ("note", "encoding"):
        if doc.meta.get(key):
            out.write(f"# {key}: {doc.meta[key]}\n")


def dump(
    file: str = typer.Argument(..., help="Документ (DOCX, PDF, ODT, DOC, RTF, TXT, MD) или «-» для stdin."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json"),
    pdf_engine: str = typer.Option("pdfium", "--pdf-engine", help="pdfium | pdfplumber"),
    password: Optional[str] = opts.PASSWORD,
    ocr: bool = opts.OCR,
    max_size: Optional[int] = typer.Option(None, "--max-size", help="Наибольший размер файла, МБ (200)."),
) -> None:
    """Показать блоки документа так, как их видит линтер: пункт, раздел, страница, строка."""
    from contract_lint.parsers import MAX_INPUT_BYTES, ParseOptions, parse_path

    if fmt not in FORMATS:
        _fail(f'--format: "{fmt}" is not one of {", ".join(FORMATS)}')
    if pdf_engine not in PDF_ENGINES:
        _fail(f'--pdf-engine: "{pdf_engine}" is not one of {", ".join(PDF_ENGINES)}')
    limit = max_size * 1024 * 1024 if max_size else MAX_INPUT_BYTES
    options = ParseOptions(pdf_engine=pdf_engine, password=password, ocr=ocr, max_size=limit)
    try:
        doc = parse_path(file, options)
    except DocumentError as exc:
        _fail(exc.one_line())
    except ContractLintError as exc:
        _fail(f"{file}: {exc}")
    if fmt == "json":
        typer.echo(json.dumps(blocks_json(doc), ensure_ascii=False, indent=2))
    elif sys.stdout.isatty():
        render_table(doc, Console())
    else:
        render_plain(doc, sys.stdout)


def _fail(message: str) -> None:
    typer.echo(f"contract-lint: {message}", err=True)
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add the `dump` command to the CLI."""
    app.command("dump")(dump)
