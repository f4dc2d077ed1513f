"""Acting on behalf: the writer's action becomes an offer of support, the parent in charge."""

from __future__ import annotations

from lemminflect import getLemma
from spacy.tokens import Span, Token

from ..base import Advice, Outcome, Resources, rewrite, strategy
from ..clauses import (
    auxiliaries,
    conjoined_verbs,
    form,
    inner,
    is_writer,
    is_you,
    own_subject,
    spelt,
    subject,
    verb_group,
    verb_lemma,
)
from ..edits import Edit, delete
from .common import (
    anchor_verb,
    delete_clause,
    frame_case,
    message,
    option_frame,
    replace_sentence,
    template,
    words_of,
)

CAUSATIVES = frozenset({"let", "get", "have", "make"})


@strategy("action-to-offer")
def action_to_offer(span: Span, res: Resources) -> Outcome:
    """ "I'll ring the school for you" -> "If you would like, I can support you to ring ..."."""
    doc = span.doc
    first = span[0]
    if first.lemma_ == "leave" and any(t.lower_ == "me" for t in span):
        edits = delete_clause(first)  # "Leave it with me and I'll ..." -> "I'll ..."
        return rewrite(edits) if edits else Advice(message(res, "acting"))
    if first.lower_ == "let" and span.end > first.i + 1 and doc[first.i + 1].lower_ == "me":
        verb = next((c for c in first.children if c.pos_ == "VERB"), None)
        if verb is None:
            return Advice(message(res, "acting"))
        return offer(verb, first.i, res, future=True)
    if _offered(span):
        return _representation(span, res)
    verb = _writer_verb(span)
    if verb is None:
        note = _note_verb(span)
        if note is not None:
            return _note_offer(*note, res)
        return Advice(message(res, "acting"))
    group = verb_group(verb)
    subj = subject(verb)
    if group.modal == "would" and subj is not None and subj.lower_ == "i":
        frame = frame_case(template(res, "option"), subj)  # "I'd ask the OT ..." is advice
        return rewrite(option_frame(subj.i, verb, frame))
    start = subj.i if subj is not None and subj.i < verb.i else verb.i
    return offer(verb, start, res, future=group.tense in ("future", "modal", "conditional"))


_NOTE_LEADS = frozenset({"agreed", "promised", "arranged", "offered"})


def _note_verb(span: Span) -> tuple[int, Token] | None:
    """A call note's subjectless action ("Rang Mrs Okafor ...", "Agreed to email ...").

    Returns where the note's own words start and the action verb, or None.
    """
    verb = span[0]
    if not verb.is_alpha or subject(verb) is not None and subject(verb).i > verb.i:
        return None
    start = verb.i
    if verb.i >= 2 and verb.doc[verb.i - 1].lower_ == "to":
        lead = verb.doc[verb.i - 2]
        if lead.lower_ in _NOTE_LEADS:
            start = lead.i  # "Agreed to email the nursery manager"
    before = verb.doc[verb.sent.start : start]
    if not all(t.is_punct or t.is_space or t.pos_ in ("ADV", "CCONJ") for t in before):
        return None
    return start, verb


def _note_offer(start: int, verb: Token, res: Resources) -> Outcome:
    """ "Rang Mrs Okafor ..." -> "Offered to support the parent to ring Mrs Okafor ..."."""
    lemmas = getLemma(verb.lower_, upos="VERB")
    base = lemmas[0] if lemmas else verb_lemma(verb)
    frame = frame_case(template(res, "note-offer"), verb.doc[start])
    return rewrite(Edit(start, verb.i + 1, f"{frame} {base}"), safe=False)


def _offered(span: Span) -> bool:
    """The sentence already offers support ("... I can support you to ...")."""
    lowered = span.sent.text.lower()
    return any(f in lowered for f in ("support you to", "help you to", "help you "))


def _representation(span: Span, res: Resources) -> Outcome:
    """Inside an offer, the words of representation go: "argue for" -> "make the case for"."""
    lowered = span.text.lower()
    for phrase_, replacement in res.words.table.get("representation", {}).items():
        if lowered == phrase_:
            return rewrite(Edit(span.start, span.end, replacement), safe=False)
    if lowered.startswith("on ") and "behalf" in lowered:
        return rewrite(delete(span.start, span.end), safe=False)
    return Advice(message(res, "acting"))


