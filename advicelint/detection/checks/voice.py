"""Checks on whose voice a sentence is in and what kind of sentence it is.

Quotations, reported speech, questions, courtesy and offers, notes and
headings, and the service's own case work.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .base import (
    Context,
    anchor,
    auxiliaries,
    check,
    content_verb,
    imperative_verb,
    is_party,
    lower,
    subject,
)


@check("quoted")
def quoted(span: Span, ctx: Context) -> bool:
    """The words stand inside quotation marks: someone else's words."""
    return ctx.in_quotes(span)


@check("reported")
def reported(span: Span, ctx: Context) -> bool:
    """The clause is someone else's reported speech ("The SENCO said you should ...")."""
    speech = ctx.words("speech_verbs")
    token = anchor(span)
    sent = span.sent
    if any(t.lower_ == "according" for t in sent if t.i < span.start):
        return True
    while token.head.i != token.i:
        if _writers_aside(token):
            return False  # "..., which is exactly the right thing to do": the writer's comment
        if token.dep_ == "conj" and token.head.lemma_ in speech and subject(token) is not None:
            return False  # "You mentioned X, but that would only muddy ...": the writer's clause
        if token.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj", "parataxis"):
            head = token.head
            if (
                head.lemma_ in speech
                and token.dep_ != "advcl"
                and not _concessive(head)
                and not _as_you_said(head)
            ):
                speaker = subject(head)
                if _is_speaker(speaker, head, ctx):
                    return True
        token = token.head
    # "..., the officer said." with the speech verb after the clause
    root = sent.root
    after = root.i > span.end and root.tag_ == "VBD"
    if root.lemma_ in speech and after and not _as_you_said(root):
        speaker = subject(root)
        return speaker is not None and lower(speaker) not in ctx.words("writer")
    return False


def _as_you_said(verb: Token) -> bool:
    """ "like you said", "as the SENCO said": an aside; the clause is the writer's own."""
    return any(c.dep_ == "mark" and c.lower_ in ("like", "as") for c in verb.children)


def _is_speaker(speaker: Token | None, verb: Token, ctx: Context) -> bool:
    """Someone other than the writer says or thinks the clause (not "the plan was written")."""
    if speaker is None or lower(speaker) in ctx.words("writer") or speaker.dep_ == "nsubjpass":
        return False
    if not speaker.is_alpha:
        return False  # "• Said the officer was ...": a bullet parsed as the subject
    # "the appeal feels daunting": a thing that feels is not a speaker
    return not (verb.lemma_ == "feel" and speaker.pos_ == "NOUN" and not is_party(speaker, ctx))


def _writers_aside(token: Token) -> bool:
    """A non-restrictive "..., which ..." clause: the writer's own comment on what came before.

    A phrase tacked on after a comma at the end ("You said you'd put his name
    down, good move.") is the writer's comment too.
    """
    edge = token.left_edge.i
    if token.dep_ in ("appos", "npadvmod", "dep") and edge > 0 and token.doc[edge - 1].text == ",":
        rest = token.doc[token.right_edge.i + 1 : token.sent.end]
        if all(t.is_punct or t.is_space for t in rest):
            return True
    if token.dep_ not in ("relcl", "advcl") or not any(c.lower_ == "which" for c in token.children):
        return False
    edge = token.left_edge.i
    return edge > 0 and token.doc[edge - 1].text == ","


def _concessive(verb: Token) -> bool:
    """ "..., whatever section F says": the law set aside, not someone's reported words."""
    return any(
        t.lower_ in ("whatever", "regardless") for c in verb.children for t in (c, *c.children)
    )


@check("question")
def question(span: Span, ctx: Context) -> bool:
    """The sentence is a question."""
    text = span.sent.text.rstrip().rstrip(")\"'\u201d\u2019")
    return text.endswith("?")


