"""The sentence classifier component: the bundled model, and how its scores become findings.

The logic tests swap the model's scores for fixed ones, so they hold whatever
the trained weights say; the model tests check the bundled weights themselves.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from advicelint.detection.classifier import (
    DISMISSED_KEY,
    ClassifierError,
    SentenceClassifier,
    SentenceModel,
    model_dir,
)
from advicelint.detection.rules import CATEGORIES
from advicelint.pipeline import load_pipeline

D, S, L, A, OP, J = CATEGORIES


class FixedScores:
    """Stands in for the ONNX model: every sentence gets the same scores."""

    def __init__(self, base: SentenceModel, **scores: float) -> None:
        self.categories = base.categories
        self.thresholds = dict(base.thresholds)
        self.dismiss_below = dict(base.dismiss_below)
        self.row = np.array(
            [scores.get(c.replace("-", "_"), 0.5) for c in self.categories], dtype=np.float32
        )
        self.seen: list[str] = []

    def scores(self, text: str) -> np.ndarray:
        self.seen.append(text)
        return self.row


@pytest.fixture
def scored(nlp_rules):
    """Run the rules, then a classifier whose model gives fixed scores."""

    def run(text: str, **scores: float):
        component = SentenceClassifier()
        component.model = FixedScores(component.model, **scores)
        return component(nlp_rules(text)), component.model

    return run


def labels(doc, key="advicelint"):
    return {(span.label_, span.id_) for span in doc.spans[key]}


def test_bundled_model_loads_with_sane_thresholds():
    model = SentenceModel.load(model_dir())
    assert model.categories == CATEGORIES
    for category in CATEGORIES:
        assert 0 <= model.dismiss_below[category] < model.thresholds[category] < 1


def test_scores_are_probabilities_per_category():
    model = SentenceModel.load(model_dir())
    scores = model.scores("Ring the SENCO first thing tomorrow.")
    assert scores.shape == (len(CATEGORIES),)
    assert np.all((scores >= 0) & (scores <= 1))
    np.testing.assert_array_equal(scores, model.scores("Ring the SENCO first thing tomorrow."))


def test_sentences_are_scored_unpadded_and_truncated():
    """Padding to the tokenizer file's 128 tokens made the model five times slower."""
    model = SentenceModel.load(model_dir())
    short = model.tokenizer.encode("Ring the SENCO.")
    assert len(short.ids) == 7 and all(short.attention_mask)  # [CLS] ring the sen ##co . [SEP]
    meta = json.loads((model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert len(model.tokenizer.encode("word " * 500).ids) == meta["max_length"]


def test_a_sure_score_adds_a_finding_the_rules_missed(scored):
    doc, _ = scored("The panel has form with this school.", taking_sides=0.97)
    assert (S, "S290") in labels(doc)
    (span,) = [s for s in doc.spans["advicelint"] if s.id_ == "S290"]
    assert span.text == "The panel has form with this school."


def test_a_score_under_the_threshold_adds_nothing(scored):
    doc, model = scored("The panel has form with this school.", taking_sides=0.55)
    assert not labels(doc)
    assert model.seen == ["The panel has form with this school."]


def test_no_second_finding_where_a_rule_found_the_category(scored):
    doc, _ = scored("You should appeal.", directive=0.99)
    assert [s.id_ for s in doc.spans["advicelint"]] == ["D101"]


def test_a_rule_finding_the_model_rules_out_is_dismissed(scored):
    doc, _ = scored("You should appeal.", directive=0.01)
    assert not labels(doc)
    assert labels(doc, DISMISSED_KEY) == {(D, "D101")}


def test_taking_sides_needs_a_side(scored):
    doc, _ = scored("In my view the law is clear on this point.", taking_sides=0.97)
    assert (S, "S290") not in labels(doc)


def test_the_side_may_be_named_in_the_sentence_before(scored):
    text = "The council has a backlog. It's the sort of excuse that wouldn't wash anywhere else."
    doc, _ = scored(text, taking_sides=0.97)
    found = [s.text for s in doc.spans["advicelint"] if s.id_ == "S290"]
    assert "It's the sort of excuse that wouldn't wash anywhere else." in found


def test_a_side_named_two_sentences_before_does_not_count(scored):
    text = (
        "The council has a backlog. Nobody knows why. "
        "It's the sort of excuse that wouldn't wash anywhere else."
    )
    doc, _ = scored(text, taking_sides=0.97)
    found = [s.text for s in doc.spans["advicelint"] if s.id_ == "S290"]
    assert found == ["The council has a backlog.", "Nobody knows why."]


def test_a_rewording_is_checked_as_if_its_letter_named_the_side(nlp_rules):
    """The rewriter re-checks a sentence alone; in its letter the sentence before may be a side."""
    component = SentenceClassifier()
    component.model = FixedScores(component.model, taking_sides=0.97)
    doc = component.check_rewording(nlp_rules("In my view the law is clear on this point."))
    assert (S, "S290") in labels(doc)


def test_quoted_words_become_notes_not_findings(scored):
    doc, _ = scored('"Round here we never fund a full-time TA."', local_policy=0.9)
    assert not labels(doc)
    assert (L, "L390") in labels(doc, "advicelint_notes")


def test_ignored_classifier_rules_add_nothing(nlp_rules):
    component = SentenceClassifier(ignore=["S290"])
    component.model = FixedScores(component.model, taking_sides=0.99)
    doc = component(nlp_rules("The panel has form with this school."))
    assert not labels(doc)


def test_pipeline_without_classifier(nlp, nlp_rules):
    assert "advicelint_classifier" in nlp.pipe_names
    assert "advicelint_classifier" not in nlp_rules.pipe_names


def test_a_broken_model_folder_is_a_clear_error(tmp_path):
    shutil.copytree(model_dir(), tmp_path / "model")
    (tmp_path / "model" / "model.onnx").write_bytes(b"not a model")
    with pytest.raises(ClassifierError, match="cannot load the sentence classifier"):
        SentenceModel.load(tmp_path / "model")
    (tmp_path / "model" / "meta.json").unlink()
    with pytest.raises(ClassifierError, match="meta.json"):
        SentenceModel.load(tmp_path / "model")


def test_cli_reports_a_broken_model_in_one_line(runner, tmp_path):
    from advicelint.cli import main

    (tmp_path / "model").mkdir()
    (tmp_path / "letter.txt").write_text("You should appeal.\n", encoding="utf-8")
    result = runner.invoke(
        main, ["check", str(tmp_path / "letter.txt"), "--classifier-model", str(tmp_path / "model")]
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot load the sentence classifier" in lines[0]


def test_meta_records_training_on_dev_letters_only():
    meta = json.loads((model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert meta["trained_on"]["corpus"] == "corpus/letters/dev"
    assert meta["categories"] == list(CATEGORIES)


def test_custom_model_folder_is_used(tmp_path):
    shutil.copytree(model_dir(), tmp_path / "model")
    meta_path = tmp_path / "model" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["thresholds"] = {c: 1.01 for c in CATEGORIES}  # nothing can reach it
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    nlp = load_pipeline(suggestions=False, classifier_model=str(tmp_path / "model"))
    component = nlp.get_pipe("advicelint_classifier")
    assert component.model.thresholds[D] == 1.01
