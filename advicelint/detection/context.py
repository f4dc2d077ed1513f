"""Context checks: parse-based conditions that confirm or cancel a candidate match.

A rule names these checks in its ``when`` (all must hold) and ``unless`` (any
one cancels) lists. Each check reads the candidate span, its sentence and the
dependency parse; word lists come from ``lexicons/vocabulary.toml``.
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

BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u00b7", "o"})
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


def check(name: str) -> Callable[[Check], Check]:
    """Register a context check under the name rule files use."""

    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return register


# --- helpers on the parse ---------------------------------------------------


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
        return True
    if token.is_title and token.pos_ == "NOUN" and not getAllLemmas(token.lower_):
        return True  # a place name the tagger took for a noun: "Brindlemoor never puts ..."
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
    if any(w in words for w in modifiers):
        return True
    # people or teams owned by a party: "Leyton Vale's plan writers"
    if not re.search(r"(er|or|ist)s?$", token.lower_):
        return False
    owners = [c for t in (token, *token.children) for c in t.children if c.dep_ == "poss"]
    return any(o.pos_ == "PROPN" or o.lower_ in words for o in owners)


# --- the checks ---------------------------------------------------------------


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
        if token.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj", "parataxis"):
            head = token.head
            if head.lemma_ in speech and token.dep_ != "advcl" and not _concessive(head):
                speaker = subject(head)
                if _is_speaker(speaker, head, ctx):
                    return True
        token = token.head
    # "..., the officer said." with the speech verb after the clause
    root = sent.root
    if root.lemma_ in speech and root.i > span.end and root.tag_ == "VBD":
        speaker = subject(root)
        return speaker is not None and lower(speaker) not in ctx.words("writer")
    return False


def _is_speaker(speaker: Token | None, verb: Token, ctx: Context) -> bool:
    """Someone other than the writer says or thinks the clause (not "the plan was written")."""
    if speaker is None or lower(speaker) in ctx.words("writer") or speaker.dep_ == "nsubjpass":
        return False
    # "the appeal feels daunting": a thing that feels is not a speaker
    return not (verb.lemma_ == "feel" and speaker.pos_ == "NOUN" and not is_party(speaker, ctx))


def _writers_aside(token: Token) -> bool:
    """A non-restrictive "..., which ..." clause: the writer's own comment on what came before."""
    if token.dep_ != "relcl" or not any(c.lower_ == "which" for c in token.children):
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


_DECISION_REPORTED = re.compile(
    r"\b(you|you've|you have|you’ve)\s+(have\s+|’ve\s+|'ve\s+)?"
    r"(decided|chosen|opted|agreed|confirmed you want|told me you want)",
    re.IGNORECASE,
)


@check("conditional-choice")
def conditional_choice(span: Span, ctx: Context) -> bool:
    """The requirement is conditional on the parent's own, stated choice.

    "If you decide to appeal, you must register ..." is information, and so is
    a requirement right after the parent is reported to have decided.
    """
    verb = anchor(span)
    for clause in _conditions(verb, ctx):
        if _is_parent_choice(clause, ctx):
            return True
    sent = span.sent
    before = ctx.doc[sent.start : span.start].text.lower()
    if re.search(r"\b(now that|since|as) you('ve| have|’ve)? (decided|chosen|opted)", before):
        return True
    if sent.start > 0:
        previous = ctx.doc[sent.start - 1].sent
        return bool(_DECISION_REPORTED.search(previous.text))
    return False


def _conditions(verb: Token, ctx: Context) -> list[Token]:
    marks = ctx.words("condition_marks")
    clauses = []
    for token in [verb, *verb.ancestors]:
        for child in token.children:
            if child.dep_ == "advcl" and any(
                c.lower_ in marks and c.dep_ in ("mark", "aux", "advmod") for c in child.children
            ):
                clauses.append(child)
    return clauses


def _is_parent_choice(clause: Token, ctx: Context) -> bool:
    if lower(subject(clause)) != "you":
        return False
    choices = ctx.words("choice_verbs")
    verbs = [clause] + [c for c in clause.children if c.dep_ in ("xcomp", "conj")]
    return any(v.lemma_ in choices for v in verbs)