@check("courtesy")
def courtesy(span: Span, ctx: Context) -> bool:
    """A courtesy imperative or the service's own logistics: "Please contact me"."""
    verb = imperative_verb(span, ctx)
    lemma = verb.lemma_.lower()
    if lemma not in ctx.words("courtesy_verbs"):
        return False
    if lemma not in ctx.words("service_contact_verbs"):
        return True
    service = ctx.words("service_words")
    objects = [t for t in verb.subtree if t.i > verb.i and t.sent == verb.sent]
    return any(t.lower_ in service for t in objects[:6])


@check("offer")
def offer(span: Span, ctx: Context) -> bool:
    """An offer of support that leaves the parent in charge ("If you'd like, I can ...")."""
    text = span.sent.text.lower().replace("\u2019", "'")
    if re.search(
        r"\b(if \w+('d| would)? (like|likes|want|wants|wish|wishes|prefer|prefers)"
        r"|with (your|his|her|their) (agreement|permission|consent)|i can (support|help) you"
        r"|would you like|do you want me|if (that|it) would help|if it helps|happy to|shall i)\b",
        text,
    ):
        verb = anchor(span)  # the writer's own verb: not "... whether she could attend"
        clause = [*span, *auxiliaries(verb)]
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("support", "help"):
            clause += auxiliaries(verb.head)  # "I can support you to have a word with ..."
        modals = {t.lower_ for t in clause if t.tag_ == "MD"}
        return bool(modals & {"can", "could", "would", "'d", "shall", "might", "may"})
    return False


def is_heading(verb: Token, ctx: Context) -> bool:
    """A short line with no full stop whose verb is a document noun's modifier: "Call note"."""
    sent = verb.sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    ends = [t for t in sent if not t.is_space]
    if not ends or ends[-1].text in (".", "!", "?") or len(words) > 12:
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    # "Call note: ...", "Record of phone call", "Call from Mrs Qureshi, 4 May"
    if after is not None and after.lower_ in ("taken", "made", "received", "logged", "returned"):
        return True  # "Call taken by Idris Parry": a note's header
    return after is not None and (after.lower_ in _HEADING_NOUNS or after.lower_ in ("of", "from"))


_HEADING_NOUNS = frozenset(
    {"note", "notes", "log", "summary", "record", "update", "sheet", "list", "checklist", "back"}
    | {"call", "calls"}
)


_NOTE_LABELS = frozenset(
    {"re", "sent", "follow-up", "followup", "subject", "date", "to", "from", "cc", "enclosed"}
    | {"action", "actions", "todo", "next"}
)


def after_note_label(verb: Token) -> bool:
    """The verb follows a label of a note or an email header: "Re:", "Sent:", "Follow-up:"."""
    before = [t for t in verb.doc[verb.sent.start : verb.i] if not t.is_space]
    colon = next((k for k, t in enumerate(before[:4]) if t.text == ":"), None)
    if colon is None:
        return False
    label = "".join(t.text for t in before[:colon]).lower()
    return label in _NOTE_LABELS


_ADMIN_OBJECTS = frozenset(
    {"case", "file", "consent", "permission", "details", "record", "records", "you", "your"}
)


@check("service-admin")
def service_admin(span: Span, ctx: Context) -> bool:
    """The service's own case work ("We will need to close your case")."""
    verb = content_verb(span)
    if verb.lemma_ in ("close", "open", "record", "update"):
        return True
    if verb.lemma_ not in ctx.words("service_admin_verbs"):
        return False
    return any(t.lower_ in _ADMIN_OBJECTS for t in verb.subtree if t.i > verb.i)


@check("writer-or-note-voice")
def writer_or_note_voice(span: Span, ctx: Context) -> bool:
    """The speech verb is the writer's: "I said ...", or a note with no subject ("Told him ...")."""
    verb = span[0]
    speaker = subject(verb)
    if speaker is not None:
        return lower(speaker) in ctx.words("writer")
    return all(  # "Told him ...", "Also suggested he ..."
        t.is_punct or t.is_space or t.pos_ == "ADV" for t in verb.doc[verb.sent.start : verb.i]
    )