def _writer_verb(span: Span) -> Token | None:
    """The verb of the writer's action: "emailed" in "I have also emailed"."""
    verbs = [t for t in span if t.pos_ == "VERB" and t.dep_ not in ("aux", "auxpass")]
    for verb in reversed(verbs):
        if is_writer(subject(verb)):
            return verb
    verb = anchor_verb(span.root)
    for _ in range(4):
        if is_writer(subject(verb)) and verb.pos_ == "VERB":
            return verb
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def offer(verb: Token, start: int, res: Resources, *, future: bool) -> Outcome:
    """Replace ``start:verb`` by the offer frame and re-address the verb phrase to the parent."""
    doc = verb.doc
    if _to_the_parent(verb, res) or not _towards_third_party(verb, res):
        return Advice(message(res, "acting-no-party"))
    existing = _existing_offer(verb)
    dropped = doc[start : verb.i]
    also = any(t.lower_ == "also" for t in dropped)
    edits: list[Edit] = []
    if existing is not None:
        frame = template(res, "support-also" if also else "support")
        edits.append(Edit(existing.i + 1, verb.i, frame) if existing.i + 1 < verb.i else None)
        edits = [e for e in edits if e is not None]
        if not edits:
            edits.append(Edit(verb.i, verb.i, frame + " "))
    else:
        frame = frame_case(template(res, "offer-also" if also else "offer"), doc[start])
        edits.append(
            Edit(start, verb.i, frame) if start < verb.i else Edit(verb.i, verb.i, frame + " ")
        )
        edits += _leading_modifiers(verb, start, future)
    edits.append(Edit(verb.i, verb.i + 1, inner(verb, form(verb, "VB"))))
    for conj in conjoined_verbs(verb):
        if conj.tag_ != verb.tag_ and not {conj.tag_, verb.tag_} <= {"VBD", "VBN"}:
            continue  # a verb of another tense is not part of the writer's action
        edits += [delete(a.i, a.i + 1) for a in auxiliaries(conj)]
        edits.append(Edit(conj.i, conj.i + 1, form(conj, "VB")))
    edits += _readdress(verb, res)
    if not future:
        edits += _time_of_action(verb, res)
    return rewrite(_unique(edits), safe=future and existing is None)


def _to_the_parent(verb: Token, res: Resources) -> bool:
    """ "I will send you the guidance": the action is towards the parent, not a third party."""
    if verb.lemma_ not in words_of(res, "to_parent_verbs"):
        return False
    return any(c.dep_ in ("dative", "dobj", "iobj") and is_you(c) for c in verb.children)


def _time_of_action(verb: Token, res: Resources) -> list[Edit]:
    """A past action's time ("this morning", "yesterday") does not fit an offer."""
    times = words_of(res, "past_time_words")
    edits = []
    for child in verb.children:
        if child.dep_ in ("npadvmod", "advmod") and child.i > verb.i:
            words = {t.lower_ for t in child.subtree}
            if words & times:
                edits.append(delete(child.left_edge.i, child.right_edge.i + 1))
    return edits


def _existing_offer(verb: Token) -> Token | None:
    """The modal of "If you'd like, I can go ..." when the sentence is already an offer."""
    offered = any(
        c.dep_ == "advcl" and any(is_you(g) for g in c.children) and c.lemma_ in ("like", "want")
        for c in verb.children
    )
    if not offered:
        return None
    return next((a for a in auxiliaries(verb) if spelt(a) in ("can", "could")), None)


def _leading_modifiers(verb: Token, start: int, future: bool) -> list[Edit]:
    """A past action's time phrase before the subject ("Since the call, I've ...") goes."""
    if future:
        return []
    doc = verb.doc
    lead = [
        c for c in verb.lefts if c.i < start and c.dep_ in ("prep", "advcl", "npadvmod", "advmod")
    ]
    edits = []
    for child in lead:
        left, right = child.left_edge.i, child.right_edge.i + 1
        if right < len(doc) and doc[right].text == ",":
            right += 1
        edits.append(delete(left, right))
    return edits


