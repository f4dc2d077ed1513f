"""Checks on judging the parent's choice: choices judged, conceded against or doubted."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .base import (
    TIME_WORDS,
    Context,
    anchor,
    check,
    clause_verb,
    content_clauses,
    is_party,
    is_party_or_decision,
    is_person_noun,
    lower,
    subject,
)
from .directive import past


@check("general-advice")
def general_advice(span: Span, ctx: Context) -> bool:
    """A present-tense evaluation with an infinitive ("It's a good idea to ...") is advice."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or after.lower_ not in ("to", "that", "if"):
        return False
    if span[-1].is_punct:
        return False  # "Good call, that's smart timing": a new clause, not "a good idea that"
    subj = subject(clause_verb(span))
    if subj is not None and subj.lower_ not in _GENERAL_SUBJECTS:
        return False  # "You were spot on to ask", "Going through it ... was the right way to"
    return not past(span, ctx)


_GENERAL_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "one"})


_CHOOSERS = frozenset({"that", "this", "it", "you", "i"})


@check("choice-judged")
def choice_judged(span: Span, ctx: Context) -> bool:
    """What is judged is a choice: a gerund ("Moving schools now"), "that", "you", or "I"."""
    first = span[0].lower_
    if first in ("is", "are", "i"):
        return True
    verb = anchor(span)
    subj = subject(verb)
    if subj is None:
        return False
    if subj.tag_ == "VBG" or subj.dep_ == "csubj" or subj.lower_ in _CHOOSERS:
        return True
    if subj.lower_ == "which" and verb.dep_ == "relcl":
        return _parent_action(verb.head)  # "... saving it for an appeal, which would have wasted"
    return any(t.tag_ == "VBG" for t in subj.subtree)


@check("choice-subject")
def choice_subject(span: Span, ctx: Context) -> bool:
    """What is evaluated is a course of action: a gerund or "your decision/choice"."""
    word = span[-1]
    verb = word.head if word.dep_ == "amod" else word  # "a level-headed/VBN way"
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subj = subject(verb)
    misparsed = subj is None or subj.pos_ == "PROPN" or subj.lower_ in TIME_WORDS
    if misparsed and any(t.tag_ == "VBG" and t.i < verb.i for t in verb.sent):
        return True  # a misparsed gerund subject: "dropping out before Christmas would be ..."
    if opens_with_gerund(verb, ctx):
        return True  # "Going through it paragraph by paragraph ... was exactly the right way"
    if subj is not None and subj.lower_ == "which" and verb.dep_ == "relcl":
        return _parent_action(verb.head)  # "you've started keeping a log, which is right"
    if subj is None:
        return _your_decision_before(verb)  # a misparsed "Your decision to ... was the right one"
    if gerund_like(subj):
        return True
    if _would_be_option(subj, verb) or _option_noun(subj, verb, ctx):
        return True  # "a PA would be brilliant for her", "another year would give him ..."
    if is_party(subj, ctx):
        return False
    if subj.lemma_ in (
        "suggestion",
        "proposal",
        "thinking",
        "preference",
        "decision",
        "choice",
        "plan",
        "idea",
        "approach",
        "instinct",
        "move",
        "call",
    ):
        # "your decision", "Ava's instinct to wait" (after 16 the young person decides);
        # not "the panel's decision"
        parties = ctx.words("party_nouns") - {"they", "them", "she", "he"}
        if any(c.dep_ == "poss" and c.lemma_.lower() in parties for c in subj.children):
            return False
        return any(
            c.lower_ in ("your", "the", "his", "her", "their") or c.dep_ == "poss"
            for c in subj.children
        )
    if subj.lower_ in ("that", "this"):  # "That was exactly the right instinct"
        if _conduct(verb):
            return False  # "That is a poor way to treat young people": a party's conduct
        if any(t.lemma_ in _CHOICE_PREDICATES for t in verb.subtree if t.i > verb.i):
            return True
        # "I think that would muddy the waters": a would-be option and its consequence
        hypothetical = any(c.lower_ in ("would", "'d", "\u2019d") for c in verb.children)
        if not hypothetical:
            return False
        evaluated = word.head if word.dep_ == "amod" else word
        evaluations = ctx.words("choice_evaluations")
        if evaluated.lower_ in evaluations | _CHOICE_PREDICATES or _progressive_redescription(verb):
            return True  # "that would be a missed opportunity", "... be storing up trouble"
        return any(t.lemma_ in _CONSEQUENCES for t in verb.subtree)
    return False


def _progressive_redescription(verb: Token) -> bool:
    """ "would be putting the cart before the horse": an option described as another act."""
    if verb.tag_ == "VBG":
        return any(c.lower_ == "be" and c.dep_ == "aux" for c in verb.children)
    return verb.lemma_ == "be" and any(
        c.lower_.endswith("ing")
        and c.dep_ in ("attr", "acomp", "amod", "xcomp")
        or c.dep_ == "attr"
        and any(g.lower_.endswith("ing") for g in c.lefts)
        for c in verb.children
    )


