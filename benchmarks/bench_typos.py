"""Typos benchmark (so far: doubled words), and the damage the step does to clean text.

1. ``typos/bbc_doubled_words_labeled.tsv``: every same-line repeated word of the
   BBC corpus, labelled error or legitimate; the step must fix the 17 errors and
   leave the 47 legitimate repeats. The naive rule (delete every repeat) is the
   comparison, scored the same way in the same run.
2. Damage: every change the step makes on the BBC test split (70% of the files by
   a fixed hash of the name), per 10,000 tokens, each listed for review.

   symspellpy (``lookup`` per token, max edit distance 2, its bundled dictionary)
   and pyspellchecker (``correction`` per token, on a fixed sample of tokens) are
   run on the same text for comparison: the share of tokens they change.
3. Injected real-word errors: in the BBC test split, one word of a confusion set
   per sentence (chosen at random with a fixed seed) is replaced by another word of
   its set; the step runs on the injected sentence and on the original. Per pair:
   injected, fixed, missed, wrong (changed into a third word), broken (changes to
   the original, uninjected sentences), precision = fixed / (fixed + wrong +
   broken) and recall = fixed / injected (LanguageTool's per-pair scoring), overall,
   and ``with -> will`` before a determiner (``relations will all``) on its own.
4. Speed: words per second of the typos step on the BBC test text, and as a ratio
   to symspellpy's ``lookup_compound`` on the same documents in the same run.

``--tune`` runs part 3 (and the damage of part 2) on the *tune* split instead (the
30% of files ``is_test_file`` leaves out) for a grid of thresholds, prints the
grid and writes nothing: the thresholds of plugins/typos.py were chosen from it.
The test split is never used to choose anything.

Run: ``python benchmarks/bench_typos.py [--corpora PATH] [--tune]``; writes the
``typos`` section of benchmarks/RESULTS.md. Non-word misspellings (issue 6's
other half) are not built yet.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from comparisons import compound_seconds, step_seconds, symspell  # noqa: E402
from corpus import DEFAULT_CORPORA, bbc_articles  # noqa: E402
from results import write_section  # noqa: E402

TOKEN = re.compile(r"\w+")
NAIVE = re.compile(r"\b(\w+) +\1\b")


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


def bbc_documents(corpora: Path, test: bool = True) -> list[tuple[str, str]]:
    """The BBC files of one split, sorted by name."""
    return list(bbc_articles(corpora, "test" if test else "tune"))


def damage(docs: list[tuple[str, str]], pipeline) -> tuple[int, int, list[tuple[str, str, str, str, str]]]:
    """Every typos edit on clean text: (file, rule, before, after, note) and the context."""
    tokens = 0
    changes = []
    for name, text in docs:
        tokens += len(TOKEN.findall(text))
        doc = pipeline.clean(text, id=name)
        current = text  # replay the log: each edit's offsets are in the text as it was then
        for e in doc.edits:
            if e.field is not None:
                continue
            if e.step == "typos":
                context = current[max(0, e.start - 50) : e.end + 50].replace("\n", " ")
                changes.append((name, e.rule, e.before.strip(), e.after, e.note or "", context))
            current = current[: e.start] + e.after + current[e.end :]
    return tokens, len(changes), changes


# -- injected real-word errors ------------------------------------------------------

SENTENCE = re.compile(r"(?<=[.!?])[\"']?\s+(?=[\"']?[A-Z])")
SEED = 6
#: ``relations will all``: the seed's error, a determiner or pronoun after with -> will
DETERMINERS = frozenset(
    "all the his her their its a an this that these those our my your him them us me each every some any "
    "both such other many".split()
)


def sentences(text: str) -> list[str]:
    """The body's sentences (the first line, the headline, left out), one paragraph at a time."""
    out = []
    for paragraph in text.split("\n")[1:]:
        out += [s.strip() for s in SENTENCE.split(paragraph.strip()) if len(s.split()) >= 4]
    return out


def injections(docs: list[tuple[str, str]], seed: int = SEED) -> list[dict]:
    """One error per sentence that has a confusion-set word: a random occurrence, a random other word of its set."""
    from newsclean.plugins.typos import confusion_data

    data = confusion_data()
    rng = random.Random(seed)
    out = []
    for name, text in docs:
        for sentence in sentences(text):
            spots = [
                m for m in data.pattern.finditer(sentence)
                if m.group() == m.group().lower() or (m.start() == 0 and m.group()[1:] == m.group()[1:].lower())
            ]
            if not spots:
                continue
            m = rng.choice(spots)
            word = m.group().lower().replace("\u2019", "'")
            into = rng.choice(data.members[word])
            token = into[0].upper() + into[1:] if m.group()[0].isupper() else into
            following = sentence[m.end() :].split()
            out.append({
                "file": name, "sentence": sentence, "injected": sentence[: m.start()] + token + sentence[m.end() :],
                "start": m.start(), "end": m.start() + len(token), "word": word, "into": into,
                "pair": "/".join(sorted((word, into))),
                "next": following[0].lower().strip(".,;:!?\"'") if following else "",
            })
    return out


