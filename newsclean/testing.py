"""Helpers for testing normalizers (ours and plugin authors').

``assert_normalizes`` checks one before/after pair; ``run_cases`` runs a JSON
case file (``[{"before", "after", "meta", "why"}]``, like ftfy's test cases);
``check_normalizer`` checks the whole normalizer contract (metadata, pickling,
determinism, the edit log, undo, idempotence) on sample texts and returns a
:class:`NormalizerReport`; ``news_text`` is a hypothesis strategy for news-like
documents (hypothesis is imported only when it is used) and ``SAMPLE_TEXTS`` a
few fixed news-like texts.

Like :mod:`newsclean.document`, this module imports nothing heavy (no datasets).
"""

from __future__ import annotations

import collections
import functools
import json
import os
import pickle
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from .document import Document, Edit
from .normalizer import validate_normalizer

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


# -- the normalizer contract ----------------------------------------------------------------

#: A few news-like texts, raw as scraped: headline, byline, dateline, curly quotes,
#: odd spaces, mojibake, entities, a doubled word, British spellings, name
#: variants, a sign-off, a link block, a URL and a hashtag; plus the edge cases
#: (empty, blank, one word). ``check_normalizer`` runs a normalizer on each.
SAMPLE_TEXTS: tuple[str, ...] = (
    "Iraq and Iran sign deal on the Shatt al-Arab\n"
    "\n"
    "By Jane Smith\n"
    "\n"
    "BAGHDAD, March 3 (Reuters) - Iraq\u2019s government said on Sunday it had had\u00a0 talks with "
    "Iran on the the waterway, which Iranians call the Arvand Roud.\n"
    "\n"
    "\u201cWe favour co-operation with our neighbours,\u201d the minister said. \n"
    "\n"
    "Related News:\n"
    "Iraq PM visits Tehran\n"
    "\n"
    "Reporting by Jane Smith; Editing by Tom Brown\n",
    "Mar 16, 2019 17:46 Asia/Tehran\n"
    "\n"
    " Tehran (Iran Press) - The organisation\u2019s report on Qaddafi was published on Monday.  "
    "Officials  said it was \u201cfinal\u201d.\r\n"
    "\r\n"
    "Read more: http://example.org/a?b=1 #news @desk\r\n",
    "The caf\u00c3\u00a9 owner said sales rose 10 per cent &amp; costs fell.\n"
    "He\u2019ll meet the U.S. envoy at 9 a.m. on Tuesday.\n\n\n"
    "\u00a9 Example Times 2019",
    "Shares closed higher on Friday, traders said. The index gained 1.2 per cent.",
    "LONDON \u2014 Mr. Brown, 64, told the BBC: \u2018It\u2019s over.\u2019\n\n\tHe declined to comment further.",
    "",
    "   \n\n ",
    "Daesh",
)


@dataclass
class NormalizerReport:
    """What :func:`check_normalizer` saw: how often the normalizer acted, by rule.

    ``corpus_*`` are ``None`` when the shared corpora were not found (see
    :func:`find_corpora`); nothing is asserted about them, they are for reading.
    """

    name: str
    samples: int = 0
    changed: int = 0
    edits: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    untouched: int = 0
    examples: int = 0
    corpus: str | None = None
    corpus_documents: int | None = None
    corpus_changed: int | None = None
    corpus_edits: int | None = None
    corpus_rules: dict[str, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __str__(self) -> str:
        lines = [
            f"normalizer {self.name!r}: contract holds on {self.samples} sample texts"
            + (f" and {self.examples} generated examples" if self.examples else "")
            + (f"; {self.untouched} untouched texts left alone" if self.untouched else ""),
            f"  samples changed: {self.changed}, edits: {self.edits} " + _rules(self.rules),
        ]
        if self.corpus_documents is None:
            lines.append("  BBC sample: not run (no corpora found, or corpus_sample=0; set NEWSCLEAN_CORPORA)")
        else:
            lines.append(
                f"  BBC sample ({self.corpus_documents} articles): changed {self.corpus_changed}, "
                f"edits {self.corpus_edits} " + _rules(self.corpus_rules or {})
            )
        return "\n".join(lines)


def _rules(rules: Mapping[str, int]) -> str:
    return "(" + ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items(), key=lambda x: -x[1])) + ")" if rules else ""


def _fail(name: str, prop: str, where: str, detail: str, text: str | None = None) -> AssertionError:
    shown = "" if text is None else f"\n  input: {text[:300]!r}{' ...' if len(text) > 300 else ''}"
    return AssertionError(f"normalizer {name!r} breaks the contract [{prop}] on {where}: {detail}{shown}")


def _text_edits(edits: Iterable[Edit]) -> list[Edit]:
    return [e for e in edits if e.field is None]