def _towards_third_party(verb: Token, res: Resources) -> bool:
    """The action is aimed at someone outside the service (a school, council, named person).

    Objects and prepositional objects are looked at through the verb phrase,
    but not inside a clause with a subject of its own ("I explained that
    Dunmere only ..."), except after "let"/"get" ("let the officer know").
    """
    if verb.lemma_ in words_of(res, "representing_verbs"):
        return True
    parties = words_of(res, "third_party_words")
    return any(_is_party(t, parties) for t in _targets(verb))


def _targets(verb: Token) -> list[Token]:
    found: list[Token] = []
    stack = [verb]
    while stack:
        head = stack.pop()
        for child in head.children:
            if child.i < verb.i and head is verb:
                continue
            if child.dep_ in ("dobj", "dative", "iobj", "pobj", "appos", "conj", "npadvmod"):
                found.append(child)
                stack.append(child)
            elif child.dep_ in ("prep", "agent", "prt", "pcomp"):
                stack.append(child)
            elif child.dep_ in ("ccomp", "xcomp", "advcl", "acl") and child.pos_ in ("VERB", "AUX"):
                subj = own_subject(child)
                if subj is None or is_you(subj) or head.lemma_ in CAUSATIVES:
                    if subj is not None and head.lemma_ in CAUSATIVES:
                        found.append(subj)
                    stack.append(child)
    return found


def _is_party(token: Token, parties: frozenset[str]) -> bool:
    if is_you(token) or is_writer(token) or token.lower_ in ("yourself", "myself"):
        return False
    if any(c.lower_ in ("our", "my") for c in token.children if c.dep_ == "poss"):
        return False
    words = {t.lower_ for t in token.subtree} | {t.lemma_.lower() for t in token.subtree}
    if words & parties:
        return True
    return token.pos_ == "PROPN" or any(
        c.pos_ == "PROPN" and c.dep_ in ("poss", "compound") for c in token.children
    )


def _readdress(verb: Token, res: Resources) -> list[Edit]:
    """Inside the verb phrase: "for you" and "on your behalf" go, "you" becomes "yourself"."""
    doc = verb.doc
    edits: list[Edit] = []
    for head in (verb, *conjoined_verbs(verb)):
        for child in head.children:
            if child.dep_ in ("prep", "mark", "dative") and child.lower_ in ("for", "on"):
                pobj = [c for c in child.children if c.dep_ in ("pobj", "nsubj")] or (
                    [doc[child.i + 1]] if child.i + 1 < len(doc) else []
                )
                if pobj and (is_you(pobj[0]) or pobj[0].lower_ == "behalf"):
                    owner = [c for c in pobj[0].children if c.dep_ == "poss"]
                    if pobj[0].lower_ == "behalf" and not any(
                        is_you(o) or o.lower_ == "your" for o in owner
                    ):
                        continue
                    end = pobj[0].i + 1 if pobj[0].lower_ != "behalf" else pobj[0].right_edge.i + 1
                    edits.append(delete(child.i, end))
            elif child.lower_ in ("myself", "already") and child.i > verb.i:
                edits.append(delete(child.i, child.i + 1))
            elif child.dep_ == "dobj" and is_you(child):
                edits.append(
                    Edit(child.i, child.i + 1, "yourself")
                )  # "refer you" -> "refer yourself"
        for token in head.subtree:
            if token.lower_ == "myself" and token.head.i != head.i:
                edits.append(delete(token.i, token.i + 1))
            elif token.lower_ == "my" and token.dep_ == "poss" and token.i > head.i:
                edits.append(Edit(token.i, token.i + 1, "your"))  # "raise my concerns"
    # "arranged for you to visit" -> "arrange to visit"
    for token in verb.subtree:
        if (
            token.lower_ == "for"
            and token.i + 2 < len(doc)
            and is_you(doc[token.i + 1])
            and doc[token.i + 2].lower_ == "to"
        ):
            edits.append(delete(token.i, token.i + 2))
    return _unique(edits)


