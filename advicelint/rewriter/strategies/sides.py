"""Taking sides: loaded words go, judgements of parties become facts or the parent's own view."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..base import Advice, Outcome, Resources, rewrite, strategy
from ..clauses import (
    auxiliaries,
    is_writer,
    negation,
    own_subject,
    parenthetical,
    phrase,
    subject,
)
from ..edits import delete
from .common import (
    anchor_verb,
    delete_clause,
    delete_sentence,
    message,
    replace_sentence,
    template,
    words_of,
)
from .stance import drop_opinion_frame

# --- loaded adverbs ---------------------------------------------------------------------------


@strategy("drop-loaded-word")
def drop_loaded_word(span: Span, res: Resources) -> Outcome:
    """ "Regrettably, the panel refused ..." -> "The panel refused ..."."""
    doc = span.doc
    word = span[0] if len(span) == 1 else span.root
    verb = anchor_verb(word)
    if word.lower_ in words_of(res, "legal_standard_adverbs") and (
        negation(verb) is not None or any(a.tag_ == "MD" for a in auxiliaries(verb))
    ):
        return Advice(message(res, "legal-standard"))
    start, end = word.i, word.i + 1
    while start > span.sent.start and doc[start - 1].lower_ in words_of(res, "intensifiers"):
        start -= 1
    safe = True
    # "Sadly, though, it has ..." -> "It has ...": the contrast word would be left dangling
    if (
        end + 2 < span.sent.end
        and doc[end].text == ","
        and doc[end + 1].lower_
        in (
            "though",
            "however",
        )
    ):
        end += 2
        safe = False
    return rewrite(parenthetical(doc, start, end), safe=safe)


# --- welcoming an outcome -------------------------------------------------------------------------


@strategy("welcome-to-fact")
def welcome_to_fact(span: Span, res: Resources) -> Outcome:
    """ "I'm delighted the council has agreed to assess." -> "The council has agreed to assess."."""
    sent = span.sent
    adjective = next((t for t in span if t.lower_ in words_of(res, "welcome_adjectives")), None)
    if adjective is not None:
        clause = next(
            (
                c
                for head in (adjective, adjective.head)
                for c in head.children
                if c.dep_ == "ccomp" and c.i > adjective.i
            ),
            None,
        )
        subj = subject(adjective.head) if adjective.head.pos_ in ("AUX", "VERB") else None
        if clause is not None and is_writer(subj) and not _irrealis(clause):
            end = clause.left_edge.i
            mark = next((c for c in clause.children if c.dep_ == "mark"), None)
            if mark is not None:
                end = max(end, mark.i + 1)
            return rewrite(delete(subj.i, end))
    lowered = sent.text.lower().lstrip("-\u2022* ")
    if any(lowered.startswith(w) for w in words_of(res, "wish_openers")):
        return rewrite(delete_sentence(sent), safe=False)
    return Advice(message(res, "welcome"))


def _irrealis(clause: Token) -> bool:
    """A wish, not a fact: "(I hope) the panel will agree"."""
    return any(a.tag_ == "MD" for a in auxiliaries(clause))


# --- alignment with the parent --------------------------------------------------------------------


@strategy("alignment-to-support")
def alignment_to_support(span: Span, res: Resources) -> Outcome:
    """ "We are firmly on your side" -> "I can explain your rights and the options ..."."""
    verb = anchor_verb(span.root)
    subj = subject(verb)
    writer = is_writer(subj) or any(t.lower_ in ("we", "we're", "i'm") for t in span.sent[:3])
    if not writer:
        return Advice(message(res, "alignment"))
    return rewrite(replace_sentence(span.sent, template(res, "support-sentence")), safe=False)


# --- predicting the outcome -------------------------------------------------------------


@strategy("prediction-to-process")
def prediction_to_process(span: Span, res: Resources) -> Outcome:
    """A prediction becomes what the decision-maker will look at."""
    verb = anchor_verb(span.root)
    edits = delete_clause(verb)
    if edits and verb.dep_ != "ROOT":
        return rewrite(edits, safe=False)
    lowered = span.sent.text.lower()
    for item in res.words.table.get("process", []):
        if any(t in lowered for t in item["triggers"]):
            return rewrite(replace_sentence(span.sent, item["sentence"]), safe=False)
    return Advice(message(res, "prediction"))


# --- judging a party ---------------------------------------------------------------------


@strategy("judgement-to-fact")
def judgement_to_fact(span: Span, res: Resources) -> Outcome:
    """Praise is dropped; blame becomes the parent's view, attributed to them."""
    markers = words_of(res, "opinion_markers")
    if any(t.lower_ in markers for t in span) or span.text.lower() in markers:
        return drop_opinion_frame(span, res)
    sent = span.sent
    word = span.root
    verb = anchor_verb(word)
    polarity = _polarity(span, res)
    if polarity is None:
        return Advice(message(res, "judgement-of-party"))
    conjunct = _other_predicate(verb)
    if conjunct is not None:  # "are brilliant and have gone out of their way"
        start = min([verb.i, *(a.i for a in auxiliaries(verb))])
        cc = next((c for c in verb.children if c.dep_ == "cc" and c.i < conjunct.i), None)
        end = (cc.i + 1) if cc is not None else conjunct.left_edge.i
        return rewrite(delete(start, end))
    edits = delete_clause(verb)
    if edits:
        return rewrite(edits, safe=False)
    if anchor_verb(verb).dep_ != "ROOT" and verb.dep_ != "ROOT":
        return Advice(message(res, "judgement-of-party"))  # inside "I said the school ..."
    subj = subject(verb)
    if polarity == "positive":
        return rewrite(delete_sentence(sent), safe=False)
    text = _disputed(subj, verb, span, res)
    if text is None:
        return Advice(message(res, "judgement-of-party"))
    return rewrite(replace_sentence(sent, text), safe=False)