def score_injections(cases: list[dict], fix) -> dict:
    """Run ``fix(text) -> [(start, end, before, after)]`` on each case's injected and original sentence."""
    per_pair: dict = defaultdict(Counter)
    broken_list = []
    for case in cases:
        pair = per_pair[case["pair"]]
        pair["injected"] += 1
        outcome = "missed"
        for start, end, before, after in fix(case["injected"]):
            if start == case["start"]:
                outcome = "fixed" if after.lower() == case["word"] else "wrong"
        pair[outcome] += 1
        if case["word"] == "with" and case["into"] == "will" and case["next"] in DETERMINERS:
            per_pair["with->will + determiner"]["injected"] += 1
            per_pair["with->will + determiner"][outcome] += 1
        for start, end, before, after in fix(case["sentence"]):
            key = "/".join(sorted((before.lower(), after.lower())))
            per_pair[key]["broken"] += 1
            broken_list.append((case["file"], before, after, case["sentence"]))
    return {"pairs": per_pair, "broken": broken_list}


def step_fixes(normalizer):
    import newsclean

    def fix(text):
        doc = newsclean.Document(text)
        normalizer(doc)
        return [(e.start, e.start + len(e.after), e.before, e.after) for e in doc.edits if e.rule == "confusion"]

    return fix


def totals(pairs: dict) -> Counter:
    total = Counter()
    for key, c in pairs.items():
        if "->" not in key:
            total.update(c)
    return total


def precision(c: Counter) -> float:
    alarms = c["fixed"] + c["wrong"] + c["broken"]
    return c["fixed"] / alarms if alarms else 1.0


def recall(c: Counter) -> float:
    return c["fixed"] / c["injected"] if c["injected"] else 0.0


def tune(corpora: Path) -> int:
    """Grid of (UNSEEN, MIN_PRODUCT, MIN_SIDE) on the tune split; prints, writes nothing."""
    import itertools

    from newsclean.plugins import typos

    docs = bbc_documents(corpora, test=False)
    cases = injections(docs)
    tokens = sum(len(TOKEN.findall(t)) for _, t in docs)
    print(f"tune split: {len(docs)} files, {tokens:,} tokens, {len(cases)} injected sentences")
    grid = []
    for unseen in (0.1, 0.25, 0.5):
        scored = []
        for case in cases:
            scored.append((
                case,
                typos.confusion_candidates(case["injected"], unseen),
                typos.confusion_candidates(case["sentence"], unseen),
            ))
        # the whole clean documents too (not only sentences): false changes per 10k tokens
        clean = [c for _, t in docs for c in typos.confusion_candidates(t, unseen)]
        for product, context, side, one_sided in itertools.product(
            (20, 50, 100, 200, 500), (5, 10, 20, 50), (1, 1.5, 2), (20, 50, 100, 200, 500, 1000)
        ):
            if one_sided < product:
                continue

            def ok(c):
                if c.product < product or c.context < context or min(c.left / c.prior, c.right) < side:
                    return False
                return min(c.product, c.context) >= one_sided or (c.left != 1.0 and c.right != 1.0)

            per_pair: dict = defaultdict(Counter)
            for case, injected, original in scored:
                pair = per_pair[case["pair"]]
                pair["injected"] += 1
                outcome = "missed"
                for c in injected:
                    if ok(c) and c.start == case["start"]:
                        outcome = "fixed" if c.alternative == case["word"] else "wrong"
                pair[outcome] += 1
                for c in original:
                    if ok(c):
                        per_pair["/".join(sorted((c.word, c.alternative)))]["broken"] += 1
            damage_n = sum(1 for c in clean if ok(c))
            total = totals(per_pair)
            grid.append((unseen, product, context, side, one_sided, recall(total), precision(total), damage_n, per_pair))
    print("unseen product context side one_sided | recall precision | clean changes per 10k")
    print("(rule: the most recall with at most 0.75 changes per 10,000 clean tokens, real errors included:")
    print(" a margin under the goal of 1 false change per 10,000; only settings within 1 per 10,000 listed)")
    for unseen, product, context, side, one_sided, r, p, d, _ in sorted(grid, key=lambda g: -g[5]):
        if d <= tokens / 10_000:
            print(f"{unseen:5} {product:6} {context:6} {side:4} {one_sided:6} | {r:.3f} {p:.3f} | {d} = {10_000 * d / tokens:.2f}")
    settings = (typos.UNSEEN, typos.MIN_PRODUCT, typos.MIN_CONTEXT, typos.MIN_SIDE, typos.MIN_ONE_SIDED)
    chosen = [g for g in grid if g[:5] == settings]
    for *_, per_pair in chosen:
        print("per pair at the chosen thresholds:")
        for key, c in sorted(per_pair.items()):
            print(f"  {key:18} inj {c['injected']:5} fixed {c['fixed']:5} wrong {c['wrong']:3} broken {c['broken']:3} "
                  f"P {precision(c):.3f} R {recall(c):.3f}")
    return 0


