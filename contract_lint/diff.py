"""What a new version of a contract adds: findings in NEW whose fingerprint OLD does not have.

Findings are matched by the baseline fingerprint (rule + normalised clause text + match),
so renumbered clauses and moved paragraphs do not count as new; a clause whose wording
changed does. Counting is per fingerprint: a second identical finding in NEW is new.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from contract_lint.baseline import fingerprint
from contract_lint.findings import FileResult, Finding


def new_findings(old: list[Finding], new: list[Finding]) -> list[Finding]:
    """Return the findings of `new` that `old` does not have (multiset difference, in order)."""
    budget = Counter(fingerprint(f) for f in old)
    added = []
    for f in new:
        fp = fingerprint(f)
        if budget[fp] > 0:
            budget[fp] -= 1
        else:
            added.append(f)
    return added


def diff_results(old: FileResult, new: FileResult) -> FileResult:
    """Return NEW's result keeping only added findings; an unreadable side is a per-file error."""
    old_error = old.error if not old.error or old.error.startswith(old.path) else f"{old.path}: {old.error}"
    errors = [e for e in (old_error, new.error) if e]
    return replace(new, findings=new_findings(old.findings, new.findings), error="; ".join(errors) or None)
