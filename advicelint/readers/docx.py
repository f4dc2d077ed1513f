"""Word .docx reader: the text a reader of the letter sees, via zipfile + lxml.

python-docx is not used for extraction: ``Paragraph.text`` loses text inside
``w:ins``, ``w:moveTo``, ``w:smartTag``, ``w:fldSimple``, ``w:sdt`` and text
boxes, and repeats merged table cells.

What is read, in this order, with a blank line between parts: each distinct
header part (in the order the sections reference them), the main document,
footnotes, endnotes, then each distinct footer part. Parts without any
non-blank paragraph are left out. Comments are never read.

Within a part every ``w:p`` is one line; lines are joined with ``"\\n"``.
Text comes from ``w:t`` (``w:tab``/``w:ptab`` = tab, ``w:br``/``w:cr`` =
newline, ``w:noBreakHyphen`` = "-"). Left out: deleted and moved-away text
(``w:del``, ``w:moveFrom``), field codes (``w:instrText`` and anything between
a complex field's ``begin`` and ``separate``; the result after ``separate`` is
read), ``mc:Fallback`` (the VML copy of an ``mc:Choice`` drawing), property
elements (``w:pPr``, ``w:rPr`` ...), separator footnotes/endnotes, ``w:sym``.
Complex-field state is kept per paragraph (Word never splits a field code
across paragraphs), so a broken field cannot hide the rest of a letter.

Nested paragraphs (a text box anchored in a paragraph): the outer paragraph is
emitted with its own text only, then each inner paragraph as its own line and
block, in document order, right after it.

Each emitted paragraph gets a :class:`Block`: ``part`` is the zip part name and
``index`` the paragraph's position in ``part_root.iter(w:p)`` (which counts
every ``w:p``, including ones inside ``mc:Fallback``), so a writer can find the
same paragraph again.

Entities: parts are parsed without loading DTDs or resolving entities, so a
DOCTYPE entity reference (e.g. an external ``SYSTEM`` entity) contributes no
text and nothing is fetched; the rest of the paragraph is read.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
import zlib
from typing import NamedTuple
from urllib.parse import unquote

from lxml import etree

from .base import Block, Extracted, ReadError
from .text import ZIP_MAGIC, container_refusal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
STRICT_PREFIX = "http://purl.oclc.org/ooxml/"

MAX_UNPACKED = 200 * 1024 * 1024  # bytes of parts we are willing to unpack

_WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CT_DOCUMENT = f"{_WORDML}.document.main+xml"
CT_REFUSED = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "macro-enabled Word document (.docm) is not supported: save as .docx"
    ),
    f"{_WORDML}.template.main+xml": ("Word template (.dotx) is not supported: save as .docx"),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "Word template (.dotm) is not supported: save as .docx"
    ),
}
_MAIN_TYPES = frozenset({CT_DOCUMENT, *CT_REFUSED})
CORRUPT_ZIP = "corrupt .docx: not a readable zip archive"
STRICT = "Strict Open XML is not supported: in Word choose Save As > Word Document (.docx)"
NO_MAIN = "not a Word document: no main document part"
ODF = "OpenDocument file is not supported: save the letter as .docx"
EMPTY = "empty document: no text to check"

_SKIP = frozenset(
    W + name
    for name in (
        "pPr", "rPr", "sectPr", "tblPr", "tblPrEx", "tblGrid", "trPr", "tcPr",
        "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr",
        "del", "moveFrom", "delText", "instrText", "delInstrText", "sym",
    )
) | {MC + "Fallback"}  # fmt: skip
_CHARS = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
    W + "softHyphen": "",
}
_NOTE_TAGS = frozenset({W + "footnote", W + "endnote"})
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_ZIP_ERRORS = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
    NotImplementedError, RuntimeError,
)  # fmt: skip
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

Story = list[tuple[etree._Element, str]]


class Rel(NamedTuple):
    """An internal package relationship."""

    id: str
    type: str
    target: str  # part name without the leading "/"


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


# --- package ---------------------------------------------------------------


class _Package:
    """Read-only access to the parts of a zip package, with an unpack budget."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_ERRORS as error:
            raise ReadError(CORRUPT_ZIP) from error
        self.names = {name.lower(): name for name in self.zip.namelist()}
        self.budget = MAX_UNPACKED

    def name(self, part: str) -> str | None:
        """The archive's spelling of ``part`` (part names are case-insensitive)."""
        return self.names.get(unquote(part).lstrip("/").lower())

    def read(self, name: str) -> bytes:
        info = self.zip.getinfo(name)
        self.budget -= info.file_size
        if self.budget < 0:
            limit = MAX_UNPACKED // 2**20
            raise ReadError(f"refused: the file unpacks to more than {limit} MB")
        try:
            return self.zip.read(info)
        except _ZIP_ERRORS as error:
            raise ReadError(f"corrupt .docx: {name} cannot be unpacked") from error

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.read(name), _PARSER)
        except etree.XMLSyntaxError as error:
            raise ReadError(f"corrupt .docx: {name} is not well-formed XML") from error

    def rels(self, source: str) -> list[Rel]:
        """Internal relationships of part ``source`` ("" for the package)."""
        folder, base = posixpath.split(source)
        rels_name = self.name(posixpath.join(folder, "_rels", base + ".rels"))
        if rels_name is None:
            return []
        return [
            Rel(rel.get("Id", ""), rel.get("Type", ""), _resolve(folder, rel))
            for rel in self.xml(rels_name)
            if _local(rel) == "Relationship" and rel.get("TargetMode") != "External"
        ]

    @functools.cached_property
    def content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        """``(part name -> type, extension -> type)``, keys lower-cased."""
        types_name = self.name("[Content_Types].xml")
        overrides: dict[str, str] = {}
        defaults: dict[str, str] = {}
        for entry in self.xml(types_name) if types_name else ():
            kind = entry.get("ContentType", "")
            if _local(entry) == "Override":
                part = unquote(entry.get("PartName", "")).lstrip("/").lower()
                overrides[part] = kind
            elif _local(entry) == "Default":
                defaults[entry.get("Extension", "").lower()] = kind
        return overrides, defaults

    def content_type(self, name: str) -> str:
        """Content type of part ``name`` ("" if unknown)."""
        overrides, defaults = self.content_types
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        return overrides.get(name.lower()) or defaults.get(extension, "")


