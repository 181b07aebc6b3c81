"""SARIF 2.1.0 report: valid against the official schema, with rules, levels, locations, fingerprints."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from contract_lint.findings import FileResult
from contract_lint.reporters import render
from contract_lint.reporters.sarif import FINGERPRINT_KEY, to_sarif
from test_report_samples import RULES, finding_at, sample, text_document

_FILE = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# This copy of the official schema keeps the log's root object under definitions/Root and has no
# top-level constraints, so validating against the file as-is would accept anything: point at Root.
SCHEMA = {**_FILE, "$ref": "#/definitions/Root"} if "Root" in _FILE.get("definitions", {}) else _FILE


def _sarif() -> dict:
    results, docs = sample()
    stream = io.StringIO()
    render("sarif", results, RULES, stream, documents=docs)
    return json.loads(stream.getvalue())


def test_sarif_validates_against_the_official_schema():
    jsonschema.Draft7Validator(SCHEMA).validate(_sarif())


def test_schema_check_is_not_vacuous():
    data = _sarif()
    data["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate({"version": "2.1.0", "runs": [{"results": []}]})  # no tool


def test_driver_rules_come_from_rule_docs():
    rules = _sarif()["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["LIAB001", "TERM001", "LIAB004"]
    liab = rules[0]
    assert liab["name"] == "penalty-without-cap"
    assert liab["shortDescription"]["text"] == "Неустойка без верхнего предела"
    assert liab["fullDescription"]["text"] == "Суд может снизить неустойку (ст. 333 ГК РФ)."
    assert "Предложение: «…но не более 10% от суммы неисполненного обязательства»" in liab["help"]["text"]
    assert liab["defaultConfiguration"]["level"] == "error"
    assert liab["properties"]["category"] == "LIAB-PENALTY-NO-CAP"
    assert liab["properties"]["references"] == ["ГК РФ ст. 330", "ГК РФ ст. 333"]
    assert rules[1]["defaultConfiguration"]["level"] == "warning"


def test_results_levels_regions_and_logical_locations():
    run = _sarif()["runs"][0]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("LIAB004", "warning"), ("TERM001", "warning"), ("LIAB001", "error"), ("LIAB001", "error"), ("TERM001", "note"),
    ]
    assert [r["ruleIndex"] for r in results] == [2, 1, 0, 0, 1]
    txt = results[2]["locations"][0]
    assert txt["physicalLocation"]["artifactLocation"]["uri"] == "dogovor.txt"
    assert txt["physicalLocation"]["region"] == {"startLine": 9, "startColumn": 26, "endColumn": 26 + len("пеню в размере 0,5%")}
    assert results[2]["message"]["text"].endswith("(п. 7.2 · строка 9)")
    docx = results[3]["locations"][0]
    assert "region" not in docx["physicalLocation"]
    assert docx["physicalLocation"]["artifactLocation"]["uri"] == "dogovor.docx"
    assert docx["logicalLocations"][0]["name"] == "п. 7.2"
    assert docx["logicalLocations"][0]["fullyQualifiedName"] == "dogovor.docx#7.2"
    assert docx["properties"]["block"] == 1 and docx["properties"]["clause"] == "7.2"
    whole = results[0]["locations"][0]
    assert "region" not in whole["physicalLocation"]
    assert whole["logicalLocations"][0]["name"] == "документ в целом"


def test_per_file_errors_are_tool_execution_notifications():
    invocation = _sarif()["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "broken.pdf: the file is damaged — open it and save again"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.pdf"
    clean = to_sarif([FileResult("a.txt", "txt")], RULES)
    assert clean["runs"][0]["invocations"][0] == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_fingerprints_stable_across_runs_and_moves_different_for_other_clauses():
    first = [r["partialFingerprints"][FINGERPRINT_KEY] for r in _sarif()["runs"][0]["results"]]
    second = [r["partialFingerprints"][FINGERPRINT_KEY] for r in _sarif()["runs"][0]["results"]]
    assert first == second
    assert len(set(first)) == len(first)  # different clauses / rules, different fingerprints
    # the same clause moved down (new offsets, new line, renumbered) keeps its fingerprint
    doc = text_document()
    f = finding_at(doc, RULES[0], "пеню в размере 0,5%")
    moved = replace(f, start=f.start + 500, end=f.end + 500, block=f.block + 3,
                    excerpt=f.excerpt.replace("7.2. ", "8.2. "),
                    location=replace(f.location, clause="8.2", line=40))
    fp = lambda finding: to_sarif([FileResult("d.txt", "txt", [finding])])["runs"][0]["results"][0]["partialFingerprints"]  # noqa: E731
    assert fp(f) == fp(moved)
    reworded = replace(f, excerpt=f.excerpt.replace("0,5%", "0,3%"))
    assert fp(f) != fp(reworded)


def test_findings_of_unknown_rules_get_a_minimal_rule_entry():
    results, _ = sample()
    data = to_sarif(results, rules=[])
    ids = [r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == ["LIAB004", "TERM001", "LIAB001"]
    jsonschema.Draft7Validator(SCHEMA).validate(data)
