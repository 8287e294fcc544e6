"""Spelling benchmark: British -> American conversions, what they must not touch, and speed.

1. BBC corpus (``typos/bbc-fulltext.tar.gz``, 2,225 articles of edited British
   English; ``bbc/sport/199.txt`` is latin-1), variety ``us``: conversions per
   10,000 tokens and every distinct conversion with its count, for review.
   Proper nouns: a converted word that was capitalised and not at a sentence
   start (checked here with a rule of its own, not the step's) — 0 by
   construction; and every capitalised table word that stands next to another
   capitalised word (``Labour Party``, ``Ministry of Defence``, ``Millennium
   Centre``): how often each such phrase occurs and how often it was changed.
   ``Labour`` alone is listed too.
2. BBC, variety ``off``: the number of changes (must be 0).
3. US text: the gold article bodies of ``boilerplate/scrapinghub/ground-truth.json``
   from US outlets (by the URL's domain; the other pages are British,
   Canadian, Indian, Nigerian... and are reported apart), variety ``us``:
   changes per 10,000 tokens (goal: at most 1), each one listed. Variety
   ``uk`` on the BBC text is listed too: each change there is a word the BBC
   wrote the American way.
4. Speed: characters per second of the step (``SpellingNormalizer()(Document(text))``)
   and of ``ftfy.fix_text`` on the same BBC texts in the same run (best of 3
   interleaved rounds), and their ratio (goal: the step at least 2 MB/s).

Run: ``python benchmarks/bench_spelling.py [--corpora PATH]``; writes the
``spelling`` section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import DEFAULT_CORPORA, bbc_articles  # noqa: E402
from results import write_section  # noqa: E402

TOKEN = re.compile(r"\w+")
#: The step's own rule is not reused: a capital right after ., !, ? (and closing quotes) or a
#: paragraph break, or at the start of the text, is a sentence start; anything else is a name.
AFTER_SENTENCE_END = re.compile(r"(?:\A|[.!?][\"'\u201d\u2019)]*\s+|\n\s*\n)[\"'\u201c\u2018(]*\Z")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
#: Outlets of the scrapinghub set that write American English.
US_OUTLETS = set(
    """9to5mac.com appleinsider.com barrons.com beachbodyondemand.com bgr.com billboard.com
    blog.givewell.org businessinsider.com catchitkansas.com cbsnews.com cbssports.com chron.com
    cleveland.com cnbc.com cnn.com crn.com ctpost.com dawgsbynature.com dealbreaker.com
    detroit.cbslocal.com detroitnews.com digg.com floridatoday.com forbes.com foxbusiness.com
    foxnews.com gizmodo.com hawaiinewsnow.com healthline.com hollywoodreporter.com hosted.ap.org
    ign.com indiewire.com latimes.com livescience.com macrumors.com mysanantonio.com
    nationalreview.com nbcdfw.com nbcnews.com newsweek.com nj.com nypost.com nytimes.com
    oregonlive.com politifact.com practicalhorsemanmag.com profootballtalk.nbcsports.com
    quantamagazine.org reuters.com rollingstone.com sfgate.com slashgear.com slate.com
    smithsonianmag.com snopes.com space.com spacenews.com spokesman.com techcrunch.com thehill.com
    therealdeal.com therepublic.com thespacereview.com theverge.com timesunion.com twincities.com
    usatoday.com venturebeat.com vox.com washingtonexaminer.com wired.com wsj.com""".split()
)


def bbc_texts(corpora: Path) -> list[tuple[str, str]]:
    """(name, text) of every BBC article, sorted."""
    return list(bbc_articles(corpora))


def run(normalizer, texts: list[tuple[str, str]]):
    """The documents after ``normalizer``, with their names."""
    from newsclean import Document

    docs = []
    for name, text in texts:
        doc = Document(text, id=name)
        normalizer(doc)
        docs.append(doc)
    return docs


def original_offsets(doc) -> list[tuple[int, int, object]]:
    """Each edit with its start in the raw text (all edits of one step are word for word, left to right)."""
    shift, out = 0, []
    for e in doc.edits:
        out.append((e.start - shift, e.end - shift, e))
        shift += len(e.after) - len(e.before)
    return out


def bbc_us(texts, normalizer, table) -> dict:
    docs = run(normalizer, texts)
    tokens = sum(len(TOKEN.findall(t)) for _, t in texts)
    conversions: Counter = Counter()
    proper: list[str] = []
    changed_at: set[tuple[str, int]] = set()
    for (name, raw), doc in zip(texts, docs):
        for start, end, e in original_offsets(doc):
            conversions[(e.before, e.after)] += 1
            changed_at.add((name, start))
            if e.before[:1].isupper() and not AFTER_SENTENCE_END.search(raw[max(0, start - 20) : start]):
                proper.append(f"{name}: {raw[max(0, start - 30):end + 30]!r}")
    # capitalised table words next to another capitalised word: names such as "Labour Party"
    phrases: Counter = Counter()
    phrase_changed: Counter = Counter()
    labour = [0, 0]
    for name, raw in texts:
        for m in CAPITALISED.finditer(raw):
            word = m.group()
            if word.lower() not in table:
                continue
            hit = (name, m.start()) in changed_at
            if word == "Labour":
                labour[0] += 1
                labour[1] += hit
            after = re.match(r"(?: (?:of|for|and|the))* ([A-Z][a-z]+)", raw[m.end() : m.end() + 40])
            before = re.search(r"([A-Z][a-z]+)(?: (?:of|for|and|the))* \Z", raw[max(0, m.start() - 40) : m.start()])
            if after or before:
                phrase = (before.group(0) if before else "") + word + (after.group(0) if after else "")
                phrases[phrase] += 1
                phrase_changed[phrase] += hit
    return {
        "tokens": tokens,
        "n": sum(conversions.values()),
        "conversions": conversions,
        "proper": proper,
        "phrases": phrases,
        "phrase_changed": phrase_changed,
        "labour": labour,
        "docs_changed": sum(1 for d in docs if d.edits),
    }


def changes(texts, normalizer) -> list[tuple[str, str, str, str]]:
    out = []
    for (name, raw), doc in zip(texts, run(normalizer, texts)):
        for start, end, e in original_offsets(doc):
            context = " ".join(raw[max(0, start - 40) : end + 40].split())
            out.append((name, e.before, e.after, context))
    return out


def speed(texts, normalizer) -> dict:
    import ftfy

    from newsclean import Document

    plain = [t for _, t in texts]
    chars = sum(len(t) for t in plain)
    size = sum(len(t.encode("utf-8")) for t in plain)
    best = {"spelling": float("inf"), "ftfy": float("inf")}
    normalizer(Document(plain[0]))  # the table is loaded once per process, not timed
    for _ in range(3):
        t0 = time.perf_counter()
        for t in plain:
            normalizer(Document(t))
        best["spelling"] = min(best["spelling"], time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in plain:
            ftfy.fix_text(t)
        best["ftfy"] = min(best["ftfy"], time.perf_counter() - t0)
    return {"chars": chars, "bytes": size, **best}


def report(us: dict, off: int, sh: dict, uk_bbc: list, sp: dict, argv: list[str]) -> str:
    per10k = lambda n, t: 10_000 * n / max(t, 1)  # noqa: E731
    lines = [
        f"Run {dt.date.today().isoformat()}, `python {' '.join(argv)}`.",
        "",
        "| measure | figure |",
        "|---|---|",
        f"| BBC (British), `us`: conversions | {us['n']:,} in {us['tokens']:,} tokens = "
        f"{per10k(us['n'], us['tokens']):.1f} per 10,000 tokens; {len(us['conversions'])} distinct; "
        f"{us['docs_changed']:,} of 2,225 articles changed |",
        f"| BBC, `us`: converted words capitalised and not at a sentence start | {len(us['proper'])} |",
        f"| BBC, `us`: `Labour` (capitalised) changed | {us['labour'][1]} of {us['labour'][0]:,} |",
        f"| BBC, `us`: capitalised table words in a name phrase changed | "
        f"{sum(us['phrase_changed'].values())} of {sum(us['phrases'].values()):,} |",
        f"| BBC, `off`: changes | {off} |",
        f"| scrapinghub gold bodies from US outlets, `us` | {len(sh['us'])} in {sh['us_tokens']:,} tokens = "
        f"{per10k(len(sh['us']), sh['us_tokens']):.2f} per 10,000 tokens (goal ≤ 1) |",
        f"| scrapinghub gold bodies, other outlets, `us` | {len(sh['other'])} in {sh['other_tokens']:,} tokens = "
        f"{per10k(len(sh['other']), sh['other_tokens']):.2f} per 10,000 tokens |",
        f"| BBC, `uk` (American -> British on British text) | {len(uk_bbc)} changes = "
        f"{per10k(len(uk_bbc), us['tokens']):.2f} per 10,000 tokens |",
        f"| speed on BBC ({sp['chars'] / 1e6:.1f} M characters) | `spelling` {sp['chars'] / sp['spelling'] / 1e6:.1f} M chars/s "
        f"({sp['bytes'] / sp['spelling'] / 1e6:.1f} MB/s); `ftfy.fix_text` {sp['chars'] / sp['ftfy'] / 1e6:.1f} M chars/s; "
        f"the step takes {sp['spelling'] / sp['ftfy']:.2f}× ftfy's time ({sp['ftfy'] / sp['spelling']:.1f}× faster) |",
        "",
        "Every distinct BBC conversion (`us`), with its count:",
        "",
        ", ".join(f"{a}→{b} {n}" for (a, b), n in sorted(us["conversions"].items(), key=lambda kv: (-kv[1], kv[0]))),
        "",
        "Converted words capitalised and not at a sentence start:",
        "",
    ]
    lines += [f"- {p}" for p in us["proper"]] or ["- none"]
    top = sorted(us["phrases"].items(), key=lambda kv: (-kv[1], kv[0]))[:25]
    lines += [
        "",
        "Most frequent name phrases with a table word (occurrences, changed):",
        "",
        ", ".join(f"{p} {n} ({us['phrase_changed'][p]})" for p, n in top),
        "",
        "Changes on scrapinghub gold bodies from US outlets (`us`):",
        "",
    ]
    lines += [f"- `{w}`→`{a}` ({site}): …{ctx}…" for site, w, a, ctx in sh["us"]] or ["- none"]
    lines += ["", "Changes on scrapinghub gold bodies from other outlets (`us`):", ""]
    lines += [f"- `{w}`→`{a}` ({site})" for site, w, a, _ in sh["other"]] or ["- none"]
    lines += ["", "Changes on BBC text in `uk` mode (words the BBC wrote the American way):", ""]
    lines += [f"- `{w}`→`{a}` ({name}): …{ctx}…" for name, w, a, ctx in uk_bbc] or ["- none"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = DEFAULT_CORPORA
    ap.add_argument("--corpora", type=Path, default=default)
    args = ap.parse_args(argv)
    if not (args.corpora / "typos" / "bbc-fulltext.tar.gz").is_file():
        print(f"corpora not found at {args.corpora}; skipping")
        return 0
    from newsclean.plugins.spelling import SpellingNormalizer, table

    texts = bbc_texts(args.corpora)
    us_step = SpellingNormalizer(variety="us")
    us = bbc_us(texts, us_step, table("us").mapping)
    off = sum(len(d.edits) for d in run(SpellingNormalizer(variety="off"), texts))
    sh: dict = {"us": [], "other": [], "us_tokens": 0, "other_tokens": 0}
    gold = args.corpora / "boilerplate" / "scrapinghub" / "ground-truth.json"
    if gold.is_file():
        pages = json.loads(gold.read_text(encoding="utf-8"))
        for page_id, page in sorted(pages.items()):
            site = urlparse(page.get("url") or "").netloc.removeprefix("www.")
            body = page.get("articleBody") or ""
            group = "us" if site in US_OUTLETS else "other"
            sh[f"{group}_tokens"] += len(TOKEN.findall(body))
            sh[group] += [(site, w, a, ctx) for _, w, a, ctx in changes([(page_id, body)], us_step)]
    uk_bbc = changes(texts, SpellingNormalizer(variety="uk"))
    sp = speed(texts, us_step)
    text = report(us, off, sh, uk_bbc, sp, ["benchmarks/bench_spelling.py", *(argv or sys.argv[1:])])
    write_section(ROOT / "benchmarks" / "RESULTS.md", "spelling", "Spelling (bench_spelling.py)", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
