"""The small knowledge base of statutory positions (``lexicons/statutes.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span

from ..detection.rules import lexicon_dir

STATUTES_FILE = "statutes.toml"
WEAK_SCORE = 0.5
_EDGE_PUNCT = ".,;:!?()[]\"'\u201c\u201d\u2018\u2019"


@dataclass(frozen=True)
class Statute:
    """One statutory position: how to recognise its topic and what to say instead."""

    id: str
    topic: str
    triggers: tuple[str, ...]
    weak: tuple[str, ...]
    sentence: str
    reference: str
    unless: tuple[str, ...] = ()

    def score(self, words: frozenset[str], text: str) -> float:
        """Points for the triggers found among ``words`` (and lemmas) or in ``text``."""
        return sum(_found(t, words, text) for t in self.triggers) + WEAK_SCORE * sum(
            _found(t, words, text) for t in self.weak
        )


def _found(trigger: str, words: frozenset[str], text: str) -> bool:
    if " " in trigger:
        return f" {trigger} " in text
    return trigger in words


def load_statutes(path: Path) -> tuple[Statute, ...]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        Statute(
            id=item["id"],
            topic=item["topic"],
            triggers=tuple(item["triggers"]),
            weak=tuple(item.get("weak", ())),
            sentence=item["sentence"],
            reference=item["reference"],
            unless=tuple(item.get("unless", ())),
        )
        for item in data.get("statutes", [])
    )


@cache
def bundled_statutes() -> tuple[Statute, ...]:
    return load_statutes(lexicon_dir() / STATUTES_FILE)


def match_statute(sentence: Span, statutes: tuple[Statute, ...]) -> Statute | None:
    """The statutory position whose topic the sentence is about, if any is clear."""
    plain = [w.strip(_EDGE_PUNCT) for w in sentence.text.lower().split()]
    plain = [w for w in plain if w]
    words = frozenset(plain) | frozenset(t.lemma_.lower() for t in sentence)
    text = " " + " ".join(plain) + " "
    best, best_score = None, 0.0
    for statute in statutes:
        here_words, here_text = _without(statute.unless, words, text)
        if not any(_found(t, here_words, here_text) for t in statute.triggers):
            continue  # weak words alone ("school", "review") do not make a topic
        score = statute.score(here_words, here_text)
        if score > best_score:
            best, best_score = statute, score
    return best


def _without(
    phrases: tuple[str, ...], words: frozenset[str], text: str
) -> tuple[frozenset[str], str]:
    """The sentence's words and text with another topic's phrases taken out.

    "risk assessment" is not an EHC needs assessment: its words then count for
    nothing (lemmas are dropped with them, which the triggers' inflections cover).
    """
    found = [p for p in phrases if f" {p} " in text]
    if not found:
        return words, text
    for phrase in found:
        text = text.replace(f" {phrase} ", " ")
    return frozenset(text.split()), text