def _run(normalizer: Any, text: str, where: str, name: str) -> Document:
    doc = Document(text, id=where)
    try:
        normalizer(doc)
    except Exception as exc:
        raise _fail(name, "raises", where, f"{type(exc).__name__}: {exc}", text) from exc
    return doc


def _check_text(normalizer: Any, text: str, where: str, report: NormalizerReport | None) -> Document:
    """Every per-text property; returns the first run's document."""
    name = normalizer.name
    doc = _run(normalizer, text, where, name)
    # every change is an edit, and every edit is this normalizer's
    if doc.text != text and not _text_edits(doc.edits):
        raise _fail(name, "records edits", where, "the text changed but no edit was recorded "
                    "(edit through doc.replace/remove/apply, never assign doc.text)", text)
    for key, value in doc.metadata.items():
        if value is not None and not any(e.field == key for e in doc.edits):
            raise _fail(name, "records edits", where, f"metadata {key!r} was set to {value!r} without an edit "
                        "(use doc.set_meta)", text)
    wrong = [e for e in doc.edits if e.step != name]
    if wrong:
        raise _fail(name, "edit steps", where, f"edit {wrong[0]} has step {wrong[0].step!r}; every edit's step "
                    f"must be the normalizer's name {name!r}", text)
    # lossless
    try:
        rebuilt = doc.undo()
    except Exception as exc:
        raise _fail(name, "undo", where, f"the edit log does not match the text: {exc}", text) from exc
    if rebuilt != text:
        raise _fail(name, "undo", where, f"undo() gives {rebuilt[:300]!r}, not the input", text)
    # deterministic
    again = _run(normalizer, text, where, name)
    if (again.text, again.edits, again.metadata) != (doc.text, doc.edits, doc.metadata):
        raise _fail(name, "deterministic", where, "a second run on the same input gave a different result: "
                    f"{again.text[:200]!r} with {len(again.edits)} edits vs {doc.text[:200]!r} with "
                    f"{len(doc.edits)} edits", text)
    # idempotent
    twice = _run(normalizer, doc.text, where + " (its own output)", name)
    if _text_edits(twice.edits):
        raise _fail(name, "idempotent", where, f"running it on its own output edits again: "
                    f"{_text_edits(twice.edits)[:3]}", text)
    if report is not None:
        report.samples += 1
        report.changed += doc.text != text
        report.edits += len(doc.edits)
        for e in doc.edits:
            report.rules[e.rule] = report.rules.get(e.rule, 0) + 1
    return doc


