"""`contract-lint dump`: the blocks with their locations, as JSON and as text; one-line errors."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from contract_lint.cli import app

FORMATS = Path(__file__).parent / "fixtures" / "formats"
BAD = Path(__file__).parent / "bad_inputs"
runner = CliRunner()


def _run(*args, **kwargs):
    return runner.invoke(app, ["dump", *args], **kwargs)


def test_json_shape_and_locations():
    result = _run(str(FORMATS / "contract-cp1251.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["blocks"]
    first = data["blocks"][3]
    assert set(first) == {"index", "kind", "text", "location", "label", "lint"}
    assert list(first["location"]) == ["clause", "section", "page", "line", "table", "row", "col"]
    assert first == {
        "index": 3,
        "kind": "list_item",
        "text": "1.1. Исполнитель (ООО «Вымышленные Услуги») обязуется оказать услуги по уборке "
                "помещений Заказчика, а Заказчик обязуется принять и оплатить их.",
        "location": {"clause": "1.1", "section": "ПРЕДМЕТ ДОГОВОРА", "page": None, "line": 6,
                     "table": None, "row": None, "col": None},
        "label": "1.1.",
        "lint": True,
    }
    assert [b["index"] for b in data["blocks"]] == list(range(9))


def test_json_table_cells_of_an_odt():
    data = json.loads(_run(str(FORMATS / "contract.odt"), "-f", "json").stdout)
    cell = next(b for b in data["blocks"] if b["text"] == "Итого")
    assert cell["kind"] == "table_cell"
    assert {k: cell["location"][k] for k in ("table", "row", "col", "clause")} == {
        "table": 1, "row": 3, "col": 1, "clause": "2"}


def test_plain_text_when_not_a_terminal():
    result = _run(str(FORMATS / "contract.md"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "[0] heading section=Договор поставки № 12-ТЕСТ line=1"
    assert lines[1] == "    Договор поставки № 12-ТЕСТ"
    assert "[8] table_cell clause=2 section=Цена line=17 table=1 row=1 col=1" in lines
    assert lines[-1] == "# encoding: utf-8"


def test_stdin():
    data = (FORMATS / "contract-utf16le-bom.txt").read_bytes()
    result = _run("-", "--format", "json", input=data)
    assert result.exit_code == 0, result.output
    blocks = json.loads(result.stdout)["blocks"]
    assert (blocks[6]["location"]["clause"], blocks[6]["location"]["line"]) == ("2.1", 11)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (BAD / "binary.txt", "unknown binary format — contract-lint reads DOCX, PDF, ODT, DOC, RTF, TXT, MD"),
        (FORMATS / "empty.txt", "empty file — the file has 0 bytes; save the document again"),
        (FORMATS / "encrypted.docx", "password-protected Word file — remove the password in Word and save again"),
        (FORMATS / "missing.docx", "no such file — check the path"),
    ],
)
def test_bad_file_is_one_line_on_stderr_and_exit_2(path, message):
    result = _run(str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"contract-lint: {path}: {message}\n"


def test_bad_option_values_exit_2():
    result = _run(str(FORMATS / "contract.md"), "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == 'contract-lint: --format: "xml" is not one of text, json\n'
    result = _run(str(FORMATS / "contract.md"), "--pdf-engine", "magic")
    assert result.exit_code == 2
    assert "--pdf-engine" in result.stderr


def test_max_size_option(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"1.1. text\n" * 200_000)  # about 2 MB
    result = _run(str(path), "--max-size", "1")
    assert result.exit_code == 2
    assert result.stderr == (f"contract-lint: {path}: file too large (2 MB; the limit is 1 MB)"
                             " — split the document, or raise the limit with --max-size MB\n")
