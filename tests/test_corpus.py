"""The labelled corpus: well-formed, split as documented, counts as in its README."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from helpers import CORPUS, REPO

from advicelint.evaluation import find_letters, load_letter

PARTS = {"dev": 442, "test": 221}


@pytest.mark.parametrize("part", PARTS)
def test_letters_load_and_are_split_by_id(part):
    paths = find_letters(CORPUS / part)
    assert len(paths) == PARTS[part]
    for path in paths:
        number = int(path.name[1:4])
        assert (number % 3 == 0) == (part == "test"), path.name
        letter = load_letter(path)
        assert 10 <= len(letter.sentences) <= 30, path.name
        covered = "".join(letter.text[s.start : s.end] for s in letter.sentences)
        leftover = len(re.sub(r"\s|-", "", letter.text)) - len(re.sub(r"\s|-", "", covered))
        assert leftover == 0, f"{path.name}: text outside labelled sentences"


def test_counts_match_the_readme():
    readme = (REPO / "corpus" / "README.md").read_text(encoding="utf-8")
    for part in PARTS:
        sentences = [s for p in find_letters(CORPUS / part) for s in load_letter(p).sentences]
        counts = Counter(label for s in sentences for label in s.gold)
        positive = sum(bool(s.gold) for s in sentences)
        row = (
            f"| {part} | {PARTS[part]} | {len(sentences)} | {positive} "
            f"({positive / len(sentences):.1%}) | {counts['directive']} | "
            f"{counts['taking-sides']} | {counts['local-policy']} | "
            f"{counts['acting-on-behalf']} | {counts['personal-opinion']} | "
            f"{counts['judging-decision']} |"
        )
        assert row in readme, row
