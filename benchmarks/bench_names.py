"""Names benchmark: variant pairs unified, different names kept apart, discovery key, speed.

1. ``translit/curated_news_eval_pairs.tsv`` (181 positive pairs: one entity spelled two
   ways; 48 negative: different entities). Each name is written in a sentence, cleaned
   by the ``names`` step with the default gazetteer, and a pair counts as unified when
   both come out the same. Goal: 0 negative pairs merged, >= 90% of positives unified.
   Same run, same pairs: Soundex and Metaphone keys (jellyfish) and Levenshtein <= 1.
2. The discovery key alone (no gazetteer): recall on positives, false merges on
   negatives (goal: recall >= 0.5 at <= 0.5% false merges).
3. Every change the step makes on the BBC corpus, listed for review.
4. Speed: ``names`` + ``spelling`` on the BBC text, MB/s and the ratio to
   ``ftfy.fix_text`` on the same text in the same run (goal >= 2 MB/s).

The gazetteer is not built from these pairs (see plugins/data/NAMES-SOURCES.md).
Run: ``python benchmarks/bench_names.py [--corpora PATH]``; writes the ``names``
section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import DEFAULT_CORPORA, bbc_articles  # noqa: E402
from results import write_section  # noqa: E402

PARTICLES = {"al", "el", "bin", "ibn", "bint", "ad", "ash", "as", "ul", "ud", "de", "la", "of", "the", "and"}
TEMPLATE = "Officials said {} was there."


def title(name: str) -> str:
    """How a lower-case pair name is written in news: capitalised words, lower-case particles."""
    parts = re.split(r"([ -])", name)
    return "".join(p if p in (" ", "-") or p in PARTICLES else p[:1].upper() + p[1:] for p in parts)


def read_pairs(corpora: Path) -> list[tuple[int, str, str, str]]:
    with open(corpora / "translit" / "curated_news_eval_pairs.tsv", encoding="utf-8") as fh:
        return [(int(r["label"]), r["group_id"], r["name_a"], r["name_b"]) for r in csv.DictReader(fh, delimiter="\t")]


def unify_with(step):
    import newsclean

    def unify(name: str) -> str:
        doc = newsclean.Document(TEMPLATE.format(title(name)))
        step(doc)
        return doc.text[len("Officials said ") : -len(" was there.")].lower()

    return unify


def comparison_keys():
    import jellyfish

    from newsclean.plugins.name_discovery import variant_key

    letters = lambda s: re.sub(r"[^a-z]", "", s.lower())  # noqa: E731
    return {
        "discovery key alone (no gazetteer)": lambda a, b: variant_key(a) == variant_key(b),
        "Soundex (jellyfish)": lambda a, b: jellyfish.soundex(letters(a)) == jellyfish.soundex(letters(b)),
        "Metaphone (jellyfish)": lambda a, b: jellyfish.metaphone(letters(a)) == jellyfish.metaphone(letters(b)),
        "Levenshtein <= 1": lambda a, b: jellyfish.levenshtein_distance(a.lower(), b.lower()) <= 1,
    }


def score_pairs(pairs, same) -> dict:
    pos = [p for p in pairs if p[0] == 1]
    neg = [p for p in pairs if p[0] == 0]
    unified = [p for p in pos if same(p[2], p[3])]
    merged = [p for p in neg if same(p[2], p[3])]
    return {"pos": len(pos), "neg": len(neg), "unified": len(unified), "merged": merged,
            "missed": [p for p in pos if p not in unified]}


def bbc_changes(corpora: Path, step) -> tuple[int, collections.Counter]:
    import newsclean

    chars, seen = 0, collections.Counter()
    for _name, text in bbc_articles(corpora):
        chars += len(text)
        doc = newsclean.Document(text)
        step(doc)
        seen.update(f"{e.before} -> {e.after} ({e.rule})" for e in doc.edits)
    return chars, seen


def speed(corpora: Path, steps) -> dict:
    import ftfy
    import newsclean

    texts = [t for _n, t in bbc_articles(corpora)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    for s in steps:  # warm: tables built, regexes compiled
        s(newsclean.Document(texts[0]))
    t0 = time.perf_counter()
    for text in texts:
        doc = newsclean.Document(text)
        for s in steps:
            s(doc)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in texts:
        ftfy.fix_text(text)
    ref = time.perf_counter() - t0
    return {"mb": size / 1e6, "ours": ours, "ftfy": ref}


def report(ours: dict, others: dict, changes, chars: int, sp: dict, steps: list[str], argv) -> str:
    def row(name, s):
        return (f"| {name} | {s['unified']} / {s['pos']} ({100 * s['unified'] / s['pos']:.1f}%) | "
                f"{len(s['merged'])} / {s['neg']} ({100 * len(s['merged']) / s['neg']:.1f}%) |")

    lines = [
        f"Run {dt.date.today().isoformat()}, `python {' '.join(argv)}`.",
        "",
        "`translit/curated_news_eval_pairs.tsv`, same run (a pair is unified when both names come out the same):",
        "",
        "| method | positive pairs unified | negative pairs merged |",
        "|---|---|---|",
        row("newsclean `names`, default gazetteer", ours),
        *(row(name, s) for name, s in others.items()),
        "",
        "Positive pairs the default gazetteer does not unify: "
        + (", ".join(f"{a}/{b}" for _l, _g, a, b in ours["missed"]) or "none") + ".",
        "",
        "Negative pairs merged by newsclean: " + (", ".join(f"{a}/{b}" for _l, _g, a, b in ours["merged"]) or "none")
        + "; by the discovery key alone: "
        + (", ".join(f"{a}/{b}" for _l, _g, a, b in others["discovery key alone (no gazetteer)"]["merged"]) or "none") + ".",
        "",
        f"Every change of the `names` step on the whole BBC corpus ({chars / 1e6:.1f} M characters), for review:",
        "",
    ]
    lines += [f"- {n}x `{c}`" for c, n in changes.most_common()] or ["- none"]
    lines += [
        "",
        f"Speed, {' + '.join(steps)} on the BBC text ({sp['mb']:.1f} MB): {sp['mb'] / sp['ours']:.1f} MB/s; "
        f"`ftfy.fix_text` on the same text {sp['mb'] / sp['ftfy']:.1f} MB/s; "
        f"ratio ours/ftfy time = {sp['ours'] / sp['ftfy']:.2f}.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = ap.parse_args(argv)
    if not (args.corpora / "translit").is_dir():
        print(f"corpora not found at {args.corpora}; skipping")
        return 0
    import newsclean

    pipeline = newsclean.Pipeline.from_config({})
    names = pipeline["names"]
    pairs = read_pairs(args.corpora)
    unify = unify_with(names)
    ours = score_pairs(pairs, lambda a, b: unify(a) == unify(b))
    others = {name: score_pairs(pairs, same) for name, same in comparison_keys().items()}
    chars, changes = bbc_changes(args.corpora, names)
    steps = [n for n in ("names", "spelling") if n in pipeline.names]
    sp = speed(args.corpora, [pipeline[n] for n in steps])
    text = report(ours, others, changes, chars, sp, steps, ["benchmarks/bench_names.py", *(argv or sys.argv[1:])])
    write_section(ROOT / "benchmarks" / "RESULTS.md", "names", "Names (bench_names.py)", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
