"""Helpers for the folder tests: a tiny rule pack, contracts in DOCX/PDF/TXT, the CLI."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad_inputs"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

CONTRACT = [
    "ДОГОВОР ОКАЗАНИЯ УСЛУГ № 7",
    "1. Предмет договора",
    "1.1. Исполнитель оказывает услуги своевременно.",
    "2. Оплата",
    "2.1. Оплата производится по факту оказания услуг.",
]

_RULE = """id: FOLD001
name: vague-timely
category: TERM-VAGUE
severity: warning
title: Размытый срок
message: Срок «{match}» не определён.
check:
  regex: '\\bсвоевременно\\b'
examples:
  flag: [["1.1. Работы выполняются своевременно."]]
  pass: [["1.1. Работы выполняются в течение 5 дней."]]
"""
_PACK = "id: fold\nname: Folder tests\nversion: 1.0.0\nlanguage: ru\n"


def bad_inputs() -> Any:
    """Import tests/bad_inputs/make_bad_inputs.py (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("make_bad_inputs", BAD / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def make_pack(folder: Path, extra_rules: dict[str, str] | None = None) -> Path:
    """Write a one-rule pack (FOLD001 flags «своевременно») plus `extra_rules` by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(_PACK, encoding="utf-8")
    (folder / "vague-timely.yaml").write_text(_RULE, encoding="utf-8")
    for name, text in (extra_rules or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def docx_bytes(paragraphs: list[str] = CONTRACT) -> bytes:
    """Return a minimal DOCX with one paragraph per item."""
    mod = bad_inputs()
    w = mod._W
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    return mod._docx(xml.encode("utf-8"))


def pdf_bytes(paragraphs: list[str] = CONTRACT, pages: int = 1) -> bytes:
    """Return a PDF with a Cyrillic text layer: `paragraphs` on every page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for _ in range(pages):
        c.setFont("DejaVu", 11)
        for i, line in enumerate(paragraphs):
            c.drawString(60, 760 - 18 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def txt_bytes(paragraphs: list[str] = CONTRACT, encoding: str = "utf-8") -> bytes:
    return ("\n\n".join(paragraphs) + "\n").encode(encoding)


def make_folder(folder: Path) -> Path:
    """A folder with a DOCX, a PDF, a TXT in a subfolder and one bad file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.docx").write_bytes(docx_bytes())
    (folder / "b.pdf").write_bytes(pdf_bytes())
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "c.txt").write_bytes(txt_bytes())
    (folder / "d-broken.docx").write_bytes(docx_bytes()[:200])
    return folder


def cli(*args: str | Path) -> Any:
    """Run the CLI in this process; stdout and stderr are kept apart."""
    from contract_lint.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def pack_args(pack: Path) -> list[str]:
    return ["--no-builtin", "--pack", str(pack)]


def json_results(stdout: str) -> list[dict[str, Any]]:
    """Return the list of per-file results of a JSON report."""
    data = json.loads(stdout)
    return data["files"] if isinstance(data, dict) and "files" in data else data
