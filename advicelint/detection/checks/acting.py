"""Checks on who acts: the clause's subject and whom the writer's action is aimed at."""

from __future__ import annotations

from lemminflect import getLemma
from spacy.tokens import Span, Token

from .base import (
    TIME_WORDS,
    Context,
    anchor,
    check,
    is_addressee,
    is_party,
    is_person_noun,
    lower,
    subject,
)


@check("party-subject")
def party_subject(span: Span, ctx: Context) -> bool:
    """The clause's subject is a party: the school, the council, the SENCO, a named person."""
    subj = subject(anchor(span))
    return is_party(subj, ctx) and not is_addressee(subj)


@check("writer-subject")
def writer_subject(span: Span, ctx: Context) -> bool:
    """The clause's subject is the writer (I, we)."""
    return lower(subject(anchor(span))) in ctx.words("writer")


_NOTE_OPENERS = frozenset({"agreed", "promised", "offered", "said", "arranged"})


@check("note-of-writer-action")
def note_of_writer_action(span: Span, ctx: Context) -> bool:
    """A call note's subjectless verb of contact is the writer's: "Rang Mrs Ivanova ...".

    "Agreed to email the nursery manager" counts too; an imperative ("Ring the
    SENCO"), a verb with its own subject, advice ("Told her to ...") and contact
    with the parent ("Emailed Mum ...") do not. A note's opening verb that the
    tagger took for a name ("Rang/NNP Mrs Ivanova") is read from the words after it.
    """
    first = span[0]
    lemma = _verb_lemma(first)
    if lemma in _INFORMING or _sends_information(first, lemma):
        return False  # "Told him the council must ...", "Sent him our factsheet": to the parent
    following = [t.lower_ for t in first.doc[first.i + 1 : first.sent.end][:5]]
    if "back" in following or ":" in following[:2]:
        return False  # "Rang Mr Rahman back": returning the parent's call; "Spoke to: ..."
    misparsed = first.tag_ not in ("VBD", "VBN", "VB") or first.dep_ in ("compound", "amod")
    if misparsed and _opens_note(first):
        after = [
            t
            for t in first.doc[first.i + 1 : first.sent.end][:5]
            if t.pos_ in _WHO and t.dep_ != "compound"
        ]
        return bool(after) and _is_third_party(after[0], ctx)
    verb = anchor(span)
    if _own_subject(verb):
        return False
    if verb.lemma_ in ("tell", "advise", "remind", "encourage", "ask") and any(
        c.dep_ == "xcomp" for c in verb.children
    ):
        return False  # "Told her to email the SEN team": advice to the parent, not action
    opener = verb
    if verb.dep_ == "xcomp" and verb.head.lower_ in _NOTE_OPENERS:
        opener = verb.head  # "Agreed to email ..."
    elif verb.tag_ not in ("VBD", "VBN"):
        return False
    return not _own_subject(opener) and _opens_note(opener) and towards_third_party(span, ctx)


def _own_subject(verb: Token) -> bool:
    """The verb has a subject of its own, not a fronted phrase's noun misread as one."""
    subj = subject(verb)
    if subj is None:
        return False
    between = verb.doc[subj.i + 1 : verb.i]
    return not (subj.i < verb.i and any(t.text == "," for t in between))


# In notes, telling and explaining are addressed to the parent: information, not action.
_INFORMING = frozenset(
    {"tell", "explain", "inform", "mention", "remind", "warn", "update", "brief", "advise"}
)
_MATERIALS = frozenset(
    {"factsheet", "guidance", "leaflet", "details", "link", "links", "information", "template"}
)


def _verb_lemma(token: Token) -> str:
    """The verb lemma of a word, also when the tagger took it for a name ("Sent/NNP")."""
    lemmas = getLemma(token.lower_, upos="VERB")
    return lemmas[0] if lemmas else token.lemma_.lower()


def _sends_information(verb: Token, lemma: str) -> bool:
    """ "Sent him the appeal factsheet", "Sent appeal factsheet and ... by email"."""
    if lemma not in ("send", "email", "forward", "post", "pass", "give", "copy"):
        return False
    after = []  # to the full stop: the sentence splitter can break "Mrs S. the ..."
    for token in verb.doc[verb.i + 1 : verb.i + 9]:
        if token.text in (".", "\n") or token.is_space and "\n" in token.text:
            break
        after.append(token)
    return any(t.lemma_.lower() in _MATERIALS for t in after)


def _opens_note(token: Token) -> bool:
    """Only bullets, punctuation, adverbs and "and" stand before the token in its sentence.

    A fronted phrase closed by a comma ("With her consent, also emailed ...") is allowed.
    """
    before = list(token.doc[token.sent.start : token.i])
    commas = [k for k, t in enumerate(before) if t.text == ","]
    if commas and before[0].pos_ == "ADP":
        before = before[commas[-1] + 1 :]
    return all(t.is_punct or t.is_space or t.pos_ in ("ADV", "CCONJ") for t in before)


@check("parent-subject")
def parent_subject(span: Span, ctx: Context) -> bool:
    """The clause's subject is the reader ("you")."""
    return lower(subject(anchor(span))) == "you"


_TARGET_PREPOSITIONS = frozenset({"to", "with", "for", "at", "on", "from"})


