"""Every rule's own examples: those that must match do, those that must not don't.

LanguageTool's rule files are the model: a rule is only as good as its
examples, and the build fails when one of them does not hold.
"""

from __future__ import annotations

import pytest

from advicelint.detection.checks import CHECKS
from advicelint.detection.rules import (
    CATEGORIES,
    RuleError,
    bundled_rules,
    lexicon_dir,
    load_rules,
    select_rules,
)

RULES = bundled_rules()
EXAMPLES = [
    pytest.param(rule, text, expected, id=f"{rule.id}-{'match' if expected else 'no'}-{i}")
    for rule in RULES
    for expected, texts in ((True, rule.match), (False, rule.no_match))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule", "text", "expected"), EXAMPLES)
def test_rule_example(nlp, nlp_rules, rule, text, expected):
    """A phrase rule's examples hold for the rules alone; a classifier rule's for the model."""
    doc = (nlp if rule.classifier else nlp_rules)(text)
    found = [(span.id_, span.text) for span in doc.spans["advicelint"]]
    assert (rule.id in {rule_id for rule_id, _ in found}) == expected, found


def test_every_category_has_rules():
    assert {rule.category for rule in RULES} == set(CATEGORIES)


def test_rule_records_are_complete():
    for rule in RULES:
        assert rule.match and rule.no_match, rule.id
        assert rule.why.strip() and rule.message and rule.strategy, rule.id
        assert rule.example and rule.use_instead, rule.id
        assert set(rule.when) | set(rule.unless) <= set(CHECKS), rule.id


def test_rule_ids_carry_category_letter():
    letters = {
        "directive": "D",
        "taking-sides": "S",
        "local-policy": "L",
        "acting-on-behalf": "A",
        "personal-opinion": "O",
        "judging-decision": "J",
    }
    for rule in RULES:
        assert rule.id.startswith(letters[rule.category]), rule.id


def test_select_and_ignore():
    directive = select_rules(RULES, select=["directive"])
    assert directive and {r.category for r in directive} == {"directive"}
    assert [r.id for r in select_rules(RULES, select=["D101"])] == ["D101"]
    assert "D101" not in {r.id for r in select_rules(RULES, ignore=["D1"])}
    assert {r.id for r in select_rules(RULES, select=["you-should"])} == {"D101"}


def _write_lexicon(tmp_path, body: str) -> None:
    (tmp_path / "vocabulary.toml").write_text('writer = ["i", "we"]\n', encoding="utf-8")
    (tmp_path / "rules.toml").write_text(body, encoding="utf-8")


GOOD_RULE = """
category = "directive"
[[rules]]
id = "D900"
name = "test-rule"
severity = "error"
message = "m"
why = "w"
strategy = "s"
example = "e"
use_instead = "u"
phrases = ["you ought"]
match = ["You ought to go."]
no_match = ["You may go."]
"""


def test_custom_lexicon_loads(tmp_path):
    _write_lexicon(tmp_path, GOOD_RULE)
    (rule,) = load_rules(tmp_path)
    assert rule.id == "D900" and rule.phrases == ("you ought",)


def test_slotted_phrases_become_token_patterns(tmp_path, nlp):
    """ "~drag <poss> feet" covers every tense and possessive; plain phrases stay phrases."""
    _write_lexicon(
        tmp_path, GOOD_RULE.replace('["you ought"]', '["you ought", "~drag <poss> feet"]')
    )
    (rule,) = load_rules(tmp_path)
    assert rule.phrases == ("you ought",)
    assert rule.patterns == ([{"LEMMA": "drag"}, {"TAG": "PRP$"}, {"LOWER": "feet"}],)
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    matcher.add("slot", list(rule.patterns))
    for text, found in [
        ("The school dragged its feet.", True),
        ("The council is dragging their feet again.", True),
        ("He drags the feet of the chair.", False),
    ]:
        assert bool(matcher(nlp(text))) is found, text


def test_hyphenated_words_in_lists_become_token_sequences(tmp_path, nlp):
    """The tokenizer splits "level-headed"; a one-token slot listing it still matches."""
    rule_text = GOOD_RULE.replace(
        'phrases = ["you ought"]',
        'patterns = [[{LOWER = "a"}, {LOWER = {IN = ["sensible", "level-headed"]}}]]',
    )
    _write_lexicon(tmp_path, rule_text)
    (rule,) = load_rules(tmp_path)
    assert [{"LOWER": "a"}, {"LOWER": "level"}, {"ORTH": "-"}, {"LOWER": "headed"}] in rule.patterns
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    matcher.add("hyphen", list(rule.patterns))
    assert matcher(nlp("That is a level-headed plan.")) and matcher(nlp("A sensible plan."))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('["you ought"]', '["you <who> ought"]'), "unknown slot <who>"),
        (('["you ought"]', '["~can\'t <poss> feet"]'), "no apostrophes"),
        (('category = "directive"', 'category = "rudeness"'), "category must be one of"),
        (('severity = "error"', 'severity = "fatal"'), "severity must be one of"),
        (('no_match = ["You may go."]', ""), "must not match"),
        (('phrases = ["you ought"]', 'patterns = [[{LOWER = {IN = "@nowhere"}}]]'), "@nowhere"),
        (('why = "w"', ""), "missing why"),
        (('phrases = ["you ought"]', ""), "needs patterns or phrases"),
        (('phrases = ["you ought"]', 'classifier = "yes"'), "classifier must be true or false"),
        (
            ('phrases = ["you ought"]', 'classifier = true\nphrases = ["you ought"]'),
            "a classifier rule takes no patterns",
        ),
    ],
)
def test_invalid_lexicon_is_refused(tmp_path, change, message):
    _write_lexicon(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(RuleError, match=message):
        load_rules(tmp_path)


def test_classifier_rule_needs_no_patterns(tmp_path):
    _write_lexicon(tmp_path, GOOD_RULE.replace('phrases = ["you ought"]', "classifier = true"))
    (rule,) = load_rules(tmp_path)
    assert rule.classifier and not rule.patterns and not rule.phrases


def test_every_category_has_one_classifier_rule():
    assert sorted(r.category for r in RULES if r.classifier) == sorted(CATEGORIES)


def test_duplicate_rule_ids_are_refused(tmp_path):
    _write_lexicon(tmp_path, GOOD_RULE + GOOD_RULE.replace('category = "directive"', ""))
    with pytest.raises(RuleError, match="also used"):
        load_rules(tmp_path)


def test_bundled_lexicon_is_package_data():
    """Installed, the lexicons live inside the package, never in a source tree."""
    from pathlib import Path

    import advicelint

    package = Path(advicelint.__file__).resolve().parent
    if (package.parent / "setup.cfg").exists():
        pytest.skip("advicelint is imported from a source checkout, not an installed package")
    assert lexicon_dir().resolve() == package / "lexicons"
    assert (package / "lexicons" / "directive.toml").is_file()
