"""Checks on local policy: a party's rules and habits, the law, and local context."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .base import (
    Context,
    auxiliaries,
    check,
    is_deontic,
    is_party,
    lower,
    owned_by_party,
    subject,
)


@check("published-pointer")
def published_pointer(span: Span, ctx: Context) -> bool:
    """The sentence points to where local information is published."""
    text = span.sent.text.lower()
    return bool(
        re.search(
            r"\b(local offer|published|website|online|you can (read|find|see|download))\b", text
        )
    )


_POSSESSORS = frozenset({"their", "its", "our", "the", "local", "council", "authority", "la"})


_RULE_VERBS = frozenset(
    {"be", "say", "state", "require", "mean", "expect", "insist", "set", "specify", "allow", "stop"}
    | {"treat", "count", "exclude", "limit", "cap"}
)


@check("local-rule")
def local_rule(span: Span, ctx: Context) -> bool:
    """A policy noun owned by a local party, presented as what decides."""
    noun = next((t for t in span if t.pos_ == "NOUN"), span.root)  # "line" in "line is that"
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        return True  # "under their criteria", "under that policy"
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_ == "work":
        return True  # "Marchbury's therapy service works to a rule that ..."
    owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "det")]
    owned = (
        any(is_party(o, ctx) or o.lower_ in ("their", "thier", "its", "local") for o in owners)
        or noun.dep_ == "dobj"
        and noun.head.lemma_ == "have"
        and is_party(subject(noun.head), ctx)
        or _own_rule(owners)
        or _worked_to(noun, ctx)
    )
    if not owned:
        return False
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ in _FOLLOWING_VERBS or _explained_after_colon(noun):
        return True  # "That matches Harrowgate's usual practice: nothing goes into G until ..."
    if any(
        c.dep_ in ("acl", "relcl")
        and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        for c in noun.children
    ):
        return True  # "Cotterham's long-standing rule that direct payments can only ..."
    if noun.dep_ in ("nsubj", "nsubjpass", "attr") and head.lemma_ in _RULE_VERBS:
        # "their approach is to ...", not "the school's approach is unacceptable"
        return not (head.lemma_ == "be" and any(c.dep_ == "acomp" for c in head.children))
    if noun.dep_ == "pobj" and head.lower_ in _AGAINST_RULE_PREPOSITIONS:
        return True  # "funds them through its own criteria", "over their line"
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lower_ == "short"  # "falls short of their bar"
    if noun.dep_ == "pobj" and head.lower_ == "to":
        return any(t.lower_ == "according" for t in head.lefts) or head.head.lower_ == "according"
    return False


def _owned_by_party(token: Token | None, ctx: Context) -> bool:
    """ "Holmbury's top-up funding", "Fennbridge mediations": a named party's own arrangement."""
    if token is None or token.pos_ not in ("NOUN", "PROPN"):
        return False
    return owned_by_party(token, ctx, ("poss", "compound"), ("PROPN",))


_FOLLOWING_VERBS = frozenset({"follow", "match", "apply", "use", "reflect", "fit", "enforce"})


def _own_rule(owners: list[Token]) -> bool:
    """ "Bumblebees' own policy": someone's own rule, whatever the tagger made of the name."""
    return any(o.dep_ == "poss" for o in owners) and any(o.lower_ == "own" for o in owners)


def _worked_to(noun: Token, ctx: Context) -> bool:
    """ "the rule every school in the cluster works to", "the cap the panel applies"."""
    for clause in noun.children:
        if clause.dep_ == "relcl" and clause.lemma_ in ("work", "apply", "use", "follow", "set"):
            return is_party(subject(clause), ctx)
    return False


def _explained_after_colon(noun: Token) -> bool:
    """The rule noun is spelled out after a colon: "their usual practice: nothing goes ..."."""
    following = noun.doc[noun.i + 1 : noun.i + 2]
    return bool(following) and following[0].text == ":"


_AGAINST_RULE_PREPOSITIONS = frozenset(
    {"by", "with", "through", "over", "above", "below", "beneath", "within", "outside"}
)


HABIT_ADVERBS = frozenset(
    {
        "never",
        "only",
        "rarely",
        "always",
        "usually",
        "normally",
        "generally",
        "typically",
        "routinely",
        "automatically",
    }
)


_CONDITION_WORDS = (
    "unless",
    "until",
    "till",
    "without",
    "only if",
    "before",
    "if",
    "once",
    "the moment",
    "whenever",
    "regardless",
    "whatever",
    "at all",
    "only",
    "ever",
    "even",
    "as long as",
    "so long as",
    "provided",
    "except",
    "no matter",
    "at least",
    "more than",
    "less than",
    "fewer than",
    "no more than",
    "per cent",
    "%",
    "as soon as",
    "every plan",
    "any plan",
    "any pupil",
    "any child",
    "any young person",
    "every child",
    "every pupil",
    "every family",
    "everyone",
    "anyone",
    "or not",
    "or no",
    "other than",
    "apart from",
)