def check_normalizer(
    normalizer: Any,
    samples: Sequence[str] | None = None,
    *,
    untouched: Iterable[str] = (),
    examples: int = 50,
    corpus_sample: int = 20,
) -> NormalizerReport:
    """Check that ``normalizer`` keeps the normalizer contract; return what it did.

    Raises ``AssertionError`` naming the normalizer, the broken property and the
    input. The properties:

    - ``contract``: it has a ``name``, a ``stage``, a string ``version``, an int
      ``order``, a dict ``params`` and is callable;
    - ``params``: its params are JSON-serialisable and ``type(n)(**n.params)``
      gives the same output;
    - ``picklable``: a pickle round trip gives equal params and the same output;
    - ``deterministic``: two runs on the same input give the same text, edits and metadata;
    - ``records edits`` / ``edit steps``: a changed text or metadata field has
      edits, and every edit's step is the normalizer's name;
    - ``undo``: ``doc.undo()`` rebuilds the input exactly;
    - ``idempotent``: running it on its own output makes no text edit;
    - ``untouched``: each text of ``untouched`` comes out unchanged (pass texts
      the normalizer does not target);
    - ``raises``: it does not raise on any sample.

    ``samples`` are the texts to check (default :data:`SAMPLE_TEXTS`); with
    hypothesis installed, ``examples`` more texts are generated from
    :func:`news_text` (``examples=0`` turns that off). When the shared corpora are
    found (:func:`find_corpora`), the normalizer also runs on ``corpus_sample``
    BBC articles: the report counts its edits there, and only ``undo`` and
    ``raises`` are checked.
    """
    problems = validate_normalizer(normalizer)
    name = getattr(normalizer, "name", None) or type(normalizer).__name__
    if problems:
        raise _fail(name, "contract", "the object itself", f"it {'; '.join(problems)}. "
                    "Subclass newsclean.Normalizer and set name, stage and version")
    if isinstance(samples, str) or isinstance(untouched, str):
        raise TypeError("samples and untouched are lists of texts, not one string")
    texts = list(SAMPLE_TEXTS if samples is None else samples)
    report = NormalizerReport(name=name)

    # params, pickling
    try:
        json.dumps(normalizer.params)
    except (TypeError, ValueError) as exc:
        raise _fail(name, "params", "its params", f"{normalizer.params!r} is not JSON-serialisable ({exc})") from None
    try:
        normalizer.identity()
    except Exception as exc:
        raise _fail(name, "params", "identity()", f"{type(exc).__name__}: {exc} (are its data_files() there?)") from exc
    try:
        rebuilt = type(normalizer)(**normalizer.params)
    except Exception as exc:
        raise _fail(name, "params", "type(n)(**n.params)", f"{type(exc).__name__}: {exc}; the constructor "
                    "must accept its own params") from exc
    try:
        unpickled = pickle.loads(pickle.dumps(normalizer))
    except Exception as exc:
        raise _fail(name, "picklable", "pickle.dumps", f"{type(exc).__name__}: {exc}; hold only params "
                    "on the instance, cache loaded data in the module") from exc
    if type(unpickled) is not type(normalizer) or unpickled.params != normalizer.params:
        raise _fail(name, "picklable", "pickle round trip", f"got {unpickled!r} with params "
                    f"{getattr(unpickled, 'params', None)!r}, expected params {normalizer.params!r}")

    for i, text in enumerate(texts):
        where = f"sample {i}"
        doc = _check_text(normalizer, text, where, report)
        for prop, other in (("picklable", unpickled), ("params", rebuilt)):
            copy_doc = _run(other, text, where, name)
            if (copy_doc.text, copy_doc.edits) != (doc.text, doc.edits):
                raise _fail(name, prop, where, "the copy (" + ("pickle round trip" if prop == "picklable"
                            else "type(n)(**n.params)") + f") gives {copy_doc.text[:200]!r}, the original "
                            f"{doc.text[:200]!r}", text)

    for i, text in enumerate(untouched):
        where = f"untouched text {i}"
        doc = _check_text(normalizer, text, where, None)
        if doc.text != text or _text_edits(doc.edits):
            raise _fail(name, "untouched", where, f"it should be left alone but became {doc.text[:300]!r} "
                        f"({_text_edits(doc.edits)[:3]})", text)
        report.untouched += 1

    if examples > 0:
        report.examples = _check_generated(normalizer, examples)

    if corpus_sample > 0:
        _check_corpus(normalizer, corpus_sample, report)
    return report


def _check_generated(normalizer: Any, examples: int) -> int:
    try:
        from hypothesis import HealthCheck, given, settings
    except ImportError:
        return 0

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(news_text())
    def generated(text: str) -> None:
        _check_text(normalizer, text, "a generated text", None)

    generated()
    return examples


def find_corpora() -> Path | None:
    """The shared evaluation corpora: ``$NEWSCLEAN_CORPORA``, else ``../shared/corpora``
    beside the working directory or one of its parents (a project folder), else beside
    the newsclean source tree. ``None`` when there is none."""
    env = os.environ.get("NEWSCLEAN_CORPORA")
    if env:
        return Path(env) if Path(env).is_dir() else None
    cwd = Path.cwd()
    candidates = [d.parent / "shared" / "corpora" for d in (cwd, *cwd.parents)]
    candidates.append(Path(__file__).resolve().parent.parent.parent / "shared" / "corpora")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


@functools.lru_cache(maxsize=4)
def bbc_sample(size: int = 20, corpora: str | None = None) -> tuple[tuple[str, str], ...]:
    """``size`` BBC articles ``(name, text)`` spread evenly over the corpus (``()`` without corpora)."""
    root = Path(corpora) if corpora else find_corpora()
    tarball = root / "typos" / "bbc-fulltext.tar.gz" if root else None
    if tarball is None or not tarball.is_file() or size <= 0:
        return ()
    with tarfile.open(tarball) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
        step = max(1, len(members) // size)
        out = []
        for m in members[::step][:size]:
            fh = tar.extractfile(m)
            if fh is not None:
                out.append((m.name, fh.read().decode("utf-8", errors="replace")))
    return tuple(out)


def _check_corpus(normalizer: Any, size: int, report: NormalizerReport) -> None:
    root = find_corpora()
    articles = bbc_sample(size, str(root)) if root else ()
    if not articles:
        return
    name = normalizer.name
    report.corpus = str(root)
    report.corpus_documents = report.corpus_changed = report.corpus_edits = 0
    rules: collections.Counter[str] = collections.Counter()
    for article, text in articles:
        doc = _run(normalizer, text, article, name)
        if doc.undo() != text:
            raise _fail(name, "undo", article, "undo() does not rebuild the article", text)
        report.corpus_documents += 1
        report.corpus_changed += doc.text != text
        report.corpus_edits += len(doc.edits)
        rules.update(e.rule for e in doc.edits)
    report.corpus_rules = dict(rules)