# -- comparisons: symspellpy and pyspellchecker ----------------------------------------

def spellers_damage(docs: list[tuple[str, str]], sym, sample_every: int) -> dict:
    """Share of tokens each spell checker changes on clean text (lower-cased word tokens)."""
    from spellchecker import SpellChecker
    from symspellpy import Verbosity

    words = [w.lower() for _, t in docs for w in WORD.findall(t)]
    cache: dict = {}

    def sym_changes(w):
        if w not in cache:
            top = sym.lookup(w, Verbosity.TOP, max_edit_distance=2)
            cache[w] = bool(top) and top[0].term != w
        return cache[w]

    checker = SpellChecker()
    pcache: dict = {}

    def pys_changes(w):
        if w not in pcache:
            fixed = checker.correction(w)
            pcache[w] = fixed is not None and fixed != w
        return pcache[w]

    sample = words[::sample_every]
    t0 = time.perf_counter()
    s = sum(map(sym_changes, words))
    t1 = time.perf_counter()
    p = sum(map(pys_changes, sample))
    t2 = time.perf_counter()
    return {"tokens": len(words), "symspell": s, "sample": len(sample), "pyspell": p,
            "sym_s": t1 - t0, "pys_s": t2 - t1}


WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
#: pyspellchecker is slow on unknown words (edit distance 2): every 20th token
SAMPLE_EVERY = 20


def speed(docs: list[tuple[str, str]], normalizer, sym, n_docs: int) -> dict:
    """Words/s of the typos step (all test docs, and the first ``n_docs``) and of lookup_compound on those."""
    words_all = sum(len(t.split()) for _, t in docs)
    subset = docs[:n_docs]
    words_sub = sum(len(t.split()) for _, t in subset)
    step_all = step_seconds(normalizer, docs)
    step_sub = step_seconds(normalizer, subset)
    compound = compound_seconds(sym, subset)
    return {"words_all": words_all, "step_all": step_all, "words_sub": words_sub, "step_sub": step_sub,
            "compound": compound, "n_docs": len(subset)}


