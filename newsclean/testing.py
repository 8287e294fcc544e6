"""Helpers for testing normalizers (ours and plugin authors').

``assert_normalizes`` checks one before/after pair; ``run_cases`` runs a JSON
case file (``[{"before", "after", "meta", "why"}]``, like ftfy's test cases);
``news_text`` is a hypothesis strategy for news-like documents (hypothesis is
imported only when it is used).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Mapping

from .document import Document

Cleaner = Callable[[Document], Any]


def run_normalizer(normalizer: Cleaner, text: str, *, id: str = "case") -> Document:
    """Run one normalizer (or a Pipeline's ``run``) on ``text``; check the log rebuilds the input."""
    doc = Document(text, id=id)
    normalizer(doc)
    rebuilt = doc.undo()
    assert rebuilt == text, f"{id}: undo() does not rebuild the input: {rebuilt!r} != {text!r}"
    return doc


def assert_normalizes(
    normalizer: Cleaner,
    before: str,
    after: str,
    meta: Mapping[str, Any] | None = None,
    *,
    why: str = "",
    id: str = "case",
) -> Document:
    """Assert ``normalizer`` turns ``before`` into ``after`` (and sets ``meta``), losslessly."""
    doc = run_normalizer(normalizer, before, id=id)
    label = f"{id}{' (' + why + ')' if why else ''}"
    assert doc.text == after, f"{label}:\n  got      {doc.text!r}\n  expected {after!r}\n  edits {doc.edits}"
    for key, value in (meta or {}).items():
        got = doc.metadata.get(key)
        if hasattr(got, "isoformat"):
            got = got.isoformat()
        assert got == value, f"{label}: metadata {key!r} is {got!r}, expected {value!r}"
    if before != after:
        assert doc.edits, f"{label}: the text changed but no edit was recorded"
    return doc


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """The cases of a JSON case file, each with ``before``, ``after`` and a one-line ``why``."""
    path = Path(path)
    cases = json.loads(path.read_text(encoding="utf-8"))
    for i, case in enumerate(cases):
        missing = {"before", "after", "why"} - set(case)
        if missing:
            raise ValueError(f"{path} case {i}: missing {', '.join(sorted(missing))}")
    return cases


def run_cases(path: str | Path, normalizer: Cleaner) -> int:
    """Run every case of ``path`` through ``normalizer``; returns how many ran."""
    cases = load_cases(path)
    for i, case in enumerate(cases):
        assert_normalizes(
            normalizer, case["before"], case["after"], case.get("meta"), why=case["why"], id=f"{Path(path).name}[{i}]"
        )
    return len(cases)


def news_text():  # -> hypothesis.strategies.SearchStrategy[str]
    """A hypothesis strategy for news-like text: words, punctuation, quotes, odd spaces, paragraphs."""
    from hypothesis import strategies as st

    words = st.sampled_from(
        [
            "the", "that", "had", "will", "with", "Iraq", "Iran", "Daesh", "al-Sha\u2019abi", "neighbours",
            "favour", "said", "By", "Reuters", "(AP)", "\u2014", "\u2013", "H.M", "Read", "More:", "Related",
            "News:", "2019", "17:46", "Mar", "16,", "\u201cquoted\u201d", "\u2018single\u2019", "don\u2019t",
            "caf\u00e9", "Ã©", "&amp;", "<b>", "1,000", "U.S.", "e-mail", "http://x.org/a", "#tag",
        ]
    )
    spaces = st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\t", " \u200b"])
    line = st.lists(st.tuples(words, spaces), min_size=0, max_size=14).map(
        lambda pairs: "".join(w + s for w, s in pairs)
    )
    breaks = st.sampled_from(["\n", "\n\n", "\n \n", "\n\n\n", "\r\n"])
    return st.lists(st.tuples(line, breaks), min_size=0, max_size=6).map(
        lambda pairs: "".join(l + b for l, b in pairs)
    )
