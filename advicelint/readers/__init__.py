"""Readers: turn an input file (.txt, .md, .docx or stdin) into plain text to lint.

Readers never modify or write anything; a file that cannot be read raises
:class:`ReadError` whose message is a one-line reason without the path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .base import Block, Extracted, ReadError
from .docx import is_word_zip, read_docx
from .text import read_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Block",
    "Extracted",
    "ReadError",
    "read_bytes",
    "read_path",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
_MARKDOWN = frozenset({".md", ".markdown"})
_DIRECTORY = "is a directory (use --recursive to check the files in it)"


def read_bytes(data: bytes, path: str) -> Extracted:
    """Extract the text of ``data``, dispatching on the suffix of ``path``.

    ``.docx`` is read as Word, ``.txt``/``.md``/``.markdown`` as text (a Word
    document with such a name is refused with a hint). Anything else, including
    stdin (``"-"``), is sniffed: a zip archive with ``word/`` parts is read as
    Word, everything else as text.
    """
    suffix = "" if path == "-" else Path(path).suffix.lower()
    if suffix == ".docx":
        return read_docx(data, path)
    word = is_word_zip(data)
    if word and suffix in (".txt", *_MARKDOWN):
        raise ReadError(f"Word document with a {suffix} name: rename it to .docx")
    if word:
        return read_docx(data, path)
    return read_text(data, path, "markdown" if suffix in _MARKDOWN else "text")


def read_path(path: str | os.PathLike[str]) -> Extracted:
    """Read and extract the file at ``path`` (``"-"`` reads stdin)."""
    name = os.fspath(path)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), "-")
    return read_bytes(_read_file(Path(name)), name)


def _read_file(path: Path) -> bytes:
    if path.is_dir():
        raise ReadError(_DIRECTORY)
    try:
        with path.open("rb") as handle:
            return handle.read()
    except FileNotFoundError as error:
        raise ReadError("no such file") from error
    except IsADirectoryError as error:
        raise ReadError(_DIRECTORY) from error
    except PermissionError as error:
        raise ReadError("permission denied: cannot open the file to read it") from error
    except OSError as error:
        raise ReadError(f"cannot read the file: {error.strerror or error}") from error
