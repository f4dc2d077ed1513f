"""Checks on taking sides: evaluations, hopes and opinions about a party."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .base import (
    Context,
    check,
    content_clauses,
    is_addressee,
    is_deontic,
    is_party,
    is_party_or_decision,
    lower,
    subject,
)
from .choices import gerund_like, opens_with_gerund
from .policy import HABIT_ADVERBS


@check("feelings-or-logistics")
def feelings_or_logistics(span: Span, ctx: Context) -> bool:
    """A stance marker about the letter, arrangements or the parent's feelings."""
    sent = span.sent
    text = sent.text.lower()
    if re.search(
        r"\b(i (think|believe|feel) (i|we)('ve| have| had)? (covered|answered|included|enclosed"
        r"|sent|attached|mentioned|spoke|spoken|explained|met))|"
        r"(i (think|believe) (the|our|your) (meeting|appointment|call|visit|session) is)|"
        r"(how (hard|difficult|tiring|stressful|worrying|exhausting))|"
        r"(i (feel|felt) for you)",
        text,
    ):
        return True
    feelings = ctx.words("feeling_words")
    if not any(t.lower_ in feelings for t in sent):
        return False
    if any(t.tag_ == "MD" or t.lower_ in ("'d", "\u2019d") for t in sent):
        return False  # "Honestly I'd hang fire till after the meeting": advice, not feelings
    evaluative = ctx.words("evaluative_words")
    if any(_evaluates(t, evaluative) for t in sent):
        return False
    return not any(is_party_or_decision(t, ctx) for t in sent if t.pos_ in ("NOUN", "PROPN"))


@check("evaluates-party")
def evaluates_party(span: Span, ctx: Context) -> bool:
    """The evaluative word is said of a party or of its decision or conduct."""
    word = span.root
    if word.pos_ == "NOUN" and word.lower_ in ("right", "good", "fair"):
        return False  # "the right to appeal", "the common good"
    if _of_party(word, ctx):
        return True  # "That is simply unacceptable of Mr Oduya"
    if word.dep_ == "amod" or word.dep_ == "compound":
        noun = word.head
        owners = {c.lower_ for c in noun.children if c.dep_ == "poss"}
        if owners & {"your", "my", "our"} or word.tag_ == "JJS" and owners & {"his", "her"}:
            return False  # "your strongest card": the parent's own evidence
        if _choice_evaluated(noun, ctx):
            return False  # "Turning it down was the right decision": the parent's choice
        if noun.lemma_ in _FIT_NOUNS:
            return False  # "the college will be a good fit for you": an option for the child
        if is_party_or_decision(noun, ctx) and noun.lower_ not in ("they", "them", "she", "he"):
            return True
        if noun.dep_ in ("attr", "acomp") and noun.head.pos_ in ("VERB", "AUX"):
            subj = subject(noun.head)  # "The team are lovely people"
            if is_party_or_decision(subj, ctx) and lower(subj) not in ("you", "i", "we", "it"):
                return True
        periods = ("job", "work", "year", "term", "start", "record", "time", "week", "month")
        return noun.lemma_ in periods and is_party_or_decision(subject(noun.head), ctx)
    link = word
    while link.dep_ == "conj" and link.head.pos_ == "ADJ" and link.head.i != link.i:
        link = link.head  # "quick and helpful": the first adjective carries the link
    if link.dep_ in ("acomp", "attr", "oprd", "xcomp", "advmod", "ccomp", "dobj", "conj"):
        verb = link.head
        while verb.dep_ == "conj" and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if _choice_evaluated(word, ctx) or is_addressee(subject(verb)):
            return False  # "Told him he was quite right not to sign": the person advised
        return is_party_or_decision(subject(verb), ctx) and lower(subject(verb)) not in (
            "you",
            "i",
            "we",
            "it",
            "this",
            "that",
            "things",
            "there",
        )
    return False


def _of_party(word: Token, ctx: Context) -> bool:
    """An evaluative adjective said "of" a party: "unfair of the school", "kind of Mrs Lee"."""
    if word.pos_ != "ADJ":
        return False
    return any(
        prep.dep_ == "prep" and prep.lower_ == "of" and is_party(c, ctx) and c.dep_ == "pobj"
        for prep in word.children
        for c in prep.children
    )


