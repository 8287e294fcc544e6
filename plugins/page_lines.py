"""Which lines of a whole-page text dump are the article: a small learned line model.

A page dump (``html-text``, ``inscriptis``: every text node of a web page) holds the article
among menus, teasers of other articles, comments, cookie notices and footers. The hand-written
rules of :mod:`plugins.structure` (``nav_block``, ``page_tail``) take out what is certainly
navigation; what is left around the article's prose core is often other prose: teasers,
readers' comments, captions, promos. This module scores each remaining line with small
gradient-boosted trees over features of the line and of its neighbours (length, sentence shape, share of
function words, title case, a boilerplate pattern, repetition in the page, the distance to the
prose core, the density of prose around it, ...). The trees are in ``data/page_lines.json``,
learned by ``scripts/train_page_lines.py`` from the WCXB dev pages (CC-BY-4.0; attributed in the
file's ``about``), never from the scrapinghub benchmark the results are measured on.

The model is only asked about page dumps (the structure step decides that), and the step removes
a line only when the model is sure (``probability < threshold``); the prose lines of the core are
never asked about, nor removed.
"""

from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources
from typing import Sequence

from .structure import (
    PAGE_MODEL_DATA as DATA,
    LINE_END,
    PROSE_STOP_WORDS,
    WORDS,
    Line,
    boilerplate_kind,
    prose_core,
    prose_weight,
    repeated_lines,
    title_case,
)

WINDOW = 3  # neighbours on each side that make a line's context
COMMENT_HEAD = re.compile(
    r"(\b(said|says|wrote|writes)\s*:?\s*$)|^(reply|report|like|share)\b|\b\d+\s+(comments?|replies|responses)\b|"
    r"^\d+\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b|"
    r"\b(leave a (reply|comment)|comments are closed|add (a|your) comment|join the (discussion|conversation))\b",
    re.IGNORECASE,
)
URLISH = re.compile(r"https?://|www\.|@\w|#\w|\.com\b", re.IGNORECASE)
DIGIT = re.compile(r"\d")
UPPER = re.compile(r"[A-Z]")
LETTER = re.compile(r"[A-Za-z]")

#: feature names, in the order of the vector; the weights file names them too
FEATURES = (
    "bias", "log_words", "log_chars", "ends_sentence", "prose", "sentence", "nav", "short", "long",
    "stop_share", "title_case", "boilerplate", "repeated", "digit_share", "upper_share", "urlish",
    "comment_head", "after_comment_head", "in_core", "before_core", "after_core", "log_core_distance",
    "position", "prose_before", "prose_after", "window_prose", "window_nav", "prev_prose", "next_prose",
    "core_share", "page_log_lines", "title_prefix", "log_run_words", "log_run_lines",
)
#: small words a headline leaves in lower case
HEADLINE_SMALL = frozenset("a an and as at but by for in of on or the to vs with".split())


