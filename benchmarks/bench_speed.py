"""Speed of newsclean against ftfy, on real news text.

What it measures, in one single-process run over the same texts:

* throughput (MB/s of UTF-8 input, docs/s) of
  (a) ``ftfy.fix_text`` with its defaults — the reference,
  (b) the full default pipeline (``Pipeline.from_config({})``, then
      ``pipeline.clean(text)`` per document),
  (c) each normalizer of that pipeline alone (``normalizer(Document(text))``
      on the raw text);
* on two inputs: the BBC News corpus (clean, edited prose) and the
  scrapinghub article-extraction-benchmark outputs (the ``articleBody`` of
  every extractor: the text newsclean gets in real use);
* how many edits each step/rule makes per input, and the share of documents
  changed (by the pipeline, and by ftfy alone for comparison).

Why: ftfy is the one dependency doing comparable per-character work, so
"how many times ftfy's time" is the figure that carries from one machine to
another; absolute times do not. Machines are noisy, so the passes are
interleaved (ftfy, pipeline, each normalizer; three rounds over the whole
input) and the best time of each is kept. The structure stage's cost (issue 5:
at most 25% of the chain's throughput) is measured by paired runs, each document
through the chain with and without the stage back to back, so that the noise
hits both alike (``paired_cut``).

Run from the repository root::

    python benchmarks/bench_speed.py            # full run, rewrites the speed section of RESULTS.md
    python benchmarks/bench_speed.py --quick    # every 10th document

Corpus data is read in place from ``--corpora`` and never copied. Without it
the script prints "corpora not found at ...; skipping" and exits 0 (exit 2
with ``--require-corpora``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shlex
import subprocess
import sys
import tarfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

import ftfy

import newsclean
from newsclean import Document
from newsclean.pipeline import Pipeline

# benchmarks/results.py, shared by the benchmarks (a script's own folder is on sys.path).
from results import write_section

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = Path(os.environ.get("NEWSCLEAN_CORPORA", REPO_ROOT.parent / "shared" / "corpora"))
RESULTS_PATH = REPO_ROOT / "benchmarks" / "RESULTS.md"
BBC_TARBALL = Path("typos") / "bbc-fulltext.tar.gz"
SCRAPINGHUB_OUTPUTS = Path("boilerplate") / "scrapinghub" / "output"

#: This script owns the RESULTS.md text between ``<!-- speed:start -->`` and ``<!-- speed:end -->``.
SECTION_KEY = "speed"
SECTION_HEADING = "Speed (bench_speed.py)"

ROUNDS = 3
#: the structure stage's cut is measured by paired runs: each document through the chain with
#: and without it, back to back (the order alternating), this many times; each one's best time kept
PAIRED_ROUNDS = 5
QUICK_EVERY = 10  # --quick keeps every 10th document (a 10% sample, spread over the corpus)
REFERENCE = "ftfy.fix_text"
PIPELINE = "pipeline (all)"
WITHOUT_STRUCTURE = "pipeline without structure"
STRUCTURE_STEPS = ("structure", "stray_quotes")

Runner = Callable[[str], Any]


# -- inputs -------------------------------------------------------------------
@dataclass
class Corpus:
    """One benchmark input: texts in a fixed order, plus notes on how they were read."""

    name: str
    ids: list[str]
    texts: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def nbytes(self) -> int:
        return sum(len(t.encode("utf-8")) for t in self.texts)

    def every(self, step: int) -> "Corpus":
        """Every ``step``-th document (a deterministic sample spread over the whole input)."""
        note = f"--quick: every {step}th document ({len(self.texts[::step])} of {len(self.texts)})"
        return Corpus(self.name, self.ids[::step], self.texts[::step], [*self.notes, note])


def load_bbc(corpora: Path) -> Corpus | None:
    """The 2,225 BBC articles (``bbc/<section>/<n>.txt``), read from the tarball, sorted by name."""
    tarball = corpora / BBC_TARBALL
    if not tarball.is_file():
        return None
    corpus = Corpus("BBC", [], [])
    with tarfile.open(tarball) as tar:
        members = sorted(
            (m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt") and m.name.count("/") == 2),
            key=lambda m: m.name,
        )
        for member in members:
            handle = tar.extractfile(member)
            assert handle is not None  # a regular file
            corpus.ids.append(member.name)
            corpus.texts.append(decode(handle.read(), member.name, corpus.notes))
    return corpus


def decode(raw: bytes, name: str, notes: list[str]) -> str:
    """UTF-8, or UTF-8 with ``errors="replace"`` (noted) for a file that is not valid UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        notes.append(
            f"`{name}` is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}): "
            'decoded with errors="replace"'
        )
        return raw.decode("utf-8", errors="replace")


