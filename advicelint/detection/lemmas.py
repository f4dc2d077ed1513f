"""Repair verb lemmas the statistical lemmatizer gets wrong ("rang" -> "rang", "texted" -> "texte").

Rules match verbs by lemma, so a wrong lemma is a missed finding. A verb's lemma is
replaced only when spaCy's lemma is not a verb lemma lemminflect knows and lemminflect
derives a different lemma from the word itself.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections, getLemma
from spacy.tokens import Doc


@lru_cache(maxsize=4096)
def better_lemma(word: str, lemma: str) -> str | None:
    """lemminflect's lemma for ``word`` when spaCy's ``lemma`` is not a known verb."""
    if getAllInflections(lemma, upos="VERB"):
        return None
    candidates = getLemma(word, upos="VERB")
    if candidates and candidates[0] != lemma:
        return candidates[0]
    return None


def load_tables() -> None:
    """Load lemminflect's tables now (about 30 MB), not lazily in the middle of a batch."""
    better_lemma("rang", "rang")


def repair_verb_lemmas(doc: Doc) -> None:
    """Fix, in place, the lemmas of verbs that the lemmatizer left unknown."""
    for token in doc:
        if token.pos_ == "VERB" and token.is_alpha:
            lemma = better_lemma(token.lower_, token.lemma_.lower())
            if lemma:
                token.lemma_ = lemma
