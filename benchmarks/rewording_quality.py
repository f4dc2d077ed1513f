"""How good are advicelint's rewordings on the corpus letters? (A measurement, not a test.)

Prints, for the letters under corpus/letters/{dev,test}:

1. coverage: the share of findings that carry at least one suggestion, per
   category and for the four categories the rewriter must cover (directive,
   personal-opinion, judging-decision, acting-on-behalf; target >= 95%);
2. re-lint: every finding's first suggestion is applied to the letter (the
   first of overlapping suggestions wins), the letter is linted again, and a
   reworded sentence is clean if the new text carries no finding of a category
   it fixed (target >= 90%); also the share marked safe;
3. a sample of before/after pairs drawn with random.Random(2026), to read and
   judge by hand: from the dev letters only, so that the held-out test letters
   stay unread (corpus/README.md).

Run from the repository root:

    PYTHONPATH=. python benchmarks/rewording_quality.py [--letters L001-L063] [--sample 20]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from advicelint.detection import CATEGORIES  # noqa: E402
from advicelint.findings import Finding, findings_from_doc  # noqa: E402
from advicelint.fixing import choose  # noqa: E402
from advicelint.fixing import relint as relint_changes  # noqa: E402
from advicelint.pipeline import load_pipeline  # noqa: E402

TARGETED = ("directive", "personal-opinion", "judging-decision", "acting-on-behalf")
SEED = 2026


def letters(selection: str | None) -> list[Path]:
    paths = sorted((REPO / "corpus" / "letters").glob("*/*.txt"))
    if not selection:
        return paths
    low, high = selection.split("-")
    return [p for p in paths if low <= p.stem <= high]


def coverage(findings: list[Finding]) -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {}
    for category in CATEGORIES:
        of = [f for f in findings if f.category == category]
        totals[category] = (sum(1 for f in of if f.suggestions), len(of))
    return totals


def relint(nlp, text: str, findings: list[Finding]) -> list[tuple[str, str, bool, bool]]:
    """Apply every finding's first suggestion; per applied change: (before, after, clean, safe)."""
    changes, _ = choose(findings, safe_only=False)
    results = []
    for result in relint_changes(nlp, text, changes):
        change = result.change
        before = sentence(text, change.findings[0])
        after = sentence_after(text, change, before)
        results.append((before, after, not result.left, change.safe))
    return results


def sentence(text: str, finding: Finding) -> str:
    return text[finding.sentence_start : finding.sentence_end].strip()


def sentence_after(text: str, change, before: str) -> str:
    f = change.findings[0]
    lo, hi = min(f.sentence_start, change.start), max(f.sentence_end, change.end)
    return (text[lo : change.start] + change.replacement + text[change.end : hi]).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", help="a range of letter ids, e.g. L001-L063")
    parser.add_argument("--sample", type=int, default=20, help="before/after pairs to print")
    args = parser.parse_args()

    nlp = load_pipeline()
    paths = letters(args.letters)
    started = time.perf_counter()
    all_findings: list[Finding] = []
    checked: list[tuple[str, str, bool, bool]] = []
    pairs: list[tuple[str, str, str, str, bool]] = []
    unclean_dev: list[tuple[str, str, bool, bool]] = []
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for path, text, doc in zip(paths, texts, nlp.pipe(texts), strict=True):
        findings = findings_from_doc(doc)
        all_findings.extend(findings)
        results = relint(nlp, text, findings)
        checked.extend(results)
        if path.parent.name != "test":
            unclean_dev.extend(c for c in results if not c[2])
        seen = set()
        for f in findings:
            if f.suggestions:
                s = f.suggestions[0]
                lo, hi = min(f.sentence_start, s.start), max(f.sentence_end, s.end)
                after = (text[lo : s.start] + s.replacement + text[s.end : hi]).strip()
                key = (f.sentence_start, after)
                if key not in seen and path.parent.name != "test":
                    seen.add(key)
                    pairs.append((path.stem, f.rule, sentence(text, f), after, s.safe))
    elapsed = time.perf_counter() - started

    print(f"{len(paths)} letters, {len(all_findings)} findings, {elapsed:.1f}s\n")
    print(f"{'category':18} {'with suggestion':>16} {'share':>7}")
    table = coverage(all_findings)
    for category, (with_, total) in table.items():
        share = f"{with_ / total:.1%}" if total else "-"
        print(f"{category:18} {with_:>7} / {total:<6} {share:>7}")
    with_ = sum(table[c][0] for c in TARGETED)
    total = sum(table[c][1] for c in TARGETED)
    print(f"{'targeted four':18} {with_:>7} / {total:<6} {with_ / total:>7.1%}   (target >= 95%)")

    clean = sum(1 for c in checked if c[2])
    safe = sum(1 for c in checked if c[3])
    print(
        f"\nre-lint: {clean} / {len(checked)} reworded sentences clean of the category they fix "
        f"({clean / len(checked):.1%}; target >= 90%); "
        f"{safe} marked safe ({safe / len(checked):.1%})"
    )
    for before, after, _, _ in unclean_dev:  # held-out letters stay unread
        print(f"  not clean (dev): {before!r}\n         -> {after!r}")

    print(f"\n{args.sample} before/after pairs from dev letters, random.Random({SEED}):\n")
    rng = random.Random(SEED)
    for n, (letter, rule, before, after, is_safe) in enumerate(
        rng.sample(pairs, min(args.sample, len(pairs))), 1
    ):
        label = "safe" if is_safe else "review"
        print(f"{n:2}. {letter} {rule} ({label})")
        print(f"    before: {collapse(before)}")
        print(f"    after:  {collapse(after)}")
    counts = Counter(p[1][0] for p in pairs)
    print(f"\n{len(pairs)} distinct pairs by rule family: {dict(sorted(counts.items()))}")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text)


if __name__ == "__main__":
    main()
