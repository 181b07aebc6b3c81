"""CHECKS and SCHEMAS of contract_lint.structure: the contract with the engine."""

from __future__ import annotations

import jsonschema
import pytest

from contract_lint.matchers.base import Hit
from contract_lint.structure import CHECKS, SCHEMAS
from structure_helpers import doc

KINDS = ("penalty_rate", "period", "xref", "annex", "amount_words", "placeholder", "defined_terms", "party_names")


def test_every_kind_has_a_check_and_a_closed_schema() -> None:
    assert set(CHECKS) == set(KINDS) == set(SCHEMAS)
    for schema in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("kind", "options"),
    [("penalty_rate", {"min_annual_rate": 50}), ("placeholder", {"exclude_sections": ["подпис"]}),
     ("defined_terms", {"min_uses": 2}), ("xref", {})],
)
def test_documented_options_validate(kind: str, options: dict) -> None:
    jsonschema.validate(options, SCHEMAS[kind])


@pytest.mark.parametrize(("kind", "options"), [("penalty_rate", {"min_rate": 1}), ("defined_terms", {"min_uses": 0})])
def test_bad_options_are_rejected(kind: str, options: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(options, SCHEMAS[kind])


@pytest.mark.parametrize("kind", KINDS)
def test_checks_return_hits_on_empty_and_plain_documents(kind: str) -> None:
    for document in (doc(), doc("Просто текст без рисков.")):
        hits = CHECKS[kind](document, {})
        assert hits == [] and all(isinstance(h, Hit) for h in hits)
