"""What the rewriter reads off the parse: clauses, subjects, auxiliaries, tense, negation.

Verbs are inflected with lemminflect; nothing here keeps its own table of
verb forms. Contracted auxiliaries ("'d", "'ll", "n't") are spelt out from
their lemma and tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from lemminflect import getAllLemmas, getInflection
from spacy.tokens import Span, Token

from ..detection.checks import SUBJECT_DEPS, subject
from .edits import Edit, delete, tidy

CLAUSAL = ("ccomp", "conj", "parataxis", "advcl", "relcl", "acl", "xcomp", "csubj", "pcomp")
WRITER = frozenset({"i", "we", "me", "us"})
MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})
_SPELT = {"wo": "will", "ca": "can", "sha": "shall", "n't": "not", "nt": "not"}


# --- words ------------------------------------------------------------------


@cache
def inflect(lemma: str, tag: str) -> str:
    """``lemma`` in the form ``tag`` (VB, VBD, VBG, VBN, VBP, VBZ), by lemminflect."""
    forms = getInflection(lemma, tag=tag)
    return forms[0] if forms else lemma


def verb_lemma(token: Token) -> str:
    """The dictionary form of a verb token, case-normalised."""
    if token.lower_ in ("'d", "’d", "d"):
        return "would"
    lemma = token.lemma_.lower()
    return _SPELT.get(lemma, lemma)


def form(token: Token, tag: str) -> str:
    """``token`` re-inflected as ``tag``, keeping a leading capital only for proper words."""
    return inflect(verb_lemma(token), tag)


@cache
def _known_verb(word: str) -> bool:
    return bool(getAllLemmas(word, upos="VERB"))


def is_known_verb(token: Token) -> bool:
    """The word is a verb in lemminflect's dictionary (not a name tagged as a verb)."""
    return _known_verb(token.lower_) or _known_verb(token.lemma_.lower())


def spelt(token: Token) -> str:
    """A contracted auxiliary spelt out: "'d" -> "would", "'s" -> "is"/"has", "n't" -> "not"."""
    low = token.lower_.replace("’", "'")
    if low in ("n't", "nt", "not"):
        return "not"
    if low in ("'d", "d"):
        return "had" if token.tag_ == "VBD" else "would"
    if low in ("'ll", "ll"):
        return "will"
    if low in ("'re", "re"):
        return "are"
    if low in ("'m", "m"):
        return "am"
    if low in ("'ve", "ve"):
        return "have"
    if low in ("'s", "s"):
        return "has" if token.lemma_ == "have" else "is"
    if low in _SPELT:
        return _SPELT[low]
    return token.lower_


def inner(token: Token, text: str | None = None) -> str:
    """``text`` (default: the token) as it should read inside a sentence.

    A sentence-initial capital is dropped unless the word is a name, "I" or an
    acronym.
    """
    text = token.text if text is None else text
    if token.pos_ == "PROPN" or token.text == "I" or (len(token.text) > 1 and token.is_upper):
        return text
    return text[:1].lower() + text[1:]


def is_writer(token: Token | None) -> bool:
    return token is not None and token.lower_ in WRITER


def is_you(token: Token | None) -> bool:
    return token is not None and token.lower_ in ("you", "ya", "u")


# --- clauses ------------------------------------------------------------------


def own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries and negation to the left of ``verb`` that belong to it."""
    return [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]


def negation(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "neg"), None)


@dataclass(frozen=True)
class VerbGroup:
    """A clause's verb with what the rewriter needs to know about it."""

    verb: Token
    subject: Token | None
    aux: tuple[Token, ...]
    negated: bool
    modal: str | None
    tense: str  # "past", "perfect", "future", "present", "conditional", "modal"

    @property
    def past(self) -> bool:
        return self.tense in ("past", "perfect")