_ROLES = frozenset({"senco", "sendco", "head", "headteacher", "ep", "gp", "judge", "paediatrician"})


_CONDUCT_VERBS = frozenset({"treat", "run", "handle", "deal", "manage", "speak", "talk"})


def _conduct(verb: Token) -> bool:
    """ "a ... way to treat/run/handle ...": how a party behaves, not an option."""
    return any(
        t.lemma_ == "way"
        and any(c.dep_ in ("relcl", "acl") and c.lemma_ in _CONDUCT_VERBS for c in t.children)
        for t in verb.subtree
    )


def _would_be_option(subj: Token | None, verb: Token) -> bool:
    """An indefinite thing in a would-be clause is an option: "a complaint would be ...".

    Parties are definite ("the school has been brilliant"); "a", "an" and "another"
    with "would" or "could" describe something the parent might choose.
    """
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    if is_person_noun(subj) or subj.lower_ in _ROLES:
        return False  # "a new SENCO would be brilliant": a party, not an option
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in subj.children)
    modal = _would_or_could(verb)
    named_as_option = any(  # "a supported internship is a brilliant idea"
        c.dep_ == "attr" and c.lemma_ in _CHOICE_PREDICATES for c in verb.children
    )
    return indefinite and (modal or named_as_option)


def _option_noun(subj: Token, verb: Token, ctx: Context) -> bool:
    """ "the Level 2 course would be too easy": a would-be option named by its noun."""
    if subj.lemma_ not in ctx.words("option_nouns") or any(c.dep_ == "poss" for c in subj.children):
        return False  # not "the council's timetable"
    return _would_or_could(verb)


def _would_or_could(verb: Token) -> bool:
    """The verb is hedged: "would", "could" or "'d" stands among its auxiliaries."""
    return any(c.lower_ in ("would", "could", "'d", "\u2019d") for c in verb.children)


def _your_decision_before(verb: Token) -> bool:
    """ "Your decision/choice/plan" opens the sentence and is some verb's subject."""
    return any(
        t.lemma_ in ("decision", "choice", "plan")
        and t.dep_ == "nsubj"
        and t.i < verb.i
        and any(c.lower_ == "your" for c in t.children)
        for t in verb.sent
    )


def opens_with_gerund(verb: Token, ctx: Context) -> bool:
    """The sentence opens with a gerund before the verb: a course of action is its subject.

    A fronted "In my view," or "Honestly," and an "I think (that)" come first.
    """
    tokens = [t for t in verb.sent if not t.is_space and t.i < verb.i]
    noted = False
    while tokens and (tokens[0].is_punct or _note_opener(tokens[0])):
        noted = noted or not tokens[0].is_punct
        tokens = tokens[1:]  # "- Said moving him now would ...": a call note's own words
    start = next((k + 1 for k, t in enumerate(tokens[:6]) if t.text == ","), 0)
    lead = [t.lower_ for t in tokens[start : start + 3]]
    if len(lead) > 1 and lead[0] == "i" and lead[1] in ctx.words("stance_verbs"):
        start += 3 if lead[2:] == ["that"] else 2
    words = [t for t in tokens[start:] if not t.is_punct]
    if not words or not gerund_like(words[0]):
        return False
    if words[0].dep_ == "ROOT":  # "Ruling it out ... seems a bit hasty": a misparsed subject
        return verb.i in {t.i for t in words[0].subtree}
    return words[0].dep_ in ("csubj", "advcl", "nsubj") or noted and words[0].tag_ == "VBG"


def _note_opener(token: Token) -> bool:
    """A call note's subjectless "Said", "Explained", "Suggested" (the writer speaking)."""
    return token.lower_ in ("said", "explained", "suggested", "mentioned", "added", "felt")


def gerund_like(token: Token) -> bool:
    """A gerund, or an opening "-ing" word tagged as a name ("Appealing is ...")."""
    if token.tag_ == "VBG" or token.dep_ == "csubj":
        return True
    first = all(t.is_punct or t.is_space for t in token.sent if t.i < token.i)
    return (
        first
        and token.lower_.endswith("ing")
        and token.pos_ in ("PROPN", "NOUN")
        and not any(c.dep_ in ("det", "poss", "compound") for c in token.children)
    )


def _parent_action(token: Token) -> bool:
    """The token belongs to something the parent does or did ("you've started keeping a log")."""
    while True:
        if token.tag_ == "VBG" and token.pos_ == "VERB":
            return True
        if token.pos_ in ("VERB", "AUX") and lower(subject(token)) == "you":
            return True
        if token.head.i == token.i:
            return False
        token = token.head


_CONCESSIVE = frozenset({"but", "although", "though", "however", "yet"})


