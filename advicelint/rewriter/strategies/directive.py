"""Directive findings: obligations, imperatives, advice and pressure become options."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..base import Advice, Outcome, Resources, rewrite, strategy
from ..clauses import (
    auxiliaries,
    clause_tokens,
    form,
    is_known_verb,
    is_writer,
    is_you,
    negation,
    own_subject,
    phrase,
    starts_sentence,
)
from ..edits import Edit, insert
from .common import (
    action_after,
    anchor_verb,
    delete_clause,
    frame_case,
    message,
    option_frame,
    template,
    words_of,
)
from .judging import judged_clause

# --- obligation ("you should", "you need to") and "we need to" -----------------------


@strategy("obligation-to-option")
def obligation_to_option(span: Span, res: Resources) -> Outcome:
    """ "You ought to ask ..." -> "You may wish to ask ..."; a deadline stays a fact."""
    subj = next((t for t in span if is_you(t)), None)
    if subj is None:
        return Advice(message(res, "no-subject"))
    return _modal_to_option(span, subj, res, keep_subject=True)


@strategy("we-to-option")
def we_to_option(span: Span, res: Resources) -> Outcome:
    """ "We need to get the request in" -> "You may wish to get the request in"."""
    subj = next((t for t in span if t.lower_ == "we"), None)
    if subj is None:
        return Advice(message(res, "no-subject"))
    return _modal_to_option(span, subj, res, keep_subject=False)


def _modal_to_option(span: Span, subj: Token, res: Resources, keep_subject: bool) -> Outcome:
    doc = span.doc
    carriers = words_of(res, "obligation_carriers")
    after_subject = max(t.i for t in subj.subtree) + 1
    action = _content_verb(doc, after_subject, carriers)
    if action is None:
        return Advice(message(res, "no-action"))
    between = doc[after_subject : action.i]
    negative = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in between)
    also = any(t.lower_ == "also" for t in between)
    necessity = any(t.lemma_.lower() in words_of(res, "necessity_words") for t in between)
    start = after_subject if keep_subject else _subject_start(subj)
    deadline = _deadline(action, res)
    if deadline is not None and necessity and not negative:
        return _deadline_rewrite(span, subj, action, deadline, res)
    if negative:
        frame = template(res, "not-obliged")
    else:
        frame = template(res, "option-also" if also else "option")
    # the subject stays: "You [may wish to] ..."
    frame = frame.split(" ", 1)[1] if keep_subject else frame_case(frame, doc[start])
    return rewrite(option_frame(start, action, frame))


def _subject_start(subj: Token) -> int:
    return min(t.i for t in subj.subtree)


def _content_verb(doc, start: int, carriers: frozenset[str]) -> Token | None:
    """The verb after a modal chain: "send" in "you'll need to send", "put" in "got to put"."""
    for token in doc[start : doc[start].sent.end if start < len(doc) else start]:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass", "neg"):
            continue
        if token.lemma_.lower() in carriers and any(c.dep_ == "xcomp" for c in token.children):
            continue
        if token.lower_ in ("better", "got"):
            continue
        if token.tag_ in ("VB", "VBP") and is_known_verb(token):
            return token
        return None
    return None


def _deadline(action: Token, res: Resources) -> Token | None:
    """A "by Friday" / "within two months" phrase on the action: a deadline stated as a fact."""
    times = words_of(res, "time_words")
    for child in action.children:
        if child.dep_ == "prep" and child.lower_ in words_of(res, "deadline_preps"):
            words = {t.lower_ for t in child.subtree} | {t.lemma_.lower() for t in child.subtree}
            if words & times or any(t.like_num for t in child.subtree):
                return child
    return None


def _deadline_rewrite(
    span: Span, subj: Token, action: Token, deadline: Token, res: Resources
) -> Outcome:
    doc = span.doc
    clause = [t for t in clause_tokens(action) if t.i >= action.i]
    last = max(t.i for t in clause)
    start = _subject_start(subj)
    if deadline.lower_ == "by" and max(t.i for t in deadline.subtree) == last:
        inside = [t for t in clause if t.i not in {d.i for d in deadline.subtree}]
        gerund = phrase(inside, {action.i: form(action, "VBG")})
        when = phrase([t for t in deadline.subtree if t.i != deadline.i])
        text = template(res, "deadline").format(action=gerund, deadline=when)
    else:
        text = template(res, "conditional-need").format(action=phrase(clause))
    if starts_sentence(doc[start]):
        text = frame_case(text, doc[start])
    elif not doc[start - 1].is_punct:
        text = ", " + text  # "Then we'll need to ..." -> "Then, if you decide ..."
    return rewrite(Edit(start, last + 1, text))


# --- imperatives --------------------------------------------------------------------


@strategy("imperative-to-option")
def imperative_to_option(span: Span, res: Resources) -> Outcome:
    """ "Ask for a copy." -> "You may wish to ask ..."; "Don't sign" -> "You do not have to ..."."""
    verb = anchor_verb(span.root) if span.root.pos_ not in ("VERB", "AUX") else span.root
    doc = span.doc
    if (
        not is_known_verb(verb)
        or (verb.text[:1].isupper() and not starts_sentence(verb))
        or (len(verb.text) > 1 and verb.is_upper)
        or own_subject(verb) is not None  # "Being dyslexic does not ... entitle": not an order
    ):
        return Advice(message(res, "not-an-instruction"))
    if _courtesy(verb):
        return Advice(message(res, "courtesy"))
    negative = negation(verb) is not None or any(c.lower_ == "never" for c in verb.lefts)
    action = verb
    carrier_end = verb.i
    lemma = verb.lemma_.lower()
    pressure = words_of(res, "pressure_verbs")
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if negative and (lemma in pressure or any(c.lemma_ in pressure for c in complements)):
        edits = delete_clause(verb)
        return rewrite(edits) if edits else Advice(message(res, "pressure"))
    if lemma in words_of(res, "carrier_imperatives") or (lemma == "make" and _next(verb) == "sure"):
        found = _carried_action(verb)
        if found is None:
            return _make_sure_clause(span, verb, res)
        action, carrier_end = found, found.i
        if lemma == "forget" and negative:
            negative = False
    elif lemma in words_of(res, "refusal_verbs"):
        found = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if found is None:
            return Advice(message(res, "no-action"))
        action, carrier_end, negative = found, found.i, True
    start = _imperative_start(verb)
    also = any(t.lower_ == "also" for t in doc[start:carrier_end])
    key = "not-obliged" if negative else ("option-also" if also else "option")
    frame = frame_case(template(res, key), doc[start])
    edits = option_frame(start, action, frame)
    edits += _conjoined_imperatives(verb, negative, res)
    return rewrite(edits)


def _next(token: Token) -> str:
    doc = token.doc
    return doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""


def _courtesy(verb: Token) -> bool:
    """Sign-offs and contact with the service: "Speak soon", "Message me any time"."""
    content = [c for c in verb.children if c.dep_ in _COMPLEMENTS]
    if not content:
        return True
    objects = [c for c in content if c.dep_ in ("dobj", "dative")]
    if objects and all(is_writer(o) for o in objects):
        return True
    clause = next((c for c in content if c.dep_ == "ccomp"), None)
    return clause is not None and is_writer(own_subject(clause))


_COMPLEMENTS = ("dobj", "dative", "prep", "xcomp", "ccomp", "prt", "acomp", "attr", "oprd", "appos")


def _carried_action(verb: Token) -> Token | None:
    """ "remember to return" -> return; "make sure you ask" -> ask."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            return child
    sure = next((c for c in verb.children if c.lower_ == "sure"), None)
    for head in (sure, verb):
        if head is None:
            continue
        for child in head.children:
            if (
                child.dep_ in ("ccomp", "xcomp")
                and child.pos_ in ("VERB", "AUX")
                and is_you(own_subject(child))
                and not auxiliaries(child)
            ):
                return child
    return None


