import csv

import pytest
from hypothesis import given

from newsclean import Document
from newsclean.plugins.typos import TyposNormalizer, word_lists
from newsclean.testing import assert_normalizes, load_cases, news_text, run_normalizer

from ..conftest import CASES


@pytest.mark.parametrize("case", load_cases(CASES / "typos.json"), ids=lambda c: c["why"][:50])
def test_cases(case):
    doc = assert_normalizes(TyposNormalizer(), case["before"], case["after"], why=case["why"])
    assert all(e.rule == "doubled_word" and e.note for e in doc.edits)
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
