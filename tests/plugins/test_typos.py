import csv
import pickle

import pytest
from hypothesis import given

import newsclean
from newsclean import Document
from newsclean.plugins.typos import TyposNormalizer, confusion_candidates, confusion_data, word_lists
from newsclean.testing import assert_normalizes, load_cases, news_text, run_normalizer

from ..conftest import CASES


@pytest.mark.parametrize("case", load_cases(CASES / "typos.json"), ids=lambda c: c["why"][:50])
def test_cases(case):
    doc = assert_normalizes(TyposNormalizer(), case["before"], case["after"], why=case["why"])
    assert all(e.rule in ("doubled_word", "confusion") and e.note for e in doc.edits)
    assert run_normalizer(TyposNormalizer(), doc.text).edits == []  # idempotent


def test_word_lists_load():
    lists = word_lists()
    assert {"legit", "strandable", "always", "copula", "copula_subject", "determiner", "demonym"} <= set(lists)
    assert "had" in lists["legit"] and "the" in lists["always"]


@given(news_text())
def test_never_loses_text(text):
    run_normalizer(TyposNormalizer(), text)


def test_labelled_bbc_doubled_words(corpora):
    """All 17 errors fixed, all 47 legitimate repeats untouched (corpora/typos)."""
    with open(corpora / "typos" / "bbc_doubled_words_labeled.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) == 64
    wrong = []
    for row in rows:
        doc = Document(row["context"])
        TyposNormalizer()(doc)
        if bool(doc.edits) != (row["label(E=error,L=legit)"] == "E"):
            wrong.append((row["match"], row["context"]))
    assert wrong == []


# -- real-word errors (confusion sets) ---------------------------------------------------


def test_confusion_data_loads():
    data = confusion_data()
    assert confusion_data() is data  # read once per process
    assert "with" in data.alternatives["will"] and "will" in data.alternatives["with"]
    assert {"their", "they're"} <= set(data.alternatives["there"])
    assert data.proxies["it's"] == ("is", "has") and data.proxies["its"] == ("its",)
    assert "it's" not in data.alternatives["its"] and "its" in data.alternatives["it's"]  # "!its it's"
    assert "it's" in data.members["its"]
    assert data.thresholds["or", "of"] > data.thresholds["with", "will"]  # "=or of 3000", "=with will 5"
    assert data.cutoff > 0 and data.bigrams["relations", "with"] > data.cutoff
    assert all(w in data.unigrams for w in data.alternatives if "'" not in w)
    assert data.pattern.fullmatch("It's") and not data.pattern.search("without, withhold, oneself, tone")


def test_data_files_are_fingerprinted():
    names = {p.name for p in TyposNormalizer().data_files()}
    assert {"doubled_words.tsv", "confusion_sets.tsv", "confusion_bigrams.tsv"} <= names
    assert {p.name for p in TyposNormalizer(confusion=False).data_files()} == {"doubled_words.tsv"}


def test_confusion_edit_has_the_evidence():
    doc = run_normalizer(TyposNormalizer(), "We have good relations will all of our neighbours.")
    (edit,) = doc.edits
    assert (edit.step, edit.rule, edit.before, edit.after) == ("typos", "confusion", "will", "with")
    assert edit.note.startswith("will->with left=") and " right=" in edit.note
    left = float(edit.note.split("left=")[1].split()[0])
    right = float(edit.note.split("right=")[1])
    assert left > 1 and right > 1


def test_case_is_kept_at_a_sentence_start():
    doc = run_normalizer(TyposNormalizer(), "Their are many reasons for the fall.")
    assert doc.text == "There are many reasons for the fall."


def test_curly_apostrophe_is_kept():
    doc = run_normalizer(TyposNormalizer(), "The firm said it\u2019s own staff would be retrained.")
    assert doc.text == "The firm said its own staff would be retrained."
    doc = run_normalizer(TyposNormalizer(), "The firm said its own staff would be retrained.")
    assert doc.edits == []


def test_switch_off():
    text = "We have good relations will all of our neighbours. It was the the end."
    doc = run_normalizer(TyposNormalizer(confusion=False), text)
    assert [e.rule for e in doc.edits] == ["doubled_word"]
    pipeline = newsclean.Pipeline.from_config({"typo_confusion": False})
    assert pipeline["typos"].params == {"confusion": False}
    assert "will all" in pipeline.clean(text).text
    assert newsclean.Pipeline.from_config({})["typos"].params == {"confusion": True}
    assert pipeline.fingerprint != newsclean.Pipeline.from_config({}).fingerprint


def test_picklable():
    normalizer = TyposNormalizer()
    confusion_data()  # the data is cached by the module, never on the instance
    clone = pickle.loads(pickle.dumps(normalizer))
    assert clone.params == normalizer.params
    assert run_normalizer(clone, "relations will all of our neighbours").text == "relations with all of our neighbours"


@pytest.mark.parametrize(
    "text",
    [
        "We have good relations will all of our neighbours.",
        "One of there members said their was more then 200 people there.",
        "The firm said it's own staff will loose their jobs, too.",
    ],
)
def test_idempotent(text):
    once = run_normalizer(TyposNormalizer(), text).text
    assert once != text
    assert run_normalizer(TyposNormalizer(), once).edits == []


@given(news_text())
def test_confusion_idempotent_on_news_text(text):
    once = run_normalizer(TyposNormalizer(), text).text
    assert run_normalizer(TyposNormalizer(), once).edits == []


def test_candidates_skip_guarded_words():
    words = {c.word for c in confusion_candidates('Will Smith met Form One pupils; the word "their" and www.form.com')}
    assert words == set()


def test_thresholds_per_direction():
    from newsclean.plugins.typos import MIN_PRODUCT, Confusion, confusion_verdict

    data = confusion_data()
    # the same evidence, two directions: or->of needs overwhelming evidence, with->will much less
    strong_or = Confusion(0, 2, "or", "of", 40.0, 10.0, 1.0, data.thresholds["or", "of"])
    assert not confusion_verdict(strong_or)
    assert confusion_verdict(strong_or._replace(threshold=MIN_PRODUCT))
    everything = data.every_direction()
    assert "it's" in everything.alternatives["its"] and everything.thresholds == {}
    assert confusion_data() is data and "it's" not in data.alternatives["its"]


def test_candidates_on_every_direction_data():
    text = "The firm said its profits rose."
    assert [c.alternative for c in confusion_candidates(text)] == []  # "!its it's": no candidate
    (c,) = confusion_candidates(text, data=confusion_data().every_direction())
    assert (c.word, c.alternative) == ("its", "it's")


def test_a_day_is_no_name():
    day = confusion_candidates("It is released one Monday.")[-1]
    name = confusion_candidates("It is released one Mark.")[-1]
    assert day.word == name.word == "one"
    assert day.right > 1 and name.right == 1.0