def load_scrapinghub(corpora: Path) -> Corpus | None:
    """Every extractor's non-empty ``articleBody``, ids ``<tool>/<page_id>``, tools and pages sorted."""
    folder = corpora / SCRAPINGHUB_OUTPUTS
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        return None
    corpus = Corpus("scrapinghub", [], [])
    empty: Counter[str] = Counter()
    for path in files:
        for page_id, body in sorted(article_bodies(path).items()):
            if body:
                corpus.ids.append(f"{path.stem}/{page_id}")
                corpus.texts.append(body)
            else:
                empty[path.stem] += 1
    corpus.notes.append(f"{len(files)} extractors: {', '.join(p.stem for p in files)}")
    if empty:
        listed = ", ".join(f"{tool} {n}" for tool, n in sorted(empty.items()))
        corpus.notes.append(f"{sum(empty.values())} empty or missing articleBody skipped ({listed})")
    return corpus


def article_bodies(path: Path) -> dict[str, str]:
    """``{page_id: articleBody}`` of one output file, in either of its two formats."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    pages = data["output"] if isinstance(data.get("output"), dict) else data
    return {page_id: (entry or {}).get("articleBody") or "" for page_id, entry in pages.items()}


# -- timing -------------------------------------------------------------------
@dataclass
class Timing:
    """The times of one runner over the whole input, one per round."""

    name: str
    seconds: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def spread(self) -> float:
        """Worst over best round: how noisy the machine was for this runner."""
        return max(self.seconds) / self.best


def runners_for(pipeline: Pipeline) -> dict[str, Runner]:
    """ftfy first (the reference), then the whole pipeline, then each normalizer alone."""
    runners: dict[str, Runner] = {REFERENCE: ftfy.fix_text, PIPELINE: pipeline.clean}
    rest = pipeline.with_normalizers([n for n in pipeline.normalizers if n.name not in STRUCTURE_STEPS])
    if len(rest.normalizers) < len(pipeline.normalizers):
        # issue 5: the structure stage may cost at most 25% of the chain's throughput
        runners[WITHOUT_STRUCTURE] = rest.clean
    for normalizer in pipeline.normalizers:
        runners[normalizer.name] = lambda text, n=normalizer: n(Document(text))
    return runners


def time_pass(runner: Runner, texts: Sequence[str]) -> tuple[float, list[Any]]:
    """Run ``runner`` over every text once; the wall time and the outputs."""
    gc.collect()
    start = time.perf_counter()
    outputs = [runner(text) for text in texts]
    return time.perf_counter() - start, outputs


def measure(runners: dict[str, Runner], texts: Sequence[str]) -> tuple[dict[str, Timing], dict[str, list[Any]]]:
    """Interleaved rounds over all runners; the timings and each runner's first-round outputs."""
    timings = {name: Timing(name) for name in runners}
    outputs: dict[str, list[Any]] = {}
    for round_no in range(ROUNDS):
        for name, runner in runners.items():
            seconds, result = time_pass(runner, texts)
            timings[name].seconds.append(seconds)
            if round_no == 0:
                outputs[name] = result
            print(f"  round {round_no + 1}/{ROUNDS}  {name:<16} {seconds:8.2f} s", file=sys.stderr)
    return timings, outputs


@dataclass
class PairedCut:
    """The structure stage's share of the chain's time, from paired per-document runs."""

    rounds: int
    best_with: float  # the sum over documents of each one's best time through the whole chain
    best_without: float  # ... through the chain without the structure stage
    total_with: float  # every round's time, summed
    total_without: float

    @property
    def cut(self) -> float:
        """How much the stage cuts throughput, on each document's best times."""
        return 1 - self.best_without / self.best_with

    @property
    def cut_all_rounds(self) -> float:
        return 1 - self.total_without / self.total_with


def paired_cut(with_stage: Runner, without: Runner, texts: Sequence[str], rounds: int = PAIRED_ROUNDS) -> PairedCut:
    """Time each document through both chains back to back, ``rounds`` times, the order
    alternating. A burst of noise on the shared machine then hits both chains' times of the
    same documents alike, and each document's best time is its cost on a quiet machine."""
    best_with = [float("inf")] * len(texts)
    best_without = [float("inf")] * len(texts)
    total_with = total_without = 0.0
    clock = time.perf_counter
    for round_no in range(rounds):
        gc.collect()
        for i, text in enumerate(texts):
            first, second = (with_stage, without) if (i + round_no) % 2 else (without, with_stage)
            start = clock()
            first(text)
            middle = clock()
            second(text)
            end = clock()
            a, b = (middle - start, end - middle) if first is with_stage else (end - middle, middle - start)
            best_with[i] = min(best_with[i], a)
            best_without[i] = min(best_without[i], b)
            total_with += a
            total_without += b
        print(f"  paired round {round_no + 1}/{rounds}: cut {1 - sum(best_without) / sum(best_with):.1%}", file=sys.stderr)
    return PairedCut(rounds, sum(best_with), sum(best_without), total_with, total_without)


