"""``typos``: correctly spelled mistakes that spell checkers miss. So far: doubled words.

``that that the`` -> ``that the``, ``the the`` -> ``the``, ``hostility hostility`` ->
``hostility``; kept: ``had had``, ``that that`` + noun (pronoun + conjunction),
``very very``, ``no no``, a preposition ending one phrase and starting the next
(``waiting for for years``), hyphenated words (``break-in in``), names and titles
(``Duran Duran``, ``Please Please Me``: anything capitalised mid-sentence, except a
doubled nationality word), and repeats across a line break. The word lists are
in ``data/doubled_words.tsv``. Every fix is an edit with rule ``doubled_word``
and a note saying which test decided it.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from newsclean import Document, Normalizer, Span, Stage, hookimpl

DATA = "doubled_words.tsv"
#: A word and its repeats, separated by spaces only (not a line break), case-insensitive.
DOUBLED = re.compile(r"\b(\w+)((?: +\1\b)+)", re.IGNORECASE)
WORD_BEFORE = re.compile(r"(\w+)\W*$")
WORD_AFTER = re.compile(r"^\W*?(\w+)")
SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n)$")


@functools.lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The lists of ``data/doubled_words.tsv``, read once per process."""
    text = resources.files(__package__).joinpath("data", DATA).read_text(encoding="utf-8")
    lists: dict[str, frozenset[str]] = {}
    for raw in text.splitlines():
        if raw.strip() and not raw.startswith("#"):
            name, _, words = raw.partition("\t")
            lists[name.strip()] = frozenset(words.split())
    return lists


def verdict(text: str, match: re.Match[str]) -> str | None:
    """Why the second word of ``match`` is a typo (the note of the edit), or None to keep it."""
    lists = word_lists()
    first, second = match.group(1), match.group(2).split()[0]
    start, end = match.start(), match.end()
    if (start and text[start - 1] in "-'’") or text[end : end + 1] in ("-", "'", "’"):
        return None  # part of a hyphenated or clipped word: "break-in in", "in in-fighting"
    lower = second.lower()
    if first != second:
        # only "The the" at a sentence start: a capital first word, the same word in lower case
        if not (first[:1].isupper() and second == lower and SENTENCE_START.search(text[:start])):
            return None
    elif first[:1].isupper() and not SENTENCE_START.search(text[:start]):
        return "demonym" if lower in lists["demonym"] else None  # names and titles: Duran Duran
    if lower.isdigit() or lower in lists["legit"] or lower in lists["strandable"]:
        return None
    before = WORD_BEFORE.search(text, 0, start)
    after = WORD_AFTER.search(text[end : end + 40])
    if lower == "that":
        return "that+determiner" if after and after.group(1).lower() in lists["determiner"] else None
    if lower in lists["copula"]:
        return None if before and before.group(1).lower() in lists["copula_subject"] else "copula"
    if lower in lists["always"]:
        return "function_word"
    if len(lower) >= 4 and lower.isalpha() and second == lower:
        return "content_word"  # "hostility hostility"
    return None


class TyposNormalizer(Normalizer):
    """Doubled words (rule ``doubled_word``)."""

    name = "typos"
    stage = Stage.TYPOS
    version = "1"

    def data_files(self):
        return [resources.files(__package__).joinpath("data", DATA)]

    def __call__(self, doc: Document) -> None:
        text = doc.text
        spans = []
        for match in DOUBLED.finditer(text):
            why = verdict(text, match)
            if why is not None:
                # remove the repeats and their spaces: "that that the" -> "that the"
                spans.append(Span(match.end(1), match.end(), "", "doubled_word", note=why))
        doc.apply(spans, step=self.name)


@hookimpl
def newsclean_normalizers(config: Any):
    return [TyposNormalizer()]