_RULE_LEMMAS = frozenset({"insist", "require", "demand", "cap", "limit", "ration"})


# Clauses that assert their content: "that ...", "because ...".
_ASSERTING_MARKS = frozenset({"that", "because", "since", "as"})


def _asserted(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("because", "since") for c in verb.children)


_NATIONAL_BODIES = frozenset(
    {"tribunal", "tribunals", "ombudsman", "judge", "judges", "ofsted", "government", "dfe"}
)


@check("local-habit")
def local_habit(span: Span, ctx: Context) -> bool:
    """A party's habitual or conditional practice stated as the rule."""
    word = span.root
    verb = word if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("aux",) else word.head
    while verb.pos_ == "ADV" and verb.head.i != verb.i:  # "only ever issues"
        verb = verb.head
    if word.lower_ in ("tend", "tends"):
        verb = word
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ not in _ASSERTING_MARKS]
    if marks or verb.dep_ in ("relcl", "acl") or verb.dep_ == "advcl" and not _asserted(verb):
        return False  # a subordinate clause: "before a school puts support in place"
    subj = subject(verb)
    if not (is_party(subj, ctx) or _owned_by_party(subj, ctx)):
        return False
    if lower(subj) in ("you", "i", "we", "he", "she"):
        return False
    if lower(subj) in _NATIONAL_BODIES:
        return False  # the tribunal's or the Ombudsman's practice is not local policy
    auxes = [c.lower_ for c in auxiliaries(verb)]
    if "have" in auxes and any(a in ("would", "could", "might", "should") for a in auxes):
        return False  # a counterfactual: "would never have happened if ..."
    legal_bodies = ("authority", "authorities", "council", "councils", "la")
    if lower(subj) in legal_bodies and any(a in ("can", "may") for a in auxes):
        return False  # the law's powers: "the local authority can only stop maintaining if ..."
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False  # the practice is itself the condition: "If the governors do not ..."
    if word.lemma_ == "expect" and word.tag_ == "VBN" or is_deontic(verb):
        return False  # "are expected to", "must": statutory duties
    auxes = auxiliaries(verb)
    if verb.tag_ in ("VBD", "VBN", "VBG") and not auxes or any(a.tag_ == "VBD" for a in auxes):
        return False  # what a party did or is doing, not its rule
    text = f" {' '.join(t.lower_ for t in verb.subtree)} "
    has_condition = any(f" {w} " in text for w in _CONDITION_WORDS)
    evidence = any(t.lower_ in ctx.words("evidence_words") for t in verb.sent)
    decision_verbs = ctx.words("decision_verbs")
    deciding = verb.lemma_ in decision_verbs or any(  # "won't authorise" misparsed as an adverb
        c.dep_ == "advmod" and c.lower_ in decision_verbs for c in verb.children
    )
    if word.lower_ in HABIT_ADVERBS or word.lower_ in ("tend", "tends"):
        return deciding or evidence or has_condition
    if word.lemma_ in _RULE_LEMMAS:
        return True
    if word.lemma_ in ("expect", "want", "need", "like"):
        conditional = has_condition and not (" if " in text and word.lemma_ in ("want", "need"))
        return evidence or conditional and word.lemma_ in ("expect", "like")
    negated = any(c.dep_ == "neg" for c in verb.children)
    if verb.lemma_ == "treat" and any(c.lower_ == "as" for c in verb.children):
        return verb.tag_ in ("VBZ", "VBP")  # "the panel treats a pass at Level 2 as ..."
    if word.i == verb.i:  # a bare present-tense decision verb: "The council removes ..."
        ruled = any(f" {w} " in text for w in _CONDITION_WORDS if w != "if")
        return deciding and ruled and verb.tag_ in ("VBZ", "VBP") and not auxes
    return negated and has_condition and deciding


_RULE_WORDS = frozenset(
    [
        "expect",
        "expects",
        "want",
        "wants",
        "require",
        "requires",
        "insist",
        "insists",
        "must",
        "only",
        "never",
        "unless",
        "without",
        "first",
        "until",
        "till",
        "allowed",
        "told",
        "rule",
        "rules",
        "takes",
        "automatically",
        "fine",
        "fined",
        "regardless",
        "whatever",
        "before",
        "stays",
        "stay",
        "renew",
        "renews",
        "caps",
        "capped",
        "custom",
        "protocol",
        "matrix",
        "would",
        "rarely",
        "always",
        "automatic",
        "straight",
    ]
)


_RULE_PHRASES = re.compile(r"\b(have to|has to|won't|will not|don't|doesn't|goes back|go back)\b")


