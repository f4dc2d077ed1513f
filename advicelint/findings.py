"""Findings as plain data: what the renderers and other tools consume."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .detection import NOTES_KEY, SPANS_KEY

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Suggestion:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """One problem in one letter, located in the extracted text."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    why: str = ""
    suggestions: tuple[Suggestion, ...] = field(default=())
    note: bool = False
    sentence_start: int = 0
    sentence_end: int = 0


class LineIndex:
    """Maps character offsets to 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def findings_from_doc(
    doc: Doc,
    *,
    include_notes: bool = False,
    min_severity: str = "info",
    every_rule: bool = False,
) -> list[Finding]:
    """The doc's findings (and, if asked, its notes on quoted or reported words).

    Several rules often catch the same problem ("... was a really good idea"), so
    unless ``every_rule`` is set only the first finding of each category in each
    sentence is kept: one thing for the caseworker to act on.
    """
    index = LineIndex(doc.text)
    spans = [(span, False) for span in doc.spans.get(SPANS_KEY, [])]
    if include_notes:
        spans += [(span, True) for span in doc.spans.get(NOTES_KEY, [])]
    found = [_finding(span, index, note) for span, note in spans]
    threshold = SEVERITY_ORDER[min_severity]
    kept = [f for f in found if SEVERITY_ORDER[f.severity] >= threshold]
    if not every_rule:
        kept = _first_per_sentence_and_category(kept)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))


def _first_per_sentence_and_category(findings: list[Finding]) -> list[Finding]:
    first: dict[tuple[int, str, bool], Finding] = {}
    for finding in sorted(findings, key=lambda f: (f.start, f.start - f.end, f.rule)):
        first.setdefault((finding.sentence_start, finding.category, finding.note), finding)
    return list(first.values())


def _finding(span: Span, index: LineIndex, note: bool) -> Finding:
    line, column = index.locate(span.start_char)
    suggestions = tuple(Suggestion(**s) for s in span._.suggestions)
    message = span._.message or ""
    if note:
        message = f"Quoted or reported, not the writer's own words: {message}"
    return Finding(
        rule=span.id_,
        category=span.label_,
        severity="info" if note else (span._.severity or "warning"),
        start=span.start_char,
        end=span.end_char,
        line=line,
        column=column,
        text=span.text,
        message=message,
        why=span._.why or "",
        suggestions=suggestions,
        note=note,
        sentence_start=span.sent.start_char,
        sentence_end=span.sent.end_char,
    )
