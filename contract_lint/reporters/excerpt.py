"""Excerpts for people: the clause around the match, elided at word boundaries, match marked."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from contract_lint.model import fold

#: Characters of context a terminal line shows around the match.
WIDTH = 240
ELLIPSIS = "…"
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Excerpt:
    """An excerpt cut into the words before the match, the match, and the words after."""

    before: str
    match: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.match + self.after


def _flat(text: str) -> str:
    """Put a multi-line excerpt on one line (table cells, soft line breaks)."""
    return _SPACES.sub(" ", text)


def find_match(text: str, match: str) -> int:
    """Return where `match` is in `text` (exact, then case/ё-insensitive), or -1."""
    if not match:
        return -1
    at = text.find(match)
    return at if at >= 0 else fold(text).find(fold(match))


def _cut_left(text: str, room: int) -> str:
    """Keep at most `room` characters at the end of `text`, starting on a word."""
    if len(text) <= room:
        return text
    tail = text[len(text) - room:]
    space = tail.find(" ")
    tail = tail[space + 1:] if 0 <= space < len(tail) - 1 else tail
    return ELLIPSIS + tail


def _cut_right(text: str, room: int) -> str:
    """Keep at most `room` characters at the start of `text`, ending on a word."""
    if len(text) <= room:
        return text
    head = text[:room]
    space = head.rfind(" ")
    head = head[:space] if space > 0 else head
    return head.rstrip(" ,;:") + ELLIPSIS


def make_excerpt(text: str, match: str = "", width: int = WIDTH) -> Excerpt:
    """Return `text` with `match` located and the rest elided to about `width` characters."""
    text = _flat(text.strip())
    at = find_match(text, _flat(match))
    if at < 0:
        return Excerpt(_cut_right(text, width), "", "")
    end = at + len(_flat(match))
    room = max(width - (end - at), 40) // 2
    before, after = text[:at], text[end:]
    # Give the side with less text the other side's unused room.
    spare_left, spare_right = max(room - len(after), 0), max(room - len(before), 0)
    return Excerpt(_cut_left(before, room + spare_left), text[at:end], _cut_right(after, room + spare_right))
