"""Shared fixtures: one loaded pipeline per test session, and the CLI runner."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from advicelint.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (model + advicelint components), loaded once."""
    return load_pipeline()


@pytest.fixture(scope="session")
def nlp_detection():
    """Rules and sentence classifier without the rewriter: the findings, faster."""
    return load_pipeline(suggestions=False)


@pytest.fixture(scope="session")
def nlp_rules():
    """The phrase rules alone: no sentence classifier, no rewriter."""
    return load_pipeline(classifier=False, suggestions=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
