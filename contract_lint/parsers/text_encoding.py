"""Decode plain-text contracts: UTF-8 (with or without BOM), UTF-16, and the Cyrillic code pages.

Russian plain text is very often cp1251 (Windows Notepad before 2019, 1C exports).
Strict UTF-8 is tried first (it practically never decodes legacy bytes by accident);
then each Cyrillic code page is scored by how Russian the result looks, because a
generic detector easily reads cp1251 as cp1252 or koi8-r.
"""

from __future__ import annotations

import codecs
import unicodedata

from contract_lint.errors import DocumentError

#: Code pages tried for non-UTF text, best first on ties.
CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")
#: Fallback for text with no Cyrillic at all (English contracts from old Windows).
_WESTERN_CANDIDATES = ("cp1252", "latin_1")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_MAX_CONTROL_RATIO = 0.01
# Russian prose scores 40-60; Latin text with a stray accented letter stays below 5.
_MIN_RUSSIAN_SCORE = 10.0
#: Characters scored per candidate code page: enough to decide, cheap on a 10 MB file.
_SCORE_SAMPLE = 16384
# Relative letter frequencies of Russian prose (per mille): a decoding that yields
# frequent letters in lower case, capitals only at word starts, is the right one.
_RU_FREQ = dict(zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
    (110, 85, 80, 74, 67, 63, 55, 47, 45, 44, 35, 32, 30, 28, 26, 20, 19, 17, 17, 16, 16, 14,
     12, 10, 9, 7, 6, 5, 4, 3, 3, 1, 1),
))


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return the text of `data` and the encoding used; refuse binary data."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom):], codec, name), name), (
                "utf-8-sig" if label == "utf-8" else label)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(_strict(data, utf16, name), name), utf16
    if b"\x00" in data:
        raise _binary(name)
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _legacy(data)
    return _checked(text, name), encoding


def is_text(data: bytes, limit: int = 65536) -> bool:
    """Return whether `data` decodes as text, judging by its first `limit` bytes (keep it even)."""
    sample = data[:limit]
    if len(data) > limit and not (sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
                                  or _utf16_without_bom(sample)):
        sample = _utf8_boundary(sample)
    try:
        decode_text(sample, "<probe>")
    except DocumentError:
        return False
    return True


def _utf8_boundary(sample: bytes) -> bytes:
    """Drop a UTF-8 character cut in half at the end of a prefix."""
    for back in range(1, min(4, len(sample)) + 1):
        byte = sample[-back]
        if byte & 0xC0 != 0x80:  # an ASCII byte or a lead byte
            needed = 2 if byte >= 0xC0 else 1
            needed = 3 if byte >= 0xE0 else needed
            needed = 4 if byte >= 0xF0 else needed
            return sample if needed <= back else sample[:-back]
    return sample


def russian_score(text: str) -> float:
    """Score how Russian the non-ASCII part of `text` looks (about 40-60 for Russian prose).

    Only non-ASCII characters differ between code pages. A right decoding gives
    frequent Russian letters, in lower case or capitalised at a word start, in runs of
    Cyrillic; a wrong one gives symbols, capitals inside words, or Cyrillic letters
    glued to Latin ones («cafй») or standing alone («100 А,»).
    """
    total = 0
    score = 0.0
    prev = " "
    for i, ch in enumerate(text):
        if ch < "\x80":
            prev = ch
            continue
        total += 1
        freq = _RU_FREQ.get(ch.lower())
        if freq is not None:
            nxt = text[i + 1] if i + 1 < len(text) else " "
            latin_neighbour = _is_ascii_letter(prev) or _is_ascii_letter(nxt)
            in_word = "\u0400" <= prev <= "\u04ff" or "\u0400" <= nxt <= "\u04ff"
            if in_word and not latin_neighbour and not (ch.isupper() and prev.islower()):
                score += freq
        prev = ch
    return score / total if total else 0.0


def _is_ascii_letter(ch: str) -> bool:
    return ch < "\x80" and ch.isalpha()


def _legacy(data: bytes) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for encoding in CYRILLIC_CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = russian_score(text[:_SCORE_SAMPLE])
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is not None and best[0] >= _MIN_RUSSIAN_SCORE:
        return best[1], _label(best[2])
    return _western(data)


def _western(data: bytes) -> tuple[str, str]:
    """Decode text without Cyrillic: let charset-normalizer choose among Western code pages."""
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=list(_WESTERN_CANDIDATES)).best()
    if match is not None:
        return str(match), _label(match.encoding)
    return data.decode("cp1252", errors="replace"), "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16: every other byte is 0x00 (Latin) or 0x04 (Cyrillic)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        zeros = high.count(0)
        plausible = zeros + high.count(4)
        if zeros and plausible >= 0.95 * len(high):
            return codec
    return None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DocumentError(name, f"the text is not valid {codec} ({exc.reason} at byte {exc.start})",
                            "save the file again as UTF-8") from exc


def _checked(text: str, name: str) -> str:
    """Refuse decoded text that is really binary data (control characters, NULs)."""
    sample = text[:65536]
    controls = sum(
        1 for ch in sample
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs", "Co")
    )
    if "\x00" in sample or controls > _MAX_CONTROL_RATIO * max(len(sample), 1):
        raise _binary(name)
    return text


def _binary(name: str) -> DocumentError:
    return DocumentError(name, "unknown binary format (not text, DOCX, PDF, ODT, DOC or RTF)",
                         "contract-lint reads DOCX, PDF, ODT, DOC, RTF, TXT, MD")


def _label(encoding: str) -> str:
    """Return the codec's usual spelling («koi8_r» -> «koi8-r»)."""
    return codecs.lookup(encoding).name
