"""Judging the parent's choices: the judgement goes, the choice stays the parent's.

A choice already made is stated as a fact ("Keeping a diary was a good idea"
-> "You kept a diary"); one still open is handed back ("Moving schools now
would not be in her interest" -> "It is your decision whether to move schools
now; I can explain what each option involves").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..base import Advice, Outcome, Resources, rewrite, strategy
from ..clauses import (
    auxiliaries,
    clause_tokens,
    conjoined_verbs,
    form,
    inner,
    is_writer,
    is_you,
    last_token,
    own_subject,
    phrase,
    spelt,
    subject,
)
from ..edits import Edit
from .common import (
    anchor_verb,
    delete_clause,
    delete_sentence,
    frame_case,
    message,
    option_frame,
    replace_sentence,
    template,
    words_of,
)

FILLERS = frozenset({"really", "definitely", "probably", "honestly", "absolutely", "just"})
COPULAS = frozenset({"be", "sound", "seem", "look"})
SUBORDINATORS = frozenset({"when", "because", "if", "while", "that", "who", "which", "where", "as"})


@strategy("judgement-to-respect")
def judgement_to_respect(span: Span, res: Resources) -> Outcome:
    """ "That would be a mistake" -> "It is your decision; I can explain what each option ..."."""
    for handler in (
        _better_off,
        _should_have,
        _you_were_right,
        _did_the_right_thing,
        _praise_frame,
        _judged_choice,
        _extraposed_choice,
    ):
        outcome = handler(span, res)
        if outcome is not None:
            return outcome
    return judged_clause(span, res)


# --- the choice named by the sentence -------------------------------------------------------


def _verdict(tokens, res: Resources) -> bool:
    """Some word of ``tokens`` passes a verdict ("mistake", "right", "waste" ...)."""
    words = words_of(res, "verdict_words")
    return any(t.lower_ in words or t.lemma_.lower() in words for t in tokens)


def _judged_choice(span: Span, res: Resources) -> Outcome | None:
    """A gerund ("Moving schools now ...") or "your plan to ..." is what is judged."""
    doc, sent = span.doc, span.sent
    choice = _choice_start(sent, res)
    if choice is None or not _verdict(doc[choice.i : sent.end], res):
        return None
    stop = _choice_end(choice, span)
    chosen = list(doc[choice.i : stop])
    while chosen and (chosen[-1].is_punct or chosen[-1].lower_ in FILLERS):
        chosen.pop()
    if not chosen:
        return None
    verb = doc[stop] if stop < sent.end and _copula(doc[stop]) else anchor_verb(span.root)
    if verb.tag_ == "MD" and stop + 1 < sent.end and doc[stop + 1].lower_ == "have":
        return Advice(message(res, "judgement"))  # "would have been a mistake": not taken
    start = _choice_frame_start(choice, sent)
    if _is_past(verb):
        replace = {choice.i: form(choice, "VBD")}
        replace.update({c.i: form(c, "VBD") for c in _parallel(choice)})
        replace.update(_past_subordinates(chosen))
        text = frame_case("you ", doc[start]) + phrase(chosen, replace)
        end = _judged_clause_end(verb, span, stop)
        return rewrite(Edit(start, end, text))
    replace = {choice.i: inner(choice, form(choice, "VB"))}
    replace.update({c.i: form(c, "VB") for c in _parallel(choice)})
    return _your_decision(span, start, phrase(chosen, replace), res)


def _parallel(choice: Token) -> list[Token]:
    """Gerunds conjoined with the choice, but not the alternative after "rather than"."""
    doc = choice.doc
    return [
        c
        for c in conjoined_verbs(choice)
        if c.tag_ == "VBG"
        and not any(t.lower_ in ("than", "instead") for t in doc[max(c.i - 2, 0) : c.i])
    ]


def _past_subordinates(chosen: list[Token]) -> dict[int, str]:
    """ "before you decide" -> "before you decided" once the choice is told in the past."""
    return {
        t.i: form(t, "VBD")
        for t in chosen
        if t.tag_ == "VBP" and t.dep_ == "advcl" and is_you(own_subject(t))
    }


def _extraposed_choice(span: Span, res: Resources) -> Outcome | None:
    """ "It was wise to wait" / "it was spot on to get the school to ..."."""
    if not _verdict(span, res):
        return None
    verb = anchor_verb(span.root)
    subj = subject(verb)
    if subj is None or subj.lower_ != "it":
        return None
    choice = next(
        (
            c
            for c in verb.subtree
            if c.tag_ == "VB"
            and c.i >= span.start
            and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        ),
        None,
    )
    if choice is None:
        return None
    chosen = [t for t in choice.subtree if t.i >= choice.i and not t.is_space]
    while chosen and chosen[-1].is_punct and chosen[-1].i == last_token(span.sent).i:
        chosen.pop()
    if _is_past(verb):
        text = frame_case("you ", subj) + phrase(chosen, {choice.i: form(choice, "VBD")})
        return rewrite(Edit(subj.i, chosen[-1].i + 1, text))
    return _your_decision(span, subj.i, phrase(chosen, {choice.i: form(choice, "VB")}), res)


def _your_decision(span: Span, start: int, action: str, res: Resources) -> Outcome:
    """ "It is your decision whether to <action>; ..." in place of the rest of the sentence."""
    doc, sent = span.doc, span.sent
    end = _sentence_end(sent)
    text = frame_case(template(res, "your-decision-whether").format(action=action), doc[start])
    after = [t for t in doc[span.end : end] if not (t.is_punct or t.is_space)]
    return rewrite(Edit(start, end, text), _question_to_statement(sent), safe=not after)


def _choice_start(sent: Span, res: Resources) -> Token | None:
    """The gerund (or the infinitive of "your plan to ...") that opens the sentence."""
    doc = sent.doc
    openers = words_of(res, "choice_openers")
    for token in sent:
        if token.tag_ == "VBG" and token.pos_ == "VERB":
            return token
        if token.lemma_.lower() in words_of(res, "plan_nouns") and token.pos_ == "NOUN":
            verb = next((c for c in token.children if c.dep_ in ("acl", "relcl")), None)
            if verb is not None and doc[verb.i - 1].lower_ == "to":
                return verb
            return None
        if token.is_punct or token.is_space or token.lower_ in openers:
            continue
        if token.dep_ == "poss" or token.pos_ == "DET":
            continue
        return None
    return None


def _choice_end(choice: Token, span: Span) -> int:
    """Where the judged choice stops: at its copula ("was"), a filler ("really"), or the verdict."""
    doc, sent = choice.doc, choice.sent
    subordinate = False
    verdict = _verdict_start(span) if span.start > choice.i else sent.end
    for token in doc[choice.i + 1 : sent.end]:
        if token.i >= verdict:
            return token.i
        if token.lower_ in FILLERS:
            return token.i
        if token.tag_ in ("WP", "WRB") and token.lower_ in ("what", "how") and not subordinate:
            return token.i
        if token.lower_ in SUBORDINATORS and token.dep_ in ("mark", "advmod", "nsubj", "dobj"):
            subordinate = True
        infinitive = doc[token.i - 1].lower_ == "to"
        if (
            _copula(token)
            and not subordinate
            and not infinitive
            and token.tag_ not in ("VBG", "VBN")
        ):
            return token.i
    return verdict


def _verdict_start(span: Span) -> int:
    """The verdict's first word: "that was a good call" in "Claiming ... for that was a good call"
    starts at "was" when "that" ends the choice."""
    doc = span.doc
    first = doc[span.start]
    if (
        first.lower_ in ("that", "this", "it")
        and span.start > span.sent.start
        and not doc[span.start - 1].is_punct
    ):
        return span.start + 1
    return span.start


def _copula(token: Token) -> bool:
    return (token.lemma_ in COPULAS and token.pos_ in ("AUX", "VERB")) or token.tag_ == "MD"


def _choice_frame_start(choice: Token, sent: Span) -> int:
    """The judged clause starts at the choice, or at "Your plan to" / "Is" before it."""
    doc = choice.doc
    start = choice.i
    if start > 0 and doc[start - 1].lower_ == "to" and choice.head.pos_ == "NOUN":
        start = min(t.i for t in choice.head.subtree)
    while start > sent.start and doc[start - 1].lower_ in ("is", "was", "are", "would", "will"):
        start -= 1
    return start


def _judged_clause_end(verb: Token, span: Span, stop: int) -> int:
    """The end of the verdict ("was the right move, by the way"), before any clause of its own."""
    tokens = [t.i for t in clause_tokens(verb) if t.i >= stop]
    return max([*tokens, span.end - 1, stop]) + 1


def _is_past(verb: Token) -> bool:
    """A verdict on a choice already made: "was a good idea", "were right"."""
    return verb.tag_ == "VBD" or verb.lower_ in ("was", "were")


def _sentence_end(sent: Span) -> int:
    end = last_token(sent).i + 1
    while end > sent.start and (sent.doc[end - 1].is_punct or sent.doc[end - 1].is_space):
        end -= 1
    return end


def _question_to_statement(sent: Span) -> list[Edit]:
    mark = next((t for t in reversed(list(sent)) if t.text == "?"), None)
    return [Edit(mark.i, mark.i + 1, ".")] if mark is not None else []


# --- the parent addressed directly ------------------------------------------------------------


def _better_off(span: Span, res: Resources) -> Outcome | None:
    """ "You'd be better off asking for X" is advice: "You may wish to ask for X"."""
    doc, sent = span.doc, span.sent
    off = next((t for t in sent if t.lower_ == "off" and doc[t.i - 1].lower_ == "better"), None)
    if off is None:
        return None
    action = next(
        (t for t in doc[off.i + 1 : sent.end] if t.tag_ in ("VBG", "VB") and t.pos_ == "VERB"),
        None,
    )
    subj = next((t for t in doc[sent.start : off.i] if is_you(t)), None)
    if action is None or subj is None:
        return None
    edits = option_frame(subj.i, action, frame_case(template(res, "option"), subj))
    than = next((t for t in doc[action.i : sent.end] if t.lower_ == "than"), None)
    if than is not None and doc[than.i - 1].lower_ != "rather":
        edits.append(Edit(than.i, than.i + 1, "or"))
    return rewrite(edits, safe=False)


def _should_have(span: Span, res: Resources) -> Outcome | None:
    """ "You should have asked sooner" -> "You can ask now" (for review: it may be too late)."""
    doc, sent = span.doc, span.sent
    have = next((t for t in span if t.lower_ in ("have", "'ve", "’ve", "of")), None)
    if have is None or not any(t.lower_ in words_of(res, "hindsight_modals") for t in span):
        return None
    verb = next((t for t in doc[have.i + 1 : sent.end] if t.tag_ == "VBN"), None)
    subj = next((t for t in span if is_you(t)), None)
    if verb is None or subj is None:
        return None
    if any(t.lower_ in ("not", "n't", "shouldn't", "couldn't") for t in doc[subj.i : verb.i]):
        return Advice(message(res, "hindsight"))
    edits = [Edit(subj.i + 1, verb.i, "can"), Edit(verb.i, verb.i + 1, form(verb, "VB"))]
    late = words_of(res, "hindsight_times")
    when = next(
        (t for t in doc[verb.i + 1 : sent.end] if t.lower_ in late and t.head == verb), None
    )
    if when is not None:
        edits.append(Edit(when.left_edge.i, when.right_edge.i + 1, "now"))
    else:
        last = next(t for t in reversed(list(sent)) if not (t.is_punct or t.is_space))
        edits.append(Edit(last.i, last.i + 1, last.text + " now"))
    return rewrite(edits, safe=False)


def _you_were_right(span: Span, res: Resources) -> Outcome | None:
    """ "You were right to push for X" -> "You pushed for X"."""
    doc = span.doc
    subj = next((t for t in span if is_you(t)), None)
    adjective = next((t for t in span if t.lower_ in words_of(res, "judging_adjectives")), None)
    if subj is None or adjective is None:
        return None
    action = next((t for t in doc[adjective.i + 1 : span.sent.end] if t.tag_ == "VB"), None)
    if action is None or doc[action.i - 1].lower_ != "to":
        return None
    return rewrite(
        Edit(subj.i + 1, action.i, ""),
        Edit(action.i, action.i + 1, form(action, "VBD")),
        _past_conjuncts(action),
    )


def _did_the_right_thing(span: Span, res: Resources) -> Outcome | None:
    """ "You did the right thing refusing" -> "You refused"; "You've done" -> "You've ..."."""
    doc = span.doc
    subj = next((t for t in span if is_you(t)), None)
    if subj is None:
        return None
    verb = next((t for t in span if t.lemma_ in ("do", "make", "take") and t.i > subj.i), None)
    if verb is None:
        return None
    action = next(
        (t for t in doc[verb.i + 1 : span.sent.end] if t.tag_ == "VBG" and t.pos_ == "VERB"), None
    )
    if action is None:
        return None
    perfect = any(spelt(t) in ("have", "has") for t in doc[subj.i + 1 : verb.i]) or any(
        spelt(a) in ("have", "has") for a in auxiliaries(verb)
    )
    tag = "VBN" if perfect else "VBD"
    return rewrite(
        Edit(verb.i, action.i, ""),
        Edit(action.i, action.i + 1, form(action, tag)),
        _past_conjuncts(action, tag),
    )


def _praise_frame(span: Span, res: Resources) -> Outcome | None:
    """ "Well done for standing your ground" -> "You stood your ground"."""
    sent = span.sent
    lowered = sent.text.lower().lstrip("-\u2022* ")
    if not any(lowered.startswith(f) for f in words_of(res, "praise_frames")):
        return None
    doc = span.doc
    start = next(t for t in sent if not (t.is_punct or t.is_space))
    action = next((t for t in doc[start.i : sent.end] if t.tag_ == "VBG"), None)
    if action is None:
        return None
    return rewrite(
        Edit(start.i, action.i, frame_case("you", start)),
        Edit(action.i, action.i + 1, form(action, "VBD")),
        _past_conjuncts(action),
    )


def _past_conjuncts(action: Token, tag: str = "VBD") -> list[Edit]:
    return [Edit(c.i, c.i + 1, form(c, tag)) for c in conjoined_verbs(action) if c.tag_ == "VBG"]


# --- a verdict with no named choice ("That would be a mistake", "I wouldn't bother") ----


def judged_clause(span: Span, res: Resources) -> Outcome:
    """The verdict goes: a clause of a longer sentence is deleted; a sentence of its own
    becomes "It is your decision; ..." (or, for a past choice, is deleted)."""
    verb = anchor_verb(span.root)
    sent = span.sent
    writer_against = any(t.lower_ in ("not", "n't") for t in span) and any(
        is_writer(t) for t in span
    )
    if not (_verdict(span, res) or writer_against):
        return _hand_back(sent, res)  # no verdict word to take out: the sentence goes
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):  # "Smart thinking.", "Good call!"
        return rewrite(delete_sentence(sent), safe=False)
    if verb.dep_ in ("ccomp", "xcomp", "csubj"):
        return _hand_back(sent, res)
    edits = delete_clause(verb)
    if edits:
        return rewrite(edits)
    if verb.dep_ != "ROOT" and verb.head.i != verb.i:
        return _hand_back(sent, res)
    subj = subject(verb)
    pointing = subj is not None and (subj.lower_ in ("that", "this", "it") or is_writer(subj))
    if not pointing and (subj is None or subj.pos_ not in ("NOUN", "PROPN")):
        return _hand_back(sent, res)
    if _is_past(verb) and subj is not None and not is_writer(subj):
        return rewrite(delete_sentence(sent), safe=False)
    return _hand_back(sent, res)


def _hand_back(sent: Span, res: Resources) -> Outcome:
    """The whole sentence becomes "It is your decision; ...": always for review, as the
    judgement and whatever else the sentence said go together."""
    text = template(res, "your-decision") + "."
    return rewrite(replace_sentence(sent, text[:1].upper() + text[1:]), safe=False)
