import pickle
import time

import pytest
from hypothesis import given

import newsclean
from newsclean import Document
from newsclean.plugins.misspellings import (
    MisspellingsNormalizer,
    derivation,
    edit_ops,
    judge,
    lexicon,
    ranked,
)
from newsclean.testing import assert_normalizes, load_cases, news_text, run_normalizer

from ..conftest import CASES


@pytest.mark.parametrize("case", load_cases(CASES / "misspellings.json"), ids=lambda c: c["why"][:50])
def test_cases(case):
    doc = assert_normalizes(MisspellingsNormalizer(), case["before"], case["after"], why=case["why"])
    assert all(e.step == "misspellings" and e.rule == "non_word" and e.note for e in doc.edits)
    assert run_normalizer(MisspellingsNormalizer(), doc.text).edits == []  # idempotent


def test_case_file_is_big_enough():
    cases = load_cases(CASES / "misspellings.json")
    fixes = [c for c in cases if c["before"] != c["after"]]
    assert len(cases) >= 40 and len(fixes) >= 15 and len(cases) - len(fixes) >= 20


def test_dictionary_loads_fast_and_once():
    lexicon.cache_clear()
    t = time.perf_counter()
    lex = lexicon()
    assert time.perf_counter() - t < 1.0
    assert lexicon() is lex
    assert len(lex.classes) > 80_000
    assert lex.classes["the"] > lex.classes["government"] > lex.classes["recourse"]
    assert "recieve" not in lex.classes and all(w.isalpha() and w.islower() for w in list(lex.classes)[:1000])
    assert lex.known("colour") and lex.known("color") and lex.known("organised")


def test_data_files_are_fingerprinted_and_shipped():
    names = {p.name for p in MisspellingsNormalizer().data_files()}
    assert names == {"words_en.tsv", "spelling_uk_us.tsv", "misspellings_bigrams.tsv", "names.tsv", "name_aliases.tsv"}
    for p in MisspellingsNormalizer().data_files():
        assert p.is_file()
    head = MisspellingsNormalizer().data_files()[0].read_text(encoding="utf-8")[:800]
    assert "symspellpy" in head and "MIT" in head and "SYMSPELLPY-LICENSE.txt" in head


def test_edit_kinds():
    assert edit_ops("recieve", "receive") == ["swap_vowels ie>ei"]
    assert edit_ops("finsihed", "finished") == ["swap si>is"]
    assert edit_ops("occured", "occurred") == ["missing_double r"]
    assert edit_ops("untill", "until") == ["extra_double l"]
    assert edit_ops("seperate", "separate") == ["vowel e>a"]
    assert edit_ops("wich", "which") == ["missing_h h"]
    assert edit_ops("tommorow", "tomorrow") == ["extra_double m", "missing_double r"]


def test_ranking_prefers_the_common_slip():
    best = ranked("goverment")[0]
    assert best.word == "government" and best.distance == 1


def test_derived_words_are_kept_but_not_misspelt_derivations():
    known = lexicon().known
    assert derivation("buoying", known)[0] == "buoy+ing"
    assert derivation("carmaker", known)[0] == "car+maker"
    assert derivation("occured", known, candidate="occurred") is None or "occur+ed" not in derivation(
        "occured", known, candidate="occurred"
    )[0]
    assert judge("buoying").fix is None
    assert judge("occured").fix == "occurred"


def test_edit_has_the_evidence():
    doc = run_normalizer(MisspellingsNormalizer(), "The goverment said so.")
    (edit,) = doc.edits
    assert (edit.step, edit.rule, edit.before, edit.after) == ("misspellings", "non_word", "goverment", "government")
    assert edit.note.startswith("->government (missing n; class ") and "margin" in edit.note


def test_case_is_kept_at_a_sentence_start():
    doc = run_normalizer(MisspellingsNormalizer(), "It rained. Recieve the goods.")
    assert doc.text == "It rained. Receive the goods."


def test_a_word_written_three_times_is_meant():
    text = "The zorbing event. Zorbing fans love zorbing, and zorbing is growing."
    assert run_normalizer(MisspellingsNormalizer(), text).edits == []
    text = "The goverment said. The goverment denied. The goverment again."
    assert run_normalizer(MisspellingsNormalizer(), text).edits == []


def test_fit_learns_the_corpus_words():
    docs = [Document(f"Story {i}: the telcos said the arguement was over.") for i in range(4)]
    n = MisspellingsNormalizer()
    learned = n.fit(docs)
    assert "telcos" in learned["vocabulary"] and "arguement" in learned["vocabulary"]
    fitted = MisspellingsNormalizer(**{**n.params, **learned})
    assert run_normalizer(fitted, "The arguement was over.").edits == []
    assert run_normalizer(n, "The arguement was over.").text == "The argument was over."
    # below min_corpus_count: not learned
    assert MisspellingsNormalizer(min_corpus_count=10).fit(docs)["vocabulary"] == []


def test_fit_through_a_pipeline():
    pipeline = newsclean.Pipeline.from_config({"load": ["newsclean.plugins.misspellings"]})
    assert "misspellings" in pipeline.names
    assert pipeline.clean("The goverment said so.").text == "The government said so."
    fitted = pipeline.fit([f"Doc {i}. The goverment said so." for i in range(5)])
    assert fitted["misspellings"].params["vocabulary"] == ["goverment"]
    assert fitted.clean("The goverment said so.").text == "The goverment said so."
    assert fitted.fingerprint != pipeline.fingerprint


def test_runs_after_typos():
    pipeline = newsclean.Pipeline.from_config({"load": ["newsclean.plugins.misspellings"]})
    names = pipeline.names
    assert names.index("typos") < names.index("misspellings") < names.index("names")


def test_switch_off():
    on = newsclean.Pipeline.from_config({"load": ["newsclean.plugins.misspellings"]})
    off = newsclean.Pipeline.from_config({"load": ["newsclean.plugins.misspellings"], "misspellings": False})
    assert "misspellings" in on.names and "misspellings" not in off.names
    assert off.clean("The goverment said so.").text == "The goverment said so."
    counted = newsclean.Pipeline.from_config(
        {"load": ["newsclean.plugins.misspellings"], "misspelling_min_corpus_count": 7}
    )
    assert counted["misspellings"].params["min_corpus_count"] == 7


def test_picklable():
    n = MisspellingsNormalizer(vocabulary=["telcos"])
    clone = pickle.loads(pickle.dumps(n))
    assert clone.params == n.params and clone.identity() == n.identity()
    assert run_normalizer(clone, "The goverment and the telcos.").text == "The government and the telcos."
    assert len(pickle.dumps(n)) < 2_000  # params only, no data


@given(news_text())
def test_never_loses_text(text):
    run_normalizer(MisspellingsNormalizer(), text)
