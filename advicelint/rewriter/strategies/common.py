"""Building blocks shared by the strategies: frames, actions, clause and sentence edits."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..base import Resources
from ..clauses import (
    bounds,
    clause_tokens,
    conjoined_verbs,
    first_word,
    form,
    is_known_verb,
    own_subject,
    phrase,
    spelt,
    starts_sentence,
)
from ..edits import Edit, delete, insert

JOINERS = frozenset({",", ";", "-", "\u2013", "\u2014", "and", "but", "so", "then", "or"})


def anchor_verb(token: Token) -> Token:
    """The verb (or copula) whose clause ``token`` belongs to."""
    seen = 0
    while seen < 12 and (
        token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass", "amod")
    ):
        if token.head.i == token.i:
            break
        token = token.head
        seen += 1
    return token


def action_after(
    doc, start: int, end: int, skip: frozenset[str], stop: int | None = None
) -> Token | None:
    """The first content verb at or after ``start``: the action an advice frame is about.

    Verbs inside the frame (``start:end``) whose lemma is in ``skip`` (advise,
    need, want, be ...) are passed over, as are auxiliaries and finite forms.
    """
    stop = doc[start].sent.end if stop is None else stop
    for token in doc[start:stop]:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
            continue
        if token.tag_ not in ("VB", "VBG", "VBP"):
            continue
        if token.lemma_.lower() in skip and (token.i < end or _carries(token)):
            continue
        if not is_known_verb(token):
            continue
        return token
    return None


def _carries(token: Token) -> bool:
    """A frame verb followed by its complement: "want to", "need to", "be best to"."""
    return any(c.dep_ in ("xcomp", "ccomp", "acomp", "prt") for c in token.children)


def option_frame(
    frame_start: int, action: Token, frame: str, *, keep_conjuncts: bool = True
) -> list[Edit]:
    """Replace everything from ``frame_start`` up to ``action`` by ``frame``.

    The action verb is put in its base form ("asking" -> "ask") and lower-cased
    if it opened the sentence; verbs conjoined to it follow it.
    """
    edits: list[Edit] = []
    if frame_start < action.i:
        edits.append(Edit(frame_start, action.i, frame))
    else:
        edits.append(insert(action.i, frame + " "))
    edits.append(Edit(action.i, action.i + 1, _verb_inside(action)))
    if keep_conjuncts and action.tag_ == "VBG":
        for conj in conjoined_verbs(action):
            if conj.tag_ == "VBG":
                edits.append(Edit(conj.i, conj.i + 1, form(conj, "VB")))
    return edits


def _verb_inside(verb: Token) -> str:
    """The verb's base form, lower-cased: a verb is never a name, even if tagged as one."""
    base = form(verb, "VB")
    return base if not verb.text[:1].isupper() or verb.is_upper else base[:1].lower() + base[1:]


def frame_case(frame: str, start: Token) -> str:
    """A frame put where ``start`` was: capitalised when it opens the sentence."""
    if starts_sentence(start) and start.text[:1].isupper():
        return frame[:1].upper() + frame[1:]
    return frame


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """From the first word (after bullets and quotes) to the last non-space token."""
    first = first_word(sent)
    start = first.i if first is not None else sent.start
    end = sent.end
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return start, end


def replace_sentence(sent: Span, text: str) -> Edit:
    start, end = sentence_bounds(sent)
    return Edit(start, end, text)


def delete_sentence(sent: Span) -> Edit:
    _, end = sentence_bounds(sent)
    return Edit(sent.start, end, "")


def chunks(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous runs of token indices as ``(start, end)`` ranges."""
    runs: list[tuple[int, int]] = []
    for i in sorted(set(indices)):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def has_other_clause(sent: Span, removed: Iterable[int]) -> bool:
    """A main clause (a root, or a clause joined to it with its own subject) is left."""
    gone = set(removed)
    for token in sent:
        if token.i in gone or token.pos_ not in ("VERB", "AUX"):
            continue
        if token.dep_ == "ROOT" or (
            token.dep_ in ("conj", "parataxis", "ccomp") and own_subject(token) is not None
        ):
            return True
    return False


def delete_clause(verb: Token) -> list[Edit] | None:
    """Delete ``verb``'s own clause (with its subordinate clauses) and what joins it.

    None if the clause is an argument of another verb ("I said that ...") or if
    no main clause would be left of the sentence.
    """
    for _ in range(6):  # "want to leave", "is unlikely to back down": climb to the clause head
        if verb.head.i == verb.i:
            break
        if verb.dep_ in ("xcomp", "acomp") or verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
            continue
        break
    if verb.dep_ in ("csubj", "csubjpass", "pcomp", "acl", "amod") or (
        verb.dep_ == "ccomp" and verb.head.i < verb.i  # "I said that ...": an argument
    ):
        return None
    tokens = clause_tokens(verb, keep=("advcl",))
    if not tokens:
        return None
    doc, sent = verb.doc, verb.sent
    indices = {t.i for t in tokens}
    if not has_other_clause(sent, indices):
        return None
    start, end = bounds(tokens)
    first = first_word(sent)
    if first is not None and start <= first.i:
        while end < sent.end - 1 and doc[end].lower_ in JOINERS:
            indices.add(end)
            end += 1
    else:
        while start - 1 > sent.start and doc[start - 1].lower_ in JOINERS:
            start -= 1
            indices.add(start)
    return [delete(s, e) for s, e in chunks(indices)] + _keep_antecedent(verb, indices)


PRONOUNS = frozenset({"he", "she", "they", "it"})


def _keep_antecedent(verb: Token, removed: set[int]) -> list[Edit]:
    """ "Mr Forsyth is very fair and he will ..." -> "Mr Forsyth will ...": a pronoun left
    behind takes the name its deleted clause gave it."""
    subj = own_subject(verb)
    if subj is None or subj.pos_ == "PRON" or subj.i not in removed:
        return []
    doc, sent = verb.doc, verb.sent
    pronoun = next(
        (
            t
            for t in sent
            if t.i not in removed and t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in PRONOUNS
        ),
        None,
    )
    if pronoun is None:
        return []
    name = phrase(list(subj.subtree))
    remaining = [t for t in sent if t.i not in removed and t.is_alpha]
    if subj.left_edge.pos_ == "DET" and remaining and remaining[0].i != pronoun.i:
        name = name[:1].lower() + name[1:]  # "... and the council will" stays lower case
    edits = [Edit(pronoun.i, pronoun.i + 1, name)]
    after = doc[pronoun.i + 1] if pronoun.i + 1 < sent.end else None
    if after is not None and after.text.startswith(("'", "’")) and after.text[1:].isalpha():
        edits.append(Edit(after.i, after.i + 1, spelt(after)))
    return edits


def sentence_text(sent: Span) -> str:
    return sent.text.strip()


def words_of(resources: Resources, name: str) -> frozenset[str]:
    return resources.words.words(name)


def template(resources: Resources, name: str) -> str:
    return resources.words.template(name)


def message(resources: Resources, name: str) -> str:
    return resources.words.message(name)