def _make_sure_clause(span: Span, verb: Token, res: Resources) -> Outcome:
    """ "Make sure the panel has ..." -> "You may wish to check that the panel has ..."."""
    doc = span.doc
    sure = next((c for c in verb.children if c.lower_ == "sure"), None)
    if sure is None:
        return Advice(message(res, "no-action"))
    start = _imperative_start(verb)
    after = sure.i + 1
    if after < len(doc) and doc[after].lower_ == "that":
        after += 1
    frame = frame_case(template(res, "check-that"), doc[start])
    return rewrite(Edit(start, after, frame), safe=False)


def _imperative_start(verb: Token) -> int:
    """Where the instruction starts: "Please", "Do" and "don't" before the verb go with it."""
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start:
        prev = doc[start - 1]
        if prev.lower_ in _DROPPED_OPENERS or (
            prev.head.i == verb.i and prev.dep_ in ("aux", "neg")
        ):
            start -= 1
            continue
        break
    return start


_DROPPED_OPENERS = frozenset({"please", "do", "just", "also", "never", "n't", "not"})


def _conjoined_imperatives(verb: Token, negative: bool, res: Resources) -> list[Edit]:
    """A second instruction of the other polarity gets its own frame.

    "Push for X, and don't accept Y" -> "..., and you do not have to accept Y".
    """
    edits: list[Edit] = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or own_subject(conj) is not None:
            continue
        conj_negative = negation(conj) is not None
        if conj_negative == negative:
            continue
        aux = [a for a in auxiliaries(conj)]
        start = min([a.i for a in aux] + [conj.i])
        frame = template(res, "not-obliged" if conj_negative else "option")
        edits.append(Edit(start, conj.i, frame) if start < conj.i else insert(conj.i, frame + " "))
    return edits


