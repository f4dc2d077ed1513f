"""Token-level edits of one sentence, and rendering them back to text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span

_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\S)[ \t]+([,.;:!?])")
_DOUBLE_PUNCT = re.compile(r",[ \t]*([,.;:!?])")
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_LEADING_JUNK = re.compile(r"^([\s\-\u2022*\u2013\"\u201c\u2018']*)[,;:]\s*")


@dataclass(frozen=True)
class Edit:
    """Replace tokens ``start:end`` of the doc by ``text`` (``start == end`` inserts).

    A replacement keeps the whitespace after the last replaced token; a deletion
    (empty ``text``) drops it; an insertion adds ``text`` exactly as given.
    """

    start: int
    end: int
    text: str


def delete(start: int, end: int) -> Edit:
    return Edit(start, end, "")


def insert(at: int, text: str) -> Edit:
    return Edit(at, at, text)


def overlapping(edits: Iterable[Edit]) -> bool:
    """True if two edits replace the same tokens."""
    spans = sorted((e.start, e.end) for e in edits if e.end > e.start)
    return any(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))


def render(region: Span, edits: Sequence[Edit]) -> str:
    """The text of ``region`` with ``edits`` applied, tidied at the seams.

    Commas and spaces left over by deletions are removed, and if the region
    started with a capital and its first word was replaced, the new first word
    gets one.
    """
    doc = region.doc
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    starts = {e.start for e in ordered}
    pieces: list[str] = []
    i = region.start
    for edit in ordered:
        start, end = max(edit.start, region.start), min(edit.end, region.end)
        pieces.extend(t.text_with_ws for t in doc[i:start] if i < start)
        text = edit.text
        if text[:1].isalnum() and pieces and pieces[-1][-1:].isalnum():
            text = " " + text  # "You'll have to" -> "You" + " may wish to"
        if start == end:
            pieces.append(text)
        elif text:
            pieces.append(text + doc[end - 1].whitespace_)
        elif pieces and _ends_sentence("".join(pieces)) and end < region.end and end not in starts:
            # "... section F. Sadly, though, it has" -> "... section F. It has"
            pieces.append(capitalise(doc[end].text_with_ws))
            end += 1
        elif pieces and pieces[-1] and not pieces[-1][-1].isspace():
            pieces.append(doc[end - 1].whitespace_)  # "didn't order" -> "did order"
        i = max(i, end)
    pieces.extend(t.text_with_ws for t in doc[i : region.end])
    text = "".join(pieces).rstrip()
    if not ordered:
        return text
    text = tidy(text)
    first = _first_word(region)
    if first is not None and first.text[:1].isupper():
        text = capitalise(text)
    return text


def tidy(text: str) -> str:
    """Remove the debris deletions leave: ``" ,"``, ``",."``, double spaces, a leading comma."""
    text = _DOUBLE_PUNCT.sub(r"\1", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_SPACE.sub(" ", text)
    return _LEADING_JUNK.sub(r"\1", text)


def capitalise(text: str) -> str:
    """Upper-case the first letter, after any bullet, quote or space."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
        if char.isdigit():
            return text
    return text


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?]\s+$", text))


def _first_word(region: Span):
    return next((t for t in region if t.is_alpha or t.like_num), None)
