"""JUnit XML: one testcase per file, a <failure> per finding, an <error> for an unreadable file.

The `failures`/`errors` counts are of testcases, never above `tests`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Sequence, TextIO

from contract_lint.findings import FileResult
from contract_lint.reporters.base import ordered, severity_word, where, word


def to_xml(results: Sequence[FileResult], lang: str = "ru") -> ET.Element:
    """Return the <testsuites> element."""
    # counts are of testcases (files), as JUnit readers expect: passed = tests - failures - errors
    errors = sum(1 for r in results if r.error)
    failures = sum(1 for r in results if r.findings and not r.error)
    suites = ET.Element("testsuites", name="contract-lint", tests=str(len(results)),
                        failures=str(failures), errors=str(errors))
    suite = ET.SubElement(suites, "testsuite", name="contract-lint", tests=str(len(results)),
                          failures=str(failures), errors=str(errors), skipped="0")
    for result in results:
        case = ET.SubElement(suite, "testcase", name=result.path, classname="contract-lint", file=result.path)
        if result.error:
            ET.SubElement(case, "error", message=result.error, type="DocumentError").text = result.error
        for f in ordered(result.findings):
            message = " ".join(f.message.split())
            failure = ET.SubElement(case, "failure", message=f"{f.rule}: {message}", type=f.rule)
            lines = [f"{where(f, lang)} · {f.rule} {f.name} · {f.category} · {severity_word(f.severity, lang)}",
                     message]
            if f.excerpt:
                lines.append(f"«{f.excerpt}»")
            if f.suggestion:
                lines.append(word("suggestion", lang).format(f.suggestion))
            failure.text = "\n".join(lines)
    return suites


def render(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    lang: str = "ru",
) -> None:
    """Write the JUnit XML report."""
    tree = to_xml(results, lang)
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree, encoding="unicode"))
    stream.write("\n")
