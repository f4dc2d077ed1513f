"""Regression gate: detection on the held-out corpus part must not fall back.

The recorded figures live in ``corpus/heldout-scores.json``; refresh them after
an improvement with::

    advicelint eval corpus/letters/test --save-scores corpus/heldout-scores.json
"""

from __future__ import annotations

import json

import pytest
from helpers import CORPUS, REPO

from advicelint.detection import CATEGORIES
from advicelint.evaluation import evaluate, find_letters, load_letter

TOLERANCE = 0.02


@pytest.fixture(scope="module")
def heldout(nlp_detection):
    letters = [load_letter(p) for p in find_letters(CORPUS / "test")]
    return evaluate(nlp_detection, letters).scores_summary()


@pytest.fixture(scope="module")
def recorded():
    return json.loads((REPO / "corpus" / "heldout-scores.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("category", CATEGORIES)
def test_f1_does_not_drop(heldout, recorded, category):
    assert heldout["f1"][category] >= recorded["f1"][category] - TOLERANCE, (
        f"{category}: F1 {heldout['f1'][category]:.3f} on the held-out part, "
        f"recorded {recorded['f1'][category]:.3f}"
    )


def test_false_alarms_do_not_rise(heldout, recorded):
    assert heldout["clean_flagged_share"] <= recorded["clean_flagged_share"] + 0.01


def test_recorded_figures_are_for_the_whole_heldout_part(heldout, recorded):
    assert heldout["sentences"] == recorded["sentences"]


def test_eval_command(runner, tmp_path):
    from advicelint.cli import main

    (tmp_path / "L900.txt").write_text(
        "Dear Ms Bell,\nYou should appeal. The council must reply within six weeks.\n",
        encoding="utf-8",
    )
    (tmp_path / "L900.labels.jsonl").write_text(
        '{"text": "Dear Ms Bell,", "labels": []}\n'
        '{"text": "You should appeal.", "labels": ["directive"]}\n'
        '{"text": "The council must reply within six weeks.", "labels": ["local-policy"]}\n',
        encoding="utf-8",
    )
    scores = tmp_path / "scores.json"
    result = runner.invoke(main, ["eval", str(tmp_path), "--save-scores", str(scores)])
    assert result.exit_code == 0, result.output
    assert "3 sentences in 1 letters" in result.output
    assert "predicted=none" in result.output  # the deliberately wrong label is listed
    data = json.loads(runner.invoke(main, ["eval", "--format", "json", str(tmp_path)]).output)
    assert data["categories"]["directive"]["f1"] == 1.0
    assert data["categories"]["local-policy"]["recall"] == 0.0
    assert json.loads(scores.read_text())["f1"]["directive"] == 1.0


def test_eval_reports_bad_labels(runner, tmp_path):
    from advicelint.cli import main

    (tmp_path / "L901.txt").write_text("Hello.\n", encoding="utf-8")
    (tmp_path / "L901.labels.jsonl").write_text('{"text": "Goodbye.", "labels": []}\n')
    result = runner.invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "L901.labels.jsonl:1: sentence not found" in result.output
