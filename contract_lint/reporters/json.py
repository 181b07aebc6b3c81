"""JSON report: the versioned contract `{"version": 1, "files": [...]}` (docs/json-output.md).

The shape is fixed by `contract_lint/schemas/json-output.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any, Sequence, TextIO

from contract_lint.findings import FileResult

VERSION = 1
#: Depth at which values go on one line: a finding (root › files › file › findings › finding).
FINDING_DEPTH = 4
# The C encoder runs only without `indent`; an indented dump of a 200-file report is 4x slower.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def to_data(results: Sequence[FileResult]) -> dict[str, object]:
    """Return the report as plain data."""
    return {"version": VERSION, "files": [r.to_dict() for r in results]}


def write_json(data: Any, stream: TextIO, *, inline_depth: int) -> None:
    """Write `data` indented by two spaces, each value at `inline_depth` on a line of its own.

    One finding per line reads and diffs well, and the values are encoded by the C encoder.
    """
    parts: list[str] = []

    def put(value: Any, depth: int, indent: str) -> None:
        if depth >= inline_depth or not isinstance(value, (dict, list)) or not value:
            parts.append(_ENCODE(value))
            return
        inner = indent + "  "
        is_dict = isinstance(value, dict)
        parts.append("{" if is_dict else "[")
        for i, item in enumerate(value.items() if is_dict else value):
            parts.append(",\n" + inner if i else "\n" + inner)
            if is_dict:
                parts.append(_ENCODE(item[0]) + ": ")
                item = item[1]
            put(item, depth + 1, inner)
        parts.append("\n" + indent + ("}" if is_dict else "]"))

    put(data, 0, "")
    parts.append("\n")
    stream.write("".join(parts))


def render(
    results: Sequence[FileResult],
    stream: TextIO,
) -> None:
    """Write the JSON report (UTF-8, not ASCII-escaped) to `stream`."""
    write_json(to_data(results), stream, inline_depth=FINDING_DEPTH)
