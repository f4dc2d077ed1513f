"""The JSON report: a stable contract read by other tools (version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..findings import Finding

JSON_VERSION = 1


@dataclass(frozen=True)
class FileReport:
    """One input file: its findings, or why it could not be read."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as the contract describes it (suggestions also carry ``safe``)."""
    return {
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity,
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "text": finding.text,
        "message": finding.message,
        "suggestions": [
            {"start": s.start, "end": s.end, "replacement": s.replacement, "safe": s.safe}
            for s in finding.suggestions
        ],
    }


def render_json(reports: Iterable[FileReport]) -> str:
    """``{"version": 1, "files": [{"path", "error", "findings": [...]}]}``."""
    document = {
        "version": JSON_VERSION,
        "files": [
            {
                "path": report.path,
                "error": report.error,
                "findings": [finding_to_dict(f) for f in report.findings],
            }
            for report in reports
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
