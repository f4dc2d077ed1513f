"""The check registry, the per-document ``Context`` and the parse helpers checks share.

A check takes the candidate span and the ``Context`` and returns whether its
condition holds; ``@check("name")`` registers it under the name rule files use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span, Token

Check = Callable[[Span, "Context"], bool]


CHECKS: dict[str, Check] = {}


OPENING_QUOTES = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019", "'": "'"}


SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")


CLAUSE_LINKS = ("aux", "auxpass", "nsubj", "nsubjpass", "neg", "advmod", "mark", "prt")


PHRASE_LINKS = ("prep", "pobj", "dobj", "npadvmod", "poss", "det", "compound", "amod", "dative")


@dataclass
class Context:
    """What the checks need to know about one document, computed once."""

    doc: Doc
    vocabulary: dict[str, tuple[str, ...]]
    findings: list[Span] = field(default_factory=list)
    alone: bool = False  # a rewording checked on its own, without the letter around it
    _sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def words(self, name: str) -> frozenset[str]:
        """A vocabulary list as a set (cached)."""
        if name not in self._sets:
            self._sets[name] = frozenset(self.vocabulary.get(name, ()))
        return self._sets[name]

    @cached_property
    def quoted_ranges(self) -> list[tuple[int, int]]:
        """Character ranges of text inside quotation marks, paragraph by paragraph."""
        return _quoted_ranges(self.doc.text)

    def in_quotes(self, span: Span) -> bool:
        return any(s <= span.start_char and span.end_char <= e for s, e in self.quoted_ranges)

    @cached_property
    def family_names(self) -> frozenset[str]:
        """First names the letter uses for the child or the family, never for a party.

        A name is the family's when the letter speaks of the name's own plan, needs,
        views or parents ("Ellis's plan", "Zara's anxiety"), or introduces it as the
        child ("your son, Ellis"). Praise of a child is not taking sides.
        """
        owned = self.words("family_possessions")
        names = set()
        for token in self.doc:
            if token.pos_ != "PROPN" or _titled(token):
                continue
            if any(c.dep_ == "compound" for c in token.children) or token.dep_ == "compound":
                continue  # "Leyton Vale's plan writers": a place or an organisation
            owner = token.dep_ == "poss" and token.head.lemma_.lower() in owned
            introduced = token.dep_ == "appos" and token.head.lower_ in _CHILD_NOUNS
            if owner or introduced:
                names.add(token.lower_)
        return frozenset(names)


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"})
_CHILD_NOUNS = frozenset({"son", "daughter", "child", "grandson", "granddaughter", "boy", "girl"})


def _titled(token: Token) -> bool:
    """ "Mrs Baptiste", "Dr Chaudhry": a professional's name, not the child's."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        before is not None
        and before.lower_.rstrip(".") in _TITLES
        or any(c.dep_ == "compound" and c.lower_.rstrip(".") in _TITLES for c in token.children)
    )


def check(name: str) -> Callable[[Check], Check]:
    """Register a context check under the name rule files use."""

    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return register


def anchor(span: Span) -> Token:
    """The verb (or predicate) the matched words belong to."""
    token = span.root
    while token.head.i != token.i and (
        token.dep_ in CLAUSE_LINKS
        or token.pos_ not in ("VERB", "AUX", "ADJ")
        and token.dep_ in PHRASE_LINKS
    ):
        token = token.head
    return token


_CARRIER_VERBS = frozenset(
    {
        "need",
        "have",
        "get",
        "ought",
        "go",
        "better",
        "decide",
        "choose",
        "opt",
        "agree",
        "want",
        "plan",
        "intend",
        "try",
    }
)


def clause_verb(span: Span) -> Token:
    """The nearest verb at or above the span's anchor."""
    token = anchor(span)
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def content_verb(span: Span) -> Token:
    """The verb carrying the meaning: ``send`` in "you need to send"."""
    token = anchor(span)
    if token.lemma_ in _CARRIER_VERBS:
        for child in token.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                return content_verb_of(child)
    return token


def content_verb_of(token: Token) -> Token:
    if token.lemma_ in ("have", "go", "get") and token.tag_ != "VBN":
        for child in token.children:
            if child.dep_ == "xcomp":
                return child
    return token


def subject(token: Token) -> Token | None:
    """The grammatical subject of a verb, following conjunctions and xcomp upwards."""
    while True:
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if token.dep_ in ("conj", "xcomp", "acomp") and token.head.i != token.i:
            token = token.head
            continue
        return None


def auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries ("can", "have", "been" ...)."""
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def lower(token: Token | None) -> str:
    return token.lower_ if token is not None else ""


def has_negation(token: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ in ("never", "no") for child in token.children)


def is_party(token: Token | None, ctx: Context) -> bool:
    """A party other than the writer and the parent: a school, council, named person..."""
    if token is None:
        return False
    words = ctx.words("party_nouns")
    if token.lower_ in words or token.lemma_.lower() in words:
        return True
    if token.pos_ == "PROPN" and token.lower_ not in ("i", "sendiass"):
        if token.lower_ in ctx.family_names:
            return False  # "Ellis is a star": the child
        return token.lemma_.lower() not in TIME_WORDS  # not "Thursdays are mad"
    if token.is_title and token.pos_ == "NOUN" and not getAllLemmas(token.lower_):
        return True  # a place name the tagger took for a noun: "Brindlemoor never puts ..."
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
    if any(w in words for w in modifiers):
        return True
    # people or teams owned by a party: "Leyton Vale's plan writers"
    if not is_person_noun(token):
        return False
    owners = [c for t in (token, *token.children) for c in t.children if c.dep_ == "poss"]
    return any(o.pos_ == "PROPN" or o.lower_ in words for o in owners)


def is_person_noun(token: Token) -> bool:
    """A noun for someone by role: "writers", "officer", "therapist", "secretary", "consultant"."""
    return bool(_PERSON_ENDING.search(token.lower_))


_PERSON_ENDING = re.compile(r"(er|or|ist|ary|ant)s?$")


TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "christmas",
        "easter",
    ]
)


def imperative_verb(span: Span, ctx: Context) -> Token:
    """The verb of a would-be imperative: the last verb-like token matched, past any "do"."""
    imperative = ctx.words("imperative_verbs")
    candidates = [t for t in span if t.tag_ in ("VB", "VBP") or t.lower_ in imperative]
    verb = candidates[-1] if candidates else span.root
    while verb.dep_ == "aux" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def is_party_or_decision(token: Token | None, ctx: Context) -> bool:
    """A party, or a party's decision or conduct ("the decision", "their response")."""
    if token is None:
        return False
    if is_party(token, ctx) or is_party_document(token, ctx) or is_party_unit(token, ctx):
        return True
    if token.lemma_.lower() not in ctx.words("decision_nouns"):
        return False
    # "your decision" is the parent's: judging it is judging-decision, not taking sides
    return not any(c.lower_ in ("your", "my", "our") for c in token.children if c.dep_ == "poss")


def is_party_unit(token: Token, ctx: Context) -> bool:
    """A named party's own service: "Ashgrove's autism base", "Fenwick's learning support"."""
    return token.pos_ == "NOUN" and owned_by_party(token, ctx, ("poss",), ("PROPN", "NOUN"))


def owned_by_party(
    token: Token, ctx: Context, links: tuple[str, ...], kinds: tuple[str, ...]
) -> bool:
    """A child of ``token`` over one of ``links``, of a part of speech in ``kinds``, is a party."""
    return any(c.dep_ in links and c.pos_ in kinds and is_party(c, ctx) for c in token.children)


def is_party_document(token: Token, ctx: Context) -> bool:
    """A party's own document: "Fennick's draft", "the council's letter", "their report"."""
    if token.lemma_.lower() not in ctx.words("document_nouns"):
        return False
    owners = [c for c in token.children if c.dep_ == "poss"]
    return any(o.lower_ in ("their", "its") or is_party(o, ctx) for o in owners)


_OBJECT_OF = {"he": "him", "she": "her", "they": "them"}


def is_addressee(subj: Token | None) -> bool:
    """The subject is the person being told: "(I) told him he was right ..."."""
    if subj is None or subj.lower_ not in _OBJECT_OF:
        return False
    token = subj.head
    while token.dep_ in ("ccomp", "conj") and token.head.i != token.i:
        token = token.head
        if token.lemma_ == "tell":
            return any(
                c.lower_ == _OBJECT_OF[subj.lower_]
                for c in token.children
                if c.dep_ in ("dobj", "dative")
            )
    return False


_DEONTIC = frozenset({"must", "should", "ought", "shall"})


_MODIFIER_DEPS = frozenset({"advmod", "prep", "npadvmod", "intj", "meta", "parataxis", "dep"})


def content_clauses(span: Span) -> list[Token]:
    """The clauses a stance marker comments on.

    A stance verb ("I think ...") comments on its complement; an adverbial
    marker ("Frankly, ...") on the clause it modifies; "I'd be surprised if ..."
    on its if-clause.
    """
    root = span.root
    if root.dep_ in _MODIFIER_DEPS and root.head.i not in range(span.start, span.end):
        return [root.head]
    clauses = [
        c
        for t in span
        for c in t.children
        if c.i >= span.end
        and (c.dep_ in ("ccomp", "xcomp") or c.dep_ == "advcl" and _has_mark(c, "if"))
    ]
    if not clauses:
        for token in (root, root.head):
            clauses += [c for c in token.children if c.dep_ == "ccomp" and c not in span]
    sentence_root = span.sent.root
    if not clauses and not (span.start <= sentence_root.i < span.end):
        clauses = [sentence_root]
    return clauses


def _has_mark(token: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in token.children)


def is_deontic(verb: Token) -> bool:
    if any(c.lower_ in _DEONTIC for c in verb.children if c.dep_ == "aux"):
        return True
    return verb.lemma_ in ("have", "need") and any(c.dep_ == "xcomp" for c in verb.children)


def run_checks(span: Span, names: tuple[str, ...], ctx: Context) -> list[str]:
    """The names among ``names`` whose check holds for ``span``."""
    return [name for name in names if CHECKS[name](span, ctx)]


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Find quoted stretches, never across a blank line; apostrophes are not quotes."""
    ranges: list[tuple[int, int]] = []
    opened: tuple[str, int] | None = None
    for i, char in enumerate(text):
        if char == "\n" and opened and text[i + 1 : i + 2] in ("\n", ""):
            opened = None
        elif opened:
            if char == OPENING_QUOTES[opened[0]] and not _word_char(text, i + 1):
                ranges.append((opened[1], i + 1))
                opened = None
        elif char in ('"', "\u201c", "\u2018") or (
            char == "'" and not _word_char(text, i - 1) and _word_char(text, i + 1)
        ):
            opened = (char, i)
    return ranges


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()
