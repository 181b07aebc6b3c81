"""Russian-aware structural checks: penalty rates, periods, cross-references, annexes,
amounts in words, placeholders, defined terms and party names.

`CHECKS[kind](document, options)` returns Hits (spans into `Document.text` plus the
values a rule's message can use); `SCHEMAS[kind]` is the JSON schema of its options.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from contract_lint.matchers.base import Hit
from contract_lint.model import Document
from contract_lint.structure import amounts, annexes, parties, periods, placeholders, rates, terms, xrefs

Check = Callable[[Document, Mapping[str, Any]], list[Hit]]

CHECKS: dict[str, Check] = {
    "penalty_rate": rates.check_penalty_rate,
    "period": periods.check_period,
    "xref": xrefs.check_xref,
    "annex": annexes.check_annex,
    "amount_words": amounts.check_amount_words,
    "placeholder": placeholders.check_placeholder,
    "defined_terms": terms.check_defined_terms,
    "party_names": parties.check_party_names,
}

SCHEMAS: dict[str, dict] = {
    "penalty_rate": rates.SCHEMA,
    "period": periods.SCHEMA,
    "xref": xrefs.SCHEMA,
    "annex": annexes.SCHEMA,
    "amount_words": amounts.SCHEMA,
    "placeholder": placeholders.SCHEMA,
    "defined_terms": terms.SCHEMA,
    "party_names": parties.SCHEMA,
}

__all__ = ["CHECKS", "SCHEMAS", "Check"]
