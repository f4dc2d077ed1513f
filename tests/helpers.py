"""Paths and small helpers shared by the tests (importable as ``helpers``)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus" / "samples"
CORPUS = REPO / "corpus" / "letters"
DOCX_FIXTURES = REPO.parent / "shared" / "fixtures" / "docx"


def categories(doc) -> set[str]:
    """The categories found in a processed doc."""
    return {span.label_ for span in doc.spans["advicelint"]}