def _polarity(span: Span, res: Resources) -> str | None:
    text = span.text.lower()
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    if words & words_of(res, "negative_judgements") or text in words_of(res, "negative_judgements"):
        return "negative"
    if words & words_of(res, "positive_judgements") or text in words_of(res, "positive_judgements"):
        return "positive"
    return None


def _other_predicate(verb: Token) -> Token | None:
    """A second predicate of the same subject that carries content."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and own_subject(child) is None:
            return child
    return None


def _disputed(subj: Token | None, verb: Token, span: Span, res: Resources) -> str | None:
    """The parent's view, attributed: "You have told me you disagree with the council's decision
    about transport" (a party), "... you are unhappy with the waiting list" (a thing)."""
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in ("that", "this"):
        return None  # "they", "it": who is meant is in another sentence
    text = phrase(list(subj.subtree))
    if subj.doc[subj.left_edge.i].pos_ == "DET":
        text = text[:1].lower() + text[1:]
    about = next(
        (
            c
            for head in (verb, span.root)
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("about", "over", "on")
        ),
        None,
    )
    topic = (" " + phrase(list(about.subtree))) if about is not None else ""
    if subj.lemma_.lower() in words_of(res, "decision_nouns"):
        return template(res, "parent-disagrees").format(target=text + topic)
    if _is_party_noun(subj, res):
        noun = "decision" if about is not None else "approach"
        target = f"{_possessive(text)} {noun}{topic}"
        return template(res, "parent-disagrees").format(target=target)
    return template(res, "parent-unhappy").format(target=text + topic)


def _is_party_noun(token: Token, res: Resources) -> bool:
    """The head noun names a party: "the council", "Sutterby's SEN team", "Mrs Patel"."""
    parties = words_of(res, "third_party_words")
    return token.pos_ == "PROPN" or token.lower_ in parties or token.lemma_.lower() in parties


def _possessive(name: str) -> str:
    """ "the council" -> "the council's", "the governors" -> "the governors'"."""
    if name.endswith(("'s", "\u2019s")):
        return name
    return name + ("'" if name.endswith("s") else "'s")
