"""Corpus-level learning: Pipeline.fit, the fitted file, and the fit/profile/clean --fitted commands."""

import json
import pickle

import pytest

import newsclean
from newsclean import Document
from newsclean.cli import main
from newsclean.fitted import load_fitted

FOOTER = "SiteX is owned by Example Media Group and its partners."
QUOTE = '"We will not allow anyone to work inside Iraq against any country," the spokesman said.'


def article(i: int, *, footer: bool = True, quote: bool = False) -> str:
    parts = [
        f"Officials in district {i} said on Tuesday that the new bridge would open next spring after delays.",
        f"The project, number {i} in the plan, cost more than expected, according to the regional council.",
    ]
    if quote:
        parts.append(QUOTE)
    if footer:
        parts.append(FOOTER)
    return "\n\n".join(parts)


def corpus():
    docs = [Document(article(i, quote=i < 3), id=f"sitex/{i}.txt") for i in range(30)]
    docs += [Document(article(i, footer=False, quote=i < 2), id=f"sitey/{i}.txt") for i in range(30)]
    return docs


def test_fit_learns_a_sources_repeated_footer_and_not_a_repeated_quote():
    fitted = newsclean.Pipeline.from_config().fit(corpus())
    learned = fitted["structure"].params["learned"]
    assert learned["sitex"]["tail"] == [FOOTER]
    assert all(QUOTE not in lines for places in learned.values() for lines in places.values())
    assert "sitey" not in learned


def test_learned_lines_are_removed_for_their_source_only():
    fitted = newsclean.Pipeline.from_config().fit(corpus())
    doc = fitted.clean(article(99, quote=True), id="sitex/99.txt")
    assert FOOTER not in doc.text and QUOTE in doc.text
    assert {"kind": "learned", "text": FOOTER, "step": "structure"} in doc.removed
    assert doc.undo() == article(99, quote=True)
    other = fitted.clean(article(99), id="elsewhere/1.txt")
    assert FOOTER in other.text


def test_fitting_changes_the_fingerprint_and_survives_pickling():
    base = newsclean.Pipeline.from_config()
    fitted = base.fit(corpus())
    assert fitted.fingerprint != base.fingerprint
    again = pickle.loads(pickle.dumps(fitted))
    assert again.fingerprint == fitted.fingerprint
    assert FOOTER not in again.clean(article(5), id="sitex/5.txt").text


def test_fit_uses_a_bounded_sample():
    fitted = newsclean.Pipeline.from_config().fit(corpus(), sample_size=4)
    assert fitted["structure"].params["learned"] == {}  # 4 documents are below min_docs


def test_with_params_rejects_unknown_normalizers():
    with pytest.raises(newsclean.ConfigError, match="nosuch"):
        newsclean.Pipeline.from_config().with_params({"nosuch": {}})


@pytest.fixture
def folder(tmp_path):
    for doc in corpus():
        path = tmp_path / "in" / doc.id
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc.text, encoding="utf-8")
    return tmp_path