# -- edits --------------------------------------------------------------------
EditKey = tuple[str, str, str]


@dataclass
class EditStats:
    """What the pipeline changed on one input."""

    docs: int
    changed: int  # documents whose text differs from the input
    changed_inside: int  # ... from the input with its edges stripped (more than a trimmed final newline)
    ftfy_changed: int  # documents ftfy.fix_text alone would change
    #: (step, rule, target) -> edits / documents touched; target is "text" or the metadata field.
    by_rule: Counter[EditKey]
    docs_by_rule: Counter[EditKey]
    docs_by_step: Counter[str]

    @property
    def text_edits(self) -> int:
        return sum(n for (_, _, target), n in self.by_rule.items() if target == "text")

    @property
    def meta_edits(self) -> int:
        return sum(self.by_rule.values()) - self.text_edits


def edit_stats(texts: Sequence[str], docs: Sequence[Document], ftfy_texts: Sequence[str]) -> EditStats:
    by_rule: Counter[EditKey] = Counter()
    docs_by_rule: Counter[EditKey] = Counter()
    docs_by_step: Counter[str] = Counter()
    for doc in docs:
        rules = Counter((e.step, e.rule, e.field or "text") for e in doc.edits)
        by_rule.update(rules)
        docs_by_rule.update(rules.keys())
        docs_by_step.update({step for step, _, _ in rules})
    return EditStats(
        docs=len(texts),
        changed=sum(doc.text != text for doc, text in zip(docs, texts)),
        changed_inside=sum(doc.text != text.strip() for doc, text in zip(docs, texts)),
        ftfy_changed=sum(fixed != text for fixed, text in zip(ftfy_texts, texts)),
        by_rule=by_rule,
        docs_by_rule=docs_by_rule,
        docs_by_step=docs_by_step,
    )


# -- one input, end to end ----------------------------------------------------
@dataclass
class InputResult:
    corpus: Corpus
    nbytes: int
    timings: dict[str, Timing]
    edits: EditStats
    structure_cut: PairedCut | None = None


def bench_input(corpus: Corpus, pipeline: Pipeline) -> InputResult:
    print(f"{corpus.name}: {len(corpus.texts)} documents", file=sys.stderr)
    runners = runners_for(pipeline)
    timings, outputs = measure(runners, corpus.texts)
    edits = edit_stats(corpus.texts, outputs[PIPELINE], outputs[REFERENCE])
    cut = None
    if WITHOUT_STRUCTURE in runners:
        cut = paired_cut(runners[PIPELINE], runners[WITHOUT_STRUCTURE], corpus.texts)
    return InputResult(corpus, corpus.nbytes, timings, edits, cut)


# -- report -------------------------------------------------------------------
def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def headline(results: Sequence[InputResult]) -> list[str]:
    """One line per input: the pipeline's time as a multiple of ftfy's."""
    lines = []
    for r in results:
        ratio = r.timings[PIPELINE].best / r.timings[REFERENCE].best
        line = f"- **{r.corpus.name}**: the full pipeline takes **{ratio:.2f}×** the time of `ftfy.fix_text`"
        if r.structure_cut is not None:
            c = r.structure_cut
            rounds_cut = 1 - r.timings[WITHOUT_STRUCTURE].best / r.timings[PIPELINE].best
            line += (
                f"; the structure stage ({', '.join(STRUCTURE_STEPS)}) cuts the chain's throughput by "
                f"**{c.cut:.1%}** (goal ≤ 25%; each document's best of {c.rounds} paired runs; "
                f"{c.cut_all_rounds:.1%} over all those runs, {rounds_cut:.1%} from the best rounds in the table)"
            )
        lines.append(line)
    return lines


def speed_table(r: InputResult) -> list[str]:
    reference = r.timings[REFERENCE].best
    docs = len(r.corpus.texts)
    lines = [
        "| runner | time / ftfy | MB/s | docs/s | best s | worst/best |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t in r.timings.values():
        lines.append(
            f"| `{t.name}` | {t.best / reference:.2f} | {r.nbytes / 1e6 / t.best:.2f} | "
            f"{docs / t.best:,.0f} | {t.best:.2f} | {t.spread:.2f} |"
        )
    return lines


def edits_table(r: InputResult) -> list[str]:
    e = r.edits
    lines = [
        f"Documents changed by the pipeline: {e.changed:,} of {e.docs:,} ({percent(e.changed, e.docs)}); "
        f"beyond stripping the text's edges: {e.changed_inside:,} ({percent(e.changed_inside, e.docs)}); "
        f"by `ftfy.fix_text` alone: {e.ftfy_changed:,} ({percent(e.ftfy_changed, e.docs)}). "
        f"Text edits: {e.text_edits:,}; metadata edits: {e.meta_edits:,}. "
        f"Documents touched per step: "
        + (", ".join(f"{step} {n:,} ({percent(n, e.docs)})" for step, n in sorted(e.docs_by_step.items())) or "none")
        + ".",
        "",
        "| step | rule | changes | edits | docs | share of docs |",
        "|---|---|---|---:|---:|---:|",
    ]
    for key, count in sorted(e.by_rule.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1:])):
        step, rule, target = key
        touched = e.docs_by_rule[key]
        lines.append(f"| {step} | `{rule}` | {target} | {count:,} | {touched:,} | {percent(touched, e.docs)} |")
    if not e.by_rule:
        lines.append("| — | — | — | 0 | 0 | 0.0% |")
    return lines


