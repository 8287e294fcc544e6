"""Learn the page-dump line model (``plugins/data/page_lines.json``) from the WCXB dev pages.

    python scripts/train_page_lines.py [--corpora ../shared/corpora] [--folds 5] [--write]

Data: ``boilerplate/wcxb-dev`` (Web Content Extraction Benchmark, dev split, CC-BY-4.0): each
page's whole-page text (``html_text``) and its gold ``main_content``. Only pages the structure
step treats as page dumps are used (:func:`plugins.structure.StructureNormalizer.page_dump_core`),
each after the chain's own rules (unicode, layout, structure with ``datelines="keep"``), so the
model learns what the rules leave. A line is the article's when most of its word 4-grams are in
the gold body (a line of one to three words: when it is a line of the gold body).

Gradient-boosted trees (scikit-learn's ``HistGradientBoostingClassifier``, ``TREES`` trees of depth
``DEPTH``; each page weighs the same as a whole, its lines by their words) are fitted here;
scikit-learn is needed to retrain only, not to run: the trees are written as plain JSON and
evaluated in pure Python. ``--folds`` prints a cross-validated share of article and of other words
removed per threshold (pages split by a hash of their id); ``--write`` fits on all pages and writes
the model. The scrapinghub benchmark is never read here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

from newsclean.plugins.page_lines import DATA, FEATURES, line_features
from newsclean.plugins.structure import split_lines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

# the labels use the benchmark's own word 4-grams, so the model learns what the metric counts
from bench_boilerplate import TOKEN, read_jsonl_gz, shingles  # noqa: E402

TREES, DEPTH = 100, 3


def labelled_pages(corpora: Path):
    """(page id, line texts, labels, word counts) for every WCXB dev page the model would see."""
    import newsclean
    from newsclean.plugins.structure import StructureNormalizer

    base = corpora / "boilerplate" / "wcxb-dev"
    extracted = {r["file_id"]: r for r in read_jsonl_gz(base / "extracted_text.jsonl.gz")}
    word_steps = ("typos", "misspellings", "names", "spelling")
    names = newsclean.Pipeline.from_config().names
    before = newsclean.Pipeline.from_config(datelines="keep", disable=[n for n in names if n not in ("unicode", "layout")])
    # what the rules leave, before the model itself (page_model=0)
    chain = newsclean.Pipeline.from_config(datelines="keep", page_model=0, disable=[n for n in word_steps if n in names])
    for gold in read_jsonl_gz(base / "ground_truth.jsonl.gz"):
        raw = (extracted.get(gold["file_id"]) or {}).get("html_text") or ""
        if not raw.strip():
            continue
        if StructureNormalizer.page_dump_core(split_lines(before.clean(raw).text)) is None:
            continue
        texts = [l.text for l in split_lines(chain.clean(raw).text)]
        body = gold.get("main_content") or ""
        gs = shingles(body)
        gold_lines = {l.strip().lower() for l in body.splitlines() if l.strip()}
        labels, words = [], []
        for t in texts:
            sh = shingles(t)
            if sh:
                inside = sum((sh & gs).values()) / sum(sh.values()) > 0.5
            else:
                inside = t.strip().lower() in gold_lines
            labels.append(1.0 if inside else 0.0)
            words.append(len(TOKEN.findall(t)))
        yield gold["file_id"], texts, labels, words


def design(pages):
    X, y, w, page = [], [], [], []
    for k, (_, texts, labels, words) in enumerate(pages):
        total = sum(n + 1 for n in words)
        X.extend(line_features(texts))
        y.extend(labels)
        w.extend((n + 1) / total for n in words)
        page.extend([k] * len(texts))
    return np.array(X), np.array(y), np.array(w), np.array(page)


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, pages: int):
    """Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, small and fixed)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=TREES, max_depth=DEPTH, learning_rate=0.1, random_state=0
    ).fit(X, y, sample_weight=w * pages)


def export(model) -> dict:
    """The trees as plain lists for :func:`plugins.page_lines.article_probabilities`:
    a node is ``[feature, threshold, left, right, value, is_leaf]`` (x[feature] <= threshold: left)."""
    trees = []
    for (tree,) in model._predictors:
        trees.append([
            [int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]), float(n["value"]), int(n["is_leaf"])]
            for n in tree.nodes
        ])
    return {"features": list(FEATURES), "baseline": float(np.ravel(model._baseline_prediction)[0]), "trees": trees}


def fold_of(page_id: str, folds: int) -> int:
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % folds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=Path(os.environ.get("NEWSCLEAN_CORPORA", ROOT.parent / "shared" / "corpora")))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true", help=f"fit on all pages and write plugins/data/{DATA}")
    args = ap.parse_args()
    pages = list(labelled_pages(args.corpora))
    print(f"{len(pages)} page dumps, {sum(len(p[1]) for p in pages)} lines")
    X, y, w, page = design(pages)
    folds = np.array([fold_of(pages[k][0], args.folds) for k in page])
    probs = np.zeros(len(y))
    for f in range(args.folds):
        train = folds != f
        probs[~train] = fit(X[train], y[train], w[train], len(pages)).predict_proba(X[~train])[:, 1]
    words = np.array([n for p in pages for n in p[3]], dtype=float)
    print("cross-validated, by words: threshold, share of article words removed, share of other words removed")
    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        drop = probs < t
        print(f"  {t:.2f}  article lost {words[drop & (y == 1)].sum() / words[y == 1].sum():.3f}"
              f"  other removed {words[drop & (y == 0)].sum() / words[y == 0].sum():.3f}")
    if args.write:
        model = export(fit(X, y, w, len(pages)))
        model["about"] = [
            "newsclean page-dump line model (plugins/page_lines.py): gradient-boosted trees.",
            "Learned by scripts/train_page_lines.py from the dev split of WCXB: Web Content Extraction Benchmark",
            "v1.0, (c) 2026 Murrough Foley, licensed CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/).",
            "This model is derived from it (changed: reduced to line features and fitted trees) and is shared",
            "under the same licence with this attribution.",
            f"{len(pages)} page dumps, {len(y)} lines.",
        ]
        out = ROOT / "plugins" / "data" / DATA
        out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
