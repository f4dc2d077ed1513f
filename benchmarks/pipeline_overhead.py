"""How much advicelint adds to spaCy's own parse, as ratios within one run.

Baseline: the same English model with the same components excluded, parsing the
corpus letters. Measured on the same letters: the phrase rules alone (as
`advicelint check --no-suggestions --no-classifier` runs them), detection (rules
and the sentence classifier, as `--no-suggestions` runs it) and the full
pipeline with the rewriter. Targets: the rules at most 2.0x the parse
(advicelint's own rules cost no more than the parse they depend on), detection
at most DETECTION_TARGET, the full pipeline at most FULL_TARGET (the rewriter
re-checks every candidate sentence, with the classifier too), and peak Python
memory at most 1.2x. onnxruntime's own (native) memory is not seen by
tracemalloc: it is reported as the growth of the process's resident set when
the classifier is loaded and run.

    python benchmarks/pipeline_overhead.py [--repeat 3] [--letters N]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import spacy

from advicelint.pipeline import UNUSED_COMPONENTS, default_model, load_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "letters"
RULES_TARGET, DETECTION_TARGET, FULL_TARGET, MEMORY_TARGET = 2.0, 5.0, 8.0, 1.2


def _resident_mb() -> float:
    """The process's resident set size in MB (Linux; 0 where /proc is absent)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _measure(nlp, texts: list[str], repeat: int) -> tuple[float, int]:
    list(nlp.pipe(texts[:2]))  # warm up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--letters", type=int, default=0, help="only the first N letters")
    args = parser.parse_args()
    paths = sorted(CORPUS.rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths[: args.letters or None]]
    words = sum(len(t.split()) for t in texts)
    baseline = spacy.load(default_model(), exclude=list(UNUSED_COMPONENTS))
    base_time, base_memory = _measure(baseline, texts, args.repeat)
    rules_time, _ = _measure(load_pipeline(suggestions=False, classifier=False), texts, args.repeat)
    before = _resident_mb()
    detection = load_pipeline(suggestions=False)
    detect_time, _ = _measure(detection, texts, args.repeat)
    classifier_mb = _resident_mb() - before
    full_time, full_memory = _measure(load_pipeline(), texts, args.repeat)
    rules_ratio, detect_ratio = rules_time / base_time, detect_time / base_time
    full_ratio, memory_ratio = full_time / base_time, full_memory / base_memory
    print(f"{len(texts)} letters, {words} words")
    print(f"baseline (spaCy parse only):     {base_time:.2f} s, peak {base_memory / 1e6:.1f} MB")
    print(f"rules (--no-classifier):         {rules_time:.2f} s")
    print(f"detection (--no-suggestions):    {detect_time:.2f} s")
    print(f"full pipeline (rewordings):      {full_time:.2f} s, peak {full_memory / 1e6:.1f} MB")
    print(f"rules ratio     {rules_ratio:.2f} (target <= {RULES_TARGET})")
    print(f"detection ratio {detect_ratio:.2f} (target <= {DETECTION_TARGET})")
    print(f"full ratio      {full_ratio:.2f} (target <= {FULL_TARGET})")
    print(f"memory ratio    {memory_ratio:.2f} (target <= {MEMORY_TARGET}; Python allocations)")
    print(f"classifier      +{classifier_mb:.0f} MB resident (loaded and run; native memory)")
    print(
        f"throughput      {words / rules_time:.0f} words/s rules, "
        f"{words / detect_time:.0f} words/s detection, "
        f"{words / full_time:.0f} words/s with rewordings"
    )
    met = (
        rules_ratio <= RULES_TARGET
        and detect_ratio <= DETECTION_TARGET
        and full_ratio <= FULL_TARGET
        and memory_ratio <= MEMORY_TARGET
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
