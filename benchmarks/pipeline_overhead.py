"""How much advicelint adds to spaCy's own parse, as ratios within one run.

Baseline: the same English model with the same components excluded, parsing the
corpus letters. Measured on the same letters: detection alone (the pipeline
without the rewriter, as `advicelint check --no-suggestions` runs it) and the
full pipeline with the rewriter. Targets: detection at most 2.0x the parse
(advicelint's own rules cost no more than the parse they depend on), the full
pipeline at most 4.0x (the rewriter re-checks every candidate sentence), and
peak memory at most 1.2x.

    python benchmarks/pipeline_overhead.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import spacy

from advicelint.pipeline import UNUSED_COMPONENTS, default_model, load_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "letters"
DETECTION_TARGET, FULL_TARGET, MEMORY_TARGET = 2.0, 4.0, 1.2


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
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    baseline = spacy.load(default_model(), exclude=list(UNUSED_COMPONENTS))
    base_time, base_memory = _measure(baseline, texts, args.repeat)
    detect_time, _ = _measure(load_pipeline(suggestions=False), texts, args.repeat)
    full_time, full_memory = _measure(load_pipeline(), texts, args.repeat)
    detect_ratio, full_ratio = detect_time / base_time, full_time / base_time
    memory_ratio = full_memory / base_memory
    print(f"{len(texts)} letters, {words} words")
    print(f"baseline (spaCy parse only):  {base_time:.2f} s, peak {base_memory / 1e6:.1f} MB")
    print(f"detection (--no-suggestions): {detect_time:.2f} s")
    print(f"full pipeline (rewordings):   {full_time:.2f} s, peak {full_memory / 1e6:.1f} MB")
    print(f"detection ratio {detect_ratio:.2f} (target <= {DETECTION_TARGET})")
    print(f"full ratio      {full_ratio:.2f} (target <= {FULL_TARGET})")
    print(f"memory ratio    {memory_ratio:.2f} (target <= {MEMORY_TARGET})")
    print(
        f"throughput      {words / detect_time:.0f} words/s detection, "
        f"{words / full_time:.0f} words/s with rewordings"
    )
    met = (
        detect_ratio <= DETECTION_TARGET
        and full_ratio <= FULL_TARGET
        and memory_ratio <= MEMORY_TARGET
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