# --- advice ----------------------------------------------------------------------------


@strategy("advice-to-option")
def advice_to_option(span: Span, res: Resources) -> Outcome:
    """ "My advice is to ask" -> "One option is to ask"; "I'd ask" -> "You may wish to ask"."""
    doc, sent = span.doc, span.sent
    skip = words_of(res, "frame_verbs")
    action = action_after(doc, span.start, span.end, skip)
    if action is None:
        if any(t.lower_ in ("not", "n't") for t in span):
            return judged_clause(span, res)  # "Personally, I wouldn't."
        return _advice_without_action(span, res)
    if action.dep_ == "relcl" or (action.i > span.start and _in_relative_clause(span)):
        edits = delete_clause(action)
        return rewrite(edits, safe=False) if edits else Advice(message(res, "advice"))
    start = _frame_start(span)
    dropped = doc[start : action.i]
    if any(t.lower_ in words_of(res, "warning_words") for t in dropped):
        return Advice(message(res, "warning"))  # "I'd be careful about letting ..."
    negative = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in dropped)
    if negative:
        return _advice_against(span, action, start, res)
    noun_frame = _noun_frame(span, res)
    also = any(t.lower_ == "also" for t in dropped)
    key = "one-option" if noun_frame else ("option-also" if also else "option")
    frame = frame_case(template(res, key), doc[start])
    edits = option_frame(start, action, frame)
    safe = True
    if any(t.lower_ == "better" for t in dropped):
        than = next((t for t in doc[action.i : sent.end] if t.lower_ == "than"), None)
        if than is not None and doc[than.i - 1].lower_ != "rather":
            edits.append(Edit(than.i, than.i + 1, "or"))
            safe = False
    return rewrite(edits, safe=safe)


def _advice_against(span: Span, action: Token, start: int, res: Resources) -> Outcome:
    """ "I wouldn't sign anything yet" -> "You do not have to sign anything yet";
    "I wouldn't bother" is a verdict, not an option: "It is your decision; ..."."""
    content = [c for c in action.children if c.dep_ in _COMPLEMENTS and c.dep_ != "prt"]
    if action.lemma_.lower() in words_of(res, "vague_actions") or not content:
        return judged_clause(span, res)
    frame = frame_case(template(res, "not-obliged"), span.doc[start])
    return rewrite(option_frame(start, action, frame))


def _in_relative_clause(span: Span) -> bool:
    """ "..., which I'd steer well clear of": the advice is a relative clause."""
    return anchor_verb(span.root).dep_ == "relcl"