def verb_group(verb: Token) -> VerbGroup:
    """Subject, auxiliaries, modality, negation and tense of the clause headed by ``verb``."""
    aux = tuple(auxiliaries(verb))
    words = [spelt(a) for a in aux if a.dep_ != "neg"]
    modal = next((w for w in words if w in MODALS), None)
    if modal in ("will", "shall"):
        tense = "future"
    elif modal in ("would", "could", "might"):
        tense = "conditional"
    elif modal:
        tense = "modal"
    elif any(w in ("have", "has") for w in words) and verb.tag_ == "VBN":
        tense = "perfect"
    elif (
        (words and words[0] == "had")
        or verb.tag_ == "VBD"
        or any(w in ("was", "were", "did") for w in words)
    ):
        tense = "past"
    elif verb.tag_ == "VBG" and any(w in ("am", "is", "are") for w in words):
        tense = "future" if _going_to(verb) else "present"
    else:
        tense = "present"
    return VerbGroup(verb, subject(verb), aux, negation(verb) is not None, modal, tense)


def _going_to(verb: Token) -> bool:
    return verb.lemma_ == "go" and any(c.dep_ == "xcomp" for c in verb.children)


def clause_tokens(verb: Token, keep: Iterable[str] = ()) -> list[Token]:
    """The tokens of ``verb``'s own clause, without other clauses hanging off it.

    Conjoined, paratactic and subordinate clauses with their own subject (and
    the comma and conjunction that join them) are left out; so is the sentence's
    final punctuation. Children whose dependency is in ``keep`` are kept whole.
    """
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in keep:
            continue
        if _independent(child):
            skip.update(t.i for t in child.subtree)
            skip.update(t.i for t in _joiners(child))
    tokens = [t for t in verb.subtree if t.i not in skip and not t.is_space]
    last = last_token(verb.sent)
    while tokens and tokens[-1].is_punct and tokens[-1].i == last.i:
        tokens.pop()
    return tokens


def last_token(sent: Span) -> Token:
    """The sentence's last token that is not whitespace."""
    return next((t for t in reversed(list(sent)) if not t.is_space), sent[-1])


def _independent(token: Token) -> bool:
    if token.dep_ in ("conj", "parataxis"):
        return own_subject(token) is not None or token.pos_ not in ("VERB", "AUX")
    if token.dep_ in ("advcl", "ccomp"):
        return own_subject(token) is not None
    return False


def _joiners(clause: Token) -> Iterator[Token]:
    """The comma, conjunction or 'so' right before a joined clause."""
    head = clause.head
    for child in head.children:
        if child.i < clause.left_edge.i and child.dep_ in ("cc", "punct", "mark"):
            between = clause.doc[child.i + 1 : clause.left_edge.i]
            if all(t.is_punct or t.dep_ in ("cc", "mark", "advmod") for t in between):
                yield child


def bounds(tokens: Iterable[Token]) -> tuple[int, int]:
    """The smallest token range covering ``tokens``."""
    indices = [t.i for t in tokens]
    return min(indices), max(indices) + 1


def other_clauses(sent: Span, tokens: Iterable[Token]) -> list[Token]:
    """Content words of ``sent`` outside ``tokens`` (what a rewrite would otherwise drop)."""
    inside = {t.i for t in tokens}
    return [t for t in sent if t.i not in inside and not (t.is_punct or t.is_space)]


def first_word(span: Span) -> Token | None:
    return next((t for t in span if t.is_alpha or t.like_num), None)


def starts_sentence(token: Token) -> bool:
    """Only bullets, quotes, brackets or spaces stand before ``token`` in its sentence."""
    before = token.doc[token.sent.start : token.i]
    return all(t.is_punct or t.is_space for t in before)


# --- verb phrases -------------------------------------------------------------


def conjoined_verbs(verb: Token) -> list[Token]:
    """Verbs that share ``verb``'s subject: "asked them and told her" -> [told]."""
    found = []
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and own_subject(child) is None:
            found.append(child)
            found.extend(conjoined_verbs(child))
    return found


