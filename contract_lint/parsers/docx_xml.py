"""Namespaces and tag names shared by the DOCX reader modules."""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
VAL = f"{{{W}}}val"


def wtag(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag or attribute: «p» -> «{…/main}p»."""
    return f"{{{W}}}{tag}"