def _choice_evaluated(token: Token, ctx: Context) -> bool:
    """A predicate whose subject is a course of action: "Pulling her out ... was the right call"."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if token.i != verb.i and token.dep_ not in ("attr", "acomp", "oprd") and token.head.i != verb.i:
        return False
    subj = subject(verb)
    if subj is not None and gerund_like(subj):
        return True
    return opens_with_gerund(verb, ctx)


_PROCESS_HOPE = re.compile(
    r"\b(quick|quickly|soon|smoothly|on time|in time|promptly|swiftly|fast)\b"
)


_CONTEST = re.compile(
    r"\b(tribunal|hearing|appeal|panel|mediation|complaint|case|claim|challenge|fight|battle"
    r"|win|governors|board|exclusion)\b"
)


@check("welcomes-party-outcome")
def welcomes_party_outcome(span: Span, ctx: Context) -> bool:
    """The welcome or hope is about a party's decision or a contested outcome."""
    hope = re.search(r"\b(luck|fingers|crossed|hope)\b", span.text.lower())
    if hope and _PROCESS_HOPE.search(span.sent.text.lower()):
        return False  # "Fingers crossed the reply comes back quick": a process going smoothly
    if "luck" in span.text.lower():  # luck in a contest, not with a move or exams
        return bool(_CONTEST.search(span.sent.text.lower()))
    if span.root.lower_ == "fingers":
        return True
    words = span.text.lower()
    if not any(w in words for w in ("i ", "we ", "i’", "i'", "we'", "we’")) or " hope" in words:
        return True
    adjective = span[-1]
    for token in adjective.subtree:
        if (
            token.pos_ in ("VERB", "AUX")
            and token.i > adjective.i
            and is_party_or_decision(subject(token), ctx)
        ):
            return lower(subject(token)) not in ("you", "i", "we", "it")
    return False


@check("opinion-content")
def opinion_content(span: Span, ctx: Context) -> bool:
    """The stance verb introduces a view: it has a clause as its complement."""
    verb = next(
        (
            t
            for t in span
            if t.lemma_
            in (
                "think",
                "feel",
                "believe",
                "reckon",
                "suspect",
                "doubt",
                "guess",
                "fear",
                "imagine",
                "expect",
                "say",
            )
        ),
        span.root,
    )
    if any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return True
    # a parenthetical "..., I feel, ...": the view is the clause around it
    return verb.dep_ in ("parataxis", "advcl", "conj", "ccomp") and verb.head.pos_ in (
        "VERB",
        "AUX",
    )


_CHOICE_NOUNS = frozenset({"choice", "decision", "idea", "plan", "move", "call", "option"})

# A place seen as one of the parent's options: "a good fit", "realistic choices".
_FIT_NOUNS = frozenset({"fit", "match"})
_OPTION_FIT = _FIT_NOUNS | {"choice", "option"}


@check("opinion-on-party")
def opinion_on_party(span: Span, ctx: Context) -> bool:
    """The opinion's content judges a party or predicts what a party or process will do."""
    evaluative = ctx.words("evaluative_words")
    if span.root.lemma_ == "strike" and is_party(subject(span.root), ctx):
        return True  # "The officer struck me as someone who ...": a view of the party
    for clause in content_clauses(span):
        subj = subject(clause)
        if is_deontic(clause):
            if is_party(subj, ctx) and _modal_perfect(clause):
                return True  # "I think the school should have picked this up": blame
            continue
        verb = clause
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "... is the right call in my book": the call's verb
        if subj is None and verb.i != clause.i:
            subj = subject(verb)
        if subj is not None and gerund_like(subj):
            continue  # a view on a course of action: judging-decision, not taking sides
        if _option_content(span, clause, subj, ctx):
            continue  # "I think going to the governors now is ...", "the GP route will ..."
        if any(c.lower_ in HABIT_ADVERBS for c in clause.children):
            continue  # a local practice: local-policy (boundary decision 8)
        words = [t for t in clause.subtree if t.i not in range(span.start, span.end)]
        if subj is not None and subj.lower_ in ("that", "this"):
            if any(t.lemma_ in _CHOICE_NOUNS for t in words):
                continue  # "that's a brilliant choice": judging-decision
            if any(_evaluates(t, evaluative) for t in words):
                return True
            continue
        if subj is not None and subj.lower_ == "you" and _predicts_success(clause):
            return True  # "I'm confident you'll walk out with the therapy you asked for"
        if subj is not None and subj.lower_ in ("i", "we", "you", "it", "there"):
            continue
        if clause.lemma_ in _PROCESS_VERBS and not any(_evaluates(t, evaluative) for t in words):
            continue  # "I suspect the panel will want to see the report": how, not who wins
        scope = subj.subtree if subj is not None else iter(words)
        if any(
            is_party_or_decision(t, ctx) for t in scope if t.i not in range(span.start, span.end)
        ):
            return True
        if any(_evaluates(t, evaluative) for t in words):
            return True
    return False


