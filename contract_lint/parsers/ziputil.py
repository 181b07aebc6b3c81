"""Open zip-based documents (DOCX, ODT) safely: bombs, encryption and bad XML become DocumentError.

Every size check uses the sizes the zip directory declares, before a byte is
decompressed; reading is then capped at the declared size, so a lying directory
fails the CRC check instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from contract_lint.errors import DocumentError

MAX_PART_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 20_000
#: Tiny parts (a few KB of repeated markup) legitimately compress very well.
_RATIO_MIN_BYTES = 1024 * 1024
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")

_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)


@dataclass(frozen=True, slots=True)
class Kind:
    """How the caller names its format in messages: «DOCX», «ODT»; `save_hint` says how to fix."""

    name: str
    save_hint: str


def read_input(path: str, data: bytes | None) -> bytes:
    """Return the file's bytes, turning I/O failures into DocumentError."""
    if data is not None:
        return data
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise DocumentError(path, f"cannot read the file ({exc.strerror or exc})",
                            "check the path and permissions") from exc


class SafeZip:
    """A zip package whose members are size-checked and parsed with a hardened XML parser."""

    def __init__(self, path: str, data: bytes, kind: Kind) -> None:
        self.path = path
        self.kind = kind
        _refuse_ole(path, data, kind)
        try:
            self._zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as exc:
            raise DocumentError(path, f"not a valid {kind.name} file (broken zip: {exc})",
                                kind.save_hint) from exc
        self._names = {info.filename: info for info in infos}
        self._check_sizes(infos)

    def _check_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        if len(infos) > MAX_ENTRIES:
            raise DocumentError(self.path, f"refused: the package has {len(infos)} parts",
                                self.kind.save_hint)
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise DocumentError(self.path, f"the {self.kind.name} file is encrypted",
                                    "remove the password and save the file again")
            size = info.file_size
            total += size
            ratio = size / max(info.compress_size, 1)
            if size > MAX_PART_BYTES or (size > _RATIO_MIN_BYTES and ratio > MAX_RATIO):
                raise DocumentError(
                    self.path,
                    f"refused: part {info.filename} would unpack to {size // (1024 * 1024)} MB"
                    f" (compression ratio {ratio:.0f}), a zip bomb",
                    "open and re-save the file in an office suite if it is genuine",
                )
        if total > MAX_TOTAL_BYTES:
            raise DocumentError(self.path, f"refused: the package would unpack to {total // 2**20} MB",
                                "split the document")

    def has(self, name: str) -> bool:
        """Return whether the package holds the part `name`."""
        return name in self._names

    def read(self, name: str) -> bytes:
        """Return the bytes of part `name` (capped at its declared size)."""
        info = self._names.get(name)
        if info is None:
            raise DocumentError(self.path, f"part {name} is missing", self.kind.save_hint)
        try:
            with self._zf.open(info) as fh:
                return fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, zlib.error,
                NotImplementedError) as exc:
            raise DocumentError(self.path, f"part {name} is damaged ({exc})",
                                self.kind.save_hint) from exc

    def xml(self, name: str) -> etree._Element:
        """Parse part `name` as XML; DTDs (entity bombs) and malformed XML are refused."""
        return parse_xml(self.path, name, self.read(name), self.kind)


def parse_xml(path: str, name: str, data: bytes, kind: Kind) -> etree._Element:
    """Parse one XML part with entities off; refuse any DOCTYPE (Office XML never has one)."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise _dtd_error(path, name)
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(path, f"malformed XML in {name} ({exc.msg})", kind.save_hint) from exc
    if root is None:
        raise DocumentError(path, f"part {name} is empty", kind.save_hint)
    if root.getroottree().docinfo.internalDTD is not None:
        raise _dtd_error(path, name)
    return root


def _dtd_error(path: str, name: str) -> DocumentError:
    return DocumentError(path, f"refused: {name} declares a DTD with entities (possible entity bomb)",
                         "office documents never contain DTDs; re-save the file in an office suite")


def _refuse_ole(path: str, data: bytes, kind: Kind) -> None:
    """Recognise OLE containers: password-protected OOXML, or a legacy binary file."""
    if not data:
        raise DocumentError(path, "the file is empty", kind.save_hint)
    if data.startswith(b"%PDF"):
        raise DocumentError(path, f"this is a PDF file, not {kind.name}", "give the file a .pdf extension")
    if not data.startswith(_OLE_MAGIC):
        return
    if _ENCRYPTED_MARK in data:
        raise DocumentError(path, f"the {kind.name} file is password-protected (encrypted)",
                            "remove the password (Word: File → Info → Protect Document) and save again")
    raise DocumentError(path, f"this is a legacy binary Office file (.doc), not {kind.name}",
                        "open it in Word or LibreOffice and save as .docx")
