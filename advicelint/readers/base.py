"""Shared types of the readers: what a reader returns and how it refuses."""

from __future__ import annotations

from dataclasses import dataclass, field


class ReadError(Exception):
    """A file that cannot be read; ``str(error)`` is a one-line reason without the path."""


@dataclass(frozen=True)
class Block:
    """One paragraph of extracted text and where it came from.

    ``start``/``end`` are offsets into :attr:`Extracted.text`. For .docx files
    ``part`` is the package part name (``word/document.xml``,
    ``word/header1.xml`` ...) and ``index`` the paragraph's position among the
    ``w:p`` elements of that part in document order; for plain text ``part`` is
    ``""`` and ``index`` the line number (0-based).
    """

    start: int
    end: int
    part: str = ""
    index: int = 0


@dataclass(frozen=True)
class Extracted:
    """The plain text of one input file, as advicelint lints it."""

    path: str
    text: str
    kind: str  # "text", "markdown" or "docx"
    encoding: str | None = None
    blocks: tuple[Block, ...] = field(default=())