# What a party will do on the way to a decision, not the decision itself.
_PROCESS_VERBS = frozenset(
    {"want", "expect", "ask", "see", "tell", "hear", "reply", "respond", "write"}
)


def _modal_perfect(verb: Token) -> bool:
    """ "should have picked", "ought to have": a verdict on what was done."""
    return verb.tag_ == "VBN" and any(
        c.lower_ in ("have", "'ve", "\u2019ve") for c in verb.children
    )


def _option_content(span: Span, clause: Token, subj: Token | None, ctx: Context) -> bool:
    """The opinion is about an option the parent is weighing, not about a party."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "VBG" and after.pos_ == "VERB":
        return True  # the content clause opens with a gerund
    if clause.lemma_ == "suit":
        return True  # "the college would suit him better": how an option fits the child
    if any(c.dep_ == "attr" and c.lemma_ in _OPTION_FIT for c in clause.children):
        return True  # "the college will be a good fit for you", "both realistic choices"
    if subj is None or subj.lemma_ not in ctx.words("option_nouns"):
        return False
    return not any(c.dep_ == "poss" for c in subj.children)  # not "their route"


_SUCCESS_VERBS = frozenset({"get", "win", "walk", "succeed", "come", "lose", "fail", "secure"})


def _predicts_success(clause: Token) -> bool:
    """A future-tense outcome for the parent: "you'll get it", "you will win"."""
    future = any(c.lower_ in ("will", "'ll", "\u2019ll", "wo") for c in clause.children)
    return future and clause.lemma_ in _SUCCESS_VERBS


def _evaluates(token: Token, evaluative: frozenset[str]) -> bool:
    """An evaluative word used as one ("right", but not "right now")."""
    if token.lower_ not in evaluative:
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not (after is not None and after.lower_ in ("now", "away", "there", "here", "up"))


_TIMING = re.compile(r"\b(before|until|till|by the end|weeks?|months?|days?|soon|yet)\b")


@check("so-consequence")
def so_consequence(span: Span, ctx: Context) -> bool:
    """ "..., so <forecast>": the outcome drawn as a consequence of what came before.

    "Bramwick never agrees, so this is unlikely to happen" forecasts the outcome; a
    forecast of timing ("so it is unlikely to reply before March") is information.
    """
    sent = span.sent
    turn = [t for t in sent if t.i < span.start and t.lower_ == "so" and t.i > sent.start]
    if not turn or ctx.doc[turn[-1].i - 1].text not in (",", ";", "and", "\u2013", "-"):
        return False
    rest = ctx.doc[turn[-1].i + 1 : sent.end].text.lower()
    return not _TIMING.search(rest)


@check("about-a-party")
def about_a_party(span: Span, ctx: Context) -> bool:
    """The rest of the sentence speaks about a party: the school, the council, the SENCO."""
    rest = [t for t in span.sent if t.i >= span.end or t.i < span.start]
    documents = ctx.words("document_nouns")
    return any(
        is_party_or_decision(t, ctx) or t.lemma_ in documents
        for t in rest
        if t.pos_ in ("NOUN", "PROPN", "PRON")
    )


@check("mentions-a-party")
def mentions_a_party(span: Span, ctx: Context) -> bool:
    """The span, or the sentence before it, names a side.

    For the classifier's whole-sentence findings: taking sides needs a side, a
    party, a party's decision or a party's document. The side may be in the
    sentence before, in the same paragraph or ending the one before: "The
    council has a backlog. It's the sort of excuse that wouldn't wash anywhere
    else."
    """
    documents = ctx.words("document_nouns")

    def names_a_side(tokens: Span) -> bool:
        return any(
            is_party_or_decision(t, ctx) or t.lemma_ in documents
            for t in tokens
            if t.pos_ in ("NOUN", "PROPN", "PRON")
        )

    if names_a_side(span) or ctx.alone:
        return True  # a rewording checked alone: the letter around it may name the side
    i = span.sent.start - 1
    while i >= 0 and ctx.doc[i].is_space:
        i -= 1
    return i >= 0 and names_a_side(ctx.doc[i].sent)