@check("negated")
def negated(span: Span, ctx: Context) -> bool:
    """The obligation is negated: "you do not have to", "you don't need to"."""
    if any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in span):
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    verb = anchor(span)
    if verb.dep_ in ("acomp", "attr", "xcomp") and has_negation(verb.head):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_ in ("feel", "think") and has_negation(verb.head):
        return True  # "please don't feel you have to reply tonight"
    return has_negation(verb)


@check("expectation")
def expectation(span: Span, ctx: Context) -> bool:
    """What the parent can expect, or a duty owed to them, not an instruction.

    "You should receive the draft plan within 20 weeks", "You must be given a copy".
    """
    verb = content_verb(span)
    if verb.lemma_ in ctx.words("expectation_verbs"):
        return True
    if (
        any(child.dep_ == "auxpass" for child in verb.children)
        or verb.tag_ == "VBN"
        and any(c.lower_ in ("be", "been") for c in verb.children)
    ):
        return True
    if verb.lemma_ == "get":
        if not any(t.lower_ in ("should", "will", "'ll", "\u2019ll") for t in span):
            return False  # "you need to get a letter from the GP" is an instruction
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        return any(o.lemma_.lower() in ctx.words("document_nouns") for o in objects)
    if verb.lemma_ == "be":
        info = ctx.words("information_adjectives")
        return any(c.lower_ in info for c in verb.children if c.dep_ in ("acomp", "attr", "xcomp"))
    return verb.lemma_ == "have" and any(c.tag_ == "VBN" for c in verb.children)


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
        modals = {t.lower_ for t in span.sent if t.tag_ == "MD"}
        return bool(modals & {"can", "could", "would", "'d", "shall", "might", "may"})
    return False


@check("party-subject")
def party_subject(span: Span, ctx: Context) -> bool:
    """The clause's subject is a party: the school, the council, the SENCO, a named person."""
    subj = subject(anchor(span))
    return is_party(subj, ctx) and not _addressee(subj)


@check("writer-subject")
def writer_subject(span: Span, ctx: Context) -> bool:
    """The clause's subject is the writer (I, we)."""
    return lower(subject(anchor(span))) in ctx.words("writer")


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
    if token.lower_ in ("you", "yourself", "me", "us", "it") or token.lower_ in _TIME_WORDS:
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
        and re.search(r"(er|or|ist|ary|ant)s?$", token.lower_)
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


@check("duty-statement")
def duty_statement(span: Span, ctx: Context) -> bool:
    """The clause states a duty ("The council should not withhold consent unreasonably")."""
    return _is_deontic(clause_verb(span))


_TIME_WORDS = frozenset(
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


@check("past")
def past(span: Span, ctx: Context) -> bool:
    """The clause is in the past tense (a choice already made)."""
    verb = clause_verb(span)
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return False  # "if I were you": a counterfactual, not the past
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBD"}) or (verb.tag_ == "VBN" and "VBZ" not in tags)


@check("published-pointer")
def published_pointer(span: Span, ctx: Context) -> bool:
    """The sentence points to where local information is published."""
    text = span.sent.text.lower()
    return bool(
        re.search(
            r"\b(local offer|published|website|online|you can (read|find|see|download))\b", text
        )
    )


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


@check("perfect")
def perfect(span: Span, ctx: Context) -> bool:
    """A modal perfect ("you should have asked"): a judgement on the past, not direction."""
    verb = anchor(span)
    return verb.tag_ == "VBN" and any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children)


def imperative_verb(span: Span, ctx: Context) -> Token:
    """The verb of a would-be imperative: the last verb-like token matched, past any "do"."""
    imperative = ctx.words("imperative_verbs")
    candidates = [t for t in span if t.tag_ in ("VB", "VBP") or t.lower_ in imperative]
    verb = candidates[-1] if candidates else span.root
    while verb.dep_ == "aux" and verb.head.i != verb.i:
        verb = verb.head
    return verb