_RESPECT = re.compile(r"\b(your (own )?(decision|choice|call)|up to you|whatever you|you decide)\b")


@check("concessive-downside")
def concessive_downside(span: Span, ctx: Context) -> bool:
    """ "I can see why you ..., but <a downside>": a concession that turns against the choice.

    Not when the turn respects the choice ("but it is your decision") or states what a
    party or the writer does ("but the council has six weeks to reply").
    """
    sent = span.sent
    turn = next((t for t in sent if t.i >= span.end and t.lower_ in _CONCESSIVE), None)
    if turn is None:
        return False
    rest = ctx.doc[turn.i + 1 : sent.end]
    if _RESPECT.search(rest.text.lower().replace("\u2019", "'")):
        return False
    heads = [
        t for t in rest if t.pos_ in ("VERB", "AUX") and not (rest.start <= t.head.i < rest.end)
    ]
    if not heads:
        return bool(rest.text.strip(" .!?"))
    subj = subject(heads[0])
    hedged = any(
        c.lower_ in ("would", "'d", "\u2019d", "might", "could") for c in heads[0].children
    )
    if subj is not None and subj.lower_ in ("i", "we") and not hedged:
        return False  # "but I can send you the factsheet"
    return not (is_party(subj, ctx) and subj.lower_ not in ("it", "that", "this") and not hedged)


_GAIN_VERBS = frozenset({"add", "help", "achieve", "gain", "get", "work", "change", "improve"})


_GAIN_OBJECTS = frozenset({"much", "anything", "difference", "lot"})


_INFORMATION_VERBS = frozenset({"need", "have", "be", "hear", "receive", "know", "qualify"})


# What an option would do for the child: "that would help", "... give him what he needs".
_OUTCOME_VERBS = frozenset({"help", "work", "give", "suit", "solve", "fix", "improve", "meet"})


@check("doubts-choice")
def doubts_choice(span: Span, ctx: Context) -> bool:
    """A doubt aimed at the parent's option, not at a party or a fact.

    "I'm not sure waiting gets you anything", "I don't think you'd manage ...",
    "I'm not convinced a letter adds much"; not "I don't think you'd need to pay".
    """
    after = [t for t in span.doc[span.end : span.sent.end] if t.lower_ != "that"][:1]
    if after and after[0].tag_ == "VBG":
        return True  # the doubted thing is a course of action
    for clause in content_clauses(span):
        subj = subject(clause)
        if subj is not None and gerund_like(subj):
            return True
        if clause.lemma_ == "be" and subj is not None and not is_party_or_decision(subj, ctx):
            verdicts = ctx.words("choice_evaluations")
            if any(c.dep_ in ("attr", "acomp") and c.lower_ in verdicts for c in clause.children):
                return True  # "I don't think home education is the answer for her"
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children)
        if passive or clause.lemma_ in _INFORMATION_VERBS:
            continue
        hedged = _would_or_could(clause)
        if lower(subj) == "you" and hedged:
            return True  # "I don't think you'd manage the therapy side at home"
        option = lower(subj) in ("that", "this") or _would_be_option(subj, clause)
        if hedged and option and clause.lemma_ in _OUTCOME_VERBS:
            return True  # "I'm not convinced that would give Gethin what he needs"
        if clause.lemma_ in _GAIN_VERBS and any(t.lower_ in _GAIN_OBJECTS for t in clause.children):
            return True  # "... adds much", "... gets you anything"
    return False


_CHOICE_PREDICATES = frozenset(
    {
        "stop-gap",
        "stopgap",
        "gap",
        "compromise",
        "solution",
        "course",
        "instinct",
        "move",
        "call",
        "choice",
        "decision",
        "idea",
        "approach",
        "way",
        "plan",
        "step",
        "route",
        "option",
        "thing",
    }
)


# Consequences that judge a would-be option ("that would muddy the waters").
_CONSEQUENCES = frozenset(
    {
        "muddy",
        "hook",
        "harm",
        "backfire",
        "undo",
        "undermine",
        "waste",
        "regret",
        "shame",
        "nightmare",
        "mistake",
        "disaster",
        "likely",
        "harder",
        "worse",
        "risk",
        "setback",
    }
)


@check("words-judge-a-choice")
def words_judge_a_choice(span: Span, ctx: Context) -> bool:
    """A judging-decision finding covers these words: "a PA would be brilliant" judges an option."""
    return any(
        f.label_ == "judging-decision" and f.start < span.end and span.start < f.end
        for f in ctx.findings
    )


@check("choice-judged-here")
def choice_judged_here(span: Span, ctx: Context) -> bool:
    """The sentence already judges the parent's choice: its view is of the option, not a party."""
    sent = span.sent
    return any(
        f.label_ == "judging-decision" and sent.start <= f.start < sent.end for f in ctx.findings
    )
