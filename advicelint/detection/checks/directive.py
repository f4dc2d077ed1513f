"""Checks on directions to the parent: imperatives, obligations and what softens them.

Conditional choices, negated obligations, expectations, duties, tense and
questions that suggest an option.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .base import (
    SUBJECT_DEPS,
    Context,
    anchor,
    auxiliaries,
    check,
    clause_verb,
    content_verb,
    has_negation,
    imperative_verb,
    is_deontic,
    lower,
    subject,
)
from .voice import after_note_label, is_heading

BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u00b7", "o"})


_DECISION_REPORTED = re.compile(
    r"\b(you|you've|you have|you’ve)\s+(have\s+|’ve\s+|'ve\s+)?"
    r"(decided|chosen|opted|agreed|confirmed you want|told me you want)",
    re.IGNORECASE,
)


@check("conditional-choice")
def conditional_choice(span: Span, ctx: Context) -> bool:
    """The requirement is conditional on the parent's own, stated choice.

    "If you decide to appeal, you must register ..." is information, and so is
    a requirement right after the parent is reported to have decided.
    """
    verb = anchor(span)
    for clause in _conditions(verb, ctx):
        if _is_parent_choice(clause, ctx):
            return True
    sent = span.sent
    before = ctx.doc[sent.start : span.start].text.lower()
    if re.search(r"\b(now that|since|as) you('ve| have|’ve)? (decided|chosen|opted)", before):
        return True
    if sent.start > 0:
        previous = ctx.doc[sent.start - 1].sent
        return bool(_DECISION_REPORTED.search(previous.text))
    return False


def _conditions(verb: Token, ctx: Context) -> list[Token]:
    marks = ctx.words("condition_marks")
    clauses = []
    for token in [verb, *verb.ancestors]:
        for child in token.children:
            if child.dep_ == "advcl" and any(
                c.lower_ in marks and c.dep_ in ("mark", "aux", "advmod") for c in child.children
            ):
                clauses.append(child)
    return clauses


def _is_parent_choice(clause: Token, ctx: Context) -> bool:
    if lower(subject(clause)) != "you":
        return False
    choices = ctx.words("choice_verbs")
    verbs = [clause] + [c for c in clause.children if c.dep_ in ("xcomp", "conj")]
    return any(v.lemma_ in choices for v in verbs)


@check("negated")
def negated(span: Span, ctx: Context) -> bool:
    """The obligation is negated: "you do not have to", "you don't need to"."""
    if any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in span):
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    verb = anchor(span)
    if verb.dep_ in ("acomp", "attr", "xcomp") and has_negation(verb.head):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_ in ("feel", "think") and has_negation(verb.head):
        return True  # "please don't feel you have to reply tonight"
    return has_negation(verb)


@check("expectation")
def expectation(span: Span, ctx: Context) -> bool:
    """What the parent can expect, or a duty owed to them, not an instruction.

    "You should receive the draft plan within 20 weeks", "You must be given a copy".
    """
    verb = content_verb(span)
    if verb.lemma_ in ctx.words("expectation_verbs"):
        return True
    if (
        any(child.dep_ == "auxpass" for child in verb.children)
        or verb.tag_ == "VBN"
        and any(c.lower_ in ("be", "been") for c in verb.children)
    ):
        return True
    if verb.lemma_ == "get":
        if not any(t.lower_ in ("should", "will", "'ll", "\u2019ll") for t in span):
            return False  # "you need to get a letter from the GP" is an instruction
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        return any(o.lemma_.lower() in ctx.words("document_nouns") for o in objects)
    if verb.lemma_ == "be":
        info = ctx.words("information_adjectives")
        return any(c.lower_ in info for c in verb.children if c.dep_ in ("acomp", "attr", "xcomp"))
    return verb.lemma_ == "have" and any(c.tag_ == "VBN" for c in verb.children)


@check("duty-statement")
def duty_statement(span: Span, ctx: Context) -> bool:
    """The clause states a duty ("The council should not withhold consent unreasonably")."""
    return is_deontic(clause_verb(span))


@check("past")
def past(span: Span, ctx: Context) -> bool:
    """The clause is in the past tense (a choice already made)."""
    verb = clause_verb(span)
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return False  # "if I were you": a counterfactual, not the past
    tags = {verb.tag_} | {c.tag_ for c in auxiliaries(verb)}
    return bool(tags & {"VBD"}) or (verb.tag_ == "VBN" and "VBZ" not in tags)


@check("perfect")
def perfect(span: Span, ctx: Context) -> bool:
    """A modal perfect ("you should have asked"): a judgement on the past, not direction."""
    verb = anchor(span)
    return verb.tag_ == "VBN" and any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children)


@check("imperative")
def imperative(span: Span, ctx: Context) -> bool:
    """The clause is an imperative: a bare verb with no subject and no modal."""
    verb = imperative_verb(span, ctx)
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ == "to" or verb.lower_ == "dear":
        return False
    if verb.is_upper and len(verb) > 1:
        return False  # an acronym or a heading in capitals: "SEND"
    if verb.lower_ != verb.lemma_.lower() and verb.lower_ not in ("do", "don't", "dont"):
        return False  # an imperative is the bare verb: not "Got your message"
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and not verb.whitespace_ and after.text in ("-", "\u2010"):
        return False  # "Follow-up": a noun
    if after is not None and verb.lower_ == "mind" and after.lower_ == "you":
        return False  # "Mind you, ..."
    if after is not None and verb.lower_ == "want" and after.lower_ == "me":
        return False  # "Want me to send the factsheet?": an offer
    if after_note_label(verb):
        return False  # "Follow-up: ring Mrs Varga", "Sent: link to the policy"
    if is_heading(verb, ctx):
        return False
    if verb.dep_ == "conj" and subject(verb.head) is not None and _joined_by_and(verb):
        return False  # "The council has to consult the college and then decide ..."
    base = verb.tag_ in ("VB", "VBP")
    opens = _opens_sentence(verb) or _new_clause_after_comma(verb)
    if not (base or verb.lower_ in ctx.words("imperative_verbs") and opens):
        return False
    if verb.dep_ != "ROOT" and not opens or verb.tag_ == "VBP" and not opens:
        return False
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not _is_opener_word(child):
            return False
        if child.dep_ in ("aux", "auxpass") and child.lower_ not in ("do", "don't", "dont"):
            return False
    return not _continues_a_list(verb)


def _continues_a_list(verb: Token) -> bool:
    """A lower-case item after a colon ("You can: - ask for a meeting"): an option, not an order."""
    first = next((t for t in verb.sent if not (t.is_punct or t.is_space)), verb)
    if not first.is_lower or first.sent.start == 0:
        return False
    before = [t for t in verb.doc[: first.sent.start] if not t.is_space and t.text not in BULLETS]
    return bool(before) and (before[-1].text in (":", ";", ",") or before[-1].is_lower)


_OPENERS = frozenset(
    {
        "please",
        "do",
        "just",
        "so",
        "and",
        "but",
        "also",
        "then",
        "now",
        "first",
        "n't",
        "nt",
        "not",
        "never",
        "definitely",
        "always",
        "pls",
        "plz",
        "deffo",
        "defo",
        "def",
        "honestly",
        "oh",
        "maybe",
        "perhaps",
        "anyway",
        "frankly",
        "personally",
        "seriously",
        "really",
        "dont",
        "-",
        "*",
        "•",
        "–",
        "·",
    }
)


def _is_opener_word(token: Token) -> bool:
    """A texting opener misparsed as the subject: "Def get the fees in writing"."""
    before = token.doc[token.sent.start : token.i]
    return (
        token.lower_ in _OPENERS
        and not list(token.children)
        and all(t.is_punct or t.lower_ in _OPENERS for t in before)
    )


def _opens_sentence(token: Token) -> bool:
    """Only punctuation, "please", "do", a fronted clause or "so" stand before the token.

    "Before you decide anything, have a word with the head" and "..., so lead
    with that" open a clause of their own.
    """
    fronted = {
        t.i for c in token.lefts if c.dep_ in ("advcl", "prep", "npadvmod") for t in c.subtree
    }
    before = [t for t in token.doc[token.sent.start : token.i] if t.i not in fronted]
    if before and before[-1].lower_ in ("so", "then") and token.dep_ != "ROOT":
        return True
    words = [t.lower_ for t in before if not t.is_punct]
    if words[:3] in (["i", "'d", "say"], ["i", "would", "say"], ["i", "’d", "say"]):
        before = before[3:]  # "I'd say don't wait ..."
    return all(t.is_punct or t.is_space or t.lower_ in _OPENERS for t in before)


@check("suggests-by-question")
def suggests_by_question(span: Span, ctx: Context) -> bool:
    """A negative or comparative question about the parent's options: "Wouldn't X be safer?"."""
    text = span.sent.text.strip().lower()
    if not text.endswith("?") or re.search(r"\b(for you|suit you|if we|if i)\b", text):
        return False
    if re.search(r"\bif (the|they|it|he|she)\b.*\b(had|have)\b", text):
        return False  # "... if the school had acted sooner?": a regret, not a suggestion
    first = text.split()[0]
    if re.match(
        r"((also, |so, )?is it worth|(might|may|could|would) (it )?be worth"
        r"|(how|what) about (a|an|one|another|the|asking|going|trying|ringing)\b)",
        text,
    ):
        return True  # "Might be worth asking her ...?": advice with a question mark
    return first in ("wouldn't", "wouldnt", "isn't", "isnt") or " not " in f" {text} "[:40]


