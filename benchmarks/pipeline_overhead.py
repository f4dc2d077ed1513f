"""How much advicelint adds to spaCy's own parse, as ratios within one run.

Baseline: the same English model with the same components excluded, parsing the
corpus letters. Measured: the full advicelint pipeline on the same letters. The
targets: a time ratio of at most 2.0 (advicelint's own work costs no more than
the parse it depends on) and a peak-memory ratio of at most 1.2.

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
TIME_TARGET, MEMORY_TARGET = 2.0, 1.2


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
    full_time, full_memory = _measure(load_pipeline(), texts, args.repeat)
    time_ratio, memory_ratio = full_time / base_time, full_memory / base_memory
    print(f"{len(texts)} letters, {words} words")
    print(f"baseline (spaCy parse only): {base_time:.2f} s, peak {base_memory / 1e6:.1f} MB")
    print(f"advicelint pipeline:         {full_time:.2f} s, peak {full_memory / 1e6:.1f} MB")
    print(f"time ratio   {time_ratio:.2f} (target <= {TIME_TARGET})")
    print(f"memory ratio {memory_ratio:.2f} (target <= {MEMORY_TARGET})")
    print(f"throughput   {words / full_time:.0f} words/s")
    return 0 if time_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