def line_features(texts: Sequence[str], asked: Sequence[bool] | None = None) -> list[list[float] | None]:
    """One feature vector per line of ``texts`` (the non-empty lines of a page, in order); None for
    a line ``asked`` leaves out (it still counts as every other line's neighbour)."""
    n = len(texts)
    if not n:
        return []
    repeated = repeated_lines(list(texts))
    lines = [Line(i, 0, 0, t) for i, t in enumerate(texts)]
    tokens = [WORDS.findall(t.strip().lower()) for t in texts]
    kinds = [prose_weight(t, r) for t, r in zip(texts, repeated)]
    core = prose_core(lines, repeated)
    first, last = core if core is not None else (n, -1)
    prose_words = [w if k == "prose" else 0.0 for k, w in kinds]
    total_prose = sum(prose_words) or 1.0
    is_prose = [1.0 if k == "prose" else 0.0 for k, _ in kinds]
    is_nav = [1.0 if k == "nav" else 0.0 for k, _ in kinds]
    core_words = sum(prose_words[first : last + 1]) if core is not None else 0.0
    page_log = math.log1p(n)
    run_words, run_lines = prose_runs(kinds, [len(words) for words in tokens])
    comment_seen = False
    before = 0.0
    rows = []
    for i, text in enumerate(texts):
        stripped = text.strip()
        words = tokens[i]
        nw = len(words)
        kind = kinds[i][0]
        comment = nw <= 12 and bool(COMMENT_HEAD.search(stripped))
        if asked is not None and not asked[i]:
            rows.append(None)
            before += prose_words[i]
            comment_seen = comment_seen or (comment and i > first)
            continue
        chars = max(len(stripped), 1)
        letters = len(LETTER.findall(stripped)) or 1
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        span = hi - lo - 1 or 1
        if core is None:
            distance = float(n)
        elif i < first:
            distance = float(first - i)
        elif i > last:
            distance = float(i - last)
        else:
            distance = 0.0
        rows.append([
            1.0,
            math.log1p(nw),
            math.log1p(chars),
            1.0 if LINE_END.search(stripped) else 0.0,
            1.0 if kind == "prose" else 0.0,
            1.0 if kind == "sentence" else 0.0,
            1.0 if kind == "nav" else 0.0,
            1.0 if kind == "short" else 0.0,
            1.0 if kind == "long" else 0.0,
            sum(map(PROSE_STOP_WORDS.__contains__, words)) / nw if nw else 0.0,
            1.0 if len(stripped) <= 150 and title_case(stripped) else 0.0,
            1.0 if len(stripped) <= 200 and boilerplate_kind(stripped) is not None else 0.0,
            1.0 if repeated[i] else 0.0,
            len(DIGIT.findall(stripped)) / chars,
            len(UPPER.findall(stripped)) / letters,
            1.0 if URLISH.search(stripped) else 0.0,
            1.0 if comment else 0.0,
            1.0 if comment_seen else 0.0,
            1.0 if first <= i <= last else 0.0,
            1.0 if i < first else 0.0,
            1.0 if i > last else 0.0,
            math.log1p(distance),
            i / n,
            before / total_prose,
            (total_prose - before - prose_words[i]) / total_prose,
            (sum(is_prose[lo:hi]) - is_prose[i]) / span,
            (sum(is_nav[lo:hi]) - is_nav[i]) / span,
            is_prose[i - 1] if i else 0.0,
            is_prose[i + 1] if i + 1 < n else 0.0,
            core_words / total_prose,
            page_log,
            1.0 if title_prefix(stripped) else 0.0,
            math.log1p(run_words[i]),
            math.log1p(run_lines[i]),
        ])
        before += prose_words[i]
        comment_seen = comment_seen or (comment and i > first)
    return rows


def title_prefix(text: str) -> bool:
    """A teaser card flattened into one line: a headline in title case (five capitalised
    words or more, small words aside) runs straight into a sentence."""
    words = text.split()
    caps = 0
    for word in words:
        if word[:1].isupper() or word[:1].isdigit():
            caps += 1
        elif word.lower() not in HEADLINE_SMALL:
            break
    return caps >= 5 and len(words) > caps + 3


def prose_runs(kinds: Sequence[tuple[str, float]], word_counts: Sequence[int]) -> tuple[list[int], list[int]]:
    """For each line, the words and the lines of the run of text lines (not navigation-like) it
    stands in: an article's paragraphs come in one long run, teasers in short ones."""
    n = len(kinds)
    words, count = [0] * n, [0] * n
    i = 0
    while i < n:
        if kinds[i][0] == "nav":
            i += 1
            continue
        j = i
        while j < n and kinds[j][0] != "nav":
            j += 1
        total = sum(word_counts[i:j])
        for k in range(i, j):
            words[k], count[k] = total, j - i
        i = j
    return words, count


@functools.lru_cache(maxsize=1)
def model() -> tuple[float, tuple[tuple[tuple[int, float, int, int, float, int], ...], ...]]:
    """(baseline, trees) from ``data/page_lines.json``; a node is (feature, threshold, left,
    right, value, is_leaf), and ``x[feature] <= threshold`` goes left."""
    data = json.loads(resources.files(__package__).joinpath("data", DATA).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{DATA}: made for other features than plugins/page_lines.py computes; retrain it")
    return float(data["baseline"]), tuple(tuple(tuple(node) for node in tree) for tree in data["trees"])


def article_probabilities(texts: Sequence[str], asked: Sequence[bool] | None = None) -> list[float]:
    """For each line of a page dump, the model's probability that it belongs to the article
    (1.0 for a line ``asked`` leaves out: its neighbours still see it, the trees do not run)."""
    baseline, trees = model()
    out = []
    for row in line_features(texts, asked):
        if row is None:
            out.append(1.0)
            continue
        z = baseline
        for tree in trees:
            node = tree[0]
            while not node[5]:
                node = tree[node[2]] if row[node[0]] <= node[1] else tree[node[3]]
            z += node[4]
        out.append(1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0))))
    return out