def report(score: dict, tokens: int, n: int, changes: list, inj: dict, n_cases: int, spell: dict, fast: dict,
           argv: list[str]) -> str:
    from newsclean.plugins import typos

    o, v = score["ours"], score["naive"]
    lines = [
        f"Run {dt.date.today().isoformat()}, `python {' '.join(argv)}`.",
        "",
        "### Doubled words",
        "",
        "On `bbc_doubled_words_labeled.tsv` (17 errors, 47 legitimate repeats), same run:",
        "",
        "| rule | errors fixed | legitimate repeats kept |",
        "|---|---|---|",
        f"| newsclean `typos` | {o[0]} / {o[1]} | {o[2]} / {o[3]} |",
        f"| delete every repeat (naive) | {v[0]} / {v[1]} | {v[2]} / {v[3]} |",
        "",
        "### Damage on clean text",
        "",
        f"Changes by the typos step on the clean BBC test split (70% of files by hash, the full default "
        f"pipeline): {n} in {tokens:,} tokens = {10_000 * n / max(tokens, 1):.2f} per 10,000 tokens; each one "
        "(verdict: a labelled doubled word, or my reading of the sentence for a real-word change):",
        "",
    ]
    labelled = score["labelled_errors"]
    wrong = 0
    for name, rule, before, after, note, context in changes:
        if rule == "doubled_word":
            ok = (name.removeprefix("bbc/"), before) in labelled
            verdict = "a labelled error" if ok else "**not a labelled error**"
        else:
            ok = REVIEWED.get((name, before, after))
            verdict = {True: "a real error", False: "**false change**", None: "**not reviewed**"}[ok]
        wrong += not ok
        lines.append(f"- `{name}` {rule} `{before}` → `{after}` ({note}): {verdict} — before: …{context}…")
    if not changes:
        lines.append("- none")
    lines += [
        "",
        f"Changes that are not real errors: {wrong} ({10_000 * wrong / max(tokens, 1):.2f} per 10,000 tokens; goal ≤ 1).",
        "",
        f"Spell checkers on the same text (lower-cased word tokens; same run): symspellpy `lookup` "
        f"(max edit distance 2, bundled dictionary) changes {spell['symspell']:,} of {spell['tokens']:,} tokens "
        f"= {100 * spell['symspell'] / spell['tokens']:.2f}%; pyspellchecker `correction` (every "
        f"{spell['sample_every']}th token, {spell['sample']:,} tokens) changes {spell['pyspell']:,} = "
        f"{100 * spell['pyspell'] / max(spell['sample'], 1):.2f}% (published: 4.36% / 2.97%). newsclean's typos "
        f"step: {100 * n / max(tokens, 1):.3f}%.",
        "",
        "### Injected real-word errors",
        "",
        f"{n_cases:,} sentences of the test split, one confusion-set word each (random occurrence and partner, "
        f"seed {SEED}) replaced; the step runs on the injected and on the original sentence. fixed/missed/wrong "
        "count the injected word; broken counts changes to the original sentences; precision = fixed / (fixed + "
        f"wrong + broken), recall = fixed / injected. Thresholds (chosen on the tune split, `--tune`): "
        f"UNSEEN={typos.UNSEEN}, MIN_PRODUCT={typos.MIN_PRODUCT:g}, MIN_CONTEXT={typos.MIN_CONTEXT:g}, "
        f"MIN_SIDE={typos.MIN_SIDE:g}, MIN_ONE_SIDED={typos.MIN_ONE_SIDED:g}; never now→not, or→of.",
        "",
        "| pair | injected | fixed | missed | wrong | broken | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    pairs = inj["pairs"]
    total = totals(pairs)
    rows = [(k, c) for k, c in sorted(pairs.items()) if "->" not in k] + [("**overall**", total)]
    rows += [(k, c) for k, c in pairs.items() if "->" in k]
    for key, c in rows:
        lines.append(f"| {key} | {c['injected']:,} | {c['fixed']:,} | {c['missed']:,} | {c['wrong']:,} | "
                     f"{c['broken']:,} | {precision(c):.3f} | {recall(c):.3f} |")
    lines += ["", "Goals: overall fix rate ≥ 60% at precision ≥ 95%; with→will before a determiner fixed ≥ 80%."]
    lines += ["", "Changes to the original sentences:", ""]
    lines += [f"- `{f}` `{b}` → `{a}`: {sent}" for f, b, a, sent in inj["broken"]] or ["- none"]
    lines += [
        "",
        "### Speed",
        "",
        f"typos step (doubled words + confusion sets) on the whole BBC test split: {fast['words_all']:,} words in "
        f"{fast['step_all']:.2f} s = {fast['words_all'] / fast['step_all']:,.0f} words/s (one core, best of 3). "
        f"On its first {fast['n_docs']} files ({fast['words_sub']:,} words): typos "
        f"{fast['words_sub'] / fast['step_sub']:,.0f} words/s, symspellpy `lookup_compound` (per line, max edit "
        f"distance 2) {fast['words_sub'] / fast['compound']:,.0f} words/s: the typos step is "
        f"{fast['compound'] / fast['step_sub']:,.0f}× faster.",
    ]
    return "\n".join(lines)


#: My reading of each real-word change the step makes on the BBC test split: True = the text had an error.
#: (file, before, after) -> verdict. A change not listed here is reported as "not reviewed".
REVIEWED: dict[tuple[str, str, str], bool] = {
    ("bbc/business/130.txt", "of", "or"): False,  # the buying of used P-3 Orion
    ("bbc/business/249.txt", "to", "too"): False,  # could shrink to little more than $200bn
    ("bbc/business/346.txt", "then", "than"): True,  # would be less then those from the hurricanes
    ("bbc/business/371.txt", "effect", "affect"): True,  # the tsunami disaster may effect the service sector
    ("bbc/business/498.txt", "not", "now"): False,  # loans come not from the big four
    ("bbc/politics/025.txt", "one", "on"): False,  # over the next 20 years one household in three
    ("bbc/politics/030.txt", "form", "from"): True,  # It is clear form these figures
    ("bbc/politics/194.txt", "too", "to"): False,  # Conservatives here too have made
    ("bbc/politics/254.txt", "with", "will"): False,  # But with probably only four months
    ("bbc/politics/290.txt", "loose", "lose"): True,  # we loose the moral high ground
    ("bbc/politics/290.txt", "too", "to"): False,  # he's wrong too about the country
    ("bbc/politics/290.txt", "not", "now"): False,  # the country not becoming a tyranny
    ("bbc/politics/380.txt", "with", "will"): False,  # a year, with say no tax on below
    ("bbc/politics/380.txt", "there", "their"): True,  # can help there family
    ("bbc/sport/337.txt", "with", "will"): True,  # stressed the game with be won or lost
    ("bbc/sport/472.txt", "of", "or"): False,  # surrendered breaks of serve
    ("bbc/sport/491.txt", "of", "or"): False,  # have seen a break of serve
    ("bbc/tech/056.txt", "of", "or"): False,  # quench thirsts of even the most die-hard
    ("bbc/tech/056.txt", "will", "with"): False,  # an ESPN look will no doubt change
    ("bbc/tech/076.txt", "with", "will"): False,  # programmes with still images
    ("bbc/tech/090.txt", "it's", "its"): True,  # Every country's got it's own
    ("bbc/tech/153.txt", "then", "than"): False,  # key features then a whole new market
    ("bbc/tech/185.txt", "then", "than"): False,  # (the same article)
    ("bbc/tech/206.txt", "on", "one"): False,  # less for putting ads here than on more respected sites
    ("bbc/tech/208.txt", "of", "or"): False,  # a mobile phone of Mr van Gogh's body
    ("bbc/tech/232.txt", "of", "or"): False,  # the strangest queries of 2004
    ("bbc/tech/234.txt", "will", "with"): False,  # from one handset to another will it work?
    ("bbc/tech/288.txt", "then", "than"): True,  # rather then just being competent
    ("bbc/tech/307.txt", "then", "than"): False,  # If Apple gets its way then a lot of people
    ("bbc/tech/312.txt", "it's", "its"): True,  # (the same quote as tech/090)
    ("bbc/tech/337.txt", "will", "with"): False,  # a key focus as will making Yahoo Messenger
    ("bbc/tech/363.txt", "there", "their"): False,  # since its launch there last year
    ("bbc/tech/401.txt", "there", "their"): True,  # giving to much of there life
    ("bbc/tech/401.txt", "to", "too"): True,  # I play for to long / giving to much
    ("bbc/entertainment/364.txt", "It's", "Its"): True,  # It's success continues
    ("bbc/politics/087.txt", "there", "they're"): False,  # said there needed to be
    ("bbc/politics/139.txt", "will", "with"): False,  # This spirit of cooperation will, I hope, lead
    ("bbc/politics/203.txt", "their", "they're"): False,  # assessment of their likely market value
    ("bbc/sport/489.txt", "there", "their"): False,  # find a way out of there.
    ("bbc/sport/490.txt", "there", "their"): False,  # (the same article)
    ("bbc/tech/347.txt", "its", "it's"): False,  # the W800 - its recently unveiled Walkman
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = DEFAULT_CORPORA
    ap.add_argument("--corpora", type=Path, default=default)
    ap.add_argument("--tune", action="store_true", help="threshold grid on the tune split; writes nothing")
    args = ap.parse_args(argv)
    if not (args.corpora / "typos").is_dir():
        print(f"corpora not found at {args.corpora}; skipping")
        return 0
    if args.tune:
        return tune(args.corpora)
    import newsclean

    pipeline = newsclean.Pipeline.from_config({})
    score = doubled_words(args.corpora, pipeline["typos"])
    docs = bbc_documents(args.corpora, test=True)
    tokens, n, changes = damage(docs, pipeline)
    cases = injections(docs)
    inj = score_injections(cases, step_fixes(pipeline["typos"]))
    sym = symspell()
    spell = spellers_damage(docs, sym, sample_every=SAMPLE_EVERY)
    spell["sample_every"] = SAMPLE_EVERY
    fast = speed(docs, pipeline["typos"], sym, n_docs=30)
    text = report(score, tokens, n, changes, inj, len(cases), spell, fast,
                  ["benchmarks/bench_typos.py", *(argv or sys.argv[1:])])
    write_section(ROOT / "benchmarks" / "RESULTS.md", "typos", "Typos (bench_typos.py)", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