@check("towards-third-party")
def towards_third_party(span: Span, ctx: Context) -> bool:
    """The writer's action is aimed at someone other than the parent.

    The target is the verb's object, a "to/with/for ..." phrase on the verb, or
    the subject of "let ... know"; words inside a reported clause do not count.
    """
    verb = anchor(span)
    targets = _targets(verb)
    if verb.lemma_ in ("tell", "advise", "remind", "encourage") and any(
        c.dep_ == "xcomp" for c in verb.children
    ):  # "I told her to email the SEN team": the parent is the one to act
        targets = [t for t in targets if t.head.i == verb.i and t.dep_ != "xcomp"]
    for token in targets:  # "I'll ring them for you", "on your behalf"
        if token.lower_ == "behalf" or (
            token.lower_ == "for" and any(c.lower_ == "you" for c in token.children)
        ):
            return True
    if verb.lemma_ == "arrange" and _arranged_for(verb, ctx):
        return True
    if verb.lemma_ in ("send", "give", "pass", "forward", "email", "post") and any(
        c.dep_ == "dobj" and _ours(c) for c in verb.children
    ):
        return False  # "I will send him our transport factsheet": the service's own material
    return any(_is_third_party(t, ctx) for t in targets)


def _arranged_for(verb: Token, ctx: Context) -> bool:
    """ "I've arranged for you to visit ...", "... for the SENCO to send ...": not our own team."""
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.lower_ == "for":
            who = next((t for t in token.doc[token.i + 1 : verb.sent.end] if t.pos_ in _WHO), None)
            return (
                who is not None
                and not _ours(who)
                and (who.lower_ == "you" or _is_third_party(who, ctx))
            )
    return False


_WHO = frozenset({"PRON", "NOUN", "PROPN"})


_NOT_TARGETS = frozenset(
    {
        "ccomp",
        "advcl",
        "relcl",
        "acl",
        "csubj",
        "parataxis",
        "mark",
        "nsubj",
        "nsubjpass",
        "appos",
        "poss",
        "compound",
    }
)


def _targets(verb: Token, depth: int = 3) -> list[Token]:
    """Tokens within ``depth`` arcs below the verb, outside reported or subordinate clauses."""
    found, frontier = [], [verb]
    for _ in range(depth):
        frontier = [
            child
            for token in frontier
            for child in token.children
            if child.dep_ not in _NOT_TARGETS
            and not (
                child.dep_ == "conj" and any(c.dep_ in ("nsubj", "mark") for c in child.children)
            )
            and not _ours(child)
            and (child.pos_ != "ADP" or child.lower_ in _TARGET_PREPOSITIONS)
        ]
        found += frontier
    if verb.lemma_ == "let":  # "I'll let the council know"
        found += [
            c for k in verb.children if k.dep_ == "ccomp" for c in k.children if c.dep_ == "nsubj"
        ]
    return found


def _ours(token: Token) -> bool:
    """A noun the service owns: "our workshop", "our young people's team"."""
    return any(t.lower_ in ("our", "my") for left in token.lefts for t in left.subtree)


def _is_third_party(token: Token, ctx: Context) -> bool:
    if token.lower_ in ("you", "yourself", "me", "us", "it") or token.lower_ in TIME_WORDS:
        return False
    if token.lower_ in ctx.words("parent_words"):
        return False
    parties = ctx.words("third_parties")
    if token.lemma_.lower() in parties or token.lower_ in parties or token.pos_ == "PROPN":
        return True
    # "the mediation service", "the transport office", "Dr Chaudhry's secretary"
    return token.pos_ == "NOUN" and any(
        c.dep_ == "compound"
        and c.lower_ in parties
        or c.dep_ == "poss"
        and c.pos_ == "PROPN"
        and is_person_noun(token)
        for c in token.children
    )


@check("hypothetical")
def hypothetical(span: Span, ctx: Context) -> bool:
    """What the writer would do ("I'd ask the OT ..."): advice, not action."""
    verb = anchor(span)
    if reported_commitment(span, ctx):
        return False  # "I said I'd ring the OT team": a commitment, not advice
    return any(
        c.lower_ in ("would", "'d", "\u2019d", "d") for c in verb.children if c.dep_ == "aux"
    )


@check("recalls-agreement")
def recalls_agreement(span: Span, ctx: Context) -> bool:
    """ "As we agreed, ..." recalls an arrangement; it decides nothing."""
    verb = anchor(span)
    return any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children)


@check("writer-or-parent-subject")
def writer_or_parent_subject(span: Span, ctx: Context) -> bool:
    """The clause is about the writer or the parent ("Regrettably I cannot attend")."""
    after = span.doc[span.end : span.end + 2].text.lower()
    if after.startswith("for you") or after.startswith("for me"):
        return True
    return lower(subject(anchor(span))) in ("i", "we", "you")


@check("reported-commitment")
def reported_commitment(span: Span, ctx: Context) -> bool:
    """ "We agreed I would ring ...", "I said I'd send ...": the writer's own undertaking."""
    verb = anchor(span)
    head = verb.head
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.lemma_ in ctx.words("action_verbs")
        and head.lemma_ in ("agree", "promise", "say", "offer", "decide", "arrange", "explain")
        and (lower(subject(head)) in ("i", "we") or subject(head) is None and _opens_note(head))
    )  # "Also said I'd mention to the SEN officer ...": a call note's subjectless "said"


@check("thanks-for-asking")
def thanks_for_asking(span: Span, ctx: Context) -> bool:
    """ "Thank you for asking me to explain ...": the parent's own request."""
    return any(t.lemma_ in ("thank", "thanks") for t in span[0].ancestors) or (
        span.sent.text.lower().lstrip().startswith(("thank you", "thanks"))
    )


@check("agrees-with-view")
def agrees_with_view(span: Span, ctx: Context) -> bool:
    """ "I agreed that the team has been first class": agreeing with a view, not deciding."""
    if span[-1].lemma_ != "agree" or span.end + 1 >= len(span.doc):
        return False
    after, then = span.doc[span.end], span.doc[span.end + 1]
    return after.lower_ == "that" or (
        after.lower_ == "with" and then.lower_ in ("you", "him", "her", "them")
    )
