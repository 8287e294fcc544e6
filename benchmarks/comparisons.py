"""Timing for the typo benchmarks: our step, and symspellpy (the ``bench`` extra) set up once."""

from __future__ import annotations

import time
from pathlib import Path


def symspell(bigrams: bool = True):
    """symspellpy with its bundled English dictionary (and bigrams, for ``lookup_compound``)."""
    import symspellpy

    folder = Path(symspellpy.__file__).parent
    sym = symspellpy.SymSpell(max_dictionary_edit_distance=2)
    sym.load_dictionary(str(folder / "frequency_dictionary_en_82_765.txt"), 0, 1)
    if bigrams:
        sym.load_bigram_dictionary(str(folder / "frequency_bigramdictionary_en_243_342.txt"), 0, 2)
    return sym


def compound_seconds(sym, docs: list[tuple[str, str]]) -> float:
    """Seconds symspellpy's ``lookup_compound`` takes over every non-blank line of ``docs``."""
    t = time.perf_counter()
    for _, text in docs:
        for line in text.split("\n"):
            if line.strip():
                sym.lookup_compound(line, max_edit_distance=2)
    return time.perf_counter() - t


def step_seconds(normalizer, docs: list[tuple[str, str]], rounds: int = 3) -> float:
    """The best of ``rounds`` timings of ``normalizer`` over ``docs`` (a fresh Document each)."""
    import newsclean

    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for _, text in docs:
            normalizer(newsclean.Document(text))
        best = min(best, time.perf_counter() - t)
    return best