@check("imperative")
def imperative(span: Span, ctx: Context) -> bool:
    """The clause is an imperative: a bare verb with no subject and no modal."""
    verb = imperative_verb(span, ctx)
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ == "to" or verb.lower_ == "dear":
        return False
    if verb.is_upper and len(verb) > 1:
        return False  # an acronym or a heading in capitals: "SEND"
    if verb.lower_ != verb.lemma_.lower() and verb.lower_ not in ("do", "don't", "dont"):
        return False  # an imperative is the bare verb: not "Got your message"
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and not verb.whitespace_ and after.text in ("-", "\u2010"):
        return False  # "Follow-up": a noun
    if after is not None and verb.lower_ == "mind" and after.lower_ == "you":
        return False  # "Mind you, ..."
    if after is not None and verb.lower_ == "want" and after.lower_ == "me":
        return False  # "Want me to send the factsheet?": an offer
    if _after_note_label(verb):
        return False  # "Follow-up: ring Mrs Varga", "Sent: link to the policy"
    if _is_heading(verb, ctx):
        return False
    if verb.dep_ == "conj" and subject(verb.head) is not None:
        return False  # "The council has to consult the college and then decide ..."
    base = verb.tag_ in ("VB", "VBP")
    opens = _opens_sentence(verb)
    if not (base or verb.lower_ in ctx.words("imperative_verbs") and opens):
        return False
    if verb.dep_ != "ROOT" and not opens or verb.tag_ == "VBP" and not opens:
        return False
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return False
        if child.dep_ in ("aux", "auxpass") and child.lower_ not in ("do", "don't", "dont"):
            return False
    return not _continues_a_list(verb)


def _is_heading(verb: Token, ctx: Context) -> bool:
    """A short line with no full stop whose verb is a document noun's modifier: "Call note"."""
    sent = verb.sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    ends = [t for t in sent if not t.is_space]
    if not ends or ends[-1].text in (".", "!", "?") or len(words) > 12:
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    # "Call note: ...", "Record of phone call", "Call from Mrs Qureshi, 4 May"
    return after is not None and (after.lower_ in _HEADING_NOUNS or after.lower_ in ("of", "from"))


_HEADING_NOUNS = frozenset(
    {"note", "notes", "log", "summary", "record", "update", "sheet", "list", "checklist", "back"}
    | {"call", "calls"}
)
_NOTE_LABELS = frozenset(
    {"re", "sent", "follow-up", "followup", "subject", "date", "to", "from", "cc", "enclosed"}
)


def _after_note_label(verb: Token) -> bool:
    """The verb follows a label of a note or an email header: "Re:", "Sent:", "Follow-up:"."""
    before = [t for t in verb.doc[verb.sent.start : verb.i] if not t.is_space]
    if not before or before[-1].text != ":":
        return False
    label = "".join(t.text for t in before[:-1]).lower()
    return label in _NOTE_LABELS


def _continues_a_list(verb: Token) -> bool:
    """A lower-case item after a colon ("You can: - ask for a meeting"): an option, not an order."""
    first = next((t for t in verb.sent if not (t.is_punct or t.is_space)), verb)
    if not first.is_lower or first.sent.start == 0:
        return False
    before = [t for t in verb.doc[: first.sent.start] if not t.is_space and t.text not in BULLETS]
    return bool(before) and (before[-1].text in (":", ";", ",") or before[-1].is_lower)


_OPENERS = frozenset(
    {
        "please",
        "do",
        "just",
        "so",
        "and",
        "but",
        "also",
        "then",
        "now",
        "first",
        "n't",
        "not",
        "never",
        "definitely",
        "always",
        "pls",
        "plz",
        "deffo",
        "defo",
        "def",
        "honestly",
        "frankly",
        "personally",
        "seriously",
        "really",
        "dont",
        "-",
        "*",
        "•",
        "–",
        "·",
    }
)