def _frame_start(span: Span) -> int:
    """The frame starts with the span, or with the advice clause it belongs to."""
    doc = span.doc
    start = span.start
    verb = anchor_verb(span.root)
    subj = own_subject(verb)
    if subj is not None:
        start = min(start, min(t.i for t in subj.subtree))
    while (
        start > span.sent.start
        and doc[start - 1].head.i in range(start, span.end + 1)
        and doc[start - 1].dep_ in ("nsubj", "expl", "poss", "aux", "advmod", "det")
    ):
        start -= 1  # "Its worth asking": the mistyped "It's" belongs to the frame
    # "If I were you, I'd ..." / "If it were my son, I'd ...": the condition is part of the frame
    if doc[start].lower_ == "if" or any(
        c.dep_ == "advcl" and c.i < start and _hypothetical(c) for c in verb.children
    ):
        clause = next((c for c in verb.children if c.dep_ == "advcl" and _hypothetical(c)), None)
        if clause is not None:
            start = min(start, clause.left_edge.i)
    return start


def _hypothetical(clause: Token) -> bool:
    return (
        clause.lemma_ == "be"
        and clause.tag_ == "VBD"
        and any(c.lower_ == "if" for c in clause.children)
    )


def _noun_frame(span: Span, res: Resources) -> bool:
    """ "My advice is", "the best thing to do is", "what you need to do is": a noun frame."""
    first = span[0].lower_
    nouns = words_of(res, "advice_nouns")
    return first in ("what",) or any(t.lemma_.lower() in nouns and t.pos_ == "NOUN" for t in span)


def _advice_without_action(span: Span, res: Resources) -> Outcome:
    """ "The obvious route is mediation." -> "One option is mediation."."""
    verb = anchor_verb(span.root)
    attr = next((c for c in verb.children if c.dep_ in ("attr", "dobj")), None)
    if (
        verb.lemma_ == "be"
        and attr is not None
        and attr.i > span.end - 1
        and _noun_frame(span, res)
    ):
        start = _frame_start(span)
        frame = frame_case(template(res, "one-option-noun"), span.doc[start])
        return rewrite(Edit(start, attr.left_edge.i, frame))
    return Advice(message(res, "advice"))


# --- suggestions as questions ------------------------------------------------------------


@strategy("question-to-option")
def question_to_option(span: Span, res: Resources) -> Outcome:
    """ "How about asking the SENCO?" -> "One option is to ask the SENCO."."""
    doc, sent = span.doc, span.sent
    action = action_after(doc, span.start, span.end, words_of(res, "question_verbs"))
    end_mark = next((t for t in reversed(list(sent)) if t.text == "?"), None)
    edits: list[Edit] = []
    if end_mark is not None:
        edits.append(Edit(end_mark.i, end_mark.i + 1, "."))
    frame_start = span.start
    if action is not None:
        frame = frame_case(template(res, "one-option"), doc[frame_start])
        return rewrite(option_frame(frame_start, action, frame), edits)
    about = next((t for t in doc[span.start : sent.end] if t.lower_ in ("about", "of")), None)
    if about is not None and about.i + 1 < sent.end:
        frame = frame_case(template(res, "one-option-noun"), doc[frame_start])
        return rewrite(Edit(frame_start, about.i + 1, frame), edits)
    return Advice(message(res, "question"))


# --- pressure ----------------------------------------------------------------------------


@strategy("pressure-to-fact")
def pressure_to_fact(span: Span, res: Resources) -> Outcome:
    """Urgency is dropped: "You don't want to leave it too late, so I'd ring" -> "I'd ring"."""
    doc = span.doc
    lowered = span.sent.text.lower()
    for frame in words_of(res, "only_option_frames"):
        if frame in lowered:
            at = lowered.index(frame)
            tokens = [t for t in span.sent if t.idx - span.sent.start_char >= at]
            action = action_after(
                doc, tokens[0].i, tokens[0].i + len(frame.split()) + 1, frozenset()
            )
            if action is not None:
                start = _pressure_start(tokens[0])
                return rewrite(
                    option_frame(
                        start, action, frame_case(template(res, "one-option"), doc[start])
                    ),
                    safe=False,
                )
    verb = anchor_verb(span.root)
    edits = delete_clause(verb)
    if edits:
        return rewrite(edits)
    return Advice(message(res, "pressure"))


def _pressure_start(token: Token) -> int:
    """Start of the clause holding "you have no choice but to"."""
    verb = anchor_verb(token)
    subj = own_subject(verb)
    return min(t.i for t in subj.subtree) if subj is not None else token.i


def drop_pressure_clause(verb: Token) -> list[Edit] | None:
    """Used by other strategies for "so don't hang about"-type clauses."""
    return delete_clause(verb)