def reinflect(verb: Token, tag: str, with_conjuncts: bool = True) -> list[Edit]:
    """Edits putting ``verb`` (and the verbs conjoined to it) in form ``tag``.

    The conjuncts' own auxiliaries ("and have asked") are dropped.
    """
    edits = [Edit(verb.i, verb.i + 1, _cased(verb, form(verb, tag)))]
    if with_conjuncts:
        for conj in conjoined_verbs(verb):
            edits.extend(delete(a.i, a.i + 1) for a in auxiliaries(conj) if a.dep_ != "neg")
            edits.append(Edit(conj.i, conj.i + 1, _cased(conj, form(conj, tag))))
    return edits


def _cased(token: Token, text: str) -> str:
    return text[:1].upper() + text[1:] if token.text[:1].isupper() else text


def negate(verb: Token) -> list[Edit]:
    """Edits that negate (or un-negate) the clause headed by ``verb``.

    "has done" -> "has not done", "is" -> "is not", "would suit" -> "would
    not suit", "works" -> "does not work", "didn't order" -> "did order".
    """
    neg = negation(verb)
    if neg is not None:
        return [delete(neg.i, neg.i + 1)]
    aux = [a for a in auxiliaries(verb) if a.dep_ in ("aux", "auxpass")]
    if aux:
        first = aux[0]
        return [Edit(first.i, first.i + 1, _cased(first, spelt(first)) + " not")]
    if verb.lemma_ == "be" or (verb.pos_ == "AUX" and verb.lemma_ in ("be",)):
        return [Edit(verb.i, verb.i + 1, _cased(verb, spelt(verb)) + " not")]
    do = {"VBZ": "does", "VBD": "did"}.get(verb.tag_, "do")
    return [Edit(verb.i, verb.i + 1, f"{do} not {form(verb, 'VB')}")]


def drop_aux(verb: Token) -> list[Edit]:
    """Delete the verb's auxiliaries and negation."""
    return [delete(a.i, a.i + 1) for a in auxiliaries(verb)]


def phrase(tokens: Iterable[Token], replace: dict[int, str] | None = None) -> str:
    """Text of ``tokens`` (in order, gaps closed), with some tokens replaced."""
    replace = replace or {}
    ordered = sorted(tokens, key=lambda t: t.i)
    out: list[str] = []
    for n, token in enumerate(ordered):
        text = replace.get(token.i, token.text)
        last = n == len(ordered) - 1
        gap = not last and ordered[n + 1].i != token.i + 1
        ws = "" if last else (" " if gap and not ordered[n + 1].is_punct else token.whitespace_)
        if text or token.i not in replace:
            out.append(text + ws)
    return tidy("".join(out).strip())


def parenthetical(doc, start: int, end: int) -> list[Edit]:
    """Delete tokens ``start:end`` with the commas that set them off.

    "X, in my view." -> "X."; "In my view, X" -> "X"; "is, frankly, Y" -> "is Y".
    """
    sent = doc[start].sent
    before = doc[start - 1] if start > sent.start else None
    after = doc[end] if end < sent.end else None
    opening = before is None or before.is_punct and before.text not in (",", ";")
    if before is not None and before.text == "," and after is not None and after.text == ",":
        # "is, in my view, too vague" -> "is too vague"; "is brilliant, honestly, the staff"
        # -> "is brilliant, the staff" (the commas also part two clauses)
        joined = after.i + 1 < sent.end and _same_clause(doc[before.i - 1], doc[after.i + 1])
        return [Edit(before.i, after.i + 1, " " if joined else ",")]
    if after is not None and after.text in (",", "-", "\u2013") and opening:
        return [delete(start, after.i + 1)]
    if before is not None and before.text == ",":
        return [delete(before.i, end)]
    return [delete(start, end)]


def _same_clause(left: Token, right: Token) -> bool:
    def head(token: Token) -> Token:
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                return token
            if token.head.i == token.i:
                return token
            token = token.head
        return token

    return head(left).i == head(right).i