def _opens_sentence(token: Token) -> bool:
    """Only punctuation, "please", "do", a fronted clause or "so" stand before the token.

    "Before you decide anything, have a word with the head" and "..., so lead
    with that" open a clause of their own.
    """
    fronted = {
        t.i for c in token.lefts if c.dep_ in ("advcl", "prep", "npadvmod") for t in c.subtree
    }
    before = [t for t in token.doc[token.sent.start : token.i] if t.i not in fronted]
    if before and before[-1].lower_ in ("so", "then") and token.dep_ != "ROOT":
        return True
    words = [t.lower_ for t in before if not t.is_punct]
    if words[:3] in (["i", "'d", "say"], ["i", "would", "say"], ["i", "’d", "say"]):
        before = before[3:]  # "I'd say don't wait ..."
    return all(t.is_punct or t.is_space or t.lower_ in _OPENERS for t in before)


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


def is_party_or_decision(token: Token | None, ctx: Context) -> bool:
    """A party, or a party's decision or conduct ("the decision", "their response")."""
    if token is None:
        return False
    if is_party(token, ctx):
        return True
    if token.lemma_.lower() not in ctx.words("decision_nouns"):
        return False
    # "your decision" is the parent's: judging it is judging-decision, not taking sides
    return not any(c.lower_ in ("your", "my", "our") for c in token.children if c.dep_ == "poss")


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
        if _choice_evaluated(noun):
            return False  # "Turning it down was the right decision": the parent's choice
        if is_party_or_decision(noun, ctx) and noun.lower_ not in ("they", "them", "she", "he"):
            return True
        if noun.dep_ in ("attr", "acomp") and noun.head.pos_ in ("VERB", "AUX"):
            subj = subject(noun.head)  # "The team are lovely people"
            if is_party_or_decision(subj, ctx) and lower(subj) not in ("you", "i", "we", "it"):
                return True
        return noun.lemma_ in ("job", "work") and is_party_or_decision(subject(noun.head), ctx)
    if word.dep_ in ("acomp", "attr", "oprd", "xcomp", "advmod", "ccomp", "dobj", "conj"):
        verb = word.head
        while verb.dep_ == "conj" and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if _choice_evaluated(word) or _addressee(subject(verb)):
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


def _choice_evaluated(token: Token) -> bool:
    """A predicate whose subject is a course of action: "Pulling her out ... was the right call"."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if token.i != verb.i and token.dep_ not in ("attr", "acomp", "oprd") and token.head.i != verb.i:
        return False
    subj = subject(verb)
    if subj is not None and _gerund_like(subj):
        return True
    return _opens_with_gerund(verb)


_OBJECT_OF = {"he": "him", "she": "her", "they": "them"}


def _addressee(subj: Token | None) -> bool:
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


_PROCESS_HOPE = re.compile(
    r"\b(quick|quickly|soon|smoothly|on time|in time|promptly|swiftly|fast)\b"
)


@check("welcomes-party-outcome")
def welcomes_party_outcome(span: Span, ctx: Context) -> bool:
    """The welcome or hope is about a party's decision or a contested outcome."""
    hope = re.search(r"\b(luck|fingers|crossed|hope)\b", span.text.lower())
    if hope and _PROCESS_HOPE.search(span.sent.text.lower()):
        return False  # "Fingers crossed the reply comes back quick": a process going smoothly
    if span.root.lower_ in ("luck", "fingers") or span.start > 0 and "luck" in span.text.lower():
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


_POSSESSORS = frozenset({"their", "its", "our", "the", "local", "council", "authority", "la"})
_RULE_VERBS = frozenset(
    {"be", "say", "state", "require", "mean", "expect", "insist", "set", "specify", "allow", "stop"}
)


@check("local-rule")
def local_rule(span: Span, ctx: Context) -> bool:
    """A policy noun owned by a local party, presented as what decides."""
    noun = span.root
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        return True  # "under their criteria", "under that policy"
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_ == "work":
        return True  # "Marchbury's therapy service works to a rule that ..."
    owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "det")]
    owned = any(
        is_party(owner, ctx) or owner.lower_ in ("their", "its", "local") for owner in owners
    ) or (noun.dep_ == "dobj" and noun.head.lemma_ == "have" and is_party(subject(noun.head), ctx))
    if not owned:
        return False
    head = noun.head
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


