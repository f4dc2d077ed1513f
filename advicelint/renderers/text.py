"""The terminal report: one block per finding, then a count by category."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import click

from ..detection import CATEGORIES
from ..findings import Finding

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
MAX_WIDTH = 110


def render_text(path: str, text: str, findings: Iterable[Finding]) -> str:
    """``path:line:col: category rule message``, the flagged line, and any suggestion."""
    return "\n".join(_render_one(path, text, finding) for finding in findings)


def _render_one(path: str, text: str, finding: Finding) -> str:
    colour = SEVERITY_COLOURS.get(finding.severity, "white")
    head = (
        f"{click.style(f'{path}:{finding.line}:{finding.column}:', bold=True)} "
        f"{click.style(finding.category, fg=colour, bold=True)} "
        f"{click.style(finding.rule, fg=colour)} {finding.message}"
    )
    start, end, clipped_left, clipped_right = _context(text, finding)
    snippet = text[start:end].replace("\t", " ").replace("\n", " ")
    lead = "…" if clipped_left else ""
    snippet = lead + snippet + ("…" if clipped_right else "")
    start -= len(lead)
    width = max(1, min(finding.end, end) - finding.start)
    caret = " " * (finding.start - start) + "^" * width
    lines = [head, f"    {snippet}", "    " + click.style(caret, fg=colour)]
    for suggestion in finding.suggestions:
        label = "suggestion" if suggestion.safe else "suggestion (review)"
        lo = min(finding.sentence_start, suggestion.start)
        hi = max(finding.sentence_end, suggestion.end)
        reworded = text[lo : suggestion.start] + suggestion.replacement + text[suggestion.end : hi]
        lines.append(f"  {click.style(label + ':', fg='green')} {' '.join(reworded.split())}")
    return "\n".join(lines)


def _context(text: str, finding: Finding, width: int = MAX_WIDTH) -> tuple[int, int, bool, bool]:
    """The finding's sentence, trimmed to about ``width`` characters around the finding.

    Returns the range and whether it was clipped on the left and on the right.
    """
    start = finding.sentence_start if finding.sentence_end else _line_start(text, finding.start)
    end = finding.sentence_end if finding.sentence_end else _line_end(text, finding.end)
    while end > start and text[end - 1].isspace():
        end -= 1
    full_start, full_end = start, end
    if end - start > width:
        start = max(start, finding.start - width // 3)
        end = min(end, max(finding.end, start + width))
    return start, end, start > full_start, end < full_end


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def render_summary(findings: Iterable[Finding], files: int, unreadable: int) -> str:
    """The closing count by category."""
    counts = Counter(f.category for f in findings)
    total = sum(counts.values())
    noun = "file" if files == 1 else "files"
    if total == 0:
        summary = f"No impartiality findings in {files} {noun}."
    else:
        parts = ", ".join(f"{c} {counts[c]}" for c in CATEGORIES if counts[c])
        summary = f"Found {total} finding{'s' if total != 1 else ''} in {files} {noun}: {parts}."
    if unreadable:
        summary += f" {unreadable} file{'s' if unreadable != 1 else ''} could not be read."
    return summary
