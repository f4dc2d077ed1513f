"""Plain-text reader: decode bytes, normalise line endings, refuse non-text.

Also home of :func:`container_refusal`, the magic-byte sniffing shared with
the .docx reader (OLE2 = legacy .doc or encrypted Word file, PDF, RTF).
"""

from __future__ import annotations

import codecs

from .base import Block, Extracted, ReadError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

ENCRYPTED_WORD = (
    "encrypted (password-protected) Word file: remove the password in Word and save again"
)
LEGACY_DOC = "legacy Word 97-2003 .doc file: open it in Word or LibreOffice and save as .docx"
PDF = "PDF is not supported: save the letter as .docx or .txt"
RTF = "RTF is not supported: save the letter as .docx or .txt"
ZIP_NOT_TEXT = "zip archive, not a text file or a Word document"

_CONTROL_SHARE = 0.10  # more control characters than this means binary
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_LATIN1_FALLBACK = "advicelint-latin1"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the 5 bytes cp1252 leaves undefined as latin-1 (C1 controls)."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def container_refusal(data: bytes) -> str | None:
    """Why ``data`` is a known non-text, non-.docx format, or None."""
    if data.startswith(OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return ENCRYPTED_WORD
        return LEGACY_DOC
    if data.startswith(b"%PDF"):
        return PDF
    if data.startswith(b"{\\rtf"):
        return RTF
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``: UTF-8/16/32 by BOM, UTF-8, else Windows-1252."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8-sig"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as error:
                reason = f"not valid {encoding} text despite its byte-order mark"
                raise ReadError(reason) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors=_LATIN1_FALLBACK), "cp1252"


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:8192]
    controls = sum(1 for c in sample if (c < " " or c == "\x7f") and c not in _ALLOWED_CONTROLS)
    return controls > _CONTROL_SHARE * len(sample)


def line_blocks(text: str) -> tuple[Block, ...]:
    """One block per line (a final newline does not start another line)."""
    blocks: list[Block] = []
    start = 0
    for number, line in enumerate(text.split("\n")):
        if start == len(text) and number:
            break
        blocks.append(Block(start, start + len(line), "", number))
        start += len(line) + 1
    return tuple(blocks)


def read_text(data: bytes, path: str, kind: str = "text") -> Extracted:
    """Read plain text (or Markdown) from ``data``; :class:`ReadError` if not text."""
    reason = container_refusal(data)
    if reason is None and data.startswith(ZIP_MAGIC):
        reason = ZIP_NOT_TEXT
    if reason:
        raise ReadError(reason)
    text, encoding = decode(data)
    if not text.strip():
        raise ReadError("empty file")
    if _looks_binary(text):
        raise ReadError("binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Extracted(path, text, kind, encoding, line_blocks(text))
