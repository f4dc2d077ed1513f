"""Every rewording strategy's examples (lexicons/rewordings.toml), before -> after.

Each example must still be flagged by a rule that uses the strategy: an
example the detector no longer reaches tests nothing, so it fails and must be
replaced.
"""

from __future__ import annotations

import pytest

from advicelint.detection import bundled_rules
from advicelint.findings import findings_from_doc
from advicelint.fixing import fix_text
from advicelint.rewriter import STRATEGIES, bundled_rewordings

EXAMPLES = bundled_rewordings().examples
STRATEGY_NAMES = sorted({rule.strategy for rule in bundled_rules()})


def _rules_of(strategy: str) -> set[str]:
    return {rule.id for rule in bundled_rules() if rule.strategy == strategy}


@pytest.mark.parametrize("name", STRATEGY_NAMES)
def test_every_strategy_in_the_rules_is_implemented_and_has_examples(name):
    assert name in STRATEGIES, f"no rewording strategy registered as {name!r}"
    assert any(e.strategy == name for e in EXAMPLES), f"no examples for {name!r}"


def test_examples_only_name_known_strategies():
    assert {e.strategy for e in EXAMPLES} <= set(STRATEGIES)


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(
            e,
            id=f"{e.strategy}:{e.before[:40]}",
            marks=[pytest.mark.xfail(strict=True, reason=e.known_issue)] if e.known_issue else [],
        )
        for e in EXAMPLES
    ],
)
def test_example(nlp, example):
    doc = nlp(example.before)
    findings = findings_from_doc(doc, every_rule=True)
    own = [f for f in findings if f.rule in _rules_of(example.strategy)]
    assert own, f"no rule with strategy {example.strategy} flags this example any more"
    result = fix_text(example.before, findings, safe_only=False)
    if example.after is None:
        assert all(not f.suggestions for f in own), [f.suggestions for f in own]
        assert all(f.message for f in own)
        return
    assert result.text == example.after
    if example.safe is not None:
        assert own[0].suggestions[0].safe is example.safe
