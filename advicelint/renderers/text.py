"""The terminal report: one block per finding, then a count by category."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import click

from ..detection import CATEGORIES
from ..findings import Finding

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


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
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.start)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].replace("\t", " ")
    width = max(1, min(finding.end, line_end) - finding.start)
    caret = " " * (finding.start - line_start) + "^" * width
    lines = [head, f"    {line}", "    " + click.style(caret, fg=colour)]
    for suggestion in finding.suggestions:
        label = "suggestion" if suggestion.safe else "suggestion (review)"
        reworded = (
            text[_line_start(text, suggestion.start) : suggestion.start]
            + suggestion.replacement
            + text[suggestion.end : _line_end(text, suggestion.end)]
        )
        lines.append(f"  {click.style(label + ':', fg='green')} {reworded.strip()}")
    return "\n".join(lines)


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