def test_cli_fit_profile_and_clean_with_the_fitted_file(folder, capsys):
    fitted_file = folder / "fitted.json"
    assert main(["fit", str(folder / "in"), "-o", str(fitted_file)]) == 0
    assert FOOTER in capsys.readouterr().out
    assert load_fitted(fitted_file)["structure"]["learned"]["sitex"]["tail"] == [FOOTER]
    assert json.loads(fitted_file.read_text())["documents"] == 60
    assert main(["profile", str(fitted_file)]) == 0
    assert FOOTER in capsys.readouterr().out
    out = folder / "out.jsonl"
    assert main(["clean", str(folder / "in"), "-o", str(out), "--fitted", str(fitted_file)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(FOOTER not in r["text"] for r in rows)
    assert sum(1 for r in rows if any(x["kind"] == "learned" for x in r["removed"])) == 30


@pytest.mark.parametrize("workers", [[], ["--num-proc", "2"]])
def test_cli_clean_with_fit_learns_in_the_same_run(folder, workers):
    out = folder / "out.jsonl"
    assert main(["clean", str(folder / "in"), "-o", str(out), "--fit", *workers]) == 0
    assert all(FOOTER not in json.loads(line)["text"] for line in out.read_text().splitlines())


def test_cli_fit_in_workers_writes_the_same_fitted_file(folder, capsys):
    alone, parallel = folder / "alone.json", folder / "parallel.json"
    assert main(["fit", str(folder / "in"), "-o", str(alone)]) == 0
    assert main(["fit", str(folder / "in"), "-o", str(parallel), "--num-proc", "2"]) == 0
    assert load_fitted(parallel) == load_fitted(alone)
    assert load_fitted(parallel)["structure"]["learned"]["sitex"]["tail"] == [FOOTER]


def test_cli_fit_refuses_to_overwrite_and_bad_fitted_files_are_clear(folder, capsys):
    fitted_file = folder / "fitted.json"
    fitted_file.write_text("{}")
    assert main(["fit", str(folder / "in"), "-o", str(fitted_file)]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["profile", str(fitted_file)]) == 2
    assert "not written by `newsclean fit`" in capsys.readouterr().err
    (folder / "bad.json").write_text("not json")
    assert main(["clean", str(folder / "in"), "-o", str(folder / "o.jsonl"), "--fitted", str(folder / "bad.json")]) == 2
    assert "is not JSON" in capsys.readouterr().err


# -- fitting in worker processes ------------------------------------------------------------------


class WordCount(newsclean.Normalizer):
    """Learns the words seen at least ``min_count`` times (from added-up counts); uppercases them."""

    name, stage, version = "wordcount", newsclean.Stage.TYPOS, "1"

    def __init__(self, min_count=3, words=()):
        super().__init__(min_count=min_count, words=sorted(words))

    def fit_counts(self, docs):
        import collections

        return collections.Counter(w for doc in docs for w in doc.text.split())

    def fit_from_counts(self, counts):
        return {"words": sorted(w for w, n in counts.items() if n >= self.params["min_count"])}

    def __call__(self, doc):
        words = set(self.params["words"])
        doc.apply(
            [newsclean.Span(i, i + len(w), w.upper(), "upper") for i, w in _tokens(doc.text) if w in words],
            step=self.name,
        )


class Exclaim(newsclean.Normalizer):
    """Runs before WordCount: what WordCount counts must be this step's output."""

    name, stage, version = "exclaim", newsclean.Stage.STRUCTURE, "1"

    def __call__(self, doc):
        i = doc.text.find("bridge")
        if i >= 0:
            doc.replace(i, i + 6, "viaduct", step=self.name, rule="rename")


class Longest(newsclean.Normalizer):
    """Learns by ``fit`` alone (no counts): the longest document id of the sample."""

    name, stage, version = "longest", newsclean.Stage.FINISH, "1"

    def __init__(self, longest=""):
        super().__init__(longest=longest)

    def fit(self, docs):
        return {"longest": max((d.id for d in docs), key=lambda i: (len(i), i))}

    def __call__(self, doc):
        pass


class Fails(newsclean.Normalizer):
    name, stage, version = "fails", newsclean.Stage.LAYOUT, "1"

    def __call__(self, doc):
        if doc.id == "sitey/7.txt":
            raise ValueError("bad document")


def _tokens(text):
    import re

    return [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]


def test_fitting_in_workers_adds_up_their_counts_to_the_single_process_result():
    pipeline = newsclean.Pipeline([Exclaim(), WordCount(min_count=40), Longest()])
    alone = pipeline.fit(corpus())
    parallel = pipeline.fit(corpus(), num_proc=2)
    assert parallel["wordcount"].params == alone["wordcount"].params
    assert "viaduct" in alone["wordcount"].params["words"] and "bridge" not in alone["wordcount"].params["words"]
    # a word frequent in the whole sample but under the threshold in each half is learned all the same
    # ("district" is in every document: 30 times in each worker's half, 60 in all)
    assert "district" in parallel["wordcount"].params["words"]
    assert "district" not in pipeline.fit(corpus()[:30])["wordcount"].params["words"]
    assert parallel["longest"].params == alone["longest"].params == {"longest": "sitey/29.txt"}
    assert parallel.fingerprint == alone.fingerprint


def test_a_failure_in_a_fitting_worker_names_the_document_and_step():
    pipeline = newsclean.Pipeline([Fails(), WordCount()])
    with pytest.raises(newsclean.NormalizerError, match=r"sitey/7.txt.*fails.*bad document"):
        pipeline.fit(corpus(), num_proc=2)


def test_only_learning_normalizers_change_and_steps_after_the_last_learner_are_not_run(monkeypatch):
    class LateExclaim(Exclaim):
        name, stage = "late_exclaim", newsclean.Stage.FINISH

    calls = []
    monkeypatch.setattr(LateExclaim, "__call__", lambda self, doc: calls.append(doc.id))
    pipeline = newsclean.Pipeline([WordCount(min_count=1000), LateExclaim()])
    for num_proc in (None, 2):
        fitted = pipeline.fit(corpus(), num_proc=num_proc)
        assert calls == [] and fitted["late_exclaim"] is pipeline["late_exclaim"]


def test_the_built_in_learners_count_and_learn_the_same_in_workers(bbc_sample):
    docs = [Document(text, id=name) for name, text in bbc_sample]
    pipeline = newsclean.Pipeline.from_config(misspelling_min_corpus_count=2)
    assert {n.name for n in pipeline.normalizers if n.counts_to_fit()} >= {"structure", "misspellings"}
    alone = pipeline.fit(docs)
    parallel = pipeline.fit(docs, num_proc=2)
    assert alone["misspellings"].params["vocabulary"], "the sample teaches some words"
    assert parallel.spec() == alone.spec() and parallel.fingerprint == alone.fingerprint