_AGAINST_RULE_PREPOSITIONS = frozenset(
    {"by", "with", "through", "over", "above", "below", "beneath", "within", "outside"}
)


_HABIT_ADVERBS = frozenset(
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
    if not is_party(subj, ctx) or lower(subj) in ("you", "i", "we", "he", "she"):
        return False
    if lower(subj) in _NATIONAL_BODIES:
        return False  # the tribunal's or the Ombudsman's practice is not local policy
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "have" in auxes and any(a in ("would", "could", "might", "should") for a in auxes):
        return False  # a counterfactual: "would never have happened if ..."
    if lower(subj) in ("authority", "authorities") and any(a in ("can", "may") for a in auxes):
        return False  # the law's powers: "the local authority can only stop maintaining if ..."
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False  # the practice is itself the condition: "If the governors do not ..."
    if word.lemma_ == "expect" and word.tag_ == "VBN" or _is_deontic(verb):
        return False  # "are expected to", "must": statutory duties
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBD", "VBN", "VBG") and not auxes or any(a.tag_ == "VBD" for a in auxes):
        return False  # what a party did or is doing, not its rule
    text = f" {' '.join(t.lower_ for t in verb.subtree)} "
    has_condition = any(f" {w} " in text for w in _CONDITION_WORDS)
    evidence = any(t.lower_ in ctx.words("evidence_words") for t in verb.sent)
    decision_verbs = ctx.words("decision_verbs")
    deciding = verb.lemma_ in decision_verbs or any(  # "won't authorise" misparsed as an adverb
        c.dep_ == "advmod" and c.lower_ in decision_verbs for c in verb.children
    )
    if word.lower_ in _HABIT_ADVERBS or word.lower_ in ("tend", "tends"):
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


@check("general-advice")
def general_advice(span: Span, ctx: Context) -> bool:
    """A present-tense evaluation with an infinitive ("It's a good idea to ...") is advice."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or after.lower_ not in ("to", "that", "if"):
        return False
    subj = subject(clause_verb(span))
    if subj is not None and subj.lower_ not in _GENERAL_SUBJECTS:
        return False  # "You were spot on to ask", "Going through it ... was the right way to"
    return not past(span, ctx)


_GENERAL_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "one"})


_CHOOSERS = frozenset({"that", "this", "it", "you", "i"})


@check("choice-judged")
def choice_judged(span: Span, ctx: Context) -> bool:
    """What is judged is a choice: a gerund ("Moving schools now"), "that", "you", or "I"."""
    first = span[0].lower_
    if first in ("is", "are", "i"):
        return True
    verb = anchor(span)
    subj = subject(verb)
    if subj is None:
        return False
    if subj.tag_ == "VBG" or subj.dep_ == "csubj" or subj.lower_ in _CHOOSERS:
        return True
    if subj.lower_ == "which" and verb.dep_ == "relcl":
        return _parent_action(verb.head)  # "... saving it for an appeal, which would have wasted"
    return any(t.tag_ == "VBG" for t in subj.subtree)


@check("writer-or-parent-subject")
def writer_or_parent_subject(span: Span, ctx: Context) -> bool:
    """The clause is about the writer or the parent ("Regrettably I cannot attend")."""
    after = span.doc[span.end : span.end + 2].text.lower()
    if after.startswith("for you") or after.startswith("for me"):
        return True
    return lower(subject(anchor(span))) in ("i", "we", "you")


_DEONTIC = frozenset({"must", "should", "ought", "shall"})


_MODIFIER_DEPS = frozenset({"advmod", "prep", "npadvmod", "intj", "meta", "parataxis", "dep"})


def _content_clauses(span: Span) -> list[Token]:
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


def _is_deontic(verb: Token) -> bool:
    if any(c.lower_ in _DEONTIC for c in verb.children if c.dep_ == "aux"):
        return True
    return verb.lemma_ in ("have", "need") and any(c.dep_ == "xcomp" for c in verb.children)


_CHOICE_NOUNS = frozenset({"choice", "decision", "idea", "plan", "move", "call", "option"})


@check("opinion-on-party")
def opinion_on_party(span: Span, ctx: Context) -> bool:
    """The opinion's content judges a party or predicts what a party or process will do."""
    evaluative = ctx.words("evaluative_words")
    if span.root.lemma_ == "strike" and is_party(subject(span.root), ctx):
        return True  # "The officer struck me as someone who ...": a view of the party
    for clause in _content_clauses(span):
        subj = subject(clause)
        if _is_deontic(clause):
            if is_party(subj, ctx) and _modal_perfect(clause):
                return True  # "I think the school should have picked this up": blame
            continue
        verb = clause
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "... is the right call in my book": the call's verb
        if subj is None and verb.i != clause.i:
            subj = subject(verb)
        if subj is not None and _gerund_like(subj):
            continue  # a view on a course of action: judging-decision, not taking sides
        if _option_content(span, clause, subj):
            continue  # "I think going to the governors now is ...", "the GP route will ..."
        if any(c.lower_ in _HABIT_ADVERBS for c in clause.children):
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


_OPTION_NOUNS = frozenset({"route", "option", "path", "avenue"})


def _option_content(span: Span, clause: Token, subj: Token | None) -> bool:
    """The opinion is about an option the parent is weighing, not about a party."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "VBG" and after.pos_ == "VERB":
        return True  # the content clause opens with a gerund
    if clause.lemma_ == "suit":
        return True  # "the college would suit him better": how an option fits the child
    if subj is None or subj.lemma_ not in _OPTION_NOUNS:
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


@check("choice-subject")
def choice_subject(span: Span, ctx: Context) -> bool:
    """What is evaluated is a course of action: a gerund or "your decision/choice"."""
    word = span[-1]
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subj = subject(verb)
    misparsed = subj is None or subj.pos_ == "PROPN" or subj.lower_ in _TIME_WORDS
    if misparsed and any(t.tag_ == "VBG" and t.i < verb.i for t in verb.sent):
        return True  # a misparsed gerund subject: "dropping out before Christmas would be ..."
    if _opens_with_gerund(verb):
        return True  # "Going through it paragraph by paragraph ... was exactly the right way"
    if subj is not None and subj.lower_ == "which" and verb.dep_ == "relcl":
        return _parent_action(verb.head)  # "you've started keeping a log, which is right"
    if subj is None:
        return _your_decision_before(verb)  # a misparsed "Your decision to ... was the right one"
    if _gerund_like(subj):
        return True
    if is_party(subj, ctx):
        return False
    if subj.lemma_ in (
        "decision",
        "choice",
        "plan",
        "idea",
        "approach",
        "instinct",
        "move",
        "call",
    ):
        # "your decision", "Ava's instinct to wait" (after 16 the young person decides)
        return any(
            c.lower_ in ("your", "the", "his", "her", "their") or c.dep_ == "poss"
            for c in subj.children
        )
    if subj.lower_ in ("that", "this"):  # "That was exactly the right instinct"
        if any(t.lemma_ in _CHOICE_PREDICATES for t in verb.subtree if t.i > verb.i):
            return True
        # "I think that would muddy the waters": a would-be option and its consequence
        hypothetical = any(c.lower_ in ("would", "'d", "\u2019d") for c in verb.children)
        return hypothetical and any(t.lemma_ in _CONSEQUENCES for t in verb.subtree)
    return False


def _your_decision_before(verb: Token) -> bool:
    """ "Your decision/choice/plan" opens the sentence and is some verb's subject."""
    return any(
        t.lemma_ in ("decision", "choice", "plan")
        and t.dep_ == "nsubj"
        and t.i < verb.i
        and any(c.lower_ == "your" for c in t.children)
        for t in verb.sent
    )


def _opens_with_gerund(verb: Token) -> bool:
    """The sentence opens with a gerund before the verb: a course of action is its subject.

    A fronted "In my view," or "Honestly," and an "I think (that)" come first.
    """
    tokens = [t for t in verb.sent if not t.is_space and t.i < verb.i]
    start = next((k + 1 for k, t in enumerate(tokens[:6]) if t.text == ","), 0)
    lead = [t.lower_ for t in tokens[start : start + 3]]
    if len(lead) > 1 and lead[0] == "i" and lead[1] in _STANCE_VERBS:
        start += 3 if lead[2:] == ["that"] else 2
    words = [t for t in tokens[start:] if not t.is_punct]
    return bool(words) and _gerund_like(words[0]) and words[0].dep_ in ("csubj", "advcl", "nsubj")


_STANCE_VERBS = frozenset({"think", "believe", "reckon", "feel", "suspect", "guess"})


def _gerund_like(token: Token) -> bool:
    """A gerund, or an opening "-ing" word tagged as a name ("Appealing is ...")."""
    if token.tag_ == "VBG" or token.dep_ == "csubj":
        return True
    first = all(t.is_punct or t.is_space for t in token.sent if t.i < token.i)
    return (
        first
        and token.lower_.endswith("ing")
        and token.pos_ in ("PROPN", "NOUN")
        and not any(c.dep_ in ("det", "poss", "compound") for c in token.children)
    )


def _parent_action(token: Token) -> bool:
    """The token belongs to something the parent does or did ("you've started keeping a log")."""
    while True:
        if token.tag_ == "VBG" and token.pos_ == "VERB":
            return True
        if token.pos_ in ("VERB", "AUX") and lower(subject(token)) == "you":
            return True
        if token.head.i == token.i:
            return False
        token = token.head


_CONCESSIVE = frozenset({"but", "although", "though", "however", "yet"})
_RESPECT = re.compile(r"\b(your (own )?(decision|choice|call)|up to you|whatever you|you decide)\b")


@check("concessive-downside")
def concessive_downside(span: Span, ctx: Context) -> bool:
    """ "I can see why you ..., but <a downside>": a concession that turns against the choice.

    Not when the turn respects the choice ("but it is your decision") or states what a
    party or the writer does ("but the council has six weeks to reply").
    """
    sent = span.sent
    turn = next((t for t in sent if t.i >= span.end and t.lower_ in _CONCESSIVE), None)
    if turn is None:
        return False
    rest = ctx.doc[turn.i + 1 : sent.end]
    if _RESPECT.search(rest.text.lower().replace("\u2019", "'")):
        return False
    heads = [
        t for t in rest if t.pos_ in ("VERB", "AUX") and not (rest.start <= t.head.i < rest.end)
    ]
    if not heads:
        return bool(rest.text.strip(" .!?"))
    subj = subject(heads[0])
    hedged = any(
        c.lower_ in ("would", "'d", "\u2019d", "might", "could") for c in heads[0].children
    )
    if subj is not None and subj.lower_ in ("i", "we") and not hedged:
        return False  # "but I can send you the factsheet"
    return not (is_party(subj, ctx) and subj.lower_ not in ("it", "that", "this") and not hedged)


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


_GAIN_VERBS = frozenset({"add", "help", "achieve", "gain", "get", "work", "change", "improve"})
_GAIN_OBJECTS = frozenset({"much", "anything", "difference", "lot"})
_INFORMATION_VERBS = frozenset({"need", "have", "be", "hear", "receive", "know", "qualify"})


@check("doubts-choice")
def doubts_choice(span: Span, ctx: Context) -> bool:
    """A doubt aimed at the parent's option, not at a party or a fact.

    "I'm not sure waiting gets you anything", "I don't think you'd manage ...",
    "I'm not convinced a letter adds much"; not "I don't think you'd need to pay".
    """
    after = [t for t in span.doc[span.end : span.sent.end] if t.lower_ != "that"][:1]
    if after and after[0].tag_ == "VBG":
        return True  # the doubted thing is a course of action
    for clause in _content_clauses(span):
        subj = subject(clause)
        if subj is not None and _gerund_like(subj):
            return True
        if clause.lemma_ == "be" and subj is not None and not is_party_or_decision(subj, ctx):
            verdicts = ctx.words("choice_evaluations")
            if any(c.dep_ in ("attr", "acomp") and c.lower_ in verdicts for c in clause.children):
                return True  # "I don't think home education is the answer for her"
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children)
        if passive or clause.lemma_ in _INFORMATION_VERBS:
            continue
        hedged = any(c.lower_ in ("would", "'d", "\u2019d", "could") for c in clause.children)
        if lower(subj) == "you" and hedged:
            return True  # "I don't think you'd manage the therapy side at home"
        if clause.lemma_ in _GAIN_VERBS and any(t.lower_ in _GAIN_OBJECTS for t in clause.children):
            return True  # "... adds much", "... gets you anything"
    return False