@check("rule-ish")
def rule_ish(span: Span, ctx: Context) -> bool:
    """The sentence states a requirement or a refusal, not an arrangement."""
    sent = span.sent
    for token in sent:
        if token.lower_ in ("need", "needs", "needed"):
            if token.pos_ in ("VERB", "AUX"):
                return True
        elif token.lower_ in _RULE_WORDS:
            return True
    return bool(_RULE_PHRASES.search(sent.text.lower().replace("\u2019", "'")))


_LAW = re.compile(
    r"(?<![\w'’])(code of practice|the code|section \d+|s\.? ?\d+|children and families act"
    r"|regulations?"
    r"|the law|legally|statutory|tribunal has said|case law|the act|legal test)\b"
)


@check("cites-law")
def cites_law(span: Span, ctx: Context) -> bool:
    """The sentence states what the law or statutory guidance says.

    Not when the law is mentioned only to be set aside: "whatever the regulations say".
    """
    text = span.sent.text.lower()
    return any(
        not re.search(
            r"\b(whatever|regardless of|despite|never mind)\W+(\w+\W+)?$", text[: m.start()]
        )
        for m in _LAW.finditer(text)
    )


@check("third-party-before")
def third_party_before(span: Span, ctx: Context) -> bool:
    """The words just before the match are not the writer or the parent."""
    before = [t for t in span.doc[span.sent.start : span.start] if not t.is_punct]
    if not before:
        return False
    return before[-1].lower_ not in ("you", "i", "we", "it", "they're", "this", "that")


@check("requirement-follows")
def requirement_follows(span: Span, ctx: Context) -> bool:
    """After "In <place>,": a requirement or a before/until condition in the same sentence."""
    rest = ctx.doc[span.end : span.sent.end].text.lower()
    return bool(
        re.search(
            r"\b(has to|have to|must|need to|needs to|only|never|won't|can't|automatically"
            r"|always|once|unless|until)\b",
            rest,
        )
    )


_LOCAL_PLACE = re.compile(r"\b(here|locally|round here|in this area|their|its)\b")


@check("local-context")
def local_context(span: Span, ctx: Context) -> bool:
    """A local party, place or rule is in view: named in the sentence or just before it."""
    sent = span.sent
    if _LOCAL_PLACE.search(sent.text.lower()):
        return True
    national = _NATIONAL_BODIES | {"i", "sendiass"}
    if any(t.pos_ == "PROPN" and t.lower_ not in national for t in sent if t.i > sent.start):
        return True
    return follows_local_policy(span, ctx)


@check("comments-on-it")
def comments_on_it(span: Span, ctx: Context) -> bool:
    """The sentence already has a taking-sides or opinion finding: a comment, not the rule."""
    sent = span.sent
    return any(
        f.label_ in ("taking-sides", "personal-opinion") and sent.start <= f.start < sent.end
        for f in ctx.findings
    )


@check("follows-local-policy")
def follows_local_policy(span: Span, ctx: Context) -> bool:
    """The sentence right before this one has a local-policy finding."""
    sent = span.sent
    if sent.start == 0:
        return False
    previous = ctx.doc[sent.start - 1].sent
    while previous.text.strip() == "" and previous.start > 0:
        previous = ctx.doc[previous.start - 1].sent
    return any(
        f.label_ == "local-policy" and previous.start <= f.start < previous.end
        for f in ctx.findings
    )


_LOCAL_WORDS = re.compile(r"\b(round here|locally|in this area|our area|the council's|the la's)\b")


@check("local-marker")
def local_marker(span: Span, ctx: Context) -> bool:
    """The sentence names a place, council or school, or says "round here"."""
    if _LOCAL_WORDS.search(span.sent.text.lower()):
        return True
    return any(t.pos_ == "PROPN" and t.i < span.start for t in span.sent)


@check("statutory-duty")
def statutory_duty(span: Span, ctx: Context) -> bool:
    """The sentence's main clause states a duty ("Every council must publish ...")."""
    root = span.sent.root
    modal = any(c.lower_ in ("must", "shall", "should") for c in root.children if c.dep_ == "aux")
    negated = any(c.dep_ == "neg" for c in root.children)
    subj = subject(root)
    if lower(subj) in ("he", "she") or modal and negated:
        return False  # "..., so she shouldn't expect more support": not a duty
    return modal and is_party(subj, ctx)


_PARENT_OPTION = re.compile(
    r"\b(you (can|may|could|have the right|are entitled|do not have to|don't have to)"
    r"|whatever you decide)\b"
)


@check("parent-option")
def parent_option(span: Span, ctx: Context) -> bool:
    """The sentence sets out the parent's options or rights."""
    return bool(_PARENT_OPTION.search(span.sent.text.lower().replace("\u2019", "'")))