@check("parent-told-to-act")
def parent_told_to_act(span: Span, ctx: Context) -> bool:
    """ "Have a word with the SENCO": the parent is told to act (directive), not the writer.

    "Leave it with me" is an imperative too, but hands the matter to the writer.
    """
    return imperative(span, ctx) and not any(t.lower_ in ("me", "us") for t in span)


def _joined_by_and(verb: Token) -> bool:
    """The conjoined verb shares its head's subject ("... and then decide"), unlike a new
    clause after a comma ("Whatever happens, keep hold of ...", "..., so lead with that")."""
    between = verb.doc[verb.head.i + 1 : verb.i]
    return any(t.dep_ == "cc" and t.lower_ in ("and", "or", "but", "then") for t in between)


def _new_clause_after_comma(verb: Token) -> bool:
    """ "Whatever happens, keep hold of ...": a conjoined verb after a comma, its head a
    clause about something else (not "You can ask for a review, appeal, or complain")."""
    if verb.dep_ != "conj" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    head = verb.head
    own_subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    in_a_list = any(c.dep_ == "cc" for c in (*head.children, *verb.children))
    modal = any(c.tag_ == "MD" for c in head.children)
    return (
        own_subject is not None
        and lower(own_subject) not in ("you", "we", "i")
        and not (modal or in_a_list or _joined_by_and(verb))
    )
