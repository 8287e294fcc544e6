"""symspellpy's English word list (``data/words_en.tsv``), read once per process for every
step that needs it: ``misspellings`` (its dictionary) and ``names`` (a surname that is an
English word is never rewritten alone)."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Iterator

WORDS_DATA = "words_en.tsv"


def data_rows(name: str) -> Iterator[str]:
    """The lines of ``data/<name>`` that are not empty or a ``#`` comment."""
    for raw in resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            yield raw


@functools.lru_cache(maxsize=1)
def word_classes() -> dict[str, int]:
    """Word -> frequency class (``round(10 * log10(count))``; a word listed twice keeps its first class)."""
    classes: dict[str, int] = {}
    for raw in data_rows(WORDS_DATA):
        cls, _, words = raw.partition("\t")
        c = int(cls)
        for word in words.split():
            classes.setdefault(word, c)
    return classes