def _resolve(folder: str, rel: etree._Element) -> str:
    """Part name a relationship's target points at (relative to ``folder``)."""
    target = rel.get("Target", "")
    path = target if target.startswith("/") else posixpath.join("/", folder, target)
    return posixpath.normpath(unquote(path)).lstrip("/")


def _main_part(package: _Package) -> tuple[str, etree._Element]:
    """Name and root of the main document part, or a :class:`ReadError` why not."""
    name = None
    for rel in package.rels(""):
        if rel.type.endswith("/officeDocument"):
            if rel.type.startswith(STRICT_PREFIX):
                raise ReadError(STRICT)
            name = package.name(rel.target)
            break
    if name is None:
        overrides, _ = package.content_types
        mains = [part for part, kind in overrides.items() if kind in _MAIN_TYPES]
        name = package.name(mains[0]) if mains else None
    if name is None:
        raise ReadError(ODF if _is_odf(package) else NO_MAIN)
    refusal = CT_REFUSED.get(package.content_type(name))
    if refusal:
        raise ReadError(refusal)
    root = package.xml(name)
    if isinstance(root.tag, str) and root.tag.startswith("{" + STRICT_PREFIX):
        raise ReadError(STRICT)
    if root.tag != W + "document":
        raise ReadError(NO_MAIN)
    return name, root


def _is_odf(package: _Package) -> bool:
    name = package.name("mimetype")
    return name is not None and package.read(name).startswith(b"application/vnd.oasis.")


