"""Typos benchmark (so far: doubled words), and the damage the step does to clean text.

1. ``typos/bbc_doubled_words_labeled.tsv``: every same-line repeated word of the
   BBC corpus, labelled error or legitimate; the step must fix the 17 errors and
   leave the 47 legitimate repeats. The naive rule (delete every repeat) is the
   comparison, scored the same way in the same run.
2. Damage: every change the step makes on the BBC test split (70% of the files by
   a fixed hash of the name), per 10,000 tokens, each listed for review.

Run: ``python benchmarks/bench_typos.py [--corpora PATH]``; writes the ``typos``
section of benchmarks/RESULTS.md. The confusion-set and misspelling parts of
issue 6 (with symspellpy and pyspellchecker as comparisons) are not built yet.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import os
import re
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from results import write_section  # noqa: E402

TOKEN = re.compile(r"\w+")
NAIVE = re.compile(r"\b(\w+) +\1\b")


def is_test_file(name: str) -> bool:
    """The fixed 70% test split: by the first byte of the name's SHA-256."""
    return hashlib.sha256(name.encode()).digest()[0] >= int(0.3 * 256)


def doubled_words(corpora: Path, normalizer) -> dict:
    import newsclean

    with open(corpora / "typos" / "bbc_doubled_words_labeled.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    score: dict = {"ours": [0, 0, 0, 0], "naive": [0, 0, 0, 0]}  # errors fixed, errors, legit kept, legit
    score["labelled_errors"] = {
        (r["file"], r["match"].split()[0]) for r in rows if r["label(E=error,L=legit)"] == "E"
    }
    for row in rows:
        error = row["label(E=error,L=legit)"] == "E"
        doc = newsclean.Document(row["context"])
        normalizer(doc)
        for name, changed in (("ours", bool(doc.edits)), ("naive", bool(NAIVE.search(row["context"])))):
            s = score[name]
            if error:
                s[0] += changed
                s[1] += 1
            else:
                s[2] += not changed
                s[3] += 1
    return score


def damage(corpora: Path, pipeline) -> tuple[int, int, list[tuple[str, str, str]]]:
    tokens = 0
    changes = []
    with tarfile.open(corpora / "typos" / "bbc-fulltext.tar.gz") as tar:
        for m in sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name):
            if not is_test_file(m.name):
                continue
            text = tar.extractfile(m).read().decode("utf-8", errors="replace")
            tokens += len(TOKEN.findall(text))
            for e in pipeline.clean(text, id=m.name).edits:
                if e.step == "typos":
                    changes.append((m.name, e.before.strip(), e.note or ""))
    return tokens, len(changes), changes


def report(score: dict, tokens: int, n: int, changes: list, argv: list[str]) -> str:
    o, v = score["ours"], score["naive"]
    lines = [
        f"Run {dt.date.today().isoformat()}, `python {' '.join(argv)}`.",
        "",
        "Doubled words on `bbc_doubled_words_labeled.tsv` (17 errors, 47 legitimate repeats), same run:",
        "",
        "| rule | errors fixed | legitimate repeats kept |",
        "|---|---|---|",
        f"| newsclean `typos` | {o[0]} / {o[1]} | {o[2]} / {o[3]} |",
        f"| delete every repeat (naive) | {v[0]} / {v[1]} | {v[2]} / {v[3]} |",
        "",
        f"Changes on the clean BBC test split (70% of files by hash): {n} in {tokens:,} tokens = "
        f"{10_000 * n / max(tokens, 1):.2f} per 10,000 tokens; each one:",
        "",
    ]
    labelled = score["labelled_errors"]
    verdicts = [(name, word, why, (name.removeprefix("bbc/"), word) in labelled) for name, word, why in changes]
    lines += [
        f"- `{name}` removed a repeated `{word}` ({why}): {'a labelled error' if ok else '**not a labelled error**'}"
        for name, word, why, ok in verdicts
    ] or ["- none"]
    wrong = sum(1 for *_, ok in verdicts if not ok)
    lines += ["", f"Changes that are not real errors: {wrong} ({10_000 * wrong / max(tokens, 1):.2f} per 10,000 tokens)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(os.environ.get("NEWSCLEAN_CORPORA", ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--corpora", type=Path, default=default)
    args = ap.parse_args(argv)
    if not (args.corpora / "typos").is_dir():
        print(f"corpora not found at {args.corpora}; skipping")
        return 0
    import newsclean

    pipeline = newsclean.Pipeline.from_config({})
    score = doubled_words(args.corpora, pipeline["typos"])
    tokens, n, changes = damage(args.corpora, pipeline)
    text = report(score, tokens, n, changes, ["benchmarks/bench_typos.py", *(argv or sys.argv[1:])])
    write_section(ROOT / "benchmarks" / "RESULTS.md", "typos", "Typos (bench_typos.py)", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
