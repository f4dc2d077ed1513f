"""Tests for the plain-text reader and the path/stdin dispatch of advicelint.readers."""

from __future__ import annotations

import io
import os
import sys
import types
import zipfile
from pathlib import Path

import pytest

from advicelint.readers import (
    SUPPORTED_SUFFIXES,
    Block,
    ReadError,
    read_bytes,
    read_path,
)
from advicelint.readers.text import OLE2_MAGIC, decode, line_blocks

LETTER = "Dear Ms Smith,\nYour child’s “EHCP” costs £0.\nYours sincerely"


def _unchanged_read(path: Path):
    """read_path(path), asserting the file's bytes and mtime are left alone."""
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    siblings = sorted(path.parent.iterdir())
    try:
        return read_path(path)
    finally:
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        assert sorted(path.parent.iterdir()) == siblings


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return path


def _refusal(tmp_path: Path, name: str, data: bytes) -> str:
    path = _write(tmp_path, name, data)
    with pytest.raises(ReadError) as caught:
        _unchanged_read(path)
    reason = str(caught.value)
    assert "\n" not in reason and str(tmp_path) not in reason
    return reason


def _read_error(data: bytes, name: str) -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name)
    return str(caught.value)


# --- decoding ------------------------------------------------------------------


def test_utf8(tmp_path: Path) -> None:
    got = _unchanged_read(_write(tmp_path, "a.txt", LETTER.encode("utf-8")))
    assert (got.text, got.encoding, got.kind) == (LETTER, "utf-8", "text")
    assert got.path == str(tmp_path / "a.txt")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + LETTER.encode("utf-8")
    got = _unchanged_read(_write(tmp_path, "a.txt", data))
    assert (got.text, got.encoding) == (LETTER, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    data = ("\ufeff" + LETTER.replace("\n", "\r\n")).encode(codec)
    got = _unchanged_read(_write(tmp_path, "a.txt", data))
    assert (got.text, got.encoding) == (LETTER, codec)


def test_cp1252_letter(tmp_path: Path) -> None:
    data = LETTER.replace("\n", "\r\n").encode("cp1252")
    assert b"\x92" in data and b"\xa3" in data  # curly apostrophe, pound sign
    got = _unchanged_read(_write(tmp_path, "letter.txt", data))
    assert (got.text, got.encoding) == (LETTER, "cp1252")


def test_cp1252_undefined_bytes_fall_back_to_latin1() -> None:
    text, encoding = decode(b"caf\xe9 \x81\x8d\x8f\x90\x9d \x93ok\x94")
    assert encoding == "cp1252"
    assert text == "café \x81\x8d\x8f\x90\x9d “ok”"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_normalised_with_line_blocks(tmp_path: Path, newline: str) -> None:
    data = newline.join(["One", "", "Three"]).encode() + newline.encode()
    got = _unchanged_read(_write(tmp_path, "a.txt", data))
    assert got.text == "One\n\nThree\n"
    assert got.blocks == (Block(0, 3, "", 0), Block(4, 4, "", 1), Block(5, 10, "", 2))
    assert [got.text[b.start : b.end] for b in got.blocks] == ["One", "", "Three"]


def test_line_blocks_without_final_newline() -> None:
    assert line_blocks("a\nbc") == (Block(0, 1, "", 0), Block(2, 4, "", 1))


def test_markdown_kind(tmp_path: Path) -> None:
    for name in ("a.md", "b.MARKDOWN"):
        got = _unchanged_read(_write(tmp_path, name, b"# Title\n\nBody"))
        assert got.kind == "markdown"


# --- refusals ------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n ", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_or_whitespace_only(tmp_path: Path, data: bytes) -> None:
    assert _refusal(tmp_path, "a.txt", data) == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        b"Dear parent\x00\x00\x01",  # NUL bytes
        b"Dear parent" + bytes(range(1, 9)) * 4,  # control characters, no NUL
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_binary(tmp_path: Path, data: bytes) -> None:
    assert _refusal(tmp_path, "a.txt", data) == "binary file, not text"


def _ole2(*streams: str) -> bytes:
    names = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams)
    return OLE2_MAGIC + bytes(504) + names + bytes(512)


@pytest.mark.parametrize("name", ["letter.txt", "letter.doc", "letter.docx", "-"])
def test_legacy_doc(tmp_path: Path, name: str) -> None:
    data = _ole2("Root Entry", "WordDocument", "1Table")
    reason = _read_error(data, name) if name == "-" else _refusal(tmp_path, name, data)
    assert reason.startswith("legacy Word 97-2003 .doc file")
    assert "save as .docx" in reason


@pytest.mark.parametrize("name", ["letter.txt", "letter.doc", "letter.docx"])
def test_encrypted_ole2(tmp_path: Path, name: str) -> None:
    data = _ole2("Root Entry", "EncryptionInfo", "EncryptedPackage")
    reason = _refusal(tmp_path, name, data)
    assert reason.startswith("encrypted (password-protected) Word file")
    assert "remove the password" in reason


@pytest.mark.parametrize("name", ["letter.pdf", "letter.txt", "letter.docx"])
def test_pdf(tmp_path: Path, name: str) -> None:
    reason = _refusal(tmp_path, name, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert reason == "PDF is not supported: save the letter as .docx or .txt"


def test_rtf(tmp_path: Path) -> None:
    reason = _refusal(tmp_path, "letter.rtf", rb"{\rtf1\ansi Dear parent}")
    assert reason.startswith("RTF is not supported")


@pytest.mark.parametrize("name", ["notes.txt", "archive.zip", "-"])
def test_zip_is_not_text(tmp_path: Path, name: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/a.jpg", b"\xff\xd8")
    data = buffer.getvalue()
    reason = _read_error(data, name) if name == "-" else _refusal(tmp_path, name, data)
    assert reason == "zip archive, not a text file or a Word document"


@pytest.mark.parametrize("name", ["letter.txt", "letter.md"])
def test_word_document_with_text_name(tmp_path: Path, name: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    reason = _refusal(tmp_path, name, buffer.getvalue())
    assert reason.startswith("Word document with a .")
    assert reason.endswith("name: rename it to .docx")


def test_invalid_utf16_after_bom(tmp_path: Path) -> None:
    reason = _refusal(tmp_path, "a.txt", b"\xff\xfe\x00\xd8")  # lone surrogate
    assert "utf-16-le" in reason


# --- paths and stdin -------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="^no such file$"):
        read_path(tmp_path / "missing.txt")
    assert list(tmp_path.iterdir()) == []


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_path(tmp_path)
    assert str(caught.value).startswith("is a directory")
    assert "--recursive" in str(caught.value)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", b"Dear parent")
    path.chmod(0)
    try:
        with pytest.raises(ReadError, match="^permission denied"):
            read_path(path)
    finally:
        path.chmod(0o600)


def test_permission_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "a.txt", b"Dear parent")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ReadError, match="^permission denied"):
        read_path(path)


def test_str_and_pathlike_paths(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", b"Hello")
    assert read_path(str(path)).text == read_path(path).text == "Hello"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, LETTER.replace("\n", "\r\n").encode("cp1252"))
    got = read_path("-")
    assert (got.path, got.kind, got.text, got.encoding) == (
        "-",
        "text",
        LETTER,
        "cp1252",
    )


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"")
    with pytest.raises(ReadError, match="^empty file$"):
        read_path("-")


def test_unknown_suffix_is_sniffed_as_text(tmp_path: Path) -> None:
    got = _unchanged_read(_write(tmp_path, "letter.eml", b"Dear parent"))
    assert (got.kind, got.text) == ("text", "Dear parent")


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".docx"}
