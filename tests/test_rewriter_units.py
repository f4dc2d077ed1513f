"""The rewriter's parts: edits, parse helpers, the statutes, the component's contract."""

from __future__ import annotations

import tomllib

import pytest
import spacy

from advicelint.detection import SPANS_KEY, bundled_rules
from advicelint.detection.rules import lexicon_dir
from advicelint.findings import findings_from_doc
from advicelint.fixing import fix_text
from advicelint.pipeline import default_model
from advicelint.rewriter import bundled_statutes, match_statute
from advicelint.rewriter.clauses import inflect, negate, verb_group
from advicelint.rewriter.edits import Edit, capitalise, render, tidy
from advicelint.rewriter.sentence import trim

# --- edits -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parse():
    """The bare English model: parses without advicelint's components."""
    return spacy.load(default_model(), exclude=["ner"])


def test_render_deletes_with_the_comma_and_recapitalises(parse):
    doc = parse("Regrettably, the panel refused.")
    assert render(doc[:], [Edit(0, 2, "")]) == "The panel refused."


def test_render_inserts_and_keeps_spacing(parse):
    doc = parse("Ask for a copy.")
    assert render(doc[:], [Edit(0, 0, "you may wish to "), Edit(0, 1, "ask")]) == (
        "You may wish to ask for a copy."
    )


def test_render_adds_a_space_after_a_contraction(parse):
    doc = parse("You'll have to agree.")
    # "'ll have to" replaced: the new words must not run into "You"
    assert render(doc[:], [Edit(1, 4, "may wish to")]) == "You may wish to agree."


def test_tidy_and_capitalise():
    assert tidy("as the school said , it is") == "as the school said, it is"
    assert tidy("a  b ,.") == "a b."
    assert capitalise("- you may") == "- You may"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "You should put it in writing.",
            "You may wish to put it in writing.",
            (4, 10, "may wish to"),
        ),
        ("The council has finally agreed.", "The council has agreed.", (16, 31, "agreed.")),
        ("Same.", "Same.", None),
    ],
)
def test_trim_replaces_whole_words_only(old, new, expected):
    assert trim(old, new) == expected
    if expected:
        start, end, replacement = expected
        assert old[:start] + replacement + old[end:] == new


# --- clauses -------------------------------------------------------------------------------


def test_inflection_comes_from_lemminflect():
    assert inflect("ask", "VBG") == "asking"
    assert inflect("keep", "VBD") == "kept"
    assert inflect("stand", "VBD") == "stood"


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("The school has done enough.", "done", "The school has not done enough."),
        ("Home education is the answer.", "is", "Home education is not the answer."),
        ("The report covers his needs.", "covers", "The report does not cover his needs."),
        ("You'd manage the therapy.", "manage", "You would not manage the therapy."),
        ("The tribunal didn't order it.", "order", "The tribunal did order it."),
    ],
)
def test_negate(parse, sentence, verb, expected):
    doc = parse(sentence)
    token = next(t for t in doc if t.text == verb)
    assert render(doc[:], negate(token)) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "tense", "modal"),
    [
        ("I'll ring the school.", "ring", "future", "will"),
        ("I have emailed the SENCO.", "emailed", "perfect", None),
        ("I rang the school.", "rang", "past", None),
        ("I would ask for a meeting.", "ask", "conditional", "would"),
    ],
)
def test_verb_group(parse, sentence, verb, tense, modal):
    doc = parse(sentence)
    group = verb_group(next(t for t in doc if t.text == verb))
    assert (group.tense, group.modal) == (tense, modal)
    assert group.subject is not None and group.subject.lower_ == "i"


# --- the statutes -------------------------------------------------------------------------------


def test_rewording_files_are_not_rule_files():
    for name in ("rewordings.toml", "statutes.toml"):
        with (lexicon_dir() / name).open("rb") as handle:
            assert "category" not in tomllib.load(handle)


def test_statutes_are_complete_and_cited():
    statutes = bundled_statutes()
    assert len({s.id for s in statutes}) == len(statutes)
    for statute in statutes:
        assert statute.triggers and statute.sentence.endswith(".") and statute.reference
        assert all(t == t.lower() for t in (*statute.triggers, *statute.weak))
    topics = {s.id for s in statutes}
    assert {
        "ehc-needs-assessment-test",
        "assessment-timescales",
        "tribunal-appeal",
        "mediation-certificate",
        "annual-review",
        "school-named",
        "personal-budget",
        "home-to-school-transport",
        "section-f-specific",
    } <= topics