_CHOICE_PREDICATES = frozenset(
    {
        "stop-gap",
        "stopgap",
        "gap",
        "compromise",
        "solution",
        "course",
        "instinct",
        "move",
        "call",
        "choice",
        "decision",
        "idea",
        "approach",
        "way",
        "plan",
        "step",
        "route",
        "option",
        "thing",
    }
)


# Consequences that judge a would-be option ("that would muddy the waters").
_CONSEQUENCES = frozenset(
    {
        "muddy",
        "hook",
        "harm",
        "backfire",
        "undo",
        "undermine",
        "waste",
        "regret",
        "shame",
        "nightmare",
        "mistake",
        "disaster",
        "likely",
        "harder",
        "worse",
        "risk",
        "setback",
    }
)


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


@check("reported-commitment")
def reported_commitment(span: Span, ctx: Context) -> bool:
    """ "We agreed I would ring ...", "I said I'd send ...": the writer's own undertaking."""
    verb = anchor(span)
    head = verb.head
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.lemma_ in ctx.words("action_verbs")
        and head.lemma_ in ("agree", "promise", "say", "offer", "decide", "arrange", "explain")
        and lower(subject(head)) in ("i", "we")
    )


@check("suggests-by-question")
def suggests_by_question(span: Span, ctx: Context) -> bool:
    """A negative or comparative question about the parent's options: "Wouldn't X be safer?"."""
    text = span.sent.text.strip().lower()
    if not text.endswith("?") or re.search(r"\b(for you|suit you|if we|if i)\b", text):
        return False
    if re.search(r"\bif (the|they|it|he|she)\b.*\b(had|have)\b", text):
        return False  # "... if the school had acted sooner?": a regret, not a suggestion
    first = text.split()[0]
    return first in ("wouldn't", "wouldnt", "isn't", "isnt") or " not " in f" {text} "[:40]


