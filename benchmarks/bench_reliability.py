"""Reliability benchmark: many kinds of bad, damaged and pathological input through the chain.

For every input: no crash, nothing lost (``undo(text, edits) == raw``, and every
block ``structure`` took out is listed in ``removed``), and, where idempotence is
claimed (news-like text without control characters or lone CRs), cleaning the
output again changes nothing. The inputs, by kind:

- bad input read through the readers: files that are not UTF-8 (cp1252, latin-1,
  mixed, UTF-16) with ``encoding_errors="replace"``, lone surrogates in JSONL, a BOM,
  NUL and every other control character, HTML leftovers, empty and blank documents,
  non-English documents;
- fuzz: random news-like documents and mutated seed articles (characters and lines
  deleted, duplicated, inserted; bytes broken and decoded with replacement), the
  generators of ``tests/test_reliability.py``;
- the BBC articles of ``../shared/corpora`` (when present);
- pathological documents of 200,000 characters (runs of one character or unit,
  nested brackets, CRLF lines, a byline with a long gap ...): their time through the
  chain as a ratio to a news text of the same size.

Run: ``python benchmarks/bench_reliability.py [--corpora PATH] [--fuzz N]``; writes the
``reliability`` section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from corpus import DEFAULT_CORPORA, bbc_articles  # noqa: E402
from results import write_section  # noqa: E402

from tests import test_reliability as rel  # noqa: E402


def check(pipeline, raw: str, doc_id: str, tally: dict) -> None:
    """Clean one input; count it and what went wrong."""
    import newsclean

    tally["documents"] += 1
    try:
        doc = pipeline.clean(raw, id=doc_id)
    except Exception as exc:  # a crash
        tally["crashes"] += 1
        tally["examples"].append(f"crash {doc_id}: {exc!r}"[:200])
        return
    try:
        if doc.undo() != raw:
            raise newsclean.EditError("undo differs")
    except Exception:
        tally["undo"] += 1
        tally["examples"].append(f"undo mismatch {doc_id}")
        return
    taken = sorted(e.before.strip() for e in doc.edits if e.step == "structure" and e.field is None and e.before.strip())
    listed = sorted(r["text"] for r in doc.removed if r["step"] == "structure")
    if any(t not in listed for t in taken):
        tally["lost"] += 1
        tally["examples"].append(f"removed block not listed {doc_id}")
    if not rel.OUTSIDE_IDEMPOTENCE.search(raw) and pipeline.clean(doc.text).text != doc.text:
        tally["not_idempotent"] += 1
        tally["examples"].append(f"second run changes {doc_id}")
    tally["flagged"] += bool(doc.flags)


def new_tally() -> dict:
    return {"documents": 0, "crashes": 0, "undo": 0, "lost": 0, "not_idempotent": 0, "flagged": 0, "examples": []}


def bad_input_documents() -> list[tuple[str, str]]:
    """(id, raw) of the bad-input cases, read the way the CLI reads them (``--encoding-errors replace``)."""
    from newsclean import read_documents

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind, (data, _) in rel.ENCODED.items():
            (folder / f"{kind}.txt").write_bytes(data)
        (folder / "bom.txt").write_bytes(b"\xef\xbb\xbfWith a BOM.\n\nAnd \xef\xbb\xbf inside.")
        (folder / "surrogates.jsonl").write_text('{"text": "lone \\ud800 and \\udfff"}\n', encoding="utf-8")
        for i, c in enumerate(rel.CONTROLS):
            (folder / f"control-{i:02d}.txt").write_text(f"Before{c}after {c}{c}.\n\nNext{c}.", encoding="utf-8")
        (folder / "nul.txt").write_bytes(b"\x00" * 100 + b"text\x00")
        for name, raw in {"entities": "Tom &amp; Jerry &quot;hi&quot; &#8212; &nbsp;x", "tags": "<p>A <b>b</b></p>\n\n<br/>c &amp; d",
                          "broken_html": "<div <<>> &amp &#xZZ; &#99999999; </"}.items():
            (folder / f"{name}.txt").write_text(raw, encoding="utf-8")
        for name, raw in {"empty": "", "spaces": "   ", "blank_lines": "\n\n\r\n\t\n", "odd_spaces": "\u00a0\u200b\u3000"}.items():
            (folder / f"{name}.txt").write_text(raw, encoding="utf-8", newline="")
        for lang, text in rel.NON_ENGLISH.items():
            (folder / f"lang-{lang}.txt").write_text(f"Titre\n\nPar Jean Dupont\n\n{text}\n\n{text}", encoding="utf-8")
        out = [(r["id"], r["text"]) for r in read_documents([str(folder)], encoding_errors="replace")]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--fuzz", type=int, default=10_000, help="random and mutated documents, each (default 10000)")
    args = parser.parse_args()

    import newsclean

    pipeline = newsclean.Pipeline.from_config()
    kinds: dict[str, dict] = {}
    started = time.perf_counter()

    kinds["bad input (encodings, surrogates, BOM, controls, HTML, empty, non-English)"] = tally = new_tally()
    for doc_id, raw in bad_input_documents():
        check(pipeline, raw, doc_id, tally)

    rnd = random.Random(1)
    kinds["random news-like documents"] = tally = new_tally()
    for i in range(args.fuzz):
        check(pipeline, rel.random_news(rnd), f"random-{i}", tally)

    seeds = [p.read_bytes().decode("utf-8-sig") for p in rel.SEEDS]
    kinds["mutated seed articles (characters, lines, bytes)"] = tally = new_tally()
    for i in range(args.fuzz):
        seed = seeds[i % 2]
        if i % 50 == 0:
            raw = rel.mutate(seed, rnd)
        else:
            start = rnd.randrange(len(seed))
            raw = rel.mutate(seed[start : start + rnd.randint(20, 300)], rnd)
        check(pipeline, raw, f"mutated-{i}", tally)

    if (args.corpora / "typos" / "bbc-fulltext.tar.gz").is_file():
        kinds["BBC articles (all)"] = tally = new_tally()
        for name, raw in bbc_articles(args.corpora):
            check(pipeline, raw, name, tally)

    size, factor = 200_000, 20.0
    known = [step for step in ["misspellings"] if rel.long_tokens_are_slow(step)]
    normal, times = rel.run_pathological(size, factor, known)
    kinds[f"pathological, {size:,} characters each"] = tally = new_tally()
    cases = rel.pathological_documents(size)
    for name, raw in cases.items():  # lossless and no crash, in this process (their time: below)
        if sum(times[name].values()) != float("inf"):
            check(pipeline if not known else newsclean.Pipeline.from_config(disable=known), raw, name, tally)
        else:
            tally["documents"] += 1
    ratios = sorted(((sum(steps.values()) / normal, case, max(steps, key=steps.get)) for case, steps in times.items()),
                    reverse=True)

    elapsed = time.perf_counter() - started
    rows = ["| inputs | documents | crashes | documents lost | undo mismatches | second run changes | flagged |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    total = new_tally()
    for kind, t in kinds.items():
        rows.append(f"| {kind} | {t['documents']:,} | {t['crashes']} | {t['lost']} | {t['undo']} | {t['not_idempotent']} | {t['flagged']:,} |")
        for key in ("documents", "crashes", "lost", "undo", "not_idempotent", "flagged"):
            total[key] += t[key]
        total["examples"] += t["examples"]
    rows.append(f"| **all** | **{total['documents']:,}** | **{total['crashes']}** | **{total['lost']}** | "
                f"**{total['undo']}** | **{total['not_idempotent']}** | {total['flagged']:,} |")
    worst_ratio, worst_case, worst_step = ratios[0]
    text = "\n".join([
        f"Run {dt.date.today().isoformat()}, {elapsed:.0f} s. Every input: no crash, `undo(text, edits) == raw`, every "
        "block `structure` took out listed in `removed`, and (news-like text without control characters or lone CRs, "
        "where idempotence is claimed) a second run changing nothing.",
        "",
        *rows,
        "",
        f"Pathological input ({len(cases)} documents of {size:,} characters: runs of one character or unit, nested "
        f"brackets, CRLF lines, a byline with a 200,000-space gap ...): the chain on a news text of the same size takes "
        f"{normal:.2f} s; the slowest pathological case is **{worst_case}**, {worst_ratio:.1f}x that (mostly in "
        f"`{worst_step}`); the next: " + ", ".join(f"{c} {r:.1f}x" for r, c, _ in ratios[1:4]) + "."
        + (f" Left out of the chain for this measure: {', '.join(known)} (quadratic in a token's length: a run of "
           "200,000 letters would take hours; see the issue-10 report)." if known else ""),
        "",
        "Examples of failures: " + ("; ".join(total["examples"][:5]) if total["examples"] else "none."),
    ])
    print(text)
    write_section(ROOT / "benchmarks" / "RESULTS.md", "reliability", "Reliability (bench_reliability.py)", text)


if __name__ == "__main__":
    main()
