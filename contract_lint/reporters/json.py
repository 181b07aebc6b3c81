"""JSON report: the versioned contract `{"version": 1, "files": [...]}` (docs/json-output.md).

The shape is fixed by `contract_lint/schemas/json-output.schema.json`.
"""

from __future__ import annotations

import json
from typing import Sequence, TextIO

from contract_lint.findings import FileResult

VERSION = 1


def to_data(results: Sequence[FileResult]) -> dict[str, object]:
    """Return the report as plain data."""
    return {"version": VERSION, "files": [r.to_dict() for r in results]}


def render(
    results: Sequence[FileResult],
    stream: TextIO,
) -> None:
    """Write the JSON report (UTF-8, not ASCII-escaped) to `stream`."""
    json.dump(to_data(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