def test_statutory_sentences_are_not_flagged(nlp):
    for statute in bundled_statutes():
        doc = nlp(statute.sentence)
        assert list(doc.spans[SPANS_KEY]) == [], (statute.id, list(doc.spans[SPANS_KEY]))


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        (
            "The council's policy is that pupils need a diagnosis first.",
            "ehc-needs-assessment-test",
        ),
        (
            "Eastmoor only funds transport if the school is over three miles away.",
            "home-to-school-transport",
        ),
        ("The panel never names an independent school for a primary child.", "school-named"),
        ("The council only pays direct payments to parents who use its list.", "personal-budget"),
        (
            "The panel only agrees to speech and language therapy for pupils under 11.",
            "health-provision-that-educates",
        ),
        ("Round here the panel sits every other Wednesday.", None),
        (  # another kind of assessment
            "Thornbury never lets parents see the risk assessment until after the meeting.",
            None,
        ),
        (
            "The council won't do a risk assessment or an EHC needs assessment before Year 2.",
            "ehc-needs-assessment-test",
        ),
        (
            "The council takes longer than the 20 weeks to finalise a plan.",
            "assessment-timescales",
        ),
        (  # a period of weeks is not the assessment's time limit
            "Fernleigh never lets pupils back full time until they have had six weeks "
            "without an incident.",
            None,
        ),
    ],
)
def test_statute_topics(parse, sentence, topic):
    found = match_statute(parse(sentence)[:], bundled_statutes())
    assert (found.id if found else None) == topic


def test_local_policy_on_an_unknown_topic_says_what_to_cite(nlp):
    doc = nlp("It is the authority's policy to refuse the first request.")
    findings = [f for f in findings_from_doc(doc) if f.category == "local-policy"]
    if not findings:
        pytest.skip("the detector no longer flags this sentence")
    assert not findings[0].suggestions
    assert "Cite the statutory test instead" in findings[0].message


# --- the component's contract -------------------------------------------------------------------


def test_rewriter_runs_last_after_the_detector_and_classifier(nlp):
    names = nlp.pipe_names
    assert names[-3:] == ["advicelint", "advicelint_classifier", "advicelint_rewriter"]


def test_suggestions_are_valid_offsets_into_the_text(nlp):
    text = (
        "Dear Ms Shah,\n\nI think you should appeal. Don't sign the new timetable.\n"
        "I'll ring the school for you. That would be a mistake.\n"
    )
    doc = nlp(text)
    findings = findings_from_doc(doc)
    assert findings
    for finding in findings:
        for s in finding.suggestions:
            assert 0 <= s.start <= s.end <= len(text)
            assert isinstance(s.safe, bool) and isinstance(s.replacement, str)


def test_a_sentence_with_several_findings_gets_one_fix_for_all(nlp):
    doc = nlp("I think you should appeal.")
    findings = findings_from_doc(doc)
    categories = {f.category for f in findings}
    if categories != {"personal-opinion", "directive"}:
        pytest.skip("the detector flags this sentence differently now")
    first = {(s.start, s.end, s.replacement) for f in findings for s in f.suggestions[:1]}
    assert len(first) == 1, "each finding should offer the same sentence-level fix first"
    assert fix_text(doc.text, findings).text == "You may wish to appeal."


def test_every_match_example_rewords_clean_of_its_category(nlp):
    """For each rule's own examples: an applied suggestion leaves no finding of the category."""
    for rule in bundled_rules():
        for sentence in rule.match:
            doc = nlp(sentence)
            findings = findings_from_doc(doc)
            result = fix_text(sentence, findings, safe_only=False)
            if not result.applied:
                continue
            fixed = {f.category for change in result.applied for f in change.findings}
            reworded = nlp(result.text)
            after = {s.label_ for s in reworded.spans[SPANS_KEY]}
            assert not fixed & after, (rule.id, sentence, result.text, fixed & after)
