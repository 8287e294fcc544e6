"""Boilerplate benchmark: does newsclean take out what is not the article, and only that?

Measures, in one run:

1. The scrapinghub article-extraction benchmark (``boilerplate/scrapinghub``): for
   each of the ten extractors' outputs, shingle F1 against the gold article body
   before and after the newsclean chain, and after a C4-style line filter (our
   implementation of the published C4 rules) as the comparison.
2. BBC News (clean, already extracted): share of words the chain removes from
   the body per document (titles moved to metadata counted apart), and the
   largest removals listed for a human to read.

Metric (corpora/README.md): lower-case, tokens = ``\\w+``; shingles = multiset
of consecutive 4-token tuples; per page precision and recall (empty prediction
and empty gold -> 1.0); macro-averaged; F1 of the averages.

Run: ``python benchmarks/bench_boilerplate.py [--corpora PATH]``. Writes the
``boilerplate`` section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
import tarfile
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from results import write_section  # noqa: E402

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> collections.Counter:
    tokens = TOKEN.findall(text.lower())
    return collections.Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def page_scores(pred: str, gold: str) -> tuple[float, float]:
    p, g = shingles(pred), shingles(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 1.0
    recall = overlap / sum(g.values()) if g else 1.0
    if not p and not g:
        precision = recall = 1.0
    return precision, recall


def f1(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    scores = [page_scores(pred, gold) for pred, gold in pairs]
    precision = sum(s[0] for s in scores) / len(scores)
    recall = sum(s[1] for s in scores) / len(scores)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# -- C4-style line filter (Raffel et al. 2020, the published rules) ---------------
C4_BAD = re.compile(r"javascript|lorem ipsum|\{|cookie|terms of use|privacy policy", re.IGNORECASE)


def c4_filter(text: str) -> str:
    """Keep lines ending in terminal punctuation with at least 3 words; drop the C4 bad-phrase lines."""
    kept = []
    for line in text.split("\n"):
        s = line.strip()
        if not s or not s.endswith((".", "!", "?", '"', "'", "\u201d", "\u2019")):
            continue
        if len(s.split()) < 3 or C4_BAD.search(s):
            continue
        kept.append(s)
    return "\n".join(kept)


def load_extractors(root: Path) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    base = root / "boilerplate" / "scrapinghub"
    gold = {k: v["articleBody"] for k, v in json.loads((base / "ground-truth.json").read_text()).items()}
    outputs = {}
    for path in sorted((base / "output").glob("*.json")):
        data = json.loads(path.read_text())
        data = data.get("output", data)
        outputs[path.stem] = {k: (v or {}).get("articleBody") or "" for k, v in data.items()}
    return gold, outputs


def bench_extractors(root: Path, clean: Callable[[str], str], clean_default: Callable[[str], str]) -> list[dict]:
    gold, outputs = load_extractors(root)
    rows = []
    ids = sorted(gold)
    for tool, pages in outputs.items():
        texts = [pages.get(i, "") for i in ids]
        golds = [gold[i] for i in ids]
        rows.append({
            "tool": tool,
            "raw": f1(zip(texts, golds)),
            "newsclean": f1(zip(map(clean, texts), golds)),
            "default": f1(zip(map(clean_default, texts), golds)),
            "c4": f1(zip(map(c4_filter, texts), golds)),
        })
    return rows


def bench_bbc(root: Path, pipeline) -> dict:
    per_doc = []
    biggest = []
    with tarfile.open(root / "typos" / "bbc-fulltext.tar.gz") as tar:
        for m in sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name):
            text = tar.extractfile(m).read().decode("utf-8", errors="replace")
            doc = pipeline.clean(text, id=m.name)
            words = len(TOKEN.findall(text))
            removed_words = sum(len(TOKEN.findall(r["text"])) for r in doc.removed if r["kind"] != "title")
            title_words = sum(len(TOKEN.findall(r["text"])) for r in doc.removed if r["kind"] == "title")
            per_doc.append((removed_words / max(words, 1), title_words / max(words, 1)))
            for r in doc.removed:
                if r["kind"] != "title":
                    biggest.append((len(TOKEN.findall(r["text"])), m.name, r["kind"], r["text"][:160]))
    biggest.sort(reverse=True)
    return {
        "documents": len(per_doc),
        "removed_share": sum(p[0] for p in per_doc) / len(per_doc),
        "title_share": sum(p[1] for p in per_doc) / len(per_doc),
        "documents_with_removals": sum(1 for p in per_doc if p[0] > 0),
        "biggest": biggest[:20],
    }


def report(rows: list[dict], bbc: dict, argv: list[str]) -> str:
    lines = [
        f"Run {dt.date.today().isoformat()}, `python {' '.join(argv)}`.",
        "",
        "Shingle F1 on the scrapinghub benchmark (181 pages), same run: the extractor's output as it is,",
        "after the newsclean default chain, and after a C4-style line filter (the comparison).",
        "",
        "`newsclean` is the chain with `datelines=\"keep\"` (the gold keeps datelines in the body);",
        "`default` is the default chain, which takes datelines out into the `dateline` column.",
        "",
        "| extractor | raw F1 | newsclean F1 | Δ | default F1 | C4-style F1 | newsclean P / R |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['tool']} | {r['raw'][2]:.3f} | {r['newsclean'][2]:.3f} | {r['newsclean'][2] - r['raw'][2]:+.3f} "
            f"| {r['default'][2]:.3f} | {r['c4'][2]:.3f} | {r['newsclean'][0]:.3f} / {r['newsclean'][1]:.3f} |"
        )
    lower = [r["tool"] for r in rows if r["newsclean"][2] < r["raw"][2] - 1e-9]
    lines += [
        "",
        f"F1 lower than raw on: {', '.join(lower) if lower else 'none'}.",
        "",
        f"BBC News ({bbc['documents']} clean articles): words removed from the body per document "
        f"{bbc['removed_share']:.3%} on average (titles moved to `title`: {bbc['title_share']:.3%}); "
        f"{bbc['documents_with_removals']} documents had a removal other than the title.",
        "",
        "Largest BBC removals (words, file, kind, text):",
        "",
    ]
    lines += [f"- {n} `{name}` {kind}: {text!r}" for n, name, kind, text in bbc["biggest"]] or ["- none"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args(argv)
    if not (args.corpora / "boilerplate" / "scrapinghub").is_dir():
        print(f"corpora not found at {args.corpora}; skipping")
        return 0
    import newsclean

    pipeline = newsclean.Pipeline.from_config()
    # The scrapinghub gold keeps datelines ("WASHINGTON (AP) —") in the body, so the
    # headline figures use datelines="keep"; the default ("extract") is reported too.
    keep = newsclean.Pipeline.from_config(datelines="keep")
    rows = bench_extractors(args.corpora, lambda t: keep.clean(t).text, lambda t: pipeline.clean(t).text)
    bbc = bench_bbc(args.corpora, pipeline)
    text = report(rows, bbc, ["benchmarks/bench_boilerplate.py", *(argv or sys.argv[1:])])
    write_section(ROOT / "benchmarks" / "RESULTS.md", "boilerplate", "Boilerplate (bench_boilerplate.py)", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
