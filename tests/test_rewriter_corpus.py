"""Every suggestion on the corpus letters, applied and linted again.

A reworded sentence must not carry a finding of a category it fixed, read in
its letter; the rewriter must not fail on any sentence; replacements must be
tidy text.
"""

from __future__ import annotations

import re
import warnings

import pytest
from helpers import CORPUS

from advicelint.findings import findings_from_doc
from advicelint.fixing import choose, relint
from advicelint.rewriter import RewriterWarning

LETTERS = sorted(CORPUS.glob("*/*.txt"))
DEBRIS = re.compile(r"  |\s[,.;:!?]|,,|,\.|\.\.(?!\.)")


@pytest.fixture(scope="module")
def processed(nlp):
    texts = [path.read_text(encoding="utf-8") for path in LETTERS]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RewriterWarning)
        docs = list(nlp.pipe(texts, batch_size=16))
    return list(zip(LETTERS, texts, docs, strict=True))


def test_the_corpus_is_there():
    assert len(LETTERS) >= 63


def test_reworded_sentences_are_clean_of_the_category_they_fix(nlp, processed):
    failures = []
    for path, text, doc in processed:
        changes, _ = choose(findings_from_doc(doc), safe_only=False)
        for result in relint(nlp, text, changes):
            if result.left:
                failures.append((path.name, result.change.replacement, sorted(result.left)))
    assert not failures, failures


def test_replacements_are_tidy(processed):
    untidy = []
    for path, _, doc in processed:
        for finding in findings_from_doc(doc):
            for suggestion in finding.suggestions:
                if DEBRIS.search(suggestion.replacement):
                    untidy.append((path.name, suggestion.replacement))
    assert not untidy, untidy


def test_most_findings_of_the_four_reworded_categories_get_a_suggestion(processed):
    counted = [
        bool(f.suggestions)
        for _, _, doc in processed
        for f in findings_from_doc(doc)
        if f.category in ("directive", "personal-opinion", "judging-decision", "acting-on-behalf")
    ]
    assert sum(counted) / len(counted) >= 0.9