def input_section(r: InputResult) -> list[str]:
    c = r.corpus
    lines = [
        f"### {c.name}: {len(c.texts):,} documents, {r.nbytes / 1e6:.2f} MB UTF-8",
        "",
        *(f"- {note}" for note in c.notes),
        "",
        *speed_table(r),
        "",
        *edits_table(r),
        "",
    ]
    return lines


def machine_info(argv: Sequence[str]) -> list[str]:
    """Date, command, interpreter, machine and code versions, taken when the run starts."""
    return [
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- command: `{command_line(argv)}`",
        f"- python {platform.python_version()} ({platform.python_implementation()}), "
        f"{os.cpu_count()} CPUs, {platform.machine()}, {platform.system()} {platform.release()}",
        f"- newsclean {newsclean.__version__} (git {git_commit()}), ftfy {ftfy.__version__}",
    ]


def command_line(argv: Sequence[str]) -> str:
    script = Path(sys.argv[0]).resolve()
    try:
        shown = script.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        shown = str(script)
    return shlex.join(["python", shown, *argv])


def git_commit() -> str:
    """The short commit hash, with "+ uncommitted changes" when the tree differs from it."""
    commit = git("rev-parse", "--short", "HEAD")
    if commit is None:
        return "unknown"
    return commit + (" + uncommitted changes" if git("status", "--porcelain") else "")


def git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(REPO_ROOT), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def render(results: Sequence[InputResult], pipeline: Pipeline, info: list[str], build_seconds: float) -> str:
    chain = " > ".join(pipeline.names)
    lines = [
        *headline(results),
        "",
        *info,
        f"- pipeline: {chain} (built in {build_seconds:.2f} s, not timed below)",
        f"- method: single process; {ROUNDS} interleaved rounds over the whole input "
        f"(ftfy, pipeline, then each normalizer alone on the raw text); best round kept. "
        f"`time / ftfy` > 1 means slower than ftfy. MB = 10^6 bytes of UTF-8 input. "
        f"`worst/best` shows the machine's noise. The structure stage's cut: each document through the "
        f"chain with and without it, back to back, {PAIRED_ROUNDS} times (the order alternating); the sums of "
        f"each document's best times compared.",
        "",
        *(line for r in results for line in input_section(r)),
    ]
    return "\n".join(lines) + "\n"


# -- main ---------------------------------------------------------------------
def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"use every {QUICK_EVERY}th document (10%% sample)")
    parser.add_argument(
        "--corpora", type=Path, default=DEFAULT_CORPORA,
        help=f"evaluation corpora folder (default: $NEWSCLEAN_CORPORA or {DEFAULT_CORPORA})",
    )
    parser.add_argument(
        "--require-corpora", action="store_true",
        help="exit 2 instead of 0 when the corpora are missing (for CI that must run the benchmark)",
    )
    return parser.parse_args(argv)


def load_inputs(corpora: Path, quick: bool) -> list[Corpus]:
    found = [c for c in (load_bbc(corpora), load_scrapinghub(corpora)) if c is not None]
    return [c.every(QUICK_EVERY) for c in found] if quick else found


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    corpora = args.corpora.resolve()
    inputs = load_inputs(corpora, args.quick) if corpora.is_dir() else []
    if not inputs:
        print(f"corpora not found at {corpora}; skipping")
        return 2 if args.require_corpora else 0

    info = machine_info(argv)
    start = time.perf_counter()
    # An explicit empty config: the default chain, whatever config file the working directory holds.
    pipeline = Pipeline.from_config({})
    build_seconds = time.perf_counter() - start

    results = [bench_input(corpus, pipeline) for corpus in inputs]
    body = render(results, pipeline, info, build_seconds)
    write_section(RESULTS_PATH, SECTION_KEY, SECTION_HEADING, body)
    print(f"## {SECTION_HEADING}\n\n{body}")
    print(f"(written to {RESULTS_PATH})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
