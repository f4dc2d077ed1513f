"""The writer's stance: opinion frames are dropped, judgements of the parent's choices respected."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..base import Advice, Outcome, Resources, rewrite, strategy
from ..clauses import (
    auxiliaries,
    form,
    is_writer,
    negate,
    negation,
    own_subject,
    parenthetical,
    spelt,
    subject,
)
from ..edits import Edit, delete
from .common import (
    anchor_verb,
    message,
    option_frame,
    template,
    words_of,
)

# --- opinion frames -------------------------------------------------------------------------


@strategy("drop-opinion-frame")
def drop_opinion_frame(span: Span, res: Resources) -> Outcome:
    """ "I think the LA has to ..." -> "The LA has to ..."; "To be honest, X" -> "X"."""
    for handler in (_verb_frame, _adjective_frame, _noun_frame, _conditional_frame):
        outcome = handler(span, res)
        if outcome is not None:
            return outcome
    return _marker(span, res)


def _verb_frame(span: Span, res: Resources) -> Outcome | None:
    """ "I (don't) think/feel/believe/doubt (that) CLAUSE"."""
    stance = words_of(res, "stance_verbs")
    verb = next((t for t in span if t.lemma_.lower() in stance and t.pos_ == "VERB"), None)
    if verb is None or not is_writer(own_subject(verb)):
        return None
    clause = _complement(verb)
    if clause is not None and not _finite(clause):
        clause = _finite_after(verb)  # "I think dropping out ... would be": a mis-parsed clause
    if clause is None:
        return None  # "I'd expected the council to dig in": no clause to keep
    subj = own_subject(verb)
    start = min([subj.i, *(a.i for a in auxiliaries(verb))])
    end = verb.i + 1
    doc = span.doc
    while end < clause.i and (
        doc[end].dep_ in ("advmod", "mark") and doc[end].head in (verb, clause)
    ):
        end += 1
    edits = _frame_edits(doc, start, end, clause)
    lemma = verb.lemma_.lower()
    flip = negation(verb) is not None or lemma in words_of(res, "negative_stance_verbs")
    if flip:
        edits += negate(clause)
    safe = lemma in words_of(res, "plain_stance_verbs") and not any(
        t.tag_ == "MD" for t in auxiliaries(verb)
    )
    return rewrite(edits, safe=safe and lemma not in words_of(res, "negative_stance_verbs"))


def _adjective_frame(span: Span, res: Resources) -> Outcome | None:
    """ "I'm sure X", "I'm not convinced X", "I'd be surprised if X"."""
    adjectives = words_of(res, "stance_adjectives")
    word = next((t for t in span if t.lower_ in adjectives), None)
    if word is None:
        return None
    verb = word if word.pos_ == "VERB" else word.head
    subj = subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if not is_writer(subj):
        subj = next((t for t in span.doc[span.sent.start : word.i] if is_writer(t)), None)
    if subj is None:
        return None
    clause = _complement(word) or _complement(verb)
    if clause is None:
        return None
    doc = span.doc
    start = subj.i
    end = max(word.i, verb.i) + 1
    while (
        end < clause.i
        and doc[end].dep_ in ("mark", "advmod")
        and doc[end].lower_
        in (
            "that",
            "if",
        )
    ):
        end += 1
    edits = _frame_edits(doc, start, end, clause)
    negated = negation(verb) is not None or negation(word) is not None
    if word.lower_ in words_of(res, "counterfactual_adjectives"):
        edits += _counterfactual(clause)
    elif negated:
        edits += negate(clause)
    return rewrite(edits, safe=False)


def _noun_frame(span: Span, res: Resources) -> Outcome | None:
    """ "My view is that X", "my gut feeling is X", "I get the impression X"."""
    nouns = words_of(res, "stance_nouns")
    noun = next((t for t in span if t.lemma_.lower() in nouns and t.pos_ == "NOUN"), None)
    if noun is None:
        return None
    head = noun.head
    clause = _complement(head) or _complement(noun)
    if clause is None or clause.i < noun.i:
        return None
    doc = span.doc
    start = min(t.i for t in noun.subtree) if noun.dep_ in ("nsubj",) else span.start
    subj = own_subject(head)
    if is_writer(subj):
        start = min(start, subj.i)
    end = clause.left_edge.i
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    if mark is not None:
        end = max(end, mark.i + 1)
    if end <= start:
        return None
    safe = noun.lemma_.lower() in words_of(res, "plain_stance_nouns")
    return rewrite(_frame_edits(doc, start, end, clause), safe=safe)


def _conditional_frame(span: Span, res: Resources) -> Outcome | None:
    """ "If it were my son, I'd go and see X" -> "You may wish to go and see X"."""
    if span[0].lower_ != "if":
        return None
    doc = span.doc
    edits = parenthetical(doc, span.start, span.end)
    main = anchor_verb(span.root).head
    subj = own_subject(main)
    would = [a for a in auxiliaries(main) if spelt(a) == "would"]
    if subj is not None and subj.lower_ == "i" and would and main.i > span.end:
        edits += option_frame(subj.i, main, template(res, "option"))
    return rewrite(edits)


def _marker(span: Span, res: Resources) -> Outcome:
    """ "To be honest", "frankly", "in my view", "I must say": dropped with their commas."""
    doc = span.doc
    if any(t.pos_ == "VERB" and t.lemma_ not in ("be", "say", "ask", "have") for t in span):
        return Advice(message(res, "opinion"))  # "I'd expected the council to ...": no clean cut
    start, end = span.start, span.end
    if end < span.sent.end and doc[end].lower_ == "that" and doc[end].dep_ == "mark":
        end += 1
    while start > span.sent.start and doc[start - 1].lower_ in words_of(res, "intensifiers"):
        start -= 1  # "Quite frankly"
    safe = span.text.lower() not in words_of(res, "hedging_markers")
    return rewrite(parenthetical(doc, start, end), safe=safe)


def _complement(token: Token) -> Token | None:
    """The clause a stance word introduces (its ccomp, or an "if" clause).

    A finite clause is preferred: in "I don't think agreeing to that was the
    answer" the parser may hang "agreeing" and "was" both on "think".
    """
    found = [
        c
        for c in token.children
        if c.dep_ in ("ccomp", "xcomp", "advcl", "acl")
        and c.pos_ in ("VERB", "AUX")
        and c.i > token.i
    ]
    finite = [c for c in found if _finite(c)]
    return (finite or found or [None])[0]


def _finite_after(verb: Token) -> Token | None:
    """The first finite verb after ``verb`` in its sentence (a modal stands for its verb)."""
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return token.head if token.tag_ == "MD" and token.head.i != token.i else token
    return None


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children
    )


def _frame_edits(doc, start: int, end: int, clause: Token) -> list[Edit]:
    """Delete the frame ``start:end``; a frame after its clause takes its comma."""
    if start > clause.i:
        return parenthetical(doc, start, end)
    if end < len(doc) and doc[end].text == ",":
        end += 1
    return [delete(start, end)]


def _counterfactual(clause: Token) -> list[Edit]:
    """ "(I'd be surprised if) they turned down X" -> "they would not turn down X"."""
    neg = negation(clause)
    aux = [a for a in auxiliaries(clause) if a.dep_ == "aux"]
    edits: list[Edit] = [delete(a.i, a.i + 1) for a in aux]
    if neg is not None:
        edits.append(delete(neg.i, neg.i + 1))
        word = "would"
    else:
        word = "would not"
    edits.append(Edit(clause.i, clause.i + 1, f"{word} {form(clause, 'VB')}"))
    return edits
