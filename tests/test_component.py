"""advicelint as spaCy components: in anyone's pipeline, serialised, in parallel."""

from __future__ import annotations

from importlib.metadata import entry_points

import spacy
from spacy import displacy
from spacy.tokens import Doc, DocBin

from advicelint.pipeline import UNUSED_COMPONENTS, default_model

SENTENCE = "I think you should appeal. The local authority must respond within six weeks."


def test_factories_are_exposed_as_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    if not names >= {"advicelint", "advicelint_lines"}:
        import pytest

        pytest.skip("advicelint is not installed (entry points come from the installed package)")
    assert names >= {"advicelint", "advicelint_lines"}


def test_add_pipe_to_a_plain_model():
    nlp = spacy.load(default_model(), exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("advicelint")
    doc = nlp(SENTENCE)
    spans = list(doc.spans["advicelint"])
    assert {(s.label_, s.text) for s in spans} == {
        ("personal-opinion", "I think"),
        ("directive", "you should"),
    }
    directive = next(s for s in spans if s.label_ == "directive")
    assert directive._.rule_id == "D101"
    assert directive._.category == "directive"
    assert directive._.severity == "error"
    assert "should" in directive._.message
    assert directive._.why
    assert isinstance(directive._.suggestions, list)


def test_component_metadata(nlp):
    meta = nlp.get_pipe_meta("advicelint")
    assert "doc.spans" in meta.assigns
    assert "token.dep" in meta.requires
    assert nlp.pipe_names.index("advicelint_lines") < nlp.pipe_names.index("parser")
    assert "ner" not in nlp.pipe_names


def test_overlapping_findings_live_in_a_span_group_not_ents(nlp):
    doc = nlp("I think you should appeal.")
    assert len(doc.spans["advicelint"]) == 2
    assert not doc.ents


def test_select_and_ignore_in_config():
    nlp = spacy.load(default_model(), exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("advicelint", config={"select": ["personal-opinion"]})
    doc = nlp("I think you should appeal.")
    assert {s.label_ for s in doc.spans["advicelint"]} == {"personal-opinion"}


def test_findings_survive_serialisation(nlp):
    doc = nlp(SENTENCE)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [
        (s.text, s.label_, s._.rule_id, s._.severity) for s in restored.spans["advicelint"]
    ] == [(s.text, s.label_, s._.rule_id, s._.severity) for s in doc.spans["advicelint"]]
    store = DocBin(store_user_data=True, docs=[doc])
    (again,) = store.get_docs(nlp.vocab)
    assert {s._.rule_id for s in again.spans["advicelint"]} == {"O501", "D101"}


def test_pipe_with_two_processes(nlp):
    texts = [SENTENCE, "Don't sign the agreement.", "Please contact me."] * 2
    serial = [[(s.text, s._.rule_id) for s in d.spans["advicelint"]] for d in nlp.pipe(texts)]
    parallel = [
        [(s.text, s._.rule_id) for s in d.spans["advicelint"]]
        for d in nlp.pipe(texts, n_process=2, batch_size=2)
    ]
    assert parallel == serial
    assert serial[1] == [("Don't sign", "D103")] and serial[2] == []


def test_displacy_renders_the_span_group(nlp):
    html = displacy.render(nlp(SENTENCE), style="span", options={"spans_key": "advicelint"})
    assert "personal-opinion" in html and "directive" in html


def test_line_breaks_end_sentences(nlp):
    doc = nlp("Dear Mrs Khan,\nAsk the SENCO for the plan.\nKind regards")
    assert [s.text.strip() for s in doc.sents] == [
        "Dear Mrs Khan,",
        "Ask the SENCO for the plan.",
        "Kind regards",
    ]
    wrapped = nlp("The council must decide within six weeks of\nreceiving your request.")
    assert len(list(wrapped.sents)) == 1


def test_verb_lemmas_the_lemmatizer_misses_are_repaired(nlp):
    doc = nlp("After the call, I rang the school and texted the SENCO.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["rang"] == "ring"
    assert lemmas["texted"] == "text"
    assert {s.label_ for s in doc.spans["advicelint"]} == {"acting-on-behalf"}


def test_known_lemmas_are_left_alone():
    from advicelint.detection.lemmas import better_lemma

    assert better_lemma("authorised", "authorise") is None
    assert better_lemma("rang", "rang") == "ring"


def test_a_doubt_about_a_clause_without_a_subject_does_not_crash(nlp):
    """Found on unseen letters: a doubted clause whose subject the parser left out."""
    text = (
        "Wrightsmoor's home education team asks families to send in a written education "
        "plan within four weeks, and it treats anyone who doesn't as not providing a "
        "suitable education.\n\nPlease don't rush the deregistration letter. Deregistering "
        "in the middle of a bad patch of anxiety is a bit like selling the house because "
        "the boiler's broken. Personally, I'm not convinced home education would get to "
        "the root of what is making Zofia so anxious."
    )
    doc = nlp(text)
    labels = {span.label_ for span in doc.spans["advicelint"]}
    assert {"directive", "personal-opinion"} <= labels