def _related_parts(package: _Package, main: str, root: etree._Element) -> dict[str, list[str]]:
    """Header, footer, footnotes and endnotes part names of the main part."""
    rels = package.rels(main)
    by_id = {rel.id: rel.target for rel in rels}
    found: dict[str, list[str]] = {
        "header": [], "footer": [], "footnotes": [], "endnotes": []
    }  # fmt: skip
    for kind in ("header", "footer"):
        for ref in root.iter(W + kind + "Reference"):
            name = package.name(by_id.get(ref.get(R_ID, ""), ""))
            if name and name not in found[kind]:
                found[kind].append(name)
    for rel in rels:
        kind = rel.type.rsplit("/", 1)[-1]
        name = package.name(rel.target)
        if kind in ("footnotes", "endnotes") and name and name not in found[kind]:
            found[kind].append(name)
    return found


# --- text ------------------------------------------------------------------


def _walk(node: etree._Element, buf: list[str] | None, fields: list[bool], out: Story) -> None:
    """Append the text under ``node`` to ``buf`` and each ``w:p`` met to ``out``.

    ``buf`` is None outside paragraphs (only paragraphs are looked for there);
    ``fields`` is the complex-field stack of the current paragraph, True while
    inside a field code (``begin`` .. ``separate``).
    """
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue  # comments, processing instructions, unresolved entities
        if tag == W + "p":
            _paragraph(child, out)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                _walk(choice, buf, fields, out)
        elif tag in _NOTE_TAGS and child.get(W + "type") in _SEPARATOR_NOTES:
            continue
        elif buf is None:
            _walk(child, None, fields, out)
        elif tag == W + "fldChar":
            _field_char(child, fields)
        elif tag == W + "t":
            if True not in fields:  # not inside a field code
                buf.append(_t_text(child))
        elif tag in _CHARS:
            if True not in fields:
                buf.append(_CHARS[tag])
        else:
            _walk(child, buf, fields, out)


def _paragraph(p: etree._Element, out: Story) -> None:
    """Append ``p`` with its own text to ``out``; nested paragraphs follow it."""
    slot = len(out)
    out.append((p, ""))
    buf: list[str] = []
    _walk(p, buf, [], out)
    out[slot] = (p, "".join(buf))


def _field_char(element: etree._Element, fields: list[bool]) -> None:
    kind = element.get(W + "fldCharType")
    if kind == "begin":
        fields.append(True)
    elif kind == "separate" and fields:
        fields[-1] = False
    elif kind == "end" and fields:
        fields.pop()


def _t_text(t: etree._Element) -> str:
    """Text of a ``w:t``, without unresolved entity references."""
    return (t.text or "") + "".join(child.tail or "" for child in t)


def _story(root: etree._Element) -> Story:
    out: Story = []
    _walk(root, None, [], out)
    return out


# --- assembly --------------------------------------------------------------


def _assemble(path: str, stories: list[tuple[str, etree._Element]]) -> Extracted:
    """Join the parts' paragraphs into one text with a block per paragraph."""
    chunks: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for name, root in stories:
        index = {p: i for i, p in enumerate(root.iter(W + "p"))}
        paragraphs = _story(root)
        if not any(text.strip() for _, text in paragraphs):
            continue
        separator = "\n\n" if chunks else ""
        for p, text in paragraphs:
            chunks.append(separator)
            offset += len(separator)
            chunks.append(text)
            blocks.append(Block(offset, offset + len(text), name, index[p]))
            offset += len(text)
            separator = "\n"
    text = "".join(chunks)
    if not text.strip():
        raise ReadError(EMPTY)
    return Extracted(path, text, "docx", None, tuple(blocks))


def read_docx(data: bytes, path: str) -> Extracted:
    """Read the letter text of a .docx file; raise :class:`ReadError` if impossible."""
    reason = container_refusal(data)
    if reason:
        raise ReadError(reason)
    package = _Package(data)
    main, root = _main_part(package)
    related = _related_parts(package, main, root)
    stories = [(name, package.xml(name)) for name in related["header"]]
    stories.append((main, root))
    for kind in ("footnotes", "endnotes", "footer"):
        stories.extend((name, package.xml(name)) for name in related[kind])
    return _assemble(path, stories)


def is_word_zip(data: bytes) -> bool:
    """True if ``data`` is a zip archive with ``word/`` parts."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except _ZIP_ERRORS:
        return False
    return any(name.lower().startswith("word/") for name in names)