@check("thanks-for-asking")
def thanks_for_asking(span: Span, ctx: Context) -> bool:
    """ "Thank you for asking me to explain ...": the parent's own request."""
    return any(t.lemma_ in ("thank", "thanks") for t in span[0].ancestors) or (
        span.sent.text.lower().lstrip().startswith(("thank you", "thanks"))
    )


@check("parent-told-to-act")
def parent_told_to_act(span: Span, ctx: Context) -> bool:
    """ "Have a word with the SENCO": the parent is told to act (directive), not the writer.

    "Leave it with me" is an imperative too, but hands the matter to the writer.
    """
    return imperative(span, ctx) and not any(t.lower_ in ("me", "us") for t in span)


@check("choice-judged-here")
def choice_judged_here(span: Span, ctx: Context) -> bool:
    """The sentence already judges the parent's choice: its view is of the option, not a party."""
    sent = span.sent
    return any(
        f.label_ == "judging-decision" and sent.start <= f.start < sent.end for f in ctx.findings
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


@check("about-a-party")
def about_a_party(span: Span, ctx: Context) -> bool:
    """The rest of the sentence speaks about a party: the school, the council, the SENCO."""
    rest = [t for t in span.sent if t.i >= span.end or t.i < span.start]
    return any(is_party_or_decision(t, ctx) for t in rest if t.pos_ in ("NOUN", "PROPN", "PRON"))


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
    return modal and is_party(subject(root), ctx)


_PARENT_OPTION = re.compile(
    r"\b(you (can|may|could|have the right|are entitled|do not have to|don't have to)"
    r"|whatever you decide)\b"
)


@check("parent-option")
def parent_option(span: Span, ctx: Context) -> bool:
    """The sentence sets out the parent's options or rights."""
    return bool(_PARENT_OPTION.search(span.sent.text.lower().replace("\u2019", "'")))


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
