"""The DOCX package around the comments: the comments part, its relationship and content type.

Every part we do not change is copied byte for byte (same name, order and compression).
"""

from __future__ import annotations

import copy
import io
import posixpath
import time
import zipfile

from lxml import etree

from contract_lint.parsers.docx import DOCX
from contract_lint.parsers.docx_xml import W
from contract_lint.parsers.docx_xml import wtag as _w
from contract_lint.parsers.ziputil import parse_xml

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CONTENT_TYPES = "[Content_Types].xml"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
#: Word 2013+ keeps threads and durable ids of comments in side parts, keyed by the paragraph id.
_EXTRAS = {
    "commentsExtended": ("http://schemas.microsoft.com/office/word/2012/wordml", "commentEx", "paraId"),
    "commentsIds": ("http://schemas.microsoft.com/office/word/2016/wordml/cid", "commentId", "paraId"),
}
_ID, _AUTHOR = _w("id"), _w("author")


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class CommentsPart:
    """word/comments.xml: existing comments kept, ours removed or added."""

    def __init__(self, name: str, root: etree._Element, new: bool) -> None:
        self.name, self.root, self.new = name, root, new
        self.added = 0
        self.removed_para_ids: set[str] = set()
        self._ids = {int(i) for c in root.iterchildren(_w("comment")) if (i := c.get(_ID, "")).isdigit()}

    def reserve(self, ids: set[str]) -> None:
        """Never reuse ids that ranges in the document already use."""
        self._ids |= {int(i) for i in ids if i.isdigit()}

    def next_id(self) -> int:
        ident = max(self._ids, default=-1) + 1
        self._ids.add(ident)
        return ident

    def remove_author(self, author: str) -> set[str]:
        """Remove every comment by `author`; return their ids."""
        removed = set()
        for comment in list(self.root.iterchildren(_w("comment"))):
            if comment.get(_AUTHOR) == author:
                removed.add(comment.get(_ID, ""))
                self.removed_para_ids |= {p.get(f"{{{W14}}}paraId") for p in comment.iter(_w("p"))} - {None}
                self.root.remove(comment)
        return removed

    def add(self, ident: int, text: str, author: str, initials: str, date: str) -> None:
        """Append one comment of one paragraph (the annotation mark, then the text)."""
        comment = etree.SubElement(self.root, _w("comment"))
        for key, value in (("id", str(ident)), ("author", author), ("date", date), ("initials", initials)):
            comment.set(_w(key), value)
        para = etree.SubElement(comment, _w("p"))
        etree.SubElement(etree.SubElement(para, _w("pPr")), _w("pStyle")).set(_w("val"), "CommentText")
        mark = etree.SubElement(para, _w("r"))
        etree.SubElement(etree.SubElement(mark, _w("rPr")), _w("rStyle")).set(_w("val"), "CommentReference")
        etree.SubElement(mark, _w("annotationRef"))
        t = etree.SubElement(etree.SubElement(para, _w("r")), _w("t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        self.added += 1


class Package:
    """A DOCX package open for a rewrite of a few parts."""

    def __init__(self, path: str, data: bytes, main: str) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())
        self.main = main
        self.folder = posixpath.dirname(main)
        self.rels_name = posixpath.join(self.folder, "_rels", posixpath.basename(main) + ".rels")
        self.rels = self.xml(self.rels_name) if self.rels_name in self.names else etree.Element(
            f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        self.changed: dict[str, bytes] = {}

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.path, name, self.zip.read(name), DOCX)

    def target(self, rel_type: str) -> str | None:
        """Return the part name of the main part's first relationship of `rel_type` (suffix)."""
        for rel in self.rels.iterchildren(f"{{{REL_NS}}}Relationship"):
            if rel.get("Type", "").rsplit("/", 1)[-1] == rel_type and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(self.folder, target))
        return None

    def comments(self) -> CommentsPart:
        """Return the comments part, or a new empty one (created in the package only if used)."""
        name = self.target("comments")
        if name and name in self.names:
            return CommentsPart(name, self.xml(name), new=False)
        name = name or posixpath.join(self.folder, "comments.xml")
        return CommentsPart(name, etree.Element(_w("comments"), nsmap={"w": W}), new=True)

    def replace(self, name: str, root: etree._Element) -> None:
        self.changed[name] = serialize(root)

    def forget_comment_extras(self, para_ids: set[str]) -> None:
        """Drop the thread entries of removed comments (commentsExtended, commentsIds)."""
        for rel_type, (ns, tag, attr) in _EXTRAS.items():
            name = self.target(rel_type)
            if not para_ids or name is None or name not in self.names:
                continue
            root = self.xml(name)
            for el in list(root.iterchildren(f"{{{ns}}}{tag}")):
                if el.get(f"{{{ns}}}{attr}") in para_ids:
                    root.remove(el)
            self.replace(name, root)

    def write(self, comments: CommentsPart) -> bytes:
        """Return the new package: changed parts replaced, the comments part added if new."""
        if comments.added or not comments.new:
            self.replace(comments.name, comments.root)
        if comments.new and comments.added:
            self._register(comments.name)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in self.zip.infolist():
                data = self.changed.pop(info.filename, None)
                zout.writestr(copy.copy(info), data if data is not None else self.zip.read(info))
            for name, data in self.changed.items():
                info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                zout.writestr(info, data)
        return out.getvalue()

    def _register(self, name: str) -> None:
        """Add the relationship and the content-type override of a new comments part."""
        taken = {rel.get("Id") for rel in self.rels}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        rel = etree.SubElement(self.rels, f"{{{REL_NS}}}Relationship")
        rel.set("Id", f"rId{number}")
        rel.set("Type", COMMENTS_REL)
        rel.set("Target", posixpath.relpath(name, self.folder or "."))
        self.replace(self.rels_name, self.rels)
        types = self.xml(CONTENT_TYPES)
        if not any(o.get("PartName") == "/" + name for o in types.iterchildren(f"{{{CT_NS}}}Override")):
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", "/" + name)
            override.set("ContentType", COMMENTS_CT)
        self.replace(CONTENT_TYPES, types)