def _unique(edits: list[Edit]) -> list[Edit]:
    """Drop repeated edits and any edit that falls inside another."""
    kept: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.start, -(e.end - e.start))):
        if any(_inside(edit, k) for k in kept):
            continue
        kept.append(edit)
    return kept


def _inside(edit: Edit, other: Edit) -> bool:
    if other.end == other.start:
        return False
    if edit.start == edit.end:
        return other.start < edit.start < other.end
    return other.start <= edit.start and edit.end <= other.end


# --- deciding for the parent -------------------------------------------------------------------


@strategy("decision-to-options")
def decision_to_options(span: Span, res: Resources) -> Outcome:
    """ "I have decided that mediation is the best route" -> "It is your decision; ..."."""
    verb = next((t for t in span if t.pos_ == "VERB" and t.lemma_ != "have"), None) or anchor_verb(
        span.root
    )
    if any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children):
        return Advice(message(res, "agreed-with-parent"))
    subj = subject(verb)
    start = subj.i if subj is not None and subj.i < verb.i else verb.i
    group = verb_group(verb)
    future = group.tense in ("future", "modal", "conditional")
    follow = next(
        (c for c in verb.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB"), None
    )
    if verb.lemma_ == "go" and follow is not None:  # "I've gone ahead and booked ..."
        return offer(follow, start, res, future=future)
    if verb.lemma_ in ("agree", "decline", "accept", "offer") and follow is not None:
        return offer(follow, start, res, future=future)
    if verb.lemma_ in words_of(res, "deciding_verbs"):
        return rewrite(
            replace_sentence(span.sent, template(res, "your-decision") + "."), safe=False
        )
    if _towards_third_party(verb, res):
        return offer(verb, start, res, future=future)
    return Advice(message(res, "decision"))


# --- passing on a party's message ---------------------------------------------------------


@strategy("message-to-source")
def message_to_source(span: Span, res: Resources) -> Outcome:
    """ "The council has asked me to let you know that X" -> "The council has said that X"."""
    lowered = span.text.lower()
    if lowered.startswith("on behalf of"):
        return rewrite(delete(span.start, span.end), safe=False)
    asked = next((t for t in span if t.lemma_ == "ask" and t.pos_ == "VERB"), None)
    if asked is None:
        asked = next((t for t in span if t.lemma_ in ("want", "like") and t.pos_ == "VERB"), None)
    if asked is None:
        return Advice(message(res, "messenger"))
    content = _message_content(asked)
    if content is None:
        return Advice(message(res, "messenger"))
    passive = any(c.dep_ == "agent" for c in asked.children)
    if passive:
        agent = next((c for c in asked.children if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if source is None:
            return Advice(message(res, "messenger"))
        subj = next(c for c in asked.children if c.dep_ == "nsubjpass")
        perfect = any(spelt(a) in ("have", "has") for a in auxiliaries(asked))
        have = "have" if source.tag_ in ("NNS", "NNPS") else "has"
        said = f"{have} said" if perfect else "said"
        name = " ".join(t.text for t in source.subtree)
        text = frame_case(f"{name} {said} ", subj)
        return rewrite(Edit(subj.i, content, text.rstrip()))
    said = "says" if asked.tag_ == "VBZ" else "said"  # "wants me to tell you" -> "says"
    return rewrite(Edit(asked.i, content, said))


def _message_content(asked: Token) -> int | None:
    """Where the message itself starts: the "that" clause after "let you know" / "pass on"."""
    verb = next((c for c in asked.children if c.dep_ in ("xcomp", "ccomp")), None)
    while verb is not None:
        clause = next(
            (c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i), None
        )
        if clause is None:
            return None
        mark = next((c for c in clause.children if c.dep_ == "mark"), None)
        if own_subject(clause) is not None and not is_you(own_subject(clause)):
            start = mark.i if mark is not None else clause.left_edge.i
            return start if start > verb.i else None
        if clause.lemma_ in ("know",) or is_you(own_subject(clause)):
            verb = clause
            continue
        return None
    return None
