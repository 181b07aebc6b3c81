"""`contract-lint check -` reads the contract from standard input."""

import json

from typer.testing import CliRunner

from contract_lint.cli import app


def test_check_reads_stdin():
    text = "5.1. Оплата производится по факту оказания услуг.\n".encode("cp1251")
    result = CliRunner().invoke(app, ["check", "-", "--format", "json", "--select", "PAY-AS-PERFORMED"],
                                input=text)
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    (finding,) = data["files"][0]["findings"]
    assert data["files"][0]["path"] == "-"
    assert finding["category"] == "PAY-AS-PERFORMED"
    assert finding["location"]["clause"] == "5.1"
    assert "по факту" in finding["match"]
