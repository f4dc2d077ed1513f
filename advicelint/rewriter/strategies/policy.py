"""Local policy presented as the rule: the statutory position replaces it, or is to be cited."""

from __future__ import annotations

from spacy.tokens import Span

from ..base import Advice, Outcome, Resources, rewrite, strategy
from ..statutes import match_statute
from .common import message, replace_sentence


@strategy("local-rule-to-statute")
def local_rule_to_statute(span: Span, res: Resources) -> Outcome:
    """A recognised topic gets the statutory sentence (for review); otherwise, what to cite."""
    statute = match_statute(span.sent, res.statutes)
    if statute is None:
        return Advice(message(res, "cite-statute"))
    return rewrite(replace_sentence(span.sent, statute.sentence), safe=False)
